//! The plan screen: weeks → days → problems, with what is done ticked (`✓`, in words as well as colour),
//! the current day marked and scrolled into view, and a header with overall progress, who made the plan and
//! when. [`PlanScreen`] owns the plan it shows and its selection; [`PlanScreen::key`] is pure and returns
//! what the app should do ([`PlanAction`]); [`draw`] renders it.
//!
//! "Done" follows `learner::progress`: the k-th occurrence of a problem in the plan is done when the
//! problem has at least k accepted submissions since the plan was made ([`done_items`]).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::dashboard::{bar, difficulty_style, fit, indented, pct};
use super::keymap::{Action, Keymap};
use super::theme::Theme;
use crate::learner::facts::History;
use crate::learner::plan::{done_items, progress, ItemKind, PlanProgress};
use crate::learner::Day;
use crate::store::{PlanSource, StoredPlan};

/// What a key on the plan screen asks the app to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanAction {
    None,
    /// Open this problem in the workspace.
    Open(String),
    /// Make a new plan (the app asks the regeneration questions, or makes it straight away).
    Regenerate,
}

/// Days a page key moves.
const PAGE_DAYS: usize = 5;

#[derive(Debug)]
pub struct PlanScreen {
    pub plan: Option<StoredPlan>,
    pub progress: Option<PlanProgress>,
    /// Per item of `Plan::items()`, in order: done or not.
    pub done: Vec<bool>,
    /// The selected day, counted over all days of all weeks.
    pub selected: usize,
    /// First body line shown; [`draw`] keeps it within the content.
    pub scroll: u16,
    /// A line under the header, e.g. "making a new plan…" while one is on its way.
    pub status: Option<String>,
    /// Bring the selected day into view at the next draw.
    follow: bool,
    /// The learner's offset from UTC, for the date the plan was made.
    utc_offset_s: i32,
}

impl PlanScreen {
    /// The screen for the stored plan (or none yet), with progress from `history`; the current day selected.
    pub fn new(plan: Option<StoredPlan>, history: &History, now_ms: i64) -> PlanScreen {
        let progress = plan.as_ref().map(|p| progress(&p.plan, history, now_ms));
        let done = plan.as_ref().map(|p| done_items(&p.plan, history)).unwrap_or_default();
        let mut s =
            PlanScreen { plan, progress, done, selected: 0, scroll: 0, status: None, follow: true, utc_offset_s: 0 };
        s.selected = s.current_day().unwrap_or(0);
        s
    }

    /// The screen for the snapshot's plan.
    pub fn from_snapshot(snap: &crate::learner::Snapshot) -> PlanScreen {
        let mut s = PlanScreen::new(snap.plan.clone(), &snap.history, snap.now_ms);
        s.utc_offset_s = snap.utc_offset_s;
        s
    }

    /// Every day in order with its week and the index of its first item in `Plan::items()`.
    fn days(&self) -> Vec<(u32, &Day, usize)> {
        let mut out = Vec::new();
        let mut item = 0;
        for w in self.plan.iter().flat_map(|p| &p.plan.weeks) {
            for d in &w.days {
                out.push((w.week, d, item));
                item += d.problems.len();
            }
        }
        out
    }

    /// The index of the first day with work left, as progress reports it.
    pub fn current_day(&self) -> Option<usize> {
        let p = self.progress.as_ref()?;
        let (week, day) = (p.current_week?, p.current_day?);
        self.days().iter().position(|(w, d, _)| *w == week && d.day == day)
    }

    /// An action from the keymap's plan context.
    pub fn on_action(&mut self, action: Action) -> PlanAction {
        let last = self.days().len().saturating_sub(1);
        let before = self.selected;
        match action {
            Action::Down => self.selected = (self.selected + 1).min(last),
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::PageDown => self.selected = (self.selected + PAGE_DAYS).min(last),
            Action::PageUp => self.selected = self.selected.saturating_sub(PAGE_DAYS),
            Action::Top => self.selected = 0,
            Action::Bottom => self.selected = last,
            Action::CurrentDay => self.selected = self.current_day().unwrap_or(self.selected),
            Action::NewPlan => return PlanAction::Regenerate,
            Action::Open => return self.open(),
            _ => return PlanAction::None,
        }
        self.follow |= self.selected != before;
        PlanAction::None
    }

    /// The selected day's first problem not done yet (its first problem when all are done).
    fn open(&self) -> PlanAction {
        let days = self.days();
        let Some((_, day, first)) = days.get(self.selected) else { return PlanAction::None };
        let pick = day
            .problems
            .iter()
            .enumerate()
            .find(|(i, _)| !self.done.get(first + i).copied().unwrap_or(false))
            .or(day.problems.first().map(|p| (0, p)));
        pick.map_or(PlanAction::None, |(_, p)| PlanAction::Open(p.slug.clone()))
    }
}

fn kind_word(k: ItemKind) -> &'static str {
    match k {
        ItemKind::New => "new",
        ItemKind::Review => "review",
        ItemKind::Rehearsal => "rehearsal",
    }
}

/// The calendar date at `ms` where the learner is (`utc_offset_s` east of UTC).
fn date(ms: i64, utc_offset_s: i32) -> String {
    chrono::DateTime::from_timestamp_millis(ms + i64::from(utc_offset_s) * 1000)
        .map(|t| t.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// Who made the plan, in words.
fn source_line(p: &StoredPlan) -> String {
    match (p.source, p.note.as_deref()) {
        (PlanSource::Llm, Some(model)) => format!("made by the model {model}"),
        (PlanSource::Llm, None) => "made by the model".into(),
        (PlanSource::Offline, Some(why)) => format!("made offline ({why})"),
        (PlanSource::Offline, None) => "made offline".into(),
    }
}

/// The footer, from the plan's bindings.
fn hints(keys: &Keymap) -> String {
    keys.hints(&[
        (&[Action::Down, Action::Up], "day"),
        (&[Action::Top, Action::Bottom], "first/last"),
        (&[Action::CurrentDay], "current day"),
        (&[Action::Open], "open"),
        (&[Action::NewPlan], "new plan"),
    ])
}

/// The rows of `area` the plan's days go in, under the header lines and above the key hints.
fn body_area(s: &PlanScreen, area: Rect) -> Rect {
    let head_h = if s.status.is_some() { 3 } else { 2 } - u16::from(s.plan.is_none() || s.progress.is_none());
    Rect { y: area.y + head_h + 1, height: area.height.saturating_sub(head_h + 2), ..area }
}

/// Moves `s.scroll` so that the selected day is in view when it has just moved, and keeps it within the
/// content, for the plan drawn in `area`.
pub fn scroll_into_view(s: &mut PlanScreen, keys: &Keymap, area: Rect) {
    if area.height < 4 || area.width < 20 {
        return;
    }
    let body = body_area(s, area);
    let (lines, spans) = body_lines(s, &Theme::new(super::theme::ThemeKind::NoColor), keys, usize::from(area.width));
    let total = lines.len() as u16;
    if s.follow {
        if let Some(&(start, end)) = spans.get(s.selected) {
            if start < s.scroll || end - start > body.height {
                s.scroll = start.saturating_sub(1);
            } else if end > s.scroll + body.height {
                s.scroll = end - body.height;
            }
        }
        s.follow = false;
    }
    s.scroll = s.scroll.min(total.saturating_sub(body.height));
}

/// Draws the plan screen as [`scroll_into_view`] left it.
pub fn draw(s: &PlanScreen, theme: &Theme, keys: &Keymap, area: Rect, buf: &mut Buffer) {
    if area.height < 4 || area.width < 20 {
        return;
    }
    let width = usize::from(area.width);
    let mut head = vec![];
    match (&s.plan, &s.progress) {
        (Some(p), Some(pr)) => {
            let bw = (width / 4).clamp(5, 30);
            let filled = bar(pr.fraction, bw);
            let track = "░".repeat(bw.saturating_sub(filled.chars().count()));
            head.push(Line::from(vec![
                Span::styled(" Plan  ", theme.title),
                Span::styled(filled, theme.good),
                Span::styled(track, theme.dim),
                Span::raw(format!(" {}/{} done ({})", pr.done, pr.planned, pct(pr.fraction))),
            ]));
            let shape = format!(
                "{} weeks · {} min a day, {} a week",
                p.plan.weeks.len(),
                p.plan.daily_minutes,
                p.plan.weekly_minutes
            );
            let when = format!("{}, {} days ago", date(p.created_ms, s.utc_offset_s), pr.days_elapsed);
            head.push(Line::from(Span::styled(
                fit(&format!(" {} · {when} · {shape}", source_line(p)), width),
                theme.dim,
            )));
        }
        _ => head.push(Line::from(Span::styled(" Plan", theme.title))),
    }
    if let Some(st) = &s.status {
        head.push(Line::from(Span::styled(fit(&format!(" {st}"), width), theme.accent)));
    }
    let head_h = head.len() as u16;
    Paragraph::new(head).render(Rect { height: head_h, ..area }, buf);
    let foot = Rect { y: area.bottom() - 1, height: 1, ..area };
    Paragraph::new(Span::styled(fit(&format!(" {}", hints(keys)), width), theme.dim)).render(foot, buf);
    let body = Rect { y: area.y + head_h + 1, height: area.height.saturating_sub(head_h + 2), ..area };
    debug_assert_eq!(body, body_area(s, area), "scroll_into_view and draw agree on where the days go");
    let (lines, _) = body_lines(s, theme, keys, width);
    let total = lines.len() as u16;
    let scroll = s.scroll.min(total.saturating_sub(body.height));
    Paragraph::new(lines).scroll((scroll, 0)).render(body, buf);
}

/// The body, one entry per screen row, and each day's rows as (first, past the last).
fn body_lines(s: &PlanScreen, theme: &Theme, keys: &Keymap, width: usize) -> (Vec<Line<'static>>, Vec<(u16, u16)>) {
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut spans = Vec::new();
    let Some(p) = &s.plan else {
        let say = |t: &str| indented(t, width, 2).into_iter().map(|l| Line::from(Span::raw(l)));
        lines.extend(say("No plan yet."));
        lines.push(Line::raw(""));
        lines.extend(say(&format!("Press {} to make one: weeks of problems fitted to the hours in your profile, weakest topics first. It is made offline unless a model is configured.", keys.short(Action::NewPlan))));
        lines.push(Line::raw(""));
        lines.extend(say(&format!("A plan needs a profile: {} opens the profile form.", keys.short(Action::Profile))));
        return (lines, spans);
    };
    let current = s.current_day();
    let mut item = 0;
    let mut index = 0;
    for w in &p.plan.weeks {
        let n: usize = w.days.iter().map(|d| d.problems.len()).sum();
        let done = s.done[item.min(s.done.len())..(item + n).min(s.done.len())].iter().filter(|d| **d).count();
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::from(vec![
            Span::styled(format!(" Week {}", w.week), theme.title),
            Span::styled(format!("  {done}/{n} done"), theme.dim),
        ]));
        for d in &w.days {
            let start = lines.len() as u16;
            let selected = index == s.selected;
            let row_style = if selected { theme.selected } else { Style::default() };
            let mut head = vec![
                Span::styled(if selected { "  › " } else { "    " }, row_style),
                Span::styled(format!("Day {} · {} · ", d.day, d.topic), row_style.patch(theme.text)),
                Span::styled(d.difficulty.as_str(), row_style.patch(difficulty_style(d.difficulty, theme))),
                Span::styled(format!(" · {} min", d.minutes), row_style),
            ];
            if current == Some(index) {
                head.push(Span::styled("  ◀ today's work", row_style.patch(theme.accent)));
            }
            let used: usize = head.iter().map(|s| s.content.chars().count()).sum();
            head.push(Span::styled(" ".repeat(width.saturating_sub(used)), row_style));
            lines.push(Line::from(head));
            if selected {
                lines.extend(indented(&d.reason, width, 6).into_iter().map(|l| Line::from(Span::styled(l, theme.dim))));
            } else {
                lines.push(Line::from(Span::styled(fit(&format!("      {}", d.reason), width), theme.dim)));
            }
            for (i, pp) in d.problems.iter().enumerate() {
                let is_done = s.done.get(item + i).copied().unwrap_or(false);
                let (mark, style) = if is_done { ("✓ done", theme.good) } else { ("○     ", theme.dim) };
                lines.push(Line::from(vec![
                    Span::styled(format!("      {mark} "), style),
                    Span::raw(format!("{:<32} ", fit(&pp.slug, 32))),
                    Span::styled(format!("{:<7}", pp.difficulty.as_str()), difficulty_style(pp.difficulty, theme)),
                    Span::styled(format!("{:>3} min  {}", pp.minutes, kind_word(pp.kind)), theme.dim),
                ]));
                if selected && pp.reason != d.reason {
                    let why = indented(&pp.reason, width, 15);
                    lines.extend(why.into_iter().map(|l| Line::from(Span::styled(l, theme.dim))));
                }
            }
            item += d.problems.len();
            spans.push((start, lines.len() as u16));
            index += 1;
        }
    }
    let extra: Vec<&String> = p.plan.skipped.iter().chain(&p.plan.notes).collect();
    if !extra.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::from(Span::styled(" Notes", theme.title)));
        for e in extra {
            lines.extend(
                indented(&format!("· {e}"), width, 2).into_iter().map(|l| Line::from(Span::styled(l, theme.dim))),
            );
        }
    }
    (lines, spans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learner::plan::make_day;
    use crate::learner::{Plan, PlannedProblem, SubmissionRow, Week};
    use crate::problems::Difficulty;
    use crate::tui::dashboard::render_text;
    use crate::tui::keymap::{parse_keys, Context, Lookup};
    use crate::tui::theme::ThemeKind;

    const MADE_MS: i64 = 1_759_000_000_000;
    const DAY_MS: i64 = 86_400_000;

    fn item(slug: &str, topic: &str, difficulty: Difficulty, kind: ItemKind, reason: &str) -> PlannedProblem {
        let minutes = match (difficulty, kind) {
            (_, ItemKind::Rehearsal) => 45,
            (Difficulty::Easy, _) => 20,
            (Difficulty::Medium, _) => 35,
            (Difficulty::Hard, _) => 50,
        };
        PlannedProblem { slug: slug.into(), topic: topic.into(), difficulty, minutes, reason: reason.into(), kind }
    }

    fn plan() -> StoredPlan {
        use Difficulty::*;
        use ItemKind::*;
        let weak = "weak topic hash-maps: 2 of 3 attempted problems needed several tries; practises off by one";
        let days = [
            vec![
                item("two-sum", "hash-maps", Easy, New, weak),
                item("contains-duplicate", "hash-maps", Easy, New, weak),
            ],
            vec![
                item("valid-anagram", "hash-maps", Easy, New, weak),
                item("group-anagrams", "hash-maps", Medium, New, weak),
            ],
            vec![item("best-time-to-buy-and-sell-stock", "arrays", Easy, New, "Arrays in the progression")],
            vec![item("valid-palindrome", "strings", Easy, New, "Strings in the progression; upvoted by 4 learners")],
            vec![item("two-sum", "hash-maps", Easy, Review, "review: re-solve two-sum from memory")],
            vec![item(
                "two-sum",
                "hash-maps",
                Easy,
                Rehearsal,
                "interview rehearsal: 45 min timed, no hints (hash-maps)",
            )],
        ];
        let mut days: Vec<Day> = days.into_iter().enumerate().map(|(i, p)| make_day(i as u32 % 3 + 1, p)).collect();
        let week2 = days.split_off(3);
        let plan = Plan {
            weeks: vec![Week { week: 1, days }, Week { week: 2, days: week2 }],
            daily_minutes: 60,
            weekly_minutes: 180,
            created_ms: MADE_MS,
            skipped: vec!["sorting: mastered".into()],
            notes: vec![
                "left out (longer than a 60-minute day): trapping-rain-water; more hours per week make room".into()
            ],
        };
        StoredPlan {
            id: 1,
            profile_id: 1,
            plan,
            source: PlanSource::Offline,
            note: Some("no model configured".into()),
            created_ms: MADE_MS,
        }
    }

    /// Accepted: two-sum, contains-duplicate, valid-anagram, group-anagrams, best-time (week 1 done) and
    /// two-sum once more (its review in week 2).
    fn history() -> History {
        let names: Vec<String> =
            ["two-sum", "contains-duplicate", "valid-anagram", "group-anagrams", "best-time-to-buy-and-sell-stock"]
                .map(String::from)
                .to_vec();
        let rows: Vec<SubmissionRow> = [0u32, 1, 2, 3, 4, 0]
            .iter()
            .enumerate()
            .map(|(i, &problem)| SubmissionRow {
                problem,
                created_at_ms: MADE_MS + (i as i64 + 1) * DAY_MS,
                accepted: true,
                finding_mask: 0,
                hints_used: 0,
            })
            .collect();
        History::from_rows(&names, &rows, 0)
    }

    fn screen() -> PlanScreen {
        PlanScreen::new(Some(plan()), &history(), MADE_MS + 9 * DAY_MS)
    }

    fn press(s: &mut PlanScreen, keys: &str) -> Vec<PlanAction> {
        // Each key as the app routes it on the plan screen: its binding there, if any.
        let km = Keymap::default();
        let ctx = [Context::Plan, Context::Global];
        parse_keys(keys)
            .unwrap()
            .into_iter()
            .map(|k| match km.lookup(&[k], &ctx, false) {
                Lookup::Matched(action) => s.on_action(action),
                _ => PlanAction::None,
            })
            .collect()
    }

    /// Lays the screen out at w×h (as the app does after each message) and draws it.
    fn shot(s: &mut PlanScreen, w: u16, h: u16) -> String {
        let theme = Theme::new(ThemeKind::NoColor);
        scroll_into_view(s, &Keymap::default(), Rect::new(0, 0, w, h));
        render_text(w, h, |area, buf| draw(s, &theme, &Keymap::default(), area, buf))
    }

    #[test]
    fn the_date_a_plan_was_made_is_the_learners_calendar_date() {
        // 2026-11-21 23:30 UTC is already the 22nd one hour east of UTC, and still the 21st west of it.
        let ms = 1_795_303_800_000;
        assert_eq!(date(ms, 0), "2026-11-21");
        assert_eq!(date(ms, 3600), "2026-11-22");
        assert_eq!(date(ms, -5 * 3600), "2026-11-21");
    }

    #[test]
    fn done_items_agree_with_progress_and_the_current_day_is_selected() {
        let s = screen();
        let pr = s.progress.as_ref().unwrap();
        assert_eq!(s.done, vec![true, true, true, true, true, false, true, false]);
        assert_eq!(s.done.iter().filter(|d| **d).count() as u32, pr.done);
        assert_eq!((pr.current_week, pr.current_day), (Some(2), Some(1)));
        assert_eq!(s.selected, 3, "week 2, day 1 is the fourth day");
    }

    #[test]
    fn keys_move_between_days_and_open_or_regenerate() {
        let mut s = screen();
        assert_eq!(press(&mut s, "j"), [PlanAction::None]);
        assert_eq!(s.selected, 4);
        press(&mut s, "G<Down>j");
        assert_eq!(s.selected, 5, "stays on the last day");
        press(&mut s, "gk<Up>");
        assert_eq!(s.selected, 0, "stays on the first day");
        assert_eq!(press(&mut s, "<Enter>"), [PlanAction::Open("two-sum".into())], "all done: its first problem");
        press(&mut s, "c");
        assert_eq!(s.selected, 3);
        assert_eq!(press(&mut s, "<Enter>"), [PlanAction::Open("valid-palindrome".into())]);
        assert_eq!(
            press(&mut s, "jj<Enter>"),
            [PlanAction::None, PlanAction::None, PlanAction::Open("two-sum".into())]
        );
        assert_eq!(press(&mut s, "r"), [PlanAction::Regenerate]);
        assert_eq!(press(&mut s, "x<Esc><C-r>"), vec![PlanAction::None; 3]);
        press(&mut s, "<PageUp>");
        assert_eq!(s.selected, 0);
        press(&mut s, "<C-d>");
        assert_eq!(s.selected, 5);
    }

    #[test]
    fn without_a_plan_keys_do_nothing_but_regenerate() {
        let mut s = PlanScreen::new(None, &History::default(), MADE_MS);
        assert_eq!(press(&mut s, "jGgc<Enter>"), vec![PlanAction::None; 5]);
        assert_eq!(press(&mut s, "r"), [PlanAction::Regenerate]);
        insta::assert_snapshot!(shot(&mut s, 80, 24));
    }

    #[test]
    fn plan_at_80x24_scrolls_the_current_day_into_view() {
        let mut s = screen();
        let text = shot(&mut s, 80, 12);
        assert!(s.scroll > 0 && text.contains("today's work"), "week 2 is below the first screen:\n{text}");
        insta::assert_snapshot!(shot(&mut screen(), 80, 24));
    }

    #[test]
    fn plan_wide_from_the_top() {
        let mut s = screen();
        s.status = Some("making a new plan…".into());
        press(&mut s, "g");
        insta::assert_snapshot!(shot(&mut s, 130, 40));
        press(&mut s, "G");
        let text = shot(&mut s, 130, 12);
        assert!(text.contains("› Day 3"), "the last day is scrolled into view:\n{text}");
    }

    #[test]
    fn a_plan_from_the_offline_planner_opens_its_first_problem() {
        let (_dir, store) = crate::store::temp_store();
        let bank = crate::problems::Bank::load(&[]);
        let intake = crate::learner::Intake::new(crate::learner::Level::Beginner, 3, 4.0);
        let profile = store.create_profile("ana", &intake, &intake.embedding()).unwrap();
        let snap = crate::learner::Snapshot::load(&store, &bank, MADE_MS).unwrap();
        let plan = crate::learner::plan_offline(&snap.plan_inputs(&intake));
        store.save_plan(profile.id, &plan, PlanSource::Offline, None).unwrap();
        let snap = crate::learner::Snapshot::load(&store, &bank, MADE_MS).unwrap();
        let mut s = PlanScreen::from_snapshot(&snap);
        assert_eq!(s.selected, 0);
        let first = plan.weeks[0].days[0].problems[0].slug.clone();
        assert_eq!(press(&mut s, "<Enter>"), [PlanAction::Open(first)]);
        let text = shot(&mut s, 80, 24);
        assert!(text.contains("0/") && text.contains("made offline"), "{text}");
        for (w, h) in [(10, 3), (20, 4), (200, 5)] {
            shot(&mut s, w, h);
        }
    }
}
