//! The tutor (issue 5): a hint chat per problem that teaches rather than solves, with any
//! OpenAI-compatible model or fully offline; and short feedback after a submission.
//!
//! One turn ([`Coach::ask`]): read the question (clipped, classified into an [`Intent`]), give the
//! problem's next prepared hint first when one is asked for, retrieve the closest knowledge passages,
//! then answer — from the cache when the identical request was answered before, else from the model
//! (streamed through the solution-dump [`guard`]), else from the offline [`tutor`], which also takes over,
//! saying why, whenever the model is not configured, fails or the day's token budget is spent. The turn is
//! stored in the chat history, hints used are counted where submissions read them.
//!
//! Front ends receive [`ChatEvent`]s through a callback: `Started`, then `Text` pieces whose concatenation
//! is exactly the final [`Reply::text`], then `Done`. The TUI runs a turn with [`spawn_chat`] (its own
//! thread and runtime, cancellable through the returned handle) and tags the events it forwards to its
//! inbox, so an abandoned turn's late events are dropped by tag.

pub mod budget;
pub mod client;
pub mod endpoint;
pub mod error;
mod feedback;
pub mod guard;
pub mod hints;
pub mod intent;
pub mod plan_llm;
pub mod planner;
pub mod prompt;
pub mod retrieve;
mod session;
pub mod tutor;

pub use budget::{budget_status, BudgetStatus};
pub use client::LlmClient;
pub use endpoint::{Endpoint, Retry, Timeouts};
pub use error::{LlmError, OfflineReason, Stage};
pub use feedback::{feedback, feedback_blocking, Feedback};
pub use intent::Intent;
pub use retrieve::{similar, Passage, Related};
pub use session::{spawn_chat, ChatHandle};
pub use tokio_util::sync::CancellationToken;

use serde::Serialize;

use crate::analysis::Analysis;
use crate::config::LlmConfig;
use crate::judge::Report;
use crate::problems::Problem;
use crate::store::{ChatMessage, Store, StoreError};

/// Messages of earlier turns sent with a question.
pub const HISTORY_TURNS: usize = 6;

/// What the tutor knows about the learner's situation.
#[derive(Debug, Clone)]
pub struct Grounding {
    pub problem: Problem,
    /// The learner's current code, if any.
    pub code: Option<String>,
    /// The latest run of that code.
    pub report: Option<Report>,
    pub analysis: Option<Analysis>,
    /// The smallest input the code fails, from the diagnosis of that run.
    pub counterexample: Option<crate::analysis::Counterexample>,
    /// A short summary of the learner's measured weaknesses, from the learner model.
    pub weaknesses: Option<String>,
    /// The learner has an accepted submission for this problem.
    pub solved: bool,
    /// Failed submissions since the last accepted one (routes to `model_complex` at 3).
    pub recent_failures: u32,
}

impl Grounding {
    /// Sets `solved` and `recent_failures` from the stored submissions of the problem.
    pub fn load_record(&mut self, store: &Store) -> Result<(), StoreError> {
        let subs = store.submissions_for(&self.problem.slug)?;
        self.solved = subs.iter().any(|s| s.verdict == crate::judge::Verdict::Accepted);
        self.recent_failures = subs.iter().take_while(|s| s.verdict != crate::judge::Verdict::Accepted).count() as u32;
        Ok(())
    }

    pub fn new(problem: Problem) -> Grounding {
        Grounding {
            problem,
            code: None,
            report: None,
            analysis: None,
            counterexample: None,
            weaknesses: None,
            solved: false,
            recent_failures: 0,
        }
    }
}

/// One question to the tutor.
#[derive(Debug, Clone)]
pub struct ChatRequest {
    pub grounding: Grounding,
    /// Free text; empty asks for the next hint.
    pub question: String,
    /// The learner gave up (a TUI command); saying "I give up" in the question does the same.
    pub give_up: bool,
}

/// What one turn is about, worked out before anything is sent (used by the prompt and the offline tutor).
#[derive(Debug, Clone)]
pub struct Turn {
    pub intent: Intent,
    /// The question as read, clipped to [`prompt::MAX_QUESTION_CHARS`].
    pub question: String,
    /// The original length in characters when the question was clipped, else 0.
    pub truncated_from: usize,
    /// The prepared hint given in this turn (1-based).
    pub hint: Option<u32>,
    /// Prepared hints seen before this turn.
    pub hints_seen: u32,
    /// Hints passed over because the code already shows their idea: (number, the ideas).
    pub taken: Vec<(u32, Vec<&'static str>)>,
    /// A full solution may be shown: asked for explicitly, after solving or giving up.
    pub allow_solution: bool,
    pub passages: Vec<Passage>,
    pub history: Vec<ChatMessage>,
}

/// Where a reply came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    Llm,
    Offline,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Llm => "llm",
            Source::Offline => "offline",
        }
    }
}

/// The outcome of one turn (also the JSON of `codify hint --json`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reply {
    pub problem: String,
    /// `llm` when the model's reply (or its cached copy) is the answer, `offline` otherwise.
    pub source: Source,
    /// Why the offline tutor answered (also when it took over from a reply that broke off).
    pub offline_reason: Option<String>,
    /// A stable name for that reason: `not_configured`, `unauthorized`, `budget_spent`, ...
    pub offline_code: Option<String>,
    #[serde(rename = "reply")]
    pub text: String,
    pub intent: Intent,
    pub hint_number: Option<u32>,
    pub hints_used: u32,
    pub hints_total: u32,
    pub model: Option<String>,
    pub cached: bool,
    /// Code blocks held back because they looked like a complete solution.
    pub held_back: u32,
    pub question_truncated: bool,
    /// The model's reply broke off and the offline tutor finished the answer.
    pub partial: bool,
    pub cancelled: bool,
    pub solution_shown: bool,
    /// Knowledge passages given to the tutor.
    pub passages: Vec<String>,
    pub prompt_tokens: u64,
    pub completion_tokens: u64,
}

/// What a turn reports while it runs.
#[derive(Debug, Clone, PartialEq)]
pub enum ChatEvent {
    /// The turn began; `model` is set when a model is asked.
    Started {
        source: Source,
        model: Option<String>,
    },
    /// The next piece of the reply, to append.
    Text(String),
    Done(Reply),
    /// The turn could not run at all (the database failed); nothing was stored.
    Failed(String),
}

/// The tutor's configuration: a client when a model is configured, or the reason there is none.
#[derive(Clone)]
pub struct Coach {
    pub llm: Result<LlmClient, OfflineReason>,
    pub daily_token_budget: u64,
    /// Off only for tests and power users: lets the model write full solutions.
    pub socratic: bool,
}

impl Coach {
    /// From `[llm]`, reading the key from the process environment.
    pub fn from_config(cfg: &LlmConfig) -> Coach {
        Coach::with_env(cfg, |k| std::env::var(k).ok())
    }

    pub fn with_env(cfg: &LlmConfig, env: impl Fn(&str) -> Option<String>) -> Coach {
        let llm = Endpoint::resolve(cfg, env).and_then(LlmClient::new);
        Coach { llm, daily_token_budget: cfg.daily_token_budget, socratic: true }
    }

    pub fn from_endpoint(endpoint: Endpoint, daily_token_budget: u64) -> Coach {
        Coach { llm: LlmClient::new(endpoint), daily_token_budget, socratic: true }
    }

    /// Runs one turn; see the module docs. Only a database failure is an error: every model failure falls
    /// back to the offline tutor.
    pub async fn ask(
        &self,
        store: &Store,
        req: &ChatRequest,
        cancel: &CancellationToken,
        on_event: &mut dyn FnMut(ChatEvent),
    ) -> Result<Reply, StoreError> {
        session::ask(self, store, req, cancel, on_event).await
    }
}

/// The stored chat about `problem`, oldest first, for display when the learner returns.
pub fn history(store: &Store, problem: &str, limit: usize) -> Result<Vec<ChatMessage>, StoreError> {
    store.chat_history(problem, limit)
}
