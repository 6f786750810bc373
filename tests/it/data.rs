//! Your data (issue 17): `codify history`, and `codify export` / `codify import` round-tripped through the
//! real binary, the real judge and real SQLite files; and every refusal of an import.

use std::path::Path;
use std::process::Output;

use crate::common::{self, stderr, stdout, write_solution};

const TWO_SUM: &str = include_str!("../fixtures/solutions/two_sum.py");
const TWO_SUM_WRONG: &str = "class Solution:\n    def twoSum(self, nums, target):\n        return [0, 1]\n";
const MISSING_WRONG: &str = "class Solution:\n    def missingNumber(self, nums):\n        return 0\n";
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

/// A home with a profile, a plan, accepted and failing submissions of two problems (a review card each), a
/// draft, a tutor conversation and a vote.
fn lived_in_home(h: &Path) {
    ok(codify(
        h,
        &["profile", "init", "--level", "beginner", "--weeks", "4", "--hours", "5", "--confidence", "arrays=1"],
    ));
    ok(codify(h, &["plan"]));
    for (slug, code, name) in [
        ("two-sum", TWO_SUM_WRONG, "a.py"),
        ("two-sum", TWO_SUM, "b.py"),
        ("missing-number", MISSING_WRONG, "c.py"),
        ("missing-number", MISSING, "d.py"),
        ("missing-number", MISSING_WRONG, "e.py"),
    ] {
        let file = write_solution(h, name, code);
        ok(codify(h, &["submit", slug, file.to_str().unwrap()]));
    }
    let file = write_solution(h, "slow.py", TWO_SUM_WRONG);
    ok(codify(h, &["hint", "two-sum", "--file", file.to_str().unwrap()]));
    ok(codify(h, &["vote", "two-sum", "up"]));
    let store = codify::store::Store::open(&h.join("codify.db")).unwrap();
    store.save_draft("valid-anagram", "class Solution:\n    pass\n").unwrap();
}

/// The export's tables, without the header (which says when it was made).
fn tables(h: &Path) -> serde_json::Value {
    json(codify(h, &["export", "-"]))["tables"].clone()
}

#[test]
fn an_export_imported_into_a_fresh_home_reproduces_stats_plan_and_next() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (a, b) = (a.path(), b.path());
    lived_in_home(a);
    let file = a.join("backup.json");
    let o = ok(codify(a, &["export", file.to_str().unwrap()]));
    assert!(stdout(&o).contains("submissions 5"), "{}", stdout(&o));
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!((doc["format"].as_str(), doc["version"].as_u64()), (Some("codify-export"), Some(1)));
    for (table, at_least) in [
        ("learner_profiles", 1),
        ("learner_plans", 1),
        ("submissions", 5),
        ("review_cards", 2),
        ("drafts", 1),
        ("coach_messages", 2),
        ("community_votes", 1),
        ("community_outbox", 1),
    ] {
        let n = doc["tables"][table].as_array().map_or(0, Vec::len);
        assert!(n >= at_least, "{table}: {n} rows");
    }
    // Stored analysis comes along as JSON, not as a string.
    assert!(doc["tables"]["submissions"][0]["analysis_json"].is_object(), "{}", doc["tables"]["submissions"][0]);

    let o = ok(codify(b, &["import", file.to_str().unwrap()]));
    assert!(stdout(&o).contains(", skipped 0 ("), "{}", stdout(&o));
    for cmd in [&["stats"][..], &["plan"], &["next"], &["history", "--code"], &["stats", "--json"], &["next", "--json"]]
    {
        let (x, y) = (ok(codify(a, cmd)), ok(codify(b, cmd)));
        assert!(!stdout(&x).is_empty());
        assert_eq!(stdout(&x), stdout(&y), "`codify {}` differs after the round trip", cmd.join(" "));
    }
    let (x, y) = (tables(a), tables(b));
    for (name, rows) in x.as_object().unwrap() {
        assert!(rows == &y[name], "the imported home's {name} differ: {rows}\n---\n{}", y[name]);
    }
    assert_eq!(x.as_object().unwrap().len(), y.as_object().unwrap().len());
    assert_eq!(
        ok(codify(b, &["hint", "two-sum", "--history"])).stdout,
        ok(codify(a, &["hint", "two-sum", "--history"])).stdout
    );
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

/// The home's data as an export would show it, to compare before and after a refused import.
fn snapshot(h: &Path) -> serde_json::Value {
    tables(h)
}

fn refused(h: &Path, args: &[&str]) -> String {
    let before = snapshot(h);
    let o = codify(h, args);
    assert!(!o.status.success(), "{}", stdout(&o));
    let e = stderr(&o);
    assert_eq!(e.trim_end().lines().count(), 1, "one line: {e}");
    assert_eq!(snapshot(h), before, "a refused import changes nothing");
    e
}

#[test]
fn imports_that_cannot_be_read_are_refused_in_one_line_and_change_nothing() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let write = |name: &str, text: &str| {
        let p = h.join(name);
        std::fs::write(&p, text).unwrap();
        p.to_str().unwrap().to_string()
    };
    let bad = write("bad.json", "{\n  \"format\": \"codify-export\",\n  \"version\": 1,\n  \"tables\": {,\n}\n");
    let e = refused(h, &["import", &bad]);
    assert!(e.contains(&format!("{bad}:4:")) && e.contains("not valid JSON"), "{e}");

    let other = write("other.json", r#"{"format": "something-else", "version": 1, "tables": {}}"#);
    let e = refused(h, &["import", &other]);
    assert!(e.contains("not a Codify export") && e.contains("\"something-else\""), "{e}");

    let newer = write("newer.json", r#"{"format": "codify-export", "version": 2, "tables": {}}"#);
    let e = refused(h, &["import", &newer]);
    assert!(e.contains("version 2, newer than this Codify reads (up to 1)"), "{e}");

    // A row that cannot be stored, after good ones: nothing of the document lands.
    let broken = write(
        "broken.json",
        r#"{"format": "codify-export", "version": 1, "tables": {
            "drafts": [{"problem": "two-sum", "code": "x", "updated_at": 1}],
            "submissions": [{"id": 1, "problem": "two-sum", "code": "x", "verdict": "accepted", "passed": 1,
                             "total": 1, "runtime_ms": 1.0, "cases_json": [], "created_at": 5, "local_minute": 0},
                            {"id": 2, "problem": "two-sum", "code": null, "verdict": "accepted", "passed": 1,
                             "total": 1, "runtime_ms": 1.0, "cases_json": [], "created_at": 6, "local_minute": 0}]}}"#,
    );
    let e = refused(h, &["import", &broken]);
    assert!(e.contains("tables.submissions[1]") && e.contains("NOT NULL"), "{e}");

    let unknown = write(
        "unknown.json",
        r#"{"format": "codify-export", "version": 1, "tables": {"drafts": [{"problem": "a", "colour": 1}]}}"#,
    );
    let e = refused(h, &["import", &unknown]);
    assert!(e.contains("tables.drafts[0]") && e.contains("unknown field `colour`"), "{e}");
}

#[test]
fn a_home_with_submissions_takes_an_import_only_with_merge_and_then_skips_what_it_has() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (a, b) = (a.path(), b.path());
    for (h, code) in [(a, TWO_SUM), (b, TWO_SUM_WRONG)] {
        let file = write_solution(h, "s.py", code);
        ok(codify(h, &["submit", "two-sum", file.to_str().unwrap()]));
    }
    let file = a.join("a.json");
    ok(codify(a, &["export", file.to_str().unwrap()]));
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    let rows: usize = doc["tables"].as_object().unwrap().values().map(|t| t.as_array().unwrap().len()).sum();
    assert!(rows >= 1);
    let file = file.to_str().unwrap();

    let e = refused(b, &["import", file]);
    assert!(e.contains("this home already has 1 submissions: pass --merge"), "{e}");

    let o = ok(codify(b, &["import", file, "--merge"]));
    assert!(stdout(&o).contains(&format!(": added {rows}, skipped 0 (")), "{}", stdout(&o));
    let history = json(codify(b, &["history", "--json"]));
    let verdicts: Vec<&str> = history.as_array().unwrap().iter().map(|r| r["verdict"].as_str().unwrap()).collect();
    assert_eq!(verdicts.len(), 2, "both homes' submissions, neither lost to the other's id 1: {history}");
    assert!(verdicts.contains(&"accepted") && verdicts.contains(&"wrong_answer"), "{history}");

    let o = ok(codify(b, &["import", file, "--merge"]));
    assert!(stdout(&o).contains(&format!(": added 0, skipped {rows} (")), "{}", stdout(&o));
    assert_eq!(json(codify(b, &["history", "--json"])).as_array().unwrap().len(), 2);
}

#[test]
fn an_export_to_a_file_replaces_it_whole_and_keeps_it_private() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let file = h.join("out.json");
    std::fs::write(&file, "old contents that are longer than nothing").unwrap();
    ok(codify(h, &["export", file.to_str().unwrap()]));
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(doc["format"], "codify-export");
    assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
    let leftovers: Vec<_> = std::fs::read_dir(h)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // `--out FILE` is the same as FILE (the spelling DESIGN.md gives).
    let out = h.join("by-option.json");
    ok(codify(h, &["export", "--out", out.to_str().unwrap()]));
    let by_option: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(by_option["tables"], doc["tables"]);
    let o = codify(h, &["export", h.join("no/such/dir/out.json").to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("cannot write the export to"), "{}", stderr(&o));
}
