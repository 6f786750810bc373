//! Everything the learner views need, read once. `learner` is pure: the store reads a snapshot
//! (`Snapshot::load`, defined in `store::snapshot`). A front end loads a [`Snapshot`] (the TUI in a
//! background job), then builds the dashboard, the next-problem queue, plan inputs or an interview pick
//! from it without touching the database again.

use std::collections::HashMap;

use super::facts::{History, Needs, ProblemInfo};
use super::intake::Intake;
use super::next::NextInputs;
use super::plan::PlanInputs;
use super::records::{StoredPlan, StoredProfile, TopicReadinessRow};
use super::review::ReviewCard;
use super::weakness::Profile;
use crate::community::signal::Signal;
use crate::knowledge::Progression;

pub struct Snapshot {
    pub catalog: Vec<ProblemInfo>,
    pub progression: Progression,
    pub weakness: Profile,
    pub history: History,
    pub active: Option<StoredProfile>,
    pub plan: Option<StoredPlan>,
    pub cards: Vec<ReviewCard>,
    pub community: HashMap<String, Signal>,
    /// Trending scores as last pulled from the community server (empty offline or signed out).
    pub trending: HashMap<String, f64>,
    pub readiness: Vec<TopicReadinessRow>,
    /// Milestones earned, newest first.
    pub milestones: Vec<super::milestones::Milestone>,
    pub needs: Needs,
    /// Submissions per verdict.
    pub verdicts: HashMap<String, u64>,
    /// The local time zone's offset from UTC, for calendar days.
    pub utc_offset_s: i32,
    pub now_ms: i64,
}

/// The local time zone's current offset from UTC, in seconds.
pub fn local_offset_s() -> i32 {
    chrono::Local::now().offset().local_minus_utc()
}

impl Snapshot {
    pub fn intake(&self) -> Option<&Intake> {
        self.active.as_ref().map(|p| &p.intake)
    }

    pub fn next_inputs(&self) -> NextInputs<'_> {
        NextInputs {
            catalog: &self.catalog,
            progression: &self.progression,
            history: &self.history,
            needs: &self.needs,
            intake: self.intake(),
            plan: self.plan.as_ref().map(|p| &p.plan),
            cards: &self.cards,
            community: &self.community,
            trending: &self.trending,
        }
    }

    /// Inputs for a plan for `intake` (the active profile's, or one being edited).
    pub fn plan_inputs<'a>(&'a self, intake: &'a Intake) -> PlanInputs<'a> {
        PlanInputs {
            intake,
            weakness: &self.weakness,
            progression: &self.progression,
            catalog: &self.catalog,
            history: &self.history,
            community: &self.community,
            now_ms: self.now_ms,
        }
    }
}
