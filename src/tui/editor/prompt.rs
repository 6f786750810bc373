//! The `:` and `/` `?` prompt line (a one-line `tui_textarea::TextArea`), and what Enter does with it:
//! ex commands (handed to the app, or `:set`, `:noh`, `:s` done here) and searches (a motion, so `d/foo<CR>`
//! and `v/foo<CR>` work).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_textarea::{CursorMove, TextArea};

use super::buffer::Pos;
use super::ex::{self, Env, ExCommand, LineRange, Parsed};
use super::keymap::Motion;
use super::normal::Pending;
use super::{search, Editor, Level, Mode, Outcome};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PromptKind {
    Ex,
    Search { forward: bool },
}

pub(crate) struct Prompt {
    kind: PromptKind,
    input: TextArea<'static>,
    history_pos: Option<usize>,
    /// Mode and pending command to return to (`d/foo<CR>` keeps the `d`).
    ret_mode: Mode,
    ret_pending: Pending,
}

impl Prompt {
    fn text(&self) -> String {
        self.input.lines().first().cloned().unwrap_or_default()
    }

    fn set_text(&mut self, text: &str) {
        self.input = TextArea::new(vec![text.to_string()]);
        self.input.move_cursor(CursorMove::End);
    }

    pub(crate) fn insert(&mut self, text: &str) {
        self.input.insert_str(text);
    }

    /// The prompt as shown: `":set nu"` and the cursor column in characters.
    pub(crate) fn display(&self) -> (String, usize) {
        let prefix = match self.kind {
            PromptKind::Ex => ':',
            PromptKind::Search { forward: true } => '/',
            PromptKind::Search { forward: false } => '?',
        };
        (format!("{prefix}{}", self.text()), self.input.cursor().1 + 1)
    }
}

impl Editor {
    pub(crate) fn open_prompt(&mut self, kind: PromptKind, prefill: &str) {
        let ret_mode = self.mode;
        let mut ret_pending = std::mem::take(&mut self.pending);
        ret_pending.keys.clear();
        let mut prompt = Prompt { kind, input: TextArea::default(), history_pos: None, ret_mode, ret_pending };
        prompt.set_text(prefill);
        self.prompt = Some(prompt);
        self.mode = if kind == PromptKind::Ex { Mode::CommandLine } else { Mode::Search };
    }

    fn history(&mut self, kind: PromptKind) -> &mut Vec<String> {
        match kind {
            PromptKind::Ex => &mut self.ex_history,
            PromptKind::Search { .. } => &mut self.search_history,
        }
    }

    fn close_prompt(&mut self) -> Option<Prompt> {
        let prompt = self.prompt.take()?;
        self.mode = match prompt.ret_mode {
            m @ (Mode::Visual | Mode::VisualLine | Mode::VisualBlock) => m,
            _ => Mode::Normal,
        };
        Some(prompt)
    }

    pub(crate) fn prompt_key(&mut self, key: KeyEvent) -> Outcome {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let Some(kind) = self.prompt.as_ref().map(|p| p.kind) else {
            self.mode = Mode::Normal;
            return Outcome::Consumed;
        };
        let empty = self.prompt.as_ref().is_some_and(|p| p.text().is_empty());
        match key.code {
            KeyCode::Esc => return self.cancel_prompt(),
            KeyCode::Char('c' | '[') if ctrl => return self.cancel_prompt(),
            KeyCode::Enter => return self.run_prompt(),
            KeyCode::Char('j' | 'm') if ctrl => return self.run_prompt(),
            KeyCode::Backspace if empty => return self.cancel_prompt(),
            KeyCode::Char('h') if ctrl && empty => return self.cancel_prompt(),
            KeyCode::Up | KeyCode::Down => {
                let up = key.code == KeyCode::Up;
                let len = self.history(kind).len();
                let Some(p) = self.prompt.as_ref() else { return Outcome::Consumed };
                let pos = match (p.history_pos, up) {
                    (None, true) if len > 0 => Some(len - 1),
                    (Some(i), true) => Some(i.saturating_sub(1)),
                    (Some(i), false) if i + 1 < len => Some(i + 1),
                    _ => None,
                };
                let text = pos.and_then(|i| self.history(kind).get(i).cloned()).unwrap_or_default();
                if let Some(p) = self.prompt.as_mut() {
                    p.history_pos = pos;
                    p.set_text(&text);
                }
                return Outcome::Consumed;
            }
            _ => {}
        }
        let Some(p) = self.prompt.as_mut() else { return Outcome::Consumed };
        let input = &mut p.input;
        match key.code {
            KeyCode::Backspace => {
                input.delete_char();
            }
            KeyCode::Char('h') if ctrl => {
                input.delete_char();
            }
            KeyCode::Char('w') if ctrl => {
                input.delete_word();
            }
            KeyCode::Char('u') if ctrl => {
                input.delete_line_by_head();
            }
            KeyCode::Delete => {
                input.delete_next_char();
            }
            KeyCode::Left => input.move_cursor(CursorMove::Back),
            KeyCode::Right => input.move_cursor(CursorMove::Forward),
            KeyCode::Home => input.move_cursor(CursorMove::Head),
            KeyCode::Char('b') if ctrl => input.move_cursor(CursorMove::Head),
            KeyCode::End => input.move_cursor(CursorMove::End),
            KeyCode::Char('e') if ctrl => input.move_cursor(CursorMove::End),
            KeyCode::Char(c) if !ctrl && !key.modifiers.contains(KeyModifiers::ALT) => input.insert_char(c),
            _ => {}
        }
        Outcome::Consumed
    }

    fn cancel_prompt(&mut self) -> Outcome {
        self.close_prompt();
        self.pending = Pending::default();
        self.dot.changing = false;
        Outcome::Consumed
    }

    fn run_prompt(&mut self) -> Outcome {
        let Some(prompt) = self.close_prompt() else { return Outcome::Consumed };
        let text = prompt.text();
        let hist = self.history(prompt.kind);
        if !text.is_empty() && hist.last() != Some(&text) {
            hist.push(text.clone());
            if hist.len() > 100 {
                hist.remove(0);
            }
        }
        match prompt.kind {
            PromptKind::Ex => {
                let out = self.run_ex(&text);
                self.finish_command();
                out
            }
            PromptKind::Search { forward } => {
                // `/<CR>` repeats the last pattern and offset; `//e` the last pattern with a new offset.
                let (typed, offset) = if text.is_empty() {
                    (String::new(), self.search.offset)
                } else {
                    search::split_offset(&text, if forward { '/' } else { '?' })
                };
                let pat = if typed.is_empty() { self.search.pattern.clone() } else { Some(typed) };
                let Some(pat) = pat else {
                    self.set_status(Level::Error, "E35: No previous regular expression");
                    self.cancel_pending();
                    return Outcome::Consumed;
                };
                if let Err(e) = self.search.set(&pat, self.options.ignore_case, self.options.smart_case) {
                    self.set_status(Level::Error, e);
                    self.cancel_pending();
                    return Outcome::Consumed;
                }
                self.search.forward = forward;
                self.search.offset = offset;
                self.pending = prompt.ret_pending;
                if prompt.ret_mode == Mode::OperatorPending {
                    self.mode = Mode::OperatorPending;
                }
                self.do_motion(Motion::SearchNext, None)
            }
        }
    }

    pub(crate) fn run_ex(&mut self, text: &str) -> Outcome {
        let visual = self.last_visual.map(|v| (v.anchor.row.min(v.cursor.row), v.anchor.row.max(v.cursor.row)));
        let env = Env { cursor_row: self.cursor.row, last_row: self.buf.last_row(), visual };
        match ex::parse(text, &env) {
            Err(msg) => {
                self.set_status(Level::Error, msg);
                Outcome::Consumed
            }
            Ok(Parsed::Nothing) => Outcome::Consumed,
            Ok(Parsed::App(cmd)) => {
                if let ExCommand::Line(n) = cmd {
                    let row = n.saturating_sub(1).min(self.buf.last_row());
                    self.cursor = Pos::new(row, self.buf.first_non_blank(row));
                    self.want_col = self.cursor.col;
                }
                Outcome::Ex(cmd)
            }
            Ok(Parsed::NoHighlight) => {
                self.search.highlight = false;
                Outcome::Consumed
            }
            Ok(Parsed::Set(args)) => self.set_options(&args),
            Ok(Parsed::Substitute { range, pattern, replacement, flags }) => {
                self.substitute(range, &pattern, &replacement, &flags);
                Outcome::Consumed
            }
            Ok(Parsed::Global { range, pattern, invert, command }) => self.global(range, &pattern, invert, &command),
            Ok(Parsed::Normal { range, keys, remap }) => {
                self.normal_on_lines(range, &keys, remap);
                Outcome::Consumed
            }
            Ok(Parsed::Delete { range, register }) => {
                self.delete_lines_cmd(range, register);
                Outcome::Consumed
            }
        }
    }

    fn set_options(&mut self, args: &[String]) -> Outcome {
        if args.is_empty() {
            let o = &self.options;
            let flag = |on: bool, name: &str| if on { name.to_string() } else { format!("no{name}") };
            let text = format!(
                "{} {} {} {} {} {} scrolloff={} shiftwidth={}",
                flag(o.number, "number"),
                flag(o.relative_number, "relativenumber"),
                flag(o.ignore_case, "ignorecase"),
                flag(o.smart_case, "smartcase"),
                flag(o.hlsearch, "hlsearch"),
                flag(o.wrapscan, "wrapscan"),
                o.scrolloff,
                o.shiftwidth
            );
            self.set_status(Level::Info, text);
            return Outcome::Consumed;
        }
        let mut unknown = None;
        for arg in args {
            let (name, value) = match arg.split_once(['=', ':']) {
                Some((n, v)) => (n, Some(v)),
                None => (arg.as_str(), None),
            };
            let (name, query) = match name.strip_suffix('?') {
                Some(n) => (n, true),
                None => (name, false),
            };
            let (name, toggle) = match name.strip_suffix('!') {
                Some(n) => (n, true),
                None => match name.strip_prefix("inv") {
                    Some(n) if self.bool_option(n).is_some() => (n, true),
                    _ => (name, false),
                },
            };
            let (name, on) = match name.strip_prefix("no") {
                Some(n) if self.bool_option(n).is_some() => (n, false),
                _ => (name, true),
            };
            if let Some((full, flag)) = self.bool_option(name) {
                if !query {
                    *flag = if toggle { !*flag } else { on };
                    continue;
                }
                let text = if *flag { full.to_string() } else { format!("no{full}") };
                self.set_status(Level::Info, text);
                continue;
            }
            if matches!(name, "clipboard" | "cb") {
                match value {
                    None => {
                        let text = if self.regs.unnamed_plus { "clipboard=unnamedplus" } else { "clipboard=" };
                        self.set_status(Level::Info, text);
                    }
                    Some("unnamedplus" | "unnamed") => self.regs.unnamed_plus = true,
                    Some("") => self.regs.unnamed_plus = false,
                    Some(v) => self.set_status(Level::Error, format!("E474: Invalid argument: clipboard={v}")),
                }
                continue;
            }
            let num = match name {
                "scrolloff" | "so" => Some(("scrolloff", &mut self.options.scrolloff)),
                "shiftwidth" | "sw" => Some(("shiftwidth", &mut self.options.shiftwidth)),
                _ => None,
            };
            match (num, value) {
                (Some((_, slot)), Some(v)) => match v.parse::<usize>() {
                    Ok(n) if n <= 100 => *slot = n,
                    _ => self.set_status(Level::Error, format!("E521: Number required after =: {arg}")),
                },
                (Some((full, slot)), None) => {
                    let text = format!("{full}={slot}");
                    self.set_status(Level::Info, text);
                }
                (None, _) => {
                    unknown.get_or_insert((name.to_string(), value.map(str::to_string)));
                }
            }
        }
        match unknown {
            Some((name, value)) => Outcome::Ex(ExCommand::Set(name, value)),
            None => Outcome::Consumed,
        }
    }

    /// A boolean option by full or short name: (full name, value).
    fn bool_option(&mut self, name: &str) -> Option<(&'static str, &mut bool)> {
        let o = &mut self.options;
        Some(match name {
            "number" | "nu" => ("number", &mut o.number),
            "relativenumber" | "rnu" => ("relativenumber", &mut o.relative_number),
            "ignorecase" | "ic" => ("ignorecase", &mut o.ignore_case),
            "smartcase" | "scs" => ("smartcase", &mut o.smart_case),
            "hlsearch" | "hls" => ("hlsearch", &mut o.hlsearch),
            "wrapscan" | "ws" => ("wrapscan", &mut o.wrapscan),
            "autoindent" | "ai" => ("autoindent", &mut o.autoindent),
            "paste" => ("paste", &mut o.paste),
            _ => return None,
        })
    }

    /// `:[range]s/pat/rep/[gi]`: `&` and `\0`-`\9` in the replacement; `\r` or `\n` breaks the line.
    pub(crate) fn substitute(&mut self, range: LineRange, pattern: &str, replacement: &str, flags: &str) {
        let pat =
            if pattern.is_empty() { self.search.pattern.clone().unwrap_or_default() } else { pattern.to_string() };
        if pat.is_empty() {
            self.set_status(Level::Error, "E35: No previous regular expression");
            return;
        }
        let case = if flags.contains('i') {
            "\\c"
        } else if flags.contains('I') {
            "\\C"
        } else {
            ""
        };
        if let Err(e) = self.search.set(&format!("{pat}{case}"), self.options.ignore_case, self.options.smart_case) {
            self.set_status(Level::Error, e);
            return;
        }
        self.search.pattern = Some(pat.clone());
        self.last_substitute = Some((pat.clone(), replacement.to_string()));
        let global = flags.contains('g');
        self.history.begin(&self.buf, self.cursor);
        let (mut subs, mut lines, mut last_changed) = (0usize, 0usize, None);
        let mut row = range.first;
        let mut end = range.last.min(self.buf.last_row());
        while row <= end {
            let s = self.buf.line_string(row);
            let caps = self.search.captures(&s);
            let caps: Vec<_> = if global { caps } else { caps.into_iter().take(1).collect() };
            if caps.is_empty() {
                row += 1;
                continue;
            }
            let mut out = String::new();
            let mut prev = 0;
            for groups in &caps {
                let Some(Some((a, b))) = groups.first().copied() else { continue };
                out.push_str(&s[prev..a]);
                expand(&mut out, replacement, &s, groups);
                prev = b;
                subs += 1;
            }
            out.push_str(&s[prev..]);
            let new: Vec<Vec<char>> = out.split('\n').map(|l| l.chars().collect()).collect();
            let added = new.len() - 1;
            self.buf.splice_lines(row, 1, new);
            lines += 1;
            last_changed = Some(row + added);
            row += added + 1;
            end += added;
        }
        self.history.commit(&self.buf);
        match last_changed {
            None => self.set_status(Level::Error, format!("E486: Pattern not found: {pat}")),
            Some(r) => {
                self.cursor = Pos::new(r, self.buf.first_non_blank(r));
                if lines > 2 {
                    let s = if subs == 1 { "" } else { "s" };
                    self.set_status(Level::Info, format!("{subs} substitution{s} on {lines} lines"));
                }
            }
        }
    }
}

fn expand(out: &mut String, rep: &str, s: &str, groups: &[Option<(usize, usize)>]) {
    let group = |i: usize, out: &mut String| {
        if let Some(Some((a, b))) = groups.get(i) {
            out.push_str(&s[*a..*b]);
        }
    };
    let mut chars = rep.chars();
    while let Some(c) = chars.next() {
        match c {
            '&' => group(0, out),
            '\\' => match chars.next() {
                Some(d @ '0'..='9') => group(d as usize - '0' as usize, out),
                Some('r' | 'n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some(o) => out.push(o),
                None => out.push('\\'),
            },
            c => out.push(c),
        }
    }
}
