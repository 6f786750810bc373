//! Embeds the problem bank (`problems/`) into the binary.
//!
//! Text files (`problem.toml`, `solution.py`, `tests.jsonl`, `gen.py`, `_gen/genlib.py`) are embedded as
//! they are: they are small and listing the bank reads them directly. Each `large.jsonl` (the tests at the
//! top of the constraints, most of the bank's bytes) is embedded DEFLATE-compressed and inflated only when a
//! problem's tests are loaded, which keeps the binary lean as the bank grows (see docs/PERFORMANCE.md).
//!
//! The generated `bank.rs` is a static table of folders; `src/problems/load.rs` reads it. Cargo re-runs
//! this script whenever anything under `problems/` changes, new folders included.

use std::fmt::Write as _;
use std::path::Path;

const TEXT_FILES: [&str; 4] = ["problem.toml", "solution.py", "tests.jsonl", "gen.py"];

fn main() {
    println!("cargo:rerun-if-changed=problems");
    // knowledge/ is embedded by include_dir in src/knowledge.rs; re-running this script when a note is
    // added recompiles the crate, so a new note is picked up without touching that file.
    println!("cargo:rerun-if-changed=knowledge");
    println!("cargo:rerun-if-changed=build.rs");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest).join("problems");
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .expect("problems/ is readable")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|name| !name.starts_with('.'))
        .collect();
    dirs.sort();

    let mut code = String::from("pub(crate) static BANK: &[BankDir] = &[\n");
    for name in &dirs {
        let dir = root.join(name);
        let _ = writeln!(code, "    BankDir {{\n        name: {name:?},\n        files: &[");
        let mut files: Vec<String> = TEXT_FILES.iter().map(|f| f.to_string()).collect();
        if name.starts_with('_') {
            // Shared generator helpers: every Python file in the folder.
            files = std::fs::read_dir(&dir)
                .expect("folder is readable")
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().to_string())
                .filter(|f| f.ends_with(".py"))
                .collect();
            files.sort();
        }
        for file in files {
            let path = dir.join(&file);
            if path.is_file() {
                let _ = writeln!(code, "            ({file:?}, include_str!({:?})),", path.display().to_string());
            }
        }
        code.push_str("        ],\n");
        let large = dir.join("large.jsonl");
        if large.is_file() {
            let raw = std::fs::read(&large).expect("large.jsonl is readable");
            let packed = miniz_oxide::deflate::compress_to_vec(&raw, 9);
            let target = Path::new(&out_dir).join(format!("{name}.large.deflate"));
            std::fs::write(&target, packed).expect("OUT_DIR is writable");
            let _ = writeln!(code, "        large: Some(include_bytes!({:?})),", target.display().to_string());
        } else {
            code.push_str("        large: None,\n");
        }
        code.push_str("    },\n");
    }
    code.push_str("];\n");
    std::fs::write(Path::new(&out_dir).join("bank.rs"), code).expect("OUT_DIR is writable");
}
