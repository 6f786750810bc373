use std::sync::LazyLock;

use super::*;
use crate::analysis::FindingKind;
use crate::learner::weakness::mask_bit;
use crate::store::temp_store;

const T0: i64 = 1_700_000_000_000;
const HOUR: i64 = 3_600_000;

static WORLD: LazyLock<(Vec<ProblemInfo>, Progression)> = LazyLock::new(|| {
    let bank = crate::problems::Bank::load(&[]);
    (ProblemInfo::from_bank(&bank), crate::knowledge::progression().expect("progression"))
});

fn sync(s: &Store) -> Vec<Milestone> {
    s.sync_milestones(&WORLD.0, &WORLD.1, 0, T0 + 1000 * HOUR).unwrap()
}

fn ids(ms: &[Milestone]) -> Vec<&str> {
    ms.iter().map(|m| m.id.as_str()).collect()
}

/// A history of a few weeks: easy, medium and hard solves, failures with cards reviewed on later days,
/// off-by-one twice then fixed, an internal error and a repeat.
fn history() -> Vec<(&'static str, &'static str, i64, u32)> {
    let obo = mask_bit(FindingKind::OffByOne);
    let mut h = vec![
        ("two-sum", "wrong_answer", T0, 0),
        ("binary-search", "wrong_answer", T0 + HOUR, obo),
        ("binary-search", "accepted", T0 + 2 * HOUR, obo),
        ("valid-anagram", "internal_error", T0 + 3 * HOUR, 0),
        ("contains-duplicate", "wrong_answer", T0 + 4 * HOUR, 0),
        ("3sum", "wrong_answer", T0 + 5 * HOUR, 0),
        ("trapping-rain-water", "accepted", T0 + 6 * HOUR, 0),
    ];
    // Due reviews on days 10, 11 and 12, then solves of problems that exercise off-by-one.
    for (i, slug) in ["two-sum", "contains-duplicate", "3sum"].iter().enumerate() {
        h.push((slug, "accepted", T0 + (10 + i as i64) * 24 * HOUR, 0));
    }
    for (i, slug) in
        ["find-minimum-in-rotated-sorted-array", "search-a-2d-matrix", "koko-eating-bananas", "valid-palindrome"]
            .iter()
            .enumerate()
    {
        h.push((slug, "accepted", T0 + 13 * 24 * HOUR + i as i64 * HOUR, 0));
    }
    h
}

#[test]
fn milestones_are_awarded_once_and_shown_once() {
    let (_d, s) = temp_store();
    assert!(sync(&s).is_empty(), "nothing yet");
    s.insert_submission_at("two-sum", "accepted", T0, 0);
    let new = sync(&s);
    assert!(ids(&new).contains(&"first_accepted:easy"), "{new:?}");
    assert_eq!(new[0].earned_ms, T0);
    let stored = s.milestones().unwrap();
    assert_eq!(sync(&s), new, "not shown yet: still waiting");
    assert_eq!(s.milestones().unwrap(), stored, "a second identical computation adds nothing");
    s.mark_milestones_shown(&new.iter().map(|m| m.id.clone()).collect::<Vec<_>>()).unwrap();
    assert!(sync(&s).is_empty());
    // A second easy solve earns nothing new; the first medium does.
    s.insert_submission_at("contains-duplicate", "accepted", T0 + HOUR, 0);
    assert!(sync(&s).is_empty());
    s.insert_submission_at("3sum", "accepted", T0 + 2 * HOUR, 0);
    assert_eq!(ids(&sync(&s)), ["first_accepted:medium"]);
    assert_eq!(s.milestones().unwrap()[0].id, "first_accepted:medium", "newest first");
}

#[test]
fn an_old_history_is_rebuilt_with_the_same_milestones_and_times_as_awarded_one_by_one() {
    // One by one: a sync after every submission, as `codify submit` and the TUI do.
    let (_d, live) = temp_store();
    for (p, v, at, mask) in history() {
        live.insert_submission_at(p, v, at, mask);
        sync(&live);
    }
    let awarded = live.milestones().unwrap();
    for id in ["first_accepted:easy", "first_accepted:hard", "review_streak:3"] {
        assert!(ids(&awarded).contains(&id), "{id} in {awarded:#?}");
    }
    assert_eq!(live.unshown_milestones().unwrap().len(), awarded.len(), "each was news when earned");

    // A database from before milestones (schema 10) with the same history, opened by this version.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("codify.db");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        crate::store::migrations().to_version(&mut conn, 10).unwrap();
        for (p, v, at, mask) in history() {
            conn.execute(
                "INSERT INTO submissions (problem, code, verdict, passed, total, runtime_ms, cases_json, created_at,
                                          local_minute, finding_mask)
                 VALUES (?1, 'x', ?2, 0, 1, 1.0, '[]', ?3, 0, ?4)",
                params![p, v, at, mask],
            )
            .unwrap();
        }
    }
    let old = Store::open(&path).unwrap();
    assert!(old.milestones().unwrap().is_empty());
    assert!(sync(&old).is_empty(), "the past is filed, not announced");
    assert_eq!(old.milestones().unwrap(), awarded, "the same set at the same times");
}

#[test]
fn new_rules_rebuild_the_table_and_keep_what_was_shown() {
    let (_d, s) = temp_store();
    for (p, v, at, mask) in history() {
        s.insert_submission_at(p, v, at, mask);
    }
    let all = sync(&s);
    s.mark_milestones_shown(&[all[0].id.clone()]).unwrap();
    let right = s.milestones().unwrap();
    // As an older version of the rules might have left it: a wrong time, an id no rule earns now.
    s.conn.execute("UPDATE milestones SET earned_at = 1 WHERE id = ?1", [&all[1].id]).unwrap();
    s.conn.execute("INSERT INTO milestones VALUES ('gone', 5, 'Gone', 'old rule', 0)", []).unwrap();
    assert_eq!(s.milestones().unwrap().len(), right.len() + 1);
    sync(&s);
    assert_eq!(s.milestones().unwrap().len(), right.len() + 1, "same rules: stored rows are left alone");
    s.conn.execute("UPDATE milestones_state SET rules = 0", []).unwrap();
    let unshown = sync(&s);
    assert_eq!(s.milestones().unwrap(), right);
    assert!(!ids(&unshown).contains(&all[0].id.as_str()), "shown stays shown");
    assert_eq!(unshown.len(), all.len() - 1);
}

#[test]
fn an_interview_earns_through_the_store() {
    use crate::learner::interview::{Outcome, Session, TopicReadiness};
    let (_d, s) = temp_store();
    let session = Session {
        slug: "two-sum".into(),
        topics: vec!["arrays".into()],
        difficulty: crate::problems::Difficulty::Easy,
        started_ms: T0,
        duration_ms: 45 * 60_000,
        hint_limit: 1,
    };
    let out = Outcome { accepted: true, passed: 5, total: 5, hints_used: 0, elapsed_ms: 600_000 };
    let r = vec![TopicReadiness { topic: "arrays".into(), score: 0.8 }];
    s.record_interview(None, &session, &out, &r).unwrap();
    let new = sync(&s);
    assert_eq!(ids(&new), ["clean_interview", "topic_mastered:arrays"]);
    assert_eq!(new[1].title, "Arrays mastered");
}

#[test]
fn an_import_rebuilds_the_same_milestones_and_announces_none() {
    let (_d, from) = temp_store();
    for (p, v, at, mask) in history() {
        from.insert_submission_at(p, v, at, mask);
    }
    assert!(!sync(&from).is_empty());
    let doc = serde_json::to_value(from.export(T0).unwrap()).unwrap();
    let (_e, to) = temp_store();
    to.import(&doc, false).unwrap();
    assert!(sync(&to).is_empty(), "imported history is the past");
    assert_eq!(to.milestones().unwrap(), from.milestones().unwrap());
}
