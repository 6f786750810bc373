//! Visual block mode (`Ctrl-v`): the selection as a rectangle, and what operators, `I` / `A` / `c`, `r`
//! and `p` do with it.
//!
//! A [`Block`] is the rows `top..=bottom` and the columns `left..=right`, or every column from `left` to
//! each line's end after `$` (kept as `want_col == usize::MAX`, as vim keeps `curswant`). Columns are
//! characters: a tab counts as one (vim counts screen cells). Lines too short to reach the block are left
//! alone, except that `A` pads them with spaces up to the block's right edge.
//!
//! A block yank or delete fills a *blockwise* register (one text line per row, no final newline); `p` / `P`
//! paste it as a block, padding short lines and adding lines past the end. `I`, `A` and `c` type on the
//! first row; on `Esc` the typed text (when it has no line break) is inserted on the other rows
//! ([`BlockInsert`], applied by `finish_insert`) in the same undo step. `.` repeats a block operation on a
//! block of the same size at the cursor (it is recorded as `<C-v>{rows}j{cols}l` plus the operator).

use super::buffer::{Pos, Range};
use super::insert::InsertKind;
use super::keymap::Operator;
use super::keys::parse_keys;
use super::normal::op_keys;
use super::registers::{Register, Write};
use super::{Editor, Level, Outcome};

/// A rectangle of the buffer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Block {
    pub top: usize,
    pub bottom: usize,
    pub left: usize,
    /// Inclusive; ignored when `to_eol`.
    pub right: usize,
    /// Selected with `$`: every line to its end.
    pub to_eol: bool,
}

impl Block {
    /// The block's columns on a line of length `len`, as `start..end` clipped to the line (empty when short).
    pub fn cols(&self, len: usize) -> (usize, usize) {
        let end = if self.to_eol { len } else { (self.right + 1).min(len) };
        let start = self.left.min(len);
        (start, end.max(start))
    }

    /// Whether a cell is inside the block (for drawing).
    pub fn contains(&self, row: usize, col: usize) -> bool {
        (self.top..=self.bottom).contains(&row) && col >= self.left && (self.to_eol || col <= self.right)
    }
}

/// Where `I`, `A` and `c` put the typed text on the other rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Edge {
    /// `I` and `c`: at the block's left column, on lines that reach it.
    Left,
    /// `A`: after the block's right column, padding short lines.
    Right,
    /// `$A`: at each line's end.
    LineEnd,
}

/// A block insert in progress: replayed on the other rows when insert mode ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct BlockInsert {
    /// Where typing started on the first row, and that row's length and the line count then.
    start: Pos,
    len_before: usize,
    lines_before: usize,
    /// The other rows.
    first: usize,
    last: usize,
    col: usize,
    edge: Edge,
    /// Where the cursor goes afterwards (`I` and `A`: the block's top-left; `c`: where typing stopped).
    corner: Option<Pos>,
}

impl Editor {
    /// The current visual selection as a block.
    pub(crate) fn block(&self) -> Block {
        let (a, c) = (self.anchor, self.cursor);
        Block {
            top: a.row.min(c.row),
            bottom: a.row.max(c.row),
            left: a.col.min(c.col),
            right: a.col.max(c.col),
            to_eol: self.want_col == usize::MAX,
        }
    }

    fn block_register(&self, b: &Block) -> Register {
        let rows: Vec<String> = (b.top..=b.bottom.min(self.buf.last_row()))
            .map(|row| {
                let line = self.buf.line(row);
                let (x, y) = b.cols(line.len());
                line[x..y].iter().collect()
            })
            .collect();
        Register { text: rows.join("\n"), linewise: false, blockwise: true }
    }

    /// Leaves block mode for an operation with the cursor at the block's top-left; a change also starts the
    /// undo step and is recorded for `.` as `<C-v>{rows}j{cols}l{op}`.
    fn take_block(&mut self, op: &str, change: bool) -> Block {
        let b = self.block();
        self.exit_visual();
        self.cursor = self.buf.clamp(Pos::new(b.top, b.left), false);
        self.want_col = self.cursor.col;
        if change {
            self.begin_change();
            let mut keys = String::from("<C-v>");
            if b.bottom > b.top {
                keys.push_str(&format!("{}j", b.bottom - b.top));
            }
            if b.to_eol {
                keys.push('$');
            } else if b.right > b.left {
                keys.push_str(&format!("{}l", b.right - b.left));
            }
            keys.push_str(op);
            self.dot.rec = parse_keys(&keys).unwrap_or_default();
            self.dot.count = None;
        }
        b
    }

    /// An operator on the block (`d`, `c`, `y`, `>`, `<`, `~`, `u`, `U`).
    pub(crate) fn block_operator(&mut self, op: Operator) -> Outcome {
        let times = self.pending.total();
        let name = self.pending.register;
        let b = self.take_block(op_keys(op), op.is_change());
        match op {
            Operator::Delete => self.block_delete(&b, name),
            Operator::Change => {
                self.block_delete(&b, name);
                self.block_insert(&b, Edge::Left, false, 1);
            }
            Operator::Yank => {
                let reg = self.block_register(&b);
                self.regs.set(name, reg, Write::Yank);
            }
            Operator::Indent | Operator::Dedent => self.block_shift(&b, times, op == Operator::Indent),
            Operator::ToggleCase | Operator::Lower | Operator::Upper => {
                for row in b.top..=b.bottom.min(self.buf.last_row()) {
                    let (x, y) = b.cols(self.buf.len(row));
                    self.case_range(Range::chars(Pos::new(row, x), Pos::new(row, y)), op);
                }
            }
        }
        if op != Operator::Change {
            self.cursor = self.buf.clamp(Pos::new(b.top, b.left), false);
        }
        self.finish_command();
        Outcome::Consumed
    }

    fn block_delete(&mut self, b: &Block, name: Option<char>) {
        let reg = self.block_register(b);
        self.regs.set(name, reg, Write::Delete);
        for row in b.top..=b.bottom.min(self.buf.last_row()) {
            let (x, y) = b.cols(self.buf.len(row));
            if x < y {
                self.buf.delete(Pos::new(row, x), Pos::new(row, y));
            }
        }
    }

    /// `>` / `<` on a block: spaces are added (or blanks removed) at the block's left column.
    fn block_shift(&mut self, b: &Block, times: usize, right: bool) {
        let amount = self.options.shiftwidth.max(1) * times;
        for row in b.top..=b.bottom.min(self.buf.last_row()) {
            let line = self.buf.line(row);
            if line.len() <= b.left {
                continue;
            }
            if right {
                self.buf.insert(Pos::new(row, b.left), &" ".repeat(amount));
            } else {
                let blanks = line[b.left..].iter().take_while(|c| **c == ' ' || **c == '\t').count();
                if blanks > 0 {
                    self.buf.delete(Pos::new(row, b.left), Pos::new(row, b.left + blanks.min(amount)));
                }
            }
        }
    }

    /// Starts typing on the block's first row (`count` times, as `3Ix` types `xxx`); `finish_insert` repeats
    /// the text on the others.
    fn block_insert(&mut self, b: &Block, edge: Edge, to_corner: bool, count: usize) {
        let row = b.top;
        let len = self.buf.len(row);
        let col = match edge {
            Edge::Left => b.left.min(len),
            Edge::Right => b.right + 1,
            Edge::LineEnd => len,
        };
        if len < col {
            self.buf.insert(Pos::new(row, len), &" ".repeat(col - len));
        }
        self.cursor = Pos::new(row, col);
        self.start_insert(count, InsertKind::Plain);
        self.insert.block = Some(BlockInsert {
            start: self.cursor,
            len_before: self.buf.len(row),
            lines_before: self.buf.line_count(),
            first: b.top + 1,
            last: b.bottom,
            col,
            edge,
            corner: to_corner.then(|| Pos::new(b.top, b.left)),
        });
    }

    /// End of a block insert: what was typed on the first row goes into the other rows too.
    pub(crate) fn finish_block_insert(&mut self, bi: BlockInsert) {
        let row = bi.start.row;
        let len = self.buf.len(row);
        if self.buf.line_count() != bi.lines_before || len <= bi.len_before || self.cursor.row != row {
            return;
        }
        let typed = len - bi.len_before;
        let Some(text) = self.buf.line(row).get(bi.start.col..bi.start.col + typed) else { return };
        let text: String = text.iter().collect();
        for r in bi.first..=bi.last.min(self.buf.last_row()) {
            let len = self.buf.len(r);
            let col = match bi.edge {
                Edge::Left if len < bi.col => continue,
                Edge::Left => bi.col,
                Edge::Right => {
                    if len < bi.col {
                        self.buf.insert(Pos::new(r, len), &" ".repeat(bi.col - len));
                    }
                    bi.col
                }
                Edge::LineEnd => len,
            };
            self.buf.insert(Pos::new(r, col), &text);
        }
        if let Some(p) = bi.corner {
            self.cursor = self.buf.clamp(p, false);
            self.want_col = self.cursor.col;
        }
    }

    /// `I`, `A` (`$A`), `c` to the end (`C`), `D` / `X`, `r{char}` and `p` in block mode.
    pub(crate) fn block_insert_cmd(&mut self, append: bool) -> Outcome {
        let count = self.pending.total();
        let b = self.take_block(if append { "A" } else { "I" }, true);
        let edge = match (append, b.to_eol) {
            (false, _) => Edge::Left,
            (true, false) => Edge::Right,
            (true, true) => Edge::LineEnd,
        };
        self.block_insert(&b, edge, true, count);
        Outcome::Consumed
    }

    /// `D`, `X` and `C`: the block extended to each line's end.
    pub(crate) fn block_to_end(&mut self, change: bool) -> Outcome {
        self.want_col = usize::MAX;
        self.block_operator(if change { Operator::Change } else { Operator::Delete })
    }

    pub(crate) fn block_replace(&mut self, ch: char) {
        let key = if ch == '<' { "<lt>".to_string() } else { ch.to_string() };
        let b = self.take_block(&format!("r{key}"), true);
        for row in b.top..=b.bottom.min(self.buf.last_row()) {
            let (x, y) = b.cols(self.buf.len(row));
            if x < y {
                for c in &mut self.buf.line_mut(row)[x..y] {
                    *c = ch;
                }
            }
        }
    }

    /// `p` / `P` on a block: the block is replaced by the register (a block as a block, other text on
    /// every row); `P` keeps the unnamed register.
    pub(crate) fn block_put_over(&mut self, name: Option<char>, keep_replaced: bool) {
        let Some(reg) = self.regs.get(name) else {
            self.set_status(Level::Error, format!("E353: Nothing in register {}", name.unwrap_or('"')));
            self.exit_visual();
            return;
        };
        let b = self.take_block(if keep_replaced { "p" } else { "P" }, true);
        self.block_delete(&b, if keep_replaced { None } else { Some('_') });
        self.cursor = Pos::new(b.top, b.left.min(self.buf.len(b.top)));
        if reg.blockwise {
            self.put_block(&reg.text, false, 1);
        } else {
            let text = reg.text.strip_suffix('\n').unwrap_or(&reg.text).replace('\n', " ");
            for row in b.top..=b.bottom.min(self.buf.last_row()) {
                if self.buf.len(row) >= b.left {
                    self.buf.insert(Pos::new(row, b.left), &text);
                }
            }
            self.cursor = Pos::new(b.top, (b.left + text.chars().count()).saturating_sub(1));
        }
    }

    /// `p` / `P` of a blockwise register: row `i` of the block goes into line `cursor.row + i` at the same
    /// column, padding short lines with spaces and adding lines past the end; each row is padded to the
    /// block's width when text follows it. `count` repeats the block sideways.
    pub(crate) fn put_block(&mut self, text: &str, after: bool, count: usize) {
        let Pos { row, col } = self.cursor;
        let col = if after && self.buf.len(row) > 0 { col + 1 } else { col };
        let pieces: Vec<Vec<char>> = text.split('\n').map(|l| l.chars().collect()).collect();
        let width = pieces.iter().map(Vec::len).max().unwrap_or(0);
        for (i, piece) in pieces.iter().enumerate() {
            let r = row + i;
            if r > self.buf.last_row() {
                let n = self.buf.line_count();
                self.buf.insert_lines(n, vec![Vec::new()]);
            }
            let mut line = self.buf.line(r).to_vec();
            if line.len() < col {
                line.resize(col, ' ');
            }
            let follows = line.len() > col;
            let mut ins: Vec<char> = Vec::new();
            for k in 0..count {
                ins.extend_from_slice(piece);
                if follows || k + 1 < count {
                    ins.resize(ins.len() + width - piece.len(), ' ');
                }
            }
            line.splice(col..col, ins);
            self.buf.set_line(r, line);
        }
        self.cursor = Pos::new(row, col);
        self.want_col = col;
    }
}
