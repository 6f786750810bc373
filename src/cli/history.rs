//! `codify history [SLUG] [--code] [--json] [--limit N]`: past submissions, newest first.
//!
//! The JSON form is an array of objects, one per submission, with the fields of [`Entry`] (documented in
//! the README); `code` is present only with `--code`. Times are Unix milliseconds (`created_at`) and the
//! same instant in local time as RFC 3339 (`time`).

use std::process::ExitCode;

use serde::Serialize;

use super::output::{print_json, Style};
use super::{find, Ctx, Failure};
use crate::judge::Verdict;
use crate::store::StoredSubmission;

/// One submission as `--json` prints it. The field names are part of the interface: keep them.
#[derive(Serialize)]
struct Entry<'a> {
    id: i64,
    problem: &'a str,
    created_at: i64,
    time: String,
    verdict: Verdict,
    passed: usize,
    total: usize,
    runtime_ms: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<&'a str>,
}

#[derive(clap::Args, Debug)]
pub struct HistoryCli {
    /// Only this problem, e.g. `two-sum` (default: every problem).
    pub slug: Option<String>,
    /// Print the code of each submission under its line.
    #[arg(long)]
    pub code: bool,
    /// At most N submissions, the newest (e.g. `--limit 5`; default: all).
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// One JSON array: id, problem, created_at (Unix ms), time (RFC 3339), verdict, passed, total,
    /// runtime_ms, and code with `--code` (e.g. `codify history --json | jq '.[0].verdict'`).
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Ctx, a: &HistoryCli) -> Result<ExitCode, Failure> {
    let store = ctx.store()?;
    let rows = store.history(a.slug.as_deref(), a.limit)?;
    if let Some(slug) = &a.slug {
        // A problem no longer in the bank still shows its stored submissions; a slug that is neither is
        // most likely a typo.
        if rows.is_empty() {
            find(&ctx.bank(), slug)?;
        }
    }
    if a.json {
        let entries: Vec<Entry<'_>> = rows
            .iter()
            .map(|s| Entry {
                id: s.id,
                problem: &s.problem,
                created_at: s.created_at,
                time: local(s.created_at).map(|t| t.to_rfc3339()).unwrap_or_default(),
                verdict: s.verdict,
                passed: s.passed,
                total: s.total,
                runtime_ms: s.runtime_ms,
                code: a.code.then_some(s.code.as_str()),
            })
            .collect();
        print_json(&entries)?;
        return Ok(ExitCode::SUCCESS);
    }
    if rows.is_empty() {
        match &a.slug {
            Some(slug) => println!("No submissions of {slug} yet: `codify submit {slug} FILE` records one."),
            None => println!("No submissions yet: `codify submit SLUG FILE` records one."),
        }
        return Ok(ExitCode::SUCCESS);
    }
    print_table(&rows, a.code, &Style::detect());
    Ok(ExitCode::SUCCESS)
}

fn local(ms: i64) -> Option<chrono::DateTime<chrono::Local>> {
    chrono::DateTime::from_timestamp_millis(ms).map(|t| t.with_timezone(&chrono::Local))
}

/// One line per submission, columns padded before colouring (escape codes have no width); with `code`,
/// the code under its line, indented.
fn print_table(rows: &[StoredSubmission], code: bool, s: &Style) {
    let width = rows.iter().map(|r| r.problem.chars().count()).max().unwrap_or(0).max("PROBLEM".len());
    let verdict_width = rows.iter().map(|r| r.verdict.title().len()).max().unwrap_or(0).max("VERDICT".len());
    println!(
        "{}",
        s.dim(&format!(
            "{:<16}  {:<width$}  {:<verdict_width$}  {:>9}  {:>10}",
            "TIME", "PROBLEM", "VERDICT", "PASSED", "RUNTIME"
        ))
    );
    for r in rows {
        let when = local(r.created_at).map(|t| t.format("%Y-%m-%d %H:%M").to_string()).unwrap_or_default();
        let verdict = format!("{:<verdict_width$}", r.verdict.title());
        let verdict = match r.verdict {
            Verdict::Accepted => s.green(&verdict),
            Verdict::InternalError => s.yellow(&verdict),
            _ => s.red(&verdict),
        };
        let passed = format!("{}/{}", r.passed, r.total);
        println!(
            "{when:<16}  {:<width$}  {verdict}  {passed:>9}  {:>10}",
            r.problem,
            format!("{:.1} ms", r.runtime_ms)
        );
        if code {
            println!();
            for line in r.code.lines() {
                println!("    {}", crate::fmt::terminal_safe(line));
            }
            println!();
        }
    }
}
