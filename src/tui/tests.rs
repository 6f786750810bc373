//! The app driven key by key through `update`, and every screen as a snapshot (TestBackend + insta).

use std::collections::HashMap;
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::{App, Effect, Judged, Msg, Pane, RunMode, Screen};
use super::chat::offline_reply;
use super::keymap::{parse_keys, Keymap};
use super::theme::{Theme, ThemeKind};
use super::views;
use crate::problems::Bank;

fn app() -> App {
    App::new(Bank::load(&[]), HashMap::new(), None, Keymap::default())
}

/// Feeds keys in vim notation; returns every effect.
fn keys(app: &mut App, notation: &str) -> Vec<Effect> {
    parse_keys(notation).unwrap().into_iter().flat_map(|k| app.update(Msg::Key(k))).collect()
}

/// Draws the app at w×h, as the runtime does after a resize.
fn screen(app: &mut App, w: u16, h: u16) -> String {
    if app.size != (w, h) {
        app.update(Msg::Resize(w, h));
    }
    let theme = Theme::new(ThemeKind::NoColor);
    super::dashboard::render_text(w, h, |area, buf| views::draw(app, &theme, area, buf))
}

fn open_two_sum(app: &mut App) -> Vec<Effect> {
    let mut fx = keys(app, "/two sum<Enter>");
    fx.extend(keys(app, "<Enter>"));
    fx.extend(app.update(Msg::DraftLoaded { slug: "two-sum".into(), code: None, last: None }));
    fx
}

fn report(verdict: crate::judge::Verdict, passed: bool) -> crate::judge::Report {
    let case = crate::judge::CaseReport {
        id: 1,
        hidden: false,
        edge: None,
        passed,
        verdict,
        input: serde_json::json!({"nums": [4, 9, 13, 6], "target": 10}),
        expected: serde_json::json!([0, 3]),
        actual: if passed { serde_json::json!([0, 3]) } else { serde_json::json!([0, 2]) },
        ms: 0.02,
        error: None,
        stdout: if passed { String::new() } else { "checking 4\n".into() },
        stdout_truncated: false,
    };
    crate::judge::Report {
        problem: "two-sum".into(),
        verdict,
        passed: usize::from(passed),
        total: 3,
        runtime_ms: 0.02,
        cases: vec![case],
        message: None,
        compile_error: None,
        sandbox: vec![],
    }
}

#[test]
fn list_screen_at_80x24() {
    insta::assert_snapshot!(screen(&mut app(), 80, 24));
}

#[test]
fn list_screen_wide_with_filters() {
    let mut a = app();
    keys(&mut a, "dd");
    insta::assert_snapshot!(screen(&mut a, 130, 20));
}

#[test]
fn search_narrows_and_ranks_the_list() {
    let mut a = app();
    keys(&mut a, "/palin");
    assert!(a.list.searching);
    let shown: Vec<&str> = a.list.view.iter().map(|&i| a.list.rows[i].slug.as_str()).collect();
    assert!(shown.len() >= 3 && shown[..3].iter().all(|s| s.contains("palin")), "{shown:?}");
    assert!(!shown.contains(&"two-sum"), "{shown:?}");
    keys(&mut a, "<Esc>");
    assert_eq!(a.list.view.len(), a.list.rows.len());
}

#[test]
fn opening_a_problem_loads_its_draft_and_remembers_it() {
    let mut a = app();
    let fx = open_two_sum(&mut a);
    assert_eq!(a.screen, Screen::Workspace);
    assert!(fx.contains(&Effect::LoadDraft { slug: "two-sum".into() }));
    assert!(fx.contains(&Effect::RememberLast { slug: "two-sum".into() }));
    a.update(Msg::DraftLoaded { slug: "two-sum".into(), code: Some("class Solution:\n    pass\n".into()), last: None });
    assert_eq!(a.ws.as_ref().unwrap().editor.text(), "class Solution:\n    pass\n");
}

#[test]
fn a_paste_goes_where_typed_text_would() {
    let mut a = app();
    keys(&mut a, "/");
    a.update(Msg::Paste("two\nsum".into()));
    assert_eq!(a.list.query, "two sum", "the search takes one line");
    keys(&mut a, "<Esc>");
    open_two_sum(&mut a);
    a.update(Msg::Tick(Instant::now()));
    keys(&mut a, "ggdG");
    a.update(Msg::Paste("if x:\r    y()\rz()\r".into()));
    let ws = a.ws.as_ref().unwrap();
    assert_eq!(
        ws.editor.text(),
        "if x:\n    y()\nz()\n\n",
        "as pasted (and in Vim): no auto-indent, CRs are line breaks"
    );
    assert!(ws.dirty_since.is_some(), "a paste is autosaved like typing");
    keys(&mut a, "<F3>");
    a.update(Msg::Paste("why\nnot?".into()));
    assert_eq!(a.ws.as_ref().unwrap().chat.input.as_deref(), Some("why not?"));
}

#[test]
fn a_plus_yank_becomes_a_clipboard_effect() {
    let mut a = app();
    open_two_sum(&mut a);
    assert!(!keys(&mut a, "yy").iter().any(|f| matches!(f, Effect::Clipboard(_))));
    let fx = keys(&mut a, "gg\"+yy");
    assert!(fx.contains(&Effect::Clipboard("class Solution:\n".into())), "{fx:?}");
}

#[test]
fn a_status_message_stays_on_its_screen() {
    let mut a = app();
    open_two_sum(&mut a);
    a.status = Some("the tutor is still answering".into());
    keys(&mut a, "<F10>");
    assert_eq!(a.screen, Screen::List);
    assert_eq!(a.status, None, "left behind with its screen");
    keys(&mut a, "<Enter>");
    a.status = Some("said here".into());
    keys(&mut a, "j");
    assert_eq!(a.status.as_deref(), Some("said here"), "kept while the screen stays");
}

#[test]
fn history_lists_past_submissions_and_loads_one() {
    let mut a = app();
    open_two_sum(&mut a);
    assert_eq!(keys(&mut a, ":history<CR>"), vec![Effect::LoadHistory { slug: "two-sum".into() }]);
    let row = |id: i64, verdict, passed, code: &str| crate::store::StoredSubmission {
        id,
        problem: "two-sum".into(),
        code: code.into(),
        verdict,
        passed,
        total: 15,
        runtime_ms: 1.5,
        cases: Vec::new(),
        created_at: 1_700_000_000_000,
    };
    let rows = vec![
        row(2, crate::judge::Verdict::Accepted, 15, "class Solution:\n    # right\n"),
        row(1, crate::judge::Verdict::WrongAnswer, 3, "class Solution:\n    # wrong\n"),
    ];
    a.update(Msg::History { slug: "two-sum".into(), rows });
    let s = screen(&mut a, 120, 30);
    assert!(s.contains("History") && s.contains("Accepted") && s.contains("Wrong Answer") && s.contains("3/15"), "{s}");
    keys(&mut a, ":history 2<CR>");
    assert_eq!(a.ws.as_ref().unwrap().editor.text(), "class Solution:\n    # wrong\n");
    keys(&mut a, "u");
    assert!(a.ws.as_ref().unwrap().editor.text().contains("def twoSum"), "u undoes the load");
    keys(&mut a, ":history 9<CR>");
    assert_eq!(a.status.as_deref(), Some("E16: no submission 9 in the list"));
    assert!(keys(&mut a, ":history<CR>").is_empty(), "a second :history closes the list");
    assert!(a.ws.as_ref().unwrap().history.is_none());
}

#[test]
fn keys_typed_before_the_draft_arrives_edit_the_draft() {
    // The draft comes from the store's thread; keys typed before it must not edit the starter code that
    // the draft then replaces.
    let mut a = app();
    keys(&mut a, "/two sum<Enter><Enter>");
    keys(&mut a, "ggdd");
    a.update(Msg::DraftLoaded {
        slug: "two-sum".into(),
        code: Some("# mine\nclass Solution:\n    pass\n".into()),
        last: None,
    });
    assert_eq!(a.ws.as_ref().unwrap().editor.text(), "class Solution:\n    pass\n");
}

#[test]
fn a_pane_scrolls_no_further_than_its_end_and_drawing_changes_nothing() {
    let mut a = app();
    open_two_sum(&mut a);
    screen(&mut a, 120, 30);
    keys(&mut a, "<C-w>k"); // the statement, above the editor at 120 columns
    assert_eq!(a.ws.as_ref().unwrap().focus, Pane::Statement);
    keys(&mut a, &"j".repeat(200));
    let bottom = a.ws.as_ref().unwrap().statement_scroll;
    assert!(bottom > 0 && bottom < 200, "stopped at the end: {bottom}");
    keys(&mut a, "k");
    assert_eq!(a.ws.as_ref().unwrap().statement_scroll, bottom - 1, "up moves at once");
    // Drawing only reads: two frames of the same state are the same, and the state is untouched.
    let before = (a.ws.as_ref().unwrap().statement_scroll, a.pane_rects.clone());
    assert_eq!(screen(&mut a, 120, 30), screen(&mut a, 120, 30));
    assert_eq!((a.ws.as_ref().unwrap().statement_scroll, a.pane_rects.clone()), before);
}

#[test]
fn typing_is_autosaved_within_a_second() {
    let mut a = app();
    open_two_sum(&mut a);
    let t0 = Instant::now();
    a.update(Msg::Tick(t0));
    keys(&mut a, "x");
    assert!(a.update(Msg::Tick(t0 + Duration::from_millis(300))).is_empty(), "not yet");
    let fx = a.update(Msg::Tick(t0 + Duration::from_millis(1100)));
    assert!(matches!(&fx[..], [Effect::SaveDraft { slug, .. }] if slug == "two-sum"), "{fx:?}");
    assert!(a.update(Msg::Tick(t0 + Duration::from_millis(2500))).is_empty(), "saved once");
}

#[test]
fn leaving_or_quitting_saves_unsaved_typing() {
    let mut a = app();
    open_two_sum(&mut a);
    keys(&mut a, "x");
    let fx = keys(&mut a, "<F10>");
    assert!(fx.iter().any(|e| matches!(e, Effect::SaveDraft { .. })));
    assert_eq!(a.screen, Screen::List);
    let fx = keys(&mut a, "c");
    assert_eq!(a.screen, Screen::Workspace, "c resumes the last problem: {fx:?}");
}

#[test]
fn run_and_submit_start_background_runs_and_stale_results_are_dropped() {
    let mut a = app();
    open_two_sum(&mut a);
    let fx = keys(&mut a, "<F5>");
    let Some(Effect::Judge { tag: first, mode: RunMode::Run, .. }) = fx.last().cloned() else { panic!("{fx:?}") };
    let fx = keys(&mut a, "<F6>");
    assert!(fx.contains(&Effect::CancelJudge { tag: first }), "a new run supersedes the old one");
    let Some(Effect::Judge { tag: second, mode: RunMode::Submit, .. }) = fx.last().cloned() else { panic!("{fx:?}") };
    a.update(Msg::Judged {
        tag: first,
        result: Ok(Box::new(Judged::new(report(crate::judge::Verdict::WrongAnswer, false), None))),
    });
    assert!(a.ws.as_ref().unwrap().report.is_none(), "the superseded result is dropped");
    a.update(Msg::Judged {
        tag: second,
        result: Ok(Box::new(Judged::new(report(crate::judge::Verdict::Accepted, true), None))),
    });
    assert!(a.ws.as_ref().unwrap().report.is_some());
    assert_eq!(a.list.rows.iter().find(|r| r.slug == "two-sum").unwrap().status().as_str(), "solved");
}

#[test]
fn cancel_only_applies_while_running() {
    let mut a = app();
    open_two_sum(&mut a);
    let fx = keys(&mut a, "<F5>");
    let Some(Effect::Judge { tag, .. }) = fx.last().cloned() else { panic!() };
    assert_eq!(keys(&mut a, "<C-c>"), vec![Effect::CancelJudge { tag }]);
    assert!(a.running().is_none());
    assert!(keys(&mut a, "<C-c>").is_empty(), "nothing to cancel: the key goes to the editor");
}

#[test]
fn at_120x40_the_editor_fits_the_signature_and_can_be_resized() {
    // The issue: at 120x40 the editor was 46 columns (two-sum's signature cut off) and the tutor 34.
    let mut a = app();
    open_two_sum(&mut a);
    let width = |a: &mut App, pane: Pane| {
        screen(a, 120, 40);
        a.pane_rects.iter().find(|(p, _)| *p == pane).map(|(_, r)| r.width).unwrap()
    };
    let signature = "    def twoSum(self, nums: List[int], target: int) -> List[int]:".len() as u16;
    let editor = width(&mut a, Pane::Editor);
    assert!(editor >= signature + 4 + 2, "the gutter, the line and the borders fit: {editor}");
    assert!(width(&mut a, Pane::Tutor) >= 40);
    assert!(!screen(&mut a, 120, 40).contains("List[in│"), "the signature is whole");
    // <C-w>> and <C-w>< move the edge four columns at a time, and are remembered; <C-w>= goes back.
    let fx = keys(&mut a, "<C-w>><C-w>>");
    assert_eq!(fx.last(), Some(&Effect::RememberLayout { editor_cols: 8 }));
    assert_eq!(width(&mut a, Pane::Editor), editor + 8);
    keys(&mut a, "<C-w><lt><C-w><lt><C-w><lt>");
    assert_eq!(width(&mut a, Pane::Editor), editor - 4);
    assert_eq!(keys(&mut a, "<C-w>="), vec![Effect::RememberLayout { editor_cols: 0 }]);
    assert_eq!(width(&mut a, Pane::Editor), editor);
    // However far it goes, every pane keeps a usable width.
    keys(&mut a, &"<C-w>>".repeat(40));
    assert!(width(&mut a, Pane::Results) >= 20);
    keys(&mut a, &"<C-w><lt>".repeat(80));
    assert!(width(&mut a, Pane::Editor) >= 30);
}

#[test]
fn panes_focus_zoom_and_collapse() {
    let mut a = app();
    open_two_sum(&mut a);
    screen(&mut a, 160, 36); // wide (150 and more): statement | editor | results over tutor
    let focus = |a: &App| a.ws.as_ref().unwrap().focus;
    keys(&mut a, "<C-w>h");
    assert_eq!(focus(&a), Pane::Statement);
    keys(&mut a, "<C-w>w");
    assert_eq!(focus(&a), Pane::Editor);
    keys(&mut a, "<C-w>l");
    assert_eq!(focus(&a), Pane::Results);
    keys(&mut a, "<C-w>j");
    assert_eq!(focus(&a), Pane::Tutor);
    keys(&mut a, "<C-w>k<C-w>h");
    assert_eq!(focus(&a), Pane::Editor);
    screen(&mut a, 80, 24); // narrow: statement over editor | results over tutor
    keys(&mut a, "<C-w>k");
    assert_eq!(focus(&a), Pane::Statement);
    keys(&mut a, "<C-w>j<C-w>l");
    assert_eq!(focus(&a), Pane::Tutor, "right of the editor (bottom left) is the tutor (bottom right)");
    keys(&mut a, "<C-w>k");
    assert_eq!(focus(&a), Pane::Results);
    keys(&mut a, "<C-w>z");
    assert_eq!(a.ws.as_ref().unwrap().zoom, Some(Pane::Results));
    keys(&mut a, "i");
    assert_eq!(a.ws.as_ref().unwrap().focus, Pane::Editor, "i in a pane goes back to the editor");
    keys(&mut a, "<C-w>s");
    assert!(a.ws.as_ref().unwrap().statement_hidden);
}

fn chat_effect(fx: &[Effect]) -> (u64, String, bool) {
    fx.iter()
        .find_map(|e| match e {
            Effect::Chat { tag, question, give_up, .. } => Some((*tag, question.clone(), *give_up)),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no chat effect in {fx:?}"))
}

#[test]
fn f2_asks_the_tutor_for_the_next_hint_one_turn_at_a_time() {
    let mut a = app();
    let fx = open_two_sum(&mut a);
    assert!(fx.contains(&Effect::LoadChat { slug: "two-sum".into() }), "{fx:?}");
    let (tag, question, give_up) = chat_effect(&keys(&mut a, "<F2>"));
    assert_eq!((question.as_str(), give_up), ("", false));
    let again = keys(&mut a, "<F2>");
    assert!(again.is_empty(), "a second turn waits for the first: {again:?}");
    assert_eq!(a.status.as_deref(), Some("the tutor is still answering (Ctrl-C stops it)"));
    assert_eq!(keys(&mut a, "<C-c>"), vec![Effect::CancelChat { tag }]);
    a.update(Msg::Chat { tag, event: crate::coach::ChatEvent::Done(offline_reply("Hint 1: a map.", 1)) });
    let ws = a.ws.as_ref().unwrap();
    assert_eq!(ws.hints_shown, 1, "the count comes from the tutor, which records it");
    assert!(!ws.chat.busy());
    assert_eq!(a.status.as_deref(), Some("offline tutor: no LLM is configured"));
    assert_eq!(chat_effect(&keys(&mut a, "<F2>")).0, tag + 1);
}

#[test]
fn a_question_is_typed_in_the_tutor_pane_and_keys_do_not_leak() {
    let mut a = app();
    open_two_sum(&mut a);
    keys(&mut a, "<F3>");
    assert!(a.asking());
    assert_eq!(a.ws.as_ref().unwrap().focus, Pane::Tutor);
    let fx = keys(&mut a, "why q<BS>is it slow?");
    assert!(fx.is_empty(), "q and the rest are text, not bindings: {fx:?}");
    assert!(!a.quit);
    let (_, question, _) = chat_effect(&keys(&mut a, "<Enter>"));
    assert_eq!(question, "why is it slow?");
    assert!(!a.asking());
    keys(&mut a, "<F3>hello<Esc>");
    assert!(!a.asking() && a.ws.as_ref().unwrap().chat.entries.len() == 1, "Esc drops the question");
}

#[test]
fn ex_commands_ask_and_give_up() {
    let mut a = app();
    open_two_sum(&mut a);
    let (tag, q, give_up) = chat_effect(&keys(&mut a, ":hint what edge case am I missing<CR>"));
    assert_eq!((q.as_str(), give_up), ("what edge case am I missing", false));
    a.update(Msg::Chat { tag, event: crate::coach::ChatEvent::Failed("database is locked".into()) });
    assert!(a.ws.as_ref().unwrap().chat.entries.last().unwrap().text.contains("database is locked"));
    let (_, _, give_up) = chat_effect(&keys(&mut a, ":giveup<CR>"));
    assert!(give_up);
}

#[test]
fn tutor_pane_streams_and_keeps_history() {
    let mut a = app();
    open_two_sum(&mut a);
    let old = |role, text: &str| crate::store::ChatMessage {
        id: 1,
        problem: "two-sum".into(),
        role,
        text: text.into(),
        source: Some("offline".into()),
        offline_reason: None,
        model: None,
        hint_number: None,
        created_at: 0,
    };
    a.update(Msg::ChatLoaded {
        slug: "two-sum".into(),
        history: vec![
            old(crate::store::ChatRole::Learner, "(next hint)"),
            old(crate::store::ChatRole::Tutor, "Hint 1 of 3: a value you need later can be **looked up**."),
        ],
        hints_used: 1,
    });
    let (tag, _, _) = chat_effect(&keys(&mut a, ":hint why is it slow?<CR>"));
    use crate::coach::ChatEvent;
    a.update(Msg::Chat {
        tag,
        event: ChatEvent::Started { source: crate::coach::Source::Llm, model: Some("mock-1".into()) },
    });
    a.update(Msg::Chat { tag, event: ChatEvent::Text("Your loop on line 3 scans the rest of the list ".into()) });
    insta::assert_snapshot!(screen(&mut a, 100, 30));
}

#[test]
fn workspace_at_80x24_with_a_failed_run() {
    let mut a = app();
    open_two_sum(&mut a);
    let fx = keys(&mut a, "<F5>");
    let Some(Effect::Judge { tag, .. }) = fx.last().cloned() else { panic!() };
    a.update(Msg::Judged {
        tag,
        result: Ok(Box::new(Judged::new(report(crate::judge::Verdict::WrongAnswer, false), None))),
    });
    insta::assert_snapshot!(screen(&mut a, 80, 24));
}

#[test]
fn workspace_wide_with_hints_and_accepted() {
    let mut a = app();
    open_two_sum(&mut a);
    screen(&mut a, 140, 36);
    let (tag, _, _) = chat_effect(&keys(&mut a, "<F2>"));
    a.update(Msg::Chat { tag, event: crate::coach::ChatEvent::Done(offline_reply("Hint 1 of 3: keep a map.", 1)) });
    keys(&mut a, "<C-w>l");
    let fx = keys(&mut a, "<F6>");
    let Some(Effect::Judge { tag, .. }) = fx.last().cloned() else { panic!() };
    a.update(Msg::Judged {
        tag,
        result: Ok(Box::new(Judged::new(report(crate::judge::Verdict::Accepted, true), None))),
    });
    insta::assert_snapshot!(screen(&mut a, 140, 36));
}

#[test]
fn zoomed_statement() {
    let mut a = app();
    open_two_sum(&mut a);
    screen(&mut a, 80, 24);
    keys(&mut a, "<C-w>k<C-w>z");
    insta::assert_snapshot!(screen(&mut a, 80, 24));
}

#[test]
fn help_is_generated_from_the_keymap() {
    let mut a = app();
    keys(&mut a, "?");
    let s = screen(&mut a, 100, 60);
    insta::assert_snapshot!(s);
    // Every screen's keys are there, the list's (this screen's) first; the rest below.
    let mut seen = s.clone();
    for _ in 0..20 {
        keys(&mut a, "<C-d>");
        seen.push_str(&screen(&mut a, 100, 60));
    }
    for b in super::keymap::TABLE {
        assert!(seen.contains(b.description), "{:?} missing from help", b.action);
    }
    keys(&mut a, "x");
    assert!(a.help.is_none());
}

#[test]
fn help_lists_the_editors_keys_per_mode() {
    // The issue: help gave the editor one summary line. Every mode's keys are listed, from the editor's table.
    let mut a = app();
    keys(&mut a, "?");
    let mut seen = String::new();
    for _ in 0..80 {
        seen.push_str(&screen(&mut a, 100, 40));
        keys(&mut a, "jjjjjjjjjj");
    }
    for (mode, title) in super::editor::keymap::SECTIONS {
        assert!(seen.contains(&format!("Editor · {title}")), "{mode} missing from help");
    }
    for key in ["q{char}", "m{char}", "<C-a>"] {
        assert!(seen.contains(key), "{key} missing from help");
    }
}

#[test]
fn a_pending_prefix_is_shown_then_resolved() {
    let mut a = app();
    open_two_sum(&mut a);
    keys(&mut a, "<C-w>");
    assert_eq!(a.pending_keys.len(), 1);
    assert!(screen(&mut a, 80, 24).lines().last().unwrap().contains("<C-w>"));
    keys(&mut a, "q");
    assert!(a.pending_keys.is_empty());
    assert!(!a.quit, "an unknown <C-w> sequence is dropped, not passed on");
}

#[test]
fn resize_and_mouse_focus() {
    let mut a = app();
    open_two_sum(&mut a);
    a.update(Msg::Resize(100, 30));
    screen(&mut a, 100, 30);
    let (pane, rect) = *a.pane_rects.iter().find(|(p, _)| *p == Pane::Results).unwrap();
    let click = crossterm::event::MouseEvent {
        kind: crossterm::event::MouseEventKind::Down(crossterm::event::MouseButton::Left),
        column: rect.x + 1,
        row: rect.y + 1,
        modifiers: KeyModifiers::NONE,
    };
    a.update(Msg::Mouse(click));
    assert_eq!(a.ws.as_ref().unwrap().focus, pane);
    let _ = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
}

#[test]
fn results_show_why_with_the_analysis() {
    use crate::analysis::{Analysis, Evidence, Finding, FindingKind};
    use crate::complexity::Complexity;
    let mut a = app();
    open_two_sum(&mut a);
    screen(&mut a, 100, 30);
    let fx = keys(&mut a, "<C-w>l<C-w>k<C-w>z<F6>");
    let Some(Effect::Judge { tag, .. }) = fx.last().cloned() else { panic!("{fx:?}") };
    let analysis = Analysis {
        time_complexity: Some(Complexity::Quadratic),
        space_complexity: Some(Complexity::Constant),
        time_reason: "two nested loops over nums (lines 3 and 4)".into(),
        space_reason: "a few scalar variables".into(),
        findings: vec![Finding {
            kind: FindingKind::SuboptimalComplexity,
            confidence: 0.95,
            line: 3,
            message: "A large test timed out: this runs in about O(n^2), and the problem needs O(n).".into(),
            evidence: Evidence::Dynamic,
            suggestion: "Remember the values seen so far in a dict.".into(),
            note: "suboptimal_complexity".into(),
        }],
        syntax_error: None,
    };
    a.update(Msg::Judged {
        tag,
        result: Ok(Box::new(Judged::new(report(crate::judge::Verdict::TimeLimitExceeded, false), Some(analysis)))),
    });
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("line 3 · suboptimal_complexity"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn colon_in_any_pane_opens_the_editors_command_line() {
    let mut a = app();
    open_two_sum(&mut a);
    screen(&mut a, 100, 30);
    keys(&mut a, "<C-w>w");
    assert_eq!(a.ws.as_ref().unwrap().focus, Pane::Results);
    let (_, q, _) = chat_effect(&keys(&mut a, ":hint what now?<CR>"));
    assert_eq!(q, "what now?");
    assert_eq!(a.ws.as_ref().unwrap().focus, Pane::Editor);
    assert_eq!(a.ws.as_ref().unwrap().editor.text(), crate::problems::Bank::load(&[]).get("two-sum").unwrap().starter);
}

#[test]
fn panes_never_scroll_past_their_end() {
    let mut a = app();
    open_two_sum(&mut a);
    screen(&mut a, 100, 30);
    keys(&mut a, "<C-w>k");
    assert_eq!(a.ws.as_ref().unwrap().focus, Pane::Statement);
    keys(&mut a, &"<C-d>".repeat(50));
    screen(&mut a, 100, 30);
    let at_end = a.ws.as_ref().unwrap().statement_scroll;
    assert!(at_end > 0 && at_end < 100, "clamped to the last page: {at_end}");
    keys(&mut a, "k");
    screen(&mut a, 100, 30);
    assert_eq!(a.ws.as_ref().unwrap().statement_scroll, at_end - 1, "one line up is one line up");
}

fn signal(up: u64, down: u64, good_intro: u64, mine: crate::sync::wire::Vote) -> crate::sync::signal::Signal {
    let mut s = crate::sync::signal::Signal { up, down, comments: good_intro, my_vote: mine, ..Default::default() };
    *s.tags.get_mut(crate::sync::wire::Tag::GoodIntro) = good_intro;
    s
}

#[test]
fn votes_and_comments_from_the_editor_go_to_the_outbox_and_sync() {
    use crate::sync::wire::{Tag, Vote};
    let mut a = app();
    open_two_sum(&mut a);
    let fx = keys(&mut a, ":vote up<CR>");
    assert_eq!(fx, vec![Effect::Vote { slug: "two-sum".into(), vote: Vote::Up }, Effect::Sync]);
    // A second change while the sync runs queues one more sync, not a second thread.
    let fx = keys(&mut a, ":comment #good_intro Start with one pass.<CR>");
    assert_eq!(
        fx,
        vec![
            Effect::Comment { slug: "two-sum".into(), text: "Start with one pass.".into(), tag: Some(Tag::GoodIntro) },
            Effect::LoadComments { slug: "two-sum".into() },
        ]
    );
    let fx = a.update(Msg::Synced {
        status: crate::sync::SyncStatus::Synced { pushed: 2, pulled: 0 },
        community: Some([("two-sum".to_string(), signal(3, 1, 1, Vote::Up))].into()),
        trending: None,
    });
    assert_eq!(fx, vec![Effect::Sync], "the queued sync runs when the first ends");
    assert_eq!(a.list.community["two-sum"].up, 3);

    assert!(keys(&mut a, ":vote sideways<CR>").is_empty());
    assert!(a.status.as_deref().unwrap().contains("not a vote"), "{:?}", a.status);
    assert!(keys(&mut a, ":comment #bogus hi<CR>").is_empty());
    assert!(a.status.as_deref().unwrap().contains("#good_intro"), "{:?}", a.status);
    assert!(keys(&mut a, ":comment #too_hard<CR>").is_empty(), "a tag alone is no comment");
    assert!(a.status.as_deref().unwrap().contains("cannot be empty"), "{:?}", a.status);
}

#[test]
fn the_list_sorts_by_trending_after_a_sync_pulls_it() {
    let mut a = app();
    let first = |a: &App| a.list.rows[a.list.view[0]].slug.clone();
    let bank_first = first(&a);
    keys(&mut a, "oooooo");
    assert_eq!(a.list.sort.name(), "trending");
    assert_eq!(first(&a), bank_first, "nothing trending yet: bank order");
    let trending = [("valid-anagram".to_string(), 2.5), ("3sum".to_string(), 7.0)].into();
    a.update(Msg::Synced {
        status: crate::sync::SyncStatus::Synced { pushed: 0, pulled: 0 },
        community: None,
        trending: Some(trending),
    });
    let order: Vec<&str> = a.list.view.iter().take(2).map(|&i| a.list.rows[i].slug.as_str()).collect();
    assert_eq!(order, ["3sum", "valid-anagram"]);
    keys(&mut a, "o");
    assert_eq!(a.list.sort.name(), "topic");
}

#[test]
fn a_sync_every_two_minutes_only_while_signed_in() {
    let mut a = app();
    let mut fx = Vec::new();
    a.request_sync(&mut fx);
    assert_eq!(fx, vec![Effect::Sync]);
    let t0 = Instant::now();
    a.update(Msg::Tick(t0));
    a.update(Msg::Synced { status: crate::sync::SyncStatus::Offline { queued: 2 }, community: None, trending: None });
    assert!(a.update(Msg::Tick(t0 + Duration::from_secs(30))).is_empty());
    assert_eq!(a.update(Msg::Tick(t0 + Duration::from_secs(121))), vec![Effect::Sync]);
    a.update(Msg::Synced { status: crate::sync::SyncStatus::LocalOnly { queued: 0 }, community: None, trending: None });
    assert!(a.update(Msg::Tick(t0 + Duration::from_secs(600))).is_empty(), "no account: nothing to sync");
}

#[test]
fn community_counts_in_the_list_and_the_workspace() {
    use crate::sync::wire::Vote;
    let mut a = app();
    a.update(Msg::Community(
        [("two-sum".to_string(), signal(12, 2, 3, Vote::Up)), ("3sum".to_string(), signal(0, 4, 0, Vote::Clear))]
            .into(),
    ));
    a.update(Msg::Synced { status: crate::sync::SyncStatus::Offline { queued: 1 }, community: None, trending: None });
    keys(&mut a, "ooooo");
    assert_eq!(a.list.sort.name(), "community");
    let list = screen(&mut a, 120, 12);
    open_two_sum(&mut a);
    let comment = crate::store::LocalComment {
        id: uuid::Uuid::nil(),
        slug: "two-sum".into(),
        author: Some("ada".into()),
        mine: false,
        text: "Try it without sorting first.".into(),
        tag: Some(crate::sync::wire::Tag::GoodIntro),
        at: 0,
        pending: false,
    };
    a.update(Msg::Comments { slug: "two-sum".into(), comments: vec![comment] });
    screen(&mut a, 120, 40);
    keys(&mut a, "<C-w>k<C-w>z"); // at 120 columns the statement is above the editor
    screen(&mut a, 120, 40);
    keys(&mut a, &"<C-d>".repeat(9));
    insta::assert_snapshot!(format!("{list}\n{}", screen(&mut a, 120, 40)));
}

fn interview_session(slug: &str) -> crate::learner::interview::Session {
    crate::learner::interview::Session {
        slug: slug.into(),
        topics: vec!["hash-maps".into()],
        difficulty: crate::problems::Difficulty::Easy,
        started_ms: 0,
        duration_ms: crate::learner::interview::DEFAULT_DURATION_MS,
        hint_limit: 1,
    }
}

#[test]
fn an_interview_hides_the_difficulty_limits_hints_and_ends_when_accepted() {
    let mut a = app();
    assert_eq!(keys(&mut a, "I"), vec![Effect::StartInterview]);
    let fx = a.update(Msg::InterviewReady(interview_session("two-sum")));
    assert!(fx.contains(&Effect::LoadDraft { slug: "two-sum".into() }), "{fx:?}");
    a.update(Msg::DraftLoaded { slug: "two-sum".into(), code: None, last: None });
    let header = screen(&mut a, 100, 30);
    assert!(
        header.contains("⏱ 45:00 left · interview") && !header.lines().next().unwrap().contains("easy"),
        "{header}"
    );

    let (tag, _, _) = chat_effect(&keys(&mut a, "<F2>"));
    a.update(Msg::Chat { tag, event: crate::coach::ChatEvent::Done(offline_reply("Hint 1", 1)) });
    assert!(keys(&mut a, "<F2>").is_empty(), "one hint in an interview");
    assert!(a.status.as_deref().unwrap().contains("allows 1 turn"), "{:?}", a.status);

    let fx = keys(&mut a, "<F6>");
    let Some(Effect::Judge { tag, .. }) = fx.last().cloned() else { panic!("{fx:?}") };
    let fx = a.update(Msg::Judged {
        tag,
        result: Ok(Box::new(Judged::new(report(crate::judge::Verdict::Accepted, true), None))),
    });
    let finish = fx.iter().find_map(|e| match e {
        Effect::FinishInterview { outcome, .. } => Some(*outcome),
        _ => None,
    });
    let outcome = finish.expect("an accepted submission ends the interview");
    assert!(outcome.accepted && outcome.hints_used == 1, "{outcome:?}");
    let fx = a.update(Msg::InterviewScored {
        slug: "two-sum".into(),
        readiness: vec![crate::learner::interview::TopicReadiness { topic: "hash-maps".into(), score: 0.68 }],
    });
    assert_eq!(fx, vec![Effect::CheckMilestones], "an interview can earn milestones");
    insta::assert_snapshot!(screen(&mut a, 100, 30));
}

#[test]
fn an_interview_on_a_problem_with_a_draft_keeps_it_and_says_how_to_start_afresh() {
    let mut a = app();
    a.update(Msg::InterviewReady(interview_session("two-sum")));
    a.update(Msg::DraftLoaded {
        slug: "two-sum".into(),
        code: Some("class Solution:\n    pass  # my try\n".into()),
        last: None,
    });
    let status = a.status.clone().unwrap_or_default();
    assert!(
        status.starts_with("interview: your earlier draft is loaded (:reset starts afresh)")
            && status.contains("45 minutes"),
        "{status}"
    );
    assert!(a.ws.as_ref().unwrap().editor.text().contains("my try"), "the draft is not thrown away");
    keys(&mut a, ":reset<CR>");
    assert!(!a.ws.as_ref().unwrap().editor.text().contains("my try"));

    // No draft: no note.
    let mut b = app();
    b.update(Msg::InterviewReady(interview_session("two-sum")));
    b.update(Msg::DraftLoaded { slug: "two-sum".into(), code: None, last: None });
    assert!(!b.status.clone().unwrap_or_default().contains(":reset"), "{:?}", b.status);
}

#[test]
fn an_interview_ends_when_time_is_up_with_the_best_submission() {
    let mut a = app();
    let t0 = Instant::now();
    a.update(Msg::Tick(t0));
    a.update(Msg::InterviewReady(interview_session("two-sum")));
    a.update(Msg::DraftLoaded { slug: "two-sum".into(), code: None, last: None });
    let fx = keys(&mut a, "<F6>");
    let Some(Effect::Judge { tag, .. }) = fx.last().cloned() else { panic!("{fx:?}") };
    a.update(Msg::Judged {
        tag,
        result: Ok(Box::new(Judged::new(report(crate::judge::Verdict::WrongAnswer, false), None))),
    });
    assert!(a.update(Msg::Tick(t0 + Duration::from_secs(44 * 60))).is_empty());
    let fx = a.update(Msg::Tick(t0 + Duration::from_secs(45 * 60 + 1)));
    let Some(Effect::FinishInterview { outcome, .. }) =
        fx.into_iter().find(|e| matches!(e, Effect::FinishInterview { .. }))
    else {
        panic!("time is up")
    };
    assert_eq!((outcome.accepted, outcome.passed, outcome.total), (false, 0, 3));
    assert!(a.update(Msg::Tick(t0 + Duration::from_secs(46 * 60))).is_empty(), "scored once");
}

#[test]
fn the_learner_screens_open_from_anywhere_and_esc_goes_back() {
    let mut a = app();
    open_two_sum(&mut a);
    // F7 works even while typing in the editor.
    keys(&mut a, "i");
    assert_eq!(keys(&mut a, "<F7>"), vec![Effect::LoadDashboard]);
    keys(&mut a, "<Esc>");
    let store_dir = tempfile::tempdir().unwrap();
    let store = crate::store::Store::open(&store_dir.path().join("codify.db")).unwrap();
    let d = crate::learner::Dashboard::load(&store, &a.bank, 0).unwrap();
    a.update(Msg::DashboardReady(Box::new(d)));
    assert_eq!(a.screen, Screen::Dashboard);
    keys(&mut a, "jjj");
    assert_eq!(a.dashboard.as_ref().unwrap().scroll, 3);
    keys(&mut a, "<Esc>");
    assert_eq!(a.screen, Screen::Workspace, "back where the learner was");

    assert_eq!(keys(&mut a, "<F8>"), vec![Effect::LoadPlan { regenerate: None }]);
    let snap = crate::learner::Snapshot::load(&store, &a.bank, 0).unwrap();
    a.update(Msg::PlanReady { screen: Box::new(super::plan_view::PlanScreen::from_snapshot(&snap)), note: None });
    assert_eq!(a.screen, Screen::Plan);
    keys(&mut a, "r");
    assert!(a.plan_questions.is_some());
    let fx = keys(&mut a, "graphs<Enter><Enter>mornings only<Enter>");
    assert_eq!(
        fx,
        vec![Effect::LoadPlan {
            regenerate: Some([Some("graphs".into()), Some(String::new()), Some("mornings only".into())])
        }]
    );
    keys(&mut a, "<F10>");
    assert_eq!(a.screen, Screen::Workspace);
}

#[test]
fn the_profile_form_saves_through_the_runtime_and_shows_its_refusals() {
    let mut a = app();
    assert_eq!(keys(&mut a, "<F9>"), vec![Effect::OpenProfileForm]);
    let prog = crate::knowledge::progression().unwrap();
    a.update(Msg::ProfileForm(Box::new(super::profile_form::ProfileForm::new(None, &prog))));
    assert_eq!(a.screen, Screen::Profile);
    // Every key belongs to the form: q is a letter of the name, not quit.
    let fx = keys(&mut a, "quinn<C-s>");
    assert!(!a.quit);
    let Some(Effect::SaveProfile { name, new, .. }) = fx.first().cloned() else { panic!("{fx:?}") };
    assert_eq!((name.as_str(), new), ("quinn", true));
    a.update(Msg::ProfileSaved(Err((super::profile_form::Field::Name, "a profile `quinn` exists already".into()))));
    assert_eq!(a.screen, Screen::Profile, "the form stays open with the error");
    assert!(a.profile_form.as_ref().unwrap().error().is_some());
    let fx = a.update(Msg::ProfileSaved(Ok("profile quinn created".into())));
    assert_eq!(fx, vec![Effect::LoadPlan { regenerate: None }], "a plan follows a new profile");
    assert!(a.profile_form.is_none());
}

#[test]
fn a_failed_run_shows_its_diagnosis_when_it_comes_and_drops_a_stale_one() {
    use crate::analysis::{Analysis, Counterexample, Evidence, Finding, FindingKind};
    let mut a = app();
    open_two_sum(&mut a);
    screen(&mut a, 100, 30);
    let fx = keys(&mut a, "<C-w>l<C-w>k<C-w>z<F6>");
    let Some(Effect::Judge { tag, .. }) = fx.last().cloned() else { panic!("{fx:?}") };
    let judged = Judged { diagnosing: true, ..Judged::new(report(crate::judge::Verdict::WrongAnswer, false), None) };
    a.update(Msg::Judged { tag, result: Ok(Box::new(judged)) });
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("looking for the smallest failing input"), "{s}");
    let analysis = Analysis {
        time_complexity: Some(crate::complexity::Complexity::Linear),
        space_complexity: Some(crate::complexity::Complexity::Linear),
        time_reason: "one loop over nums (line 3)".into(),
        space_reason: "a dict of seen values (line 2)".into(),
        findings: vec![
            Finding {
                kind: FindingKind::OffByOne,
                confidence: 0.95,
                line: 4,
                message: "Line 4 is off by one: with a bound moved by one, every failing test passes.".into(),
                evidence: Evidence::Dynamic,
                suggestion: "Trace the last step of this line on the smallest failing input.".into(),
                note: "off_by_one".into(),
            },
            Finding {
                kind: FindingKind::MissingEdgeCase,
                confidence: 0.45,
                line: 2,
                message: "A test with repeated values fails.".into(),
                evidence: Evidence::Dynamic,
                suggestion: "Check equal values.".into(),
                note: "missing_edge_case".into(),
            },
        ],
        syntax_error: None,
    };
    let counterexample = Counterexample {
        input: serde_json::json!({"nums": [3, 3], "target": 6}),
        expected: serde_json::json!([0, 1]),
        actual: serde_json::json!([]),
        error: None,
        line: None,
        answered_at: None,
        edges: vec![crate::problems::Edge::AllSame],
        source: "generated".into(),
    };
    // A diagnosis for another run is dropped.
    let stale =
        Msg::Diagnosed { tag: tag + 99, analysis: Box::new(analysis.clone()), counterexample: None, summary: None };
    a.update(stale);
    assert!(a.ws.as_ref().unwrap().analysis.is_none());
    let counterexample = Some(Box::new(counterexample));
    a.update(Msg::Diagnosed { tag, analysis: Box::new(analysis), counterexample, summary: None });
    let s = screen(&mut a, 100, 30);
    assert!(!s.contains("looking for the smallest failing input"), "{s}");
    assert!(s.contains("Smallest failing input  all_same"), "{s}");
    assert!(s.contains("line 4 · off_by_one") && s.contains("maybe (below 50%): line 2 missing_edge_case"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn the_spinner_turns_while_a_run_is_in_flight() {
    // The issue: the spinner never moved, so the app looked hung during runs and streaming.
    let mut a = app();
    open_two_sum(&mut a);
    screen(&mut a, 100, 30);
    keys(&mut a, "<C-w>l<C-w>k<C-w>z<F5>");
    assert!(a.animating());
    let start = a.epoch;
    let mut frames = std::collections::BTreeSet::new();
    for i in 0..5u64 {
        a.update(Msg::Tick(start + Duration::from_millis(80 * i + 1)));
        let s = screen(&mut a, 100, 30);
        let line = s.lines().find(|l| l.contains("running the examples")).expect("the running line").to_string();
        let at = line.find("running the examples").unwrap();
        frames.insert(line[..at].trim_end().chars().last().unwrap_or(' '));
    }
    assert_eq!(frames.len(), 5, "a new frame every 80 ms: {frames:?}");
}

#[test]
fn a_draft_that_could_not_be_saved_is_said_and_quitting_asks_twice() {
    // The issue: on a read-only home the status bar said "✓ draft saved" beside the error, and q quit at
    // once, losing the draft without a word.
    let mut a = app();
    open_two_sum(&mut a);
    keys(&mut a, "ox<Esc>");
    let error = "attempt to write a readonly database";
    a.update(Msg::SaveFailed { slug: "two-sum".into(), error: error.into() });
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("✗ draft not saved") && !s.contains("✓ draft saved"), "{s}");
    keys(&mut a, "<F10>");
    let fx = keys(&mut a, "q");
    assert!(!fx.contains(&Effect::Quit), "{fx:?}");
    assert!(a.status.as_deref().is_some_and(|m| m.contains("the draft of two-sum is not saved")), "{:?}", a.status);
    assert!(keys(&mut a, "q").contains(&Effect::Quit), "the second quit goes ahead");
    // A save that fails while quitting stops the quit (the runtime saves first, then quits).
    let mut a = app();
    open_two_sum(&mut a);
    a.quit = true;
    a.update(Msg::SaveFailed { slug: "two-sum".into(), error: error.into() });
    assert!(!a.quit, "the quit is held back");
    // Once a save succeeds, nothing is held back.
    a.update(Msg::Saved { slug: "two-sum".into() });
    assert!(!screen(&mut a, 100, 30).contains("✗ draft not saved"));
}

#[test]
fn after_a_restart_the_last_verdict_is_in_the_results_pane() {
    // The issue: after a restart the results pane was empty, and the tutor's first request had no run.
    let mut a = app();
    keys(&mut a, "/two sum<Enter><Enter>");
    let last = super::app::LastRun {
        code: "class Solution:\n    pass\n".into(),
        report: report(crate::judge::Verdict::WrongAnswer, false),
        analysis: None,
    };
    a.update(Msg::DraftLoaded { slug: "two-sum".into(), code: None, last: Some(Box::new(last.clone())) });
    let ws = a.ws.as_ref().unwrap();
    assert!(ws.report.as_ref().is_some_and(|(_, r)| r.verdict == crate::judge::Verdict::WrongAnswer));
    assert_eq!(ws.ran_code.as_deref(), Some("class Solution:\n    pass\n"));
    screen(&mut a, 100, 30);
    keys(&mut a, "<C-w>l<C-w>k<C-w>z");
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("✗ Wrong Answer"), "{s}");
    // A newer result in the pane is never replaced by the stored one.
    let fx = keys(&mut a, "<F5>");
    let Some(Effect::Judge { tag, .. }) = fx.last().cloned() else { panic!("{fx:?}") };
    a.update(Msg::Judged {
        tag,
        result: Ok(Box::new(Judged::new(report(crate::judge::Verdict::Accepted, true), None))),
    });
    a.update(Msg::DraftLoaded { slug: "two-sum".into(), code: None, last: Some(Box::new(last)) });
    let ws = a.ws.as_ref().unwrap();
    assert!(ws.report.as_ref().is_some_and(|(_, r)| r.verdict == crate::judge::Verdict::Accepted));
}

#[test]
fn ctrl_w_in_insert_mode_deletes_a_word_and_stays_a_pane_key_in_normal_mode() {
    let mut a = app();
    open_two_sum(&mut a);
    keys(&mut a, "ggOx = foo bar<C-w>");
    let ws = a.ws.as_ref().unwrap();
    assert_eq!(ws.editor.text().lines().next(), Some("x = foo "), "<C-w> reached the editor in insert mode");
    assert_eq!(ws.focus, Pane::Editor);
    screen(&mut a, 160, 36);
    keys(&mut a, "<Esc><C-w>l");
    assert_ne!(a.ws.as_ref().unwrap().focus, Pane::Editor, "in normal mode <C-w> still moves between panes");
}

#[test]
fn every_screens_keys_can_be_rebound() {
    // The dashboard, plan, help and form keys come from the keymap, so `[keys]` rebinds them too.
    let overrides: std::collections::BTreeMap<String, Vec<String>> = [
        ("reload", vec!["R"]),
        ("close", vec!["<C-q>"]),
        ("new_plan", vec!["N"]),
        ("scroll_down", vec!["<C-e>"]),
        ("discard", vec!["<C-g>"]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.into_iter().map(String::from).collect()))
    .collect();
    let mut a = App::new(Bank::load(&[]), HashMap::new(), None, Keymap::with_overrides(&overrides).unwrap());
    let store_dir = tempfile::tempdir().unwrap();
    let store = crate::store::Store::open(&store_dir.path().join("codify.db")).unwrap();
    a.update(Msg::DashboardReady(Box::new(crate::learner::Dashboard::load(&store, &a.bank, 0).unwrap())));
    assert_eq!(keys(&mut a, "r"), vec![], "r no longer reloads");
    assert_eq!(keys(&mut a, "R"), vec![Effect::LoadDashboard]);
    keys(&mut a, "?<C-e><C-e>");
    assert_eq!(a.help, Some(2), "the help scrolls with the new key");
    keys(&mut a, "<C-q>");
    assert_eq!((a.help, a.screen), (None, Screen::Dashboard), "close shuts the help first");
    keys(&mut a, "<Esc>");
    assert_eq!(a.screen, Screen::Dashboard, "Esc is no longer bound to close");
    keys(&mut a, "<C-q>");
    assert_eq!(a.screen, Screen::List);

    let snap = crate::learner::Snapshot::load(&store, &a.bank, 0).unwrap();
    a.update(Msg::PlanReady { screen: Box::new(super::plan_view::PlanScreen::from_snapshot(&snap)), note: None });
    keys(&mut a, "r");
    assert!(a.plan_questions.is_none());
    keys(&mut a, "N");
    assert!(a.plan_questions.is_some());
    keys(&mut a, "<Esc><C-q>");

    keys(&mut a, "<F9>");
    let progression = crate::knowledge::progression().unwrap();
    a.update(Msg::ProfileForm(Box::new(super::profile_form::ProfileForm::new(None, &progression))));
    assert_eq!(a.screen, Screen::Profile);
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("Ctrl-g cancel") && s.contains("Ctrl-g leaves without saving"), "{s}");
    keys(&mut a, "<Esc>");
    assert_eq!(a.screen, Screen::Profile, "Esc no longer leaves the form");
    keys(&mut a, "<C-g>");
    assert_eq!(a.screen, Screen::List);
}

#[test]
fn a_milestone_earned_by_a_submission_is_noticed_in_the_status_line_and_marked_shown() {
    use crate::learner::milestones::Milestone;
    let mut a = app();
    open_two_sum(&mut a);
    assert_eq!(a.update(Msg::Recorded { slug: "two-sum".into() }), vec![Effect::CheckMilestones]);
    assert!(a.update(Msg::Milestones(vec![])).is_empty(), "nothing new: nothing said, nothing marked");
    assert_eq!(a.status, None);
    let m = |id: &str, title: &str| Milestone {
        id: id.into(),
        title: title.into(),
        why: "Two Sum accepted: your first easy problem".into(),
        earned_ms: 1,
    };
    let fx = a.update(Msg::Milestones(vec![m("first_accepted:easy", "First easy problem solved")]));
    assert_eq!(fx, vec![Effect::MilestonesShown { ids: vec!["first_accepted:easy".into()] }]);
    assert_eq!(
        a.status.as_deref(),
        Some("★ Milestone: First easy problem solved — Two Sum accepted: your first easy problem")
    );
    assert!(screen(&mut a, 120, 20).contains("★ Milestone: First easy problem solved"));
    let two = vec![m("first_accepted:easy", "First easy problem solved"), m("list:blind-75:25", "Blind 75: a quarter")];
    a.status = Some("Accepted — 3/3 passed".into());
    a.update(Msg::Milestones(two));
    assert_eq!(
        a.status.as_deref(),
        Some("Accepted — 3/3 passed · ★ 2 milestones: First easy problem solved · Blind 75: a quarter"),
        "after the verdict, not instead of it"
    );
}

#[test]
fn every_comment_is_readable_in_the_statement_pane() {
    // The pane used to stop at ten comments and point at the command line ("codify comments SLUG", with
    // the word SLUG); it scrolls, so it shows them, and only counts past a couple of hundred.
    let mut a = app();
    open_two_sum(&mut a);
    let comment = |i: usize| crate::store::LocalComment {
        id: uuid::Uuid::nil(),
        slug: "two-sum".into(),
        author: Some("ada".into()),
        mine: false,
        text: format!("note number {i}"),
        tag: None,
        at: 0,
        pending: false,
    };
    a.update(Msg::Comments { slug: "two-sum".into(), comments: (0..12).map(comment).collect() });
    keys(&mut a, "<C-w>k<C-w>z");
    let mut seen = String::new();
    for _ in 0..30 {
        seen.push_str(&screen(&mut a, 120, 40));
        keys(&mut a, "<C-d>");
    }
    assert!(seen.contains("note number 11") && !seen.contains("codify comments"), "{seen}");
    a.update(Msg::Comments { slug: "two-sum".into(), comments: (0..203).map(comment).collect() });
    keys(&mut a, &"<C-d>".repeat(60));
    assert!(screen(&mut a, 120, 40).contains("… and 3 older comments"));
}

fn group_data(now: i64) -> super::group_view::GroupData {
    use crate::community::wire::{ActivityItem, GroupInfo, GroupView, MemberWeek};
    let member = |name: &str, solved, reviews, milestones, streak_days| MemberWeek {
        member: name.into(),
        joined_at: now - 86_400_000,
        solved,
        reviews,
        milestones,
        streak_days,
    };
    let item = |who: &str, kind: &str, slug: Option<&str>, title: Option<&str>, hours: i64| ActivityItem {
        member: who.into(),
        kind: kind.into(),
        slug: slug.map(Into::into),
        title: title.map(Into::into),
        at: now - hours * 3_600_000,
    };
    let view = GroupView {
        id: 3,
        name: "evening study".into(),
        owner: true,
        members: vec![member("ana", 4, 2, 1, 5), member("bo\u{1b}[2J", 1, 0, 0, 0)],
        activity: vec![
            item("ana", "solve", Some("two-sum"), None, 2),
            item("bo\u{1b}[2J", "milestone", None, Some("First easy problem solved"), 5),
            item("ana", "review", Some("3sum"), None, 30),
        ],
    };
    let groups = vec![
        GroupInfo { id: 3, name: "evening study".into(), members: 2, owner: true },
        GroupInfo { id: 9, name: "weekend".into(), members: 4, owner: false },
    ];
    super::group_view::GroupData {
        groups,
        index: 0,
        view: Some(view),
        offline_since: None,
        sharing: crate::store::Share::ALL.to_vec(),
        note: None,
    }
}

#[test]
fn the_study_group_screen_shows_the_week_and_what_members_shared() {
    let mut a = app();
    assert_eq!(keys(&mut a, "S"), vec![Effect::LoadGroup { index: 0 }]);
    a.update(Msg::GroupReady(Box::new(group_data(crate::clock::now_ms()))));
    assert_eq!(a.screen, Screen::Group);
    let shown = screen(&mut a, 80, 24);
    // Another person's name cannot drive the terminal: the escape is shown, not obeyed.
    assert!(shown.contains("bo␛[2J") && !shown.contains('\u{1b}'), "{shown}");
    insta::assert_snapshot!(shown);
    assert_eq!(keys(&mut a, "<Tab>"), vec![Effect::LoadGroup { index: 1 }]);
    assert_eq!(keys(&mut a, "r"), vec![Effect::LoadGroup { index: 0 }]);
    keys(&mut a, "<Esc>");
    assert_eq!(a.screen, Screen::List);
}

#[test]
fn the_study_group_screen_says_what_to_do_without_a_group_and_when_offline() {
    let mut a = app();
    let mut data = group_data(crate::clock::now_ms());
    data.view = None;
    data.groups.clear();
    data.note = Some("Study groups live on a community server. Sign in with `codify login URL`.".into());
    a.update(Msg::GroupReady(Box::new(data)));
    let shown = screen(&mut a, 80, 12);
    assert!(shown.contains("Sign in with `codify login URL`"), "{shown}");
    assert!(keys(&mut a, "<Tab>").is_empty(), "one group or none: Tab does nothing");
    let mut offline = group_data(crate::clock::now_ms());
    offline.offline_since = Some(crate::clock::now_ms() - 3 * 3_600_000);
    a.update(Msg::GroupReady(Box::new(offline)));
    assert!(screen(&mut a, 80, 24).contains("Offline: as fetched 3h ago"));
}

#[test]
fn the_study_group_screen_joins_creates_and_invites_through_a_prompt() {
    use super::group_view::Request;
    let mut a = app();
    keys(&mut a, "S");
    a.update(Msg::GroupReady(Box::new(group_data(crate::clock::now_ms()))));
    // A code, typed or pasted with its dash and in capitals, and `q` typed into it rather than quitting.
    assert!(keys(&mut a, "a").is_empty());
    assert!(a.status.as_deref().unwrap().contains("invite code"), "{:?}", a.status);
    keys(&mut a, "K7M2-X9");
    a.update(Msg::Paste("qp4r\n".into()));
    assert!(!a.quit);
    assert!(screen(&mut a, 80, 24).contains("invite code: K7M2-X9qp4r"));
    assert_eq!(keys(&mut a, "<Enter>"), vec![Effect::GroupRequest(Request::Join("k7m2x9qp4r".into()))]);
    assert!(a.group.as_ref().unwrap().prompt.is_none());
    // A bad code is said, and the prompt stays open to correct it; Esc leaves it.
    keys(&mut a, "abad<Enter>");
    assert!(a.status.as_deref().unwrap().contains("not an invite code"), "{:?}", a.status);
    assert!(a.group.as_ref().unwrap().prompt.is_some());
    keys(&mut a, "<Esc>");
    assert!(a.group.as_ref().unwrap().prompt.is_none() && a.screen == Screen::Group);
    assert_eq!(
        keys(&mut a, "c weekend crew <Enter>"),
        vec![Effect::GroupRequest(Request::Create("weekend crew".into()))]
    );
    assert!(keys(&mut a, "c<Enter>").is_empty(), "an empty name is refused");
    assert!(a.status.as_deref().unwrap().contains("1 to 40 characters"), "{:?}", a.status);
    keys(&mut a, "<Esc>");
    assert_eq!(keys(&mut a, "i"), vec![Effect::GroupRequest(Request::Invite { id: 3, name: "evening study".into() })]);
    // Done: say it; a group joined or created is shown next, an invite only said.
    let fx = a.update(Msg::GroupDone { request: Request::Join("k7m2x9qp4r".into()), said: Ok("joined".into()) });
    assert_eq!(fx, vec![Effect::LoadGroup { index: super::group_view::NEWEST }]);
    a.update(Msg::GroupReady(Box::new(group_data(crate::clock::now_ms()))));
    assert_eq!(a.status.as_deref(), Some("joined"), "what the join said stays over the reload");
    let invite = Request::Invite { id: 3, name: "evening study".into() };
    assert!(a.update(Msg::GroupDone { request: invite, said: Ok("invite code: abc".into()) }).is_empty());
    assert_eq!(a.status.as_deref(), Some("invite code: abc"));
}
