//! Walks over linked structures whose inner loops add up to n over the whole run:
//!
//! - an in-order descent `while node: stack.append(node); node = node.left` inside a loop that pops
//!   `stack`: each node is pushed once and popped once;
//! - blocks of a linked list: inside `while True:` that ends only when an inner walk runs off the list
//!   ("fewer than k nodes remain"), the loops that step node pointers each cover one block.
//!
//! These are shapes, not proofs (a loop that restarts a walk from one node further each time has the
//! same syntax as one that jumps a whole block); the labelled corpora and the bank keep them honest.

use rustpython_parser::ast::{self, Expr, Stmt};

use super::amortised::{assigned_outside, popped_in_stmts};
use super::Enclosing;
use crate::analysis::walk;

/// `while node: stack.append(node); node = node.left` inside a loop that pops `stack`: the descent pushes
/// each node it passes, the enclosing loop pops one per pass, so the descents add up to the number of nodes.
pub(super) fn descends_onto_stack(w_stmt: &Stmt, w: &ast::StmtWhile, enc: Enclosing) -> bool {
    let Some(node) = pointer_test(&w.test) else { return false };
    if !steps_link(&w.body).contains(&node) {
        return false;
    }
    let mut pushed: Vec<&str> = Vec::new();
    walk::each_expr_in_block(&w.body, &mut |x| {
        if let Expr::Call(c) = x {
            if walk::call_name(c) == Some("append") && c.args.first().is_some_and(|a| walk::mentions(a, node)) {
                pushed.extend(walk::receiver(c).and_then(walk::name));
            }
        }
    });
    let popped_outside = popped_in_stmts(enc.body.iter().filter(|s| !std::ptr::eq(*s, w_stmt)));
    pushed.iter().any(|st| popped_outside.contains(st) && !assigned_outside(enc.body, w_stmt, st))
}

/// Blocks of a linked list: `enc` is a `while True:` whose way out is an inner walk that returns when its
/// pointer runs off the list (fewer than k nodes remain), and `body` (an inner loop's) steps a node pointer.
/// Such a loop handles the list block by block, and each inner walk covers one block.
pub(super) fn blocks(enc: Enclosing, body: &[Stmt]) -> bool {
    let Stmt::While(outer) = enc.stmt else { return false };
    let always = walk::int_const(&outer.test).is_some_and(|v| v != 0);
    if !always || steps_link(body).is_empty() {
        return false;
    }
    enc.body.iter().any(|s| {
        let inner: &[Stmt] = match s {
            Stmt::For(f) => &f.body,
            Stmt::While(w) => &w.body,
            _ => return false,
        };
        steps_link(inner).iter().any(|p| returns_at_end(inner, p))
    })
}

/// `node`, `node is not None`, `node != None`: the node pointer a `while` test follows.
fn pointer_test(test: &Expr) -> Option<&str> {
    match test {
        Expr::Name(n) => Some(n.id.as_str()),
        Expr::Compare(c)
            if matches!(c.ops.as_slice(), [ast::CmpOp::IsNot | ast::CmpOp::NotEq])
                && c.comparators.first().is_some_and(is_none) =>
        {
            walk::name(&c.left)
        }
        _ => None,
    }
}

fn is_none(e: &Expr) -> bool {
    matches!(e, Expr::Constant(c) if matches!(c.value, ast::Constant::None))
}

/// Names stepped along a link in `body`: `p = p.next`, or `..., p = ..., p.next` in a tuple assignment.
fn steps_link(body: &[Stmt]) -> Vec<&str> {
    walk::assignments(body)
        .into_iter()
        .filter_map(|(t, v)| {
            let (p, Expr::Attribute(a)) = (walk::name(t)?, v) else { return None };
            (walk::name(&a.value) == Some(p)).then_some(p)
        })
        .collect()
}

/// `if p is None: return ...` (or `if not p:`) somewhere in `body`.
fn returns_at_end(body: &[Stmt], p: &str) -> bool {
    let mut found = false;
    walk::each_stmt(body, &mut |s| {
        let Stmt::If(i) = s else { return };
        let tests_none = match i.test.as_ref() {
            Expr::UnaryOp(un) if un.op == ast::UnaryOp::Not => walk::name(&un.operand) == Some(p),
            Expr::Compare(c) => {
                walk::name(&c.left) == Some(p)
                    && matches!(c.ops.as_slice(), [ast::CmpOp::Is | ast::CmpOp::Eq])
                    && c.comparators.first().is_some_and(is_none)
            }
            _ => false,
        };
        found |= tests_none && matches!(i.body.last(), Some(Stmt::Return(_)));
    });
    found
}

#[cfg(test)]
mod tests {
    use crate::analysis::tests::time;
    use crate::complexity::Complexity::*;

    #[test]
    fn an_in_order_walk_with_a_stack_is_linear() {
        let inorder = "def f(root, k):\n    stack = []\n    node = root\n    while stack or node:\n        while node:\n            stack.append(node)\n            node = node.left\n        node = stack.pop()\n        k -= 1\n        if k == 0:\n            return node.val\n        node = node.right\n    return -1\n";
        assert_eq!(time(inorder), Linear);
        // A descent restarted from the root for every item, with nothing pushed: n walks of up to n nodes.
        let per_item = "def f(root, nums):\n    out = 0\n    for x in nums:\n        node = root\n        while node:\n            node = node.left\n        out += 1\n    return out\n";
        assert_eq!(time(per_item), Quadratic);
    }

    #[test]
    fn blocks_of_a_linked_list_are_linear() {
        let k_group = "def f(head, k):\n    dummy = ListNode(0, head)\n    before = dummy\n    while True:\n        last = before\n        for _ in range(k):\n            last = last.next\n            if last is None:\n                return dummy.next\n        after = last.next\n        first = before.next\n        prev, cur = after, first\n        while cur is not after:\n            cur.next, prev, cur = prev, cur, cur.next\n        before.next = last\n        before = first\n";
        assert_eq!(time(k_group), Linear);
        // A walk of k nodes from every node (the loop ends with the cursor, not the walk): O(n k).
        let from_each = "def f(head, k):\n    count = 0\n    cur = head\n    while cur:\n        p = cur\n        for _ in range(k):\n            if p is None:\n                return count\n            p = p.next\n        count += 1\n        cur = cur.next\n    return count\n";
        assert_eq!(time(from_each), Quadratic);
    }
}
