//! The learner model (DESIGN.md §6): what the measured submissions say about the learner. Pure logic over
//! plain rows: no database, no terminal, so it is testable on its own and fast over 100,000 submissions.

pub mod weakness;

pub use weakness::{profile, PatternStats, Profile, SubmissionRow, TopicStats, WeekStats};
