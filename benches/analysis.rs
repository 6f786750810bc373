//! Analysis benchmark (issue #3): median time to analyse a ~200-line solution, target ≤ 5 ms.
//!
//! The solution is built from the clean corpus solutions (tests/fixtures/analysis/patterns/clean), joined
//! into one file until it reaches 200 lines: many methods, loops, helpers and recursion, as a long real
//! solution would have. Each iteration runs the whole pipeline (guards, parse on the analysis thread, model,
//! cost, detectors). Prints one Markdown table row, as docs/PERFORMANCE.md lists them.
//!
//! Run: `cargo bench --bench analysis` (optionally `-- ITERATIONS`).

use std::path::Path;
use std::time::{Duration, Instant};

use codify::analysis::{analyze, Complexity, Context};

fn solution_of_200_lines() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/analysis/patterns/clean");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    files.sort();
    let mut out = String::new();
    for (i, f) in files.iter().enumerate() {
        let text = std::fs::read_to_string(f).unwrap_or_default();
        // Distinct class names, so the file is one valid module with many classes.
        out.push_str(&text.replace("class Solution:", &format!("class Solution{i}:")));
        out.push('\n');
        if out.lines().count() >= 200 {
            break;
        }
    }
    out
}

fn main() {
    let iterations: usize = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(1000);
    let source = solution_of_200_lines();
    let lines = source.lines().count();
    let ctx = Context { optimal_time: Some(Complexity::Linear), ..Context::default() };
    // Warm up (page in code, allocator).
    for _ in 0..20 {
        std::hint::black_box(analyze(std::hint::black_box(&source), &ctx));
    }
    let mut times: Vec<Duration> = Vec::with_capacity(iterations);
    for _ in 0..iterations {
        let start = Instant::now();
        let a = analyze(std::hint::black_box(&source), &ctx);
        times.push(start.elapsed());
        assert!(a.syntax_error.is_none(), "{:?}", a.syntax_error);
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let median = ms(times[times.len() / 2]);
    let p95 = ms(times[times.len() * 95 / 100]);
    let verdict = if median <= 5.0 { "meets" } else { "misses" };
    println!("| benchmark | lines | iterations | median | p95 | target |");
    println!("|---|---:|---:|---:|---:|---|");
    println!(
        "| analyse a {lines}-line solution (`analyze`) | {lines} | {iterations} | {median:.2} ms | {p95:.2} ms | ≤ 5 ms median ({verdict}) |"
    );
}
