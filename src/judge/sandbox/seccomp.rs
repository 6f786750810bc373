//! The seccomp layer: a deny-list compiled with seccompiler in the parent, installed in the child.
//!
//! Denied (EPERM): new processes (fork, vfork, clone without CLONE_THREAD), leaving the process group
//! (setsid, setpgid), non-unix sockets and connect/bind/listen/accept, signals to anything but the own
//! process group, ptrace and cross-process memory access, io_uring, namespaces, mounts, raising rlimits,
//! kernel keyrings, bpf, perf and module loading. clone3 answers ENOSYS so that libc falls back to clone,
//! where the flags can be inspected (threads keep working).

use std::collections::BTreeMap;

use seccompiler::{
    BpfProgram, SeccompAction, SeccompCmpArgLen as Len, SeccompCmpOp as Op, SeccompCondition as Cond, SeccompFilter,
    SeccompRule, TargetArch,
};

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

/// The filters, in installation order.
pub fn programs() -> Result<Vec<BpfProgram>, seccompiler::BackendError> {
    let arch = target_arch().ok_or(seccompiler::BackendError::InvalidTargetArch(std::env::consts::ARCH.to_string()))?;
    let mut deny: BTreeMap<i64, Vec<SeccompRule>> = BTreeMap::new();
    let always = [
        libc::SYS_setsid,
        libc::SYS_setpgid,
        libc::SYS_ptrace,
        libc::SYS_process_vm_readv,
        libc::SYS_process_vm_writev,
        libc::SYS_io_uring_setup,
        libc::SYS_io_uring_enter,
        libc::SYS_io_uring_register,
        libc::SYS_unshare,
        libc::SYS_setns,
        libc::SYS_mount,
        libc::SYS_umount2,
        libc::SYS_pivot_root,
        libc::SYS_chroot,
        libc::SYS_connect,
        libc::SYS_bind,
        libc::SYS_listen,
        libc::SYS_accept,
        libc::SYS_accept4,
        libc::SYS_tkill,
        libc::SYS_tgkill,
        libc::SYS_rt_sigqueueinfo,
        libc::SYS_rt_tgsigqueueinfo,
        libc::SYS_pidfd_open,
        libc::SYS_pidfd_send_signal,
        libc::SYS_pidfd_getfd,
        libc::SYS_setrlimit,
        libc::SYS_keyctl,
        libc::SYS_add_key,
        libc::SYS_request_key,
        libc::SYS_bpf,
        libc::SYS_perf_event_open,
        libc::SYS_userfaultfd,
        libc::SYS_init_module,
        libc::SYS_finit_module,
        libc::SYS_delete_module,
        libc::SYS_kexec_load,
        libc::SYS_reboot,
        libc::SYS_swapon,
        libc::SYS_swapoff,
        libc::SYS_sethostname,
        libc::SYS_setdomainname,
        libc::SYS_settimeofday,
        libc::SYS_clock_settime,
        libc::SYS_clock_adjtime,
        libc::SYS_adjtimex,
        libc::SYS_acct,
        libc::SYS_quotactl,
        libc::SYS_open_by_handle_at,
        libc::SYS_name_to_handle_at,
        libc::SYS_fanotify_init,
        libc::SYS_syslog,
        libc::SYS_mknodat,
        #[cfg(target_arch = "x86_64")]
        libc::SYS_fork,
        #[cfg(target_arch = "x86_64")]
        libc::SYS_vfork,
        #[cfg(target_arch = "x86_64")]
        libc::SYS_mknod,
        #[cfg(target_arch = "x86_64")]
        libc::SYS_iopl,
        #[cfg(target_arch = "x86_64")]
        libc::SYS_ioperm,
    ];
    for nr in always {
        deny.insert(nr, vec![]);
    }
    // clone: only threads.
    deny.insert(
        libc::SYS_clone,
        vec![SeccompRule::new(vec![cond(0, Len::Qword, Op::MaskedEq(libc::CLONE_THREAD as u64), 0)?])?],
    );
    // socket / socketpair: unix only.
    for nr in [libc::SYS_socket, libc::SYS_socketpair] {
        deny.insert(nr, vec![SeccompRule::new(vec![cond(0, Len::Dword, Op::Ne, libc::AF_UNIX as u64)?])?]);
    }
    // kill: only the own process group (pid 0); there are no other processes to signal.
    deny.insert(libc::SYS_kill, vec![SeccompRule::new(vec![cond(0, Len::Dword, Op::Ne, 0)?])?]);
    // prlimit64: reading is fine, setting is not.
    deny.insert(libc::SYS_prlimit64, vec![SeccompRule::new(vec![cond(2, Len::Qword, Op::Ne, 0)?])?]);

    let eperm = SeccompFilter::new(deny, SeccompAction::Allow, SeccompAction::Errno(libc::EPERM as u32), arch)?;
    let mut nosys_rules = BTreeMap::new();
    nosys_rules.insert(libc::SYS_clone3, vec![]);
    let nosys = SeccompFilter::new(nosys_rules, SeccompAction::Allow, SeccompAction::Errno(libc::ENOSYS as u32), arch)?;
    Ok(vec![eperm.try_into()?, nosys.try_into()?])
}
