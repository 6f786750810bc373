//! Parse loops: a `while` loop over a cursor that reads a span of the input (a search from the cursor,
//! slices up to where the span ends) and then moves the cursor past it. Each character is read by one pass,
//! so the searches and slices add up to n over the whole loop instead of n per pass.

use rustpython_parser::ast::{self, Expr, Stmt};

use crate::analysis::walk;

/// A parse loop: `while i < len(s):` that ends its pass by moving the cursor past what it read
/// (`i = j + 1 + length`). Searches from the cursor (`s.index("#", i)`, bound to a term of the new cursor)
/// and slices whose bounds are the cursor or sums of the new cursor's terms (`s[i:j]`,
/// `s[j + 1 : j + 1 + length]`) read each character once over the whole loop. Returns those expressions,
/// which must sit in the loop's own statements (not in a nested loop).
pub fn consumed_spans(w: &ast::StmtWhile) -> Vec<&Expr> {
    let mut cursors: Vec<&str> = Vec::new();
    walk::each_expr(&w.test, &mut |x| cursors.extend(walk::name(x)));
    // The cursor's new value: one plain assignment at the end of the pass, a sum of names and constants.
    let Some(Stmt::Assign(last)) = w.body.last() else { return Vec::new() };
    let Some(cursor) = last.targets.first().and_then(walk::name).filter(|c| cursors.contains(c)) else {
        return Vec::new();
    };
    let Some(ahead) = sum_terms(&last.value) else { return Vec::new() };
    let ahead_names: Vec<&str> = ahead.iter().filter_map(|t| t.name()).collect();
    if ahead_names.is_empty() || ahead_names.contains(&cursor) {
        // `i = i + 1` is an ordinary step, not a jump past a span.
        return Vec::new();
    }
    let within = |e: &Expr| -> bool {
        walk::name(e) == Some(cursor) || sum_terms(e).is_some_and(|ts| ts.iter().all(|t| ahead.contains(t)))
    };
    let mut out: Vec<&Expr> = Vec::new();
    for s in &w.body {
        if matches!(s, Stmt::For(_) | Stmt::While(_) | Stmt::AsyncFor(_)) {
            continue;
        }
        // `j = s.index(sep, i)`, with `j` a term of the new cursor.
        if let Stmt::Assign(a) = s {
            if let (Some(j), Expr::Call(c)) = (a.targets.first().and_then(walk::name), a.value.as_ref()) {
                let search = matches!(walk::call_name(c), Some("index" | "find"));
                if search && ahead_names.contains(&j) && c.args.get(1).and_then(walk::name) == Some(cursor) {
                    out.push(&a.value);
                }
            }
        }
        for (e, _) in walk::stmt_exprs(s) {
            walk::each_expr(e, &mut |x| {
                let Expr::Subscript(sub) = x else { return };
                let Expr::Slice(sl) = sub.slice.as_ref() else { return };
                let bounded = |b: Option<&Expr>| b.is_some_and(within);
                if sl.step.is_none() && bounded(sl.lower.as_deref()) && bounded(sl.upper.as_deref()) {
                    out.push(x);
                }
            });
        }
    }
    out
}

/// A term of a sum of names and integer constants.
#[derive(PartialEq)]
enum SumTerm<'a> {
    Name(&'a str),
    Const(i64),
}

impl SumTerm<'_> {
    fn name(&self) -> Option<&str> {
        match self {
            SumTerm::Name(n) => Some(n),
            SumTerm::Const(_) => None,
        }
    }
}

/// `j + 1 + length` as its terms; `None` for anything but a sum of names and non-negative constants.
fn sum_terms(e: &Expr) -> Option<Vec<SumTerm<'_>>> {
    match e {
        Expr::Name(n) => Some(vec![SumTerm::Name(n.id.as_str())]),
        Expr::BinOp(b) if b.op == ast::Operator::Add => {
            let mut l = sum_terms(&b.left)?;
            l.extend(sum_terms(&b.right)?);
            Some(l)
        }
        _ => walk::int_const(e).filter(|v| *v >= 0).map(|v| vec![SumTerm::Const(v)]),
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::tests::{kinds, time};
    use crate::complexity::Complexity::*;

    #[test]
    fn a_parse_loop_that_jumps_past_what_it_read_is_linear() {
        let decode = "def f(s):\n    out = []\n    i = 0\n    while i < len(s):\n        j = s.index('#', i)\n        length = int(s[i:j])\n        out.append(s[j + 1 : j + 1 + length])\n        i = j + 1 + length\n    return out\n";
        assert_eq!(time(decode), Linear);
        assert!(kinds(decode, Some(Linear)).is_empty(), "{:?}", kinds(decode, Some(Linear)));
        // One step at a time: every pass searches and copies from the cursor to the next separator again.
        let stepping = "def f(s):\n    out = []\n    i = 0\n    while i < len(s):\n        j = s.index('#', i)\n        out.append(s[i:j])\n        i += 1\n    return out\n";
        assert_eq!(time(stepping), Quadratic);
    }
}
