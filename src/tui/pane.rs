//! The editor pane as the app sees it: a small surface over the modal editor engine (`tui::editor`), so the
//! app never depends on the engine's internals.

use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::editor::{Editor, EditorView, ExCommand, Outcome, Theme};
use super::theme::ThemeKind;

/// What a key did in the editor, as far as the app cares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditOutcome {
    /// The editor used the key.
    Consumed,
    /// The editor did not want it (the app may).
    Unhandled,
    /// An ex command for the app: `:w`, `:q`, `:run`, ...
    Command(AppCommand),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppCommand {
    Write(Option<String>),
    Edit(String),
    Quit,
    WriteQuit,
    Run,
    Submit,
    /// The next hint (`None`) or a question for the tutor.
    Hint(Option<String>),
    GiveUp,
    Vote(String),
    Comment(String),
    Reset,
    History(Option<String>),
    External,
    Help,
    /// An option neither the editor nor the app knows.
    UnknownOption(String),
}

pub struct EditorPane {
    editor: Editor,
}

impl EditorPane {
    pub fn new(text: &str) -> EditorPane {
        EditorPane { editor: Editor::new(text) }
    }

    pub fn text(&self) -> String {
        self.editor.text()
    }

    /// Replaces the text as one undoable change (`:reset`, a file loaded with `:e`, `$EDITOR`).
    pub fn set_text(&mut self, text: &str) {
        self.editor.set_text(text);
    }

    /// Loads a saved draft as the starting point: no undo history before it, nothing modified.
    pub fn load_text(&mut self, text: &str) {
        self.editor.load_text(text);
    }

    /// A bracketed paste: the text as it comes, one undo step, no auto-indent.
    pub fn insert_text(&mut self, text: &str) {
        self.editor.insert_text(text);
    }

    /// Where the system clipboard comes from (`"+p`) and whether every yank goes there (`unnamedplus`).
    pub fn set_clipboard(&mut self, reader: Option<fn() -> Option<String>>, unnamed: bool) {
        self.editor.set_clipboard_reader(reader);
        self.editor.set_clipboard_unnamed(unnamed);
    }

    /// Text yanked to the system clipboard since the last call, for the app to send.
    pub fn take_clipboard(&mut self) -> Option<String> {
        self.editor.take_clipboard()
    }

    pub fn is_modified(&self) -> bool {
        self.editor.is_modified()
    }

    pub fn mark_saved(&mut self) {
        self.editor.mark_saved();
    }

    /// The mode shown in the status line.
    pub fn mode_name(&self) -> &'static str {
        self.editor.mode().label()
    }

    /// Whether the editor is taking plain text (so single-letter app keys must not fire).
    pub fn is_typing(&self) -> bool {
        self.editor.is_typing()
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> EditOutcome {
        match self.editor.handle_key(key) {
            // The editor shows its own messages in its status row.
            Outcome::Consumed | Outcome::Status(_) => EditOutcome::Consumed,
            Outcome::Unhandled => EditOutcome::Unhandled,
            Outcome::Ex(cmd) => EditOutcome::Command(match cmd {
                ExCommand::Write(path) => AppCommand::Write(path),
                ExCommand::Edit(path) => AppCommand::Edit(path),
                // Drafts are saved continuously, so leaving never loses text: :q and :q! are the same.
                ExCommand::Quit | ExCommand::ForceQuit => AppCommand::Quit,
                ExCommand::WriteQuit => AppCommand::WriteQuit,
                ExCommand::Run => AppCommand::Run,
                ExCommand::Submit => AppCommand::Submit,
                ExCommand::Hint(q) => AppCommand::Hint(q),
                ExCommand::GiveUp => AppCommand::GiveUp,
                ExCommand::Vote(v) => AppCommand::Vote(v),
                ExCommand::Comment(c) => AppCommand::Comment(c),
                ExCommand::Reset => AppCommand::Reset,
                ExCommand::History(n) => AppCommand::History(n),
                ExCommand::OpenExternal => AppCommand::External,
                ExCommand::Help => AppCommand::Help,
                ExCommand::Set(name, _) => AppCommand::UnknownOption(name),
                ExCommand::Line(_) => return EditOutcome::Consumed,
            }),
        }
    }

    /// A click at (x, y) inside `area` (the area the editor was drawn in) moves the cursor there.
    pub fn click(&mut self, area: Rect, x: u16, y: u16, kind: ThemeKind) {
        let theme = editor_theme(kind);
        let pos = EditorView::new(&self.editor, &theme).position_at(area, x, y);
        if let Some((row, col)) = pos {
            self.editor.set_cursor(row, col);
        }
    }

    pub fn scroll(&mut self, lines: isize) {
        self.editor.scroll_lines(lines);
    }

    /// Tells the editor where it will be drawn: its height decides scrolling (`Ctrl-d`, `scrolloff`).
    pub fn set_viewport(&mut self, area: Rect, kind: ThemeKind) {
        let theme = editor_theme(kind);
        let rows = EditorView::new(&self.editor, &theme).text_rows(area);
        self.editor.set_viewport_height(rows);
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, focused: bool, kind: ThemeKind) {
        let theme = editor_theme(kind);
        EditorView::new(&self.editor, &theme).focused(focused).render(area, buf);
    }
}

fn editor_theme(kind: ThemeKind) -> Theme {
    match kind {
        ThemeKind::Normal => Theme::dark(),
        ThemeKind::HighContrast => Theme::high_contrast(),
        ThemeKind::NoColor => Theme::no_color(),
    }
}
