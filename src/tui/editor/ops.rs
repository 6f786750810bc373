//! What operators do to a [`Range`]: delete, yank, change, shift, case; plus put and join.
//!
//! Register rules follow vim: deletes fill the unnamed register and `1` (multi-line) or `-` (small);
//! yanks fill the unnamed register and `0`; a named register receives the text too. Messages use vim's
//! `report` threshold: more than 2 lines ("3 fewer lines", "3 lines yanked", "3 lines >ed 1 time").

use super::buffer::{Pos, Range};
use super::insert::InsertKind;
use super::keymap::Operator;
use super::registers::{Register, Write};
use super::{Editor, Level};

impl Editor {
    pub(crate) fn apply_operator(&mut self, op: Operator, range: Range) {
        let name = self.pending.register;
        if op.is_change() {
            self.begin_change();
        }
        match op {
            Operator::Delete => self.delete_range(range, name),
            Operator::Yank => self.yank_range(range, name),
            Operator::Change => self.change_range(range, name),
            Operator::Indent | Operator::Dedent => {
                self.shift_rows(range.start.row, range.end.row, 1, op == Operator::Indent)
            }
            Operator::ToggleCase | Operator::Lower | Operator::Upper => self.case_range(range, op),
        }
    }

    fn range_register(&self, range: Range) -> Register {
        if range.linewise {
            let mut text = String::new();
            for row in range.start.row..=range.end.row.min(self.buf.last_row()) {
                text.extend(self.buf.line(row));
                text.push('\n');
            }
            Register { text, linewise: true, blockwise: false }
        } else {
            Register { text: self.buf.slice(range.start, range.end), linewise: false, blockwise: false }
        }
    }

    pub(crate) fn delete_range(&mut self, range: Range, name: Option<char>) {
        if range.linewise {
            let (first, last) = (range.start.row, range.end.row.min(self.buf.last_row()));
            let reg = self.range_register(range);
            self.regs.set(name, reg, Write::Delete);
            self.buf.delete_lines(first, last);
            let row = first.min(self.buf.last_row());
            self.cursor = Pos::new(row, self.buf.first_non_blank(row));
            let n = last - first + 1;
            if n > 2 {
                self.set_status(Level::Info, format!("{n} fewer lines"));
            }
        } else {
            if range.end <= range.start {
                return;
            }
            let reg = self.range_register(range);
            self.regs.set(name, reg, Write::Delete);
            self.buf.delete(range.start, range.end);
            self.cursor = range.start;
        }
        self.want_col = self.cursor.col;
    }

    fn yank_range(&mut self, range: Range, name: Option<char>) {
        let reg = self.range_register(range);
        let lines =
            if range.linewise { range.end.row - range.start.row + 1 } else { reg.text.matches('\n').count() + 1 };
        self.regs.set(name, reg, Write::Yank);
        if range.linewise {
            if range.start.row < self.cursor.row {
                self.cursor = self.buf.clamp(Pos::new(range.start.row, self.cursor.col), false);
            }
        } else {
            self.cursor = range.start;
        }
        if lines > 2 {
            self.set_status(Level::Info, format!("{lines} lines yanked"));
        }
    }

    pub(crate) fn change_range(&mut self, range: Range, name: Option<char>) {
        if range.linewise {
            let (first, last) = (range.start.row, range.end.row.min(self.buf.last_row()));
            let indent: Vec<char> = if self.options.indents() {
                self.buf.line(first)[..self.buf.indent_len(first)].to_vec()
            } else {
                Vec::new()
            };
            let reg = self.range_register(range);
            self.regs.set(name, reg, Write::Delete);
            if last > first {
                self.buf.delete_lines(first + 1, last);
            }
            self.cursor = Pos::new(first, indent.len());
            self.buf.set_line(first, indent);
        } else {
            if range.end > range.start {
                let reg = self.range_register(range);
                self.regs.set(name, reg, Write::Delete);
                self.buf.delete(range.start, range.end);
            }
            self.cursor = range.start;
        }
        self.start_insert(1, InsertKind::Plain);
    }

    pub(crate) fn shift_rows(&mut self, first: usize, last: usize, times: usize, right: bool) {
        let sw = self.options.shiftwidth.max(1);
        let last = last.min(self.buf.last_row());
        for row in first..=last {
            let line = self.buf.line(row);
            if line.is_empty() || (right && line.iter().all(|c| c.is_whitespace())) {
                continue;
            }
            let n = self.buf.indent_len(row);
            let width: usize = line[..n].iter().map(|c| if *c == '\t' { sw } else { 1 }).sum();
            let new_width = if right { width + sw * times } else { width.saturating_sub(sw * times) };
            if new_width != width || line[..n].contains(&'\t') {
                let mut new: Vec<char> = vec![' '; new_width];
                new.extend_from_slice(&line[n..]);
                self.buf.set_line(row, new);
            }
        }
        self.cursor = Pos::new(first, self.buf.first_non_blank(first));
        self.want_col = self.cursor.col;
        let n = last - first + 1;
        if n > 2 {
            let dir = if right { '>' } else { '<' };
            let s = if times == 1 { "" } else { "s" };
            self.set_status(Level::Info, format!("{n} lines {dir}ed {times} time{s}"));
        }
    }

    pub(crate) fn case_range(&mut self, range: Range, op: Operator) {
        let conv = |c: char| -> char {
            let up = || c.to_uppercase().next().unwrap_or(c);
            let low = || c.to_lowercase().next().unwrap_or(c);
            match op {
                Operator::Upper => up(),
                Operator::Lower => low(),
                _ if c.is_uppercase() => low(),
                _ => up(),
            }
        };
        let last = range.end.row.min(self.buf.last_row());
        for row in range.start.row..=last {
            let len = self.buf.len(row);
            let (a, b) = if range.linewise {
                (0, len)
            } else {
                let a = if row == range.start.row { range.start.col } else { 0 };
                let b = if row == range.end.row { range.end.col.min(len) } else { len };
                (a, b)
            };
            if a < b {
                let line = self.buf.line_mut(row);
                for c in &mut line[a..b] {
                    *c = conv(*c);
                }
            }
        }
        if range.linewise {
            self.cursor.row = range.start.row;
        } else {
            self.cursor = range.start;
        }
    }

    /// `p` / `P`: puts a register `count` times; false (with E353) when the register is empty.
    pub(crate) fn put(&mut self, after: bool, count: usize) -> bool {
        let name = self.pending.register;
        let Some(reg) = self.regs.get(name) else {
            self.set_status(Level::Error, format!("E353: Nothing in register {}", name.unwrap_or('"')));
            return false;
        };
        let row = self.cursor.row;
        if reg.blockwise {
            self.put_block(&reg.text, after, count);
        } else if reg.linewise {
            let body = reg.text.strip_suffix('\n').unwrap_or(&reg.text);
            let one: Vec<Vec<char>> = body.split('\n').map(|l| l.chars().collect()).collect();
            let lines: Vec<Vec<char>> = (0..count).flat_map(|_| one.iter().cloned()).collect();
            let n = lines.len();
            let at = if after { row + 1 } else { row };
            self.buf.insert_lines(at, lines);
            self.cursor = Pos::new(at, self.buf.first_non_blank(at));
            if n > 2 {
                self.set_status(Level::Info, format!("{n} more lines"));
            }
        } else {
            let text = reg.text.repeat(count);
            let len = self.buf.len(row);
            let col = if after && len > 0 { (self.cursor.col + 1).min(len) } else { self.cursor.col.min(len) };
            let end = self.buf.insert(Pos::new(row, col), &text);
            self.cursor =
                if text.contains('\n') { Pos::new(row, col) } else { Pos::new(row, end.col.saturating_sub(1)) };
        }
        self.want_col = self.cursor.col;
        true
    }

    /// `J` / `gJ`: joins `n` (at least 2) lines from `row`; false at the last line.
    pub(crate) fn join_lines(&mut self, row: usize, n: usize, spaces: bool) -> bool {
        let last = self.buf.last_row();
        if row >= last {
            return false;
        }
        let end = (row + n.max(2) - 1).min(last);
        let mut col = 0;
        for _ in row..end {
            let next = self.buf.line(row + 1).to_vec();
            let mut cur = self.buf.line(row).to_vec();
            let rest: &[char] = if spaces {
                let skip = next.iter().take_while(|c| c.is_whitespace()).count();
                &next[skip..]
            } else {
                &next
            };
            col = cur.len();
            if spaces {
                let ends_blank = cur.last().is_none_or(|c| c.is_whitespace());
                if !ends_blank && rest.first().is_some_and(|c| *c != ')') {
                    cur.push(' ');
                } else {
                    col = col.saturating_sub(usize::from(rest.is_empty()));
                }
            }
            cur.extend_from_slice(rest);
            self.buf.set_line(row, cur);
            self.buf.delete_lines(row + 1, row + 1);
        }
        self.cursor = Pos::new(row, col);
        self.want_col = col;
        true
    }

    /// `r{char}` on `count` characters; false when the line is too short.
    pub(crate) fn replace_chars(&mut self, ch: char, count: usize) -> bool {
        let Pos { row, col } = self.cursor;
        if col + count > self.buf.len(row) {
            return false;
        }
        let line = self.buf.line_mut(row);
        for c in &mut line[col..col + count] {
            *c = ch;
        }
        self.cursor.col = col + count - 1;
        true
    }

    /// `~`: toggles the case of `count` characters and moves right.
    pub(crate) fn toggle_case_chars(&mut self, count: usize) -> bool {
        let Pos { row, col } = self.cursor;
        let len = self.buf.len(row);
        if len == 0 {
            return false;
        }
        let end = (col + count).min(len);
        self.case_range(Range::chars(Pos::new(row, col), Pos::new(row, end)), Operator::ToggleCase);
        self.cursor = Pos::new(row, end.min(len - 1));
        self.want_col = self.cursor.col;
        true
    }
}
