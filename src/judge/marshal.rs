//! Python's `marshal` format, written from Rust for the spec sent into the sandbox.
//!
//! `marshal.loads` is built into the interpreter (nothing to import) and reads large test inputs about
//! ten times faster than JSON, which matters when the interpreter's start is the whole budget. Only the
//! subset that has been stable across Python 3 versions is written: None, booleans, 32-bit and long
//! integers, binary floats, strings, lists and dicts, never back-references.

use serde_json::Value;

pub fn none(out: &mut Vec<u8>) {
    out.push(b'N');
}

pub fn boolean(out: &mut Vec<u8>, b: bool) {
    out.push(if b { b'T' } else { b'F' });
}

pub fn int(out: &mut Vec<u8>, n: i128) {
    if let Ok(small) = i32::try_from(n) {
        out.push(b'i');
        out.extend_from_slice(&small.to_le_bytes());
        return;
    }
    // TYPE_LONG: the digit count (negative for negative numbers), then base-2^15 digits, least first.
    let mut magnitude = n.unsigned_abs();
    let mut digits = Vec::new();
    while magnitude > 0 {
        digits.push((magnitude & 0x7fff) as u16);
        magnitude >>= 15;
    }
    let count = digits.len() as i32;
    out.push(b'l');
    out.extend_from_slice(&(if n < 0 { -count } else { count }).to_le_bytes());
    for d in digits {
        out.extend_from_slice(&d.to_le_bytes());
    }
}

pub fn float(out: &mut Vec<u8>, f: f64) {
    out.push(b'g');
    out.extend_from_slice(&f.to_le_bytes());
}

pub fn string(out: &mut Vec<u8>, s: &str) {
    out.push(b'u');
    out.extend_from_slice(&(s.len() as u32).to_le_bytes());
    out.extend_from_slice(s.as_bytes());
}

pub fn list_header(out: &mut Vec<u8>, len: usize) {
    out.push(b'[');
    out.extend_from_slice(&(len as u32).to_le_bytes());
}

pub fn dict_begin(out: &mut Vec<u8>) {
    out.push(b'{');
}

pub fn dict_end(out: &mut Vec<u8>) {
    out.push(b'0');
}

/// A JSON value as the Python object `json.loads` would give.
pub fn value(out: &mut Vec<u8>, v: &Value) {
    match v {
        Value::Null => none(out),
        Value::Bool(b) => boolean(out, *b),
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => int(out, i128::from(i)),
            (None, Some(u)) => int(out, i128::from(u)),
            _ => float(out, n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => string(out, s),
        Value::Array(items) => {
            list_header(out, items.len());
            for item in items {
                value(out, item);
            }
        }
        Value::Object(map) => {
            dict_begin(out);
            for (k, v) in map {
                string(out, k);
                value(out, v);
            }
            dict_end(out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// What the machine's python3 makes of our bytes, as JSON (None/True/False spelt as in JSON).
    fn python_reads(bytes: &[u8]) -> Value {
        use std::io::Write;
        let mut child = std::process::Command::new("python3")
            .args(["-S", "-c", "import sys, marshal, json; print(json.dumps(marshal.loads(sys.stdin.buffer.read())))"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(bytes).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success());
        serde_json::from_slice(&out.stdout).unwrap()
    }

    #[test]
    fn python_reads_back_what_json_said() {
        let v = json!({
            "ints": [0, 1, -1, 2147483647, -2147483648, 2147483648i64, -2147483649i64, 9007199254740993i64,
                     i64::MIN, u64::MAX, 1000000007],
            "floats": [0.5, -2.25, 1e300],
            "text": ["", "é🙂", "a\nb\u{0}c"],
            "nested": {"a": [[1, null], [true, false]], "b": {}},
        });
        let mut out = Vec::new();
        value(&mut out, &v);
        assert_eq!(python_reads(&out), v);
    }
}
