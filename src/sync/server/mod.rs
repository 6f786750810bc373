//! The community server behind `codify serve` (axum). It is started from a listener passed in, so tests and
//! benchmarks bind `127.0.0.1:0` and talk to it with the real client; it stops when the `shutdown`
//! future completes, letting requests in flight finish. The API is documented in docs/API.md and served
//! as OpenAPI at `/openapi.json`.
//!
//! Connections are accepted by [`conn`], which bounds slow and idle clients and the requests they send.
//! Layers, outermost first: request deadline, per-address-prefix rate limit, body size limit, routing (JSON 404/405 fallbacks),
//! then per-route extractors (bearer auth with a per-token rate limit, JSON/query/path parsing whose
//! failures are JSON 4xx) and the handlers, which call one [`Storage`].

mod bank;
mod conn;
mod http;
mod pg_write;
pub mod postgres;
pub mod ratelimit;
mod routes;
pub mod sqlite;
pub mod storage;

use std::future::Future;
use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::Router;
use tokio::net::TcpListener;

pub use conn::{Connections, MAX_PER_ADDRESS};
pub use postgres::PgStorage;
pub use ratelimit::{Limits, Rate, COMMENTS_PER_DAY};
pub use routes::OPENAPI;
pub use sqlite::SqliteStorage;
pub use storage::{DbTarget, Storage, StorageError};

use crate::sync::wire::MAX_BODY_BYTES;

/// How a server behaves beyond its storage.
#[derive(Debug, Clone, Copy, Default)]
pub struct ServerOptions {
    pub limits: Limits,
    pub connections: Connections,
}

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error("the server stopped: {0}")]
    Io(#[from] std::io::Error),
}

/// The application: every route of [`routes::routes`] over `storage`.
pub fn router<St: Storage>(storage: St, options: ServerOptions) -> Router {
    if options.limits.bank_slugs_only {
        bank::slugs(); // loaded now rather than by the first push
    }
    let state = Arc::new(http::AppState::new(storage, options.limits));
    let mut app = Router::new();
    for (_, path, method_router) in routes::routes::<St>() {
        app = app.route(path, method_router);
    }
    app.fallback(routes::not_found)
        .method_not_allowed_fallback(routes::method_not_allowed)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(axum::middleware::from_fn_with_state(state.clone(), http::limit_by_address::<St>))
        .with_state(state)
}

/// Serves `storage` on `listener` until `shutdown` completes.
pub async fn serve<St: Storage>(
    listener: TcpListener,
    storage: St,
    options: ServerOptions,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    conn::serve(listener, router(storage, options), options.connections, shutdown).await
}

/// Opens the storage `target` names and serves it on `listener` until `shutdown` completes.
pub async fn run(
    listener: TcpListener,
    target: &DbTarget,
    options: ServerOptions,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServeError> {
    match target {
        DbTarget::Sqlite(path) => serve(listener, SqliteStorage::open(path)?, options, shutdown).await?,
        DbTarget::Postgres(url) => serve(listener, PgStorage::connect(url).await?, options, shutdown).await?,
    }
    Ok(())
}

/// The (method, path) pairs the server answers, for the OpenAPI consistency test.
pub fn route_list() -> Vec<(&'static str, &'static str)> {
    routes::routes::<SqliteStorage>().into_iter().map(|(m, p, _)| (m, p)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_is_documented_in_the_openapi_document_and_nothing_else() {
        let doc: serde_json::Value = serde_json::from_str(OPENAPI).expect("openapi.json is JSON");
        assert!(doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.")));
        let mut documented: Vec<(String, String)> = Vec::new();
        for (path, item) in doc["paths"].as_object().expect("paths") {
            for method in item.as_object().expect("path item").keys() {
                if ["get", "post", "put", "patch", "delete"].contains(&method.as_str()) {
                    documented.push((method.clone(), path.clone()));
                }
            }
        }
        documented.sort();
        let mut served: Vec<(String, String)> =
            route_list().into_iter().map(|(m, p)| (m.to_string(), p.to_string())).collect();
        served.sort();
        assert_eq!(documented, served);
    }
}
