//! How many passes a `while` loop makes when it is not "about n": a loop that halves its range (binary
//! search, digit loops, Euclid) makes `log n`, and a loop that stops once a collection it grows on every
//! pass reaches a constant size (`while heap and len(feed) < 10`) makes a constant number, and so does a
//! loop over the bits of a value masked to a fixed width (`b = ((a & b) << 1) & 0xFFFFFFFF`: at most 32).
//! Any loop whose body always leaves on its first pass (`... ; break`) runs once.

use rustpython_parser::ast::{self, Expr, Stmt};

use super::amortised::{names_in, popped_in};
use crate::analysis::env::Size;
use crate::analysis::program::Program;
use crate::analysis::walk;

/// Whether a loop body leaves the loop on its first pass whatever happens: a `break`, `return` or `raise`
/// at its top level, or in every branch of an `if`, with no `continue` of this loop before it that could
/// skip it. Such a loop runs its body once, however long what it loops over.
pub fn leaves_on_first_pass(body: &[Stmt]) -> bool {
    for s in body {
        match s {
            Stmt::Break(_) | Stmt::Return(_) | Stmt::Raise(_) => return true,
            Stmt::If(i) if !i.orelse.is_empty() && leaves_on_first_pass(&i.body) && leaves_on_first_pass(&i.orelse) => {
                return true
            }
            _ if continues(s) => return false,
            _ => {}
        }
    }
    false
}

/// A `continue` in `s` that belongs to the loop around `s` (not to a loop nested in it).
fn continues(s: &Stmt) -> bool {
    match s {
        Stmt::Continue(_) => true,
        // A nested loop's own `continue`s are its own; its `else:` still runs in the outer loop.
        Stmt::For(f) => f.orelse.iter().any(continues),
        Stmt::AsyncFor(f) => f.orelse.iter().any(continues),
        Stmt::While(w) => w.orelse.iter().any(continues),
        Stmt::FunctionDef(_) | Stmt::AsyncFunctionDef(_) | Stmt::ClassDef(_) => false,
        _ => walk::child_blocks(s).iter().any(|b| b.iter().any(continues)),
    }
}

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
        // `n &= n - 1`: clears the lowest set bit, one pass per bit.
        Stmt::AugAssign(a)
            if a.op == ast::Operator::BitAnd
                && walk::name(&a.target).is_some_and(|t| tested.contains(&t) && walk::mentions(&a.value, t)) =>
        {
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
            // A digit loop: `x, digit = divmod(x, 10)`.
            if let ([Expr::Tuple(tt)], Expr::Call(c)) = (a.targets.as_slice(), a.value.as_ref()) {
                let divides = walk::call_name(c) == Some("divmod")
                    && walk::receiver(c).is_none()
                    && matches!(c.args.as_slice(), [_, by] if scales(ast::Operator::FloorDiv, by));
                let quotient = tt.elts.first().and_then(walk::name);
                if divides && quotient.is_some_and(|q| tested.contains(&q) && walk::mentions(&c.args[0], q)) {
                    scaled = true;
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

/// A loop whose controlling value is shifted and masked to a constant width on every pass: the carry loop
/// of bitwise addition, `while b: carry = ((a & b) << 1) & MASK; ...; b = carry`. A shifted bit leaves the
/// mask after at most its width in passes, so the count is constant. The mask is an integer literal or a
/// name bound to a small value (`MASK = 0xFFFFFFFF`); every assignment to a tested name in the body must be
/// such a masked shift, directly or through a temporary assigned one in the same body.
pub fn fixed_width(prog: &Program, u: usize, w: &ast::StmtWhile) -> bool {
    let mut tested: Vec<&str> = Vec::new();
    walk::each_expr(&w.test, &mut |x| {
        if let Some(n) = walk::name(x) {
            tested.push(n);
        }
    });
    let is_mask = |e: &Expr| match e {
        Expr::Name(n) => prog.var(u, n.id.as_str()).is_some_and(|v| v.size == Size::Small),
        other => walk::int_const(other).is_some() || matches!(other, Expr::Constant(_)),
    };
    let masked_shift = |e: &Expr| {
        let Expr::BinOp(b) = e else { return false };
        let mut shifted = false;
        walk::each_expr(&b.left, &mut |x| {
            shifted |= matches!(x, Expr::BinOp(s) if matches!(s.op, ast::Operator::LShift | ast::Operator::RShift));
        });
        b.op == ast::Operator::BitAnd && shifted && is_mask(&b.right)
    };
    let mut pairs: Vec<(&str, &Expr)> = Vec::new();
    let mut other_writes = false;
    walk::each_stmt(&w.body, &mut |s| match s {
        Stmt::Assign(a) => {
            for t in &a.targets {
                let split: Vec<(&Expr, &Expr)> = match (t, a.value.as_ref()) {
                    (Expr::Tuple(tt), Expr::Tuple(vt)) if tt.elts.len() == vt.elts.len() => {
                        tt.elts.iter().zip(&vt.elts).collect()
                    }
                    _ => vec![(t, a.value.as_ref())],
                };
                for (t, v) in split {
                    match walk::name(t) {
                        Some(t) => pairs.push((t, v)),
                        None => other_writes |= tested.iter().any(|n| walk::mentions(t, n)),
                    }
                }
            }
        }
        Stmt::AugAssign(a) => other_writes |= walk::name(&a.target).is_some_and(|t| tested.contains(&t)),
        _ => {}
    });
    let temps: Vec<&str> = pairs.iter().filter(|(_, e)| masked_shift(e)).map(|(t, _)| *t).collect();
    let writes: Vec<&Expr> = pairs.iter().filter(|(t, _)| tested.contains(t)).map(|(_, e)| *e).collect();
    !tested.is_empty()
        && !other_writes
        && !writes.is_empty()
        && writes.iter().all(|e| masked_shift(e) || walk::name(e).is_some_and(|n| temps.contains(&n)))
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
    fn digit_and_bit_loops_make_log_passes() {
        let divmod = "def f(x):\n    r = 0\n    while x > 0:\n        x, d = divmod(x, 10)\n        r = r * 10 + d\n    return r\n";
        assert_eq!(time(divmod), Log);
        let floor = "def f(x):\n    c = 0\n    while x:\n        x //= 10\n        c += 1\n    return c\n";
        assert_eq!(time(floor), Log);
        let kernighan = "def f(n):\n    c = 0\n    while n:\n        n &= n - 1\n        c += 1\n    return c\n";
        assert_eq!(time(kernighan), Log);
        // Near misses: dividing by one, divmod whose quotient goes elsewhere, a mask that does not shrink n.
        let by_one = "def f(x):\n    while x > 0:\n        x, d = divmod(x, 1)\n    return x\n";
        assert_eq!(time(by_one), Linear);
        let elsewhere = "def f(x):\n    while x > 0:\n        q, d = divmod(x, 10)\n        x -= 1\n    return x\n";
        assert_eq!(time(elsewhere), Linear);
        let subtract = "def f(n):\n    while n:\n        n -= 1\n    return n\n";
        assert_eq!(time(subtract), Linear);
    }

    #[test]
    fn a_carry_loop_masked_to_a_fixed_width_makes_constant_passes() {
        let masked = "def f(a, b):\n    MASK = 0xFFFFFFFF\n    a &= MASK\n    b &= MASK\n    while b:\n        carry = ((a & b) << 1) & MASK\n        a ^= b\n        b = carry\n    return a\n";
        assert_eq!(time(masked), Constant);
        let literal = "def f(a, b):\n    while b != 0:\n        a, b = (a ^ b) & 0xFFFFFFFF, ((a & b) << 1) & 0xFFFFFFFF\n    return a\n";
        assert_eq!(time(literal), Constant);
        // Without the mask a negative carry never runs out: still counted by the input.
        let unmasked = "def f(a, b):\n    while b:\n        carry = (a & b) << 1\n        a ^= b\n        b = carry\n    return a\n";
        assert_eq!(time(unmasked), Linear);
        // Masked, but by an input-sized value, or not shifted: no fixed width bounds the passes, and the
        // older rule for `b = b & ...` (a bit loop over b) counts log n.
        let by_input = "def f(a, b, m):\n    while b:\n        b = ((a & b) << 1) & m\n    return a\n";
        assert_eq!(time(by_input), Log);
        let no_shift = "def f(a, b):\n    while b:\n        b = (b - 1) & 0xFFFFFFFF\n    return a\n";
        assert_eq!(time(no_shift), Log);
        // A masked shift in a temporary that never reaches the tested value bounds nothing.
        let unused = "def f(a, b):\n    while b:\n        carry = ((a & b) << 1) & 0xFFFFFFFF\n        b = b - 1\n    return a\n";
        assert_eq!(time(unused), Linear);
    }

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
