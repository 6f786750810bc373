//! Retrieval: knowledge passages and problems embedded into SQLite and searched with sqlite-vec.
//!
//! Notes are split into passages at headings and blank lines (at most [`PASSAGE_CHARS`] each). The index is
//! brought up to date lazily, before a search: only passages whose text changed are embedded again, and
//! vectors made by an embedder that is no longer configured are deleted (so changing the embedder
//! re-embeds). The local embedder is always indexed, so retrieval works offline and is the fallback when a
//! remote embedding model fails.

use tokio_util::sync::CancellationToken;

use super::client::LlmClient;
use super::error::LlmError;
use crate::embed;
use crate::problems::Problem;
use crate::store::{NewEmbedding, Store, StoreError};

/// Longest passage, in characters.
pub const PASSAGE_CHARS: usize = 700;
const PASSAGE: &str = "passage";
const PROBLEM: &str = "problem";

/// A piece of a knowledge note.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Passage {
    /// `note#n`
    pub id: String,
    pub note: String,
    pub text: String,
}

/// A problem related to another, with its cosine similarity (1 = same direction).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Related {
    pub slug: String,
    pub title: String,
    pub difficulty: String,
    pub topic: String,
    pub similarity: f64,
}

/// The name stored with vectors made by the client's embedding model.
pub fn remote_name(client: &LlmClient) -> String {
    format!("remote:{}@{}", client.endpoint.embedding_model.as_deref().unwrap_or_default(), client.endpoint.base_url)
}

/// Unit vectors for `texts` from the client's embedding model.
async fn embed_remote(
    client: &LlmClient,
    texts: &[String],
    cancel: &CancellationToken,
) -> Result<Vec<Vec<f32>>, LlmError> {
    let mut vs = client.embed(texts, cancel).await?;
    vs.iter_mut().for_each(|v| embed::normalise(v));
    Ok(vs)
}

/// The one place that reads [`crate::knowledge`]: every note as `(name, markdown)`.
pub fn knowledge_notes() -> Vec<(String, String)> {
    crate::knowledge::notes()
        .into_iter()
        .filter_map(|(name, _kind)| crate::knowledge::note(name).map(|text| (name.to_string(), text.to_string())))
        .collect()
}

/// The passages of one note (`hash-maps`, `off_by_one`, ...); empty when there is no such note.
pub fn note_passages(name: &str) -> Vec<Passage> {
    knowledge_notes().iter().filter(|(n, _)| n == name).flat_map(|(n, text)| split_note(n, text)).collect()
}

/// All knowledge passages, in note order (split once per process: the notes are built into the binary).
pub fn passages() -> &'static [Passage] {
    static ALL: std::sync::OnceLock<Vec<Passage>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| knowledge_notes().iter().flat_map(|(name, text)| split_note(name, text)).collect())
}

/// Splits a note into passages of at most about [`PASSAGE_CHARS`]: at headings, and between paragraphs
/// when a passage grows too long (a fenced code block is never split). Each passage starts with the note's
/// title and section so that it stands on its own.
pub fn split_note(name: &str, text: &str) -> Vec<Passage> {
    let title = text.lines().find(|l| l.starts_with("# ")).map(|l| l.trim_start_matches("# ").trim()).unwrap_or(name);
    let mut out: Vec<String> = Vec::new();
    let mut section = String::new();
    // The passage being built, and the length of its "Title — Section: " prefix.
    let (mut cur, mut head) = (String::new(), 0);
    let mut flush = |cur: &mut String, head: usize| {
        if cur.len() > head {
            out.push(cur.trim_end().to_string());
        }
        cur.clear();
    };
    for block in blocks(text) {
        if let Some(h) = block.strip_prefix('#') {
            flush(&mut cur, head);
            if !block.starts_with("# ") {
                section = h.trim_start_matches('#').trim().to_string();
            }
            continue;
        }
        if cur.is_empty() || cur.chars().count() + block.chars().count() > PASSAGE_CHARS {
            flush(&mut cur, head);
            cur = if section.is_empty() { format!("{title}: ") } else { format!("{title} — {section}: ") };
            head = cur.len();
        } else {
            cur.push('\n');
        }
        cur.push_str(&block);
    }
    flush(&mut cur, head);
    out.into_iter()
        .enumerate()
        .map(|(i, text)| Passage { id: format!("{name}#{}", i + 1), note: name.to_string(), text })
        .collect()
}

/// Headings (one line each), paragraphs and whole fenced code blocks of a markdown text.
fn blocks(text: &str) -> Vec<String> {
    let (mut out, mut cur, mut fenced) = (Vec::new(), String::new(), false);
    for line in text.lines() {
        let fence = line.trim_start().starts_with("```") || line.trim_start().starts_with("~~~");
        let boundary = !fenced && (line.trim().is_empty() || line.starts_with('#'));
        if boundary && !cur.trim().is_empty() {
            out.push(std::mem::take(&mut cur).trim_end().to_string());
        }
        if !fenced && line.starts_with('#') {
            out.push(line.trim().to_string());
            cur.clear();
            continue;
        }
        if !boundary || fenced {
            cur.push_str(line);
            cur.push('\n');
        }
        if fence {
            fenced = !fenced;
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim_end().to_string());
    }
    out
}

/// The text a problem is embedded by: what it is about, not its examples.
pub fn problem_text(p: &Problem) -> String {
    format!(
        "{} ({}; {}). Patterns: {}. {}",
        p.title,
        p.topic,
        p.difficulty.as_str(),
        p.patterns.join(", "),
        p.statement
    )
}

/// Error of an index update: the store failed, or the remote embedder did.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("embedding failed: {0}")]
    Embed(#[from] LlmError),
}

/// What an index update of one kind has to do: the documents whose text changed.
struct Plan {
    hashes: Vec<String>,
    changed: Vec<usize>,
}

fn plan(store: &Store, name: &str, kind: &str, docs: &[(String, String)]) -> Result<Option<Plan>, StoreError> {
    let stored = store.embedding_hashes(name, kind)?;
    let hashes: Vec<String> = docs.iter().map(|(_, t)| embed::digest(t)).collect();
    let changed: Vec<usize> = (0..docs.len()).filter(|&i| stored.get(&docs[i].0) != Some(&hashes[i])).collect();
    let gone = stored.keys().any(|r| !docs.iter().any(|(d, _)| d == r));
    Ok((!changed.is_empty() || gone).then_some(Plan { hashes, changed }))
}

fn apply(
    store: &Store,
    name: &str,
    kind: &str,
    docs: &[(String, String)],
    plan: &Plan,
    vectors: &[Vec<f32>],
) -> Result<(), StoreError> {
    let new: Vec<NewEmbedding<'_>> = plan
        .changed
        .iter()
        .zip(vectors)
        .map(|(&i, v)| NewEmbedding { kind, reference: &docs[i].0, text_hash: &plan.hashes[i], vector: v })
        .collect();
    let keep: Vec<&str> = docs.iter().map(|(r, _)| r.as_str()).collect();
    store.sync_embeddings(name, kind, &keep, &new)
}

/// Brings the local embedder's vectors of `kind` in line with `docs` (`(ref, text)`).
fn sync_local(store: &Store, kind: &str, docs: &[(String, String)]) -> Result<(), StoreError> {
    if let Some(plan) = plan(store, embed::LOCAL_NAME, kind, docs)? {
        let vectors: Vec<Vec<f32>> = plan.changed.iter().map(|&i| embed::local(&docs[i].1)).collect();
        apply(store, embed::LOCAL_NAME, kind, docs, &plan, &vectors)?;
    }
    Ok(())
}

/// Passages, and the problems when given (otherwise problem vectors are left as they are).
fn documents(problems: Option<&[&Problem]>) -> Vec<(&'static str, Vec<(String, String)>)> {
    let mut out = vec![(PASSAGE, passages().iter().map(|p| (p.id.clone(), p.text.clone())).collect())];
    if let Some(problems) = problems {
        out.push((PROBLEM, problems.iter().map(|p| (p.slug.clone(), problem_text(p))).collect()));
    }
    out
}

/// Brings the local index of passages (and of `problems`, when given) up to date and deletes vectors of
/// embedders other than the local one and `remote` (the name of the configured remote embedder, if any).
pub fn ensure_local_index(
    store: &Store,
    problems: Option<&[&Problem]>,
    remote: Option<&str>,
) -> Result<(), StoreError> {
    store.keep_only_embedders(embed::LOCAL_NAME, remote.unwrap_or(embed::LOCAL_NAME))?;
    for (kind, docs) in documents(problems) {
        sync_local(store, kind, &docs)?;
    }
    Ok(())
}

/// Brings a remote embedder's index up to date (after [`ensure_local_index`]).
pub async fn ensure_remote_index(
    store: &Store,
    client: &LlmClient,
    problems: Option<&[&Problem]>,
    cancel: &CancellationToken,
) -> Result<(), IndexError> {
    let name = remote_name(client);
    for (kind, docs) in documents(problems) {
        if let Some(plan) = plan(store, &name, kind, &docs)? {
            let texts: Vec<String> = plan.changed.iter().map(|&i| docs[i].1.clone()).collect();
            let vectors = if texts.is_empty() { Vec::new() } else { embed_remote(client, &texts, cancel).await? };
            apply(store, &name, kind, &docs, &plan, &vectors)?;
        }
    }
    Ok(())
}

fn hits_to_passages(hits: Vec<(String, f64)>) -> Vec<(Passage, f64)> {
    let all = passages();
    hits.into_iter().filter_map(|(id, d)| all.iter().find(|p| p.id == id).map(|p| (p.clone(), 1.0 - d))).collect()
}

/// The `k` passages nearest to `query` by the local embedder (whose index must be up to date).
pub fn search_local(store: &Store, query: &str, k: usize) -> Result<Vec<(Passage, f64)>, StoreError> {
    let v = embed::local(query);
    if v.iter().all(|x| *x == 0.0) {
        return Ok(Vec::new());
    }
    Ok(hits_to_passages(store.nearest_embeddings(embed::LOCAL_NAME, PASSAGE, &v, k)?))
}

/// The `k` passages nearest to `query` by a remote embedder (whose index must be up to date).
pub async fn search_remote(
    store: &Store,
    client: &LlmClient,
    query: &str,
    k: usize,
    cancel: &CancellationToken,
) -> Result<Vec<(Passage, f64)>, IndexError> {
    let v = embed_remote(client, &[query.to_string()], cancel).await?.pop().unwrap_or_default();
    Ok(hits_to_passages(store.nearest_embeddings(&remote_name(client), PASSAGE, &v, k)?))
}

/// Problems most like `problem`, by the local embedder (indexed on the way), best first, itself excluded.
pub fn similar(store: &Store, problem: &Problem, bank: &[&Problem], k: usize) -> Result<Vec<Related>, StoreError> {
    let docs: Vec<(String, String)> = bank.iter().map(|p| (p.slug.clone(), problem_text(p))).collect();
    sync_local(store, PROBLEM, &docs)?;
    let v = embed::local(&problem_text(problem));
    let hits = store.nearest_embeddings(embed::LOCAL_NAME, PROBLEM, &v, k + 1)?;
    Ok(hits
        .into_iter()
        .filter(|(slug, _)| *slug != problem.slug)
        .filter_map(|(slug, d)| bank.iter().find(|p| p.slug == slug).map(|p| (p, d)))
        .take(k)
        .map(|(p, d)| Related {
            slug: p.slug.clone(),
            title: p.title.clone(),
            difficulty: p.difficulty.as_str().to_string(),
            topic: p.topic.clone(),
            similarity: ((1.0 - d) * 1000.0).round() / 1000.0,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_split_into_titled_passages() {
        let note = "# Two pointers\n\nIntro text.\n\n## When\n\nSorted input.\n\nMore about when.\n\n## Pitfalls\n\nOff by one.";
        let ps = split_note("two-pointers", note);
        let texts: Vec<&str> = ps.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Two pointers: Intro text.",
                "Two pointers — When: Sorted input.\nMore about when.",
                "Two pointers — Pitfalls: Off by one."
            ]
        );
        assert_eq!(ps[2].id, "two-pointers#3");
        let long = format!("# T\n\n{}\n\n{}", "a ".repeat(300), "b ".repeat(300));
        assert_eq!(split_note("t", &long).len(), 2);
        let code = "# C\n\n## Ex\n\n```python\nx = 1\n\ny = 2\n```\nAfter.";
        assert_eq!(split_note("c", code)[0].text, "C — Ex: ```python\nx = 1\n\ny = 2\n```\nAfter.");
    }
}
