//! Which mistake patterns a problem exercises: the problems whose solves may move a pattern's mastery
//! (docs/LEARNER.md, "Which problems exercise which pattern"). A solve says something about a pattern only
//! when the problem gave the learner a chance to make that mistake; four easy hash-map solves say nothing
//! about rescanning loops.
//!
//! [`exercised`] is the rule, pure, from what a problem declares:
//! - `missing_edge_case`: a test tagged with a real edge input (`empty`, `single`, `duplicates`,
//!   `negatives`, `zeros`, `overflow`, `all_same`);
//! - `suboptimal_complexity`: large tests (a slow approach times out on them) and a polynomial optimal
//!   bound (below `O(2^n)`, so that something slower exists to time out);
//! - `inefficient_loop`: large tests and a tag whose natural loop can redo whole-sequence work on every
//!   pass (a window, a prefix, a running value, a DP row, a stack of candidates, ...);
//! - `wrong_data_structure`, `off_by_one`, `missing_validation`: the problem's tags ([`TAGS`]);
//! - and any pattern whose knowledge note names the problem under "Practise it".
//!
//! [`Exercises`] holds the rule's answer for a whole bank, with a digest that changes when the answer does
//! (a saved fold made with another map is folded again).

use std::collections::{BTreeMap, HashMap};

use crate::analysis::FindingKind::{self, *};
use crate::complexity::Complexity;
use crate::problems::Edge;

use super::weakness::mask_bit;

/// The tags (`patterns` in problem.toml) that exercise a pattern on their own.
pub const TAGS: [(FindingKind, &[&str]); 4] = [
    (
        WrongDataStructure,
        &[
            "hash-map",
            "hash-set",
            "counting",
            "complement-lookup",
            "bucket-sort",
            "heap",
            "min-heap",
            "max-heap",
            "two-heaps",
            "top-k",
            "k-way-merge",
            "stack",
            "monotonic-stack",
            "monotonic-deque",
            "queue",
            "bfs",
            "multi-source-bfs",
            "implicit-bfs",
            "trie",
            "union-find",
            "doubly-linked-list",
            "design",
        ],
    ),
    (
        OffByOne,
        &[
            "binary-search",
            "binary-search-on-answer",
            "sliding-window",
            "two-pointers",
            "fast-slow-pointers",
            "prefix-sum",
            "prefix-product",
            "prefix-max",
            "prefix-minimum",
            "expand-around-center",
            "palindrome",
            "sorted-array",
            "circular-array",
            "flattened-index",
            "digit-arrays",
            "intervals",
            "matrix",
            "in-place",
            "dynamic-programming",
            "1d-dp",
            "2d-dp",
            "grid-dp",
            "string-dp",
            "two-sequence-dp",
            "interval-dp",
        ],
    ),
    (
        MissingValidation,
        &[
            "stack",
            "monotonic-stack",
            "balanced-parentheses",
            "expression-evaluation",
            "heap",
            "min-heap",
            "max-heap",
            "two-heaps",
            "queue",
            "hash-map",
            "counting",
            "intervals",
            "palindrome",
            "filtering",
            "design",
        ],
    ),
    (
        InefficientLoop,
        &[
            "sliding-window",
            "prefix-sum",
            "prefix-product",
            "prefix-max",
            "prefix-minimum",
            "running-minimum",
            "kadane",
            "greedy",
            "two-pointers",
            "expand-around-center",
            "monotonic-stack",
            "monotonic-deque",
            "dynamic-programming",
            "1d-dp",
            "string-dp",
        ],
    ),
];

/// Patterns of [`TAGS`] that a tag exercises only when the problem has large tests: a loop that redoes
/// work costs nothing visible on small inputs.
const NEEDS_LARGE: [FindingKind; 1] = [InefficientLoop];

/// Edges that are real edge inputs (not `large`, `sorted`, `boundary` or `general`).
const EDGE_INPUTS: [Edge; 7] =
    [Edge::Empty, Edge::Single, Edge::Duplicates, Edge::Negatives, Edge::Zeros, Edge::Overflow, Edge::AllSame];

/// What a problem declares, as far as the rule reads it.
#[derive(Debug, Clone, Copy)]
pub struct ProblemFacts<'a> {
    /// `patterns` in problem.toml.
    pub tags: &'a [String],
    /// The edges its tests are tagged with (`large` when it has large tests).
    pub edges: &'a [Edge],
    pub optimal_time: Complexity,
    /// Patterns whose knowledge note names the problem under "Practise it".
    pub practised: &'a [FindingKind],
}

/// The patterns the problem exercises, as a mask (bit `FindingKind::ALL` position); see the module docs.
pub fn exercised(p: &ProblemFacts<'_>) -> u32 {
    let large = p.edges.contains(&Edge::Large);
    let mut mask = 0;
    if p.edges.iter().any(|e| EDGE_INPUTS.contains(e)) {
        mask |= mask_bit(MissingEdgeCase);
    }
    if large && p.optimal_time < Complexity::Exponential {
        mask |= mask_bit(SuboptimalComplexity);
    }
    for (kind, tags) in TAGS {
        if (large || !NEEDS_LARGE.contains(&kind)) && p.tags.iter().any(|t| tags.contains(&t.as_str())) {
            mask |= mask_bit(kind);
        }
    }
    for kind in p.practised {
        mask |= mask_bit(*kind);
    }
    mask
}

/// The kinds in a mask, in `FindingKind::ALL` order.
pub fn kinds(mask: u32) -> Vec<FindingKind> {
    FindingKind::ALL.into_iter().filter(|k| mask & mask_bit(*k) != 0).collect()
}

/// What every problem of a bank exercises, and a digest of it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Exercises {
    masks: HashMap<String, u32>,
    digest: u64,
}

impl Exercises {
    /// From (slug, mask) pairs.
    pub fn new(pairs: impl IntoIterator<Item = (String, u32)>) -> Exercises {
        let sorted: BTreeMap<String, u32> = pairs.into_iter().collect();
        // FNV-1a over the sorted pairs: stable across runs and Rust versions, unlike `DefaultHasher`.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for (slug, mask) in &sorted {
            for b in slug.bytes().chain([0]).chain(mask.to_le_bytes()) {
                h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
            }
        }
        Exercises { masks: sorted.into_iter().collect(), digest: h }
    }

    /// The patterns `slug` exercises; none for a problem the bank does not have (any more).
    pub fn get(&self, slug: &str) -> u32 {
        self.masks.get(slug).copied().unwrap_or(0)
    }

    /// Changes whenever any problem's mask does.
    pub fn digest(&self) -> u64 {
        self.digest
    }
}

/// The patterns whose notes name each problem under "Practise it".
pub fn practised_by_notes() -> HashMap<String, Vec<FindingKind>> {
    let mut out: HashMap<String, Vec<FindingKind>> = HashMap::new();
    for kind in FindingKind::ALL {
        for slug in super::facts::practice_problems(kind) {
            out.entry(slug).or_default().push(kind);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts<'a>(tags: &'a [String], edges: &'a [Edge], opt: Complexity) -> ProblemFacts<'a> {
        ProblemFacts { tags, edges, optimal_time: opt, practised: &[] }
    }

    fn tags(t: &[&str]) -> Vec<String> {
        t.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_hash_map_problem_with_large_tests_exercises_complexity_and_structures_but_not_loops() {
        let t = tags(&["hash-map", "complement-lookup"]);
        let got = kinds(exercised(&facts(&t, &[Edge::Duplicates, Edge::Large], Complexity::Linear)));
        assert_eq!(got, [MissingEdgeCase, SuboptimalComplexity, WrongDataStructure, MissingValidation]);
    }

    #[test]
    fn running_values_exercise_inefficient_loops_only_when_large_inputs_make_them_matter() {
        let t = tags(&["greedy", "running-minimum"]);
        assert!(kinds(exercised(&facts(&t, &[Edge::Large], Complexity::Linear))).contains(&InefficientLoop));
        assert!(!kinds(exercised(&facts(&t, &[Edge::Single], Complexity::Linear))).contains(&InefficientLoop));
    }

    #[test]
    fn edges_that_are_not_edge_inputs_and_exponential_bounds_exercise_nothing() {
        let t = tags(&["backtracking"]);
        let e = [Edge::Boundary, Edge::General, Edge::Sorted, Edge::Large];
        assert_eq!(exercised(&facts(&t, &e, Complexity::Exponential)), 0);
        assert_eq!(kinds(exercised(&facts(&t, &e, Complexity::Quadratic))), [SuboptimalComplexity]);
        assert_eq!(kinds(exercised(&facts(&t, &[Edge::Empty], Complexity::Exponential))), [MissingEdgeCase]);
    }

    #[test]
    fn tags_and_notes_add_their_patterns() {
        let t = tags(&["binary-search"]);
        assert_eq!(kinds(exercised(&facts(&t, &[], Complexity::Log))), [OffByOne]);
        let t = tags(&["stack"]);
        assert_eq!(kinds(exercised(&facts(&t, &[], Complexity::Linear))), [WrongDataStructure, MissingValidation]);
        let p = ProblemFacts { tags: &[], edges: &[], optimal_time: Complexity::Linear, practised: &[InefficientLoop] };
        assert_eq!(kinds(exercised(&p)), [InefficientLoop]);
    }

    #[test]
    fn the_digest_follows_the_masks() {
        let a = Exercises::new([("a".to_string(), 1), ("b".to_string(), 2)]);
        let b = Exercises::new([("b".to_string(), 2), ("a".to_string(), 1)]);
        let c = Exercises::new([("a".to_string(), 1), ("b".to_string(), 3)]);
        assert_eq!(a.digest(), b.digest());
        assert_ne!(a.digest(), c.digest());
        assert_eq!((a.get("b"), a.get("zzz")), (2, 0));
    }
}
