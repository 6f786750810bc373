//! The cost model: a cost algebra over the program model that estimates time complexity (the Big-O classes
//! it rounds to are `crate::complexity`; the detector that compares them with a problem's bound is
//! `detect::suboptimal`).
//!
//! A [`Cost`] is `2^n` or `n^p log^q n`. A loop multiplies its body's cost by its iteration count (input-
//! sized, constant, halving, or once when its body always leaves: [`counts`]); statements in sequence take
//! the maximum (on a tie, a loop's term: [`Term::max`]); calls cost what the callee or the builtin costs
//! ([`calls`]); recursion is classified in [`recursion`]. Some work is *amortised*
//! instead of multiplied: an inner loop whose iterations add up to n over the enclosing loop's whole run
//! (sliding windows, monotonic stacks, BFS by levels, in-order descents, blocks of a linked list:
//! [`amortised`], [`linked`]) and the spans a parse loop reads before jumping past them ([`spans`]) are
//! charged once per run of the enclosing loop, a traversal that marks what it visited (flood fill, BFS
//! with a seen set) is charged once per program, and a union-find walk that compresses its path
//! ([`forest`]) is charged O(1).
//!
//! Every cost carries its reasons ([`Factor`]s with lines), which become the one-line `time_reason`.

mod amortised;
mod calls;
mod counts;
mod forest;
mod linked;
pub(crate) mod recursion;
mod spans;

pub(crate) use calls::constant_width;

/// Whether a `while` loop halves its range (binary search, digit loops).
pub(crate) fn is_halving(prog: &Program, u: usize, w: &ast::StmtWhile) -> bool {
    counts::halving(prog, u, w)
}

/// The searches and slices a parse loop reads once over its whole run (see [`spans::consumed_spans`]).
pub(crate) fn consumed_spans(w: &ast::StmtWhile) -> Vec<&Expr> {
    spans::consumed_spans(w)
}

use std::collections::{HashMap, HashSet};

use rustpython_parser::ast::{self, Expr, Ranged, Stmt};
use rustpython_parser::text_size::TextRange;

use super::env::{self, Kind, Size};
use super::program::Program;
use super::walk;
use crate::complexity::Complexity;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub(crate) struct Cost {
    pub exp: bool,
    pub poly: u8,
    pub log: u8,
}

impl Cost {
    pub const ONE: Cost = Cost { exp: false, poly: 0, log: 0 };
    pub const LOG: Cost = Cost { exp: false, poly: 0, log: 1 };
    pub const N: Cost = Cost { exp: false, poly: 1, log: 0 };
    pub const NLOGN: Cost = Cost { exp: false, poly: 1, log: 1 };
    pub const N2: Cost = Cost { exp: false, poly: 2, log: 0 };
    pub const EXP: Cost = Cost { exp: true, poly: 0, log: 0 };

    pub fn times(self, o: Cost) -> Cost {
        Cost { exp: self.exp || o.exp, poly: (self.poly + o.poly).min(6), log: (self.log + o.log).min(4) }
    }

    pub fn pow(self, k: u8) -> Cost {
        (1..k).fold(self, |acc, _| acc.times(self))
    }

    /// The nearest class. `n^2 log n` counts as `O(n^2)`: the classes have nothing in between.
    pub fn class(self) -> Complexity {
        match (self.exp, self.poly, self.log) {
            (true, _, _) => Complexity::Exponential,
            (_, p, _) if p >= 3 => Complexity::Cubic,
            (_, 2, _) => Complexity::Quadratic,
            (_, 1, l) if l >= 1 => Complexity::Linearithmic,
            (_, 1, _) => Complexity::Linear,
            (_, 0, l) if l >= 1 => Complexity::Log,
            _ => Complexity::Constant,
        }
    }
}

/// One reason a cost grows: "loop over `nums`" at a line.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Factor {
    pub line: u32,
    pub text: String,
    pub cost: Cost,
    /// False when the factor rests on a guess (an unknown type, a `while` loop with an unclear bound).
    pub sure: bool,
}

impl Factor {
    /// A loop's pass count (as [`Model::iterations`] and `while_iterations` word it), not a call's cost.
    pub fn is_loop(&self) -> bool {
        self.text.starts_with("loop ") || self.text.starts_with("the loop ")
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Term {
    pub cost: Cost,
    pub why: Vec<Factor>,
}

impl Term {
    pub fn one() -> Term {
        Term::default()
    }

    pub fn factor(cost: Cost, line: u32, text: String, sure: bool) -> Term {
        if cost == Cost::ONE {
            return Term::one();
        }
        Term { cost, why: vec![Factor { line, text, cost, sure }] }
    }

    pub fn times(&self, o: &Term) -> Term {
        let mut why = self.why.clone();
        why.extend(o.why.iter().cloned());
        Term { cost: self.cost.times(o.cost), why }
    }

    /// The costlier of two pieces of work done one after the other. On a tie the one led by a loop wins:
    /// a set-up call (`need = Counter(t)`) may cost as much as the main loop after it, but the loop is
    /// where a reader should look, and its line is the one the reason and the finding give.
    pub fn max(self, o: Term) -> Term {
        let loop_led = |t: &Term| t.why.first().is_some_and(Factor::is_loop);
        if o.cost > self.cost || (o.cost == self.cost && loop_led(&o) && !loop_led(&self)) {
            o
        } else {
            self
        }
    }

    /// Whether every factor is a confident one.
    pub fn sure(&self) -> bool {
        self.why.iter().all(|f| f.sure)
    }

    pub fn reason(&self) -> String {
        if self.why.is_empty() {
            return "no loop or call grows with the input".to_string();
        }
        // One line: at most four factors.
        let mut parts: Vec<String> = self.why.iter().take(4).map(|f| format!("{} (line {})", f.text, f.line)).collect();
        if self.why.len() > 4 {
            parts.truncate(3);
            parts.push(format!("{} more nested factors", self.why.len() - 3));
        }
        parts.join(" × ")
    }
}

/// The cost of running some code: `per` each time it runs, `amort` charged once per run of the enclosing
/// loop (amortised inner loops), `global` charged once per program (visited-set traversals).
#[derive(Debug, Clone, Default)]
pub(crate) struct Flow {
    pub per: Term,
    pub amort: Term,
    pub global: Term,
}

impl Flow {
    pub fn of(per: Term) -> Flow {
        Flow { per, ..Flow::default() }
    }

    pub fn seq(self, o: Flow) -> Flow {
        Flow { per: self.per.max(o.per), amort: self.amort.max(o.amort), global: self.global.max(o.global) }
    }
}

/// The loop directly around the code being costed, for amortisation checks.
#[derive(Clone, Copy)]
pub(crate) struct Enclosing<'a> {
    pub stmt: &'a Stmt,
    pub body: &'a [Stmt],
}

/// Memoised per-unit costs over one program.
pub(crate) struct Model<'p, 'a> {
    pub prog: &'p Program<'a>,
    costs: HashMap<usize, Term>,
    busy: Vec<usize>,
    pub recursion: HashMap<usize, Option<recursion::Recursion>>,
    /// Expressions charged once per run of their loop instead of once per pass (what a parse loop consumes).
    consumed: HashSet<TextRange>,
}

impl<'p, 'a> Model<'p, 'a> {
    pub fn new(prog: &'p Program<'a>) -> Model<'p, 'a> {
        Model { prog, costs: HashMap::new(), busy: Vec::new(), recursion: HashMap::new(), consumed: HashSet::new() }
    }

    /// The cost of the program: the most expensive entry.
    pub fn entries_cost(&mut self, entries: &[usize]) -> Term {
        entries.iter().fold(Term::one(), |acc, &u| acc.max(self.unit_cost(u)))
    }

    /// The cost of one call of unit `u`, callees and recursion included.
    pub fn unit_cost(&mut self, u: usize) -> Term {
        if let Some(t) = self.costs.get(&u) {
            return t.clone();
        }
        if self.busy.contains(&u) || self.busy.len() >= super::parse::MAX_CALL_DEPTH {
            return Term::one();
        }
        self.busy.push(u);
        let body = self.prog.units[u].body;
        let flow = self.block(u, body, None);
        let base = flow.per.max(flow.amort).max(flow.global);
        let total = match self.recursion_of(u) {
            Some(rec) => recursion::total(self, u, &rec, base),
            None => base,
        };
        self.busy.pop();
        self.costs.insert(u, total.clone());
        total
    }

    pub fn recursion_of(&mut self, u: usize) -> Option<recursion::Recursion> {
        if let Some(r) = self.recursion.get(&u) {
            return r.clone();
        }
        let r = recursion::classify(self.prog, u);
        self.recursion.insert(u, r.clone());
        r
    }

    pub fn block(&mut self, u: usize, block: &'a [Stmt], enc: Option<Enclosing<'a>>) -> Flow {
        block.iter().fold(Flow::default(), |acc, s| acc.seq(self.stmt(u, s, enc)))
    }

    fn stmt(&mut self, u: usize, s: &'a Stmt, enc: Option<Enclosing<'a>>) -> Flow {
        match s {
            Stmt::For(f) => self.for_loop(u, s, &f.iter, &f.body, &f.orelse, enc),
            Stmt::AsyncFor(f) => self.for_loop(u, s, &f.iter, &f.body, &f.orelse, enc),
            Stmt::While(w) => self.while_loop(u, s, w, enc),
            Stmt::FunctionDef(_) | Stmt::AsyncFunctionDef(_) | Stmt::ClassDef(_) => Flow::default(),
            // `a, b = map(int, input().split())`: a line with a fixed number of tokens.
            Stmt::Assign(a)
                if matches!(a.targets.as_slice(), [Expr::Tuple(_)]) && env::from_input(self.prog, u, &a.value) =>
            {
                Flow::default()
            }
            _ => {
                let mut flow = Flow::default();
                for (e, _) in walk::stmt_exprs(s) {
                    flow = flow.seq(self.expr(u, e));
                }
                for b in walk::child_blocks(s) {
                    flow = flow.seq(self.block(u, b, enc));
                }
                flow
            }
        }
    }

    fn for_loop(
        &mut self,
        u: usize,
        s: &'a Stmt,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
        enc: Option<Enclosing<'a>>,
    ) -> Flow {
        let head = self.expr(u, iter);
        let iters = if counts::leaves_on_first_pass(body) { Term::one() } else { self.iterations(u, iter) };
        let inner = self.block(u, body, Some(Enclosing { stmt: s, body }));
        let own = iters.times(&inner.per).max(inner.amort);
        let after = self.block(u, orelse, enc);
        let global = head.global.max(inner.global);
        if enc.is_some_and(|e| amortised::for_within(self.prog, u, s, iter, body, e)) {
            return Flow { per: head.per, amort: head.amort.max(own), global }.seq(after);
        }
        Flow { per: head.per.max(own), amort: head.amort, global }.seq(after)
    }

    fn while_loop(&mut self, u: usize, s: &'a Stmt, w: &'a ast::StmtWhile, enc: Option<Enclosing<'a>>) -> Flow {
        let line = self.prog.line(s);
        let iters = if counts::leaves_on_first_pass(&w.body) { Term::one() } else { self.while_iterations(u, w, line) };
        let test = self.expr(u, &w.test);
        self.consumed.extend(spans::consumed_spans(w).into_iter().map(|e| e.range()));
        let inner = self.block(u, &w.body, Some(Enclosing { stmt: s, body: &w.body }));
        let own = iters.times(&test.per.max(inner.per)).max(inner.amort);
        let global = test.global.max(inner.global);
        let after = self.block(u, &w.orelse, enc);
        let flow = if enc.is_some() && amortised::visited_walk(self.prog, u, w) {
            Flow { global: global.max(own), ..Flow::default() }
        } else if enc.is_some_and(|e| amortised::within(self.prog, u, s, w, e)) {
            Flow { amort: own, global, ..Flow::default() }
        } else {
            Flow { per: own, global, ..Flow::default() }
        };
        flow.seq(after)
    }

    /// How many times `for _ in iter` runs.
    pub fn iterations(&self, u: usize, iter: &Expr) -> Term {
        let line = self.prog.line(iter);
        match env::size_of(self.prog, u, iter) {
            Size::Small => Term::one(),
            Size::N => Term::factor(Cost::N, line, format!("loop over `{}`", self.prog.snippet(iter)), true),
            Size::Exp => Term::factor(
                Cost::EXP,
                line,
                format!("loop over `{}` (all subsets or orderings)", self.prog.snippet(iter)),
                true,
            ),
        }
    }

    fn while_iterations(&self, u: usize, w: &ast::StmtWhile, line: u32) -> Term {
        if counts::halving(self.prog, u, w) {
            return Term::factor(Cost::LOG, line, "the loop halves its range each step".to_string(), true);
        }
        if counts::constant_bound(self.prog, u, w)
            || counts::fixed_width(self.prog, u, w)
            || forest::compressing_walk(self.prog, u, w)
        {
            return Term::one();
        }
        let test = self.prog.snippet(&*w.test);
        if let Expr::Constant(_) = w.test.as_ref() {
            return Term::factor(Cost::N, line, format!("loop `while {test}`"), false);
        }
        if env::size_of(self.prog, u, &w.test) >= Size::N || mentions_input(self.prog, u, &w.test) {
            return Term::factor(Cost::N, line, format!("loop `while {test}`"), true);
        }
        Term::one()
    }

    /// The cost of evaluating an expression once.
    pub fn expr(&mut self, u: usize, e: &'a Expr) -> Flow {
        self.expr_depth(u, e, 0)
    }

    fn expr_depth(&mut self, u: usize, e: &'a Expr, depth: usize) -> Flow {
        if depth > 3000 {
            return Flow::default();
        }
        if let Some(gens) = walk::generators(e) {
            let mut inner = match e {
                Expr::DictComp(x) => self.expr_depth(u, &x.key, depth + 1).seq(self.expr_depth(u, &x.value, depth + 1)),
                Expr::ListComp(x) => self.expr_depth(u, &x.elt, depth + 1),
                Expr::SetComp(x) => self.expr_depth(u, &x.elt, depth + 1),
                Expr::GeneratorExp(x) => self.expr_depth(u, &x.elt, depth + 1),
                _ => Flow::default(),
            };
            for g in gens.iter().rev() {
                for cond in &g.ifs {
                    inner = inner.seq(self.expr_depth(u, cond, depth + 1));
                }
                let iters = self.iterations(u, &g.iter);
                let head = self.expr_depth(u, &g.iter, depth + 1);
                inner =
                    Flow { per: iters.times(&inner.per).max(inner.amort), amort: Term::one(), global: inner.global }
                        .seq(head);
            }
            return inner;
        }
        if matches!(e, Expr::Lambda(_)) {
            return Flow::default();
        }
        let mut flow = calls::node_cost(self, u, e);
        if self.consumed.contains(&e.range()) {
            flow = Flow { per: Term::one(), amort: flow.per.max(flow.amort), global: flow.global };
        }
        for sub in walk::sub_exprs(e) {
            flow = flow.seq(self.expr_depth(u, sub, depth + 1));
        }
        flow
    }
}

/// Whether an expression mentions a variable that is input-sized (a parameter, `n`, a collection).
fn mentions_input(prog: &Program, u: usize, e: &Expr) -> bool {
    let mut found = false;
    walk::each_expr(e, &mut |x| {
        if let Expr::Name(n) = x {
            if let Some(v) = prog.var(u, n.id.as_str()) {
                if v.size >= Size::N || (v.kind == Kind::Node) {
                    found = true;
                }
            }
        }
        if let Expr::Attribute(a) = x {
            if walk::name(&a.value) == Some("self") {
                found = true;
            }
        }
    });
    found
}
