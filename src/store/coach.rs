//! The coach aggregate (migration 0004): chat history per problem, tokens spent per day, the response
//! cache, solutions shown, and embeddings searched with sqlite-vec.
//!
//! Vectors are kept twice: exactly, as f32 blobs in `coach_embeddings` (migration 0004), and as a binary
//! quantised index in the sqlite-vec virtual table `coach_vec` (one bit per dimension, for vectors of
//! [`INDEX_DIMS`]). A search asks the index for the nearest candidates by Hamming distance, then ranks
//! them exactly by cosine distance (sqlite-vec's `vec_distance_cosine`): for corpora smaller than the
//! candidate count that is exact, and at 50,000 vectors it keeps top-10 searches in a few milliseconds
//! where an exact scan takes tens. Vectors of other lengths are ranked by an exact scan.
//!
//! sqlite-vec is compiled into the binary and registered on the connection the first time the coach needs
//! it ([`register_vec`], the one `unsafe` block). Because the index is derived data, it is created (and
//! filled from `coach_embeddings`) on first use rather than by a migration: the database opens and
//! migrates the same whether or not the extension is registered, and the index can always be rebuilt.

use crate::clock::now_ms;
use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension};

use super::{Store, StoreError};

/// Who wrote a chat message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChatRole {
    Learner,
    Tutor,
}

impl ChatRole {
    pub fn as_str(self) -> &'static str {
        match self {
            ChatRole::Learner => "learner",
            ChatRole::Tutor => "tutor",
        }
    }
}

/// One stored chat message.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ChatMessage {
    pub id: i64,
    pub problem: String,
    pub role: ChatRole,
    pub text: String,
    /// Tutor messages: `llm` or `offline`.
    pub source: Option<String>,
    pub offline_reason: Option<String>,
    pub model: Option<String>,
    pub hint_number: Option<u32>,
    /// Unix time in milliseconds.
    pub created_at: i64,
}

/// A message to store; `id` and `created_at` are assigned.
#[derive(Debug, Clone, Default)]
pub struct NewChatMessage<'a> {
    pub problem: &'a str,
    pub tutor: bool,
    pub text: &'a str,
    pub source: Option<&'a str>,
    pub offline_reason: Option<&'a str>,
    pub model: Option<&'a str>,
    pub hint_number: Option<u32>,
}

/// Tokens spent on one day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct TokenUsage {
    pub prompt_tokens: u64,
    pub completion_tokens: u64,
    pub requests: u64,
}

impl TokenUsage {
    pub fn total(&self) -> u64 {
        self.prompt_tokens + self.completion_tokens
    }
}

/// One vector to store for an embedder.
#[derive(Debug, Clone)]
pub struct NewEmbedding<'a> {
    pub kind: &'a str,
    pub reference: &'a str,
    pub text_hash: &'a str,
    pub vector: &'a [f32],
}

/// Registers sqlite-vec's functions (`vec_distance_cosine`, `vec_f32`, the `vec0` module, ...) on `conn`.
pub fn register_vec(conn: &Connection) -> Result<(), StoreError> {
    type Init = unsafe extern "C" fn(
        *mut rusqlite::ffi::sqlite3,
        *mut *mut std::os::raw::c_char,
        *const rusqlite::ffi::sqlite3_api_routines,
    ) -> std::os::raw::c_int;
    // SAFETY: `sqlite3_vec_init` is the extension's entry point, declared by the sqlite-vec crate without
    // its parameters; its C signature is exactly `Init` (sqlite3*, char**, const sqlite3_api_routines*).
    // It is compiled with SQLITE_CORE, so it calls the SQLite that rusqlite links (the bundled one) directly
    // and ignores the API-routines pointer, which may therefore be null. The handle is valid for as long as
    // `conn` is borrowed, and registering functions on it is what rusqlite itself does through the same API.
    let rc = unsafe {
        let init: Init = std::mem::transmute::<unsafe extern "C" fn(), Init>(sqlite_vec::sqlite3_vec_init);
        init(conn.handle(), std::ptr::null_mut(), std::ptr::null())
    };
    if rc == rusqlite::ffi::SQLITE_OK {
        Ok(())
    } else {
        Err(StoreError::Sql(rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(rc), None)))
    }
}

/// Vectors of this length go into the binary index `coach_vec`.
pub const INDEX_DIMS: usize = 256;
/// Candidates the binary index hands to exact ranking, per result asked for (at least [`MIN_CANDIDATES`]).
const OVERSAMPLE: usize = 5;
const MIN_CANDIDATES: usize = 100;

// Constant DDL for the derived index (the dimension must be a literal: it is part of the table's type).
const CREATE_INDEX: &str = "CREATE VIRTUAL TABLE coach_vec USING vec0(
    embedder TEXT PARTITION KEY, kind TEXT PARTITION KEY, code bit[256])";
const FILL_INDEX: &str = "INSERT INTO coach_vec (rowid, embedder, kind, code)
    SELECT id, embedder, kind, vec_quantize_binary(vector) FROM coach_embeddings WHERE dims = 256";

fn f32_blob(v: &[f32]) -> Vec<u8> {
    v.iter().flat_map(|x| x.to_le_bytes()).collect()
}

impl Store {
    pub fn add_chat_message(&self, m: &NewChatMessage<'_>) -> Result<i64, StoreError> {
        let role = if m.tutor { ChatRole::Tutor } else { ChatRole::Learner };
        self.conn().execute(
            "INSERT INTO coach_messages (problem, role, text, source, offline_reason, model, hint_number, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![m.problem, role.as_str(), m.text, m.source, m.offline_reason, m.model, m.hint_number, now_ms()],
        )?;
        Ok(self.conn().last_insert_rowid())
    }

    /// The last `limit` messages about `problem`, oldest first.
    pub fn chat_history(&self, problem: &str, limit: usize) -> Result<Vec<ChatMessage>, StoreError> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, problem, role, text, source, offline_reason, model, hint_number, created_at FROM
               (SELECT * FROM coach_messages WHERE problem = ?1 ORDER BY id DESC LIMIT ?2)
             ORDER BY id",
        )?;
        let rows = stmt.query_map(params![problem, limit as i64], |r| {
            let role: String = r.get(2)?;
            Ok(ChatMessage {
                id: r.get(0)?,
                problem: r.get(1)?,
                role: if role == "tutor" { ChatRole::Tutor } else { ChatRole::Learner },
                text: r.get(3)?,
                source: r.get(4)?,
                offline_reason: r.get(5)?,
                model: r.get(6)?,
                hint_number: r.get(7)?,
                created_at: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    pub fn clear_chat(&self, problem: &str) -> Result<(), StoreError> {
        self.conn().execute("DELETE FROM coach_messages WHERE problem = ?1", params![problem])?;
        Ok(())
    }

    /// Adds one request's tokens to the local calendar day of `at_ms`.
    pub fn record_usage(&self, at_ms: i64, prompt_tokens: u64, completion_tokens: u64) -> Result<(), StoreError> {
        self.conn().execute(
            "INSERT INTO coach_usage (day, prompt_tokens, completion_tokens, requests)
             VALUES (date(?1 / 1000, 'unixepoch', 'localtime'), ?2, ?3, 1)
             ON CONFLICT (day) DO UPDATE SET prompt_tokens = prompt_tokens + excluded.prompt_tokens,
                 completion_tokens = completion_tokens + excluded.completion_tokens, requests = requests + 1",
            params![at_ms, prompt_tokens as i64, completion_tokens as i64],
        )?;
        Ok(())
    }

    /// Tokens spent on the local calendar day of `at_ms`.
    pub fn usage_on(&self, at_ms: i64) -> Result<TokenUsage, StoreError> {
        let row = self
            .conn()
            .query_row(
                "SELECT prompt_tokens, completion_tokens, requests FROM coach_usage
                 WHERE day = date(?1 / 1000, 'unixepoch', 'localtime')",
                params![at_ms],
                |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, r.get::<_, i64>(2)?)),
            )
            .optional()?;
        Ok(row
            .map(|(p, c, n)| TokenUsage {
                prompt_tokens: p.max(0) as u64,
                completion_tokens: c.max(0) as u64,
                requests: n.max(0) as u64,
            })
            .unwrap_or_default())
    }

    /// A cached reply for `key` no older than `max_age_ms`.
    pub fn cached_reply(&self, key: &str, now: i64, max_age_ms: i64) -> Result<Option<(String, String)>, StoreError> {
        Ok(self
            .conn()
            .query_row(
                "SELECT model, reply FROM coach_cache WHERE key = ?1 AND created_at >= ?2",
                params![key, now - max_age_ms],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// Stores a reply and drops entries older than `max_age_ms`, in one transaction.
    pub fn cache_reply(
        &self,
        key: &str,
        model: &str,
        reply: &str,
        now: i64,
        max_age_ms: i64,
    ) -> Result<(), StoreError> {
        let tx = self.write_tx()?;
        tx.execute("DELETE FROM coach_cache WHERE created_at < ?1", params![now - max_age_ms])?;
        tx.execute(
            "INSERT INTO coach_cache (key, model, reply, created_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (key) DO UPDATE SET model = excluded.model, reply = excluded.reply,
                 created_at = excluded.created_at",
            params![key, model, reply, now],
        )?;
        tx.commit()?;
        Ok(())
    }

    pub fn cache_len(&self) -> Result<u64, StoreError> {
        Ok(self.conn().query_row("SELECT count(*) FROM coach_cache", [], |r| r.get::<_, i64>(0))?.max(0) as u64)
    }

    pub fn mark_solution_seen(&self, problem: &str) -> Result<(), StoreError> {
        self.conn().execute(
            "INSERT INTO coach_solutions_seen (problem, created_at) VALUES (?1, ?2) ON CONFLICT (problem) DO NOTHING",
            params![problem, now_ms()],
        )?;
        Ok(())
    }

    /// When the learner was first shown a full solution of `problem`, if ever.
    pub fn solution_seen(&self, problem: &str) -> Result<Option<i64>, StoreError> {
        Ok(self
            .conn()
            .query_row("SELECT created_at FROM coach_solutions_seen WHERE problem = ?1", params![problem], |r| r.get(0))
            .optional()?)
    }

    /// `ref -> text_hash` of the vectors stored for `embedder` and `kind`.
    pub fn embedding_hashes(&self, embedder: &str, kind: &str) -> Result<HashMap<String, String>, StoreError> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT ref, text_hash FROM coach_embeddings WHERE embedder = ?1 AND kind = ?2")?;
        let rows = stmt.query_map(params![embedder, kind], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<HashMap<_, _>, _>>()?)
    }

    /// Brings `embedder`'s vectors of `kind` in line with `keep` (refs that still exist) and `new` (vectors to
    /// insert or replace); one transaction.
    pub fn sync_embeddings(
        &self,
        embedder: &str,
        kind: &str,
        keep: &[&str],
        new: &[NewEmbedding<'_>],
    ) -> Result<(), StoreError> {
        self.ensure_vec()?;
        let tx = self.write_tx()?;
        {
            let mut stored =
                tx.prepare_cached("SELECT id, ref FROM coach_embeddings WHERE embedder = ?1 AND kind = ?2")?;
            let rows: Vec<(i64, String)> =
                stored.query_map(params![embedder, kind], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
            let mut delete = tx.prepare_cached("DELETE FROM coach_embeddings WHERE id = ?1")?;
            let mut unindex = tx.prepare_cached("DELETE FROM coach_vec WHERE rowid = ?1")?;
            let replaced = |r: &str| new.iter().any(|n| n.reference == r);
            for (id, _) in rows.iter().filter(|(_, r)| !keep.contains(&r.as_str()) || replaced(r)) {
                delete.execute(params![id])?;
                unindex.execute(params![id])?;
            }
            let mut put = tx.prepare_cached(
                "INSERT INTO coach_embeddings (embedder, kind, ref, text_hash, dims, vector) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            let mut index = tx.prepare_cached(
                "INSERT INTO coach_vec (rowid, embedder, kind, code) VALUES (?1, ?2, ?3, vec_quantize_binary(?4))",
            )?;
            for e in new {
                let blob = f32_blob(e.vector);
                put.execute(params![embedder, kind, e.reference, e.text_hash, e.vector.len() as i64, blob])?;
                if e.vector.len() == INDEX_DIMS {
                    index.execute(params![tx.last_insert_rowid(), embedder, kind, blob])?;
                }
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Deletes the vectors of every embedder but `a` and `b` (which may be the same): a change of embedder
    /// re-embeds.
    pub fn keep_only_embedders(&self, a: &str, b: &str) -> Result<(), StoreError> {
        self.ensure_vec()?;
        let tx = self.write_tx()?;
        tx.execute(
            "DELETE FROM coach_vec WHERE rowid IN
                 (SELECT id FROM coach_embeddings WHERE embedder <> ?1 AND embedder <> ?2)",
            params![a, b],
        )?;
        tx.execute("DELETE FROM coach_embeddings WHERE embedder <> ?1 AND embedder <> ?2", params![a, b])?;
        tx.commit()?;
        Ok(())
    }

    /// The `k` vectors of `embedder` and `kind` nearest to `query` by cosine distance, nearest first, as
    /// `(ref, distance)`. Vectors of [`INDEX_DIMS`] go through the binary index, then exact ranking.
    pub fn nearest_embeddings(
        &self,
        embedder: &str,
        kind: &str,
        query: &[f32],
        k: usize,
    ) -> Result<Vec<(String, f64)>, StoreError> {
        self.ensure_vec()?;
        let blob = f32_blob(query);
        let mut stmt = if query.len() == INDEX_DIMS {
            self.conn().prepare_cached(
                "SELECT ref, vec_distance_cosine(vector, ?1) AS d FROM coach_embeddings
                 WHERE id IN (SELECT rowid FROM coach_vec WHERE code MATCH vec_quantize_binary(?1) AND k = ?6
                                  AND embedder = ?2 AND kind = ?3)
                   AND dims = ?4
                 ORDER BY d, ref LIMIT ?5",
            )?
        } else {
            self.conn().prepare_cached(
                "SELECT ref, vec_distance_cosine(vector, ?1) AS d FROM coach_embeddings
                 WHERE embedder = ?2 AND kind = ?3 AND dims = ?4 AND ?6 > 0 ORDER BY d, ref LIMIT ?5",
            )?
        };
        let candidates = (k * OVERSAMPLE).max(MIN_CANDIDATES) as i64;
        let rows = stmt.query_map(params![blob, embedder, kind, query.len() as i64, k as i64, candidates], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// The `k` nearest by an exact scan (no index): the reference the index is measured against.
    pub fn nearest_embeddings_exact(
        &self,
        embedder: &str,
        kind: &str,
        query: &[f32],
        k: usize,
    ) -> Result<Vec<(String, f64)>, StoreError> {
        self.ensure_vec()?;
        let mut stmt = self.conn().prepare_cached(
            "SELECT ref, vec_distance_cosine(vector, ?1) AS d FROM coach_embeddings
             WHERE embedder = ?2 AND kind = ?3 AND dims = ?4 ORDER BY d, ref LIMIT ?5",
        )?;
        let rows = stmt.query_map(params![f32_blob(query), embedder, kind, query.len() as i64, k as i64], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// sqlite-vec's version, registering it on this connection when it is not yet.
    pub fn vec_version(&self) -> Result<String, StoreError> {
        self.ensure_vec()?;
        Ok(self.conn().query_row("SELECT vec_version()", [], |r| r.get(0))?)
    }

    /// Registers sqlite-vec on this connection if it is not yet, and creates and fills the index on first use.
    fn ensure_vec(&self) -> Result<(), StoreError> {
        if self.conn().prepare_cached("SELECT vec_version()").is_err() {
            register_vec(self.conn())?;
        }
        const EXISTS: &str = "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'coach_vec')";
        if !self.conn().query_row(EXISTS, [], |r| r.get::<_, bool>(0))? {
            // Asked again under the write lock: another process may have made it in between.
            let tx = self.write_tx()?;
            if !tx.query_row(EXISTS, [], |r| r.get::<_, bool>(0))? {
                tx.execute_batch(CREATE_INDEX)?;
                tx.execute(FILL_INDEX, [])?;
            }
            tx.commit()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(&dir.path().join("codify.db")).unwrap();
        (dir, s)
    }

    fn unit(i: usize, dims: usize) -> Vec<f32> {
        let mut v: Vec<f32> = (0..dims).map(|d| ((d * d * 31 + i * 97 + d * i) % 101) as f32 - 50.0).collect();
        let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        v.iter_mut().for_each(|x| *x /= n);
        v
    }

    #[test]
    fn history_keeps_the_last_messages_in_order() {
        let (_d, s) = store();
        for i in 0..5 {
            let text = format!("m{i}");
            s.add_chat_message(&NewChatMessage { problem: "p", tutor: i % 2 == 1, text: &text, ..Default::default() })
                .unwrap();
        }
        let h = s.chat_history("p", 3).unwrap();
        let texts: Vec<&str> = h.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(texts, ["m2", "m3", "m4"]);
        assert_eq!(h[1].role, ChatRole::Tutor);
        s.clear_chat("p").unwrap();
        assert!(s.chat_history("p", 3).unwrap().is_empty());
    }

    #[test]
    fn usage_adds_up_per_day_and_the_cache_expires() {
        let (_d, s) = store();
        let noon = 1_700_000_000_000;
        s.record_usage(noon, 100, 20).unwrap();
        s.record_usage(noon + 1000, 5, 5).unwrap();
        s.record_usage(noon + 3 * 86_400_000, 1, 1).unwrap();
        assert_eq!(s.usage_on(noon).unwrap(), TokenUsage { prompt_tokens: 105, completion_tokens: 25, requests: 2 });
        s.cache_reply("k", "m", "hello", noon, 1000).unwrap();
        assert_eq!(s.cached_reply("k", noon + 500, 1000).unwrap(), Some(("m".into(), "hello".into())));
        assert_eq!(s.cached_reply("k", noon + 5000, 1000).unwrap(), None);
        s.cache_reply("k2", "m", "x", noon + 5000, 1000).unwrap();
        assert_eq!(s.cache_len().unwrap(), 1, "expired entries are dropped on write");
    }

    #[test]
    fn vectors_are_indexed_replaced_and_dropped_with_their_embedder() {
        let (_d, s) = store();
        let vs: Vec<Vec<f32>> = (0..30).map(|i| unit(i, INDEX_DIMS)).collect();
        let refs: Vec<String> = (0..30).map(|i| format!("r{i}")).collect();
        let new: Vec<NewEmbedding> = refs
            .iter()
            .zip(&vs)
            .map(|(r, v)| NewEmbedding { kind: "passage", reference: r, text_hash: "h", vector: v })
            .collect();
        s.sync_embeddings("a", "passage", &[], &new).unwrap();
        let hits = s.nearest_embeddings("a", "passage", &vs[3], 5).unwrap();
        assert_eq!(
            hits,
            s.nearest_embeddings_exact("a", "passage", &vs[3], 5).unwrap(),
            "exact below the candidate count"
        );
        assert_eq!(hits[0].0, "r3");
        assert!(hits[0].1.abs() < 1e-5);
        // Replacing one vector re-indexes it; dropping the table rebuilds the index from the rows.
        let moved = unit(99, INDEX_DIMS);
        let keep: Vec<&str> = refs.iter().map(String::as_str).collect();
        s.sync_embeddings(
            "a",
            "passage",
            &keep,
            &[NewEmbedding { kind: "passage", reference: "r3", text_hash: "h2", vector: &moved }],
        )
        .unwrap();
        s.conn().execute_batch("DROP TABLE coach_vec").unwrap();
        assert_eq!(s.nearest_embeddings("a", "passage", &moved, 1).unwrap()[0].0, "r3");
        // Other lengths are searched exactly; other embedders are dropped.
        let small = [1.0f32, 0.0, 0.0];
        s.sync_embeddings(
            "b",
            "passage",
            &[],
            &[NewEmbedding { kind: "passage", reference: "x", text_hash: "h", vector: &small }],
        )
        .unwrap();
        assert_eq!(s.nearest_embeddings("b", "passage", &small, 3).unwrap().len(), 1);
        s.keep_only_embedders("b", "b").unwrap();
        assert!(s.embedding_hashes("a", "passage").unwrap().is_empty());
        let indexed: i64 = s.conn().query_row("SELECT count(*) FROM coach_vec", [], |r| r.get(0)).unwrap();
        assert_eq!(indexed, 0);
        assert!(s.vec_version().unwrap().starts_with('v'));
    }
}
