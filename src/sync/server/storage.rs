//! The server's storage interface, with two implementations: [`super::sqlite::SqliteStorage`] (an embedded
//! file, the default) and [`super::postgres::PgStorage`]. Both apply the same rules, tested by the same
//! integration tests:
//!
//! - every event id is kept (table `events`); an id seen before is a `duplicate` for its owner and an
//!   `id_conflict` rejection for anyone else, so replays change nothing;
//! - a batch is applied all or nothing (its own transaction, or its part of a group commit);
//! - votes: one row per (user, problem), the latest `at` wins (ties: the larger event id), whatever the
//!   order events arrive in;
//! - comments: a comment's id is its event's id; deleting is allowed to its author only, keeps the id
//!   with empty text, and moves the comment to a new feed position;
//! - the comment feed's `seq` comes from one counter row updated inside the writing transaction, so feed
//!   positions become visible in order and a reader that saw `seq` n never later finds a smaller one;
//! - user names are unique regardless of case: each user's `name_key` (the lowercased name) is unique,
//!   while the name keeps the spelling it was registered with;
//! - a revoked token's hash is replaced by a 33-byte value no SHA-256 can equal, so it never matches again;
//! - the daily comment cap counts a user's comment events received in the last 24 hours, inside the
//!   writing transaction, and refuses the whole batch that would pass it (replays do not count);
//! - database faults keep their kind ([`StorageError::Corrupt`], [`StorageError::DiskFull`],
//!   [`StorageError::Unavailable`]) so that the server answers 503 saying which, and `/health` reports it.

use std::future::Future;
use std::path::PathBuf;

use uuid::Uuid;

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::sync::wire::{
    Action, ActivityItem, Aggregate, Comment, Event, EventResult, EventStatus, GroupInfo, GroupView, MemberWeek,
    TrendingItem, Vote, TRENDING_HALF_LIFE_DAYS,
};

/// An authenticated user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: i64,
    pub name: String,
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum StorageError {
    #[error("the name `{0}` is taken")]
    NameTaken(String),
    #[error("cannot open the server database {target}: {message}")]
    Open { target: String, message: String },
    #[error("`--db sqlite://` names no file, so the server would run on a temporary database that vanishes when it stops; give a path, e.g. `--db sqlite:///srv/codify/community.db`")]
    NoFile,
    /// Migrated further by a newer Codify (the message says so in plain words).
    #[error("{0}")]
    TooNew(String),
    #[error("the server database is damaged: {0}")]
    Corrupt(String),
    #[error("the server's disk is full: {0}")]
    DiskFull(String),
    #[error("the server database does not answer: {0}")]
    Unavailable(String),
    #[error("at most {limit} new comments per user in 24 hours")]
    CommentCap { limit: u32, retry_after_s: u64 },
    #[error("no group {0} among yours")]
    NoGroup(i64),
    #[error("only the member who created the group can remove it; `leave` it instead")]
    NotOwner,
    #[error("that invite code is unknown, used or expired; ask a member for a new one")]
    InviteInvalid,
    /// A group limit (members, groups per user, live invites), in words.
    #[error("{0}")]
    Limit(String),
    #[error("server database error: {0}")]
    Db(String),
}

impl StorageError {
    /// The `reason` `/health` gives for this failure.
    pub fn reason(&self) -> &'static str {
        match self {
            StorageError::Corrupt(_) => "database corrupt",
            StorageError::DiskFull(_) => "disk full",
            StorageError::Unavailable(_) => "database unreachable",
            _ => "database error",
        }
    }
}

impl From<rusqlite::Error> for StorageError {
    fn from(e: rusqlite::Error) -> StorageError {
        use rusqlite::ErrorCode::{DatabaseCorrupt, DiskFull, NotADatabase};
        match e.sqlite_error_code() {
            Some(DatabaseCorrupt | NotADatabase) => StorageError::Corrupt(e.to_string()),
            Some(DiskFull) => StorageError::DiskFull(e.to_string()),
            _ => StorageError::Db(e.to_string()),
        }
    }
}

impl From<tokio_postgres::Error> for StorageError {
    fn from(e: tokio_postgres::Error) -> StorageError {
        use tokio_postgres::error::SqlState;
        let text = e.as_db_error().map_or_else(|| e.to_string(), |d| d.message().to_string());
        match e.code() {
            Some(c) if *c == SqlState::DISK_FULL => StorageError::DiskFull(text),
            // A missing table is damage too: the schema no longer matches what the migrations made.
            Some(c) if [SqlState::DATA_CORRUPTED, SqlState::INDEX_CORRUPTED, SqlState::UNDEFINED_TABLE].contains(c) => {
                StorageError::Corrupt(text)
            }
            None if e.is_closed() => StorageError::Unavailable(text),
            _ => StorageError::Db(text),
        }
    }
}

/// The unique form of a user name: names are ASCII (see [`crate::sync::wire::validate_name`]), so
/// lowercasing is the whole normalisation.
pub(crate) fn name_key(name: &str) -> String {
    name.to_ascii_lowercase()
}

/// What a revoked token's hash becomes: 33 bytes, which no SHA-256 digest equals, and still unique.
pub(crate) fn revoked_hash(token_hash: &[u8; 32]) -> Vec<u8> {
    let mut v = Vec::with_capacity(33);
    v.push(0xff);
    v.extend_from_slice(token_hash);
    v
}

pub(crate) const DAY_MS: i64 = 86_400_000;

/// A batch's new comments counted against the daily cap. The user's count of the last 24 hours is read
/// from the database once, when the batch adds its first comment (that count includes it); later ones
/// add one each.
pub(crate) struct CommentCount {
    cap: u32,
    now: i64,
    recent: Option<(i64, Option<i64>)>,
}

impl CommentCount {
    pub(crate) fn new(cap: u32, now: i64) -> CommentCount {
        CommentCount { cap, now, recent: None }
    }

    /// Whether [`CommentCount::add`] needs the database's count.
    pub(crate) fn needs_count(&self) -> bool {
        self.recent.is_none()
    }

    /// The start of the counted window (Unix ms).
    pub(crate) fn since(&self) -> i64 {
        self.now - DAY_MS
    }

    /// One more new comment; `counted`: the comment events received since [`CommentCount::since`] and
    /// the oldest one's time, read after this comment's event was recorded.
    pub(crate) fn add(&mut self, counted: Option<(i64, Option<i64>)>) -> Result<(), StorageError> {
        let (count, oldest) = match (self.recent, counted) {
            (Some((n, oldest)), _) => (n + 1, oldest),
            (None, Some(c)) => c,
            (None, None) => (1, None),
        };
        self.recent = Some((count, oldest));
        check_comment_cap(self.cap, count, oldest, self.now)
    }
}

/// Whether applying `e` gave `r`: a comment new to the server (which the daily cap counts).
pub(crate) fn is_new_comment(e: &Event, r: &EventResult) -> bool {
    matches!(e.action, crate::sync::wire::Action::Comment { .. }) && r.status == crate::sync::wire::EventStatus::Applied
}

/// Refuses a batch when the user's comments in the last 24 hours (`count`, the batch's new ones included;
/// the oldest received at `oldest`) pass `cap`.
fn check_comment_cap(cap: u32, count: i64, oldest: Option<i64>, now: i64) -> Result<(), StorageError> {
    if count <= i64::from(cap) {
        return Ok(());
    }
    let wait_ms = oldest.map_or(DAY_MS, |t| t + DAY_MS - now).clamp(1000, DAY_MS);
    Err(StorageError::CommentCap { limit: cap, retry_after_s: (wait_ms as u64).div_ceil(1000) })
}

/// The error for a database written by a newer Codify.
pub(crate) fn too_new(found: i64, known: usize) -> String {
    format!(
        "it was written by a newer version of Codify (schema version {found}; this version knows up to {known}); \
         use that version of Codify (or a newer one), or point --db at another database"
    )
}

/// Storage behind the HTTP layer. Methods return `Send` futures so handlers run on any worker.
pub trait Storage: Send + Sync + 'static {
    /// `sqlite` or `postgres`, for `/health`.
    fn backend(&self) -> &'static str;
    /// Whether the database answers and every table reads (a real read of each, not `SELECT 1`), and no
    /// fault (damage, a full disk) was met since.
    fn health(&self) -> impl Future<Output = Result<(), StorageError>> + Send;
    /// Creates a user holding the token whose SHA-256 is `token_hash`; `NameTaken` when the name is taken
    /// in any case.
    fn register(&self, name: String, token_hash: [u8; 32]) -> impl Future<Output = Result<User, StorageError>> + Send;
    fn user_by_token(&self, token_hash: [u8; 32]) -> impl Future<Output = Result<Option<User>, StorageError>> + Send;
    /// Makes the token whose SHA-256 is `token_hash` unknown from now on; whether it was known.
    fn revoke(&self, token_hash: [u8; 32]) -> impl Future<Output = Result<bool, StorageError>> + Send;
    /// Applies validated events in order, in one transaction; one result per event. With
    /// `comments_per_day`, refuses the batch (`CommentCap`) when its new comments would pass the cap.
    fn apply(
        &self,
        user: User,
        events: Vec<Event>,
        comments_per_day: Option<u32>,
    ) -> impl Future<Output = Result<Vec<EventResult>, StorageError>> + Send;
    /// Aggregates of problems with a slug after `after` (all when empty), by slug, at most `limit`.
    fn aggregates(
        &self,
        user_id: i64,
        after: String,
        limit: usize,
    ) -> impl Future<Output = Result<Vec<Aggregate>, StorageError>> + Send;
    /// The aggregate of one problem (zeros when nobody voted or commented).
    fn aggregate(&self, user_id: i64, slug: String) -> impl Future<Output = Result<Aggregate, StorageError>> + Send;
    /// Comments whose feed position is after `since`, in feed order, at most `limit`; one problem's only
    /// when `slug` is given.
    fn comments(
        &self,
        slug: Option<String>,
        since: i64,
        limit: usize,
    ) -> impl Future<Output = Result<Vec<Comment>, StorageError>> + Send;
    /// Creates a group with `user` as its owner and first member.
    fn create_group(
        &self,
        user: User,
        name: String,
        now: i64,
    ) -> impl Future<Output = Result<GroupInfo, StorageError>> + Send;
    /// Stores an invite to `group` (whose code has the SHA-256 `code_hash`), valid until `expires_at`;
    /// `NoGroup` unless `user_id` is a member.
    fn create_invite(
        &self,
        user_id: i64,
        group: i64,
        code_hash: [u8; 32],
        now: i64,
        expires_at: i64,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;
    /// Uses an invite: `user_id` joins its group and the invite is gone. `InviteInvalid` for a code that is
    /// unknown, used or expired; a member of the group keeps the code unused.
    fn join_group(
        &self,
        user_id: i64,
        code_hash: [u8; 32],
        now: i64,
    ) -> impl Future<Output = Result<GroupInfo, StorageError>> + Send;
    /// `user_id` leaves `group`; the last member to leave removes it. An owner who leaves hands the group to
    /// the member who joined first.
    fn leave_group(&self, user_id: i64, group: i64) -> impl Future<Output = Result<(), StorageError>> + Send;
    /// Removes `group` with its members and invites; only its owner may.
    fn remove_group(&self, user_id: i64, group: i64) -> impl Future<Output = Result<(), StorageError>> + Send;
    /// The groups `user_id` belongs to, oldest first.
    fn groups(&self, user_id: i64) -> impl Future<Output = Result<Vec<GroupInfo>, StorageError>> + Send;
    /// One of `user_id`'s groups with its weekly table and recent activity; `NoGroup` for anyone else.
    fn group_view(
        &self,
        user_id: i64,
        group: i64,
        now: i64,
    ) -> impl Future<Output = Result<GroupView, StorageError>> + Send;
    /// Every problem's decayed counts as stored (see [`trending_items`]).
    fn trending(&self) -> impl Future<Output = Result<Vec<TrendingRow>, StorageError>> + Send;
    /// Deletes everything `user_id` shared (solves, reviews, milestones); how many items.
    fn forget_activity(&self, user_id: i64) -> impl Future<Output = Result<u64, StorageError>> + Send;
}

/// Most groups one user belongs to, members in one group, and unused invites per group.
pub const MAX_GROUPS_PER_USER: i64 = 20;
pub const MAX_MEMBERS: i64 = 50;
pub const MAX_LIVE_INVITES: i64 = 20;
/// How long an invite works.
pub const INVITE_TTL_MS: i64 = 7 * DAY_MS;
/// Activity shown in a group's view: at most this many items of the last 30 days.
pub const RECENT_ACTIVITY: i64 = 50;
pub(crate) const RECENT_ACTIVITY_MS: i64 = 30 * DAY_MS;
/// Streaks are counted over at most this many days back.
pub(crate) const STREAK_WINDOW_MS: i64 = 366 * DAY_MS;
/// Shared activity older than this is never read (streaks look a year back): a batch that brings a user's
/// activity deletes that user's older items, so the table stays bounded.
pub const ACTIVITY_KEEP_MS: i64 = 400 * DAY_MS;

pub(crate) fn limit(message: String) -> StorageError {
    StorageError::Limit(message)
}

/// The `at` stored for shared activity: the member's clock, but never later than the server received it.
pub(crate) fn activity_at(e: &Event, received: i64) -> i64 {
    e.at.min(received)
}

/// The parts of a shared activity event as stored: (kind, slug, title).
pub(crate) fn activity_parts(a: &Action) -> Option<(&'static str, Option<&str>, Option<&str>)> {
    match a {
        Action::Solve { slug } => Some(("solve", Some(slug), None)),
        Action::Review { slug } => Some(("review", Some(slug), None)),
        Action::Milestone { title, .. } => Some(("milestone", None, Some(title.trim()))),
        _ => None,
    }
}

/// One problem's stored trending counts, decayed as of `as_of` (Unix ms, server time).
#[derive(Debug, Clone, PartialEq)]
pub struct TrendingRow {
    pub slug: String,
    pub counts: [f64; 3],
    pub as_of: i64,
}

pub(crate) const HALF_LIFE_MS: f64 = TRENDING_HALF_LIFE_DAYS * DAY_MS as f64;

/// `value` counted at `from`, decayed to `to` (never grown when `to` is earlier).
pub(crate) fn decayed(value: f64, from: i64, to: i64) -> f64 {
    value * 0.5f64.powf((to - from).max(0) as f64 / HALF_LIFE_MS)
}

/// What a batch adds to trending: per problem, (votes, comments, solves) applied now. Kept in slug order so
/// that writers lock trending rows in one order.
#[derive(Debug, Default)]
pub(crate) struct TrendingDelta(BTreeMap<String, [f64; 3]>);

impl TrendingDelta {
    /// Counts `e` when applying it gave `r`: an up or down vote, a new comment, a solve.
    pub(crate) fn count(&mut self, e: &Event, r: &EventResult) {
        if r.status != EventStatus::Applied {
            return;
        }
        let (slug, i) = match &e.action {
            Action::Vote { slug, vote } if *vote != Vote::Clear => (slug, 0),
            Action::Comment { slug, .. } => (slug, 1),
            Action::Solve { slug } => (slug, 2),
            _ => return,
        };
        self.0.entry(slug.clone()).or_default()[i] += 1.0;
    }

    pub(crate) fn into_rows(self) -> impl Iterator<Item = (String, [f64; 3])> {
        self.0.into_iter()
    }
}

/// `stored` decayed to `now` plus `added`: the row to write back.
pub(crate) fn add_trending(stored: Option<&TrendingRow>, added: [f64; 3], now: i64) -> [f64; 3] {
    let mut out = added;
    if let Some(row) = stored {
        for (o, c) in out.iter_mut().zip(row.counts) {
            *o += decayed(c, row.as_of, now);
        }
    }
    out
}

/// Trending problems at `now`, by falling score (a comment counts twice), at most `limit`; problems whose
/// score has decayed below 0.01 are left out.
pub fn trending_items(rows: &[TrendingRow], now: i64, limit: usize) -> Vec<TrendingItem> {
    let mut items: Vec<TrendingItem> = rows
        .iter()
        .map(|r| {
            let [votes, comments, solves] = r.counts.map(|c| decayed(c, r.as_of, now));
            TrendingItem { slug: r.slug.clone(), score: votes + 2.0 * comments + solves, votes, comments, solves }
        })
        .filter(|i| i.score >= 0.01)
        .collect();
    items.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.slug.cmp(&b.slug)));
    items.truncate(limit);
    items
}

/// The counter row that says trending was filled from the votes and comments stored before it existed.
pub(crate) const BACKFILLED: &str = "trending_backfilled";

/// The votes and comments a server stored before trending, as they count now: `(slug, 0 for a vote or 1
/// for a comment, when the server received it)`, each decayed from then to `now`.
pub(crate) fn backfill(items: impl IntoIterator<Item = (String, usize, i64)>, now: i64) -> Vec<TrendingRow> {
    let mut by_slug: BTreeMap<String, [f64; 3]> = BTreeMap::new();
    for (slug, kind, received) in items {
        by_slug.entry(slug).or_default()[kind.min(2)] += decayed(1.0, received, now);
    }
    by_slug.into_iter().map(|(slug, counts)| TrendingRow { slug, counts, as_of: now }).collect()
}

/// The stored votes (not cleared) and comments with when their events arrived, for [`backfill`] (`$`
/// parameters: none).
pub(crate) const BACKFILL_SQL: &str = "
    SELECT v.slug, 0, e.received_at FROM votes v JOIN events e ON e.id = v.event_id WHERE v.value <> 0
    UNION ALL
    SELECT c.slug, 1, e.received_at FROM comments c JOIN events e ON e.id = c.id";

/// What [`group_view_from`] reads: the group's rows as the backends query them.
pub(crate) struct GroupRows {
    /// The group as the requesting member sees it (its owner flag included).
    pub info: GroupInfo,
    /// (user id, name, joined at), by joining time.
    pub members: Vec<(i64, String, i64)>,
    /// The last seven days' activity of the members: (user id, kind, slug).
    pub week: Vec<(i64, String, Option<String>)>,
    /// (user id, UTC day number) with a solve or a review, distinct.
    pub days: Vec<(i64, i64)>,
    pub recent: Vec<ActivityItem>,
}

pub(crate) const WEEK_MS: i64 = 7 * DAY_MS;

/// The group's view at `now`.
pub(crate) fn group_view_from(rows: GroupRows, now: i64) -> GroupView {
    let mut solved: HashMap<i64, HashSet<String>> = HashMap::new();
    let mut counts: HashMap<(i64, &str), u64> = HashMap::new();
    for (user, kind, slug) in &rows.week {
        if kind == "solve" {
            solved.entry(*user).or_default().extend(slug.clone());
        }
        *counts.entry((*user, kind.as_str())).or_default() += 1;
    }
    let mut days: HashMap<i64, HashSet<i64>> = HashMap::new();
    for (user, day) in &rows.days {
        days.entry(*user).or_default().insert(*day);
    }
    let today = now.div_euclid(DAY_MS);
    let streak = |user: i64| -> u64 {
        let Some(d) = days.get(&user) else { return 0 };
        let mut day = if d.contains(&today) { today } else { today - 1 };
        let mut n = 0;
        while d.contains(&day) {
            n += 1;
            day -= 1;
        }
        n
    };
    let members = rows
        .members
        .iter()
        .map(|(id, name, joined)| MemberWeek {
            member: name.clone(),
            joined_at: *joined,
            solved: solved.get(id).map_or(0, |s| s.len() as u64),
            reviews: counts.get(&(*id, "review")).copied().unwrap_or(0),
            milestones: counts.get(&(*id, "milestone")).copied().unwrap_or(0),
            streak_days: streak(*id),
        })
        .collect();
    GroupView { id: rows.info.id, name: rows.info.name, owner: rows.info.owner, members, activity: rows.recent }
}

/// The queries behind a group's view, with `$n` parameters ($1 group, $2 since): the members, the last
/// week's activity, the days with a solve or review, the recent activity.
pub(crate) const GROUP_MEMBERS_SQL: &str = "
    SELECT m.user_id, u.name, m.joined_at FROM members m JOIN users u ON u.id = m.user_id
    WHERE m.group_id = $1 ORDER BY m.joined_at, m.user_id";
pub(crate) const GROUP_WEEK_SQL: &str = "
    SELECT a.user_id, a.kind, a.slug FROM activity a JOIN members m ON m.user_id = a.user_id
    WHERE m.group_id = $1 AND a.at >= $2";
pub(crate) const GROUP_DAYS_SQL: &str = "
    SELECT DISTINCT a.user_id, a.at / 86400000 FROM activity a JOIN members m ON m.user_id = a.user_id
    WHERE m.group_id = $1 AND a.at >= $2 AND a.kind IN ('solve', 'review')";
pub(crate) const GROUP_RECENT_SQL: &str = "
    SELECT u.name, a.kind, a.slug, a.title, a.at FROM activity a
    JOIN members m ON m.user_id = a.user_id JOIN users u ON u.id = a.user_id
    WHERE m.group_id = $1 AND a.at >= $2 ORDER BY a.at DESC, a.event_id LIMIT $3";
pub(crate) const MY_GROUPS_SQL: &str = "
    SELECT g.id, g.name, g.owner_id = $1, (SELECT COUNT(*) FROM members x WHERE x.group_id = g.id)
    FROM groups g JOIN members m ON m.group_id = g.id AND m.user_id = $1 ORDER BY m.joined_at, g.id";

/// Where the server keeps its data, from `--db`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbTarget {
    Sqlite(PathBuf),
    Postgres(String),
}

impl DbTarget {
    /// `postgres://…` or `postgresql://…` for PostgreSQL; `sqlite://PATH` or a plain path for SQLite.
    pub fn parse(s: &str) -> DbTarget {
        if s.starts_with("postgres://") || s.starts_with("postgresql://") {
            DbTarget::Postgres(s.to_string())
        } else {
            DbTarget::Sqlite(PathBuf::from(s.strip_prefix("sqlite://").unwrap_or(s)))
        }
    }

    /// A description without credentials, for messages.
    pub fn describe(&self) -> String {
        match self {
            DbTarget::Sqlite(p) => format!("SQLite file {}", p.display()),
            DbTarget::Postgres(url) => {
                let rest = url.split_once("://").map_or(url.as_str(), |(_, r)| r);
                let host = rest.rsplit_once('@').map_or(rest, |(_, h)| h);
                let host = host.split('?').next().unwrap_or(host);
                format!("PostgreSQL at {host}")
            }
        }
    }
}

/// A rejection with its reason (`not_found`, `forbidden`, `id_conflict`).
pub(crate) fn rejected(id: Uuid, reason: &str) -> EventResult {
    EventResult { id, status: crate::sync::wire::EventStatus::Rejected, reason: Some(reason.to_string()) }
}

pub(crate) fn with_status(id: Uuid, status: crate::sync::wire::EventStatus) -> EventResult {
    EventResult { id, status, reason: None }
}

/// Whether the last write failed for lack of space, so that `/health` says `disk full` until a write
/// succeeds again (both backends; a read alone cannot tell that the disk is full).
#[derive(Debug, Default)]
pub(crate) struct DiskFullMemory(std::sync::atomic::AtomicBool);

impl DiskFullMemory {
    /// Remembers what a write's result says about space: full after a disk-full error, room after a success.
    pub(crate) fn after<T>(&self, result: Result<T, StorageError>) -> Result<T, StorageError> {
        use std::sync::atomic::Ordering;
        match &result {
            Ok(_) => self.0.store(false, Ordering::Relaxed),
            Err(StorageError::DiskFull(_)) => self.0.store(true, Ordering::Relaxed),
            Err(_) => {}
        }
        result
    }

    /// The health answer while the last write found the disk full.
    pub(crate) fn check(&self) -> Result<(), StorageError> {
        match self.0.load(std::sync::atomic::Ordering::Relaxed) {
            true => Err(StorageError::DiskFull("the last write failed for lack of space".into())),
            false => Ok(()),
        }
    }
}

pub(crate) use crate::clock::now_ms;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn db_targets_parse_and_hide_credentials() {
        assert_eq!(DbTarget::parse("/tmp/x.db"), DbTarget::Sqlite("/tmp/x.db".into()));
        assert_eq!(DbTarget::parse("sqlite:///tmp/x.db"), DbTarget::Sqlite("/tmp/x.db".into()));
        let pg = DbTarget::parse("postgres://u:secret@db.example:5432/codify?sslmode=disable");
        assert_eq!(pg.describe(), "PostgreSQL at db.example:5432/codify");
    }

    #[test]
    fn the_comment_cap_counts_the_last_day_and_says_when_to_come_back() {
        let now = 10 * DAY_MS;
        assert!(check_comment_cap(3, 3, Some(now - 1000), now).is_ok());
        match check_comment_cap(3, 4, Some(now - DAY_MS + 60_000), now) {
            Err(StorageError::CommentCap { limit: 3, retry_after_s: 60 }) => {}
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            check_comment_cap(0, 1, None, now),
            Err(StorageError::CommentCap { retry_after_s: 86_400, .. })
        ));
    }

    #[test]
    fn trending_counts_halve_every_seven_days_and_rank_by_score() {
        let now = 100 * DAY_MS;
        let week = 7 * DAY_MS;
        assert_eq!(decayed(8.0, now - 2 * week, now), 2.0);
        assert_eq!(decayed(8.0, now, now - week), 8.0, "never grown backwards");
        // Stored 1 vote a week ago; 1 more now: 1.5.
        let row = TrendingRow { slug: "a".into(), counts: [1.0, 0.0, 0.0], as_of: now - week };
        assert_eq!(add_trending(Some(&row), [1.0, 0.0, 0.0], now), [1.5, 0.0, 0.0]);
        let rows = [
            TrendingRow { slug: "old".into(), counts: [100.0, 0.0, 0.0], as_of: now - 100 * week },
            TrendingRow { slug: "b".into(), counts: [1.0, 1.0, 0.0], as_of: now },
            TrendingRow { slug: "a".into(), counts: [0.0, 1.0, 1.0], as_of: now },
            TrendingRow { slug: "c".into(), counts: [0.0, 0.0, 1.0], as_of: now - week },
        ];
        let items = trending_items(&rows, now, 10);
        let order: Vec<(&str, f64)> = items.iter().map(|i| (i.slug.as_str(), i.score)).collect();
        assert_eq!(order, [("a", 3.0), ("b", 3.0), ("c", 0.5)], "ties by slug; a long-decayed problem drops out");
        assert_eq!(trending_items(&rows, now, 1).len(), 1);
    }

    #[test]
    fn a_backfill_counts_old_votes_and_comments_from_when_they_arrived() {
        let now = 100 * DAY_MS;
        let rows = backfill(
            [
                ("a".to_string(), 0, now),
                ("a".to_string(), 1, now - 7 * DAY_MS),
                ("b".to_string(), 0, now - 14 * DAY_MS),
            ],
            now,
        );
        assert_eq!(
            rows,
            [
                TrendingRow { slug: "a".into(), counts: [1.0, 0.5, 0.0], as_of: now },
                TrendingRow { slug: "b".into(), counts: [0.25, 0.0, 0.0], as_of: now },
            ]
        );
    }

    #[test]
    fn the_weekly_table_counts_distinct_solves_and_streaks_end_today_or_yesterday() {
        let now = 50 * DAY_MS + 3_600_000; // day 50, 01:00 UTC
        let rows = GroupRows {
            info: GroupInfo { id: 1, name: "g".into(), members: 3, owner: false },
            members: vec![(7, "ana".into(), 0), (8, "bo".into(), 0), (9, "cy".into(), 0)],
            week: vec![
                (7, "solve".into(), Some("two-sum".into())),
                (7, "solve".into(), Some("two-sum".into())),
                (7, "solve".into(), Some("3sum".into())),
                (7, "review".into(), Some("3sum".into())),
                (8, "milestone".into(), None),
            ],
            // Ana: days 48, 49, 50 (today); Bo: 47, 48, 49 (ends yesterday); Cy: 46, 47 (broken).
            days: vec![(7, 48), (7, 49), (7, 50), (8, 47), (8, 48), (8, 49), (9, 46), (9, 47)],
            recent: vec![],
        };
        let v = group_view_from(rows, now);
        let table: Vec<(&str, u64, u64, u64, u64)> =
            v.members.iter().map(|m| (m.member.as_str(), m.solved, m.reviews, m.milestones, m.streak_days)).collect();
        assert_eq!(table, [("ana", 2, 1, 0, 3), ("bo", 0, 0, 1, 3), ("cy", 0, 0, 0, 0)]);
        assert!(!v.owner, "bo asked; ana owns it");
    }

    #[test]
    fn names_compare_without_case_and_revoked_hashes_match_no_token() {
        assert_eq!(name_key("Alice.B-1"), name_key("alice.b-1"));
        let h = [7u8; 32];
        assert_eq!(revoked_hash(&h).len(), 33);
        assert_ne!(revoked_hash(&h), revoked_hash(&[8u8; 32]));
    }
}
