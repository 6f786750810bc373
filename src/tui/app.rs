//! The TUI's state and its pure `update`: a message in, state changed, effects out. The runtime executes
//! the effects (judge runs, database writes, the external editor) and feeds their results back as
//! messages; nothing here does I/O, so tests drive it key by key.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use crossterm::event::{KeyEvent, MouseButton, MouseEvent, MouseEventKind};

pub use super::inbox::{ClipboardReader, Effect, Job, JobError, Judged, LastRun, Msg};
use super::keymap::{Action, Context, Keymap, Lookup};
use super::list::ListState;
use super::pane::{AppCommand, EditOutcome};
pub use super::workspace::{FeedbackState, Interview, Pane, RunMode, Running, Workspace};
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
    pub dashboard: Option<Box<crate::learner::Dashboard>>,
    pub dashboard_scroll: u16,
    pub plan: Option<Box<super::plan_view::PlanScreen>>,
    /// The follow-up questions before a new plan: which one, the answers so far, the line being typed.
    pub plan_questions: Option<(usize, [Option<String>; 3], String)>,
    pub profile_form: Option<Box<super::profile_form::ProfileForm>>,
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
            dashboard_scroll: 0,
            plan: None,
            plan_questions: None,
            profile_form: None,
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
            Screen::List | Screen::Dashboard | Screen::Profile => {}
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
            Msg::Tick(now) => {
                self.now = now;
                self.autosave(false, &mut fx);
                let signed_in = !matches!(self.sync.status, Some(crate::sync::SyncStatus::LocalOnly { .. }));
                let due = self.sync.last.is_some_and(|t| now.duration_since(t) >= SYNC_EVERY);
                if signed_in && due {
                    self.request_sync(&mut fx);
                }
                let expired = self.ws.iter().chain(self.parked.values()).find_map(|w| {
                    let iv = w.interview.as_ref().filter(|iv| iv.running())?;
                    iv.remaining(now).is_zero().then(|| w.slug.clone())
                });
                if let Some(slug) = expired {
                    self.finish_interview(&slug, "time is up", &mut fx);
                }
            }
            Msg::DraftLoaded { slug, code, last } => {
                if let Some(ws) = self.ws.as_mut().filter(|w| w.slug == slug) {
                    if let Some(code) = code {
                        ws.editor.load_text(&code);
                    }
                    ws.loaded = true;
                    // After a restart the last verdict is still there (and the tutor's first request has it).
                    if let Some(last) = last.filter(|_| ws.report.is_none() && ws.running.is_none()) {
                        let LastRun { code, report, analysis } = *last;
                        ws.selected_case = report.cases.iter().position(|c| !c.passed).unwrap_or(0);
                        ws.report = Some((RunMode::Submit, report));
                        ws.analysis = analysis;
                        ws.ran_code = Some(code);
                    }
                    let early = std::mem::take(&mut ws.early_keys);
                    for key in early {
                        self.editor_key(key, &mut fx);
                    }
                }
                self.note_earlier_draft();
            }
            Msg::Judged { tag, result } => self.on_judged(tag, result, &mut fx),
            Msg::Diagnosed { tag, analysis, counterexample, summary } => {
                let ws = self.ws.iter_mut().chain(self.parked.values_mut()).find(|w| w.diagnosing == Some(tag));
                if let Some(ws) = ws {
                    ws.diagnosing = None;
                    ws.analysis = Some(*analysis);
                    ws.counterexample = counterexample.map(|c| *c);
                    ws.diagnosis_summary = summary;
                }
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
            Msg::SaveFailed { slug, error } => {
                if let Some(ws) = self.workspace_mut(&slug) {
                    ws.save_failed = Some(error.clone());
                }
                self.status = Some(format!("could not save the draft of {slug}: {error}"));
                // A quit under way stops here: it would lose the draft without a word.
                if self.quit {
                    self.quit = false;
                    self.warn_unsaved();
                }
            }
            Msg::FileRead { path, result } => match result {
                Ok(code) => {
                    if let Some(ws) = self.ws.as_mut() {
                        ws.editor.set_text(&code);
                        ws.dirty_since = Some(self.now);
                        self.status = Some(format!("\"{path}\" loaded"));
                    }
                }
                Err(e) => self.status = Some(e),
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
            Msg::InterviewReady(session) => {
                let slug = session.slug.clone();
                self.open(&slug, &mut fx);
                if let Some(ws) = self.ws.as_mut().filter(|w| w.slug == slug) {
                    self.status = Some(interview_status(&session, false));
                    ws.interview = Some(Interview {
                        session,
                        started: self.now,
                        tutor_turns: 0,
                        best: None,
                        accepted: false,
                        result: None,
                    });
                    ws.focus = Pane::Editor;
                }
                self.note_earlier_draft();
            }
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
            Msg::DashboardReady(d) => {
                self.dashboard = Some(d);
                self.show(Screen::Dashboard);
            }
            Msg::PlanReady { screen, note } => {
                self.plan = Some(screen);
                self.show(Screen::Plan);
                self.status = note;
            }
            Msg::ProfileForm(form) => {
                self.profile_editing = form.name_is_fixed();
                self.profile_form = Some(form);
                self.show(Screen::Profile);
                let k = |a| self.keymap.short(a);
                self.status = Some(format!(
                    "{} moves between fields · {} saves · {} leaves without saving",
                    k(Action::NextField),
                    k(Action::Save),
                    k(Action::Discard)
                ));
            }
            Msg::ProfileSaved(result) => match result {
                Ok(said) => {
                    self.profile_form = None;
                    self.status = Some(said);
                    fx.push(Effect::LoadPlan { regenerate: None });
                }
                Err((field, why)) => {
                    if let Some(f) = self.profile_form.as_mut() {
                        f.show_error(field, why.clone());
                    }
                    self.status = Some(why);
                }
            },
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
            Msg::Synced { status, community } => {
                if let Some(c) = community {
                    self.list.set_community(c);
                }
                self.sync.running = false;
                self.sync.last = Some(self.now);
                if let crate::sync::SyncStatus::Error(e) = &status {
                    self.status = Some(format!("community sync: {e}"));
                }
                let pulled = matches!(status, crate::sync::SyncStatus::Synced { pulled, .. } if pulled > 0);
                self.sync.status = Some(status);
                if pulled {
                    if let Some(ws) = &self.ws {
                        fx.push(Effect::LoadComments { slug: ws.slug.clone() });
                    }
                }
                if std::mem::take(&mut self.sync.again) {
                    self.request_sync(&mut fx);
                }
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

    fn contexts(&self) -> Vec<Context> {
        if self.help.is_some() {
            return vec![Context::Help];
        }
        match (self.screen, self.ws.as_ref().map(|w| w.focus)) {
            (Screen::List, _) if self.list.searching => vec![],
            (Screen::Workspace, _) if self.asking() => vec![],
            (Screen::Plan, _) if self.plan_questions.is_some() => vec![],
            (Screen::Dashboard, _) => vec![Context::Dashboard, Context::Global],
            (Screen::Plan, _) => vec![Context::Plan, Context::Global],
            (Screen::Profile, _) => vec![Context::Form],
            (Screen::List, _) => vec![Context::List, Context::Global],
            // The editor owns plain keys; Global bindings reach it only through keys it never types (F1).
            (Screen::Workspace, Some(Pane::Editor)) => vec![Context::Workspace, Context::Global],
            (Screen::Workspace, _) => vec![Context::Workspace, Context::Pane, Context::Global],
        }
    }

    /// The contexts of the screen under the help overlay, for help to list first.
    pub fn help_contexts(&self) -> Vec<Context> {
        match self.screen {
            Screen::List => vec![Context::List, Context::Global],
            Screen::Workspace => vec![Context::Workspace, Context::Pane, Context::Global],
            Screen::Dashboard => vec![Context::Dashboard, Context::Global],
            Screen::Plan => vec![Context::Plan, Context::Global],
            Screen::Profile => vec![Context::Form, Context::Global],
        }
    }

    fn on_key(&mut self, key: KeyEvent, fx: &mut Vec<Effect>) {
        if self.help.is_none() && self.screen == Screen::Workspace && self.asking() {
            self.question_key(key, fx);
            return;
        }
        if self.help.is_none() && self.screen == Screen::Plan && self.plan_questions.is_some() {
            self.plan_question_key(key, fx);
            return;
        }
        let editor_focused = self.help.is_none()
            && self.screen == Screen::Workspace
            && self.ws.as_ref().is_some_and(|w| w.focus == Pane::Editor);
        // While the editor is typing (insert mode, its `:` / `/` line, an unfinished command), `<C-w>` is its key
        // (delete the word before the cursor) instead of the start of a pane command.
        let ctrl_w = key.code == crossterm::event::KeyCode::Char('w')
            && key.modifiers == crossterm::event::KeyModifiers::CONTROL;
        if ctrl_w && editor_focused && self.pending_keys.is_empty() {
            if let Some(ws) = self.ws.as_mut().filter(|w| w.editor.is_typing()) {
                ws.edit(self.now, |e| e.handle_key(key));
                return;
            }
        }
        // Where characters are typed (the editor, the form's fields), bindings that start with one are not
        // consulted.
        let typing = editor_focused || (self.help.is_none() && self.screen == Screen::Profile);
        self.pending_keys.push(key);
        let keys = self.pending_keys.clone();
        match self.keymap.lookup(&keys, &self.contexts(), typing) {
            Lookup::Pending => return,
            Lookup::Matched(action) => {
                self.pending_keys.clear();
                if self.act(action, fx) {
                    return;
                }
            }
            Lookup::NotFound => self.pending_keys.clear(),
        }
        // Not an app binding: the key belongs to what has focus.
        if self.help.is_some() {
            self.help = None;
            return;
        }
        match self.screen {
            Screen::List => {
                if self.list.searching {
                    self.list.search_key(key);
                }
            }
            Screen::Workspace => {
                // A key that started an unfinished sequence (<C-w> then an unknown key) is dropped.
                if keys.len() > 1 {
                    return;
                }
                let Some(ws) = self.ws.as_mut() else { return };
                if ws.focus == Pane::Editor && !ws.loaded {
                    // The draft is on its way from the store: keys wait for it rather than edit the starter
                    // code that the draft then replaces.
                    ws.early_keys.push(key);
                } else if ws.focus == Pane::Editor {
                    self.editor_key(key, fx);
                }
            }
            Screen::Profile => {
                if let (Some(form), 1) = (self.profile_form.as_mut(), keys.len()) {
                    form.type_key(key);
                }
            }
            Screen::Dashboard | Screen::Plan => {}
        }
    }

    /// A key for the focused editor, and what it asks of the app (an ex command, the clipboard).
    fn editor_key(&mut self, key: KeyEvent, fx: &mut Vec<Effect>) {
        let Some(ws) = self.ws.as_mut() else { return };
        let outcome = ws.edit(self.now, |e| e.handle_key(key));
        self.flush_clipboard(fx);
        if let EditOutcome::Command(cmd) = outcome {
            self.command(cmd, fx);
        }
    }

    /// Sends what the editor yanked to the system clipboard, if anything.
    fn flush_clipboard(&mut self, fx: &mut Vec<Effect>) {
        if let Some(text) = self.ws.as_mut().and_then(|ws| ws.editor.take_clipboard()) {
            fx.push(Effect::Clipboard(text));
        }
    }

    /// Carries out an action; false when it does not apply here and the key should go on to the focus.
    fn act(&mut self, action: Action, fx: &mut Vec<Effect>) -> bool {
        let global = action.contexts().contains(&Context::Global);
        if self.help.is_some() {
            return self.help_action(action);
        }
        match self.screen {
            Screen::Dashboard if !global => return self.dashboard_action(action, fx),
            Screen::Plan if !global => return self.plan_action(action, fx),
            Screen::Profile => return self.form_action(action, fx),
            _ => {}
        }
        match action {
            Action::Quit => {
                if !self.quit_warned && self.unsaved().is_some() {
                    self.warn_unsaved();
                    return true;
                }
                self.autosave(true, fx);
                fx.push(Effect::Quit);
                self.quit = true;
            }
            Action::Help => self.help = Some(0),
            Action::Up => self.list.move_by(-1),
            Action::Down => self.list.move_by(1),
            Action::Top => self.list.move_to(0),
            Action::Bottom => self.list.move_to(usize::MAX),
            Action::Open => {
                if let Some(slug) = self.list.selected_slug() {
                    self.open(&slug, fx);
                }
            }
            Action::Search => self.list.start_search(),
            Action::ClearFilter => self.list.clear(),
            Action::FilterDifficulty => self.list.cycle_difficulty(),
            Action::FilterTopic => self.list.cycle_topic(),
            Action::FilterList => self.list.cycle_list(),
            Action::FilterStatus => self.list.cycle_status(),
            Action::Sort => self.list.cycle_sort(),
            Action::Random => match self.list.random_unsolved(self.now) {
                Some(slug) => self.open(&slug, fx),
                None => self.status = Some("every problem in view is solved".into()),
            },
            Action::Resume => match self.last_problem.clone() {
                Some(slug) if self.bank.get(&slug).is_some() => self.open(&slug, fx),
                _ => self.status = Some("no problem to resume yet".into()),
            },
            Action::NextProblem => fx.push(Effect::PickNext),
            Action::Dashboard | Action::DashboardList => fx.push(Effect::LoadDashboard),
            Action::Plan | Action::PlanList => {
                fx.push(Effect::LoadPlan { regenerate: None });
                self.status = Some("loading your plan…".into());
            }
            Action::Profile => fx.push(Effect::OpenProfileForm),
            Action::Interview => {
                fx.push(Effect::StartInterview);
                self.status = Some("choosing a problem for your interview…".into());
            }
            Action::Run => self.start_run(RunMode::Run, fx),
            Action::Submit => self.start_run(RunMode::Submit, fx),
            Action::Hint => self.ask_tutor(String::new(), false, fx),
            Action::Ask => {
                let Some(ws) = self.ws.as_mut() else { return false };
                ws.chat.input = Some(String::new());
                if ws.zoom.is_none() || ws.zoom == Some(Pane::Tutor) {
                    ws.focus = Pane::Tutor;
                }
                self.status = Some("ask the tutor: Enter sends, Esc closes".into());
            }
            Action::Cancel => {
                let Some(ws) = self.ws.as_mut() else { return false };
                if let Some(run) = ws.running.take() {
                    fx.push(Effect::CancelJudge { tag: run.tag });
                    self.status = Some("run cancelled".into());
                } else if let Some(s) = &ws.chat.streaming {
                    fx.push(Effect::CancelChat { tag: s.tag });
                    self.status = Some("stopping the tutor…".into());
                } else {
                    return false;
                }
            }
            Action::Back => self.back_to_list(fx),
            Action::ExternalEditor => {
                if let Some(ws) = &self.ws {
                    fx.push(Effect::External { slug: ws.slug.clone(), code: ws.editor.text() });
                }
            }
            Action::EditorWider | Action::EditorNarrower | Action::EditorEqual => {
                self.editor_cols = match action {
                    Action::EditorWider => self.editor_cols.saturating_add(EDITOR_STEP).min(200),
                    Action::EditorNarrower => self.editor_cols.saturating_sub(EDITOR_STEP).max(-200),
                    _ => 0,
                };
                fx.push(Effect::RememberLayout { editor_cols: self.editor_cols });
            }
            Action::ScrollDown => self.scroll(1),
            Action::ScrollUp => self.scroll(-1),
            Action::PageDown => self.scroll(10),
            Action::PageUp => self.scroll(-10),
            Action::FocusNext
            | Action::FocusLeft
            | Action::FocusRight
            | Action::FocusUp
            | Action::FocusDown
            | Action::Zoom
            | Action::ToggleStatement
            | Action::NextCase
            | Action::PrevCase
            | Action::EditCode
            | Action::ExCommand => {
                let Some(ws) = self.ws.as_mut() else { return false };
                ws.on_action(action, &self.pane_rects);
            }
            // Actions of the other screens' contexts, routed above.
            Action::OpenNext
            | Action::Reload
            | Action::CurrentDay
            | Action::NewPlan
            | Action::Close
            | Action::NextField
            | Action::PrevField
            | Action::FieldDown
            | Action::FieldUp
            | Action::Confirm
            | Action::More
            | Action::Less
            | Action::ClearField
            | Action::Save
            | Action::Discard => return false,
        }
        true
    }

    fn command(&mut self, cmd: AppCommand, fx: &mut Vec<Effect>) {
        let Some(ws) = self.ws.as_mut() else { return };
        match cmd {
            AppCommand::Write(None) => {
                fx.push(Effect::SaveDraft { slug: ws.slug.clone(), code: ws.editor.text() });
                ws.dirty_since = None;
                self.status = Some("draft saved".into());
            }
            AppCommand::Write(Some(path)) => fx.push(Effect::WriteFile { path, code: ws.editor.text() }),
            AppCommand::Edit(path) => fx.push(Effect::ReadFile { path }),
            AppCommand::Quit => self.back_to_list(fx),
            AppCommand::WriteQuit => self.back_to_list(fx),
            AppCommand::Run => self.start_run(RunMode::Run, fx),
            AppCommand::Submit => self.start_run(RunMode::Submit, fx),
            AppCommand::Hint(q) => self.ask_tutor(q.unwrap_or_default(), false, fx),
            AppCommand::GiveUp => {
                // In an interview, giving up ends the session (scored); a second :giveup asks for the solution.
                let slug = ws.slug.clone();
                if ws.interview.as_ref().is_some_and(Interview::running) {
                    self.finish_interview(&slug, "you ended it", fx);
                } else {
                    self.ask_tutor(String::new(), true, fx);
                }
            }
            AppCommand::Vote(v) => match crate::sync::wire::Vote::parse(v.trim()) {
                Some(vote) => {
                    fx.push(Effect::Vote { slug: ws.slug.clone(), vote });
                    self.status = Some(match vote {
                        crate::sync::wire::Vote::Clear => "vote cleared".to_string(),
                        v => format!("voted {} (synced in the background)", v.as_str()),
                    });
                    self.request_sync(fx);
                }
                None => self.status = Some(format!("E474: `{v}` is not a vote: :vote up, :vote down or :vote clear")),
            },
            AppCommand::Comment(c) => match parse_comment(&c) {
                Ok((text, tag)) => {
                    fx.push(Effect::Comment { slug: ws.slug.clone(), text, tag });
                    fx.push(Effect::LoadComments { slug: ws.slug.clone() });
                    self.status = Some("comment saved (synced in the background)".into());
                    self.request_sync(fx);
                }
                Err(e) => self.status = Some(e),
            },
            AppCommand::Reset => {
                let starter = self.bank.get(&ws.slug).map(|p| p.starter.clone()).unwrap_or_default();
                ws.editor.set_text(&starter);
                ws.dirty_since = Some(self.now);
                self.status = Some("reset to the starter code (u undoes)".into());
            }
            AppCommand::History(None) => match ws.history.take() {
                Some(_) => self.status = None,
                None => fx.push(Effect::LoadHistory { slug: ws.slug.clone() }),
            },
            AppCommand::History(Some(n)) => {
                let picked = n.trim().parse::<usize>().ok().and_then(|n| ws.history.as_ref()?.get(n.checked_sub(1)?));
                match picked {
                    Some(s) => {
                        let code = s.code.clone();
                        let what = format!("loaded the code of {} ({}) — u undoes", s.verdict.title(), s.passed);
                        ws.edit(self.now, |e| e.set_text(&code));
                        self.status = Some(what);
                    }
                    None if ws.history.is_none() => {
                        self.status = Some(":history first lists your submissions; then :history N loads one".into())
                    }
                    None => self.status = Some(format!("E16: no submission {n} in the list")),
                }
            }
            AppCommand::External => fx.push(Effect::External { slug: ws.slug.clone(), code: ws.editor.text() }),
            AppCommand::Help => self.help = Some(0),
            AppCommand::UnknownOption(name) => self.status = Some(format!("E518: Unknown option: {name}")),
        }
    }

    /// An interview on a problem with an earlier draft starts from that draft (nothing is thrown away);
    /// the status line says so and how to start from the starter code instead.
    fn note_earlier_draft(&mut self) {
        let Some(ws) = self.ws.as_ref().filter(|w| w.loaded) else { return };
        let Some(iv) = ws.interview.as_ref().filter(|iv| iv.running()) else { return };
        let starter = self.bank.get(&ws.slug).map(|p| p.starter.as_str()).unwrap_or_default();
        if ws.editor.text().trim_end() != starter.trim_end() {
            self.status = Some(interview_status(&iv.session, true));
        }
    }

    /// Opens a problem in the workspace; its draft arrives as [`Msg::DraftLoaded`].
    pub fn open(&mut self, slug: &str, fx: &mut Vec<Effect>) {
        let Some(starter) = self.bank.get(slug).map(|p| p.starter.clone()) else { return };
        self.park_current(fx);
        let mut ws = self.parked.remove(slug).unwrap_or_else(|| Workspace::new(slug, &starter));
        ws.editor.set_clipboard(self.clipboard.0, self.clipboard.1);
        if !ws.loaded {
            fx.push(Effect::LoadDraft { slug: slug.to_string() });
        }
        if !ws.chat.loaded {
            fx.push(Effect::LoadChat { slug: slug.to_string() });
            fx.push(Effect::LoadComments { slug: slug.to_string() });
        }
        fx.push(Effect::RememberLast { slug: slug.to_string() });
        self.last_problem = Some(slug.to_string());
        self.ws = Some(ws);
        self.screen = Screen::Workspace;
        self.status = None;
    }

    fn park_current(&mut self, fx: &mut Vec<Effect>) {
        self.autosave(true, fx);
        if let Some(ws) = self.ws.take() {
            self.parked.insert(ws.slug.clone(), ws);
        }
    }

    fn back_to_list(&mut self, fx: &mut Vec<Effect>) {
        self.park_current(fx);
        self.screen = Screen::List;
    }

    /// Saves the draft when it has been dirty for a second (or now, when `force`).
    fn autosave(&mut self, force: bool, fx: &mut Vec<Effect>) {
        let now = self.now;
        if let Some(ws) = self.ws.as_mut() {
            let due = ws.dirty_since.is_some_and(|t| force || now.duration_since(t) >= AUTOSAVE);
            if due && ws.loaded {
                fx.push(Effect::SaveDraft { slug: ws.slug.clone(), code: ws.editor.text() });
                ws.dirty_since = None;
            }
        }
    }

    fn start_run(&mut self, mode: RunMode, fx: &mut Vec<Effect>) {
        let tag = self.next_tag;
        let Some(ws) = self.ws.as_mut() else { return };
        if let Some(old) = ws.running.take() {
            fx.push(Effect::CancelJudge { tag: old.tag });
        }
        self.next_tag += 1;
        ws.running = Some(Running { tag, mode, started: self.now });
        ws.history = None;
        ws.diagnosing = None;
        ws.ran_code = Some(ws.editor.text());
        ws.feedback = if mode == RunMode::Submit { FeedbackState::Pending } else { FeedbackState::None };
        if ws.dirty_since.is_some() {
            fx.push(Effect::SaveDraft { slug: ws.slug.clone(), code: ws.editor.text() });
            ws.dirty_since = None;
        }
        fx.push(Effect::Judge { tag, slug: ws.slug.clone(), code: ws.editor.text(), mode });
        self.status = Some(match mode {
            RunMode::Run => "running the examples…".into(),
            RunMode::Submit => "submitting…".into(),
        });
    }

    fn on_judged(&mut self, tag: u64, result: Result<Box<Judged>, JobError>, fx: &mut Vec<Effect>) {
        // A result for a run that was cancelled or superseded is dropped.
        let ws = self
            .ws
            .iter_mut()
            .chain(self.parked.values_mut())
            .find(|w| w.running.as_ref().is_some_and(|r| r.tag == tag));
        let Some(ws) = ws else { return };
        let Some(run) = ws.running.take() else { return };
        match result {
            Ok(judged) => {
                let Judged { report, analysis, diagnosing } = *judged;
                ws.analysis = analysis;
                ws.counterexample = None;
                ws.diagnosis_summary = None;
                ws.diagnosing = diagnosing.then_some(tag);
                ws.selected_case = report.cases.iter().position(|c| !c.passed).unwrap_or(0);
                ws.results_scroll = 0;
                self.status = Some(format!("{} — {}/{} passed", report.verdict.title(), report.passed, report.total));
                let accepted = report.verdict == crate::judge::Verdict::Accepted;
                if run.mode == RunMode::Submit {
                    self.list.record(&ws.slug, accepted);
                }
                let mut finished = None;
                if let (RunMode::Submit, Some(iv)) = (run.mode, ws.interview.as_mut().filter(|iv| iv.running())) {
                    let this = (report.passed as u32, report.total as u32);
                    if iv.best.is_none_or(|(p, _)| this.0 >= p) {
                        iv.best = Some(this);
                    }
                    if accepted {
                        iv.accepted = true;
                        finished = Some(ws.slug.clone());
                    }
                }
                ws.report = Some((run.mode, report));
                if let Some(slug) = finished {
                    self.finish_interview(&slug, "accepted", fx);
                }
            }
            Err(e) => {
                ws.feedback = FeedbackState::None;
                self.status = Some(format!("the run failed: {e}"));
            }
        }
    }

    /// Switches to a learner screen, remembering where Esc goes back to.
    fn show(&mut self, screen: Screen) {
        if matches!(self.screen, Screen::List | Screen::Workspace) {
            self.back_to = self.screen;
        }
        self.screen = screen;
    }

    fn leave_learner_screen(&mut self) {
        self.screen =
            if self.back_to == Screen::Workspace && self.ws.is_some() { Screen::Workspace } else { Screen::List };
        self.status = None;
    }

    /// The help overlay's actions; false (the help closes) for any other.
    fn help_action(&mut self, action: Action) -> bool {
        let Some(scroll) = self.help.as_mut() else { return false };
        match (action, scrolled(*scroll, action)) {
            (Action::Bottom, _) => return false,
            (_, Some(to)) => *scroll = to,
            (Action::Close, _) => self.help = None,
            _ => return false,
        }
        true
    }

    fn form_action(&mut self, action: Action, fx: &mut Vec<Effect>) -> bool {
        let Some(form) = self.profile_form.as_mut() else { return false };
        match form.on_action(action) {
            super::profile_form::FormAction::None => {}
            super::profile_form::FormAction::Cancel => {
                self.profile_form = None;
                self.leave_learner_screen();
            }
            super::profile_form::FormAction::Submit(name, intake) => {
                let new = !self.profile_editing;
                fx.push(Effect::SaveProfile { name, intake, new });
                self.status = Some("saving…".into());
            }
        }
        true
    }

    /// A key while the plan asks its questions before making a new plan.
    fn plan_question_key(&mut self, key: KeyEvent, fx: &mut Vec<Effect>) {
        let Some((i, answers, line)) = self.plan_questions.as_mut() else { return };
        match edit_line(line, key) {
            LineKey::Edited => {}
            LineKey::Cancel => {
                self.plan_questions = None;
                self.status = Some("no new plan made".into());
            }
            LineKey::Enter => {
                answers[*i] = Some(std::mem::take(line));
                *i += 1;
                if *i == answers.len() {
                    let answers = std::mem::take(answers);
                    self.plan_questions = None;
                    fx.push(Effect::LoadPlan { regenerate: Some(answers) });
                    self.status = Some("making a new plan…".into());
                }
            }
        }
    }

    fn plan_action(&mut self, action: Action, fx: &mut Vec<Effect>) -> bool {
        if action == Action::Close {
            self.leave_learner_screen();
            return true;
        }
        let Some(plan) = self.plan.as_mut() else { return false };
        match plan.on_action(action) {
            super::plan_view::PlanAction::None => {}
            super::plan_view::PlanAction::Open(slug) => self.open(&slug, fx),
            super::plan_view::PlanAction::Regenerate => {
                self.plan_questions = Some((0, Default::default(), String::new()));
                self.status = Some("a few questions first: Enter answers (blank skips), Esc cancels".into());
            }
        }
        true
    }

    /// How far the dashboard scrolls at the current size (drawn once off screen to know).
    fn dashboard_bottom(&self) -> u16 {
        let Some(d) = self.dashboard.as_deref() else { return 0 };
        let body = super::views::screen_body(ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1));
        let mut scratch = ratatui::buffer::Buffer::empty(body);
        let theme = super::theme::Theme::new(super::theme::ThemeKind::NoColor);
        super::dashboard::draw(d, &theme, &self.keymap, body, &mut scratch, u16::MAX)
    }

    fn dashboard_action(&mut self, action: Action, fx: &mut Vec<Effect>) -> bool {
        // Going up starts from what is on screen, even after scrolling (or G) past the end.
        if matches!(action, Action::ScrollUp | Action::PageUp) {
            self.dashboard_scroll = self.dashboard_scroll.min(self.dashboard_bottom());
        }
        if let Some(to) = scrolled(self.dashboard_scroll, action) {
            self.dashboard_scroll = to;
            return true;
        }
        match action {
            Action::Reload => fx.push(Effect::LoadDashboard),
            Action::Close => self.leave_learner_screen(),
            Action::NextProblem | Action::OpenNext => {
                match self.dashboard.as_ref().and_then(|d| d.next.first()).map(|n| n.slug.clone()) {
                    Some(slug) => self.open(&slug, fx),
                    None => self.status = Some("nothing to recommend right now".into()),
                }
            }
            _ => return false,
        }
        true
    }

    /// Ends a running interview: the outcome is the best submission so far (accepted only when it was).
    fn finish_interview(&mut self, slug: &str, why: &str, fx: &mut Vec<Effect>) {
        let now = self.now;
        let Some(ws) = self.workspace_mut(slug) else { return };
        let Some(iv) = ws.interview.as_mut().filter(|iv| iv.running()) else { return };
        let (passed, total) = iv.best.unwrap_or((0, 0));
        let outcome = crate::learner::interview::Outcome {
            accepted: iv.accepted,
            passed,
            total,
            hints_used: iv.tutor_turns,
            elapsed_ms: now.duration_since(iv.started).as_millis().min(i64::MAX as u128) as i64,
        };
        iv.result = Some(Vec::new());
        fx.push(Effect::FinishInterview { slug: slug.to_string(), session: iv.session.clone(), outcome });
        self.status = Some(format!("interview over ({why}); your readiness is in the results pane"));
        if let Some(ws) = self.ws.as_mut().filter(|w| w.slug == slug && w.zoom.is_none()) {
            ws.focus = Pane::Results;
        }
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

    /// A paste goes where typed text would: the question line, the list's search, or the editor (as one
    /// undo step, without auto-indent, in any mode). Elsewhere it is dropped.
    fn on_paste(&mut self, text: &str) {
        let one_line = || text.lines().map(str::trim_end).collect::<Vec<_>>().join(" ");
        if self.help.is_some() {
            return;
        }
        match self.screen {
            Screen::List if self.list.searching => {
                self.list.query.push_str(&one_line());
                self.list.selected = 0;
                self.list.refresh();
            }
            Screen::Workspace => {
                let Some(ws) = self.ws.as_mut() else { return };
                if let Some(input) = ws.chat.input.as_mut() {
                    input.push_str(&one_line());
                } else if ws.focus == Pane::Editor {
                    ws.edit(self.now, |e| e.insert_text(text));
                }
            }
            _ => {}
        }
    }

    /// A key while the learner types a question for the tutor.
    fn question_key(&mut self, key: KeyEvent, fx: &mut Vec<Effect>) {
        let Some(input) = self.ws.as_mut().and_then(|w| w.chat.input.as_mut()) else { return };
        match edit_line(input, key) {
            LineKey::Edited => {}
            LineKey::Enter => {
                let question = std::mem::take(input);
                if let Some(ws) = self.ws.as_mut() {
                    ws.chat.input = None;
                }
                if question.trim().is_empty() {
                    self.status = None;
                } else {
                    self.ask_tutor(question, false, fx);
                }
            }
            LineKey::Cancel => {
                if let Some(ws) = self.ws.as_mut() {
                    ws.chat.input = None;
                }
                self.status = None;
            }
        }
    }

    /// Starts a turn with the tutor (an empty question asks for the next hint).
    fn ask_tutor(&mut self, question: String, give_up: bool, fx: &mut Vec<Effect>) {
        let tag = self.next_tag;
        let Some(ws) = self.ws.as_mut() else { return };
        if ws.chat.busy() {
            self.status = Some("the tutor is still answering (Ctrl-C stops it)".into());
            return;
        }
        if let Some(iv) = ws.interview.as_mut().filter(|iv| iv.running()) {
            if give_up || !iv.session.may_hint(iv.tutor_turns) {
                let limit = iv.session.hint_limit;
                self.status = Some(format!(
                    "interview: the tutor allows {limit} turn{} in a session, used; :giveup ends the session",
                    if limit == 1 { "" } else { "s" }
                ));
                return;
            }
            iv.tutor_turns += 1;
        }
        self.next_tag += 1;
        ws.chat.ask(tag, &question, give_up);
        fx.push(Effect::Chat { tag, slug: ws.slug.clone(), question, give_up, code: ws.editor.text() });
        if ws.zoom.is_some_and(|z| z != Pane::Tutor) {
            ws.zoom = None;
        }
        self.status = Some(if give_up { "asking for a full solution…".into() } else { "asking the tutor…".into() });
    }

    fn on_chat(&mut self, tag: u64, event: crate::coach::ChatEvent) {
        let ws = self
            .ws
            .iter_mut()
            .chain(self.parked.values_mut())
            .find(|w| w.chat.streaming.as_ref().is_some_and(|s| s.tag == tag));
        let Some(ws) = ws else { return };
        let failed = matches!(event, crate::coach::ChatEvent::Failed(_));
        if let Some(reply) = ws.chat.event(tag, event) {
            ws.hints_shown = reply.hints_used as usize;
            self.status = Some(match (reply.cancelled, reply.source, &reply.offline_reason) {
                (true, _, _) => "the tutor stopped".into(),
                (_, crate::coach::Source::Offline, Some(why)) => format!("offline tutor: {why}"),
                _ => format!("hints used {} of {}", reply.hints_used, reply.hints_total),
            });
        } else if failed {
            self.status = Some("the tutor could not answer; see the tutor pane".into());
        }
    }

    /// Scrolls the focused pane, never past its last line (as the pane is drawn now).
    fn scroll(&mut self, by: i32) {
        let Some(focus) = self.ws.as_ref().map(|w| w.focus) else { return };
        let bottom = super::views::pane_bottom(self, focus).unwrap_or(u16::MAX);
        if let Some(ws) = self.ws.as_mut() {
            ws.scroll(by, bottom);
        }
    }

    fn on_mouse(&mut self, m: MouseEvent) {
        let hit = self
            .pane_rects
            .iter()
            .find(|(_, r)| r.contains(ratatui::layout::Position::new(m.column, m.row)))
            .map(|(p, _)| *p);
        match m.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                if let (Some(p), Some(ws)) = (hit, self.ws.as_mut()) {
                    ws.focus = p;
                    if let (Pane::Editor, Some(area)) = (p, self.editor_area) {
                        ws.editor.click(area, m.column, m.row, self.theme_kind);
                    }
                }
            }
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let by = if matches!(m.kind, MouseEventKind::ScrollDown) { 3 } else { -3 };
                match (self.screen, hit) {
                    (Screen::List, _) => self.list.move_by(by as isize),
                    (Screen::Workspace, Some(Pane::Editor)) => {
                        if let Some(ws) = self.ws.as_mut() {
                            ws.editor.scroll(by as isize);
                        }
                    }
                    (Screen::Workspace, Some(p)) if p != Pane::Editor => {
                        if let Some(ws) = self.ws.as_mut() {
                            let old = ws.focus;
                            ws.focus = p;
                            self.scroll(by);
                            if let Some(ws) = self.ws.as_mut() {
                                ws.focus = old;
                            }
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }

    /// Whether a run is in flight, for the spinner.
    pub fn running(&self) -> Option<&Running> {
        self.ws.as_ref().and_then(|w| w.running.as_ref())
    }

    /// Something animates (a run or a streaming reply): redraw often.
    pub fn animating(&self) -> bool {
        self.ws.as_ref().is_some_and(|w| w.running.is_some() || w.diagnosing.is_some() || w.chat.busy())
    }

    /// A workspace whose draft could not be saved: its problem and why.
    fn unsaved(&self) -> Option<(String, String)> {
        let mut all = self.ws.iter().chain(self.parked.values());
        all.find_map(|w| w.save_failed.clone().map(|e| (w.slug.clone(), e)))
    }

    /// Says that quitting now loses a draft, and lets the next quit go ahead.
    fn warn_unsaved(&mut self) {
        if let Some((slug, error)) = self.unsaved() {
            self.status = Some(format!(
                "the draft of {slug} is not saved ({error}): `:w FILE` keeps a copy; quit again to leave anyway"
            ));
            self.quit_warned = true;
        }
    }

    /// The spinner's frame at the last tick: it turns as ticks come (one frame per 80 ms).
    pub fn spinner(&self) -> &'static str {
        const SPINNER: &[&str] = &["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
        SPINNER[(self.now.saturating_duration_since(self.epoch).as_millis() / 80) as usize % SPINNER.len()]
    }
}

/// `:comment [#TAG] TEXT`: the text and its optional tag, or the error to show (in the CLI's words).
pub fn parse_comment(arg: &str) -> Result<(String, Option<crate::sync::wire::Tag>), String> {
    use crate::sync::wire::Tag;
    let arg = arg.trim();
    let (tag, text) = match arg.strip_prefix('#') {
        Some(rest) => {
            let (name, text) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
            let tag = Tag::parse(name).ok_or_else(|| {
                let names: Vec<&str> = Tag::ALL.iter().map(|t| t.as_str()).collect();
                format!("`#{name}` is not a tag; use one of #{}", names.join(", #"))
            })?;
            (Some(tag), text.trim())
        }
        None => (None, arg),
    };
    crate::sync::wire::validate_comment(text).map_err(|e| format!("{e} (:comment [#TAG] TEXT)"))?;
    Ok((text.to_string(), tag))
}

/// What a key did to a one-line input (the tutor's question, the plan's follow-up answers).
#[derive(Debug, PartialEq, Eq)]
enum LineKey {
    Edited,
    Enter,
    /// Esc or Ctrl-c.
    Cancel,
}

/// Line editing shared by the app's one-line inputs: typing, Backspace, Ctrl-u (clear), Ctrl-w (word).
/// Where a scrolling action takes a scroll offset (the bottom is past the end: drawing stops at the last
/// line); `None` for an action that does not scroll.
fn scrolled(scroll: u16, action: Action) -> Option<u16> {
    Some(match action {
        Action::ScrollDown => scroll.saturating_add(1),
        Action::ScrollUp => scroll.saturating_sub(1),
        Action::PageDown => scroll.saturating_add(10),
        Action::PageUp => scroll.saturating_sub(10),
        Action::Top => 0,
        Action::Bottom => u16::MAX,
        _ => return None,
    })
}

fn edit_line(line: &mut String, key: KeyEvent) -> LineKey {
    use crossterm::event::{KeyCode, KeyModifiers};
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Enter => return LineKey::Enter,
        KeyCode::Esc => return LineKey::Cancel,
        KeyCode::Char('c') if ctrl => return LineKey::Cancel,
        KeyCode::Char('u') if ctrl => line.clear(),
        KeyCode::Char('w') if ctrl => {
            let keep = line.trim_end().rfind(' ').map(|i| i + 1).unwrap_or(0);
            line.truncate(keep);
        }
        KeyCode::Backspace => {
            line.pop();
        }
        KeyCode::Char(c) if !ctrl => line.push(c),
        _ => {}
    }
    LineKey::Edited
}

/// What the status line says when an interview starts; an earlier draft is mentioned first, so that a
/// narrow status line still shows it.
fn interview_status(session: &crate::learner::interview::Session, earlier_draft: bool) -> String {
    let hints = session.hint_limit;
    format!(
        "interview: {}{} minutes, {hints} hint{}, difficulty hidden; :submit when ready, :giveup ends it",
        if earlier_draft { "your earlier draft is loaded (:reset starts afresh) · " } else { "" },
        session.duration_ms / 60_000,
        if hints == 1 { "" } else { "s" }
    )
}
