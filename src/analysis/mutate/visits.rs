//! Repairs for checks a walk forgets: a `while` that steps an index past either end of what it reads, an
//! item popped from a heap after it was settled, a mark (`used[i] = True`, `seen.add(x)`) that is set and
//! never asked, a step into a child that may not be there (`node = parent[letter]`), a node read after its
//! list ran out (`l2.val`), a two-step hop (`fast.next.next`) with no look at the first step, and a window
//! start moved back by a position stored long ago (`left = last[ch] + 1`).
//! All are `missing_validation`: a value met during the walk, checked at the operation.

use rustpython_parser::ast::{self, Expr, Ranged, Stmt};

use super::{indent_of, insert, shorten, span, test_of, text, Edit, MutantKind};
use crate::analysis::walk;

/// Every repair of this module for one function's statements.
pub(super) fn visits(src: &str, f: &ast::StmtFunctionDef, stmts: &[&Stmt], out: &mut Vec<Edit>) {
    walks(src, stmts, out);
    settled(src, stmts, out);
    marks(src, stmts, out);
    children(src, f, stmts, out);
    ended_nodes(src, stmts, out);
    hops(src, stmts, out);
    stale(src, stmts, out);
}

/// `left = last[ch] + 1` inside a loop, for a window start that only moves right: a position stored long
/// ago can move it back. It moves to `max(left, ...)`.
fn stale(src: &str, stmts: &[&Stmt], out: &mut Vec<Edit>) {
    for s in stmts {
        let (Stmt::For(_) | Stmt::While(_)) = s else { continue };
        let body = walk::child_blocks(s).first().copied().unwrap_or_default();
        walk::each_stmt(body, &mut |b| {
            let Stmt::Assign(a) = b else { return };
            let Some(v) = a.targets.first().and_then(walk::name).filter(|_| a.targets.len() == 1) else { return };
            // `last[ch] + 1`: a stored position, one past it.
            let stored = matches!(a.value.as_ref(), Expr::BinOp(bo) if bo.op == ast::Operator::Add
                && walk::int_const(&bo.right).is_some()
                && matches!(bo.left.as_ref(), Expr::Subscript(sub) if walk::name(&sub.slice).is_some()));
            if !stored {
                return;
            }
            let (vs, ve) = span(a.value.range());
            let value = &src[vs..ve];
            let change = format!("`{v}` never moves back (`max({v}, {})`)", shorten(value));
            let replacement = format!("max({v}, {value})");
            out.push(Edit { kind: MutantKind::SkippedNone, start: vs, end: ve, replacement, change, at: None });
        });
    }
}

/// Names a loop body moves by `+= c` or `-= c`: `(name, true)` when it goes up.
fn stepped(body: &[Stmt]) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    walk::each_stmt(body, &mut |s| {
        if let Stmt::AugAssign(a) = s {
            let up = match a.op {
                ast::Operator::Add => true,
                ast::Operator::Sub => false,
                _ => return,
            };
            if let Some(n) = walk::name(&a.target) {
                out.push((n, up));
            }
        }
    });
    out
}

/// `while not s[l].isalnum(): l += 1` with no test of `l`: it also stops at the end (or before the other
/// pointer), `while l < r and not s[l].isalnum()`.
fn walks(src: &str, stmts: &[&Stmt], out: &mut Vec<Edit>) {
    for s in stmts {
        let Stmt::While(w) = s else { continue };
        let test = w.test.as_ref();
        let t = text(src, test);
        let mut reads: Vec<(String, &str)> = Vec::new();
        walk::each_expr(test, &mut |x| {
            let Expr::Subscript(sub) = x else { return };
            let Some(i) = walk::name(&sub.slice) else { return };
            let seq = text(src, sub.value.as_ref()).to_string();
            if !reads.iter().any(|(s, n)| *s == seq && *n == i) {
                reads.push((seq, i));
            }
        });
        let compared = |n: &str| {
            let mut yes = false;
            walk::each_expr(test, &mut |x| {
                if let Expr::Compare(c) = x {
                    let ordered = c
                        .ops
                        .iter()
                        .any(|o| matches!(o, ast::CmpOp::Lt | ast::CmpOp::LtE | ast::CmpOp::Gt | ast::CmpOp::GtE));
                    yes |=
                        ordered && (walk::mentions(&c.left, n) || c.comparators.iter().any(|e| walk::mentions(e, n)));
                }
            });
            yes
        };
        // The other pointers of the enclosing walk (`r` in `while l < r`), for `l < r` as the stop.
        let mut others: Vec<String> = Vec::new();
        for outer in stmts {
            let Some(ot) = test_of(outer) else { continue };
            let (os, oe) = span(outer.range());
            let (ws, we) = span(s.range());
            if os < ws && we <= oe {
                if let Expr::Compare(c) = ot {
                    if let ([op], [right]) = (&c.ops[..], &c.comparators[..]) {
                        if matches!(op, ast::CmpOp::Lt | ast::CmpOp::LtE) {
                            others.push(format!(
                                "{} {} {}",
                                text(src, c.left.as_ref()),
                                if *op == ast::CmpOp::Lt { "<" } else { "<=" },
                                text(src, right)
                            ));
                        }
                    }
                }
            }
        }
        let (ts, te) = span(test.range());
        for (seq, i) in reads {
            for (n, up) in stepped(&w.body) {
                if n != i || compared(i) {
                    continue;
                }
                let mut guards = vec![if up { format!("{i} < len({seq})") } else { format!("{i} >= 0") }];
                guards.extend(others.iter().filter(|o| o.contains(i)).cloned());
                for g in guards {
                    let replacement = format!("{g} and ({t})");
                    let change = format!("the loop `while {}` also stops at `{g}`", shorten(t));
                    out.push(Edit { kind: MutantKind::BoundsCheck, start: ts, end: te, replacement, change, at: None });
                }
            }
        }
    }
}

/// `d, node = heappop(heap)` then `seen.add(node)` (or `seen[node] = ...`, `done[node] = True`) with no
/// test that `node` was settled before: an item pushed twice is handled twice. The pop is followed by that
/// test.
fn settled(src: &str, stmts: &[&Stmt], out: &mut Vec<Edit>) {
    for s in stmts {
        let Stmt::While(w) = s else { continue };
        let Some(Stmt::Assign(pop)) = w.body.first() else { continue };
        let Expr::Call(c) = pop.value.as_ref() else { continue };
        if !matches!(walk::call_name(c), Some("heappop" | "popleft" | "pop")) {
            continue;
        }
        let popped: Vec<&str> = match &pop.targets[..] {
            [Expr::Tuple(t)] => t.elts.iter().filter_map(walk::name).collect(),
            [one] => walk::name(one).into_iter().collect(),
            _ => continue,
        };
        let body = &w.body[1..];
        // The loop's own text: its header asks nothing about the popped item.
        let body_text = text(src, *s);
        let Some(next) = body.first() else { continue };
        let start = span(next.range()).0;
        let Some(ind) = indent_of(src, start) else { continue };
        for item in popped {
            let mut tests: Vec<String> = Vec::new();
            walk::each_stmt(body, &mut |b| {
                let found = match b {
                    Stmt::Expr(e) => match e.value.as_ref() {
                        Expr::Call(c)
                            if walk::call_name(c) == Some("add")
                                && c.args.first().and_then(walk::name) == Some(item) =>
                        {
                            walk::receiver(c).and_then(walk::name).map(|set| format!("{item} in {set}"))
                        }
                        _ => None,
                    },
                    Stmt::Assign(a) => match a.targets.first() {
                        Some(Expr::Subscript(sub)) if walk::name(&sub.slice) == Some(item) => {
                            let d = text(src, sub.value.as_ref());
                            let boolean = matches!(a.value.as_ref(), Expr::Constant(k) if matches!(k.value, ast::Constant::Bool(true)));
                            Some(if boolean { format!("{d}[{item}]") } else { format!("{item} in {d}") })
                        }
                        _ => None,
                    },
                    _ => None,
                };
                if let Some(t) = found.filter(|t| !tests.contains(t)) {
                    tests.push(t);
                }
            });
            for t in tests {
                // A walk that already asks is not missing the check.
                if body_text.contains(&format!("if {t}")) || body_text.contains(&format!("not {t}")) {
                    continue;
                }
                let code = format!("if {t}:\n{ind}    continue\n{ind}");
                let change = format!("an item popped again after `{t}` is skipped");
                out.push(insert(MutantKind::SkippedNone, start, code, change, Some(span(pop.range).0)));
            }
        }
    }
}

/// `for i in range(n): used[i] = True; ...` (or `seen.add(x)`) where nothing asks `used[i]` (or `x in
/// seen`): the loop skips what is marked.
fn marks(src: &str, stmts: &[&Stmt], out: &mut Vec<Edit>) {
    for s in stmts {
        let Stmt::For(fo) = s else { continue };
        let Some(v) = walk::name(&fo.target) else { continue };
        let Some(first) = fo.body.first() else { continue };
        let start = span(first.range()).0;
        let Some(ind) = indent_of(src, start) else { continue };
        let body_text = text(src, *s);
        let mut tests: Vec<String> = Vec::new();
        walk::each_stmt(&fo.body, &mut |b| {
            let t = match b {
                Stmt::Assign(a) => match (a.targets.first(), a.value.as_ref()) {
                    (Some(Expr::Subscript(sub)), Expr::Constant(k))
                        if walk::name(&sub.slice) == Some(v) && matches!(k.value, ast::Constant::Bool(true)) =>
                    {
                        Some(format!("{}[{v}]", text(src, sub.value.as_ref())))
                    }
                    _ => None,
                },
                Stmt::Expr(e) => match e.value.as_ref() {
                    Expr::Call(c)
                        if walk::call_name(c) == Some("add") && c.args.first().and_then(walk::name) == Some(v) =>
                    {
                        walk::receiver(c).map(|set| format!("{v} in {}", text(src, set)))
                    }
                    _ => None,
                },
                _ => None,
            };
            if let Some(t) = t.filter(|t| !tests.contains(t)) {
                tests.push(t);
            }
        });
        for t in tests {
            if body_text.matches(&t).count() > 1 || body_text.contains(&format!("if {t}")) {
                continue;
            }
            let code = format!("if {t}:\n{ind}    continue\n{ind}");
            let change = format!("the loop skips what is marked (`{t}`)");
            out.push(insert(MutantKind::SkippedNone, start, code, change, None));
        }
    }
}

/// `node = parent[letter]` in a function that never asks `letter in parent`: a step into a child that may
/// not be there ends the walk (`return`, and `return False` too when the function answers something).
fn children(src: &str, f: &ast::StmtFunctionDef, stmts: &[&Stmt], out: &mut Vec<Edit>) {
    let (fs, fe) = span(f.range);
    let fn_text = &src[fs..fe];
    // A function that answers (`return "$" in node`) most often answers False for a missing child.
    let answers = stmts.iter().any(|s| matches!(s, Stmt::Return(r) if r.value.is_some()));
    let stops: &[&str] = if answers { &["return False", "return"] } else { &["return"] };
    let mut done: Vec<&str> = Vec::new();
    for s in stmts {
        let Stmt::Assign(a) = s else { continue };
        let Expr::Subscript(sub) = a.value.as_ref() else { continue };
        let (Some(k), true) =
            (walk::name(&sub.slice), matches!(sub.value.as_ref(), Expr::Name(_) | Expr::Attribute(_)))
        else {
            continue;
        };
        let d = text(src, sub.value.as_ref());
        if fn_text.contains(&format!("{k} in {d}")) || fn_text.contains(&format!("{k} not in {d}")) || done.contains(&d)
        {
            continue;
        }
        let start = span(s.range()).0;
        let Some(ind) = indent_of(src, start) else { continue };
        for stop in stops {
            let code = format!("if {k} not in {d}:\n{ind}    {stop}\n{ind}");
            let change = format!("the walk stops when `{k}` is not in `{}`", shorten(d));
            out.push(insert(MutantKind::KeyDefault, start, code, change, None));
        }
        done.push(d);
    }
}

/// `b = l2.val` where `l2` is walked (`l2 = l2.next`) until it runs out: read as 0 once it has.
fn ended_nodes(src: &str, stmts: &[&Stmt], out: &mut Vec<Edit>) {
    let walked: Vec<&str> = stmts
        .iter()
        .filter_map(|s| match s {
            Stmt::Assign(a) => {
                let t = a.targets.first().and_then(walk::name)?;
                // `l2 = l2.next`, or `l2 = l2.next if l2 else None`.
                let step = match a.value.as_ref() {
                    Expr::IfExp(i) => i.body.as_ref(),
                    other => other,
                };
                matches!(step, Expr::Attribute(at) if walk::name(&at.value) == Some(t)).then_some(t)
            }
            _ => None,
        })
        .collect();
    for s in stmts {
        let Stmt::Assign(a) = s else { continue };
        let Expr::Attribute(at) = a.value.as_ref() else { continue };
        let Some(n) = walk::name(&at.value).filter(|n| walked.contains(n)) else { continue };
        if at.attr.as_str() == "next" {
            continue;
        }
        let (vs, ve) = span(a.value.range());
        let read = &src[vs..ve];
        let replacement = format!("({read} if {n} else 0)");
        let change = format!("`{read}` reads 0 once `{n}` has run out");
        out.push(Edit { kind: MutantKind::SkippedNone, start: vs, end: ve, replacement, change, at: None });
    }
}

/// `fast = fast.next.next` in `while fast:`: the loop also needs `fast.next`.
fn hops(src: &str, stmts: &[&Stmt], out: &mut Vec<Edit>) {
    for s in stmts {
        let Stmt::While(w) = s else { continue };
        let t = text(src, w.test.as_ref());
        let mut firsts: Vec<(String, usize)> = Vec::new();
        walk::each_expr_in_block(&w.body, &mut |x| {
            let Expr::Attribute(a) = x else { return };
            let Expr::Attribute(inner) = a.value.as_ref() else { return };
            let Some(n) = walk::name(&inner.value) else { return };
            let first = text(src, a.value.as_ref()).to_string();
            if walk::mentions(&w.test, n) && !t.contains(&first) && !firsts.iter().any(|(f, _)| *f == first) {
                firsts.push((first, span(x.range()).0));
            }
        });
        let (ts, te) = span(w.test.range());
        for (first, at) in firsts {
            let replacement = format!("({t}) and {first}");
            let change = format!("the loop `while {}` also needs `{first}`", shorten(t));
            out.push(Edit { kind: MutantKind::BoundsCheck, start: ts, end: te, replacement, change, at: Some(at) });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::repairs;

    fn changes(src: &str) -> Vec<String> {
        repairs(src).into_iter().map(|m| format!("{}: {}", m.line, m.change)).collect()
    }

    fn has(c: &[String], want: &str) {
        assert!(c.iter().any(|c| c == want), "missing {want} in {c:#?}");
    }

    #[test]
    fn a_skipping_walk_stops_at_the_end_and_at_the_other_pointer() {
        let src = "def f(s):\n    l, r = 0, len(s) - 1\n    while l < r:\n        while not s[l].isalnum():\n            l += 1\n        r -= 1\n    return True\n";
        let c = changes(src);
        has(&c, "4: the loop `while not s[l].isalnum()` also stops at `l < len(s)`");
        has(&c, "4: the loop `while not s[l].isalnum()` also stops at `l < r`");
    }

    #[test]
    fn a_settled_item_popped_again_and_a_mark_never_asked_are_skipped() {
        let src = "import heapq\ndef f(n, k):\n    heap, done = [(0, k)], set()\n    while heap:\n        t, node = heapq.heappop(heap)\n        done.add(node)\n    used = [False] * n\n    for i in range(n):\n        used[i] = True\n    return done\n";
        let c = changes(src);
        has(&c, "5: an item popped again after `node in done` is skipped");
        has(&c, "9: the loop skips what is marked (`used[i]`)");
    }

    #[test]
    fn a_window_start_read_from_a_table_never_moves_back() {
        let src = "def f(s):\n    last, left, best = {}, 0, 0\n    for i, ch in enumerate(s):\n        if ch in last:\n            left = last[ch] + 1\n        last[ch] = i\n        best = max(best, i - left + 1)\n    return best\n";
        has(&changes(src), "5: `left` never moves back (`max(left, last[ch] + 1)`)");
    }

    #[test]
    fn children_ended_lists_and_two_step_hops_are_checked() {
        let src = "def f(parent, letter, l2, fast):\n    node = parent[letter]\n    while l2:\n        b = l2.val\n        l2 = l2.next if l2 else None\n    while fast:\n        fast = fast.next.next\n    return node\n";
        let c = changes(src);
        has(&c, "2: the walk stops when `letter` is not in `parent`");
        let trie =
            "def search(root, word):\n    node = root\n    for ch in word:\n        node = node[ch]\n    return True\n";
        let walked = repairs(trie);
        let stop = walked.iter().find(|m| m.change == "the walk stops when `ch` is not in `node`").expect("a stop");
        assert!(
            stop.source.contains(
                "    for ch in word:\n        if ch not in node:\n            return False\n        node = node[ch]"
            ),
            "{}",
            stop.source
        );
        has(&c, "4: `l2.val` reads 0 once `l2` has run out");
        has(&c, "7: the loop `while fast` also needs `fast.next`");
    }
}
