//! Dot repeat, undo / redo granularity and registers.

use super::{cases, feed, run};
use crate::tui::editor::{Outcome, Register};

cases! {
    dot_repeats_dw: "|a b c d", "dw." => "|c d";
    dot_with_new_count: "|a b c d e", "dw3." => "|e";
    dot_keeps_original_count: "|abcdefg", "2x." => "|efg";
    dot_repeats_append: "|foo\nbar", "A!<Esc>j." => "foo!\nbar|!";
    dot_repeats_change_word: "|a b", "ciwx<Esc>w." => "x |x";
    dot_repeats_cw: "|foo bar", "cwbaz<Esc>w." => "baz ba|z";
    dot_repeats_dd: "|a\nb\nc", "dd." => "|c";
    dot_repeats_x: "|abc", "x." => "|c";
    dot_repeats_counted_insert: "|", "2ia<Esc>." => "aa|aa";
    dot_repeats_o: "|a", "ob<Esc>." => "a\nb\n|b";
    dot_repeats_indent: "|a\nb", ">>j." => "    a\n    |b";
    dot_repeats_replace: "|abcd", "rxl." => "x|xcd";
    dot_repeats_put: "|a", "yyp." => "a\na\n|a";
    dot_repeats_tilde: "|abcd", "~." => "AB|cd";
    dot_repeats_visual_charwise: "|abcdef", "vld." => "|ef";
    dot_repeats_visual_linewise: "|a\nb\nc\nd\ne", "Vjd." => "|e";
    dot_repeats_search_delete: "|a x b x c", "d/x<CR>." => "|x c";
    dot_repeats_join: "|a\nb\nc\nd", "J." => "a b| c\nd";
    dot_repeats_s: "|abcd", "2sx<Esc>l." => "x|x";
    dot_repeats_text_object: "(a) (|b)", "di(0." => "(|) ()";
    dot_after_undo: "|a b c", "dwu." => "|b c";
    dot_repeats_big_d: "ab|c\ndef", "Dj." => "ab\nd|e";
    dot_repeats_autoindent_insert: "|if x:", "oy<Esc>." => "if x:\n    y\n    |y";
    undo_x: "|abc", "xu" => "|abc";
    undo_two_steps: "|abc", "xxuu" => "|abc";
    undo_count: "|abcd", "xxx2u" => "|bcd";
    undo_insert_session_is_one_step: "|", "ihello<CR>world<Esc>u" => "";
    undo_change_is_one_step: "foo |bar", "ciwxyz<Esc>u" => "foo bar";
    redo: "|", "ihello<Esc>u<C-r>" => "hello";
    redo_count: "|abc", "xxx3u2<C-r>" => "c";
    undo_dd_restores_cursor_line: "a\n|b\nc", "ddu" => "a\n|b\nc";
    undo_dot_separately: "|a\nb\nc", "dd.u" => "|b\nc";
    new_change_clears_redo: "|abc", "xux<C-r>" => "bc";
    undo_visual_op: "|ab\ncd", "Vjdu" => "ab\ncd";
    undo_counted_open: "|a", "3ox<Esc>u" => "a";
    undo_put: "|a", "yy3pu" => "a";
    undo_substitute: "|aaa", ":s/a/b/g<CR>u" => "aaa";
    named_register_yank_put: "|a\nb", "\"ayyj\"ap" => "a\nb\n|a";
    named_register_delete: "|a\nb", "\"addj\"aP" => "|a\nb";
    uppercase_register_appends: "|foo bar", "\"ayiww\"Ayiw$\"ap" => "foo barfoobar";
    yank_register_zero_survives_delete: "|a\nb", "yyjdd\"0p" => "a\n|a";
    black_hole_keeps_unnamed: "|a\nb", "yyj\"_ddp" => "a\n|a";
    numbered_register_one: "|a\nb", "dddd\"2p" => "\n|a";
    put_empty_register_does_nothing: "|a", "\"qp" => "|a";
}

#[test]
fn registers_know_linewise_and_charwise() {
    let e = run("|ab\ncd", "yy");
    assert_eq!(e.register('"'), Some(Register { text: "ab\n".into(), linewise: true, blockwise: false }));
    let e = run("|ab\ncd", "yl");
    assert_eq!(e.register('"'), Some(Register { text: "a".into(), linewise: false, blockwise: false }));
    let e = run("|ab\ncd", "\"zyj");
    assert_eq!(e.register('z'), Some(Register { text: "ab\ncd\n".into(), linewise: true, blockwise: false }));
}

#[test]
fn uppercase_append_linewise() {
    let e = run("|a\nb", "\"ayyj\"Ayy");
    assert_eq!(e.register('a'), Some(Register { text: "a\nb\n".into(), linewise: true, blockwise: false }));
}

#[test]
fn small_delete_register() {
    let e = run("|abc", "x");
    assert_eq!(e.register('-').map(|r| r.text), Some("a".into()));
    assert_eq!(e.register('"').map(|r| r.text), Some("a".into()));
}

#[test]
fn yank_message_and_undo_messages() {
    let mut e = run("|a\nb\nc\nd", "");
    match feed(&mut e, "3yy") {
        Outcome::Status(s) => assert_eq!(s.text, "3 lines yanked"),
        o => panic!("unexpected {o:?}"),
    }
    match feed(&mut e, "u") {
        Outcome::Status(s) => assert_eq!(s.text, "Already at oldest change"),
        o => panic!("unexpected {o:?}"),
    }
    match feed(&mut e, "3dd") {
        Outcome::Status(s) => assert_eq!(s.text, "3 fewer lines"),
        o => panic!("unexpected {o:?}"),
    }
}

#[test]
fn nothing_in_register_message() {
    let mut e = run("|a", "");
    match feed(&mut e, "\"qp") {
        Outcome::Status(s) => assert_eq!(s.text, "E353: Nothing in register q"),
        o => panic!("unexpected {o:?}"),
    }
}

#[test]
fn modified_tracks_undo_to_saved_state() {
    let mut e = run("|abc", "");
    assert!(!e.is_modified());
    feed(&mut e, "x");
    assert!(e.is_modified());
    feed(&mut e, "u");
    assert!(!e.is_modified());
    feed(&mut e, "x");
    e.mark_saved();
    assert!(!e.is_modified());
    feed(&mut e, "ia");
    assert!(e.is_modified(), "typing in insert mode counts before Esc");
}
