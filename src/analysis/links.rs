//! Cross-links: for each paragraph, the most related paragraphs in the other articles.
//!
//! Paragraphs are TF-IDF vectors of their content stems and of their phrases (two content
//! words in a row, such as «الذكاء الاصطناعي» or «خطاب الكراهية»: two paragraphs that share a
//! phrase share more than its two words apart). Terms only one paragraph uses are left out:
//! they cannot match and would only dilute the others. An inverted index from stem to the
//! paragraphs that use it finds candidates for one paragraph through its most telling words
//! only (its dozen heaviest), and words used by more than one paragraph in a hundred (in
//! large collections) are left out of the index: they say too little to link by, and their
//! long lists are what would make the cost grow with the square of the collection. The best
//! candidates are then scored exactly (cosine over all their words). A link is kept when its
//! cosine passes a threshold and it shares at least two words, at most K per paragraph, each
//! with the shared terms that explain it. 10,000 articles link in seconds.

use rustc_hash::FxHashMap as HashMap;

use serde::{Deserialize, Serialize};

use super::prepare::{Prepared, PreparedParagraph, TermId, Word};
use crate::corpus::Corpus;

/// Links with a cosine below this are not shown: the paragraphs share too little.
const MIN_SCORE: f32 = 0.12;
/// A link needs at least this many shared terms: one word in common is a coincidence.
const MIN_SHARED_TERMS: usize = 2;
/// Words in more than this many paragraphs, or this share of them if that is more, are left
/// out of the index.
const COMMON_WORD_PARAGRAPHS: usize = 30;
const COMMON_WORD_SHARE: f64 = 0.01;
/// How many of a paragraph's heaviest words look for candidates.
const QUERY_TERMS: usize = 12;
/// How many candidates, by their partial score, are scored exactly.
const CANDIDATES: usize = 40;
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
    /// The shared terms that weigh most, as indices into [`super::Analysis::terms`].
    pub terms: Vec<u32>,
}

/// The links of a collection, with the phrases their terms may name.
pub struct Linked {
    /// Links grouped by paragraph in collection order, best first. A term id below the
    /// vocabulary's length is a word; above it, `phrases[id - vocabulary length]`.
    pub links: Vec<Link>,
    /// The phrases: two term ids, in text order.
    pub phrases: Vec<(TermId, TermId)>,
}

/// One paragraph's vector: (term, weight) sorted by term, of unit length.
struct Vector {
    place: (u32, u32),
    weights: Vec<(TermId, f32)>,
}

/// What links are found from: every paragraph's vector, each term's paragraph count, and the
/// phrases. Built while the prepared words are at hand; searching needs only this.
pub struct LinkIndex {
    vectors: Vec<Vector>,
    paragraph_frequency: Vec<u32>,
    phrases: Vec<(TermId, TermId)>,
    words: TermId,
}

impl LinkIndex {
    /// The vectors of every paragraph of running text, from the prepared paragraphs of
    /// `corpus` (consumed: they are let go as the vectors are built) and the number of words
    /// in the vocabulary.
    pub fn new(corpus: &Corpus, documents: Vec<Vec<PreparedParagraph>>, words: usize) -> LinkIndex {
        let words = words as TermId;
        let (vectors, paragraph_frequency, phrases) = vectors(corpus, documents, words);
        LinkIndex { vectors, paragraph_frequency, phrases, words }
    }
}

/// The links of every paragraph of running text of a prepared collection: at most `k` each,
/// best first, grouped by paragraph in collection order.
pub fn links(corpus: &Corpus, prepared: Prepared, k: usize) -> Linked {
    let words = prepared.vocabulary.len();
    search(LinkIndex::new(corpus, prepared.documents, words), k)
}

/// The links an index finds: at most `k` per paragraph, best first, grouped by paragraph in
/// collection order.
pub fn search(index: LinkIndex, k: usize) -> Linked {
    let LinkIndex { vectors, paragraph_frequency, phrases, words } = index;
    let paragraphs = vectors.len();
    let limit = COMMON_WORD_PARAGRAPHS.max((paragraphs as f64 * COMMON_WORD_SHARE) as usize);
    // The index: for each word not too common, the paragraphs using it, with its weight.
    let mut postings: Vec<Vec<(u32, f32)>> = paragraph_frequency
        .iter()
        .map(|&f| if (f as usize) <= limit { Vec::with_capacity(f as usize) } else { Vec::new() })
        .collect();
    drop(paragraph_frequency);
    for (i, v) in vectors.iter().enumerate() {
        for &(t, w) in &v.weights {
            let list = &mut postings[t as usize];
            if list.capacity() > 0 {
                list.push((i as u32, w));
            }
        }
    }
    // Each paragraph's candidates are found independently: the paragraphs are shared out
    // among the machine's cores.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4);
    let chunk = paragraphs.div_ceil(threads).max(1);
    let mut found: Vec<Vec<(u32, f32)>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..paragraphs)
            .step_by(chunk)
            .map(|first| {
                let (vectors, postings) = (&vectors, &postings);
                scope.spawn(move || {
                    let range = first..(first + chunk).min(paragraphs);
                    related_candidates(vectors, postings, range)
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    });
    // Relatedness goes both ways: a paragraph found from one side is offered on the other,
    // whichever side's words found it.
    for i in 0..paragraphs {
        for n in 0..found[i].len() {
            let (j, score) = found[i][n];
            if !found[j as usize].iter().any(|&(back, _)| back as usize == i) {
                found[j as usize].push((i as u32, score));
            }
        }
    }
    drop(postings);
    let mut out = Vec::new();
    for (i, mut best) in found.into_iter().enumerate() {
        best.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        best.truncate(k);
        for (j, score) in best {
            let other = &vectors[j as usize];
            let place = |p: (u32, u32)| (p.0 as usize, p.1 as usize);
            out.push(Link {
                from: place(vectors[i].place),
                to: place(other.place),
                score: (f64::from(score) * 1000.0).round() / 1000.0,
                terms: shared_terms(&vectors[i], other, words, &phrases),
            });
        }
    }
    Linked { links: out, phrases }
}

/// For each paragraph of `range`, the paragraphs of other articles related enough to it,
/// with their cosine: candidates come through the postings of its heaviest terms, and the best
/// of them are scored exactly.
fn related_candidates(
    vectors: &[Vector],
    postings: &[Vec<(u32, f32)>],
    range: std::ops::Range<usize>,
) -> Vec<Vec<(u32, f32)>> {
    // Partial scores of the candidates of one paragraph, and which entries were touched.
    let mut partial: Vec<f32> = vec![0.0; vectors.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut found = Vec::with_capacity(range.len());
    for v in &vectors[range] {
        let mut query: Vec<(TermId, f32)> =
            v.weights.iter().copied().filter(|&(t, _)| !postings[t as usize].is_empty()).collect();
        // The heaviest terms, in no particular order (the sum does not care).
        let by_weight =
            |a: &(TermId, f32), b: &(TermId, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if query.len() > QUERY_TERMS {
            query.select_nth_unstable_by(QUERY_TERMS, by_weight);
            query.truncate(QUERY_TERMS);
        }
        for &(t, w) in &query {
            for &(j, x) in &postings[t as usize] {
                if vectors[j as usize].place.0 != v.place.0 {
                    if partial[j as usize] == 0.0 {
                        touched.push(j);
                    }
                    partial[j as usize] += w * x;
                }
            }
        }
        let mut candidates: Vec<(u32, f32)> =
            touched.iter().map(|&j| (j, partial[j as usize])).collect();
        for &j in &touched {
            partial[j as usize] = 0.0;
        }
        touched.clear();
        let by_score = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if candidates.len() > CANDIDATES {
            candidates.select_nth_unstable_by(CANDIDATES, by_score);
            candidates.truncate(CANDIDATES);
        }
        let mut related = Vec::new();
        for (j, _) in candidates {
            let (score, shared) = cosine(v, &vectors[j as usize]);
            if score >= MIN_SCORE && shared >= MIN_SHARED_TERMS {
                related.push((j, score));
            }
        }
        found.push(related);
    }
    found
}

/// TF-IDF unit vectors of the paragraphs of running text (words and phrases), each term's
/// paragraph count, and the phrases used by two paragraphs or more (term ids from `words`
/// on). The prepared paragraphs are consumed: each document's words are let go as soon as its
/// vectors are built, so the words and the vectors are never all in memory at once.
fn vectors(
    corpus: &Corpus,
    documents: Vec<Vec<PreparedParagraph>>,
    words: TermId,
) -> (Vec<Vector>, Vec<u32>, Vec<(TermId, TermId)>) {
    let mut paragraph_frequency: Vec<u32> = vec![0; words as usize];
    let mut phrase_ids: HashMap<(TermId, TermId), TermId> = HashMap::default();
    let mut phrases: Vec<(TermId, TermId)> = Vec::new();
    let mut vectors: Vec<Vector> = Vec::new();
    for (d, paragraphs) in documents.into_iter().enumerate() {
        for (p, paragraph) in paragraphs.iter().enumerate().filter(|(_, p)| p.body) {
            let text = corpus.documents[d].paragraphs[p].text.as_str();
            let mut terms: Vec<TermId> = paragraph.content_terms().collect();
            for pair in paragraph.words.windows(2).filter(|pair| is_phrase(text, pair)) {
                let id = *phrase_ids.entry((pair[0].term, pair[1].term)).or_insert_with(|| {
                    phrases.push((pair[0].term, pair[1].term));
                    words + phrases.len() as TermId - 1
                });
                terms.push(id);
            }
            terms.sort_unstable();
            let mut weights: Vec<(TermId, f32)> = Vec::new();
            for t in terms {
                match weights.last_mut() {
                    Some((last, count)) if *last == t => *count += 1.0,
                    _ => weights.push((t, 1.0)),
                }
            }
            if let Some(&(last, _)) = weights.last()
                && last as usize >= paragraph_frequency.len()
            {
                paragraph_frequency.resize(last as usize + 1, 0);
            }
            for &(t, _) in &weights {
                paragraph_frequency[t as usize] += 1;
            }
            vectors.push(Vector { place: (d as u32, p as u32), weights });
        }
    }
    drop(phrase_ids);
    // Phrases only one paragraph uses can link nothing: most phrases are such. They go, and
    // the others are numbered again, densely.
    let mut renumbered: Vec<TermId> = vec![TermId::MAX; phrases.len()];
    let mut kept = Vec::new();
    for (i, &phrase) in phrases.iter().enumerate() {
        if paragraph_frequency[words as usize + i] > 1 {
            renumbered[i] = words + kept.len() as TermId;
            kept.push(phrase);
        }
    }
    let phrases = kept;
    let mut frequency = paragraph_frequency;
    for (i, &id) in renumbered.iter().enumerate() {
        if id != TermId::MAX {
            frequency[id as usize] = frequency[words as usize + i];
        }
    }
    frequency.truncate(words as usize + phrases.len());
    frequency.shrink_to_fit();
    let n = vectors.len() as f32;
    for v in &mut vectors {
        v.weights.retain_mut(|(t, _)| {
            if *t >= words {
                *t = renumbered[(*t - words) as usize];
                *t != TermId::MAX
            } else {
                frequency[*t as usize] > 1
            }
        });
        for (t, w) in &mut v.weights {
            *w = (1.0 + w.ln()) * (n / frequency[*t as usize] as f32).ln();
        }
        v.weights.retain(|&(_, w)| w > 0.0);
        v.weights.shrink_to_fit();
        let norm = v.weights.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            v.weights.iter_mut().for_each(|(_, w)| *w /= norm);
        }
    }
    (vectors, frequency, phrases)
}

/// Whether two words of a paragraph's `text` make a phrase: two different content words with
/// nothing but spaces between them (no punctuation, no function word).
pub fn is_phrase(text: &str, pair: &[Word]) -> bool {
    let [a, b] = pair else {
        return false;
    };
    !a.stop
        && !b.stop
        && a.term != b.term
        && text
            .get(a.range().end..b.range().start)
            .is_some_and(|gap| !gap.is_empty() && gap.chars().all(char::is_whitespace))
}

/// The cosine of two unit vectors (sorted by term) and how many terms they share.
fn cosine(a: &Vector, b: &Vector) -> (f32, usize) {
    let (mut i, mut j, mut sum, mut shared) = (0, 0, 0.0, 0);
    while i < a.weights.len() && j < b.weights.len() {
        match a.weights[i].0.cmp(&b.weights[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a.weights[i].1 * b.weights[j].1;
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (sum, shared)
}

/// The shared terms of two vectors that contribute most to their cosine; a word already
/// named by a phrase in the list is not named again. Term ids from `words` on are phrases.
fn shared_terms(a: &Vector, b: &Vector, words: TermId, phrases: &[(TermId, TermId)]) -> Vec<u32> {
    let mut shared: Vec<(f32, TermId)> = a
        .weights
        .iter()
        .filter_map(|&(t, w)| {
            b.weights.binary_search_by_key(&t, |&(u, _)| u).ok().map(|i| (w * b.weights[i].1, t))
        })
        .collect();
    shared.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    let in_phrase = |word: TermId, chosen: &[TermId]| {
        chosen.iter().any(|&c| {
            c >= words && {
                let (x, y) = phrases[(c - words) as usize];
                x == word || y == word
            }
        })
    };
    let mut chosen: Vec<TermId> = Vec::new();
    // Phrases first: they explain a link better than their words apart.
    for phrases_first in [true, false] {
        for &(_, t) in &shared {
            if chosen.len() < TERMS_PER_LINK
                && (t >= words) == phrases_first
                && !chosen.contains(&t)
                && !in_phrase(t, &chosen)
            {
                chosen.push(t);
            }
        }
    }
    chosen
}
