//! Snapshots of the rendered editor on ratatui's `TestBackend`: text snapshots for layout, and buffer
//! (style) snapshots where colour matters (syntax highlighting, selection, the no-colour theme).

use ratatui::backend::TestBackend;
use ratatui::layout::{Position, Rect};
use ratatui::Terminal;

use super::{editor, feed};
use crate::tui::editor::{Editor, EditorView, Theme};

const CODE: &str = "\
from functools import cache


@cache
def two_sum(nums: list[int], target: int) -> list[int]:
    \"\"\"Return the indices of the two numbers
    that add up to target.\"\"\"
    seen = {}  # value -> index
    for i, x in enumerate(nums):
        if target - x in seen:
            return [seen[target - x], i]
        seen[x] = i
    return []
";

fn draw(e: &mut Editor, theme: &Theme, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    let area = Rect::new(0, 0, w, h);
    e.set_viewport_height(EditorView::new(e, theme).text_rows(area));
    t.draw(|f| f.render_widget(&EditorView::new(e, theme), f.area())).expect("draw");
    t
}

fn code_at(keys: &str) -> Editor {
    let mut e = Editor::new(CODE);
    e.set_viewport_height(20);
    feed(&mut e, keys);
    e
}

#[test]
fn normal_mode_with_line_numbers() {
    let mut e = code_at("9G");
    let t = draw(&mut e, &Theme::dark(), 60, 16);
    insta::assert_snapshot!(t.backend());
}

#[test]
fn relative_line_numbers() {
    let mut e = code_at("10G:set rnu<CR>");
    let t = draw(&mut e, &Theme::dark(), 60, 16);
    insta::assert_snapshot!(t.backend());
}

#[test]
fn relative_only_shows_zero_on_cursor_line() {
    let mut e = code_at("3G:set nonu rnu<CR>");
    let t = draw(&mut e, &Theme::dark(), 40, 8);
    insta::assert_snapshot!(t.backend());
}

#[test]
fn no_line_numbers() {
    let mut e = code_at(":set nonu<CR>");
    let t = draw(&mut e, &Theme::dark(), 40, 6);
    insta::assert_snapshot!(t.backend());
}

#[test]
fn insert_mode_status() {
    let mut e = code_at("Gox = 1");
    let t = draw(&mut e, &Theme::dark(), 60, 8);
    insta::assert_snapshot!(t.backend());
}

#[test]
fn command_line_and_error_message() {
    let mut e = code_at(":set nu");
    let t = draw(&mut e, &Theme::dark(), 40, 5);
    insta::assert_snapshot!("command_line", t.backend());
    feed(&mut e, "<Esc>:bogus<CR>");
    let t = draw(&mut e, &Theme::dark(), 40, 5);
    insta::assert_snapshot!("error_message", t.backend());
}

#[test]
fn long_lines_scroll_horizontally() {
    let mut e = editor("x = 'a very long line that does not fit in a narrow view at all'|");
    feed(&mut e, "$");
    let t = draw(&mut e, &Theme::dark(), 30, 3);
    insta::assert_snapshot!(t.backend());
}

#[test]
fn tiny_areas_do_not_panic() {
    let mut e = code_at("5G");
    for (w, h) in [(1, 1), (2, 1), (5, 2), (3, 10), (200, 1)] {
        draw(&mut e, &Theme::dark(), w, h);
    }
}

#[test]
fn syntax_highlighting_styles() {
    let mut e = code_at("");
    let t = draw(&mut e, &Theme::dark(), 62, 14);
    insta::assert_debug_snapshot!(t.backend().buffer());
}

#[test]
fn visual_selection_styles() {
    let mut e = code_at("8Gwvjl");
    let t = draw(&mut e, &Theme::dark(), 40, 5);
    insta::assert_debug_snapshot!(t.backend().buffer());
}

#[test]
fn visual_line_selection_styles() {
    let mut e = code_at("9GVj");
    let t = draw(&mut e, &Theme::dark(), 40, 5);
    insta::assert_debug_snapshot!(t.backend().buffer());
}

#[test]
fn visual_block_selection_is_a_rectangle() {
    let mut e = code_at("8Gw<C-v>jjl");
    let t = draw(&mut e, &Theme::no_color(), 40, 5);
    insta::assert_debug_snapshot!(t.backend().buffer());
}

#[test]
fn search_matches_and_no_color_theme() {
    let mut e = code_at("/seen<CR>");
    let t = draw(&mut e, &Theme::no_color(), 40, 6);
    insta::assert_debug_snapshot!(t.backend().buffer());
}

#[test]
fn high_contrast_theme() {
    let mut e = code_at("4G");
    let t = draw(&mut e, &Theme::high_contrast(), 40, 3);
    insta::assert_debug_snapshot!(t.backend().buffer());
}

#[test]
fn cursor_position_and_clicks() {
    let mut e = code_at("5Gw");
    let theme = Theme::dark();
    let area = Rect::new(0, 0, 60, 16);
    draw(&mut e, &theme, 60, 16);
    let view = EditorView::new(&e, &theme);
    assert_eq!(view.cursor_position(area), Some(Position::new(4 + 4, 4)));
    assert_eq!(view.position_at(area, 10, 8), Some((8, 6)));
    assert_eq!(view.position_at(area, 1, 8), None);
    feed(&mut e, ":ab");
    let view = EditorView::new(&e, &theme);
    assert_eq!(view.cursor_position(area), Some(Position::new(3, 15)));
}

#[test]
fn scrolled_view_keeps_cursor_visible() {
    let text: String = (1..=200).map(|i| format!("x{i} = {i}\n")).collect();
    let mut e = Editor::new(&text);
    feed(&mut e, "150G");
    let t = draw(&mut e, &Theme::dark(), 30, 8);
    insta::assert_snapshot!(t.backend());
}
