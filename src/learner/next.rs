//! What next: every unsolved problem and every problem due for review, ranked, each with its reason.
//!
//! Score = weakness relevance (the problem's topics' need and the weak pattern it practises) + plan position
//! (the earlier an unfinished plan item, the more) + difficulty fit (the level, moved by the recent accept
//! rate) + community signal + a review bonus that grows with how overdue the card is. Pure, and linear in
//! the number of problems.
//!
//! Each item has its own reason: first what is true of that problem (a review due and how it went last
//! time, its failed attempts and last verdict, or for a new problem its place in its topic and what it
//! teaches), then the two largest parts of its score. No two items share a first clause: one that would
//! repeat an earlier item's gets the problem's place on the roadmap (or its title) added.

use std::collections::HashMap;

use serde::Serialize;

use super::facts::{community, History, Needs, ProblemInfo, Record};
use super::intake::{Intake, Level};
use super::plan::Plan;
use super::review::{Grade, ReviewCard};
use crate::community::signal::Signal;
use crate::knowledge::Progression;
use crate::problems::Difficulty;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NextItem {
    pub slug: String,
    pub title: String,
    pub difficulty: Difficulty,
    pub score: f64,
    pub reason: String,
    /// The problem's review card is due.
    pub due_review: bool,
}

pub struct NextInputs<'a> {
    pub catalog: &'a [ProblemInfo],
    pub progression: &'a Progression,
    pub history: &'a History,
    pub needs: &'a Needs,
    pub intake: Option<&'a Intake>,
    pub plan: Option<&'a Plan>,
    pub cards: &'a [ReviewCard],
    pub community: &'a HashMap<String, Signal>,
    /// Trending scores as last pulled (`codify trending`): a weak signal, at most [`TRENDING_WEIGHT`].
    pub trending: &'a HashMap<String, f64>,
}

/// The most trending can add to a problem's score: less than any need of the learner's own (a weak topic,
/// a pattern, the plan), so it only orders problems that are otherwise alike.
pub const TRENDING_WEIGHT: f64 = 0.3;

/// The difficulty the learner should be working at now, 0 easy .. 2 hard.
pub fn target_difficulty(intake: Option<&Intake>, history: &History) -> f64 {
    let base = match intake.map(|i| i.level) {
        Some(Level::Beginner) => 0.0,
        Some(Level::Advanced) => 1.5,
        _ => 1.0,
    };
    let (att, ok) = history.records.values().fold((0u32, 0u32), |(a, o), r| (a + 1, o + u32::from(r.solved())));
    if att < 3 {
        return base;
    }
    let rate = f64::from(ok) / f64::from(att);
    (base + (rate - 0.6) * 1.5).clamp(0.0, 2.0)
}

fn level(d: Difficulty) -> f64 {
    match d {
        Difficulty::Easy => 0.0,
        Difficulty::Medium => 1.0,
        Difficulty::Hard => 2.0,
    }
}

/// The ranked queue at `now_ms`, best first.
pub fn queue(inp: &NextInputs<'_>, now_ms: i64) -> Vec<NextItem> {
    let target = target_difficulty(inp.intake, inp.history);
    let due: HashMap<&str, &ReviewCard> =
        inp.cards.iter().filter(|c| c.is_due(now_ms)).map(|c| (c.problem.as_str(), c)).collect();
    let mut plan_pos: HashMap<&str, usize> = HashMap::new();
    let mut pending = 0usize;
    if let Some(plan) = inp.plan {
        for (_, _, item) in plan.items() {
            let solved_since =
                inp.history.get(&item.slug).is_some_and(|r| r.accepted_at.iter().any(|t| *t >= plan.created_ms));
            if !solved_since && !plan_pos.contains_key(item.slug.as_str()) {
                plan_pos.insert(item.slug.as_str(), pending);
                pending += 1;
            }
        }
    }
    let beginner = inp.intake.is_some_and(|i| i.level == Level::Beginner);
    let top_trend = inp.trending.values().copied().filter(|t| t.is_finite()).fold(0.0, f64::max);
    let mut out: Vec<(NextItem, String, String)> = Vec::new();
    for p in inp.catalog {
        let rec = inp.history.get(&p.slug);
        let card = due.get(p.slug.as_str());
        if rec.is_some_and(|r| r.solved()) && card.is_none() {
            continue;
        }
        let mut parts: Vec<(f64, String)> = Vec::new();
        let topics = inp.progression.topics_for(&p.slug);
        let own = own_words(p, rec, card.copied(), &topics, now_ms);
        if let Some((t, w)) =
            topics.iter().map(|t| (t.name.as_str(), inp.needs.weight(&t.name))).max_by(|a, b| a.1.total_cmp(&b.1))
        {
            if w > 0.0 {
                let why = inp.needs.why.get(t).map(String::as_str).unwrap_or("");
                parts.push((w.min(3.0), format!("weak topic {t} ({why})")));
            }
        }
        if let Some(wp) = inp.needs.pattern_for(&p.slug) {
            let m = wp.mastery.unwrap_or(0.3);
            parts.push((1.5 * (1.0 - m), format!("practises {} (mastery {m:.2})", wp.kind)));
        }
        if let Some(&pos) = plan_pos.get(p.slug.as_str()) {
            let s = 2.0 * (1.0 - pos as f64 / pending.max(1) as f64);
            parts.push((s, format!("next in your plan (#{})", pos + 1)));
        }
        let fit = 1.0 - (level(p.difficulty) - target).abs() / 2.0;
        parts.push((fit, format!("{} fits your level", p.difficulty.as_str())));
        let weak = topics.iter().any(|t| inp.needs.is_weak(&t.name));
        if let Some(c) = community(inp.community.get(&p.slug), beginner || weak) {
            parts.push((c.favour, c.why));
        }
        if let Some(&t) = inp.trending.get(&p.slug).filter(|t| **t > 0.0 && top_trend > 0.0) {
            parts.push((TRENDING_WEIGHT * t / top_trend, "trending in the community this week".to_string()));
        }
        // The review bonus and the failed attempts are scored here and said in the item's own words.
        let mut bonus = 0.0;
        if let Some(card) = card {
            bonus = 2.5 + card.overdue_days(now_ms).clamp(0.0, 10.0) * 0.1;
        } else if rec.is_some_and(|r| r.attempts > 0) {
            bonus = 0.3;
        }
        let score: f64 = parts.iter().map(|(s, _)| s).sum::<f64>() + bonus;
        parts.sort_by(|a, b| b.0.total_cmp(&a.0));
        // The two largest parts, leaving out one that an earlier part already says.
        let mut context: Vec<&str> = Vec::new();
        for (_, w) in parts.iter().filter(|(s, _)| *s > 0.0) {
            if context.len() < 2 && !context.iter().any(|c| c.contains(w.as_str())) {
                context.push(w);
            }
        }
        out.push((
            NextItem {
                slug: p.slug.clone(),
                title: p.title.clone(),
                difficulty: p.difficulty,
                score: (score * 1000.0).round() / 1000.0,
                reason: context.join("; "),
                due_review: card.is_some(),
            },
            own,
            roadmap_place(&p.slug, &topics).unwrap_or_else(|| p.title.clone()),
        ));
    }
    out.sort_by(|a, b| b.0.score.total_cmp(&a.0.score).then_with(|| a.0.slug.cmp(&b.0.slug)));
    let mut said: std::collections::HashSet<String> = std::collections::HashSet::new();
    out.into_iter()
        .map(|(mut item, own, place)| {
            let own = if said.contains(&own) { format!("{own}, {place}") } else { own };
            said.insert(own.clone());
            item.reason = if item.reason.is_empty() { own } else { format!("{own}; {}", item.reason) };
            item
        })
        .collect()
}

/// What is true of the problem itself, for the start of its reason.
fn own_words(
    p: &ProblemInfo,
    rec: Option<&Record>,
    card: Option<&ReviewCard>,
    topics: &[&crate::knowledge::Topic],
    now_ms: i64,
) -> String {
    let teaches = if p.tags.is_empty() { p.topic.replace('-', " ") } else { p.tags.join(" + ") };
    if let Some(card) = card {
        let late = card.overdue_days(now_ms).floor() as i64;
        let when = match late {
            i64::MIN..=0 => "review due today".to_string(),
            1 => "review due since yesterday".to_string(),
            d => format!("review due for {d} days"),
        };
        let last = match card.last_grade {
            Grade::Again => format!("failed last time ({teaches})"),
            Grade::Hard if rec.is_some_and(Record::not_optimal) => {
                format!("solved, not optimal: aim for {} ({teaches})", p.optimal_time)
            }
            Grade::Hard => format!("solved with help last time ({teaches})"),
            Grade::Good => format!("solved last time ({teaches})"),
        };
        return format!("{when}: {last}");
    }
    if let Some(r) = rec.filter(|r| r.attempts > 0) {
        let s = if r.attempts == 1 { "" } else { "s" };
        let last = if r.last_verdict.is_empty() { "failed".to_string() } else { r.last_verdict.replace('_', " ") };
        return format!("{} failed attempt{s} ({last}) on {teaches}", r.attempts);
    }
    match topics.first().and_then(|t| Some((t, t.problems.iter().position(|s| *s == p.slug)?))) {
        Some((t, i)) => format!("new: {teaches}, #{} of {} in {}", i + 1, t.problems.len(), t.name),
        None => format!("new: {teaches}"),
    }
}

/// "#3 of 9 in arrays": the problem's place in the first progression topic that lists it.
fn roadmap_place(slug: &str, topics: &[&crate::knowledge::Topic]) -> Option<String> {
    topics.iter().find_map(|t| {
        let i = t.problems.iter().position(|s| s == slug)?;
        Some(format!("#{} of {} in {} on the roadmap", i + 1, t.problems.len(), t.name))
    })
}
