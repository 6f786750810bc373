//! What next: every unsolved problem and every problem due for review, ranked, each with its reason.
//!
//! Score = weakness relevance (the problem's topics' need and the weak pattern it practises) + plan position
//! (the earlier an unfinished plan item, the more) + difficulty fit (the level, moved by the recent accept
//! rate) + community signal + a review bonus that grows with how overdue the card is. The reason names the
//! two largest parts. Pure, and linear in the number of problems.

use std::collections::HashMap;

use serde::Serialize;

use super::facts::{community, History, Needs, ProblemInfo};
use super::intake::{Intake, Level};
use super::plan::Plan;
use super::review::ReviewCard;
use crate::knowledge::Progression;
use crate::problems::Difficulty;
use crate::sync::signal::Signal;

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
}

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
    let mut out = Vec::new();
    for p in inp.catalog {
        let rec = inp.history.get(&p.slug);
        let card = due.get(p.slug.as_str());
        if rec.is_some_and(|r| r.solved()) && card.is_none() {
            continue;
        }
        let mut parts: Vec<(f64, String)> = Vec::new();
        let topics = inp.progression.topics_for(&p.slug);
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
        if let Some(card) = card {
            let overdue = card.overdue_days(now_ms).max(0.0);
            parts.push((2.5 + overdue.min(10.0) * 0.1, format!("review due ({} last time)", card.last_grade.as_str())));
        } else if let Some(r) = rec.filter(|r| r.attempts > 0) {
            parts.push((0.3, format!("{} failed attempt{}", r.attempts, if r.attempts == 1 { "" } else { "s" })));
        }
        let score: f64 = parts.iter().map(|(s, _)| s).sum();
        parts.sort_by(|a, b| b.0.total_cmp(&a.0));
        let reason =
            parts.iter().filter(|(s, _)| *s > 0.0).take(2).map(|(_, w)| w.as_str()).collect::<Vec<_>>().join("; ");
        out.push(NextItem {
            slug: p.slug.clone(),
            title: p.title.clone(),
            difficulty: p.difficulty,
            score: (score * 1000.0).round() / 1000.0,
            reason,
            due_review: card.is_some(),
        });
    }
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.slug.cmp(&b.slug)));
    out
}
