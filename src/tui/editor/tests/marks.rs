//! Marks: `m{a-z}`, `'{a-z}` (linewise) and `` `{a-z} `` (exact) as jumps and as operator motions, and marks
//! following the lines they are on. Every expected result is what Vim 9.0 gives with our defaults.

use super::cases;

cases! {
    mark_line_jump: "def f(x):\n    re|turn x\n\nprint(f(1))", "magg'a" => "def f(x):\n    |return x\n\nprint(f(1))";
    mark_exact_jump: "def f(x):\n    re|turn x\n\nprint(f(1))", "magg`a" => "def f(x):\n    re|turn x\n\nprint(f(1))";
    mark_delete_linewise: "a\nb|b\nc\nd", "majjd'a" => "|a";
    mark_yank_exact_then_put: "one t|wo three", "ma$y`a0P" => "wo thr|eone two three";
    mark_delete_exact_backwards: "one t|wo three", "maw d`a" => "one t|hree";
    mark_change_linewise: "x = 1\n|y = 2\nz = 3", "mbjc'bdone<Esc>" => "x = 1\ndon|e";
    mark_follows_inserted_line: "a\n|b\nc", "makOnew<Esc>G'ax" => "new\na\n|\nc";
    mark_follows_deleted_line: "a\nb\n|c", "maggdd'ax" => "b\n|";
    mark_on_deleted_line_is_gone: "a\n|b\nc", "maddgg'ax" => "|\nc";
    mark_follows_open_below: "a\n|b\nc", "maggonew<Esc>G`ax" => "a\nnew\n|\nc";
    mark_unset_is_an_error: "a\n|b", "'zx" => "a\n|";
    mark_column_clamped: "abc|def\nx", "ma$Dgg`ax" => "abc|e\nx";
    mark_follows_split_line: "a|b\nc\nd", "jmaggi<CR><Esc>G'ax" => "\nab\n|\nd";
    mark_follows_joined_lines: "a\nb\n|c", "maggJ'ax" => "a b\n|";
    mark_linewise_dot: "a\nb\nc\n|d\ne", "mkggd'kx" => "|";
}

#[test]
fn an_unset_mark_says_so() {
    let mut e = super::editor("a\n|b");
    super::feed(&mut e, "d'q");
    assert_eq!(e.status().map(|s| s.text.as_str()), Some("E20: Mark not set"));
    assert_eq!(e.text(), "a\nb", "the operator did nothing");
}
