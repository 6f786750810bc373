//! The routes and their handlers. [`routes`] is the one table the router is built from; a test checks
//! that `openapi.json` documents exactly these (method, path) pairs.

use std::time::Instant;

use axum::http::header::CONTENT_TYPE;
use axum::http::{Method, StatusCode, Uri};
use axum::response::IntoResponse;
use axum::routing::{delete, get, post, MethodRouter};
use axum::{extract::State, Json};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use super::http::{token_hash, ApiError, ApiJson, ApiPath, ApiQuery, Auth, ClientIp, Shared, TokenHash};
use super::ratelimit::prefix_key;
use super::storage::INVITE_TTL_MS;
use super::storage::{now_ms, Storage};
use crate::sync::wire::{
    normalize_invite_code, validate_label, validate_name, validate_slug, Action, AggregatesPage, CommentsPage, Event,
    EventStatus, GroupInfo, GroupList, GroupView, Invite, JoinRequest, Me, NewGroup, PushResponse, RegisterRequest,
    RegisterResponse, TrendingPage, DEFAULT_PAGE, INVITE_ALPHABET, INVITE_CODE_LEN, MAX_BATCH, MAX_GROUP_NAME_CHARS,
    MAX_PAGE, TRENDING_HALF_LIFE_DAYS,
};

/// The OpenAPI document served at `/openapi.json`.
pub const OPENAPI: &str = include_str!("openapi.json");

/// Every route: (method, path, handler). Paths use axum's `{param}` syntax, as OpenAPI does.
pub fn routes<St: Storage>() -> Vec<(&'static str, &'static str, MethodRouter<Shared<St>>)> {
    vec![
        ("get", "/health", get(health::<St>)),
        ("get", "/openapi.json", get(openapi)),
        ("post", "/v1/register", post(register::<St>)),
        ("get", "/v1/me", get(me)),
        ("delete", "/v1/token", delete(revoke::<St>)),
        ("post", "/v1/events", post(push::<St>)),
        ("get", "/v1/aggregates", get(aggregates::<St>)),
        ("get", "/v1/problems/{slug}/aggregate", get(problem_aggregate::<St>)),
        ("get", "/v1/problems/{slug}/comments", get(problem_comments::<St>)),
        ("get", "/v1/comments", get(comments::<St>)),
        ("delete", "/v1/comments/{id}", delete(delete_comment::<St>)),
        ("get", "/v1/groups", get(my_groups::<St>)),
        ("post", "/v1/groups", post(create_group::<St>)),
        ("post", "/v1/groups/join", post(join_group::<St>)),
        ("get", "/v1/groups/{id}", get(group_view::<St>)),
        ("delete", "/v1/groups/{id}", delete(remove_group::<St>)),
        ("post", "/v1/groups/{id}/invites", post(create_invite::<St>)),
        ("delete", "/v1/groups/{id}/members/me", delete(leave_group::<St>)),
        ("delete", "/v1/activity", delete(forget_activity::<St>)),
        ("get", "/v1/trending", get(trending::<St>)),
    ]
}

/// `/health`: the fields of [`crate::sync::wire::Health`], and when unhealthy why, in words a monitor can
/// match (`reason`) and in one line for people (`message`).
#[derive(Serialize)]
struct HealthBody {
    status: &'static str,
    backend: &'static str,
    version: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<String>,
}

async fn health<St: Storage>(State(st): State<Shared<St>>) -> impl IntoResponse {
    let checked = st.storage.health().await;
    let status = if checked.is_ok() { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    let body = HealthBody {
        status: if checked.is_ok() { "ok" } else { "unavailable" },
        backend: st.storage.backend(),
        version: env!("CARGO_PKG_VERSION"),
        reason: checked.as_ref().err().map(|e| e.reason()),
        message: checked.err().map(|e| e.to_string().replace('\n', " ")),
    };
    (status, Json(body))
}

async fn openapi() -> impl IntoResponse {
    ([(CONTENT_TYPE, "application/json")], OPENAPI)
}

pub async fn not_found(method: Method, uri: Uri) -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "not_found", format!("no route {method} {}; see /openapi.json", uri.path()))
}

pub async fn method_not_allowed(method: Method, uri: Uri) -> ApiError {
    let msg = format!("{method} is not allowed on {}; see /openapi.json", uri.path());
    ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed", msg)
}

fn random_bytes<const N: usize>() -> Result<[u8; N], ApiError> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|e| {
        eprintln!("codify serve: no randomness: {e}");
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", "cannot make a secret; try again")
    })?;
    Ok(bytes)
}

fn new_token() -> Result<String, ApiError> {
    let hex: String = random_bytes::<32>()?.iter().map(|b| format!("{b:02x}")).collect();
    Ok(format!("cfy_{hex}"))
}

/// A fresh invite code: [`INVITE_CODE_LEN`] characters drawn evenly from [`INVITE_ALPHABET`] (about 50
/// bits; bytes that would bias the draw are skipped).
fn new_invite_code() -> Result<String, ApiError> {
    let n = INVITE_ALPHABET.len();
    let fair = 256 - 256 % n;
    let mut code = String::with_capacity(INVITE_CODE_LEN);
    while code.len() < INVITE_CODE_LEN {
        for b in random_bytes::<32>()? {
            if (b as usize) < fair && code.len() < INVITE_CODE_LEN {
                code.push(INVITE_ALPHABET[b as usize % n] as char);
            }
        }
    }
    Ok(code)
}

async fn register<St: Storage>(
    State(st): State<Shared<St>>,
    ClientIp(ip): ClientIp,
    ApiJson(req): ApiJson<RegisterRequest>,
) -> Result<impl IntoResponse, ApiError> {
    validate_name(&req.name).map_err(|e| ApiError::invalid(e.to_string()))?;
    if let Some(ip) = ip {
        st.register.check(prefix_key(ip), Instant::now()).map_err(ApiError::rate_limited)?;
    }
    let token = new_token()?;
    let hash = token_hash(&token);
    let user = st.storage.register(req.name, hash).await?;
    let body = RegisterResponse { user: user.name.clone(), token };
    st.remember(hash, user);
    Ok((StatusCode::CREATED, Json(body)))
}

async fn me(Auth(user): Auth) -> Json<Me> {
    Json(Me { user: user.name })
}

/// Revokes the token the request carries: it is unknown from now on (`codify logout`).
async fn revoke<St: Storage>(
    State(st): State<Shared<St>>,
    Auth(_): Auth,
    TokenHash(hash): TokenHash,
) -> Result<StatusCode, ApiError> {
    st.storage.revoke(hash).await?;
    st.forget(&hash);
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
struct RawPush {
    events: Vec<Value>,
}

/// Parses and validates each event (and, with `bank_only`, that it is about a problem of the bundled
/// bank); the first bad one refuses the batch, naming the event.
fn parse_events(raw: Vec<Value>, bank_only: bool) -> Result<Vec<Event>, ApiError> {
    if raw.len() > MAX_BATCH {
        return Err(ApiError::invalid(format!("at most {MAX_BATCH} events per request; got {}", raw.len())));
    }
    let mut events = Vec::with_capacity(raw.len());
    for (i, v) in raw.into_iter().enumerate() {
        let id = v.get("id").and_then(Value::as_str).and_then(|s| Uuid::parse_str(s).ok());
        let refuse = |message: String| {
            let mut e = ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_event", message);
            e.event = id;
            e
        };
        let event: Event = serde_json::from_value(v).map_err(|e| refuse(format!("event {i}: {e}")))?;
        event.validate().map_err(|e| refuse(format!("event {i} ({}): {e}", event.id)))?;
        if let Some(slug) = event.slug().filter(|s| bank_only && !super::bank::knows(s)) {
            return Err(refuse(format!(
                "event {i} ({}): `{slug}` is not a problem of this server's bank ({} problems, Codify {}); \
                 only bank problems take votes and comments",
                event.id,
                super::bank::slugs().len(),
                env!("CARGO_PKG_VERSION")
            )));
        }
        events.push(event);
    }
    Ok(events)
}

async fn push<St: Storage>(
    State(st): State<Shared<St>>,
    Auth(user): Auth,
    ApiJson(body): ApiJson<RawPush>,
) -> Result<Json<PushResponse>, ApiError> {
    let events = parse_events(body.events, st.limits.bank_slugs_only)?;
    if events.is_empty() {
        return Ok(Json(PushResponse { results: Vec::new() }));
    }
    let results = st.storage.apply(user, events, st.limits.comments_per_day).await?;
    if results.iter().any(|r| r.status == EventStatus::Applied) {
        st.trending.changed();
    }
    Ok(Json(PushResponse { results }))
}

#[derive(Deserialize)]
struct AggregatesQuery {
    after: Option<String>,
    limit: Option<usize>,
}

#[derive(Deserialize)]
struct FeedQuery {
    since: Option<i64>,
    limit: Option<usize>,
}

fn page_limit(limit: Option<usize>) -> Result<usize, ApiError> {
    match limit.unwrap_or(DEFAULT_PAGE) {
        n @ 1..=MAX_PAGE => Ok(n),
        n => Err(ApiError::bad_request(format!("limit must be 1 to {MAX_PAGE}; got {n}"))),
    }
}

fn slug_param(slug: &str) -> Result<(), ApiError> {
    validate_slug(slug).map_err(|e| ApiError::bad_request(e.to_string()))
}

async fn aggregates<St: Storage>(
    State(st): State<Shared<St>>,
    Auth(user): Auth,
    ApiQuery(q): ApiQuery<AggregatesQuery>,
) -> Result<Json<AggregatesPage>, ApiError> {
    let limit = page_limit(q.limit)?;
    if let Some(after) = &q.after {
        slug_param(after)?;
    }
    let mut items = st.storage.aggregates(user.id, q.after.unwrap_or_default(), limit + 1).await?;
    let next = if items.len() > limit {
        items.truncate(limit);
        items.last().map(|a| a.slug.clone())
    } else {
        None
    };
    Ok(Json(AggregatesPage { items, next }))
}

async fn problem_aggregate<St: Storage>(
    State(st): State<Shared<St>>,
    Auth(user): Auth,
    ApiPath(slug): ApiPath<String>,
) -> Result<impl IntoResponse, ApiError> {
    slug_param(&slug)?;
    Ok(Json(st.storage.aggregate(user.id, slug).await?))
}

async fn feed<St: Storage>(
    st: &Shared<St>,
    slug: Option<String>,
    q: FeedQuery,
) -> Result<Json<CommentsPage>, ApiError> {
    let limit = page_limit(q.limit)?;
    let since = q.since.unwrap_or(0);
    if since < 0 {
        return Err(ApiError::bad_request(format!("since must be 0 or more; got {since}")));
    }
    let mut items = st.storage.comments(slug, since, limit + 1).await?;
    let more = items.len() > limit;
    items.truncate(limit);
    let cursor = items.last().map_or(since, |c| c.seq);
    Ok(Json(CommentsPage { items, cursor, more }))
}

async fn comments<St: Storage>(
    State(st): State<Shared<St>>,
    Auth(_): Auth,
    ApiQuery(q): ApiQuery<FeedQuery>,
) -> Result<Json<CommentsPage>, ApiError> {
    feed(&st, None, q).await
}

async fn problem_comments<St: Storage>(
    State(st): State<Shared<St>>,
    Auth(_): Auth,
    ApiPath(slug): ApiPath<String>,
    ApiQuery(q): ApiQuery<FeedQuery>,
) -> Result<Json<CommentsPage>, ApiError> {
    slug_param(&slug)?;
    feed(&st, Some(slug), q).await
}

async fn delete_comment<St: Storage>(
    State(st): State<Shared<St>>,
    Auth(user): Auth,
    ApiPath(id): ApiPath<String>,
) -> Result<StatusCode, ApiError> {
    let comment = Uuid::parse_str(&id).map_err(|_| ApiError::bad_request(format!("`{id}` is not a comment id")))?;
    let event = Event { id: Uuid::now_v7(), at: now_ms(), action: Action::DeleteComment { comment } };
    let results = st.storage.apply(user, vec![event], None).await?;
    match results.first().map(|r| (r.status, r.reason.as_deref())) {
        Some((EventStatus::Rejected, Some("forbidden"))) => {
            Err(ApiError::new(StatusCode::FORBIDDEN, "forbidden", "that comment belongs to another user"))
        }
        Some((EventStatus::Rejected, _)) => Err(ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such comment")),
        _ => Ok(StatusCode::NO_CONTENT),
    }
}

async fn my_groups<St: Storage>(State(st): State<Shared<St>>, Auth(user): Auth) -> Result<Json<GroupList>, ApiError> {
    Ok(Json(GroupList { groups: st.storage.groups(user.id).await? }))
}

async fn create_group<St: Storage>(
    State(st): State<Shared<St>>,
    Auth(user): Auth,
    ApiJson(req): ApiJson<NewGroup>,
) -> Result<(StatusCode, Json<GroupInfo>), ApiError> {
    validate_label(&req.name, MAX_GROUP_NAME_CHARS).map_err(|e| ApiError::invalid(e.to_string()))?;
    Ok((StatusCode::CREATED, Json(st.storage.create_group(user, req.name, now_ms()).await?)))
}

async fn create_invite<St: Storage>(
    State(st): State<Shared<St>>,
    Auth(user): Auth,
    ApiPath(group): ApiPath<i64>,
) -> Result<(StatusCode, Json<Invite>), ApiError> {
    let code = new_invite_code()?;
    let now = now_ms();
    let expires_at = now + INVITE_TTL_MS;
    st.storage.create_invite(user.id, group, token_hash(&code), now, expires_at).await?;
    Ok((StatusCode::CREATED, Json(Invite { code, group, expires_at })))
}

async fn join_group<St: Storage>(
    State(st): State<Shared<St>>,
    Auth(user): Auth,
    ApiJson(req): ApiJson<JoinRequest>,
) -> Result<Json<GroupInfo>, ApiError> {
    let code = normalize_invite_code(&req.code).map_err(|e| ApiError::invalid(e.to_string()))?;
    Ok(Json(st.storage.join_group(user.id, token_hash(&code), now_ms()).await?))
}

async fn group_view<St: Storage>(
    State(st): State<Shared<St>>,
    Auth(user): Auth,
    ApiPath(group): ApiPath<i64>,
) -> Result<Json<GroupView>, ApiError> {
    Ok(Json(st.storage.group_view(user.id, group, now_ms()).await?))
}

async fn leave_group<St: Storage>(
    State(st): State<Shared<St>>,
    Auth(user): Auth,
    ApiPath(group): ApiPath<i64>,
) -> Result<StatusCode, ApiError> {
    st.storage.leave_group(user.id, group).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn remove_group<St: Storage>(
    State(st): State<Shared<St>>,
    Auth(user): Auth,
    ApiPath(group): ApiPath<i64>,
) -> Result<StatusCode, ApiError> {
    st.storage.remove_group(user.id, group).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Deletes everything the user shared; answers how many items.
async fn forget_activity<St: Storage>(
    State(st): State<Shared<St>>,
    Auth(user): Auth,
) -> Result<Json<serde_json::Value>, ApiError> {
    let deleted = st.storage.forget_activity(user.id).await?;
    Ok(Json(serde_json::json!({ "deleted": deleted })))
}

#[derive(Deserialize)]
struct TrendingQuery {
    limit: Option<usize>,
}

/// Trending problems, computed from the stored decayed counts at most every [`super::http::TRENDING_TTL`]
/// and served from memory in between.
async fn trending<St: Storage>(
    State(st): State<Shared<St>>,
    Auth(_): Auth,
    ApiQuery(q): ApiQuery<TrendingQuery>,
) -> Result<Json<TrendingPage>, ApiError> {
    let limit = page_limit(q.limit)?;
    let (items, computed_at) = match st.trending.get() {
        Ok(list) => list,
        Err(generation) => {
            let now = now_ms();
            let items =
                std::sync::Arc::new(super::storage::trending_items(&st.storage.trending().await?, now, MAX_PAGE));
            st.trending.keep(generation, (items.clone(), now));
            (items, now)
        }
    };
    let items = items.iter().take(limit).cloned().collect();
    Ok(Json(TrendingPage { items, half_life_days: TRENDING_HALF_LIFE_DAYS, computed_at }))
}
