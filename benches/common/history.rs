//! A history of stored submissions for the benchmarks that read it (`stats`, `learner`): fast inserts in one
//! transaction, spread over every problem, a third failed, findings and hints varied, one a minute.

/// When the first submission was made (Unix ms).
pub const START_MS: i64 = 1_760_000_000_000;

/// Stores `n` submissions over `slugs`.
pub fn fill(store: &codify::store::Store, slugs: &[String], n: i64) {
    let conn = store.conn();
    conn.execute_batch("BEGIN").unwrap();
    let mut stmt = conn
        .prepare(
            "INSERT INTO submissions (problem, code, verdict, passed, total, runtime_ms, cases_json, created_at, local_minute, finding_mask, hints_used)
             VALUES (?1, 'class Solution: pass', ?2, 3, 8, 2.5, '[]', ?3, 600, ?4, ?5)",
        )
        .unwrap();
    for i in 0..n {
        let slug = &slugs[(i as usize * 7) % slugs.len()];
        let verdict = if i % 3 == 0 { "wrong_answer" } else { "accepted" };
        stmt.execute(rusqlite::params![slug, verdict, START_MS + i * 60_000, (i * 13) % 64, i % 4]).unwrap();
    }
    drop(stmt);
    conn.execute_batch("COMMIT").unwrap();
}

/// Stores one more submission at `at_ms`.
#[allow(dead_code)] // Not every benchmark that includes this file adds single rows.
pub fn insert(store: &codify::store::Store, slug: &str, verdict: &str, at_ms: i64) {
    store
        .conn()
        .execute(
            "INSERT INTO submissions (problem, code, verdict, passed, total, runtime_ms, cases_json, created_at, local_minute, finding_mask, hints_used)
             VALUES (?1, 'class Solution: pass', ?2, 8, 8, 2.5, '[]', ?3, 600, 0, 0)",
            rusqlite::params![slug, verdict, at_ms],
        )
        .unwrap();
}
