//! Patterns of `while` loops: halving (binary search, digit loops) and amortisation (an inner loop whose
//! pointer or stack survives the enclosing loop, so its iterations add up to `n` over the whole run).

use rustpython_parser::ast::{self, Expr, Stmt};

use super::Enclosing;
use crate::analysis::env::Kind;
use crate::analysis::program::Program;
use crate::analysis::walk;

/// A loop whose controlling value is divided or multiplied by a constant each step, or a binary search.
pub fn halving(prog: &Program, _u: usize, w: &ast::StmtWhile) -> bool {
    let mut tested: Vec<&str> = Vec::new();
    walk::each_expr(&w.test, &mut |x| {
        if let Some(n) = walk::name(x) {
            tested.push(n);
        }
    });
    let mut mids: Vec<&str> = Vec::new();
    let mut from_mid = false;
    let mut scaled = false;
    walk::each_stmt(&w.body, &mut |s| match s {
        Stmt::AugAssign(a) if walk::name(&a.target).is_some_and(|t| tested.contains(&t)) && scales(a.op, &a.value) => {
            scaled = true;
        }
        Stmt::Assign(a) => {
            for t in &a.targets {
                let Some(t) = walk::name(t) else { continue };
                if let Expr::BinOp(b) = a.value.as_ref() {
                    if tested.contains(&t) && walk::mentions(&b.left, t) && scales(b.op, &b.right) {
                        scaled = true;
                    }
                    if tested.contains(&t) && b.op == ast::Operator::BitAnd {
                        scaled = true;
                    }
                    if halves(&a.value) && tested.iter().any(|n| walk::mentions(&a.value, n)) {
                        mids.push(t);
                    }
                }
                if tested.contains(&t) && mids.iter().any(|m| walk::mentions(&a.value, m)) {
                    from_mid = true;
                }
            }
            // Euclid: `a, b = b, a % b`
            if let ([Expr::Tuple(tt)], Expr::Tuple(vt)) = (a.targets.as_slice(), a.value.as_ref()) {
                for (t, v) in tt.elts.iter().zip(&vt.elts) {
                    let is_mod = matches!(v, Expr::BinOp(b) if b.op == ast::Operator::Mod);
                    if is_mod && walk::name(t).is_some_and(|t| tested.contains(&t)) {
                        scaled = true;
                    }
                }
            }
        }
        _ => {}
    });
    let _ = prog;
    scaled || from_mid
}

fn scales(op: ast::Operator, by: &Expr) -> bool {
    use ast::Operator::*;
    match op {
        RShift | LShift => true,
        FloorDiv | Div | Mult => walk::int_const(by).is_some_and(|c| c >= 2),
        _ => false,
    }
}

/// `(lo + hi) // 2`, `lo + (hi - lo) // 2`, `(lo + hi) >> 1`.
fn halves(e: &Expr) -> bool {
    let mut found = false;
    walk::each_expr(e, &mut |x| {
        if let Expr::BinOp(b) = x {
            if matches!(b.op, ast::Operator::FloorDiv | ast::Operator::RShift | ast::Operator::Div)
                && walk::int_const(&b.right).is_some_and(|c| c == 2 || c == 1)
            {
                found = true;
            }
        }
    });
    found
}

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
    let mut popped: Vec<&str> = Vec::new();
    walk::each_expr_in_block(&w.body, &mut |x| {
        if let Expr::Call(c) = x {
            match walk::call_name(c) {
                Some("pop" | "popleft") => popped.extend(walk::receiver(c).and_then(walk::name)),
                Some("heappop") => popped.extend(c.args.first().and_then(walk::name)),
                _ => {}
            }
        }
    });
    if tested.iter().any(|t| popped.contains(t) && !reset(t)) {
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

fn names_in(e: &Expr) -> Vec<&str> {
    let mut v = Vec::new();
    walk::each_expr(e, &mut |x| v.extend(walk::name(x)));
    v
}

/// Whether `n` is (re)bound by a plain assignment in `block`, outside the statement `skip`.
fn assigned_outside(block: &[Stmt], skip: &Stmt, n: &str) -> bool {
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
