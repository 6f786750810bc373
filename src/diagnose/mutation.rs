//! `codify problems check`: how good a problem's tests are, measured by the wrong solutions they reject.
//!
//! Each mutant of the reference solution ([`crate::analysis::mutate`]) runs against the problem's tests in
//! the sandbox. A mutant that passes them all *survives*. A survivor is then run on many small random inputs
//! from the problem's generator (`small(rng)` in gen.py) beside the reference: if some input tells them
//! apart, the tests are missing that case, and the smallest such input is reported as the test to add; if
//! none does, the mutant is taken as equivalent (the same program in effect) and reported as such, with the
//! number of inputs tried.

use serde::Serialize;
use serde_json::Value;

use crate::analysis::mutate::{self, Mutant, MutantKind};
use crate::fmt::clip;
use crate::judge::{Judge, RunOptions, Verdict};
use crate::problems::{Problem, TestCase};

/// How many random inputs an equivalence check tries by default.
pub const DEFAULT_SAMPLES: usize = 300;

#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    pub slug: String,
    pub mutants: usize,
    /// Rejected by the tests, by verdict (`wrong_answer`, `runtime_error`, `time_limit_exceeded`, ...).
    pub killed: std::collections::BTreeMap<&'static str, usize>,
    /// Each rejected mutant with the verdict that rejected it (a time-out kill is worth a look: it may be
    /// an endless loop, or a slow machine).
    pub kills: Vec<Kill>,
    /// Passed the tests but agreed with the reference on every random input tried.
    pub equivalent: Vec<Survivor>,
    /// Passed the tests and disagree with the reference: each is a missing test.
    pub survivors: Vec<Survivor>,
    /// Survivors that could not be compared (no generator, or the generator failed).
    pub unverified: Vec<Survivor>,
    /// Why the problem could not be checked at all, or why equivalence could not be tested.
    pub error: Option<String>,
    /// Random inputs tried for each equivalence check.
    pub samples: usize,
}

impl CheckReport {
    /// True when no mutant is left unexplained.
    pub fn clean(&self) -> bool {
        self.error.is_none() && self.survivors.is_empty() && self.unverified.is_empty()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Kill {
    pub kind: MutantKind,
    pub line: u32,
    pub change: String,
    pub verdict: Verdict,
}

#[derive(Debug, Clone, Serialize)]
pub struct Survivor {
    pub kind: MutantKind,
    pub line: u32,
    pub change: String,
    /// The smallest input found on which the mutant and the reference differ (survivors only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<Value>,
}

impl Survivor {
    fn of(m: &Mutant) -> Survivor {
        Survivor { kind: m.kind, line: m.line, change: m.change.clone(), input: None, expected: None, actual: None }
    }
}

pub struct CheckOptions {
    pub samples: usize,
    pub seed: u64,
    /// Mutants run at once (each is one interpreter).
    pub jobs: usize,
}

/// Checks one problem's tests against the mutants of its reference solution.
pub fn check(judge: &Judge, problem: &Problem, opts: &CheckOptions) -> CheckReport {
    let mut report = CheckReport {
        slug: problem.slug.clone(),
        mutants: 0,
        killed: Default::default(),
        kills: vec![],
        equivalent: vec![],
        survivors: vec![],
        unverified: vec![],
        error: None,
        samples: opts.samples,
    };
    let tests = match problem.tests() {
        Ok(t) => t,
        Err(e) => {
            report.error = Some(e.to_string());
            return report;
        }
    };
    let all = mutate::mutants(&problem.solution);
    report.mutants = all.len();
    let verdicts = run_parallel(&all, opts.jobs, |m| {
        judge.run(problem, &tests, &m.source, &RunOptions::default()).map(|r| r.verdict).ok()
    });
    let mut passed = Vec::new();
    for (m, v) in all.iter().zip(verdicts) {
        match v.flatten() {
            Some(Verdict::Accepted) => passed.push(m),
            Some(verdict) => {
                *report.killed.entry(verdict.as_str()).or_default() += 1;
                report.kills.push(Kill { kind: m.kind, line: m.line, change: m.change.clone(), verdict });
            }
            None => report.unverified.push(Survivor::of(m)),
        }
    }
    if passed.is_empty() {
        return report;
    }
    let samples = match sample_cases(judge, problem, opts) {
        Ok(s) => s,
        Err(e) => {
            report.error = Some(e);
            report.unverified = passed.iter().map(|m| Survivor::of(m)).collect();
            return report;
        }
    };
    let outcomes = run_parallel(&passed, opts.jobs, |m| differs(judge, problem, &samples, &m.source));
    for (m, outcome) in passed.iter().zip(outcomes) {
        let Some(outcome) = outcome else {
            report.unverified.push(Survivor::of(m));
            continue;
        };
        match outcome {
            Some(case) => report.survivors.push(Survivor {
                input: Some(case.input),
                expected: Some(case.expected),
                actual: Some(case.actual),
                ..Survivor::of(m)
            }),
            None => report.equivalent.push(Survivor::of(m)),
        }
    }
    report
}

/// Small random inputs from the problem's generator, each with the reference's answer as the expected one.
fn sample_cases(judge: &Judge, problem: &Problem, opts: &CheckOptions) -> Result<Vec<TestCase>, String> {
    let generator = problem
        .generator()
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("{}: no gen.py, so survivors cannot be compared on random inputs", problem.origin))?;
    let inputs = judge.small_inputs(problem, &generator, opts.seed, opts.samples)?;
    let cases: Vec<TestCase> =
        inputs.into_iter().enumerate().map(|(i, input)| TestCase::generated(i + 1, input)).collect();
    let all = RunOptions { stop_at_first_failure: false, cancel: None };
    let reference = judge.run(problem, &cases, &problem.solution, &all).map_err(|e| e.to_string())?;
    if reference.cases.len() != cases.len() {
        return Err(format!(
            "{}: the reference did not answer every generated input ({})",
            problem.origin,
            reference.message.unwrap_or_default()
        ));
    }
    let mut out = Vec::with_capacity(cases.len());
    for (mut case, answer) in cases.into_iter().zip(reference.cases) {
        if let Some(e) = answer.error {
            return Err(format!(
                "{}/gen.py: small() made an input the reference fails on ({}): {}",
                problem.origin,
                e.message,
                clip(&case.input.to_string(), 200)
            ));
        }
        case.expected = answer.actual;
        out.push(case);
    }
    Ok(out)
}

struct Difference {
    input: Value,
    expected: Value,
    actual: Value,
}

/// The smallest sample on which `code` disagrees with the reference, if any.
fn differs(judge: &Judge, problem: &Problem, samples: &[TestCase], code: &str) -> Option<Difference> {
    let all = RunOptions { stop_at_first_failure: false, cancel: None };
    let report = judge.run(problem, samples, code, &all).ok()?;
    let failing = report.cases.iter().filter(|c| !c.passed);
    let smallest = failing.min_by_key(|c| c.input.to_string().len());
    match smallest {
        Some(c) => Some(Difference { input: c.input.clone(), expected: c.expected.clone(), actual: c.actual.clone() }),
        // A crash or time-out before every sample ran also tells them apart: report the next sample.
        None if report.verdict != Verdict::Accepted => samples.get(report.cases.len()).map(|t| Difference {
            input: t.input.clone(),
            expected: t.expected.clone(),
            actual: Value::String(report.verdict.as_str().into()),
        }),
        None => None,
    }
}

/// `f` over `items` on `jobs` threads, results in the items' order (`None` where a worker panicked).
fn run_parallel<T: Sync, R: Send>(items: &[T], jobs: usize, f: impl Fn(&T) -> R + Sync) -> Vec<Option<R>> {
    let never = std::time::Instant::now() + std::time::Duration::from_secs(365 * 86_400);
    super::run_until(items, jobs, never, &std::sync::atomic::AtomicBool::new(false), f)
}
