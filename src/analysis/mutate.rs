//! Small, plausible edits of a Python program: the bugs people write, made on purpose.
//!
//! `codify problems check` runs these mutants of a problem's reference solution against its tests; a
//! mutant that passes and is not equivalent to the reference names a missing test. The edits are the
//! classic ones from mutation testing, chosen for interview code: comparison boundaries (`<` / `<=`,
//! `==` / `!=`, `is` / `is not`, `in` / `not in`), ±1 on integer constants and on range and slice bounds, `and` / `or`, `min` / `max`, a
//! dropped guard (an `if` that returns, breaks, continues or raises) and a dropped last step (the statement
//! right after a loop, such as appending the final group).
//!
//! Every mutant is one text edit of the source at a node's range, so it keeps the author's formatting and
//! always parses (each replacement is an expression for an expression or `pass` for a statement).
//! Generation is pure and deterministic: same source, same mutants in the same order.

use rustpython_parser::ast::{self, CmpOp, Constant, Expr, Ranged, Stmt};
use rustpython_parser::Parse;

use super::parse::LineIndex;
use super::walk::{child_blocks, stmt_exprs, sub_exprs};

/// The kind of edit, which also names the kind of bug it imitates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MutantKind {
    /// `<` ↔ `<=`, `>` ↔ `>=`, `==` ↔ `!=`, `is` ↔ `is not`, `in` ↔ `not in`.
    Comparison,
    /// An integer literal plus or minus one.
    Constant,
    /// A `range(...)` or slice bound plus or minus one.
    Bound,
    /// `and` ↔ `or`.
    BoolOp,
    /// `min` ↔ `max`.
    MinMax,
    /// An `if` that leaves early (return, break, continue, raise) removed.
    DroppedGuard,
    /// The statement right after a loop removed.
    DroppedLastStep,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Mutant {
    pub kind: MutantKind,
    /// 1-based line of the edit.
    pub line: u32,
    /// What changed, e.g. "`<` → `<=`" or "dropped `res.append(cur)`".
    pub change: String,
    #[serde(skip)]
    pub source: String,
}

struct Edit {
    kind: MutantKind,
    start: usize,
    end: usize,
    replacement: String,
    change: String,
}

/// Every mutant of `source`, in source order; empty when it does not parse.
pub fn mutants(source: &str) -> Vec<Mutant> {
    let Ok(suite) = ast::Suite::parse(source, "<solution>") else {
        return Vec::new();
    };
    let mut edits = Vec::new();
    block(source, &suite, &mut edits);
    edits.sort_by_key(|e| e.start); // stable: edits at one place keep their order
    let lines = LineIndex::new(source);
    let mut seen = std::collections::HashSet::new();
    edits
        .into_iter()
        .filter_map(|e| {
            let mut text = String::with_capacity(source.len() + e.replacement.len());
            text.push_str(&source[..e.start]);
            text.push_str(&e.replacement);
            text.push_str(&source[e.end..]);
            seen.insert(text.clone()).then(|| Mutant {
                kind: e.kind,
                line: lines.line(e.start),
                change: e.change,
                source: text,
            })
        })
        .collect()
}

fn span(node: ast::text_size::TextRange) -> (usize, usize) {
    (usize::from(node.start()), usize::from(node.end()))
}

fn block(src: &str, stmts: &[Stmt], out: &mut Vec<Edit>) {
    for (i, stmt) in stmts.iter().enumerate() {
        let after_loop = i > 0 && matches!(stmts[i - 1], Stmt::For(_) | Stmt::While(_) | Stmt::AsyncFor(_));
        if after_loop && !matches!(stmt, Stmt::Return(_) | Stmt::Pass(_)) {
            out.push(drop_stmt(src, stmt, MutantKind::DroppedLastStep));
        }
        if let Stmt::If(s) = stmt {
            let leaves =
                matches!(s.body.last(), Some(Stmt::Return(_) | Stmt::Break(_) | Stmt::Continue(_) | Stmt::Raise(_)));
            if leaves && s.orelse.is_empty() {
                out.push(drop_stmt(src, stmt, MutantKind::DroppedGuard));
            }
        }
        match stmt {
            Stmt::FunctionDef(f) => block(src, &f.body, out),
            Stmt::AsyncFunctionDef(f) => block(src, &f.body, out),
            Stmt::ClassDef(c) => block(src, &c.body, out),
            _ => {
                for (e, _) in stmt_exprs(stmt) {
                    expr(src, e, out);
                }
                for b in child_blocks(stmt) {
                    block(src, b, out);
                }
            }
        }
    }
}

fn drop_stmt(src: &str, stmt: &Stmt, kind: MutantKind) -> Edit {
    let (start, end) = span(stmt.range());
    let first_line = src[start..end].lines().next().unwrap_or("").trim();
    let shown: String = first_line.chars().take(48).collect();
    let what = if matches!(kind, MutantKind::DroppedGuard) { "guard" } else { "step after the loop" };
    Edit { kind, start, end, replacement: "pass".into(), change: format!("dropped the {what} `{shown}`") }
}

fn expr(src: &str, e: &Expr, out: &mut Vec<Edit>) {
    match e {
        Expr::Compare(c) => {
            let mut prev_end = usize::from(c.left.range().end());
            for (op, right) in c.ops.iter().zip(&c.comparators) {
                let (next_start, next_end) = span(right.range());
                if let Some(edit) = compare_op(src, *op, prev_end, next_start) {
                    out.push(edit);
                }
                prev_end = next_end;
            }
        }
        Expr::BoolOp(b) => {
            let (from, to) = match b.op {
                ast::BoolOp::And => ("and", "or"),
                ast::BoolOp::Or => ("or", "and"),
            };
            for pair in b.values.windows(2) {
                let (gap_start, gap_end) = (usize::from(pair[0].range().end()), usize::from(pair[1].range().start()));
                if let Some(at) = find_word(&src[gap_start..gap_end], from) {
                    let start = gap_start + at;
                    out.push(Edit {
                        kind: MutantKind::BoolOp,
                        start,
                        end: start + from.len(),
                        replacement: to.into(),
                        change: format!("`{from}` → `{to}`"),
                    });
                }
            }
        }
        Expr::Constant(c) => {
            if let Constant::Int(v) = &c.value {
                let (start, end) = span(c.range);
                if let Ok(n) = v.to_string().parse::<i128>() {
                    if src[start..end].bytes().all(|b| b.is_ascii_digit() || b == b'_') {
                        for m in [n + 1, n - 1] {
                            out.push(Edit {
                                kind: MutantKind::Constant,
                                start,
                                end,
                                replacement: if m < 0 { format!("({m})") } else { m.to_string() },
                                change: format!("`{n}` → `{m}`"),
                            });
                        }
                    }
                }
            }
        }
        Expr::Call(call) => {
            if let Expr::Name(name) = call.func.as_ref() {
                let id = name.id.as_str();
                if (id == "min" || id == "max") && !call.args.is_empty() {
                    let to = if id == "min" { "max" } else { "min" };
                    let (start, end) = span(name.range);
                    out.push(Edit {
                        kind: MutantKind::MinMax,
                        start,
                        end,
                        replacement: to.into(),
                        change: format!("`{id}` → `{to}`"),
                    });
                }
                if id == "range" && !call.args.is_empty() && call.args.len() <= 3 {
                    let bounds: &[Expr] = if call.args.len() == 1 { &call.args[..1] } else { &call.args[..2] };
                    for b in bounds {
                        bound(src, b, out);
                    }
                }
            }
        }
        Expr::Slice(s) => {
            for b in [s.lower.as_deref(), s.upper.as_deref()].into_iter().flatten() {
                bound(src, b, out);
            }
        }
        _ => {}
    }
    for sub in sub_exprs(e) {
        expr(src, sub, out);
    }
}

/// `x` → `x + 1` and `x - 1` for a bound that is not a literal (literals get their own ±1).
fn bound(src: &str, b: &Expr, out: &mut Vec<Edit>) {
    if matches!(b, Expr::Constant(_)) || matches!(b, Expr::UnaryOp(u) if matches!(*u.operand, Expr::Constant(_))) {
        return;
    }
    let (start, end) = span(b.range());
    let text = &src[start..end];
    let atomic = matches!(b, Expr::Name(_) | Expr::Call(_) | Expr::Attribute(_) | Expr::Subscript(_));
    let inner = if atomic { text.to_string() } else { format!("({text})") };
    for (sign, word) in [("+", "plus"), ("-", "minus")] {
        out.push(Edit {
            kind: MutantKind::Bound,
            start,
            end,
            replacement: format!("{inner} {sign} 1"),
            change: format!("bound `{}` {word} one", shorten(text)),
        });
    }
}

fn shorten(s: &str) -> String {
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > 40 {
        format!("{}…", one_line.chars().take(39).collect::<String>())
    } else {
        one_line
    }
}

fn compare_op(src: &str, op: CmpOp, gap_start: usize, gap_end: usize) -> Option<Edit> {
    let (from, to) = match op {
        CmpOp::Lt => ("<", "<="),
        CmpOp::LtE => ("<=", "<"),
        CmpOp::Gt => (">", ">="),
        CmpOp::GtE => (">=", ">"),
        CmpOp::Eq => ("==", "!="),
        CmpOp::NotEq => ("!=", "=="),
        CmpOp::Is => ("is", "is not"),
        CmpOp::IsNot => ("is not", "is"),
        CmpOp::In => ("in", "not in"),
        CmpOp::NotIn => ("not in", "in"),
    };
    let gap = src.get(gap_start..gap_end)?;
    let at = if from.starts_with(|c: char| c.is_ascii_alphabetic()) {
        find_word(gap, from.split(' ').next().unwrap_or(from))?
    } else {
        gap.find(from)?
    };
    // `is not` and `not in` are two words; whatever spacing the author used, replace the whole operator.
    let len = match from {
        "is not" | "not in" => {
            let second = from.rsplit(' ').next().unwrap_or("");
            let rest = &gap[at..];
            rest.find(second).map(|i| i + second.len())?
        }
        _ => from.len(),
    };
    let start = gap_start + at;
    Some(Edit {
        kind: MutantKind::Comparison,
        start,
        end: start + len,
        replacement: to.into(),
        change: format!("`{from}` → `{to}`"),
    })
}

/// The position of `word` in `gap` as a whole word (`or` in `) or (` but not in `for`).
fn find_word(gap: &str, word: &str) -> Option<usize> {
    gap.match_indices(word).map(|(i, _)| i).find(|&i| {
        let before = gap[..i].chars().next_back();
        let after = gap[i + word.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
            && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changes(src: &str) -> Vec<(MutantKind, u32, String)> {
        mutants(src).into_iter().map(|m| (m.kind, m.line, m.change)).collect()
    }

    #[test]
    fn every_mutant_parses_and_differs_by_one_edit() {
        let src = "class Solution:\n    def f(self, nums, k):\n        if not nums:\n            return 0\n        best = 0\n        for i in range(1, len(nums)):\n            if nums[i] < k and nums[i - 1] >= 0:\n                best = max(best, nums[i])\n        groups.append(best)\n        return best + nums[1:k]\n";
        let all = mutants(src);
        assert!(all.len() > 10, "{}", all.len());
        for m in &all {
            assert!(ast::Suite::parse(&m.source, "<m>").is_ok(), "{:?}\n{}", m.change, m.source);
            assert_ne!(m.source, src);
        }
        let c = changes(src);
        for want in [
            (MutantKind::Comparison, 7, "`<` → `<=`"),
            (MutantKind::Comparison, 7, "`>=` → `>`"),
            (MutantKind::BoolOp, 7, "`and` → `or`"),
            (MutantKind::MinMax, 8, "`max` → `min`"),
            (MutantKind::Constant, 6, "`1` → `0`"),
            (MutantKind::Bound, 6, "bound `len(nums)` plus one"),
            (MutantKind::Bound, 10, "bound `k` minus one"),
            (MutantKind::DroppedGuard, 3, "dropped the guard `if not nums:`"),
            (MutantKind::DroppedLastStep, 9, "dropped the step after the loop `groups.append(best)`"),
        ] {
            assert!(c.contains(&(want.0, want.1, want.2.to_string())), "missing {want:?} in {c:#?}");
        }
    }

    #[test]
    fn negative_results_are_parenthesised_and_words_are_whole() {
        let ops = mutants("def f(a, b):\n    return a is not None and b not  in a and a in b\n");
        let changed: Vec<&str> = ops.iter().map(|m| m.change.as_str()).collect();
        assert_eq!(changed, ["`is not` → `is`", "`and` → `or`", "`not in` → `in`", "`and` → `or`", "`in` → `not in`"]);
        assert!(ops[2].source.contains("b in a and"), "{}", ops[2].source);
        let src = "def f(a, b):\n    return a[0] or (b)\n";
        let all = mutants(src);
        assert!(all.iter().any(|m| m.source.contains("a[(-1)]")));
        assert!(all.iter().any(|m| m.source.contains("a[0] and (b)")));
        assert!(mutants("def f(\n").is_empty(), "a syntax error has no mutants");
    }
}
