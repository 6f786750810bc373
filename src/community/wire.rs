//! Wire types shared by the sync client and the server, and the validation rules both apply.
//!
//! Everything that crosses the network is defined here once, so the client and the server cannot drift:
//! events (a vote, a comment, a comment deletion, each with a client-made UUID that makes replays
//! idempotent), the push request and its per-event results, aggregates, comment pages, registration and
//! the JSON error body. The limits (`MAX_*`) are part of the protocol and documented in docs/API.md.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Version prefix of every API route but `/health` and `/openapi.json`.
pub const API_PREFIX: &str = "/v1";
/// Most events in one push request.
pub const MAX_BATCH: usize = 100;
/// Longest comment, in characters (Unicode scalar values), after trimming.
pub const MAX_COMMENT_CHARS: usize = 2000;
/// Longest problem slug, in bytes.
pub const MAX_SLUG_LEN: usize = 100;
/// Longest user name, in bytes.
pub const MAX_NAME_LEN: usize = 32;
/// Page size when the request names none, and the most a request may ask for.
pub const DEFAULT_PAGE: usize = 100;
pub const MAX_PAGE: usize = 500;
/// Largest request body the server reads; a full batch of maximal comments fits.
pub const MAX_BODY_BYTES: usize = 1 << 20;
/// Longest group name and milestone title, in characters.
pub const MAX_GROUP_NAME_CHARS: usize = 40;
pub const MAX_TITLE_CHARS: usize = 120;
/// An invite code's length and alphabet (no `0`/`o`, `1`/`l`/`i`: codes are read aloud and typed).
pub const INVITE_CODE_LEN: usize = 10;
pub const INVITE_ALPHABET: &[u8] = b"23456789abcdefghjkmnpqrstuvwxyz";
/// Earliest and latest accepted client timestamps (Unix ms): 2000-01-01 and 2200-01-01.
pub const MIN_AT: i64 = 946_684_800_000;
pub const MAX_AT: i64 = 7_258_118_400_000;

/// A vote on a problem; `Clear` withdraws an earlier vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Vote {
    Up,
    Down,
    #[default]
    Clear,
}

impl Vote {
    pub fn as_i64(self) -> i64 {
        match self {
            Vote::Up => 1,
            Vote::Down => -1,
            Vote::Clear => 0,
        }
    }

    pub fn from_i64(v: i64) -> Vote {
        match v {
            1 => Vote::Up,
            -1 => Vote::Down,
            _ => Vote::Clear,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Vote::Up => "up",
            Vote::Down => "down",
            Vote::Clear => "clear",
        }
    }

    pub fn parse(s: &str) -> Option<Vote> {
        [Vote::Up, Vote::Down, Vote::Clear].into_iter().find(|v| v.as_str() == s)
    }
}

/// What a comment says about a problem, beside its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tag {
    TooHard,
    GoodIntro,
    PatternPractice,
}

impl Tag {
    pub const ALL: [Tag; 3] = [Tag::TooHard, Tag::GoodIntro, Tag::PatternPractice];

    pub fn as_str(self) -> &'static str {
        match self {
            Tag::TooHard => "too_hard",
            Tag::GoodIntro => "good_intro",
            Tag::PatternPractice => "pattern_practice",
        }
    }

    pub fn parse(s: &str) -> Option<Tag> {
        Tag::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// One change made by a user, identified by a UUID the client made when the user acted. The server keeps
/// every id it has seen, so sending an event twice has the effect of sending it once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: Uuid,
    /// When the user acted, client clock, Unix milliseconds. Orders votes: the latest `at` wins.
    pub at: i64,
    #[serde(flatten)]
    pub action: Action,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Action {
    Vote {
        slug: String,
        vote: Vote,
    },
    /// A new comment; its id is the event's id.
    Comment {
        slug: String,
        text: String,
        tag: Option<Tag>,
    },
    DeleteComment {
        comment: Uuid,
    },
    /// A problem solved (its first accepted solution), shared with the learner's groups. Sent only when
    /// the learner shares solves (`codify group share`).
    Solve {
        slug: String,
    },
    /// A due review done and accepted, shared like a solve.
    Review {
        slug: String,
    },
    /// A milestone earned (`learner::milestones`), shared like a solve: its id and title.
    Milestone {
        key: String,
        title: String,
    },
}

impl Event {
    /// The problem the event is about, when it names one.
    pub fn slug(&self) -> Option<&str> {
        match &self.action {
            Action::Vote { slug, .. }
            | Action::Comment { slug, .. }
            | Action::Solve { slug }
            | Action::Review { slug } => Some(slug),
            Action::DeleteComment { .. } | Action::Milestone { .. } => None,
        }
    }

    pub fn kind(&self) -> &'static str {
        match self.action {
            Action::Vote { .. } => "vote",
            Action::Comment { .. } => "comment",
            Action::DeleteComment { .. } => "delete_comment",
            Action::Solve { .. } => "solve",
            Action::Review { .. } => "review",
            Action::Milestone { .. } => "milestone",
        }
    }

    /// Whether the event is shared activity (a solve, a review, a milestone), which only the learner's
    /// groups see.
    pub fn is_activity(&self) -> bool {
        matches!(self.action, Action::Solve { .. } | Action::Review { .. } | Action::Milestone { .. })
    }

    /// Checks the rules the server enforces, so a client never queues what the server would refuse.
    pub fn validate(&self) -> Result<(), Invalid> {
        if !(MIN_AT..=MAX_AT).contains(&self.at) {
            return Err(Invalid::At(self.at));
        }
        match &self.action {
            Action::Vote { slug, .. } => validate_slug(slug),
            Action::Comment { slug, text, .. } => validate_slug(slug).and_then(|()| validate_comment(text)),
            Action::DeleteComment { .. } => Ok(()),
            Action::Solve { slug } | Action::Review { slug } => validate_slug(slug),
            Action::Milestone { key, title } => {
                validate_milestone_key(key).and_then(|()| validate_label(title, MAX_TITLE_CHARS))
            }
        }
    }
}

/// Why an event, a name or a query is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Invalid {
    #[error("`{0}` is not a problem slug (lowercase letters and digits in words joined by '-', at most {MAX_SLUG_LEN} bytes)")]
    Slug(String),
    #[error("a comment cannot be empty")]
    EmptyComment,
    #[error("a comment is at most {MAX_COMMENT_CHARS} characters; this one has {0}")]
    LongComment(usize),
    #[error("timestamp {0} is not a plausible Unix time in milliseconds")]
    At(i64),
    #[error("`{0}` is not a user name (1 to {MAX_NAME_LEN} letters, digits, '-', '_' or '.')")]
    Name(String),
    #[error(
        "a comment cannot hold the control character U+{0:04X} (at character {1}); only new lines and tabs are allowed"
    )]
    ControlChar(u32, usize),
    #[error("`{0}` is not a milestone id (lowercase letters, digits and `_:.-`, at most {MAX_SLUG_LEN} bytes)")]
    MilestoneKey(String),
    #[error("a name or title must be 1 to {max} characters on one line, with no control characters; got {got:?}")]
    Label { max: usize, got: String },
    #[error("`{0}` is not an invite code (ten letters and digits, as `codify group invite` prints them)")]
    InviteCode(String),
}

/// Characters refused in shared text (defined beside the terminal-safety rules it is part of).
pub use crate::fmt::is_refused_char;

/// A problem slug: lowercase ASCII letters and digits in non-empty words joined by '-' (the bank's rule).
pub fn validate_slug(slug: &str) -> Result<(), Invalid> {
    let ok = !slug.is_empty()
        && slug.len() <= MAX_SLUG_LEN
        && slug.split('-').all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
    if ok {
        Ok(())
    } else {
        Err(Invalid::Slug(slug.chars().take(MAX_SLUG_LEN).collect()))
    }
}

/// Comment text: non-empty once trimmed, at most [`MAX_COMMENT_CHARS`] characters, no control characters
/// but new lines and tabs (see [`is_refused_char`]).
pub fn validate_comment(text: &str) -> Result<(), Invalid> {
    if let Some((at, c)) = text.chars().enumerate().find(|(_, c)| is_refused_char(*c)) {
        return Err(Invalid::ControlChar(u32::from(c), at + 1));
    }
    let n = text.trim().chars().count();
    match n {
        0 => Err(Invalid::EmptyComment),
        n if n > MAX_COMMENT_CHARS => Err(Invalid::LongComment(n)),
        _ => Ok(()),
    }
}

/// A milestone id as `learner::milestones` makes them (`first_accepted:easy`, `list:blind75:25`).
pub fn validate_milestone_key(key: &str) -> Result<(), Invalid> {
    let ok = !key.is_empty()
        && key.len() <= MAX_SLUG_LEN
        && key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"_:.-".contains(&b));
    if ok {
        Ok(())
    } else {
        Err(Invalid::MilestoneKey(key.chars().take(MAX_SLUG_LEN).collect()))
    }
}

/// A one-line label others will read (a group's name, a milestone's title): 1 to `max` characters once
/// trimmed, no new lines and nothing [`is_refused_char`] refuses.
pub fn validate_label(text: &str, max: usize) -> Result<(), Invalid> {
    let n = text.trim().chars().count();
    if n == 0 || n > max || text.chars().any(|c| c == '\n' || c == '\t' || is_refused_char(c)) {
        return Err(Invalid::Label { max, got: text.chars().take(max).collect() });
    }
    Ok(())
}

/// An invite code: [`INVITE_CODE_LEN`] characters of [`INVITE_ALPHABET`], compared without case.
pub fn normalize_invite_code(code: &str) -> Result<String, Invalid> {
    let c: String = code.trim().chars().filter(|c| *c != '-').collect::<String>().to_ascii_lowercase();
    if c.len() == INVITE_CODE_LEN && c.bytes().all(|b| INVITE_ALPHABET.contains(&b)) {
        Ok(c)
    } else {
        Err(Invalid::InviteCode(code.chars().take(32).collect()))
    }
}

pub fn validate_name(name: &str) -> Result<(), Invalid> {
    let ok = !name.is_empty()
        && name.len() <= MAX_NAME_LEN
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    if ok {
        Ok(())
    } else {
        Err(Invalid::Name(name.chars().take(MAX_NAME_LEN).collect()))
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PushRequest {
    pub events: Vec<Event>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PushResponse {
    /// One result per event sent, in the order sent.
    pub results: Vec<EventResult>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventResult {
    pub id: Uuid,
    pub status: EventStatus,
    /// For `rejected`: `not_found`, `forbidden` or `id_conflict`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// What the server did with an event. Every status is final: the client may forget the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventStatus {
    Applied,
    /// Seen before (a replay); nothing changed.
    Duplicate,
    /// Valid but not allowed or pointless (another user's comment, a comment that does not exist).
    Rejected,
}

/// Comment counts per tag.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagCounts {
    pub too_hard: u64,
    pub good_intro: u64,
    pub pattern_practice: u64,
}

impl TagCounts {
    pub fn get(&self, tag: Tag) -> u64 {
        match tag {
            Tag::TooHard => self.too_hard,
            Tag::GoodIntro => self.good_intro,
            Tag::PatternPractice => self.pattern_practice,
        }
    }

    pub fn get_mut(&mut self, tag: Tag) -> &mut u64 {
        match tag {
            Tag::TooHard => &mut self.too_hard,
            Tag::GoodIntro => &mut self.good_intro,
            Tag::PatternPractice => &mut self.pattern_practice,
        }
    }
}

/// Community counts for one problem, as the server computes them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Aggregate {
    pub slug: String,
    pub up: u64,
    pub down: u64,
    /// Comments not deleted.
    pub comments: u64,
    pub tags: TagCounts,
    /// The requesting user's own vote, as the server has it.
    pub my_vote: Vote,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AggregatesPage {
    pub items: Vec<Aggregate>,
    /// Pass as `after` for the next page; absent on the last page.
    pub next: Option<String>,
}

/// A comment as the server serves it. A deleted comment keeps its id with empty text, so that clients
/// that pulled it learn of the deletion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    pub id: Uuid,
    pub slug: String,
    pub author: String,
    pub text: String,
    pub tag: Option<Tag>,
    /// When the author wrote it (client clock, Unix ms).
    pub at: i64,
    /// Position in the server's change feed: rises whenever the comment is created or deleted.
    pub seq: i64,
    pub deleted: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CommentsPage {
    pub items: Vec<Comment>,
    /// Pass as `since` for the next page (the last item's `seq`, or the `since` given when empty).
    pub cursor: i64,
    /// Whether more items follow.
    pub more: bool,
}

/// `POST /v1/groups`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewGroup {
    pub name: String,
}

/// A group the requesting user belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupInfo {
    pub id: i64,
    pub name: String,
    pub members: u64,
    /// Whether the requesting user created it (and so may remove it).
    pub owner: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GroupList {
    pub groups: Vec<GroupInfo>,
}

/// A one-time invite code (`POST /v1/groups/{id}/invites`). The server keeps only its hash.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Invite {
    pub code: String,
    pub group: i64,
    /// Unix ms after which the code no longer works.
    pub expires_at: i64,
}

/// `POST /v1/groups/join`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct JoinRequest {
    pub code: String,
}

/// What one member shared, as the group sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityItem {
    pub member: String,
    /// `solve`, `review` or `milestone`.
    pub kind: String,
    /// The problem, for a solve or a review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    /// The milestone's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// When it happened (the member's clock, never later than the server received it), Unix ms.
    pub at: i64,
}

/// One member's row of the weekly table: the last seven days (rolling, server time).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberWeek {
    pub member: String,
    pub joined_at: i64,
    /// Distinct problems solved in the last seven days.
    pub solved: u64,
    /// Reviews done in the last seven days.
    pub reviews: u64,
    pub milestones: u64,
    /// Consecutive days (UTC) with a solve or a review, ending today or yesterday.
    pub streak_days: u64,
}

/// `GET /v1/groups/{id}`: the group, its weekly table and its recent activity, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupView {
    pub id: i64,
    pub name: String,
    pub owner: bool,
    pub members: Vec<MemberWeek>,
    pub activity: Vec<ActivityItem>,
}

/// One problem's recent community activity: votes, comments and solves across all users, each count
/// decayed by half every [`TRENDING_HALF_LIFE_DAYS`] days; `score` weighs a comment twice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrendingItem {
    pub slug: String,
    pub score: f64,
    pub votes: f64,
    pub comments: f64,
    pub solves: f64,
}

/// `GET /v1/trending`: problems by falling score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrendingPage {
    pub items: Vec<TrendingItem>,
    pub half_life_days: f64,
    /// When the scores were computed (server time, Unix ms).
    pub computed_at: i64,
}

/// The half-life of trending counts.
pub const TRENDING_HALF_LIFE_DAYS: f64 = 7.0;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RegisterRequest {
    pub name: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RegisterResponse {
    pub user: String,
    /// The bearer token. The server keeps only its SHA-256 hash and cannot show it again.
    pub token: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Me {
    pub user: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Health {
    pub status: String,
    pub backend: String,
    pub version: String,
}

/// The body of every error response.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ErrorBody {
    /// A stable code: `bad_json`, `invalid`, `invalid_event`, `too_large`, `unauthorized`, `forbidden`,
    /// `not_found`, `name_taken`, `rate_limited`, `comment_limit`, `too_many_connections`,
    /// `method_not_allowed`, `unsupported_media_type`, `database_corrupt`, `disk_full`, `unavailable`,
    /// `internal` (docs/API.md).
    pub error: String,
    pub message: String,
    /// For `invalid_event`: the refused event's id, so a client can drop it and push the rest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<Uuid>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn events_have_a_flat_json_shape() {
        let id = Uuid::nil();
        let e = Event { id, at: MIN_AT, action: Action::Vote { slug: "two-sum".into(), vote: Vote::Up } };
        let v = serde_json::to_value(&e).unwrap();
        assert_eq!(v, json!({"id": id, "at": MIN_AT, "kind": "vote", "slug": "two-sum", "vote": "up"}));
        assert_eq!(serde_json::from_value::<Event>(v).unwrap(), e);
        let c: Event = serde_json::from_value(
            json!({"id": id, "at": MIN_AT, "kind": "comment", "slug": "a", "text": "hi", "tag": "good_intro"}),
        )
        .unwrap();
        assert_eq!(c.kind(), "comment");
        assert!(serde_json::from_value::<Event>(
            json!({"id": id, "at": 1, "kind": "comment", "slug": "a", "text": "x", "tag": "meh"})
        )
        .is_err());
    }

    #[test]
    fn validation_matches_the_bank_and_the_limits() {
        assert!(validate_slug("two-sum").is_ok());
        assert!(validate_slug("3sum").is_ok());
        for bad in ["", "Two-Sum", "two--sum", "-a", "a/b", "a b", "é"] {
            assert!(validate_slug(bad).is_err(), "{bad}");
        }
        assert!(validate_slug(&"a".repeat(MAX_SLUG_LEN + 1)).is_err());
        assert_eq!(validate_comment("  \n "), Err(Invalid::EmptyComment));
        assert!(validate_comment(&"é".repeat(MAX_COMMENT_CHARS)).is_ok());
        assert_eq!(validate_comment(&"x".repeat(MAX_COMMENT_CHARS + 1)), Err(Invalid::LongComment(2001)));
        assert_eq!(validate_comment("a\u{0}b"), Err(Invalid::ControlChar(0, 2)));
        assert_eq!(validate_comment("\u{1b}]52;c;ZWNobw==\u{7}"), Err(Invalid::ControlChar(0x1b, 1)));
        assert_eq!(validate_comment("abc\u{202E}fed"), Err(Invalid::ControlChar(0x202E, 4)));
        assert_eq!(validate_comment("x\u{9b}"), Err(Invalid::ControlChar(0x9b, 2)));
        assert!(validate_comment("two\nlines\twith a tab, and العربية").is_ok());
        assert!(validate_name("alice_1.b-c").is_ok());
        assert!(validate_name("al ice").is_err() && validate_name("").is_err());
        let e = Event { id: Uuid::nil(), at: 5, action: Action::DeleteComment { comment: Uuid::nil() } };
        assert_eq!(e.validate(), Err(Invalid::At(5)));
    }

    #[test]
    fn shared_activity_and_groups_are_validated_like_comments() {
        let at = MIN_AT;
        let ev = |action| Event { id: Uuid::nil(), at, action };
        assert!(ev(Action::Solve { slug: "two-sum".into() }).validate().is_ok());
        assert!(ev(Action::Review { slug: "Two Sum".into() }).validate().is_err());
        let m = |key: &str, title: &str| ev(Action::Milestone { key: key.into(), title: title.into() }).validate();
        assert!(m("list:blind75:25", "Blind 75: a quarter done").is_ok());
        assert!(matches!(m("List 75", "x"), Err(Invalid::MilestoneKey(_))));
        for bad in ["", "  ", "a\nb", "tab\there", "\u{1b}[2J", "rtl\u{202E}", &"x".repeat(MAX_TITLE_CHARS + 1)] {
            assert!(matches!(m("k", bad), Err(Invalid::Label { .. })), "{bad:?}");
        }
        assert!(validate_label("evening study", MAX_GROUP_NAME_CHARS).is_ok());
        assert_eq!(normalize_invite_code(" K7M2-X9QP4R ").unwrap(), "k7m2x9qp4r");
        for bad in ["k7m2x9qp4", "k7m2x9qp4ro", "k7m2x9qp4l", "k7m2x9qp40"] {
            assert!(normalize_invite_code(bad).is_err(), "{bad}");
        }
        let json = serde_json::to_value(ev(Action::Milestone { key: "k".into(), title: "T".into() })).unwrap();
        assert_eq!(json, json!({"id": Uuid::nil(), "at": at, "kind": "milestone", "key": "k", "title": "T"}));
    }

    #[test]
    fn votes_and_tags_round_trip_their_names() {
        for v in [Vote::Up, Vote::Down, Vote::Clear] {
            assert_eq!(Vote::parse(v.as_str()), Some(v));
            assert_eq!(Vote::from_i64(v.as_i64()), v);
        }
        for t in Tag::ALL {
            assert_eq!(Tag::parse(t.as_str()), Some(t));
            assert_eq!(serde_json::to_value(t).unwrap(), json!(t.as_str()));
        }
    }
}
