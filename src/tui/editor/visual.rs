//! Visual (charwise) and visual-line modes: the selection as a range, operators on it, and the visual-only
//! commands (`o`, `r`, `J`, `p`, `I`, `A`, ...).
//!
//! A charwise selection is inclusive; on an empty line (or after `$`) it includes the line break, as in
//! vim. `.` after a visual operation repeats it on the same number of lines (linewise) or characters
//! (single-line charwise); a multi-line charwise operation is not repeatable.

use super::buffer::{Pos, Range};
use super::insert::InsertKind;
use super::keymap::{Operator, VisualCmd};
use super::normal::op_keys;
use super::prompt::PromptKind;
use super::{Editor, Level, Mode, Outcome};

/// The last visual selection, for `gv` and `'<,'>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct LastVisual {
    pub anchor: Pos,
    pub cursor: Pos,
    pub mode: Mode,
    /// Extended with `$` (blocks reach each line's end).
    pub to_eol: bool,
}

impl Editor {
    fn visual_range(&self) -> Range {
        let (a, b) = if self.anchor <= self.cursor { (self.anchor, self.cursor) } else { (self.cursor, self.anchor) };
        if self.mode == Mode::VisualLine {
            return Range::lines(a.row, b.row);
        }
        if self.mode == Mode::VisualBlock {
            let b = self.block();
            return Range::chars(Pos::new(b.top, b.left), Pos::new(b.bottom, b.right + 1));
        }
        let len = self.buf.len(b.row);
        let to_eol = b.col + 1 >= len && (len == 0 || self.want_col == usize::MAX);
        let end = if to_eol && b.row < self.buf.last_row() {
            Pos::new(b.row + 1, 0)
        } else {
            Pos::new(b.row, (b.col + 1).min(len))
        };
        Range::chars(a, end)
    }

    pub(crate) fn exit_visual(&mut self) {
        self.last_visual = Some(LastVisual {
            anchor: self.anchor,
            cursor: self.cursor,
            mode: self.mode,
            to_eol: self.want_col == usize::MAX,
        });
        self.mode = Mode::Normal;
    }

    /// Records the visual change as an equivalent normal command for `.`.
    fn record_visual(&mut self, op: &str, range: Range) {
        if range.linewise {
            let line_key = match op {
                "<lt>" => "<lt>".to_string(),
                o => o.chars().last().map(String::from).unwrap_or_default(),
            };
            self.record_visual_change(&format!("{op}{line_key}"), range.end.row - range.start.row + 1);
        } else if range.start.row == range.end.row {
            self.record_visual_change(&format!("{op}l"), (range.end.col - range.start.col).max(1));
        } else {
            self.dot.changing = false;
        }
    }

    pub(crate) fn visual_operator(&mut self, op: Operator) -> Outcome {
        if self.mode == Mode::VisualBlock {
            return self.block_operator(op);
        }
        let range = self.visual_range();
        let times = self.pending.total();
        self.exit_visual();
        self.cursor = range.start;
        if op.is_change() {
            self.begin_change();
            self.record_visual(op_keys(op), range);
        }
        match op {
            Operator::Indent | Operator::Dedent => {
                self.shift_rows(range.start.row, range.end.row, times, op == Operator::Indent)
            }
            _ => self.apply_operator(op, range),
        }
        self.finish_command();
        Outcome::Consumed
    }

    pub(crate) fn visual_cmd(&mut self, v: VisualCmd, arg: Option<char>) -> Outcome {
        let range = self.visual_range();
        let rows = Range::lines(
            range.start.row,
            if range.linewise { range.end.row } else { self.anchor.row.max(self.cursor.row) },
        );
        let name = self.pending.register;
        if self.mode == Mode::VisualBlock {
            match v {
                VisualCmd::InsertStart | VisualCmd::AppendEnd => {
                    return self.block_insert_cmd(v == VisualCmd::AppendEnd)
                }
                VisualCmd::DeleteLines | VisualCmd::ChangeBlockEnd => {
                    return self.block_to_end(v == VisualCmd::ChangeBlockEnd)
                }
                VisualCmd::Replace => {
                    match arg.filter(|c| *c != '\n') {
                        Some(ch) => self.block_replace(ch),
                        None => return self.beep(),
                    }
                    return Outcome::Consumed;
                }
                VisualCmd::PutAfter | VisualCmd::PutBefore => {
                    self.block_put_over(name, v == VisualCmd::PutAfter);
                    return Outcome::Consumed;
                }
                VisualCmd::SwapCorner => {
                    std::mem::swap(&mut self.anchor.col, &mut self.cursor.col);
                    self.want_col = self.cursor.col;
                    return Outcome::Consumed;
                }
                _ => {}
            }
        }
        match v {
            VisualCmd::Exit => self.exit_visual(),
            VisualCmd::Char | VisualCmd::Line | VisualCmd::Block => {
                let target = match v {
                    VisualCmd::Char => Mode::Visual,
                    VisualCmd::Line => Mode::VisualLine,
                    _ => Mode::VisualBlock,
                };
                if self.mode == target {
                    self.exit_visual();
                } else {
                    self.mode = target;
                }
            }
            VisualCmd::Swap | VisualCmd::SwapCorner => {
                std::mem::swap(&mut self.anchor, &mut self.cursor);
                if self.want_col != usize::MAX {
                    self.want_col = self.cursor.col;
                }
            }
            VisualCmd::DeleteLines | VisualCmd::ChangeLines | VisualCmd::ChangeBlockEnd => {
                self.exit_visual();
                self.begin_change();
                let op = if v == VisualCmd::DeleteLines { Operator::Delete } else { Operator::Change };
                self.record_visual(op_keys(op), rows);
                self.apply_operator(op, rows);
            }
            VisualCmd::YankLines => {
                self.exit_visual();
                self.apply_operator(Operator::Yank, rows);
            }
            VisualCmd::Replace => {
                // Vim writes a carriage return into the line for `r<CR>` here, which Python reads as a line
                // break; a line never holds one, so the key is refused.
                let Some(ch) = arg.filter(|c| *c != '\n') else { return self.beep() };
                self.exit_visual();
                self.begin_change();
                self.dot.changing = false;
                let last = range.end.row.min(self.buf.last_row());
                for row in range.start.row..=last {
                    let len = self.buf.len(row);
                    let a = if range.linewise || row > range.start.row { 0 } else { range.start.col };
                    let b = if range.linewise || row < range.end.row { len } else { range.end.col.min(len) };
                    if a < b {
                        let line = self.buf.line_mut(row);
                        for c in &mut line[a..b] {
                            *c = ch;
                        }
                    }
                }
                self.cursor = if range.linewise { Pos::new(range.start.row, 0) } else { range.start };
            }
            VisualCmd::Join | VisualCmd::JoinNoSpace => {
                self.exit_visual();
                self.begin_change();
                self.dot.changing = false;
                let n = rows.end.row - rows.start.row + 1;
                self.join_lines(rows.start.row, n, v == VisualCmd::Join);
            }
            VisualCmd::PutAfter | VisualCmd::PutBefore => self.visual_put(range, name, v == VisualCmd::PutAfter),
            VisualCmd::InsertStart | VisualCmd::AppendEnd => {
                self.exit_visual();
                self.begin_change();
                self.dot.changing = false;
                self.cursor = match (v, range.linewise) {
                    (VisualCmd::InsertStart, true) => Pos::new(range.start.row, self.buf.indent_len(range.start.row)),
                    (VisualCmd::InsertStart, false) => range.start,
                    (_, true) => Pos::new(range.end.row, self.buf.len(range.end.row)),
                    (_, false) if range.end.col == 0 && range.end.row > range.start.row => {
                        Pos::new(range.end.row - 1, self.buf.len(range.end.row - 1))
                    }
                    (_, false) => range.end,
                };
                self.start_insert(1, InsertKind::Plain);
            }
            VisualCmd::CmdLine => {
                self.exit_visual();
                self.open_prompt(PromptKind::Ex, "'<,'>");
            }
        }
        Outcome::Consumed
    }

    /// `p` in visual mode: the selection is replaced by the register (and `p`, not `P`, keeps the
    /// replaced text in the unnamed register).
    fn visual_put(&mut self, range: Range, name: Option<char>, keep_replaced: bool) {
        let Some(reg) = self.regs.get(name) else {
            self.set_status(Level::Error, format!("E353: Nothing in register {}", name.unwrap_or('"')));
            self.exit_visual();
            return;
        };
        self.exit_visual();
        self.begin_change();
        self.dot.changing = false;
        let whole = range.linewise && range.start.row == 0 && range.end.row >= self.buf.last_row();
        self.delete_range(range, if keep_replaced { None } else { Some('_') });
        let body = reg.text.strip_suffix('\n').unwrap_or(&reg.text).to_string();
        let lines: Vec<Vec<char>> = body.split('\n').map(|l| l.chars().collect()).collect();
        match (range.linewise, reg.linewise) {
            (true, _) => {
                let row = range.start.row;
                if whole {
                    let n = self.buf.line_count();
                    self.buf.splice_lines(0, n, lines);
                } else {
                    self.buf.insert_lines(row, lines);
                }
                self.cursor = Pos::new(row, self.buf.first_non_blank(row));
            }
            (false, true) => {
                let at = range.start;
                self.buf.insert(at, &format!("\n{body}\n"));
                self.cursor = Pos::new(at.row + 1, self.buf.first_non_blank(at.row + 1));
            }
            (false, false) if reg.blockwise => {
                self.cursor = range.start;
                self.put_block(&reg.text, false, 1);
            }
            (false, false) => {
                let end = self.buf.insert(range.start, &reg.text);
                self.cursor = Pos::new(end.row, end.col.saturating_sub(1));
            }
        }
    }
}
