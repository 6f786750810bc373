//! The accept loop: what `axum::serve` does, plus the limits it leaves out, so that slow or idle clients
//! cannot hold the server. A client has [`Connections::header_timeout`] to send each request's headers
//! (which also closes kept-alive connections that stay idle), a request must be read and answered within
//! [`Connections::request_timeout`] (else 408), and at most [`Connections::max_open`] connections are
//! served at once (more wait in the kernel's backlog). Shutdown stops accepting, lets requests in flight
//! finish and closes idle connections.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
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
}

impl Default for Connections {
    fn default() -> Connections {
        Connections {
            header_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            max_open: 1024,
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
    let app = app.layer(axum::middleware::from_fn(move |req: Request, next: Next| within(deadline, req, next)));
    let mut make = app.into_make_service_with_connect_info::<SocketAddr>();
    let graceful = GracefulShutdown::new();
    let open = Arc::new(Semaphore::new(limits.max_open.max(1)));
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
            drop(permit);
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
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
        eprintln!("codify serve: accept failed (retrying in 1 s): {e}");
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}
