//! The accept loop: what `axum::serve` does, plus the limits it leaves out, so that slow or idle clients
//! cannot hold the server. A client has [`Connections::header_timeout`] to send each request's headers
//! (which also closes kept-alive connections that stay idle), a request must be read and answered within
//! [`Connections::request_timeout`] (else 408), and at most [`Connections::max_open`] connections are
//! served at once (more wait in the kernel's backlog). One client (an IPv4 address or an IPv6 /64, see
//! [`super::ratelimit::host_key`]) holds at most [`Connections::max_per_address`] of them: a connection
//! beyond that is answered 503 and closed at once, so one client cannot fill every slot and make the
//! others wait. Shutdown stops accepting, lets requests in flight finish and closes idle connections.

use std::collections::HashMap;
use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::{Service, ServiceExt};

use super::http::ApiError;

/// Limits on connections; the defaults suit a public server.
#[derive(Debug, Clone, Copy)]
pub struct Connections {
    pub header_timeout: Duration,
    pub request_timeout: Duration,
    pub max_open: usize,
    /// Connections open at once from one client.
    pub max_per_address: usize,
}

/// Connections a public server allows one client: browsers open 6 per host, a Codify client 1; room is
/// left for a few users behind one NAT address (and for the 50-client load benchmark on loopback).
pub const MAX_PER_ADDRESS: usize = 64;

impl Default for Connections {
    fn default() -> Connections {
        Connections {
            header_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            max_open: 1024,
            max_per_address: MAX_PER_ADDRESS,
        }
    }
}

/// Serves `app` on `listener` until `shutdown` completes, then waits for the requests in flight.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: Connections,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let deadline = limits.request_timeout;
    let app = app
        .layer(axum::middleware::from_fn(move |req: Request, next: Next| within(deadline, req, next)))
        .layer(axum::middleware::from_fn(access_log));
    let mut make = app.into_make_service_with_connect_info::<SocketAddr>();
    let graceful = GracefulShutdown::new();
    let open = Arc::new(Semaphore::new(limits.max_open.max(1)));
    let per_host = PerHost::new(limits.max_per_address);
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            permit = open.clone().acquire_owned() => match permit {
                Ok(p) => p,
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    accept_failed(&e).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Some(held) = per_host.enter(remote.ip()) else {
            tracing::warn!("refused a connection from {}: it holds its share of open connections", remote.ip());
            refuse_busy(&stream);
            continue; // drops the stream (closing it) and the slot's permit
        };
        let Ok(router) = make.call(remote).await;
        let service = TowerToHyperService::new(router.map_request(|req: Request<Incoming>| req.map(Body::new)));
        let conn = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(limits.header_timeout)
            .serve_connection(TokioIo::new(stream), service);
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            // A failed connection (reset, timed out, bad HTTP) concerns only that client.
            let _ = conn.await;
            drop((held, permit));
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}

/// Open connections per client, and the guard that counts one of them while it lives.
#[derive(Clone)]
struct PerHost {
    max: usize,
    open: Arc<Mutex<HashMap<IpAddr, usize>>>,
}

struct Held {
    key: IpAddr,
    open: Arc<Mutex<HashMap<IpAddr, usize>>>,
}

impl PerHost {
    fn new(max: usize) -> PerHost {
        PerHost { max: max.max(1), open: Arc::new(Mutex::new(HashMap::new())) }
    }

    /// Counts a new connection from `ip`; `None` when that client already holds its share.
    fn enter(&self, ip: IpAddr) -> Option<Held> {
        let key = super::ratelimit::host_key(ip);
        let mut open = self.open.lock().unwrap_or_else(|p| p.into_inner());
        let n = open.entry(key).or_insert(0);
        if *n >= self.max {
            return None;
        }
        *n += 1;
        Some(Held { key, open: self.open.clone() })
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        let mut open = self.open.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(n) = open.get_mut(&self.key) {
            *n -= 1;
            if *n == 0 {
                open.remove(&self.key);
            }
        }
    }
}

/// The whole answer to a connection over its client's share, written without waiting: a client that
/// does not read it just sees the connection close.
const BUSY: &[u8] = b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\nretry-after: 1\r\n\
connection: close\r\ncontent-length: 100\r\n\r\n\
{\"error\":\"too_many_connections\",\"message\":\"too many open connections from your address; close some\"}";

fn refuse_busy(stream: &tokio::net::TcpStream) {
    let _ = stream.try_write(BUSY);
}

/// The target of the access log: one line per request, `METHOD PATH STATUS MS ms`.
pub const ACCESS_TARGET: &str = "codify::access";

/// Longest path the access log shows, in characters.
const MAX_LOGGED_PATH: usize = 200;

/// Logs one line per request, outermost (so time-outs and rate limits are logged too): the method, the
/// path without its query string, the status and the time to the response. Never the headers (the
/// token is in `Authorization`) nor the bodies.
async fn access_log(req: Request, next: Next) -> Response {
    let method = req.method().clone();
    let path = crate::fmt::clip(req.uri().path(), MAX_LOGGED_PATH);
    let started = std::time::Instant::now();
    let response = next.run(req).await;
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    tracing::info!(target: ACCESS_TARGET, "{method} {path} {} {ms:.1} ms", response.status().as_u16());
    response
}

/// Answers 408 when `next` takes longer than `deadline` (reading the body included).
async fn within(deadline: Duration, req: Request, next: Next) -> Response {
    match tokio::time::timeout(deadline, next.run(req)).await {
        Ok(response) => response,
        Err(_) => ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            "timeout",
            format!("the request took longer than {} s; send it again", deadline.as_secs_f64()),
        )
        .into_response(),
    }
}

/// A refused or reset connection concerns one client; anything else (such as running out of file
/// descriptors) is waited out, as hyper and axum do.
async fn accept_failed(e: &std::io::Error) {
    use std::io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset};
    if !matches!(e.kind(), ConnectionAborted | ConnectionRefused | ConnectionReset) {
        tracing::error!("accept failed (retrying in 1 s): {e}");
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_busy_answer_is_well_formed_http_with_a_json_body() {
        let text = std::str::from_utf8(BUSY).unwrap();
        let (head, body) = text.split_once("\r\n\r\n").unwrap();
        let length: usize =
            head.split("content-length: ").nth(1).unwrap().split("\r\n").next().unwrap().parse().unwrap();
        assert_eq!(length, body.len());
        let body: serde_json::Value = serde_json::from_str(body).unwrap();
        assert_eq!(body["error"], "too_many_connections");
    }

    #[test]
    fn a_client_holds_at_most_its_share_and_gets_it_back_on_close() {
        let per_host = PerHost::new(2);
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        let (a, b) = (per_host.enter(ip("192.0.2.1")).unwrap(), per_host.enter(ip("192.0.2.1")).unwrap());
        assert!(per_host.enter(ip("192.0.2.1")).is_none());
        assert!(per_host.enter(ip("192.0.2.2")).is_some(), "another address has its own share");
        drop(a);
        assert!(per_host.enter(ip("192.0.2.1")).is_some());
        drop(b);
    }
}
