//! Community sync end to end (issue 7): a real server on 127.0.0.1:0 (in-process, or the real
//! `codify serve` binary when a test kills it), the real client and CLI, real SQLite files and a real
//! PostgreSQL server. Every test runs once per backend: `community::sqlite::*` and
//! `community::postgres::*`. The PostgreSQL tests read CODIFY_TEST_POSTGRES_URL (each test works in its own
//! schema); without it they report that they were skipped, except under CI, where they fail.

mod api;
mod e2e;
mod faults;
mod groups;
mod hardening;
mod proxy;
mod slow;

use std::io::{BufRead, BufReader, Write};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};

use codify::sync::server::{self, DbTarget, Limits, ServeError, ServerOptions};
use serde_json::Value;
use tempfile::TempDir;

pub const PG_ENV: &str = "CODIFY_TEST_POSTGRES_URL";
/// A database whose tables are on a small tmpfs, and that tmpfs (set by .ci/run when it runs as root).
pub const PG_FULL_ENV: &str = "CODIFY_TEST_POSTGRES_FULL_URL";
pub const PG_FULL_DIR_ENV: &str = "CODIFY_TEST_POSTGRES_FULL_DIR";

/// One backend's database for one test.
pub struct TestDb {
    pub target: DbTarget,
    pub dir: TempDir,
    /// PostgreSQL: the server URL and the schema this test owns (dropped at the end).
    pg: Option<(String, String)>,
}

fn ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

fn pg_exec(url: &str, sql: &str) {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    rt.block_on(async {
        let (client, conn) = tokio_postgres::connect(url, tokio_postgres::NoTls).await.expect("connect to PostgreSQL");
        let conn = tokio::spawn(conn);
        client.batch_execute(sql).await.expect(sql);
        drop(client);
        let _ = conn.await;
    });
}

impl TestDb {
    pub fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().unwrap();
        TestDb { target: DbTarget::Sqlite(dir.path().join("server/community.db")), dir, pg: None }
    }

    /// `None` (and a note on stderr) when PostgreSQL is not configured outside CI; a failure under CI.
    pub fn postgres() -> Option<TestDb> {
        TestDb::postgres_from(PG_ENV)
    }

    /// A schema of its own in the database that the environment variable `env` names.
    pub fn postgres_from(env: &str) -> Option<TestDb> {
        let url = std::env::var(env).ok().filter(|u| !u.is_empty());
        let Some(url) = url else {
            assert!(!ci(), "CI is set but {env} is not: PostgreSQL tests must not be skipped in CI (.ci/run sets it)");
            // Written past the test harness's capture so that the skip is visible.
            let _ = writeln!(std::io::stderr(), "PostgreSQL tests skipped: set {env}=postgres://… to run them");
            return None;
        };
        let schema = format!("t_{}", uuid::Uuid::new_v4().simple());
        pg_exec(&url, &format!("CREATE SCHEMA {schema}"));
        let sep = if url.contains('?') { '&' } else { '?' };
        let target = DbTarget::Postgres(format!("{url}{sep}options=-c%20search_path%3D{schema}"));
        Some(TestDb { target, dir: tempfile::tempdir().unwrap(), pg: Some((url, schema)) })
    }

    /// The `--db` argument for `codify serve`.
    pub fn db_arg(&self) -> String {
        match &self.target {
            DbTarget::Sqlite(p) => p.display().to_string(),
            DbTarget::Postgres(url) => url.clone(),
        }
    }

    /// Runs `sql` (statements separated by `;`) on this test's database, as an operator's tool would.
    pub fn exec(&self, sql: &str) {
        match &self.target {
            DbTarget::Sqlite(p) => rusqlite::Connection::open(p).unwrap().execute_batch(sql).unwrap(),
            DbTarget::Postgres(url) => pg_exec(url, sql),
        }
    }

    /// The single number a query such as `SELECT COUNT(*) FROM t` returns, read from this test's database.
    pub fn count(&self, sql: &str) -> i64 {
        match &self.target {
            DbTarget::Sqlite(p) => rusqlite::Connection::open(p).unwrap().query_row(sql, [], |r| r.get(0)).unwrap(),
            DbTarget::Postgres(url) => {
                let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
                rt.block_on(async {
                    let (client, conn) = tokio_postgres::connect(url, tokio_postgres::NoTls).await.expect("connect");
                    let conn = tokio::spawn(conn);
                    let n: i64 = client.query_one(sql, &[]).await.expect(sql).get(0);
                    drop(client);
                    let _ = conn.await;
                    n
                })
            }
        }
    }

    /// A fresh Codify home for one user.
    pub fn home(&self, name: &str) -> std::path::PathBuf {
        let h = self.dir.path().join(name);
        std::fs::create_dir_all(&h).unwrap();
        h
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some((url, schema)) = &self.pg {
            pg_exec(url, &format!("DROP SCHEMA IF EXISTS {schema} CASCADE"));
        }
    }
}

pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap()
}

/// The server in this process, on 127.0.0.1:0.
pub struct Server {
    pub url: String,
    pub addr: SocketAddr,
    stop: tokio::sync::oneshot::Sender<()>,
    task: tokio::task::JoinHandle<Result<(), ServeError>>,
}

impl Server {
    pub fn start(rt: &tokio::runtime::Runtime, db: &TestDb, limits: Limits) -> Server {
        Server::start_on(rt, db, limits, "127.0.0.1:0".parse().unwrap())
    }

    /// On a given address, e.g. the one a stopped server had.
    pub fn start_on(rt: &tokio::runtime::Runtime, db: &TestDb, limits: Limits, addr: SocketAddr) -> Server {
        Server::start_with(rt, db, ServerOptions { limits, ..ServerOptions::default() }, addr)
    }

    pub fn start_with(rt: &tokio::runtime::Runtime, db: &TestDb, options: ServerOptions, addr: SocketAddr) -> Server {
        let listener = rt.block_on(tokio::net::TcpListener::bind(addr)).unwrap();
        let addr = listener.local_addr().unwrap();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let target = db.target.clone();
        let task = rt.spawn(async move {
            let shutdown = async {
                let _ = stopped.await;
            };
            server::run(listener, &target, options, shutdown).await
        });
        Server { url: format!("http://{addr}"), addr, stop, task }
    }

    /// Graceful shutdown; the server must stop cleanly.
    pub fn stop(self, rt: &tokio::runtime::Runtime) {
        let _ = self.stop.send(());
        rt.block_on(self.task).expect("server task").expect("server stopped cleanly");
    }
}

/// The real `codify serve` binary, for tests that kill it.
pub struct ServeProcess {
    child: Child,
    pub addr: SocketAddr,
}

impl ServeProcess {
    pub fn start(db: &TestDb) -> ServeProcess {
        ServeProcess::spawn(db, Stdio::inherit())
    }

    /// With its stderr kept for [`ServeProcess::kill_and_read_stderr`]; its home is `db.home("server-home")`.
    pub fn start_capturing_stderr(db: &TestDb) -> ServeProcess {
        ServeProcess::spawn(db, Stdio::piped())
    }

    fn spawn(db: &TestDb, stderr: Stdio) -> ServeProcess {
        let home = db.home("server-home");
        let mut child = Command::new(env!("CARGO_BIN_EXE_codify"))
            .arg("--home")
            .arg(&home)
            .args(["serve", "--addr", "127.0.0.1:0", "--no-rate-limit", "--db", &db.db_arg()])
            .env_remove("CODIFY_HOME")
            .env_remove("CODIFY_LOG")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .expect("start codify serve");
        // The line is printed once the database is open and the port is bound: no sleeping.
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .parse()
            .unwrap();
        ServeProcess { child, addr }
    }

    /// SIGKILL: no shutdown, no flush, nothing.
    pub fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }

    /// SIGKILL, then everything the server wrote on stderr (started with `start_capturing_stderr`).
    pub fn kill_and_read_stderr(mut self) -> String {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
        let mut err = String::new();
        std::io::Read::read_to_string(&mut self.child.stderr.take().expect("stderr captured"), &mut err).unwrap();
        err
    }
}

impl Drop for ServeProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Registers `name` and returns the token.
pub fn register(rt: &tokio::runtime::Runtime, url: &str, name: &str) -> String {
    let client = codify::sync::Client::new(url, None).unwrap();
    rt.block_on(client.register(name)).expect("register").token
}

/// A raw request: (status, JSON body or Null).
pub fn call(
    rt: &tokio::runtime::Runtime,
    method: &str,
    url: &str,
    token: Option<&str>,
    body: Option<(&str, Vec<u8>)>,
) -> (u16, Value) {
    // reqwest is built without a TLS provider: install the one Codify's client uses (an error means one is).
    let _ = rustls::crypto::ring::default_provider().install_default();
    rt.block_on(async {
        let client = reqwest::Client::new();
        let mut req = client.request(method.parse().unwrap(), url);
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some((content_type, bytes)) = body {
            req = req.header("content-type", content_type).body(bytes);
        }
        let resp = req.send().await.expect("request");
        let status = resp.status().as_u16();
        let bytes = resp.bytes().await.unwrap();
        (status, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
    })
}

pub fn post_json(rt: &tokio::runtime::Runtime, url: &str, token: Option<&str>, body: &Value) -> (u16, Value) {
    call(rt, "POST", url, token, Some(("application/json", serde_json::to_vec(body).unwrap())))
}

/// Runs each named test once per backend, as `sqlite::NAME` and `postgres::NAME`.
macro_rules! both_backends {
    ($($module:ident :: $name:ident),* $(,)?) => {
        mod sqlite {
            $( #[test] fn $name() { super::$module::$name(super::TestDb::sqlite()); } )*
        }
        mod postgres {
            $( #[test] fn $name() { if let Some(db) = super::TestDb::postgres() { super::$module::$name(db); } } )*
        }
    };
}

both_backends!(
    e2e::two_homes_vote_and_comment_and_see_each_other,
    e2e::offline_work_is_kept_and_sent_later,
    e2e::the_tui_shows_the_other_homes_votes_and_syncs_its_own,
    api::bad_input_gets_the_right_4xx_and_a_json_body,
    api::users_cannot_touch_each_others_votes_or_comments,
    api::replayed_batches_change_nothing_and_the_latest_vote_wins,
    api::pages_rate_limits_health_and_openapi,
    faults::a_lost_acknowledgement_is_resent_and_counted_once,
    faults::server_killed_mid_sync_and_restarted_loses_and_duplicates_nothing,
    faults::client_killed_mid_sync_and_restarted_loses_and_duplicates_nothing,
    slow::slow_and_idle_clients_are_cut_off_and_others_still_served,
    hardening::control_characters_in_comments_get_422_and_the_rest_still_flows,
    hardening::names_are_unique_whatever_their_case,
    hardening::votes_and_comments_on_problems_outside_the_bank_are_refused,
    hardening::a_user_gets_at_most_the_daily_comment_cap,
    hardening::a_revoked_token_gets_401,
    hardening::a_damaged_database_is_reported_and_refuses_writes,
    hardening::a_newer_database_is_refused_in_plain_words,
    groups::two_homes_in_a_group_see_each_others_activity_and_an_outsider_sees_nothing,
    groups::invite_codes_are_single_use_and_expire,
    groups::a_member_who_leaves_disappears_and_a_removed_group_is_deleted,
    groups::shared_text_is_checked_and_trending_counts_without_identities,
    groups::the_tui_creates_invites_and_joins_through_the_server,
    groups::trending_is_filled_once_from_votes_and_comments_stored_before_it,
);
