//! The app's key bindings as data: one table of actions, each with its context, description and default
//! keys. The help screen and footer hints are generated from it, the config's `[keys]` table overrides it
//! per action, and a lookup on a key sequence answers pending / matched / not found, which multi-key
//! bindings such as `<C-w>w` need. The editor's own vim keys live in `tui::editor`.

use std::collections::BTreeMap;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    /// Everywhere except while typing in the editor, a prompt or the profile form.
    Global,
    /// The problem list.
    List,
    /// The workspace, whatever pane has focus; must not take keys vim uses.
    Workspace,
    /// A workspace pane other than the editor (statement, results, tutor).
    Pane,
    /// The dashboard.
    Dashboard,
    /// The study plan.
    Plan,
    /// The help overlay (a key bound to nothing here closes it).
    Help,
    /// The profile form; characters type into the focused field, so only keys that type nothing bind here.
    Form,
    /// The study group screen.
    Group,
}

impl Context {
    /// Every context with its title, in the order help and `docs/KEYS.md` list them.
    pub const ALL: [(Context, &'static str); 9] = [
        (Context::Global, "Everywhere"),
        (Context::List, "Problem list"),
        (Context::Workspace, "Workspace (any pane)"),
        (Context::Pane, "Statement, results and tutor panes"),
        (Context::Dashboard, "Dashboard"),
        (Context::Plan, "Study plan"),
        (Context::Group, "Study group"),
        (Context::Help, "This help"),
        (Context::Form, "Profile form"),
    ];

    pub fn title(self) -> &'static str {
        Context::ALL.iter().find(|(c, _)| *c == self).map_or("", |(_, t)| t)
    }
}

/// One row of the table: an action, the name `[keys]` knows it by, the contexts it applies in, what it
/// does, and its default keys.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub action: Action,
    pub name: &'static str,
    pub contexts: &'static [Context],
    pub description: &'static str,
    pub keys: &'static [&'static str],
}

macro_rules! actions {
    ($($variant:ident, $name:literal, [$($ctx:ident),+], $desc:literal, [$($key:literal),*];)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Action { $($variant),* }

        /// Every action, in the order help lists them.
        pub const TABLE: &[Binding] = &[
            $(Binding {
                action: Action::$variant,
                name: $name,
                contexts: &[$(Context::$ctx),+],
                description: $desc,
                keys: &[$($key),*],
            }),*
        ];
    };
}

actions! {
    Quit, "quit", [Global], "quit Codify (drafts are saved)", ["q"];
    Help, "help", [Global], "show this help", ["?", "<F1>"];
    Dashboard, "dashboard", [Global], "the dashboard: weaknesses, progress, streak, what next", ["<F7>"];
    Plan, "plan", [Global], "your study plan (r makes a new one)", ["<F8>"];
    Profile, "profile", [Global], "your profile: the intake form (new, or edit the active one)", ["<F9>"];
    Up, "up", [List, Plan], "move up (a problem, a day)", ["k", "<Up>"];
    Down, "down", [List, Plan], "move down (a problem, a day)", ["j", "<Down>"];
    Top, "top", [List, Plan, Dashboard, Help, Group], "to the top (first problem, first day)", ["g", "<Home>"];
    Bottom, "bottom", [List, Plan, Dashboard], "to the bottom (last problem, last day)", ["G", "<End>"];
    Open, "open", [List, Plan], "open the problem (in the plan: the day's first one not done)", ["<Enter>", "l"];
    Search, "search", [List], "fuzzy search by title, slug or pattern", ["/"];
    ClearFilter, "clear_filter", [List], "clear search and filters", ["<Esc>"];
    FilterDifficulty, "filter_difficulty", [List], "cycle difficulty filter", ["d"];
    FilterTopic, "filter_topic", [List], "cycle topic filter", ["t"];
    FilterList, "filter_list", [List], "cycle list filter (Blind 75 / NeetCode 150)", ["b"];
    FilterStatus, "filter_status", [List], "cycle status filter (new / attempted / solved)", ["s"];
    Sort, "sort", [List], "cycle sort order", ["o"];
    Random, "random", [List], "open a random unsolved problem", ["r"];
    Resume, "resume", [List], "resume the last problem", ["c"];
    DashboardList, "dashboard_list", [List], "the dashboard", ["D"];
    PlanList, "plan_list", [List], "your study plan", ["P"];
    NextProblem, "next_problem", [List, Dashboard],
        "open the next recommended problem (see the dashboard for why)", ["n"];
    OpenNext, "open_next", [Dashboard], "open the first recommendation", ["<Enter>"];
    Reload, "reload", [Dashboard, Group], "load again (the dashboard, the group from the server)", ["r"];
    Group, "group", [List, Dashboard], "your study group: the week's table and what members shared", ["S"];
    NextGroup, "next_group", [Group], "the next of your study groups", ["<Tab>"];
    JoinGroup, "join_group", [Group], "join a group with an invite code a member gave you", ["a"];
    CreateGroup, "create_group", [Group], "create a group (you become its first member)", ["c"];
    InviteToGroup, "invite_to_group", [Group], "a one-time invite code for this group (7 days)", ["i"];
    CurrentDay, "current_day", [Plan], "to the current day", ["c"];
    NewPlan, "new_plan", [Plan], "make a new plan (a few questions first)", ["r"];
    Close, "close", [Dashboard, Plan, Help, Group], "close (back to where you were)", ["<Esc>", "<F10>"];
    Interview, "interview", [List], "start a timed interview (45 min, difficulty hidden, one hint)", ["I"];
    Run, "run", [Workspace], "run the example tests", ["<F5>"];
    Submit, "submit", [Workspace], "submit: every test, hidden ones too", ["<F6>"];
    Hint, "hint", [Workspace], "ask the tutor for the next hint", ["<F2>"];
    Ask, "ask", [Workspace], "ask the tutor a question", ["<F3>"];
    Cancel, "cancel", [Workspace], "cancel the running tests, else the tutor's reply", ["<C-c>"];
    Back, "back", [Workspace], "back to the problem list (draft saved)", ["<F10>"];
    ExternalEditor, "external_editor", [Workspace], "edit the code in $EDITOR", ["<F4>"];
    FocusNext, "focus_next", [Workspace], "focus the next pane", ["<C-w>w", "<C-w><C-w>"];
    FocusLeft, "focus_left", [Workspace], "focus the pane to the left", ["<C-w>h"];
    FocusRight, "focus_right", [Workspace], "focus the pane to the right", ["<C-w>l"];
    FocusUp, "focus_up", [Workspace], "focus the pane above", ["<C-w>k"];
    FocusDown, "focus_down", [Workspace], "focus the pane below", ["<C-w>j"];
    Zoom, "zoom", [Workspace], "zoom the focused pane (again to restore)", ["<C-w>z", "<C-w>o"];
    ToggleStatement, "toggle_statement", [Workspace], "collapse or show the statement", ["<C-w>s"];
    EditorWider, "editor_wider", [Workspace], "widen the editor's column (remembered)", ["<C-w>>"];
    EditorNarrower, "editor_narrower", [Workspace], "narrow the editor's column (remembered)", ["<C-w><lt>"];
    EditorEqual, "editor_equal", [Workspace], "the editor's column back to its own width", ["<C-w>="];
    ScrollDown, "scroll_down", [Pane, Dashboard, Help, Group], "scroll down", ["j", "<Down>"];
    ScrollUp, "scroll_up", [Pane, Dashboard, Help, Group], "scroll up", ["k", "<Up>"];
    PageDown, "page_down", [Pane, Dashboard, Plan, Help, Group], "page down", ["<C-d>", "<PageDown>"];
    PageUp, "page_up", [Pane, Dashboard, Plan, Help, Group], "page up", ["<C-u>", "<PageUp>"];
    NextCase, "next_case", [Pane], "next test case (results)", ["n", "<Tab>"];
    PrevCase, "prev_case", [Pane], "previous test case (results)", ["N", "<BackTab>"];
    EditCode, "edit_code", [Pane], "back to the editor", ["i", "<Esc>"];
    ExCommand, "ex_command", [Pane], "an ex command (:hint, :submit, …) in the editor", [":"];
    NextField, "next_field", [Form], "next field (after the last, the first)", ["<Tab>"];
    PrevField, "prev_field", [Form], "previous field (before the first, the last)", ["<S-Tab>"];
    FieldDown, "field_down", [Form], "the field below", ["<Down>"];
    FieldUp, "field_up", [Form], "the field above", ["<Up>"];
    Confirm, "confirm", [Form], "the next field; on the last one, save", ["<Enter>"];
    More, "more", [Form], "a level or rating up (Space too, on the level)", ["<Right>"];
    Less, "less", [Form], "a level or rating down", ["<Left>"];
    ClearField, "clear_field", [Form], "clear the field", ["<C-u>"];
    Save, "save", [Form], "save the profile", ["<C-s>"];
    Discard, "discard", [Form], "leave without saving", ["<Esc>"];
}

impl Action {
    fn row(self) -> Option<&'static Binding> {
        TABLE.iter().find(|b| b.action == self)
    }

    pub fn name(self) -> &'static str {
        self.row().map_or("?", |b| b.name)
    }

    pub fn contexts(self) -> &'static [Context] {
        self.row().map_or(&[], |b| b.contexts)
    }

    pub fn description(self) -> &'static str {
        self.row().map_or("", |b| b.description)
    }

    /// Where a scrolling action takes a scroll offset (the bottom is past the end: drawing stops at the
    /// last line); `None` for an action that does not scroll.
    pub fn scrolled(self, offset: u16) -> Option<u16> {
        Some(match self {
            Action::ScrollDown => offset.saturating_add(1),
            Action::ScrollUp => offset.saturating_sub(1),
            Action::PageDown => offset.saturating_add(10),
            Action::PageUp => offset.saturating_sub(10),
            Action::Top => 0,
            Action::Bottom => u16::MAX,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    Matched(Action),
    /// The keys so far start a longer binding: wait for more.
    Pending,
    NotFound,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum KeymapError {
    #[error("[keys]: unknown action `{0}`; see the help screen (?) for the action names")]
    UnknownAction(String),
    #[error("[keys] {action}: cannot read the key `{key}`: {why}")]
    BadKey { action: String, key: String, why: String },
}

#[derive(Debug, Clone)]
pub struct Keymap {
    /// Each key sequence with its action and the contexts it applies in (the table's row, read once).
    bindings: Vec<(Vec<KeyEvent>, Action, &'static [Context])>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::with_overrides(&BTreeMap::new()).unwrap_or(Keymap { bindings: Vec::new() })
    }
}

impl Keymap {
    /// The default table with the config's `[keys]` overrides (action name → list of key sequences).
    pub fn with_overrides(overrides: &BTreeMap<String, Vec<String>>) -> Result<Keymap, KeymapError> {
        for name in overrides.keys() {
            if !TABLE.iter().any(|b| b.name == name) {
                return Err(KeymapError::UnknownAction(name.clone()));
            }
        }
        let mut bindings = Vec::new();
        for &Binding { action, name, contexts, keys: defaults, .. } in TABLE {
            let keys: Vec<&str> = match overrides.get(name) {
                Some(v) => v.iter().map(String::as_str).collect(),
                None => defaults.to_vec(),
            };
            for k in keys {
                let seq =
                    parse_keys(k).map_err(|why| KeymapError::BadKey { action: name.into(), key: k.into(), why })?;
                bindings.push((seq, action, contexts));
            }
        }
        Ok(Keymap { bindings })
    }

    /// What `keys` (the pending prefix plus the newest key) mean in one of `contexts`. With `typing`, the
    /// editor has focus and bindings that start with a plain character are left to it.
    pub fn lookup(&self, keys: &[KeyEvent], contexts: &[Context], typing: bool) -> Lookup {
        let mut pending = false;
        for (seq, action, applies) in &self.bindings {
            if !applies.iter().any(|c| contexts.contains(c)) {
                continue;
            }
            if typing && seq.first().is_some_and(is_plain_char) {
                continue;
            }
            if seq.as_slice() == keys {
                return Lookup::Matched(*action);
            }
            if seq.len() > keys.len() && seq.starts_with(keys) {
                pending = true;
            }
        }
        if pending {
            Lookup::Pending
        } else {
            Lookup::NotFound
        }
    }

    /// The keys bound to `action`, in notation, for help and hints.
    pub fn keys_for(&self, action: Action) -> Vec<String> {
        self.bindings.iter().filter(|(_, a, _)| *a == action).map(|(seq, ..)| format_keys(seq)).collect()
    }

    /// The first key sequence bound to `action`, if the config left it one.
    fn first(&self, action: Action) -> Option<&[KeyEvent]> {
        self.bindings.iter().find(|(_, a, _)| *a == action).map(|(seq, ..)| seq.as_slice())
    }

    /// The first key bound to `action` (what a hint shows), or "" when the config unbound it.
    pub fn key(&self, action: Action) -> String {
        self.first(action).map(format_keys).unwrap_or_default()
    }

    /// The first key bound to `action` as a footer or status line shows it (`Ctrl-s`, `↓`, `Tab`).
    pub fn short(&self, action: Action) -> String {
        self.first(action).map(|seq| seq.iter().map(short_key).collect()).unwrap_or_default()
    }

    /// A footer of hints, `j/k day · c current day`, from the current bindings: each item's actions by their
    /// first keys; actions the config unbound are left out, and an item with none left is dropped.
    pub fn hints(&self, items: &[(&[Action], &str)]) -> String {
        let parts: Vec<String> = items
            .iter()
            .filter_map(|(actions, what)| {
                let keys: Vec<String> = actions.iter().map(|a| self.short(*a)).filter(|k| !k.is_empty()).collect();
                (!keys.is_empty()).then(|| format!("{} {what}", keys.join("/")))
            })
            .collect();
        parts.join(" · ")
    }
}

/// A key as a footer shows it, shorter than the notation: `Ctrl-s`, `↓`, `Enter`, `j`.
fn short_key(k: &KeyEvent) -> String {
    match (k.code, k.modifiers.contains(KeyModifiers::CONTROL)) {
        (KeyCode::Char(c), true) => format!("Ctrl-{c}"),
        (KeyCode::Up, false) => "↑".into(),
        (KeyCode::Down, false) => "↓".into(),
        (KeyCode::Left, false) => "←".into(),
        (KeyCode::Right, false) => "→".into(),
        _ => format_key(k).trim_start_matches('<').trim_end_matches('>').to_string(),
    }
}

/// A key the editor would type or use as a vim command (no Ctrl or Alt, not a function key).
fn is_plain_char(k: &KeyEvent) -> bool {
    matches!(k.code, KeyCode::Char(_)) && !k.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
}

/// The keymap as a Markdown document (docs/KEYS.md is generated from this and checked by a test).
pub fn markdown() -> String {
    let km = Keymap::default();
    let mut out = String::from(
        "# Keys\n\nGenerated from the keymap table in `src/tui/keymap.rs` (the same table binds the keys and draws the\nhelp screen). Rebind any action in the config's `[keys]` table by its name, e.g. `run = [\"<F9>\"]`.\n",
    );
    for (ctx, title) in Context::ALL {
        out.push_str(&format!("\n## {title}\n\n| keys | action | what it does |\n|---|---|---|\n"));
        for b in TABLE.iter().filter(|b| b.contexts.contains(&ctx)) {
            let keys: Vec<String> = km.keys_for(b.action).iter().map(|k| format!("`{k}`")).collect();
            out.push_str(&format!("| {} | `{}` | {} |\n", keys.join(" "), b.name, b.description));
        }
    }
    out.push_str(concat!(
        "\nA key bound to nothing closes the help. The one-line prompts (search, a question for the tutor, the\n",
        "plan's questions) edit text with `<Enter>` (done), `<Esc>` or `<C-c>` (cancel), `<BS>`, `<C-u>` and `<C-w>`.\n",
    ));
    out.push_str(concat!(
        "\n## Editor\n\nThe editor is modal like vim; its keys per mode are below. Ex commands: `:w`,\n",
        "`:w FILE`, `:e FILE`, `:q`, `:wq`, `:run`, `:submit`, `:hint`, `:reset`, `:history [N]`, `:set`.\n\n",
        "Options for `:set`: `number`, `relativenumber`, `ignorecase`, `smartcase`, `hlsearch`, `wrapscan`,\n",
        "`autoindent`, `paste` (typed text keeps its own indent), `scrolloff=N`, `shiftwidth=N`, and\n",
        "`clipboard=unnamedplus` (every yank also goes to the system clipboard; `[ui] clipboard` in the config).\n\n",
        "Paste from the terminal or tmux arrives whole: one undo step, without auto-indent. `\"+y` and `\"*y`\n",
        "send the yank to the system clipboard with OSC 52 (terminals, SSH, tmux with `set-clipboard on`);\n",
        "`\"+p` reads it with `wl-paste`, `xclip`, `xsel`, `pbpaste` or tmux where present.\n\n",
        "Where it differs from Vim: block columns count characters (a tab is one, Vim counts screen cells); `:g` with no\n",
        "command does nothing (Vim prints the lines); search offsets do not chain (`/foo/;/bar`); there is no `:m` or `:t`;\n",
        "`r<CR>` in visual mode is refused (Vim writes carriage returns into the line, which Python reads as breaks).\n",
    ));
    out.push_str(&super::editor::keymap::markdown());
    out
}

/// Parses vim-style notation (`q`, `?`, `<Enter>`, `<F5>`, `<C-w>w`, `<A-x>`, `<S-Tab>`, `<Space>`) with the
/// editor's parser, so that the whole app reads one notation the same way; then keeps to the keys the app
/// can be sent: function keys F1 to F12.
pub fn parse_keys(s: &str) -> Result<Vec<KeyEvent>, String> {
    let keys = super::editor::parse_keys(s).map_err(|e| e.reason)?;
    if keys.is_empty() {
        return Err("empty key".into());
    }
    let beyond = keys.iter().find_map(|k| match k.code {
        KeyCode::F(n) if !(1..=12).contains(&n) => Some(n),
        _ => None,
    });
    match beyond {
        Some(n) => Err(format!("F{n} is not a function key (F1 to F12)")),
        None => Ok(keys),
    }
}

/// The inverse of [`parse_keys`], for display.
pub fn format_keys(keys: &[KeyEvent]) -> String {
    keys.iter().map(format_key).collect()
}

fn format_key(k: &KeyEvent) -> String {
    let mut prefix = String::new();
    if k.modifiers.contains(KeyModifiers::CONTROL) {
        prefix.push_str("C-");
    }
    if k.modifiers.contains(KeyModifiers::ALT) {
        prefix.push_str("A-");
    }
    let name = match k.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) if prefix.is_empty() => return c.to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "S-Tab".into(),
        KeyCode::Backspace => "BS".into(),
        KeyCode::Up => "Up".into(),
        KeyCode::Down => "Down".into(),
        KeyCode::Left => "Left".into(),
        KeyCode::Right => "Right".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::PageUp => "PageUp".into(),
        KeyCode::PageDown => "PageDown".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    format!("<{prefix}{name}>")
}

/// Normalises a key event from the terminal for lookups, as the editor does (one rule for the app): the
/// character carries the shift, so SHIFT is dropped from characters.
pub use super::editor::normalize;

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<KeyEvent> {
        parse_keys(s).unwrap()
    }

    #[test]
    fn notation_round_trips() {
        for s in ["q", "?", "<Enter>", "<F5>", "<C-w>w", "<C-w><C-w>", "<S-Tab>", "G", "<PageDown>", "<A-x>"] {
            let parsed = keys(s);
            let shown = format_keys(&parsed);
            assert_eq!(parse_keys(&shown).unwrap(), parsed, "{s} -> {shown}");
        }
        assert!(parse_keys("<F13>").is_err());
        assert!(parse_keys("<Hyper-x>").is_err());
    }

    #[test]
    fn multi_key_bindings_are_pending_then_matched() {
        let km = Keymap::default();
        let ctx = [Context::Workspace, Context::Global];
        assert_eq!(km.lookup(&keys("<C-w>"), &ctx, true), Lookup::Pending);
        assert_eq!(km.lookup(&keys("<C-w>w"), &ctx, true), Lookup::Matched(Action::FocusNext));
        assert_eq!(km.lookup(&keys("<C-w>x"), &ctx, true), Lookup::NotFound);
        assert_eq!(km.lookup(&keys("x"), &ctx, true), Lookup::NotFound, "plain keys go to the editor");
        assert_eq!(km.lookup(&keys("q"), &ctx, true), Lookup::NotFound, "q is the editor's while it has focus");
        assert_eq!(
            km.lookup(&keys("<F1>"), &ctx, true),
            Lookup::Matched(Action::Help),
            "F1 reaches help from the editor"
        );
        assert_eq!(km.lookup(&keys("j"), &[Context::List], false), Lookup::Matched(Action::Down));
    }

    #[test]
    fn overrides_replace_defaults_and_bad_ones_name_the_key() {
        let mut o = BTreeMap::new();
        o.insert("run".to_string(), vec!["<F9>".to_string()]);
        let km = Keymap::with_overrides(&o).unwrap();
        assert_eq!(km.lookup(&keys("<F9>"), &[Context::Workspace], true), Lookup::Matched(Action::Run));
        assert_eq!(km.lookup(&keys("<F5>"), &[Context::Workspace], true), Lookup::NotFound);
        o.insert("run".to_string(), vec!["<F99>".to_string()]);
        assert_eq!(
            Keymap::with_overrides(&o).unwrap_err().to_string(),
            "[keys] run: cannot read the key `<F99>`: F99 is not a function key (F1 to F12)"
        );
        let mut o = BTreeMap::new();
        o.insert("launch".to_string(), vec!["x".to_string()]);
        assert_eq!(Keymap::with_overrides(&o).unwrap_err(), KeymapError::UnknownAction("launch".into()));
    }

    #[test]
    fn keys_doc_is_generated_from_the_table() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/KEYS.md");
        let want = markdown();
        if std::env::var_os("CODIFY_REGENERATE_DOCS").is_some() {
            std::fs::write(&path, &want).unwrap();
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(have == want, "docs/KEYS.md is out of date: run `CODIFY_REGENERATE_DOCS=1 cargo test keys_doc`");
    }

    #[test]
    fn workspace_bindings_leave_vim_keys_alone() {
        // The workspace table is consulted before the editor, so it must not take keys vim uses.
        for b in TABLE {
            if !b.contexts.contains(&Context::Workspace) || b.action == Action::Cancel {
                continue;
            }
            for k in b.keys {
                let first = keys(k)[0];
                let ok = matches!(first.code, KeyCode::F(_))
                    || (first.code == KeyCode::Char('w') && first.modifiers == KeyModifiers::CONTROL);
                assert!(ok, "{k} for {:?} would shadow an editor key", b.action);
            }
        }
    }

    #[test]
    fn no_key_is_bound_twice_on_one_screen() {
        // What each screen consults together (as `App::contexts` does): a key bound twice there would
        // silently shadow one of its actions.
        let screens: [&[Context]; 7] = [
            &[Context::List, Context::Global],
            &[Context::Workspace, Context::Global],
            &[Context::Workspace, Context::Pane, Context::Global],
            &[Context::Dashboard, Context::Global],
            &[Context::Plan, Context::Global],
            &[Context::Help],
            &[Context::Form],
        ];
        for ctxs in screens {
            let mut seen: BTreeMap<String, Action> = BTreeMap::new();
            for b in TABLE.iter().filter(|b| b.contexts.iter().any(|c| ctxs.contains(c))) {
                for k in b.keys {
                    let k = format_keys(&keys(k));
                    if let Some(other) = seen.insert(k.clone(), b.action) {
                        panic!("{k} is bound to both {other:?} and {:?} in {ctxs:?}", b.action);
                    }
                }
            }
        }
    }

    #[test]
    fn every_screen_has_its_keys_in_the_table() {
        for (ctx, _) in Context::ALL {
            assert!(TABLE.iter().any(|b| b.contexts.contains(&ctx)), "{ctx:?} has no keys");
        }
        let km = Keymap::default();
        assert_eq!(
            km.lookup(&keys("r"), &[Context::Dashboard, Context::Global], false),
            Lookup::Matched(Action::Reload)
        );
        assert_eq!(km.lookup(&keys("r"), &[Context::Plan, Context::Global], false), Lookup::Matched(Action::NewPlan));
        assert_eq!(km.lookup(&keys("<C-s>"), &[Context::Form], true), Lookup::Matched(Action::Save));
        assert_eq!(km.lookup(&keys("q"), &[Context::Form], true), Lookup::NotFound, "q types in the form");
        assert_eq!(
            km.hints(&[
                (&[Action::FieldDown, Action::Up], "move"),
                (&[Action::Open], "open"),
                (&[Action::Save], "save")
            ]),
            "↓/k move · Enter open · Ctrl-s save"
        );
    }
}
