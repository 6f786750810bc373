//! The modal (vim) editor: a key-by-key state machine over our own line buffer.
//!
//! [`Editor::handle_key`] is the whole interface for input: it updates the state and returns an
//! [`Outcome`] as data (`Consumed`, `Unhandled`, an [`ExCommand`] for the app to carry out, or a status
//! message); it never does I/O. [`EditorView`] renders an editor (`impl Widget for &EditorView`).
//!
//! Layout of the module: `keymap` (the binding table, also the help screen) and `actions` (what a binding
//! can do); `normal` (the count / register / operator / motion grammar and `.`), `targets` (where motions
//! land), `ops`, `commands`, `visual` and `block` (what operators and commands do; `block` is visual block
//! mode), `insert` (insert mode and Python auto-indent), `prompt` and `ex` (the `:` and `/` line, ex commands,
//! `:s`), `global` (`:g`, `:normal`, `:d`); pure text functions in `motion` and `textobj`; `history` (undo),
//! `registers`, `search`, `syntax` (Python highlighting), `view`, `theme`, and `keys` (vim key notation, used
//! by the table, mappings and tests).
//!
//! Why not `tui_textarea::TextArea` as the buffer: vim needs its own undo granularity (one step per
//! operator or insert session), charwise vs linewise registers and exact motion rules, which TextArea's
//! model does not have. TextArea is used where it fits: it is the edit line of the `:` / `/` prompt and it
//! hosts the compiled search regex.
//!
//! Embedding (for the app shell): give every key to `handle_key` while the editor has focus and act only on
//! `Unhandled` (e.g. `Esc`, `Ctrl-c`, `Tab`, function keys and unbound control keys in normal mode; unbound
//! control / alt keys in insert mode). Before drawing, call `set_viewport_height(view.text_rows(area))`.
//! `Ex` commands are requests: `Write` → save, then `mark_saved`; `Edit` → `load_text`; `Reset` and a
//! reload after `OpenExternal` → `set_text` (undoable); `Quit` while `is_modified` → refuse with E37;
//! `Line` is informational (the cursor has moved); `Set` names an option the editor does not know.
//! `Outcome::Status` messages are also kept in `status()` until the next message or mode change.
//!
//! Invariants after every key: the cursor is on an existing line; in normal and visual modes
//! `col < len` (or `0` on an empty line), in insert mode `col <= len`; the viewport contains the cursor.

mod actions;
mod block;
mod buffer;
mod commands;
mod ex;
mod global;
mod history;
mod insert;
pub mod keymap;
mod keys;
mod macros;
mod motion;
mod normal;
mod number;
mod ops;
mod prompt;
mod registers;
mod search;
pub mod syntax;
mod targets;
mod textobj;
mod theme;
mod view;
mod visual;

#[cfg(test)]
mod tests;

use std::cell::Cell;

use crossterm::event::{KeyEvent, KeyEventKind};

pub use buffer::Pos;
pub use ex::ExCommand;
pub use keymap::{bindings, Binding, KeymapError};
pub use keys::{key_name, normalize, parse_keys, KeyParseError};
pub use registers::Register;
pub use theme::Theme;
pub use view::EditorView;

use buffer::Buffer;
use history::History;
use insert::InsertState;
use keymap::Keymap;
use normal::{Dot, Pending};
use prompt::Prompt;
use registers::Registers;
use search::Search;

/// Largest count accepted (`99999x` is clamped), so no command can run away with time or memory.
const MAX_COUNT: usize = 9999;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Insert,
    Visual,
    VisualLine,
    /// `Ctrl-v`: the selection is a rectangle.
    VisualBlock,
    /// An operator (`d`, `c`, `y`, ...) is waiting for its motion or text object.
    OperatorPending,
    /// The `:` prompt.
    CommandLine,
    /// The `/` or `?` prompt.
    Search,
}

impl Mode {
    /// Short name for a status line ("NORMAL", "INSERT", ...).
    pub fn label(self) -> &'static str {
        match self {
            Mode::Normal => "NORMAL",
            Mode::Insert => "INSERT",
            Mode::Visual => "VISUAL",
            Mode::VisualLine => "V-LINE",
            Mode::VisualBlock => "V-BLOCK",
            Mode::OperatorPending => "O-PENDING",
            Mode::CommandLine => "COMMAND",
            Mode::Search => "SEARCH",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Warning,
    Error,
}

/// A message for the status line, in vim's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub level: Level,
}

/// What a key did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The editor used the key.
    Consumed,
    /// Not an editor key here: the app may use it (e.g. `Esc` or `Ctrl-c` in normal mode with nothing pending,
    /// unbound control keys, function keys).
    Unhandled,
    /// An ex command the app must carry out (`:w`, `:run`, `:q`, ...).
    Ex(ExCommand),
    /// The editor used the key and has something to say.
    Status(Status),
}

/// Editor options, settable with `:set` or directly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub number: bool,
    pub relative_number: bool,
    pub ignore_case: bool,
    pub smart_case: bool,
    pub hlsearch: bool,
    pub wrapscan: bool,
    pub autoindent: bool,
    /// `:set paste`: typed text is taken as it comes, without auto-indent or electric dedent.
    pub paste: bool,
    pub scrolloff: usize,
    pub shiftwidth: usize,
}

impl Options {
    /// Whether typing indents by itself: `autoindent` on and `paste` off.
    pub fn indents(&self) -> bool {
        self.autoindent && !self.paste
    }
}

impl Default for Options {
    fn default() -> Self {
        Self {
            number: true,
            relative_number: false,
            ignore_case: false,
            smart_case: false,
            hlsearch: true,
            wrapscan: true,
            autoindent: true,
            paste: false,
            scrolloff: 3,
            shiftwidth: 4,
        }
    }
}

/// A modal editor over one buffer.
pub struct Editor {
    buf: Buffer,
    cursor: Pos,
    /// Column that `j`/`k` try to keep (`usize::MAX` after `$`).
    want_col: usize,
    mode: Mode,
    /// The other end of the visual selection.
    anchor: Pos,
    last_visual: Option<visual::LastVisual>,
    pending: Pending,
    keymap: Keymap,
    regs: Registers,
    history: History,
    dot: Dot,
    search: Search,
    prompt: Option<Prompt>,
    ex_history: Vec<String>,
    search_history: Vec<String>,
    last_find: Option<(keymap::Motion, char)>,
    /// Pattern and replacement of the last `:s`, for `&`.
    last_substitute: Option<(String, String)>,
    options: Options,
    top: usize,
    height: usize,
    insert: InsertState,
    saved: Vec<Vec<char>>,
    saved_version: u64,
    modified_cache: Cell<Option<(u64, bool)>>,
    status: Option<Status>,
    status_seq: u64,
    noremap: usize,
    macros: macros::Macros,
    /// A `:g` is running (it cannot nest).
    in_global: bool,
}

impl Editor {
    pub fn new(text: &str) -> Self {
        let buf = Buffer::from_text(text);
        Self {
            saved: buf.lines().to_vec(),
            saved_version: buf.version(),
            buf,
            cursor: Pos::default(),
            want_col: 0,
            mode: Mode::Normal,
            anchor: Pos::default(),
            last_visual: None,
            pending: Pending::default(),
            keymap: Keymap::default(),
            regs: Registers::default(),
            history: History::default(),
            dot: Dot::default(),
            search: Search::default(),
            prompt: None,
            ex_history: Vec::new(),
            search_history: Vec::new(),
            last_find: None,
            last_substitute: None,
            options: Options::default(),
            top: 0,
            height: 20,
            insert: InsertState::default(),
            modified_cache: Cell::new(None),
            status: None,
            status_seq: 0,
            noremap: 0,
            macros: macros::Macros::default(),
            in_global: false,
        }
    }

    /// The whole text (a final newline is kept if the loaded text had one).
    pub fn text(&self) -> String {
        self.buf.text()
    }

    /// Replaces the text as one undoable change (for `:reset` or a reload after `$EDITOR`).
    pub fn set_text(&mut self, text: &str) {
        self.leave_to_normal();
        self.history.begin(&self.buf, self.cursor);
        let new = Buffer::from_text(text);
        let n = self.buf.line_count();
        self.buf.splice_lines(0, n, new.lines().to_vec());
        self.buf.set_eol(new.eol());
        self.history.commit(&self.buf);
        self.cursor = self.buf.clamp(self.cursor, false);
        self.scroll_to_cursor();
    }

    /// Loads new text as a fresh, unmodified buffer: history is cleared; registers and options stay.
    pub fn load_text(&mut self, text: &str) {
        self.leave_to_normal();
        self.buf = Buffer::from_text(text);
        self.history.clear();
        self.cursor = Pos::default();
        self.top = 0;
        self.mark_saved();
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// Whether keys are going into text or an unfinished command (insert mode, a prompt, `d2` typed so
    /// far): the app should then not fire its own single-key or prefix bindings.
    pub fn is_typing(&self) -> bool {
        matches!(self.mode, Mode::Insert | Mode::CommandLine | Mode::Search | Mode::OperatorPending)
            || !self.pending.is_empty()
    }

    /// Cursor `(row, col)`, 0-based, in characters.
    pub fn cursor(&self) -> (usize, usize) {
        (self.cursor.row, self.cursor.col)
    }

    /// Moves the cursor (e.g. for a mouse click); clamped to the buffer.
    pub fn set_cursor(&mut self, row: usize, col: usize) {
        let past_end = self.mode == Mode::Insert;
        self.cursor = self.buf.clamp(Pos::new(row, col), past_end);
        self.want_col = self.cursor.col;
        self.scroll_to_cursor();
    }

    pub fn line_count(&self) -> usize {
        self.buf.line_count()
    }

    pub fn line(&self, row: usize) -> String {
        self.buf.line_string(row)
    }

    /// Whether the text differs from the last [`Editor::mark_saved`] (undoing back to it counts as saved).
    pub fn is_modified(&self) -> bool {
        let v = self.buf.version();
        if v == self.saved_version {
            return false;
        }
        if let Some((cv, m)) = self.modified_cache.get() {
            if cv == v {
                return m;
            }
        }
        let m = self.buf.lines() != self.saved.as_slice();
        self.modified_cache.set(Some((v, m)));
        m
    }

    pub fn mark_saved(&mut self) {
        self.saved = self.buf.lines().to_vec();
        self.saved_version = self.buf.version();
    }

    /// Bumped on every text change (including undo): a cheap "did anything change" for autosave.
    pub fn version(&self) -> u64 {
        self.buf.version()
    }

    pub fn options(&self) -> &Options {
        &self.options
    }

    pub fn options_mut(&mut self) -> &mut Options {
        &mut self.options
    }

    /// Text yanked or deleted to the system clipboard (`"+y`, or any yank with `clipboard=unnamedplus`) since
    /// the last call: the app sends it to the terminal (OSC 52).
    pub fn take_clipboard(&mut self) -> Option<String> {
        self.regs.outgoing.take()
    }

    /// How `"+p` reads the system clipboard; without a reader it pastes what was last yanked to `+`.
    pub fn set_clipboard_reader(&mut self, reader: Option<fn() -> Option<String>>) {
        self.regs.reader = reader;
    }

    /// `clipboard=unnamedplus`: every yank and delete also goes to the system clipboard, and `p` reads it.
    pub fn set_clipboard_unnamed(&mut self, on: bool) {
        self.regs.unnamed_plus = on;
    }

    pub fn register(&self, name: char) -> Option<Register> {
        self.regs.get(Some(name))
    }

    /// The register a macro is being recorded into (`q{reg}`), for the status line.
    pub fn recording(&self) -> Option<char> {
        self.macros.recording()
    }

    /// The last status message (kept until the next one).
    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }

    /// Keys typed so far of an unfinished command (vim's `showcmd`), e.g. `"2d"`.
    pub fn pending_keys(&self) -> String {
        let p = &self.pending;
        let mut s = String::new();
        if let Some(r) = p.register {
            s.push('"');
            s.push(r);
        }
        if let Some(c) = p.op_count {
            s.push_str(&c.to_string());
        }
        if let Some(op) = p.op {
            s.push_str(normal::op_keys(op).replace("<lt>", "<").as_str());
        }
        if let Some(c) = p.count {
            s.push_str(&c.to_string());
        }
        for k in &p.keys {
            s.push_str(&key_name(k));
        }
        s
    }

    /// The prompt line while in command-line or search mode: text with its `:`/`/`/`?` and the cursor column.
    pub fn command_line(&self) -> Option<(String, usize)> {
        self.prompt.as_ref().map(|p| p.display())
    }

    /// The last search pattern (as typed).
    pub fn search_pattern(&self) -> Option<&str> {
        self.search.pattern.as_deref()
    }

    /// Adds a user mapping, e.g. `map("normal", "<C-s>", ":w<CR>")`; bad notation is an error naming the key.
    pub fn map(&mut self, mode: &str, lhs: &str, rhs: &str) -> Result<(), KeymapError> {
        self.keymap.map(mode, lhs, rhs)
    }

    /// Number of text rows the view shows; the renderer (or the app on resize) keeps this up to date.
    pub fn set_viewport_height(&mut self, rows: usize) {
        self.height = rows.max(1);
        self.scroll_to_cursor();
    }

    pub fn viewport_top(&self) -> usize {
        self.top
    }

    /// Scrolls the view (mouse wheel); the cursor is moved to stay visible.
    pub fn scroll_lines(&mut self, delta: isize) {
        let last = self.buf.last_row();
        self.top = self.top.saturating_add_signed(delta).min(last);
        let so = self.scrolloff();
        let lo = if self.top == 0 { 0 } else { self.top + so };
        let hi = (self.top + self.height).saturating_sub(1 + so).max(lo);
        let row = self.cursor.row.clamp(lo.min(last), hi.min(last));
        if row != self.cursor.row {
            self.cursor.row = row;
            self.cursor = self.buf.clamp(Pos::new(row, self.want_col), self.mode == Mode::Insert);
        }
        self.scroll_to_cursor();
    }

    /// Inserts text at the cursor as typed (bracketed paste): one undo step, no auto-indent.
    pub fn insert_text(&mut self, text: &str) {
        if matches!(self.mode, Mode::CommandLine | Mode::Search) {
            if let Some(p) = self.prompt.as_mut() {
                p.insert(text.lines().next().unwrap_or(""));
            }
            return;
        }
        let in_insert = self.mode == Mode::Insert;
        if !in_insert {
            self.leave_to_normal();
            self.history.begin(&self.buf, self.cursor);
        }
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        self.cursor = self.buf.insert(self.cursor, &text);
        if !in_insert {
            self.history.commit(&self.buf);
            self.cursor = self.buf.clamp(Pos::new(self.cursor.row, self.cursor.col.saturating_sub(1)), false);
        }
        self.want_col = self.cursor.col;
        self.scroll_to_cursor();
    }

    /// The visual selection: (start, end inclusive, linewise); for a block, its top-left and bottom-right
    /// corners (the right column is the longest line's last after `$`).
    pub fn selection(&self) -> Option<(Pos, Pos, bool)> {
        match self.mode {
            Mode::VisualBlock => {
                let b = self.block();
                let right = if b.to_eol {
                    (b.top..=b.bottom).map(|r| self.buf.len(r)).max().unwrap_or(1).saturating_sub(1)
                } else {
                    b.right
                };
                Some((Pos::new(b.top, b.left), Pos::new(b.bottom, right), false))
            }
            Mode::Visual | Mode::VisualLine => {
                let (a, b) =
                    if self.anchor <= self.cursor { (self.anchor, self.cursor) } else { (self.cursor, self.anchor) };
                Some((a, b, self.mode == Mode::VisualLine))
            }
            _ => None,
        }
    }

    /// Handles one key. Key release events are ignored (`Unhandled`).
    pub fn handle_key(&mut self, key: KeyEvent) -> Outcome {
        if key.kind == KeyEventKind::Release {
            return Outcome::Unhandled;
        }
        let seq = self.status_seq;
        let key = keys::normalize(key);
        self.macros.failed = false;
        self.macros.typed(key);
        let out = self.dispatch(key);
        let out = self.drain_macro_queue(out);
        match (out, &self.status) {
            (Outcome::Consumed, Some(s)) if self.status_seq != seq => Outcome::Status(s.clone()),
            (out, _) => out,
        }
    }

    fn dispatch(&mut self, key: KeyEvent) -> Outcome {
        if self.mode == Mode::Normal && self.pending.is_empty() {
            self.dot.rec.clear();
        }
        self.dot.rec.push(key);
        let (mode_before, seq_before) = (self.mode, self.status_seq);
        let out = match self.mode {
            Mode::Normal | Mode::Visual | Mode::VisualLine | Mode::VisualBlock | Mode::OperatorPending => {
                self.normal_key(key)
            }
            Mode::Insert => self.insert_key(key),
            Mode::CommandLine | Mode::Search => self.prompt_key(key),
        };
        if self.mode != mode_before && self.mode != Mode::Normal && self.status_seq == seq_before {
            // A new mode replaces the old message on the status line, as in vim.
            self.status = None;
        }
        self.after_key();
        out
    }

    fn after_key(&mut self) {
        let past_end = self.mode == Mode::Insert;
        self.cursor = self.buf.clamp(self.cursor, past_end);
        self.anchor = self.buf.clamp(self.anchor, false);
        self.scroll_to_cursor();
    }

    fn set_status(&mut self, level: Level, text: impl Into<String>) {
        // An error ends a macro, as in vim.
        self.macros.failed |= level == Level::Error;
        self.status = Some(Status { text: text.into(), level });
        self.status_seq += 1;
    }

    fn scrolloff(&self) -> usize {
        self.options.scrolloff.min(self.height.saturating_sub(1) / 2)
    }

    fn scroll_to_cursor(&mut self) {
        let so = self.scrolloff();
        let h = self.height.max(1);
        let row = self.cursor.row;
        if row < self.top + so {
            self.top = row.saturating_sub(so);
        }
        if row + so >= self.top + h {
            self.top = row + so + 1 - h;
        }
        self.top = self.top.min(self.buf.last_row());
    }

    /// Abandons whatever is in progress (insert session, visual, prompt, pending keys) and goes to normal.
    fn leave_to_normal(&mut self) {
        if self.mode == Mode::Insert {
            self.finish_insert();
        }
        self.prompt = None;
        self.pending = Pending::default();
        self.mode = Mode::Normal;
        self.end_change();
        self.cursor = self.buf.clamp(self.cursor, false);
    }
}
