//! Repairs that add a check the code never makes at all (where [`super::repairs`]' grid repairs complete a
//! check that is there): a grid read with no bounds test, a design method that reads a key it was given
//! without asking whether it is stored, and a 1-based count used as a 0-based index.

use rustpython_parser::ast::{self, Expr, Ranged, Stmt};

use super::{indent_of, insert, shorten, span, test_of, text, Edit, MutantKind};
use crate::analysis::walk;

/// `if grid[nr][nc] == "1":` with no test of `nr` or `nc` against a size: the test also checks that the
/// position is inside the grid.
pub(super) fn unbounded_cells(src: &str, stmts: &[&Stmt], out: &mut Vec<Edit>) {
    for s in stmts {
        let Some(test) = test_of(s) else { continue };
        let mut ordered = false;
        let mut cells: Vec<(String, String, String)> = Vec::new();
        walk::each_expr(test, &mut |x| match x {
            Expr::Compare(c)
                if c.ops
                    .iter()
                    .any(|op| matches!(op, ast::CmpOp::Lt | ast::CmpOp::LtE | ast::CmpOp::Gt | ast::CmpOp::GtE)) =>
            {
                ordered = true;
            }
            Expr::Subscript(outer) => {
                let Expr::Subscript(inner) = outer.value.as_ref() else { return };
                let (Some(g), Some(r), Some(c)) =
                    (walk::name(&inner.value), walk::name(&inner.slice), walk::name(&outer.slice))
                else {
                    return;
                };
                let cell = (g.to_string(), r.to_string(), c.to_string());
                if !cells.contains(&cell) {
                    cells.push(cell);
                }
            }
            _ => {}
        });
        if ordered {
            continue;
        }
        // A test that turns the walk away (`if grid[r][c] != "O": continue`) turns it away outside too.
        let turns_away = matches!(s, Stmt::If(i) if matches!(i.body.first(), Some(Stmt::Continue(_) | Stmt::Return(_) | Stmt::Break(_))));
        let (ts, te) = span(test.range());
        for (g, r, c) in cells {
            let t = text(src, test);
            let inside = format!("0 <= {r} < len({g}) and 0 <= {c} < len({g}[0])");
            let replacement = match turns_away {
                true => format!("(not ({inside}) or ({t}))"),
                false => format!("({inside} and ({t}))"),
            };
            let change = format!("the test `{}` first checks that `({r}, {c})` is inside `{g}`", shorten(t));
            out.push(Edit { kind: MutantKind::BoundsCheck, start: ts, end: te, replacement, change, at: None });
        }
    }
}

/// Reads in a test that can fall off a sequence or a chain: `p[j + 1]` with no test of `j + 1` against
/// `len(p)` (and `s[i - 1]` against 0), and `fast.next.next` with no test of `fast.next`. The test first
/// checks that the read is possible.
pub(super) fn unguarded_reads(src: &str, stmts: &[&Stmt], out: &mut Vec<Edit>) {
    for s in stmts {
        let Some(test) = test_of(s) else { continue };
        let t = text(src, test);
        let mut guards: Vec<(String, String)> = Vec::new();
        walk::each_expr(test, &mut |x| match x {
            Expr::Subscript(sub) => {
                let Expr::BinOp(b) = sub.slice.as_ref() else { return };
                let (Some(_), Some(1)) = (walk::name(&b.left), walk::int_const(&b.right)) else { return };
                let (seq, index) = (text(src, sub.value.as_ref()), text(src, sub.slice.as_ref()));
                let guard = match b.op {
                    ast::Operator::Add => format!("{index} < len({seq})"),
                    ast::Operator::Sub => format!("{index} >= 0"),
                    _ => return,
                };
                if !t.contains(&guard) && !guards.iter().any(|(g, _)| *g == guard) {
                    guards.push((guard, format!("`{}` is inside `{seq}`", shorten(index))));
                }
            }
            Expr::Attribute(a) => {
                let Expr::Attribute(inner) = a.value.as_ref() else { return };
                if !matches!(inner.value.as_ref(), Expr::Name(_)) {
                    return;
                }
                let guard = text(src, a.value.as_ref());
                if !guards.iter().any(|(g, _)| *g == guard) {
                    guards.push((guard.to_string(), format!("`{guard}` exists")));
                }
            }
            _ => {}
        });
        let (ts, te) = span(test.range());
        for (guard, what) in guards {
            let replacement = format!("({guard} and ({t}))");
            let change = format!("the test `{}` first checks that {what}", shorten(t));
            out.push(Edit { kind: MutantKind::BoundsCheck, start: ts, end: te, replacement, change, at: None });
        }
    }
}

/// `tails[i] = x` where `i` is a position the code computed (not a loop's own counter): the position can
/// be one past the end, where the value is appended instead.
pub(super) fn writes_past_end(src: &str, stmts: &[&Stmt], out: &mut Vec<Edit>) {
    let mut loop_vars: Vec<&str> = Vec::new();
    for s in stmts {
        if let Stmt::For(l) = s {
            walk::each_expr(&l.target, &mut |x| loop_vars.extend(walk::name(x)));
        }
    }
    for s in stmts {
        let Stmt::Assign(a) = s else { continue };
        let [Expr::Subscript(sub)] = a.targets.as_slice() else { continue };
        let (Some(seq), Some(i)) = (walk::name(&sub.value), walk::name(&sub.slice)) else { continue };
        if loop_vars.contains(&i) {
            continue;
        }
        let (start, end) = span(s.range());
        let Some(ind) = indent_of(src, start) else { continue };
        let value = text(src, a.value.as_ref());
        let replacement =
            format!("if {i} == len({seq}):\n{ind}    {seq}.append({value})\n{ind}else:\n{ind}    {}", text(src, *s));
        let change = format!("`{seq}[{i}]` is appended when `{i}` is one past the end of `{seq}`");
        out.push(Edit { kind: MutantKind::BoundsCheck, start, end, replacement, change, at: None });
    }
}

/// `result = []`, returned, that collects copies of a list the code builds (`result.append(path[:])`):
/// when copies are taken only after an item is added, the empty one is never among them. Started with it.
pub(super) fn empty_answer_left_out(fn_text: &str, stmts: &[&Stmt], out: &mut Vec<Edit>) {
    for s in stmts {
        let Stmt::Assign(a) = s else { continue };
        let ([target], Expr::List(l)) = (a.targets.as_slice(), a.value.as_ref()) else { continue };
        let Some(n) = walk::name(target).filter(|_| l.elts.is_empty()) else { continue };
        let copies =
            [format!("{n}.append(list("), format!("{n}.append(sorted(")].iter().any(|c| fn_text.contains(c.as_str()))
                || fn_text.match_indices(&format!("{n}.append(")).any(|(i, _)| {
                    fn_text[i..].lines().next().is_some_and(|l| l.contains("[:]") || l.contains(".copy()"))
                });
        let returned =
            stmts.iter().any(|s| matches!(s, Stmt::Return(r) if r.value.as_deref().and_then(walk::name) == Some(n)));
        if !copies || !returned {
            continue;
        }
        let (vs, ve) = span(a.value.range());
        let change = format!("`{n}` starts with the empty answer `[]` in it");
        out.push(Edit {
            kind: MutantKind::InitialValue,
            start: vs,
            end: ve,
            replacement: "[[]]".into(),
            change,
            at: None,
        });
    }
}

/// `left = stack[-1]` inside a loop, on a collection the code fills (and pops): the loop stops first
/// when it is empty.
pub(super) fn unguarded_peeks(src: &str, body: &[Stmt], inputs: &[&str], in_loop: bool, out: &mut Vec<Edit>) {
    for s in body {
        if let (true, Stmt::Assign(a)) = (in_loop, s) {
            let mut peeked: Option<String> = None;
            walk::each_expr(&a.value, &mut |x| {
                let Expr::Subscript(sub) = x else { return };
                let at_end = matches!(walk::int_const(&sub.slice), Some(0 | -1));
                if let Some(n) = walk::name(&sub.value).filter(|n| at_end && !inputs.contains(n)) {
                    peeked.get_or_insert_with(|| n.to_string());
                }
            });
            let start = span(s.range()).0;
            if let (Some(n), Some(ind)) = (peeked, indent_of(src, start)) {
                let code = format!("if not {n}:\n{ind}    break\n{ind}");
                let change = format!("the loop stops when `{n}` is empty before `{}`", shorten(text(src, s)));
                out.push(insert(MutantKind::EmptyTake, start, code, change, None));
            }
        }
        let looped = in_loop || matches!(s, Stmt::For(_) | Stmt::While(_));
        if !matches!(s, Stmt::FunctionDef(_) | Stmt::ClassDef(_)) {
            for b in walk::child_blocks(s) {
                unguarded_peeks(src, b, inputs, looped, out);
            }
        }
    }
}

/// `for node in lists:` reading `node.val` when an input's item can be `None` (an empty linked list): the
/// loop skips those items first. Said at the first read of an attribute of the item.
pub(super) fn none_items(src: &str, stmts: &[&Stmt], inputs: &[&str], out: &mut Vec<Edit>) {
    for s in stmts {
        let Stmt::For(f) = s else { continue };
        let over_input = walk::name(&f.iter).or_else(|| match f.iter.as_ref() {
            Expr::Call(c) if walk::call_name(c) == Some("enumerate") => c.args.first().and_then(walk::name),
            _ => None,
        });
        if !over_input.is_some_and(|i| inputs.contains(&i)) {
            continue;
        }
        let targets: Vec<&str> = match f.target.as_ref() {
            Expr::Tuple(t) => t.elts.iter().filter_map(walk::name).collect(),
            other => walk::name(other).into_iter().collect(),
        };
        let Some(first) = f.body.first() else { continue };
        let start = usize::from(first.range().start());
        let Some(ind) = indent_of(src, start) else { continue };
        for item in targets {
            let mut read = None;
            walk::each_expr_in_block(&f.body, &mut |x| {
                if let Expr::Attribute(a) = x {
                    if walk::name(&a.value) == Some(item) && read.is_none() {
                        read = Some(span(x.range()).0);
                    }
                }
            });
            let Some(at) = read else { continue };
            let code = format!("if {item} is None:\n{ind}    continue\n{ind}");
            let change = format!("the loop skips `{item}` when it is None");
            out.push(insert(MutantKind::SkippedNone, start, code, change, Some(at)));
        }
    }
}

/// A method given a key (`def get(self, key)`) that reads it from a dict it keeps (`self.cache[key]`,
/// `self.cache.move_to_end(key)`) with no membership test: an early answer when the key is not stored.
pub(super) fn stored_keys(src: &str, f: &ast::StmtFunctionDef, inputs: &[&str], out: &mut Vec<Edit>) {
    let Some(first) = f.body.first() else { return };
    let start = usize::from(first.range().start());
    let Some(ind) = indent_of(src, start) else { return };
    let (fs, fe) = span(f.range);
    let body = &src[fs..fe];
    let mut reads: Vec<(String, String, usize)> = Vec::new();
    walk::each_expr_in_block(&f.body, &mut |x| {
        let (d, k) = match x {
            Expr::Subscript(s) if s.ctx == ast::ExprContext::Load => (s.value.as_ref(), s.slice.as_ref()),
            Expr::Call(c) if matches!(walk::call_name(c), Some("move_to_end" | "pop")) && c.args.len() == 1 => {
                let Some(r) = walk::receiver(c) else { return };
                (r, &c.args[0])
            }
            _ => return,
        };
        let (Expr::Attribute(_), Some(key)) = (d, walk::name(k)) else { return };
        let dict = text(src, d);
        if inputs.contains(&key) && !reads.iter().any(|(dd, kk, _)| dd == dict && kk == key) {
            reads.push((dict.to_string(), key.to_string(), span(x.range()).0));
        }
    });
    for (dict, key, at) in reads {
        if body.contains(&format!("{key} in {dict}")) || body.contains(&format!("{key} not in {dict}")) {
            continue;
        }
        for v in ["-1", "None", "\"\"", "False"] {
            let code = format!("if {key} not in {dict}:\n{ind}    return {v}\n{ind}");
            let change = format!("`{dict}[{key}]` has an answer ({v}) for a key that is not stored");
            out.push(insert(MutantKind::KeyDefault, start, code, change, Some(at)));
        }
    }
}

/// `i = seen.get(x)` then `if i:`: a stored value that is falsy (an index 0, an empty string) reads as a key
/// never stored. The test asks whether anything was found (`i is not None`), not whether it is truthy.
pub(super) fn truthy_lookups(stmts: &[&Stmt], out: &mut Vec<Edit>) {
    let mut looked_up: Vec<&str> = Vec::new();
    for s in stmts {
        let Stmt::Assign(a) = s else { continue };
        let ([target], Expr::Call(c)) = (a.targets.as_slice(), a.value.as_ref()) else { continue };
        if walk::call_name(c) == Some("get") && c.args.len() == 1 && walk::receiver(c).is_some() {
            looked_up.extend(walk::name(target));
        }
    }
    for s in stmts {
        let Some(test) = test_of(s) else { continue };
        let operands: Vec<&Expr> = match test {
            Expr::BoolOp(b) => b.values.iter().collect(),
            other => vec![other],
        };
        for e in operands {
            let (negated, inner) = match e {
                Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => (true, u.operand.as_ref()),
                other => (false, other),
            };
            let Some(n) = walk::name(inner).filter(|n| looked_up.contains(n)) else { continue };
            let (a, z) = span(e.range());
            let replacement = format!("{n} is {}None", if negated { "" } else { "not " });
            let change = format!("the test of `{n}` asks whether the lookup found a value, not whether it is truthy");
            out.push(Edit { kind: MutantKind::KeyDefault, start: a, end: z, replacement, change, at: None });
        }
    }
}

/// `values[k]` where `k` is a count the function was given and uses only as that index: `k - 1` and
/// `k + 1` (a 1-based position used as a 0-based index, or the reverse). A parameter that also bounds a
/// loop or enters arithmetic (a recursive helper's `start`) is a position already, and is left alone.
pub(super) fn counted_indexes(fn_text: &str, stmts: &[&Stmt], counts: &[&str], out: &mut Vec<Edit>) {
    let words = |p: &str| {
        fn_text
            .match_indices(p)
            .filter(|(i, _)| {
                let before = fn_text[..*i].chars().next_back();
                let after = fn_text[i + p.len()..].chars().next();
                !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
                    && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
            })
            .count()
    };
    // Used once in the signature, and otherwise only as `[k]`.
    let counts: Vec<&str> =
        counts.iter().copied().filter(|k| words(k) == 1 + fn_text.matches(&format!("[{k}]")).count()).collect();
    for s in stmts {
        for (e, _) in walk::stmt_exprs(s) {
            walk::each_expr(e, &mut |x| {
                let Expr::Subscript(sub) = x else { return };
                let Some(k) = walk::name(&sub.slice).filter(|k| counts.contains(k)) else { return };
                let (a, z) = span(sub.slice.range());
                for (sign, word) in [("-", "minus"), ("+", "plus")] {
                    let replacement = format!("{k} {sign} 1");
                    let change = format!("the index `{k}` {word} one");
                    out.push(Edit { kind: MutantKind::Bound, start: a, end: z, replacement, change, at: None });
                }
            });
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
    fn a_grid_read_with_no_bounds_test_gets_one() {
        let src = "def f(grid):\n    r, c = 0, 0\n    for nr, nc in ((r + 1, c), (r - 1, c)):\n        if grid[nr][nc] == '1':\n            grid[nr][nc] = '0'\n    return grid\n";
        let c = changes(src);
        assert!(
            c.iter().any(|c| c == "4: the test `grid[nr][nc] == '1'` first checks that `(nr, nc)` is inside `grid`"),
            "{c:?}"
        );
        // A test that already compares the position is the grid repairs' business.
        let bounded = src.replace("if grid[nr][nc] == '1'", "if nr < len(grid) and grid[nr][nc] == '1'");
        assert!(!changes(&bounded).iter().any(|c| c.contains("is inside")));
    }

    #[test]
    fn a_method_reading_a_key_it_was_given_gets_an_answer_for_a_missing_one() {
        let src = "class C:\n    def __init__(self):\n        self.d = {}\n\n    def get(self, key):\n        self.d.move_to_end(key)\n        return self.d[key]\n";
        let c = changes(src);
        assert!(c.contains(&"6: `self.d[key]` has an answer (-1) for a key that is not stored".to_string()), "{c:?}");
        let checked = src.replace(
            "        self.d.move_to_end",
            "        if key not in self.d:\n            return -1\n        self.d.move_to_end",
        );
        assert!(!changes(&checked).iter().any(|c| c.contains("not stored")));
    }

    #[test]
    fn reads_that_can_fall_off_a_sequence_or_a_chain_are_checked_first() {
        let src = "def f(s, p, head):\n    j = 0\n    if p[j + 1] == '*' and s[j - 1] == 'a':\n        return 1\n    fast = head\n    while fast.next.next:\n        fast = fast.next\n    return 0\n";
        let c = changes(src);
        for want in [
            "3: the test `p[j + 1] == '*' and s[j - 1] == 'a'` first checks that `j + 1` is inside `p`",
            "3: the test `p[j + 1] == '*' and s[j - 1] == 'a'` first checks that `j - 1` is inside `s`",
            "6: the test `fast.next.next` first checks that `fast.next` exists",
        ] {
            assert!(c.contains(&want.to_string()), "missing {want} in {c:#?}");
        }
    }

    #[test]
    fn a_peek_after_a_pop_inside_a_loop_stops_the_loop_when_nothing_is_left() {
        let src = "def f(height):\n    stack = []\n    for i in range(len(height)):\n        while stack and height[i] > height[stack[-1]]:\n            stack.pop()\n            left = stack[-1]\n        stack.append(i)\n    top = stack[-1]\n    return top\n";
        let c = changes(src);
        assert!(c.iter().any(|c| c.starts_with("6: the loop stops when `stack` is empty")), "{c:#?}");
        // Outside a loop there is nothing to stop.
        assert!(!c.iter().any(|c| c.starts_with("8: the loop stops")), "{c:#?}");
    }

    #[test]
    fn a_loop_over_an_inputs_items_can_skip_the_missing_ones() {
        let src = "def merge(lists):\n    heap = []\n    for i, node in enumerate(lists):\n        heap.append((node.val, i))\n    return heap\n";
        let c = changes(src);
        assert!(c.contains(&"4: the loop skips `node` when it is None".to_string()), "{c:?}");
    }

    #[test]
    fn a_count_used_as_an_index_is_moved_by_one() {
        let src =
            "def kth(root, k):\n    values = []\n    for v in root:\n        values.append(v)\n    return values[k]\n";
        let c = changes(src);
        assert!(c.contains(&"5: the index `k` minus one".to_string()), "{c:?}");
        // A position that also bounds a loop is not a count used as an index.
        let helper = "def go(s, start):\n    for end in range(start, len(s)):\n        s[start]\n    return s[start]\n";
        assert!(!changes(helper).iter().any(|c| c.contains("the index")), "{:?}", changes(helper));
    }
}
