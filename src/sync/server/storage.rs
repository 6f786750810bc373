//! The server's storage interface, with two implementations: [`super::sqlite::SqliteStorage`] (an embedded
//! file, the default) and [`super::postgres::PgStorage`]. Both apply the same rules, tested by the same
//! integration tests:
//!
//! - every event id is kept (table `events`); an id seen before is a `duplicate` for its owner and an
//!   `id_conflict` rejection for anyone else, so replays change nothing;
//! - a batch is applied all or nothing (its own transaction, or its part of a group commit);
//! - votes: one row per (user, problem), the latest `at` wins (ties: the larger event id), whatever the
//!   order events arrive in;
//! - comments: a comment's id is its event's id; deleting is allowed to its author only, keeps the id
//!   with empty text, and moves the comment to a new feed position;
//! - the comment feed's `seq` comes from one counter row updated inside the writing transaction, so feed
//!   positions become visible in order and a reader that saw `seq` n never later finds a smaller one.

use std::future::Future;
use std::path::PathBuf;

use uuid::Uuid;

use crate::sync::wire::{Aggregate, Comment, Event, EventResult};

/// An authenticated user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: i64,
    pub name: String,
}

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("the name `{0}` is taken")]
    NameTaken(String),
    #[error("cannot open the server database {target}: {message}")]
    Open { target: String, message: String },
    #[error("server database error: {0}")]
    Db(String),
}

impl From<rusqlite::Error> for StorageError {
    fn from(e: rusqlite::Error) -> StorageError {
        StorageError::Db(e.to_string())
    }
}

impl From<tokio_postgres::Error> for StorageError {
    fn from(e: tokio_postgres::Error) -> StorageError {
        StorageError::Db(e.to_string())
    }
}

/// Storage behind the HTTP layer. Methods return `Send` futures so handlers run on any worker.
pub trait Storage: Send + Sync + 'static {
    /// `sqlite` or `postgres`, for `/health`.
    fn backend(&self) -> &'static str;
    /// Whether the database answers.
    fn ping(&self) -> impl Future<Output = Result<(), StorageError>> + Send;
    /// Creates a user holding the token whose SHA-256 is `token_hash`.
    fn register(&self, name: String, token_hash: [u8; 32]) -> impl Future<Output = Result<User, StorageError>> + Send;
    fn user_by_token(&self, token_hash: [u8; 32]) -> impl Future<Output = Result<Option<User>, StorageError>> + Send;
    /// Applies validated events in order, in one transaction; one result per event.
    fn apply(
        &self,
        user: User,
        events: Vec<Event>,
    ) -> impl Future<Output = Result<Vec<EventResult>, StorageError>> + Send;
    /// Aggregates of problems with a slug after `after` (all when empty), by slug, at most `limit`.
    fn aggregates(
        &self,
        user_id: i64,
        after: String,
        limit: usize,
    ) -> impl Future<Output = Result<Vec<Aggregate>, StorageError>> + Send;
    /// The aggregate of one problem (zeros when nobody voted or commented).
    fn aggregate(&self, user_id: i64, slug: String) -> impl Future<Output = Result<Aggregate, StorageError>> + Send;
    /// Comments whose feed position is after `since`, in feed order, at most `limit`; one problem's only
    /// when `slug` is given.
    fn comments(
        &self,
        slug: Option<String>,
        since: i64,
        limit: usize,
    ) -> impl Future<Output = Result<Vec<Comment>, StorageError>> + Send;
}

/// Where the server keeps its data, from `--db`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbTarget {
    Sqlite(PathBuf),
    Postgres(String),
}

impl DbTarget {
    /// `postgres://…` or `postgresql://…` for PostgreSQL; `sqlite://PATH` or a plain path for SQLite.
    pub fn parse(s: &str) -> DbTarget {
        if s.starts_with("postgres://") || s.starts_with("postgresql://") {
            DbTarget::Postgres(s.to_string())
        } else {
            DbTarget::Sqlite(PathBuf::from(s.strip_prefix("sqlite://").unwrap_or(s)))
        }
    }

    /// A description without credentials, for messages.
    pub fn describe(&self) -> String {
        match self {
            DbTarget::Sqlite(p) => format!("SQLite file {}", p.display()),
            DbTarget::Postgres(url) => {
                let rest = url.split_once("://").map_or(url.as_str(), |(_, r)| r);
                let host = rest.rsplit_once('@').map_or(rest, |(_, h)| h);
                let host = host.split('?').next().unwrap_or(host);
                format!("PostgreSQL at {host}")
            }
        }
    }
}

/// A rejection with its reason (`not_found`, `forbidden`, `id_conflict`).
pub(crate) fn rejected(id: Uuid, reason: &str) -> EventResult {
    EventResult { id, status: crate::sync::wire::EventStatus::Rejected, reason: Some(reason.to_string()) }
}

pub(crate) fn with_status(id: Uuid, status: crate::sync::wire::EventStatus) -> EventResult {
    EventResult { id, status, reason: None }
}

pub(crate) fn now_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn db_targets_parse_and_hide_credentials() {
        assert_eq!(DbTarget::parse("/tmp/x.db"), DbTarget::Sqlite("/tmp/x.db".into()));
        assert_eq!(DbTarget::parse("sqlite:///tmp/x.db"), DbTarget::Sqlite("/tmp/x.db".into()));
        let pg = DbTarget::parse("postgres://u:secret@db.example:5432/codify?sslmode=disable");
        assert_eq!(pg.describe(), "PostgreSQL at db.example:5432/codify");
    }
}
