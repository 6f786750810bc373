//! The linked structures a test can describe in JSON, checked before the judge builds them.
//!
//! The harness (src/judge/harness.py) builds each kind from its JSON form; this module makes sure that
//! form is well made, so a malformed problem file fails `problems validate` with its line and field
//! instead of reaching a learner as a confusing runtime error:
//!
//! | type | JSON form |
//! |---|---|
//! | `ListNode` | `[1, 2, 3]`; with `cycle = "pos"` the input key `pos` is where the tail links back (-1: none) |
//! | `TreeNode` | level-order `[3, 9, 20, null, null, 15, 7]`; every value must have a parent slot |
//! | `RandomNode` | `[[val, random_index or null], ...]` |
//! | `GraphNode` | adjacency list: entry `i` lists the neighbours (values) of node `i + 1`; undirected |

use serde_json::Value;

/// The structure a declared type names, with `Optional[...]` and `List[...]` peeled off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Structure {
    List,
    Tree,
    RandomList,
    Graph,
}

impl Structure {
    /// The structure `ty` names directly (`Optional[TreeNode]` is a tree; `List[ListNode]` is not).
    pub fn of(ty: &str) -> Option<Structure> {
        match strip_optional(ty) {
            "ListNode" => Some(Structure::List),
            "TreeNode" => Some(Structure::Tree),
            "RandomNode" => Some(Structure::RandomList),
            "GraphNode" => Some(Structure::Graph),
            _ => None,
        }
    }

    /// Checks `value` as this structure's JSON form; `null` always means "no structure".
    pub fn check(self, value: &Value) -> Result<(), String> {
        if value.is_null() {
            return Ok(());
        }
        let Value::Array(items) = value else {
            return Err(format!("expected an array for a {}, found {}", self.name(), kind_of(value)));
        };
        match self {
            Structure::List => Ok(()),
            Structure::Tree => check_tree(items),
            Structure::RandomList => check_random_list(items),
            Structure::Graph => check_graph(items),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Structure::List => "linked list",
            Structure::Tree => "tree",
            Structure::RandomList => "list with random pointers",
            Structure::Graph => "graph",
        }
    }
}

/// Every declared type holding structures: a structure itself or a `List[...]` of them.
pub fn check_typed(ty: &str, value: &Value) -> Result<(), String> {
    if let Some(s) = Structure::of(ty) {
        return s.check(value);
    }
    let inner = strip_optional(ty);
    if let Some(elem) = inner.strip_prefix("List[").and_then(|t| t.strip_suffix(']')) {
        if Structure::of(elem).is_some() || elem.contains("Node") {
            let Value::Array(items) = value else {
                return Err(format!("expected an array for {ty}, found {}", kind_of(value)));
            };
            for (i, item) in items.iter().enumerate() {
                check_typed(elem, item).map_err(|e| format!("[{i}]: {e}"))?;
            }
        }
    }
    Ok(())
}

pub(crate) fn strip_optional(ty: &str) -> &str {
    let t = ty.trim();
    match t.strip_prefix("Optional[").and_then(|t| t.strip_suffix(']')) {
        Some(inner) => strip_optional(inner),
        None => t,
    }
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A level-order array: each non-null value takes the next two slots as its children, so values past the
/// slots handed out have no parent (for example children written under a `null`).
fn check_tree(items: &[Value]) -> Result<(), String> {
    if items.is_empty() {
        return Ok(());
    }
    if items[0].is_null() {
        return match items.len() {
            1 => Ok(()),
            _ => Err("the root is null but the array goes on; an empty tree is []".into()),
        };
    }
    let mut slots = 2; // slots handed out so far, past the root
    let mut next = 1;
    while next < items.len() {
        if next > slots {
            return Err(format!(
                "value at index {next} has no parent: the nodes before it have no free child slot (a child under a null?)"
            ));
        }
        if !items[next].is_null() {
            slots += 2;
        }
        next += 1;
    }
    Ok(())
}

fn check_random_list(items: &[Value]) -> Result<(), String> {
    for (i, item) in items.iter().enumerate() {
        let pair = item.as_array().filter(|p| p.len() == 2);
        let Some(pair) = pair else {
            return Err(format!("node {i} must be [value, random_index or null]"));
        };
        match &pair[1] {
            Value::Null => {}
            Value::Number(n) if n.as_u64().is_some_and(|r| (r as usize) < items.len()) => {}
            other => {
                return Err(format!("node {i}: random index {other} is not null or an index below {}", items.len()))
            }
        }
    }
    Ok(())
}

fn check_graph(items: &[Value]) -> Result<(), String> {
    let n = items.len();
    let mut edges = std::collections::HashSet::new();
    for (i, item) in items.iter().enumerate() {
        let Some(neighbours) = item.as_array() else {
            return Err(format!("node {}: expected an array of neighbour values", i + 1));
        };
        for v in neighbours {
            let Some(v) = v.as_u64().filter(|v| (1..=n as u64).contains(v)) else {
                return Err(format!("node {}: edge to {v}, which is not a node (values are 1..={n})", i + 1));
            };
            if v as usize == i + 1 {
                return Err(format!("node {}: an edge to itself", i + 1));
            }
            if !edges.insert((i + 1, v as usize)) {
                return Err(format!("node {}: the edge to {v} is listed twice", i + 1));
            }
        }
    }
    if let Some((a, b)) = edges.iter().find(|(a, b)| !edges.contains(&(*b, *a))) {
        return Err(format!("node {a} lists {b} but node {b} does not list {a}; the graph is undirected"));
    }
    Ok(())
}

/// Level-order values of a tree array (nulls skipped), for resolving node arguments given by value.
pub fn tree_values(value: &Value) -> Vec<&Value> {
    value.as_array().map(|a| a.iter().filter(|v| !v.is_null()).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn trees_need_a_parent_for_every_value() {
        assert!(check_typed("Optional[TreeNode]", &json!([3, 9, 20, null, null, 15, 7])).is_ok());
        assert!(check_typed("TreeNode", &json!([])).is_ok());
        assert!(check_typed("TreeNode", &json!([1, null, 2, null, 3])).is_ok());
        let e = check_typed("TreeNode", &json!([1, null, null, 2])).unwrap_err();
        assert!(e.contains("index 3 has no parent"), "{e}");
        assert!(check_typed("TreeNode", &json!([null, 1])).is_err());
        assert!(check_typed("TreeNode", &json!({"a": 1})).unwrap_err().contains("expected an array"));
    }

    #[test]
    fn random_lists_and_graphs_are_checked() {
        assert!(check_typed("Optional[RandomNode]", &json!([[7, null], [13, 0], [11, 4], [10, 2], [1, 0]])).is_ok());
        assert!(check_typed("RandomNode", &json!([[7, 5]])).unwrap_err().contains("random index 5"));
        assert!(check_typed("RandomNode", &json!([7])).is_err());
        assert!(check_typed("GraphNode", &json!([[2, 4], [1, 3], [2, 4], [1, 3]])).is_ok());
        assert!(check_typed("GraphNode", &json!([[2], [1, 3]])).unwrap_err().contains("not a node"));
        assert!(check_typed("GraphNode", &json!([[2], []])).unwrap_err().contains("undirected"));
        assert!(check_typed("GraphNode", &json!([[1]])).unwrap_err().contains("itself"));
    }

    #[test]
    fn lists_of_structures_name_the_bad_entry() {
        assert!(check_typed("List[Optional[ListNode]]", &json!([[1, 2], [], [3]])).is_ok());
        let e = check_typed("List[Optional[TreeNode]]", &json!([[1], [1, null, null, 5]])).unwrap_err();
        assert!(e.starts_with("[1]: "), "{e}");
        assert!(check_typed("List[int]", &json!("not checked here")).is_ok());
    }
}
