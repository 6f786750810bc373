//! `missing_validation`: an operation is used without checking its precondition.
//!
//! Shapes: popping or peeking a stack/queue/heap that can be empty at that point (`stack.pop()` on a
//! closing bracket that came first), reading or updating a plain dict key that may be absent
//! (`count[c] -= 1` when `c` was never added), and `list.index(x)` without knowing `x` is there.

use rustpython_parser::ast::{self, Expr, Stmt};

use super::{enclosing_tests, guard_clause_before, guards, in_try, preceding, Sink};
use crate::analysis::env::Kind;
use crate::analysis::program::Program;
use crate::analysis::walk::{self, Anc, Node};
use crate::analysis::FindingKind::MissingValidation;

pub(super) fn check(prog: &Program, u: usize, sink: &mut Sink) {
    let body = prog.units[u].body;
    let domains = filled_domains(prog, u);
    let mut reported = Vec::new();
    walk::walk_block(body, &mut |node, anc| {
        let Node::Expr(e) = node else { return };
        if in_try(anc) {
            return;
        }
        match e {
            Expr::Call(c) => {
                empty_pop(prog, u, c, anc, sink);
                index_call(prog, u, c, anc, sink);
            }
            Expr::Subscript(s) => {
                peek(prog, u, s, anc, sink);
                dict_read(prog, u, s, anc, &domains, &mut reported, sink);
            }
            _ => {}
        }
    });
}

/// A local collection that starts empty (a stack, queue or heap being built).
fn starts_empty(prog: &Program, u: usize, name: &str) -> bool {
    prog.envs
        .get(u)
        .and_then(|e| e.get(name))
        .is_some_and(|v| v.starts_empty && matches!(v.kind, Kind::List | Kind::Deque | Kind::Unknown | Kind::Str))
}

/// Whether something before the node (on its path) adds to `name`, so it is not empty.
fn filled_before(prev: &[&Stmt], name: &str) -> bool {
    prev.iter().any(|s| {
        let mut adds = false;
        let check = |e: &Expr, adds: &mut bool| {
            walk::each_expr(e, &mut |x| {
                if let Expr::Call(c) = x {
                    let on_name = walk::receiver(c).and_then(walk::name) == Some(name);
                    match walk::call_name(c) {
                        Some("append" | "extend" | "insert" | "appendleft" | "add") if on_name => *adds = true,
                        Some("heappush") if c.args.first().and_then(walk::name) == Some(name) => *adds = true,
                        _ => {}
                    }
                }
            });
        };
        let mut stmts = vec![*s];
        walk::each_stmt(std::slice::from_ref(*s), &mut |x| stmts.push(x));
        for st in stmts {
            for (e, _) in walk::stmt_exprs(st) {
                check(e, &mut adds);
            }
            match st {
                Stmt::AugAssign(a) if walk::name(&a.target) == Some(name) => adds = true,
                Stmt::Assign(a) if a.targets.iter().any(|t| walk::name(t) == Some(name)) => {
                    adds |= !crate::analysis::env::is_empty_collection(&a.value)
                }
                _ => {}
            }
        }
        adds
    })
}

fn protected(anc: &[Anc], name: &str) -> bool {
    enclosing_tests(anc).iter().any(|t| guards(t, name)) || {
        let prev = preceding(anc);
        guard_clause_before(&prev, name) || filled_before(&prev, name)
    }
}

fn empty_pop(prog: &Program, u: usize, c: &ast::ExprCall, anc: &[Anc], sink: &mut Sink) {
    let target = match walk::call_name(c) {
        Some("pop" | "popleft") if c.args.len() <= 1 => walk::receiver(c).and_then(walk::name),
        Some("heappop") => c.args.first().and_then(walk::name),
        _ => None,
    };
    let Some(name) = target else { return };
    if !starts_empty(prog, u, name) || protected(anc, name) {
        return;
    }
    sink.add(
        MissingValidation,
        0.75,
        prog.line(c),
        format!("`{}` can run while `{name}` is empty, which raises IndexError.", prog.snippet(c)),
        format!("Check `if not {name}:` first and decide what an empty `{name}` means (often: the input is invalid)."),
    );
}

fn peek(prog: &Program, u: usize, s: &ast::ExprSubscript, anc: &[Anc], sink: &mut Sink) {
    if s.ctx != ast::ExprContext::Load {
        return;
    }
    let Some(name) = walk::name(&s.value) else { return };
    if !matches!(walk::int_const(&s.slice), Some(0 | -1)) {
        return;
    }
    if !starts_empty(prog, u, name) || protected(anc, name) {
        return;
    }
    sink.add(
        MissingValidation,
        0.7,
        prog.line(s),
        format!("`{}` reads from `{name}` before anything guarantees it is non-empty; on the first use it raises IndexError.", prog.snippet(s)),
        format!("Test `if {name}` (or `if not {name}`) before reading `{}`.", prog.snippet(s)),
    );
}

/// Keys a loop stores for every item: `for x in nums: d[x] = i` fills `d` for the items of `nums`. Each
/// entry is (dict, iterable text, address of the loop statement, key text).
fn filled_domains(prog: &Program, u: usize) -> Vec<(String, String, usize, String)> {
    let mut out = Vec::new();
    walk::walk_block(prog.units[u].body, &mut |node, anc| {
        let Node::Expr(Expr::Subscript(s)) = node else { return };
        if s.ctx != ast::ExprContext::Store {
            return;
        }
        let Some(d) = walk::name(&s.value) else { return };
        // Only plain stores fill a key (`d[k] += 1` needs it already).
        if !matches!(anc.iter().rev().find_map(|a| a.stmt()), Some(Stmt::Assign(_))) {
            return;
        }
        for l in walk::loops(anc) {
            if let (Some(iter), Some(target)) = (l.iter(), l.target()) {
                let mut bound = Vec::new();
                walk::each_expr(target, &mut |x| bound.extend(walk::name(x)));
                if bound.iter().any(|b| walk::mentions(&s.slice, b)) {
                    out.push((d.to_string(), prog.snippet(iter), loop_id(&l), prog.snippet(&*s.slice)));
                }
            }
        }
    });
    out
}

fn loop_id(l: &walk::Loop) -> usize {
    match l {
        walk::Loop::For(f) => std::ptr::from_ref(*f) as usize,
        walk::Loop::AsyncFor(f) => std::ptr::from_ref(*f) as usize,
        walk::Loop::While(w) => std::ptr::from_ref(*w) as usize,
        walk::Loop::Comp(c) => std::ptr::from_ref(*c) as usize,
    }
}

/// `key in d` / `key not in d` / `d.get(key)`: a test that tells whether `d` has `key`.
fn tests_key(prog: &Program, t: &Expr, d: &str, key: &str) -> bool {
    let mut found = false;
    walk::each_expr(t, &mut |x| match x {
        Expr::Compare(c) if c.comparators.iter().any(|r| walk::name(r) == Some(d)) => found = true,
        Expr::Call(c)
            if walk::receiver(c).and_then(walk::name) == Some(d)
                && matches!(walk::call_name(c), Some("get" | "setdefault"))
                && c.args.first().is_some_and(|a| prog.snippet(a) == key) =>
        {
            found = true;
        }
        _ => {}
    });
    found
}

/// A statement that makes `d[key]` exist before the read: a store or update of that key, or
/// `if key not in d: d[key] = ...` / `if key not in d: continue`.
fn creates_key(prog: &Program, st: &Stmt, d: &str, key: &str) -> bool {
    let is_key = |t: &Expr| matches!(t, Expr::Subscript(ts) if walk::name(&ts.value) == Some(d) && prog.snippet(&*ts.slice) == key);
    match st {
        Stmt::Assign(a) => a.targets.iter().any(is_key),
        Stmt::AugAssign(a) => is_key(&a.target),
        Stmt::If(i) => {
            let negative = matches!(i.test.as_ref(), Expr::Compare(c)
                if c.ops.first() == Some(&ast::CmpOp::NotIn) && c.comparators.first().and_then(walk::name) == Some(d)
                && prog.snippet(&*c.left) == key);
            negative && (walk::block_exits(&i.body) || i.body.iter().any(|b| creates_key(prog, b, d, key)))
        }
        _ => false,
    }
}

fn dict_read(
    prog: &Program,
    u: usize,
    s: &ast::ExprSubscript,
    anc: &[Anc],
    domains: &[(String, String, usize, String)],
    reported: &mut Vec<String>,
    sink: &mut Sink,
) {
    let Some(d) = walk::name(&s.value) else { return };
    let Some(v) = prog.var(u, d) else { return };
    if v.kind != Kind::Dict || !v.starts_empty || v.param || reported.iter().any(|r| r == d) {
        return;
    }
    let aug = anc.iter().rev().find_map(|a| a.stmt()).is_some_and(
        |st| matches!(st, Stmt::AugAssign(x) if matches!(x.target.as_ref(), Expr::Subscript(t) if std::ptr::eq(t, s))),
    );
    if s.ctx != ast::ExprContext::Load && !aug {
        return;
    }
    let key = prog.snippet(&*s.slice);
    if enclosing_tests(anc).iter().any(|t| tests_key(prog, t, d, &key)) {
        return;
    }
    if preceding(anc).iter().any(|st| creates_key(prog, st, d, &key)) {
        return;
    }
    // Inside a loop over the dict itself, or over items an earlier loop stored keys for.
    let over_dict = walk::loops(anc).iter().any(|l| {
        l.iter().is_some_and(|i| {
            walk::mentions(i, d)
                || domains
                    .iter()
                    .any(|(dd, it, id, k)| dd == d && *it == prog.snippet(i) && *id != loop_id(l) && *k == key)
        })
    });
    if over_dict {
        return;
    }
    // `d[s[left]]` in a sliding window over `s`: the keys are items of `s` stored as the window grew.
    if let Expr::Subscript(k) = s.slice.as_ref() {
        if let Some(base) = walk::name(&k.value) {
            let forms = [base.to_string(), format!("enumerate({base})")];
            if domains.iter().any(|(dd, it, _, _)| dd == d && forms.contains(it)) {
                return;
            }
        }
    }
    reported.push(d.to_string());
    let (confidence, how) = if aug { (0.8, "updates") } else { (0.7, "reads") };
    sink.add(
        MissingValidation,
        confidence,
        prog.line(s),
        format!(
            "`{}` {how} a key of the plain dict `{d}` that may not be there yet, which raises KeyError.",
            prog.snippet(s)
        ),
        format!("Use `{d}.get({key}, 0)`, check `{key} in {d}` first, or make `{d}` a `defaultdict`/`Counter`."),
    );
}

fn index_call(prog: &Program, u: usize, c: &ast::ExprCall, anc: &[Anc], sink: &mut Sink) {
    if walk::call_name(c) != Some("index") {
        return;
    }
    let Some(recv) = walk::receiver(c).and_then(walk::name) else { return };
    if !prog.var(u, recv).is_some_and(|v| matches!(v.kind, Kind::List | Kind::Unknown)) {
        return;
    }
    let Some(arg) = c.args.first() else { return };
    let arg_text = prog.snippet(arg);
    let guarded = enclosing_tests(anc).iter().any(|t| {
        let mut found = false;
        walk::each_expr(t, &mut |x| {
            if let Expr::Compare(cmp) = x {
                if cmp.comparators.iter().any(|r| walk::name(r) == Some(recv)) && prog.snippet(&*cmp.left) == arg_text {
                    found = true;
                }
            }
        });
        found
    });
    if guarded {
        return;
    }
    sink.add(
        MissingValidation,
        0.6,
        prog.line(c),
        format!("`{}` raises ValueError when `{arg_text}` is not in `{recv}`.", prog.snippet(c)),
        format!("Check `{arg_text} in {recv}` first, or keep positions in a dict."),
    );
}
