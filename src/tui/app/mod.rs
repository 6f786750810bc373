//! The TUI's state and its pure `update`: a message in, state changed, effects out. The runtime executes
//! the effects (judge runs, database writes, the external editor) and feeds their results back as
//! messages; nothing here does I/O, so tests drive it key by key.
//!
//! This file holds the state and routes each message; what the messages do lives beside it: `keys.rs`
//! (keys, paste, the mouse, the app's actions), `screens.rs` (the dashboard, plan, profile form and help)
//! and `work.rs` (a problem's workspace: runs, verdicts, the tutor, interviews, ex commands). The screens'
//! own state and actions are in their modules (`Workspace::on_action`, `PlanScreen::on_action`,
//! `ProfileForm::on_action`, `ListState`).

use std::collections::HashMap;
use std::time::{Duration, Instant};

use crossterm::event::{KeyEvent, MouseButton, MouseEvent, MouseEventKind};

pub use super::inbox::{Cause, ClipboardReader, Effect, Job, JobError, Judged, LastRun, Msg};
use super::keymap::{Action, Context, Keymap, Lookup};
use super::list::ListState;
use super::pane::{AppCommand, EditOutcome};
pub use super::workspace::{FeedbackState, Interview, Pane, RunMode, Running, Workspace};
pub use work::parse_comment;

mod keys;
mod screens;
mod work;

use crate::problems::{Bank, Problem};
use crate::store::Progress;

/// The status line's notice for milestones just earned: the one with its why, or several by title.
pub fn milestone_notice(earned: &[crate::learner::milestones::Milestone]) -> Option<String> {
    match earned {
        [] => None,
        [m] => Some(format!("★ Milestone: {} — {}", m.title, m.why)),
        many => Some(format!(
            "★ {} milestones: {}",
            many.len(),
            many.iter().map(|m| m.title.as_str()).collect::<Vec<_>>().join(" · ")
        )),
    }
}

/// The status line while the study group is fetched.
pub const FETCHING_GROUP: &str = "fetching your study group…";

/// How long typing may go unsaved: a crash or `kill -9` loses at most this much.
pub const AUTOSAVE: Duration = Duration::from_secs(1);

/// How often the community data syncs in the background while signed in.
pub const SYNC_EVERY: Duration = Duration::from_secs(120);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    List,
    Workspace,
    Dashboard,
    Plan,
    Profile,
    Group,
}

/// Columns one `<C-w>>` or `<C-w><` moves the editor's edge.
const EDITOR_STEP: i16 = 4;

/// The background sync, for the status bar.
#[derive(Debug, Default)]
pub struct SyncView {
    pub running: bool,
    /// Another sync was asked for while one ran (a vote during a sync): run again when it ends.
    pub again: bool,
    pub status: Option<crate::sync::SyncStatus>,
    pub last: Option<Instant>,
}

pub struct App {
    /// Shared with the runtime's background work (plans), which would otherwise parse the bank again.
    pub bank: std::sync::Arc<Bank>,
    pub screen: Screen,
    pub list: ListState,
    pub ws: Option<Workspace>,
    /// Workspaces left for the list keep their state (results, hints) while the app runs.
    parked: HashMap<String, Workspace>,
    pub help: Option<u16>,
    pub keymap: Keymap,
    pub status: Option<String>,
    pub pending_keys: Vec<KeyEvent>,
    pub last_problem: Option<String>,
    pub size: (u16, u16),
    pub now: Instant,
    /// When the app started: animations count their frames from it.
    pub epoch: Instant,
    pub quit: bool,
    /// The learner was told that a draft is not saved; the next quit goes ahead.
    quit_warned: bool,
    pub pane_rects: Vec<(Pane, ratatui::layout::Rect)>,
    /// Where the editor's text was drawn (inside its border), for mouse clicks.
    pub editor_area: Option<ratatui::layout::Rect>,
    /// The colour scheme, which the editor pane also needs for hit-testing.
    pub theme_kind: super::theme::ThemeKind,
    /// Columns added to (or taken from) the editor's own width by `<C-w>>` and `<C-w><`; kept across runs.
    pub editor_cols: i16,
    /// How editors reach the system clipboard: a reader for `"+p` and `clipboard=unnamedplus` (`[ui]`).
    pub clipboard: (Option<ClipboardReader>, bool),
    pub sync: SyncView,
    pub dashboard: Option<super::dashboard::DashboardScreen>,
    pub plan: Option<Box<super::plan_view::PlanScreen>>,
    /// The follow-up questions before a new plan: which one, the answers so far, the line being typed.
    pub plan_questions: Option<(usize, [Option<String>; 3], String)>,
    pub profile_form: Option<Box<super::profile_form::ProfileForm>>,
    pub group: Option<super::group_view::GroupScreen>,
    /// The form edits the active profile (false: it makes a new one).
    profile_editing: bool,
    /// Where Esc on a learner screen goes back to.
    back_to: Screen,
    next_tag: u64,
}

impl App {
    pub fn new(bank: Bank, progress: HashMap<String, Progress>, last_problem: Option<String>, keymap: Keymap) -> App {
        let list = ListState::new(&bank, progress);
        App {
            bank: std::sync::Arc::new(bank),
            screen: Screen::List,
            list,
            ws: None,
            parked: HashMap::new(),
            help: None,
            keymap,
            status: None,
            pending_keys: Vec::new(),
            last_problem,
            size: (80, 24),
            now: Instant::now(),
            epoch: Instant::now(),
            quit: false,
            quit_warned: false,
            pane_rects: Vec::new(),
            editor_area: None,
            theme_kind: super::theme::ThemeKind::Normal,
            clipboard: (None, false),
            editor_cols: 0,
            sync: SyncView::default(),
            dashboard: None,
            plan: None,
            plan_questions: None,
            profile_form: None,
            group: None,
            profile_editing: false,
            back_to: Screen::List,
            next_tag: 1,
        }
    }

    pub fn problem(&self, slug: &str) -> Option<&Problem> {
        self.bank.get(slug)
    }

    /// Where the panes go on the current screen, for the next frame, mouse hits and the editor's scrolling:
    /// computed here, after every message, so that drawing only reads.
    pub fn relayout(&mut self) {
        let area = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
        self.pane_rects.clear();
        self.editor_area = None;
        match self.screen {
            Screen::Workspace => {
                let Some(ws) = self.ws.as_mut() else { return };
                self.pane_rects =
                    super::views::workspace_layout(super::views::workspace_body(area), ws, self.editor_cols);
                if let Some(&(_, rect)) = self.pane_rects.iter().find(|(p, _)| *p == Pane::Editor) {
                    let inner = super::views::pane_inner(rect);
                    ws.editor.set_viewport(inner, self.theme_kind);
                    self.editor_area = Some(inner);
                }
            }
            Screen::Plan => {
                let (body, _) = super::views::plan_area(self, super::views::screen_body(area));
                if let Some(plan) = self.plan.as_deref_mut() {
                    super::plan_view::scroll_into_view(plan, &self.keymap, body);
                }
            }
            Screen::List | Screen::Dashboard | Screen::Profile | Screen::Group => {}
        }
    }

    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        let mut fx = Vec::new();
        match msg {
            Msg::Key(key) => {
                // A status message belongs to the screen it was said on: a key that changes screens and
                // says nothing new clears it.
                let (screen, status) = (self.screen, self.status.clone());
                self.on_key(super::keymap::normalize(key), &mut fx);
                if self.screen != screen && self.status == status {
                    self.status = None;
                }
            }
            Msg::Mouse(m) => self.on_mouse(m),
            Msg::Resize(w, h) => self.size = (w, h),
            Msg::Paste(text) => self.on_paste(&text),
            Msg::Tick(now) => self.on_tick(now, &mut fx),
            Msg::DraftLoaded { slug, code, last } => self.on_draft_loaded(slug, code, last, &mut fx),
            Msg::Judged { tag, result } => self.on_judged(tag, result, &mut fx),
            Msg::Diagnosed { tag, analysis, counterexample, summary } => {
                self.on_diagnosed(tag, *analysis, counterexample.map(|c| *c), summary)
            }
            Msg::History { slug, rows } => {
                if let Some(ws) = self.workspace_mut(&slug) {
                    ws.history = Some(rows);
                    ws.results_scroll = 0;
                }
            }
            Msg::Saved { slug } => {
                if let Some(ws) = self.workspace_mut(&slug) {
                    ws.save_failed = None;
                }
                if let Some(ws) = self.ws.as_mut().filter(|w| w.slug == slug) {
                    ws.editor.mark_saved();
                }
            }
            Msg::SaveFailed { slug, error } => self.on_save_failed(slug, error),
            Msg::FileRead { path, result } => match result {
                Ok(code) => {
                    if let Some(ws) = self.ws.as_mut() {
                        ws.editor.set_text(&code);
                        ws.dirty_since = Some(self.now);
                        self.status = Some(format!("\"{path}\" loaded"));
                    }
                }
                Err(e) => self.status = Some(e.to_string()),
            },
            Msg::Failed { job, error } => self.status = Some(format!("{}: {error}", job.failed())),
            Msg::FileWritten { path, result } => {
                self.status = Some(match result {
                    Ok(()) => format!("\"{path}\" written"),
                    Err(e) => format!("cannot write {path}: {e}"),
                })
            }
            Msg::NoInterview => self.status = Some("no problem to interview on".into()),
            Msg::Nothing => {}
            Msg::ChatLoaded { slug, history, hints_used } => {
                if let Some(ws) = self.workspace_mut(&slug) {
                    ws.chat.load(history);
                    ws.hints_shown = ws.hints_shown.max(hints_used as usize);
                }
            }
            Msg::Chat { tag, event } => self.on_chat(tag, event),
            Msg::Feedback { slug, feedback } => {
                if let Some(ws) = self.workspace_mut(&slug).filter(|w| w.feedback == FeedbackState::Pending) {
                    ws.feedback = FeedbackState::Ready(feedback);
                }
            }
            Msg::Community(community) => self.list.set_community(community),
            Msg::InterviewReady(session) => self.on_interview_ready(session, &mut fx),
            Msg::InterviewScored { slug, readiness } => {
                if let Some(iv) = self.workspace_mut(&slug).and_then(|w| w.interview.as_mut()) {
                    iv.result = Some(readiness);
                }
                fx.push(Effect::CheckMilestones);
            }
            Msg::Recorded { .. } => fx.push(Effect::CheckMilestones),
            Msg::Milestones(earned) => {
                if let Some(notice) = milestone_notice(&earned) {
                    // After what was just said (the verdict that earned it), not instead of it.
                    self.status = Some(match self.status.take() {
                        Some(said) => format!("{said} · {notice}"),
                        None => notice,
                    });
                    fx.push(Effect::MilestonesShown { ids: earned.into_iter().map(|m| m.id).collect() });
                }
            }
            Msg::DashboardReady(data) => {
                // A reload keeps the place; the screen opens where it was left.
                let scroll = self.dashboard.as_ref().map_or(0, |d| d.scroll);
                self.dashboard = Some(super::dashboard::DashboardScreen { data, scroll });
                self.show(Screen::Dashboard);
            }
            Msg::GroupReady(data) => {
                let scroll = self.group.as_ref().filter(|g| g.data.index == data.index).map_or(0, |g| g.scroll);
                self.group = Some(super::group_view::GroupScreen { data, scroll, prompt: None });
                self.show(Screen::Group);
                // The "fetching" notice is done; what a join or a new group said stays.
                if self.status.as_deref() == Some(FETCHING_GROUP) {
                    self.status = None;
                }
            }
            Msg::GroupDone { request, said } => self.on_group_done(request, said, &mut fx),
            Msg::PlanReady { screen, note } => {
                self.plan = Some(screen);
                self.show(Screen::Plan);
                self.status = note;
            }
            Msg::ProfileForm(form) => self.show_profile_form(form),
            Msg::ProfileSaved(result) => self.on_profile_saved(result, &mut fx),
            Msg::NextReady(next) => match next {
                Some((slug, why)) => {
                    self.open(&slug, &mut fx);
                    self.status = Some(format!("next: {why}"));
                }
                None => self.status = Some("nothing to recommend: every problem is solved and no review is due".into()),
            },
            Msg::Comments { slug, comments } => {
                if let Some(ws) = self.workspace_mut(&slug) {
                    ws.comments = comments;
                }
            }
            Msg::Synced { status, community, trending } => {
                if let Some(t) = trending {
                    self.list.set_trending(t);
                }
                self.on_synced(status, community, &mut fx)
            }
        }
        self.relayout();
        fx
    }

    /// The open workspace or a parked one.
    pub fn workspace(&self, slug: &str) -> Option<&Workspace> {
        self.ws.iter().chain(self.parked.values()).find(|w| w.slug == slug)
    }

    fn workspace_mut(&mut self, slug: &str) -> Option<&mut Workspace> {
        self.ws.iter_mut().chain(self.parked.values_mut()).find(|w| w.slug == slug)
    }

    /// Starts a background sync, or queues one behind the sync that is running.
    pub fn request_sync(&mut self, fx: &mut Vec<Effect>) {
        if self.sync.running {
            self.sync.again = true;
        } else {
            self.sync.running = true;
            fx.push(Effect::Sync);
        }
    }

    /// Whether the tutor pane's question line has the keyboard.
    pub fn asking(&self) -> bool {
        self.ws.as_ref().is_some_and(|w| w.chat.input.is_some())
    }

    /// Whether a run is in flight, for the spinner.
    pub fn running(&self) -> Option<&Running> {
        self.ws.as_ref().and_then(|w| w.running.as_ref())
    }

    /// Something animates (a run or a streaming reply): redraw often.
    pub fn animating(&self) -> bool {
        self.ws.as_ref().is_some_and(|w| w.running.is_some() || w.diagnosing.is_some() || w.chat.busy())
    }

    /// The spinner's frame at the last tick: it turns as ticks come (one frame per 80 ms).
    pub fn spinner(&self) -> &'static str {
        const SPINNER: &[&str] = &["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
        SPINNER[(self.now.saturating_duration_since(self.epoch).as_millis() / 80) as usize % SPINNER.len()]
    }
}
