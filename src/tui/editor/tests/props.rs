//! Property test: random keys on random buffers never panic and keep the editor's invariants; undoing
//! everything gives the original text back.

use proptest::prelude::*;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

use crate::tui::editor::{parse_keys, Editor, EditorView, Mode, Outcome, Theme};

const KEYS: &[&str] = &[
    "h",
    "j",
    "k",
    "l",
    "w",
    "b",
    "e",
    "W",
    "B",
    "E",
    "ge",
    "0",
    "^",
    "$",
    "gg",
    "G",
    "fa",
    "t(",
    "F ",
    "T:",
    ";",
    ",",
    "%",
    "{",
    "}",
    "H",
    "M",
    "L",
    "n",
    "N",
    "*",
    "#",
    "d",
    "c",
    "y",
    ">",
    "<lt>",
    "g~",
    "gu",
    "gU",
    "iw",
    "aw",
    "i(",
    "a[",
    "i\"",
    "a'",
    "ip",
    "ap",
    "x",
    "X",
    "D",
    "C",
    "s",
    "S",
    "p",
    "P",
    "rx",
    "J",
    "gJ",
    "o",
    "O",
    "a",
    "A",
    "i",
    "I",
    "~",
    "u",
    "<C-r>",
    ".",
    "v",
    "V",
    "gv",
    "<C-v>",
    "gn",
    "gN",
    "[(",
    "])",
    "[{",
    "O",
    "$",
    ":",
    "/",
    "?",
    "\"a",
    "\"A",
    "\"_",
    "<Esc>",
    "<CR>",
    "<BS>",
    "<Tab>",
    "<C-w>",
    "<C-u>",
    "<C-d>",
    "<C-e>",
    "<C-y>",
    "<C-f>",
    "<C-b>",
    "zz",
    "<Del>",
    "1",
    "2",
    "3",
    "0",
    "9",
    "q",
    " ",
    "(",
    ")",
    ":",
    "'",
    "\"",
    "x = 1",
    "<Up>",
    "<Down>",
    "<Left>",
    "<Right>",
    "<Home>",
    "<End>",
    "<C-c>",
    "s/a/b/g<CR>",
    "set rnu<CR>",
    "g/a/d<CR>",
    "v/b/norm Ax<CR>",
    "%norm I(<CR>",
    "a/e+1<CR>",
    "x/s-2<CR>",
    "dd",
    "yy",
    "<C-r>a",
    "\u{e9}",
    "if x:<CR>",
    "return<CR>",
];

fn buffer_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("a"),
            Just("b"),
            Just(" "),
            Just("\n"),
            Just("("),
            Just(")"),
            Just(":"),
            Just("'"),
            Just("\""),
            Just("x1"),
            Just("    "),
            Just("\t"),
            Just("#"),
            Just("[]"),
            Just("\u{e9}"),
            Just("\n\n")
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

fn check_invariants(e: &Editor) -> Result<(), TestCaseError> {
    let (row, col) = e.cursor();
    prop_assert!(row < e.line_count(), "row {row} of {}", e.line_count());
    let len = e.line(row).chars().count();
    match e.mode() {
        Mode::Insert => prop_assert!(col <= len, "insert col {col} len {len}"),
        _ => prop_assert!(col < len.max(1), "col {col} len {len} in {:?}", e.mode()),
    }
    let top = e.viewport_top();
    prop_assert!(top <= row && row < top + 6, "top {top} row {row}");
    prop_assert_eq!(e.text().split('\n').count() >= e.line_count(), true);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_keys_keep_invariants(text in buffer_text(), keys in proptest::collection::vec(0..KEYS.len(), 0..60)) {
        let mut e = Editor::new(&text);
        e.set_viewport_height(6);
        for i in keys {
            for k in parse_keys(KEYS[i]).expect("vocabulary parses") {
                e.handle_key(k);
                check_invariants(&e)?;
            }
        }
        let theme = Theme::dark();
        let mut t = Terminal::new(TestBackend::new(30, 7)).expect("terminal");
        t.draw(|f| f.render_widget(&EditorView::new(&e, &theme), f.area())).expect("draw");
        // Back to normal mode, then undo everything: the original text must come back.
        for k in parse_keys("<Esc><Esc><C-c>").expect("parse") {
            e.handle_key(k);
        }
        let u = parse_keys("u").expect("parse")[0];
        for _ in 0..500 {
            if let Outcome::Status(s) = e.handle_key(u) {
                if s.text == "Already at oldest change" {
                    break;
                }
            }
        }
        let want = Editor::new(&text).text();
        prop_assert_eq!(e.text(), want);
    }
}
