//! The parent's side of one run, without the process: [`RunMachine`] reads the harness's frames, queues each
//! case's input, builds the case reports, and at the end ([`RunMachine::finish`]) turns how the process
//! ended into what the run's verdict needs. `Pending::run` (in `mod.rs`) only wires it to
//! [`process::supervise`](super::process::supervise); the tests below feed it frames directly.
//!
//! Invariants:
//! - Frames come in the one order harness.py writes them: `loading`, then `ready` (or a compile error,
//!   which may also come first, or a load error), then one `case` per case, then `done`. Any other frame,
//!   or a line that is not a frame, means the solution wrote to the result channel (for example to reset
//!   the deadline): the run is [`Stage::Tampered`] and stops.
//! - A case's input is queued only after the previous case's frame (the first one on `ready`), so a frame
//!   for a case not yet sent, or for another case than the next, is forged.
//! - With `stop_early`, the first failing case stops the run; a checker problem never stops early (its
//!   answers are judged after the run).
//! - [`Stage`] says how far the run got; only its first four values are a normal course, and no frame
//!   changes a final one (`supervise` delivers none after the machine said stop anyway).

use std::time::Duration;

use super::process::{Control, End};
use super::protocol::{write_case, CaseFrame, CaseStatus, ErrorInfo, Frame, SpecCase};
use super::report::{cap_error, keep_chars, keep_value, CaseReport, CompileErrorInfo, STDOUT_KEEP};
use super::verdict::{self, Verdict};
use super::{RunError, STARTUP};
use crate::problems::{Compare, TestCase};

/// How far a run got, by the frames it sent. The first four are the normal course; the others are final.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Stage {
    /// No frame yet: the interpreter is starting and reading the spec.
    Starting,
    /// The harness is loading the solution (its module-level code runs).
    Loading,
    /// The solution loaded; cases are sent one at a time and answered.
    Ready,
    /// The harness answered every case and said so.
    Done,
    /// The solution did not compile.
    CompileError(CompileErrorInfo),
    /// Loading the solution failed: it raised, or its module-level code hit a limit.
    LoadError(CaseStatus, ErrorInfo),
    /// A frame the harness would not send then: nothing the run reports can be trusted.
    Tampered,
}

/// What a run is judged by, besides its tests.
pub(super) struct Rules<'a> {
    pub compare: &'a Compare,
    /// The limit for one case, in ms.
    pub time_ms: u64,
    /// Bytes of output the whole run may write (for the message when it writes more).
    pub output_limit: u64,
    /// Stop at the first failing case.
    pub stop_early: bool,
    /// The run's thread limit, named in the error of a solution that hits it.
    pub max_threads: Option<u32>,
}

/// The frame handler of one run (see the module's invariants).
pub(super) struct RunMachine<'a> {
    tests: &'a [TestCase],
    rules: Rules<'a>,
    stage: Stage,
    /// How many cases' inputs have been queued (the first `sent` of `tests`).
    sent: usize,
    cases: Vec<CaseReport>,
}

/// What a finished run produced, before a checker (if any) and the overall verdict.
#[derive(Debug)]
pub(super) struct Finished {
    /// One per case answered, plus the case the run was in when it was cut short, if any.
    pub cases: Vec<CaseReport>,
    /// The verdict and message the run's end decides by itself (tampering, a compile or load error, a
    /// limit, a crash); `None` when the cases decide.
    pub ended: Option<(Verdict, String)>,
    pub compile_error: Option<CompileErrorInfo>,
    /// The harness answered every case and said so.
    pub done: bool,
}

impl<'a> RunMachine<'a> {
    pub fn new(tests: &'a [TestCase], rules: Rules<'a>) -> RunMachine<'a> {
        RunMachine { tests, rules, stage: Stage::Starting, sent: 0, cases: Vec::new() }
    }

    /// One line from the result channel, `elapsed` after the input it answers was delivered; inputs to send
    /// next go to `outbox`.
    pub fn on_line(&mut self, line: &[u8], elapsed: Duration, outbox: &mut Vec<u8>) -> Control {
        match serde_json::from_slice::<Frame>(line) {
            Ok(frame) => self.on_frame(frame, line.len(), elapsed, outbox),
            Err(_) => self.tampered(),
        }
    }

    /// One frame, `frame_len` bytes long on the wire.
    pub fn on_frame(&mut self, frame: Frame, frame_len: usize, elapsed: Duration, outbox: &mut Vec<u8>) -> Control {
        match (&self.stage, frame) {
            (Stage::Done | Stage::CompileError(_) | Stage::LoadError(..) | Stage::Tampered, _) => Control::Stop,
            (Stage::Starting, Frame::Loading) => {
                self.stage = Stage::Loading;
                Control::Continue
            }
            (Stage::Loading, Frame::Ready) => {
                self.stage = Stage::Ready;
                self.send_next(outbox);
                Control::Continue
            }
            (Stage::Starting | Stage::Loading, Frame::CompileError { message, line, col, text }) => {
                self.stage = Stage::CompileError(CompileErrorInfo { message, line, col, text });
                Control::Stop
            }
            (Stage::Loading, Frame::LoadError { status, error }) => {
                self.stage = Stage::LoadError(status, cap_error(error, self.rules.max_threads));
                Control::Stop
            }
            (Stage::Ready, Frame::Case(f)) => self.on_case(f, frame_len, elapsed, outbox),
            (Stage::Ready, Frame::Done) if self.cases.len() == self.tests.len() => {
                self.stage = Stage::Done;
                Control::Stop
            }
            _ => self.tampered(),
        }
    }

    fn on_case(&mut self, f: CaseFrame, frame_len: usize, elapsed: Duration, outbox: &mut Vec<u8>) -> Control {
        let index = self.cases.len();
        let Some(test) = self.tests.get(index).filter(|t| t.id == f.id && index < self.sent) else {
            return self.tampered();
        };
        let compare = self.rules.compare;
        // A checker judges the answers after the run; until then every answer that came back counts.
        let right = f.status == CaseStatus::Ok
            && (matches!(compare, Compare::Checker { .. }) || super::matches(compare, &test.expected, &f.value));
        let verdict = verdict::of_case(f.status, right);
        // The parent's clock, not the harness's: from the input's delivery to the frame's arrival.
        let ms = (elapsed.as_secs_f64() * 1e6).round() / 1e3;
        let (stdout, cut) = keep_chars(f.stdout, STDOUT_KEEP);
        self.cases.push(
            CaseReport::for_case(test, verdict)
                .actual(keep_value(f.value, frame_len, &test.expected))
                .ms(ms)
                .error(f.error.map(|e| cap_error(e, self.rules.max_threads)))
                .stdout(stdout, f.stdout_truncated || cut),
        );
        if verdict != Verdict::Accepted && self.rules.stop_early {
            return Control::Stop;
        }
        self.send_next(outbox);
        Control::Continue
    }

    /// Queues the input of the case after the last one answered, if there is one.
    fn send_next(&mut self, outbox: &mut Vec<u8>) {
        let index = self.cases.len();
        if let Some(t) = self.tests.get(index) {
            write_case(outbox, &SpecCase { id: t.id, input: &t.input });
            self.sent = index + 1;
        }
    }

    fn tampered(&mut self) -> Control {
        self.stage = Stage::Tampered;
        Control::Stop
    }

    /// The run as it ended: `end` is how the process ended, `stderr_tail` the last of what it wrote to
    /// stderr. A case the run was in when it ended without that case's frame (a time-out, too much output,
    /// an exit) is reported with the verdict the end gives it.
    pub fn finish(self, end: &End, stderr_tail: &str) -> Result<Finished, RunError> {
        let RunMachine { tests, rules, stage, mut cases, .. } = self;
        let time_ms = rules.time_ms;
        let current = tests.get(cases.len()).filter(|_| matches!(stage, Stage::Ready | Stage::Done));
        let started = stage != Stage::Starting;
        let done = stage == Stage::Done;
        let mut compile_error = None;
        // The verdict, ms and error of the case cut short.
        let mut cut_short: Option<(Verdict, f64, Option<ErrorInfo>)> = None;
        let ended = match stage {
            Stage::Tampered => Some((
                Verdict::RuntimeError,
                "the solution wrote to the judge's private result channel; results cannot be trusted".to_string(),
            )),
            Stage::CompileError(ce) => {
                let at = ce.line.map(|l| format!("line {l}: ")).unwrap_or_default();
                let message = format!("{at}{}", ce.message);
                compile_error = Some(ce);
                Some((Verdict::CompileError, message))
            }
            Stage::LoadError(status, error) => {
                Some((verdict::of_load_error(status), format!("while loading the solution: {}", error.message)))
            }
            Stage::Starting | Stage::Loading | Stage::Ready | Stage::Done => match end {
                End::Cancelled => return Err(RunError::Cancelled),
                End::Stopped => None,
                End::Exited(_) if done => None,
                End::TimedOut if !started => Some((
                    Verdict::InternalError,
                    format!("the interpreter did not start within {} s", STARTUP.as_secs()),
                )),
                End::TimedOut => {
                    cut_short = Some((Verdict::TimeLimitExceeded, time_ms as f64, None));
                    let what = match current {
                        Some(t) => format!("case {} ran longer than the limit of {time_ms} ms", t.id),
                        None => format!("loading the solution took longer than {time_ms} ms"),
                    };
                    Some((Verdict::TimeLimitExceeded, what))
                }
                End::OutputLimit => {
                    cut_short = Some((Verdict::OutputLimitExceeded, 0.0, None));
                    Some((
                        Verdict::OutputLimitExceeded,
                        format!("the program wrote more than {} KiB of output", rules.output_limit >> 10),
                    ))
                }
                End::ChannelFlood => {
                    Some((Verdict::RuntimeError, "the solution flooded the judge's private result channel".to_string()))
                }
                End::CpuBudget(used) => {
                    cut_short = Some((Verdict::TimeLimitExceeded, time_ms as f64, None));
                    Some((
                        Verdict::TimeLimitExceeded,
                        format!(
                            "the run used {:.1} s of CPU time, more than its cases allow (threads or background \
                             work count too)",
                            used.as_secs_f64()
                        ),
                    ))
                }
                End::Exited(status) => {
                    let (v, message) = verdict::of_exit(*status, started, stderr_tail);
                    let error = ErrorInfo {
                        kind: "Exited".into(),
                        message: message.clone(),
                        line: None,
                        traceback: String::new(),
                    };
                    cut_short = Some((v, 0.0, Some(error)));
                    Some((v, message))
                }
            },
        };
        if let (Some(t), Some((v, ms, error))) = (current, cut_short) {
            cases.push(CaseReport::for_case(t, v).ms(ms).error(error));
        }
        Ok(Finished { cases, ended, compile_error, done })
    }
}

#[cfg(test)]
mod tests {
    use std::os::unix::process::ExitStatusExt;

    use serde_json::json;

    use super::*;

    /// Three cases: input `{"n": i}`, answer `10 * i`.
    fn three() -> Vec<TestCase> {
        (1..=3)
            .map(|id| TestCase {
                id,
                input: json!({ "n": id }),
                expected: json!(10 * id),
                hidden: false,
                edge: None,
                explain: None,
            })
            .collect()
    }

    fn machine<'a>(tests: &'a [TestCase], compare: &'a Compare, stop_early: bool) -> RunMachine<'a> {
        RunMachine::new(tests, Rules { compare, time_ms: 100, output_limit: 64 << 10, stop_early, max_threads: None })
    }

    /// Feeds `frames`, one JSON line each, 2 ms apart; returns what the machine said to the last one.
    fn feed(m: &mut RunMachine<'_>, frames: &[&str]) -> Control {
        let mut outbox = Vec::new();
        let mut control = Control::Continue;
        for f in frames {
            control = m.on_line(f.as_bytes(), Duration::from_millis(2), &mut outbox);
        }
        control
    }

    fn ok(id: usize, value: usize) -> String {
        format!(r#"{{"t": "case", "id": {id}, "status": "ok", "value": {value}, "stdout": "hi {id}\n"}}"#)
    }

    const LOADING: &str = r#"{"t": "loading"}"#;
    const READY: &str = r#"{"t": "ready"}"#;
    const DONE: &str = r#"{"t": "done"}"#;

    fn verdicts(f: &Finished) -> Vec<(usize, Verdict)> {
        f.cases.iter().map(|c| (c.id, c.verdict)).collect()
    }

    #[test]
    fn the_normal_order_sends_one_case_at_a_time_and_ends_done() {
        let tests = three();
        let mut m = machine(&tests, &Compare::Exact, true);
        assert_eq!(feed(&mut m, &[LOADING]), Control::Continue);
        assert_eq!((&m.stage, m.sent), (&Stage::Loading, 0), "no input before the solution loaded");
        let mut outbox = Vec::new();
        m.on_line(READY.as_bytes(), Duration::ZERO, &mut outbox);
        assert_eq!((&m.stage, m.sent), (&Stage::Ready, 1));
        assert!(!outbox.is_empty(), "the first case's input is queued");
        for id in 1..=3 {
            assert_eq!(feed(&mut m, &[&ok(id, 10 * id)]), Control::Continue);
            assert_eq!(m.sent, (id + 1).min(3), "the next input only after case {id}'s frame");
        }
        assert_eq!(feed(&mut m, &[DONE]), Control::Stop);
        assert_eq!(m.stage, Stage::Done);
        let f = m.finish(&End::Stopped, "").unwrap();
        assert!(f.done && f.ended.is_none() && f.compile_error.is_none());
        assert_eq!(verdicts(&f), [(1, Verdict::Accepted), (2, Verdict::Accepted), (3, Verdict::Accepted)]);
        let c = &f.cases[1];
        assert_eq!(
            (c.actual.clone(), c.ms, c.stdout.as_str(), c.input.clone()),
            (json!(20), 2.0, "hi 2\n", json!({"n": 2}))
        );
        assert_eq!(verdict::overall(f.ended, &f.cases, 3), (Verdict::Accepted, None));
    }

    #[test]
    fn a_frame_out_of_order_is_tampering_and_stops_the_run() {
        let tests = three();
        let forged: &[(&str, &[&str])] = &[
            ("not a frame", &["print('hi')"]),
            ("ready before loading", &[READY]),
            ("loading twice", &[LOADING, LOADING]),
            ("ready twice", &[LOADING, READY, READY]),
            ("a case before ready", &[LOADING, r#"{"t": "case", "id": 1, "status": "ok", "value": 10}"#]),
            ("done before every case", &[LOADING, READY, &ok(1, 10), DONE]),
            (
                "a load error after ready",
                &[
                    LOADING,
                    READY,
                    r#"{"t": "load_error", "status": "error", "error": {"type": "E", "message": "m", "line": null}}"#,
                ],
            ),
            (
                "a compile error after ready",
                &[LOADING, READY, r#"{"t": "compile_error", "message": "m", "line": 1, "col": 1}"#],
            ),
            ("a checker's frame", &[LOADING, READY, r#"{"t": "checked", "results": [true]}"#]),
        ];
        for (what, frames) in forged {
            let mut m = machine(&tests, &Compare::Exact, true);
            assert_eq!(feed(&mut m, frames), Control::Stop, "{what}");
            assert_eq!(m.stage, Stage::Tampered, "{what}");
            let f = m.finish(&End::Stopped, "").unwrap();
            let (verdict, message) = f.ended.unwrap();
            assert_eq!(verdict, Verdict::RuntimeError, "{what}");
            assert!(message.contains("private result channel"), "{what}: {message}");
        }
    }

    #[test]
    fn a_frame_for_a_case_not_sent_is_forged() {
        let tests = three();
        for (what, frames) in [
            ("the second case while the first runs", vec![LOADING.to_string(), READY.into(), ok(2, 20)]),
            ("the third case while the second runs", vec![LOADING.into(), READY.into(), ok(1, 10), ok(3, 30)]),
            ("the first case twice", vec![LOADING.into(), READY.into(), ok(1, 10), ok(1, 10)]),
            ("a case the run does not have", vec![LOADING.into(), READY.into(), ok(9, 90)]),
        ] {
            let mut m = machine(&tests, &Compare::Exact, false);
            let frames: Vec<&str> = frames.iter().map(String::as_str).collect();
            assert_eq!(feed(&mut m, &frames), Control::Stop, "{what}");
            assert_eq!(m.stage, Stage::Tampered, "{what}");
        }
        // Nothing after the run stopped changes what it decided.
        let mut m = machine(&tests, &Compare::Exact, false);
        feed(&mut m, &[LOADING, READY, &ok(2, 20)]);
        assert_eq!(feed(&mut m, &[&ok(1, 10)]), Control::Stop);
        assert_eq!((&m.stage, m.cases.len()), (&Stage::Tampered, 0));
    }

    #[test]
    fn a_load_or_compile_error_ends_the_run_with_its_verdict() {
        let tests = three();
        let mut m = machine(&tests, &Compare::Exact, true);
        let load_error = r#"{"t": "load_error", "status": "memory",
            "error": {"type": "MemoryError", "message": "MemoryError: big", "line": 2}}"#;
        assert_eq!(feed(&mut m, &[LOADING, load_error]), Control::Stop);
        assert!(matches!(m.stage, Stage::LoadError(CaseStatus::Memory, _)));
        let f = m.finish(&End::Stopped, "").unwrap();
        assert_eq!(
            f.ended,
            Some((Verdict::MemoryLimitExceeded, "while loading the solution: MemoryError: big".into()))
        );
        assert!(f.cases.is_empty() && !f.done);

        let mut m = machine(&tests, &Compare::Exact, true);
        feed(&mut m, &[load_error]);
        assert_eq!(m.stage, Stage::Tampered, "a load error before loading");

        // A syntax error comes before loading; a missing class or method after it.
        for frames in [&[] as &[&str], &[LOADING]] {
            let mut m = machine(&tests, &Compare::Exact, true);
            let compile = r#"{"t": "compile_error", "message": "SyntaxError: invalid syntax", "line": 3, "col": 7}"#;
            let frames: Vec<&str> = frames.iter().copied().chain([compile]).collect();
            assert_eq!(feed(&mut m, &frames), Control::Stop);
            let f = m.finish(&End::Stopped, "").unwrap();
            assert_eq!(f.ended, Some((Verdict::CompileError, "line 3: SyntaxError: invalid syntax".into())));
            assert_eq!(f.compile_error.map(|c| (c.line, c.col)), Some((Some(3), Some(7))));
        }
    }

    #[test]
    fn the_first_failure_stops_the_run_unless_told_otherwise() {
        let tests = three();
        let mut m = machine(&tests, &Compare::Exact, true);
        assert_eq!(feed(&mut m, &[LOADING, READY, &ok(1, 10), &ok(2, 99)]), Control::Stop);
        assert_eq!(m.sent, 2, "the third input never left");
        let f = m.finish(&End::Stopped, "").unwrap();
        assert_eq!(verdicts(&f), [(1, Verdict::Accepted), (2, Verdict::WrongAnswer)]);
        assert_eq!(verdict::overall(f.ended, &f.cases, 3), (Verdict::WrongAnswer, Some("case 2: wrong answer".into())));

        let mut m = machine(&tests, &Compare::Exact, false);
        assert_eq!(feed(&mut m, &[LOADING, READY, &ok(1, 10), &ok(2, 99)]), Control::Continue);
        assert_eq!(m.sent, 3);

        // A checker problem's answers are all accepted here; the checker judges them after the run.
        let checker = Compare::Checker { code: String::new() };
        let mut m = machine(&tests, &checker, false);
        feed(&mut m, &[LOADING, READY, &ok(1, 99)]);
        assert_eq!(m.cases[0].verdict, Verdict::Accepted);
    }

    #[test]
    fn a_run_cut_short_reports_the_case_it_was_in() {
        let tests = three();
        let in_case_two = |tests| {
            let mut m = machine(tests, &Compare::Exact, true);
            feed(&mut m, &[LOADING, READY, &ok(1, 10)]);
            m
        };
        let f = in_case_two(&tests).finish(&End::TimedOut, "").unwrap();
        assert_eq!(f.ended, Some((Verdict::TimeLimitExceeded, "case 2 ran longer than the limit of 100 ms".into())));
        assert_eq!(verdicts(&f), [(1, Verdict::Accepted), (2, Verdict::TimeLimitExceeded)]);
        assert_eq!((f.cases[1].ms, f.cases[1].actual.clone()), (100.0, serde_json::Value::Null));

        let f = in_case_two(&tests).finish(&End::OutputLimit, "").unwrap();
        assert_eq!(
            f.ended,
            Some((Verdict::OutputLimitExceeded, "the program wrote more than 64 KiB of output".into()))
        );
        assert_eq!(verdicts(&f)[1], (2, Verdict::OutputLimitExceeded));

        let f = in_case_two(&tests).finish(&End::CpuBudget(Duration::from_millis(1500)), "").unwrap();
        assert!(f.ended.as_ref().unwrap().1.starts_with("the run used 1.5 s of CPU time"));
        assert_eq!(verdicts(&f)[1], (2, Verdict::TimeLimitExceeded));

        let f = in_case_two(&tests).finish(&End::Exited(std::process::ExitStatus::from_raw(3 << 8)), "").unwrap();
        let (verdict, message) = f.ended.unwrap();
        assert_eq!(
            (verdict, message.as_str()),
            (
                Verdict::RuntimeError,
                "the program exited before finishing (exit code 3); do not call exit() in a solution"
            )
        );
        let error = f.cases[1].error.as_ref().unwrap();
        assert_eq!((error.kind.as_str(), &error.message), ("Exited", &message));

        let f = in_case_two(&tests).finish(&End::ChannelFlood, "").unwrap();
        assert_eq!(f.ended.map(|e| e.0), Some(Verdict::RuntimeError));
        assert_eq!(f.cases.len(), 1, "a flood is not the case's doing alone");

        assert!(matches!(in_case_two(&tests).finish(&End::Cancelled, ""), Err(RunError::Cancelled)));
    }

    #[test]
    fn a_run_cut_short_before_its_cases_blames_the_start_or_the_load() {
        let tests = three();
        let m = machine(&tests, &Compare::Exact, true);
        let f = m.finish(&End::TimedOut, "").unwrap();
        assert_eq!(f.ended, Some((Verdict::InternalError, "the interpreter did not start within 10 s".into())));
        let mut m = machine(&tests, &Compare::Exact, true);
        feed(&mut m, &[LOADING]);
        let f = m.finish(&End::TimedOut, "").unwrap();
        assert_eq!(f.ended, Some((Verdict::TimeLimitExceeded, "loading the solution took longer than 100 ms".into())));
        assert!(f.cases.is_empty());
        let m = machine(&tests, &Compare::Exact, true);
        let f = m.finish(&End::Exited(std::process::ExitStatus::from_raw(1 << 8)), "ImportError: x\n").unwrap();
        assert_eq!(f.ended.map(|e| e.0), Some(Verdict::InternalError));
        assert!(f.cases.is_empty());
    }
}
