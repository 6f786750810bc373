//! Small text helpers for messages: code snippets are quoted on one line and kept short.

/// Collapses whitespace and cuts `s` to at most `max` characters (with an ellipsis).
pub(crate) fn shorten(s: &str, max: usize) -> String {
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        return one_line;
    }
    let mut out: String = one_line.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortens_and_joins_lines() {
        assert_eq!(shorten("a +\n   b", 10), "a + b");
        assert_eq!(shorten("abcdefghij", 5), "abcd…");
    }
}
