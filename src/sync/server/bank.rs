//! The problems a server accepts votes and comments on: the slugs of the bank bundled in this binary.
//! Loaded once (reading each embedded `problem.toml`, a few milliseconds) when the first router is built,
//! so that no request pays for it.

use std::collections::HashSet;
use std::sync::OnceLock;

static SLUGS: OnceLock<HashSet<String>> = OnceLock::new();

/// The bundled bank's slugs. Problems that fail to load are left out (the bank's own tests keep that
/// list empty).
pub fn slugs() -> &'static HashSet<String> {
    SLUGS.get_or_init(|| crate::problems::load_all(&[]).0.into_iter().map(|p| p.slug).collect())
}

pub fn knows(slug: &str) -> bool {
    slugs().contains(slug)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_bundled_bank_is_known_and_nothing_else() {
        assert!(super::slugs().len() >= 100, "{}", super::slugs().len());
        assert!(super::knows("two-sum") && super::knows("3sum"));
        assert!(!super::knows("p-1") && !super::knows("two-sum-x") && !super::knows(""));
    }
}
