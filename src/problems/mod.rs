//! The problem bank: the bundled problems (embedded at build time from `problems/`) plus folders named in
//! the config. See docs/PROBLEM_FORMAT.md for the format.

mod edge_audit;
mod load;
mod model;
pub mod structures;

pub use load::{genlib_source, load_all, load_dir, load_one, ProblemError};
pub use model::*;

/// All loaded problems, in a stable order: topics along the roadmap (knowledge/progression.toml; a topic
/// it lacks comes last, by name), then difficulty, then title.
pub struct Bank {
    problems: Vec<Problem>,
    /// Problems that failed to load; shown as warnings, and as errors by `codify problems validate`.
    pub errors: Vec<ProblemError>,
}

impl Bank {
    pub fn load(extra_dirs: &[std::path::PathBuf]) -> Bank {
        let (mut problems, errors) = load_all(extra_dirs);
        let progression = crate::knowledge::progression().unwrap_or_default();
        let rank = |p: &Problem| (progression.position(&p.topic).unwrap_or(usize::MAX), p.topic.clone());
        problems.sort_by_cached_key(|p| (rank(p), p.difficulty, p.title.clone()));
        Bank { problems, errors }
    }

    pub fn all(&self) -> &[Problem] {
        &self.problems
    }

    pub fn get(&self, slug: &str) -> Option<&Problem> {
        self.problems.iter().find(|p| p.slug == slug)
    }

    /// The closest slugs to a mistyped one, for "did you mean" messages.
    pub fn suggest(&self, slug: &str) -> Vec<&str> {
        let mut scored: Vec<(usize, &str)> = self
            .problems
            .iter()
            .map(|p| (edit_distance(slug, &p.slug), p.slug.as_str()))
            .filter(|(d, s)| *d <= 3.max(slug.len() / 3) || s.contains(slug))
            .collect();
        scored.sort();
        scored.into_iter().take(3).map(|(_, s)| s).collect()
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}
