//! Integration tests, one binary: the real judge with the real python3, real SQLite files, the real CLI.

mod common;

mod analysis;
mod cli;
mod coach;
mod community;
mod conventions;
mod data;
mod hardening;
mod hostile;
mod judge;
mod layering;
mod learner;
mod logs;
mod structures;
mod teaching;
mod tui_e2e;
