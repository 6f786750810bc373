//! `codify similar SLUG`: related problems by the local embedder.

use std::process::ExitCode;

use super::output::print_json;
use super::{find, Ctx, Failure};
use crate::problems::Problem;

/// `codify similar SLUG`: related problems by the local embedder.
pub fn similar(ctx: &Ctx, slug: &str, json: bool) -> Result<ExitCode, Failure> {
    let bank = ctx.bank();
    let problem = find(&bank, slug)?;
    let store = ctx.store()?;
    let all: Vec<&Problem> = bank.all().iter().collect();
    let related = crate::coach::similar(&store, problem, &all, 5)?;
    if json {
        print_json(&related)?;
        return Ok(ExitCode::SUCCESS);
    }
    println!("Problems like {} ({}):", problem.title, problem.topic);
    for r in related {
        println!("  {:<40} {:<7} {:<16} {:.2}", r.slug, r.difficulty, r.topic, r.similarity);
    }
    Ok(ExitCode::SUCCESS)
}
