//! Spaced repetition of problems with FSRS (rs-fsrs, long-term scheduler: intervals in days, no fuzz, so
//! schedules are reproducible). One card per problem. A submission is a review: **Again** when it failed,
//! **Hard** when it was accepted after hints or slower than optimal ("solved, not optimal"), **Good** when
//! accepted cleanly. A problem gets a card the first time it is failed, solved with hints or solved slowly;
//! clean solves only move an existing card on.

use chrono::{DateTime, Utc};
use rs_fsrs::{Card, Parameters, Rating, State, FSRS};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Grade {
    Again,
    Hard,
    Good,
}

impl Grade {
    pub fn as_str(self) -> &'static str {
        match self {
            Grade::Again => "again",
            Grade::Hard => "hard",
            Grade::Good => "good",
        }
    }

    pub fn parse(s: &str) -> Option<Grade> {
        [Grade::Again, Grade::Hard, Grade::Good].into_iter().find(|g| g.as_str() == s)
    }

    fn rating(self) -> Rating {
        match self {
            Grade::Again => Rating::Again,
            Grade::Hard => Rating::Hard,
            Grade::Good => Rating::Good,
        }
    }
}

/// The grade of a submission; `optimal` is false for an accepted submission slower than the problem's
/// optimal bound.
pub fn grade(accepted: bool, optimal: bool, hints_used: u32) -> Grade {
    match (accepted, optimal, hints_used) {
        (false, _, _) => Grade::Again,
        (true, true, 0) => Grade::Good,
        (true, _, _) => Grade::Hard,
    }
}

/// One problem's FSRS card, as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewCard {
    pub problem: String,
    pub due_ms: i64,
    pub stability: f64,
    pub difficulty: f64,
    pub elapsed_days: i64,
    pub scheduled_days: i64,
    pub reps: i32,
    pub lapses: i32,
    /// 0 new, 1 learning, 2 review, 3 relearning (FSRS's states).
    pub state: u8,
    pub last_review_ms: i64,
    pub last_grade: Grade,
}

impl ReviewCard {
    pub fn is_due(&self, now_ms: i64) -> bool {
        self.due_ms <= now_ms
    }

    /// Days past due (negative: not due yet).
    pub fn overdue_days(&self, now_ms: i64) -> f64 {
        (now_ms - self.due_ms) as f64 / 86_400_000.0
    }

    fn to_fsrs(&self) -> Card {
        Card {
            due: time(self.due_ms),
            stability: self.stability,
            difficulty: self.difficulty,
            elapsed_days: self.elapsed_days,
            scheduled_days: self.scheduled_days,
            reps: self.reps,
            lapses: self.lapses,
            state: match self.state {
                1 => State::Learning,
                2 => State::Review,
                3 => State::Relearning,
                _ => State::New,
            },
            last_review: time(self.last_review_ms),
        }
    }
}

fn time(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

fn scheduler() -> FSRS {
    FSRS::new(Parameters { enable_short_term: false, enable_fuzz: false, ..Parameters::default() })
}

/// The card after a review graded `grade` at `now_ms`; None when there is no card and the grade does not
/// start one (a clean solve of a problem never struggled with).
pub fn review(problem: &str, card: Option<&ReviewCard>, grade: Grade, now_ms: i64) -> Option<ReviewCard> {
    if card.is_none() && grade == Grade::Good {
        return None;
    }
    let now = time(now_ms);
    let start = match card {
        Some(c) => c.to_fsrs(),
        None => Card { due: now, last_review: now, ..Card::default() },
    };
    // A clock that went backwards must not produce negative elapsed days.
    let now = now.max(start.last_review);
    let next = scheduler().next(start, now, grade.rating()).card;
    Some(ReviewCard {
        problem: problem.to_string(),
        due_ms: next.due.timestamp_millis(),
        stability: next.stability,
        difficulty: next.difficulty,
        elapsed_days: next.elapsed_days,
        scheduled_days: next.scheduled_days,
        reps: next.reps,
        lapses: next.lapses,
        state: next.state as u8,
        last_review_ms: next.last_review.timestamp_millis(),
        last_grade: grade,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: i64 = 1_760_000_000_000;
    const DAY: i64 = 86_400_000;

    #[test]
    fn grades_follow_the_submission() {
        assert_eq!(grade(false, true, 0), Grade::Again);
        assert_eq!(grade(true, true, 2), Grade::Hard);
        assert_eq!(grade(true, false, 0), Grade::Hard, "solved, not optimal");
        assert_eq!(grade(true, true, 0), Grade::Good);
    }

    #[test]
    fn failures_come_back_sooner_than_clean_solves_and_intervals_grow() {
        assert!(review("a", None, Grade::Good, T0).is_none(), "a clean first solve needs no card");
        let failed = review("a", None, Grade::Again, T0).unwrap();
        let hinted = review("a", None, Grade::Hard, T0).unwrap();
        assert!(failed.due_ms > T0 && failed.due_ms <= hinted.due_ms, "{failed:?} {hinted:?}");
        let good = review("a", Some(&failed), Grade::Good, failed.due_ms).unwrap();
        let again = review("a", Some(&failed), Grade::Again, failed.due_ms).unwrap();
        assert!(good.due_ms - failed.due_ms > again.due_ms - failed.due_ms);
        let later = review("a", Some(&good), Grade::Good, good.due_ms).unwrap();
        assert!(later.due_ms - good.due_ms > good.due_ms - failed.due_ms, "intervals grow");
        assert!(!later.is_due(later.due_ms - DAY) && later.is_due(later.due_ms));
        // A clock that went backwards still schedules forward from the last review.
        let odd = review("a", Some(&good), Grade::Good, T0 - 10 * DAY).unwrap();
        assert!(odd.due_ms >= good.last_review_ms);
    }
}
