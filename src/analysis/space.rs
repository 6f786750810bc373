//! Space complexity: the largest structure the code builds, or its recursion depth.
//!
//! Counted: collections that grow with the input (a list filled in a loop, `set(nums)`, a sorted copy, a
//! slice), tables (`[[0] * m for _ in range(n)]`, O(n^2)), memo caches and recursion depth. The input itself
//! is not counted; the returned value is (an output list of n items is O(n)). Dictionaries keyed by the
//! characters of a string are alphabet-bounded, so O(1).

use rustpython_parser::ast::{Expr, Stmt};

use super::cost::{recursion, Cost, Model, Term};
use super::env::{self, is_grid_expr, kind_of, size_of, Kind, Size};
use super::program::Program;
use super::walk::{self, call_name};

pub(crate) fn estimate(prog: &Program, model: &mut Model, entries: &[usize]) -> Term {
    let mut seen = Vec::new();
    entries.iter().fold(Term::one(), |acc, &u| acc.max(unit_space(prog, model, u, &mut seen, 0)))
}

pub(crate) fn reason(t: &Term) -> String {
    if t.why.is_empty() {
        return "only a fixed number of scalar variables".to_string();
    }
    t.reason()
}

fn unit_space(prog: &Program, model: &mut Model, u: usize, seen: &mut Vec<usize>, depth: usize) -> Term {
    if seen.contains(&u) || depth >= super::parse::MAX_CALL_DEPTH {
        return Term::one();
    }
    seen.push(u);
    let unit = &prog.units[u];
    let mut best = Term::one();
    // What exponential recursion keeps adding to (and never takes back) holds all subsets or orderings.
    let exponential = exponential_outputs(prog, model, u);
    // Structures bound to names.
    walk::each_stmt(unit.body, &mut |s| {
        let (targets, value): (Vec<&Expr>, Option<&Expr>) = match s {
            Stmt::Assign(a) => (a.targets.iter().collect(), Some(&a.value)),
            Stmt::AnnAssign(a) => (vec![&a.target], a.value.as_deref()),
            _ => (Vec::new(), None),
        };
        for t in targets {
            let Some(n) = walk::name(t) else { continue };
            let Some(v) = prog.var(u, n) else { continue };
            if v.param || !v.kind.is_collection() || v.size < Size::N {
                continue;
            }
            // The raw text a script reads is its input, not extra memory.
            if v.from_input && v.kind == Kind::Str {
                continue;
            }
            let cost = if exponential.contains(&n) {
                Cost::EXP
            } else if v.grid || value.is_some_and(|x| is_grid_expr(prog, u, x)) {
                Cost::N2
            } else {
                Cost::N
            };
            let what = match cost {
                Cost::EXP => "output",
                Cost::N2 => "table",
                _ => "collection",
            };
            best = std::mem::take(&mut best).max(Term::factor(
                cost,
                prog.line(s),
                format!("{what} `{n}` grows with the input"),
                true,
            ));
        }
    });
    // Copies made by expressions (sorted copies, slices, comprehensions) and recursion.
    walk::each_expr_in_block(unit.body, &mut |e| {
        if let Some(t) = allocation(prog, u, e) {
            best = std::mem::take(&mut best).max(t);
        }
    });
    if let Some(rec) = model.recursion_of(u) {
        let depth = recursion::depth(&rec);
        let what = if rec.kind == recursion::RecKind::Memo { "memo table and call stack" } else { "call stack" };
        best = best.max(Term::factor(depth, rec.line, format!("{what} of `{}`", unit.name), true));
    }
    // Nested helpers and called functions.
    let mut callees: Vec<usize> = (0..prog.units.len()).filter(|&c| prog.units[c].parent == Some(u)).collect();
    walk::each_expr_in_block(unit.body, &mut |e| {
        if let Expr::Call(c) = e {
            if let Some(callee) = prog.resolve(u, &c.func) {
                callees.push(callee);
            }
        }
    });
    for c in callees {
        best = best.max(unit_space(prog, model, c, seen, depth + 1));
    }
    best
}

/// Collections that a branching (exponential) recursive function nested in `u`, or `u` itself, appends to
/// without ever removing from them.
fn exponential_outputs<'a>(prog: &Program<'a>, model: &mut Model, u: usize) -> Vec<&'a str> {
    let mut out = Vec::new();
    for c in (0..prog.units.len()).filter(|&c| c == u || prog.units[c].parent == Some(u)) {
        if !matches!(model.recursion_of(c), Some(r) if r.kind == recursion::RecKind::Branching) {
            continue;
        }
        let mut added = Vec::new();
        let mut removed = Vec::new();
        walk::each_expr_in_block(prog.units[c].body, &mut |e| {
            if let Expr::Call(call) = e {
                let recv = walk::receiver(call).and_then(walk::name);
                match call_name(call) {
                    Some("append" | "add" | "extend") => added.extend(recv),
                    Some("pop" | "remove" | "discard" | "popleft") => removed.extend(recv),
                    _ => {}
                }
            }
        });
        out.extend(added.into_iter().filter(|a| !removed.contains(a)));
    }
    out
}

fn allocation(prog: &Program, u: usize, e: &Expr) -> Option<Term> {
    let n = size_of(prog, u, e);
    if n < Size::N {
        return None;
    }
    let line = prog.line(e);
    let copy = |what: &str| Some(Term::factor(Cost::N, line, format!("`{}` {what}", prog.snippet(e)), true));
    match e {
        Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) => {
            if is_grid_expr(prog, u, e) {
                Some(Term::factor(Cost::N2, line, format!("`{}` builds a table", prog.snippet(e)), true))
            } else {
                copy("builds a collection")
            }
        }
        Expr::Subscript(s) if matches!(s.slice.as_ref(), Expr::Slice(_)) => {
            let Expr::Slice(sl) = s.slice.as_ref() else { return None };
            if super::cost::constant_width(sl) {
                None
            } else {
                copy("copies a slice")
            }
        }
        Expr::Call(c) => match call_name(c) {
            Some("sorted" | "list" | "set" | "Counter" | "dict" | "deque" | "tuple" | "frozenset")
                if walk::receiver(c).is_none() =>
            {
                if c.args.first().is_some_and(|a| kind_of(prog, u, a) == Kind::Str)
                    && matches!(call_name(c), Some("Counter" | "set"))
                {
                    None
                } else {
                    copy("makes a copy")
                }
            }
            Some("split" | "readlines") if env::from_input(prog, u, e) => None,
            Some("split" | "join" | "readlines" | "copy") => copy("makes a copy"),
            _ => None,
        },
        Expr::BinOp(b) if matches!(b.left.as_ref(), Expr::List(_)) => copy("allocates a list"),
        _ => None,
    }
}
