//! Search (`/ ? n N * #`) and ex commands.

use super::{cases, editor, feed, run};
use crate::tui::editor::{ExCommand, Level, Mode, Outcome};

cases! {
    slash_moves_to_match: "|foo bar foo", "/bar<CR>" => "foo |bar foo";
    slash_next_occurrence: "|foo bar foo", "/foo<CR>" => "foo bar |foo";
    n_repeats: "|a x b x c x", "/x<CR>n" => "a x b |x c x";
    n_wraps_around: "x |a x", "/x<CR>n" => "|x a x";
    big_n_reverses: "|a x b x", "/x<CR>nN" => "a |x b x";
    question_searches_back: "x a x |b", "?x<CR>" => "x a |x b";
    question_n_goes_back: "x a x |b", "?x<CR>n" => "|x a x b";
    search_count: "|a x x x", "3/x<CR>" => "a x x |x";
    n_count: "|a x x x", "/x<CR>2n" => "a x x |x";
    search_across_lines: "|ab\ncd\nef", "/e<CR>" => "ab\ncd\n|ef";
    empty_pattern_reuses_last: "|a x x", "/x<CR>/<CR>" => "a x |x";
    regex_dot: "|xx bar", "/b.r<CR>" => "xx |bar";
    regex_word_boundary: "|abar bar", "/\\<bar<CR>" => "abar |bar";
    regex_literal_paren: "|x f(1)", "/f(<CR>" => "x |f(1)";
    regex_groups_alternation: "|a cat dog", "/\\(dog\\|cat\\)<CR>" => "a |cat dog";
    regex_anchor: "|ab\nba", "/^b<CR>" => "ab\n|ba";
    star_whole_word: "|foo foobar foo", "*" => "foo foobar |foo";
    star_from_inside_word: "f|oo x foo", "*" => "foo x |foo";
    hash_backwards: "foo x |foo", "#" => "|foo x foo";
    ignorecase_option: "|a FOO", ":set ic<CR>/foo<CR>" => "a |FOO";
    smartcase_option: "|foo Foo", ":set ic scs<CR>/Foo<CR>" => "foo |Foo";
    backslash_c_ignores_case: "|a FOO", "/foo\\c<CR>" => "a |FOO";
    search_not_found_stays: "|abc", "/zz<CR>" => "|abc";
    search_esc_cancels: "|a x", "/x<Esc>" => "|a x";
    search_history: "|a x y x", "/x<CR>gg/<Up><CR>" => "a |x y x";
    colon_line_number: "|a\nb\n  c", ":3<CR>" => "a\nb\n  |c";
    colon_dollar: "|a\nb", ":$<CR>" => "a\n|b";
    substitute_first: "|a a\na", ":s/a/b/<CR>" => "b a\na";
    substitute_global: "|a a\na", ":s/a/b/g<CR>" => "b b\na";
    substitute_whole_file: "|a a\na", ":%s/a/b/g<CR>" => "b b\nb";
    substitute_range: "|a\na\na", ":2,3s/a/b/<CR>" => "a\nb\nb";
    substitute_groups: "|foo(bar)", ":s/\\(\\w\\+\\)(\\(\\w\\+\\))/\\2(\\1)/<CR>" => "bar(foo)";
    substitute_ampersand: "|x", ":s/x/[&]/<CR>" => "[x]";
    substitute_newline: "|a,b", ":s/,/\\r/<CR>" => "a\nb";
    substitute_not_found: "|a", ":s/z/b/<CR>" => "a";
    substitute_ignore_case_flag: "|A", ":s/a/b/i<CR>" => "b";
    colon_esc_cancels: "|a", ":s/a/b/<Esc>" => "a";
    colon_backspace_on_empty_cancels: "|a", ":<BS>x" => "|";
}

fn ex(keys: &str) -> Outcome {
    let mut e = editor("|a\nb\nc");
    feed(&mut e, keys)
}

#[test]
fn ex_commands_for_the_app() {
    assert_eq!(ex(":w<CR>"), Outcome::Ex(ExCommand::Write(None)));
    assert_eq!(ex(":write<CR>"), Outcome::Ex(ExCommand::Write(None)));
    assert_eq!(ex(":w sol.py<CR>"), Outcome::Ex(ExCommand::Write(Some("sol.py".into()))));
    assert_eq!(ex(":e other.py<CR>"), Outcome::Ex(ExCommand::Edit("other.py".into())));
    assert_eq!(ex(":q<CR>"), Outcome::Ex(ExCommand::Quit));
    assert_eq!(ex(":q!<CR>"), Outcome::Ex(ExCommand::ForceQuit));
    assert_eq!(ex(":wq<CR>"), Outcome::Ex(ExCommand::WriteQuit));
    assert_eq!(ex(":x<CR>"), Outcome::Ex(ExCommand::WriteQuit));
    assert_eq!(ex("ZZ"), Outcome::Ex(ExCommand::WriteQuit));
    assert_eq!(ex("ZQ"), Outcome::Ex(ExCommand::ForceQuit));
    assert_eq!(ex(":run<CR>"), Outcome::Ex(ExCommand::Run));
    assert_eq!(ex(":submit<CR>"), Outcome::Ex(ExCommand::Submit));
    assert_eq!(ex(":hint<CR>"), Outcome::Ex(ExCommand::Hint(None)));
    assert_eq!(ex(":hint why so slow?<CR>"), Outcome::Ex(ExCommand::Hint(Some("why so slow?".into()))));
    assert_eq!(ex(":ask what now<CR>"), Outcome::Ex(ExCommand::Hint(Some("what now".into()))));
    assert_eq!(ex(":giveup<CR>"), Outcome::Ex(ExCommand::GiveUp));
    assert_eq!(ex(":vote up<CR>"), Outcome::Ex(ExCommand::Vote("up".into())));
    assert_eq!(ex(":comm #good_intro nice one<CR>"), Outcome::Ex(ExCommand::Comment("#good_intro nice one".into())));
    assert_eq!(ex(":reset<CR>"), Outcome::Ex(ExCommand::Reset));
    assert_eq!(ex(":ext<CR>"), Outcome::Ex(ExCommand::OpenExternal));
    assert_eq!(ex(":help<CR>"), Outcome::Ex(ExCommand::Help));
    assert_eq!(ex(":2<CR>"), Outcome::Ex(ExCommand::Line(2)));
    assert_eq!(ex(":99<CR>"), Outcome::Ex(ExCommand::Line(3)));
    assert_eq!(ex(":set theme=dark<CR>"), Outcome::Ex(ExCommand::Set("theme".into(), Some("dark".into()))));
}

fn status_text(o: Outcome) -> (Level, String) {
    match o {
        Outcome::Status(s) => (s.level, s.text),
        o => panic!("expected a status, got {o:?}"),
    }
}

#[test]
fn ex_errors_in_vim_words() {
    assert_eq!(status_text(ex(":foo<CR>")), (Level::Error, "E492: Not an editor command: foo".into()));
    assert_eq!(status_text(ex(":e<CR>")), (Level::Error, "E32: No file name".into()));
    assert_eq!(status_text(ex(":2w<CR>")), (Level::Error, "E481: No range allowed".into()));
    assert_eq!(status_text(ex("/zzz<CR>")), (Level::Error, "E486: Pattern not found: zzz".into()));
    assert_eq!(status_text(ex("n")), (Level::Error, "E35: No previous regular expression".into()));
}

#[test]
fn search_wrap_message() {
    let mut e = editor("a x |b");
    let (level, text) = status_text(feed(&mut e, "/x<CR>"));
    assert_eq!((level, text.as_str()), (Level::Warning, "search hit BOTTOM, continuing at TOP"));
    let (_, text) = status_text(feed(&mut e, "?b<CR>"));
    assert_eq!(text, "search hit TOP, continuing at BOTTOM");
}

#[test]
fn set_options() {
    let mut e = run("|a", ":set rnu<CR>");
    assert!(e.options().relative_number);
    feed(&mut e, ":set nonu<CR>");
    assert!(!e.options().number);
    feed(&mut e, ":set nu!<CR>");
    assert!(e.options().number);
    feed(&mut e, ":set invrelativenumber<CR>");
    assert!(!e.options().relative_number);
    feed(&mut e, ":set so=7 sw=2<CR>");
    assert_eq!((e.options().scrolloff, e.options().shiftwidth), (7, 2));
    assert_eq!(status_text(feed(&mut e, ":set nu?<CR>")).1, "number");
    feed(&mut e, ":noh<CR>");
    assert_eq!(e.mode(), Mode::Normal);
}

#[test]
fn command_line_is_shown() {
    let mut e = run("|a", ":se");
    assert_eq!(e.mode(), Mode::CommandLine);
    assert_eq!(e.command_line(), Some((":se".to_string(), 3)));
    feed(&mut e, "<Left><BS>");
    assert_eq!(e.command_line(), Some((":e".to_string(), 1)));
    feed(&mut e, "<Esc>");
    assert_eq!(e.command_line(), None);
    assert_eq!(e.mode(), Mode::Normal);
}
