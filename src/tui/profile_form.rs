//! The profile form: the intake (docs/LEARNER.md) as a form in the TUI, for a new profile or to edit one.
//!
//! [`ProfileForm::key`] is pure: it edits the form and returns [`FormAction::Submit`] only with a name the
//! store accepts and an intake that passes `Intake::validate`; otherwise the error is shown, one line under
//! the field it names, and focus goes there. Numbers are typed as text (so that a wrong value can be shown
//! and corrected) and stepped with ←/→ within their range; lists are comma-separated. Values the form has
//! no field for (earlier regeneration answers, ratings of topics outside the list) are kept as they were.

use std::cell::Cell;
use std::collections::BTreeMap;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::dashboard::{fit, indented};
use super::keymap::{Action, Keymap};
use super::theme::Theme;
use crate::knowledge::Progression;
use crate::learner::intake::{MAX_HOURS, MAX_WEEKS, MIN_HOURS, MIN_WEEKS};
use crate::learner::{Answer, Intake, Level};

/// What a key on the form asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum FormAction {
    None,
    Cancel,
    /// Store this profile (create it, or update the one being edited) under this name.
    Submit(String, Box<Intake>),
}

/// One field of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    Level,
    Roles,
    Weeks,
    Hours,
    Days,
    /// The confidence rating of the n-th topic.
    Confidence(usize),
    Weaknesses,
    Constraints,
    Experience,
}

#[derive(Debug)]
pub struct ProfileForm {
    /// The profile's name: typed for a new profile, fixed when editing.
    pub name: String,
    editing: bool,
    level: Level,
    roles: String,
    weeks: String,
    hours: String,
    days: String,
    /// Progression topics as (name, title), in order.
    topics: Vec<(String, String)>,
    confidence: Vec<Option<u8>>,
    weaknesses: String,
    constraints: String,
    experience: String,
    /// Kept from the edited intake: the form has no field for them.
    answers: Vec<Answer>,
    /// The list the profile keeps to (set with `codify profile edit --list`; no field here).
    list: Option<String>,
    other_confidence: BTreeMap<String, u8>,
    focus: usize,
    error: Option<(Field, String)>,
    /// First body line shown; the drawing keeps the focused field in view.
    scroll: Cell<u16>,
}

fn number(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        x.to_string()
    }
}

fn list(items: &[String]) -> String {
    items.join(", ")
}

fn split(s: &str) -> Vec<String> {
    s.split(',').map(str::trim).filter(|x| !x.is_empty()).map(String::from).collect()
}

impl ProfileForm {
    /// A form for a new profile (`None`) or for editing `(name, intake)`, with a confidence row per topic of
    /// the progression.
    pub fn new(existing: Option<(&str, &Intake)>, progression: &Progression) -> ProfileForm {
        let fresh = Intake::new(Level::Beginner, 8, 6.0);
        let intake = existing.map_or(&fresh, |(_, i)| i);
        let topics: Vec<(String, String)> =
            progression.topics.iter().map(|t| (t.name.clone(), t.title.clone())).collect();
        let mut other_confidence = intake.confidence.clone();
        let confidence = topics.iter().map(|(t, _)| other_confidence.remove(t)).collect();
        ProfileForm {
            name: existing.map(|(n, _)| n.to_string()).unwrap_or_default(),
            editing: existing.is_some(),
            level: intake.level,
            roles: list(&intake.roles),
            weeks: intake.timeline_weeks.to_string(),
            hours: number(intake.hours_per_week),
            days: intake.days_per_week.to_string(),
            topics,
            confidence,
            weaknesses: list(&intake.weaknesses),
            constraints: list(&intake.constraints),
            experience: intake.experience.clone(),
            answers: intake.answers.clone(),
            list: intake.list.clone(),
            other_confidence,
            focus: 0,
            error: None,
            scroll: Cell::new(0),
        }
    }

    /// The form edits an existing profile (its name is fixed), rather than making a new one.
    pub fn name_is_fixed(&self) -> bool {
        self.editing
    }

    /// Every field in order.
    pub fn fields(&self) -> Vec<Field> {
        let mut f = Vec::new();
        if !self.editing {
            f.push(Field::Name);
        }
        f.extend([Field::Level, Field::Roles, Field::Weeks, Field::Hours, Field::Days]);
        f.extend((0..self.topics.len()).map(Field::Confidence));
        f.extend([Field::Weaknesses, Field::Constraints, Field::Experience]);
        f
    }

    pub fn focused(&self) -> Field {
        self.fields().get(self.focus).copied().unwrap_or(Field::Level)
    }

    /// The error shown, and the field it is under.
    pub fn error(&self) -> Option<&(Field, String)> {
        self.error.as_ref()
    }

    /// Shows `message` under `field` and focuses it: for what only the store knows (a name already taken).
    pub fn show_error(&mut self, field: Field, message: String) {
        if let Some(i) = self.fields().iter().position(|f| *f == field) {
            self.focus = i;
        }
        self.error = Some((field, message));
    }

    fn text_mut(&mut self, field: Field) -> Option<&mut String> {
        match field {
            Field::Name => Some(&mut self.name),
            Field::Roles => Some(&mut self.roles),
            Field::Weeks => Some(&mut self.weeks),
            Field::Hours => Some(&mut self.hours),
            Field::Days => Some(&mut self.days),
            Field::Weaknesses => Some(&mut self.weaknesses),
            Field::Constraints => Some(&mut self.constraints),
            Field::Experience => Some(&mut self.experience),
            Field::Level | Field::Confidence(_) => None,
        }
    }

    /// An action from the keymap's form context.
    pub fn on_action(&mut self, action: Action) -> FormAction {
        let field = self.focused();
        let last = self.fields().len() - 1;
        match action {
            Action::Discard => return FormAction::Cancel,
            Action::Save => return self.submit(),
            Action::Confirm if self.focus == last => return self.submit(),
            Action::Confirm | Action::FieldDown => self.focus = (self.focus + 1).min(last),
            Action::NextField => self.focus = if self.focus == last { 0 } else { self.focus + 1 },
            Action::FieldUp => self.focus = self.focus.saturating_sub(1),
            Action::PrevField => self.focus = if self.focus == 0 { last } else { self.focus - 1 },
            Action::More => self.step(field, true),
            Action::Less => self.step(field, false),
            Action::ClearField => self.edit(field, |s| s.clear(), None),
            _ => {}
        }
        FormAction::None
    }

    /// A key bound to no form action: typing into the focused field.
    pub fn type_key(&mut self, key: KeyEvent) {
        let field = self.focused();
        let plain = !key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        match key.code {
            KeyCode::Backspace => self.edit(
                field,
                |s| {
                    s.pop();
                },
                Some(None),
            ),
            KeyCode::Char(c) if plain => self.typed(field, c),
            _ => {}
        }
    }

    /// Applies `f` to a text field, or sets a confidence rating to `rating`.
    fn edit(&mut self, field: Field, f: impl FnOnce(&mut String), rating: Option<Option<u8>>) {
        if let Some(s) = self.text_mut(field) {
            f(s);
        } else if let (Field::Confidence(i), Some(r)) = (field, rating) {
            self.confidence[i] = r;
        } else {
            return;
        }
        self.changed(field);
    }

    fn changed(&mut self, field: Field) {
        if self.error.as_ref().is_some_and(|(f, _)| *f == field) {
            self.error = None;
        }
    }

    fn typed(&mut self, field: Field, c: char) {
        match field {
            Field::Weeks | Field::Days if c.is_ascii_digit() => self.edit(field, |s| s.push(c), None),
            Field::Hours if c.is_ascii_digit() || c == '.' => self.edit(field, |s| s.push(c), None),
            Field::Level if c == ' ' => self.step(field, true),
            Field::Weeks | Field::Days | Field::Hours | Field::Level => {}
            Field::Confidence(_) => match c {
                '1'..='5' => self.edit(field, |_| {}, Some(Some(c as u8 - b'0'))),
                '0' => self.edit(field, |_| {}, Some(None)),
                _ => {}
            },
            _ => self.edit(field, |s| s.push(c), None),
        }
    }

    /// ←/→: the next or previous level, rating or number (within its range).
    fn step(&mut self, field: Field, up: bool) {
        let bump = |s: &mut String, lo: f64, hi: f64| {
            let v = s.trim().parse::<f64>().unwrap_or(lo);
            let v = if up { v.floor() + 1.0 } else { v.ceil() - 1.0 };
            *s = number(v.clamp(lo, hi));
        };
        match field {
            Field::Level => {
                let i = Level::ALL.iter().position(|l| *l == self.level).unwrap_or(0);
                let n = Level::ALL.len();
                self.level = Level::ALL[if up { (i + 1) % n } else { (i + n - 1) % n }];
            }
            Field::Weeks => bump(&mut self.weeks, f64::from(MIN_WEEKS), f64::from(MAX_WEEKS)),
            Field::Hours => bump(&mut self.hours, MIN_HOURS, MAX_HOURS),
            Field::Days => bump(&mut self.days, 1.0, 7.0),
            Field::Confidence(i) => {
                let r = &mut self.confidence[i];
                *r = match (*r, up) {
                    (None, true) => Some(1),
                    (Some(5), true) => Some(5),
                    (Some(v), true) => Some(v + 1),
                    (Some(1) | None, false) => None,
                    (Some(v), false) => Some(v - 1),
                };
            }
            _ => return,
        }
        self.changed(field);
    }

    fn text_field(&self, field: Field) -> bool {
        !matches!(field, Field::Level | Field::Confidence(_))
    }

    /// The profile as typed, or the first error with its field.
    pub fn intake(&self) -> Result<(String, Intake), (Field, String)> {
        let name = self.name.trim().to_string();
        if !self.editing {
            crate::store::valid_profile_name(&name).map_err(|e| (Field::Name, e))?;
        }
        let whole = |s: &str, what: &str, field: Field| {
            s.trim().parse::<u32>().map_err(|_| (field, format!("{what} `{}` is not a whole number", s.trim())))
        };
        let timeline_weeks = whole(&self.weeks, "timeline weeks", Field::Weeks)?;
        let days = whole(&self.days, "days per week", Field::Days)?;
        let hours_per_week = self
            .hours
            .trim()
            .parse::<f64>()
            .map_err(|_| (Field::Hours, format!("hours per week `{}` is not a number", self.hours.trim())))?;
        let mut confidence = self.other_confidence.clone();
        for ((t, _), c) in self.topics.iter().zip(&self.confidence) {
            if let Some(c) = c {
                confidence.insert(t.clone(), *c);
            }
        }
        let intake = Intake {
            level: self.level,
            roles: split(&self.roles),
            timeline_weeks,
            hours_per_week,
            days_per_week: u8::try_from(days).unwrap_or(u8::MAX),
            confidence,
            weaknesses: split(&self.weaknesses),
            constraints: split(&self.constraints),
            experience: self.experience.trim().to_string(),
            answers: self.answers.clone(),
            list: self.list.clone(),
        };
        intake.validate().map_err(|e| (self.field_of(&e), e))?;
        Ok((name, intake))
    }

    fn submit(&mut self) -> FormAction {
        match self.intake() {
            Ok((name, intake)) => {
                self.error = None;
                FormAction::Submit(name, Box::new(intake))
            }
            Err((field, message)) => {
                self.show_error(field, message);
                FormAction::None
            }
        }
    }

    /// The field an `Intake::validate` error names.
    fn field_of(&self, e: &str) -> Field {
        let topic = |rest: &str| {
            let i = self.topics.iter().position(|(t, _)| rest.starts_with(&format!("{t} ")));
            Field::Confidence(i.unwrap_or(0))
        };
        let prefixes = [
            ("timeline_weeks", Field::Weeks),
            ("hours_per_week", Field::Hours),
            ("days_per_week", Field::Days),
            ("roles", Field::Roles),
            ("weaknesses", Field::Weaknesses),
            ("constraints", Field::Constraints),
            ("experience", Field::Experience),
        ];
        if let Some(rest) = e.strip_prefix("confidence.") {
            return topic(rest);
        }
        if e.starts_with("confidence") && !self.topics.is_empty() {
            return Field::Confidence(0);
        }
        prefixes.iter().find(|(p, _)| e.starts_with(p)).map_or(Field::Level, |(_, f)| *f)
    }

    fn label(&self, field: Field) -> String {
        match field {
            Field::Name => "Profile name".into(),
            Field::Level => "Level".into(),
            Field::Roles => "Target roles".into(),
            Field::Weeks => "Timeline, weeks".into(),
            Field::Hours => "Hours per week".into(),
            Field::Days => "Days per week".into(),
            Field::Confidence(i) => format!("  {}", self.topics[i].1),
            Field::Weaknesses => "Weak spots".into(),
            Field::Constraints => "Constraints".into(),
            Field::Experience => "Past experience".into(),
        }
    }

    /// The value as shown, and a dim note after it.
    fn value(&self, field: Field) -> (String, &'static str) {
        match field {
            Field::Name => (self.name.clone(), "letters, digits, - _ ."),
            Field::Level => (format!("‹ {} ›", self.level.as_str()), "←/→ or space"),
            Field::Roles => (self.roles.clone(), "comma-separated, e.g. backend, data"),
            Field::Weeks => (self.weeks.clone(), "2 to 12"),
            Field::Hours => (self.hours.clone(), "1 to 60"),
            Field::Days => (self.days.clone(), "1 to 7"),
            Field::Confidence(i) => match self.confidence[i] {
                Some(c) => (format!("{}{} {c}", "●".repeat(c.into()), "○".repeat(5 - usize::from(c))), ""),
                None => ("○○○○○ not rated".into(), ""),
            },
            Field::Weaknesses => (self.weaknesses.clone(), "comma-separated topics or habits"),
            Field::Constraints => (self.constraints.clone(), "comma-separated"),
            Field::Experience => (self.experience.clone(), ""),
        }
    }
}

const LABEL_W: usize = 28;
/// The footer, from the form's bindings.
fn hints(keys: &Keymap) -> String {
    keys.hints(&[
        (&[Action::NextField, Action::FieldDown], "next"),
        (&[Action::FieldUp], "back"),
        (&[Action::Less, Action::More], "change"),
        (&[Action::ClearField], "clear"),
        (&[Action::Save], "save"),
        (&[Action::Discard], "cancel"),
    ])
}

impl ProfileForm {
    /// Draws the form; the focused field (and its error) is scrolled into view when the form is taller than
    /// the area.
    pub fn draw(&self, theme: &Theme, keys: &Keymap, area: Rect, buf: &mut Buffer) {
        let form = self;
        if area.height < 4 || area.width < 30 {
            return;
        }
        let width = usize::from(area.width);
        let title = if form.editing { format!(" Edit profile {}", form.name) } else { " New profile".to_string() };
        Paragraph::new(Line::from(vec![
            Span::styled(title, theme.title),
            Span::styled("  what you tell Codify shapes your plan", theme.dim),
        ]))
        .render(Rect { height: 1, ..area }, buf);
        let foot = Rect { y: area.bottom() - 1, height: 1, ..area };
        Paragraph::new(Span::styled(fit(&format!(" {}", hints(keys)), width), theme.dim)).render(foot, buf);
        let body = Rect { y: area.y + 2, height: area.height - 3, ..area };

        let mut lines: Vec<Line<'static>> = Vec::new();
        let mut focus_rows = (0u16, 0u16);
        let value_w = width.saturating_sub(LABEL_W + 4);
        for (i, field) in form.fields().into_iter().enumerate() {
            if field == Field::Confidence(0) {
                lines.push(Line::from(vec![
                    Span::raw(format!("  {:<LABEL_W$}", "Confidence per topic")),
                    Span::styled("1 new to it … 5 strong; digits or ←/→, 0 clears", theme.dim),
                ]));
            }
            let focused = i == form.focus;
            let start = lines.len() as u16;
            let row = if focused { theme.selected } else { Style::default() };
            let (value, note) = form.value(field);
            let text_field = form.text_field(field);
            let shown = match (focused && text_field, value.chars().count() >= value_w) {
                // The end of a long value stays in view while it is typed.
                (true, true) => value.chars().skip(value.chars().count() + 1 - value_w).collect(),
                _ => fit(&value, value_w),
            };
            let mut spans = vec![
                Span::styled(if focused { "▶ " } else { "  " }, row),
                Span::styled(format!("{:<LABEL_W$}", fit(&form.label(field), LABEL_W - 1)), row),
                Span::styled(shown.clone(), row.patch(value_style(form, field, theme))),
            ];
            if focused && text_field {
                spans.push(Span::styled("▏", row.patch(theme.accent)));
            }
            let used = 2 + LABEL_W + shown.chars().count() + usize::from(focused && text_field);
            if focused && !note.is_empty() && used + 2 + note.chars().count() <= width {
                spans.push(Span::styled(format!("  {note}"), row.patch(theme.dim)));
            }
            lines.push(Line::from(spans));
            if let Some((_, msg)) = form.error.as_ref().filter(|(f, _)| *f == field) {
                for l in indented(&format!("✗ {msg}"), width, LABEL_W + 2) {
                    lines.push(Line::from(Span::styled(l, theme.bad)));
                }
            }
            if focused {
                focus_rows = (start, lines.len() as u16);
            }
        }
        let total = lines.len() as u16;
        let mut scroll = form.scroll.get();
        if focus_rows.0 < scroll {
            scroll = focus_rows.0.saturating_sub(1);
        } else if focus_rows.1 > scroll + body.height {
            scroll = focus_rows.1 - body.height;
        }
        scroll = scroll.min(total.saturating_sub(body.height));
        form.scroll.set(scroll);
        Paragraph::new(lines).scroll((scroll, 0)).render(body, buf);
    }
}

fn value_style(form: &ProfileForm, field: Field, theme: &Theme) -> Style {
    match field {
        Field::Level => theme.accent,
        Field::Confidence(i) if form.confidence[i].is_none() => theme.dim,
        Field::Confidence(_) => theme.good,
        _ => theme.text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::dashboard::render_text;
    use crate::tui::keymap::{parse_keys, Context, Lookup};
    use crate::tui::theme::ThemeKind;

    fn prog() -> Progression {
        crate::knowledge::progression().unwrap()
    }

    /// Each key as the app routes it: the form's binding if it has one, else typed into the field.
    fn press(f: &mut ProfileForm, keys: &str) -> FormAction {
        let km = Keymap::default();
        let mut last = FormAction::None;
        for k in parse_keys(keys).unwrap() {
            last = match km.lookup(&[k], &[Context::Form], true) {
                Lookup::Matched(action) => f.on_action(action),
                _ => {
                    f.type_key(k);
                    FormAction::None
                }
            };
        }
        last
    }

    /// Moves focus to `field` with Tab.
    fn goto(f: &mut ProfileForm, field: Field) {
        while f.focused() != field {
            f.on_action(Action::NextField);
        }
    }

    fn shot(f: &ProfileForm, w: u16, h: u16) -> String {
        let theme = Theme::new(ThemeKind::NoColor);
        render_text(w, h, |area, buf| f.draw(&theme, &Keymap::default(), area, buf))
    }

    #[test]
    fn a_new_profile_is_typed_and_submitted() {
        let p = prog();
        let mut f = ProfileForm::new(None, &p);
        assert_eq!(f.focused(), Field::Name);
        press(&mut f, "ana<Tab><Right><Right><Left><Tab>backend, data ,<Tab><C-u>10<Tab><Right><Right><Tab><Left>");
        goto(&mut f, Field::Confidence(0));
        press(&mut f, "4<Down><Right><Right><Right><Left><Down>9");
        goto(&mut f, Field::Weaknesses);
        press(&mut f, "dynamic programming, off by one<Tab>mornings only<Tab>two years of Java<BS>a");
        let FormAction::Submit(name, intake) = press(&mut f, "<Enter>") else { panic!("{:?}", f.error()) };
        assert_eq!(name, "ana");
        assert_eq!(intake.level, Level::Intermediate);
        assert_eq!(intake.roles, ["backend", "data"]);
        assert_eq!((intake.timeline_weeks, intake.hours_per_week, intake.days_per_week), (10, 8.0, 4));
        let (t0, t1, t2) = (&p.topics[0].name, &p.topics[1].name, &p.topics[2].name);
        assert_eq!((intake.confidence[t0], intake.confidence[t1]), (4, 2));
        assert!(!intake.confidence.contains_key(t2), "9 is not a rating");
        assert_eq!(intake.weaknesses, ["dynamic programming", "off by one"]);
        assert_eq!(intake.constraints, ["mornings only"]);
        assert_eq!(intake.experience, "two years of Java");
    }

    #[test]
    fn invalid_values_show_an_error_under_their_field_and_keep_the_form_open() {
        let p = prog();
        let mut f = ProfileForm::new(None, &p);
        assert_eq!(press(&mut f, "<C-s>"), FormAction::None);
        assert_eq!(f.error().unwrap().0, Field::Name, "an empty name");
        press(&mut f, "my profile!");
        assert!(f.error().is_none(), "editing the field clears its error");
        assert_eq!(press(&mut f, "<C-s>"), FormAction::None);
        let (field, msg) = f.error().unwrap();
        assert_eq!(*field, Field::Name);
        assert!(msg.contains("letters, digits"), "{msg}");
        press(&mut f, "<C-u>ana");
        goto(&mut f, Field::Hours);
        press(&mut f, "<C-u>0<Tab>");
        assert_eq!(press(&mut f, "<C-s>"), FormAction::None);
        assert_eq!(f.focused(), Field::Hours, "focus goes to the offending field");
        assert!(f.error().unwrap().1.starts_with("hours_per_week is 0"), "{:?}", f.error());
        let text = shot(&f, 80, 24);
        assert!(text.contains("✗ hours_per_week is 0"), "{text}");
        press(&mut f, "<BS>abc.5");
        assert_eq!(f.hours, ".5", "letters are not typed into numbers");
        press(&mut f, "<C-u>6");
        goto(&mut f, Field::Weeks);
        press(&mut f, "<C-u>20");
        assert_eq!(press(&mut f, "<C-s>"), FormAction::None);
        assert_eq!(f.error().unwrap().0, Field::Weeks);
        insta::assert_snapshot!("weeks_20_at_80x24", shot(&f, 80, 24));
        press(&mut f, "<Left>");
        assert_eq!(f.weeks, "12", "← steps back into the range");
        assert!(matches!(press(&mut f, "<C-s>"), FormAction::Submit(..)));
        assert_eq!(press(&mut f, "<Esc>"), FormAction::Cancel);
    }

    #[test]
    fn steps_stay_in_range_and_level_cycles() {
        let mut f = ProfileForm::new(None, &prog());
        press(&mut f, "<Tab><Space><Space><Space>");
        assert_eq!(f.level, Level::Beginner);
        press(&mut f, "<Left>");
        assert_eq!(f.level, Level::Advanced);
        goto(&mut f, Field::Days);
        press(&mut f, "<Right><Right><Right><Right>");
        assert_eq!(f.days, "7");
        goto(&mut f, Field::Hours);
        press(&mut f, "<C-u><Left>");
        assert_eq!(f.hours, "1");
        goto(&mut f, Field::Confidence(0));
        press(&mut f, "<Left>");
        assert_eq!(f.confidence[0], None);
        press(&mut f, "5<Right>");
        assert_eq!(f.confidence[0], Some(5));
        press(&mut f, "<BS>");
        assert_eq!(f.confidence[0], None);
        press(&mut f, "<S-Tab><Up>");
        assert_eq!(f.focused(), Field::Hours);
    }

    #[test]
    fn editing_keeps_the_name_and_what_the_form_does_not_show() {
        let p = prog();
        let mut intake = Intake::new(Level::Advanced, 6, 12.5);
        intake.roles = vec!["ml".into()];
        intake.confidence.insert(p.topics[1].name.clone(), 3);
        intake.answers =
            vec![Answer { at_ms: 1, question: "What felt hardest so far?".into(), answer: "graphs".into() }];
        let mut f = ProfileForm::new(Some(("ana", &intake)), &p);
        assert_eq!(f.focused(), Field::Level, "no name field when editing");
        assert!(!f.fields().contains(&Field::Name));
        assert_eq!(f.hours, "12.5");
        let FormAction::Submit(name, out) = press(&mut f, "<C-s>") else { panic!("{:?}", f.error()) };
        assert_eq!((name.as_str(), &*out), ("ana", &intake), "unchanged when nothing is edited");
        goto(&mut f, Field::Experience);
        press(&mut f, "Five years of backend work in Go and Python, some interviewing on the other side of the table");
        insta::assert_snapshot!("edit_scrolled_to_the_last_field_at_80x24", shot(&f, 80, 24));
        assert!(f.scroll.get() > 0);
        insta::assert_snapshot!("edit_wide", shot(&f, 130, 45));
        let last = press(&mut f, "<Enter>");
        assert!(matches!(last, FormAction::Submit(ref n, ref i) if n == "ana" && i.experience.starts_with("Five")));
    }

    #[test]
    fn new_form_at_80x24_and_tiny_areas() {
        let f = ProfileForm::new(None, &prog());
        insta::assert_snapshot!("new_at_80x24", shot(&f, 80, 24));
        for (w, h) in [(10, 3), (30, 4), (200, 5)] {
            shot(&f, w, h);
        }
    }
}
