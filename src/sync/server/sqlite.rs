//! The SQLite backend: one file in WAL mode, with `synchronous = FULL` so that an acknowledged batch
//! survives a power cut (the client forgets what the server acknowledged).
//!
//! Writes go to one dedicated writer thread that owns the only writing connection and commits in
//! groups: it takes every write waiting in its queue, runs each in its own savepoint of one transaction
//! (so one failing request changes nothing and fails alone), commits once, and only then answers each
//! request. One disk sync thus covers many concurrent requests, and no request is acknowledged before
//! its data is durable. Reads run on a few reader connections on tokio's blocking pool. Checkpoints
//! (copying the WAL into the main file, with its own disk syncs) run on a separate thread and connection,
//! at most a few times a second, so the writer never stalls on one.
//!
//! Damage and a full disk are noticed, not written through: opening runs `PRAGMA quick_check` and refuses
//! a damaged file; `/health` reads both ends of every table on a fresh connection (so no page cache hides
//! the file as it is on disk); and once any of these or any request meets a damaged page, the storage is
//! marked damaged until restarted and refuses every write (503). A write that fails for lack of space
//! marks the disk full until a write succeeds again.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex};

use rusqlite::{params, Connection, ErrorCode, OpenFlags, OptionalExtension, Row};
use rusqlite_migration::{Migrations, M};
use tokio::sync::oneshot;
use uuid::Uuid;

use super::storage::{
    activity_at, activity_parts, add_trending, backfill, group_view_from, is_new_comment, limit, name_key, now_ms,
    rejected, revoked_hash, too_new, with_status, CommentCount, DiskFullMemory, GroupRows, Storage, StorageError,
    TrendingDelta, TrendingRow, User, ACTIVITY_KEEP_MS, BACKFILLED, BACKFILL_SQL, GROUP_DAYS_SQL, GROUP_MEMBERS_SQL,
    GROUP_RECENT_SQL, GROUP_WEEK_SQL, MAX_GROUPS_PER_USER, MAX_LIVE_INVITES, MAX_MEMBERS, MY_GROUPS_SQL,
    RECENT_ACTIVITY, RECENT_ACTIVITY_MS, STREAK_WINDOW_MS, WEEK_MS,
};
use crate::sync::wire::{
    Action, ActivityItem, Aggregate, Comment, Event, EventResult, EventStatus, GroupInfo, GroupView, Tag, TagCounts,
    Vote,
};

const READERS: usize = 4;
/// Most requests committed together.
const MAX_GROUP: usize = 256;

/// Numbered migrations, append-only; the database's `user_version` counts those applied.
const MIGRATIONS: [&str; 3] = [
    include_str!("migrations/sqlite/0001_init.sql"),
    include_str!("migrations/sqlite/0002_hardening.sql"),
    include_str!("migrations/sqlite/0003_groups.sql"),
];

fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql)).collect())
}

#[derive(Clone)]
pub struct SqliteStorage {
    inner: Arc<Inner>,
}

struct Inner {
    path: PathBuf,
    writes: mpsc::Sender<Box<dyn WriteJob>>,
    readers: Vec<Mutex<Connection>>,
    next_reader: AtomicUsize,
    /// A damaged page was met: every write is refused until restart.
    damaged: AtomicBool,
    /// The last write failed for lack of space.
    disk_full: DiskFullMemory,
}

/// One request's writes, run by the writer thread inside a savepoint.
trait WriteJob: Send {
    /// Runs the writes; their error when they failed (the savepoint is then rolled back).
    fn run(&mut self, conn: &Connection) -> Option<StorageError>;
    /// Answers the request once the group's transaction ended: `Some(error)` when it did not commit.
    fn finish(self: Box<Self>, commit_error: Option<StorageError>);
}

struct Job<T, F> {
    work: Option<F>,
    result: Option<Result<T, StorageError>>,
    reply: oneshot::Sender<Result<T, StorageError>>,
}

impl<T: Send, F: FnOnce(&Connection) -> Result<T, StorageError> + Send> WriteJob for Job<T, F> {
    fn run(&mut self, conn: &Connection) -> Option<StorageError> {
        let result = match self.work.take() {
            Some(work) => work(conn),
            None => Err(StorageError::Db("a write ran twice".into())),
        };
        let failure = result.as_ref().err().cloned();
        self.result = Some(result);
        failure
    }

    fn finish(self: Box<Self>, commit_error: Option<StorageError>) {
        let result = match (commit_error, self.result) {
            (Some(e), _) => Err(e),
            (None, Some(r)) => r,
            (None, None) => Err(StorageError::Db("a write did not run".into())),
        };
        let _ = self.reply.send(result);
    }
}

/// Pause between two checkpoints.
const CHECKPOINT_EVERY: std::time::Duration = std::time::Duration::from_millis(250);

fn writer_loop(mut conn: Connection, jobs: mpsc::Receiver<Box<dyn WriteJob>>, checkpoint: mpsc::SyncSender<()>) {
    while let Ok(first) = jobs.recv() {
        let mut group = vec![first];
        while group.len() < MAX_GROUP {
            match jobs.try_recv() {
                Ok(job) => group.push(job),
                Err(_) => break,
            }
        }
        let error = commit_group(&mut conn, &mut group).err();
        for job in group {
            job.finish(error.clone());
        }
        let _ = checkpoint.try_send(()); // a full channel means one is already due
    }
}

/// Copies the WAL into the database file without blocking the writer; ends with the writer.
fn checkpoint_loop(conn: Connection, due: mpsc::Receiver<()>) {
    while due.recv().is_ok() {
        if let Err(e) = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(())) {
            eprintln!("codify serve: checkpoint failed (will retry): {e}");
        }
        std::thread::sleep(CHECKPOINT_EVERY);
    }
}

/// Commits a group; `Err` when nothing of it was stored.
fn commit_group(conn: &mut Connection, group: &mut [Box<dyn WriteJob>]) -> Result<(), StorageError> {
    let mut tx = conn.transaction()?;
    for job in group.iter_mut() {
        let mut savepoint = tx.savepoint()?;
        if let Some(failure) = job.run(&savepoint) {
            if savepoint.is_autocommit() {
                // SQLite rolled the whole transaction back (a full disk, an I/O error): the group failed
                // for that reason.
                return Err(failure);
            }
            savepoint.rollback()?;
        }
        savepoint.commit()?; // releases the savepoint (after a rollback, with nothing in it)
    }
    Ok(tx.commit()?)
}

/// Both ends of every table: cheap, and a real read of each table's root and edge pages.
const HEALTH_SQL: &str = "
    SELECT (SELECT rowid FROM users ORDER BY rowid LIMIT 1), (SELECT rowid FROM users ORDER BY rowid DESC LIMIT 1),
           (SELECT rowid FROM events ORDER BY rowid LIMIT 1), (SELECT rowid FROM events ORDER BY rowid DESC LIMIT 1),
           (SELECT rowid FROM votes ORDER BY rowid LIMIT 1), (SELECT rowid FROM votes ORDER BY rowid DESC LIMIT 1),
           (SELECT rowid FROM comments ORDER BY rowid LIMIT 1),
           (SELECT rowid FROM comments ORDER BY rowid DESC LIMIT 1),
           (SELECT value FROM counters WHERE name = 'comment_seq'),
           (SELECT rowid FROM groups ORDER BY rowid LIMIT 1), (SELECT rowid FROM groups ORDER BY rowid DESC LIMIT 1),
           (SELECT rowid FROM members ORDER BY rowid LIMIT 1), (SELECT rowid FROM members ORDER BY rowid DESC LIMIT 1),
           (SELECT rowid FROM invites ORDER BY rowid LIMIT 1), (SELECT rowid FROM invites ORDER BY rowid DESC LIMIT 1),
           (SELECT rowid FROM activity ORDER BY rowid LIMIT 1),
           (SELECT rowid FROM activity ORDER BY rowid DESC LIMIT 1),
           (SELECT rowid FROM trending ORDER BY rowid LIMIT 1),
           (SELECT rowid FROM trending ORDER BY rowid DESC LIMIT 1)";

/// Reads every table on a connection of its own, so that it sees the file as it is on disk.
fn check_tables(path: &Path) -> Result<(), StorageError> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    conn.busy_timeout(std::time::Duration::from_secs(2))?;
    conn.query_row(HEALTH_SQL, [], |_| Ok(()))?;
    Ok(())
}

/// `PRAGMA quick_check` (every page's structure, without cross-checking indexes): `Err` naming the first
/// problem.
fn quick_check(conn: &Connection) -> Result<(), String> {
    let first: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0)).map_err(|e| e.to_string())?;
    if first == "ok" {
        Ok(())
    } else {
        Err(first)
    }
}

/// Refuses a database that a newer Codify migrated further than this one knows.
fn check_version(conn: &Connection) -> Result<(), String> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(|e| e.to_string())?;
    if version > MIGRATIONS.len() as i64 {
        return Err(too_new(version, MIGRATIONS.len()));
    }
    Ok(())
}

/// `sqlite://` with nothing after it, `:memory:` and `file:` URIs would serve a database that is not the
/// named file (rusqlite opens URIs), so they are refused.
fn names_a_file(path: &Path) -> bool {
    let s = path.to_string_lossy();
    !s.trim().is_empty() && s != ":memory:" && !s.starts_with("file:")
}

fn open_conn(path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(conn)
}

impl SqliteStorage {
    /// Opens (creating when missing) the database file, brings its schema up to date and starts the
    /// writer thread (it ends when the storage is dropped).
    pub fn open(path: &Path) -> Result<SqliteStorage, StorageError> {
        let err = |message: String| StorageError::Open { target: path.display().to_string(), message };
        if !names_a_file(path) {
            return Err(StorageError::NoFile);
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| err(e.to_string()))?;
        }
        let damaged = |detail: String| {
            err(format!(
                "the file is damaged ({detail}); restore it from a backup, or recover what is readable with \
                 `sqlite3 {} .recover`",
                path.display()
            ))
        };
        let mut writer = open_conn(path).map_err(|e| match StorageError::from(e) {
            StorageError::Corrupt(detail) => damaged(detail),
            other => err(other.to_string()),
        })?;
        quick_check(&writer).map_err(damaged)?;
        check_version(&writer).map_err(err)?;
        migrations().to_latest(&mut writer).map_err(|e| err(e.to_string()))?;
        backfill_trending(&mut writer).map_err(|e| err(format!("cannot fill trending: {e}")))?;
        let readers = (0..READERS)
            .map(|_| open_conn(path).map(Mutex::new))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| err(e.to_string()))?;
        writer.pragma_update(None, "wal_autocheckpoint", 0).map_err(|e| err(e.to_string()))?;
        let checkpointer = open_conn(path).map_err(|e| err(e.to_string()))?;
        let (writes, jobs) = mpsc::channel();
        let (checkpoint, due) = mpsc::sync_channel(1);
        let spawn =
            |name: &str, f: Box<dyn FnOnce() + Send>| std::thread::Builder::new().name(name.into()).spawn(f).map(drop);
        spawn("codify-sqlite-checkpoint", Box::new(move || checkpoint_loop(checkpointer, due)))
            .and_then(|()| spawn("codify-sqlite-writer", Box::new(move || writer_loop(writer, jobs, checkpoint))))
            .map_err(|e| err(format!("cannot start a database thread: {e}")))?;
        let inner = Inner {
            path: path.to_path_buf(),
            writes,
            readers,
            next_reader: AtomicUsize::new(0),
            damaged: AtomicBool::new(false),
            disk_full: DiskFullMemory::default(),
        };
        Ok(SqliteStorage { inner: Arc::new(inner) })
    }

    /// Runs `f` on the writer thread, in the next group; answers once that group is committed.
    async fn write<T, F>(&self, f: F) -> Result<T, StorageError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, StorageError> + Send + 'static,
    {
        if self.inner.damaged.load(Ordering::Relaxed) {
            return Err(damaged_earlier());
        }
        let (reply, answer) = oneshot::channel();
        let job: Box<dyn WriteJob> = Box::new(Job { work: Some(f), result: None, reply });
        let sent = self.inner.writes.send(job);
        sent.map_err(|_| StorageError::Db("the database writer has stopped".into()))?;
        let result = answer.await.map_err(|_| StorageError::Db("the database writer has stopped".into()))?;
        self.note(self.inner.disk_full.after(result))
    }

    /// Remembers a damaged page that a result shows.
    fn note<T>(&self, result: Result<T, StorageError>) -> Result<T, StorageError> {
        if let Err(StorageError::Corrupt(_)) = &result {
            self.inner.damaged.store(true, Ordering::Relaxed);
        }
        result
    }

    /// Caps the database at about `max_bytes` (SQLite's `max_page_count`, never below the current size);
    /// past it, writes fail as on a full disk. Returns the cap in bytes. For operators who share a disk,
    /// and for tests of a full disk.
    pub async fn limit_size(&self, max_bytes: u64) -> Result<u64, StorageError> {
        self.write(move |c| {
            let page: u64 = c.pragma_query_value(None, "page_size", |r| r.get(0))?;
            // 0 would only read the setting; SQLite raises a cap below the current size to that size.
            let wanted = (max_bytes / page.max(1)).max(1);
            let pages: u64 = c.pragma_update_and_check(None, "max_page_count", wanted, |r| r.get(0))?;
            Ok(pages * page)
        })
        .await
    }

    /// Runs `f` on one of the reader connections, on the blocking pool.
    async fn read<T, F>(&self, f: F) -> Result<T, StorageError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, StorageError> + Send + 'static,
    {
        let inner = self.inner.clone();
        let result = tokio::task::spawn_blocking(move || {
            let i = inner.next_reader.fetch_add(1, Ordering::Relaxed) % inner.readers.len();
            let conn = inner.readers[i].lock().unwrap_or_else(|p| p.into_inner());
            f(&conn)
        })
        .await
        .map_err(|e| StorageError::Db(format!("a database task failed: {e}")))?;
        self.note(result)
    }

    /// Where a database for `home` goes by default.
    pub fn default_path(home_db_file: &Path) -> PathBuf {
        home_db_file.with_file_name("community-server.db")
    }
}

/// Once per database: trending counts for the votes and comments stored before trending existed.
fn backfill_trending(conn: &mut Connection) -> Result<(), StorageError> {
    let tx = conn.transaction()?;
    let done: Option<i64> =
        tx.query_row("SELECT value FROM counters WHERE name = ?1", params![BACKFILLED], |r| r.get(0)).optional()?;
    if done.is_none() {
        let items: Vec<(String, usize, i64)> = tx
            .prepare(BACKFILL_SQL)?
            .query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as usize, r.get(2)?)))?
            .collect::<Result<_, _>>()?;
        for row in backfill(items, now_ms()) {
            let [v, c, s] = row.counts;
            tx.execute(
                "INSERT INTO trending (slug, votes, comments, solves, as_of) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (slug) DO UPDATE SET votes = trending.votes + excluded.votes,
                   comments = trending.comments + excluded.comments",
                params![row.slug, v, c, s, row.as_of],
            )?;
        }
        tx.execute("INSERT INTO counters (name, value) VALUES (?1, 1)", params![BACKFILLED])?;
    }
    Ok(tx.commit()?)
}

fn damaged_earlier() -> StorageError {
    StorageError::Corrupt(
        "a damaged page was found while the server ran; writes are refused until it is restored".into(),
    )
}

/// Applies a batch, counting its new comments against the daily cap when there is one.
fn apply_batch(
    tx: &Connection,
    user: &User,
    events: &[Event],
    comments_per_day: Option<u32>,
) -> Result<Vec<EventResult>, StorageError> {
    let now = now_ms();
    let mut cap = comments_per_day.map(|c| CommentCount::new(c, now));
    let mut results = Vec::with_capacity(events.len());
    let mut trending = TrendingDelta::default();
    for e in events {
        let r = apply_one(tx, user, e, now)?;
        trending.count(e, &r);
        if let Some(cap) = cap.as_mut().filter(|_| is_new_comment(e, &r)) {
            let counted = if cap.needs_count() {
                let since = cap.since();
                Some(tx.query_row(RECENT_COMMENTS_SQL, params![user.id, since], |r| Ok((r.get(0)?, r.get(1)?)))?)
            } else {
                None
            };
            cap.add(counted)?;
        }
        results.push(r);
    }
    add_to_trending(tx, trending, now)?;
    if events.iter().any(Event::is_activity) {
        tx.prepare_cached("DELETE FROM activity WHERE user_id = ?1 AND at < ?2")?
            .execute(params![user.id, now - ACTIVITY_KEEP_MS])?;
    }
    Ok(results)
}

/// Adds a batch's counts to the trending rows (decaying what they held to `now`).
fn add_to_trending(tx: &Connection, delta: TrendingDelta, now: i64) -> Result<(), StorageError> {
    for (slug, added) in delta.into_rows() {
        let stored = tx
            .prepare_cached("SELECT votes, comments, solves, as_of FROM trending WHERE slug = ?1")?
            .query_row(params![slug], |r| {
                Ok(TrendingRow { slug: slug.clone(), counts: [r.get(0)?, r.get(1)?, r.get(2)?], as_of: r.get(3)? })
            })
            .optional()?;
        let as_of = stored.as_ref().map_or(now, |s| s.as_of.max(now));
        let [v, c, s] = add_trending(stored.as_ref(), added, as_of);
        tx.prepare_cached(
            "INSERT INTO trending (slug, votes, comments, solves, as_of) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (slug) DO UPDATE SET votes = excluded.votes, comments = excluded.comments,
               solves = excluded.solves, as_of = excluded.as_of",
        )?
        .execute(params![slug, v, c, s, as_of])?;
    }
    Ok(())
}

const RECENT_COMMENTS_SQL: &str =
    "SELECT COUNT(*), MIN(received_at) FROM events WHERE user_id = ?1 AND kind = 'comment' AND received_at > ?2";

fn apply_one(tx: &Connection, user: &User, e: &Event, now: i64) -> Result<EventResult, StorageError> {
    let id = e.id.to_string();
    let inserted = tx
        .prepare_cached(
            "INSERT INTO events (id, user_id, kind, received_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (id) DO NOTHING",
        )?
        .execute(params![id, user.id, e.kind(), now])?;
    if inserted == 0 {
        let owner: i64 = tx.query_row("SELECT user_id FROM events WHERE id = ?1", params![id], |r| r.get(0))?;
        return Ok(if owner == user.id {
            with_status(e.id, EventStatus::Duplicate)
        } else {
            rejected(e.id, "id_conflict")
        });
    }
    match &e.action {
        Action::Vote { slug, vote } => {
            tx.prepare_cached(
                "INSERT INTO votes (user_id, slug, value, at, event_id) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (user_id, slug) DO UPDATE
                   SET value = excluded.value, at = excluded.at, event_id = excluded.event_id
                   WHERE (excluded.at, excluded.event_id) > (votes.at, votes.event_id)",
            )?
            .execute(params![user.id, slug, vote.as_i64(), e.at, id])?;
        }
        Action::Comment { slug, text, tag } => {
            let seq = next_seq(tx)?;
            tx.execute(
                "INSERT INTO comments (id, user_id, slug, text, tag, at, seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![id, user.id, slug, text.trim(), tag.map(Tag::as_str), e.at, seq],
            )?;
        }
        Action::Solve { .. } | Action::Review { .. } | Action::Milestone { .. } => {
            if let Some((kind, slug, title)) = activity_parts(&e.action) {
                tx.prepare_cached(
                    "INSERT INTO activity (event_id, user_id, kind, slug, title, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )?
                .execute(params![id, user.id, kind, slug, title, activity_at(e, now)])?;
            }
        }
        Action::DeleteComment { comment } => {
            let cid = comment.to_string();
            let found: Option<(i64, bool)> = tx
                .query_row("SELECT user_id, deleted FROM comments WHERE id = ?1", params![cid], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()?;
            match found {
                None => return Ok(rejected(e.id, "not_found")),
                Some((owner, _)) if owner != user.id => return Ok(rejected(e.id, "forbidden")),
                Some((_, true)) => {}
                Some((_, false)) => {
                    let seq = next_seq(tx)?;
                    tx.execute(
                        "UPDATE comments SET deleted = 1, text = '', seq = ?2 WHERE id = ?1",
                        params![cid, seq],
                    )?;
                }
            }
        }
    }
    Ok(with_status(e.id, EventStatus::Applied))
}

fn next_seq(tx: &Connection) -> rusqlite::Result<i64> {
    tx.query_row("UPDATE counters SET value = value + 1 WHERE name = 'comment_seq' RETURNING value", [], |r| r.get(0))
}

fn aggregate_row(r: &Row<'_>) -> rusqlite::Result<Aggregate> {
    let n = |i| r.get::<_, i64>(i).map(|v| v.max(0) as u64);
    Ok(Aggregate {
        slug: r.get(0)?,
        up: n(1)?,
        down: n(2)?,
        comments: n(3)?,
        tags: TagCounts { too_hard: n(4)?, good_intro: n(5)?, pattern_practice: n(6)? },
        my_vote: Vote::from_i64(r.get(7)?),
    })
}

fn comment_row(r: &Row<'_>) -> rusqlite::Result<Comment> {
    let id: String = r.get(0)?;
    Ok(Comment {
        id: Uuid::parse_str(&id)
            .map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e)))?,
        slug: r.get(1)?,
        author: r.get(2)?,
        text: r.get(3)?,
        tag: r.get::<_, Option<String>>(4)?.as_deref().and_then(Tag::parse),
        at: r.get(5)?,
        seq: r.get(6)?,
        deleted: r.get(7)?,
    })
}

const AGGREGATES_SQL: &str = "
    WITH v AS (SELECT slug, COUNT(*) FILTER (WHERE value = 1) AS up, COUNT(*) FILTER (WHERE value = -1) AS down
               FROM votes WHERE slug > ?2 GROUP BY slug),
         c AS (SELECT slug, COUNT(*) AS n,
                      COUNT(*) FILTER (WHERE tag = 'too_hard') AS th,
                      COUNT(*) FILTER (WHERE tag = 'good_intro') AS gi,
                      COUNT(*) FILTER (WHERE tag = 'pattern_practice') AS pp
               FROM comments WHERE deleted = 0 AND slug > ?2 GROUP BY slug),
         s AS (SELECT slug FROM v UNION SELECT slug FROM c)
    SELECT s.slug, COALESCE(v.up, 0), COALESCE(v.down, 0), COALESCE(c.n, 0), COALESCE(c.th, 0),
           COALESCE(c.gi, 0), COALESCE(c.pp, 0), COALESCE(m.value, 0)
    FROM s LEFT JOIN v ON v.slug = s.slug LEFT JOIN c ON c.slug = s.slug
           LEFT JOIN votes m ON m.slug = s.slug AND m.user_id = ?1
    ORDER BY s.slug LIMIT ?3";

const AGGREGATE_SQL: &str = "
    SELECT ?2,
           (SELECT COUNT(*) FROM votes WHERE slug = ?2 AND value = 1),
           (SELECT COUNT(*) FROM votes WHERE slug = ?2 AND value = -1),
           (SELECT COUNT(*) FROM comments WHERE slug = ?2 AND deleted = 0),
           (SELECT COUNT(*) FROM comments WHERE slug = ?2 AND deleted = 0 AND tag = 'too_hard'),
           (SELECT COUNT(*) FROM comments WHERE slug = ?2 AND deleted = 0 AND tag = 'good_intro'),
           (SELECT COUNT(*) FROM comments WHERE slug = ?2 AND deleted = 0 AND tag = 'pattern_practice'),
           COALESCE((SELECT value FROM votes WHERE slug = ?2 AND user_id = ?1), 0)";

const COMMENTS_SQL: &str = "
    SELECT c.id, c.slug, u.name, c.text, c.tag, c.at, c.seq, c.deleted
    FROM comments c JOIN users u ON u.id = c.user_id
    WHERE c.seq > ?1 AND (?3 IS NULL OR c.slug = ?3) ORDER BY c.seq LIMIT ?2";

impl Storage for SqliteStorage {
    fn backend(&self) -> &'static str {
        "sqlite"
    }

    async fn health(&self) -> Result<(), StorageError> {
        if self.inner.damaged.load(Ordering::Relaxed) {
            return Err(damaged_earlier());
        }
        self.inner.disk_full.check()?;
        let path = self.inner.path.clone();
        let result = tokio::task::spawn_blocking(move || check_tables(&path))
            .await
            .map_err(|e| StorageError::Db(format!("a database task failed: {e}")))?;
        self.note(result)
    }

    async fn register(&self, name: String, token_hash: [u8; 32]) -> Result<User, StorageError> {
        self.write(move |c| {
            let r = c.execute(
                "INSERT INTO users (name, name_key, token_hash, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![name, name_key(&name), token_hash.as_slice(), now_ms()],
            );
            match r {
                Ok(_) => Ok(User { id: c.last_insert_rowid(), name }),
                Err(rusqlite::Error::SqliteFailure(f, _)) if f.code == ErrorCode::ConstraintViolation => {
                    Err(StorageError::NameTaken(name))
                }
                Err(e) => Err(e.into()),
            }
        })
        .await
    }

    async fn user_by_token(&self, token_hash: [u8; 32]) -> Result<Option<User>, StorageError> {
        self.read(move |c| {
            Ok(c.query_row("SELECT id, name FROM users WHERE token_hash = ?1", params![token_hash.as_slice()], |r| {
                Ok(User { id: r.get(0)?, name: r.get(1)? })
            })
            .optional()?)
        })
        .await
    }

    async fn revoke(&self, token_hash: [u8; 32]) -> Result<bool, StorageError> {
        self.write(move |c| {
            let n = c.execute(
                "UPDATE users SET token_hash = ?2 WHERE token_hash = ?1",
                params![token_hash.as_slice(), revoked_hash(&token_hash)],
            )?;
            Ok(n > 0)
        })
        .await
    }

    async fn apply(
        &self,
        user: User,
        events: Vec<Event>,
        comments_per_day: Option<u32>,
    ) -> Result<Vec<EventResult>, StorageError> {
        // All or nothing: the job runs in its own savepoint of the group's transaction.
        self.write(move |c| apply_batch(c, &user, &events, comments_per_day)).await
    }

    async fn aggregates(&self, user_id: i64, after: String, limit: usize) -> Result<Vec<Aggregate>, StorageError> {
        self.read(move |c| {
            let mut stmt = c.prepare_cached(AGGREGATES_SQL)?;
            let rows = stmt.query_map(params![user_id, after, limit as i64], aggregate_row)?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
        .await
    }

    async fn aggregate(&self, user_id: i64, slug: String) -> Result<Aggregate, StorageError> {
        self.read(move |c| Ok(c.prepare_cached(AGGREGATE_SQL)?.query_row(params![user_id, slug], aggregate_row)?)).await
    }

    async fn comments(&self, slug: Option<String>, since: i64, limit: usize) -> Result<Vec<Comment>, StorageError> {
        self.read(move |c| {
            let mut stmt = c.prepare_cached(COMMENTS_SQL)?;
            let rows = stmt.query_map(params![since, limit as i64, slug], comment_row)?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
        .await
    }
    async fn create_group(&self, user: User, name: String, now: i64) -> Result<GroupInfo, StorageError> {
        self.write(move |c| {
            check_room_for(c, user.id)?;
            c.execute(
                "INSERT INTO groups (name, owner_id, created_at) VALUES (?1, ?2, ?3)",
                params![name.trim(), user.id, now],
            )?;
            let id = c.last_insert_rowid();
            c.execute(
                "INSERT INTO members (group_id, user_id, joined_at) VALUES (?1, ?2, ?3)",
                params![id, user.id, now],
            )?;
            Ok(GroupInfo { id, name: name.trim().to_string(), members: 1, owner: true })
        })
        .await
    }

    async fn create_invite(
        &self,
        user_id: i64,
        group: i64,
        code_hash: [u8; 32],
        now: i64,
        expires_at: i64,
    ) -> Result<(), StorageError> {
        self.write(move |c| {
            member_of(c, user_id, group)?;
            c.execute("DELETE FROM invites WHERE group_id = ?1 AND expires_at <= ?2", params![group, now])?;
            let live: i64 =
                c.query_row("SELECT COUNT(*) FROM invites WHERE group_id = ?1", params![group], |r| r.get(0))?;
            if live >= MAX_LIVE_INVITES {
                return Err(limit(format!(
                    "this group has {live} unused invites, the most it may; use them or wait until they expire"
                )));
            }
            c.execute(
                "INSERT INTO invites (code_hash, group_id, expires_at) VALUES (?1, ?2, ?3)",
                params![code_hash.as_slice(), group, expires_at],
            )?;
            Ok(())
        })
        .await
    }

    async fn join_group(&self, user_id: i64, code_hash: [u8; 32], now: i64) -> Result<GroupInfo, StorageError> {
        self.write(move |c| {
            let group: Option<i64> = c
                .query_row(
                    "SELECT group_id FROM invites WHERE code_hash = ?1 AND expires_at > ?2",
                    params![code_hash.as_slice(), now],
                    |r| r.get(0),
                )
                .optional()?;
            let group = group.ok_or(StorageError::InviteInvalid)?;
            if member_of(c, user_id, group).is_err() {
                check_room_for(c, user_id)?;
                let n: i64 =
                    c.query_row("SELECT COUNT(*) FROM members WHERE group_id = ?1", params![group], |r| r.get(0))?;
                if n >= MAX_MEMBERS {
                    return Err(limit(format!("this group has {n} members, the most a group may have")));
                }
                c.execute("DELETE FROM invites WHERE code_hash = ?1", params![code_hash.as_slice()])?;
                c.execute(
                    "INSERT INTO members (group_id, user_id, joined_at) VALUES (?1, ?2, ?3)",
                    params![group, user_id, now],
                )?;
            }
            my_group(c, user_id, group)
        })
        .await
    }

    async fn leave_group(&self, user_id: i64, group: i64) -> Result<(), StorageError> {
        self.write(move |c| {
            member_of(c, user_id, group)?;
            c.execute("DELETE FROM members WHERE group_id = ?1 AND user_id = ?2", params![group, user_id])?;
            let next: Option<i64> = c
                .query_row(
                    "SELECT user_id FROM members WHERE group_id = ?1 ORDER BY joined_at, user_id LIMIT 1",
                    params![group],
                    |r| r.get(0),
                )
                .optional()?;
            match next {
                None => c.execute("DELETE FROM groups WHERE id = ?1", params![group])?,
                Some(heir) => c.execute(
                    "UPDATE groups SET owner_id = ?2 WHERE id = ?1 AND owner_id = ?3",
                    params![group, heir, user_id],
                )?,
            };
            Ok(())
        })
        .await
    }

    async fn remove_group(&self, user_id: i64, group: i64) -> Result<(), StorageError> {
        self.write(move |c| {
            if !my_group(c, user_id, group)?.owner {
                return Err(StorageError::NotOwner);
            }
            c.execute("DELETE FROM groups WHERE id = ?1", params![group])?;
            Ok(())
        })
        .await
    }

    async fn groups(&self, user_id: i64) -> Result<Vec<GroupInfo>, StorageError> {
        self.read(move |c| {
            let mut stmt = c.prepare_cached(&MY_GROUPS_SQL.replace('$', "?"))?;
            let rows = stmt.query_map(params![user_id], group_row)?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
        .await
    }

    async fn group_view(&self, user_id: i64, group: i64, now: i64) -> Result<GroupView, StorageError> {
        self.read(move |c| {
            let info = my_group(c, user_id, group)?;
            let q = |sql: &str| sql.replace('$', "?");
            let members = c
                .prepare_cached(&q(GROUP_MEMBERS_SQL))?
                .query_map(params![group], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<Result<_, _>>()?;
            let week = c
                .prepare_cached(&q(GROUP_WEEK_SQL))?
                .query_map(params![group, now - WEEK_MS], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<Result<_, _>>()?;
            let days = c
                .prepare_cached(&q(GROUP_DAYS_SQL))?
                .query_map(params![group, now - STREAK_WINDOW_MS], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?;
            let recent = c
                .prepare_cached(&q(GROUP_RECENT_SQL))?
                .query_map(params![group, now - RECENT_ACTIVITY_MS, RECENT_ACTIVITY], |r| {
                    Ok(ActivityItem {
                        member: r.get(0)?,
                        kind: r.get(1)?,
                        slug: r.get(2)?,
                        title: r.get(3)?,
                        at: r.get(4)?,
                    })
                })?
                .collect::<Result<_, _>>()?;
            Ok(group_view_from(GroupRows { info, members, week, days, recent }, now))
        })
        .await
    }

    async fn trending(&self) -> Result<Vec<TrendingRow>, StorageError> {
        self.read(|c| {
            let mut stmt = c.prepare_cached("SELECT slug, votes, comments, solves, as_of FROM trending")?;
            let rows = stmt.query_map([], |r| {
                Ok(TrendingRow { slug: r.get(0)?, counts: [r.get(1)?, r.get(2)?, r.get(3)?], as_of: r.get(4)? })
            })?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
        .await
    }

    async fn forget_activity(&self, user_id: i64) -> Result<u64, StorageError> {
        self.write(move |c| Ok(c.execute("DELETE FROM activity WHERE user_id = ?1", params![user_id])? as u64)).await
    }
}

fn group_row(r: &Row<'_>) -> rusqlite::Result<GroupInfo> {
    Ok(GroupInfo { id: r.get(0)?, name: r.get(1)?, owner: r.get(2)?, members: r.get::<_, i64>(3)?.max(0) as u64 })
}

/// `NoGroup` unless `user_id` is a member of `group`.
fn member_of(c: &Connection, user_id: i64, group: i64) -> Result<(), StorageError> {
    let found: Option<i64> = c
        .query_row("SELECT 1 FROM members WHERE group_id = ?1 AND user_id = ?2", params![group, user_id], |r| r.get(0))
        .optional()?;
    found.map(drop).ok_or(StorageError::NoGroup(group))
}

/// One of `user_id`'s groups, as the group list shows it.
fn my_group(c: &Connection, user_id: i64, group: i64) -> Result<GroupInfo, StorageError> {
    member_of(c, user_id, group)?;
    Ok(c.query_row(
        "SELECT g.id, g.name, g.owner_id = ?1, (SELECT COUNT(*) FROM members x WHERE x.group_id = g.id)
         FROM groups g WHERE g.id = ?2",
        params![user_id, group],
        group_row,
    )?)
}

/// `Limit` when `user_id` is in as many groups as one may be.
fn check_room_for(c: &Connection, user_id: i64) -> Result<(), StorageError> {
    let n: i64 = c.query_row("SELECT COUNT(*) FROM members WHERE user_id = ?1", params![user_id], |r| r.get(0))?;
    if n >= MAX_GROUPS_PER_USER {
        return Err(limit(format!("you are in {n} groups, the most one may be in; leave one first")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations().validate().unwrap();
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn names_that_differ_only_in_case_from_before_the_migration_keep_their_accounts() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        let mut conn = Connection::open(&path).unwrap();
        migrations().to_version(&mut conn, 1).unwrap();
        for (name, hash) in [("Alice", 1u8), ("alice", 2), ("bob", 3)] {
            conn.execute(
                "INSERT INTO users (name, token_hash, created_at) VALUES (?1, ?2, 0)",
                params![name, [hash; 32].as_slice()],
            )
            .unwrap();
        }
        drop(conn);
        let storage = SqliteStorage::open(&path).unwrap();
        for (name, hash) in [("Alice", 1u8), ("alice", 2)] {
            assert_eq!(storage.user_by_token([hash; 32]).await.unwrap().map(|u| u.name), Some(name.to_string()));
        }
        for taken in ["ALICE", "Bob"] {
            assert!(matches!(storage.register(taken.into(), [9; 32]).await, Err(StorageError::NameTaken(_))));
        }
        assert!(storage.register("carol".into(), [9; 32]).await.is_ok());
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_failing_write_in_a_group_fails_alone() {
        let dir = tempfile::tempdir().unwrap();
        let storage = SqliteStorage::open(&dir.path().join("s.db")).unwrap();
        let tasks: Vec<_> = (0..40)
            .map(|i| {
                let s = storage.clone();
                tokio::spawn(async move { s.register(format!("user{}", i % 20), [i as u8; 32]).await })
            })
            .collect();
        let mut ok = 0;
        for t in tasks {
            match t.await.unwrap() {
                Ok(_) => ok += 1,
                Err(StorageError::NameTaken(_)) => {}
                Err(e) => panic!("{e}"),
            }
        }
        assert_eq!(ok, 20);
        let users: i64 =
            storage.read(|c| Ok(c.query_row("SELECT COUNT(*) FROM users", [], |r| r.get(0))?)).await.unwrap();
        assert_eq!(users, 20);
    }
}
