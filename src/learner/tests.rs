//! The learner model over a real store and the real bank: the cases of issue 15 ("a learner model that
//! does not forget"), each as the learner would meet it.

use crate::analysis::FindingKind::{self, InefficientLoop, SuboptimalComplexity};
use crate::learner::facts::WEAK_MASTERY;
use crate::learner::weakness::mask_bit;
use crate::learner::{Dashboard, Snapshot};
use crate::problems::Bank;
use crate::store::Store;

const T0: i64 = 1_760_000_000_000;
const HOUR: i64 = 3_600_000;

fn bank() -> &'static Bank {
    static B: std::sync::OnceLock<Bank> = std::sync::OnceLock::new();
    B.get_or_init(|| Bank::load(&[]))
}

fn snapshot(store: &Store) -> Snapshot {
    Snapshot::load(store, bank(), T0 + 1000 * HOUR).unwrap()
}

fn mastery(snap: &Snapshot, kind: FindingKind) -> Option<f64> {
    snap.weakness.patterns.iter().find(|p| p.kind == kind).and_then(|p| p.mastery)
}

/// Six medium problems whose first submissions time out.
const TIMED_OUT: [&str; 6] = [
    "3sum",
    "longest-consecutive-sequence",
    "container-with-most-water",
    "top-k-frequent-elements",
    "group-anagrams",
    "maximum-subarray",
];

/// Six medium problems that time out, one of them with an inefficient loop, then four easy solves.
fn six_timeouts_then_four_easy_solves(store: &Store) {
    let slow = mask_bit(SuboptimalComplexity);
    for (i, p) in TIMED_OUT.iter().enumerate() {
        let mask = if i == 5 { slow | mask_bit(InefficientLoop) } else { slow };
        store.insert_submission_at(p, "time_limit_exceeded", T0 + i as i64 * HOUR, mask);
    }
    for (i, p) in ["two-sum", "contains-duplicate", "valid-anagram", "missing-number"].iter().enumerate() {
        store.insert_submission_at(p, "accepted", T0 + (10 + i as i64) * HOUR, 0);
    }
}

#[test]
fn easy_solves_that_do_not_exercise_a_pattern_leave_its_mastery_alone() {
    let (_dir, store) = crate::store::temp_store();
    six_timeouts_then_four_easy_solves(&store);
    let snap = snapshot(&store);
    // Hash-map, counting and math problems have no running value to keep: nothing about inefficient loops.
    assert_eq!(mastery(&snap, InefficientLoop), Some(0.3), "{:?}", snap.weakness.patterns);
    let dash = Dashboard::build(&snap);
    assert_ne!(dash.mastery.iter().find(|m| m.kind == InefficientLoop).unwrap().label, "green");
    // Six problems still time out: suboptimal complexity stays a weakness, whatever was solved meanwhile.
    let slow = mastery(&snap, SuboptimalComplexity).unwrap();
    assert!(slow < WEAK_MASTERY, "{slow}");
    assert!(snap.needs.patterns.iter().any(|p| p.kind == SuboptimalComplexity), "{:?}", snap.needs.patterns);
}

#[test]
fn a_solve_of_a_problem_that_exercises_the_pattern_moves_it() {
    let (_dir, store) = crate::store::temp_store();
    six_timeouts_then_four_easy_solves(&store);
    // best-time keeps a running minimum: the inefficient-loop shape it trains.
    store.insert_submission_at("best-time-to-buy-and-sell-stock", "accepted", T0 + 20 * HOUR, 0);
    let m = mastery(&snapshot(&store), InefficientLoop).unwrap();
    assert!(m > 0.3, "{m}");
    // Solving the timed-out problems at the optimal complexity lifts suboptimal complexity off the list.
    for (i, p) in TIMED_OUT.iter().enumerate() {
        store.insert_submission_at(p, "accepted", T0 + (30 + i as i64) * HOUR, 0);
    }
    let snap = snapshot(&store);
    let before = mastery(&snap, SuboptimalComplexity).unwrap();
    assert!(before > 0.5, "{before}");
}

#[test]
fn the_bank_maps_problems_to_the_patterns_they_exercise() {
    use crate::analysis::FindingKind::*;
    use crate::learner::exercise::kinds;
    use crate::learner::facts::ProblemInfo;
    let catalog = ProblemInfo::from_bank(bank());
    let of = |slug: &str| kinds(catalog.iter().find(|p| p.slug == slug).unwrap().exercises);
    assert_eq!(of("two-sum"), [MissingEdgeCase, SuboptimalComplexity, WrongDataStructure, MissingValidation]);
    assert!(of("best-time-to-buy-and-sell-stock").contains(&InefficientLoop));
    assert!(of("binary-search").contains(&OffByOne));
    assert!(of("valid-parentheses").contains(&MissingValidation));
    assert!(!of("subsets").contains(&SuboptimalComplexity), "nothing is slower than O(2^n) to time out");
    for kind in FindingKind::ALL {
        let n = catalog.iter().filter(|p| kinds(p.exercises).contains(&kind)).count();
        eprintln!("{kind}: {n} of {}", catalog.len());
        assert!(n >= 10 && n < catalog.len(), "{kind} is exercised by {n} problems");
    }
}

#[test]
fn the_quick_edge_reading_agrees_with_the_tests() {
    for p in bank().all().iter().step_by(7) {
        let mut full: Vec<crate::problems::Edge> = p.tests().unwrap().iter().filter_map(|t| t.edge).collect();
        full.sort_by_key(|e| e.as_str());
        full.dedup();
        assert_eq!(p.edges(), full, "{}", p.slug);
    }
}

// ---- submissions that do not count ----

/// A report with no cases (the store keeps whatever the judge said; the learner model reads the verdict).
fn report(problem: &str, verdict: crate::judge::Verdict) -> crate::judge::Report {
    let accepted = verdict == crate::judge::Verdict::Accepted;
    crate::judge::Report {
        problem: problem.into(),
        verdict,
        passed: if accepted { 3 } else { 1 },
        total: 3,
        runtime_ms: 1.0,
        cases: vec![],
        message: None,
        compile_error: None,
        sandbox: vec![],
    }
}

/// An analysis that estimates `time` and shows `kinds` at confidence 0.9.
fn analysis(time: &str, kinds: &[FindingKind]) -> crate::analysis::Analysis {
    let findings: Vec<serde_json::Value> = kinds
        .iter()
        .map(|k| {
            serde_json::json!({"kind": k, "confidence": 0.9, "line": 3, "message": "m", "evidence": "static",
                               "suggestion": "s", "note": k.note()})
        })
        .collect();
    serde_json::from_value(serde_json::json!({"time_complexity": time, "space_complexity": "O(1)",
        "time_reason": "", "space_reason": "", "findings": findings, "syntax_error": null}))
    .unwrap()
}

/// Stores a submission the way `codify submit` and the TUI do; returns the card the problem then has.
fn submit(
    store: &Store,
    problem: &str,
    code: &str,
    verdict: crate::judge::Verdict,
    analysis: &crate::analysis::Analysis,
) -> Option<crate::learner::review::ReviewCard> {
    let report = report(problem, verdict);
    let sub = crate::store::NewSubmission { code, report: &report, analysis: Some(analysis), hints_used: 0 };
    store.record_submission(&sub, T0).unwrap();
    store.review_card(problem).unwrap()
}

const A: &str = "class Solution:\n    def twoSum(self, nums, target):\n        return [0, 0]\n";
const B: &str = "class Solution:\n    def twoSum(self, nums, target):\n        return [0, 1]\n";

#[test]
fn resubmitting_identical_code_counts_for_nothing() {
    use crate::judge::Verdict::{Accepted, WrongAnswer};
    let (_dir, store) = crate::store::temp_store();
    let off = analysis("O(n)", &[FindingKind::OffByOne]);
    let card = submit(&store, "two-sum", A, WrongAnswer, &off).expect("a failure makes a card");
    assert_eq!(submit(&store, "two-sum", A, WrongAnswer, &off), Some(card.clone()), "the same file again");
    let snap = snapshot(&store);
    let rec = snap.history.get("two-sum").unwrap();
    assert_eq!((snap.weakness.submissions, rec.attempts), (1, 1));
    let freq = |s: &Snapshot| s.weakness.patterns.iter().find(|p| p.kind == FindingKind::OffByOne).unwrap().frequency;
    assert_eq!(freq(&snap), 1, "not a second occurrence");
    // New code counts; going back to the first file does not.
    let solved = submit(&store, "two-sum", B, Accepted, &analysis("O(n)", &[])).unwrap();
    assert_eq!(solved.reps, card.reps + 1);
    assert_eq!(submit(&store, "two-sum", A, WrongAnswer, &off), Some(solved));
    let snap = snapshot(&store);
    let rec = snap.history.get("two-sum").unwrap();
    assert_eq!((rec.attempts, rec.accepted, rec.last_failed, freq(&snap)), (2, 1, false, 1));
    // Nothing is lost: every submission is stored.
    assert_eq!(store.submission_count().unwrap(), 4);
    assert_eq!(store.progress().unwrap()["two-sum"].attempts, 2);
}

#[test]
fn an_internal_error_counts_for_nothing_and_the_same_code_judged_again_counts() {
    use crate::judge::Verdict::{Accepted, InternalError};
    let (_dir, store) = crate::store::temp_store();
    let slow = analysis("O(n^2)", &[SuboptimalComplexity]);
    assert_eq!(submit(&store, "two-sum", A, InternalError, &slow), None, "not a review");
    let snap = snapshot(&store);
    assert!(snap.history.get("two-sum").is_none(), "not an attempt");
    assert_eq!((snap.weakness.submissions, mastery(&snap, SuboptimalComplexity)), (0, None), "not an occurrence");
    assert!(!store.progress().unwrap().contains_key("two-sum"), "the problem is still new");
    // The judge works again: the same file is judged for real, and counts.
    submit(&store, "two-sum", A, Accepted, &analysis("O(n)", &[]));
    let rec = snapshot(&store).history.get("two-sum").cloned().unwrap();
    assert_eq!((rec.attempts, rec.accepted, rec.clean_first), (1, 1, true));
}

#[test]
fn the_same_file_judged_differently_counts() {
    use crate::judge::Verdict::{Accepted, TimeLimitExceeded};
    let (_dir, store) = crate::store::temp_store();
    let fine = analysis("O(n)", &[]);
    submit(&store, "two-sum", A, TimeLimitExceeded, &fine);
    // A time-out that passes on a quieter machine: a new result for the same code.
    submit(&store, "two-sum", A, Accepted, &fine);
    submit(&store, "two-sum", A, Accepted, &fine);
    let rec = snapshot(&store).history.get("two-sum").cloned().unwrap();
    assert_eq!((rec.attempts, rec.accepted), (2, 1));
}

// ---- solved, not optimal ----

#[test]
fn an_accepted_but_slower_than_optimal_solve_is_solved_not_optimal() {
    use crate::judge::Verdict::Accepted;
    use crate::learner::intake::{Intake, Level};
    use crate::learner::plan::ItemKind;
    let (_dir, store) = crate::store::temp_store();
    // Two nested loops on two-sum (optimal O(n)): accepted on the first try, with no hint.
    let card = submit(&store, "two-sum", A, Accepted, &analysis("O(n^2)", &[SuboptimalComplexity]))
        .expect("a review card, as for a solve that needed help");
    assert_eq!(card.last_grade, crate::learner::review::Grade::Hard);
    let snap = snapshot(&store);
    let rec = snap.history.get("two-sum").unwrap();
    assert!(rec.solved() && !rec.clean_first, "no clean first-try credit: {rec:?}");
    let topic = snap.weakness.topics.iter().find(|t| t.topic == "hash-maps").unwrap();
    assert_eq!((topic.solved, topic.not_optimal, topic.first_try), (1, 1, 0.0), "{topic:?}");
    // A learner who rates hash maps 5/5 keeps the topic in a new plan, and is told why.
    let mut intake = Intake::new(Level::Intermediate, 4, 6.0);
    intake.confidence.insert("hash-maps".into(), 5);
    let plan = crate::learner::plan_offline(&snap.plan_inputs(&intake));
    assert!(!plan.skipped.iter().any(|s| s.starts_with("hash-maps")), "{:?}", plan.skipped);
    let item = plan.items().map(|(_, _, p)| p).find(|p| p.slug == "two-sum").expect("two-sum comes back");
    assert_eq!(item.kind, ItemKind::Review);
    assert!(item.reason.contains("not optimal") && item.reason.contains("O(n)"), "{}", item.reason);
    let why = snap.needs.why.get("hash-maps").cloned().unwrap_or_default();
    assert!(why.contains("not optimal"), "{why}");
}

// ---- what next, plan days, rehearsals ----

/// A learner weak in arrays (confidence 1), with two failed problems, a slow solve and a clean one.
fn practised_store() -> (tempfile::TempDir, Store) {
    use crate::learner::intake::{Intake, Level};
    let (dir, store) = crate::store::temp_store();
    let mut intake = Intake::new(Level::Intermediate, 4, 6.0);
    intake.confidence.insert("arrays".into(), 1);
    store.create_profile("me", &intake, &intake.embedding()).unwrap();
    let slow = mask_bit(SuboptimalComplexity);
    store.insert_submission_at("3sum", "wrong_answer", T0, 0);
    store.insert_submission_at("product-of-array-except-self", "wrong_answer", T0 + HOUR, 0);
    store.insert_submission_at("contains-duplicate", "accepted", T0 + 2 * HOUR, slow);
    store.insert_submission_at("two-sum", "accepted", T0 + 3 * HOUR, 0);
    (dir, store)
}

#[test]
fn every_next_item_has_its_own_reason() {
    let (_dir, store) = practised_store();
    let snap = snapshot(&store);
    let queue = crate::learner::queue(&snap.next_inputs(), snap.now_ms);
    assert!(queue.len() > 100);
    let mut seen = std::collections::HashSet::new();
    for item in &queue {
        assert!(seen.insert(item.reason.as_str()), "{} repeats the reason `{}`", item.slug, item.reason);
    }
    // The reason starts with what is true of the problem itself.
    let of = |slug: &str| queue.iter().find(|i| i.slug == slug).unwrap().reason.clone();
    assert!(of("3sum").starts_with("1 failed attempt (wrong answer)"), "{}", of("3sum"));
    assert!(of("missing-number").starts_with("new:"), "{}", of("missing-number"));
    let firsts: std::collections::HashSet<&str> =
        queue.iter().take(10).map(|i| i.reason.split("; ").next().unwrap()).collect();
    assert_eq!(firsts.len(), 10, "{:#?}", queue.iter().take(10).map(|i| &i.reason).collect::<Vec<_>>());
}

/// Offline plans for a beginner (4 weeks, 5 h), an intermediate (8 weeks, 10 h) and an advanced learner
/// (12 weeks, 20 h) who rates arrays 1, on the practised store.
fn three_plans() -> (crate::learner::Snapshot, Vec<(crate::learner::intake::Level, crate::learner::plan::Plan)>) {
    use crate::learner::intake::{Intake, Level};
    let (_dir, store) = practised_store();
    let snap = snapshot(&store);
    let plans = [(Level::Beginner, 4, 5.0), (Level::Intermediate, 8, 10.0), (Level::Advanced, 12, 20.0)]
        .into_iter()
        .map(|(level, weeks, hours)| {
            let mut intake = Intake::new(level, weeks, hours);
            intake.confidence.insert("arrays".into(), 1);
            (level, crate::learner::plan_offline(&snap.plan_inputs(&intake)))
        })
        .collect();
    (snap, plans)
}

#[test]
fn a_plan_day_is_one_topic_with_one_reason_about_it() {
    let (snap, plans) = three_plans();
    for (level, plan) in plans {
        for w in &plan.weeks {
            for d in &w.days {
                let at = format!("{level:?} week {} day {}", w.week, d.day);
                assert!(d.problems.iter().all(|p| p.topic == d.topic), "{at}: {} with {:?}", d.topic, d.problems);
                let title = snap.progression.topic(&d.topic).map_or("", |t| t.title.as_str());
                assert!(
                    d.reason.contains(&d.topic) || d.reason.contains(title),
                    "{at}: `{}` for {}",
                    d.reason,
                    d.topic
                );
            }
        }
    }
}

#[test]
fn a_review_comes_days_after_the_problem_was_met_never_as_filler_the_next_day() {
    use crate::learner::plan::ItemKind;
    for (level, plan) in three_plans().1 {
        let mut met: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        let days = plan.weeks.iter().flat_map(|w| &w.days).enumerate();
        for (i, d) in days {
            for p in &d.problems {
                match met.get(p.slug.as_str()) {
                    Some(first) if p.kind == ItemKind::Review => {
                        assert!(i >= first + 3, "{level:?}: {} reviewed on day {i}, met on day {first}", p.slug)
                    }
                    _ => {
                        met.entry(p.slug.as_str()).or_insert(i);
                    }
                }
            }
        }
    }
}

#[test]
fn rehearsals_are_on_unseen_problems_at_the_level() {
    use crate::learner::intake::{Intake, Level};
    use crate::learner::plan::ItemKind;
    use crate::problems::Difficulty;
    let (_dir, store) = practised_store();
    let snap = snapshot(&store);
    for (level, want) in [(Level::Beginner, Difficulty::Easy), (Level::Intermediate, Difficulty::Medium)] {
        let intake = Intake::new(level, 12, 10.0);
        let plan = crate::learner::plan_offline(&snap.plan_inputs(&intake));
        let items: Vec<_> = plan.items().map(|(_, _, p)| p).collect();
        let rehearsals: Vec<_> = items.iter().filter(|p| p.kind == ItemKind::Rehearsal).collect();
        assert!(!rehearsals.is_empty(), "{level:?}: a 12-week plan has rehearsals");
        for r in &rehearsals {
            assert!(snap.history.get(&r.slug).is_none(), "{level:?}: {} was tried before", r.slug);
            assert_eq!(items.iter().filter(|p| p.slug == r.slug).count(), 1, "{level:?}: {} is planned twice", r.slug);
            assert_eq!(r.difficulty, want, "{level:?}: {}", r.slug);
        }
    }
    // Interview mode picks the same way: not a solved problem, not one of another difficulty.
    let pick =
        crate::learner::interview::pick(snap.intake(), &snap.needs, &snap.catalog, &snap.history, &snap.progression, 0)
            .unwrap();
    let p = snap.catalog.iter().find(|p| p.slug == pick).unwrap();
    assert!(snap.history.get(&pick).is_none() && p.difficulty == Difficulty::Medium, "{pick}");
}

#[test]
fn a_first_solve_and_a_due_review_are_shared_once_and_only_when_chosen() {
    use crate::community::wire::Action;
    use crate::judge::Verdict::{Accepted, WrongAnswer};
    let (_dir, store) = crate::store::temp_store();
    let shared =
        |store: &Store| -> Vec<Action> { store.outbox().unwrap().into_iter().map(|e| e.event.action).collect() };
    let record = |code: &str, verdict, at: i64| {
        let report = report("two-sum", verdict);
        let clean = analysis("O(n)", &[]);
        let sub = crate::store::NewSubmission { code, report: &report, analysis: Some(&clean), hints_used: 0 };
        store.record_submission(&sub, at).unwrap();
    };
    // Not signed in: nothing is queued.
    record(A, WrongAnswer, T0);
    assert!(shared(&store).is_empty());
    store.set_account("http://x", "me", "t").unwrap();
    store.set_sharing(&crate::store::Share::ALL).unwrap();
    record(B, Accepted, T0 + 1000);
    assert_eq!(shared(&store), [Action::Solve { slug: "two-sum".into() }]);
    record(B, Accepted, T0 + 2000);
    assert_eq!(shared(&store).len(), 1, "a repeat of the same file shares nothing");
    let due = store.review_card("two-sum").unwrap().expect("a card after the failure").due_ms;
    record("class Solution:\n    pass\n", Accepted, due + 1);
    assert_eq!(shared(&store)[1], Action::Review { slug: "two-sum".into() });
    store.set_sharing(&[]).unwrap();
    record("class Solution:\n    x = 1\n", Accepted, due + 30 * 86_400_000);
    assert_eq!(shared(&store).len(), 2, "sharing turned off");
}

#[test]
fn trending_orders_problems_that_are_otherwise_alike_and_never_outweighs_a_need() {
    let (_dir, store) = crate::store::temp_store();
    let mut snap = snapshot(&store);
    let before = crate::learner::queue(&snap.next_inputs(), snap.now_ms);
    let pos = |q: &[crate::learner::NextItem], slug: &str| q.iter().position(|i| i.slug == slug).unwrap();
    // Two new problems of the same topic and level, the second one further down with nothing trending.
    let (first, second) = (before[0].slug.clone(), before[1].slug.clone());
    snap.trending = [(second.clone(), 4.0), (first.clone(), 1.0)].into();
    let after = crate::learner::queue(&snap.next_inputs(), snap.now_ms);
    let item = &after[pos(&after, &second)];
    assert!(item.reason.contains("trending in the community"), "{}", item.reason);
    let gain = |slug: &str| after[pos(&after, slug)].score - before[pos(&before, slug)].score;
    assert!((gain(&second) - crate::learner::next::TRENDING_WEIGHT).abs() < 1e-9, "{}", gain(&second));
    assert!((gain(&first) - crate::learner::next::TRENDING_WEIGHT / 4.0).abs() < 1e-9);
}
