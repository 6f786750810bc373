//! `missing_edge_case` on nodes: `head.next` or `root.val` read from a node parameter that can be None.
//!
//! A node parameter is input that may be empty, unless something says otherwise:
//! - its annotation is the bare node type (`root: TreeNode`, not `Optional[TreeNode]`): the signature
//!   promises a node (see [`crate::analysis::infer::non_null_param`]);
//! - a check in the function, an enclosing test or a loop over it guards it;
//! - it is a helper's parameter (not something the judge calls) and every call in the program passes a
//!   node that is checked at the call, built by the program (`Node(key, value)`), or reached from the
//!   object's own structure (`self.head.next`, a sentinel list the class builds itself).

use std::collections::HashMap;

use rustpython_parser::ast::{self, Expr, Stmt};

use super::edge::checked;
use super::{GuardMemo, Sink};
use crate::analysis::env::Kind;
use crate::analysis::program::Program;
use crate::analysis::walk::{self, Node};
use crate::analysis::FindingKind::MissingEdgeCase;

/// Per unit: the units the judge calls, and for each parameter whether every call in the program passes a
/// node (memoised: a unit can read its parameter many times).
pub(super) struct Helpers<'e, 'a> {
    entries: &'e [usize],
    given: HashMap<&'a str, bool>,
}

impl<'e> Helpers<'e, '_> {
    pub fn new(entries: &'e [usize]) -> Self {
        Helpers { entries, given: HashMap::new() }
    }
}

/// Reports `name.attr` on a node parameter that may be None.
pub(super) fn node_attr<'a>(
    prog: &Program<'a>,
    u: usize,
    a: &'a ast::ExprAttribute,
    anc: &[walk::Anc],
    memo: &mut GuardMemo,
    helpers: &mut Helpers<'_, 'a>,
    sink: &mut Sink,
) {
    if !matches!(a.attr.as_str(), "next" | "left" | "right" | "val") {
        return;
    }
    let Some(name) = walk::name(&a.value) else { return };
    let Some(v) = prog.var(u, name) else { return };
    if !(v.param && v.kind == Kind::Node) || v.non_null || checked(prog, u, name, anc, memo) {
        return;
    }
    if !helpers.entries.contains(&u) && *helpers.given.entry(name).or_insert_with(|| given_nodes(prog, u, name, memo)) {
        return;
    }
    sink.add(
        MissingEdgeCase,
        0.75,
        prog.line(a),
        format!(
            "`{}` is read without checking `{name}` for None; an empty list or tree raises AttributeError.",
            prog.snippet(a)
        ),
        format!("Start with the empty case: `if not {name}: return ...`."),
    );
}

/// Whether every call of unit `u` in the program passes a node for its parameter `param` (and there is at
/// least one call).
fn given_nodes(prog: &Program, u: usize, param: &str, memo: &mut GuardMemo) -> bool {
    let Some(index) = prog.units[u].params.iter().position(|p| p.name == param) else { return false };
    let mut calls = 0;
    let mut all_nodes = true;
    for caller in 0..prog.units.len() {
        walk::walk_block(prog.units[caller].body, &mut |node, anc| {
            let Node::Expr(Expr::Call(c)) = node else { return };
            if prog.resolve(caller, &c.func) != Some(u) {
                return;
            }
            calls += 1;
            let arg = c.args.get(index).or_else(|| {
                c.keywords.iter().find(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == param)).map(|k| &k.value)
            });
            all_nodes &= arg.is_some_and(|arg| a_node(prog, caller, arg, anc, memo));
        });
    }
    calls > 0 && all_nodes
}

/// A value that is a node, not None: built by a class of the program, reached from `self`, or a name that
/// is checked where it is used or only ever bound to such values.
fn a_node(prog: &Program, u: usize, e: &Expr, anc: &[walk::Anc], memo: &mut GuardMemo) -> bool {
    if built_or_owned(prog, e) {
        return true;
    }
    let Some(name) = walk::name(e) else { return false };
    if checked(prog, u, name, anc, memo) {
        return true;
    }
    let mut values = 0;
    let mut all = true;
    walk::each_stmt(prog.units[u].body, &mut |s| {
        if let Stmt::Assign(a) = s {
            if a.targets.iter().any(|t| walk::name(t) == Some(name)) {
                values += 1;
                all &= built_or_owned(prog, &a.value);
            }
        }
    });
    values > 0 && all
}

/// `Node(key, value)` with `Node` a class of the program or a node type (`ListNode(0)`), or an attribute
/// chain on `self`.
fn built_or_owned(prog: &Program, e: &Expr) -> bool {
    match e {
        Expr::Call(c) => walk::name(&c.func).is_some_and(|class| {
            matches!(class, "ListNode" | "TreeNode" | "Node") || prog.units.iter().any(|unit| unit.class == Some(class))
        }),
        Expr::Attribute(a) => walk::name(&a.value) == Some("self") || built_or_owned(prog, &a.value),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::tests::kinds;
    use crate::analysis::FindingKind::MissingEdgeCase;

    fn flagged(src: &str) -> bool {
        kinds(src, None).contains(&MissingEdgeCase)
    }

    #[test]
    fn a_node_annotated_without_optional_is_promised() {
        let with = |annotation: &str| {
            format!("class Solution:\n    def f(self, root{annotation}) -> int:\n        return root.val\n")
        };
        assert!(!flagged(&with(": TreeNode")));
        assert!(!flagged(&with(": 'TreeNode'")));
        assert!(flagged(&with(": Optional[TreeNode]")));
        assert!(flagged(&with(": 'Optional[TreeNode]'")));
        assert!(flagged(&with(": TreeNode | None")));
        assert!(flagged(&with(": TreeNode = None")));
        assert!(flagged(&with("")));
    }

    #[test]
    fn a_helper_given_the_class_own_nodes_is_quiet() {
        let lru = "class Node:\n    def __init__(self, key=0):\n        self.key = key\n        self.prev = self.next = None\n\nclass Cache:\n    def __init__(self):\n        self.map = {}\n        self.head, self.tail = Node(), Node()\n        self.head.next, self.tail.prev = self.tail, self.head\n    def _unlink(self, node):\n        node.prev.next = node.next\n        node.next.prev = node.prev\n    def get(self, key):\n        node = self.map.get(key)\n        if node is None:\n            return -1\n        self._unlink(node)\n        return node.key\n    def evict(self):\n        oldest = self.head.next\n        self._unlink(oldest)\n";
        assert!(!flagged(lru), "{:?}", kinds(lru, None));
        // The same helper handed the judge's input unchecked.
        let input = "class Solution:\n    def f(self, head):\n        return self._second(head)\n    def _second(self, node):\n        return node.next\n";
        assert!(flagged(input));
    }
}
