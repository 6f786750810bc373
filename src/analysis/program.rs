//! The program model: every function of a source as a [`Unit`] (methods, plain and nested functions, and
//! the module body as a script), which of them the judge would call, and how calls resolve.
//!
//! Unit 0 is always the module body. Nested functions remember their parent, so a name is resolved the way
//! Python resolves a closure: the innermost enclosing function first, then the module.

use std::collections::HashMap;

use rustpython_parser::ast::{self, Expr, Ranged, Stmt};

use super::env::{self, Env, Var};
use super::parse::LineIndex;
use super::Context;

pub(crate) struct Param<'a> {
    pub name: &'a str,
    pub annotation: Option<&'a Expr>,
    /// The default value, if any (`node=None`).
    pub default: Option<&'a Expr>,
}

pub(crate) struct Unit<'a> {
    /// Function name, or `<script>` for the module body.
    pub name: &'a str,
    /// The class this function is a method of.
    pub class: Option<&'a str>,
    /// The enclosing function of a nested function.
    pub parent: Option<usize>,
    /// Parameters without `self` / `cls`.
    pub params: Vec<Param<'a>>,
    pub body: &'a [Stmt],
    pub decorators: &'a [Expr],
    /// The return annotation, if any.
    pub returns: Option<&'a Expr>,
    /// Line of the `def` (1 for the script).
    pub line: u32,
}

impl Unit<'_> {
    pub fn is_script(&self) -> bool {
        self.parent.is_none() && self.class.is_none() && self.name == "<script>"
    }
}

pub(crate) struct Program<'a> {
    pub source: &'a str,
    pub lines: &'a LineIndex,
    pub units: Vec<Unit<'a>>,
    pub envs: Vec<Env<'a>>,
    /// `self.x` attributes per class, from every method's assignments.
    pub attrs: HashMap<&'a str, Env<'a>>,
    /// Parameters of the judge's entry units that the problem promises are nodes, never None (its
    /// signature types them as a bare node type because its constraints guarantee one), whatever the
    /// solution's own annotation says.
    pub promised: Vec<(usize, &'a str)>,
    /// Entry parameters the constraints promise are never empty (see [`crate::analysis::Context::non_empty`]).
    pub non_empty: Vec<(usize, &'a str)>,
}

impl<'a> Program<'a> {
    /// The program of `source`; `ctx` names the entry method and the parameters the problem promises.
    pub fn new(source: &'a str, suite: &'a [Stmt], lines: &'a LineIndex, ctx: &Context<'a>) -> Program<'a> {
        let script = Unit {
            name: "<script>",
            class: None,
            parent: None,
            params: Vec::new(),
            body: suite,
            decorators: &[],
            returns: None,
            line: 1,
        };
        let mut units = vec![script];
        collect(suite, None, None, lines, &mut units);
        let mut prog = Program {
            source,
            lines,
            units,
            envs: Vec::new(),
            attrs: HashMap::new(),
            promised: Vec::new(),
            non_empty: Vec::new(),
        };
        for u in prog.entries(ctx.method) {
            for name in ctx.promised_nodes {
                if let Some(p) = prog.units[u].params.iter().find(|p| p.name == name.as_str()) {
                    prog.promised.push((u, p.name));
                }
            }
            for name in ctx.non_empty {
                if let Some(p) = prog.units[u].params.iter().find(|p| p.name == name.as_str()) {
                    prog.non_empty.push((u, p.name));
                }
            }
        }
        // Attributes first (from their constructors), so a variable bound to `self.d.get(k)` is sized by them;
        // again at the end, once the attributes bound to variables have their kinds.
        prog.attrs = env::class_attrs(&prog);
        // Parents come before their nested functions, so each environment can see its parents'. A variable
        // derived from another (`a = sorted(b)`) needs `b` known first: rebuild until nothing changes.
        for u in 0..prog.units.len() {
            prog.envs.push(Env::default());
            for _ in 0..4 {
                let env = env::build(&prog, u);
                let done = env == prog.envs[u];
                prog.envs[u] = env;
                if done {
                    break;
                }
            }
        }
        prog.attrs = env::class_attrs(&prog);
        prog
    }

    pub fn line<T: Ranged + ?Sized>(&self, node: &T) -> u32 {
        self.lines.line(usize::from(node.start()))
    }

    /// Source text of a node, shortened for a message.
    pub fn snippet<T: Ranged + ?Sized>(&self, node: &T) -> String {
        super::text::shorten(super::parse::node_text(self.source, node.range()), 40)
    }

    /// The units whose cost is the program's cost: the named method, else the public methods of
    /// `class Solution`, else a script that does work, else the public methods of other classes (design
    /// problems), else the module-level functions, else the (trivial) script.
    pub fn entries(&self, method: Option<&str>) -> Vec<usize> {
        if let Some(m) = method {
            let named: Vec<usize> = (1..self.units.len()).filter(|&u| self.units[u].name == m).collect();
            if let Some(&u) = named.iter().find(|&&u| self.units[u].class == Some("Solution")) {
                return vec![u];
            }
            if let Some(&u) = named.iter().find(|&&u| self.units[u].parent.is_none()) {
                return vec![u];
            }
        }
        let public = |u: &Unit| !u.name.starts_with('_') || u.name == "__init__";
        let solution: Vec<usize> = (1..self.units.len())
            .filter(|&u| self.units[u].class == Some("Solution") && public(&self.units[u]))
            .collect();
        if !solution.is_empty() {
            return solution;
        }
        if script_does_work(self.units[0].body) {
            return vec![0];
        }
        let methods: Vec<usize> =
            (1..self.units.len()).filter(|&u| self.units[u].class.is_some() && public(&self.units[u])).collect();
        if !methods.is_empty() {
            return methods;
        }
        let funcs: Vec<usize> = (1..self.units.len())
            .filter(|&u| self.units[u].parent.is_none() && self.units[u].class.is_none())
            .collect();
        if !funcs.is_empty() {
            return funcs;
        }
        vec![0]
    }

    /// The class a unit belongs to, looking through enclosing functions.
    pub fn class_of(&self, mut u: usize) -> Option<&'a str> {
        loop {
            let unit = &self.units[u];
            if unit.class.is_some() {
                return unit.class;
            }
            u = unit.parent?;
        }
    }

    /// The unit a call's callee names, if it is defined in this source.
    pub fn resolve(&self, from: usize, func: &Expr) -> Option<usize> {
        match func {
            Expr::Name(n) => {
                let name = n.id.as_str();
                let mut scope = Some(from);
                while let Some(s) = scope {
                    if let Some(u) = self.find(|u| u.parent == Some(s) && u.name == name) {
                        return Some(u);
                    }
                    if self.units[s].name == name && s != 0 && self.units[s].class.is_none() {
                        return Some(s);
                    }
                    scope = self.units[s].parent;
                }
                self.find(|u| u.parent.is_none() && u.class.is_none() && u.name == name)
            }
            Expr::Attribute(a) => {
                let method = a.attr.as_str();
                let class = match a.value.as_ref() {
                    Expr::Name(n) if n.id.as_str() == "self" || n.id.as_str() == "cls" => self.class_of(from)?,
                    Expr::Call(c) => match c.func.as_ref() {
                        Expr::Name(n) => self.find(|u| u.class == Some(n.id.as_str())).and(Some(n.id.as_str()))?,
                        _ => return None,
                    },
                    _ => return None,
                };
                self.find(|u| u.class == Some(class) && u.name == method)
            }
            _ => None,
        }
    }

    fn find(&self, pred: impl Fn(&Unit) -> bool) -> Option<usize> {
        (1..self.units.len()).find(|&u| pred(&self.units[u]))
    }

    /// A variable as seen from unit `u`: its own, an enclosing function's, or a module-level one.
    pub fn var(&self, mut u: usize, name: &str) -> Option<&Var> {
        loop {
            if let Some(v) = self.envs.get(u).and_then(|e| e.get(name)) {
                return Some(v);
            }
            match self.units[u].parent {
                Some(p) => u = p,
                None if u != 0 => u = 0,
                None => return None,
            }
        }
    }

    /// `self.name` as seen from unit `u`.
    pub fn attr(&self, u: usize, name: &str) -> Option<&Var> {
        self.attrs.get(self.class_of(u)?)?.get(name)
    }
}

fn collect<'a>(
    body: &'a [Stmt],
    class: Option<&'a str>,
    parent: Option<usize>,
    lines: &LineIndex,
    out: &mut Vec<Unit<'a>>,
) {
    for stmt in body {
        match stmt {
            Stmt::FunctionDef(f) => {
                let def = Def {
                    name: &f.name,
                    args: &f.args,
                    body: &f.body,
                    decorators: &f.decorator_list,
                    returns: f.returns.as_deref(),
                };
                add_function(def, stmt, class, parent, lines, out)
            }
            Stmt::AsyncFunctionDef(f) => {
                let def = Def {
                    name: &f.name,
                    args: &f.args,
                    body: &f.body,
                    decorators: &f.decorator_list,
                    returns: f.returns.as_deref(),
                };
                add_function(def, stmt, class, parent, lines, out)
            }
            Stmt::ClassDef(c) => collect(&c.body, Some(c.name.as_str()), parent, lines, out),
            other => {
                for block in super::walk::child_blocks(other) {
                    collect(block, class, parent, lines, out);
                }
            }
        }
    }
}

/// The parts of a `def` (sync or async) a unit needs.
struct Def<'a> {
    name: &'a ast::Identifier,
    args: &'a ast::Arguments,
    body: &'a [Stmt],
    decorators: &'a [Expr],
    returns: Option<&'a Expr>,
}

fn add_function<'a>(
    def: Def<'a>,
    stmt: &Stmt,
    class: Option<&'a str>,
    parent: Option<usize>,
    lines: &LineIndex,
    out: &mut Vec<Unit<'a>>,
) {
    let Def { name, args, body, decorators, returns } = def;
    let is_static = decorators.iter().any(|d| matches!(d, Expr::Name(n) if n.id.as_str() == "staticmethod"));
    let mut params: Vec<Param<'a>> = args
        .posonlyargs
        .iter()
        .chain(&args.args)
        .chain(&args.kwonlyargs)
        .map(|a| Param {
            name: a.def.arg.as_str(),
            annotation: a.def.annotation.as_deref(),
            default: a.default.as_deref(),
        })
        .collect();
    if class.is_some() && !is_static && params.first().is_some_and(|p| p.name == "self" || p.name == "cls") {
        params.remove(0);
    }
    let line = lines.line(usize::from(stmt.start()));
    out.push(Unit { name: name.as_str(), class, parent, params, body, decorators, returns, line });
    let me = out.len() - 1;
    collect(body, None, Some(me), lines, out);
}

/// True when the module body does more than define things: a competitive-programming style script.
fn script_does_work(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::FunctionDef(_)
        | Stmt::AsyncFunctionDef(_)
        | Stmt::ClassDef(_)
        | Stmt::Import(_)
        | Stmt::ImportFrom(_)
        | Stmt::Pass(_) => false,
        Stmt::Expr(e) => !matches!(e.value.as_ref(), Expr::Constant(_)),
        Stmt::Assign(a) => !matches!(a.value.as_ref(), Expr::Constant(_) | Expr::Name(_)),
        _ => true,
    })
}
