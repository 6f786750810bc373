//! Reading the learner's [`Snapshot`] and [`Dashboard`] from the store: the I/O half of `learner::snapshot`,
//! kept here so that the learner model stays pure and never names the store (no module cycle).

use std::collections::HashMap;

use super::{Store, StoreError};
use crate::learner::facts::{Needs, ProblemInfo};
use crate::learner::snapshot::local_offset_s;
use crate::learner::{Dashboard, Snapshot};
use crate::problems::Bank;

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
        // Up to date on open (an upgrade's history included); a database that cannot be written still lists
        // what it holds.
        let _ = store.sync_milestones(&catalog, &progression, utc_offset_s, now_ms);
        let milestones = store.milestones()?;
        Ok(Snapshot {
            catalog,
            progression,
            weakness,
            history,
            plan,
            cards: store.review_cards()?,
            community: store.community_signal()?,
            trending: store.trending()?,
            readiness: store.readiness()?,
            milestones,
            verdicts,
            needs,
            active,
            utc_offset_s,
            now_ms,
        })
    }
}

impl Dashboard {
    /// Loads a snapshot and the verdict counts, and builds the dashboard.
    pub fn load(store: &Store, bank: &Bank, now_ms: i64) -> Result<Dashboard, StoreError> {
        let snap = Snapshot::load(store, bank, now_ms)?;
        Ok(Dashboard::build(&snap))
    }
}
