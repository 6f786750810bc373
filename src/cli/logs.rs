//! Where `tracing` events go: a daily log file under the home's `logs/` folder, and stderr when asked.
//!
//! Invariants:
//! - The file is `logs/codify-YYYY-MM-DD.log` (local date), opened for append with mode 0600 in a folder
//!   made 0700 (as the data folder); a new day opens a new file and only the newest [`KEEP_FILES`] stay.
//! - Logging never breaks the app and never writes to the terminal by itself: a folder or file that
//!   cannot be made or written drops the events silently (the fmt layers' internal error reports are off),
//!   and a failed open is not retried until the next day.
//! - The TUI owns the screen, so it never gets the stderr layer; the CLI gets it with `-v`, the server
//!   (`codify serve`) always, with only its access log, warnings and errors unless `-v` or `CODIFY_LOG`.
//! - Levels: Codify's own events from `info` (`-v`: `debug`, `-vv`: `trace`), other crates' from `warn`
//!   (`-vv`: `debug`); `CODIFY_LOG` (EnvFilter syntax, e.g. `codify=debug,hyper=info`) replaces that.
//! - What is logged never holds secrets: no API keys, tokens, prompts, solution code or request bodies.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use tracing_subscriber::filter::{EnvFilter, FilterFn};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::Layer;

/// Log files kept: the newest week.
pub const KEEP_FILES: usize = 7;

/// The environment variable whose EnvFilter directives replace the default levels.
pub const ENV: &str = "CODIFY_LOG";

/// Events of this target go to the file only: `main` prints the same failure on stderr itself.
pub const FAILURE_TARGET: &str = "codify::failure";

/// What `codify serve` shows on stderr by default: the access log, warnings and errors (one line for a
/// failure to start, as for any command); the file gets the usual levels.
pub const SERVER_STDERR: &str = "warn,codify::access=info";

/// Who is logging, which decides whether stderr gets the events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Front {
    /// The full-screen TUI: the file only, whatever `-v` says.
    Tui,
    /// A command: stderr too with `-v`.
    Cli,
    /// `codify serve`: stderr too, always.
    Server,
}

/// The default directives for a verbosity (`-v` count).
pub fn default_directives(verbose: u8) -> &'static str {
    match verbose {
        0 => "warn,codify=info",
        1 => "warn,codify=debug",
        _ => "debug,codify=trace",
    }
}

/// The filter: `CODIFY_LOG` when it is set and valid, else the default for `verbose`. A warning (to
/// print before anything else) when `CODIFY_LOG` cannot be read.
pub fn filter(verbose: u8, env: Option<&str>) -> (EnvFilter, Option<String>) {
    let default = || EnvFilter::new(default_directives(verbose));
    match env.map(str::trim).filter(|s| !s.is_empty()) {
        None => (default(), None),
        Some(directives) => match EnvFilter::try_new(directives) {
            Ok(f) => (f, None),
            Err(e) => (
                default(),
                Some(format!(
                    "{ENV}={directives:?} is not a log filter ({e}); using {:?}: write it like `codify=debug`",
                    default_directives(verbose)
                )),
            ),
        },
    }
}

/// Installs the global subscriber for this process. Returns a warning to show when `CODIFY_LOG` is bad;
/// calling it twice leaves the first subscriber in place.
pub fn init(log_dir: &Path, verbose: u8, front: Front) -> Option<String> {
    let env = std::env::var(ENV).ok();
    let (file_filter, warning) = filter(verbose, env.as_deref());
    let file = DailyFile::new(log_dir);
    let file_layer = tracing_subscriber::fmt::layer()
        .with_timer(LocalTime)
        .with_ansi(false)
        .log_internal_errors(false)
        .with_writer(move || file.writer())
        .with_filter(file_filter);
    let to_stderr = match front {
        Front::Tui => false,
        Front::Cli => verbose > 0,
        Front::Server => true,
    };
    let stderr_layer = to_stderr.then(|| {
        let (mut stderr_filter, _) = filter(verbose, env.as_deref());
        if front == Front::Server && verbose == 0 && env.as_deref().is_none_or(|e| e.trim().is_empty()) {
            stderr_filter = EnvFilter::new(SERVER_STDERR);
        }
        tracing_subscriber::fmt::layer()
            .with_timer(LocalTime)
            .with_ansi(false)
            .log_internal_errors(false)
            .with_writer(std::io::stderr)
            .with_filter(stderr_filter)
            .with_filter(FilterFn::new(|m| m.target() != FAILURE_TARGET))
    });
    let _ = tracing_subscriber::registry().with(file_layer).with(stderr_layer).try_init();
    warning
}

/// Local time with its offset, as the file names use the local date.
struct LocalTime;

impl tracing_subscriber::fmt::time::FormatTime for LocalTime {
    fn format_time(&self, w: &mut tracing_subscriber::fmt::format::Writer<'_>) -> std::fmt::Result {
        write!(w, "{}", chrono::Local::now().format("%Y-%m-%dT%H:%M:%S%.3f%:z"))
    }
}

/// The log file of a day.
pub fn file_name(day: NaiveDate) -> String {
    format!("codify-{}.log", day.format("%Y-%m-%d"))
}

/// Whether `name` is one of Codify's daily log files (the pruning touches nothing else).
fn is_log_file(name: &str) -> bool {
    name.strip_prefix("codify-")
        .and_then(|rest| rest.strip_suffix(".log"))
        .is_some_and(|date| NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok())
}

/// An append-only file per local day under one folder; cheap to clone.
#[derive(Clone)]
pub struct DailyFile {
    dir: PathBuf,
    current: Arc<Mutex<Option<Today>>>,
}

/// The day the open file (`None`: the failure to open one) belongs to.
type Today = (NaiveDate, Option<File>);

impl DailyFile {
    pub fn new(dir: &Path) -> DailyFile {
        DailyFile { dir: dir.to_path_buf(), current: Arc::new(Mutex::new(None)) }
    }

    /// A writer for one event.
    pub fn writer(&self) -> DailyWriter {
        DailyWriter(self.clone())
    }

    /// Appends `buf` to today's file, opening it (and pruning old ones) on the first write of a day.
    fn append(&self, buf: &[u8], today: NaiveDate) -> std::io::Result<()> {
        let mut current = self.current.lock().unwrap_or_else(|p| p.into_inner());
        if current.as_ref().map(|(day, _)| *day) != Some(today) {
            let opened = self.open(today);
            *current = Some((today, opened.ok()));
            if current.as_ref().is_some_and(|(_, f)| f.is_some()) {
                self.prune();
            }
        }
        match current.as_mut().and_then(|(_, f)| f.as_mut()) {
            Some(f) => f.write_all(buf),
            None => Err(std::io::Error::other("the log file could not be opened")),
        }
    }

    fn open(&self, day: NaiveDate) -> std::io::Result<File> {
        use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
        std::fs::DirBuilder::new().recursive(true).mode(0o700).create(&self.dir)?;
        std::fs::OpenOptions::new().create(true).append(true).mode(0o600).open(self.dir.join(file_name(day)))
    }

    /// Removes all but the newest [`KEEP_FILES`] log files (their names sort by date).
    fn prune(&self) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else { return };
        let mut names: Vec<String> =
            entries.filter_map(|e| e.ok()?.file_name().into_string().ok()).filter(|n| is_log_file(n)).collect();
        names.sort();
        let extra = names.len().saturating_sub(KEEP_FILES);
        for name in &names[..extra] {
            let _ = std::fs::remove_file(self.dir.join(name));
        }
    }

    #[cfg(test)]
    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Today>> {
        self.current.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// The writer the fmt layer gets per event: each event is formatted first and arrives in one write.
pub struct DailyWriter(DailyFile);

impl Write for DailyWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.append(buf, chrono::Local::now().date_naive())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    fn day(d: &str) -> NaiveDate {
        NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()
    }

    fn mode(p: &Path) -> u32 {
        std::fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn a_day_gets_its_own_private_file_in_a_private_folder() {
        let home = tempfile::tempdir().unwrap();
        let dir = home.path().join("logs");
        let f = DailyFile::new(&dir);
        f.append(b"one\n", day("2026-03-01")).unwrap();
        f.append(b"two\n", day("2026-03-01")).unwrap();
        f.append(b"three\n", day("2026-03-02")).unwrap();
        let first = dir.join("codify-2026-03-01.log");
        assert_eq!(std::fs::read_to_string(&first).unwrap(), "one\ntwo\n");
        assert_eq!(std::fs::read_to_string(dir.join("codify-2026-03-02.log")).unwrap(), "three\n");
        assert_eq!((mode(&dir), mode(&first)), (0o700, 0o600));
    }

    #[test]
    fn only_the_newest_week_is_kept_and_other_files_are_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        std::fs::write(dir.path().join("codify-old.log"), "not a date").unwrap();
        let f = DailyFile::new(dir.path());
        for d in 1..=9 {
            f.append(b"x\n", day(&format!("2026-03-{d:02}"))).unwrap();
        }
        let mut names: Vec<String> =
            std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        names.sort();
        let mut want: Vec<String> = (3..=9).map(|d| format!("codify-2026-03-{d:02}.log")).collect();
        want.extend(["codify-old.log".to_string(), "notes.txt".to_string()]);
        want.sort();
        assert_eq!(names, want);
    }

    #[test]
    fn a_folder_that_cannot_be_made_fails_the_write_and_is_not_retried_that_day() {
        let home = tempfile::tempdir().unwrap();
        let blocker = home.path().join("logs");
        std::fs::write(&blocker, "a file where the folder should be").unwrap();
        let f = DailyFile::new(&blocker);
        assert!(f.append(b"x\n", day("2026-03-01")).is_err());
        assert!(matches!(*f.lock(), Some((_, None))));
        assert!(f.writer().write(b"through the writer\n").is_err());
    }

    #[test]
    fn verbosity_raises_the_level_and_a_bad_codify_log_falls_back_with_a_warning() {
        assert_eq!(filter(0, None).0.to_string(), EnvFilter::new("warn,codify=info").to_string());
        assert_eq!(filter(1, None).0.to_string(), EnvFilter::new("warn,codify=debug").to_string());
        assert_eq!(filter(2, Some("")).0.to_string(), EnvFilter::new("debug,codify=trace").to_string());
        assert_eq!(filter(0, Some("codify=trace")).0.to_string(), "codify=trace");
        let (f, warning) = filter(0, Some("codify=loud"));
        assert_eq!(f.to_string(), EnvFilter::new("warn,codify=info").to_string());
        let warning = warning.unwrap();
        assert!(warning.starts_with("CODIFY_LOG=\"codify=loud\" is not a log filter"), "{warning}");
        assert!(!warning.contains('\n'));
    }
}
