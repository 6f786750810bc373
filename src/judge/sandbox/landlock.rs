//! Landlock, through its three system calls.
//!
//! The ruleset is built in the parent (opening paths allocates); the child, between fork and exec, only
//! calls `landlock_restrict_self` on the ready descriptor, which is async-signal-safe. Hand-written rather
//! than through the `landlock` crate so that this split is explicit and the enforced features per ABI
//! version are reported exactly.

use std::ffi::CString;
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::sync::OnceLock;

const CREATE_RULESET_VERSION: u32 = 1;
const RULE_PATH_BENEATH: u32 = 1;

pub const FS_EXECUTE: u64 = 1 << 0;
pub const FS_WRITE_FILE: u64 = 1 << 1;
pub const FS_READ_FILE: u64 = 1 << 2;
pub const FS_READ_DIR: u64 = 1 << 3;
const FS_ABI1_ALL: u64 = (1 << 13) - 1;
const FS_REFER: u64 = 1 << 13;
const FS_TRUNCATE: u64 = 1 << 14;
const FS_IOCTL_DEV: u64 = 1 << 15;
const NET_BIND_TCP: u64 = 1 << 0;
const NET_CONNECT_TCP: u64 = 1 << 1;
const SCOPE_ABSTRACT_UNIX_SOCKET: u64 = 1 << 0;
const SCOPE_SIGNAL: u64 = 1 << 1;

#[repr(C)]
struct RulesetAttr {
    handled_access_fs: u64,
    handled_access_net: u64,
    scoped: u64,
}

#[repr(C, packed)]
struct PathBeneathAttr {
    allowed_access: u64,
    parent_fd: i32,
}

/// The kernel's Landlock ABI version, or None when Landlock is not available.
pub fn abi() -> Option<u32> {
    static ABI: OnceLock<Option<u32>> = OnceLock::new();
    *ABI.get_or_init(|| {
        // SAFETY: querying the version takes a null attribute pointer and size 0, as documented.
        let v = unsafe {
            libc::syscall(
                libc::SYS_landlock_create_ruleset,
                std::ptr::null::<RulesetAttr>(),
                0usize,
                CREATE_RULESET_VERSION,
            )
        };
        (v > 0).then_some(v as u32)
    })
}

/// What a ruleset of this ABI enforces, for `codify doctor`.
pub fn describe(abi: u32) -> String {
    let mut parts = vec!["filesystem"];
    if abi >= 4 {
        parts.push("tcp bind/connect");
    }
    if abi >= 6 {
        parts.push("signals");
        parts.push("abstract unix sockets");
    }
    format!("ABI {abi}: {}", parts.join(", "))
}

/// A ruleset ready to be enforced in a child process.
pub struct Ruleset {
    fd: OwnedFd,
}

/// A path and what may be done beneath it.
pub struct Grant<'a> {
    pub path: &'a Path,
    pub access: u64,
}

impl Ruleset {
    /// Everything is denied except `grants`; missing paths are skipped.
    pub fn build(abi: u32, grants: &[Grant<'_>]) -> io::Result<Ruleset> {
        let mut fs = FS_ABI1_ALL;
        if abi >= 2 {
            fs |= FS_REFER;
        }
        if abi >= 3 {
            fs |= FS_TRUNCATE;
        }
        if abi >= 5 {
            fs |= FS_IOCTL_DEV;
        }
        let attr = RulesetAttr {
            handled_access_fs: fs,
            handled_access_net: if abi >= 4 { NET_BIND_TCP | NET_CONNECT_TCP } else { 0 },
            scoped: if abi >= 6 { SCOPE_ABSTRACT_UNIX_SOCKET | SCOPE_SIGNAL } else { 0 },
        };
        let size = match abi {
            1..=3 => 8usize,
            4 | 5 => 16,
            _ => std::mem::size_of::<RulesetAttr>(),
        };
        // SAFETY: attr is a valid, initialised struct of at least `size` bytes.
        let fd = unsafe { libc::syscall(libc::SYS_landlock_create_ruleset, &attr as *const RulesetAttr, size, 0u32) };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: the syscall returned a new descriptor that nothing else owns.
        let ruleset = Ruleset { fd: unsafe { OwnedFd::from_raw_fd(fd as RawFd) } };
        for grant in grants {
            let Ok(c) = CString::new(grant.path.as_os_str().as_bytes()) else {
                continue;
            };
            // SAFETY: c is a valid NUL-terminated path.
            let pfd = unsafe { libc::open(c.as_ptr(), libc::O_PATH | libc::O_CLOEXEC) };
            if pfd < 0 {
                continue;
            }
            // SAFETY: pfd was just opened and is owned here.
            let pfd = unsafe { OwnedFd::from_raw_fd(pfd) };
            let is_dir = std::fs::metadata(grant.path).map(|m| m.is_dir()).unwrap_or(false);
            let mut access = grant.access & fs;
            if !is_dir {
                access &= FS_EXECUTE | FS_READ_FILE | FS_WRITE_FILE | FS_TRUNCATE | FS_IOCTL_DEV;
            }
            let rule = PathBeneathAttr { allowed_access: access, parent_fd: pfd.as_raw_fd() };
            // SAFETY: rule is a valid packed path_beneath attribute for a live descriptor.
            let rc = unsafe {
                libc::syscall(
                    libc::SYS_landlock_add_rule,
                    ruleset.fd.as_raw_fd(),
                    RULE_PATH_BENEATH,
                    &rule as *const PathBeneathAttr,
                    0u32,
                )
            };
            if rc != 0 {
                return Err(io::Error::last_os_error());
            }
        }
        Ok(ruleset)
    }

    /// Enforces the ruleset on the calling thread. Async-signal-safe: call it between fork and exec.
    /// `no_new_privs` must already be set.
    pub fn restrict_self(&self) -> io::Result<()> {
        // SAFETY: plain syscall on a descriptor we own.
        let rc = unsafe { libc::syscall(libc::SYS_landlock_restrict_self, self.fd.as_raw_fd(), 0u32) };
        if rc != 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }
}
