//! Work in a problem's workspace: opening and parking it, autosave, runs and their verdicts, the tutor,
//! interviews and the editor's ex commands.

use super::*;

impl App {
    pub(super) fn command(&mut self, cmd: AppCommand, fx: &mut Vec<Effect>) {
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
    pub(super) fn note_earlier_draft(&mut self) {
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

    pub(super) fn park_current(&mut self, fx: &mut Vec<Effect>) {
        self.autosave(true, fx);
        if let Some(ws) = self.ws.take() {
            self.parked.insert(ws.slug.clone(), ws);
        }
    }

    pub(super) fn back_to_list(&mut self, fx: &mut Vec<Effect>) {
        self.park_current(fx);
        self.screen = Screen::List;
    }

    /// Saves the draft when it has been dirty for a second (or now, when `force`).
    pub(super) fn autosave(&mut self, force: bool, fx: &mut Vec<Effect>) {
        let now = self.now;
        if let Some(ws) = self.ws.as_mut() {
            let due = ws.dirty_since.is_some_and(|t| force || now.duration_since(t) >= AUTOSAVE);
            if due && ws.loaded {
                fx.push(Effect::SaveDraft { slug: ws.slug.clone(), code: ws.editor.text() });
                ws.dirty_since = None;
            }
        }
    }

    pub(super) fn start_run(&mut self, mode: RunMode, fx: &mut Vec<Effect>) {
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

    pub(super) fn on_judged(&mut self, tag: u64, result: Result<Box<Judged>, JobError>, fx: &mut Vec<Effect>) {
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

    /// Ends a running interview: the outcome is the best submission so far (accepted only when it was).
    pub(super) fn finish_interview(&mut self, slug: &str, why: &str, fx: &mut Vec<Effect>) {
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

    /// Starts a turn with the tutor (an empty question asks for the next hint).
    pub(super) fn ask_tutor(&mut self, question: String, give_up: bool, fx: &mut Vec<Effect>) {
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

    pub(super) fn on_chat(&mut self, tag: u64, event: crate::coach::ChatEvent) {
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

    /// A workspace whose draft could not be saved: its problem and why.
    pub(super) fn unsaved(&self) -> Option<(String, String)> {
        let mut all = self.ws.iter().chain(self.parked.values());
        all.find_map(|w| w.save_failed.clone().map(|e| (w.slug.clone(), e)))
    }

    /// Says that quitting now loses a draft, and lets the next quit go ahead.
    pub(super) fn warn_unsaved(&mut self) {
        if let Some((slug, error)) = self.unsaved() {
            self.status = Some(format!(
                "the draft of {slug} is not saved ({error}): `:w FILE` keeps a copy; quit again to leave anyway"
            ));
            self.quit_warned = true;
        }
    }

    pub(super) fn on_tick(&mut self, now: Instant, fx: &mut Vec<Effect>) {
        self.now = now;
        self.autosave(false, fx);
        let signed_in = !matches!(self.sync.status, Some(crate::sync::SyncStatus::LocalOnly { .. }));
        let due = self.sync.last.is_some_and(|t| now.duration_since(t) >= SYNC_EVERY);
        if signed_in && due {
            self.request_sync(fx);
        }
        let expired = self.ws.iter().chain(self.parked.values()).find_map(|w| {
            let iv = w.interview.as_ref().filter(|iv| iv.running())?;
            iv.remaining(now).is_zero().then(|| w.slug.clone())
        });
        if let Some(slug) = expired {
            self.finish_interview(&slug, "time is up", fx);
        }
    }

    pub(super) fn on_draft_loaded(
        &mut self,
        slug: String,
        code: Option<String>,
        last: Option<Box<LastRun>>,
        fx: &mut Vec<Effect>,
    ) {
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
                self.editor_key(key, fx);
            }
        }
        self.note_earlier_draft();
    }

    pub(super) fn on_diagnosed(
        &mut self,
        tag: u64,
        analysis: crate::analysis::Analysis,
        counterexample: Option<crate::analysis::Counterexample>,
        summary: Option<String>,
    ) {
        let ws = self.ws.iter_mut().chain(self.parked.values_mut()).find(|w| w.diagnosing == Some(tag));
        if let Some(ws) = ws {
            ws.diagnosing = None;
            ws.analysis = Some(analysis);
            ws.counterexample = counterexample;
            ws.diagnosis_summary = summary;
        }
    }

    pub(super) fn on_save_failed(&mut self, slug: String, error: Cause) {
        if let Some(ws) = self.workspace_mut(&slug) {
            ws.save_failed = Some(error.to_string());
        }
        self.status = Some(format!("could not save the draft of {slug}: {error}"));
        // A quit under way stops here: it would lose the draft without a word.
        if self.quit {
            self.quit = false;
            self.warn_unsaved();
        }
    }

    pub(super) fn on_interview_ready(&mut self, session: crate::learner::interview::Session, fx: &mut Vec<Effect>) {
        let slug = session.slug.clone();
        self.open(&slug, fx);
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

    pub(super) fn on_synced(
        &mut self,
        status: crate::sync::SyncStatus,
        community: Option<HashMap<String, crate::sync::signal::Signal>>,
        fx: &mut Vec<Effect>,
    ) {
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
            self.request_sync(fx);
        }
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

/// What the status line says when an interview starts; an earlier draft is mentioned first, so that a
/// narrow status line still shows it.
pub(super) fn interview_status(session: &crate::learner::interview::Session, earlier_draft: bool) -> String {
    let hints = session.hint_limit;
    format!(
        "interview: {}{} minutes, {hints} hint{}, difficulty hidden; :submit when ready, :giveup ends it",
        if earlier_draft { "your earlier draft is loaded (:reset starts afresh) · " } else { "" },
        session.duration_ms / 60_000,
        if hints == 1 { "" } else { "s" }
    )
}
