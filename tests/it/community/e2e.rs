//! Two Codify homes on one machine use the real CLI against one server: votes, comments, sync,
//! aggregates, deletion; and work done offline waits in the outbox until a server can be reached.

use serde_json::Value;

use super::{runtime, Server, TestDb};
use crate::common::{codify, stderr, stdout};
use codify::sync::server::Limits;
use codify::sync::SyncStatus;

fn ok(home: &std::path::Path, args: &[&str]) -> String {
    let o = codify(home, args);
    assert!(o.status.success(), "codify {args:?} failed: {}", stderr(&o));
    stdout(&o)
}

fn json(home: &std::path::Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(home, args)).unwrap_or_else(|e| panic!("codify {args:?}: not JSON: {e}"))
}

/// Fails with exactly one line on stderr, which contains `needle`.
fn fails(home: &std::path::Path, args: &[&str], needle: &str) -> String {
    let o = codify(home, args);
    let err = stderr(&o);
    assert!(!o.status.success(), "codify {args:?} should fail; printed {}", stdout(&o));
    assert_eq!(err.trim_end().lines().count(), 1, "one line expected: {err}");
    assert!(err.contains(needle), "{needle:?} not in {err:?}");
    err
}

fn short_id(id: &str) -> String {
    id.replace('-', "")[24..].to_string()
}

pub fn two_homes_vote_and_comment_and_see_each_other(db: TestDb) {
    let rt = runtime();
    let server = Server::start(&rt, &db, Limits::default());
    let (alice, bob) = (db.home("alice"), db.home("bob"));

    let said = ok(&alice, &["login", &server.url, "--name", "alice"]);
    assert!(said.contains("Registered as alice"), "{said}");
    let token = codify::store::Store::open(&alice.join("codify.db")).unwrap().account().unwrap().unwrap().token;
    assert!(!said.contains(&token) && said.contains(&token[..8]), "the token is never shown in full: {said}");
    ok(&bob, &["login", &server.url, "--name", "bob"]);
    let again = ok(&alice, &["login", &server.url]);
    assert!(again.contains("Signed in") && !again.contains(&token), "{again}");
    fails(&bob, &["login", &server.url, "--name", "alice"], "taken");

    ok(&alice, &["vote", "two-sum", "up"]);
    ok(&alice, &["comment", "two-sum", "Start here: one pass with a hash map.", "--tag", "good_intro"]);
    ok(&bob, &["vote", "two-sum", "up"]);
    ok(&bob, &["vote", "3sum", "down"]);
    ok(&bob, &["comment", "two-sum", "Harder than it looks.", "--tag", "too_hard"]);
    // Shown at once, before any sync.
    let v = json(&bob, &["comments", "two-sum", "--json"]);
    assert_eq!((v["signal"]["up"].as_u64(), v["signal"]["comments"].as_u64()), (Some(1), Some(1)));
    assert_eq!(v["comments"][0]["pending"], true);

    assert_eq!(json(&alice, &["sync", "--json"])["pushed"], 2);
    assert_eq!(json(&bob, &["sync", "--json"])["pushed"], 3);
    let r = json(&alice, &["sync", "--json"]);
    assert_eq!((r["pushed"].as_u64(), r["queued"].as_u64()), (Some(0), Some(0)));

    let v = json(&alice, &["comments", "two-sum", "--json"]);
    let s = &v["signal"];
    assert_eq!((s["up"].as_u64(), s["down"].as_u64(), s["comments"].as_u64()), (Some(2), Some(0), Some(2)), "{v}");
    assert_eq!((s["tags"]["good_intro"].as_u64(), s["tags"]["too_hard"].as_u64()), (Some(1), Some(1)));
    assert_eq!(s["my_vote"], "up");
    let authors: Vec<&str> = v["comments"].as_array().unwrap().iter().map(|c| c["author"].as_str().unwrap()).collect();
    assert_eq!(authors, ["alice", "bob"]);
    assert_eq!(json(&alice, &["comments", "3sum", "--json"])["signal"]["down"], 1);
    let human = ok(&alice, &["comments", "two-sum"]);
    assert!(human.contains("▲ 2") && human.contains("bob") && human.contains("Harder than it looks."), "{human}");

    // Bob's comment is not Alice's to delete, here or on the server.
    let bobs = v["comments"][1]["id"].as_str().unwrap().to_string();
    fails(&alice, &["comments", "two-sum", "--delete", &short_id(&bobs)], "someone else's");
    ok(&bob, &["comments", "two-sum", "--delete", &short_id(&bobs)]);
    ok(&alice, &["vote", "two-sum", "down"]);
    ok(&bob, &["sync"]);
    ok(&alice, &["sync"]);
    let s = json(&alice, &["comments", "two-sum", "--json"]);
    assert_eq!((s["signal"]["up"].as_u64(), s["signal"]["down"].as_u64()), (Some(1), Some(1)), "{s}");
    assert_eq!(s["signal"]["comments"], 1);
    assert_eq!(s["comments"].as_array().unwrap().len(), 1);

    // The signal other modules read.
    let signal = codify::store::Store::open(&alice.join("codify.db")).unwrap().community_signal().unwrap();
    assert_eq!((signal["two-sum"].up, signal["two-sum"].down, signal["3sum"].down), (1, 1, 1));

    // Bad input: one line, non-zero exit, nothing queued.
    fails(&alice, &["vote", "two-summ", "up"], "did you mean two-sum");
    fails(&alice, &["comment", "two-sum", "   "], "cannot be empty");
    fails(&alice, &["comment", "two-sum", &"x".repeat(2001)], "at most 2000 characters");
    fails(&alice, &["comment", "no-such-problem", "hi"], "no problem");
    assert_eq!(json(&alice, &["sync", "--json"])["pushed"], 0);
    server.stop(&rt);
}

/// The TUI of one home syncs in the background at start and shows the other home's votes, tags and
/// comments; its own `:vote` and `:comment` reach the server without a manual sync.
pub fn the_tui_shows_the_other_homes_votes_and_syncs_its_own(db: TestDb) {
    let rt = runtime();
    let server = Server::start(&rt, &db, Limits::default());
    let (alice, bob) = (db.home("alice"), db.home("bob"));
    ok(&alice, &["login", &server.url, "--name", "alice"]);
    ok(&bob, &["login", &server.url, "--name", "bob"]);
    ok(&alice, &["vote", "two-sum", "up"]);
    ok(&alice, &["comment", "two-sum", "One pass with a dictionary.", "--tag", "good_intro"]);
    ok(&alice, &["sync"]);

    let Some(t) = crate::tui_e2e::Tmux::start("community", &bob) else { return };
    t.wait_for("⇅ synced");
    t.keys(&["/"]);
    t.type_text("two sum");
    t.keys(&["Enter"]);
    t.wait_for_all(&["[good intro]", "+1"]);
    t.keys(&["Enter"]);
    t.wait_for("▲1 ▼0 · 1 comment · good intro ×1");
    t.type_text(":vote up");
    t.keys(&["Enter"]);
    t.wait_for("▲2 ▼0 · 1 comment · good intro ×1 · you voted up");
    t.type_text(":comment #too_hard Took me an hour.");
    t.keys(&["Enter"]);
    t.wait_for("too hard ×1");
    // Both changes reach the server in the background: Alice sees them after her own sync.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        ok(&alice, &["sync"]);
        let s = json(&alice, &["comments", "two-sum", "--json"]);
        if s["signal"]["up"] == 2 && s["signal"]["comments"] == 2 {
            assert_eq!(s["signal"]["tags"]["too_hard"], 1, "{s}");
            break;
        }
        assert!(std::time::Instant::now() < deadline, "bob's vote and comment never reached the server: {s}");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    t.type_text(":q");
    t.keys(&["Enter"]);
    t.wait_for("LIST");
    t.keys(&["q"]);
    t.wait_exit();
    let queued = json(&bob, &["sync", "--json"]);
    assert_eq!(queued["pushed"], 0, "nothing was left in bob's outbox: {queued}");
    server.stop(&rt);
}

pub fn offline_work_is_kept_and_sent_later(db: TestDb) {
    let rt = runtime();
    let home = db.home("offline");
    ok(&home, &["vote", "two-sum", "up"]);
    ok(&home, &["comment", "valid-parentheses", "Use a stack.", "--tag", "pattern_practice"]);
    fails(&home, &["sync"], "codify login URL");
    let v = json(&home, &["comments", "valid-parentheses", "--json"]);
    assert_eq!(v["signal"]["tags"]["pattern_practice"], 1);

    let server = Server::start(&rt, &db, Limits::default());
    ok(&home, &["login", &server.url, "--name", "nomad"]);
    let addr = server.addr;
    server.stop(&rt);
    let err = fails(&home, &["sync"], "cannot reach the community server");
    assert!(err.contains("2 changes stay queued"), "{err}");
    ok(&home, &["vote", "two-sum", "down"]);

    // Back on the same address and the same database: the TUI's background sync delivers everything.
    let server = Server::start_on(&rt, &db, Limits::default(), addr);
    let status = rt.block_on(codify::sync::background_sync(home.join("codify.db")));
    assert_eq!(status, SyncStatus::Synced { pushed: 3, pulled: 1 });
    let v = json(&home, &["comments", "two-sum", "--json"]);
    assert_eq!(
        (v["signal"]["up"].as_u64(), v["signal"]["down"].as_u64(), v["signal"]["pending"].as_u64()),
        (Some(0), Some(1), Some(0))
    );
    server.stop(&rt);
}
