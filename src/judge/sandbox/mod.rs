//! The layered sandbox around the interpreter. Each layer is detected, applied when available, and
//! reported (`codify doctor`, `--json` reports); a missing layer degrades that layer only.
//!
//! 1. process group + parent-death signal: the whole group is killed on deadline, cancel and exit;
//! 2. rlimits: CPU back-stop, address space, file size, open files, no core dumps;
//! 3. capabilities: dropped (bounding set and sets) when running with any, e.g. as root;
//! 4. landlock: read/execute only the interpreter and system libraries, write nothing but /dev/null,
//!    no TCP, no signals or abstract sockets outside the sandbox;
//! 5. seccomp: see [`seccomp`].
//!
//! Parent-side caps (output, wall clock) live in `judge::process`.
//!
//! Everything that allocates is prepared in the parent ([`Prepared::new`]); [`Prepared::apply`] runs in the
//! child between fork and exec and makes only async-signal-safe system calls.

mod landlock;
mod seccomp;

use std::io;
use std::os::fd::RawFd;
use std::path::{Path, PathBuf};

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

/// The layers as they would apply on this machine now, without running anything.
pub fn detect(enabled: bool) -> Vec<Layer> {
    let off = |name, why: &str| Layer { name, active: false, detail: why.to_string() };
    if !enabled {
        let why = "disabled by judge.sandbox = false";
        return vec![
            Layer { name: "process-group", active: true, detail: "own group, killed on deadline and exit".into() },
            off("rlimits", why),
            off("capabilities", why),
            off("landlock", why),
            off("seccomp", why),
        ];
    }
    let caps = if has_capabilities() { "dropped (running with capabilities, e.g. as root)" } else { "none held" };
    vec![
        Layer {
            name: "process-group",
            active: true,
            detail: "own group, killed on deadline and exit; parent-death signal".into(),
        },
        Layer { name: "rlimits", active: true, detail: "cpu, address space, file size, open files, core".into() },
        Layer { name: "capabilities", active: true, detail: caps.into() },
        match landlock::abi() {
            Some(abi) => Layer { name: "landlock", active: true, detail: landlock::describe(abi) },
            None => off("landlock", "unavailable: kernel without Landlock (needs Linux 5.13+ with landlock in lsm=)"),
        },
        if seccomp::available() {
            Layer {
                name: "seccomp",
                active: true,
                detail: "no processes, sockets, ptrace, namespaces, mounts; signals only to itself".into(),
            }
        } else {
            off("seccomp", "unavailable: kernel or architecture without seccomp filters")
        },
    ]
}

fn has_capabilities() -> bool {
    let header = CapHeader { version: 0x2008_0522, pid: 0 };
    let mut data = [CapData::default(); 2];
    // SAFETY: capget fills two CapData structs for the version-3 header, as allocated here.
    let rc = unsafe { libc::syscall(libc::SYS_capget, &header as *const CapHeader, data.as_mut_ptr()) };
    rc != 0 || data.iter().any(|d| d.effective != 0 || d.permitted != 0)
}

/// Everything the child applies, prepared in the parent.
pub struct Prepared {
    enabled: bool,
    rlimits: Vec<(libc::__rlimit_resource_t, libc::rlim_t)>,
    drop_caps: bool,
    landlock: Option<landlock::Ruleset>,
    seccomp: Vec<seccompiler::BpfProgram>,
    parent_pid: libc::pid_t,
}

impl Prepared {
    pub fn new(policy: &Policy<'_>) -> io::Result<Prepared> {
        // SAFETY: getpid has no preconditions.
        let parent_pid = unsafe { libc::getpid() };
        if !policy.enabled {
            return Ok(Prepared {
                enabled: false,
                rlimits: vec![],
                drop_caps: false,
                landlock: None,
                seccomp: vec![],
                parent_pid,
            });
        }
        let mb = policy.memory_mb.max(32) << 20;
        let rlimits = vec![
            (libc::RLIMIT_CPU, policy.cpu_seconds.max(1)),
            (libc::RLIMIT_AS, mb),
            (libc::RLIMIT_FSIZE, 1 << 20),
            (libc::RLIMIT_NOFILE, 64),
            (libc::RLIMIT_CORE, 0),
            (libc::RLIMIT_MEMLOCK, 0),
            (libc::RLIMIT_MSGQUEUE, 0),
        ];
        let landlock = match landlock::abi() {
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
        let seccomp = if seccomp::available() {
            seccomp::programs().map_err(|e| io::Error::other(e.to_string()))?
        } else {
            vec![]
        };
        Ok(Prepared { enabled: true, rlimits, drop_caps: has_capabilities(), landlock, seccomp, parent_pid })
    }

    /// Runs in the child between fork and exec: only async-signal-safe calls, no allocation.
    /// `results_fd` becomes descriptor 3, the harness's result channel.
    pub fn apply(&self, results_fd: RawFd) -> io::Result<()> {
        // SAFETY: every call below is a plain system call on values prepared before fork.
        unsafe {
            check(libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL, 0, 0, 0))?;
            if libc::getppid() != self.parent_pid {
                libc::_exit(111);
            }
            if self.enabled {
                self.restrict()?;
            }
            // Last: descriptor 3 may be the landlock ruleset's until it has been enforced.
            if results_fd == 3 {
                let flags = libc::fcntl(3, libc::F_GETFD);
                check(libc::fcntl(3, libc::F_SETFD, flags & !libc::FD_CLOEXEC))?;
            } else {
                check(libc::dup2(results_fd, 3))?;
            }
        }
        Ok(())
    }

    /// The restricting layers, in the order they must be applied.
    unsafe fn restrict(&self) -> io::Result<()> {
        // SAFETY: plain system calls on values prepared before fork (see `apply`).
        unsafe {
            for &(resource, value) in &self.rlimits {
                let lim = libc::rlimit { rlim_cur: value, rlim_max: value };
                check(libc::setrlimit(resource, &lim))?;
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
