//! Findings from a judge run: edits of the learner's code that fixed the failing tests, failing cases
//! tagged with an edge, and time-outs on large inputs.
//!
//! An edit that makes every failing test pass and breaks none ([`crate::diagnose`]) is the
//! strongest evidence there is of where a logic bug is and what kind it is: it becomes the top finding
//! (0.95; a "maybe" 0.45 when it fixes only some failing tests), said Socratically (where and what kind, not the
//! edit), and the other logic findings become "maybe"s. An edge tag the smallest failing input does not
//! show is a "maybe" too: that input fails without it.
//!
//! A failing case tagged `empty`, `single`, `duplicates`, ... is strong evidence of a missing edge case; the
//! finding points at the static finding's line when there is one, else at the entry function. A time-out on
//! a `large` case with an estimate worse than the optimal bound confirms suboptimal complexity; with an
//! estimate that already matches, the time-out more likely comes from a loop that does not always make
//! progress, and the finding says so with lower confidence.

use super::suboptimal::suggestion;
use super::Sink;
use crate::analysis::mutate::MutantKind;
use crate::analysis::program::Program;
use crate::analysis::{Complexity, Context, Evidence, Finding, FindingKind, Fix, RunEvidence};
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
    let fixed = fixes(run, sink, answered_at(run));
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
    // Where the smallest failing input crashes, when it does, is where the edge is missed.
    let crash_line = run.counterexample.as_ref().and_then(|c| c.line);
    // Where the smallest failing input first goes wrong: the line it raised on, or the return that answered.
    let wrong_line = crash_line.or(answered_at(run));
    let edge_lines = sink.lines_of(FindingKind::MissingEdgeCase);
    let static_line = edge_lines.first().copied().or(wrong_line);
    // A crash on a line where the code takes from, or looks up in, something it built without checking it
    // (a static missing_validation finding) is that finding confirmed: it, not the input's shape, explains it.
    let confirmed = crash_line
        .filter(|l| !fixed && !edge_lines.contains(l) && sink.lines_of(FindingKind::MissingValidation).contains(l));
    if let Some(line) = confirmed {
        sink.raise(|f| f.kind == FindingKind::MissingValidation && f.line == line, 0.9);
    }
    for edge in edges {
        let (what, try_this) = describe(edge);
        let unshown = run.counterexample.as_ref().is_some_and(|c| !c.edges.contains(&edge));
        let confidence = match edge {
            _ if fixed || unshown || confirmed.is_some() => 0.45,
            Edge::Large => 0.7,
            _ => 0.9,
        };
        sink.push(Finding {
            kind: FindingKind::MissingEdgeCase,
            confidence,
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
            suggestion: super::suboptimal::pattern_suggestion(ctx.patterns)
                .filter(|_| time > opt)
                .map_or_else(|| suggestion(&crate::analysis::cost::Term::one(), time, opt), str::to_string),
            note: FindingKind::SuboptimalComplexity.note().to_string(),
        });
    }
}

/// The `return` that answered the smallest failing input wrongly, when the diagnosis found it.
fn answered_at(run: &RunEvidence) -> Option<u32> {
    run.counterexample.as_ref().and_then(|c| c.answered_at)
}

/// Findings from the fixes the diagnosis found; true when one fixed every failing test (the other logic
/// findings are then demoted). A guard added at the top (or a check on the inputs alone), for an input
/// answered wrongly (not a crash), is said at the `return` that answered it (`wrong_line`) when that is
/// known: the guard's own line is only where the fix would go, while for a crash it stands for the input's
/// first read (said at the crash instead, 5 files of the development sets lost and 1 gained).
fn fixes(run: &RunEvidence, sink: &mut Sink, wrong_line: Option<u32>) -> bool {
    let mut complete = false;
    // Where the smallest failing input raised, when that input is not itself empty (nor zero).
    let empty = |c: &crate::analysis::Counterexample| c.edges.iter().any(|e| matches!(e, Edge::Empty | Edge::Zeros));
    let raised_on_more = run.counterexample.as_ref().filter(|c| c.error.is_some() && !empty(c)).and_then(|c| c.line);
    for fix in &run.fixes {
        let on_top = fix.answers_the_input();
        // A guard for an empty argument that fixes a crash on an input that is not empty: a recursive
        // call was handed the empty one (a missing child, the rest of a list): a value met on the way.
        let recursed = raised_on_more.filter(|_| on_top && fix.change.ends_with("in a function that calls itself"));
        let line = recursed.or(wrong_line.filter(|_| on_top)).unwrap_or(fix.line);
        let fix = &Fix { line, ..fix.clone() };
        let explained = match recursed {
            Some(line) => Some((
                FindingKind::MissingValidation,
                format!(
                    "Line {line} reads from something a recursive call can be handed empty (a missing child, \
                         the rest of a list); answered first, {{share}}."
                ),
                "Which call reaches this line with nothing there? What should that call answer before reading it?",
            )),
            None => explain_fix(fix),
        };
        let Some((kind, message, suggestion)) = explained else { continue };
        // The first complete fix (the diagnosis puts the likeliest first) explains the failure; another
        // complete one is a second opinion, shown as a "maybe", and does not demote the first.
        let first = fix.complete() && !complete;
        complete |= fix.complete();
        if first {
            let logic = [FindingKind::OffByOne, FindingKind::MissingEdgeCase, FindingKind::MissingValidation];
            sink.demote(|f| logic.contains(&f.kind) && f.line != fix.line, 0.45);
        }
        let share = match fix.complete() {
            true => "every failing test passes".to_string(),
            false => format!("{} of the {} failing tests pass", fix.fixed, fix.failing),
        };
        sink.push(Finding {
            kind,
            // An edit that fixes only some failing tests often fixes them for the wrong reason: a "maybe".
            confidence: if first { 0.95 } else { 0.45 },
            line: fix.line,
            message: message.replace("{share}", &share),
            evidence: Evidence::Dynamic,
            suggestion: suggestion.to_string(),
            note: kind.note().to_string(),
        });
    }
    complete
}

/// The mistake pattern an edit that fixes the code points at, said without giving the edit away.
fn explain_fix(fix: &Fix) -> Option<(FindingKind, String, &'static str)> {
    let line = fix.line;
    Some(match fix.kind {
        MutantKind::Bound | MutantKind::Constant | MutantKind::Comparison => (
            FindingKind::OffByOne,
            format!("Line {line} is off by one: with a bound, a constant or a comparison on it moved by one, {{share}}."),
            "Trace the first and the last step of this line on the smallest failing input: where should it start, \
             and where should it stop?",
        ),
        MutantKind::AddedLastStep if fix.change.starts_with("the last answer") => (
            FindingKind::MissingEdgeCase,
            format!("Line {line} answers a constant when the answer is at the very end of the input; answered from it, {{share}}."),
            "What if the item you are looking for is the last one? Walk the loop's last pass by hand.",
        ),
        MutantKind::AddedLastStep if fix.change.starts_with("the step after the loop also takes") => (
            FindingKind::MissingEdgeCase,
            format!("Line {line}: when the loop ends, what is left of one of the inputs is dropped; taken too, {{share}}."),
            "When one input runs out first, what is still left in the other? Does the answer include it?",
        ),
        MutantKind::AddedLastStep if fix.change.starts_with("the loop also runs") => (
            FindingKind::MissingEdgeCase,
            format!("The loop on line {line} stops while a value it carries is still left over; going on, {{share}}."),
            "When both inputs run out, is anything still carried? One more step may be needed.",
        ),
        MutantKind::AddedLastStep => (
            FindingKind::MissingEdgeCase,
            format!(
                "Line {line}: when the loop before it ends, the last group it was building is never added; once it \
                 is, {{share}}."
            ),
            "After the loop, what do the running variables still hold? Add it the way the loop adds the others.",
        ),
        MutantKind::AddedGuard if fix.change.starts_with("the test") && fix.change.contains("the input") => (
            FindingKind::MissingEdgeCase,
            format!("Line {line} reads the end of an input that can be empty: guarded, {{share}}."),
            "What should this test say when the input is empty? Check that before reading its first or last item.",
        ),
        // The end of a collection the code fills: its state at that moment, not the input's shape.
        MutantKind::AddedGuard if fix.change.starts_with("the test") => (
            FindingKind::MissingValidation,
            format!("Line {line} reads the end of a collection that can be empty when the test runs: guarded, {{share}}."),
            "What should this test say when the collection is empty? Check that before reading its first or last \
             item.",
        ),
        MutantKind::EmptyTake => (
            FindingKind::MissingValidation,
            format!("Line {line} takes from a collection that can be empty at that moment; when it is checked, {{share}}."),
            "Which input reaches this line with nothing left to take? Decide what that means before taking.",
        ),
        MutantKind::SkippedNone if fix.change.starts_with("an item popped again") => (
            FindingKind::MissingValidation,
            format!("Line {line} handles an item again after it was settled; skipping those, {{share}}."),
            "Can the same item come out of this heap twice? What should happen the second time?",
        ),
        MutantKind::SkippedNone if fix.change.starts_with("the loop skips what is marked") => (
            FindingKind::MissingValidation,
            format!("The loop at line {line} takes items it has already taken; skipping the marked ones, {{share}}."),
            "You mark what you take: where do you look at that mark before taking?",
        ),
        MutantKind::SkippedNone if fix.change.contains("never moves back") => (
            FindingKind::MissingValidation,
            format!("Line {line} can move a position back to an entry stored long ago; kept from moving back, {{share}}."),
            "Is the position you read here still inside the current window? What if it was stored before it?",
        ),
        MutantKind::SkippedNone if fix.change.contains("has run out") => (
            FindingKind::MissingValidation,
            format!("Line {line} reads a node after its list has run out; read as nothing then, {{share}}."),
            "When one list is longer than the other, what is the shorter one's value on the last steps?",
        ),
        MutantKind::BoundsCheck if fix.change.contains("is appended when") => (
            FindingKind::MissingValidation,
            format!("Line {line} writes one past the end of a list it builds; appended there instead, {{share}}."),
            "Can the position you write to be the list's length? Where does a value go that belongs after the \
             last one?",
        ),
        MutantKind::BoundsCheck if fix.change.contains("also stops at") => (
            FindingKind::MissingValidation,
            format!("The loop on line {line} can step past what it reads; stopping there too, {{share}}."),
            "What stops this loop when every item it looks at matches? Walk it on an input made only of them.",
        ),
        MutantKind::BoundsCheck if fix.change.contains("also needs") => (
            FindingKind::MissingValidation,
            format!("Line {line} hops two steps without looking at the first; checked, {{share}}."),
            "What if the first step already reaches the end? Check it before taking the second.",
        ),
        MutantKind::SkippedNone => (
            FindingKind::MissingValidation,
            format!("Line {line} reads from an item that can be None; with those items skipped, {{share}}."),
            "Can an item of this input be missing (an empty list, no node)? What should the loop do with it?",
        ),
        // A check found by trying conditions over the names in scope (`crate::diagnose`'s synthesis): at a
        // value met inside a loop or a helper, or an answer for an input shape at the top.
        MutantKind::AddedCheck if fix.change.contains("(input)") => (
            FindingKind::MissingEdgeCase,
            format!("Line {line} is reached by inputs that need an answer of their own; answered before it, {{share}}."),
            "Which inputs should be answered before this line? What does the smallest failing input have that \
             the others do not?",
        ),
        MutantKind::AddedCheck => {
            let (what, ask) = match fix.change.rsplit(": ").next().unwrap_or("") {
                "tighten" => (
                    "its test should stop",
                    "This test lets something through that it should not: which values pass it on the smallest \
                     failing input that should not? What else must be true here?",
                ),
                "continue" => (
                    "should be skipped",
                    "Which values reach this line that should be skipped? Walk the smallest failing input and \
                     look at what the line is handed each time.",
                ),
                "break" => (
                    "should end the loop",
                    "When should this loop stop early? Walk the smallest failing input and look at what the line \
                     is handed when it goes wrong.",
                ),
                _ => (
                    "should end the call",
                    "Which calls should end before this line? Walk the smallest failing input: what does the \
                     call already know that should stop it (something seen before, something joined already)?",
                ),
            };
            (
                FindingKind::MissingValidation,
                format!("Line {line} goes on with a value that {what} at that moment; with a check first, {{share}}."),
                ask,
            )
        }
        MutantKind::NoAnswer => (
            FindingKind::MissingEdgeCase,
            format!("Line {line} answers even for inputs that have no answer; with a check for them first, {{share}}."),
            "What does the statement want when there is no answer? What is true at this line for exactly those \
             inputs (something not reached, something left over)?",
        ),
        MutantKind::AddedGuard if fix.change.contains("differ in length") || fix.change.contains("is longer") => (
            FindingKind::MissingEdgeCase,
            "Inputs of different lengths are not handled: with an early answer for them, {share}.".to_string(),
            "What should the answer be when the two inputs differ in length? Decide it before the loop.",
        ),
        MutantKind::AddedGuard => (
            FindingKind::MissingEdgeCase,
            "An empty input is not handled: with an early answer for it, {share}.".to_string(),
            "What should the function return for an empty input? Answer that before anything indexes the input.",
        ),
        MutantKind::InitialValue if fix.change.contains("the empty answer") => (
            FindingKind::MissingEdgeCase,
            format!("Line {line} starts the answers without the empty one; started with it, {{share}}."),
            "Is the empty choice an answer too? Where would it be added, if nothing is ever copied before an item \
             is?",
        ),
        MutantKind::InitialValue if fix.change.starts_with("the answers start") => (
            FindingKind::MissingEdgeCase,
            format!("Line {line} starts every answer at a value a real answer can take; started at \"none\", {{share}}."),
            "Which inputs have no answer at all? What does the statement want for them, and where is it set?",
        ),
        MutantKind::InitialValue if fix.change.starts_with("the sentinel") => (
            FindingKind::MissingEdgeCase,
            format!("Line {line} uses a sentinel that a real value can reach; with one no value can, {{share}}."),
            "Can an input value be exactly this big (or small)? Use a bound no input can reach, such as infinity.",
        ),
        MutantKind::InitialValue => (
            FindingKind::MissingEdgeCase,
            format!("Line {line} starts a running best from a value a real answer can lie beyond; started elsewhere, {{share}}."),
            "Could every answer be below (or above) this start, say when all values are negative? Start from the \
             first item, or from infinity.",
        ),
        MutantKind::LeftoverCheck => (
            FindingKind::MissingEdgeCase,
            format!("Line {line} answers True without looking at what is left over; checking it, {{share}}."),
            "When the loop ends, can items still be waiting to be matched? What should the answer be then?",
        ),
        // The index found is a value met during the loop, checked at the lookup: missing validation.
        MutantKind::DistinctIndex => (
            FindingKind::MissingValidation,
            format!("Line {line} can pair an item with itself: when the lookup skips the item the loop is on, {{share}}."),
            "What if the value you look up is the current item's own? Check that the index found is a different one.",
        ),
        MutantKind::KeyDefault if fix.change.contains("not whether it is truthy") => (
            FindingKind::MissingValidation,
            format!("Line {line} takes a value found as 0 or empty for a key never stored; asking whether it was found, {{share}}."),
            "What does this test say when the value stored is 0 or empty? Is that the same as \"not stored\"?",
        ),
        MutantKind::KeyDefault => (
            FindingKind::MissingValidation,
            format!("Line {line} reads a key that may never have been stored: with an answer for a missing key, {{share}}."),
            "Which keys can this line ask for that were never put there? Decide what a missing key means before \
             reading it.",
        ),
        MutantKind::Unreachable => (
            FindingKind::MissingEdgeCase,
            format!("Line {line} can answer infinity when the goal cannot be reached; answered as the statement says, {{share}}."),
            "What does the statement want when nothing reaches the goal? Check for that case before answering.",
        ),
        MutantKind::IncompleteResult => (
            FindingKind::MissingEdgeCase,
            format!("Line {line} answers with what it built even when some items were never reached; checked first, {{share}}."),
            "Can the loop end before every item is placed (a cycle, an unreachable item)? What should the answer \
             be then?",
        ),
        MutantKind::BoundsCheck if fix.change.contains("is inside") => (
            FindingKind::MissingValidation,
            format!("Line {line} reads a neighbour that may lie outside the grid; checked first, {{share}}."),
            "Which positions can the neighbours of an edge cell have? Check that one is inside before reading it.",
        ),
        MutantKind::BoundsCheck => (
            FindingKind::MissingValidation,
            format!("Line {line} lets a position below 0 through, where Python reads from the other end; checked, {{share}}."),
            "Which positions can the neighbours of an edge cell have? Check every bound, the lower ones too.",
        ),
        MutantKind::CellCheck => (
            FindingKind::MissingValidation,
            format!("Line {line} lets the walk onto cells it should skip; with the check the rest of the code makes, {{share}}."),
            "Which cells may the walk step onto? Check the cell itself, not only that it is inside the grid.",
        ),
        MutantKind::Deduplicated => (
            FindingKind::MissingEdgeCase,
            format!("Repeated values break the steps after line {line}: with them set aside, {{share}}."),
            "What should happen when the next value equals the last one? Walk the smallest failing input by hand.",
        ),
        MutantKind::DroppedGuard => (
            FindingKind::MissingEdgeCase,
            format!("The early exit on line {line} is wrong for some inputs: without it, {{share}}."),
            "Which inputs reach this exit? Try it by hand on the smallest failing input.",
        ),
        MutantKind::Normalised => (
            FindingKind::MissingValidation,
            match fix.change.contains("letters and digits") {
                true => "The input is used as given: cleaned first (only the characters that count, in one case), \
                         {share}."
                    .to_string(),
                false => "The input is used as given: with case ignored, {share}.".to_string(),
            },
            "Re-read the statement: which characters count, and does case matter? Clean the input once, before \
             comparing.",
        ),
        MutantKind::BoolOp | MutantKind::MinMax | MutantKind::DroppedLastStep => return None,
    })
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
