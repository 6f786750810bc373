//! `missing_edge_case`: the code assumes an input shape the problem does not promise.
//!
//! Shapes here: fixed positions read from an unchecked input (`nums[1]` needs two items), attributes of an
//! unchecked node (`head.next` on an empty list, in [`super::edge_node`]), `max()`/`min()` of something that
//! can be empty, and division by a length or by an input item that can be zero. Shapes about control flow
//! and starting values (falling off the end, `best = 0`) are in [`super::edge_flow`].

use rustpython_parser::ast::{self, Expr, Operator, Stmt};

use super::{enclosing_tests, guards, in_try, GuardMemo, Sink};
use crate::analysis::env::{Kind, Size};
use crate::analysis::program::Program;
use crate::analysis::walk::{self, Node};
use crate::analysis::FindingKind::MissingEdgeCase;

pub(super) fn check(prog: &Program, u: usize, entries: &[usize], sink: &mut Sink) {
    let unit = &prog.units[u];
    if unit.is_script() {
        return;
    }
    let body = unit.body;
    let mut memo = GuardMemo::new(prog);
    let m = &mut memo;
    let mut helpers = super::edge_node::Helpers::new(entries);
    walk::walk_block(body, &mut |node, anc| {
        let Node::Expr(e) = node else { return };
        if in_try(anc) {
            return;
        }
        match e {
            Expr::Subscript(s) => fixed_index(prog, u, s, anc, m, sink),
            Expr::Attribute(a) => super::edge_node::node_attr(prog, u, a, anc, m, &mut helpers, sink),
            Expr::Call(c) => empty_aggregate(prog, u, c, anc, m, sink),
            Expr::BinOp(b) => division(prog, u, b, anc, m, sink),
            _ => {}
        }
    });
    super::edge_flow::fall_through(prog, u, sink);
    super::edge_flow::zero_start(prog, u, &mut memo, sink);
}

/// A collection that may be empty when the code runs: a parameter, or a local built by filtering
/// (`[c for c in s if c.isalnum()]`), which is empty when nothing passes the filter.
fn maybe_empty(prog: &Program, u: usize, name: &str) -> Option<Source> {
    let v = prog.var(u, name)?;
    if v.param && matches!(v.kind, Kind::List | Kind::Str | Kind::Unknown) {
        return Some(Source::Param);
    }
    if v.filtered && !v.param {
        return Some(Source::Filtered);
    }
    None
}

/// A parameter the problem's constraints promise at least one item (`1 <= len(nums)`).
fn promised_non_empty(prog: &Program, u: usize, name: &str) -> bool {
    prog.non_empty.iter().any(|(pu, n)| *pu == u && *n == name)
}

#[derive(Clone, Copy, PartialEq)]
enum Source {
    Param,
    Filtered,
}

/// The first value bound to `name` in the unit (plain or tuple assignment).
fn first_value<'a>(body: &'a [Stmt], name: &str) -> Option<&'a Expr> {
    let mut found = None;
    walk::each_stmt(body, &mut |s| {
        if found.is_some() {
            return;
        }
        if let Stmt::Assign(a) = s {
            for t in &a.targets {
                match (t, a.value.as_ref()) {
                    (Expr::Name(n), v) if n.id.as_str() == name => found = Some(v),
                    (Expr::Tuple(tt), Expr::Tuple(vt)) if tt.elts.len() == vt.elts.len() => {
                        for (x, v) in tt.elts.iter().zip(&vt.elts) {
                            if walk::name(x) == Some(name) {
                                found = Some(v);
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
    });
    found
}

/// A fixed position in `x`: a constant, or a name that starts at `0` or `len(x) - 1`.
fn fixed_position(body: &[Stmt], x: &str, index: &Expr) -> Option<i64> {
    if let Some(i) = walk::int_const(index) {
        return Some(i);
    }
    let start = first_value(body, walk::name(index)?)?;
    if walk::int_const(start) == Some(0) {
        return Some(0);
    }
    match start {
        Expr::BinOp(b) if b.op == Operator::Sub && walk::int_const(&b.right) == Some(1) => match b.left.as_ref() {
            Expr::Call(c) if walk::call_name(c) == Some("len") && c.args.first().and_then(walk::name) == Some(x) => {
                Some(-1)
            }
            _ => None,
        },
        _ => None,
    }
}

pub(super) fn checked(prog: &Program, u: usize, name: &str, anc: &[walk::Anc], memo: &mut GuardMemo) -> bool {
    memo.unit_guards(u, name)
        || enclosing_tests(anc).iter().any(|t| guards(t, name))
        // Inside a loop over the input, the input is not empty.
        || walk::loops(anc).iter().any(|l| match l {
            walk::Loop::While(w) => guards(&w.test, name),
            other => other.iter().is_some_and(|i| walk::mentions(i, name)),
        })
        || prog.units[u].parent.is_some_and(|p| memo.unit_guards(p, name))
}

fn fixed_index(
    prog: &Program,
    u: usize,
    s: &ast::ExprSubscript,
    anc: &[walk::Anc],
    memo: &mut GuardMemo,
    sink: &mut Sink,
) {
    let Some(name) = walk::name(&s.value) else { return };
    let Some(source) = maybe_empty(prog, u, name) else { return };
    let body = prog.units[u].body;
    let i = match source {
        Source::Param => walk::int_const(&s.slice),
        Source::Filtered => fixed_position(body, name, &s.slice),
    };
    let Some(i) = i else { return };
    if checked(prog, u, name, anc, memo) {
        return;
    }
    let (need, confidence) = match (i, source) {
        (0 | -1, Source::Param) => (1, 0.4),
        (0 | -1, Source::Filtered) => (1, 0.6),
        (1 | -2, _) => (2, 0.7),
        (2 | -3, _) => (3, 0.7),
        _ => return,
    };
    if need == 1 && source == Source::Param && promised_non_empty(prog, u, name) {
        return;
    }
    let what = if need == 1 { "is not empty".to_string() } else { format!("has at least {need} items") };
    let why = if source == Source::Filtered { " (it is empty when nothing passes the filter)" } else { "" };
    sink.add(
        MissingEdgeCase,
        confidence,
        prog.line(s),
        format!("`{}` assumes `{name}` {what}{why}; a shorter input raises IndexError.", prog.snippet(s)),
        if need == 1 {
            format!("Handle the empty case first, e.g. `if not {name}: return ...`.")
        } else {
            format!("Handle short inputs first, e.g. `if len({name}) < {need}: return ...`.")
        },
    );
}

fn empty_aggregate(
    prog: &Program,
    u: usize,
    c: &ast::ExprCall,
    anc: &[walk::Anc],
    memo: &mut GuardMemo,
    sink: &mut Sink,
) {
    let Some(f @ ("max" | "min")) = walk::call_name(c) else { return };
    if walk::receiver(c).is_some()
        || c.args.len() != 1
        || c.keywords.iter().any(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == "default"))
    {
        return;
    }
    let arg = &c.args[0];
    let (confidence, why) = match arg {
        Expr::Name(n) => {
            let name = n.id.as_str();
            let Some(v) = prog.var(u, name) else { return };
            if checked(prog, u, name, anc, memo) {
                return;
            }
            if v.starts_empty && v.kind.is_collection() {
                (0.7, format!("`{name}` stays empty when nothing was added to it"))
            } else if v.param && v.kind != Kind::Num && !promised_non_empty(prog, u, name) {
                (0.35, format!("`{name}` may be empty"))
            } else {
                return;
            }
        }
        Expr::GeneratorExp(_) | Expr::ListComp(_) => {
            let gens = walk::generators(arg).unwrap_or(&[]);
            let shrinks = gens.iter().any(|g| shrunk_range(&g.iter));
            let base: Vec<&str> = gens.iter().flat_map(|g| names(&g.iter)).collect();
            if base.iter().any(|b| checked(prog, u, b, anc, memo)) {
                return;
            }
            if shrinks {
                (0.65, "the generator is empty for inputs of one item".to_string())
            } else {
                return;
            }
        }
        _ => return,
    };
    sink.add(
        MissingEdgeCase,
        confidence,
        prog.line(c),
        format!("`{}` raises ValueError on an empty sequence: {why}.", prog.snippet(c)),
        format!("Pass a default (`{f}(..., default=0)`) or return early for short inputs."),
    );
}

/// `range(i + 1, n)`, `range(1, len(x))`, `range(len(x) - 1)`: empty when the input has one item.
fn shrunk_range(e: &Expr) -> bool {
    let Expr::Call(c) = e else { return false };
    if walk::call_name(c) != Some("range") {
        return false;
    }
    match c.args.as_slice() {
        [stop] => matches!(stop, Expr::BinOp(b) if b.op == Operator::Sub),
        [start, _, ..] => {
            walk::int_const(start).is_some_and(|v| v >= 1) || matches!(start, Expr::BinOp(b) if b.op == Operator::Add)
        }
        _ => false,
    }
}

fn names(e: &Expr) -> Vec<&str> {
    let mut v = Vec::new();
    walk::each_expr(e, &mut |x| v.extend(walk::name(x)));
    v
}

fn division(prog: &Program, u: usize, b: &ast::ExprBinOp, anc: &[walk::Anc], memo: &mut GuardMemo, sink: &mut Sink) {
    if !matches!(b.op, Operator::Div | Operator::FloorDiv | Operator::Mod) {
        return;
    }
    // x / len(nums)
    if let Expr::Call(c) = b.right.as_ref() {
        if walk::call_name(c) == Some("len") {
            if let Some(name) = c.args.first().and_then(walk::name) {
                if prog.var(u, name).is_some_and(|v| v.param) && !checked(prog, u, name, anc, memo) {
                    sink.add(
                        MissingEdgeCase,
                        0.7,
                        prog.line(b),
                        format!(
                            "`{}` divides by the length of `{name}`, which is zero for an empty input.",
                            prog.snippet(b)
                        ),
                        format!("Return early when `{name}` is empty."),
                    );
                }
            }
        }
        return;
    }
    // total // nums[i]  or  total // x  with x an item of the input
    let divisor = b.right.as_ref();
    let item_of_input = match divisor {
        Expr::Subscript(s) => walk::name(&s.value).is_some_and(|n| prog.var(u, n).is_some_and(|v| v.param)),
        Expr::Name(n) => prog.var(u, n.id.as_str()).is_some_and(|v| v.loop_var && v.size == Size::Small),
        _ => false,
    };
    if !item_of_input {
        return;
    }
    let text = prog.snippet(divisor);
    let zero_checked = super::all_tests(prog.units[u].body).iter().any(|t| tests_zero(t))
        || enclosing_tests(anc).iter().any(|t| tests_zero(t));
    if zero_checked {
        return;
    }
    sink.add(
        MissingEdgeCase,
        0.7,
        prog.line(b),
        format!("`{}` divides by an input item; an input containing 0 raises ZeroDivisionError.", prog.snippet(b)),
        format!("Handle zeros separately (count them), or avoid dividing by `{text}`."),
    );
}

/// `x == 0`, `x != 0`, `0 in nums`, `nums.count(0)`.
fn tests_zero(t: &Expr) -> bool {
    let mut found = false;
    walk::each_expr(t, &mut |x| match x {
        Expr::Compare(c)
            if walk::int_const(&c.left) == Some(0) || c.comparators.iter().any(|r| walk::int_const(r) == Some(0)) =>
        {
            found = true;
        }
        Expr::Call(c) if walk::call_name(c) == Some("count") => found = true,
        _ => {}
    });
    found
}

/// An item of an input list: `x` from `for x in nums`, or `nums[i]`.
pub(super) fn item(prog: &Program, u: usize, e: &Expr) -> bool {
    match e {
        Expr::Name(n) => prog.var(u, n.id.as_str()).is_some_and(|v| v.loop_var && v.size == Size::Small),
        Expr::Subscript(s) => walk::name(&s.value).is_some_and(|n| prog.var(u, n).is_some_and(|v| v.param)),
        _ => false,
    }
}
