//! The study group screen (issue 18): one of the learner's groups as its members see it — the weekly table
//! (problems solved, reviews, milestones, streak) and what members shared recently — fetched from the
//! community server on a background thread, or the last view fetched when the server cannot be reached.
//! Every name and title is another person's text and is drawn through the terminal-safe display.

use std::path::Path;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::keymap::{Action, Keymap};
use super::theme::Theme;
use crate::community::wire::{self, GroupInfo, GroupView};
use crate::fmt::terminal_safe;
use crate::store::{Share, Store};
use crate::sync::SyncError;

/// The index [`load`] takes for the learner's newest group (the one just joined or created).
pub const NEWEST: usize = usize::MAX;

/// What the screen shows: the learner's groups, the chosen one's view, and how fresh it is.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupData {
    pub groups: Vec<GroupInfo>,
    /// Which of `groups` is shown.
    pub index: usize,
    pub view: Option<GroupView>,
    /// Set when the server could not be reached: the view is the one fetched then (Unix ms).
    pub offline_since: Option<i64>,
    pub sharing: Vec<Share>,
    /// Why there is no view, in words that say what to do (not signed in, in no group, an error).
    pub note: Option<String>,
}

/// The screen: its data, how far it is scrolled, and the line being typed for a join or a new group.
pub struct GroupScreen {
    pub data: Box<GroupData>,
    pub scroll: u16,
    pub prompt: Option<(Prompt, String)>,
}

/// What the screen's one-line prompt asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prompt {
    InviteCode,
    GroupName,
}

impl Prompt {
    pub fn label(self) -> &'static str {
        match self {
            Prompt::InviteCode => "invite code",
            Prompt::GroupName => "new group's name",
        }
    }
}

/// What the app asks of the server for the group screen (a background thread carries it out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Join with this code (already checked to be one).
    Join(String),
    /// Create a group with this name (already checked).
    Create(String),
    /// A one-time invite code for group `id`, named `name`.
    Invite { id: i64, name: String },
}

/// What an action on the group screen asks of the app.
#[derive(Debug, PartialEq, Eq)]
pub enum GroupAction {
    None,
    /// Load group `index` (again).
    Load(usize),
    Close,
    /// A prompt opened: say what to type.
    Prompting(Prompt),
    /// Nothing to invite to: the learner is in no group.
    NoGroup,
    Request(Request),
}

impl GroupScreen {
    /// An action from the screen's context; `None` when it is not the screen's.
    pub fn on_action(&mut self, action: Action) -> Option<GroupAction> {
        if let Some(to) = action.scrolled(self.scroll) {
            self.scroll = to.min(200);
            return Some(GroupAction::None);
        }
        Some(match action {
            Action::Reload => GroupAction::Load(self.data.index),
            Action::NextGroup if self.data.groups.len() > 1 => {
                self.scroll = 0;
                GroupAction::Load((self.data.index + 1) % self.data.groups.len())
            }
            Action::NextGroup => GroupAction::None,
            Action::Close => GroupAction::Close,
            Action::JoinGroup => self.open_prompt(Prompt::InviteCode),
            Action::CreateGroup => self.open_prompt(Prompt::GroupName),
            Action::InviteToGroup => match &self.data.view {
                Some(v) if self.data.offline_since.is_none() => {
                    GroupAction::Request(Request::Invite { id: v.id, name: v.name.clone() })
                }
                _ => GroupAction::NoGroup,
            },
            _ => return None,
        })
    }

    fn open_prompt(&mut self, p: Prompt) -> GroupAction {
        self.prompt = Some((p, String::new()));
        GroupAction::Prompting(p)
    }

    /// The prompt's line as typed, checked: the request it makes, or why it cannot (to say, with the prompt
    /// still open so that it can be corrected).
    pub fn submit_prompt(&mut self) -> Option<Result<Request, String>> {
        let (p, line) = self.prompt.as_ref()?;
        let checked = match p {
            Prompt::InviteCode => wire::normalize_invite_code(line).map(Request::Join),
            Prompt::GroupName => wire::validate_label(line, wire::MAX_GROUP_NAME_CHARS)
                .map(|()| Request::Create(line.trim().to_string())),
        };
        if checked.is_ok() {
            self.prompt = None;
        }
        Some(checked.map_err(|e| e.to_string()))
    }
}

/// Carries out `req` against the account's server (blocking: run it on a thread of its own); what to tell
/// the learner, or why it failed, in one line. Joining or creating turns on the default sharing.
pub fn request(db_file: &Path, req: &Request) -> Result<String, String> {
    let store = Store::open(db_file).map_err(|e| e.to_string())?;
    let client = crate::sync::client::account_client(&store).map_err(|e| match e {
        SyncError::NotSignedIn => {
            "study groups live on a community server: sign in with `codify login URL` first".into()
        }
        e => e.to_string(),
    })?;
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("no async runtime: {e}"))?;
    let safe = |e: SyncError| terminal_safe(&e.to_string()).into_owned();
    let sharing = |store: &Store| match store.share_by_default() {
        Ok(true) => " You now share your solves, reviews and milestones (never code); `codify group share` changes it.",
        _ => "",
    };
    match req {
        Request::Join(code) => {
            let g = rt.block_on(client.join(code)).map_err(safe)?;
            Ok(format!("joined `{}` ({} members).{}", terminal_safe(&g.name), g.members, sharing(&store)))
        }
        Request::Create(name) => {
            let g = rt.block_on(client.create_group(name)).map_err(safe)?;
            Ok(format!(
                "created `{}`: ask for an invite code to bring others in.{}",
                terminal_safe(&g.name),
                sharing(&store)
            ))
        }
        Request::Invite { id, name } => {
            let invite = rt.block_on(client.invite(*id)).map_err(safe)?;
            Ok(format!(
                "invite code for `{}`: {} (one person, 7 days: `codify group join {}`)",
                terminal_safe(name),
                invite.code,
                invite.code
            ))
        }
    }
}

/// Loads group `index` (wrapped) for the screen: sends what is queued first (so the view has this
/// machine's latest activity), then fetches the learner's groups and the view. Never fails: what went
/// wrong becomes the note.
pub fn load(db_file: &Path, index: usize) -> GroupData {
    let mut data = GroupData { groups: vec![], index: 0, view: None, offline_since: None, sharing: vec![], note: None };
    let mut store = match Store::open(db_file) {
        Ok(s) => s,
        Err(e) => {
            data.note = Some(e.to_string());
            return data;
        }
    };
    data.sharing = store.sharing().unwrap_or_default();
    let rt = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            data.note = Some(format!("no async runtime: {e}"));
            return data;
        }
    };
    let mut index = index;
    let fetched = rt.block_on(crate::sync::client::groups_and_view(&mut store, |groups| {
        index = if index == NEWEST { groups.len().saturating_sub(1) } else { index % groups.len().max(1) };
        groups.get(index).map(|g| g.id)
    }));
    match fetched {
        Ok((groups, view)) => {
            data.index = index;
            if groups.is_empty() {
                data.note = Some(
                    "You are in no study group yet. Create one, or join one with a code a member gives you: the keys \
                     below, or `codify group create NAME` and `codify group join CODE`."
                        .into(),
                );
            }
            data.groups = groups;
            data.view = view;
        }
        Err(SyncError::NotSignedIn) => {
            data.note = Some(
                "Study groups live on a community server. Sign in with `codify login URL` (a member can run one \
                 with `codify serve`), then create or join a group with `codify group`."
                    .into(),
            )
        }
        Err(e) if e.is_offline() => {
            let cached = store.cached_group_views().unwrap_or_default();
            data.groups = cached
                .iter()
                .map(|(v, _)| GroupInfo {
                    id: v.id,
                    name: v.name.clone(),
                    members: v.members.len() as u64,
                    owner: v.owner,
                })
                .collect();
            data.index = if index == NEWEST { cached.len().saturating_sub(1) } else { index % cached.len().max(1) };
            match cached.into_iter().nth(data.index) {
                Some((view, at)) => {
                    data.view = Some(view);
                    data.offline_since = Some(at);
                }
                None => data.note = Some(format!("{e}; no view of a group was fetched before to show instead")),
            }
        }
        Err(e) => data.note = Some(terminal_safe(&e.to_string()).into_owned()),
    }
    data
}

/// Draws the screen at `now` (Unix ms, for "2h ago").
pub fn draw(screen: &GroupScreen, theme: &Theme, keys: &Keymap, now: i64, area: Rect, buf: &mut Buffer) {
    if area.height < 2 || area.width < 20 {
        return;
    }
    let d = &screen.data;
    let mut lines: Vec<Line> = Vec::new();
    let title = match &d.view {
        Some(v) => {
            let n = v.members.len();
            let mut t = vec![
                Span::styled(terminal_safe(&v.name).into_owned(), theme.title),
                Span::styled(format!("  group {} · {n} member{}", v.id, if n == 1 { "" } else { "s" }), theme.dim),
            ];
            if d.groups.len() > 1 {
                t.push(Span::styled(format!(" · {} of {} groups", d.index + 1, d.groups.len()), theme.dim));
            }
            Line::from(t)
        }
        None => Line::from(Span::styled("Study group", theme.title)),
    };
    lines.push(title);
    if let Some(at) = d.offline_since {
        lines.push(Line::from(Span::styled(format!("Offline: as fetched {}", crate::fmt::ago(at, now)), theme.warn)));
    }
    lines.push(Line::raw(""));
    match &d.view {
        None => {
            for l in d.note.as_deref().unwrap_or("Nothing to show.").lines() {
                lines.push(Line::raw(l.to_string()));
            }
        }
        Some(v) => {
            lines.push(Line::from(Span::styled("This week (last 7 days)", theme.title)));
            let (header, rows) = crate::community::week_table(&v.members);
            lines.push(Line::from(Span::styled(header, theme.dim)));
            lines.extend(rows.into_iter().map(Line::raw));
            lines.push(Line::raw(""));
            lines.push(Line::from(Span::styled("Recent activity", theme.title)));
            if v.activity.is_empty() {
                lines.push(Line::from(Span::styled("  Nothing shared in the last 30 days.", theme.dim)));
            }
            for a in &v.activity {
                lines.push(Line::from(vec![
                    Span::raw(format!("  {}", crate::community::activity_line(a))),
                    Span::styled(format!("  {}", crate::fmt::ago(a.at, now)), theme.dim),
                ]));
            }
        }
    }
    lines.push(Line::raw(""));
    let shared = match d.sharing.as_slice() {
        [] => "You share nothing with your groups (`codify group share` to choose).".to_string(),
        kinds => format!(
            "You share your {} (never your code); `codify group share` changes that.",
            kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", ")
        ),
    };
    lines.push(Line::from(Span::styled(shared, theme.dim)));
    let hints = keys.hints(&[
        (&[Action::ScrollDown, Action::ScrollUp], "scroll"),
        (&[Action::NextGroup], "next group"),
        (&[Action::JoinGroup], "join"),
        (&[Action::CreateGroup], "create"),
        (&[Action::InviteToGroup], "invite"),
        (&[Action::Reload], "reload"),
        (&[Action::Close], "back"),
    ]);
    let body = Rect { height: area.height - 1, ..area };
    Paragraph::new(lines).wrap(Wrap { trim: false }).scroll((screen.scroll, 0)).render(body, buf);
    let foot = Rect { y: area.y + area.height - 1, height: 1, ..area };
    let footer = match &screen.prompt {
        Some((p, line)) => Line::from(vec![
            Span::styled(format!("{}: ", p.label()), theme.accent),
            Span::raw(terminal_safe(line).into_owned()),
            Span::styled("▏  Enter sends · Esc cancels", theme.dim),
        ]),
        None => Line::from(Span::styled(hints, theme.dim)),
    };
    Paragraph::new(footer).render(foot, buf);
}
