//! Writes for the PostgreSQL backend, with group commit. A writer task takes every batch waiting in the
//! queue: batches made only of votes (the common case) are applied together by one set-based statement
//! in one transaction, so one commit (one WAL flush) and one round trip cover many requests; other
//! batches (comments, deletions) follow one by one, each in its own transaction (which, under a daily
//! comment cap, first locks the user's row, so that one user's batches are counted one after another). Each request is
//! answered only after its transaction committed. A few writer tasks take turns at the queue, so that
//! one group is collected while others wait for their commit. The set-based statement takes its row
//! locks in one global order (event id, then user and problem), so concurrent groups cannot deadlock.
//!
//! The set-based statement gives exactly the per-event results of applying the events one by one: the
//! first occurrence of a new id is applied; any later occurrence (in the group or in the database) is a
//! duplicate for its owner and an `id_conflict` for anyone else; per (user, problem) the vote with the
//! latest (`at`, id) wins.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use deadpool_postgres::{GenericClient, Pool};
use tokio::sync::{mpsc, oneshot, Mutex};
use uuid::Uuid;

use super::postgres::connection;
use super::storage::{
    activity_at, activity_parts, is_new_comment, now_ms, rejected, with_status, CommentCount, StorageError,
    TrendingDelta, User, ACTIVITY_KEEP_MS, HALF_LIFE_MS,
};
use crate::sync::wire::{Action, Event, EventResult, EventStatus, Tag};

/// Most batches committed together.
const MAX_GROUP: usize = 256;
/// Groups in flight at once.
const WRITERS: usize = 4;

pub struct WriteJob {
    pub user: User,
    pub events: Vec<Event>,
    pub comments_per_day: Option<u32>,
    pub reply: oneshot::Sender<Result<Vec<EventResult>, StorageError>>,
}

/// Starts the writer tasks; they end when every sender is dropped.
pub fn start(pool: Pool) -> mpsc::UnboundedSender<WriteJob> {
    let (jobs, queue) = mpsc::unbounded_channel();
    let queue = Arc::new(Mutex::new(queue));
    for _ in 0..WRITERS {
        tokio::spawn(writer(pool.clone(), queue.clone()));
    }
    jobs
}

/// The next group: the first job to arrive and whatever else is already waiting.
async fn next_group(queue: &Mutex<mpsc::UnboundedReceiver<WriteJob>>) -> Option<Vec<WriteJob>> {
    let mut queue = queue.lock().await;
    let mut group = vec![queue.recv().await?];
    while group.len() < MAX_GROUP {
        match queue.try_recv() {
            Ok(job) => group.push(job),
            Err(_) => break,
        }
    }
    Some(group)
}

async fn writer(pool: Pool, queue: Arc<Mutex<mpsc::UnboundedReceiver<WriteJob>>>) {
    while let Some(group) = next_group(&queue).await {
        let (votes, others): (Vec<WriteJob>, Vec<WriteJob>) =
            group.into_iter().partition(|j| j.events.iter().all(|e| matches!(e.action, Action::Vote { .. })));
        if !votes.is_empty() {
            match apply_votes(&pool, &votes).await {
                Ok(results) => {
                    for (job, r) in votes.into_iter().zip(results) {
                        let _ = job.reply.send(Ok(r));
                    }
                }
                Err(e) => {
                    for job in votes {
                        let _ = job.reply.send(Err(e.clone()));
                    }
                }
            }
        }
        for job in others {
            let result = apply_batch(&pool, &job.user, &job.events, job.comments_per_day).await;
            let _ = job.reply.send(result);
        }
    }
}

const GROUP_VOTES_SQL: &str = "
    WITH input AS (
        SELECT * FROM UNNEST($1::uuid[], $2::int8[], $3::text[], $4::int2[], $5::int8[])
                 WITH ORDINALITY AS t(id, user_id, slug, value, at, ord)
    ), first AS (
        SELECT DISTINCT ON (id) id, user_id, slug, value, at FROM input ORDER BY id, ord
    ), new_event AS (
        INSERT INTO events (id, user_id, kind, received_at) SELECT id, user_id, 'vote', $6 FROM first
        ON CONFLICT (id) DO NOTHING RETURNING id
    ), latest AS (
        SELECT DISTINCT ON (f.user_id, f.slug) f.user_id, f.slug, f.value, f.at, f.id
        FROM first f JOIN new_event n ON n.id = f.id
        ORDER BY f.user_id, f.slug, f.at DESC, f.id DESC
    ), applied AS (
        INSERT INTO votes (user_id, slug, value, at, event_id) SELECT user_id, slug, value, at, id FROM latest
        ON CONFLICT (user_id, slug) DO UPDATE
          SET value = EXCLUDED.value, at = EXCLUDED.at, event_id = EXCLUDED.event_id
          WHERE (EXCLUDED.at, EXCLUDED.event_id) > (votes.at, votes.event_id)
        RETURNING 1
    ), counted AS (
        INSERT INTO trending AS t (slug, votes, comments, solves, as_of)
        SELECT f.slug, COUNT(*)::float8, 0, 0, $6 FROM first f JOIN new_event n ON n.id = f.id
        WHERE f.value <> 0 GROUP BY f.slug ORDER BY f.slug
        ON CONFLICT (slug) DO UPDATE SET
          votes = t.votes * power(0.5, GREATEST(0, EXCLUDED.as_of - t.as_of) / $7::float8) + EXCLUDED.votes,
          comments = t.comments * power(0.5, GREATEST(0, EXCLUDED.as_of - t.as_of) / $7::float8),
          solves = t.solves * power(0.5, GREATEST(0, EXCLUDED.as_of - t.as_of) / $7::float8),
          as_of = GREATEST(t.as_of, EXCLUDED.as_of)
        RETURNING 1
    )
    SELECT id FROM new_event";

/// Applies the vote-only batches of a group in one transaction; results per job, per event.
async fn apply_votes(pool: &Pool, jobs: &[WriteJob]) -> Result<Vec<Vec<EventResult>>, StorageError> {
    let (mut ids, mut users, mut slugs, mut values, mut ats) = (vec![], vec![], vec![], vec![], vec![]);
    for job in jobs {
        for e in &job.events {
            if let Action::Vote { slug, vote } = &e.action {
                ids.push(e.id);
                users.push(job.user.id);
                slugs.push(slug.as_str());
                values.push(vote.as_i64() as i16);
                ats.push(e.at);
            }
        }
    }
    let mut client = connection(pool).await?;
    let tx = client.transaction().await?;
    let stmt = tx.prepare_cached(GROUP_VOTES_SQL).await?;
    let rows = tx.query(&stmt, &[&ids, &users, &slugs, &values, &ats, &now_ms(), &HALF_LIFE_MS]).await?;
    let new: HashSet<Uuid> = rows.iter().map(|r| r.try_get(0)).collect::<Result<_, _>>()?;
    let seen: Vec<Uuid> = ids.iter().filter(|id| !new.contains(id)).copied().collect();
    let mut owners: HashMap<Uuid, i64> = HashMap::new();
    if !seen.is_empty() {
        for r in tx.query("SELECT id, user_id FROM events WHERE id = ANY($1)", &[&seen]).await? {
            owners.insert(r.try_get(0)?, r.try_get(1)?);
        }
    }
    tx.commit().await?;

    let mut results = Vec::with_capacity(jobs.len());
    for job in jobs {
        let mut out = Vec::with_capacity(job.events.len());
        for e in &job.events {
            if new.contains(&e.id) && !owners.contains_key(&e.id) {
                owners.insert(e.id, job.user.id); // its first occurrence: later ones are replays
                out.push(with_status(e.id, EventStatus::Applied));
            } else if owners.get(&e.id) == Some(&job.user.id) {
                out.push(with_status(e.id, EventStatus::Duplicate));
            } else {
                out.push(rejected(e.id, "id_conflict"));
            }
        }
        results.push(out);
    }
    Ok(results)
}

const RECENT_COMMENTS_SQL: &str =
    "SELECT COUNT(*), MIN(received_at) FROM events WHERE user_id = $1 AND kind = 'comment' AND received_at > $2";

/// One batch in one transaction, event by event; with a cap, counts the user's comments of the last 24
/// hours once the batch adds one.
async fn apply_batch(
    pool: &Pool,
    user: &User,
    events: &[Event],
    comments_per_day: Option<u32>,
) -> Result<Vec<EventResult>, StorageError> {
    let mut client = connection(pool).await?;
    let tx = client.transaction().await?;
    let now = now_ms();
    let capped = comments_per_day.filter(|_| events.iter().any(|e| matches!(e.action, Action::Comment { .. })));
    if capped.is_some() {
        tx.execute("SELECT 1 FROM users WHERE id = $1 FOR UPDATE", &[&user.id]).await?;
    }
    let mut cap = capped.map(|c| CommentCount::new(c, now));
    let mut results = Vec::with_capacity(events.len());
    let mut trending = TrendingDelta::default();
    for e in events {
        let r = apply_one(&tx, user, e, now).await?;
        trending.count(e, &r);
        if let Some(cap) = cap.as_mut().filter(|_| is_new_comment(e, &r)) {
            let counted = if cap.needs_count() {
                let row = tx.query_one(RECENT_COMMENTS_SQL, &[&user.id, &cap.since()]).await?;
                Some((row.try_get(0)?, row.try_get(1)?))
            } else {
                None
            };
            cap.add(counted)?;
        }
        results.push(r);
    }
    add_to_trending(&tx, trending, now).await?;
    if events.iter().any(Event::is_activity) {
        let stmt = tx.prepare_cached("DELETE FROM activity WHERE user_id = $1 AND at < $2").await?;
        tx.execute(&stmt, &[&user.id, &(now - ACTIVITY_KEEP_MS)]).await?;
    }
    tx.commit().await?;
    Ok(results)
}

const ADD_TRENDING_SQL: &str = "
    INSERT INTO trending AS t (slug, votes, comments, solves, as_of) VALUES ($1, $2, $3, $4, $5)
    ON CONFLICT (slug) DO UPDATE SET
      votes = t.votes * power(0.5, GREATEST(0, EXCLUDED.as_of - t.as_of) / $6::float8) + EXCLUDED.votes,
      comments = t.comments * power(0.5, GREATEST(0, EXCLUDED.as_of - t.as_of) / $6::float8) + EXCLUDED.comments,
      solves = t.solves * power(0.5, GREATEST(0, EXCLUDED.as_of - t.as_of) / $6::float8) + EXCLUDED.solves,
      as_of = GREATEST(t.as_of, EXCLUDED.as_of)";

/// Adds a batch's counts to the trending rows, in slug order (the order every writer locks them in).
async fn add_to_trending<C: GenericClient>(c: &C, delta: TrendingDelta, now: i64) -> Result<(), StorageError> {
    for (slug, [votes, comments, solves]) in delta.into_rows() {
        let stmt = c.prepare_cached(ADD_TRENDING_SQL).await?;
        c.execute(&stmt, &[&slug, &votes, &comments, &solves, &now, &HALF_LIFE_MS]).await?;
    }
    Ok(())
}

async fn next_seq<C: GenericClient>(c: &C) -> Result<i64, StorageError> {
    let stmt =
        c.prepare_cached("UPDATE counters SET value = value + 1 WHERE name = 'comment_seq' RETURNING value").await?;
    Ok(c.query_one(&stmt, &[]).await?.try_get(0)?)
}

async fn apply_one<C: GenericClient>(c: &C, user: &User, e: &Event, now: i64) -> Result<EventResult, StorageError> {
    let insert = c
        .prepare_cached(
            "INSERT INTO events (id, user_id, kind, received_at) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING",
        )
        .await?;
    if c.execute(&insert, &[&e.id, &user.id, &e.kind(), &now]).await? == 0 {
        let owner: i64 = c.query_one("SELECT user_id FROM events WHERE id = $1", &[&e.id]).await?.try_get(0)?;
        return Ok(if owner == user.id {
            with_status(e.id, EventStatus::Duplicate)
        } else {
            rejected(e.id, "id_conflict")
        });
    }
    match &e.action {
        Action::Vote { slug, vote } => {
            let stmt = c
                .prepare_cached(
                    "INSERT INTO votes (user_id, slug, value, at, event_id) VALUES ($1, $2, $3, $4, $5)
                     ON CONFLICT (user_id, slug) DO UPDATE
                       SET value = EXCLUDED.value, at = EXCLUDED.at, event_id = EXCLUDED.event_id
                       WHERE (EXCLUDED.at, EXCLUDED.event_id) > (votes.at, votes.event_id)",
                )
                .await?;
            c.execute(&stmt, &[&user.id, slug, &(vote.as_i64() as i16), &e.at, &e.id]).await?;
        }
        Action::Comment { slug, text, tag } => {
            let seq = next_seq(c).await?;
            let stmt = c
                .prepare_cached(
                    "INSERT INTO comments (id, user_id, slug, text, tag, at, seq) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .await?;
            let tag = tag.map(Tag::as_str);
            c.execute(&stmt, &[&e.id, &user.id, slug, &text.trim(), &tag, &e.at, &seq]).await?;
        }
        Action::Solve { .. } | Action::Review { .. } | Action::Milestone { .. } => {
            if let Some((kind, slug, title)) = activity_parts(&e.action) {
                let stmt = c
                    .prepare_cached(
                        "INSERT INTO activity (event_id, user_id, kind, slug, title, at) VALUES ($1, $2, $3, $4, $5, $6)",
                    )
                    .await?;
                c.execute(&stmt, &[&e.id, &user.id, &kind, &slug, &title, &activity_at(e, now)]).await?;
            }
        }
        Action::DeleteComment { comment } => {
            let found =
                c.query_opt("SELECT user_id, deleted FROM comments WHERE id = $1 FOR UPDATE", &[comment]).await?;
            let found =
                found.map(|r| Ok::<_, tokio_postgres::Error>((r.try_get::<_, i64>(0)?, r.try_get::<_, bool>(1)?)));
            match found.transpose()? {
                None => return Ok(rejected(e.id, "not_found")),
                Some((owner, _)) if owner != user.id => return Ok(rejected(e.id, "forbidden")),
                Some((_, true)) => {}
                Some((_, false)) => {
                    let seq = next_seq(c).await?;
                    c.execute(
                        "UPDATE comments SET deleted = TRUE, text = '', seq = $2 WHERE id = $1",
                        &[comment, &seq],
                    )
                    .await?;
                }
            }
        }
    }
    Ok(with_status(e.id, EventStatus::Applied))
}
