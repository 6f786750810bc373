//! Undo history with vim granularity: a change (one operator, one insert session, one `.`) is one step.
//!
//! `begin` snapshots the buffer when a change starts; `commit` diffs the snapshot against the buffer (common
//! leading and trailing lines are dropped) and stores only the differing lines, so memory grows with the
//! size of the edits, not of the buffer.

use super::buffer::{Buffer, Pos};

const MAX_STEPS: usize = 1000;

#[derive(Clone, Debug)]
struct Step {
    row: usize,
    old: Vec<Vec<char>>,
    new: Vec<Vec<char>>,
    cursor: Pos,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    snapshot: Option<(Vec<Vec<char>>, Pos)>,
    /// While above zero (`:g`, `:normal`), commits wait: the whole command is one step.
    hold: usize,
}

impl History {
    pub fn begin(&mut self, buf: &Buffer, cursor: Pos) {
        if self.snapshot.is_none() {
            self.snapshot = Some((buf.lines().to_vec(), cursor));
        }
    }

    /// Ends the current change; returns whether it changed anything.
    pub fn commit(&mut self, buf: &Buffer) -> bool {
        if self.hold > 0 {
            return false;
        }
        let Some((before, cursor)) = self.snapshot.take() else { return false };
        let after = buf.lines();
        let prefix = before.iter().zip(after).take_while(|(a, b)| a == b).count();
        let max_suffix = before.len().min(after.len()) - prefix;
        let suffix = before.iter().rev().zip(after.iter().rev()).take(max_suffix).take_while(|(a, b)| a == b).count();
        if prefix == before.len() && before.len() == after.len() {
            return false;
        }
        let old = before[prefix..before.len() - suffix].to_vec();
        let new = after[prefix..after.len() - suffix].to_vec();
        self.undo.push(Step { row: prefix, old, new, cursor });
        if self.undo.len() > MAX_STEPS {
            self.undo.remove(0);
        }
        self.redo.clear();
        true
    }

    /// Undoes one step; returns the cursor to restore.
    pub fn undo(&mut self, buf: &mut Buffer) -> Option<Pos> {
        let step = self.undo.pop()?;
        buf.splice_lines(step.row, step.new.len(), step.old.clone());
        let cursor = step.cursor;
        self.redo.push(step);
        Some(cursor)
    }

    pub fn redo(&mut self, buf: &mut Buffer) -> Option<Pos> {
        let step = self.redo.pop()?;
        buf.splice_lines(step.row, step.old.len(), step.new.clone());
        let cursor = step.cursor;
        self.undo.push(step);
        Some(cursor)
    }

    /// Starts a command whose inner changes make one step (nests).
    pub fn hold(&mut self, buf: &Buffer, cursor: Pos) {
        self.begin(buf, cursor);
        self.hold += 1;
    }

    /// Ends a [`History::hold`]; the outermost one commits the step.
    pub fn release(&mut self, buf: &Buffer) {
        self.hold = self.hold.saturating_sub(1);
        self.commit(buf);
    }

    pub fn clear(&mut self) {
        *self = Self::default();
    }
}
