//! The learner screens (dashboard, plan, profile form) and the help overlay: going to them and back, and
//! what their actions do.

use super::*;

impl App {
    /// Switches to a learner screen, remembering where Esc goes back to.
    pub(super) fn show(&mut self, screen: Screen) {
        if matches!(self.screen, Screen::List | Screen::Workspace) {
            self.back_to = self.screen;
        }
        self.screen = screen;
    }

    pub(super) fn leave_learner_screen(&mut self) {
        self.screen =
            if self.back_to == Screen::Workspace && self.ws.is_some() { Screen::Workspace } else { Screen::List };
        self.status = None;
    }

    /// The help overlay's actions; false (the help closes) for any other.
    pub(super) fn help_action(&mut self, action: Action) -> bool {
        let Some(scroll) = self.help.as_mut() else { return false };
        match (action, action.scrolled(*scroll)) {
            (Action::Bottom, _) => return false,
            (_, Some(to)) => *scroll = to,
            (Action::Close, _) => self.help = None,
            _ => return false,
        }
        true
    }

    pub(super) fn form_action(&mut self, action: Action, fx: &mut Vec<Effect>) -> bool {
        let Some(form) = self.profile_form.as_mut() else { return false };
        match form.on_action(action) {
            crate::tui::profile_form::FormAction::None => {}
            crate::tui::profile_form::FormAction::Cancel => {
                self.profile_form = None;
                self.leave_learner_screen();
            }
            crate::tui::profile_form::FormAction::Submit(name, intake) => {
                let new = !self.profile_editing;
                fx.push(Effect::SaveProfile { name, intake, new });
                self.status = Some("saving…".into());
            }
        }
        true
    }

    pub(super) fn plan_action(&mut self, action: Action, fx: &mut Vec<Effect>) -> bool {
        if action == Action::Close {
            self.leave_learner_screen();
            return true;
        }
        let Some(plan) = self.plan.as_mut() else { return false };
        match plan.on_action(action) {
            crate::tui::plan_view::PlanAction::None => {}
            crate::tui::plan_view::PlanAction::Open(slug) => self.open(&slug, fx),
            crate::tui::plan_view::PlanAction::Regenerate => {
                self.plan_questions = Some((0, Default::default(), String::new()));
                self.status = Some("a few questions first: Enter answers (blank skips), Esc cancels".into());
            }
        }
        true
    }

    /// How far the dashboard scrolls at the current size (drawn once off screen to know).
    pub(super) fn dashboard_bottom(&self) -> u16 {
        let Some(d) = self.dashboard.as_ref() else { return 0 };
        let body = crate::tui::views::screen_body(ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1));
        let mut scratch = ratatui::buffer::Buffer::empty(body);
        let theme = crate::tui::theme::Theme::new(crate::tui::theme::ThemeKind::NoColor);
        crate::tui::dashboard::draw(&d.data, &theme, &self.keymap, body, &mut scratch, u16::MAX)
    }

    pub(super) fn dashboard_action(&mut self, action: Action, fx: &mut Vec<Effect>) -> bool {
        use crate::tui::dashboard::DashboardAction as Do;
        // Only going up needs the bottom (drawing once off screen to know it).
        let up = matches!(action, Action::ScrollUp | Action::PageUp);
        let bottom = if up { self.dashboard_bottom() } else { u16::MAX };
        let Some(d) = self.dashboard.as_mut() else { return false };
        match d.on_action(action, bottom) {
            None => return false,
            Some(Do::None) => {}
            Some(Do::Reload) => fx.push(Effect::LoadDashboard),
            Some(Do::Close) => self.leave_learner_screen(),
            Some(Do::Open(slug)) => self.open(&slug, fx),
            Some(Do::NothingToRecommend) => self.status = Some("nothing to recommend right now".into()),
        }
        true
    }

    pub(super) fn group_action(&mut self, action: Action, fx: &mut Vec<Effect>) -> bool {
        use crate::tui::group_view::GroupAction as Do;
        let Some(g) = self.group.as_mut() else { return false };
        match g.on_action(action) {
            None => return false,
            Some(Do::None) => {}
            Some(Do::Load(index)) => {
                fx.push(Effect::LoadGroup { index });
                self.status = Some(FETCHING_GROUP.into());
            }
            Some(Do::Close) => self.leave_learner_screen(),
            Some(Do::Prompting(p)) => self.status = Some(format!("type the {}", p.label())),
            Some(Do::NoGroup) => self.status = Some("no group to invite to here: join or create one first".into()),
            Some(Do::Request(r)) => self.send_group_request(r, fx),
        }
        true
    }

    fn send_group_request(&mut self, request: crate::tui::group_view::Request, fx: &mut Vec<Effect>) {
        use crate::tui::group_view::Request as R;
        self.status = Some(
            match &request {
                R::Join(_) => "joining…",
                R::Create(_) => "creating the group…",
                R::Invite { .. } => "asking for an invite code…",
            }
            .into(),
        );
        fx.push(Effect::GroupRequest(request));
    }

    /// A key while the group screen's prompt is open.
    pub(super) fn group_prompt_key(&mut self, key: KeyEvent, fx: &mut Vec<Effect>) {
        let Some(g) = self.group.as_mut() else { return };
        let Some((_, line)) = g.prompt.as_mut() else { return };
        match super::keys::edit_line(line, key) {
            super::keys::LineKey::Edited => {}
            super::keys::LineKey::Cancel => {
                g.prompt = None;
                self.status = None;
            }
            super::keys::LineKey::Enter => match g.submit_prompt() {
                Some(Ok(request)) => self.send_group_request(request, fx),
                Some(Err(why)) => self.status = Some(why),
                None => {}
            },
        }
    }

    pub(super) fn on_group_done(
        &mut self,
        request: crate::tui::group_view::Request,
        said: Result<String, String>,
        fx: &mut Vec<Effect>,
    ) {
        use crate::tui::group_view::Request as R;
        match said {
            Ok(said) => {
                self.status = Some(said);
                // A new group, or one joined, is the one to show (the learner's groups are listed oldest first).
                if !matches!(request, R::Invite { .. }) {
                    fx.push(Effect::LoadGroup { index: crate::tui::group_view::NEWEST });
                }
            }
            Err(why) => self.status = Some(why),
        }
    }

    pub(super) fn show_profile_form(&mut self, form: Box<crate::tui::profile_form::ProfileForm>) {
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

    pub(super) fn on_profile_saved(
        &mut self,
        result: Result<String, (crate::tui::profile_form::Field, Cause)>,
        fx: &mut Vec<Effect>,
    ) {
        match result {
            Ok(said) => {
                self.profile_form = None;
                self.status = Some(said);
                fx.push(Effect::LoadPlan { regenerate: None });
            }
            Err((field, why)) => {
                if let Some(f) = self.profile_form.as_mut() {
                    f.show_error(field, why.to_string());
                }
                self.status = Some(why.to_string());
            }
        }
    }
}
