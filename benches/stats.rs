//! `codify stats` over 100,000 stored submissions (issue #3: ≤ 100 ms), end to end through the binary.
//! Run: `cargo bench --bench stats`.

use std::process::{Command, Stdio};
use std::time::Instant;

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let store = codify::store::Store::open(&dir.path().join("codify.db")).unwrap();
    let slugs: Vec<String> = codify::problems::Bank::load(&[]).all().iter().map(|p| p.slug.clone()).collect();
    let conn = store.conn();
    conn.execute_batch("BEGIN").unwrap();
    let mut stmt = conn
        .prepare(
            "INSERT INTO submissions (problem, code, verdict, passed, total, runtime_ms, cases_json, created_at, local_minute, finding_mask, hints_used)
             VALUES (?1, 'class Solution: pass', ?2, 3, 8, 2.5, '[]', ?3, 600, ?4, ?5)",
        )
        .unwrap();
    let start_ms = 1_760_000_000_000i64;
    for i in 0..100_000i64 {
        let slug = &slugs[(i as usize * 7) % slugs.len()];
        let verdict = if i % 3 == 0 { "wrong_answer" } else { "accepted" };
        stmt.execute(rusqlite::params![slug, verdict, start_ms + i * 60_000, (i * 13) % 64, i % 4]).unwrap();
    }
    drop(stmt);
    conn.execute_batch("COMMIT").unwrap();
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
