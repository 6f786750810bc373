//! TUI benchmark (issue #4): time to the first frame and resident memory, with the bundled bank plus 120
//! problems generated in a problem folder (270 in all since the bank holds the NeetCode 150) and 10,000
//! stored submissions. The real binary
//! runs in tmux (a real terminal); the first-frame time is written by the app to its log when
//! CODIFY_FIRST_FRAME_LOG is set, as wall-clock time since the process started.
//!
//! Run: `cargo bench --bench tui` (needs tmux).

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const RUNS: usize = 15;

fn tmux(args: &[&str]) -> String {
    let out = Command::new("tmux").args(args).output().expect("tmux is needed for this benchmark");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn make_home(home: &Path) {
    let extra = home.join("extra");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/problems/sandbox-probe");
    for i in 0..120 {
        let slug = format!("generated-{i:03}");
        let dir = extra.join(&slug);
        std::fs::create_dir_all(&dir).unwrap();
        for f in ["solution.py", "tests.jsonl"] {
            std::fs::copy(fixture.join(f), dir.join(f)).unwrap();
        }
        let toml = std::fs::read_to_string(fixture.join("problem.toml")).unwrap();
        let toml = toml.replace("sandbox-probe", &slug).replace("Sandbox Probe", &format!("Generated Problem {i}"));
        std::fs::write(dir.join("problem.toml"), toml).unwrap();
    }
    std::fs::write(home.join("config.toml"), format!("problem_dirs = [{:?}]\n", extra.display().to_string())).unwrap();
    let store = codify::store::Store::open(&home.join("codify.db")).unwrap();
    let bank = codify::problems::Bank::load(std::slice::from_ref(&extra));
    let slugs: Vec<String> = bank.all().iter().map(|p| p.slug.clone()).collect();
    store.conn().execute_batch("BEGIN").unwrap();
    for i in 0..10_000usize {
        let report = codify::judge::Report {
            problem: slugs[i % slugs.len()].clone(),
            verdict: if i % 3 == 0 { codify::judge::Verdict::WrongAnswer } else { codify::judge::Verdict::Accepted },
            passed: 5,
            total: 8,
            runtime_ms: 3.0,
            cases: vec![],
            message: None,
            compile_error: None,
            sandbox: vec![],
        };
        let sub = codify::store::NewSubmission {
            code: "class Solution: pass\n",
            report: &report,
            analysis: None,
            hints_used: 0,
        };
        store.add_submission(&sub).unwrap();
    }
    store.conn().execute_batch("COMMIT").unwrap();
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    make_home(home);
    let exe = env!("CARGO_BIN_EXE_codify");
    let log = home.join("logs/first-frame.log");
    let mut frames = Vec::new();
    let mut rss = Vec::new();
    for run in 0..RUNS {
        let session = format!("codify-bench-{}-{run}", std::process::id());
        let cmd = format!("env CODIFY_FIRST_FRAME_LOG=1 {exe} --home {}", home.display());
        tmux(&["new-session", "-d", "-s", &session, "-x", "120", "-y", "40", &cmd]);
        let deadline = Instant::now() + Duration::from_secs(10);
        let before = std::fs::read_to_string(&log).map(|s| s.lines().count()).unwrap_or(0);
        while std::fs::read_to_string(&log).map(|s| s.lines().count()).unwrap_or(0) <= before
            && Instant::now() < deadline
        {
            std::thread::sleep(Duration::from_millis(5));
        }
        std::thread::sleep(Duration::from_millis(300));
        let pid = tmux(&["display-message", "-p", "-t", &session, "#{pane_pid}"]).trim().to_string();
        if let Ok(status) = std::fs::read_to_string(format!("/proc/{pid}/status")) {
            if let Some(kb) = status
                .lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<f64>().ok())
            {
                rss.push(kb / 1024.0);
            }
        }
        tmux(&["send-keys", "-t", &session, "q"]);
        std::thread::sleep(Duration::from_millis(100));
        tmux(&["kill-session", "-t", &session]);
        if let Some(ms) =
            std::fs::read_to_string(&log).ok().and_then(|s| s.lines().last().and_then(|l| l.parse::<f64>().ok()))
        {
            frames.push(ms);
        }
    }
    frames.sort_by(|a, b| a.total_cmp(b));
    rss.sort_by(|a, b| a.total_cmp(b));
    let med = |v: &[f64]| v.get(v.len() / 2).copied().unwrap_or(f64::NAN);
    let problems = codify::problems::Bank::load(&[]).all().len() + 120;
    println!("TUI benchmark: {problems} problems, 10,000 submissions, {RUNS} launches in tmux (120x40)");
    println!("| measurement | median | worst |");
    println!("|---|---|---|");
    println!(
        "| first frame after launch (target ≤ 100 ms) | {:.1} ms | {:.1} ms |",
        med(&frames),
        frames.last().copied().unwrap_or(f64::NAN)
    );
    println!(
        "| resident memory (target ≤ 60 MB) | {:.1} MB | {:.1} MB |",
        med(&rss),
        rss.last().copied().unwrap_or(f64::NAN)
    );
}
