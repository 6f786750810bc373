//! Study groups on this machine (issue 18): what the account shares, the shared activity it queues, the
//! last view of each group, and trending as last pulled.
//!
//! Nothing is shared unless the learner signed in and chose to share (`codify group share`, or joining or
//! creating a group, which turns on the default set). Shared activity goes through the same outbox as
//! votes and comments, so it reaches the server exactly once; signing out drops what was not sent.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension};
use uuid::Uuid;

use super::{Store, StoreError};
use crate::clock::now_ms;
use crate::community::wire::{Action, Event, GroupView, TrendingItem};

/// A kind of activity a learner may share with their groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Share {
    /// The first accepted solution of a problem.
    Solves,
    /// An accepted solution of a problem whose review was due.
    Reviews,
    Milestones,
}

impl Share {
    pub const ALL: [Share; 3] = [Share::Solves, Share::Reviews, Share::Milestones];

    pub fn as_str(self) -> &'static str {
        match self {
            Share::Solves => "solves",
            Share::Reviews => "reviews",
            Share::Milestones => "milestones",
        }
    }

    pub fn parse(s: &str) -> Option<Share> {
        Share::ALL.into_iter().find(|k| k.as_str() == s.trim())
    }

    fn of(action: &Action) -> Option<Share> {
        match action {
            Action::Solve { .. } => Some(Share::Solves),
            Action::Review { .. } => Some(Share::Reviews),
            Action::Milestone { .. } => Some(Share::Milestones),
            _ => None,
        }
    }
}

impl Store {
    /// What this account shares (empty when signed out or when it shares nothing).
    pub fn sharing(&self) -> Result<Vec<Share>, StoreError> {
        let text: Option<String> =
            self.conn.query_row("SELECT share FROM community_account WHERE id = 1", [], |r| r.get(0)).optional()?;
        Ok(text.unwrap_or_default().split(',').filter_map(Share::parse).collect())
    }

    /// Sets what this account shares; false when no account is stored (nothing can be shared then).
    pub fn set_sharing(&self, kinds: &[Share]) -> Result<bool, StoreError> {
        let text: Vec<&str> = Share::ALL.into_iter().filter(|k| kinds.contains(k)).map(Share::as_str).collect();
        let n = self.conn.execute("UPDATE community_account SET share = ?1 WHERE id = 1", params![text.join(",")])?;
        Ok(n > 0)
    }

    /// Turns on the default sharing (solves, reviews, milestones) when the account shares nothing yet, as
    /// creating or joining a group does; whether it did.
    pub fn share_by_default(&self) -> Result<bool, StoreError> {
        if !self.sharing()?.is_empty() {
            return Ok(false);
        }
        self.set_sharing(&Share::ALL)
    }

    /// Queues `action` (a solve, a review or a milestone) for the account's groups when the account shares
    /// that kind; the event queued, if any.
    pub fn share(&self, action: Action) -> Result<Option<Event>, StoreError> {
        let Some(kind) = Share::of(&action) else { return Ok(None) };
        if !self.sharing()?.contains(&kind) {
            return Ok(None);
        }
        let event = Event { id: Uuid::now_v7(), at: now_ms(), action };
        if event.validate().is_err() {
            return Ok(None); // a title the server would refuse: not worth an error after a submit
        }
        let tx = self.write_tx()?;
        self.queue(&tx, &event)?;
        tx.commit()?;
        Ok(Some(event))
    }

    /// What an accepted submission of `problem` (stored as `id`) shares: a solve when it is the problem's
    /// first accepted one, a review when the problem was solved before and its review was due at `now_ms`.
    /// Call it before the submission's review updates the card.
    pub(super) fn shared_for_accepted(
        &self,
        problem: &str,
        id: i64,
        now_ms: i64,
    ) -> Result<Option<Action>, StoreError> {
        let solved_before: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM submissions WHERE problem = ?1 AND verdict = 'accepted' AND id < ?2)",
            params![problem, id],
            |r| r.get(0),
        )?;
        if !solved_before {
            return Ok(Some(Action::Solve { slug: problem.to_string() }));
        }
        let due = self.review_card(problem)?.is_some_and(|c| c.due_ms <= now_ms);
        Ok(due.then(|| Action::Review { slug: problem.to_string() }))
    }

    /// Replaces trending with a complete pull.
    pub fn replace_trending(&self, items: &[TrendingItem]) -> Result<(), StoreError> {
        let tx = self.write_tx()?;
        tx.execute("DELETE FROM community_trending", [])?;
        {
            let mut insert = tx.prepare(
                "INSERT INTO community_trending (slug, score, votes, comments, solves) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (slug) DO NOTHING",
            )?;
            for i in items.iter().filter(|i| crate::community::wire::validate_slug(&i.slug).is_ok()) {
                let finite = |x: f64| if x.is_finite() { x.max(0.0) } else { 0.0 };
                insert.execute(params![
                    i.slug,
                    finite(i.score),
                    finite(i.votes),
                    finite(i.comments),
                    finite(i.solves)
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Trending scores as last pulled, by problem (empty before the first sync).
    pub fn trending(&self) -> Result<HashMap<String, f64>, StoreError> {
        let mut stmt = self.conn.prepare("SELECT slug, score FROM community_trending")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, f64>(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Keeps the view of a group just fetched, to show when the server cannot be reached.
    pub fn cache_group_view(&self, view: &GroupView) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO community_groups (id, view_json, fetched_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (id) DO UPDATE SET view_json = excluded.view_json, fetched_at = excluded.fetched_at",
            params![view.id, serde_json::to_string(view)?, now_ms()],
        )?;
        Ok(())
    }

    /// The last view fetched of group `id`, with when it was fetched.
    pub fn cached_group_view(&self, id: i64) -> Result<Option<(GroupView, i64)>, StoreError> {
        let row: Option<(String, i64)> = self
            .conn
            .query_row("SELECT view_json, fetched_at FROM community_groups WHERE id = ?1", params![id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        // A cache that no longer parses (an older shape) is as good as none.
        Ok(row.and_then(|(json, at)| serde_json::from_str(&json).ok().map(|v| (v, at))))
    }

    /// Every cached group view, by group number, with when it was fetched.
    pub fn cached_group_views(&self) -> Result<Vec<(GroupView, i64)>, StoreError> {
        let mut stmt = self.conn.prepare("SELECT view_json, fetched_at FROM community_groups ORDER BY id")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (json, at) = row?;
            if let Ok(v) = serde_json::from_str(&json) {
                out.push((v, at));
            }
        }
        Ok(out)
    }

    /// Forgets the cached view of a group this account left or removed.
    pub fn forget_group_view(&self, id: i64) -> Result<(), StoreError> {
        self.conn.execute("DELETE FROM community_groups WHERE id = ?1", params![id])?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_shared_without_an_account_and_a_choice() {
        let (_d, s) = crate::store::temp_store();
        assert!(!s.set_sharing(&Share::ALL).unwrap(), "no account: nothing to share with");
        assert_eq!(s.share(Action::Solve { slug: "two-sum".into() }).unwrap(), None);
        s.set_account("http://x", "me", "t").unwrap();
        assert_eq!(s.share(Action::Solve { slug: "two-sum".into() }).unwrap(), None, "signed in, not sharing");
        assert!(s.set_sharing(&[Share::Milestones, Share::Solves]).unwrap());
        assert_eq!(s.sharing().unwrap(), vec![Share::Solves, Share::Milestones]);
        assert!(s.share(Action::Solve { slug: "two-sum".into() }).unwrap().is_some());
        assert_eq!(s.share(Action::Review { slug: "two-sum".into() }).unwrap(), None, "reviews not shared");
        let bad_title = Action::Milestone { key: "x".into(), title: "a\u{1b}[2J".into() };
        assert_eq!(s.share(bad_title).unwrap(), None);
        assert_eq!(s.outbox_len().unwrap(), 1);
    }

    #[test]
    fn signing_out_stops_sharing_and_drops_unsent_activity_but_keeps_votes() {
        let (_d, s) = crate::store::temp_store();
        s.set_account("http://x", "me", "t").unwrap();
        s.set_sharing(&Share::ALL).unwrap();
        s.share(Action::Milestone { key: "first_accepted:easy".into(), title: "First easy problem solved".into() })
            .unwrap()
            .unwrap();
        s.record_vote("two-sum", crate::community::wire::Vote::Up).unwrap();
        s.forget_account().unwrap();
        let kinds: Vec<&str> = s.outbox().unwrap().iter().map(|e| e.event.kind()).collect();
        assert_eq!(kinds, ["vote"]);
        s.set_account("http://x", "me", "t2").unwrap();
        assert!(s.sharing().unwrap().is_empty(), "a new sign-in shares nothing until asked");
    }

    #[test]
    fn trending_and_group_views_are_kept_until_replaced() {
        let (_d, s) = crate::store::temp_store();
        let item = |slug: &str, score: f64| TrendingItem {
            slug: slug.into(),
            score,
            votes: score,
            comments: 0.0,
            solves: 0.0,
        };
        s.replace_trending(&[item("two-sum", 3.0), item("Bad Slug", 9.0), item("3sum", f64::NAN)]).unwrap();
        let t = s.trending().unwrap();
        assert_eq!((t.len(), t["two-sum"], t["3sum"]), (2, 3.0, 0.0));
        let view = GroupView { id: 7, name: "evening".into(), owner: true, members: vec![], activity: vec![] };
        s.cache_group_view(&view).unwrap();
        assert_eq!(s.cached_group_view(7).unwrap().map(|(v, _)| v), Some(view));
        s.forget_group_view(7).unwrap();
        assert_eq!(s.cached_group_view(7).unwrap(), None);
    }
}
