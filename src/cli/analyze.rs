//! `codify analyze FILE [--problem SLUG]`, and the human rendering of an analysis (also used by `submit`).

use std::path::Path;
use std::process::ExitCode;

use super::output::{print_json, Style};
use super::{Ctx, Failure};
use crate::analysis::{analyze_bytes, Analysis, Context, Evidence, Finding};
use crate::problems::Problem;

/// The analysis context for an optional problem (its method name and optimal bounds).
pub fn context_for<'a>(problem: Option<&'a Problem>, run: Option<&'a crate::analysis::RunEvidence>) -> Context<'a> {
    match problem {
        Some(p) => p.analysis_context(run),
        None => Context { run, ..Context::default() },
    }
}

pub fn analyze(ctx: &Ctx, file: &Path, slug: Option<&str>, json: bool) -> Result<ExitCode, Failure> {
    let problem = match slug {
        Some(s) => Some(match crate::problems::load_one(s, &ctx.config.problem_dirs) {
            Some(p) => p?,
            None => {
                return Err(super::find(&ctx.bank(), s).err().unwrap_or_else(|| Failure(format!("no problem `{s}`"))))
            }
        }),
        None => None,
    };
    // Any bytes are analysed (non-UTF-8 becomes a syntax error with its line); only size and type are checked.
    let bytes = crate::solution::read_bytes(file)?;
    let analysis = analyze_bytes(&bytes, &context_for(problem.as_ref(), None));
    if json {
        print_json(&analysis)?;
    } else {
        print_analysis(&analysis, &Style::detect(), false);
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints the complexity and the findings at 0.5 or above; lower ones share one quiet "maybe" line.
/// `failed` says the code just failed tests, so that "no finding" is not read as "nothing wrong".
pub fn print_analysis(a: &Analysis, s: &Style, failed: bool) {
    if let Some(e) = &a.syntax_error {
        println!("{} line {}, column {}: {}", s.red("Syntax error"), e.line, e.col, e.message);
        return;
    }
    let show = |c: Option<crate::complexity::Complexity>| c.map(|c| c.as_str()).unwrap_or("?");
    println!("{}  {}  {}", s.bold("Time "), s.bold(show(a.time_complexity)), s.dim(&a.time_reason));
    println!("{}  {}  {}", s.bold("Space"), s.bold(show(a.space_complexity)), s.dim(&a.space_reason));
    let (shown, maybe): (Vec<&Finding>, Vec<&Finding>) =
        a.findings.iter().partition(|f| f.confidence >= crate::analysis::SHOWN);
    if shown.is_empty() {
        match failed {
            true => println!(
                "{}",
                s.yellow(
                    "No known mistake pattern explains this failure: compare expected and actual on the failing input."
                )
            ),
            false => println!("{}", s.green("No recurring mistakes found.")),
        }
    }
    for f in shown {
        let evidence = match f.evidence {
            Evidence::Static => "static",
            Evidence::Dynamic => "from the run",
        };
        let head = format!("line {} · {} · {:.0}% · {evidence}", f.line, f.kind.as_str(), f.confidence * 100.0);
        println!("\n{} {}", s.yellow("●"), s.bold(&head));
        println!("  {}", f.message);
        println!("  {} {}", s.green("→"), f.suggestion);
        println!("  {}", s.dim(&format!("codify note {}", f.note)));
    }
    if !maybe.is_empty() {
        let all: Vec<String> = maybe.iter().map(|f| format!("line {} {}", f.line, f.kind.as_str())).collect();
        println!("\n{}", s.dim(&format!("maybe (below 50%): {}", all.join(", "))));
    }
}
