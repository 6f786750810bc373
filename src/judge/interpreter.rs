//! Finding the real Python interpreter once.
//!
//! `python3` on PATH is often a shim (pyenv, asdf) that costs ~70 ms per start. The first run asks the
//! interpreter for `sys.executable`, its version and the paths it loads from, and caches the answer under
//! the cache directory, keyed by the command's resolved path and modification time. Later runs start the
//! real binary directly.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

#[derive(Debug, thiserror::Error)]
pub enum InterpreterError {
    #[error(
        "no `{0}` on PATH: install Python 3.8 or newer, or set `python` in the config (or CODIFY_PYTHON) to its path"
    )]
    NotFound(String),
    #[error("`{command}` did not run as Python ({detail}); set `python` in the config (or CODIFY_PYTHON) to a Python 3 interpreter")]
    Broken { command: String, detail: String },
    #[error("`{command}` is Python {version}; Codify needs Python 3.8 or newer")]
    TooOld { command: String, version: String },
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Interpreter {
    /// The real binary (symlinks resolved).
    pub executable: PathBuf,
    pub version: [u32; 3],
    /// Where the interpreter reads its standard library and shared libraries from.
    pub read_paths: Vec<PathBuf>,
}

impl Interpreter {
    pub fn version_string(&self) -> String {
        format!("{}.{}.{}", self.version[0], self.version[1], self.version[2])
    }

    /// Flags for running untrusted code: no site-packages, no bytecode files, no script dir on sys.path.
    pub fn flags(&self) -> Vec<&'static str> {
        // -P exists from 3.11; the harness removes sys.path[0] itself on older versions.
        if self.version[1] >= 11 {
            vec!["-S", "-P", "-B"]
        } else {
            vec!["-S", "-B"]
        }
    }
}

/// The harness compiled to bytecode by this interpreter (`marshal` format), cached beside the interpreter
/// record so that a run skips compiling it (~5 ms). Keyed by the interpreter and the source's hash.
pub fn compiled(interpreter: &Interpreter, cache_dir: &Path, name: &str, source: &str) -> Option<Vec<u8>> {
    let key = format!("{}|{}|{}", interpreter.executable.display(), interpreter.version_string(), source);
    let file = cache_dir.join(format!("{name}-{:016x}.marshal", fnv1a(key.as_bytes())));
    if let Ok(bytes) = std::fs::read(&file) {
        return Some(bytes);
    }
    let compile = format!("import marshal, sys\nsys.stdout.buffer.write(marshal.dumps(compile(sys.stdin.buffer.read().decode('utf-8'), '{name}.py', 'exec')))");
    let mut child = std::process::Command::new(&interpreter.executable)
        .args(["-S", "-B", "-c", &compile])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .ok()?;
    {
        use std::io::Write;
        let mut stdin = child.stdin.take()?;
        stdin.write_all(source.as_bytes()).ok()?;
    }
    let out = child.wait_with_output().ok()?;
    if !out.status.success() || out.stdout.is_empty() {
        return None;
    }
    std::fs::create_dir_all(cache_dir).ok()?;
    let tmp = file.with_extension("tmp");
    std::fs::write(&tmp, &out.stdout).ok()?;
    std::fs::rename(&tmp, &file).ok()?;
    Some(out.stdout)
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

#[derive(Serialize, Deserialize)]
struct CacheEntry {
    command: String,
    resolved: PathBuf,
    mtime_ns: u128,
    interpreter: Interpreter,
}

const PROBE: &str = r#"
import json, os, sys
paths = {os.path.dirname(os.__file__)}
paths.update(p for p in sys.path if p.endswith("lib-dynload"))
for base in {sys.base_prefix, sys.base_exec_prefix}:
    for lib in ("lib", "lib64"):
        d = os.path.join(base, lib)
        if os.path.isdir(d):
            paths.add(d)
exe = os.path.realpath(sys.executable)
paths.add(exe)
print(json.dumps({"executable": exe, "version": list(sys.version_info[:3]), "read_paths": sorted(paths)}))
"#;

/// Resolves `command` (a name on PATH or a path) to the real interpreter, using the cache when valid.
pub fn resolve(command: &str, cache_dir: &Path) -> Result<Interpreter, InterpreterError> {
    let resolved = which(command).ok_or_else(|| InterpreterError::NotFound(command.to_string()))?;
    let mtime_ns = std::fs::metadata(&resolved)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let cache_file = cache_dir.join("interpreter.json");
    if let Some(entry) = std::fs::read(&cache_file).ok().and_then(|b| serde_json::from_slice::<CacheEntry>(&b).ok()) {
        if entry.command == command
            && entry.resolved == resolved
            && entry.mtime_ns == mtime_ns
            && entry.interpreter.executable.exists()
        {
            return Ok(entry.interpreter);
        }
    }
    let interpreter = probe(command, &resolved)?;
    let entry = CacheEntry { command: command.to_string(), resolved, mtime_ns, interpreter: interpreter.clone() };
    // The cache is an optimisation: failing to write it only costs the probe next time.
    if std::fs::create_dir_all(cache_dir).is_ok() {
        if let Ok(bytes) = serde_json::to_vec_pretty(&entry) {
            let tmp = cache_file.with_extension("json.tmp");
            if std::fs::write(&tmp, bytes).is_ok() {
                let _ = std::fs::rename(&tmp, &cache_file);
            }
        }
    }
    Ok(interpreter)
}

fn probe(command: &str, resolved: &Path) -> Result<Interpreter, InterpreterError> {
    let broken = |detail: String| InterpreterError::Broken { command: command.to_string(), detail };
    let out = std::process::Command::new(resolved)
        .args(["-S", "-c", PROBE])
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|e| broken(e.to_string()))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(broken(err.lines().last().unwrap_or("no output").to_string()));
    }
    let interp: Interpreter =
        serde_json::from_slice(&out.stdout).map_err(|e| broken(format!("unexpected probe output: {e}")))?;
    if interp.version[0] != 3 || interp.version[1] < 8 {
        return Err(InterpreterError::TooOld { command: command.to_string(), version: interp.version_string() });
    }
    Ok(interp)
}

/// `command` itself when it contains a slash, else the first executable match on PATH.
fn which(command: &str) -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let is_exec =
        |p: &Path| std::fs::metadata(p).map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0).unwrap_or(false);
    if command.contains('/') {
        let p = PathBuf::from(command);
        return is_exec(&p).then_some(p);
    }
    std::env::split_paths(&std::env::var_os("PATH")?).map(|d| d.join(command)).find(|p| is_exec(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_real_python_and_caches_it() {
        let dir = tempfile::tempdir().unwrap();
        let a = resolve("python3", dir.path()).unwrap();
        assert!(a.executable.is_absolute());
        assert_eq!(a.version[0], 3);
        assert!(a.read_paths.iter().any(|p| p == &a.executable));
        assert!(dir.path().join("interpreter.json").exists());
        let b = resolve("python3", dir.path()).unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn missing_interpreter_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let e = resolve("no-such-python-xyz", dir.path()).unwrap_err();
        assert!(e.to_string().starts_with("no `no-such-python-xyz` on PATH"), "{e}");
        let e = resolve("/bin/false", dir.path()).unwrap_err();
        assert!(e.to_string().contains("did not run as Python"), "{e}");
    }
}
