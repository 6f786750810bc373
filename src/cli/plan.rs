//! `codify plan [--json]`: the active profile's plan with progress (made on first use), and
//! `codify plan regenerate`: follow-up questions, answers kept with the profile, then a new plan. Plans come
//! from the model when one is configured (validated strictly, retried once) or from the offline planner;
//! the output says which and why.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use serde::Serialize;

use super::output::{print_json, Style};
use super::{Ctx, Failure};
use crate::coach::planner::{latest_or_new, PlanOutcome};
use crate::learner::plan::{progress, ItemKind, Plan, PlanProgress};
use crate::learner::Snapshot;
use crate::store::{PlanSource, Store, StoredProfile};

#[derive(Args, Debug)]
#[command(args_conflicts_with_subcommands = true)]
pub struct PlanArgs {
    #[command(subcommand)]
    pub action: Option<PlanAction>,
    /// Print JSON instead of text (one document, for scripts).
    #[arg(long)]
    pub json: bool,
    /// Use the offline planner even when a model is configured.
    #[arg(long)]
    pub offline: bool,
}

#[derive(Subcommand, Debug)]
pub enum PlanAction {
    /// Answer a few follow-up questions (or pass them as flags) and make a new plan.
    Regenerate {
        /// What felt hardest so far (a topic, a mistake pattern or free text).
        #[arg(long)]
        hardest: Option<String>,
        /// New hours per week.
        #[arg(long)]
        hours: Option<f64>,
        /// Anything to focus on or avoid.
        #[arg(long)]
        focus: Option<String>,
        /// Print JSON instead of text (one document, for scripts).
        #[arg(long)]
        json: bool,
        /// Use the offline planner even when a model is configured.
        #[arg(long)]
        offline: bool,
    },
}

pub use crate::learner::intake::FOLLOW_UP as QUESTIONS;

#[derive(Serialize)]
struct PlanJson<'a> {
    profile: &'a str,
    source: PlanSource,
    offline_reason: Option<&'a str>,
    offline_code: Option<&'a str>,
    rejected: &'a [String],
    model: Option<&'a str>,
    created_ms: i64,
    plan: &'a Plan,
    progress: PlanProgress,
}

pub fn run(ctx: &Ctx, args: PlanArgs) -> Result<ExitCode, Failure> {
    let store = ctx.store()?;
    let bank = ctx.bank();
    let now = crate::clock::now_ms();
    let mut profile = super::profile::resolve(&store, None)?;
    let (json, offline, fresh) = match args.action {
        None => (args.json, args.offline, false),
        Some(PlanAction::Regenerate { hardest, hours, focus, json, offline }) => {
            regenerate_answers(&store, &mut profile, [hardest, hours.map(|h| h.to_string()), focus], now)?;
            (json, offline, true)
        }
    };
    let snap = Snapshot::load(&store, &bank, now)?;
    let inputs = snap.plan_inputs(&profile.intake);
    let (outcome, _) = latest_or_new(&ctx.config.llm, &store, &profile, &inputs, fresh, offline)?;
    let prog = progress(&outcome.plan, &snap.history, now);
    if json {
        print_json(&PlanJson {
            profile: &profile.name,
            source: outcome.source,
            offline_reason: outcome.offline_reason.as_deref(),
            offline_code: outcome.offline_code.as_deref(),
            rejected: &outcome.rejected,
            model: outcome.model.as_deref(),
            created_ms: outcome.plan.created_ms,
            plan: &outcome.plan,
            progress: prog,
        })?;
    } else {
        render(&profile, &outcome, &prog, &snap);
    }
    Ok(ExitCode::SUCCESS)
}

/// Asks the follow-up questions (on a terminal when no answer was passed), records the answers with the
/// profile, and folds them in: new hours, and a hardest thing that names a topic or pattern becomes a
/// declared weakness.
fn regenerate_answers(
    store: &Store,
    profile: &mut StoredProfile,
    given: [Option<String>; 3],
    now: i64,
) -> Result<(), Failure> {
    let interactive = given.iter().all(Option::is_none) && std::io::stdin().is_terminal();
    let mut intake = profile.intake.clone();
    let mut answers: [Option<String>; 3] = Default::default();
    for (i, (q, a)) in QUESTIONS.iter().zip(given).enumerate() {
        let answer = match a {
            Some(a) => a,
            None if interactive => super::profile::prompt(q, |s| Ok(s.to_string()))?,
            None => continue,
        };
        answers[i] = Some(answer);
    }
    let prog = crate::knowledge::progression().map_err(|e| Failure(e.to_string()))?;
    intake.apply_follow_up(&answers, now, &prog).map_err(Failure)?;
    store.update_profile(&profile.name, &intake, &intake.embedding())?;
    profile.intake = intake;
    Ok(())
}

fn render(profile: &StoredProfile, o: &PlanOutcome, prog: &PlanProgress, snap: &Snapshot) {
    let s = Style::detect();
    let plan = &o.plan;
    let days = plan.weeks.first().map_or(0, |w| w.days.len());
    println!(
        "{}  {} weeks · up to {} days a week · {} min a day",
        s.bold(&format!("Plan for {}", profile.name)),
        plan.weeks.len(),
        days,
        plan.daily_minutes
    );
    match (&o.source, &o.offline_reason) {
        (PlanSource::Llm, _) => println!("{}", s.dim(&format!("by the model {}", o.model.as_deref().unwrap_or("")))),
        (PlanSource::Offline, Some(r)) => println!("{}", s.dim(&format!("offline planner: {r}"))),
        (PlanSource::Offline, None) => println!("{}", s.dim("offline planner")),
    }
    for r in &o.rejected {
        println!("{}", s.yellow(&format!("rejected model reply: {r}")));
    }
    let now = match (prog.current_week, prog.current_day) {
        (Some(w), Some(d)) => format!("now at week {w} day {d}"),
        _ => "all done".to_string(),
    };
    println!(
        "Progress {}/{} ({:.0}%) {} · {now}",
        prog.done,
        prog.planned,
        prog.fraction * 100.0,
        super::stats::bar(prog.fraction, 20)
    );
    let mut done_items = crate::learner::plan::done_items(plan, &snap.history).into_iter();
    for w in &plan.weeks {
        println!("\n{}", s.bold(&format!("Week {}", w.week)));
        for d in &w.days {
            println!(
                "  Day {}  {} · {} · {} min — {}",
                d.day,
                d.topic,
                d.difficulty.as_str(),
                d.minutes,
                s.dim(&crate::fmt::clip(&d.reason, 90))
            );
            for p in &d.problems {
                // The days are walked in `Plan::items` order, the order of `done_items`.
                let done = done_items.next().unwrap_or(false);
                let mark = if done { s.green("✓") } else { " ".into() };
                let kind = match p.kind {
                    ItemKind::New => "",
                    ItemKind::Review => " review",
                    ItemKind::Rehearsal => " rehearsal",
                };
                println!("    {mark} {:<44} {:<6} {:>3} min{kind}", p.slug, p.difficulty.as_str(), p.minutes);
            }
        }
    }
    for n in plan.skipped.iter().chain(&plan.notes) {
        println!("{}", s.dim(&format!("note: {n}")));
    }
}
