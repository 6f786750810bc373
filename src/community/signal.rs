//! The community signal per problem, as the learner, the plans and the views read it: the last counts
//! pulled from the server merged with what this machine did since (votes and comments still in the
//! outbox), so a vote or a comment shows at once, offline included. Pure: the store gathers the inputs.
//!
//! Read it with [`crate::store::Store::community_signal`] (every problem with any signal) or
//! [`crate::store::Store::community_view`] (one problem). A problem nobody voted on or commented on has
//! no entry; treat it as `Signal::default()`.

use std::collections::HashMap;

use serde::Serialize;
use uuid::Uuid;

use super::wire::{Action, Aggregate, Event, Tag, TagCounts, Vote};

/// Community counts for one problem, including this user's unsynced changes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Signal {
    pub up: u64,
    pub down: u64,
    /// Comments that are not deleted.
    pub comments: u64,
    /// Comment counts per tag (`too_hard`, `good_intro`, `pattern_practice`).
    pub tags: TagCounts,
    /// This user's own vote (`clear` when none).
    pub my_vote: Vote,
    /// This user's changes to the problem not yet acknowledged by the server.
    pub pending: u64,
}

impl Signal {
    /// Upvotes minus downvotes.
    pub fn score(&self) -> i64 {
        self.up as i64 - self.down as i64
    }

    /// The tag most comments carry, when any does (ties: the order of [`Tag::ALL`]).
    pub fn top_tag(&self) -> Option<Tag> {
        let mut best: Option<(Tag, u64)> = None;
        for t in Tag::ALL {
            let n = self.tags.get(t);
            if n > 0 && best.is_none_or(|(_, b)| n > b) {
                best = Some((t, n));
            }
        }
        best.map(|(t, _)| t)
    }
}

/// What the local cache knows of a comment that a pending event refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CachedComment {
    pub slug: String,
    pub tag: Option<Tag>,
    /// The last pull showed it on the server, not deleted: the pulled counts include it.
    pub counted_by_server: bool,
}

/// Merges the pulled aggregates with the local votes and the pending (unacknowledged) events.
///
/// - votes: the server's count, minus this user's vote as the server has it, plus the local vote;
/// - comments and tags: the server's count, plus pending comments the server does not count yet and
///   that are not deleted again, minus pending deletions of comments the server counts.
pub fn merge(
    aggregates: &[Aggregate],
    local_votes: &HashMap<String, Vote>,
    pending: &[Event],
    cache: &HashMap<Uuid, CachedComment>,
) -> HashMap<String, Signal> {
    let mut out: HashMap<String, Signal> = aggregates
        .iter()
        .map(|a| {
            let s =
                Signal { up: a.up, down: a.down, comments: a.comments, tags: a.tags, my_vote: a.my_vote, pending: 0 };
            (a.slug.clone(), s)
        })
        .collect();

    for (slug, &vote) in local_votes {
        let s = out.entry(slug.clone()).or_default();
        match s.my_vote {
            Vote::Up => s.up = s.up.saturating_sub(1),
            Vote::Down => s.down = s.down.saturating_sub(1),
            Vote::Clear => {}
        }
        match vote {
            Vote::Up => s.up += 1,
            Vote::Down => s.down += 1,
            Vote::Clear => {}
        }
        s.my_vote = vote;
    }

    let deleted_later: std::collections::HashSet<Uuid> = pending
        .iter()
        .filter_map(|e| match e.action {
            Action::DeleteComment { comment } => Some(comment),
            _ => None,
        })
        .collect();
    for e in pending {
        match &e.action {
            // Shared activity is not part of a problem's votes and comments.
            Action::Solve { .. } | Action::Review { .. } | Action::Milestone { .. } => {}
            Action::Vote { slug, .. } => out.entry(slug.clone()).or_default().pending += 1,
            Action::Comment { slug, tag, .. } => {
                let s = out.entry(slug.clone()).or_default();
                s.pending += 1;
                let counted = cache.get(&e.id).is_some_and(|c| c.counted_by_server);
                if !counted && !deleted_later.contains(&e.id) {
                    s.comments += 1;
                    if let Some(t) = tag {
                        *s.tags.get_mut(*t) += 1;
                    }
                }
            }
            Action::DeleteComment { comment } => {
                let Some(c) = cache.get(comment) else { continue };
                let s = out.entry(c.slug.clone()).or_default();
                s.pending += 1;
                if c.counted_by_server {
                    s.comments = s.comments.saturating_sub(1);
                    if let Some(t) = c.tag {
                        let n = s.tags.get_mut(t);
                        *n = n.saturating_sub(1);
                    }
                }
            }
        }
    }
    out.retain(|_, s| *s != Signal::default());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::community::wire::MIN_AT;

    fn agg(slug: &str, up: u64, down: u64, comments: u64, my_vote: Vote) -> Aggregate {
        let tags = TagCounts { too_hard: comments, ..TagCounts::default() };
        Aggregate { slug: slug.into(), up, down, comments, tags, my_vote }
    }

    fn ev(n: u128, action: Action) -> Event {
        Event { id: Uuid::from_u128(n), at: MIN_AT, action }
    }

    #[test]
    fn a_local_vote_replaces_the_vote_the_server_counted() {
        let aggs = [agg("a", 5, 2, 0, Vote::Up)];
        let votes = HashMap::from([("a".to_string(), Vote::Down), ("b".to_string(), Vote::Up)]);
        let m = merge(&aggs, &votes, &[], &HashMap::new());
        assert_eq!((m["a"].up, m["a"].down, m["a"].my_vote, m["a"].score()), (4, 3, Vote::Down, 1));
        assert_eq!((m["b"].up, m["b"].down), (1, 0));
    }

    #[test]
    fn pending_comments_count_once_and_deletions_subtract_what_the_server_counts() {
        let aggs = [agg("a", 0, 0, 2, Vote::Clear)];
        let tag = Some(Tag::TooHard);
        let pending = [
            ev(1, Action::Comment { slug: "a".into(), text: "new".into(), tag }),
            // Reached the server before its acknowledgement was lost: already counted.
            ev(2, Action::Comment { slug: "a".into(), text: "old".into(), tag }),
            ev(3, Action::DeleteComment { comment: Uuid::from_u128(10) }),
            ev(4, Action::Comment { slug: "a".into(), text: "gone".into(), tag }),
            ev(5, Action::DeleteComment { comment: Uuid::from_u128(4) }),
        ];
        let cache = HashMap::from([
            (Uuid::from_u128(2), CachedComment { slug: "a".into(), tag, counted_by_server: true }),
            (Uuid::from_u128(10), CachedComment { slug: "a".into(), tag, counted_by_server: true }),
            (Uuid::from_u128(4), CachedComment { slug: "a".into(), tag, counted_by_server: false }),
        ]);
        let m = merge(&aggs, &HashMap::new(), &pending, &cache);
        // 2 on the server, +1 new, -1 deleted; #2 is already counted and #4 never reached it.
        assert_eq!(m["a"].comments, 2);
        assert_eq!(m["a"].tags.too_hard, 2);
        assert_eq!(m["a"].pending, 5);
        assert_eq!(m["a"].top_tag(), Some(Tag::TooHard));
    }

    #[test]
    fn problems_without_any_signal_have_no_entry() {
        let aggs = [agg("a", 0, 0, 0, Vote::Clear)];
        let votes = HashMap::from([("b".to_string(), Vote::Clear)]);
        assert!(merge(&aggs, &votes, &[], &HashMap::new()).is_empty());
        assert_eq!(Signal::default().top_tag(), None);
    }
}
