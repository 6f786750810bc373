//! Keys, paste and the mouse: which bindings apply where ([`App::contexts`]), a key's route to an action
//! or to what has focus, and what each app action does. The one-line prompts' editing is here too.

use super::*;

impl App {
    /// The contexts whose bindings a key is looked up in now.
    pub(super) fn contexts(&self) -> Vec<Context> {
        if self.help.is_some() {
            return vec![Context::Help];
        }
        match (self.screen, self.ws.as_ref().map(|w| w.focus)) {
            // A prompt takes every key.
            (Screen::List, _) if self.list.searching => vec![],
            (Screen::Workspace, _) if self.asking() => vec![],
            (Screen::Plan, _) if self.plan_questions.is_some() => vec![],
            (Screen::Group, _) if self.group.as_ref().is_some_and(|g| g.prompt.is_some()) => vec![],
            // The form types characters and keeps F-keys from leaving it half filled.
            (Screen::Profile, _) => vec![Context::Form],
            // The editor owns plain keys; Global bindings reach it only through keys it never types (F1).
            (Screen::Workspace, Some(Pane::Editor)) => vec![Context::Workspace, Context::Global],
            _ => self.help_contexts(),
        }
    }

    /// The contexts of the screen (under the help overlay, for help to list first).
    pub fn help_contexts(&self) -> Vec<Context> {
        let own = match self.screen {
            Screen::List => Context::List,
            Screen::Workspace => return vec![Context::Workspace, Context::Pane, Context::Global],
            Screen::Dashboard => Context::Dashboard,
            Screen::Plan => Context::Plan,
            Screen::Profile => Context::Form,
            Screen::Group => Context::Group,
        };
        vec![own, Context::Global]
    }

    pub(super) fn on_key(&mut self, key: KeyEvent, fx: &mut Vec<Effect>) {
        if self.help.is_none() && self.screen == Screen::Workspace && self.asking() {
            self.question_key(key, fx);
            return;
        }
        if self.help.is_none() && self.screen == Screen::Plan && self.plan_questions.is_some() {
            self.plan_question_key(key, fx);
            return;
        }
        if self.help.is_none()
            && self.screen == Screen::Group
            && self.group.as_ref().is_some_and(|g| g.prompt.is_some())
        {
            self.group_prompt_key(key, fx);
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
            Screen::Dashboard | Screen::Plan | Screen::Group => {}
        }
    }

    /// A key for the focused editor, and what it asks of the app (an ex command, the clipboard).
    pub(super) fn editor_key(&mut self, key: KeyEvent, fx: &mut Vec<Effect>) {
        let Some(ws) = self.ws.as_mut() else { return };
        let outcome = ws.edit(self.now, |e| e.handle_key(key));
        self.flush_clipboard(fx);
        if let EditOutcome::Command(cmd) = outcome {
            self.command(cmd, fx);
        }
    }

    /// Sends what the editor yanked to the system clipboard, if anything.
    pub(super) fn flush_clipboard(&mut self, fx: &mut Vec<Effect>) {
        if let Some(text) = self.ws.as_mut().and_then(|ws| ws.editor.take_clipboard()) {
            fx.push(Effect::Clipboard(text));
        }
    }

    /// Carries out an action; false when it does not apply here and the key should go on to the focus.
    pub(super) fn act(&mut self, action: Action, fx: &mut Vec<Effect>) -> bool {
        let global = action.contexts().contains(&Context::Global);
        if self.help.is_some() {
            return self.help_action(action);
        }
        match self.screen {
            Screen::Dashboard if !global => return self.dashboard_action(action, fx),
            Screen::Plan if !global => return self.plan_action(action, fx),
            Screen::Group if !global => return self.group_action(action, fx),
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
            Action::Group => {
                fx.push(Effect::LoadGroup { index: self.group.as_ref().map_or(0, |g| g.data.index) });
                self.status = Some(FETCHING_GROUP.into());
            }
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
            | Action::NextGroup
            | Action::JoinGroup
            | Action::CreateGroup
            | Action::InviteToGroup
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

    /// A paste goes where typed text would: a prompt's line, the list's search, or the editor (as one
    /// undo step, without auto-indent, in any mode). Elsewhere it is dropped.
    pub(super) fn on_paste(&mut self, text: &str) {
        let one_line = || text.lines().map(str::trim_end).collect::<Vec<_>>().join(" ");
        if self.help.is_some() {
            return;
        }
        match self.screen {
            Screen::Group => {
                if let Some((_, line)) = self.group.as_mut().and_then(|g| g.prompt.as_mut()) {
                    line.push_str(one_line().trim());
                }
            }
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
    pub(super) fn question_key(&mut self, key: KeyEvent, fx: &mut Vec<Effect>) {
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

    /// A key while the plan asks its questions before making a new plan.
    pub(super) fn plan_question_key(&mut self, key: KeyEvent, fx: &mut Vec<Effect>) {
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

    /// Scrolls the focused pane, never past its last line (as the pane is drawn now).
    pub(super) fn scroll(&mut self, by: i32) {
        let Some(focus) = self.ws.as_ref().map(|w| w.focus) else { return };
        let bottom = crate::tui::views::pane_bottom(self, focus).unwrap_or(u16::MAX);
        if let Some(ws) = self.ws.as_mut() {
            ws.scroll(by, bottom);
        }
    }

    pub(super) fn on_mouse(&mut self, m: MouseEvent) {
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
}

/// What a key did to a one-line input (the tutor's question, the plan's follow-up answers).
#[derive(Debug, PartialEq, Eq)]
pub(super) enum LineKey {
    Edited,
    Enter,
    /// Esc or Ctrl-c.
    Cancel,
}

/// Line editing shared by the app's one-line inputs: typing, Backspace, Ctrl-u (clear), Ctrl-w (word).
pub(super) fn edit_line(line: &mut String, key: KeyEvent) -> LineKey {
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
