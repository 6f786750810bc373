//! What a run reports: one [`CaseReport`] per case that ran, the [`Report`] around them, and what of the
//! solution's own output and errors a report keeps (each text cut to a documented size, a huge returned
//! value replaced by a description), whatever the harness sent.
//!
//! A case report is built from its test with [`CaseReport::for_case`] and the outcome's fields that apply;
//! `passed` always follows the verdict.

use serde::Serialize;
use serde_json::Value;

use super::protocol::ErrorInfo;
use super::sandbox;
use super::verdict::Verdict;
use crate::problems::{Edge, TestCase};

/// Characters of each case's captured stdout kept in the report.
pub(super) const STDOUT_KEEP: usize = 4096;
/// Characters kept of an error's message, kind and traceback, whatever the harness sends.
const ERROR_MESSAGE_KEEP: usize = 2000;
const ERROR_KIND_KEEP: usize = 100;
const TRACEBACK_KEEP: usize = 8000;
/// Bytes of a returned value always kept; past this, up to four times the expected answer's size.
const VALUE_KEEP: usize = 256 << 10;

/// One case as reported. Hidden cases that passed keep their input and answers to themselves.
#[derive(Debug, Clone, Serialize, serde::Deserialize, PartialEq)]
pub struct CaseReport {
    pub id: usize,
    pub hidden: bool,
    pub edge: Option<Edge>,
    pub passed: bool,
    pub verdict: Verdict,
    pub input: Value,
    pub expected: Value,
    pub actual: Value,
    pub ms: f64,
    pub error: Option<ErrorInfo>,
    pub stdout: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub stdout_truncated: bool,
}

impl CaseReport {
    /// The report of test `t` with `verdict`: its input and expected answer, and so far nothing returned,
    /// no time, no error and no output (the methods below add those).
    pub(super) fn for_case(t: &TestCase, verdict: Verdict) -> CaseReport {
        CaseReport {
            id: t.id,
            hidden: t.hidden,
            edge: t.edge,
            passed: verdict == Verdict::Accepted,
            verdict,
            input: t.input.clone(),
            expected: t.expected.clone(),
            actual: Value::Null,
            ms: 0.0,
            error: None,
            stdout: String::new(),
            stdout_truncated: false,
        }
    }

    /// What the solution returned.
    pub(super) fn actual(mut self, value: Value) -> CaseReport {
        self.actual = value;
        self
    }

    /// The case's time, as the parent measured it.
    pub(super) fn ms(mut self, ms: f64) -> CaseReport {
        self.ms = ms;
        self
    }

    pub(super) fn error(mut self, error: Option<ErrorInfo>) -> CaseReport {
        self.error = error;
        self
    }

    /// What the solution printed, and whether some of it was cut.
    pub(super) fn stdout(mut self, text: String, truncated: bool) -> CaseReport {
        self.stdout = text;
        self.stdout_truncated = truncated;
        self
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CompileErrorInfo {
    pub message: String,
    pub line: Option<u32>,
    pub col: Option<u32>,
    pub text: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub problem: String,
    pub verdict: Verdict,
    pub passed: usize,
    pub total: usize,
    /// Sum of the measured call times of the cases that ran.
    pub runtime_ms: f64,
    pub cases: Vec<CaseReport>,
    /// One line on what went wrong, when something did.
    pub message: Option<String>,
    pub compile_error: Option<CompileErrorInfo>,
    pub sandbox: Vec<sandbox::Layer>,
}

impl Report {
    /// One line in the log for a finished run (`run` or `submit`): problem, verdict, tests passed, time.
    /// Never the code.
    pub fn log(&self, what: &str) {
        tracing::info!(
            "{what} {}: {} ({}/{} passed) in {:.1} ms",
            self.problem,
            self.verdict.as_str(),
            self.passed,
            self.total,
            self.runtime_ms
        );
    }

    /// A run that ended without a verdict of its own (the interpreter could not start, supervision or the
    /// checker failed): an internal error, `message` saying why, with the cases that had run. No case
    /// failed by the solution's doing, so every hidden case keeps its data to itself.
    pub(super) fn internal_error(
        problem: &str,
        total: usize,
        sandbox: Vec<sandbox::Layer>,
        message: String,
        mut cases: Vec<CaseReport>,
    ) -> Report {
        cases.iter_mut().filter(|c| c.hidden).for_each(hide);
        Report {
            problem: problem.to_string(),
            verdict: Verdict::InternalError,
            passed: 0,
            total,
            runtime_ms: 0.0,
            cases,
            message: Some(message),
            compile_error: None,
            sandbox,
        }
    }

    /// The first failing case, which the report shows in full.
    pub fn failing_case(&self) -> Option<&CaseReport> {
        self.cases.iter().find(|c| !c.passed)
    }
}

/// What hidden cases show: their outcome (verdict, time, error, edge tag), never their input, answers or
/// output, failing or not (issue 15: a hidden case stays hidden). Why a run failed is shown through the
/// smallest failing input the diagnosis generates instead (`diagnose`), which is never a hidden test's.
pub(super) fn redact_hidden(cases: &mut [CaseReport]) {
    cases.iter_mut().filter(|c| c.hidden).for_each(hide);
}

/// A hidden case's input, answers and output left out of the report.
fn hide(c: &mut CaseReport) {
    c.input = Value::Null;
    c.expected = Value::Null;
    c.actual = Value::Null;
    c.stdout.clear();
}

/// The returned value as the report keeps it: a value far larger than the expected answer (which a
/// submission would otherwise store whole) becomes a one-line description. `frame_len` bounds its size.
pub(super) fn keep_value(value: Value, frame_len: usize, expected: &Value) -> Value {
    if frame_len <= VALUE_KEEP || frame_len <= 4 * expected.to_string().len() {
        return value;
    }
    let what = match &value {
        Value::Array(items) => format!("a list of {} items", items.len()),
        Value::String(text) => format!("a string of {} characters", text.chars().count()),
        Value::Object(map) => format!("a dict of {} keys", map.len()),
        _ => "a value".to_string(),
    };
    Value::String(format!("<{what}, {} KiB: too large to keep>", frame_len >> 10))
}

/// At most `keep` characters of `s`, and whether any were cut.
pub(super) fn keep_chars(mut s: String, keep: usize) -> (String, bool) {
    match s.char_indices().nth(keep) {
        Some((at, _)) => {
            s.truncate(at);
            (s, true)
        }
        None => (s, false),
    }
}

/// The error as the report keeps it: each text cut to its documented size, whatever the harness sent, and
/// the thread limit named where Python only says it could not start one.
pub(super) fn cap_error(e: ErrorInfo, max_threads: Option<u32>) -> ErrorInfo {
    let message = match max_threads {
        Some(n) if e.kind == "RuntimeError" && e.message.contains("can't start new thread") => {
            format!("{}: a run may have at most {n} threads", e.message)
        }
        _ => e.message,
    };
    ErrorInfo {
        kind: keep_chars(e.kind, ERROR_KIND_KEEP).0,
        message: keep_chars(message, ERROR_MESSAGE_KEEP).0,
        line: e.line,
        traceback: keep_chars(e.traceback, TRACEBACK_KEEP).0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn text_is_cut_on_characters_and_says_so() {
        assert_eq!(keep_chars("héllo".into(), 2), ("hé".to_string(), true));
        assert_eq!(keep_chars("hé".into(), 2), ("hé".to_string(), false));
        assert_eq!(keep_chars(String::new(), 0), (String::new(), false));
    }

    #[test]
    fn errors_are_capped_and_the_thread_limit_is_named() {
        let e = cap_error(
            ErrorInfo {
                kind: "E".repeat(500),
                message: "B".repeat(1 << 20),
                line: Some(3),
                traceback: "C".repeat(1 << 20),
            },
            None,
        );
        assert_eq!((e.kind.len(), e.message.len(), e.traceback.len()), (100, 2000, 8000));
        assert_eq!(e.line, Some(3));
        let e = cap_error(
            ErrorInfo {
                kind: "RuntimeError".into(),
                message: "RuntimeError: can't start new thread".into(),
                line: None,
                traceback: String::new(),
            },
            Some(300),
        );
        assert!(e.message.ends_with("a run may have at most 300 threads"), "{}", e.message);
    }

    #[test]
    fn only_values_far_larger_than_the_answer_are_replaced() {
        let small = json!([1, 2, 3]);
        assert_eq!(keep_value(small.clone(), 7, &small), small);
        let big = Value::Array(vec![json!(1); 200_000]);
        let len = big.to_string().len();
        assert_eq!(keep_value(big.clone(), len, &big), big, "as large as the expected answer: kept");
        let kept = keep_value(big, len, &json!(1));
        assert_eq!(kept, json!(format!("<a list of 200000 items, {} KiB: too large to keep>", len >> 10)));
    }

    #[test]
    fn a_case_report_is_built_from_its_test_and_passes_with_its_verdict() {
        let t = TestCase {
            id: 4,
            input: json!({"n": 1}),
            expected: json!(2),
            hidden: true,
            edge: Some(Edge::Single),
            explain: None,
        };
        let c = CaseReport::for_case(&t, Verdict::Accepted).actual(json!(2)).ms(1.5).stdout("hi".into(), true);
        assert!(c.passed && c.hidden && c.stdout_truncated);
        assert_eq!(
            (c.id, c.edge, c.input, c.expected, c.actual, c.ms),
            (4, Some(Edge::Single), json!({"n": 1}), json!(2), json!(2), 1.5)
        );
        let c = CaseReport::for_case(&t, Verdict::WrongAnswer);
        assert!(!c.passed);
        assert_eq!((c.actual, c.ms, c.error, c.stdout), (Value::Null, 0.0, None, String::new()));
    }

    #[test]
    fn hidden_cases_show_only_their_outcome_even_when_they_fail() {
        let test = |id: usize, hidden: bool| TestCase {
            id,
            input: json!({"n": id}),
            expected: json!(id),
            hidden,
            edge: None,
            explain: None,
        };
        let mut cases = vec![
            CaseReport::for_case(&test(1, true), Verdict::Accepted).actual(json!(1)).stdout("one".into(), false),
            CaseReport::for_case(&test(2, false), Verdict::Accepted).actual(json!(2)).stdout("two".into(), false),
            CaseReport::for_case(&test(3, true), Verdict::WrongAnswer).actual(json!(0)).stdout("three".into(), false),
            CaseReport::for_case(&test(4, false), Verdict::WrongAnswer).actual(json!(0)).stdout("four".into(), false),
        ];
        let before = cases.clone();
        redact_hidden(&mut cases);
        let shown = |c: &CaseReport| (c.input.clone(), c.expected.clone(), c.actual.clone(), c.stdout.clone());
        let nothing = (Value::Null, Value::Null, Value::Null, String::new());
        assert_eq!(shown(&cases[0]), nothing, "a hidden case that passed");
        assert_eq!(cases[1], before[1], "a public case");
        assert_eq!(shown(&cases[2]), nothing, "the first failure, hidden: its data stays hidden");
        assert_eq!(
            (cases[2].id, cases[2].verdict, cases[2].passed),
            (3, Verdict::WrongAnswer, false),
            "its outcome stays"
        );
        assert_eq!(cases[3], before[3], "a public failure is shown in full");
    }

    #[test]
    fn an_internal_error_shows_no_hidden_case() {
        // Found in review: when the checker failed, the cases came back unredacted, hidden ones included.
        let hidden =
            TestCase { id: 1, input: json!({"n": 1}), expected: json!(1), hidden: true, edge: None, explain: None };
        let public = TestCase { hidden: false, id: 2, ..hidden.clone() };
        let cases = vec![
            CaseReport::for_case(&hidden, Verdict::WrongAnswer).actual(json!(0)).stdout("secret".into(), false),
            CaseReport::for_case(&public, Verdict::WrongAnswer).actual(json!(0)),
        ];
        let r = Report::internal_error("p", 2, Vec::new(), "the checker failed".into(), cases.clone());
        assert_eq!(r.verdict, Verdict::InternalError);
        let c = &r.cases[0];
        assert_eq!(
            (&c.input, &c.expected, &c.actual, c.stdout.as_str()),
            (&Value::Null, &Value::Null, &Value::Null, "")
        );
        assert_eq!(r.cases[1], cases[1], "a public case is shown as it ran");
    }
}
