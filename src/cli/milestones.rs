//! `codify milestones [--json]`: the milestones earned (newest first) and the next few to earn, with
//! progress. The rules are in docs/LEARNER.md ("Milestones").

use std::process::ExitCode;

use serde::Serialize;

use super::output::{print_json, Style};
use super::{Ctx, Failure};
use crate::learner::facts::ProblemInfo;
use crate::learner::milestones::{Milestone, Upcoming};
use crate::learner::snapshot::local_offset_s;

#[derive(Serialize)]
struct MilestonesJson {
    /// Newest first.
    earned: Vec<Milestone>,
    /// Furthest along first.
    next: Vec<Upcoming>,
}

pub fn milestones(ctx: &Ctx, json: bool) -> Result<ExitCode, Failure> {
    let store = ctx.store()?;
    let bank = ctx.bank();
    let catalog = ProblemInfo::from_bank(&bank);
    let progression = crate::knowledge::progression().unwrap_or_default();
    let (offset, now) = (local_offset_s(), crate::clock::now_ms());
    // Evaluated once: the stored milestones are brought up to date on the way.
    let next = store.milestone_evaluation(&catalog, &progression, offset, now)?.next;
    let earned = store.milestones()?;
    if json {
        print_json(&MilestonesJson { earned, next })?;
        return Ok(ExitCode::SUCCESS);
    }
    let s = Style::detect();
    if earned.is_empty() {
        println!("{}", s.dim("No milestones yet: your first accepted submission earns one."));
    } else {
        println!("{}  {} earned", s.bold("Milestones"), earned.len());
        for m in &earned {
            println!("  {} {}  {}", s.green("✓"), s.dim(&local_date(m.earned_ms)), s.bold(&m.title));
            println!("               {}", m.why);
        }
    }
    if !next.is_empty() {
        println!("\n{}", s.bold("Next to earn"));
        for u in &next {
            println!("  {:<32} {}", u.title, s.dim(&u.detail));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `YYYY-MM-DD` of a time in the local time zone.
fn local_date(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| t.with_timezone(&chrono::Local).format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// Prints milestones just earned, one line each.
pub fn print_earned(earned: &[Milestone], s: &Style) {
    for m in earned {
        println!("{} {}  {}", s.green("Milestone:"), s.bold(&m.title), s.dim(&m.why));
    }
}
