//! Sandbox cost in isolation: an interpreter started through the judge's spawn path with every layer on,
//! against the same path with the layers off, interleaved, 150 rounds each; then what each layer's set-up
//! costs on its own (namespaces, the pids cgroup, preparing Landlock and seccomp).
//! `cargo bench --bench sandbox`.

use codify::judge::process;
use codify::judge::sandbox::{Group, Policy, Prepared};
use std::time::{Duration, Instant};

const ROUNDS: usize = 150;

fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// A fork-like child that calls `unshare(flags)` (when non-zero) and exits; the parent waits for it.
fn child_with(flags: libc::c_int) -> Duration {
    let start = Instant::now();
    // SAFETY: a raw fork-like clone; the child only calls unshare and _exit.
    let pid = unsafe { libc::syscall(libc::SYS_clone, libc::SIGCHLD as libc::c_ulong, 0usize, 0usize, 0usize, 0usize) };
    assert!(pid >= 0, "clone failed");
    if pid == 0 {
        // SAFETY: in the child: plain system calls, then exit without running destructors.
        unsafe {
            if flags != 0 && libc::unshare(flags) != 0 {
                libc::_exit(1);
            }
            libc::_exit(0);
        }
    }
    let mut status = 0;
    // SAFETY: waiting for the child made above.
    unsafe { libc::waitpid(pid as libc::pid_t, &mut status, 0) };
    assert!(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0, "unshare({flags:#x}) failed here");
    start.elapsed()
}

fn main() {
    let interp = codify::judge::interpreter::resolve("python3", std::path::Path::new("/tmp/sbx-cache")).unwrap();
    let caps = process::Caps {
        startup: Duration::from_secs(5),
        per_frame: Duration::from_secs(5),
        output_bytes: 1 << 20,
        cpu_base: None,
        per_input_byte: Duration::ZERO,
    };
    let script = "import os\nos.write(3, b'x\\n')";
    let policy = |enabled| Policy { enabled, memory_mb: 256, cpu_seconds: 10, read_paths: &interp.read_paths };
    let mut t = [vec![], vec![]];
    for _ in 0..ROUNDS {
        for (i, enabled) in [true, false].into_iter().enumerate() {
            let s = Instant::now();
            let prep = Prepared::new(&policy(enabled)).unwrap();
            let run = process::spawn(&interp, prep, script).unwrap();
            process::supervise(run, vec![], process::Feed::Close, caps, None, |_, _| process::Control::Continue)
                .unwrap();
            t[i].push(s.elapsed());
        }
    }
    let (on, off) = (median(&mut t[0]), median(&mut t[1]));
    println!("| interpreter start through the judge, all layers on | {:.2} ms |", ms(on));
    println!("| the same with the layers off | {:.2} ms |", ms(off));
    println!("| cost of the layers | {:+.2} ms ({:+.1}%) |", ms(on) - ms(off), (ms(on) / ms(off) - 1.0) * 100.0);

    // Each layer's set-up on its own.
    let mut base: Vec<Duration> = (0..ROUNDS).map(|_| child_with(0)).collect();
    let base = median(&mut base);
    println!("| a child process that only exits (the supervisor's fork) | {:.3} ms |", ms(base));
    let sets = [
        ("user", libc::CLONE_NEWUSER),
        ("user + ipc", libc::CLONE_NEWUSER | libc::CLONE_NEWIPC),
        ("user + ipc + pid", libc::CLONE_NEWUSER | libc::CLONE_NEWIPC | libc::CLONE_NEWPID),
        (
            "user + ipc + pid + network",
            libc::CLONE_NEWUSER | libc::CLONE_NEWIPC | libc::CLONE_NEWPID | libc::CLONE_NEWNET,
        ),
    ];
    for (name, flags) in sets {
        let mut v: Vec<Duration> = (0..ROUNDS).map(|_| child_with(flags)).collect();
        println!("| namespaces: {name} | {:+.3} ms |", ms(median(&mut v)) - ms(base));
    }
    let mut prepare: Vec<Duration> = (0..ROUNDS)
        .map(|_| {
            let s = Instant::now();
            drop(Prepared::new(&policy(true)).unwrap());
            s.elapsed()
        })
        .collect();
    println!(
        "| preparing the layers in the parent (Landlock ruleset, seccomp programs, task limit) | {:.3} ms |",
        ms(median(&mut prepare))
    );
    if Group::new(64).is_some() {
        // Cold, as in a run: the kernel waits for an RCU grace period when no other move happened lately.
        let mut joins: Vec<Duration> = (0..15)
            .map(|_| {
                std::thread::sleep(Duration::from_millis(100));
                let mut sleeper = std::process::Command::new("sleep").arg("5").spawn().unwrap();
                let group = Group::new(64).unwrap();
                let s = Instant::now();
                group.join(sleeper.id() as libc::pid_t).unwrap();
                let took = s.elapsed();
                sleeper.kill().unwrap();
                sleeper.wait().unwrap();
                took
            })
            .collect();
        println!(
            "| moving a process into a pids cgroup (the last-choice task limit; not used where a PID namespace \
             has its own pid_max) | {:.2} ms |",
            ms(median(&mut joins))
        );
    } else {
        println!("| pids cgroup | unavailable here |");
    }
}
