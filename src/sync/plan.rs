//! The pure half of sync: from the outbox and the last cursor, decide what to push and what to pull.
//! No I/O here; [`super::client::sync_once`] carries the plan out.
//!
//! Invariants the plan keeps:
//! - events are sent in outbox order, in batches of at most `batch_size`;
//! - an outbox entry is forgotten only with the acknowledgement of the batch that carries it, or of the
//!   batch carrying the event that supersedes it (`Batch::superseded`);
//! - only events whose effect is certain to be covered are left out: an earlier vote on a problem that
//!   has a later vote queued (the server keeps the latest `at`, so the earlier one cannot matter even if
//!   it reached the server before), and a queued comment that is deleted later in the same outbox (the
//!   deletion is still sent, in case the comment itself reached the server and its acknowledgement was
//!   lost);
//! - events the server would refuse (see [`Event::validate`]) are listed apart so one bad entry cannot
//!   block the queue.

use std::collections::{HashMap, HashSet};

use uuid::Uuid;

use super::wire::{Action, Event, Invalid};

pub use crate::community::OutboxEntry;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct SyncPlan {
    pub batches: Vec<Batch>,
    /// Outbox entries the server would refuse, with the reason: drop them, and say so.
    pub invalid: Vec<(Uuid, Invalid)>,
    /// Pull comments changed after this cursor.
    pub comments_since: i64,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Batch {
    pub send: Vec<Event>,
    /// Outbox entries made redundant by an event in `send`; forgotten when `send` is acknowledged.
    pub superseded: Vec<Uuid>,
}

impl SyncPlan {
    pub fn events_to_send(&self) -> usize {
        self.batches.iter().map(|b| b.send.len()).sum()
    }
}

/// What to push (in order, batched) and where to pull from.
pub fn plan(outbox: &[OutboxEntry], comments_since: i64, batch_size: usize) -> SyncPlan {
    let batch_size = batch_size.max(1);
    let mut entries: Vec<&OutboxEntry> = outbox.iter().collect();
    entries.sort_by_key(|e| e.seq);

    let mut invalid = Vec::new();
    let mut valid = Vec::new();
    for e in entries {
        match e.event.validate() {
            Ok(()) => valid.push(&e.event),
            Err(why) => invalid.push((e.event.id, why)),
        }
    }

    // Who supersedes whom: superseded id -> id of the event that makes it redundant.
    let mut superseded_by: HashMap<Uuid, Uuid> = HashMap::new();
    let mut last_vote: HashMap<&str, Uuid> = HashMap::new();
    let mut queued_comments: HashSet<Uuid> = HashSet::new();
    for e in &valid {
        match &e.action {
            Action::Vote { slug, .. } => {
                if let Some(earlier) = last_vote.insert(slug.as_str(), e.id) {
                    superseded_by.insert(earlier, e.id);
                }
            }
            Action::Comment { .. } => {
                queued_comments.insert(e.id);
            }
            Action::Solve { .. } | Action::Review { .. } | Action::Milestone { .. } => {}
            Action::DeleteComment { comment } => {
                if queued_comments.remove(comment) {
                    superseded_by.insert(*comment, e.id);
                }
            }
        }
    }
    // A vote superseded by a vote that is itself superseded: point it at the final one.
    let resolve = |mut id: Uuid| {
        while let Some(next) = superseded_by.get(&id) {
            id = *next;
        }
        id
    };

    let send: Vec<&Event> = valid.iter().copied().filter(|e| !superseded_by.contains_key(&e.id)).collect();
    let mut batches: Vec<Batch> = send
        .chunks(batch_size)
        .map(|chunk| Batch { send: chunk.iter().map(|e| (*e).clone()).collect(), superseded: Vec::new() })
        .collect();
    let batch_of: HashMap<Uuid, usize> =
        batches.iter().enumerate().flat_map(|(i, b)| b.send.iter().map(move |e| (e.id, i))).collect();
    for e in &valid {
        if superseded_by.contains_key(&e.id) {
            if let Some(&i) = batch_of.get(&resolve(e.id)) {
                batches[i].superseded.push(e.id);
            }
        }
    }
    SyncPlan { batches, invalid, comments_since }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::wire::{Tag, Vote, MIN_AT};

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    fn entry(seq: i64, action: Action) -> OutboxEntry {
        OutboxEntry { seq, event: Event { id: id(seq as u128), at: MIN_AT + seq, action } }
    }

    fn vote(seq: i64, slug: &str, vote: Vote) -> OutboxEntry {
        entry(seq, Action::Vote { slug: slug.into(), vote })
    }

    fn comment(seq: i64, slug: &str) -> OutboxEntry {
        entry(seq, Action::Comment { slug: slug.into(), text: "nice".into(), tag: Some(Tag::GoodIntro) })
    }

    fn sent(p: &SyncPlan) -> Vec<Vec<Uuid>> {
        p.batches.iter().map(|b| b.send.iter().map(|e| e.id).collect()).collect()
    }

    #[test]
    fn an_empty_outbox_only_pulls() {
        let p = plan(&[], 42, 100);
        assert!(p.batches.is_empty() && p.invalid.is_empty());
        assert_eq!(p.comments_since, 42);
    }

    #[test]
    fn events_go_in_outbox_order_in_bounded_batches() {
        let outbox: Vec<_> = (1..=5).rev().map(|i| vote(i, &format!("p{i}"), Vote::Up)).collect();
        let p = plan(&outbox, 0, 2);
        assert_eq!(sent(&p), vec![vec![id(1), id(2)], vec![id(3), id(4)], vec![id(5)]]);
        assert_eq!(p.events_to_send(), 5);
    }

    #[test]
    fn only_the_last_vote_per_problem_is_sent_and_it_carries_the_earlier_ones() {
        let outbox = [
            vote(1, "a", Vote::Up),
            vote(2, "b", Vote::Up),
            vote(3, "a", Vote::Down),
            vote(4, "c", Vote::Up),
            vote(5, "a", Vote::Clear),
        ];
        let p = plan(&outbox, 0, 2);
        assert_eq!(sent(&p), vec![vec![id(2), id(4)], vec![id(5)]]);
        assert_eq!(p.batches[1].superseded, vec![id(1), id(3)]);
        assert!(p.batches[0].superseded.is_empty());
    }

    #[test]
    fn a_comment_deleted_before_it_was_sent_is_not_sent_but_its_deletion_is() {
        let outbox = [
            comment(1, "a"),
            comment(2, "a"),
            entry(3, Action::DeleteComment { comment: id(1) }),
            entry(4, Action::DeleteComment { comment: id(99) }),
        ];
        let p = plan(&outbox, 0, 10);
        assert_eq!(sent(&p), vec![vec![id(2), id(3), id(4)]]);
        assert_eq!(p.batches[0].superseded, vec![id(1)]);
    }

    #[test]
    fn invalid_entries_are_set_apart() {
        let mut bad = vote(2, "Not A Slug", Vote::Up);
        bad.event.id = id(2);
        let p = plan(&[vote(1, "a", Vote::Up), bad, comment(3, "b")], 0, 10);
        assert_eq!(sent(&p), vec![vec![id(1), id(3)]]);
        assert_eq!(p.invalid.len(), 1);
        assert_eq!(p.invalid[0].0, id(2));
    }

    #[test]
    fn every_outbox_entry_is_sent_superseded_or_invalid_exactly_once() {
        let outbox: Vec<_> = (1..=40)
            .map(|i| match i % 4 {
                0 => vote(i, ["a", "b", "c"][(i % 3) as usize], Vote::Up),
                1 => comment(i, "a"),
                2 => entry(i, Action::DeleteComment { comment: id((i - 1) as u128) }),
                _ => vote(i, "Bad", Vote::Down),
            })
            .collect();
        let p = plan(&outbox, 0, 7);
        let mut seen: Vec<Uuid> = p.batches.iter().flat_map(|b| b.send.iter().map(|e| e.id)).collect();
        seen.extend(p.batches.iter().flat_map(|b| b.superseded.iter().copied()));
        seen.extend(p.invalid.iter().map(|(i, _)| *i));
        seen.sort();
        let mut all: Vec<Uuid> = outbox.iter().map(|e| e.event.id).collect();
        all.sort();
        assert_eq!(seen, all);
    }
}
