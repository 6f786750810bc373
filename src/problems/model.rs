//! The problem model: what a loaded, validated problem looks like to the rest of the program.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::complexity::Complexity;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

impl Difficulty {
    pub fn as_str(self) -> &'static str {
        match self {
            Difficulty::Easy => "easy",
            Difficulty::Medium => "medium",
            Difficulty::Hard => "hard",
        }
    }

    pub fn parse(s: &str) -> Option<Difficulty> {
        match s.to_ascii_lowercase().as_str() {
            "easy" => Some(Difficulty::Easy),
            "medium" => Some(Difficulty::Medium),
            "hard" => Some(Difficulty::Hard),
            _ => None,
        }
    }
}

/// The edge a hidden test exercises; analysis turns a failure on one into a `missing_edge_case` finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Edge {
    Empty,
    Single,
    Duplicates,
    Negatives,
    Zeros,
    Overflow,
    Large,
    Sorted,
    AllSame,
    Boundary,
    General,
}

impl Edge {
    pub fn as_str(self) -> &'static str {
        match self {
            Edge::Empty => "empty",
            Edge::Single => "single",
            Edge::Duplicates => "duplicates",
            Edge::Negatives => "negatives",
            Edge::Zeros => "zeros",
            Edge::Overflow => "overflow",
            Edge::Large => "large",
            Edge::Sorted => "sorted",
            Edge::AllSame => "all_same",
            Edge::Boundary => "boundary",
            Edge::General => "general",
        }
    }
}

/// The well-known problem lists a problem can name in `lists`: the Blind 75 and the NeetCode 150.
pub const LISTS: [&str; 2] = ["blind-75", "neetcode-150"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SignatureKind {
    #[default]
    Function,
    Design,
    /// A round trip through a class's two methods (`methods = [encode, decode]`): the answer is
    /// `decode(encode(x))` for the one parameter `x`, judged against `x` itself, never the encoded text.
    Codec,
}

impl SignatureKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SignatureKind::Function => "function",
            SignatureKind::Design => "design",
            SignatureKind::Codec => "codec",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Param {
    pub name: String,
    #[serde(rename = "type")]
    pub ty: String,
    /// `ListNode` parameters: the input key (not an argument) holding the index the tail links back to,
    /// `-1` for no cycle (`linked-list-cycle`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cycle: Option<String>,
    /// `TreeNode` parameters given by value in tests and resolved to the node of the named tree parameter
    /// that holds that value (`lowest-common-ancestor-of-a-binary-search-tree`: `p` and `q` of `root`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub node_of: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    #[serde(default)]
    pub kind: SignatureKind,
    #[serde(default = "default_class")]
    pub class: String,
    #[serde(default)]
    pub method: Option<String>,
    #[serde(default)]
    pub params: Vec<Param>,
    #[serde(default)]
    pub returns: Option<String>,
    /// In-place problems: the parameter whose value after the call is the answer.
    #[serde(default)]
    pub output: Option<String>,
    /// Design problems: the methods the class must have. Codec problems: the encoder, then the decoder.
    #[serde(default)]
    pub methods: Vec<String>,
    /// The answer is a node of this tree parameter, judged by identity and reported by its value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub returns_node_of: Option<String>,
    /// The answer must be a deep copy of this parameter: no node of it may be a node of the input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deep_copy_of: Option<String>,
}

fn default_class() -> String {
    "Solution".to_string()
}

/// How the judge compares an actual answer with the expected one.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum Compare {
    Exact,
    /// The first `depth` list levels are compared as multisets.
    AnyOrder {
        depth: u32,
    },
    Float {
        tolerance: f64,
    },
    /// Python `check(inp, expected, actual) -> bool`, run in its own sandboxed process.
    Checker {
        code: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Limits {
    /// Wall-clock limit for one test case, measured by the parent.
    pub time_ms: u64,
    /// Address-space limit of the interpreter.
    pub memory_mb: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TestCase {
    /// 1-based, in file order (tests.jsonl, then large.jsonl).
    pub id: usize,
    pub input: Value,
    pub expected: Value,
    pub hidden: bool,
    pub edge: Option<Edge>,
    pub explain: Option<String>,
}

impl TestCase {
    /// A case made from a generated input, with no expected answer yet (the reference's goes there).
    pub fn generated(id: usize, input: serde_json::Value) -> TestCase {
        TestCase { id, input, expected: serde_json::Value::Null, hidden: false, edge: None, explain: None }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    pub slug: String,
    pub title: String,
    pub difficulty: Difficulty,
    pub topic: String,
    pub patterns: Vec<String>,
    /// The well-known lists the problem belongs to (`blind-75`, `neetcode-150`); see [`LISTS`].
    pub lists: Vec<String>,
    pub optimal_time: Complexity,
    pub optimal_space: Complexity,
    pub statement: String,
    pub constraints: Vec<String>,
    pub hints: Vec<String>,
    pub starter: String,
    pub signature: Signature,
    pub compare: Compare,
    pub limits: Limits,
    /// The reference solution's source.
    #[serde(skip)]
    pub solution: String,
    /// Parameters the signature types as a bare node (`TreeNode`, not `Optional[TreeNode]`): the problem
    /// promises a node, so the analyser does not ask the solution to check them for None.
    #[serde(skip)]
    pub promised_nodes: Vec<String>,
    /// Collection parameters the constraints promise are never empty ([`non_empty_params`]).
    pub non_empty: Vec<String>,
    /// Where the problem came from, for error messages: `problems/two-sum` or a folder path.
    pub origin: String,
    #[serde(skip)]
    pub(crate) tests_source: super::load::TestsSource,
}

impl Problem {
    /// The keys of a test's input in the order a reader expects them: the parameters as the signature
    /// lists them (a cycle position right after its list), or `ops` then `args` for a design problem.
    pub fn input_order(&self) -> Vec<&str> {
        match self.signature.kind {
            SignatureKind::Design => vec!["ops", "args"],
            SignatureKind::Function | SignatureKind::Codec => self
                .signature
                .params
                .iter()
                .flat_map(|p| std::iter::once(p.name.as_str()).chain(p.cycle.as_deref()))
                .collect(),
        }
    }

    /// `Solution().twoSum(nums, target)` — how the judge calls the learner's code.
    pub fn call_shape(&self) -> String {
        let sig = &self.signature;
        match sig.kind {
            SignatureKind::Design => format!("{}(...) and its methods {}", sig.class, sig.methods.join(", ")),
            SignatureKind::Codec => {
                let (enc, dec) = (sig.methods.first().map_or("?", |m| m), sig.methods.get(1).map_or("?", |m| m));
                let x = sig.params.first().map_or("x", |p| p.name.as_str());
                format!("{c}().{dec}({c}().{enc}({x}))", c = sig.class)
            }
            SignatureKind::Function => {
                let params: Vec<&str> = sig.params.iter().map(|p| p.name.as_str()).collect();
                format!("{}().{}({})", sig.class, sig.method.as_deref().unwrap_or("?"), params.join(", "))
            }
        }
    }
}

/// Parameters a constraint promises at least one item: `1 <= len(nums)` (also `... <= 10^4` after it),
/// `1 <= nums.length`, `len(nums) >= 1`.
pub fn non_empty_params(constraints: &[String], params: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for c in constraints {
        let c: String = c.chars().filter(|ch| !ch.is_whitespace()).collect();
        let name = c
            .strip_prefix("1<=len(")
            .and_then(|r| r.split_once(')').map(|(n, _)| n))
            .or_else(|| c.strip_prefix("1<=").and_then(|r| r.split_once(".length").map(|(n, _)| n)))
            .or_else(|| c.strip_prefix("len(").and_then(|r| r.split_once(")>=1").map(|(n, _)| n)));
        if let Some(n) = name.filter(|n| params.iter().any(|p| p == n) && !out.iter().any(|o: &String| o == n)) {
            out.push(n.to_string());
        }
    }
    out
}

#[cfg(test)]
mod constraint_tests {
    use super::non_empty_params;

    #[test]
    fn constraints_promise_non_empty_inputs() {
        let params = ["nums".to_string(), "s".to_string(), "k".to_string()];
        let c = |v: &[&str]| non_empty_params(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>(), &params);
        assert_eq!(c(&["1 <= len(nums) <= 5 * 10^4", "-10^4 <= nums[i] <= 10^4"]), ["nums"]);
        assert_eq!(c(&["1 <= s.length <= 100"]), ["s"]);
        assert_eq!(c(&["len(s) >= 1"]), ["s"]);
        assert!(c(&["0 <= len(nums) <= 10^4", "1 <= k <= len(nums)", "1 <= len(other)"]).is_empty());
    }
}
