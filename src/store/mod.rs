//! Local storage in one SQLite file: numbered migrations (never edited once landed), WAL, foreign keys,
//! a busy timeout, parameters only. This is the only module that runs SQL.

mod coach;
mod community;
mod drafts;
mod learner;
mod submissions;

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

pub use coach::{register_vec, ChatMessage, ChatRole, NewChatMessage, NewEmbedding, TokenUsage, INDEX_DIMS};
pub use community::{Account, DeleteOutcome, LocalComment};
pub use learner::{valid_profile_name, InterviewRecord, PlanSource, StoredPlan, StoredProfile, TopicReadinessRow};
pub use submissions::{NewSubmission, Progress, StoredSubmission};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot create {path}: {source}")]
    CreateDir { path: PathBuf, source: std::io::Error },
    #[error(
        "cannot open the database {path}: {source}; check the file's permissions, or move it aside to start afresh"
    )]
    Open { path: PathBuf, source: rusqlite::Error },
    #[error("cannot update the database {path} to this version of Codify: {message}")]
    Migrate { path: PathBuf, message: String },
    #[error("database error: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("stored data is malformed: {0}")]
    Data(#[from] serde_json::Error),
}

pub(crate) fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(include_str!("migrations/0001_submissions.sql")),
        M::up(include_str!("migrations/0002_drafts.sql")),
        M::up(include_str!("migrations/0003_analysis.sql")),
        M::up(include_str!("migrations/0004_coach.sql")),
        M::up(include_str!("migrations/0005_community.sql")),
        M::up(include_str!("migrations/0006_learner.sql")),
        M::up(include_str!("migrations/0007_learner_fold.sql")),
        M::up(include_str!("migrations/0008_review_backfill.sql")),
    ])
}

pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating when missing) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir { path: dir.to_path_buf(), source })?;
        }
        let open_err = |source| StoreError::Open { path: path.to_path_buf(), source };
        let mut conn = Connection::open(path).map_err(open_err)?;
        conn.busy_timeout(std::time::Duration::from_secs(5)).map_err(open_err)?;
        conn.pragma_update(None, "journal_mode", "WAL").map_err(open_err)?;
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(open_err)?;
        conn.pragma_update(None, "foreign_keys", "ON").map_err(open_err)?;
        migrations()
            .to_latest(&mut conn)
            .map_err(|e| StoreError::Migrate { path: path.to_path_buf(), message: e.to_string() })?;
        let store = Store { conn };
        store.backfill_reviews_once()?;
        Ok(store)
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
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
}
