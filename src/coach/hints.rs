//! Which prepared hints the learner's code has already taken (issue 15): a hint whose every idea the code
//! already shows ("use a dictionary" to code with a dict, "compare in place with two indices" to code that
//! walks two indices toward each other) teaches nothing, so the next hint served is the first one that adds
//! something.
//!
//! Ideas are a small fixed list, each with the words a hint uses for it and the shape the code shows it
//! with. Conservative: a hint that names no known idea, or one the code does not show, is served.

/// One idea a hint can give: its name, the words that name it in a hint, and whether code shows it.
struct Idea {
    name: &'static str,
    words: &'static [&'static str],
    shown: fn(&str) -> bool,
}

const IDEAS: &[Idea] = &[
    Idea {
        name: "two indices moving toward each other",
        words: &["two indices", "two pointers", "in place", "each end", "both ends"],
        shown: two_pointers,
    },
    Idea {
        name: "a dictionary",
        words: &["dictionary", "hash map", "dict "],
        shown: |c| c.contains("{}") || c.contains("dict(") || c.contains("defaultdict") || c.contains("Counter("),
    },
    Idea { name: "a set", words: &["a set", " set of", "hash set"], shown: |c| c.contains("set(") },
    Idea {
        name: "sorting",
        words: &["sorted order", "sort the", "sort it", "after sorting"],
        shown: |c| c.contains(".sort(") || c.contains("sorted("),
    },
    Idea { name: "a heap", words: &["heap"], shown: |c| c.contains("heapq") },
    Idea { name: "a sliding window", words: &["window", "slide"], shown: sliding_window },
    Idea { name: "binary search", words: &["binary search", "halve"], shown: |c| c.contains("mid") },
];

/// The ideas a hint names, when the code shows every one of them; `None` when the hint adds something.
pub fn taken(hint: &str, code: &str) -> Option<Vec<&'static str>> {
    let hint = hint.to_ascii_lowercase();
    let named: Vec<&Idea> = IDEAS.iter().filter(|i| i.words.iter().any(|w| hint.contains(w))).collect();
    (!named.is_empty() && named.iter().all(|i| (i.shown)(code))).then(|| named.iter().map(|i| i.name).collect())
}

/// A window over the input: a left edge (`left`, `start`, `lo`, `l`) that only moves forward while a loop
/// walks the right edge, seen in the edge's moves or in a window length `right - left + 1`.
fn sliding_window(code: &str) -> bool {
    let compact: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    let edges = ["left", "start", "lo", "l"];
    compact.contains("for")
        && edges.iter().any(|e| {
            compact.contains(&format!("-{e}+1"))
                || compact.contains(&format!("{e}+=1"))
                || compact.contains(&format!("{e}=max({e},"))
        })
}

/// Two indices that walk toward each other: `while i < j` (or `<=`) with one going up and one going down.
fn two_pointers(code: &str) -> bool {
    let compact: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(at) = compact.find("while") else { return false };
    let cond = &compact[at + 5..];
    let Some((a, rest)) = cond.split_once('<') else { return false };
    let b: String = rest.trim_start_matches('=').chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    let a = a.trim_start_matches('(');
    let name = |n: &str| !n.is_empty() && n.chars().all(|c| c.is_alphanumeric() || c == '_');
    name(a)
        && name(&b)
        && (compact.contains(&format!("{a}+=1")) || compact.contains(&format!("{a}={a}+1")))
        && (compact.contains(&format!("{b}-=1")) || compact.contains(&format!("{b}={b}-1")))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO_POINTERS: &str = "class Solution:\n    def isPalindrome(self, s):\n        i, j = 0, len(s) - 1\n        while i < j:\n            if s[i] != s[j]:\n                return False\n            i += 1\n            j -= 1\n        return True\n";

    #[test]
    fn a_window_the_code_already_slides_is_taken() {
        // Found in a trial: hint 1 ("think of a window you only slide forwards") was served to code that
        // already slides one, with an off-by-one in it.
        let hint = "Checking every substring for repeats is far too slow. Think of a window [left, right] that you only ever slide forwards.";
        let window = "seen = {}\nbest = start = 0\nfor i, ch in enumerate(s):\n    if ch in seen and seen[ch] > start:\n        start = seen[ch] + 1\n    seen[ch] = i\n    best = max(best, i - start + 1)\n";
        assert_eq!(taken(hint, window), Some(vec!["a sliding window"]));
        let brute = "best = 0\nfor i in range(len(s)):\n    for j in range(i, len(s)):\n        if len(set(s[i:j + 1])) == j - i + 1:\n            best = max(best, j - i + 1)\n";
        assert_eq!(taken(hint, brute), None, "every substring checked: the hint is what it needs");
    }

    #[test]
    fn a_hint_the_code_already_follows_is_taken() {
        let in_place = "Building the cleaned string works, but it uses O(n) extra memory. Can you compare in place?";
        assert_eq!(taken(in_place, TWO_POINTERS), Some(vec!["two indices moving toward each other"]));
        let reversed = "class Solution:\n    def isPalindrome(self, s):\n        t = [c for c in s]\n        return t == t[::-1]\n";
        assert_eq!(taken(in_place, reversed), None, "the code does not compare in place yet");
        let dict = "Walk the list once with a dictionary from value to index.";
        assert_eq!(
            taken(dict, "seen = {}\nfor i, x in enumerate(nums):\n    seen[x] = i\n"),
            Some(vec!["a dictionary"])
        );
        assert_eq!(taken(dict, TWO_POINTERS), None);
        assert_eq!(taken("What must hold for the answer?", TWO_POINTERS), None, "names no idea: served");
    }
}
