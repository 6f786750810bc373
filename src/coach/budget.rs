//! Cost control: model routing, the daily token budget, and the cache of identical requests.

use super::client::{Endpoint, Message};
use super::Grounding;
use crate::config::LlmConfig;
use crate::embed;
use crate::problems::Difficulty;
use crate::store::{Store, StoreError, TokenUsage};

/// Cached replies are reused for this long.
pub const CACHE_TTL_MS: i64 = 7 * 24 * 3600 * 1000;
/// Failed submissions in a row after which the stronger model helps.
pub const FAILURES_FOR_COMPLEX: u32 = 3;

/// Re-exported for the TUI, which reads the clock here (its `use` lines belong to another change).
pub use crate::clock::now_ms;

/// `model_complex` for hard problems and after repeated failures, `model` otherwise.
pub fn route<'e>(endpoint: &'e Endpoint, g: &Grounding) -> &'e str {
    if g.problem.difficulty == Difficulty::Hard || g.recent_failures >= FAILURES_FOR_COMPLEX {
        &endpoint.model_complex
    } else {
        &endpoint.model
    }
}

/// A rough token count (four characters a token), used before the endpoint reports the real one.
pub fn estimate_tokens(messages: &[Message]) -> u64 {
    messages.iter().map(|m| m.content.chars().count() as u64 / 4 + 4).sum()
}

/// The cache key of a request: everything that shapes the reply.
pub fn cache_key(base_url: &str, model: &str, messages: &[Message]) -> String {
    let body = serde_json::to_string(messages).unwrap_or_default();
    embed::digest(&format!("{base_url}\n{model}\n{body}"))
}

/// Whether a request of about `estimate` tokens fits today's budget (0 means no limit); when it does not,
/// the tokens used so far.
pub fn over_budget(store: &Store, budget: u64, estimate: u64) -> Result<Option<u64>, StoreError> {
    if budget == 0 {
        return Ok(None);
    }
    let used = store.usage_on(now_ms())?.total();
    Ok((used + estimate > budget).then_some(used))
}

/// Today's spending and the budget, for `codify doctor`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct BudgetStatus {
    pub today: TokenUsage,
    /// 0 means no limit.
    pub daily_budget: u64,
    pub remaining: Option<u64>,
    pub cached_replies: u64,
    /// Where the tutor's model is, or why it is offline.
    pub endpoint: String,
    pub online: bool,
}

impl std::fmt::Display for BudgetStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let used = self.today.total();
        let budget =
            if self.daily_budget == 0 { "no daily limit".to_string() } else { format!("of {}", self.daily_budget) };
        write!(
            f,
            "{}; {used} tokens used today ({budget}) in {} requests; {} cached replies",
            self.endpoint, self.today.requests, self.cached_replies
        )
    }
}

/// Today's token use against `[llm] daily_token_budget`, and where the tutor's model is.
pub fn budget_status(store: &Store, cfg: &LlmConfig) -> Result<BudgetStatus, StoreError> {
    let today = store.usage_on(now_ms())?;
    let (endpoint, online) = match Endpoint::resolve(cfg, |k| std::env::var(k).ok()) {
        Ok(e) => (format!("tutor: {} (complex: {}) at {}", e.model, e.model_complex, e.base_url), true),
        Err(reason) => (format!("tutor: offline ({reason})"), false),
    };
    let daily_budget = cfg.daily_token_budget;
    Ok(BudgetStatus {
        today,
        daily_budget,
        remaining: (daily_budget > 0).then(|| daily_budget.saturating_sub(today.total())),
        cached_replies: store.cache_len()?,
        endpoint,
        online,
    })
}
