//! `codify export` / `codify import`: everything a home holds as one versioned JSON document, and back.
//!
//! The document is `{"format": "codify-export", "version": 1, "codify_version", "exported_at", "tables"}`,
//! where `tables` maps each exported table to its rows, one object per row with the column names as keys
//! (docs/DATA.md lists them). Columns named `*_json` hold JSON in the database and appear as JSON values,
//! not strings, so that `jq` reaches into them.
//!
//! Invariants:
//! - Every table of the schema is in [`TABLES`] (exported) or [`NOT_EXPORTED`] (derived, cache or secret),
//!   and the column lists match the schema: a test reads both from a new database, so a migration that adds
//!   a table or a column fails it until this file (and docs/DATA.md) say what happens to it.
//! - An import runs in one transaction: it changes everything or nothing.
//! - A record is the same record in two homes when its [`Table::key`] columns are equal; integer row ids are
//!   local (every home numbers from 1), so they never decide, and an imported row whose id is taken by a
//!   different record gets a new one (references to it, `profile_id`, follow).
//! - Rows already in the home are never changed: a record that is there is skipped.

use std::collections::HashMap;

use rusqlite::types::{Value as Sql, ValueRef};
use serde_json::{Map, Value};

use super::{Store, StoreError};

/// The `format` of an export document.
pub const FORMAT: &str = "codify-export";
/// The newest document version this build writes and reads.
pub const VERSION: u64 = 1;

/// An exported table: its columns (in schema order), the columns that identify a record across homes, and
/// the integer primary key that is renumbered when another record holds it.
pub struct Table {
    pub name: &'static str,
    pub columns: &'static [&'static str],
    pub key: &'static [&'static str],
    pub rowid: Option<&'static str>,
}

/// Exported tables, in import order: profiles before what refers to them.
pub const TABLES: &[Table] = &[
    Table {
        name: "learner_profiles",
        columns: &["id", "name", "intake_json", "active", "created_at", "updated_at"],
        key: &["name"],
        rowid: Some("id"),
    },
    Table {
        name: "learner_plans",
        columns: &["id", "profile_id", "plan_json", "source", "note", "created_at"],
        key: &["profile_id", "created_at"],
        rowid: Some("id"),
    },
    Table {
        name: "interviews",
        columns: &["id", "profile_id", "session_json", "outcome_json", "readiness_json", "created_at"],
        key: &["created_at"],
        rowid: Some("id"),
    },
    Table { name: "readiness", columns: &["topic", "score", "sessions", "updated_at"], key: &["topic"], rowid: None },
    Table {
        name: "submissions",
        columns: &[
            "id",
            "problem",
            "code",
            "verdict",
            "passed",
            "total",
            "runtime_ms",
            "cases_json",
            "created_at",
            "local_minute",
            "analysis_json",
            "finding_mask",
            "hints_used",
            "is_repeat",
        ],
        key: &["problem", "created_at", "code"],
        rowid: Some("id"),
    },
    Table {
        name: "review_cards",
        columns: &[
            "problem",
            "due_at",
            "stability",
            "difficulty",
            "elapsed_days",
            "scheduled_days",
            "reps",
            "lapses",
            "state",
            "last_review_at",
            "last_grade",
        ],
        key: &["problem"],
        rowid: None,
    },
    Table { name: "drafts", columns: &["problem", "code", "updated_at"], key: &["problem"], rowid: None },
    Table { name: "ui_state", columns: &["key", "value"], key: &["key"], rowid: None },
    Table {
        name: "coach_messages",
        columns: &["id", "problem", "role", "text", "source", "offline_reason", "model", "hint_number", "created_at"],
        key: &["problem", "created_at", "role", "text"],
        rowid: Some("id"),
    },
    Table {
        name: "coach_usage",
        columns: &["day", "prompt_tokens", "completion_tokens", "requests"],
        key: &["day"],
        rowid: None,
    },
    Table { name: "coach_solutions_seen", columns: &["problem", "created_at"], key: &["problem"], rowid: None },
    Table { name: "community_votes", columns: &["slug", "vote", "at"], key: &["slug"], rowid: None },
    Table {
        name: "community_comments",
        columns: &["id", "slug", "author", "mine", "text", "tag", "at", "seq", "deleted", "server_deleted"],
        key: &["id"],
        rowid: None,
    },
    Table {
        name: "community_outbox",
        columns: &["seq", "id", "event_json", "created_at"],
        key: &["id"],
        rowid: Some("seq"),
    },
    Table {
        name: "community_aggregates",
        columns: &["slug", "up", "down", "comments", "too_hard", "good_intro", "pattern_practice", "my_vote"],
        key: &["slug"],
        rowid: None,
    },
];

/// Tables left out of the document, with why (docs/DATA.md says the same).
pub const NOT_EXPORTED: &[(&str, &str)] = &[
    ("learner_fold", "derived: the submissions folded for the learner views, folded again on the next read"),
    ("milestones", "derived: what the history earned, rebuilt from the submissions and interviews on the next read"),
    ("milestones_state", "derived: what the last milestone evaluation read; without it the next read rebuilds"),
    ("coach_embeddings", "derived: vectors of problems and notes, computed again by the embedder"),
    ("coach_cache", "cache: the tutor's replies to identical requests, refilled on demand"),
    ("community_account", "secret: the community server's bearer token (log in again after an import)"),
    ("community_trending", "cache: trending as last pulled from the server, pulled again by the next sync"),
    ("community_groups", "cache: the last view of each study group, fetched again from the server"),
];

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error(
        "not a Codify export (`format` is {found}, expected \"{FORMAT}\"): pass a file written by `codify export`"
    )]
    NotAnExport { found: String },
    #[error(
        "the export is version {found}, newer than this Codify reads (up to {VERSION}): import it with a newer \
         Codify"
    )]
    TooNew { found: String },
    #[error("the export is malformed at {at}: {problem}; it was changed or cut short: export it again")]
    Malformed { at: String, problem: String },
    #[error(
        "this home already has {count} submissions: pass --merge to add the export's records to them (those \
         already here are skipped), or choose an empty home with --home DIR"
    )]
    NotEmpty { count: i64 },
}

fn malformed(at: impl Into<String>, problem: impl Into<String>) -> ImportError {
    ImportError::Malformed { at: at.into(), problem: problem.into() }
}

/// An export document; serialised, its header comes first (`format` on the first line after `{`).
#[derive(Debug, serde::Serialize)]
pub struct Export {
    pub format: &'static str,
    pub version: u64,
    pub codify_version: &'static str,
    /// Unix milliseconds.
    pub exported_at: i64,
    /// Table name -> rows, each an object of column -> value.
    pub tables: Map<String, Value>,
}

impl Export {
    /// Rows per exported table, in [`TABLES`] order.
    pub fn counts(&self) -> Vec<(&'static str, usize)> {
        TABLES.iter().map(|t| (t.name, self.tables.get(t.name).and_then(Value::as_array).map_or(0, Vec::len))).collect()
    }
}

/// Per table: rows added and rows skipped because the record was already in the home.
#[derive(Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct ImportSummary {
    pub tables: Vec<(String, usize, usize)>,
}

impl ImportSummary {
    pub fn added(&self) -> usize {
        self.tables.iter().map(|t| t.1).sum()
    }
    pub fn skipped(&self) -> usize {
        self.tables.iter().map(|t| t.2).sum()
    }
}

fn to_json(column: &str, v: ValueRef<'_>, at: &dyn Fn() -> String) -> Result<Value, StoreError> {
    Ok(match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::from(i),
        ValueRef::Real(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
        ValueRef::Text(t) => {
            let text = String::from_utf8_lossy(t);
            if column.ends_with("_json") {
                serde_json::from_str(&text).map_err(|e| StoreError::Unreadable(format!("{}: {e}", at())))?
            } else {
                Value::String(text.into_owned())
            }
        }
        // No exported column holds a blob; one would be a schema this file does not know.
        ValueRef::Blob(_) => return Err(StoreError::Unreadable(format!("{}: unexpected binary value", at()))),
    })
}

fn to_sql(column: &str, v: &Value) -> Result<Sql, String> {
    Ok(match v {
        Value::Null => Sql::Null,
        _ if column.ends_with("_json") => Sql::Text(v.to_string()),
        Value::Bool(b) => Sql::Integer(i64::from(*b)),
        Value::Number(n) => match n.as_i64() {
            Some(i) => Sql::Integer(i),
            None => Sql::Real(n.as_f64().ok_or("a number out of range")?),
        },
        Value::String(s) => Sql::Text(s.clone()),
        Value::Array(_) | Value::Object(_) => return Err("a list or object where a plain value belongs".into()),
    })
}

impl Store {
    /// The export document of everything this home holds but secrets and what can be derived again, read
    /// in one transaction (a consistent snapshot while other processes write).
    pub fn export(&self, exported_at: i64) -> Result<Export, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let mut tables = Map::new();
        for t in TABLES {
            // Identifiers cannot be parameters; every name here comes from the constant TABLES.
            let sql = format!("SELECT {} FROM {} ORDER BY rowid", t.columns.join(", "), t.name);
            let mut stmt = tx.prepare(&sql)?;
            let mut rows = stmt.query([])?;
            let mut out = Vec::new();
            while let Some(r) = rows.next()? {
                let mut obj = Map::new();
                for (i, c) in t.columns.iter().enumerate() {
                    let at = || format!("{}, row {}, {c}", t.name, out.len() + 1);
                    obj.insert((*c).to_string(), to_json(c, r.get_ref(i)?, &at)?);
                }
                out.push(Value::Object(obj));
            }
            tables.insert(t.name.to_string(), Value::Array(out));
        }
        tx.finish()?;
        Ok(Export { format: FORMAT, version: VERSION, codify_version: env!("CARGO_PKG_VERSION"), exported_at, tables })
    }

    /// Imports an export document (see the module doc for what counts as the same record). Refuses a home
    /// that has submissions unless `merge`. All or nothing.
    pub fn import(&self, doc: &Value, merge: bool) -> Result<ImportSummary, ImportError> {
        let tables = check_header(doc)?;
        let tx = self.write_tx().map_err(StoreError::from)?;
        let count: i64 =
            tx.query_row("SELECT count(*) FROM submissions", [], |r| r.get(0)).map_err(StoreError::from)?;
        if count > 0 && !merge {
            return Err(ImportError::NotEmpty { count });
        }
        let mut profiles: HashMap<i64, i64> = HashMap::new();
        let mut summary = ImportSummary::default();
        for t in TABLES {
            let Some(rows) = tables.get(t.name) else { continue };
            let rows = rows.as_array().ok_or_else(|| malformed(format!("tables.{}", t.name), "not a list"))?;
            let (mut added, mut skipped) = (0, 0);
            for (i, row) in rows.iter().enumerate() {
                let at = format!("tables.{}[{i}]", t.name);
                let mut values = row_values(t, row).map_err(|p| malformed(&at, p))?;
                if let Some(pid) = values.iter_mut().find(|(c, _)| *c == "profile_id") {
                    if let Sql::Integer(old) = pid.1 {
                        let new = profiles.get(&old).ok_or_else(|| {
                            malformed(&at, format!("profile_id {old} is not a profile in the export"))
                        })?;
                        pid.1 = Sql::Integer(*new);
                    }
                }
                let old_id = t.rowid.and_then(|k| values.iter().find(|(c, _)| *c == k)).and_then(|(_, v)| match v {
                    Sql::Integer(i) => Some(*i),
                    _ => None,
                });
                if let Some(existing) = self.find_record(t, &values).map_err(StoreError::from)? {
                    if let Some(old) = old_id {
                        profiles_map(t, &mut profiles, old, existing);
                    }
                    skipped += 1;
                    continue;
                }
                if t.name == "learner_profiles" {
                    let active: bool = tx
                        .query_row("SELECT EXISTS (SELECT 1 FROM learner_profiles WHERE active = 1)", [], |r| r.get(0))
                        .map_err(StoreError::from)?;
                    if active {
                        // The home's active profile stays active; only one may be.
                        if let Some(a) = values.iter_mut().find(|(c, _)| *c == "active") {
                            a.1 = Sql::Integer(0);
                        }
                    }
                }
                if let (Some(k), Some(old)) = (t.rowid, old_id) {
                    if self.id_taken(t, k, old).map_err(StoreError::from)? {
                        values.retain(|(c, _)| *c != k);
                    }
                }
                let new_id = self.insert_row(t, &values).map_err(|e| malformed(&at, super::sql_advice(&e)))?;
                if let Some(old) = old_id {
                    profiles_map(t, &mut profiles, old, new_id);
                }
                added += 1;
            }
            summary.tables.push((t.name.to_string(), added, skipped));
        }
        // The fold cache covers the submissions up to an id: imported ones may sit below it.
        tx.execute("DELETE FROM learner_fold", []).map_err(StoreError::from)?;
        // Milestones are rebuilt from the imported history on the next read; it is the past, so what it
        // earned is filed as shown, not announced.
        tx.execute(
            "UPDATE milestones_state SET seen_at = max(seen_at,
                 (SELECT coalesce(max(created_at), 0) FROM submissions),
                 (SELECT coalesce(max(created_at), 0) FROM interviews))",
            [],
        )
        .map_err(StoreError::from)?;
        tx.commit().map_err(StoreError::from)?;
        Ok(summary)
    }

    /// Whether a record with the same key is in the home: `Some(its rowid)` if so.
    fn find_record(&self, t: &Table, values: &[(&'static str, Sql)]) -> rusqlite::Result<Option<i64>> {
        use rusqlite::OptionalExtension;
        let mut params: Vec<&Sql> = Vec::new();
        let mut conds: Vec<String> = Vec::new();
        for k in t.key {
            let v = values.iter().find(|(c, _)| c == k).map_or(&Sql::Null, |(_, v)| v);
            params.push(v);
            conds.push(format!("{k} IS ?{}", params.len()));
        }
        // Identifiers from the constant TABLES; values bound.
        let sql = format!("SELECT rowid FROM {} WHERE {} LIMIT 1", t.name, conds.join(" AND "));
        self.conn.prepare_cached(&sql)?.query_row(rusqlite::params_from_iter(params), |r| r.get(0)).optional()
    }

    fn id_taken(&self, t: &Table, column: &str, id: i64) -> rusqlite::Result<bool> {
        let sql = format!("SELECT EXISTS (SELECT 1 FROM {} WHERE {column} = ?1)", t.name);
        self.conn.prepare_cached(&sql)?.query_row([id], |r| r.get(0))
    }

    /// Inserts one row; returns its rowid. (The statements of an import are few and repeated per row:
    /// cached.)
    fn insert_row(&self, t: &Table, values: &[(&'static str, Sql)]) -> rusqlite::Result<i64> {
        let columns: Vec<&str> = values.iter().map(|(c, _)| *c).collect();
        let marks: Vec<String> = (1..=values.len()).map(|i| format!("?{i}")).collect();
        let sql = format!("INSERT INTO {} ({}) VALUES ({})", t.name, columns.join(", "), marks.join(", "));
        self.conn.prepare_cached(&sql)?.execute(rusqlite::params_from_iter(values.iter().map(|(_, v)| v)))?;
        Ok(self.conn.last_insert_rowid())
    }
}

fn profiles_map(t: &Table, map: &mut HashMap<i64, i64>, old: i64, new: i64) {
    if t.name == "learner_profiles" {
        map.insert(old, new);
    }
}

/// The known columns of one row, as SQL values; an unknown column is an error (a document from another
/// schema that claims this version).
fn row_values(t: &Table, row: &Value) -> Result<Vec<(&'static str, Sql)>, String> {
    let obj = row.as_object().ok_or("not an object")?;
    if let Some(k) = obj.keys().find(|k| !t.columns.contains(&k.as_str())) {
        return Err(format!("unknown field `{k}` (known: {})", t.columns.join(", ")));
    }
    t.columns
        .iter()
        .filter_map(|c| obj.get(*c).map(|v| (c, v)))
        .map(|(c, v)| to_sql(c, v).map(|s| (*c, s)).map_err(|p| format!("{c}: {p}")))
        .collect()
}

/// The document's `tables`, once its format and version say this build can read it.
fn check_header(doc: &Value) -> Result<&Map<String, Value>, ImportError> {
    let obj = doc.as_object().ok_or_else(|| ImportError::NotAnExport { found: "missing".into() })?;
    match obj.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(v) => return Err(ImportError::NotAnExport { found: v.to_string() }),
        None => return Err(ImportError::NotAnExport { found: "missing".into() }),
    }
    match obj.get("version").and_then(Value::as_u64) {
        Some(v) if (1..=VERSION).contains(&v) => {}
        Some(v) if v > VERSION => return Err(ImportError::TooNew { found: v.to_string() }),
        _ => {
            let found = obj.get("version").map_or("missing".to_string(), Value::to_string);
            return Err(malformed("version", format!("{found} is not a version number")));
        }
    }
    let tables = obj.get("tables").and_then(Value::as_object).ok_or_else(|| malformed("tables", "missing"))?;
    if let Some(k) = tables.keys().find(|k| !TABLES.iter().any(|t| t.name == k.as_str())) {
        return Err(malformed(format!("tables.{k}"), "not a table Codify exports"));
    }
    Ok(tables)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::temp_store;

    #[test]
    fn every_table_and_column_of_the_schema_is_exported_or_said_why_not() {
        let (_dir, store) = temp_store();
        let mut stmt = store
            .conn()
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            .unwrap();
        let names: Vec<String> = stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
        for name in &names {
            let exported = TABLES.iter().find(|t| t.name == name);
            let skipped = NOT_EXPORTED.iter().any(|(n, _)| n == name);
            assert!(exported.is_some() != skipped, "table {name}: in TABLES or NOT_EXPORTED, exactly one");
            if let Some(t) = exported {
                let mut cols = store.conn().prepare("SELECT name FROM pragma_table_info(?1)").unwrap();
                let cols: Vec<String> = cols.query_map([name], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
                assert_eq!(cols, t.columns, "columns of {name}");
            }
        }
        for t in TABLES.iter().map(|t| t.name).chain(NOT_EXPORTED.iter().map(|n| n.0)) {
            assert!(names.iter().any(|n| n == t), "{t} is not a table of the schema");
        }
    }

    #[test]
    fn the_data_doc_lists_every_table_with_its_fate() {
        let doc = include_str!("../../docs/DATA.md");
        for t in TABLES.iter().map(|t| t.name).chain(NOT_EXPORTED.iter().map(|n| n.0)) {
            assert!(doc.contains(&format!("| `{t}` |")), "docs/DATA.md has no row for {t}");
        }
    }

    fn doc_with(rows: &[(&str, Value)]) -> Value {
        let mut tables = Map::new();
        for (t, r) in rows {
            tables.entry(t.to_string()).or_insert_with(|| Value::Array(vec![])).as_array_mut().unwrap().push(r.clone());
        }
        serde_json::json!({"format": FORMAT, "version": 1, "tables": tables})
    }

    #[test]
    fn a_merge_skips_records_already_here_renumbers_taken_ids_and_keeps_one_active_profile() {
        let (_dir, store) = temp_store();
        let intake = serde_json::json!({"level": "beginner"});
        let home = doc_with(&[
            (
                "learner_profiles",
                serde_json::json!({"id": 1, "name": "home", "intake_json": intake, "active": 1, "created_at": 1, "updated_at": 1}),
            ),
            (
                "submissions",
                serde_json::json!({"id": 1, "problem": "two-sum", "code": "a", "verdict": "accepted", "passed": 1, "total": 1, "runtime_ms": 1.5, "cases_json": [], "created_at": 10, "local_minute": 0}),
            ),
        ]);
        assert_eq!(store.import(&home, false).unwrap().added(), 2);
        let other = doc_with(&[
            (
                "learner_profiles",
                serde_json::json!({"id": 1, "name": "laptop", "intake_json": intake, "active": 1, "created_at": 2, "updated_at": 2}),
            ),
            (
                "learner_plans",
                serde_json::json!({"id": 1, "profile_id": 1, "plan_json": {"weeks": []}, "source": "offline", "note": null, "created_at": 3}),
            ),
            (
                "submissions",
                serde_json::json!({"id": 1, "problem": "two-sum", "code": "b", "verdict": "wrong_answer", "passed": 0, "total": 1, "runtime_ms": 2, "cases_json": [], "created_at": 20, "local_minute": 0}),
            ),
            (
                "submissions",
                serde_json::json!({"id": 2, "problem": "two-sum", "code": "a", "verdict": "accepted", "passed": 1, "total": 1, "runtime_ms": 1.5, "cases_json": [], "created_at": 10, "local_minute": 0}),
            ),
        ]);
        assert!(matches!(store.import(&other, false), Err(ImportError::NotEmpty { count: 1 })));
        let s = store.import(&other, true).unwrap();
        assert_eq!((s.added(), s.skipped()), (3, 1), "{s:?}");
        let subs: Vec<(i64, String)> = store
            .conn()
            .prepare("SELECT id, code FROM submissions ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(subs, vec![(1, "a".to_string()), (2, "b".to_string())]);
        let (laptop, active): (i64, i64) = store
            .conn()
            .query_row("SELECT id, active FROM learner_profiles WHERE name = 'laptop'", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!((laptop, active), (2, 0));
        let plan_profile: i64 =
            store.conn().query_row("SELECT profile_id FROM learner_plans", [], |r| r.get(0)).unwrap();
        assert_eq!(plan_profile, laptop, "the plan follows its renumbered profile");
        // Importing the same document again adds nothing.
        assert_eq!(store.import(&other, true).unwrap().added(), 0);
    }

    #[test]
    fn a_bad_row_leaves_the_home_unchanged() {
        let (_dir, store) = temp_store();
        let doc = doc_with(&[
            ("drafts", serde_json::json!({"problem": "two-sum", "code": "x", "updated_at": 1})),
            ("drafts", serde_json::json!({"problem": "3sum", "code": null, "updated_at": 1})),
        ]);
        let e = store.import(&doc, false).unwrap_err().to_string();
        assert!(e.contains("tables.drafts[1]"), "{e}");
        assert_eq!(store.draft("two-sum").unwrap(), None);
    }
}
