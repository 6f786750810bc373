//! `codify stats` over 100,000 stored submissions (issue #3: ≤ 100 ms), end to end through the binary.
//! Run: `cargo bench --bench stats`.

#[path = "common/history.rs"]
mod history;

use std::process::{Command, Stdio};
use std::time::Instant;

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let store = codify::store::Store::open(&dir.path().join("codify.db")).unwrap();
    let slugs: Vec<String> = codify::problems::Bank::load(&[]).all().iter().map(|p| p.slug.clone()).collect();
    history::fill(&store, &slugs, 100_000);
    drop(store);

    let run = || {
        let t = Instant::now();
        let ok = Command::new(env!("CARGO_BIN_EXE_codify"))
            .arg("--home")
            .arg(dir.path())
            .args(["stats", "--json"])
            .stdout(Stdio::null())
            .status()
            .unwrap()
            .success();
        assert!(ok);
        t.elapsed().as_secs_f64() * 1000.0
    };
    run();
    let mut times: Vec<f64> = (0..21).map(|_| run()).collect();
    times.sort_by(|a, b| a.total_cmp(b));
    println!(
        "| `codify stats --json` over 100,000 submissions (target ≤ 100 ms) | median {:.1} ms | worst {:.1} ms |",
        times[10], times[20]
    );
}
