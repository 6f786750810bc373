//! Shared helpers: a judge on the machine's python3, fixture and bundled problems, the CLI binary.

use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::OnceLock;

use codify::judge::{Judge, Report, RunOptions};
use codify::problems::{load_dir, Bank, Problem};

pub fn judge() -> &'static Judge {
    static JUDGE: OnceLock<Judge> = OnceLock::new();
    JUDGE.get_or_init(|| {
        let cache = std::env::temp_dir().join(format!("codify-it-cache-{}", std::process::id()));
        let interp = codify::judge::interpreter::resolve("python3", &cache).expect("python3 is required for the tests");
        Judge::new(interp, true, 1024).with_compiled_harness(&cache)
    })
}

pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/problems")
}

pub fn fixture(slug: &str) -> Problem {
    load_dir(&fixtures_dir().join(slug)).unwrap_or_else(|e| panic!("fixture {slug}: {e}"))
}

pub fn bundled(slug: &str) -> Problem {
    static BANK: OnceLock<Bank> = OnceLock::new();
    let bank = BANK.get_or_init(|| Bank::load(&[]));
    bank.get(slug).unwrap_or_else(|| panic!("no bundled problem {slug}")).clone()
}

/// All tests, stopping at the first failure.
pub fn submit(problem: &Problem, code: &str) -> Report {
    let tests = problem.tests().expect("tests load");
    judge().run(problem, &tests, code, &RunOptions::default()).expect("not cancelled")
}

/// The real binary with `--home home` and `args`, without colour, ready to run.
pub fn command(home: &Path, args: &[&str]) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_codify"));
    cmd.arg("--home").arg(home).args(args).env("NO_COLOR", "1").env_remove("CODIFY_HOME");
    cmd
}

/// Runs the real binary with `--home home`.
pub fn codify(home: &Path, args: &[&str]) -> Output {
    command(home, args).output().expect("run codify")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Writes `code` to a file in `dir` and returns its path.
pub fn write_solution(dir: &Path, name: &str, code: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, code).unwrap();
    p
}
