//! Your data (issue 17): `codify history` through the real binary, the real judge and real SQLite files.

use std::path::Path;
use std::process::Output;

use crate::common::{self, stderr, stdout, write_solution};

const TWO_SUM: &str = include_str!("../fixtures/solutions/two_sum.py");
const TWO_SUM_WRONG: &str = "class Solution:\n    def twoSum(self, nums, target):\n        return [0, 1]\n";
const MISSING: &str = "class Solution:\n    def missingNumber(self, nums):\n        return len(nums) * (len(nums) + 1) // 2 - sum(nums)\n";

/// The real binary, offline whatever the machine's environment says.
fn codify(home: &Path, args: &[&str]) -> Output {
    common::command(home, args)
        .env_remove("OPENAI_API_KEY")
        .env_remove("CODIFY_LLM_BASE_URL")
        .env_remove("CODIFY_LLM_MODEL")
        .output()
        .expect("run codify")
}

fn ok(o: Output) -> Output {
    assert!(o.status.success(), "exit {:?}: {}{}", o.status, stderr(&o), stdout(&o));
    o
}

fn json(o: Output) -> serde_json::Value {
    let o = ok(o);
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(&o)))
}

#[test]
fn history_lists_newest_first_with_code_on_request_and_stable_json() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let o = ok(codify(h, &["history"]));
    assert!(stdout(&o).starts_with("No submissions yet"), "{}", stdout(&o));
    for (slug, code, name) in
        [("two-sum", TWO_SUM_WRONG, "a.py"), ("missing-number", MISSING, "b.py"), ("two-sum", TWO_SUM, "c.py")]
    {
        let file = write_solution(h, name, code);
        ok(codify(h, &["submit", slug, file.to_str().unwrap()]));
    }
    let all = json(codify(h, &["history", "--json"]));
    let rows: Vec<(&str, &str)> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["problem"].as_str().unwrap(), r["verdict"].as_str().unwrap()))
        .collect();
    assert_eq!(rows, [("two-sum", "accepted"), ("missing-number", "accepted"), ("two-sum", "wrong_answer")]);
    let first = all[0].as_object().unwrap();
    let keys: Vec<&str> = first.keys().map(String::as_str).collect();
    assert_eq!(keys, ["created_at", "id", "passed", "problem", "runtime_ms", "time", "total", "verdict"]);
    assert_eq!(all[2]["passed"], 0);
    assert!(all[2]["total"].as_u64().unwrap() > 0);

    let one = json(codify(h, &["history", "two-sum", "--code", "--limit", "1", "--json"]));
    assert_eq!(one.as_array().unwrap().len(), 1);
    assert_eq!(one[0]["code"].as_str(), Some(TWO_SUM));

    let text = stdout(&ok(codify(h, &["history", "two-sum", "--code"])));
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("TIME") && lines[0].contains("PROBLEM") && lines[0].contains("VERDICT"), "{text}");
    let accepted = lines.iter().position(|l| l.contains("Accepted") && l.contains("two-sum")).unwrap();
    let wrong = lines.iter().position(|l| l.contains("Wrong Answer")).unwrap();
    assert!(accepted < wrong, "newest first:\n{text}");
    // Columns line up: the verdicts start at the same column as the header's.
    let col = lines[0].find("VERDICT").unwrap();
    assert_eq!((lines[accepted].find("Accepted"), lines[wrong].find("Wrong Answer")), (Some(col), Some(col)), "{text}");
    assert!(
        text.contains("\n    class Solution:\n        def twoSum(self, nums, target):\n            return [0, 1]\n"),
        "{text}"
    );
    assert!(!text.contains("missing-number"), "{text}");

    let o = codify(h, &["history", "two-sun"]);
    assert!(!o.status.success());
    assert_eq!(stderr(&o).trim(), "codify: no problem `two-sun`; did you mean two-sum?");
}
