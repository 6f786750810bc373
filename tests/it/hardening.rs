//! Hardening (issue "Hardening"), the local side: text from other people cannot drive the terminal, the
//! database is private and never fails on a lock, a hostile server cannot exhaust the client, and bad
//! local input (endless files) is refused.

use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use codify::store::Store;
use codify::sync::wire::Comment;

use crate::common::*;

/// A comment from someone else that tries the tricks a terminal obeys: set the clipboard (OSC 52), the
/// window title, clear the screen, hide text, and reverse what follows (U+202E).
const HOSTILE: &str =
    "\u{1b}]52;c;ZWNobyBwd25lZA==\u{7}\u{1b}]0;owned\u{7}\u{1b}[2J\u{1b}[8mhidden\u{1b}[0m \u{202e}gnp.exe\r\u{8}done";

/// A home whose database holds `HOSTILE` as a comment on `slug`, pulled from a server; the fixture problems
/// are configured (their statements are short, so the comments show without scrolling).
fn home_with_hostile_comment(slug: &str) -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    let config = format!("problem_dirs = [{:?}]\n", fixtures_dir().display().to_string());
    std::fs::write(home.path().join("config.toml"), config).unwrap();
    let store = Store::open(&home.path().join("codify.db")).unwrap();
    let comment = Comment {
        id: uuid::Uuid::now_v7(),
        slug: slug.into(),
        author: "mallory\u{1b}[31m".into(),
        text: HOSTILE.into(),
        tag: None,
        at: 1_796_000_000_000,
        seq: 1,
        deleted: false,
    };
    store.apply_comments(&[comment], 1).unwrap();
    home
}

/// Runs the binary on a pseudo-terminal of 120x40, sends `keys` (each after a pause), and returns every byte
/// it wrote to the terminal within `wait`.
fn in_pty(home: &Path, args: &[&str], keys: &[&[u8]], wait: Duration) -> Vec<u8> {
    use std::os::unix::process::CommandExt;
    let (mut master, mut slave) = (0, 0);
    let size = libc::winsize { ws_row: 40, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0 };
    // SAFETY: openpty writes two descriptors; the other pointers may be null.
    let rc = unsafe { libc::openpty(&mut master, &mut slave, std::ptr::null_mut(), std::ptr::null(), &size) };
    assert_eq!(rc, 0, "openpty");
    // SAFETY: both descriptors are new and owned here.
    let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    let mut cmd = command(home, args);
    cmd.env("TERM", "xterm-256color");
    cmd.stdin(Stdio::from(slave.try_clone().unwrap()))
        .stdout(Stdio::from(slave.try_clone().unwrap()))
        .stderr(Stdio::from(slave));
    // SAFETY: setsid and TIOCSCTTY are async-signal-safe; they make the pty the child's terminal.
    unsafe {
        cmd.pre_exec(|| {
            libc::setsid();
            libc::ioctl(0, libc::TIOCSCTTY, 0);
            Ok(())
        });
    }
    let mut child = cmd.spawn().unwrap();
    drop(cmd); // its copies of the terminal's other end, or the reader never sees the end
    let mut reader = std::fs::File::from(master.try_clone().unwrap());
    let out = std::thread::spawn(move || {
        let mut all = Vec::new();
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            all.extend_from_slice(&buf[..n]);
        }
        all
    });
    let mut writer = std::fs::File::from(master);
    let start = Instant::now();
    for k in keys {
        std::thread::sleep(Duration::from_millis(400));
        writer.write_all(k).unwrap();
    }
    std::thread::sleep(wait.saturating_sub(start.elapsed()));
    let _ = child.kill();
    child.wait().unwrap();
    drop(writer);
    out.join().unwrap()
}

/// Whether `hay` holds `needle` anywhere.
fn holds(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Nothing of HOSTILE's payload reached the terminal as something it would obey.
fn assert_not_obeyed(out: &[u8]) {
    for (what, bytes) in [
        ("OSC 52 (clipboard)", &b"\x1b]52"[..]),
        ("OSC 0 (window title)", b"\x1b]0;owned"),
        ("hidden text", b"\x1b[8m"),
        ("BEL", b"\x07"),
        ("U+202E (right-to-left override)", "\u{202e}".as_bytes()),
        ("the author's colour", b"\x1b[31m"),
    ] {
        assert!(!holds(out, bytes), "{what} reached the terminal: {:?}", String::from_utf8_lossy(out));
    }
}

#[test]
fn another_persons_comment_cannot_drive_the_terminal_in_the_cli() {
    let home = home_with_hostile_comment("two-sum");
    let out = in_pty(home.path(), &["comments", "two-sum"], &[], Duration::from_secs(3));
    assert!(holds(&out, "\u{241b}]52;c;".as_bytes()), "the escape is shown: {:?}", String::from_utf8_lossy(&out));
    assert!(holds(&out, "mallory\u{241b}[31m".as_bytes()), "{:?}", String::from_utf8_lossy(&out));
    assert!(!out.contains(&0x1b), "no escape at all with NO_COLOR: {:?}", String::from_utf8_lossy(&out));
    assert_not_obeyed(&out);
    // --json keeps the exact text (JSON escapes it).
    let json = codify(home.path(), &["comments", "two-sum", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["comments"][0]["text"], HOSTILE);
}

#[test]
fn another_persons_comment_cannot_drive_the_terminal_in_the_statement_pane() {
    let home = home_with_hostile_comment("sandbox-timing");
    // Filter the list to the problem, open it: the statement pane lists the problem's comments. At 120
    // columns the statement sits above the editor: focus it (Ctrl-w k) and zoom it (Ctrl-w z) so that the
    // comment under the statement is on screen.
    let keys: &[&[u8]] = &[b"/sandbox timing", b"\r", b"\r", b"\x17k", b"\x17z"];
    let out = in_pty(home.path(), &[], keys, Duration::from_secs(4));
    assert!(holds(&out, "Comments (1)".as_bytes()), "the pane was drawn: {:?}", String::from_utf8_lossy(&out));
    assert!(holds(&out, "\u{241b}".as_bytes()), "the escape is shown as ␛");
    assert_not_obeyed(&out);
}

#[test]
fn an_endless_solution_file_is_refused_without_reading_it_all() {
    let home = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let out = codify(home.path(), &["submit", "two-sum", "/dev/zero"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("over 1 MiB"), "{}", stderr(&out));
    // Reading without end took 2.9 GB in 6 s; the limit leaves room for a loaded machine's first run
    // (resolving the interpreter, compiling the harness), which happens before the file is read.
    assert!(started.elapsed() < Duration::from_secs(30), "{:?}", started.elapsed());
}

/// Starts `codify args` in `home` without waiting for it.
fn start(home: &Path, args: &[&str]) -> std::process::Child {
    command(home, args)
        .env_remove("OPENAI_API_KEY")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// 100 commands at once on `home`: submissions, votes, comments, offline hints (which write the
/// conversation and the hints used) and, when signed in, syncs, while the TUI on a pty types into two-sum's
/// editor (a draft save a second). Every command must succeed and every draft save with it.
fn hundred_at_once(home: &Path, with_sync: bool) {
    let tui_home = home.to_path_buf();
    let tui = std::thread::spawn(move || {
        // Find and open two-sum, type in insert mode (autosaved within a second), then leave the editor
        // with F10, which saves the draft once more.
        let mut keys: Vec<&[u8]> = vec![b"/two sum", b"\r", b"\r", b"o"];
        keys.extend(std::iter::repeat_n(&b"#busy "[..], 10));
        keys.extend([&b"\x1b"[..], b"\x1b[21~"]);
        in_pty(&tui_home, &[], &keys, Duration::from_secs(8))
    });
    let sol = home.join("two_sum.py");
    std::fs::write(&sol, include_str!("../fixtures/solutions/two_sum.py")).unwrap();
    let sol = sol.to_str().unwrap().to_string();
    let kinds = if with_sync { 5 } else { 4 };
    let children: Vec<(String, std::process::Child)> = (0..100)
        .map(|i| {
            let args: Vec<String> = match i % kinds {
                0 => vec!["submit".into(), "two-sum".into(), sol.clone()],
                1 => vec!["vote".into(), "two-sum".into(), ["up", "down", "clear"][i % 3].into()],
                2 => vec!["comment".into(), "two-sum".into(), format!("comment number {i}")],
                3 => vec!["hint".into(), "two-sum".into(), "--file".into(), sol.clone()],
                _ => vec!["sync".into()],
            };
            let refs: Vec<&str> = args.iter().map(String::as_str).collect();
            (args.join(" "), start(home, &refs))
        })
        .collect();
    let failed: Vec<String> = children
        .into_iter()
        .filter_map(|(what, child)| {
            let out = child.wait_with_output().unwrap();
            (!out.status.success()).then(|| format!("`{what}`: {}", String::from_utf8_lossy(&out.stderr).trim()))
        })
        .collect();
    assert!(failed.is_empty(), "{} of 100 failed:\n{}", failed.len(), failed.join("\n"));
    let screen = tui.join().unwrap();
    assert!(!holds(&screen, b"could not save"), "{}", String::from_utf8_lossy(&screen));
    let draft = Store::open(&home.join("codify.db")).unwrap().draft("two-sum").unwrap().unwrap_or_default();
    assert!(draft.contains(&"#busy ".repeat(10)), "the TUI's draft was saved: {draft:?}");
}

#[test]
fn a_hundred_commands_at_once_all_succeed_on_a_fresh_and_on_an_existing_home() {
    // Fresh: nothing exists yet, so every process races to create the database.
    let fresh = tempfile::tempdir().unwrap();
    hundred_at_once(fresh.path(), false);
    let subs: i64 = Store::open(&fresh.path().join("codify.db"))
        .unwrap()
        .conn()
        .query_row("SELECT COUNT(*) FROM submissions", [], |r| r.get(0))
        .unwrap();
    assert_eq!(subs, 25, "every submission was stored");
    // Existing and signed in to a real server: syncs join in.
    let rt = crate::community::runtime();
    let db = crate::community::TestDb::sqlite();
    let server = crate::community::Server::start(&rt, &db, codify::sync::server::Limits::unlimited());
    let existing = tempfile::tempdir().unwrap();
    let login = codify(existing.path(), &["login", &server.url, "--name", "busy"]);
    assert!(login.status.success(), "{}", stderr(&login));
    hundred_at_once(existing.path(), true);
    server.stop(&rt);
}

#[test]
fn an_endless_answer_from_a_server_is_cut_off() {
    use std::net::TcpListener;
    // A server that answers every request with a JSON body that never ends.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            std::thread::spawn(move || {
                let mut head = Vec::new();
                let mut byte = [0u8; 1];
                while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).is_ok_and(|n| n == 1) {
                    head.push(byte[0]);
                }
                let _ =
                    stream.write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n");
                let _ = stream.write_all(b"{\"comments\": [");
                let chunk =
                    "{\"text\": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"},".repeat(1000);
                while stream.write_all(chunk.as_bytes()).is_ok() {}
            });
        }
    });
    let home = tempfile::tempdir().unwrap();
    Store::open(&home.path().join("codify.db")).unwrap().set_account(&url, "me", "token-0123456789").unwrap();
    let started = Instant::now();
    let out = codify(home.path(), &["sync"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("longer than 16 MiB"), "{}", stderr(&out));
    assert!(started.elapsed() < Duration::from_secs(15), "{:?}", started.elapsed());
    // SAFETY: getrusage fills the struct it is given.
    let max_rss_kib = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage);
        usage.ru_maxrss
    };
    assert!(max_rss_kib < 400 << 10, "a child of this test grew to {} MiB", max_rss_kib >> 10);
}

#[test]
fn logout_keeps_the_token_when_the_server_is_away_unless_told() {
    let home = tempfile::tempdir().unwrap();
    let store = Store::open(&home.path().join("codify.db")).unwrap();
    store.set_account("http://127.0.0.1:9", "me", "token-0123456789").unwrap();
    let out = codify(home.path(), &["logout"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("codify logout --local"), "{}", stderr(&out));
    assert!(store.account().unwrap().is_some(), "kept: it is still valid on the server");
    let out = codify(home.path(), &["logout", "--local"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(store.account().unwrap().is_none());
}

/// A server that stores any batch but one holding a comment with `poison` in it, on which it fails (500),
/// as PostgreSQL did on U+0000; it serves empty feeds. Returns its URL.
fn poisoned_server() -> String {
    use std::net::TcpListener;
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let mut head = Vec::new();
            let mut byte = [0u8; 1];
            while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).is_ok_and(|n| n == 1) {
                head.push(byte[0]);
            }
            let head = String::from_utf8_lossy(&head).to_ascii_lowercase();
            let len: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:").map(|v| v.trim().parse().unwrap_or(0)))
                .unwrap_or(0);
            let mut body = vec![0u8; len];
            let _ = stream.read_exact(&mut body);
            let (status, answer) = if head.starts_with("post /v1/events") {
                let req: serde_json::Value = serde_json::from_slice(&body).unwrap();
                let events = req["events"].as_array().unwrap();
                if events.iter().any(|e| e.to_string().contains("poison")) {
                    ("500 Internal Server Error", r#"{"error":"internal","message":"the database failed"}"#.to_string())
                } else {
                    let results: Vec<_> =
                        events.iter().map(|e| serde_json::json!({"id": e["id"], "status": "applied"})).collect();
                    ("200 OK", serde_json::json!({ "results": results }).to_string())
                }
            } else if head.starts_with("get /v1/comments") {
                ("200 OK", r#"{"items":[],"cursor":0,"more":false}"#.to_string())
            } else {
                ("200 OK", r#"{"items":[],"next":null}"#.to_string())
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{answer}",
                answer.len()
            );
        }
    });
    url
}

#[test]
fn one_event_the_server_fails_on_does_not_hold_back_the_others() {
    let home = tempfile::tempdir().unwrap();
    let store = Store::open(&home.path().join("codify.db")).unwrap();
    store.set_account(&poisoned_server(), "me", "token-0123456789").unwrap();
    store.record_vote("two-sum", codify::sync::wire::Vote::Up).unwrap();
    store.record_comment("two-sum", "poison", None).unwrap();
    store.record_vote("3sum", codify::sync::wire::Vote::Down).unwrap();
    let out = codify(home.path(), &["sync", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["applied"], 2, "{report}");
    assert_eq!(report["queued"], 1, "only the poisoned comment waits: {report}");
    assert_eq!(report["deferred"].as_array().map(Vec::len), Some(1), "{report}");
    assert_eq!(store.outbox_len().unwrap(), 1);
}
#[test]
fn logout_revokes_the_token_and_forgets_it_here() {
    let rt = crate::community::runtime();
    let db = crate::community::TestDb::sqlite();
    let server = crate::community::Server::start(&rt, &db, codify::sync::server::Limits::unlimited());
    let home = tempfile::tempdir().unwrap();
    assert!(codify(home.path(), &["login", &server.url, "--name", "leaving"]).status.success());
    let token = Store::open(&home.path().join("codify.db")).unwrap().account().unwrap().unwrap().token;
    let out = codify(home.path(), &["logout"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("revoked there and forgotten here"), "{}", stdout(&out));
    assert!(Store::open(&home.path().join("codify.db")).unwrap().account().unwrap().is_none());
    // The server no longer accepts the token.
    let (status, _) = crate::community::call(&rt, "GET", &format!("{}/v1/me", server.url), Some(&token), None);
    assert_eq!(status, 401);
    // Signed out already: a clear error.
    let again = codify(home.path(), &["logout"]);
    assert!(stderr(&again).contains("not signed in"), "{}", stderr(&again));
    server.stop(&rt);
}
