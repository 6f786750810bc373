//! The offline tutor: deterministic answers built from the learner's own run and code, the analysis
//! findings, the problem's hints and the knowledge notes. Used when no model is configured, when the
//! endpoint fails and when the day's token budget is spent.
//!
//! Pure and fast (no I/O; well under a millisecond): everything it needs is in the [`Grounding`] and the
//! [`Turn`]. It stays Socratic like the model: it points at lines and asks questions, and shows the
//! reference solution only when the turn allows it.

use super::{Grounding, Intent, Turn};
use crate::analysis::{Finding, FindingKind};
use crate::fmt::clip;
use crate::judge::{CaseReport, Verdict};
use crate::problems::Edge;

/// An offline answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub text: String,
    pub solution_shown: bool,
}

/// Answers the turn.
pub fn answer(g: &Grounding, t: &Turn) -> Answer {
    let mut solution_shown = false;
    let text = match t.intent {
        Intent::NextHint => next_hint(g, t),
        Intent::WhyFail => why_fail(g),
        Intent::Complexity => complexity(g),
        Intent::EdgeCase => edge_cases(g),
        Intent::ExplainPattern => pattern(g, t),
        Intent::Solution if t.allow_solution => {
            solution_shown = true;
            solution(g)
        }
        Intent::Solution => format!(
            "Socratic mode is on, so no full solution yet: you learn more from one more step. Here it is.\n\n{}\n\nIf \
             you really want to stop here, ask \"I give up, show me the solution\".",
            next_hint(g, t)
        ),
        Intent::General => general(g, t),
    };
    Answer { text, solution_shown }
}

/// `s` ending with a full stop (or another sentence end).
fn sentence(s: &str) -> String {
    let s = s.trim();
    if s.ends_with(['.', '?', '!']) {
        s.to_string()
    } else {
        format!("{s}.")
    }
}

/// `text` cut to about `max` characters without leaving a code fence open.
fn clip_md(text: &str, max: usize) -> String {
    let mut s = clip(text, max);
    if s.matches("```").count() % 2 == 1 {
        s.push_str("\n```");
    }
    s
}

/// The learner's line `n`, quoted.
fn quote(g: &Grounding, n: u32) -> String {
    let line = g.code.as_deref().and_then(|c| c.lines().nth((n as usize).saturating_sub(1)));
    match line.map(str::trim).filter(|l| !l.is_empty()) {
        Some(l) => format!("line {n} (`{}`)", clip(l, 80)),
        None => format!("line {n}"),
    }
}

fn findings(g: &Grounding) -> Vec<&Finding> {
    g.analysis.as_ref().map(|a| a.confident(0.5).collect()).unwrap_or_default()
}

/// A question that makes the learner look at what a finding points at.
fn question_for(kind: FindingKind, edge: Option<Edge>) -> String {
    match kind {
        FindingKind::SuboptimalComplexity => {
            "Which work is repeated on every pass of the inner loop, and could you remember it instead of \
             recomputing it?"
                .into()
        }
        FindingKind::InefficientLoop => {
            "What does that operation cost each time the loop runs, on a long input?".into()
        }
        FindingKind::WrongDataStructure => {
            "Which structure answers \"have I seen this value?\" in O(1) instead of scanning?".into()
        }
        FindingKind::MissingEdgeCase => match edge {
            Some(e) => format!("What does your code return on {} input? Trace it by hand.", edge_words(e)),
            None => "What does your code return on the smallest input the constraints allow?".into(),
        },
        FindingKind::OffByOne => "Walk through the last iteration by hand: which index values does it reach?".into(),
        FindingKind::MissingValidation => "What happens when the value you look up is not there?".into(),
    }
}

fn edge_words(e: Edge) -> &'static str {
    match e {
        Edge::Empty => "an empty",
        Edge::Single => "a single-element",
        Edge::Duplicates => "an input with repeated values, such as",
        Edge::Negatives => "a negative-number",
        Edge::Zeros => "an input with zeros, as in this",
        Edge::Overflow => "a very large-number",
        Edge::Large => "a large",
        Edge::Sorted => "an already sorted",
        Edge::AllSame => "an all-equal",
        Edge::Boundary => "a boundary",
        Edge::General => "this",
    }
}

/// One finding as "line 4 (`...`): message" plus its question: the finding's own when it came from an
/// edit that fixed the run (it asks about that very slip), else the kind's.
fn point_at(g: &Grounding, f: &Finding) -> String {
    let edge = g.report.as_ref().and_then(|r| r.failing_case()).and_then(|c| c.edge);
    let question = match f.evidence == crate::analysis::Evidence::Dynamic && f.suggestion.ends_with('?') {
        true => f.suggestion.clone(),
        false => question_for(f.kind, edge),
    };
    format!("In your code, {}: {} {}", quote(g, f.line), sentence(&f.message), question)
}

fn next_hint(g: &Grounding, t: &Turn) -> String {
    let total = g.problem.hints.len();
    let skipped = match t.taken.as_slice() {
        [] => String::new(),
        taken => {
            let ideas: Vec<&str> = taken.iter().flat_map(|(_, i)| i.iter().copied()).collect();
            let numbers: Vec<String> = taken.iter().map(|(n, _)| n.to_string()).collect();
            format!(
                " (your code already uses {}, the idea of hint {}, so here is the next one)",
                ideas.join(" and "),
                numbers.join(" and ")
            )
        }
    };
    let mut s = match t.hint {
        Some(n) => format!(
            "Hint {n} of {total}{skipped}: {}",
            g.problem.hints.get(n as usize - 1).cloned().unwrap_or_default()
        ),
        None if total == 0 => format!("{} has no prepared hints; here is where to look.", g.problem.title),
        None => format!("You have seen all {total} hints for {}.", g.problem.title),
    };
    let fs = findings(g);
    if let Some(f) = fs.first() {
        s.push_str("\n\n");
        s.push_str(&point_at(g, f));
    } else if let Some(c) = failing(g) {
        s.push_str("\n\n");
        s.push_str(&case_line(c));
    }
    if t.hint.is_none() {
        match fs.first() {
            Some(f) => s.push_str(&format!("\n\nNext step: {}", sentence(&f.suggestion))),
            None => {
                if let Some(p) = t.passages.first() {
                    s.push_str(&format!("\n\nFrom the notes — {}", clip_md(&p.text, 400)));
                }
            }
        }
        s.push_str("\n\nStill stuck? Ask \"I give up, show me the solution\" to see a reference solution.");
    }
    s
}

fn failing(g: &Grounding) -> Option<&CaseReport> {
    g.report.as_ref().and_then(|r| r.failing_case())
}

fn case_line(c: &CaseReport) -> String {
    let edge = c.edge.filter(|e| *e != Edge::General).map(|e| format!(" ({} input)", e.as_str())).unwrap_or_default();
    if c.input.is_null() {
        return format!("Case {}{edge} fails: {}.", c.id, c.verdict.title().to_lowercase());
    }
    let mut s = format!("Case {}{edge} fails with input {}", c.id, crate::fmt::input(&c.input, 120));
    match (&c.error, c.verdict) {
        (Some(e), _) => s.push_str(&format!(": it raises {}: {}", e.kind, clip(&e.message, 160))),
        (None, Verdict::TimeLimitExceeded) => s.push_str(": it runs out of time"),
        (None, _) => s.push_str(&format!(
            ": expected {}, your code returned {}",
            clip(&c.expected.to_string(), 120),
            clip(&c.actual.to_string(), 120)
        )),
    }
    s.push('.');
    s
}

fn why_fail(g: &Grounding) -> String {
    let Some(r) = &g.report else {
        return format!(
            "I have not seen a run of your code yet. Run it (`codify hint {} --file yours.py`, or :run in the \
             workspace) and ask again.\n\n{}",
            g.problem.slug,
            edge_cases(g)
        );
    };
    if let Some(ce) = &r.compile_error {
        return format!(
            "Python cannot compile your code: line {}: {}. Fix that first; nothing runs until it parses.",
            ce.line.unwrap_or(0),
            ce.message
        );
    }
    let Some(c) = r.failing_case() else {
        return match r.verdict {
            Verdict::Accepted => {
                let slow = g.analysis.as_ref().and_then(|a| a.time_complexity).filter(|t| *t > g.problem.optimal_time);
                match slow {
                    Some(t) => format!(
                        "Nothing fails on the {} tests it was run on. But your code is {t} where {} is possible, so \
                         the large hidden tests will likely run out of time. Ask \"why is it slow?\" for where.",
                        r.total, g.problem.optimal_time
                    ),
                    None => format!(
                        "Nothing fails: your code passes all {} tests it was run on. If a submission fails on hidden \
                         tests, ask about edge cases.",
                        r.total
                    ),
                }
            }
            _ => format!("The run ended with {}: {}", r.verdict.title(), r.message.as_deref().unwrap_or("no details")),
        };
    };
    let mut s = case_line(c);
    if let Some(ce) = g.counterexample.as_ref().filter(|ce| ce.input != c.input) {
        s.push_str("\n\n");
        s.push_str(&smallest(ce));
    }
    let fs = findings(g);
    // A finding from the run (an edit of this code that fixed the failing tests) explains the failure best.
    let localised = fs.iter().find(|f| f.evidence == crate::analysis::Evidence::Dynamic);
    let related = localised
        .or_else(|| fs.iter().find(|f| matches!(f.kind, FindingKind::MissingEdgeCase | FindingKind::OffByOne)));
    let hint = match c.verdict {
        Verdict::TimeLimitExceeded => complexity(g),
        Verdict::MemoryLimitExceeded => "It used too much memory: which structure grows with the input, and does it \
                                        need to?"
            .into(),
        Verdict::OutputLimitExceeded => "It printed too much: remove debugging prints before submitting.".into(),
        Verdict::RuntimeError => {
            let at = c.error.as_ref().and_then(|e| e.line).map(|l| format!(" at {}", quote(g, l))).unwrap_or_default();
            format!("Find where it raises{at}: which value there is not what you assumed for this input?")
        }
        _ => match related.or(fs.first()) {
            Some(f) => point_at(g, f),
            None => "Trace your code by hand on this input: at which line does a value first differ from what you \
                     expect?"
                .into(),
        },
    };
    s.push_str("\n\n");
    s.push_str(&hint);
    s
}

/// The smallest failing input the diagnosis found, in words.
fn smallest(c: &crate::analysis::Counterexample) -> String {
    let edges: Vec<&str> = c.edges.iter().map(|e| e.as_str()).collect();
    let special = if edges.is_empty() { String::new() } else { format!(" ({})", edges.join(", ")) };
    let got = match &c.error {
        Some(e) => format!("it raises {}", clip(e, 160)),
        None => format!("your code returns {}", clip(&c.actual.to_string(), 120)),
    };
    format!(
        "The smallest input I found that fails is {}{special}: expected {}, {got}. Walk through your code by hand \
         on it.",
        crate::fmt::input(&c.input, 160),
        clip(&c.expected.to_string(), 120)
    )
}

fn complexity(g: &Grounding) -> String {
    let p = &g.problem;
    let target =
        format!("The best known approach for {} is {} time and {} space.", p.title, p.optimal_time, p.optimal_space);
    let Some(a) = &g.analysis else {
        return format!(
            "I need your code to estimate its complexity (write it in the editor, or pass --file to `codify hint`). \
             {target}"
        );
    };
    if let Some(e) = &a.syntax_error {
        return format!(
            "Your code does not parse (line {}: {}), so I cannot estimate it yet. {target}",
            e.line, e.message
        );
    }
    let (Some(time), space) = (a.time_complexity, a.space_complexity) else {
        return target;
    };
    let space = space.map(|s| s.as_str()).unwrap_or("unknown");
    let mut s =
        format!("Your solution is {time} time ({}) and {space} space ({}). {target}", a.time_reason, a.space_reason);
    let slow = findings(g).into_iter().find(|f| {
        matches!(
            f.kind,
            FindingKind::SuboptimalComplexity | FindingKind::InefficientLoop | FindingKind::WrongDataStructure
        )
    });
    if time > p.optimal_time {
        match slow {
            Some(f) => s.push_str(&format!(
                "\n\nThe cost comes from {}. {}\nTo try: {}",
                quote(g, f.line),
                question_for(f.kind, None),
                sentence(&f.suggestion)
            )),
            None => match crate::analysis::pattern_advice(&p.patterns) {
                Some(how) => s.push_str(&format!("\n\nHow this problem is solved faster: {how}")),
                None => s.push_str(
                    "\n\nWhich part of your code runs once per pair (or per subset) of elements, and could it run \
                     once per element?",
                ),
            },
        }
    } else {
        s.push_str("\n\nThat already matches the best bound; what is left is correctness and constant factors.");
    }
    s
}

/// Edges worth checking for this problem: from a failing case, findings, and what the constraints allow.
fn edge_cases(g: &Grounding) -> String {
    let mut lines = Vec::new();
    if let Some(c) = failing(g).filter(|c| c.edge.is_some_and(|e| e != Edge::General)) {
        lines.push(format!("Your run already shows one: {}", case_line(c)));
    }
    for f in findings(g).into_iter().filter(|f| {
        matches!(f.kind, FindingKind::MissingEdgeCase | FindingKind::MissingValidation | FindingKind::OffByOne)
    }) {
        lines.push(format!("At {}: {}", quote(g, f.line), sentence(&f.message)));
    }
    let mut checks = Vec::new();
    let constraints = g.problem.constraints.join(" ").to_lowercase();
    for param in &g.problem.signature.params {
        let ty = param.ty.to_lowercase();
        let name = &param.name;
        let min_len = min_length(&constraints, name);
        if ty.starts_with("list") || ty == "str" || ty.contains("listnode") || ty.contains("treenode") {
            let empty = if ty == "str" {
                "\"\""
            } else if ty.starts_with("list") {
                "[]"
            } else {
                "None"
            };
            if min_len == 0 {
                checks.push(format!("`{name} = {empty}` (empty)"));
            }
            if min_len <= 1 {
                checks.push(format!("`{name}` with a single element"));
            }
            if ty.starts_with("list") {
                checks.push(format!("`{name}` with repeated values"));
                if ty.contains("int") && constraints.contains("-10") {
                    checks.push(format!("`{name}` with negative numbers"));
                }
            }
        } else if ty == "int" && constraints.contains("-10") {
            checks.push(format!("a negative or zero `{name}`"));
        }
    }
    let mut s = if lines.is_empty() { String::new() } else { format!("{}\n\n", lines.join("\n")) };
    if !checks.is_empty() {
        s.push_str(&format!(
            "Inputs the constraints allow that are easy to miss: {}. For each, what should the answer be, and what \
             does your code return?",
            checks.join("; ")
        ));
    }
    if s.is_empty() {
        s = "Try the smallest and the largest inputs the constraints allow, and values that repeat.".into();
    }
    s
}

/// The smallest length the constraints give for `name` (`1 <= len(nums)` gives 1); 0 when none does.
fn min_length(constraints: &str, name: &str) -> usize {
    let key = format!("<= len({})", name.to_lowercase());
    constraints
        .split(&key)
        .next()
        .filter(|before| before.len() < constraints.len())
        .and_then(|before| before.split_whitespace().last())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

fn pattern(g: &Grounding, t: &Turn) -> String {
    let p = &g.problem;
    let mut s = format!("{} is a {} problem; its pattern: {}.", p.title, p.topic, p.patterns.join(", "));
    for passage in t.passages.iter().take(2) {
        s.push_str(&format!("\n\n{}", clip_md(&passage.text, 500)));
    }
    if let Some(f) = findings(g).first() {
        s.push_str(&format!(
            "\n\nIn your code the analysis sees {} at {} (see the note `{}`). {}",
            f.kind.title().to_lowercase(),
            quote(g, f.line),
            f.note,
            question_for(f.kind, None)
        ));
    } else {
        s.push_str("\n\nHow would this idea change the loop you have now?");
    }
    s
}

fn solution(g: &Grounding) -> String {
    let p = &g.problem;
    let why = if g.solved { "You have solved it, so here" } else { "You gave up on this attempt, so here" };
    let idea = p.hints.last().map(|h| format!("\n\nThe idea: {h}")).unwrap_or_default();
    format!(
        "{why} is a reference solution ({} time, {} space):\n\n```python\n{}\n```{idea}\n\nCompare it with yours line \
         by line, then write it again tomorrow without looking.",
        p.optimal_time,
        p.optimal_space,
        p.solution.trim_end()
    )
}

fn general(g: &Grounding, t: &Turn) -> String {
    let mut s = match &g.report {
        Some(r) if r.verdict == Verdict::Accepted => format!("Your code passes the {} tests it was run on.", r.total),
        Some(r) => format!("Your last run: {} ({} of {} passed).", r.verdict.title(), r.passed, r.total),
        None => format!("You are working on {}.", g.problem.title),
    };
    if let Some(f) = findings(g).first() {
        s.push_str(&format!("\n\n{}", point_at(g, f)));
    }
    if let Some(p) = t.passages.first() {
        s.push_str(&format!("\n\nFrom the notes — {}", clip_md(&p.text, 400)));
    }
    s.push_str(
        "\n\nOffline I answer best to: \"next hint\", \"why did this fail?\", \"what is my complexity?\", \"what edge \
         case am I missing?\" and \"explain this pattern\".",
    );
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn min_length_reads_the_constraints() {
        assert_eq!(super::min_length("2 <= len(nums) <= 10^4; -10^9 <= nums[i]", "nums"), 2);
        assert_eq!(super::min_length("0 <= len(s) <= 5", "s"), 0);
        assert_eq!(super::min_length("nothing here", "nums"), 0);
    }
}
