//! The submissions folded in time order into everything the learner views read: the weakness profile's
//! counters and mastery, weekly trends, each problem's [`Record`], activity per local day and the verdict
//! mix. A fold can be saved and continued with the submissions added since, so the views stop reading the
//! whole history each time (`Store::learner_fold` keeps it; the result is the same as folding from the
//! start, which the tests check).

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::exercise::Exercises;
use super::facts::{History, Record};
use super::weakness::{PatternStats, Profile, SubmissionRow, TopicStats, WeekStats};
use crate::analysis::FindingKind;

/// Mastery right after a pattern first shows up.
pub(crate) const FIRST_SEEN: f64 = 0.3;
/// The most a pattern's mastery reads while a problem that showed it is still open (not solved without
/// it since): below [`super::facts::WEAK_MASTERY`], so that it stays a weakness.
pub(crate) const OPEN_CAP: f64 = 0.5;

const DAY_MS: i64 = 86_400_000;
const WEEK_MS: i64 = 7 * DAY_MS;
/// 1970-01-01 was a Thursday: shift so that weeks start on Monday.
const MONDAY_OFFSET_MS: i64 = 3 * DAY_MS;

/// One submission as the fold reads it.
#[derive(Debug, Clone, Copy)]
pub struct FoldRow<'a> {
    pub problem: &'a str,
    pub verdict: &'a str,
    pub created_at_ms: i64,
    /// Bit `kind as u32` set when the submission showed that pattern.
    pub finding_mask: u32,
    pub hints_used: u32,
    /// The code and the verdict are those of an earlier submission of the problem.
    pub repeat: bool,
    /// The patterns the problem exercises ([`super::exercise::exercised`]).
    pub exercised: u32,
}

/// Whether a submission counts for the learner model: not when the judge itself failed (`internal_error`)
/// and not when it repeats an earlier file with the same verdict (nothing new was tried or learnt). Such submissions are stored and show in
/// the verdict mix, and count nowhere else: not as attempts, occurrences, activity or reviews.
pub fn counts(verdict: &str, repeat: bool) -> bool {
    verdict != "internal_error" && !repeat
}

/// Whether an accepted submission is "solved, not optimal": its analysis estimates a time complexity worse
/// than the problem's `optimal_time`, which is what a counted `suboptimal_complexity` finding says (the
/// analyser compares exactly those two, with its allowances for fixed-size boards and matrix sides).
pub fn slower_than_optimal(accepted: bool, finding_mask: u32) -> bool {
    accepted && finding_mask & super::weakness::mask_bit(FindingKind::SuboptimalComplexity) != 0
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct ProblemFold {
    record: Record,
    /// The first submission was accepted at the optimal complexity (hints or not).
    first_accepted: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Fold {
    /// The time zone offset the days were counted in; another offset needs a new fold.
    pub utc_offset_s: i32,
    /// Time of the latest submission folded: one older than this cannot be appended.
    pub last_ms: i64,
    /// [`super::exercise::Exercises::digest`] of the map the fold was made with; another map needs a new
    /// fold.
    pub exercise_digest: u64,
    submissions: u32,
    accepted: u32,
    /// Per pattern, in `FindingKind::ALL` order.
    freq: Vec<u32>,
    last_seen: Vec<Option<i64>>,
    /// Mastery as `f64::to_bits`, so that a saved fold continues exactly where it stopped.
    mastery: Vec<Option<u64>>,
    weeks: Vec<WeekStats>,
    /// Per problem, in order of first submission.
    problems: Vec<(String, ProblemFold)>,
    #[serde(skip)]
    index: HashMap<String, usize>,
    days: BTreeMap<i64, (u32, u32)>,
    verdicts: BTreeMap<String, u64>,
}

impl Fold {
    pub fn new(utc_offset_s: i32, exercise_digest: u64) -> Fold {
        let n = FindingKind::ALL.len();
        Fold {
            utc_offset_s,
            exercise_digest,
            last_ms: i64::MIN,
            freq: vec![0; n],
            last_seen: vec![None; n],
            mastery: vec![None; n],
            ..Fold::default()
        }
    }

    /// A fold read back from JSON; None when it does not hold together (another shape, or lists of the
    /// wrong length), so the caller folds again from the start.
    pub fn from_json(json: &str) -> Option<Fold> {
        let mut f: Fold = serde_json::from_str(json).ok()?;
        let n = FindingKind::ALL.len();
        if f.freq.len() != n || f.last_seen.len() != n || f.mastery.len() != n {
            return None;
        }
        f.index = f.problems.iter().enumerate().map(|(i, (name, _))| (name.clone(), i)).collect();
        (f.index.len() == f.problems.len()).then_some(f)
    }

    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string(self)
    }

    /// Folds `rows` (sorted here when they are not in time order), whose `problem` indexes `names`, with
    /// what each problem exercises from `exercises`.
    pub fn from_rows(names: &[String], rows: &[SubmissionRow], exercises: &Exercises, utc_offset_s: i32) -> Fold {
        let mut order: Vec<&SubmissionRow> = rows.iter().collect();
        if !rows.windows(2).all(|w| w[0].created_at_ms <= w[1].created_at_ms) {
            order.sort_by_key(|r| r.created_at_ms);
        }
        let mut fold = Fold::new(utc_offset_s, exercises.digest());
        for r in order {
            let Some(problem) = names.get(r.problem as usize) else { continue };
            fold.push(&FoldRow {
                problem,
                verdict: if r.accepted { "accepted" } else { "wrong_answer" },
                created_at_ms: r.created_at_ms,
                finding_mask: r.finding_mask,
                hints_used: r.hints_used,
                repeat: false,
                exercised: exercises.get(problem),
            });
        }
        fold
    }

    /// Whether `created_at_ms` can follow what is folded (submissions must come in time order).
    pub fn accepts(&self, created_at_ms: i64) -> bool {
        created_at_ms >= self.last_ms
    }

    /// Adds the next submission in time order.
    ///
    /// A pattern the submission shows (a finding counted at confidence ≥ 0.5) is an occurrence: its
    /// mastery starts at [`FIRST_SEEN`] or loses 40%, and the problem is open for it. An accepted submission
    /// without the pattern closes the problem for it and, when the problem exercises the pattern (or showed
    /// it before), raises its mastery a fifth of the way to 1 (less after hints). Other solves leave it alone.
    pub fn push(&mut self, r: &FoldRow<'_>) {
        let accepted = r.verdict == "accepted";
        self.last_ms = self.last_ms.max(r.created_at_ms);
        match self.verdicts.get_mut(r.verdict) {
            Some(n) => *n += 1,
            None => {
                self.verdicts.insert(r.verdict.to_string(), 1);
            }
        }
        if !counts(r.verdict, r.repeat) {
            return;
        }
        self.submissions += 1;
        self.accepted += u32::from(accepted);

        let optimal = accepted && !slower_than_optimal(accepted, r.finding_mask);
        let at = match self.index.get(r.problem) {
            Some(&i) => i,
            None => {
                let first = ProblemFold {
                    record: Record { clean_first: optimal && r.hints_used == 0, ..Record::default() },
                    first_accepted: optimal,
                };
                self.problems.push((r.problem.to_string(), first));
                self.index.insert(r.problem.to_string(), self.problems.len() - 1);
                self.problems.len() - 1
            }
        };
        let rec = &mut self.problems[at].1.record;
        let trains = r.exercised | rec.shown;
        let all = (1u32 << FindingKind::ALL.len()) - 1;
        let shown = r.finding_mask & all;
        rec.shown |= shown;
        if accepted {
            rec.open &= shown;
        }
        rec.open |= shown;

        let week = (r.created_at_ms + MONDAY_OFFSET_MS).div_euclid(WEEK_MS) * WEEK_MS - MONDAY_OFFSET_MS;
        if self.weeks.last().is_none_or(|w| w.week_start_ms != week) {
            self.weeks.push(WeekStats {
                week_start_ms: week,
                submissions: 0,
                accepted: 0,
                patterns: vec![0; FindingKind::ALL.len()],
            });
        }
        if let Some(w) = self.weeks.last_mut() {
            w.submissions += 1;
            w.accepted += u32::from(accepted);
            for i in 0..FindingKind::ALL.len() {
                let bit = 1 << i;
                let m = self.mastery[i].map(f64::from_bits);
                if shown & bit != 0 {
                    self.freq[i] += 1;
                    self.last_seen[i] = Some(r.created_at_ms);
                    w.patterns[i] += 1;
                    self.mastery[i] = Some(m.map_or(FIRST_SEEN, |m| m * 0.6).to_bits());
                } else if let (true, true, Some(m)) = (accepted, trains & bit != 0, m) {
                    let credit = 0.2 / (1.0 + f64::from(r.hints_used));
                    self.mastery[i] = Some((m + (1.0 - m) * credit).to_bits());
                }
            }
        }

        let offset = i64::from(self.utc_offset_s) * 1000;
        let d = self.days.entry((r.created_at_ms + offset).div_euclid(DAY_MS)).or_default();
        d.0 += 1;
        d.1 += u32::from(accepted);

        let rec = &mut self.problems[at].1.record;
        rec.attempts += 1;
        rec.last_ms = rec.last_ms.max(r.created_at_ms);
        rec.last_failed = !accepted;
        if rec.last_verdict != r.verdict {
            rec.last_verdict = r.verdict.to_string();
        }
        if accepted {
            rec.accepted += 1;
            rec.optimal += u32::from(optimal);
            rec.accepted_at.push(r.created_at_ms);
        }
    }

    /// The weakness profile, with topics from the bank's `topic_of` each problem and its problems per topic.
    pub fn profile(&self, topic_of: &HashMap<String, String>, problems_per_topic: &BTreeMap<String, u32>) -> Profile {
        let total: u32 = self.freq.iter().sum();
        let open = |i: usize| self.problems.iter().any(|(_, p)| p.record.open & (1 << i) != 0);
        let patterns = FindingKind::ALL
            .iter()
            .enumerate()
            .map(|(i, &kind)| PatternStats {
                kind,
                frequency: self.freq[i],
                share: if total == 0 { 0.0 } else { f64::from(self.freq[i]) / f64::from(total) },
                last_seen_ms: self.last_seen[i],
                mastery: self.mastery[i].map(|m| {
                    let m = f64::from_bits(m);
                    let m = if open(i) { m.min(OPEN_CAP) } else { m };
                    (m * 1000.0).round() / 1000.0
                }),
            })
            .collect();
        let empty = |topic: &str, problems: u32| TopicStats {
            topic: topic.to_string(),
            solved: 0,
            not_optimal: 0,
            attempted: 0,
            problems,
            first_try: 0.0,
        };
        let mut topics: BTreeMap<String, TopicStats> =
            problems_per_topic.iter().map(|(t, &n)| (t.clone(), empty(t, n))).collect();
        let mut first_ok: HashMap<&str, u32> = HashMap::new();
        for (name, p) in &self.problems {
            let Some(topic) = topic_of.get(name) else { continue };
            let t = topics.entry(topic.clone()).or_insert_with(|| empty(topic, 0));
            t.attempted += 1;
            t.solved += u32::from(p.record.solved());
            t.not_optimal += u32::from(p.record.not_optimal());
            *first_ok.entry(topic).or_default() += u32::from(p.first_accepted);
        }
        for t in topics.values_mut() {
            if t.attempted > 0 {
                t.first_try = f64::from(first_ok.get(t.topic.as_str()).copied().unwrap_or(0)) / f64::from(t.attempted);
            }
        }
        Profile {
            submissions: self.submissions,
            accepted: self.accepted,
            patterns,
            topics: topics.into_values().collect(),
            weeks: self.weeks.clone(),
        }
    }

    /// Each problem's record and the activity per local day; the fold is used up (no copies of the
    /// records, which hold every accepted submission's time).
    pub fn into_history(self) -> History {
        History { records: self.problems.into_iter().map(|(name, p)| (name, p.record)).collect(), days: self.days }
    }

    /// Submissions per verdict (`accepted`, `wrong_answer`, …).
    pub fn verdicts(&self) -> HashMap<String, u64> {
        self.verdicts.iter().map(|(v, n)| (v.clone(), *n)).collect()
    }

    pub fn submissions(&self) -> u32 {
        self.submissions
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// two-sum exercises the first pattern, 3sum the first and third, jump-game none.
    fn ex() -> Exercises {
        Exercises::new([("two-sum".to_string(), 0b1), ("3sum".to_string(), 0b101), ("jump-game".to_string(), 0)])
    }

    fn rows(n: usize) -> (Vec<String>, Vec<SubmissionRow>) {
        let names: Vec<String> = ["two-sum", "3sum", "jump-game"].iter().map(|s| s.to_string()).collect();
        let rows = (0..n)
            .map(|i| SubmissionRow {
                problem: (i * 7 % 3) as u32,
                created_at_ms: 1_700_000_000_000 + i as i64 * 3_600_000 * 5,
                accepted: i % 3 != 1,
                finding_mask: if i % 4 == 0 { 0b101 } else { 0 },
                hints_used: (i % 5) as u32 / 3,
            })
            .collect();
        (names, rows)
    }

    #[test]
    fn a_fold_saved_and_continued_equals_one_folded_from_the_start() {
        let (names, all) = rows(200);
        let whole = Fold::from_rows(&names, &all, &ex(), 3600);
        for cut in [0, 1, 57, 199] {
            let saved = Fold::from_rows(&names, &all[..cut], &ex(), 3600).to_json().unwrap();
            let mut again = Fold::from_json(&saved).unwrap();
            for r in &all[cut..] {
                assert!(again.accepts(r.created_at_ms));
                again.push(&FoldRow {
                    problem: &names[r.problem as usize],
                    verdict: if r.accepted { "accepted" } else { "wrong_answer" },
                    created_at_ms: r.created_at_ms,
                    finding_mask: r.finding_mask,
                    hints_used: r.hints_used,
                    repeat: false,
                    exercised: ex().get(&names[r.problem as usize]),
                });
            }
            assert_eq!(again, whole, "cut at {cut}");
        }
    }

    #[test]
    fn a_broken_saved_fold_is_refused() {
        assert!(Fold::from_json("{").is_none());
        assert!(Fold::from_json("{\"utc_offset_s\":0}").is_none());
        let (names, all) = rows(5);
        let json = Fold::from_rows(&names, &all, &ex(), 0).to_json().unwrap();
        let short = json.replacen("\"freq\":[", "\"freq\":[9,", 1);
        assert!(Fold::from_json(&short).is_none(), "a pattern list of the wrong length");
    }

    #[test]
    fn an_older_row_cannot_be_appended() {
        let (names, all) = rows(10);
        let fold = Fold::from_rows(&names, &all, &ex(), 0);
        assert!(!fold.accepts(all[5].created_at_ms));
        assert!(fold.accepts(all[9].created_at_ms));
        assert!(Fold::new(0, 0).accepts(i64::MIN));
    }

    #[test]
    fn verdicts_and_days_are_counted() {
        let (names, all) = rows(9);
        let fold = Fold::from_rows(&names, &all, &ex(), 0);
        assert_eq!(fold.verdicts().get("accepted"), Some(&6));
        assert_eq!(fold.verdicts().get("wrong_answer"), Some(&3));
        let days: u32 = fold.into_history().days.values().map(|d| d.0).sum();
        assert_eq!(days, 9);
    }
}
