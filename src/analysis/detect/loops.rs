//! `inefficient_loop`: work repeated on every pass of a loop that could be done once or kept up to date.
//!
//! Shapes, inside a loop that runs about n times: a whole-sequence call (`sum`, `max`, `sorted`, `set`,
//! `Counter`, `list`, `count`) over an input-sized argument, which either recomputes the same value (hoist
//! it) or rescans a prefix/suffix (keep a running value); slices that copy on every pass (`s[::-1]`,
//! `s[i:j] == ...`); and, as a low-confidence hint, building a string with `+=`. A slice stored as it is
//! (`path.append(s[i:j])`) is a piece of the answer, not a repeated copy, and is not reported.

use rustpython_parser::ast::{self, Expr, Ranged, Stmt};

use super::{in_return, Sink};
use crate::analysis::cost::constant_width;
use crate::analysis::env::{kind_of, size_of, Kind, Size};
use crate::analysis::program::Program;
use crate::analysis::walk::{self, Anc, Loop, Node, Part};
use crate::analysis::FindingKind::InefficientLoop;

pub(super) fn check(prog: &Program, u: usize, sink: &mut Sink) {
    let body = prog.units[u].body;
    walk::walk_block(body, &mut |node, anc| {
        let loops = walk::loops(anc);
        if !loops.iter().any(|l| big(prog, u, l)) || in_return(anc) {
            return;
        }
        match node {
            Node::Expr(Expr::Call(c)) => aggregate(prog, u, c, &loops, sink),
            Node::Expr(Expr::Subscript(s)) => slice(prog, u, s, anc, sink),
            Node::Stmt(Stmt::AugAssign(a)) => concat(prog, u, a, sink),
            _ => {}
        }
    });
}

/// A loop that runs about n times (or more).
fn big(prog: &Program, u: usize, l: &Loop) -> bool {
    match l {
        Loop::While(w) => !crate::analysis::cost::is_halving(prog, u, w),
        other => other.iter().is_some_and(|i| size_of(prog, u, i) >= Size::N),
    }
}

fn loop_names<'a>(loops: &[Loop<'a>]) -> Vec<&'a str> {
    let mut v = Vec::new();
    for l in loops {
        if let Some(t) = l.target() {
            walk::each_expr(t, &mut |x| v.extend(walk::name(x)));
        }
    }
    v
}

fn aggregate(prog: &Program, u: usize, c: &ast::ExprCall, loops: &[Loop], sink: &mut Sink) {
    let Some(name) = walk::call_name(c) else { return };
    let recv = walk::receiver(c);
    let (subject, what) = match name {
        "sum" | "sorted" | "set" | "list" | "tuple" | "Counter" | "frozenset" | "any" | "all" if recv.is_none() => {
            (c.args.first(), name)
        }
        "max" | "min" if recv.is_none() && c.args.len() == 1 => (c.args.first(), name),
        "count" if recv.is_some_and(|r| !matches!(kind_of(prog, u, r), Kind::Dict | Kind::DefaultDict | Kind::Set)) => {
            (recv, "count")
        }
        _ => return,
    };
    let Some(subject) = subject else { return };
    if size_of(prog, u, subject) < Size::N {
        return;
    }
    let names = loop_names(loops);
    let invariant = !names.iter().any(|n| walk::mentions(subject, n))
        && !matches!(subject, Expr::GeneratorExp(_) | Expr::ListComp(_));
    let text = prog.snippet(c);
    let (confidence, message, suggestion) = if what == "count" {
        (
            0.8,
            format!("`{text}` rescans the whole sequence on every pass of the loop."),
            "Count everything once before the loop with `collections.Counter`.".to_string(),
        )
    } else if invariant {
        (
            0.85,
            format!("`{text}` computes the same value on every pass of the loop."),
            "Compute it once before the loop and reuse it.".to_string(),
        )
    } else {
        (
            0.8,
            format!("`{text}` walks up to the whole input again on every pass of the loop."),
            "Keep a running value (a prefix sum, running max, or counts) and update it as the loop advances."
                .to_string(),
        )
    };
    sink.add(InefficientLoop, confidence, prog.line(c), message, suggestion);
}

fn slice(prog: &Program, u: usize, s: &ast::ExprSubscript, anc: &[Anc], sink: &mut Sink) {
    let Expr::Slice(sl) = s.slice.as_ref() else { return };
    if s.ctx != ast::ExprContext::Load || constant_width(sl) || size_of(prog, u, &s.value) < Size::N {
        return;
    }
    // A parse loop reads each span once: the slices between the cursor and where it jumps to are not copies
    // of the same data on every pass.
    let consumed = |l: &Loop| match l {
        Loop::While(w) => crate::analysis::cost::consumed_spans(w).iter().any(|e| e.range() == s.range()),
        _ => false,
    };
    if walk::loops(anc).first().is_some_and(consumed) {
        return;
    }
    let reversed = sl.step.as_deref().and_then(walk::int_const) == Some(-1);
    let parent = anc.iter().rev().find_map(|a| if let Anc::Expr(e) = a { Some(*e) } else { None });
    let text = prog.snippet(s);
    let (confidence, message) = match parent {
        // The enclosing aggregate is reported on its own.
        Some(Expr::Call(c))
            if matches!(walk::call_name(c), Some("sum" | "max" | "min" | "sorted" | "set" | "Counter" | "list")) =>
        {
            return
        }
        Some(Expr::Subscript(_)) if !reversed => return,
        _ if reversed => (0.75, format!("`{text}` builds a reversed copy on every pass of the loop.")),
        Some(Expr::Compare(_)) => {
            (0.75, format!("`{text}` copies part of the input on every pass just to compare it."))
        }
        // `path.append(s[i:j])`: the piece is kept (an answer being built), so the copy is the output itself,
        // not work repeated to look at the input.
        Some(Expr::Call(c)) if stores(c) => return,
        Some(Expr::Call(_)) => (0.55, format!("`{text}` copies part of the input on every pass of the loop.")),
        None => {
            // A plain `x = s[i:j]`: flag it when it runs on every pass, not only when a better answer is found.
            let conditional = anc.iter().rev().take_while(|a| !is_loop(a)).any(|a| {
                matches!(a.stmt(), Some(Stmt::If(_))) && matches!(a, Anc::Stmt { part: Part::Body | Part::Else, .. })
            });
            let reassigns_self = anc.iter().rev().find_map(|a| a.stmt()).is_some_and(|st| {
                matches!(st, Stmt::Assign(x) if x.targets.iter().any(|t| walk::name(t).is_some() && walk::name(t) == walk::name(&s.value)))
            });
            if conditional || reassigns_self {
                return;
            }
            (0.6, format!("`{text}` copies part of the input on every pass of the loop."))
        }
        _ => return,
    };
    sink.add(
        InefficientLoop,
        confidence,
        prog.line(s),
        message,
        "Compare or update in place with indexes (two pointers, or a window you adjust by one item) instead of copying.".to_string(),
    );
}

/// `xs.append(...)`, `xs.appendleft(...)`, `seen.add(...)`: a call that keeps its argument in a collection.
fn stores(c: &ast::ExprCall) -> bool {
    walk::receiver(c).is_some() && matches!(walk::call_name(c), Some("append" | "appendleft" | "add"))
}

fn is_loop(a: &Anc) -> bool {
    matches!(a, Anc::Comp(_))
        || matches!(a, Anc::Stmt { part: Part::Body | Part::Test, .. })
            && matches!(a.stmt(), Some(Stmt::For(_) | Stmt::While(_) | Stmt::AsyncFor(_)))
}

/// `s += ch` in a loop: usually fine in CPython, but an O(n) copy per step in general.
fn concat(prog: &Program, u: usize, a: &ast::StmtAugAssign, sink: &mut Sink) {
    if a.op != ast::Operator::Add {
        return;
    }
    let Some(name) = walk::name(&a.target) else { return };
    if !prog.var(u, name).is_some_and(|v| v.kind == Kind::Str) {
        return;
    }
    sink.add(
        InefficientLoop,
        0.35,
        prog.line(a),
        format!("`{name}` is a string rebuilt with `+=` on every pass; each step may copy it."),
        "Collect the pieces in a list and `''.join(...)` them once at the end.".to_string(),
    );
}

#[cfg(test)]
mod tests {
    use crate::analysis::tests::kinds;
    use crate::analysis::FindingKind::InefficientLoop;

    #[test]
    fn a_slice_kept_as_a_piece_of_the_answer_is_not_a_repeated_copy() {
        let kept = "def f(s):\n    out = []\n    for i in range(len(s)):\n        for j in range(i, len(s)):\n            if s[i] == s[j]:\n                out.append(s[i:j + 1])\n    return out\n";
        assert!(!kinds(kept, None).contains(&InefficientLoop));
        let added =
            "def f(s):\n    seen = set()\n    for i in range(len(s)):\n        seen.add(s[i:])\n    return len(seen)\n";
        assert!(!kinds(added, None).contains(&InefficientLoop));
        // Near misses: a slice copied only to be inspected by a call, or compared, is still reported.
        let inspected =
            "def f(s):\n    out = []\n    for i in range(len(s)):\n        out.append(len(s[i:]))\n    return out\n";
        assert!(kinds(inspected, None).contains(&InefficientLoop));
        let checked = "def ok(t):\n    return t == t[::-1]\ndef f(s):\n    c = 0\n    for i in range(len(s)):\n        if ok(s[:i]):\n            c += 1\n    return c\n";
        assert!(kinds(checked, None).contains(&InefficientLoop));
        let compared = "def f(s, t):\n    for i in range(len(s)):\n        if s[i:i + len(t)] == t:\n            return i\n    return -1\n";
        assert!(kinds(compared, None).contains(&InefficientLoop));
    }
}
