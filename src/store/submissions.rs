//! The submissions aggregate.

use rusqlite::params;

use super::{Store, StoreError};
use crate::judge::{CaseReport, Report, Verdict};

pub struct NewSubmission<'a> {
    pub code: &'a str,
    pub report: &'a Report,
    pub analysis: Option<&'a crate::analysis::Analysis>,
    /// Hints the learner had seen for the problem.
    pub hints_used: u32,
}

/// Findings below this confidence are shown but do not count towards the weakness profile.
pub const COUNTED_CONFIDENCE: f64 = 0.5;

fn finding_mask(analysis: Option<&crate::analysis::Analysis>) -> u32 {
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
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as i64)
            .unwrap_or(0);
        let cases = serde_json::to_string(&s.report.cases)?;
        let analysis = s.analysis.map(serde_json::to_string).transpose()?;
        self.conn.execute(
            "INSERT INTO submissions (problem, code, verdict, passed, total, runtime_ms, cases_json, created_at, local_minute,
                                      analysis_json, finding_mask, hints_used)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,
                     CAST(strftime('%H', ?8 / 1000, 'unixepoch', 'localtime') AS INTEGER) * 60
                   + CAST(strftime('%M', ?8 / 1000, 'unixepoch', 'localtime') AS INTEGER),
                     ?9, ?10, ?11)",
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
                s.hints_used
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Submissions for one problem, newest first.
    pub fn submissions_for(&self, problem: &str) -> Result<Vec<StoredSubmission>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, problem, code, verdict, passed, total, runtime_ms, cases_json, created_at
             FROM submissions WHERE problem = ?1 ORDER BY created_at DESC, id DESC",
        )?;
        let rows = stmt.query_map(params![problem], |r| {
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
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, problem, code, verdict, passed, total, runtime_ms, cases, created_at) = row?;
            out.push(StoredSubmission {
                id,
                problem,
                code,
                verdict: Verdict::parse(&verdict).unwrap_or(Verdict::InternalError),
                passed: passed as usize,
                total: total as usize,
                runtime_ms,
                cases: serde_json::from_str(&cases)?,
                created_at,
            });
        }
        Ok(out)
    }

    /// Every submission, narrowly and in time order, for the weakness profile. Problem names are interned:
    /// the rows index into the returned names.
    pub fn submission_rows(&self) -> Result<(Vec<String>, Vec<crate::learner::SubmissionRow>), StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT problem, created_at, verdict = 'accepted', finding_mask, hints_used FROM submissions ORDER BY created_at",
        )?;
        let mut names: Vec<String> = Vec::new();
        let mut index: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
        let mut out = Vec::new();
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let name = r.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
            let problem = match index.get(name) {
                Some(&i) => i,
                None => {
                    names.push(name.to_string());
                    index.insert(name.to_string(), names.len() as u32 - 1);
                    names.len() as u32 - 1
                }
            };
            // Plain integer reads: `get`'s conversions cost more than the scan itself at 100,000 rows.
            let int = |i: usize| r.get_ref(i).and_then(|v| v.as_i64().map_err(rusqlite::Error::from));
            out.push(crate::learner::SubmissionRow {
                problem,
                created_at_ms: int(1)?,
                accepted: int(2)? != 0,
                finding_mask: int(3)? as u32,
                hints_used: int(4)?.clamp(0, i64::from(u32::MAX)) as u32,
            });
        }
        Ok((names, out))
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

impl Progress {
    pub fn status(&self) -> &'static str {
        match (self.attempts, self.accepted) {
            (0, _) => "new",
            (_, 0) => "attempted",
            _ => "solved",
        }
    }
}

impl Store {
    /// Attempts and accepted submissions per problem.
    pub fn progress(&self) -> Result<std::collections::HashMap<String, Progress>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT problem, count(*), sum(verdict = 'accepted') FROM submissions GROUP BY problem")?;
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
