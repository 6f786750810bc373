//! `codify vote / comment / comments / sync / login / serve`: community votes and comments (issue 7).
//! Votes and comments are recorded in the local database at once, work offline, and wait in an outbox
//! until `codify sync` (or the TUI's background sync) delivers them.

use std::io::Write;
use std::net::SocketAddr;
use std::process::ExitCode;

use clap::Subcommand;
use serde_json::json;
use uuid::Uuid;

use super::output::{print_json, Style};
use super::{Ctx, Failure};
use crate::fmt::terminal_safe;
use crate::store::{DeleteOutcome, LocalComment, Store};
use crate::sync::server::{self, DbTarget, Limits, PgStorage, ServerOptions, SqliteStorage, Storage, StorageError};
use crate::sync::wire::{self, Tag, Vote};
use crate::sync::{client, Signal, SyncError};

#[derive(Subcommand, Debug)]
pub enum CommunityCommand {
    /// Vote on a problem (up, down or clear); shared with `codify sync`.
    Vote {
        /// The problem, e.g. two-sum (`codify problems` lists them).
        slug: String,
        /// up, down, or clear to take your vote back; e.g. `codify vote two-sum up`.
        #[arg(value_parser = ["up", "down", "clear"])]
        vote: String,
        /// Print JSON instead of text (one document, for scripts).
        #[arg(long)]
        json: bool,
    },
    /// Comment on a problem, optionally tagged; shared with `codify sync`.
    Comment {
        /// The problem, e.g. two-sum (`codify problems` lists them).
        slug: String,
        /// The comment, quoted: e.g. `codify comment two-sum "One pass with a hash map." --tag good_intro`.
        text: String,
        /// Tag the comment: too_hard, good_intro or pattern_practice.
        #[arg(long, value_parser = ["too_hard", "good_intro", "pattern_practice"])]
        tag: Option<String>,
        /// Print JSON instead of text (one document, for scripts).
        #[arg(long)]
        json: bool,
    },
    /// A problem's community counts and comments; `--delete ID` removes one of yours.
    Comments {
        /// The problem, e.g. two-sum (`codify problems` lists them).
        slug: String,
        /// Print JSON instead of text (one document, for scripts).
        #[arg(long)]
        json: bool,
        /// Delete your comment with this id (as listed, or the full id).
        #[arg(long, value_name = "ID")]
        delete: Option<String>,
    },
    /// Send your votes and comments to the community server and fetch everyone's.
    Sync {
        /// Print JSON instead of text (one document, for scripts).
        #[arg(long)]
        json: bool,
    },
    /// Register on a community server, or sign in again; the token is kept in the local database.
    Login {
        /// The server, e.g. http://127.0.0.1:8787
        url: String,
        /// Your name there (default: your login name).
        #[arg(long)]
        name: Option<String>,
    },
    /// Sign out: revoke this machine's token on the server and forget it here.
    Logout {
        /// Forget the token here without asking the server (it stays valid there).
        #[arg(long)]
        local: bool,
    },
    /// Problems by recent community activity (votes, comments, solves), as of the last `codify sync`.
    Trending {
        /// Print JSON instead of text (one document, for scripts).
        #[arg(long)]
        json: bool,
        /// How many to show.
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Study groups: create, invite, join, show the week, leave; what you share (`codify group share`).
    Group {
        #[command(subcommand)]
        action: Option<super::group::GroupAction>,
    },
    /// Run a community server that others sync with.
    Serve {
        /// Address to listen on, HOST:PORT; e.g. 0.0.0.0:8787 for every interface (port 0: any free one).
        #[arg(long, default_value = "127.0.0.1:8787")]
        addr: String,
        /// postgres://user:password@host/db, or a SQLite file (default: community-server.db in the home).
        #[arg(long, value_name = "URL")]
        db: Option<String>,
        /// Turn off the per-address and per-token rate limits (load tests on loopback).
        #[arg(long)]
        no_rate_limit: bool,
    },
}

pub fn run(ctx: &Ctx, command: CommunityCommand) -> Result<ExitCode, Failure> {
    match command {
        CommunityCommand::Vote { slug, vote, json } => vote_cmd(ctx, &slug, &vote, json),
        CommunityCommand::Comment { slug, text, tag, json } => comment_cmd(ctx, &slug, &text, tag.as_deref(), json),
        CommunityCommand::Comments { slug, json, delete: Some(id) } => delete_cmd(ctx, &slug, &id, json),
        CommunityCommand::Comments { slug, json, delete: None } => comments_cmd(ctx, &slug, json),
        CommunityCommand::Sync { json } => sync_cmd(ctx, json),
        CommunityCommand::Login { url, name } => login_cmd(ctx, &url, name.as_deref()),
        CommunityCommand::Logout { local } => logout_cmd(ctx, local),
        CommunityCommand::Serve { addr, db, no_rate_limit } => serve_cmd(ctx, &addr, db.as_deref(), no_rate_limit),
        CommunityCommand::Trending { json, limit } => super::group::trending(ctx, json, limit),
        CommunityCommand::Group { action } => super::group::run(ctx, action),
    }
}

/// The slug must name a problem of the bank (bundled or from `problem_dirs`).
fn known_slug(ctx: &Ctx, slug: &str) -> Result<(), Failure> {
    if wire::validate_slug(slug).is_ok() && crate::problems::load_one(slug, &ctx.config.problem_dirs).is_some() {
        return Ok(());
    }
    super::find(&ctx.bank(), slug).map(|_| ())
}

fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure(format!("cannot start the network runtime: {e}")))
}

fn sync_failure(e: SyncError, store: &Store) -> Failure {
    let queued = store.outbox_len().unwrap_or(0);
    let keep = match queued {
        0 => String::new(),
        1 => "; 1 change stays queued for the next `codify sync`".to_string(),
        n => format!("; {n} changes stay queued for the next `codify sync`"),
    };
    let hint = match &e {
        SyncError::Refused { status: 409, .. } => "; choose another name with --name NAME",
        _ => "",
    };
    Failure(format!("{e}{hint}{keep}"))
}

fn queued_note(store: &Store) -> Result<String, Failure> {
    let queued = store.outbox_len()?;
    Ok(match store.account()? {
        None => "saved on this machine; `codify login URL` then `codify sync` to share it".to_string(),
        Some(a) => format!("{queued} change(s) to send to {}; run `codify sync`", a.server),
    })
}

fn counts(s: &Signal) -> String {
    let mut line =
        format!("▲ {}  ▼ {}  · {} comment{}", s.up, s.down, s.comments, if s.comments == 1 { "" } else { "s" });
    let tags: Vec<String> =
        Tag::ALL.iter().filter(|t| s.tags.get(**t) > 0).map(|t| format!("{} {}", t.as_str(), s.tags.get(*t))).collect();
    if !tags.is_empty() {
        line.push_str(&format!(" · {}", tags.join(", ")));
    }
    line
}

fn vote_cmd(ctx: &Ctx, slug: &str, vote: &str, json_out: bool) -> Result<ExitCode, Failure> {
    known_slug(ctx, slug)?;
    let vote = Vote::parse(vote).ok_or_else(|| Failure(format!("`{vote}` is not a vote; use up, down or clear")))?;
    let store = ctx.store()?;
    let event = store.record_vote(slug, vote)?;
    let signal = store.community_view(slug)?;
    if json_out {
        print_json(
            &json!({"slug": slug, "vote": vote, "event": event.id, "signal": signal, "queued": store.outbox_len()?}),
        )?;
    } else {
        let what = match vote {
            Vote::Clear => format!("Cleared your vote on {slug}"),
            v => format!("Voted {} on {slug}", v.as_str()),
        };
        println!("{what}: {}", counts(&signal));
        println!("{}", Style::detect().dim(&queued_note(&store)?));
    }
    Ok(ExitCode::SUCCESS)
}

fn comment_cmd(ctx: &Ctx, slug: &str, text: &str, tag: Option<&str>, json_out: bool) -> Result<ExitCode, Failure> {
    known_slug(ctx, slug)?;
    wire::validate_comment(text).map_err(|e| Failure(e.to_string()))?;
    let tag = match tag {
        Some(t) => Some(Tag::parse(t).ok_or_else(|| Failure(format!("`{t}` is not a tag")))?),
        None => None,
    };
    let store = ctx.store()?;
    let event = store.record_comment(slug, text, tag)?;
    if json_out {
        let signal = store.community_view(slug)?;
        print_json(&json!({"slug": slug, "id": event.id, "signal": signal, "queued": store.outbox_len()?}))?;
    } else {
        println!("Comment {} saved on {slug}.", short_id(&event.id));
        println!("{}", Style::detect().dim(&queued_note(&store)?));
    }
    Ok(ExitCode::SUCCESS)
}

/// The last 8 hex digits: the random part of a v7 UUID, so distinct even for comments made together.
fn short_id(id: &Uuid) -> String {
    let s = id.simple().to_string();
    s[s.len() - 8..].to_string()
}

pub(super) fn ago(at: i64) -> String {
    crate::fmt::ago(at, crate::clock::now_ms())
}

fn comments_cmd(ctx: &Ctx, slug: &str, json_out: bool) -> Result<ExitCode, Failure> {
    known_slug(ctx, slug)?;
    let store = ctx.store()?;
    let signal = store.community_view(slug)?;
    let comments = store.comments_for(slug)?;
    if json_out {
        print_json(&json!({"slug": slug, "signal": signal, "comments": comments}))?;
        return Ok(ExitCode::SUCCESS);
    }
    let s = Style::detect();
    let mine = match signal.my_vote {
        Vote::Clear => String::new(),
        v => format!("  (your vote: {})", v.as_str()),
    };
    println!("{}  {}{}", s.bold(slug), counts(&signal), s.dim(&mine));
    if comments.is_empty() {
        println!("{}", s.dim("No comments yet. Add one: codify comment SLUG \"text\" [--tag good_intro]"));
    }
    for c in &comments {
        print_comment(&s, c);
    }
    Ok(ExitCode::SUCCESS)
}

fn print_comment(s: &Style, c: &LocalComment) {
    let author = match (&c.author, c.mine) {
        (_, true) => "you".to_string(),
        (Some(a), false) => a.clone(),
        (None, false) => "?".to_string(),
    };
    let mut meta = vec![ago(c.at), short_id(&c.id)];
    if let Some(t) = c.tag {
        meta.insert(1, t.as_str().to_string());
    }
    if c.pending {
        meta.push("not synced yet".to_string());
    }
    // Another person's text: shown, never obeyed by the terminal (`--json` keeps it exact).
    println!("\n  {}  {}", s.bold(&terminal_safe(&author)), s.dim(&meta.join(" · ")));
    for line in c.text.lines() {
        println!("    {}", terminal_safe(line));
    }
}

fn delete_cmd(ctx: &Ctx, slug: &str, id: &str, json_out: bool) -> Result<ExitCode, Failure> {
    known_slug(ctx, slug)?;
    let store = ctx.store()?;
    let wanted = id.trim().to_ascii_lowercase().replace('-', "");
    let matches: Vec<LocalComment> = store
        .comments_for(slug)?
        .into_iter()
        .filter(|c| wanted.len() >= 6 && c.id.simple().to_string().ends_with(&wanted))
        .collect();
    let comment = match matches.as_slice() {
        [one] => one,
        [] => return Err(Failure(format!("no comment `{id}` on {slug}; `codify comments {slug}` lists them"))),
        _ => return Err(Failure(format!("`{id}` matches several comments on {slug}; give the full id"))),
    };
    match store.record_comment_deletion(comment.id)? {
        DeleteOutcome::Queued(event) if json_out => {
            print_json(&json!({"slug": slug, "deleted": comment.id, "event": event.id}))?;
        }
        DeleteOutcome::Queued(_) => {
            println!("Deleted comment {} on {slug}.", short_id(&comment.id));
            println!("{}", Style::detect().dim(&queued_note(&store)?));
        }
        DeleteOutcome::NotYours => {
            return Err(Failure(format!("comment `{id}` is someone else's; you can delete only yours")))
        }
        DeleteOutcome::NotFound => return Err(Failure(format!("no comment `{id}` on {slug}"))),
    }
    Ok(ExitCode::SUCCESS)
}

fn sync_cmd(ctx: &Ctx, json_out: bool) -> Result<ExitCode, Failure> {
    let mut store = ctx.store()?;
    let result = runtime()?.block_on(client::sync_once(&mut store));
    let report = result.map_err(|e| sync_failure(e, &store))?;
    if json_out {
        print_json(&report)?;
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "Synced with {}: sent {} change(s) ({} new, {} already there), pulled {} comment(s) and the counts of {} problem(s).",
        report.server, report.pushed, report.applied, report.duplicates, report.comments_pulled, report.aggregates_pulled
    );
    for (id, why) in &report.rejected {
        println!("  dropped change {}: {}", short_id(id), terminal_safe(why));
    }
    for (id, why) in &report.deferred {
        println!("  kept change {} for the next sync: the server failed on it ({})", short_id(id), terminal_safe(why));
    }
    Ok(ExitCode::SUCCESS)
}

fn logout_cmd(ctx: &Ctx, local: bool) -> Result<ExitCode, Failure> {
    let mut store = ctx.store()?;
    let outcome = runtime()?.block_on(client::logout(&mut store, local)).map_err(|e| match e {
        e if e.is_offline() => Failure(format!("{e}; the token stays valid there: try again when online, or `codify logout --local` to forget it here anyway")),
        e => sync_failure(e, &store),
    })?;
    match outcome {
        client::Logout::Revoked { server } => {
            println!("Signed out of {server}: the token is revoked there and forgotten here.")
        }
        client::Logout::ForgottenHere { server } => {
            println!("Forgot the token for {server} here; the server still accepts it until it is revoked there.")
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn login_cmd(ctx: &Ctx, url: &str, name: Option<&str>) -> Result<ExitCode, Failure> {
    if let Some(n) = name {
        wire::validate_name(n).map_err(|e| Failure(e.to_string()))?;
    }
    let mut store = ctx.store()?;
    let outcome = runtime()?.block_on(client::login(&mut store, url, name)).map_err(|e| sync_failure(e, &store))?;
    let account = store.account()?.ok_or_else(|| Failure("the account was not stored".into()))?;
    match outcome {
        client::Login::Registered { user } => println!(
            "Registered as {user} on {}; token {} kept in {}.",
            account.server,
            account.token_hint(),
            ctx.paths.db_file.display()
        ),
        client::Login::SignedIn { user } => {
            println!("Signed in to {} as {user} (token {}).", account.server, account.token_hint())
        }
    }
    println!("{}", Style::detect().dim("Run `codify sync` to send your votes and comments and fetch everyone's."));
    Ok(ExitCode::SUCCESS)
}

fn serve_cmd(ctx: &Ctx, addr: &str, db: Option<&str>, no_rate_limit: bool) -> Result<ExitCode, Failure> {
    let addr: SocketAddr =
        addr.parse().map_err(|_| Failure(format!("`{addr}` is not an address; use HOST:PORT, e.g. 127.0.0.1:8787")))?;
    let target = match db {
        Some(url) => DbTarget::parse(url),
        None => DbTarget::Sqlite(SqliteStorage::default_path(&ctx.paths.db_file)),
    };
    let limits = if no_rate_limit { Limits::unlimited() } else { Limits::default() };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure(format!("cannot start the server runtime: {e}")))?;
    rt.block_on(async {
        let listener =
            tokio::net::TcpListener::bind(addr).await.map_err(|e| Failure(format!("cannot listen on {addr}: {e}")))?;
        let options = ServerOptions { limits, ..ServerOptions::default() };
        match &target {
            DbTarget::Sqlite(path) => serve_with(listener, SqliteStorage::open(path), &target, options).await,
            DbTarget::Postgres(url) => serve_with(listener, PgStorage::connect(url).await, &target, options).await,
        }
    })?;
    eprintln!("codify serve: stopped");
    Ok(ExitCode::SUCCESS)
}

/// Announces the bound address once the storage is open (tests read that line), then serves.
async fn serve_with<St: Storage>(
    listener: tokio::net::TcpListener,
    storage: Result<St, StorageError>,
    target: &DbTarget,
    options: ServerOptions,
) -> Result<(), Failure> {
    let storage = storage.map_err(|e| Failure(e.to_string()))?;
    let bound = listener.local_addr().map_err(|e| Failure(format!("cannot listen: {e}")))?;
    println!("codify serve: listening on http://{bound} ({}); Ctrl-C stops", target.describe());
    let _ = std::io::stdout().flush();
    server::serve(listener, storage, options, shutdown_signal())
        .await
        .map_err(|e| Failure(format!("the server stopped: {e}")))
}

/// Completes on Ctrl-C or SIGTERM.
async fn shutdown_signal() {
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = term => {}
    }
}
