//! Drawing: every view is a function of the app state. The layout adapts from wide three-column screens
//! down to 80×24, and a zoomed pane takes the whole body.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use super::app::{App, FeedbackState, Pane, RunMode, Screen, Workspace};
use super::chat::Who;
use super::keymap::{Action, Context, TABLE};
use super::theme::Theme;
use crate::judge::{CaseReport, Verdict};
use crate::problems::Difficulty;
use crate::store::Status;
use crate::sync::signal::Signal;
use crate::sync::wire::{Tag, Vote};

/// Text from other people, a model or a solution, with control characters and bidirectional overrides
/// shown as visible placeholders (`crate::fmt::terminal_safe`).
fn safe(s: &str) -> String {
    crate::fmt::terminal_safe(s).into_owned()
}

/// The last line of defence: no cell of a frame may hold a character that drives the terminal, whatever
/// widget or text put it there.
fn scrub(area: Rect, buf: &mut Buffer) {
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &mut buf[(x, y)];
            if cell.symbol().chars().any(|c| c.is_control() || crate::fmt::visible_placeholder(c).is_some()) {
                // Inside a cell even a new line or a tab would move the cursor.
                let picture = |c: char| match c {
                    '\n' | '\t' => char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{fffd}'),
                    c => crate::fmt::visible_placeholder(c).unwrap_or(c),
                };
                let clean: String = cell.symbol().chars().map(picture).collect();
                cell.set_symbol(&clean);
            }
        }
    }
}

/// The screen's body (all but the status line at the bottom).
pub fn screen_body(area: Rect) -> Rect {
    let [body, _status] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    body
}

/// The workspace's panes' area: the screen body under the problem's header line.
pub fn workspace_body(area: Rect) -> Rect {
    let [_head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(screen_body(area));
    body
}

/// Inside a pane's border.
pub fn pane_inner(rect: Rect) -> Rect {
    Block::default().borders(Borders::ALL).inner(rect)
}

/// Draws the whole app into `buf`. Only reads the app: where panes go is computed beforehand
/// ([`App::relayout`]), and scroll offsets past the end are clamped for the frame, not written back.
pub fn draw(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let [body, status] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    match app.screen {
        Screen::List => draw_list(app, theme, body, buf),
        Screen::Workspace => draw_workspace(app, theme, body, buf),
        Screen::Dashboard => {
            if let Some(d) = app.dashboard.as_ref() {
                super::dashboard::draw(&d.data, theme, &app.keymap, body, buf, d.scroll);
            }
        }
        Screen::Plan => draw_plan(app, theme, body, buf),
        Screen::Group => {
            if let Some(g) = app.group.as_ref() {
                super::group_view::draw(g, theme, &app.keymap, crate::clock::now_ms(), body, buf);
            }
        }
        Screen::Profile => {
            if let Some(f) = app.profile_form.as_deref() {
                f.draw(theme, &app.keymap, body, buf);
            }
        }
    }
    draw_status(app, theme, status, buf);
    if let Some(scroll) = app.help {
        draw_help(app, theme, area, buf, scroll);
    }
    scrub(area, buf);
}

/// The plan screen, with the follow-up questions on its last line while they are asked.
/// The plan screen's area for the plan itself (the follow-up questions take the last two lines).
pub fn plan_area(app: &App, area: Rect) -> (Rect, Option<Rect>) {
    match &app.plan_questions {
        Some(_) => {
            let [b, q] = Layout::vertical([Constraint::Min(1), Constraint::Length(2)]).areas(area);
            (b, Some(q))
        }
        None => (area, None),
    }
}

fn draw_plan(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let (body, ask) = plan_area(app, area);
    if let Some(plan) = app.plan.as_deref() {
        super::plan_view::draw(plan, theme, &app.keymap, body, buf);
    }
    if let (Some(rect), Some((i, _, line))) = (ask, &app.plan_questions) {
        let q = crate::learner::intake::FOLLOW_UP.get(*i).copied().unwrap_or_default();
        Clear.render(rect, buf);
        Paragraph::new(vec![
            Line::from(Span::styled(format!("{}/3  {q}", i + 1), theme.title)),
            Line::from(vec![
                Span::styled("› ", theme.accent),
                Span::raw(line.clone()),
                Span::styled("▏", theme.accent),
            ]),
        ])
        .render(rect, buf);
    }
}

fn keys_hint(app: &App, action: Action) -> String {
    app.keymap.key(action)
}

fn block<'a>(title: &'a str, focused: bool, theme: &Theme) -> Block<'a> {
    let style = if focused { theme.border_focus } else { theme.border };
    let title = if focused { format!(" ▶ {title} ") } else { format!(" {title} ") };
    Block::default()
        .borders(Borders::ALL)
        .border_style(style)
        .title(Span::styled(title, if focused { theme.title } else { theme.dim }))
}

fn difficulty_span(d: Difficulty, theme: &Theme) -> Span<'static> {
    Span::styled(format!("{:<6}", d.as_str()), super::dashboard::difficulty_style(d, theme))
}

fn draw_list(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let l = &app.list;
    let [head, rows_area, foot] =
        Layout::vertical([Constraint::Length(2), Constraint::Min(1), Constraint::Length(2)]).areas(area);
    let solved = l.rows.iter().filter(|r| r.status() == Status::Solved).count();
    let mut filters = vec![format!("sort: {}", l.sort.name())];
    if let Some(d) = l.difficulty {
        filters.push(format!("difficulty: {}", d.as_str()));
    }
    if let Some(t) = l.topic.and_then(|t| l.topics.get(t)) {
        filters.push(format!("topic: {t}"));
    }
    if let Some(list) = l.list {
        filters.push(format!("list: {list}"));
    }
    if let Some(s) = l.status.map(Status::as_str) {
        filters.push(format!("status: {s}"));
    }
    let title = Line::from(vec![
        Span::styled("Codify", theme.title),
        Span::styled(format!("  {} problems · {solved} solved · showing {}", l.rows.len(), l.view.len()), theme.dim),
    ]);
    let search = if l.searching || !l.query.is_empty() {
        Line::from(vec![
            Span::styled("/", theme.accent),
            Span::raw(l.query.clone()),
            Span::styled(if l.searching { "▏" } else { "" }, theme.accent),
        ])
    } else {
        Line::from(Span::styled(filters.join(" · "), theme.dim))
    };
    Paragraph::new(vec![title, search]).render(head, buf);

    let wide = area.width >= 100;
    let title_width = if wide { 44 } else { 30 };
    let [columns, rows_area] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(rows_area);
    let mut header =
        format!("   {:<title_width$} {:<6} {:<10} {:<10}  acc  score", "problem", "level", "topic", "status");
    if wide {
        header.push_str("  tags");
    }
    Paragraph::new(Span::styled(header, theme.dim.add_modifier(Modifier::UNDERLINED))).render(columns, buf);
    let height = rows_area.height as usize;
    let top = l.selected.saturating_sub(height.saturating_sub(1));
    for (line_no, &i) in l.view.iter().enumerate().skip(top).take(height) {
        let r = &l.rows[i];
        let y = rows_area.y + (line_no - top) as u16;
        let (mark, mark_style) = match r.status() {
            Status::Solved => ("✓", theme.good),
            Status::Attempted => ("•", theme.warn),
            _ => (" ", theme.dim),
        };
        let acc = r.acceptance().map(|a| format!("{:>4.0}%", a * 100.0)).unwrap_or_else(|| "   — ".into());
        let signal = l.community.get(&r.slug);
        let mut spans = vec![
            Span::styled(format!(" {mark} "), mark_style),
            Span::raw(format!("{:<title_width$.title_width$} ", r.title)),
            difficulty_span(r.difficulty, theme),
            Span::raw(format!(" {:<10.10} ", r.topic)),
            Span::styled(format!("{:<10}", r.status().as_str()), mark_style),
            Span::styled(acc, theme.dim),
            Span::styled(format!(" {:>5}", signal.map(score_text).unwrap_or_default()), theme.accent),
        ];
        if wide {
            if let Some(tag) = signal.and_then(|s| s.top_tag()) {
                spans.push(Span::styled(format!("  [{}]", tag_text(tag)), theme.warn));
            }
            spans.push(Span::styled(format!("  {}", r.patterns.join(", ")), theme.dim));
        }
        let style = if line_no == l.selected { theme.selected } else { Style::default() };
        let row = Rect::new(rows_area.x, y, rows_area.width, 1);
        buf.set_style(row, style);
        Paragraph::new(Line::from(spans)).style(style).render(row, buf);
    }
    if l.view.is_empty() {
        Paragraph::new(Span::styled("  no problem matches; Esc clears the search and filters", theme.dim))
            .render(rows_area, buf);
    }
    let hints: Vec<String> = [
        Action::Open,
        Action::Search,
        Action::FilterDifficulty,
        Action::FilterTopic,
        Action::FilterStatus,
        Action::Sort,
        Action::Random,
        Action::Resume,
        Action::Help,
        Action::Quit,
    ]
    .iter()
    .map(|&a| format!("{} {}", keys_hint(app, a), a.name().replace('_', " ")))
    .collect();
    Paragraph::new(Line::from(Span::styled(hints.join("  "), theme.dim))).wrap(Wrap { trim: true }).render(foot, buf);
}

/// A problem's community score (up minus down votes), `+12` or `−3`; empty when nobody voted.
fn score_text(s: &Signal) -> String {
    match s.score() {
        0 if s.up == 0 => String::new(),
        n if n >= 0 => format!("+{n}"),
        n => format!("−{}", -n),
    }
}

fn tag_text(t: Tag) -> &'static str {
    match t {
        Tag::TooHard => "too hard",
        Tag::GoodIntro => "good intro",
        Tag::PatternPractice => "pattern practice",
    }
}

/// The workspace header's community part: votes, comments, tags and the learner's own vote.
fn community_spans(s: &Signal, theme: &Theme) -> Vec<Span<'static>> {
    let mut parts = vec![format!("▲{} ▼{}", s.up, s.down)];
    if s.comments > 0 {
        parts.push(format!("{} comment{}", s.comments, if s.comments == 1 { "" } else { "s" }));
    }
    for t in Tag::ALL {
        if s.tags.get(t) > 0 {
            parts.push(format!("{} ×{}", tag_text(t), s.tags.get(t)));
        }
    }
    match s.my_vote {
        Vote::Up => parts.push("you voted up".into()),
        Vote::Down => parts.push("you voted down".into()),
        Vote::Clear => {}
    }
    vec![Span::styled("  ·  ", theme.dim), Span::styled(parts.join(" · "), theme.accent)]
}

/// The narrowest an editor or other column gets, in cells.
const MIN_COLUMN: u16 = 30;

/// Where each pane of the workspace goes in `body`: a pure function of the screen, the workspace and the
/// learner's editor-width adjustment (`<C-w>>`, `<C-w><`, `<C-w>=`), shared by drawing and mouse handling.
///
/// From 150 columns the statement, editor and results/tutor sit side by side; below that the statement
/// sits above the editor. Either way the editor column is at least as wide as its longest line needs (up
/// to what leaves the other columns usable), then moved by the adjustment.
pub fn workspace_layout(body: Rect, ws: &Workspace, adjust: i16) -> Vec<(Pane, Rect)> {
    if let Some(z) = ws.zoom {
        return vec![(z, body)];
    }
    let lines = ws.editor.text();
    let longest = lines.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    let gutter = lines.lines().count().to_string().len().max(3) + 1;
    // Border, gutter, the line, and a cell for the cursor after its end.
    let needed = (longest + gutter + 3).min(usize::from(u16::MAX)) as u16;
    let w = body.width;
    let three = w >= 150 && !ws.statement_hidden;
    let (share, others) = if three { (w * 2 / 5, 2 * MIN_COLUMN) } else { (w * 58 / 100, MIN_COLUMN + 10) };
    // Never narrower than its share; wider up to what leaves the other columns usable.
    let editor = share.max(needed.min(w.saturating_sub(others)));
    // The learner may go further, down to MIN_COLUMN or up to leaving 20 columns.
    let (lo, hi) = (MIN_COLUMN.min(share), share.max(w.saturating_sub(20)));
    let editor = (i32::from(editor) + i32::from(adjust)).clamp(i32::from(lo), i32::from(hi)) as u16;
    let split = |r: Rect, top_pct: u16| {
        let top = r.height * top_pct / 100;
        (Rect { height: top, ..r }, Rect { y: r.y + top, height: r.height - top, ..r })
    };
    let mut rects = Vec::new();
    if three {
        // The rest is shared 32:28 between the statement and the results/tutor column.
        let rest = w - editor;
        let st = rest * 32 / 60;
        let left = Rect { width: st, ..body };
        let mid = Rect { x: body.x + st, width: editor, ..body };
        let right = Rect { x: body.x + st + editor, width: rest - st, ..body };
        let (res, tut) = split(right, 62);
        rects.extend([(Pane::Statement, left), (Pane::Editor, mid), (Pane::Results, res), (Pane::Tutor, tut)]);
    } else {
        let left = Rect { width: editor, ..body };
        let right = Rect { x: body.x + editor, width: w - editor, ..body };
        if ws.statement_hidden {
            rects.push((Pane::Editor, left));
        } else {
            let (st, ed) = split(left, 38);
            rects.extend([(Pane::Statement, st), (Pane::Editor, ed)]);
        }
        let (res, tut) = split(right, if ws.statement_hidden { 62 } else { 65 });
        rects.extend([(Pane::Results, res), (Pane::Tutor, tut)]);
    }
    rects
}

fn draw_workspace(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let Some(ws) = app.ws.as_ref() else { return };
    let Some(problem) = app.bank.get(&ws.slug) else { return };
    let [head, _] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let mut header = vec![Span::styled(format!(" {} ", problem.title), theme.title)];
    match ws.interview.as_ref().filter(|iv| iv.running()) {
        // In an interview the difficulty stays hidden and the clock shows instead.
        Some(iv) => {
            let left = iv.remaining(app.now).as_secs();
            let style = if left < 300 { theme.bad } else { theme.warn };
            header.push(Span::styled(format!("⏱ {:02}:{:02} left · interview", left / 60, left % 60), style));
        }
        None => header.push(difficulty_span(problem.difficulty, theme)),
    }
    header.push(Span::styled(format!(" {} · {}", problem.topic, problem.slug), theme.dim));
    if let Some(s) = app.list.community.get(&ws.slug) {
        header.extend(community_spans(s, theme));
    }
    Paragraph::new(Line::from(header)).render(head, buf);

    for &(pane, rect) in &app.pane_rects {
        let focused = ws.focus == pane;
        match pane {
            Pane::Statement => {
                let para = Paragraph::new(statement_lines(problem, ws, theme)).wrap(Wrap { trim: false });
                render_scrolled(para, block("Statement", focused, theme), rect, buf, ws.statement_scroll);
            }
            Pane::Editor => {
                let modified = if ws.editor.is_modified() { " [+]" } else { "" };
                let title = format!("solution.py{modified}");
                let b = block(&title, focused, theme);
                let inner = b.inner(rect);
                b.render(rect, buf);
                ws.editor.render(inner, buf, focused, theme.kind);
            }
            Pane::Results => {
                let (title, lines) = results_lines(ws, theme, results_frame(app));
                let para = Paragraph::new(lines).wrap(Wrap { trim: false });
                render_scrolled(para, block(title, focused, theme), rect, buf, ws.results_scroll);
            }
            Pane::Tutor => draw_tutor(ws, &tutor_view(app, problem, focused), theme, rect, buf),
        }
    }
}

/// The statement pane's text: the statement, its examples and constraints, and the community's comments.
fn statement_lines(problem: &crate::problems::Problem, ws: &Workspace, theme: &Theme) -> Vec<Line<'static>> {
    let mut statement = super::markdown::render(&statement_text(problem), theme);
    comment_lines(&ws.comments, theme, &mut statement);
    statement
}

fn results_frame(app: &App) -> ResultsFrame<'static> {
    let spin = app.spinner();
    let ws = app.ws.as_ref();
    ResultsFrame {
        spin,
        running: ws.and_then(|ws| ws.running.as_ref()).map(|r| (spin, app.now.saturating_duration_since(r.started))),
        hint_key: keys_hint(app, Action::Hint),
        cancel_key: keys_hint(app, Action::Cancel),
        run_key: keys_hint(app, Action::Run),
        submit_key: keys_hint(app, Action::Submit),
    }
}

fn tutor_view(app: &App, problem: &crate::problems::Problem, focused: bool) -> TutorView<'static> {
    let keys = (keys_hint(app, Action::Hint), keys_hint(app, Action::Ask));
    TutorView { hints_total: problem.hints.len(), keys, spinner: app.spinner(), focused }
}

/// How far a pane's text can scroll: its wrapped lines past the pane's height, with the panes where
/// [`App::relayout`] last put them. None for the editor, or a pane not on screen.
pub fn pane_bottom(app: &App, pane: Pane) -> Option<u16> {
    let ws = app.ws.as_ref()?;
    let problem = app.bank.get(&ws.slug)?;
    let rect = app.pane_rects.iter().find(|(p, _)| *p == pane)?.1;
    let inner = pane_inner(rect);
    let theme = Theme::new(super::theme::ThemeKind::NoColor);
    let (lines, height) = match pane {
        Pane::Statement => (statement_lines(problem, ws, &theme), inner.height),
        Pane::Results => (results_lines(ws, &theme, results_frame(app)).1, inner.height),
        Pane::Tutor => {
            let input = ws.chat.input.is_some() && inner.height >= 2;
            (tutor_lines(ws, &tutor_view(app, problem, false), &theme), inner.height - u16::from(input))
        }
        Pane::Editor => return None,
    };
    let total = Paragraph::new(lines).wrap(Wrap { trim: false }).line_count(inner.width);
    Some((total.min(usize::from(u16::MAX)) as u16).saturating_sub(height))
}

/// The community's comments under the statement, newest first (the pane scrolls; past [`COMMENTS_SHOWN`],
/// the oldest are counted, not drawn).
fn comment_lines(comments: &[crate::store::LocalComment], theme: &Theme, lines: &mut Vec<Line<'static>>) {
    if comments.is_empty() {
        return;
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(format!("Comments ({})", comments.len()), theme.title)));
    for c in comments.iter().take(COMMENTS_SHOWN) {
        let who = if c.mine { "you" } else { c.author.as_deref().unwrap_or("someone") };
        let mut head = vec![Span::styled(format!("{} ", safe(who)), theme.accent)];
        if let Some(t) = c.tag {
            head.push(Span::styled(format!("[{}] ", tag_text(t)), theme.warn));
        }
        if c.pending {
            head.push(Span::styled("(not synced yet) ", theme.dim));
        }
        head.push(Span::raw(safe(&c.text)));
        lines.push(Line::from(head));
    }
    if comments.len() > COMMENTS_SHOWN {
        let older = comments.len() - COMMENTS_SHOWN;
        lines.push(Line::from(Span::styled(format!("… and {older} older comments"), theme.dim)));
    }
}

/// Comments drawn under a statement; enough to read all of them but on the busiest problems.
const COMMENTS_SHOWN: usize = 200;

/// The statement followed by its constraints and public examples.
fn statement_text(p: &crate::problems::Problem) -> String {
    let mut s = p.statement.clone();
    if let Ok(tests) = p.tests() {
        for (i, t) in tests.iter().filter(|t| !t.hidden).enumerate() {
            s.push_str(&format!(
                "\n\n## Example {}\n- **Input:** `{}`\n- **Output:** `{}`",
                i + 1,
                crate::fmt::input_ordered(&t.input, &p.input_order(), 200),
                t.expected
            ));
            if let Some(e) = &t.explain {
                s.push_str(&format!("\n- {e}"));
            }
        }
    }
    if !p.constraints.is_empty() {
        s.push_str("\n\n## Constraints");
        for c in &p.constraints {
            s.push_str(&format!("\n- `{c}`"));
        }
    }
    s
}

fn verdict_style(v: Verdict, theme: &Theme) -> Style {
    match v {
        Verdict::Accepted => theme.good.add_modifier(Modifier::BOLD),
        Verdict::InternalError => theme.warn.add_modifier(Modifier::BOLD),
        _ => theme.bad.add_modifier(Modifier::BOLD),
    }
}

/// What the results pane shows besides the workspace: the spinner's frame, how long the run has taken, and
/// the keys it names (from the keymap, so a rebinding shows).
struct ResultsFrame<'a> {
    spin: &'a str,
    running: Option<(&'a str, std::time::Duration)>,
    hint_key: String,
    cancel_key: String,
    run_key: String,
    submit_key: String,
}

/// The results pane's title and text: the past submissions while `:history` is open, else the run.
fn results_lines(ws: &Workspace, theme: &Theme, f: ResultsFrame) -> (&'static str, Vec<Line<'static>>) {
    let ResultsFrame { spin, running, hint_key, cancel_key, run_key, submit_key } = f;
    let mut lines: Vec<Line<'static>> = Vec::new();
    if let Some(rows) = &ws.history {
        history_lines(rows, &submit_key, theme, &mut lines);
        return ("History", lines);
    }
    if let Some(result) = ws.interview.as_ref().and_then(|iv| iv.result.as_ref()) {
        interview_lines(result, theme, &mut lines);
    }
    if let (Some((spin, took)), Some(run)) = (running, ws.running.as_ref()) {
        let what = if run.mode == RunMode::Run { "running the examples" } else { "submitting" };
        lines.push(Line::from(vec![
            Span::styled(format!("{spin} {what}… {:.1} s", took.as_secs_f64()), theme.accent),
            Span::styled(format!("  ({cancel_key} cancels)"), theme.dim),
        ]));
        lines.push(Line::raw(""));
    }
    match &ws.report {
        None if ws.running.is_none() => {
            lines.push(Line::from(Span::styled(
                format!("{run_key} or :run tries the examples; {submit_key} or :submit runs every test."),
                theme.dim,
            )));
        }
        None => {}
        Some((mode, r)) => {
            let mark = if r.verdict == Verdict::Accepted { "✓" } else { "✗" };
            let what = if *mode == RunMode::Run { "example tests" } else { "tests" };
            lines.push(Line::from(vec![
                Span::styled(format!("{mark} {}", r.verdict.title()), verdict_style(r.verdict, theme)),
                Span::styled(format!("  {}/{} {what} · {:.1} ms", r.passed, r.total, r.runtime_ms), theme.dim),
            ]));
            if let Some(ce) = &r.compile_error {
                let at = ce.line.map(|l| format!("line {l}: ")).unwrap_or_default();
                lines.push(Line::from(Span::styled(format!("{at}{}", safe(&ce.message)), theme.bad)));
            } else if let Some(m) = r.message.as_ref().filter(|_| r.cases.iter().all(|c| c.error.is_none())) {
                if r.verdict != Verdict::Accepted && r.verdict != Verdict::WrongAnswer {
                    lines.push(Line::from(Span::styled(safe(m), theme.warn)));
                }
            }
            let mut tabs: Vec<Span<'static>> = Vec::new();
            for (i, c) in r.cases.iter().enumerate() {
                let st = if c.passed { theme.good } else { theme.bad };
                let st = if i == ws.selected_case { st.add_modifier(Modifier::REVERSED) } else { st };
                tabs.push(Span::styled(format!("{}{}", c.id, if c.passed { "✓" } else { "✗" }), st));
                tabs.push(Span::raw(" "));
            }
            if r.cases.len() < r.total {
                tabs.push(Span::styled(format!("… {} not run", r.total - r.cases.len()), theme.dim));
            }
            lines.push(Line::from(tabs));
            if let Some(c) = r.cases.get(ws.selected_case) {
                lines.push(Line::raw(""));
                case_lines(c, theme, &mut lines);
            }
            if ws.diagnosing.is_some() {
                lines.push(Line::raw(""));
                let what = format!("{spin} looking for the smallest failing input and the line at fault");
                lines.push(Line::from(Span::styled(what, theme.accent)));
            }
            if let Some(c) = &ws.counterexample {
                counterexample_lines(c, theme, &mut lines);
            }
            if let Some(a) = ws.analysis.as_ref().filter(|a| a.syntax_error.is_none()) {
                analysis_lines(a, theme, &mut lines);
            }
            if let Some(said) = &ws.diagnosis_summary {
                lines.push(Line::from(Span::styled(said.clone(), theme.dim)));
            }
            feedback_lines(&ws.feedback, theme, &mut lines);
            let failed = ws.report.as_ref().is_some_and(|(_, r)| r.verdict != Verdict::Accepted);
            if failed && matches!(ws.feedback, FeedbackState::Ready(_)) && !hint_key.is_empty() {
                lines.push(Line::from(Span::styled(format!("Stuck? {hint_key} gives the next hint."), theme.dim)));
            }
        }
    }
    ("Results", lines)
}

/// Renders a wrapped paragraph inside `b`, scrolled by `scroll` but never past its last line; returns the
/// offset used, so that scrolling back up starts from what is on screen.
/// Renders `para` in its block, scrolled by `scroll` but never past its last line.
fn render_scrolled(para: Paragraph<'_>, b: Block<'_>, rect: Rect, buf: &mut Buffer, scroll: u16) {
    let inner = b.inner(rect);
    b.render(rect, buf);
    let total = para.line_count(inner.width).min(usize::from(u16::MAX)) as u16;
    let scroll = scroll.min(total.saturating_sub(inner.height));
    para.scroll((scroll, 0)).render(inner, buf);
}

fn case_lines(c: &CaseReport, theme: &Theme, lines: &mut Vec<Line<'static>>) {
    let mut tags = vec![format!("case {}", c.id)];
    if c.hidden {
        tags.push("hidden".into());
    }
    if let Some(e) = c.edge {
        tags.push(format!("edge: {}", e.as_str()));
    }
    tags.push(format!("{:.2} ms", c.ms));
    lines.push(Line::from(vec![
        Span::styled(
            if c.passed { "✓ ".to_string() } else { format!("✗ {} ", c.verdict.title()) },
            if c.passed { theme.good } else { theme.bad },
        ),
        Span::styled(tags.join(" · "), theme.dim),
    ]));
    if c.input.is_null() && c.hidden {
        let note = match c.passed {
            true => "(a hidden test: its data stays hidden)",
            false => "(a hidden test: its data stays hidden; a smallest failing input, when one is found, follows)",
        };
        lines.push(Line::from(Span::styled(note, theme.dim)));
    } else {
        lines
            .push(Line::from(vec![Span::styled("input     ", theme.dim), Span::raw(crate::fmt::input(&c.input, 400))]));
        let expected = c.expected.to_string();
        let actual = c.actual.to_string();
        let show_actual = c.error.is_none() && c.verdict != Verdict::TimeLimitExceeded;
        if show_actual && !c.passed {
            let (e_spans, a_spans) = diff_spans(&expected, &actual, theme);
            lines.push(Line::from([vec![Span::styled("expected  ", theme.dim)], e_spans].concat()));
            lines.push(Line::from([vec![Span::styled("actual    ", theme.dim)], a_spans].concat()));
        } else {
            lines.push(Line::from(vec![Span::styled("expected  ", theme.dim), Span::raw(clip(&expected, 400))]));
            if show_actual {
                lines.push(Line::from(vec![Span::styled("actual    ", theme.dim), Span::raw(clip(&actual, 400))]));
            }
        }
    }
    if let Some(e) = &c.error {
        lines.push(Line::from(Span::styled(safe(&e.message), theme.bad)));
        for t in e.traceback.lines() {
            lines.push(Line::from(Span::styled(safe(t), theme.dim)));
        }
    }
    if !c.stdout.is_empty() {
        lines.push(Line::from(Span::styled("stdout", theme.dim)));
        for l in c.stdout.lines().take(30) {
            lines.push(Line::raw(format!("  {}", safe(l))));
        }
    }
}

/// The smallest failing input found, with what is special about it.
fn counterexample_lines(c: &crate::analysis::Counterexample, theme: &Theme, lines: &mut Vec<Line<'static>>) {
    lines.push(Line::raw(""));
    let edges: Vec<&str> = c.edges.iter().map(|e| e.as_str()).collect();
    let mut head = vec![Span::styled("Smallest failing input", theme.title)];
    if !edges.is_empty() {
        head.push(Span::styled(format!("  {}", edges.join(" · ")), theme.dim));
    }
    if c.source != "generated" {
        head.push(Span::styled(format!("  ({})", c.source), theme.dim));
    }
    lines.push(Line::from(head));
    lines.push(Line::from(vec![
        Span::styled("input     ", theme.dim),
        Span::raw(safe(&crate::fmt::input(&c.input, 400))),
    ]));
    lines.push(Line::from(vec![
        Span::styled("expected  ", theme.dim),
        Span::raw(safe(&clip(&c.expected.to_string(), 400))),
    ]));
    let actual = match &c.error {
        Some(e) => Span::styled(safe(e), theme.bad),
        None => Span::raw(safe(&clip(&c.actual.to_string(), 400))),
    };
    lines.push(Line::from(vec![Span::styled("actual    ", theme.dim), actual]));
}

/// Why the approach is weak: the complexity estimate and the findings, with lines and what to try.
fn analysis_lines(a: &crate::analysis::Analysis, theme: &Theme, lines: &mut Vec<Line<'static>>) {
    let c = |x: Option<crate::complexity::Complexity>| x.map(|c| c.as_str()).unwrap_or("?");
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled("Analysis", theme.title)));
    lines.push(Line::from(vec![
        Span::styled("time   ", theme.dim),
        Span::raw(format!("{}  ", c(a.time_complexity))),
        Span::styled(a.time_reason.clone(), theme.dim),
    ]));
    lines.push(Line::from(vec![
        Span::styled("space  ", theme.dim),
        Span::raw(format!("{}  ", c(a.space_complexity))),
        Span::styled(a.space_reason.clone(), theme.dim),
    ]));
    let shown = crate::analysis::SHOWN;
    for f in a.findings.iter().filter(|f| f.confidence >= shown) {
        let evidence = if f.evidence == crate::analysis::Evidence::Dynamic { "from the run" } else { "static" };
        lines.push(Line::from(vec![
            Span::styled("● ", theme.warn),
            Span::styled(format!("line {} · {}", f.line, f.kind.as_str()), theme.warn.add_modifier(Modifier::BOLD)),
            Span::styled(format!(" · {:.0}% · {evidence}", f.confidence * 100.0), theme.dim),
        ]));
        lines.push(Line::raw(format!("  {}", f.message)));
        lines.push(Line::from(vec![Span::styled("  → ", theme.good), Span::raw(f.suggestion.clone())]));
    }
    let maybe: Vec<String> = a
        .findings
        .iter()
        .filter(|f| f.confidence < shown)
        .map(|f| format!("line {} {}", f.line, f.kind.as_str()))
        .collect();
    if !maybe.is_empty() {
        lines.push(Line::from(Span::styled(format!("maybe (below 50%): {}", maybe.join(", ")), theme.dim)));
    }
}

fn clip(s: &str, max: usize) -> String {
    crate::fmt::clip(s, max)
}

/// Expected and actual with the part that differs marked (shared prefix and suffix left plain).
fn diff_spans(expected: &str, actual: &str, theme: &Theme) -> (Vec<Span<'static>>, Vec<Span<'static>>) {
    let e: Vec<char> = expected.chars().collect();
    let a: Vec<char> = actual.chars().collect();
    let prefix = e.iter().zip(&a).take_while(|(x, y)| x == y).count();
    let suffix = e[prefix..].iter().rev().zip(a[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    let part = |v: &[char], style: Style| -> Vec<Span<'static>> {
        let s: String = v[..prefix].iter().collect();
        let mid: String = v[prefix..v.len() - suffix].iter().collect();
        let end: String = v[v.len() - suffix..].iter().collect();
        vec![
            Span::raw(clip(&s, 300)),
            Span::styled(clip(&mid, 300), style.add_modifier(Modifier::UNDERLINED)),
            Span::raw(clip(&end, 100)),
        ]
    };
    (part(&e, theme.good), part(&a, theme.bad))
}

struct TutorView<'a> {
    hints_total: usize,
    /// The keys for the next hint and for a question.
    keys: (String, String),
    spinner: &'a str,
    focused: bool,
}

/// The tutor pane: the conversation (newest at the bottom, followed while it streams) and the question
/// line. Returns the scroll offset used and whether the end is in view.
/// The tutor pane's conversation (without the question line).
fn tutor_lines(ws: &Workspace, view: &TutorView<'_>, theme: &Theme) -> Vec<Line<'static>> {
    let chat = &ws.chat;
    let (hint_key, ask_key) = &view.keys;
    let mut lines = vec![Line::from(Span::styled(
        format!("hints used {} of {} · {hint_key} next hint · {ask_key} ask", ws.hints_shown, view.hints_total),
        theme.dim,
    ))];
    if chat.entries.is_empty() && chat.streaming.is_none() {
        lines.push(Line::raw(""));
        lines.push(Line::from(Span::styled(
            "Stuck? The tutor nudges with questions and the problem's hints, grounded in your code and its \
             last run. :hint QUESTION asks from the editor; :giveup shows a full solution.",
            theme.dim,
        )));
    }
    for e in &chat.entries {
        lines.push(Line::raw(""));
        match e.who {
            Who::Learner => {
                lines.push(Line::from(vec![Span::styled("you › ", theme.accent), Span::raw(safe(&e.text))]))
            }
            Who::Tutor => {
                lines.push(Line::from(Span::styled(format!("{} ›", e.label), theme.title)));
                lines.extend(super::markdown::render(&safe(&e.text), theme));
            }
            Who::Note => lines.push(Line::from(Span::styled(format!("· {}", safe(&e.text)), theme.dim))),
        }
    }
    if let Some(s) = &chat.streaming {
        lines.push(Line::raw(""));
        let who = if s.label.is_empty() { "tutor" } else { s.label.as_str() };
        lines.push(Line::from(vec![
            Span::styled(format!("{who} › "), theme.title),
            Span::styled(format!("{} (Ctrl-c stops)", view.spinner), theme.dim),
        ]));
        let mut body = super::markdown::render(&safe(&s.text), theme);
        match body.last_mut() {
            Some(last) => last.spans.push(Span::styled("▍", theme.accent)),
            None => body.push(Line::from(Span::styled("▍", theme.accent))),
        }
        lines.extend(body);
    }
    lines
}

fn draw_tutor(ws: &Workspace, view: &TutorView<'_>, theme: &Theme, rect: Rect, buf: &mut Buffer) {
    let chat = &ws.chat;
    let lines = tutor_lines(ws, view, theme);
    let b = block("Tutor", view.focused, theme);
    let inner = b.inner(rect);
    b.render(rect, buf);
    let (body, input) = match &chat.input {
        Some(_) if inner.height >= 2 => {
            let [body, input] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
            (body, Some(input))
        }
        _ => (inner, None),
    };
    let para = Paragraph::new(lines).wrap(Wrap { trim: false });
    let bottom = (para.line_count(body.width).min(usize::from(u16::MAX)) as u16).saturating_sub(body.height);
    let scroll = if chat.follow { bottom } else { ws.tutor_scroll.min(bottom) };
    para.scroll((scroll, 0)).render(body, buf);
    if let (Some(area), Some(q)) = (input, &chat.input) {
        // The end of a long question stays in view.
        let room = usize::from(area.width.saturating_sub(8));
        let shown: String = {
            let n = q.chars().count();
            q.chars().skip(n.saturating_sub(room)).collect()
        };
        Paragraph::new(Line::from(vec![
            Span::styled("ask › ", theme.accent),
            Span::raw(shown),
            Span::styled("▏", theme.accent),
        ]))
        .render(area, buf);
    }
}

/// `:history`: one line per past submission, newest first, numbered for `:history N`.
fn history_lines(
    rows: &[crate::store::StoredSubmission],
    submit_key: &str,
    theme: &Theme,
    lines: &mut Vec<Line<'static>>,
) {
    if rows.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("No submissions of this problem yet: {submit_key} or :submit records one."),
            theme.dim,
        )));
    }
    for (i, s) in rows.iter().enumerate() {
        let when = chrono::DateTime::from_timestamp_millis(s.created_at)
            .map(|t| t.with_timezone(&chrono::Local).format("%m-%d %H:%M").to_string())
            .unwrap_or_default();
        let style = if s.verdict == Verdict::Accepted { theme.good } else { theme.bad };
        lines.push(Line::from(vec![
            Span::styled(format!("{:>3} ", i + 1), theme.dim),
            Span::styled(format!("{when}  "), theme.dim),
            Span::styled(format!("{:<22}", s.verdict.title()), style),
            Span::raw(format!("{:>7}  {:.1} ms", format!("{}/{}", s.passed, s.total), s.runtime_ms)),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        ":history N loads one's code (u undoes); :history closes this list.",
        theme.dim,
    )));
}

/// The end of an interview: readiness per topic, in numbers and words.
fn interview_lines(
    result: &[crate::learner::interview::TopicReadiness],
    theme: &Theme,
    lines: &mut Vec<Line<'static>>,
) {
    lines.push(Line::from(Span::styled("Interview over", theme.title)));
    if result.is_empty() {
        lines.push(Line::from(Span::styled("scoring…", theme.dim)));
    }
    for r in result {
        let (word, style) = match r.score {
            s if s >= 0.75 => ("ready", theme.good),
            s if s >= 0.45 => ("getting there", theme.warn),
            _ => ("not yet", theme.bad),
        };
        lines.push(Line::from(vec![
            Span::raw(format!("  {}: ", r.topic)),
            Span::styled(format!("{:>3.0}% {word}", r.score * 100.0), style),
        ]));
    }
    lines.push(Line::from(Span::styled("The dashboard keeps readiness per topic across sessions.", theme.dim)));
    lines.push(Line::raw(""));
}

fn feedback_lines(f: &FeedbackState, theme: &Theme, lines: &mut Vec<Line<'static>>) {
    match f {
        FeedbackState::None => {}
        FeedbackState::Pending => {
            lines.push(Line::raw(""));
            lines.push(Line::from(Span::styled("Feedback: writing…", theme.dim)));
        }
        FeedbackState::Ready(fb) if !fb.text.trim().is_empty() => {
            lines.push(Line::raw(""));
            let from = match fb.source {
                crate::coach::Source::Llm => "Feedback",
                crate::coach::Source::Offline => "Feedback (offline)",
            };
            lines.push(Line::from(Span::styled(from, theme.title)));
            lines.extend(super::markdown::render(&safe(&fb.text), theme));
        }
        FeedbackState::Ready(_) => {}
    }
}

fn draw_status(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let mut spans = Vec::new();
    match (&app.screen, &app.ws) {
        (Screen::Workspace, Some(ws)) => {
            let mode = if ws.focus == Pane::Editor { ws.editor.mode_name() } else { "PANE" };
            spans.push(Span::styled(format!(" {mode} "), theme.selected));
            spans.push(Span::raw(format!(" {} ", ws.slug)));
            let saved = if ws.save_failed.is_some() {
                Span::styled("✗ draft not saved", theme.bad)
            } else if ws.dirty_since.is_some() {
                Span::styled("● unsaved", theme.warn)
            } else {
                Span::styled("✓ draft saved", theme.dim)
            };
            spans.push(saved);
            if let Some(r) = &ws.running {
                let spin = app.spinner();
                spans.push(Span::styled(
                    format!("  {spin} {}", if r.mode == RunMode::Run { "running" } else { "submitting" }),
                    theme.accent,
                ));
            }
        }
        (Screen::Dashboard, _) => spans.push(Span::styled(" DASHBOARD ", theme.selected)),
        (Screen::Plan, _) => spans.push(Span::styled(" PLAN ", theme.selected)),
        (Screen::Profile, _) => spans.push(Span::styled(" PROFILE ", theme.selected)),
        (Screen::Group, _) => spans.push(Span::styled(" GROUP ", theme.selected)),
        _ => spans.push(Span::styled(" LIST ", theme.selected)),
    }
    if !app.pending_keys.is_empty() {
        spans.push(Span::styled(format!("  {}", super::keymap::format_keys(&app.pending_keys)), theme.accent));
    }
    if let Some(s) = &app.status {
        spans.push(Span::raw(format!("  {s}")));
    }
    Paragraph::new(Line::from(spans)).render(area, buf);
    // The sync indicator sits at the right end, over whatever a long status line left there.
    if let Some((text, style)) = sync_indicator(app, theme) {
        let w = (text.chars().count() as u16 + 1).min(area.width);
        let rect = Rect::new(area.x + area.width - w, area.y, w, 1);
        Clear.render(rect, buf);
        Paragraph::new(Line::from(Span::styled(format!(" {text}"), style))).render(rect, buf);
    }
}

/// `⇅ synced 2m ago`, `⇅ offline · 3 queued`, …; nothing while community data has never left this machine.
fn sync_indicator(app: &App, theme: &Theme) -> Option<(String, Style)> {
    use crate::sync::SyncStatus;
    if app.sync.running {
        return Some(("⇅ syncing…".into(), theme.dim));
    }
    let ago = app.sync.last.map(|t| app.now.saturating_duration_since(t).as_secs()).unwrap_or(0);
    let ago = if ago < 60 { "just now".to_string() } else { format!("{}m ago", ago / 60) };
    match app.sync.status.as_ref()? {
        SyncStatus::Synced { .. } => Some((format!("⇅ synced {ago}"), theme.dim)),
        SyncStatus::Offline { queued } => Some((format!("⇅ offline · {queued} queued"), theme.warn)),
        SyncStatus::LocalOnly { queued: 0 } => None,
        SyncStatus::LocalOnly { queued } => Some((format!("⇅ not signed in · {queued} kept here"), theme.dim)),
        SyncStatus::Error(_) => Some(("⇅ sync failed".into(), theme.bad)),
    }
}

fn draw_help(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, scroll: u16) {
    let w = area.width.saturating_sub(4).min(96);
    let h = area.height.saturating_sub(2);
    let rect = Rect::new(area.x + (area.width - w) / 2, area.y + 1, w, h);
    Clear.render(rect, buf);
    // This screen's keys first, then the others', each once.
    let here = app.help_contexts();
    let order = here.iter().copied().chain(Context::ALL.iter().map(|(c, _)| *c).filter(|c| !here.contains(c)));
    let mut lines = Vec::new();
    for ctx in order {
        lines.push(Line::from(Span::styled(ctx.title(), theme.title)));
        for b in TABLE.iter().filter(|b| b.contexts.contains(&ctx)) {
            let keys = app.keymap.keys_for(b.action).join(" ");
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<18}"), theme.accent),
                Span::raw(b.description.to_string()),
            ]));
        }
        lines.push(Line::raw(""));
    }
    // The editor's own keys, per mode, from the table the editor reads them from.
    for (mode, title) in super::editor::keymap::SECTIONS {
        lines.push(Line::from(Span::styled(format!("Editor · {title}"), theme.title)));
        for (keys, desc) in super::editor::keymap::section(*mode) {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<18}", keys.join(" ")), theme.accent),
                Span::raw(desc.to_string()),
            ]));
        }
        lines.push(Line::raw(""));
    }
    let close = app.keymap.hints(&[(&[Action::ScrollDown, Action::ScrollUp], "scroll"), (&[Action::Close], "closes")]);
    lines.push(Line::from(Span::styled(format!("{close}; so does any key bound to nothing here."), theme.dim)));
    Paragraph::new(lines)
        .block(block("Keys", true, theme))
        .scroll((scroll, 0))
        .wrap(Wrap { trim: false })
        .render(rect, buf);
}
