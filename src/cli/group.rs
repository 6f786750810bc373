//! `codify group ...`: study groups on the community server (issue 18), and `codify trending`.
//!
//! Groups live on the server, so these commands need it; `group show` falls back to the last view fetched
//! when the server cannot be reached. Sharing is per account and off until the learner creates or joins a
//! group (which turns on the default: solves, reviews and milestones) or runs `codify group share`.

use std::process::ExitCode;

use clap::Subcommand;
use serde_json::json;

use super::output::{print_json, Style};
use super::{Ctx, Failure};
use crate::fmt::terminal_safe;
use crate::store::{Share, Store};
use crate::sync::wire::{self, GroupInfo, GroupView};
use crate::sync::{client, Client, SyncError};

#[derive(Subcommand, Debug)]
pub enum GroupAction {
    /// Your groups and what you share with them (the default).
    List {
        /// Print JSON instead of text (one document, for scripts).
        #[arg(long)]
        json: bool,
    },
    /// Create a group (you become its first member) and start sharing with it.
    Create {
        /// Its name, e.g. "evening study" (at most 40 characters).
        name: String,
    },
    /// A one-time invite code for a group, valid for 7 days.
    Invite {
        /// The group: its number or name (default: your only group).
        group: Option<String>,
    },
    /// Join a group with an invite code a member gave you, and start sharing with it.
    Join {
        /// The code, e.g. k7m2x9qp4r.
        code: String,
    },
    /// A group's weekly table and recent activity (sends your queued activity first).
    Show {
        /// The group: its number or name (default: your only group).
        group: Option<String>,
        /// Print JSON instead of text (one document, for scripts).
        #[arg(long)]
        json: bool,
    },
    /// Leave a group; you disappear from its views at once.
    Leave {
        /// The group: its number or name.
        group: String,
    },
    /// Remove a group you created, with its members and invites, from the server.
    Remove {
        /// The group: its number or name.
        group: String,
    },
    /// Show or choose what you share with your groups: `solves,reviews,milestones`, or `off`.
    Share {
        /// Comma-separated kinds (solves, reviews, milestones), or `off`; none: show the current choice.
        kinds: Option<String>,
        /// With `off`: also delete everything you shared from the server.
        #[arg(long)]
        forget: bool,
    },
}

fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure(format!("cannot start the network runtime: {e}")))
}

/// A server error as one line, with what to do for the usual ones.
fn failure(e: SyncError) -> Failure {
    match e {
        SyncError::NotSignedIn => Failure(
            "study groups live on a community server: sign in first with `codify login URL` (e.g. one a member runs with `codify serve`)".into(),
        ),
        SyncError::Refused { code, message, .. } if code == "not_found" || code == "invite_invalid" => {
            Failure(terminal_safe(&message).into_owned())
        }
        e => Failure(terminal_safe(&e.to_string()).into_owned()),
    }
}

fn share_words(kinds: &[Share]) -> String {
    if kinds.is_empty() {
        return "nothing".into();
    }
    kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", ")
}

/// Turns on the default sharing when the account shares nothing yet; the sentence to print.
fn start_sharing(store: &Store) -> Result<String, Failure> {
    if store.share_by_default()? {
        return Ok(format!(
            "You now share your {} with your groups (never your code); `codify group share` changes that.",
            share_words(&Share::ALL)
        ));
    }
    Ok(format!("You share your {} with your groups.", share_words(&store.sharing()?)))
}

/// The group `wanted` names among `groups`: its number, or its name without case; without one, the only
/// group.
fn pick<'a>(groups: &'a [GroupInfo], wanted: Option<&str>) -> Result<&'a GroupInfo, Failure> {
    let Some(w) = wanted.map(str::trim) else {
        return match groups {
            [one] => Ok(one),
            [] => Err(Failure("you are in no group; `codify group create NAME` or `codify group join CODE`".into())),
            _ => Err(Failure(format!("you are in {} groups; name one (`codify group list` shows them)", groups.len()))),
        };
    };
    let by_id = w.parse::<i64>().ok().and_then(|id| groups.iter().find(|g| g.id == id));
    let by_name: Vec<&GroupInfo> = groups.iter().filter(|g| g.name.eq_ignore_ascii_case(w)).collect();
    match (by_id, by_name.as_slice()) {
        (Some(g), _) => Ok(g),
        (None, [g]) => Ok(*g),
        (None, []) => {
            Err(Failure(format!("you are in no group `{}`; `codify group list` shows yours", terminal_safe(w))))
        }
        (None, _) => Err(Failure(format!("several of your groups are called `{}`; give its number", terminal_safe(w)))),
    }
}

/// The account's client and the group `wanted` names among the learner's groups, from the server.
fn chosen(rt: &tokio::runtime::Runtime, store: &Store, wanted: Option<&str>) -> Result<(Client, GroupInfo), Failure> {
    let c = client::account_client(store).map_err(failure)?;
    let groups = rt.block_on(c.groups()).map_err(failure)?;
    let g = pick(&groups, wanted)?.clone();
    Ok((c, g))
}

pub fn run(ctx: &Ctx, action: Option<GroupAction>) -> Result<ExitCode, Failure> {
    let mut store = ctx.store()?;
    let rt = runtime()?;
    match action.unwrap_or(GroupAction::List { json: false }) {
        GroupAction::List { json } => {
            let c = client::account_client(&store).map_err(failure)?;
            let groups = rt.block_on(c.groups()).map_err(failure)?;
            let sharing = store.sharing()?;
            if json {
                print_json(&json!({"groups": groups, "sharing": sharing}))?;
                return Ok(ExitCode::SUCCESS);
            }
            let s = Style::detect();
            if groups.is_empty() {
                println!("You are in no group. `codify group create NAME`, or `codify group join CODE` with a member's code.");
            }
            for g in &groups {
                let owner = if g.owner { " · yours" } else { "" };
                let members = if g.members == 1 { "1 member".to_string() } else { format!("{} members", g.members) };
                println!("{:>4}  {}  {}", g.id, s.bold(&terminal_safe(&g.name)), s.dim(&format!("{members}{owner}")));
            }
            println!("{}", s.dim(&format!("You share: {}.", share_words(&sharing))));
        }
        GroupAction::Create { name } => {
            wire::validate_label(&name, wire::MAX_GROUP_NAME_CHARS).map_err(|e| Failure(e.to_string()))?;
            let c = client::account_client(&store).map_err(failure)?;
            let g = rt.block_on(c.create_group(&name)).map_err(failure)?;
            println!("Created group {} `{}`.", g.id, terminal_safe(&g.name));
            println!("{}", start_sharing(&store)?);
            println!("{}", Style::detect().dim(&format!("Invite others: codify group invite {}", g.id)));
        }
        GroupAction::Invite { group } => {
            let (c, g) = chosen(&rt, &store, group.as_deref())?;
            let invite = rt.block_on(c.invite(g.id)).map_err(failure)?;
            println!("Invite code for `{}`: {}", terminal_safe(&g.name), invite.code);
            println!(
                "{}",
                Style::detect()
                    .dim(&format!("One person can use it, within 7 days: codify group join {}", invite.code))
            );
        }
        GroupAction::Join { code } => {
            let code = wire::normalize_invite_code(&code).map_err(|e| Failure(e.to_string()))?;
            let c = client::account_client(&store).map_err(failure)?;
            let g = rt.block_on(c.join(&code)).map_err(failure)?;
            println!("Joined group {} `{}` ({} members).", g.id, terminal_safe(&g.name), g.members);
            println!("{}", start_sharing(&store)?);
        }
        GroupAction::Show { group, json } => show(&rt, &mut store, group.as_deref(), json)?,
        GroupAction::Leave { group } => {
            let (c, g) = chosen(&rt, &store, Some(&group))?;
            rt.block_on(c.leave(g.id)).map_err(failure)?;
            store.forget_group_view(g.id)?;
            let last = if g.members == 1 { "; you were its last member, so it is gone" } else { "" };
            println!("Left group {} `{}`{last}.", g.id, terminal_safe(&g.name));
        }
        GroupAction::Remove { group } => {
            let (c, g) = chosen(&rt, &store, Some(&group))?;
            rt.block_on(c.remove_group(g.id)).map_err(failure)?;
            store.forget_group_view(g.id)?;
            println!(
                "Removed group {} `{}` and its members and invites from the server.",
                g.id,
                terminal_safe(&g.name)
            );
        }
        GroupAction::Share { kinds, forget } => share(&rt, &store, kinds.as_deref(), forget)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn share(rt: &tokio::runtime::Runtime, store: &Store, kinds: Option<&str>, forget: bool) -> Result<(), Failure> {
    let Some(kinds) = kinds.map(str::trim) else {
        if forget {
            return Err(Failure("`--forget` goes with `off`: codify group share off --forget".into()));
        }
        println!("You share: {}.", share_words(&store.sharing()?));
        return Ok(());
    };
    let chosen: Vec<Share> = match kinds {
        "off" | "none" => Vec::new(),
        list => list
            .split(',')
            .map(|k| {
                Share::parse(k).ok_or_else(|| {
                    Failure(format!("`{}` is not something to share; use solves, reviews, milestones or off", k.trim()))
                })
            })
            .collect::<Result<_, _>>()?,
    };
    if forget && !chosen.is_empty() {
        return Err(Failure("`--forget` goes with `off`: codify group share off --forget".into()));
    }
    if !store.set_sharing(&chosen)? {
        return Err(failure(SyncError::NotSignedIn));
    }
    println!("You share: {}.", share_words(&chosen));
    if forget {
        let c = client::account_client(store).map_err(failure)?;
        let n = rt.block_on(c.forget_activity()).map_err(failure)?;
        println!("Deleted the {n} item(s) you had shared from the server.");
    }
    Ok(())
}

fn show(rt: &tokio::runtime::Runtime, store: &mut Store, wanted: Option<&str>, json_out: bool) -> Result<(), Failure> {
    let fetched = rt.block_on(client::groups_and_view(store, |gs| pick(gs, wanted).ok().map(|g| g.id)));
    let view = match fetched {
        Ok((_, Some(view))) => (view, None),
        // No view: `pick` says why (no group, several, no such one).
        Ok((groups, None)) => {
            return Err(pick(&groups, wanted).err().unwrap_or_else(|| failure(SyncError::NotSignedIn)))
        }
        Err(e) if e.is_offline() => {
            let id = wanted.and_then(|w| w.trim().parse::<i64>().ok());
            let cached = match id {
                Some(id) => store.cached_group_view(id)?,
                None => None,
            };
            match cached {
                Some((view, at)) => (view, Some(at)),
                None => return Err(failure(e)),
            }
        }
        Err(e) => return Err(failure(e)),
    };
    let (view, stale) = view;
    if json_out {
        print_json(&json!({"group": view, "fetched_at": stale}))?;
        return Ok(());
    }
    print!("{}", render(&view, &Style::detect(), crate::clock::now_ms()));
    if let Some(at) = stale {
        println!("{}", Style::detect().dim(&format!("Offline: as fetched {}.", super::community::ago(at))));
    }
    Ok(())
}

/// A group's view as text: the weekly table, then recent activity. Every name and title is someone else's
/// text, shown through [`terminal_safe`].
pub fn render(view: &GroupView, s: &Style, now: i64) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let count = view.members.len();
    let _ = writeln!(
        out,
        "{}  {}",
        s.bold(&terminal_safe(&view.name)),
        s.dim(&format!("group {} · {count} member{}", view.id, if count == 1 { "" } else { "s" }))
    );
    let _ = writeln!(out, "\n{}", s.bold("This week (last 7 days)"));
    let (header, rows) = crate::community::week_table(&view.members);
    let _ = writeln!(out, "{header}");
    for row in rows {
        let _ = writeln!(out, "{row}");
    }
    let _ = writeln!(out, "\n{}", s.bold("Recent activity"));
    if view.activity.is_empty() {
        let _ = writeln!(out, "  {}", s.dim("Nothing shared in the last 30 days."));
    }
    for a in view.activity.iter().take(20) {
        let _ = writeln!(out, "  {}  {}", crate::community::activity_line(a), s.dim(&crate::fmt::ago(a.at, now)));
    }
    out
}

/// `codify trending`: problems by recent community activity, as last pulled (run `codify sync` to refresh).
pub fn trending(ctx: &Ctx, json_out: bool, limit: usize) -> Result<ExitCode, Failure> {
    let store = ctx.store()?;
    let scores = store.trending()?;
    let bank = ctx.bank();
    let mut rows: Vec<(&str, f64)> = scores.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    rows.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    rows.truncate(limit);
    if json_out {
        let items: Vec<_> = rows.iter().map(|(slug, score)| json!({"slug": slug, "score": score})).collect();
        print_json(&json!({"items": items, "half_life_days": wire::TRENDING_HALF_LIFE_DAYS}))?;
        return Ok(ExitCode::SUCCESS);
    }
    let s = Style::detect();
    if rows.is_empty() {
        let hint = match store.account()? {
            None => "Nothing trending here: sign in to a community server (`codify login URL`) and `codify sync`.",
            Some(_) => "Nothing trending yet; `codify sync` fetches the latest.",
        };
        println!("{hint}");
        return Ok(ExitCode::SUCCESS);
    }
    println!("{}", s.bold("Trending: recent votes, comments and solves (halved every 7 days)"));
    for (slug, score) in rows {
        let title = bank.get(slug).map_or(slug, |p| p.title.as_str());
        println!("  {score:>6.1}  {}  {}", s.bold(title), s.dim(slug));
    }
    Ok(ExitCode::SUCCESS)
}
