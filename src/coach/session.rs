//! One chat turn from question to stored reply ([`ask`]), and [`spawn_chat`], which runs a turn on its own
//! thread for the TUI.

use std::path::PathBuf;

use tokio_util::sync::CancellationToken;

use super::client::{ChatCall, LlmClient, Usage};
use super::guard::Guard;
use super::{budget, intent, prompt, retrieve, tutor};
use super::{ChatEvent, ChatRequest, Coach, Grounding, Intent, OfflineReason, Reply, Source, Turn, HISTORY_TURNS};
use crate::store::{NewChatMessage, Store, StoreError};

/// Most tokens a chat reply may use.
pub const MAX_REPLY_TOKENS: u32 = 600;
/// Passages sent with a question, and the least similarity worth sending.
const PASSAGES: usize = 3;
const MIN_SIMILARITY: f64 = 0.08;

pub(super) async fn ask(
    coach: &Coach,
    store: &Store,
    req: &ChatRequest,
    cancel: &CancellationToken,
    on_event: &mut dyn FnMut(ChatEvent),
) -> Result<Reply, StoreError> {
    let turn = plan(coach, store, req, cancel).await?;
    let g = &req.grounding;
    let mut reply = Reply {
        problem: g.problem.slug.clone(),
        source: Source::Offline,
        offline_reason: None,
        offline_code: None,
        text: String::new(),
        intent: turn.intent,
        hint_number: turn.hint,
        hints_used: turn.hints_seen,
        hints_total: g.problem.hints.len() as u32,
        model: None,
        cached: false,
        held_back: 0,
        question_truncated: turn.truncated_from > 0,
        partial: false,
        cancelled: false,
        solution_shown: false,
        passages: turn.passages.iter().map(|p| p.id.clone()).collect(),
        prompt_tokens: 0,
        completion_tokens: 0,
    };
    let lead = if turn.truncated_from > 0 {
        format!("{}\n\n", prompt::truncation_note(turn.truncated_from))
    } else {
        String::new()
    };
    let fallback = match &coach.llm {
        Ok(client) => online(coach, store, client, g, &turn, &lead, &mut reply, cancel, on_event).await?,
        Err(reason) => Some(reason.clone()),
    };
    if let Some(reason) = fallback {
        let answer = tutor::answer(g, &turn);
        let started = reply.source == Source::Llm;
        let text = if !started {
            on_event(ChatEvent::Started { source: Source::Offline, model: None });
            format!("{lead}offline: {reason}\n\n{}", answer.text)
        } else if reply.text.len() == lead.len() {
            format!("offline: {reason}\n\n{}", answer.text)
        } else {
            reply.partial = true;
            format!("\n\n[The reply broke off. offline: {reason}; the offline tutor takes over.]\n\n{}", answer.text)
        };
        reply.text.push_str(&text);
        on_event(ChatEvent::Text(text));
        reply.source = Source::Offline;
        reply.offline_code = Some(reason.code().to_string());
        reply.offline_reason = Some(reason.to_string());
        reply.solution_shown = answer.solution_shown;
    }
    record(store, req, &turn, &mut reply)?;
    on_event(ChatEvent::Done(reply.clone()));
    Ok(reply)
}

/// Works out the turn: intent, hint, whether a solution may be shown, passages, history.
async fn plan(coach: &Coach, store: &Store, req: &ChatRequest, cancel: &CancellationToken) -> Result<Turn, StoreError> {
    let g = &req.grounding;
    let (question, cut) = prompt::clip_question(&req.question);
    let intent = if question.is_empty() { Intent::NextHint } else { intent::classify(&question) };
    let gave_up = req.give_up || intent::gives_up(&question);
    let allow_solution = intent == Intent::Solution && (g.solved || gave_up || !coach.socratic);
    let hints_seen = store.hints_used(&g.problem.slug)?;
    let wants_hint = intent == Intent::NextHint || (intent == Intent::Solution && !allow_solution);
    let mut hint = (wants_hint && (hints_seen as usize) < g.problem.hints.len()).then_some(hints_seen + 1);
    // A hint whose idea the code already shows is passed over (never the last one).
    let mut taken = Vec::new();
    while let (Some(n), Some(code)) = (hint, g.code.as_deref()) {
        let Some(ideas) = (n < g.problem.hints.len() as u32)
            .then(|| super::hints::taken(&g.problem.hints[n as usize - 1], code))
            .flatten()
        else {
            break;
        };
        taken.push((n, ideas));
        hint = Some(n + 1);
    }
    let history = store.chat_history(&g.problem.slug, HISTORY_TURNS)?;
    let mut passages = passages(coach, store, g, &question, cancel).await?;
    if intent == Intent::ExplainPattern {
        // The problem's own topic note explains its pattern best; retrieval adds what the code suggests.
        let topic: Vec<retrieve::Passage> = retrieve::note_passages(&g.problem.topic).into_iter().take(2).collect();
        passages.retain(|p| !topic.iter().any(|t| t.id == p.id));
        passages.splice(0..0, topic);
        passages.truncate(PASSAGES + 1);
    }
    if !allow_solution {
        // Notes carry worked examples; one of them may solve this very problem.
        let sig = &g.problem.signature;
        for p in &mut passages {
            let note = format!("[worked example left out: see `codify note {}` once you have solved it]", p.note);
            p.text = super::guard::scrub(&p.text, &sig.class, sig.method.as_deref(), &g.problem.solution, &note);
        }
    }
    Ok(Turn {
        intent,
        question,
        truncated_from: if cut { req.question.chars().count() } else { 0 },
        hint,
        hints_seen,
        taken,
        allow_solution,
        passages,
        history,
    })
}

/// The passages closest to the question, the problem and the findings: by the remote embedder when one is
/// configured and answers, else by the local one.
async fn passages(
    coach: &Coach,
    store: &Store,
    g: &Grounding,
    question: &str,
    cancel: &CancellationToken,
) -> Result<Vec<retrieve::Passage>, StoreError> {
    let p = &g.problem;
    let mut query = format!("{question}\n{} {} {}", p.title, p.topic, p.patterns.join(" "));
    for f in g.analysis.iter().flat_map(|a| a.confident(0.5)) {
        query.push_str(&format!("\n{} {}", f.kind.title(), f.message));
    }
    let remote = coach.llm.as_ref().ok().filter(|c| c.endpoint.embedding_model.is_some());
    let remote_name = remote.map(retrieve::remote_name);
    retrieve::ensure_local_index(store, None, remote_name.as_deref())?;
    let mut hits = None;
    if let Some(client) = remote {
        let found = match retrieve::ensure_remote_index(store, client, None, cancel).await {
            Ok(()) => retrieve::search_remote(store, client, &query, PASSAGES, cancel).await,
            Err(e) => Err(e),
        };
        match found {
            Ok(found) => hits = Some(found),
            Err(retrieve::IndexError::Store(e)) => return Err(e),
            Err(retrieve::IndexError::Embed(_)) => {} // the local index answers instead
        }
    }
    let hits = match hits {
        Some(h) => h,
        None => retrieve::search_local(store, &query, PASSAGES)?,
    };
    Ok(hits.into_iter().filter(|(_, s)| *s >= MIN_SIMILARITY).map(|(p, _)| p).collect())
}

/// Asks the model (or the cache). `Some(reason)` hands the turn to the offline tutor; text shown so far is
/// in `reply.text`.
#[allow(clippy::too_many_arguments)]
async fn online(
    coach: &Coach,
    store: &Store,
    client: &LlmClient,
    g: &Grounding,
    turn: &Turn,
    lead: &str,
    reply: &mut Reply,
    cancel: &CancellationToken,
    on_event: &mut dyn FnMut(ChatEvent),
) -> Result<Option<OfflineReason>, StoreError> {
    let model = budget::route(&client.endpoint, g).to_string();
    let messages = prompt::build(g, turn);
    let estimate = budget::estimate_tokens(&messages) + u64::from(MAX_REPLY_TOKENS);
    if let Some(used) = budget::over_budget(store, coach.daily_token_budget, estimate)? {
        return Ok(Some(OfflineReason::BudgetSpent { used, budget: coach.daily_token_budget }));
    }
    let socratic = coach.socratic && !turn.allow_solution;
    let key = budget::cache_key(&client.endpoint.base_url, &format!("{model} socratic={socratic}"), &messages);
    let now = crate::clock::now_ms();
    reply.model = Some(model.clone());
    reply.source = Source::Llm;
    on_event(ChatEvent::Started { source: Source::Llm, model: Some(model.clone()) });
    let mut push = |text: &str, reply: &mut Reply| {
        if !text.is_empty() {
            reply.text.push_str(text);
            on_event(ChatEvent::Text(text.to_string()));
        }
    };
    push(lead, reply);
    if let Some((_, text)) = store.cached_reply(&key, now, budget::CACHE_TTL_MS)? {
        reply.cached = true;
        push(&text, reply);
        return Ok(None);
    }
    let sig = &g.problem.signature;
    let mut guard = Guard::new(socratic, &sig.class, sig.method.as_deref(), &g.problem.solution);
    let call = ChatCall { model, messages, temperature: 0.3, max_tokens: MAX_REPLY_TOKENS };
    let prompt_estimate = budget::estimate_tokens(&call.messages);
    let start = reply.text.len();
    let result = client.stream_chat(&call, cancel, &mut |piece| push(&guard.push(piece), reply)).await;
    let tail = guard.finish();
    reply.held_back = guard.held_back();
    let streamed = reply.text.len() > start;
    match result {
        Ok(done) => {
            push(&tail, reply);
            if done.finish_reason.as_deref() == Some("length") {
                push("\n\n(The reply reached its length limit.)", reply);
            }
            let usage = done.usage.unwrap_or(Usage {
                prompt_tokens: prompt_estimate,
                completion_tokens: done.text.chars().count() as u64 / 4 + 1,
            });
            reply.prompt_tokens = usage.prompt_tokens;
            reply.completion_tokens = usage.completion_tokens;
            store.record_usage(now, usage.prompt_tokens, usage.completion_tokens)?;
            store.cache_reply(&key, call.model.as_str(), &reply.text[start..], now, budget::CACHE_TTL_MS)?;
            Ok(None)
        }
        Err(e) => {
            if streamed {
                // Tokens were spent even though the reply broke off.
                let completion = reply.text[start..].chars().count() as u64 / 4 + 1;
                store.record_usage(now, prompt_estimate, completion)?;
            }
            if e == super::LlmError::Cancelled {
                reply.cancelled = true;
                push(if streamed { " [stopped]" } else { "[stopped]" }, reply);
                return Ok(None);
            }
            push(&tail, reply);
            Ok(Some(OfflineReason::Failed(e)))
        }
    }
}

/// Stores the question and the reply, and counts a hint given or a solution shown.
fn record(store: &Store, req: &ChatRequest, turn: &Turn, reply: &mut Reply) -> Result<(), StoreError> {
    let slug = &req.grounding.problem.slug;
    let asked = if turn.question.is_empty() { "Next hint, please." } else { turn.question.as_str() };
    let asked = if turn.truncated_from > 0 { format!("{asked} […]") } else { asked.to_string() };
    store.add_chat_message(&NewChatMessage { problem: slug, text: &asked, ..Default::default() })?;
    store.add_chat_message(&NewChatMessage {
        problem: slug,
        tutor: true,
        text: &reply.text,
        source: Some(reply.source.as_str()),
        offline_reason: reply.offline_reason.as_deref(),
        model: reply.model.as_deref(),
        hint_number: reply.hint_number,
    })?;
    let given = !reply.cancelled || reply.text.len() > "[stopped]".len();
    if let Some(n) = reply.hint_number.filter(|_| given) {
        reply.hints_used = reply.hints_used.max(n);
        store.set_hints_used(slug, reply.hints_used)?;
    }
    if turn.allow_solution && (reply.source == Source::Llm || reply.solution_shown) {
        reply.solution_shown = true;
        store.mark_solution_seen(slug)?;
        if !req.grounding.solved {
            // Giving up counts as having used every hint.
            reply.hints_used = reply.hints_used.max(reply.hints_total);
            store.set_hints_used(slug, reply.hints_used)?;
        }
    }
    Ok(())
}

/// A turn running on its own thread. Dropping the handle cancels the turn.
pub struct ChatHandle {
    cancel: CancellationToken,
}

impl ChatHandle {
    /// Stops the turn: the model's stream is dropped at once, and `Done` arrives with `cancelled` set.
    pub fn cancel(&self) {
        self.cancel.cancel();
    }

    pub fn token(&self) -> CancellationToken {
        self.cancel.clone()
    }
}

impl Drop for ChatHandle {
    fn drop(&mut self) {
        self.cancel.cancel();
    }
}

/// Runs one turn on a new thread with its own runtime and database connection; events go to `on_event`
/// (which the TUI makes send a tagged message to its inbox). Ends with `Done` or `Failed`.
pub fn spawn_chat(
    coach: Coach,
    db: PathBuf,
    req: ChatRequest,
    on_event: impl FnMut(ChatEvent) + Send + 'static,
) -> std::io::Result<ChatHandle> {
    let cancel = CancellationToken::new();
    let token = cancel.clone();
    std::thread::Builder::new().name("codify-chat".into()).spawn(move || {
        let mut on_event = on_event;
        let rt = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
            Ok(rt) => rt,
            Err(e) => return on_event(ChatEvent::Failed(format!("cannot start the tutor: {e}"))),
        };
        let mut req = req;
        let result = Store::open(&db).and_then(|store| {
            req.grounding.load_record(&store)?;
            rt.block_on(coach.ask(&store, &req, &token, &mut on_event))
        });
        if let Err(e) = result {
            on_event(ChatEvent::Failed(e.to_string()));
        }
    })?;
    Ok(ChatHandle { cancel })
}
