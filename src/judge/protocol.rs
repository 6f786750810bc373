//! The wire format between the parent and the harness (src/judge/harness.py).
//! Spec on stdin in Python's marshal format (never carrying expected answers); one JSON frame per line
//! on descriptor 3.

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
    pub cases: Vec<SpecCase<'a>>,
    /// Characters of each case's stdout kept for the report.
    pub stdout_keep: usize,
    /// Total characters print() may write in the run before output_limit_exceeded.
    pub stdout_cap: u64,
}

pub struct SpecCase<'a> {
    pub id: usize,
    pub input: &'a Value,
}

impl Spec<'_> {
    /// The spec as one marshalled dict, appended to `out`.
    pub fn write_marshal(&self, out: &mut Vec<u8>) {
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
        m::string(out, "cases");
        m::list_header(out, self.cases.len());
        for c in &self.cases {
            m::dict_begin(out);
            m::string(out, "id");
            m::int(out, c.id as i128);
            m::string(out, "input");
            m::value(out, c.input);
            m::dict_end(out);
        }
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
    pub ms: f64,
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
