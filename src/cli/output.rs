//! Shared output helpers: colour only on a terminal without NO_COLOR, truncation, JSON printing.

use std::io::IsTerminal;

use serde::Serialize;

use super::Failure;

#[derive(Clone, Copy)]
pub struct Style {
    color: bool,
}

impl Style {
    pub fn detect() -> Style {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Style { color: !no_color && std::io::stdout().is_terminal() }
    }

    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    pub fn green(&self, s: &str) -> String {
        self.paint("32", s)
    }
    pub fn red(&self, s: &str) -> String {
        self.paint("31", s)
    }
    pub fn yellow(&self, s: &str) -> String {
        self.paint("33", s)
    }
    pub fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }
    pub fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }
}

pub fn print_json<T: Serialize>(value: &T) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value).map_err(|e| Failure(format!("cannot encode JSON output: {e}")))?;
    println!("{text}");
    Ok(())
}

pub use crate::fmt::clip;

/// A test input as `nums = [2,7,11,15], target = 9`.
pub fn format_input(input: &serde_json::Value, max: usize) -> String {
    crate::fmt::input(input, max)
}
