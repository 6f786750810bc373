//! Reading a learner's solution file, shared by the CLI (`codify run FILE`, `analyze FILE`, `hint --file`)
//! and the TUI (`:e FILE`). A leaf module: it names no other module of the crate.
//!
//! Invariant: nothing past [`MAX_SOLUTION_BYTES`] is read, even from a device or a pipe that claims a size
//! of 0, and every refusal says what is wrong with which file and how to fix it.

use std::path::Path;

/// Solutions larger than this are refused before anything runs.
pub const MAX_SOLUTION_BYTES: u64 = 1 << 20;

/// Why a solution file was refused; each message starts with the path.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{0}: no such file; pass the path of your .py solution")]
    NotFound(String),
    #[error("{0}: permission denied; make the file readable (chmod u+r)")]
    PermissionDenied(String),
    #[error("{0}: cannot read: {1}")]
    Io(String, std::io::Error),
    #[error("{0}: is a directory; pass the path of your .py solution")]
    Directory(String),
    #[error("{0}: is {1} bytes; solutions are limited to 1 MiB")]
    TooLarge(String, u64),
    #[error("{0}: is over 1 MiB; solutions are limited to 1 MiB")]
    Endless(String),
    #[error("{0}: looks binary (it contains NUL bytes); pass a Python source file")]
    Binary(String),
    #[error("{0}: is not UTF-8 text (invalid byte at offset {1}); save it as UTF-8")]
    NotUtf8(String, usize),
}

/// Reads a file of at most 1 MiB.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, ReadError> {
    let shown = || path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ReadError::NotFound(shown()),
        std::io::ErrorKind::PermissionDenied => ReadError::PermissionDenied(shown()),
        _ => ReadError::Io(shown(), e),
    })?;
    if meta.is_dir() {
        return Err(ReadError::Directory(shown()));
    }
    if meta.len() > MAX_SOLUTION_BYTES {
        return Err(ReadError::TooLarge(shown(), meta.len()));
    }
    // The size above is what the file system says; a device or a pipe (/dev/zero, a FIFO) says 0 and
    // never ends, so the read itself stops one byte past the limit.
    let mut bytes = Vec::new();
    let file = std::fs::File::open(path).map_err(|e| ReadError::Io(shown(), e))?;
    std::io::Read::read_to_end(&mut std::io::Read::take(file, MAX_SOLUTION_BYTES + 1), &mut bytes)
        .map_err(|e| ReadError::Io(shown(), e))?;
    if bytes.len() as u64 > MAX_SOLUTION_BYTES {
        return Err(ReadError::Endless(shown()));
    }
    Ok(bytes)
}

/// Reads a solution file, refusing what cannot be Python source.
pub fn read_solution(path: &Path) -> Result<String, ReadError> {
    let bytes = read_bytes(path)?;
    if bytes.contains(&0) {
        return Err(ReadError::Binary(path.display().to_string()));
    }
    String::from_utf8(bytes).map_err(|e| ReadError::NotUtf8(path.display().to_string(), e.utf8_error().valid_up_to()))
}
