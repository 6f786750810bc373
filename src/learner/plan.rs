//! Plans: weeks → days → problems, fitted to the learner's hours (DESIGN.md §6).
//!
//! Invariants of every plan, offline or from the model (checked by [`Plan::check`] and the property tests):
//! - at most `timeline_weeks` weeks and `days_per_week` days a week;
//! - a day's minutes are the sum of its problems' minutes and never exceed the daily budget, so a week
//!   never exceeds the hours per week;
//! - a day is one topic: every problem of it has the day's topic (and the day's reason is about that topic);
//! - every slug is a problem of the bank.
//!
//! The offline planner ([`plan_offline`]) is deterministic: topics the learner is weak in come first
//! (heaviest need first, then the progression order), then the rest of the progression; mastered topics
//! and problems solved cleanly on the first try are skipped; within a topic the progression's order
//! (easiest first) holds, adjusted by community signal. New problems are followed by a second pass that
//! re-solves weak-topic and struggled problems from memory, then by timed interview rehearsals.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::facts::{community, minutes_for, History, Needs, ProblemInfo};
use super::intake::{Intake, Level};
use super::interview;
use super::weakness::Profile;
use crate::community::signal::Signal;
use crate::knowledge::Progression;
use crate::problems::Difficulty;

/// A day is never planned shorter than this when the hours allow it (fewer, longer days instead).
pub const MIN_DAY_MINUTES: u32 = 45;
/// Interview rehearsals are this long.
pub const REHEARSAL_MINUTES: u32 = 45;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ItemKind {
    /// First time in the plan.
    #[default]
    New,
    /// Re-solve from memory.
    Review,
    /// Timed, like an interview.
    Rehearsal,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlannedProblem {
    pub slug: String,
    pub topic: String,
    pub difficulty: Difficulty,
    pub minutes: u32,
    pub reason: String,
    #[serde(default)]
    pub kind: ItemKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Day {
    /// 1-based within its week.
    pub day: u32,
    pub topic: String,
    pub difficulty: Difficulty,
    pub minutes: u32,
    pub reason: String,
    pub problems: Vec<PlannedProblem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Week {
    /// 1-based.
    pub week: u32,
    pub days: Vec<Day>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub weeks: Vec<Week>,
    pub daily_minutes: u32,
    pub weekly_minutes: u32,
    /// When it was made (Unix ms).
    pub created_ms: i64,
    /// Topics left out and why (mastered, no bundled problems).
    #[serde(default)]
    pub skipped: Vec<String>,
    #[serde(default)]
    pub notes: Vec<String>,
}

/// Everything a plan is made from.
pub struct PlanInputs<'a> {
    pub intake: &'a Intake,
    pub weakness: &'a Profile,
    pub progression: &'a Progression,
    pub catalog: &'a [ProblemInfo],
    pub history: &'a History,
    pub community: &'a HashMap<String, Signal>,
    pub now_ms: i64,
}

/// The days a week and the minutes per day a plan uses for `intake`.
pub fn budget(intake: &Intake) -> (u32, u32) {
    let weekly = intake.weekly_minutes();
    let days = (weekly / MIN_DAY_MINUTES).clamp(1, u32::from(intake.days_per_week.max(1)));
    (days, weekly / days)
}

impl PlanInputs<'_> {
    /// Whether the profile's list (if it keeps to one) holds `p`.
    pub fn in_scope(&self, p: &ProblemInfo) -> bool {
        self.intake.list.as_ref().is_none_or(|l| p.lists.contains(l))
    }

    pub fn needs(&self) -> Needs {
        Needs::build(Some(self.intake), self.weakness, self.history, self.progression)
    }

    /// Topics in the order a plan takes them: weak first (heaviest need, then progression order), then the
    /// others in progression order; mastered topics and topics without bank problems are left out.
    pub fn topic_order(&self, needs: &Needs) -> (Vec<String>, Vec<String>) {
        let known: HashSet<&str> = self.catalog.iter().filter(|p| self.in_scope(p)).map(|p| p.slug.as_str()).collect();
        let mut skipped = Vec::new();
        let mut weak = Vec::new();
        let mut rest = Vec::new();
        for (pos, t) in self.progression.topics.iter().enumerate() {
            if !t.problems.iter().any(|s| known.contains(s.as_str())) {
                skipped.push(format!("{}: no bundled problems yet", t.name));
            } else if needs.is_weak(&t.name) {
                weak.push((needs.weight(&t.name), pos, t.name.clone()));
            } else if needs.mastered.contains(&t.name) {
                skipped.push(format!("{}: mastered", t.name));
            } else {
                rest.push(t.name.clone());
            }
        }
        weak.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let order = weak.into_iter().map(|(_, _, n)| n).chain(rest).collect();
        (order, skipped)
    }
}

fn round5(m: u32) -> u32 {
    (m.div_ceil(5) * 5).max(10)
}

/// The offline planner; see the module docs.
pub fn plan_offline(inp: &PlanInputs<'_>) -> Plan {
    let needs = inp.needs();
    let (order, skipped) = inp.topic_order(&needs);
    let (days_per_week, daily) = budget(inp.intake);
    let info: HashMap<&str, &ProblemInfo> =
        inp.catalog.iter().filter(|p| inp.in_scope(p)).map(|p| (p.slug.as_str(), p)).collect();
    let beginner = inp.intake.level == Level::Beginner;
    let mut queue: Vec<PlannedProblem> = Vec::new();
    let mut deferred: Vec<PlannedProblem> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for topic in &order {
        let Some(t) = inp.progression.topic(topic) else { continue };
        let weak = needs.is_weak(topic);
        let mut items: Vec<(f64, usize, PlannedProblem, bool)> = Vec::new();
        for (i, slug) in t.problems.iter().enumerate() {
            let Some(p) = info.get(slug.as_str()) else { continue };
            if inp.history.get(slug).is_some_and(|r| r.clean_first) || !seen.insert(p.slug.as_str()) {
                continue;
            }
            let mut why = vec![match needs.why.get(topic) {
                Some(w) if weak => format!("weak topic {topic}: {w}"),
                _ => format!("{} in the progression", t.title),
            }];
            if let Some(wp) = needs.pattern_for(slug) {
                let phrase = format!("practises {}", wp.kind);
                if !why.iter().any(|w| w.contains(&phrase)) {
                    why.push(phrase);
                }
            }
            if inp.history.get(slug).is_some_and(|r| !r.solved()) {
                why.push("not solved yet".into());
            }
            let c = community(inp.community.get(slug), beginner || weak);
            if let Some(c) = &c {
                why.push(c.why.clone());
            }
            let defer = c.as_ref().is_some_and(|c| c.defer) || (beginner && p.difficulty == Difficulty::Hard);
            if defer {
                why.push("saved for later".into());
            }
            // Solved before, but not cleanly: planned as a review straight away.
            let kind = match inp.history.get(slug) {
                Some(r) if r.not_optimal() => {
                    why.insert(0, format!("review: solved, not optimal; re-solve it in {}", p.optimal_time));
                    ItemKind::Review
                }
                Some(r) if r.solved() => {
                    let tries = if r.attempts == 1 {
                        "with hints".to_string()
                    } else {
                        format!("after {} attempts", r.attempts)
                    };
                    why.insert(0, format!("review: solved {tries}"));
                    ItemKind::Review
                }
                _ => ItemKind::New,
            };
            let item = PlannedProblem {
                slug: p.slug.clone(),
                topic: topic.clone(),
                difficulty: p.difficulty,
                minutes: minutes_for(p.difficulty),
                reason: why.join("; "),
                kind,
            };
            // Earlier in the progression first; community favour moves a problem up to one place.
            items.push((i as f64 - c.map_or(0.0, |c| c.favour * 1.5), i, item, defer));
        }
        items.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        for (_, _, item, defer) in items {
            if defer {
                deferred.push(item);
            } else {
                queue.push(item);
            }
        }
    }
    let held_back: HashSet<&str> = deferred.iter().map(|i| i.slug.as_str()).collect();
    let rehearsable = rehearsal_candidates(&queue, &held_back, inp, interview::level_difficulty(inp.intake.level));
    queue.extend(deferred.iter().cloned());
    let mut notes = Vec::new();
    let too_long: Vec<&str> = queue.iter().filter(|i| i.minutes > daily).map(|i| i.slug.as_str()).collect();
    if !too_long.is_empty() {
        notes.push(format!(
            "left out (longer than a {daily}-minute day): {}; more hours per week make room",
            dedup(&too_long).join(", ")
        ));
    }
    let topic_reasons = topic_reasons(inp, &needs, &order);
    // About one day in ten, at the end, is a timed interview rehearsal on a problem the learner has not seen:
    // held back from the new problems (never planned twice, never tried before), at the level's difficulty.
    let total_days = (inp.intake.timeline_weeks * days_per_week) as usize;
    let count = if REHEARSAL_MINUTES <= daily { (total_days / 10).min(rehearsable.len()) } else { 0 };
    let held: HashSet<&str> = rehearsable[..count].iter().map(String::as_str).collect();
    let (firsts, out): (Vec<PlannedProblem>, Vec<PlannedProblem>) =
        queue.iter().cloned().partition(|i| !held.contains(i.slug.as_str()));
    let rehearsals: Vec<PlannedProblem> = out.into_iter().map(rehearsal).collect();
    // New problems; then the weak topics' new problems re-solved from memory; then, when the bank runs out
    // before the timeline, the other topics' too.
    let mut main = with_reviews(&firsts, |t| needs.is_weak(t));
    main.extend(with_reviews(&firsts, |t| !needs.is_weak(t)).split_off(firsts.len()));
    main.retain(|i| i.minutes <= daily);
    let mut days = lay_days(&main, total_days - rehearsals.len(), daily, &topic_reasons);
    days.extend(lay_days(&rehearsals, rehearsals.len(), daily, &topic_reasons));
    let weeks = into_weeks(days, days_per_week);
    if weeks.len() < inp.intake.timeline_weeks as usize {
        notes.push(
            "the bank's problems are all planned before the timeline ends; use the rest for interview mode".into(),
        );
    }
    Plan { weeks, daily_minutes: daily, weekly_minutes: daily * days_per_week, created_ms: inp.now_ms, skipped, notes }
}

/// `queue` followed by a review (re-solve from memory) of each new problem whose topic `pick`s.
fn with_reviews(queue: &[PlannedProblem], pick: impl Fn(&str) -> bool) -> Vec<PlannedProblem> {
    let mut out = queue.to_vec();
    for item in queue {
        if item.kind == ItemKind::New && pick(&item.topic) {
            out.push(PlannedProblem {
                minutes: round5(item.minutes * 3 / 4),
                reason: format!("review: re-solve {} from memory", item.slug),
                kind: ItemKind::Review,
                ..item.clone()
            });
        }
    }
    out
}

/// The item as a timed interview rehearsal.
fn rehearsal(item: PlannedProblem) -> PlannedProblem {
    PlannedProblem {
        minutes: REHEARSAL_MINUTES,
        reason: format!(
            "interview rehearsal: an unseen {} {} problem, {REHEARSAL_MINUTES} min timed, no hints",
            item.difficulty.as_str(),
            item.topic
        ),
        kind: ItemKind::Rehearsal,
        ..item
    }
}

/// Problems that may be held back for rehearsals, best first: new in the plan, never tried, at the level's
/// difficulty, not deferred; one per topic in plan order (weak topics first), the last of each topic (the
/// most advanced) first, then round again.
fn rehearsal_candidates(
    queue: &[PlannedProblem],
    deferred: &HashSet<&str>,
    inp: &PlanInputs<'_>,
    want: Difficulty,
) -> Vec<String> {
    let mut per_topic: Vec<(&str, Vec<&str>)> = Vec::new();
    for item in queue {
        if item.kind != ItemKind::New
            || item.difficulty != want
            || inp.history.get(&item.slug).is_some()
            || deferred.contains(item.slug.as_str())
        {
            continue;
        }
        match per_topic.iter_mut().find(|(t, _)| *t == item.topic) {
            Some((_, v)) => v.push(item.slug.as_str()),
            None => per_topic.push((item.topic.as_str(), vec![item.slug.as_str()])),
        }
    }
    let mut out = Vec::new();
    while per_topic.iter().any(|(_, v)| !v.is_empty()) {
        for (_, v) in per_topic.iter_mut() {
            out.extend(v.pop().map(str::to_string));
        }
    }
    out
}

/// Why each planned topic is studied, for its days' reasons: the need when it is weak, its place in the
/// progression otherwise.
fn topic_reasons(inp: &PlanInputs<'_>, needs: &Needs, order: &[String]) -> HashMap<String, String> {
    order
        .iter()
        .map(|t| {
            let title = inp.progression.topic(t).map_or(t.as_str(), |x| x.title.as_str());
            let why = match needs.why.get(t) {
                Some(w) if needs.is_weak(t) => format!("{title}, a weak topic: {w}"),
                _ => format!("{title}, next in the progression"),
            };
            (t.clone(), why)
        })
        .collect()
}

fn dedup<'a>(v: &[&'a str]) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for s in v {
        if !out.contains(s) {
            out.push(s);
        }
    }
    out
}

/// The fewest practice days between meeting a problem and reviewing it: re-solving it the next day tests
/// short-term memory, not recall.
const REVIEW_GAP_DAYS: usize = 3;

/// Lays `queue` out in order over at most `max_days` days of at most `daily` minutes, one topic a day: a day
/// ends when the next item is of another topic (or does not fit). A day with room left takes, from later in
/// the queue, reviews of its own topic's problems first met [`REVIEW_GAP_DAYS`] or more days before, so that
/// a topic's last day is not half empty. A day's reason is its topic's (`reasons`),
/// saying what kind of work the day is when it is all reviews or all rehearsals. Days are numbered later.
fn lay_days(queue: &[PlannedProblem], max_days: usize, daily: u32, reasons: &HashMap<String, String>) -> Vec<Day> {
    let mut q: Vec<Option<&PlannedProblem>> = queue.iter().map(Some).collect();
    // The day (index) each problem was first laid on.
    let mut met: HashMap<String, usize> = HashMap::new();
    let mut pos = 0;
    let mut out = Vec::new();
    while out.len() < max_days {
        let mut items: Vec<PlannedProblem> = Vec::new();
        let mut used = 0;
        while pos < q.len() {
            let Some(next) = q[pos] else {
                pos += 1;
                continue;
            };
            if used + next.minutes > daily || items.first().is_some_and(|f| f.topic != next.topic) {
                break;
            }
            used += next.minutes;
            items.push(next.clone());
            pos += 1;
        }
        let Some(topic) = items.first().map(|f| f.topic.clone()) else { break };
        for slot in q.iter_mut().skip(pos) {
            let Some(item) = *slot else { continue };
            // Spaced: a review comes REVIEW_GAP_DAYS or more after the problem was first met, never as filler.
            let earlier = met.get(&item.slug).is_some_and(|d| d + REVIEW_GAP_DAYS <= out.len());
            if item.kind == ItemKind::Review && item.topic == topic && earlier && used + item.minutes <= daily {
                used += item.minutes;
                items.push(item.clone());
                *slot = None;
            }
        }
        for i in &items {
            met.entry(i.slug.clone()).or_insert(out.len());
        }
        let mut day = make_day(0, items);
        let base = reasons.get(&day.topic).cloned().unwrap_or_else(|| day.topic.clone());
        day.reason = match day.problems.iter().map(|p| p.kind).reduce(|a, b| if a == b { a } else { ItemKind::New }) {
            Some(ItemKind::Review) => format!("{base}; re-solve from memory"),
            Some(ItemKind::Rehearsal) => format!("{base}; timed interview rehearsal on an unseen problem"),
            _ => base,
        };
        out.push(day);
    }
    out
}

/// Days grouped `per_week` to a week, weeks and days numbered from 1.
fn into_weeks(days: Vec<Day>, per_week: u32) -> Vec<Week> {
    let mut weeks: Vec<Week> = Vec::new();
    for (i, mut day) in days.into_iter().enumerate() {
        let (w, d) = (i as u32 / per_week.max(1), i as u32 % per_week.max(1));
        day.day = d + 1;
        if d == 0 {
            weeks.push(Week { week: w + 1, days: Vec::new() });
        }
        if let Some(week) = weeks.last_mut() {
            week.days.push(day);
        }
    }
    weeks
}

/// A day from its problems: topic and difficulty of the bulk of it, minutes summed, a reason.
pub fn make_day(day: u32, problems: Vec<PlannedProblem>) -> Day {
    let mut per_topic: BTreeMap<&str, u32> = BTreeMap::new();
    for p in &problems {
        *per_topic.entry(p.topic.as_str()).or_default() += p.minutes;
    }
    let topic = per_topic.iter().max_by_key(|(_, m)| **m).map(|(t, _)| t.to_string()).unwrap_or_default();
    let difficulty = problems.iter().map(|p| p.difficulty).max().unwrap_or(Difficulty::Easy);
    let minutes = problems.iter().map(|p| p.minutes).sum();
    let reason = problems.first().map(|p| p.reason.clone()).unwrap_or_default();
    Day { day, topic, difficulty, minutes, reason, problems }
}

impl Plan {
    /// Every item in order, with its week and day.
    pub fn items(&self) -> impl Iterator<Item = (u32, u32, &PlannedProblem)> {
        self.weeks
            .iter()
            .flat_map(|w| w.days.iter().flat_map(move |d| d.problems.iter().map(move |p| (w.week, d.day, p))))
    }

    /// Checks the invariants in the module docs against `intake` and the known slugs.
    pub fn check(&self, intake: &Intake, known: &HashSet<&str>) -> Result<(), String> {
        let (days_per_week, daily) = budget(intake);
        if self.weeks.is_empty() || self.weeks.len() > intake.timeline_weeks as usize {
            return Err(format!("the plan has {} weeks; give 1 to {}", self.weeks.len(), intake.timeline_weeks));
        }
        for w in &self.weeks {
            if w.days.len() > days_per_week as usize {
                return Err(format!("week {} has {} days; at most {days_per_week}", w.week, w.days.len()));
            }
            let mut week_total = 0;
            for d in &w.days {
                let sum: u32 = d.problems.iter().map(|p| p.minutes).sum();
                if d.problems.is_empty() {
                    return Err(format!("week {} day {} has no problems", w.week, d.day));
                }
                if sum != d.minutes {
                    return Err(format!(
                        "week {} day {}: minutes is {} but its problems add up to {sum}",
                        w.week, d.day, d.minutes
                    ));
                }
                if sum > daily {
                    return Err(format!(
                        "week {} day {}: {sum} minutes overflow the {daily}-minute day ({} h over {days_per_week} days)",
                        w.week, d.day, intake.hours_per_week
                    ));
                }
                week_total += sum;
                for p in &d.problems {
                    if !known.contains(p.slug.as_str()) {
                        return Err(format!("week {} day {}: unknown problem `{}`", w.week, d.day, p.slug));
                    }
                    if p.topic != d.topic {
                        let a = if d.topic.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
                        return Err(format!(
                            "week {} day {}: `{}` is a {} problem on {a} {} day; keep one topic a day",
                            w.week, d.day, p.slug, p.topic, d.topic
                        ));
                    }
                    if p.minutes == 0 {
                        return Err(format!("week {} day {}: `{}` has 0 minutes", w.week, d.day, p.slug));
                    }
                }
            }
            if week_total > intake.weekly_minutes() {
                return Err(format!(
                    "week {} has {week_total} minutes, over the {} h a week",
                    w.week, intake.hours_per_week
                ));
            }
        }
        Ok(())
    }
}

/// Progress on one topic of a plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicProgress {
    pub topic: String,
    pub done: u32,
    pub planned: u32,
}

/// Where the learner is against a plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanProgress {
    pub done: u32,
    pub planned: u32,
    /// done / planned (0 for an empty plan).
    pub fraction: f64,
    pub topics: Vec<TopicProgress>,
    /// The first day with work left, as (week, day); None when everything is done.
    pub current_week: Option<u32>,
    pub current_day: Option<u32>,
    /// Days since the plan was made.
    pub days_elapsed: i64,
}

/// Per item of [`Plan::items`], in order, whether it is done: the k-th occurrence of a problem in the plan
/// is done when the problem has at least k accepted submissions made since the plan was (problems solved
/// cleanly before are not planned).
pub fn done_items(plan: &Plan, history: &History) -> Vec<bool> {
    let mut used: HashMap<&str, usize> = HashMap::new();
    plan.items()
        .map(|(_, _, item)| {
            let after =
                history.get(&item.slug).map_or(0, |r| r.accepted_at.iter().filter(|t| **t >= plan.created_ms).count());
            let n = used.entry(item.slug.as_str()).or_default();
            *n += 1;
            *n <= after
        })
        .collect()
}

/// Progress against `plan`, by the rule of [`done_items`].
pub fn progress(plan: &Plan, history: &History, now_ms: i64) -> PlanProgress {
    let mut topics: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
    let (mut done, mut planned) = (0u32, 0u32);
    let mut current = None;
    for ((w, d, item), is_done) in plan.items().zip(done_items(plan, history)) {
        let t = topics.entry(item.topic.as_str()).or_default();
        t.1 += 1;
        planned += 1;
        if is_done {
            t.0 += 1;
            done += 1;
        } else if current.is_none() {
            current = Some((w, d));
        }
    }
    PlanProgress {
        done,
        planned,
        fraction: if planned == 0 { 0.0 } else { f64::from(done) / f64::from(planned) },
        topics: topics
            .into_iter()
            .map(|(t, (d, p))| TopicProgress { topic: t.to_string(), done: d, planned: p })
            .collect(),
        current_week: current.map(|c| c.0),
        current_day: current.map(|c| c.1),
        days_elapsed: (now_ms - plan.created_ms).max(0) / 86_400_000,
    }
}
