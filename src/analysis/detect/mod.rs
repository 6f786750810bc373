//! The six mistake detectors and the helpers they share (guards, ancestors, the finding sink).
//!
//! Each detector looks for specific, explainable shapes and gives each shape a fixed confidence, set from
//! how often that shape was a real mistake in the labelled corpus (tests/fixtures/analysis). Findings at
//! 0.5 or above are the ones the front ends show by default; lower ones are hints.

mod bounds;
mod dynamic;
mod edge;
mod edge_flow;
mod edge_node;
mod loops;
mod structure;
mod suboptimal;
mod validation;

use std::collections::HashMap;

pub(crate) use suboptimal::pattern_suggestion;

use rustpython_parser::ast::{Expr, Stmt};

use super::cost::Model;
use super::program::Program;
use super::walk::{self, Anc, Part};
use super::{Complexity, Context, Evidence, Finding, FindingKind};

/// Findings of one kind beyond this many are dropped (the most confident are kept).
const MAX_PER_KIND: usize = 4;

pub(crate) fn run(
    prog: &Program,
    model: &mut Model,
    entries: &[usize],
    time: Complexity,
    ctx: &Context,
) -> Vec<Finding> {
    let mut sink = Sink::default();
    for u in 0..prog.units.len() {
        edge::check(prog, u, entries, &mut sink);
        validation::check(prog, u, &mut sink);
        bounds::check(prog, u, &mut sink);
        structure::check(prog, u, &mut sink);
        loops::check(prog, u, &mut sink);
    }
    suboptimal::check(prog, model, entries, time, ctx, &mut sink);
    if let Some(run) = ctx.run {
        dynamic::check(prog, entries, time, ctx, run, &mut sink);
    }
    sink.finish()
}

#[derive(Default)]
pub(crate) struct Sink {
    by_key: HashMap<(FindingKind, u32), Finding>,
}

impl Sink {
    pub fn add(&mut self, kind: FindingKind, confidence: f64, line: u32, message: String, suggestion: String) {
        self.push(Finding {
            kind,
            confidence: confidence.clamp(0.0, 1.0),
            line,
            message,
            evidence: Evidence::Static,
            suggestion,
            note: kind.note().to_string(),
        });
    }

    pub fn push(&mut self, f: Finding) {
        let key = (f.kind, f.line);
        match self.by_key.get(&key) {
            Some(old) if old.confidence >= f.confidence => {}
            _ => {
                self.by_key.insert(key, f);
            }
        }
    }

    /// Caps the confidence of the findings `which` picks at `cap` (they become "maybe"s).
    pub fn demote(&mut self, which: impl Fn(&Finding) -> bool, cap: f64) {
        for f in self.by_key.values_mut().filter(|f| which(f)) {
            f.confidence = f.confidence.min(cap);
        }
    }

    /// Raises the confidence of the findings `which` picks to at least `to` (confirmed by a run).
    pub fn raise(&mut self, which: impl Fn(&Finding) -> bool, to: f64) {
        for f in self.by_key.values_mut().filter(|f| which(f)) {
            f.confidence = f.confidence.max(to);
            f.evidence = Evidence::Dynamic;
        }
    }

    pub fn lines_of(&self, kind: FindingKind) -> Vec<u32> {
        let mut v: Vec<(f64, u32)> =
            self.by_key.values().filter(|f| f.kind == kind).map(|f| (f.confidence, f.line)).collect();
        v.sort_by(|a, b| b.0.total_cmp(&a.0));
        v.into_iter().map(|(_, l)| l).collect()
    }

    fn finish(self) -> Vec<Finding> {
        let mut all: Vec<Finding> = self.by_key.into_values().collect();
        all.sort_by(|a, b| b.confidence.total_cmp(&a.confidence).then(a.line.cmp(&b.line)).then(a.kind.cmp(&b.kind)));
        let mut count: HashMap<FindingKind, usize> = HashMap::new();
        all.retain(|f| {
            let c = count.entry(f.kind).or_default();
            *c += 1;
            *c <= MAX_PER_KIND
        });
        all
    }
}

/// Whether `test` checks `name` itself: its truthiness, its length, a comparison with None, or membership
/// in it. Reading `name[i]` or `name.attr` inside the test does not count.
pub(crate) fn guards(test: &Expr, name: &str) -> bool {
    fn rec(e: &Expr, name: &str, depth: usize) -> bool {
        if depth > 200 {
            return false;
        }
        match e {
            Expr::Name(n) => n.id.as_str() == name,
            Expr::Subscript(_) => false,
            // `node.next` dereferences `node`: it is a use, not a check.
            Expr::Attribute(_) => false,
            Expr::Call(c) => match walk::call_name(c) {
                Some("len") => c.args.iter().any(|a| walk::mentions(a, name)),
                Some("isinstance" | "bool" | "any" | "all") => c.args.iter().any(|a| rec(a, name, depth + 1)),
                _ => false,
            },
            _ => walk::sub_exprs(e).iter().any(|s| rec(s, name, depth + 1)),
        }
    }
    rec(test, name, 0)
}

/// The tests that must have held for the node to run: enclosing `if`/`while`/`elif` tests, `and`/`or`
/// operands and conditional-expression tests around it.
pub(crate) fn enclosing_tests<'a>(anc: &[Anc<'a>]) -> Vec<&'a Expr> {
    let mut tests = Vec::new();
    for a in anc {
        match a {
            Anc::Stmt { part: Part::Body | Part::Else | Part::Test, .. } => match a.stmt() {
                Some(Stmt::If(i)) => tests.push(i.test.as_ref()),
                Some(Stmt::While(w)) => tests.push(w.test.as_ref()),
                _ => {}
            },
            Anc::Expr(Expr::BoolOp(b)) => tests.extend(b.values.iter()),
            Anc::Expr(Expr::IfExp(x)) => tests.push(x.test.as_ref()),
            Anc::Comp(c) => tests.extend(c.ifs.iter()),
            _ => {}
        }
    }
    tests
}

/// Statements that ran before the node in the same function: for every enclosing block, the statements
/// before the one on the node's path.
pub(crate) fn preceding<'a>(anc: &[Anc<'a>]) -> Vec<&'a Stmt> {
    let mut out = Vec::new();
    for a in anc {
        if let Anc::Stmt { block, index, .. } = a {
            out.extend(block[..*index].iter());
        }
    }
    out
}

/// Whether the node runs inside a `try` body (its errors are handled).
pub(crate) fn in_try(anc: &[Anc<'_>]) -> bool {
    anc.iter().any(|a| {
        matches!(a, Anc::Stmt { part: Part::Body, .. }) && matches!(a.stmt(), Some(Stmt::Try(_) | Stmt::TryStar(_)))
    })
}

/// Whether a preceding statement returns/continues/raises unless `name` passes a check (a guard clause).
pub(crate) fn guard_clause_before(prev: &[&Stmt], name: &str) -> bool {
    prev.iter().any(|s| match s {
        Stmt::If(i) => guards(&i.test, name) && walk::block_exits(&i.body),
        Stmt::Assert(a) => guards(&a.test, name),
        _ => false,
    })
}

/// Every test expression in a unit: `if`, `while`, `assert`, conditional expressions, `and`/`or` operands,
/// comprehension conditions.
pub(crate) fn all_tests(block: &[Stmt]) -> Vec<&Expr> {
    let mut tests = Vec::new();
    walk::each_stmt(block, &mut |s| match s {
        Stmt::If(i) => tests.push(i.test.as_ref()),
        Stmt::While(w) => tests.push(w.test.as_ref()),
        Stmt::Assert(a) => tests.push(a.test.as_ref()),
        _ => {}
    });
    walk::each_expr_in_block(block, &mut |e| match e {
        Expr::BoolOp(b) => tests.extend(b.values.iter()),
        Expr::IfExp(x) => tests.push(x.test.as_ref()),
        _ => {
            if let Some(gens) = walk::generators(e) {
                for g in gens {
                    tests.extend(g.ifs.iter());
                }
            }
        }
    });
    tests
}

/// Whether anything in a unit checks a name (flow-insensitive), memoised: a 10,000-line function would
/// otherwise be re-scanned for every access.
pub(crate) struct GuardMemo<'p, 'a> {
    prog: &'p Program<'a>,
    tests: HashMap<usize, Vec<&'a Expr>>,
    results: HashMap<(usize, String), bool>,
}

impl<'p, 'a> GuardMemo<'p, 'a> {
    pub fn new(prog: &'p Program<'a>) -> GuardMemo<'p, 'a> {
        GuardMemo { prog, tests: HashMap::new(), results: HashMap::new() }
    }

    pub fn unit_guards(&mut self, u: usize, name: &str) -> bool {
        if let Some(&r) = self.results.get(&(u, name.to_string())) {
            return r;
        }
        let body = self.prog.units[u].body;
        let tests = self.tests.entry(u).or_insert_with(|| all_tests(body));
        let r = tests.iter().any(|t| guards(t, name));
        self.results.insert((u, name.to_string()), r);
        r
    }
}

/// Whether the statement `s` is a `return`, to skip code that runs at most once.
pub(crate) fn in_return(anc: &[Anc<'_>]) -> bool {
    anc.iter().any(|a| matches!(a.stmt(), Some(Stmt::Return(_))) && matches!(a, Anc::Stmt { part: Part::Head, .. }))
}
