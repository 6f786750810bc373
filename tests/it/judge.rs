//! Verdicts, comparison modes and the LeetCode-compatible harness, through the real judge.

use codify::judge::{RunOptions, Verdict};

use crate::common::*;

const TWO_SUM: &str = include_str!("../fixtures/solutions/two_sum.py");

#[test]
fn correct_solution_is_accepted_with_every_case_reported() {
    let p = bundled("two-sum");
    let r = submit(&p, TWO_SUM);
    assert_eq!(r.verdict, Verdict::Accepted, "{:?}", r.message);
    assert_eq!(r.passed, r.total);
    assert_eq!(r.cases.len(), r.total);
    // Passed hidden cases keep their data to themselves.
    let hidden = r.cases.iter().find(|c| c.hidden).unwrap();
    assert!(hidden.input.is_null() && hidden.expected.is_null() && hidden.actual.is_null());
    let public = r.cases.iter().find(|c| !c.hidden).unwrap();
    assert!(!public.input.is_null());
}

#[test]
fn wrong_answer_shows_expected_actual_and_stdout() {
    let r = submit(&bundled("two-sum"), "class Solution:\n    def twoSum(self, nums, target):\n        print('looking at', len(nums))\n        return [-1, -1]\n");
    assert_eq!(r.verdict, Verdict::WrongAnswer);
    assert_eq!(r.passed, 0);
    let c = r.failing_case().unwrap();
    assert_eq!(c.id, 1);
    assert_eq!(c.actual, serde_json::json!([-1, -1]));
    assert!(!c.expected.is_null());
    assert!(c.stdout.starts_with("looking at "), "{:?}", c.stdout);
    assert_eq!(r.cases.len(), 1, "stops at the first failure");
}

#[test]
fn all_runs_every_case() {
    let p = bundled("two-sum");
    let tests = p.tests().unwrap();
    let opts = RunOptions { stop_at_first_failure: false, cancel: None };
    let r = judge()
        .run(&p, &tests, "class Solution:\n    def twoSum(self, nums, target):\n        return [0, 1]\n", &opts)
        .unwrap();
    assert_eq!(r.cases.len(), tests.len());
    assert!(r.passed < r.total);
}

#[test]
fn a_failing_hidden_case_shows_its_outcome_but_not_its_data() {
    // Right on the public examples (which have at most 4 numbers), wrong on longer hidden inputs.
    let code = "class Solution:\n    def twoSum(self, nums, target):\n        n = len(nums)\n        if n > 4:\n            return [0, 0]\n        for i in range(n):\n            for j in range(i + 1, n):\n                if nums[i] + nums[j] == target:\n                    return [i, j]\n";
    let r = submit(&bundled("two-sum"), code);
    assert_eq!(r.verdict, Verdict::WrongAnswer);
    let c = r.failing_case().unwrap();
    assert!(c.hidden, "the failure is on a hidden case");
    assert!(c.input.is_null() && c.expected.is_null() && c.actual.is_null(), "a hidden case stays hidden");
    assert_eq!((c.verdict, c.passed), (Verdict::WrongAnswer, false));
}

#[test]
fn slow_solution_times_out_on_the_large_case() {
    let code = "class Solution:\n    def twoSum(self, nums, target):\n        for i in range(len(nums)):\n            for j in range(i + 1, len(nums)):\n                if nums[i] + nums[j] == target:\n                    return [i, j]\n";
    let started = std::time::Instant::now();
    let r = submit(&bundled("two-sum"), code);
    assert_eq!(r.verdict, Verdict::TimeLimitExceeded, "{:?}", r.message);
    let c = r.failing_case().unwrap();
    assert_eq!(c.edge, Some(codify::problems::Edge::Large));
    assert!(started.elapsed().as_secs() < 20);
}

#[test]
fn memory_hungry_solution_gets_memory_limit_exceeded() {
    let r = submit(&bundled("two-sum"), "class Solution:\n    def twoSum(self, nums, target):\n        block = [0] * (10 ** 9)\n        return [0, 1]\n");
    assert_eq!(r.verdict, Verdict::MemoryLimitExceeded, "{:?}", r.message);
}

#[test]
fn crash_is_a_runtime_error_pointing_at_the_learners_line() {
    let code = "class Solution:\n    def twoSum(self, nums, target):\n        return self.helper(nums)\n\n    def helper(self, nums):\n        return [nums[100], 0]\n";
    let r = submit(&bundled("two-sum"), code);
    assert_eq!(r.verdict, Verdict::RuntimeError);
    let e = r.failing_case().unwrap().error.as_ref().unwrap();
    assert_eq!(e.kind, "IndexError");
    assert_eq!(e.line, Some(6));
    assert!(e.traceback.contains("line 3, in twoSum"), "{}", e.traceback);
    assert!(e.traceback.contains("line 6, in helper: return [nums[100], 0]"), "{}", e.traceback);
    assert!(!e.traceback.contains("harness"), "judge frames are hidden: {}", e.traceback);
}

#[test]
fn syntax_error_is_a_compile_error_with_line_and_column() {
    let r = submit(&bundled("two-sum"), "class Solution:\n    def twoSum(self, nums, target)\n        return []\n");
    assert_eq!(r.verdict, Verdict::CompileError);
    let ce = r.compile_error.unwrap();
    assert_eq!(ce.line, Some(2));
    assert!(ce.col.is_some());
    assert!(ce.message.starts_with("SyntaxError"), "{}", ce.message);
}

#[test]
fn missing_class_or_method_is_explained() {
    let r = submit(&bundled("two-sum"), "def twoSum(nums, target):\n    return [0, 1]\n");
    assert_eq!(r.verdict, Verdict::CompileError);
    assert!(r.message.as_deref().unwrap().contains("no class `Solution`"), "{:?}", r.message);
    let r =
        submit(&bundled("two-sum"), "class Solution:\n    def two_sum(self, nums, target):\n        return [0, 1]\n");
    assert_eq!(r.verdict, Verdict::CompileError);
    assert!(r.message.as_deref().unwrap().contains("has no method `twoSum`"), "{:?}", r.message);
}

#[test]
fn error_at_module_level_is_a_runtime_error() {
    let r = submit(&bundled("two-sum"), "import numpy_does_not_exist\nclass Solution:\n    pass\n");
    assert_eq!(r.verdict, Verdict::RuntimeError);
    assert!(r.message.unwrap().contains("ModuleNotFoundError"));
}

#[test]
fn empty_file_is_a_compile_error() {
    let r = submit(&bundled("two-sum"), "");
    assert_eq!(r.verdict, Verdict::CompileError);
}

#[test]
fn linked_lists_trees_in_place_and_design_problems_run() {
    for slug in [
        "fx-reverse-linked-list",
        "fx-maximum-depth-of-binary-tree",
        "fx-invert-binary-tree",
        "fx-reverse-string",
        "fx-min-stack",
    ] {
        let p = fixture(slug);
        let r = submit(&p, &p.solution);
        assert_eq!(r.verdict, Verdict::Accepted, "{slug}: {:?} {:?}", r.message, r.failing_case());
    }
    // A returned cycle does not hang the judge.
    let p = fixture("fx-reverse-linked-list");
    let r = submit(
        &p,
        "class Solution:\n    def reverseList(self, head):\n        if head: head.next = head\n        return head\n",
    );
    assert_eq!(r.verdict, Verdict::WrongAnswer, "a cycle where a list is expected is an answer of the wrong kind");
    assert!(r.failing_case().unwrap().error.as_ref().unwrap().message.contains("cycle"));
    // In place: returning a new list instead of changing the argument is wrong.
    let p = fixture("fx-reverse-string");
    let r = submit(&p, "class Solution:\n    def reverseString(self, s):\n        return s[::-1]\n");
    assert_eq!(r.verdict, Verdict::WrongAnswer);
}

#[test]
fn design_problem_with_a_missing_method_is_a_runtime_error() {
    let p = fixture("fx-min-stack");
    let r = submit(&p, "class MinStack:\n    def __init__(self):\n        self.a = []\n    def push(self, v):\n        self.a.append(v)\n");
    assert_eq!(r.verdict, Verdict::RuntimeError);
    assert!(r.failing_case().unwrap().error.as_ref().unwrap().message.contains("getMin"));
}

#[test]
fn leetcode_style_solutions_paste_in_unchanged() {
    // Written the way solutions are written for LeetCode: no imports for typing names, collections,
    // heapq and friends, helper methods, nested functions, lru_cache.
    let cases = [
        ("two-sum", "class Solution:\n    def twoSum(self, nums: List[int], target: int) -> List[int]:\n        idx = defaultdict(list)\n        for i, n in enumerate(nums):\n            if target - n in idx:\n                return [idx[target - n][0], i]\n            idx[n].append(i)\n        return []\n"),
        ("contains-duplicate", "class Solution:\n    def containsDuplicate(self, nums: List[int]) -> bool:\n        return any(v > 1 for v in Counter(nums).values())\n"),
        ("top-k-frequent-elements", "class Solution:\n    def topKFrequent(self, nums: List[int], k: int) -> List[int]:\n        count = collections.Counter(nums)\n        return heapq.nlargest(k, count.keys(), key=count.get)\n"),
        ("maximum-subarray", "class Solution:\n    def maxSubArray(self, nums: List[int]) -> int:\n        best = cur = -inf\n        for x in nums:\n            cur = max(x, cur + x)\n            best = max(best, cur)\n        return best\n"),
        ("binary-search", "class Solution:\n    def search(self, nums: List[int], target: int) -> int:\n        i = bisect_left(nums, target)\n        return i if i < len(nums) and nums[i] == target else -1\n"),
    ];
    for (slug, code) in cases {
        let r = submit(&bundled(slug), code);
        assert_eq!(r.verdict, Verdict::Accepted, "{slug}: {:?} {:?}", r.message, r.failing_case());
    }
}

#[test]
fn recursion_deeper_than_pythons_default_works() {
    let p = fixture("sandbox-probe");
    let code = "class Solution:\n    def probe(self, x):\n        def down(n):\n            return 0 if n == 0 else 1 + down(n - 1)\n        return x + down(5000) - 5000\n";
    assert_eq!(submit(&p, code).verdict, Verdict::Accepted);
}

#[test]
fn float_comparison_accepts_small_differences() {
    let p = fixture("sandbox-probe");
    assert_eq!(
        submit(&p, "class Solution:\n    def probe(self, x):\n        return float(x)\n").verdict,
        Verdict::Accepted
    );
    assert_eq!(
        submit(&p, "class Solution:\n    def probe(self, x):\n        return x == 1\n").verdict,
        Verdict::WrongAnswer,
        "True is not 1"
    );
}

#[test]
fn checker_problems_accept_any_valid_answer() {
    let p = bundled("longest-palindromic-substring");
    let r = submit(&p, &p.solution);
    assert_eq!(r.verdict, Verdict::Accepted, "{:?}", r.message);
    let r = submit(&p, "class Solution:\n    def longestPalindrome(self, s):\n        return s[0]\n");
    assert_eq!(r.verdict, Verdict::WrongAnswer);
}

#[test]
fn cancel_stops_a_run_at_once() {
    let p = fixture("sandbox-probe");
    let tests = p.tests().unwrap();
    let cancel = codify::judge::CancelToken::new().unwrap();
    let opts = RunOptions { stop_at_first_failure: true, cancel: Some(cancel.clone()) };
    let started = std::time::Instant::now();
    let handle = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(150));
        cancel.cancel();
    });
    let r = judge().run(&p, &tests, "class Solution:\n    def probe(self, x):\n        while True: pass\n", &opts);
    handle.join().unwrap();
    assert!(matches!(r, Err(codify::judge::RunError::Cancelled)));
    assert!(started.elapsed() < std::time::Duration::from_millis(900), "cancelled before the 1000 ms limit");
}

/// Runs `f` with this thread (and the processes it starts) on CPU 0 only, beside `hogs` busy loops on the
/// same CPU: a machine busy with other work.
fn on_a_busy_cpu<T>(hogs: usize, f: impl FnOnce() -> T) -> T {
    use std::os::unix::process::CommandExt;
    // SAFETY: cpu_set_t is plain data; the calls only read and write the sets passed.
    let (old, one) = unsafe {
        let mut old: libc::cpu_set_t = std::mem::zeroed();
        libc::sched_getaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &mut old);
        let mut one: libc::cpu_set_t = std::mem::zeroed();
        libc::CPU_SET(0, &mut one);
        (old, one)
    };
    let mut busy: Vec<std::process::Child> = (0..hogs)
        .map(|_| {
            let mut cmd = std::process::Command::new("python3");
            cmd.args(["-c", "while True: pass"]);
            // SAFETY: sched_setaffinity is async-signal-safe.
            unsafe {
                cmd.pre_exec(move || {
                    libc::sched_setaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &one);
                    Ok(())
                });
            }
            cmd.spawn().expect("python3")
        })
        .collect();
    // SAFETY: as above, for this thread.
    unsafe { libc::sched_setaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &one) };
    std::thread::sleep(std::time::Duration::from_millis(200));
    let out = f();
    unsafe { libc::sched_setaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &old) };
    for b in &mut busy {
        let _ = b.kill();
        let _ = b.wait();
    }
    out
}

#[test]
fn a_case_the_machine_starves_is_not_timed_out_but_a_sleeping_one_is() {
    // About 150 ms of work per case against a 500 ms limit, with four busy loops sharing the CPU: each case
    // takes well over 500 ms of wall time, nearly all of it waiting for the CPU. It is not the solution's.
    let work = "class Solution:\n    def probe(self, x):\n        n = 0\n        t = time.process_time()\n        while time.process_time() - t < 0.15:\n            n += 1\n        return x\nimport time\n";
    let problem = fixture("sandbox-timing");
    let r = on_a_busy_cpu(4, || submit(&problem, work));
    assert_eq!(r.verdict, Verdict::Accepted, "{:?}", r.cases.iter().map(|c| c.ms).collect::<Vec<_>>());
    assert!(
        r.cases.iter().any(|c| c.ms > 500.0),
        "the machine was busy: {:?}",
        r.cases.iter().map(|c| c.ms).collect::<Vec<_>>()
    );
    // Sleeping is not waiting for a CPU: still a time-out, busy machine or not.
    let sleepy = "import time\nclass Solution:\n    def probe(self, x):\n        time.sleep(0.8)\n        return x\n";
    let r = on_a_busy_cpu(4, || submit(&problem, sleepy));
    assert_eq!(r.verdict, Verdict::TimeLimitExceeded);
}

/// The processes below `root` (children, their children, ...), by /proc's parent links.
fn descendants(root: u32) -> Vec<u32> {
    let parent = |pid: u32| -> Option<u32> {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        stat.rsplit_once(") ")?.1.split(' ').nth(1)?.parse().ok()
    };
    let all: Vec<u32> =
        std::fs::read_dir("/proc").unwrap().filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok()).collect();
    let mut found = vec![root];
    let mut i = 0;
    while i < found.len() {
        let p = found[i];
        let children: Vec<u32> = all.iter().copied().filter(|&c| parent(c) == Some(p) && !found.contains(&c)).collect();
        found.extend(children);
        i += 1;
    }
    found.split_off(1)
}

#[test]
fn a_run_killed_from_outside_is_not_called_a_memory_limit() {
    // The issue: every SIGKILL was reported as Memory Limit Exceeded, even for runs of 12 MB. A run that
    // something else kills (here: this test, as an OOM killer or an impatient admin would) must say so.
    let home = tempfile::tempdir().unwrap();
    let sol = write_solution(
        home.path(),
        "sleepy.py",
        "import time\nclass Solution:\n    def twoSum(self, nums, target):\n        time.sleep(0.8)\n        return [0, 1]\n",
    );
    let child = command(home.path(), &["submit", "two-sum", sol.to_str().unwrap(), "--json"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Kill the interpreter once the solution sleeps in its first case (after loading, so that the verdict
    // is about the run, not the start-up).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    'wait: loop {
        assert!(std::time::Instant::now() < deadline, "the solution never started sleeping");
        for pid in descendants(child.id()) {
            let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else { continue };
            let sleeping = tasks.filter_map(|t| t.ok()).any(|t| {
                let syscall = std::fs::read_to_string(t.path().join("syscall")).unwrap_or_default();
                syscall.split(' ').next().and_then(|n| n.parse::<i64>().ok()) == Some(libc::SYS_clock_nanosleep)
            });
            if sleeping {
                // SAFETY: signalling a process this test's child started.
                unsafe { libc::kill(pid as libc::pid_t, libc::SIGKILL) };
                break 'wait;
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let out = child.wait_with_output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["verdict"], "runtime_error", "{v}");
    assert!(v["message"].as_str().unwrap().contains("killed from outside the judge"), "{}", v["message"]);
}
