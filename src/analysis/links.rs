//! Cross-links: for each paragraph, the most related paragraphs in the other articles.
//!
//! Paragraphs are TF-IDF vectors of their content stems. An inverted index from stem to the
//! paragraphs that use it finds, for one paragraph, only the paragraphs sharing a word with
//! it, so the cost follows the shared words rather than all pairs: 10,000 articles link in
//! seconds. Words used by more than one paragraph in twenty (in large collections) say too
//! little to link by and are left out of the index. A link is kept when its cosine passes a
//! threshold, at most K per paragraph, each with the shared terms that explain it.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::prepare::{Prepared, TermId};

/// Links with a cosine below this are not shown: the paragraphs share too little.
const MIN_SCORE: f64 = 0.12;
/// A link needs at least this many shared terms: one word in common is a coincidence.
const MIN_SHARED_TERMS: usize = 2;
/// In collections of at least this many paragraphs, words in more than 1 in 20 are ignored.
const COMMON_WORD_MIN_PARAGRAPHS: usize = 200;
const COMMON_WORD_SHARE: f64 = 0.05;
/// The most shared terms listed for a link.
const TERMS_PER_LINK: usize = 5;

/// A related passage in another article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// The paragraph linked from: (article, paragraph).
    pub from: (usize, usize),
    /// The related paragraph: (article, paragraph).
    pub to: (usize, usize),
    /// Cosine similarity of the two paragraphs, 0 to 1.
    pub score: f64,
    /// The shared terms that weigh most, as the text writes them.
    pub terms: Vec<String>,
}

/// One paragraph's vector.
struct Vector {
    place: (usize, usize),
    weights: Vec<(TermId, f64)>,
}

/// The links of every paragraph of running text: at most `k` each, best first, grouped by
/// paragraph in collection order.
pub fn links(prepared: &Prepared, k: usize) -> Vec<Link> {
    let vectors = vectors(prepared);
    let paragraphs = vectors.len();
    let mut postings: HashMap<TermId, Vec<(u32, f64)>> = HashMap::new();
    for (i, v) in vectors.iter().enumerate() {
        for &(t, w) in &v.weights {
            postings.entry(t).or_default().push((i as u32, w));
        }
    }
    if paragraphs >= COMMON_WORD_MIN_PARAGRAPHS {
        let limit = (paragraphs as f64 * COMMON_WORD_SHARE) as usize;
        postings.retain(|_, list| list.len() <= limit);
    }
    let mut out = Vec::new();
    let mut scores: HashMap<u32, (f64, usize)> = HashMap::new();
    for (i, v) in vectors.iter().enumerate() {
        scores.clear();
        for &(t, w) in &v.weights {
            for &(j, x) in postings.get(&t).map(Vec::as_slice).unwrap_or(&[]) {
                if vectors[j as usize].place.0 != v.place.0 {
                    let entry = scores.entry(j).or_insert((0.0, 0));
                    entry.0 += w * x;
                    entry.1 += 1;
                }
            }
        }
        let mut best: Vec<(u32, f64)> = scores
            .iter()
            .filter(|&(_, &(s, shared))| s >= MIN_SCORE && shared >= MIN_SHARED_TERMS)
            .map(|(&j, &(s, _))| (j, s))
            .collect();
        best.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        best.truncate(k);
        for (j, score) in best {
            let other = &vectors[j as usize];
            out.push(Link {
                from: vectors[i].place,
                to: other.place,
                score: (score * 1000.0).round() / 1000.0,
                terms: shared_terms(prepared, v, other),
            });
        }
    }
    out
}

/// TF-IDF unit vectors of the paragraphs of running text.
fn vectors(prepared: &Prepared) -> Vec<Vector> {
    let mut paragraph_frequency: HashMap<TermId, u32> = HashMap::new();
    let mut counts: Vec<((usize, usize), HashMap<TermId, f64>)> = Vec::new();
    for (d, paragraphs) in prepared.documents.iter().enumerate() {
        for (p, paragraph) in paragraphs.iter().enumerate().filter(|(_, p)| p.body) {
            let mut tf: HashMap<TermId, f64> = HashMap::new();
            for t in paragraph.content_terms() {
                *tf.entry(t).or_insert(0.0) += 1.0;
            }
            for &t in tf.keys() {
                *paragraph_frequency.entry(t).or_insert(0) += 1;
            }
            counts.push(((d, p), tf));
        }
    }
    let n = counts.len() as f64;
    counts
        .into_iter()
        .map(|(place, tf)| {
            let mut weights: Vec<(TermId, f64)> = tf
                .into_iter()
                .map(|(t, c)| (t, (1.0 + c.ln()) * (n / paragraph_frequency[&t] as f64).ln()))
                .filter(|&(_, w)| w > 0.0)
                .collect();
            // Sorted before summing, so that every run gives the same scores.
            weights.sort_by_key(|&(t, _)| t);
            let norm = weights.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
            if norm > 0.0 {
                weights.iter_mut().for_each(|(_, w)| *w /= norm);
            }
            Vector { place, weights }
        })
        .collect()
}

/// The shared terms of two vectors that contribute most to their cosine.
fn shared_terms(prepared: &Prepared, a: &Vector, b: &Vector) -> Vec<String> {
    let mut shared: Vec<(f64, TermId)> = a
        .weights
        .iter()
        .filter_map(|&(t, w)| {
            b.weights.binary_search_by_key(&t, |&(u, _)| u).ok().map(|i| (w * b.weights[i].1, t))
        })
        .collect();
    shared.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    shared
        .into_iter()
        .take(TERMS_PER_LINK)
        .map(|(_, t)| prepared.vocabulary.display_form(t).to_string())
        .collect()
}
