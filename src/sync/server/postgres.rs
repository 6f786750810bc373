//! The PostgreSQL backend, for communities that outgrow one machine: a connection pool (deadpool) over
//! tokio-postgres, prepared statements cached per connection, the same rules as the SQLite backend (see
//! [`super::storage`]). Writes go through one writer task with group commit ([`super::pg_write`]);
//! reads use the pool directly. Migrations are numbered files applied once each under an advisory lock, so several
//! servers may start against one database; a database migrated further by a newer Codify is refused.
//! `/health` (and start) run one real query that reads every table, and `/health` says `disk full` after a
//! write failed for lack of space, until one succeeds. Connections are unencrypted
//! (`NoTls`): run the database on the same host or a private network.

use std::str::FromStr;

use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod, Runtime};
use tokio::sync::{mpsc, oneshot};
use tokio_postgres::error::SqlState;
use tokio_postgres::{NoTls, Row};
use uuid::Uuid;

use super::pg_write::WriteJob;
use super::storage::{name_key, now_ms, revoked_hash, too_new, DiskFullMemory, Storage, StorageError, User};
use crate::sync::wire::{Aggregate, Comment, Event, EventResult, Tag, TagCounts, Vote};

/// Numbered migrations, append-only.
const MIGRATIONS: &[&str] =
    &[include_str!("migrations/postgres/0001_init.sql"), include_str!("migrations/postgres/0002_hardening.sql")];
/// Advisory lock key that serialises migrations between servers.
const MIGRATION_LOCK: i64 = 0x00c0_d1f7;
const POOL_SIZE: usize = 16;

#[derive(Clone)]
pub struct PgStorage {
    pool: Pool,
    writes: mpsc::UnboundedSender<WriteJob>,
    /// The last write failed for lack of space.
    disk_full: std::sync::Arc<DiskFullMemory>,
}

fn open_err(url: &str, message: impl std::fmt::Display) -> StorageError {
    let target = super::storage::DbTarget::Postgres(url.to_string()).describe();
    StorageError::Open { target, message: message.to_string() }
}

impl PgStorage {
    /// Connects to `url` (`postgres://user:password@host:port/db`, libpq key=value options allowed) and
    /// brings the schema up to date.
    pub async fn connect(url: &str) -> Result<PgStorage, StorageError> {
        let config = tokio_postgres::Config::from_str(url).map_err(|e| open_err(url, e))?;
        let manager = Manager::from_config(config, NoTls, ManagerConfig { recycling_method: RecyclingMethod::Fast });
        let timeout = Some(std::time::Duration::from_secs(10));
        let pool = Pool::builder(manager)
            .max_size(POOL_SIZE)
            .runtime(Runtime::Tokio1)
            .wait_timeout(timeout)
            .create_timeout(timeout)
            .build()
            .map_err(|e| open_err(url, e))?;
        migrate(&pool).await.map_err(|e| open_err(url, e))?;
        check_tables(&pool).await.map_err(|e| open_err(url, e))?;
        let writes = super::pg_write::start(pool.clone());
        Ok(PgStorage { pool, writes, disk_full: Default::default() })
    }

    async fn client(&self) -> Result<deadpool_postgres::Object, StorageError> {
        connection(&self.pool).await
    }
}

/// A pooled connection; failing to get one means the database does not answer.
pub(crate) async fn connection(pool: &Pool) -> Result<deadpool_postgres::Object, StorageError> {
    pool.get().await.map_err(|e| StorageError::Unavailable(format!("no database connection: {e}")))
}

/// One query that reads a row of every table.
const HEALTH_SQL: &str = "
    SELECT (SELECT 1 FROM users LIMIT 1), (SELECT 1 FROM events LIMIT 1), (SELECT 1 FROM votes LIMIT 1),
           (SELECT 1 FROM comments LIMIT 1), (SELECT value FROM counters WHERE name = 'comment_seq')";

async fn check_tables(pool: &Pool) -> Result<(), StorageError> {
    let client = connection(pool).await?;
    let stmt = client.prepare_cached(HEALTH_SQL).await?;
    client.query_one(&stmt, &[]).await?;
    Ok(())
}

async fn migrate(pool: &Pool) -> Result<(), StorageError> {
    let mut client = connection(pool).await?;
    {
        let tx = client.transaction().await?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK]).await?;
        tx.batch_execute(
            "CREATE TABLE IF NOT EXISTS codify_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)",
        )
        .await?;
        let done: i32 =
            tx.query_one("SELECT COALESCE(MAX(version), 0) FROM codify_migrations", &[]).await?.try_get(0)?;
        if done as usize > MIGRATIONS.len() {
            return Err(StorageError::TooNew(too_new(done.into(), MIGRATIONS.len())));
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(done.max(0) as usize) {
            tx.batch_execute(sql).await?;
            let version = i as i32 + 1;
            tx.execute("INSERT INTO codify_migrations (version, applied_at) VALUES ($1, $2)", &[&version, &now_ms()])
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

fn aggregate_row(r: &Row) -> Result<Aggregate, tokio_postgres::Error> {
    let n = |i| r.try_get::<_, i64>(i).map(|v| v.max(0) as u64);
    Ok(Aggregate {
        slug: r.try_get(0)?,
        up: n(1)?,
        down: n(2)?,
        comments: n(3)?,
        tags: TagCounts { too_hard: n(4)?, good_intro: n(5)?, pattern_practice: n(6)? },
        my_vote: Vote::from_i64(r.try_get::<_, i16>(7)?.into()),
    })
}

fn comment_row(r: &Row) -> Result<Comment, tokio_postgres::Error> {
    Ok(Comment {
        id: r.try_get::<_, Uuid>(0)?,
        slug: r.try_get(1)?,
        author: r.try_get(2)?,
        text: r.try_get(3)?,
        tag: r.try_get::<_, Option<&str>>(4)?.and_then(Tag::parse),
        at: r.try_get(5)?,
        seq: r.try_get(6)?,
        deleted: r.try_get(7)?,
    })
}

const AGGREGATES_SQL: &str = "
    WITH v AS (SELECT slug, COUNT(*) FILTER (WHERE value = 1) AS up, COUNT(*) FILTER (WHERE value = -1) AS down
               FROM votes WHERE slug > $2 GROUP BY slug),
         c AS (SELECT slug, COUNT(*) AS n,
                      COUNT(*) FILTER (WHERE tag = 'too_hard') AS th,
                      COUNT(*) FILTER (WHERE tag = 'good_intro') AS gi,
                      COUNT(*) FILTER (WHERE tag = 'pattern_practice') AS pp
               FROM comments WHERE NOT deleted AND slug > $2 GROUP BY slug),
         s AS (SELECT slug FROM v UNION SELECT slug FROM c)
    SELECT s.slug, COALESCE(v.up, 0), COALESCE(v.down, 0), COALESCE(c.n, 0), COALESCE(c.th, 0),
           COALESCE(c.gi, 0), COALESCE(c.pp, 0), COALESCE(m.value, 0::smallint)
    FROM s LEFT JOIN v ON v.slug = s.slug LEFT JOIN c ON c.slug = s.slug
           LEFT JOIN votes m ON m.slug = s.slug AND m.user_id = $1
    ORDER BY s.slug LIMIT $3";

const AGGREGATE_SQL: &str = "
    SELECT $2::text,
           (SELECT COUNT(*) FROM votes WHERE slug = $2 AND value = 1),
           (SELECT COUNT(*) FROM votes WHERE slug = $2 AND value = -1),
           (SELECT COUNT(*) FROM comments WHERE slug = $2 AND NOT deleted),
           (SELECT COUNT(*) FROM comments WHERE slug = $2 AND NOT deleted AND tag = 'too_hard'),
           (SELECT COUNT(*) FROM comments WHERE slug = $2 AND NOT deleted AND tag = 'good_intro'),
           (SELECT COUNT(*) FROM comments WHERE slug = $2 AND NOT deleted AND tag = 'pattern_practice'),
           COALESCE((SELECT value FROM votes WHERE slug = $2 AND user_id = $1), 0::smallint)";

const COMMENTS_SQL: &str = "
    SELECT c.id, c.slug, u.name, c.text, c.tag, c.at, c.seq, c.deleted
    FROM comments c JOIN users u ON u.id = c.user_id
    WHERE c.seq > $1 AND ($3::text IS NULL OR c.slug = $3) ORDER BY c.seq LIMIT $2";

impl Storage for PgStorage {
    fn backend(&self) -> &'static str {
        "postgres"
    }

    async fn health(&self) -> Result<(), StorageError> {
        self.disk_full.check()?;
        check_tables(&self.pool).await
    }

    async fn register(&self, name: String, token_hash: [u8; 32]) -> Result<User, StorageError> {
        let client = self.client().await?;
        let r = client
            .query_one(
                "INSERT INTO users (name, name_key, token_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
                &[&name, &name_key(&name), &token_hash.as_slice(), &now_ms()],
            )
            .await;
        let r = match r {
            Ok(row) => Ok(User { id: row.try_get(0)?, name }),
            Err(e) if e.code() == Some(&SqlState::UNIQUE_VIOLATION) => Err(StorageError::NameTaken(name)),
            Err(e) => Err(e.into()),
        };
        self.disk_full.after(r)
    }

    async fn user_by_token(&self, token_hash: [u8; 32]) -> Result<Option<User>, StorageError> {
        let client = self.client().await?;
        let stmt = client.prepare_cached("SELECT id, name FROM users WHERE token_hash = $1").await?;
        let row = client.query_opt(&stmt, &[&token_hash.as_slice()]).await?;
        match row {
            Some(r) => Ok(Some(User { id: r.try_get(0)?, name: r.try_get(1)? })),
            None => Ok(None),
        }
    }

    async fn revoke(&self, token_hash: [u8; 32]) -> Result<bool, StorageError> {
        let client = self.client().await?;
        let n = client
            .execute(
                "UPDATE users SET token_hash = $2 WHERE token_hash = $1",
                &[&token_hash.as_slice(), &revoked_hash(&token_hash)],
            )
            .await?;
        Ok(n > 0)
    }

    async fn apply(
        &self,
        user: User,
        events: Vec<Event>,
        comments_per_day: Option<u32>,
    ) -> Result<Vec<EventResult>, StorageError> {
        let (reply, answer) = oneshot::channel();
        let stopped = || StorageError::Db("the database writer has stopped".into());
        self.writes.send(WriteJob { user, events, comments_per_day, reply }).map_err(|_| stopped())?;
        self.disk_full.after(answer.await.map_err(|_| stopped())?)
    }

    async fn aggregates(&self, user_id: i64, after: String, limit: usize) -> Result<Vec<Aggregate>, StorageError> {
        let client = self.client().await?;
        let stmt = client.prepare_cached(AGGREGATES_SQL).await?;
        let rows = client.query(&stmt, &[&user_id, &after, &(limit as i64)]).await?;
        Ok(rows.iter().map(aggregate_row).collect::<Result<_, _>>()?)
    }

    async fn aggregate(&self, user_id: i64, slug: String) -> Result<Aggregate, StorageError> {
        let client = self.client().await?;
        let stmt = client.prepare_cached(AGGREGATE_SQL).await?;
        Ok(aggregate_row(&client.query_one(&stmt, &[&user_id, &slug]).await?)?)
    }

    async fn comments(&self, slug: Option<String>, since: i64, limit: usize) -> Result<Vec<Comment>, StorageError> {
        let client = self.client().await?;
        let stmt = client.prepare_cached(COMMENTS_SQL).await?;
        let rows = client.query(&stmt, &[&since, &(limit as i64), &slug]).await?;
        Ok(rows.iter().map(comment_row).collect::<Result<_, _>>()?)
    }
}
