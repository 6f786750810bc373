//! Why a failing solution fails, found by running things (issue 15): the smallest input it fails, and the
//! one-edit changes of its own code that make it pass.
//!
//! - **The counterexample.** Small random inputs from the problem's generator (`small(rng)` in gen.py, so
//!   every input is valid for the problem) are answered by the reference, then run through the solution
//!   smallest first; the first one it fails is the smallest failing input found. Without one, the smallest
//!   failing *public* test stands in; a hidden test is never shown.
//! - **The fixes.** The learner's code is edited one way at a time ([`mutate::repairs`]: a last step
//!   repeated after a loop, an empty-input guard, a running best's start, a case-folded input, a leftover
//!   check; and [`mutate::mutants`]' ±1 on bounds and constants, `<` ↔ `<=`, a dropped early exit), and
//!   each edit is run on the problem's tests without the large ones, plus the counterexample. An edit that
//!   makes failing tests pass and breaks no passing one is dynamic evidence of where the bug is and what
//!   kind it is; [`crate::analysis`] turns it into a finding.
//!
//! Everything runs in the sandbox, two edits at a time, within a time budget: the search stops at the
//! budget, at the first edit that fixes every failing test, or when cancelled.
//!
//! The module sits above both [`crate::judge`] (which runs the code) and [`crate::analysis`] (which makes
//! the edits and reads the judge's verdicts): inside the judge it would make the two depend on each other.
//! [`mutation`], the same machinery pointed at a problem's tests, lives here for the same reason.

pub mod mutation;
mod synth;

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::analysis::mutate::{self, Mutant, MutantKind};
use crate::analysis::{Counterexample, Fix};
use crate::judge::{CancelToken, Judge, Report, RunOptions, Verdict};
use crate::problems::{Edge, Problem, TestCase};

/// How long a diagnosis may take, and how wide it runs.
#[derive(Clone)]
pub struct DiagnoseOptions {
    /// For the whole diagnosis; the counterexample comes first.
    pub budget: Duration,
    /// Edits run at once (each is one interpreter).
    pub jobs: usize,
    /// Random inputs drawn for the counterexample.
    pub samples: usize,
    pub seed: u64,
    pub cancel: Option<CancelToken>,
}

impl Default for DiagnoseOptions {
    fn default() -> Self {
        DiagnoseOptions { budget: Duration::from_secs(2), jobs: 2, samples: 200, seed: 1, cancel: None }
    }
}

/// What a diagnosis found, and what it cost.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Diagnosis {
    pub counterexample: Option<Counterexample>,
    /// Edits that fix every failing test, else those that fix some, most first; none break a passing test.
    pub fixes: Vec<Fix>,
    /// Edits tried, and edits there were.
    pub tried: usize,
    pub candidates: usize,
    /// The budget ran out before every edit was tried.
    pub out_of_time: bool,
    pub ms: f64,
}

/// The diagnosis of a failing report as evidence for the analysis: the report's failures, and what the
/// diagnosis found when `opts` allows one (`None` turns it off) and the report is [worth it](worth_it).
pub fn evidence(
    judge: &Judge,
    problem: &Problem,
    tests: &[TestCase],
    code: &str,
    report: &Report,
    opts: Option<&DiagnoseOptions>,
) -> (crate::analysis::RunEvidence, Option<Diagnosis>) {
    let mut evidence = crate::analysis::RunEvidence::from_report(report);
    let diagnosis = opts.and_then(|o| diagnose(judge, problem, tests, code, report, o));
    if let Some(d) = &diagnosis {
        evidence.counterexample = d.counterexample.clone();
        evidence.fixes = d.fixes.clone();
    }
    (evidence, diagnosis)
}

impl DiagnoseOptions {
    /// From `[judge] diagnose_ms`; `None` when it is 0.
    pub fn from_config(config: &crate::config::JudgeConfig) -> Option<DiagnoseOptions> {
        (config.diagnose_ms > 0).then(|| DiagnoseOptions {
            budget: Duration::from_millis(config.diagnose_ms),
            ..DiagnoseOptions::default()
        })
    }
}

impl Diagnosis {
    /// What the fix search says when it found no edit that fixes every failing test; `None` when it did.
    pub fn summary(&self) -> Option<String> {
        if self.fixes.iter().any(Fix::complete) || self.candidates == 0 {
            return None;
        }
        let when = if self.out_of_time { " in the time allowed" } else { "" };
        let some = if self.fixes.is_empty() { "" } else { " (some fix part of them: see the maybe line)" };
        Some(format!(
            "Tried {} of {} small edits of your code (bounds, guards, starting values, cleaning the input){when}: \
             none makes every failing test pass{some}: the slip is more than one small step.",
            self.tried, self.candidates
        ))
    }
}

/// Whether a report is worth diagnosing: wrong answers and crashes on tests that ran. Time-outs are the
/// complexity analysis's; compile errors and internal errors have nothing to run.
pub fn worth_it(report: &Report) -> bool {
    report.compile_error.is_none() && matches!(report.verdict, Verdict::WrongAnswer | Verdict::RuntimeError)
}

/// Diagnoses a failing run of `code` on `tests`; `None` when the report is not [worth it](worth_it) or the
/// solution cannot be run again.
pub fn diagnose(
    judge: &Judge,
    problem: &Problem,
    tests: &[TestCase],
    code: &str,
    report: &Report,
    opts: &DiagnoseOptions,
) -> Option<Diagnosis> {
    if !worth_it(report) {
        return None;
    }
    let started = Instant::now();
    let deadline = started + opts.budget;
    // The runs before the fix search (the failing tests again, the smallest failing input) keep to the
    // budget too: a solution that sleeps in every case must not hold the verdict's explanation for a minute.
    let (base, counterexample) = within(deadline, opts.cancel.as_ref(), &AtomicBool::new(false), |budget| {
        let opts = DiagnoseOptions { cancel: Some(budget.clone()), ..opts.clone() };
        let all = RunOptions { stop_at_first_failure: false, cancel: opts.cancel.clone() };
        // Every small test, without stopping at the first failure: which pass and which fail.
        let small: Vec<TestCase> = tests.iter().filter(|t| t.edge != Some(Edge::Large)).cloned().collect();
        let base = judge.run(problem, &small, code, &all).ok()?;
        let counterexample = counterexample(judge, problem, code, &base, &opts);
        Some(((small, base), counterexample))
    })??;
    let (mut small, base) = base;
    if let Some(c) = &counterexample {
        small.push(case_of(c, small.len() + 1));
    }
    let passed: Vec<bool> =
        small.iter().enumerate().map(|(i, _)| base.cases.get(i).is_some_and(|c| c.passed)).collect();
    let failing = passed.iter().filter(|p| !**p).count();
    let mut diagnosis = Diagnosis { counterexample, ..Diagnosis::default() };
    // One edit on every small test: what it fixes, unless it breaks a passing test.
    let fix = |m: &Mutant, edited: &RunOptions| -> Tried {
        let Ok(r) = judge.run(problem, &small, &m.source, edited) else { return Tried::Stopped };
        let now: Vec<bool> = (0..small.len()).map(|i| r.cases.get(i).is_some_and(|c| c.passed)).collect();
        let broke = passed.iter().zip(&now).any(|(before, after)| *before && !after);
        let fixed = passed.iter().zip(&now).filter(|(before, after)| !**before && **after).count();
        if broke || fixed == 0 {
            return Tried::Ran(None);
        }
        Tried::Ran(Some(Fix { kind: m.kind, line: m.line, change: m.change.clone(), fixed, failing }))
    };
    if failing > 0 {
        // The one answer every failing test expects, when they agree on one that can mean "no answer".
        let mut expected = small.iter().zip(&passed).filter(|(_, p)| !**p).map(|(t, _)| &t.expected);
        let first = expected.next();
        let sentinel = first.filter(|v| expected.all(|e| e == *v)).and_then(mutate::literal);
        let candidates = candidates(code, sentinel.as_deref());
        diagnosis.candidates = candidates.len();
        // Runs still going at the deadline, or once a full fix is found, are stopped, not waited for.
        let search_until = |edits: &[Mutant], deadline: Instant| {
            let found = AtomicBool::new(false);
            within(deadline, opts.cancel.as_ref(), &found, |stop| {
                let edited = RunOptions { stop_at_first_failure: false, cancel: Some(stop.clone()) };
                run_until(edits, opts.jobs, deadline, &found, |m| {
                    let tried = fix(m, &edited);
                    if matches!(&tried, Tried::Ran(Some(f)) if f.complete()) {
                        found.store(true, Ordering::Relaxed);
                    }
                    tried
                })
            })
        };
        let ran_one = |r: &Option<Tried>| matches!(r, Some(Tried::Ran(_)));
        // The first edit (in the given order) that fixes every failing test, counting the edits run.
        let first_complete = |edits: &[Mutant], tried: &mut usize| -> Option<Fix> {
            let results = search_until(edits, deadline).unwrap_or_default();
            *tried += results.iter().filter(|r| ran_one(r)).count();
            results.into_iter().find_map(|r| match r {
                Some(Tried::Ran(Some(f))) if f.complete() => Some(f),
                _ => None,
            })
        };
        // The repairs leave a quarter of the budget to the check synthesis that follows when none fixes it.
        let results = search_until(&candidates, deadline - opts.budget / 4)?;
        diagnosis.tried = results.iter().filter(|r| ran_one(r)).count();
        let complete = results.iter().any(|r| matches!(r, Some(Tried::Ran(Some(f))) if f.complete()));
        diagnosis.out_of_time = diagnosis.tried < candidates.len() && !complete;
        let ran: Vec<bool> = results.iter().map(ran_one).collect();
        let mut fixes: Vec<Fix> = results
            .into_iter()
            .filter_map(|r| match r {
                Some(Tried::Ran(f)) => f,
                _ => None,
            })
            .collect();
        // Stable: the earlier kind wins a tie.
        fixes.sort_by_key(|f| std::cmp::Reverse(f.fixed));
        // The edits of one kind the first search did not get to, in order: a smaller or likelier edit of that
        // kind is preferred when it fixes everything too.
        let untried = |kind: MutantKind| -> Vec<Mutant> {
            candidates.iter().zip(&ran).filter(|(m, ran)| m.kind == kind && !**ran).map(|(m, _)| m.clone()).collect()
        };
        // A statement added after a loop fixed it: if flipping one comparison (`>` → `>=`) fixes it too, that
        // smaller edit is the likelier slip (the loop stopped a step early), and it comes first.
        let added = fixes
            .first()
            .is_some_and(|f| f.complete() && f.kind == MutantKind::AddedLastStep && f.change.starts_with("repeated"));
        if added {
            if let Some(f) = first_complete(&untried(MutantKind::Comparison), &mut diagnosis.tried) {
                fixes.insert(0, f);
            }
        }
        // An early answer for the input's shape fixed it: if starting a running value elsewhere does too, the
        // start is where the mistake was made (`best = 1` on an empty input), and it comes first.
        if fixes.first().is_some_and(|f| f.complete() && f.answers_the_input()) {
            let done = fixes.iter().position(|f| f.complete() && f.kind == MutantKind::InitialValue);
            let found = match done {
                Some(i) => Some(fixes.remove(i)),
                None => first_complete(&untried(MutantKind::InitialValue), &mut diagnosis.tried),
            };
            if let Some(f) = found {
                fixes.insert(0, f);
            }
        }
        // No one-edit repair explains it: a check the code never states might (a visited test, a union of
        // nodes already joined), built from the names in scope and tried on the smallest failing input.
        if !fixes.first().is_some_and(Fix::complete) {
            if let Some(c) = diagnosis.counterexample.clone() {
                let guards = synth::guards(judge, problem, code, &c, &small, deadline, opts.cancel.as_ref());
                diagnosis.candidates += guards.len();
                if let Some(f) = first_complete(&guards, &mut diagnosis.tried) {
                    diagnosis.out_of_time = false;
                    fixes.insert(0, f);
                }
            }
        }
        if fixes.first().is_some_and(Fix::complete) {
            fixes.retain(Fix::complete);
        }
        // A guard at the top, or no fix at all, names no line by itself: where the smallest failing input
        // first goes wrong does (the `return` that answered it wrongly).
        let guard_on_top = fixes.first().is_some_and(|f| f.complete() && f.answers_the_input());
        if guard_on_top || !fixes.first().is_some_and(Fix::complete) {
            if let Some(c) = diagnosis.counterexample.as_mut().filter(|c| c.error.is_none()) {
                c.answered_at = answered_at(judge, problem, code, c, deadline, opts);
            }
        }
        diagnosis.fixes = fixes;
    }
    diagnosis.ms = started.elapsed().as_secs_f64() * 1e3;
    Some(diagnosis)
}

/// Runs `f` with a token that is cancelled at `deadline`, when the learner cancels, or once `stop` is set
/// (which the token's cancelling also sets, for work that checks the flag between runs).
fn within<R>(
    deadline: Instant,
    user: Option<&CancelToken>,
    stop: &AtomicBool,
    f: impl FnOnce(&CancelToken) -> R,
) -> Option<R> {
    let token = CancelToken::new().ok()?;
    let done = AtomicBool::new(false);
    Some(std::thread::scope(|scope| {
        scope.spawn(|| {
            while !done.load(Ordering::Relaxed) {
                if Instant::now() >= deadline
                    || stop.load(Ordering::Relaxed)
                    || user.is_some_and(CancelToken::is_cancelled)
                {
                    token.cancel();
                    stop.store(true, Ordering::Relaxed);
                    break;
                }
                std::thread::sleep(Duration::from_millis(5));
            }
        });
        let out = f(&token);
        done.store(true, Ordering::Relaxed);
        out
    }))
}

/// What running one edit gave: a fix, nothing, or no answer (stopped at the deadline).
enum Tried {
    Ran(Option<Fix>),
    Stopped,
}

/// The edits worth trying, the likeliest first: repairs of the bugs learners write, then the boundary
/// edits; edits that would name no mistake pattern (`and` ↔ `or`, `min` ↔ `max`, `==` ↔ `!=`) are left out.
fn candidates(code: &str, sentinel: Option<&str>) -> Vec<Mutant> {
    let boundary = |m: &Mutant| match m.kind {
        MutantKind::Bound | MutantKind::Constant | MutantKind::DroppedGuard => true,
        MutantKind::Comparison => ["`<` →", "`<=` →", "`>` →", "`>=` →"].iter().any(|p| m.change.starts_with(p)),
        _ => false,
    };
    let mut all = mutate::repairs(code);
    // One input answered as the other when it is empty is a shortcut that also hides a missing final step
    // (the rest of a list never attached): tried after every other repair.
    all.sort_by_key(|m| m.kind == MutantKind::AddedGuard && m.change.starts_with("returns `"));
    if let Some(literal) = sentinel {
        all.extend(mutate::no_answer(code, literal));
    }
    all.extend(mutate::mutants(code).into_iter().filter(boundary));
    all
}

/// Which `return` of the entry function answered the counterexample wrongly: each one in turn answers the
/// expected value instead, and the one that makes the case pass is it. Only for a plain function whose
/// answer is a value (not a node, not an in-place change), within the budget.
fn answered_at(
    judge: &Judge,
    problem: &Problem,
    code: &str,
    c: &Counterexample,
    deadline: Instant,
    opts: &DiagnoseOptions,
) -> Option<u32> {
    let sig = &problem.signature;
    let plain = sig.kind == crate::problems::SignatureKind::Function
        && sig.output.is_none()
        && sig.returns_node_of.is_none()
        && sig.deep_copy_of.is_none()
        && !sig.returns.as_deref().is_some_and(|r| r.contains("Node"));
    let method = sig.method.as_deref().filter(|_| plain)?;
    let json = serde_json::to_string(&c.expected).ok()?;
    let answer = format!("__import__('json').loads({})", serde_json::to_string(&json).ok()?);
    let probes = mutate::answer_probes(code, method, &answer);
    let case = case_of(c, 1);
    let one = RunOptions { stop_at_first_failure: true, cancel: opts.cancel.clone() };
    for p in probes.iter().take(4) {
        if Instant::now() >= deadline || opts.cancel.as_ref().is_some_and(CancelToken::is_cancelled) {
            return None;
        }
        let passed = judge.run(problem, std::slice::from_ref(&case), &p.source, &one).ok()?;
        if passed.cases.first().is_some_and(|r| r.passed) {
            return Some(p.line);
        }
    }
    None
}

/// The counterexample as a test case numbered `id`.
fn case_of(c: &Counterexample, id: usize) -> TestCase {
    TestCase { id, input: c.input.clone(), expected: c.expected.clone(), hidden: false, edge: None, explain: None }
}

/// The smallest failing input: generated when the generator finds one, else the smallest failing public test.
fn counterexample(
    judge: &Judge,
    problem: &Problem,
    code: &str,
    base: &Report,
    opts: &DiagnoseOptions,
) -> Option<Counterexample> {
    generated(judge, problem, code, opts).or_else(|| {
        let failing = base.cases.iter().filter(|c| !c.passed && !c.hidden);
        let c = failing.min_by_key(|c| c.input.to_string().len())?;
        Some(counterexample_of(c, format!("test {}", c.id)))
    })
}

fn counterexample_of(c: &crate::judge::CaseReport, source: String) -> Counterexample {
    Counterexample {
        input: c.input.clone(),
        expected: c.expected.clone(),
        actual: c.actual.clone(),
        error: c.error.as_ref().map(|e| format!("{}: {}", e.kind, e.message)),
        line: c.error.as_ref().and_then(|e| e.line),
        answered_at: None,
        edges: edges_of(&c.input),
        source,
    }
}

fn generated(judge: &Judge, problem: &Problem, code: &str, opts: &DiagnoseOptions) -> Option<Counterexample> {
    let generator = problem.generator().ok()??;
    let inputs = judge.small_inputs(problem, &generator, opts.seed, opts.samples).ok()?;
    let mut cases: Vec<TestCase> =
        inputs.into_iter().enumerate().map(|(i, input)| TestCase::generated(i + 1, input)).collect();
    cases.sort_by_cached_key(|c| c.input.to_string().len());
    cases.dedup_by(|a, b| a.input == b.input);
    for (i, c) in cases.iter_mut().enumerate() {
        c.id = i + 1;
    }
    let all = RunOptions { stop_at_first_failure: false, cancel: opts.cancel.clone() };
    let reference = judge.run(problem, &cases, &problem.solution, &all).ok()?;
    let mut valid = Vec::with_capacity(cases.len());
    for (mut case, answer) in cases.into_iter().zip(reference.cases) {
        if answer.error.is_none() {
            case.expected = answer.actual;
            valid.push(case);
        }
    }
    // Smallest first, so the first failure is the smallest one.
    let first = RunOptions { stop_at_first_failure: true, cancel: opts.cancel.clone() };
    let run = judge.run(problem, &valid, code, &first).ok()?;
    let c = run.cases.iter().find(|c| !c.passed && c.verdict != Verdict::TimeLimitExceeded)?;
    Some(counterexample_of(c, "generated".into()))
}

/// What is special about an input, read off its values: an empty or one-item list or string, repeated
/// values, negatives, zeros, every item equal, already sorted.
pub fn edges_of(input: &Value) -> Vec<Edge> {
    let mut out = Vec::new();
    let mut add = |e: Edge| {
        if !out.contains(&e) {
            out.push(e);
        }
    };
    let values: Vec<&Value> = match input {
        Value::Object(m) => m.values().collect(),
        v => vec![v],
    };
    for v in values {
        match v {
            Value::Array(items) => {
                match items.len() {
                    0 => add(Edge::Empty),
                    1 => add(Edge::Single),
                    _ => {}
                }
                let scalars: Vec<String> =
                    items.iter().filter(|x| !x.is_array() && !x.is_object()).map(Value::to_string).collect();
                if scalars.len() == items.len() && items.len() >= 2 {
                    let mut sorted = scalars.clone();
                    sorted.sort();
                    sorted.dedup();
                    if sorted.len() == 1 {
                        add(Edge::AllSame);
                    } else if sorted.len() < scalars.len() {
                        add(Edge::Duplicates);
                    }
                }
                let numbers: Vec<f64> = items.iter().filter_map(Value::as_f64).collect();
                if numbers.iter().any(|n| *n < 0.0) {
                    add(Edge::Negatives);
                }
                if numbers.len() == items.len() && numbers.len() >= 3 && numbers.windows(2).all(|w| w[0] <= w[1]) {
                    add(Edge::Sorted);
                }
            }
            Value::String(s) if s.is_empty() => add(Edge::Empty),
            Value::String(s) if s.chars().count() == 1 => add(Edge::Single),
            Value::Number(n) if n.as_f64() == Some(0.0) => add(Edge::Zeros),
            Value::Number(n) if n.as_f64().is_some_and(|x| x < 0.0) => add(Edge::Negatives),
            _ => {}
        }
    }
    const ORDER: [Edge; 7] =
        [Edge::Empty, Edge::Single, Edge::Duplicates, Edge::AllSame, Edge::Negatives, Edge::Zeros, Edge::Sorted];
    out.sort_by_key(|e| ORDER.iter().position(|o| o == e));
    out
}

/// `f` over `items` on `jobs` threads until `deadline` or until `stop` is set, results in the items'
/// order: `None` for an item not run (or whose worker panicked).
pub(crate) fn run_until<T: Sync, R: Send>(
    items: &[T],
    jobs: usize,
    deadline: Instant,
    stop: &AtomicBool,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<Option<R>> {
    let jobs = jobs.clamp(1, 16).min(items.len().max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut results: Vec<Option<R>> = (0..items.len()).map(|_| None).collect();
    let done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..jobs)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    while Instant::now() < deadline && !stop.load(Ordering::Relaxed) {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        mine.push((i, f(item)));
                    }
                    mine
                })
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap_or_default()).collect()
    });
    for (i, r) in done {
        results[i] = Some(r);
    }
    results
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn edges_are_read_off_the_input() {
        assert_eq!(edges_of(&json!({"nums": []})), [Edge::Empty]);
        assert_eq!(edges_of(&json!({"nums": [4]})), [Edge::Single]);
        assert_eq!(edges_of(&json!({"nums": [3, 1, 3]})), [Edge::Duplicates]);
        assert_eq!(edges_of(&json!({"nums": [-2, -2]})), [Edge::AllSame, Edge::Negatives]);
        assert_eq!(edges_of(&json!({"nums": [1, 2, 5], "k": 0})), [Edge::Zeros, Edge::Sorted]);
        assert_eq!(edges_of(&json!({"s": "", "t": "a"})), [Edge::Empty, Edge::Single]);
        assert!(edges_of(&json!({"nums": [3, 1, 2], "target": 4})).is_empty());
        assert!(edges_of(&json!({"grid": [[1, 2], [1, 2]]})).is_empty(), "rows are not values");
    }

    #[test]
    fn the_search_stops_at_the_deadline_or_when_told() {
        let items: Vec<u32> = (0..100).collect();
        let stop = AtomicBool::new(false);
        let far = Instant::now() + Duration::from_secs(60);
        let r = run_until(&items, 2, far, &stop, |x| {
            if *x == 10 {
                stop.store(true, Ordering::Relaxed);
            }
            x * 2
        });
        let ran = r.iter().filter(|x| x.is_some()).count();
        assert!((11..=13).contains(&ran), "stops soon after the 11th item: {ran}");
        assert_eq!(r[10], Some(20));
        let past = Instant::now();
        assert!(run_until(&items, 2, past, &AtomicBool::new(false), |x| *x).iter().all(Option::is_none));
    }
}
