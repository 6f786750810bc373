//! `:g` / `:v` (an ex command on every line that matches, or does not match, a pattern), `:normal` (keys
//! typed on each line of a range) and `:d`.
//!
//! As in vim, `:g` works in two passes: it first flags the lines in the buffer (flags follow their lines
//! through inserts and deletes, like marks, so a line deleted by an earlier command is skipped), then runs
//! the command with the cursor on each flagged line in turn, top first. `:g` and `:normal` are one undo
//! step each (`History::hold`). `:normal` takes its keys as plain characters (as vim does: no `<Esc>`
//! notation), stops a line's keys at the first error and ends an unfinished command as if `Esc` were
//! typed (so `:norm Ax` appends and leaves insert mode).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::buffer::{Pos, Range};
use super::ex::LineRange;
use super::{Editor, Level, Outcome};

impl Editor {
    /// `:[range]g/pat/cmd` (`invert`: `:g!` and `:v`).
    pub(crate) fn global(&mut self, range: LineRange, pattern: &str, invert: bool, command: &str) -> Outcome {
        if self.in_global {
            self.set_status(Level::Error, "E147: Cannot do :global recursive");
            return Outcome::Consumed;
        }
        let pat = match pattern {
            "" => self.search.pattern.clone().unwrap_or_default(),
            p => p.to_string(),
        };
        if pat.is_empty() {
            self.set_status(Level::Error, "E35: No previous regular expression");
            return Outcome::Consumed;
        }
        if let Err(e) = self.search.set(&pat, self.options.ignore_case, self.options.smart_case) {
            self.set_status(Level::Error, e);
            return Outcome::Consumed;
        }
        let last = range.last.min(self.buf.last_row());
        let mut flags = vec![false; self.buf.line_count()];
        for (row, flag) in flags.iter_mut().enumerate().take(last + 1).skip(range.first) {
            *flag = self.search.matches(self.buf.line(row)).is_empty() == invert;
        }
        if !flags.contains(&true) {
            let msg = if invert { "Pattern found in every line" } else { "Pattern not found" };
            self.set_status(Level::Info, format!("{msg}: {pat}"));
            return Outcome::Consumed;
        }
        let lines_before = self.buf.line_count();
        self.buf.set_flags(flags);
        self.history.hold(&self.buf, self.cursor);
        self.in_global = true;
        let mut out = Outcome::Consumed;
        while let Some(row) = self.buf.next_flagged() {
            self.cursor = Pos::new(row, 0);
            match self.run_ex(command) {
                Outcome::Consumed => {}
                o => out = o,
            }
        }
        self.in_global = false;
        self.history.release(&self.buf);
        self.cursor = self.buf.clamp(self.cursor, false);
        let after = self.buf.line_count();
        if lines_before > after + 2 {
            self.set_status(Level::Info, format!("{} fewer lines", lines_before - after));
        } else if after > lines_before + 2 {
            self.set_status(Level::Info, format!("{} more lines", after - lines_before));
        }
        out
    }

    /// `:[range]normal[!] keys`: the keys on each line of the range (cursor at its start), or once here.
    pub(crate) fn normal_on_lines(&mut self, range: Option<LineRange>, keys: &str, remap: bool) {
        let keys: Vec<KeyEvent> = keys.chars().map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)).collect();
        self.history.hold(&self.buf, self.cursor);
        let rows: Vec<Option<usize>> = match range {
            Some(r) => (r.first..=r.last).map(Some).collect(),
            None => vec![None],
        };
        for row in rows {
            if let Some(row) = row {
                if row > self.buf.last_row() {
                    break;
                }
                self.cursor = Pos::new(row, 0);
            }
            self.macros.failed = false;
            for k in &keys {
                if remap {
                    self.dispatch(*k);
                } else {
                    self.feed(&[*k]);
                }
                if self.macros.failed {
                    break;
                }
            }
            self.leave_to_normal();
        }
        self.macros.failed = false;
        self.history.release(&self.buf);
    }

    /// `:[range]d [x]`.
    pub(crate) fn delete_lines_cmd(&mut self, range: LineRange, register: Option<char>) {
        if register.is_some_and(|r| !super::registers::is_valid(r)) {
            self.set_status(Level::Error, "E488: Trailing characters");
            return;
        }
        self.history.begin(&self.buf, self.cursor);
        self.delete_range(Range::lines(range.first, range.last), register);
        self.history.commit(&self.buf);
    }
}
