//! Comparing an actual answer with the expected one, in the parent, on parsed JSON.
//!
//! Numbers compare by value (`2` equals `2.0`); booleans never equal numbers. `any_order` sorts the
//! first `depth` list levels by each element's canonical JSON before comparing; `float` allows an
//! absolute or relative difference up to the tolerance.

use serde_json::{Number, Value};

use crate::problems::Compare;

/// Whether `actual` is an acceptable answer. Checker problems are judged elsewhere: here they fall back
/// to exact comparison.
pub fn matches(mode: &Compare, expected: &Value, actual: &Value) -> bool {
    match mode {
        Compare::Exact | Compare::Checker { .. } => equal(expected, actual, 0.0),
        Compare::Float { tolerance } => equal(expected, actual, *tolerance),
        Compare::AnyOrder { depth } => equal(&canonical(expected, *depth), &canonical(actual, *depth), 0.0),
    }
}

fn equal(a: &Value, b: &Value, tol: f64) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => numbers_equal(x, y, tol),
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| equal(p, q, tol)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| equal(v, w, tol)))
        }
        _ => a == b,
    }
}

fn numbers_equal(x: &Number, y: &Number, tol: f64) -> bool {
    if let (Some(a), Some(b)) = (x.as_i64(), y.as_i64()) {
        return a == b;
    }
    if let (Some(a), Some(b)) = (x.as_u64(), y.as_u64()) {
        return a == b;
    }
    match (x.as_f64(), y.as_f64()) {
        (Some(a), Some(b)) => {
            let diff = (a - b).abs();
            a == b || diff <= tol || diff <= tol * a.abs().max(b.abs())
        }
        _ => false,
    }
}

fn canonical(v: &Value, depth: u32) -> Value {
    match v {
        Value::Array(items) if depth > 0 => {
            let mut items: Vec<(String, Value)> = items
                .iter()
                .map(|x| {
                    let c = canonical(x, depth - 1);
                    (sort_key(&c), c)
                })
                .collect();
            items.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Array(items.into_iter().map(|(_, c)| c).collect())
        }
        other => other.clone(),
    }
}

/// Sort key where numerically equal numbers agree (`2` and `2.0`).
fn sort_key(v: &Value) -> String {
    match v {
        Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => format!("{i}"),
            (None, Some(f)) if f.fract() == 0.0 && f.abs() < 9.0e15 => format!("{}", f as i64),
            _ => n.to_string(),
        },
        Value::Array(items) => format!("[{}]", items.iter().map(sort_key).collect::<Vec<_>>().join(",")),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn exact_compares_numbers_by_value_but_not_bools() {
        assert!(matches(&Compare::Exact, &json!([0, 1]), &json!([0, 1])));
        assert!(matches(&Compare::Exact, &json!(2), &json!(2.0)));
        assert!(!matches(&Compare::Exact, &json!(1), &json!(true)));
        assert!(!matches(&Compare::Exact, &json!([0, 1]), &json!([1, 0])));
        assert!(!matches(&Compare::Exact, &json!([0, 1]), &json!([0, 1, 2])));
        assert!(!matches(&Compare::Exact, &json!("a"), &json!(null)));
    }

    #[test]
    fn any_order_respects_depth() {
        let depth1 = Compare::AnyOrder { depth: 1 };
        let depth2 = Compare::AnyOrder { depth: 2 };
        assert!(matches(&depth1, &json!([0, 1]), &json!([1, 0])));
        assert!(!matches(&depth1, &json!([0, 1]), &json!([1, 1])));
        assert!(!matches(&depth1, &json!([[1, 2], [3]]), &json!([[3], [2, 1]])));
        assert!(matches(&depth2, &json!([["eat", "tea"], ["bat"]]), &json!([["bat"], ["tea", "eat"]])));
        assert!(!matches(&depth2, &json!([["a"], ["a"]]), &json!([["a"]])));
        assert!(matches(&depth1, &json!([2, 10]), &json!([10.0, 2])));
    }

    #[test]
    fn float_tolerance_is_absolute_or_relative() {
        let f = Compare::Float { tolerance: 1e-5 };
        assert!(matches(&f, &json!(0.5), &json!(0.500001)));
        assert!(matches(&f, &json!(1e12), &json!(1.000001e12)));
        assert!(!matches(&f, &json!(0.5), &json!(0.51)));
        assert!(matches(&f, &json!([1.0, 2.0]), &json!([1.000001, 2])));
    }
}
