//! Unit tests of the analyser on small sources: one shape per test, read as (source, expectation).
//! The labelled corpora and their precision/recall are in tests/it/analysis.rs.

use super::*;
use crate::complexity::Complexity::*;

/// The time estimate of a source analysed on its own.
pub(crate) fn time(src: &str) -> Complexity {
    let a = analyze(src, &Context::default());
    assert!(a.syntax_error.is_none(), "{:?}", a.syntax_error);
    a.time_complexity.expect("estimate")
}

/// The kinds of the findings at 0.5 or above, sorted and deduplicated.
pub(crate) fn kinds(src: &str, optimal: Option<Complexity>) -> Vec<FindingKind> {
    let ctx = Context { optimal_time: optimal, ..Context::default() };
    let mut k: Vec<FindingKind> = analyze(src, &ctx).confident(0.5).map(|f| f.kind).collect();
    k.sort();
    k.dedup();
    k
}

#[test]
fn estimates_common_shapes() {
    let cases = [
        ("def f(n):\n    return n * 2\n", Constant),
        ("def f(a):\n    lo, hi = 0, len(a) - 1\n    while lo <= hi:\n        mid = (lo + hi) // 2\n        if a[mid] < 3:\n            lo = mid + 1\n        else:\n            hi = mid - 1\n    return lo\n", Log),
        ("def f(a):\n    t = 0\n    for x in a:\n        t += x\n    return t\n", Linear),
        ("def f(a):\n    a.sort()\n    return a[0]\n", Linearithmic),
        ("def f(a):\n    for i in range(len(a)):\n        for j in range(i):\n            pass\n", Quadratic),
        ("def f(a):\n    n = len(a)\n    for i in range(n):\n        for j in range(n):\n            for k in range(n):\n                pass\n", Cubic),
        ("def f(n):\n    if n < 2:\n        return n\n    return f(n - 1) + f(n - 2)\n", Exponential),
        // Memoised, amortised, traversal.
        ("from functools import cache\n@cache\ndef f(n):\n    if n < 2:\n        return n\n    return f(n - 1) + f(n - 2)\n", Linear),
        ("def f(s):\n    seen = set()\n    left = best = 0\n    for right in range(len(s)):\n        while s[right] in seen:\n            seen.remove(s[left])\n            left += 1\n        seen.add(s[right])\n        best = max(best, right - left + 1)\n    return best\n", Linear),
        ("def f(a):\n    for x in a:\n        if x in a:\n            pass\n", Quadratic),
        ("def f(a):\n    s = set(a)\n    for x in a:\n        if x in s:\n            pass\n", Linear),
        // A table of numbers started at `n + 1` is one row, not a grid: `t[i - c] + 1` adds numbers.
        ("def f(c, n):\n    t = [n + 1] * (n + 1)\n    for i in range(1, n + 1):\n        for x in c:\n            t[i] = min(t[i], t[i - x] + 1)\n    return t[n]\n", Quadratic),
        // Scripts.
        ("n = int(input())\nfor _ in range(n):\n    print(_)\n", Linear),
        ("import sys\ndata = sys.stdin.read().split()\nprint(sorted(data))\n", Linearithmic),
        ("a, b = map(int, input().split())\nprint(a + b)\n", Constant),
    ];
    for (src, want) in cases {
        assert_eq!(time(src), want, "{src}");
    }
}

#[test]
fn the_named_method_is_the_entry() {
    let src = "class Solution:\n    def slow(self, a):\n        for x in a:\n            for y in a:\n                pass\n    def fast(self, a):\n        return len(a)\n";
    let ctx = Context { method: Some("fast"), ..Context::default() };
    assert_eq!(analyze(src, &ctx).time_complexity, Some(Constant));
    assert_eq!(analyze(src, &Context::default()).time_complexity, Some(Quadratic));
    // Helpers are costed through their calls.
    let helper = "class Solution:\n    def f(self, a):\n        return self.g(a)\n    def g(self, a):\n        return sorted(a)\n";
    assert_eq!(analyze(helper, &ctx).time_complexity, Some(Linearithmic));
}

#[test]
fn reasons_are_one_short_line() {
    let mut src = String::from("def f(n):\n");
    for d in 1..30 {
        src.push_str(&format!("{}for i{d} in range(n):\n", "    ".repeat(d)));
    }
    src.push_str(&format!("{}pass\n", "    ".repeat(30)));
    let a = analyze(&src, &Context::default());
    assert_eq!(a.time_complexity, Some(Cubic));
    assert!(!a.time_reason.contains('\n') && a.time_reason.len() < 200, "{}", a.time_reason);
    assert!(!a.space_reason.is_empty());
}

#[test]
fn detects_each_pattern_on_a_minimal_example() {
    use FindingKind::*;
    let cases: [(&str, Option<Complexity>, FindingKind); 8] = [
        ("def f(nums):\n    return nums[1] - nums[0]\n", None, MissingEdgeCase),
        ("def f(head):\n    return head.next\n", None, MissingEdgeCase),
        ("def f(nums, t):\n    for i in range(len(nums)):\n        for j in range(len(nums)):\n            if nums[i] + nums[j] == t:\n                return [i, j]\n    return []\n", Some(Linear), SuboptimalComplexity),
        ("def f(nums):\n    seen = []\n    for x in nums:\n        if x in seen:\n            return True\n        seen.append(x)\n    return False\n", None, WrongDataStructure),
        ("def f(a):\n    for i in range(len(a)):\n        if a[i] > a[i + 1]:\n            return False\n    return True\n", None, OffByOne),
        ("def f(s):\n    stack = []\n    for c in s:\n        if c == '(':\n            stack.append(c)\n        else:\n            stack.pop()\n    return not stack\n", None, MissingValidation),
        ("def f(s):\n    counts = {}\n    for c in s:\n        counts[c] += 1\n    return counts\n", None, MissingValidation),
        ("def f(a):\n    out = []\n    for i in range(len(a)):\n        out.append(sum(a[:i]))\n    return out\n", None, InefficientLoop),
    ];
    for (src, opt, want) in cases {
        assert!(kinds(src, opt).contains(&want), "{want} not found in:\n{src}\n{:?}", kinds(src, opt));
    }
}

#[test]
fn guarded_code_is_quiet() {
    let clean = [
        "def f(nums):\n    if len(nums) < 2:\n        return 0\n    return nums[1] - nums[0]\n",
        "def f(head):\n    if not head:\n        return None\n    return head.next\n",
        "def f(s):\n    stack = []\n    for c in s:\n        if c == '(':\n            stack.append(c)\n        elif not stack:\n            return False\n        else:\n            stack.pop()\n    return not stack\n",
        "def f(s):\n    counts = {}\n    for c in s:\n        counts[c] = counts.get(c, 0) + 1\n    return counts\n",
        "def f(a):\n    for i in range(1, len(a)):\n        if a[i - 1] > a[i]:\n            return False\n    return True\n",
    ];
    for src in clean {
        assert!(kinds(src, Some(Linear)).is_empty(), "{src}\n{:?}", analyze(src, &Context::default()).findings);
    }
}

#[test]
fn suboptimal_needs_the_optimal_bound() {
    let src = "def f(a):\n    return sorted(a)[0]\n";
    assert!(kinds(src, None).is_empty());
    assert!(kinds(src, Some(Linearithmic)).is_empty());
    assert_eq!(kinds(src, Some(Linear)), vec![FindingKind::SuboptimalComplexity]);
    // A fixed-size input (optimal O(1)) is never "suboptimal" for polynomial loops.
    let board =
        "def f(board):\n    for r in range(len(board)):\n        for c in range(len(board)):\n            pass\n";
    assert!(kinds(board, Some(Constant)).is_empty());
}

fn report(cases: Vec<(Option<crate::problems::Edge>, crate::judge::Verdict)>) -> crate::judge::Report {
    let cases: Vec<crate::judge::CaseReport> = cases
        .into_iter()
        .enumerate()
        .map(|(i, (edge, verdict))| crate::judge::CaseReport {
            id: i + 1,
            hidden: true,
            edge,
            passed: verdict == crate::judge::Verdict::Accepted,
            verdict,
            input: serde_json::Value::Null,
            expected: serde_json::Value::Null,
            actual: serde_json::Value::Null,
            ms: 1.0,
            error: None,
            stdout: String::new(),
            stdout_truncated: false,
        })
        .collect();
    crate::judge::Report {
        problem: "p".into(),
        verdict: cases.iter().find(|c| !c.passed).map_or(crate::judge::Verdict::Accepted, |c| c.verdict),
        passed: cases.iter().filter(|c| c.passed).count(),
        total: cases.len(),
        runtime_ms: 1.0,
        cases,
        message: None,
        compile_error: None,
        sandbox: Vec::new(),
    }
}

#[test]
fn run_evidence_becomes_dynamic_findings() {
    use crate::judge::Verdict::*;
    use crate::problems::Edge;
    let r = report(vec![(None, Accepted), (Some(Edge::Empty), RuntimeError), (Some(Edge::Large), TimeLimitExceeded)]);
    let run = RunEvidence::from_report(&r);
    assert_eq!(run.failures.len(), 2);
    assert!(run.large_timeout);
    let src = "class Solution:\n    def f(self, nums):\n        best = nums[0]\n        for i in range(len(nums)):\n            for j in range(len(nums)):\n                best = max(best, nums[i] - nums[j])\n        return best\n";
    let ctx = Context { method: Some("f"), optimal_time: Some(Linear), run: Some(&run), ..Context::default() };
    let a = analyze(src, &ctx);
    let dynamic: Vec<&Finding> = a.findings.iter().filter(|f| f.evidence == Evidence::Dynamic).collect();
    assert!(
        dynamic.iter().any(|f| f.kind == FindingKind::MissingEdgeCase && f.message.contains("empty")),
        "{dynamic:?}"
    );
    let slow = dynamic.iter().find(|f| f.kind == FindingKind::SuboptimalComplexity).expect("time-out finding");
    assert!(slow.confidence >= 0.9);
    // A general wrong answer is not an edge case.
    let r = report(vec![(Some(Edge::General), WrongAnswer)]);
    let run = RunEvidence::from_report(&r);
    let a = analyze(src, &Context { run: Some(&run), ..Context::default() });
    assert!(a.findings.iter().all(|f| f.evidence == Evidence::Static));
}

#[test]
fn the_first_complete_fix_explains_the_failure_and_a_second_is_a_maybe() {
    use crate::judge::Verdict::*;
    let mut run = RunEvidence::from_report(&report(vec![(None, Accepted), (None, WrongAnswer)]));
    let fix = |kind, line: u32, change: &str| Fix { kind, line, change: change.into(), fixed: 1, failing: 1 };
    run.fixes = vec![
        fix(crate::analysis::mutate::MutantKind::Comparison, 4, "`>` → `>=`"),
        fix(crate::analysis::mutate::MutantKind::AddedLastStep, 3, "repeated `n += 1` after the loop"),
    ];
    let src = "def f(xs, k):\n    n = 0\n    for x in xs:\n        if n > k:\n            n += 1\n    return n\n";
    let a = analyze(src, &Context { run: Some(&run), ..Context::default() });
    let top = &a.findings[0];
    assert_eq!((top.kind, top.line, top.confidence), (FindingKind::OffByOne, 4, 0.95), "{:?}", a.findings);
    let second =
        a.findings.iter().find(|f| f.line == 3 && f.kind == FindingKind::MissingEdgeCase).expect("the other fix");
    assert!(second.confidence < SHOWN, "{second:?}");
}

#[test]
fn syntax_errors_and_bytes() {
    let a = analyze("def f(:\n", &Context::default());
    let e = a.syntax_error.clone().expect("syntax error");
    assert_eq!((e.line, e.col), (1, 7));
    assert!(a.time_complexity.is_none() && a.findings.is_empty());
    let a = analyze_bytes(b"x = 1\n\xc3\x28\n", &Context::default());
    let e = a.syntax_error.expect("invalid utf-8");
    assert_eq!((e.line, e.col), (2, 1));
    assert_eq!(analyze_bytes(b"x = 1\n", &Context::default()).time_complexity, Some(Constant));
}

#[test]
fn json_names_are_the_documented_ones() {
    let a = analyze("def f(nums):\n    return nums[1]\n", &Context::default());
    let v = serde_json::to_value(&a).expect("json");
    assert_eq!(v["time_complexity"], "O(1)");
    assert_eq!(v["findings"][0]["kind"], "missing_edge_case");
    assert_eq!(v["findings"][0]["evidence"], "static");
    assert_eq!(v["findings"][0]["note"], "missing_edge_case");
    for k in FindingKind::ALL {
        assert_eq!(serde_json::to_value(k).expect("json"), k.as_str());
        assert_eq!(FindingKind::parse(k.as_str()), Some(k));
    }
}

#[test]
fn nodes_the_problem_promises_need_no_none_check() {
    let src = "class Solution:\n    def maxDepth(self, root: Optional[TreeNode]) -> int:\n        return root.val\n";
    let promised = vec!["root".to_string()];
    let flagged = |ctx: &Context| analyze(src, ctx).confident(0.5).any(|f| f.kind == FindingKind::MissingEdgeCase);
    assert!(flagged(&Context { method: Some("maxDepth"), ..Context::default() }), "Optional and no promise");
    assert!(!flagged(&Context { method: Some("maxDepth"), promised_nodes: &promised, ..Context::default() }));
    // The promise is about the judge's entry method only: a helper given the same name is still checked.
    let helper = "class Solution:\n    def maxDepth(self, root):\n        return self.h(root.left)\n    def h(self, root):\n        return root.val\n";
    let ctx = Context { method: Some("maxDepth"), promised_nodes: &promised, ..Context::default() };
    assert!(analyze(helper, &ctx).confident(0.5).any(|f| f.kind == FindingKind::MissingEdgeCase && f.line == 5));
}

#[test]
fn the_reason_names_the_main_loop_not_a_set_up_call_of_the_same_cost() {
    let src = "from collections import Counter\nclass Solution:\n    def minWindow(self, s, t):\n        need = Counter(t)\n        missing = len(t)\n        left = start = end = 0\n        for right, c in enumerate(s, 1):\n            if need[c] > 0:\n                missing -= 1\n            need[c] -= 1\n            if missing == 0:\n                while need[s[left]] < 0:\n                    need[s[left]] += 1\n                    left += 1\n                if end == 0 or right - left < end - start:\n                    start, end = left, right\n                need[s[left]] += 1\n                missing += 1\n                left += 1\n        return s[start:end]\n";
    let ctx = Context { optimal_time: Some(Log), ..Context::default() };
    let a = analyze(src, &ctx);
    assert_eq!(a.time_complexity, Some(Linear));
    assert!(a.time_reason.starts_with("loop over `enumerate(s, 1)` (line 7)"), "{}", a.time_reason);
    let slow = a.findings.iter().find(|f| f.kind == FindingKind::SuboptimalComplexity).expect("slower than O(log n)");
    assert_eq!(slow.line, 7, "{slow:?}");
    // A costlier set-up still leads: the line given is the one whose cost dominates.
    let sorts = "def f(a):\n    b = sorted(a)\n    for x in a:\n        pass\n    return b\n";
    let a = analyze(sorts, &Context::default());
    assert_eq!(a.time_complexity, Some(Linearithmic));
    assert!(a.time_reason.ends_with("(line 2)"), "{}", a.time_reason);
}

#[test]
fn a_loop_whose_body_always_leaves_runs_once() {
    let breaks = "def f(s):\n    best = 0\n    for i in range(len(s)):\n        for j in range(len(s)):\n            t = s[i:j]\n            best = max(best, len(t))\n            break\n    return best\n";
    assert_eq!(time(breaks), Quadratic);
    let returns = "def f(a):\n    for x in a:\n        if x > 0:\n            return x\n        else:\n            return -x\n    return 0\n";
    assert_eq!(time(returns), Constant);
    let whiles = "def f(s):\n    for i in range(len(s)):\n        while True:\n            t = s[:i]\n            break\n    return 0\n";
    assert_eq!(time(whiles), Quadratic);
    // A break that only some passes reach, or that a `continue` can skip, leaves the count alone.
    let sometimes = "def f(s):\n    for i in range(len(s)):\n        for j in range(len(s)):\n            if s[i:j] == 'a':\n                break\n    return 0\n";
    assert_eq!(time(sometimes), Cubic);
    let skipped = "def f(s):\n    for i in range(len(s)):\n        for j in range(len(s)):\n            t = s[i:j]\n            if t:\n                continue\n            break\n    return 0\n";
    assert_eq!(time(skipped), Cubic);
}

#[test]
fn a_dict_filled_by_key_grows_with_the_input() {
    let space = |src: &str| analyze(src, &Context::default()).space_complexity.expect("estimate");
    let prefix = "def f(nums, k):\n    count = {0: 1}\n    total = ans = 0\n    for x in nums:\n        total += x\n        ans += count.get(total - k, 0)\n        count[total] = count.get(total, 0) + 1\n    return ans\n";
    assert_eq!(space(prefix), Linear);
    let table = "def f(n):\n    dp = {0: 0, 1: 1}\n    for i in range(2, n + 1):\n        dp[i] = dp[i - 1] + dp[i - 2]\n    return dp[n]\n";
    assert_eq!(space(table), Linear);
    let counts = "def f(nums):\n    seen = {-1: 0}\n    for x in nums:\n        seen[x] += 1\n    return len(seen)\n";
    assert_eq!(space(counts), Linear);
    // Keyed by characters (an alphabet) or by constants: bounded.
    let chars =
        "def f(s):\n    last = {'a': 0}\n    for i, c in enumerate(s):\n        last[c] = i\n    return len(last)\n";
    assert_eq!(space(chars), Constant);
    let fixed =
        "def f(nums):\n    stats = {'min': 0}\n    for x in nums:\n        stats['max'] = x\n    return stats\n";
    assert_eq!(space(fixed), Constant);
}
