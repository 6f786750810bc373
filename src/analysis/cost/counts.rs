//! How many passes a `while` loop makes when it is not "about n": a loop that halves its range (binary
//! search, digit loops, Euclid) makes `log n`, and a loop that stops once a collection it grows on every
//! pass reaches a constant size (`while heap and len(feed) < 10`) makes a constant number.

use rustpython_parser::ast::{self, Expr, Stmt};

use super::amortised::{names_in, popped_in};
use crate::analysis::env::Size;
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

/// `while heap and len(feed) < 10:` with `feed.append(...)` on every pass (or `count < 10` with `count += 1`,
/// where `count` starts at a constant): at most a constant number of passes.
pub fn constant_bound(prog: &Program, u: usize, w: &ast::StmtWhile) -> bool {
    let conjuncts: Vec<&Expr> = match w.test.as_ref() {
        Expr::BoolOp(b) if b.op == ast::BoolOp::And => b.values.iter().collect(),
        other => vec![other],
    };
    conjuncts.into_iter().any(|t| {
        let Expr::Compare(c) = t else { return false };
        let (counted, limit) = match (c.ops.as_slice(), c.comparators.as_slice()) {
            ([ast::CmpOp::Lt | ast::CmpOp::LtE], [r]) => (c.left.as_ref(), r),
            ([ast::CmpOp::Gt | ast::CmpOp::GtE], [r]) => (r, c.left.as_ref()),
            _ => return false,
        };
        let starts_small = match counted {
            Expr::Name(n) => prog.var(u, n.id.as_str()).is_some_and(|v| v.size == Size::Small),
            _ => true,
        };
        walk::int_const(limit).is_some() && starts_small && grows_each_pass(&w.body, counted)
    })
}

/// Whether `counted` (`len(xs)` or a counter) grows on every pass of a loop with this body: an unconditional
/// `xs.append(...)` / `count += 1`, and nothing that shrinks or rebinds it.
fn grows_each_pass(body: &[Stmt], counted: &Expr) -> bool {
    let (name, is_len) = match counted {
        Expr::Call(c) if walk::call_name(c) == Some("len") && walk::receiver(c).is_none() => {
            (c.args.first().and_then(walk::name), true)
        }
        Expr::Name(n) => (Some(n.id.as_str()), false),
        _ => (None, false),
    };
    let Some(name) = name else { return false };
    let grows = body.iter().any(|s| match s {
        Stmt::Expr(e) if is_len => matches!(e.value.as_ref(), Expr::Call(c)
            if matches!(walk::call_name(c), Some("append" | "appendleft"))
                && walk::receiver(c).and_then(walk::name) == Some(name)),
        Stmt::AugAssign(a) if !is_len => {
            walk::name(&a.target) == Some(name)
                && a.op == ast::Operator::Add
                && walk::int_const(&a.value).is_some_and(|v| v > 0)
        }
        _ => false,
    });
    let mut shrinks = popped_in(body).contains(&name);
    walk::each_stmt(body, &mut |s| match s {
        Stmt::Assign(a) => shrinks |= a.targets.iter().any(|t| names_in(t).contains(&name)),
        Stmt::AugAssign(a) if !is_len => shrinks |= walk::name(&a.target) == Some(name) && a.op != ast::Operator::Add,
        Stmt::Delete(_) => shrinks = true,
        _ => {}
    });
    walk::each_expr_in_block(body, &mut |x| {
        if let Expr::Call(c) = x {
            shrinks |= matches!(walk::call_name(c), Some("remove" | "clear"))
                && walk::receiver(c).and_then(walk::name) == Some(name);
        }
    });
    grows && !shrinks
}

#[cfg(test)]
mod tests {
    use crate::analysis::tests::time;
    use crate::complexity::Complexity::*;

    #[test]
    fn a_loop_that_stops_at_a_constant_size_makes_constant_passes() {
        // The ten newest items of a heap: ten pops, each O(log n).
        let ten = "import heapq\ndef f(heap):\n    out = []\n    while heap and len(out) < 10:\n        out.append(heapq.heappop(heap))\n    return out\n";
        assert_eq!(time(ten), Log);
        let counted = "def f(nums):\n    i = count = 0\n    while i < len(nums) and count < 3:\n        count += 1\n        i += 1\n    return i\n";
        assert_eq!(time(counted), Constant);
        // Growth in only some passes bounds nothing.
        let sometimes = "import heapq\ndef f(heap):\n    out = []\n    while heap and len(out) < 10:\n        x = heapq.heappop(heap)\n        if x > 0:\n            out.append(x)\n    return out\n";
        assert_eq!(time(sometimes), Linearithmic);
        let from_input =
            "def f(nums, n):\n    count = -n\n    while count < 3:\n        count += 1\n    return count\n";
        assert_eq!(time(from_input), Linear);
        let shrinking = "def f(nums):\n    out = []\n    while nums and len(out) < 10:\n        out.append(nums.pop())\n        out.pop()\n    return out\n";
        assert_eq!(time(shrinking), Linear);
    }
}
