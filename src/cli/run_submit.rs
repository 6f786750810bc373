//! `codify run` and `codify submit`: one code path (run is submit with the public tests only, recording
//! nothing).

use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::output::{clip, format_input, print_json, Style};
use super::{find, Ctx, Failure};
use crate::fmt::terminal_safe;
use crate::judge::{CaseReport, Report, RunOptions, Verdict};
use crate::solution::read_solution;
use crate::store::NewSubmission;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Public tests only; nothing recorded.
    Run,
    /// Every test; the submission is recorded.
    Submit,
}

#[derive(Serialize)]
struct SubmitJson<'a> {
    #[serde(flatten)]
    report: &'a Report,
    analysis: &'a crate::analysis::Analysis,
    /// The smallest failing input found (wrong answers and crashes).
    #[serde(skip_serializing_if = "Option::is_none")]
    counterexample: Option<&'a crate::analysis::Counterexample>,
    /// What the diagnosis of a failure tried and found (the fixes' `change` is the edit itself).
    #[serde(skip_serializing_if = "Option::is_none")]
    diagnosis: Option<&'a crate::diagnose::Diagnosis>,
    /// A short explanation of the findings (submit only): by the model when one is configured, else offline.
    #[serde(skip_serializing_if = "Option::is_none")]
    feedback: Option<crate::coach::Feedback>,
    #[serde(skip_serializing_if = "Option::is_none")]
    submission_id: Option<i64>,
    /// Milestones this submission earned (submit only; docs/LEARNER.md, "Milestones").
    #[serde(skip_serializing_if = "Option::is_none")]
    milestones: Option<Vec<crate::learner::milestones::Milestone>>,
}

/// How `run`/`submit` was asked for.
pub struct Options {
    pub json: bool,
    /// Every case, not stopping at the first failure.
    pub all: bool,
    /// Exit status [`NOT_ACCEPTED`] when the verdict is not accepted.
    pub exit_status: bool,
    pub mode: Mode,
}

/// The exit status of `--exit-status` for a verdict other than accepted (2 is "could not run").
pub const NOT_ACCEPTED: u8 = 1;

pub fn judge(ctx: &Ctx, slug: &str, file: &Path, opts: &Options) -> Result<ExitCode, Failure> {
    let Options { json, all, exit_status, mode } = *opts;
    // Only the one problem is loaded, and the interpreter is started before anything else so that its
    // start-up overlaps reading the solution, parsing the tests and opening the database.
    let problem = match crate::problems::load_one(slug, &ctx.config.problem_dirs) {
        Some(p) => p?,
        None => return Err(find(&ctx.bank(), slug).err().unwrap_or_else(|| Failure(format!("no problem `{slug}`")))),
    };
    let judge = ctx.judge()?;
    let pending = judge.start(&problem);
    let code = read_solution(file)?;
    let mut tests = problem.tests()?;
    if mode == Mode::Run {
        tests.retain(|t| !t.hidden);
    }
    let store = match mode {
        Mode::Submit => Some(ctx.store()?),
        Mode::Run => None,
    };
    let opts = RunOptions { stop_at_first_failure: !all && ctx.config.judge.stop_at_first_failure, cancel: None };
    let report = pending.run(&judge, &tests, &code, &opts)?;
    report.log(if mode == Mode::Run { "run" } else { "submit" });
    let diagnose = crate::diagnose::DiagnoseOptions::from_config(&ctx.config.judge);
    let (evidence, diagnosis) = crate::diagnose::evidence(&judge, &problem, &tests, &code, &report, diagnose.as_ref());
    let analysis = crate::analysis::analyze(&code, &super::analyze::context_for(Some(&problem), Some(&evidence)));
    let submission_id = match &store {
        Some(store) => {
            let hints_used = store.hints_used(&problem.slug)?;
            let sub = NewSubmission { code: &code, report: &report, analysis: Some(&analysis), hints_used };
            Some(store.record_submission(&sub, crate::clock::now_ms())?)
        }
        None => None,
    };
    let milestones = store.as_ref().map(|store| earned_now(ctx, store));
    let feedback = store
        .as_ref()
        .map(|store| crate::coach::feedback_blocking(&ctx.config.llm, store, &problem, &code, &report, &analysis));
    if json {
        let counterexample = evidence.counterexample.as_ref();
        let diagnosis = diagnosis.as_ref();
        print_json(&SubmitJson {
            report: &report,
            analysis: &analysis,
            counterexample,
            diagnosis,
            feedback,
            submission_id,
            milestones: milestones.clone(),
        })?;
    } else {
        print_report(&report, mode);
        if let Some(c) = &evidence.counterexample {
            print_counterexample(c, &problem);
        }
        if report.compile_error.is_none() {
            println!();
            super::analyze::print_analysis(&analysis, &Style::detect(), report.verdict != Verdict::Accepted);
            if let Some(said) = diagnosis.as_ref().and_then(|d| d.summary()) {
                println!("\n{}", Style::detect().dim(&said));
            }
        }
        if let Some(f) = feedback.filter(|f| !f.text.trim().is_empty()) {
            println!("\n{}", f.text.trim_end());
            if report.verdict != Verdict::Accepted {
                println!("Stuck? `codify hint {} --file {}` gives the next hint.", problem.slug, file.display());
            }
        }
        if let Some(m) = milestones.as_ref().filter(|m| !m.is_empty()) {
            println!();
            super::milestones::print_earned(m, &Style::detect());
        }
    }
    if let (Some(store), Some(m)) = (&store, &milestones) {
        // Printed either way: a milestone not marked is announced again next time, nothing worse.
        let _ = store.mark_milestones_shown(&m.iter().map(|m| m.id.clone()).collect::<Vec<_>>());
    }
    if exit_status && report.verdict != Verdict::Accepted {
        return Ok(ExitCode::from(NOT_ACCEPTED));
    }
    Ok(ExitCode::SUCCESS)
}

/// The milestones not announced yet, this submission's among them (best effort: a milestone that cannot be
/// worked out now is announced by the next command that can).
fn earned_now(ctx: &Ctx, store: &crate::store::Store) -> Vec<crate::learner::milestones::Milestone> {
    let bank = crate::problems::Bank::load(&ctx.config.problem_dirs);
    store.sync_milestones_for(&bank, crate::clock::now_ms()).unwrap_or_default()
}

fn verdict_style(s: &Style, v: Verdict) -> String {
    match v {
        Verdict::Accepted => s.green(&s.bold(v.title())),
        Verdict::InternalError => s.yellow(&s.bold(v.title())),
        _ => s.red(&s.bold(v.title())),
    }
}

pub fn print_report(r: &Report, mode: Mode) {
    let s = Style::detect();
    let what = if mode == Mode::Run { "example tests" } else { "tests" };
    println!(
        "{}  ·  {}  ·  {}/{} {what} passed  ·  {:.1} ms",
        verdict_style(&s, r.verdict),
        r.problem,
        r.passed,
        r.total,
        r.runtime_ms
    );
    if let Some(ce) = &r.compile_error {
        let at = match (ce.line, ce.col) {
            (Some(l), Some(c)) => format!("line {l}, column {c}: "),
            (Some(l), None) => format!("line {l}: "),
            _ => String::new(),
        };
        println!("  {at}{}", terminal_safe(&ce.message));
        if let (Some(text), Some(line)) = (&ce.text, ce.line) {
            println!("  {} | {}", s.dim(&format!("{line:>4}")), terminal_safe(text));
            if let Some(col) = ce.col {
                println!("         {}{}", " ".repeat(col.saturating_sub(1) as usize), s.red("^"));
            }
        }
        return;
    }
    if mode == Mode::Run {
        for c in &r.cases {
            print_case(&s, c);
        }
    } else {
        let marks: Vec<String> = r.cases.iter().map(|c| if c.passed { s.green("✓") } else { s.red("✗") }).collect();
        if !marks.is_empty() {
            println!("  {}", marks.join(" "));
        }
        if let Some(c) = r.failing_case() {
            print_case(&s, c);
        }
    }
    let shown_in_case = r.failing_case().is_some_and(|c| c.error.is_some() || c.verdict == Verdict::WrongAnswer);
    if r.verdict != Verdict::Accepted && !shown_in_case {
        if let Some(m) = &r.message {
            println!("  {}", s.yellow(&terminal_safe(m)));
        }
    }
}

/// The smallest failing input the diagnosis found, with what is special about it.
fn print_counterexample(c: &crate::analysis::Counterexample, _problem: &crate::problems::Problem) {
    let s = Style::detect();
    let edges: Vec<&str> = c.edges.iter().map(|e| e.as_str()).collect();
    let what = if edges.is_empty() { String::new() } else { format!(" ({})", edges.join(", ")) };
    let from = if c.source == "generated" { String::new() } else { format!("  {}", s.dim(&c.source)) };
    println!("\n{}{what}{from}", s.bold("Smallest failing input found"));
    println!("  input:     {}", format_input(&c.input, 300));
    println!("  expected:  {}", clip(&c.expected.to_string(), 300));
    match &c.error {
        Some(e) => println!("  actual:    {}", s.red(&terminal_safe(e))),
        None => println!("  actual:    {}", clip(&c.actual.to_string(), 300)),
    }
}

fn print_case(s: &Style, c: &CaseReport) {
    let mark = if c.passed { s.green("✓") } else { s.red("✗") };
    let mut tags = vec![];
    if c.hidden {
        tags.push("hidden".to_string());
    }
    if let Some(e) = c.edge {
        tags.push(format!("edge: {}", e.as_str()));
    }
    let tags = if tags.is_empty() { String::new() } else { format!(" ({})", tags.join(" · ")) };
    let verdict = if c.passed { String::new() } else { format!(" — {}", c.verdict.title()) };
    println!("\n{mark} case {}{tags}{verdict}  {}", c.id, s.dim(&format!("{:.2} ms", c.ms)));
    if c.input.is_null() && c.hidden && !c.passed {
        println!(
            "  {}",
            s.dim("a hidden test: its data stays hidden; a smallest failing input, when one is found, follows")
        );
    }
    if !c.input.is_null() {
        println!("  input:     {}", format_input(&c.input, 300));
        println!("  expected:  {}", clip(&c.expected.to_string(), 300));
        if c.error.is_none() && c.verdict != Verdict::TimeLimitExceeded {
            println!("  actual:    {}", clip(&c.actual.to_string(), 300));
        }
    }
    if let Some(e) = &c.error {
        // The solution's own text (messages, output) is shown, never obeyed by the terminal.
        println!("  {}", s.red(&terminal_safe(&e.message)));
        for line in e.traceback.lines() {
            println!("  {}", terminal_safe(line));
        }
    }
    if !c.stdout.is_empty() {
        println!("  stdout:");
        for line in clip(&c.stdout, 1200).lines().take(20) {
            println!("    {}", s.dim(&terminal_safe(line)));
        }
        if c.stdout_truncated {
            println!("    {}", s.dim("… (more output was cut)"));
        }
    }
}
