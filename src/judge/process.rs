//! Spawning the sandboxed interpreter and supervising it.
//!
//! One `poll` loop in the calling thread feeds the spec to stdin, reads result frames from the dedicated
//! descriptor, drains stdout and stderr (counting them against the output cap), watches the cancel token,
//! and enforces the wall-clock deadline: the startup deadline until the first frame, then a fresh per-case
//! deadline after every frame. Whatever happens, the whole process group is killed before the child is
//! reaped (so its id cannot be reused in between), also when a [`Running`] is dropped.

use std::fs::File;
use std::io::{self, Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Child, ChildStderr, ChildStdin, ChildStdout, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::interpreter::Interpreter;
use super::sandbox::Prepared;

/// Cancels a run from another thread (the TUI's cancel key); wakes the supervisor at once.
#[derive(Clone)]
pub struct CancelToken {
    flag: Arc<AtomicBool>,
    pipe: Arc<(OwnedFd, OwnedFd)>,
}

impl std::fmt::Debug for CancelToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CancelToken").field("cancelled", &self.is_cancelled()).finish()
    }
}

impl CancelToken {
    pub fn new() -> io::Result<CancelToken> {
        let (r, w) = pipe()?;
        set_nonblocking(r.as_raw_fd())?;
        set_nonblocking(w.as_raw_fd())?;
        Ok(CancelToken { flag: Arc::new(AtomicBool::new(false)), pipe: Arc::new((r, w)) })
    }

    pub fn cancel(&self) {
        self.flag.store(true, Ordering::SeqCst);
        // SAFETY: writing one byte from a valid buffer to a descriptor we own.
        unsafe { libc::write(self.pipe.1.as_raw_fd(), b"x".as_ptr().cast(), 1) };
    }

    pub fn is_cancelled(&self) -> bool {
        self.flag.load(Ordering::SeqCst)
    }
}

/// A started interpreter waiting for its input.
pub struct Running {
    child: Child,
    results: File,
    stdout: ChildStdout,
    stderr: ChildStderr,
    stdin: Option<ChildStdin>,
    reaped: bool,
}

#[derive(Debug, Clone, Copy)]
pub struct Caps {
    /// Until the first frame arrives.
    pub startup: Duration,
    /// Between consecutive frames.
    pub per_frame: Duration,
    /// stdout + stderr bytes written around the harness.
    pub output_bytes: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    Continue,
    Stop,
}

#[derive(Debug)]
pub enum End {
    /// The frame handler asked to stop.
    Stopped,
    /// The result channel closed; the process exited with this status.
    Exited(ExitStatus),
    /// No frame within the deadline.
    TimedOut,
    OutputLimit,
    Cancelled,
    /// The result channel carried more than any honest run writes.
    ChannelFlood,
}

#[derive(Debug)]
pub struct Outcome {
    pub end: End,
    /// The last few KiB of stderr, for diagnosing interpreter crashes.
    pub stderr_tail: String,
    pub elapsed: Duration,
}

const MAX_CHANNEL_BYTES: usize = 256 << 20;
const STDERR_TAIL: usize = 8 << 10;
/// How long stdout/stderr may stay open after the result channel closed.
const GRACE: Duration = Duration::from_millis(200);

/// Starts `interpreter` on `script` inside the prepared sandbox; it blocks reading stdin until [`supervise`].
pub fn spawn(interpreter: &Interpreter, prepared: Prepared, script: &str) -> io::Result<Running> {
    let (results_r, results_w) = pipe()?;
    let mut cmd = Command::new(&interpreter.executable);
    cmd.args(interpreter.flags())
        .arg("-c")
        .arg(script)
        .env_clear()
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONUTF8", "1")
        .env("LC_ALL", "C.UTF-8")
        .current_dir("/")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    let w = results_w.as_raw_fd();
    // SAFETY: `apply` only makes async-signal-safe system calls on data prepared before the fork.
    unsafe {
        cmd.pre_exec(move || prepared.apply(w));
    }
    let mut child = cmd.spawn()?;
    drop(cmd);
    drop(results_w);
    let (Some(stdin), Some(stdout), Some(stderr)) = (child.stdin.take(), child.stdout.take(), child.stderr.take())
    else {
        return Err(io::Error::other("child pipes missing"));
    };
    for fd in [results_r.as_raw_fd(), stdout.as_raw_fd(), stderr.as_raw_fd(), stdin.as_raw_fd()] {
        set_nonblocking(fd)?;
    }
    Ok(Running { child, results: File::from(results_r), stdout, stderr, stdin: Some(stdin), reaped: false })
}

/// Feeds `input`, hands each result line to `on_line`, and enforces `caps` until the run ends.
pub fn supervise(
    mut run: Running,
    input: &[u8],
    caps: Caps,
    cancel: Option<&CancelToken>,
    mut on_line: impl FnMut(&[u8]) -> Control,
) -> io::Result<Outcome> {
    let start = Instant::now();
    let mut deadline = start + caps.startup;
    let mut written = 0usize;
    let mut results_buf: Vec<u8> = Vec::new();
    let mut channel_total = 0usize;
    let mut output_total = 0u64;
    let mut stderr_tail: Vec<u8> = Vec::new();
    let mut chunk = vec![0u8; 64 << 10];
    let mut results_open = true;
    let mut results_closed_at: Option<Instant> = None;
    let (mut out_open, mut err_open) = (true, true);

    let end = 'outer: loop {
        if cancel.is_some_and(CancelToken::is_cancelled) {
            break End::Cancelled;
        }
        let now = Instant::now();
        if now >= deadline && results_open {
            break End::TimedOut;
        }
        let mut fds = Vec::with_capacity(5);
        let stdin_fd = run.stdin.as_ref().map(|s| s.as_raw_fd());
        if let Some(fd) = stdin_fd {
            fds.push(libc::pollfd { fd, events: libc::POLLOUT, revents: 0 });
        }
        for (open, fd) in [
            (results_open, run.results.as_raw_fd()),
            (out_open, run.stdout.as_raw_fd()),
            (err_open, run.stderr.as_raw_fd()),
        ] {
            if open {
                fds.push(libc::pollfd { fd, events: libc::POLLIN, revents: 0 });
            }
        }
        if let Some(c) = cancel {
            fds.push(libc::pollfd { fd: c.pipe.0.as_raw_fd(), events: libc::POLLIN, revents: 0 });
        }
        let timeout = (deadline - now).as_millis().clamp(1, i32::MAX as u128) as i32;
        // SAFETY: fds is a valid array of pollfd of the given length.
        let rc = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, timeout) };
        if rc < 0 {
            let e = io::Error::last_os_error();
            if e.kind() == io::ErrorKind::Interrupted {
                continue;
            }
            return Err(e);
        }
        for pfd in &fds {
            if pfd.revents == 0 {
                continue;
            }
            if Some(pfd.fd) == stdin_fd {
                if pfd.revents & (libc::POLLERR | libc::POLLHUP) != 0 {
                    run.stdin = None;
                    continue;
                }
                if let Some(stdin) = run.stdin.as_mut() {
                    match stdin.write(&input[written..]) {
                        Ok(n) => written += n,
                        Err(e) if e.kind() == io::ErrorKind::WouldBlock => {}
                        Err(_) => run.stdin = None,
                    }
                }
                if written >= input.len() {
                    run.stdin = None; // closes the pipe: EOF for the harness
                }
            } else if pfd.fd == run.results.as_raw_fd() {
                match read_some(&mut run.results, &mut chunk) {
                    ReadResult::Nothing => {}
                    ReadResult::Closed => results_open = false,
                    ReadResult::Data(n) => {
                        channel_total += n;
                        if channel_total > MAX_CHANNEL_BYTES {
                            break 'outer End::ChannelFlood;
                        }
                        results_buf.extend_from_slice(&chunk[..n]);
                        while let Some(pos) = results_buf.iter().position(|&b| b == b'\n') {
                            let line: Vec<u8> = results_buf.drain(..=pos).collect();
                            if on_line(&line[..line.len() - 1]) == Control::Stop {
                                break 'outer End::Stopped;
                            }
                            deadline = Instant::now() + caps.per_frame;
                        }
                    }
                }
            } else if pfd.fd == run.stdout.as_raw_fd() {
                match read_some(&mut run.stdout, &mut chunk) {
                    ReadResult::Nothing => {}
                    ReadResult::Closed => out_open = false,
                    ReadResult::Data(n) => output_total += n as u64,
                }
            } else if pfd.fd == run.stderr.as_raw_fd() {
                match read_some(&mut run.stderr, &mut chunk) {
                    ReadResult::Nothing => {}
                    ReadResult::Closed => err_open = false,
                    ReadResult::Data(n) => {
                        output_total += n as u64;
                        stderr_tail.extend_from_slice(&chunk[..n]);
                        if stderr_tail.len() > 2 * STDERR_TAIL {
                            stderr_tail.drain(..stderr_tail.len() - STDERR_TAIL);
                        }
                    }
                }
            }
        }
        if output_total > caps.output_bytes {
            break End::OutputLimit;
        }
        if !results_open {
            // The harness closed its channel: it is exiting. Drain stdout and stderr until they close too,
            // for a short grace period (a straggler could hold them open), then collect the exit status.
            let closed_at = *results_closed_at.get_or_insert_with(Instant::now);
            if (!out_open && !err_open) || closed_at.elapsed() >= GRACE {
                match run.wait_for_exit(GRACE)? {
                    Some(s) => break End::Exited(s),
                    None => break End::TimedOut,
                }
            }
            deadline = deadline.min(closed_at + GRACE);
        }
    };
    let elapsed = start.elapsed();
    run.kill_group();
    let tail = String::from_utf8_lossy(&stderr_tail[stderr_tail.len().saturating_sub(STDERR_TAIL)..]).into_owned();
    Ok(Outcome { end, stderr_tail: tail, elapsed })
}

impl Running {
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Polls for exit up to `limit`; kills the group first so that the id stays reserved until reaped.
    fn wait_for_exit(&mut self, limit: Duration) -> io::Result<Option<ExitStatus>> {
        let until = Instant::now() + limit;
        loop {
            if let Some(s) = self.child.try_wait()? {
                self.reaped = true;
                return Ok(Some(s));
            }
            if Instant::now() >= until {
                return Ok(None);
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    fn kill_group(&mut self) {
        if !self.reaped {
            // SAFETY: signalling our own child's process group, whose leader is not yet reaped.
            unsafe { libc::kill(-(self.child.id() as libc::pid_t), libc::SIGKILL) };
            let _ = self.child.wait();
            self.reaped = true;
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.kill_group();
    }
}

/// Describes how a process ended, for messages: "exit code 3", "killed by signal 11 (SIGSEGV)".
pub fn describe_status(status: &ExitStatus) -> String {
    if let Some(sig) = status.signal() {
        let name = match sig {
            libc::SIGSEGV => " (SIGSEGV: segmentation fault)",
            libc::SIGABRT => " (SIGABRT: abort)",
            libc::SIGKILL => " (SIGKILL)",
            libc::SIGXCPU => " (SIGXCPU: CPU time limit)",
            libc::SIGXFSZ => " (SIGXFSZ: file size limit)",
            libc::SIGILL => " (SIGILL)",
            libc::SIGBUS => " (SIGBUS)",
            _ => "",
        };
        format!("killed by signal {sig}{name}")
    } else {
        format!("exit code {}", status.code().unwrap_or(-1))
    }
}

enum ReadResult {
    Data(usize),
    Closed,
    Nothing,
}

fn read_some(r: &mut impl Read, buf: &mut [u8]) -> ReadResult {
    loop {
        match r.read(buf) {
            Ok(0) => return ReadResult::Closed,
            Ok(n) => return ReadResult::Data(n),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => return ReadResult::Nothing,
            Err(_) => return ReadResult::Closed,
        }
    }
}

fn pipe() -> io::Result<(OwnedFd, OwnedFd)> {
    let mut fds = [0 as RawFd; 2];
    // SAFETY: fds has room for the two descriptors pipe2 writes.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: pipe2 returned two new descriptors that nothing else owns.
    Ok(unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) })
}

fn set_nonblocking(fd: RawFd) -> io::Result<()> {
    // SAFETY: fcntl on a descriptor we own.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        if flags < 0 || libc::fcntl(fd, libc::F_SETFL, flags | libc::O_NONBLOCK) < 0 {
            return Err(io::Error::last_os_error());
        }
    }
    Ok(())
}
