//! "Why" for logic bugs (issue 15), measured on labelled learner bugs with the real judge and python3.
//!
//! Corpora of buggy solutions, each file headed by `# problem:`, `# bug:` (the mistake pattern) and
//! `# line:` (where the bug is):
//! - `tests/fixtures/teaching/tuning/`: the issue's eight cases, written while the diagnosis was built;
//! - `tests/fixtures/teaching/heldout/` to `heldout10/`: 47, 53, 45, 43, 34, 44, 44, 44, 44 and 44 bugs, each set written
//!   by someone who never saw the detectors and measured first with them frozen, then (but for the newest)
//!   tuned on
//!   (docs/ANALYSIS.md has every number). Labels follow `tests/fixtures/teaching/LABELS.md`; `AUDIT.md`
//!   records the labels an audit against it corrected.
//!
//! Scoring, fixed before the held-out set was first run: a finding counts when its confidence is at least
//! 0.5; per pattern (off_by_one, missing_edge_case, missing_validation) precision is the share of files
//! with a finding of that pattern that are labelled with it, recall the share of files labelled with it
//! that get one; a file's *top finding is right* when the first shown finding has the label's pattern and
//! points within one line of the label's line. Other patterns (complexity, data structures) are not scored:
//! a buggy file may also be slow.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use codify::analysis::{analyze, FindingKind, RunEvidence};
use codify::diagnose::{self, DiagnoseOptions};
use codify::judge::{RunOptions, Verdict};

use crate::common::*;

struct Case {
    file: PathBuf,
    slug: String,
    kind: FindingKind,
    line: u32,
}

fn corpus(dir: &str) -> Vec<Case> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/teaching").join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files
        .into_iter()
        .filter(|f| f.extension().is_some_and(|e| e == "py"))
        .map(|file| {
            let text = std::fs::read_to_string(&file).unwrap();
            let field = |name: &str| {
                let prefix = format!("# {name}: ");
                let line = text.lines().find_map(|l| l.strip_prefix(&prefix).map(str::to_string));
                line.unwrap_or_else(|| panic!("{}: no `{prefix}` header", file.display()))
            };
            let kind = FindingKind::parse(&field("bug")).unwrap_or_else(|| panic!("{}: unknown bug", file.display()));
            Case { slug: field("problem"), kind, line: field("line").parse().unwrap(), file }
        })
        .collect()
}

/// What the diagnosis and analysis make of one file.
struct Outcome {
    verdict: Verdict,
    /// Kinds of the findings at 0.5 or above, and the first one with its line.
    shown: Vec<FindingKind>,
    top: Option<(FindingKind, u32)>,
    /// The top finding's confidence and the start of its message.
    why: String,
    counterexample: bool,
    ms: f64,
}

fn outcome(case: &Case) -> Outcome {
    let problem = bundled(&case.slug);
    let code = std::fs::read_to_string(&case.file).unwrap();
    let tests = problem.tests().unwrap();
    let report = judge().run(&problem, &tests, &code, &RunOptions::default()).unwrap();
    // More than the default 2 s: the tests run beside each other, and a loaded machine would try fewer edits
    // and find fewer fixes (the search stops at the first full fix, so this rarely costs the whole budget).
    // The numbers in docs/ANALYSIS.md gave the fix search 6 s of its own; the budget now also covers the
    // rerun and the counterexample that come first, so 10 s leaves the search about what it had.
    let opts = DiagnoseOptions { budget: std::time::Duration::from_secs(10), ..DiagnoseOptions::default() };
    let (evidence, diagnosis): (RunEvidence, _) =
        diagnose::evidence(judge(), &problem, &tests, &code, &report, Some(&opts));
    let analysis = analyze(&code, &problem.analysis_context(Some(&evidence)));
    let shown: Vec<_> = analysis.confident(codify::analysis::SHOWN).collect();
    Outcome {
        verdict: report.verdict,
        shown: shown.iter().map(|f| f.kind).collect(),
        top: shown.first().map(|f| (f.kind, f.line)),
        why: shown.first().map_or(String::new(), |f| {
            format!("{:.2} {}", f.confidence, f.message.chars().take(60).collect::<String>())
        }),
        counterexample: evidence.counterexample.is_some(),
        ms: diagnosis.map_or(0.0, |d| d.ms),
    }
}

struct Score {
    files: usize,
    top_right: usize,
    /// Files that got no counterexample.
    without_counterexample: Vec<String>,
    /// Per pattern: (true positives, files with a finding of it, files labelled with it).
    per: BTreeMap<FindingKind, (usize, usize, usize)>,
    lines: Vec<String>,
}

const SCORED: [FindingKind; 3] = [FindingKind::OffByOne, FindingKind::MissingEdgeCase, FindingKind::MissingValidation];

fn score(cases: &[Case]) -> Score {
    let mut s = Score { files: 0, top_right: 0, without_counterexample: vec![], per: BTreeMap::new(), lines: vec![] };
    for case in cases {
        let o = outcome(case);
        // An endless recursion (clone-graph's) fails at the recursion limit or, on a slower or busier
        // machine, at the time limit first: both are failing runs; a time-out is not diagnosed, so it scores
        // as a miss without a counterexample.
        assert!(
            matches!(o.verdict, Verdict::WrongAnswer | Verdict::RuntimeError | Verdict::TimeLimitExceeded),
            "{}: the corpus holds failing solutions, this one is {:?}",
            case.file.display(),
            o.verdict
        );
        s.files += 1;
        if !o.counterexample {
            s.without_counterexample.push(case.file.display().to_string());
        }
        let right = o.top.is_some_and(|(k, l)| k == case.kind && l.abs_diff(case.line) <= 1);
        s.top_right += usize::from(right);
        for k in SCORED {
            let e = s.per.entry(k).or_default();
            let has = o.shown.contains(&k);
            e.0 += usize::from(has && case.kind == k);
            e.1 += usize::from(has);
            e.2 += usize::from(case.kind == k);
        }
        s.lines.push(format!(
            "{} {:<70} label {:?}@{} top {:?} ce {} {:.0} ms {}",
            if right { "✓" } else { "✗" },
            case.file.file_name().unwrap().to_string_lossy(),
            case.kind,
            case.line,
            o.top,
            o.counterexample,
            o.ms,
            o.why
        ));
    }
    s
}

fn report(name: &str, s: &Score) -> String {
    let mut out = format!(
        "{name}: {} files, top finding right {} ({:.0}%)\n",
        s.files,
        s.top_right,
        100.0 * s.top_right as f64 / s.files.max(1) as f64
    );
    for (k, (tp, reported, labelled)) in &s.per {
        let p = if *reported == 0 { 1.0 } else { *tp as f64 / *reported as f64 };
        let r = if *labelled == 0 { 1.0 } else { *tp as f64 / *labelled as f64 };
        out += &format!("  {:<20} P {p:.2} ({tp}/{reported})  R {r:.2} ({tp}/{labelled})\n", k.as_str());
    }
    out + &s.lines.join("\n")
}

#[test]
fn the_issues_eight_cases_get_the_bug_or_a_counterexample() {
    let cases = corpus("tuning");
    assert_eq!(cases.len(), 8);
    let s = score(&cases);
    eprintln!("{}", report("tuning", &s));
    // Every case: the top finding names the bug's line and kind, or a counterexample shows it. The two
    // without a right finding (duplicates after a sort; a running sum clamped at 0) get a counterexample.
    assert!(s.top_right >= 6, "{}", report("tuning", &s));
    assert!(s.without_counterexample.is_empty(), "{:?}", s.without_counterexample);
}

#[test]
fn following_the_suggestion_no_longer_ends_in_no_mistakes_found() {
    // maximum-subarray with `best = float('-inf')` but the running sum clamped at 0: the issue's learner
    // followed the suggestion and was told "No recurring mistakes found".
    let home = tempfile::tempdir().unwrap();
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/teaching/tuning/maximum-subarray__clamped_at_zero.py");
    let out = codify(home.path(), &["submit", "maximum-subarray", file.to_str().unwrap()]);
    let text = stdout(&out);
    assert!(!text.contains("No recurring mistakes found"), "{text}");
    assert!(text.contains("Smallest failing input found (single, negatives)"), "{text}");
    assert!(text.contains("input:     nums = [-2]") && text.contains("actual:    0"), "{text}");
    let json = codify(home.path(), &["submit", "maximum-subarray", file.to_str().unwrap(), "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["counterexample"]["input"], serde_json::json!({"nums": [-2]}), "{v}");
    assert_eq!(v["counterexample"]["edges"], serde_json::json!(["single", "negatives"]));
    assert!(v["diagnosis"]["tried"].as_u64().unwrap() > 0, "{v}");
}

#[test]
fn a_check_the_code_never_states_is_found_by_trying_it() {
    // Written for this test, not from a corpus: permutations that never asks whether a value is already
    // on the path. No one-edit repair fixes it; a synthesised `if x in path: continue` before line 9 does.
    let problem = bundled("permutations");
    let code = "class Solution:\n    def permute(self, nums):\n        out = []\n        def go(path):\n            \
                if len(path) == len(nums):\n                out.append(path[:])\n                return\n            \
                for x in nums:\n                go(path + [x])\n        go([])\n        return out\n";
    let tests = problem.tests().unwrap();
    let report = judge().run(&problem, &tests, code, &RunOptions::default()).unwrap();
    assert_eq!(report.verdict, Verdict::WrongAnswer);
    let opts = DiagnoseOptions { budget: std::time::Duration::from_secs(10), ..DiagnoseOptions::default() };
    let (evidence, d) = diagnose::evidence(judge(), &problem, &tests, code, &report, Some(&opts));
    let d = d.unwrap();
    let fix = d.fixes.first().expect("a fix");
    assert!(fix.complete() && fix.line == 9, "{:?}", d.fixes);
    assert_eq!(fix.kind, codify::analysis::mutate::MutantKind::AddedCheck, "{:?}", d.fixes);
    let analysis = analyze(code, &problem.analysis_context(Some(&evidence)));
    let top = analysis.confident(codify::analysis::SHOWN).next().expect("a finding");
    assert_eq!((top.kind, top.line), (FindingKind::MissingValidation, 9), "{}", top.message);
    assert!(!top.message.contains("in path"), "said without the edit: {}", top.message);
}

#[test]
fn a_hidden_failing_case_is_shown_only_through_a_generated_input() {
    // Fails only on hidden tests; the counterexample must come from the generator, never the hidden data.
    let problem = bundled("valid-palindrome");
    let code = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/teaching/tuning/valid-palindrome__no_lower.py"),
    )
    .unwrap();
    let hidden: Vec<_> = problem.tests().unwrap().into_iter().filter(|t| t.hidden).collect();
    let report = judge().run(&problem, &hidden, &code, &RunOptions::default()).unwrap();
    assert_eq!(report.verdict, Verdict::WrongAnswer);
    let d = diagnose::diagnose(judge(), &problem, &hidden, &code, &report, &DiagnoseOptions::default()).unwrap();
    let c = d.counterexample.expect("a generated input fails too");
    assert_eq!(c.source, "generated");
    assert!(hidden.iter().all(|t| t.input != c.input), "a hidden input leaked: {}", c.input);
}

#[test]
fn a_diagnosis_keeps_to_its_budget_when_every_case_is_slow() {
    // Found by hand: a solution that sleeps 0.8 s in each case (under the 1 s limit) held the explanation
    // of its wrong answer for 50 s, because only the fix search watched the budget.
    let problem = bundled("two-sum");
    let code = "import time\nclass Solution:\n    def twoSum(self, nums, target):\n        time.sleep(0.8)\n        return [0, 1]\n";
    let tests = problem.tests().unwrap();
    let first = RunOptions { stop_at_first_failure: true, cancel: None };
    let report = judge().run(&problem, &tests, code, &first).unwrap();
    assert_eq!(report.verdict, Verdict::WrongAnswer);
    let opts = DiagnoseOptions { budget: std::time::Duration::from_secs(1), ..DiagnoseOptions::default() };
    let started = std::time::Instant::now();
    let _ = diagnose::diagnose(judge(), &problem, &tests, code, &report, &opts);
    // Not a speed target: the budget is 1 s, and before the fix this took 50 s.
    assert!(started.elapsed() < std::time::Duration::from_secs(10), "took {:?}", started.elapsed());
}

/// What a held-out test pins: the corpus's size, and floors a little below the measured numbers (a slower
/// machine tries fewer edits in the budget, so the floors leave room for that).
struct Floors {
    files: usize,
    problems: usize,
    top_right: usize,
    precision: f64,
    /// Files allowed without a counterexample.
    without_counterexample: usize,
}

/// Scores one held-out corpus, prints its report and checks it against `floors`.
fn held_out(dir: &str, name: &str, floors: Floors) {
    let cases = corpus(dir);
    assert!(cases.len() >= floors.files, "{} cases", cases.len());
    let problems: std::collections::BTreeSet<&str> = cases.iter().map(|c| c.slug.as_str()).collect();
    assert!(problems.len() >= floors.problems, "{} problems", problems.len());
    let s = score(&cases);
    eprintln!("{}", report(name, &s));
    assert!(s.top_right >= floors.top_right, "{}", report(name, &s));
    assert_precision(&s, floors.precision);
    assert!(s.without_counterexample.len() <= floors.without_counterexample, "{:?}", s.without_counterexample);
}

/// Precision of every scored pattern with at least three findings is at least `floor`.
fn assert_precision(s: &Score, floor: f64) {
    for (k, (tp, reported, _)) in &s.per {
        if *reported >= 3 {
            assert!(*tp as f64 / *reported as f64 >= floor, "{} precision: {}", k.as_str(), report("", s));
        }
    }
}

/// Scores the held-out corpus and pins the measured numbers (docs/ANALYSIS.md): a change that makes them
/// worse fails here. The goal (≥ 0.9 precision and ≥ 0.8 recall per pattern, top finding right for ≥ 80%)
/// is the issue's; where it is not met, the docs say so.
#[test]
fn the_held_out_learner_bugs_are_explained() {
    // Measured (docs/ANALYSIS.md): 21 of 47 at first, 31 before the last session, 37 now.
    let floors = Floors { files: 30, problems: 15, top_right: 28, precision: 0.65, without_counterexample: 0 };
    held_out("heldout", "held-out", floors);
}

/// The second held-out corpus: 53 bugs over 51 problems, written blind after the repairs above were tuned
/// on the first one, and first run with the detectors frozen.
#[test]
fn the_second_held_out_learner_bugs_are_explained() {
    // 16 of 53 right at first (2 s budget, frozen), 18 with this budget, 28 after tuning on it; far below
    // the issue's 80% (docs/ANALYSIS.md).
    let floors = Floors { files: 40, problems: 0, top_right: 23, precision: 0.65, without_counterexample: 0 };
    held_out("heldout2", "held-out 2", floors);
}

/// The third held-out corpus: 45 bugs over 41 problems, written blind while the repairs were tuned on the
/// first two, and first run with the detectors frozen (docs/ANALYSIS.md).
#[test]
fn the_third_held_out_learner_bugs_are_explained() {
    // First run, frozen: 22 of 45 right (49%), still below the issue's 80% (docs/ANALYSIS.md); 25 now.
    // group-anagrams fails only on a hidden test with a letter its generator never draws: nothing to show.
    let floors = Floors { files: 40, problems: 0, top_right: 21, precision: 0.65, without_counterexample: 1 };
    held_out("heldout3", "held-out 3", floors);
}

/// The fourth held-out corpus: 43 bugs over 43 problems, written blind (the writer read only the
/// problems and the pattern notes, and saw only verdicts) while the last repairs were added, and first run
/// with the detectors frozen (docs/ANALYSIS.md).
#[test]
fn the_fourth_held_out_learner_bugs_are_explained() {
    // First run, frozen: 24 of 43 right (56%), still below the issue's 80% (docs/ANALYSIS.md); 36 now.
    let floors = Floors { files: 40, problems: 0, top_right: 21, precision: 0.55, without_counterexample: 0 };
    held_out("heldout4", "held-out 4", floors);
}

/// The fifth held-out corpus: 34 bugs over the 21 problems no other set uses, written blind (the writer
/// read only the problems, the pattern notes and `LABELS.md`, and saw only verdicts), first run with the
/// detectors frozen at the commit before it landed (docs/ANALYSIS.md).
#[test]
fn the_fifth_held_out_learner_bugs_are_explained() {
    // First run, frozen (ac32608): 17 of 34 right (50%), below the issue's 80% (docs/ANALYSIS.md).
    // clone-graph's endless recursion fails each case only at the recursion limit (~0.7 s a case): on a
    // loaded machine its failing run can outlast the budget before any counterexample is drawn.
    let floors = Floors { files: 30, problems: 15, top_right: 15, precision: 0.55, without_counterexample: 1 };
    held_out("heldout5", "held-out 5", floors);
}

/// The sixth held-out corpus: 44 bugs over 43 problems, mistakes no other set has (the writer saw the
/// other sets' file names, which describe their mistakes, to avoid them), written blind like the fifth and
/// first run with the detectors frozen at the commit before it landed (docs/ANALYSIS.md).
#[test]
fn the_sixth_held_out_learner_bugs_are_explained() {
    // First run, frozen (614e498): 16 of 44 right (36%), far below the issue's 80% (docs/ANALYSIS.md).
    let floors = Floors { files: 40, problems: 25, top_right: 14, precision: 0.55, without_counterexample: 0 };
    held_out("heldout6", "held-out 6", floors);
}

#[test]
fn the_seventh_held_out_learner_bugs_are_explained() {
    // Written blind by two helpers while the check synthesis was built, sealed, and first run with the code
    // frozen at 9ab96b7: 25 of 44 right (57%), below the issue's 80% (docs/ANALYSIS.md).
    let floors = Floors { files: 44, problems: 44, top_right: 23, precision: 0.6, without_counterexample: 0 };
    held_out("heldout7", "held-out 7", floors);
}

#[test]
fn the_eighth_held_out_learner_bugs_are_explained() {
    // Written blind by two helpers while the last changes were made, sealed, and first run with the code
    // frozen at 5b2b0ea: 22 of 44 right (50%), below the issue's 80% (docs/ANALYSIS.md).
    let floors = Floors { files: 44, problems: 44, top_right: 20, precision: 0.55, without_counterexample: 2 };
    held_out("heldout8", "held-out 8", floors);
}

#[test]
fn the_ninth_held_out_learner_bugs_are_explained() {
    // Written blind by two helpers while the last changes were made, sealed, and first run with the code
    // frozen at 1015c17: 29 of 44 right (66%), below the issue's 80% (docs/ANALYSIS.md).
    let floors = Floors { files: 44, problems: 44, top_right: 27, precision: 0.7, without_counterexample: 0 };
    held_out("heldout9", "held-out 9", floors);
}

#[test]
fn the_tenth_held_out_learner_bugs_are_explained() {
    // Written blind by two helpers (new mistakes only, every earlier file name given), sealed, and first
    // run with the code frozen at 9ffa168: 21 of 44 right (48%), below the issue's 80% (docs/ANALYSIS.md).
    // Six of its files time out (an endless loop or recursion), which the diagnosis does not explain.
    // Under CI's parallel load the same code measured 20 right and off_by_one precision 0.54 (7 of 13):
    // the precision floor leaves room for that, as the other sets' floors do.
    let floors = Floors { files: 44, problems: 44, top_right: 18, precision: 0.5, without_counterexample: 8 };
    held_out("heldout10", "held-out 10", floors);
}
