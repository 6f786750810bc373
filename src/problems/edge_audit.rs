//! The edge-tag audit run by `codify problems validate`: does a test's input really have what its `edge`
//! tag claims? The tag reaches learners (results, feedback, the tutor's "this failed on repeated values"),
//! so a wrong one teaches the wrong lesson.
//!
//! Each parameter is read by its signature type ([`Reader`]); each reader judges only the tags that mean
//! something for its shape and says nothing about the rest:
//!
//! | reader | empty | single | duplicates | all_same | sorted | negatives | zeros |
//! |---|---|---|---|---|---|---|---|
//! | number (`int`, `float`, a `node_of` value) | | one digit | | | | < 0 | 0 or a `0` digit |
//! | numbers (`List[int]`, `ListNode`, `RandomNode` values) | `[]` | 1 item | a repeat | ≥ 2, all equal | ≥ 2, in order | any < 0 | any 0 |
//! | text (`str`) | `""` | 1 char | a repeated char | ≥ 2, one char | ≥ 2 chars in order | an integer < 0 | a `0` |
//! | texts (`List[str]`) | `[]` or a `""` | 1 string | a repeated string | ≥ 2, all equal | ≥ 2 in order | an integer < 0 | a `0` |
//! | tree (`TreeNode`, level order) | no node | 1 node | a repeated value | ≥ 2 nodes, all equal | | any < 0 | any 0 |
//! | grid (`List[List[..]]` named `grid`, `matrix`, `board`, `heights`, `rooms`) | `[]` or `[[]]` | 1 row or 1 column | a repeated cell | ≥ 2 cells, all equal | rows and columns in one order | a cell < 0 | a cell 0 or `"0"` |
//! | records (any other `List[List[..]]`: intervals, edges, points, tickets) | `[]` | 1 record | a repeated record | ≥ 2, all equal | ≥ 2 records in order | a number < 0 | a number 0 |
//! | lists (`List[ListNode]`) | `[]` or an empty list | 1 list | a value repeated | ≥ 2 values, all equal | | any < 0 | any 0 |
//! | graph (`GraphNode`) | no node | 1 node | | | | | |
//! | design problems (`ops`/`args`) | | | | | | a number < 0 in `args` | a 0 in `args` |
//!
//! A list-valued parameter that is an item of another (`newInterval` already in `intervals`) also counts
//! as `duplicates`. "In order" is ascending or descending (both are the already-sorted trap). A tag holds when at least one
//! parameter that can judge it says it holds; it is reported when some parameter can judge it and none
//! does; when none can (`single` on an `int`, `sorted` on a tree, `duplicates` in a design problem's
//! operations), nothing is said. `general`, `boundary`, `large` and `overflow` are never judged: they name
//! the author's intent, not a property of the values.

use std::cmp::Ordering;

use serde_json::Value;

use super::model::{Edge, Param, Problem, SignatureKind};
use super::structures::{strip_optional, Structure};

/// How one parameter's value is read; see the module's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reader {
    Number,
    Numbers,
    Text,
    Texts,
    Tree,
    RandomList,
    Grid,
    Records,
    Lists,
    Graph,
    /// `bool` and anything else: judges nothing.
    Opaque,
}

/// `List[List[..]]` parameters with these names are grids of cells; any other is a list of records.
const GRID_NAMES: [&str; 5] = ["grid", "matrix", "board", "heights", "rooms"];

impl Reader {
    pub(crate) fn of(p: &Param) -> Reader {
        if p.node_of.is_some() {
            return Reader::Number; // given by value in tests
        }
        match Structure::of(&p.ty) {
            Some(Structure::List) => return Reader::Numbers,
            Some(Structure::Tree) => return Reader::Tree,
            Some(Structure::RandomList) => return Reader::RandomList,
            Some(Structure::Graph) => return Reader::Graph,
            None => {}
        }
        let ty: String = strip_optional(&p.ty).chars().filter(|c| !c.is_whitespace()).collect();
        match ty.as_str() {
            "int" | "float" => Reader::Number,
            "str" => Reader::Text,
            "List[int]" | "List[float]" => Reader::Numbers,
            "List[str]" => Reader::Texts,
            "List[ListNode]" | "List[Optional[ListNode]]" => Reader::Lists,
            t if t.starts_with("List[List[") => {
                if GRID_NAMES.contains(&p.name.as_str()) {
                    Reader::Grid
                } else {
                    Reader::Records
                }
            }
            _ => Reader::Opaque,
        }
    }
}

/// What one value shows for each judged tag: `None` where its reader cannot tell.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Facts {
    empty: Option<bool>,
    single: Option<bool>,
    duplicates: Option<bool>,
    all_same: Option<bool>,
    sorted: Option<bool>,
    negatives: Option<bool>,
    zeros: Option<bool>,
}

impl Facts {
    fn get(&self, edge: Edge) -> Option<bool> {
        match edge {
            Edge::Empty => self.empty,
            Edge::Single => self.single,
            Edge::Duplicates => self.duplicates,
            Edge::AllSame => self.all_same,
            Edge::Sorted => self.sorted,
            Edge::Negatives => self.negatives,
            Edge::Zeros => self.zeros,
            Edge::Overflow | Edge::Large | Edge::Boundary | Edge::General => None,
        }
    }

    /// The sequence facts of `items`, compared by [`Key`]'s order.
    fn of_sequence(items: &[Key]) -> Facts {
        let mut sorted: Vec<&Key> = items.iter().collect();
        sorted.sort();
        let repeats = sorted.windows(2).any(|w| w[0] == w[1]);
        let ordered = |o: Ordering| items.windows(2).all(|w| w[0].cmp(&w[1]) != o);
        Facts {
            empty: Some(items.is_empty()),
            single: Some(items.len() == 1),
            duplicates: Some(repeats),
            all_same: Some(items.len() >= 2 && sorted.first() == sorted.last()),
            sorted: Some(items.len() >= 2 && (ordered(Ordering::Greater) || ordered(Ordering::Less))),
            ..Facts::default()
        }
    }

    /// Negatives and zeros among `numbers`.
    fn with_numbers(mut self, numbers: &[f64]) -> Facts {
        self.negatives = Some(numbers.iter().any(|n| *n < 0.0));
        self.zeros = Some(numbers.contains(&0.0));
        self
    }
}

/// A value as the audit compares it: numbers numerically, text by code points, lists element by element.
#[derive(Debug, Clone)]
enum Key {
    Num(f64),
    Text(String),
    Seq(Vec<Key>),
    Null,
}

impl Key {
    fn of(v: &Value) -> Key {
        match v {
            Value::Number(n) => Key::Num(n.as_f64().unwrap_or(0.0)),
            Value::String(s) => Key::Text(s.clone()),
            Value::Array(a) => Key::Seq(a.iter().map(Key::of).collect()),
            Value::Bool(b) => Key::Num(f64::from(u8::from(*b))),
            Value::Null | Value::Object(_) => Key::Null,
        }
    }

    fn rank(&self) -> u8 {
        match self {
            Key::Null => 0,
            Key::Num(_) => 1,
            Key::Text(_) => 2,
            Key::Seq(_) => 3,
        }
    }
}

impl Ord for Key {
    fn cmp(&self, other: &Key) -> Ordering {
        match (self, other) {
            (Key::Num(a), Key::Num(b)) => a.total_cmp(b),
            (Key::Text(a), Key::Text(b)) => a.cmp(b),
            (Key::Seq(a), Key::Seq(b)) => a.cmp(b),
            _ => self.rank().cmp(&other.rank()),
        }
    }
}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Key) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Key {}

fn numbers_in(v: &Value, out: &mut Vec<f64>) {
    match v {
        Value::Number(n) => out.extend(n.as_f64()),
        Value::Array(a) => a.iter().for_each(|x| numbers_in(x, out)),
        Value::Object(m) => m.values().for_each(|x| numbers_in(x, out)),
        _ => {}
    }
}

/// Integers written as text (`"-3"` in a token list), for `negatives` on strings.
fn integer_texts<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<f64> {
    texts.filter_map(|t| t.trim().parse::<i64>().ok()).map(|n| n as f64).collect()
}

/// `negatives` and `zeros` for texts: an integer below zero (unjudged when no text is an integer), a `0`.
fn text_signs(mut facts: Facts, texts: &[&str]) -> Facts {
    let ints = integer_texts(texts.iter().copied());
    facts.negatives = (!ints.is_empty()).then(|| ints.iter().any(|n| *n < 0.0));
    facts.zeros = Some(texts.iter().any(|t| t.contains('0')));
    facts
}

/// The facts `reader` reads off one value.
pub(crate) fn facts(reader: Reader, v: &Value) -> Facts {
    let empty_list = Vec::new();
    let arr = v.as_array().unwrap_or(&empty_list);
    match reader {
        Reader::Number => match v.as_f64() {
            Some(n) => number_facts(n),
            None => Facts::default(),
        },
        Reader::Numbers => {
            let nums: Vec<f64> = arr.iter().filter_map(Value::as_f64).collect();
            Facts::of_sequence(&arr.iter().map(Key::of).collect::<Vec<_>>()).with_numbers(&nums)
        }
        Reader::Text => {
            let s = v.as_str().unwrap_or("");
            let chars: Vec<Key> = s.chars().map(|c| Key::Text(c.to_string())).collect();
            text_signs(Facts::of_sequence(&chars), &[s])
        }
        Reader::Texts => {
            let texts: Vec<&str> = arr.iter().filter_map(Value::as_str).collect();
            let mut f = Facts::of_sequence(&arr.iter().map(Key::of).collect::<Vec<_>>());
            f.empty = Some(texts.is_empty() || texts.iter().any(|t| t.is_empty()));
            text_signs(f, &texts)
        }
        Reader::Tree | Reader::RandomList => {
            let values: Vec<&Value> = match reader {
                Reader::Tree => arr.iter().filter(|x| !x.is_null()).collect(),
                _ => arr.iter().filter_map(|node| node.get(0)).collect(),
            };
            let nums: Vec<f64> = values.iter().filter_map(|x| x.as_f64()).collect();
            let mut f = Facts::of_sequence(&values.iter().map(|x| Key::of(x)).collect::<Vec<_>>()).with_numbers(&nums);
            if reader == Reader::Tree {
                f.sorted = None; // level order is not an order a tree claims
            }
            f
        }
        Reader::Grid => grid_facts(arr),
        Reader::Records => {
            let mut nums = Vec::new();
            numbers_in(v, &mut nums);
            let mut f = Facts::of_sequence(&arr.iter().map(Key::of).collect::<Vec<_>>()).with_numbers(&nums);
            f.empty = Some(arr.is_empty());
            f
        }
        Reader::Lists => {
            let values: Vec<&Value> = arr.iter().flat_map(|l| l.as_array().into_iter().flatten()).collect();
            let nums: Vec<f64> = values.iter().filter_map(|x| x.as_f64()).collect();
            let all = Facts::of_sequence(&values.iter().map(|x| Key::of(x)).collect::<Vec<_>>());
            Facts {
                empty: Some(arr.is_empty() || arr.iter().any(|l| l.as_array().is_none_or(Vec::is_empty))),
                single: Some(arr.len() == 1),
                duplicates: all.duplicates,
                all_same: all.all_same,
                ..Facts::default()
            }
            .with_numbers(&nums)
        }
        Reader::Graph => Facts { empty: Some(arr.is_empty()), single: Some(arr.len() == 1), ..Facts::default() },
        Reader::Opaque => Facts::default(),
    }
}

/// A number alone: its sign, and its digits for `zeros` (`305`, `-100`: the digit problems' trap) and
/// `single` (one digit: a count of 1, a one-digit number to reverse).
fn number_facts(n: f64) -> Facts {
    let whole = n.fract() == 0.0 && n.abs() < 1e18;
    Facts {
        single: whole.then_some((1.0..=9.0).contains(&n.abs())),
        negatives: Some(n < 0.0),
        zeros: Some(n == 0.0 || (whole && (n as i64).to_string().contains('0'))),
        ..Facts::default()
    }
}

fn grid_facts(rows: &[Value]) -> Facts {
    let rows: Vec<&[Value]> = rows.iter().map(|r| r.as_array().map_or(&[][..], Vec::as_slice)).collect();
    let cells: Vec<Key> = rows.iter().flat_map(|r| r.iter().map(Key::of)).collect();
    let mut nums = Vec::new();
    rows.iter().flat_map(|r| r.iter()).for_each(|c| numbers_in(c, &mut nums));
    let width = rows.iter().map(|r| r.len()).max().unwrap_or(0);
    // Rows and columns both in the one order `o` never goes against.
    let ordered = |o: Ordering| {
        let key = |r: usize, c: usize| rows.get(r).and_then(|row| row.get(c)).map(Key::of);
        let rows_ok = rows.iter().all(|r| r.windows(2).all(|w| Key::of(&w[0]).cmp(&Key::of(&w[1])) != o));
        let cols_ok = (0..width).all(|c| {
            (1..rows.len()).all(|r| match (key(r - 1, c), key(r, c)) {
                (Some(a), Some(b)) => a.cmp(&b) != o,
                _ => true,
            })
        });
        rows_ok && cols_ok
    };
    let all = Facts::of_sequence(&cells);
    Facts {
        empty: Some(rows.is_empty() || rows.iter().any(|r| r.is_empty())),
        single: Some(!cells.is_empty() && (rows.len() == 1 || rows.iter().all(|r| r.len() == 1))),
        duplicates: all.duplicates,
        all_same: all.all_same,
        sorted: Some(cells.len() >= 2 && (ordered(Ordering::Greater) || ordered(Ordering::Less))),
        negatives: Some(nums.iter().any(|n| *n < 0.0)),
        zeros: Some(nums.contains(&0.0) || rows.iter().flat_map(|r| r.iter()).any(|c| c.as_str() == Some("0"))),
    }
}

/// A list-valued parameter that is also an item of another (`newInterval` already in `intervals`).
fn repeated_across(p: &Problem, input: &Value) -> bool {
    let values: Vec<&Value> = p.signature.params.iter().filter_map(|q| input.get(&q.name)).collect();
    values.iter().enumerate().any(|(i, v)| {
        v.is_array() && values.iter().enumerate().any(|(j, w)| i != j && w.as_array().is_some_and(|w| w.contains(v)))
    })
}

/// What a tag claims, said as what is missing when it does not hold.
fn missing(edge: Edge) -> &'static str {
    match edge {
        Edge::Empty => "no input is empty",
        Edge::Single => "no input has exactly one item",
        Edge::Duplicates => "no input repeats a value",
        Edge::AllSame => "no input has two or more items that are all equal",
        Edge::Sorted => "no input is in sorted order (ascending or descending)",
        Edge::Negatives => "no input holds a negative number",
        Edge::Zeros => "no input holds a zero",
        Edge::Overflow | Edge::Large | Edge::Boundary | Edge::General => "",
    }
}

/// Whether `input` has what `edge` claims: `Ok(())` when it does or when no parameter can tell, else
/// the reason, naming the parameters that were read.
pub fn check_tag(p: &Problem, edge: Edge, input: &Value) -> Result<(), String> {
    let mut judged: Vec<&str> = Vec::new();
    let mut holds = false;
    match p.signature.kind {
        SignatureKind::Design => {
            let mut nums = Vec::new();
            numbers_in(input.get("args").unwrap_or(&Value::Null), &mut nums);
            if let Some(b) = Facts::default().with_numbers(&nums).get(edge) {
                judged.push("args");
                holds = b;
            }
        }
        SignatureKind::Function | SignatureKind::Codec => {
            for param in &p.signature.params {
                let Some(value) = input.get(&param.name) else { continue };
                if let Some(b) = facts(Reader::of(param), value).get(edge) {
                    judged.push(&param.name);
                    holds |= b;
                }
            }
            if edge == Edge::Duplicates && !holds {
                holds = repeated_across(p, input);
            }
        }
    }
    if holds || judged.is_empty() {
        return Ok(());
    }
    Err(format!(
        "tagged `{}`, but {} (read: {}); retag it with the edge it exercises (docs/PROBLEM_FORMAT.md, \"Edge tags\")",
        edge.as_str(),
        missing(edge),
        judged.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn param(name: &str, ty: &str) -> Param {
        Param { name: name.into(), ty: ty.into(), cycle: None, node_of: None }
    }

    /// `facts` of `v` read as `ty` (named `name`), for one tag.
    fn judge(name: &str, ty: &str, edge: Edge, v: Value) -> Option<bool> {
        facts(Reader::of(&param(name, ty)), &v).get(edge)
    }

    #[test]
    fn numbers_judge_every_value_tag() {
        let t = |e, v| judge("nums", "List[int]", e, v);
        assert_eq!(t(Edge::Duplicates, json!([3, 2, 4])), Some(false));
        assert_eq!(t(Edge::Duplicates, json!([3, 2, 3])), Some(true));
        assert_eq!(t(Edge::Empty, json!([])), Some(true));
        assert_eq!(t(Edge::Empty, json!([0])), Some(false));
        assert_eq!(t(Edge::Single, json!([7])), Some(true));
        assert_eq!(t(Edge::Single, json!([7, 7])), Some(false));
        assert_eq!(t(Edge::AllSame, json!([5, 5, 5])), Some(true));
        assert_eq!(t(Edge::AllSame, json!([5])), Some(false));
        assert_eq!(t(Edge::AllSame, json!([5, 5, 4])), Some(false));
        assert_eq!(t(Edge::Sorted, json!([1, 2, 2, 9])), Some(true));
        assert_eq!(t(Edge::Sorted, json!([9, 4, 1])), Some(true));
        assert_eq!(t(Edge::Sorted, json!([1, 3, 2])), Some(false));
        assert_eq!(t(Edge::Negatives, json!([1, -3])), Some(true));
        assert_eq!(t(Edge::Negatives, json!([1, 3])), Some(false));
        assert_eq!(t(Edge::Zeros, json!([1, 0])), Some(true));
        assert_eq!(t(Edge::Zeros, json!([1, 3])), Some(false));
        assert_eq!(t(Edge::General, json!([1, 3])), None);
    }

    #[test]
    fn numbers_alone_judge_sign_digits_and_size() {
        assert_eq!(judge("target", "int", Edge::Negatives, json!(-1)), Some(true));
        assert_eq!(judge("target", "int", Edge::Zeros, json!(5)), Some(false));
        assert_eq!(judge("x", "float", Edge::Zeros, json!(0.0)), Some(true));
        assert_eq!(judge("n", "int", Edge::Single, json!(1)), Some(true), "a count of one");
        assert_eq!(judge("x", "int", Edge::Single, json!(-7)), Some(true), "a one-digit number");
        assert_eq!(judge("n", "int", Edge::Single, json!(12)), Some(false));
        assert_eq!(judge("x", "int", Edge::Zeros, json!(-100)), Some(true), "zero digits");
        assert_eq!(judge("x", "int", Edge::Zeros, json!(123)), Some(false));
        assert_eq!(judge("x", "float", Edge::Single, json!(2.5)), None);
        assert_eq!(judge("n", "int", Edge::AllSame, json!(11)), None);
    }

    #[test]
    fn text_reads_characters() {
        let t = |e, v| judge("s", "str", e, v);
        assert_eq!(t(Edge::Empty, json!("")), Some(true));
        assert_eq!(t(Edge::Empty, json!(" ")), Some(false));
        assert_eq!(t(Edge::Single, json!("a")), Some(true));
        assert_eq!(t(Edge::Single, json!("ab")), Some(false));
        assert_eq!(t(Edge::Duplicates, json!("abca")), Some(true));
        assert_eq!(t(Edge::Duplicates, json!("abc")), Some(false));
        assert_eq!(t(Edge::AllSame, json!("aaa")), Some(true));
        assert_eq!(t(Edge::AllSame, json!("aab")), Some(false));
        assert_eq!(t(Edge::Sorted, json!("abc")), Some(true));
        assert_eq!(t(Edge::Sorted, json!("acb")), Some(false));
        assert_eq!(t(Edge::Zeros, json!("106")), Some(true));
        assert_eq!(t(Edge::Zeros, json!("16")), Some(false));
        assert_eq!(t(Edge::Negatives, json!("-12")), Some(true));
        assert_eq!(t(Edge::Negatives, json!("12")), Some(false));
        assert_eq!(t(Edge::Negatives, json!("abc")), None, "a word has no sign to judge");
    }

    #[test]
    fn texts_read_whole_strings() {
        let t = |e, v| judge("words", "List[str]", e, v);
        assert_eq!(t(Edge::Empty, json!([""])), Some(true));
        assert_eq!(t(Edge::Empty, json!(["a"])), Some(false));
        assert_eq!(t(Edge::Duplicates, json!(["ab", "ba", "ab"])), Some(true));
        assert_eq!(t(Edge::Duplicates, json!(["ab", "ba"])), Some(false), "anagrams are not repeats");
        assert_eq!(t(Edge::AllSame, json!(["x", "x"])), Some(true));
        assert_eq!(t(Edge::AllSame, json!(["x", "xx"])), Some(false));
        assert_eq!(t(Edge::Sorted, json!(["a", "ab", "b"])), Some(true));
        assert_eq!(t(Edge::Sorted, json!(["b", "a", "c"])), Some(false));
        assert_eq!(t(Edge::Negatives, json!(["2", "-3", "*"])), Some(true));
        assert_eq!(t(Edge::Negatives, json!(["2", "3", "-"])), Some(false), "an operator is not a number");
    }

    #[test]
    fn trees_read_their_nodes_not_the_nulls() {
        let t = |e, v| judge("root", "Optional[TreeNode]", e, v);
        assert_eq!(t(Edge::Empty, json!([])), Some(true));
        assert_eq!(t(Edge::Empty, json!(null)), Some(true));
        assert_eq!(t(Edge::Single, json!([4])), Some(true));
        assert_eq!(t(Edge::Single, json!([4, null, 5])), Some(false));
        assert_eq!(t(Edge::Duplicates, json!([1, null, 2, null, 3])), Some(false), "nulls are not values");
        assert_eq!(t(Edge::Duplicates, json!([1, 2, 1])), Some(true));
        assert_eq!(t(Edge::AllSame, json!([1, 1, null, 1])), Some(true));
        assert_eq!(t(Edge::AllSame, json!([1, 1, 2])), Some(false));
        assert_eq!(t(Edge::Negatives, json!([1, -1])), Some(true));
        assert_eq!(t(Edge::Negatives, json!([1, null, 2])), Some(false));
        assert_eq!(t(Edge::Sorted, json!([1, 2, 3])), None, "level order is no claim of order");
        assert_eq!(judge("p", "TreeNode", Edge::Zeros, json!(0)), Some(false), "without node_of, p is a tree");
    }

    #[test]
    fn linked_and_random_lists_read_values() {
        assert_eq!(judge("head", "Optional[ListNode]", Edge::Empty, json!([])), Some(true));
        assert_eq!(judge("head", "Optional[ListNode]", Edge::Empty, json!([1])), Some(false));
        assert_eq!(judge("head", "Optional[RandomNode]", Edge::Duplicates, json!([[7, null], [7, 0]])), Some(true));
        assert_eq!(judge("head", "Optional[RandomNode]", Edge::Duplicates, json!([[0, null], [1, 0]])), Some(false));
        let lists = |e, v| judge("lists", "List[Optional[ListNode]]", e, v);
        assert_eq!(lists(Edge::Empty, json!([[1], []])), Some(true));
        assert_eq!(lists(Edge::Empty, json!([[1], [2]])), Some(false));
        assert_eq!(lists(Edge::Duplicates, json!([[1, 4], [4]])), Some(true));
        assert_eq!(lists(Edge::Duplicates, json!([[1, 4], [5]])), Some(false));
    }

    #[test]
    fn grids_read_cells_rows_and_columns() {
        let t = |e, v| judge("grid", "List[List[int]]", e, v);
        assert_eq!(t(Edge::Single, json!([[1, 2, 3]])), Some(true));
        assert_eq!(t(Edge::Single, json!([[1], [2]])), Some(true));
        assert_eq!(t(Edge::Single, json!([[1, 2], [3, 4]])), Some(false));
        assert_eq!(t(Edge::AllSame, json!([[0, 0], [0, 0]])), Some(true));
        assert_eq!(t(Edge::AllSame, json!([[0, 0], [0, 1]])), Some(false));
        assert_eq!(t(Edge::Duplicates, json!([[1, 2], [3, 1]])), Some(true));
        assert_eq!(t(Edge::Duplicates, json!([[1, 2], [3, 4]])), Some(false));
        assert_eq!(t(Edge::Sorted, json!([[1, 2, 3], [2, 3, 4]])), Some(true));
        assert_eq!(t(Edge::Sorted, json!([[5, 4], [3, 2]])), Some(true));
        assert_eq!(t(Edge::Sorted, json!([[1, 2], [0, 3]])), Some(false), "column 0 goes down");
        assert_eq!(t(Edge::Empty, json!([[]])), Some(true));
        let board = |e, v| judge("board", "List[List[str]]", e, v);
        assert_eq!(board(Edge::Zeros, json!([["1", "0"]])), Some(true));
        assert_eq!(board(Edge::Zeros, json!([["1", "1"]])), Some(false));
    }

    #[test]
    fn records_are_compared_whole() {
        let t = |e, v| judge("intervals", "List[List[int]]", e, v);
        assert_eq!(t(Edge::Duplicates, json!([[1, 3], [1, 3]])), Some(true));
        assert_eq!(t(Edge::Duplicates, json!([[1, 3], [3, 1]])), Some(false), "shared numbers are not repeats");
        assert_eq!(t(Edge::Single, json!([[1, 3]])), Some(true));
        assert_eq!(t(Edge::Single, json!([[1, 3], [4, 5]])), Some(false));
        assert_eq!(t(Edge::Sorted, json!([[1, 3], [2, 6], [8, 9]])), Some(true));
        assert_eq!(t(Edge::Sorted, json!([[2, 6], [1, 3], [8, 9]])), Some(false));
        assert_eq!(t(Edge::Zeros, json!([[0, 3]])), Some(true));
        assert_eq!(t(Edge::Zeros, json!([[1, 3]])), Some(false));
    }

    #[test]
    fn graphs_judge_only_their_size() {
        let t = |e, v| judge("node", "Optional[GraphNode]", e, v);
        assert_eq!(t(Edge::Empty, json!([])), Some(true));
        assert_eq!(t(Edge::Empty, json!([[]])), Some(false));
        assert_eq!(t(Edge::Single, json!([[]])), Some(true));
        assert_eq!(t(Edge::Single, json!([[2], [1]])), Some(false));
        assert_eq!(t(Edge::Sorted, json!([[2], [1]])), None);
    }

    #[test]
    fn bools_judge_nothing() {
        assert_eq!(judge("flag", "bool", Edge::Zeros, json!(false)), None);
    }
}
