//! Insert mode: entering, counts, editing keys and Python auto-indent.

use super::cases;

cases! {
    i_inserts_before: "a|b", "ix<Esc>" => "a|xb";
    a_appends_after: "|ab", "ax<Esc>" => "a|xb";
    a_on_empty_line: "|", "ax<Esc>" => "|x";
    big_a_appends_at_end: "|ab", "Ax<Esc>" => "ab|x";
    big_i_first_non_blank: "  a|b", "Ix<Esc>" => "  |xab";
    gi_column_zero: "  a|b", "gIx<Esc>" => "|x  ab";
    esc_moves_left: "|ab", "A<Esc>" => "a|b";
    count_insert: "|", "3ia<Esc>" => "aa|a";
    count_append_word: "|x", "2Aab<Esc>" => "xaba|b";
    o_opens_below: "|a\nb", "ox<Esc>" => "a\n|x\nb";
    big_o_opens_above: "a\n|b", "Ox<Esc>" => "a\n|x\nb";
    o_count: "|a", "2ox<Esc>" => "a\nx\n|x";
    o_indents_after_colon: "|if x:", "oy<Esc>" => "if x:\n    |y";
    o_keeps_indent: "    |a = 1", "ob<Esc>" => "    a = 1\n    |b";
    big_o_keeps_indent: "    |a", "Ob<Esc>" => "    |b\n    a";
    o_dedents_after_return: "def f():\n    |return 1", "ox<Esc>" => "def f():\n    return 1\n|x";
    o_indent_after_open_bracket: "|x = [", "o1,<Esc>" => "x = [\n    1|,";
    enter_indents_after_def: "|", "idef f():<CR>return 1<Esc>" => "def f():\n    return |1";
    enter_dedents_after_return: "|", "idef f():<CR>return 1<CR>x<Esc>" => "def f():\n    return 1\n|x";
    enter_dedents_after_pass: "|", "iclass A:<CR>pass<CR>x<Esc>" => "class A:\n    pass\nx";
    enter_dedents_after_break: "|", "ifor i in a:<CR>if i:<CR>break<CR>x<Esc>" => "for i in a:\n    if i:\n        break\n    x";
    enter_keeps_indent: "    |a", "A<CR>b<Esc>" => "    a\n    |b";
    enter_colon_with_comment: "|", "iif x:  # why<CR>y<Esc>" => "if x:  # why\n    y";
    enter_splits_line: "ab|cd", "i<CR><Esc>" => "ab\n|cd";
    unused_auto_indent_is_removed: "|", "idef f():<CR><Esc>" => "def f():\n|";
    unused_auto_indent_removed_on_enter: "|", "idef f():<CR><CR>x<Esc>" => "def f():\n\n    x";
    else_dedents_to_if: "if x:\n    |y", "oelse:<Esc>" => "if x:\n    y\nelse|:";
    except_dedents_to_try: "try:\n    |a()", "oexcept ValueError:<Esc>" => "try:\n    a()\nexcept ValueError:";
    elif_nested: "def f():\n    if a:\n        |b", "oelif c:<Esc>" => "def f():\n    if a:\n        b\n    elif c:";
    // The issue: an `else:` the learner dedented to the inner `if` went on to the outer `for` (for-else).
    else_stays_with_the_if_it_was_dedented_to: "for x in xs:\n    if x:\n        |y()", "o<BS>else:<Esc>" => "for x in xs:\n    if x:\n        y()\n    else|:";
    else_typed_in_a_body_still_finds_its_if: "for x in xs:\n    if x:\n        |y()", "oelse:<Esc>" => "for x in xs:\n    if x:\n        y()\n    else|:";
    else_after_a_plain_line_is_left_alone: "def f():\n    x = 1\n    |y = 2", "o    else:<Esc>" => "def f():\n    x = 1\n    y = 2\n        else|:";
    // `:set paste`: a paste typed key by key (a terminal without bracketed paste) keeps its own indent.
    set_paste_types_as_it_comes: "|", ":set paste<CR>idef f():<CR>    if x:<CR>        y()<CR>    z()<Esc>" => "def f():\n    if x:\n        y()\n    z(|)";
    set_nopaste_indents_again: "|", ":set paste<CR>:set nopaste<CR>idef f():<CR>y<Esc>" => "def f():\n    |y";
    tab_inserts_four_spaces: "|", "i<Tab>x<Esc>" => "    |x";
    tab_to_next_stop: "|ab", "A<Tab>x<Esc>" => "ab  x";
    backspace_deletes_char: "ab|c", "i<BS><Esc>" => "|ac";
    backspace_in_indent_to_stop: "        |x", "i<BS><Esc>" => "    x";
    backspace_partial_indent: "      |x", "i<BS><Esc>" => "    x";
    backspace_joins_lines: "a\n|b", "i<BS><Esc>" => "|ab";
    delete_key_in_insert: "a|bc", "i<Del><Esc>" => "|ac";
    ctrl_w_deletes_word: "foo bar", "A<C-w><Esc>" => "foo ";
    ctrl_w_deletes_punctuation_run: "foo(bar", "A<C-w><C-w><Esc>" => "foo";
    ctrl_u_deletes_to_indent: "  foo", "A<C-u><Esc>" => "  ";
    ctrl_r_inserts_register: "|ab", "yiwA <C-r>\"<Esc>" => "ab a|b";
    arrows_in_insert: "|ab", "i<Right>x<Left><Left>y<Esc>" => "|yaxb";
    insert_at_buffer_end_line: "a\n|b", "A<CR>c<Esc>" => "a\nb\n|c";
    ctrl_c_leaves_insert: "|a", "ix<C-c>" => "|xa";
}
