//! The real binary in a real terminal (tmux): open two-sum, type a solution with vim keys, `:submit`, see
//! Accepted, quit, restart, and find the draft. Waits poll the screen; nothing sleeps for readiness.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    session: String,
}

impl Tmux {
    /// None (test skipped) when tmux is missing outside CI; in CI a missing tmux fails the test.
    fn start(name: &str, home: &Path) -> Option<Tmux> {
        let cmd = format!("env NO_COLOR=1 {} --home {}", env!("CARGO_BIN_EXE_codify"), home.display());
        Tmux::start_cmd(name, &cmd)
    }

    fn start_cmd(name: &str, cmd: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            assert!(std::env::var_os("CI").is_none(), "tmux is required in CI (.ci/run installs it)");
            eprintln!("skipped: tmux is not installed");
            return None;
        }
        let session = format!("codify-e2e-{name}-{}", std::process::id());
        let ok = Command::new("tmux")
            .args(["new-session", "-d", "-s", &session, "-x", "120", "-y", "40", cmd])
            .status()
            .unwrap()
            .success();
        assert!(ok, "tmux new-session failed");
        Some(Tmux { session })
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", &self.session];
        args.extend_from_slice(keys);
        assert!(Command::new("tmux").args(&args).status().unwrap().success());
    }

    /// Types text literally (no key-name interpretation).
    fn type_text(&self, text: &str) {
        assert!(Command::new("tmux").args(["send-keys", "-t", &self.session, "-l", text]).status().unwrap().success());
    }

    fn screen(&self) -> String {
        let out = Command::new("tmux").args(["capture-pane", "-p", "-t", &self.session]).output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let s = self.screen();
            if s.contains(text) {
                return s;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {text:?}; screen:\n{s}");
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    fn alive(&self) -> bool {
        Command::new("tmux")
            .args(["has-session", "-t", &self.session])
            .stderr(std::process::Stdio::null())
            .status()
            .map(|s| s.success())
            .unwrap_or(false)
    }

    fn wait_exit(&self) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.alive() {
            assert!(Instant::now() < deadline, "codify did not exit");
            std::thread::sleep(Duration::from_millis(30));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", &self.session])
            .stderr(std::process::Stdio::null())
            .status();
    }
}

#[test]
fn solve_two_sum_with_vim_keys_then_find_the_draft_after_a_restart() {
    let home = tempfile::tempdir().unwrap();
    let Some(t) = Tmux::start("solve", home.path()) else { return };
    t.wait_for("Two Sum");
    t.keys(&["/"]);
    t.type_text("two sum");
    t.keys(&["Enter", "Enter"]);
    t.wait_for("solution.py");
    // The starter's last line is `        pass`: change it, relying on Python auto-indent as a vim user would.
    t.keys(&["G", "c", "c"]);
    for line in [
        "seen = {}",
        "for i, x in enumerate(nums):",
        "if target - x in seen:",
        "return [seen[target - x], i]",
        "seen[x] = i",
    ] {
        t.type_text(line);
        t.keys(&["Enter"]);
    }
    t.keys(&["Escape"]);
    t.type_text(":submit");
    t.keys(&["Enter"]);
    let screen = t.wait_for("Accepted");
    assert!(screen.contains("passed"), "{screen}");
    t.type_text(":q");
    t.keys(&["Enter"]);
    t.wait_for("LIST");
    t.keys(&["q"]);
    t.wait_exit();

    let t = Tmux::start("resume", home.path()).unwrap();
    t.wait_for("solved");
    t.keys(&["c"]);
    let screen = t.wait_for("enumerate(nums)");
    assert!(screen.contains("seen[x] = i"), "{screen}");
    t.keys(&["Escape"]);
    t.type_text(":q");
    t.keys(&["Enter"]);
    t.wait_for("LIST");
    t.keys(&["q"]);
    t.wait_exit();
}

#[test]
fn the_terminal_is_restored_after_quitting() {
    let home = tempfile::tempdir().unwrap();
    // After codify exits, the same shell prints the terminal's mode: it must be back to cooked mode.
    let cmd = format!(
        "sh -c 'env NO_COLOR=1 {} --home {}; echo EXITED; stty -a | tr \" \" \"\\n\" | grep -x -e icanon -e -icanon -e echo -e -echo | tr \"\\n\" \" \"; sleep 30'",
        env!("CARGO_BIN_EXE_codify"),
        home.path().display()
    );
    let Some(t) = Tmux::start_cmd("restore", &cmd) else { return };
    t.wait_for("Two Sum");
    t.keys(&["q"]);
    let screen = t.wait_for("EXITED");
    let modes = t.wait_for("icanon");
    assert!(modes.contains("icanon echo") || modes.contains("echo icanon"), "raw mode left on: {screen}{modes}");
    assert!(!modes.contains("-icanon") && !modes.contains("-echo"), "{modes}");
}
