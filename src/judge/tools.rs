//! The judge's own Python tools, run in the same sandbox as solutions but apart from them: the checker of
//! problems with several right answers (checker.py, given the problem's `check` code and the answers of a
//! run) and the input generator (inputs.py, drawing small random inputs from a problem's gen.py). Each
//! reads one JSON document on stdin and answers with one frame.

use std::time::Duration;

use serde_json::Value;

use super::process::{self, Caps, Control, Feed};
use super::protocol::Frame;
use super::{verdict, CancelToken, CaseReport, Judge, RunOptions, Verdict, CHECKER, INPUTS};
use crate::problems::{Compare, Problem, TestCase};

impl Judge {
    /// A checker problem's answers judged by its checker: the accepted cases among `cases` (the run's, in
    /// order) become wrong answers or internal errors where the checker says so (see
    /// [`verdict::apply_checks`]). Nothing changes for other problems. `Err` when the checker itself failed.
    pub(super) fn check_answers(
        &self,
        problem: &Problem,
        tests: &[TestCase],
        cases: &mut Vec<CaseReport>,
        opts: &RunOptions,
    ) -> Result<(), String> {
        let Compare::Checker { code } = &problem.compare else { return Ok(()) };
        let items: Vec<(&TestCase, &Value)> = cases
            .iter()
            .filter(|c| c.verdict == Verdict::Accepted)
            .filter_map(|c| tests.iter().find(|t| t.id == c.id).map(|t| (t, &c.actual)))
            .collect();
        let results = self.check(problem, code, &items, opts.cancel.as_ref())?;
        verdict::apply_checks(cases, results, opts.stop_at_first_failure);
        Ok(())
    }

    /// Runs a problem's checker over the answers given; one entry per item: Ok(valid) or Err(checker error).
    fn check(
        &self,
        problem: &Problem,
        code: &str,
        items: &[(&TestCase, &Value)],
        cancel: Option<&CancelToken>,
    ) -> Result<Vec<Result<bool, String>>, String> {
        let input = serde_json::json!({
            "code": code,
            "items": items.iter().map(|(t, a)| serde_json::json!({"input": t.input, "expected": t.expected, "actual": a})).collect::<Vec<_>>(),
        });
        let results = match self.run_tool("checker", CHECKER, problem, &input, cancel)? {
            Frame::Checked { results } => results,
            _ => return Err("the checker answered with the wrong frame".into()),
        };
        if results.len() != items.len() {
            return Err("the checker answered for the wrong number of cases".into());
        }
        Ok(results
            .into_iter()
            .map(|r| match r {
                Value::Bool(b) => Ok(b),
                Value::String(s) => Err(s),
                other => Err(format!("checker returned {other}")),
            })
            .collect())
    }

    /// Runs one of the judge's own Python tools (the checker, the input generator) in the sandbox, with
    /// `input` as JSON on stdin, and returns the one frame it answers with.
    fn run_tool(
        &self,
        name: &str,
        script: &str,
        problem: &Problem,
        input: &Value,
        cancel: Option<&CancelToken>,
    ) -> Result<Frame, String> {
        let running = self
            .spawn(script, problem.limits.memory_mb.max(256), 30)
            .map_err(|e| format!("could not start the {name}: {e}"))?;
        let caps = Caps {
            startup: Duration::from_secs(30),
            per_frame: Duration::from_secs(30),
            output_bytes: self.output_limit.max(16 << 20),
            cpu_base: None,
            per_input_byte: Duration::ZERO,
        };
        let mut answer = None;
        let outcome =
            process::supervise(running, input.to_string().into_bytes(), Feed::Close, caps, cancel, |line, _| {
                answer = serde_json::from_slice::<Frame>(line.bytes).ok();
                Control::Stop
            })
            .map_err(|e| format!("{name} supervision failed: {e}"))?;
        answer.ok_or_else(|| format!("the {name} gave no answer ({:?}): {}", outcome.end, outcome.stderr_tail.trim()))
    }

    /// `count` small random inputs from a problem's generator (`small(rng)` in its gen.py), seeded.
    pub fn small_inputs(
        &self,
        problem: &Problem,
        generator: &str,
        seed: u64,
        count: usize,
    ) -> Result<Vec<Value>, String> {
        let genlib = problem.genlib().map_err(|e| e.to_string())?;
        let input = serde_json::json!({
            "genlib": genlib,
            "gen": generator,
            "seed": seed,
            "count": count,
        });
        match self.run_tool("input generator", INPUTS, problem, &input, None)? {
            Frame::Inputs { inputs: Some(inputs), .. } => Ok(inputs),
            Frame::Inputs { error, .. } => {
                Err(format!("{}/gen.py: {}", problem.origin, error.unwrap_or_else(|| "no inputs".into())))
            }
            _ => Err("the input generator answered with the wrong frame".into()),
        }
    }
}
