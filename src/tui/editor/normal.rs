//! The normal / visual / operator-pending grammar: `["x][count]{operator}[count]{motion|text object}`,
//! `[count]{command}`, the `dd` line forms, and `.` repeat.
//!
//! Keys accumulate in [`Pending`] until the keymap reports a match. Counts multiply (`2d3w` = `d6w`).
//! Dot repeat records the keys of the last change (without counts) plus its count, and replays them
//! through the same key handler, so anything typed (an insert session, a `/` search after `d`) repeats.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::buffer::{Pos, Range};
use super::keymap::{Action, Cmd, Ctx, Lookup, Motion, Operator};
use super::motion::Kind;
use super::prompt::PromptKind;
use super::{keys, textobj, Editor, Level, Mode, Outcome, MAX_COUNT};

/// A command being typed.
#[derive(Clone, Debug, Default)]
pub(crate) struct Pending {
    pub count: Option<usize>,
    pub op_count: Option<usize>,
    pub register: Option<char>,
    pub op: Option<Operator>,
    pub keys: Vec<KeyEvent>,
}

impl Pending {
    pub fn is_empty(&self) -> bool {
        self.count.is_none()
            && self.op_count.is_none()
            && self.register.is_none()
            && self.op.is_none()
            && self.keys.is_empty()
    }

    pub fn has_count(&self) -> bool {
        self.count.is_some() || self.op_count.is_some()
    }

    pub fn total(&self) -> usize {
        (self.count.unwrap_or(1) * self.op_count.unwrap_or(1)).clamp(1, MAX_COUNT)
    }
}

#[derive(Clone, Debug)]
pub(crate) struct DotRecord {
    keys: Vec<KeyEvent>,
    count: Option<usize>,
}

/// `.` state: the keys of the command in progress and the last complete change.
#[derive(Clone, Debug, Default)]
pub(crate) struct Dot {
    pub rec: Vec<KeyEvent>,
    pub changing: bool,
    pub count: Option<usize>,
    pub last: Option<DotRecord>,
    pub replaying: bool,
}

/// Where a motion lands and how an operator takes it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Target {
    pub pos: Pos,
    pub kind: Kind,
    /// `j`/`k`: keep the wanted column.
    pub vertical: bool,
}

pub(crate) fn op_keys(op: Operator) -> &'static str {
    match op {
        Operator::Delete => "d",
        Operator::Change => "c",
        Operator::Yank => "y",
        Operator::Indent => ">",
        Operator::Dedent => "<lt>",
        Operator::ToggleCase => "g~",
        Operator::Lower => "gu",
        Operator::Upper => "gU",
    }
}

impl Editor {
    pub(crate) fn normal_key(&mut self, key: KeyEvent) -> Outcome {
        let ctx = match self.mode {
            Mode::Visual | Mode::VisualLine | Mode::VisualBlock => Ctx::Visual,
            Mode::OperatorPending => Ctx::Pending,
            _ => Ctx::Normal,
        };
        if self.pending.keys.is_empty() && key.modifiers.is_empty() {
            if let KeyCode::Char(d @ '0'..='9') = key.code {
                if d != '0' || self.pending.count.is_some() {
                    let n = self.pending.count.unwrap_or(0).saturating_mul(10) + (d as usize - '0' as usize);
                    self.pending.count = Some(n.min(MAX_COUNT));
                    self.dot.rec.pop();
                    return Outcome::Consumed;
                }
            }
        }
        if self.stops_recording(key) {
            return self.stop_recording();
        }
        self.pending.keys.push(key);
        if let Some(op) = self.pending.op {
            if self.pending.keys.len() == 1 && key.modifiers.is_empty() && key.code == KeyCode::Char(op.line_key()) {
                self.pending.keys.clear();
                return self.op_on_lines(op);
            }
        }
        match self.keymap.lookup(ctx, &self.pending.keys, self.noremap > 0) {
            Lookup::Pending => Outcome::Consumed,
            Lookup::NotFound => {
                let fresh = self.mode == Mode::Normal && self.pending.keys.len() == 1 && self.pending.is_fresh_key();
                self.cancel_pending();
                if fresh {
                    self.dot.rec.pop();
                    Outcome::Unhandled
                } else {
                    Outcome::Consumed
                }
            }
            Lookup::Mapped(rhs) => {
                let n = self.pending.keys.len();
                self.pending.keys.clear();
                let keep = self.dot.rec.len().saturating_sub(n);
                self.dot.rec.truncate(keep);
                self.feed(&rhs)
            }
            Lookup::Matched(action, arg) => {
                self.pending.keys.clear();
                self.execute(action, arg)
            }
        }
    }

    /// Feeds keys without remapping (mapping right-hand sides, dot repeat).
    pub(crate) fn feed(&mut self, keys: &[KeyEvent]) -> Outcome {
        self.noremap += 1;
        let mut out = Outcome::Consumed;
        for k in keys {
            match self.dispatch(*k) {
                Outcome::Consumed => {}
                o => out = o,
            }
        }
        self.noremap -= 1;
        out
    }

    fn execute(&mut self, action: Action, arg: Option<char>) -> Outcome {
        match action {
            Action::Cmd(Cmd::Register) => {
                match arg.filter(|c| super::registers::is_valid(*c)) {
                    Some(c) => self.pending.register = Some(c),
                    None => self.cancel_pending(),
                }
                Outcome::Consumed
            }
            Action::Operator(op) => match self.mode {
                Mode::Visual | Mode::VisualLine | Mode::VisualBlock => self.visual_operator(op),
                Mode::OperatorPending => {
                    self.cancel_pending();
                    Outcome::Consumed
                }
                _ => {
                    self.pending.op = Some(op);
                    self.pending.op_count = self.pending.count.take();
                    self.mode = Mode::OperatorPending;
                    Outcome::Consumed
                }
            },
            Action::Motion(m) => self.do_motion(m, arg),
            Action::Object(obj, inner) => {
                let count = self.pending.total();
                match textobj::select(&self.buf, self.cursor, obj, inner, count) {
                    None => self.cancel_pending(),
                    Some(range) => match self.pending.op {
                        Some(op) => self.apply_operator(op, range),
                        None => self.select_object(range),
                    },
                }
                self.finish_command();
                Outcome::Consumed
            }
            Action::Cmd(Cmd::Repeat) => {
                self.repeat_change();
                Outcome::Consumed
            }
            Action::Cmd(c) => {
                let out = self.normal_cmd(c, arg);
                if !matches!(self.mode, Mode::CommandLine | Mode::Search) {
                    self.finish_command();
                }
                out
            }
            Action::Visual(v) => {
                let out = self.visual_cmd(v, arg);
                if !matches!(self.mode, Mode::CommandLine | Mode::Search) {
                    self.finish_command();
                }
                out
            }
            Action::Insert(_) | Action::Doc => {
                self.cancel_pending();
                Outcome::Consumed
            }
        }
    }

    /// A motion: move (normal, visual) or hand the range to the pending operator.
    pub(crate) fn do_motion(&mut self, m: Motion, arg: Option<char>) -> Outcome {
        if let Motion::SearchForward | Motion::SearchBackward = m {
            self.open_prompt(PromptKind::Search { forward: m == Motion::SearchForward }, "");
            return Outcome::Consumed;
        }
        if let Motion::MatchNext | Motion::MatchPrev = m {
            return self.select_match(m == Motion::MatchNext);
        }
        let op = self.pending.op;
        match self.motion_target(m, arg, op) {
            None => {
                self.macros.failed = true;
                self.cancel_pending();
            }
            Some(t) => {
                match op {
                    Some(op) => {
                        let range = self.motion_range(t);
                        self.apply_operator(op, range);
                    }
                    None => self.move_to(t, m == Motion::LineEnd),
                }
                self.finish_command();
            }
        }
        Outcome::Consumed
    }

    /// `gn` / `gN`: selects the match of the last search (visual mode), or hands it to the operator.
    fn select_match(&mut self, forward: bool) -> Outcome {
        if !self.search.is_set() {
            self.set_status(Level::Error, "E35: No previous regular expression");
            return self.beep();
        }
        // A count takes the count-th match: each further one is searched from just past the last.
        let mut found = self.search.match_around(&self.buf, self.cursor, forward);
        for _ in 1..self.pending.total() {
            let Some((start, end)) = found else { break };
            let from = if forward {
                end
            } else if start.col > 0 {
                Pos::new(start.row, start.col - 1)
            } else {
                let row = if start.row == 0 { self.buf.last_row() } else { start.row - 1 };
                Pos::new(row, self.buf.len(row))
            };
            found = self.search.match_around(&self.buf, from, forward);
        }
        let Some((start, end)) = found else {
            let pat = self.search.pattern.clone().unwrap_or_default();
            self.set_status(Level::Error, format!("E486: Pattern not found: {pat}"));
            return self.beep();
        };
        let last = Pos::new(end.row, end.col - 1);
        match self.pending.op {
            Some(op) => {
                self.cursor = start;
                self.apply_operator(op, Range::chars(start, end));
            }
            None => {
                if self.mode == Mode::Normal {
                    self.mode = Mode::Visual;
                    self.anchor = if forward { start } else { last };
                }
                self.cursor = if forward { last } else { start };
                self.want_col = self.cursor.col;
            }
        }
        self.search.highlight = true;
        self.finish_command();
        Outcome::Consumed
    }

    fn move_to(&mut self, t: Target, to_end: bool) {
        let row = t.pos.row.min(self.buf.last_row());
        if t.vertical {
            self.cursor = self.buf.clamp(Pos::new(row, self.want_col), false);
        } else {
            self.cursor = self.buf.clamp(t.pos, false);
            self.want_col = if to_end { usize::MAX } else { self.cursor.col };
        }
    }

    /// Turns a motion from the cursor into an operator range, with vim's exclusive-motion adjustments.
    fn motion_range(&self, t: Target) -> Range {
        let (a, b) = if t.pos < self.cursor { (t.pos, self.cursor) } else { (self.cursor, t.pos) };
        match t.kind {
            Kind::Linewise => Range::lines(a.row, b.row),
            Kind::Inclusive => Range::chars(a, Pos::new(b.row, (b.col + 1).min(self.buf.len(b.row)))),
            Kind::Exclusive if b.row > a.row && b.col == 0 => {
                if a.col <= self.buf.indent_len(a.row) {
                    Range::lines(a.row, b.row - 1)
                } else {
                    Range::chars(a, Pos::new(b.row - 1, self.buf.len(b.row - 1)))
                }
            }
            Kind::Exclusive => Range::chars(a, b),
        }
    }

    /// `dd`, `3yy`, `>>`, `gUU`: the operator on `count` lines from the cursor.
    fn op_on_lines(&mut self, op: Operator) -> Outcome {
        let count = self.pending.total();
        let last = self.cursor.row + count - 1;
        let range = Range::lines(self.cursor.row, last.min(self.buf.last_row()));
        self.apply_operator(op, range);
        self.finish_command();
        Outcome::Consumed
    }

    fn select_object(&mut self, range: Range) {
        if !matches!(self.mode, Mode::Visual | Mode::VisualLine) {
            return;
        }
        if range.linewise {
            self.mode = Mode::VisualLine;
            self.anchor = Pos::new(range.start.row, 0);
            self.cursor = Pos::new(range.end.row, 0);
        } else if range.end > range.start {
            let end = if range.end.col == 0 {
                Pos::new(range.end.row - 1, self.buf.len(range.end.row - 1))
            } else {
                Pos::new(range.end.row, range.end.col - 1)
            };
            self.anchor = range.start;
            self.cursor = end;
        }
    }

    pub(crate) fn cancel_pending(&mut self) {
        self.pending = Pending::default();
        if self.mode == Mode::OperatorPending {
            self.mode = Mode::Normal;
        }
        self.dot.changing = false;
    }

    /// Ends a complete command: clears the pending state and closes the undo step unless inserting.
    pub(crate) fn finish_command(&mut self) {
        self.pending = Pending::default();
        if self.mode == Mode::OperatorPending {
            self.mode = Mode::Normal;
        }
        if self.mode != Mode::Insert {
            self.end_change();
        }
    }

    /// Starts a change: snapshot for undo, and mark the keys being typed as the next `.` command.
    pub(crate) fn begin_change(&mut self) {
        if !self.dot.changing {
            self.dot.changing = true;
            self.dot.count = self.pending.has_count().then(|| self.pending.total());
        }
        self.history.begin(&self.buf, self.cursor);
    }

    pub(crate) fn end_change(&mut self) {
        self.history.commit(&self.buf);
        if self.dot.changing {
            self.dot.changing = false;
            self.dot.last = Some(DotRecord { keys: self.dot.rec.clone(), count: self.dot.count });
        }
    }

    /// Makes the last visual operation repeatable as an equivalent normal command.
    pub(crate) fn record_visual_change(&mut self, op_notation: &str, count: usize) {
        self.dot.rec = keys::parse_keys(op_notation).unwrap_or_default();
        self.dot.count = Some(count);
    }

    fn repeat_change(&mut self) {
        let has_count = self.pending.has_count();
        let count = self.pending.total();
        self.pending = Pending::default();
        if self.dot.replaying {
            return;
        }
        let Some(rec) = self.dot.last.clone() else { return };
        let count = if has_count { Some(count) } else { rec.count };
        let mut keys: Vec<KeyEvent> = Vec::new();
        if let Some(n) = count {
            for d in n.to_string().chars() {
                keys.push(KeyEvent::new(KeyCode::Char(d), KeyModifiers::NONE));
            }
        }
        keys.extend(rec.keys);
        self.dot.replaying = true;
        self.dot.rec.clear();
        self.feed(&keys);
        if self.mode == Mode::Insert {
            self.feed(&[KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)]);
        } else if self.mode != Mode::Normal {
            self.leave_to_normal();
        }
        self.dot.replaying = false;
    }
}

impl Pending {
    /// Nothing but the key itself has been typed (no count, register or operator).
    fn is_fresh_key(&self) -> bool {
        self.count.is_none() && self.op_count.is_none() && self.register.is_none() && self.op.is_none()
    }
}
