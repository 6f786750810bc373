//! `R`, `r<CR>`, `Ctrl-a` / `Ctrl-x`, `&` and arrow keys that split an insert: every expected result here is
//! what Vim 9.0 gives (`vim -u NONE -N` with `sw=4 et ai bs=indent,eol,start nf=bin,hex`, our defaults).

use super::cases;

cases! {
    replace_mode_overwrites: "def |foo(x):", "Rbar<Esc>" => "def ba|r(x):";
    replace_mode_appends_past_the_end: "x = |ab", "Rcdef<Esc>" => "x = cde|f";
    replace_mode_backspace_restores: "|abc def", "Rxyz<BS><BS><Esc>" => "|xbc def";
    replace_mode_backspace_removes_appended: "a|b", "Rxyz<BS><BS><Esc>" => "a|x";
    replace_mode_backspace_before_start_moves_left: "ab|cd", "Rx<BS><BS><Esc>" => "|abcd";
    replace_mode_enter_takes_a_character: "a|bc", "Rx<CR>y<Esc>" => "ax\n|y";
    replace_mode_count_repeats: "|12345", "2Rab<Esc>" => "aba|b5";
    replace_mode_dot_repeats: "ab|c", "Rxyz<Esc>0." => "xy|zyz";
    replace_mode_undo_is_one_step: "|abc", "Rxyz<Esc>u" => "|abc";
    replace_with_enter_splits_the_line: "abc| def", "r<CR>" => "abc\n|def";
    replace_with_enter_keeps_indent: "if x:\n    abc| def", "r<CR>" => "if x:\n    abc\n   | def";
    replace_with_enter_count_takes_chars: "ab|c def", "3r<CR>" => "ab\n|ef";
    replace_with_enter_dot: "a b c| d", "r<CR>k0." => "\n|b c\nd";
    replace_with_enter_too_far_is_refused: "a|b", "3r<CR>" => "a|b";
    increment_number_under_cursor: "x = 4|1 + 1", "<C-a>" => "x = 4|2 + 1";
    increment_number_after_cursor: "|x = 41 + 1", "<C-a>" => "x = 4|2 + 1";
    increment_with_count: "x |= 41", "3<C-a>" => "x = 4|4";
    decrement_with_count: "x |= 41", "50<C-x>" => "x = -|9";
    increment_negative_number: "x = |-1", "<C-a><C-a>" => "x = |1";
    increment_minus_is_a_sign: "x-|1", "<C-a>" => "x|0";
    decrement_crosses_zero: "n = |3", "5<C-x>" => "n = -|2";
    increment_keeps_leading_zeros: "a|bc 007", "<C-a>" => "abc 00|8";
    increment_negative_leading_zeros: "a|bc -007", "10<C-a>" => "abc 00|3";
    increment_carries: "|x 99", "<C-a>" => "x 10|0";
    increment_without_number_does_nothing: "foo-1 |x", "<C-a>" => "foo-1 |x";
    increment_inside_a_word: "a1|2b", "<C-x>" => "a1|1b";
    increment_dot_repeats_with_count: "|x = 1", "5<C-a>." => "x = 1|1";
    increment_dot_new_count: "|x = 1", "5<C-a>2." => "x = |8";
    ampersand_repeats_substitute: "a a\n|a a", "k:s/a/b/<CR>j&" => "b a\n|b a";
    ampersand_drops_flags: "a a\n|a a", "k:s/a/b/g<CR>j&" => "b b\n|b a";
    ampersand_is_not_repeated_by_dot: "a a\na a\n|a a", "gg:s/a/b/<CR>j&j." => "b a\nb a\n|a a";
    insert_arrow_splits_undo: "|abc", "ifoo<Left>bar<Esc>u" => "fo|oabc";
    insert_arrow_splits_dot: "a|bc", "ifoo<Left>bar<Esc>0." => "ba|rafobarobc";
    insert_arrow_drops_count: "abc", "3ifoo<Left>bar<Esc>" => "foba|roabc";
    insert_arrow_then_esc_keeps_dot: "ab|c", "ifoo<Left><Esc>0." => "fo|oabfooc";
    insert_arrow_that_cannot_move_does_not_split: "abc", "Afoo<Right>bar<Esc>0." => "abcfoobarfooba|r";
    insert_arrows_split_twice_undo: "ab|c", "ifoo<Left><Left>x<Esc>uu" => "ab|c";
    insert_up_splits: "abc\nd|ef", "ix<Up>y<Esc>u" => "ab|c\ndxef";
    replace_arrow_dot_is_insert: "1|2345", "Rab<Left>c<Esc>0." => "|c1ac45";
    replace_arrow_backspace_stops_at_split: "1|2345", "Rab<Left>c<BS><BS><Esc>" => "|1ab45";
}
