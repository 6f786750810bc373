//! The namespace layer: a new user, IPC, network and PID namespace per run, where the kernel allows it.
//!
//! - user: the run holds no capability outside its own namespace (and, for an ordinary user, it is what
//!   makes the other namespaces possible without privileges);
//! - IPC: System V objects and POSIX message queues of other programs do not exist, and whatever the run
//!   makes is destroyed with the namespace;
//! - network: only a loopback device that is down;
//! - PID: the interpreter is process 1 of its own namespace; no other process is visible, and when it
//!   dies every process of the namespace dies with it.
//!
//! A run's child tries the sets in [`CHOICES`] in order and reports which it entered, so that a run pays
//! nothing to find out. `codify doctor` asks in advance, through a throwaway child ([`support`]).

use std::sync::OnceLock;

/// The namespaces this kernel lets the current user create, or why not.
#[derive(Debug, Clone)]
pub struct Support {
    /// The `unshare` flags that work together; 0 when none do.
    pub flags: libc::c_int,
    /// Why the wanted set is not available, when it is not.
    pub error: Option<String>,
}

const ALL: libc::c_int = libc::CLONE_NEWUSER | libc::CLONE_NEWIPC | libc::CLONE_NEWNET | libc::CLONE_NEWPID;
const WITHOUT_USER: libc::c_int = libc::CLONE_NEWIPC | libc::CLONE_NEWNET | libc::CLONE_NEWPID;
/// The sets a run tries, best first: without privileges a user namespace is what allows the others; as
/// root the others work on their own where user namespaces are switched off.
pub const CHOICES: [libc::c_int; 2] = [ALL, WITHOUT_USER];

pub fn support() -> &'static Support {
    static SUPPORT: OnceLock<Support> = OnceLock::new();
    SUPPORT.get_or_init(|| {
        let mut first_error = None;
        for flags in CHOICES {
            match try_unshare(flags) {
                Ok(()) => return Support { flags, error: None },
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
        }
        Support { flags: 0, error: first_error.map(|e| e.to_string()) }
    })
}

/// Whether a PID namespace has a `pid_max` of its own (Linux 6.14 and later).
pub fn pid_max_per_namespace() -> bool {
    static ANSWER: OnceLock<bool> = OnceLock::new();
    *ANSWER.get_or_init(|| {
        let release = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
        let mut parts = release.trim().split(['.', '-']).map(|p| p.parse::<u32>().unwrap_or(0));
        let (major, minor) = (parts.next().unwrap_or(0), parts.next().unwrap_or(0));
        (major, minor) >= (6, 14)
    })
}

/// The names of the namespaces in `flags`, for reports.
pub fn names(flags: libc::c_int) -> Vec<&'static str> {
    [
        (libc::CLONE_NEWUSER, "user"),
        (libc::CLONE_NEWIPC, "ipc"),
        (libc::CLONE_NEWNET, "network"),
        (libc::CLONE_NEWPID, "pid"),
    ]
    .into_iter()
    .filter(|(f, _)| flags & f != 0)
    .map(|(_, n)| n)
    .collect()
}

/// Tries `unshare(flags)` in a throwaway child.
fn try_unshare(flags: libc::c_int) -> std::io::Result<()> {
    // SAFETY: a raw fork-like clone; the child only calls unshare and _exit, which are async-signal-safe.
    let pid = unsafe { libc::syscall(libc::SYS_clone, libc::SIGCHLD as libc::c_ulong, 0usize, 0usize, 0usize, 0usize) };
    if pid < 0 {
        return Err(std::io::Error::last_os_error());
    }
    if pid == 0 {
        // SAFETY: in the child: plain system calls, then exit without running any destructor.
        unsafe {
            let rc = libc::unshare(flags);
            let errno = if rc == 0 { 0 } else { *libc::__errno_location() };
            libc::_exit(errno.min(255));
        }
    }
    let mut status = 0;
    // SAFETY: waiting for the child made above.
    while unsafe { libc::waitpid(pid as libc::pid_t, &mut status, 0) } < 0 {
        if std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted {
            return Err(std::io::Error::last_os_error());
        }
    }
    match (libc::WIFEXITED(status), libc::WEXITSTATUS(status)) {
        (true, 0) => Ok(()),
        (true, errno) => Err(std::io::Error::from_raw_os_error(errno)),
        _ => Err(std::io::Error::other("the probe child did not exit")),
    }
}

/// The contents of `/proc/self/{uid_map,gid_map}` that keep the run's ids as they are outside.
pub fn id_maps() -> (String, String) {
    // SAFETY: getuid and getgid cannot fail.
    let (uid, gid) = unsafe { (libc::getuid(), libc::getgid()) };
    (format!("{uid} {uid} 1\n"), format!("{gid} {gid} 1\n"))
}
