//! What the learner is asking for, read from free text by weighted key phrases.
//!
//! Deterministic and cheap; it picks the offline tutor's answer, tells the model which kind of help is
//! wanted, and decides whether a full solution may be shown (only on an explicit request).

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Intent {
    /// "next hint", "I'm stuck"
    NextHint,
    /// "why did this fail"
    WhyFail,
    /// "what is my complexity", "why is it slow"
    Complexity,
    /// "what edge case am I missing"
    EdgeCase,
    /// "explain this pattern"
    ExplainPattern,
    /// "I give up, show me the solution"
    Solution,
    /// Anything else.
    General,
}

impl Intent {
    pub fn as_str(self) -> &'static str {
        match self {
            Intent::NextHint => "next_hint",
            Intent::WhyFail => "why_fail",
            Intent::Complexity => "complexity",
            Intent::EdgeCase => "edge_case",
            Intent::ExplainPattern => "explain_pattern",
            Intent::Solution => "solution",
            Intent::General => "general",
        }
    }
}

/// Key phrases and their weights; on a tie the intent listed first wins.
const TABLE: &[(Intent, &[(&str, u32)])] = &[
    (
        Intent::Solution,
        &[
            ("give up", 4),
            ("giving up", 4),
            ("gave up", 4),
            ("show me the solution", 4),
            ("full solution", 4),
            ("complete solution", 4),
            ("the solution", 2),
            ("the answer", 2),
            ("write the code", 3),
            ("show me the code", 3),
            ("just tell me", 3),
        ],
    ),
    (
        Intent::Complexity,
        &[
            ("complexity", 3),
            ("big o", 3),
            ("big-o", 3),
            ("o(", 2),
            ("slow", 2),
            ("faster", 2),
            ("speed", 2),
            ("efficien", 2),
            ("time limit", 3),
            ("tle", 2),
            ("optimi", 2),
            ("performance", 2),
            ("quadratic", 2),
            ("too long", 2),
        ],
    ),
    (
        Intent::EdgeCase,
        &[
            ("edge", 3),
            ("corner", 3),
            ("special case", 3),
            ("which case", 2),
            ("what case", 2),
            ("missing case", 3),
            ("empty", 2),
            ("boundary", 2),
            ("hidden test", 2),
            ("what input", 2),
        ],
    ),
    (
        Intent::NextHint,
        &[
            ("hint", 3),
            ("stuck", 3),
            ("next step", 3),
            ("where do i start", 3),
            ("how do i start", 3),
            ("nudge", 3),
            ("clue", 3),
        ],
    ),
    (
        Intent::WhyFail,
        &[
            ("why", 1),
            ("fail", 2),
            ("wrong", 2),
            ("error", 2),
            ("bug", 2),
            ("incorrect", 2),
            ("crash", 2),
            ("exception", 2),
            ("doesn't work", 2),
            ("does not work", 2),
            ("broken", 2),
            ("not pass", 2),
        ],
    ),
    (
        Intent::ExplainPattern,
        &[
            ("explain", 2),
            ("pattern", 3),
            ("concept", 2),
            ("technique", 2),
            ("what is a", 2),
            ("what's a", 2),
            ("how does", 1),
            ("teach", 2),
            ("understand", 1),
            ("approach", 1),
            ("idea", 1),
        ],
    ),
];

/// The intent of a question; an empty question asks for the next hint.
pub fn classify(question: &str) -> Intent {
    let q = question.to_lowercase();
    if q.trim().is_empty() {
        return Intent::NextHint;
    }
    let mut best = (Intent::General, 0);
    for (intent, phrases) in TABLE {
        let score: u32 = phrases.iter().filter(|(p, _)| q.contains(p)).map(|(_, w)| w).sum();
        if score > best.1 {
            best = (*intent, score);
        }
    }
    best.0
}

/// Whether the learner says they give up (which unlocks the full solution).
pub fn gives_up(question: &str) -> bool {
    let q = question.to_lowercase();
    ["give up", "giving up", "gave up", "i quit"].iter().any(|p| q.contains(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_five_asked_intents_and_a_default() {
        let cases = [
            ("next hint", Intent::NextHint),
            ("I'm stuck", Intent::NextHint),
            ("", Intent::NextHint),
            ("why did this fail?", Intent::WhyFail),
            ("why is my answer wrong", Intent::WhyFail),
            ("what is my complexity", Intent::Complexity),
            ("why is it slow?", Intent::Complexity),
            ("what edge case am I missing", Intent::EdgeCase),
            ("explain this pattern", Intent::ExplainPattern),
            ("I give up, show me the solution", Intent::Solution),
            ("why does my solution fail", Intent::WhyFail),
            ("hello there", Intent::General),
        ];
        for (q, want) in cases {
            assert_eq!(classify(q), want, "{q:?}");
        }
        assert!(gives_up("ok I GIVE UP"));
        assert!(!gives_up("show me the solution"));
    }
}
