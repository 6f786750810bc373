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
use super::storage::{
    backfill, group_view_from, limit, name_key, now_ms, revoked_hash, too_new, DiskFullMemory, GroupRows, Storage,
    StorageError, TrendingRow, User, BACKFILLED, BACKFILL_SQL, GROUP_DAYS_SQL, GROUP_MEMBERS_SQL, GROUP_RECENT_SQL,
    GROUP_WEEK_SQL, MAX_GROUPS_PER_USER, MAX_LIVE_INVITES, MAX_MEMBERS, MY_GROUPS_SQL, RECENT_ACTIVITY,
    RECENT_ACTIVITY_MS, STREAK_WINDOW_MS, WEEK_MS,
};
use crate::sync::wire::{
    ActivityItem, Aggregate, Comment, Event, EventResult, GroupInfo, GroupView, Tag, TagCounts, Vote,
};

/// Numbered migrations, append-only.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/postgres/0001_init.sql"),
    include_str!("migrations/postgres/0002_hardening.sql"),
    include_str!("migrations/postgres/0003_groups.sql"),
];
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
        backfill_trending(&pool).await.map_err(|e| open_err(url, format!("cannot fill trending: {e}")))?;
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
           (SELECT 1 FROM comments LIMIT 1), (SELECT value FROM counters WHERE name = 'comment_seq'),
           (SELECT 1 FROM groups LIMIT 1), (SELECT 1 FROM members LIMIT 1), (SELECT 1 FROM invites LIMIT 1),
           (SELECT 1 FROM activity LIMIT 1), (SELECT 1 FROM trending LIMIT 1)";

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

/// Once per database, under the migration lock (several servers may start together): trending counts for
/// the votes and comments stored before trending existed.
async fn backfill_trending(pool: &Pool) -> Result<(), StorageError> {
    let mut client = connection(pool).await?;
    let tx = client.transaction().await?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK]).await?;
    if tx.query_opt("SELECT 1 FROM counters WHERE name = $1", &[&BACKFILLED]).await?.is_none() {
        let rows = tx.query(BACKFILL_SQL, &[]).await?;
        let items = rows
            .iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get::<_, i32>(1)? as usize, r.try_get(2)?)))
            .collect::<Result<Vec<(String, usize, i64)>, tokio_postgres::Error>>()?;
        for row in backfill(items, now_ms()) {
            let [v, c, s] = row.counts;
            tx.execute(
                "INSERT INTO trending AS t (slug, votes, comments, solves, as_of) VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (slug) DO UPDATE SET votes = t.votes + EXCLUDED.votes,
                   comments = t.comments + EXCLUDED.comments",
                &[&row.slug, &v, &c, &s, &row.as_of],
            )
            .await?;
        }
        tx.execute("INSERT INTO counters (name, value) VALUES ($1, 1)", &[&BACKFILLED]).await?;
    }
    tx.commit().await?;
    Ok(())
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
    async fn create_group(&self, user: User, name: String, now: i64) -> Result<GroupInfo, StorageError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        lock_user(&tx, user.id).await?;
        check_room_for(&tx, user.id).await?;
        let name = name.trim().to_string();
        let id: i64 = tx
            .query_one(
                "INSERT INTO groups (name, owner_id, created_at) VALUES ($1, $2, $3) RETURNING id",
                &[&name, &user.id, &now],
            )
            .await?
            .try_get(0)?;
        tx.execute("INSERT INTO members (group_id, user_id, joined_at) VALUES ($1, $2, $3)", &[&id, &user.id, &now])
            .await?;
        tx.commit().await?;
        Ok(GroupInfo { id, name, members: 1, owner: true })
    }

    async fn create_invite(
        &self,
        user_id: i64,
        group: i64,
        code_hash: [u8; 32],
        now: i64,
        expires_at: i64,
    ) -> Result<(), StorageError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        lock_group(&tx, group).await?;
        member_of(&tx, user_id, group).await?;
        tx.execute("DELETE FROM invites WHERE group_id = $1 AND expires_at <= $2", &[&group, &now]).await?;
        let live: i64 =
            tx.query_one("SELECT COUNT(*) FROM invites WHERE group_id = $1", &[&group]).await?.try_get(0)?;
        if live >= MAX_LIVE_INVITES {
            return Err(limit(format!(
                "this group has {live} unused invites, the most it may; use them or wait until they expire"
            )));
        }
        tx.execute(
            "INSERT INTO invites (code_hash, group_id, expires_at) VALUES ($1, $2, $3)",
            &[&code_hash.as_slice(), &group, &expires_at],
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn join_group(&self, user_id: i64, code_hash: [u8; 32], now: i64) -> Result<GroupInfo, StorageError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        lock_user(&tx, user_id).await?;
        let row = tx
            .query_opt(
                "SELECT group_id FROM invites WHERE code_hash = $1 AND expires_at > $2 FOR UPDATE",
                &[&code_hash.as_slice(), &now],
            )
            .await?;
        let group: i64 = row.ok_or(StorageError::InviteInvalid)?.try_get(0)?;
        lock_group(&tx, group).await?;
        if member_of(&tx, user_id, group).await.is_err() {
            check_room_for(&tx, user_id).await?;
            let n: i64 =
                tx.query_one("SELECT COUNT(*) FROM members WHERE group_id = $1", &[&group]).await?.try_get(0)?;
            if n >= MAX_MEMBERS {
                return Err(limit(format!("this group has {n} members, the most a group may have")));
            }
            tx.execute("DELETE FROM invites WHERE code_hash = $1", &[&code_hash.as_slice()]).await?;
            tx.execute(
                "INSERT INTO members (group_id, user_id, joined_at) VALUES ($1, $2, $3)",
                &[&group, &user_id, &now],
            )
            .await?;
        }
        let info = my_group(&tx, user_id, group).await?;
        tx.commit().await?;
        Ok(info)
    }

    async fn leave_group(&self, user_id: i64, group: i64) -> Result<(), StorageError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        lock_group(&tx, group).await?;
        member_of(&tx, user_id, group).await?;
        tx.execute("DELETE FROM members WHERE group_id = $1 AND user_id = $2", &[&group, &user_id]).await?;
        let next = tx
            .query_opt("SELECT user_id FROM members WHERE group_id = $1 ORDER BY joined_at, user_id LIMIT 1", &[&group])
            .await?;
        match next {
            None => tx.execute("DELETE FROM groups WHERE id = $1", &[&group]).await?,
            Some(row) => {
                let heir: i64 = row.try_get(0)?;
                tx.execute(
                    "UPDATE groups SET owner_id = $2 WHERE id = $1 AND owner_id = $3",
                    &[&group, &heir, &user_id],
                )
                .await?
            }
        };
        tx.commit().await?;
        Ok(())
    }

    async fn remove_group(&self, user_id: i64, group: i64) -> Result<(), StorageError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        lock_group(&tx, group).await?;
        if !my_group(&tx, user_id, group).await?.owner {
            return Err(StorageError::NotOwner);
        }
        tx.execute("DELETE FROM groups WHERE id = $1", &[&group]).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn groups(&self, user_id: i64) -> Result<Vec<GroupInfo>, StorageError> {
        let client = self.client().await?;
        let stmt = client.prepare_cached(MY_GROUPS_SQL).await?;
        let rows = client.query(&stmt, &[&user_id]).await?;
        Ok(rows.iter().map(group_row).collect::<Result<_, _>>()?)
    }

    async fn group_view(&self, user_id: i64, group: i64, now: i64) -> Result<GroupView, StorageError> {
        let mut client = self.client().await?;
        // One snapshot for every query of the view.
        let tx = client
            .build_transaction()
            .read_only(true)
            .isolation_level(tokio_postgres::IsolationLevel::RepeatableRead)
            .start()
            .await?;
        let info = my_group(&tx, user_id, group).await?;
        let members = tx
            .query(GROUP_MEMBERS_SQL, &[&group])
            .await?
            .iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?)))
            .collect::<Result<_, tokio_postgres::Error>>()?;
        let week = tx
            .query(GROUP_WEEK_SQL, &[&group, &(now - WEEK_MS)])
            .await?
            .iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?)))
            .collect::<Result<_, tokio_postgres::Error>>()?;
        let days = tx
            .query(GROUP_DAYS_SQL, &[&group, &(now - STREAK_WINDOW_MS)])
            .await?
            .iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .collect::<Result<_, tokio_postgres::Error>>()?;
        let recent = tx
            .query(GROUP_RECENT_SQL, &[&group, &(now - RECENT_ACTIVITY_MS), &RECENT_ACTIVITY])
            .await?
            .iter()
            .map(|r| {
                Ok(ActivityItem {
                    member: r.try_get(0)?,
                    kind: r.try_get(1)?,
                    slug: r.try_get(2)?,
                    title: r.try_get(3)?,
                    at: r.try_get(4)?,
                })
            })
            .collect::<Result<_, tokio_postgres::Error>>()?;
        tx.commit().await?;
        Ok(group_view_from(GroupRows { info, members, week, days, recent }, now))
    }

    async fn trending(&self) -> Result<Vec<TrendingRow>, StorageError> {
        let client = self.client().await?;
        let stmt = client.prepare_cached("SELECT slug, votes, comments, solves, as_of FROM trending").await?;
        let rows = client.query(&stmt, &[]).await?;
        rows.iter()
            .map(|r| {
                Ok(TrendingRow {
                    slug: r.try_get(0)?,
                    counts: [r.try_get(1)?, r.try_get(2)?, r.try_get(3)?],
                    as_of: r.try_get(4)?,
                })
            })
            .collect()
    }

    async fn forget_activity(&self, user_id: i64) -> Result<u64, StorageError> {
        let client = self.client().await?;
        let n = client.execute("DELETE FROM activity WHERE user_id = $1", &[&user_id]).await?;
        self.disk_full.after(Ok(n))
    }
}

fn group_row(r: &Row) -> Result<GroupInfo, tokio_postgres::Error> {
    Ok(GroupInfo {
        id: r.try_get(0)?,
        name: r.try_get(1)?,
        owner: r.try_get(2)?,
        members: r.try_get::<_, i64>(3)?.max(0) as u64,
    })
}

/// Serialises one user's group changes (the count of their groups is checked, then grown).
async fn lock_user(tx: &deadpool_postgres::Transaction<'_>, user_id: i64) -> Result<(), StorageError> {
    tx.execute("SELECT 1 FROM users WHERE id = $1 FOR UPDATE", &[&user_id]).await?;
    Ok(())
}

/// Serialises changes to one group (members and invites are counted, then grown).
async fn lock_group(tx: &deadpool_postgres::Transaction<'_>, group: i64) -> Result<(), StorageError> {
    tx.execute("SELECT 1 FROM groups WHERE id = $1 FOR UPDATE", &[&group]).await?;
    Ok(())
}

async fn member_of(tx: &deadpool_postgres::Transaction<'_>, user_id: i64, group: i64) -> Result<(), StorageError> {
    let found = tx.query_opt("SELECT 1 FROM members WHERE group_id = $1 AND user_id = $2", &[&group, &user_id]).await?;
    found.map(drop).ok_or(StorageError::NoGroup(group))
}

async fn my_group(
    tx: &deadpool_postgres::Transaction<'_>,
    user_id: i64,
    group: i64,
) -> Result<GroupInfo, StorageError> {
    member_of(tx, user_id, group).await?;
    let row = tx
        .query_one(
            "SELECT g.id, g.name, g.owner_id = $1, (SELECT COUNT(*) FROM members x WHERE x.group_id = g.id)
             FROM groups g WHERE g.id = $2",
            &[&user_id, &group],
        )
        .await?;
    Ok(group_row(&row)?)
}

async fn check_room_for(tx: &deadpool_postgres::Transaction<'_>, user_id: i64) -> Result<(), StorageError> {
    let n: i64 = tx.query_one("SELECT COUNT(*) FROM members WHERE user_id = $1", &[&user_id]).await?.try_get(0)?;
    if n >= MAX_GROUPS_PER_USER {
        return Err(limit(format!("you are in {n} groups, the most one may be in; leave one first")));
    }
    Ok(())
}
