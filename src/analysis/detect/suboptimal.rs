//! The `suboptimal_complexity` detector (the Big-O type is `crate::complexity`, the cost model that
//! estimates it `analysis::cost`): from the source, the estimate is worse than the problem's optimal bound.
//!
//! Two allowances keep clean solutions quiet: an optimal bound of O(1) means the input has a fixed size
//! (a 9x9 board), so loops over it are not a finding; and on matrix inputs the bank's bounds count either
//! cells or sides, so one polynomial degree of difference is allowed. Without an optimal bound only
//! exponential recursion is mentioned, as a low-confidence hint.

use super::Sink;
use crate::analysis::cost::{recursion::RecKind, Cost, Factor, Model, Term};
use crate::analysis::program::Program;
use crate::analysis::{Complexity, Context, FindingKind};

pub(super) fn check(
    prog: &Program,
    model: &mut Model,
    entries: &[usize],
    time: Complexity,
    ctx: &Context,
    sink: &mut Sink,
) {
    let term = model.entries_cost(entries);
    let line = term.why.first().map_or_else(|| entries.first().map_or(1, |&u| prog.units[u].line), |f| f.line);
    let Some(opt) = ctx.optimal_time else {
        let branching =
            entries.iter().any(|&u| matches!(model.recursion_of(u), Some(r) if r.kind == RecKind::Branching))
                || term.cost.exp;
        if branching && time == Complexity::Exponential {
            sink.add(
                FindingKind::SuboptimalComplexity,
                0.45,
                line,
                format!("This takes exponential time: {}.", term.reason()),
                suggestion(&term, time, Complexity::Linear),
            );
        }
        return;
    };
    if time <= opt {
        return;
    }
    if opt == Complexity::Constant && time != Complexity::Exponential {
        return;
    }
    if matrix_input(prog, entries) && degree(time) <= degree(opt) + 1 && time != Complexity::Exponential {
        return;
    }
    let mut confidence = if time == Complexity::Exponential {
        0.85
    } else if degree(time) > degree(opt) {
        0.8
    } else {
        // Only a log factor apart (n log n vs n): often accepted, still worth knowing.
        0.6
    };
    if !term.sure() {
        confidence *= 0.85;
    }
    sink.add(
        FindingKind::SuboptimalComplexity,
        confidence,
        line,
        format!("This runs in about {time} time ({}); the problem can be solved in {opt}.", term.reason()),
        pattern_suggestion(ctx.patterns).map_or_else(|| suggestion(&term, time, opt), str::to_string),
    );
}

/// How the problem's own optimal pattern (its `patterns` tags, most telling first) makes it faster: two
/// pointers for 3sum and container-with-most-water, running maxima for trapping-rain-water, a dict for
/// two-sum. `None` when no tag says.
pub(crate) fn pattern_suggestion(patterns: &[String]) -> Option<&'static str> {
    let has = |t: &str| patterns.iter().any(|p| p == t);
    Some(if has("two-pointers") && has("sorting") {
        "Sort first, then move two pointers toward each other: each step rules out one candidate, so the pairs \
         are found in one pass."
    } else if has("prefix-max") {
        "Keep the highest value seen from each side (two pointers or two running-maximum arrays) instead of \
         rescanning for every position."
    } else if has("two-pointers") {
        "Start two pointers at the two ends and move the one that cannot do better: every item is looked at once."
    } else if has("sequence-start") {
        "Put the values in a set and only count from values that start a run (x - 1 is absent): each value is \
         then visited once."
    } else if has("sliding-window") {
        "Keep a window whose edges only move forward, and update its counts as they move instead of rebuilding them."
    } else if has("monotonic-stack") {
        "Keep a stack of the items still waiting for their answer, in order: each item is pushed and popped once."
    } else if has("prefix-sum") || has("prefix-product") {
        "Precompute running sums or products from each side once; then every position is answered in O(1)."
    } else if has("binary-search") {
        "The search space is ordered: halve it at every step instead of scanning it."
    } else if has("heap") || has("top-k") {
        "Keep only the best k items in a heap (O(n log k)) instead of sorting or rescanning everything."
    } else if has("complement-lookup") || has("hash-map") || has("hash-set") {
        "Remember what you have seen in a dict or set, so each lookup is O(1) instead of a scan."
    } else if has("dynamic-programming") || has("1d-dp") || has("2d-dp") {
        "Store each subproblem's answer once, in a cache or a table, instead of computing it again."
    } else if has("union-find") {
        "Keep the components in a union-find: each merge and lookup is nearly O(1)."
    } else {
        return None;
    })
}

/// Polynomial degree of a class, with `log n` between 0 and 1.
fn degree(c: Complexity) -> u8 {
    match c {
        Complexity::Constant | Complexity::Log => 0,
        Complexity::Linear | Complexity::Linearithmic => 1,
        Complexity::Quadratic => 2,
        Complexity::Cubic => 3,
        Complexity::Exponential => 9,
    }
}

fn matrix_input(prog: &Program, entries: &[usize]) -> bool {
    entries.iter().any(|&u| prog.units[u].params.iter().any(|p| prog.var(u, p.name).is_some_and(|v| v.grid)))
}

/// What to try, from the factor that dominates the estimate.
pub(super) fn suggestion(term: &Term, time: Complexity, opt: Complexity) -> String {
    let has = |pred: &dyn Fn(&Factor) -> bool| term.why.iter().any(pred);
    if time == Complexity::Exponential {
        return "Cache the results of repeated calls (`@functools.cache`) or build the answer bottom-up in a table."
            .to_string();
    }
    if has(&|f| f.text.contains("scans a list")) {
        return "Keep the items you look up in a set or dict, so each lookup is O(1).".to_string();
    }
    if has(&|f| f.text.contains("sorts")) && opt <= Complexity::Linear {
        return "Sorting costs O(n log n); a single pass with a dict, set or counts may be enough.".to_string();
    }
    if opt == Complexity::Log {
        return "The input is sorted: a binary search halves the range each step instead of scanning it.".to_string();
    }
    let loops = term.why.iter().filter(|f| f.text.starts_with("loop") && f.cost >= Cost::N).count();
    if loops >= 2 {
        return "Avoid the inner loop: remember what earlier items told you (a dict of seen values, a running \
                minimum, two pointers, or a sliding window)."
            .to_string();
    }
    "Look for the step that repeats work for every item and keep its result up to date instead.".to_string()
}
