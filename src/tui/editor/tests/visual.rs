//! Visual and visual-line modes.

use super::{cases, feed, run};
use crate::tui::editor::Mode;

cases! {
    v_delete: "|abc", "vld" => "|c";
    v_delete_multiline: "a|bc\ndef", "vjd" => "a|f";
    v_x_deletes: "|abc", "vlx" => "|c";
    v_yank_put: "|abc", "vlyP" => "a|babc";
    v_change_word: "foo b|ar", "viwcx<Esc>" => "foo |x";
    v_inner_paren_delete: "f(a, |b)", "vi(d" => "f(|)";
    v_swap_ends: "|abcd", "lvlohd" => "|d";
    v_tilde: "|abc", "vl~" => "|ABc";
    v_upper: "|abc", "vlU" => "|ABc";
    v_lower: "|ABC", "vlu" => "|abC";
    v_replace: "|abc", "vlrx" => "|xxc";
    v_replace_with_enter_is_refused: "|abc\nd", "vlr<CR><Esc>" => "a|bc\nd";
    vline_replace_with_enter_is_refused: "|abc\nd", "Vr<CR><Esc>" => "|abc\nd";
    v_dollar_delete_includes_newline: "|ab\ncd", "v$d" => "|cd";
    v_empty_line_delete_joins: "a\n|\nb", "vd" => "a\n|b";
    v_put_replaces: "|foo bar", "yiwwviwp" => "foo fo|o";
    v_put_keeps_replaced_in_unnamed: "|foo bar", "yiwwviwp0viwp" => "bar foo";
    v_search_extends: "|abcd", "v/c<CR>d" => "|d";
    v_count_motion: "|abcdef", "v3ld" => "|ef";
    v_big_i_inserts_at_start: "a|bc", "vlIx<Esc>" => "a|xbc";
    v_big_a_appends_after: "a|bc", "vlAx<Esc>" => "abc|x";
    v_gv_reselects: "|abc", "vl<Esc>gvd" => "|c";
    vline_delete: "a\n|b\nc", "Vd" => "a\n|c";
    vline_delete_two: "|a\nb\nc", "Vjd" => "|c";
    vline_yank_put: "|a\nb", "VyjP" => "a\n|a\nb";
    vline_change: "  |a\nb", "Vcx<Esc>" => "  |x\nb";
    vline_indent: "|a\nb", "Vj>" => "    a\n    b";
    vline_indent_count: "|a", "V2>" => "        a";
    vline_dedent: "    |a\n    b", "Vj<lt>" => "a\nb";
    vline_join: "|a\nb\nc", "VjjJ" => "a b| c";
    vline_upper: "|ab\ncd", "VjU" => "AB\nCD";
    vline_put_linewise: "|a\nb", "yyjVp" => "a\n|a";
    vline_put_whole_buffer: "|a\nb", "yyVjp" => "|a";
    v_big_x_deletes_lines: "a|b\ncd", "vX" => "|cd";
    v_big_y_yanks_lines: "a|b\ncd", "vYjp" => "ab\ncd\n|ab";
    v_big_c_changes_lines: "a|b\ncd", "vCx<Esc>" => "|x\ncd";
    v_colon_substitute: "|a\na\na", "Vj:s/a/b/<CR>" => "b\n|b\na";
    v_ip_becomes_linewise: "|a\nb\n\nc", "vipd" => "|\nc";
    v_dollar_h_keeps_last_char: "|abc\nde", "v$hd" => "|\nde";
    v_o_then_vertical: "a|bc\nabc\nabc", "vjlojd" => "abc\n|a\nabc";
    v_esc_keeps_text: "|abc", "vl<Esc>" => "a|bc";
}

#[test]
fn visual_mode_toggles() {
    let mut e = run("|abc", "v");
    assert_eq!(e.mode(), Mode::Visual);
    feed(&mut e, "V");
    assert_eq!(e.mode(), Mode::VisualLine);
    feed(&mut e, "V");
    assert_eq!(e.mode(), Mode::Normal);
    feed(&mut e, "vv");
    assert_eq!(e.mode(), Mode::Normal);
}

#[test]
fn visual_selection_reported() {
    let e = run("|abc\ndef", "vj");
    let (a, b, line) = e.selection().expect("selection");
    assert_eq!((a.row, a.col, b.row, b.col, line), (0, 0, 1, 0, false));
}

cases! {
    v_half_page_extends: "|a\nb\nc\nd", "v<C-d>d" => "|";
}
