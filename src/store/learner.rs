//! The learner aggregate: intake profiles (several, one active, each with a local embedding), plans, FSRS
//! review cards, interview sessions and readiness per topic.

use crate::clock::now_ms;
use crate::embed::Embedding;
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use super::{NewEmbedding, Store, StoreError};
use crate::learner::intake::Intake;
use crate::learner::interview::{blend, Outcome, Session, TopicReadiness};
use crate::learner::plan::Plan;
pub use crate::learner::records::{PlanSource, StoredPlan, StoredProfile, TopicReadinessRow};
use crate::learner::review::{self, Grade, ReviewCard};

/// The `ui_state` key migration 0008 sets to ask for [`Store::backfill_reviews`].
const BACKFILL_KEY: &str = "review_backfill";

/// The kind under which profile vectors are stored with the other embeddings.
pub const PROFILE_KIND: &str = "profile";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InterviewRecord {
    pub id: i64,
    pub profile_id: Option<i64>,
    pub session: Session,
    pub outcome: Outcome,
    pub readiness: Vec<TopicReadiness>,
    pub created_ms: i64,
}

/// A profile name: 1–40 characters of letters, digits, `-`, `_` and `.`.
pub fn valid_profile_name(name: &str) -> Result<(), String> {
    let ok = !name.is_empty()
        && name.chars().count() <= 40
        && name.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if ok {
        Ok(())
    } else {
        Err(format!("profile name `{name}`: use 1 to 40 letters, digits, `-`, `_` or `.`"))
    }
}

type ProfileRow = (i64, String, String, bool, i64, i64);

fn profile_from(row: ProfileRow) -> Result<StoredProfile, StoreError> {
    let (id, name, json, active, created_ms, updated_ms) = row;
    Ok(StoredProfile { id, name, intake: serde_json::from_str(&json)?, active, created_ms, updated_ms })
}

const PROFILE_COLS: &str = "SELECT id, name, intake_json, active, created_at, updated_at FROM learner_profiles";

impl Store {
    /// Creates a profile; the first one becomes active. Fails (nothing written) when the name is taken.
    /// `embedding` is the intake's vector ([`Intake::embedding`]), for [`Store::similar_profiles`].
    pub fn create_profile(
        &self,
        name: &str,
        intake: &Intake,
        embedding: &Embedding,
    ) -> Result<StoredProfile, StoreError> {
        let json = serde_json::to_string(intake)?;
        let now = now_ms();
        let tx = self.write_tx()?;
        let any: bool =
            tx.query_row("SELECT EXISTS (SELECT 1 FROM learner_profiles WHERE active = 1)", [], |r| r.get(0))?;
        tx.execute(
            "INSERT INTO learner_profiles (name, intake_json, active, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
            params![name, json, !any, now],
        )?;
        tx.commit()?;
        self.keep_profile_embedding(name, embedding)?;
        self.profile(name)?.ok_or(StoreError::Sql(rusqlite::Error::QueryReturnedNoRows))
    }

    /// Replaces a profile's intake (e.g. after `profile edit` or the answers of a regeneration).
    pub fn update_profile(&self, name: &str, intake: &Intake, embedding: &Embedding) -> Result<bool, StoreError> {
        let json = serde_json::to_string(intake)?;
        let n = self.conn.execute(
            "UPDATE learner_profiles SET intake_json = ?2, updated_at = ?3 WHERE name = ?1",
            params![name, json, now_ms()],
        )?;
        if n > 0 {
            self.keep_profile_embedding(name, embedding)?;
        }
        Ok(n > 0)
    }

    fn keep_profile_embedding(&self, name: &str, e: &Embedding) -> Result<(), StoreError> {
        let names: Vec<String> = self.profiles()?.into_iter().map(|p| p.name).collect();
        let keep: Vec<&str> = names.iter().map(String::as_str).collect();
        let new = NewEmbedding { kind: PROFILE_KIND, reference: name, text_hash: &e.text_hash, vector: &e.vector };
        self.sync_embeddings(e.embedder, PROFILE_KIND, &keep, &[new])
    }

    pub fn profiles(&self) -> Result<Vec<StoredProfile>, StoreError> {
        let mut stmt = self.conn.prepare(&format!("{PROFILE_COLS} ORDER BY name"))?;
        let rows: Vec<ProfileRow> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))?
            .collect::<Result<_, _>>()?;
        rows.into_iter().map(profile_from).collect()
    }

    pub fn profile(&self, name: &str) -> Result<Option<StoredProfile>, StoreError> {
        let row: Option<ProfileRow> = self
            .conn
            .query_row(&format!("{PROFILE_COLS} WHERE name = ?1"), params![name], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
            })
            .optional()?;
        row.map(profile_from).transpose()
    }

    pub fn active_profile(&self) -> Result<Option<StoredProfile>, StoreError> {
        let row: Option<ProfileRow> = self
            .conn
            .query_row(&format!("{PROFILE_COLS} WHERE active = 1"), [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
            })
            .optional()?;
        row.map(profile_from).transpose()
    }

    /// Makes `name` the active profile; false when there is no such profile (nothing changes).
    pub fn use_profile(&self, name: &str) -> Result<bool, StoreError> {
        let tx = self.write_tx()?;
        let exists: bool =
            tx.query_row("SELECT EXISTS (SELECT 1 FROM learner_profiles WHERE name = ?1)", params![name], |r| {
                r.get(0)
            })?;
        if exists {
            tx.execute("UPDATE learner_profiles SET active = 0 WHERE active = 1", [])?;
            tx.execute("UPDATE learner_profiles SET active = 1 WHERE name = ?1", params![name])?;
        }
        tx.commit()?;
        Ok(exists)
    }

    /// Profiles nearest to `name`'s (whose vector is `query`) by their embeddings, as (name, cosine distance).
    pub fn similar_profiles(&self, name: &str, query: &Embedding, k: usize) -> Result<Vec<(String, f64)>, StoreError> {
        let found = self.nearest_embeddings(query.embedder, PROFILE_KIND, &query.vector, k + 1)?;
        Ok(found.into_iter().filter(|(r, _)| r != name).take(k).collect())
    }

    pub fn save_plan(
        &self,
        profile_id: i64,
        plan: &Plan,
        source: PlanSource,
        note: Option<&str>,
    ) -> Result<i64, StoreError> {
        let json = serde_json::to_string(plan)?;
        self.conn.execute(
            "INSERT INTO learner_plans (profile_id, plan_json, source, note, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![profile_id, json, source.as_str(), note, plan.created_ms],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn latest_plan(&self, profile_id: i64) -> Result<Option<StoredPlan>, StoreError> {
        let row: Option<(i64, String, String, Option<String>, i64)> = self
            .conn
            .query_row(
                "SELECT id, plan_json, source, note, created_at FROM learner_plans WHERE profile_id = ?1
                 ORDER BY id DESC LIMIT 1",
                params![profile_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?;
        let Some((id, json, source, note, created_ms)) = row else { return Ok(None) };
        let source = if source == "llm" { PlanSource::Llm } else { PlanSource::Offline };
        Ok(Some(StoredPlan { id, profile_id, plan: serde_json::from_str(&json)?, source, note, created_ms }))
    }

    pub fn review_cards(&self) -> Result<Vec<ReviewCard>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT problem, due_at, stability, difficulty, elapsed_days, scheduled_days, reps, lapses, state,
                    last_review_at, last_grade FROM review_cards ORDER BY due_at",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(ReviewCard {
                problem: r.get(0)?,
                due_ms: r.get(1)?,
                stability: r.get(2)?,
                difficulty: r.get(3)?,
                elapsed_days: r.get(4)?,
                scheduled_days: r.get(5)?,
                reps: r.get(6)?,
                lapses: r.get(7)?,
                state: r.get(8)?,
                last_review_ms: r.get(9)?,
                last_grade: Grade::parse(&r.get::<_, String>(10)?).unwrap_or(Grade::Again),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn review_card(&self, problem: &str) -> Result<Option<ReviewCard>, StoreError> {
        Ok(self.review_cards()?.into_iter().find(|c| c.problem == problem))
    }

    fn put_review_card(&self, c: &ReviewCard) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT OR REPLACE INTO review_cards (problem, due_at, stability, difficulty, elapsed_days, scheduled_days,
                 reps, lapses, state, last_review_at, last_grade)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                c.problem,
                c.due_ms,
                c.stability,
                c.difficulty,
                c.elapsed_days,
                c.scheduled_days,
                c.reps,
                c.lapses,
                c.state,
                c.last_review_ms,
                c.last_grade.as_str()
            ],
        )?;
        Ok(())
    }

    /// Stores a submission and, when it counts (not an internal error, not a repeat of an earlier file),
    /// reviews its problem's FSRS card and queues what it shares with the learner's groups (a solve or a
    /// review, when the account shares those): what the CLI and the TUI both do after a submit.
    pub fn record_submission(&self, sub: &super::NewSubmission<'_>, now_ms: i64) -> Result<i64, StoreError> {
        let (id, repeat) = self.insert_submission(sub)?;
        let verdict = sub.report.verdict;
        if crate::learner::fold::counts(verdict.as_str(), repeat) {
            let accepted = verdict == crate::judge::Verdict::Accepted;
            let shared = match accepted {
                true => self.shared_for_accepted(&sub.report.problem, id, now_ms)?,
                false => None,
            };
            let slow =
                crate::learner::fold::slower_than_optimal(accepted, super::submissions::finding_mask(sub.analysis));
            self.review(&sub.report.problem, review::grade(accepted, !slow, sub.hints_used), now_ms)?;
            if let Some(action) = shared {
                self.share(action)?;
            }
        }
        Ok(id)
    }

    /// Records a submission as an FSRS review of its problem (Again when it failed, Hard when accepted after
    /// hints, Good when clean); call it right after [`Store::add_submission`]. Returns the card, or None when
    /// the problem needs none (a clean solve of a problem that has no card).
    pub fn record_review(
        &self,
        problem: &str,
        accepted: bool,
        hints_used: u32,
        now_ms: i64,
    ) -> Result<Option<ReviewCard>, StoreError> {
        self.review(problem, review::grade(accepted, true, hints_used), now_ms)
    }

    fn review(&self, problem: &str, grade: Grade, now_ms: i64) -> Result<Option<ReviewCard>, StoreError> {
        let card = self.review_card(problem)?;
        let next = review::review(problem, card.as_ref(), grade, now_ms);
        if let Some(c) = &next {
            self.put_review_card(c)?;
        }
        Ok(next)
    }

    /// Runs [`Store::backfill_reviews`] when migration 0008 asked for it, then clears the request.
    pub(super) fn backfill_reviews_once(&self) -> Result<(), StoreError> {
        if self.state(BACKFILL_KEY)?.is_none() {
            return Ok(());
        }
        let tx = self.write_tx()?;
        self.backfill_reviews()?;
        tx.execute("DELETE FROM ui_state WHERE key = ?1", [BACKFILL_KEY])?;
        tx.commit()?;
        Ok(())
    }

    /// Gives every problem that has submissions but no review card the card its submissions would have
    /// made, replaying them in time order as [`Store::record_review`] would have (internal errors and repeats
    /// skipped).
    /// Problems only ever solved cleanly still get none. Returns how many cards were made.
    pub fn backfill_reviews(&self) -> Result<usize, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT problem, verdict = 'accepted', hints_used, created_at, finding_mask FROM submissions
             WHERE verdict != 'internal_error' AND is_repeat = 0 AND problem NOT IN (SELECT problem FROM review_cards)
             ORDER BY created_at, id",
        )?;
        type Row = (String, bool, u32, i64, u32);
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?
            .collect::<Result<Vec<Row>, _>>()?;
        // Replayed in memory (a long history is one pass), then only the final cards are written.
        let mut cards: std::collections::HashMap<String, ReviewCard> = std::collections::HashMap::new();
        for (problem, accepted, hints, at, mask) in rows {
            let slow = crate::learner::fold::slower_than_optimal(accepted, mask);
            let grade = review::grade(accepted, !slow, hints);
            if let Some(next) = review::review(&problem, cards.get(&problem), grade, at) {
                cards.insert(problem, next);
            }
        }
        for card in cards.values() {
            self.put_review_card(card)?;
        }
        Ok(cards.len())
    }

    /// Stores a finished interview session and blends its readiness into the per-topic scores; one
    /// transaction.
    pub fn record_interview(
        &self,
        profile_id: Option<i64>,
        session: &Session,
        outcome: &Outcome,
        readiness: &[TopicReadiness],
    ) -> Result<i64, StoreError> {
        let now = now_ms();
        let tx = self.write_tx()?;
        tx.execute(
            "INSERT INTO interviews (profile_id, session_json, outcome_json, readiness_json, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                profile_id,
                serde_json::to_string(session)?,
                serde_json::to_string(outcome)?,
                serde_json::to_string(readiness)?,
                now
            ],
        )?;
        let id = tx.last_insert_rowid();
        for r in readiness {
            let old: Option<f64> = tx
                .query_row("SELECT score FROM readiness WHERE topic = ?1", params![r.topic], |x| x.get(0))
                .optional()?;
            tx.execute(
                "INSERT INTO readiness (topic, score, sessions, updated_at) VALUES (?1, ?2, 1, ?3)
                 ON CONFLICT (topic) DO UPDATE SET score = ?2, sessions = sessions + 1, updated_at = ?3",
                params![r.topic, blend(old, r.score), now],
            )?;
        }
        tx.commit()?;
        Ok(id)
    }

    pub fn interviews(&self) -> Result<Vec<InterviewRecord>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, profile_id, session_json, outcome_json, readiness_json, created_at FROM interviews ORDER BY id",
        )?;
        let rows: Vec<(i64, Option<i64>, String, String, String, i64)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))?
            .collect::<Result<_, _>>()?;
        rows.into_iter()
            .map(|(id, profile_id, s, o, r, created_ms)| {
                Ok(InterviewRecord {
                    id,
                    profile_id,
                    session: serde_json::from_str(&s)?,
                    outcome: serde_json::from_str(&o)?,
                    readiness: serde_json::from_str(&r)?,
                    created_ms,
                })
            })
            .collect()
    }

    pub fn readiness(&self) -> Result<Vec<TopicReadinessRow>, StoreError> {
        let mut stmt = self.conn.prepare("SELECT topic, score, sessions, updated_at FROM readiness ORDER BY topic")?;
        let rows = stmt.query_map([], |r| {
            Ok(TopicReadinessRow { topic: r.get(0)?, score: r.get(1)?, sessions: r.get(2)?, updated_ms: r.get(3)? })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learner::intake::Level;

    use crate::store::temp_store as store;

    #[test]
    fn a_database_from_before_reviews_gets_its_cards_once_on_upgrade() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("codify.db");
        {
            // A database as an older Codify left it: schema 0007, submissions, no review cards.
            let mut conn = rusqlite::Connection::open(&path).unwrap();
            crate::store::migrations().to_version(&mut conn, 7).unwrap();
            let add = |problem: &str, verdict: &str, hints: u32, at: i64| {
                conn.execute(
                    "INSERT INTO submissions (problem, code, verdict, passed, total, runtime_ms, cases_json, created_at,
                                              local_minute, hints_used)
                     VALUES (?1, 'pass', ?2, 0, 1, 1.0, '[]', ?3, 0, ?4)",
                    params![problem, verdict, at, hints],
                )
                .unwrap();
            };
            let day = 86_400_000;
            add("two-sum", "wrong_answer", 0, 1_700_000_000_000);
            add("two-sum", "accepted", 0, 1_700_000_000_000 + day);
            add("jump-game", "accepted", 2, 1_700_000_000_000 + 2 * day);
            add("3sum", "accepted", 0, 1_700_000_000_000 + 3 * day);
            add("valid-anagram", "internal_error", 0, 1_700_000_000_000 + 4 * day);
        }
        let s = Store::open(&path).unwrap();
        let two = s.review_card("two-sum").unwrap().expect("a failed problem gets a card");
        assert_eq!(two.reps, 2, "both submissions were replayed: {two:?}");
        assert!(s.review_card("jump-game").unwrap().is_some(), "solved with hints: a card");
        assert!(s.review_card("3sum").unwrap().is_none(), "a clean solve needs no card");
        assert!(s.review_card("valid-anagram").unwrap().is_none(), "internal errors are not reviews");
        assert_eq!(s.state(BACKFILL_KEY).unwrap(), None, "done once");

        // Opening again replays nothing: a card removed by hand stays removed.
        s.conn.execute("DELETE FROM review_cards WHERE problem = 'jump-game'", []).unwrap();
        drop(s);
        let s = Store::open(&path).unwrap();
        assert!(s.review_card("jump-game").unwrap().is_none());
        assert_eq!(s.backfill_reviews().unwrap(), 1, "asked directly, it fills the gap again");
    }

    #[test]
    fn problems_only_ever_solved_slowly_get_a_card_on_upgrade() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("codify.db");
        {
            // Schema 0009: reviews were recorded, but a slow solve was graded Good and made no card.
            let mut conn = rusqlite::Connection::open(&path).unwrap();
            crate::store::migrations().to_version(&mut conn, 9).unwrap();
            let slow = crate::learner::weakness::mask_bit(crate::analysis::FindingKind::SuboptimalComplexity);
            for (problem, mask) in [("two-sum", slow), ("3sum", 0)] {
                conn.execute(
                    "INSERT INTO submissions (problem, code, verdict, passed, total, runtime_ms, cases_json, created_at,
                                              local_minute, finding_mask)
                     VALUES (?1, 'x', 'accepted', 1, 1, 1.0, '[]', 1700000000000, 0, ?2)",
                    params![problem, mask],
                )
                .unwrap();
            }
        }
        let s = Store::open(&path).unwrap();
        assert_eq!(s.review_card("two-sum").unwrap().map(|c| c.last_grade), Some(Grade::Hard));
        assert!(s.review_card("3sum").unwrap().is_none(), "a clean solve still needs none");
    }

    #[test]
    fn dynamic_programming_ratings_and_readiness_move_to_both_new_topics_on_upgrade() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("codify.db");
        {
            // Schema 0008: one topic `dynamic-programming`.
            let mut conn = rusqlite::Connection::open(&path).unwrap();
            crate::store::migrations().to_version(&mut conn, 8).unwrap();
            let intake = |conf: &str| {
                format!(r#"{{"level":"beginner","timeline_weeks":8,"hours_per_week":5,"confidence":{{{conf}}}}}"#)
            };
            let add = |name: &str, json: String| {
                conn.execute(
                    "INSERT INTO learner_profiles (name, intake_json, created_at, updated_at) VALUES (?1, ?2, 0, 0)",
                    params![name, json],
                )
                .unwrap();
            };
            add("old", intake(r#""arrays":4,"dynamic-programming":2"#));
            add("both", intake(r#""dynamic-programming":2,"dp-2d":5"#));
            add("none", intake(r#""trees":3"#));
            conn.execute("INSERT INTO readiness VALUES ('dynamic-programming', 0.4, 3, 7), ('trees', 0.9, 1, 7)", [])
                .unwrap();
        }
        let s = Store::open(&path).unwrap();
        let conf = |name: &str| {
            let i = s.profile(name).unwrap().unwrap().intake;
            i.validate().unwrap();
            i.confidence.into_iter().collect::<Vec<_>>()
        };
        let c = |t: &str, n: u8| (t.to_string(), n);
        assert_eq!(conf("old"), [c("arrays", 4), c("dp-1d", 2), c("dp-2d", 2)]);
        assert_eq!(conf("both"), [c("dp-1d", 2), c("dp-2d", 5)], "a rating of the new topic is kept");
        assert_eq!(conf("none"), [c("trees", 3)]);
        let r: Vec<(String, f64, u32)> =
            s.readiness().unwrap().into_iter().map(|r| (r.topic, r.score, r.sessions)).collect();
        assert_eq!(r, [("dp-1d".into(), 0.4, 3), ("dp-2d".into(), 0.4, 3), ("trees".into(), 0.9, 1)]);
    }

    #[test]
    fn profiles_one_active_and_embedded() {
        let (_d, s) = store();
        assert!(s.active_profile().unwrap().is_none());
        let alice = Intake::new(Level::Beginner, 8, 5.0);
        let a = s.create_profile("alice", &alice, &alice.embedding()).unwrap();
        assert!(a.active);
        let bob = Intake::new(Level::Advanced, 4, 10.0);
        let b = s.create_profile("bob", &bob, &bob.embedding()).unwrap();
        assert!(!b.active);
        assert!(s.create_profile("bob", &bob, &bob.embedding()).is_err(), "names are unique");
        assert_eq!(s.profiles().unwrap().len(), 2);
        assert!(s.use_profile("bob").unwrap());
        assert!(!s.use_profile("nobody").unwrap());
        assert_eq!(s.active_profile().unwrap().unwrap().name, "bob");
        let mut i = b.intake.clone();
        i.hours_per_week = 3.0;
        assert!(s.update_profile("bob", &i, &i.embedding()).unwrap());
        assert_eq!(s.profile("bob").unwrap().unwrap().intake.hours_per_week, 3.0);
        assert_eq!(s.embedding_hashes(crate::embed::LOCAL_NAME, PROFILE_KIND).unwrap().len(), 2);
        assert_eq!(s.similar_profiles("bob", &i.embedding(), 3).unwrap()[0].0, "alice");
        assert!(valid_profile_name("a b").is_err() && valid_profile_name("main-1").is_ok());
    }

    #[test]
    fn reviews_interviews_and_readiness_persist() {
        let (_d, s) = store();
        let t0 = 1_760_000_000_000;
        assert!(s.record_review("two-sum", true, 0, t0).unwrap().is_none());
        let c = s.record_review("two-sum", false, 0, t0).unwrap().unwrap();
        assert_eq!(s.review_cards().unwrap(), vec![c.clone()]);
        let c2 = s.record_review("two-sum", true, 0, c.due_ms).unwrap().unwrap();
        assert!(c2.due_ms > c.due_ms && c2.reps == c.reps + 1);
        let session = Session {
            slug: "two-sum".into(),
            topics: vec!["hash-maps".into()],
            difficulty: crate::problems::Difficulty::Easy,
            started_ms: t0,
            duration_ms: 1000,
            hint_limit: 1,
        };
        let out = Outcome { accepted: true, passed: 5, total: 5, hints_used: 0, elapsed_ms: 100 };
        let r = vec![TopicReadiness { topic: "hash-maps".into(), score: 0.8 }];
        s.record_interview(None, &session, &out, &r).unwrap();
        let r2 = vec![TopicReadiness { topic: "hash-maps".into(), score: 0.4 }];
        s.record_interview(None, &session, &out, &r2).unwrap();
        let kept = s.readiness().unwrap();
        assert_eq!((kept[0].sessions, (kept[0].score * 100.0).round()), (2, 60.0));
        assert_eq!(s.interviews().unwrap().len(), 2);
    }
}
