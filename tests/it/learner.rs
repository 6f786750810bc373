//! The learner model: planner properties (proptest), the plan call against the mock OpenAI server on
//! 127.0.0.1:0 (valid, invalid and truncated replies), and the whole flow through the real binary.

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use codify::coach::plan_llm::parse_llm_plan;
use codify::coach::planner::make_plan;
use codify::coach::{CancellationToken, Coach, Endpoint, Retry, Timeouts};
use codify::learner::facts::{History, Needs, ProblemInfo};
use codify::learner::intake::{Intake, Level};
use codify::learner::plan::{plan_offline, ItemKind, PlanInputs};
use codify::learner::{Profile, SubmissionRow};
use codify::problems::Bank;
use codify::store::{PlanSource, Store};
use proptest::prelude::*;

use super::coach::mock::{Behavior, Mock};
use super::common::{codify, stderr, write_solution};

struct World {
    catalog: Vec<ProblemInfo>,
    progression: codify::knowledge::Progression,
}

fn world() -> &'static World {
    static W: std::sync::OnceLock<World> = std::sync::OnceLock::new();
    W.get_or_init(|| World {
        catalog: ProblemInfo::from_bank(&Bank::load(&[])),
        progression: codify::knowledge::progression().unwrap(),
    })
}

fn empty_profile() -> Profile {
    codify::learner::profile(&[], &[], &Default::default(), &HashMap::new(), &Default::default())
}

/// History from (problem index, accepted, hints) triples, one minute apart.
fn history(subs: &[(usize, bool, u32)]) -> History {
    let names: Vec<String> = world().catalog.iter().map(|p| p.slug.clone()).collect();
    let rows: Vec<SubmissionRow> = subs
        .iter()
        .enumerate()
        .map(|(i, &(p, accepted, hints))| SubmissionRow {
            problem: (p % names.len()) as u32,
            created_at_ms: 1_700_000_000_000 + i as i64 * 60_000,
            accepted,
            finding_mask: 0,
            hints_used: hints,
        })
        .collect();
    History::from_rows(&names, &rows, 0)
}

fn intake_strategy() -> impl Strategy<Value = Intake> {
    let topics: Vec<String> = world().progression.topics.iter().map(|t| t.name.clone()).collect();
    (
        0..3usize,
        2..=12u32,
        1.0..=60.0f64,
        1..=7u8,
        proptest::collection::btree_map(proptest::sample::select(topics.clone()), 1..=5u8, 0..6),
        proptest::collection::vec(proptest::sample::select(topics), 0..3),
    )
        .prop_map(|(level, weeks, hours, days, confidence, weak)| {
            let mut i = Intake::new(Level::ALL[level], weeks, (hours * 2.0).round() / 2.0);
            i.days_per_week = days;
            i.confidence = confidence;
            i.weaknesses = weak;
            i
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn offline_plans_fit_the_hours_use_known_slugs_put_weaknesses_first_and_skip_mastered(
        intake in intake_strategy(),
        subs in proptest::collection::vec((0..40usize, any::<bool>(), 0..3u32), 0..40),
    ) {
        let w = world();
        let hist = history(&subs);
        let profile = empty_profile();
        let community = HashMap::new();
        let inp = PlanInputs { intake: &intake, weakness: &profile, progression: &w.progression, catalog: &w.catalog,
            history: &hist, community: &community, now_ms: 1_800_000_000_000 };
        let plan = plan_offline(&inp);
        let known: HashSet<&str> = w.catalog.iter().map(|p| p.slug.as_str()).collect();
        prop_assert!(plan.check(&intake, &known).is_ok(), "{:?}", plan.check(&intake, &known));
        for week in &plan.weeks {
            let total: u32 = week.days.iter().map(|d| d.minutes).sum();
            prop_assert!(total as f64 <= intake.hours_per_week * 60.0);
        }
        let needs = Needs::build(Some(&intake), &profile, &hist, &w.progression);
        let mut seen_strong = false;
        for (_, _, item) in plan.items().filter(|(_, _, i)| i.kind == ItemKind::New) {
            let weak = needs.is_weak(&item.topic);
            prop_assert!(!(weak && seen_strong && !item.reason.contains("saved for later")),
                "weak {} after a stronger topic", item.slug);
            seen_strong |= !weak;
            prop_assert!(!needs.mastered.contains(&item.topic), "mastered topic {} planned", item.topic);
            prop_assert!(!hist.get(&item.slug).is_some_and(|r| r.clean_first), "clean solve {} planned", item.slug);
        }
    }
}

#[test]
fn the_offline_planner_takes_under_50_ms() {
    let w = world();
    let intake = Intake::new(Level::Intermediate, 12, 60.0);
    let hist = history(&(0..500).map(|i| (i * 7, i % 3 == 0, (i % 2) as u32)).collect::<Vec<_>>());
    let profile = empty_profile();
    let community = HashMap::new();
    let inp = PlanInputs {
        intake: &intake,
        weakness: &profile,
        progression: &w.progression,
        catalog: &w.catalog,
        history: &hist,
        community: &community,
        now_ms: 0,
    };
    let t = std::time::Instant::now();
    let plan = plan_offline(&inp);
    assert!(t.elapsed() < Duration::from_millis(50), "{:?}", t.elapsed());
    assert!(plan.items().count() > 30);
}

// ---- the model's plan ----

fn coach(url: &str) -> Coach {
    Coach::from_endpoint(
        Endpoint {
            base_url: url.to_string(),
            api_key: Some("sk-test".into()),
            key_env: "CODIFY_TEST_KEY".into(),
            model: "small".into(),
            model_complex: "big".into(),
            embedding_model: None,
            timeouts: Timeouts {
                connect: Duration::from_secs(2),
                first_token: Duration::from_secs(3),
                idle: Duration::from_secs(1),
            },
            retry: Retry { attempts: 2, base_delay: Duration::from_millis(10), max_delay: Duration::from_millis(20) },
        },
        0,
    )
}

const VALID: &str = r#"{"weeks": [{"week": 1, "days": [
  {"day": 1, "topic": "arrays", "difficulty": "easy", "minutes": 40, "reason": "start with scans",
   "problems": [{"slug": "missing-number", "topic": "arrays", "difficulty": "easy", "minutes": 20, "reason": "warm-up"},
                {"slug": "contains-duplicate", "topic": "arrays", "difficulty": "easy", "minutes": 20, "reason": "a set"}]}]}]}"#;

fn finished(text: &str, finish: &str) -> Behavior {
    let body = serde_json::json!({"id": "c", "object": "chat.completion", "created": 1, "model": "big",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": finish}],
        "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20}});
    Behavior::Status { status: 200, body: body.to_string() }
}

/// A 4-week, 6 h/week intermediate learner with no history.
struct Fixed {
    intake: Intake,
    hist: History,
    profile: Profile,
    community: HashMap<String, codify::sync::signal::Signal>,
}

impl Fixed {
    fn new() -> Fixed {
        Fixed {
            intake: Intake::new(Level::Intermediate, 4, 6.0),
            hist: History::default(),
            profile: empty_profile(),
            community: HashMap::new(),
        }
    }

    fn inputs(&self) -> PlanInputs<'_> {
        let w = world();
        PlanInputs {
            intake: &self.intake,
            weakness: &self.profile,
            progression: &w.progression,
            catalog: &w.catalog,
            history: &self.hist,
            community: &self.community,
            now_ms: 5,
        }
    }
}

async fn plan_with(script: Vec<Behavior>) -> (codify::coach::planner::PlanOutcome, Mock) {
    let mock = Mock::start(script).await;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("codify.db")).unwrap();
    let f = Fixed::new();
    let inp = f.inputs();
    let out = make_plan(&coach(&mock.url), &store, &inp, &CancellationToken::new()).await;
    (out, mock)
}

#[tokio::test]
async fn a_valid_reply_is_the_plan_and_the_request_carries_the_context() {
    let (out, mock) = plan_with(vec![Behavior::complete(&format!("```json\n{VALID}\n```"))]).await;
    assert_eq!(out.source, PlanSource::Llm, "{out:?}");
    assert_eq!(
        out.plan.items().map(|(_, _, p)| p.slug.as_str()).collect::<Vec<_>>(),
        ["missing-number", "contains-duplicate"]
    );
    let reqs = mock.chat_requests();
    assert_eq!(reqs.len(), 1);
    let text = reqs[0].messages_text();
    for needle in
        ["\"candidates\"", "trapping-rain-water", "\"progression\"", "minutes_per_day_at_most", "intermediate"]
    {
        assert!(text.contains(needle), "request lacks {needle}");
    }
    assert_eq!(reqs[0].body["model"], "big");
}

#[tokio::test]
async fn an_invalid_reply_is_retried_with_the_error_then_accepted() {
    let bad = VALID.replace("missing-number", "no-such-problem");
    let (out, mock) = plan_with(vec![Behavior::complete(&bad), Behavior::complete(VALID)]).await;
    assert_eq!(out.source, PlanSource::Llm);
    assert_eq!(out.rejected.len(), 1);
    assert!(out.rejected[0].contains("unknown problem `no-such-problem`"), "{:?}", out.rejected);
    let second = mock.chat_requests()[1].messages_text();
    assert!(second.contains("Your previous plan was rejected") && second.contains("no-such-problem"));
}

#[tokio::test]
async fn invalid_twice_falls_back_to_the_offline_planner_and_says_why() {
    let overflow = VALID
        .replace("\"minutes\": 20, \"reason\": \"warm-up\"", "\"minutes\": 60, \"reason\": \"warm-up\"")
        .replace("\"minutes\": 40", "\"minutes\": 80");
    let extra = VALID.replace("\"reason\": \"start with scans\"", "\"reason\": \"x\", \"mood\": \"happy\"");
    let (out, mock) = plan_with(vec![Behavior::complete(&overflow), Behavior::complete(&extra)]).await;
    assert_eq!(out.source, PlanSource::Offline);
    assert_eq!(out.offline_code.as_deref(), Some("invalid_plan"));
    assert!(out.rejected[0].contains("overflow the 72-minute day"), "{:?}", out.rejected);
    assert!(out.rejected[1].contains("unknown field `mood`"), "{:?}", out.rejected);
    assert!(out.offline_reason.unwrap().starts_with("the model's plan was rejected twice"));
    assert_eq!(mock.chat_requests().len(), 2);
    assert!(out.plan.items().count() > 10, "the offline plan is complete");
}

#[tokio::test]
async fn truncated_replies_are_rejected() {
    let cut = &VALID[..VALID.len() / 2];
    let (out, _) = plan_with(vec![finished(cut, "length"), finished(cut, "stop")]).await;
    assert_eq!(out.source, PlanSource::Offline);
    assert!(out.rejected[0].contains("cut off"), "{:?}", out.rejected);
    assert!(out.rejected[1].contains("EOF while parsing"), "{:?}", out.rejected);
}

#[tokio::test]
async fn a_failing_endpoint_falls_back_with_its_code() {
    let (out, _) = plan_with(vec![Behavior::error(401, "bad key")]).await;
    assert_eq!((out.source, out.offline_code.as_deref()), (PlanSource::Offline, Some("unauthorized")));
}

#[test]
fn strict_reading_rejects_wrong_difficulty_and_topic() {
    let f = Fixed::new();
    let inp = f.inputs();
    assert!(parse_llm_plan(VALID, &inp).is_ok());
    let e = parse_llm_plan(
        &VALID.replacen("\"difficulty\": \"easy\", \"minutes\": 20", "\"difficulty\": \"hard\", \"minutes\": 20", 1),
        &inp,
    );
    assert!(e.unwrap_err().to_string().contains("`missing-number` is easy, not hard"));
    let e = parse_llm_plan(&VALID.replacen("\"topic\": \"arrays\"", "\"topic\": \"cooking\"", 1), &inp);
    assert!(e.unwrap_err().to_string().contains("topic `cooking` is not in the progression"));
    let e = parse_llm_plan(&VALID.replace("\"minutes\": 40", "\"minutes\": 45"), &inp);
    assert!(e.unwrap_err().to_string().contains("add up to 40"));
    // One topic a day, as in offline plans.
    let mixed = VALID.replace(
        r#""slug": "contains-duplicate", "topic": "arrays""#,
        r#""slug": "contains-duplicate", "topic": "hash-maps""#,
    );
    let e = parse_llm_plan(&mixed, &inp).unwrap_err().to_string();
    assert!(e.contains("`contains-duplicate` is a hash-maps problem on an arrays day"), "{e}");
}

// ---- the flow through the binary ----

fn json(o: &std::process::Output) -> serde_json::Value {
    assert!(o.status.success(), "{}", stderr(o));
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stdout)))
}

const TWO_SUM: &str = include_str!("../fixtures/solutions/two_sum.py");
const WRONG_MISSING: &str = "class Solution:\n    def missingNumber(self, nums):\n        return 0\n";

#[test]
fn intake_plan_submissions_next_and_stats_work_offline() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let o = codify(
        h,
        &["profile", "init", "--level", "beginner", "--weeks", "4", "--hours", "5", "--confidence", "arrays=1"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let plan = json(&codify(h, &["plan", "--json"]));
    assert_eq!((plan["source"].as_str(), plan["offline_code"].as_str()), (Some("offline"), Some("not_configured")));
    assert_eq!(plan["progress"]["done"], 0);
    let per_day = plan["plan"]["daily_minutes"].as_u64().unwrap();
    for week in plan["plan"]["weeks"].as_array().unwrap() {
        let total: u64 = week["days"].as_array().unwrap().iter().map(|d| d["minutes"].as_u64().unwrap()).sum();
        assert!(
            total <= 300 && week["days"].as_array().unwrap().iter().all(|d| d["minutes"].as_u64().unwrap() <= per_day)
        );
    }
    let first = plan["plan"]["weeks"][0]["days"][0]["problems"][0]["topic"].as_str().unwrap().to_string();
    assert_eq!(first, "arrays", "the weak topic comes first");
    let before: Vec<String> = json(&codify(h, &["next", "--json"]))
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["slug"].as_str().unwrap().to_string())
        .collect();
    assert!(before.contains(&"two-sum".to_string()));

    let ok = write_solution(h, "ok.py", TWO_SUM);
    let bad = write_solution(h, "bad.py", WRONG_MISSING);
    assert!(codify(h, &["submit", "two-sum", ok.to_str().unwrap()]).status.success());
    assert!(codify(h, &["submit", "missing-number", bad.to_str().unwrap()]).status.success());

    let plan = json(&codify(h, &["plan", "--json"]));
    assert_eq!(plan["progress"]["done"], 1, "two-sum counts against the plan");
    let next = json(&codify(h, &["next", "--json"]));
    let slugs: Vec<&str> = next.as_array().unwrap().iter().map(|i| i["slug"].as_str().unwrap()).collect();
    assert!(!slugs.contains(&"two-sum"), "solved problems leave the queue");
    let missing = next.as_array().unwrap().iter().find(|i| i["slug"] == "missing-number").unwrap();
    assert!(missing["reason"].as_str().unwrap().contains("weak topic arrays"), "{missing}");
    let store = Store::open(&h.join("codify.db")).unwrap();
    let cards = store.review_cards().unwrap();
    assert_eq!(cards.len(), 1, "the failed problem gets a review card");
    assert_eq!(cards[0].problem, "missing-number");

    let stats = json(&codify(h, &["stats", "--json"]));
    for field in [
        "submissions",
        "patterns",
        "topics",
        "weeks",
        "mastery",
        "trend",
        "plan",
        "calendar",
        "streak",
        "verdicts",
        "next",
    ] {
        assert!(stats.get(field).is_some(), "stats lacks {field}");
    }
    assert_eq!(stats["submissions"], 2);
    assert_eq!(stats["streak"]["current"], 1);
    assert_eq!(stats["verdicts"]["accepted"], 1);
    assert_eq!(stats["plan"]["progress"]["done"], 1);
    assert_eq!(stats["next"].as_array().unwrap().len(), 5);

    let o = codify(h, &["plan", "regenerate", "--hardest", "arrays", "--hours", "3", "--json"]);
    let re = json(&o);
    assert!(re["plan"]["weekly_minutes"].as_u64().unwrap() <= 180);
    let shown = json(&codify(h, &["profile", "show", "--json"]));
    assert_eq!(shown["intake"]["answers"].as_array().unwrap().len(), 2);
    assert_eq!(shown["intake"]["hours_per_week"], 3.0);
}

#[test]
fn bad_intake_input_is_one_clear_line_and_stores_nothing() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let file = h.join("me.toml");
    std::fs::write(&file, "level = \"beginner\"\ntimeline_weeks = 8\nhours_per_week = 5\n[confidence]\narrays = 9\n")
        .unwrap();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["profile", "init", "--from", file.to_str().unwrap()], "confidence.arrays is 9"),
        (vec!["profile", "init", "--level", "guru", "--weeks", "8", "--hours", "5"], "--level: level `guru`"),
        (vec!["profile", "init", "--level", "beginner", "--weeks", "20", "--hours", "5"], "timeline_weeks is 20"),
        (vec!["profile", "init", "--level", "beginner", "--weeks", "8"], "missing --hours"),
        (
            vec!["profile", "init", "--level", "beginner", "--weeks", "8", "--hours", "5", "--confidence", "arrays"],
            "TOPIC=N",
        ),
        (vec!["plan"], "no profile yet"),
        (vec!["profile", "use", "ghost"], "no profile `ghost`"),
    ];
    for (args, want) in cases {
        let o = codify(h, &args);
        let err = stderr(&o);
        assert!(!o.status.success(), "{args:?} should fail");
        assert!(err.contains(want) && err.trim().lines().count() == 1, "{args:?}: {err}");
    }
    assert!(Store::open(&h.join("codify.db")).unwrap().profiles().unwrap().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cli_shows_a_rejected_model_reply_and_plans_offline() {
    let bad = VALID.replace("missing-number", "not-a-problem");
    let mock = Mock::start(vec![Behavior::complete(&bad)]).await;
    let home = tempfile::tempdir().unwrap();
    let h = home.path().to_path_buf();
    let url = mock.url.clone();
    let out = tokio::task::spawn_blocking(move || {
        let run = |args: &[&str]| {
            std::process::Command::new(env!("CARGO_BIN_EXE_codify"))
                .arg("--home")
                .arg(&h)
                .args(args)
                .env("CODIFY_LLM_BASE_URL", &url)
                .env("NO_COLOR", "1")
                .env_remove("OPENAI_API_KEY")
                .output()
                .unwrap()
        };
        assert!(run(&["profile", "init", "--level", "advanced", "--weeks", "2", "--hours", "4"]).status.success());
        run(&["plan", "--json"])
    })
    .await
    .unwrap();
    let v = json(&out);
    assert_eq!((v["source"].as_str(), v["offline_code"].as_str()), (Some("offline"), Some("invalid_plan")));
    assert_eq!(v["rejected"].as_array().unwrap().len(), 2);
    assert_eq!(mock.chat_requests().len(), 2);
}

#[test]
fn an_eight_week_plan_for_a_learner_weak_in_trees_and_graphs_uses_the_structure_topics() {
    // The profile from issue "Bank I": with 30 array and string problems the plan stopped after 5 weeks and
    // had no tree or graph day.
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let init = ["profile", "init", "--level", "beginner", "--weeks", "8", "--hours", "10"];
    let o = codify(h, &[&init[..], &["--confidence", "graphs=1,trees=1,dynamic-programming=1"]].concat());
    assert!(o.status.success(), "{}", stderr(&o));
    let plan = json(&codify(h, &["plan", "--json"]));
    let weeks = plan["plan"]["weeks"].as_array().unwrap();
    assert_eq!(weeks.len(), 8, "the plan fills the weeks asked for");
    let mut topics = std::collections::BTreeMap::<String, usize>::new();
    let mut new_problems = std::collections::BTreeSet::new();
    for day in weeks.iter().flat_map(|w| w["days"].as_array().unwrap()) {
        for p in day["problems"].as_array().unwrap() {
            *topics.entry(p["topic"].as_str().unwrap().to_string()).or_default() += 1;
            if p["kind"] == "new" {
                new_problems.insert(p["slug"].as_str().unwrap().to_string());
            }
        }
    }
    for topic in ["trees", "heaps", "linked-lists", "tries", "graphs"] {
        assert!(topics.get(topic).is_some_and(|n| *n > 0), "no {topic} problem in {topics:?}");
    }
    assert!(new_problems.len() > 60, "the plan reaches the new problems: {} distinct", new_problems.len());
    // The weak topics come first.
    let first_week: Vec<&str> =
        weeks[0]["days"].as_array().unwrap().iter().map(|d| d["topic"].as_str().unwrap()).collect();
    assert!(first_week.contains(&"trees"), "{first_week:?}");
}

#[test]
fn a_twelve_week_plan_covers_the_bank_in_roadmap_order() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let o = codify(h, &["profile", "init", "--level", "intermediate", "--weeks", "12", "--hours", "10"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let plan = json(&codify(h, &["plan", "--json"]));
    let weeks = plan["plan"]["weeks"].as_array().unwrap();
    assert_eq!(weeks.len(), 12);
    let progression = &world().progression;
    let mut distinct = std::collections::BTreeSet::new();
    let mut last_new = 0;
    for p in weeks.iter().flat_map(|w| w["days"].as_array().unwrap()).flat_map(|d| d["problems"].as_array().unwrap()) {
        distinct.insert(p["slug"].as_str().unwrap().to_string());
        if p["kind"] == "new" {
            // New problems come topic by topic in the progression's (the roadmap's) order.
            let pos = progression.position(p["topic"].as_str().unwrap()).expect("a progression topic");
            assert!(pos >= last_new, "{} ({}) is planned after a later topic", p["slug"], p["topic"]);
            last_new = pos;
        }
    }
    assert!(distinct.len() >= 120, "{} distinct problems", distinct.len());
}

/// Every problem a `plan --json` answer schedules, in order.
fn planned_slugs(plan: &serde_json::Value) -> Vec<String> {
    plan["plan"]["weeks"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|w| w["days"].as_array().unwrap())
        .flat_map(|d| d["problems"].as_array().unwrap())
        .map(|p| p["slug"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_two_week_blind_75_profile_plans_only_blind_75_problems() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let o = codify(
        h,
        &["profile", "init", "--level", "intermediate", "--weeks", "2", "--hours", "12", "--list", "blind-75"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let plan = json(&codify(h, &["plan", "--json"]));
    let weeks = plan["plan"]["weeks"].as_array().unwrap();
    assert_eq!(weeks.len(), 2);
    let bank = codify::problems::Bank::load(&[]);
    let planned = planned_slugs(&plan);
    assert!(planned.len() >= 10, "{planned:?}");
    for slug in &planned {
        let p = bank.get(slug).unwrap();
        assert!(p.lists.iter().any(|l| l == "blind-75"), "{slug} is not in the Blind 75");
    }
    // Without the list the same profile plans NeetCode-only problems too.
    assert!(codify(h, &["profile", "edit", "--list", "none"]).status.success());
    let all = planned_slugs(&json(&codify(h, &["plan", "regenerate", "--json"])));
    assert!(all.iter().any(|s| !bank.get(s).unwrap().lists.iter().any(|l| l == "blind-75")), "{all:?}");
    // A list that does not exist is a clear error.
    let bad = codify(h, &["profile", "edit", "--list", "grind-169"]);
    assert!(stderr(&bad).contains("list is `grind-169`; keep to one of blind-75, neetcode-150"), "{}", stderr(&bad));
}

fn ids_and_times(v: &serde_json::Value) -> Vec<(String, i64)> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|m| (m["id"].as_str().unwrap().to_string(), m["earned_ms"].as_i64().unwrap()))
        .collect()
}

#[test]
fn milestones_are_earned_by_submissions_listed_and_rebuilt_in_an_old_home() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let empty = json(&codify(h, &["milestones", "--json"]));
    assert_eq!(empty["earned"], serde_json::json!([]));
    assert_eq!(empty["next"].as_array().unwrap().len(), 5);

    let bad = write_solution(h, "bad.py", WRONG_MISSING);
    let failed = json(&codify(h, &["submit", "missing-number", bad.to_str().unwrap(), "--json"]));
    assert_eq!(failed["milestones"], serde_json::json!([]), "a failure earns nothing");
    let ok = write_solution(h, "ok.py", TWO_SUM);
    let first = json(&codify(h, &["submit", "two-sum", ok.to_str().unwrap(), "--json"]));
    let earned = first["milestones"].as_array().unwrap();
    assert_eq!(earned.len(), 1, "{earned:?}");
    let m = &earned[0];
    assert_eq!(m["id"], "first_accepted:easy");
    assert_eq!(m["title"], "First easy problem solved");
    assert_eq!(m["why"], "Two Sum accepted: your first easy problem");
    let again = json(&codify(h, &["submit", "two-sum", ok.to_str().unwrap(), "--json"]));
    assert_eq!(again["milestones"], serde_json::json!([]), "a repeat earns nothing, and it was announced once");

    let listed = json(&codify(h, &["milestones", "--json"]));
    assert_eq!(ids_and_times(&listed["earned"]), ids_and_times(&first["milestones"]));
    let next = listed["next"].as_array().unwrap();
    for u in next {
        for field in ["id", "title", "have", "need", "detail"] {
            assert!(u.get(field).is_some(), "next lacks {field}: {u}");
        }
    }
    let blind = next.iter().find(|u| u["id"] == "list:blind-75:25").expect("the Blind 75 is next");
    assert_eq!(blind["detail"], "Blind 75: 1 of 19 for the first quarter");
    let stats = json(&codify(h, &["stats", "--json"]));
    assert_eq!(stats["milestones"][0]["id"], "first_accepted:easy");

    let o = codify(h, &["milestones"]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("First easy problem solved") && text.contains("Next to earn"), "{text}");
    let o = codify(h, &["milestones", "--help"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("Examples: `codify milestones`"));

    // As a home from before milestones: the tables empty, the rules never applied. The next read rebuilds
    // them from the history, at the same times, and announces nothing from the past.
    {
        let store = Store::open(&h.join("codify.db")).unwrap();
        store.conn().execute_batch("DELETE FROM milestones; UPDATE milestones_state SET rules = 0").unwrap();
    }
    let rebuilt = json(&codify(h, &["milestones", "--json"]));
    assert_eq!(ids_and_times(&rebuilt["earned"]), ids_and_times(&listed["earned"]));
    let store = Store::open(&h.join("codify.db")).unwrap();
    assert!(store.unshown_milestones().unwrap().is_empty());
}
