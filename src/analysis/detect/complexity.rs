//! `suboptimal_complexity` from the source: the estimate is worse than the problem's optimal bound.
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
        suggestion(&term, time, opt),
    );
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
