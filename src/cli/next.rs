//! `codify next [--json]`: the next problems to do, best first, each with why; reviews due are marked.

use std::process::ExitCode;

use super::output::{print_json, Style};
use super::{Ctx, Failure};
use crate::learner::{queue, Snapshot};

pub fn next(ctx: &Ctx, json: bool, limit: usize) -> Result<ExitCode, Failure> {
    let store = ctx.store()?;
    let bank = ctx.bank();
    let now = crate::clock::now_ms();
    let snap = Snapshot::load(&store, &bank, now)?;
    let items: Vec<_> = queue(&snap.next_inputs(), now).into_iter().take(limit.max(1)).collect();
    if json {
        print_json(&items)?;
        return Ok(ExitCode::SUCCESS);
    }
    let s = Style::detect();
    if snap.active.is_none() {
        println!("{}", s.dim("No profile yet: `codify profile init` makes the queue personal."));
    }
    if items.is_empty() {
        println!("Everything is solved and no review is due. Try interview mode, or add problems.");
    }
    for (i, it) in items.iter().enumerate() {
        let tag = if it.due_review { s.yellow(" review") } else { String::new() };
        println!(
            "{:>2}. {:<44} {:<6}{tag}  {}",
            i + 1,
            it.slug,
            it.difficulty.as_str(),
            s.dim(&format!("{:.2}", it.score))
        );
        println!("    {}", it.reason);
    }
    Ok(ExitCode::SUCCESS)
}
