//! Key routing (`Unhandled`), user mappings, the key-notation parser, the bindings table, scrolling,
//! text replacement, paste, and the syntax tokenizer.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{cases, editor, feed, marked, run};
use crate::tui::editor::keymap::modes;
use crate::tui::editor::syntax::{highlight_line, state_at, LineState, TokenKind};
use crate::tui::editor::{bindings, key_name, parse_keys, Editor, ExCommand, Mode, Outcome};

cases! {
    count_then_esc_cancels: "|abc", "3<Esc>x" => "|bc";
    operator_then_esc_cancels: "|abc", "d<Esc>x" => "|bc";
    unknown_motion_cancels_operator: "|abc", "dQx" => "|bc";
    big_count_is_clamped: "|abc", "99999999999999999999x" => "|";
    g_prefix_unknown_cancels: "|abc", "gqx" => "|bc";
}

#[test]
fn keys_the_app_gets() {
    let mut e = editor("|a");
    assert_eq!(feed(&mut e, "<Esc>"), Outcome::Unhandled);
    assert_eq!(feed(&mut e, "<C-q>"), Outcome::Unhandled);
    assert_eq!(feed(&mut e, "<F5>"), Outcome::Unhandled);
    assert_eq!(feed(&mut e, "<C-c>"), Outcome::Unhandled);
    assert_eq!(feed(&mut e, "<Tab>"), Outcome::Unhandled);
    assert_eq!(feed(&mut e, "2<Esc>"), Outcome::Consumed);
    feed(&mut e, "i");
    assert_eq!(feed(&mut e, "<C-s>"), Outcome::Unhandled);
    assert_eq!(feed(&mut e, "<A-x>"), Outcome::Unhandled);
    assert_eq!(feed(&mut e, "x"), Outcome::Consumed);
    assert_eq!(e.text(), "xa");
}

#[test]
fn release_events_are_ignored() {
    let mut e = editor("|a");
    let mut k = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
    k.kind = crossterm::event::KeyEventKind::Release;
    assert_eq!(e.handle_key(k), Outcome::Unhandled);
    assert_eq!(e.text(), "a");
}

#[test]
fn shifted_letters_from_the_terminal() {
    let mut e = editor("|ab");
    e.handle_key(KeyEvent::new(KeyCode::Char('A'), KeyModifiers::SHIFT));
    e.handle_key(KeyEvent::new(KeyCode::Char('X'), KeyModifiers::SHIFT));
    e.handle_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    assert_eq!(e.text(), "abX");
}

#[test]
fn user_mappings() {
    let mut e = editor("|a b");
    e.map("normal", "<C-s>", ":w<CR>").expect("map");
    assert_eq!(feed(&mut e, "<C-s>"), Outcome::Ex(ExCommand::Write(None)));
    e.map("normal", "Q", "dw").expect("map");
    feed(&mut e, "Q");
    assert_eq!(e.text(), "b");
    e.map("insert", "<C-l>", "<Esc>A!").expect("map");
    feed(&mut e, "i<C-l><Esc>");
    assert_eq!(e.text(), "b!");
    e.map("normal", "x", "dd").expect("noremap: the rhs is not remapped");
    feed(&mut e, "x");
    assert_eq!(e.text(), "");
}

#[test]
fn bad_mappings_name_the_key() {
    let mut e = editor("");
    let err = e.map("insert", "jk", "<Esc>").expect_err("multi-key insert map");
    assert!(err.to_string().contains("\"jk\""), "{err}");
    let err = e.map("normal", "<Foo-x>", "x").expect_err("bad key");
    assert!(err.to_string().contains("<Foo-x>"), "{err}");
    let err = e.map("weird", "x", "y").expect_err("bad mode");
    assert!(err.to_string().contains("weird"), "{err}");
}

#[test]
fn key_notation_parser() {
    let keys = parse_keys("d2w<Esc><C-r>\"a<lt><CR><Space><S-Tab><F5><A-x>").expect("parse");
    let names: Vec<String> = keys.iter().map(key_name).collect();
    let want = ["d", "2", "w", "<Esc>", "<C-r>", "\"", "a", "<lt>", "<CR>", "<Space>", "<S-Tab>", "<F5>", "<A-x>"];
    assert_eq!(names, want);
    assert_eq!(parse_keys("<<").expect("parse").len(), 2);
    assert_eq!(parse_keys("a<b>c").expect("parse").len(), 5);
    assert!(parse_keys("<Escape>").is_err());
}

#[test]
fn bindings_table_covers_the_editor() {
    let b = bindings();
    assert!(b.len() > 150, "{}", b.len());
    for keys in ["w", "dd", "d", "iw", "u", "<C-r>", ".", "/", "n", "*", "gg", "%", "H", "\"{char}", ":w [FILE]"] {
        let found = b.iter().any(|x| x.keys == keys || (keys == "dd" && x.keys == "d"));
        assert!(found, "missing binding {keys}");
    }
    for x in b {
        assert!(!x.description.is_empty(), "{} has no description", x.keys);
        let known = [
            modes::MOTION,
            modes::OPERATOR,
            modes::TEXT_OBJECT,
            modes::NORMAL,
            modes::VISUAL,
            modes::INSERT,
            modes::COMMAND_LINE,
            modes::EX,
        ];
        assert!(known.contains(&x.mode), "{} has mode {}", x.keys, x.mode);
        if x.mode != modes::EX {
            let probe = x.keys.replace("{char}", "x");
            assert!(parse_keys(&probe).is_ok(), "binding {} does not parse", x.keys);
        }
    }
}

#[test]
fn scrolling_keeps_cursor_visible() {
    let text: String = (0..100).map(|i| format!("line {i}\n")).collect();
    let mut e = Editor::new(&text);
    e.set_viewport_height(10);
    feed(&mut e, "50G");
    let top = e.viewport_top();
    assert!(top <= 49 && 49 < top + 10, "top {top}");
    feed(&mut e, "<C-d>");
    assert_eq!(e.cursor().0, 54);
    feed(&mut e, "zt");
    assert_eq!(e.viewport_top(), 54 - 3);
    feed(&mut e, "zz");
    assert_eq!(e.viewport_top(), 54 - 5);
    feed(&mut e, "H");
    assert_eq!(e.cursor().0, e.viewport_top() + 3);
    feed(&mut e, "L");
    assert_eq!(e.cursor().0, e.viewport_top() + 6);
    e.scroll_lines(-30);
    let (row, _) = e.cursor();
    assert!(row >= e.viewport_top() && row < e.viewport_top() + 10);
    feed(&mut e, "G<C-u>");
    assert_eq!(e.cursor().0, 94);
    feed(&mut e, "gg<C-f>");
    assert!(e.viewport_top() >= 8);
    feed(&mut e, "<C-b>");
    assert_eq!(e.viewport_top(), 0);
    feed(&mut e, "3<C-e>");
    assert_eq!(e.viewport_top(), 3);
}

#[test]
fn set_text_is_undoable_and_load_text_is_fresh() {
    let mut e = run("|abc\ndef\n", "jx");
    e.set_text("starter\n");
    assert_eq!(e.text(), "starter\n");
    feed(&mut e, "u");
    assert_eq!(e.text(), "abc\nef\n");
    e.load_text("new\n");
    assert!(!e.is_modified());
    assert_eq!(
        feed(&mut e, "u"),
        Outcome::Status(crate::tui::editor::Status {
            text: "Already at oldest change".into(),
            level: crate::tui::editor::Level::Info,
        })
    );
}

#[test]
fn text_round_trips_final_newline() {
    assert_eq!(Editor::new("a\nb\n").text(), "a\nb\n");
    assert_eq!(Editor::new("a\r\nb").text(), "a\nb");
    assert_eq!(Editor::new("").text(), "");
}

#[test]
fn paste_is_one_undo_step() {
    let mut e = editor("a|b");
    e.insert_text("x\ny");
    assert_eq!(e.text(), "ax\nyb");
    assert_eq!(e.mode(), Mode::Normal);
    feed(&mut e, "u");
    assert_eq!(e.text(), "ab");
    feed(&mut e, "i");
    e.insert_text("zz");
    feed(&mut e, "<Esc>");
    assert_eq!(marked(&e), "az|zb");
}

#[test]
fn pending_keys_show_the_command() {
    let mut e = editor("|abc");
    feed(&mut e, "\"a2d3");
    assert_eq!(e.pending_keys(), "\"a2d3");
    assert_eq!(e.mode(), Mode::OperatorPending);
    feed(&mut e, "<Esc>");
    assert_eq!(e.pending_keys(), "");
}

fn kinds(line: &str, state: LineState) -> (Vec<(String, TokenKind)>, LineState) {
    let chars: Vec<char> = line.chars().collect();
    let mut spans = Vec::new();
    let next = highlight_line(&chars, state, &mut spans);
    (spans.iter().map(|s| (chars[s.start..s.end].iter().collect(), s.kind)).collect(), next)
}

#[test]
fn python_tokens() {
    let (t, s) = kinds("def two_sum(self, nums: list[int]) -> None:  # x", LineState::Code);
    assert_eq!(s, LineState::Code);
    assert_eq!(
        t,
        vec![
            ("def".into(), TokenKind::Keyword),
            ("two_sum".into(), TokenKind::Definition),
            ("self".into(), TokenKind::SelfParam),
            ("list".into(), TokenKind::Builtin),
            ("int".into(), TokenKind::Builtin),
            ("None".into(), TokenKind::Constant),
            ("# x".into(), TokenKind::Comment),
        ]
    );
    let (t, _) = kinds("x = f'a' + r\"b\" + 0x1F + 1.5e-3 + 'it\\'s'", LineState::Code);
    let strings: Vec<&str> = t.iter().filter(|x| x.1 == TokenKind::String).map(|x| x.0.as_str()).collect();
    assert_eq!(strings, ["f'a'", "r\"b\"", "'it\\'s'"]);
    let numbers: Vec<&str> = t.iter().filter(|x| x.1 == TokenKind::Number).map(|x| x.0.as_str()).collect();
    assert_eq!(numbers, ["0x1F", "1.5e-3"]);
    let (t, _) = kinds("@functools.cache", LineState::Code);
    assert_eq!(t, vec![("@functools.cache".into(), TokenKind::Decorator)]);
}

#[test]
fn triple_quoted_strings_span_lines() {
    let (t, s) = kinds("    \"\"\"Doc start", LineState::Code);
    assert_eq!(s, LineState::Triple('"'));
    assert_eq!(t[0].1, TokenKind::String);
    let (t, s) = kinds("still doc \"\"\" + len(x)", s);
    assert_eq!(s, LineState::Code);
    assert_eq!(t[0], ("still doc \"\"\"".into(), TokenKind::String));
    assert_eq!(t[1], ("len".into(), TokenKind::Builtin));
    let lines: Vec<Vec<char>> = ["a = '''", "b", "'''", "c"].iter().map(|l| l.chars().collect()).collect();
    assert_eq!(state_at(&lines, 2), LineState::Triple('\''));
    assert_eq!(state_at(&lines, 3), LineState::Code);
}

#[test]
fn is_typing_while_text_or_a_command_is_in_progress() {
    let mut e = editor("|abc");
    assert!(!e.is_typing());
    feed(&mut e, "2");
    assert!(e.is_typing());
    feed(&mut e, "<Esc>i");
    assert!(e.is_typing());
    feed(&mut e, "<Esc>:");
    assert!(e.is_typing());
    feed(&mut e, "<Esc>v");
    assert!(!e.is_typing());
}

#[test]
fn plus_register_yanks_go_to_the_system_clipboard() {
    let mut e = editor("|one\ntwo");
    feed(&mut e, "yy");
    assert_eq!(e.take_clipboard(), None, "a plain yank stays in the editor");
    feed(&mut e, "\"+yy");
    assert_eq!(e.take_clipboard().as_deref(), Some("one\n"));
    assert_eq!(e.take_clipboard(), None, "taken once");
    feed(&mut e, "j\"*yiw");
    assert_eq!(e.take_clipboard().as_deref(), Some("two"));
    // Without a clipboard tool, "+p pastes what was last sent there, linewise or not as it was yanked.
    feed(&mut e, "yyk\"+p");
    assert_eq!(e.text(), "otwone\ntwo");
    feed(&mut e, "\"+yy\"+P");
    assert_eq!(e.text(), "otwone\notwone\ntwo");
}

#[test]
fn plus_register_reads_a_clipboard_tool_when_there_is_one() {
    let mut e = editor("|a");
    e.set_clipboard_reader(Some(|| Some("from outside".to_string())));
    feed(&mut e, "\"+p");
    assert_eq!(marked(&e), "afrom outsid|e");
    e.set_clipboard_reader(Some(|| Some("x\ny\n".to_string())));
    feed(&mut e, "\"+P");
    assert_eq!(e.text(), "x\ny\nafrom outside", "a clipboard that ends a line pastes linewise");
    e.set_clipboard_reader(Some(|| None));
    feed(&mut e, "yy\"+p");
    assert_eq!(e.text(), "x\nx\ny\nafrom outside", "no answer: the unnamed register");
}

#[test]
fn clipboard_unnamedplus_sends_every_yank_and_delete() {
    let mut e = editor("|ab cd");
    feed(&mut e, ":set clipboard=unnamedplus<CR>");
    feed(&mut e, "yiw");
    assert_eq!(e.take_clipboard().as_deref(), Some("ab"));
    feed(&mut e, "x");
    assert_eq!(e.take_clipboard().as_deref(), Some("a"));
    feed(&mut e, ":set clipboard=<CR>yiw");
    assert_eq!(e.take_clipboard(), None);
    feed(&mut e, ":set clipboard=bogus<CR>");
    assert!(e.status().is_some_and(|s| s.text.contains("E474")), "{:?}", e.status());
}
