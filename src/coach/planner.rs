//! Plans from the model: one call carrying the profile, the weakness profile, the progression, the
//! candidate problems and community weights ([`plan_llm::llm_messages`]); the reply is read strictly
//! ([`parse_llm_plan`]); a rejected reply is retried once with the validation error; then — or whenever no
//! model is configured, the budget is spent or the call fails — the offline planner takes over, and the
//! outcome says why. Never fails.

use serde::Serialize;
use tokio_util::sync::CancellationToken;

use super::client::ChatCall;
use super::plan_llm::{self, parse_llm_plan};
use super::{budget, Coach, OfflineReason};
use crate::config::LlmConfig;
use crate::learner::plan::{plan_offline, Plan, PlanInputs};
use crate::store::{PlanSource, Store};

const MAX_PLAN_TOKENS: u32 = 6000;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanOutcome {
    pub plan: Plan,
    pub source: PlanSource,
    /// Why the offline planner made the plan.
    pub offline_reason: Option<String>,
    /// A stable name for it: `not_configured`, `budget_spent`, `invalid_plan`, or the call's error code.
    pub offline_code: Option<String>,
    /// Validation errors of rejected replies, in order.
    pub rejected: Vec<String>,
    pub model: Option<String>,
}

fn offline(inp: &PlanInputs<'_>, code: &str, reason: String, rejected: Vec<String>) -> PlanOutcome {
    PlanOutcome {
        plan: plan_offline(inp),
        source: PlanSource::Offline,
        offline_reason: Some(reason),
        offline_code: Some(code.to_string()),
        rejected,
        model: None,
    }
}

fn fallback(inp: &PlanInputs<'_>, reason: &OfflineReason, rejected: Vec<String>) -> PlanOutcome {
    offline(inp, reason.code(), reason.to_string(), rejected)
}

/// The profile's latest plan, or — when it has none or `fresh` asks for one — a new plan (offline when
/// `offline`, else [`make_plan_blocking`]) saved with why it was made that way. The bool says it is new.
/// `codify plan` and the TUI's plan screen both go through here.
pub fn latest_or_new(
    cfg: &LlmConfig,
    store: &Store,
    profile: &crate::store::StoredProfile,
    inp: &PlanInputs<'_>,
    fresh: bool,
    offline: bool,
) -> Result<(PlanOutcome, bool), crate::store::StoreError> {
    if !fresh {
        if let Some(p) = store.latest_plan(profile.id)? {
            let outcome = PlanOutcome {
                plan: p.plan,
                source: p.source,
                offline_reason: p.note.filter(|_| p.source == PlanSource::Offline),
                offline_code: None,
                rejected: Vec::new(),
                model: None,
            };
            return Ok((outcome, false));
        }
    }
    let outcome = if offline {
        PlanOutcome {
            plan: plan_offline(inp),
            source: PlanSource::Offline,
            offline_reason: Some("--offline was given".into()),
            offline_code: Some("requested".into()),
            rejected: Vec::new(),
            model: None,
        }
    } else {
        make_plan_blocking(cfg, store, inp)
    };
    let note = outcome.offline_reason.clone().or_else(|| outcome.model.clone());
    store.save_plan(profile.id, &outcome.plan, outcome.source, note.as_deref())?;
    Ok((outcome, true))
}

/// A plan from the model in `cfg`, or offline; runs its own small runtime (call it from synchronous code).
pub fn make_plan_blocking(cfg: &LlmConfig, store: &Store, inp: &PlanInputs<'_>) -> PlanOutcome {
    let coach = Coach::from_config(cfg);
    match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(rt) => rt.block_on(make_plan(&coach, store, inp, &CancellationToken::new())),
        Err(e) => fallback(inp, &OfflineReason::BadConfig(format!("no async runtime: {e}")), Vec::new()),
    }
}

/// See the module docs.
pub async fn make_plan(coach: &Coach, store: &Store, inp: &PlanInputs<'_>, cancel: &CancellationToken) -> PlanOutcome {
    let client = match &coach.llm {
        Ok(c) => c,
        Err(reason) => return fallback(inp, reason, Vec::new()),
    };
    let model = client.endpoint.model_complex.clone();
    let mut rejected: Vec<String> = Vec::new();
    for _ in 0..2 {
        let messages = plan_llm::llm_messages(inp, rejected.last().map(String::as_str));
        let estimate = budget::estimate_tokens(&messages) + u64::from(MAX_PLAN_TOKENS);
        match budget::over_budget(store, coach.daily_token_budget, estimate) {
            Ok(Some(used)) => {
                let reason = OfflineReason::BudgetSpent { used, budget: coach.daily_token_budget };
                return fallback(inp, &reason, rejected);
            }
            Ok(None) => {}
            Err(e) => return fallback(inp, &OfflineReason::BadConfig(e.to_string()), rejected),
        }
        let call = ChatCall { model: model.clone(), messages, temperature: 0.2, max_tokens: MAX_PLAN_TOKENS };
        let done = match client.complete(&call, cancel).await {
            Ok(d) => d,
            Err(e) => return fallback(inp, &OfflineReason::Failed(e), rejected),
        };
        let usage = done.usage.unwrap_or_default();
        // Bookkeeping failures must not cost the learner the plan.
        let _ =
            store.record_usage(crate::clock::now_ms(), usage.prompt_tokens.max(estimate / 4), usage.completion_tokens);
        let parsed = if done.finish_reason.as_deref() == Some("length") {
            Err(format!("the reply was cut off at {MAX_PLAN_TOKENS} tokens; send a shorter plan"))
        } else {
            parse_llm_plan(&done.text, inp).map_err(|e| e.to_string())
        };
        match parsed {
            Ok(plan) => {
                return PlanOutcome {
                    plan,
                    source: PlanSource::Llm,
                    offline_reason: None,
                    offline_code: None,
                    rejected,
                    model: Some(model),
                }
            }
            Err(e) => rejected.push(e),
        }
    }
    let last = rejected.last().cloned().unwrap_or_default();
    offline(inp, "invalid_plan", format!("the model's plan was rejected twice ({last})"), rejected)
}
