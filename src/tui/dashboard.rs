//! The dashboard screen: the learner's measured picture (`learner::Dashboard`) as charts that read without
//! colour — every bar, gauge and heatmap cell carries its number or a glyph of its own, and every colour
//! has a word next to it ("weak", "improving", "strong", "not seen yet").
//!
//! Sections are boxed paragraphs laid out in one column at 80×24, two from 120 columns and three from 180,
//! each section going to the shortest column. They are drawn into an off-screen buffer as tall as the
//! content and the visible window is copied out, so one scroll offset moves every column together and
//! never goes past the end. With no submissions the charts give way to a card that says what to do first.
//!
//! Also home to the small drawing helpers the learner screens share (`section`, `fit`, `bar`,
//! `difficulty_style`).

use chrono::{Datelike, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::keymap::{Action, Keymap};
use super::theme::Theme;
use crate::learner::dashboard::{CalendarDay, MasteryLabel};
use crate::learner::Dashboard;
use crate::problems::Difficulty;

/// Density glyphs of the activity heatmap, from no activity to the busiest day.
const DENSITY: [char; 5] = ['·', '░', '▒', '▓', '█'];
/// Sparkline glyphs, lowest to highest.
const SPARK: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
/// Weeks the heatmap shows at most (the dashboard's calendar covers 26).
const HEATMAP_WEEKS: usize = 26;
/// Longest bar or gauge, so that its numbers stay near it on wide screens.
const MAX_BAR: usize = 30;

/// Draws the dashboard with the calendar ending today (local time); returns the scroll offset used.
pub fn draw(d: &Dashboard, theme: &Theme, keys: &Keymap, area: Rect, buf: &mut Buffer, scroll: u16) -> u16 {
    draw_on(d, chrono::Local::now().date_naive(), theme, keys, area, buf, scroll)
}

/// Draws the dashboard with the activity calendar ending on `today`; returns the scroll offset used (never
/// past the last line), so that scrolling back starts from what is on screen.
pub fn draw_on(
    d: &Dashboard,
    today: NaiveDate,
    theme: &Theme,
    keys: &Keymap,
    area: Rect,
    buf: &mut Buffer,
    scroll: u16,
) -> u16 {
    if area.height < 2 || area.width < 20 {
        return 0;
    }
    let head = Rect { height: 1, ..area };
    Paragraph::new(header(d, theme)).render(head, buf);
    let body = Rect { y: area.y + 1, height: area.height - 1, ..area };
    let columns = match body.width {
        w if w >= 180 => 3,
        w if w >= 120 => 2,
        _ => 1,
    };
    let col_w = body.width / columns;
    let inner_w = usize::from(col_w.saturating_sub(2));
    let sections = if d.weakness.submissions == 0 {
        empty_sections(d, theme, keys, inner_w)
    } else {
        sections(d, today, theme, keys, inner_w)
    };
    // Each section goes to the shortest column, in order.
    let mut heights = vec![0u16; usize::from(columns)];
    let mut placed = Vec::new();
    for s in sections {
        let para = Paragraph::new(s.lines).wrap(Wrap { trim: false });
        let h = (para.line_count(col_w.saturating_sub(2)).min(200) as u16).saturating_add(2);
        let col = (0..heights.len()).min_by_key(|&c| heights[c]).unwrap_or(0);
        placed.push((col as u16, heights[col], h, s.title, para));
        heights[col] += h;
    }
    let total = heights.iter().copied().max().unwrap_or(0).max(1);
    let mut off = Buffer::empty(Rect::new(0, 0, body.width, total));
    for (col, y, h, title, para) in placed {
        let rect = Rect::new(col * col_w, y, col_w, h);
        para.block(section(&title, theme)).render(rect, &mut off);
    }
    let scroll = scroll.min(total.saturating_sub(body.height));
    for row in 0..body.height.min(total - scroll) {
        for x in 0..body.width {
            buf[(body.x + x, body.y + row)] = off[(x, scroll + row)].clone();
        }
    }
    if total > scroll + body.height {
        let more = " ↓ more below ";
        let w = more.chars().count() as u16;
        if body.width > w {
            let at = Rect::new(body.right() - w - 1, body.bottom() - 1, w, 1);
            Paragraph::new(Span::styled(more, theme.accent)).render(at, buf);
        }
    }
    scroll
}

struct Section {
    title: String,
    lines: Vec<Line<'static>>,
}

fn header(d: &Dashboard, theme: &Theme) -> Line<'static> {
    let w = &d.weakness;
    let mut facts = match &d.active_profile {
        Some(p) => vec![format!("profile {p}")],
        None => vec!["no profile yet".to_string()],
    };
    if w.submissions > 0 {
        facts.push(format!("{} submissions", w.submissions));
        facts.push(format!("{} accepted ({})", w.accepted, pct(f64::from(w.accepted) / f64::from(w.submissions))));
    }
    if d.reviews_due > 0 {
        facts.push(format!("{} due for review", d.reviews_due));
    }
    Line::from(vec![
        Span::styled(" Dashboard", theme.title),
        Span::styled(format!("  {}", facts.join(" · ")), theme.dim),
    ])
}

fn sections(d: &Dashboard, today: NaiveDate, theme: &Theme, keys: &Keymap, width: usize) -> Vec<Section> {
    let mut out = vec![
        patterns(d, theme, width),
        mastery(&d.mastery, theme, width),
        trend(d, theme, width),
        activity(d, today, theme, width),
        plan(d, theme, keys, width),
        next_up(d, theme, width),
        verdicts(d, theme, width),
    ];
    if !d.readiness.is_empty() {
        out.push(readiness(d, theme, width));
    }
    if !d.milestones.is_empty() {
        out.push(milestones(d, theme, width));
    }
    out
}

fn empty_sections(d: &Dashboard, theme: &Theme, keys: &Keymap, width: usize) -> Vec<Section> {
    let step = |n: &str, text: &str| {
        Line::from(vec![Span::styled(format!("{n} "), theme.accent), Span::raw(text.to_string())])
    };
    let lines = vec![
        Line::from(Span::styled("Nothing measured yet: the charts fill in as you submit solutions.", theme.text)),
        Line::raw(""),
        step("1.", "Open a problem from the list, solve it in the editor and submit it. Every submission feeds your mistake patterns, mastery and streak."),
        step("2.", &format!("Tell Codify about yourself: {} opens the profile form.", keys.short(Action::Profile))),
        step("3.", &format!("Get weeks of problems fitted to your hours: {} opens your plan.", keys.short(Action::Plan))),
        step("4.", "Come back here for trends, your activity calendar and what to practise next."),
    ];
    vec![Section { title: "Start here".into(), lines }, next_up(d, theme, width), plan(d, theme, keys, width)]
}

/// The dashboard screen: what it shows and how far it is scrolled.
pub struct DashboardScreen {
    pub data: Box<Dashboard>,
    pub scroll: u16,
}

/// What an action on the dashboard asks of the app.
#[derive(Debug, PartialEq, Eq)]
pub enum DashboardAction {
    None,
    Reload,
    Close,
    /// Open the first recommendation.
    Open(String),
    NothingToRecommend,
}

impl DashboardScreen {
    /// An action from the dashboard's context; `bottom` is how far it can scroll at the current size.
    /// `None` when the action is not the dashboard's.
    pub fn on_action(&mut self, action: Action, bottom: u16) -> Option<DashboardAction> {
        // Going up starts from what is on screen, even after scrolling (or G) past the end.
        if matches!(action, Action::ScrollUp | Action::PageUp) {
            self.scroll = self.scroll.min(bottom);
        }
        if let Some(to) = action.scrolled(self.scroll) {
            self.scroll = to;
            return Some(DashboardAction::None);
        }
        Some(match action {
            Action::Reload => DashboardAction::Reload,
            Action::Close => DashboardAction::Close,
            Action::NextProblem | Action::OpenNext => match self.data.next.first() {
                Some(n) => DashboardAction::Open(n.slug.clone()),
                None => DashboardAction::NothingToRecommend,
            },
            _ => return None,
        })
    }
}

/// `fraction` (0–1) as a whole percentage.
pub(super) fn pct(fraction: f64) -> String {
    format!("{:.0}%", (fraction * 100.0).clamp(0.0, 100.0))
}

/// Width of a row label: the longest label, at most a third of the row.
fn label_width<'a>(labels: impl Iterator<Item = &'a str>, width: usize) -> usize {
    labels.map(|l| l.chars().count()).max().unwrap_or(0).min(width * 2 / 5).max(4)
}

/// One labelled horizontal bar with text after it: `label  ████▌      text`.
fn bar_line(
    label: &str,
    lw: usize,
    fraction: f64,
    bw: usize,
    style: Style,
    text: String,
    theme: &Theme,
) -> Line<'static> {
    let filled = bar(fraction, bw);
    let pad = bw.saturating_sub(filled.chars().count());
    Line::from(vec![
        Span::raw(format!("{:<lw$} ", fit(label, lw))),
        Span::styled(filled, style),
        Span::styled(format!("{:pad$} ", ""), theme.dim),
        Span::raw(text),
    ])
}

fn patterns(d: &Dashboard, theme: &Theme, width: usize) -> Section {
    let mut rows: Vec<_> = d.weakness.patterns.iter().collect();
    rows.sort_by_key(|p| std::cmp::Reverse(p.frequency));
    let lw = label_width(rows.iter().map(|p| p.kind.title()), width);
    let bw = width.saturating_sub(lw + 12).clamp(3, MAX_BAR);
    let max = rows.iter().map(|p| p.frequency).max().unwrap_or(0).max(1);
    let mut lines: Vec<Line<'static>> = rows
        .iter()
        .map(|p| {
            let text = format!("{:>4} {:>4}", p.frequency, pct(p.share));
            bar_line(p.kind.title(), lw, f64::from(p.frequency) / f64::from(max), bw, theme.warn, text, theme)
        })
        .collect();
    if rows.iter().all(|p| p.frequency == 0) {
        // Six rows of zeros say nothing the sentence does not.
        lines = vec![
            Line::from(Span::styled("No mistake pattern found in your code so far.", theme.good)),
            Line::from(Span::styled("The analyser looks for six; they appear here as they show up.", theme.dim)),
        ];
    }
    Section { title: "Mistake patterns · times seen · share".into(), lines }
}

/// The words for a mastery label: colour never stands alone.
pub(super) fn mastery_word(label: &str) -> &'static str {
    match label {
        "red" => "weak",
        "yellow" => "improving",
        "green" => "strong",
        _ => "not seen yet",
    }
}

fn mastery(rows: &[MasteryLabel], theme: &Theme, width: usize) -> Section {
    let lw = label_width(rows.iter().map(|m| m.kind.title()), width);
    let bw = width.saturating_sub(lw + 21).clamp(3, MAX_BAR);
    let lines = rows
        .iter()
        .map(|m| {
            let word = mastery_word(m.label);
            let Some(v) = m.mastery else {
                return Line::from(vec![
                    Span::raw(format!("{:<lw$} ", fit(m.kind.title(), lw))),
                    Span::styled(format!("[{}]    – {word}", "·".repeat(bw)), theme.dim),
                ]);
            };
            let style = match m.label {
                "red" => theme.bad,
                "yellow" => theme.warn,
                _ => theme.good,
            };
            let filled = bar(v, bw);
            let track = "░".repeat(bw.saturating_sub(filled.chars().count()));
            Line::from(vec![
                Span::raw(format!("{:<lw$} [", fit(m.kind.title(), lw))),
                Span::styled(filled, style),
                Span::styled(track, theme.dim),
                Span::raw(format!("] {v:.2} ")),
                Span::styled(word, style),
            ])
        })
        .collect();
    Section { title: "Mastery per pattern".into(), lines }
}

/// One glyph per value, scaled to `max`.
fn spark(values: &[f64], max: f64, cell: usize) -> String {
    values
        .iter()
        .map(|v| {
            let i = if max <= 0.0 { 0 } else { ((v / max).clamp(0.0, 1.0) * 7.0).round() as usize };
            SPARK[i].to_string().repeat(cell)
        })
        .collect()
}

fn week_label(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms).map(|d| d.format("%b %d").to_string()).unwrap_or_default()
}

fn trend(d: &Dashboard, theme: &Theme, width: usize) -> Section {
    let t = &d.trend;
    let Some(last) = t.last() else {
        return Section {
            title: "Weekly trend".into(),
            lines: vec![Line::from(Span::styled("No weeks yet.", theme.dim))],
        };
    };
    let cell = if width >= 13 + t.len() * 2 + 14 { 2 } else { 1 };
    let subs: Vec<f64> = t.iter().map(|w| f64::from(w.submissions)).collect();
    let rate: Vec<f64> = t.iter().map(|w| w.accept_rate).collect();
    let found: Vec<f64> = t.iter().map(|w| w.findings_per_submission).collect();
    let max_subs = subs.iter().copied().fold(0.0, f64::max);
    let max_found = found.iter().copied().fold(0.0, f64::max);
    let row = |label: &str, glyphs: String, style: Style, now: String| {
        Line::from(vec![
            Span::styled(format!("{label:<13}"), theme.dim),
            Span::styled(glyphs, style),
            Span::raw(format!("  {now}")),
        ])
    };
    let lines = vec![
        row("submissions", spark(&subs, max_subs, cell), theme.accent, format!("{} this week", last.submissions)),
        row("accepted", spark(&rate, 1.0, cell), theme.good, format!("{} this week", pct(last.accept_rate))),
        row(
            "mistakes/try",
            spark(&found, max_found, cell),
            theme.warn,
            format!("{:.1} this week", last.findings_per_submission),
        ),
        Line::from(Span::styled(
            format!(
                "{} with activity, {} to {}",
                if t.len() == 1 { "1 week".to_string() } else { format!("{} weeks", t.len()) },
                week_label(t[0].week_start_ms),
                week_label(last.week_start_ms)
            ),
            theme.dim,
        )),
    ];
    Section { title: "Weekly trend".into(), lines }
}

/// The heatmap glyph for a day's submissions against the busiest day.
fn density(n: u32, max: u32) -> char {
    if n == 0 || max == 0 {
        return DENSITY[0];
    }
    let i = (f64::from(n) / f64::from(max) * 4.0).ceil() as usize;
    DENSITY[i.clamp(1, 4)]
}

fn activity(d: &Dashboard, today: NaiveDate, theme: &Theme, width: usize) -> Section {
    let per_day: std::collections::HashMap<NaiveDate, &CalendarDay> =
        d.calendar.iter().filter_map(|c| NaiveDate::parse_from_str(&c.date, "%Y-%m-%d").ok().map(|n| (n, c))).collect();
    let max = d.calendar.iter().map(|c| c.submissions).max().unwrap_or(0);
    let room = width.saturating_sub(4);
    let cell = if room >= HEATMAP_WEEKS * 2 { 2 } else { 1 };
    let weeks = (room / cell).clamp(1, HEATMAP_WEEKS);
    let monday = today - chrono::Days::new(u64::from(today.weekday().num_days_from_monday()));
    let first = monday - chrono::Days::new(7 * (weeks as u64 - 1));
    // Month names above the first column of each month.
    let mut months = String::from("    ");
    let mut col = 0;
    while col < weeks {
        let day = first + chrono::Days::new(7 * col as u64);
        let starts = col == 0 || (day - chrono::Days::new(7)).month() != day.month();
        let name = day.format("%b").to_string();
        if starts && (weeks - col) * cell >= 3 {
            months.push_str(&name);
            let used = 3usize.div_ceil(cell);
            months.push_str(&" ".repeat(used * cell - 3));
            col += used;
        } else {
            months.push_str(&" ".repeat(cell));
            col += 1;
        }
    }
    let mut lines = vec![Line::from(Span::styled(months, theme.dim))];
    for (wd, name) in ["Mon", "", "Wed", "", "Fri", "", "Sun"].iter().enumerate() {
        let mut spans = vec![Span::styled(format!("{name:<4}"), theme.dim)];
        for c in 0..weeks {
            let day = first + chrono::Days::new((7 * c + wd) as u64);
            if day > today {
                spans.push(Span::raw(" ".repeat(cell)));
                continue;
            }
            let n = per_day.get(&day).map_or(0, |c| c.submissions);
            let style = if n == 0 { theme.dim } else { theme.good };
            spans.push(Span::styled(density(n, max).to_string().repeat(cell), style));
        }
        lines.push(Line::from(spans));
    }
    let legend: String = DENSITY.iter().map(|c| format!("{c}")).collect();
    lines.push(Line::from(vec![
        Span::styled(format!("    less {legend} more"), theme.dim),
        Span::styled(format!("  busiest day: {max}"), theme.dim),
    ]));
    let s = &d.streak;
    let days = |n: u32| if n == 1 { "1 day".to_string() } else { format!("{n} days") };
    lines.push(Line::from(vec![
        Span::raw("streak "),
        Span::styled(days(s.current), if s.current > 0 { theme.good } else { theme.dim }),
        Span::raw(format!(" · longest {} · active on {}", days(s.longest), days(d.calendar.len() as u32))),
    ]));
    Section { title: "Activity".into(), lines }
}

fn plan(d: &Dashboard, theme: &Theme, keys: &Keymap, width: usize) -> Section {
    let Some(p) = &d.plan else {
        let (profile, plan) = (keys.short(Action::Profile), keys.short(Action::Plan));
        let first = if d.active_profile.is_none() {
            format!("No profile and no plan yet. Make a profile first ({profile}), then a plan ({plan}).")
        } else {
            format!("No plan yet. {plan} makes one fitted to your profile's hours.")
        };
        return Section { title: "Plan".into(), lines: vec![Line::from(Span::styled(first, theme.dim))] };
    };
    let pr = &p.progress;
    let made = chrono::DateTime::from_timestamp_millis(p.created_ms)
        .map(|t| t.format("%Y-%m-%d").to_string())
        .unwrap_or_default();
    let mut lines = vec![
        Line::from(vec![
            Span::styled(format!("{}/{} done ({})", pr.done, pr.planned, pct(pr.fraction)), theme.title),
            Span::styled(format!(" · {} plan made {made}, {} days ago", p.source.as_str(), pr.days_elapsed), theme.dim),
        ]),
        match (pr.current_week, pr.current_day) {
            (Some(w), Some(dd)) => {
                Line::from(vec![Span::raw("next: "), Span::styled(format!("week {w}, day {dd}"), theme.accent)])
            }
            _ => Line::from(Span::styled("✓ every planned problem is done; time for a new plan", theme.good)),
        },
    ];
    let lw = label_width(pr.topics.iter().map(|t| t.topic.as_str()), width);
    let bw = width.saturating_sub(lw + 10).clamp(3, MAX_BAR);
    for t in &pr.topics {
        let fraction = if t.planned == 0 { 0.0 } else { f64::from(t.done) / f64::from(t.planned) };
        let mark = if t.done >= t.planned { "✓" } else { "" };
        let style = if t.done >= t.planned { theme.good } else { theme.accent };
        lines.push(bar_line(
            &t.topic,
            lw,
            fraction,
            bw,
            style,
            format!("{:>2}/{:<2} {mark}", t.done, t.planned),
            theme,
        ));
    }
    Section { title: "Plan progress per topic".into(), lines }
}

fn next_up(d: &Dashboard, theme: &Theme, width: usize) -> Section {
    let mut lines = Vec::new();
    if d.next.is_empty() {
        lines.push(Line::from(Span::styled("Every problem is solved and no review is due. Well done.", theme.good)));
    }
    for (i, n) in d.next.iter().enumerate() {
        let mut spans = vec![
            Span::styled(format!("{}. ", i + 1), theme.dim),
            Span::styled(n.title.clone(), theme.text),
            Span::raw(" "),
            Span::styled(n.difficulty.as_str(), difficulty_style(n.difficulty, theme)),
        ];
        if n.due_review {
            spans.push(Span::styled(" · review due", theme.accent));
        }
        lines.push(Line::from(spans));
        lines.extend(indented(&n.reason, width, 3).into_iter().map(|l| Line::from(Span::styled(l, theme.dim))));
    }
    Section { title: "Next up".into(), lines }
}

fn verdicts(d: &Dashboard, theme: &Theme, width: usize) -> Section {
    let mut rows: Vec<(String, u64)> = d
        .verdicts
        .iter()
        .map(|(k, v)| {
            (crate::judge::Verdict::parse(k).map_or_else(|| k.replace('_', " "), |v| v.title().to_string()), *v)
        })
        .collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let total: u64 = rows.iter().map(|r| r.1).sum::<u64>().max(1);
    let lw = label_width(rows.iter().map(|r| r.0.as_str()), width);
    let bw = width.saturating_sub(lw + 12).clamp(3, MAX_BAR);
    let lines = rows
        .iter()
        .map(|(name, n)| {
            let style = if name == "Accepted" { theme.good } else { theme.bad };
            let fraction = *n as f64 / total as f64;
            bar_line(name, lw, fraction, bw, style, format!("{n:>4} {:>4}", pct(fraction)), theme)
        })
        .collect();
    Section { title: "Verdicts".into(), lines }
}

fn readiness(d: &Dashboard, theme: &Theme, width: usize) -> Section {
    let lw = label_width(d.readiness.iter().map(|r| r.topic.as_str()), width);
    let bw = width.saturating_sub(lw + 20).clamp(3, MAX_BAR);
    let lines = d
        .readiness
        .iter()
        .map(|r| {
            let style = match r.score {
                s if s < crate::learner::dashboard::WEAK => theme.bad,
                s if s < crate::learner::dashboard::STRONG => theme.warn,
                _ => theme.good,
            };
            let sessions = if r.sessions == 1 { "1 session".to_string() } else { format!("{} sessions", r.sessions) };
            bar_line(&r.topic, lw, r.score, bw, style, format!("{:>4} {sessions}", pct(r.score)), theme)
        })
        .collect();
    Section { title: "Interview readiness".into(), lines }
}

/// Milestones listed at most; the rest are counted (`codify milestones` lists them all).
const MILESTONES_SHOWN: usize = 6;

fn milestones(d: &Dashboard, theme: &Theme, width: usize) -> Section {
    let mut lines = Vec::new();
    for m in d.milestones.iter().take(MILESTONES_SHOWN) {
        let day = chrono::DateTime::from_timestamp_millis(m.earned_ms).map(|t| t.format("%b %d").to_string());
        lines.push(Line::from(vec![
            Span::styled("✓ ", theme.good),
            Span::raw(fit(&m.title, width.saturating_sub(9))),
            Span::styled(format!(" {}", day.unwrap_or_default()), theme.dim),
        ]));
        for l in indented(&m.why, width, 2) {
            lines.push(Line::from(Span::styled(l, theme.dim)));
        }
    }
    if d.milestones.len() > MILESTONES_SHOWN {
        let more = d.milestones.len() - MILESTONES_SHOWN;
        lines.push(Line::from(Span::styled(format!("and {more} more: `codify milestones` lists them"), theme.dim)));
    }
    Section { title: format!("Milestones · {} earned", d.milestones.len()), lines }
}

/// A boxed section of a learner screen, titled.
pub(super) fn section<'a>(title: &str, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(Span::styled(format!(" {title} "), theme.title))
}

/// `s` cut to `width` characters, ending in `…` when cut.
pub(super) fn fit(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_string();
    }
    let mut out: String = s.chars().take(width.saturating_sub(1)).collect();
    if width > 0 {
        out.push('…');
    }
    out
}

/// `text` word-wrapped to `width` columns, every line indented by `indent` spaces.
pub(super) fn indented(text: &str, width: usize, indent: usize) -> Vec<String> {
    let room = width.saturating_sub(indent).max(10);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > room {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines.into_iter().map(|l| format!("{:indent$}{l}", "")).collect()
}

/// A bar `fraction` (0–1) of `width` cells long, to an eighth of a cell.
pub(super) fn bar(fraction: f64, width: usize) -> String {
    const EIGHTHS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    let eighths = (fraction.clamp(0.0, 1.0) * width as f64 * 8.0).round() as usize;
    let mut s = "█".repeat(eighths / 8);
    s.push_str(EIGHTHS[eighths % 8]);
    s
}

pub(super) fn difficulty_style(d: Difficulty, theme: &Theme) -> Style {
    match d {
        Difficulty::Easy => theme.good,
        Difficulty::Medium => theme.warn,
        Difficulty::Hard => theme.bad,
    }
}

/// A drawing as text, one line per row with trailing blanks trimmed: what the snapshots compare.
#[cfg(test)]
pub(super) fn render_text(w: u16, h: u16, draw: impl FnOnce(Rect, &mut Buffer)) -> String {
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).expect("test terminal");
    term.draw(|f| draw(f.area(), f.buffer_mut())).expect("draw");
    let buf = term.backend().buffer();
    (0..h)
        .map(|y| {
            let line: String = (0..w).map(|x| buf[(x, y)].symbol()).collect();
            format!("{}\n", line.trim_end())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::analysis::FindingKind;
    use crate::learner::dashboard::{label, PlanSummary, Streak, TrendWeek};
    use crate::learner::milestones::Milestone;
    use crate::learner::plan::TopicProgress;
    use crate::learner::{NextItem, PatternStats, PlanProgress, Profile};
    use crate::store::{PlanSource, TopicReadinessRow};
    use crate::tui::theme::ThemeKind;

    const DAY_MS: i64 = 86_400_000;
    /// Monday 2025-10-13, noon UTC.
    const NOW_MS: i64 = 1_760_356_800_000;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 10, 13).unwrap()
    }

    fn empty() -> Dashboard {
        let patterns: Vec<PatternStats> = FindingKind::ALL
            .iter()
            .map(|&kind| PatternStats { kind, frequency: 0, share: 0.0, last_seen_ms: None, mastery: None })
            .collect();
        Dashboard {
            weakness: Profile { submissions: 0, accepted: 0, patterns, topics: vec![], weeks: vec![] },
            active_profile: None,
            mastery: FindingKind::ALL.iter().map(|&kind| MasteryLabel { kind, mastery: None, label: "none" }).collect(),
            trend: vec![],
            plan: None,
            calendar: vec![],
            streak: Streak { current: 0, longest: 0 },
            verdicts: BTreeMap::new(),
            reviews_due: 0,
            next: vec![
                next("Two Sum", Difficulty::Easy, "Hash maps in the progression; fits your level", false),
                next("Valid Palindrome", Difficulty::Easy, "Strings in the progression", false),
            ],
            readiness: vec![],
            milestones: vec![],
        }
    }

    fn next(title: &str, difficulty: Difficulty, reason: &str, due_review: bool) -> NextItem {
        let slug = title.to_ascii_lowercase().replace(' ', "-");
        NextItem { slug, title: title.into(), difficulty, score: 3.0, reason: reason.into(), due_review }
    }

    /// A learner five weeks in: patterns of every kind of mastery, a plan under way, interviews taken.
    pub(in crate::tui) fn sample() -> Dashboard {
        let mut d = empty();
        let freq = [9u32, 4, 0, 12, 2, 0];
        let mastery = [Some(0.35), Some(0.62), None, Some(0.18), Some(0.81), None];
        let total: u32 = freq.iter().sum();
        for (i, p) in d.weakness.patterns.iter_mut().enumerate() {
            p.frequency = freq[i];
            p.share = f64::from(freq[i]) / f64::from(total);
            p.mastery = mastery[i];
        }
        d.mastery = d
            .weakness
            .patterns
            .iter()
            .map(|p| MasteryLabel { kind: p.kind, mastery: p.mastery, label: label(p.mastery) })
            .collect();
        d.weakness.submissions = 58;
        d.weakness.accepted = 37;
        d.active_profile = Some("ana".into());
        let monday = NOW_MS - NOW_MS.rem_euclid(7 * DAY_MS) - 3 * DAY_MS;
        d.trend = (0..6)
            .map(|i: u32| {
                let submissions = [4, 9, 7, 14, 11, 13][i as usize];
                let accepted = [1, 4, 4, 9, 8, 11][i as usize];
                TrendWeek {
                    week_start_ms: monday - i64::from(5 - i) * 7 * DAY_MS,
                    submissions,
                    accepted,
                    accept_rate: f64::from(accepted) / f64::from(submissions),
                    findings_per_submission: [1.5, 1.2, 0.9, 0.6, 0.5, 0.3][i as usize],
                }
            })
            .collect();
        d.calendar = (0..40i64)
            .filter(|i| i % 3 != 1)
            .map(|i| {
                let day = today() - chrono::Days::new(i as u64);
                let submissions = ((i * 7) % 5 + 1) as u32;
                CalendarDay { date: day.format("%Y-%m-%d").to_string(), submissions, accepted: submissions / 2 }
            })
            .rev()
            .collect();
        d.streak = Streak { current: 1, longest: 6 };
        d.verdicts = [("accepted", 37), ("wrong_answer", 14), ("time_limit_exceeded", 4), ("runtime_error", 3)]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        d.reviews_due = 2;
        d.next = vec![
            next("Binary Search", Difficulty::Easy, "review due 2 days ago; weak topic binary-search", true),
            next(
                "Two Sum",
                Difficulty::Easy,
                "weak topic hash-maps: 3 attempts before accepted; practises off by one",
                false,
            ),
            next("Group Anagrams", Difficulty::Medium, "next in your plan; hash maps", false),
            next("Jump Game", Difficulty::Medium, "greedy in the progression", false),
            next("Coin Change", Difficulty::Hard, "dynamic programming; fits your accept rate", false),
        ];
        let topics = [("arrays", 4, 4), ("hash-maps", 3, 7), ("two-pointers", 1, 5), ("binary-search", 0, 4)];
        d.plan = Some(PlanSummary {
            source: PlanSource::Offline,
            created_ms: NOW_MS - 16 * DAY_MS,
            progress: PlanProgress {
                done: 8,
                planned: 20,
                fraction: 0.4,
                topics: topics
                    .iter()
                    .map(|&(t, done, planned)| TopicProgress { topic: t.into(), done, planned })
                    .collect(),
                current_week: Some(2),
                current_day: Some(3),
                days_elapsed: 16,
            },
        });
        d.readiness = vec![
            TopicReadinessRow { topic: "arrays".into(), score: 0.82, sessions: 2, updated_ms: NOW_MS },
            TopicReadinessRow { topic: "hash-maps".into(), score: 0.45, sessions: 1, updated_ms: NOW_MS },
        ];
        let milestone = |id: &str, title: &str, why: &str, days_ago: i64| Milestone {
            id: id.into(),
            title: title.into(),
            why: why.into(),
            earned_ms: NOW_MS - days_ago * DAY_MS,
        };
        d.milestones = vec![
            milestone("clean_interview", "Clean interview", "Two Sum solved in 14 of 45 minutes with no hints", 1),
            milestone(
                "review_streak:3",
                "3-day review streak",
                "due reviews done 3 days in a row, 2025-10-08 to 2025-10-10, the last Binary Search",
                3,
            ),
            milestone(
                "first_accepted:easy",
                "First easy problem solved",
                "Two Sum accepted: your first easy problem",
                34,
            ),
        ];
        d
    }

    fn shot(d: &Dashboard, w: u16, h: u16, scroll: u16) -> String {
        let theme = Theme::new(ThemeKind::NoColor);
        render_text(w, h, |area, buf| {
            draw_on(d, today(), &theme, &Keymap::default(), area, buf, scroll);
        })
    }

    #[test]
    fn dashboard_at_80x24() {
        insta::assert_snapshot!(shot(&sample(), 80, 24, 0));
    }

    #[test]
    fn dashboard_at_80x24_scrolled_to_the_end() {
        insta::assert_snapshot!(shot(&sample(), 80, 24, u16::MAX));
    }

    #[test]
    fn dashboard_wide() {
        insta::assert_snapshot!(shot(&sample(), 190, 40, 0));
    }

    #[test]
    fn dashboard_empty_at_80x24() {
        insta::assert_snapshot!(shot(&empty(), 80, 24, 0));
    }

    #[test]
    fn dashboard_empty_wide() {
        insta::assert_snapshot!(shot(&empty(), 140, 30, 0));
    }

    #[test]
    fn scrolling_stops_at_the_last_line() {
        let d = sample();
        let theme = Theme::new(ThemeKind::Normal);
        let mut buf = Buffer::empty(Rect::new(0, 0, 80, 24));
        let end = draw_on(&d, today(), &theme, &Keymap::default(), buf.area, &mut buf, u16::MAX);
        assert!(end > 0 && end < 200, "{end}");
        assert_eq!(draw_on(&d, today(), &theme, &Keymap::default(), buf.area, &mut buf, end + 5), end);
        let mut wide = Buffer::empty(Rect::new(0, 0, 200, 60));
        assert_eq!(
            draw_on(&d, today(), &theme, &Keymap::default(), wide.area, &mut wide, 10),
            0,
            "it all fits: nothing to scroll"
        );
    }

    #[test]
    fn mastery_reads_in_words_and_no_colour_means_no_colour() {
        let text = shot(&sample(), 190, 40, 0);
        for word in ["weak", "improving", "strong", "not seen yet"] {
            assert!(text.contains(word), "{word} missing:\n{text}");
        }
        let d = sample();
        let mut buf = Buffer::empty(Rect::new(0, 0, 190, 40));
        draw_on(&d, today(), &Theme::new(ThemeKind::NoColor), &Keymap::default(), buf.area, &mut buf, 0);
        assert!(buf
            .content
            .iter()
            .all(|c| c.fg == ratatui::style::Color::Reset && c.bg == ratatui::style::Color::Reset));
        let mut buf = Buffer::empty(Rect::new(0, 0, 190, 40));
        draw_on(&d, today(), &Theme::new(ThemeKind::Normal), &Keymap::default(), buf.area, &mut buf, 0);
        assert!(buf.content.iter().any(|c| c.fg == ratatui::style::Color::Red), "weak gauges are red in colour");
    }

    #[test]
    fn heatmap_density_and_tiny_areas() {
        assert_eq!(density(0, 5), '·');
        assert_eq!(density(1, 5), '░');
        assert_eq!(density(5, 5), '█');
        let d = sample();
        let theme = Theme::new(ThemeKind::NoColor);
        for (w, h) in [(1, 1), (19, 5), (20, 2), (30, 3)] {
            let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
            draw_on(&d, today(), &theme, &Keymap::default(), buf.area, &mut buf, 3);
        }
    }

    #[test]
    fn built_from_a_real_store() {
        let (_dir, store) = crate::store::temp_store();
        let bank = crate::problems::Bank::load(&[]);
        let slugs: Vec<String> = bank.all().iter().take(6).map(|p| p.slug.clone()).collect();
        for i in 0..30i64 {
            store.insert_submission_at(
                &slugs[i as usize % slugs.len()],
                if i % 3 == 0 { "wrong_answer" } else { "accepted" },
                NOW_MS - (30 - i) * DAY_MS / 2,
                if i % 4 == 0 { 8 } else { 0 },
            );
        }
        let intake = crate::learner::Intake::new(crate::learner::Level::Beginner, 4, 5.0);
        let profile = store.create_profile("ana", &intake, &intake.embedding()).unwrap();
        let snap = crate::learner::Snapshot::load(&store, &bank, NOW_MS).unwrap();
        let plan = crate::learner::plan_offline(&snap.plan_inputs(&intake));
        store.save_plan(profile.id, &plan, PlanSource::Offline, Some("no model configured")).unwrap();
        let d = Dashboard::load(&store, &bank, NOW_MS).unwrap();
        let text = shot(&d, 190, 50, 0);
        for want in ["profile ana", "30 submissions", "Off by one", "Plan progress per topic", "Next up", "streak"] {
            assert!(text.contains(want), "{want} missing:\n{text}");
        }
    }
}
