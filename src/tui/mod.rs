//! The terminal UI (issue #4): the only module that imports ratatui, crossterm and tui-textarea.

pub mod editor;
