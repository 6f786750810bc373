//! What the diagnosis of a failure adds to a failing submit (issue 15): the smallest failing input and the
//! fix search, on every labelled learner bug (tests/fixtures/teaching/*), with the default 2 s budget, the
//! real sandbox and python3. An accepted submit is not diagnosed, so it pays nothing: the bench checks that
//! too, on the bank's reference solutions of the same problems.
//!
//! Run: `cargo bench --bench diagnose` (release build). Prints a Markdown table for docs/PERFORMANCE.md.

use std::path::{Path, PathBuf};
use std::time::Instant;

use codify::diagnose::{self, DiagnoseOptions};
use codify::judge::{Judge, RunOptions};
use codify::problems::Bank;

fn main() {
    let cache = std::env::temp_dir().join("codify-bench-diagnose");
    let interp = codify::judge::interpreter::resolve("python3", &cache).expect("python3");
    let judge = Judge::new(interp, true, 1024).with_compiled_harness(&cache);
    let bank = Bank::load(&[]);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/teaching");
    // Every corpus: the tuning set and each held-out set.
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|d| d.is_dir())
        .flat_map(|d| std::fs::read_dir(d).unwrap().map(|e| e.unwrap().path()))
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    files.sort();
    let mut added = Vec::new();
    let mut out_of_time = 0;
    let mut accepted_extra = Vec::new();
    for file in &files {
        let code = std::fs::read_to_string(file).unwrap();
        let slug = code.lines().find_map(|l| l.strip_prefix("# problem: ")).unwrap().to_string();
        let problem = bank.get(&slug).unwrap();
        let tests = problem.tests().unwrap();
        let report = judge.run(problem, &tests, &code, &RunOptions::default()).unwrap();
        let started = Instant::now();
        let d = diagnose::diagnose(&judge, problem, &tests, &code, &report, &DiagnoseOptions::default());
        added.push(started.elapsed().as_secs_f64() * 1e3);
        out_of_time += usize::from(d.is_some_and(|d| d.out_of_time));
        // The reference is accepted: nothing to diagnose, nothing added.
        let ok = judge.run(problem, &tests, &problem.solution, &RunOptions::default()).unwrap();
        let started = Instant::now();
        assert!(
            diagnose::diagnose(&judge, problem, &tests, &problem.solution, &ok, &DiagnoseOptions::default()).is_none()
        );
        accepted_extra.push(started.elapsed().as_secs_f64() * 1e3);
    }
    added.sort_by(f64::total_cmp);
    accepted_extra.sort_by(f64::total_cmp);
    let pct = |v: &[f64], p: f64| v[((v.len() - 1) as f64 * p).round() as usize];
    println!("| failing submissions | median added | p90 | max | budget spent (no full fix in time) |");
    println!("|---:|---:|---:|---:|---:|");
    println!(
        "| {} | {:.0} ms | {:.0} ms | {:.0} ms | {out_of_time} |",
        added.len(),
        pct(&added, 0.5),
        pct(&added, 0.9),
        pct(&added, 1.0)
    );
    println!("\naccepted submissions: diagnosis adds at most {:.3} ms (not run)", pct(&accepted_extra, 1.0));
}
