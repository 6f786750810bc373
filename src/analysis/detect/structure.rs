//! `wrong_data_structure`: a structure whose common operation is slow for how it is used.
//!
//! Shapes, all inside loops: membership tests on a list (`x in seen` with `seen = []`: use a set),
//! `pop(0)` / `insert(0, x)` on a list (use `collections.deque`), `list.index` / `list.remove` lookups
//! (use a dict or set), re-sorting or `min()`+`remove()` to keep the smallest item (use `heapq`), and
//! rebuilding an immutable string or list to pop from its end or front (`s = s[:-1]`).

use rustpython_parser::ast::{self, CmpOp, Expr, Stmt};

use super::Sink;
use crate::analysis::env::{kind_of, size_of, Kind, Size};
use crate::analysis::program::Program;
use crate::analysis::walk::{self, Anc, Loop, Node};
use crate::analysis::FindingKind::WrongDataStructure;

pub(super) fn check(prog: &Program, u: usize, sink: &mut Sink) {
    let body = prog.units[u].body;
    walk::walk_block(body, &mut |node, anc| {
        let loops = walk::loops(anc);
        match node {
            Node::Expr(Expr::Compare(c)) if !loops.is_empty() => list_membership(prog, u, c, sink),
            Node::Expr(Expr::Call(c)) => call(prog, u, c, &loops, anc, sink),
            Node::Stmt(Stmt::Assign(a)) if !loops.is_empty() => reslice(prog, a, sink),
            _ => {}
        }
    });
}

/// A list (not a string, set or dict) that can hold many items.
fn big_list(prog: &Program, u: usize, e: &Expr) -> Option<(bool, String)> {
    if size_of(prog, u, e) < Size::N {
        return None;
    }
    let name = walk::name(e)?;
    let v = prog.var(u, name)?;
    match v.kind {
        Kind::List => Some((!v.param, name.to_string())),
        Kind::Unknown if v.param => Some((false, name.to_string())),
        _ => None,
    }
}

fn list_membership(prog: &Program, u: usize, c: &ast::ExprCompare, sink: &mut Sink) {
    for (op, right) in c.ops.iter().zip(&c.comparators) {
        if !matches!(op, CmpOp::In | CmpOp::NotIn) {
            continue;
        }
        let (local, name) = match big_list(prog, u, right) {
            Some(x) => x,
            None => match right {
                // `x in nums[i + 1:]`
                Expr::Subscript(s) if matches!(s.slice.as_ref(), Expr::Slice(_)) => match big_list(prog, u, &s.value) {
                    Some((_, n)) => (false, n),
                    None => continue,
                },
                _ => continue,
            },
        };
        let confidence = if local { 0.8 } else { 0.7 };
        sink.add(
            WrongDataStructure,
            confidence,
            prog.line(c),
            format!("`{}` searches the list `{name}` item by item on every pass of the loop.", prog.snippet(c)),
            if local {
                format!("Make `{name}` a set (`{name} = set()`, then `{name}.add(...)`), where `in` is O(1).")
            } else {
                format!("Build a set once before the loop (`{name}_set = set({name})`) and test membership in it.")
            },
        );
    }
}

fn call(prog: &Program, u: usize, c: &ast::ExprCall, loops: &[Loop], anc: &[Anc], sink: &mut Sink) {
    let Some(recv) = walk::receiver(c) else { return };
    let Some(name) = walk::name(recv) else { return };
    let kind = kind_of(prog, u, recv);
    let list_like = matches!(kind, Kind::List) || (kind == Kind::Unknown && prog.var(u, name).is_some_and(|v| v.param));
    if !list_like {
        return;
    }
    let in_loop = !loops.is_empty();
    let first_arg_zero = c.args.first().and_then(walk::int_const) == Some(0);
    match walk::call_name(c) {
        Some("pop") if first_arg_zero => sink.add(
            WrongDataStructure,
            if in_loop { 0.85 } else { 0.3 },
            prog.line(c),
            format!("`{}` shifts every remaining item of the list `{name}` one place left.", prog.snippet(c)),
            format!("Use `collections.deque` for `{name}` and `popleft()`, which is O(1)."),
        ),
        Some("insert") if first_arg_zero => sink.add(
            WrongDataStructure,
            if in_loop { 0.85 } else { 0.3 },
            prog.line(c),
            format!("`{}` shifts every item of the list `{name}` to make room at the front.", prog.snippet(c)),
            "Use `collections.deque` and `appendleft()`, or append and reverse once at the end.".to_string(),
        ),
        Some("index") if in_loop && size_of(prog, u, recv) >= Size::N => sink.add(
            WrongDataStructure,
            0.7,
            prog.line(c),
            format!("`{}` searches `{name}` from the start on every pass of the loop.", prog.snippet(c)),
            "Keep a dict from value to position, filled as you go.".to_string(),
        ),
        Some("remove") if in_loop && size_of(prog, u, recv) >= Size::N => {
            let heapish = loops.iter().any(|l| loop_takes_min(l, name));
            sink.add(
                WrongDataStructure,
                0.7,
                prog.line(c),
                format!("`{}` searches and shifts the list `{name}` on every pass of the loop.", prog.snippet(c)),
                if heapish {
                    "To take the smallest item repeatedly, use a heap (`heapq.heappop`).".to_string()
                } else {
                    format!("Use a set or a `Counter` for `{name}` so removal is O(1).")
                },
            )
        }
        Some("sort") if in_loop && appended_in_loop(loops, name) && !super::in_return(anc) => sink.add(
            WrongDataStructure,
            0.75,
            prog.line(c),
            format!("`{}` re-sorts `{name}` on every pass to keep it ordered.", prog.snippet(c)),
            "Use a heap (`heapq.heappush` / `heappop`) to keep the smallest item at hand in O(log n).".to_string(),
        ),
        _ => {}
    }
}

fn appended_in_loop(loops: &[Loop], name: &str) -> bool {
    loops.iter().any(|l| match l {
        Loop::For(f) => appends(&f.body, name),
        Loop::AsyncFor(f) => appends(&f.body, name),
        Loop::While(w) => appends(&w.body, name),
        Loop::Comp(_) => false,
    })
}

fn appends(block: &[Stmt], name: &str) -> bool {
    let mut found = false;
    walk::each_expr_in_block(block, &mut |e| {
        if let Expr::Call(c) = e {
            if matches!(walk::call_name(c), Some("append" | "extend"))
                && walk::receiver(c).and_then(walk::name) == Some(name)
            {
                found = true;
            }
        }
    });
    found
}

fn loop_takes_min(l: &Loop, name: &str) -> bool {
    let body = match l {
        Loop::For(f) => &f.body,
        Loop::While(w) => &w.body,
        _ => return false,
    };
    let mut found = false;
    walk::each_expr_in_block(body, &mut |e| {
        if let Expr::Call(c) = e {
            if matches!(walk::call_name(c), Some("min" | "max")) && c.args.first().and_then(walk::name) == Some(name) {
                found = true;
            }
        }
    });
    found
}

/// `s = s[:-1]` / `q = q[1:]` in a loop: an immutable copy per pop.
fn reslice(prog: &Program, a: &ast::StmtAssign, sink: &mut Sink) {
    let [target] = a.targets.as_slice() else { return };
    let Some(name) = walk::name(target) else { return };
    let Expr::Subscript(s) = a.value.as_ref() else { return };
    let Expr::Slice(sl) = s.slice.as_ref() else { return };
    if walk::name(&s.value) != Some(name) {
        return;
    }
    let pops_end = sl.lower.is_none() && sl.upper.as_deref().and_then(walk::int_const) == Some(-1);
    let pops_front = sl.upper.is_none() && sl.lower.as_deref().and_then(walk::int_const) == Some(1);
    if !(pops_end || pops_front) {
        return;
    }
    let better = if pops_end { "a list with `append` / `pop()`" } else { "`collections.deque` with `popleft()`" };
    sink.add(
        WrongDataStructure,
        0.75,
        prog.line(a),
        format!("`{}` copies all of `{name}` to drop one item, on every pass of the loop.", prog.snippet(a)),
        format!("Use {better}, which removes an item in O(1)."),
    );
}
