//! Tutor benchmark (issue #5), three targets:
//!
//! 1. Codify's added latency to the first token shown: from `Coach::ask` to the first `Text` event, against
//!    the mock OpenAI-compatible server on 127.0.0.1, minus the server's own delay before its first chunk.
//!    Target ≤ 20 ms.
//! 2. The offline tutor: a whole offline turn (retrieval, answer, storing), and the answer alone. ≤ 50 ms.
//! 3. Top-10 vector search over 50,000 stored embeddings (binary sqlite-vec index + exact re-ranking), with
//!    its recall against an exact scan. ≤ 20 ms.
//!
//! Wall-clock and the thread's CPU time are both printed: on a shared, loaded machine the wall-clock
//! includes waiting for a core. Run: `cargo bench --bench tutor`.

#[path = "../tests/fixtures/coach/mock_server.rs"]
mod mock;

use std::time::{Duration, Instant};

use codify::analysis::{analyze, RunEvidence};
use codify::coach::{tutor, ChatEvent, ChatRequest, Coach, Endpoint, Grounding, Retry, Timeouts};
use codify::judge::{Judge, RunOptions};
use codify::problems::Bank;
use codify::store::{NewEmbedding, Store};

const SERVER_DELAY: Duration = Duration::from_millis(50);
const SLOW: &str = "class Solution:
    def twoSum(self, nums, target):
        for i in range(len(nums)):
            for j in range(i + 1, len(nums)):
                if nums[i] + nums[j] == target:
                    return [i, j]
        return []
";

fn cpu_now() -> Duration {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes one timespec into the valid, exclusively borrowed `ts`.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

struct Stats(Vec<f64>);

impl Stats {
    fn line(mut self, what: &str, target: f64) -> String {
        self.0.sort_by(f64::total_cmp);
        let n = self.0.len();
        let (med, p90, max) = (self.0[n / 2], self.0[n * 9 / 10], self.0[n - 1]);
        let ok = if med <= target { "yes" } else { "NO" };
        format!("| {what} | {n} | {med:.3} | {p90:.3} | {max:.3} | ≤ {target} | {ok} |")
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn grounding() -> Grounding {
    let bank = Bank::load(&[]);
    let problem = bank.get("two-sum").expect("two-sum is bundled").clone();
    let cache = std::env::temp_dir().join(format!("codify-bench-tutor-{}", std::process::id()));
    let interp = codify::judge::interpreter::resolve("python3", &cache).expect("python3");
    let judge = Judge::new(interp, true, 1024).with_compiled_harness(&cache);
    let mut tests = problem.tests().expect("tests");
    tests.retain(|t| !t.hidden);
    let report = judge.run(&problem, &tests, SLOW, &RunOptions::default()).expect("run");
    let evidence = RunEvidence::from_report(&report);
    let ctx = problem.analysis_context(Some(&evidence));
    let analysis = analyze(SLOW, &ctx);
    let mut g = Grounding::new(problem);
    g.analysis = Some(analysis);
    g.report = Some(report);
    g.code = Some(SLOW.to_string());
    g
}

fn first_token(g: &Grounding, rows: &mut Vec<String>) {
    let server_rt = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().expect("rt");
    let reply = mock::Behavior::Stream {
        pieces: vec!["What ".into(), "does line 4 cost?".into()],
        first_delay: SERVER_DELAY,
        between: Duration::ZERO,
        finish: true,
    };
    let m = server_rt.block_on(mock::Mock::start(vec![reply]));
    let endpoint = Endpoint {
        base_url: m.url.clone(),
        api_key: None,
        key_env: "OPENAI_API_KEY".into(),
        model: "m".into(),
        model_complex: "m".into(),
        embedding_model: None,
        timeouts: Timeouts::from_secs(10),
        retry: Retry::default(),
    };
    let coach = Coach::from_endpoint(endpoint, 0);
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("codify.db")).expect("store");
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("rt");
    let cancel = codify::coach::CancellationToken::new();
    let mut wall = Vec::new();
    let mut cold = 0.0;
    for i in 0..41 {
        // A new question each time, so that nothing comes from the cache.
        let req = ChatRequest { grounding: g.clone(), question: format!("why is it slow? ({i})"), give_up: false };
        let start = Instant::now();
        let mut first = None;
        rt.block_on(coach.ask(&store, &req, &cancel, &mut |ev| {
            if matches!(ev, ChatEvent::Text(_)) && first.is_none() {
                first = Some(start.elapsed());
            }
        }))
        .expect("ask");
        let added = ms(first.expect("a token arrived")) - ms(SERVER_DELAY);
        if i == 0 {
            cold = added; // includes building the passage index in a new database
        } else {
            wall.push(added);
        }
    }
    rows.push(Stats(wall).line("added latency to the first token (warm)", 20.0));
    rows.push(format!("| … the first request on a new database (builds the index) | 1 | {cold:.2} | | | | |"));
}

fn offline(g: &Grounding, rows: &mut Vec<String>) {
    let cfg = codify::config::Config::from_layers(None, "defaults").expect("config").llm;
    let coach = Coach::with_env(&cfg, |_| None);
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("codify.db")).expect("store");
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("rt");
    let cancel = codify::coach::CancellationToken::new();
    let questions = [
        "next hint",
        "why did this fail?",
        "what is my complexity",
        "what edge case am I missing",
        "explain this pattern",
        "hello",
    ];
    let (mut wall, mut cpu, mut pure) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..60 {
        let req = ChatRequest { grounding: g.clone(), question: questions[i % questions.len()].into(), give_up: false };
        let (t, c) = (Instant::now(), cpu_now());
        let reply = rt.block_on(coach.ask(&store, &req, &cancel, &mut |_| {})).expect("ask");
        wall.push(ms(t.elapsed()));
        cpu.push(ms(cpu_now() - c));
        assert!(reply.text.contains("offline"));
    }
    let turn = codify::coach::Turn {
        intent: codify::coach::Intent::Complexity,
        question: "why is it slow?".into(),
        truncated_from: 0,
        hint: None,
        hints_seen: 1,
        taken: Vec::new(),
        allow_solution: false,
        passages: codify::coach::retrieve::passages().iter().take(3).cloned().collect(),
        history: Vec::new(),
    };
    for _ in 0..200 {
        let t = Instant::now();
        std::hint::black_box(tutor::answer(g, &turn));
        pure.push(ms(t.elapsed()));
    }
    rows.push(Stats(wall).line("offline turn, end to end (wall)", 50.0));
    rows.push(Stats(cpu).line("offline turn, end to end (CPU)", 50.0));
    rows.push(Stats(pure).line("offline tutor's answer alone", 50.0));
}

fn vectors(rows: &mut Vec<String>) {
    const N: usize = 50_000;
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("codify.db")).expect("store");
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut rnd = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    // 5,000 topics of 10 passages: 15 words from the topic's 30, 25 from a shared vocabulary of 5,000.
    let texts: Vec<String> = (0..N)
        .map(|i| {
            let mut w: Vec<String> = (0..15).map(|_| format!("topic{}word{}", i / 10, rnd() % 30)).collect();
            w.extend((0..25).map(|_| format!("common{}", rnd() % 5000)));
            w.join(" ")
        })
        .collect();
    let vecs: Vec<(String, Vec<f32>)> =
        texts.iter().enumerate().map(|(i, t)| (format!("p{i}"), codify::embed::local(t))).collect();
    let items: Vec<NewEmbedding> =
        vecs.iter().map(|(r, v)| NewEmbedding { kind: "passage", reference: r, text_hash: "h", vector: v }).collect();
    let t = Instant::now();
    store.sync_embeddings(codify::embed::LOCAL_NAME, "passage", &[], &items).expect("insert");
    let insert = t.elapsed();
    let (mut wall, mut cpu, mut exact) = (Vec::new(), Vec::new(), Vec::new());
    let mut found = 0;
    for q in 0..50 {
        let topic = (q * 997) % (N / 10);
        let query = (0..30).map(|w| format!("topic{topic}word{w}")).collect::<Vec<_>>().join(" ");
        let v = codify::embed::local(&query);
        let (t, c) = (Instant::now(), cpu_now());
        let hits = store.nearest_embeddings(codify::embed::LOCAL_NAME, "passage", &v, 10).expect("search");
        wall.push(ms(t.elapsed()));
        cpu.push(ms(cpu_now() - c));
        let t = Instant::now();
        let truth = store.nearest_embeddings_exact(codify::embed::LOCAL_NAME, "passage", &v, 10).expect("exact");
        exact.push(ms(t.elapsed()));
        found += hits.iter().filter(|h| truth.iter().any(|x| x.0 == h.0)).count();
    }
    rows.push(Stats(wall).line("top-10 search over 50,000 vectors (wall)", 20.0));
    rows.push(Stats(cpu).line("top-10 search over 50,000 vectors (CPU)", 20.0));
    rows.push(Stats(exact).line("… exact scan, for comparison (wall)", 20.0));
    rows.push(format!(
        "| recall@10 of the index against the exact scan: {:.3}; inserting 50,000 vectors took {:.1} s | | | | | | |",
        found as f64 / 500.0,
        insert.as_secs_f64()
    ));
}

fn main() {
    let g = grounding();
    let mut rows = vec![
        "| measure | runs | median ms | p90 ms | max ms | target | met |".to_string(),
        "|---|---|---|---|---|---|---|".to_string(),
    ];
    first_token(&g, &mut rows);
    offline(&g, &mut rows);
    vectors(&mut rows);
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!("{}", rows.join("\n"));
    println!("\nload average at the end: {}", load.split_whitespace().take(3).collect::<Vec<_>>().join(" "));
}
