//! The client for any OpenAI-compatible endpoint (OpenAI, Ollama, llama.cpp, vLLM, ...), on async-openai.
//!
//! Invariants:
//! - Every call is bounded: connect, first token and the gap between chunks each have a deadline
//!   ([`Timeouts`]); a [`CancellationToken`] stops a call at once.
//! - Rate limits (429) and server errors (5xx) are retried with jittered exponential backoff, but only
//!   before the first token (a reply that has started is never silently restarted) and only within the
//!   first-token deadline; a long `Retry-After` is not waited for: the offline tutor answers instead.
//! - Errors come back classified ([`LlmError`]); nothing here panics on what a server sends. Chunks are
//!   read with lenient types (absent fields default), so small differences between servers do not matter,
//!   while text that is not JSON at all is a malformed chunk.

use std::time::{Duration, Instant};

use async_openai::config::OpenAIConfig;
use async_openai::error::{OpenAIError, StreamError};
use futures_util::StreamExt;
use serde::{Deserialize, Serialize};
use tokio_util::sync::CancellationToken;

pub use super::endpoint::{Endpoint, Retry, Timeouts};
use super::error::{LlmError, OfflineReason, Stage};
/// One message of a chat request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Message {
    pub role: &'static str,
    pub content: String,
}

/// A chat request: the model and the messages.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChatCall {
    pub model: String,
    pub messages: Vec<Message>,
    pub temperature: f32,
    pub max_tokens: u32,
}

/// Token counts as the endpoint reported them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct Usage {
    #[serde(default)]
    pub prompt_tokens: u64,
    #[serde(default)]
    pub completion_tokens: u64,
}

/// A finished reply.
#[derive(Debug, Clone, PartialEq)]
pub struct Completion {
    pub text: String,
    pub usage: Option<Usage>,
    /// `stop`, `length`, ...
    pub finish_reason: Option<String>,
    pub attempts: u32,
}

#[derive(Deserialize)]
struct Chunk {
    #[serde(default)]
    choices: Vec<ChunkChoice>,
    #[serde(default)]
    usage: Option<Usage>,
    #[serde(default)]
    error: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct ChunkChoice {
    #[serde(default)]
    delta: Option<Content>,
    #[serde(default)]
    message: Option<Content>,
    #[serde(default)]
    finish_reason: Option<String>,
}

#[derive(Deserialize, Default)]
struct Content {
    #[serde(default)]
    content: Option<String>,
}

#[derive(Deserialize)]
struct EmbeddingReply {
    data: Vec<EmbeddingItem>,
}

#[derive(Deserialize)]
struct EmbeddingItem {
    #[serde(default)]
    index: usize,
    embedding: Vec<f32>,
}

/// A client for one endpoint; cheap to clone.
#[derive(Clone)]
pub struct LlmClient {
    pub endpoint: Endpoint,
    client: async_openai::Client<OpenAIConfig>,
    /// The plain HTTP client under it, for [`LlmClient::probe`].
    http: reqwest::Client,
    /// The wait the last refusal (429, 503) asked for in its `Retry-After` header.
    retry_after: RetryAfter,
}

type RetryAfter = std::sync::Arc<std::sync::Mutex<Option<Duration>>>;

impl LlmClient {
    pub fn new(endpoint: Endpoint) -> Result<LlmClient, OfflineReason> {
        // reqwest is built without a crypto provider (no C toolchain needed for aws-lc); use ring's. An
        // error only means a provider is installed already.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = reqwest::Client::builder()
            .connect_timeout(endpoint.timeouts.connect)
            .build()
            .map_err(|e| OfflineReason::BadConfig(format!("cannot set up HTTP: {}", one_line(&e))))?;
        let config = OpenAIConfig::new()
            .with_api_base(endpoint.base_url.clone())
            .with_api_key(endpoint.api_key.clone().unwrap_or_default())
            .with_org_id("")
            .with_project_id("");
        // async-openai's default executor retries by itself (up to 3 times, and for as long as a Retry-After
        // header asks); the plain service leaves retries to `with_retries`, which knows the deadline.
        let retry_after = RetryAfter::default();
        let client = async_openai::Client::build(http.clone(), config).with_http_service(Normalise(
            async_openai::middleware::ReqwestService::new(http.clone()),
            retry_after.clone(),
        ));
        Ok(LlmClient { client, endpoint, http, retry_after })
    }

    /// Whether the endpoint answers at all (for `codify doctor`): `GET {base_url}/models` within `within`.
    /// Any HTTP answer but 401/403 counts as reachable; those say the key was refused.
    pub async fn probe(&self, within: Duration) -> Result<String, String> {
        let url = format!("{}/models", self.endpoint.base_url);
        let mut req = self.http.get(&url);
        if let Some(key) = &self.endpoint.api_key {
            req = req.bearer_auth(key);
        }
        let started = Instant::now();
        match tokio::time::timeout(within, req.send()).await {
            Err(_) => Err(format!("no answer from {} within {} s", self.endpoint.base_url, within.as_secs())),
            Ok(Err(e)) => Err(format!("cannot reach {}: {}", self.endpoint.base_url, root_cause(&e))),
            Ok(Ok(r)) if matches!(r.status().as_u16(), 401 | 403) => Err(format!(
                "{} refused the key in {} (HTTP {})",
                self.endpoint.base_url,
                self.endpoint.key_env,
                r.status().as_u16()
            )),
            Ok(Ok(r)) => Ok(format!(
                "{} answers (HTTP {}, {} ms)",
                self.endpoint.base_url,
                r.status().as_u16(),
                started.elapsed().as_millis()
            )),
        }
    }

    /// Streams a reply, calling `on_text` with each piece as it arrives; returns the whole reply.
    pub async fn stream_chat(
        &self,
        call: &ChatCall,
        cancel: &CancellationToken,
        on_text: &mut dyn FnMut(&str),
    ) -> Result<Completion, LlmError> {
        self.logged("chat", self.stream_chat_unlogged(call, cancel, on_text).await)
    }

    /// A failure in the log, with the endpoint but never the key or the prompt.
    fn logged<T>(&self, what: &str, result: Result<T, LlmError>) -> Result<T, LlmError> {
        match &result {
            Err(LlmError::Cancelled) | Ok(_) => {}
            Err(e) => tracing::warn!("LLM {what} at {} failed [{}]: {e}", self.endpoint.base_url, e.code()),
        }
        result
    }

    async fn stream_chat_unlogged(
        &self,
        call: &ChatCall,
        cancel: &CancellationToken,
        on_text: &mut dyn FnMut(&str),
    ) -> Result<Completion, LlmError> {
        let mut body = serde_json::to_value(call).map_err(|e| LlmError::BadResponse { detail: e.to_string() })?;
        body["stream"] = serde_json::Value::Bool(true);
        body["stream_options"] = serde_json::json!({ "include_usage": true });
        let t = self.endpoint.timeouts;
        let deadline = Instant::now() + t.first_token;
        let (mut stream, attempts) = self
            .with_retries(cancel, deadline, || {
                let (chat, body) = (self.client.chat(), body.clone());
                async move { chat.create_stream_byot::<_, Chunk>(body).await }
            })
            .await?;
        let mut text = String::new();
        let (mut usage, mut finish) = (None, None);
        loop {
            let wait = if text.is_empty() { deadline.saturating_duration_since(Instant::now()) } else { t.idle };
            let stage = if text.is_empty() { Stage::FirstToken } else { Stage::BetweenChunks };
            let next = tokio::select! {
                _ = cancel.cancelled() => return Err(LlmError::Cancelled),
                next = tokio::time::timeout(wait, stream.next()) => next,
            };
            let chunk = match next {
                Err(_) => {
                    let after = if text.is_empty() { t.first_token } else { t.idle };
                    return Err(LlmError::TimedOut { stage, after });
                }
                Ok(None) => break,
                Ok(Some(Err(e))) => return Err(classify_stream(e)),
                Ok(Some(Ok(chunk))) => chunk,
            };
            if let Some(err) = chunk.error {
                return Err(LlmError::Interrupted { detail: format!("the server reported: {}", clip_json(&err)) });
            }
            usage = chunk.usage.or(usage);
            for choice in chunk.choices {
                let piece = choice.delta.or(choice.message).and_then(|c| c.content).unwrap_or_default();
                if !piece.is_empty() {
                    on_text(&piece);
                    text.push_str(&piece);
                }
                finish = choice.finish_reason.or(finish);
            }
        }
        if finish.is_none() {
            return Err(LlmError::Interrupted { detail: "the stream ended before the reply was finished".into() });
        }
        if text.trim().is_empty() {
            return Err(LlmError::Empty);
        }
        Ok(Completion { text, usage, finish_reason: finish, attempts })
    }

    /// A reply in one piece (no streaming), for short texts such as feedback after a submission.
    pub async fn complete(&self, call: &ChatCall, cancel: &CancellationToken) -> Result<Completion, LlmError> {
        self.logged("completion", self.complete_unlogged(call, cancel).await)
    }

    async fn complete_unlogged(&self, call: &ChatCall, cancel: &CancellationToken) -> Result<Completion, LlmError> {
        let deadline = Instant::now() + self.endpoint.timeouts.first_token;
        let (reply, attempts) = self
            .with_retries(cancel, deadline, || {
                let chat = self.client.chat();
                async move { chat.create_byot::<_, Chunk>(call).await }
            })
            .await?;
        if let Some(err) = reply.error {
            return Err(LlmError::BadResponse { detail: clip_json(&err) });
        }
        let choice = reply.choices.into_iter().next();
        let finish = choice.as_ref().and_then(|c| c.finish_reason.clone());
        let text = choice.and_then(|c| c.message.or(c.delta)).and_then(|c| c.content).unwrap_or_default();
        if text.trim().is_empty() {
            return Err(LlmError::Empty);
        }
        Ok(Completion { text, usage: reply.usage, finish_reason: finish, attempts })
    }

    /// Embeds `texts` with the configured embedding model, in order.
    pub async fn embed(&self, texts: &[String], cancel: &CancellationToken) -> Result<Vec<Vec<f32>>, LlmError> {
        self.logged("embedding", self.embed_unlogged(texts, cancel).await)
    }

    async fn embed_unlogged(&self, texts: &[String], cancel: &CancellationToken) -> Result<Vec<Vec<f32>>, LlmError> {
        let model = self.endpoint.embedding_model.clone().unwrap_or_default();
        let body = serde_json::json!({ "model": model, "input": texts });
        let deadline = Instant::now() + self.endpoint.timeouts.first_token;
        let (reply, _) = self
            .with_retries(cancel, deadline, || {
                let (api, body) = (self.client.embeddings(), body.clone());
                async move { api.create_byot::<_, EmbeddingReply>(body).await }
            })
            .await?;
        let mut data = reply.data;
        data.sort_by_key(|d| d.index);
        if data.len() != texts.len() || data.iter().any(|d| d.embedding.is_empty()) {
            return Err(LlmError::BadResponse {
                detail: format!("asked for {} embeddings, got {}", texts.len(), data.len()),
            });
        }
        Ok(data.into_iter().map(|d| d.embedding).collect())
    }

    /// Runs `attempt` until it succeeds, fails for good, the deadline passes or the call is cancelled.
    async fn with_retries<T, F>(
        &self,
        cancel: &CancellationToken,
        deadline: Instant,
        attempt: impl Fn() -> F,
    ) -> Result<(T, u32), LlmError>
    where
        F: std::future::Future<Output = Result<T, OpenAIError>>,
    {
        let retry = self.endpoint.retry;
        let mut n = 0;
        loop {
            n += 1;
            let left = deadline.saturating_duration_since(Instant::now());
            let result = tokio::select! {
                _ = cancel.cancelled() => return Err(LlmError::Cancelled),
                r = tokio::time::timeout(left, attempt()) => r,
            };
            let err = match result {
                Err(_) => {
                    return Err(LlmError::TimedOut {
                        stage: Stage::FirstToken,
                        after: self.endpoint.timeouts.first_token,
                    })
                }
                Ok(Ok(value)) => return Ok((value, n)),
                Ok(Err(e)) => self.classify(e),
            };
            // The server's own `Retry-After` wins over the backoff when it asks for longer; a wait that would
            // pass the deadline is not made (the offline tutor answers instead).
            let asked = self.retry_after.lock().ok().and_then(|mut g| g.take());
            let pause = retry.delay(n).max(asked.unwrap_or_default());
            if !err.retryable() || n >= retry.attempts || Instant::now() + pause >= deadline {
                return Err(err.with_attempts(n));
            }
            tokio::select! {
                _ = cancel.cancelled() => return Err(LlmError::Cancelled),
                _ = tokio::time::sleep(pause) => {}
            }
        }
    }

    fn classify(&self, e: OpenAIError) -> LlmError {
        match e {
            OpenAIError::Reqwest(e) if e.is_timeout() => {
                LlmError::TimedOut { stage: Stage::FirstToken, after: self.endpoint.timeouts.connect }
            }
            OpenAIError::Reqwest(e) => {
                LlmError::Unreachable { endpoint: self.endpoint.base_url.clone(), detail: root_cause(&e) }
            }
            OpenAIError::ApiError(api) => {
                let status = api.status_code.as_u16();
                let code = api.api_error.code.as_deref().unwrap_or_default();
                match status {
                    401 => LlmError::Unauthorized { key_env: self.endpoint.key_env.clone() },
                    429 if code == "insufficient_quota" => LlmError::QuotaExceeded,
                    429 => LlmError::RateLimited { attempts: 1 },
                    404 => LlmError::NotFound { model: self.endpoint.model.clone() },
                    500..=599 => LlmError::Server { status, attempts: 1 },
                    _ => LlmError::Http { status, message: crate::fmt::clip(&api.api_error.message, 200) },
                }
            }
            OpenAIError::JSONDeserialize(_, body) => {
                LlmError::BadResponse { detail: crate::fmt::clip(body.trim(), 120) }
            }
            OpenAIError::StreamError(s) => stream_error(*s),
            other => LlmError::BadResponse { detail: one_line(&other) },
        }
    }
}

/// The HTTP service under async-openai: plain reqwest (no retries of its own), except that an error
/// response whose body is not OpenAI's `{"error": {"message": ...}}` (a proxy's HTML page, Ollama's
/// `404 page not found`, an empty body) is given one, so that its status still classifies it.
#[derive(Clone)]
struct Normalise(async_openai::middleware::ReqwestService, RetryAfter);

/// OpenAI's `retry-after-ms`, else `Retry-After` in seconds or as an HTTP date (a date in the past is no
/// wait); capped at an hour.
fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    let text = |name: &str| headers.get(name)?.to_str().ok().map(str::trim);
    let number = |name: &str| text(name)?.parse::<f64>().ok().filter(|v| v.is_finite());
    let wait = match (number("retry-after-ms"), number("retry-after")) {
        (Some(ms), _) => ms / 1000.0,
        (None, Some(s)) => s,
        (None, None) => {
            let at = httpdate::parse_http_date(text("retry-after")?).ok()?;
            at.duration_since(std::time::SystemTime::now()).map_or(0.0, |d| d.as_secs_f64())
        }
    };
    Some(Duration::from_secs_f64(wait.clamp(0.0, 3600.0)))
}

type HttpFuture = std::pin::Pin<Box<dyn std::future::Future<Output = Result<reqwest::Response, OpenAIError>> + Send>>;

impl tower::Service<async_openai::middleware::HttpRequestFactory> for Normalise {
    type Response = reqwest::Response;
    type Error = OpenAIError;
    type Future = HttpFuture;

    fn poll_ready(&mut self, cx: &mut std::task::Context<'_>) -> std::task::Poll<Result<(), OpenAIError>> {
        self.0.poll_ready(cx)
    }

    fn call(&mut self, request: async_openai::middleware::HttpRequestFactory) -> HttpFuture {
        let sent = self.0.call(request);
        let asked = self.1.clone();
        Box::pin(async move {
            let response = sent.await?;
            let status = response.status();
            if status.is_success() {
                return Ok(response);
            }
            if let (Some(wait), Ok(mut slot)) = (retry_after(response.headers()), asked.lock()) {
                *slot = Some(wait);
            }
            let bytes = response.bytes().await.map_err(OpenAIError::Reqwest)?;
            let parsed: Option<serde_json::Value> = serde_json::from_slice(&bytes).ok();
            let body = if parsed.as_ref().is_some_and(|v| v["error"]["message"].is_string()) {
                bytes.to_vec()
            } else {
                let text = String::from_utf8_lossy(&bytes);
                let message = if text.trim().is_empty() {
                    "(empty body)".to_string()
                } else {
                    crate::fmt::clip(text.trim(), 200)
                };
                serde_json::json!({ "error": { "message": message, "type": null, "param": null, "code": null } })
                    .to_string()
                    .into_bytes()
            };
            let rebuilt = http::Response::builder()
                .status(status)
                .body(body)
                .map_err(|e| OpenAIError::InvalidArgument(e.to_string()))?;
            Ok(reqwest::Response::from(rebuilt))
        })
    }
}

fn classify_stream(e: OpenAIError) -> LlmError {
    match e {
        OpenAIError::JSONDeserialize(err, body) => {
            LlmError::Malformed { detail: format!("{err}: {}", crate::fmt::clip(body.trim(), 60)) }
        }
        OpenAIError::StreamError(s) => stream_error(*s),
        other => LlmError::Interrupted { detail: one_line(&other) },
    }
}

fn stream_error(s: StreamError) -> LlmError {
    match s {
        StreamError::UnknownEvent(ev) => LlmError::Malformed { detail: format!("unknown event `{}`", ev.event) },
        StreamError::EventStream(m) => LlmError::Interrupted { detail: crate::fmt::clip(&m, 120) },
    }
}

fn clip_json(v: &serde_json::Value) -> String {
    let msg = v.get("message").and_then(|m| m.as_str()).map(str::to_string).unwrap_or_else(|| v.to_string());
    crate::fmt::clip(&msg, 160)
}

/// The innermost cause of an error ("Connection refused (os error 111)"), on one line.
fn root_cause(e: &dyn std::error::Error) -> String {
    let mut cause = e;
    while let Some(next) = cause.source() {
        cause = next;
    }
    crate::fmt::clip(&cause.to_string().replace('\n', " "), 200)
}

/// An error and its causes on one line.
fn one_line(e: &dyn std::error::Error) -> String {
    let mut parts = vec![e.to_string()];
    let mut src = e.source();
    while let Some(s) = src {
        let text = s.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        src = s.source();
    }
    crate::fmt::clip(&parts.join(": ").replace('\n', " "), 200)
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::{HeaderMap, HeaderValue};

    fn wait(pairs: &[(&'static str, String)]) -> Option<Duration> {
        let mut h = HeaderMap::new();
        for (name, value) in pairs {
            h.insert(*name, HeaderValue::from_str(value).unwrap());
        }
        retry_after(&h)
    }

    #[test]
    fn retry_after_reads_milliseconds_seconds_and_http_dates() {
        assert_eq!(wait(&[]), None);
        assert_eq!(wait(&[("retry-after", "2".into())]), Some(Duration::from_secs(2)));
        assert_eq!(
            wait(&[("retry-after", "9".into()), ("retry-after-ms", "1500".into())]),
            Some(Duration::from_millis(1500))
        );
        let soon = httpdate::fmt_http_date(std::time::SystemTime::now() + Duration::from_secs(30));
        let w = wait(&[("retry-after", soon)]).unwrap();
        assert!(w > Duration::from_secs(25) && w <= Duration::from_secs(30), "{w:?}");
        assert_eq!(wait(&[("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT".into())]), Some(Duration::ZERO));
        assert_eq!(wait(&[("retry-after", "999999".into())]), Some(Duration::from_secs(3600)));
        assert_eq!(wait(&[("retry-after", "soon".into())]), None);
    }
}
