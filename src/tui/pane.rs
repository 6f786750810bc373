//! The editor pane as the app sees it: a small surface over the editor engine, so the app never depends on
//! the engine's internals.

use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

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
    Hint,
    Reset,
    External,
}

pub struct EditorPane {
    inner: tui_textarea::TextArea<'static>,
    saved: String,
    pub message: Option<String>,
}

impl EditorPane {
    pub fn new(text: &str) -> EditorPane {
        let lines: Vec<String> = text.lines().map(str::to_string).collect();
        let mut inner = tui_textarea::TextArea::new(if lines.is_empty() { vec![String::new()] } else { lines });
        inner.set_tab_length(4);
        inner.set_hard_tab_indent(false);
        EditorPane { inner, saved: text.to_string(), message: None }
    }

    pub fn text(&self) -> String {
        let mut t = self.inner.lines().join("\n");
        t.push('\n');
        t
    }

    pub fn set_text(&mut self, text: &str) {
        let saved = self.saved.clone();
        *self = EditorPane::new(text);
        self.saved = saved;
    }

    pub fn is_modified(&self) -> bool {
        self.text().trim_end() != self.saved.trim_end()
    }

    pub fn mark_saved(&mut self) {
        self.saved = self.text();
    }

    /// The mode shown in the status line.
    pub fn mode_name(&self) -> &'static str {
        "INSERT"
    }

    /// Whether the editor is taking plain text (so single-letter app keys must not fire).
    pub fn is_typing(&self) -> bool {
        true
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> EditOutcome {
        self.inner.input(key);
        EditOutcome::Consumed
    }

    pub fn render(&mut self, area: Rect, buf: &mut Buffer, _focused: bool) {
        (&self.inner).render(area, buf);
    }
}
