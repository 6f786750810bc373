//! Command-line front end: one module per subcommand, named after what the user types (`codify hint` is
//! `hint.rs`; `run` and `submit` share `run_submit.rs`, `export` and `import` share `export_import.rs`,
//! the community commands share `community.rs`), each printing for humans or, with `--json`, one
//! JSON document. Errors reach `main` as one line that says what failed, where, and what to do.

mod analyze;
mod community;
mod doctor;
mod export_import;
mod group;
mod hint;
mod history;
pub mod logs;
mod milestones;
mod next;
mod note;
mod output;
mod plan;
mod problems;
mod profile;
mod run_submit;
mod show;
mod similar;
mod stats;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::config::{Config, Paths};
use crate::judge::Judge;
use crate::problems::{Bank, Problem};
use crate::store::Store;

#[derive(Parser, Debug)]
#[command(name = "codify", version, about = "Practise coding-interview problems in a terminal, offline.")]
pub struct Args {
    /// Keep all state (config, database, logs, caches) under DIR. Also: CODIFY_HOME.
    #[arg(long, global = true, value_name = "DIR")]
    pub home: Option<PathBuf>,
    /// Log more, and to stderr too (`-v`: debug, `-vv`: trace); the log file is under the home's logs/.
    /// CODIFY_LOG (e.g. `CODIFY_LOG=codify=debug`) sets the levels instead. The TUI never logs to the screen.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// List problems, or validate the bank (`codify problems validate`).
    #[command(args_conflicts_with_subcommands = true)]
    Problems {
        #[command(subcommand)]
        action: Option<ProblemsAction>,
        /// Only this topic (e.g. arrays, strings, hash-maps).
        #[arg(long)]
        topic: Option<String>,
        /// Only this difficulty: easy, medium or hard.
        #[arg(long)]
        difficulty: Option<String>,
        /// Only the problems of this list: blind-75 or neetcode-150 (e.g. `codify problems --list blind-75`).
        #[arg(long, value_name = "LIST")]
        list: Option<String>,
        /// Print JSON instead of text (one document, for scripts).
        #[arg(long)]
        json: bool,
    },
    /// Show a problem: statement, constraints, examples and starter code.
    Show {
        /// The problem, e.g. two-sum (`codify problems` lists them).
        slug: String,
        /// Print JSON instead of text (one document, for scripts).
        #[arg(long)]
        json: bool,
    },
    /// Run a solution against the public example tests.
    ///
    /// Example: `codify run two-sum sol.py --exit-status && git commit -am "two-sum"`
    Run {
        /// The problem, e.g. two-sum (`codify problems` lists them).
        slug: String,
        /// Your Python solution, e.g. sol.py.
        file: PathBuf,
        /// Print one JSON object (verdict, cases, analysis) instead of text.
        #[arg(long)]
        json: bool,
        /// Run every case instead of stopping at the first failure.
        #[arg(long)]
        all: bool,
        /// Exit with status 1 when the verdict is not accepted (2 stays "could not run"), for scripts.
        #[arg(long)]
        exit_status: bool,
    },
    /// Submit a solution: all tests including hidden ones; the submission is recorded.
    ///
    /// Example: `codify submit two-sum sol.py --json --all`
    Submit {
        /// The problem, e.g. two-sum (`codify problems` lists them).
        slug: String,
        /// Your Python solution, e.g. sol.py.
        file: PathBuf,
        /// Print one JSON object (verdict, cases, analysis, feedback) instead of text.
        #[arg(long)]
        json: bool,
        /// Run every case instead of stopping at the first failure.
        #[arg(long)]
        all: bool,
        /// Exit with status 1 when the verdict is not accepted (2 stays "could not run"), for scripts.
        #[arg(long)]
        exit_status: bool,
    },
    /// Analyse a Python file: complexity and recurring mistakes, with lines and notes.
    Analyze {
        /// The Python file, e.g. sol.py.
        file: PathBuf,
        /// Judge against this problem's optimal complexity and use its method name.
        #[arg(long)]
        problem: Option<String>,
        /// Print JSON instead of text (one document, for scripts).
        #[arg(long)]
        json: bool,
    },
    /// Print a knowledge note (a mistake pattern or a topic); without NAME, list them.
    Note {
        /// A mistake pattern or a topic, e.g. off_by_one or sliding-window.
        name: Option<String>,
    },
    /// Your weakness profile: patterns, mastery, topics, weekly trends.
    Stats {
        /// Print JSON instead of text (one document, for scripts).
        #[arg(long)]
        json: bool,
    },
    /// Milestones earned from your history (newest first), and the next few to earn with progress.
    ///
    /// First solves per difficulty, Blind 75 / NeetCode 150 quarters, mistake patterns overcome, review
    /// streaks, topics mastered in interviews, a clean interview; the rules: docs/LEARNER.md.
    ///
    /// Examples: `codify milestones`, `codify milestones --json | jq '.next[0].detail'`.
    Milestones {
        /// Print JSON instead of text (one document, for scripts).
        #[arg(long)]
        json: bool,
    },
    /// Ask the tutor: the next hint, or a question about your code (offline when no model is configured).
    Hint {
        /// The problem, e.g. two-sum (`codify problems` lists them).
        slug: String,
        /// Your solution: the tutor runs the public tests and analyses it first (default: the saved draft).
        #[arg(long)]
        file: Option<PathBuf>,
        /// A question, e.g. "why is it slow?"; without one, the next hint.
        #[arg(long, value_name = "QUESTION")]
        ask: Option<String>,
        /// Print the stored conversation about the problem instead of asking.
        #[arg(long, conflicts_with = "ask")]
        history: bool,
        /// Print JSON instead of text (one document, for scripts).
        #[arg(long)]
        json: bool,
    },
    /// List the problems most like one (by the local embedder).
    Similar {
        /// The problem, e.g. two-sum (`codify problems` lists them).
        slug: String,
        /// Print JSON instead of text (one document, for scripts).
        #[arg(long)]
        json: bool,
    },
    /// Your intake profiles: `init`, `list`, `use`, `show`, `edit`.
    Profile {
        #[command(subcommand)]
        action: profile::ProfileAction,
    },
    /// Your study plan (made on first use), with progress; `codify plan regenerate` makes a new one.
    Plan(plan::PlanArgs),
    /// The next problems to do, best first, with why (reviews due included).
    Next {
        /// Print JSON instead of text (one document, for scripts).
        #[arg(long)]
        json: bool,
        /// How many to show.
        #[arg(long, default_value_t = 10)]
        limit: usize,
    },
    /// Your past submissions, newest first: time, problem, verdict, tests passed, runtime.
    ///
    /// Examples: `codify history`, `codify history two-sum --code`, `codify history --limit 5 --json`.
    History(history::HistoryCli),
    /// Write all your data as one JSON document (server tokens and API keys are left out).
    ///
    /// Profiles, plans, submissions with their analysis, drafts, review cards, tutor chats, votes, comments
    /// and the sync outbox, settings; the format and every table: docs/DATA.md.
    ///
    /// Examples: `codify export backup.json`, `codify export - | gzip > backup.json.gz`.
    Export(export_import::ExportCli),
    /// Restore an export made by `codify export` into this home, in one transaction.
    ///
    /// Examples: `codify --home ~/new import backup.json`, `codify import laptop.json --merge`.
    Import(export_import::ImportCli),
    #[command(flatten)]
    Community(community::CommunityCommand),
    /// Check the environment: paths, config, interpreter, sandbox layers, problem bank, database.
    Doctor {
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Where the config file is; `--default` prints the built-in configuration, every key documented.
    ///
    /// Example: `codify config --default > "$(codify config)"` to start a config file from the defaults.
    Config {
        /// Print the built-in default configuration (the same text as config.example.toml).
        #[arg(long)]
        default: bool,
    },
    /// Print a shell completion script.
    ///
    /// Examples: `codify completions bash > ~/.local/share/bash-completion/completions/codify`,
    /// `codify completions zsh > "${fpath[1]}/_codify"`,
    /// `codify completions fish > ~/.config/fish/completions/codify.fish`.
    Completions {
        /// The shell: bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
}

#[derive(Subcommand, Debug)]
pub enum ProblemsAction {
    /// Check every problem file and run every reference solution against all its tests.
    Validate {
        /// Only these problems (default: all).
        slugs: Vec<String>,
        /// Print JSON instead of text (one document, for scripts).
        #[arg(long)]
        json: bool,
    },
    /// Measure the tests by the wrong solutions they reject: run mutants of each reference solution
    /// (`<`/`<=`, ±1 on constants and bounds, `and`/`or`, `min`/`max`, dropped guards and last steps) and
    /// report every mutant that passes but differs from the reference, with an input that tells them apart.
    ///
    /// Example: `codify problems check two-sum` or `codify problems check --json` for the whole bank.
    Check {
        /// Only these problems (default: all).
        slugs: Vec<String>,
        /// Random inputs from each problem's generator (`small(rng)` in gen.py) tried per surviving mutant.
        #[arg(long, default_value_t = crate::diagnose::mutation::DEFAULT_SAMPLES)]
        samples: usize,
        /// Seed for those inputs.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Mutants run at once (default: the number of cores).
        #[arg(long)]
        jobs: Option<usize>,
        /// Print JSON instead of text (one document, for scripts).
        #[arg(long)]
        json: bool,
    },
}

/// A failure to report as one line on stderr.
#[derive(Debug)]
pub struct Failure(pub String);

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

macro_rules! failure_from {
    ($($t:ty),*) => {$(
        impl From<$t> for Failure {
            fn from(e: $t) -> Failure {
                Failure(e.to_string())
            }
        }
    )*};
}
failure_from!(
    crate::config::ConfigError,
    crate::store::StoreError,
    crate::judge::InterpreterError,
    crate::problems::ProblemError,
    crate::judge::RunError,
    crate::solution::ReadError
);

/// What every command needs: where things are, the configuration, and the bank.
pub struct Ctx {
    pub paths: Paths,
    pub config: Config,
}

impl Ctx {
    pub fn bank(&self) -> Bank {
        let bank = Bank::load(&self.config.problem_dirs);
        for e in &bank.errors {
            eprintln!("codify: warning: skipping a problem: {e}");
        }
        bank
    }

    pub fn judge(&self) -> Result<Judge, Failure> {
        Ok(Judge::from_config(&self.config, &self.paths)?)
    }

    pub fn store(&self) -> Result<Store, Failure> {
        Ok(Store::open(&self.paths.db_file)?)
    }
}

/// Finds a problem by slug, with suggestions when there is none.
pub fn find<'b>(bank: &'b Bank, slug: &str) -> Result<&'b Problem, Failure> {
    bank.get(slug).ok_or_else(|| {
        let hints = bank.suggest(slug);
        let hint = if hints.is_empty() {
            "run `codify problems` to list them".to_string()
        } else {
            format!("did you mean {}?", hints.join(", "))
        };
        Failure(format!("no problem `{slug}`; {hint}"))
    })
}

/// Parses the command line; also returns the subcommand's name, for the log.
pub fn parse() -> (Args, Option<String>) {
    use clap::{CommandFactory, FromArgMatches};
    let matches = Args::command().get_matches();
    let args = Args::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    (args, matches.subcommand_name().map(str::to_string))
}

/// Runs a command; a failure is logged (to the file: `main` prints it) and returned.
pub fn dispatch(args: Args, name: Option<&str>) -> Result<ExitCode, Failure> {
    let result = run(args, name);
    if let Err(e) = &result {
        tracing::error!(target: logs::FAILURE_TARGET, "{e}");
    }
    result
}

fn run(args: Args, name: Option<&str>) -> Result<ExitCode, Failure> {
    // Neither needs a home nor a readable config: they are how a broken one gets fixed.
    match &args.command {
        Some(Command::Completions { shell }) => return completions(*shell),
        Some(Command::Config { default: true }) => {
            print!("{}", crate::config::DEFAULT_CONFIG);
            return Ok(ExitCode::SUCCESS);
        }
        _ => {}
    }
    let paths = Paths::resolve(args.home.as_deref())?;
    let front = match &args.command {
        None => logs::Front::Tui,
        Some(Command::Community(community::CommunityCommand::Serve { .. })) => logs::Front::Server,
        Some(_) => logs::Front::Cli,
    };
    if let Some(warning) = logs::init(&paths.log_dir, args.verbose, front) {
        eprintln!("codify: warning: {warning}");
    }
    tracing::info!("codify {} {}", env!("CARGO_PKG_VERSION"), name.unwrap_or("(tui)"));
    let config = Config::load(&paths.config_file)?;
    let ctx = Ctx { paths, config };
    match args.command {
        None => overview(&ctx),
        Some(Command::Problems { action: Some(ProblemsAction::Validate { slugs, json }), .. }) => {
            problems::validate(&ctx, &slugs, json)
        }
        Some(Command::Problems {
            action: Some(ProblemsAction::Check { slugs, samples, seed, jobs, json }), ..
        }) => {
            let jobs = jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()));
            problems::check(&ctx, &slugs, &crate::diagnose::mutation::CheckOptions { samples, seed, jobs }, json)
        }
        Some(Command::Problems { action: None, topic, difficulty, list, json }) => {
            problems::list(&ctx, &problems::Filter { topic, difficulty, list }, json)
        }
        Some(Command::Show { slug, json }) => show::show(&ctx, &slug, json),
        Some(Command::Run { slug, file, json, all, exit_status }) => {
            let opts = run_submit::Options { json, all, exit_status, mode: run_submit::Mode::Run };
            run_submit::judge(&ctx, &slug, &file, &opts)
        }
        Some(Command::Submit { slug, file, json, all, exit_status }) => {
            let opts = run_submit::Options { json, all, exit_status, mode: run_submit::Mode::Submit };
            run_submit::judge(&ctx, &slug, &file, &opts)
        }
        Some(Command::Analyze { file, problem, json }) => analyze::analyze(&ctx, &file, problem.as_deref(), json),
        Some(Command::Note { name }) => note::note(name.as_deref()),
        Some(Command::Stats { json }) => stats::stats(&ctx, json),
        Some(Command::Milestones { json }) => milestones::milestones(&ctx, json),
        Some(Command::Hint { slug, file, ask, history, json }) => {
            hint::hint(&ctx, &hint::HintArgs { slug: &slug, file: file.as_deref(), ask: ask.as_deref(), history, json })
        }
        Some(Command::Similar { slug, json }) => similar::similar(&ctx, &slug, json),
        Some(Command::Profile { action }) => profile::run(&ctx, action),
        Some(Command::Plan(a)) => plan::run(&ctx, a),
        Some(Command::Next { json, limit }) => next::next(&ctx, json, limit),
        Some(Command::History(a)) => history::run(&ctx, &a),
        Some(Command::Export(a)) => export_import::export(&ctx, &a),
        Some(Command::Import(a)) => export_import::import(&ctx, &a),
        Some(Command::Community(c)) => community::run(&ctx, c),
        Some(Command::Doctor { json }) => doctor::doctor(&ctx, json),
        Some(Command::Config { .. }) => {
            println!("{}", ctx.paths.config_file.display());
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Completions { shell }) => completions(shell),
    }
}

fn completions(shell: clap_complete::Shell) -> Result<ExitCode, Failure> {
    use clap::CommandFactory;
    clap_complete::generate(shell, &mut Args::command(), "codify", &mut std::io::stdout());
    Ok(ExitCode::SUCCESS)
}

/// `codify` with no command: the TUI on a terminal; a short orientation when output is not a terminal.
fn overview(ctx: &Ctx) -> Result<ExitCode, Failure> {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        crate::tui::run(&ctx.config, &ctx.paths).map_err(|e| Failure(e.to_string()))?;
        return Ok(ExitCode::SUCCESS);
    }
    let bank = ctx.bank();
    println!("Codify — {} problems bundled, everything local and offline.\n", bank.all().len());
    println!("  codify                          the terminal UI (on a terminal)");
    println!("  codify problems                 list them (--topic, --difficulty, --json)");
    println!("  codify show two-sum             read one, with its starter code");
    println!("  codify run two-sum sol.py       try a solution on the examples");
    println!("  codify submit two-sum sol.py    judge it on every test, hidden ones included");
    println!("  codify doctor                   check Python and the sandbox");
    println!("\nData lives in {}", ctx.paths.db_file.display());
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    /// Every argument of every command, as `codify sub sub --arg`, that has no help text.
    fn undocumented(cmd: &clap::Command, path: &str, out: &mut Vec<String>) {
        for arg in cmd.get_arguments() {
            let builtin = matches!(arg.get_id().as_str(), "help" | "version");
            if !builtin && arg.get_help().is_none() {
                out.push(format!("{path} {}", arg.get_id()));
            }
        }
        for sub in cmd.get_subcommands() {
            if sub.get_about().is_none() {
                out.push(format!("{path} {} (the command)", sub.get_name()));
            }
            undocumented(sub, &format!("{path} {}", sub.get_name()), out);
        }
    }

    #[test]
    fn every_command_and_argument_has_help_text() {
        Args::command().debug_assert();
        let mut missing = Vec::new();
        undocumented(&Args::command(), "codify", &mut missing);
        assert!(missing.is_empty(), "no help text for:\n{}", missing.join("\n"));
    }
}
