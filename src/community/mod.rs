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
