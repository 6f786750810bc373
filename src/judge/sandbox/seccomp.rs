//! The seccomp layer: an allow-list of the system calls CPython and the harness make, compiled once with
//! seccompiler in the parent and installed in the child just before it executes the interpreter.
//!
//! Anything not listed fails with EPERM, so the next unexpected family of system calls is denied by
//! default. Some calls are allowed only with particular arguments:
//! - `clone` only for threads, and never with namespace flags; `clone3` answers ENOSYS so that the C
//!   library falls back to `clone`, whose flags can be inspected;
//! - `execveat` only on the descriptor [`EXEC_FD`] with `AT_EMPTY_PATH`: that is how the child starts the
//!   interpreter. The descriptor is closed on exec and above `RLIMIT_NOFILE`, so the solution can never
//!   make one with that number: no program can be started after the interpreter;
//! - `prctl` only to name threads and to set no_new_privs (so not to clear the parent-death signal);
//! - `ioctl` only to ask whether a descriptor is a terminal, and to set (non-)blocking and close-on-exec;
//! - `fcntl` only for descriptor and status flags and duplication (no signal owners, no locks);
//! - `prlimit64` and `sched_getaffinity` only to read, and only about the process itself.
//!
//! Denied by omission, among others: every socket call, System V IPC, `kill`/`tgkill`/`tkill`,
//! scheduling and priority changes (`setpriority`, `sched_set*`, `ioprio_set`), file metadata changes
//! (chmod, chown, utime and xattr families), inotify and fanotify, `memfd_create`, `execve`, `fork`,
//! `ptrace`, namespaces, mounts, `io_uring`, keyrings, `bpf` and `perf_event_open`.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use seccompiler::{
    BpfProgram, SeccompAction, SeccompCmpArgLen as Len, SeccompCmpOp as Op, SeccompCondition as Cond, SeccompFilter,
    SeccompRule, TargetArch,
};

/// The descriptor the interpreter is executed from (see the module comment).
pub const EXEC_FD: i32 = 900;

pub fn target_arch() -> Option<TargetArch> {
    TargetArch::try_from(std::env::consts::ARCH).ok()
}

/// Whether the kernel has seccomp filtering.
pub fn available() -> bool {
    // SAFETY: PR_GET_SECCOMP takes no pointers.
    let rc = unsafe { libc::prctl(libc::PR_GET_SECCOMP, 0, 0, 0, 0) };
    rc >= 0 && target_arch().is_some()
}

fn cond(arg: u8, len: Len, op: Op, value: u64) -> Result<Cond, seccompiler::BackendError> {
    Cond::new(arg, len, op, value)
}

/// System calls allowed whatever their arguments.
const ALLOWED: &[libc::c_long] = &[
    // memory
    libc::SYS_brk,
    libc::SYS_mmap,
    libc::SYS_munmap,
    libc::SYS_mremap,
    libc::SYS_mprotect,
    libc::SYS_madvise,
    // descriptors the process already holds, and files Landlock lets it open (read-only)
    libc::SYS_read,
    libc::SYS_readv,
    libc::SYS_pread64,
    libc::SYS_write,
    libc::SYS_writev,
    libc::SYS_pwrite64,
    libc::SYS_lseek,
    libc::SYS_close,
    libc::SYS_close_range,
    libc::SYS_dup,
    libc::SYS_dup3,
    libc::SYS_pipe2,
    libc::SYS_openat,
    libc::SYS_newfstatat,
    libc::SYS_fstat,
    libc::SYS_statx,
    libc::SYS_faccessat,
    libc::SYS_faccessat2,
    libc::SYS_readlinkat,
    libc::SYS_getdents64,
    libc::SYS_getcwd,
    libc::SYS_ppoll,
    libc::SYS_pselect6,
    // threads, signals to itself through its own handlers, time
    libc::SYS_futex,
    libc::SYS_set_robust_list,
    libc::SYS_rseq,
    libc::SYS_set_tid_address,
    libc::SYS_sched_yield,
    libc::SYS_exit,
    libc::SYS_exit_group,
    libc::SYS_restart_syscall,
    libc::SYS_rt_sigaction,
    libc::SYS_rt_sigprocmask,
    libc::SYS_rt_sigreturn,
    libc::SYS_sigaltstack,
    libc::SYS_clock_gettime,
    libc::SYS_clock_getres,
    libc::SYS_clock_nanosleep,
    libc::SYS_nanosleep,
    libc::SYS_gettimeofday,
    // reading about itself
    libc::SYS_getpid,
    libc::SYS_gettid,
    libc::SYS_getppid,
    libc::SYS_getuid,
    libc::SYS_geteuid,
    libc::SYS_getgid,
    libc::SYS_getegid,
    libc::SYS_getresuid,
    libc::SYS_getresgid,
    libc::SYS_getgroups,
    libc::SYS_getpgid,
    libc::SYS_getsid,
    libc::SYS_uname,
    libc::SYS_sysinfo,
    libc::SYS_getrusage,
    libc::SYS_times,
    libc::SYS_getrandom,
    // more filters only restrict further (and the second filter below is installed through it)
    libc::SYS_seccomp,
    #[cfg(target_arch = "x86_64")]
    libc::SYS_arch_prctl,
    #[cfg(target_arch = "x86_64")]
    libc::SYS_dup2,
    #[cfg(target_arch = "x86_64")]
    libc::SYS_pipe,
    #[cfg(target_arch = "x86_64")]
    libc::SYS_stat,
    #[cfg(target_arch = "x86_64")]
    libc::SYS_lstat,
    #[cfg(target_arch = "x86_64")]
    libc::SYS_access,
    #[cfg(target_arch = "x86_64")]
    libc::SYS_readlink,
    #[cfg(target_arch = "x86_64")]
    libc::SYS_poll,
    #[cfg(target_arch = "x86_64")]
    libc::SYS_select,
    #[cfg(target_arch = "x86_64")]
    libc::SYS_time,
    #[cfg(target_arch = "x86_64")]
    libc::SYS_getpgrp,
    #[cfg(target_arch = "x86_64")]
    libc::SYS_getrlimit,
];

/// Namespace flags `clone` must never carry.
const NAMESPACE_FLAGS: u64 = (libc::CLONE_NEWNS
    | libc::CLONE_NEWUTS
    | libc::CLONE_NEWIPC
    | libc::CLONE_NEWUSER
    | libc::CLONE_NEWPID
    | libc::CLONE_NEWNET
    | libc::CLONE_NEWCGROUP) as u64;

/// The filters, in installation order; compiled once per process.
pub fn programs() -> Result<Vec<BpfProgram>, String> {
    static PROGRAMS: OnceLock<Result<Vec<BpfProgram>, String>> = OnceLock::new();
    PROGRAMS.get_or_init(|| compile().map_err(|e| format!("seccomp: {e}"))).clone()
}

fn compile() -> Result<Vec<BpfProgram>, seccompiler::BackendError> {
    let arch = target_arch().ok_or(seccompiler::BackendError::InvalidTargetArch(std::env::consts::ARCH.to_string()))?;
    let mut allow: BTreeMap<i64, Vec<SeccompRule>> = BTreeMap::new();
    for &nr in ALLOWED {
        allow.insert(nr, vec![]);
    }
    let one_of = |arg: u8, values: &[u64]| -> Result<Vec<SeccompRule>, seccompiler::BackendError> {
        values.iter().map(|&v| SeccompRule::new(vec![cond(arg, Len::Dword, Op::Eq, v)?])).collect()
    };
    // Threads only: CLONE_THREAD set, no namespace flags.
    allow.insert(
        libc::SYS_clone,
        vec![SeccompRule::new(vec![cond(
            0,
            Len::Qword,
            Op::MaskedEq(libc::CLONE_THREAD as u64 | NAMESPACE_FLAGS),
            libc::CLONE_THREAD as u64,
        )?])?],
    );
    allow.insert(
        libc::SYS_execveat,
        vec![SeccompRule::new(vec![
            cond(0, Len::Dword, Op::Eq, EXEC_FD as u64)?,
            cond(4, Len::Dword, Op::Eq, libc::AT_EMPTY_PATH as u64)?,
        ])?],
    );
    // Naming threads; and no_new_privs, which only restricts (seccompiler sets it before each filter).
    allow.insert(
        libc::SYS_prctl,
        one_of(0, &[libc::PR_SET_NAME as u64, libc::PR_GET_NAME as u64, libc::PR_SET_NO_NEW_PRIVS as u64])?,
    );
    // The request constants' type differs between targets (c_ulong, c_int).
    #[allow(clippy::unnecessary_cast)]
    allow.insert(
        libc::SYS_ioctl,
        one_of(
            1,
            &[
                libc::TCGETS as u64,
                libc::TIOCGWINSZ as u64,
                libc::FIONBIO as u64,
                libc::FIOCLEX as u64,
                libc::FIONCLEX as u64,
            ],
        )?,
    );
    allow.insert(
        libc::SYS_fcntl,
        one_of(
            1,
            &[
                libc::F_GETFD as u64,
                libc::F_SETFD as u64,
                libc::F_GETFL as u64,
                libc::F_SETFL as u64,
                libc::F_DUPFD as u64,
                libc::F_DUPFD_CLOEXEC as u64,
            ],
        )?,
    );
    // Reading its own limits only: pid 0, no new limit.
    allow.insert(
        libc::SYS_prlimit64,
        vec![SeccompRule::new(vec![cond(0, Len::Dword, Op::Eq, 0)?, cond(2, Len::Qword, Op::Eq, 0)?])?],
    );
    allow.insert(libc::SYS_sched_getaffinity, vec![SeccompRule::new(vec![cond(0, Len::Dword, Op::Eq, 0)?])?]);

    let allow_list = SeccompFilter::new(allow, SeccompAction::Errno(libc::EPERM as u32), SeccompAction::Allow, arch)?;
    // Installed last, so that its ENOSYS wins over the allow-list's EPERM for clone3.
    let mut nosys_rules = BTreeMap::new();
    nosys_rules.insert(libc::SYS_clone3, vec![]);
    let nosys = SeccompFilter::new(nosys_rules, SeccompAction::Allow, SeccompAction::Errno(libc::ENOSYS as u32), arch)?;
    Ok(vec![allow_list.try_into()?, nosys.try_into()?])
}
