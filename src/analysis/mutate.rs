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

mod checks;
mod no_answer;
mod shifts;
mod visits;
pub use no_answer::{literal, no_answer};

/// The kind of edit, which also names the kind of bug it imitates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
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
    /// Repairs ([`repairs`]), the fixes a learner's bug needs rather than bugs made on purpose:
    /// a step from inside a loop repeated after it (the last group flushed).
    AddedLastStep,
    /// A guard for an empty input at the top of a function.
    AddedGuard,
    /// A running best started from a value other than the one it starts from.
    InitialValue,
    /// An input string case-folded, or kept to letters and digits, before use.
    Normalised,
    /// `return True` at the end replaced by a check that nothing is left over.
    LeftoverCheck,
    /// A sort that keeps repeated values replaced by one that drops them.
    Deduplicated,
    /// A lookup inside a loop made to skip the item the loop is on (`and seen[k] != i`).
    DistinctIndex,
    /// A plain dict read at a key that may never have been stored, given a default (`d.get(k, 0)`).
    KeyDefault,
    /// A result that stays infinite when nothing reaches the goal, answered as the statement's "impossible"
    /// value instead (`-1`, `0`).
    Unreachable,
    /// A list returned as it is, answered empty when it does not hold every one of the `n` items
    /// (a topological order cut short by a cycle).
    IncompleteResult,
    /// A test on grid positions given the lower bound it lacks (`0 <= r`), so that `-1` is not read from
    /// the other end.
    BoundsCheck,
    /// A test on grid positions given the cell check the rest of the code makes (`grid[r][c] == "1"`).
    CellCheck,
    /// A `return` answered with the value every failing test expects (`-1`, `False`) when a condition the
    /// code's names state holds: no answer exists for the input ([`no_answer`]).
    NoAnswer,
    /// A pop from a stack, queue or heap the code fills, skipped when it is empty (`stack.pop() if stack
    /// else None`).
    EmptyTake,
    /// A walk made to skip what it should not handle: an input's `None` items (`if node is None:
    /// continue`), a heap item already settled, an item already marked, a node whose list has ended, a
    /// stored position behind the window (`mutate/visits.rs`).
    SkippedNone,
    /// A check the code never states, built from the names in scope where it is missing and found by
    /// trying it on the smallest failing input (`if v in path: continue`; `crate::diagnose`'s synthesis).
    AddedCheck,
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
    /// Where the edit is said to be, when not at `start` (an insertion after a loop is about the loop).
    at: Option<usize>,
}

/// Every mutant of `source`, in source order; empty when it does not parse.
pub fn mutants(source: &str) -> Vec<Mutant> {
    let Ok(suite) = ast::Suite::parse(source, "<solution>") else {
        return Vec::new();
    };
    let mut edits = Vec::new();
    block(source, &suite, &mut edits);
    apply(source, edits)
}

/// The edits that repair the bugs learners write most (see [`MutantKind::AddedLastStep`] and the kinds
/// after it), in source order; empty when the source does not parse. Each is one insertion or replacement,
/// so every repair parses; most will not fix anything, and the caller tries them.
pub fn repairs(source: &str) -> Vec<Mutant> {
    let Ok(suite) = ast::Suite::parse(source, "<solution>") else {
        return Vec::new();
    };
    // Running bests kept anywhere (`self.best = max(self.best, ...)` in a helper), by target text.
    let mut folds: Vec<(&str, String)> = Vec::new();
    functions(&suite, &mut |f| {
        let mut stmts = Vec::new();
        crate::analysis::walk::each_stmt(&f.body, &mut |s| stmts.push(s));
        for s in &stmts {
            if let Stmt::Assign(a) = s {
                folds.extend(running_update(source, a));
            }
        }
        folds.extend(folded_through(source, &stmts));
    });
    // Names that hold a size (`rows, cols = len(grid), len(grid[0])`): bounds, not positions.
    let mut sizes: Vec<&str> = Vec::new();
    functions(&suite, &mut |f| {
        crate::analysis::walk::each_stmt(&f.body, &mut |s| {
            let Stmt::Assign(a) = s else { return };
            let (vs, ve) = span(a.value.range());
            if !source[vs..ve].contains("len(") {
                return;
            }
            for t in &a.targets {
                let names: Vec<&Expr> = match t {
                    Expr::Tuple(tu) => tu.elts.iter().collect(),
                    other => vec![other],
                };
                sizes.extend(names.into_iter().filter_map(crate::analysis::walk::name));
            }
        })
    });
    let mut edits = Vec::new();
    functions(&suite, &mut |f| repair_function(source, f, &folds, &sizes, &mut edits));
    let mut stmts = Vec::new();
    functions(&suite, &mut |f| crate::analysis::walk::each_stmt(&f.body, &mut |s| stmts.push(s)));
    grid_tests(source, &suite, &stmts, &sizes, &mut edits);
    key_defaults(source, &suite, &mut edits);
    apply(source, edits)
}

/// Probes for which `return` of the function `method` answers a call: each of its returns (not those of
/// nested functions) answering `answer` (a Python expression) instead, in source order.
pub fn answer_probes(source: &str, method: &str, answer: &str) -> Vec<Mutant> {
    let Ok(suite) = ast::Suite::parse(source, "<solution>") else {
        return Vec::new();
    };
    let mut edits = Vec::new();
    functions(&suite, &mut |f| {
        if f.name.as_str() != method {
            return;
        }
        crate::analysis::walk::each_stmt(&f.body, &mut |s| {
            let Stmt::Return(r) = s else { return };
            let (start, end) = match r.value.as_deref() {
                Some(v) => span(v.range()),
                None => (span(r.range).1, span(r.range).1),
            };
            let replacement = if start == end { format!(" {answer}") } else { answer.to_string() };
            edits.push(Edit { kind: MutantKind::NoAnswer, start, end, replacement, change: "probe".into(), at: None });
        });
    });
    apply(source, edits)
}

/// Plain dicts (`d = {}`, `self.d = dict()`) by target text: reading one at a key that was never stored
/// raises `KeyError`, where a `defaultdict` or a `Counter` would not.
fn plain_dicts<'a>(src: &'a str, suite: &'a [Stmt]) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    functions(suite, &mut |f| {
        crate::analysis::walk::each_stmt(&f.body, &mut |s| {
            let Stmt::Assign(a) = s else { return };
            let plain = |v: &Expr| match v {
                Expr::Dict(d) => d.keys.is_empty(),
                Expr::Call(c) => {
                    crate::analysis::walk::call_name(c) == Some("dict") && c.args.is_empty() && c.keywords.is_empty()
                }
                _ => false,
            };
            // `d = {}`, and each `{}` of `seen, d = set(), {}`.
            let mut pairs: Vec<(&Expr, &Expr)> = a.targets.iter().map(|t| (t, a.value.as_ref())).collect();
            if let ([Expr::Tuple(ts)], Expr::Tuple(vs)) = (&a.targets[..], a.value.as_ref()) {
                pairs.extend(ts.elts.iter().zip(&vs.elts));
            }
            for (t, _) in pairs.into_iter().filter(|(_, v)| plain(v)) {
                let (x, y) = span(t.range());
                if !out.contains(&&src[x..y]) {
                    out.push(&src[x..y]);
                }
            }
        })
    });
    out
}

/// Every read of a plain dict at a key (`clones[node]`) given a default for a key that is not there: none,
/// `0` or an empty list. Each (dict, key) once.
fn key_defaults(src: &str, suite: &[Stmt], out: &mut Vec<Edit>) {
    let dicts = plain_dicts(src, suite);
    if dicts.is_empty() {
        return;
    }
    let mut done: Vec<(usize, usize)> = Vec::new();
    functions(suite, &mut |f| {
        crate::analysis::walk::each_stmt(&f.body, &mut |s| {
            for (e, _) in crate::analysis::walk::stmt_exprs(s) {
                crate::analysis::walk::each_expr(e, &mut |x| {
                    let Expr::Subscript(sub) = x else { return };
                    let (a, z) = span(x.range());
                    if sub.ctx != ast::ExprContext::Load || done.contains(&(a, z)) {
                        return;
                    }
                    let (vs, ve) = span(sub.value.range());
                    let (ks, ke) = span(sub.slice.range());
                    let (d, k) = (&src[vs..ve], &src[ks..ke]);
                    if !dicts.contains(&d) || matches!(sub.slice.as_ref(), Expr::Slice(_)) {
                        return;
                    }
                    done.push((a, z));
                    for default in ["", ", 0", ", []"] {
                        let replacement = format!("{d}.get({k}{default})");
                        let change = format!("`{}` has a default for a missing key", shorten(&src[a..z]));
                        out.push(Edit {
                            kind: MutantKind::KeyDefault,
                            start: a,
                            end: z,
                            replacement,
                            change,
                            at: None,
                        });
                    }
                });
            }
        })
    });
}

fn apply(source: &str, mut edits: Vec<Edit>) -> Vec<Mutant> {
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
                line: lines.line(e.at.unwrap_or(e.start)),
                change: e.change,
                source: text,
            })
        })
        .collect()
}

/// Calls `f` on every function definition, methods and nested functions included.
fn functions<'a>(stmts: &'a [Stmt], f: &mut dyn FnMut(&'a ast::StmtFunctionDef)) {
    for stmt in stmts {
        match stmt {
            Stmt::FunctionDef(def) => {
                f(def);
                functions(&def.body, f);
            }
            Stmt::ClassDef(c) => functions(&c.body, f),
            _ => functions_in(stmt, f),
        }
    }
}

fn functions_in<'a>(stmt: &'a Stmt, f: &mut dyn FnMut(&'a ast::StmtFunctionDef)) {
    for b in child_blocks(stmt) {
        functions(b, f);
    }
}

/// The whitespace before the statement starting at `at`, when it starts its line.
fn indent_of(src: &str, at: usize) -> Option<&str> {
    let line_start = src[..at].rfind('\n').map_or(0, |i| i + 1);
    let indent = &src[line_start..at];
    indent.chars().all(|c| c == ' ' || c == '\t').then_some(indent)
}

fn insert(kind: MutantKind, at: usize, text: String, change: String, said_at: Option<usize>) -> Edit {
    Edit { kind, start: at, end: at, replacement: text, change, at: said_at }
}

fn repair_function(src: &str, f: &ast::StmtFunctionDef, folds: &[(&str, String)], sizes: &[&str], out: &mut Vec<Edit>) {
    let Some(first) = f.body.first() else { return };
    let start = usize::from(first.range().start());
    let Some(ind) = indent_of(src, start) else { return }; // a one-line `def f(x): return x`
    let params = inputs_of(f);
    let inputs = params.clone();
    let params = &params[..params.len().min(3)];
    // In a function that calls itself, an argument can be empty in a call it makes (a missing child).
    let recursive = text(src, f).matches(&format!("{}(", f.name)).count() > 1;
    let own_calls = if recursive { ", in a function that calls itself" } else { "" };
    // At the top: normalise a string input, or return early on an empty one.
    for p in params {
        for (code, what) in [
            (format!("{p} = {p}.lower()"), format!("case-folded `{p}` first")),
            (format!("{p} = ''.join(c for c in {p} if c.isalnum())"), format!("kept only letters and digits of `{p}`")),
            (
                format!("{p} = ''.join(c.lower() for c in {p} if c.isalnum())"),
                format!("case-folded `{p}` and kept only its letters and digits"),
            ),
        ] {
            out.push(insert(MutantKind::Normalised, start, format!("{code}\n{ind}"), what, cleaned_at(f, p)));
        }
        for v in ["0", "[]", "False", "\"\"", "None"] {
            let code = format!("if not {p}:\n{ind}    return {v}\n{ind}");
            out.push(insert(
                MutantKind::AddedGuard,
                start,
                code,
                format!("returns {v} first when `{p}` is empty{own_calls}"),
                first_read(src, f, p),
            ));
        }
    }
    if let [a, b, ..] = params[..] {
        for (op, how) in [("!=", "differ in length"), (">", "when `{a}` is longer")] {
            let code = format!("if len({a}) {op} len({b}):\n{ind}    return False\n{ind}");
            let what = match op {
                "!=" => format!("returns False first when `{a}` and `{b}` differ in length"),
                _ => format!("returns False first {}", how.replace("{a}", a)),
            };
            out.push(insert(MutantKind::AddedGuard, start, code, what, None));
        }
    }
    // Two inputs combined (`merge(a, b)`): when one is empty the answer is the other.
    if let [a, b] = params[..] {
        for (x, y) in [(a, b), (b, a)] {
            let code = format!("if not {x}:\n{ind}    return {y}\n{ind}");
            let what = format!("returns `{y}` first when `{x}` is empty");
            out.push(insert(MutantKind::AddedGuard, start, code, what, first_read(src, f, x)));
        }
    }
    let (fs, fe) = span(f.range);
    let fn_text = &src[fs..fe];
    // Two nodes walked together (`same_tree(p, q)`): an answer first when either is missing.
    if let [a, b, ..] = params[..] {
        let walks = |p: &str| [".left", ".right", ".next", ".val"].iter().any(|f| fn_text.contains(&format!("{p}{f}")));
        if walks(a) && walks(b) {
            let code = format!("if not {a} or not {b}:\n{ind}    return {a} is {b}\n{ind}");
            let what = format!("returns first when `{a}` or `{b}` is empty");
            out.push(insert(MutantKind::AddedGuard, start, code, what, None));
        }
    }
    let mut stmts = Vec::new();
    crate::analysis::walk::each_stmt(&f.body, &mut |s| stmts.push(s));
    // A distance or cost that starts infinite and is returned as it is: the goal may be out of reach.
    if fn_text.contains("inf") {
        for s in &stmts {
            let Stmt::Return(r) = s else { continue };
            let Some(v) = r.value.as_deref() else { continue };
            if matches!(v, Expr::Constant(_)) {
                continue;
            }
            let (vs, ve) = span(v.range());
            let value = &src[vs..ve];
            for none in ["-1", "0"] {
                let replacement = format!("({none} if ({value}) == float('inf') else ({value}))");
                let change = format!("answers `{none}` when `{}` is infinite", shorten(value));
                out.push(Edit { kind: MutantKind::Unreachable, start: vs, end: ve, replacement, change, at: None });
            }
        }
    }
    // A list returned as built, when the function is given a count of items: all of them, or none.
    let counts: Vec<&str> = params
        .iter()
        .copied()
        .filter(|p| fn_text.contains(&format!("range({p})")) || fn_text.contains(&format!("* {p}")))
        .collect();
    for s in &stmts {
        let Stmt::Return(r) = s else { continue };
        let Some(Expr::Name(v)) = r.value.as_deref() else { continue };
        if !fn_text.contains(&format!("{}.append(", v.id)) {
            continue;
        }
        let (vs, ve) = span(v.range);
        for n in &counts {
            let replacement = format!("({0} if len({0}) == {n} else [])", v.id);
            let change = format!("answers `[]` unless `{}` holds all `{n}` items", v.id);
            out.push(Edit { kind: MutantKind::IncompleteResult, start: vs, end: ve, replacement, change, at: None });
        }
    }
    index_arithmetic(src, &stmts, out);
    conditions(src, &stmts, &inputs, out);
    empty_takes(src, &stmts, &inputs, out);
    checks::unbounded_cells(src, &stmts, out);
    checks::unguarded_reads(src, &stmts, out);
    checks::unguarded_peeks(src, &f.body, &inputs, false, out);
    checks::none_items(src, &stmts, &inputs, out);
    checks::stored_keys(src, f, &inputs, out);
    checks::truthy_lookups(&stmts, out);
    checks::writes_past_end(src, &stmts, out);
    checks::empty_answer_left_out(fn_text, &stmts, out);
    search_starts(src, &stmts, out);
    let (lists, scalars) = split_params(fn_text, &inputs);
    checks::counted_indexes(fn_text, &stmts, &scalars, out);
    shifts::shifts(src, f, &stmts, sizes, &lists, out);
    visits::visits(src, f, &stmts, out);
    for s in &stmts {
        match s {
            // After a loop: repeat a step that adds to a result, for the group the loop was building.
            Stmt::For(_) | Stmt::While(_) => {
                let (loop_start, loop_end) = span(s.range());
                let Some(loop_ind) = indent_of(src, loop_start) else { continue };
                let mut steps: Vec<String> = Vec::new();
                let body = child_blocks(s).first().copied().unwrap_or_default();
                crate::analysis::walk::each_stmt(body, &mut |b| {
                    if flushes(b) {
                        let (a, z) = span(b.range());
                        steps.push(src[a..z].to_string());
                    }
                    // A flush guarded by a flag (`if not placed: ...`): the whole `if`, moved to the loop's indent.
                    if let Stmt::If(i) = b {
                        let (a, z) = span(b.range());
                        let short = i.orelse.is_empty() && i.body.len() <= 3 && i.body.iter().any(flushes);
                        let if_ind = indent_of(src, a).unwrap_or_default();
                        let lines: Vec<&str> = src[a..z].lines().collect();
                        if short && lines.len() <= 4 && lines[1..].iter().all(|l| l.starts_with(if_ind)) {
                            let moved: Vec<String> =
                                lines
                                    .iter()
                                    .enumerate()
                                    .map(|(n, l)| {
                                        if n == 0 {
                                            l.to_string()
                                        } else {
                                            format!("{loop_ind}{}", &l[if_ind.len()..])
                                        }
                                    })
                                    .collect();
                            steps.push(moved.join("\n"));
                        }
                    }
                });
                // The loop's index after it ends is the last one, not the end: also try `len(seq)` for it.
                // When that step is the loop's whole body, repeating it is one more pass of the loop: its
                // bound is one short (off by one, said at the loop), not a group left over.
                let mut one_more: Vec<String> = Vec::new();
                if let Some((index, seq)) = index_over(s) {
                    let with_end: Vec<String> =
                        steps.iter().filter_map(|t| replace_word(t, index, &format!("len({seq})"))).collect();
                    if body.len() == 1 {
                        one_more = with_end.clone();
                    }
                    steps.extend(with_end);
                }
                // Said to be where the step is missing: the first line after the loop.
                let after = src[loop_end..].find(|c: char| !c.is_whitespace()).map_or(loop_start, |i| loop_end + i);
                let mut seen = Vec::new();
                for step in steps {
                    if seen.contains(&step) {
                        continue;
                    }
                    let text = format!("\n{loop_ind}{step}");
                    if one_more.contains(&step) {
                        let change = format!("the loop runs once more (`{}` after it)", shorten(&step));
                        out.push(insert(MutantKind::Bound, loop_end, text, change, Some(loop_start)));
                    } else {
                        let change = format!("repeated `{}` after the loop", shorten(&step));
                        out.push(insert(MutantKind::AddedLastStep, loop_end, text, change, Some(after)));
                    }
                    seen.push(step);
                }
                same_index(src, s, out);
            }
            // A running best: try the other usual starts (also one of several set at once: `a, b = 0, 0`).
            Stmt::Assign(a) if a.targets.len() == 1 => {
                for (target, value) in assigned_pairs(a) {
                    start_values(src, f, text(src, target), value, folds, params, out);
                }
            }
            // Sorting keeps repeated values; many loops over the sorted values assume there are none.
            Stmt::Expr(e) => {
                let Expr::Call(c) = e.value.as_ref() else { continue };
                let sorted_in_place = crate::analysis::walk::call_name(c) == Some("sort") && c.args.is_empty();
                let Some(list) = crate::analysis::walk::receiver(c).and_then(crate::analysis::walk::name) else {
                    continue;
                };
                if sorted_in_place && c.keywords.is_empty() {
                    let (a, z) = span(s.range());
                    let change = format!("sorted `{list}` without its repeated values");
                    let replacement = format!("{list}[:] = sorted(set({list}))");
                    out.push(Edit { kind: MutantKind::Deduplicated, start: a, end: z, replacement, change, at: None });
                }
            }
            _ => {}
        }
    }
    // `return True` at the end, with a stack or queue still holding items: check that it is empty.
    if let Some(Stmt::Return(r)) = f.body.last() {
        let is_true = matches!(r.value.as_deref(), Some(Expr::Constant(c)) if matches!(c.value, Constant::Bool(true)));
        if is_true {
            let (vs, ve) = span(r.value.as_deref().map_or(r.range, |v| v.range()));
            let stacks =
                pushed_names(&stmts).into_iter().map(|h| (format!("not {h}"), format!("whether `{h}` is empty")));
            let counts = counted_down(&stmts)
                .into_iter()
                .map(|d| (format!("all(v == 0 for v in {d}.values())"), format!("whether every count in `{d}` is 0")));
            for (replacement, what) in stacks.chain(counts) {
                let change = format!("returns {what} instead of `True`");
                out.push(Edit { kind: MutantKind::LeftoverCheck, start: vs, end: ve, replacement, change, at: None });
            }
        }
    }
}

/// `for i in range(len(xs))` or `for i, x in enumerate(xs)`: the index name and the sequence's text.
fn index_over(s: &Stmt) -> Option<(&str, String)> {
    let Stmt::For(f) = s else { return None };
    let Expr::Call(c) = f.iter.as_ref() else { return None };
    let name = crate::analysis::walk::call_name(c)?;
    let index = match f.target.as_ref() {
        Expr::Tuple(t) if name == "enumerate" => crate::analysis::walk::name(t.elts.first()?)?,
        t if name == "range" => crate::analysis::walk::name(t)?,
        _ => return None,
    };
    let seq = match (name, c.args.as_slice()) {
        ("enumerate", [xs, ..]) => crate::analysis::walk::name(xs)?.to_string(),
        ("range", [Expr::Call(len)]) if crate::analysis::walk::call_name(len) == Some("len") => {
            crate::analysis::walk::name(len.args.first()?)?.to_string()
        }
        _ => return None,
    };
    Some((index, seq))
}

/// `text` with the whole word `word` replaced, or `None` when it does not occur.
fn replace_word(text: &str, word: &str, with: &str) -> Option<String> {
    let mut out = String::new();
    let mut rest = text;
    let mut found = false;
    while let Some(at) = find_word(rest, word) {
        out.push_str(&rest[..at]);
        out.push_str(with);
        rest = &rest[at + word.len()..];
        found = true;
    }
    out.push_str(rest);
    found.then_some(out)
}

/// Inside a loop over an index `i`: `if k in seen:` may find the item the loop is on; try skipping it.
fn same_index(src: &str, s: &Stmt, out: &mut Vec<Edit>) {
    let Some(index) = (match s {
        Stmt::For(f) => match f.target.as_ref() {
            Expr::Tuple(t) => t.elts.first().and_then(crate::analysis::walk::name),
            t => crate::analysis::walk::name(t),
        },
        _ => None,
    }) else {
        return;
    };
    crate::analysis::walk::each_stmt(child_blocks(s).first().copied().unwrap_or_default(), &mut |b| {
        let Stmt::If(i) = b else { return };
        let Expr::Compare(c) = i.test.as_ref() else { return };
        let ([CmpOp::In], [Expr::Name(d)]) = (c.ops.as_slice(), c.comparators.as_slice()) else { return };
        let (ts, te) = span(i.test.range());
        let (ks, ke) = span(c.left.range());
        let (test, key) = (&src[ts..te], &src[ks..ke]);
        let replacement = format!("{test} and {}[{key}] != {index}", d.id.as_str());
        let change = format!("skips `{index}` itself when looking `{}` up", shorten(key));
        out.push(Edit { kind: MutantKind::DistinctIndex, start: ts, end: te, replacement, change, at: None });
    });
}

/// Index arithmetic one off: `right - left` plus or minus one, and every index of a returned
/// `[i, j]` plus or minus one.
fn index_arithmetic(src: &str, stmts: &[&Stmt], out: &mut Vec<Edit>) {
    let is_index = |e: &Expr| matches!(e, Expr::Name(_) | Expr::Subscript(_) | Expr::Attribute(_));
    for s in stmts {
        if let Stmt::Return(r) = s {
            if let Some(Expr::List(l)) = r.value.as_deref() {
                if !l.elts.is_empty() && l.elts.iter().all(|e| matches!(e, Expr::Name(_))) {
                    let (a, z) = span(l.range);
                    for (sign, word) in [("+", "plus"), ("-", "minus")] {
                        let names: Vec<String> = l.elts.iter().map(|e| format!("{} {sign} 1", text(src, e))).collect();
                        out.push(Edit {
                            kind: MutantKind::Bound,
                            start: a,
                            end: z,
                            replacement: format!("[{}]", names.join(", ")),
                            change: format!("every returned index {word} one"),
                            at: None,
                        });
                    }
                }
            }
        }
        for (e, _) in stmt_exprs(s) {
            crate::analysis::walk::each_expr(e, &mut |x| {
                let Expr::BinOp(b) = x else { return };
                if b.op != ast::Operator::Sub || !is_index(&b.left) || !is_index(&b.right) {
                    return;
                }
                let (a, z) = span(b.range);
                let text = &src[a..z];
                for (sign, word) in [("+", "plus"), ("-", "minus")] {
                    out.push(Edit {
                        kind: MutantKind::Bound,
                        start: a,
                        end: z,
                        replacement: format!("({text}) {sign} 1"),
                        change: format!("`{}` {word} one", shorten(text)),
                        at: None,
                    });
                }
            });
        }
    }
}

/// Repairs of `if` and `while` conditions: a list indexed at one end in a test (`stack[-1] < x`) guarded
/// against being empty; a `while a or b:` kept going while a value the loop updates (a carry) is left; and
/// a sentinel as big as a real value (`2**31`, `10**9`) replaced by infinity.
fn conditions(src: &str, stmts: &[&Stmt], inputs: &[&str], out: &mut Vec<Edit>) {
    for s in stmts {
        let Some(test) = test_of(s) else { continue };
        let (ts, te) = span(test.range());
        let mut ends: Vec<String> = Vec::new();
        crate::analysis::walk::each_expr(test, &mut |x| {
            let Expr::Subscript(sub) = x else { return };
            let at_end = matches!(crate::analysis::walk::int_const(&sub.slice), Some(0 | -1));
            let list = text(src, sub.value.as_ref()).to_string();
            if at_end && matches!(sub.value.as_ref(), Expr::Name(_) | Expr::Attribute(_)) && !ends.contains(&list) {
                ends.push(list);
            }
        });
        for list in ends {
            let t = &src[ts..te];
            // The input's own end (an input shape) or the end of a collection the code fills (its state).
            let whose = if inputs.contains(&list.as_str()) { "the input " } else { "" };
            for (replacement, what) in [
                (format!("(not {list} or ({t}))"), format!("holds when {whose}`{list}` is empty")),
                (format!("({list} and ({t}))"), format!("fails when {whose}`{list}` is empty")),
            ] {
                let change = format!("the test `{}` {what}", shorten(t));
                out.push(Edit { kind: MutantKind::AddedGuard, start: ts, end: te, replacement, change, at: None });
            }
        }
        if let (Stmt::While(w), Expr::BoolOp(b)) = (s, test) {
            if b.op == ast::BoolOp::And {
                leftovers(stmts, s, b, out);
            }
            if b.op == ast::BoolOp::Or {
                let mut updated: Vec<&str> = Vec::new();
                crate::analysis::walk::each_stmt(&w.body, &mut |x| {
                    let target = match x {
                        Stmt::Assign(a) if a.targets.len() == 1 => a.targets.first(),
                        Stmt::AugAssign(a) => Some(a.target.as_ref()),
                        _ => None,
                    };
                    // `carry, digit = divmod(total, 10)` updates both names.
                    let names: Vec<&str> = match target {
                        Some(Expr::Tuple(t)) => t.elts.iter().filter_map(crate::analysis::walk::name).collect(),
                        other => other.and_then(crate::analysis::walk::name).into_iter().collect(),
                    };
                    for n in names {
                        if !crate::analysis::walk::mentions(test, n) && !updated.contains(&n) {
                            updated.push(n);
                        }
                    }
                });
                for n in updated {
                    let replacement = format!("{} or {n}", &src[ts..te]);
                    let change = format!("the loop also runs while `{n}` is left");
                    out.push(Edit {
                        kind: MutantKind::AddedLastStep,
                        start: ts,
                        end: te,
                        replacement,
                        change,
                        at: None,
                    });
                }
            }
        }
    }
    for s in stmts {
        for (e, _) in stmt_exprs(s) {
            crate::analysis::walk::each_expr(e, &mut |x| {
                let (negative, inner) = match x {
                    Expr::UnaryOp(u) if u.op == ast::UnaryOp::USub => (true, u.operand.as_ref()),
                    _ => (false, x),
                };
                let big = match inner {
                    Expr::BinOp(b) if b.op == ast::Operator::Pow => {
                        matches!(crate::analysis::walk::int_const(&b.left), Some(2 | 10))
                            && crate::analysis::walk::int_const(&b.right).is_some_and(|p| p >= 9)
                    }
                    other => crate::analysis::walk::int_const(other).is_some_and(|v| v.abs() >= 1_000_000_000),
                };
                if big && (negative || !matches!(x, Expr::UnaryOp(_))) {
                    let (a, z) = span(x.range());
                    let replacement = if negative { "float('-inf')" } else { "float('inf')" }.to_string();
                    let change = format!("the sentinel `{}` is infinite", shorten(&src[a..z]));
                    out.push(Edit { kind: MutantKind::InitialValue, start: a, end: z, replacement, change, at: None });
                }
            });
        }
    }
}

/// Where a string parameter's characters are first used as they come, so where cleaning them is missing:
/// the statement that already filters or transforms them (`kept = [c for c in s if c.isalnum()]`), else the
/// first comparison of two of its characters (`s[i] != s[j]`). `None` when neither is there.
fn cleaned_at(f: &ast::StmtFunctionDef, p: &str) -> Option<usize> {
    let mut filtered = None;
    let mut compared = None;
    crate::analysis::walk::each_stmt(&f.body, &mut |s| {
        for (e, _) in stmt_exprs(s) {
            crate::analysis::walk::each_expr(e, &mut |x| match x {
                Expr::ListComp(ast::ExprListComp { generators, .. })
                | Expr::GeneratorExp(ast::ExprGeneratorExp { generators, .. })
                    if generators.iter().any(|g| crate::analysis::walk::name(&g.iter) == Some(p)) =>
                {
                    filtered = filtered.or(Some(span(s.range()).0));
                }
                Expr::Compare(c) if c.ops.len() == 1 => {
                    let of_p = |e: &Expr| matches!(e, Expr::Subscript(sub) if crate::analysis::walk::name(&sub.value) == Some(p));
                    if of_p(&c.left) && c.comparators.iter().all(of_p) {
                        compared = compared.or(Some(span(x.range()).0));
                    }
                }
                _ => {}
            });
        }
    });
    filtered.or(compared)
}

/// A function's parameters, `self` and `cls` left out: its inputs.
fn inputs_of(f: &ast::StmtFunctionDef) -> Vec<&str> {
    let all = f.args.posonlyargs.iter().chain(&f.args.args);
    all.map(|a| a.def.arg.as_str()).filter(|n| *n != "self" && *n != "cls").collect()
}

/// The test of an `if` or a `while`.
fn test_of(s: &Stmt) -> Option<&Expr> {
    match s {
        Stmt::If(i) => Some(i.test.as_ref()),
        Stmt::While(w) => Some(w.test.as_ref()),
        _ => None,
    }
}

/// A function's parameters split by use, judged from its text: those read as sequences (indexed, iterated,
/// measured, or given a method call) and the rest (counts, bounds, targets).
fn split_params<'a>(fn_text: &str, params: &[&'a str]) -> (Vec<&'a str>, Vec<&'a str>) {
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    // Whole words only: `k` is not read as a sequence by `stack.pop()`, nor `xs` by ` in xs2`.
    let starts_word =
        |pat: &str| fn_text.match_indices(pat).any(|(i, _)| !fn_text[..i].chars().next_back().is_some_and(ident));
    let ends_word = |pat: &str| {
        fn_text.match_indices(pat).any(|(i, _)| !fn_text[i + pat.len()..].chars().next().is_some_and(ident))
    };
    params.iter().partition(|p| {
        starts_word(&format!("{p}["))
            || starts_word(&format!("{p}."))
            || ends_word(&format!(" in {p}"))
            || fn_text.contains(&format!("len({p})"))
    })
}

/// After `while a and b:` (two sequences walked together, as in a merge), a statement that takes what is
/// left of `a` (`tail.next = a`) but not of `b`: it takes `a or b`.
fn leftovers(stmts: &[&Stmt], w: &Stmt, test: &ast::ExprBoolOp, out: &mut Vec<Edit>) {
    let [x, y] = &test.values[..] else { return };
    let (Some(a), Some(b)) = (crate::analysis::walk::name(x), crate::analysis::walk::name(y)) else { return };
    let end = span(w.range()).1;
    let Some(after) = stmts.iter().find(|s| span(s.range()).0 >= end) else { return };
    let Stmt::Assign(asg) = after else { return };
    let v = asg.value.as_ref();
    for (has, lacks) in [(a, b), (b, a)] {
        if crate::analysis::walk::name(v) == Some(has) && !crate::analysis::walk::mentions(v, lacks) {
            let (vs, ve) = span(v.range());
            let change = format!("the step after the loop also takes what is left of `{lacks}`");
            let replacement = format!("{has} or {lacks}");
            out.push(Edit { kind: MutantKind::AddedLastStep, start: vs, end: ve, replacement, change, at: None });
        }
    }
}

/// Every pop from a stack, queue or heap the code fills (not an input), made to take nothing when it is
/// empty: `stack.pop()` → `(stack.pop() if stack else None)`, `heappop(h)` likewise.
fn empty_takes(src: &str, stmts: &[&Stmt], inputs: &[&str], out: &mut Vec<Edit>) {
    for s in stmts {
        for (e, _) in stmt_exprs(s) {
            crate::analysis::walk::each_expr(e, &mut |x| {
                let Expr::Call(c) = x else { return };
                let from = match crate::analysis::walk::call_name(c) {
                    Some("pop" | "popleft") if c.args.len() <= 1 => crate::analysis::walk::receiver(c),
                    Some("heappop") if c.args.len() == 1 => c.args.first(),
                    _ => None,
                };
                let Some(from) = from.filter(|f| matches!(f, Expr::Name(_) | Expr::Attribute(_))) else { return };
                let who = text(src, from);
                if inputs.contains(&who) {
                    return;
                }
                let (a, z) = span(x.range());
                let call = &src[a..z];
                let replacement = format!("({call} if {who} else None)");
                let change = format!("`{}` takes nothing when `{who}` is empty", shorten(call));
                out.push(Edit { kind: MutantKind::EmptyTake, start: a, end: z, replacement, change, at: None });
            });
        }
    }
}

/// Tests on positions in a grid (`if nr < rows and nc < cols and ...`, `if r < 0 or ...: return`): the
/// lower bound a position lacks, and the cell check (`grid[r][c] == "1"`) the rest of the code makes, added
/// in the test's own form (`and` for a test that lets the walk in, `or` for one that turns it away).
fn grid_tests(src: &str, suite: &[Stmt], stmts: &[&Stmt], sizes: &[&str], out: &mut Vec<Edit>) {
    use ast::CmpOp::{Eq, Gt, GtE, Lt, LtE, NotEq};
    // `grid[r][c] == "1"` anywhere: (the grid's text, `==` or `!=`, the literal).
    let mut cells: Vec<(String, &str, String)> = Vec::new();
    for s in stmts {
        for (e, _) in stmt_exprs(s) {
            crate::analysis::walk::each_expr(e, &mut |x| {
                let Expr::Compare(c) = x else { return };
                let ([op], [right]) = (&c.ops[..], &c.comparators[..]) else { return };
                let Expr::Subscript(outer) = c.left.as_ref() else { return };
                let Expr::Subscript(inner) = outer.value.as_ref() else { return };
                let op = match op {
                    Eq => "==",
                    NotEq => "!=",
                    _ => return,
                };
                if matches!(right, Expr::Constant(_)) {
                    let cell = (text(src, inner.value.as_ref()).to_string(), op, text(src, right).to_string());
                    if !cells.contains(&cell) {
                        cells.push(cell);
                    }
                }
            });
        }
    }
    for s in stmts {
        let Some(test) = test_of(s) else { continue };
        // Names ordered against something other than a constant (`nr < rows`, `0 <= c < cols`), and those of
        // them also bounded below by 0.
        let (mut positions, mut floored): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
        crate::analysis::walk::each_expr(test, &mut |x| {
            let Expr::Compare(c) = x else { return };
            let operands: Vec<&Expr> = std::iter::once(c.left.as_ref()).chain(c.comparators.iter()).collect();
            for (i, op) in c.ops.iter().enumerate() {
                if !matches!(op, Lt | LtE | Gt | GtE) {
                    continue;
                }
                let (a, b) = (operands[i], operands[i + 1]);
                for (this, other) in [(a, b), (b, a)] {
                    let Expr::Name(n) = this else { continue };
                    if sizes.contains(&n.id.as_str()) {
                        continue;
                    }
                    let zero = crate::analysis::walk::int_const(other) == Some(0);
                    if zero && !floored.iter().any(|f| f == n.id.as_str()) {
                        floored.push(n.id.to_string());
                    }
                    if !matches!(other, Expr::Constant(_)) && !positions.iter().any(|p| p == n.id.as_str()) {
                        positions.push(n.id.to_string());
                    }
                }
            }
        });
        if positions.is_empty() || positions.len() > 2 {
            continue;
        }
        let (ts, te) = span(test.range());
        let t = &src[ts..te];
        let lets_in = !matches!(test, Expr::BoolOp(b) if b.op == ast::BoolOp::Or);
        let missing: Vec<&String> = positions.iter().filter(|p| !floored.contains(p)).collect();
        if !missing.is_empty() {
            let (replacement, what) = match lets_in {
                true => (
                    format!(
                        "{} and ({t})",
                        missing.iter().map(|p| format!("0 <= {p}")).collect::<Vec<_>>().join(" and ")
                    ),
                    "also needs",
                ),
                false => (
                    format!("{} or ({t})", missing.iter().map(|p| format!("{p} < 0")).collect::<Vec<_>>().join(" or ")),
                    "also turns away",
                ),
            };
            let bound = missing.iter().map(|p| format!("`{p}` below 0")).collect::<Vec<_>>().join(", ");
            let change = format!("the test `{}` {what} {bound}", shorten(t));
            out.push(Edit { kind: MutantKind::BoundsCheck, start: ts, end: te, replacement, change, at: None });
        }
        if let [r, c] = &positions[..] {
            for (grid, op, lit) in &cells {
                let (join, cmp) = match (lets_in, *op) {
                    (true, op) => ("and", op),
                    (false, "==") => ("or", "!="),
                    (false, _) => ("or", "=="),
                };
                let replacement = format!("({t}) {join} {grid}[{r}][{c}] {cmp} {lit}");
                let change = format!("the test `{}` also checks `{grid}[{r}][{c}] {cmp} {lit}`", shorten(t));
                // A test that turns the walk away guards what comes after the guards: that is said.
                let at = if lets_in { None } else { after_guards(suite, s) };
                out.push(Edit { kind: MutantKind::CellCheck, start: ts, end: te, replacement, change, at });
            }
        }
    }
}

/// Names of counters that are counted down (`count[k] -= 1`).
fn counted_down<'a>(stmts: &[&'a Stmt]) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for s in stmts {
        let Stmt::AugAssign(a) = s else { continue };
        let Expr::Subscript(sub) = a.target.as_ref() else { continue };
        if let Some(d) =
            crate::analysis::walk::name(&sub.value).filter(|d| a.op == ast::Operator::Sub && !out.contains(d))
        {
            out.push(d);
        }
    }
    out
}

/// A statement that adds to a result: `xs.append(...)`, `xs.add(...)`, `xs.extend(...)`, `n += ...`,
/// `best = max(best, ...)`.
fn flushes(s: &Stmt) -> bool {
    match s {
        Stmt::Expr(e) => matches!(e.value.as_ref(), Expr::Call(c)
            if matches!(crate::analysis::walk::call_name(c), Some("append" | "add" | "extend" | "appendleft"))
                && crate::analysis::walk::receiver(c).is_some()),
        Stmt::AugAssign(_) => true,
        // `best = max(best, ...)`
        Stmt::Assign(a) => {
            let var = a.targets.first().and_then(crate::analysis::walk::name);
            a.targets.len() == 1
                && a.value.as_call_expr().is_some_and(|c| {
                    matches!(c.func.as_ref(), Expr::Name(n) if matches!(n.id.as_str(), "max" | "min"))
                        && c.args.iter().any(|x| var.is_some() && crate::analysis::walk::name(x) == var)
                })
        }
        _ => false,
    }
}

/// `x = max(x, ...)` or `self.best = min(..., self.best)`: the fold (`max`/`min`) and the target's text.
fn running_update<'a>(src: &str, a: &'a ast::StmtAssign) -> Option<(&'a str, String)> {
    let target = a.targets.first().filter(|t| matches!(t, Expr::Name(_) | Expr::Attribute(_)))?;
    let (ts, te) = span(target.range());
    let var = &src[ts..te];
    let Expr::Call(c) = a.value.as_ref() else { return None };
    let fold = match c.func.as_ref() {
        Expr::Name(n) if n.id.as_str() == "max" || n.id.as_str() == "min" => n.id.as_str(),
        _ => return None,
    };
    c.args.iter().any(|x| text(src, x) == var).then(|| (fold, var.to_string()))
}

/// A state folded through a new name, `new_hold = max(hold, rest - p)` then `hold = new_hold` (also in a
/// tuple, `hold, sold = new_hold, new_sold`): `("max", "hold")`. `stmts` are a function's statements.
fn folded_through<'a>(src: &'a str, stmts: &[&'a Stmt]) -> Vec<(&'a str, String)> {
    let mut copies: Vec<(&str, &str)> = Vec::new();
    let mut through: Vec<(&str, &str, &str)> = Vec::new();
    for s in stmts {
        let Stmt::Assign(a) = s else { continue };
        for (t, v) in assigned_pairs(a) {
            match v {
                Expr::Name(_) => copies.push((text(src, t), text(src, v))),
                Expr::Call(c) => {
                    let fold = crate::analysis::walk::call_name(c).filter(|n| *n == "max" || *n == "min");
                    let first = c.args.first().filter(|x| matches!(x, Expr::Name(_)));
                    if let (Some(fold), Some(y)) = (fold, first) {
                        through.push((fold, text(src, y), text(src, t)));
                    }
                }
                _ => {}
            }
        }
    }
    through
        .into_iter()
        .filter(|(_, y, t)| y != t && copies.contains(&(*y, *t)))
        .map(|(fold, y, _)| (fold, y.to_string()))
        .collect()
}

/// What an assignment to one target sets, as (target, value) pairs: `a, b = x, y` gives two; a tuple
/// unpacked from one value (`a, b = pair`) or a chain (`a = b = 0`) gives none.
fn assigned_pairs(a: &ast::StmtAssign) -> Vec<(&Expr, &Expr)> {
    match (&a.targets[..], a.value.as_ref()) {
        ([Expr::Tuple(t)], Expr::Tuple(v)) if t.elts.len() == v.elts.len() => t.elts.iter().zip(&v.elts).collect(),
        ([Expr::Tuple(_)], _) => Vec::new(),
        ([t], v) => vec![(t, v)],
        _ => Vec::new(),
    }
}

/// Names that are pushed to (`append`) and popped from (`pop`) in these statements: stacks and queues.
fn pushed_names<'a>(stmts: &[&'a Stmt]) -> Vec<&'a str> {
    let mut pushed: Vec<&str> = Vec::new();
    let mut popped: Vec<&str> = Vec::new();
    for s in stmts {
        for (e, _) in stmt_exprs(s) {
            crate::analysis::walk::each_expr(e, &mut |x| {
                let Expr::Call(c) = x else { return };
                let Some(who) = crate::analysis::walk::receiver(c).and_then(crate::analysis::walk::name) else {
                    return;
                };
                match crate::analysis::walk::call_name(c) {
                    Some("append") if !pushed.contains(&who) => pushed.push(who),
                    Some("pop" | "popleft") if !popped.contains(&who) => popped.push(who),
                    _ => {}
                }
            });
        }
    }
    pushed.retain(|n| popped.contains(n));
    pushed
}

/// The source text of a node.
fn text<'s>(src: &'s str, node: &impl Ranged) -> &'s str {
    let (a, z) = span(node.range());
    &src[a..z]
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
    Edit { kind, start, end, replacement: "pass".into(), change: format!("dropped the {what} `{shown}`"), at: None }
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
                        at: None,
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
                                at: None,
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
                        at: None,
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
        // The size of a table (`[0] * n`, `[[0] * cols for ...]`): one slot short or over.
        Expr::BinOp(b) if b.op == ast::Operator::Mult => {
            let one = |x: &Expr| matches!(x, Expr::List(l) if l.elts.len() == 1);
            let size = if one(&b.left) { Some(&b.right) } else { Some(&b.left).filter(|_| one(&b.right)) };
            if let Some(size) = size {
                // A product binds tighter than the step: `[0] * (n + 1)`.
                let from = out.len();
                bound(src, size, out);
                for e in &mut out[from..] {
                    e.replacement = format!("({})", e.replacement);
                }
            }
        }
        _ => {}
    }
    for sub in sub_exprs(e) {
        expr(src, sub, out);
    }
}

/// Where the first statement after `target` and the guards that follow it (`if ...: continue`) starts, in
/// whichever block of `suite` holds it.
fn after_guards(suite: &[Stmt], target: &Stmt) -> Option<usize> {
    let leaves = |s: &Stmt| {
        matches!(s, Stmt::If(i) if i.orelse.is_empty() && i.body.len() == 1
            && matches!(i.body[0], Stmt::Return(_) | Stmt::Continue(_) | Stmt::Break(_)))
    };
    if let Some(i) = suite.iter().position(|s| std::ptr::eq(s, target)) {
        return suite[i + 1..].iter().find(|s| !leaves(s)).map(|s| span(s.range()).0);
    }
    suite.iter().find_map(|s| {
        let inner: Vec<&[Stmt]> = match s {
            Stmt::FunctionDef(f) => vec![&f.body[..]],
            Stmt::ClassDef(c) => vec![&c.body[..]],
            other => child_blocks(other),
        };
        inner.into_iter().find_map(|b| after_guards(b, target))
    })
}

/// `lo, hi = 0, rows * cols` with `while lo <= hi:`: the start of a name a loop's test compares, when it is
/// computed (a literal start gets its own ±1), one step off either way.
fn search_starts(src: &str, stmts: &[&Stmt], out: &mut Vec<Edit>) {
    let mut compared: Vec<&str> = Vec::new();
    let mut loops: Vec<(usize, usize)> = Vec::new();
    for s in stmts {
        let Stmt::While(w) = s else { continue };
        loops.push(span(w.range));
        crate::analysis::walk::each_expr(&w.test, &mut |x| {
            if let Expr::Compare(c) = x {
                compared.extend(
                    std::iter::once(c.left.as_ref()).chain(&c.comparators).filter_map(crate::analysis::walk::name),
                );
            }
        });
    }
    for s in stmts {
        let Stmt::Assign(a) = s else { continue };
        // A start, not a step the loop takes (`hi = mid - 1` has its own ±1 on the literal).
        let at = span(a.range).0;
        if loops.iter().any(|(from, to)| (*from..*to).contains(&at)) {
            continue;
        }
        for (t, v) in assigned_pairs(a) {
            let computed = matches!(v, Expr::BinOp(_) | Expr::Call(_));
            if computed && crate::analysis::walk::name(t).is_some_and(|n| compared.contains(&n)) {
                bound(src, v, out);
            }
        }
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
            at: None,
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
        at: None,
    })
}

/// Where a guard for an empty `p` at the top is said: the first statement that reads `p` (the guard only
/// goes before it).
fn first_read(src: &str, f: &ast::StmtFunctionDef, p: &str) -> Option<usize> {
    let mut first = None;
    crate::analysis::walk::each_stmt(&f.body, &mut |s| {
        let (a, z) = span(s.range());
        // A compound statement's own line only: its body is visited on its own.
        let head = src[a..z].lines().next().unwrap_or("");
        if first.is_none() && find_word(head, p).is_some() {
            first = Some(a);
        }
    });
    first
}

/// The other usual starts of `var`, set to `value`: a running best (`folds`) from 0, infinity or an input's
/// first item; a start compared with the input's values (`prev_end = 0`, then `start >= prev_end`) from
/// either infinity, as the values can lie below (or above) it.
fn start_values(
    src: &str,
    f: &ast::StmtFunctionDef,
    var: &str,
    value: &Expr,
    folds: &[(&str, String)],
    params: &[&str],
    out: &mut Vec<Edit>,
) {
    let (vs, ve) = span(value.range());
    let now = &src[vs..ve];
    let starts: Vec<String> = match folds.iter().find(|(_, t)| t == var) {
        Some((fold, _)) => {
            let infinity = if *fold == "max" { "float('-inf')" } else { "float('inf')" };
            let mut starts = vec!["0".to_string(), infinity.to_string()];
            starts.extend(params.iter().map(|p| format!("{p}[0]")));
            starts
        }
        None if now == "0" && compared(text(src, f), var) => vec!["float('-inf')".into(), "float('inf')".into()],
        None => return,
    };
    for v in starts.into_iter().filter(|v| v != now) {
        let change = format!("`{var}` starts at `{v}` instead of `{}`", shorten(now));
        out.push(Edit { kind: MutantKind::InitialValue, start: vs, end: ve, replacement: v, change, at: None });
    }
}

/// Whether `var` is an operand of an ordering comparison (`<`, `<=`, `>`, `>=`) somewhere in `text`.
fn compared(text: &str, var: &str) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices(var).any(|(i, _)| {
        let before = text[..i].trim_end_matches(' ');
        let after = text[i + var.len()..].trim_start_matches(' ');
        if text[..i].chars().next_back().is_some_and(word) || text[i + var.len()..].chars().next().is_some_and(word) {
            return false;
        }
        let op_after =
            (after.starts_with('<') || after.starts_with('>')) && !after.starts_with("<<") && !after.starts_with(">>");
        let op_before =
            (before.ends_with('<') || before.ends_with('>') || before.ends_with("<=") || before.ends_with(">="))
                && !before.ends_with("<<")
                && !before.ends_with(">>");
        op_after || op_before
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

    #[test]
    fn repairs_check_keys_grids_unreached_goals_and_pairs_of_nodes() {
        let src = "class Solution:\n    def walk(self, grid, n):\n        rows, cols = len(grid), len(grid[0])\n        best, order, memo = float('inf'), [], {}\n        for r in range(n):\n            if grid[r][0] == '1':\n                order.append(r)\n        for nr, nc in ((1, 0), (0, 1)):\n            if nr < rows and nc < cols:\n                best = min(best, memo[nr])\n        return best\n\n    def same(self, p, q):\n        return p.val == q.val and self.same(p.left, q.left)\n\n    def cut(self, n):\n        order = []\n        for i in range(n):\n            order.append(i)\n        return order\n";
        let all = repairs(src);
        for m in &all {
            assert!(ast::Suite::parse(&m.source, "<m>").is_ok(), "{:?}\n{}", m.change, m.source);
        }
        let c: Vec<(MutantKind, u32, String)> = all.iter().map(|m| (m.kind, m.line, m.change.clone())).collect();
        for want in [
            (MutantKind::BoundsCheck, 9, "the test `nr < rows and nc < cols` also needs `nr` below 0, `nc` below 0"),
            (MutantKind::CellCheck, 9, "the test `nr < rows and nc < cols` also checks `grid[nr][nc] == '1'`"),
            (MutantKind::KeyDefault, 10, "`memo[nr]` has a default for a missing key"),
            (MutantKind::Unreachable, 11, "answers `-1` when `best` is infinite"),
            (MutantKind::AddedGuard, 14, "returns first when `p` or `q` is empty"),
            (MutantKind::IncompleteResult, 20, "answers `[]` unless `order` holds all `n` items"),
        ] {
            assert!(c.contains(&(want.0, want.1, want.2.to_string())), "missing {want:?} in {c:#?}");
        }
        let bounded = all.iter().find(|m| m.kind == MutantKind::BoundsCheck).unwrap();
        assert!(bounded.source.contains("if 0 <= nr and 0 <= nc and (nr < rows and nc < cols):"), "{}", bounded.source);
        // Sizes are bounds, not positions; a test that already has its lower bounds gets none.
        assert!(!c.iter().any(|(_, _, ch)| ch.contains("`rows` below 0")), "{c:#?}");
        let floored = repairs("def f(g, r, c):\n    if r < 0 or c < 0 or r >= len(g) or c >= len(g[0]):\n        return 0\n    return 1\n");
        assert!(floored.iter().all(|m| m.kind != MutantKind::BoundsCheck), "already checked below 0");
        // A pair of plain values is not a pair of nodes; a `defaultdict` read needs no default.
        let plain = repairs("def f(a, b):\n    from collections import defaultdict\n    d = defaultdict(int)\n    return a + b + d[a]\n");
        assert!(plain.iter().all(|m| m.kind != MutantKind::AddedGuard || !m.change.contains(" or `")), "no node pair");
        assert!(plain.iter().all(|m| m.kind != MutantKind::KeyDefault));
    }

    #[test]
    fn a_guarded_end_says_whether_it_is_the_inputs_and_pops_of_built_collections_can_be_skipped() {
        let src = "def f(nums, temps):\n    stack = []\n    for t in temps:\n        while temps[stack[-1]] < t:\n            stack.pop()\n        if nums[0] > t:\n            nums.pop()\n        stack.append(t)\n    return stack\n";
        let c: Vec<(MutantKind, u32, String)> = repairs(src).into_iter().map(|m| (m.kind, m.line, m.change)).collect();
        for want in [
            (MutantKind::AddedGuard, 4, "the test `temps[stack[-1]] < t` holds when `stack` is empty"),
            (MutantKind::AddedGuard, 6, "the test `nums[0] > t` holds when the input `nums` is empty"),
            (MutantKind::EmptyTake, 5, "`stack.pop()` takes nothing when `stack` is empty"),
        ] {
            assert!(c.contains(&(want.0, want.1, want.2.to_string())), "missing {want:?} in {c:#?}");
        }
        // The input is the caller's: popping it empty is not a check the code forgot.
        assert!(!c.iter().any(|(k, _, ch)| *k == MutantKind::EmptyTake && ch.contains("nums")), "{c:#?}");
    }

    #[test]
    fn a_merge_takes_what_is_left_of_either_input_and_a_carry_keeps_the_loop_going() {
        let src = "def merge(a, b):\n    tail = dummy = Node(0)\n    while a and b:\n        tail.next, a = a, a.next\n        tail = tail.next\n    tail.next = a\n    return dummy.next\n\ndef add(l1, l2):\n    carry = 0\n    while l1 or l2:\n        carry, digit = divmod(carry + 1, 10)\n    return carry\n";
        let c: Vec<(MutantKind, u32, String)> = repairs(src).into_iter().map(|m| (m.kind, m.line, m.change)).collect();
        for want in [
            (MutantKind::AddedLastStep, 6, "the step after the loop also takes what is left of `b`"),
            (MutantKind::AddedLastStep, 11, "the loop also runs while `carry` is left"),
        ] {
            assert!(c.contains(&(want.0, want.1, want.2.to_string())), "missing {want:?} in {c:#?}");
        }
    }

    #[test]
    fn answer_probes_replace_each_return_of_the_method_only() {
        let src = "class Solution:\n    def f(self, xs):\n        def g():\n            return 7\n        for x in xs:\n            if x:\n                return x\n        return -1\n";
        let probes = answer_probes(src, "f", "42");
        let lines: Vec<u32> = probes.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![7, 8]);
        assert!(probes[0].source.contains("                return 42\n        return -1"), "{}", probes[0].source);
        assert!(probes.iter().all(|p| p.source.contains("return 7")), "the nested function is left alone");
    }

    /// What the repairs of `kind` change in `src`.
    fn repair_changes(src: &str, kind: MutantKind) -> Vec<String> {
        repairs(src).into_iter().filter(|m| m.kind == kind).map(|m| m.change).collect()
    }

    #[test]
    fn a_state_folded_through_a_new_name_is_a_running_best() {
        let src = "class Solution:\n    def f(self, ps):\n        hold, rest = 0, 0\n        for p in ps:\n            new_hold = max(hold, rest - p)\n            new_rest = max(rest, hold + p)\n            hold, rest = new_hold, new_rest\n        return rest\n";
        let c = repair_changes(src, MutantKind::InitialValue);
        assert!(c.contains(&"`hold` starts at `float('-inf')` instead of `0`".to_string()), "{c:?}");
        assert!(c.contains(&"`rest` starts at `ps[0]` instead of `0`".to_string()), "{c:?}");
    }

    #[test]
    fn two_inputs_combined_answer_the_other_when_one_is_empty() {
        let src = "class Solution:\n    def merge(self, a, b):\n        return a.val + b.val\n";
        let c = repair_changes(src, MutantKind::AddedGuard);
        assert!(c.contains(&"returns `b` first when `a` is empty".to_string()), "{c:?}");
        assert!(c.contains(&"returns `a` first when `b` is empty".to_string()), "{c:?}");
    }

    #[test]
    fn a_truthy_test_of_a_lookup_asks_whether_it_found_anything() {
        let src = "class Solution:\n    def f(self, xs, t):\n        seen = {}\n        for j, x in enumerate(xs):\n            i = seen.get(t - x)\n            if i and j > 0:\n                return [i, j]\n            if not i:\n                seen[x] = j\n        return []\n";
        let all: Vec<Mutant> = repairs(src).into_iter().filter(|m| m.kind == MutantKind::KeyDefault).collect();
        let lines: Vec<(u32, bool)> =
            all.iter().map(|m| (m.line, m.source.contains("if i is not None and j > 0:"))).collect();
        assert_eq!(lines, [(6, true), (8, false)], "{all:#?}");
        assert!(all[1].source.contains("if i is None:"), "{}", all[1].source);
        let plain = "class Solution:\n    def f(self, d, k):\n        i = d[k]\n        if i:\n            return i\n        return 0\n";
        assert!(repairs(plain).iter().all(|m| !m.change.contains("truthy")), "not a lookup that can miss");
    }

    #[test]
    fn a_write_at_a_computed_position_can_append_instead() {
        let src = "class Solution:\n    def f(self, xs):\n        tails = []\n        for x in xs:\n            lo = self.find(tails, x)\n            tails[lo] = x\n        for i in range(len(xs)):\n            xs[i] = 0\n        return len(tails)\n";
        let c = repair_changes(src, MutantKind::BoundsCheck);
        assert_eq!(
            c,
            ["`tails[lo]` is appended when `lo` is one past the end of `tails`"],
            "a loop's counter is left alone"
        );
        let m = repairs(src).into_iter().find(|m| m.kind == MutantKind::BoundsCheck).unwrap();
        assert!(m.source.contains("            if lo == len(tails):\n                tails.append(x)\n            else:\n                tails[lo] = x\n"), "{}", m.source);
    }

    #[test]
    fn answers_collected_as_copies_can_start_with_the_empty_one() {
        let src = "class Solution:\n    def f(self, xs):\n        out = []\n        path = []\n        def grow(i):\n            for j in range(i, len(xs)):\n                path.append(xs[j])\n                out.append(path[:])\n                grow(j + 1)\n                path.pop()\n        grow(0)\n        return out\n";
        let m: Vec<Mutant> = repairs(src).into_iter().filter(|m| m.change.contains("the empty answer")).collect();
        assert_eq!(m.len(), 1, "{m:#?}");
        assert_eq!(m[0].line, 3);
        assert!(m[0].source.contains("        out = [[]]\n        path = []\n"), "{}", m[0].source);
    }

    #[test]
    fn a_table_size_and_a_computed_search_start_are_bounds() {
        let src = "class Solution:\n    def f(self, m, n, t):\n        best = [0] * n\n        lo, hi = 0, len(m) * n\n        while lo <= hi:\n            hi = (lo + hi) // 2\n        return best\n";
        let c: Vec<(u32, String)> = repairs(src)
            .into_iter()
            .chain(mutants(src))
            .filter(|m| m.kind == MutantKind::Bound)
            .map(|m| (m.line, m.change))
            .collect();
        for want in [(3, "bound `n` plus one"), (4, "bound `len(m) * n` minus one")] {
            assert!(c.iter().any(|(l, ch)| *l == want.0 && ch == want.1), "{want:?} in {c:#?}");
        }
        assert!(mutants(src).iter().any(|m| m.source.contains("best = [0] * (n + 1)\n")), "the step is parenthesised");
        assert!(
            !c.iter().any(|(_, ch)| ch.starts_with("bound `(lo + hi)")),
            "a step inside the loop is not a start: {c:#?}"
        );
    }

    #[test]
    fn a_cell_check_on_a_test_that_turns_the_walk_away_is_said_after_the_guards() {
        let src = "class Solution:\n    def f(self, grid):\n        seen = set()\n        def area(r, c):\n            if r < 0 or c < 0 or r >= len(grid) or c >= len(grid[0]):\n                return 0\n            if (r, c) in seen:\n                return 0\n            seen.add((r, c))\n            return 1 + area(r + 1, c)\n        return area(0, 0) if grid[0][0] == 1 else 0\n";
        let c: Vec<(u32, String)> =
            repairs(src).into_iter().filter(|m| m.kind == MutantKind::CellCheck).map(|m| (m.line, m.change)).collect();
        assert!(c.iter().any(|(l, ch)| *l == 9 && ch.contains("also checks `grid[r][c] != 1`")), "{c:#?}");
    }

    #[test]
    fn a_start_compared_with_the_values_is_tried_at_infinity() {
        let src = "class Solution:\n    def f(self, xs):\n        end = 0\n        n = 0\n        for a, b in xs:\n            if a >= end:\n                end = b\n                n += 1\n        return n\n";
        let c = repair_changes(src, MutantKind::InitialValue);
        assert_eq!(
            c,
            ["`end` starts at `float('-inf')` instead of `0`", "`end` starts at `float('inf')` instead of `0`"]
        );
        assert!(compared("x = a<end", "end") && compared("if end <= b:", "end"));
        assert!(!compared("end = b", "end") && !compared("x = end << 1", "end") && !compared("ends < 2", "end"));
    }

    #[test]
    fn repairs_add_the_steps_learners_forget() {
        let src = "class Solution:\n    def merge(self, xs, s):\n        xs.sort()\n        best = 0\n        out, st = [], []\n        for x in xs:\n            if x:\n                out.append(x)\n            best = max(best, x)\n            st.append(x)\n            st.pop()\n        return True\n";
        let all = repairs(src);
        for m in &all {
            assert!(ast::Suite::parse(&m.source, "<m>").is_ok(), "{:?}\n{}", m.change, m.source);
        }
        let c: Vec<(MutantKind, u32, String)> = all.iter().map(|m| (m.kind, m.line, m.change.clone())).collect();
        for want in [
            (MutantKind::Normalised, 3, "case-folded `s` first"),
            (MutantKind::AddedGuard, 3, "returns 0 first when `xs` is empty"),
            (MutantKind::Deduplicated, 3, "sorted `xs` without its repeated values"),
            (MutantKind::InitialValue, 4, "`best` starts at `float('-inf')` instead of `0`"),
            (MutantKind::InitialValue, 4, "`best` starts at `xs[0]` instead of `0`"),
            // Said to be missing where the loop ends: on the line after it.
            (MutantKind::AddedLastStep, 12, "repeated `out.append(x)` after the loop"),
            (MutantKind::AddedLastStep, 12, "repeated `best = max(best, x)` after the loop"),
            (MutantKind::LeftoverCheck, 12, "returns whether `st` is empty instead of `True`"),
        ] {
            assert!(c.contains(&(want.0, want.1, want.2.to_string())), "missing {want:?} in {c:#?}");
        }
        let guard = all.iter().find(|m| m.change == "returns [] first when `xs` is empty").unwrap();
        assert!(guard
            .source
            .contains("    def merge(self, xs, s):\n        if not xs:\n            return []\n        xs.sort()"));
        let flushed = all.iter().find(|m| m.change == "repeated `out.append(x)` after the loop").unwrap();
        assert!(
            flushed.source.contains("            st.pop()\n        out.append(x)\n        return True"),
            "{}",
            flushed.source
        );
        assert!(c.iter().any(|(_, _, ch)| ch == "repeated `if x: out.append(x)` after the loop"), "{c:#?}");
        assert!(repairs("def f(x): return x\n").iter().all(|m| m.kind != MutantKind::Normalised), "no line of its own");
        // Index arithmetic, the item itself, counts left over, the end of an indexed loop.
        let src = "def f(s, t):\n    seen, count, out = {}, {}, []\n    start = 0\n    for i, c in enumerate(s):\n        if t - c in seen:\n            return [seen[t - c], i]\n        count[c] -= 1\n        if c == 'x':\n            out.append(i - start)\n    return True\n";
        let all = repairs(src);
        let c: Vec<(MutantKind, u32, String)> = all.iter().map(|m| (m.kind, m.line, m.change.clone())).collect();
        for want in [
            (MutantKind::AddedGuard, 2, "returns False first when `s` and `t` differ in length"),
            (MutantKind::DistinctIndex, 5, "skips `i` itself when looking `t - c` up"),
            (MutantKind::Bound, 9, "`i - start` plus one"),
            (MutantKind::LeftoverCheck, 10, "returns whether every count in `count` is 0 instead of `True`"),
            (MutantKind::AddedLastStep, 10, "repeated `out.append(len(s) - start)` after the loop"),
        ] {
            assert!(c.contains(&(want.0, want.1, want.2.to_string())), "missing {want:?} in {c:#?}");
        }
        let same = all.iter().find(|m| m.kind == MutantKind::DistinctIndex).unwrap();
        assert!(same.source.contains("if t - c in seen and seen[t - c] != i:"), "{}", same.source);
        // Conditions: an empty list read at its end, a loop that stops with a carry left, a sentinel.
        let src = "class S:\n    def f(self, a, b):\n        self.best = 0\n        carry, st = 0, []\n        def go(n):\n            self.best = max(self.best, n)\n        while a or b:\n            carry = a + b + carry\n            if a < st[-1]:\n                st.pop()\n        return go(-2**31)\n";
        let c: Vec<(MutantKind, u32, String)> = repairs(src).into_iter().map(|m| (m.kind, m.line, m.change)).collect();
        for want in [
            (MutantKind::InitialValue, 3, "`self.best` starts at `float('-inf')` instead of `0`"),
            (MutantKind::AddedLastStep, 7, "the loop also runs while `carry` is left"),
            (MutantKind::AddedGuard, 9, "the test `a < st[-1]` holds when `st` is empty"),
            (MutantKind::InitialValue, 11, "the sentinel `-2**31` is infinite"),
        ] {
            assert!(c.contains(&(want.0, want.1, want.2.to_string())), "missing {want:?} in {c:#?}");
        }
        let ret = repairs("def f(a):\n    i, j = 0, 1\n    return [i, j]\n");
        assert!(ret.iter().any(|m| m.source.contains("return [i + 1, j + 1]")));
        assert!(repairs("def f(\n").is_empty());
    }
}
