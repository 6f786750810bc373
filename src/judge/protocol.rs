//! The wire format between the parent and the harness (src/judge/harness.py).
//! Spec on stdin (never carrying expected answers); one JSON frame per line on descriptor 3.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::problems::Param;

#[derive(Serialize)]
pub struct Spec<'a> {
    pub code: &'a str,
    pub kind: &'a str,
    pub class: &'a str,
    pub method: Option<&'a str>,
    pub params: &'a [Param],
    pub returns: Option<&'a str>,
    pub output: Option<&'a str>,
    pub cases: Vec<SpecCase<'a>>,
    /// Characters of each case's stdout kept for the report.
    pub stdout_keep: usize,
    /// Total characters print() may write in the run before output_limit_exceeded.
    pub stdout_cap: u64,
}

#[derive(Serialize)]
pub struct SpecCase<'a> {
    pub id: usize,
    pub input: &'a Value,
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    Ok,
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
