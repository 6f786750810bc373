//! The submissions aggregate.

use rusqlite::{params, OptionalExtension};

use super::{Store, StoreError};
use crate::judge::{CaseReport, Report, Verdict};
use crate::learner::exercise::Exercises;
use crate::learner::fold::{Fold, FoldRow};

/// The format of the saved [`Fold`]: bump it when the fold's fields or rules change, and saved folds are
/// folded again from the start.
///
/// 2: mastery moves only on problems that exercise the pattern, and reads at most 0.5 while a problem that
/// showed it is open (issue 15). 3: repeats and internal errors do not count. 4: "solved, not optimal".
/// 5: each problem's last verdict.
const FOLD_VERSION: i64 = 5;

/// The `ui_state` key migration 0010 sets to ask for [`Store::mark_repeats`].
const REPEAT_BACKFILL_KEY: &str = "repeat_backfill";

pub struct NewSubmission<'a> {
    pub code: &'a str,
    pub report: &'a Report,
    pub analysis: Option<&'a crate::analysis::Analysis>,
    /// Hints the learner had seen for the problem.
    pub hints_used: u32,
}

/// Findings below this confidence are shown but do not count towards the weakness profile.
pub const COUNTED_CONFIDENCE: f64 = 0.5;

pub(crate) fn finding_mask(analysis: Option<&crate::analysis::Analysis>) -> u32 {
    analysis
        .map(|a| {
            a.findings
                .iter()
                .filter(|f| f.confidence >= COUNTED_CONFIDENCE)
                .fold(0, |m, f| m | crate::learner::weakness::mask_bit(f.kind))
        })
        .unwrap_or(0)
}

#[derive(Debug, Clone)]
pub struct StoredSubmission {
    pub id: i64,
    pub problem: String,
    pub code: String,
    pub verdict: Verdict,
    pub passed: usize,
    pub total: usize,
    pub runtime_ms: f64,
    pub cases: Vec<CaseReport>,
    pub created_at: i64,
}

impl Store {
    /// Records a submission; returns its id.
    pub fn add_submission(&self, s: &NewSubmission<'_>) -> Result<i64, StoreError> {
        Ok(self.insert_submission(s)?.0)
    }

    /// Records a submission: its id, and whether it repeats an earlier one (the same problem, byte-identical
    /// code and the same verdict), which then counts for nothing in the learner model. The same file judged
    /// differently (a time-out that passes on a quieter machine, an internal error judged again) counts.
    pub(super) fn insert_submission(&self, s: &NewSubmission<'_>) -> Result<(i64, bool), StoreError> {
        let repeat: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM submissions WHERE problem = ?1 AND code = ?2 AND verdict = ?3)",
            params![s.report.problem, s.code, s.report.verdict.as_str()],
            |r| r.get(0),
        )?;
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as i64)
            .unwrap_or(0);
        let cases = serde_json::to_string(&s.report.cases)?;
        let analysis = s.analysis.map(serde_json::to_string).transpose()?;
        self.conn.execute(
            "INSERT INTO submissions (problem, code, verdict, passed, total, runtime_ms, cases_json, created_at, local_minute,
                                      analysis_json, finding_mask, hints_used, is_repeat)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,
                     CAST(strftime('%H', ?8 / 1000, 'unixepoch', 'localtime') AS INTEGER) * 60
                   + CAST(strftime('%M', ?8 / 1000, 'unixepoch', 'localtime') AS INTEGER),
                     ?9, ?10, ?11, ?12)",
            params![
                s.report.problem,
                s.code,
                s.report.verdict.as_str(),
                s.report.passed as i64,
                s.report.total as i64,
                s.report.runtime_ms,
                cases,
                now,
                analysis,
                finding_mask(s.analysis),
                s.hints_used,
                repeat
            ],
        )?;
        Ok((self.conn.last_insert_rowid(), repeat))
    }

    /// Runs [`Store::mark_repeats`] when migration 0010 asked for it, then clears the request.
    pub(super) fn mark_repeats_once(&self) -> Result<(), StoreError> {
        if self.state(REPEAT_BACKFILL_KEY)?.is_none() {
            return Ok(());
        }
        let tx = self.write_tx()?;
        self.mark_repeats()?;
        tx.execute("DELETE FROM ui_state WHERE key = ?1", [REPEAT_BACKFILL_KEY])?;
        tx.commit()?;
        Ok(())
    }

    /// Marks every stored submission that repeats an earlier one (see [`Store::insert_submission`]): one
    /// pass in time order per problem, keeping only that problem's codes in memory. Returns how many.
    pub fn mark_repeats(&self) -> Result<usize, StoreError> {
        let mut stmt =
            self.conn.prepare("SELECT id, problem, code, verdict FROM submissions ORDER BY problem, created_at, id")?;
        let mut rows = stmt.query([])?;
        let mut problem = String::new();
        let mut seen: std::collections::HashSet<(String, String)> = std::collections::HashSet::new();
        let mut repeats: Vec<i64> = Vec::new();
        while let Some(r) = rows.next()? {
            let (id, p, code, verdict): (i64, String, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
            if p != problem {
                problem = p;
                seen.clear();
            }
            if !seen.insert((code, verdict)) {
                repeats.push(id);
            }
        }
        let mut mark = self.conn.prepare("UPDATE submissions SET is_repeat = 1 WHERE id = ?1")?;
        for id in &repeats {
            mark.execute([id])?;
        }
        Ok(repeats.len())
    }

    /// Submissions for one problem, newest first.
    pub fn submissions_for(&self, problem: &str) -> Result<Vec<StoredSubmission>, StoreError> {
        Ok(self.submissions_limited(Some(problem), -1)?.into_iter().map(|(s, _)| s).collect())
    }

    /// `codify history`: submissions of one problem (or of all with `None`), newest first, at most `limit`.
    pub fn history(&self, problem: Option<&str>, limit: Option<usize>) -> Result<Vec<StoredSubmission>, StoreError> {
        let limit = limit.map_or(-1, |n| i64::try_from(n).unwrap_or(i64::MAX));
        Ok(self.submissions_limited(problem, limit)?.into_iter().map(|(s, _)| s).collect())
    }

    /// The latest submission of a problem with its stored analysis, for the workspace after a restart.
    pub fn last_submission(
        &self,
        problem: &str,
    ) -> Result<Option<(StoredSubmission, Option<crate::analysis::Analysis>)>, StoreError> {
        Ok(self.submissions_limited(Some(problem), 1)?.into_iter().next())
    }

    /// Of one problem or (`None`) all, newest first, at most `limit` (-1: all), each with its analysis when one was stored and still reads.
    fn submissions_limited(
        &self,
        problem: Option<&str>,
        limit: i64,
    ) -> Result<Vec<(StoredSubmission, Option<crate::analysis::Analysis>)>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, problem, code, verdict, passed, total, runtime_ms, cases_json, created_at, analysis_json
             FROM submissions WHERE ?1 IS NULL OR problem = ?1 ORDER BY created_at DESC, id DESC LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![problem, limit], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, i64>(4)?,
                r.get::<_, i64>(5)?,
                r.get::<_, f64>(6)?,
                r.get::<_, String>(7)?,
                r.get::<_, i64>(8)?,
                r.get::<_, Option<String>>(9)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, problem, code, verdict, passed, total, runtime_ms, cases, created_at, analysis) = row?;
            let stored = StoredSubmission {
                id,
                problem,
                code,
                verdict: Verdict::parse(&verdict).unwrap_or(Verdict::InternalError),
                passed: passed as usize,
                total: total as usize,
                runtime_ms,
                cases: serde_json::from_str(&cases)?,
                created_at,
            };
            // An analysis stored by an older version may not read any more: the submission still counts.
            out.push((stored, analysis.and_then(|a| serde_json::from_str(&a).ok())));
        }
        Ok(out)
    }

    /// The submissions folded for the learner views, with what each problem exercises from `exercises`:
    /// the saved fold continued with the submissions added since, or all of them folded again when there is
    /// no usable saved fold (none yet, another format, time zone or exercise map, unreadable) or a new
    /// submission is older than the last one folded. Saving the result is best effort: a database that
    /// cannot be written still answers.
    pub fn learner_fold(&self, utc_offset_s: i32, exercises: &Exercises) -> Result<Fold, StoreError> {
        let saved: Option<(i64, String)> = self
            .conn
            .query_row("SELECT upto, state FROM learner_fold WHERE id = 1 AND version = ?1", [FOLD_VERSION], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        let resumed = saved
            .and_then(|(upto, json)| Fold::from_json(&json).map(|f| (upto, f)))
            .filter(|(_, f)| f.utc_offset_s == utc_offset_s && f.exercise_digest == exercises.digest());
        let (upto, fold, added) = match resumed {
            Some((upto, mut fold)) => match self.fold_rows(&mut fold, exercises, Some(upto))? {
                Some((last, added)) => (last.unwrap_or(upto), fold, added),
                None => self.fold_all(utc_offset_s, exercises)?,
            },
            None => self.fold_all(utc_offset_s, exercises)?,
        };
        if added > 0 {
            // A cache: when it cannot be saved (a read-only or busy database) the next read folds more rows,
            // and nothing is lost. Printing here would draw over the TUI.
            let _ = self.save_fold(upto, &fold);
        }
        Ok(fold)
    }

    /// Every submission folded from the start: (last id, fold, rows folded; at least 1 so that it is saved).
    fn fold_all(&self, utc_offset_s: i32, exercises: &Exercises) -> Result<(i64, Fold, usize), StoreError> {
        let mut fold = Fold::new(utc_offset_s, exercises.digest());
        let (last, added) = self.fold_rows(&mut fold, exercises, None)?.unwrap_or((None, 0));
        Ok((last.unwrap_or(0), fold, added.max(1)))
    }

    /// Folds the submissions after id `after` (all of them, in time order, when None) into `fold`: the last
    /// id folded and how many rows, or None when one of them is older than what `fold` holds.
    fn fold_rows(
        &self,
        fold: &mut Fold,
        exercises: &Exercises,
        after: Option<i64>,
    ) -> Result<Option<(Option<i64>, usize)>, StoreError> {
        // All: the covering index `submissions_profile` in time order. Since: the rowid range in id order.
        const ALL: &str =
            "SELECT id, problem, verdict, created_at, finding_mask, hints_used, is_repeat FROM submissions
                           ORDER BY created_at, id";
        const SINCE: &str =
            "SELECT id, problem, verdict, created_at, finding_mask, hints_used, is_repeat FROM submissions
                             WHERE id > ?1 ORDER BY id";
        let mut stmt = self.conn.prepare_cached(if after.is_some() { SINCE } else { ALL })?;
        let mut rows = match after {
            Some(id) => stmt.query([id])?,
            None => stmt.query([])?,
        };
        let (mut last, mut added) = (None, 0);
        while let Some(r) = rows.next()? {
            // Plain reads: `get`'s conversions cost more than the scan itself at 100,000 rows.
            let int = |i: usize| r.get_ref(i).and_then(|v| v.as_i64().map_err(rusqlite::Error::from));
            let text = |i: usize| r.get_ref(i).and_then(|v| v.as_str().map_err(rusqlite::Error::from));
            let created_at_ms = int(3)?;
            if !fold.accepts(created_at_ms) {
                return Ok(None);
            }
            let problem = text(1)?;
            fold.push(&FoldRow {
                problem,
                verdict: text(2)?,
                created_at_ms,
                finding_mask: int(4)? as u32,
                hints_used: int(5)?.clamp(0, i64::from(u32::MAX)) as u32,
                repeat: int(6)? != 0,
                exercised: exercises.get(problem),
            });
            let id = int(0)?;
            last = Some(last.map_or(id, |l: i64| l.max(id)));
            added += 1;
        }
        Ok(Some((last, added)))
    }

    fn save_fold(&self, upto: i64, fold: &Fold) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO learner_fold (id, version, upto, state) VALUES (1, ?1, ?2, ?3)
             ON CONFLICT (id) DO UPDATE SET version = excluded.version, upto = excluded.upto, state = excluded.state",
            params![FOLD_VERSION, upto, fold.to_json()?],
        )?;
        Ok(())
    }

    pub fn submission_count(&self) -> Result<i64, StoreError> {
        Ok(self.conn.query_row("SELECT count(*) FROM submissions", [], |r| r.get(0))?)
    }
}

/// How far a learner got with one problem.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub attempts: u32,
    pub accepted: u32,
}

/// Where a learner stands on one problem. The words (`new`, `attempted`, `solved`) are part of the JSON
/// of `codify problems --json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    New,
    Attempted,
    Solved,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Attempted => "attempted",
            Status::Solved => "solved",
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Progress {
    /// No counted attempt: new; attempts but none accepted: attempted; else solved.
    pub fn state(&self) -> Status {
        match (self.attempts, self.accepted) {
            (0, _) => Status::New,
            (_, 0) => Status::Attempted,
            _ => Status::Solved,
        }
    }
}

impl Store {
    /// Attempts and accepted submissions per problem, of the submissions that count (not internal errors, not
    /// repeats).
    pub fn progress(&self) -> Result<std::collections::HashMap<String, Progress>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT problem, count(*), sum(verdict = 'accepted') FROM submissions
             WHERE verdict != 'internal_error' AND is_repeat = 0 GROUP BY problem",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, String>(0)?, Progress { attempts: r.get::<_, u32>(1)?, accepted: r.get::<_, u32>(2)? }))
        })?;
        let mut out = std::collections::HashMap::new();
        for row in rows {
            let (k, v) = row?;
            out.insert(k, v);
        }
        Ok(out)
    }
}

#[cfg(test)]
impl Store {
    /// Stores a submission at a chosen time (`add_submission` always uses the clock), for tests.
    pub(crate) fn insert_submission_at(&self, problem: &str, verdict: &str, at_ms: i64, finding_mask: u32) {
        self.conn
            .execute(
                "INSERT INTO submissions (problem, code, verdict, passed, total, runtime_ms, cases_json, created_at,
                                          local_minute, finding_mask, hints_used)
                 VALUES (?1, 'pass', ?2, 1, 3, 1.0, '[]', ?3, 600, ?4, 0)",
                params![problem, verdict, at_ms, finding_mask],
            )
            .expect("insert a submission");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learner::fold::Fold;
    use crate::learner::SubmissionRow;

    const T0: i64 = 1_700_000_000_000;
    static NONE: std::sync::LazyLock<Exercises> = std::sync::LazyLock::new(Exercises::default);

    fn insert(store: &Store, problem: &str, accepted: bool, at_ms: i64, mask: u32) {
        store.insert_submission_at(problem, if accepted { "accepted" } else { "wrong_answer" }, at_ms, mask);
    }

    /// The fold made from every stored row, the way the tests of the fold itself make one.
    fn from_scratch(store: &Store, offset: i32) -> Fold {
        let mut stmt = store
            .conn()
            .prepare("SELECT problem, verdict = 'accepted', created_at, finding_mask FROM submissions ORDER BY created_at, id")
            .unwrap();
        let mut names: Vec<String> = Vec::new();
        let rows: Vec<SubmissionRow> = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, bool>(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .map(|r| {
                let (name, accepted, created_at_ms, finding_mask) = r.unwrap();
                let problem = names.iter().position(|n| *n == name).unwrap_or_else(|| {
                    names.push(name);
                    names.len() - 1
                }) as u32;
                SubmissionRow { problem, created_at_ms, accepted, finding_mask, hints_used: 0 }
            })
            .collect();
        Fold::from_rows(&names, &rows, &NONE, offset)
    }

    fn saved_upto(store: &Store) -> Option<i64> {
        store.conn().query_row("SELECT upto FROM learner_fold", [], |r| r.get(0)).optional().unwrap()
    }

    #[test]
    fn status_follows_attempts_and_accepted_and_keeps_its_json_word() {
        let p = |attempts, accepted| super::Progress { attempts, accepted }.state();
        assert_eq!([p(0, 0), p(2, 0), p(2, 1)], [super::Status::New, super::Status::Attempted, super::Status::Solved]);
        for s in [super::Status::New, super::Status::Attempted, super::Status::Solved] {
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
    }

    #[test]
    fn an_old_history_is_folded_again_by_the_new_rules_on_upgrade() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("codify.db");
        {
            // A database as the previous Codify left it: schema 0009, a saved fold of format 1 that counted
            // the same file twice and an internal error.
            let mut conn = rusqlite::Connection::open(&path).unwrap();
            crate::store::migrations().to_version(&mut conn, 9).unwrap();
            let add = |problem: &str, code: &str, verdict: &str, at: i64, mask: u32| {
                conn.execute(
                    "INSERT INTO submissions (problem, code, verdict, passed, total, runtime_ms, cases_json, created_at,
                                              local_minute, finding_mask)
                     VALUES (?1, ?2, ?3, 0, 1, 1.0, '[]', ?4, 0, ?5)",
                    params![problem, code, verdict, at, mask],
                )
                .unwrap();
            };
            add("two-sum", "a", "wrong_answer", T0, 0b1000);
            add("two-sum", "a", "wrong_answer", T0 + 1, 0b1000);
            add("3sum", "a", "internal_error", T0 + 2, 0b10);
            add("3sum", "b", "accepted", T0 + 3, 0);
            add("two-sum", "a", "wrong_answer", T0 + 4, 0b1000);
            add("3sum", "b", "accepted", T0 + 5, 0);
            conn.execute(
                "INSERT INTO learner_fold (id, version, upto, state) VALUES (1, 1, 6, '{\"submissions\": 6}')",
                [],
            )
            .unwrap();
        }
        let store = Store::open(&path).unwrap();
        let fold = store.learner_fold(0, &NONE).unwrap();
        assert_eq!(fold.submissions(), 2, "one wrong answer and one solve; the rest repeat or are judge errors");
        let records = fold.into_history().records;
        assert_eq!((records["two-sum"].attempts, records["3sum"].attempts), (1, 1));
        let version: i64 = store.conn().query_row("SELECT version FROM learner_fold", [], |r| r.get(0)).unwrap();
        assert_eq!(version, FOLD_VERSION);
        let repeats: i64 =
            store.conn().query_row("SELECT count(*) FROM submissions WHERE is_repeat = 1", [], |r| r.get(0)).unwrap();
        assert_eq!(repeats, 3, "marked once, on upgrade");
    }

    #[test]
    fn the_saved_fold_is_continued_and_matches_a_fold_from_scratch() {
        let (_dir, store) = crate::store::temp_store();
        assert_eq!(store.learner_fold(0, &NONE).unwrap().submissions(), 0);
        for i in 0..40 {
            insert(
                &store,
                ["two-sum", "3sum", "jump-game"][i % 3],
                i % 4 != 1,
                T0 + i as i64 * 3_600_000,
                (i % 5) as u32,
            );
            if i % 9 == 0 {
                let fold = store.learner_fold(0, &NONE).unwrap();
                assert_eq!(fold, from_scratch(&store, 0), "after {} rows", i + 1);
                assert_eq!(saved_upto(&store), Some(i as i64 + 1));
            }
        }
        assert_eq!(store.learner_fold(0, &NONE).unwrap(), from_scratch(&store, 0));
    }

    #[test]
    fn a_read_folds_only_the_rows_added_since_the_saved_fold() {
        let (_dir, store) = crate::store::temp_store();
        for i in 0..10 {
            insert(&store, "two-sum", true, T0 + i * 60_000, 0);
        }
        assert_eq!(store.learner_fold(0, &NONE).unwrap().submissions(), 10);
        // Rows are never deleted; deleting one here shows that the old rows are not read again.
        store.conn().execute("DELETE FROM submissions WHERE id = 3", []).unwrap();
        insert(&store, "3sum", false, T0 + 3_600_000, 0);
        let fold = store.learner_fold(0, &NONE).unwrap();
        assert_eq!(fold.submissions(), 11, "ten saved plus the new one");
        assert_eq!(fold.into_history().records["3sum"].attempts, 1);
        assert_eq!(saved_upto(&store), Some(11));
    }

    #[test]
    fn an_older_submission_another_time_zone_or_a_broken_save_fold_again_from_the_start() {
        let (_dir, store) = crate::store::temp_store();
        for i in 0..10 {
            insert(&store, "two-sum", i % 2 == 0, T0 + i * 86_400_000, 1);
        }
        store.learner_fold(0, &NONE).unwrap();
        // A clock set back: the new row is older than the last folded one.
        insert(&store, "3sum", true, T0 + 86_400_000 / 2, 0);
        assert_eq!(store.learner_fold(0, &NONE).unwrap(), from_scratch(&store, 0));
        // Travel: days are counted in the new offset.
        assert_eq!(store.learner_fold(-5 * 3600, &NONE).unwrap(), from_scratch(&store, -5 * 3600));
        store.conn().execute("UPDATE learner_fold SET state = '{not json'", []).unwrap();
        assert_eq!(store.learner_fold(-5 * 3600, &NONE).unwrap(), from_scratch(&store, -5 * 3600));
        store.conn().execute("UPDATE learner_fold SET version = 0", []).unwrap();
        assert_eq!(store.learner_fold(-5 * 3600, &NONE).unwrap(), from_scratch(&store, -5 * 3600));
        assert_eq!(saved_upto(&store), Some(11));
        // Another bank (what a problem exercises changed): folded again with the new map.
        let other = Exercises::new([("two-sum".to_string(), 0b11)]);
        let again = store.learner_fold(0, &other).unwrap();
        assert_eq!(again.exercise_digest, other.digest());
        assert_ne!(again, store.learner_fold(0, &NONE).unwrap());
    }
}
