//! Editor colours. Three variants: [`Theme::dark`] (the default), [`Theme::high_contrast`] and
//! [`Theme::no_color`], which uses only modifiers (bold, italic, reverse, ...) for `NO_COLOR` terminals.

use ratatui::style::{Color, Modifier, Style};

use super::syntax::TokenKind;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Theme {
    pub text: Style,
    pub line_number: Style,
    pub current_line_number: Style,
    /// `~` rows past the end of the buffer.
    pub filler: Style,
    pub cursor: Style,
    pub cursor_insert: Style,
    pub selection: Style,
    pub search_match: Style,
    pub mode: Style,
    pub status: Style,
    pub warning: Style,
    pub error: Style,
    pub keyword: Style,
    pub constant: Style,
    pub builtin: Style,
    pub self_param: Style,
    pub string: Style,
    pub number: Style,
    pub comment: Style,
    pub decorator: Style,
    pub definition: Style,
}

impl Default for Theme {
    fn default() -> Self {
        Self::dark()
    }
}

const fn fg(c: Color) -> Style {
    Style::new().fg(c)
}

impl Theme {
    pub fn dark() -> Self {
        Self {
            text: Style::new(),
            line_number: fg(Color::DarkGray),
            current_line_number: fg(Color::Yellow),
            filler: fg(Color::Blue),
            cursor: Style::new().add_modifier(Modifier::REVERSED),
            cursor_insert: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::REVERSED),
            selection: Style::new().bg(Color::Blue),
            search_match: Style::new().bg(Color::Yellow).fg(Color::Black),
            mode: Style::new().add_modifier(Modifier::BOLD),
            status: Style::new(),
            warning: fg(Color::Yellow),
            error: Style::new().fg(Color::White).bg(Color::Red),
            keyword: fg(Color::Magenta).add_modifier(Modifier::BOLD),
            constant: fg(Color::LightRed),
            builtin: fg(Color::Cyan),
            self_param: fg(Color::LightBlue).add_modifier(Modifier::ITALIC),
            string: fg(Color::Green),
            number: fg(Color::LightYellow),
            comment: fg(Color::DarkGray).add_modifier(Modifier::ITALIC),
            decorator: fg(Color::LightCyan),
            definition: fg(Color::LightBlue).add_modifier(Modifier::BOLD),
        }
    }

    /// Bright colours on the terminal background, reverse video for the selection.
    pub fn high_contrast() -> Self {
        let bold = Modifier::BOLD;
        Self {
            text: fg(Color::White),
            line_number: fg(Color::Gray),
            current_line_number: fg(Color::LightYellow).add_modifier(bold),
            filler: fg(Color::LightBlue),
            cursor: Style::new().add_modifier(Modifier::REVERSED | bold),
            cursor_insert: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::REVERSED | bold),
            selection: Style::new().bg(Color::White).fg(Color::Black),
            search_match: Style::new().bg(Color::LightYellow).fg(Color::Black).add_modifier(bold),
            mode: fg(Color::White).add_modifier(bold),
            status: fg(Color::White),
            warning: fg(Color::LightYellow).add_modifier(bold),
            error: Style::new().fg(Color::White).bg(Color::Red).add_modifier(bold),
            keyword: fg(Color::LightMagenta).add_modifier(bold),
            constant: fg(Color::LightRed).add_modifier(bold),
            builtin: fg(Color::LightCyan),
            self_param: fg(Color::LightBlue),
            string: fg(Color::LightGreen),
            number: fg(Color::LightYellow),
            comment: fg(Color::Gray).add_modifier(Modifier::ITALIC),
            decorator: fg(Color::LightCyan).add_modifier(bold),
            definition: fg(Color::LightBlue).add_modifier(bold | Modifier::UNDERLINED),
        }
    }

    /// No colours at all (for `NO_COLOR`): structure is shown with modifiers only.
    pub fn no_color() -> Self {
        let m = |m: Modifier| Style::new().add_modifier(m);
        Self {
            text: Style::new(),
            line_number: m(Modifier::DIM),
            current_line_number: m(Modifier::BOLD),
            filler: m(Modifier::DIM),
            cursor: m(Modifier::REVERSED),
            cursor_insert: m(Modifier::UNDERLINED | Modifier::REVERSED),
            selection: m(Modifier::REVERSED),
            search_match: m(Modifier::UNDERLINED | Modifier::BOLD),
            mode: m(Modifier::BOLD),
            status: Style::new(),
            warning: m(Modifier::BOLD),
            error: m(Modifier::BOLD | Modifier::REVERSED),
            keyword: m(Modifier::BOLD),
            constant: m(Modifier::BOLD),
            builtin: Style::new(),
            self_param: m(Modifier::ITALIC),
            string: m(Modifier::ITALIC),
            number: Style::new(),
            comment: m(Modifier::DIM | Modifier::ITALIC),
            decorator: m(Modifier::BOLD),
            definition: m(Modifier::BOLD | Modifier::UNDERLINED),
        }
    }

    /// Picks a variant: `no_color` wins (pass whether `NO_COLOR` is set), then `high_contrast`.
    pub fn select(no_color: bool, high_contrast: bool) -> Self {
        if no_color {
            Self::no_color()
        } else if high_contrast {
            Self::high_contrast()
        } else {
            Self::dark()
        }
    }

    pub fn token(&self, kind: TokenKind) -> Style {
        match kind {
            TokenKind::Keyword => self.keyword,
            TokenKind::Constant => self.constant,
            TokenKind::Builtin => self.builtin,
            TokenKind::SelfParam => self.self_param,
            TokenKind::String => self.string,
            TokenKind::Number => self.number,
            TokenKind::Comment => self.comment,
            TokenKind::Decorator => self.decorator,
            TokenKind::Definition => self.definition,
        }
    }
}
