//! Inference over expressions: what kind of value an expression produces, how big it can get, whether it
//! is a matrix, and whether it came from the program's input. The rules behind [`super::env`].

use rustpython_parser::ast::{self, Constant, Expr, Operator};

use super::env::{Kind, Size, Var};
use super::program::Program;
use super::walk::{self, call_name, name, receiver};

pub(crate) fn param_kind(name: &str, annotation: Option<&Expr>) -> (Kind, bool) {
    if let Some(a) = annotation {
        let k = annotation_kind(a);
        if k.0 != Kind::Unknown {
            return k;
        }
    }
    match name {
        "s" | "t" | "p" | "word" | "text" | "string" | "s1" | "s2" | "pattern" | "sentence" | "digits" | "path" => {
            (Kind::Str, false)
        }
        "matrix" | "grid" | "board" | "mat" => (Kind::List, true),
        "head" | "root" | "node" | "l1" | "l2" | "list1" | "list2" | "p_node" | "q_node" => (Kind::Node, false),
        "n" | "k" | "m" | "target" | "x" | "num" | "amount" | "capacity" => (Kind::Num, false),
        _ if name.ends_with('s') => (Kind::List, false),
        _ => (Kind::Unknown, false),
    }
}

/// Whether a parameter is promised to be a node, never None: annotated with a bare node type (`root:
/// TreeNode`, `p: 'TreeNode'`, or a node class of the program itself) and not defaulting to None. An
/// `Optional[...]` or `X | None` annotation, or none at all, promises nothing.
pub(crate) fn non_null_param(prog: &Program, annotation: Option<&Expr>, default: Option<&Expr>) -> bool {
    let is_node_type =
        |n: &str| matches!(n, "ListNode" | "TreeNode" | "Node") || prog.units.iter().any(|unit| unit.class == Some(n));
    let bare = match annotation {
        Some(Expr::Name(n)) => is_node_type(n.id.as_str()),
        Some(Expr::Constant(c)) => matches!(&c.value, Constant::Str(s) if is_node_type(s.trim())),
        _ => false,
    };
    let defaults_to_none = matches!(default, Some(Expr::Constant(c)) if matches!(c.value, Constant::None));
    bare && !defaults_to_none
}

fn annotation_kind(a: &Expr) -> (Kind, bool) {
    let base = |n: &str| match n {
        "int" | "float" | "bool" | "complex" => Kind::Num,
        "str" => Kind::Str,
        "List" | "list" | "Sequence" => Kind::List,
        "Dict" | "dict" | "Mapping" => Kind::Dict,
        "Set" | "set" | "FrozenSet" | "frozenset" => Kind::Set,
        "Tuple" | "tuple" => Kind::Tuple,
        "ListNode" | "TreeNode" | "Node" => Kind::Node,
        _ => Kind::Unknown,
    };
    match a {
        Expr::Name(n) => (base(n.id.as_str()), false),
        Expr::Constant(c) => match &c.value {
            Constant::Str(s) => (base(s.trim()), false),
            _ => (Kind::Unknown, false),
        },
        Expr::Subscript(s) => {
            let outer = match s.value.as_ref() {
                Expr::Name(n) => n.id.as_str(),
                Expr::Attribute(at) => at.attr.as_str(),
                _ => "",
            };
            if outer == "Optional" {
                return annotation_kind(&s.slice);
            }
            let kind = base(outer);
            let grid = kind == Kind::List && annotation_kind(&s.slice).0 == Kind::List;
            (kind, grid)
        }
        _ => (Kind::Unknown, false),
    }
}

/// `[x for x in xs if ...]`, `"".join(c for c in s if ...)`, `list(filter(...))`.
pub(crate) fn is_filtered(v: &Expr) -> bool {
    match v {
        Expr::Call(c) if matches!(call_name(c), Some("join" | "list" | "tuple")) => {
            c.args.first().is_some_and(is_filtered)
                || matches!(c.args.first(), Some(Expr::Call(f)) if call_name(f) == Some("filter"))
        }
        _ => walk::generators(v).is_some_and(|gens| gens.iter().any(|g| !g.ifs.is_empty())),
    }
}

pub(crate) fn is_empty_collection(v: &Expr) -> bool {
    match v {
        Expr::List(l) => l.elts.is_empty(),
        Expr::Dict(d) => d.keys.is_empty(),
        Expr::Tuple(t) => t.elts.is_empty(),
        Expr::Constant(c) => matches!(&c.value, Constant::Str(s) if s.is_empty()),
        Expr::Call(c) => {
            matches!(call_name(c), Some("list" | "set" | "dict" | "deque" | "Counter" | "OrderedDict"))
                && c.args.is_empty()
                || call_name(c) == Some("defaultdict")
        }
        _ => false,
    }
}

/// What kind of value an expression produces.
pub(crate) fn kind_of(prog: &Program, u: usize, e: &Expr) -> Kind {
    match e {
        Expr::List(_) | Expr::ListComp(_) => Kind::List,
        Expr::Set(_) | Expr::SetComp(_) => Kind::Set,
        Expr::Dict(_) | Expr::DictComp(_) => Kind::Dict,
        Expr::Tuple(_) => Kind::Tuple,
        Expr::JoinedStr(_) => Kind::Str,
        Expr::Constant(c) => match c.value {
            Constant::Str(_) => Kind::Str,
            Constant::Int(_) | Constant::Float(_) | Constant::Bool(_) => Kind::Num,
            _ => Kind::Unknown,
        },
        Expr::Name(n) => prog.var(u, n.id.as_str()).map_or(Kind::Unknown, |v| v.kind),
        Expr::Attribute(a) if name(&a.value) == Some("self") => {
            prog.attr(u, a.attr.as_str()).map_or(Kind::Unknown, |v| v.kind)
        }
        Expr::Attribute(a) if matches!(a.attr.as_str(), "next" | "left" | "right") => Kind::Node,
        Expr::BinOp(b) => match (kind_of(prog, u, &b.left), b.op) {
            (Kind::Num, _) => Kind::Num,
            (k @ (Kind::List | Kind::Str | Kind::Tuple), Operator::Add | Operator::Mult) => k,
            _ => kind_of(prog, u, &b.right),
        },
        Expr::Subscript(s) => match (kind_of(prog, u, &s.value), s.slice.as_ref()) {
            (k, Expr::Slice(_)) => k,
            (Kind::Str, _) => Kind::Str,
            (Kind::List, _) if is_grid_expr(prog, u, &s.value) => Kind::List,
            _ => Kind::Unknown,
        },
        Expr::Call(c) => match call_name(c) {
            Some("list" | "sorted" | "split" | "keys" | "values" | "items") => Kind::List,
            Some("set" | "frozenset") => Kind::Set,
            Some("dict" | "OrderedDict") => Kind::Dict,
            Some("defaultdict" | "Counter") => Kind::DefaultDict,
            Some("deque") => Kind::Deque,
            Some("str" | "join" | "lower" | "upper" | "strip" | "replace" | "input" | "readline" | "read") => Kind::Str,
            Some("len" | "int" | "float" | "sum" | "abs" | "ord" | "max" | "min" | "count" | "index" | "find") => {
                Kind::Num
            }
            Some("tuple") => Kind::Tuple,
            _ => Kind::Unknown,
        },
        _ => Kind::Unknown,
    }
}

/// Whether `e` is a matrix (a list of input-sized rows).
pub(crate) fn is_grid_expr(prog: &Program, u: usize, e: &Expr) -> bool {
    match e {
        Expr::Name(n) => prog.var(u, n.id.as_str()).is_some_and(|v| v.grid),
        Expr::ListComp(c) => {
            matches!(
                c.elt.as_ref(),
                Expr::List(_) | Expr::ListComp(_) | Expr::BinOp(_) | Expr::Call(_) | Expr::Subscript(_)
            ) && size_of(prog, u, &c.elt) >= Size::N
                && c.generators.iter().any(|g| size_of(prog, u, &g.iter) >= Size::N)
        }
        Expr::BinOp(b) if b.op == Operator::Mult => {
            // [[0] * m] * n (aliasing rows, but sized like a matrix); `[amount + 1] * amount` is one row.
            let row = |x: &Expr| {
                matches!(x, Expr::BinOp(r) if r.op == Operator::Mult
                    && (matches!(r.left.as_ref(), Expr::List(_)) || matches!(r.right.as_ref(), Expr::List(_))))
            };
            let rows = |x: &Expr| kind_of(prog, u, x) == Kind::List && size_of(prog, u, x) >= Size::N;
            matches!(b.left.as_ref(), Expr::List(l) if l.elts.iter().any(|x| rows(x) || row(x)))
                && size_of(prog, u, &b.right) >= Size::N
        }
        Expr::Call(c) => {
            // list(map(list, grid)), [row[:] for row in grid] and the like.
            c.args.first().is_some_and(|a| is_grid_expr(prog, u, a))
        }
        _ => false,
    }
}

/// The variable an element of `iter` would be.
pub(crate) fn element_var(prog: &Program, u: usize, iter: &Expr) -> Var {
    match iter {
        Expr::Call(c) if call_name(c) == Some("range") => Var::new(Kind::Num, size_of(prog, u, iter).min(Size::N)),
        Expr::Call(c) if matches!(call_name(c), Some("enumerate" | "reversed" | "sorted" | "list" | "set")) => {
            c.args.first().map_or(Var::new(Kind::Unknown, Size::Small), |a| element_var(prog, u, a))
        }
        _ => {
            let kind = kind_of(prog, u, iter);
            if is_grid_expr(prog, u, iter) {
                let mut v = Var::new(Kind::List, Size::N);
                v.grid = false;
                v
            } else if kind == Kind::Str {
                Var::new(Kind::Str, Size::Small)
            } else {
                Var::new(Kind::Unknown, Size::Small)
            }
        }
    }
}

/// How big a value can get (for a number: how large it can be, for a collection: how many items).
pub(crate) fn size_of(prog: &Program, u: usize, e: &Expr) -> Size {
    match e {
        Expr::Constant(_) => Size::Small,
        Expr::Name(n) => prog.var(u, n.id.as_str()).map_or(Size::Small, |v| v.size),
        Expr::Attribute(a) => match a.value.as_ref() {
            Expr::Name(n) if n.id.as_str() == "self" => prog.attr(u, a.attr.as_str()).map_or(Size::N, |v| v.size),
            Expr::Name(n) if n.id.as_str() == "sys" || n.id.as_str() == "string" => Size::Small,
            inner => size_of(prog, u, inner),
        },
        Expr::BinOp(b) => {
            let (l, r) = (size_of(prog, u, &b.left), size_of(prog, u, &b.right));
            match b.op {
                Operator::LShift if matches!(walk::int_const(&b.left), Some(1)) && r >= Size::N => Size::Exp,
                Operator::Pow if walk::int_const(&b.left).is_some() && r >= Size::N => Size::Exp,
                _ => l.max(r).min(Size::N),
            }
        }
        Expr::UnaryOp(x) => size_of(prog, u, &x.operand),
        Expr::Subscript(s) => match s.slice.as_ref() {
            Expr::Slice(_) => size_of(prog, u, &s.value),
            _ if is_grid_expr(prog, u, &s.value) => Size::N,
            _ if stored_collections(prog, u, &s.value) => Size::N,
            // A value looked up in a map keyed by input items, e.g. `graph[node]`: an element.
            _ => Size::Small,
        },
        Expr::Call(c) => call_size(prog, u, c),
        Expr::List(l) => {
            if l.elts.iter().any(|x| matches!(x, Expr::Starred(s) if size_of(prog, u, &s.value) >= Size::N)) {
                Size::N
            } else {
                Size::Small
            }
        }
        Expr::Tuple(_) | Expr::Set(_) | Expr::Dict(_) => Size::Small,
        Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) | Expr::GeneratorExp(_) => {
            let gens = walk::generators(e).unwrap_or(&[]);
            gens.iter().map(|g| size_of(prog, u, &g.iter)).max().unwrap_or(Size::Small)
        }
        Expr::IfExp(x) => size_of(prog, u, &x.body).max(size_of(prog, u, &x.orelse)),
        Expr::BoolOp(x) => x.values.iter().map(|v| size_of(prog, u, v)).max().unwrap_or(Size::Small),
        Expr::Starred(s) => size_of(prog, u, &s.value),
        Expr::NamedExpr(n) => size_of(prog, u, &n.value),
        _ => Size::Small,
    }
}

fn call_size(prog: &Program, u: usize, c: &ast::ExprCall) -> Size {
    let all_args = || c.args.iter().chain(c.keywords.iter().map(|k| &k.value));
    let arg_max = || all_args().map(|a| size_of(prog, u, a)).max().unwrap_or(Size::Small);
    let capped = || arg_max().min(Size::N);
    let recv = || receiver(c).map_or(Size::Small, |r| size_of(prog, u, r).min(Size::N));
    match call_name(c) {
        Some("input" | "readline" | "read" | "readlines") => Size::N,
        Some("permutations" | "combinations" | "product" | "combinations_with_replacement") => {
            if arg_max() >= Size::N {
                Size::Exp
            } else {
                Size::Small
            }
        }
        Some("get") if receiver(c).is_some_and(|r| stored_collections(prog, u, r)) => Size::N,
        // A number read from the input can be as large as the input allows.
        Some("int" | "float") if c.args.first().is_some_and(|a| from_input(prog, u, a)) => Size::N,
        Some(
            "len" | "int" | "float" | "abs" | "sum" | "max" | "min" | "ord" | "str" | "bool" | "round" | "sqrt"
            | "isqrt",
        ) => capped(),
        Some(
            "range" | "enumerate" | "zip" | "reversed" | "sorted" | "list" | "tuple" | "deque" | "map" | "filter"
            | "iter",
        ) => arg_max(),
        Some("set" | "frozenset" | "Counter" | "dict" | "defaultdict") => {
            let a = c.args.first();
            if a.is_some_and(|a| kind_of(prog, u, a) == Kind::Str) {
                Size::Small
            } else {
                capped()
            }
        }
        Some(
            "split" | "strip" | "lower" | "upper" | "replace" | "items" | "keys" | "values" | "copy" | "join"
            | "rstrip" | "lstrip",
        ) => recv().max(capped()),
        _ => match prog.resolve(u, &c.func) {
            // A helper's result: as big as what it is given.
            Some(_) => capped(),
            None => Size::Small,
        },
    }
}

/// `self.d` of a design class (not `Solution`) whose values are collections: one call of a method sees
/// everything stored so far, so the collection under one key (`self.d[k]`, `self.d.get(k)`) can hold all
/// n stored items. (In a `Solution`, `graph[node]` stays an element, so a traversal that visits each
/// adjacency list once is not charged n per node.)
fn stored_collections(prog: &Program, u: usize, e: &Expr) -> bool {
    let Expr::Attribute(a) = e else { return false };
    name(&a.value) == Some("self")
        && prog.class_of(u).is_some_and(|c| c != "Solution")
        && prog.attr(u, a.attr.as_str()).is_some_and(|v| v.nested)
}

/// Whether an expression reads the program's input (`input()`, `sys.stdin`, or a variable that came from it).
pub(crate) fn from_input(prog: &Program, u: usize, e: &Expr) -> bool {
    let mut found = false;
    walk::each_expr(e, &mut |x| match x {
        Expr::Call(c) if matches!(call_name(c), Some("input" | "readline" | "read" | "readlines")) => found = true,
        Expr::Attribute(a) if a.attr.as_str() == "stdin" => found = true,
        Expr::Name(n) => found |= prog.var(u, n.id.as_str()).is_some_and(|v| v.from_input),
        _ => {}
    });
    found
}

#[cfg(test)]
mod tests {
    use crate::analysis::{analyze, Complexity, Context};
    use crate::complexity::Complexity::*;

    fn method_time(src: &str, method: &str) -> Complexity {
        let ctx = Context { method: Some(method), ..Context::default() };
        analyze(src, &ctx).time_complexity.expect("estimate")
    }

    #[test]
    fn a_design_class_counts_its_stored_items_as_n() {
        let store = "from bisect import bisect_right\nfrom collections import defaultdict\nclass Store:\n    def __init__(self):\n        self.by_key = defaultdict(list)\n        self.column = defaultdict(lambda: defaultdict(int))\n        self.total = defaultdict(int)\n        self.times = {}\n    def add(self, k, v, t):\n        self.by_key[k].append(v)\n        self.column[k][v] += 1\n        self.total[k] += v\n        self.times.setdefault(k, []).append(t)\n    def positives(self, k):\n        return sum(1 for v in self.by_key[k] if v > 0)\n    def pairs(self, k):\n        ys = self.column.get(k)\n        n = 0\n        for y, c in ys.items():\n            n += c\n        return n\n    def before(self, k, t):\n        return bisect_right(self.times.get(k, []), t)\n    def sum_of(self, k):\n        return self.total[k]\n";
        assert_eq!(method_time(store, "positives"), Linear);
        assert_eq!(method_time(store, "pairs"), Linear);
        assert_eq!(method_time(store, "before"), Log);
        // A count stored under a key is one value, not a collection.
        assert_eq!(method_time(store, "sum_of"), Constant);
        // In a `Solution`, an adjacency list stays one element: a BFS visits each list once.
        let bfs = "from collections import defaultdict, deque\nclass Solution:\n    def f(self, edges):\n        self.graph = defaultdict(list)\n        for a, b in edges:\n            self.graph[a].append(b)\n        seen = {0}\n        queue = deque([0])\n        while queue:\n            x = queue.popleft()\n            for y in self.graph[x]:\n                if y not in seen:\n                    seen.add(y)\n                    queue.append(y)\n        return len(seen)\n";
        assert_eq!(method_time(bfs, "f"), Linear);
    }
}
