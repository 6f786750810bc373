//! Sandbox cost in isolation: an interpreter started through the judge's spawn path with every layer on,
//! against the same path with the layers off, interleaved, 150 rounds each. `cargo bench --bench sandbox`.

use codify::judge::process;
use codify::judge::sandbox::{Policy, Prepared};
use std::time::{Duration, Instant};
fn main() {
    let interp = codify::judge::interpreter::resolve("python3", std::path::Path::new("/tmp/sbx-cache")).unwrap();
    let caps =
        process::Caps { startup: Duration::from_secs(5), per_frame: Duration::from_secs(5), output_bytes: 1 << 20 };
    let script = "import os\nos.write(3, b'x\\n')";
    let mut t = [vec![], vec![]];
    for _ in 0..150 {
        for (i, enabled) in [true, false].into_iter().enumerate() {
            let s = Instant::now();
            let prep =
                Prepared::new(&Policy { enabled, memory_mb: 256, cpu_seconds: 10, read_paths: &interp.read_paths })
                    .unwrap();
            let run = process::spawn(&interp, prep, script).unwrap();
            process::supervise(run, b"", caps, None, |_| process::Control::Continue).unwrap();
            t[i].push(s.elapsed());
        }
    }
    let med = |v: &mut Vec<Duration>| {
        v.sort();
        v[v.len() / 2]
    };
    let (on, off) = (med(&mut t[0]), med(&mut t[1]));
    println!("| interpreter start through the judge, all layers on | {:.2} ms |", on.as_secs_f64() * 1e3);
    println!("| the same with the layers off | {:.2} ms |", off.as_secs_f64() * 1e3);
    println!(
        "| cost of the layers | {:+.2} ms ({:+.1}%) |",
        (on.as_secs_f64() - off.as_secs_f64()) * 1e3,
        (on.as_secs_f64() / off.as_secs_f64() - 1.0) * 100.0
    );
}
