//! The judge: runs a Python solution against a problem's tests in the sandbox and decides the verdict.
//!
//! One interpreter process runs all cases of a run (src/judge/harness.py). The parent sends the code and
//! the inputs; expected answers never enter the sandbox. Results come back on descriptor 3, one frame per
//! case, and the parent compares them ([`compare`]), so nothing the solution prints or does can forge a
//! verdict: at most it can claim values, which are then compared like any returned value.

mod compare;
pub mod interpreter;
mod marshal;
pub mod process;
mod protocol;
mod report;
pub mod sandbox;
mod tools;
mod verdict;

use std::time::Duration;

pub use compare::matches;
pub use interpreter::{Interpreter, InterpreterError};
pub use process::CancelToken;
use process::{Caps, Control, End, Feed};
pub use protocol::ErrorInfo;
use protocol::{write_case, CaseStatus, Frame, Spec, SpecCase};
use report::{cap_error, keep_chars, keep_value, STDOUT_KEEP};
pub use report::{CaseReport, CompileErrorInfo, Report};
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
    pub fn run(self, judge: &Judge, tests: &[TestCase], code: &str, opts: &RunOptions) -> Result<Report, RunError> {
        let problem = self.problem;
        let mut report = Report {
            problem: problem.slug.clone(),
            verdict: Verdict::InternalError,
            passed: 0,
            total: tests.len(),
            runtime_ms: 0.0,
            cases: Vec::new(),
            message: None,
            compile_error: None,
            sandbox: Vec::new(),
        };
        let running = match self.running {
            Ok(r) => r,
            Err(e) => {
                let message = format!("could not start {}: {e}", judge.interpreter.executable.display());
                return Ok(Report::internal_error(&problem.slug, tests.len(), judge.layers(), message, Vec::new()));
            }
        };
        // The layers as this run applied them (the namespaces are those its child could enter).
        report.sandbox = sandbox::applied(judge.sandbox, running.namespaces, running.task_limit);
        let max_threads = running.task_limit.applied(running.namespaces).max();
        let sig = &problem.signature;
        let spec = Spec {
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
            count: tests.len(),
            stdout_keep: STDOUT_KEEP,
            stdout_cap: judge.output_limit,
        };
        let mut spec_bytes = self.prefix;
        spec.write_marshal(&mut spec_bytes);
        let checker = matches!(problem.compare, Compare::Checker { .. });
        let stop_early = opts.stop_at_first_failure && !checker;
        let mut state = RunState::default();
        let per_case = Duration::from_millis(problem.limits.time_ms);
        let caps = Caps {
            startup: STARTUP,
            per_frame: per_case,
            output_bytes: judge.output_limit,
            // Start-up and loading, then one case limit per case delivered.
            cpu_base: Some(Duration::from_secs(1) + per_case),
            per_input_byte: Duration::from_nanos(5),
        };
        // Cases whose input has been queued: a frame for any other is forged.
        let mut sent = 0usize;
        let send_case = |outbox: &mut Vec<u8>, index: usize, sent: &mut usize| {
            if let Some(t) = tests.get(index) {
                write_case(outbox, &SpecCase { id: t.id, input: &t.input });
                *sent = index + 1;
            }
        };

        let outcome =
            process::supervise(running, spec_bytes, Feed::KeepOpen, caps, opts.cancel.as_ref(), |line, outbox| {
                let Ok(frame) = serde_json::from_slice::<Frame>(line.bytes) else {
                    state.tampered = true;
                    return Control::Stop;
                };
                match frame {
                    // Frames must come in the one order the harness writes them; anything else means the
                    // solution wrote to the channel (for example to reset the deadline).
                    Frame::Loading if !state.loading => {
                        state.loading = true;
                        Control::Continue
                    }
                    Frame::Ready if state.loading && !state.ready => {
                        state.ready = true;
                        send_case(outbox, 0, &mut sent);
                        Control::Continue
                    }
                    Frame::Loading | Frame::Ready => {
                        state.tampered = true;
                        Control::Stop
                    }
                    Frame::CompileError { message, line, col, text } if !state.ready => {
                        state.compile = Some(CompileErrorInfo { message, line, col, text });
                        Control::Stop
                    }
                    Frame::LoadError { status, error } if state.loading && !state.ready => {
                        state.load_error = Some((status, cap_error(error, max_threads)));
                        Control::Stop
                    }
                    Frame::Case(f) => {
                        let index = state.cases.len();
                        let Some(test) = tests.get(index).filter(|t| t.id == f.id && state.ready && index < sent)
                        else {
                            state.tampered = true;
                            return Control::Stop;
                        };
                        let right = f.status == CaseStatus::Ok
                            && (checker || matches(&problem.compare, &test.expected, &f.value));
                        let verdict = verdict::of_case(f.status, right);
                        // The parent's clock, not the harness's: from the input's delivery to the frame's arrival.
                        let ms = (line.elapsed.as_secs_f64() * 1e6).round() / 1e3;
                        let value = keep_value(f.value, line.bytes.len(), &test.expected);
                        let (stdout, cut) = keep_chars(f.stdout, STDOUT_KEEP);
                        let error = f.error.map(|e| cap_error(e, max_threads));
                        state.cases.push(
                            CaseReport::for_case(test, verdict)
                                .actual(value)
                                .ms(ms)
                                .error(error)
                                .stdout(stdout, f.stdout_truncated || cut),
                        );
                        if verdict != Verdict::Accepted && stop_early {
                            return Control::Stop;
                        }
                        send_case(outbox, state.cases.len(), &mut sent);
                        Control::Continue
                    }
                    Frame::Done if state.ready && state.cases.len() == tests.len() => {
                        state.done = true;
                        Control::Stop
                    }
                    Frame::Done => {
                        state.tampered = true;
                        Control::Stop
                    }
                    Frame::Checked { .. }
                    | Frame::Inputs { .. }
                    | Frame::CompileError { .. }
                    | Frame::LoadError { .. } => {
                        state.tampered = true;
                        Control::Stop
                    }
                }
            });
        let outcome = match outcome {
            Ok(o) => o,
            Err(e) => {
                report.message = Some(format!("supervising the run failed: {e}"));
                return Ok(report);
            }
        };
        if matches!(outcome.end, End::Cancelled) {
            return Err(RunError::Cancelled);
        }

        let current = tests.get(state.cases.len());
        let (verdict, message): (Option<Verdict>, Option<String>) = if state.tampered {
            (
                Some(Verdict::RuntimeError),
                Some("the solution wrote to the judge's private result channel; results cannot be trusted".into()),
            )
        } else if let Some(ce) = state.compile.take() {
            let at = ce.line.map(|l| format!("line {l}: ")).unwrap_or_default();
            let msg = format!("{at}{}", ce.message);
            report.compile_error = Some(ce);
            (Some(Verdict::CompileError), Some(msg))
        } else if let Some((status, error)) = state.load_error.take() {
            (Some(verdict::of_load_error(status)), Some(format!("while loading the solution: {}", error.message)))
        } else {
            match &outcome.end {
                End::Stopped => (None, None),
                End::TimedOut if !state.loading => (
                    Some(Verdict::InternalError),
                    Some(format!("the interpreter did not start within {} s", STARTUP.as_secs())),
                ),
                End::TimedOut => {
                    let what = match current {
                        Some(t) if state.ready => {
                            format!("case {} ran longer than the limit of {} ms", t.id, problem.limits.time_ms)
                        }
                        _ => format!("loading the solution took longer than {} ms", problem.limits.time_ms),
                    };
                    state.cut_short(current, Verdict::TimeLimitExceeded, problem.limits.time_ms as f64, None);
                    (Some(Verdict::TimeLimitExceeded), Some(what))
                }
                End::OutputLimit => {
                    state.cut_short(current, Verdict::OutputLimitExceeded, 0.0, None);
                    (
                        Some(Verdict::OutputLimitExceeded),
                        Some(format!("the program wrote more than {} KiB of output", judge.output_limit >> 10)),
                    )
                }
                End::ChannelFlood => (
                    Some(Verdict::RuntimeError),
                    Some("the solution flooded the judge's private result channel".into()),
                ),
                End::CpuBudget(used) => {
                    let what = format!(
                        "the run used {:.1} s of CPU time, more than its cases allow (threads or background work \
                         count too)",
                        used.as_secs_f64()
                    );
                    state.cut_short(current, Verdict::TimeLimitExceeded, problem.limits.time_ms as f64, None);
                    (Some(Verdict::TimeLimitExceeded), Some(what))
                }
                End::Cancelled => return Err(RunError::Cancelled),
                End::Exited(status) if state.done => {
                    let _ = status;
                    (None, None)
                }
                End::Exited(status) => {
                    let (v, msg) = verdict::of_exit(*status, state.loading, &outcome.stderr_tail);
                    let error =
                        ErrorInfo { kind: "Exited".into(), message: msg.clone(), line: None, traceback: String::new() };
                    state.cut_short(current, v, 0.0, Some(error));
                    (Some(v), Some(msg))
                }
            }
        };

        if checker && state.done && verdict.is_none() {
            if let Err(e) = judge.check_answers(problem, tests, &mut state.cases, opts) {
                report.message = Some(e);
                report.cases = state.cases;
                return Ok(report);
            }
        }

        report.passed = state.cases.iter().filter(|c| c.passed).count();
        report.runtime_ms = (state.cases.iter().fold(0.0, |acc, c| acc + c.ms) * 1000.0).round() / 1000.0;
        let ended = verdict.zip(message);
        let (verdict, message) = verdict::overall(ended, &state.cases, tests.len());
        report.verdict = verdict;
        report.message = message;
        report::redact_hidden(&mut state.cases);
        report.cases = state.cases;
        Ok(report)
    }
}

#[derive(Default)]
struct RunState {
    loading: bool,
    ready: bool,
    done: bool,
    tampered: bool,
    compile: Option<CompileErrorInfo>,
    load_error: Option<(CaseStatus, ErrorInfo)>,
    cases: Vec<CaseReport>,
}

impl RunState {
    /// Reports `current`, the case the run was in when it ended without the case's frame.
    fn cut_short(&mut self, current: Option<&TestCase>, verdict: Verdict, ms: f64, error: Option<ErrorInfo>) {
        if let (Some(t), true) = (current, self.ready) {
            self.cases.push(CaseReport::for_case(t, verdict).ms(ms).error(error));
        }
    }
}
