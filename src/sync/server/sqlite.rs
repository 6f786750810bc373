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

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex};

use rusqlite::{params, Connection, ErrorCode, OptionalExtension, Row};
use rusqlite_migration::{Migrations, M};
use tokio::sync::oneshot;
use uuid::Uuid;

use super::storage::{now_ms, rejected, with_status, Storage, StorageError, User};
use crate::sync::wire::{Action, Aggregate, Comment, Event, EventResult, EventStatus, Tag, TagCounts, Vote};

const READERS: usize = 4;
/// Most requests committed together.
const MAX_GROUP: usize = 256;

fn migrations() -> Migrations<'static> {
    Migrations::new(vec![M::up(include_str!("migrations/sqlite/0001_init.sql"))])
}

#[derive(Clone)]
pub struct SqliteStorage {
    inner: Arc<Inner>,
}

struct Inner {
    writes: mpsc::Sender<Box<dyn WriteJob>>,
    readers: Vec<Mutex<Connection>>,
    next_reader: AtomicUsize,
}

/// One request's writes, run by the writer thread inside a savepoint.
trait WriteJob: Send {
    /// Runs the writes; `false` when they failed (the savepoint is then rolled back).
    fn run(&mut self, conn: &Connection) -> bool;
    /// Answers the request once the group's transaction ended: `Some(error)` when it did not commit.
    fn finish(self: Box<Self>, commit_error: Option<String>);
}

struct Job<T, F> {
    work: Option<F>,
    result: Option<Result<T, StorageError>>,
    reply: oneshot::Sender<Result<T, StorageError>>,
}

impl<T: Send, F: FnOnce(&Connection) -> Result<T, StorageError> + Send> WriteJob for Job<T, F> {
    fn run(&mut self, conn: &Connection) -> bool {
        let result = match self.work.take() {
            Some(work) => work(conn),
            None => Err(StorageError::Db("a write ran twice".into())),
        };
        let ok = result.is_ok();
        self.result = Some(result);
        ok
    }

    fn finish(self: Box<Self>, commit_error: Option<String>) {
        let result = match (commit_error, self.result) {
            (Some(e), _) => Err(StorageError::Db(e)),
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
        let error = commit_group(&mut conn, &mut group).err().map(|e| e.to_string());
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

fn commit_group(conn: &mut Connection, group: &mut [Box<dyn WriteJob>]) -> rusqlite::Result<()> {
    let mut tx = conn.transaction()?;
    for job in group.iter_mut() {
        let mut savepoint = tx.savepoint()?;
        if !job.run(&savepoint) {
            savepoint.rollback()?;
        }
        savepoint.commit()?; // releases the savepoint (after a rollback, with nothing in it)
    }
    tx.commit()
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
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| err(e.to_string()))?;
        }
        let mut writer = open_conn(path).map_err(|e| err(e.to_string()))?;
        migrations().to_latest(&mut writer).map_err(|e| err(e.to_string()))?;
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
        let inner = Inner { writes, readers, next_reader: AtomicUsize::new(0) };
        Ok(SqliteStorage { inner: Arc::new(inner) })
    }

    /// Runs `f` on the writer thread, in the next group; answers once that group is committed.
    async fn write<T, F>(&self, f: F) -> Result<T, StorageError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, StorageError> + Send + 'static,
    {
        let (reply, answer) = oneshot::channel();
        let job: Box<dyn WriteJob> = Box::new(Job { work: Some(f), result: None, reply });
        let sent = self.inner.writes.send(job);
        sent.map_err(|_| StorageError::Db("the database writer has stopped".into()))?;
        answer.await.map_err(|_| StorageError::Db("the database writer has stopped".into()))?
    }

    /// Runs `f` on one of the reader connections, on the blocking pool.
    async fn read<T, F>(&self, f: F) -> Result<T, StorageError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, StorageError> + Send + 'static,
    {
        let inner = self.inner.clone();
        tokio::task::spawn_blocking(move || {
            let i = inner.next_reader.fetch_add(1, Ordering::Relaxed) % inner.readers.len();
            let conn = inner.readers[i].lock().unwrap_or_else(|p| p.into_inner());
            f(&conn)
        })
        .await
        .map_err(|e| StorageError::Db(format!("a database task failed: {e}")))?
    }

    /// Where a database for `home` goes by default.
    pub fn default_path(home_db_file: &Path) -> PathBuf {
        home_db_file.with_file_name("community-server.db")
    }
}

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

    async fn ping(&self) -> Result<(), StorageError> {
        self.read(|c| Ok(c.query_row("SELECT 1", [], |r| r.get::<_, i64>(0)).map(|_| ())?)).await
    }

    async fn register(&self, name: String, token_hash: [u8; 32]) -> Result<User, StorageError> {
        self.write(move |c| {
            let r = c.execute(
                "INSERT INTO users (name, token_hash, created_at) VALUES (?1, ?2, ?3)",
                params![name, token_hash.as_slice(), now_ms()],
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

    async fn apply(&self, user: User, events: Vec<Event>) -> Result<Vec<EventResult>, StorageError> {
        // All or nothing: the job runs in its own savepoint of the group's transaction.
        self.write(move |c| {
            let now = now_ms();
            events.iter().map(|e| apply_one(c, &user, e, now)).collect::<Result<Vec<_>, _>>()
        })
        .await
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations().validate().unwrap();
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
