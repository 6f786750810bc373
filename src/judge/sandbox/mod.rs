//! The layered sandbox around the interpreter. Each layer is detected, applied when available, and
//! reported (`codify doctor`, `--json` reports); a missing layer degrades that layer only.
//!
//! 1. process group under a supervising process (see [`Prepared::apply`]): the whole group is killed on
//!    deadline, cancel, exit and codify's SIGINT/SIGTERM/SIGHUP; parent-death signals chain the run to
//!    codify even when codify is killed outright;
//! 2. rlimits: CPU back-stop, address space, file size, open files, no core dumps;
//! 3. capabilities: dropped (bounding set and sets) when running with any, e.g. as root;
//! 4. namespaces: new user, IPC, network and PID namespaces where the kernel allows (see [`namespaces`]);
//! 5. tasks: `RLIMIT_NPROC` inside the run's user namespace, `pid_max` of its PID namespace, or a pids
//!    cgroup of its own (see [`TaskLimit`]);
//! 6. landlock: read/execute only the interpreter and system libraries, write nothing but /dev/null,
//!    no TCP, no signals or abstract sockets outside the sandbox;
//! 7. seccomp: an allow-list, see [`seccomp`]; only descriptors 0-3 reach the interpreter.
//!
//! Parent-side decisions (output caps, wall clock, CPU budget, case timing) live in `judge::process`.
//!
//! Everything that allocates is prepared in the parent ([`Prepared::new`]); [`Prepared::apply`] runs in the
//! child between fork and exec and makes only async-signal-safe system calls.

mod cgroup;
mod landlock;
mod namespaces;
mod seccomp;

use std::ffi::CString;
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::path::{Path, PathBuf};

pub use cgroup::Group;

use serde::Serialize;

/// One layer's state, as `codify doctor` and `--json` reports show it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Layer {
    pub name: &'static str,
    pub active: bool,
    pub detail: String,
}

/// What the sandbox needs to know about a run.
pub struct Policy<'a> {
    pub enabled: bool,
    pub memory_mb: u64,
    pub cpu_seconds: u64,
    /// Interpreter paths to allow reading and executing (its binary, stdlib, shared libraries).
    pub read_paths: &'a [PathBuf],
}

/// System locations every dynamically linked interpreter needs.
const SYSTEM_READ: &[&str] = &[
    "/lib",
    "/lib64",
    "/lib32",
    "/usr/lib",
    "/usr/lib64",
    "/usr/lib32",
    "/etc/ld.so.cache",
    "/etc/localtime",
    "/usr/share/zoneinfo",
];

/// The layers as they would apply on this machine now (asking the kernel which namespaces it allows).
pub fn detect(enabled: bool) -> Vec<Layer> {
    if !enabled {
        return layers(false, &namespaces::Support { flags: 0, error: None }, TaskLimit::None);
    }
    let ns = namespaces::support().clone();
    let limit = TaskLimit::choose(cgroup::available).applied(ns.flags);
    layers(true, &ns, limit)
}

/// The layers as a run applied them: `namespaces` are the flags its child entered, `limit` the task limit
/// it was given.
pub fn applied(enabled: bool, namespaces: libc::c_int, limit: TaskLimit) -> Vec<Layer> {
    let error = (namespaces == 0).then(|| "unshare failed for every set tried".to_string());
    layers(enabled, &namespaces::Support { flags: namespaces, error }, limit.applied(namespaces))
}

/// How a run's number of tasks (threads) is capped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskLimit {
    /// `RLIMIT_NPROC` inside the run's own user namespace, which counts only the run's tasks (it does not
    /// bind root, which is exempt).
    Nproc(u32),
    /// `pid_max` of the run's own PID namespace (Linux 6.14+; the kernel's minimum is 301, so 300 tasks).
    PidMax(u32),
    /// A pids cgroup of the run's own. Moving a process between groups waits for an RCU grace period
    /// (5-20 ms here), so this is the last choice.
    Cgroup(u32),
    None,
}

impl TaskLimit {
    /// The cheapest limit this process can apply, before knowing which namespaces a run will enter.
    fn choose(cgroup_available: impl FnOnce() -> bool) -> TaskLimit {
        if !running_as_root() {
            TaskLimit::Nproc(MAX_TASKS)
        } else if namespaces::pid_max_per_namespace() {
            TaskLimit::PidMax(PID_MAX_TASKS)
        } else if cgroup_available() {
            TaskLimit::Cgroup(MAX_TASKS)
        } else {
            TaskLimit::None
        }
    }

    /// What remains of the limit once the run has entered `namespaces`.
    pub fn applied(self, namespaces: libc::c_int) -> TaskLimit {
        match self {
            TaskLimit::Nproc(_) if namespaces & libc::CLONE_NEWUSER == 0 => TaskLimit::None,
            TaskLimit::PidMax(_) if namespaces & libc::CLONE_NEWPID == 0 => TaskLimit::None,
            other => other,
        }
    }

    /// The most threads a run may have, where a limit applies.
    pub fn max(self) -> Option<u32> {
        match self {
            TaskLimit::Nproc(n) | TaskLimit::PidMax(n) | TaskLimit::Cgroup(n) => Some(n),
            TaskLimit::None => None,
        }
    }

    fn describe(self) -> String {
        match self {
            TaskLimit::Nproc(n) => format!("RLIMIT_NPROC in the run's user namespace: at most {n} threads"),
            TaskLimit::PidMax(n) => format!("pid_max of the run's PID namespace: at most {n} threads"),
            TaskLimit::Cgroup(n) => format!("pids cgroup per run: at most {n} threads"),
            TaskLimit::None => "none".into(),
        }
    }
}

fn layers(enabled: bool, ns: &namespaces::Support, task_limit: TaskLimit) -> Vec<Layer> {
    let off = |name, why: &str| Layer { name, active: false, detail: why.to_string() };
    if !enabled {
        let why = "disabled by judge.sandbox = false";
        return vec![
            Layer { name: "process-group", active: true, detail: "own group, killed on deadline and exit".into() },
            off("rlimits", why),
            off("capabilities", why),
            off("namespaces", why),
            off("tasks", why),
            off("landlock", why),
            off("seccomp", why),
        ];
    }
    let caps = if has_capabilities() { "dropped (running with capabilities, e.g. as root)" } else { "none held" };
    let names = namespaces::names(ns.flags);
    let missing: Vec<&str> = ["user", "ipc", "network", "pid"].into_iter().filter(|n| !names.contains(n)).collect();
    let namespaces = match (names.is_empty(), &ns.error) {
        (true, why) => off(
            "namespaces",
            &format!(
                "unavailable ({}): IPC objects, other processes and the network are shut out by seccomp only",
                why.as_deref().unwrap_or("unshare failed")
            ),
        ),
        (false, _) => Layer {
            name: "namespaces",
            active: true,
            detail: if missing.is_empty() {
                "new user, ipc, network and pid namespaces: no IPC objects, processes or network of the host".into()
            } else {
                format!("new {} namespaces; not {} (needs privileges here)", names.join(", "), missing.join(", "))
            },
        },
    };
    let tasks = match task_limit {
        TaskLimit::None => off(
            "tasks",
            "unavailable: no user namespace for RLIMIT_NPROC, no PID namespace with its own pid_max \
             (Linux 6.14+), no pids cgroup that this process may make",
        ),
        limit => Layer { name: "tasks", active: true, detail: limit.describe() },
    };
    vec![
        Layer {
            name: "process-group",
            active: true,
            detail: "own group under a supervising process; killed on deadline, exit, and SIGINT/SIGTERM/SIGHUP; \
                     parent-death signal that the run cannot clear"
                .into(),
        },
        Layer { name: "rlimits", active: true, detail: "cpu, address space, file size, open files, core".into() },
        Layer { name: "capabilities", active: true, detail: caps.into() },
        namespaces,
        tasks,
        match landlock::abi() {
            Some(abi) => Layer { name: "landlock", active: true, detail: landlock::describe(abi) },
            None => off("landlock", "unavailable: kernel without Landlock (needs Linux 5.13+ with landlock in lsm=)"),
        },
        if seccomp::available() {
            Layer {
                name: "seccomp",
                active: true,
                detail: "allow-list: no sockets, IPC, processes, exec, signals, scheduling, metadata changes, \
                         inotify, ptrace, namespaces or mounts"
                    .into(),
            }
        } else {
            off("seccomp", "unavailable: kernel or architecture without seccomp filters")
        },
    ]
}

fn running_as_root() -> bool {
    // SAFETY: geteuid cannot fail.
    unsafe { libc::geteuid() == 0 }
}

fn has_capabilities() -> bool {
    let header = CapHeader { version: 0x2008_0522, pid: 0 };
    let mut data = [CapData::default(); 2];
    // SAFETY: capget fills two CapData structs for the version-3 header, as allocated here.
    let rc = unsafe { libc::syscall(libc::SYS_capget, &header as *const CapHeader, data.as_mut_ptr()) };
    rc != 0 || data.iter().any(|d| d.effective != 0 || d.permitted != 0)
}

/// Tasks (threads) a run may have, the interpreter's own two included, where the limit can be chosen.
pub const MAX_TASKS: u32 = 64;
/// A PID namespace's `pid_max` cannot go below 301, which allows pids 1 to 300.
const PID_MAX_TASKS: u32 = 300;

/// How the interpreter is started: from a descriptor, with these arguments and environment.
struct Exec {
    fd: OwnedFd,
    _strings: Vec<CString>,
    argv: Vec<*const libc::c_char>,
    envp: Vec<*const libc::c_char>,
    empty: CString,
}

// SAFETY: the pointers point into `_strings`, heap data owned by the same struct that never changes; they
// are only read, in the child after fork.
unsafe impl Send for Exec {}
// SAFETY: as above: nothing is ever written through the pointers.
unsafe impl Sync for Exec {}

/// Everything the child applies, prepared in the parent.
pub struct Prepared {
    enabled: bool,
    rlimits: Vec<(libc::__rlimit_resource_t, libc::rlim_t, libc::rlim_t)>,
    drop_caps: bool,
    landlock: Option<landlock::Ruleset>,
    seccomp: Vec<seccompiler::BpfProgram>,
    parent_pid: libc::pid_t,
    /// Tried in order until one works (none may).
    namespaces: [libc::c_int; 2],
    id_maps: (CString, CString),
    /// How the run's tasks are capped (see [`TaskLimit`]).
    task_limit: TaskLimit,
    cgroup: Option<cgroup::Group>,
    exec: Option<Exec>,
    /// Where the supervising process writes the interpreter's process id.
    report_fd: RawFd,
    /// The CPU limit in seconds: a kill by SIGKILL after this much CPU time is reported as SIGXCPU.
    cpu_seconds: libc::rlim_t,
}

impl Prepared {
    pub fn new(policy: &Policy<'_>) -> io::Result<Prepared> {
        // SAFETY: getpid has no preconditions.
        let parent_pid = unsafe { libc::getpid() };
        let mut prepared = Prepared {
            enabled: policy.enabled,
            rlimits: vec![],
            drop_caps: false,
            landlock: None,
            seccomp: vec![],
            parent_pid,
            namespaces: [0; 2],
            id_maps: (CString::default(), CString::default()),
            task_limit: TaskLimit::None,
            cgroup: None,
            exec: None,
            report_fd: -1,
            cpu_seconds: policy.cpu_seconds.max(1),
        };
        if !policy.enabled {
            return Ok(prepared);
        }
        let mb = policy.memory_mb.max(32) << 20;
        let cpu = prepared.cpu_seconds;
        prepared.rlimits = vec![
            (libc::RLIMIT_CPU, cpu, cpu + 1),
            (libc::RLIMIT_AS, mb, mb),
            (libc::RLIMIT_FSIZE, 1 << 20, 1 << 20),
            (libc::RLIMIT_NOFILE, 64, 64),
            (libc::RLIMIT_CORE, 0, 0),
            (libc::RLIMIT_MEMLOCK, 0, 0),
            (libc::RLIMIT_MSGQUEUE, 0, 0),
        ];
        prepared.task_limit = TaskLimit::choose(cgroup::available);
        if prepared.task_limit == TaskLimit::Cgroup(MAX_TASKS) {
            prepared.cgroup = cgroup::Group::new(MAX_TASKS);
            if prepared.cgroup.is_none() {
                prepared.task_limit = TaskLimit::None;
            }
        }
        prepared.namespaces = namespaces::CHOICES;
        let (uid, gid) = namespaces::id_maps();
        prepared.id_maps = (CString::new(uid).unwrap_or_default(), CString::new(gid).unwrap_or_default());
        // Always: a user namespace, where entered, grants every capability inside it.
        prepared.drop_caps = true;
        prepared.landlock = match landlock::abi() {
            Some(abi) => {
                let read = landlock::FS_EXECUTE | landlock::FS_READ_FILE | landlock::FS_READ_DIR;
                let mut grants: Vec<landlock::Grant<'_>> =
                    policy.read_paths.iter().map(|p| landlock::Grant { path: p, access: read }).collect();
                grants.extend(SYSTEM_READ.iter().map(|p| landlock::Grant { path: Path::new(p), access: read }));
                grants.push(landlock::Grant {
                    path: Path::new("/dev/null"),
                    access: landlock::FS_READ_FILE | landlock::FS_WRITE_FILE,
                });
                grants.push(landlock::Grant { path: Path::new("/dev/urandom"), access: landlock::FS_READ_FILE });
                Some(landlock::Ruleset::build(abi, &grants)?)
            }
            None => None,
        };
        if seccomp::available() {
            prepared.seccomp = seccomp::programs().map_err(io::Error::other)?;
        }
        Ok(prepared)
    }

    /// Sets what the child executes (sandboxed runs only: without the sandbox the caller's command runs).
    pub fn set_exec(&mut self, program: &Path, args: &[&std::ffi::OsStr], env: &[(&str, &str)]) -> io::Result<()> {
        use std::os::unix::ffi::OsStrExt;
        if !self.enabled {
            return Ok(());
        }
        let path = CString::new(program.as_os_str().as_bytes()).map_err(io::Error::other)?;
        // SAFETY: path is a valid NUL-terminated string.
        let fd = unsafe { libc::open(path.as_ptr(), libc::O_PATH | libc::O_CLOEXEC) };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: open returned a new descriptor owned here.
        let fd = unsafe { OwnedFd::from_raw_fd(fd) };
        let mut strings = vec![path];
        for a in args {
            strings.push(CString::new(a.as_bytes()).map_err(io::Error::other)?);
        }
        let argc = strings.len();
        for (k, v) in env {
            strings.push(CString::new(format!("{k}={v}")).map_err(io::Error::other)?);
        }
        let ptrs = |s: &[CString]| s.iter().map(|c| c.as_ptr()).chain([std::ptr::null()]).collect::<Vec<_>>();
        let (argv, envp) = (ptrs(&strings[..argc]), ptrs(&strings[argc..]));
        self.exec = Some(Exec { fd, _strings: strings, argv, envp, empty: CString::default() });
        Ok(())
    }

    /// The task limit this run is given (before knowing which namespaces it enters).
    pub fn task_limit(&self) -> TaskLimit {
        self.task_limit
    }

    /// The run's pids cgroup, which must outlive the run's processes; the caller keeps it and moves the
    /// interpreter into it (see [`cgroup::Group::join`]) before sending it anything to run.
    pub fn take_cgroup(&mut self) -> Option<cgroup::Group> {
        self.cgroup.take()
    }

    /// Where the supervising process reports the interpreter's process id.
    pub fn set_report_fd(&mut self, fd: RawFd) {
        self.report_fd = fd;
    }

    /// Runs in the child between fork and exec: only async-signal-safe calls, no allocation.
    /// `results_fd` becomes descriptor 3, the harness's result channel.
    ///
    /// With the sandbox on, the child becomes a small supervisor: it enters the new namespaces and forks
    /// the process that executes the interpreter (process 1 of the new PID
    /// namespace), then waits for it and ends the same way it did. That process applies the restricting
    /// layers and executes the interpreter itself, so this function does not return in it either.
    pub fn apply(&self, results_fd: RawFd) -> io::Result<()> {
        // SAFETY: every call below is a plain system call on values prepared before fork.
        unsafe {
            check(libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL, 0, 0, 0))?;
            if libc::getppid() != self.parent_pid {
                libc::_exit(111);
            }
            let Some(exec) = self.exec.as_ref().filter(|_| self.enabled) else {
                return move_to_3(results_fd);
            };
            // A failed unshare changes nothing, so the next set can be tried.
            let entered = self.namespaces.iter().copied().find(|&flags| libc::unshare(flags) == 0).unwrap_or(0);
            if entered & libc::CLONE_NEWUSER != 0 {
                // Keeps the ids as they are outside; best effort (the run works unmapped too).
                let _ = write_file(c"/proc/self/setgroups", b"deny");
                let _ = write_file(c"/proc/self/uid_map", self.id_maps.0.as_bytes());
                let _ = write_file(c"/proc/self/gid_map", self.id_maps.1.as_bytes());
            }
            let pid = libc::syscall(libc::SYS_clone, libc::SIGCHLD as libc::c_ulong, 0usize, 0usize, 0usize, 0usize);
            if pid < 0 {
                return Err(io::Error::last_os_error());
            }
            if pid > 0 {
                self.supervise_interpreter(pid as libc::pid_t, entered);
            }
            check(libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL, 0, 0, 0))?;
            // pid_max is per PID namespace, and the sysctl acts on the writer's own: only write it as
            // process 1 of a new one, never in the host's.
            if let TaskLimit::PidMax(n) = self.task_limit {
                if entered & libc::CLONE_NEWPID != 0 && libc::getpid() == 1 {
                    let mut digits = [0u8; 12];
                    write_file(c"/proc/sys/kernel/pid_max", format_u32(n + 1, &mut digits))?;
                }
            }
            if libc::dup3(exec.fd.as_raw_fd(), seccomp::EXEC_FD, libc::O_CLOEXEC) < 0 {
                return Err(io::Error::last_os_error());
            }
            self.restrict(entered & libc::CLONE_NEWUSER != 0)?;
            // Last: descriptor 3 may be the landlock ruleset's until it has been enforced.
            move_to_3(results_fd)?;
            // Nothing else the parent holds reaches the interpreter.
            if libc::syscall(libc::SYS_close_range, 4u32, u32::MAX, libc::CLOSE_RANGE_CLOEXEC) != 0 {
                for fd in 4..1024 {
                    if fd != seccomp::EXEC_FD {
                        libc::close(fd);
                    }
                }
            }
            libc::syscall(
                libc::SYS_execveat,
                seccomp::EXEC_FD,
                exec.empty.as_ptr(),
                exec.argv.as_ptr(),
                exec.envp.as_ptr(),
                libc::AT_EMPTY_PATH,
            );
            Err(io::Error::last_os_error())
        }
    }

    /// The supervising process: reports the interpreter's id and the namespaces entered, closes
    /// everything, waits for the interpreter, and ends the way it ended (a kill after the CPU limit was
    /// reached becomes SIGXCPU, its real cause).
    unsafe fn supervise_interpreter(&self, pid: libc::pid_t, entered: libc::c_int) -> ! {
        // SAFETY: plain system calls; this process never returns to Rust code.
        unsafe {
            let mut bytes = [0u8; 8];
            bytes[..4].copy_from_slice(&pid.to_ne_bytes());
            bytes[4..].copy_from_slice(&entered.to_ne_bytes());
            libc::write(self.report_fd, bytes.as_ptr().cast(), bytes.len());
            if libc::syscall(libc::SYS_close_range, 0u32, u32::MAX, 0u32) != 0 {
                for fd in 0..1024 {
                    libc::close(fd);
                }
            }
            let mut status = 0;
            let mut usage: libc::rusage = std::mem::zeroed();
            loop {
                let r = libc::wait4(pid, &mut status, 0, &mut usage);
                if r == pid {
                    break;
                }
                if r < 0 && *libc::__errno_location() != libc::EINTR {
                    libc::_exit(112);
                }
            }
            if libc::WIFSIGNALED(status) {
                let mut sig = libc::WTERMSIG(status);
                let cpu = usage.ru_utime.tv_sec + usage.ru_stime.tv_sec;
                if sig == libc::SIGKILL && cpu as libc::rlim_t >= self.cpu_seconds {
                    sig = libc::SIGXCPU;
                }
                let mut action: libc::sigaction = std::mem::zeroed();
                action.sa_sigaction = libc::SIG_DFL;
                libc::sigaction(sig, &action, std::ptr::null_mut());
                let mut set: libc::sigset_t = std::mem::zeroed();
                libc::sigemptyset(&mut set);
                libc::sigprocmask(libc::SIG_SETMASK, &set, std::ptr::null_mut());
                libc::kill(libc::getpid(), sig);
                libc::_exit(128 + sig);
            }
            libc::_exit(libc::WEXITSTATUS(status));
        }
    }

    /// The restricting layers, in the order they must be applied.
    unsafe fn restrict(&self, own_user_namespace: bool) -> io::Result<()> {
        // SAFETY: plain system calls on values prepared before fork (see `apply`).
        unsafe {
            for &(resource, soft, hard) in &self.rlimits {
                let lim = libc::rlimit { rlim_cur: soft, rlim_max: hard };
                check(libc::setrlimit(resource, &lim))?;
            }
            // Counted per user inside the run's own user namespace, so only the run's own tasks.
            if let (TaskLimit::Nproc(n), true) = (self.task_limit, own_user_namespace) {
                let n = libc::rlim_t::from(n);
                check(libc::setrlimit(libc::RLIMIT_NPROC, &libc::rlimit { rlim_cur: n, rlim_max: n }))?;
            }
            check(libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))?;
            if self.drop_caps {
                for cap in 0..64 {
                    libc::prctl(libc::PR_CAPBSET_DROP, cap, 0, 0, 0);
                }
                libc::prctl(libc::PR_CAP_AMBIENT, libc::PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
                let header = CapHeader { version: 0x2008_0522, pid: 0 };
                let data = [CapData::default(); 2];
                check(libc::syscall(libc::SYS_capset, &header as *const CapHeader, data.as_ptr()) as i32)?;
            }
            if let Some(ruleset) = &self.landlock {
                ruleset.restrict_self()?;
            }
            for prog in &self.seccomp {
                seccompiler::apply_filter(prog).map_err(|_| io::Error::from_raw_os_error(libc::EPERM))?;
            }
        }
        Ok(())
    }
}

/// Makes `fd` descriptor 3, inherited by the interpreter.
unsafe fn move_to_3(fd: RawFd) -> io::Result<()> {
    // SAFETY: fcntl and dup2 on descriptors the child holds.
    unsafe {
        if fd == 3 {
            let flags = libc::fcntl(3, libc::F_GETFD);
            check(libc::fcntl(3, libc::F_SETFD, flags & !libc::FD_CLOEXEC))
        } else {
            check(libc::dup2(fd, 3))
        }
    }
}

/// `n` in decimal, in `buf`, without allocating (async-signal-safe).
fn format_u32(mut n: u32, buf: &mut [u8; 12]) -> &[u8] {
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return &buf[at..];
        }
    }
}

/// Writes `data` to the file at `path` with plain system calls (async-signal-safe).
unsafe fn write_file(path: &std::ffi::CStr, data: &[u8]) -> io::Result<()> {
    // SAFETY: path is NUL-terminated; data is a valid buffer.
    unsafe {
        let fd = libc::open(path.as_ptr(), libc::O_WRONLY | libc::O_CLOEXEC);
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        let n = libc::write(fd, data.as_ptr().cast(), data.len());
        let err = io::Error::last_os_error();
        libc::close(fd);
        if n != data.len() as isize {
            return Err(err);
        }
    }
    Ok(())
}

#[repr(C)]
struct CapHeader {
    version: u32,
    pid: i32,
}

#[repr(C)]
#[derive(Clone, Copy, Default)]
struct CapData {
    effective: u32,
    permitted: u32,
    inheritable: u32,
}

fn check(rc: i32) -> io::Result<()> {
    if rc < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(())
    }
}
