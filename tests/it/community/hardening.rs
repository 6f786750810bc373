//! The server against hostile and unlucky input (issue 13): control characters in comments, names that
//! differ only in case, problems that are not in the bank, a user flooding comments, revoked tokens, a
//! damaged database, a full disk, a database from a newer Codify, `--db sqlite://`, one address holding
//! every connection, and rate limits dodged by switching loopback addresses. Everything runs against the
//! real server on 127.0.0.1 with real SQLite files and a real PostgreSQL.

use std::net::{IpAddr, SocketAddr};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use uuid::Uuid;

use super::{call, pg_exec, post_json, register, runtime, Server, TestDb, PG_FULL_DIR_ENV, PG_FULL_ENV};
use codify::sync::server::{
    self, Connections, DbTarget, Limits, PgStorage, Rate, ServeError, ServerOptions, SqliteStorage, Storage,
};

fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64
}

fn vote(slug: &str) -> Value {
    json!({"id": Uuid::new_v4(), "at": now(), "kind": "vote", "slug": slug, "vote": "up"})
}

fn comment(slug: &str, text: &str) -> Value {
    json!({"id": Uuid::new_v4(), "at": now(), "kind": "comment", "slug": slug, "text": text, "tag": null})
}

/// (status, body) of a push of `events`.
fn push(rt: &tokio::runtime::Runtime, server: &Server, token: &str, events: &[Value]) -> (u16, Value) {
    post_json(rt, &format!("{}/v1/events", server.url), Some(token), &json!({ "events": events }))
}

fn statuses(body: &Value) -> Vec<&str> {
    body["results"].as_array().map_or(vec![], |r| r.iter().map(|x| x["status"].as_str().unwrap_or("?")).collect())
}

/// Asserts a JSON error with this status and code, and a one-line message.
fn expect_error((status, body): (u16, Value), want: u16, code: &str) -> Value {
    assert_eq!((status, body["error"].as_str()), (want, Some(code)), "{body}");
    assert!(body["message"].as_str().is_some_and(|m| !m.is_empty() && !m.contains('\n')), "{body}");
    body
}

fn problem_comments(rt: &tokio::runtime::Runtime, server: &Server, token: &str, slug: &str) -> u64 {
    let url = format!("{}/v1/problems/{slug}/aggregate", server.url);
    call(rt, "GET", &url, Some(token), None).1["comments"].as_u64().unwrap()
}

pub fn control_characters_in_comments_get_422_and_the_rest_still_flows(db: TestDb) {
    let rt = runtime();
    let server = Server::start(&rt, &db, Limits::default());
    let token = register(&rt, &server.url, "alice");
    for text in
        ["a\u{0}b", "\u{0}", "clear\u{1b}[2J", "\u{1b}]52;c;ZWNobyBwd25lZA==\u{7}", "abc\u{202E}fed", "x\u{9b}y"]
    {
        let c = comment("two-sum", text);
        let body = expect_error(push(&rt, &server, &token, std::slice::from_ref(&c)), 422, "invalid_event");
        assert_eq!(body["event"], c["id"], "{body}");
        assert!(body["message"].as_str().unwrap().contains("control character"), "{body}");
    }
    // A NUL in a field nobody reads, and in the name: still a 4xx, never a 5xx.
    let odd = json!({"id": Uuid::new_v4(), "at": now(), "kind": "vote", "slug": "two-sum", "vote": "up", "x": "\u{0}"});
    assert_eq!(statuses(&push(&rt, &server, &token, &[odd]).1), ["applied"]);
    let reg = format!("{}/v1/register", server.url);
    expect_error(post_json(&rt, &reg, None, &json!({"name": "nul\u{0}"})), 422, "invalid");
    // The refused comment blocked nothing: the next push goes through, and nothing of the above was stored.
    let fine = comment("two-sum", "tabs\tand\nnew lines are fine");
    assert_eq!(statuses(&push(&rt, &server, &token, &[vote("3sum"), fine]).1), ["applied", "applied"]);
    assert_eq!(problem_comments(&rt, &server, &token, "two-sum"), 1);
    server.stop(&rt);
}

pub fn names_are_unique_whatever_their_case(db: TestDb) {
    let rt = runtime();
    let server = Server::start(&rt, &db, Limits::unlimited());
    let reg = format!("{}/v1/register", server.url);
    let (status, body) = post_json(&rt, &reg, None, &json!({"name": "Alice"}));
    assert_eq!((status, body["user"].as_str()), (201, Some("Alice")), "{body}");
    for taken in ["alice", "ALICE", "aLiCe"] {
        let body = expect_error(post_json(&rt, &reg, None, &json!({ "name": taken })), 409, "name_taken");
        assert!(body["message"].as_str().unwrap().contains(taken), "{body}");
    }
    assert_eq!(post_json(&rt, &reg, None, &json!({"name": "alice2"})).0, 201);
    server.stop(&rt);
}

pub fn votes_and_comments_on_problems_outside_the_bank_are_refused(db: TestDb) {
    let rt = runtime();
    let server = Server::start(&rt, &db, Limits::default());
    let token = register(&rt, &server.url, "alice");
    for e in [vote("p-1"), comment("no-such-problem", "hello"), vote("two-sum-ii")] {
        let body = expect_error(push(&rt, &server, &token, &[vote("two-sum"), e.clone()]), 422, "invalid_event");
        assert_eq!(body["event"], e["id"], "{body}");
        let message = body["message"].as_str().unwrap();
        assert!(message.contains(e["slug"].as_str().unwrap()) && message.contains("bank"), "{body}");
    }
    assert_eq!(statuses(&push(&rt, &server, &token, &[vote("two-sum"), comment("3sum", "ok")]).1), ["applied"; 2]);
    let aggregates = call(&rt, "GET", &format!("{}/v1/aggregates", server.url), Some(&token), None).1;
    let slugs: Vec<&str> =
        aggregates["items"].as_array().unwrap().iter().map(|a| a["slug"].as_str().unwrap()).collect();
    assert_eq!(slugs, ["3sum", "two-sum"], "nothing outside the bank was stored");
    server.stop(&rt);
}

pub fn a_user_gets_at_most_the_daily_comment_cap(db: TestDb) {
    let rt = runtime();
    let limits = Limits { comments_per_day: Some(3), ..Limits::unlimited() };
    let server = Server::start(&rt, &db, limits);
    let (alice, bob) = (register(&rt, &server.url, "alice"), register(&rt, &server.url, "bob"));
    let first = [comment("two-sum", "one"), comment("two-sum", "two")];
    assert_eq!(statuses(&push(&rt, &server, &alice, &first).1), ["applied"; 2]);
    // Two more would make four: the batch is refused whole, with a wait and a clear message.
    let url = format!("{}/v1/events", server.url);
    let resp = rt.block_on(
        reqwest::Client::new()
            .post(&url)
            .bearer_auth(&alice)
            .json(&json!({"events": [vote("3sum"), comment("3sum", "three"), comment("3sum", "four")]}))
            .send(),
    );
    let resp = resp.unwrap();
    assert_eq!(resp.status().as_u16(), 429);
    let wait: u64 = resp.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((86_000..=86_400).contains(&wait), "{wait}");
    let body: Value = rt.block_on(resp.json()).unwrap();
    assert_eq!(body["error"], "comment_limit", "{body}");
    assert!(body["message"].as_str().unwrap().contains("at most 3 comments per user in 24 hours"), "{body}");
    assert_eq!(problem_comments(&rt, &server, &alice, "3sum"), 0, "the refused batch left nothing");
    // One more fits; replays do not count; votes still flow; other users have their own cap.
    assert_eq!(statuses(&push(&rt, &server, &alice, &[comment("3sum", "three")]).1), ["applied"]);
    assert_eq!(statuses(&push(&rt, &server, &alice, &first).1), ["duplicate"; 2]);
    expect_error(push(&rt, &server, &alice, &[comment("3sum", "four")]), 429, "comment_limit");
    assert_eq!(statuses(&push(&rt, &server, &alice, &[vote("3sum")]).1), ["applied"]);
    assert_eq!(statuses(&push(&rt, &server, &bob, &[comment("3sum", "bob's")]).1), ["applied"]);
    server.stop(&rt);
}

pub fn a_revoked_token_gets_401(db: TestDb) {
    let rt = runtime();
    let server = Server::start(&rt, &db, Limits::default());
    let (alice, bob) = (register(&rt, &server.url, "alice"), register(&rt, &server.url, "bob"));
    let (me, token) = (format!("{}/v1/me", server.url), format!("{}/v1/token", server.url));
    assert_eq!(call(&rt, "GET", &me, Some(&alice), None).0, 200); // cached by the server from here on
    assert_eq!(statuses(&push(&rt, &server, &alice, &[vote("two-sum")]).1), ["applied"]);
    assert_eq!(call(&rt, "DELETE", &token, Some(&alice), None), (204, Value::Null));
    expect_error(call(&rt, "GET", &me, Some(&alice), None), 401, "unauthorized");
    expect_error(push(&rt, &server, &alice, &[vote("3sum")]), 401, "unauthorized");
    expect_error(call(&rt, "DELETE", &token, Some(&alice), None), 401, "unauthorized");
    expect_error(call(&rt, "DELETE", &token, None, None), 401, "unauthorized");
    assert_eq!(call(&rt, "GET", &me, Some(&bob), None).1["user"], "bob", "other tokens still work");
    server.stop(&rt);
    // Revoked in the database, not only in this server's memory.
    let server = Server::start(&rt, &db, Limits::default());
    expect_error(call(&rt, "GET", &format!("{}/v1/me", server.url), Some(&alice), None), 401, "unauthorized");
    server.stop(&rt);
}

/// SQLite: zeroes the root page of `table` in the main file (the WAL checkpointed into it first).
/// PostgreSQL: drops `table`, the damage a real query per table finds there.
fn damage(db: &TestDb, table: &str) {
    match &db.target {
        DbTarget::Sqlite(path) => {
            let conn = rusqlite::Connection::open(path).unwrap();
            let (busy, _, _): (i64, i64, i64) = conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .unwrap();
            assert_eq!(busy, 0, "the checkpoint was blocked");
            let root: u64 =
                conn.query_row("SELECT rootpage FROM sqlite_schema WHERE name = ?1", [table], |r| r.get(0)).unwrap();
            let page: u64 = conn.query_row("PRAGMA page_size", [], |r| r.get(0)).unwrap();
            drop(conn);
            zero_page(path, root, page);
        }
        DbTarget::Postgres(url) => pg_exec(url, &format!("DROP TABLE {table} CASCADE")),
    }
}

fn zero_page(path: &std::path::Path, page_no: u64, page_size: u64) {
    use std::io::{Seek, SeekFrom, Write};
    let mut f = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    f.seek(SeekFrom::Start((page_no - 1) * page_size)).unwrap();
    f.write_all(&vec![0u8; page_size as usize]).unwrap();
    f.sync_all().unwrap();
}

pub fn a_damaged_database_is_reported_and_refuses_writes(db: TestDb) {
    let rt = runtime();
    let server = Server::start(&rt, &db, Limits::default());
    let token = register(&rt, &server.url, "alice");
    assert_eq!(statuses(&push(&rt, &server, &token, &[vote("two-sum"), comment("two-sum", "hi")]).1), ["applied"; 2]);
    let health = format!("{}/health", server.url);
    assert_eq!(call(&rt, "GET", &health, None, None).1["status"], "ok");

    damage(&db, "votes");
    let (status, body) = call(&rt, "GET", &health, None, None);
    assert_eq!(
        (status, body["status"].as_str(), body["reason"].as_str()),
        (503, Some("unavailable"), Some("database corrupt")),
        "{body}"
    );
    assert!(body["message"].as_str().is_some_and(|m| !m.contains('\n')), "{body}");
    // A push is refused with a 503 that says so; nothing claims success. SQLite refuses every write once
    // it knows the file is damaged, whatever the write touches; PostgreSQL refuses what the damage reaches.
    let mut pushes = vec![vec![vote("3sum")]];
    if matches!(db.target, DbTarget::Sqlite(_)) {
        pushes.push(vec![comment("3sum", "into a damaged file")]);
    }
    for events in pushes {
        let body = expect_error(push(&rt, &server, &token, &events), 503, "database_corrupt");
        assert!(body["message"].as_str().unwrap().contains("damaged"), "{body}");
    }
    server.stop(&rt);
}

pub fn a_newer_database_is_refused_in_plain_words(db: TestDb) {
    let rt = runtime();
    let opened = match &db.target {
        DbTarget::Sqlite(path) => {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            rusqlite::Connection::open(path).unwrap().pragma_update(None, "user_version", 99).unwrap();
            SqliteStorage::open(path).map(drop)
        }
        DbTarget::Postgres(url) => {
            drop(rt.block_on(PgStorage::connect(url)).unwrap());
            pg_exec(url, "INSERT INTO codify_migrations (version, applied_at) VALUES (99, 0)");
            rt.block_on(PgStorage::connect(url)).map(drop)
        }
    };
    let message = opened.unwrap_err().to_string();
    assert!(message.contains("written by a newer version of Codify (schema version 99"), "{message}");
    assert!(message.contains("use that version") && !message.contains("DatabaseTooFarAhead"), "{message}");
    assert!(!message.contains('\n') && !message.contains("secret"), "{message}");
}

#[test]
fn a_damaged_sqlite_file_is_refused_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("community.db");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE t (x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO t SELECT printf('%0100d', i) FROM n;").unwrap();
    let pages: u64 = conn.query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap();
    drop(conn);
    zero_page(&path, pages / 2, 4096);
    let message = SqliteStorage::open(&path).map(drop).unwrap_err().to_string();
    assert!(message.contains("the file is damaged") && message.contains(".recover"), "{message}");
}

#[test]
fn a_full_disk_is_reported_and_writes_are_refused_until_there_is_room() {
    let rt = runtime();
    let dir = tempfile::tempdir().unwrap();
    let storage = SqliteStorage::open(&dir.path().join("community.db")).unwrap();
    let server = serve(&rt, storage.clone(), ServerOptions { limits: Limits::unlimited(), ..Default::default() });
    // As full as it is now: the next new page fails. Then room again, as when the operator frees space.
    let fill = || {
        rt.block_on(storage.limit_size(0)).unwrap();
    };
    let free = || {
        rt.block_on(storage.limit_size(1 << 30)).unwrap();
    };
    full_disk(&rt, &server, fill, free);
    server.stop(&rt);
}

/// PostgreSQL on a real full disk: .ci/run (as root) puts the tables of the `CODIFY_TEST_POSTGRES_FULL_URL`
/// database on a small tmpfs (`CODIFY_TEST_POSTGRES_FULL_DIR`), which this test fills with a file.
#[test]
fn a_full_disk_on_postgresql_is_reported_and_writes_are_refused_until_there_is_room() {
    /// Frees the space even when the test fails, so that the next run starts with room.
    struct Removed(std::path::PathBuf);
    impl Drop for Removed {
        fn drop(&mut self) {
            let _ = std::fs::remove_file(&self.0);
        }
    }
    let dir = std::env::var(PG_FULL_DIR_ENV).unwrap_or_default();
    let filler = std::path::Path::new(&dir).join("filler");
    let _ = std::fs::remove_file(&filler); // a run killed midway leaves it
    let Some(db) = TestDb::postgres_from(PG_FULL_ENV) else { return };
    assert!(!dir.is_empty(), "{PG_FULL_DIR_ENV} names the tmpfs under the tablespace");
    let _removed = Removed(filler.clone());
    let rt = runtime();
    let server = Server::start(&rt, &db, Limits::unlimited());
    let fill = || {
        use std::io::Write;
        let mut f = std::fs::File::create(&filler).unwrap();
        let chunk = vec![0u8; 64 << 10];
        let mut left = chunk.len();
        while left > 0 {
            match f.write(&chunk[..left]) {
                Ok(_) => {}
                Err(e) if e.raw_os_error() == Some(libc::ENOSPC) => left /= 2,
                Err(e) => panic!("filling {}: {e}", filler.display()),
            }
        }
        let _ = f.sync_all();
    };
    let free = || std::fs::remove_file(&filler).unwrap();
    full_disk(&rt, &server, fill, free);
    server.stop(&rt);
}

/// Pushes comments while the disk is full (503 `disk_full`, `/health` says `disk full`), then again once
/// there is room: the same batch is applied, once.
fn full_disk(rt: &tokio::runtime::Runtime, server: &Server, fill: impl FnOnce(), free: impl FnOnce()) {
    let token = register(rt, &server.url, "alice");
    let health = format!("{}/health", server.url);
    fill();
    let long: Vec<Value> = (0..100).map(|i| comment("two-sum", &format!("{i} {}", "x".repeat(1900)))).collect();
    let body = expect_error(push(rt, server, &token, &long), 503, "disk_full");
    assert!(body["message"].as_str().unwrap().contains("disk is full"), "{body}");
    let (status, body) = call(rt, "GET", &health, None, None);
    assert_eq!((status, body["reason"].as_str()), (503, Some("disk full")), "{body}");
    free();
    assert_eq!(statuses(&push(rt, server, &token, &long).1), ["applied"; 100]);
    assert_eq!(statuses(&push(rt, server, &token, &long).1), ["duplicate"; 100]);
    assert_eq!(problem_comments(rt, server, &token, "two-sum"), 100);
    assert_eq!(call(rt, "GET", &health, None, None).0, 200);
}

/// Serves an already opened storage on 127.0.0.1:0.
fn serve<St: Storage>(rt: &tokio::runtime::Runtime, storage: St, options: ServerOptions) -> Server {
    let listener = rt.block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let task = rt.spawn(async move {
        let shutdown = async {
            let _ = stopped.await;
        };
        server::serve(listener, storage, options, shutdown).await.map_err(ServeError::Io)
    });
    Server { url: format!("http://{addr}"), addr, stop, task }
}

#[test]
fn serve_refuses_a_sqlite_url_without_a_file() {
    let home = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_codify"))
        .arg("--home")
        .arg(home.path())
        .args(["serve", "--addr", "127.0.0.1:0", "--db", "sqlite://"])
        .env_remove("CODIFY_HOME")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            child.kill().unwrap();
            let out = child.wait_with_output().unwrap();
            panic!("it served on a temporary database: {}", String::from_utf8_lossy(&out.stdout));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("names no file") && stderr.contains("sqlite:///"), "{stderr}");
}

/// What `codify::sync::Client::new` does before a raw reqwest client can be built (the crate uses rustls
/// without a default provider); tests that build one first must do it themselves.
fn install_crypto() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// A plain TCP connection from `local` (any loopback address works on Linux) that sends nothing.
async fn idle_from(local: IpAddr, server: SocketAddr) -> tokio::net::TcpStream {
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind(SocketAddr::new(local, 0)).unwrap();
    socket.connect(server).await.unwrap()
}

#[test]
fn one_address_cannot_hold_every_connection() {
    use tokio::io::AsyncReadExt;
    install_crypto();
    let rt = runtime();
    let db = TestDb::sqlite();
    let connections = Connections {
        header_timeout: Duration::from_secs(5),
        request_timeout: Duration::from_secs(5),
        max_open: 100,
        max_per_address: 16,
    };
    let server = Server::start_with(
        &rt,
        &db,
        ServerOptions { limits: Limits::unlimited(), connections },
        "127.0.0.1:0".parse().unwrap(),
    );
    let hog: IpAddr = "127.0.0.2".parse().unwrap();
    let mut idle = rt.block_on(async {
        let mut all = Vec::new();
        for _ in 0..200 {
            all.push(idle_from(hog, server.addr).await);
        }
        all
    });
    // Another address is served at once, not after the hog's sockets time out.
    let started = Instant::now();
    let (status, _) = call(&rt, "GET", &format!("{}/health", server.url), None, None);
    let took = started.elapsed();
    assert_eq!(status, 200);
    assert!(took < Duration::from_secs(2), "a normal request took {took:?}");
    // The hog's connections past its share were answered 503 and closed promptly.
    let last = idle.pop().unwrap();
    let got = rt.block_on(async move {
        let mut last = last;
        let mut got = Vec::new();
        tokio::time::timeout(Duration::from_secs(2), last.read_to_end(&mut got))
            .await
            .expect("closed promptly")
            .unwrap();
        String::from_utf8_lossy(&got).into_owned()
    });
    assert!(got.starts_with("HTTP/1.1 503") && got.contains("too_many_connections"), "{got}");
    drop(idle);
    server.stop(&rt);
}

#[test]
fn rate_limits_count_the_whole_loopback_network_as_one_client() {
    install_crypto();
    let rt = runtime();
    let db = TestDb::sqlite();
    let limits = Limits { register_per_address: Some(Rate::new(0.01, 2.0)), ..Limits::unlimited() };
    let server = Server::start(&rt, &db, limits);
    let register_from = |local: &str, name: &str| {
        let client = reqwest::Client::builder().local_address(local.parse::<IpAddr>().unwrap()).build().unwrap();
        let url = format!("{}/v1/register", server.url);
        rt.block_on(async { client.post(&url).json(&json!({ "name": name })).send().await.unwrap().status().as_u16() })
    };
    assert_eq!(register_from("127.0.0.1", "one"), 201);
    assert_eq!(register_from("127.0.0.2", "two"), 201);
    assert_eq!(register_from("127.0.0.3", "three"), 429, "a third loopback address is the same client");
    server.stop(&rt);
}
