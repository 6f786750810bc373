//! Text helpers shared by the front ends (CLI and TUI).

/// `s` cut to `max` characters, with a note of how much was left out.
pub fn clip(s: &str, max: usize) -> String {
    let count = s.chars().count();
    if count <= max {
        return s.to_string();
    }
    let head: String = s.chars().take(max).collect();
    format!("{head}… ({} more characters)", count - max)
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

#[cfg(test)]
mod tests {
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
}
