//! `codify show SLUG`.

use std::process::ExitCode;

use serde_json::json;

use super::output::{print_json, Style};
use super::{find, Ctx, Failure};

pub fn show(ctx: &Ctx, slug: &str, json_out: bool) -> Result<ExitCode, Failure> {
    let bank = ctx.bank();
    let p = find(&bank, slug)?;
    let tests = p.tests()?;
    let examples: Vec<_> = tests.iter().filter(|t| !t.hidden).collect();
    if json_out {
        print_json(&json!({
            "slug": p.slug, "title": p.title, "difficulty": p.difficulty, "topic": p.topic, "patterns": p.patterns,
            "statement": p.statement, "constraints": p.constraints, "starter": p.starter,
            "signature": p.signature, "limits": p.limits, "optimal_time": p.optimal_time, "optimal_space": p.optimal_space,
            "examples": examples.iter().map(|t| json!({"input": t.input, "expected": t.expected, "explain": t.explain})).collect::<Vec<_>>(),
            "hidden_tests": tests.len() - examples.len(),
        }))?;
        return Ok(ExitCode::SUCCESS);
    }
    let s = Style::detect();
    println!("{}  {}", s.bold(&p.title), s.dim(&format!("{} · {} · {}", p.difficulty.as_str(), p.topic, p.slug)));
    println!();
    println!("{}", p.statement);
    let order = p.input_order();
    for (i, t) in examples.iter().enumerate() {
        println!("\n{}", s.bold(&format!("Example {}", i + 1)));
        println!("  Input:    {}", crate::fmt::input_ordered(&t.input, &order, 400));
        println!("  Output:   {}", t.expected);
        if let Some(e) = &t.explain {
            println!("  Why:      {e}");
        }
    }
    if !p.constraints.is_empty() {
        println!("\n{}", s.bold("Constraints"));
        for c in &p.constraints {
            println!("  • {c}");
        }
    }
    println!("\n{}", s.bold("Starter code"));
    for line in p.starter.lines() {
        println!("    {line}");
    }
    println!(
        "\n{}",
        s.dim(&format!(
            "{} public and {} hidden tests · {} ms per test · the judge calls {}",
            examples.len(),
            tests.len() - examples.len(),
            p.limits.time_ms,
            p.call_shape()
        ))
    );
    Ok(ExitCode::SUCCESS)
}
