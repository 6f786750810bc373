//! The dashboard's data in one serialisable struct: `codify stats --json` prints it (the weakness profile's
//! fields stay at the top level, as before) and the TUI's dashboard renders it.

use std::collections::BTreeMap;

use serde::Serialize;

use super::next::{queue, NextItem};
use super::plan::{progress, PlanProgress};
use super::records::TopicReadinessRow;
use super::snapshot::Snapshot;
use super::weakness::Profile;
use crate::analysis::FindingKind;

const DAY_MS: i64 = 86_400_000;
/// Days of activity the calendar covers.
pub const CALENDAR_DAYS: i64 = 182;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MasteryLabel {
    pub kind: FindingKind,
    pub mastery: Option<f64>,
    /// `red` below 0.4, `yellow` below 0.7, `green` from 0.7, `none` when not seen.
    pub label: &'static str,
}

/// Below this a mastery or readiness is weak (`red`).
pub const WEAK: f64 = 0.4;
/// From this a mastery or readiness is strong (`green`); milestones use it for a mastered topic.
pub const STRONG: f64 = 0.7;

pub fn label(mastery: Option<f64>) -> &'static str {
    match mastery {
        None => "none",
        Some(m) if m < WEAK => "red",
        Some(m) if m < STRONG => "yellow",
        Some(_) => "green",
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendWeek {
    pub week_start_ms: i64,
    pub submissions: u32,
    pub accepted: u32,
    pub accept_rate: f64,
    /// Pattern occurrences per submission.
    pub findings_per_submission: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CalendarDay {
    /// `YYYY-MM-DD` in the local time zone.
    pub date: String,
    pub submissions: u32,
    pub accepted: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Streak {
    /// Days in a row with a submission, ending today (or yesterday, when today has none yet).
    pub current: u32,
    pub longest: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanSummary {
    pub source: super::records::PlanSource,
    pub created_ms: i64,
    pub progress: PlanProgress,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dashboard {
    #[serde(flatten)]
    pub weakness: Profile,
    pub active_profile: Option<String>,
    pub mastery: Vec<MasteryLabel>,
    /// The last 12 weeks with activity.
    pub trend: Vec<TrendWeek>,
    pub plan: Option<PlanSummary>,
    /// Days with activity in the last [`CALENDAR_DAYS`], oldest first.
    pub calendar: Vec<CalendarDay>,
    pub streak: Streak,
    pub verdicts: BTreeMap<String, u64>,
    pub reviews_due: u32,
    pub next: Vec<NextItem>,
    pub readiness: Vec<TopicReadinessRow>,
    /// Milestones earned, newest first.
    pub milestones: Vec<super::milestones::Milestone>,
}

fn date(day: i64) -> String {
    chrono::DateTime::from_timestamp(day * 86_400, 0).map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()
}

impl Dashboard {
    /// The dashboard from a snapshot.
    pub fn build(s: &Snapshot) -> Dashboard {
        let verdicts = &s.verdicts;
        let w = &s.weakness;
        let mastery = w
            .patterns
            .iter()
            .map(|p| MasteryLabel { kind: p.kind, mastery: p.mastery, label: label(p.mastery) })
            .collect();
        let trend = w
            .weeks
            .iter()
            .rev()
            .take(12)
            .rev()
            .map(|wk| TrendWeek {
                week_start_ms: wk.week_start_ms,
                submissions: wk.submissions,
                accepted: wk.accepted,
                accept_rate: round3(f64::from(wk.accepted) / f64::from(wk.submissions.max(1))),
                findings_per_submission: round3(
                    f64::from(wk.patterns.iter().sum::<u32>()) / f64::from(wk.submissions.max(1)),
                ),
            })
            .collect();
        let today = (s.now_ms + i64::from(s.utc_offset_s) * 1000).div_euclid(DAY_MS);
        let calendar = s
            .history
            .days
            .range(today - CALENDAR_DAYS + 1..=today)
            .map(|(d, (n, a))| CalendarDay { date: date(*d), submissions: *n, accepted: *a })
            .collect();
        let mut longest = 0u32;
        let mut run = 0u32;
        let mut prev: Option<i64> = None;
        for d in s.history.days.keys() {
            run = if prev == Some(d - 1) { run + 1 } else { 1 };
            longest = longest.max(run);
            prev = Some(*d);
        }
        let current = match prev {
            Some(last) if last >= today - 1 => run,
            _ => 0,
        };
        let plan = s.plan.as_ref().map(|p| PlanSummary {
            source: p.source,
            created_ms: p.created_ms,
            progress: progress(&p.plan, &s.history, s.now_ms),
        });
        Dashboard {
            weakness: w.clone(),
            active_profile: s.active.as_ref().map(|p| p.name.clone()),
            mastery,
            trend,
            plan,
            calendar,
            streak: Streak { current, longest },
            verdicts: verdicts.iter().map(|(k, v)| (k.clone(), *v)).collect(),
            reviews_due: s.cards.iter().filter(|c| c.is_due(s.now_ms)).count() as u32,
            next: queue(&s.next_inputs(), s.now_ms).into_iter().take(5).collect(),
            readiness: s.readiness.clone(),
            milestones: s.milestones.clone(),
        }
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
