//! Findings from a judge run: failing cases tagged with an edge, and time-outs on large inputs.
//!
//! A failing case tagged `empty`, `single`, `duplicates`, ... is strong evidence of a missing edge case; the
//! finding points at the static finding's line when there is one, else at the entry function. A time-out on
//! a `large` case with an estimate worse than the optimal bound confirms suboptimal complexity; with an
//! estimate that already matches, the time-out more likely comes from a loop that does not always make
//! progress, and the finding says so with lower confidence.

use super::complexity::suggestion;
use super::Sink;
use crate::analysis::program::Program;
use crate::analysis::{Complexity, Context, Evidence, Finding, FindingKind, RunEvidence};
use crate::judge::Verdict;
use crate::problems::Edge;

pub(super) fn check(
    prog: &Program,
    entries: &[usize],
    time: Complexity,
    ctx: &Context,
    run: &RunEvidence,
    sink: &mut Sink,
) {
    let entry_line = entries.first().map_or(1, |&u| prog.units[u].line);
    let mut edges: Vec<Edge> = Vec::new();
    for f in &run.failures {
        let Some(edge) = f.edge else { continue };
        let counts = match edge {
            Edge::General => false,
            Edge::Large => {
                matches!(f.verdict, Verdict::RuntimeError | Verdict::MemoryLimitExceeded | Verdict::WrongAnswer)
            }
            _ => matches!(f.verdict, Verdict::WrongAnswer | Verdict::RuntimeError | Verdict::TimeLimitExceeded),
        };
        if counts && !edges.contains(&edge) {
            edges.push(edge);
        }
    }
    let static_line = sink.lines_of(FindingKind::MissingEdgeCase).first().copied();
    for edge in edges {
        let (what, try_this) = describe(edge);
        sink.push(Finding {
            kind: FindingKind::MissingEdgeCase,
            confidence: if edge == Edge::Large { 0.7 } else { 0.9 },
            line: static_line.unwrap_or(entry_line),
            message: format!("A test with {what} fails (`{}` case).", edge.as_str()),
            evidence: Evidence::Dynamic,
            suggestion: try_this.to_string(),
            note: FindingKind::MissingEdgeCase.note().to_string(),
        });
    }
    if run.large_timeout {
        let static_line = sink.lines_of(FindingKind::SuboptimalComplexity).first().copied();
        let line = static_line.unwrap_or(entry_line);
        let (confidence, message) = match ctx.optimal_time {
            Some(opt) if time > opt => {
                (0.95, format!("A large test timed out: this runs in about {time}, and the problem needs {opt}."))
            }
            Some(opt) => (
                0.5,
                format!(
                    "A large test timed out although the estimate ({time}) matches the optimal {opt}: look for a \
                     loop that does not always make progress, or a hidden linear call inside a loop."
                ),
            ),
            None => (0.8, format!("A large test timed out; the estimated time is {time}.")),
        };
        let opt = ctx.optimal_time.unwrap_or(Complexity::Linear);
        sink.push(Finding {
            kind: FindingKind::SuboptimalComplexity,
            confidence,
            line,
            message,
            evidence: Evidence::Dynamic,
            suggestion: suggestion(&crate::analysis::cost::Term::one(), time, opt),
            note: FindingKind::SuboptimalComplexity.note().to_string(),
        });
    }
}

fn describe(edge: Edge) -> (&'static str, &'static str) {
    match edge {
        Edge::Empty => ("an empty input", "Return early when the input is empty, before indexing into it."),
        Edge::Single => {
            ("a single item", "Walk through the code by hand with one item: which index or loop assumes two?")
        }
        Edge::Duplicates => {
            ("repeated values", "Check what happens when equal values meet: skip or count duplicates explicitly.")
        }
        Edge::Negatives => {
            ("negative numbers", "Do not assume values are positive: start maxima from the first item, not 0.")
        }
        Edge::Zeros => ("zeros", "Zeros break products and divisions: handle them separately."),
        Edge::Overflow => ("very large or small values", "Check sums and products at the extremes of the constraints."),
        Edge::Large => {
            ("a large input", "Deep recursion or big copies fail on large inputs: iterate, or avoid the copies.")
        }
        Edge::Sorted => ("already sorted input", "Sorted input often hits a worst case: check pivots and early exits."),
        Edge::AllSame => ("all items equal", "Check loops and comparisons when every item is the same."),
        Edge::Boundary => {
            ("values at the limits", "Check the first and last positions and the extreme values of the range.")
        }
        Edge::General => ("a general input", "Compare your output with the expected one on this case."),
    }
}
