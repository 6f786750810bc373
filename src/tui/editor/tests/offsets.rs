//! Search offsets (`/pat/e`, `/pat/s-1`, `/pat/+1`, `?pat?e`, `//e`) and `n` / `N` keeping them: every case
//! checked against Vim 9.0 (`vim -u NONE -N`).

use super::cases;

cases! {
    offset_end: "|a foo b", "/foo/e<CR>" => "a fo|o b";
    offset_end_plus: "|a foo b", "/foo/e+1<CR>" => "a foo| b";
    offset_end_minus: "|a foo b", "/foo/e-1<CR>" => "a f|oo b";
    offset_start_minus: "|a foo b", "/foo/s-1<CR>" => "a| foo b";
    offset_start_plus: "|a foo b", "/foo/s+1<CR>" => "a f|oo b";
    offset_begin_plus: "|a foo b", "/foo/b+2<CR>" => "a fo|o b";
    offset_line_down: "|a\nfoo\nx\ny", "/foo/+1<CR>" => "a\nfoo\n|x\ny";
    offset_line_bare: "|a\nfoo\nx\ny", "/foo/1<CR>" => "a\nfoo\n|x\ny";
    offset_line_up: "|a\nb\n  foo", "/foo/-1<CR>" => "a\n|b\n  foo";
    offset_n_keeps_end: "|foo foo foo", "/foo/e<CR>n" => "foo fo|o foo";
    offset_n_keeps_start_minus: "|x foo foo foo", "/foo/s-1<CR>n" => "x foo| foo foo";
    offset_n_keeps_line: "|foo\nx\nfoo\ny\nfoo\nz", "/foo/+1<CR>n" => "foo\nx\nfoo\ny\nfoo\n|z";
    offset_n_line_up: "|a\nfoo\nb\nfoo\nc", "/foo/-1<CR>n" => "|a\nfoo\nb\nfoo\nc";
    offset_big_n: "|foo foo foo", "/foo/e<CR>nN" => "fo|o foo foo";
    offset_backward_end: "foo foo |x", "?foo?e<CR>" => "foo fo|o x";
    offset_reuse_pattern: "|foo foo foo", "/foo<CR>//e<CR>" => "foo fo|o foo";
    offset_empty_keeps_offset: "|foo foo foo", "/foo/e<CR>/<CR>" => "foo fo|o foo";
    offset_empty_offset_clears: "|foo foo foo", "/foo/e<CR>/foo/<CR>" => "foo |foo foo";
    offset_delete_end_inclusive: "|a foo b", "d/foo/e<CR>" => "| b";
    offset_delete_line: "|a\nb\nfoo\nc", "d/foo/-1<CR>" => "|foo\nc";
    offset_delete_start: "|a foo b", "d/foo/s+1<CR>" => "|oo b";
    offset_end_e_only_plus: "|a foo b", "/foo/e+<CR>" => "a foo| b";
    offset_line_plus_only: "|a\nfoo\nx\ny", "/foo/+<CR>" => "a\nfoo\n|x\ny";
    offset_escaped_slash: "|a/b c/d", "/c\\/d/e<CR>" => "a/b c/|d";
    offset_end_crosses_lines: "|a foo\nbc", "/foo/e+2<CR>" => "a foo\nb|c";
    offset_start_crosses_lines: "x\n|a foo\nbc", "/foo/s-3<CR>" => "|x\na foo\nbc";
    offset_n_keeps_end_plus: "|foo\nfoo\nfoo", "/foo/e+1<CR>n" => "foo\nfoo\n|foo";
    n_with_offset_after_star: "|foo x foo", "/x/e<CR>*" => "foo |x foo";
    star_then_n_no_offset: "|foo foo foo", "/foo/e<CR>0*n" => "foo foo |foo";
    offset_question_line: "a\nfoo\n|b", "?foo?-1<CR>" => "|a\nfoo\nb";
    offset_search_history: "|foo foo", "/foo/e<CR>0/<Up><CR>" => "fo|o foo";
}
