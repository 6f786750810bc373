//! The command line as a user runs it: human and JSON output, exit codes, one-line errors.

use crate::common::*;

const TWO_SUM: &str = include_str!("../fixtures/solutions/two_sum.py");

#[test]
fn submit_json_has_the_documented_fields_and_is_recorded() {
    let home = tempfile::tempdir().unwrap();
    let sol = write_solution(home.path(), "s.py", TWO_SUM);
    let out = codify(home.path(), &["submit", "two-sum", sol.to_str().unwrap(), "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for field in ["problem", "verdict", "passed", "total", "runtime_ms", "cases"] {
        assert!(v.get(field).is_some(), "missing {field}");
    }
    assert_eq!(v["verdict"], "accepted");
    let case = &v["cases"][0];
    for field in ["id", "hidden", "passed", "input", "expected", "actual", "ms", "error", "stdout"] {
        assert!(case.get(field).is_some(), "case missing {field}");
    }
    assert!(home.path().join("codify.db").exists());
    let store = codify::store::Store::open(&home.path().join("codify.db")).unwrap();
    let subs = store.submissions_for("two-sum").unwrap();
    assert_eq!(subs.len(), 1);
    assert_eq!(subs[0].code, TWO_SUM);
    assert_eq!(subs[0].verdict, codify::judge::Verdict::Accepted);
    assert_eq!(subs[0].cases.len(), subs[0].total);
}

#[test]
fn run_uses_only_public_tests_and_records_nothing() {
    let home = tempfile::tempdir().unwrap();
    let sol = write_solution(home.path(), "s.py", TWO_SUM);
    let out = codify(home.path(), &["run", "two-sum", sol.to_str().unwrap(), "--json"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["cases"].as_array().unwrap().iter().all(|c| c["hidden"] == false));
    let store = codify::store::Store::open(&home.path().join("codify.db")).unwrap();
    assert_eq!(store.submission_count().unwrap(), 0);
}

#[test]
fn human_output_names_verdict_and_case() {
    let home = tempfile::tempdir().unwrap();
    let sol = write_solution(
        home.path(),
        "w.py",
        "class Solution:\n    def twoSum(self, nums, target):\n        return [0, 0]\n",
    );
    let out = codify(home.path(), &["submit", "two-sum", sol.to_str().unwrap()]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.starts_with("Wrong Answer  ·  two-sum  ·  0/"), "{text}");
    assert!(text.contains("expected:") && text.contains("actual:    [0,0]"), "{text}");
}

#[test]
fn every_verdict_class_through_the_cli() {
    let home = tempfile::tempdir().unwrap();
    let cases = [
        ("accepted", TWO_SUM.to_string()),
        ("wrong_answer", "class Solution:\n    def twoSum(self, nums, target):\n        return [1, 1]\n".to_string()),
        ("time_limit_exceeded", "class Solution:\n    def twoSum(self, nums, target):\n        for i in range(len(nums)):\n            for j in range(i + 1, len(nums)):\n                if nums[i] + nums[j] == target:\n                    return [i, j]\n".to_string()),
        ("memory_limit_exceeded", "class Solution:\n    def twoSum(self, nums, target):\n        x = [0] * 10**10\n".to_string()),
        ("runtime_error", "class Solution:\n    def twoSum(self, nums, target):\n        return 1 / 0\n".to_string()),
        ("compile_error", "class Solution:\n    def twoSum(self, nums, target):\n        return [\n".to_string()),
    ];
    for (want, code) in cases {
        let sol = write_solution(home.path(), "v.py", &code);
        let out = codify(home.path(), &["submit", "two-sum", sol.to_str().unwrap(), "--json"]);
        assert!(out.status.success(), "{want}: {}", stderr(&out));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["verdict"], want);
        let human = codify(home.path(), &["submit", "two-sum", sol.to_str().unwrap()]);
        let title = codify::judge::Verdict::parse(want).unwrap().title();
        assert!(stdout(&human).starts_with(title), "{want}: {}", stdout(&human));
    }
}

#[test]
fn bad_input_gets_one_clear_line() {
    let home = tempfile::tempdir().unwrap();
    let sol = write_solution(home.path(), "s.py", TWO_SUM);
    let check = |args: &[&str], want: &str| {
        let out = codify(home.path(), args);
        assert!(!out.status.success(), "{args:?} should fail");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        assert!(err.contains(want), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    };
    check(&["submit", "two-sums", sol.to_str().unwrap()], "no problem `two-sums`; did you mean two-sum");
    check(&["submit", "two-sum", "/no/such/file.py"], "/no/such/file.py: no such file");
    check(&["submit", "two-sum", home.path().to_str().unwrap()], "is a directory");
    let bin = home.path().join("bin.py");
    std::fs::write(&bin, b"class Solution:\x00\x01").unwrap();
    check(&["submit", "two-sum", bin.to_str().unwrap()], "looks binary");
    let latin = home.path().join("latin.py");
    std::fs::write(&latin, b"# caf\xe9\nclass Solution: pass\n").unwrap();
    check(&["submit", "two-sum", latin.to_str().unwrap()], "is not UTF-8");
    let big = home.path().join("big.py");
    std::fs::write(&big, "#".repeat(1_100_000)).unwrap();
    check(&["submit", "two-sum", big.to_str().unwrap()], "limited to 1 MiB");
    std::fs::write(home.path().join("config.toml"), "[judge]\nsandbox = \"yes\"\n").unwrap();
    check(
        &["submit", "two-sum", sol.to_str().unwrap()],
        "config.toml: `judge.sandbox` must be a boolean, not a string (line 2)",
    );
    std::fs::write(home.path().join("config.toml"), "python = \"/no/python3\"\n").unwrap();
    check(&["submit", "two-sum", sol.to_str().unwrap()], "no `/no/python3` on PATH");
}

#[test]
fn malformed_problem_folder_is_named_and_the_rest_still_work() {
    let home = tempfile::tempdir().unwrap();
    let extra = home.path().join("mine");
    let broken = extra.join("broken-one");
    std::fs::create_dir_all(&broken).unwrap();
    std::fs::write(broken.join("problem.toml"), "slug = \"broken-one\"\ntitle = 3\n").unwrap();
    std::fs::write(home.path().join("config.toml"), format!("problem_dirs = [{:?}]\n", extra.display().to_string()))
        .unwrap();
    let out = codify(home.path(), &["problems", "--json"]);
    assert!(out.status.success());
    assert!(stderr(&out).contains("broken-one/problem.toml"), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v.as_array().unwrap().len() >= 30);
    let out = codify(home.path(), &["problems", "validate", "--json"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn problems_list_filters_and_shows_status() {
    let home = tempfile::tempdir().unwrap();
    let sol = write_solution(home.path(), "s.py", TWO_SUM);
    codify(home.path(), &["submit", "two-sum", sol.to_str().unwrap()]);
    let out = codify(home.path(), &["problems", "--topic", "hash-maps", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = v.as_array().unwrap();
    assert!(rows.iter().all(|r| r["topic"] == "hash-maps"));
    let two = rows.iter().find(|r| r["slug"] == "two-sum").unwrap();
    assert_eq!(two["status"], "solved");
    let out = codify(home.path(), &["problems", "--difficulty", "impossible"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("not one of easy, medium, hard"));
}

#[test]
fn problems_list_filters_by_a_well_known_list() {
    let home = tempfile::tempdir().unwrap();
    let rows = |args: &[&str]| -> Vec<serde_json::Value> {
        let out = codify(home.path(), args);
        assert!(out.status.success(), "{}", stderr(&out));
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap().as_array().unwrap().clone()
    };
    let blind = rows(&["problems", "--list", "blind-75", "--json"]);
    assert_eq!(blind.len(), 75, "the Blind 75");
    assert!(blind.iter().all(|r| r["lists"].as_array().unwrap().iter().any(|l| l == "blind-75")));
    assert_eq!(rows(&["problems", "--list", "neetcode-150", "--json"]).len(), 150, "the NeetCode 150");
    let trees = rows(&["problems", "--list", "blind-75", "--topic", "trees", "--json"]);
    assert!(!trees.is_empty() && trees.iter().all(|r| r["topic"] == "trees"));
    let out = codify(home.path(), &["problems", "--list", "blind-76"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("--list `blind-76` is not one of blind-75, neetcode-150"), "{}", stderr(&out));
}

#[test]
fn the_bank_lists_problems_along_the_roadmap_and_notes_cover_its_eighteen_sections() {
    let home = tempfile::tempdir().unwrap();
    let out = codify(home.path(), &["problems", "--json"]);
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let mut topics: Vec<&str> = rows.iter().map(|r| r["topic"].as_str().unwrap()).collect();
    topics.dedup();
    // Each topic once, in the progression's order (the bank's own finer topics sit among them).
    let roadmap = [
        "arrays",
        "strings",
        "hash-maps",
        "prefix-sums",
        "two-pointers",
        "sliding-window",
        "stacks",
        "binary-search",
        "matrices",
        "linked-lists",
        "trees",
        "tries",
        "heaps",
        "backtracking",
        "graphs",
        "advanced-graphs",
        "dp-1d",
        "dp-2d",
        "greedy",
        "intervals",
        "math-geometry",
        "bit-manipulation",
    ];
    let expected: Vec<&str> = roadmap.iter().copied().filter(|t| topics.contains(t)).collect();
    assert_eq!(topics, expected);
    assert_eq!(rows.iter().filter(|r| r["topic"] == "dp-2d").count(), 11, "the roadmap's 2-D DP problems");
    let note = |name: &str| {
        let out = codify(home.path(), &["note", name]);
        assert!(out.status.success(), "{}", stderr(&out));
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(note("dp-1d").starts_with("# 1-D dynamic programming\n"));
    let both = note("dynamic-programming");
    assert!(both.starts_with("# 1-D dynamic programming\n") && both.contains("\n# 2-D dynamic programming\n"));
    let out = codify(home.path(), &["note", "quantum"]);
    assert!(!out.status.success() && stderr(&out).contains("no note `quantum`; notes: "), "{}", stderr(&out));
}

#[test]
fn show_prints_statement_examples_and_starter() {
    let home = tempfile::tempdir().unwrap();
    let out = codify(home.path(), &["show", "two-sum"]);
    let text = stdout(&out);
    assert!(text.starts_with("Two Sum"));
    assert!(text.contains("Example 1"));
    assert!(text.contains("def twoSum(self, nums: List[int], target: int) -> List[int]:"));
}

#[test]
fn doctor_reports_interpreter_and_every_layer() {
    let home = tempfile::tempdir().unwrap();
    let out = codify(home.path(), &["doctor", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["interpreter"]["executable"].as_str().unwrap().contains("python"));
    let names: Vec<&str> = v["sandbox"].as_array().unwrap().iter().map(|l| l["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["process-group", "rlimits", "capabilities", "namespaces", "tasks", "landlock", "seccomp"]);
    let text = stdout(&codify(home.path(), &["doctor"]));
    assert!(text.contains("Interpreter") && text.contains("landlock") && text.contains("seccomp"), "{text}");
}

#[test]
fn bundled_problems_all_validate() {
    let home = tempfile::tempdir().unwrap();
    let out = codify(home.path(), &["problems", "validate", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(&out)));
    let bad: Vec<&serde_json::Value> = v["problems"].as_array().unwrap().iter().filter(|p| p["ok"] != true).collect();
    assert!(bad.is_empty(), "{}", serde_json::to_string_pretty(&bad).unwrap());
    assert!(v["problems"].as_array().unwrap().len() >= 30);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn problems_validate_catches_an_edge_tag_its_input_does_not_have() {
    let home = tempfile::tempdir().unwrap();
    let extra = home.path().join("mine");
    let dir = extra.join("pair-sum");
    std::fs::create_dir_all(&dir).unwrap();
    let bank = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("problems/two-sum");
    let toml = std::fs::read_to_string(bank.join("problem.toml")).unwrap();
    std::fs::write(dir.join("problem.toml"), toml.replace("slug = \"two-sum\"", "slug = \"pair-sum\"")).unwrap();
    std::fs::copy(bank.join("solution.py"), dir.join("solution.py")).unwrap();
    let tests = std::fs::read_to_string(bank.join("tests.jsonl")).unwrap();
    let honest = "{\"input\": {\"nums\": [3, 2, 4], \"target\": 6}, \"expected\": [1, 2], \"hidden\": true, \"edge\": \"general\"}";
    assert!(tests.lines().nth(4) == Some(honest), "two-sum's fifth test moved: {tests}");
    std::fs::write(dir.join("tests.jsonl"), tests.replace(honest, &honest.replace("general", "duplicates"))).unwrap();
    std::fs::write(home.path().join("config.toml"), format!("problem_dirs = [{:?}]\n", extra.display().to_string()))
        .unwrap();

    let validate = || {
        let out = codify(home.path(), &["problems", "validate", "pair-sum", "--json"]);
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| panic!("{}", stderr(&out)));
        (out.status.code(), v["problems"][0]["errors"].clone())
    };
    let (code, errors) = validate();
    assert_eq!(code, Some(1), "{errors}");
    assert_eq!(
        errors,
        serde_json::json!([format!(
            "{}/tests.jsonl:5: edge: tagged `duplicates`, but no input repeats a value (read: nums); retag it with the edge it exercises (docs/PROBLEM_FORMAT.md, \"Edge tags\")",
            dir.display()
        )])
    );
    std::fs::write(dir.join("tests.jsonl"), &tests).unwrap();
    let (code, errors) = validate();
    assert_eq!((code, errors), (Some(0), serde_json::json!([])));
}
