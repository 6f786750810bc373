//! `missing_edge_case`, continued: control flow and starting values.
//!
//! A function that returns a value from inside a loop and can fall off its end (returning None when the
//! loop finds nothing), and a running best that starts at 0 or 1 when the true answer can be smaller (all
//! negative numbers, an empty input).

use std::collections::HashMap;

use rustpython_parser::ast::{self, Expr, Operator, Stmt};

use super::edge::item;
use super::{GuardMemo, Sink};
use crate::analysis::env::Kind;
use crate::analysis::program::Program;
use crate::analysis::walk::{self, Node};
use crate::analysis::FindingKind::MissingEdgeCase;

/// A function that returns values on some paths but can reach its end, returning None.
pub(super) fn fall_through(prog: &Program, u: usize, sink: &mut Sink) {
    let unit = &prog.units[u];
    if unit.name == "__init__" {
        return;
    }
    let mut returns_value = false;
    let mut returns_bool = false;
    let mut returns_in_while = false;
    let mut returns_from_scan = false;
    let mut yields = false;
    walk::walk_block(unit.body, &mut |node, anc| match node {
        Node::Stmt(Stmt::Return(r)) => {
            let Some(v) = r.value.as_deref() else { return };
            if matches!(v, Expr::Constant(c) if c.value == ast::Constant::None) {
                return;
            }
            returns_value = true;
            returns_bool |= matches!(v, Expr::Constant(c) if matches!(c.value, ast::Constant::Bool(_)));
            returns_in_while |= walk::loops(anc).iter().any(|l| matches!(l, walk::Loop::While(_)));
            returns_from_scan |= walk::loops(anc).first().is_some_and(|l| scans_input(prog, u, l));
        }
        Node::Expr(e) => yields |= matches!(e, Expr::Yield(_) | Expr::YieldFrom(_)),
        _ => {}
    });
    if !returns_value || yields || !end_reachable(unit.body) {
        return;
    }
    // `return True` inside a loop with no `return False` after it is nearly always a bug; a found index or
    // pair may be guaranteed by the problem (two-sum), so that shape is only a hint.
    let confidence = if returns_bool {
        0.7
    } else if returns_in_while {
        0.65
    } else if returns_from_scan && scalar_result(unit.returns) {
        // A promised number or string that is only produced when a scan of the input finds something.
        0.6
    } else {
        0.45
    };
    let line =
        unit.body.last().map_or(unit.line, |s| prog.lines.line(usize::from(ast::Ranged::end(s)).saturating_sub(1)));
    sink.add(
        MissingEdgeCase,
        confidence,
        line,
        format!(
            "`{}` returns a value on some paths but can reach its end and return None (e.g. when nothing matches).",
            unit.name
        ),
        "Add the final `return` for the case the loop does not catch (for example `return -1` or `return False`)."
            .to_string(),
    );
}

/// A `for` loop over the input's own items or positions (`nums`, `enumerate(nums)`, `range(1, len(nums))`),
/// not over a wider range of candidates (`range(len(nums) + 1)`).
fn scans_input(prog: &Program, u: usize, l: &walk::Loop) -> bool {
    let Some(iter) = l.iter() else { return false };
    let is_param =
        |e: &Expr| walk::name(e).is_some_and(|n| prog.var(u, n).is_some_and(|v| v.param && v.kind != Kind::Num));
    match iter {
        Expr::Name(_) => is_param(iter),
        Expr::Call(c) => match walk::call_name(c) {
            Some("enumerate" | "zip") => c.args.first().is_some_and(is_param),
            Some("range") => {
                let stop = if c.args.len() == 1 { c.args.first() } else { c.args.get(1) };
                matches!(stop, Some(Expr::Call(lc)) if walk::call_name(lc) == Some("len") && lc.args.first().is_some_and(is_param))
            }
            _ => false,
        },
        _ => false,
    }
}

/// `-> int`, `-> bool`, `-> str`, `-> float`.
fn scalar_result(returns: Option<&Expr>) -> bool {
    matches!(returns, Some(Expr::Name(n)) if matches!(n.id.as_str(), "int" | "bool" | "str" | "float"))
}

fn end_reachable(block: &[Stmt]) -> bool {
    match block.last() {
        None => true,
        Some(Stmt::Return(_) | Stmt::Raise(_)) => false,
        Some(Stmt::If(i)) => i.orelse.is_empty() || end_reachable(&i.body) || end_reachable(&i.orelse),
        Some(Stmt::While(w)) => {
            let forever = matches!(w.test.as_ref(), Expr::Constant(c) if c.value == ast::Constant::Bool(true));
            !forever || has_break(&w.body)
        }
        Some(Stmt::Try(t)) => {
            end_reachable(&t.body) && t.orelse.is_empty()
                || t.handlers.iter().any(|ast::ExceptHandler::ExceptHandler(h)| end_reachable(&h.body))
        }
        Some(Stmt::With(w)) => end_reachable(&w.body),
        Some(Stmt::Match(m)) => m.cases.iter().any(|c| end_reachable(&c.body)),
        Some(Stmt::Expr(e)) => {
            !matches!(e.value.as_ref(), Expr::Call(c) if matches!(walk::call_name(c), Some("exit" | "_exit")))
        }
        _ => true,
    }
}

fn has_break(block: &[Stmt]) -> bool {
    block.iter().any(|s| match s {
        Stmt::Break(_) => true,
        Stmt::For(_) | Stmt::While(_) | Stmt::AsyncFor(_) | Stmt::FunctionDef(_) => false,
        other => walk::child_blocks(other).iter().any(|b| has_break(b)),
    })
}

/// Every value bound to each name: plain assignments and matching tuple elements.
fn bindings(body: &[Stmt]) -> Vec<(&str, &Expr, u32)> {
    let mut out = Vec::new();
    walk::each_stmt(body, &mut |s| {
        if let Stmt::Assign(a) = s {
            let line = usize::from(ast::Ranged::start(s)) as u32;
            for t in &a.targets {
                match (t, a.value.as_ref()) {
                    (Expr::Name(n), v) => out.push((n.id.as_str(), v, line)),
                    (Expr::Tuple(tt), Expr::Tuple(vt)) if tt.elts.len() == vt.elts.len() => {
                        for (x, v) in tt.elts.iter().zip(&vt.elts) {
                            if let Some(n) = walk::name(x) {
                                out.push((n, v, line));
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
    });
    out
}

/// `best = 0` then `best = max(best, cur)` with `cur` a running sum or product of input items: an input of
/// only negative numbers gets 0. Also `best = 1` for a longest-run answer with no empty-input check.
pub(super) fn zero_start(prog: &Program, u: usize, memo: &mut GuardMemo, sink: &mut Sink) {
    let body = prog.units[u].body;
    let binds = bindings(body);
    let mut running: Vec<&str> = Vec::new();
    walk::each_stmt(body, &mut |s| {
        if let Stmt::AugAssign(a) = s {
            if let Some(t) = walk::name(&a.target) {
                if matches!(a.op, Operator::Add | Operator::Mult) && item(prog, u, &a.value) {
                    running.push(t);
                }
            }
        }
    });
    let mut by_name: HashMap<&str, Vec<&Expr>> = HashMap::new();
    for (name, value, _) in &binds {
        by_name.entry(name).or_default().push(value);
    }
    for (name, value, _) in &binds {
        if grows(prog, u, &by_name, value, name, 2) {
            running.push(name);
        }
    }
    let returned = returned_names(body);
    let inputs_unchecked = prog.units[u].params.iter().any(|p| {
        prog.var(u, p.name).is_some_and(|v| matches!(v.kind, Kind::List | Kind::Str)) && !memo.unit_guards(u, p.name)
    });
    let mut seen: Vec<&str> = Vec::new();
    for (best, value, _) in &binds {
        let Expr::Call(c) = value else { continue };
        if walk::call_name(c) != Some("max") || c.args.len() != 2 || !c.args.iter().any(|x| walk::name(x) == Some(best))
        {
            continue;
        }
        if seen.contains(best) {
            continue;
        }
        let Some((_, first, _)) = binds.iter().find(|(n, _, _)| n == best) else { continue };
        let other = c.args.iter().find(|x| walk::name(x) != Some(best));
        let line = prog.lines.line(body_offset(body, best));
        match walk::int_const(first) {
            Some(0) if other.and_then(|o| walk::name(o)).is_some_and(|o| running.contains(&o)) => {
                seen.push(best);
                sink.add(
                    MissingEdgeCase,
                    0.6,
                    line,
                    format!("`{best}` starts at 0, so an input of only negative numbers returns 0 instead of its best (negative) answer."),
                    format!("Start `{best}` from the first item (or `float('-inf')`)."),
                );
            }
            Some(1) if returned.contains(best) && inputs_unchecked => {
                seen.push(best);
                sink.add(
                    MissingEdgeCase,
                    0.55,
                    line,
                    format!("`{best}` starts at 1, so an empty input returns 1 instead of 0."),
                    format!("Start `{best}` at 0, or return 0 early for an empty input."),
                );
            }
            _ => {}
        }
    }
}

/// Byte offset of the first binding of `name` (for its line).
fn body_offset(body: &[Stmt], name: &str) -> usize {
    let mut at = None;
    walk::each_stmt(body, &mut |s| {
        if at.is_none() {
            if let Stmt::Assign(a) = s {
                if a.targets.iter().any(|t| walk::mentions(t, name)) {
                    at = Some(usize::from(ast::Ranged::start(s)));
                }
            }
        }
    });
    at.unwrap_or(0)
}

fn returned_names(body: &[Stmt]) -> Vec<&str> {
    let mut out = Vec::new();
    walk::each_stmt(body, &mut |s| {
        if let Stmt::Return(r) = s {
            out.extend(r.value.as_deref().and_then(walk::name));
        }
    });
    out
}

/// Whether `e` extends `v` by an input item: `v + x`, `v * x`, `max(x, v * x)`, or a name bound to such.
fn grows(prog: &Program, u: usize, binds: &HashMap<&str, Vec<&Expr>>, e: &Expr, v: &str, depth: u8) -> bool {
    match e {
        Expr::BinOp(b) if matches!(b.op, Operator::Add | Operator::Mult) => {
            walk::mentions(e, v) && (item(prog, u, &b.left) || item(prog, u, &b.right))
        }
        Expr::Call(c) if matches!(walk::call_name(c), Some("max" | "min")) => {
            c.args.iter().any(|a| grows(prog, u, binds, a, v, depth))
        }
        Expr::Tuple(t) => t.elts.iter().any(|x| grows(prog, u, binds, x, v, depth)),
        Expr::Name(n) if depth > 0 && n.id.as_str() != v => {
            binds.get(n.id.as_str()).is_some_and(|vals| vals.iter().any(|val| grows(prog, u, binds, val, v, depth - 1)))
        }
        _ => false,
    }
}
