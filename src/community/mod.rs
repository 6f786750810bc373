//! The community data model, shared by the store, the learner, the sync client and the server: the wire
//! types and their validation ([`wire`]), an event waiting in the local outbox ([`OutboxEntry`]), and the
//! community signal per problem ([`signal`]). Values and pure functions only; it names no module but
//! `fmt`, so everything that keeps or moves community data can depend on it without a cycle (the store
//! keeps the outbox, `sync` carries it to the server and back, and re-exports `wire` and `signal` under
//! its own name).

pub mod signal;
pub mod wire;

/// An event waiting in the local outbox; `seq` is its local order.
#[derive(Debug, Clone, PartialEq)]
pub struct OutboxEntry {
    pub seq: i64,
    pub event: wire::Event,
}

/// One shared activity item in words, safe to print ("ana solved two-sum"): names and titles are other
/// people's text, passed through [`crate::fmt::terminal_safe`].
pub fn activity_line(a: &wire::ActivityItem) -> String {
    use crate::fmt::terminal_safe;
    let who = terminal_safe(&a.member);
    let slug = terminal_safe(a.slug.as_deref().unwrap_or("?")).into_owned();
    match a.kind.as_str() {
        "solve" => format!("{who} solved {slug}"),
        "review" => format!("{who} reviewed {slug}"),
        "milestone" => format!("{who} earned “{}”", terminal_safe(a.title.as_deref().unwrap_or("a milestone"))),
        other => format!("{who}: {}", terminal_safe(other)),
    }
}
