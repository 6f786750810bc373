//! Drafts (per-problem editor contents, autosaved) and small UI state such as the last problem opened.

use crate::clock::now_ms;
use rusqlite::{params, OptionalExtension};

use super::{Store, StoreError};

impl Store {
    /// Saves (or replaces) the draft for `problem`.
    pub fn save_draft(&self, problem: &str, code: &str) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO drafts (problem, code, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (problem) DO UPDATE SET code = excluded.code, updated_at = excluded.updated_at",
            params![problem, code, now_ms()],
        )?;
        Ok(())
    }

    pub fn draft(&self, problem: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT code FROM drafts WHERE problem = ?1", params![problem], |r| r.get(0))
            .optional()?)
    }

    pub fn delete_draft(&self, problem: &str) -> Result<(), StoreError> {
        self.conn.execute("DELETE FROM drafts WHERE problem = ?1", params![problem])?;
        Ok(())
    }

    /// Hints the learner has seen for `problem` (recorded by the TUI and the tutor).
    pub fn hints_used(&self, problem: &str) -> Result<u32, StoreError> {
        Ok(self.state(&format!("hints_used:{problem}"))?.and_then(|v| v.parse().ok()).unwrap_or(0))
    }

    pub fn set_hints_used(&self, problem: &str, n: u32) -> Result<(), StoreError> {
        self.set_state(&format!("hints_used:{problem}"), &n.to_string())
    }

    pub fn set_state(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO ui_state (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    pub fn state(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.conn.query_row("SELECT value FROM ui_state WHERE key = ?1", params![key], |r| r.get(0)).optional()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_survive_reopening_and_replace_older_ones() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("codify.db");
        {
            let s = Store::open(&path).unwrap();
            s.save_draft("two-sum", "v1").unwrap();
            s.save_draft("two-sum", "v2").unwrap();
            s.set_state("last_problem", "two-sum").unwrap();
        }
        let s = Store::open(&path).unwrap();
        assert_eq!(s.draft("two-sum").unwrap().as_deref(), Some("v2"));
        assert_eq!(s.draft("3sum").unwrap(), None);
        assert_eq!(s.state("last_problem").unwrap().as_deref(), Some("two-sum"));
        s.delete_draft("two-sum").unwrap();
        assert_eq!(s.draft("two-sum").unwrap(), None);
    }
}
