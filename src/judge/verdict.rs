//! Verdicts: the eight outcomes a run or a case can have (their strings are part of the JSON interface),
//! and the rules that decide them, as pure functions of what the run produced: a case's from the
//! harness's status ([`of_case`]), a failed load's ([`of_load_error`]), an interpreter that exited early
//! ([`of_exit`]), a checker's answers ([`apply_checks`]), and the run's from all of that ([`overall`]).
//!
//! The order of precedence: whatever the run's end decided (tampering, a compile or load error, a limit, a
//! crash), then the first failing case, then accepted only when every case reported.

use std::os::unix::process::ExitStatusExt;
use std::process::ExitStatus;

use serde::Serialize;
use serde_json::Value;

use super::process::describe_status;
use super::protocol::{CaseStatus, ErrorInfo};
use super::report::CaseReport;

/// Verdict strings are part of the JSON interface: keep them exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Accepted,
    WrongAnswer,
    TimeLimitExceeded,
    MemoryLimitExceeded,
    OutputLimitExceeded,
    RuntimeError,
    CompileError,
    InternalError,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Accepted => "accepted",
            Verdict::WrongAnswer => "wrong_answer",
            Verdict::TimeLimitExceeded => "time_limit_exceeded",
            Verdict::MemoryLimitExceeded => "memory_limit_exceeded",
            Verdict::OutputLimitExceeded => "output_limit_exceeded",
            Verdict::RuntimeError => "runtime_error",
            Verdict::CompileError => "compile_error",
            Verdict::InternalError => "internal_error",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Verdict::Accepted => "Accepted",
            Verdict::WrongAnswer => "Wrong Answer",
            Verdict::TimeLimitExceeded => "Time Limit Exceeded",
            Verdict::MemoryLimitExceeded => "Memory Limit Exceeded",
            Verdict::OutputLimitExceeded => "Output Limit Exceeded",
            Verdict::RuntimeError => "Runtime Error",
            Verdict::CompileError => "Compile Error",
            Verdict::InternalError => "Internal Error",
        }
    }

    pub fn parse(s: &str) -> Option<Verdict> {
        serde_json::from_value(Value::String(s.to_string())).ok()
    }
}

/// A case's verdict from the status the harness sent. `answer_right` (the returned value matches the
/// expected answer, or a checker will judge it later) counts only when the status is `ok`.
pub(super) fn of_case(status: CaseStatus, answer_right: bool) -> Verdict {
    match status {
        CaseStatus::Ok if answer_right => Verdict::Accepted,
        CaseStatus::Ok | CaseStatus::Wrong => Verdict::WrongAnswer,
        CaseStatus::Error => Verdict::RuntimeError,
        CaseStatus::Memory => Verdict::MemoryLimitExceeded,
        CaseStatus::OutputLimit => Verdict::OutputLimitExceeded,
    }
}

/// The verdict when loading the solution failed: its module-level code ran out of memory or output, or
/// raised.
pub(super) fn of_load_error(status: CaseStatus) -> Verdict {
    match status {
        CaseStatus::Memory => Verdict::MemoryLimitExceeded,
        CaseStatus::OutputLimit => Verdict::OutputLimitExceeded,
        _ => Verdict::RuntimeError,
    }
}

/// The verdict and message when the interpreter exited before the harness said it was done. `started`:
/// the harness had begun loading the solution (before that, the fault is the judge's, not the solution's).
pub(super) fn of_exit(status: ExitStatus, started: bool, stderr_tail: &str) -> (Verdict, String) {
    let how = describe_status(&status);
    match status.signal() {
        _ if !started => (
            Verdict::InternalError,
            format!("the interpreter exited before running the solution ({how}): {}", last_line(stderr_tail)),
        ),
        Some(libc::SIGXCPU) => (Verdict::TimeLimitExceeded, format!("the CPU time limit was reached ({how})")),
        Some(libc::SIGKILL) => (
            Verdict::RuntimeError,
            format!(
                "the process was killed from outside the judge ({how}); the system's out-of-memory killer is the \
                 usual cause"
            ),
        ),
        Some(libc::SIGSEGV) => {
            (Verdict::RuntimeError, format!("the interpreter crashed ({how}); very deep recursion is the usual cause"))
        }
        _ => (
            Verdict::RuntimeError,
            format!("the program exited before finishing ({how}); do not call exit() in a solution"),
        ),
    }
}

/// The run's verdict and one-line message: what the run's end decided (`ended`, a limit, a crash, a
/// compile error) comes first; else the first failing case's; else accepted when all `total` cases
/// reported, and an internal error when fewer did.
pub(super) fn overall(
    ended: Option<(Verdict, String)>,
    cases: &[CaseReport],
    total: usize,
) -> (Verdict, Option<String>) {
    if let Some((verdict, message)) = ended {
        return (verdict, Some(message));
    }
    match cases.iter().find(|c| !c.passed) {
        Some(c) => {
            let what = match &c.error {
                Some(e) => e.message.clone(),
                None => c.verdict.title().to_lowercase(),
            };
            (c.verdict, Some(format!("case {}: {what}", c.id)))
        }
        None if cases.len() == total => (Verdict::Accepted, None),
        None => (Verdict::InternalError, Some(format!("the harness reported {} of {total} cases", cases.len()))),
    }
}

/// A checker's answers applied to the cases it judged, which are the accepted ones in order (`results`
/// holds one per accepted case): `false` makes a case a wrong answer, an error an internal error. With
/// `stop_at_first_failure`, the cases after the first failure are dropped, as if the run had stopped there.
pub(super) fn apply_checks(
    cases: &mut Vec<CaseReport>,
    results: Vec<Result<bool, String>>,
    stop_at_first_failure: bool,
) {
    let mut results = results.into_iter();
    for case in cases.iter_mut().filter(|c| c.verdict == Verdict::Accepted) {
        match results.next() {
            Some(Ok(true)) | None => {}
            Some(Ok(false)) => {
                case.verdict = Verdict::WrongAnswer;
                case.passed = false;
            }
            Some(Err(e)) => {
                case.verdict = Verdict::InternalError;
                case.passed = false;
                case.error =
                    Some(ErrorInfo { kind: "CheckerError".into(), message: e, line: None, traceback: String::new() });
            }
        }
    }
    if stop_at_first_failure {
        if let Some(first) = cases.iter().position(|c| !c.passed) {
            cases.truncate(first + 1);
        }
    }
}

fn last_line(s: &str) -> &str {
    s.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("no error output").trim()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn case(id: usize, verdict: Verdict) -> CaseReport {
        let t = crate::problems::TestCase::generated(id, json!({"n": id}));
        CaseReport::for_case(&t, verdict)
    }

    #[test]
    fn a_case_is_accepted_only_when_it_ran_and_its_answer_is_right() {
        assert_eq!(of_case(CaseStatus::Ok, true), Verdict::Accepted);
        assert_eq!(of_case(CaseStatus::Ok, false), Verdict::WrongAnswer);
        assert_eq!(of_case(CaseStatus::Wrong, true), Verdict::WrongAnswer, "a wrong kind of answer");
        assert_eq!(of_case(CaseStatus::Error, true), Verdict::RuntimeError);
        assert_eq!(of_case(CaseStatus::Memory, true), Verdict::MemoryLimitExceeded);
        assert_eq!(of_case(CaseStatus::OutputLimit, true), Verdict::OutputLimitExceeded);
        assert_eq!(of_load_error(CaseStatus::Memory), Verdict::MemoryLimitExceeded);
        assert_eq!(of_load_error(CaseStatus::OutputLimit), Verdict::OutputLimitExceeded);
        assert_eq!(of_load_error(CaseStatus::Error), Verdict::RuntimeError);
    }

    #[test]
    fn an_early_exit_is_the_judges_fault_before_loading_and_the_solutions_after() {
        let signal = |sig: i32| ExitStatus::from_raw(sig);
        let code = |c: i32| ExitStatus::from_raw(c << 8);
        let (v, msg) = of_exit(code(1), false, "Fatal Python error: init\n\n");
        assert_eq!(v, Verdict::InternalError);
        assert!(msg.ends_with("(exit code 1): Fatal Python error: init"), "{msg}");
        assert_eq!(
            of_exit(code(1), false, "").1,
            "the interpreter exited before running the solution (exit code 1): no error output"
        );
        assert_eq!(of_exit(signal(libc::SIGXCPU), true, "").0, Verdict::TimeLimitExceeded);
        let (v, msg) = of_exit(signal(libc::SIGKILL), true, "");
        assert_eq!(v, Verdict::RuntimeError);
        assert!(msg.contains("out-of-memory killer"), "{msg}");
        assert!(of_exit(signal(libc::SIGSEGV), true, "").1.contains("very deep recursion"));
        let (v, msg) = of_exit(code(0), true, "");
        assert_eq!(v, Verdict::RuntimeError);
        assert_eq!(msg, "the program exited before finishing (exit code 0); do not call exit() in a solution");
    }

    #[test]
    fn the_end_decides_first_then_the_first_failure_then_the_count() {
        let cases = [case(1, Verdict::Accepted), case(2, Verdict::WrongAnswer), case(3, Verdict::RuntimeError)];
        let ended = Some((Verdict::TimeLimitExceeded, "case 4 ran longer".to_string()));
        assert_eq!(overall(ended, &cases, 4), (Verdict::TimeLimitExceeded, Some("case 4 ran longer".into())));
        assert_eq!(overall(None, &cases, 3), (Verdict::WrongAnswer, Some("case 2: wrong answer".into())));
        let mut failed = case(2, Verdict::RuntimeError);
        failed.error = Some(ErrorInfo {
            kind: "ValueError".into(),
            message: "ValueError: x".into(),
            line: Some(3),
            traceback: String::new(),
        });
        assert_eq!(overall(None, &[failed], 1), (Verdict::RuntimeError, Some("case 2: ValueError: x".into())));
        let passed = [case(1, Verdict::Accepted), case(2, Verdict::Accepted)];
        assert_eq!(overall(None, &passed, 2), (Verdict::Accepted, None));
        assert_eq!(
            overall(None, &passed, 3),
            (Verdict::InternalError, Some("the harness reported 2 of 3 cases".into()))
        );
        assert_eq!(overall(None, &[], 0), (Verdict::Accepted, None));
    }

    #[test]
    fn a_checker_judges_the_accepted_cases_in_order() {
        let run = || vec![case(1, Verdict::Accepted), case(2, Verdict::Accepted), case(3, Verdict::Accepted)];
        let mut cases = run();
        apply_checks(&mut cases, vec![Ok(true), Ok(false), Err("boom".into())], false);
        let verdicts: Vec<_> = cases.iter().map(|c| (c.verdict, c.passed)).collect();
        assert_eq!(
            verdicts,
            [(Verdict::Accepted, true), (Verdict::WrongAnswer, false), (Verdict::InternalError, false)]
        );
        assert_eq!(
            cases[2].error.as_ref().map(|e| (e.kind.as_str(), e.message.as_str())),
            Some(("CheckerError", "boom"))
        );

        let mut cases = run();
        apply_checks(&mut cases, vec![Ok(true), Ok(false), Ok(false)], true);
        assert_eq!(cases.len(), 2, "stopped at the first failure");

        let mut cases = vec![case(1, Verdict::WrongAnswer), case(2, Verdict::Accepted)];
        apply_checks(&mut cases, vec![Ok(false)], false);
        assert_eq!(cases[1].verdict, Verdict::WrongAnswer, "the one answer is the accepted case's");
    }
}
