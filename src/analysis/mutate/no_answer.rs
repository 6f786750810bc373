//! Repairs that need to know the answer the failing tests expect: a function that answers even when the
//! problem has no answer for the input (an unreachable node, a circuit the gas cannot cover, an orange no
//! rot reaches), where the statement wants `-1`, `False`, `0` or `""`.
//!
//! When every failing test expects one such value, each `return` at the top level of a function (the answer
//! after the main loop) is tried with that value in front of it under a condition the code's own names can
//! state: a collection of visited items smaller than the count it was given (`len(dist) < n`), a counter
//! still above zero (`fresh > 0`), a result beyond the input's own bound (`dp[amount] > amount`), a result
//! still equal to the value a table was filled with (`dp[amount] == unreachable`), or one list's total below
//! another's (`sum(gas) < sum(cost)`). The caller runs them; an edit that fixes every failing test names the
//! return and the kind (`missing_edge_case`: the input where no answer exists).

use rustpython_parser::ast::{self, Expr, Ranged, Stmt};
use rustpython_parser::Parse;

use super::{apply, functions, inputs_of, shorten, span, split_params, Edit, Mutant, MutantKind};
use crate::analysis::walk;

/// Candidate repairs answering `literal` (a Python literal: `-1`, `False`, `""`) when no answer exists;
/// empty when the source does not parse.
pub fn no_answer(source: &str, literal: &str) -> Vec<Mutant> {
    let Ok(suite) = ast::Suite::parse(source, "<solution>") else {
        return Vec::new();
    };
    let mut edits = Vec::new();
    functions(&suite, &mut |f| function(source, f, literal, &mut edits));
    apply(source, edits)
}

/// The Python literal for an expected answer that can mean "no answer": an integer, a boolean, `None`, an
/// empty list or a short plain string. `None` for anything else (a list of results is not one value).
pub fn literal(v: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    match v {
        Value::Number(n) => n.as_i64().map(|i| i.to_string()),
        Value::Bool(b) => Some(if *b { "True" } else { "False" }.to_string()),
        Value::Null => Some("None".to_string()),
        Value::Array(a) if a.is_empty() => Some("[]".to_string()),
        Value::String(s) if s.len() <= 20 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ') => {
            Some(format!("\"{s}\""))
        }
        _ => None,
    }
}

fn function(src: &str, f: &ast::StmtFunctionDef, literal: &str, out: &mut Vec<Edit>) {
    let (fs, fe) = span(f.range);
    let text = &src[fs..fe];
    let params = inputs_of(f);
    // A parameter read as a sequence is a list; one never read so is a count or a bound.
    let (lists, counts) = split_params(text, &params);
    let mut stmts = Vec::new();
    walk::each_stmt(&f.body, &mut |s| stmts.push(s));
    let mut collections: Vec<&str> = Vec::new();
    let mut counters: Vec<&str> = Vec::new();
    let mut fills: Vec<String> = Vec::new();
    for s in &stmts {
        match s {
            Stmt::Assign(a) if a.targets.len() == 1 => {
                let Some(n) = walk::name(&a.targets[0]) else { continue };
                if starts_a_collection(&a.value) && !collections.contains(&n) {
                    collections.push(n);
                }
            }
            Stmt::AugAssign(a) if a.op == ast::Operator::Sub => {
                if let Some(n) = walk::name(&a.target).filter(|n| !counters.contains(n)) {
                    counters.push(n);
                }
            }
            _ => {}
        }
        // `[x] * n`: a table filled with a value that stands for "not reached yet".
        for (e, _) in walk::stmt_exprs(s) {
            walk::each_expr(e, &mut |x| {
                let Expr::BinOp(b) = x else { return };
                let Expr::List(l) = b.left.as_ref() else { return };
                if let ([v], ast::Operator::Mult) = (&l.elts[..], b.op) {
                    if !matches!(v, Expr::Constant(_)) {
                        let (a, z) = span(v.range());
                        if !fills.iter().any(|f| f == &src[a..z]) {
                            fills.push(src[a..z].to_string());
                        }
                    }
                }
            });
        }
    }
    let mut conditions: Vec<String> = Vec::new();
    for c in &collections {
        conditions.extend(counts.iter().map(|n| format!("len({c}) < {n}")));
    }
    conditions.extend(counters.iter().map(|v| format!("{v} > 0")));
    if let [a, b, ..] = lists[..] {
        conditions.push(format!("sum({a}) < sum({b})"));
    }
    for s in &f.body {
        let Stmt::Return(r) = s else { continue };
        let Some(v) = r.value.as_deref().filter(|v| !matches!(v, Expr::Constant(_))) else { continue };
        let (vs, ve) = span(v.range());
        let value = &src[vs..ve];
        // `return -heap[0]` of a collection the code built, which the loop may have emptied.
        let mut read: Vec<&str> = Vec::new();
        walk::each_expr(v, &mut |x| {
            let Expr::Subscript(sub) = x else { return };
            let at_end = matches!(walk::int_const(&sub.slice), Some(0 | -1));
            if let Some(n) = walk::name(&sub.value).filter(|n| at_end && !params.contains(n) && !read.contains(n)) {
                read.push(n);
            }
        });
        for n in read {
            let replacement = format!("({literal} if not {n} else ({value}))");
            let change = format!("`{}` takes nothing when `{n}` is empty", shorten(value));
            out.push(Edit { kind: MutantKind::EmptyTake, start: vs, end: ve, replacement, change, at: None });
        }
        // An empty or zero result where the statement wants its own word for it (`"0"`, `-1`).
        let mut own: Vec<String> = vec![format!("not ({value})")];
        own.extend(counts.iter().map(|n| format!("({value}) > {n}")));
        own.extend(fills.iter().map(|x| format!("({value}) == {x}")));
        for cond in conditions.iter().chain(&own) {
            let replacement = format!("({literal} if {cond} else ({value}))");
            let change = format!("answers `{literal}` when `{}`", shorten(cond));
            out.push(Edit { kind: MutantKind::NoAnswer, start: vs, end: ve, replacement, change, at: None });
        }
    }
}

/// `[]`, `{}`, `set()`, `dict()`, `deque()`, `defaultdict(...)`, `Counter()`: a collection the code fills.
fn starts_a_collection(v: &Expr) -> bool {
    match v {
        Expr::List(l) => l.elts.is_empty(),
        Expr::Dict(d) => d.keys.is_empty(),
        Expr::Call(c) => matches!(
            walk::call_name(c),
            Some("set" | "dict" | "list" | "deque" | "defaultdict" | "Counter" | "OrderedDict")
        ),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changes(src: &str, lit: &str) -> Vec<String> {
        no_answer(src, lit).into_iter().map(|m| m.change).collect()
    }

    #[test]
    fn a_visited_map_smaller_than_the_count_answers_the_sentinel() {
        let src = "def delay(times, n, k):\n    dist = {}\n    for u, v, w in times:\n        dist[v] = w\n    return max(dist.values())\n";
        let c = changes(src, "-1");
        assert!(c.contains(&"answers `-1` when `len(dist) < n`".to_string()), "{c:?}");
        // `times` is read as a sequence: no `len(dist) < times`.
        assert!(!c.iter().any(|c| c.contains("< times")), "{c:?}");
    }

    #[test]
    fn a_counter_left_above_zero_and_a_filled_table_and_two_totals() {
        let fresh = "def rot(grid):\n    fresh = 3\n    minutes = 0\n    while fresh:\n        fresh -= 1\n        minutes += 1\n    return minutes\n";
        assert!(changes(fresh, "-1").contains(&"answers `-1` when `fresh > 0`".to_string()));
        let coins = "def change(coins, amount):\n    far = amount + 1\n    dp = [0] + [far] * amount\n    for c in coins:\n        dp[c] = 1\n    return dp[amount]\n";
        let c = changes(coins, "-1");
        assert!(c.contains(&"answers `-1` when `(dp[amount]) == far`".to_string()), "{c:?}");
        assert!(c.contains(&"answers `-1` when `(dp[amount]) > amount`".to_string()), "{c:?}");
        let gas =
            "def start(gas, cost):\n    s = 0\n    for i in range(len(gas)):\n        s = i + cost[i]\n    return s\n";
        assert!(changes(gas, "-1").contains(&"answers `-1` when `sum(gas) < sum(cost)`".to_string()));
    }

    #[test]
    fn the_end_of_a_collection_the_loop_may_empty_is_read_only_when_it_holds_something() {
        let src = "def last(stones):\n    heap = [-s for s in stones]\n    while len(heap) > 1:\n        heap.pop()\n    return -heap[0]\n";
        let all = no_answer(src, "0");
        let take = all.iter().find(|m| m.kind == MutantKind::EmptyTake).expect("an empty take");
        assert_eq!(take.change, "`-heap[0]` takes nothing when `heap` is empty");
        assert!(take.source.contains("return (0 if not heap else (-heap[0]))"), "{}", take.source);
        // The input's own end is the input's shape, not a state the code reached.
        assert!(no_answer("def f(nums):\n    return nums[0]\n", "0").iter().all(|m| m.kind != MutantKind::EmptyTake));
    }

    #[test]
    fn constant_returns_and_nested_returns_are_left_alone_and_every_edit_parses() {
        let src = "def f(nums, n):\n    seen = set()\n    for x in nums:\n        if x > n:\n            return x\n        seen.add(x)\n    return 0\n";
        assert!(no_answer(src, "-1").is_empty());
        let src = "def f(nums, n):\n    seen = set()\n    for x in nums:\n        seen.add(x)\n    return len(seen)\n";
        let all = no_answer(src, "False");
        assert!(!all.is_empty());
        for m in all {
            assert!(ast::Suite::parse(&m.source, "<m>").is_ok(), "{}", m.source);
            assert_eq!(m.line, 5);
        }
    }

    #[test]
    fn only_values_that_can_mean_no_answer_become_literals() {
        use serde_json::json;
        assert_eq!(literal(&json!(-1)).as_deref(), Some("-1"));
        assert_eq!(literal(&json!(false)).as_deref(), Some("False"));
        assert_eq!(literal(&json!("")).as_deref(), Some("\"\""));
        assert_eq!(literal(&json!([])).as_deref(), Some("[]"));
        assert_eq!(literal(&json!([1])), None);
        assert_eq!(literal(&json!("a\"b")), None);
        assert_eq!(literal(&json!(1.5)), None);
    }
}
