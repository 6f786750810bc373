//! The milestones aggregate (migration 0011): what `learner::milestones` finds the history earned, kept so
//! that each is awarded once and announced once.
//!
//! [`Store::sync_milestones`] is called after each submission and interview and when the learner views load:
//! it evaluates the whole history only when its inputs changed since the last time (new submissions or
//! interviews, another bank or time zone; a key in `milestones_state`), adds the milestones not stored yet
//! and leaves stored ones alone (awarded once). When [`RULES_VERSION`] differs from the stored one (an
//! upgrade, or a database from before milestones) the table is rebuilt from the history instead: ids the
//! rules no longer earn go, the others get the rules' times and words. Milestones earned at or before the
//! newest event an earlier evaluation had seen are filed as shown: an upgrade announces nothing from the past.

use rusqlite::{params, OptionalExtension};

use super::{Store, StoreError};
use crate::community::wire::Action;
use crate::knowledge::Progression;
use crate::learner::facts::ProblemInfo;
use crate::learner::milestones::{
    bank_digest, evaluate, Evaluation, Inputs, InterviewEvent, Milestone, SubmissionEvent, RULES_VERSION,
};
use crate::problems::Bank;

impl Store {
    /// The history as the milestone rules read it: counted or not, submissions in time order, interviews
    /// in time order.
    fn milestone_history(&self) -> Result<(Vec<SubmissionEvent>, Vec<InterviewEvent>), StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT problem, verdict, created_at, finding_mask, hints_used, is_repeat FROM submissions
             ORDER BY created_at, id",
        )?;
        let subs = stmt
            .query_map([], |r| {
                Ok(SubmissionEvent {
                    problem: r.get(0)?,
                    verdict: r.get(1)?,
                    created_at_ms: r.get(2)?,
                    finding_mask: r.get(3)?,
                    hints_used: r.get::<_, i64>(4)?.clamp(0, i64::from(u32::MAX)) as u32,
                    repeat: r.get(5)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let mut interviews: Vec<InterviewEvent> = self
            .interviews()?
            .into_iter()
            .map(|i| InterviewEvent {
                created_ms: i.created_ms,
                session: i.session,
                outcome: i.outcome,
                readiness: i.readiness,
            })
            .collect();
        interviews.sort_by_key(|i| i.created_ms);
        Ok((subs, interviews))
    }

    /// The milestones the whole history earned and the next few to earn, evaluated now; the stored
    /// milestones are brought up to date with it on the way (as [`Store::sync_milestones`] would, without
    /// reading and evaluating the history a second time).
    pub fn milestone_evaluation(
        &self,
        catalog: &[ProblemInfo],
        progression: &Progression,
        utc_offset_s: i32,
        now_ms: i64,
    ) -> Result<Evaluation, StoreError> {
        let key = self.milestone_inputs_key(catalog, progression, utc_offset_s)?;
        let state = self.milestone_state()?;
        let (evaluation, newest) = self.evaluate_history(catalog, progression, utc_offset_s, now_ms)?;
        if !state.is_current(&key) {
            self.file_milestones(&evaluation.earned, &state, &key, newest)?;
        }
        Ok(evaluation)
    }

    /// What the evaluation would read, as a key: another key means the stored milestones may be behind.
    fn milestone_inputs_key(
        &self,
        catalog: &[ProblemInfo],
        progression: &Progression,
        utc_offset_s: i32,
    ) -> Result<String, StoreError> {
        let (subs, last_sub, newest_sub): (i64, i64, i64) = self.conn.query_row(
            "SELECT count(*), coalesce(max(id), 0), coalesce(max(created_at), 0) FROM submissions",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        let (ivs, last_iv): (i64, i64) =
            self.conn.query_row("SELECT count(*), coalesce(max(id), 0) FROM interviews", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        let bank = bank_digest(catalog, progression);
        Ok(format!("{bank:016x} {utc_offset_s} {subs}/{last_sub}/{newest_sub} {ivs}/{last_iv}"))
    }

    fn milestone_state(&self) -> Result<FiledState, StoreError> {
        let state = self
            .conn
            .query_row("SELECT rules, inputs, seen_at FROM milestones_state WHERE id = 1", [], |r| {
                Ok(FiledState { rules: r.get(0)?, inputs: r.get(1)?, seen_at: r.get(2)? })
            })
            .optional()?;
        Ok(state.unwrap_or(FiledState { rules: 0, inputs: String::new(), seen_at: 0 }))
    }

    /// Reads the history once and evaluates it: the evaluation, and the time of the newest event read.
    fn evaluate_history(
        &self,
        catalog: &[ProblemInfo],
        progression: &Progression,
        utc_offset_s: i32,
        now_ms: i64,
    ) -> Result<(Evaluation, i64), StoreError> {
        let (submissions, interviews) = self.milestone_history()?;
        let newest = submissions
            .iter()
            .map(|s| s.created_at_ms)
            .chain(interviews.iter().map(|i| i.created_ms))
            .max()
            .unwrap_or(0);
        let input = Inputs { catalog, progression, submissions: &submissions, interviews: &interviews, utc_offset_s };
        Ok((evaluate(&input, now_ms), newest))
    }

    /// Brings the stored milestones up to date with the history (see the module docs) and returns the
    /// earned ones the learner has not been shown yet, oldest first.
    pub fn sync_milestones(
        &self,
        catalog: &[ProblemInfo],
        progression: &Progression,
        utc_offset_s: i32,
        now_ms: i64,
    ) -> Result<Vec<Milestone>, StoreError> {
        let key = self.milestone_inputs_key(catalog, progression, utc_offset_s)?;
        let state = self.milestone_state()?;
        if !state.is_current(&key) {
            let (evaluation, newest) = self.evaluate_history(catalog, progression, utc_offset_s, now_ms)?;
            self.file_milestones(&evaluation.earned, &state, &key, newest)?;
        }
        self.unshown_milestones()
    }

    /// [`Store::sync_milestones`] for `bank`, with the bundled progression and this machine's time zone.
    pub fn sync_milestones_for(&self, bank: &Bank, now_ms: i64) -> Result<Vec<Milestone>, StoreError> {
        let catalog = ProblemInfo::from_bank(bank);
        let progression = crate::knowledge::progression().unwrap_or_default();
        self.sync_milestones(&catalog, &progression, crate::learner::snapshot::local_offset_s(), now_ms)
    }

    /// Stores what an evaluation of the inputs `key` earned: new milestones are added (those earned by the
    /// time an earlier evaluation had seen are filed as shown); a change of rules rebuilds the table.
    fn file_milestones(
        &self,
        earned: &[Milestone],
        state: &FiledState,
        key: &str,
        newest: i64,
    ) -> Result<(), StoreError> {
        let rebuild = state.rules != RULES_VERSION;
        let mut new = Vec::new();
        let tx = self.write_tx()?;
        {
            let mut add = tx.prepare_cached(if rebuild {
                "INSERT INTO milestones (id, earned_at, title, why, shown) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (id) DO UPDATE SET earned_at = excluded.earned_at, title = excluded.title,
                                                why = excluded.why"
            } else {
                "INSERT INTO milestones (id, earned_at, title, why, shown) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (id) DO NOTHING"
            })?;
            for m in earned {
                let old = m.earned_ms <= state.seen_at;
                let added = add.execute(params![m.id, m.earned_ms, m.title, m.why, old])?;
                if added > 0 && !old {
                    new.push(Action::Milestone { key: m.id.clone(), title: m.title.clone() });
                }
            }
        }
        if rebuild {
            let stored: Vec<String> =
                tx.prepare("SELECT id FROM milestones")?.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
            for id in stored.iter().filter(|id| !earned.iter().any(|m| &m.id == *id)) {
                tx.execute("DELETE FROM milestones WHERE id = ?1", [id])?;
            }
        }
        tx.execute(
            "INSERT INTO milestones_state (id, rules, inputs, seen_at) VALUES (1, ?1, ?2, ?3)
             ON CONFLICT (id) DO UPDATE SET rules = ?1, inputs = ?2, seen_at = max(seen_at, ?3)",
            params![RULES_VERSION, key, newest],
        )?;
        tx.commit()?;
        // Newly earned ones go to the learner's groups, when the account shares milestones.
        for action in new {
            self.share(action)?;
        }
        Ok(())
    }

    fn milestones_where(&self, sql: &str) -> Result<Vec<Milestone>, StoreError> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map([], |r| {
            Ok(Milestone { id: r.get(0)?, earned_ms: r.get(1)?, title: r.get(2)?, why: r.get(3)? })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every stored milestone, newest first.
    pub fn milestones(&self) -> Result<Vec<Milestone>, StoreError> {
        self.milestones_where("SELECT id, earned_at, title, why FROM milestones ORDER BY earned_at DESC, id")
    }

    /// Earned milestones the learner has not been shown, oldest first.
    pub fn unshown_milestones(&self) -> Result<Vec<Milestone>, StoreError> {
        self.milestones_where("SELECT id, earned_at, title, why FROM milestones WHERE shown = 0 ORDER BY earned_at, id")
    }

    /// Marks milestones as shown (their notice was on screen, or printed).
    pub fn mark_milestones_shown(&self, ids: &[String]) -> Result<(), StoreError> {
        let tx = self.write_tx()?;
        for id in ids {
            tx.execute("UPDATE milestones SET shown = 1 WHERE id = ?1", [id])?;
        }
        tx.commit()?;
        Ok(())
    }
}

/// What the last filing recorded: its rules' version, the inputs it read, the newest event it saw.
struct FiledState {
    rules: i64,
    inputs: String,
    seen_at: i64,
}

impl FiledState {
    /// The stored milestones were filed by these rules from these inputs: nothing to do.
    fn is_current(&self, key: &str) -> bool {
        self.rules == RULES_VERSION && self.inputs == key
    }
}

#[cfg(test)]
mod tests;
