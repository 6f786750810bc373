//! Normal-mode commands that are not operator + motion: inserts, `x`, `p`, `J`, `u`, scrolling, ...
//!
//! Commands that change text call `begin_change` first so that each is one undo step and the `.` target;
//! the caller (`normal.rs`) closes the step with `finish_command` unless the command entered insert mode.

use super::buffer::{Pos, Range};
use super::ex::{ExCommand, LineRange};
use super::insert::InsertKind;
use super::keymap::{Cmd, Operator};
use super::prompt::PromptKind;
use super::{number, Editor, Level, Mode, Outcome};

impl Editor {
    pub(crate) fn normal_cmd(&mut self, c: Cmd, arg: Option<char>) -> Outcome {
        let count = self.pending.total();
        let has_count = self.pending.has_count();
        let name = self.pending.register;
        let Pos { row, col } = self.cursor;
        let len = self.buf.len(row);
        let last = self.buf.last_row();
        match c {
            Cmd::Insert | Cmd::Append | Cmd::InsertFirstNonBlank | Cmd::InsertCol0 | Cmd::AppendEnd => {
                self.begin_change();
                self.cursor.col = match c {
                    Cmd::Append => (col + 1).min(len),
                    Cmd::InsertFirstNonBlank => self.buf.indent_len(row),
                    Cmd::InsertCol0 => 0,
                    Cmd::AppendEnd => len,
                    _ => col,
                };
                self.start_insert(count, InsertKind::Plain);
            }
            Cmd::OpenBelow | Cmd::OpenAbove => {
                self.begin_change();
                let below = c == Cmd::OpenBelow;
                self.open_line(below);
                self.start_insert(count, if below { InsertKind::Below } else { InsertKind::Above });
            }
            Cmd::SubstChar => {
                self.begin_change();
                let end = (col + count).min(len);
                self.change_range(Range::chars(Pos::new(row, col), Pos::new(row, end)), name);
            }
            Cmd::SubstLine => {
                self.begin_change();
                self.change_range(Range::lines(row, (row + count - 1).min(last)), name);
            }
            Cmd::ChangeToEnd | Cmd::DeleteToEnd => {
                let end_row = row + count - 1;
                if end_row > last {
                    return self.beep();
                }
                self.begin_change();
                let range = Range::chars(self.cursor, Pos::new(end_row, self.buf.len(end_row)));
                if c == Cmd::ChangeToEnd {
                    self.change_range(range, name);
                } else {
                    self.delete_range(range, name);
                    self.want_col = usize::MAX;
                }
            }
            Cmd::DeleteChar => {
                if len == 0 {
                    return self.beep();
                }
                self.begin_change();
                self.delete_range(Range::chars(self.cursor, Pos::new(row, (col + count).min(len))), name);
            }
            Cmd::DeleteCharBefore => {
                if col == 0 {
                    return self.beep();
                }
                self.begin_change();
                self.delete_range(Range::chars(Pos::new(row, col.saturating_sub(count)), self.cursor), name);
            }
            Cmd::YankLine => self.apply_operator(Operator::Yank, Range::lines(row, (row + count - 1).min(last))),
            Cmd::PutAfter | Cmd::PutBefore => {
                self.begin_change();
                if !self.put(c == Cmd::PutAfter, count) {
                    self.dot.changing = false;
                }
            }
            Cmd::Replace if arg == Some('\n') => {
                if col + count > len {
                    return self.beep();
                }
                self.begin_change();
                self.buf.delete(self.cursor, Pos::new(row, col + count));
                self.break_line();
            }
            Cmd::Replace => {
                let Some(ch) = arg else { return self.beep() };
                self.begin_change();
                if !self.replace_chars(ch, count) {
                    return self.beep();
                }
            }
            Cmd::ReplaceMode => {
                self.begin_change();
                self.start_insert(count, InsertKind::Replace);
            }
            Cmd::Increment | Cmd::Decrement => {
                let delta = if c == Cmd::Increment { count as i64 } else { -(count as i64) };
                let Some((line, end)) = number::add(self.buf.line(row), col, delta) else { return self.beep() };
                self.begin_change();
                self.buf.set_line(row, line);
                self.cursor.col = end;
                self.want_col = end;
            }
            Cmd::RepeatSubst => {
                let Some((pattern, replacement)) = self.last_substitute.clone() else {
                    self.set_status(Level::Error, "E35: No previous regular expression");
                    return self.beep();
                };
                // Like `:s` itself, `&` is not a `.` change (vim).
                self.substitute(LineRange { first: row, last: row }, &pattern, &replacement, "");
            }
            Cmd::SetMark => {
                if !self.buf.set_mark(arg.unwrap_or(' '), self.cursor) {
                    return self.beep();
                }
            }
            Cmd::Record => return self.start_recording(arg.unwrap_or(' ')),
            Cmd::Execute => return self.run_macro(arg.unwrap_or(' '), count),
            Cmd::Join | Cmd::JoinNoSpace => {
                self.begin_change();
                if !self.join_lines(row, count, c == Cmd::Join) {
                    return self.beep();
                }
            }
            Cmd::ToggleCase => {
                self.begin_change();
                if !self.toggle_case_chars(count) {
                    return self.beep();
                }
            }
            Cmd::Undo | Cmd::Redo => {
                for _ in 0..count {
                    let r = if c == Cmd::Undo {
                        self.history.undo(&mut self.buf)
                    } else {
                        self.history.redo(&mut self.buf)
                    };
                    match r {
                        Some(p) => self.cursor = self.buf.clamp(p, false),
                        None => {
                            let which = if c == Cmd::Undo { "oldest" } else { "newest" };
                            self.set_status(Level::Info, format!("Already at {which} change"));
                            break;
                        }
                    }
                }
                self.want_col = self.cursor.col;
            }
            Cmd::Visual | Cmd::VisualLine | Cmd::VisualBlock => {
                self.anchor = self.cursor;
                self.mode = match c {
                    Cmd::Visual => Mode::Visual,
                    Cmd::VisualLine => Mode::VisualLine,
                    _ => Mode::VisualBlock,
                };
            }
            Cmd::Reselect => {
                let Some(last) = self.last_visual else { return self.beep() };
                self.anchor = self.buf.clamp(last.anchor, false);
                self.cursor = self.buf.clamp(last.cursor, false);
                self.mode = last.mode;
                self.want_col = if last.to_eol { usize::MAX } else { self.cursor.col };
            }
            Cmd::CmdLine => self.open_prompt(PromptKind::Ex, ""),
            Cmd::HalfDown | Cmd::HalfUp => {
                let amount = if has_count { count } else { (self.height / 2).max(1) };
                let down = c == Cmd::HalfDown;
                if (down && row == last) || (!down && row == 0) {
                    return self.beep();
                }
                let top = if down { self.top + amount } else { self.top.saturating_sub(amount) };
                self.top = top.min(last);
                let new_row = if down { (row + amount).min(last) } else { row.saturating_sub(amount) };
                self.cursor = Pos::new(new_row, self.buf.first_non_blank(new_row));
            }
            Cmd::PageDown | Cmd::PageUp => {
                let page = self.height.saturating_sub(2).max(1) * count;
                if c == Cmd::PageDown {
                    self.top = (self.top + page).min(last);
                    self.cursor.row = self.cursor.row.max((self.top + self.scrolloff()).min(last));
                } else {
                    self.top = self.top.saturating_sub(page);
                    let bottom = (self.top + self.height).saturating_sub(1 + self.scrolloff());
                    self.cursor.row = self.cursor.row.min(bottom);
                }
                self.cursor.col = self.buf.first_non_blank(self.cursor.row);
            }
            Cmd::ScrollDown | Cmd::ScrollUp => {
                self.scroll_lines(if c == Cmd::ScrollDown { count as isize } else { -(count as isize) });
            }
            Cmd::ScrollCenter => self.top = row.saturating_sub(self.height / 2),
            Cmd::ScrollTop => self.top = row.saturating_sub(self.scrolloff()),
            Cmd::ScrollBottom => self.top = (row + 1 + self.scrolloff()).saturating_sub(self.height),
            Cmd::WriteQuit => return Outcome::Ex(ExCommand::WriteQuit),
            Cmd::ForceQuit => return Outcome::Ex(ExCommand::ForceQuit),
            Cmd::Register | Cmd::Repeat => {}
        }
        Outcome::Consumed
    }

    /// A command that cannot be done here: drop it quietly (vim beeps).
    pub(crate) fn beep(&mut self) -> Outcome {
        self.macros.failed = true;
        self.cancel_pending();
        self.history.commit(&self.buf);
        Outcome::Consumed
    }
}
