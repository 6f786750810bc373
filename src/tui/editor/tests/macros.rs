//! Macros: `q{reg}` … `q`, `@{reg}`, `@@`, counts, and a failing command ending the macro. Every expected
//! result is what Vim 9.0 gives (`vim -u NONE -N` with our defaults), except where a comment says otherwise.

use super::cases;

cases! {
    macro_records_and_replays: "|a1\nb2\nc3", "qaA;<Esc>jq@a" => "a1;\nb2;\nc|3";
    macro_count: "|x = 1\nx = 1\nx = 1\nx = 1", "qa<C-a>jq2@a" => "x = 2\nx = 2\nx = 2\nx = |1";
    macro_at_at_repeats_last: "|a\nb\nc\nd", "qaI- <Esc>jq@a@@" => "- a\n- b\n- c\n|d";
    macro_count_at_at: "|a\nb\nc\nd\ne", "qaI- <Esc>jq@a2@@" => "- a\n- b\n- c\n- d\n|e";
    macro_failing_motion_stops_count: "|foo(a)\nbar\nbaz(b)", "qaf(x<Esc>jq5@a" => "fooa)\nba|r\nbaz(b)";
    macro_recursive_stops_at_end: "|n = 1\nn = 2\nn = 3\nn = 4", "qaqqa<C-a>j@aq@a" => "n = 2\nn = 3\nn = 4\nn = |5";
    macro_failed_search_stops: "|x\nx\nx", "qa/x<CR>rYq10@a" => "|Y\nY\nY";
    macro_register_holds_keys: "|ab", "qaxq\"ap" => "b|x";
    macro_uppercase_appends: "|abcdef", "qaxqqAxq@a" => "|ef";
    macro_with_insert_and_dot: "|one\ntwo\nthree", "qacwX<Esc>jq@a." => "X\nX\n|X";
    macro_leaves_unnamed_alone: "|ab\ncd", "yyqajqp" => "ab\ncd\n|ab";
    macro_undo_is_per_command: "|ab\ncd\nef", "qaxjq@au" => "b\n|cd\nef";
}

// Not vim: registers hold key notation (vim stores raw bytes, which cannot be typed here), so a macro
// written as text and yanked into a register replays `<Esc>` as the key.
cases! {
    macro_from_yanked_notation: "|A!<Esc>j\nx\ny", "\"ay$dd@a" => "x!\n|y";
}

#[test]
fn recording_is_shown_and_the_register_reads_as_notation() {
    let mut e = super::editor("|ab");
    super::feed(&mut e, "qb");
    assert_eq!(e.recording(), Some('b'));
    assert_eq!(e.status().map(|s| s.text.as_str()), Some("recording @b"));
    super::feed(&mut e, "A<lt>x<Esc>q");
    assert_eq!(e.recording(), None);
    assert_eq!(e.register('b').map(|r| r.text), Some("A<lt>x<Esc>".to_string()));
}

#[test]
fn a_macro_that_never_fails_is_stopped_with_a_message() {
    let mut e = super::editor("|ab");
    super::feed(&mut e, "qaylp@aq@a");
    let status = e.status().expect("a message says why the macro stopped");
    assert_eq!(status.text, format!("macro stopped after {} keys", crate::tui::editor::macros::MAX_KEYS));
    assert!(e.line(0).len() < crate::tui::editor::macros::MAX_KEYS, "it stopped");
    super::feed(&mut e, "0x");
    assert!(e.line(0).starts_with('a'), "the editor still takes keys");
}
