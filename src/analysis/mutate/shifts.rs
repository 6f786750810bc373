//! One-step repairs the boundary mutants do not make because the step is not on a literal or a `range`:
//! a recursive call that should move past the item it just took (`go(i, ...)` → `go(i + 1, ...)`), a half
//! that should round up (`(m + n) // 2` → `(m + n + 1) // 2`), a comparison with a size that should stop
//! one before it (`j == n` → `j == n - 1`), a table of answers that should start at "no answer"
//! (`[0] * n` → `[-1] * n`), and a final constant answer that is the input's last item
//! (`return -1` → `return nums[-1]`).

use rustpython_parser::ast::{self, Expr, Ranged, Stmt};

use super::{shorten, span, text, Edit, MutantKind};
use crate::analysis::walk;

pub(super) fn shifts(
    src: &str,
    f: &ast::StmtFunctionDef,
    stmts: &[&Stmt],
    sizes: &[&str],
    lists: &[&str],
    out: &mut Vec<Edit>,
) {
    // Loop variables: `for i in range(...)`.
    let mut loop_vars: Vec<&str> = Vec::new();
    for s in stmts {
        if let Stmt::For(fo) = s {
            loop_vars.extend(walk::name(&fo.target));
        }
    }
    // Functions called by name inside this one that are this one or defined in it: recursion.
    let mut own: Vec<&str> = vec![f.name.as_str()];
    for s in stmts {
        if let Stmt::FunctionDef(d) = s {
            own.push(d.name.as_str());
        }
    }
    for s in stmts {
        for (e, _) in walk::stmt_exprs(s) {
            walk::each_expr(e, &mut |x| match x {
                Expr::Call(c) if matches!(c.func.as_ref(), Expr::Name(n) if own.contains(&n.id.as_str())) => {
                    for a in &c.args {
                        let Some(v) = walk::name(a).filter(|v| loop_vars.contains(v)) else { continue };
                        let (a0, a1) = span(a.range());
                        let change = format!("the recursive call goes on from `{v} + 1`");
                        let replacement = format!("{v} + 1");
                        out.push(Edit { kind: MutantKind::Bound, start: a0, end: a1, replacement, change, at: None });
                    }
                }
                // `(pile + speed) // speed`: a ceiling division one too high; `(pile + speed - 1) // speed`.
                Expr::BinOp(b)
                    if b.op == ast::Operator::FloorDiv
                        && matches!(b.left.as_ref(), Expr::BinOp(l) if l.op == ast::Operator::Add && text(src, l.right.as_ref()) == text(src, b.right.as_ref())) =>
                {
                    let (a0, a1) = span(b.left.range());
                    let change = format!("`{}` rounds up by one less", shorten(text(src, x)));
                    let replacement = format!("({} - 1)", text(src, b.left.as_ref()));
                    out.push(Edit { kind: MutantKind::Bound, start: a0, end: a1, replacement, change, at: None });
                }
                Expr::BinOp(b) if b.op == ast::Operator::FloorDiv && walk::int_const(&b.right) == Some(2) => {
                    if matches!(b.left.as_ref(), Expr::BinOp(l) if walk::int_const(&l.right) == Some(1)) {
                        return; // `(n + 1) // 2` already rounds up; its `1` is a literal the mutants move
                    }
                    let (a0, a1) = span(b.left.range());
                    let half = text(src, b.left.as_ref());
                    let change = format!("`{}` rounds up", shorten(text(src, x)));
                    let replacement = format!("({half} + 1)");
                    out.push(Edit { kind: MutantKind::Bound, start: a0, end: a1, replacement, change, at: None });
                }
                Expr::Compare(c) => {
                    for right in &c.comparators {
                        let Some(n) = walk::name(right).filter(|n| sizes.contains(n)) else { continue };
                        let (a0, a1) = span(right.range());
                        for (sign, word) in [("-", "minus"), ("+", "plus")] {
                            let change = format!("the size `{n}` compared {word} one");
                            let replacement = format!("{n} {sign} 1");
                            out.push(Edit {
                                kind: MutantKind::Bound,
                                start: a0,
                                end: a1,
                                replacement,
                                change,
                                at: None,
                            });
                        }
                    }
                }
                // `[0] * len(queries)`: answers that start as a real answer instead of "none".
                Expr::BinOp(b) if b.op == ast::Operator::Mult => {
                    let Expr::List(l) = b.left.as_ref() else { return };
                    if let [v] = &l.elts[..] {
                        if walk::int_const(v) == Some(0) {
                            let (a0, a1) = span(v.range());
                            let change = "the answers start at `-1`".to_string();
                            let replacement = "-1".to_string();
                            out.push(Edit {
                                kind: MutantKind::InitialValue,
                                start: a0,
                                end: a1,
                                replacement,
                                change,
                                at: None,
                            });
                        }
                    }
                }
                _ => {}
            });
        }
    }
    // `for j in range(1, n + 1): ... s2[j]`: a table shifted by one row reads its input at `j - 1`.
    for s in stmts {
        let Stmt::For(fo) = s else { continue };
        let Some(v) = walk::name(&fo.target) else { continue };
        let Expr::Call(c) = fo.iter.as_ref() else { continue };
        // From 1, or with the table read at `[v - 1]` elsewhere: the loop counts rows of a shifted table.
        let from_one = c.args.len() >= 2 && walk::int_const(&c.args[0]) == Some(1);
        let shifted = src[span(f.range).0..span(f.range).1].contains(&format!("[{v} - 1]"));
        if walk::call_name(c) != Some("range") || !(from_one || shifted) {
            continue;
        }
        walk::each_expr_in_block(&fo.body, &mut |x| {
            let Expr::Subscript(sub) = x else { return };
            let (Some(seq), Some(i)) = (walk::name(&sub.value), walk::name(&sub.slice)) else { return };
            if i == v && lists.contains(&seq) {
                let (a0, a1) = span(sub.slice.range());
                let change = format!("`{seq}[{v}]` reads one item earlier");
                out.push(Edit {
                    kind: MutantKind::Bound,
                    start: a0,
                    end: a1,
                    replacement: format!("{v} - 1"),
                    change,
                    at: None,
                });
            }
        });
    }
    // A constant answer after the main loop, when the answer can be the input's last item.
    if let Some(Stmt::Return(r)) = f.body.last() {
        let after_loop = f.body.len() >= 2 && matches!(f.body[f.body.len() - 2], Stmt::For(_) | Stmt::While(_));
        let constant = |v: &&Expr| match v {
            Expr::UnaryOp(u) => matches!(u.operand.as_ref(), Expr::Constant(_)),
            other => matches!(other, Expr::Constant(_)),
        };
        if let (Some(v), true) = (r.value.as_deref().filter(constant), after_loop) {
            let (a0, a1) = span(v.range());
            for list in lists {
                let change = format!("the last answer is `{list}[-1]`");
                let replacement = format!("{list}[-1]");
                out.push(Edit { kind: MutantKind::AddedLastStep, start: a0, end: a1, replacement, change, at: None });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::repairs;

    fn changes(src: &str) -> Vec<String> {
        repairs(src).into_iter().map(|m| format!("{}: {}", m.line, m.change)).collect()
    }

    #[test]
    fn recursion_halves_sizes_tables_and_last_answers_get_their_one_step() {
        let src = "def f(nums, target):\n    n = len(nums)\n    out = [0] * n\n    def go(i, left):\n        for j in range(i, n):\n            go(j, left - nums[j])\n    mid = (n + target) // 2\n    for j in range(n):\n        if j == n:\n            out[j] = mid\n    return -1\n";
        let c = changes(src);
        for want in [
            "6: the recursive call goes on from `j + 1`",
            "7: `(n + target) // 2` rounds up",
            "9: the size `n` compared minus one",
            "3: the answers start at `-1`",
            "11: the last answer is `nums[-1]`",
        ] {
            assert!(c.contains(&want.to_string()), "missing {want} in {c:#?}");
        }
        let koko = "def hours(piles, speed):\n    return sum((p + speed) // speed for p in piles)\n";
        assert!(changes(koko).contains(&"2: `(p + speed) // speed` rounds up by one less".to_string()));
        let dp = "def f(s1, s2):\n    for j in range(1, len(s2) + 1):\n        if s2[j] == s1[0]:\n            return j\n    return 0\n";
        assert!(changes(dp).contains(&"3: `s2[j]` reads one item earlier".to_string()), "{:?}", changes(dp));
        // `(n + 1) // 2` rounds up already.
        assert!(!changes("def f(n):\n    return (n + 1) // 2\n").iter().any(|c| c.contains("rounds up")));
    }
}
