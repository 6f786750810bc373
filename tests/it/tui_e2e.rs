//! The real binary in a real terminal (tmux): open two-sum, type a solution with vim keys, `:submit`, see
//! Accepted, quit, restart, and find the draft. Waits poll the screen; nothing sleeps for readiness.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// A tmux server of the test's own (its own socket, no user config), so that options a test sets and the
/// buffers it reads are never the user's.
pub(crate) struct Tmux {
    session: String,
}

impl Tmux {
    /// None (test skipped) when tmux is missing outside CI; in CI a missing tmux fails the test.
    pub(crate) fn start(name: &str, home: &Path) -> Option<Tmux> {
        let cmd = format!("env NO_COLOR=1 {} --home {}", env!("CARGO_BIN_EXE_codify"), home.display());
        Tmux::start_cmd(name, &cmd)
    }

    pub(crate) fn start_cmd(name: &str, cmd: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            assert!(std::env::var_os("CI").is_none(), "tmux is required in CI (.ci/run installs it)");
            eprintln!("skipped: tmux is not installed");
            return None;
        }
        let session = format!("codify-e2e-{name}-{}", std::process::id());
        let t = Tmux { session };
        let ok = t
            .command(&["-f", "/dev/null", "new-session", "-d", "-s", &t.session, "-x", "120", "-y", "40", cmd])
            .status()
            .unwrap()
            .success();
        assert!(ok, "tmux new-session failed");
        Some(t)
    }

    /// A tmux command for this test's server.
    pub(crate) fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new("tmux");
        c.args(["-L", &self.session]).args(args);
        c
    }

    /// Runs a tmux command on this test's server and returns its output; it must succeed.
    pub(crate) fn tmux(&self, args: &[&str]) -> String {
        let out = self.command(args).output().unwrap();
        assert!(out.status.success(), "tmux {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub(crate) fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", &self.session];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    /// Types text literally (no key-name interpretation).
    pub(crate) fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", &self.session, "-l", text]);
    }

    /// The screen now (empty once the session has ended).
    pub(crate) fn screen(&self) -> String {
        let out = self.command(&["capture-pane", "-p", "-t", &self.session]).output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub(crate) fn wait_for(&self, text: &str) -> String {
        self.wait_for_all(&[text])
    }

    /// Waits until every one of `texts` is on one captured screen. A capture can catch the terminal halfway
    /// through drawing a frame, so text from different parts of the screen is awaited together, never
    /// awaited one piece and then asserted on the rest.
    pub(crate) fn wait_for_all(&self, texts: &[&str]) -> String {
        self.wait_until(&format!("{texts:?}"), |s| texts.iter().all(|t| s.contains(t)))
    }

    /// Waits until one captured screen satisfies `ok`; `what` names the wait in the failure message.
    pub(crate) fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let s = self.screen();
            if ok(&s) {
                return s;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {what}; screen:\n{s}");
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Leaves insert mode and waits until the editor says NORMAL before anything else is sent: an Esc that
    /// reaches the app in one read with the next key is Alt+key, as in any terminal program.
    pub(crate) fn escape_to_normal(&self) {
        self.keys(&["Escape"]);
        self.wait_for(" NORMAL ");
    }

    /// Waits until `text` is gone from the screen.
    pub(crate) fn wait_gone(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.screen().contains(text) {
            assert!(Instant::now() < deadline, "timed out waiting for {text:?} to go; screen:\n{}", self.screen());
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Focuses and zooms the tutor pane: F3 focuses it and opens the question line, which Enter on an empty
    /// question closes again (not Esc: an Esc directly followed by another key can read as Alt+key).
    pub(crate) fn zoom_tutor(&self) {
        self.keys(&["F3"]);
        self.wait_for("ask ›");
        self.keys(&["Enter"]);
        self.wait_gone("ask ›");
        self.keys(&["C-w", "z"]);
        self.wait_for("hints used");
    }

    pub(crate) fn alive(&self) -> bool {
        self.command(&["has-session", "-t", &self.session])
            .stderr(std::process::Stdio::null())
            .status()
            .map(|s| s.success())
            .unwrap_or(false)
    }

    pub(crate) fn wait_exit(&self) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.alive() {
            assert!(Instant::now() < deadline, "codify did not exit");
            std::thread::sleep(Duration::from_millis(30));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.command(&["kill-server"]).stderr(std::process::Stdio::null()).status();
    }
}

/// On the list's header line once the first frame is drawn (a problem's title is no marker: with the whole
/// bank, Two Sum is not on the first page of the list).
const LIST_DRAWN: &str = "problems · ";

#[test]
fn solve_two_sum_with_vim_keys_then_find_the_draft_after_a_restart() {
    let home = tempfile::tempdir().unwrap();
    let Some(t) = Tmux::start("solve", home.path()) else { return };
    t.wait_for(LIST_DRAWN);
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
    t.escape_to_normal();
    t.type_text(":submit");
    t.keys(&["Enter"]);
    t.wait_for_all(&["Accepted", "passed"]);
    // The first accepted easy problem is a milestone, announced after the verdict.
    t.wait_for_all(&["passed · ★ Milestone: First easy problem solved"]);
    t.type_text(":q");
    t.keys(&["Enter"]);
    t.wait_for("LIST");
    t.keys(&["q"]);
    t.wait_exit();

    let t = Tmux::start("resume", home.path()).unwrap();
    t.wait_for("solved");
    t.keys(&["c"]);
    t.wait_for_all(&["enumerate(nums)", "seen[x] = i", " NORMAL "]);
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
    t.wait_for(LIST_DRAWN);
    t.keys(&["q"]);
    let screen = t.wait_for("EXITED");
    let modes = t.wait_for("icanon");
    assert!(modes.contains("icanon echo") || modes.contains("echo icanon"), "raw mode left on: {screen}{modes}");
    assert!(!modes.contains("-icanon") && !modes.contains("-echo"), "{modes}");
}

/// Pieces of `text` a few characters long, as a model streams them.
fn pieces(text: &str) -> Vec<String> {
    text.chars().collect::<Vec<_>>().chunks(6).map(|c| c.iter().collect()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_tutor_pane_streams_stays_socratic_falls_back_and_keeps_history() {
    use super::coach::mock::{self, Behavior, Mock};
    let nudge = "What does the inner loop look for? Could you remember what you have already seen?";
    let dump: Vec<String> = pieces(super::coach::DUMP);
    let m = Mock::start(vec![
        Behavior::Stream {
            pieces: pieces(nudge),
            first_delay: Duration::ZERO,
            between: Duration::from_millis(15),
            finish: true,
        },
        Behavior::stream(&dump.iter().map(String::as_str).collect::<Vec<_>>()),
        Behavior::Raw { events: vec![mock::delta("Look at line ", None)], cut: true },
    ])
    .await;
    let home = tempfile::tempdir().unwrap();
    let cmd = format!(
        "env NO_COLOR=1 CODIFY_LLM_BASE_URL={} CODIFY_LLM_MODEL=mock-1 {} --home {}",
        m.url,
        env!("CARGO_BIN_EXE_codify"),
        home.path().display()
    );
    let Some(t) = Tmux::start_cmd("chat", &cmd) else { return };
    t.wait_for(LIST_DRAWN);
    t.keys(&["/"]);
    t.type_text("two sum");
    t.keys(&["Enter", "Enter"]);
    t.wait_for("solution.py");
    // Zoomed, the tutor's lines are not wrapped narrow.
    t.zoom_tutor();
    t.keys(&["F2"]);
    t.wait_for("remember what you have already seen?");
    let first = &m.chat_requests()[0];
    assert!(first.messages_text().contains("LEARNER_CODE"), "the code goes as delimited data");

    // A reply that dumps the solution is held back before it reaches the screen.
    t.keys(&["F3"]);
    t.type_text("just tell me");
    t.keys(&["Enter"]);
    let screen = t.wait_for_all(&["Good luck!", "held back"]);
    assert!(!screen.contains("seen[x] = i"), "{screen}");

    // The server breaks off mid-reply: the text so far stays and the offline tutor finishes.
    t.type_text(":hint why is it slow?");
    t.keys(&["Enter"]);
    t.wait_for("the model's reply broke off");
    t.zoom_tutor();
    t.wait_for("Look at line");

    t.type_text(":q");
    t.keys(&["Enter"]);
    t.wait_for("LIST");
    t.keys(&["q"]);
    t.wait_exit();

    let t = Tmux::start_cmd("chat-again", &cmd).unwrap();
    t.wait_for(LIST_DRAWN);
    t.keys(&["c"]);
    t.wait_for("solution.py");
    t.zoom_tutor();
    // The tutor pane follows the newest text: the last answer of the earlier session is on screen.
    t.wait_until("the earlier conversation's last answer", |s| {
        s.contains("earlier conversation above")
            && (s.contains("offline tutor finished the answer") || s.contains("why is it slow?"))
    });
    t.keys(&["q"]);
    t.wait_exit();
}

#[test]
fn every_key_typed_in_the_external_editor_reaches_it() {
    // The issue: Codify kept reading the terminal while $EDITOR ran; an editor that records its input got
    // 4 of 10 keystrokes. This "editor" records ten keys from the terminal, then appends them to the file.
    let home = tempfile::tempdir().unwrap();
    let record = home.path().join("keys.txt");
    let editor = home.path().join("record-editor.sh");
    std::fs::write(
        &editor,
        format!(
            "#!/bin/sh\nstty raw -echo </dev/tty\necho READY-TO-RECORD\nhead -c 10 </dev/tty > {}\nstty sane </dev/tty\nprintf '# %s\\n' \"$(cat {})\" >> \"$1\"\n",
            record.display(),
            record.display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let cmd = format!(
        "env NO_COLOR=1 EDITOR={} {} --home {}",
        editor.display(),
        env!("CARGO_BIN_EXE_codify"),
        home.path().display()
    );
    let Some(t) = Tmux::start_cmd("external", &cmd) else { return };
    t.wait_for(LIST_DRAWN);
    t.keys(&["/"]);
    t.type_text("two sum");
    t.keys(&["Enter", "Enter"]);
    t.wait_for("solution.py");
    t.keys(&["F4"]);
    t.wait_for("READY-TO-RECORD");
    for k in ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"] {
        t.keys(&[k]);
        std::thread::sleep(std::time::Duration::from_millis(60));
    }
    // The editor exits, Codify takes the terminal back and loads the file with the keys appended.
    t.wait_for("# abcdefghij");
    assert_eq!(std::fs::read_to_string(&record).unwrap(), "abcdefghij");
}

/// Opens two-sum from the list and waits for its editor.
fn open_two_sum(t: &Tmux) {
    t.wait_for(LIST_DRAWN);
    t.keys(&["/"]);
    t.type_text("two sum");
    t.keys(&["Enter", "Enter"]);
    t.wait_for("solution.py");
}

#[test]
fn a_pasted_solution_arrives_unchanged() {
    // The issue: a tmux paste was typed key by key through auto-indent, a staircase. With bracketed paste it
    // arrives whole: every line's indent as pasted, one undo step.
    let solution = "\
class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        # Each value's index, filled as we go, so that a pair is found when
        # its second half arrives.
        seen = {}
        for i, x in enumerate(nums):
            want = target - x
            if want in seen:
                return [seen[want], i]
            seen[x] = i
        return []


def unused_helper(values):
    # Not called: only here to make the paste longer.
    total = 0
    for v in values:
        if v > 0:
            total += v
    return total
";
    assert_eq!(solution.lines().count(), 20);
    let home = tempfile::tempdir().unwrap();
    let saved = home.path().join("pasted.py");
    let Some(t) = Tmux::start("paste", home.path()) else { return };
    open_two_sum(&t);
    t.keys(&["g", "g", "d", "G"]);
    t.wait_gone("class Solution");
    let buffer = home.path().join("clip.txt");
    std::fs::write(&buffer, solution).unwrap();
    t.tmux(&["load-buffer", "-b", "sol", buffer.to_str().unwrap()]);
    t.tmux(&["paste-buffer", "-p", "-b", "sol", "-t", &t.session]);
    t.wait_for("return total");
    t.type_text(&format!(":w {}", saved.display()));
    t.keys(&["Enter"]);
    t.wait_until("the file to be written", |_| saved.exists());
    assert_eq!(std::fs::read_to_string(&saved).unwrap().trim_end(), solution.trim_end());
    // One undo step takes the whole paste away.
    t.keys(&["u"]);
    t.wait_gone("return total");
    t.wait_gone("enumerate(nums)");
}

#[test]
fn a_plus_yank_reaches_the_terminal_clipboard() {
    // "+y sends OSC 52; tmux with set-clipboard on takes it into its newest buffer, as a terminal would into
    // the system clipboard.
    let home = tempfile::tempdir().unwrap();
    let Some(t) = Tmux::start("clipboard", home.path()) else { return };
    t.tmux(&["set-option", "-g", "set-clipboard", "on"]);
    open_two_sum(&t);
    t.keys(&["g", "g", "\"", "+", "y", "y"]);
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let buffer = t.command(&["show-buffer"]).output().unwrap();
        if String::from_utf8_lossy(&buffer.stdout) == "class Solution:\n" {
            break;
        }
        assert!(Instant::now() < deadline, "the yank never reached tmux's buffer: {buffer:?}");
        std::thread::sleep(Duration::from_millis(30));
    }
}
