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
//!   positions become visible in order and a reader that saw `seq` n never later finds a smaller one;
//! - user names are unique regardless of case: each user's `name_key` (the lowercased name) is unique,
//!   while the name keeps the spelling it was registered with;
//! - a revoked token's hash is replaced by a 33-byte value no SHA-256 can equal, so it never matches again;
//! - the daily comment cap counts a user's comment events received in the last 24 hours, inside the
//!   writing transaction, and refuses the whole batch that would pass it (replays do not count);
//! - database faults keep their kind ([`StorageError::Corrupt`], [`StorageError::DiskFull`],
//!   [`StorageError::Unavailable`]) so that the server answers 503 saying which, and `/health` reports it.

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

#[derive(Debug, Clone, thiserror::Error)]
pub enum StorageError {
    #[error("the name `{0}` is taken")]
    NameTaken(String),
    #[error("cannot open the server database {target}: {message}")]
    Open { target: String, message: String },
    #[error("`--db sqlite://` names no file, so the server would run on a temporary database that vanishes when it stops; give a path, e.g. `--db sqlite:///srv/codify/community.db`")]
    NoFile,
    /// Migrated further by a newer Codify (the message says so in plain words).
    #[error("{0}")]
    TooNew(String),
    #[error("the server database is damaged: {0}")]
    Corrupt(String),
    #[error("the server's disk is full: {0}")]
    DiskFull(String),
    #[error("the server database does not answer: {0}")]
    Unavailable(String),
    #[error("at most {limit} new comments per user in 24 hours")]
    CommentCap { limit: u32, retry_after_s: u64 },
    #[error("server database error: {0}")]
    Db(String),
}

impl StorageError {
    /// The `reason` `/health` gives for this failure.
    pub fn reason(&self) -> &'static str {
        match self {
            StorageError::Corrupt(_) => "database corrupt",
            StorageError::DiskFull(_) => "disk full",
            StorageError::Unavailable(_) => "database unreachable",
            _ => "database error",
        }
    }
}

impl From<rusqlite::Error> for StorageError {
    fn from(e: rusqlite::Error) -> StorageError {
        use rusqlite::ErrorCode::{DatabaseCorrupt, DiskFull, NotADatabase};
        match e.sqlite_error_code() {
            Some(DatabaseCorrupt | NotADatabase) => StorageError::Corrupt(e.to_string()),
            Some(DiskFull) => StorageError::DiskFull(e.to_string()),
            _ => StorageError::Db(e.to_string()),
        }
    }
}

impl From<tokio_postgres::Error> for StorageError {
    fn from(e: tokio_postgres::Error) -> StorageError {
        use tokio_postgres::error::SqlState;
        let text = e.as_db_error().map_or_else(|| e.to_string(), |d| d.message().to_string());
        match e.code() {
            Some(c) if *c == SqlState::DISK_FULL => StorageError::DiskFull(text),
            // A missing table is damage too: the schema no longer matches what the migrations made.
            Some(c) if [SqlState::DATA_CORRUPTED, SqlState::INDEX_CORRUPTED, SqlState::UNDEFINED_TABLE].contains(c) => {
                StorageError::Corrupt(text)
            }
            None if e.is_closed() => StorageError::Unavailable(text),
            _ => StorageError::Db(text),
        }
    }
}

/// The unique form of a user name: names are ASCII (see [`crate::sync::wire::validate_name`]), so
/// lowercasing is the whole normalisation.
pub(crate) fn name_key(name: &str) -> String {
    name.to_ascii_lowercase()
}

/// What a revoked token's hash becomes: 33 bytes, which no SHA-256 digest equals, and still unique.
pub(crate) fn revoked_hash(token_hash: &[u8; 32]) -> Vec<u8> {
    let mut v = Vec::with_capacity(33);
    v.push(0xff);
    v.extend_from_slice(token_hash);
    v
}

pub(crate) const DAY_MS: i64 = 86_400_000;

/// A batch's new comments counted against the daily cap. The user's count of the last 24 hours is read
/// from the database once, when the batch adds its first comment (that count includes it); later ones
/// add one each.
pub(crate) struct CommentCount {
    cap: u32,
    now: i64,
    recent: Option<(i64, Option<i64>)>,
}

impl CommentCount {
    pub(crate) fn new(cap: u32, now: i64) -> CommentCount {
        CommentCount { cap, now, recent: None }
    }

    /// Whether [`CommentCount::add`] needs the database's count.
    pub(crate) fn needs_count(&self) -> bool {
        self.recent.is_none()
    }

    /// The start of the counted window (Unix ms).
    pub(crate) fn since(&self) -> i64 {
        self.now - DAY_MS
    }

    /// One more new comment; `counted`: the comment events received since [`CommentCount::since`] and
    /// the oldest one's time, read after this comment's event was recorded.
    pub(crate) fn add(&mut self, counted: Option<(i64, Option<i64>)>) -> Result<(), StorageError> {
        let (count, oldest) = match (self.recent, counted) {
            (Some((n, oldest)), _) => (n + 1, oldest),
            (None, Some(c)) => c,
            (None, None) => (1, None),
        };
        self.recent = Some((count, oldest));
        check_comment_cap(self.cap, count, oldest, self.now)
    }
}

/// Whether applying `e` gave `r`: a comment new to the server (which the daily cap counts).
pub(crate) fn is_new_comment(e: &Event, r: &EventResult) -> bool {
    matches!(e.action, crate::sync::wire::Action::Comment { .. }) && r.status == crate::sync::wire::EventStatus::Applied
}

/// Refuses a batch when the user's comments in the last 24 hours (`count`, the batch's new ones included;
/// the oldest received at `oldest`) pass `cap`.
fn check_comment_cap(cap: u32, count: i64, oldest: Option<i64>, now: i64) -> Result<(), StorageError> {
    if count <= i64::from(cap) {
        return Ok(());
    }
    let wait_ms = oldest.map_or(DAY_MS, |t| t + DAY_MS - now).clamp(1000, DAY_MS);
    Err(StorageError::CommentCap { limit: cap, retry_after_s: (wait_ms as u64).div_ceil(1000) })
}

/// The error for a database written by a newer Codify.
pub(crate) fn too_new(found: i64, known: usize) -> String {
    format!(
        "it was written by a newer version of Codify (schema version {found}; this version knows up to {known}); \
         use that version of Codify (or a newer one), or point --db at another database"
    )
}

/// Storage behind the HTTP layer. Methods return `Send` futures so handlers run on any worker.
pub trait Storage: Send + Sync + 'static {
    /// `sqlite` or `postgres`, for `/health`.
    fn backend(&self) -> &'static str;
    /// Whether the database answers and every table reads (a real read of each, not `SELECT 1`), and no
    /// fault (damage, a full disk) was met since.
    fn health(&self) -> impl Future<Output = Result<(), StorageError>> + Send;
    /// Creates a user holding the token whose SHA-256 is `token_hash`; `NameTaken` when the name is taken
    /// in any case.
    fn register(&self, name: String, token_hash: [u8; 32]) -> impl Future<Output = Result<User, StorageError>> + Send;
    fn user_by_token(&self, token_hash: [u8; 32]) -> impl Future<Output = Result<Option<User>, StorageError>> + Send;
    /// Makes the token whose SHA-256 is `token_hash` unknown from now on; whether it was known.
    fn revoke(&self, token_hash: [u8; 32]) -> impl Future<Output = Result<bool, StorageError>> + Send;
    /// Applies validated events in order, in one transaction; one result per event. With
    /// `comments_per_day`, refuses the batch (`CommentCap`) when its new comments would pass the cap.
    fn apply(
        &self,
        user: User,
        events: Vec<Event>,
        comments_per_day: Option<u32>,
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

/// Whether the last write failed for lack of space, so that `/health` says `disk full` until a write
/// succeeds again (both backends; a read alone cannot tell that the disk is full).
#[derive(Debug, Default)]
pub(crate) struct DiskFullMemory(std::sync::atomic::AtomicBool);

impl DiskFullMemory {
    /// Remembers what a write's result says about space: full after a disk-full error, room after a success.
    pub(crate) fn after<T>(&self, result: Result<T, StorageError>) -> Result<T, StorageError> {
        use std::sync::atomic::Ordering;
        match &result {
            Ok(_) => self.0.store(false, Ordering::Relaxed),
            Err(StorageError::DiskFull(_)) => self.0.store(true, Ordering::Relaxed),
            Err(_) => {}
        }
        result
    }

    /// The health answer while the last write found the disk full.
    pub(crate) fn check(&self) -> Result<(), StorageError> {
        match self.0.load(std::sync::atomic::Ordering::Relaxed) {
            true => Err(StorageError::DiskFull("the last write failed for lack of space".into())),
            false => Ok(()),
        }
    }
}

pub(crate) use crate::clock::now_ms;

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

    #[test]
    fn the_comment_cap_counts_the_last_day_and_says_when_to_come_back() {
        let now = 10 * DAY_MS;
        assert!(check_comment_cap(3, 3, Some(now - 1000), now).is_ok());
        match check_comment_cap(3, 4, Some(now - DAY_MS + 60_000), now) {
            Err(StorageError::CommentCap { limit: 3, retry_after_s: 60 }) => {}
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            check_comment_cap(0, 1, None, now),
            Err(StorageError::CommentCap { retry_after_s: 86_400, .. })
        ));
    }

    #[test]
    fn names_compare_without_case_and_revoked_hashes_match_no_token() {
        assert_eq!(name_key("Alice.B-1"), name_key("alice.b-1"));
        let h = [7u8; 32];
        assert_eq!(revoked_hash(&h).len(), 33);
        assert_ne!(revoked_hash(&h), revoked_hash(&[8u8; 32]));
    }
}
