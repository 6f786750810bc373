//! Loading problems from the embedded bank and from folders, with validation that names the file, the
//! line and the field. Tests are parsed lazily: listing problems reads only their `problem.toml`.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::Value;

use super::model::*;
use super::structures;
use crate::complexity::Complexity;

/// One folder of the bundled bank, as build.rs embedded it.
pub(crate) struct BankDir {
    name: &'static str,
    files: &'static [(&'static str, &'static str)],
    /// `large.jsonl`, DEFLATE-compressed.
    large: Option<&'static [u8]>,
}

impl BankDir {
    fn text(&self, file: &str) -> Option<&'static str> {
        self.files.iter().find(|(name, _)| *name == file).map(|(_, text)| *text)
    }

    fn source(&self) -> TestsSource {
        TestsSource::Static {
            tests: self.text("tests.jsonl").unwrap_or(""),
            large: self.large,
            gen: self.text("gen.py"),
        }
    }
}

include!(concat!(env!("OUT_DIR"), "/bank.rs"));

/// The generators' shared helpers (`problems/_gen/genlib.py`), which every gen.py imports.
pub fn genlib_source() -> &'static str {
    BANK.iter().find(|d| d.name == "_gen").and_then(|d| d.text("genlib.py")).unwrap_or("")
}

/// Largest accepted size of one problem file; the bank's own large tests stay well below.
const MAX_FILE_BYTES: u64 = 8 << 20;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{file}{}: {}{message}", line.map(|l| format!(":{l}")).unwrap_or_default(), field.as_ref().map(|f| format!("{f}: ")).unwrap_or_default())]
pub struct ProblemError {
    pub file: String,
    pub line: Option<usize>,
    pub field: Option<String>,
    pub message: String,
}

impl ProblemError {
    fn new(file: &str, field: Option<&str>, message: impl Into<String>) -> ProblemError {
        ProblemError { file: file.to_string(), line: None, field: field.map(str::to_string), message: message.into() }
    }
}

#[derive(Debug, Clone, Default)]
pub(crate) enum TestsSource {
    #[default]
    None,
    Static {
        tests: &'static str,
        /// DEFLATE-compressed.
        large: Option<&'static [u8]>,
        gen: Option<&'static str>,
    },
    Files {
        tests: PathBuf,
        large: Option<PathBuf>,
        gen: Option<PathBuf>,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProblem {
    slug: String,
    title: String,
    difficulty: Difficulty,
    topic: String,
    #[serde(default)]
    patterns: Vec<String>,
    #[serde(default)]
    lists: Vec<String>,
    optimal_time: String,
    optimal_space: String,
    statement: String,
    #[serde(default)]
    constraints: Vec<String>,
    hints: Vec<String>,
    #[serde(default)]
    starter: Option<String>,
    signature: Signature,
    #[serde(default)]
    compare: RawCompare,
    #[serde(default)]
    limits: RawLimits,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawCompare {
    #[serde(default)]
    mode: Option<String>,
    depth: Option<u32>,
    tolerance: Option<f64>,
    checker: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLimits {
    #[serde(default = "default_time")]
    time_ms: u64,
    #[serde(default = "default_memory")]
    memory_mb: u64,
}

impl Default for RawLimits {
    fn default() -> Self {
        RawLimits { time_ms: default_time(), memory_mb: default_memory() }
    }
}

fn default_time() -> u64 {
    1000
}
fn default_memory() -> u64 {
    256
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTest {
    input: Value,
    expected: Value,
    #[serde(default)]
    hidden: bool,
    #[serde(default)]
    edge: Option<Edge>,
    #[serde(default)]
    explain: Option<String>,
}

/// The bundled problems plus those in `extra_dirs`; problems that fail to load are returned as errors
/// beside the ones that loaded, so one broken folder does not hide the rest.
pub fn load_all(extra_dirs: &[PathBuf]) -> (Vec<Problem>, Vec<ProblemError>) {
    let mut problems = Vec::new();
    let mut errors = Vec::new();
    for dir in BANK {
        let name = dir.name;
        if name.starts_with('_') {
            continue; // tooling shared by the problems' generators, not a problem
        }
        let origin = format!("problems/{name}");
        let Some(toml_text) = dir.text("problem.toml") else {
            errors.push(ProblemError::new(&format!("{origin}/problem.toml"), None, "missing or not UTF-8"));
            continue;
        };
        match parse_problem(name, &origin, toml_text, dir.text("solution.py"), dir.source()) {
            Ok(p) => problems.push(p),
            Err(e) => errors.push(e),
        }
    }
    for root in extra_dirs {
        match std::fs::read_dir(root) {
            Ok(entries) => {
                let mut dirs: Vec<PathBuf> = entries
                    .filter_map(|e| e.ok())
                    .map(|e| e.path())
                    .filter(|p| {
                        p.is_dir() && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(['_', '.']))
                    })
                    .collect();
                dirs.sort();
                for dir in dirs {
                    match load_dir(&dir) {
                        Ok(p) => problems.push(p),
                        Err(e) => errors.push(e),
                    }
                }
            }
            Err(e) => errors.push(ProblemError::new(
                &root.display().to_string(),
                None,
                format!("cannot read problem folder: {e}"),
            )),
        }
    }
    let mut seen = std::collections::HashMap::new();
    let mut unique = Vec::with_capacity(problems.len());
    for p in problems {
        if let Some(first) = seen.get(&p.slug) {
            errors.push(ProblemError::new(
                &format!("{}/problem.toml", p.origin),
                Some("slug"),
                format!("`{}` is already used by {first}; rename the folder and the slug", p.slug),
            ));
            continue;
        }
        seen.insert(p.slug.clone(), p.origin.clone());
        unique.push(p);
    }
    (unique, errors)
}

/// Just the problem `slug`, without loading the rest of the bank: `None` when no source has that slug.
/// An extra folder wins over a bundled problem here only if both exist, which [`load_all`] reports as an
/// error; callers that need that check use the whole bank.
pub fn load_one(slug: &str, extra_dirs: &[PathBuf]) -> Option<Result<Problem, ProblemError>> {
    if slug.starts_with(['_', '.']) || slug.contains('/') {
        return None;
    }
    for root in extra_dirs {
        let dir = root.join(slug);
        if dir.join("problem.toml").is_file() {
            return Some(load_dir(&dir));
        }
    }
    let dir = BANK.iter().find(|d| d.name == slug)?;
    let origin = format!("problems/{slug}");
    Some(parse_problem(slug, &origin, dir.text("problem.toml")?, dir.text("solution.py"), dir.source()))
}

/// One problem folder on disk.
pub fn load_dir(dir: &Path) -> Result<Problem, ProblemError> {
    let origin = dir.display().to_string();
    let name = dir.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    let toml_text = read_text(&dir.join("problem.toml"))?;
    let solution = match dir.join("solution.py").exists() {
        true => Some(read_text(&dir.join("solution.py"))?),
        false => None,
    };
    let large = dir.join("large.jsonl");
    let gen = dir.join("gen.py");
    let tests = TestsSource::Files {
        tests: dir.join("tests.jsonl"),
        large: large.exists().then_some(large),
        gen: gen.exists().then_some(gen),
    };
    parse_problem(&name, &origin, &toml_text, solution.as_deref(), tests)
}

fn read_text(path: &Path) -> Result<String, ProblemError> {
    let file = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| ProblemError::new(&file, None, format!("cannot read: {e}")))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(ProblemError::new(&file, None, format!("is {} bytes; the limit is {MAX_FILE_BYTES}", meta.len())));
    }
    let bytes = std::fs::read(path).map_err(|e| ProblemError::new(&file, None, format!("cannot read: {e}")))?;
    String::from_utf8(bytes).map_err(|_| ProblemError::new(&file, None, "is not UTF-8 text"))
}

fn parse_problem(
    folder: &str,
    origin: &str,
    toml_text: &str,
    solution: Option<&str>,
    tests_source: TestsSource,
) -> Result<Problem, ProblemError> {
    let file = format!("{origin}/problem.toml");
    let raw: RawProblem = toml::from_str(toml_text).map_err(|e| {
        let mut err = ProblemError::new(&file, None, e.message().trim().replace('\n', " "));
        err.line = e.span().map(|s| crate::config::line_of(toml_text, s.start));
        err
    })?;
    let err = |field: &str, msg: String| ProblemError::new(&file, Some(field), msg);

    if !is_slug(&raw.slug) {
        return Err(err("slug", format!("`{}` is not lowercase words joined by '-'", raw.slug)));
    }
    if raw.slug != folder {
        return Err(err("slug", format!("`{}` does not match the folder name `{folder}`", raw.slug)));
    }
    if raw.title.trim().is_empty() {
        return Err(err("title", "is empty".into()));
    }
    // Problem text reaches terminals: escape sequences and control characters in it could drive them.
    let texts = [("title", &raw.title), ("statement", &raw.statement)]
        .into_iter()
        .chain(raw.hints.iter().map(|h| ("hints", h)))
        .chain(raw.constraints.iter().map(|c| ("constraints", c)))
        .chain(raw.starter.iter().map(|s| ("starter", s)));
    for (field, text) in texts {
        if let Some(c) = text.chars().find(|&c| crate::fmt::visible_placeholder(c).is_some()) {
            return Err(err(
                field,
                format!(
                    "holds the control character U+{:04X}; remove it (only new lines and tabs are allowed)",
                    u32::from(c)
                ),
            ));
        }
    }
    if raw.statement.trim().is_empty() {
        return Err(err("statement", "is empty".into()));
    }
    if raw.hints.len() != 3 || raw.hints.iter().any(|h| h.trim().is_empty()) {
        return Err(err("hints", format!("expected exactly 3 non-empty hints, found {}", raw.hints.len())));
    }
    if !is_slug(&raw.topic) {
        return Err(err("topic", format!("`{}` is not lowercase words joined by '-'", raw.topic)));
    }
    let complexity = |field: &str, s: &str| {
        Complexity::parse(s).ok_or_else(|| {
            err(field, format!("`{s}` is not one of O(1), O(log n), O(n), O(n log n), O(n^2), O(n^3), O(2^n)"))
        })
    };
    if let Some(bad) = raw.lists.iter().find(|l| !LISTS.contains(&l.as_str())) {
        return Err(err("lists", format!("`{bad}` is not one of {}", LISTS.join(", "))));
    }
    let optimal_time = complexity("optimal_time", &raw.optimal_time)?;
    let optimal_space = complexity("optimal_space", &raw.optimal_space)?;

    let sig = raw.signature;
    if !is_identifier(&sig.class) {
        return Err(err("signature.class", format!("`{}` is not a Python identifier", sig.class)));
    }
    check_signature(&sig, raw.starter.is_some()).map_err(|(field, msg)| err(field, msg))?;

    let compare = match raw.compare.mode.as_deref().unwrap_or("exact") {
        "exact" => Compare::Exact,
        "any_order" => Compare::AnyOrder { depth: raw.compare.depth.unwrap_or(1).max(1) },
        "float" => Compare::Float { tolerance: raw.compare.tolerance.unwrap_or(1e-5) },
        "checker" => match raw.compare.checker {
            Some(code) if code.contains("def check") => Compare::Checker { code },
            _ => {
                return Err(err(
                    "compare.checker",
                    "mode \"checker\" needs Python code defining check(inp, expected, actual)".into(),
                ))
            }
        },
        other => return Err(err("compare.mode", format!("`{other}` is not one of exact, any_order, float, checker"))),
    };
    if raw.limits.time_ms == 0 || raw.limits.time_ms > 60_000 {
        return Err(err("limits.time_ms", format!("{} is outside 1..=60000", raw.limits.time_ms)));
    }
    if !(32..=4096).contains(&raw.limits.memory_mb) {
        return Err(err("limits.memory_mb", format!("{} is outside 32..=4096", raw.limits.memory_mb)));
    }
    let Some(solution) = solution else {
        return Err(ProblemError::new(
            &format!("{origin}/solution.py"),
            None,
            "is missing: every problem needs a reference solution",
        ));
    };

    let starter = raw.starter.unwrap_or_else(|| starter_for(&sig));
    let promised_nodes = sig
        .params
        .iter()
        .filter(|p| structures::Structure::of(&p.ty).is_some() && !p.ty.trim().starts_with("Optional["))
        .map(|p| p.name.clone())
        .collect();
    let names: Vec<String> = sig.params.iter().map(|p| p.name.clone()).collect();
    let non_empty = non_empty_params(&raw.constraints, &names);
    Ok(Problem {
        slug: raw.slug,
        title: raw.title,
        difficulty: raw.difficulty,
        topic: raw.topic,
        patterns: raw.patterns,
        lists: raw.lists,
        optimal_time,
        optimal_space,
        statement: raw.statement.trim().to_string(),
        constraints: raw.constraints,
        hints: raw.hints,
        starter,
        signature: sig,
        compare,
        limits: Limits { time_ms: raw.limits.time_ms, memory_mb: raw.limits.memory_mb },
        solution: solution.to_string(),
        promised_nodes,
        non_empty,
        origin: origin.to_string(),
        tests_source,
    })
}

impl Problem {
    /// All tests, public first, numbered from 1; parsed and checked against the signature on each call.
    pub fn tests(&self) -> Result<Vec<TestCase>, ProblemError> {
        self.read_tests(None)
    }

    /// Tests whose `edge` tag claims what their input does not have (see `edge_audit`), each naming its
    /// file and line. A wrong tag is an error for `codify problems validate`, not for loading: the tests
    /// still run for a learner.
    pub fn edge_tag_errors(&self) -> Result<Vec<ProblemError>, ProblemError> {
        let mut errors = Vec::new();
        self.read_tests(Some(&mut errors))?;
        Ok(errors)
    }

    fn read_tests(&self, mut audit: Option<&mut Vec<ProblemError>>) -> Result<Vec<TestCase>, ProblemError> {
        let mut out = Vec::new();
        match &self.tests_source {
            TestsSource::None => {}
            TestsSource::Static { tests, large, .. } => {
                self.parse_tests(&format!("{}/tests.jsonl", self.origin), tests, &mut out, audit.as_deref_mut())?;
                if let Some(packed) = large {
                    let file = format!("{}/large.jsonl", self.origin);
                    let bytes = miniz_oxide::inflate::decompress_to_vec(packed)
                        .map_err(|e| ProblemError::new(&file, None, format!("embedded data is damaged: {e:?}")))?;
                    let text = String::from_utf8(bytes).map_err(|_| ProblemError::new(&file, None, "is not UTF-8"))?;
                    self.parse_tests(&file, &text, &mut out, audit.as_deref_mut())?;
                }
            }
            TestsSource::Files { tests, large, .. } => {
                let text = read_text(tests)?;
                self.parse_tests(&tests.display().to_string(), &text, &mut out, audit.as_deref_mut())?;
                if let Some(large) = large {
                    let text = read_text(large)?;
                    self.parse_tests(&large.display().to_string(), &text, &mut out, audit)?;
                }
            }
        }
        if !out.iter().any(|t| !t.hidden) {
            return Err(ProblemError::new(
                &format!("{}/tests.jsonl", self.origin),
                None,
                "has no public test; the first tests must have \"hidden\": false",
            ));
        }
        Ok(out)
    }

    /// The edges the problem's tests are tagged with, read for the learner model without parsing the
    /// tests: each line that names an `edge` is skimmed for that one field (its input is skipped),
    /// and a problem with a large-tests file has `large`. Sorted, without repeats; an unreadable file has
    /// no tags (listing problems must not fail on it; `tests` reports the error where it matters).
    pub fn edges(&self) -> Vec<Edge> {
        #[derive(Deserialize)]
        struct EdgeOnly {
            #[serde(default)]
            edge: Option<Edge>,
        }
        let (text, large) = match &self.tests_source {
            TestsSource::None => (None, false),
            TestsSource::Static { tests, large, .. } => (Some(std::borrow::Cow::Borrowed(*tests)), large.is_some()),
            TestsSource::Files { tests, large, .. } => {
                (std::fs::read_to_string(tests).ok().map(std::borrow::Cow::Owned), large.is_some())
            }
        };
        // The bank writes `"edge": "name"` last on a line: read that directly, and parse the line (its
        // input skipped) only when it is written some other way.
        let tail = |line: &str| -> Option<Edge> {
            let rest = line[line.rfind("\"edge\"")? + 6..].trim_start().strip_prefix(':')?.trim_start();
            let end = rest.get(1..)?.find('"')? + 2;
            serde_json::from_str(&rest[..end]).ok()
        };
        let mut out: Vec<Edge> = text
            .iter()
            .flat_map(|t| t.lines())
            .filter(|line| line.contains("\"edge\""))
            .filter_map(|line| tail(line).or_else(|| serde_json::from_str::<EdgeOnly>(line).ok()?.edge))
            .collect();
        if large {
            out.push(Edge::Large);
        }
        out.sort_by_key(|e| e.as_str());
        out.dedup();
        out
    }

    /// The problem's generator (gen.py), whose `small(rng)` draws random small inputs for
    /// `codify problems check`; `None` when the problem has none.
    pub fn generator(&self) -> Result<Option<String>, ProblemError> {
        match &self.tests_source {
            TestsSource::None => Ok(None),
            TestsSource::Static { gen, .. } => Ok(gen.map(str::to_string)),
            TestsSource::Files { gen, .. } => gen.as_deref().map(read_text).transpose(),
        }
    }

    /// The generators' shared helpers this problem's gen.py imports: `_gen/genlib.py` beside a problem
    /// folder on disk when there is one (so an author's edits to it count), the bundled one otherwise.
    pub fn genlib(&self) -> Result<std::borrow::Cow<'static, str>, ProblemError> {
        if let TestsSource::Files { tests, .. } = &self.tests_source {
            let beside = tests.parent().and_then(Path::parent).map(|root| root.join("_gen").join("genlib.py"));
            if let Some(path) = beside.filter(|p| p.is_file()) {
                return read_text(&path).map(std::borrow::Cow::Owned);
            }
        }
        Ok(std::borrow::Cow::Borrowed(genlib_source()))
    }

    fn parse_tests(
        &self,
        file: &str,
        text: &str,
        out: &mut Vec<TestCase>,
        mut audit: Option<&mut Vec<ProblemError>>,
    ) -> Result<(), ProblemError> {
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let at = |field: Option<&str>, msg: String| ProblemError {
                file: file.to_string(),
                line: Some(i + 1),
                field: field.map(str::to_string),
                message: msg,
            };
            let raw: RawTest = serde_json::from_str(line).map_err(|e| at(None, format!("not a test object: {e}")))?;
            if raw.hidden && raw.edge.is_none() {
                return Err(at(Some("edge"), "hidden tests name the edge they exercise".into()));
            }
            if !raw.hidden && out.last().is_some_and(|t: &TestCase| t.hidden) {
                return Err(at(Some("hidden"), "public tests come before hidden ones".into()));
            }
            self.check_input(&raw.input).map_err(|m| at(Some("input"), m))?;
            if self.signature.kind == SignatureKind::Codec {
                let name = self.signature.params.first().map_or("", |p| p.name.as_str());
                if raw.input.get(name) != Some(&raw.expected) {
                    return Err(at(Some("expected"), format!("a codec round trip must give back `{name}` itself")));
                }
            }
            if let (Some(errors), Some(edge)) = (audit.as_deref_mut(), raw.edge) {
                if let Err(m) = super::edge_audit::check_tag(self, edge, &raw.input) {
                    errors.push(at(Some("edge"), m));
                }
            }
            out.push(TestCase {
                id: out.len() + 1,
                input: raw.input,
                expected: raw.expected,
                hidden: raw.hidden,
                edge: raw.edge,
                explain: raw.explain,
            });
        }
        Ok(())
    }

    fn check_input(&self, input: &Value) -> Result<(), String> {
        let Value::Object(map) = input else {
            return Err("must be a JSON object".into());
        };
        match self.signature.kind {
            SignatureKind::Function | SignatureKind::Codec => {
                let sig = &self.signature;
                for p in &sig.params {
                    let Some(value) = map.get(&p.name) else {
                        return Err(format!("missing parameter `{}`", p.name));
                    };
                    match &p.node_of {
                        Some(owner) => {
                            let tree = map.get(owner).unwrap_or(&Value::Null);
                            if !value.is_null() && !structures::tree_values(tree).contains(&value) {
                                return Err(format!("`{}`: {value} is not a value of the tree `{owner}`", p.name));
                            }
                        }
                        None => structures::check_typed(&p.ty, value).map_err(|e| format!("`{}`: {e}", p.name))?,
                    }
                    if let Some(key) = &p.cycle {
                        let len = value.as_array().map_or(0, Vec::len) as i64;
                        match map.get(key).and_then(Value::as_i64) {
                            Some(pos) if (-1..len).contains(&pos) => {}
                            Some(pos) => {
                                return Err(format!(
                                    "`{key}`: cycle position {pos} is outside -1..{len} for `{}`",
                                    p.name
                                ))
                            }
                            None => {
                                return Err(format!(
                                    "missing `{key}`: the cycle position of `{}` (-1 for none)",
                                    p.name
                                ))
                            }
                        }
                    }
                }
                let is_key = |k: &str| sig.params.iter().any(|p| p.name == k || p.cycle.as_deref() == Some(k));
                if let Some(k) = map.keys().find(|k| !is_key(k)) {
                    return Err(format!("`{k}` is not a parameter of {}", self.call_shape()));
                }
            }
            SignatureKind::Design => {
                let (Some(Value::Array(ops)), Some(Value::Array(args))) = (map.get("ops"), map.get("args")) else {
                    return Err("design tests have \"ops\" and \"args\" arrays".into());
                };
                if ops.len() != args.len() || ops.is_empty() {
                    return Err(format!(
                        "\"ops\" has {} entries and \"args\" {}; they must match",
                        ops.len(),
                        args.len()
                    ));
                }
                if ops[0].as_str() != Some(self.signature.class.as_str()) {
                    return Err(format!("the first op must be the constructor `{}`", self.signature.class));
                }
                for op in &ops[1..] {
                    let name = op.as_str().unwrap_or("");
                    if !self.signature.methods.iter().any(|m| m == name) {
                        return Err(format!("op `{op}` is not one of the listed methods"));
                    }
                }
                if args.iter().any(|a| !a.is_array()) {
                    return Err("every entry of \"args\" is an array of arguments".into());
                }
            }
        }
        Ok(())
    }
}

/// The signature's own rules, per kind; an error names the field.
fn check_signature(sig: &Signature, has_starter: bool) -> Result<(), (&'static str, String)> {
    for p in &sig.params {
        if !is_identifier(&p.name) {
            return Err(("signature.params", format!("`{}` is not a Python identifier", p.name)));
        }
    }
    let tree_param = |name: &str| {
        sig.params
            .iter()
            .any(|p| p.name == name && structures::Structure::of(&p.ty) == Some(structures::Structure::Tree))
    };
    for p in &sig.params {
        if let Some(key) = &p.cycle {
            if structures::Structure::of(&p.ty) != Some(structures::Structure::List) {
                return Err(("signature.params", format!("`{}`: `cycle` is only for ListNode parameters", p.name)));
            }
            if !is_identifier(key) || sig.params.iter().any(|q| &q.name == key) {
                return Err((
                    "signature.params",
                    format!("`{}`: cycle key `{key}` must be an identifier that is not a parameter", p.name),
                ));
            }
        }
        if let Some(owner) = &p.node_of {
            if !tree_param(owner) || owner == &p.name {
                return Err((
                    "signature.params",
                    format!("`{}`: node_of `{owner}` is not another TreeNode parameter", p.name),
                ));
            }
        }
    }
    if let Some(owner) = &sig.returns_node_of {
        if !tree_param(owner) {
            return Err(("signature.returns_node_of", format!("`{owner}` is not a TreeNode parameter")));
        }
    }
    if let Some(source) = &sig.deep_copy_of {
        if !sig.params.iter().any(|p| &p.name == source) {
            return Err(("signature.deep_copy_of", format!("`{source}` is not one of the parameters")));
        }
    }
    match sig.kind {
        SignatureKind::Function => {
            match &sig.method {
                Some(m) if is_identifier(m) => {}
                Some(m) => return Err(("signature.method", format!("`{m}` is not a Python identifier"))),
                None => return Err(("signature.method", "is required for kind = \"function\"".into())),
            }
            if sig.returns.is_none() {
                return Err(("signature.returns", "is required (\"None\" for in-place problems)".into()));
            }
            if let Some(out) = &sig.output {
                if !sig.params.iter().any(|p| &p.name == out) {
                    return Err(("signature.output", format!("`{out}` is not one of the parameters")));
                }
            }
        }
        SignatureKind::Design => {
            if sig.methods.is_empty() || sig.methods.iter().any(|m| !is_identifier(m)) {
                return Err(("signature.methods", "design problems list their method names".into()));
            }
            if !has_starter {
                return Err(("starter", "design problems need starter code".into()));
            }
        }
        SignatureKind::Codec => {
            if sig.methods.len() != 2 || sig.methods.iter().any(|m| !is_identifier(m)) {
                return Err((
                    "signature.methods",
                    "codec problems name two methods: the encoder, then the decoder".into(),
                ));
            }
            if sig.params.len() != 1 {
                return Err((
                    "signature.params",
                    "codec problems have exactly one parameter: the value encoded".into(),
                ));
            }
            if !has_starter {
                return Err(("starter", "codec problems need starter code".into()));
            }
        }
    }
    Ok(())
}

/// LeetCode-style starter code generated from the signature.
fn starter_for(sig: &Signature) -> String {
    let mut s = String::new();
    let all_types: String = sig.params.iter().map(|p| p.ty.as_str()).chain(sig.returns.as_deref()).collect();
    if all_types.contains("ListNode") {
        s.push_str("# Definition for singly-linked list.\n# class ListNode:\n#     def __init__(self, val=0, next=None):\n#         self.val = val\n#         self.next = next\n");
    }
    if all_types.contains("TreeNode") {
        s.push_str("# Definition for a binary tree node.\n# class TreeNode:\n#     def __init__(self, val=0, left=None, right=None):\n#         self.val = val\n#         self.left = left\n#         self.right = right\n");
    }
    let params: String = sig.params.iter().map(|p| format!(", {}: {}", p.name, p.ty)).collect();
    let returns = sig.returns.as_deref().unwrap_or("None");
    let method = sig.method.as_deref().unwrap_or("solve");
    s.push_str(&format!("class {}:\n    def {method}(self{params}) -> {returns}:\n        pass\n", sig.class));
    s
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c == '_' || c.is_ascii_alphabetic())
        && chars.all(|c| c == '_' || c.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
slug = "add-two"
title = "Add Two"
difficulty = "easy"
topic = "arrays"
optimal_time = "O(1)"
optimal_space = "O(1)"
statement = "Return a + b."
hints = ["one", "two", "three"]
[signature]
method = "add"
params = [{ name = "a", type = "int" }, { name = "b", type = "int" }]
returns = "int"
"#;

    fn parse(toml: &str) -> Result<Problem, ProblemError> {
        parse_problem("add-two", "fx/add-two", toml, Some("class Solution: pass"), TestsSource::None)
    }

    #[test]
    fn a_good_problem_parses_and_gets_starter_code() {
        let p = parse(GOOD).unwrap();
        assert_eq!(p.limits.time_ms, 1000);
        assert_eq!(p.compare, Compare::Exact);
        assert_eq!(p.starter, "class Solution:\n    def add(self, a: int, b: int) -> int:\n        pass\n");
        assert_eq!(p.call_shape(), "Solution().add(a, b)");
    }

    #[test]
    fn errors_name_file_and_field() {
        let e = parse(&GOOD.replace(r#"hints = ["one", "two", "three"]"#, r#"hints = ["one", "two"]"#)).unwrap_err();
        assert_eq!(e.to_string(), "fx/add-two/problem.toml: hints: expected exactly 3 non-empty hints, found 2");
        let e = parse(&GOOD.replace("Return a + b.", "Return a + b.\\u001b]52;c;ZWNobw==\\u0007")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "fx/add-two/problem.toml: statement: holds the control character U+001B; remove it (only new lines and tabs are allowed)"
        );
        let e = parse(&GOOD.replace("O(1)\"\noptimal_space", "O(fast)\"\noptimal_space")).unwrap_err();
        assert!(e.to_string().starts_with("fx/add-two/problem.toml: optimal_time: `O(fast)` is not one of"), "{e}");
        let e = parse(&GOOD.replace("slug = \"add-two\"", "slug = \"Add Two\"")).unwrap_err();
        assert_eq!(e.to_string(), "fx/add-two/problem.toml: slug: `Add Two` is not lowercase words joined by '-'");
    }

    #[test]
    fn lists_name_known_lists_only() {
        let p = parse(&GOOD.replace("topic = \"arrays\"", "topic = \"arrays\"\nlists = [\"blind-75\"]")).unwrap();
        assert_eq!(p.lists, ["blind-75"]);
        let e = parse(&GOOD.replace("topic = \"arrays\"", "topic = \"arrays\"\nlists = [\"grind-169\"]")).unwrap_err();
        assert_eq!(e.to_string(), "fx/add-two/problem.toml: lists: `grind-169` is not one of blind-75, neetcode-150");
    }

    #[test]
    fn wrong_edge_tags_are_reported_with_file_and_line_and_do_not_stop_loading() {
        let toml = GOOD.replace(
            r#"params = [{ name = "a", type = "int" }, { name = "b", type = "int" }]"#,
            r#"params = [{ name = "a", type = "List[int]" }, { name = "b", type = "List[int]" }]"#,
        );
        let mut p = parse(&toml).unwrap();
        p.tests_source = TestsSource::Static {
            tests: concat!(
                "{\"input\": {\"a\": [1], \"b\": [2]}, \"expected\": 3}\n",
                "{\"input\": {\"a\": [3, 2, 4], \"b\": [6]}, \"expected\": 1, \"hidden\": true, \"edge\": \"duplicates\"}\n",
                "{\"input\": {\"a\": [3, 3], \"b\": [6]}, \"expected\": 1, \"hidden\": true, \"edge\": \"duplicates\"}\n",
                "{\"input\": {\"a\": [[1], [2]], \"b\": [[2]]}, \"expected\": 1, \"hidden\": true, \"edge\": \"general\"}\n",
            ),
            large: None,
            gen: None,
        };
        assert_eq!(p.tests().unwrap().len(), 4, "a wrong tag does not stop a learner's run");
        let wrong: Vec<String> = p.edge_tag_errors().unwrap().iter().map(|e| e.to_string()).collect();
        assert_eq!(
            wrong,
            ["fx/add-two/tests.jsonl:2: edge: tagged `duplicates`, but no input repeats a value (read: a, b); retag it with the edge it exercises (docs/PROBLEM_FORMAT.md, \"Edge tags\")"]
        );
    }

    /// The bank's every `edge` tag holds for its input (the same audit `codify problems validate` runs).
    #[test]
    fn the_bundled_banks_edge_tags_hold() {
        let (problems, errors) = load_all(&[]);
        assert!(errors.is_empty(), "{errors:?}");
        let wrong: Vec<String> =
            problems.iter().flat_map(|p| p.edge_tag_errors().unwrap()).map(|e| e.to_string()).collect();
        assert!(wrong.is_empty(), "{} wrong edge tags:\n{}", wrong.len(), wrong.join("\n"));
    }

    #[test]
    fn toml_syntax_and_unknown_fields_give_a_line() {
        let e = parse(&format!("{GOOD}\ncolour = \"red\"\n")).unwrap_err();
        assert!(e.to_string().contains("unknown field `colour`"), "{e}");
        assert!(e.line.is_some());
        let e = parse("slug = \n").unwrap_err();
        assert_eq!(e.line, Some(1));
    }

    #[test]
    fn tests_are_checked_against_the_signature() {
        let mut p = parse(GOOD).unwrap();
        p.tests_source =
            TestsSource::Static { tests: "{\"input\": {\"a\": 1}, \"expected\": 2}\n", large: None, gen: None };
        let e = p.tests().unwrap_err();
        assert_eq!(e.to_string(), "fx/add-two/tests.jsonl:1: input: missing parameter `b`");
        p.tests_source = TestsSource::Static {
            tests: "{\"input\": {\"a\": 1, \"b\": 1}, \"expected\": 2}\n{\"input\": {\"a\": 1, \"b\": 2}, \"expected\": 3, \"hidden\": true}\n",
            large: None,
            gen: None,
        };
        assert_eq!(
            p.tests().unwrap_err().to_string(),
            "fx/add-two/tests.jsonl:2: edge: hidden tests name the edge they exercise"
        );
        let large: &'static [u8] = Box::leak(
            miniz_oxide::deflate::compress_to_vec(
                b"{\"input\": {\"a\": 5, \"b\": 5}, \"expected\": 10, \"hidden\": true, \"edge\": \"large\"}\n",
                6,
            )
            .into_boxed_slice(),
        );
        p.tests_source = TestsSource::Static {
            tests: "{\"input\": {\"a\": 1, \"b\": 1}, \"expected\": 2}\n",
            large: Some(large),
            gen: None,
        };
        let tests = p.tests().unwrap();
        assert_eq!(tests.len(), 2);
        assert_eq!(tests[1].id, 2);
        assert_eq!(tests[1].edge, Some(Edge::Large));
    }
}
