//! Amortisation: an inner loop whose iterations add up to `n` over the whole run of the enclosing loop, so
//! it is charged once per run of that loop instead of once per pass:
//!
//! - a pointer or stack that survives the enclosing loop (sliding windows, monotonic stacks, skipping
//!   duplicates), or a run of a set that starts only where `x - 1 not in set`;
//! - BFS by levels: `for _ in range(len(queue))` popping `queue` on every pass, inside a loop that keeps
//!   `queue` from one level to the next;
//! - walks over linked structures ([`super::linked`]);
//! - a traversal that marks what it visited ([`visited_walk`]), charged once per program.

use rustpython_parser::ast::{self, Expr, Stmt};

use super::linked::{blocks, descends_onto_stack};
use super::Enclosing;
use crate::analysis::env::Kind;
use crate::analysis::program::Program;
use crate::analysis::walk;

/// An inner `while` charged once per run of the enclosing loop `enc`: its pointer or stack is not reset
/// by the enclosing loop, or it walks a run of a set that starts only where `x - 1 not in set`.
pub fn within(prog: &Program, u: usize, w_stmt: &Stmt, w: &ast::StmtWhile, enc: Enclosing) -> bool {
    let mut tested: Vec<&str> = Vec::new();
    walk::each_expr(&w.test, &mut |x| {
        if let Some(n) = walk::name(x) {
            tested.push(n);
        }
    });
    let enc_target: Vec<&str> = match enc.stmt {
        Stmt::For(f) => names_in(&f.target),
        _ => Vec::new(),
    };
    let reset = |n: &str| enc_target.contains(&n) || assigned_outside(enc.body, w_stmt, n);
    // A pointer that only moves.
    let mut moved: Vec<&str> = Vec::new();
    walk::each_stmt(&w.body, &mut |s| {
        if let Stmt::AugAssign(a) = s {
            if matches!(a.op, ast::Operator::Add | ast::Operator::Sub) {
                moved.extend(walk::name(&a.target));
            }
        }
    });
    if tested.iter().any(|t| moved.contains(t) && !reset(t)) {
        return true;
    }
    // A window's left edge: moved forward and used as an index into the input, never reset.
    let mut indexes: Vec<&str> = Vec::new();
    walk::each_expr_in_block(&w.body, &mut |x| {
        if let Expr::Subscript(sub) = x {
            indexes.extend(walk::name(&sub.slice));
        }
    });
    if moved.iter().any(|m| indexes.contains(m) && !reset(m)) {
        return true;
    }
    // A stack or queue drained by the inner loop.
    let popped = popped_in(&w.body);
    if tested.iter().any(|t| popped.contains(t) && !reset(t)) {
        return true;
    }
    if descends_onto_stack(w_stmt, w, enc) || blocks(enc, &w.body) {
        return true;
    }
    // for x in s: if x - 1 not in s: while x + k in s: ...
    if let Expr::Compare(c) = w.test.as_ref() {
        if c.ops.first() == Some(&ast::CmpOp::In) {
            if let Some(set) = c.comparators.first().and_then(walk::name) {
                let is_set = prog.var(u, set).is_some_and(|v| v.kind == Kind::Set);
                let mut guarded = false;
                walk::each_expr_in_block(enc.body, &mut |x| {
                    if let Expr::Compare(g) = x {
                        // The run starts only where the predecessor is absent: `x - 1 (not) in s`.
                        let membership = matches!(g.ops.first(), Some(ast::CmpOp::NotIn | ast::CmpOp::In));
                        let predecessor = matches!(g.left.as_ref(), Expr::BinOp(b) if b.op == ast::Operator::Sub);
                        if membership && predecessor && g.comparators.first().and_then(walk::name) == Some(set) {
                            guarded = true;
                        }
                    }
                });
                if is_set && guarded {
                    return true;
                }
            }
        }
    }
    false
}

/// A `for` loop charged once per run of the enclosing loop `enc` (BFS by levels, blocks of a linked list).
pub fn for_within(prog: &Program, u: usize, for_stmt: &Stmt, iter: &Expr, body: &[Stmt], enc: Enclosing) -> bool {
    drains_level(prog, u, for_stmt, iter, body, enc) || blocks(enc, body)
}

/// `for _ in range(len(queue)):` whose every pass pops `queue`, where the enclosing loop keeps `queue`
/// from one pass to the next: over the whole run the passes add up to the items ever pushed.
fn drains_level(prog: &Program, u: usize, for_stmt: &Stmt, iter: &Expr, body: &[Stmt], enc: Enclosing) -> bool {
    let Expr::Call(c) = iter else { return false };
    if walk::call_name(c) != Some("range") || c.args.len() != 1 {
        return false;
    }
    let queue = match &c.args[0] {
        Expr::Call(len) if walk::call_name(len) == Some("len") && walk::receiver(len).is_none() => {
            len.args.first().and_then(walk::name).map(str::to_string)
        }
        // `size = len(queue)` before the loop.
        Expr::Name(n) => prog.var(u, n.id.as_str()).and_then(|v| v.len_of.clone()),
        _ => None,
    };
    let Some(queue) = queue else { return false };
    // The pop must run on every pass, not only in some branch.
    let pops_each_pass = popped_in_stmts(body.iter()).contains(&queue.as_str());
    pops_each_pass && !assigned_outside(enc.body, for_stmt, &queue)
}

/// Collections popped anywhere in `block` (`x.pop()`, `x.popleft()`, `heappop(x)`).
pub(super) fn popped_in(block: &[Stmt]) -> Vec<&str> {
    let mut popped: Vec<&str> = Vec::new();
    walk::each_expr_in_block(block, &mut |x| popped.extend(pop_target(x)));
    popped
}

/// Collections popped by the statements themselves (not inside their branches or loops).
pub(super) fn popped_in_stmts<'a>(stmts: impl Iterator<Item = &'a Stmt>) -> Vec<&'a str> {
    let mut popped: Vec<&str> = Vec::new();
    for s in stmts {
        for (e, _) in walk::stmt_exprs(s) {
            walk::each_expr(e, &mut |x| popped.extend(pop_target(x)));
        }
    }
    popped
}

fn pop_target(x: &Expr) -> Option<&str> {
    let Expr::Call(c) = x else { return None };
    match walk::call_name(c) {
        Some("pop" | "popleft") => walk::receiver(c).and_then(walk::name),
        Some("heappop") => c.args.first().and_then(walk::name),
        _ => None,
    }
}

/// A `while queue:` walk inside a loop that only pushes what it has not seen (a set declared outside,
/// or cells of the grid it marks): every item is processed once over the whole program.
pub fn visited_walk(prog: &Program, u: usize, w: &ast::StmtWhile) -> bool {
    let Some(queue) = collection_test(&w.test) else { return false };
    let mut pops = false;
    let mut marks = false;
    walk::each_expr_in_block(&w.body, &mut |x| {
        if let Expr::Call(c) = x {
            let recv = walk::receiver(c).and_then(walk::name);
            match walk::call_name(c) {
                Some("pop" | "popleft") if recv == Some(queue) => pops = true,
                Some("add") => {
                    marks |= recv.is_some_and(|s| prog.var(u, s).is_some_and(|v| v.kind == Kind::Set));
                }
                _ => {}
            }
        }
    });
    walk::each_stmt(&w.body, &mut |s| {
        if let Stmt::Assign(a) = s {
            if a.targets
                .iter()
                .any(|t| matches!(t, Expr::Subscript(sub) if matches!(sub.value.as_ref(), Expr::Subscript(_))))
            {
                marks = true;
            }
        }
    });
    pops && marks
}

fn collection_test(test: &Expr) -> Option<&str> {
    match test {
        Expr::Name(n) => Some(n.id.as_str()),
        Expr::BoolOp(b) => b.values.first().and_then(collection_test),
        Expr::Call(c) if walk::call_name(c) == Some("len") => c.args.first().and_then(walk::name),
        Expr::Compare(c) => collection_test(&c.left),
        _ => None,
    }
}

pub(super) fn names_in(e: &Expr) -> Vec<&str> {
    let mut v = Vec::new();
    walk::each_expr(e, &mut |x| v.extend(walk::name(x)));
    v
}

/// Whether `n` is (re)bound by a plain assignment in `block`, outside the statement `skip`.
pub(super) fn assigned_outside(block: &[Stmt], skip: &Stmt, n: &str) -> bool {
    block.iter().any(|s| {
        if std::ptr::eq(s, skip) {
            return false;
        }
        let direct = match s {
            Stmt::Assign(a) => a.targets.iter().any(|t| names_in(t).contains(&n)),
            Stmt::AnnAssign(a) => names_in(&a.target).contains(&n),
            Stmt::For(f) => names_in(&f.target).contains(&n),
            _ => false,
        };
        direct || walk::child_blocks(s).iter().any(|b| assigned_outside(b, skip, n))
    })
}

#[cfg(test)]
mod tests {
    use crate::analysis::tests::time;
    use crate::complexity::Complexity::*;

    #[test]
    fn bfs_by_levels_is_linear() {
        let levels = "from collections import deque\ndef f(root):\n    out = []\n    queue = deque([root])\n    while queue:\n        level = []\n        for _ in range(len(queue)):\n            node = queue.popleft()\n            level.append(node.val)\n            if node.left:\n                queue.append(node.left)\n            if node.right:\n                queue.append(node.right)\n        out.append(level)\n    return out\n";
        assert_eq!(time(levels), Linear);
        let sized = levels.replace("for _ in range(len(queue)):", "size = len(queue)\n        for _ in range(size):");
        assert_eq!(time(&sized), Linear);
        // The inner loop does not pop what it counts: every pass walks the whole list again.
        let rescans = "def f(nums):\n    seen = []\n    while nums:\n        for _ in range(len(nums)):\n            seen.append(nums[-1])\n        nums.pop()\n    return seen\n";
        assert_eq!(time(rescans), Quadratic);
        // A queue rebuilt on every pass is not drained across passes.
        let rebuilt = "from collections import deque\ndef f(nums):\n    queue = deque(nums)\n    while nums:\n        for _ in range(len(queue)):\n            queue.popleft()\n        queue = deque(nums)\n        nums.pop()\n";
        assert_eq!(time(rebuilt), Quadratic);
    }
}
