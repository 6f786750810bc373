//! Recursion: how many times a self-calling function runs, from the shape of its calls.
//!
//! - memoised (`@cache`, `@lru_cache`, or `if key in memo: return memo[key]`): once per distinct state,
//!   with one state dimension per argument that changes between calls;
//! - traversal that marks what it visits and never unmarks it (flood fill, DFS with a seen set): once per
//!   item of the structure, over the whole program;
//! - calls on `node.left` / `node.right` / `node.next`: once per node;
//! - calls on a half (`mid`, `// 2`, `[:mid]`): `log n` deep;
//! - path compression, every self-call stored back as `P[x] = f(P[x])` ([`super::forest`]): amortised
//!   constant per top-level call;
//! - one call per run on a smaller argument: `n` deep;
//! - two or more calls per run, or calls in a loop, without memoisation: exponential.

use rustpython_parser::ast::{self, Expr, Stmt};

use super::{Cost, Model, Term};
use crate::analysis::env::Kind;
use crate::analysis::program::Program;
use crate::analysis::walk::{self, Node};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RecKind {
    Memo,
    Traversal,
    Tree,
    Halving,
    /// `P[x] = find(P[x])`: path compression in a union-find forest.
    Compressed,
    Linear,
    Branching,
}

#[derive(Debug, Clone)]
pub(crate) struct Recursion {
    pub kind: RecKind,
    /// Line of the first recursive call.
    pub line: u32,
    /// Most recursive calls on one path through the body (calls in loops not counted).
    pub per_path: usize,
    pub in_loop: bool,
    /// Arguments that change between calls (memoised recursion: the dimensions of the state space).
    pub varying: u8,
    /// Traversal over a matrix.
    pub grid: bool,
}

pub(crate) fn classify(prog: &Program, u: usize) -> Option<Recursion> {
    let unit = &prog.units[u];
    if unit.is_script() {
        return None;
    }
    let mut sites: Vec<(&ast::ExprCall, bool)> = Vec::new();
    walk::walk_block(unit.body, &mut |node, anc| {
        if let Node::Expr(Expr::Call(c)) = node {
            if prog.resolve(u, &c.func) == Some(u) {
                sites.push((c, !walk::loops(anc).is_empty()));
            }
        }
    });
    let first = sites.first()?;
    let line = prog.line(first.0);
    let in_loop = sites.iter().any(|s| s.1);
    let per_path = path_calls(prog, u, unit.body);
    let varying = varying_args(unit, &sites);
    let (marks, grid) = marks_visited(prog, u);
    let kind = if memoised(prog, u) {
        RecKind::Memo
    } else if marks {
        RecKind::Traversal
    } else if super::forest::compressing_recursion(prog, u, sites.len()) {
        RecKind::Compressed
    } else if sites.iter().all(|(c, _)| c.args.iter().any(child_of_node)) {
        RecKind::Tree
    } else if sites.iter().any(|(c, _)| c.args.iter().any(halved))
        && !sites.iter().any(|(c, _)| c.args.iter().any(shrinks_by_one))
    {
        RecKind::Halving
    } else if in_loop || per_path >= 2 {
        RecKind::Branching
    } else {
        RecKind::Linear
    };
    Some(Recursion { kind, line, per_path, in_loop, varying, grid })
}

/// Total cost of one top-level call, given `work`, the cost of one run of the body excluding recursion.
pub(crate) fn total(m: &mut Model, u: usize, rec: &Recursion, work: Term) -> Term {
    let name = m.prog.units[u].name;
    let f = |cost: Cost, text: String| Term::factor(cost, rec.line, text, true);
    match rec.kind {
        RecKind::Memo => {
            let dims = rec.varying.clamp(1, 3);
            f(Cost::N.pow(dims), format!("memoised `{name}` runs once per state ({dims} changing argument(s))"))
                .times(&work)
        }
        RecKind::Traversal => {
            let cells = if rec.grid { Cost::N2 } else { Cost::N };
            f(cells, format!("`{name}` visits each item once")).times(&work)
        }
        RecKind::Tree => f(Cost::N, format!("`{name}` visits each node once")).times(&work),
        RecKind::Halving => {
            if rec.per_path >= 2 {
                if work.cost.poly >= 1 {
                    f(Cost::LOG, format!("`{name}` splits its input in halves")).times(&work)
                } else {
                    f(Cost::N, format!("`{name}` splits its input in halves down to single items"))
                }
            } else if work.cost.poly >= 1 {
                work
            } else {
                f(Cost::LOG, format!("`{name}` halves its input on each call")).times(&work)
            }
        }
        RecKind::Compressed => work,
        RecKind::Linear => f(Cost::N, format!("`{name}` recurses once per step")).times(&work),
        RecKind::Branching => {
            let how = if rec.in_loop { "in a loop".to_string() } else { format!("{} times per call", rec.per_path) };
            f(Cost::EXP, format!("`{name}` calls itself {how} without memoisation"))
        }
    }
}

/// Recursion depth, for the space estimate.
pub(crate) fn depth(rec: &Recursion) -> Cost {
    match rec.kind {
        RecKind::Halving if rec.per_path <= 1 => Cost::LOG,
        RecKind::Halving => Cost::LOG,
        RecKind::Traversal if rec.grid => Cost::N2,
        RecKind::Memo => Cost::N.pow(rec.varying.clamp(1, 3)),
        _ => Cost::N,
    }
}

fn memoised(prog: &Program, u: usize) -> bool {
    let unit = &prog.units[u];
    let decorated = unit.decorators.iter().any(|d| {
        let target = match d {
            Expr::Call(c) => c.func.as_ref(),
            other => other,
        };
        match target {
            Expr::Name(n) => matches!(n.id.as_str(), "cache" | "lru_cache" | "memoize" | "memo"),
            Expr::Attribute(a) => matches!(a.attr.as_str(), "cache" | "lru_cache"),
            _ => false,
        }
    });
    if decorated {
        return true;
    }
    // if key in memo: return memo[key]   /   if memo[i] != -1: return memo[i]
    let mut found = false;
    walk::each_stmt(unit.body, &mut |s| {
        if let Stmt::If(i) = s {
            let returns_lookup = i.body.iter().any(|b| {
                matches!(b, Stmt::Return(r) if matches!(r.value.as_deref(), Some(Expr::Subscript(sub))
                    if is_cache(prog, u, &sub.value)))
            });
            if returns_lookup {
                found = true;
            }
        }
    });
    found
}

fn is_cache(prog: &Program, u: usize, e: &Expr) -> bool {
    match e {
        Expr::Name(n) => prog
            .var(u, n.id.as_str())
            .is_some_and(|v| matches!(v.kind, Kind::Dict | Kind::DefaultDict | Kind::List | Kind::Unknown)),
        Expr::Attribute(a) => walk::name(&a.value) == Some("self"),
        Expr::Subscript(s) => is_cache(prog, u, &s.value),
        _ => false,
    }
}

/// Marks items as visited in a structure that outlives the call (a set or matrix from outside), without
/// undoing the mark afterwards (which would be backtracking).
fn marks_visited(prog: &Program, u: usize) -> (bool, bool) {
    let unit = &prog.units[u];
    let own = |n: &str| prog.envs.get(u).and_then(|e| e.get(n)).is_some_and(|v| !v.param);
    let mut added: Vec<&str> = Vec::new();
    let mut undone: Vec<&str> = Vec::new();
    walk::each_expr_in_block(unit.body, &mut |x| {
        if let Expr::Call(c) = x {
            let recv = walk::receiver(c).and_then(walk::name);
            match walk::call_name(c) {
                Some("add") => added.extend(recv),
                Some("remove" | "discard") => undone.extend(recv),
                _ => {}
            }
        }
    });
    let set_marks = added.iter().any(|s| !own(s) && !undone.contains(s));
    let mut cell_stores: Vec<String> = Vec::new();
    let mut grid = false;
    walk::each_stmt(unit.body, &mut |s| {
        if let Stmt::Assign(a) = s {
            for t in &a.targets {
                if let Expr::Subscript(sub) = t {
                    let base = root_name(&sub.value);
                    if base.is_some_and(|b| !own(b)) {
                        cell_stores
                            .push(crate::analysis::parse::node_text(prog.source, ast::Ranged::range(t)).to_string());
                        grid |= matches!(sub.value.as_ref(), Expr::Subscript(_));
                    }
                }
            }
        }
    });
    let mut seen = cell_stores.clone();
    seen.sort();
    seen.dedup();
    let cell_marks = !cell_stores.is_empty() && seen.len() == cell_stores.len();
    let grid_param = prog.units[u].params.iter().any(|p| prog.var(u, p.name).is_some_and(|v| v.grid))
        || prog.units[u]
            .parent
            .is_some_and(|p| prog.units[p].params.iter().any(|q| prog.var(p, q.name).is_some_and(|v| v.grid)));
    (set_marks || cell_marks, (cell_marks && grid) || (set_marks && grid_param))
}

fn root_name(e: &Expr) -> Option<&str> {
    match e {
        Expr::Name(n) => Some(n.id.as_str()),
        Expr::Subscript(s) => root_name(&s.value),
        _ => None,
    }
}

/// `node.left`, `root.right`, `head.next`, `node.children[i]`.
fn child_of_node(e: &Expr) -> bool {
    let mut found = false;
    walk::each_expr(e, &mut |x| {
        if let Expr::Attribute(a) = x {
            if matches!(a.attr.as_str(), "left" | "right" | "next" | "children" | "neighbors") {
                found = true;
            }
        }
    });
    found
}

/// `mid`, `x // 2`, `x >> 1`, `a[:mid]`, `a[len(a)//2:]`.
fn halved(e: &Expr) -> bool {
    let mut found = false;
    walk::each_expr(e, &mut |x| match x {
        Expr::Name(n) if matches!(n.id.as_str(), "mid" | "m" | "middle" | "half") => found = true,
        Expr::BinOp(b)
            if matches!(b.op, ast::Operator::FloorDiv | ast::Operator::Div) && walk::int_const(&b.right) == Some(2)
                || b.op == ast::Operator::RShift =>
        {
            found = true;
        }
        _ => {}
    });
    found
}

/// `n - 1`, `i + 1`, `a[1:]`: one step smaller.
fn shrinks_by_one(e: &Expr) -> bool {
    match e {
        Expr::BinOp(b) => {
            matches!(b.op, ast::Operator::Add | ast::Operator::Sub) && walk::int_const(&b.right).is_some() && !halved(e)
        }
        Expr::Subscript(s) => {
            matches!(s.slice.as_ref(), Expr::Slice(sl) if sl.lower.as_deref().and_then(walk::int_const).is_some())
        }
        _ => false,
    }
}

/// Arguments (by position) that differ from the parameter they bind at some call.
fn varying_args(unit: &crate::analysis::program::Unit, sites: &[(&ast::ExprCall, bool)]) -> u8 {
    let mut count = 0u8;
    for (i, p) in unit.params.iter().enumerate() {
        let varies = sites.iter().any(|(c, _)| c.args.get(i).is_some_and(|a| walk::name(a) != Some(p.name)));
        if varies {
            count = count.saturating_add(1);
        }
    }
    count
}

/// Most recursive calls along one path through `block` (an `if` whose body returns ends its path).
fn path_calls(prog: &Program, u: usize, block: &[Stmt]) -> usize {
    let Some((first, rest)) = block.split_first() else { return 0 };
    match first {
        Stmt::If(i) => {
            let test = expr_calls(prog, u, &i.test);
            let body = path_calls(prog, u, &i.body);
            let orelse = path_calls(prog, u, &i.orelse);
            let body_exits = walk::block_exits(&i.body);
            let else_exits = !i.orelse.is_empty() && walk::block_exits(&i.orelse);
            let after = path_calls(prog, u, rest);
            let through_body = if body_exits { body } else { body + after };
            let through_else = if else_exits { orelse } else { orelse + after };
            test + through_body.max(through_else)
        }
        Stmt::For(_) | Stmt::AsyncFor(_) | Stmt::While(_) | Stmt::FunctionDef(_) | Stmt::AsyncFunctionDef(_) => {
            path_calls(prog, u, rest)
        }
        other => {
            let own: usize = walk::stmt_exprs(other).iter().map(|(e, _)| expr_calls(prog, u, e)).sum();
            let nested: usize = walk::child_blocks(other).iter().map(|b| path_calls(prog, u, b)).sum();
            let stops = matches!(other, Stmt::Return(_) | Stmt::Raise(_));
            own + nested + if stops { 0 } else { path_calls(prog, u, rest) }
        }
    }
}

fn expr_calls(prog: &Program, u: usize, e: &Expr) -> usize {
    match e {
        Expr::IfExp(x) => {
            expr_calls(prog, u, &x.test) + expr_calls(prog, u, &x.body).max(expr_calls(prog, u, &x.orelse))
        }
        Expr::Call(c) if prog.resolve(u, &c.func) == Some(u) => {
            1 + c.args.iter().map(|a| expr_calls(prog, u, a)).sum::<usize>()
        }
        _ if walk::generators(e).is_some() => 0,
        _ => walk::sub_exprs(e).iter().map(|s| expr_calls(prog, u, s)).sum(),
    }
}
