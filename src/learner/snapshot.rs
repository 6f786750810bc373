//! Everything the learner views need, read once: the one place in `learner` that calls the store (the rest
//! is pure). A front end loads a [`Snapshot`] (the TUI in a background job), then builds the dashboard, the
//! next-problem queue, plan inputs or an interview pick from it without touching the database again.

use std::collections::HashMap;

use super::facts::{History, Needs, ProblemInfo};
use super::intake::Intake;
use super::next::NextInputs;
use super::plan::PlanInputs;
use super::review::ReviewCard;
use super::weakness::Profile;
use crate::knowledge::Progression;
use crate::problems::Bank;
use crate::store::{Store, StoreError, StoredPlan, StoredProfile, TopicReadinessRow};
use crate::sync::signal::Signal;

pub struct Snapshot {
    pub catalog: Vec<ProblemInfo>,
    pub progression: Progression,
    pub weakness: Profile,
    pub history: History,
    pub active: Option<StoredProfile>,
    pub plan: Option<StoredPlan>,
    pub cards: Vec<ReviewCard>,
    pub community: HashMap<String, Signal>,
    pub readiness: Vec<TopicReadinessRow>,
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
    /// Reads everything; a progression that fails to load (a broken build) counts as empty.
    pub fn load(store: &Store, bank: &Bank, now_ms: i64) -> Result<Snapshot, StoreError> {
        let catalog = ProblemInfo::from_bank(bank);
        let progression = crate::knowledge::progression().unwrap_or_default();
        let utc_offset_s = local_offset_s();
        let fold = store.learner_fold(utc_offset_s, &ProblemInfo::exercises(&catalog))?;
        let topic_of: HashMap<String, String> = catalog.iter().map(|p| (p.slug.clone(), p.topic.clone())).collect();
        let mut per_topic = std::collections::BTreeMap::new();
        for p in &catalog {
            *per_topic.entry(p.topic.clone()).or_insert(0u32) += 1;
        }
        let weakness = fold.profile(&topic_of, &per_topic);
        let verdicts = fold.verdicts();
        let history = fold.into_history();
        let active = store.active_profile()?;
        let plan = match &active {
            Some(p) => store.latest_plan(p.id)?,
            None => None,
        };
        let needs = Needs::build(active.as_ref().map(|p| &p.intake), &weakness, &history, &progression);
        Ok(Snapshot {
            catalog,
            progression,
            weakness,
            history,
            plan,
            cards: store.review_cards()?,
            community: store.community_signal()?,
            readiness: store.readiness()?,
            verdicts,
            needs,
            active,
            utc_offset_s,
            now_ms,
        })
    }

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
