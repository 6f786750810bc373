//! Spawning the sandboxed interpreter and supervising it.
//!
//! One `poll` loop in the calling thread feeds input to stdin (more of it as frames arrive), reads result
//! frames from the dedicated descriptor, drains stdout and stderr (counting them against the output cap),
//! watches the cancel token, and enforces the limits the parent decides: the startup deadline until the
//! first frame, then a per-case deadline from the moment the case's input was delivered (extended by the time
//! the case spent waiting for a CPU on a busy machine, from each thread's `schedstat`, and for a frame read
//! late, up to ten times the limit in wall time), and a total CPU budget read from the kernel. Each frame
//! is handed over with the time the parent measured for it.
//!
//! Whatever happens, the interpreter is killed first (through a pidfd, so that no other process can be hit),
//! then the supervising process and the rest of its group, before the supervisor is reaped; also when a
//! [`Running`] is dropped, and when codify itself gets SIGINT, SIGTERM or SIGHUP (see [`kill_live_runs`]).

use std::fs::File;
use std::io::{self, Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Child, ChildStderr, ChildStdin, ChildStdout, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::interpreter::Interpreter;
use super::sandbox::{Group, Prepared, TaskLimit};

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
    /// The supervising process (the interpreter itself when the sandbox is off); its group holds the run.
    child: Child,
    /// The interpreter's process id (as seen here) and a pidfd for it, when it runs under a supervisor.
    interpreter: Option<(libc::pid_t, Option<OwnedFd>)>,
    /// The namespaces the run entered (`CLONE_NEW*` flags).
    pub namespaces: libc::c_int,
    /// The task limit the run was given (what of it applied depends on `namespaces`).
    pub task_limit: TaskLimit,
    results: File,
    stdout: ChildStdout,
    stderr: ChildStderr,
    stdin: Option<ChildStdin>,
    reaped: bool,
    /// The slot in the registry of live runs that a signal to codify kills.
    slot: Option<usize>,
    /// The interpreter being moved into the run's pids cgroup, on a thread of its own (see
    /// [`Group::join`]); [`supervise`] waits for it before sending anything.
    joining: Option<std::thread::JoinHandle<io::Result<()>>>,
    /// Removed after the processes are gone (fields drop after `Drop::drop` has reaped them).
    _cgroup: Option<Arc<Group>>,
}

#[derive(Debug, Clone, Copy)]
pub struct Caps {
    /// Until the first frame arrives.
    pub startup: Duration,
    /// For each frame, counted from the delivery of the input it answers (or from the previous frame).
    pub per_frame: Duration,
    /// stdout + stderr bytes written around the harness.
    pub output_bytes: u64,
    /// The CPU time the whole run may use: this much, plus `per_frame` for every input delivered.
    pub cpu_base: Option<Duration>,
    /// Added to a frame's deadline for every byte of the input it answers: reading a large input takes
    /// the interpreter time of its own (about 2 ns a byte; a case of 2 x 10^6 numbers is 10 MB).
    pub per_input_byte: Duration,
}

/// What happens to stdin once the input given so far has been written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feed {
    /// Close it: the program reads to the end.
    Close,
    /// Keep it open: more input follows as frames arrive.
    KeepOpen,
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
    /// The run used more CPU time than its budget (threads running in parallel, or work in the background).
    CpuBudget(Duration),
}

#[derive(Debug)]
pub struct Outcome {
    pub end: End,
    /// The last few KiB of stderr, for diagnosing interpreter crashes.
    pub stderr_tail: String,
    pub elapsed: Duration,
}

const MAX_CHANNEL_BYTES: usize = 256 << 20;
/// One frame: far more than the largest answer in the bank (a few MB), far less than would strain Codify.
const MAX_FRAME_BYTES: usize = 64 << 20;
const STDERR_TAIL: usize = 8 << 10;
/// How long stdout/stderr may stay open after the result channel closed.
const GRACE: Duration = Duration::from_millis(200);

/// Starts `interpreter` on `script` inside the prepared sandbox; it blocks reading stdin until [`supervise`].
pub fn spawn(interpreter: &Interpreter, mut prepared: Prepared, script: &str) -> io::Result<Running> {
    let (results_r, results_w) = pipe()?;
    let (report_r, report_w) = pipe()?;
    const ENV: [(&str, &str); 3] = [("PYTHONHASHSEED", "0"), ("PYTHONUTF8", "1"), ("LC_ALL", "C.UTF-8")];
    let flags = interpreter.flags();
    let mut args: Vec<&std::ffi::OsStr> = flags.iter().map(|f| f.as_ref()).collect();
    args.extend([std::ffi::OsStr::new("-c"), std::ffi::OsStr::new(script)]);
    prepared.set_exec(&interpreter.executable, &args, &ENV)?;
    prepared.set_report_fd(report_w.as_raw_fd());
    let cgroup = prepared.take_cgroup();
    let task_limit = prepared.task_limit();
    let mut cmd = Command::new(&interpreter.executable);
    cmd.args(&args)
        .env_clear()
        .envs(ENV)
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
    install_signal_handlers();
    let mut child = cmd.spawn()?;
    drop(cmd);
    drop(results_w);
    drop(report_w);
    let slot = register(child.id() as libc::pid_t);
    // The supervisor writes the interpreter's id and the namespaces it entered at once; without the
    // sandbox nothing comes (EOF).
    let mut report = [0u8; 8];
    let (interpreter_pid, namespaces) = match File::from(report_r).read_exact(&mut report) {
        Ok(()) => (
            Some(libc::pid_t::from_ne_bytes([report[0], report[1], report[2], report[3]])),
            libc::c_int::from_ne_bytes([report[4], report[5], report[6], report[7]]),
        ),
        Err(_) => (None, 0),
    };
    let interpreter = interpreter_pid.map(|pid| (pid, pidfd_open(pid)));
    let cgroup = cgroup.map(Arc::new);
    let joining = match (&cgroup, interpreter_pid) {
        (Some(group), Some(pid)) => {
            let group = Arc::clone(group);
            Some(std::thread::spawn(move || group.join(pid)))
        }
        (Some(_), None) => return Err(io::Error::other("the sandbox did not report the interpreter's process id")),
        (None, _) => None,
    };
    let (Some(stdin), Some(stdout), Some(stderr)) = (child.stdin.take(), child.stdout.take(), child.stderr.take())
    else {
        return Err(io::Error::other("child pipes missing"));
    };
    for fd in [results_r.as_raw_fd(), stdout.as_raw_fd(), stderr.as_raw_fd(), stdin.as_raw_fd()] {
        set_nonblocking(fd)?;
    }
    Ok(Running {
        child,
        interpreter,
        namespaces,
        task_limit,
        results: File::from(results_r),
        stdout,
        stderr,
        stdin: Some(stdin),
        reaped: false,
        slot,
        joining,
        _cgroup: cgroup,
    })
}

fn pidfd_open(pid: libc::pid_t) -> Option<OwnedFd> {
    // SAFETY: pidfd_open takes a pid and flags; a new descriptor is returned on success.
    let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, 0) };
    // SAFETY: the descriptor is new and owned here.
    (fd >= 0).then(|| unsafe { OwnedFd::from_raw_fd(fd as RawFd) })
}

/// One result line, with the time the parent measured for it.
pub struct Line<'a> {
    pub bytes: &'a [u8],
    /// From the moment the last input was fully delivered (or the previous frame arrived, if later).
    pub elapsed: Duration,
}

/// Feeds `input`, hands each result line to `on_line` (which may queue more input), and enforces `caps`
/// until the run ends.
pub fn supervise(
    mut run: Running,
    input: Vec<u8>,
    feed: Feed,
    caps: Caps,
    cancel: Option<&CancelToken>,
    mut on_line: impl FnMut(Line<'_>, &mut Vec<u8>) -> Control,
) -> io::Result<Outcome> {
    if let Some(joining) = run.joining.take() {
        joining
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the thread panicked")))
            .map_err(|e| io::Error::other(format!("could not move the run into its pids cgroup: {e}")))?;
    }
    let start = Instant::now();
    let mut deadline = start + caps.startup;
    let mut outbox = input;
    let mut written = 0usize;
    let mut deliveries = 0u32;
    let mut allowance = Duration::ZERO;
    let mut clock_from = start;
    let mut results_buf: Vec<u8> = Vec::new();
    let mut scanned = 0usize;
    let mut channel_total = 0usize;
    let mut output_total = 0u64;
    let mut stderr_tail: Vec<u8> = Vec::new();
    let mut chunk = vec![0u8; 64 << 10];
    let mut results_open = true;
    let mut results_closed_at: Option<Instant> = None;
    let (mut out_open, mut err_open) = (true, true);
    let mut cpu_checked = start;
    let cpu = CpuClock::new(&run);
    // How long the interpreter had waited for a CPU when the current case's clock started, and how much of
    // its waiting since has been added to its deadline. Reading it takes a directory listing, so it is not
    // read for every case: a case starts from the latest reading, taken with the CPU check (at most
    // CPU_CHECK_EVERY old; the waiting in between, on a busy machine only, counts for the case).
    let mut waited_sample = cpu.waited();
    let mut case_wait_from: Option<Duration> = None;
    let mut granted = Duration::ZERO;

    let end = 'outer: loop {
        if cancel.is_some_and(CancelToken::is_cancelled) {
            break End::Cancelled;
        }
        let now = Instant::now();
        if now >= deadline && results_open {
            // Neither a busy machine's delays count against a case: time the interpreter spent waiting for a
            // CPU (from its threads' `schedstat`), nor a frame that arrived in time but is read late because this
            // process was waiting for one. Both up to STARVED_MAX times the limit in wall time. Sleeping or
            // blocking is not waiting for a CPU.
            let limit = caps.per_frame + allowance;
            let within = deliveries > 0 && now < clock_from + limit * STARVED_MAX;
            let waited = case_wait_from.zip(cpu.waited()).map(|(from, now)| now.saturating_sub(from));
            match waited {
                _ if within && readable(&run.results) => {}
                Some(w) if within && w > granted + CPU_TICK => {
                    deadline += w - granted;
                    granted = w;
                    continue;
                }
                _ => break End::TimedOut,
            }
        }
        if let Some(base) = caps.cpu_base {
            if now >= cpu_checked + CPU_CHECK_EVERY {
                cpu_checked = now;
                waited_sample = cpu.waited();
                let budget = base + (caps.per_frame + allowance) * deliveries;
                if let Some(used) = cpu.used().filter(|u| *u > budget) {
                    break End::CpuBudget(used);
                }
            }
        }
        let mut fds = Vec::with_capacity(5);
        let stdin_fd = run.stdin.as_ref().filter(|_| written < outbox.len()).map(|s| s.as_raw_fd());
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
        let mut wait = deadline.saturating_duration_since(now);
        if caps.cpu_base.is_some() {
            wait = wait.min(CPU_CHECK_EVERY);
        }
        let timeout = wait.as_millis().clamp(1, i32::MAX as u128) as i32;
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
                    match stdin.write(&outbox[written..]) {
                        Ok(n) => written += n,
                        Err(e) if e.kind() == io::ErrorKind::WouldBlock => {}
                        Err(_) => run.stdin = None,
                    }
                }
                if written >= outbox.len() {
                    // Delivered: the clock for the answer starts now.
                    allowance = caps.per_input_byte * outbox.len().min(u32::MAX as usize) as u32;
                    outbox.clear();
                    written = 0;
                    deliveries += 1;
                    clock_from = Instant::now();
                    if deliveries > 1 {
                        deadline = clock_from + caps.per_frame + allowance;
                        (case_wait_from, granted) = (waited_sample.or_else(|| cpu.waited()), Duration::ZERO);
                    }
                    if feed == Feed::Close {
                        run.stdin = None; // closes the pipe: EOF for the program
                    }
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
                        let mut line_start = 0;
                        while let Some(pos) = results_buf[scanned..].iter().position(|&b| b == b'\n') {
                            let at = Instant::now();
                            let end = scanned + pos;
                            let line = Line { bytes: &results_buf[line_start..end], elapsed: at - clock_from };
                            if on_line(line, &mut outbox) == Control::Stop {
                                break 'outer End::Stopped;
                            }
                            clock_from = clock_from.max(at);
                            deadline = at + caps.per_frame + allowance;
                            (case_wait_from, granted) = (waited_sample.or_else(|| cpu.waited()), Duration::ZERO);
                            scanned = end + 1;
                            line_start = scanned;
                        }
                        results_buf.drain(..line_start);
                        scanned = results_buf.len();
                        if results_buf.len() > MAX_FRAME_BYTES {
                            break 'outer End::ChannelFlood;
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

/// How often the CPU budget is checked while a case runs.
const CPU_CHECK_EVERY: Duration = Duration::from_millis(50);
/// Waiting shorter than this is not worth a new deadline; a starved case may take this many times its limit
/// in wall time before it is timed out anyway.
const CPU_TICK: Duration = Duration::from_millis(10);
const STARVED_MAX: u32 = 10;

/// Reads the CPU time the interpreter has used, all its threads together, from /proc.
/// Whether a frame (or part of one) is waiting to be read, without waiting for one.
fn readable(results: &impl AsRawFd) -> bool {
    let mut pfd = libc::pollfd { fd: results.as_raw_fd(), events: libc::POLLIN, revents: 0 };
    // SAFETY: one valid pollfd, no waiting.
    unsafe { libc::poll(&mut pfd, 1, 0) > 0 && pfd.revents & libc::POLLIN != 0 }
}

struct CpuClock {
    stat: std::path::PathBuf,
    /// `/proc/PID/task`: each thread's `schedstat` holds its time on a CPU and its time waiting for one (ns).
    tasks: std::path::PathBuf,
    tick: f64,
}

impl CpuClock {
    fn new(run: &Running) -> CpuClock {
        let pid = run.interpreter.as_ref().map(|(p, _)| *p).unwrap_or(run.child.id() as libc::pid_t);
        // SAFETY: sysconf has no preconditions.
        let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) };
        CpuClock {
            stat: format!("/proc/{pid}/stat").into(),
            tasks: format!("/proc/{pid}/task").into(),
            tick: 1.0 / hz.max(1) as f64,
        }
    }

    /// How long the interpreter's threads have waited on a run queue, runnable but not running, in all (the
    /// harness runs the solution on a thread of its own).
    fn waited(&self) -> Option<Duration> {
        let mut ns = 0u64;
        for task in std::fs::read_dir(&self.tasks).ok()?.flatten() {
            let Ok(text) = std::fs::read_to_string(task.path().join("schedstat")) else { continue };
            ns += text.split_whitespace().nth(1).and_then(|w| w.parse::<u64>().ok()).unwrap_or(0);
        }
        Some(Duration::from_nanos(ns))
    }

    fn used(&self) -> Option<Duration> {
        let stat = std::fs::read_to_string(&self.stat).ok()?;
        let mut fields = stat.get(stat.rfind(')')? + 2..)?.split(' ');
        // utime and stime are fields 14 and 15; after the name, the state is field 3.
        let utime: f64 = fields.nth(11)?.parse().ok()?;
        let stime: f64 = fields.next()?.parse().ok()?;
        Some(Duration::from_secs_f64((utime + stime) * self.tick))
    }
}

impl Running {
    /// Writes what fits into stdin now, without waiting; returns the rest. Only for bytes that may reach
    /// the interpreter before the sandbox is complete (the harness's own code, never the solution).
    pub fn send_now(&mut self, bytes: &[u8]) -> Vec<u8> {
        let written = match self.stdin.as_mut().map(|s| s.write(bytes)) {
            Some(Ok(n)) => n,
            _ => 0,
        };
        bytes[written..].to_vec()
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Polls for exit up to `limit`; kills the group first so that the id stays reserved until reaped.
    fn wait_for_exit(&mut self, limit: Duration) -> io::Result<Option<ExitStatus>> {
        let until = Instant::now() + limit;
        // A pidfd turns readable when the process exits, so the wait wakes at once.
        let pidfd = pidfd_open(self.child.id() as libc::pid_t);
        loop {
            if let Some(s) = self.child.try_wait()? {
                self.reaped = true;
                return Ok(Some(s));
            }
            let left = until.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Ok(None);
            }
            match &pidfd {
                Some(fd) => {
                    let mut pfd = libc::pollfd { fd: fd.as_raw_fd(), events: libc::POLLIN, revents: 0 };
                    let ms = left.as_millis().clamp(1, 1000) as i32;
                    // SAFETY: one valid pollfd.
                    unsafe { libc::poll(&mut pfd, 1, ms) };
                }
                None => std::thread::sleep(Duration::from_millis(1)),
            }
        }
    }

    /// Kills the interpreter, lets its supervisor reap it and exit, then kills and reaps what is left of
    /// the group. Killing the interpreter first means no zombie is handed to the system's init.
    fn kill_group(&mut self) {
        if self.reaped {
            return;
        }
        if let Some((_, Some(pidfd))) = &self.interpreter {
            // SAFETY: a pidfd names exactly our interpreter, even if its id were reused.
            let rc =
                unsafe { libc::syscall(libc::SYS_pidfd_send_signal, pidfd.as_raw_fd(), libc::SIGKILL, 0usize, 0u32) };
            if rc == 0 {
                // The supervisor (our own code) reaps the interpreter and exits at once.
                let _ = self.child.wait();
                self.reaped = true;
            }
        }
        if !self.reaped {
            // SAFETY: signalling our own child's process group, whose leader is not yet reaped.
            unsafe { libc::kill(-(self.child.id() as libc::pid_t), libc::SIGKILL) };
            let _ = self.child.wait();
            self.reaped = true;
        }
        if let Some(slot) = self.slot.take() {
            unregister(slot);
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.kill_group();
    }
}

// --- codify's own SIGINT, SIGTERM and SIGHUP ------------------------------------------------------------

/// Process groups of the runs alive now; 0 marks a free slot. A signal handler reads them, so they are
/// plain atomics rather than anything that locks or allocates.
static LIVE: [AtomicI32; 64] = [const { AtomicI32::new(0) }; 64];

fn register(group: libc::pid_t) -> Option<usize> {
    LIVE.iter().position(|slot| slot.compare_exchange(0, group, Ordering::SeqCst, Ordering::SeqCst).is_ok())
}

fn unregister(slot: usize) {
    LIVE[slot].store(0, Ordering::SeqCst);
}

/// Kills every live run's process group. Async-signal-safe.
pub fn kill_live_runs() {
    for slot in &LIVE {
        let group = slot.load(Ordering::SeqCst);
        if group > 0 {
            // SAFETY: kill is async-signal-safe; the group is a run's, registered until it is reaped.
            unsafe { libc::kill(-group, libc::SIGKILL) };
        }
    }
}

extern "C" fn on_signal(sig: libc::c_int) {
    kill_live_runs();
    // SAFETY: restoring the default action and raising the signal again, both async-signal-safe, so that
    // codify ends the way it would have without the handler.
    unsafe {
        libc::signal(sig, libc::SIG_DFL);
        libc::raise(sig);
    }
}

/// Installs the handler for SIGINT, SIGTERM and SIGHUP where their action is still the default (a signal
/// that is ignored, or handled by someone else, is left alone).
fn install_signal_handlers() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        for sig in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
            // SAFETY: reading and setting a signal action with valid, zeroed structs.
            unsafe {
                let mut old: libc::sigaction = std::mem::zeroed();
                if libc::sigaction(sig, std::ptr::null(), &mut old) != 0 || old.sa_sigaction != libc::SIG_DFL {
                    continue;
                }
                let mut action: libc::sigaction = std::mem::zeroed();
                action.sa_sigaction = on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t;
                action.sa_flags = libc::SA_NODEFER | libc::SA_RESTART;
                libc::sigemptyset(&mut action.sa_mask);
                libc::sigaction(sig, &action, std::ptr::null_mut());
            }
        }
    });
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
