//! The system clipboard: yanks leave through OSC 52, which terminals, tmux (`set-clipboard on`) and SSH pass
//! on to the clipboard of the machine in front of the learner; `"+p` reads it with a clipboard tool where one
//! is installed (`wl-paste`, `xclip`, `xsel`, `pbpaste`, or tmux's buffer inside tmux).

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::Duration;

/// The bytes that set the clipboard to `text`: OSC 52 for the terminal, and inside tmux the same sequence once
/// more in tmux's passthrough, for a tmux whose `set-clipboard` is off but `allow-passthrough` on.
pub fn osc52(text: &str, in_tmux: bool) -> String {
    let seq = format!("\x1b]52;c;{}\x07", base64(text.as_bytes()));
    if in_tmux {
        format!("{seq}\x1bPtmux;{}\x1b\\", seq.replace('\x1b', "\x1b\x1b"))
    } else {
        seq
    }
}

/// Standard base64 with padding (RFC 4648), as OSC 52 expects.
fn base64(bytes: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(TABLE[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Longest wait for a clipboard tool: a paste must never hang the editor.
const READ_TIMEOUT: Duration = Duration::from_millis(500);

/// The system clipboard's text, from the first tool that is installed and answers in time.
pub fn read() -> Option<String> {
    let env = |k: &str| std::env::var_os(k).is_some_and(|v| !v.is_empty());
    let mut tools: Vec<&[&str]> = Vec::new();
    if env("WAYLAND_DISPLAY") {
        tools.push(&["wl-paste", "--no-newline"]);
    }
    if env("DISPLAY") {
        tools.push(&["xclip", "-o", "-selection", "clipboard"]);
        tools.push(&["xsel", "--clipboard", "--output"]);
    }
    if cfg!(target_os = "macos") {
        tools.push(&["pbpaste"]);
    }
    if env("TMUX") {
        tools.push(&["tmux", "save-buffer", "-"]);
    }
    tools.into_iter().find_map(run)
}

/// Runs a clipboard tool with a deadline; its output when it exits successfully in time. The output is read
/// on a thread, so a large clipboard cannot fill the pipe and stall the tool.
fn run(argv: &[&str]) -> Option<String> {
    let mut child = Command::new(argv[0])
        .args(&argv[1..])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let mut out = child.stdout.take()?;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut text = String::new();
        let _ = tx.send(out.read_to_string(&mut text).ok().map(|_| text));
    });
    let text = rx.recv_timeout(READ_TIMEOUT).ok().flatten();
    if text.is_none() {
        let _ = child.kill();
    }
    let status = child.wait().ok()?;
    text.filter(|_| status.success())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        for (input, want) in
            [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE=")]
        {
            assert_eq!(base64(input.as_bytes()), want, "{input:?}");
        }
        assert_eq!(base64("é\n".as_bytes()), "w6kK");
    }

    #[test]
    fn osc52_sets_the_clipboard_and_tmux_gets_its_own_copy() {
        assert_eq!(osc52("hi", false), "\x1b]52;c;aGk=\x07");
        assert_eq!(osc52("hi", true), "\x1b]52;c;aGk=\x07\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\");
    }
}
