//! The text store: lines of `char`s addressed by `(row, col)` in characters.
//!
//! Invariants: there is always at least one line, and no line contains `'\n'`. Every mutating method bumps
//! [`Buffer::version`], which the editor uses for "modified" tracking and the app for autosave / redraw.
//!
//! The buffer also keeps the marks `a`-`z`, because they must follow its lines: every method that adds or
//! removes lines moves the marks below (vim's `mark_adjust`), and a mark on a removed line is removed.
//! Columns are kept as they are and clamped when a mark is used.

/// A position in the buffer, in characters. `col == line length` is the end-of-line slot (valid in insert mode).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    pub row: usize,
    pub col: usize,
}

impl Pos {
    pub const fn new(row: usize, col: usize) -> Self {
        Self { row, col }
    }
}

#[derive(Clone, Debug)]
pub(crate) struct Buffer {
    lines: Vec<Vec<char>>,
    /// Whether the text ended with a newline when it was loaded; `text()` restores it.
    eol: bool,
    version: u64,
    marks: [Option<Pos>; 26],
    /// Lines flagged by `:g`, one per line while it runs (else empty); they follow their lines like marks.
    flags: Vec<bool>,
}

impl Buffer {
    pub fn from_text(text: &str) -> Self {
        let (body, eol) = match text.strip_suffix('\n') {
            Some(b) => (b, true),
            None => (text, false),
        };
        let lines = body.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l).chars().collect()).collect();
        Self { lines, eol, version: 0, marks: [None; 26], flags: Vec::new() }
    }

    pub fn text(&self) -> String {
        let mut out = String::with_capacity(self.lines.iter().map(|l| l.len() + 1).sum());
        for (i, l) in self.lines.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.extend(l.iter());
        }
        if self.eol {
            out.push('\n');
        }
        out
    }

    pub fn set_eol(&mut self, eol: bool) {
        self.eol = eol;
    }

    pub fn eol(&self) -> bool {
        self.eol
    }

    pub fn version(&self) -> u64 {
        self.version
    }

    pub fn lines(&self) -> &[Vec<char>] {
        &self.lines
    }

    pub fn line_count(&self) -> usize {
        self.lines.len()
    }

    pub fn last_row(&self) -> usize {
        self.lines.len() - 1
    }

    /// The line at `row`, or an empty slice when out of range.
    pub fn line(&self, row: usize) -> &[char] {
        self.lines.get(row).map_or(&[], |l| l.as_slice())
    }

    pub fn line_string(&self, row: usize) -> String {
        self.line(row).iter().collect()
    }

    pub fn len(&self, row: usize) -> usize {
        self.line(row).len()
    }

    pub fn char_at(&self, p: Pos) -> Option<char> {
        self.line(p.row).get(p.col).copied()
    }

    /// Number of leading blank characters (spaces and tabs).
    pub fn indent_len(&self, row: usize) -> usize {
        self.line(row).iter().take_while(|c| **c == ' ' || **c == '\t').count()
    }

    /// Column of the first non-blank character (vim's `^`): the last column on an all-blank line.
    pub fn first_non_blank(&self, row: usize) -> usize {
        let n = self.indent_len(row);
        n.min(self.len(row).saturating_sub(1))
    }

    pub fn is_blank(&self, row: usize) -> bool {
        self.line(row).iter().all(|c| c.is_whitespace())
    }

    /// Clamps a position to an existing line and to `col <= len` (or `len - 1` when `!past_end`).
    pub fn clamp(&self, p: Pos, past_end: bool) -> Pos {
        let row = p.row.min(self.last_row());
        let len = self.len(row);
        let max = if past_end { len } else { len.saturating_sub(1) };
        Pos::new(row, p.col.min(max))
    }

    /// The text between two positions (`end` exclusive; `(r, len)` up to `(r + 1, 0)` is the newline).
    pub fn slice(&self, start: Pos, end: Pos) -> String {
        let mut out = String::new();
        if end <= start {
            return out;
        }
        for row in start.row..=end.row.min(self.last_row()) {
            let line = self.line(row);
            let a = if row == start.row { start.col.min(line.len()) } else { 0 };
            let b = if row == end.row { end.col.min(line.len()) } else { line.len() };
            if a < b {
                out.extend(&line[a..b]);
            }
            if row < end.row {
                out.push('\n');
            }
        }
        out
    }

    /// Mark `a`-`z` (another name has none).
    pub fn mark(&self, name: char) -> Option<Pos> {
        let i = (name as usize).checked_sub('a' as usize).filter(|i| *i < 26)?;
        self.marks[i]
    }

    /// Sets mark `a`-`z`; false for another name.
    pub fn set_mark(&mut self, name: char, p: Pos) -> bool {
        match (name as usize).checked_sub('a' as usize).filter(|i| *i < 26) {
            Some(i) => {
                self.marks[i] = Some(p);
                true
            }
            None => false,
        }
    }

    /// The lines `at..at + removed` became `inserted` lines: marks in the lines that remain stay, marks in
    /// lines that went away go, marks below move with their lines.
    fn adjust_marks(&mut self, at: usize, removed: usize, inserted: usize) {
        if !self.flags.is_empty() {
            // Lines that remain keep their flags; lines that went away take theirs with them.
            let start = (at + removed.min(inserted)).min(self.flags.len());
            let end = (at + removed).min(self.flags.len()).max(start);
            self.flags.splice(start..end, std::iter::repeat_n(false, inserted.saturating_sub(removed)));
        }
        for slot in &mut self.marks {
            let Some(p) = slot.as_mut() else { continue };
            if p.row < at {
                continue;
            }
            if p.row < at + removed {
                if p.row - at >= inserted {
                    *slot = None;
                }
            } else {
                p.row = p.row + inserted - removed;
            }
        }
    }

    /// Flags lines for `:g` (one flag per line); `next_flagged` takes them back one by one.
    pub fn set_flags(&mut self, flags: Vec<bool>) {
        self.flags = flags;
    }

    /// The first flagged line, unflagged; `None` when none is left (the flags are then dropped).
    pub fn next_flagged(&mut self) -> Option<usize> {
        let Some(row) = self.flags.iter().position(|f| *f) else {
            self.flags.clear();
            return None;
        };
        self.flags[row] = false;
        Some(row)
    }

    /// Inserts text (which may contain newlines) at `p`; returns the position just after it.
    pub fn insert(&mut self, p: Pos, text: &str) -> Pos {
        self.version += 1;
        let p = self.clamp(p, true);
        let breaks = text.matches('\n').count();
        if breaks > 0 {
            self.adjust_marks(p.row, 1, breaks + 1);
        }
        let tail: Vec<char> = self.lines[p.row].split_off(p.col);
        let mut parts = text.split('\n');
        let mut row = p.row;
        if let Some(first) = parts.next() {
            self.lines[row].extend(first.chars());
        }
        for part in parts {
            row += 1;
            self.lines.insert(row, part.chars().collect());
        }
        let col = self.lines[row].len();
        self.lines[row].extend(tail);
        Pos::new(row, col)
    }

    /// Deletes the text between two positions (`end` exclusive) and returns it.
    pub fn delete(&mut self, start: Pos, end: Pos) -> String {
        let start = self.clamp(start, true);
        let end = self.clamp(end, true);
        if end <= start {
            return String::new();
        }
        let out = self.slice(start, end);
        self.version += 1;
        let tail: Vec<char> = self.lines[end.row][end.col..].to_vec();
        self.lines[start.row].truncate(start.col);
        self.lines[start.row].extend(tail);
        self.lines.drain(start.row + 1..=end.row);
        self.adjust_marks(start.row, end.row - start.row + 1, 1);
        out
    }

    /// Inserts whole lines before `row` (`row == line_count` appends).
    pub fn insert_lines(&mut self, row: usize, lines: Vec<Vec<char>>) {
        self.version += 1;
        let row = row.min(self.lines.len());
        self.adjust_marks(row, 0, lines.len());
        self.lines.splice(row..row, lines);
    }

    /// Removes the lines `first..=last` and returns them; the buffer keeps at least one (empty) line.
    pub fn delete_lines(&mut self, first: usize, last: usize) -> Vec<Vec<char>> {
        let last = last.min(self.last_row());
        if first > last {
            return Vec::new();
        }
        self.version += 1;
        let out: Vec<Vec<char>> = self.lines.drain(first..=last).collect();
        self.adjust_marks(first, last - first + 1, 0);
        if self.lines.is_empty() {
            self.lines.push(Vec::new());
        }
        out
    }

    /// Replaces `count` lines starting at `row` with `new` (used by undo/redo).
    pub fn splice_lines(&mut self, row: usize, count: usize, new: Vec<Vec<char>>) {
        self.version += 1;
        let row = row.min(self.lines.len());
        let end = (row + count).min(self.lines.len());
        self.adjust_marks(row, end - row, new.len());
        self.lines.splice(row..end, new);
        if self.lines.is_empty() {
            self.lines.push(Vec::new());
        }
    }

    /// Mutable access to one line; the row must exist (callers clamp first).
    pub fn line_mut(&mut self, row: usize) -> &mut Vec<char> {
        self.version += 1;
        let row = row.min(self.lines.len() - 1);
        &mut self.lines[row]
    }

    pub fn set_line(&mut self, row: usize, line: Vec<char>) {
        *self.line_mut(row) = line;
    }
}

/// A region for an operator: charwise `start..end` (end exclusive) or linewise rows `start.row..=end.row`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Range {
    pub start: Pos,
    pub end: Pos,
    pub linewise: bool,
}

impl Range {
    pub fn chars(start: Pos, end: Pos) -> Self {
        Self { start, end, linewise: false }
    }

    pub fn lines(first: usize, last: usize) -> Self {
        Self { start: Pos::new(first, 0), end: Pos::new(last, 0), linewise: true }
    }
}
