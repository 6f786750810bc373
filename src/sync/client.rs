//! The sync client: a small typed HTTP client for the community API, and the I/O step that carries out a
//! [`super::plan::SyncPlan`] against the local store.
//!
//! Order of a sync: drop outbox entries the server would refuse; push each batch and forget exactly the
//! events the server acknowledged (a batch whose answer is lost is sent again next time, and the server
//! answers `duplicate`); pull the comment feed page by page, storing each page with its cursor; pull all
//! aggregates and replace the local copy only once the listing is complete. Any network failure stops
//! the sync with everything not acknowledged still queued.

use std::time::Duration;

use reqwest::StatusCode;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use super::plan::{self, SyncPlan};
use super::wire::{
    AggregatesPage, CommentsPage, ErrorBody, Event, EventResult, EventStatus, GroupInfo, GroupList, GroupView, Invite,
    JoinRequest, Me, NewGroup, PushRequest, PushResponse, RegisterRequest, RegisterResponse, TrendingPage, MAX_BATCH,
    MAX_PAGE,
};
use crate::store::{Store, StoreError};

const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// No byte for this long while reading an answer: the server is stuck.
const READ_TIMEOUT: Duration = Duration::from_secs(10);
const REQUEST_TIMEOUT: Duration = Duration::from_secs(20);
/// The largest answer read from a server: a full page of the longest comments is about 6 MB. A server
/// that sends more (a hostile or broken one) is cut off there, not read into memory without end.
pub const MAX_RESPONSE_BYTES: usize = 16 << 20;
/// Most pages of comments or aggregates pulled in one sync; the cursor lets the next sync go on.
const MAX_PAGES: usize = 100;

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("not signed in to a community server; run `codify login URL` first")]
    NotSignedIn,
    #[error("`{0}` is not a server URL; give one like http://127.0.0.1:8787")]
    BadUrl(String),
    #[error("cannot reach the community server at {url} ({reason})")]
    Offline { url: String, reason: String },
    #[error("the community server at {url} does not know this machine's token; run `codify login {url}` again")]
    Unauthorized { url: String },
    #[error("the community server asks to slow down; try again in {0} s")]
    RateLimited(u64),
    #[error("the community server refused the request ({status}): {message}")]
    Refused { status: u16, code: String, message: String, event: Option<Uuid> },
    #[error("the community server sent an unexpected answer: {0}")]
    Protocol(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl SyncError {
    /// Whether the failure is the network's (retry later) rather than a refusal.
    pub fn is_offline(&self) -> bool {
        matches!(self, SyncError::Offline { .. })
    }
}

/// The server's base URL without a trailing slash, when it is an http(s) URL.
pub fn normalize_url(url: &str) -> Result<String, SyncError> {
    let trimmed = url.trim().trim_end_matches('/');
    let rest = trimmed.strip_prefix("http://").or_else(|| trimmed.strip_prefix("https://"));
    match rest {
        Some(host) if !host.is_empty() && !host.contains(char::is_whitespace) => Ok(trimmed.to_string()),
        _ => Err(SyncError::BadUrl(url.to_string())),
    }
}

/// A client for one server, with or without a token.
#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    base: String,
    token: Option<String>,
}

/// The innermost cause of an error: "Connection refused (os error 111)" rather than "error sending request".
fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut cur = e;
    while let Some(next) = cur.source() {
        cur = next;
    }
    cur.to_string()
}

impl Client {
    pub fn new(base: &str, token: Option<String>) -> Result<Client, SyncError> {
        let base = normalize_url(base)?;
        // reqwest is built without a TLS crypto provider (as for the coach's client): use ring's. An error
        // only means that one is installed already.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = reqwest::Client::builder()
            .connect_timeout(CONNECT_TIMEOUT)
            .read_timeout(READ_TIMEOUT)
            .timeout(REQUEST_TIMEOUT)
            .user_agent(concat!("codify/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| SyncError::Offline { url: base.clone(), reason: root_cause(&e) })?;
        Ok(Client { http, base, token })
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        let req = self.http.request(method, format!("{}{path}", self.base));
        match &self.token {
            Some(t) => req.bearer_auth(t),
            None => req,
        }
    }

    async fn send<T: DeserializeOwned>(&self, req: reqwest::RequestBuilder) -> Result<T, SyncError> {
        let bytes = self.send_raw(req).await?;
        serde_json::from_slice::<T>(&bytes).map_err(|e| SyncError::Protocol(e.to_string()))
    }

    /// Sends `req`; the body of a successful answer (capped), or the refusal as a [`SyncError`].
    async fn send_raw(&self, req: reqwest::RequestBuilder) -> Result<Vec<u8>, SyncError> {
        let offline = |e: reqwest::Error| SyncError::Offline { url: self.base.clone(), reason: root_cause(&e) };
        let resp = req.send().await.map_err(offline)?;
        let status = resp.status();
        let retry_after = resp.headers().get(reqwest::header::RETRY_AFTER).and_then(|v| v.to_str().ok()?.parse().ok());
        let bytes = read_capped(resp).await.map_err(|e| match e {
            Capped::Net(e) => offline(e),
            Capped::TooLong => {
                SyncError::Protocol(format!("the answer is longer than {} MiB", MAX_RESPONSE_BYTES >> 20))
            }
        })?;
        if status.is_success() {
            return Ok(bytes);
        }
        let body = serde_json::from_slice::<ErrorBody>(&bytes).ok();
        Err(match status {
            StatusCode::UNAUTHORIZED => SyncError::Unauthorized { url: self.base.clone() },
            StatusCode::TOO_MANY_REQUESTS => SyncError::RateLimited(retry_after.unwrap_or(1)),
            _ => {
                let (code, message, event) = match body {
                    Some(b) => (b.error, b.message, b.event),
                    None => (String::new(), status.canonical_reason().unwrap_or("error").to_string(), None),
                };
                SyncError::Refused { status: status.as_u16(), code, message, event }
            }
        })
    }

    /// Revokes this client's token on the server (`DELETE /v1/token`).
    pub async fn revoke(&self) -> Result<(), SyncError> {
        self.send_raw(self.request(reqwest::Method::DELETE, "/v1/token")).await.map(drop)
    }

    pub async fn register(&self, name: &str) -> Result<RegisterResponse, SyncError> {
        let req = self.request(reqwest::Method::POST, "/v1/register").json(&RegisterRequest { name: name.into() });
        self.send(req).await
    }

    pub async fn me(&self) -> Result<Me, SyncError> {
        self.send(self.request(reqwest::Method::GET, "/v1/me")).await
    }

    /// Pushes one batch; the answer has one result per event.
    pub async fn push(&self, events: &[Event]) -> Result<PushResponse, SyncError> {
        let body = PushRequest { events: events.to_vec() };
        self.send(self.request(reqwest::Method::POST, "/v1/events").json(&body)).await
    }

    pub async fn aggregates(&self, after: Option<&str>, limit: usize) -> Result<AggregatesPage, SyncError> {
        // Slugs are [a-z0-9-]: nothing to escape; a server that sends anything else is wrong.
        if let Some(a) = after {
            super::wire::validate_slug(a).map_err(|e| SyncError::Protocol(e.to_string()))?;
        }
        let path = match after {
            Some(a) => format!("/v1/aggregates?limit={limit}&after={a}"),
            None => format!("/v1/aggregates?limit={limit}"),
        };
        self.send(self.request(reqwest::Method::GET, &path)).await
    }

    pub async fn comments(&self, since: i64, limit: usize) -> Result<CommentsPage, SyncError> {
        let path = format!("/v1/comments?since={since}&limit={limit}");
        self.send(self.request(reqwest::Method::GET, &path)).await
    }

    pub async fn trending(&self, limit: usize) -> Result<TrendingPage, SyncError> {
        self.send(self.request(reqwest::Method::GET, &format!("/v1/trending?limit={limit}"))).await
    }

    pub async fn groups(&self) -> Result<Vec<GroupInfo>, SyncError> {
        self.send::<GroupList>(self.request(reqwest::Method::GET, "/v1/groups")).await.map(|l| l.groups)
    }

    pub async fn create_group(&self, name: &str) -> Result<GroupInfo, SyncError> {
        let req = self.request(reqwest::Method::POST, "/v1/groups").json(&NewGroup { name: name.into() });
        self.send(req).await
    }

    pub async fn invite(&self, group: i64) -> Result<Invite, SyncError> {
        self.send(self.request(reqwest::Method::POST, &format!("/v1/groups/{group}/invites"))).await
    }

    pub async fn join(&self, code: &str) -> Result<GroupInfo, SyncError> {
        let req = self.request(reqwest::Method::POST, "/v1/groups/join").json(&JoinRequest { code: code.into() });
        self.send(req).await
    }

    pub async fn group(&self, group: i64) -> Result<GroupView, SyncError> {
        self.send(self.request(reqwest::Method::GET, &format!("/v1/groups/{group}"))).await
    }

    pub async fn leave(&self, group: i64) -> Result<(), SyncError> {
        self.send_raw(self.request(reqwest::Method::DELETE, &format!("/v1/groups/{group}/members/me"))).await.map(drop)
    }

    pub async fn remove_group(&self, group: i64) -> Result<(), SyncError> {
        self.send_raw(self.request(reqwest::Method::DELETE, &format!("/v1/groups/{group}"))).await.map(drop)
    }

    /// Deletes everything this account shared; how many items.
    pub async fn forget_activity(&self) -> Result<u64, SyncError> {
        let v: serde_json::Value = self.send(self.request(reqwest::Method::DELETE, "/v1/activity")).await?;
        v["deleted"].as_u64().ok_or_else(|| SyncError::Protocol("no `deleted` count in the answer".into()))
    }
}

/// The learner's groups and the view of the one `choose` picks (by its number), fetched after sending what
/// is queued (so the view holds this machine's latest activity; a failed send is left for the next sync),
/// and kept in the store to show offline.
pub async fn groups_and_view(
    store: &mut Store,
    choose: impl FnOnce(&[GroupInfo]) -> Option<i64>,
) -> Result<(Vec<GroupInfo>, Option<GroupView>), SyncError> {
    let client = account_client(store)?;
    let _ = sync_once(store).await;
    let groups = client.groups().await?;
    let view = match choose(&groups) {
        Some(id) => Some(client.group(id).await?),
        None => None,
    };
    if let Some(v) = &view {
        store.cache_group_view(v)?;
    }
    Ok((groups, view))
}

/// A client for the account stored in `store`.
pub fn account_client(store: &Store) -> Result<Client, SyncError> {
    let account = store.account()?.ok_or(SyncError::NotSignedIn)?;
    Client::new(&account.server, Some(account.token))
}

enum Capped {
    Net(reqwest::Error),
    TooLong,
}

/// The whole body of `resp`, refusing one longer than [`MAX_RESPONSE_BYTES`] (declared or sent).
async fn read_capped(mut resp: reqwest::Response) -> Result<Vec<u8>, Capped> {
    if resp.content_length().is_some_and(|n| n > MAX_RESPONSE_BYTES as u64) {
        return Err(Capped::TooLong);
    }
    let mut body = Vec::new();
    while let Some(chunk) = resp.chunk().await.map_err(Capped::Net)? {
        if body.len() + chunk.len() > MAX_RESPONSE_BYTES {
            return Err(Capped::TooLong);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// What one sync did.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct SyncReport {
    pub server: String,
    /// Events the server acknowledged (applied, duplicates and rejections), plus superseded entries.
    pub pushed: usize,
    pub applied: usize,
    pub duplicates: usize,
    /// Events the server refused for good, with the reason; they are dropped.
    pub rejected: Vec<(Uuid, String)>,
    pub comments_pulled: usize,
    pub aggregates_pulled: usize,
    /// Events still queued (0 after a complete sync).
    pub queued: u64,
    /// Events the server failed on (5xx) even when sent alone: kept for the next sync, without holding
    /// back the others.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub deferred: Vec<(Uuid, String)>,
}

impl SyncReport {
    /// Counts one event's answer.
    fn tally(&mut self, r: &EventResult) {
        match r.status {
            EventStatus::Applied => self.applied += 1,
            EventStatus::Duplicate => self.duplicates += 1,
            EventStatus::Rejected => self.rejected.push((r.id, r.reason.clone().unwrap_or_default())),
        }
    }
}

/// Pushes the outbox and pulls aggregates and new comments, for the account stored in `store`.
/// Takes `&mut Store` so the future is `Send` (the store's connection is not `Sync`).
pub async fn sync_once(store: &mut Store) -> Result<SyncReport, SyncError> {
    let result = sync_with_account(store).await;
    match &result {
        Ok(r) => tracing::info!(
            "sync with {}: sent {} ({} new), pulled {} comments; {} queued",
            r.server,
            r.pushed,
            r.applied,
            r.comments_pulled,
            r.queued
        ),
        Err(SyncError::NotSignedIn) => tracing::debug!("sync skipped: not signed in"),
        Err(e) => tracing::warn!("sync failed: {e}"),
    }
    result
}

async fn sync_with_account(store: &mut Store) -> Result<SyncReport, SyncError> {
    let account = store.account()?.ok_or(SyncError::NotSignedIn)?;
    let client = Client::new(&account.server, Some(account.token.clone()))?;
    let plan = plan::plan(&store.outbox()?, account.comments_cursor, MAX_BATCH);
    let mut report = SyncReport { server: client.base.clone(), ..SyncReport::default() };
    push_plan(store, &client, plan, &mut report).await?;
    pull(store, &client, account.comments_cursor, &mut report).await?;
    report.queued = store.outbox_len()?;
    Ok(report)
}

async fn push_plan(
    store: &mut Store,
    client: &Client,
    plan: SyncPlan,
    report: &mut SyncReport,
) -> Result<(), SyncError> {
    let invalid: Vec<Uuid> = plan.invalid.iter().map(|(id, _)| *id).collect();
    store.forget_events(&invalid)?;
    report.rejected.extend(plan.invalid.iter().map(|(id, why)| (*id, why.to_string())));
    for batch in plan.batches {
        let mut send = batch.send;
        while !send.is_empty() {
            let resp = match client.push(&send).await {
                Ok(resp) => resp,
                // One event the server refuses (a newer rule than this client knows): drop it, send the rest.
                Err(SyncError::Refused { status: 422, event: Some(id), message, .. })
                    if send.iter().any(|e| e.id == id) =>
                {
                    store.forget_events(&[id])?;
                    report.rejected.push((id, message));
                    send.retain(|e| e.id != id);
                    continue;
                }
                // The server failed on the batch: one event may be what it cannot store. Sent one by one,
                // the others go through, and only an event that fails alone waits for the next sync.
                Err(SyncError::Refused { status: 500.., .. }) if send.len() > 1 => {
                    let mut alone = Vec::new();
                    for event in send.drain(..) {
                        match client.push(std::slice::from_ref(&event)).await {
                            Ok(resp) => alone.extend(resp.results),
                            Err(SyncError::Refused { status: 422, event: Some(id), message, .. }) if id == event.id => {
                                store.forget_events(&[id])?;
                                report.rejected.push((id, message));
                            }
                            Err(SyncError::Refused { status: 500.., message, .. }) => {
                                report.deferred.push((event.id, message));
                            }
                            Err(e) => return Err(e),
                        }
                    }
                    alone.iter().for_each(|r| report.tally(r));
                    let acked: Vec<Uuid> = alone.iter().map(|r| r.id).collect();
                    report.pushed += store.forget_events(&acked)?;
                    break;
                }
                Err(e) => return Err(e),
            };
            let mut acked: Vec<Uuid> = Vec::new();
            for r in &resp.results {
                if !send.iter().any(|e| e.id == r.id) {
                    return Err(SyncError::Protocol(format!("an answer for event {} that was not sent", r.id)));
                }
                report.tally(r);
                acked.push(r.id);
            }
            if acked.len() == send.len() {
                acked.extend(batch.superseded.iter().copied());
            }
            report.pushed += store.forget_events(&acked)?;
            break;
        }
    }
    Ok(())
}

async fn pull(store: &mut Store, client: &Client, mut since: i64, report: &mut SyncReport) -> Result<(), SyncError> {
    for _ in 0..MAX_PAGES {
        let page = client.comments(since, MAX_PAGE).await?;
        report.comments_pulled += page.items.len();
        store.apply_comments(&page.items, page.cursor)?;
        since = page.cursor;
        if !page.more {
            break;
        }
    }
    let mut all = Vec::new();
    let mut after: Option<String> = None;
    for _ in 0..MAX_PAGES {
        let page = client.aggregates(after.as_deref(), MAX_PAGE).await?;
        all.extend(page.items);
        match page.next {
            Some(next) => after = Some(next),
            None => {
                report.aggregates_pulled = all.len();
                store.replace_aggregates(&all)?;
                break;
            }
        }
    }
    match client.trending(MAX_PAGE).await {
        Ok(page) => store.replace_trending(&page.items)?,
        // A server older than trending (404), or one whose answer does not read: trending is an extra, and
        // what was pushed and pulled above stands.
        Err(e @ (SyncError::Refused { status: 404, .. } | SyncError::Protocol(_))) => {
            tracing::warn!("trending not pulled: {e}")
        }
        Err(e) => return Err(e),
    }
    Ok(())
}

/// How `codify login` went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Login {
    Registered { user: String },
    SignedIn { user: String },
}

/// Signs in with the token stored for `url` when it still works (and `name`, when given, is its user);
/// otherwise registers `name` (default: [`default_name`]) there and stores the new token.
pub async fn login(store: &mut Store, url: &str, name: Option<&str>) -> Result<Login, SyncError> {
    let base = normalize_url(url)?;
    let reusable = store.account()?.filter(|a| a.server == base && name.is_none_or(|n| n == a.user));
    if let Some(account) = reusable {
        let client = Client::new(&base, Some(account.token.clone()))?;
        match client.me().await {
            Ok(me) => return Ok(Login::SignedIn { user: me.user }),
            Err(SyncError::Unauthorized { .. }) => {} // the server forgot us: register again
            Err(e) => return Err(e),
        }
    }
    let name = name.map_or_else(default_name, str::to_string);
    let registered = Client::new(&base, None)?.register(&name).await?;
    store.set_account(&base, &registered.user, &registered.token)?;
    Ok(Login::Registered { user: registered.user })
}

/// What `codify logout` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Logout {
    /// The server revoked the token (or no longer knew it); it is forgotten here too.
    Revoked { server: String },
    /// Forgotten here only, as asked; the server still accepts the token.
    ForgottenHere { server: String },
}

/// Signs out: revokes the token on the server, then forgets the account here. When the server cannot be
/// reached the token is kept (it is still valid there), unless `local_only` asks to forget it anyway. The
/// outbox is kept for the next sign-in.
pub async fn logout(store: &mut Store, local_only: bool) -> Result<Logout, SyncError> {
    let account = store.account()?.ok_or(SyncError::NotSignedIn)?;
    if !local_only {
        match Client::new(&account.server, Some(account.token.clone()))?.revoke().await {
            Ok(()) | Err(SyncError::Unauthorized { .. }) => {}
            Err(e) => return Err(e),
        }
    }
    store.forget_account()?;
    Ok(match local_only {
        true => Logout::ForgottenHere { server: account.server },
        false => Logout::Revoked { server: account.server },
    })
}

/// A user name from the login name (`$USER`), reduced to the characters the server accepts.
pub fn default_name() -> String {
    let user = std::env::var("USER").or_else(|_| std::env::var("LOGNAME")).unwrap_or_default();
    let name: String = user
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .take(super::wire::MAX_NAME_LEN)
        .collect();
    if name.is_empty() {
        "learner".to_string()
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_urls_are_http_or_https() {
        assert_eq!(normalize_url(" http://127.0.0.1:8787/ ").unwrap(), "http://127.0.0.1:8787");
        for bad in ["", "127.0.0.1:8787", "ftp://x", "http://", "http://a b"] {
            assert!(matches!(normalize_url(bad), Err(SyncError::BadUrl(_))), "{bad}");
        }
        // An https client can be built: a TLS provider is installed.
        assert!(Client::new("https://community.example", Some("t".into())).is_ok());
    }
}
