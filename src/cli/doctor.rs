//! `codify doctor`: the environment, checked and explained.

use std::process::ExitCode;

use serde_json::json;

use super::output::{print_json, Style};
use super::{Ctx, Failure};
use crate::judge::sandbox;
use crate::problems::Bank;

pub fn doctor(ctx: &Ctx, json_out: bool) -> Result<ExitCode, Failure> {
    let mut problems_found: Vec<String> = Vec::new();
    let interpreter = crate::judge::interpreter::resolve(&ctx.config.python, &ctx.paths.cache_dir);
    let layers = sandbox::detect(ctx.config.judge.sandbox);
    let bank = Bank::load(&ctx.config.problem_dirs);
    // Before the store opens (which would quietly make them private): files left readable by others.
    let db_dir = ctx.paths.db_file.parent().unwrap_or(std::path::Path::new("."));
    let made_private = crate::store::keep_private(db_dir, &ctx.paths.db_file);
    let db = ctx.store().and_then(|s| s.submission_count().map_err(Failure::from));
    let config_state = if ctx.paths.config_file.exists() { "loaded" } else { "absent: built-in defaults" };
    let tutor = ctx.store().ok().and_then(|s| crate::coach::budget_status(&s, &ctx.config.llm).ok());
    let key_set = std::env::var(&ctx.config.llm.api_key_env).is_ok_and(|k| !k.is_empty());
    let llm = match (ctx.config.llm.base_url.is_empty(), key_set) {
        (true, false) => "offline tutor (no [llm] base_url and no API key)".to_string(),
        (true, true) => format!("OpenAI API, model {}", ctx.config.llm.model),
        (false, _) => format!("{} , model {}", ctx.config.llm.base_url, ctx.config.llm.model),
    };
    let reachable = probe_llm(&ctx.config.llm);
    if let Err(e) = &interpreter {
        problems_found.push(e.to_string());
    }
    if let Err(e) = &db {
        problems_found.push(e.to_string());
    }
    problems_found.extend(bank.errors.iter().map(|e| e.to_string()));
    if let Err(e) = crate::tui::keymap::Keymap::with_overrides(&ctx.config.keys) {
        problems_found.push(format!("{}: {e}", ctx.paths.config_file.display()));
    }
    if !ctx.config.judge.sandbox {
        problems_found.push("judge.sandbox = false: solutions run without isolation".into());
    }

    if json_out {
        print_json(&json!({
            "ok": problems_found.is_empty(),
            "paths": {"config": ctx.paths.config_file, "database": ctx.paths.db_file, "logs": ctx.paths.log_dir, "cache": ctx.paths.cache_dir},
            "config": config_state,
            "interpreter": interpreter.as_ref().ok().map(|i| json!({"executable": i.executable, "version": i.version_string(), "command": ctx.config.python})),
            "sandbox": layers,
            "problems": bank.all().len(),
            "submissions": db.as_ref().ok(),
            "llm": llm,
            "tutor": tutor,
            "llm_reachable": reachable.as_ref().map(|r| json!({"ok": r.is_ok(), "detail": r.as_ref().unwrap_or_else(|e| e)})),
            "problems_found": problems_found,
            "made_private": made_private.iter().map(|(p, mode)| json!({"path": p, "was": format!("{mode:04o}")})).collect::<Vec<_>>(),
        }))?;
    } else {
        let s = Style::detect();
        println!("{}", s.bold("Paths"));
        println!("  config    {} ({config_state})", ctx.paths.config_file.display());
        println!("  database  {}", ctx.paths.db_file.display());
        for (path, mode) in &made_private {
            println!(
                "  {} {} was open to other users (mode {mode:04o}); it is private now",
                s.yellow("!"),
                path.display()
            );
        }
        println!("  logs      {}", ctx.paths.log_dir.display());
        println!("  cache     {}", ctx.paths.cache_dir.display());
        println!("{}", s.bold("Interpreter"));
        match &interpreter {
            Ok(i) => println!(
                "  {} Python {} at {} (from `{}`)",
                s.green("✓"),
                i.version_string(),
                i.executable.display(),
                ctx.config.python
            ),
            Err(e) => println!("  {} {e}", s.red("✗")),
        }
        println!("{}", s.bold("Sandbox"));
        for l in &layers {
            let mark = if l.active { s.green("✓ active     ") } else { s.red("✗ unavailable") };
            println!("  {mark}  {:<14} {}", l.name, s.dim(&l.detail));
        }
        println!(
            "  {}  {:<14} {}",
            s.green("✓ active     "),
            "parent",
            s.dim(
                "times each case itself from its input's delivery; sends inputs one case at a time; CPU budget; \
                 output and text caps; result channel on fd 3"
            )
        );
        println!("  {}", s.dim("what each layer does and does not block: docs/SANDBOX.md"));
        println!("{}", s.bold("Data"));
        println!("  problems     {} loaded", bank.all().len());
        match &db {
            Ok(n) => println!("  submissions  {n} stored"),
            Err(e) => println!("  {} {e}", s.red("✗")),
        }
        println!("{}", s.bold("Tutor"));
        match &tutor {
            Some(t) => println!("  {t}"),
            None => println!("  {llm}"),
        }
        match &reachable {
            Some(Ok(r)) => println!("  {} {r}", s.green("✓")),
            Some(Err(e)) => println!("  {} {e}; the offline tutor answers until it does", s.yellow("!")),
            None => {}
        }
        if problems_found.is_empty() {
            println!("\n{}", s.green("Everything looks fine."));
        } else {
            println!();
            for p in &problems_found {
                println!("{} {p}", s.red("✗"));
            }
        }
    }
    Ok(if problems_found.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// Asks the configured endpoint whether it answers (3 s at most); None when no model is configured. Not a
/// problem for `doctor`'s verdict: everything works offline.
fn probe_llm(cfg: &crate::config::LlmConfig) -> Option<Result<String, String>> {
    let client = crate::coach::Coach::from_config(cfg).llm.ok()?;
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().ok()?;
    Some(rt.block_on(client.probe(std::time::Duration::from_secs(3))))
}
