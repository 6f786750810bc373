//! The cost of one expression node on its own (not its children): calls to builtins and methods with known
//! costs, calls to the program's own functions, membership tests, slices, list concatenation.

use rustpython_parser::ast::{self, CmpOp, Expr, Operator};

use super::{Cost, Flow, Model, Term};
use crate::analysis::env::{kind_of, size_of, Kind, Size};
use crate::analysis::walk::{self, call_name, receiver};

pub(super) fn node_cost(m: &mut Model<'_, '_>, u: usize, e: &Expr) -> Flow {
    match e {
        Expr::Call(c) => call_cost(m, u, c),
        Expr::Compare(c) => Flow::of(compare_cost(m, u, c)),
        Expr::Subscript(s) => Flow::of(slice_cost(m, u, s)),
        Expr::BinOp(b) => Flow::of(binop_cost(m, u, b)),
        _ => Flow::default(),
    }
}

fn is_n(m: &Model, u: usize, e: &Expr) -> bool {
    size_of(m.prog, u, e) >= Size::N
}

fn call_cost(m: &mut Model<'_, '_>, u: usize, c: &ast::ExprCall) -> Flow {
    let prog = m.prog;
    let line = prog.line(c);
    if let Some(callee) = prog.resolve(u, &c.func) {
        if callee == u {
            return Flow::default();
        }
        // A helper given only small values runs on small data, unless it reaches input-sized data another way
        // (a closure over the enclosing function's input, a script's globals).
        let closure = reads_outer_input(prog, callee);
        let no_args = c.args.is_empty() && c.keywords.is_empty();
        let args_small = !(closure || no_args)
            && c.args.iter().chain(c.keywords.iter().map(|k| &k.value)).all(|a| size_of(prog, u, a) == Size::Small);
        if args_small {
            return Flow::default();
        }
        let t = m.unit_cost(callee);
        let traversal = matches!(m.recursion_of(callee), Some(r) if r.kind == super::recursion::RecKind::Traversal);
        return if traversal { Flow { global: t, ..Flow::default() } } else { Flow::of(t) };
    }
    let Some(name) = call_name(c) else { return Flow::default() };
    let recv = receiver(c);
    let arg0 = c.args.first();
    let n_arg = |i: usize| c.args.get(i).is_some_and(|a| is_n(m, u, a));
    let n_recv = recv.is_some_and(|r| is_n(m, u, r));
    let recv_kind = recv.map_or(Kind::Unknown, |r| kind_of(prog, u, r));
    let what = |s: &str| format!("`{}` {s}", prog.snippet(c));
    // Reading the input costs its size once over the whole program, however it is split into lines.
    let reads = recv.is_some_and(|r| crate::analysis::env::from_input(prog, u, r) && matches!(r, Expr::Call(_)));
    let term = |cost: Cost, text: String| {
        let t = Term::factor(cost, line, text, true);
        if reads || matches!(name, "read" | "readlines") {
            Flow { global: t, ..Flow::default() }
        } else {
            Flow::of(t)
        }
    };
    let is_module = |module: &str| recv.and_then(walk::name) == Some(module);
    match name {
        "sorted" if n_arg(0) => term(Cost::NLOGN, what("sorts")),
        "sort" if n_recv && recv.is_some() => term(Cost::NLOGN, what("sorts")),
        "min" | "max" if c.args.len() == 1 && n_arg(0) => term(Cost::N, what("scans its argument")),
        "sum" | "any" | "all" | "list" | "tuple" | "set" | "frozenset" | "Counter" | "deque" | "bytearray"
            if n_arg(0) && (recv.is_none() || is_module("collections")) =>
        {
            term(Cost::N, what("walks its argument"))
        }
        "dict" if n_arg(0) => term(Cost::N, what("copies its argument")),
        "join" if n_arg(0) => term(Cost::N, what("joins a sequence")),
        "heappush" | "heappop" | "heappushpop" | "heapreplace" if arg0.is_some_and(|a| is_n(m, u, a)) => {
            term(Cost::LOG, what("is a heap operation"))
        }
        "heapify" if n_arg(0) => term(Cost::N, what("builds a heap")),
        "nlargest" | "nsmallest" if n_arg(1) => term(Cost::NLOGN, what("selects with a heap")),
        "bisect" | "bisect_left" | "bisect_right" if n_arg(0) => term(Cost::LOG, what("is a binary search")),
        "insort" | "insort_left" | "insort_right" if n_arg(0) => term(Cost::N, what("shifts a list to insert")),
        "count" | "index" | "find" | "rfind" | "rindex" | "replace" | "split" | "reverse" | "copy" | "lower"
        | "upper" | "strip" | "isalnum" | "isdigit" | "isalpha" | "startswith" | "endswith" | "rstrip" | "lstrip"
            if n_recv && !matches!(recv_kind, Kind::Dict | Kind::DefaultDict | Kind::Set) =>
        {
            term(Cost::N, what("scans the whole sequence"))
        }
        "remove" if n_recv && !matches!(recv_kind, Kind::Set | Kind::Dict | Kind::DefaultDict) => {
            term(Cost::N, what("searches and shifts a list"))
        }
        "insert" if n_recv && recv_kind != Kind::Deque => term(Cost::N, what("shifts a list")),
        "pop"
            if n_recv
                && matches!(recv_kind, Kind::List | Kind::Unknown)
                && arg0.is_some_and(|a| walk::int_const(a) != Some(-1)) =>
        {
            term(Cost::N, what("shifts a list"))
        }
        "extend" | "update" if n_arg(0) => term(Cost::N, what("adds every item")),
        "read" | "readlines" => term(Cost::N, what("reads all input")),
        "pow" if c.args.len() == 3 => term(Cost::LOG, what("is fast exponentiation")),
        _ => Flow::default(),
    }
}

/// Whether a function reads input-sized variables it was not given: an enclosing function's (a closure),
/// or the module's (a script's globals). A nested function that uses `self` reaches the object's state.
/// A helper such as `def keep(ch): return ch.isalnum()` reads only its own parameter.
fn reads_outer_input(prog: &crate::analysis::program::Program, callee: usize) -> bool {
    let own = prog.envs.get(callee);
    let nested = prog.units[callee].parent.is_some();
    let mut found = false;
    walk::each_expr_in_block(prog.units[callee].body, &mut |e| {
        if let Expr::Name(n) = e {
            let name = n.id.as_str();
            if own.and_then(|env| env.get(name)).is_some() {
                return;
            }
            let outer = if nested { prog.var(callee, name) } else { prog.var(0, name) };
            found |= outer.is_some_and(|v| v.size >= Size::N) || (nested && name == "self");
        }
    });
    found
}

fn compare_cost(m: &Model, u: usize, c: &ast::ExprCompare) -> Term {
    let prog = m.prog;
    let mut t = Term::one();
    let mut left: &Expr = &c.left;
    for (op, right) in c.ops.iter().zip(&c.comparators) {
        let cost = match op {
            CmpOp::In | CmpOp::NotIn => membership(m, u, right),
            CmpOp::Eq | CmpOp::NotEq if whole(m, u, left) && whole(m, u, right) => {
                Term::factor(Cost::N, prog.line(c), format!("`{}` compares whole sequences", prog.snippet(c)), true)
            }
            _ => Term::one(),
        };
        t = t.max(cost);
        left = right;
    }
    t
}

/// `x in container`: a scan unless the container hashes or is small.
fn membership(m: &Model, u: usize, container: &Expr) -> Term {
    let prog = m.prog;
    if !is_n(m, u, container) {
        return Term::one();
    }
    if matches!(container, Expr::Call(c) if matches!(call_name(c), Some("range" | "keys" | "set" | "dict")))
        || matches!(container, Expr::Set(_) | Expr::Dict(_) | Expr::SetComp(_) | Expr::DictComp(_))
    {
        return Term::one();
    }
    let kind = kind_of(prog, u, container);
    if !kind.scans() {
        return Term::one();
    }
    let sure = kind != Kind::Unknown;
    Term::factor(
        Cost::N,
        prog.line(container),
        format!("`in {}` scans a {}", prog.snippet(container), if kind == Kind::Str { "string" } else { "list" }),
        sure,
    )
}

/// A whole sequence (not a scalar): a collection-typed name, a slice, a sorted copy, a literal list.
fn whole(m: &Model, u: usize, e: &Expr) -> bool {
    if !is_n(m, u, e) {
        return false;
    }
    match e {
        Expr::Subscript(s) => matches!(s.slice.as_ref(), Expr::Slice(_)),
        Expr::Call(c) => matches!(call_name(c), Some("sorted" | "list" | "Counter" | "set" | "reversed")),
        Expr::Name(_) => {
            matches!(kind_of(m.prog, u, e), Kind::List | Kind::Str | Kind::Dict | Kind::DefaultDict | Kind::Set)
        }
        _ => false,
    }
}

/// `x[a:b]` copies unless its width is a constant.
fn slice_cost(m: &Model, u: usize, s: &ast::ExprSubscript) -> Term {
    let Expr::Slice(sl) = s.slice.as_ref() else { return Term::one() };
    if !is_n(m, u, &s.value) || constant_width(sl) {
        return Term::one();
    }
    let prog = m.prog;
    Term::factor(Cost::N, prog.line(s), format!("slice `{}` copies", prog.snippet(s)), true)
}

/// `a[i:i+2]`, `a[:3]`, `a[-2:]`: a slice of constant width.
pub(crate) fn constant_width(sl: &ast::ExprSlice) -> bool {
    let lo = sl.lower.as_deref();
    let hi = sl.upper.as_deref();
    match (lo, hi) {
        (None, Some(h)) => walk::int_const(h).is_some_and(|v| v >= 0),
        (Some(l), None) => walk::int_const(l).is_some_and(|v| v < 0),
        (Some(l), Some(h)) => {
            if walk::int_const(l).is_some() && walk::int_const(h).is_some() {
                return true;
            }
            // Both bounds the same name moved by constants: `a[i:i + 2]`, `s[i - 2:i]`, `s[j - 3:j - 1]`.
            matches!((offset(l), offset(h)), (Some(x), Some(y)) if x == y)
        }
        (None, None) => false,
    }
}

/// `i`, `i + 2`, `i - 1`: the name a bound is a constant away from.
fn offset(e: &Expr) -> Option<&str> {
    match e {
        Expr::Name(n) => Some(n.id.as_str()),
        Expr::BinOp(b) if matches!(b.op, Operator::Add | Operator::Sub) && walk::int_const(&b.right).is_some() => {
            walk::name(&b.left)
        }
        _ => None,
    }
}

fn binop_cost(m: &Model, u: usize, b: &ast::ExprBinOp) -> Term {
    let prog = m.prog;
    let kind = kind_of(prog, u, &b.left);
    match b.op {
        // String `+` is left out: CPython usually extends strings in place.
        Operator::Add if kind == Kind::List && (is_n(m, u, &b.left) || is_n(m, u, &b.right)) => {
            Term::factor(Cost::N, prog.line(b), format!("`{}` copies a list", prog.snippet(b)), true)
        }
        Operator::Mult if matches!(b.left.as_ref(), Expr::List(_)) && is_n(m, u, &b.right) => {
            Term::factor(Cost::N, prog.line(b), format!("`{}` allocates a list", prog.snippet(b)), true)
        }
        _ => Term::one(),
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::tests::time;
    use crate::complexity::Complexity::*;

    #[test]
    fn a_slice_between_two_bounds_a_constant_apart_copies_a_constant() {
        let src = "def f(s):\n    count = 0\n    for i in range(2, len(s) + 1):\n        if 10 <= int(s[i - 2:i]) <= 26:\n            count += 1\n    return count\n";
        assert_eq!(time(src), Linear);
        // A bound that is not a constant away from the other is a copy of up to n items.
        let src =
            "def f(s):\n    count = 0\n    for i in range(len(s)):\n        count += len(s[i:])\n    return count\n";
        assert_eq!(time(src), Quadratic);
    }

    #[test]
    fn a_helper_given_one_character_is_constant_unless_it_reaches_the_input() {
        let own_param = "def f(s: str) -> bool:\n    def keep(ch: str) -> bool:\n        return ch.isascii() and ch.isalnum()\n    i, j = 0, len(s) - 1\n    while i < j:\n        if not keep(s[i]):\n            i += 1\n        elif not keep(s[j]):\n            j -= 1\n        else:\n            i += 1\n            j -= 1\n    return True\n";
        assert_eq!(time(own_param), Linear);
        // A closure that scans the enclosing function's input costs that scan, whatever it is given.
        let closure = "def f(s):\n    def count(c):\n        return s.count(c)\n    best = 0\n    for c in s:\n        best = max(best, count(c))\n    return best\n";
        assert_eq!(time(closure), Quadratic);
    }
}
