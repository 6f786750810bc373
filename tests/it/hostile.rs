//! Hostile solutions: each gets a verdict within its time limit and leaves no trace — no file written,
//! nothing read out, no connection made, no process left, no verdict forged.

use std::net::{TcpListener, UdpSocket};
use std::time::{Duration, Instant};

use codify::judge::Verdict;

use crate::common::*;

fn probe(code_body: &str) -> codify::judge::Report {
    let code =
        format!("import os, sys, time, socket\nclass Solution:\n    def probe(self, x):\n{}\n", indent(code_body));
    submit(&fixture("sandbox-probe"), &code)
}

fn indent(body: &str) -> String {
    body.lines().map(|l| format!("        {l}\n")).collect()
}

/// A home whose configuration adds the fixture problems, for tests that run the binary.
fn fixture_home() -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    let config = format!("problem_dirs = [{:?}]\n", fixtures_dir().display().to_string());
    std::fs::write(home.path().join("config.toml"), config).unwrap();
    home
}

/// Whether any process on the machine has `marker` in its command line.
fn process_with(marker: &str) -> bool {
    std::fs::read_dir("/proc").unwrap().filter_map(|e| e.ok()).any(|e| {
        std::fs::read(e.path().join("cmdline")).map(|c| String::from_utf8_lossy(&c).contains(marker)).unwrap_or(false)
    })
}

#[test]
fn fork_bomb_is_stopped_and_leaves_no_process() {
    let started = Instant::now();
    let r = probe(
        "for _ in range(1000):\n    if os.fork() == 0:\n        os.execv('/bin/sleep', ['sleep', '987651'])\nreturn x",
    );
    assert_ne!(r.verdict, Verdict::Accepted);
    assert_eq!(r.verdict, Verdict::RuntimeError, "{:?}", r.message);
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(!process_with("987651"));
}

#[test]
fn detached_child_cannot_be_spawned() {
    let r = probe("import subprocess\nsubprocess.Popen(['sleep', '987652'], start_new_session=True)\nreturn x");
    assert_eq!(r.verdict, Verdict::RuntimeError, "{:?}", r.message);
    std::thread::sleep(Duration::from_millis(100));
    assert!(!process_with("987652"));
    let r = probe("os.setsid()\nreturn x");
    assert_eq!(r.verdict, Verdict::RuntimeError);
}

#[test]
fn threads_still_work() {
    let r = probe("import threading\nout = []\nt = threading.Thread(target=lambda: out.append(x))\nt.start(); t.join()\nreturn out[0]");
    assert_eq!(r.verdict, Verdict::Accepted, "{:?} {:?}", r.message, r.failing_case());
}

#[test]
fn busy_loop_times_out_within_the_limit() {
    let started = Instant::now();
    let r = probe("while True:\n    pass");
    assert_eq!(r.verdict, Verdict::TimeLimitExceeded);
    assert!(started.elapsed() < Duration::from_millis(3000), "{:?}", started.elapsed());
}

#[test]
fn sleeping_times_out_within_the_limit() {
    let started = Instant::now();
    let r = probe("time.sleep(100)\nreturn x");
    assert_eq!(r.verdict, Verdict::TimeLimitExceeded);
    assert!(started.elapsed() < Duration::from_millis(3000));
}

#[test]
fn huge_allocation_is_a_memory_limit() {
    let r = probe("b = bytearray(10 * 1024 ** 3)\nreturn x");
    assert_eq!(r.verdict, Verdict::MemoryLimitExceeded, "{:?}", r.message);
    let r = probe("chunks = []\nwhile True:\n    chunks.append(bytearray(50 * 1024 ** 2))");
    assert_eq!(r.verdict, Verdict::MemoryLimitExceeded, "{:?}", r.message);
}

#[test]
fn output_flood_is_an_output_limit() {
    let started = Instant::now();
    let r = probe("while True:\n    print('x' * 1000)");
    assert_eq!(r.verdict, Verdict::OutputLimitExceeded, "{:?}", r.message);
    let r = probe("while True:\n    os.write(1, b'y' * 65536)");
    assert_eq!(r.verdict, Verdict::OutputLimitExceeded, "{:?}", r.message);
    let r = probe("while True:\n    os.write(2, b'z' * 65536)");
    assert_eq!(r.verdict, Verdict::OutputLimitExceeded, "{:?}", r.message);
    assert!(started.elapsed() < Duration::from_secs(6));
}

#[test]
fn the_learners_files_and_the_database_are_unreadable() {
    let home = tempfile::tempdir().unwrap();
    let ssh = home.path().join(".ssh");
    std::fs::create_dir(&ssh).unwrap();
    std::fs::write(ssh.join("id_ed25519"), "SECRET-KEY-MATERIAL-4242").unwrap();
    let db = home.path().join("codify.db");
    {
        let store = codify::store::Store::open(&db).unwrap();
        drop(store);
    }
    for path in [ssh.join("id_ed25519"), db.clone(), home.path().to_path_buf()] {
        let r = probe(&format!("p = {:?}\nimport os\nif os.path.isdir(p):\n    return len(os.listdir(p)) + x\nreturn len(open(p, 'rb').read()) + x", path.display().to_string()));
        assert_eq!(r.verdict, Verdict::RuntimeError, "{}: {:?}", path.display(), r.failing_case());
        let err = &r.failing_case().unwrap().error.as_ref().unwrap().kind;
        assert_eq!(err, "PermissionError", "{}", path.display());
    }
    // Codify's own binary holds the bundled tests and their answers.
    let exe = env!("CARGO_BIN_EXE_codify");
    let r = probe(&format!("return len(open({exe:?}, 'rb').read(10)) + x"));
    assert_eq!(r.verdict, Verdict::RuntimeError);
}

#[test]
fn writing_files_anywhere_fails_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("planted.txt");
    for path in [
        target.display().to_string(),
        "/tmp/codify-planted-987653".to_string(),
        "/dev/shm/codify-planted".to_string(),
        "planted.txt".to_string(),
    ] {
        let r = probe(&format!("open({path:?}, 'w').write('owned')\nreturn x"));
        assert_eq!(r.verdict, Verdict::RuntimeError, "{path}");
    }
    assert!(!target.exists());
    assert!(!std::path::Path::new("/tmp/codify-planted-987653").exists());
    assert!(!std::path::Path::new("/planted.txt").exists());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    let r = probe("os.mkdir('/tmp/codify-dir-987654')\nreturn x");
    assert_eq!(r.verdict, Verdict::RuntimeError);
    assert!(!std::path::Path::new("/tmp/codify-dir-987654").exists());
}

#[test]
fn tcp_and_udp_sockets_reach_nothing() {
    let tcp = TcpListener::bind("127.0.0.1:0").unwrap();
    tcp.set_nonblocking(true).unwrap();
    let udp = UdpSocket::bind("127.0.0.1:0").unwrap();
    udp.set_nonblocking(true).unwrap();
    let (tport, uport) = (tcp.local_addr().unwrap().port(), udp.local_addr().unwrap().port());
    let r = probe(&format!(
        "s = socket.create_connection(('127.0.0.1', {tport}), timeout=2)\ns.sendall(b'leak')\nreturn x"
    ));
    assert_eq!(r.verdict, Verdict::RuntimeError, "{:?}", r.failing_case());
    let r = probe(&format!(
        "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\ns.sendto(b'leak', ('127.0.0.1', {uport}))\nreturn x"
    ));
    assert_eq!(r.verdict, Verdict::RuntimeError);
    let r = probe(&format!(
        "s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)\ns.connect(('::1', {tport}))\nreturn x"
    ));
    assert_eq!(r.verdict, Verdict::RuntimeError);
    std::thread::sleep(Duration::from_millis(50));
    assert!(tcp.accept().is_err(), "no connection arrived");
    let mut buf = [0u8; 16];
    assert!(udp.recv(&mut buf).is_err(), "no datagram arrived");
}

#[test]
fn killing_the_parent_fails_and_the_cli_survives() {
    let home = fixture_home();
    let sol = write_solution(home.path(), "kill.py", "import os, signal\nclass Solution:\n    def probe(self, x):\n        os.kill(os.getppid(), signal.SIGKILL)\n        return x\n");
    let out = codify(home.path(), &["submit", "sandbox-probe", sol.to_str().unwrap(), "--json"]);
    assert!(out.status.success(), "codify itself survived: {}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["verdict"], "runtime_error");
    let r = probe("os.kill(1, 9)\nreturn x");
    assert_eq!(r.verdict, Verdict::RuntimeError);
    let r = probe("os.killpg(os.getpgid(os.getppid()), 9)\nreturn x");
    assert_eq!(r.verdict, Verdict::RuntimeError);
}

#[test]
fn printed_fake_results_are_just_output() {
    let r = probe("print('{\"t\": \"case\", \"id\": 1, \"status\": \"ok\", \"value\": 1}')\nprint('{\"t\": \"done\"}')\nreturn -1");
    assert_eq!(r.verdict, Verdict::WrongAnswer);
    assert!(r.failing_case().unwrap().stdout.contains("\"done\""));
}

#[test]
fn writing_to_the_result_channel_cannot_forge_a_verdict() {
    // Expected answers never enter the sandbox, so a forged frame can only claim values, which the parent
    // compares like returned ones: wrong claims are wrong answers.
    let forged = "os.write(3, b'{\"t\": \"case\", \"id\": 1, \"status\": \"ok\", \"value\": 999}\\n{\"t\": \"case\", \"id\": 2, \"status\": \"ok\", \"value\": 999}\\n{\"t\": \"done\"}\\n')";
    let r = probe(&format!("{forged}\nreturn x"));
    assert_ne!(r.verdict, Verdict::Accepted, "{r:?}");
    let r = probe(&format!("{forged}\nos._exit(0)"));
    assert_eq!(r.verdict, Verdict::WrongAnswer, "{r:?}");
    // Frames out of order (here: a second `ready` to reset the deadline) are tampering.
    let r = probe("os.write(3, b'{\"t\": \"ready\"}\\n')\nreturn x");
    assert_eq!(r.verdict, Verdict::RuntimeError);
    assert!(r.message.unwrap().contains("result channel"));
    let r = probe("os.write(3, b'garbage\\n')\nreturn x");
    assert_eq!(r.verdict, Verdict::RuntimeError);
    // Closing the channel ends the run without a verdict being forged.
    let r = probe("os.close(3)\nreturn x");
    assert_ne!(r.verdict, Verdict::Accepted);
}

#[test]
fn exiting_early_is_a_runtime_error() {
    for body in ["sys.exit(0)", "os._exit(0)", "raise SystemExit(0)", "os.abort()", "raise KeyboardInterrupt"] {
        let r = probe(body);
        assert_eq!(r.verdict, Verdict::RuntimeError, "{body}: {:?}", r.message);
    }
}

#[test]
fn objects_that_lie_in_eq_do_not_pass() {
    let r = probe(
        "class Liar(int):\n    def __eq__(self, other): return True\n    def __int__(self): return 1\nreturn Liar(-5)",
    );
    assert_eq!(r.verdict, Verdict::WrongAnswer);
    // An object the judge cannot read as an answer is a wrong answer of the wrong kind, with the reason.
    let r = probe("class Liar:\n    def __eq__(self, other): return True\nreturn Liar()");
    assert_eq!(r.verdict, Verdict::WrongAnswer);
    assert!(r.failing_case().unwrap().error.as_ref().unwrap().message.contains("cannot read"));
    let r = probe(
        "class L(list):\n    def __eq__(self, o): return True\n    def __iter__(self): return iter([1])\nreturn L([9])",
    );
    assert_eq!(r.verdict, Verdict::WrongAnswer);
}

#[test]
fn the_environment_is_cleared() {
    // SAFETY-free: only reads. The judge starts the interpreter with a cleared environment.
    let r = probe(
        "return x + len([k for k in os.environ if k not in ('PYTHONHASHSEED', 'PYTHONUTF8', 'LC_ALL', 'LC_CTYPE')])",
    );
    assert_eq!(r.verdict, Verdict::Accepted, "{:?}", r.failing_case());
}

/// Whether any thread on the machine is named `name`.
fn thread_named(name: &str) -> bool {
    std::fs::read_dir("/proc").unwrap().filter_map(|e| e.ok()).any(|e| {
        std::fs::read_dir(e.path().join("task"))
            .into_iter()
            .flatten()
            .filter_map(|t| t.ok())
            .any(|t| std::fs::read_to_string(t.path().join("comm")).is_ok_and(|c| c.trim_end() == name))
    })
}

#[test]
fn nothing_is_left_running_after_a_timeout() {
    // Case 1 starts a sleeping thread with a name that can be looked for (and fails if it cannot name it);
    // case 2 spins until it is killed. The interpreter's own id means nothing outside its PID namespace.
    let code = "import ctypes, threading, time\nclass Solution:\n    def probe(self, x):\n        if x == 1:\n            named = threading.Event()\n            def sleeper():\n                named.ok = ctypes.CDLL(None).prctl(15, b'cdfy-987655', 0, 0, 0) == 0\n                named.set()\n                time.sleep(1000)\n            threading.Thread(target=sleeper, daemon=True).start()\n            named.wait()\n            return x if named.ok else -1\n        while True: pass\n";
    let r = submit(&fixture("sandbox-probe"), code);
    assert_eq!(r.verdict, Verdict::TimeLimitExceeded, "{:?}", r.failing_case());
    assert!(!thread_named("cdfy-987655"), "a thread of the run is still there");
}

// --- Escapes a skilled attacker tries (issue "Sandbox"). Each hostile solution reports what its
// attack achieved on stdout and returns `x`, so that a successful attack is visible in the test's
// assertion rather than hidden behind an error. The attacks are bounded (a few thousand threads that
// exit within seconds, sleeps of a few seconds), so a regression cannot take the test machine down.

/// `ctypes` and the C library, for the system calls Python does not wrap.
const CTYPES: &str = "import ctypes\nlibc = ctypes.CDLL(None, use_errno=True)\n";

fn probe_on(slug: &str, code_body: &str) -> codify::judge::Report {
    let code = format!(
        "import os, sys, time, socket\nclass Solution:\n    def probe(self, x):\n{}\n",
        indent(&format!("{CTYPES}{code_body}"))
    );
    submit(&fixture(slug), &code)
}

/// The first case's stdout (case 1 is public, so its output is always reported).
fn first_stdout(r: &codify::judge::Report) -> String {
    r.cases.first().map(|c| c.stdout.clone()).unwrap_or_default()
}

/// The keys of the System V IPC objects of one kind (`shm`, `msg`, `sem`) on this machine.
fn sysv_keys(kind: &str) -> Vec<i64> {
    let text = std::fs::read_to_string(format!("/proc/sysvipc/{kind}")).unwrap_or_default();
    text.lines().skip(1).filter_map(|l| l.split_whitespace().next()?.parse().ok()).collect()
}

#[test]
fn sysv_ipc_is_out_of_reach_and_nothing_outlives_the_run() {
    // A segment of this process stands for another program of the same user.
    let key = 0x0c0d_1000 + (std::process::id() as i32 & 0xfff);
    // SAFETY: plain System V calls on a fresh private key; the segment is removed below.
    let victim = unsafe { libc::shmget(key, 4096, libc::IPC_CREAT | 0o600) };
    assert!(victim >= 0, "the test could create its own segment");
    let mine = key + 0x10_0000;
    let r = probe_on(
        "sandbox-probe",
        &format!(
            "r = [libc.shmget({key}, 0, 0), libc.shmget({mine}, 64 << 20, 0o1600), libc.msgget({mine}, 0o1600), \
             libc.semget({mine}, 1, 0o1600)]\nprint('ipc', r)\nreturn x"
        ),
    );
    // SAFETY: removing the segment created above.
    unsafe { libc::shmctl(victim, libc::IPC_RMID, std::ptr::null_mut()) };
    assert_eq!(r.verdict, Verdict::Accepted, "{:?}", r.failing_case());
    assert!(first_stdout(&r).contains("ipc [-1, -1, -1, -1]"), "{}", first_stdout(&r));
    for kind in ["shm", "msg", "sem"] {
        assert!(!sysv_keys(kind).contains(&i64::from(mine)), "a {kind} object outlived the run");
    }
}

#[test]
fn a_thread_bomb_ends_in_a_clear_verdict() {
    let started = Instant::now();
    let r = probe_on(
        "sandbox-probe-slow",
        "import threading\nthreading.stack_size(32768)\nstop = threading.Event()\nn = 0\ntry:\n    for _ in range(3000):\n        threading.Thread(target=stop.wait, args=(3,), daemon=True).start()\n        n += 1\nfinally:\n    stop.set()\n    print('threads', n)\nreturn x",
    );
    assert_eq!(r.verdict, Verdict::RuntimeError, "{:?} {}", r.message, first_stdout(&r));
    assert!(r.message.as_deref().unwrap_or("").contains("threads"), "{:?}", r.message);
    assert!(started.elapsed() < Duration::from_secs(5));
}

/// Every process descended from `pid`.
fn descendants(pid: u32) -> Vec<u32> {
    let mut parent_of = Vec::new();
    for e in std::fs::read_dir("/proc").unwrap().filter_map(|e| e.ok()) {
        let Ok(child) = e.file_name().to_string_lossy().parse::<u32>() else { continue };
        let Ok(stat) = std::fs::read_to_string(e.path().join("stat")) else { continue };
        let Some(after) = stat.rfind(')').map(|i| &stat[i + 2..]) else { continue };
        if let Some(ppid) = after.split(' ').nth(1).and_then(|p| p.parse::<u32>().ok()) {
            parent_of.push((child, ppid));
        }
    }
    let mut found = vec![pid];
    let mut i = 0;
    while i < found.len() {
        let p = found[i];
        found.extend(parent_of.iter().filter(|(_, pp)| *pp == p).map(|(c, _)| *c));
        i += 1;
    }
    found.remove(0);
    found
}

/// Whether `pid` is still a running (not zombie) process.
fn alive(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => stat.rfind(')').and_then(|i| stat[i + 2..].chars().next()).is_some_and(|s| s != 'Z' && s != 'X'),
        Err(_) => false,
    }
}

#[test]
fn the_run_dies_with_codify_however_codify_is_stopped() {
    let home = fixture_home();
    // The solution runs on a thread of its own; the harness's main thread flushes the result channel at
    // the end. Replacing that channel runs code on the main thread, which clears its parent-death signal
    // and then outlives codify by sleeping.
    let sol = write_solution(
        home.path(),
        "orphan.py",
        "import ctypes, time, __main__\nclass Quiet:\n    def write(self, s):\n        return len(s)\n    def flush(self):\n        ctypes.CDLL(None).prctl(1, 0, 0, 0, 0)\n        time.sleep(6)\nkept = __main__._results\n__main__._results = Quiet()\nclass Solution:\n    def probe(self, x):\n        return x\n",
    );
    for signal in [libc::SIGTERM, libc::SIGHUP, libc::SIGINT, libc::SIGKILL] {
        let mut child = command(home.path(), &["submit", "sandbox-probe-slow", sol.to_str().unwrap()])
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let until = Instant::now() + Duration::from_secs(20);
        let harness = loop {
            let found: Vec<u32> = descendants(child.id())
                .into_iter()
                .filter(|p| {
                    std::fs::read(format!("/proc/{p}/cmdline"))
                        .is_ok_and(|c| String::from_utf8_lossy(&c).contains("import marshal"))
                })
                .collect();
            if !found.is_empty() || Instant::now() > until {
                break found;
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        assert!(!harness.is_empty(), "the interpreter started");
        std::thread::sleep(Duration::from_millis(400)); // the solution clears its parent-death signal
        let family = descendants(child.id());
        // SAFETY: signalling the codify process this test started.
        unsafe { libc::kill(child.id() as libc::pid_t, signal) };
        child.wait().unwrap();
        let until = Instant::now() + Duration::from_secs(2);
        while family.iter().any(|&p| alive(p)) && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(20));
        }
        let left: Vec<u32> = family.iter().copied().filter(|&p| alive(p)).collect();
        for &p in &left {
            // SAFETY: cleaning up what the failed check left behind.
            unsafe { libc::kill(p as libc::pid_t, libc::SIGKILL) };
        }
        assert!(left.is_empty(), "signal {signal}: processes {left:?} outlived codify");
    }
}

#[test]
fn scheduling_of_other_processes_cannot_be_changed() {
    use std::os::unix::process::CommandExt;
    // The victim holds no capabilities, like any process of an ordinary user.
    let mut victim = std::process::Command::new("sleep");
    victim.arg("30");
    // SAFETY: prctl and capset are async-signal-safe system calls on the child itself.
    unsafe {
        victim.pre_exec(|| {
            for cap in 0..64 {
                libc::prctl(libc::PR_CAPBSET_DROP, cap, 0, 0, 0);
            }
            let header = [0x2008_0522u32, 0];
            let data = [0u32; 6];
            if libc::syscall(libc::SYS_capset, header.as_ptr(), data.as_ptr()) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut victim = victim.spawn().unwrap();
    let pid = victim.id();
    let read = |pid: u32| {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
        let fields: Vec<String> = stat[stat.rfind(')').unwrap() + 2..].split(' ').map(String::from).collect();
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
        let cpus = status.lines().find(|l| l.starts_with("Cpus_allowed_list")).unwrap().to_string();
        // SAFETY: ioprio_get only reads the class of the given process.
        let ioprio = unsafe { libc::syscall(libc::SYS_ioprio_get, 1, pid) };
        // nice is field 19 of stat, the policy field 41 (counted from 1, here after pid and comm).
        (fields[16].clone(), fields[38].clone(), cpus, ioprio)
    };
    let before = read(pid);
    let r = probe_on(
        "sandbox-probe",
        &format!(
            "r = []\nfor f in (lambda: os.setpriority(os.PRIO_PROCESS, {pid}, 19), \
             lambda: os.sched_setaffinity({pid}, {{0}}), \
             lambda: os.sched_setscheduler({pid}, os.SCHED_IDLE, os.sched_param(0)), \
             lambda: libc.syscall({ioprio_set}, 1, {pid}, 3 << 13)):\n    try:\n        r.append(f())\n    except OSError as e:\n        r.append(e.errno)\nprint('sched', r)\nreturn x",
            ioprio_set = libc::SYS_ioprio_set
        ),
    );
    let after = read(pid);
    victim.kill().unwrap();
    victim.wait().unwrap();
    assert_eq!(r.verdict, Verdict::Accepted, "{:?}", r.failing_case());
    assert_eq!(before, after, "the victim's scheduling changed: {}", first_stdout(&r));
}

#[test]
fn metadata_of_files_outside_cannot_be_changed() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("codify.db");
    std::fs::write(&file, "data").unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let meta = |p: &std::path::Path| {
        let m = std::fs::metadata(p).unwrap();
        (m.mode(), m.uid(), m.gid(), m.mtime(), m.mtime_nsec(), m.atime())
    };
    let (before_file, before_dir) = (meta(&file), meta(dir.path()));
    let path = file.display().to_string();
    let dpath = dir.path().display().to_string();
    let r = probe_on(
        "sandbox-probe",
        &format!(
            "r = []\nfor f in (lambda: os.chmod({path:?}, 0), lambda: os.chmod({dpath:?}, 0), \
             lambda: os.utime({path:?}, (0, 0)), lambda: os.chown({path:?}, 65534, 65534), \
             lambda: os.setxattr({path:?}, 'user.codify', b'1'), lambda: os.removexattr({path:?}, 'user.keep'), \
             lambda: os.truncate({path:?}, 0)):\n    try:\n        r.append(f())\n    except OSError as e:\n        r.append(e.errno)\nprint('meta', r)\nreturn x"
        ),
    );
    assert_eq!(r.verdict, Verdict::Accepted, "{:?}", r.failing_case());
    assert_eq!(meta(&file), before_file, "{}", first_stdout(&r));
    assert_eq!(meta(dir.path()), before_dir, "{}", first_stdout(&r));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "data");
    let name = std::ffi::CString::new("user.codify").unwrap();
    let cpath = std::ffi::CString::new(path.clone()).unwrap();
    // SAFETY: getxattr with a null buffer only asks for the value's size.
    let size = unsafe { libc::getxattr(cpath.as_ptr(), name.as_ptr(), std::ptr::null_mut(), 0) };
    assert!(size < 0, "an extended attribute was set");
}

#[test]
fn unix_datagrams_reach_no_socket_outside() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outside.sock");
    let sock = std::os::unix::net::UnixDatagram::bind(&path).unwrap();
    sock.set_nonblocking(true).unwrap();
    let p = path.display().to_string();
    let r = probe_on(
        "sandbox-probe",
        &format!(
            "import array\nr = []\nfor f in (lambda: socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM).sendto(b'leak', {p:?}), \
             lambda: socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM).sendmsg([b'fds'], \
             [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array('i', [0, 1, 2]))], 0, {p:?}), \
             lambda: socket.socketpair()):\n    try:\n        r.append(str(f()))\n    except OSError as e:\n        r.append(e.errno)\nprint('dgram', r)\nreturn x"
        ),
    );
    assert_eq!(r.verdict, Verdict::Accepted, "{:?}", r.failing_case());
    let mut buf = [0u8; 64];
    assert!(sock.recv(&mut buf).is_err(), "a datagram arrived: {}", first_stdout(&r));
    assert!(!first_stdout(&r).contains("socket"), "a socket could be made: {}", first_stdout(&r));
}

#[test]
fn descriptors_codify_inherited_are_closed_in_the_run() {
    use std::os::unix::process::CommandExt;
    let home = fixture_home();
    let secret = home.path().join("inherited.txt");
    std::fs::write(&secret, "private").unwrap();
    let sol = write_solution(
        home.path(),
        "fds.py",
        "import os\nclass Solution:\n    def probe(self, x):\n        found = []\n        for fd in range(4, 1024):\n            try:\n                os.fstat(fd)\n                found.append(fd)\n            except OSError:\n                pass\n        try:\n            os.write(7, b'pwned')\n        except OSError:\n            pass\n        print('fds', found)\n        return x\n",
    );
    let file = std::fs::OpenOptions::new().read(true).write(true).open(&secret).unwrap();
    let fd = std::os::fd::AsRawFd::as_raw_fd(&file);
    let mut cmd = command(home.path(), &["submit", "sandbox-probe", "--json", sol.to_str().unwrap()]);
    // SAFETY: dup2 is async-signal-safe; descriptor 7 is inherited without close-on-exec, as a shell does.
    unsafe {
        cmd.pre_exec(move || if libc::dup2(fd, 7) < 0 { Err(std::io::Error::last_os_error()) } else { Ok(()) });
    }
    let out = cmd.output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| panic!("{}", stderr(&out)));
    assert_eq!(v["verdict"], "accepted", "{v}");
    assert_eq!(std::fs::read_to_string(&secret).unwrap(), "private");
    assert_eq!(v["cases"][0]["stdout"], "fds []\n", "{v}");
}

#[test]
fn inotify_cannot_watch_outside() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().display().to_string();
    let r = probe_on(
        "sandbox-probe",
        &format!("fd = libc.inotify_init1(0)\nw = libc.inotify_add_watch(fd, {p:?}.encode(), 0x100)\nprint('inotify', fd, w)\nreturn x"),
    );
    assert_eq!(r.verdict, Verdict::Accepted, "{:?}", r.failing_case());
    assert!(first_stdout(&r).starts_with("inotify -1 -1"), "{}", first_stdout(&r));
}

#[test]
fn case_times_are_the_judges_not_the_solutions() {
    // Replacing the harness's clock does not change the measured time.
    let r =
        probe_on("sandbox-timing", "import __main__\n__main__.perf_counter = lambda: 0.0\ntime.sleep(0.1)\nreturn x");
    assert_eq!(r.verdict, Verdict::Accepted, "{:?}", r.failing_case());
    assert!(r.cases.iter().all(|c| c.ms >= 100.0), "{:?}", r.cases.iter().map(|c| c.ms).collect::<Vec<_>>());
    assert!(r.runtime_ms >= 400.0, "{}", r.runtime_ms);
}

#[test]
fn later_and_hidden_inputs_are_not_in_the_sandbox_early() {
    let r = probe_on(
        "sandbox-timing",
        "import gc\ndef holds(o, depth=0):\n    if depth > 4: return False\n    if o == 77777 and type(o) is int: return True\n    if type(o) is dict: return any(holds(v, depth + 1) for v in o.values())\n    if type(o) in (list, tuple): return any(holds(v, depth + 1) for v in o)\n    return False\nif x == 1:\n    print('leak', any(holds(o) for o in gc.get_objects() if type(o) in (dict, list, tuple)))\nreturn x",
    );
    assert_eq!(r.verdict, Verdict::Accepted, "{:?}", r.failing_case());
    assert_eq!(first_stdout(&r), "leak False\n");
}

#[test]
fn work_hidden_in_a_background_thread_is_still_too_slow() {
    // The last case needs 0.9 s of work against a limit of 0.5 s; a thread started at load time tries to
    // do it early, while the first cases stall just under the limit.
    let code = "import gc, threading, time\nanswers = {}\ndef find():\n    for o in gc.get_objects():\n        if type(o) is dict and type(o.get('input')) is dict and o['input'].get('x') == 77777:\n            return True\n    return False\ndef work():\n    if find():\n        time.sleep(0.9)\n        answers[77777] = 77777\nthreading.Thread(target=work, daemon=True).start()\nclass Solution:\n    def probe(self, x):\n        if x in answers:\n            return answers[x]\n        if x == 77777:\n            time.sleep(0.9)\n            return x\n        time.sleep(0.35)\n        return x\n";
    let r = submit(&fixture("sandbox-timing"), code);
    assert_eq!(r.verdict, Verdict::TimeLimitExceeded, "{:?}", r.cases.iter().map(|c| c.ms).collect::<Vec<_>>());
}

#[test]
fn output_and_error_text_are_capped_whatever_the_harness_says() {
    let r =
        probe_on("sandbox-probe-slow", "type(sys.stdout).text = lambda self: 'A' * 8_000_000\nprint('x')\nreturn x");
    assert_eq!(r.verdict, Verdict::Accepted, "{:?}", r.message);
    assert!(r.cases.iter().all(|c| c.stdout.len() <= 4096), "{}", first_stdout(&r).len());
    let r = probe_on(
        "sandbox-probe-slow",
        "import __main__\n__main__._error = lambda e: {'type': 'E' * 9000, 'message': 'B' * 8_000_000, 'line': None, 'traceback': 'C' * 8_000_000}\nraise ValueError('boom')",
    );
    assert_eq!(r.verdict, Verdict::RuntimeError);
    let e = r.failing_case().unwrap().error.clone().unwrap();
    assert!(e.message.len() <= 2000 && e.traceback.len() <= 8192 && e.kind.len() <= 200, "{}", e.message.len());
    assert!(serde_json::to_string(&r).unwrap().len() < 64 << 10);
}

#[test]
fn a_huge_wrong_answer_is_not_kept_whole() {
    let r = probe_on("sandbox-probe-slow", "return list(range(1_000_000))");
    assert_eq!(r.verdict, Verdict::WrongAnswer, "{:?}", r.message);
    assert!(r.failing_case().unwrap().actual.as_str().unwrap().contains("a list of 1000000 items"));
    assert!(serde_json::to_string(&r).unwrap().len() < 64 << 10);
}

#[test]
fn memory_refused_by_mmap_is_a_memory_limit() {
    let r = probe("import mmap\nm = mmap.mmap(-1, 4 << 30)\nreturn x");
    assert_eq!(r.verdict, Verdict::MemoryLimitExceeded, "{:?}", r.message);
}

#[test]
fn the_allow_list_refuses_what_a_solution_never_needs() {
    // Each call prints its result; all must be refused (PermissionError, or -1 from the C library).
    let r = probe_on(
        "sandbox-probe",
        &format!(
            "import sys as _s\nr = []\nfor f in (lambda: os.execv(_s.executable, ['python3', '-c', 'pass']), \
             lambda: os.memfd_create('x'), lambda: os.kill(0, 0), lambda: os.nice(-1), \
             lambda: os.setpgid(0, 0), lambda: os.chdir('/tmp')):\n    try:\n        r.append(('ok', f()))\n    except OSError as e:\n        r.append(e.errno)\nr.append(libc.prctl(1, 0, 0, 0, 0))\nr.append(libc.syscall({mount}, 0, 0, 0, 0, 0))\nprint('denied', r)\nreturn x",
            mount = libc::SYS_mount
        ),
    );
    assert_eq!(r.verdict, Verdict::Accepted, "{:?}", r.failing_case());
    let out = first_stdout(&r);
    assert!(!out.contains("'ok'"), "a call went through: {out}");
    // errno 1 (EPERM) for the calls Python wraps, -1 for the raw prctl and mount.
    assert_eq!(out.trim(), "denied [1, 1, 1, 1, 1, 1, -1, -1]", "{out}");
}
