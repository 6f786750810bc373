//! Codify: practise coding-interview problems in a terminal.
//!
//! Engine modules (`problems`, `judge`, `store`, ...) have no terminal dependency; `cli` and `tui` are thin
//! front ends over them. Shared pieces sit in leaf modules (`clock`, `fmt`, `solution`, `embed`,
//! `complexity`, `community`), and what needs two engine modules sits above both (`diagnose` runs
//! `analysis`' edits of code through the `judge`), so that the top-level modules form no cycle.
//! `tests/it/layering.rs` checks the graph, that terminal crates stay in `tui`, and that SQL stays in
//! `store` and the server.

pub mod analysis;
pub mod cli;
pub mod clock;
pub mod coach;
pub mod community;
pub mod complexity;
pub mod config;
pub mod diagnose;
pub mod embed;
pub mod fmt;
pub mod judge;
pub mod knowledge;
pub mod learner;
pub mod problems;
pub mod solution;
pub mod store;
pub mod sync;
pub mod tui;

static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// Records when the process started; `main` calls it first so that start-up can be measured.
pub fn mark_start() {
    STARTED.get_or_init(std::time::Instant::now);
}

/// When [`mark_start`] was called (or now, the first time it is asked).
pub fn started() -> std::time::Instant {
    *STARTED.get_or_init(std::time::Instant::now)
}
