//! What the planner, the next-problem queue, the dashboard and interview mode all read: the problems as the
//! learner model sees them ([`ProblemInfo`]), each problem's record in the submissions ([`History`]), and
//! what the learner needs per topic of the progression ([`Needs`]): measured and declared weaknesses,
//! self-rated confidence, and the topics already mastered. Pure and deterministic.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use super::intake::{Declared, Intake};
use super::weakness::{Profile, SubmissionRow};
use crate::analysis::FindingKind;
use crate::complexity::Complexity;
use crate::knowledge::Progression;
use crate::problems::{Bank, Difficulty};

/// A pattern with mastery below this is a weakness.
pub const WEAK_MASTERY: f64 = 0.6;
/// A topic whose need reaches this is weak: it comes first in plans.
pub const WEAK_TOPIC: f64 = 0.4;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProblemInfo {
    pub slug: String,
    pub title: String,
    pub difficulty: Difficulty,
    /// The bank's topic; the progression may list the problem under more topics.
    pub topic: String,
    /// The well-known lists it belongs to (`blind-75`, `neetcode-150`).
    pub lists: Vec<String>,
    /// Its algorithmic tags (`patterns` in problem.toml: `two-pointers`, `hash-map`, ...).
    pub tags: Vec<String>,
    pub optimal_time: Complexity,
    /// The mistake patterns it exercises (see [`super::exercise`]), as a mask.
    pub exercises: u32,
}

impl ProblemInfo {
    /// Every problem of the bank; reads each problem's test tags (not its tests) for what it exercises.
    pub fn from_bank(bank: &Bank) -> Vec<ProblemInfo> {
        let practised = super::exercise::practised_by_notes();
        bank.all()
            .iter()
            .map(|p| {
                let edges = p.edges();
                let facts = super::exercise::ProblemFacts {
                    tags: &p.patterns,
                    edges: &edges,
                    optimal_time: p.optimal_time,
                    practised: practised.get(&p.slug).map_or(&[], Vec::as_slice),
                };
                ProblemInfo {
                    slug: p.slug.clone(),
                    title: p.title.clone(),
                    difficulty: p.difficulty,
                    topic: p.topic.clone(),
                    lists: p.lists.clone(),
                    tags: p.patterns.clone(),
                    optimal_time: p.optimal_time,
                    exercises: super::exercise::exercised(&facts),
                }
            })
            .collect()
    }

    /// What each problem of `catalog` exercises.
    pub fn exercises(catalog: &[ProblemInfo]) -> super::exercise::Exercises {
        super::exercise::Exercises::new(catalog.iter().map(|p| (p.slug.clone(), p.exercises)))
    }
}

/// Minutes a problem is planned for.
pub fn minutes_for(d: Difficulty) -> u32 {
    match d {
        Difficulty::Easy => 20,
        Difficulty::Medium => 35,
        Difficulty::Hard => 50,
    }
}

/// One problem's record.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub attempts: u32,
    pub accepted: u32,
    /// Accepted submissions at the optimal complexity.
    #[serde(default)]
    pub optimal: u32,
    /// The first submission was accepted, with no hints, at the optimal complexity.
    pub clean_first: bool,
    pub last_ms: i64,
    /// The latest submission was not accepted.
    pub last_failed: bool,
    /// The latest submission's verdict (`wrong_answer`, ...).
    #[serde(default)]
    pub last_verdict: String,
    /// Times of the accepted submissions, oldest first.
    pub accepted_at: Vec<i64>,
    /// Patterns any submission of the problem showed (mask in `FindingKind::ALL` order).
    #[serde(default)]
    pub shown: u32,
    /// Patterns the problem showed and has not been solved without since: still open.
    #[serde(default)]
    pub open: u32,
}

impl Record {
    pub fn solved(&self) -> bool {
        self.accepted > 0
    }

    /// Solved, but never at the optimal complexity ("solved, not optimal").
    pub fn not_optimal(&self) -> bool {
        self.accepted > 0 && self.optimal == 0
    }
}

/// Per problem records and per day activity.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    pub records: HashMap<String, Record>,
    /// Local day number (days since 1970-01-01 in the learner's time zone) -> (submissions, accepted).
    pub days: BTreeMap<i64, (u32, u32)>,
}

impl History {
    /// From `rows` whose `problem` indexes `names`; `utc_offset_s` places days.
    pub fn from_rows(names: &[String], rows: &[SubmissionRow], utc_offset_s: i32) -> History {
        super::fold::Fold::from_rows(names, rows, &Default::default(), utc_offset_s).into_history()
    }

    pub fn get(&self, slug: &str) -> Option<&Record> {
        self.records.get(slug)
    }

    pub fn solved(&self, slug: &str) -> bool {
        self.get(slug).is_some_and(Record::solved)
    }
}

/// The bank problems a pattern's note recommends for practice (its `## Practise it` section).
pub fn practice_problems(kind: FindingKind) -> Vec<String> {
    let text = crate::knowledge::note(kind.note()).unwrap_or_default();
    let section = text.split("## Practise it").nth(1).unwrap_or_default();
    section
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|s| !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
        .map(str::to_string)
        .collect()
}

/// A weak mistake pattern and the problems that practise it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeakPattern {
    pub kind: FindingKind,
    /// Measured mastery, or None for a pattern only declared by the learner.
    pub mastery: Option<f64>,
    pub problems: Vec<String>,
}

/// What the learner needs per progression topic.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Needs {
    /// How much each topic needs work (0 = nothing known); weak at [`WEAK_TOPIC`].
    pub weight: BTreeMap<String, f64>,
    /// Why, one short phrase per topic with a need.
    pub why: BTreeMap<String, String>,
    pub mastered: BTreeSet<String>,
    pub patterns: Vec<WeakPattern>,
}

impl Needs {
    pub fn build(intake: Option<&Intake>, weakness: &Profile, history: &History, progression: &Progression) -> Needs {
        let declared = intake.map(|i| i.declared(progression)).unwrap_or_default();
        let mut patterns: Vec<WeakPattern> = Vec::new();
        for p in &weakness.patterns {
            if let Some(m) = p.mastery.filter(|m| *m < WEAK_MASTERY && p.frequency > 0) {
                patterns.push(WeakPattern { kind: p.kind, mastery: Some(m), problems: practice_problems(p.kind) });
            }
        }
        for d in &declared {
            if let Declared::Pattern(k) = d {
                if !patterns.iter().any(|p| p.kind == *k) {
                    patterns.push(WeakPattern { kind: *k, mastery: None, problems: practice_problems(*k) });
                }
            }
        }
        let mut needs = Needs { patterns, ..Needs::default() };
        for t in &progression.topics {
            let mut w = 0.0;
            let mut why: Vec<String> = Vec::new();
            let recs: Vec<&Record> = t.problems.iter().filter_map(|s| history.get(s)).collect();
            let unsolved = recs.iter().filter(|r| !r.solved()).count();
            let slow = recs.iter().filter(|r| r.not_optimal()).count();
            let struggled = recs.iter().filter(|r| !r.clean_first).count();
            if !recs.is_empty() && struggled > 0 {
                // Unsolved and solved-not-optimal problems weigh fully, others solved after a struggle half.
                let heavy = unsolved + slow;
                w += 1.5 * (heavy as f64 + 0.5 * (struggled - heavy) as f64) / recs.len() as f64;
                if struggled > slow {
                    why.push(format!("{} of {} attempted not solved first try", struggled - slow, recs.len()));
                }
                if slow > 0 {
                    why.push(format!("{slow} solved, not optimal"));
                }
            }
            for p in &needs.patterns {
                let n = t.problems.iter().filter(|s| p.problems.contains(s)).count();
                if n > 0 {
                    w += 0.3 * (1.0 - p.mastery.unwrap_or(0.3)) * n.min(3) as f64;
                    match p.mastery {
                        Some(m) => why.push(format!("practises {} (mastery {m:.2})", p.kind)),
                        None => why.push(format!("practises {} (you named it)", p.kind)),
                    }
                }
            }
            if declared.contains(&Declared::Topic(t.name.clone())) {
                w += 1.0;
                why.push("you named it a weakness".into());
            }
            let conf = intake.and_then(|i| i.confidence.get(&t.name)).copied();
            if let Some(c) = conf.filter(|c| *c <= 2) {
                w += 0.4 * f64::from(3 - c);
                why.push(format!("your confidence {c}/5"));
            }
            let all_clean =
                !t.problems.is_empty() && t.problems.iter().all(|s| history.get(s).is_some_and(|r| r.clean_first));
            if w < WEAK_TOPIC && (all_clean || (conf == Some(5) && struggled == 0)) {
                needs.mastered.insert(t.name.clone());
            }
            if w > 0.0 {
                needs.weight.insert(t.name.clone(), (w * 1000.0).round() / 1000.0);
                needs.why.insert(t.name.clone(), why.join(", "));
            }
        }
        needs
    }

    pub fn weight(&self, topic: &str) -> f64 {
        self.weight.get(topic).copied().unwrap_or(0.0)
    }

    pub fn is_weak(&self, topic: &str) -> bool {
        self.weight(topic) >= WEAK_TOPIC
    }

    /// The weak pattern a problem practises, weakest first.
    pub fn pattern_for(&self, slug: &str) -> Option<&WeakPattern> {
        self.patterns
            .iter()
            .filter(|p| p.problems.iter().any(|s| s == slug))
            .min_by(|a, b| a.mastery.unwrap_or(0.3).total_cmp(&b.mastery.unwrap_or(0.3)))
    }
}

/// Community signal as the learner model reads it: a preference in [-1, 1] and the phrase that says why.
#[derive(Debug, Clone, PartialEq)]
pub struct Community {
    pub favour: f64,
    pub defer: bool,
    pub why: String,
}

/// Reads a problem's community signal: upvotes and `good_intro` favour it, downvotes disfavour it, and
/// `too_hard` (when most tags say so) defers it for a `fragile` learner (a beginner or a weak topic).
pub fn community(signal: Option<&crate::community::signal::Signal>, fragile: bool) -> Option<Community> {
    let s = signal?;
    if s.up + s.down + s.comments == 0 {
        return None;
    }
    let votes = s.score() as f64;
    let intro = s.tags.good_intro as f64;
    let hard = s.tags.too_hard as f64;
    let mut favour = (votes / 10.0).clamp(-0.6, 0.6) + if fragile { (intro / 5.0).min(0.4) } else { 0.0 };
    let defer = fragile && hard > 0.0 && hard >= intro;
    if defer {
        favour -= 0.4;
    }
    let mut parts = Vec::new();
    if s.up + s.down > 0 {
        parts.push(format!("community {:+} votes", s.score()));
    }
    if s.tags.good_intro > 0 {
        parts.push(format!("{} say good intro", s.tags.good_intro));
    }
    if s.tags.too_hard > 0 {
        parts.push(format!("{} say too hard", s.tags.too_hard));
    }
    Some(Community { favour: favour.clamp(-1.0, 1.0), defer, why: parts.join(", ") })
}
