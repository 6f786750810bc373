//! `gn` / `gN` and `cgn` / `dgn` with `.`: every case checked against Vim 9.0 (`vim -u NONE -N`).

use super::cases;

cases! {
    gn_selects_next_match: "|a foo b foo", "/foo<CR>0gnd" => "a | b foo";
    gn_on_match_selects_it: "a f|oo b foo", "/foo<CR>Ngnd" => "a | b foo";
    gn_cursor_at_end: "|a foo b", "/foo<CR>0gn<Esc>" => "a fo|o b";
    big_gn_selects_previous: "a foo b f|oo", "/foo<CR>$gNd" => "a foo b| ";
    big_gn_cursor_at_start: "a foo |b", "/foo<CR>gN<Esc>" => "a |foo b";
    dgn: "|a foo b foo", "/foo<CR>0dgn" => "a | b foo";
    cgn: "|a foo b foo", "/foo<CR>0cgnbar<Esc>" => "a ba|r b foo";
    cgn_dot: "|a foo b foo c foo", "/foo<CR>0cgnbar<Esc>.." => "a bar b bar c ba|r";
    dgn_dot: "|foo b foo c foo", "/foo<CR>ggdgn." => " b | c foo";
    cgn_dot_across_lines: "|x = foo\ny = foo", "/foo<CR>ggcgnbar<Esc>." => "x = bar\ny = ba|r";
    gn_wraps: "a foo b |c", "/foo<CR>$gnd" => "a | b c";
    cgn_dot_replacement_matches: "|ab ab", "/a<CR>0cgnaa<Esc>." => "aa|ab ab";
    gn_in_visual_extends: "|a foo b foo", "/foo<CR>0vgnd" => "| b foo";
    dgn_undo: "|a foo", "/foo<CR>0dgnu" => "a |foo";
    gn_count: "|a foo b foo c foo", "/foo<CR>0:<Esc>2gnd" => "a foo b | c foo";
    cgn_with_offset_search: "|a foo b foo", "/foo/e<CR>0cgnX<Esc>" => "a |X b foo";
    big_gn_count: "a foo b foo c |foo", "/foo<CR>$2gNd" => "a foo b | c foo";
    gn_count_wraps: "a foo b |c", "/foo<CR>$2gnd" => "a | b c";
}
