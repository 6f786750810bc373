//! Trending endpoint benchmark (issue 18): `GET /v1/trending` with 100,000 events behind it, on each
//! backend (SQLite always, PostgreSQL when CODIFY_TEST_POSTGRES_URL is set, in a schema of its own).
//!
//! Target: p99 ≤ 20 ms. The 100,000 events (votes, comments and solves from 50 users on 150 problems,
//! their times spread by the server's clock as they arrive) are pushed through the real client first, in
//! batches of 100. Two shapes are then timed, through the real client over loopback:
//!
//! - **reads**: 10 concurrent clients read trending 200 times each (most reads are served from the
//!   in-memory list, as on a quiet server);
//! - **read after write**: one client pushes a vote and then reads trending, 300 times, so every read
//!   follows a write that dropped the cached list and the server reads its table again (the worst case).
//!
//! Rate limits are off (they would cap one address). Run: `cargo bench --bench trending`. Prints a
//! Markdown table.

use std::time::{Duration, Instant};

#[path = "common/backends.rs"]
mod backends;

use codify::sync::server::DbTarget;
use codify::sync::wire::{Action, Event, Vote};
use uuid::Uuid;

const EVENTS: usize = 100_000;
const USERS: usize = 50;
const PROBLEMS: usize = 150;
const READERS: usize = 10;
const READS: usize = 200;
const WRITE_READS: usize = 300;

fn now_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64
}

fn pct(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i].as_secs_f64() * 1000.0
}

/// Event `i` of the load: mostly votes, one in five a solve, one in twenty a comment.
fn event(i: usize) -> Event {
    let slug = format!("p-{}", (i * 7919) % PROBLEMS);
    let action = match i % 20 {
        0 => Action::Comment { slug, text: format!("note {i}"), tag: None },
        1..=4 => Action::Solve { slug },
        k => Action::Vote { slug, vote: if k % 3 == 0 { Vote::Down } else { Vote::Up } },
    };
    Event { id: Uuid::new_v4(), at: now_ms(), action }
}

/// One read of the top 100, timed; anything but 100 items counts as an error.
async fn timed_read(client: &codify::sync::Client, lat: &mut Vec<Duration>, errors: &mut usize) {
    let t = Instant::now();
    match client.trending(100).await {
        Ok(p) if p.items.len() == 100 => {}
        _ => *errors += 1,
    }
    lat.push(t.elapsed());
}

fn row(name: &str, shape: &str, lat: &mut [Duration], errors: usize) {
    lat.sort();
    println!(
        "| {name} | {shape} | {} | {:.2} ms | **{:.2} ms** | {:.2} ms | {errors} |",
        lat.len(),
        pct(lat, 0.5),
        pct(lat, 0.99),
        pct(lat, 1.0)
    );
}

fn bench(name: &str, target: DbTarget) {
    let running = backends::Running::start(target, USERS, "t");
    let (client_rt, clients) = (&running.client_rt, running.clients.clone());

    // The load: 100,000 events, 100 per push, from every user, 8 pushes in flight.
    let fill = Instant::now();
    client_rt.block_on(async {
        let batches: Vec<Vec<Event>> =
            (0..EVENTS).map(event).collect::<Vec<_>>().chunks(100).map(<[Event]>::to_vec).collect();
        let mut pending = Vec::new();
        for (b, batch) in batches.into_iter().enumerate() {
            let client = clients[b % USERS].clone();
            pending.push(tokio::spawn(async move { client.push(&batch).await.expect("push").results.len() }));
            if pending.len() == 8 {
                for p in pending.drain(..) {
                    p.await.unwrap();
                }
            }
        }
        for p in pending {
            p.await.unwrap();
        }
    });
    let fill = fill.elapsed();
    let top = client_rt.block_on(clients[0].trending(3)).expect("trending");
    assert_eq!(top.items.len(), 3, "every problem has activity");

    // Reads.
    let (mut lat, errors) = client_rt.block_on(async {
        let tasks: Vec<_> = (0..READERS)
            .map(|r| {
                let client = clients[r].clone();
                tokio::spawn(async move {
                    let mut lat = Vec::with_capacity(READS);
                    let mut errors = 0;
                    for _ in 0..READS {
                        timed_read(&client, &mut lat, &mut errors).await;
                    }
                    (lat, errors)
                })
            })
            .collect();
        let mut all = (Vec::new(), 0);
        for t in tasks {
            let (l, e) = t.await.unwrap();
            all.0.extend(l);
            all.1 += e;
        }
        all
    });
    row(name, &format!("reads, {READERS} clients (filled in {:.0} s)", fill.as_secs_f64()), &mut lat, errors);

    // Read after write: every read misses the cache.
    let (mut lat, errors) = client_rt.block_on(async {
        let client = &clients[1];
        let (mut lat, mut errors) = (Vec::with_capacity(WRITE_READS), 0);
        for i in 0..WRITE_READS {
            let vote = Event {
                id: Uuid::new_v4(),
                at: now_ms(),
                action: Action::Vote { slug: format!("p-{}", i % PROBLEMS), vote: Vote::Up },
            };
            client.push(&[vote]).await.expect("push");
            timed_read(client, &mut lat, &mut errors).await;
        }
        (lat, errors)
    });
    row(name, "read after a write (cache dropped)", &mut lat, errors);

    running.stop();
}

fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    println!(
        "{EVENTS} events from {USERS} users on {PROBLEMS} problems behind `GET /v1/trending?limit=100`, loopback.\n"
    );
    println!("| backend | shape | reads | p50 | p99 (≤ 20 ms) | max | errors |");
    println!("|---|---|---|---|---|---|---|");
    backends::each(dir.path(), "trending.db", bench);
}
