//! The judge: runs a Python solution against a problem's tests in the sandbox and decides the verdict.
//!
//! One interpreter process runs all cases of a run (src/judge/harness.py). The parent sends the code and
//! the inputs; expected answers never enter the sandbox. Results come back on descriptor 3, one frame per
//! case, and the parent compares them ([`compare`]), so nothing the solution prints or does can forge a
//! verdict: at most it can claim values, which are then compared like any returned value.
//!
//! The parts: `protocol.rs` (the wire format) and `process.rs` (spawning and supervising) do the I/O;
//! `run.rs` reads a run's frames and decides what they mean, with no process in sight; `verdict.rs` holds
//! the verdict rules and `report.rs` what a report keeps and shows, both as pure functions; `tools.rs` runs
//! the judge's own Python tools (the checker, the input generator). This file keeps the public API and
//! wires a run's machine to its process ([`Pending::run`]).

mod compare;
pub mod interpreter;
mod marshal;
pub mod process;
mod protocol;
mod report;
mod run;
pub mod sandbox;
mod tools;
mod verdict;

use std::time::Duration;

pub use compare::matches;
pub use interpreter::{Interpreter, InterpreterError};
pub use process::CancelToken;
use process::{Caps, Feed};
pub use protocol::ErrorInfo;
use protocol::Spec;
use report::STDOUT_KEEP;
pub use report::{CaseReport, CompileErrorInfo, Report};
use run::{Finished, Rules, RunMachine};
pub use verdict::Verdict;

use crate::problems::{Compare, Problem, TestCase};

const HARNESS: &str = include_str!("harness.py");
const CHECKER: &str = include_str!("checker.py");
const INPUTS: &str = include_str!("inputs.py");
/// The solution's thread stack (see the end of harness.py), added to the address-space limit so that
/// reserving it does not eat the memory the problem allows.
const HARNESS_STACK_MB: u64 = 256;
/// Until the solution's own code starts running (interpreter start, reading the spec).
const STARTUP: Duration = Duration::from_secs(10);

#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("the run was cancelled")]
    Cancelled,
}

#[derive(Debug, Clone)]
pub struct RunOptions {
    pub stop_at_first_failure: bool,
    pub cancel: Option<CancelToken>,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions { stop_at_first_failure: true, cancel: None }
    }
}

/// The judge for one interpreter and sandbox setting.
#[derive(Debug, Clone)]
pub struct Judge {
    pub interpreter: Interpreter,
    pub sandbox: bool,
    pub output_limit: u64,
    /// The harness as bytecode for this interpreter, when it could be compiled and cached.
    harness_code: Option<Vec<u8>>,
}

/// An interpreter started for a problem ahead of its input, so its start-up overlaps other work.
pub struct Pending<'p> {
    problem: &'p Problem,
    running: std::io::Result<process::Running>,
    /// Bytes to send before the spec: what of the compiled harness did not fit into the pipe at start.
    prefix: Vec<u8>,
}

impl Judge {
    pub fn new(interpreter: Interpreter, sandbox: bool, output_limit_kib: u64) -> Judge {
        Judge { interpreter, sandbox, output_limit: output_limit_kib.max(1) << 10, harness_code: None }
    }

    /// The judge the configuration asks for: its interpreter (resolved once and cached), sandbox setting,
    /// output limit, and the harness compiled for that interpreter, all cached under the paths' cache.
    pub fn from_config(
        config: &crate::config::Config,
        paths: &crate::config::Paths,
    ) -> Result<Judge, InterpreterError> {
        let interpreter = interpreter::resolve(&config.python, &paths.cache_dir)?;
        Ok(Judge::new(interpreter, config.judge.sandbox, config.judge.output_limit_kib)
            .with_compiled_harness(&paths.cache_dir))
    }

    /// Uses (and caches under `cache_dir`) the harness compiled by this interpreter, which saves compiling
    /// its source on every run.
    pub fn with_compiled_harness(mut self, cache_dir: &std::path::Path) -> Judge {
        self.harness_code = interpreter::compiled(&self.interpreter, cache_dir, "harness", HARNESS);
        self
    }

    /// The `-c` program and the bytes to send ahead of the spec on stdin.
    fn harness_program(&self) -> (String, &[u8]) {
        match &self.harness_code {
            Some(code) => (
                format!("import marshal, sys\nexec(marshal.loads(sys.stdin.buffer.read({})))", code.len()),
                code.as_slice(),
            ),
            None => (HARNESS.to_string(), &[]),
        }
    }

    pub fn layers(&self) -> Vec<sandbox::Layer> {
        sandbox::detect(self.sandbox)
    }

    fn spawn(&self, script: &str, memory_mb: u64, cpu_seconds: u64) -> std::io::Result<process::Running> {
        let policy =
            sandbox::Policy { enabled: self.sandbox, memory_mb, cpu_seconds, read_paths: &self.interpreter.read_paths };
        let prepared = sandbox::Prepared::new(&policy)?;
        process::spawn(&self.interpreter, prepared, script)
    }

    /// Starts the interpreter for `problem`; [`Pending::run`] then feeds it the code and the tests.
    pub fn start<'p>(&self, problem: &'p Problem) -> Pending<'p> {
        // A back-stop only: the per-case wall-clock deadlines are the real limit.
        let cpu = problem.limits.time_ms * 64 / 1000 + 10;
        let (program, prefix) = self.harness_program();
        let memory_mb = problem.limits.memory_mb + HARNESS_STACK_MB;
        // The compiled harness goes into the pipe at once, so that the interpreter loads it while Codify
        // prepares the run (and, as root, moves the run into its pids cgroup); only the spec waits.
        let mut running = self.spawn(&program, memory_mb, cpu);
        let prefix = match running.as_mut() {
            Ok(r) => r.send_now(prefix),
            Err(_) => prefix.to_vec(),
        };
        Pending { problem, running, prefix }
    }

    /// Runs `code` against `tests` of `problem`.
    pub fn run(
        &self,
        problem: &Problem,
        tests: &[TestCase],
        code: &str,
        opts: &RunOptions,
    ) -> Result<Report, RunError> {
        self.start(problem).run(self, tests, code, opts)
    }
}

impl Pending<'_> {
    /// Sends the spec, then the cases one at a time as the frame handler (`run::RunMachine`) asks, and
    /// builds the report from what it read and how the process ended.
    pub fn run(self, judge: &Judge, tests: &[TestCase], code: &str, opts: &RunOptions) -> Result<Report, RunError> {
        let problem = self.problem;
        let running = match self.running {
            Ok(r) => r,
            Err(e) => {
                let message = format!("could not start {}: {e}", judge.interpreter.executable.display());
                return Ok(Report::internal_error(&problem.slug, tests.len(), judge.layers(), message, Vec::new()));
            }
        };
        // The layers as this run applied them (the namespaces are those its child could enter).
        let sandbox = sandbox::applied(judge.sandbox, running.namespaces, running.task_limit);
        let checker = matches!(problem.compare, Compare::Checker { .. });
        let mut machine = RunMachine::new(
            tests,
            Rules {
                compare: &problem.compare,
                time_ms: problem.limits.time_ms,
                output_limit: judge.output_limit,
                stop_early: opts.stop_at_first_failure && !checker,
                max_threads: running.task_limit.applied(running.namespaces).max(),
            },
        );
        let mut input = self.prefix;
        spec(problem, code, tests.len(), judge.output_limit).write_marshal(&mut input);
        let caps = run_caps(problem.limits.time_ms, judge.output_limit);
        let outcome = process::supervise(running, input, Feed::KeepOpen, caps, opts.cancel.as_ref(), |line, outbox| {
            machine.on_line(line.bytes, line.elapsed, outbox)
        });
        let outcome = match outcome {
            Ok(o) => o,
            Err(e) => {
                let message = format!("supervising the run failed: {e}");
                return Ok(Report::internal_error(&problem.slug, tests.len(), sandbox, message, Vec::new()));
            }
        };

        let Finished { mut cases, ended, compile_error, done } = machine.finish(&outcome.end, &outcome.stderr_tail)?;
        if done && ended.is_none() {
            if let Err(e) = judge.check_answers(problem, tests, &mut cases, opts) {
                return Ok(Report::internal_error(&problem.slug, tests.len(), sandbox, e, cases));
            }
        }
        let (verdict, message) = verdict::overall(ended, &cases, tests.len());
        report::redact_hidden(&mut cases);
        Ok(Report {
            problem: problem.slug.clone(),
            verdict,
            passed: cases.iter().filter(|c| c.passed).count(),
            total: tests.len(),
            runtime_ms: (cases.iter().fold(0.0, |acc, c| acc + c.ms) * 1000.0).round() / 1000.0,
            cases,
            message,
            compile_error,
            sandbox,
        })
    }
}

/// The spec of a run of `code` on `count` cases of `problem` (no inputs: they follow one at a time).
fn spec<'a>(problem: &'a Problem, code: &'a str, count: usize, output_limit: u64) -> Spec<'a> {
    let sig = &problem.signature;
    Spec {
        code,
        kind: sig.kind.as_str(),
        class: &sig.class,
        method: sig.method.as_deref(),
        params: &sig.params,
        returns: sig.returns.as_deref(),
        output: sig.output.as_deref(),
        methods: &sig.methods,
        returns_node_of: sig.returns_node_of.as_deref(),
        deep_copy_of: sig.deep_copy_of.as_deref(),
        count,
        stdout_keep: STDOUT_KEEP,
        stdout_cap: output_limit,
    }
}

/// The limits the parent enforces on a run whose cases may take `time_ms` each.
fn run_caps(time_ms: u64, output_limit: u64) -> Caps {
    let per_case = Duration::from_millis(time_ms);
    Caps {
        startup: STARTUP,
        per_frame: per_case,
        output_bytes: output_limit,
        // Start-up and loading, then one case limit per case delivered.
        cpu_base: Some(Duration::from_secs(1) + per_case),
        per_input_byte: Duration::from_nanos(5),
    }
}
