//! Rendering: `impl Widget for &EditorView` draws the visible lines with a line-number gutter (absolute or
//! relative), Python highlighting, search matches, the visual selection (a rectangle in block mode) and the
//! cursor, plus (optionally) a vim-style last row with the prompt, the message or the mode, pending keys and
//! the ruler.
//!
//! The view never scrolls the editor (rendering takes `&self`); the editor keeps its viewport around the
//! cursor after every key, and the view only corrects for a height it was not told about, so the cursor is
//! always drawn. Lines are not wrapped: a long line scrolls horizontally to keep the cursor visible. Tabs
//! are shown as spaces to the next multiple of 4; every other character takes one cell.

use ratatui::buffer::Buffer as Cells;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

use super::buffer::Pos;
use super::syntax::{highlight_line, state_at};
use super::theme::Theme;
use super::{Editor, Level, Mode};

const TAB: usize = 4;

/// A view of an editor for one frame.
pub struct EditorView<'a> {
    editor: &'a Editor,
    theme: &'a Theme,
    focused: bool,
    status_line: bool,
}

struct Layout {
    gutter: u16,
    text: Rect,
    status: Option<Rect>,
    top: usize,
    left: usize,
}

fn display_col(line: &[char], col: usize) -> usize {
    line.iter().take(col).fold(0, |d, c| if *c == '\t' { d + TAB - d % TAB } else { d + 1 })
}

impl<'a> EditorView<'a> {
    pub fn new(editor: &'a Editor, theme: &'a Theme) -> Self {
        Self { editor, theme, focused: true, status_line: true }
    }

    /// Whether the editor has focus (draws the cursor).
    pub fn focused(mut self, focused: bool) -> Self {
        self.focused = focused;
        self
    }

    /// Whether the last row shows the prompt / message / mode line (on by default).
    pub fn status_line(mut self, on: bool) -> Self {
        self.status_line = on;
        self
    }

    /// Rows available for text in `area`: pass this to [`Editor::set_viewport_height`].
    pub fn text_rows(&self, area: Rect) -> usize {
        usize::from(area.height.saturating_sub(u16::from(self.status_line && area.height > 1)))
    }

    fn layout(&self, area: Rect) -> Layout {
        let e = self.editor;
        let rows = self.text_rows(area);
        let status =
            (self.status_line && area.height > 1).then(|| Rect { y: area.y + area.height - 1, height: 1, ..area });
        let gutter = if e.options.number || e.options.relative_number {
            let digits = e.buf.line_count().to_string().len().max(3);
            (digits as u16 + 1).min(area.width / 2)
        } else {
            0
        };
        let text = Rect { x: area.x + gutter, y: area.y, width: area.width - gutter, height: rows as u16 };
        let cursor = e.cursor;
        let mut top = e.top.min(e.buf.last_row());
        if rows > 0 {
            if cursor.row < top {
                top = cursor.row;
            } else if cursor.row >= top + rows {
                top = cursor.row + 1 - rows;
            }
        }
        let width = usize::from(text.width);
        let dcol = display_col(e.buf.line(cursor.row), cursor.col);
        let left = if width > 0 && dcol >= width { dcol + 1 - width } else { 0 };
        Layout { gutter, text, status, top, left }
    }

    /// Where the terminal cursor belongs (for `Frame::set_cursor_position`), if it is visible.
    pub fn cursor_position(&self, area: Rect) -> Option<Position> {
        let l = self.layout(area);
        if let (Some((_, col)), Some(s)) = (self.editor.command_line(), l.status) {
            return Some(Position::new(s.x + (col as u16).min(s.width.saturating_sub(1)), s.y));
        }
        let c = self.editor.cursor;
        let y = c.row.checked_sub(l.top).filter(|y| *y < usize::from(l.text.height))?;
        let x = display_col(self.editor.buf.line(c.row), c.col).checked_sub(l.left)?;
        (x < usize::from(l.text.width)).then(|| Position::new(l.text.x + x as u16, l.text.y + y as u16))
    }

    /// Maps a screen cell to a buffer position (for mouse clicks).
    pub fn position_at(&self, area: Rect, x: u16, y: u16) -> Option<(usize, usize)> {
        let l = self.layout(area);
        if !l.text.contains(Position::new(x, y)) {
            return None;
        }
        let row = (l.top + usize::from(y - l.text.y)).min(self.editor.buf.last_row());
        let want = l.left + usize::from(x - l.text.x);
        let line = self.editor.buf.line(row);
        let col = (0..line.len()).find(|&i| display_col(line, i + 1) > want).unwrap_or(line.len());
        Some((row, col))
    }

    fn draw_gutter(&self, l: &Layout, cells: &mut Cells, y: u16, row: usize) {
        let e = self.editor;
        let t = self.theme;
        let width = usize::from(l.gutter.saturating_sub(1));
        let x = l.text.x - l.gutter;
        if row > e.buf.last_row() {
            cells.set_stringn(x, y, "~", usize::from(l.gutter.max(1)), t.filler);
            return;
        }
        if l.gutter == 0 {
            return;
        }
        let cur = e.cursor.row;
        let (text, style) = if row == cur {
            let s = if e.options.relative_number && !e.options.number {
                format!("{:>width$} ", 0)
            } else if e.options.relative_number {
                format!("{:<width$} ", row + 1)
            } else {
                format!("{:>width$} ", row + 1)
            };
            (s, t.current_line_number)
        } else if e.options.relative_number {
            (format!("{:>width$} ", row.abs_diff(cur)), t.line_number)
        } else {
            (format!("{:>width$} ", row + 1), t.line_number)
        };
        cells.set_stringn(x, y, text, usize::from(l.gutter), style);
    }

    fn draw_status(&self, area: Rect, cells: &mut Cells) {
        let e = self.editor;
        let t = self.theme;
        let width = usize::from(area.width);
        let (left, style) = if let Some((text, _)) = e.command_line() {
            (text, t.text)
        } else if let Some(s) = e
            .status
            .as_ref()
            .filter(|_| !matches!(e.mode, Mode::Insert | Mode::Visual | Mode::VisualLine | Mode::VisualBlock))
        {
            let style = match s.level {
                Level::Info => t.status,
                Level::Warning => t.warning,
                Level::Error => t.error,
            };
            (s.text.clone(), style)
        } else {
            let label = match e.mode {
                Mode::Insert => "-- INSERT --",
                Mode::Visual => "-- VISUAL --",
                Mode::VisualLine => "-- VISUAL LINE --",
                Mode::VisualBlock => "-- VISUAL BLOCK --",
                _ => "",
            };
            (label.to_string(), t.mode)
        };
        cells.set_stringn(area.x, area.y, &left, width, style);
        if e.prompt.is_some() {
            return;
        }
        let last = e.buf.last_row();
        let pos = if e.top == 0 && last < e.height {
            "All".to_string()
        } else if e.top == 0 {
            "Top".to_string()
        } else if e.top + e.height > last {
            "Bot".to_string()
        } else {
            format!("{}%", e.top * 100 / (last + 1 - e.height.min(last)).max(1))
        };
        let ruler = format!("{:<10} {},{:<6}{pos:>4}", e.pending_keys(), e.cursor.row + 1, e.cursor.col + 1);
        let len = ruler.chars().count();
        if width >= left.chars().count() + len + 2 {
            cells.set_stringn(area.x + (width - len) as u16, area.y, &ruler, len, t.status);
        }
    }
}

impl Widget for &EditorView<'_> {
    fn render(self, area: Rect, cells: &mut Cells) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        let e = self.editor;
        let t = self.theme;
        let l = self.layout(area);
        cells.set_style(area, t.text);
        let selection = e.selection();
        let block = (e.mode == Mode::VisualBlock).then(|| e.block());
        let show_cursor = self.focused && !matches!(e.mode, Mode::CommandLine | Mode::Search);
        let cursor_style = if e.mode == Mode::Insert { t.cursor_insert } else { t.cursor };
        let highlight_search = e.options.hlsearch && e.search.highlight && e.search.is_set();
        let mut state = state_at(e.buf.lines(), l.top);
        let mut spans = Vec::new();
        let width = usize::from(l.text.width);
        for y in 0..l.text.height {
            let row = l.top + usize::from(y);
            let sy = l.text.y + y;
            self.draw_gutter(&l, cells, sy, row);
            if row > e.buf.last_row() {
                continue;
            }
            let line = e.buf.line(row);
            spans.clear();
            state = highlight_line(line, state, &mut spans);
            let matches = if highlight_search { e.search.matches(line) } else { Vec::new() };
            let selected = |col: usize| match (block, selection) {
                (Some(b), _) => b.contains(row, col) && col < line.len(),
                (None, Some((a, b, true))) => row >= a.row && row <= b.row,
                (None, Some((a, b, false))) => Pos::new(row, col) >= a && Pos::new(row, col) <= b,
                (None, None) => false,
            };
            let mut span_i = 0;
            let mut d = 0;
            for col in 0..=line.len() {
                let ch = line.get(col).copied();
                let w = if ch == Some('\t') { TAB - d % TAB } else { 1 };
                if d >= l.left + width {
                    break;
                }
                let mut style = t.text;
                while span_i < spans.len() && spans[span_i].end <= col {
                    span_i += 1;
                }
                if let Some(s) = spans.get(span_i).filter(|s| s.start <= col && col < s.end) {
                    style = style.patch(t.token(s.kind));
                }
                if matches.iter().any(|m| m.0 <= col && (col < m.1 || (m.0 == m.1 && col == m.0))) && ch.is_some() {
                    style = style.patch(t.search_match);
                }
                let sel = selected(col) && (ch.is_some() || line.is_empty() || selection.is_some_and(|s| s.2));
                if sel {
                    style = style.patch(t.selection);
                }
                let is_cursor = show_cursor && e.cursor == Pos::new(row, col);
                if is_cursor {
                    style = style.patch(cursor_style);
                    if sel && t.selection.add_modifier.contains(Modifier::REVERSED) {
                        style = style.remove_modifier(Modifier::REVERSED).add_modifier(Modifier::UNDERLINED);
                    }
                }
                if ch.is_none() && !is_cursor && !sel {
                    break;
                }
                let symbol = match ch {
                    Some('\t') | None => ' ',
                    Some(c) => c,
                };
                for k in 0..w {
                    let dd = d + k;
                    if dd >= l.left && dd < l.left + width {
                        let x = l.text.x + (dd - l.left) as u16;
                        let cell = &mut cells[(x, sy)];
                        cell.set_char(if k == 0 { symbol } else { ' ' });
                        cell.set_style(style);
                    }
                }
                d += w;
            }
        }
        if let Some(s) = l.status {
            cells.set_style(s, Style::new());
            self.draw_status(s, cells);
        }
    }
}
