//! Static and dynamic analysis of Python solutions (issue #3, DESIGN.md §5).
//!
//! [`analyze`] parses a source with rustpython-parser, builds a small model of the program (its functions,
//! what each variable holds and how big it can get), estimates time and space complexity and runs six
//! mistake detectors. Evidence from a judge run ([`RunEvidence`]) adds dynamic findings: a failing case
//! tagged with an edge, or a time-out on a large input.
//!
//! Invariants:
//! - Pure: no I/O, no global state; the same input always gives the same [`Analysis`].
//! - Never panics and never overflows the stack: sources nested deeper than Python itself accepts are
//!   rejected before parsing ([`parse`]), and the parse and the walk run on a thread with a known stack.
//! - `time_complexity` and `space_complexity` are `None` only when `syntax_error` is set; a syntax error
//!   comes with no findings.
//! - The serialised names ([`Analysis`], [`Finding`], [`FindingKind`], [`Evidence`]) are a public JSON
//!   interface: keep them.

mod cost;
mod detect;
mod env;
mod infer;
pub mod mutate;
mod parse;
mod program;
mod space;
mod text;
mod walk;

use serde::{Deserialize, Serialize};

pub use crate::complexity::Complexity;
use crate::judge::{Report, Verdict};
use crate::problems::{Edge, Problem};

/// The six recurring mistake patterns. The JSON values (`missing_edge_case`, ...) are also the names of
/// their knowledge notes (`knowledge/patterns/<name>.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    MissingEdgeCase,
    SuboptimalComplexity,
    WrongDataStructure,
    OffByOne,
    MissingValidation,
    InefficientLoop,
}

impl FindingKind {
    pub const ALL: [FindingKind; 6] = [
        FindingKind::MissingEdgeCase,
        FindingKind::SuboptimalComplexity,
        FindingKind::WrongDataStructure,
        FindingKind::OffByOne,
        FindingKind::MissingValidation,
        FindingKind::InefficientLoop,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::MissingEdgeCase => "missing_edge_case",
            FindingKind::SuboptimalComplexity => "suboptimal_complexity",
            FindingKind::WrongDataStructure => "wrong_data_structure",
            FindingKind::OffByOne => "off_by_one",
            FindingKind::MissingValidation => "missing_validation",
            FindingKind::InefficientLoop => "inefficient_loop",
        }
    }

    /// A short human title, e.g. "Missing edge case".
    pub fn title(self) -> &'static str {
        match self {
            FindingKind::MissingEdgeCase => "Missing edge case",
            FindingKind::SuboptimalComplexity => "Suboptimal complexity",
            FindingKind::WrongDataStructure => "Wrong data structure",
            FindingKind::OffByOne => "Off by one",
            FindingKind::MissingValidation => "Missing validation",
            FindingKind::InefficientLoop => "Inefficient loop",
        }
    }

    pub fn parse(s: &str) -> Option<FindingKind> {
        FindingKind::ALL.into_iter().find(|k| k.as_str() == s.trim())
    }

    /// The knowledge note that explains this pattern (see [`crate::knowledge::note`]).
    pub fn note(self) -> &'static str {
        self.as_str()
    }
}

impl std::fmt::Display for FindingKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a finding comes from: the source alone, or the source together with a judge run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Evidence {
    Static,
    Dynamic,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub kind: FindingKind,
    /// 0..=1; findings at 0.5 or above are the ones worth showing by default.
    pub confidence: f64,
    /// 1-based line the finding points at.
    pub line: u32,
    pub message: String,
    pub evidence: Evidence,
    pub suggestion: String,
    /// Name of the knowledge note, printable with [`crate::knowledge::note`].
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyntaxError {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub col: u32,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub time_complexity: Option<Complexity>,
    pub space_complexity: Option<Complexity>,
    pub time_reason: String,
    pub space_reason: String,
    pub findings: Vec<Finding>,
    pub syntax_error: Option<SyntaxError>,
}

impl Analysis {
    fn syntax(error: SyntaxError) -> Analysis {
        Analysis {
            time_complexity: None,
            space_complexity: None,
            time_reason: String::new(),
            space_reason: String::new(),
            findings: Vec::new(),
            syntax_error: Some(error),
        }
    }

    /// Findings at or above `threshold`, most confident first (the findings are already in that order).
    pub fn confident(&self, threshold: f64) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.confidence >= threshold)
    }
}

/// Findings at or above this confidence are shown as findings; lower ones at most as a quiet "maybe".
pub const SHOWN: f64 = 0.5;

/// One failing case of a run, as analysis needs it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FailedCase {
    pub id: usize,
    pub edge: Option<Edge>,
    pub verdict: Verdict,
}

/// What a judge run says about a solution: its failing cases, whether a large input timed out, and what
/// the diagnosis of a failure found ([`crate::diagnose`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RunEvidence {
    pub failures: Vec<FailedCase>,
    pub large_timeout: bool,
    /// The smallest input found that the solution fails.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counterexample: Option<Counterexample>,
    /// One-edit changes of the solution that make failing tests pass and break none, best first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fixes: Vec<Fix>,
}

/// The smallest failing input found: a small generated input on which the solution and the reference
/// disagree, else the smallest failing public test. A hidden test is never shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Counterexample {
    pub input: serde_json::Value,
    pub expected: serde_json::Value,
    pub actual: serde_json::Value,
    /// `Type: message` when the solution raised instead of answering.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The line of the learner's code it raised on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// The `return` that gave the wrong answer, when the diagnosis looked for it (a wrong answer only):
    /// where the input first goes wrong, as `line` is for a crash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered_at: Option<u32>,
    /// What is special about the input (empty, single, duplicates, negatives, ...), read off the input.
    pub edges: Vec<Edge>,
    /// `generated` or `test N` (a public test's number).
    pub source: String,
}

/// An edit of the learner's own code that was run: it makes `fixed` of the `failing` tests pass and
/// breaks none of the passing ones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fix {
    pub kind: mutate::MutantKind,
    /// 1-based line the edit is about.
    pub line: u32,
    /// The edit, e.g. "bound `len(nums)` plus one": kept from the learner until they ask for the next hint.
    pub change: String,
    pub fixed: usize,
    pub failing: usize,
}

impl Fix {
    /// Every failing test passes with it.
    pub fn complete(&self) -> bool {
        self.fixed == self.failing
    }

    /// Whether it answers an input shape early (a guard at the top, a check on the inputs alone): it names
    /// no line by itself; where the failing input goes wrong does.
    pub fn answers_the_input(&self) -> bool {
        (self.kind == mutate::MutantKind::AddedGuard && self.change.starts_with("returns"))
            || (self.kind == mutate::MutantKind::AddedCheck && self.change.contains("(input)"))
    }
}

impl RunEvidence {
    pub fn from_report(report: &Report) -> RunEvidence {
        let failures: Vec<FailedCase> = report
            .cases
            .iter()
            .filter(|c| !c.passed)
            .map(|c| FailedCase { id: c.id, edge: c.edge, verdict: c.verdict })
            .collect();
        let large_timeout =
            failures.iter().any(|f| f.edge == Some(Edge::Large) && f.verdict == Verdict::TimeLimitExceeded);
        RunEvidence { failures, large_timeout, ..RunEvidence::default() }
    }
}

/// What the caller knows besides the source: the method the judge calls, the problem's optimal bounds and
/// the evidence of a run. `Context::default()` analyses a file on its own.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    pub method: Option<&'a str>,
    pub optimal_time: Option<Complexity>,
    pub optimal_space: Option<Complexity>,
    pub run: Option<&'a RunEvidence>,
    /// Parameters the problem promises are nodes, never None (its signature types them `TreeNode`, not
    /// `Optional[TreeNode]`): reading `root.val` unchecked is then no missing edge case.
    pub promised_nodes: &'a [String],
    /// Collection parameters the problem's constraints promise are never empty (`1 <= len(nums)`): reading
    /// `nums[0]` unchecked is then no missing edge case.
    pub non_empty: &'a [String],
    /// The problem's pattern tags (`two-pointers`, `hash-map`, ...): how its optimal solution works.
    pub patterns: &'a [String],
}

/// Defined here, beside [`Context`], rather than in `problems`: the analyser knows problems, problems do not
/// know the analyser (no module cycle).
impl Problem {
    /// What the analyser needs to know about this problem, with the evidence of a run when there is one.
    pub fn analysis_context<'a>(&'a self, run: Option<&'a RunEvidence>) -> Context<'a> {
        Context {
            method: self.signature.method.as_deref(),
            optimal_time: Some(self.optimal_time),
            optimal_space: Some(self.optimal_space),
            run,
            promised_nodes: &self.promised_nodes,
            non_empty: &self.non_empty,
            patterns: &self.patterns,
        }
    }
}

/// How a problem's own optimal pattern (its `patterns` tags) makes a solution faster, when a tag says.
pub fn pattern_advice(patterns: &[String]) -> Option<&'static str> {
    detect::pattern_suggestion(patterns)
}

/// Analyses a Python source. Pure, deterministic, never panics.
pub fn analyze(source: &str, ctx: &Context) -> Analysis {
    parse::run_guarded(source, |suite, lines| analyze_suite(source, suite, lines, ctx))
}

/// Like [`analyze`] for raw bytes: invalid UTF-8 is reported as a syntax error at the offending byte.
pub fn analyze_bytes(bytes: &[u8], ctx: &Context) -> Analysis {
    match std::str::from_utf8(bytes) {
        Ok(source) => analyze(source, ctx),
        Err(e) => {
            let at = e.valid_up_to();
            let before = &bytes[..at];
            let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
            let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
            // Columns count characters; everything before `at` is valid UTF-8.
            let col = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
            Analysis::syntax(SyntaxError {
                line: clamp_u32(line),
                col: clamp_u32(col),
                message: format!("the file is not valid UTF-8 (invalid byte at offset {at}); save it as UTF-8"),
            })
        }
    }
}

fn clamp_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn analyze_suite(
    source: &str,
    suite: &[rustpython_parser::ast::Stmt],
    lines: &parse::LineIndex,
    ctx: &Context,
) -> Analysis {
    let prog = program::Program::new(source, suite, lines, ctx);
    let entries = prog.entries(ctx.method);
    let mut model = cost::Model::new(&prog);
    let time = model.entries_cost(&entries);
    let space = space::estimate(&prog, &mut model, &entries);
    let time_complexity = time.cost.class();
    let mut findings = detect::run(&prog, &mut model, &entries, time_complexity, ctx);
    // On a wrong answer or a crash, the findings that can explain it (logic, not speed) come first.
    let wrong = ctx
        .run
        .is_some_and(|r| r.failures.iter().any(|f| matches!(f.verdict, Verdict::WrongAnswer | Verdict::RuntimeError)));
    let explains = |f: &Finding| {
        wrong
            && f.confidence >= SHOWN
            && matches!(f.kind, FindingKind::OffByOne | FindingKind::MissingEdgeCase | FindingKind::MissingValidation)
    };
    findings.sort_by(|a, b| {
        explains(b).cmp(&explains(a)).then(b.confidence.total_cmp(&a.confidence)).then(a.line.cmp(&b.line))
    });
    Analysis {
        time_complexity: Some(time_complexity),
        space_complexity: Some(space.cost.class()),
        time_reason: time.reason(),
        space_reason: space::reason(&space),
        findings,
        syntax_error: None,
    }
}

#[cfg(test)]
mod tests;
