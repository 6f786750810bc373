//! Motions, with and without counts (cursor checked with `|`).

use super::cases;

cases! {
    h_left: "ab|c", "h" => "a|bc";
    h_stops_at_col0: "|abc", "h" => "|abc";
    l_count: "|abcdef", "3l" => "abc|def";
    l_clamps_at_end: "|abc", "5l" => "ab|c";
    j_keeps_column: "ab|cd\nefgh", "j" => "abcd\nef|gh";
    j_remembers_column_over_short_line: "abc|d\nx\nefgh", "jj" => "abcd\nx\nefg|h";
    k_count: "a\nb\n|c", "2k" => "|a\nb\nc";
    j_count_past_end_goes_to_last: "|a\nb\nc", "5j" => "a\nb\n|c";
    arrows_move: "|ab\ncd", "<Right><Down>" => "ab\nc|d";
    w_next_word: "|foo bar", "w" => "foo |bar";
    w_stops_at_punctuation: "|foo.bar", "w" => "foo|.bar";
    big_w_skips_punctuation: "|foo.bar baz", "W" => "foo.bar |baz";
    w_count: "|a b c d", "3w" => "a b c |d";
    w_crosses_lines: "fo|o\n  bar", "w" => "foo\n  |bar";
    w_stops_at_empty_line: "|foo\n\nbar", "w" => "foo\n|\nbar";
    w_at_end_of_buffer: "foo b|ar", "w" => "foo ba|r";
    b_previous_word: "foo ba|r", "b" => "foo |bar";
    b_crosses_lines: "foo\n|bar", "b" => "|foo\nbar";
    b_count: "a b c |d", "2b" => "a |b c d";
    big_b: "a.b cd x.|y", "B" => "a.b cd |x.y";
    e_word_end: "|foo bar", "e" => "fo|o bar";
    e_from_word_end_goes_to_next: "fo|o bar", "e" => "foo ba|r";
    big_e: "|a.b c", "E" => "a.|b c";
    ge_previous_end: "foo ba|r", "ge" => "fo|o bar";
    zero_line_start: "  ab|c", "0" => "|  abc";
    caret_first_non_blank: "|  abc", "^" => "  |abc";
    dollar_line_end: "|abc", "$" => "ab|c";
    dollar_count_goes_down: "|abc\ndef", "2$" => "abc\nde|f";
    dollar_then_j_sticks_to_end: "a|bc\nlonger", "$j" => "abc\nlonge|r";
    gg_first_line: "a\nb\n|c", "gg" => "|a\nb\nc";
    big_g_last_line_first_non_blank: "|a\n  b", "G" => "a\n  |b";
    count_big_g: "|a\nb\nc", "2G" => "a\n|b\nc";
    count_gg: "|a\nb\nc", "3gg" => "a\nb\n|c";
    f_find: "|a,b,c", "f," => "a|,b,c";
    f_count: "|a,b,c", "2f," => "a,b|,c";
    f_missing_does_not_move: "|abc", "fz" => "|abc";
    big_f_back: "a,b,|c", "F," => "a,b|,c";
    t_till: "|abc,d", "t," => "ab|c,d";
    big_t_till_back: "ab,c|d", "T," => "ab,|cd";
    semicolon_repeats_find: "|a,b,c", "f,;" => "a,b|,c";
    comma_reverses_find: "|a,b,c", "f,;," => "a|,b,c";
    semicolon_after_t_skips_adjacent: "|xa,b,c", "t,;" => "xa,|b,c";
    percent_to_match: "|(a [b] c)", "%" => "(a [b] c|)";
    percent_back: "(a [b] c|)", "%" => "|(a [b] c)";
    percent_searches_forward_on_line: "f|oo(bar)", "%" => "foo(bar|)";
    percent_across_lines: "|def f(\n    x,\n):", "%" => "def f(\n    x,\n|):";
    percent_count_goes_to_percentage: "|a\nb\nc\nd", "50%" => "a\n|b\nc\nd";
    brace_forward_paragraph: "|a\nb\n\nc", "}" => "a\nb\n|\nc";
    brace_back_paragraph: "a\n\nb\n|c", "{" => "a\n|\nb\nc";
    brace_forward_at_end: "a\n\n|b\nc", "}" => "a\n\nb\n|c";
    plus_next_line_start: "|a\n  b", "+" => "a\n  |b";
    enter_next_line_start: "|a\n  b", "<CR>" => "a\n  |b";
    minus_previous_line_start: "  a\n|b", "-" => "  |a\nb";
    underscore_current_line: "  a|b", "_" => "  |ab";
    bar_column: "|abcdef", "4|" => "abc|def";
    screen_bottom: "|a\nb\nc\nd\ne", "L" => "a\nb\nc\nd\n|e";
    screen_top: "a\nb\nc\nd\n|e", "H" => "|a\nb\nc\nd\ne";
    screen_middle: "|a\nb\nc\nd\ne", "M" => "a\nb\n|c\nd\ne";
    home_end_keys: "a|bc", "<End><Home>" => "|abc";
}

// `[(` `[{` `])` `]}`: checked against Vim 9.0 (`vim -u NONE -N`).
cases! {
    bracket_prev_paren: "f(a, (b), |c)", "[(" => "f|(a, (b), c)";
    bracket_prev_paren_count: "f(a, g(b, |c))", "2[(" => "f|(a, g(b, c))";
    bracket_next_paren: "f(a, |(b), c)", "])" => "f(a, (b|), c)";
    bracket_next_paren_count: "f(g(|a), b)", "2])" => "f(g(a), b|)";
    bracket_prev_brace_lines: "x = {\n  a: [1],\n  |b\n}", "[{" => "x = |{\n  a: [1],\n  b\n}";
    bracket_next_brace_lines: "x = {\n  |a: {1},\n  b\n}", "]}" => "x = {\n  a: {1},\n  b\n|}";
    bracket_on_paren_goes_outer: "f(a, |(b))", "[(" => "f|(a, (b))";
    bracket_none_stays: "|a b", "[(" => "|a b";
    d_next_paren: "f(a, |b, c)", "d])" => "f(a, |)";
    c_prev_paren: "f(a, b|, c)", "c[(x<Esc>" => "f|x, c)";
    d_prev_brace: "{a, |b}", "d[{" => "|b}";
    y_next_brace_put: "{a|b}", "y]}$p" => "{ab}|b";
    v_next_paren: "f(|a, b)", "v])d" => "f|(";
    bracket_ignores_brackets: "f(a[|1], b)", "])" => "f(a[1], b|)";
    bracket_count_too_big_uses_outermost: "f(g(|a))", "5[(" => "f|(g(a))";
    bracket_d_prev_multiline: "f(\n  a,\n  |b)", "d[(" => "f|b)";
    bracket_in_visual_back: "f(a, |b)", "v[(d" => "f|)";
}
