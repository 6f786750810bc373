//! Community data on this machine (issue 7): the outbox of events not yet acknowledged by the server, my
//! votes, the comment cache, the last pulled aggregates and the account (server, user name, token).
//!
//! Every user action is written in one transaction together with its outbox entry, so what is shown and
//! what will be sent cannot disagree. Outbox entries leave only through [`Store::forget_events`], which
//! the sync step calls with the ids the server acknowledged. The community signal that other modules
//! read is [`Store::community_signal`]; the merge itself is the pure [`crate::community::signal::merge`].

use crate::clock::now_ms;
use crate::community::OutboxEntry;
use std::collections::{HashMap, HashSet};

use rusqlite::{params, OptionalExtension, Row};
use uuid::Uuid;

use super::{Store, StoreError};
use crate::community::signal::{self, CachedComment, Signal};
use crate::community::wire::{Action, Aggregate, Comment, Event, Tag, TagCounts, Vote};

/// The community server this machine syncs with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub server: String,
    pub user: String,
    pub token: String,
    pub comments_cursor: i64,
    pub last_sync_at: Option<i64>,
}

impl Account {
    /// The token as it may be shown: its first characters only.
    pub fn token_hint(&self) -> String {
        format!("{}…", self.token.chars().take(8).collect::<String>())
    }
}

/// A comment as this machine knows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LocalComment {
    pub id: Uuid,
    pub slug: String,
    /// `None` for my comments written before signing in.
    pub author: Option<String>,
    pub mine: bool,
    pub text: String,
    pub tag: Option<Tag>,
    pub at: i64,
    /// Still in the outbox: not yet acknowledged by the server.
    pub pending: bool,
}

/// What asking to delete a comment led to.
#[derive(Debug, Clone, PartialEq)]
pub enum DeleteOutcome {
    Queued(Event),
    NotFound,
    NotYours,
}

/// A UUID stored as text, as a column error when it does not parse.
fn uuid_at(r: &Row<'_>, i: usize) -> rusqlite::Result<Uuid> {
    let text: String = r.get(i)?;
    Uuid::parse_str(&text)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e)))
}

fn tag_at(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<Tag>> {
    Ok(r.get::<_, Option<String>>(i)?.as_deref().and_then(Tag::parse))
}

impl Store {
    pub(super) fn queue(&self, tx: &rusqlite::Transaction<'_>, event: &Event) -> Result<(), StoreError> {
        tx.execute(
            "INSERT INTO community_outbox (id, event_json, created_at) VALUES (?1, ?2, ?3)",
            params![event.id.to_string(), serde_json::to_string(event)?, now_ms()],
        )?;
        Ok(())
    }

    /// Records my vote on `slug` (already validated) and queues it.
    pub fn record_vote(&self, slug: &str, vote: Vote) -> Result<Event, StoreError> {
        let tx = self.write_tx()?;
        let last: Option<i64> =
            tx.query_row("SELECT at FROM community_votes WHERE slug = ?1", params![slug], |r| r.get(0)).optional()?;
        // Votes are ordered by `at`: keep a later vote later even within one millisecond or a clock step back.
        let at = now_ms().max(last.map_or(0, |l| l + 1));
        let event = Event { id: Uuid::now_v7(), at, action: Action::Vote { slug: slug.to_string(), vote } };
        tx.execute(
            "INSERT INTO community_votes (slug, vote, at) VALUES (?1, ?2, ?3)
             ON CONFLICT (slug) DO UPDATE SET vote = excluded.vote, at = excluded.at",
            params![slug, vote.as_i64(), at],
        )?;
        self.queue(&tx, &event)?;
        tx.commit()?;
        Ok(event)
    }

    /// Records my comment on `slug` (slug and text already validated) and queues it.
    pub fn record_comment(&self, slug: &str, text: &str, tag: Option<Tag>) -> Result<Event, StoreError> {
        let text = text.trim();
        let event = Event {
            id: Uuid::now_v7(),
            at: now_ms(),
            action: Action::Comment { slug: slug.to_string(), text: text.to_string(), tag },
        };
        let tx = self.write_tx()?;
        let author: Option<String> =
            tx.query_row("SELECT user_name FROM community_account WHERE id = 1", [], |r| r.get(0)).optional()?;
        tx.execute(
            "INSERT INTO community_comments (id, slug, author, mine, text, tag, at) VALUES (?1, ?2, ?3, 1, ?4, ?5, ?6)",
            params![event.id.to_string(), slug, author, text, tag.map(Tag::as_str), event.at],
        )?;
        self.queue(&tx, &event)?;
        tx.commit()?;
        Ok(event)
    }

    /// Deletes one of my comments here and queues the deletion for the server.
    pub fn record_comment_deletion(&self, id: Uuid) -> Result<DeleteOutcome, StoreError> {
        let tx = self.write_tx()?;
        let found: Option<(bool, bool)> = tx
            .query_row("SELECT mine, deleted FROM community_comments WHERE id = ?1", params![id.to_string()], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        match found {
            None | Some((_, true)) => return Ok(DeleteOutcome::NotFound),
            Some((false, _)) => return Ok(DeleteOutcome::NotYours),
            Some((true, false)) => {}
        }
        let event = Event { id: Uuid::now_v7(), at: now_ms(), action: Action::DeleteComment { comment: id } };
        tx.execute("UPDATE community_comments SET deleted = 1 WHERE id = ?1", params![id.to_string()])?;
        self.queue(&tx, &event)?;
        tx.commit()?;
        Ok(DeleteOutcome::Queued(event))
    }

    /// The outbox, in the order the events were made.
    pub fn outbox(&self) -> Result<Vec<OutboxEntry>, StoreError> {
        let mut stmt = self.conn.prepare("SELECT seq, event_json FROM community_outbox ORDER BY seq")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (seq, json) = row?;
            out.push(OutboxEntry { seq, event: serde_json::from_str(&json)? });
        }
        Ok(out)
    }

    pub fn outbox_len(&self) -> Result<u64, StoreError> {
        Ok(self.conn.query_row("SELECT COUNT(*) FROM community_outbox", [], |r| r.get::<_, i64>(0))? as u64)
    }

    /// Removes acknowledged events from the outbox, in one transaction; returns how many were there.
    pub fn forget_events(&self, ids: &[Uuid]) -> Result<usize, StoreError> {
        let tx = self.write_tx()?;
        let mut n = 0;
        {
            let mut stmt = tx.prepare("DELETE FROM community_outbox WHERE id = ?1")?;
            for id in ids {
                n += stmt.execute(params![id.to_string()])?;
            }
        }
        tx.commit()?;
        Ok(n)
    }

    pub fn account(&self) -> Result<Option<Account>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT server, user_name, token, comments_cursor, last_sync_at FROM community_account WHERE id = 1",
                [],
                |r| {
                    Ok(Account {
                        server: r.get(0)?,
                        user: r.get(1)?,
                        token: r.get(2)?,
                        comments_cursor: r.get(3)?,
                        last_sync_at: r.get(4)?,
                    })
                },
            )
            .optional()?)
    }

    /// Stores the account. Switching to another server forgets what was pulled from the old one (the
    /// outbox stays and goes to the new server).
    pub fn set_account(&self, server: &str, user: &str, token: &str) -> Result<(), StoreError> {
        let tx = self.write_tx()?;
        let old: Option<String> =
            tx.query_row("SELECT server FROM community_account WHERE id = 1", [], |r| r.get(0)).optional()?;
        if old.as_deref() != Some(server) {
            tx.execute("DELETE FROM community_aggregates", [])?;
            tx.execute(
                "DELETE FROM community_comments WHERE id NOT IN (SELECT id FROM community_outbox)
                 AND NOT (mine = 1 AND seq IS NULL)",
                [],
            )?;
            tx.execute("UPDATE community_comments SET seq = NULL, server_deleted = 0", [])?;
        }
        tx.execute(
            "INSERT INTO community_account (id, server, user_name, token, comments_cursor) VALUES (1, ?1, ?2, ?3, 0)
             ON CONFLICT (id) DO UPDATE SET server = excluded.server, user_name = excluded.user_name,
               token = excluded.token,
               comments_cursor = CASE WHEN community_account.server = excluded.server
                                      THEN community_account.comments_cursor ELSE 0 END",
            params![server, user, token],
        )?;
        tx.execute("UPDATE community_comments SET author = ?1 WHERE mine = 1 AND author IS NULL", params![user])?;
        tx.commit()?;
        Ok(())
    }

    /// Forgets the account and its token (`codify logout`); votes and comments, queued or not, stay, while
    /// shared activity not yet sent is dropped (it was meant for this account's groups only).
    pub fn forget_account(&self) -> Result<(), StoreError> {
        let tx = self.write_tx()?;
        tx.execute("DELETE FROM community_account WHERE id = 1", [])?;
        tx.execute(
            "DELETE FROM community_outbox WHERE json_extract(event_json, '$.kind') IN ('solve', 'review', 'milestone')",
            [],
        )?;
        tx.execute("DELETE FROM community_groups", [])?;
        tx.commit()?;
        Ok(())
    }

    /// Stores one pulled page of the comment feed and the cursor after it, in one transaction.
    pub fn apply_comments(&self, items: &[Comment], cursor: i64) -> Result<(), StoreError> {
        let tx = self.write_tx()?;
        let me: Option<String> =
            tx.query_row("SELECT user_name FROM community_account WHERE id = 1", [], |r| r.get(0)).optional()?;
        {
            let mut stmt = tx.prepare(
                "INSERT INTO community_comments (id, slug, author, mine, text, tag, at, seq, deleted, server_deleted)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)
                 ON CONFLICT (id) DO UPDATE SET slug = excluded.slug, author = excluded.author,
                   mine = MAX(community_comments.mine, excluded.mine), text = excluded.text, tag = excluded.tag,
                   at = excluded.at, seq = excluded.seq, server_deleted = excluded.server_deleted,
                   deleted = MAX(community_comments.deleted, excluded.deleted)",
            )?;
            for c in items {
                let mine = me.as_deref() == Some(c.author.as_str());
                stmt.execute(params![
                    c.id.to_string(),
                    c.slug,
                    c.author,
                    mine,
                    c.text,
                    c.tag.map(Tag::as_str),
                    c.at,
                    c.seq,
                    c.deleted
                ])?;
            }
        }
        tx.execute(
            "UPDATE community_account SET comments_cursor = MAX(comments_cursor, ?1) WHERE id = 1",
            params![cursor],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Replaces the aggregates with a complete pull, and takes the server's word for my vote on every
    /// problem where no vote of mine is still queued (it may have been changed from another machine).
    pub fn replace_aggregates(&self, items: &[Aggregate]) -> Result<(), StoreError> {
        let queued: HashSet<String> = self
            .outbox()?
            .into_iter()
            .filter_map(|e| match e.event.action {
                Action::Vote { slug, .. } => Some(slug),
                _ => None,
            })
            .collect();
        let tx = self.write_tx()?;
        tx.execute("DELETE FROM community_aggregates", [])?;
        {
            let mut insert = tx.prepare(
                "INSERT INTO community_aggregates
                   (slug, up, down, comments, too_hard, good_intro, pattern_practice, my_vote)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?;
            for a in items {
                insert.execute(params![
                    a.slug,
                    a.up as i64,
                    a.down as i64,
                    a.comments as i64,
                    a.tags.too_hard as i64,
                    a.tags.good_intro as i64,
                    a.tags.pattern_practice as i64,
                    a.my_vote.as_i64()
                ])?;
            }
            let server_votes: HashMap<&str, Vote> = items.iter().map(|a| (a.slug.as_str(), a.my_vote)).collect();
            let mut local = tx.prepare("SELECT slug FROM community_votes")?;
            let mut slugs: HashSet<String> = local.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
            slugs.extend(server_votes.keys().map(|s| s.to_string()));
            let mut set = tx.prepare(
                "INSERT INTO community_votes (slug, vote, at) VALUES (?1, ?2, 0)
                 ON CONFLICT (slug) DO UPDATE SET vote = excluded.vote",
            )?;
            for slug in slugs.iter().filter(|s| !queued.contains(*s)) {
                set.execute(params![slug, server_votes.get(slug.as_str()).copied().unwrap_or_default().as_i64()])?;
            }
        }
        tx.execute("UPDATE community_account SET last_sync_at = ?1 WHERE id = 1", params![now_ms()])?;
        tx.commit()?;
        Ok(())
    }

    /// Comments on `slug` that are not deleted, oldest first; my unsynced ones included.
    pub fn comments_for(&self, slug: &str) -> Result<Vec<LocalComment>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT c.id, c.slug, c.author, c.mine, c.text, c.tag, c.at,
                    EXISTS (SELECT 1 FROM community_outbox o WHERE o.id = c.id)
             FROM community_comments c WHERE c.slug = ?1 AND c.deleted = 0 ORDER BY c.at, c.id",
        )?;
        let rows = stmt.query_map(params![slug], |r| {
            Ok(LocalComment {
                id: uuid_at(r, 0)?,
                slug: r.get(1)?,
                author: r.get(2)?,
                mine: r.get(3)?,
                text: r.get(4)?,
                tag: tag_at(r, 5)?,
                at: r.get(6)?,
                pending: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The community signal for every problem that has any: pulled counts merged with my unsynced
    /// changes. Problems without an entry have none (`Signal::default()`).
    pub fn community_signal(&self) -> Result<HashMap<String, Signal>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT slug, up, down, comments, too_hard, good_intro, pattern_practice, my_vote FROM community_aggregates",
        )?;
        let aggregates: Vec<Aggregate> = stmt
            .query_map([], |r| {
                Ok(Aggregate {
                    slug: r.get(0)?,
                    up: r.get::<_, i64>(1)?.max(0) as u64,
                    down: r.get::<_, i64>(2)?.max(0) as u64,
                    comments: r.get::<_, i64>(3)?.max(0) as u64,
                    tags: TagCounts {
                        too_hard: r.get::<_, i64>(4)?.max(0) as u64,
                        good_intro: r.get::<_, i64>(5)?.max(0) as u64,
                        pattern_practice: r.get::<_, i64>(6)?.max(0) as u64,
                    },
                    my_vote: Vote::from_i64(r.get(7)?),
                })
            })?
            .collect::<Result<_, _>>()?;
        let mut stmt = self.conn.prepare("SELECT slug, vote FROM community_votes")?;
        let votes: HashMap<String, Vote> = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, Vote::from_i64(r.get(1)?))))?
            .collect::<Result<_, _>>()?;
        let pending: Vec<Event> = self.outbox()?.into_iter().map(|e| e.event).collect();
        let mut cache = HashMap::new();
        let mut lookup = self.conn.prepare(
            "SELECT slug, tag, seq IS NOT NULL AND server_deleted = 0 FROM community_comments WHERE id = ?1",
        )?;
        for e in &pending {
            let id = match e.action {
                Action::Comment { .. } => e.id,
                Action::DeleteComment { comment } => comment,
                Action::Vote { .. } | Action::Solve { .. } | Action::Review { .. } | Action::Milestone { .. } => {
                    continue
                }
            };
            let found = lookup
                .query_row(params![id.to_string()], |r| {
                    Ok(CachedComment { slug: r.get(0)?, tag: tag_at(r, 1)?, counted_by_server: r.get(2)? })
                })
                .optional()?;
            if let Some(c) = found {
                cache.insert(id, c);
            }
        }
        Ok(signal::merge(&aggregates, &votes, &pending, &cache))
    }

    /// The community signal for one problem.
    pub fn community_view(&self, slug: &str) -> Result<Signal, StoreError> {
        Ok(self.community_signal()?.remove(slug).unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(&dir.path().join("codify.db")).unwrap();
        (dir, s)
    }

    #[test]
    fn actions_show_at_once_and_wait_in_the_outbox() {
        let (_d, s) = store();
        s.record_vote("two-sum", Vote::Up).unwrap();
        let c = s.record_comment("two-sum", "  good start  ", Some(Tag::GoodIntro)).unwrap();
        let view = s.community_view("two-sum").unwrap();
        assert_eq!((view.up, view.comments, view.tags.good_intro, view.my_vote, view.pending), (1, 1, 1, Vote::Up, 2));
        let comments = s.comments_for("two-sum").unwrap();
        assert_eq!(comments.len(), 1);
        assert!(comments[0].pending && comments[0].mine && comments[0].text == "good start");
        assert_eq!(s.outbox().unwrap().len(), 2);
        assert_eq!(
            s.record_comment_deletion(c.id).unwrap(),
            DeleteOutcome::Queued(s.outbox().unwrap()[2].event.clone())
        );
        assert_eq!(s.community_view("two-sum").unwrap().comments, 0);
        assert_eq!(s.record_comment_deletion(c.id).unwrap(), DeleteOutcome::NotFound);
    }

    #[test]
    fn a_later_vote_is_later_even_within_one_millisecond() {
        let (_d, s) = store();
        let a = s.record_vote("a", Vote::Up).unwrap();
        let b = s.record_vote("a", Vote::Down).unwrap();
        assert!(b.at > a.at);
    }

    #[test]
    fn forgetting_acknowledged_events_and_pulling_keeps_the_view_consistent() {
        let (_d, s) = store();
        s.set_account("http://x", "me", "cfy_secret_token").unwrap();
        let v = s.record_vote("a", Vote::Up).unwrap();
        // The server applied it and counts it, with one more upvote from someone else.
        let agg =
            Aggregate { slug: "a".into(), up: 2, down: 0, comments: 0, tags: TagCounts::default(), my_vote: Vote::Up };
        s.replace_aggregates(std::slice::from_ref(&agg)).unwrap();
        assert_eq!(s.community_view("a").unwrap().up, 2);
        assert_eq!(s.forget_events(&[v.id, Uuid::nil()]).unwrap(), 1);
        assert_eq!(s.community_view("a").unwrap().up, 2);
        assert_eq!(s.account().unwrap().unwrap().token_hint(), "cfy_secr…");
    }

    #[test]
    fn others_comments_cannot_be_deleted_here() {
        let (_d, s) = store();
        s.set_account("http://x", "me", "t").unwrap();
        let theirs = Comment {
            id: Uuid::now_v7(),
            slug: "a".into(),
            author: "them".into(),
            text: "hi".into(),
            tag: None,
            at: 1,
            seq: 3,
            deleted: false,
        };
        s.apply_comments(std::slice::from_ref(&theirs), 3).unwrap();
        assert_eq!(s.record_comment_deletion(theirs.id).unwrap(), DeleteOutcome::NotYours);
        assert_eq!(s.account().unwrap().unwrap().comments_cursor, 3);
        assert_eq!(s.comments_for("a").unwrap()[0].author.as_deref(), Some("them"));
    }
}
