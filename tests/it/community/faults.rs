//! Exactly-once delivery under faults: an acknowledgement lost on the way back, the server killed
//! (SIGKILL) right after committing a batch and restarted on the same database, and the client process
//! killed while waiting for an answer and run again. Each time, every event is counted once.

use std::process::{Command, Stdio};

use super::proxy::AckDropper;
use super::{runtime, ServeProcess, Server, TestDb};
use codify::store::Store;
use codify::sync::client::{login, Client};
use codify::sync::server::Limits;
use codify::sync::wire::Vote;
use codify::sync::{sync_once, SyncError};

const VOTES: usize = 250;
const COMMENTS: usize = 3;
const BATCH: usize = codify::sync::wire::MAX_BATCH;

/// A home whose outbox holds `VOTES` votes on distinct problems and `COMMENTS` comments.
fn busy_home(db: &TestDb, name: &str) -> std::path::PathBuf {
    let home = db.home(name);
    let store = Store::open(&home.join("codify.db")).unwrap();
    for i in 0..VOTES {
        store.record_vote(&format!("p-{i}"), Vote::Up).unwrap();
    }
    for i in 0..COMMENTS {
        store.record_comment("two-sum", &format!("comment {i}"), None).unwrap();
    }
    home
}

/// The server counts every event exactly once: one upvote per problem, `COMMENTS` comments.
fn assert_counted_once(rt: &tokio::runtime::Runtime, url: &str, store: &Store) {
    let token = store.account().unwrap().unwrap().token;
    let client = Client::new(url, Some(token)).unwrap();
    let page = rt.block_on(client.aggregates(None, 500)).unwrap();
    assert!(page.next.is_none());
    let votes: Vec<_> = page.items.iter().filter(|a| a.slug.starts_with("p-")).collect();
    assert_eq!(votes.len(), VOTES);
    assert!(votes.iter().all(|a| a.up == 1 && a.down == 0), "a vote was counted twice or lost");
    let two_sum = page.items.iter().find(|a| a.slug == "two-sum").expect("two-sum has comments");
    assert_eq!(two_sum.comments, COMMENTS as u64);
    let feed = rt.block_on(client.comments(0, 500)).unwrap();
    assert_eq!(feed.items.len(), COMMENTS);
    // And the local view agrees.
    let signal = store.community_signal().unwrap();
    assert_eq!((signal["p-7"].up, signal["two-sum"].comments, signal["two-sum"].pending), (1, COMMENTS as u64, 0));
}

fn sign_in(rt: &tokio::runtime::Runtime, store: &mut Store, url: &str, name: &str) {
    rt.block_on(login(store, url, Some(name))).expect("login");
}

pub fn a_lost_acknowledgement_is_resent_and_counted_once(db: TestDb) {
    let rt = runtime();
    let server = Server::start(&rt, &db, Limits::unlimited());
    let proxy = rt.block_on(AckDropper::start(server.addr));
    let home = busy_home(&db, "alice");
    let mut store = Store::open(&home.join("codify.db")).unwrap();
    sign_in(&rt, &mut store, &proxy.url, "alice");

    proxy.drop_answer_to_push(2);
    let err = rt.block_on(sync_once(&mut store)).unwrap_err();
    assert!(matches!(err, SyncError::Offline { .. }), "{err}");
    // The first batch was acknowledged and forgotten; the second reached the server but not its answer.
    assert_eq!(store.outbox_len().unwrap() as usize, VOTES + COMMENTS - BATCH);

    let report = rt.block_on(sync_once(&mut store)).unwrap();
    assert_eq!((report.duplicates, report.applied, report.queued), (BATCH, VOTES + COMMENTS - 2 * BATCH, 0));
    assert_counted_once(&rt, &server.url, &store);
    server.stop(&rt);
}

pub fn server_killed_mid_sync_and_restarted_loses_and_duplicates_nothing(db: TestDb) {
    let rt = runtime();
    let server = ServeProcess::start(&db);
    let proxy = rt.block_on(AckDropper::start(server.addr));
    let home = busy_home(&db, "alice");
    let mut store = Store::open(&home.join("codify.db")).unwrap();
    sign_in(&rt, &mut store, &proxy.url, "alice");

    // The server commits the second batch and is killed before its answer gets out.
    proxy.drop_answer_to_push(2);
    let syncing = rt.spawn(async move {
        let result = sync_once(&mut store).await;
        (store, result)
    });
    rt.block_on(proxy.answer_withheld());
    server.kill();
    let (mut store, result) = rt.block_on(syncing).unwrap();
    assert!(result.as_ref().is_err_and(SyncError::is_offline), "{result:?}");
    // While the server is down: offline, nothing lost.
    assert!(rt.block_on(sync_once(&mut store)).is_err_and(|e| e.is_offline()));
    assert_eq!(store.outbox_len().unwrap() as usize, VOTES + COMMENTS - BATCH);

    // Restarted on the same database (another port, behind the same address for the client).
    let restarted = ServeProcess::start(&db);
    proxy.set_upstream(restarted.addr);
    let report = rt.block_on(sync_once(&mut store)).unwrap();
    assert_eq!((report.duplicates, report.applied, report.queued), (BATCH, VOTES + COMMENTS - 2 * BATCH, 0));
    assert_counted_once(&rt, &format!("http://{}", restarted.addr), &store);
    restarted.kill();
}

pub fn client_killed_mid_sync_and_restarted_loses_and_duplicates_nothing(db: TestDb) {
    let rt = runtime();
    let server = Server::start(&rt, &db, Limits::unlimited());
    let proxy = rt.block_on(AckDropper::start(server.addr));
    let home = busy_home(&db, "carol");
    sign_in(&rt, &mut Store::open(&home.join("codify.db")).unwrap(), &proxy.url, "carol");

    // `codify sync` waits for the answer to its second batch (already committed) and is killed.
    proxy.hold_answer_to_push(2);
    let mut child = Command::new(env!("CARGO_BIN_EXE_codify"))
        .arg("--home")
        .arg(&home)
        .arg("sync")
        .env_remove("CODIFY_HOME")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    rt.block_on(proxy.answer_withheld());
    child.kill().unwrap();
    child.wait().unwrap();
    let store = Store::open(&home.join("codify.db")).unwrap();
    assert_eq!(store.outbox_len().unwrap() as usize, VOTES + COMMENTS - BATCH);

    // Run again: the unacknowledged batch is resent and answered `duplicate`.
    let o = crate::common::codify(&home, &["sync", "--json"]);
    assert!(o.status.success(), "{}", crate::common::stderr(&o));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(report["duplicates"].as_u64(), Some(BATCH as u64), "{report}");
    assert_eq!(report["applied"].as_u64(), Some((VOTES + COMMENTS - 2 * BATCH) as u64));
    assert_counted_once(&rt, &server.url, &store);
    server.stop(&rt);
}
