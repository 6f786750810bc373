//! What can go wrong with a model, classified, and why the tutor is offline.
//!
//! Every variant prints as one line that says what happened and, where there is one, what to do. None of
//! them is fatal: each sends the learner to the offline tutor with the reason shown.

use std::time::Duration;

/// When a time-out struck.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Connecting, sending, and waiting for the first piece of the reply.
    FirstToken,
    /// Waiting for the next piece of a reply that had started.
    BetweenChunks,
}

/// A failed call to an OpenAI-compatible endpoint.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LlmError {
    #[error("cannot reach {endpoint} ({detail})")]
    Unreachable { endpoint: String, detail: String },
    #[error("the endpoint answered 401 — check {key_env}")]
    Unauthorized { key_env: String },
    #[error("the endpoint answered 429 (rate limited) {attempts} times; try again in a minute")]
    RateLimited { attempts: u32 },
    #[error("the endpoint answered 429: the account's quota is used up")]
    QuotaExceeded,
    #[error("the endpoint answered {status} (server error) {attempts} times")]
    Server { status: u16, attempts: u32 },
    #[error("the endpoint answered 404 — check the model name `{model}` and that base_url ends in /v1")]
    NotFound { model: String },
    #[error("the endpoint answered {status}: {message}")]
    Http { status: u16, message: String },
    #[error("the endpoint sent something that is not an OpenAI-style reply: {detail}")]
    BadResponse { detail: String },
    #[error("no reply within {} s", .after.as_secs_f64())]
    TimedOut { stage: Stage, after: Duration },
    #[error("the reply stopped half-way ({detail})")]
    Interrupted { detail: String },
    #[error("the reply carried a malformed chunk ({detail})")]
    Malformed { detail: String },
    #[error("the model sent an empty reply")]
    Empty,
    #[error("cancelled")]
    Cancelled,
}

impl LlmError {
    /// A stable name for JSON and tests: `unreachable`, `unauthorized`, `rate_limited`, ...
    pub fn code(&self) -> &'static str {
        match self {
            LlmError::Unreachable { .. } => "unreachable",
            LlmError::Unauthorized { .. } => "unauthorized",
            LlmError::RateLimited { .. } => "rate_limited",
            LlmError::QuotaExceeded => "quota_exceeded",
            LlmError::Server { .. } => "server_error",
            LlmError::NotFound { .. } => "not_found",
            LlmError::Http { .. } => "http_error",
            LlmError::BadResponse { .. } => "bad_response",
            LlmError::TimedOut { .. } => "timeout",
            LlmError::Interrupted { .. } => "interrupted",
            LlmError::Malformed { .. } => "malformed",
            LlmError::Empty => "empty_reply",
            LlmError::Cancelled => "cancelled",
        }
    }

    /// Worth another attempt before the first token: rate limits and server errors.
    pub fn retryable(&self) -> bool {
        matches!(self, LlmError::RateLimited { .. } | LlmError::Server { .. })
    }

    pub(crate) fn with_attempts(self, n: u32) -> LlmError {
        match self {
            LlmError::RateLimited { .. } => LlmError::RateLimited { attempts: n },
            LlmError::Server { status, .. } => LlmError::Server { status, attempts: n },
            other => other,
        }
    }
}

/// Why an answer came from the offline tutor.
#[derive(Debug, Clone, PartialEq)]
pub enum OfflineReason {
    /// No base_url and no API key.
    NotConfigured { key_env: String },
    /// The `[llm]` settings cannot be used as they are.
    BadConfig(String),
    /// Today's token budget is spent.
    BudgetSpent { used: u64, budget: u64 },
    /// The endpoint failed; the error says how.
    Failed(LlmError),
}

impl OfflineReason {
    /// A stable name for JSON: `not_configured`, `bad_config`, `budget_spent`, or the error's code.
    pub fn code(&self) -> &'static str {
        match self {
            OfflineReason::NotConfigured { .. } => "not_configured",
            OfflineReason::BadConfig(_) => "bad_config",
            OfflineReason::BudgetSpent { .. } => "budget_spent",
            OfflineReason::Failed(e) => e.code(),
        }
    }
}

impl std::fmt::Display for OfflineReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OfflineReason::NotConfigured { key_env } => {
                write!(f, "no LLM is configured (set {key_env}, or [llm] base_url for a local server such as Ollama)")
            }
            OfflineReason::BadConfig(m) => write!(f, "the [llm] settings cannot be used: {m}"),
            OfflineReason::BudgetSpent { used, budget } => {
                write!(f, "today's token budget is spent ({used} of {budget} tokens; [llm] daily_token_budget)")
            }
            OfflineReason::Failed(e) => e.fmt(f),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_one_line_and_say_what_to_do() {
        let all = [
            OfflineReason::Failed(LlmError::Unauthorized { key_env: "OPENAI_API_KEY".into() }),
            OfflineReason::NotConfigured { key_env: "OPENAI_API_KEY".into() },
            OfflineReason::BudgetSpent { used: 10, budget: 5 },
            OfflineReason::Failed(LlmError::TimedOut { stage: Stage::FirstToken, after: Duration::from_millis(1500) }),
        ];
        for r in &all {
            assert!(!r.to_string().contains('\n'));
        }
        assert_eq!(all[0].to_string(), "the endpoint answered 401 — check OPENAI_API_KEY");
        assert_eq!(all[3].to_string(), "no reply within 1.5 s");
        assert!(LlmError::Server { status: 500, attempts: 1 }.retryable());
        assert!(!LlmError::QuotaExceeded.retryable());
    }
}
