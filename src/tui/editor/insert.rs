//! Insert mode and Python auto-indent.
//!
//! Indent rules (shiftwidth 4 by default, spaces only): a new line (`Enter`, `o`) keeps the indent of the
//! current line, adds one level after a line whose code ends with `:` or an opening bracket, and removes
//! one after `return` / `pass` / `break` / `continue` / `raise`. Typing the `:` of `else:`, `elif ...:`,
//! `except ...:` or `finally:` re-indents the line to its `if` / `try` (the nearest opener at the line's indent
//! or left of it, so a clause the learner already dedented to an inner `if` stays there). Indent that was inserted
//! automatically is removed again if the line is left empty (`Esc` or `Enter` on it), as in vim.
//! `Tab` inserts spaces to the next indent stop; `Backspace` in leading blanks deletes back to the previous one.
//!
//! A count on the insert command (`3ihi<Esc>`, `2o`) replays the typed keys on `Esc`.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::block::BlockInsert;
use super::buffer::Pos;
use super::keymap::{Action, Ctx, InsertCmd, Lookup};
use super::motion::class;
use super::{Editor, Mode, Outcome};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum InsertKind {
    #[default]
    Plain,
    Below,
    Above,
    /// `R`: typed characters replace the text under the cursor; `Backspace` puts back what was replaced.
    Replace,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct InsertState {
    count: usize,
    kind: InsertKind,
    keys: Vec<KeyEvent>,
    auto_indent_row: Option<usize>,
    ctrl_r: bool,
    replaying: bool,
    /// In replace mode, what each typed character replaced (`None`: it was appended), for `Backspace`.
    replaced: Vec<Option<char>>,
    /// An arrow key moved the cursor: the next edit starts a new undo step and a new `.` insert, as in vim.
    moved: bool,
    /// Visual block `I` / `A` / `c`: the typed text also goes into the block's other rows on `Esc`.
    pub block: Option<BlockInsert>,
}

const DEDENT_AFTER: &[&str] = &["return", "pass", "break", "continue", "raise"];
const CLAUSES: &[&str] = &["else", "elif", "except", "finally"];
const CLAUSE_OPENERS: &[&str] = &["if", "elif", "else", "for", "while", "try", "except"];

/// The code part of a line: everything before a `#` that is not inside a string.
pub(crate) fn strip_comment(line: &[char]) -> &[char] {
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, &c) in line.iter().enumerate() {
        match quote {
            Some(_) if escaped => escaped = false,
            Some(_) if c == '\\' => escaped = true,
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '#' => return &line[..i],
            None if c == '\'' || c == '"' => quote = Some(c),
            None => {}
        }
    }
    line
}

fn first_word(code: &[char]) -> String {
    code.iter().skip_while(|c| c.is_whitespace()).take_while(|c| c.is_alphanumeric() || **c == '_').collect()
}

impl Editor {
    pub(crate) fn start_insert(&mut self, count: usize, kind: InsertKind) {
        self.mode = Mode::Insert;
        let auto = self.insert.auto_indent_row.filter(|_| matches!(kind, InsertKind::Below | InsertKind::Above));
        self.insert = InsertState { count: count.max(1), kind, auto_indent_row: auto, ..InsertState::default() };
    }

    pub(crate) fn insert_key(&mut self, key: KeyEvent) -> Outcome {
        if !self.insert.replaying {
            self.insert.keys.push(key);
        }
        if self.insert.ctrl_r {
            self.insert.ctrl_r = false;
            if let KeyCode::Char(c) = key.code {
                if let Some(reg) = self.regs.get(Some(c)) {
                    self.cursor = self.buf.insert(self.cursor, &reg.text);
                    self.insert.auto_indent_row = None;
                }
            }
            return Outcome::Consumed;
        }
        let noremap = self.noremap > 0 || self.insert.replaying;
        let found = self.keymap.lookup(Ctx::Insert, &[key], noremap);
        let moves =
            matches!(found, Lookup::Matched(Action::Insert(cmd), _) if cmd.is_movement() || cmd == InsertCmd::Exit);
        if self.insert.moved && !moves {
            self.split_insert(key);
        }
        match found {
            Lookup::Matched(Action::Insert(cmd), _) if cmd.is_movement() => {
                let before = self.cursor;
                self.insert_cmd(cmd);
                // A move is not text: it stays out of the `.` and count replays; if it moved, the next edit
                // is a new change (vim's "start_arrow").
                if !self.insert.replaying {
                    self.insert.keys.pop();
                }
                self.dot.rec.pop();
                self.insert.moved |= self.cursor != before;
                Outcome::Consumed
            }
            Lookup::Matched(Action::Insert(cmd), _) => self.insert_cmd(cmd),
            Lookup::Pending => {
                self.insert.ctrl_r = true;
                Outcome::Consumed
            }
            Lookup::Mapped(rhs) => {
                self.insert.keys.pop();
                self.dot.rec.pop();
                self.feed(&rhs)
            }
            _ => match key.code {
                KeyCode::Char(c) if !key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => {
                    self.type_char(c);
                    Outcome::Consumed
                }
                _ => {
                    self.insert.keys.pop();
                    self.dot.rec.pop();
                    Outcome::Unhandled
                }
            },
        }
    }

    /// Typing resumes after an arrow key moved the cursor: close the undo step, and let `.` repeat only what
    /// is typed from here, as an `i` without count (vim: "1i", even in replace mode).
    fn split_insert(&mut self, key: KeyEvent) {
        self.insert.moved = false;
        self.insert.block = None;
        self.history.commit(&self.buf);
        self.history.begin(&self.buf, self.cursor);
        self.insert.count = 1;
        if self.insert.kind != InsertKind::Replace {
            self.insert.kind = InsertKind::Plain;
        }
        self.insert.keys = vec![key];
        self.insert.replaced.clear();
        self.dot.rec = vec![KeyEvent::new(KeyCode::Char('i'), KeyModifiers::NONE), key];
        self.dot.count = None;
    }

    fn type_char(&mut self, c: char) {
        if self.insert.kind == InsertKind::Replace {
            let Pos { row, col } = self.cursor;
            let old = self.buf.char_at(self.cursor).filter(|_| col < self.buf.len(row));
            if old.is_some() {
                self.buf.delete(self.cursor, Pos::new(row, col + 1));
            }
            self.insert.replaced.push(old);
        }
        self.cursor = self.buf.insert(self.cursor, c.encode_utf8(&mut [0; 4]));
        self.insert.auto_indent_row = None;
        if c == ':' && self.options.indents() {
            self.electric_dedent();
        }
    }

    fn insert_cmd(&mut self, cmd: InsertCmd) -> Outcome {
        let Pos { row, col } = self.cursor;
        let sw = self.options.shiftwidth.max(1);
        match cmd {
            InsertCmd::Exit => {
                if !self.insert.replaying {
                    self.insert.keys.pop();
                    self.finish_insert();
                }
            }
            InsertCmd::Newline => {
                // In replace mode a line break takes the place of one character.
                if self.insert.kind == InsertKind::Replace && col < self.buf.len(row) {
                    self.buf.delete(self.cursor, Pos::new(row, col + 1));
                }
                self.newline()
            }
            InsertCmd::Backspace if self.insert.kind == InsertKind::Replace => {
                // Puts back what the typed character replaced; before the replaced text it only moves left.
                if col > 0 {
                    self.cursor.col = col - 1;
                    match self.insert.replaced.pop() {
                        Some(Some(old)) => {
                            self.buf.line_mut(row)[col - 1] = old;
                        }
                        Some(None) => {
                            self.buf.delete(self.cursor, Pos::new(row, col));
                        }
                        None => {}
                    }
                }
            }
            InsertCmd::Backspace => {
                if col == 0 {
                    if row > 0 {
                        let prev = self.buf.len(row - 1);
                        self.cursor = Pos::new(row - 1, prev);
                        self.buf.delete(self.cursor, Pos::new(row, 0));
                    }
                } else {
                    let line = self.buf.line(row);
                    let from = if line[..col].iter().all(|c| *c == ' ') { (col - 1) / sw * sw } else { col - 1 };
                    self.buf.delete(Pos::new(row, from), self.cursor);
                    self.cursor.col = from;
                }
            }
            InsertCmd::Delete => {
                let end = if col < self.buf.len(row) { Pos::new(row, col + 1) } else { Pos::new(row + 1, 0) };
                self.buf.delete(self.cursor, end);
            }
            InsertCmd::Tab => {
                let n = sw - col % sw;
                self.cursor = self.buf.insert(self.cursor, &" ".repeat(n));
                self.insert.auto_indent_row = None;
            }
            InsertCmd::DeleteWord => {
                if col == 0 {
                    return self.insert_cmd(InsertCmd::Backspace);
                }
                let line = self.buf.line(row);
                let mut s = col;
                while s > 0 && line[s - 1].is_whitespace() {
                    s -= 1;
                }
                if s > 0 {
                    let k = class(line[s - 1], false);
                    while s > 0 && class(line[s - 1], false) == k {
                        s -= 1;
                    }
                }
                self.buf.delete(Pos::new(row, s), self.cursor);
                self.cursor.col = s;
            }
            InsertCmd::DeleteLine => {
                let indent = self.buf.indent_len(row);
                let s = if col > indent { indent } else { 0 };
                self.buf.delete(Pos::new(row, s), self.cursor);
                self.cursor.col = s;
            }
            InsertCmd::InsertRegister => self.insert.ctrl_r = true,
            InsertCmd::Left => self.cursor.col = col.saturating_sub(1),
            InsertCmd::Right => self.cursor.col = (col + 1).min(self.buf.len(row)),
            InsertCmd::Up | InsertCmd::Down => {
                let r = if cmd == InsertCmd::Up { row.saturating_sub(1) } else { (row + 1).min(self.buf.last_row()) };
                self.cursor = self.buf.clamp(Pos::new(r, col), true);
            }
            InsertCmd::Home => self.cursor.col = 0,
            InsertCmd::End => self.cursor.col = self.buf.len(row),
        }
        Outcome::Consumed
    }

    /// Leaves insert mode: replays the insert for a count, drops unused auto-indent, closes the undo step.
    pub(crate) fn finish_insert(&mut self) {
        if self.insert.count > 1 {
            let keys = std::mem::take(&mut self.insert.keys);
            self.insert.replaying = true;
            for _ in 1..self.insert.count {
                if matches!(self.insert.kind, InsertKind::Below | InsertKind::Above) {
                    self.open_line(true);
                }
                for k in &keys {
                    self.insert_key(*k);
                }
            }
            self.insert.replaying = false;
        }
        self.clear_auto_indent();
        self.mode = Mode::Normal;
        self.cursor.col = self.cursor.col.saturating_sub(1);
        self.cursor = self.buf.clamp(self.cursor, false);
        self.want_col = self.cursor.col;
        self.insert.count = 1;
        self.insert.moved = false;
        if let Some(bi) = self.insert.block.take() {
            self.finish_block_insert(bi);
        }
        self.end_change();
    }

    fn clear_auto_indent(&mut self) {
        let row = self.cursor.row;
        if self.insert.auto_indent_row == Some(row) && self.buf.is_blank(row) && self.buf.len(row) > 0 {
            self.buf.set_line(row, Vec::new());
            self.cursor.col = 0;
        }
        self.insert.auto_indent_row = None;
    }

    /// Indent for a line following `row` (cut at `col`): keep, add after `:` or `(`, remove after `return`.
    fn next_indent(&self, row: usize, col: usize) -> usize {
        let sw = self.options.shiftwidth.max(1);
        let line = self.buf.line(row);
        let indent = self.buf.indent_len(row).min(col);
        if !self.options.indents() {
            return 0;
        }
        let code = strip_comment(&line[..col.min(line.len())]);
        let code: Vec<char> = code.iter().copied().collect::<String>().trim_end().chars().collect();
        match code.last() {
            Some(':') | Some('(') | Some('[') | Some('{') => indent + sw,
            _ if DEDENT_AFTER.contains(&first_word(&code).as_str()) => indent.saturating_sub(1) / sw * sw,
            _ => indent,
        }
    }

    fn newline(&mut self) {
        let Pos { row, col } = self.cursor;
        let indent = self.next_indent(row, col);
        self.clear_auto_indent();
        let col = self.cursor.col.min(self.buf.len(row));
        let rest = &self.buf.line(row)[col..];
        let skip = rest.iter().take_while(|c| c.is_whitespace()).count();
        self.buf.delete(Pos::new(row, col), Pos::new(row, col + skip));
        self.buf.insert(Pos::new(row, col), &format!("\n{}", " ".repeat(indent)));
        self.cursor = Pos::new(row + 1, indent);
        self.insert.auto_indent_row = (indent > 0).then_some(row + 1);
    }

    /// `r<CR>`: breaks the line at the cursor with the indent a typed `Enter` would give; like vim, the
    /// cursor rests on the last blank of that indent.
    pub(crate) fn break_line(&mut self) {
        self.newline();
        self.insert.auto_indent_row = None;
        self.cursor.col = self.cursor.col.saturating_sub(1);
        self.want_col = self.cursor.col;
    }

    /// `o` / `O`: opens an auto-indented line below or above the cursor.
    pub(crate) fn open_line(&mut self, below: bool) {
        let row = self.cursor.row;
        let (at, indent) = if below {
            (row + 1, self.next_indent(row, self.buf.len(row)))
        } else {
            (row, if self.options.indents() { self.buf.indent_len(row) } else { 0 })
        };
        self.buf.insert_lines(at, vec![vec![' '; indent]]);
        self.cursor = Pos::new(at, indent);
        self.insert.auto_indent_row = (indent > 0).then_some(at);
    }

    /// After typing the `:` of `else:` and friends, line the clause up with its `if` / `try`.
    fn electric_dedent(&mut self) {
        let row = self.cursor.row;
        let line = self.buf.line(row);
        let word = first_word(line);
        if !CLAUSES.contains(&word.as_str()) {
            return;
        }
        let indent = self.buf.indent_len(row);
        // The nearest opener at this indent or left of it, as vim finds it: a line the learner already
        // dedented to its `if` stays there; a line of plain code further left ends the search.
        let mut target = None;
        for r in (0..row).rev().filter(|&r| !self.buf.is_blank(r)) {
            let (ind, word) = (self.buf.indent_len(r), first_word(self.buf.line(r)));
            if ind > indent {
                continue;
            }
            if CLAUSE_OPENERS.contains(&word.as_str()) {
                target = Some(ind);
                break;
            }
            if ind < indent {
                return;
            }
        }
        let Some(target) = target.filter(|t| *t != indent) else { return };
        let mut new = vec![' '; target];
        new.extend_from_slice(&line[indent..]);
        self.buf.set_line(row, new);
        self.cursor.col = self.cursor.col + target - indent;
    }
}
