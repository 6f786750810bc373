//! `codify export [FILE|-]` and `codify import FILE [--merge]`: the home's data as one JSON document
//! (the format and what is left out: docs/DATA.md; the work: `store::transfer`).
//!
//! An export to a file is written atomically (a private temporary file beside it, synced, then renamed), so
//! an interrupted export never leaves half a document where a good one was.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{Ctx, Failure};

#[derive(clap::Args, Debug)]
pub struct ExportCli {
    /// Where to write, e.g. `backup.json`; `-` or nothing: standard output.
    #[arg(value_name = "FILE|-")]
    pub file: Option<PathBuf>,
    /// The same as FILE, spelled as an option (`codify export --out backup.json`).
    #[arg(long, value_name = "FILE", conflicts_with = "file")]
    pub out: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
pub struct ImportCli {
    /// An export written by `codify export`, e.g. `backup.json`; `-`: standard input.
    #[arg(value_name = "FILE|-")]
    pub file: PathBuf,
    /// Add to a home that already has submissions; records already there are skipped (e.g. importing a
    /// laptop's export into the desktop's home).
    #[arg(long)]
    pub merge: bool,
}

impl From<crate::store::ImportError> for Failure {
    fn from(e: crate::store::ImportError) -> Failure {
        Failure(e.to_string())
    }
}

fn is_stdio(p: &Path) -> bool {
    p.as_os_str() == "-"
}

pub fn export(ctx: &Ctx, a: &ExportCli) -> Result<ExitCode, Failure> {
    let store = ctx.store()?;
    let doc = store.export(crate::clock::now_ms())?;
    let mut text = serde_json::to_string_pretty(&doc).map_err(|e| Failure(format!("cannot encode the export: {e}")))?;
    text.push('\n');
    match a.out.as_deref().or(a.file.as_deref()).filter(|f| !is_stdio(f)) {
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|()| out.flush())
                .map_err(|e| Failure(format!("cannot write the export to standard output: {e}")))?;
        }
        Some(file) => {
            write_atomically(file, text.as_bytes())
                .map_err(|e| Failure(format!("cannot write the export to {}: {e}", file.display())))?;
            let counts: Vec<String> =
                doc.counts().into_iter().filter(|c| c.1 > 0).map(|(t, n)| format!("{t} {n}")).collect();
            let counts = if counts.is_empty() { "nothing yet".to_string() } else { counts.join(", ") };
            println!("Exported to {}: {counts}.", file.display());
            println!("Left out: server tokens and API keys (log in again after an import), and caches.");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes `bytes` to a new private file beside `path`, syncs it and renames it over `path`.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().ok_or_else(|| std::io::Error::other("not a file name"))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(format!(".{}.tmp", std::process::id()));
    let tmp = dir.join(tmp_name);
    let result = (|| {
        let mut f = std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

pub fn import(ctx: &Ctx, a: &ImportCli) -> Result<ExitCode, Failure> {
    let shown = if is_stdio(&a.file) { "standard input".to_string() } else { a.file.display().to_string() };
    let mut text = String::new();
    let read = if is_stdio(&a.file) {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::File::open(&a.file).and_then(|mut f| f.read_to_string(&mut text)).map(|_| ())
    };
    read.map_err(|e| Failure(format!("cannot read {shown}: {e}")))?;
    let doc: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
        let reason = e.to_string();
        let reason = reason.split(" at line ").next().unwrap_or(&reason).to_string();
        Failure(format!(
            "{shown}:{}:{}: not valid JSON ({reason}); pass a file written by `codify export`",
            e.line(),
            e.column()
        ))
    })?;
    let store = ctx.store()?;
    let summary = store.import(&doc, a.merge).map_err(|e| Failure(format!("cannot import {shown}: {e}")))?;
    println!(
        "Imported {shown} into {}: added {}, skipped {} (records already in this home).",
        ctx.paths.db_file.display(),
        summary.added(),
        summary.skipped()
    );
    for (table, added, skipped) in summary.tables.iter().filter(|t| t.1 + t.2 > 0) {
        println!("  {table:<22} {added:>6} added  {skipped:>6} skipped");
    }
    Ok(ExitCode::SUCCESS)
}
