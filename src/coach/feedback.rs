//! Feedback after a submission: a few sentences that explain the verdict and the findings — written by the
//! model when one is configured and answers (budget and cache apply, the solution guard too), from
//! templates otherwise. Never fails and never takes longer than the configured time-out.

use serde::Serialize;
use tokio_util::sync::CancellationToken;

use super::client::{ChatCall, Message};
use super::guard::Guard;
use super::{budget, prompt, Coach, Grounding, Intent, OfflineReason, Source, Turn};
use crate::analysis::Analysis;
use crate::config::LlmConfig;
use crate::judge::{Report, Verdict};
use crate::problems::Problem;
use crate::store::Store;

const MAX_FEEDBACK_TOKENS: u32 = 250;

/// Feedback on one submission (`feedback` in `submit --json`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Feedback {
    pub text: String,
    /// `llm` or `offline`.
    pub source: Source,
    pub offline_reason: Option<String>,
}

/// Feedback from the model configured in `cfg`, or from templates; runs its own small runtime, so call it
/// from synchronous code (the CLI), not from inside an async task.
pub fn feedback_blocking(
    cfg: &LlmConfig,
    store: &Store,
    problem: &Problem,
    code: &str,
    report: &Report,
    analysis: &Analysis,
) -> Feedback {
    let coach = Coach::from_config(cfg);
    match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(rt) => rt.block_on(feedback(&coach, store, problem, code, report, analysis, &CancellationToken::new())),
        Err(e) => offline(problem, report, analysis, &OfflineReason::BadConfig(format!("no async runtime: {e}"))),
    }
}

/// Feedback on a submission; see the module docs.
pub async fn feedback(
    coach: &Coach,
    store: &Store,
    problem: &Problem,
    code: &str,
    report: &Report,
    analysis: &Analysis,
    cancel: &CancellationToken,
) -> Feedback {
    let client = match &coach.llm {
        Ok(c) => c,
        Err(reason) => return offline(problem, report, analysis, reason),
    };
    let mut g = Grounding::new(problem.clone());
    g.code = Some(code.to_string());
    g.report = Some(report.clone());
    g.analysis = Some(analysis.clone());
    let turn = Turn {
        intent: Intent::General,
        question: "Give me short feedback on this submission: what the verdict and the findings mean, in two to \
                   four sentences, ending with one question that points me at the most important fix. No code."
            .into(),
        truncated_from: 0,
        hint: None,
        hints_seen: 0,
        taken: Vec::new(),
        allow_solution: false,
        passages: Vec::new(),
        history: Vec::new(),
    };
    let messages: Vec<Message> = prompt::build(&g, &turn);
    let model = budget::route(&client.endpoint, &g).to_string();
    let estimate = budget::estimate_tokens(&messages) + u64::from(MAX_FEEDBACK_TOKENS);
    match budget::over_budget(store, coach.daily_token_budget, estimate) {
        Ok(Some(used)) => {
            let reason = OfflineReason::BudgetSpent { used, budget: coach.daily_token_budget };
            return offline(problem, report, analysis, &reason);
        }
        Ok(None) => {}
        Err(e) => return offline(problem, report, analysis, &OfflineReason::BadConfig(e.to_string())),
    }
    let key = budget::cache_key(&client.endpoint.base_url, &format!("{model} feedback"), &messages);
    let now = crate::clock::now_ms();
    if let Ok(Some((_, text))) = store.cached_reply(&key, now, budget::CACHE_TTL_MS) {
        return Feedback { text, source: Source::Llm, offline_reason: None };
    }
    let call = ChatCall { model, messages, temperature: 0.3, max_tokens: MAX_FEEDBACK_TOKENS };
    match client.complete(&call, cancel).await {
        Ok(done) => {
            let sig = &problem.signature;
            let mut guard = Guard::new(coach.socratic, &sig.class, sig.method.as_deref(), &problem.solution);
            let mut text = guard.push(&done.text);
            text.push_str(&guard.finish());
            let usage = done.usage.unwrap_or_default();
            // Bookkeeping failures must not cost the learner the feedback itself.
            let _ = store.record_usage(now, usage.prompt_tokens.max(estimate / 2), usage.completion_tokens);
            let _ = store.cache_reply(&key, &call.model, &text, now, budget::CACHE_TTL_MS);
            Feedback { text: text.trim().to_string(), source: Source::Llm, offline_reason: None }
        }
        Err(e) => offline(problem, report, analysis, &OfflineReason::Failed(e)),
    }
}

fn offline(problem: &Problem, report: &Report, analysis: &Analysis, reason: &OfflineReason) -> Feedback {
    Feedback {
        text: template(problem, report, analysis),
        source: Source::Offline,
        offline_reason: Some(reason.to_string()),
    }
}

/// The offline feedback: the verdict, the complexity against the best bound, and the top findings.
pub fn template(problem: &Problem, report: &Report, analysis: &Analysis) -> String {
    let mut parts = Vec::new();
    match report.verdict {
        Verdict::Accepted => parts.push(format!("Accepted: all {} tests pass.", report.total)),
        v => {
            let case = report.failing_case().map(|c| {
                let edge = c
                    .edge
                    .map(|e| {
                        let name = e.as_str().replace('_', " ");
                        let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
                        format!(", {article} {name} input")
                    })
                    .unwrap_or_default();
                format!(" Case {}{edge} is the first to fail.", c.id)
            });
            parts.push(format!(
                "{} ({} of {} tests pass).{}",
                v.title(),
                report.passed,
                report.total,
                case.unwrap_or_default()
            ));
        }
    }
    if let Some(e) = &analysis.syntax_error {
        parts.push(format!("Python cannot parse line {}: {}.", e.line, e.message));
    } else if let Some(time) = analysis.time_complexity {
        let cmp = if time > problem.optimal_time {
            format!("slower than the {} this problem allows", problem.optimal_time)
        } else {
            "as good as the best known bound".to_string()
        };
        parts.push(format!("Your approach runs in {time} time, {cmp}."));
    }
    for f in analysis.confident(0.5).take(2) {
        parts.push(format!(
            "{} (line {}): {}. {}",
            f.kind.title(),
            f.line,
            f.message.trim_end_matches('.'),
            f.suggestion
        ));
    }
    parts.join(" ")
}
