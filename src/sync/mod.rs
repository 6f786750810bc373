//! Community sync (issue 7): votes and comments recorded locally, pushed to an optional server, and
//! aggregates pulled back.
//!
//! - [`wire`] (in [`crate::community`]): the types both sides put on the network, and the validation rules
//!   both apply.
//! - [`plan`]: pure — outbox + cursor -> what to push (in batches) and what to pull.
//! - [`client`]: the HTTP client and the I/O step ([`client::sync_once`]) that carries a plan out.
//! - [`signal`] (in [`crate::community`]): pure — pulled aggregates merged with unsynced local changes: the community signal that
//!   the learner model and the views read through [`crate::store::Store::community_signal`].
//! - [`server`]: `codify serve` (axum) over SQLite or PostgreSQL storage.
//!
//! Delivery is exactly-once by construction: every event has a client-made UUID; the server records each
//! id in the transaction that applies it and answers a replay with `duplicate`; the client forgets an
//! event only after the server's answer names it. Whatever fails in between (the connection, the
//! server, the client), the event is sent again and counted once.
//!
//! For the TUI: `tokio::spawn(codify::sync::background_sync(paths.db_file.clone()))` and send the
//! returned [`SyncStatus`] to the inbox; it never panics and never blocks the event loop on the
//! network (the few local SQLite calls are short).

pub mod client;
pub mod plan;
pub mod server;

/// The community data model lives in [`crate::community`] (the store keeps it too); sync re-exports it.
pub use crate::community::{signal, wire};

use std::path::PathBuf;

pub use client::{sync_once, Client, Login, SyncError, SyncReport};
pub use signal::Signal;

/// The outcome of a background sync, for a status indicator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncStatus {
    /// Pushed `pushed` events and pulled `pulled` new comments.
    Synced { pushed: usize, pulled: usize },
    /// No account: community data stays on this machine (`codify login URL` to share it).
    LocalOnly { queued: u64 },
    /// The server could not be reached; `queued` events wait for the next sync.
    Offline { queued: u64 },
    /// Anything else (refused token, rate limit, database), as one line.
    Error(String),
}

impl std::fmt::Display for SyncStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SyncStatus::Synced { pushed, pulled } => write!(f, "synced: {pushed} sent, {pulled} new comments"),
            SyncStatus::LocalOnly { queued } => write!(f, "local only ({queued} queued)"),
            SyncStatus::Offline { queued } => write!(f, "offline ({queued} queued)"),
            SyncStatus::Error(e) => write!(f, "sync error: {e}"),
        }
    }
}

/// One sync of the database at `db_file`, on its own connection, for background use.
pub async fn background_sync(db_file: PathBuf) -> SyncStatus {
    let mut store = match crate::store::Store::open(&db_file) {
        Ok(s) => s,
        Err(e) => {
            tracing::warn!("sync failed: {e}");
            return SyncStatus::Error(e.to_string());
        }
    };
    match sync_once(&mut store).await {
        Ok(r) => SyncStatus::Synced { pushed: r.pushed, pulled: r.comments_pulled },
        Err(e) => {
            let queued = store.outbox_len().unwrap_or(0);
            match e {
                SyncError::NotSignedIn => SyncStatus::LocalOnly { queued },
                SyncError::Offline { .. } => SyncStatus::Offline { queued },
                other => SyncStatus::Error(other.to_string()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send<T: Send>(_: &T) {}

    #[test]
    fn background_sync_can_be_spawned_on_any_worker() {
        let fut = background_sync(PathBuf::from("/nonexistent/codify.db"));
        assert_send(&fut);
        drop(fut);
    }

    #[tokio::test]
    async fn background_sync_without_an_account_is_local_only() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("codify.db");
        crate::store::Store::open(&db).unwrap().record_vote("two-sum", wire::Vote::Up).unwrap();
        assert_eq!(background_sync(db).await, SyncStatus::LocalOnly { queued: 1 });
    }

    #[tokio::test]
    async fn background_sync_with_an_unreachable_server_is_offline_and_keeps_the_outbox() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("codify.db");
        // A port that was just free: nothing listens there.
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        {
            let s = crate::store::Store::open(&db).unwrap();
            s.set_account(&format!("http://127.0.0.1:{port}"), "me", "cfy_x").unwrap();
            s.record_vote("two-sum", wire::Vote::Down).unwrap();
        }
        assert_eq!(background_sync(db.clone()).await, SyncStatus::Offline { queued: 1 });
        assert_eq!(crate::store::Store::open(&db).unwrap().outbox_len().unwrap(), 1);
    }
}
