//! HTTP plumbing of the server: the JSON error type every failure becomes, extractors whose rejections
//! are JSON errors with the right 4xx (never axum's plain-text defaults), bearer authentication with a
//! per-token rate limit, and the per-address rate limit middleware (keyed by address prefix, see
//! [`super::ratelimit::prefix_key`]). Database faults become 503 with a code that names them
//! (`database_corrupt`, `disk_full`, `unavailable`), never a 500 nor a success.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request, State};
use axum::http::header::{AUTHORIZATION, RETRY_AFTER, WWW_AUTHENTICATE};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::ratelimit::{prefix_key, Buckets, Limits};
use super::storage::{Storage, StorageError, User};
use crate::sync::wire::{ErrorBody, MAX_BODY_BYTES};

/// Everything the handlers share.
pub struct AppState<St> {
    pub storage: St,
    pub per_address: Buckets<IpAddr>,
    pub per_token: Buckets<[u8; 32]>,
    pub register: Buckets<IpAddr>,
    pub limits: Limits,
    pub trending: TrendingCache,
    /// Token hash -> (user, when looked up). This server forgets a token it revokes at once; a token
    /// revoked through another server of the same database is looked up again after [`USER_CACHE_TTL`].
    users: Mutex<HashMap<[u8; 32], (User, Instant)>>,
}

/// How long trending is served from memory before it is read again (a write this server applies drops it
/// at once; the wait covers decay and other servers of the same database).
pub const TRENDING_TTL: Duration = Duration::from_secs(30);

/// Trending as last computed, shared by every request for [`TRENDING_TTL`] or until a write changes it.
#[derive(Default)]
pub struct TrendingCache {
    cached: Mutex<Option<(Instant, TrendingList)>>,
    /// Bumped by every write that may change trending, so that a read that began before it does not keep
    /// what it read.
    generation: std::sync::atomic::AtomicU64,
}

/// Trending items and when they were computed (server time, Unix ms).
pub type TrendingList = (Arc<Vec<crate::sync::wire::TrendingItem>>, i64);

impl TrendingCache {
    /// The list, when computed less than [`TRENDING_TTL`] ago and no write changed it since; else the
    /// generation to pass to [`TrendingCache::keep`] with a list read from now on.
    pub fn get(&self) -> Result<TrendingList, u64> {
        let cached = self.cached.lock().unwrap_or_else(|p| p.into_inner());
        match cached.as_ref().filter(|(at, _)| at.elapsed() < TRENDING_TTL) {
            Some((_, list)) => Ok(list.clone()),
            None => Err(self.generation.load(std::sync::atomic::Ordering::SeqCst)),
        }
    }

    /// Keeps `list`, read since [`TrendingCache::get`] gave `generation`, unless a write came in between.
    pub fn keep(&self, generation: u64, list: TrendingList) {
        let mut cached = self.cached.lock().unwrap_or_else(|p| p.into_inner());
        if self.generation.load(std::sync::atomic::Ordering::SeqCst) == generation {
            *cached = Some((Instant::now(), list));
        }
    }

    /// A write that may change trending was applied: the next read computes the list again.
    pub fn changed(&self) {
        let mut cached = self.cached.lock().unwrap_or_else(|p| p.into_inner());
        self.generation.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        *cached = None;
    }
}

/// How long a token's user is trusted without asking the database again.
pub const USER_CACHE_TTL: Duration = Duration::from_secs(60);

pub type Shared<St> = Arc<AppState<St>>;

const MAX_CACHED_USERS: usize = 50_000;

impl<St: Storage> AppState<St> {
    pub fn new(storage: St, limits: Limits) -> AppState<St> {
        AppState {
            storage,
            per_address: Buckets::new(limits.per_address),
            per_token: Buckets::new(limits.per_token),
            register: Buckets::new(limits.register_per_address),
            limits,
            trending: TrendingCache::default(),
            users: Mutex::new(HashMap::new()),
        }
    }

    pub fn remember(&self, hash: [u8; 32], user: User) {
        let mut users = self.users.lock().unwrap_or_else(|p| p.into_inner());
        if users.len() >= MAX_CACHED_USERS {
            users.clear();
        }
        users.insert(hash, (user, Instant::now()));
    }

    pub fn forget(&self, hash: &[u8; 32]) {
        self.users.lock().unwrap_or_else(|p| p.into_inner()).remove(hash);
    }

    async fn user_for(&self, hash: [u8; 32]) -> Result<Option<User>, ApiError> {
        let cached = self.users.lock().unwrap_or_else(|p| p.into_inner()).get(&hash).cloned();
        if let Some((user, _)) = cached.filter(|(_, at)| at.elapsed() < USER_CACHE_TTL) {
            return Ok(Some(user));
        }
        let user = self.storage.user_by_token(hash).await?;
        if let Some(u) = &user {
            self.remember(hash, u.clone());
        }
        Ok(user)
    }
}

pub fn token_hash(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

/// An error response: a status and a JSON [`ErrorBody`].
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub event: Option<Uuid>,
    pub retry_after: Option<Duration>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError { status, code, message: message.into(), event: None, retry_after: None }
    }

    pub fn invalid(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid", message)
    }

    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, "invalid", message)
    }

    pub fn rate_limited(wait: Duration) -> ApiError {
        let mut e = ApiError::new(StatusCode::TOO_MANY_REQUESTS, "rate_limited", "too many requests; slow down");
        e.retry_after = Some(wait);
        e
    }

    fn unauthorized(message: &str) -> ApiError {
        ApiError::new(StatusCode::UNAUTHORIZED, "unauthorized", message)
    }
}

impl From<StorageError> for ApiError {
    fn from(e: StorageError) -> ApiError {
        match e {
            StorageError::NameTaken(name) => ApiError::new(
                StatusCode::CONFLICT,
                "name_taken",
                format!("the name `{name}` is taken (names are compared without case)"),
            ),
            StorageError::CommentCap { limit, retry_after_s } => {
                let message = format!(
                    "this server takes at most {limit} comments per user in 24 hours and this batch would pass \
                     that; send it again in {}",
                    wait_words(retry_after_s)
                );
                let mut e = ApiError::new(StatusCode::TOO_MANY_REQUESTS, "comment_limit", message);
                e.retry_after = Some(Duration::from_secs(retry_after_s));
                e
            }
            StorageError::NoGroup(_) => ApiError::new(StatusCode::NOT_FOUND, "not_found", e.to_string()),
            StorageError::NotOwner => ApiError::new(StatusCode::FORBIDDEN, "forbidden", e.to_string()),
            StorageError::InviteInvalid => ApiError::new(StatusCode::NOT_FOUND, "invite_invalid", e.to_string()),
            StorageError::Limit(message) => ApiError::new(StatusCode::CONFLICT, "limit", message),
            StorageError::Corrupt(detail) => {
                unavailable("database_corrupt", "the server's database is damaged", &detail)
            }
            StorageError::DiskFull(detail) => unavailable("disk_full", "the server's disk is full", &detail),
            StorageError::Unavailable(detail) => {
                unavailable("unavailable", "the server's database does not answer", &detail)
            }
            other => {
                tracing::error!("{other}");
                ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", "the server's database failed; try again")
            }
        }
    }
}

/// A 503 for a database fault: logged in full, answered in one line; the client keeps what it sent.
fn unavailable(code: &'static str, what: &str, detail: &str) -> ApiError {
    tracing::error!("{what}: {detail}");
    let mut e = ApiError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        code,
        format!("{what}; nothing was stored: keep your changes and try again after the operator fixed it"),
    );
    e.retry_after = Some(Duration::from_secs(60));
    e
}

fn wait_words(secs: u64) -> String {
    match secs {
        0..=119 => format!("{secs} s"),
        120..=7199 => format!("{} min", secs.div_ceil(60)),
        _ => format!("{} h", secs.div_ceil(3600)),
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody { error: self.code.to_string(), message: self.message, event: self.event };
        let mut response = (self.status, axum::Json(body)).into_response();
        if let Some(wait) = self.retry_after {
            let secs = wait.as_secs_f64().ceil().max(1.0) as u64;
            response.headers_mut().insert(RETRY_AFTER, secs.into());
        }
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(WWW_AUTHENTICATE, axum::http::HeaderValue::from_static("Bearer"));
        }
        response
    }
}

/// `axum::Json` whose rejections are JSON errors: 400 bad JSON, 413 too large, 415 wrong content type,
/// 422 wrong shape.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(ApiJson(v)),
            Err(r) => Err(json_rejection(r)),
        }
    }
}

fn json_rejection(r: JsonRejection) -> ApiError {
    let status = r.status();
    let (code, message) = match status {
        StatusCode::PAYLOAD_TOO_LARGE => {
            ("too_large", format!("the request body is larger than {MAX_BODY_BYTES} bytes"))
        }
        StatusCode::UNSUPPORTED_MEDIA_TYPE => {
            ("unsupported_media_type", "send `Content-Type: application/json`".into())
        }
        StatusCode::UNPROCESSABLE_ENTITY => ("invalid", r.body_text()),
        _ => ("bad_json", r.body_text()),
    };
    let status = if status.is_server_error() { StatusCode::BAD_REQUEST } else { status };
    ApiError::new(status, code, message.replace('\n', " "))
}

/// `axum::extract::Query` with a JSON 400 on bad parameters.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let q = axum::extract::Query::<T>::from_request_parts(parts, state).await;
        q.map(|q| ApiQuery(q.0)).map_err(|r: QueryRejection| ApiError::bad_request(r.body_text()))
    }
}

/// `axum::extract::Path` with a JSON 400 on a bad segment.
pub struct ApiPath<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for ApiPath<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let p = axum::extract::Path::<T>::from_request_parts(parts, state).await;
        p.map(|p| ApiPath(p.0)).map_err(|r: PathRejection| ApiError::bad_request(r.body_text()))
    }
}

/// The client's IP address, when the server was started with connection info.
pub struct ClientIp(pub Option<IpAddr>);

impl<S: Send + Sync> FromRequestParts<S> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientIp(parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip())))
    }
}

/// The authenticated user: `Authorization: Bearer TOKEN`, then the per-token rate limit.
pub struct Auth(pub User);

/// The SHA-256 of the request's bearer token (whether or not it is known).
pub struct TokenHash(pub [u8; 32]);

impl<S: Send + Sync> FromRequestParts<S> for TokenHash {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        let header = parts.headers.get(AUTHORIZATION).and_then(|v| v.to_str().ok()).unwrap_or("");
        let token = header
            .split_once(' ')
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
            .map(|(_, t)| t.trim())
            .filter(|t| !t.is_empty())
            .ok_or_else(|| {
                ApiError::unauthorized("send `Authorization: Bearer TOKEN`; get a token from POST /v1/register")
            })?;
        Ok(TokenHash(token_hash(token)))
    }
}

impl<St: Storage> FromRequestParts<Shared<St>> for Auth {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &Shared<St>) -> Result<Self, ApiError> {
        let TokenHash(hash) = TokenHash::from_request_parts(parts, state).await?;
        let user = state.user_for(hash).await?.ok_or_else(|| ApiError::unauthorized("unknown or revoked token"))?;
        state.per_token.check(hash, Instant::now()).map_err(ApiError::rate_limited)?;
        Ok(Auth(user))
    }
}

/// Middleware: the per-address rate limit (by address prefix), before anything else is done for a request.
pub async fn limit_by_address<St: Storage>(State(state): State<Shared<St>>, req: Request, next: Next) -> Response {
    if let Some(ConnectInfo(addr)) = req.extensions().get::<ConnectInfo<SocketAddr>>() {
        if let Err(wait) = state.per_address.check(prefix_key(addr.ip()), Instant::now()) {
            return ApiError::rate_limited(wait).into_response();
        }
    }
    next.run(req).await
}
