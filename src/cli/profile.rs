//! `codify profile init|list|use|show|edit`: the intake, from flags, a TOML/JSON file (`--from`) or
//! questions on a terminal. Every value goes through `Intake::validate` before anything is stored.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};

use super::output::{print_json, Style};
use super::{Ctx, Failure};
use crate::learner::intake::{Intake, Level};
use crate::store::{Store, StoredProfile};

#[derive(Subcommand, Debug)]
pub enum ProfileAction {
    /// Fill in the intake: interactively on a terminal, or from flags or --from FILE.
    Init {
        /// The profile's name (default: `default`).
        #[arg(long, default_value = "default")]
        name: String,
        #[command(flatten)]
        fields: IntakeFlags,
        /// Print JSON instead of text (one document, for scripts).
        #[arg(long)]
        json: bool,
    },
    /// List the profiles; `*` marks the active one.
    List {
        /// Print JSON instead of text (one document, for scripts).
        #[arg(long)]
        json: bool,
    },
    /// Make a profile the active one.
    Use {
        /// The profile's name, as `codify profile list` shows it.
        name: String,
    },
    /// Show a profile (default: the active one).
    Show {
        /// The profile's name (default: the active one).
        name: Option<String>,
        /// Print JSON instead of text (one document, for scripts).
        #[arg(long)]
        json: bool,
    },
    /// Change fields of a profile (default: the active one); unnamed fields keep their values.
    Edit {
        /// The profile's name (default: the active one).
        name: Option<String>,
        #[command(flatten)]
        fields: IntakeFlags,
        /// Print JSON instead of text (one document, for scripts).
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args, Debug, Default)]
pub struct IntakeFlags {
    /// Read the intake from a TOML (or .json) file; flags given as well override it.
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
    /// beginner, intermediate or advanced.
    #[arg(long)]
    pub level: Option<String>,
    /// Target roles, comma-separated (e.g. "backend,new grad").
    #[arg(long, value_delimiter = ',')]
    pub roles: Option<Vec<String>>,
    /// Weeks until the interviews (2–12).
    #[arg(long)]
    pub weeks: Option<u32>,
    /// Hours per week (1–60).
    #[arg(long)]
    pub hours: Option<f64>,
    /// Days per week to practise (1–7, default 5).
    #[arg(long)]
    pub days: Option<u8>,
    /// Confidence per topic, e.g. `arrays=4,graphs=1` (1–5).
    #[arg(long, value_delimiter = ',', value_name = "TOPIC=N")]
    pub confidence: Option<Vec<String>>,
    /// A weakness you know of (a topic, a mistake pattern or free text); repeatable.
    #[arg(long = "weakness")]
    pub weaknesses: Vec<String>,
    /// A constraint (e.g. "mornings only"); repeatable.
    #[arg(long = "constraint")]
    pub constraints: Vec<String>,
    /// Past experience, in a sentence.
    #[arg(long)]
    pub experience: Option<String>,
    /// Keep to a well-known list: blind-75 or neetcode-150 ("none" for the whole bank).
    #[arg(long)]
    pub list: Option<String>,
}

impl IntakeFlags {
    fn any(&self) -> bool {
        self.from.is_some()
            || self.level.is_some()
            || self.roles.is_some()
            || self.weeks.is_some()
            || self.hours.is_some()
            || self.days.is_some()
            || self.confidence.is_some()
            || !self.weaknesses.is_empty()
            || !self.constraints.is_empty()
            || self.experience.is_some()
            || self.list.is_some()
    }

    /// Applies the flags over `base` (or over the file, or over nothing for a new intake).
    fn apply(&self, base: Option<Intake>) -> Result<Intake, Failure> {
        let mut intake = match &self.from {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| Failure(format!("{}: cannot read the profile file: {e}", path.display())))?;
                Intake::parse_file(&text, &path.display().to_string()).map_err(Failure)?
            }
            None => match base {
                Some(b) => b,
                None => {
                    let missing: Vec<&str> = [
                        ("--level", self.level.is_none()),
                        ("--weeks", self.weeks.is_none()),
                        ("--hours", self.hours.is_none()),
                    ]
                    .iter()
                    .filter(|(_, m)| *m)
                    .map(|(f, _)| *f)
                    .collect();
                    if !missing.is_empty() {
                        return Err(Failure(format!(
                            "missing {}; pass them, or --from FILE, or run on a terminal to be asked",
                            missing.join(", ")
                        )));
                    }
                    Intake::new(Level::Beginner, 0, 0.0)
                }
            },
        };
        if let Some(l) = &self.level {
            intake.level = Level::parse(l).map_err(|e| Failure(format!("--level: {e}")))?;
        }
        if let Some(r) = &self.roles {
            intake.roles = r.iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
        }
        if let Some(w) = self.weeks {
            intake.timeline_weeks = w;
        }
        if let Some(h) = self.hours {
            intake.hours_per_week = h;
        }
        if let Some(d) = self.days {
            intake.days_per_week = d;
        }
        let progression = crate::knowledge::progression().map_err(|e| Failure(e.to_string()))?;
        for pair in self.confidence.iter().flatten() {
            let (t, n) = parse_confidence(pair)?;
            intake.rate(&t, n, &progression);
        }
        intake.weaknesses.extend(self.weaknesses.iter().cloned());
        intake.constraints.extend(self.constraints.iter().cloned());
        if let Some(e) = &self.experience {
            intake.experience = e.clone();
        }
        if let Some(l) = &self.list {
            intake.list = (l != "none").then(|| l.clone());
        }
        intake.validate().map_err(Failure)?;
        Ok(intake)
    }
}

fn parse_confidence(pair: &str) -> Result<(String, u8), Failure> {
    let bad = || Failure(format!("--confidence `{pair}`: write TOPIC=N with N from 1 to 5, e.g. arrays=3"));
    let (t, n) = pair.split_once('=').ok_or_else(bad)?;
    Ok((t.trim().to_string(), n.trim().parse().map_err(|_| bad())?))
}

pub fn run(ctx: &Ctx, action: ProfileAction) -> Result<ExitCode, Failure> {
    let store = ctx.store()?;
    match action {
        ProfileAction::Init { name, fields, json } => {
            crate::store::valid_profile_name(&name).map_err(Failure)?;
            if store.profile(&name)?.is_some() {
                return Err(Failure(format!(
                    "a profile `{name}` exists; change it with `codify profile edit {name}` or pick another --name"
                )));
            }
            let intake = if !fields.any() && std::io::stdin().is_terminal() { ask()? } else { fields.apply(None)? };
            let p = store.create_profile(&name, &intake, &intake.embedding())?;
            report(&p, json, "created")
        }
        ProfileAction::List { json } => {
            let all = store.profiles()?;
            if json {
                return print_json(&all).map(|_| ExitCode::SUCCESS);
            }
            if all.is_empty() {
                println!("No profiles yet: `codify profile init` makes one.");
            }
            for p in all {
                let i = &p.intake;
                println!(
                    "{} {:<16} {} · {} weeks · {} h/week",
                    if p.active { "*" } else { " " },
                    p.name,
                    i.level.as_str(),
                    i.timeline_weeks,
                    i.hours_per_week
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        ProfileAction::Use { name } => {
            if !store.use_profile(&name)? {
                return Err(no_profile(&store, &name));
            }
            println!("Active profile: {name}");
            Ok(ExitCode::SUCCESS)
        }
        ProfileAction::Show { name, json } => {
            let p = resolve(&store, name.as_deref())?;
            report(&p, json, "")
        }
        ProfileAction::Edit { name, fields, json } => {
            let p = resolve(&store, name.as_deref())?;
            if !fields.any() {
                return Err(Failure("nothing to change; pass fields such as --hours 8 or --from FILE".into()));
            }
            let intake = fields.apply(Some(p.intake.clone()))?;
            store.update_profile(&p.name, &intake, &intake.embedding())?;
            let p = resolve(&store, Some(&p.name))?;
            report(&p, json, "updated")
        }
    }
}

/// The named profile, or the active one.
pub fn resolve(store: &Store, name: Option<&str>) -> Result<StoredProfile, Failure> {
    match name {
        Some(n) => store.profile(n)?.ok_or_else(|| no_profile(store, n)),
        None => {
            store.active_profile()?.ok_or_else(|| Failure("no profile yet; run `codify profile init` first".into()))
        }
    }
}

fn no_profile(store: &Store, name: &str) -> Failure {
    let names: Vec<String> = store.profiles().map(|ps| ps.into_iter().map(|p| p.name).collect()).unwrap_or_default();
    if names.is_empty() {
        Failure(format!("no profile `{name}`; run `codify profile init` first"))
    } else {
        Failure(format!("no profile `{name}`; profiles are {}", names.join(", ")))
    }
}

fn report(p: &StoredProfile, json: bool, verb: &str) -> Result<ExitCode, Failure> {
    if json {
        print_json(p)?;
        return Ok(ExitCode::SUCCESS);
    }
    let s = Style::detect();
    let i = &p.intake;
    let head = if verb.is_empty() { format!("Profile {}", p.name) } else { format!("Profile {} {verb}", p.name) };
    println!("{}{}", s.bold(&head), if p.active { "  (active)" } else { "" });
    println!("  level        {}", i.level.as_str());
    println!("  timeline     {} weeks, {} h/week over {} days", i.timeline_weeks, i.hours_per_week, i.days_per_week);
    let list = |v: &[String]| if v.is_empty() { "—".to_string() } else { v.join(", ") };
    println!("  roles        {}", list(&i.roles));
    let conf: Vec<String> = i.confidence.iter().map(|(t, c)| format!("{t} {c}/5")).collect();
    println!("  confidence   {}", list(&conf));
    println!("  weaknesses   {}", list(&i.weaknesses));
    println!("  constraints  {}", list(&i.constraints));
    if !i.experience.is_empty() {
        println!("  experience   {}", i.experience);
    }
    for a in &i.answers {
        println!("  {} {}", s.dim(&a.question), a.answer);
    }
    if !verb.is_empty() {
        println!("\nNext: `codify plan` makes a plan for it.");
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads one answer; `check` turns it into a value or says what to fix, and the question is asked again.
pub fn prompt<T>(question: &str, check: impl Fn(&str) -> Result<T, String>) -> Result<T, Failure> {
    let stdin = std::io::stdin();
    loop {
        print!("{question} ");
        std::io::stdout().flush().map_err(|e| Failure(format!("cannot write to the terminal: {e}")))?;
        let mut line = String::new();
        let n = stdin.lock().read_line(&mut line).map_err(|e| Failure(format!("cannot read the answer: {e}")))?;
        if n == 0 {
            return Err(Failure("input ended before the intake was complete; nothing was saved".into()));
        }
        match check(line.trim()) {
            Ok(v) => return Ok(v),
            Err(e) => println!("  {e}"),
        }
    }
}

fn list(s: &str) -> Vec<String> {
    s.split(',').map(|x| x.trim().to_string()).filter(|x| !x.is_empty()).collect()
}

/// The interactive intake.
fn ask() -> Result<Intake, Failure> {
    println!("A few questions to plan your preparation (Ctrl-D to stop; nothing is saved until the end).");
    let level = prompt("Level (beginner, intermediate, advanced):", Level::parse)?;
    let weeks = prompt("Weeks until your interviews (2-12):", |s| {
        s.parse::<u32>().map_err(|_| "a whole number, e.g. 8".into())
    })?;
    let hours =
        prompt("Hours per week you can practise (1-60):", |s| s.parse::<f64>().map_err(|_| "a number, e.g. 6".into()))?;
    let mut intake = Intake::new(level, weeks, hours);
    intake.days_per_week = prompt("Days per week (1-7, blank for 5):", |s| {
        if s.is_empty() {
            Ok(5)
        } else {
            s.parse().map_err(|_| "1 to 7".into())
        }
    })?;
    intake.roles = prompt("Target roles (comma-separated, blank for none):", |s| Ok(list(s)))?;
    let prog = crate::knowledge::progression().map_err(|e| Failure(e.to_string()))?;
    println!("Confidence per topic, 1 (new to it) to 5 (strong); blank skips a topic.");
    for t in &prog.topics {
        let c: Option<u8> = prompt(&format!("  {}:", t.name), |s| {
            if s.is_empty() {
                return Ok(None);
            }
            s.parse::<u8>().ok().filter(|n| (1..=5).contains(n)).map(Some).ok_or_else(|| "1 to 5, or blank".to_string())
        })?;
        if let Some(c) = c {
            intake.confidence.insert(t.name.clone(), c);
        }
    }
    intake.weaknesses = prompt("Weaknesses you know of (topics or mistakes, comma-separated):", |s| Ok(list(s)))?;
    intake.constraints = prompt("Constraints (comma-separated, e.g. weekends only):", |s| Ok(list(s)))?;
    intake.experience = prompt("Past experience, in a sentence:", |s| Ok(s.to_string()))?;
    intake.validate().map_err(Failure)?;
    Ok(intake)
}
