//! Colours for the app's own views. Three variants: normal, high contrast, and no colour (NO_COLOR), where
//! meaning is carried by modifiers and text labels alone.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeKind {
    Normal,
    HighContrast,
    NoColor,
}

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub kind: ThemeKind,
    pub text: Style,
    pub dim: Style,
    pub title: Style,
    pub border: Style,
    pub border_focus: Style,
    pub selected: Style,
    pub good: Style,
    pub bad: Style,
    pub warn: Style,
    pub accent: Style,
    pub code: Style,
}

impl Theme {
    pub fn new(kind: ThemeKind) -> Theme {
        let c = |color: Color| match kind {
            ThemeKind::NoColor => Style::default(),
            _ => Style::default().fg(color),
        };
        let bold = Style::default().add_modifier(Modifier::BOLD);
        match kind {
            ThemeKind::Normal => Theme {
                kind,
                text: Style::default(),
                dim: c(Color::DarkGray),
                title: bold.fg(Color::Cyan),
                border: c(Color::DarkGray),
                border_focus: c(Color::Cyan),
                selected: Style::default().bg(Color::Rgb(40, 44, 52)).add_modifier(Modifier::BOLD),
                good: c(Color::Green),
                bad: c(Color::Red),
                warn: c(Color::Yellow),
                accent: c(Color::Magenta),
                code: c(Color::LightYellow),
            },
            ThemeKind::HighContrast => Theme {
                kind,
                text: c(Color::White),
                dim: c(Color::Gray),
                title: bold.fg(Color::White),
                border: c(Color::White),
                border_focus: c(Color::LightYellow).add_modifier(Modifier::BOLD),
                selected: Style::default().fg(Color::Black).bg(Color::White).add_modifier(Modifier::BOLD),
                good: c(Color::LightGreen).add_modifier(Modifier::BOLD),
                bad: c(Color::LightRed).add_modifier(Modifier::BOLD),
                warn: c(Color::LightYellow).add_modifier(Modifier::BOLD),
                accent: c(Color::LightMagenta),
                code: c(Color::LightCyan),
            },
            ThemeKind::NoColor => Theme {
                kind,
                text: Style::default(),
                dim: Style::default().add_modifier(Modifier::DIM),
                title: bold,
                border: Style::default(),
                border_focus: bold,
                selected: Style::default().add_modifier(Modifier::REVERSED),
                good: bold,
                bad: bold.add_modifier(Modifier::UNDERLINED),
                warn: bold,
                accent: Style::default().add_modifier(Modifier::ITALIC),
                code: Style::default(),
            },
        }
    }

    /// The theme from the config's name, overridden by NO_COLOR.
    pub fn from_config(name: &str, no_color: bool) -> Theme {
        if no_color {
            return Theme::new(ThemeKind::NoColor);
        }
        match name {
            "high-contrast" => Theme::new(ThemeKind::HighContrast),
            "no-color" => Theme::new(ThemeKind::NoColor),
            _ => Theme::new(ThemeKind::Normal),
        }
    }
}
