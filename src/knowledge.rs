//! Curated notes: one per mistake pattern (`knowledge/patterns/<kind>.md`), one per topic
//! (`knowledge/topics/<topic>.md`), and the topic progression (`knowledge/progression.toml`), all embedded in
//! the binary at build time.
//!
//! Edits to existing files rebuild the crate (include_dir embeds them with `include_bytes!`); a *new* file
//! is picked up because build.rs asks cargo to re-run it, and so recompile the crate, when `knowledge/`
//! changes.
//!
//! Invariants (checked by the tests below): every [`FindingKind`](crate::analysis::FindingKind) has a pattern
//! note named by its JSON value; every topic of the progression has a note; prerequisites name earlier
//! topics; every problem slug the progression names exists in `problems/`.

use include_dir::{include_dir, Dir};
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

static KNOWLEDGE: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/knowledge");

/// A note's kind, as printed by `codify note`.
pub const PATTERN: &str = "pattern";
pub const TOPIC: &str = "topic";

/// The markdown text of a pattern or topic note. `missing-edge-case` finds `missing_edge_case` and
/// `hash_maps` finds `hash-maps`.
pub fn note(name: &str) -> Option<&'static str> {
    let name = name.trim().trim_end_matches(".md");
    if name.is_empty() || name.contains('/') || name.contains('\\') {
        return None;
    }
    let variants = [name.to_string(), name.replace('-', "_"), name.replace('_', "-")];
    for dir in ["patterns", "topics"] {
        for v in &variants {
            if let Some(f) = KNOWLEDGE.get_file(format!("{dir}/{v}.md")) {
                return f.contents_utf8();
            }
        }
    }
    None
}

/// Every note as `(name, kind)`, patterns first, each group sorted by name.
pub fn notes() -> Vec<(&'static str, &'static str)> {
    let mut out = Vec::new();
    for (dir, kind) in [("patterns", PATTERN), ("topics", TOPIC)] {
        let Some(d) = KNOWLEDGE.get_dir(dir) else { continue };
        let mut names: Vec<&'static str> = d
            .files()
            .filter(|f| f.path().extension().is_some_and(|e| e == "md"))
            .filter_map(|f| f.path().file_stem().and_then(|s| s.to_str()))
            .collect();
        names.sort_unstable();
        out.extend(names.into_iter().map(|n| (n, kind)));
    }
    out
}

/// One section of a note (split at `## ` headings), for search and embeddings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Passage {
    pub note: &'static str,
    pub kind: &'static str,
    pub heading: String,
    pub text: String,
}

/// Every note cut into sections.
pub fn passages() -> Vec<Passage> {
    let mut out = Vec::new();
    for (name, kind) in notes() {
        let Some(text) = note(name) else { continue };
        let mut heading = String::new();
        let mut body = String::new();
        let mut flush = |heading: &str, body: &mut String| {
            if !body.trim().is_empty() {
                out.push(Passage { note: name, kind, heading: heading.to_string(), text: body.trim().to_string() });
            }
            body.clear();
        };
        for line in text.lines() {
            if let Some(h) = line.strip_prefix("## ") {
                flush(&heading, &mut body);
                heading = h.trim().to_string();
            } else if let Some(h) = line.strip_prefix("# ") {
                heading = h.trim().to_string();
            } else {
                body.push_str(line);
                body.push('\n');
            }
        }
        flush(&heading, &mut body);
    }
    out
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// Also the name of its note.
    pub name: String,
    pub title: String,
    /// Topics to be comfortable with first; all appear earlier in the progression.
    #[serde(default)]
    pub requires: Vec<String>,
    /// Bank problems that practise this topic, easiest first.
    #[serde(default)]
    pub problems: Vec<String>,
    /// One line on what the topic teaches.
    #[serde(default)]
    pub summary: String,
}

/// The ordered topics, from first to last.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progression {
    #[serde(rename = "topic")]
    pub topics: Vec<Topic>,
    /// Names older versions used, or that learners type, and the topics that replaced them.
    #[serde(default)]
    pub renamed: BTreeMap<String, Vec<String>>,
}

impl Progression {
    pub fn topic(&self, name: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.name == name)
    }

    /// The topics a name stands for: the topic itself, or what a [`renamed`](Progression::renamed) name became.
    /// Empty when the name is neither.
    pub fn expand(&self, name: &str) -> Vec<&Topic> {
        match self.renamed.get(name) {
            Some(to) => to.iter().filter_map(|t| self.topic(t)).collect(),
            None => self.topic(name).into_iter().collect(),
        }
    }

    /// The topics whose `problems` list `slug`, in progression order.
    pub fn topics_listing(&self, slug: &str) -> Vec<&str> {
        self.topics.iter().filter(|t| t.problems.iter().any(|p| p == slug)).map(|t| t.name.as_str()).collect()
    }

    /// 0-based position of a topic in the order.
    pub fn position(&self, name: &str) -> Option<usize> {
        self.topics.iter().position(|t| t.name == name)
    }

    /// The topics that list a problem.
    pub fn topics_for(&self, slug: &str) -> Vec<&Topic> {
        self.topics.iter().filter(|t| t.problems.iter().any(|p| p == slug)).collect()
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum KnowledgeError {
    #[error("knowledge/progression.toml is missing from the build")]
    Missing,
    #[error("knowledge/progression.toml: {0}")]
    Parse(String),
    #[error("knowledge/progression.toml: topic `{0}` appears twice")]
    Duplicate(String),
    #[error("knowledge/progression.toml: topic `{topic}` requires unknown topic `{requires}`")]
    UnknownPrerequisite { topic: String, requires: String },
    #[error("knowledge/progression.toml: topic `{topic}` requires `{requires}`, which must come before it")]
    OutOfOrder { topic: String, requires: String },
    #[error("knowledge/progression.toml: topic `{0}` has no note knowledge/topics/{0}.md")]
    MissingNote(String),
    #[error("knowledge/progression.toml: renamed `{from}` must name existing topics and not be one ({to:?})")]
    BadRename { from: String, to: Vec<String> },
}

/// The embedded progression, parsed and validated.
pub fn progression() -> Result<Progression, KnowledgeError> {
    let text = KNOWLEDGE.get_file("progression.toml").and_then(|f| f.contents_utf8()).ok_or(KnowledgeError::Missing)?;
    parse_progression(text, |name| KNOWLEDGE.get_file(format!("topics/{name}.md")).is_some())
}

/// Parses and validates a progression; `has_note` says whether a topic note exists.
pub fn parse_progression(text: &str, has_note: impl Fn(&str) -> bool) -> Result<Progression, KnowledgeError> {
    let p: Progression = toml::from_str(text).map_err(|e| KnowledgeError::Parse(e.to_string().trim().to_string()))?;
    for (i, t) in p.topics.iter().enumerate() {
        if p.topics[..i].iter().any(|o| o.name == t.name) {
            return Err(KnowledgeError::Duplicate(t.name.clone()));
        }
        for r in &t.requires {
            match p.position(r) {
                None => return Err(KnowledgeError::UnknownPrerequisite { topic: t.name.clone(), requires: r.clone() }),
                Some(j) if j >= i => {
                    return Err(KnowledgeError::OutOfOrder { topic: t.name.clone(), requires: r.clone() })
                }
                Some(_) => {}
            }
        }
        if !has_note(&t.name) {
            return Err(KnowledgeError::MissingNote(t.name.clone()));
        }
    }
    for (from, to) in &p.renamed {
        if p.topic(from).is_some() || to.is_empty() || to.iter().any(|t| p.topic(t).is_none()) {
            return Err(KnowledgeError::BadRename { from: from.clone(), to: to.clone() });
        }
    }
    Ok(p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::FindingKind;

    #[test]
    fn every_finding_kind_has_a_pattern_note() {
        for kind in FindingKind::ALL {
            let text = note(kind.note()).unwrap_or_else(|| panic!("no note for {kind}"));
            assert!(text.starts_with("# "), "{kind}: a note starts with a title");
            for section in ["## What it is", "## How to spot it", "## Before and after", "## Practise it"] {
                assert!(text.contains(section), "{kind}: missing section {section}");
            }
            assert!(notes().contains(&(kind.note(), PATTERN)));
        }
    }

    /// The NeetCode roadmap's 18 sections in its order, and the bank topics each covers. prefix-sums and
    /// matrices are the bank's own finer topics with no section of their own.
    const ROADMAP: [(&str, &[&str]); 18] = [
        ("Arrays & Hashing", &["arrays", "strings", "hash-maps"]),
        ("Two Pointers", &["two-pointers"]),
        ("Sliding Window", &["sliding-window"]),
        ("Stack", &["stacks"]),
        ("Binary Search", &["binary-search"]),
        ("Linked List", &["linked-lists"]),
        ("Trees", &["trees"]),
        ("Tries", &["tries"]),
        ("Heap / Priority Queue", &["heaps"]),
        ("Backtracking", &["backtracking"]),
        ("Graphs", &["graphs"]),
        ("Advanced Graphs", &["advanced-graphs"]),
        ("1-D Dynamic Programming", &["dp-1d"]),
        ("2-D Dynamic Programming", &["dp-2d"]),
        ("Greedy", &["greedy"]),
        ("Intervals", &["intervals"]),
        ("Math & Geometry", &["math-geometry"]),
        ("Bit Manipulation", &["bit-manipulation"]),
    ];

    #[test]
    fn the_progression_follows_the_roadmap_order() {
        let p = progression().expect("the bundled progression is valid");
        let section = |topic: &str| ROADMAP.iter().position(|(_, topics)| topics.contains(&topic));
        let mut last = (0, "");
        for t in &p.topics {
            match section(&t.name) {
                Some(s) => {
                    assert!(
                        s >= last.0,
                        "{} ({}) comes after {} ({})",
                        t.name,
                        ROADMAP[s].0,
                        last.1,
                        ROADMAP[last.0].0
                    );
                    last = (s, t.name.as_str());
                }
                None => assert!(
                    ["prefix-sums", "matrices"].contains(&t.name.as_str()),
                    "{} is on no roadmap section",
                    t.name
                ),
            }
        }
        for (name, topics) in ROADMAP {
            for topic in topics {
                assert!(p.topic(topic).is_some_and(|t| !t.problems.is_empty()), "{name}: no `{topic}` problems");
            }
        }
    }

    #[test]
    fn every_topic_has_a_note_and_the_progression_is_valid() {
        let p = progression().expect("progression parses and validates");
        assert!(p.topics.len() >= 12);
        for t in &p.topics {
            let text = note(&t.name).unwrap_or_else(|| panic!("no note for topic {}", t.name));
            let headings: Vec<&str> = text.lines().filter(|l| l.starts_with("## ")).collect();
            let templates = |h: &str| h.ends_with("templates worth knowing");
            assert!(
                matches!(headings[..], ["## Core ideas", h, "## Typical pitfalls", "## Where it sits"] if templates(h)),
                "{}: sections are {headings:?}",
                t.name
            );
            // The practice paragraph names every problem of the topic, in the progression's order.
            let practice = text.split("\nPractice:").nth(1).unwrap_or_default();
            let named: Vec<&str> = practice.split('`').skip(1).step_by(2).collect();
            assert_eq!(named, t.problems, "{}: the Practice paragraph", t.name);
            assert!(notes().contains(&(t.name.as_str(), TOPIC)));
        }
        for required in [
            "arrays",
            "hash-maps",
            "strings",
            "two-pointers",
            "sliding-window",
            "stacks",
            "binary-search",
            "linked-lists",
            "trees",
            "heaps",
            "graphs",
            "dp-1d",
            "dp-2d",
        ] {
            assert!(p.topic(required).is_some(), "progression lacks {required}");
        }
    }

    #[test]
    fn progression_slugs_exist_in_the_bank() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("problems");
        let p = progression().expect("progression");
        for t in &p.topics {
            for slug in &t.problems {
                assert!(
                    dir.join(slug).join("problem.toml").is_file(),
                    "topic {}: no problem {slug} in problems/",
                    t.name
                );
            }
        }
    }

    #[test]
    fn every_bank_problem_sits_in_a_topic_that_lists_it() {
        // Found in review: 18 problems kept the `arrays`/`strings` topic of the first bank while the
        // progression taught them under two pointers, sliding window, binary search, ...; the list's topic
        // filter then showed one two-pointer problem. `codify problems validate` reports the same.
        let p = progression().expect("progression");
        let bank = crate::problems::Bank::load(&[]);
        for problem in bank.all() {
            let listed = p.topics_listing(&problem.slug);
            assert!(!listed.is_empty(), "{}: no topic of the progression lists it", problem.slug);
            assert!(
                listed.contains(&problem.topic.as_str()),
                "{}: topic `{}` but listed under {listed:?}",
                problem.slug,
                problem.topic
            );
        }
    }

    /// A note's worked example must not solve a bank problem: no code block of a pattern or topic note
    /// names a bank problem's entry method (`twoSum`, `max_profit`) or its slug as a function name.
    #[test]
    fn note_examples_are_not_bank_problems() {
        let bank = crate::problems::Bank::load(&[]);
        let snake = |m: &str| {
            m.chars().fold(String::new(), |mut out, c| {
                if c.is_ascii_uppercase() {
                    out.push('_');
                }
                out.push(c.to_ascii_lowercase());
                out
            })
        };
        let mut names: Vec<String> = Vec::new();
        for p in bank.all() {
            if let Some(m) = p.signature.method.as_deref().filter(|m| m.chars().any(|c| c.is_ascii_uppercase())) {
                names.extend([m.to_string(), snake(m)]);
            }
            names.push(format!("def {}(", p.slug.replace('-', "_")));
        }
        for (name, _) in notes() {
            let text = note(name).unwrap_or_default();
            let code: Vec<&str> = text.split("```").skip(1).step_by(2).collect();
            for block in code {
                for n in &names {
                    assert!(!block.contains(n.as_str()), "{name}: an example names the bank's `{n}`:\n{block}");
                }
            }
        }
    }

    #[test]
    fn pattern_notes_name_existing_problems() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("problems");
        for kind in FindingKind::ALL {
            let text = note(kind.note()).unwrap_or_default();
            let practise = text.split("## Practise it").nth(1).unwrap_or_default();
            // Backticked words that look like slugs (code such as `len(s) - 1` does not).
            let slugs: Vec<&str> = practise
                .split('`')
                .skip(1)
                .step_by(2)
                .filter(|s| s.starts_with(|c: char| c.is_ascii_lowercase()))
                .filter(|s| s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
                .collect();
            assert!(slugs.len() >= 3, "{kind}: name at least three practice problems");
            for slug in slugs {
                assert!(dir.join(slug).is_dir(), "{kind}: practice problem {slug} not in problems/");
            }
        }
    }

    #[test]
    fn names_are_forgiving_and_safe() {
        assert_eq!(note("missing-edge-case"), note("missing_edge_case"));
        assert_eq!(note("hash_maps"), note("hash-maps"));
        assert!(note("../Cargo").is_none());
        assert!(note("").is_none());
        assert!(note("no-such-note").is_none());
    }

    #[test]
    fn invalid_progressions_fail_with_the_reason() {
        let ok = |_: &str| true;
        let unknown = "[[topic]]\nname = \"a\"\ntitle = \"A\"\nrequires = [\"zzz\"]\n";
        assert_eq!(
            parse_progression(unknown, ok),
            Err(KnowledgeError::UnknownPrerequisite { topic: "a".into(), requires: "zzz".into() })
        );
        let order =
            "[[topic]]\nname = \"a\"\ntitle = \"A\"\nrequires = [\"b\"]\n[[topic]]\nname = \"b\"\ntitle = \"B\"\n";
        assert_eq!(
            parse_progression(order, ok),
            Err(KnowledgeError::OutOfOrder { topic: "a".into(), requires: "b".into() })
        );
        let dup = "[[topic]]\nname = \"a\"\ntitle = \"A\"\n[[topic]]\nname = \"a\"\ntitle = \"A\"\n";
        assert_eq!(parse_progression(dup, ok), Err(KnowledgeError::Duplicate("a".into())));
        let no_note = "[[topic]]\nname = \"a\"\ntitle = \"A\"\n";
        assert_eq!(parse_progression(no_note, |_| false), Err(KnowledgeError::MissingNote("a".into())));
        assert!(matches!(parse_progression("[[topic]]\nname = 1", ok), Err(KnowledgeError::Parse(_))));
    }

    #[test]
    fn passages_split_notes_by_section() {
        let ps = passages();
        assert!(ps.iter().any(|p| p.note == "missing_edge_case" && p.heading == "What it is"));
        assert!(ps.iter().all(|p| !p.text.is_empty()));
    }
}
