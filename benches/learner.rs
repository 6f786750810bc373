//! The learner model over 100,000 stored submissions (issue #6): `codify next --json` end to end through
//! the binary (target ≤ 50 ms), the same in process (snapshot + queue), the dashboard, and the offline
//! planner (target ≤ 50 ms). Run: `cargo bench --bench learner`.

#[path = "common/history.rs"]
mod history;

use std::process::{Command, Stdio};
use std::time::Instant;

use codify::learner::intake::{Intake, Level};

fn median_worst(mut times: Vec<f64>) -> (f64, f64) {
    times.sort_by(|a, b| a.total_cmp(b));
    (times[times.len() / 2], times[times.len() - 1])
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let store = codify::store::Store::open(&dir.path().join("codify.db")).unwrap();
    let bank = codify::problems::Bank::load(&[]);
    let slugs: Vec<String> = bank.all().iter().map(|p| p.slug.clone()).collect();
    history::fill(&store, &slugs, 100_000);
    let start_ms = history::START_MS;
    let mut intake = Intake::new(Level::Intermediate, 12, 10.0);
    intake.weaknesses = vec!["dynamic-programming".into(), "off_by_one".into()];
    let profile = store.create_profile("bench", &intake, &intake.embedding()).unwrap();
    for (i, s) in slugs.iter().enumerate().take(12) {
        store.record_review(s, i % 2 == 0, (i % 3) as u32, start_ms).unwrap();
    }
    let now = codify::clock::now_ms();

    let snap = codify::learner::Snapshot::load(&store, &bank, now).unwrap();
    let plan_times: Vec<f64> = (0..21)
        .map(|_| {
            let t = Instant::now();
            let plan = codify::learner::plan_offline(&snap.plan_inputs(&intake));
            assert!(plan.items().count() > 0);
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    let plan = codify::learner::plan_offline(&snap.plan_inputs(&intake));
    store.save_plan(profile.id, &plan, codify::store::PlanSource::Offline, None).unwrap();

    // `codify next` in process: the snapshot read and the queue ranked.
    let next_queue = || {
        let t = Instant::now();
        let snap = codify::learner::Snapshot::load(&store, &bank, now).unwrap();
        let q = codify::learner::queue(&snap.next_inputs(), now);
        assert!(!q.is_empty());
        t.elapsed().as_secs_f64() * 1000.0
    };
    let in_process: Vec<f64> = (0..21).map(|_| next_queue()).collect();
    // The first read after an upgrade (or a time zone change): every submission folded from the start.
    let from_scratch: Vec<f64> = (0..21)
        .map(|_| {
            store.conn().execute("DELETE FROM learner_fold", []).unwrap();
            let t = Instant::now();
            let snap = codify::learner::Snapshot::load(&store, &bank, now).unwrap();
            assert_eq!(snap.weakness.submissions, 100_000);
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    // The usual read after practising: one new submission folded into the saved fold, which is saved again.
    let mut at = history::START_MS + 100_000 * 60_000;
    let after_submit: Vec<f64> = (0..21)
        .map(|i| {
            at += 60_000;
            history::insert(&store, &slugs[i % slugs.len()], "accepted", at);
            next_queue()
        })
        .collect();
    let dashboard: Vec<f64> = (0..21)
        .map(|_| {
            let t = Instant::now();
            let d = codify::learner::Dashboard::load(&store, &bank, now).unwrap();
            assert_eq!(d.weakness.submissions, 100_021);
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    // What F7 costs in the TUI: the store read, the dashboard built and its first frame drawn (120×40).
    let theme = codify::tui::theme::Theme::new(codify::tui::theme::ThemeKind::Normal);
    let first_frame: Vec<f64> = (0..21)
        .map(|_| {
            let t = Instant::now();
            let d = codify::learner::Dashboard::load(&store, &bank, now).unwrap();
            let area = ratatui::layout::Rect::new(0, 0, 120, 40);
            let mut buf = ratatui::buffer::Buffer::empty(area);
            codify::tui::dashboard::draw(&d, &theme, &codify::tui::keymap::Keymap::default(), area, &mut buf, 0);
            assert!(buf.content().iter().any(|c| c.symbol() == "█" || c.symbol() == "·"));
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    drop(store);

    let run = |args: &[&str]| {
        let t = Instant::now();
        let ok = Command::new(env!("CARGO_BIN_EXE_codify"))
            .arg("--home")
            .arg(dir.path())
            .args(args)
            .env_remove("OPENAI_API_KEY")
            .env_remove("CODIFY_LLM_BASE_URL")
            .stdout(Stdio::null())
            .status()
            .unwrap()
            .success();
        assert!(ok);
        t.elapsed().as_secs_f64() * 1000.0
    };
    run(&["next", "--json"]);
    let next_cli: Vec<f64> = (0..21).map(|_| run(&["next", "--json"])).collect();

    let rows = [
        ("offline plan generation, 12 weeks × 10 h (target ≤ 50 ms)", median_worst(plan_times)),
        ("`codify next --json` end to end, 100,000 submissions (target ≤ 50 ms)", median_worst(next_cli)),
        ("next queue in process: snapshot + ranking, 100,000 submissions", median_worst(in_process)),
        ("snapshot with the fold made from scratch (first read after an upgrade)", median_worst(from_scratch)),
        ("next queue in process right after one new submission", median_worst(after_submit)),
        ("dashboard in process: snapshot + build, 100,000 submissions", median_worst(dashboard)),
        (
            "dashboard first frame: build + draw 120×40, 100,000 submissions (target ≤ 100 ms)",
            median_worst(first_frame),
        ),
    ];
    for (what, (median, worst)) in rows {
        println!("| {what} | median {median:.2} ms | worst {worst:.2} ms |");
    }
}
