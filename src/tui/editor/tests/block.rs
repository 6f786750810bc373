//! Visual block mode (`<C-v>`): every case checked against Vim 9.0 (`vim -u NONE -N` with `sw=4 et ai`).

use super::{cases, run};
use crate::tui::editor::Mode;

cases! {
    vb_delete: "|abcd\nabcd\nabcd", "l<C-v>jld" => "a|d\nad\nabcd";
    vb_x_short_line: "a|bcd\na\nabcd", "<C-v>jjlx" => "a|d\na\nad";
    vb_dollar_delete: "a|bcd\nab\nabcdef", "<C-v>jj$d" => "|a\na\na";
    vb_big_o_swaps_columns: "|abcd\nabcd", "l<C-v>jlOhd" => "|d\nd";
    vb_count_motion: "|abcdef\nabcdef", "<C-v>j3ld" => "|ef\nef";
    vb_change: "|abcd\nabcd\nabcd", "<C-v>jjlcX<Esc>" => "|Xcd\nXcd\nXcd";
    vb_change_short_line: "|abcd\na\nabcd", "l<C-v>jjlcX<Esc>" => "a|Xd\naX\naXd";
    vb_insert: "a|bc\nabc\nabc", "<C-v>jjIxx<Esc>" => "a|xxbc\naxxbc\naxxbc";
    vb_insert_short_line: "a|bc\n\nabc", "<C-v>jjIx<Esc>" => "a|xbc\n\naxbc";
    vb_append: "|ab\nabcd\nabc", "<C-v>jjlAx<Esc>" => "|abx\nabxcd\nabxc";
    vb_append_pads_short: "|abc\na\nabc", "l<C-v>jjlAx<Esc>" => "a|bcx\na  x\nabcx";
    vb_dollar_append: "|ab\nabcd\na", "<C-v>jj$Ax<Esc>" => "|abx\nabcdx\nax";
    vb_yank_put_block: "|ab\ncd\nef", "<C-v>jly$p" => "ab|ab\ncdcd\nef";
    vb_yank_put_before: "|ab\ncd", "<C-v>jyP" => "|aab\nccd";
    vb_put_pads_lines: "|abc\nd\nefg", "l<C-v>jjy0P" => "|babc\n d\nfefg";
    vb_put_pads_in_middle: "|x\nyyy", "<C-v>j$yjlp" => "x\nyy|x  y\n  yyy";
    vb_put_past_end_adds_lines: "|ab\ncd\nef", "<C-v>jyGp" => "ab\ncd\ne|af\n c";
    vb_replace: "|abcd\nabcd", "l<C-v>jlrx" => "a|xxd\naxxd";
    vb_replace_short: "|abcd\na\nabcd", "l<C-v>jjlrx" => "a|xxd\na\naxxd";
    vb_indent: "|ab\nab", "l<C-v>j>" => "a|    b\na    b";
    vb_dedent: "|a      b\na      b", "l<C-v>j<lt>" => "a|  b\na  b";
    vb_tilde: "|abcd\nabcd", "l<C-v>jl~" => "a|BCd\naBCd";
    vb_upper: "|abcd\nabcd", "l<C-v>jlU" => "a|BCd\naBCd";
    vb_lower: "|ABCD\nABCD", "l<C-v>jlu" => "A|bcD\nAbcD";
    vb_gv_reselects: "|abc\nabc", "<C-v>jl<Esc>gvd" => "|c\nc";
    vb_dot_repeats: "|abcd\nabcd\nabcd\nabcd", "<C-v>jdj." => "bcd\n|cd\nbcd\nabcd";
    vb_yank_cursor: "ab|cd\nabcd", "<C-v>jhy" => "a|bcd\nabcd";
    vb_dollar_yank_put: "|ab\nabcd", "<C-v>j$yGo<Esc>p" => "ab\nabcd\n|ab\nabcd";
    vb_big_d_to_eol: "a|bcd\nabcd", "<C-v>jD" => "|a\na";
    vb_change_dot: "|abcd\nabcd\nabcd\nabcd", "<C-v>jcX<Esc>jj." => "Xbcd\nXbcd\n|Xbcd\nXbcd";
    vb_insert_undo: "|abc\nabc", "<C-v>jIx<Esc>u" => "|abc\nabc";
    vb_from_visual: "|abc\nabc", "vj<C-v>d" => "|bc\nbc";
    vb_dollar_change: "a|bc\nabcd", "<C-v>j$cX<Esc>" => "a|X\naX";
    vb_o_swaps_corners: "|abcd\nabcd", "<C-v>jlold" => "a|cd\nacd";
    vb_insert_line_ending_at_block: "|abc\na\nabc", "l<C-v>jjIx<Esc>" => "a|xbc\nax\naxbc";
    vb_change_cursor: "|abcd\nabcd", "<C-v>jcXY<Esc>" => "X|Ybcd\nXYbcd";
    vb_change_too_short: "|abcd\n\nabcd", "l<C-v>jjcX<Esc>" => "a|Xcd\n\naXcd";
    vb_append_cursor: "|abcd\nabcd", "l<C-v>jAXY<Esc>" => "a|bXYcd\nabXYcd";
    vb_insert_cursor: "|abcd\nabcd", "l<C-v>jIXY<Esc>" => "a|XYbcd\naXYbcd";
    vb_insert_bottom_up: "abcd\n|abcd", "l<C-v>kIX<Esc>" => "a|Xbcd\naXbcd";
    vb_delete_register_put: "|abcd\nabcd", "<C-v>jld$p" => "cd|ab\ncdab";
    vb_yank_put_count: "|ab\ncd", "<C-v>jy2P" => "|aaab\ncccd";
    vb_dollar_then_j: "|abcd\nab\nabc", "<C-v>$jjd" => "|\n\n";
    vb_indent_count: "|ab\nab", "l<C-v>j2>" => "a|        b\na        b";
    vb_insert_newline_only_first: "|ab\nab", "<C-v>jIx<CR>y<Esc>" => "x\n|yab\nab";
    vb_dot_after_insert: "|abc\nabc\nabc\nabc", "<C-v>jIx<Esc>jj." => "xabc\nxabc\n|xabc\nxabc";
    vb_join: "|a\nb\nc", "<C-v>jJ" => "a| b\nc";
    vb_esc_cursor: "|abc\nabc", "<C-v>jl<Esc>" => "abc\na|bc";
    vb_colon_s: "|a\na\na", "<C-v>j:s/a/b/<CR>" => "b\n|b\na";
    vb_c_ignores_from_v: "|abc\nabc", "<C-v>jlsX<Esc>" => "|Xc\nXc";
    vb_delete_undo_cursor: "ab|cd\nabcd", "<C-v>jdu" => "ab|cd\nabcd";
    vb_put_over_block: "|ab\ncd\nxy\nzw", "<C-v>jyjj<C-v>jp" => "ab\ncd\n|ay\ncw";
    vb_put_over_charwise: "|foo\nabc\nabc", "yiwj<C-v>jp" => "foo\nfo|obc\nfoobc";
    vb_replace_lt: "|abc\nabc", "<C-v>jr<lt>" => "|<bc\n<bc";
    v_put_block_register: "|ab\ncd\nxyz\nuvw", "<C-v>jyjjvlp" => "ab\ncd\n|az\ncuvw";
    vline_put_block_register: "|ab\ncd\nxyz", "<C-v>jyjjVp" => "ab\ncd\n|a\nc";
    vb_dollar_from_left: "|abc\nabcdef\nab", "<C-v>jj$hd" => "|c\ncdef\n";
    vb_up_and_left: "abc\nab|c", "<C-v>khd" => "|a\na";
    vb_empty_lines_delete: "|abc\n\nabc", "l<C-v>jjd" => "a|c\n\nac";
    vb_append_on_empty_line: "|abc\n\nabc", "<C-v>jjAx<Esc>" => "|axbc\n x\naxbc";
    vb_insert_count: "|ab\nab", "<C-v>j2Ix<Esc>" => "|xxab\nxxab";
    vb_yank_dollar_put_middle: "|ab\nabcd\nx\nx", "<C-v>j$yjjp" => "ab\nabcd\nx|ab\nxabcd";
    vb_change_dollar_dot: "|abcd\nabcd\nabcd\nabcd", "l<C-v>j$cX<Esc>jj0." => "aX\naX\n|X\nX";
    vb_u_upper_dollar: "|ab\nabcd", "<C-v>j$U" => "|AB\nABCD";
    vb_gv_after_dollar: "|ab\nabcd", "<C-v>j$<Esc>gvd" => "|\n";
    vb_o_then_extend: "a|bcd\nabcd\nabcd", "<C-v>jlojd" => "abcd\na|d\nabcd";
    vb_replace_dot: "|abcd\nabcd\nabcd", "<C-v>jlrxjj." => "xxcd\nxxcd\n|xxcd";
    vb_indent_dot: "|ab\nab\nab", "l<C-v>j>." => "a|        b\na        b\nab";
    vb_yank_named: "|ab\ncd", "<C-v>j\"ayG\"ap" => "ab\nc|ad\n c";
    vb_visual_to_block: "|abc\nabc", "vjl<C-v>d" => "|c\nc";
    vb_block_to_line: "|abc\nabc\nabc", "<C-v>jVd" => "|abc";
    vb_big_c: "a|bcd\nabcd", "<C-v>jCX<Esc>" => "a|X\naX";
    vb_count_on_ctrl_v: "|abcd\nabcd", "<C-v>3ld" => "|\nabcd";
    vb_p_count: "|ab\ncd\nef\ngh", "<C-v>jyjj3p" => "ab\ncd\ne|aaaf\ngccch";
    vb_tilde_dot: "|abcd\nabcd\nabcd", "<C-v>j~jl." => "Abcd\nA|Bcd\naBcd";
}

#[test]
fn block_mode_and_selection() {
    let e = run("a|bcd\nabcd\nabcd", "<C-v>jjl");
    assert_eq!(e.mode(), Mode::VisualBlock);
    let (a, b, linewise) = e.selection().expect("selection");
    assert_eq!((a.row, a.col, b.row, b.col, linewise), (0, 1, 2, 2, false));
}

#[test]
fn block_yank_fills_a_blockwise_register() {
    let e = run("|ab\ncd", "<C-v>jy");
    let reg = e.register('"').expect("register");
    assert_eq!((reg.text.as_str(), reg.linewise, reg.blockwise), ("a\nc", false, true));
}
