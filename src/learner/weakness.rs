//! The weakness profile: per mistake pattern its frequency, share, last time seen and a mastery score;
//! per topic what was solved and attempted; and weekly trends.
//!
//! Mastery (0–1) follows the submissions in time order, and only exists for a pattern the learner has
//! shown: its first occurrence (a finding with confidence ≥ 0.5) sets it to 0.3, every later one cuts it
//! by 40%, and an accepted submission without it raises it a fifth of the way to 1 (less when hints were
//! used) only when the problem exercises the pattern ([`super::exercise`]) or showed it before. While a
//! problem that showed the pattern is still open (not solved without it since), mastery reads at most 0.5:
//! a weakness. A pattern never shown has no score ("not seen") rather than a made-up one.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::exercise::Exercises;
use crate::analysis::FindingKind;

/// One submission, as much as the profile needs.
#[derive(Debug, Clone)]
pub struct SubmissionRow {
    /// Index into the problem names passed to [`profile`].
    pub problem: u32,
    pub created_at_ms: i64,
    pub accepted: bool,
    /// Bit `kind as u32` set when the submission showed that pattern.
    pub finding_mask: u32,
    pub hints_used: u32,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PatternStats {
    pub kind: FindingKind,
    /// Submissions that showed the pattern.
    pub frequency: u32,
    /// Its share of all pattern occurrences (0–1).
    pub share: f64,
    pub last_seen_ms: Option<i64>,
    /// None until the pattern has been exercised at all.
    pub mastery: Option<f64>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TopicStats {
    pub topic: String,
    /// Problems with an accepted submission.
    pub solved: u32,
    /// Of those, the ones only ever solved slower than the optimal bound ("solved, not optimal").
    pub not_optimal: u32,
    pub attempted: u32,
    pub problems: u32,
    /// Share of attempted problems whose first submission was accepted at the optimal complexity.
    pub first_try: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct WeekStats {
    /// Monday 00:00 UTC of the week, in ms.
    pub week_start_ms: i64,
    pub submissions: u32,
    pub accepted: u32,
    /// Occurrences per pattern, in FindingKind::ALL order.
    pub patterns: Vec<u32>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Profile {
    pub submissions: u32,
    pub accepted: u32,
    pub patterns: Vec<PatternStats>,
    pub topics: Vec<TopicStats>,
    pub weeks: Vec<WeekStats>,
}

pub fn mask_bit(kind: FindingKind) -> u32 {
    1 << FindingKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
}

/// Builds the profile from `rows` (sorted here when they are not in time order), the problem `names` the
/// rows index into, what each problem exercises, and the bank's topic of each problem.
pub fn profile(
    names: &[String],
    rows: &[SubmissionRow],
    exercises: &Exercises,
    topic_of: &HashMap<String, String>,
    problems_per_topic: &BTreeMap<String, u32>,
) -> Profile {
    super::fold::Fold::from_rows(names, rows, exercises, 0).profile(topic_of, problems_per_topic)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learner::fold::FIRST_SEEN;

    const NAMES: [&str; 3] = ["two-sum", "3sum", "jump-game"];

    fn names() -> Vec<String> {
        NAMES.iter().map(|s| s.to_string()).collect()
    }

    fn row(problem: &str, day: i64, accepted: bool, kinds: &[FindingKind]) -> SubmissionRow {
        SubmissionRow {
            problem: NAMES.iter().position(|n| *n == problem).unwrap() as u32,
            created_at_ms: 1_700_000_000_000 + day * 86_400_000,
            accepted,
            finding_mask: kinds.iter().map(|k| mask_bit(*k)).fold(0, |a, b| a | b),
            hints_used: 0,
        }
    }

    /// Every problem exercises every pattern.
    fn every() -> Exercises {
        Exercises::new(NAMES.iter().map(|n| (n.to_string(), 0b11_1111)))
    }

    fn mastery(prof: &Profile, kind: FindingKind) -> Option<f64> {
        prof.patterns.iter().find(|s| s.kind == kind).and_then(|s| s.mastery)
    }

    fn topics() -> (HashMap<String, String>, BTreeMap<String, u32>) {
        let topic_of: HashMap<String, String> = [("two-sum", "hash-maps"), ("3sum", "arrays"), ("jump-game", "arrays")]
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        let per: BTreeMap<String, u32> =
            [("arrays".to_string(), 2), ("hash-maps".to_string(), 1)].into_iter().collect();
        (topic_of, per)
    }

    #[test]
    fn empty_history_has_no_scores() {
        let (t, p) = topics();
        let prof = profile(&names(), &[], &every(), &t, &p);
        assert!(prof.patterns.iter().all(|s| s.frequency == 0 && s.mastery.is_none()));
        assert_eq!(prof.topics.len(), 2);
    }

    #[test]
    fn occurrences_lower_mastery_and_clean_solves_raise_it() {
        let (t, p) = topics();
        let edge = FindingKind::MissingEdgeCase;
        let rows = vec![row("two-sum", 0, false, &[edge]), row("3sum", 1, false, &[edge])];
        let before = profile(&names(), &rows, &every(), &t, &p);
        let s = before.patterns.iter().find(|s| s.kind == edge).unwrap();
        assert_eq!(s.frequency, 2);
        assert_eq!(s.share, 1.0);
        let m1 = s.mastery.unwrap();
        assert!(m1 < FIRST_SEEN);
        assert!(
            before.patterns.iter().filter(|p| p.kind != edge).all(|p| p.mastery.is_none()),
            "unseen patterns have no score"
        );
        let mut more = rows.clone();
        more.push(row("3sum", 2, true, &[]));
        more.push(row("jump-game", 3, true, &[]));
        let after = profile(&names(), &more, &every(), &t, &p);
        let m2 = after.patterns.iter().find(|s| s.kind == edge).unwrap().mastery.unwrap();
        assert!(m2 > m1, "{m2} > {m1}");
        let arrays = after.topics.iter().find(|t| t.topic == "arrays").unwrap();
        assert_eq!((arrays.solved, arrays.attempted, arrays.problems), (2, 2, 2));
        assert_eq!(arrays.first_try, 0.5);
    }

    #[test]
    fn only_solves_of_problems_that_exercise_a_pattern_move_it() {
        let (t, p) = topics();
        let lp = FindingKind::InefficientLoop;
        // two-sum and jump-game do not exercise inefficient loops; 3sum does.
        let ex = Exercises::new([
            ("two-sum".to_string(), 0),
            ("3sum".to_string(), mask_bit(lp)),
            ("jump-game".to_string(), 0),
        ]);
        let mut rows = vec![row("3sum", 0, false, &[lp])];
        rows.extend((1..=4).map(|d| row(if d % 2 == 0 { "two-sum" } else { "jump-game" }, d, true, &[])));
        let prof = profile(&names(), &rows, &ex, &t, &p);
        assert_eq!(mastery(&prof, lp), Some(FIRST_SEEN), "unrelated solves leave it alone");
        // The problem that showed it counts even when the map says nothing about it.
        let none = Exercises::default();
        rows.push(row("3sum", 5, true, &[]));
        let fixed = mastery(&profile(&names(), &rows, &none, &t, &p), lp).unwrap();
        assert!(fixed > FIRST_SEEN, "{fixed}");
    }

    #[test]
    fn a_problem_still_open_for_a_pattern_keeps_it_below_the_weak_line() {
        let (t, p) = topics();
        let slow = FindingKind::SuboptimalComplexity;
        let mut rows = vec![row("jump-game", 0, false, &[slow])];
        rows.extend((1..=12).map(|d| row("two-sum", d, true, &[])));
        let open = mastery(&profile(&names(), &rows, &every(), &t, &p), slow).unwrap();
        assert_eq!(open, crate::learner::fold::OPEN_CAP, "jump-game still times out");
        rows.push(row("jump-game", 13, true, &[]));
        let closed = mastery(&profile(&names(), &rows, &every(), &t, &p), slow).unwrap();
        assert!(closed > 0.9, "{closed}");
    }

    #[test]
    fn hints_lower_the_credit_of_a_solve() {
        let (t, p) = topics();
        let base = vec![row("two-sum", 0, false, &[FindingKind::OffByOne]), row("two-sum", 0, true, &[])];
        let mut plain = base.clone();
        plain.push(row("3sum", 1, true, &[]));
        let mut hinted = base.clone();
        let mut h = row("3sum", 1, true, &[]);
        h.hints_used = 3;
        hinted.push(h);
        let m = |rows: &[SubmissionRow]| {
            profile(&names(), rows, &every(), &t, &p)
                .patterns
                .iter()
                .find(|s| s.kind == FindingKind::OffByOne)
                .unwrap()
                .mastery
                .unwrap()
        };
        assert!(m(&plain) > m(&hinted));
    }

    #[test]
    fn weeks_group_by_monday() {
        let (t, p) = topics();
        // 2023-11-13 was a Monday.
        let monday = 1_699_833_600_000i64;
        let mk =
            |ms: i64| SubmissionRow { problem: 1, created_at_ms: ms, accepted: true, finding_mask: 0, hints_used: 0 };
        let rows = vec![mk(monday), mk(monday + 6 * 86_400_000), mk(monday + 7 * 86_400_000)];
        let prof = profile(&names(), &rows, &every(), &t, &p);
        assert_eq!(prof.weeks.len(), 2);
        assert_eq!(prof.weeks[0].week_start_ms, monday);
        assert_eq!(prof.weeks[0].submissions, 2);
    }
}
