//! Local storage in one SQLite file: numbered migrations (never edited once landed), WAL, foreign keys,
//! a busy timeout, parameters only. This is the only module that runs SQL.

mod coach;
mod community;
mod drafts;
mod groups;
mod learner;
mod milestones;
mod snapshot;
mod submissions;
mod transfer;

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

pub use coach::{register_vec, ChatMessage, ChatRole, NewChatMessage, NewEmbedding, TokenUsage, INDEX_DIMS};
pub use community::{Account, DeleteOutcome, LocalComment};
pub use groups::Share;
pub use learner::{valid_profile_name, InterviewRecord, PlanSource, StoredPlan, StoredProfile, TopicReadinessRow};
pub use submissions::{NewSubmission, Progress, Status, StoredSubmission};
pub use transfer::{Export, ImportError, ImportSummary, NOT_EXPORTED, TABLES};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot create {path}: {source}")]
    CreateDir { path: PathBuf, source: std::io::Error },
    #[error("cannot open the database {path}: {}", open_advice(source))]
    Open { path: PathBuf, source: rusqlite::Error },
    #[error("cannot update the database {path} to this version of Codify: {message}")]
    Migrate { path: PathBuf, message: String },
    #[error(
        "the database {path} was written by a newer version of Codify (schema {found}; this version knows up to \
         {known}): use that version, or move the file aside to start afresh"
    )]
    TooNew { path: PathBuf, found: usize, known: usize },
    #[error("database error: {}", sql_advice(.0))]
    Sql(#[from] rusqlite::Error),
    #[error("stored data is malformed: {0}")]
    Data(#[from] serde_json::Error),
    #[error("stored data is malformed at {0}")]
    Unreadable(String),
}

const MIGRATIONS: [&str; 12] = [
    include_str!("migrations/0001_submissions.sql"),
    include_str!("migrations/0002_drafts.sql"),
    include_str!("migrations/0003_analysis.sql"),
    include_str!("migrations/0004_coach.sql"),
    include_str!("migrations/0005_community.sql"),
    include_str!("migrations/0006_learner.sql"),
    include_str!("migrations/0007_learner_fold.sql"),
    include_str!("migrations/0008_review_backfill.sql"),
    include_str!("migrations/0009_dp_split.sql"),
    include_str!("migrations/0010_repeats.sql"),
    include_str!("migrations/0011_milestones.sql"),
    include_str!("migrations/0012_sharing.sql"),
];

pub(crate) fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql)).collect())
}

/// How the database says what went wrong, with what to do about it.
fn sql_advice(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode as C;
    match e.sqlite_error_code() {
        Some(C::DiskFull) => "the disk is full: free some space and try again".into(),
        Some(C::ReadOnly) => "the database is read-only: make the file and its folder writable".into(),
        Some(C::DatabaseBusy | C::DatabaseLocked) => {
            "another Codify process kept the database busy for too long: try again".into()
        }
        Some(C::DatabaseCorrupt) => "the database file is damaged: move it aside to start afresh".into(),
        _ => e.to_string(),
    }
}

fn open_advice(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode as C;
    match e.sqlite_error_code() {
        Some(C::CannotOpen | C::PermissionDenied) => {
            format!("{e}; check the permissions of the file and its folder")
        }
        Some(C::NotADatabase) => "it is not a Codify database (or it is damaged); move it aside to start afresh".into(),
        Some(C::DiskFull | C::ReadOnly | C::DatabaseBusy | C::DatabaseLocked | C::DatabaseCorrupt) => sql_advice(e),
        _ => format!("{e}; move it aside to start afresh if it keeps failing"),
    }
}

/// How long `open` waits for another Codify process that is creating or upgrading the same database.
const OPEN_WAIT: std::time::Duration = std::time::Duration::from_secs(30);

pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating when missing) the database at `path` and brings its schema up to date.
    ///
    /// Private by default: the folder is made 0700 and the database files 0600, also when an earlier
    /// version left them open to others. Processes that open the same database at once (twenty commands
    /// on a new home) take turns through a lock on the folder, so one creates and upgrades the schema and
    /// the others find it done.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let create_err = |source| StoreError::CreateDir { path: dir.to_path_buf(), source };
        std::os::unix::fs::DirBuilderExt::mode(std::fs::DirBuilder::new().recursive(true), 0o700)
            .create(dir)
            .map_err(create_err)?;
        let _turn = take_turn(dir).map_err(create_err)?;
        let open_err = |source| StoreError::Open { path: path.to_path_buf(), source };
        let mut conn = Connection::open(path).map_err(open_err)?;
        conn.busy_timeout(std::time::Duration::from_secs(5)).map_err(open_err)?;
        conn.pragma_update(None, "journal_mode", "WAL").map_err(open_err)?;
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(open_err)?;
        conn.pragma_update(None, "foreign_keys", "ON").map_err(open_err)?;
        keep_private(dir, path);
        let known = MIGRATIONS.len();
        let found: usize = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(open_err)?;
        if found > known {
            return Err(StoreError::TooNew { path: path.to_path_buf(), found, known });
        }
        migrations()
            .to_latest(&mut conn)
            .map_err(|e| StoreError::Migrate { path: path.to_path_buf(), message: e.to_string() })?;
        let store = Store { conn };
        // Repeats first: the review replay skips them.
        store.mark_repeats_once()?;
        store.backfill_reviews_once()?;
        Ok(store)
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// A write transaction that takes the write lock at once (`BEGIN IMMEDIATE`), so that it waits under
    /// the busy timeout for another writer instead of failing with "database is locked" when it first
    /// reads and then finds it cannot write.
    pub(crate) fn write_tx(&self) -> rusqlite::Result<rusqlite::Transaction<'_>> {
        rusqlite::Transaction::new_unchecked(&self.conn, rusqlite::TransactionBehavior::Immediate)
    }
}

/// Mode bits that let anyone but the owner in.
const OTHERS: u32 = 0o077;

/// Folders that are shared by design or belong to the user as a whole: never made private by Codify.
fn shared_folder(dir: &Path) -> bool {
    let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let home = std::env::var_os("HOME").map(PathBuf::from);
    ["/", "/tmp", "/var/tmp", "/dev/shm"].iter().any(|p| dir == Path::new(p)) || home.is_some_and(|h| h == dir)
}

/// Makes the folder 0700 and the database files 0600 where they let others in (best effort: a file that
/// is not ours is left alone, and so is a shared folder such as /tmp or the home folder itself). Returns
/// what was changed, for `codify doctor`.
pub fn keep_private(dir: &Path, db: &Path) -> Vec<(PathBuf, u32)> {
    use std::os::unix::fs::PermissionsExt;
    let mut fixed = Vec::new();
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    let mut shm = db.as_os_str().to_owned();
    shm.push("-shm");
    let items = [(dir.to_path_buf(), 0o700), (db.to_path_buf(), 0o600), (wal.into(), 0o600), (shm.into(), 0o600)];
    for (path, private) in items {
        if path == dir && shared_folder(dir) {
            continue;
        }
        let Ok(meta) = std::fs::metadata(&path) else { continue };
        let mode = meta.permissions().mode() & 0o777;
        if mode & OTHERS != 0 && std::fs::set_permissions(&path, std::fs::Permissions::from_mode(private)).is_ok() {
            fixed.push((path, mode));
        }
    }
    fixed
}

/// Waits for this process's turn to open the database in `dir`: an exclusive `flock` on the folder, held
/// until the returned file is dropped. (A lock on the folder, not the database file: closing another
/// descriptor of the database file would drop SQLite's own locks.)
fn take_turn(dir: &Path) -> std::io::Result<std::fs::File> {
    use std::os::fd::AsRawFd;
    let folder = std::fs::File::open(dir)?;
    let until = std::time::Instant::now() + OPEN_WAIT;
    loop {
        // SAFETY: flock on a descriptor this function owns.
        if unsafe { libc::flock(folder.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0 {
            return Ok(folder);
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::WouldBlock || std::time::Instant::now() >= until {
            return Err(e);
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

/// A store in a fresh temporary directory, for unit tests (keep the directory alive as long as the store).
#[cfg(test)]
pub(crate) fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("codify.db")).expect("open store");
    (dir, store)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations().validate().unwrap();
    }

    #[test]
    fn opening_twice_keeps_data_and_uses_wal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/codify.db");
        {
            let store = Store::open(&path).unwrap();
            let mode: String = store.conn().query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
            assert_eq!(mode, "wal");
        }
        assert!(Store::open(&path).is_ok());
    }

    #[test]
    fn a_file_that_is_not_a_database_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("codify.db");
        std::fs::write(&path, b"this is not sqlite, just some text that is long enough to be a header").unwrap();
        let e = Store::open(&path).err().expect("must fail").to_string();
        assert!(e.contains(&path.display().to_string()), "{e}");
    }

    fn mode(p: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn the_folder_and_the_database_are_private_and_made_so_again_on_open() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path().join("data");
        let path = home.join("codify.db");
        drop(Store::open(&path).unwrap());
        assert_eq!((mode(&home), mode(&path)), (0o700, 0o600));
        // As an earlier version left them:
        std::fs::set_permissions(&home, std::fs::Permissions::from_mode(0o755)).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let fixed = keep_private(&home, &path);
        assert_eq!(fixed, vec![(home.clone(), 0o755), (path.clone(), 0o644)]);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        drop(Store::open(&path).unwrap());
        assert_eq!((mode(&home), mode(&path)), (0o700, 0o600));
    }

    #[test]
    fn a_database_from_a_newer_version_says_so_in_plain_words() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("codify.db");
        drop(Store::open(&path).unwrap());
        Connection::open(&path).unwrap().pragma_update(None, "user_version", 99).unwrap();
        let e = Store::open(&path).err().expect("must fail").to_string();
        let known = MIGRATIONS.len();
        assert!(
            e.contains(&format!("written by a newer version of Codify (schema 99; this version knows up to {known})")),
            "{e}"
        );
        assert!(e.contains("move the file aside"), "{e}");
    }

    #[test]
    fn a_full_disk_is_named_as_such() {
        let e = rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_FULL), None);
        assert_eq!(StoreError::Sql(e).to_string(), "database error: the disk is full: free some space and try again");
    }
}
