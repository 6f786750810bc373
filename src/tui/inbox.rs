//! The TUI's inbox and outbox: the work the app asks of the runtime ([`Effect`]) and what comes back
//! ([`Msg`]), with the named results and errors they carry. Nothing here does I/O.

use std::collections::HashMap;
use std::time::Instant;

use crossterm::event::{KeyEvent, MouseEvent};

use super::workspace::RunMode;
use crate::judge::Report;

/// Background work the app asked for, named so that a failure says what did not happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    TutorHistory,
    Comments,
    Interview,
    InterviewScore,
    Dashboard,
    Profile,
    Progression,
    Ranking,
    Plan,
    Submission,
    Vote,
    Comment,
    History,
    Layout,
    DeleteDraft,
    RememberLast,
    Milestones,
}

impl Job {
    /// What the learner is told did not happen.
    pub fn failed(self) -> &'static str {
        match self {
            Job::TutorHistory => "could not read the tutor's history",
            Job::Comments => "could not read the comments",
            Job::Interview => "could not start the interview",
            Job::InterviewScore => "could not keep the interview's score",
            Job::Dashboard => "could not build the dashboard",
            Job::Profile => "could not read your profile",
            Job::Progression => "the topic progression is unreadable",
            Job::Ranking => "could not rank the problems",
            Job::Plan => "no plan",
            Job::Submission => "this submission was not recorded",
            Job::Vote => "could not record the vote",
            Job::Comment => "could not record the comment",
            Job::History => "could not read your submissions",
            Job::Layout => "could not keep the pane sizes",
            Job::DeleteDraft => "could not remove the draft",
            Job::RememberLast => "could not remember the last problem",
            Job::Milestones => "could not check your milestones",
        }
    }
}

/// Why a run brought no report: cancelled (say nothing), or failed (say why).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JobError {
    #[error("cancelled")]
    Cancelled,
    #[error("{0}")]
    Failed(Cause),
}

/// Why background work failed: the error as it was raised, kept typed (and cheap to clone) until the
/// status line says it. Nothing decides on its text; what the app decides on is a type ([`JobError`]).
#[derive(Debug, Clone)]
pub struct Cause(std::sync::Arc<dyn std::error::Error + Send + Sync + 'static>);

impl Cause {
    pub fn new(error: impl std::error::Error + Send + Sync + 'static) -> Cause {
        Cause(std::sync::Arc::new(error))
    }

    /// A failure the app describes itself (an editor that exited with an error, a missing problem).
    pub fn said(text: impl Into<String>) -> Cause {
        Cause::new(Said(text.into()))
    }
}

impl From<&str> for Cause {
    fn from(text: &str) -> Cause {
        Cause::said(text)
    }
}

impl std::fmt::Display for Cause {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for Cause {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.source()
    }
}

/// Two causes are the same failure when they say the same (for tests and de-duplication).
impl PartialEq for Cause {
    fn eq(&self, other: &Cause) -> bool {
        self.to_string() == other.to_string()
    }
}

impl Eq for Cause {}

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct Said(String);

/// Reads the system clipboard (`"+p`).
pub type ClipboardReader = fn() -> Option<String>;

/// Work for the runtime.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Text for the system clipboard (OSC 52).
    Clipboard(String),
    Judge {
        tag: u64,
        slug: String,
        code: String,
        mode: RunMode,
    },
    CancelJudge {
        tag: u64,
    },
    LoadDraft {
        slug: String,
    },
    SaveDraft {
        slug: String,
        code: String,
    },
    DeleteDraft {
        slug: String,
    },
    RememberLast {
        slug: String,
    },
    /// The past submissions of a problem, for [`Msg::History`].
    LoadHistory {
        slug: String,
    },
    /// The editor column's width adjustment, kept for the next run.
    RememberLayout {
        editor_cols: i16,
    },
    /// The stored conversation with the tutor about a problem, for [`Msg::ChatLoaded`].
    LoadChat {
        slug: String,
    },
    /// One turn with the tutor: an empty question asks for the next hint. The runtime takes the latest
    /// report and analysis from the workspace; events come back as [`Msg::Chat`].
    Chat {
        tag: u64,
        slug: String,
        question: String,
        give_up: bool,
        code: String,
    },
    CancelChat {
        tag: u64,
    },
    /// Record a vote in the outbox (synced in the background).
    Vote {
        slug: String,
        vote: crate::sync::wire::Vote,
    },
    Comment {
        slug: String,
        text: String,
        tag: Option<crate::sync::wire::Tag>,
    },
    /// The problem's comments, for [`Msg::Comments`].
    LoadComments {
        slug: String,
    },
    /// Push the outbox and pull aggregates on a background thread; ends with [`Msg::Synced`].
    Sync,
    /// Pick a problem for the profile and start a session; answered by [`Msg::InterviewReady`].
    StartInterview,
    /// Score a finished session and keep its readiness; answered by [`Msg::InterviewScored`].
    FinishInterview {
        slug: String,
        session: crate::learner::interview::Session,
        outcome: crate::learner::interview::Outcome,
    },
    /// The top of the next-problem queue; answered by [`Msg::NextReady`].
    PickNext,
    /// Bring the milestones up to date with the history (after a submission or an interview, and on start);
    /// answered by [`Msg::Milestones`] with the ones not shown yet.
    CheckMilestones,
    /// The milestones' notice was on screen: they are not announced again.
    MilestonesShown {
        ids: Vec<String>,
    },
    /// Build the dashboard from the store (synchronously: it is the first frame of its screen).
    LoadDashboard,
    /// Fetch study group `index` (of the learner's groups) from the server on a background thread;
    /// answered by [`Msg::GroupReady`].
    LoadGroup {
        index: usize,
    },
    /// Join, create or invite on the server (a background thread); answered by [`Msg::GroupDone`].
    GroupRequest(super::group_view::Request),
    /// The active profile's plan, made first when there is none or when `answers` ask for a new one (a
    /// background thread: the model may take a while); answered by [`Msg::PlanReady`].
    LoadPlan {
        regenerate: Option<[Option<String>; 3]>,
    },
    /// The intake form for the active profile (or a new one); answered by [`Msg::ProfileForm`].
    OpenProfileForm,
    /// Create (`new`) or update a profile from the form; answered by [`Msg::ProfileSaved`].
    SaveProfile {
        name: String,
        intake: Box<crate::learner::Intake>,
        new: bool,
    },
    WriteFile {
        path: String,
        code: String,
    },
    ReadFile {
        path: String,
    },
    External {
        slug: String,
        code: String,
    },
    Quit,
}

/// Everything that can happen to the app.
#[derive(Debug)]
pub enum Msg {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Resize(u16, u16),
    /// A bracketed paste: the whole text at once, inserted as one change without auto-indent.
    Paste(String),
    Tick(Instant),
    DraftLoaded {
        slug: String,
        code: Option<String>,
        /// The latest submission of the problem, shown in an empty results pane after a restart.
        last: Option<Box<LastRun>>,
    },
    /// A finished run with its analysis (boxed: reports are large and messages are many).
    Judged {
        tag: u64,
        result: Result<Box<Judged>, JobError>,
    },
    /// The diagnosis of a failed run (issue 15): the analysis with its findings, and the smallest failing
    /// input found.
    Diagnosed {
        tag: u64,
        analysis: Box<crate::analysis::Analysis>,
        counterexample: Option<Box<crate::analysis::Counterexample>>,
        /// What the fix search says when it found nothing ([`crate::diagnose::Diagnosis::summary`]).
        summary: Option<String>,
    },
    Saved {
        slug: String,
    },
    /// A problem's past submissions, newest first (`:history`).
    History {
        slug: String,
        rows: Vec<crate::store::StoredSubmission>,
    },
    /// A draft could not be saved (a read-only home, a full disk): the workspace shows it, and quitting asks
    /// twice.
    SaveFailed {
        slug: String,
        error: Cause,
    },
    FileRead {
        path: String,
        result: Result<String, Cause>,
    },
    /// Background work failed: the status line says what did not happen, and why.
    Failed {
        job: Job,
        error: Cause,
    },
    /// `:w FILE` finished.
    FileWritten {
        path: String,
        result: Result<(), Cause>,
    },
    /// An interview was asked for, but no problem is left to interview on.
    NoInterview,
    /// Background work done with nothing to say.
    Nothing,
    ChatLoaded {
        slug: String,
        history: Vec<crate::store::ChatMessage>,
        hints_used: u32,
    },
    Chat {
        tag: u64,
        event: crate::coach::ChatEvent,
    },
    /// Feedback on a submission, which arrives after its report (the model may take a few seconds).
    Feedback {
        slug: String,
        feedback: crate::coach::Feedback,
    },
    /// Community counts changed here (a vote, a comment).
    Community(HashMap<String, crate::sync::signal::Signal>),
    Comments {
        slug: String,
        comments: Vec<crate::store::LocalComment>,
    },
    InterviewReady(crate::learner::interview::Session),
    DashboardReady(Box<crate::learner::Dashboard>),
    GroupReady(Box<super::group_view::GroupData>),
    /// A group request ended: what to say, or why it failed.
    GroupDone {
        request: super::group_view::Request,
        said: Result<String, String>,
    },
    PlanReady {
        screen: Box<super::plan_view::PlanScreen>,
        /// What to say about how the plan was made (offline and why, a rejected model reply).
        note: Option<String>,
    },
    ProfileForm(Box<super::profile_form::ProfileForm>),
    /// The form was saved (Ok: what to say) or refused (the field and why).
    ProfileSaved(Result<String, (super::profile_form::Field, Cause)>),
    InterviewScored {
        slug: String,
        readiness: Vec<crate::learner::interview::TopicReadiness>,
    },
    /// A submission was stored (its milestones can be checked now).
    Recorded {
        slug: String,
    },
    /// Milestones earned and not shown yet, oldest first.
    Milestones(Vec<crate::learner::milestones::Milestone>),
    /// The next recommended problem and why (None: nothing left to recommend).
    NextReady(Option<(String, String)>),
    /// A background sync ended, with the counts as they are now.
    Synced {
        status: crate::sync::SyncStatus,
        /// None when the database could not be read: the counts shown stay.
        community: Option<HashMap<String, crate::sync::signal::Signal>>,
        /// Trending scores as pulled (None when unreadable: the ones shown stay).
        trending: Option<HashMap<String, f64>>,
    },
}

/// The latest stored submission of a problem: the code, its report and its analysis.
#[derive(Debug, Clone)]
pub struct LastRun {
    pub code: String,
    pub report: Report,
    pub analysis: Option<crate::analysis::Analysis>,
}

/// A finished run: its report, the analysis of the code, and whether a diagnosis of the failure follows
/// ([`Msg::Diagnosed`]).
#[derive(Debug, Clone)]
pub struct Judged {
    pub report: Report,
    pub analysis: Option<crate::analysis::Analysis>,
    pub diagnosing: bool,
}

impl Judged {
    pub fn new(report: Report, analysis: Option<crate::analysis::Analysis>) -> Judged {
        Judged { report, analysis, diagnosing: false }
    }
}
