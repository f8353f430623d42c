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

use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

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
/// Paragraphs searched as one task: each task needs scratch space as long as the collection.
const SEARCH_BLOCK: usize = 2048;
/// The most shared terms listed for a link.
const TERMS_PER_LINK: usize = 5;

/// A related passage in another article. Collections of thousands of articles have hundreds of
/// thousands of links, so a link is kept small: places as 32-bit numbers, its shared terms
/// inline, nothing on the heap.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Link {
    from: (u32, u32),
    to: (u32, u32),
    score: f32,
    term_count: u8,
    terms: [u32; TERMS_PER_LINK],
}

impl Link {
    /// The paragraph linked from: (article, paragraph).
    pub fn from(&self) -> (usize, usize) {
        (self.from.0 as usize, self.from.1 as usize)
    }

    /// The related paragraph: (article, paragraph).
    pub fn to(&self) -> (usize, usize) {
        (self.to.0 as usize, self.to.1 as usize)
    }

    /// Cosine similarity of the two paragraphs, 0 to 1, to three decimals.
    pub fn score(&self) -> f64 {
        (f64::from(self.score) * 1000.0).round() / 1000.0
    }

    /// The shared terms that weigh most, best first, as indices into
    /// [`super::Analysis::terms`] (or, while links are being found, term ids).
    pub fn terms(&self) -> &[u32] {
        &self.terms[..usize::from(self.term_count)]
    }

    /// The shared terms, to be renumbered.
    pub(super) fn terms_mut(&mut self) -> &mut [u32] {
        &mut self.terms[..usize::from(self.term_count)]
    }
}

/// The links of a collection, with where the phrases their terms may name are written.
pub struct Linked {
    /// Links grouped by paragraph in collection order, best first. A term id below the
    /// vocabulary's length is a word; above it, `phrase_places[id - vocabulary length]`.
    pub links: Vec<Link>,
    /// For each phrase, where it is first written: (article, paragraph, byte range).
    pub phrase_places: Vec<PhrasePlace>,
}

/// Where a phrase is written: its article, paragraph and byte range in the paragraph.
#[derive(Clone, Debug, PartialEq)]
pub struct PhrasePlace {
    /// The article.
    pub document: u32,
    /// The paragraph in the article.
    pub paragraph: u32,
    /// The bytes of the paragraph's text from its first word to its second.
    pub range: std::ops::Range<u32>,
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
    phrase_places: Vec<PhrasePlace>,
    words: TermId,
}

impl LinkIndex {
    /// The vectors of every paragraph of running text, from the prepared paragraphs of
    /// `corpus` (consumed: they are let go as the vectors are built) and the number of words
    /// in the vocabulary.
    pub fn new(corpus: &Corpus, documents: Vec<Vec<PreparedParagraph>>, words: usize) -> LinkIndex {
        vectors(corpus, documents, words as TermId)
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
    let LinkIndex { vectors, paragraph_frequency, phrases, phrase_places, words } = index;
    let paragraphs = vectors.len();
    let limit = COMMON_WORD_PARAGRAPHS.max((paragraphs as f64 * COMMON_WORD_SHARE) as usize);
    let postings = Postings::new(&vectors, &paragraph_frequency, limit);
    drop(paragraph_frequency);
    // Each paragraph's candidates are found independently: the paragraphs are shared out
    // among the machine's cores, a block at a time (each block keeps its own scratch space),
    // one block per core at a time so that only those blocks' finds wait to be merged.
    // Relatedness goes both ways: a pair found from either side is offered to both.
    let mut best = Best::new(paragraphs, k);
    let blocks: Vec<usize> = (0..paragraphs.div_ceil(SEARCH_BLOCK)).collect();
    for wave in blocks.chunks(rayon::current_num_threads().max(1)) {
        let found: Vec<(usize, Vec<Related>)> = wave
            .par_iter()
            .map(|&b| {
                let block = b * SEARCH_BLOCK..((b + 1) * SEARCH_BLOCK).min(paragraphs);
                (block.start, related_candidates(&vectors, &postings, block))
            })
            .collect();
        for (start, lists) in found {
            for (i, list) in (start as u32..).zip(lists) {
                for (j, score) in list {
                    best.offer(i, j, score);
                    best.offer(j, i, score);
                }
            }
        }
    }
    drop(postings);
    let mut out = Vec::with_capacity(best.len());
    for i in 0..paragraphs {
        for (j, score) in best.of(i) {
            let other = &vectors[j as usize];
            let (terms, term_count) = shared_terms(&vectors[i], other, words, &phrases);
            out.push(Link { from: vectors[i].place, to: other.place, score, term_count, terms });
        }
    }
    Linked { links: out, phrase_places }
}

/// The order of related paragraphs (index, score): the higher score first, then the earlier
/// paragraph.
fn rank_order(a: &(u32, f32), b: &(u32, f32)) -> std::cmp::Ordering {
    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
}

/// The best `k` related paragraphs of every paragraph so far, each pair once.
struct Best {
    k: usize,
    /// `k` places per paragraph; the first `lengths[i]` of paragraph `i`'s are filled.
    entries: Vec<(u32, f32)>,
    lengths: Vec<u32>,
}

impl Best {
    fn new(paragraphs: usize, k: usize) -> Best {
        Best { k, entries: vec![(0, 0.0); paragraphs * k], lengths: vec![0; paragraphs] }
    }

    /// Offer paragraph `j` at `score` to paragraph `i`: kept when `i` has room or it ranks
    /// before the last of `i`'s best, unless it is there already.
    fn offer(&mut self, i: u32, j: u32, score: f32) {
        let (i, len) = (i as usize, self.lengths[i as usize] as usize);
        let list = &mut self.entries[i * self.k..i * self.k + len];
        if list.iter().any(|&(other, _)| other == j) {
            return;
        }
        if len < self.k {
            self.entries[i * self.k + len] = (j, score);
            self.lengths[i] += 1;
            return;
        }
        let worst = (0..len).max_by(|&a, &b| rank_order(&list[a], &list[b]));
        if let Some(worst) = worst.filter(|&w| rank_order(&(j, score), &list[w]).is_lt()) {
            list[worst] = (j, score);
        }
    }

    /// How many related paragraphs are kept in all.
    fn len(&self) -> usize {
        self.lengths.iter().map(|&n| n as usize).sum()
    }

    /// Paragraph `i`'s best, best first.
    fn of(&self, i: usize) -> Vec<(u32, f32)> {
        let mut list = self.entries[i * self.k..i * self.k + self.lengths[i] as usize].to_vec();
        list.sort_unstable_by(rank_order);
        list
    }
}

/// The inverted index: for each term not too common, the paragraphs using it with its
/// weight, all in one list (term `t`'s are `entries[starts[t]..starts[t + 1]]`).
struct Postings {
    starts: Vec<u32>,
    entries: Vec<(u32, f32)>,
}

impl Postings {
    /// The postings of `vectors`, leaving out terms in more than `limit` paragraphs.
    fn new(vectors: &[Vector], paragraph_frequency: &[u32], limit: usize) -> Postings {
        let counted = |f: u32| if f as usize <= limit { f } else { 0 };
        let mut starts = Vec::with_capacity(paragraph_frequency.len() + 1);
        let mut total = 0u32;
        starts.push(0);
        for &f in paragraph_frequency {
            total += counted(f);
            starts.push(total);
        }
        let mut entries = vec![(0, 0.0); total as usize];
        let mut filled: Vec<u32> = starts[..paragraph_frequency.len()].to_vec();
        for (i, v) in vectors.iter().enumerate() {
            for &(t, w) in &v.weights {
                if counted(paragraph_frequency[t as usize]) > 0 {
                    entries[filled[t as usize] as usize] = (i as u32, w);
                    filled[t as usize] += 1;
                }
            }
        }
        Postings { starts, entries }
    }

    /// The paragraphs using term `t`, with its weight; none when it is too common.
    fn of(&self, t: TermId) -> &[(u32, f32)] {
        &self.entries[self.starts[t as usize] as usize..self.starts[t as usize + 1] as usize]
    }
}

/// Paragraphs related to one paragraph (index in the vectors, cosine).
type Related = Vec<(u32, f32)>;

/// For each paragraph of `block` (a range of `vectors`), the paragraphs of other articles
/// related enough to it, with their cosine: candidates come through the postings of its
/// heaviest terms, and the best of them are scored exactly.
fn related_candidates(
    vectors: &[Vector],
    postings: &Postings,
    block: std::ops::Range<usize>,
) -> Vec<Related> {
    // Partial scores of the candidates of one paragraph, and which entries were touched.
    let mut partial: Vec<f32> = vec![0.0; vectors.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut found = Vec::with_capacity(block.len());
    for v in &vectors[block] {
        let mut query: Vec<(TermId, f32)> =
            v.weights.iter().copied().filter(|&(t, _)| !postings.of(t).is_empty()).collect();
        // The heaviest terms, in no particular order (the sum does not care).
        let by_weight =
            |a: &(TermId, f32), b: &(TermId, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if query.len() > QUERY_TERMS {
            query.select_nth_unstable_by(QUERY_TERMS, by_weight);
            query.truncate(QUERY_TERMS);
        }
        for &(t, w) in &query {
            for &(j, x) in postings.of(t) {
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
        if candidates.len() > CANDIDATES {
            candidates.select_nth_unstable_by(CANDIDATES, rank_order);
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

/// The index: TF-IDF unit vectors of the paragraphs of running text (words and phrases),
/// each term's paragraph count, and the phrases used by two paragraphs or more (term ids from
/// `words` on, in the order they are first used) with where each is first written. The
/// prepared paragraphs are consumed: each document's words are let go as soon as its vectors
/// are built, so the words and the vectors are never all in memory at once. Phrases only one
/// paragraph uses (most phrases) can link nothing: they are counted first and never enter a
/// vector.
fn vectors(corpus: &Corpus, documents: Vec<Vec<PreparedParagraph>>, words: TermId) -> LinkIndex {
    let shared = shared_phrases(corpus, &documents);
    let mut paragraph_frequency: Vec<u32> = vec![0; words as usize + shared.len()];
    let mut phrase_ids: HashMap<u64, TermId> = HashMap::default();
    let mut phrases: Vec<(TermId, TermId)> = Vec::with_capacity(shared.len());
    let mut phrase_places: Vec<PhrasePlace> = Vec::with_capacity(shared.len());
    let mut vectors: Vec<Vector> = Vec::new();
    for (d, paragraphs) in documents.into_iter().enumerate() {
        for (p, paragraph) in paragraphs.iter().enumerate().filter(|(_, p)| p.body) {
            let text = corpus.documents[d].paragraphs[p].text.as_str();
            let mut terms: Vec<TermId> = paragraph.content_terms().collect();
            for pair in phrase_pairs(text, paragraph) {
                let (a, b) = (pair[0].term(), pair[1].term());
                if !shared.contains(&phrase_key(a, b)) {
                    continue;
                }
                let id = *phrase_ids.entry(phrase_key(a, b)).or_insert_with(|| {
                    phrases.push((a, b));
                    phrase_places.push(PhrasePlace {
                        document: d as u32,
                        paragraph: p as u32,
                        range: pair[0].range().start as u32..pair[1].range().end as u32,
                    });
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
            for &(t, _) in &weights {
                paragraph_frequency[t as usize] += 1;
            }
            vectors.push(Vector { place: (d as u32, p as u32), weights });
        }
    }
    drop(phrase_ids);
    let n = vectors.len() as f32;
    for v in &mut vectors {
        v.weights.retain(|&(t, _)| paragraph_frequency[t as usize] > 1);
        for (t, w) in &mut v.weights {
            *w = (1.0 + w.ln()) * (n / paragraph_frequency[*t as usize] as f32).ln();
        }
        v.weights.retain(|&(_, w)| w > 0.0);
        v.weights.shrink_to_fit();
        let norm = v.weights.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            v.weights.iter_mut().for_each(|(_, w)| *w /= norm);
        }
    }
    LinkIndex { vectors, paragraph_frequency, phrases, phrase_places, words }
}

/// The phrases of a prepared paragraph of `text`: its pairs of words that [`is_phrase`].
fn phrase_pairs<'p>(
    text: &'p str,
    paragraph: &'p PreparedParagraph,
) -> impl Iterator<Item = &'p [Word]> + 'p {
    paragraph.words.windows(2).filter(move |pair| is_phrase(text, pair))
}

/// A phrase's two term ids as one number.
fn phrase_key(a: TermId, b: TermId) -> u64 {
    u64::from(a) << 32 | u64::from(b)
}

/// The phrases two paragraphs of running text or more use (as [`phrase_key`]s): every
/// paragraph's phrases, each once, sorted together and counted.
fn shared_phrases(corpus: &Corpus, documents: &[Vec<PreparedParagraph>]) -> HashSet<u64> {
    let mut used: Vec<u64> = Vec::new();
    let mut paragraph_phrases: Vec<u64> = Vec::new();
    for (d, paragraphs) in documents.iter().enumerate() {
        for (p, paragraph) in paragraphs.iter().enumerate().filter(|(_, p)| p.body) {
            let text = corpus.documents[d].paragraphs[p].text.as_str();
            paragraph_phrases.clear();
            paragraph_phrases.extend(
                phrase_pairs(text, paragraph)
                    .map(|pair| phrase_key(pair[0].term(), pair[1].term())),
            );
            paragraph_phrases.sort_unstable();
            paragraph_phrases.dedup();
            used.extend_from_slice(&paragraph_phrases);
        }
    }
    used.sort_unstable();
    used.chunk_by(|a, b| a == b).filter(|run| run.len() > 1).map(|run| run[0]).collect()
}

/// Whether two words of a paragraph's `text` make a phrase: two different content words with
/// nothing but spaces between them (no punctuation, no function word).
fn is_phrase(text: &str, pair: &[Word]) -> bool {
    let [a, b] = pair else {
        return false;
    };
    !a.stop()
        && !b.stop()
        && a.term() != b.term()
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
fn shared_terms(
    a: &Vector,
    b: &Vector,
    words: TermId,
    phrases: &[(TermId, TermId)],
) -> ([u32; TERMS_PER_LINK], u8) {
    let mut shared: Vec<(f32, TermId)> = a
        .weights
        .iter()
        .filter_map(|&(t, w)| {
            b.weights.binary_search_by_key(&t, |&(u, _)| u).ok().map(|i| (w * b.weights[i].1, t))
        })
        .collect();
    shared.sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    let in_phrase = |word: TermId, chosen: &[TermId]| {
        chosen.iter().any(|&c| {
            c >= words && {
                let (x, y) = phrases[(c - words) as usize];
                x == word || y == word
            }
        })
    };
    let mut chosen = [0; TERMS_PER_LINK];
    let mut count = 0;
    // Phrases first: they explain a link better than their words apart.
    for phrases_first in [true, false] {
        for &(_, t) in &shared {
            if count < TERMS_PER_LINK
                && (t >= words) == phrases_first
                && !chosen[..count].contains(&t)
                && !in_phrase(t, &chosen[..count])
            {
                chosen[count] = t;
                count += 1;
            }
        }
    }
    (chosen, count as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_best_keep_each_pair_once_in_rank_order() {
        let mut best = Best::new(3, 2);
        // Paragraph 0 finds 1 and 2; 1 finds 0 again (same pair, same score).
        for (i, j, score) in [(0, 1, 0.5), (0, 2, 0.7), (1, 0, 0.5)] {
            best.offer(i, j, score);
            best.offer(j, i, score);
        }
        assert_eq!(best.of(0), [(2, 0.7), (1, 0.5)]);
        assert_eq!(best.of(1), [(0, 0.5)], "the pair once");
        assert_eq!(best.of(2), [(0, 0.7)]);
        // A better one pushes out the last; an equal score goes to the earlier paragraph.
        best.offer(0, 1, 0.5);
        best.offer(2, 1, 0.9);
        best.offer(2, 0, 0.7);
        assert_eq!(best.of(2), [(1, 0.9), (0, 0.7)]);
        let mut ties = Best::new(1, 1);
        ties.offer(0, 5, 0.3);
        ties.offer(0, 4, 0.3);
        ties.offer(0, 6, 0.3);
        assert_eq!(ties.of(0), [(4, 0.3)]);
        assert_eq!(best.len() + ties.len(), 6);
    }
}
