//! Checks the code never states, found by trying them (issue 15): a visited test, a union of nodes already
//! joined, a word that must be in the list. The repairs of [`crate::analysis::mutate`] build conditions
//! from patterns; this builds them from what is in scope where the check is missing.
//!
//! `synth.py` runs in the sandbox on the smallest failing input only, as if it were the solution: it
//! instruments the learner's code with a switchable guard before each statement that may need one, and
//! keeps the guards (a statement, a condition over the names in scope there, and `continue`, `break` or a
//! `return` of a constant the function already answers) that make the input answer the expected value.
//! Its report is only a list of proposals: each becomes a real edit of the learner's code, which the
//! diagnosis runs on every small test like any other repair before it says anything.

use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use serde::Deserialize;

use crate::analysis::mutate::{self, Mutant, MutantKind};
use crate::analysis::Counterexample;
use crate::judge::{CancelToken, Judge, RunOptions};
use crate::problems::{Compare, Problem, SignatureKind, TestCase};

const TEMPLATE: &str = include_str!("synth.py");
const MARK: &str = "__codify_synth__ ";
/// Tests a found check must also answer as expected, smallest first.
const MAX_TESTS: usize = 30;

/// One guard that made the smallest failing input pass.
#[derive(Debug, Deserialize)]
struct Found {
    line: u32,
    col: usize,
    action: String,
    cond: String,
    /// The guarded statement is inside a loop.
    #[serde(rename = "loop")]
    in_loop: bool,
    /// ... of the function the judge calls.
    entry: bool,
    /// The line the check is said at: the statement's, or the guard's right before it (the check goes
    /// with the other checks).
    said: u32,
    /// For `tighten`: the byte column where the `if`/`while` test that gets the check ends (`col` is
    /// where it starts).
    #[serde(default)]
    end: Option<usize>,
}

#[derive(Debug, Deserialize)]
struct Probe {
    #[serde(default)]
    found: Vec<Found>,
}

/// The guards that make `c` answer what it expects, as edits of `code`, likeliest first; empty when the
/// problem's answer cannot be compared inside the probe (design classes, codecs, nodes of the input,
/// custom checkers) or nothing was found before `deadline`.
pub(super) fn guards(
    judge: &Judge,
    problem: &Problem,
    code: &str,
    c: &Counterexample,
    tests: &[TestCase],
    deadline: Instant,
    cancel: Option<&CancelToken>,
) -> Vec<Mutant> {
    let left = deadline.saturating_duration_since(Instant::now());
    if left < Duration::from_millis(150) {
        return Vec::new();
    }
    let Some(probe) = probe_source(problem, code, &c.input, &c.expected, tests, deadline) else { return Vec::new() };
    // The probe runs many times the solution in one case: its case limit is the diagnosis's time left, and
    // it is stopped at the deadline like every other run of the diagnosis.
    let mut p = problem.clone();
    p.limits.time_ms = left.as_millis() as u64;
    let case = super::case_of(c, 1);
    let ran = super::within(deadline, cancel, &AtomicBool::new(false), |token| {
        let one = RunOptions { stop_at_first_failure: true, cancel: Some(token.clone()) };
        judge.run(&p, std::slice::from_ref(&case), &probe, &one).ok()
    });
    let Some(Some(report)) = ran else { return Vec::new() };
    let Some(out) = report.cases.first() else { return Vec::new() };
    let Some(found) = out.stdout.lines().rev().find_map(|l| l.strip_prefix(MARK)) else { return Vec::new() };
    let Ok(probe) = serde_json::from_str::<Probe>(found) else { return Vec::new() };
    let params: Vec<&str> = problem.signature.params.iter().map(|p| p.name.as_str()).collect();
    edits(code, &probe.found, &params)
}

/// The probe for `code`, with `budget` what is left until `deadline`; `None` when the answer is not a
/// plain value the probe can compare.
fn probe_source(
    problem: &Problem,
    code: &str,
    input: &serde_json::Value,
    expected: &serde_json::Value,
    tests: &[TestCase],
    deadline: Instant,
) -> Option<String> {
    let sig = &problem.signature;
    // A linked list is read back by its `next` links; trees and graphs are not compared inside the probe.
    let nodes = sig.returns.as_deref().is_some_and(|r| {
        ["TreeNode", "GraphNode", "RandomNode"].iter().any(|n| r.contains(n)) || r == "Node" || r.contains("[Node")
    });
    let kind = match sig.kind {
        SignatureKind::Function => "function",
        SignatureKind::Design => "design",
        SignatureKind::Codec => return None,
    };
    if sig.returns_node_of.is_some() || sig.deep_copy_of.is_some() || nodes {
        return None;
    }
    let compare = match &problem.compare {
        Compare::Exact => serde_json::json!({"kind": "exact"}),
        Compare::AnyOrder { depth } => serde_json::json!({"kind": "any_order", "depth": depth}),
        Compare::Float { tolerance } => serde_json::json!({"kind": "float", "tolerance": tolerance}),
        Compare::Checker { .. } => return None,
    };
    let method = match sig.kind {
        SignatureKind::Design => "",
        _ => sig.method.as_deref()?,
    };
    let output = match &sig.output {
        Some(name) => sig.params.iter().position(|p| &p.name == name)?.to_string(),
        None => "None".to_string(),
    };
    // The expected value, when it is a constant the guard can answer (`-1`, `False`, `[]`).
    let answer = mutate::literal(expected).map_or_else(|| "None".to_string(), |l| py_str(&l));
    // The smallest tests, which a check must answer as expected too (a check fitted to one input is not one).
    let mut others: Vec<&TestCase> = tests.iter().collect();
    others.sort_by_cached_key(|t| t.input.to_string().len());
    let others: Vec<serde_json::Value> =
        others.iter().take(MAX_TESTS).map(|t| serde_json::json!({"input": t.input, "expected": t.expected})).collect();
    let params = serde_json::to_string(&sig.params).ok()?;
    // What is left, less the interpreter's start and the edits' verification after it.
    let budget = deadline.saturating_duration_since(Instant::now()).as_millis().saturating_sub(400);
    let text = fill(
        TEMPLATE,
        &[
            ("__SOURCE__", py_str(code)),
            ("__METHOD__", py_str(method)),
            ("__KIND__", py_str(kind)),
            ("__CLASS__", py_str(&sig.class)),
            ("__INPUT__", py_str(&input.to_string())),
            ("__EXPECTED__", py_str(&expected.to_string())),
            ("__COMPARE__", py_str(&compare.to_string())),
            ("__OUTPUT__", output),
            ("__ANSWER__", answer),
            ("__PARAMS__", py_str(&params)),
            ("__TESTS__", py_str(&serde_json::Value::Array(others).to_string())),
            ("__NAMED__", py_str(&serde_json::Value::Array(named_values(&problem.statement)).to_string())),
            ("__BUDGET_MS__", budget.to_string()),
        ],
    );
    Some(text)
}

/// The short constants the statement names in backticks (`"."`, `'#'`, `-1`, `2147483647`), in order, at most
/// six: a check may compare with them though the code never mentions them (a blank cell left unskipped).
fn named_values(statement: &str) -> Vec<serde_json::Value> {
    let mut out: Vec<serde_json::Value> = Vec::new();
    for span in statement.split('`').skip(1).step_by(2) {
        let span = span.trim();
        let quoted = |q: char| span.len() >= 2 && span.starts_with(q) && span.ends_with(q);
        let value = if quoted('"') || quoted('\'') {
            let inner = &span[1..span.len() - 1];
            (!inner.is_empty() && inner.chars().count() <= 3 && !inner.contains(['"', '\'', '\\']))
                .then(|| serde_json::Value::from(inner))
        } else {
            span.parse::<i64>().ok().map(serde_json::Value::from)
        };
        if let Some(v) = value.filter(|v| !out.contains(v)) {
            out.push(v);
        }
    }
    out.truncate(6);
    out
}

/// `template` with each `(key, value)`'s key replaced by its value, in one pass: a value (the learner's
/// code, a test's input) is never searched for keys itself.
fn fill(template: &str, pairs: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some((at, key, value)) =
        pairs.iter().filter_map(|(k, v)| rest.find(k).map(|at| (at, *k, v))).min_by_key(|(at, _, _)| *at)
    {
        out.push_str(&rest[..at]);
        out.push_str(value);
        rest = &rest[at + key.len()..];
    }
    out.push_str(rest);
    out
}

/// A Python string literal: a JSON string is one.
fn py_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// Each found guard as an edit of `code`: `if <cond>: <action>` inserted before the statement it guards.
fn edits(code: &str, found: &[Found], params: &[&str]) -> Vec<Mutant> {
    let starts: Vec<usize> = std::iter::once(0).chain(code.match_indices('\n').map(|(i, _)| i + 1)).collect();
    let mut out: Vec<Mutant> = Vec::new();
    for f in found {
        let Some(&start) = starts.get((f.line as usize).wrapping_sub(1)) else { continue };
        let line_text = code[start..].lines().next().unwrap_or("");
        let on_inputs = f.entry && names_in(&f.cond).iter().all(|n| params.contains(n));
        // Inside a loop or a helper, the check is at a value met on the way; at the top of the function
        // the judge calls, or on nothing but its inputs, it is about the input's shape.
        let scope = if (f.in_loop || !f.entry) && !on_inputs { "met" } else { "input" };
        if f.cond.contains('\n') || f.action.contains('\n') {
            continue;
        }
        let (source, change, line) = if f.action == "tighten" {
            // `if <test>:` → `if (<test>) and not (<check>):`, the test's columns counted in bytes.
            let Some(end) = f.end else { continue };
            let Some(test) = line_text.get(f.col..end) else { continue };
            let (a, b) = (start + f.col, start + end);
            let source = format!("{}({test}) and not ({}){}", &code[..a], f.cond, &code[b..]);
            let change = format!("tightened `{test}` with `not ({})` at line {} ({scope}): tighten", f.cond, f.line);
            (source, change, f.line)
        } else {
            // `col` counts characters; the guard goes at the statement's own indentation.
            let indent: String = line_text.chars().take(f.col).collect();
            if !indent.chars().all(|c| c == ' ' || c == '\t') {
                continue;
            }
            let step = if indent.contains('\t') { "\t" } else { "    " };
            let guard = format!("{indent}if {}:\n{indent}{step}{}\n", f.cond, f.action);
            let source = format!("{}{guard}{}", &code[..start], &code[start..]);
            let change = format!("checked `{}` before line {} ({scope}): {}", f.cond, f.line, f.action);
            (source, change, f.said)
        };
        if !out.iter().any(|m| m.source == source) {
            out.push(Mutant { kind: MutantKind::AddedCheck, line, change, source });
        }
    }
    out
}

/// The variables a condition reads (`self` and Python's words left out).
fn names_in(cond: &str) -> Vec<&str> {
    const WORDS: [&str; 9] = ["in", "not", "is", "None", "and", "or", "len", "self", "True"];
    cond.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
        .filter(|w| !w.is_empty() && !w.starts_with(|c: char| c.is_ascii_digit()))
        .filter(|w| !w.starts_with("self.") && !WORDS.contains(w))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_found_guard_is_inserted_before_its_statement_at_its_indentation() {
        let code = "class Solution:\n    def f(self, xs):\n        for x in xs:\n            out.append(x)\n";
        let found = [Found {
            line: 4,
            col: 12,
            action: "continue".into(),
            cond: "x in seen".into(),
            in_loop: true,
            entry: true,
            said: 4,
            end: None,
        }];
        let m = &edits(code, &found, &["xs"])[0];
        assert_eq!(
            m.source,
            "class Solution:\n    def f(self, xs):\n        for x in xs:\n            if x in seen:\n                continue\n            out.append(x)\n"
        );
        assert_eq!(m.line, 4);
        assert!(m.change.contains("(met)"), "{}", m.change);
        let on_input = Found { cond: "not xs".into(), ..found.into_iter().next().unwrap() };
        assert!(edits(code, &[on_input], &["xs"])[0].change.contains("(input)"), "a check on the input alone");
    }

    #[test]
    fn a_tightened_test_keeps_what_surrounds_it() {
        let code = "class C:\n    def put(self, k):\n        if len(self.d) == self.cap:\n            self.evict()\n";
        let found = Found {
            line: 3,
            col: 11,
            action: "tighten".into(),
            cond: "k in self.d".into(),
            in_loop: false,
            entry: false,
            said: 3,
            end: Some(34),
        };
        let m = &edits(code, &[found], &[])[0];
        assert!(
            m.source.contains("        if (len(self.d) == self.cap) and not (k in self.d):\n            self.evict()"),
            "{}",
            m.source
        );
        assert!(m.change.ends_with(": tighten") && m.change.contains("(met)"), "{}", m.change);
    }

    #[test]
    fn the_statement_names_the_constants_a_check_may_compare_with() {
        let statement = "A cell holds `\"1\"` to `\"9\"`, or `\".\"` when blank; a wall is `-1`, a room \
                         `2147483647` (`2^31 - 1`). Return `true` or `board`; `'#'` marks `\".\"` again.";
        let got: Vec<String> = named_values(statement).iter().map(|v| v.to_string()).collect();
        assert_eq!(got, ["\"1\"", "\"9\"", "\".\"", "-1", "2147483647", "\"#\""]);
    }

    #[test]
    fn the_template_is_filled_in_one_pass() {
        let pairs = [("__A__", "x = '__B__'".to_string()), ("__B__", "2".to_string())];
        assert_eq!(fill("__A__; y = __B__; __A__", &pairs), "x = '__B__'; y = 2; x = '__B__'");
    }
}
