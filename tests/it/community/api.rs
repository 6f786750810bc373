//! The HTTP API under bad input and between users: every client mistake is the right 4xx with a JSON
//! error body (never a 5xx), users cannot touch each other's data, replays change nothing, pages, rate
//! limits, health and the OpenAPI document.

use serde_json::{json, Value};
use uuid::Uuid;

use super::{call, post_json, register, runtime, Server, TestDb};
use codify::sync::server::{Limits, Rate, OPENAPI};

fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64
}

fn vote(id: Uuid, at: i64, slug: &str, vote: &str) -> Value {
    json!({"id": id, "at": at, "kind": "vote", "slug": slug, "vote": vote})
}

fn comment(id: Uuid, slug: &str, text: &str, tag: Option<&str>) -> Value {
    json!({"id": id, "at": now(), "kind": "comment", "slug": slug, "text": text, "tag": tag})
}

/// Asserts a JSON error with this status and code.
fn expect_error((status, body): (u16, Value), want: u16, code: &str) -> Value {
    assert_eq!((status, body["error"].as_str()), (want, Some(code)), "{body}");
    assert!(body["message"].as_str().is_some_and(|m| !m.is_empty() && !m.contains('\n')), "{body}");
    body
}

fn statuses(results: &Value) -> Vec<String> {
    results["results"].as_array().unwrap().iter().map(|r| r["status"].as_str().unwrap().to_string()).collect()
}

pub fn bad_input_gets_the_right_4xx_and_a_json_body(db: TestDb) {
    let rt = runtime();
    let server = Server::start(&rt, &db, Limits::unlimited());
    let url = |p: &str| format!("{}{p}", server.url);
    let token = register(&rt, &server.url, "alice");
    let t = Some(token.as_str());
    let events = url("/v1/events");
    let raw = |body: &str| call(&rt, "POST", &events, t, Some(("application/json", body.as_bytes().to_vec())));

    expect_error(raw(r#"{"events": ["#), 400, "bad_json");
    expect_error(call(&rt, "POST", &events, t, Some(("text/plain", b"{}".to_vec()))), 415, "unsupported_media_type");
    expect_error(raw(r#"{"events": 5}"#), 422, "invalid");
    expect_error(raw(r#"{"evnts": []}"#), 422, "invalid");
    let id = Uuid::new_v4();
    let bad = [
        vote(id, now(), "Two Sum", "up"),
        vote(id, now(), "two-sum", "sideways"),
        vote(id, 12, "two-sum", "up"),
        comment(id, "two-sum", &"é".repeat(2001), None),
        comment(id, "two-sum", " \n ", None),
        comment(id, "two-sum", "fine", Some("meh")),
        json!({"id": id, "at": now(), "kind": "upvote", "slug": "two-sum"}),
    ];
    for e in bad {
        let body = expect_error(post_json(&rt, &events, t, &json!({"events": [e]})), 422, "invalid_event");
        assert_eq!(body["event"], json!(id), "{body}");
    }
    let many: Vec<Value> = (0..101).map(|i| vote(Uuid::new_v4(), now(), &format!("p-{i}"), "up")).collect();
    expect_error(post_json(&rt, &events, t, &json!({"events": many})), 422, "invalid");
    let huge = json!({"events": [comment(Uuid::new_v4(), "two-sum", &"x".repeat(2 << 20), None)]});
    expect_error(post_json(&rt, &events, t, &huge), 413, "too_large");

    expect_error(post_json(&rt, &events, None, &json!({"events": []})), 401, "unauthorized");
    expect_error(post_json(&rt, &events, Some("cfy_wrong"), &json!({"events": []})), 401, "unauthorized");
    expect_error(call(&rt, "GET", &url("/v1/me"), Some(""), None), 401, "unauthorized");
    expect_error(call(&rt, "GET", &url("/v1/nope"), t, None), 404, "not_found");
    expect_error(call(&rt, "DELETE", &events, t, None), 405, "method_not_allowed");
    for q in ["limit=0", "limit=501", "limit=lots", "after=Not%20A%20Slug"] {
        expect_error(call(&rt, "GET", &url(&format!("/v1/aggregates?{q}")), t, None), 400, "invalid");
    }
    expect_error(call(&rt, "GET", &url("/v1/comments?since=-1"), t, None), 400, "invalid");
    expect_error(call(&rt, "GET", &url("/v1/problems/Not_A_Slug/comments"), t, None), 400, "invalid");
    expect_error(call(&rt, "GET", &url("/v1/problems/x--y/aggregate"), t, None), 400, "invalid");
    expect_error(call(&rt, "DELETE", &url("/v1/comments/not-a-uuid"), t, None), 400, "invalid");
    expect_error(call(&rt, "DELETE", &url(&format!("/v1/comments/{}", Uuid::new_v4())), t, None), 404, "not_found");
    let reg = url("/v1/register");
    expect_error(post_json(&rt, &reg, None, &json!({"name": "al ice"})), 422, "invalid");
    expect_error(post_json(&rt, &reg, None, &json!({"name": 5})), 422, "invalid");
    expect_error(call(&rt, "POST", &reg, None, Some(("application/json", b"{".to_vec()))), 400, "bad_json");
    expect_error(post_json(&rt, &reg, None, &json!({"name": "alice"})), 409, "name_taken");

    // Nothing of the above was stored; an empty batch is fine.
    assert_eq!(post_json(&rt, &events, t, &json!({"events": []})), (200, json!({"results": []})));
    let (status, page) = call(&rt, "GET", &url("/v1/aggregates"), t, None);
    assert_eq!((status, page["items"].as_array().map(Vec::len)), (200, Some(0)), "{page}");
    server.stop(&rt);
}

pub fn users_cannot_touch_each_others_votes_or_comments(db: TestDb) {
    let rt = runtime();
    let server = Server::start(&rt, &db, Limits::unlimited());
    let url = |p: &str| format!("{}{p}", server.url);
    let (alice, bob) = (register(&rt, &server.url, "alice"), register(&rt, &server.url, "bob"));
    let (a, b) = (Some(alice.as_str()), Some(bob.as_str()));
    let events = url("/v1/events");
    let (a_vote, a_comment) = (Uuid::new_v4(), Uuid::new_v4());
    let r = post_json(
        &rt,
        &events,
        a,
        &json!({"events": [vote(a_vote, now(), "two-sum", "up"), comment(a_comment, "two-sum", "mine", None)]}),
    );
    assert_eq!(statuses(&r.1), ["applied", "applied"]);

    // Bob reuses Alice's event id, and tries to delete her comment: refused, and nothing changes.
    let later = now() + 60_000;
    let r = post_json(
        &rt,
        &events,
        b,
        &json!({"events": [
            vote(a_vote, later, "two-sum", "down"),
            {"id": Uuid::new_v4(), "at": later, "kind": "delete_comment", "comment": a_comment},
            vote(Uuid::new_v4(), later, "two-sum", "down"),
        ]}),
    );
    assert_eq!(r.0, 200);
    let reasons: Vec<&str> =
        r.1["results"].as_array().unwrap().iter().map(|x| x["reason"].as_str().unwrap_or("")).collect();
    assert_eq!(statuses(&r.1), ["rejected", "rejected", "applied"]);
    assert_eq!(reasons, ["id_conflict", "forbidden", ""]);
    let alone = post_json(&rt, &events, b, &json!({"events": [vote(a_vote, later + 1, "two-sum", "down")]}));
    assert_eq!(alone.1["results"][0]["reason"], "id_conflict", "{}", alone.1);
    let comment_url = url(&format!("/v1/comments/{a_comment}"));
    expect_error(call(&rt, "DELETE", &comment_url, b, None), 403, "forbidden");

    let agg = |t| call(&rt, "GET", &url("/v1/problems/two-sum/aggregate"), t, None).1;
    let seen = agg(a);
    assert_eq!((seen["up"].as_u64(), seen["down"].as_u64(), seen["comments"].as_u64()), (Some(1), Some(1), Some(1)));
    assert_eq!((seen["my_vote"].as_str(), agg(b)["my_vote"].as_str()), (Some("up"), Some("down")));

    // Alice deletes her own comment (twice: the second is a no-op).
    assert_eq!(call(&rt, "DELETE", &comment_url, a, None).0, 204);
    assert_eq!(call(&rt, "DELETE", &comment_url, a, None).0, 204);
    assert_eq!(agg(b)["comments"], 0);
    let feed = call(&rt, "GET", &url("/v1/comments"), b, None).1;
    let items = feed["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{feed}");
    assert_eq!((items[0]["deleted"].as_bool(), items[0]["text"].as_str()), (Some(true), Some("")));
    server.stop(&rt);
}

pub fn replayed_batches_change_nothing_and_the_latest_vote_wins(db: TestDb) {
    let rt = runtime();
    let server = Server::start(&rt, &db, Limits::unlimited());
    let url = |p: &str| format!("{}{p}", server.url);
    let token = register(&rt, &server.url, "alice");
    let t = Some(token.as_str());
    let events = url("/v1/events");
    let at = now();
    let first = json!({"events": [vote(Uuid::new_v4(), at, "two-sum", "up"), comment(Uuid::new_v4(), "two-sum", "hi", Some("good_intro"))]});
    assert_eq!(statuses(&post_json(&rt, &events, t, &first).1), ["applied", "applied"]);
    assert_eq!(statuses(&post_json(&rt, &events, t, &first).1), ["duplicate", "duplicate"]);

    let older = json!({"events": [vote(Uuid::new_v4(), at - 1000, "two-sum", "down")]});
    assert_eq!(statuses(&post_json(&rt, &events, t, &older).1), ["applied"]);
    let agg = || call(&rt, "GET", &url("/v1/problems/two-sum/aggregate"), t, None).1;
    let a = agg();
    assert_eq!((a["up"].as_u64(), a["down"].as_u64(), a["my_vote"].as_str()), (Some(1), Some(0), Some("up")), "{a}");
    let newer = json!({"events": [vote(Uuid::new_v4(), at + 1000, "two-sum", "clear")]});
    post_json(&rt, &events, t, &newer);
    // Everything again, newest first: all duplicates, nothing moves.
    for batch in [&newer, &older, &first] {
        assert!(statuses(&post_json(&rt, &events, t, batch).1).iter().all(|s| s == "duplicate"));
    }
    let a = agg();
    assert_eq!((a["up"].as_u64(), a["my_vote"].as_str(), a["comments"].as_u64()), (Some(0), Some("clear"), Some(1)));
    assert_eq!(a["tags"]["good_intro"], 1);
    assert_eq!(call(&rt, "GET", &url("/v1/comments"), t, None).1["items"].as_array().unwrap().len(), 1);

    // The same batch sent ten times at once (a client retrying while the first is in flight), with the
    // same events twice inside it, and two votes on one problem: each event is applied once, the later vote wins.
    let (v1, v2, v3) = (Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4());
    let batch = json!({"events": [
        vote(v1, at + 5000, "3sum", "down"), vote(v2, at + 6000, "3sum", "up"), vote(v1, at + 5000, "3sum", "down"),
        vote(v3, at, "4sum", "down"),
    ]});
    let client = codify::sync::Client::new(&server.url, Some(token.clone())).unwrap();
    let events: Vec<codify::sync::wire::Event> = serde_json::from_value(batch["events"].clone()).unwrap();
    let answers = rt.block_on(async {
        let tasks: Vec<_> = (0..10)
            .map(|_| {
                let (c, e) = (client.clone(), events.clone());
                tokio::spawn(async move { c.push(&e).await.unwrap() })
            })
            .collect();
        let mut all = Vec::new();
        for t in tasks {
            all.push(t.await.unwrap());
        }
        all
    });
    let applied: usize = answers
        .iter()
        .flat_map(|a| &a.results)
        .filter(|r| r.status == codify::sync::wire::EventStatus::Applied)
        .count();
    assert_eq!(applied, 3, "v1, v2 and v3 once each");
    let three = call(&rt, "GET", &url("/v1/problems/3sum/aggregate"), t, None).1;
    assert_eq!((three["up"].as_u64(), three["down"].as_u64()), (Some(1), Some(0)), "{three}");
    server.stop(&rt);
}

pub fn pages_rate_limits_health_and_openapi(db: TestDb) {
    let rt = runtime();
    let server = Server::start(&rt, &db, Limits::unlimited());
    let url = |p: &str| format!("{}{p}", server.url);
    let (status, health) = call(&rt, "GET", &url("/health"), None, None);
    let backend = match db.target {
        codify::sync::server::DbTarget::Sqlite(_) => "sqlite",
        codify::sync::server::DbTarget::Postgres(_) => "postgres",
    };
    assert_eq!((status, health["status"].as_str(), health["backend"].as_str()), (200, Some("ok"), Some(backend)));
    assert_eq!(call(&rt, "GET", &url("/openapi.json"), None, None).1, serde_json::from_str::<Value>(OPENAPI).unwrap());

    let token = register(&rt, &server.url, "pager");
    let t = Some(token.as_str());
    let batch: Vec<Value> = (0..7)
        .flat_map(|i| {
            [
                comment(Uuid::new_v4(), &format!("p-{i}"), "c", None),
                vote(Uuid::new_v4(), now(), &format!("p-{i}"), "up"),
            ]
        })
        .collect();
    post_json(&rt, &url("/v1/events"), t, &json!({"events": batch}));
    let mut since = 0;
    let mut sizes = Vec::new();
    loop {
        let page = call(&rt, "GET", &url(&format!("/v1/comments?since={since}&limit=3")), t, None).1;
        sizes.push(page["items"].as_array().unwrap().len());
        since = page["cursor"].as_i64().unwrap();
        if page["more"] == false {
            break;
        }
    }
    assert_eq!(sizes, [3, 3, 1]);
    let one = call(&rt, "GET", &url("/v1/problems/p-3/comments"), t, None).1;
    assert_eq!(one["items"].as_array().unwrap().len(), 1);
    let mut slugs = Vec::new();
    let mut after = String::new();
    loop {
        let page = call(&rt, "GET", &url(&format!("/v1/aggregates?limit=2{after}")), t, None).1;
        slugs.extend(page["items"].as_array().unwrap().iter().map(|a| a["slug"].as_str().unwrap().to_string()));
        match page["next"].as_str() {
            Some(n) => after = format!("&after={n}"),
            None => break,
        }
    }
    assert_eq!(slugs, (0..7).map(|i| format!("p-{i}")).collect::<Vec<_>>());
    server.stop(&rt);

    // Rate limits: per token, per address, registrations; 429 with Retry-After and a JSON body.
    let strict = Limits {
        per_token: Some(Rate::new(0.01, 3.0)),
        register_per_address: Some(Rate::new(0.01, 1.0)),
        ..Limits::unlimited()
    };
    let server = Server::start(&rt, &db, strict);
    let me = format!("{}/v1/me", server.url);
    for _ in 0..3 {
        assert_eq!(call(&rt, "GET", &me, t, None).0, 200);
    }
    let resp = rt.block_on(reqwest::Client::new().get(&me).bearer_auth(&token).send()).unwrap();
    assert_eq!(resp.status().as_u16(), 429);
    let wait: u64 = resp.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=100).contains(&wait), "{wait}");
    let reg = format!("{}/v1/register", server.url);
    assert_eq!(post_json(&rt, &reg, None, &json!({"name": "one"})).0, 201);
    expect_error(post_json(&rt, &reg, None, &json!({"name": "two"})), 429, "rate_limited");
    server.stop(&rt);
    let by_address = Limits { per_address: Some(Rate::new(0.01, 2.0)), ..Limits::unlimited() };
    let server = Server::start(&rt, &db, by_address);
    let health = format!("{}/health", server.url);
    assert_eq!((call(&rt, "GET", &health, None, None).0, call(&rt, "GET", &health, None, None).0), (200, 200));
    expect_error(call(&rt, "GET", &health, None, None), 429, "rate_limited");
    server.stop(&rt);
}
