//! Union-find: a walk up a parent array that compresses the paths it walks is amortised near-constant.
//!
//! `find` in a disjoint-set forest walks `while parent[x] != x: x = parent[x]`, which on its own can take n
//! steps, so a loop over the edges that calls it would be O(n^2). With path compression every walk shortens
//! the paths it took, and the walks over a whole run add up to O(n α(n)) with union by rank or size, or
//! O(n log n) without it. The estimator does not tell those two apart: it charges a compressing walk O(1).
//!
//! Compression is recognised in three shapes, all on the same parent array `P`:
//! - halving in the walk itself: `P[x] = P[P[x]]` before `x = P[x]`;
//! - a second pass that points each node of the path at the root: `while x != root: P[x], x = root, P[x]`
//!   (or through a temporary); the first pass, `while P[r] != r: r = P[r]`, then counts as compressing too
//!   because the same function runs the second;
//! - recursion: `P[x] = find(P[x])`, every self-call's result stored back at the index it was asked about.
//!
//! A walk with no write back into `P` (or a write of something else) stays O(n).

use rustpython_parser::ast::{self, Expr, Stmt};

use crate::analysis::program::Program;
use crate::analysis::walk;

/// Whether two expressions are the same name, attribute chain or subscript (ignoring positions).
fn same(a: &Expr, b: &Expr) -> bool {
    match (a, b) {
        (Expr::Name(x), Expr::Name(y)) => x.id == y.id,
        (Expr::Attribute(x), Expr::Attribute(y)) => x.attr == y.attr && same(&x.value, &y.value),
        (Expr::Subscript(x), Expr::Subscript(y)) => same(&x.value, &y.value) && same(&x.slice, &y.slice),
        _ => walk::int_const(a).is_some() && walk::int_const(a) == walk::int_const(b),
    }
}

/// `P[i]` as `(P, i)`.
fn index(e: &Expr) -> Option<(&Expr, &Expr)> {
    match e {
        Expr::Subscript(s) => Some((&s.value, &s.slice)),
        _ => None,
    }
}

/// `P[v] != v` (either way round): the walk's array and cursor.
fn walk_test(test: &Expr) -> Option<(&Expr, &str)> {
    let Expr::Compare(c) = test else { return None };
    let ([ast::CmpOp::NotEq], [right]) = (c.ops.as_slice(), c.comparators.as_slice()) else { return None };
    [(c.left.as_ref(), right), (right, c.left.as_ref())].into_iter().find_map(|(sub, v)| {
        let (p, i) = index(sub)?;
        let v = walk::name(v)?;
        (walk::name(i) == Some(v)).then_some((p, v))
    })
}

/// Whether the body moves `v` one step up `p`: `v = P[v]`, or `nxt = P[v]` ... `v = nxt`.
fn steps_up(body: &[Stmt], p: &Expr, v: &str) -> bool {
    let pairs = walk::assignments(body);
    let parent_of_v = |e: &Expr| index(e).is_some_and(|(q, i)| same(q, p) && walk::name(i) == Some(v));
    let temps: Vec<&str> = pairs.iter().filter(|(_, e)| parent_of_v(e)).filter_map(|(t, _)| walk::name(t)).collect();
    pairs
        .iter()
        .any(|(t, e)| walk::name(t) == Some(v) && (parent_of_v(e) || walk::name(e).is_some_and(|n| temps.contains(&n))))
}

/// Whether the body writes `P[v] = P[P[v]]` (path halving).
fn halves_path(body: &[Stmt], p: &Expr, v: &str) -> bool {
    walk::assignments(body).iter().any(|(t, e)| {
        let Some((q, i)) = index(t) else { return false };
        let Some((q2, inner)) = index(e) else { return false };
        same(q, p) && walk::name(i) == Some(v) && same(q2, p) && same(inner, t)
    })
}

/// `while v != root:` that points each node at `root` (`P[v] = root`) while stepping `v` up `P`.
fn points_at_root(w: &ast::StmtWhile) -> Option<&Expr> {
    let Expr::Compare(c) = w.test.as_ref() else { return None };
    let ([ast::CmpOp::NotEq], [right]) = (c.ops.as_slice(), c.comparators.as_slice()) else { return None };
    let pairs = walk::assignments(&w.body);
    [(c.left.as_ref(), right), (right, c.left.as_ref())].into_iter().find_map(|(v, root)| {
        let v = walk::name(v)?;
        let root = walk::name(root)?;
        let p = pairs.iter().find_map(|(t, e)| {
            let (p, i) = index(t)?;
            (walk::name(i) == Some(v) && walk::name(e) == Some(root)).then_some(p)
        })?;
        let root_fixed = !pairs.iter().any(|(t, _)| walk::name(t) == Some(root));
        (root_fixed && steps_up(&w.body, p, v)).then_some(p)
    })
}

/// A `while` loop that walks up a parent array and compresses what it walks (see the module header).
pub(super) fn compressing_walk(prog: &Program, u: usize, w: &ast::StmtWhile) -> bool {
    if points_at_root(w).is_some() {
        return true;
    }
    let Some((p, v)) = walk_test(&w.test) else { return false };
    if !steps_up(&w.body, p, v) {
        return false;
    }
    if halves_path(&w.body, p, v) {
        return true;
    }
    let mut second_pass = false;
    walk::each_stmt(prog.units[u].body, &mut |s| {
        if let Stmt::While(other) = s {
            second_pass |= points_at_root(other).is_some_and(|q| same(q, p));
        }
    });
    second_pass
}

/// Recursion whose every self-call is `P[i] = f(P[i])`: the recursive form of path compression.
pub(super) fn compressing_recursion(prog: &Program, u: usize, calls: usize) -> bool {
    let mut compressing = 0;
    for (t, e) in walk::assignments(prog.units[u].body) {
        let Expr::Call(c) = e else { continue };
        let ([arg], Some((p, i))) = (c.args.as_slice(), index(t)) else { continue };
        let asks_parent = index(arg).is_some_and(|(q, j)| same(q, p) && same(j, i));
        if prog.resolve(u, &c.func) == Some(u) && asks_parent {
            compressing += 1;
        }
    }
    calls > 0 && compressing == calls
}

#[cfg(test)]
mod tests {
    use crate::analysis::tests::time;
    use crate::complexity::Complexity::*;

    /// A union-find over the edges with the given `find`, the shape of the bank's graph references.
    fn over_edges(find: &str) -> String {
        format!(
            "def f(n, edges):\n    parent = list(range(n))\n{find}\n    count = n\n    for a, b in edges:\n        ra, rb = find(a), find(b)\n        if ra != rb:\n            parent[ra] = rb\n            count -= 1\n    return count\n"
        )
    }

    #[test]
    fn path_compression_makes_find_amortised_constant() {
        let halving = "    def find(x):\n        while parent[x] != x:\n            parent[x] = parent[parent[x]]\n            x = parent[x]\n        return x\n";
        assert_eq!(time(&over_edges(halving)), Linear);
        let two_pass = "    def find(x):\n        root = x\n        while parent[root] != root:\n            root = parent[root]\n        while x != root:\n            parent[x], x = root, parent[x]\n        return root\n";
        assert_eq!(time(&over_edges(two_pass)), Linear);
        let with_temp = "    def find(x):\n        root = x\n        while root != parent[root]:\n            root = parent[root]\n        while x != root:\n            nxt = parent[x]\n            parent[x] = root\n            x = nxt\n        return root\n";
        assert_eq!(time(&over_edges(with_temp)), Linear);
        let recursive = "    def find(x):\n        if parent[x] != x:\n            parent[x] = find(parent[x])\n        return parent[x]\n";
        assert_eq!(time(&over_edges(recursive)), Linear);
    }

    #[test]
    fn a_walk_without_compression_stays_linear_per_call() {
        let plain = "    def find(x):\n        while parent[x] != x:\n            x = parent[x]\n        return x\n";
        assert_eq!(time(&over_edges(plain)), Quadratic);
        // A write into the array that is not a shortcut to an ancestor compresses nothing.
        let other_write = "    def find(x):\n        while parent[x] != x:\n            parent[x] = x\n            x = parent[x]\n        return x\n";
        assert_eq!(time(&over_edges(other_write)), Quadratic);
        // Halving on another array does not shorten this one's paths.
        let elsewhere = "    def find(x):\n        while parent[x] != x:\n            rank[x] = rank[rank[x]]\n            x = parent[x]\n        return x\n";
        assert_eq!(time(&over_edges(elsewhere)), Quadratic);
        // A second pass whose target moves is not pointing nodes at one root.
        let moving = "    def find(x):\n        root = x\n        while parent[root] != root:\n            root = parent[root]\n        while x != root:\n            parent[x], x = root, parent[x]\n            root = parent[root]\n        return root\n";
        assert_eq!(time(&over_edges(moving)), Quadratic);
        let recursive_plain =
            "    def find(x):\n        if parent[x] != x:\n            return find(parent[x])\n        return x\n";
        assert_eq!(time(&over_edges(recursive_plain)), Quadratic);
    }
}
