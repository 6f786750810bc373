//! `codify problems` and `codify problems validate`.

use std::process::ExitCode;

use serde::Serialize;
use serde_json::json;

use super::output::{print_json, Style};
use super::{Ctx, Failure};
use crate::complexity::Complexity;
use crate::judge::{Judge, RunOptions, Verdict};
use crate::problems::{Difficulty, Problem};
use crate::store::Status;

/// What `codify problems` shows: a topic, a difficulty and a list, each optional.
pub struct Filter {
    pub topic: Option<String>,
    pub difficulty: Option<String>,
    pub list: Option<String>,
}

pub fn list(ctx: &Ctx, filter: &Filter, json_out: bool) -> Result<ExitCode, Failure> {
    let topic = filter.topic.as_deref();
    let difficulty = match filter.difficulty.as_deref() {
        Some(d) => Some(
            Difficulty::parse(d)
                .ok_or_else(|| Failure(format!("--difficulty `{d}` is not one of easy, medium, hard")))?,
        ),
        None => None,
    };
    let list = filter.list.as_deref();
    if let Some(l) = list {
        if !crate::problems::LISTS.contains(&l) {
            return Err(Failure(format!("--list `{l}` is not one of {}", crate::problems::LISTS.join(", "))));
        }
    }
    let bank = ctx.bank();
    if let Some(t) = topic {
        if !bank.all().iter().any(|p| p.topic == t) {
            let mut topics: Vec<&str> = bank.all().iter().map(|p| p.topic.as_str()).collect();
            topics.dedup();
            return Err(Failure(format!("--topic `{t}` matches no problem; topics: {}", topics.join(", "))));
        }
    }
    let progress = ctx.store()?.progress()?;
    let shown: Vec<&Problem> = bank
        .all()
        .iter()
        .filter(|p| topic.is_none_or(|t| p.topic == t) && difficulty.is_none_or(|d| p.difficulty == d))
        .filter(|p| list.is_none_or(|l| p.lists.iter().any(|x| x == l)))
        .collect();
    if json_out {
        let rows: Vec<_> = shown
            .iter()
            .map(|p| {
                let pr = progress.get(&p.slug).copied().unwrap_or_default();
                json!({"slug": p.slug, "title": p.title, "difficulty": p.difficulty, "topic": p.topic, "patterns": p.patterns, "lists": p.lists,
                       "status": pr.state(), "attempts": pr.attempts, "accepted": pr.accepted})
            })
            .collect();
        print_json(&rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    let s = Style::detect();
    let width = shown.iter().map(|p| p.slug.len()).max().unwrap_or(4).max(4);
    println!("{}", s.bold(&format!("{:<width$}  {:<8}  {:<10}  {:<9}  title", "slug", "level", "topic", "status")));
    for p in &shown {
        let pr = progress.get(&p.slug).copied().unwrap_or_default();
        let level = match p.difficulty {
            Difficulty::Easy => s.green(&format!("{:<8}", "easy")),
            Difficulty::Medium => s.yellow(&format!("{:<8}", "medium")),
            Difficulty::Hard => s.red(&format!("{:<8}", "hard")),
        };
        let status = match pr.state() {
            Status::Solved => s.green(&format!("{:<9}", "✓ solved")),
            Status::Attempted => s.yellow(&format!("{:<9}", "attempted")),
            Status::New => s.dim(&format!("{:<9}", "new")),
        };
        println!("{:<width$}  {level}  {:<10}  {status}  {}", p.slug, p.topic, p.title);
    }
    println!("{}", s.dim(&format!("\n{} problems · codify show SLUG to read one", shown.len())));
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct Validation {
    slug: String,
    ok: bool,
    tests: usize,
    hidden: usize,
    /// The reference solution's slowest case, against the per-case limit.
    slowest_ms: f64,
    limit_ms: u64,
    errors: Vec<String>,
    warnings: Vec<String>,
}

/// Structure and quality checks (edge tags included), then the reference solution through the real judge on every test.
/// The problem's `topic` must be one of the progression's topics that list it, so that the list's topic
/// filter, the plan's days and topic mastery agree on where it belongs (a problem of the learner's own that
/// the progression does not name is free to choose).
fn topic_error(p: &Problem, progression: &crate::knowledge::Progression) -> Option<String> {
    let listed = progression.topics_listing(&p.slug);
    if listed.is_empty() || listed.contains(&p.topic.as_str()) {
        return None;
    }
    Some(format!(
        "{}/problem.toml: topic `{}`, but knowledge/progression.toml lists this problem under {}; set `topic` to one \
         of those, or list the problem under `{}` there",
        p.origin,
        p.topic,
        listed.iter().map(|t| format!("`{t}`")).collect::<Vec<_>>().join(", "),
        p.topic
    ))
}

fn validate_problem(judge: &Judge, p: &Problem) -> Validation {
    let mut v = Validation {
        slug: p.slug.clone(),
        ok: false,
        tests: 0,
        hidden: 0,
        slowest_ms: 0.0,
        limit_ms: p.limits.time_ms,
        errors: vec![],
        warnings: vec![],
    };
    let tests = match p.tests() {
        Ok(t) => t,
        Err(e) => {
            v.errors.push(e.to_string());
            return v;
        }
    };
    v.tests = tests.len();
    if let Some(e) = topic_error(p, &crate::knowledge::progression().unwrap_or_default()) {
        v.errors.push(e);
    }
    match p.edge_tag_errors() {
        Ok(wrong) => v.errors.extend(wrong.iter().map(ToString::to_string)),
        Err(e) => v.errors.push(e.to_string()),
    }
    v.hidden = tests.iter().filter(|t| t.hidden).count();
    let public = v.tests - v.hidden;
    if public < 2 {
        v.errors.push(format!("{}/tests.jsonl: has {public} public tests; at least 2 are needed", p.origin));
    }
    if v.hidden < 8 {
        v.errors.push(format!("{}/tests.jsonl: has {} hidden tests; at least 8 are needed", p.origin, v.hidden));
    }
    // Exponential problems (subsets, n-queens) keep small constraints: no worse class to time out.
    let needs_large = p.optimal_time > Complexity::Log && p.optimal_time != Complexity::Exponential;
    if needs_large && !tests.iter().any(|t| t.edge == Some(crate::problems::Edge::Large)) {
        v.warnings.push(format!("{}: no `large` test, so slower approaches are not caught by time", p.origin));
    }
    let opts = RunOptions { stop_at_first_failure: false, cancel: None };
    // A time-out is tried twice more: on a busy machine (a build beside it) one slow run is noise.
    let mut run = judge.run(p, &tests, &p.solution, &opts);
    for _ in 0..2 {
        if !matches!(&run, Ok(r) if r.verdict == Verdict::TimeLimitExceeded) {
            break;
        }
        run = judge.run(p, &tests, &p.solution, &opts);
    }
    match run {
        Ok(report) => {
            v.slowest_ms = report.cases.iter().map(|c| c.ms).fold(0.0, f64::max);
            if report.verdict != Verdict::Accepted {
                let detail = report.failing_case().map(|c| {
                    let err = c.error.as_ref().map(|e| e.message.clone()).unwrap_or_else(|| match c.hidden {
                        // The report keeps no hidden case's data; the author has it in the file.
                        true => format!("{}; a hidden test, see its line in tests.jsonl", c.verdict.as_str()),
                        false => format!("expected {} got {}", c.expected, c.actual),
                    });
                    format!("case {}: {}", c.id, super::output::clip(&err, 300))
                });
                v.errors.push(format!(
                    "{}/solution.py: the reference solution gets {} ({}/{} passed){}",
                    p.origin,
                    report.verdict.as_str(),
                    report.passed,
                    report.total,
                    detail.or(report.message.clone()).map(|d| format!(": {d}")).unwrap_or_default()
                ));
            } else if v.slowest_ms * 5.0 > p.limits.time_ms as f64 {
                v.warnings.push(format!(
                    "{}: the reference takes {:.0} ms on its slowest case, more than a fifth of the {} ms limit",
                    p.origin, v.slowest_ms, p.limits.time_ms
                ));
            }
        }
        Err(e) => v.errors.push(e.to_string()),
    }
    v.ok = v.errors.is_empty();
    v
}

pub fn validate(ctx: &Ctx, slugs: &[String], json_out: bool) -> Result<ExitCode, Failure> {
    let bank = crate::problems::Bank::load(&ctx.config.problem_dirs);
    let judge = ctx.judge()?;
    for s in slugs {
        super::find(&bank, s)?;
    }
    let chosen: Vec<&Problem> = bank.all().iter().filter(|p| slugs.is_empty() || slugs.contains(&p.slug)).collect();
    // Two workers: the machine this targets has two cores, and each run is one interpreter.
    let mut results: Vec<Validation> = Vec::with_capacity(chosen.len());
    std::thread::scope(|scope| {
        let (left, right) = chosen.split_at(chosen.len() / 2);
        let a = scope.spawn(|| left.iter().map(|p| validate_problem(&judge, p)).collect::<Vec<_>>());
        let b: Vec<_> = right.iter().map(|p| validate_problem(&judge, p)).collect();
        results.extend(a.join().unwrap_or_default());
        results.extend(b);
    });
    let load_errors: Vec<String> =
        if slugs.is_empty() { bank.errors.iter().map(|e| e.to_string()).collect() } else { vec![] };
    let failed = results.iter().filter(|v| !v.ok).count() + load_errors.len();
    if json_out {
        print_json(&json!({"ok": failed == 0, "problems": results, "load_errors": load_errors}))?;
    } else {
        let s = Style::detect();
        for e in &load_errors {
            println!("{} {e}", s.red("✗"));
        }
        for v in &results {
            let mark = if v.ok { s.green("✓") } else { s.red("✗") };
            println!(
                "{mark} {:<48} {:>3} tests ({:>2} hidden)  slowest {:>7.1} ms of {} ms",
                v.slug, v.tests, v.hidden, v.slowest_ms, v.limit_ms
            );
            for e in &v.errors {
                println!("    {}", s.red(e));
            }
            for w in &v.warnings {
                println!("    {}", s.yellow(&format!("warning: {w}")));
            }
        }
        println!("\n{} problems checked, {failed} with errors", results.len() + load_errors.len());
    }
    Ok(if failed == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// `codify problems check`: mutants of each reference solution against the problem's tests.
pub fn check(
    ctx: &Ctx,
    slugs: &[String],
    opts: &crate::diagnose::mutation::CheckOptions,
    json_out: bool,
) -> Result<ExitCode, Failure> {
    let bank = crate::problems::Bank::load(&ctx.config.problem_dirs);
    let judge = ctx.judge()?;
    for s in slugs {
        super::find(&bank, s)?;
    }
    let chosen: Vec<&Problem> = bank.all().iter().filter(|p| slugs.is_empty() || slugs.contains(&p.slug)).collect();
    let s = Style::detect();
    let mut reports = Vec::with_capacity(chosen.len());
    for p in chosen {
        let r = crate::diagnose::mutation::check(&judge, p, opts);
        if !json_out {
            print_check(&s, &r);
        }
        reports.push(r);
    }
    let unclean = reports.iter().filter(|r| !r.clean()).count();
    if json_out {
        print_json(&json!({"ok": unclean == 0, "problems": reports}))?;
    } else {
        let mutants: usize = reports.iter().map(|r| r.mutants).sum();
        let survivors: usize = reports.iter().map(|r| r.survivors.len()).sum();
        let equivalent: usize = reports.iter().map(|r| r.equivalent.len()).sum();
        println!(
            "\n{} problems, {mutants} mutants: {survivors} surviving, {equivalent} equivalent; {unclean} problems need tests",
            reports.len()
        );
    }
    Ok(if unclean == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn print_check(s: &Style, r: &crate::diagnose::mutation::CheckReport) {
    let killed: usize = r.killed.values().sum();
    let mark = if r.clean() { s.green("✓") } else { s.red("✗") };
    println!(
        "{mark} {:<48} {:>3} mutants, {:>3} killed, {:>2} equivalent, {:>2} surviving",
        r.slug,
        r.mutants,
        killed,
        r.equivalent.len(),
        r.survivors.len()
    );
    if let Some(e) = &r.error {
        println!("    {}", s.red(e));
    }
    for m in &r.survivors {
        println!("    {} line {}: {}", s.red("survives"), m.line, m.change);
        let show = |v: &Option<serde_json::Value>| {
            v.as_ref().map_or(String::new(), |v| super::output::clip(&v.to_string(), 200))
        };
        println!("      input {}  reference {}  mutant {}", show(&m.input), show(&m.expected), show(&m.actual));
    }
    for m in &r.unverified {
        println!("    {} line {}: {}", s.yellow("passes, not compared"), m.line, m.change);
    }
    for m in &r.equivalent {
        println!("    {} line {}: {}", s.dim("equivalent"), m.line, m.change);
    }
}
