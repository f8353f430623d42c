//! The paragraphs as TF-IDF unit vectors of their content stems and phrases.
//!
//! Ten thousand articles make some five million (paragraph, term) entries, the largest thing
//! link search holds. An entry is kept in 6 bytes: its term and how often the paragraph uses
//! it. Its weight, `(1 + ln count) × idf / norm`, is worked out when it is needed, by the same
//! operations in the same order as when the norm was taken, so every weight, cosine and score
//! is exactly what stored weights would give.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::PhrasePlace;
use super::formulae::Formulae;
use crate::analysis::prepare::{PreparedParagraph, TermId, Word};
use crate::analysis::sorted::{any_match, for_each_match};
use crate::corpus::Corpus;

/// Phrase occurrences counted in one pass of [`shared_phrases`]: about two million, 16 MB.
const PHRASES_PER_PASS: usize = 1 << 21;

/// An article's vector: (term, weight), sorted by term, of unit length.
pub type ArticleVector = Vec<(TermId, f32)>;

/// The cosine of two article vectors.
pub fn article_cosine(a: &ArticleVector, b: &ArticleVector) -> f32 {
    let mut sum = 0.0;
    for_each_match(a, b, |e| e.0, |e| e.0, |x, y| sum += x.1 * y.1);
    sum
}

/// One vector spread over every term, for its products with many others: each a look-up per
/// term of the other instead of a merge of the two lists.
pub struct Spread {
    weights: Vec<f32>,
    present: Vec<bool>,
    /// The terms set, to be cleared before the next vector.
    set: Vec<TermId>,
}

impl Spread {
    /// Room for vectors over `terms` terms.
    pub fn new(terms: usize) -> Spread {
        Spread { weights: vec![0.0; terms], present: vec![false; terms], set: Vec::new() }
    }

    /// Spread `entries` (term, weight), the previous vector cleared.
    fn load(&mut self, entries: impl Iterator<Item = (TermId, f32)>) {
        for t in self.set.drain(..) {
            self.weights[t as usize] = 0.0;
            self.present[t as usize] = false;
        }
        for (t, w) in entries {
            self.weights[t as usize] = w;
            self.present[t as usize] = true;
            self.set.push(t);
        }
    }

    /// Spread paragraph `i` of `vectors`.
    pub fn paragraph(&mut self, vectors: &Vectors, i: usize) {
        self.load(vectors.weights(i));
    }

    /// Spread an article's vector.
    pub fn article(&mut self, vector: &ArticleVector) {
        self.load(vector.iter().copied());
    }

    /// The product of the spread vector and an article's vector: [`article_cosine`] for one
    /// article against many, summed in the same order.
    pub fn article_cosine(&self, other: &ArticleVector) -> f32 {
        let mut sum = 0.0;
        for &(t, w) in other {
            if self.present[t as usize] {
                sum += self.weights[t as usize] * w;
            }
        }
        sum
    }
}

/// Every paragraph of running text's vector.
pub struct Vectors {
    places: Vec<(u32, u32)>,
    rows: Vec<Row>,
    /// For each term, its inverse paragraph frequency.
    idf: Vec<f32>,
    /// For each paragraph, the length its weights are divided by.
    norms: Vec<f32>,
}

/// One paragraph's vector in one block of memory: its `n` terms, sorted, then their counts,
/// two to a `u32`. Built as the paragraph's words are let go, a row takes the room they
/// leave, where one list of every row would need new memory beside them.
struct Row(Box<[u32]>);

impl Row {
    /// The row of `terms` (sorted) used `counts` times each.
    fn new(terms: &[TermId], counts: &[u16]) -> Row {
        let mut row = Vec::with_capacity(terms.len() + terms.len().div_ceil(2));
        row.extend_from_slice(terms);
        row.extend(
            counts
                .chunks(2)
                .map(|pair| u32::from(pair[0]) | pair.get(1).map_or(0, |&c| u32::from(c) << 16)),
        );
        Row(row.into_boxed_slice())
    }

    /// How many terms it has: `n + ⌈n/2⌉` numbers hold `n` terms.
    fn len(&self) -> usize {
        self.0.len() * 2 / 3
    }

    /// Its terms, sorted.
    fn terms(&self) -> &[TermId] {
        &self.0[..self.len()]
    }

    /// How often the paragraph uses its `k`th term.
    fn count(&self, k: usize) -> u16 {
        (self.0[self.len() + k / 2] >> (16 * (k % 2))) as u16
    }

    /// The weight of its `k`th term before the paragraph's norm divides it.
    fn raw_weight(&self, idf: &[f32], k: usize) -> f32 {
        let idf = idf[self.terms()[k] as usize];
        match self.count(k) {
            // Most terms are used once in a paragraph, and 1 + ln 1 is 1.
            1 => idf,
            count => (1.0 + f32::from(count).ln()) * idf,
        }
    }
}

/// What the index is built from besides the vectors: each term's paragraph count, and the
/// phrases (pairs of word term ids, numbered from the vocabulary's length on in this order)
/// with where each is first written.
pub struct Terms {
    /// For each term (words, then phrases), how many paragraphs use it.
    pub paragraph_frequency: Vec<u32>,
    /// The phrases, as their two words' term ids.
    pub phrases: Vec<(TermId, TermId)>,
    /// Where each phrase is first written.
    pub phrase_places: Vec<PhrasePlace>,
}

impl Vectors {
    /// The vectors of every paragraph of running text of `corpus`, from its prepared
    /// paragraphs (consumed: each document's words are let go once its vectors are built) and
    /// the number of words in the vocabulary. Terms only one paragraph uses are left out: they
    /// cannot link. Phrases are those two paragraphs or more use, counted first, so that the
    /// million phrases used once never get a number.
    pub fn new(
        corpus: &Corpus,
        documents: Vec<Vec<PreparedParagraph>>,
        words: TermId,
        formulae: &Formulae,
    ) -> (Vectors, Terms) {
        let shared = shared_phrases(corpus, &documents, formulae);
        // First pass: number the phrases in the order they are first used, and count every
        // term's paragraphs.
        let mut frequency: Vec<u32> = vec![0; words as usize + shared.len()];
        let mut phrase_ids: HashMap<u64, TermId> = HashMap::default();
        let mut phrases: Vec<(TermId, TermId)> = Vec::with_capacity(shared.len());
        let mut phrase_places: Vec<PhrasePlace> = Vec::with_capacity(shared.len());
        let mut terms: Vec<TermId> = Vec::new();
        let mut paragraphs = 0usize;
        for (d, document) in documents.iter().enumerate() {
            for (p, paragraph) in document.iter().enumerate().filter(|(_, p)| p.body) {
                let text = corpus.documents[d].paragraphs[p].text.as_str();
                paragraph_terms(text, paragraph, &mut terms, |a, b, range| {
                    let key = phrase_key(a, b);
                    shared.contains(&key).then(|| {
                        *phrase_ids.entry(key).or_insert_with(|| {
                            phrases.push((a, b));
                            phrase_places.push(PhrasePlace {
                                document: d as u32,
                                paragraph: p as u32,
                                range,
                            });
                            words + phrases.len() as TermId - 1
                        })
                    })
                });
                for run in terms.chunk_by(|a, b| a == b) {
                    frequency[run[0] as usize] += 1;
                }
                paragraphs += 1;
            }
        }
        drop(shared);
        let n = paragraphs as f32;
        let idf: Vec<f32> = frequency.iter().map(|&f| (n / f as f32).ln()).collect();
        // A term is kept where it has a weight: used by two paragraphs or more, not by all.
        // Formulae are never kept: they link passages of any story.
        let kept =
            |t: TermId| frequency[t as usize] > 1 && idf[t as usize] > 0.0 && !formulae.is_word(t);
        // Second pass: the vectors, each document's as its words are let go.
        let mut vectors = Vectors {
            places: Vec::with_capacity(paragraphs),
            rows: Vec::with_capacity(paragraphs),
            idf: Vec::new(),
            norms: Vec::with_capacity(paragraphs),
        };
        let (mut kept_terms, mut counts): (Vec<TermId>, Vec<u16>) = (Vec::new(), Vec::new());
        for (d, document) in documents.into_iter().enumerate() {
            for (p, paragraph) in document.iter().enumerate().filter(|(_, p)| p.body) {
                let text = corpus.documents[d].paragraphs[p].text.as_str();
                paragraph_terms(text, paragraph, &mut terms, |a, b, _| {
                    phrase_ids.get(&phrase_key(a, b)).copied()
                });
                kept_terms.clear();
                counts.clear();
                for run in terms.chunk_by(|a, b| a == b).filter(|run| kept(run[0])) {
                    kept_terms.push(run[0]);
                    counts.push(u16::try_from(run.len()).unwrap_or(u16::MAX));
                }
                let row = Row::new(&kept_terms, &counts);
                let sum: f32 = (0..row.len()).map(|k| row.raw_weight(&idf, k)).map(|w| w * w).sum();
                vectors.norms.push(sum.sqrt());
                vectors.places.push((d as u32, p as u32));
                vectors.rows.push(row);
            }
        }
        vectors.idf = idf;
        let terms = Terms { paragraph_frequency: frequency, phrases, phrase_places };
        (vectors, terms)
    }

    /// How many paragraphs there are.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// The paragraphs of article `article`: those of each article follow one another.
    pub fn paragraphs_of(&self, article: u32) -> std::ops::Range<u32> {
        let start = self.places.partition_point(|p| p.0 < article);
        let end = start + self.places[start..].partition_point(|p| p.0 == article);
        start as u32..end as u32
    }

    /// Paragraph `i`'s place: (article, paragraph).
    pub fn place(&self, i: usize) -> (u32, u32) {
        self.places[i]
    }

    /// Paragraph `i`'s terms with their weights, sorted by term; the weights are of unit
    /// length.
    pub fn weights(&self, i: usize) -> impl Iterator<Item = (TermId, f32)> + '_ {
        let (row, norm) = (&self.rows[i], self.norms[i]);
        let weight = move |k: usize| row.raw_weight(&self.idf, k) / norm;
        row.terms().iter().enumerate().map(move |(k, &t)| (t, weight(k)))
    }

    /// The weight of term `t` in paragraph `i`, if it uses it.
    pub fn weight_of(&self, i: usize, t: TermId) -> Option<f32> {
        let row = &self.rows[i];
        let k = row.terms().binary_search(&t).ok()?;
        Some(row.raw_weight(&self.idf, k) / self.norms[i])
    }

    /// Whether `f` says yes to a term paragraphs `i` and `j` share: it is called with them in
    /// order until it does.
    pub fn any_shared(&self, i: usize, j: usize, mut f: impl FnMut(TermId) -> bool) -> bool {
        let (a, b) = (self.rows[i].terms(), self.rows[j].terms());
        any_match(a, b, |&t| t, |&t| t, |&t, _| f(t))
    }

    /// Each of `documents` articles' vector: the sum of its paragraphs' unit vectors, its
    /// `keep` heaviest terms, scaled to length 1 and sorted by term (empty for an article
    /// without running text).
    pub fn articles(&self, documents: usize, keep: usize) -> Vec<ArticleVector> {
        let mut out = vec![Vec::new(); documents];
        let mut start = 0;
        while start < self.places.len() {
            let d = self.places[start].0;
            let end = start + self.places[start..].iter().take_while(|p| p.0 == d).count();
            let mut entries: Vec<(TermId, f32)> =
                (start..end).flat_map(|i| self.weights(i)).collect();
            entries.sort_unstable_by_key(|&(t, _)| t);
            let mut summed: Vec<(TermId, f32)> = entries
                .chunk_by(|a, b| a.0 == b.0)
                .map(|run| (run[0].0, run.iter().map(|&(_, w)| w).sum()))
                .collect();
            if summed.len() > keep {
                summed.select_nth_unstable_by(keep, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                summed.truncate(keep);
                summed.sort_unstable_by_key(|&(t, _)| t);
            }
            let norm = summed.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt();
            if norm > 0.0 {
                summed.iter_mut().for_each(|(_, w)| *w /= norm);
            }
            // Only the kept terms keep their room (an article has hundreds of terms).
            summed.shrink_to_fit();
            out[d as usize] = summed;
            start = end;
        }
        out
    }

    /// How many terms there are (words and phrases): term ids are below it.
    pub fn term_count(&self) -> usize {
        self.idf.len()
    }

    /// The cosine of the paragraph spread in `spread` (see [`Spread::paragraph`]) and
    /// paragraph `j`, and how many terms they share, summed in term order.
    pub fn cosine_with(&self, spread: &Spread, j: usize) -> (f32, usize) {
        let row = &self.rows[j];
        let (mut sum, mut shared) = (0.0, 0);
        for (k, &t) in row.terms().iter().enumerate() {
            if spread.present[t as usize] {
                sum += spread.weights[t as usize] * (row.raw_weight(&self.idf, k) / self.norms[j]);
                shared += 1;
            }
        }
        (sum, shared)
    }
}

/// A paragraph's terms into `out`, sorted, once per use: its content words, and its phrases
/// that `phrase` numbers (given the two words' term ids and the phrase's byte range).
fn paragraph_terms(
    text: &str,
    paragraph: &PreparedParagraph,
    out: &mut Vec<TermId>,
    mut phrase: impl FnMut(TermId, TermId, std::ops::Range<u32>) -> Option<TermId>,
) {
    out.clear();
    out.extend(paragraph.content_terms());
    for pair in phrase_pairs(text, paragraph) {
        let range = pair[0].range().start as u32..pair[1].range().end as u32;
        out.extend(phrase(pair[0].term(), pair[1].term(), range));
    }
    out.sort_unstable();
}

/// The phrases of a prepared paragraph of `text`: its pairs of words that [`is_phrase`].
fn phrase_pairs<'p>(
    text: &'p str,
    paragraph: &'p PreparedParagraph,
) -> impl Iterator<Item = &'p [Word]> + 'p {
    paragraph.words.windows(2).filter(move |pair| is_phrase(text, pair))
}

/// Whether two neighbouring words are a formula or hold one: a phrase of them never links.
fn is_formula(formulae: &Formulae, a: TermId, b: TermId) -> bool {
    formulae.is_pair(a, b) || formulae.is_word(a) || formulae.is_word(b)
}

/// A phrase's two term ids as one number.
fn phrase_key(a: TermId, b: TermId) -> u64 {
    u64::from(a) << 32 | u64::from(b)
}

/// The phrases two paragraphs of running text or more use (as [`phrase_key`]s): every
/// paragraph's phrases, each once, sorted together and counted. A large collection has
/// millions of them, so they are counted in passes over the collection, each taking the
/// phrases of one share of the keys, to hold only a share of them at a time.
fn shared_phrases(
    corpus: &Corpus,
    documents: &[Vec<PreparedParagraph>],
    formulae: &Formulae,
) -> HashSet<u64> {
    let words: usize = documents.iter().flatten().map(|p| p.words.len()).sum();
    let passes = words.div_ceil(PHRASES_PER_PASS).max(1) as u64;
    let mut shared = HashSet::default();
    let mut used: Vec<u64> = Vec::new();
    let mut paragraph_phrases: Vec<u64> = Vec::new();
    for pass in 0..passes {
        for (d, paragraphs) in documents.iter().enumerate() {
            for (p, paragraph) in paragraphs.iter().enumerate().filter(|(_, p)| p.body) {
                let text = corpus.documents[d].paragraphs[p].text.as_str();
                paragraph_phrases.clear();
                paragraph_phrases.extend(
                    phrase_pairs(text, paragraph)
                        .filter(|pair| !is_formula(formulae, pair[0].term(), pair[1].term()))
                        .map(|pair| phrase_key(pair[0].term(), pair[1].term()))
                        .filter(|&key| share_of(key, passes) == pass),
                );
                paragraph_phrases.sort_unstable();
                paragraph_phrases.dedup();
                used.extend_from_slice(&paragraph_phrases);
            }
        }
        used.sort_unstable();
        let repeated = used.chunk_by(|a, b| a == b).filter(|run| run.len() > 1);
        shared.extend(repeated.map(|run| run[0]));
        used.clear();
    }
    shared
}

/// Which of `shares` equal shares a phrase key falls in, the keys mixed so that each share
/// takes about as many phrases.
fn share_of(key: u64, shares: u64) -> u64 {
    ((u128::from(key.wrapping_mul(0x9E37_79B9_7F4A_7C15)) * u128::from(shares)) >> 64) as u64
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The cosine of paragraphs `i` and `j` as the search works it out.
    fn cosine(vectors: &Vectors, i: usize, j: usize) -> (f32, usize) {
        let mut spread = Spread::new(vectors.term_count());
        spread.paragraph(vectors, i);
        vectors.cosine_with(&spread, j)
    }
    use crate::analysis::prepare::Prepared;
    use crate::corpus::parse_document;

    /// The vectors of articles made of the given paragraphs (each after a title line).
    fn vectors_of(articles: &[&[&str]]) -> (Vectors, Terms, Prepared) {
        let documents = articles
            .iter()
            .enumerate()
            .map(|(i, paragraphs)| {
                let text = format!("عنوان المقال {i}\n\n{}\n", paragraphs.join("\n\n"));
                parse_document(&format!("{i}.txt"), &text, false)
            })
            .collect();
        let corpus = Corpus { documents, warnings: Vec::new() };
        let prepared = Prepared::new(&corpus);
        let words = prepared.vocabulary.len() as TermId;
        let formulae = Formulae::new(&prepared.vocabulary);
        let (vectors, terms) =
            Vectors::new(&corpus, Prepared::new(&corpus).documents, words, &formulae);
        (vectors, terms, prepared)
    }

    #[test]
    fn a_row_keeps_its_terms_and_their_counts_two_to_a_number() {
        for n in 0..6u32 {
            let terms: Vec<TermId> = (0..n).map(|t| t * 7 + 3).collect();
            let counts: Vec<u16> =
                (0..n as u16).map(|k| [1, 2, u16::MAX][usize::from(k) % 3]).collect();
            let row = Row::new(&terms, &counts);
            assert_eq!(row.0.len(), (n + n.div_ceil(2)) as usize);
            assert_eq!(row.terms(), terms);
            assert_eq!((0..row.len()).map(|k| row.count(k)).collect::<Vec<_>>(), counts);
        }
    }

    #[test]
    fn weights_are_of_unit_length_and_a_paragraph_is_its_own_best_match() {
        let (vectors, _, _) = vectors_of(&[
            &["الذكاء الاصطناعي يغير التعليم في المدارس.", "المدارس تحتاج معلمين جددا."],
            &["الذكاء الاصطناعي في المستشفيات والمدارس.", "خطاب الكراهية على المنصات."],
            &["خطاب الكراهية ينتشر على المنصات الرقمية.", "المعلمين يطالبون بالتدريب."],
        ]);
        assert_eq!(vectors.len(), 6, "every paragraph of running text");
        for i in 0..vectors.len() {
            let length: f32 = vectors.weights(i).map(|(_, w)| w * w).sum::<f32>().sqrt();
            assert!((length - 1.0).abs() < 1e-5, "paragraph {i}: {length}");
            let (itself, _) = cosine(&vectors, i, i);
            assert!((itself - 1.0).abs() < 1e-5);
            for j in 0..vectors.len() {
                let dot: f32 = vectors
                    .weights(i)
                    .filter_map(|(t, w)| vectors.weight_of(j, t).map(|x| w * x))
                    .sum();
                assert!((cosine(&vectors, i, j).0 - dot).abs() < 1e-6);
                assert_eq!(cosine(&vectors, i, j), cosine(&vectors, j, i));
            }
        }
        // The two paragraphs on hate speech share most, through the phrase as well.
        let (best, _) = (0..vectors.len())
            .filter(|&j| j != 3)
            .map(|j| (j, cosine(&vectors, 3, j).0))
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .unwrap();
        assert_eq!(vectors.place(best), (2, 1));
    }

    #[test]
    fn only_terms_and_phrases_two_paragraphs_use_are_kept() {
        let (vectors, terms, prepared) = vectors_of(&[
            &["خطاب الكراهية ينتشر بسرعة كبيرة."],
            &["خطاب الكراهية يقلق الحكومات كثيرا.", "التعليم في المدارس."],
        ]);
        let words = prepared.vocabulary.len() as TermId;
        assert_eq!(terms.phrases.len(), 1, "«خطاب الكراهية», and not «ينتشر بسرعة»");
        let (a, b) = terms.phrases[0];
        assert_eq!(prepared.vocabulary.display_form(a), "خطاب");
        assert_eq!(prepared.vocabulary.display_form(b), "الكراهية");
        // (A term in every paragraph would weigh nothing: the third paragraph uses none.)
        for i in 0..2 {
            let kept: Vec<TermId> = vectors.weights(i).map(|(t, _)| t).collect();
            assert_eq!(kept.len(), 3, "two words and the phrase: {kept:?}");
            assert!(kept.contains(&words), "the phrase is term {words}");
            assert!(kept.iter().all(|&t| terms.paragraph_frequency[t as usize] == 2));
        }
    }

    #[test]
    fn a_term_used_twice_weighs_one_plus_its_log_more() {
        let (vectors, _, _) = vectors_of(&[
            &["المنصات المنصات تحذف الحسابات.", "المنصات تحذف الحسابات."],
            &["الشركات والحكومات.", "الشركات والحكومات."],
        ]);
        let weights: Vec<(TermId, f32)> = vectors.weights(0).collect();
        let twice = weights[..].iter().map(|&(_, w)| w).fold(f32::MIN, f32::max);
        let once = weights[..].iter().map(|&(_, w)| w).fold(f32::MAX, f32::min);
        assert!((twice / once - (1.0 + 2f32.ln())).abs() < 1e-5, "{weights:?}");
    }
}
