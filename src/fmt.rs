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

/// A test input as `nums = [2,7,11,15], target = 9`, each value clipped to `max` characters.
pub fn input(input: &serde_json::Value, max: usize) -> String {
    match input {
        serde_json::Value::Object(map) => {
            let parts: Vec<String> = map.iter().map(|(k, v)| format!("{k} = {}", clip(&v.to_string(), max))).collect();
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
    }
}
