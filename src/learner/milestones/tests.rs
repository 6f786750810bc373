//! One test per rule (earned exactly when the rule says, not before), that submissions which do not count
//! earn nothing, and that a history's prefixes earn the same milestones at the same times as the whole.

use super::*;
use crate::complexity::Complexity;
use crate::learner::weakness::mask_bit;

const T0: i64 = 1_700_000_000_000 - 1_700_000_000_000 % DAY_MS + DAY_MS / 2; // noon UTC
const OFF_BY_ONE: FindingKind = FindingKind::OffByOne;

fn problem(slug: &str, difficulty: Difficulty, lists: &[&str], exercises: u32) -> ProblemInfo {
    ProblemInfo {
        slug: slug.into(),
        title: slug.to_uppercase(),
        difficulty,
        topic: "arrays".into(),
        lists: lists.iter().map(|l| l.to_string()).collect(),
        tags: vec![],
        optimal_time: Complexity::Linear,
        exercises,
    }
}

/// b1..b8 are the "blind-75" (8 problems: quarters at 2, 4, 6, 8); every problem exercises off-by-one
/// except `plain`.
fn catalog() -> Vec<ProblemInfo> {
    let obo = mask_bit(OFF_BY_ONE);
    let mut c: Vec<ProblemInfo> = (1..=8)
        .map(|i| {
            let d = if i <= 4 { Difficulty::Easy } else { Difficulty::Medium };
            problem(&format!("b{i}"), d, &["blind-75", "neetcode-150"], obo)
        })
        .collect();
    c.push(problem("hard1", Difficulty::Hard, &["neetcode-150"], obo));
    c.push(problem("plain", Difficulty::Easy, &[], 0));
    c
}

fn progression() -> Progression {
    Progression {
        topics: vec![],
        renamed: [("dynamic-programming".to_string(), vec!["dp-1d".to_string(), "dp-2d".to_string()])]
            .into_iter()
            .collect(),
    }
}

fn sub(problem: &str, verdict: &str, at: i64) -> SubmissionEvent {
    SubmissionEvent {
        problem: problem.into(),
        verdict: verdict.into(),
        created_at_ms: at,
        finding_mask: 0,
        hints_used: 0,
        repeat: false,
    }
}

fn ok(problem: &str, at: i64) -> SubmissionEvent {
    sub(problem, "accepted", at)
}

fn showing(mut s: SubmissionEvent, kind: FindingKind) -> SubmissionEvent {
    s.finding_mask |= mask_bit(kind);
    s
}

fn run(subs: &[SubmissionEvent], interviews: &[InterviewEvent]) -> Evaluation {
    let (catalog, progression) = (catalog(), progression());
    let inputs =
        Inputs { catalog: &catalog, progression: &progression, submissions: subs, interviews, utc_offset_s: 0 };
    let last = subs.iter().map(|s| s.created_at_ms).chain(interviews.iter().map(|i| i.created_ms)).max();
    evaluate(&inputs, last.unwrap_or(T0))
}

fn when(e: &Evaluation, id: &str) -> Option<i64> {
    e.earned.iter().find(|m| m.id == id).map(|m| m.earned_ms)
}

#[test]
fn the_first_accepted_submission_of_each_difficulty() {
    let mut subs = vec![sub("b1", "wrong_answer", T0), sub("b1", "internal_error", T0 + 1)];
    let mut repeat = ok("b1", T0 + 2);
    repeat.repeat = true;
    subs.push(repeat);
    assert!(run(&subs, &[]).earned.is_empty(), "a failure, an internal error and a repeat earn nothing");
    subs.push(ok("b1", T0 + 3));
    let e = run(&subs, &[]);
    assert_eq!(when(&e, "first_accepted:easy"), Some(T0 + 3));
    assert_eq!(when(&e, "first_accepted:medium"), None);
    let m = e.earned.iter().find(|m| m.id == "first_accepted:easy").unwrap();
    assert_eq!(
        (m.title.as_str(), m.why.as_str()),
        ("First easy problem solved", "B1 accepted: your first easy problem")
    );
    subs.push(ok("b2", T0 + 4));
    subs.push(ok("b5", T0 + 5));
    let e = run(&subs, &[]);
    assert_eq!(when(&e, "first_accepted:easy"), Some(T0 + 3), "awarded once, at the first");
    assert_eq!(when(&e, "first_accepted:medium"), Some(T0 + 5));
}

#[test]
fn list_quarters_count_distinct_problems_and_round_up() {
    assert_eq!((quarter_need(75, 1), quarter_need(75, 2), quarter_need(75, 4)), (19, 38, 75));
    assert_eq!(quarter_need(150, 1), 38);
    let mut subs = vec![ok("b1", T0), ok("b1", T0 + 1), sub("b2", "wrong_answer", T0 + 2)];
    let e = run(&subs, &[]);
    assert_eq!(when(&e, "list:blind-75:25"), None, "one problem solved twice is one of two");
    assert_eq!(
        e.next.iter().find(|u| u.id == "list:blind-75:25").unwrap().detail,
        "Blind 75: 1 of 2 for the first quarter"
    );
    subs.push(ok("b2", T0 + 3));
    let e = run(&subs, &[]);
    assert_eq!(when(&e, "list:blind-75:25"), Some(T0 + 3));
    assert_eq!(when(&e, "list:blind-75:50"), None);
    for (i, slug) in ["b3", "b4", "b5", "b6", "b7", "b8"].iter().enumerate() {
        subs.push(ok(slug, T0 + 10 + i as i64));
    }
    let e = run(&subs, &[]);
    assert_eq!(when(&e, "list:blind-75:50"), Some(T0 + 11));
    assert_eq!(when(&e, "list:blind-75:75"), Some(T0 + 13));
    assert_eq!(when(&e, "list:blind-75:100"), Some(T0 + 15));
    assert_eq!(e.earned.iter().find(|m| m.id == "list:blind-75:100").unwrap().title, "Blind 75: complete");
    // The NeetCode 150 here has 9 problems: its first quarter is 3 (b3), its half 5 (b5).
    assert_eq!(when(&e, "list:neetcode-150:25"), Some(T0 + 10));
    assert_eq!(when(&e, "list:neetcode-150:50"), Some(T0 + 12));
    assert_eq!(when(&e, "list:neetcode-150:100"), None, "hard1 is not solved");
}

#[test]
fn a_pattern_is_overcome_after_enough_clean_solves_that_exercise_it_once_it_was_a_weakness() {
    let id = "pattern_overcome:off_by_one";
    let t = |i: i64| T0 + i * 60_000;
    // Seen once: not a measured weakness, however many clean solves follow.
    let mut subs = vec![showing(sub("b1", "wrong_answer", t(0)), OFF_BY_ONE)];
    subs.extend((1..=10).map(|i| ok("b2", t(i))));
    assert_eq!(when(&run(&subs, &[]), id), None);

    // Seen twice; then solves that do not count towards it: a problem that does not exercise it, failures,
    // and an occurrence that starts the count again.
    let mut subs = vec![showing(sub("b1", "wrong_answer", t(0)), OFF_BY_ONE), showing(ok("b2", t(1)), OFF_BY_ONE)];
    subs.extend((2..=6).map(|i| ok("b3", t(i))));
    subs.push(showing(ok("b4", t(7)), OFF_BY_ONE));
    subs.extend((8..=14).map(|i| ok("b5", t(i))));
    subs.push(ok("plain", t(15)));
    subs.push(sub("b6", "wrong_answer", t(16)));
    let e = run(&subs, &[]);
    assert_eq!(when(&e, id), None, "seven clean solves since the last occurrence");
    let next = e.next.iter().find(|u| u.id == id).expect("listed as next");
    assert_eq!((next.have, next.need), (7, OVERCOME_CLEAN_SOLVES));
    subs.push(ok("b6", t(17)));
    let e = run(&subs, &[]);
    assert_eq!(when(&e, id), Some(t(17)));
    let m = e.earned.iter().find(|m| m.id == id).unwrap();
    assert_eq!(m.title, "Off by one overcome");
    assert!(m.why.starts_with("seen in 3 submissions, then absent from 8"), "{}", m.why);
    // A problem that showed the pattern exercises it from then on, whatever the bank says.
    let mut subs = vec![showing(sub("plain", "wrong_answer", t(0)), OFF_BY_ONE), showing(ok("b1", t(1)), OFF_BY_ONE)];
    subs.extend((2..=9).map(|i| ok("plain", t(i))));
    assert_eq!(when(&run(&subs, &[]), id), Some(t(9)));
}

#[test]
fn a_review_streak_is_consecutive_local_days_with_a_due_review() {
    let day = |d: i64| T0 + d * DAY_MS;
    // Five failed problems on day 0: five cards, all due well before day 20.
    let mut subs: Vec<SubmissionEvent> = (1..=5).map(|i| sub(&format!("b{i}"), "wrong_answer", day(0))).collect();
    subs.push(ok("b1", day(20)));
    subs.push(ok("b2", day(21)));
    // A new problem is not a review: day 22 has none, and the run starts again.
    subs.push(ok("b6", day(22)));
    subs.push(ok("b3", day(23)));
    subs.push(ok("b4", day(24)));
    let e = run(&subs, &[]);
    assert_eq!(when(&e, "review_streak:3"), None, "two days, a gap, two days");
    subs.push(ok("b5", day(25) + 3_600_000));
    let e = run(&subs, &[]);
    assert_eq!(when(&e, "review_streak:3"), Some(day(25) + 3_600_000));
    assert_eq!(when(&e, "review_streak:7"), None);
    let next = e.next.iter().find(|u| u.id == "review_streak:7").expect("the next streak");
    assert_eq!((next.have, next.need), (3, 7));
    // A day without a review (b6 has no card: it was solved cleanly) ends the current streak.
    subs.push(ok("b6", day(27)));
    assert_eq!(run(&subs, &[]).next.iter().find(|u| u.id == "review_streak:7").map(|u| u.have), Some(0));
}

fn interview(at: i64, accepted: bool, hints: u32, minutes: i64, readiness: &[(&str, f64)]) -> InterviewEvent {
    InterviewEvent {
        created_ms: at,
        session: Session {
            slug: "b5".into(),
            topics: readiness.iter().map(|(t, _)| t.to_string()).collect(),
            difficulty: Difficulty::Medium,
            started_ms: at - minutes * 60_000,
            duration_ms: 45 * 60_000,
            hint_limit: 1,
        },
        outcome: Outcome { accepted, passed: 3, total: 5, hints_used: hints, elapsed_ms: minutes * 60_000 },
        readiness: readiness.iter().map(|(t, s)| TopicReadiness { topic: t.to_string(), score: *s }).collect(),
    }
}

#[test]
fn a_topic_is_mastered_when_its_blended_readiness_reaches_the_strong_line() {
    let first = interview(T0, false, 0, 45, &[("arrays", 0.6), ("dynamic-programming", 0.9)]);
    let e = run(&[], std::slice::from_ref(&first));
    assert_eq!(when(&e, "topic_mastered:arrays"), None, "0.6 is below 0.7");
    // An old record's renamed topic counts for the topics it became.
    assert_eq!(when(&e, "topic_mastered:dp-1d"), Some(T0));
    assert_eq!(when(&e, "topic_mastered:dp-2d"), Some(T0));
    let second = interview(T0 + 1000, false, 0, 45, &[("arrays", 0.8)]);
    let e = run(&[], &[first.clone(), second]);
    assert_eq!(when(&e, "topic_mastered:arrays"), Some(T0 + 1000), "0.5 · 0.6 + 0.5 · 0.8 = 0.7");
    let m = e.earned.iter().find(|m| m.id == "topic_mastered:arrays").unwrap();
    assert_eq!(m.why, "interview readiness 70% after 2 sessions, at or above the strong line (70%)");
    let low = interview(T0 + 1000, false, 0, 45, &[("arrays", 0.7)]);
    assert_eq!(when(&run(&[], &[first, low]), "topic_mastered:arrays"), None, "0.65");
}

#[test]
fn a_clean_interview_is_accepted_in_time_without_hints() {
    let hinted = interview(T0, true, 1, 20, &[]);
    let late = interview(T0 + 1, true, 0, 46, &[]);
    let failed = interview(T0 + 2, false, 0, 20, &[]);
    assert!(run(&[], &[hinted.clone(), late.clone(), failed.clone()]).earned.is_empty());
    let clean = interview(T0 + 3, true, 0, 20, &[]);
    let e = run(&[], &[hinted, late, failed, clean.clone(), interview(T0 + 4, true, 0, 10, &[])]);
    assert_eq!(when(&e, "clean_interview"), Some(T0 + 3), "once, at the first");
    assert_eq!(e.earned[0].why, "B5 solved in 20 of 45 minutes with no hints");
}

/// A history with a bit of everything, in time order.
fn mixed() -> (Vec<SubmissionEvent>, Vec<InterviewEvent>) {
    let mut subs = Vec::new();
    for i in 0..120i64 {
        let slug = ["b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "hard1", "plain"][(i * 7 % 10) as usize];
        let verdict = ["accepted", "wrong_answer", "accepted", "internal_error"][(i % 4) as usize];
        let mut s = sub(slug, verdict, T0 + i * DAY_MS / 3);
        if i % 9 == 0 {
            s.finding_mask = mask_bit(OFF_BY_ONE);
        }
        s.repeat = i % 11 == 5;
        subs.push(s);
    }
    let ivs = vec![
        interview(T0 + 5 * DAY_MS, true, 1, 30, &[("arrays", 0.5)]),
        interview(T0 + 15 * DAY_MS, true, 0, 12, &[("arrays", 1.0)]),
    ];
    (subs, ivs)
}

#[test]
fn every_prefix_of_a_history_earns_what_the_whole_earned_by_then_at_the_same_times() {
    let (subs, ivs) = mixed();
    let whole = run(&subs, &ivs);
    assert!(whole.earned.len() >= 8, "{:#?}", whole.earned);
    for cut in [0, 1, 17, 60, 119] {
        let upto = subs[cut].created_at_ms;
        let ivs: Vec<InterviewEvent> = ivs.iter().filter(|i| i.created_ms <= upto).cloned().collect();
        let part = run(&subs[..=cut], &ivs);
        let expected: Vec<&Milestone> = whole.earned.iter().filter(|m| m.earned_ms <= upto).collect();
        assert_eq!(part.earned.iter().collect::<Vec<_>>(), expected, "cut at {cut}");
    }
}

#[test]
fn submissions_that_do_not_count_earn_nothing() {
    let (mut subs, _) = mixed();
    for s in &mut subs {
        if s.verdict == "accepted" {
            s.repeat = true;
        } else {
            s.verdict = "internal_error".into();
        }
    }
    assert!(run(&subs, &[]).earned.is_empty());
}

#[test]
fn the_next_few_are_the_furthest_along_and_an_empty_history_has_some() {
    let e = run(&[], &[]);
    assert!(e.earned.is_empty());
    assert_eq!(e.next.len(), NEXT_SHOWN);
    assert!(e.next.iter().all(|u| u.have < u.need));
    let e = run(&[ok("b1", T0)], &[]);
    assert_eq!(e.next[0].id, "list:blind-75:25", "half way: {:?}", e.next);
}
