//! `off_by_one`: index arithmetic one step past a boundary.
//!
//! Shapes: `for i in range(len(a) + 1)` reading `a[i]`; `for i in range(len(a))` reading `a[i + 1]`;
//! downward loops starting at `len(a)`; `while i <= len(a)` reading `a[i]`; `a[len(a)]`; window loops
//! `range(len(s) - k)` that slice `s[i:i + k]` (the last window is missed); and binary searches whose
//! bounds and updates disagree (`hi = len(a)` with `lo <= hi`, `hi = mid` with `lo <= hi`, `lo = mid` with
//! a floor midpoint, exclusive updates with `lo < hi` and no check after the loop).

use rustpython_parser::ast::{self, CmpOp, Expr, Operator, Stmt};

use super::{in_try, Sink};
use crate::analysis::program::Program;
use crate::analysis::walk::{self, Anc, Node};
use crate::analysis::FindingKind::OffByOne;

pub(super) fn check(prog: &Program, u: usize, sink: &mut Sink) {
    let body = prog.units[u].body;
    let mut reported = Vec::new();
    walk::walk_block(body, &mut |node, anc| match node {
        Node::Stmt(Stmt::For(f)) => range_loop(prog, u, f, sink),
        Node::Stmt(Stmt::While(w)) => {
            while_bound(prog, u, w, sink);
            binary_search(prog, u, w, anc, sink);
        }
        Node::Expr(Expr::Subscript(s)) => past_end(prog, u, s, anc, &mut reported, sink),
        _ => {}
    });
}

/// `len(x) + c` or `n + c` with `n = len(x)`: the name of `x` and `c`.
fn len_plus(prog: &Program, u: usize, e: &Expr) -> Option<(String, i64)> {
    match e {
        Expr::Call(c) if walk::call_name(c) == Some("len") && walk::receiver(c).is_none() => {
            Some((walk::name(c.args.first()?)?.to_string(), 0))
        }
        Expr::Name(n) => Some((prog.var(u, n.id.as_str())?.len_of.clone()?, 0)),
        Expr::BinOp(b) if matches!(b.op, Operator::Add | Operator::Sub) => {
            let c = walk::int_const(&b.right)?;
            let (x, base) = len_plus(prog, u, &b.left)?;
            Some((x, base.saturating_add(if b.op == Operator::Add { c } else { c.saturating_neg() })))
        }
        _ => None,
    }
}

/// `i`, `i + c`, `i - c`: the offset from `i`.
fn offset_from(e: &Expr, i: &str) -> Option<i64> {
    match e {
        Expr::Name(n) if n.id.as_str() == i => Some(0),
        Expr::BinOp(b) if matches!(b.op, Operator::Add | Operator::Sub) => {
            let (var, c) = match (
                walk::name(&b.left),
                walk::int_const(&b.right),
                walk::name(&b.right),
                walk::int_const(&b.left),
            ) {
                (Some(v), Some(c), _, _) => (v, c),
                (_, _, Some(v), Some(c)) if b.op == Operator::Add => (v, c),
                _ => return None,
            };
            (var == i).then_some(if b.op == Operator::Add { c } else { c.saturating_neg() })
        }
        _ => None,
    }
}

/// Whether a test compares `i` against something (a bounds check inside the loop).
fn bounds_checked(anc: &[Anc], i: &str) -> bool {
    super::enclosing_tests(anc).iter().any(|t| {
        let mut found = false;
        walk::each_expr(t, &mut |x| {
            if let Expr::Compare(c) = x {
                if walk::mentions(&c.left, i) || c.comparators.iter().any(|r| walk::mentions(r, i)) {
                    found = true;
                }
            }
        });
        found
    })
}

/// `x` and the lists made as long as `x` (`[0] * len(x)`), which share its last index.
fn same_length(prog: &Program, u: usize, x: &str) -> Vec<String> {
    let mut out = vec![x.to_string()];
    let mut scope = Some(u);
    while let Some(s) = scope {
        if let Some(env) = prog.envs.get(s) {
            out.extend(env.iter().filter(|(_, v)| v.length_of.as_deref() == Some(x)).map(|(n, _)| n.to_string()));
        }
        scope = prog.units[s].parent;
    }
    out
}

/// Accesses `y[i + d]` in a loop body, for `y` as long as `x`: (offset d, line, y) for the unguarded ones.
fn accesses(prog: &Program, u: usize, body: &[Stmt], x: &str, i: &str) -> Vec<(i64, u32, String)> {
    let names = same_length(prog, u, x);
    let mut out = Vec::new();
    walk::walk_block(body, &mut |node, anc| {
        let Node::Expr(Expr::Subscript(s)) = node else { return };
        let Some(y) = walk::name(&s.value) else { return };
        if !names.iter().any(|n| n == y) || in_try(anc) || bounds_checked(anc, i) {
            return;
        }
        if let Some(d) = offset_from(&s.slice, i) {
            out.push((d, prog.line(s), y.to_string()));
        }
    });
    out
}

fn range_loop(prog: &Program, u: usize, f: &ast::StmtFor, sink: &mut Sink) {
    let Expr::Call(c) = f.iter.as_ref() else { return };
    if walk::call_name(c) != Some("range") || walk::receiver(c).is_some() {
        return;
    }
    let Some(i) = walk::name(&f.target) else { return };
    let (start, stop, step) = match c.args.as_slice() {
        [stop] => (None, stop, 1),
        [start, stop] => (Some(start), stop, 1),
        [start, stop, step] => (Some(start), stop, walk::int_const(step).unwrap_or(1)),
        _ => return,
    };
    if step > 0 {
        if let Some((x, c)) = len_plus(prog, u, stop) {
            for (d, line, y) in accesses(prog, u, &f.body, &x, i) {
                if c.saturating_add(d) >= 1 {
                    let (conf, how) = if c >= 1 {
                        (
                            0.85,
                            format!(
                                "`{}` runs `{i}` up to `len({x})`{}",
                                prog.snippet(&*f.iter),
                                if c > 1 { " or beyond" } else { "" }
                            ),
                        )
                    } else {
                        (0.8, format!("`{i}` goes up to `len({x}) - 1`, so `{y}[{i} + {d}]` reads past the end"))
                    };
                    sink.add(
                        OffByOne,
                        conf,
                        line,
                        format!("{how}; the last index of `{y}` is `len({x}) - 1`, so this raises IndexError."),
                        format!(
                            "Stop the loop {} earlier (e.g. `range(len({x}) - {})`), or check `{i} + {d} < len({x})`.",
                            c.saturating_add(d),
                            d.max(0)
                        ),
                    );
                    break;
                }
            }
        }
        window(prog, u, f, stop, i, sink);
    } else if let Some((x, c)) = start.and_then(|s| len_plus(prog, u, s)) {
        for (d, line, _) in accesses(prog, u, &f.body, &x, i) {
            if c.saturating_add(d) >= 0 {
                sink.add(
                    OffByOne,
                    0.85,
                    line,
                    format!(
                        "The loop starts at `{}`, one past the last index of `{x}`, so `{x}[...]` raises IndexError.",
                        prog.snippet(start.unwrap_or(stop))
                    ),
                    format!("Start at `len({x}) - 1`: `range(len({x}) - 1, -1, -1)`."),
                );
                break;
            }
        }
    }
}

/// `for i in range(len(s) - k)` with `s[i:i + k]`: the window starting at `len(s) - k` is never checked.
fn window(prog: &Program, u: usize, f: &ast::StmtFor, stop: &Expr, i: &str, sink: &mut Sink) {
    let Expr::BinOp(b) = stop else { return };
    if b.op != Operator::Sub || walk::int_const(&b.right).is_some() {
        return;
    }
    let Some((x, 0)) = len_plus(prog, u, &b.left) else { return };
    let width = prog.snippet(&*b.right);
    let mut found = None;
    walk::each_expr_in_block(&f.body, &mut |e| {
        if let Expr::Subscript(s) = e {
            if let (Some(name), Expr::Slice(sl)) = (walk::name(&s.value), s.slice.as_ref()) {
                let lo_is_i = sl.lower.as_deref().and_then(walk::name) == Some(i);
                let hi_is_i_w = matches!(sl.upper.as_deref(), Some(Expr::BinOp(hb)) if hb.op == Operator::Add
                    && walk::name(&hb.left) == Some(i) && prog.snippet(&*hb.right) == width);
                if name == x && lo_is_i && hi_is_i_w {
                    found = Some(prog.line(s));
                }
            }
        }
    });
    if let Some(line) = found {
        sink.add(
            OffByOne,
            0.8,
            line,
            format!(
                "`{}` stops one window early: the window starting at `len({x}) - {width}` is never checked.",
                prog.snippet(&*f.iter)
            ),
            format!("Use `range(len({x}) - {width} + 1)` so the last window is included."),
        );
    }
}

/// `while i <= len(a)` (or `i < len(a) + 1`) reading `a[i]`.
fn while_bound(prog: &Program, u: usize, w: &ast::StmtWhile, sink: &mut Sink) {
    let tests: Vec<&ast::ExprCompare> = match w.test.as_ref() {
        Expr::Compare(c) => vec![c],
        Expr::BoolOp(b) => {
            b.values.iter().filter_map(|v| if let Expr::Compare(c) = v { Some(c) } else { None }).collect()
        }
        _ => Vec::new(),
    };
    for t in tests {
        let (Some(i), [op], [right]) = (walk::name(&t.left), t.ops.as_slice(), t.comparators.as_slice()) else {
            continue;
        };
        let Some((x, c)) = len_plus(prog, u, right) else { continue };
        let reach = match op {
            CmpOp::LtE => c,
            CmpOp::Lt => c.saturating_sub(1),
            _ => continue,
        };
        // Reads in the condition itself (`while r <= len(s) and s[r] == ...`) and in the body.
        let names = same_length(prog, u, &x);
        let mut found: Vec<(i64, u32, String)> = Vec::new();
        walk::each_expr(&w.test, &mut |e| {
            if let Expr::Subscript(s) = e {
                if let (Some(y), Some(d)) = (walk::name(&s.value), offset_from(&s.slice, i)) {
                    if names.iter().any(|n| n == y) {
                        found.push((d, prog.line(s), y.to_string()));
                    }
                }
            }
        });
        found.extend(accesses(prog, u, &w.body, &x, i));
        for (d, line, _) in found {
            if reach.saturating_add(d) >= 0 {
                sink.add(
                    OffByOne,
                    0.8,
                    line,
                    format!("`while {}` lets `{i}` reach `len({x})`, one past the last index, so `{x}[...]` raises IndexError.", prog.snippet(&*w.test)),
                    format!("Use `{i} < len({x})` as the loop condition."),
                );
                return;
            }
        }
    }
}

fn assigns<'a>(body: &'a [Stmt], target: &str) -> Vec<&'a Expr> {
    let mut out = Vec::new();
    walk::each_stmt(body, &mut |s| {
        if let Stmt::Assign(a) = s {
            for t in &a.targets {
                match t {
                    Expr::Name(n) if n.id.as_str() == target => out.push(a.value.as_ref()),
                    Expr::Tuple(tt) => {
                        if let Expr::Tuple(vt) = a.value.as_ref() {
                            for (x, v) in tt.elts.iter().zip(&vt.elts) {
                                if walk::name(x) == Some(target) {
                                    out.push(v);
                                }
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

fn binary_search(prog: &Program, u: usize, w: &ast::StmtWhile, anc: &[Anc], sink: &mut Sink) {
    let Expr::Compare(t) = w.test.as_ref() else { return };
    let (Some(lo), [op], [hi_e]) = (walk::name(&t.left), t.ops.as_slice(), t.comparators.as_slice()) else { return };
    let Some(hi) = walk::name(hi_e) else { return };
    // mid = (lo + hi) // 2 and friends
    let mid_name = w.body.iter().find_map(|s| match s {
        Stmt::Assign(a) if a.targets.len() == 1 && walk::mentions(&a.value, lo) && walk::mentions(&a.value, hi) => {
            walk::name(&a.targets[0]).map(|m| (m, a.value.as_ref()))
        }
        _ => None,
    });
    let Some((mid, mid_expr)) = mid_name else { return };
    let floor = !matches!(mid_expr, Expr::BinOp(b) if matches!(b.left.as_ref(), Expr::BinOp(inner) if inner.op == Operator::Add && walk::int_const(&inner.right) == Some(1)));
    let is = |e: &Expr, off: i64| offset_from(e, mid) == Some(off);
    let hi_updates = assigns(&w.body, hi);
    let lo_updates = assigns(&w.body, lo);
    let body = prog.units[u].body;
    let hi_init: Vec<&Expr> = assigns(body, hi).into_iter().filter(|e| !walk::mentions(e, mid)).collect();
    let line = prog.line(w);
    let reads_mid = {
        let mut found: Option<String> = None;
        walk::each_expr_in_block(&w.body, &mut |e| {
            if let Expr::Subscript(s) = e {
                if walk::name(&s.slice) == Some(mid) {
                    found = walk::name(&s.value).map(str::to_string);
                }
            }
        });
        found
    };
    let hi_is_len = hi_init.iter().find_map(|e| len_plus(prog, u, e));
    match op {
        CmpOp::LtE => {
            if let (Some((x, 0)), Some(arr)) = (&hi_is_len, &reads_mid) {
                if x == arr {
                    sink.add(
                        OffByOne,
                        0.8,
                        line,
                        format!("`{hi}` starts at `len({x})` but the loop runs while `{lo} <= {hi}`, so `{x}[{mid}]` can read index `len({x})`."),
                        format!("Start with `{hi} = len({x}) - 1`, or loop while `{lo} < {hi}`."),
                    );
                    return;
                }
            }
            if hi_updates.iter().any(|e| is(e, 0)) || lo_updates.iter().any(|e| is(e, 0)) {
                sink.add(
                    OffByOne,
                    0.75,
                    line,
                    format!("With `while {lo} <= {hi}`, setting a bound to `{mid}` itself can leave the range unchanged when `{lo} == {hi}`: the loop never ends."),
                    format!("Move past `{mid}` (`{lo} = {mid} + 1` / `{hi} = {mid} - 1`), or loop while `{lo} < {hi}`."),
                );
            }
        }
        CmpOp::Lt => {
            if floor && lo_updates.iter().any(|e| is(e, 0)) {
                sink.add(
                    OffByOne,
                    0.7,
                    line,
                    format!("`{lo} = {mid}` with a midpoint rounded down never moves when `{hi} == {lo} + 1`: the loop can run forever."),
                    format!("Use `{lo} = {mid} + 1`, or round the midpoint up (`({lo} + {hi} + 1) // 2`)."),
                );
                return;
            }
            let exclusive = hi_updates.iter().any(|e| is(e, -1)) && lo_updates.iter().any(|e| is(e, 1));
            let after_uses_bounds = match anc.last() {
                Some(Anc::Stmt { block, index, .. }) => block[index + 1..].iter().any(|s| {
                    let mut m = false;
                    walk::each_expr_in_block(std::slice::from_ref(s), &mut |e| {
                        m |= walk::name(e) == Some(lo) || walk::name(e) == Some(hi);
                    });
                    m
                }),
                _ => true,
            };
            if exclusive && !after_uses_bounds && matches!(hi_is_len, Some((_, -1))) {
                sink.add(
                    OffByOne,
                    0.6,
                    line,
                    format!("`while {lo} < {hi}` with `{lo} = {mid} + 1` and `{hi} = {mid} - 1` stops before checking the last candidate (when `{lo} == {hi}`)."),
                    format!("Loop while `{lo} <= {hi}`, or check index `{lo}` after the loop."),
                );
            }
        }
        _ => {}
    }
}

/// `a[len(a)]` or `a[n]` with `n = len(a)`.
fn past_end(
    prog: &Program,
    u: usize,
    s: &ast::ExprSubscript,
    anc: &[Anc],
    reported: &mut Vec<String>,
    sink: &mut Sink,
) {
    let Some(x) = walk::name(&s.value) else { return };
    if reported.iter().any(|r| r == x) {
        return;
    }
    let Some((lx, c)) = len_plus(prog, u, &s.slice) else { return };
    if !same_length(prog, u, &lx).iter().any(|n| n == x) || c < 0 || in_try(anc) {
        return;
    }
    // `i = len(s)` then `i -= 1` before reading `s[i]`: the pointer moved first.
    if let Expr::Name(n) = s.slice.as_ref() {
        let moved = super::preceding(anc)
            .iter()
            .any(|st| matches!(st, Stmt::AugAssign(a) if walk::name(&a.target) == Some(n.id.as_str())));
        if moved {
            return;
        }
    }
    // A list that grows (appended to) may legitimately be that long by now.
    let mut grows = false;
    walk::each_expr_in_block(prog.units[u].body, &mut |e| {
        if let Expr::Call(c) = e {
            if matches!(walk::call_name(c), Some("append" | "extend" | "insert"))
                && walk::receiver(c).and_then(walk::name) == Some(x)
            {
                grows = true;
            }
        }
    });
    if grows {
        return;
    }
    reported.push(x.to_string());
    sink.add(
        OffByOne,
        0.9,
        prog.line(s),
        format!(
            "`{}` is one past the last index of `{x}` (the last one is `len({lx}) - 1`), so it raises IndexError.",
            prog.snippet(s)
        ),
        format!("Use index `len({lx}) - 1` for the last item (or `{x}[-1]`)."),
    );
}
