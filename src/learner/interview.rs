//! Interview mode's logic (the TUI draws it): pick a problem for the profile, time the session (45 minutes
//! by default, difficulty hidden, hints limited), and turn the outcome into a readiness score per topic.
//!
//! Readiness of one session, 0–1: the share of tests passed (1 when accepted), minus 0.15 per hint, times a
//! time factor (1 when solved in the first half, down to 0.7 at the limit, 0.5 past it), times a difficulty
//! factor (easy 0.8, medium 1, hard 1.1), clamped. A topic's kept readiness blends the sessions:
//! `0.5 · old + 0.5 · new`.

use serde::{Deserialize, Serialize};

use super::facts::{History, Needs, ProblemInfo};
use super::intake::{Intake, Level};
use crate::knowledge::Progression;
use crate::problems::Difficulty;

pub const DEFAULT_DURATION_MS: i64 = 45 * 60 * 1000;
pub const DEFAULT_HINT_LIMIT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub slug: String,
    /// Progression topics the problem practises (its bank topic when none lists it).
    pub topics: Vec<String>,
    /// Hidden from the learner during the session.
    pub difficulty: Difficulty,
    pub started_ms: i64,
    pub duration_ms: i64,
    pub hint_limit: u32,
}

impl Session {
    pub fn start(problem: &ProblemInfo, progression: &Progression, started_ms: i64) -> Session {
        let mut topics: Vec<String> = progression.topics_for(&problem.slug).iter().map(|t| t.name.clone()).collect();
        if topics.is_empty() {
            topics.push(problem.topic.clone());
        }
        Session {
            slug: problem.slug.clone(),
            topics,
            difficulty: problem.difficulty,
            started_ms,
            duration_ms: DEFAULT_DURATION_MS,
            hint_limit: DEFAULT_HINT_LIMIT,
        }
    }

    pub fn remaining_ms(&self, now_ms: i64) -> i64 {
        (self.started_ms + self.duration_ms - now_ms).max(0)
    }

    pub fn expired(&self, now_ms: i64) -> bool {
        self.remaining_ms(now_ms) == 0
    }

    /// Whether another hint may be shown after `used`.
    pub fn may_hint(&self, used: u32) -> bool {
        used < self.hint_limit
    }
}

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub accepted: bool,
    pub passed: u32,
    pub total: u32,
    pub hints_used: u32,
    /// From start to the final submission (or to giving up).
    pub elapsed_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicReadiness {
    pub topic: String,
    pub score: f64,
}

/// The difficulty an interview is at for a level: easy for beginners, medium for most, hard for advanced.
pub fn level_difficulty(level: Level) -> Difficulty {
    match level {
        Level::Beginner => Difficulty::Easy,
        Level::Intermediate => Difficulty::Medium,
        Level::Advanced => Difficulty::Hard,
    }
}

/// Picks the problem for a session, like an interview would: a problem never tried before at the level's
/// difficulty ([`level_difficulty`]; medium without a profile) in the weakest topic; then one at the nearest
/// difficulty; only when every problem has been seen, one tried but unsolved, and solved ones last. `seed`
/// varies the choice among equals (e.g. the day number). None only for an empty bank.
pub fn pick(
    intake: Option<&Intake>,
    needs: &Needs,
    catalog: &[ProblemInfo],
    history: &History,
    progression: &Progression,
    seed: u64,
) -> Option<String> {
    let want = intake.map_or(Difficulty::Medium, |i| level_difficulty(i.level));
    let score = |p: &ProblemInfo| {
        let need = progression.topics_for(&p.slug).iter().map(|t| needs.weight(&t.name)).fold(0.0, f64::max);
        let diff = (p.difficulty as i32 - want as i32).abs() as f64;
        let seen = match history.get(&p.slug) {
            Some(r) if r.solved() => 2.0,
            Some(_) => 1.0,
            None => 0.0,
        };
        // In this order: unseen before seen, then the right difficulty, then the weakest topic (need ≤ 3).
        need.min(3.0) - 10.0 * diff - 100.0 * seen
    };
    let best = catalog.iter().map(score).fold(f64::NEG_INFINITY, f64::max);
    let ties: Vec<&ProblemInfo> = catalog.iter().filter(|p| (score(p) - best).abs() < 1e-9).collect();
    if ties.is_empty() {
        return None;
    }
    Some(ties[(seed % ties.len() as u64) as usize].slug.clone())
}

/// Readiness per topic from one session; see the module docs.
pub fn score(session: &Session, outcome: &Outcome) -> Vec<TopicReadiness> {
    let base = if outcome.accepted {
        1.0
    } else if outcome.total == 0 {
        0.0
    } else {
        f64::from(outcome.passed.min(outcome.total)) / f64::from(outcome.total)
    };
    let used = (outcome.elapsed_ms.max(0) as f64) / session.duration_ms.max(1) as f64;
    let time = if used > 1.0 {
        0.5
    } else if used <= 0.5 {
        1.0
    } else {
        1.0 - 0.6 * (used - 0.5)
    };
    let diff = match session.difficulty {
        Difficulty::Easy => 0.8,
        Difficulty::Medium => 1.0,
        Difficulty::Hard => 1.1,
    };
    let s = ((base - 0.15 * f64::from(outcome.hints_used)) * time * diff).clamp(0.0, 1.0);
    let s = (s * 1000.0).round() / 1000.0;
    session.topics.iter().map(|t| TopicReadiness { topic: t.clone(), score: s }).collect()
}

/// A topic's kept readiness after a new session.
pub fn blend(old: Option<f64>, new: f64) -> f64 {
    old.map_or(new, |o| 0.5 * o + 0.5 * new)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(d: Difficulty) -> Session {
        Session {
            slug: "x".into(),
            topics: vec!["arrays".into(), "greedy".into()],
            difficulty: d,
            started_ms: 0,
            duration_ms: DEFAULT_DURATION_MS,
            hint_limit: 1,
        }
    }

    fn out(accepted: bool, passed: u32, hints: u32, minutes: i64) -> Outcome {
        Outcome { accepted, passed, total: 10, hints_used: hints, elapsed_ms: minutes * 60_000 }
    }

    #[test]
    fn readiness_rewards_clean_fast_solves() {
        let s = session(Difficulty::Medium);
        let fast = score(&s, &out(true, 10, 0, 15))[0].score;
        let slow = score(&s, &out(true, 10, 0, 44))[0].score;
        let late = score(&s, &out(true, 10, 0, 60))[0].score;
        let hinted = score(&s, &out(true, 10, 1, 15))[0].score;
        let half = score(&s, &out(false, 5, 0, 15))[0].score;
        assert_eq!(fast, 1.0);
        assert!(fast > slow && slow > late && fast > hinted && hinted > half, "{fast} {slow} {late} {hinted} {half}");
        assert_eq!(score(&s, &out(false, 0, 3, 50))[0].score, 0.0);
        assert_eq!(score(&s, &out(true, 10, 0, 15)).len(), 2);
        assert!(score(&session(Difficulty::Easy), &out(true, 10, 0, 15))[0].score < fast);
        assert_eq!(blend(Some(0.2), 1.0), 0.6);
        assert!(s.may_hint(0) && !s.may_hint(1));
        assert_eq!(s.remaining_ms(DEFAULT_DURATION_MS + 5), 0);
    }

    #[test]
    fn the_pick_prefers_a_problem_not_seen_then_one_attempted_and_never_a_solved_one_first() {
        use crate::learner::facts::{History, Needs, ProblemInfo, Record};
        let info = |slug: &str| ProblemInfo {
            slug: slug.into(),
            title: slug.into(),
            difficulty: Difficulty::Medium,
            topic: "arrays".into(),
            lists: Vec::new(),
            tags: Vec::new(),
            optimal_time: crate::complexity::Complexity::Linear,
            exercises: 0,
        };
        let catalog = vec![info("solved"), info("attempted"), info("new")];
        let progression = crate::knowledge::Progression::default();
        let mut history = History::default();
        history.records.insert("solved".into(), Record { attempts: 1, accepted: 1, ..Record::default() });
        history.records.insert("attempted".into(), Record { attempts: 2, ..Record::default() });
        let pick = |h: &History, seed| pick(None, &Needs::default(), &catalog, h, &progression, seed);
        for seed in 0..4 {
            assert_eq!(pick(&history, seed).as_deref(), Some("new"), "seed {seed}");
        }
        history.records.insert("new".into(), Record { attempts: 1, accepted: 1, ..Record::default() });
        assert_eq!(pick(&history, 0).as_deref(), Some("attempted"));
    }
}
