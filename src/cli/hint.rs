//! `codify hint` (the tutor from the command line).
//!
//! `hint` grounds the tutor in the learner's code: with `--file` (or else the saved draft) it runs the
//! public tests and the analyser first, then asks the model or the offline tutor and streams the answer.
//! Without a model it answers offline and says why; it never fails for lack of one.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::output::{print_json, Style};
use super::{find, Ctx, Failure};
use crate::analysis::analyze;
use crate::coach::{ChatEvent, ChatRequest, Coach, Grounding, Source};
use crate::judge::RunOptions;
use crate::problems::Problem;
use crate::solution::read_solution;
use crate::store::{ChatRole, Store};

/// Options of `codify hint`.
pub struct HintArgs<'a> {
    pub slug: &'a str,
    pub file: Option<&'a Path>,
    pub ask: Option<&'a str>,
    /// Print the stored conversation instead of asking.
    pub history: bool,
    pub json: bool,
}

fn load_problem(ctx: &Ctx, slug: &str) -> Result<Problem, Failure> {
    match crate::problems::load_one(slug, &ctx.config.problem_dirs) {
        Some(p) => Ok(p?),
        None => Err(find(&ctx.bank(), slug).err().unwrap_or_else(|| Failure(format!("no problem `{slug}`")))),
    }
}

/// The learner's situation: code (the file, else the draft), its run on the public tests, the analysis,
/// and the submission history.
fn ground(ctx: &Ctx, store: &Store, problem: Problem, file: Option<&Path>) -> Result<Grounding, Failure> {
    let code = match file {
        Some(f) => Some(read_solution(f)?),
        None => store.draft(&problem.slug)?.filter(|c| !c.trim().is_empty()),
    };
    let mut g = Grounding::new(problem);
    g.load_record(store)?;
    let Some(code) = code else { return Ok(g) };
    let p = &g.problem;
    let mut evidence = None;
    match ctx.judge() {
        Ok(judge) => {
            let mut tests = p.tests()?;
            tests.retain(|t| !t.hidden);
            let opts = RunOptions { stop_at_first_failure: true, cancel: None };
            let report = judge.run(p, &tests, &code, &opts)?;
            // A failing run is diagnosed as on submit, so the tutor knows the smallest failing input and the
            // line at fault.
            let diagnose = crate::diagnose::DiagnoseOptions::from_config(&ctx.config.judge);
            let (found, _) = crate::diagnose::evidence(&judge, p, &tests, &code, &report, diagnose.as_ref());
            g.counterexample = found.counterexample.clone();
            evidence = Some(found);
            g.report = Some(report);
        }
        Err(e) => eprintln!("codify: note: the tutor cannot run your code ({e}); it answers from the code alone"),
    }
    let actx = p.analysis_context(evidence.as_ref());
    g.analysis = Some(analyze(&code, &actx));
    g.code = Some(code);
    Ok(g)
}

pub fn hint(ctx: &Ctx, args: &HintArgs<'_>) -> Result<ExitCode, Failure> {
    let problem = load_problem(ctx, args.slug)?;
    let store = ctx.store()?;
    if args.history {
        return print_history(&store, &problem.slug, args.json);
    }
    let grounding = ground(ctx, &store, problem, args.file)?;
    let req = ChatRequest { grounding, question: args.ask.unwrap_or_default().to_string(), give_up: false };
    let coach = Coach::from_config(&ctx.config.llm);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure(format!("cannot start the tutor's runtime: {e}")))?;
    let style = Style::detect();
    let json = args.json;
    let mut on_event = |ev: ChatEvent| {
        if json {
            return;
        }
        if let ChatEvent::Text(t) = ev {
            // A model's text: shown, never obeyed by the terminal.
            print!("{}", crate::fmt::terminal_safe(&t));
            let _ = std::io::stdout().flush();
        }
    };
    let reply = rt.block_on(coach.ask(&store, &req, &crate::coach::CancellationToken::new(), &mut on_event))?;
    if json {
        print_json(&reply)?;
    } else {
        let mut foot = vec![format!("hints used {} of {}", reply.hints_used, reply.hints_total)];
        if let (Source::Llm, Some(m)) = (reply.source, &reply.model) {
            foot.insert(0, format!("tutor: {m}"));
        }
        if reply.cached {
            foot.push("answered from the cache".into());
        }
        if reply.held_back > 0 {
            foot.push("a full solution was held back".into());
        }
        println!("\n\n{}", style.dim(&foot.join(" · ")));
    }
    Ok(ExitCode::SUCCESS)
}

fn print_history(store: &Store, slug: &str, json: bool) -> Result<ExitCode, Failure> {
    let messages = crate::coach::history(store, slug, 200)?;
    if json {
        print_json(&messages)?;
        return Ok(ExitCode::SUCCESS);
    }
    if messages.is_empty() {
        println!("No conversation about {slug} yet; ask with `codify hint {slug}`.");
    }
    let style = Style::detect();
    for m in messages {
        let who = match m.role {
            ChatRole::Learner => "you".to_string(),
            ChatRole::Tutor => format!("tutor ({})", m.source.as_deref().unwrap_or("?")),
        };
        println!("{}\n{}\n", style.bold(&who), crate::fmt::terminal_safe(&m.text));
    }
    Ok(ExitCode::SUCCESS)
}
