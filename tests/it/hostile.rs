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
    let home = tempfile::tempdir().unwrap();
    let cfg = home.path().join("config.toml");
    std::fs::write(&cfg, format!("problem_dirs = [{:?}]\n", fixtures_dir().display().to_string())).unwrap();
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

#[test]
fn nothing_is_left_running_after_a_timeout() {
    // Case 1 reports the interpreter's pid; case 2 starts a thread and spins until it is killed.
    let code = "import os, threading, time\nclass Solution:\n    def probe(self, x):\n        if x == 1:\n            print('pid', os.getpid())\n            return x\n        threading.Thread(target=lambda: time.sleep(1000)).start()\n        while True: pass\n";
    let r = submit(&fixture("sandbox-probe"), code);
    assert_eq!(r.verdict, Verdict::TimeLimitExceeded);
    let pid: u32 =
        r.cases[0].stdout.trim().strip_prefix("pid ").and_then(|p| p.parse().ok()).expect("case 1 printed its pid");
    assert!(!std::path::Path::new(&format!("/proc/{pid}")).exists(), "process {pid} is still there");
}
