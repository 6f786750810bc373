//! The community data model, shared by the store, the learner, the sync client and the server: the wire
//! types and their validation ([`wire`]), an event waiting in the local outbox ([`OutboxEntry`]), and the
//! community signal per problem ([`signal`]). Values and pure functions only; it names no module but
//! `fmt`, so everything that keeps or moves community data can depend on it without a cycle (the store
//! keeps the outbox, `sync` carries it to the server and back, and re-exports `wire` and `signal` under
//! its own name).

pub mod signal;
pub mod wire;

/// An event waiting in the local outbox; `seq` is its local order.
#[derive(Debug, Clone, PartialEq)]
pub struct OutboxEntry {
    pub seq: i64,
    pub event: wire::Event,
}

/// One shared activity item in words, safe to print ("ana solved two-sum"): names and titles are other
/// people's text, passed through [`crate::fmt::terminal_safe`].
pub fn activity_line(a: &wire::ActivityItem) -> String {
    use crate::fmt::terminal_safe;
    let who = terminal_safe(&a.member);
    let slug = terminal_safe(a.slug.as_deref().unwrap_or("?")).into_owned();
    match a.kind.as_str() {
        "solve" => format!("{who} solved {slug}"),
        "review" => format!("{who} reviewed {slug}"),
        "milestone" => format!("{who} earned “{}”", terminal_safe(a.title.as_deref().unwrap_or("a milestone"))),
        other => format!("{who}: {}", terminal_safe(other)),
    }
}

/// The weekly table as text lines, the header first, then the members, most active first (solves and
/// reviews), each name made terminal-safe and cut to its column.
pub fn week_table(members: &[wire::MemberWeek]) -> (String, Vec<String>) {
    let header = format!("  {:<20} {:>6} {:>7} {:>10} {:>7}", "member", "solved", "reviews", "milestones", "streak");
    let mut rows: Vec<&wire::MemberWeek> = members.iter().collect();
    rows.sort_by(|a, b| (b.solved + b.reviews).cmp(&(a.solved + a.reviews)).then(a.member.cmp(&b.member)));
    let lines = rows
        .into_iter()
        .map(|m| {
            let streak = if m.streak_days == 0 { "-".to_string() } else { format!("{}d", m.streak_days) };
            let name = crate::fmt::truncate(&crate::fmt::terminal_safe(&m.member), 20);
            format!("  {name:<20} {:>6} {:>7} {:>10} {:>7}", m.solved, m.reviews, m.milestones, streak)
        })
        .collect();
    (header, lines)
}
