//! Text helpers shared by every module (a leaf: it names no other module of the crate): clipping, test
//! inputs as text, and what is safe to print to a terminal or share with others.

/// `s` cut to `max` characters, with a note of how much was left out.
pub fn clip(s: &str, max: usize) -> String {
    let count = s.chars().count();
    if count <= max {
        return s.to_string();
    }
    let head: String = s.chars().take(max).collect();
    format!("{head}… ({} more characters)", count - max)
}

/// `s` cut to at most `max` characters, with `…` as the last one when it was cut (for table columns).
pub fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut head: String = s.chars().take(max.saturating_sub(1)).collect();
    head.push('…');
    head
}

/// How long before `now` `at` was (Unix ms), in words: "just now", "5m ago", "3h ago", "2d ago".
pub fn ago(at: i64, now: i64) -> String {
    let s = (now - at).max(0) / 1000;
    match s {
        0..60 => "just now".to_string(),
        60..3600 => format!("{}m ago", s / 60),
        3600..86400 => format!("{}h ago", s / 3600),
        _ => format!("{}d ago", s / 86400),
    }
}

/// A test input as `nums = [2,7,11,15], target = 9`, each value clipped to `max` characters. Keys come in
/// JSON's sorted order, except that a design test reads `ops` before `args`; [`input_ordered`] follows a
/// problem's own parameter order.
pub fn input(input: &serde_json::Value, max: usize) -> String {
    input_ordered(input, &["ops", "args"], max)
}

/// Like [`input`], with the keys named in `order` first, in that order (a problem's parameters), then any
/// others.
pub fn input_ordered(input: &serde_json::Value, order: &[&str], max: usize) -> String {
    match input {
        serde_json::Value::Object(map) => {
            let known = order.iter().filter_map(|k| map.get_key_value(*k));
            let rest = map.iter().filter(|(k, _)| !order.contains(&k.as_str()));
            let parts: Vec<String> =
                known.chain(rest).map(|(k, v)| format!("{k} = {}", clip(&v.to_string(), max))).collect();
            parts.join(", ")
        }
        other => clip(&other.to_string(), max),
    }
}

/// What a character that must not reach a terminal is shown as: control characters as their Unicode
/// control pictures (`␛` for ESC, `␇` for BEL, `␡` for DEL), and C1 controls, bidirectional overrides and
/// isolates and other invisible format characters as `�`. None for characters that are safe to print.
/// New lines and tabs are safe.
pub fn visible_placeholder(c: char) -> Option<char> {
    match c {
        '\n' | '\t' => None,
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + u32::from(c)),
        '\u{7f}' => Some('\u{2421}'),
        '\u{80}'..='\u{9f}' => Some('\u{fffd}'),
        c if is_refused_char(c) => Some('\u{fffd}'),
        '\u{200b}'..='\u{200f}' | '\u{2028}' | '\u{2029}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{061c}' => {
            Some('\u{fffd}')
        }
        _ => None,
    }
}

/// Characters refused in shared text: C0 controls but new line and tab, DEL, C1 controls, and the
/// bidirectional overrides and isolates that make text read differently from how it is stored.
pub fn is_refused_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `s` made safe to print to a terminal: escape sequences, control characters and bidirectional overrides
/// from other people or a model are shown as visible placeholders ([`visible_placeholder`]) instead of
/// being obeyed. Borrowed when there is nothing to replace.
pub fn terminal_safe(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(|c| visible_placeholder(c).is_some()) {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(s.chars().map(|c| visible_placeholder(c).unwrap_or(c)).collect())
}

#[cfg(test)]
mod tests {
    use super::terminal_safe;

    #[test]
    fn clip_counts_characters_not_bytes() {
        assert_eq!(super::clip("héllo", 10), "héllo");
        assert_eq!(super::clip("héllo", 2), "hé… (3 more characters)");
        let v = serde_json::json!({"nums": [1, 2], "target": 3});
        assert_eq!(super::input(&v, 10), "nums = [1,2], target = 3");
        let design = serde_json::json!({"args": [[], [1]], "ops": ["MinStack", "push"]});
        assert_eq!(super::input(&design, 40), "ops = [\"MinStack\",\"push\"], args = [[],[1]]");
        let lca = serde_json::json!({"p": 2, "q": 8, "root": [6, 2, 8]});
        assert_eq!(super::input_ordered(&lca, &["root", "p", "q"], 40), "root = [6,2,8], p = 2, q = 8");
    }

    #[test]
    fn terminal_safe_text_shows_what_would_drive_the_terminal() {
        assert!(matches!(terminal_safe("plain text\twith a tab\nand é"), std::borrow::Cow::Borrowed(_)));
        assert_eq!(terminal_safe("\u{1b}]52;c;ZWNobw==\u{7}"), "\u{241b}]52;c;ZWNobw==\u{2407}");
        assert_eq!(terminal_safe("a\u{1b}[2Jb\rc\u{8}"), "a\u{241b}[2Jb\u{240d}c\u{2408}");
        assert_eq!(terminal_safe("x\u{9b}31m \u{202e}txt.exe \u{2066}"), "x\u{fffd}31m \u{fffd}txt.exe \u{fffd}");
        assert_eq!(terminal_safe("\u{7f}"), "\u{2421}");
    }
}
