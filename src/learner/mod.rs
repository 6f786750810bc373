//! The learner model (DESIGN.md §6): what the measured submissions say about the learner, their intake
//! profile, plans, the next-problem queue, spaced-repetition review and interview mode. Pure logic over
//! plain rows (no database, no terminal, no network), testable on its own and fast over 100,000
//! submissions; [`snapshot`] alone reads the store, once, for the views. See docs/LEARNER.md.

pub mod dashboard;
pub mod exercise;
pub mod facts;
pub mod fold;
pub mod intake;
pub mod interview;
pub mod milestones;
pub mod next;
pub mod plan;
pub mod records;
pub mod review;
pub mod snapshot;
pub mod weakness;

#[cfg(test)]
mod tests;

pub use dashboard::Dashboard;
pub use intake::{Answer, Intake, Level};
pub use next::{queue, NextInputs, NextItem};
pub use plan::{plan_offline, progress, Day, Plan, PlanInputs, PlanProgress, PlannedProblem, Week};
pub use snapshot::Snapshot;
pub use weakness::{profile, PatternStats, Profile, SubmissionRow, TopicStats, WeekStats};
