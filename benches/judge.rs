//! Judge benchmark (issue #2): `codify submit` of an accepted two-sum solution, end to end including the
//! database write, against a bare `python3 -S -c pass` on the same machine, measured side by side in one
//! run (interleaved, so that load affects both alike). Also the same submit with the sandbox layers off.
//!
//! Run: `cargo bench --bench judge` (release build). Prints a Markdown table for docs/PERFORMANCE.md.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const ROUNDS: usize = 41;
const SOLUTION: &str = include_str!("../tests/fixtures/solutions/two_sum.py");

fn time(cmd: &mut Command) -> Duration {
    let start = Instant::now();
    let status = cmd.stdout(Stdio::null()).stderr(Stdio::null()).status().expect("spawn");
    let took = start.elapsed();
    assert!(status.success(), "{cmd:?} failed");
    took
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn submit(home: &Path, sol: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_codify"));
    c.arg("--home").arg(home).args(["submit", "two-sum"]).arg(sol).env_remove("CODIFY_HOME");
    c
}

fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sandboxed = dir.path().join("sandboxed");
    let bare = dir.path().join("bare");
    std::fs::create_dir_all(&bare).unwrap();
    std::fs::write(bare.join("config.toml"), "[judge]\nsandbox = false\n").unwrap();
    let sol = dir.path().join("two_sum.py");
    std::fs::write(&sol, SOLUTION).unwrap();

    let interp = codify::judge::interpreter::resolve("python3", &dir.path().join("probe-cache")).expect("python3");
    // Warm-up: creates the databases, caches the interpreter and the compiled harness.
    for home in [&sandboxed, &bare] {
        let out = submit(home, &sol).output().unwrap();
        assert!(String::from_utf8_lossy(&out.stdout).starts_with("Accepted"), "warm-up run was not accepted");
    }

    let (mut py, mut sub, mut nosb) = (vec![], vec![], vec![]);
    for _ in 0..ROUNDS {
        py.push(time(Command::new(&interp.executable).args(["-S", "-c", "pass"])));
        sub.push(time(&mut submit(&sandboxed, &sol)));
        nosb.push(time(&mut submit(&bare, &sol)));
    }
    let (py, sub, nosb) = (median(py), median(sub), median(nosb));
    let ratio = ms(sub) / ms(py);
    let overhead = (ms(sub) / ms(nosb) - 1.0) * 100.0;
    println!("judge benchmark, {ROUNDS} interleaved rounds, medians");
    println!("| measurement | median |");
    println!("|---|---|");
    println!("| `python3 -S -c pass` ({}) | {:.1} ms |", interp.version_string(), ms(py));
    println!("| `codify submit two-sum` (15 tests, sandbox on, database write) | {:.1} ms |", ms(sub));
    println!("| `codify submit two-sum` with `judge.sandbox = false` | {:.1} ms |", ms(nosb));
    println!("| ratio submit / bare python (target ≤ 3.0) | {ratio:.2}× |");
    println!("| sandbox layers' cost (target ≤ 5%) | {overhead:+.1}% |");
}
