//! The task limit of last resort: a pids cgroup per run where this process may make one (cgroup v1's pids
//! hierarchy, or cgroup v2 where the pids controller is enabled below this process's group), removed after
//! the run. Used only where neither `RLIMIT_NPROC` in a user namespace nor a PID namespace's own `pid_max`
//! is available (see `sandbox::TaskLimit`): moving a process into a group costs an RCU grace period.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

/// Where this process's pids cgroup lives, when it can have children: `(dir, is_v2)`.
fn base() -> Option<&'static PathBuf> {
    static BASE: OnceLock<Option<PathBuf>> = OnceLock::new();
    BASE.get_or_init(find_base).as_ref()
}

fn find_base() -> Option<PathBuf> {
    let cgroups = std::fs::read_to_string("/proc/self/cgroup").ok()?;
    let mountinfo = std::fs::read_to_string("/proc/self/mountinfo").ok()?;
    // cgroup v1: a hierarchy with the pids controller.
    if let Some(rel) = cgroups.lines().find_map(|l| {
        let mut parts = l.splitn(3, ':');
        let (_, controllers, path) = (parts.next()?, parts.next()?, parts.next()?);
        controllers.split(',').any(|c| c == "pids").then(|| path.to_string())
    }) {
        let mount = mountinfo.lines().find_map(|l| {
            let fields: Vec<&str> = l.split(' ').collect();
            let sep = fields.iter().position(|f| *f == "-")?;
            let (fstype, options) = (fields.get(sep + 1)?, fields.get(sep + 3)?);
            (*fstype == "cgroup" && options.split(',').any(|o| o == "pids")).then(|| PathBuf::from(fields[4]))
        })?;
        return usable(mount.join(rel.trim_start_matches('/')));
    }
    // cgroup v2: pids must be enabled for this group's children.
    let rel = cgroups.lines().find_map(|l| l.strip_prefix("0::"))?;
    let mount = mountinfo.lines().find_map(|l| {
        let fields: Vec<&str> = l.split(' ').collect();
        let sep = fields.iter().position(|f| *f == "-")?;
        (*fields.get(sep + 1)? == "cgroup2").then(|| PathBuf::from(fields[4]))
    })?;
    let dir = mount.join(rel.trim_start_matches('/'));
    let control = std::fs::read_to_string(dir.join("cgroup.subtree_control")).ok()?;
    control.split_whitespace().any(|c| c == "pids").then_some(())?;
    usable(dir)
}

/// `dir` when a child group can be made in it (tried once, then removed).
fn usable(dir: PathBuf) -> Option<PathBuf> {
    let probe = dir.join(format!("codify-probe-{}", std::process::id()));
    std::fs::create_dir(&probe).ok()?;
    let ok = std::fs::write(probe.join("pids.max"), "8").is_ok();
    let _ = std::fs::remove_dir(&probe);
    ok.then_some(dir)
}

/// Whether runs get a pids cgroup on this machine.
pub fn available() -> bool {
    base().is_some()
}

/// A run's own pids cgroup; removed on drop (once the run's processes are gone).
pub struct Group {
    dir: PathBuf,
}

impl Group {
    /// A new group allowing `max_tasks` tasks, or None where runs cannot have one.
    pub fn new(max_tasks: u32) -> Option<Group> {
        static SEQ: AtomicU64 = AtomicU64::new(0);
        let base = base()?;
        clear_stale(base);
        let dir = base.join(format!("codify-{}-{}", std::process::id(), SEQ.fetch_add(1, Ordering::Relaxed)));
        std::fs::create_dir(&dir).ok()?;
        let group = Group { dir };
        std::fs::write(group.dir.join("pids.max"), max_tasks.to_string()).ok()?;
        Some(group)
    }

    /// Moves process `pid` (all its threads) into the group. The kernel waits for an RCU grace period
    /// to move a process between groups (5-20 ms measured), so the judge does this on a thread of its own
    /// while the interpreter starts, and sends the solution only once it is done.
    pub fn join(&self, pid: libc::pid_t) -> std::io::Result<()> {
        std::fs::write(self.dir.join("cgroup.procs"), pid.to_string())
    }
}

impl Drop for Group {
    fn drop(&mut self) {
        // The processes were killed and reaped before; a task can take a moment to leave the group.
        for _ in 0..50 {
            if std::fs::remove_dir(&self.dir).is_ok() || !self.dir.exists() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
    }
}

/// Removes groups left by codify processes that no longer exist (killed before they could clean up).
fn clear_stale(base: &Path) {
    static DONE: OnceLock<()> = OnceLock::new();
    DONE.get_or_init(|| {
        let Ok(entries) = std::fs::read_dir(base) else { return };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let Some(pid) = name.strip_prefix("codify-").and_then(|r| r.split('-').next()?.parse::<u32>().ok()) else {
                continue;
            };
            if !Path::new(&format!("/proc/{pid}")).exists() {
                let _ = std::fs::remove_dir(e.path());
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_caps_what_joins_it_and_is_removed_after() {
        let Some(group) = Group::new(8) else {
            // Only where this process may make pids cgroups (root with cgroup v1, or a delegated v2 tree).
            assert!(!available(), "groups are available, yet none could be made");
            return;
        };
        let dir = group.dir.clone();
        assert_eq!(std::fs::read_to_string(dir.join("pids.max")).unwrap().trim(), "8");
        let mut child = std::process::Command::new("sleep").arg("5").spawn().unwrap();
        group.join(child.id() as libc::pid_t).unwrap();
        assert_eq!(std::fs::read_to_string(dir.join("pids.current")).unwrap().trim(), "1");
        child.kill().unwrap();
        child.wait().unwrap();
        drop(group);
        assert!(!dir.exists(), "the group is removed once its processes are gone");
    }
}
