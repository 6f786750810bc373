//! The terminal UI (issue #4): the only module that imports ratatui, crossterm and tui-textarea.
//!
//! The runtime owns the terminal and the outside world: a thread reads terminal events, background threads
//! run the judge, and everything arrives as [`app::Msg`] on one channel. [`app::App::update`] is pure; the
//! loop executes the effects it returns and redraws when something changed. Slow work never runs on the
//! loop, so scrolling and typing go on while a solution runs.

pub mod app;
pub mod chat;
mod clipboard;
pub mod dashboard;
pub mod editor;
pub mod group_view;
pub mod inbox;
pub mod keymap;
pub mod list;
pub mod markdown;
pub mod pane;
pub mod plan_view;
pub mod profile_form;
mod store_worker;
#[cfg(test)]
mod tests;
pub mod theme;
pub mod views;
pub mod workspace;

use std::collections::HashMap;
use std::io::{self, Write};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
};
use crossterm::execute;
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;

use crate::config::{Config, Paths};
use crate::diagnose::{self, DiagnoseOptions};
use crate::judge::{CancelToken, Judge, RunOptions};
use crate::problems::Bank;
use crate::store::{NewSubmission, Store};
use app::{App, Cause, Effect, Job, JobError, Msg, RunMode};
use keymap::Keymap;
use theme::Theme;

#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    #[error("terminal: {0}")]
    Io(#[from] io::Error),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error("config {0}")]
    Keymap(#[from] keymap::KeymapError),
}

/// Puts the terminal back however the TUI ends: normal exit, error or panic.
struct TerminalGuard;

impl TerminalGuard {
    fn enter() -> io::Result<TerminalGuard> {
        terminal::enable_raw_mode()?;
        execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture, EnableBracketedPaste)?;
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
        Ok(TerminalGuard)
    }
}

fn restore() {
    let _ = terminal::disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        LeaveAlternateScreen,
        DisableMouseCapture,
        DisableBracketedPaste,
        crossterm::cursor::Show
    );
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Runs the TUI until the user quits.
pub fn run(config: &Config, paths: &Paths) -> Result<(), TuiError> {
    let store = Store::open(&paths.db_file)?;
    let keymap = Keymap::with_overrides(&config.keys)?;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = Theme::from_config(&config.ui.theme, no_color);
    let bank = Bank::load(&config.problem_dirs);
    let progress = store.progress()?;
    let last = store.state("last_problem")?;
    let mut app = App::new(bank, progress, last, keymap);
    app.list.set_community(store.community_signal()?);
    app.list.set_trending(store.trending()?);
    app.editor_cols = store.state("editor_cols")?.and_then(|v| v.parse().ok()).unwrap_or(0);
    app.clipboard = (Some(clipboard::read), config.ui.clipboard == crate::config::ClipboardMode::UnnamedPlus);

    let _guard = TerminalGuard::enter()?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::BufWriter::with_capacity(FRAME_BUFFER, io::stdout())))?;
    let size = terminal.size()?;
    app.size = (size.width, size.height);
    app.theme_kind = theme.kind;
    app.relayout();
    draw(&mut terminal, &app, &theme)?;
    tracing_first_frame(paths, crate::started().elapsed());

    let (tx, rx) = mpsc::channel::<Msg>();
    let input = spawn_input(tx.clone());
    let mut runtime = Runtime {
        tx,
        input,
        db: store_worker::StoreWorker::spawn(store)?,
        config: config.clone(),
        paths: paths.clone(),
        runs: HashMap::new(),
        chats: HashMap::new(),
        judge: Arc::new(OnceLock::new()),
    };
    // The first sync runs at once in the background (offline or not signed in, it says so and stops).
    let mut first = Vec::new();
    app.request_sync(&mut first);
    // On open: an upgrade's history is filed, and milestones earned but never shown are announced.
    first.push(Effect::CheckMilestones);
    for fx in first {
        runtime.execute(fx, &mut app, &mut terminal)?;
    }
    event_loop(&mut app, &theme, &mut terminal, &rx, &mut runtime)?;
    Ok(())
}

/// Records how long the first frame took, for the benchmark (a log line; never shown on the terminal).
fn tracing_first_frame(paths: &Paths, took: Duration) {
    if std::env::var_os("CODIFY_FIRST_FRAME_LOG").is_some() && std::fs::create_dir_all(&paths.log_dir).is_ok() {
        if let Ok(mut f) =
            std::fs::OpenOptions::new().create(true).append(true).open(paths.log_dir.join("first-frame.log"))
        {
            let _ = writeln!(f, "{:.3}", took.as_secs_f64() * 1000.0);
        }
    }
}

/// The terminal's reader, which can be paused while another program owns the terminal ($EDITOR).
struct Input {
    /// Asked to stop reading.
    paused: Arc<std::sync::atomic::AtomicBool>,
    /// Not reading: it saw the pause between two polls.
    idle: Arc<std::sync::atomic::AtomicBool>,
}

impl Input {
    /// Stops reading the terminal; returns once the reader has stopped (it polls every 20 ms).
    fn pause(&self) {
        use std::sync::atomic::Ordering;
        self.paused.store(true, Ordering::SeqCst);
        let deadline = Instant::now() + Duration::from_secs(1);
        while !self.idle.load(Ordering::SeqCst) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    fn resume(&self) {
        self.paused.store(false, std::sync::atomic::Ordering::SeqCst);
    }
}

/// Reads keys, mouse and resizes into the app's inbox, polling so that it can be paused between reads:
/// while another program has the terminal, every key must go to that program.
fn spawn_input(tx: Sender<Msg>) -> Input {
    use std::sync::atomic::{AtomicBool, Ordering};
    let (paused, idle) = (Arc::new(AtomicBool::new(false)), Arc::new(AtomicBool::new(false)));
    let input = Input { paused: paused.clone(), idle: idle.clone() };
    std::thread::spawn(move || loop {
        if paused.load(Ordering::SeqCst) {
            idle.store(true, Ordering::SeqCst);
            std::thread::sleep(Duration::from_millis(5));
            continue;
        }
        idle.store(false, Ordering::SeqCst);
        match event::poll(Duration::from_millis(20)) {
            Ok(false) => continue,
            Ok(true) => {}
            Err(_) => break,
        }
        // Paused while polling: leave the waiting bytes to the program that now has the terminal.
        if paused.load(Ordering::SeqCst) {
            continue;
        }
        let msg = match event::read() {
            Ok(Event::Key(k)) if k.kind != event::KeyEventKind::Release => Msg::Key(k),
            Ok(Event::Mouse(m)) => Msg::Mouse(m),
            Ok(Event::Resize(w, h)) => Msg::Resize(w, h),
            Ok(Event::Paste(text)) => Msg::Paste(text),
            Ok(_) => continue,
            Err(_) => break,
        };
        if tx.send(msg).is_err() {
            break;
        }
    });
    input
}

/// Creates (and makes active) or updates a profile; a refusal names the form's field.
fn save_profile(
    store: &Store,
    name: &str,
    intake: &crate::learner::Intake,
    new: bool,
) -> Result<String, (profile_form::Field, Cause)> {
    use profile_form::Field;
    let db = |e: crate::store::StoreError| (Field::Name, Cause::said(format!("could not save the profile: {e}")));
    if !new {
        store.update_profile(name, intake, &intake.embedding()).map_err(db)?;
        return Ok(format!("profile {name} saved; the plan keeps its days until you make a new one (r)"));
    }
    crate::store::valid_profile_name(name).map_err(|e| (Field::Name, Cause::said(e)))?;
    if store.profile(name).map_err(db)?.is_some() {
        return Err((Field::Name, Cause::said(format!("a profile `{name}` exists already; pick another name"))));
    }
    store.create_profile(name, intake, &intake.embedding()).map_err(db)?;
    store.use_profile(name).map_err(db)?;
    Ok(format!("profile {name} created and active; here is a plan fitted to it"))
}

/// A session on the problem the learner model picks for the active profile (any learner without one).
fn pick_interview(
    store: &Store,
    bank: &Bank,
) -> Result<Option<crate::learner::interview::Session>, crate::store::StoreError> {
    use crate::learner::interview;
    let now = crate::coach::budget::now_ms();
    let snap = crate::learner::Snapshot::load(store, bank, now)?;
    // The day number varies the choice among equally good problems from one day to the next.
    let seed = (now / 86_400_000) as u64;
    let slug = interview::pick(snap.intake(), &snap.needs, &snap.catalog, &snap.history, &snap.progression, seed);
    let info = slug.and_then(|s| snap.catalog.iter().find(|p| p.slug == s));
    Ok(info.map(|p| interview::Session::start(p, &snap.progression, now)))
}

/// The community signal after a vote or comment was recorded, or what did not happen.
fn community_changed(
    done: Result<HashMap<String, crate::sync::signal::Signal>, crate::store::StoreError>,
    job: Job,
) -> Msg {
    match done {
        Ok(community) => Msg::Community(community),
        Err(e) => failed(job, e),
    }
}

/// A failure of background work, for the inbox.
fn failed(job: Job, error: impl std::error::Error + Send + Sync + 'static) -> Msg {
    Msg::Failed { job, error: Cause::new(error) }
}

/// Past submissions `:history` lists.
const HISTORY_SHOWN: usize = 50;

/// Stored messages shown when a problem is opened again.
const CHAT_HISTORY_SHOWN: usize = 200;

type Term = Terminal<CrosstermBackend<io::BufWriter<io::Stdout>>>;

/// Large enough that a full frame leaves in one write instead of many small ones.
const FRAME_BUFFER: usize = 1 << 16;

/// Draws one frame as a synchronized update, so terminals that support it (and those that only buffer) never
/// show half of the old frame and half of the new; others ignore the two escape sequences.
fn draw(terminal: &mut Term, app: &App, theme: &Theme) -> io::Result<()> {
    crossterm::queue!(terminal.backend_mut(), terminal::BeginSynchronizedUpdate)?;
    terminal.draw(|f| views::draw(app, theme, f.area(), f.buffer_mut()))?;
    execute!(terminal.backend_mut(), terminal::EndSynchronizedUpdate)
}

fn event_loop(
    app: &mut App,
    theme: &Theme,
    terminal: &mut Term,
    rx: &Receiver<Msg>,
    rt: &mut Runtime,
) -> Result<(), TuiError> {
    let mut next_tick = Instant::now();
    loop {
        let tick_every = if app.animating() { Duration::from_millis(80) } else { Duration::from_millis(250) };
        let wait = next_tick.saturating_duration_since(Instant::now());
        let first = match rx.recv_timeout(wait) {
            Ok(m) => m,
            Err(RecvTimeoutError::Timeout) => {
                next_tick = Instant::now() + tick_every;
                Msg::Tick(Instant::now())
            }
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        };
        // Coalesce: handle everything that is already waiting, then draw once.
        let mut batch = vec![first];
        batch.extend(rx.try_iter());
        for msg in batch {
            let effects = app.update(msg);
            for fx in effects {
                if rt.execute(fx, app, terminal)? {
                    return Ok(());
                }
            }
        }
        draw(terminal, app, theme)?;
    }
}

struct Runtime {
    tx: Sender<Msg>,
    input: Input,
    db: store_worker::StoreWorker,
    config: Config,
    paths: Paths,
    runs: HashMap<u64, CancelToken>,
    /// The tutor's turn in flight per problem (dropping a handle stops its turn).
    chats: HashMap<String, (u64, crate::coach::ChatHandle)>,
    judge: Arc<OnceLock<Result<Judge, Cause>>>,
}

impl Runtime {
    /// Runs `job` on the store's thread; its message comes back through the inbox.
    fn ask(&self, job: impl FnOnce(&Store) -> Msg + Send + 'static) {
        let tx = self.tx.clone();
        self.db.run(move |store| {
            let _ = tx.send(job(store));
        });
    }

    /// Executes one effect; true when the app should end.
    fn execute(&mut self, fx: Effect, app: &mut App, terminal: &mut Term) -> Result<bool, TuiError> {
        match fx {
            // A quit that a failed save stopped (the app said why) does not end the app.
            Effect::Quit if !app.quit => {}
            Effect::Quit => return Ok(true),
            Effect::Clipboard(text) => {
                use std::io::Write;
                let in_tmux = std::env::var_os("TMUX").is_some_and(|v| !v.is_empty());
                let out = terminal.backend_mut();
                out.write_all(clipboard::osc52(&text, in_tmux).as_bytes())?;
                out.flush()?;
            }
            Effect::LoadDraft { slug } => self.ask(move |store| {
                let code = store.draft(&slug).unwrap_or(None);
                let last = store.last_submission(&slug).ok().flatten().map(|(s, analysis)| {
                    let report = crate::judge::Report {
                        problem: s.problem,
                        verdict: s.verdict,
                        passed: s.passed,
                        total: s.total,
                        runtime_ms: s.runtime_ms,
                        cases: s.cases,
                        message: None,
                        compile_error: None,
                        sandbox: Vec::new(),
                    };
                    Box::new(app::LastRun { code: s.code, report, analysis })
                });
                Msg::DraftLoaded { slug, code, last }
            }),
            // While quitting, at once: a quit must know that the draft was lost.
            Effect::SaveDraft { slug, code } if app.quit => {
                let saved =
                    self.db.call(move |store| store.save_draft(&slug, &code).map_err(|e| (slug, Cause::new(e))));
                if let Some(Err((slug, error))) = saved {
                    for fx in app.update(Msg::SaveFailed { slug, error }) {
                        self.execute(fx, app, terminal)?;
                    }
                }
            }
            Effect::SaveDraft { slug, code } => self.ask(move |store| match store.save_draft(&slug, &code) {
                Ok(()) => Msg::Saved { slug },
                Err(e) => Msg::SaveFailed { slug, error: Cause::new(e) },
            }),
            Effect::DeleteDraft { slug } => self.ask(move |store| match store.delete_draft(&slug) {
                Ok(()) => Msg::Nothing,
                Err(e) => failed(Job::DeleteDraft, e),
            }),
            Effect::RememberLast { slug } => self.ask(move |store| match store.set_state("last_problem", &slug) {
                Ok(()) => Msg::Nothing,
                Err(e) => failed(Job::RememberLast, e),
            }),
            Effect::LoadHistory { slug } => {
                self.ask(move |store| match store.history(Some(&slug), Some(HISTORY_SHOWN)) {
                    Ok(rows) => Msg::History { slug, rows },
                    Err(e) => failed(Job::History, e),
                })
            }
            Effect::RememberLayout { editor_cols } => {
                self.ask(move |store| match store.set_state("editor_cols", &editor_cols.to_string()) {
                    Ok(()) => Msg::Nothing,
                    Err(e) => failed(Job::Layout, e),
                })
            }
            Effect::LoadChat { slug } => self.ask(move |store| {
                let history = crate::coach::history(store, &slug, CHAT_HISTORY_SHOWN);
                let hints_used = store.hints_used(&slug).unwrap_or(0);
                match history {
                    Ok(history) => Msg::ChatLoaded { slug, history, hints_used },
                    Err(e) => failed(Job::TutorHistory, e),
                }
            }),
            Effect::Chat { tag, slug, question, give_up, code } => self.chat(tag, slug, question, give_up, code, app),
            Effect::CancelChat { tag } => {
                if let Some((_, (_, handle))) = self.chats.iter().find(|(_, (t, _))| *t == tag) {
                    handle.cancel();
                }
            }
            Effect::WriteFile { path, code } => {
                let result = std::fs::write(&path, code).map_err(Cause::new);
                let _ = self.tx.send(Msg::FileWritten { path, result });
            }
            Effect::ReadFile { path } => {
                let result = crate::solution::read_solution(std::path::Path::new(&path)).map_err(Cause::new);
                let _ = self.tx.send(Msg::FileRead { path, result });
            }
            Effect::External { slug, code } => self.external(&slug, &code, terminal)?,
            Effect::CancelJudge { tag } => {
                if let Some(t) = self.runs.remove(&tag) {
                    t.cancel();
                }
            }
            Effect::Judge { tag, slug, code, mode } => self.judge(tag, slug, code, mode),
            Effect::Vote { slug, vote } => self.ask(move |store| {
                let done = store.record_vote(&slug, vote).and_then(|_| store.community_signal());
                community_changed(done, Job::Vote)
            }),
            Effect::Comment { slug, text, tag } => self.ask(move |store| {
                let done = store.record_comment(&slug, &text, tag).and_then(|_| store.community_signal());
                community_changed(done, Job::Comment)
            }),
            Effect::LoadComments { slug } => self.ask(move |store| match store.comments_for(&slug) {
                Ok(comments) => Msg::Comments { slug, comments },
                Err(e) => failed(Job::Comments, e),
            }),
            Effect::Sync => self.sync(),
            Effect::StartInterview => {
                let bank = app.bank.clone();
                self.ask(move |store| match pick_interview(store, &bank) {
                    Ok(Some(session)) => Msg::InterviewReady(session),
                    Ok(None) => Msg::NoInterview,
                    Err(e) => failed(Job::Interview, e),
                })
            }
            Effect::FinishInterview { slug, session, outcome } => self.ask(move |store| {
                let readiness = crate::learner::interview::score(&session, &outcome);
                let profile = store.active_profile().ok().flatten().map(|p| p.id);
                match store.record_interview(profile, &session, &outcome, &readiness) {
                    Ok(_) => Msg::InterviewScored { slug, readiness },
                    Err(e) => failed(Job::InterviewScore, e),
                }
            }),
            Effect::CheckMilestones => {
                let bank = app.bank.clone();
                self.ask(move |store| match store.sync_milestones_for(&bank, crate::clock::now_ms()) {
                    Ok(earned) => Msg::Milestones(earned),
                    Err(e) => failed(Job::Milestones, e),
                })
            }
            Effect::MilestonesShown { ids } => self.ask(move |store| match store.mark_milestones_shown(&ids) {
                Ok(()) => Msg::Nothing,
                Err(e) => failed(Job::Milestones, e),
            }),
            Effect::LoadDashboard => {
                let bank = app.bank.clone();
                self.ask(move |store| {
                    let now = crate::coach::budget::now_ms();
                    match crate::learner::Dashboard::load(store, &bank, now) {
                        Ok(d) => Msg::DashboardReady(Box::new(d)),
                        Err(e) => failed(Job::Dashboard, e),
                    }
                })
            }
            Effect::LoadGroup { index } => {
                let (tx, db) = (self.tx.clone(), self.paths.db_file.clone());
                std::thread::spawn(move || {
                    let _ = tx.send(Msg::GroupReady(Box::new(group_view::load(&db, index))));
                });
            }
            Effect::GroupRequest(request) => {
                let (tx, db) = (self.tx.clone(), self.paths.db_file.clone());
                std::thread::spawn(move || {
                    let said = group_view::request(&db, &request);
                    let _ = tx.send(Msg::GroupDone { request, said });
                });
            }
            Effect::LoadPlan { regenerate } => {
                let profile_key = app.keymap.keys_for(keymap::Action::Profile).first().cloned().unwrap_or_default();
                self.load_plan(regenerate, app.bank.clone(), profile_key)
            }
            Effect::OpenProfileForm => {
                self.ask(|store| match (store.active_profile(), crate::knowledge::progression()) {
                    (Ok(active), Ok(prog)) => {
                        let existing = active.as_ref().map(|p| (p.name.as_str(), &p.intake));
                        Msg::ProfileForm(Box::new(profile_form::ProfileForm::new(existing, &prog)))
                    }
                    (Err(e), _) => failed(Job::Profile, e),
                    (_, Err(e)) => failed(Job::Progression, e),
                })
            }
            Effect::SaveProfile { name, intake, new } => {
                self.ask(move |store| Msg::ProfileSaved(save_profile(store, &name, &intake, new)))
            }
            Effect::PickNext => {
                let bank = app.bank.clone();
                self.ask(move |store| {
                    let now = crate::coach::budget::now_ms();
                    match crate::learner::Snapshot::load(store, &bank, now) {
                        Ok(snap) => {
                            let queue = crate::learner::queue(&snap.next_inputs(), now);
                            Msg::NextReady(queue.into_iter().next().map(|i| (i.slug, i.reason)))
                        }
                        Err(e) => failed(Job::Ranking, e),
                    }
                })
            }
        }
        Ok(false)
    }

    fn judge(&mut self, tag: u64, slug: String, code: String, mode: RunMode) {
        let Ok(cancel) = CancelToken::new() else {
            let error = JobError::Failed(Cause::said("cannot create a cancel pipe"));
            let _ = self.tx.send(Msg::Judged { tag, result: Err(error) });
            return;
        };
        self.runs.insert(tag, cancel.clone());
        let (tx, config, paths, cell) = (self.tx.clone(), self.config.clone(), self.paths.clone(), self.judge.clone());
        std::thread::spawn(move || {
            let send = |m: Msg| drop(tx.send(m));
            let result = (|| -> Result<_, JobError> {
                let fail = |e| JobError::Failed(Cause::new(e));
                let judge = cell
                    .get_or_init(|| Judge::from_config(&config, &paths).map_err(Cause::new))
                    .as_ref()
                    .map_err(|e| JobError::Failed(e.clone()))?;
                let problem = crate::problems::load_one(&slug, &config.problem_dirs)
                    .ok_or_else(|| JobError::Failed(Cause::said("the problem is gone")))?
                    .map_err(fail)?;
                let mut tests = problem.tests().map_err(fail)?;
                if mode == RunMode::Run {
                    tests.retain(|t| !t.hidden);
                }
                let opts = RunOptions {
                    stop_at_first_failure: config.judge.stop_at_first_failure,
                    cancel: Some(cancel.clone()),
                };
                let report = judge
                    .run(&problem, &tests, &code, &opts)
                    .map_err(|crate::judge::RunError::Cancelled| JobError::Cancelled)?;
                report.log(if mode == RunMode::Run { "run" } else { "submit" });
                Ok((judge, problem, tests, report))
            })();
            let (judge, problem, tests, report) = match result {
                Ok(done) => done,
                Err(JobError::Cancelled) => return,
                Err(e) => return send(Msg::Judged { tag, result: Err(e) }),
            };
            // The verdict is shown at once; a failure's diagnosis (≤ judge.diagnose_ms) follows, and the
            // submission is recorded with the analysis it gives.
            let diagnose = DiagnoseOptions::from_config(&config.judge)
                .filter(|_| diagnose::worth_it(&report))
                .map(|o| DiagnoseOptions { cancel: Some(cancel), ..o });
            let evidence = crate::analysis::RunEvidence::from_report(&report);
            let analysis = crate::analysis::analyze(&code, &problem.analysis_context(Some(&evidence)));
            let judged = app::Judged {
                report: report.clone(),
                analysis: Some(analysis.clone()),
                diagnosing: diagnose.is_some(),
            };
            send(Msg::Judged { tag, result: Ok(Box::new(judged)) });
            let analysis = match &diagnose {
                Some(o) => {
                    let (evidence, found) = diagnose::evidence(judge, &problem, &tests, &code, &report, Some(o));
                    let analysis = crate::analysis::analyze(&code, &problem.analysis_context(Some(&evidence)));
                    let counterexample = evidence.counterexample.map(Box::new);
                    let summary = found.and_then(|d| d.summary());
                    send(Msg::Diagnosed { tag, analysis: Box::new(analysis.clone()), counterexample, summary });
                    analysis
                }
                None => analysis,
            };
            if mode != RunMode::Submit {
                return;
            }
            let recorded = (|| -> Result<Store, crate::store::StoreError> {
                let s = Store::open(&paths.db_file)?;
                let hints_used = s.hints_used(&slug)?;
                let sub = NewSubmission { code: &code, report: &report, analysis: Some(&analysis), hints_used };
                s.record_submission(&sub, crate::coach::budget::now_ms())?;
                Ok(s)
            })();
            match recorded {
                // Feedback on a submission comes after its report (the model may take a few seconds).
                Ok(store) => {
                    send(Msg::Recorded { slug: slug.clone() });
                    let feedback =
                        crate::coach::feedback_blocking(&config.llm, &store, &problem, &code, &report, &analysis);
                    send(Msg::Feedback { slug, feedback });
                }
                Err(e) => {
                    let text = format!("This submission was not recorded: {e}");
                    send(failed(Job::Submission, e));
                    let feedback =
                        crate::coach::Feedback { text, source: crate::coach::Source::Offline, offline_reason: None };
                    send(Msg::Feedback { slug, feedback });
                }
            }
        });
    }

    /// The plan screen's data on a background thread: the active profile's latest plan, or a new one (the
    /// model when configured, else the offline planner) when there is none or `regenerate` brings answers.
    fn load_plan(&self, regenerate: Option<[Option<String>; 3]>, bank: Arc<Bank>, profile_key: String) {
        let (tx, db, config) = (self.tx.clone(), self.paths.db_file.clone(), self.config.clone());
        std::thread::spawn(move || {
            let msg = match make_or_load_plan(&db, &config, &bank, regenerate, &profile_key) {
                Ok((screen, note)) => Msg::PlanReady { screen: Box::new(screen), note },
                Err(e) => Msg::Failed { job: Job::Plan, error: Cause::said(e) },
            };
            let _ = tx.send(msg);
        });
    }

    /// One background sync on its own thread and connection; the app hears of it as [`Msg::Synced`].
    fn sync(&self) {
        let (tx, db) = (self.tx.clone(), self.paths.db_file.clone());
        std::thread::spawn(move || {
            let status = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
                Ok(rt) => rt.block_on(crate::sync::background_sync(db.clone())),
                Err(e) => crate::sync::SyncStatus::Error(format!("no async runtime: {e}")),
            };
            let store = Store::open(&db);
            let community = store.as_ref().ok().and_then(|s| s.community_signal().ok());
            let trending = store.as_ref().ok().and_then(|s| s.trending().ok());
            let _ = tx.send(Msg::Synced { status, community, trending });
        });
    }

    /// Starts a turn with the tutor on its own thread, grounded in the workspace's latest run.
    fn chat(&mut self, tag: u64, slug: String, question: String, give_up: bool, code: String, app: &App) {
        let fail = |tx: &Sender<Msg>, e: String| {
            let _ = tx.send(Msg::Chat { tag, event: crate::coach::ChatEvent::Failed(e) });
        };
        let Some(problem) = app.bank.get(&slug).cloned() else {
            return fail(&self.tx, format!("the problem `{slug}` is gone"));
        };
        // The problem's record (solved, recent failures) is read on the tutor's own thread.
        let mut grounding = crate::coach::Grounding::new(problem);
        // The latest run grounds the turn when it is of this very code; otherwise the code is analysed as it
        // stands (a couple of milliseconds) so that the tutor still sees its shape.
        let ws = app.workspace(&slug).filter(|w| w.ran_code.as_deref() == Some(code.as_str()) && w.report.is_some());
        match ws {
            Some(ws) => {
                grounding.report = ws.report.as_ref().map(|(_, r)| r.clone());
                grounding.analysis = ws.analysis.clone();
                grounding.counterexample = ws.counterexample.clone();
            }
            None if !code.trim().is_empty() => {
                grounding.analysis = Some(crate::analysis::analyze(&code, &grounding.problem.analysis_context(None)));
            }
            None => {}
        }
        if !code.trim().is_empty() {
            grounding.code = Some(code);
        }
        let req = crate::coach::ChatRequest { grounding, question, give_up };
        let coach = crate::coach::Coach::from_config(&self.config.llm);
        let tx = self.tx.clone();
        let on_event = move |event| {
            let _ = tx.send(Msg::Chat { tag, event });
        };
        match crate::coach::spawn_chat(coach, self.paths.db_file.clone(), req, on_event) {
            Ok(handle) => {
                self.chats.insert(slug, (tag, handle));
            }
            Err(e) => fail(&self.tx, format!("cannot start the tutor: {e}")),
        }
    }

    /// Suspends the TUI, edits the code in $VISUAL / $EDITOR (vi by default), and loads it back.
    fn external(&mut self, slug: &str, code: &str, terminal: &mut Term) -> Result<(), TuiError> {
        let dir = self.paths.cache_dir.join("edit");
        std::fs::create_dir_all(&dir)?;
        let file = dir.join(format!("{slug}.py"));
        std::fs::write(&file, code)?;
        let editor = std::env::var("VISUAL").or_else(|_| std::env::var("EDITOR")).unwrap_or_else(|_| "vi".into());
        // Every key typed in the editor is the editor's: the reader stops until it exits.
        self.input.pause();
        restore();
        let status = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("{editor} \"$1\""))
            .arg("codify-edit")
            .arg(&file)
            .status();
        terminal::enable_raw_mode()?;
        execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture, EnableBracketedPaste)?;
        terminal.clear()?;
        self.input.resume();
        let result = match status {
            Ok(s) if s.success() => std::fs::read_to_string(&file).map_err(Cause::new),
            Ok(s) => Err(Cause::said(format!("{editor} exited with {s}; the code was not changed"))),
            Err(e) => Err(Cause::said(format!("cannot start {editor}: {e}"))),
        };
        let _ = self.tx.send(Msg::FileRead { path: file.display().to_string(), result });
        Ok(())
    }
}

/// The active profile's plan for the plan screen, made first when missing or asked for; with what to say.
fn make_or_load_plan(
    db: &std::path::Path,
    config: &Config,
    bank: &Bank,
    regenerate: Option<[Option<String>; 3]>,
    profile_key: &str,
) -> Result<(plan_view::PlanScreen, Option<String>), String> {
    let err = |e: crate::store::StoreError| e.to_string();
    let store = Store::open(db).map_err(err)?;
    let now = crate::coach::budget::now_ms();
    let fresh = regenerate.is_some();
    if let (Some(answers), Some(mut profile)) = (regenerate, store.active_profile().map_err(err)?) {
        let prog = crate::knowledge::progression().map_err(|e| e.to_string())?;
        profile.intake.apply_follow_up(&answers, now, &prog)?;
        store.update_profile(&profile.name, &profile.intake, &profile.intake.embedding()).map_err(err)?;
    }
    // One read of the history (the costly part at 100k rows) serves the planner and the screen.
    let mut snap = crate::learner::Snapshot::load(&store, bank, now).map_err(err)?;
    let Some(profile) = snap.active.clone() else {
        let note = format!("no profile yet: {profile_key} opens the intake form, and a plan follows");
        return Ok((plan_view::PlanScreen::from_snapshot(&snap), Some(note)));
    };
    let inputs = snap.plan_inputs(&profile.intake);
    let (outcome, made) =
        crate::coach::planner::latest_or_new(&config.llm, &store, &profile, &inputs, fresh, false).map_err(err)?;
    let note = made.then(|| match (&outcome.offline_reason, outcome.rejected.first()) {
        (Some(why), Some(rejected)) => {
            format!("new plan, made offline ({why}); the model's plan was refused: {rejected}")
        }
        (Some(why), None) => format!("new plan, made offline: {why}"),
        (None, _) => format!("new plan, made by {}", outcome.model.as_deref().unwrap_or("the model")),
    });
    if made {
        snap.plan = store.latest_plan(profile.id).map_err(err)?;
    }
    Ok((plan_view::PlanScreen::from_snapshot(&snap), note))
}
