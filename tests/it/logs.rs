//! Logs (issue 17): a private daily file under the home for every front end, `-v` on stderr for the CLI
//! only, the cause of a sync failure, one access-log line per request from the real `codify serve`, and
//! never a token, a key or a solution's code.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::common::{codify, command, stderr, stdout, write_solution};
use crate::community::{call, register, runtime, ServeProcess, Server, TestDb};

/// Every log file under `home/logs`, concatenated ("" when nothing was logged yet).
fn logs(home: &Path) -> String {
    let Ok(dir) = std::fs::read_dir(home.join("logs")) else { return String::new() };
    let mut names: Vec<_> = dir.map(|e| e.unwrap().path()).collect();
    names.sort();
    names.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect()
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

const SOLUTION: &str = "class Solution:\n    def twoSum(self, nums, target):\n        # secret-marker-4711\n        seen = {}\n        for i, x in enumerate(nums):\n            if target - x in seen:\n                return [seen[target - x], i]\n            seen[x] = i\n";

#[test]
fn a_cli_run_writes_a_private_log_file_under_the_home_without_the_code() {
    let home = tempfile::tempdir().unwrap();
    let sol = write_solution(home.path(), "sol.py", SOLUTION);
    let out = codify(home.path(), &["submit", "two-sum", sol.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out), "", "no -v: nothing logged on stderr");
    let dir = home.path().join("logs");
    let files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let name = files[0].file_name().unwrap().to_str().unwrap().to_string();
    assert!(name.starts_with("codify-") && name.ends_with(".log"), "{name}");
    assert_eq!((mode(&dir), mode(&files[0])), (0o700, 0o600));
    let log = logs(home.path());
    assert!(log.contains("codify 0.1.0 submit"), "{log}");
    assert!(log.contains("submit two-sum: accepted ("), "{log}");
    assert!(!log.contains("secret-marker-4711"), "the code is never logged: {log}");
}

#[test]
fn verbose_logs_to_stderr_for_commands_but_never_for_the_tui_front() {
    let home = tempfile::tempdir().unwrap();
    let out = codify(home.path(), &["-v", "show", "no-such-problem"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("INFO codify::cli: codify 0.1.0 show"), "{err}");
    // The failure is printed once, by main, and logged to the file.
    assert_eq!(err.matches("no problem `no-such-problem`").count(), 1, "{err}");
    assert!(logs(home.path()).contains("ERROR codify::failure: no problem `no-such-problem`"));

    // `codify` alone is the TUI's front: the file only, whatever -v says.
    let out = codify(home.path(), &["-vv"]);
    assert!(out.status.success());
    assert_eq!(stderr(&out), "");
    assert!(logs(home.path()).contains("codify 0.1.0 (tui)"));
}

#[test]
fn a_log_that_cannot_be_written_breaks_nothing_and_prints_nothing() {
    let home = tempfile::tempdir().unwrap();
    std::fs::write(home.path().join("logs"), "a file where the folder should be").unwrap();
    let out = codify(home.path(), &["problems"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("two-sum"));
    assert_eq!(stderr(&out), "");
}

#[test]
fn codify_log_sets_the_levels_and_a_bad_one_is_one_warning() {
    let home = tempfile::tempdir().unwrap();
    let out = command(home.path(), &["problems"]).env("CODIFY_LOG", "codify=warn").output().unwrap();
    assert!(out.status.success());
    assert!(!logs(home.path()).contains("codify 0.1.0 problems"), "info is below warn");
    let out = command(home.path(), &["problems"]).env("CODIFY_LOG", "codify=loud").output().unwrap();
    assert!(out.status.success());
    let err = stderr(&out);
    assert!(err.starts_with("codify: warning: CODIFY_LOG=\"codify=loud\" is not a log filter"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(logs(home.path()).contains("codify 0.1.0 problems"), "the default levels apply");
}

#[test]
fn a_sync_failure_s_cause_is_in_the_log_and_the_token_is_not() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let rt = runtime();
    let db = TestDb::sqlite();
    let server = Server::start(&rt, &db, codify::sync::server::Limits::unlimited());
    let home = db.home("me");
    let out = codify(&home, &["login", &server.url, "--name", "logger"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let token = codify::store::Store::open(&home.join("codify.db")).unwrap().account().unwrap().unwrap().token;
    // Revoked on the server: the next sync is refused with 401.
    let (status, _) = call(&rt, "DELETE", &format!("{}/v1/token", server.url), Some(&token), None);
    assert_eq!(status, 204);
    assert!(codify(&home, &["vote", "two-sum", "up"]).status.success());
    let out = codify(&home, &["sync"]);
    assert_eq!(out.status.code(), Some(2));
    let log = logs(&home);
    let want = format!("WARN codify::sync::client: sync failed: the community server at {} does not know", server.url);
    assert!(log.contains(&want), "{log}");

    // Offline: the network's reason is there too.
    server.stop(&rt);
    assert_eq!(codify(&home, &["sync"]).status.code(), Some(2));
    let log = logs(&home);
    assert!(log.contains("sync failed: cannot reach the community server at"), "{log}");
    assert!(!log.contains(&token), "no token in the log: {log}");
}

#[test]
fn the_server_logs_one_line_per_request_without_queries_tokens_or_bodies() {
    let db = TestDb::sqlite();
    let server = ServeProcess::start_capturing_stderr(&db);
    let url = format!("http://{}", server.addr);

    let rt = runtime();
    let token = register(&rt, &url, "secret-name-42");
    assert_eq!(call(&rt, "GET", &format!("{url}/health"), None, None).0, 200);
    let query = format!("{url}/v1/comments?since=0&access_token={token}");
    assert_eq!(call(&rt, "GET", &query, Some(&token), None).0, 200);
    assert_eq!(call(&rt, "GET", &format!("{url}/v1/me"), Some("cfy_wrong_token_99"), None).0, 401);
    assert_eq!(call(&rt, "GET", &format!("{url}/nowhere"), None, None).0, 404);

    let err = server.kill_and_read_stderr();
    let access: Vec<&str> = err.lines().filter(|l| l.contains("codify::access")).collect();
    let tails: Vec<String> = access
        .iter()
        .map(|l| {
            let msg = l.split("codify::access: ").nth(1).unwrap();
            let (head, ms) = msg.rsplit_once(' ').unwrap().0.rsplit_once(' ').unwrap();
            assert!(ms.parse::<f64>().is_ok(), "{l}");
            head.to_string()
        })
        .collect();
    assert_eq!(
        tails,
        ["POST /v1/register 201", "GET /health 200", "GET /v1/comments 200", "GET /v1/me 401", "GET /nowhere 404"],
        "{err}"
    );
    let file = logs(&db.home("server-home"));
    for secret in [token.as_str(), "cfy_wrong_token_99", "secret-name-42", "access_token", "Bearer"] {
        assert!(!err.contains(secret), "{secret} on stderr: {err}");
        assert!(!file.contains(secret), "{secret} in the log file: {file}");
    }
    assert_eq!(file.lines().filter(|l| l.contains("codify::access")).count(), 5, "{file}");
}
