//! `:g`, `:v`, `:g!`, `:normal` and `:d`: every case checked against Vim 9.0 (`vim -u NONE -N`).

use super::cases;

cases! {
    g_delete: "|a1\nb\na2\nc", ":g/a/d<CR>" => "b\n|c";
    g_delete_adjacent: "|a\na\nb\na", ":g/a/d<CR>" => "|b";
    v_delete: "|a1\nb\na2\nc", ":v/a/d<CR>" => "a1\n|a2";
    g_bang_delete: "|a1\nb\na2\nc", ":g!/a/d<CR>" => "a1\n|a2";
    g_range: "|a\na\na\na", ":2,3g/a/d<CR>" => "a\n|a";
    g_substitute: "|ax\nb\nax", ":g/a/s/x/y/<CR>" => "ay\nb\n|ay";
    g_substitute_other_pattern: "|ax x\nbx\nax", ":g/a/s/x/y/g<CR>" => "ay y\nbx\n|ay";
    g_normal: "|a\nb\na", ":g/a/normal Ax<CR>" => "ax\nb\na|x";
    g_norm_abbrev: "|a\nb\na", ":g/a/norm 0iy<CR>" => "ya\nb\n|ya";
    g_undo_is_one_step: "|a\nb\na\nc", ":g/a/d<CR>u" => "|a\nb\na\nc";
    g_normal_dd_skips_deleted: "|a\na\nb", ":g/a/norm jdd<CR>" => "a\n|b";
    g_empty_pattern_uses_search: "|x\ny\nx", "/x<CR>:g//d<CR>" => "|y";
    g_other_delimiter: "|a/b\nc", ":g#/#d<CR>" => "|c";
    normal_current_line: "a\n|b\nc", ":normal Ax<CR>" => "a\nb|x\nc";
    normal_range: "|a\nb\nc", ":1,2norm Ax<CR>" => "ax\nb|x\nc";
    normal_percent: "|a\nb\nc", ":%norm I# <CR>" => "# a\n# b\n#| c";
    normal_bang: "|a\nb", ":norm! x<CR>" => "|\nb";
    normal_visual_range: "|a\nb\nc", "Vj:norm Az<CR>" => "az\nb|z\nc";
    normal_undo_one_step: "|a\nb\nc", ":%norm Ax<CR>u" => "|a\nb\nc";
    normal_dot: "|ab\nab\nab", "x:2,3norm .<CR>" => "b\nb\n|b";
    d_command: "|a\nb\nc", ":2d<CR>" => "a\n|c";
    d_range: "|a\nb\nc\nd", ":2,3d<CR>" => "a\n|d";
    d_register: "|a\nb\nc", ":2d x<CR>\"xp" => "a\nc\n|b";
    g_delete_cursor: "|x\na\nb\na\nc", ":g/a/d<CR>" => "x\nb\n|c";
    g_normal_insert_newline: "|a\nb", ":g/a/norm ox<CR>" => "a\n|x\nb";
    g_v_substitute: "|a\nb\nc", ":v/b/s/$/!/<CR>" => "a!\nb\n|c!";
    g_normal_dot_after: "|a\nb\na\nc", ":g/a/norm Ax<CR>j." => "ax\nb\nax\nc|x";
    normal_visual_keys: "|abc\nabc", ":%norm vld<CR>" => "c\n|c";
    g_delete_then_undo_redo: "|a\nb\na", ":g/a/d<CR>u<C-r>" => "|b";
}
