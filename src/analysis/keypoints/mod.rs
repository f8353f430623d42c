//! Key points: the sentences of an article that say most of what it says.
//!
//! Every sentence of the article's running text (never page furniture, titles or headings) is
//! scored by where it comes — news and analysis put the point first (the first sentence most
//! of all) and open each paragraph with its topic — by how central it is (the cosine between
//! its words and the words of the whole article, each weighted by how few sentences use it),
//! by how much it shares with the title, and against great length (a sentence of sixty words
//! chained with «،» is rarely what a reader keeps). The best sentences are taken in order of
//! score, skipping any that repeats one already taken, and listed in reading order.
//!
//! The weights were chosen on EASC (153 articles, five human summaries each): see the closing
//! numbers in the README. Position alone (the "lead" baseline) is strong there; centrality,
//! paragraph openings and the length penalty are what lift the model above it.

// Ordered maps: sums run in the same order on every run, so scores and ranks are stable.
use std::collections::BTreeMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::prepare::{PreparedParagraph, TermId};
use crate::corpus::Document;

/// How many key points to take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Budget {
    /// About one per hundred words of the article (five for five hundred words).
    Default,
    /// The N best.
    Count(usize),
    /// The best until their words add up to about this many.
    Words(usize),
}

/// One key point.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KeyPoint {
    /// Importance rank, 1 = most important.
    pub rank: usize,
    /// Paragraph index in the document.
    pub paragraph: usize,
    /// Sentence index in the paragraph.
    pub sentence: usize,
    /// Byte range of the sentence in the paragraph's text.
    pub range: Range<usize>,
    /// The score it was ranked by, 0 to 1.
    pub score: f64,
    /// How many words it has.
    pub words: usize,
}

/// A ranked sentence as an analysis keeps it: every sentence of every article is one, so it
/// is kept in 32 bytes (places as 32-bit numbers, its rank its place in the list);
/// [`select`] gives the chosen ones out as [`KeyPoint`]s.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RankedSentence {
    /// Paragraph index in the document.
    pub paragraph: u32,
    /// Sentence index in the paragraph.
    pub sentence: u32,
    /// Byte range of the sentence in the paragraph's text.
    pub range: Range<u32>,
    /// The score it was ranked by, 0 to 1.
    pub score: f64,
    /// How many words it has.
    pub words: u32,
}

impl RankedSentence {
    /// The key point it makes at `rank` (1 = most important).
    fn key_point(&self, rank: usize) -> KeyPoint {
        KeyPoint {
            rank,
            paragraph: self.paragraph as usize,
            sentence: self.sentence as usize,
            range: self.range.start as usize..self.range.end as usize,
            score: self.score,
            words: self.words as usize,
        }
    }
}

/// Words per key point when no budget is given.
const WORDS_PER_KEY_POINT: usize = 100;
/// The most key points taken by default.
const MAX_DEFAULT_KEY_POINTS: usize = 12;
/// Two sentences sharing more than this part of their terms are near-duplicates.
const DUPLICATE_OVERLAP: f64 = 0.6;
/// Bonus of the article's first sentence.
const FIRST_SENTENCE_BONUS: f64 = 1.0;
/// Bonus of a sentence that opens its paragraph.
const PARAGRAPH_OPENING_BONUS: f64 = 0.1;
/// Weight of centrality (cosine with the article's centroid, 0 to 1).
const CENTRALITY_WEIGHT: f64 = 0.4;
/// Weight of the similarity to the title (0 to 1).
const TITLE_WEIGHT: f64 = 0.1;
/// Sentences longer than this many words lose [`LENGTH_PENALTY`] per extra word.
const LONG_SENTENCE_WORDS: usize = 25;
const LENGTH_PENALTY: f64 = 0.005;

/// A candidate sentence.
struct Candidate {
    paragraph: usize,
    sentence: usize,
    range: Range<usize>,
    /// Content-word counts by term.
    terms: BTreeMap<TermId, f64>,
    /// All words, for the length budget.
    words: usize,
}

/// Every sentence of a document's running text that can be a key point, most important
/// first (rank 1), leaving out those that repeat a better one.
pub fn rank_sentences(
    document: &Document,
    paragraphs: &[PreparedParagraph],
) -> Vec<RankedSentence> {
    let candidates = candidates(document, paragraphs);
    if candidates.is_empty() {
        return Vec::new();
    }
    let weights = inverse_sentence_frequency(&candidates);
    let vectors: Vec<BTreeMap<TermId, f64>> =
        candidates.iter().map(|c| unit(weighted(&c.terms, &weights))).collect();
    let mut centroid: BTreeMap<TermId, f64> = BTreeMap::new();
    for v in &vectors {
        for (&t, &x) in v {
            *centroid.entry(t).or_insert(0.0) += x;
        }
    }
    let centroid = unit(centroid);
    let title = unit(weighted(&title_terms(document, paragraphs), &weights));
    let raw: Vec<f64> = vectors
        .iter()
        .zip(&candidates)
        .enumerate()
        .map(|(i, (v, c))| {
            let position = 1.0 / (1.0 + i as f64).sqrt();
            let first = if i == 0 { FIRST_SENTENCE_BONUS } else { 0.0 };
            let opening = if c.sentence == 0 { PARAGRAPH_OPENING_BONUS } else { 0.0 };
            let long = c.words.saturating_sub(LONG_SENTENCE_WORDS) as f64 * LENGTH_PENALTY;
            position
                + first
                + opening
                + CENTRALITY_WEIGHT * cosine(v, &centroid)
                + TITLE_WEIGHT * cosine(v, &title)
                - long
        })
        .collect();
    // Scaled to 0..1 for display: the best sentence scores 1.
    let top = raw.iter().copied().fold(f64::MIN, f64::max);
    let bottom = raw.iter().copied().fold(f64::MAX, f64::min);
    let scores: Vec<f64> = raw
        .iter()
        .map(|r| if top > bottom { (r - bottom) / (top - bottom) } else { 1.0 })
        .collect();

    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let mut ranked: Vec<usize> = Vec::with_capacity(order.len());
    for i in order {
        let repeats = ranked
            .iter()
            .any(|&j| overlap(&candidates[i].terms, &candidates[j].terms) > DUPLICATE_OVERLAP);
        if !repeats {
            ranked.push(i);
        }
    }
    // Places and counts past 32 bits cannot occur: a file is at most 64 MB.
    let small = |n: usize| n as u32;
    ranked
        .into_iter()
        .map(|i| RankedSentence {
            paragraph: small(candidates[i].paragraph),
            sentence: small(candidates[i].sentence),
            range: small(candidates[i].range.start)..small(candidates[i].range.end),
            score: scores[i],
            words: small(candidates[i].words),
        })
        .collect()
}

/// The key points for a budget, from the ranked sentences, in reading order.
pub fn select(ranked: &[RankedSentence], budget: Budget) -> Vec<KeyPoint> {
    let total_words: usize = ranked.iter().map(|k| k.words as usize).sum();
    let mut chosen: Vec<KeyPoint> = Vec::new();
    let mut words = 0;
    for (rank, point) in (1..).zip(ranked) {
        let enough = match budget {
            Budget::Count(k) => chosen.len() >= k,
            Budget::Words(w) => words >= w,
            Budget::Default => {
                chosen.len() >= (total_words / WORDS_PER_KEY_POINT).clamp(1, MAX_DEFAULT_KEY_POINTS)
            }
        };
        if enough {
            break;
        }
        words += point.words as usize;
        chosen.push(point.key_point(rank));
    }
    chosen.sort_by_key(|p| (p.paragraph, p.sentence));
    chosen
}

/// Every sentence of the running text with the content words in it.
fn candidates(document: &Document, paragraphs: &[PreparedParagraph]) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (p, (paragraph, prepared)) in document.paragraphs.iter().zip(paragraphs).enumerate() {
        if !prepared.body {
            continue;
        }
        for (s, range) in paragraph.sentences.iter().enumerate() {
            let inside = prepared.words_in(range);
            let mut terms = BTreeMap::new();
            let mut words = 0;
            for word in inside {
                words += 1;
                if !word.stop() {
                    *terms.entry(word.term()).or_insert(0.0) += 1.0;
                }
            }
            if !terms.is_empty() {
                out.push(Candidate {
                    paragraph: p,
                    sentence: s,
                    range: range.clone(),
                    terms,
                    words,
                });
            }
        }
    }
    out
}

/// The content terms of the title (or, without a title line, of nothing).
fn title_terms(document: &Document, paragraphs: &[PreparedParagraph]) -> BTreeMap<TermId, f64> {
    let mut terms = BTreeMap::new();
    if document.title_is_derived {
        return terms;
    }
    let title = document.paragraphs.iter().position(|p| p.role == crate::corpus::Role::Title);
    if let Some(prepared) = title.and_then(|t| paragraphs.get(t)) {
        for term in prepared.content_terms() {
            *terms.entry(term).or_insert(0.0) += 1.0;
        }
    }
    terms
}

/// ln(1 + n / sentences using the term), for each term.
fn inverse_sentence_frequency(candidates: &[Candidate]) -> BTreeMap<TermId, f64> {
    let mut frequency: BTreeMap<TermId, f64> = BTreeMap::new();
    for c in candidates {
        for &t in c.terms.keys() {
            *frequency.entry(t).or_insert(0.0) += 1.0;
        }
    }
    let n = candidates.len() as f64;
    frequency.into_iter().map(|(t, f)| (t, (1.0 + n / f).ln())).collect()
}

fn weighted(
    terms: &BTreeMap<TermId, f64>,
    weights: &BTreeMap<TermId, f64>,
) -> BTreeMap<TermId, f64> {
    terms.iter().map(|(&t, &x)| (t, x * weights.get(&t).copied().unwrap_or(1.0))).collect()
}

/// The vector scaled to length 1 (unchanged if empty).
fn unit(mut v: BTreeMap<TermId, f64>) -> BTreeMap<TermId, f64> {
    let norm = v.values().map(|x| x * x).sum::<f64>().sqrt();
    if norm > 0.0 {
        v.values_mut().for_each(|x| *x /= norm);
    }
    v
}

/// The cosine of two unit vectors.
fn cosine(a: &BTreeMap<TermId, f64>, b: &BTreeMap<TermId, f64>) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small.iter().map(|(t, x)| x * large.get(t).copied().unwrap_or(0.0)).sum()
}

/// The share of the smaller sentence's terms that the other also has.
fn overlap(a: &BTreeMap<TermId, f64>, b: &BTreeMap<TermId, f64>) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if small.is_empty() {
        return 0.0;
    }
    small.keys().filter(|t| large.contains_key(t)).count() as f64 / small.len() as f64
}
