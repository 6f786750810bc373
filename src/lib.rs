//! Codify: practise coding-interview problems in a terminal.
//!
//! Engine modules (`problems`, `judge`, `store`, ...) have no terminal dependency; `cli` is a thin front
//! end over them.

pub mod analysis;
pub mod cli;
pub mod complexity;
pub mod config;
pub mod fmt;
pub mod judge;
pub mod knowledge;
pub mod problems;
pub mod store;
pub mod tui;
