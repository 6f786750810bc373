//! Tree traversal shared by the cost model and the detectors.
//!
//! [`walk_block`] visits every statement and expression of a function body in source order, with the chain
//! of ancestors (which statement of which block, which part of it, which enclosing expressions), and does
//! not enter nested function, class or lambda bodies: those are units of their own. Expressions deeper than
//! [`MAX_DEPTH`] are not visited (the parser guard keeps real trees well below it).

use rustpython_parser::ast::{self, Comprehension, ExceptHandler, Expr, Stmt};

const MAX_DEPTH: usize = 4000;

/// Which part of a statement a node sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    /// Evaluated once per execution of the statement: a `for` loop's iterable, an `if` test, ...
    Head,
    /// A `while` test: evaluated on every iteration.
    Test,
    Body,
    Else,
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum Anc<'a> {
    /// The statement at `index` of `block`, and the part of it the visited node is in.
    Stmt {
        block: &'a [Stmt],
        index: usize,
        part: Part,
    },
    Expr(&'a Expr),
    /// Inside a comprehension's element or conditions, iterating this generator.
    Comp(&'a Comprehension),
}

impl<'a> Anc<'a> {
    pub fn stmt(&self) -> Option<&'a Stmt> {
        match self {
            Anc::Stmt { block, index, .. } => block.get(*index),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum Node<'a> {
    Stmt(&'a Stmt),
    Expr(&'a Expr),
}

/// A loop enclosing a node: a `for` or `while` statement whose body (or `while` test) contains it, or a
/// comprehension generator.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Loop<'a> {
    For(&'a ast::StmtFor),
    AsyncFor(&'a ast::StmtAsyncFor),
    While(&'a ast::StmtWhile),
    Comp(&'a Comprehension),
}

impl<'a> Loop<'a> {
    /// The iterable of a `for` loop or generator.
    pub fn iter(&self) -> Option<&'a Expr> {
        match self {
            Loop::For(f) => Some(&f.iter),
            Loop::AsyncFor(f) => Some(&f.iter),
            Loop::Comp(c) => Some(&c.iter),
            Loop::While(_) => None,
        }
    }

    pub fn target(&self) -> Option<&'a Expr> {
        match self {
            Loop::For(f) => Some(&f.target),
            Loop::AsyncFor(f) => Some(&f.target),
            Loop::Comp(c) => Some(&c.target),
            Loop::While(_) => None,
        }
    }
}

/// The loops enclosing a node, innermost first.
pub(crate) fn loops<'a>(anc: &[Anc<'a>]) -> Vec<Loop<'a>> {
    let mut out = Vec::new();
    for a in anc.iter().rev() {
        match a {
            Anc::Stmt { part: Part::Body | Part::Test, .. } => match a.stmt() {
                Some(Stmt::For(f)) => out.push(Loop::For(f)),
                Some(Stmt::AsyncFor(f)) => out.push(Loop::AsyncFor(f)),
                Some(Stmt::While(w)) => out.push(Loop::While(w)),
                _ => {}
            },
            Anc::Comp(c) => out.push(Loop::Comp(c)),
            _ => {}
        }
    }
    out
}

/// The blocks directly inside a compound statement (bodies, branches, handlers), not function bodies.
pub(crate) fn child_blocks(stmt: &Stmt) -> Vec<&[Stmt]> {
    match stmt {
        Stmt::For(s) => vec![&s.body, &s.orelse],
        Stmt::AsyncFor(s) => vec![&s.body, &s.orelse],
        Stmt::While(s) => vec![&s.body, &s.orelse],
        Stmt::If(s) => vec![&s.body, &s.orelse],
        Stmt::With(s) => vec![&s.body],
        Stmt::AsyncWith(s) => vec![&s.body],
        Stmt::Try(s) => {
            let mut v: Vec<&[Stmt]> = vec![&s.body, &s.orelse, &s.finalbody];
            v.extend(s.handlers.iter().map(|ExceptHandler::ExceptHandler(h)| h.body.as_slice()));
            v
        }
        Stmt::TryStar(s) => {
            let mut v: Vec<&[Stmt]> = vec![&s.body, &s.orelse, &s.finalbody];
            v.extend(s.handlers.iter().map(|ExceptHandler::ExceptHandler(h)| h.body.as_slice()));
            v
        }
        Stmt::Match(s) => s.cases.iter().map(|c| c.body.as_slice()).collect(),
        _ => Vec::new(),
    }
}

/// The expressions directly inside a statement, each with the part it belongs to.
pub(crate) fn stmt_exprs(stmt: &Stmt) -> Vec<(&Expr, Part)> {
    let mut v: Vec<(&Expr, Part)> = Vec::new();
    match stmt {
        Stmt::Expr(s) => v.push((&s.value, Part::Head)),
        Stmt::Assign(s) => {
            v.push((&s.value, Part::Head));
            v.extend(s.targets.iter().map(|t| (t, Part::Head)));
        }
        Stmt::AugAssign(s) => {
            v.push((&s.value, Part::Head));
            v.push((&s.target, Part::Head));
        }
        Stmt::AnnAssign(s) => {
            if let Some(value) = &s.value {
                v.push((value, Part::Head));
            }
            v.push((&s.target, Part::Head));
        }
        Stmt::Return(s) => v.extend(s.value.as_deref().map(|e| (e, Part::Head))),
        Stmt::Delete(s) => v.extend(s.targets.iter().map(|t| (t, Part::Head))),
        Stmt::Raise(s) => v.extend(s.exc.as_deref().map(|e| (e, Part::Head))),
        Stmt::Assert(s) => {
            v.push((&s.test, Part::Head));
            v.extend(s.msg.as_deref().map(|e| (e, Part::Head)));
        }
        Stmt::For(s) => {
            v.push((&s.iter, Part::Head));
            v.push((&s.target, Part::Body));
        }
        Stmt::AsyncFor(s) => {
            v.push((&s.iter, Part::Head));
            v.push((&s.target, Part::Body));
        }
        Stmt::While(s) => v.push((&s.test, Part::Test)),
        Stmt::If(s) => v.push((&s.test, Part::Head)),
        Stmt::With(s) => v.extend(s.items.iter().map(|i| (&i.context_expr, Part::Head))),
        Stmt::AsyncWith(s) => v.extend(s.items.iter().map(|i| (&i.context_expr, Part::Head))),
        Stmt::Match(s) => v.push((&s.subject, Part::Head)),
        _ => {}
    }
    v
}

/// The direct sub-expressions of an expression (not lambda bodies; comprehensions are handled by the
/// walker, which needs to know which generator each part belongs to).
pub(crate) fn sub_exprs(e: &Expr) -> Vec<&Expr> {
    let mut v: Vec<&Expr> = Vec::new();
    match e {
        Expr::BoolOp(x) => v.extend(&x.values),
        Expr::NamedExpr(x) => {
            v.push(&x.value);
            v.push(&x.target);
        }
        Expr::BinOp(x) => {
            v.push(&x.left);
            v.push(&x.right);
        }
        Expr::UnaryOp(x) => v.push(&x.operand),
        Expr::Lambda(x) => {
            v.extend(x.args.args.iter().filter_map(|a| a.default.as_deref()));
        }
        Expr::IfExp(x) => {
            v.push(&x.test);
            v.push(&x.body);
            v.push(&x.orelse);
        }
        Expr::Dict(x) => {
            for (k, val) in x.keys.iter().zip(&x.values) {
                v.extend(k.as_ref());
                v.push(val);
            }
        }
        Expr::Set(x) => v.extend(&x.elts),
        Expr::ListComp(x) => comp_parts(&mut v, &x.generators, [Some(x.elt.as_ref()), None]),
        Expr::SetComp(x) => comp_parts(&mut v, &x.generators, [Some(x.elt.as_ref()), None]),
        Expr::GeneratorExp(x) => comp_parts(&mut v, &x.generators, [Some(x.elt.as_ref()), None]),
        Expr::DictComp(x) => comp_parts(&mut v, &x.generators, [Some(x.key.as_ref()), Some(x.value.as_ref())]),
        Expr::Await(x) => v.push(&x.value),
        Expr::Yield(x) => v.extend(x.value.as_deref()),
        Expr::YieldFrom(x) => v.push(&x.value),
        Expr::Compare(x) => {
            v.push(&x.left);
            v.extend(&x.comparators);
        }
        Expr::Call(x) => {
            v.push(&x.func);
            v.extend(&x.args);
            v.extend(x.keywords.iter().map(|k| &k.value));
        }
        Expr::FormattedValue(x) => {
            v.push(&x.value);
            v.extend(x.format_spec.as_deref());
        }
        Expr::JoinedStr(x) => v.extend(&x.values),
        Expr::Attribute(x) => v.push(&x.value),
        Expr::Subscript(x) => {
            v.push(&x.value);
            v.push(&x.slice);
        }
        Expr::Starred(x) => v.push(&x.value),
        Expr::List(x) => v.extend(&x.elts),
        Expr::Tuple(x) => v.extend(&x.elts),
        Expr::Slice(x) => {
            v.extend(x.lower.as_deref());
            v.extend(x.upper.as_deref());
            v.extend(x.step.as_deref());
        }
        Expr::Constant(_) | Expr::Name(_) => {}
    }
    v
}

fn comp_parts<'a>(v: &mut Vec<&'a Expr>, gens: &'a [Comprehension], elts: [Option<&'a Expr>; 2]) {
    for g in gens {
        v.push(&g.iter);
        v.push(&g.target);
        v.extend(&g.ifs);
    }
    v.extend(elts.into_iter().flatten());
}

/// The generators of a comprehension expression.
pub(crate) fn generators(e: &Expr) -> Option<&[Comprehension]> {
    match e {
        Expr::ListComp(x) => Some(&x.generators),
        Expr::SetComp(x) => Some(&x.generators),
        Expr::GeneratorExp(x) => Some(&x.generators),
        Expr::DictComp(x) => Some(&x.generators),
        _ => None,
    }
}

/// Visits a block in source order with ancestors; see the module docs.
pub(crate) fn walk_block<'a>(block: &'a [Stmt], f: &mut dyn FnMut(Node<'a>, &[Anc<'a>])) {
    let mut anc = Vec::new();
    block_rec(block, &mut anc, f);
}

fn block_rec<'a>(block: &'a [Stmt], anc: &mut Vec<Anc<'a>>, f: &mut dyn FnMut(Node<'a>, &[Anc<'a>])) {
    for (index, stmt) in block.iter().enumerate() {
        anc.push(Anc::Stmt { block, index, part: Part::Head });
        f(Node::Stmt(stmt), anc);
        if !matches!(stmt, Stmt::FunctionDef(_) | Stmt::AsyncFunctionDef(_) | Stmt::ClassDef(_)) {
            for (e, part) in stmt_exprs(stmt) {
                set_part(anc, part);
                expr_rec(e, anc, f, 0);
            }
            let blocks = child_blocks(stmt);
            for (i, b) in blocks.iter().enumerate() {
                // The second block of a loop or `if` is its `else`; `try` blocks count as bodies.
                let part = if i == 1 && matches!(stmt, Stmt::For(_) | Stmt::AsyncFor(_) | Stmt::While(_) | Stmt::If(_))
                {
                    Part::Else
                } else {
                    Part::Body
                };
                set_part(anc, part);
                block_rec(b, anc, f);
            }
        }
        anc.pop();
    }
}

fn set_part(anc: &mut [Anc<'_>], new: Part) {
    if let Some(Anc::Stmt { part, .. }) = anc.last_mut() {
        *part = new;
    }
}

fn expr_rec<'a>(e: &'a Expr, anc: &mut Vec<Anc<'a>>, f: &mut dyn FnMut(Node<'a>, &[Anc<'a>]), depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    f(Node::Expr(e), anc);
    anc.push(Anc::Expr(e));
    if let Some(gens) = generators(e) {
        let mut pushed = 0;
        for g in gens {
            expr_rec(&g.iter, anc, f, depth + 1);
            anc.push(Anc::Comp(g));
            pushed += 1;
            expr_rec(&g.target, anc, f, depth + 1);
            for cond in &g.ifs {
                expr_rec(cond, anc, f, depth + 1);
            }
        }
        match e {
            Expr::DictComp(x) => {
                expr_rec(&x.key, anc, f, depth + 1);
                expr_rec(&x.value, anc, f, depth + 1);
            }
            Expr::ListComp(x) => expr_rec(&x.elt, anc, f, depth + 1),
            Expr::SetComp(x) => expr_rec(&x.elt, anc, f, depth + 1),
            Expr::GeneratorExp(x) => expr_rec(&x.elt, anc, f, depth + 1),
            _ => {}
        }
        for _ in 0..pushed {
            anc.pop();
        }
    } else {
        for sub in sub_exprs(e) {
            expr_rec(sub, anc, f, depth + 1);
        }
    }
    anc.pop();
}

/// Every expression inside `e` (including `e`), pre-order, not entering lambdas.
pub(crate) fn each_expr<'a>(e: &'a Expr, f: &mut dyn FnMut(&'a Expr)) {
    fn rec<'a>(e: &'a Expr, f: &mut dyn FnMut(&'a Expr), depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        f(e);
        for sub in sub_exprs(e) {
            rec(sub, f, depth + 1);
        }
    }
    rec(e, f, 0);
}

/// Every statement in a block, recursively through compound statements (not nested functions).
pub(crate) fn each_stmt<'a>(block: &'a [Stmt], f: &mut dyn FnMut(&'a Stmt)) {
    for s in block {
        f(s);
        if !matches!(s, Stmt::FunctionDef(_) | Stmt::AsyncFunctionDef(_) | Stmt::ClassDef(_)) {
            for b in child_blocks(s) {
                each_stmt(b, f);
            }
        }
    }
}

/// Every expression in a block (statements recursively, not nested functions).
pub(crate) fn each_expr_in_block<'a>(block: &'a [Stmt], f: &mut dyn FnMut(&'a Expr)) {
    each_stmt(block, &mut |s| {
        if !matches!(s, Stmt::FunctionDef(_) | Stmt::AsyncFunctionDef(_) | Stmt::ClassDef(_)) {
            for (e, _) in stmt_exprs(s) {
                each_expr(e, f);
            }
        }
    });
}

/// The name an expression is, if it is a plain name.
pub(crate) fn name(e: &Expr) -> Option<&str> {
    match e {
        Expr::Name(n) => Some(n.id.as_str()),
        _ => None,
    }
}

/// Whether `e` mentions the name `n` anywhere.
pub(crate) fn mentions(e: &Expr, n: &str) -> bool {
    let mut found = false;
    each_expr(e, &mut |x| {
        if name(x) == Some(n) {
            found = true;
        }
    });
    found
}

/// `f(...)` or `obj.f(...)`: the called function's or method's name.
pub(crate) fn call_name(call: &ast::ExprCall) -> Option<&str> {
    match call.func.as_ref() {
        Expr::Name(n) => Some(n.id.as_str()),
        Expr::Attribute(a) => Some(a.attr.as_str()),
        _ => None,
    }
}

/// The receiver of a method call `x.m(...)`.
pub(crate) fn receiver(call: &ast::ExprCall) -> Option<&Expr> {
    match call.func.as_ref() {
        Expr::Attribute(a) => Some(&a.value),
        _ => None,
    }
}

/// An integer constant's value, if small.
pub(crate) fn int_const(e: &Expr) -> Option<i64> {
    match e {
        Expr::Constant(c) => match &c.value {
            ast::Constant::Int(i) => i.to_string().parse::<i64>().ok(),
            ast::Constant::Bool(b) => Some(i64::from(*b)),
            _ => None,
        },
        Expr::UnaryOp(u) if matches!(u.op, ast::UnaryOp::USub) => int_const(&u.operand).and_then(i64::checked_neg),
        _ => None,
    }
}

/// Whether a block always leaves by `return`, `raise`, `continue` or `break` (it is a guard clause).
pub(crate) fn block_exits(block: &[Stmt]) -> bool {
    match block.last() {
        Some(Stmt::Return(_) | Stmt::Raise(_) | Stmt::Continue(_) | Stmt::Break(_)) => true,
        Some(Stmt::If(i)) => !i.orelse.is_empty() && block_exits(&i.body) && block_exits(&i.orelse),
        _ => false,
    }
}

/// Every `target = value` pair of a block's assignments, tuple assignments split element by element.
pub(crate) fn assignments(body: &[Stmt]) -> Vec<(&Expr, &Expr)> {
    let mut out = Vec::new();
    each_stmt(body, &mut |s| {
        let Stmt::Assign(a) = s else { return };
        for t in &a.targets {
            match (t, a.value.as_ref()) {
                (Expr::Tuple(tt), Expr::Tuple(vt)) if tt.elts.len() == vt.elts.len() => {
                    out.extend(tt.elts.iter().zip(&vt.elts));
                }
                _ => out.push((t, a.value.as_ref())),
            }
        }
    });
    out
}
