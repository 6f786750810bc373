//! Community server load benchmark (issue 7): 50 concurrent clients push vote events to the server on the
//! loopback interface, through the real sync client (`codify::sync::Client::push`), for each backend:
//! SQLite always, PostgreSQL when CODIFY_TEST_POSTGRES_URL is set (in a schema of its own, dropped after).
//! Reports vote events ingested per second and the latency of each push (p50, p99, max).
//!
//! Targets: ≥ 2,000 vote events/s and p99 ≤ 50 ms with 50 clients on a 2-core machine. Two shapes are
//! measured: one event per request (every vote synced the moment it is cast: the worst case) and ten per
//! request (a client catching up). Rate limits are off: they would cap 50 clients on one address, and
//! this measures ingestion. Server and clients share the machine's cores, as on a laptop.
//!
//! Bounded: at most `REQUESTS` pushes per client per shape and `MAX_SECONDS` per shape, only to
//! 127.0.0.1. Run: `cargo bench --bench sync_load` (release build). Prints a Markdown table.

use std::sync::Arc;
use std::time::{Duration, Instant};

#[path = "common/backends.rs"]
mod backends;

use codify::sync::server::DbTarget;
use codify::sync::wire::{Action, Event, Vote};
use codify::sync::Client;
use uuid::Uuid;

const CLIENTS: usize = 50;
const REQUESTS: usize = 200;
const MAX_SECONDS: u64 = 30;
const PROBLEMS: usize = 1000;

struct Run {
    events: usize,
    seconds: f64,
    latencies: Vec<Duration>,
    errors: usize,
}

fn pct(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i].as_secs_f64() * 1000.0
}

fn now_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64
}

async fn load(clients: &[Client], per_request: usize) -> Run {
    let deadline = Instant::now() + Duration::from_secs(MAX_SECONDS);
    let start = Instant::now();
    let tasks: Vec<_> = clients
        .iter()
        .cloned()
        .enumerate()
        .map(|(c, client)| {
            tokio::spawn(async move {
                let mut latencies = Vec::with_capacity(REQUESTS);
                let (mut events, mut errors) = (0, 0);
                for r in 0..REQUESTS {
                    if Instant::now() > deadline {
                        break;
                    }
                    let batch: Vec<Event> = (0..per_request)
                        .map(|k| Event {
                            id: Uuid::new_v4(),
                            at: now_ms(),
                            action: Action::Vote {
                                slug: format!("p-{}", (c * 7919 + r * per_request + k) % PROBLEMS),
                                vote: if (r + k) % 3 == 0 { Vote::Down } else { Vote::Up },
                            },
                        })
                        .collect();
                    let t = Instant::now();
                    match client.push(&batch).await {
                        Ok(resp) if resp.results.len() == batch.len() => events += batch.len(),
                        _ => errors += 1,
                    }
                    latencies.push(t.elapsed());
                }
                (events, errors, latencies)
            })
        })
        .collect();
    let mut run = Run { events: 0, seconds: 0.0, latencies: Vec::new(), errors: 0 };
    for t in tasks {
        let (events, errors, latencies) = t.await.expect("client task");
        run.events += events;
        run.errors += errors;
        run.latencies.extend(latencies);
    }
    run.seconds = start.elapsed().as_secs_f64();
    run.latencies.sort();
    run
}

fn bench(name: &str, target: DbTarget) {
    let running = backends::Running::start(target, CLIENTS, "load");
    let (client_rt, clients) = (&running.client_rt, running.clients.clone());
    let clients = Arc::new(clients);
    client_rt.block_on(load(&clients[..], 1)); // warm-up: connections, statements, pages
    for per_request in [1, 10] {
        let run = client_rt.block_on(load(&clients[..], per_request));
        println!(
            "| {name} | {per_request} | {} | {:.1} s | **{:.0}** | {:.1} ms | **{:.1} ms** | {:.1} ms | {} |",
            run.events,
            run.seconds,
            run.events as f64 / run.seconds,
            pct(&run.latencies, 0.50),
            pct(&run.latencies, 0.99),
            pct(&run.latencies, 1.0),
            run.errors
        );
    }
    running.stop();
}

fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    println!("{CLIENTS} concurrent clients, up to {REQUESTS} pushes each per row, loopback, rate limits off.\n");
    println!("| backend | events per push | events | wall | events/s (≥ 2,000) | p50 | p99 (≤ 50 ms) | max | errors |");
    println!("|---|---|---|---|---|---|---|---|---|");
    backends::each(dir.path(), "load.db", bench);
}
