//! Milestones: moments the learner's own history proves, each earned once, at the submission or interview
//! that earned it. [`evaluate`] is a pure fold over the history (counted submissions in time order, then
//! interviews in time order), so a rebuild from the whole history gives the same ids at the same times as
//! the milestones awarded one submission at a time; the store keeps what was awarded (`Store::sync_milestones`)
//! and rebuilds only when [`RULES_VERSION`] changes. The rules (docs/LEARNER.md, "Milestones"):
//!
//! - `first_accepted:<difficulty>`: the first accepted submission of a problem of that difficulty.
//! - `list:<list>:<25|50|75|100>`: distinct problems of the Blind 75 / NeetCode 150 accepted reach a quarter
//!   mark (rounded up: 19 of 75 is the first quarter).
//! - `pattern_overcome:<kind>`: a mistake pattern seen in at least [`OVERCOME_MIN_OCCURRENCES`] submissions,
//!   then absent from the next [`OVERCOME_CLEAN_SOLVES`] accepted submissions of problems that exercise it
//!   (an occurrence starts the count again).
//! - `review_streak:<3|7|30>`: that many local days in a row with at least one review, a counted submission
//!   of a problem whose FSRS card was due (cards replayed from the submissions as `Store::record_submission`
//!   grades them).
//! - `topic_mastered:<topic>`: a topic's interview readiness, blended over sessions as the store blends it,
//!   at or above the dashboard's "strong" line ([`TOPIC_STRONG`]).
//! - `clean_interview`: an interview accepted within its time with no hints.
//!
//! Submissions that do not count (`fold::counts`: internal errors, repeats) earn nothing and move nothing.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;

use super::facts::ProblemInfo;
use super::fold::{counts, slower_than_optimal};
use super::interview::{blend, Outcome, Session, TopicReadiness};
use super::review::{self, ReviewCard};
use crate::analysis::FindingKind;
use crate::knowledge::Progression;
use crate::problems::Difficulty;

/// The rules' version: bump it when a rule or a title changes, and stored milestones are rebuilt from the
/// history.
pub const RULES_VERSION: i64 = 1;
/// A pattern is a measured weakness once it showed in this many counted submissions.
pub const OVERCOME_MIN_OCCURRENCES: u32 = 2;
/// Accepted submissions of problems that exercise a weak pattern, in a row without it, that overcome it.
pub const OVERCOME_CLEAN_SOLVES: u32 = 8;
/// Review streaks that are milestones, in days.
pub const REVIEW_STREAKS: [u32; 3] = [3, 7, 30];
/// A topic's readiness at or above this is mastered: the dashboard's "strong" (green) line.
pub const TOPIC_STRONG: f64 = super::dashboard::STRONG;
/// How many milestones still to earn are listed.
pub const NEXT_SHOWN: usize = 5;

const DAY_MS: i64 = 86_400_000;
const QUARTERS: [(u32, &str); 4] = [(1, "a quarter"), (2, "half"), (3, "three quarters"), (4, "complete")];

/// An earned milestone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Milestone {
    /// Stable: `first_accepted:easy`, `list:blind-75:25`, `pattern_overcome:off_by_one`, ...
    pub id: String,
    pub title: String,
    /// One line naming the evidence.
    pub why: String,
    /// The time of the submission or interview that earned it.
    pub earned_ms: i64,
}

/// A milestone not earned yet, with how far along it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Upcoming {
    pub id: String,
    pub title: String,
    pub have: u32,
    pub need: u32,
    /// e.g. "Blind 75: 12 of 19 for the first quarter".
    pub detail: String,
}

/// One submission as the rules read it (the columns the fold reads).
#[derive(Debug, Clone)]
pub struct SubmissionEvent {
    pub problem: String,
    pub verdict: String,
    pub created_at_ms: i64,
    pub finding_mask: u32,
    pub hints_used: u32,
    pub repeat: bool,
}

/// One finished interview, as stored.
#[derive(Debug, Clone)]
pub struct InterviewEvent {
    pub created_ms: i64,
    pub session: Session,
    pub outcome: Outcome,
    pub readiness: Vec<TopicReadiness>,
}

/// Everything the rules read.
pub struct Inputs<'a> {
    pub catalog: &'a [ProblemInfo],
    pub progression: &'a Progression,
    /// In time order (the store reads them so; ties in id order).
    pub submissions: &'a [SubmissionEvent],
    /// In time order.
    pub interviews: &'a [InterviewEvent],
    /// The local time zone's offset, for review days.
    pub utc_offset_s: i32,
}

/// What the history earned, oldest first, and the next few to earn.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    pub earned: Vec<Milestone>,
    pub next: Vec<Upcoming>,
}

/// A digest of what the rules read from the bank (each problem's difficulty, lists and exercised patterns)
/// and of the topic names: another bank needs a fresh evaluation. FNV-1a, stable across runs.
pub fn bank_digest(catalog: &[ProblemInfo], progression: &Progression) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for b in bytes.iter().chain([&0]) {
            h = (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    };
    let mut rows: Vec<&ProblemInfo> = catalog.iter().collect();
    rows.sort_by(|a, b| a.slug.cmp(&b.slug));
    for p in rows {
        eat(p.slug.as_bytes());
        eat(p.difficulty.as_str().as_bytes());
        eat(p.lists.join(",").as_bytes());
        eat(&p.exercises.to_le_bytes());
    }
    for (old, new) in &progression.renamed {
        eat(old.as_bytes());
        eat(new.join(",").as_bytes());
    }
    h
}

fn date(day: i64) -> String {
    chrono::DateTime::from_timestamp(day * 86_400, 0).map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()
}

fn list_title(list: &str) -> &str {
    match list {
        "blind-75" => "Blind 75",
        "neetcode-150" => "NeetCode 150",
        other => other,
    }
}

/// Problems needed for quarter `q` (1–4) of a list of `size`: rounded up.
fn quarter_need(size: u32, q: u32) -> u32 {
    (size * q).div_ceil(4)
}

fn plural(n: u32, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The fold's state while the history is read.
#[derive(Default)]
struct State {
    earned: Vec<Milestone>,
    ids: HashSet<String>,
    solved: HashSet<String>,
    /// Per list: problems accepted.
    lists: BTreeMap<String, u32>,
    /// Per pattern (FindingKind::ALL order): occurrences, and accepted exercising solves since the last.
    occurrences: Vec<u32>,
    clean: Vec<u32>,
    /// Patterns each problem showed (it then exercises them for the learner, as in the fold).
    shown: HashMap<String, u32>,
    cards: HashMap<String, ReviewCard>,
    /// Local day of the last review, and the days in a row up to it.
    review_day: Option<i64>,
    review_run: u32,
    readiness: BTreeMap<String, (f64, u32)>,
}

impl State {
    fn earn(&mut self, id: String, title: String, why: String, earned_ms: i64) {
        if self.ids.insert(id.clone()) {
            self.earned.push(Milestone { id, title, why, earned_ms });
        }
    }

    fn has(&self, id: &str) -> bool {
        self.ids.contains(id)
    }
}

/// The milestones the history earned, and the next few to earn (progress as of `now_ms`).
pub fn evaluate(inputs: &Inputs<'_>, now_ms: i64) -> Evaluation {
    let info: HashMap<&str, &ProblemInfo> = inputs.catalog.iter().map(|p| (p.slug.as_str(), p)).collect();
    let mut sizes: BTreeMap<&str, u32> = BTreeMap::new();
    for p in inputs.catalog {
        for l in &p.lists {
            *sizes.entry(l.as_str()).or_default() += 1;
        }
    }
    let n = FindingKind::ALL.len();
    let mut s = State { occurrences: vec![0; n], clean: vec![0; n], ..State::default() };
    let offset = i64::from(inputs.utc_offset_s) * 1000;

    for sub in inputs.submissions {
        if !counts(&sub.verdict, sub.repeat) {
            continue;
        }
        let at = sub.created_at_ms;
        let accepted = sub.verdict == "accepted";
        let problem = info.get(sub.problem.as_str()).copied();
        let title = problem.map_or(sub.problem.as_str(), |p| p.title.as_str());

        if let (true, Some(p)) = (accepted, problem) {
            let d = p.difficulty.as_str();
            s.earn(
                format!("first_accepted:{d}"),
                format!("First {d} problem solved"),
                format!("{title} accepted: your first {d} problem"),
                at,
            );
            if s.solved.insert(p.slug.clone()) {
                for list in &p.lists {
                    let size = sizes.get(list.as_str()).copied().unwrap_or(0);
                    let have = {
                        let c = s.lists.entry(list.clone()).or_default();
                        *c += 1;
                        *c
                    };
                    for (q, word) in QUARTERS {
                        if have == quarter_need(size, q) {
                            s.earn(
                                format!("list:{list}:{}", q * 25),
                                format!("{}: {word}", list_title(list)),
                                format!("{have} of {size} solved, the last {title}"),
                                at,
                            );
                        }
                    }
                }
            }
        }

        // Patterns: an occurrence starts the count again; an accepted solve without it, of a problem that
        // exercises it (or showed it before), counts towards overcoming it.
        let shown_before = s.shown.get(&sub.problem).copied().unwrap_or(0);
        let trains = problem.map_or(0, |p| p.exercises) | shown_before;
        for (i, kind) in FindingKind::ALL.iter().enumerate() {
            let bit = 1 << i;
            if sub.finding_mask & bit != 0 {
                s.occurrences[i] += 1;
                s.clean[i] = 0;
            } else if accepted && trains & bit != 0 && s.occurrences[i] > 0 {
                s.clean[i] += 1;
                if s.occurrences[i] >= OVERCOME_MIN_OCCURRENCES && s.clean[i] == OVERCOME_CLEAN_SOLVES {
                    s.earn(
                        format!("pattern_overcome:{}", kind.as_str()),
                        format!("{} overcome", kind.title()),
                        format!(
                            "seen in {} submissions, then absent from {OVERCOME_CLEAN_SOLVES} accepted solutions that \
                             exercise it, the last {title}",
                            s.occurrences[i]
                        ),
                        at,
                    );
                }
            }
        }
        let all = (1u32 << n) - 1;
        if sub.finding_mask & all != 0 {
            *s.shown.entry(sub.problem.clone()).or_default() |= sub.finding_mask & all;
        }

        // Reviews: the card as `Store::record_submission` keeps it; a submission of a due card is a review.
        let due = s.cards.get(&sub.problem).is_some_and(|c| c.is_due(at));
        let grade = review::grade(accepted, !slower_than_optimal(accepted, sub.finding_mask), sub.hints_used);
        if let Some(card) = review::review(&sub.problem, s.cards.get(&sub.problem), grade, at) {
            s.cards.insert(sub.problem.clone(), card);
        }
        if due {
            let day = (at + offset).div_euclid(DAY_MS);
            s.review_run = match s.review_day {
                Some(d) if d == day => s.review_run,
                Some(d) if d == day - 1 => s.review_run + 1,
                _ => 1,
            };
            s.review_day = Some(day);
            for days in REVIEW_STREAKS {
                if s.review_run == days {
                    s.earn(
                        format!("review_streak:{days}"),
                        format!("{days}-day review streak"),
                        format!(
                            "due reviews done {days} days in a row, {} to {}, the last {title}",
                            date(day - i64::from(days) + 1),
                            date(day)
                        ),
                        at,
                    );
                }
            }
        }
    }

    for iv in inputs.interviews {
        let at = iv.created_ms;
        for r in &iv.readiness {
            let topics = inputs.progression.renamed.get(&r.topic).cloned().unwrap_or_else(|| vec![r.topic.clone()]);
            for topic in topics {
                let (score, sessions) = {
                    let e = s.readiness.entry(topic.clone()).or_insert((f64::NAN, 0));
                    let old = (e.1 > 0).then_some(e.0);
                    *e = (blend(old, r.score), e.1 + 1);
                    *e
                };
                if score >= TOPIC_STRONG {
                    let name = inputs.progression.topic(&topic).map_or(topic.as_str(), |t| t.title.as_str());
                    s.earn(
                        format!("topic_mastered:{topic}"),
                        format!("{name} mastered"),
                        format!(
                            "interview readiness {:.0}% after {}, at or above the strong line ({:.0}%)",
                            score * 100.0,
                            plural(sessions, "session", "sessions"),
                            TOPIC_STRONG * 100.0
                        ),
                        at,
                    );
                }
            }
        }
        let o = &iv.outcome;
        if o.accepted && o.hints_used == 0 && o.elapsed_ms <= iv.session.duration_ms {
            let minutes = |ms: i64| (ms.max(0) + 59_999) / 60_000;
            let title = info.get(iv.session.slug.as_str()).map_or(iv.session.slug.as_str(), |p| p.title.as_str());
            s.earn(
                "clean_interview".into(),
                "Clean interview".into(),
                format!(
                    "{title} solved in {} of {} minutes with no hints",
                    minutes(o.elapsed_ms),
                    minutes(iv.session.duration_ms)
                ),
                at,
            );
        }
    }

    let next = upcoming(&s, &sizes, inputs, offset, now_ms);
    let mut earned = s.earned;
    earned.sort_by_key(|m| m.earned_ms);
    Evaluation { earned, next }
}

/// The milestones not earned yet, furthest along first, [`NEXT_SHOWN`] of them.
fn upcoming(s: &State, sizes: &BTreeMap<&str, u32>, inputs: &Inputs<'_>, offset: i64, now_ms: i64) -> Vec<Upcoming> {
    let mut out: Vec<Upcoming> = Vec::new();
    let mut add = |id: String, title: String, have: u32, need: u32, detail: String| {
        if !s.has(&id) {
            out.push(Upcoming { id, title, have, need, detail });
        }
    };
    for (list, &size) in sizes {
        let have = s.lists.get(*list).copied().unwrap_or(0);
        if let Some((q, word)) = QUARTERS.iter().find(|(q, _)| have < quarter_need(size, *q)) {
            let need = quarter_need(size, *q);
            let mark = match q {
                1 => "the first quarter".to_string(),
                4 => "the whole list".to_string(),
                _ => word.to_string(),
            };
            let name = list_title(list);
            add(
                format!("list:{list}:{}", q * 25),
                format!("{name}: {word}"),
                have,
                need,
                format!("{name}: {have} of {need} for {mark}"),
            );
        }
    }
    for d in [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard] {
        let d = d.as_str();
        if inputs.catalog.iter().any(|p| p.difficulty.as_str() == d) {
            add(
                format!("first_accepted:{d}"),
                format!("First {d} problem solved"),
                0,
                1,
                format!("solve any {d} problem"),
            );
        }
    }
    for (i, kind) in FindingKind::ALL.iter().enumerate() {
        if s.occurrences[i] >= OVERCOME_MIN_OCCURRENCES {
            let have = s.clean[i].min(OVERCOME_CLEAN_SOLVES);
            add(
                format!("pattern_overcome:{}", kind.as_str()),
                format!("{} overcome", kind.title()),
                have,
                OVERCOME_CLEAN_SOLVES,
                format!(
                    "{}: {have} of {OVERCOME_CLEAN_SOLVES} accepted solutions without it since it last showed",
                    kind.title()
                ),
            );
        }
    }
    let today = (now_ms + offset).div_euclid(DAY_MS);
    let run = match s.review_day {
        Some(d) if d >= today - 1 => s.review_run,
        _ => 0,
    };
    if let Some(days) = REVIEW_STREAKS.iter().copied().find(|d| !s.has(&format!("review_streak:{d}"))) {
        add(
            format!("review_streak:{days}"),
            format!("{days}-day review streak"),
            run.min(days),
            days,
            format!("reviews: {} of {days} days in a row", run.min(days)),
        );
    }
    let strong = (TOPIC_STRONG * 100.0).round() as u32;
    for (topic, (score, _)) in &s.readiness {
        let have = ((score * 100.0).round() as u32).min(strong);
        let name = inputs.progression.topic(topic).map_or(topic.as_str(), |t| t.title.as_str());
        add(
            format!("topic_mastered:{topic}"),
            format!("{name} mastered"),
            have,
            strong,
            format!("{name}: interview readiness {have}% of {strong}%"),
        );
    }
    add("clean_interview".into(), "Clean interview".into(), 0, 1, "an interview solved in time with no hints".into());
    out.sort_by(|a, b| {
        let f = |u: &Upcoming| f64::from(u.have) / f64::from(u.need.max(1));
        f(b).total_cmp(&f(a)).then_with(|| a.id.cmp(&b.id))
    });
    out.truncate(NEXT_SHOWN);
    out
}

#[cfg(test)]
mod tests;
