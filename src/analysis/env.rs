//! What each variable holds and how big it can get, per function (flow-insensitive).
//!
//! Sizes are coarse on purpose: [`Size::Small`] (bounded by a constant, an alphabet, or one element of the
//! input), [`Size::N`] (grows with the input) and [`Size::Exp`] (all subsets or orderings of the input).
//! Parameters are input-sized; an element of an input list is small unless the list is a matrix (then
//! each row is input-sized, so a rows x columns walk counts as O(n^2) with n the side length).
//! Dictionaries, sets and counters keyed by the characters of a string are alphabet-bounded: small.

use std::collections::HashMap;

use rustpython_parser::ast::{self, Expr, Operator, Stmt};

use super::program::Program;
use super::walk::{self, call_name, name, receiver};

pub(crate) use super::infer::{element_var, from_input, is_empty_collection, is_grid_expr, kind_of, size_of};
use super::infer::{is_filtered, non_null_param, param_kind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    List,
    Set,
    Dict,
    /// `defaultdict` or `Counter`: reading a missing key is fine.
    DefaultDict,
    Deque,
    Str,
    Num,
    Tuple,
    /// A linked-list or tree node.
    Node,
    Unknown,
}

impl Kind {
    pub fn is_collection(self) -> bool {
        matches!(self, Kind::List | Kind::Set | Kind::Dict | Kind::DefaultDict | Kind::Deque | Kind::Str | Kind::Tuple)
    }

    /// Membership test costs a scan.
    pub fn scans(self) -> bool {
        matches!(self, Kind::List | Kind::Str | Kind::Tuple | Kind::Deque | Kind::Unknown)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Size {
    Small,
    N,
    Exp,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Var {
    pub kind: Kind,
    pub size: Size,
    /// First bound to an empty collection (`[]`, `{}`, `set()`, ...).
    pub starts_empty: bool,
    pub param: bool,
    /// A matrix: its rows are input-sized too.
    pub grid: bool,
    /// `n = len(x)`: the name of `x`.
    pub len_of: Option<String>,
    /// A list as long as `x` (`[0] * len(x)`, `[0] * n` with `n = len(x)`, `x[:]`, `sorted(x)`).
    pub length_of: Option<String>,
    /// Bound by a `for` loop or comprehension.
    pub loop_var: bool,
    /// Built by filtering (`[x for x in xs if ...]`): may be empty even when its source is not.
    pub filtered: bool,
    /// Holds (part of) what the program read from its input.
    pub from_input: bool,
    /// A parameter promised to be a node, never None (see [`super::infer::non_null_param`]).
    pub non_null: bool,
    /// An attribute whose values are collections (`defaultdict(list)`, `self.d[k].append(x)`): a value
    /// looked up in it can hold every stored item.
    pub nested: bool,
    /// A dict/set whose keys are all characters of strings (so at most an alphabet).
    char_keys: Option<bool>,
}

impl Var {
    pub(crate) fn new(kind: Kind, size: Size) -> Var {
        Var {
            kind,
            size,
            starts_empty: false,
            param: false,
            grid: false,
            len_of: None,
            length_of: None,
            loop_var: false,
            filtered: false,
            from_input: false,
            non_null: false,
            nested: false,
            char_keys: None,
        }
    }
}

#[derive(Debug, Default, PartialEq)]
pub(crate) struct Env<'a> {
    vars: HashMap<&'a str, Var>,
}

impl Env<'_> {
    pub fn get(&self, name: &str) -> Option<&Var> {
        self.vars.get(name)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Var)> {
        self.vars.iter().map(|(k, v)| (*k, v))
    }
}

/// Builds the environment of unit `u`.
pub(crate) fn build<'a>(prog: &Program<'a>, u: usize) -> Env<'a> {
    let mut env = Env::default();
    let unit = &prog.units[u];
    for p in &unit.params {
        let (kind, grid) = param_kind(p.name, p.annotation);
        let mut v = Var::new(kind, Size::N);
        v.param = true;
        v.grid = grid;
        v.non_null =
            kind == Kind::Node && non_null_param(prog, p.annotation, p.default) || prog.promised.contains(&(u, p.name));
        env.vars.insert(p.name, v);
    }
    let mut b = Builder { prog, u, env };
    walk::each_stmt(unit.body, &mut |s| b.stmt(s));
    // Comprehension variables, walrus targets.
    walk::each_expr_in_block(unit.body, &mut |e| b.expr(e));
    let mut env = b.env;
    // Collections that something is added to grow with the input.
    let mut grown: Vec<&str> = Vec::new();
    walk::each_expr_in_block(unit.body, &mut |e| {
        if let Expr::Call(c) = e {
            match call_name(c) {
                Some("append" | "add" | "appendleft" | "extend" | "insert" | "update" | "setdefault") => {
                    grown.extend(receiver(c).and_then(name));
                }
                Some("heappush") => grown.extend(c.args.first().and_then(name)),
                _ => {}
            }
        }
    });
    for (n, v) in env.vars.iter_mut() {
        if grown.contains(n) && (v.kind.is_collection() || v.kind == Kind::Unknown) && !v.param {
            v.size = v.size.max(Size::N);
        }
        if v.char_keys == Some(true) && v.starts_empty {
            v.size = Size::Small;
        }
    }
    env
}

struct Builder<'p, 'a> {
    prog: &'p Program<'a>,
    u: usize,
    env: Env<'a>,
}

impl<'a> Builder<'_, 'a> {
    fn lookup(&self, n: &str) -> Option<&Var> {
        self.env.vars.get(n).or_else(|| self.prog.var(self.u, n))
    }

    fn bind(&mut self, target: &'a Expr, value: Option<&'a Expr>) {
        match target {
            Expr::Name(n) => {
                let new = match value {
                    Some(v) => self.value_var(v),
                    None => Var::new(Kind::Unknown, Size::Small),
                };
                match self.env.vars.get_mut(n.id.as_str()) {
                    Some(old) => {
                        old.size = old.size.max(new.size);
                        if old.kind == Kind::Unknown {
                            old.kind = new.kind;
                        }
                        old.grid |= new.grid;
                    }
                    None => {
                        self.env.vars.insert(n.id.as_str(), new);
                    }
                }
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                let values: Option<&Vec<Expr>> = match value {
                    Some(Expr::Tuple(v)) if v.elts.len() == elts.len() => Some(&v.elts),
                    Some(Expr::List(v)) if v.elts.len() == elts.len() => Some(&v.elts),
                    _ => None,
                };
                for (i, t) in elts.iter().enumerate() {
                    match values {
                        Some(vs) => self.bind(t, Some(&vs[i])),
                        None => {
                            if let Expr::Name(n) = t {
                                let size = value.map_or(Size::Small, |v| size_of(self.prog, self.u, v).min(Size::N));
                                self.env.vars.entry(n.id.as_str()).or_insert(Var::new(Kind::Unknown, size));
                            }
                        }
                    }
                }
            }
            Expr::Subscript(s) => self.store(s),
            _ => {}
        }
    }

    /// A loop target bound to the elements of `iter`.
    fn bind_loop(&mut self, target: &'a Expr, iter: &'a Expr) {
        let elem = element_var(self.prog, self.u, iter);
        match target {
            Expr::Name(n) => {
                let mut v = elem;
                v.loop_var = true;
                self.env.vars.entry(n.id.as_str()).or_insert(v);
            }
            Expr::Tuple(t) => {
                // enumerate(x): (index, element); zip / items(): elements.
                let is_enumerate = matches!(iter, Expr::Call(c) if call_name(c) == Some("enumerate"));
                for (i, e) in t.elts.iter().enumerate() {
                    if let Expr::Name(n) = e {
                        let mut v = if is_enumerate && i == 0 {
                            Var::new(Kind::Num, size_of(self.prog, self.u, iter).min(Size::N))
                        } else if is_enumerate {
                            match iter {
                                Expr::Call(c) => c.args.first().map_or(Var::new(Kind::Unknown, Size::Small), |a| {
                                    element_var(self.prog, self.u, a)
                                }),
                                _ => Var::new(Kind::Unknown, Size::Small),
                            }
                        } else {
                            Var::new(Kind::Unknown, Size::Small)
                        };
                        v.loop_var = true;
                        self.env.vars.entry(n.id.as_str()).or_insert(v);
                    }
                }
            }
            _ => {}
        }
    }

    fn value_var(&self, v: &Expr) -> Var {
        let mut var = Var::new(kind_of(self.prog, self.u, v), size_of(self.prog, self.u, v));
        var.starts_empty = is_empty_collection(v);
        var.grid = is_grid_expr(self.prog, self.u, v);
        var.filtered = is_filtered(v);
        var.from_input = self.reads_input(v);
        var.length_of = self.length_of(v);
        if let Expr::Call(c) = v {
            if call_name(c) == Some("len") && matches!(c.func.as_ref(), Expr::Name(_)) {
                var.len_of = c.args.first().and_then(name).map(str::to_string);
            }
            // Counter(s) / set(s) of a string: alphabet-bounded.
            if matches!(call_name(c), Some("Counter" | "set" | "frozenset")) {
                if let Some(arg) = c.args.first() {
                    if kind_of(self.prog, self.u, arg) == Kind::Str {
                        var.size = Size::Small;
                    }
                }
            }
        }
        if matches!(v, Expr::Constant(_)) {
            var.size = Size::Small;
        }
        // An empty collection is there to be filled: assume it grows with the input (char-keyed maps are
        // narrowed back to small once all their stores are known).
        if var.starts_empty {
            var.size = Size::N;
        }
        var
    }

    /// The list whose length a new list copies: `[0] * len(x)`, `[0] * n`, `x[:]`, `sorted(x)`, `list(x)`.
    fn length_of(&self, v: &Expr) -> Option<String> {
        let len_name = |e: &Expr| -> Option<String> {
            match e {
                Expr::Call(c) if call_name(c) == Some("len") && receiver(c).is_none() => {
                    c.args.first().and_then(name).map(str::to_string)
                }
                Expr::Name(n) => self.lookup(n.id.as_str()).and_then(|v| v.len_of.clone()),
                _ => None,
            }
        };
        match v {
            Expr::BinOp(b)
                if b.op == Operator::Mult && matches!(b.left.as_ref(), Expr::List(l) if l.elts.len() == 1) =>
            {
                len_name(&b.right)
            }
            Expr::Subscript(s) if matches!(s.slice.as_ref(), Expr::Slice(sl) if sl.lower.is_none() && sl.upper.is_none() && sl.step.is_none()) => {
                name(&s.value).map(str::to_string)
            }
            Expr::Call(c) if matches!(call_name(c), Some("sorted" | "list")) && receiver(c).is_none() => {
                c.args.first().and_then(name).map(str::to_string)
            }
            _ => None,
        }
    }

    /// Like [`from_input`], seeing this environment's own variables while it is built.
    fn reads_input(&self, v: &Expr) -> bool {
        let mut found = false;
        walk::each_expr(v, &mut |x| match x {
            Expr::Call(c) if matches!(call_name(c), Some("input" | "readline" | "read" | "readlines")) => found = true,
            Expr::Attribute(a) if a.attr.as_str() == "stdin" => found = true,
            Expr::Name(n) => found |= self.lookup(n.id.as_str()).is_some_and(|v| v.from_input),
            _ => {}
        });
        found
    }

    /// `d[k] = v` or `d[k] += v` on a dict: remember whether its keys are characters, and a dict stored
    /// under keys that are neither characters nor constants (`count[total]`, `dp[i]`) grows with the
    /// input even when it started with items (`count = {0: 1}`).
    fn store(&mut self, s: &ast::ExprSubscript) {
        let Expr::Name(d) = s.value.as_ref() else { return };
        let is_char = self.is_char(&s.slice);
        let constant = matches!(s.slice.as_ref(), Expr::Constant(_));
        if let Some(v) = self.env.vars.get_mut(d.id.as_str()) {
            if matches!(v.kind, Kind::Dict | Kind::DefaultDict) {
                v.char_keys = Some(v.char_keys.unwrap_or(true) && is_char);
                if !is_char && !constant && !v.param {
                    v.size = v.size.max(Size::N);
                }
            }
        }
    }

    /// Whether a key expression is one character of a string.
    fn is_char(&self, k: &Expr) -> bool {
        match k {
            Expr::Name(n) => {
                self.lookup(n.id.as_str()).is_some_and(|v| v.loop_var && v.size == Size::Small && v.kind == Kind::Str)
            }
            Expr::Subscript(s) => {
                !matches!(s.slice.as_ref(), Expr::Slice(_)) && kind_of(self.prog, self.u, &s.value) == Kind::Str
            }
            _ => false,
        }
    }

    fn stmt(&mut self, s: &'a Stmt) {
        match s {
            Stmt::Assign(a) => {
                for t in &a.targets {
                    self.bind(t, Some(&a.value));
                }
            }
            Stmt::AnnAssign(a) => self.bind(&a.target, a.value.as_deref()),
            Stmt::AugAssign(a) => {
                if let Expr::Name(n) = a.target.as_ref() {
                    let size = size_of(self.prog, self.u, &a.value);
                    if let Some(v) = self.env.vars.get_mut(n.id.as_str()) {
                        v.size = v.size.max(size.min(Size::N));
                    }
                } else if let Expr::Subscript(sub) = a.target.as_ref() {
                    self.store(sub);
                }
            }
            Stmt::For(f) => {
                self.bind_loop(&f.target, &f.iter);
            }
            Stmt::AsyncFor(f) => self.bind_loop(&f.target, &f.iter),
            Stmt::With(w) => {
                for item in &w.items {
                    if let Some(t) = &item.optional_vars {
                        self.bind(t, None);
                    }
                }
            }
            _ => {}
        }
    }

    fn expr(&mut self, e: &'a Expr) {
        if let Some(gens) = walk::generators(e) {
            for g in gens {
                self.bind_loop(&g.target, &g.iter);
            }
        }
        if let Expr::NamedExpr(n) = e {
            self.bind(&n.target, Some(&n.value));
        }
        // `d.add(c)` / `d[c].append` etc. keep the char-key tracking honest for sets.
        if let Expr::Call(c) = e {
            if let (Some("add"), Some(Expr::Name(d))) = (call_name(c), receiver(c)) {
                let is_char = c.args.first().is_some_and(|a| self.is_char(a));
                if let Some(v) = self.env.vars.get_mut(d.id.as_str()) {
                    if v.kind == Kind::Set {
                        v.char_keys = Some(v.char_keys.unwrap_or(true) && is_char);
                    }
                }
            }
        }
    }
}

/// `self.x` attributes of each class, from assignments in any of its methods.
pub(crate) fn class_attrs<'a>(prog: &Program<'a>) -> HashMap<&'a str, Env<'a>> {
    let mut out: HashMap<&'a str, Env<'a>> = HashMap::new();
    for (u, unit) in prog.units.iter().enumerate() {
        let Some(class) = unit.class else { continue };
        walk::each_stmt(unit.body, &mut |s| {
            if let Stmt::Assign(a) = s {
                for t in &a.targets {
                    if let Some(attr) = self_attr(t) {
                        let mut v = Var::new(kind_of(prog, u, &a.value), Size::N);
                        v.starts_empty = is_empty_collection(&a.value);
                        v.nested = holds_collections(&a.value);
                        out.entry(class).or_default().vars.entry(attr).or_insert(v);
                    }
                }
            }
        });
    }
    // Values filled in place (`self.d[k].append(x)`, `self.d[k][j] += 1`, `self.d[k] = []`).
    for unit in &prog.units {
        let Some(class) = unit.class else { continue };
        let mut filled: Vec<&str> = Vec::new();
        walk::each_stmt(unit.body, &mut |s| match s {
            Stmt::Assign(a) => {
                for t in &a.targets {
                    filled.extend(item_of_attr(t).filter(|_| is_collection_value(&a.value)));
                    filled.extend(item_store(t));
                }
            }
            Stmt::AugAssign(a) => filled.extend(item_store(&a.target)),
            _ => {}
        });
        walk::each_expr_in_block(unit.body, &mut |e| {
            let Expr::Call(c) = e else { return };
            match call_name(c) {
                Some("append" | "appendleft" | "add" | "extend" | "update" | "insert") => {
                    filled.extend(receiver(c).and_then(item_of_attr));
                }
                Some("heappush" | "insort") => filled.extend(c.args.first().and_then(item_of_attr)),
                Some("setdefault") if c.args.get(1).is_some_and(is_collection_value) => {
                    filled.extend(receiver(c).and_then(self_attr));
                }
                _ => {}
            }
        });
        if let Some(env) = out.get_mut(class) {
            for attr in filled {
                if let Some(v) = env.vars.get_mut(attr) {
                    v.nested = true;
                }
            }
        }
    }
    out
}

/// `self.x`: the attribute's name.
fn self_attr(e: &Expr) -> Option<&str> {
    match e {
        Expr::Attribute(a) if name(&a.value) == Some("self") => Some(a.attr.as_str()),
        _ => None,
    }
}

/// `self.x[k]`: the attribute's name.
fn item_of_attr(e: &Expr) -> Option<&str> {
    match e {
        Expr::Subscript(s) => self_attr(&s.value),
        _ => None,
    }
}

/// `self.x[k][j]` as a store target: `self.x`'s values are collections.
fn item_store(e: &Expr) -> Option<&str> {
    match e {
        Expr::Subscript(s) => item_of_attr(&s.value),
        _ => None,
    }
}

/// A value that is itself a collection: `[]`, `set()`, `[x]`, `{k: v}`, a comprehension.
fn is_collection_value(v: &Expr) -> bool {
    is_empty_collection(v)
        || matches!(
            v,
            Expr::List(_) | Expr::Set(_) | Expr::Dict(_) | Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_)
        )
}

/// `defaultdict(list)`, `defaultdict(set)`, `defaultdict(lambda: defaultdict(int))`: a map whose values are
/// collections.
fn holds_collections(v: &Expr) -> bool {
    let Expr::Call(c) = v else { return false };
    if call_name(c) != Some("defaultdict") {
        return false;
    }
    match c.args.first() {
        Some(Expr::Name(n)) => {
            matches!(n.id.as_str(), "list" | "set" | "dict" | "deque" | "Counter" | "OrderedDict" | "SortedList")
        }
        Some(Expr::Lambda(l)) => is_collection_value(&l.body) || holds_collections(&l.body),
        _ => false,
    }
}
