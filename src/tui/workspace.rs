//! A problem's workspace: the editor, the statement, results and tutor panes, and what happened in it (runs,
//! the tutor's conversation, an interview). Its pane operations (focus, scrolling, the selected case) are
//! here; the app routes keys and messages to them.

use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;

use super::chat::Chat;
use super::keymap::Action;
use super::pane::EditorPane;
use crate::judge::Report;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Statement,
    Editor,
    Results,
    Tutor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunMode {
    Run,
    Submit,
}

/// A timed interview session in a workspace.
#[derive(Debug, Clone)]
pub struct Interview {
    pub session: crate::learner::interview::Session,
    pub started: Instant,
    /// Tutor turns taken (hints and questions alike count against the session's limit).
    pub tutor_turns: u32,
    /// The best submission so far: (passed, total).
    pub best: Option<(u32, u32)>,
    /// A submission was accepted.
    pub accepted: bool,
    /// Set when the session is over: readiness per topic (empty until the score arrives).
    pub result: Option<Vec<crate::learner::interview::TopicReadiness>>,
}

impl Interview {
    pub fn remaining(&self, now: Instant) -> Duration {
        Duration::from_millis(self.session.duration_ms.max(0) as u64).saturating_sub(now.duration_since(self.started))
    }

    pub fn running(&self) -> bool {
        self.result.is_none()
    }
}

/// Feedback on the latest submission.
#[derive(Debug, Clone, PartialEq)]
pub enum FeedbackState {
    None,
    Pending,
    Ready(crate::coach::Feedback),
}

pub struct Running {
    pub tag: u64,
    pub mode: RunMode,
    pub started: Instant,
}

pub struct Workspace {
    pub slug: String,
    pub editor: EditorPane,
    pub focus: Pane,
    pub zoom: Option<Pane>,
    pub statement_hidden: bool,
    pub statement_scroll: u16,
    pub results_scroll: u16,
    pub tutor_scroll: u16,
    pub running: Option<Running>,
    pub report: Option<(RunMode, Report)>,
    /// The code the report and analysis are about.
    pub ran_code: Option<String>,
    /// The analysis of the code that was last run.
    pub analysis: Option<crate::analysis::Analysis>,
    /// The smallest failing input the diagnosis of the last run found.
    pub counterexample: Option<crate::analysis::Counterexample>,
    /// The run whose diagnosis is on its way.
    pub diagnosing: Option<u64>,
    /// What the last diagnosis's fix search says when it found nothing.
    pub diagnosis_summary: Option<String>,
    /// Why the last draft save failed, until one succeeds.
    pub save_failed: Option<String>,
    /// `:history`: the problem's past submissions, newest first, shown in the results pane.
    pub history: Option<Vec<crate::store::StoredSubmission>>,
    /// Editor keys typed before the draft arrived, replayed on it.
    pub early_keys: Vec<KeyEvent>,
    pub selected_case: usize,
    /// Prepared hints used (the tutor's count, shared with submissions and the CLI).
    pub hints_shown: usize,
    pub chat: Chat,
    pub feedback: FeedbackState,
    /// The problem's community comments, newest first (loaded when it opens, refreshed after a sync).
    pub comments: Vec<crate::store::LocalComment>,
    pub interview: Option<Interview>,
    /// When the buffer first changed since the last save.
    pub dirty_since: Option<Instant>,
    pub loaded: bool,
}

impl Workspace {
    /// A workspace on `slug` with the starter code, until its draft arrives.
    pub fn new(slug: &str, starter: &str) -> Workspace {
        Workspace {
            slug: slug.to_string(),
            editor: EditorPane::new(starter),
            focus: Pane::Editor,
            zoom: None,
            statement_hidden: false,
            statement_scroll: 0,
            results_scroll: 0,
            tutor_scroll: 0,
            running: None,
            report: None,
            ran_code: None,
            analysis: None,
            counterexample: None,
            diagnosing: None,
            diagnosis_summary: None,
            save_failed: None,
            history: None,
            early_keys: Vec::new(),
            selected_case: 0,
            hints_shown: 0,
            chat: Chat::default(),
            feedback: FeedbackState::None,
            comments: Vec::new(),
            interview: None,
            dirty_since: None,
            loaded: false,
        }
    }

    /// Applies `f` to the editor; a change of text starts the autosave clock.
    pub fn edit<T>(&mut self, now: Instant, f: impl FnOnce(&mut EditorPane) -> T) -> T {
        let before = self.editor.text();
        let out = f(&mut self.editor);
        if self.dirty_since.is_none() && self.editor.text() != before {
            self.dirty_since = Some(now);
        }
        out
    }

    /// The panes on screen, in focus order.
    pub fn visible_panes(&self) -> Vec<Pane> {
        let mut panes = Vec::new();
        if !self.statement_hidden {
            panes.push(Pane::Statement);
        }
        panes.extend([Pane::Editor, Pane::Results, Pane::Tutor]);
        panes
    }

    pub fn focus_step(&mut self, step: isize) {
        let panes = self.visible_panes();
        let ws = self;
        let i = panes.iter().position(|p| *p == ws.focus).unwrap_or(0) as isize;
        ws.focus = panes[(i + step).rem_euclid(panes.len() as isize) as usize];
        if ws.zoom.is_some() {
            ws.zoom = Some(ws.focus);
        }
    }

    /// Moves focus to the nearest pane in a direction, by the panes' places on screen (`rects`, from the
    /// layout).
    pub fn focus_dir(&mut self, rects: &[(Pane, Rect)], dx: i32, dy: i32) {
        let ws = self;
        let centre = |r: &ratatui::layout::Rect| {
            (i32::from(r.x) * 2 + i32::from(r.width), i32::from(r.y) * 2 + i32::from(r.height))
        };
        let Some(&(_, here)) = rects.iter().find(|(p, _)| *p == ws.focus) else { return };
        let (hx, hy) = centre(&here);
        let best = rects
            .iter()
            .filter(|(p, _)| *p != ws.focus)
            .filter_map(|(p, r)| {
                let (x, y) = centre(r);
                let (along, across) =
                    if dx != 0 { ((x - hx) * dx, (y - hy).abs()) } else { ((y - hy) * dy, (x - hx).abs()) };
                (along > 0).then_some((along + 2 * across, *p))
            })
            .min_by_key(|(d, _)| *d);
        if let Some((_, p)) = best {
            ws.focus = p;
            if ws.zoom.is_some() {
                ws.zoom = Some(p);
            }
        }
    }

    /// Scrolls the focused pane, never past `bottom` (its last line's offset); the tutor follows its
    /// conversation again once scrolled to the end.
    pub fn scroll(&mut self, by: i32, bottom: u16) {
        let ws = self;
        let (slot, follow) = match ws.focus {
            Pane::Statement => (&mut ws.statement_scroll, None),
            Pane::Results => (&mut ws.results_scroll, None),
            Pane::Tutor => (&mut ws.tutor_scroll, Some(&mut ws.chat.follow)),
            Pane::Editor => return,
        };
        // A conversation being followed is at its end, whatever the offset last said.
        let from = if follow.as_deref() == Some(&true) { bottom } else { (*slot).min(bottom) };
        *slot = (i32::from(from) + by).clamp(0, i32::from(bottom)) as u16;
        if let Some(follow) = follow {
            *follow = *slot >= bottom;
        }
    }

    /// Selects the next (or previous) case of the report, round the ends.
    pub fn step_case(&mut self, by: isize) {
        let ws = self;
        let Some((_, report)) = &ws.report else { return };
        if report.cases.is_empty() {
            return;
        }
        let n = report.cases.len() as isize;
        ws.selected_case = (ws.selected_case as isize + by).rem_euclid(n) as usize;
        ws.results_scroll = 0;
    }

    /// The workspace's own pane actions (focus, zoom, the statement, cases, back to the editor); `rects` are
    /// the panes' places on screen, for directional focus.
    pub fn on_action(&mut self, action: Action, rects: &[(Pane, Rect)]) {
        match action {
            Action::FocusNext => self.focus_step(1),
            Action::FocusLeft => self.focus_dir(rects, -1, 0),
            Action::FocusRight => self.focus_dir(rects, 1, 0),
            Action::FocusUp => self.focus_dir(rects, 0, -1),
            Action::FocusDown => self.focus_dir(rects, 0, 1),
            Action::Zoom => self.zoom = if self.zoom.is_some() { None } else { Some(self.focus) },
            Action::ToggleStatement => {
                self.statement_hidden = !self.statement_hidden;
                if self.statement_hidden && self.focus == Pane::Statement {
                    self.focus = Pane::Editor;
                }
            }
            Action::NextCase => self.step_case(1),
            Action::PrevCase => self.step_case(-1),
            Action::EditCode => self.focus = Pane::Editor,
            Action::ExCommand => {
                self.focus = Pane::Editor;
                if self.zoom.is_some() {
                    self.zoom = Some(Pane::Editor);
                }
                // From insert mode, leave it first, so the `:` opens the command line instead of being typed.
                if self.editor.is_typing() {
                    self.editor.handle_key(KeyEvent::from(KeyCode::Esc));
                }
                self.editor.handle_key(KeyEvent::from(KeyCode::Char(':')));
            }
            _ => {}
        }
    }
}
