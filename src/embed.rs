//! Embedders: the local deterministic one (feature hashing, the default, works offline) and the name of
//! each, which is stored with every vector so that a change of embedder re-embeds. A leaf module (pure
//! functions, no I/O), so that the store, the coach's retrieval and the learner share one embedder.
//!
//! The local embedder hashes three kinds of features into [`LOCAL_DIMS`] signed buckets and L2-normalises:
//! words (identifiers split at `_` and camelCase, lower-cased, stop words dropped), word pairs, and
//! character trigrams of each word (so `memo`, `memoize` and `memoization` land close). It has no model and
//! no state: the same text gives the same vector on every machine and every version with the same name.
//!
//! Hashed vectors are sparse (a short text fills few buckets), which makes their sign bits a poor binary
//! code. So the vector is then rotated by a fixed randomised Hadamard transform: an orthogonal map, so
//! every cosine similarity is unchanged, after which the vector is dense and its sign bits are a SimHash
//! of the text — what the binary index in the store searches by (see `store::coach`).

/// A text's vector, with the embedder that made it and the text's digest: what the store keeps, computed
/// by its caller (the store never embeds).
#[derive(Debug, Clone, PartialEq)]
pub struct Embedding {
    pub embedder: &'static str,
    pub text_hash: String,
    pub vector: Vec<f32>,
}

/// `text` by the local embedder.
pub fn local_embedding(text: &str) -> Embedding {
    Embedding { embedder: LOCAL_NAME, text_hash: digest(text), vector: local(text) }
}

/// Dimensions of the local embedder's vectors.
pub const LOCAL_DIMS: usize = 256;
/// Name of the local embedder; bump the version whenever its output changes.
pub const LOCAL_NAME: &str = "local-hash-v1-256";

/// 64-bit FNV-1a: small, stable across platforms and versions (std's hasher promises neither).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// A 128-bit hex digest (two FNV-1a passes with different seeds) for cache keys and change detection.
pub fn digest(text: &str) -> String {
    let a = fnv1a(text.as_bytes());
    let mut seeded = Vec::with_capacity(text.len() + 1);
    seeded.push(0x5a);
    seeded.extend_from_slice(text.as_bytes());
    let b = fnv1a(&seeded);
    format!("{a:016x}{b:016x}")
}

const STOP: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "does", "for", "from", "how", "i", "if", "in",
    "is", "it", "its", "me", "my", "of", "on", "or", "so", "that", "the", "then", "this", "to", "was", "we", "what",
    "when", "which", "why", "with", "you", "your", "self", "return", "def", "class", "none", "true", "false",
];

/// Lower-case words of `text`, identifiers split at `_` and camelCase boundaries, stop words removed.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in text.split(|c: char| !c.is_alphanumeric()) {
        if raw.is_empty() {
            continue;
        }
        let mut cur = String::new();
        let mut prev_lower = false;
        for c in raw.chars() {
            if c.is_uppercase() && prev_lower && !cur.is_empty() {
                push_word(&mut out, &cur);
                cur.clear();
            }
            prev_lower = c.is_lowercase() || c.is_ascii_digit();
            cur.extend(c.to_lowercase());
        }
        push_word(&mut out, &cur);
    }
    out
}

fn push_word(out: &mut Vec<String>, w: &str) {
    if w.chars().count() > 1 && !STOP.contains(&w) && w.chars().any(|c| c.is_alphabetic()) {
        out.push(w.to_string());
    }
}

/// The local embedding of `text`: L2-normalised, [`LOCAL_DIMS`] long; all zeros only for text with no words.
pub fn local(text: &str) -> Vec<f32> {
    let mut v = vec![0f32; LOCAL_DIMS];
    let ws = words(text);
    let mut add = |feature: &[u8], weight: f32| {
        let h = fnv1a(feature);
        let slot = (h % LOCAL_DIMS as u64) as usize;
        let sign = if h >> 63 == 0 { 1.0 } else { -1.0 };
        v[slot] += sign * weight;
    };
    for w in &ws {
        add(w.as_bytes(), 1.0);
        let chars: Vec<char> = format!("<{w}>").chars().collect();
        for tri in chars.windows(3) {
            let s: String = tri.iter().collect();
            add(format!("#{s}").as_bytes(), 0.35);
        }
    }
    for pair in ws.windows(2) {
        add(format!("{} {}", pair[0], pair[1]).as_bytes(), 0.5);
    }
    // Sub-linear term frequency: a word said ten times is not ten times as relevant.
    for x in v.iter_mut() {
        *x = x.signum() * x.abs().sqrt();
    }
    rotate(&mut v);
    normalise(&mut v);
    v
}

/// The fixed randomised Hadamard rotation: flip signs by a fixed pattern, then a fast Walsh–Hadamard
/// transform (orthogonal up to a scale that normalisation removes). `v.len()` must be a power of two.
fn rotate(v: &mut [f32]) {
    for (i, x) in v.iter_mut().enumerate() {
        if fnv1a(&(i as u64).to_le_bytes()) & 1 == 1 {
            *x = -*x;
        }
    }
    let mut h = 1;
    while h < v.len() {
        for start in (0..v.len()).step_by(h * 2) {
            for i in start..start + h {
                let (a, b) = (v[i], v[i + h]);
                v[i] = a + b;
                v[i + h] = a - b;
            }
        }
        h *= 2;
    }
}

/// Scales `v` to unit length (leaves an all-zero vector alone).
pub fn normalise(v: &mut [f32]) {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        for x in v.iter_mut() {
            *x /= norm;
        }
    }
}

/// Cosine similarity of two unit vectors.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_identifiers_and_drop_stop_words() {
        assert_eq!(words("def twoSum(self, nums_list): return the_map"), ["two", "sum", "nums", "list", "map"]);
    }

    #[test]
    fn local_vectors_are_unit_length_and_deterministic() {
        let a = local("hash map complement lookup");
        assert_eq!(a.len(), LOCAL_DIMS);
        assert!((cosine(&a, &a) - 1.0).abs() < 1e-5);
        assert_eq!(a, local("hash map complement lookup"));
        assert!(local("").iter().all(|x| *x == 0.0));
    }

    #[test]
    fn related_texts_are_closer_than_unrelated_ones() {
        let q = local("my nested loops are too slow, how do I use a hash map?");
        let near = local("Replace the inner loop with a hash map lookup: a dict answers membership in O(1).");
        let far = local("Reverse the linked list by moving pointers: prev, current and next nodes.");
        assert!(cosine(&q, &near) > cosine(&q, &far) + 0.1, "{} vs {}", cosine(&q, &near), cosine(&q, &far));
    }

    #[test]
    fn the_rotation_keeps_angles_and_makes_vectors_dense() {
        let mut a = vec![0f32; LOCAL_DIMS];
        let mut b = vec![0f32; LOCAL_DIMS];
        (a[3], a[40], b[3], b[200]) = (1.0, 2.0, 1.5, -1.0);
        let before = cosine(&a, &b) / (cosine(&a, &a).sqrt() * cosine(&b, &b).sqrt());
        rotate(&mut a);
        rotate(&mut b);
        let after = cosine(&a, &b) / (cosine(&a, &a).sqrt() * cosine(&b, &b).sqrt());
        assert!((before - after).abs() < 1e-5, "{before} {after}");
        assert!(a.iter().filter(|x| x.abs() > 1e-6).count() > LOCAL_DIMS / 2);
    }

    #[test]
    fn digest_is_stable() {
        assert_eq!(digest("abc"), digest("abc"));
        assert_ne!(digest("abc"), digest("abd"));
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
    }
}
