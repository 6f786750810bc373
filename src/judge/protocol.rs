//! The wire format between the parent and the harness (src/judge/harness.py).
//! On stdin, messages of a 4-byte little-endian length and Python's marshal format: the spec (never carrying
//! expected answers or inputs), then one case at a time, each sent only after the previous case's frame
//! arrived. One JSON frame per line on descriptor 3.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::problems::Param;

pub struct Spec<'a> {
    pub code: &'a str,
    pub kind: &'a str,
    pub class: &'a str,
    pub method: Option<&'a str>,
    pub params: &'a [Param],
    pub returns: Option<&'a str>,
    pub output: Option<&'a str>,
    /// Design and codec problems: the methods, in the signature's order.
    pub methods: &'a [String],
    pub returns_node_of: Option<&'a str>,
    pub deep_copy_of: Option<&'a str>,
    /// How many cases follow the spec, one message each (see [`write_case`]).
    pub count: usize,
    /// Characters of each case's stdout kept for the report.
    pub stdout_keep: usize,
    /// Total characters print() may write in the run before output_limit_exceeded.
    pub stdout_cap: u64,
}

pub struct SpecCase<'a> {
    pub id: usize,
    pub input: &'a Value,
}

/// Appends one message: its length, then what `body` writes.
fn message(out: &mut Vec<u8>, body: impl FnOnce(&mut Vec<u8>)) {
    let at = out.len();
    out.extend_from_slice(&[0; 4]);
    body(out);
    let len = (out.len() - at - 4) as u32;
    out[at..at + 4].copy_from_slice(&len.to_le_bytes());
}

/// Appends the message carrying one case.
pub fn write_case(out: &mut Vec<u8>, case: &SpecCase<'_>) {
    use super::marshal as m;
    message(out, |out| {
        m::dict_begin(out);
        m::string(out, "id");
        m::int(out, case.id as i128);
        m::string(out, "input");
        m::value(out, case.input);
        m::dict_end(out);
    });
}

impl Spec<'_> {
    /// The spec as one message, appended to `out`.
    pub fn write_marshal(&self, out: &mut Vec<u8>) {
        message(out, |out| self.write_dict(out));
    }

    fn write_dict(&self, out: &mut Vec<u8>) {
        use super::marshal as m;
        let opt = |out: &mut Vec<u8>, s: Option<&str>| match s {
            Some(s) => m::string(out, s),
            None => m::none(out),
        };
        m::dict_begin(out);
        for (key, value) in [("code", self.code), ("kind", self.kind), ("class", self.class)] {
            m::string(out, key);
            m::string(out, value);
        }
        for (key, value) in [
            ("method", self.method),
            ("returns", self.returns),
            ("output", self.output),
            ("returns_node_of", self.returns_node_of),
            ("deep_copy_of", self.deep_copy_of),
        ] {
            m::string(out, key);
            opt(out, value);
        }
        m::string(out, "methods");
        m::list_header(out, self.methods.len());
        for name in self.methods {
            m::string(out, name);
        }
        m::string(out, "params");
        m::list_header(out, self.params.len());
        for p in self.params {
            m::dict_begin(out);
            for (key, value) in [("name", Some(p.name.as_str())), ("type", Some(p.ty.as_str()))]
                .into_iter()
                .chain([("cycle", p.cycle.as_deref()), ("node_of", p.node_of.as_deref())])
            {
                m::string(out, key);
                opt(out, value);
            }
            m::dict_end(out);
        }
        m::string(out, "count");
        m::int(out, self.count as i128);
        m::string(out, "stdout_keep");
        m::int(out, self.stdout_keep as i128);
        m::string(out, "stdout_cap");
        m::int(out, i128::from(self.stdout_cap));
        m::dict_end(out);
    }
}

#[derive(Debug, Deserialize)]
#[serde(tag = "t", rename_all = "snake_case")]
pub enum Frame {
    Loading,
    Ready,
    CompileError {
        message: String,
        line: Option<u32>,
        col: Option<u32>,
        #[serde(default)]
        text: Option<String>,
    },
    LoadError {
        status: CaseStatus,
        error: ErrorInfo,
    },
    Case(CaseFrame),
    Done,
    Checked {
        results: Vec<Value>,
    },
    /// From inputs.py: small random inputs drawn from a problem's generator.
    Inputs {
        #[serde(default)]
        inputs: Option<Vec<Value>>,
        #[serde(default)]
        error: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    Ok,
    /// The answer is of the wrong kind (a cycle where a list is expected, a shallow copy, a node of
    /// another tree): a wrong answer, with the harness's message saying why.
    Wrong,
    Error,
    Memory,
    OutputLimit,
}

#[derive(Debug, Deserialize)]
pub struct CaseFrame {
    pub id: usize,
    pub status: CaseStatus,
    #[serde(default)]
    pub value: Value,
    #[serde(default)]
    pub stdout: String,
    #[serde(default)]
    pub stdout_truncated: bool,
    #[serde(default)]
    pub error: Option<ErrorInfo>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ErrorInfo {
    #[serde(rename = "type")]
    pub kind: String,
    pub message: String,
    pub line: Option<u32>,
    #[serde(default)]
    pub traceback: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn cases_are_messages_that_python_reads_one_at_a_time() {
        let (a, b) = (json!({"x": [1, 2, 3]}), json!({"x": "é"}));
        let mut out = Vec::new();
        write_case(&mut out, &SpecCase { id: 7, input: &a });
        write_case(&mut out, &SpecCase { id: 8, input: &b });
        let len = u32::from_le_bytes([out[0], out[1], out[2], out[3]]) as usize;
        assert!(len > 0 && 4 + len < out.len(), "the first message says where it ends");
        // Read the way the harness reads: a length, then exactly that many bytes.
        let script = "import sys, marshal, json\nr = sys.stdin.buffer\nfor _ in range(2):\n    n = int.from_bytes(r.read(4), 'little')\n    print(json.dumps(marshal.loads(r.read(n)), ensure_ascii=False))";
        let mut child = std::process::Command::new("python3")
            .args(["-S", "-c", script])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        std::io::Write::write_all(&mut child.stdin.take().unwrap(), &out).unwrap();
        let out = child.wait_with_output().unwrap();
        let lines: Vec<Value> =
            String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines, [json!({"id": 7, "input": a}), json!({"id": 8, "input": b})]);
    }
}
