//! Study groups and trending (issue 18), on each backend: homes in a group see each other's shared
//! activity after sync and a home outside sees nothing; invite codes are single-use and expire; a member
//! who leaves disappears from the group's views; a removed group's data is deleted; shared text is checked;
//! trending counts votes, comments and solves with no identities.

use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use uuid::Uuid;

use super::{call, post_json, register, runtime, ServeProcess, Server, TestDb};
use crate::common::{codify, stderr, stdout};
use codify::sync::server::{DbTarget, Limits, PgStorage, SqliteStorage, Storage};

fn ok(home: &Path, args: &[&str]) -> String {
    let o = codify(home, args);
    assert!(o.status.success(), "codify {args:?} failed: {}", stderr(&o));
    stdout(&o)
}

fn json_of(home: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(home, args)).unwrap_or_else(|e| panic!("codify {args:?}: not JSON: {e}"))
}

/// Fails with one line on stderr containing `needle`.
fn fails(home: &Path, args: &[&str], needle: &str) {
    let o = codify(home, args);
    let err = stderr(&o);
    assert!(!o.status.success(), "codify {args:?} should fail; printed {}", stdout(&o));
    assert_eq!(err.trim_end().lines().count(), 1, "one line expected: {err}");
    assert!(err.contains(needle), "{needle:?} not in {err:?}");
}

struct ServeUrl {
    url: String,
}

fn reference(slug: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("problems").join(slug).join("solution.py")
}

fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64
}

/// The invite code `codify group invite` printed.
fn invite(home: &Path, group: &str) -> String {
    let said = ok(home, &["group", "invite", group]);
    said.lines().next().and_then(|l| l.split_whitespace().last()).expect("a code").to_string()
}

fn kinds_and_members(view: &Value) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = view["group"]["activity"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["member"].as_str().unwrap().to_string(), a["kind"].as_str().unwrap().to_string()))
        .collect();
    v.sort();
    v
}

pub fn two_homes_in_a_group_see_each_others_activity_and_an_outsider_sees_nothing(db: TestDb) {
    let rt = runtime();
    // The real `codify serve`, as a member would run it.
    let serve = ServeProcess::start_capturing_stderr(&db);
    let server = ServeUrl { url: format!("http://{}", serve.addr) };
    let (ana, bo, cy) = (db.home("ana"), db.home("bo"), db.home("cy"));
    for (home, name) in [(&ana, "ana"), (&bo, "bo"), (&cy, "cy")] {
        ok(home, &["login", &server.url, "--name", name]);
    }
    fails(&ana, &["group", "show"], "no group");
    let created = ok(&ana, &["group", "create", "evening study"]);
    assert!(created.contains("`evening study`") && created.contains("You now share"), "{created}");
    let code = invite(&ana, "evening study");
    let joined = ok(&bo, &["group", "join", &code.to_uppercase()]);
    assert!(joined.contains("(2 members)"), "{joined}");

    // Cy solves too, but is in no group and never chose to share: nothing of it is queued.
    ok(&cy, &["submit", "contains-duplicate", reference("contains-duplicate").to_str().unwrap()]);
    assert_eq!(json_of(&cy, &["sync", "--json"])["pushed"], 0);

    ok(&ana, &["submit", "two-sum", reference("two-sum").to_str().unwrap()]);
    ok(&bo, &["submit", "contains-duplicate", reference("contains-duplicate").to_str().unwrap()]);
    // A repeat of the same file shares nothing more.
    ok(&bo, &["submit", "contains-duplicate", reference("contains-duplicate").to_str().unwrap()]);
    for home in [&ana, &bo] {
        ok(home, &["sync"]);
    }
    let want = |pairs: &[(&str, &str)]| pairs.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect::<Vec<_>>();
    for home in [&ana, &bo] {
        let view = json_of(home, &["group", "show", "--json"]);
        assert_eq!(
            kinds_and_members(&view),
            want(&[("ana", "milestone"), ("ana", "solve"), ("bo", "milestone"), ("bo", "solve")]),
            "{view}"
        );
        let week: Vec<(String, u64, u64)> = view["group"]["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                (
                    m["member"].as_str().unwrap().into(),
                    m["solved"].as_u64().unwrap(),
                    m["streak_days"].as_u64().unwrap(),
                )
            })
            .collect();
        assert_eq!(week, [("ana".to_string(), 1, 1), ("bo".to_string(), 1, 1)]);
    }
    let text = ok(&bo, &["group", "show"]);
    assert!(text.contains("ana solved two-sum") && text.contains("bo earned “First easy problem solved”"), "{text}");

    // The outsider: no groups, the group's view is not found, and the raw API says the same.
    assert!(json_of(&cy, &["group", "list", "--json"])["groups"].as_array().unwrap().is_empty());
    let id = json_of(&ana, &["group", "list", "--json"])["groups"][0]["id"].as_i64().unwrap();
    fails(&cy, &["group", "show", &id.to_string()], "no group");
    let cy_token = codify::store::Store::open(&cy.join("codify.db")).unwrap().account().unwrap().unwrap().token;
    let (status, body) = call(&rt, "GET", &format!("{}/v1/groups/{id}", server.url), Some(&cy_token), None);
    assert_eq!((status, body["error"].as_str()), (404, Some("not_found")), "{body}");
    let (status, body) = call(&rt, "GET", &format!("{}/v1/trending", server.url), Some(&cy_token), None);
    assert_eq!(status, 200, "{body}");
    let text = body.to_string();
    assert!(!text.contains("ana") && !text.contains("\"bo\""), "trending names nobody: {text}");

    // Offline, the last view fetched is shown and says so.
    serve.kill();
    let offline = ok(&ana, &["group", "show", &id.to_string()]);
    assert!(offline.contains("ana solved two-sum") && offline.contains("Offline: as fetched"), "{offline}");
}

fn sha256(s: &str) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(s.as_bytes()).into()
}

/// Stores, as `token`'s user, an invite to `group` that expired a moment ago (HTTP cannot make one), on the
/// test's database opened as the server opens it; returns its code.
async fn expired_invite<St: Storage>(st: St, token: &str, group: i64) -> String {
    let code = "expyred234";
    let user = st.user_by_token(sha256(token)).await.unwrap().expect("a user");
    st.create_invite(user.id, group, sha256(code), now() - 8 * 86_400_000, now() - 1).await.expect("an invite");
    code.to_string()
}

pub fn invite_codes_are_single_use_and_expire(db: TestDb) {
    let rt = runtime();
    let server = Server::start(&rt, &db, Limits::unlimited());
    let url = |p: &str| format!("{}{p}", server.url);
    let (ana, bo, cy) =
        (register(&rt, &server.url, "ana"), register(&rt, &server.url, "bo"), register(&rt, &server.url, "cy"));
    let (status, group) = post_json(&rt, &url("/v1/groups"), Some(&ana), &json!({"name": "pairs"}));
    assert_eq!(status, 201, "{group}");
    let id = group["id"].as_i64().unwrap();

    // Only members make invites; the rest is not told the group exists.
    let (status, body) = call(&rt, "POST", &url(&format!("/v1/groups/{id}/invites")), Some(&bo), None);
    assert_eq!((status, body["error"].as_str()), (404, Some("not_found")), "{body}");
    let (status, inv) = call(&rt, "POST", &url(&format!("/v1/groups/{id}/invites")), Some(&ana), None);
    assert_eq!(status, 201, "{inv}");
    let code = inv["code"].as_str().unwrap().to_string();
    assert!(inv["expires_at"].as_i64().unwrap() > now() + 6 * 86_400_000);

    let join = |token: &str, code: &str| post_json(&rt, &url("/v1/groups/join"), Some(token), &json!({"code": code}));
    let (status, body) = join(&bo, &code);
    assert_eq!((status, body["members"].as_u64()), (200, Some(2)), "{body}");
    // Used once: gone, for anyone.
    let (status, body) = join(&cy, &code);
    assert_eq!((status, body["error"].as_str()), (404, Some("invite_invalid")), "{body}");
    let (status, body) = join(&cy, "not a code!");
    assert_eq!((status, body["error"].as_str()), (422, Some("invalid")), "{body}");

    // Expired: refused, and the code does not become valid again.
    let code = rt.block_on(async {
        match &db.target {
            DbTarget::Sqlite(p) => expired_invite(SqliteStorage::open(p).unwrap(), &ana, id).await,
            DbTarget::Postgres(u) => expired_invite(PgStorage::connect(u).await.unwrap(), &ana, id).await,
        }
    });
    let (status, body) = join(&cy, &code);
    assert_eq!((status, body["error"].as_str()), (404, Some("invite_invalid")), "{body}");
    let (_, groups) = call(&rt, "GET", &url("/v1/groups"), Some(&cy), None);
    assert_eq!(groups["groups"], json!([]), "{groups}");
}

pub fn a_member_who_leaves_disappears_and_a_removed_group_is_deleted(db: TestDb) {
    let rt = runtime();
    let server = Server::start(&rt, &db, Limits::unlimited());
    let url = |p: &str| format!("{}{p}", server.url);
    let (ana, bo) = (register(&rt, &server.url, "ana"), register(&rt, &server.url, "bo"));
    let (_, group) = post_json(&rt, &url("/v1/groups"), Some(&ana), &json!({"name": "pairs"}));
    let id = group["id"].as_i64().unwrap();
    let (_, inv) = call(&rt, "POST", &url(&format!("/v1/groups/{id}/invites")), Some(&ana), None);
    post_json(&rt, &url("/v1/groups/join"), Some(&bo), &json!({"code": inv["code"]}));
    let solve = |slug: &str| json!({"id": Uuid::now_v7(), "at": now(), "kind": "solve", "slug": slug});
    for (token, slug) in [(&ana, "two-sum"), (&bo, "3sum")] {
        let (status, body) = post_json(&rt, &url("/v1/events"), Some(token), &json!({"events": [solve(slug)]}));
        assert_eq!(status, 200, "{body}");
    }
    let view = |token: &str| call(&rt, "GET", &url(&format!("/v1/groups/{id}")), Some(token), None);
    let (_, v) = view(&ana);
    assert_eq!(v["activity"].as_array().unwrap().len(), 2, "{v}");
    // Bo cannot remove Ana's group; he leaves it and is gone from its views, activity included.
    let (status, body) = call(&rt, "DELETE", &url(&format!("/v1/groups/{id}")), Some(&bo), None);
    assert_eq!((status, body["error"].as_str()), (403, Some("forbidden")), "{body}");
    let (status, _) = call(&rt, "DELETE", &url(&format!("/v1/groups/{id}/members/me")), Some(&bo), None);
    assert_eq!(status, 204);
    let (_, v) = view(&ana);
    let members: Vec<&str> = v["members"].as_array().unwrap().iter().map(|m| m["member"].as_str().unwrap()).collect();
    assert_eq!(members, ["ana"], "{v}");
    assert!(v["activity"].as_array().unwrap().iter().all(|a| a["member"] == "ana"), "{v}");
    assert_eq!(view(&bo).0, 404);
    let (status, _) = call(&rt, "DELETE", &url(&format!("/v1/groups/{id}/members/me")), Some(&bo), None);
    assert_eq!(status, 404, "leaving twice: not a member");

    // Ana removes it: its members and invites are deleted on the server.
    call(&rt, "POST", &url(&format!("/v1/groups/{id}/invites")), Some(&ana), None);
    let (status, _) = call(&rt, "DELETE", &url(&format!("/v1/groups/{id}")), Some(&ana), None);
    assert_eq!(status, 204);
    assert_eq!(view(&ana).0, 404);
    for table in ["groups", "members", "invites"] {
        assert_eq!(db.count(&format!("SELECT COUNT(*) FROM {table}")), 0, "{table} keeps the removed group's rows");
    }
    // The last member leaving removes a group too.
    let (_, group) = post_json(&rt, &url("/v1/groups"), Some(&bo), &json!({"name": "solo"}));
    let solo = group["id"].as_i64().unwrap();
    call(&rt, "DELETE", &url(&format!("/v1/groups/{solo}/members/me")), Some(&bo), None);
    assert_eq!(db.count("SELECT COUNT(*) FROM groups"), 0);
    // Forgetting what one shared deletes it.
    let (status, body) = call(&rt, "DELETE", &url("/v1/activity"), Some(&bo), None);
    assert_eq!((status, body["deleted"].as_u64()), (200, Some(1)), "{body}");
    assert_eq!(db.count("SELECT COUNT(*) FROM activity"), 1);
    // Activity older than anything a view reads goes when its owner shares more: the table stays bounded.
    let mut old = solve("3sum");
    old["at"] = json!(now() - 500 * 86_400_000);
    let (status, body) = post_json(&rt, &url("/v1/events"), Some(&ana), &json!({"events": [old, solve("3sum")]}));
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["results"][0]["status"], "applied", "an old event is still acknowledged once: {body}");
    assert_eq!(db.count("SELECT COUNT(*) FROM activity"), 2, "the year-old solve is not kept");
}

pub fn shared_text_is_checked_and_trending_counts_without_identities(db: TestDb) {
    let rt = runtime();
    let server = Server::start(&rt, &db, Limits::unlimited());
    let url = |p: &str| format!("{}{p}", server.url);
    let (ana, bo) = (register(&rt, &server.url, "ana"), register(&rt, &server.url, "bo"));
    for bad in ["", "   ", "a\u{1b}[2Jb", "two\nlines", &"x".repeat(41), "rtl\u{202e}txt"] {
        let (status, body) = post_json(&rt, &url("/v1/groups"), Some(&ana), &json!({"name": bad}));
        assert_eq!((status, body["error"].as_str()), (422, Some("invalid")), "{bad:?}: {body}");
    }
    let milestone = |title: &str| json!({"id": Uuid::now_v7(), "at": now(), "kind": "milestone", "key": "first_accepted:easy", "title": title});
    let (status, body) =
        post_json(&rt, &url("/v1/events"), Some(&ana), &json!({"events": [milestone("\u{1b}]52;c;eA==\u{7}")]}));
    assert_eq!((status, body["error"].as_str()), (422, Some("invalid_event")), "{body}");
    let (status, body) =
        post_json(&rt, &url("/v1/events"), Some(&ana), &json!({"events": [milestone("First easy problem solved")]}));
    assert_eq!(status, 200, "{body}");

    // Trending: an up or down vote counts 1, a comment 2, a solve 1; clearing a vote and replays add nothing.
    let ev = |kind: &str, slug: &str, extra: Value| {
        let mut e = json!({"id": Uuid::now_v7(), "at": now(), "kind": kind, "slug": slug});
        e.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        e
    };
    let batch = json!({"events": [
        ev("vote", "two-sum", json!({"vote": "up"})),
        ev("comment", "two-sum", json!({"text": "a map of what was seen", "tag": null})),
        ev("solve", "3sum", json!({})),
        ev("vote", "3sum", json!({"vote": "clear"})),
    ]});
    for _ in 0..2 {
        let (status, body) = post_json(&rt, &url("/v1/events"), Some(&ana), &batch);
        assert_eq!(status, 200, "{body}");
    }
    let (status, body) = post_json(
        &rt,
        &url("/v1/events"),
        Some(&bo),
        &json!({"events": [ev("vote", "3sum", json!({"vote": "down"}))]}),
    );
    assert_eq!(status, 200, "{body}");
    let (status, page) = call(&rt, "GET", &url("/v1/trending?limit=10"), Some(&bo), None);
    assert_eq!(status, 200, "{page}");
    let items: Vec<(String, f64, f64, f64, f64)> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            let f = |k: &str| (i[k].as_f64().unwrap() * 1000.0).round() / 1000.0;
            (i["slug"].as_str().unwrap().to_string(), f("score"), f("votes"), f("comments"), f("solves"))
        })
        .collect();
    assert_eq!(
        items,
        [("two-sum".to_string(), 3.0, 1.0, 1.0, 0.0), ("3sum".to_string(), 2.0, 1.0, 0.0, 1.0)],
        "{page}"
    );
    assert_eq!(page["half_life_days"], 7.0);
    let (status, body) = call(&rt, "GET", &url("/v1/trending?limit=0"), Some(&bo), None);
    assert_eq!((status, body["error"].as_str()), (400, Some("invalid")), "{body}");
    let (status, _) = call(&rt, "GET", &url("/v1/trending"), None, None);
    assert_eq!(status, 401);
}

/// What the TUI's study group screen sends (`group_view::request`, then `group_view::load`) against the
/// server: create, invite, join, with the default sharing turned on and the new group shown.
pub fn the_tui_creates_invites_and_joins_through_the_server(db: TestDb) {
    use codify::tui::group_view::{load, request, Request, NEWEST};
    let rt = runtime();
    let server = Server::start(&rt, &db, Limits::unlimited());
    let (ana, bo) = (db.home("ana"), db.home("bo"));
    let offline = request(&ana.join("codify.db"), &Request::Create("x".into())).unwrap_err();
    assert!(offline.contains("codify login"), "{offline}");
    for (home, name) in [(&ana, "ana"), (&bo, "bo")] {
        ok(home, &["login", &server.url, "--name", name]);
    }
    let (ana_db, bo_db) = (ana.join("codify.db"), bo.join("codify.db"));
    let said = request(&ana_db, &Request::Create("pairs".into())).unwrap();
    assert!(said.contains("created `pairs`") && said.contains("You now share"), "{said}");
    let data = load(&ana_db, NEWEST);
    let view = data.view.expect("the new group is shown");
    let said = request(&ana_db, &Request::Invite { id: view.id, name: view.name.clone() }).unwrap();
    let code = said.split_whitespace().find(|w| w.len() == 10).expect("a code").to_string();
    let said = request(&bo_db, &Request::Join(code.clone())).unwrap();
    assert!(said.contains("joined `pairs` (2 members)"), "{said}");
    assert_eq!(load(&bo_db, NEWEST).view.map(|v| v.members.len()), Some(2));
    let again = request(&bo_db, &Request::Join("zzzzzzzzzz".into())).unwrap_err();
    assert!(again.contains("unknown, used or expired"), "{again}");
    assert!(!codify::store::Store::open(&bo_db).unwrap().sharing().unwrap().is_empty());
}

/// A server upgraded to trending fills it once from the votes and comments it already stored (each counted
/// from when it arrived), and never again.
pub fn trending_is_filled_once_from_votes_and_comments_stored_before_it(db: TestDb) {
    let rt = runtime();
    let server = Server::start(&rt, &db, Limits::unlimited());
    let url = |p: &str| format!("{}{p}", server.url);
    let (ana, bo) = (register(&rt, &server.url, "ana"), register(&rt, &server.url, "bo"));
    let ev = |kind: &str, slug: &str, extra: Value| {
        let mut e = json!({"id": Uuid::now_v7(), "at": now(), "kind": kind, "slug": slug});
        e.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        e
    };
    for (token, events) in [
        (
            &ana,
            vec![
                ev("vote", "two-sum", json!({"vote": "up"})),
                ev("comment", "3sum", json!({"text": "sort first", "tag": null})),
            ],
        ),
        (&bo, vec![ev("vote", "two-sum", json!({"vote": "down"})), ev("vote", "3sum", json!({"vote": "clear"}))]),
    ] {
        let (status, body) = post_json(&rt, &url("/v1/events"), Some(token), &json!({ "events": events }));
        assert_eq!(status, 200, "{body}");
    }
    let scores = |token: &str, url: &str| -> Vec<(String, f64)> {
        let (status, page) = call(&rt, "GET", &format!("{url}/v1/trending"), Some(token), None);
        assert_eq!(status, 200, "{page}");
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| (i["slug"].as_str().unwrap().to_string(), (i["score"].as_f64().unwrap() * 100.0).round() / 100.0))
            .collect()
    };
    let live = scores(&ana, &server.url);
    assert_eq!(live, [("two-sum".to_string(), 2.0), ("3sum".to_string(), 2.0)]);
    server.stop(&rt);
    // As a database from before trending: the rows and the mark gone. The next start fills them again.
    db.exec("DELETE FROM trending; DELETE FROM counters WHERE name = 'trending_backfilled'");
    let server = Server::start(&rt, &db, Limits::unlimited());
    assert_eq!(scores(&bo, &server.url), live);
    server.stop(&rt);
    // Once: a start that finds the mark adds nothing.
    let server = Server::start(&rt, &db, Limits::unlimited());
    assert_eq!(scores(&bo, &server.url), live);
    server.stop(&rt);
}
