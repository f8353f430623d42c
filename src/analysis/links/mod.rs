//! Cross-links: for each paragraph, the most related paragraphs in the other articles.
//!
//! Paragraphs are TF-IDF vectors of their content stems and of their phrases (two content
//! words in a row, such as «الذكاء الاصطناعي» or «خطاب الكراهية»: two paragraphs that share a
//! phrase share more than its two words apart). Terms only one paragraph uses are left out:
//! they cannot match and would only dilute the others; so are journalistic formulae (days,
//! months, «العام الماضي», «وكالة الأنباء», «سمع دوي»: [`Formulae`]), which any two stories
//! share. Spellings of one word meet by their stems (`text::variants`). An inverted index from
//! stem to the paragraphs that use it finds candidates for one paragraph through its most
//! telling words only (its dozen heaviest), and words used by more than one paragraph in a
//! hundred (in large collections) are left out of the index: they say too little to link by.
//! Of the others, each keeps only the 512 paragraphs where it weighs most (a "champion
//! list"): a paragraph then meets a bounded number of candidates whatever the text, and the
//! cost grows with the collection rather than its square (where each word just under one
//! paragraph in a hundred would bring a hundredth of the collection). The pairs it leaves out
//! are those where the word is minor on both sides, whose partial scores were the lowest.
//! The best candidates are then scored exactly: their cosine, and for a pair
//! whose words alone fall short, half as much again for words that only meet by their roots
//! («شراكة», «شركات»).
//!
//! A link is kept when its score passes a threshold, the two paragraphs share at least three
//! distinct words (a phrase counts as its two), and their whole articles are related too (the
//! cosine of the articles' vectors, each the sum of its paragraphs', is high, or less high
//! and made up for by two paragraphs that much closer). Each paragraph keeps
//! its best paragraph of each other article, at most K, each with the shared terms that
//! explain it; two paragraphs that are nearly the same text are marked so. 10,000 articles
//! link in seconds.

use std::collections::BinaryHeap;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use serde::{Deserialize, Serialize};

mod formulae;
mod roots;
mod vectors;

pub use formulae::Formulae;

use super::prepare::{PreparedParagraph, TermId, Vocabulary};
use crate::corpus::Corpus;
use roots::Roots;
pub use vectors::{ArticleVector, article_cosine};
use vectors::{Spread, Terms, Vectors};

/// Two paragraphs this alike (cosine) are the same text, not two passages on one subject.
const SAME_TEXT_SCORE: f32 = 0.9;
/// Words in more than this many paragraphs, or this share of them if that is more, are left
/// out of the index.
const COMMON_WORD_PARAGRAPHS: usize = 30;
const COMMON_WORD_SHARE: f64 = 0.01;

/// The most paragraphs a term may be in and still be looked up, in a collection of
/// `paragraphs`.
fn common_word_limit(paragraphs: usize) -> usize {
    COMMON_WORD_PARAGRAPHS.max((paragraphs as f64 * COMMON_WORD_SHARE) as usize)
}

/// How many of a paragraph's heaviest words look for candidates.
const QUERY_TERMS: usize = 12;
/// How many paragraphs a term's postings keep at most, those where it weighs most: a
/// paragraph's candidates come from at most [`QUERY_TERMS`] times this many postings. In a
/// collection of fewer than 100 times this many paragraphs no term has more (see
/// [`COMMON_WORD_SHARE`]): up to a few thousand articles link as they would with every
/// posting.
const POSTINGS_PER_TERM: usize = 512;
/// How many candidates, by their partial score, are scored exactly.
const CANDIDATES: usize = 40;
/// Paragraphs searched as one task: each task needs scratch space as long as the collection.
const SEARCH_BLOCK: usize = 2048;
/// How much kinship by roots counts beside the cosine of the words themselves.
const ROOT_WEIGHT: f32 = 0.5;
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
    same_text: bool,
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

    /// Whether the two paragraphs are the same text (nearly word for word: a republished
    /// article, a statement quoted whole), shown as such rather than as a related passage.
    pub fn same_text(&self) -> bool {
        self.same_text
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

/// What links are found from: every paragraph's vector, each term's paragraph count, the
/// phrases, each word's root, and each article's vector. Built while the prepared words are
/// at hand; searching (and discovering themes) needs only this.
pub struct LinkIndex {
    vectors: Vectors,
    terms: Terms,
    words: TermId,
    roots: Roots,
    articles: Vec<ArticleVector>,
    /// Each article's source: its own number, but the chapters of one e-book share the
    /// first one's, so that a paragraph links to one chapter of a book as to one article.
    sources: Vec<u32>,
}

impl LinkIndex {
    /// The vectors of every paragraph of running text, from the prepared paragraphs of
    /// `corpus` (consumed: they are let go as the vectors are built) and its vocabulary.
    pub fn new(
        corpus: &Corpus,
        documents: Vec<Vec<PreparedParagraph>>,
        vocabulary: &Vocabulary,
        formulae: &Formulae,
    ) -> LinkIndex {
        let words = vocabulary.len() as TermId;
        let (vectors, terms) = Vectors::new(corpus, documents, words, formulae);
        let articles = vectors.articles(corpus.documents.len(), ARTICLE_TERMS);
        let roots = Roots::new(&vectors, vocabulary);
        let sources = sources(corpus);
        LinkIndex { vectors, terms, words, roots, articles, sources }
    }

    /// Each article's vector: its paragraphs' summed, its heaviest terms, of unit length.
    pub fn articles(&self) -> &[ArticleVector] {
        &self.articles
    }

    /// How many paragraphs of running text there are.
    pub fn paragraphs(&self) -> usize {
        self.vectors.len()
    }

    /// Paragraph `i`'s place, (article, paragraph), and its terms with their weights.
    pub fn paragraph(&self, i: usize) -> ((u32, u32), impl Iterator<Item = (TermId, f32)> + '_) {
        (self.vectors.place(i), self.vectors.weights(i))
    }

    /// Whether a term is a phrase (two words) rather than a word.
    pub fn is_phrase(&self, term: TermId) -> bool {
        term >= self.words
    }

    /// A phrase's two words.
    pub fn phrase_words(&self, term: TermId) -> Option<(TermId, TermId)> {
        term.checked_sub(self.words).map(|p| self.terms.phrases[p as usize])
    }

    /// A term as the text writes it: a word in its commonest form, a phrase as it stands where
    /// it is first written.
    pub fn term_text(&self, term: TermId, corpus: &Corpus, vocabulary: &Vocabulary) -> String {
        match term.checked_sub(self.words) {
            None => vocabulary.display_form(term).to_string(),
            Some(phrase) => {
                let place = &self.terms.phrase_places[phrase as usize];
                let text = &corpus.documents[place.document as usize].paragraphs
                    [place.paragraph as usize]
                    .text;
                text[place.range.start as usize..place.range.end as usize].to_string()
            }
        }
    }
}

/// The links an index finds: at most `k` per paragraph, best first, grouped by paragraph in
/// collection order.
pub fn search(index: &LinkIndex, k: usize) -> Vec<Link> {
    let LinkIndex { vectors, terms, words, roots, articles, sources } = index;
    let (words, phrases) = (*words, &terms.phrases);
    let paragraphs = vectors.len();
    let postings = Postings::new(vectors, &terms.paragraph_frequency);
    let gate = Gate { articles, phrases, words, roots };
    // Each paragraph's candidates are found independently: the paragraphs are shared out
    // among the machine's cores, a block at a time (each block keeps its own scratch space),
    // one block per core at a time so that only those blocks' finds wait to be merged.
    // Relatedness goes both ways: a pair found from either side is offered to both.
    let source = |i| sources[vectors.place(i).0 as usize];
    let mut best = Best::new((0..paragraphs).map(source).collect(), k);
    let blocks: Vec<usize> = (0..paragraphs.div_ceil(SEARCH_BLOCK)).collect();
    for wave in blocks.chunks(rayon::current_num_threads().max(1)) {
        let found: Vec<(usize, Vec<Related>)> = wave
            .par_iter()
            .map(|&b| {
                let block = b * SEARCH_BLOCK..((b + 1) * SEARCH_BLOCK).min(paragraphs);
                (block.start, related_candidates(vectors, &postings, &gate, block))
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
            let (terms, term_count) = shared_terms(vectors, i, j as usize, words, phrases);
            let (from, to) = (vectors.place(i), vectors.place(j as usize));
            let same_text = score >= SAME_TEXT_SCORE;
            out.push(Link { from, to, score, term_count, same_text, terms });
        }
    }
    out
}

/// The order of related paragraphs (index, score): the higher score first, then the earlier
/// paragraph.
fn rank_order(a: &(u32, f32), b: &(u32, f32)) -> std::cmp::Ordering {
    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
}

/// A candidate (paragraph, partial score) ordered by [`rank_order`]: the worse is the
/// greater, so that a max-heap of the best so far has the worst of them on top.
struct Ranked(u32, f32);

impl Ord for Ranked {
    fn cmp(&self, other: &Ranked) -> std::cmp::Ordering {
        rank_order(&(self.0, self.1), &(other.0, other.1))
    }
}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Ranked) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Ranked {
    fn eq(&self, other: &Ranked) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Ranked {}

/// The [`CANDIDATES`] best of the `touched` paragraphs by their `partial` scores, into
/// `ranked` (emptied first): a paragraph meets thousands of candidates, and most score below
/// the worst of the best so far, which one comparison of two numbers tells. (Partial scores
/// are sums of products of weights, never negative nor NaN, so a lower score ranks lower by
/// [`rank_order`] too.)
fn best_candidates(touched: &[u32], partial: &[f32], ranked: &mut BinaryHeap<Ranked>) {
    ranked.clear();
    let mut worst_score = f32::NEG_INFINITY;
    for &j in touched {
        let score = partial[j as usize];
        if score < worst_score {
            continue;
        }
        let candidate = Ranked(j, score);
        if ranked.len() < CANDIDATES {
            ranked.push(candidate);
        } else if let Some(mut worst) = ranked.peek_mut().filter(|worst| candidate < **worst) {
            *worst = candidate;
        }
        if ranked.len() == CANDIDATES {
            worst_score = ranked.peek().map_or(f32::NEG_INFINITY, |worst| worst.1);
        }
    }
}

/// Each article's source (see [`LinkIndex`]): the chapters of an e-book, at `BOOK.epub#N`,
/// share the number of its first chapter; any other article has its own.
fn sources(corpus: &Corpus) -> Vec<u32> {
    let mut books: FxHashMap<&str, u32> = FxHashMap::default();
    let documents = corpus.documents.iter().enumerate();
    documents
        .map(|(at, document)| match book_of_chapter(&document.path) {
            Some(name) => *books.entry(name).or_insert(at as u32),
            None => at as u32,
        })
        .collect()
}

/// The book of a chapter's path (`BOOK.epub` of `BOOK.epub#N`); None for any other path.
fn book_of_chapter(path: &str) -> Option<&str> {
    let (book, chapter) = path.rsplit_once('#')?;
    let is_number = !chapter.is_empty() && chapter.bytes().all(|b| b.is_ascii_digit());
    let is_book =
        book.len() > 5 && book.as_bytes()[book.len() - 5..].eq_ignore_ascii_case(b".epub");
    (is_number && is_book).then_some(book)
}

/// The best `k` related paragraphs of every paragraph so far, each pair once.
struct Best {
    k: usize,
    /// `k` places per paragraph; the first `lengths[i]` of paragraph `i`'s are filled.
    entries: Vec<(u32, f32)>,
    lengths: Vec<u32>,
    /// Each paragraph's article.
    articles: Vec<u32>,
}

impl Best {
    /// Room for the best `k` of each paragraph; `articles` is each paragraph's article.
    fn new(articles: Vec<u32>, k: usize) -> Best {
        let paragraphs = articles.len();
        Best { k, entries: vec![(0, 0.0); paragraphs * k], lengths: vec![0; paragraphs], articles }
    }

    /// Offer paragraph `j` at `score` to paragraph `i`: kept when `i` has room or it ranks
    /// before the last of `i`'s best, unless it is there already. A paragraph links to one
    /// paragraph of each other article, its best: the reader is shown more articles, not the
    /// same article twice.
    fn offer(&mut self, i: u32, j: u32, score: f32) {
        let (i, len) = (i as usize, self.lengths[i as usize] as usize);
        let list = &mut self.entries[i * self.k..i * self.k + len];
        if list.iter().any(|&(other, _)| other == j) {
            return;
        }
        let article = self.articles[j as usize];
        if let Some(same) =
            list.iter().position(|&(other, _)| self.articles[other as usize] == article)
        {
            if rank_order(&(j, score), &list[same]).is_lt() {
                list[same] = (j, score);
            }
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
/// weight, all in one list (term `t`'s are entries `starts[t]..starts[t + 1]`). It holds
/// nearly every word of the collection a second time, so an entry is kept in 6 bytes: the
/// paragraph, and the weight in steps of 1/65,535 (weights of unit vectors are at most 1). It
/// only finds candidates, which are then scored exactly.
struct Postings {
    starts: Vec<u32>,
    paragraphs: Vec<u32>,
    weights: Vec<u16>,
}

/// The largest weight a posting stores, standing for 1.
const POSTING_WEIGHT_ONE: f32 = u16::MAX as f32;

impl Postings {
    /// The postings of `vectors`, leaving out terms in too many paragraphs (see
    /// [`COMMON_WORD_SHARE`]), each term's at most [`POSTINGS_PER_TERM`].
    fn new(vectors: &Vectors, paragraph_frequency: &[u32]) -> Postings {
        let limit = common_word_limit(vectors.len());
        let counted = |f: u32| if f as usize <= limit { f } else { 0 };
        let mut starts = Vec::with_capacity(paragraph_frequency.len() + 1);
        let mut total = 0u32;
        starts.push(0);
        for &f in paragraph_frequency {
            total += counted(f);
            starts.push(total);
        }
        let mut paragraphs = vec![0; total as usize];
        let mut weights = vec![0; total as usize];
        let mut filled: Vec<u32> = starts[..paragraph_frequency.len()].to_vec();
        for i in 0..vectors.len() {
            for (t, w) in vectors.weights(i) {
                if counted(paragraph_frequency[t as usize]) > 0 {
                    let at = filled[t as usize] as usize;
                    paragraphs[at] = i as u32;
                    weights[at] = (w.clamp(0.0, 1.0) * POSTING_WEIGHT_ONE).round() as u16;
                    filled[t as usize] += 1;
                }
            }
        }
        let mut postings = Postings { starts, paragraphs, weights };
        postings.keep_heaviest(POSTINGS_PER_TERM);
        postings
    }

    /// Keep each term's `cap` heaviest entries (of equal weights, the earlier paragraphs'), in
    /// paragraph order, moved up over the room of those let go.
    fn keep_heaviest(&mut self, cap: usize) {
        let mut kept = 0;
        let mut list: Vec<(u16, u32)> = Vec::new();
        for t in 0..self.starts.len() - 1 {
            let range = self.starts[t] as usize..self.starts[t + 1] as usize;
            self.starts[t] = kept as u32;
            list.clear();
            let entries = self.weights[range.clone()].iter().zip(&self.paragraphs[range]);
            list.extend(entries.map(|(&weight, &paragraph)| (weight, paragraph)));
            if list.len() > cap {
                list.select_nth_unstable_by(cap, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
                list.truncate(cap);
                list.sort_unstable_by_key(|&(_, paragraph)| paragraph);
            }
            for &(weight, paragraph) in &list {
                self.weights[kept] = weight;
                self.paragraphs[kept] = paragraph;
                kept += 1;
            }
        }
        *self.starts.last_mut().expect("a start past the last term") = kept as u32;
        self.weights.truncate(kept);
        self.weights.shrink_to_fit();
        self.paragraphs.truncate(kept);
        self.paragraphs.shrink_to_fit();
    }

    /// The entries of term `t`; none when it is too common.
    fn range(&self, t: TermId) -> std::ops::Range<usize> {
        self.starts[t as usize] as usize..self.starts[t as usize + 1] as usize
    }

    /// Add `w` times each weight of term `t` to `partial`, for the paragraphs outside `skip`
    /// (the querying paragraph's own article), noting in `touched` each paragraph whose
    /// partial score was zero. A term's entries are in paragraph order, so those outside are
    /// the two ends of its list, read without a test of each entry's article.
    fn add_outside(
        &self,
        t: TermId,
        w: f32,
        skip: &std::ops::Range<u32>,
        partial: &mut [f32],
        touched: &mut Vec<u32>,
    ) {
        let range = self.range(t);
        let (paragraphs, weights) = (&self.paragraphs[range.clone()], &self.weights[range]);
        let before = paragraphs.partition_point(|&j| j < skip.start);
        let after = before + paragraphs[before..].partition_point(|&j| j < skip.end);
        for part in [0..before, after..paragraphs.len()] {
            for (&j, &q) in paragraphs[part.clone()].iter().zip(&weights[part]) {
                let score = &mut partial[j as usize];
                if *score == 0.0 {
                    touched.push(j);
                }
                *score += w * (f32::from(q) / POSTING_WEIGHT_ONE);
            }
        }
    }
}

/// Paragraphs related to one paragraph (index in the vectors, cosine).
type Related = Vec<(u32, f32)>;

/// For each paragraph of `block` (a range of `vectors`), the paragraphs of other articles
/// related enough to it, with their cosine: candidates come through the postings of its
/// heaviest terms, and the best of them are scored exactly.
fn related_candidates(
    vectors: &Vectors,
    postings: &Postings,
    gate: &Gate,
    block: std::ops::Range<usize>,
) -> Vec<Related> {
    // Partial scores of the candidates of one paragraph, and which entries were touched.
    let mut partial: Vec<f32> = vec![0.0; vectors.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut found = Vec::with_capacity(block.len());
    // How alike this paragraph's article is to the candidates' articles: a paragraph's
    // candidates come from a few articles, and its neighbours' from the same.
    let mut alike: rustc_hash::FxHashMap<u32, f32> = Default::default();
    let mut alike_for = u32::MAX;
    // The paragraphs of this paragraph's article, whose postings are passed over.
    let mut own_paragraphs = 0..0;
    // The best candidates of one paragraph by their partial scores.
    let mut ranked = BinaryHeap::with_capacity(CANDIDATES + 1);
    // This paragraph's vector and its article's, spread for their products with the
    // candidates'.
    let mut paragraph = Spread::new(vectors.term_count());
    let mut own_article = Spread::new(vectors.term_count());
    for i in block {
        let article = vectors.place(i).0;
        if article != alike_for {
            alike.clear();
            alike_for = article;
            own_article.article(&gate.articles[article as usize]);
            own_paragraphs = vectors.paragraphs_of(article);
        }
        paragraph.paragraph(vectors, i);
        let mut query: Vec<(TermId, f32)> =
            vectors.weights(i).filter(|&(t, _)| !postings.range(t).is_empty()).collect();
        // The heaviest terms, in no particular order (the sum does not care).
        let by_weight =
            |a: &(TermId, f32), b: &(TermId, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if query.len() > QUERY_TERMS {
            query.select_nth_unstable_by(QUERY_TERMS, by_weight);
            query.truncate(QUERY_TERMS);
        }
        for &(t, w) in &query {
            postings.add_outside(t, w, &own_paragraphs, &mut partial, &mut touched);
        }
        best_candidates(&touched, &partial, &mut ranked);
        for &j in &touched {
            partial[j as usize] = 0.0;
        }
        touched.clear();
        let mut related = Vec::new();
        for Ranked(j, _) in ranked.drain() {
            // Three distinct words take two shared terms at least (a phrase and a word); the
            // roots only add to a cosine already half way there.
            let (cosine, shared) = vectors.cosine_with(&paragraph, j as usize);
            if shared < 2 || cosine < MIN_SCORE / 2.0 {
                continue;
            }
            let other = vectors.place(j as usize).0;
            let articles = *alike
                .entry(other)
                .or_insert_with(|| own_article.article_cosine(&gate.articles[other as usize]));
            if let Some(score) = gate.score(vectors, i, j as usize, cosine, articles) {
                related.push((j, score));
            }
        }
        found.push(related);
    }
    found
}

/// What a pair of paragraphs with a high enough cosine must pass to be linked: they share
/// enough distinct words (a phrase is its two words), and their whole articles are related too.
struct Gate<'a> {
    /// Each article's vector.
    articles: &'a [ArticleVector],
    /// The phrases, as their two words.
    phrases: &'a [(TermId, TermId)],
    /// Term ids from this on are phrases.
    words: TermId,
    /// The paragraphs' words by their roots.
    roots: &'a Roots,
}

impl Gate<'_> {
    /// The score of a link from paragraph `i` to paragraph `j` (of cosine `cosine`, their
    /// articles `articles` alike), if they may be linked: the cheap tests first, for most
    /// candidates are of unrelated articles.
    fn score(
        &self,
        vectors: &Vectors,
        i: usize,
        j: usize,
        cosine: f32,
        articles: f32,
    ) -> Option<f32> {
        if articles < MIN_CLOSE_ARTICLE_SCORE {
            return None;
        }
        // Roots are the weaker signal: they lift a pair the words alone leave short.
        let score = if cosine >= MIN_SCORE {
            cosine
        } else {
            cosine + ROOT_WEIGHT * self.roots.kinship(i, j)
        };
        let related = articles >= MIN_ARTICLE_SCORE || articles + score >= MIN_CLOSE_SUM;
        (score >= MIN_SCORE && related && self.share_enough_words(vectors, i, j)).then_some(score)
    }

    /// Whether paragraphs `i` and `j` share [`MIN_SHARED_WORDS`] distinct words, a phrase
    /// counting as its two: the shared terms are read until that many are found.
    fn share_enough_words(&self, vectors: &Vectors, i: usize, j: usize) -> bool {
        // On the stack: this runs for every pair that passes the other tests.
        let mut words = [0 as TermId; MIN_SHARED_WORDS];
        let mut n = 0;
        let mut add = |w: TermId| {
            if !words[..n].contains(&w) {
                words[n] = w;
                n += 1;
            }
            n == MIN_SHARED_WORDS
        };
        vectors.any_shared(i, j, |t| match t.checked_sub(self.words) {
            None => add(t),
            Some(phrase) => {
                let (a, b) = self.phrases[phrase as usize];
                add(a) || add(b)
            }
        })
    }
}

/// Links with a cosine below this are not shown: the paragraphs share too little.
const MIN_SCORE: f32 = 0.12;
/// A link needs at least this many distinct shared words (a phrase counts as its words): one
/// name or one two-word phrase in common is a coincidence.
const MIN_SHARED_WORDS: usize = 3;
/// Two paragraphs are linked only when their articles' vectors are at least this alike: a
/// passage that shares a stock phrase with an article about another story is not related.
const MIN_ARTICLE_SCORE: f32 = 0.2;
/// Below [`MIN_ARTICLE_SCORE`], articles at least this alike are linked where a paragraph
/// pair is close enough to make up for it: their two cosines add up to [`MIN_CLOSE_SUM`]. In
/// a collection on one subject (the built-in essays) the articles are only this alike, and
/// their passages on one matter are still worth following.
const MIN_CLOSE_ARTICLE_SCORE: f32 = 0.08;
const MIN_CLOSE_SUM: f32 = 0.35;
/// The heaviest terms an article's vector keeps.
const ARTICLE_TERMS: usize = 100;

/// The shared terms of paragraphs `i` and `j` that contribute most to their cosine; a word
/// already named by a phrase in the list is not named again. Term ids from `words` on are
/// phrases.
fn shared_terms(
    vectors: &Vectors,
    i: usize,
    j: usize,
    words: TermId,
    phrases: &[(TermId, TermId)],
) -> ([u32; TERMS_PER_LINK], u8) {
    let mut shared: Vec<(f32, TermId)> = vectors
        .weights(i)
        .filter_map(|(t, w)| vectors.weight_of(j, t).map(|x| (w * x, t)))
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
    use crate::analysis::prepare::Prepared;
    use crate::corpus::parse_document;

    /// Four articles of `paragraphs` paragraphs in all, each of three words drawn from
    /// `vocabulary` made-up words (a small generator, the same words every run).
    fn drawn_articles(paragraphs: usize, vocabulary: usize) -> Corpus {
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        let mut below = |n: usize| {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (state >> 33) as usize % n
        };
        let letters: Vec<char> = "بتثجحخدذرزسشصضطظعغفقكلمنهي".chars().collect();
        let mut words: Vec<String> = Vec::new();
        while words.len() < vocabulary {
            let word: String = (0..5).map(|_| letters[below(letters.len())]).collect();
            if !words.contains(&word) {
                words.push(word);
            }
        }
        let documents = (0..4)
            .map(|a| {
                let mut text = format!("مقال {a}\n\n");
                for _ in 0..paragraphs / 4 {
                    let drawn: Vec<&str> =
                        (0..3).map(|_| words[below(vocabulary)].as_str()).collect();
                    text.push_str(&drawn.join(" "));
                    text.push_str(".\n\n");
                }
                parse_document(&format!("{a}.txt"), &text, false)
            })
            .collect();
        Corpus { documents, warnings: Vec::new() }
    }

    #[test]
    fn a_term_keeps_only_the_paragraphs_where_it_weighs_most() {
        // Words each in some 1.1 times as many paragraphs as a term keeps, and under the
        // share that leaves a word out: without the cap a paragraph's candidates would grow
        // with the collection.
        let paragraphs = 120 * POSTINGS_PER_TERM;
        let corpus = drawn_articles(paragraphs, 330);
        let Prepared { vocabulary, documents, .. } = Prepared::new(&corpus);
        let formulae = Formulae::new(&vocabulary);
        let index = LinkIndex::new(&corpus, documents, &vocabulary, &formulae);
        let (vectors, frequency) = (&index.vectors, &index.terms.paragraph_frequency);
        let postings = Postings::new(vectors, frequency);
        let limit = common_word_limit(vectors.len());
        let capped = POSTINGS_PER_TERM as u32 + 1..=limit as u32;
        let capped = frequency.iter().filter(|f| capped.contains(f)).count();
        assert!(capped > 300, "{capped} terms in more paragraphs than a term keeps");
        // Each list is its term's paragraphs, or the POSTINGS_PER_TERM heaviest of them: a
        // paragraph's query reads at most QUERY_TERMS × POSTINGS_PER_TERM postings.
        let mut lightest_kept = vec![u16::MAX; frequency.len()];
        let mut kept = rustc_hash::FxHashSet::default();
        for t in 0..frequency.len() as TermId {
            let range = postings.range(t);
            let expected = match frequency[t as usize] as usize {
                f if f <= limit => f.min(POSTINGS_PER_TERM),
                _ => 0,
            };
            assert_eq!(range.len(), expected, "term {t}");
            for k in range {
                lightest_kept[t as usize] = lightest_kept[t as usize].min(postings.weights[k]);
                kept.insert((t, postings.paragraphs[k]));
            }
        }
        for i in 0..vectors.len() {
            for (t, w) in vectors.weights(i) {
                let weight = (w * POSTING_WEIGHT_ONE).round() as u16;
                let left_out = !postings.range(t).is_empty() && !kept.contains(&(t, i as u32));
                assert!(!left_out || weight <= lightest_kept[t as usize], "term {t}, {i}");
            }
        }
    }

    #[test]
    fn the_candidates_scored_are_the_best_by_partial_score_ties_to_the_earlier() {
        // Scores with many ties, in a scrambled order, more and fewer than are kept.
        for touched_count in [0, 1, CANDIDATES - 1, CANDIDATES, CANDIDATES + 1, 3000] {
            let touched: Vec<u32> =
                (0..touched_count as u32).map(|k| k.wrapping_mul(2_654_435_761) % 5000).collect();
            let mut partial = vec![0.0; 5000];
            for &j in &touched {
                partial[j as usize] = ((j * 7919) % 97) as f32 / 97.0;
            }
            let mut ranked = BinaryHeap::new();
            best_candidates(&touched, &partial, &mut ranked);
            let mut chosen: Vec<(u32, f32)> = ranked.drain().map(|r| (r.0, r.1)).collect();
            chosen.sort_unstable_by(rank_order);
            let mut all: Vec<(u32, f32)> =
                touched.iter().map(|&j| (j, partial[j as usize])).collect();
            all.sort_unstable_by(rank_order);
            all.truncate(CANDIDATES);
            assert_eq!(chosen, all, "{touched_count} touched");
        }
    }

    #[test]
    fn the_best_keep_each_pair_once_in_rank_order() {
        // Three paragraphs, each in an article of its own.
        let mut best = Best::new(vec![0, 1, 2], 2);
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
        let mut ties = Best::new((0..7).collect(), 1);
        ties.offer(0, 5, 0.3);
        ties.offer(0, 4, 0.3);
        ties.offer(0, 6, 0.3);
        assert_eq!(ties.of(0), [(4, 0.3)]);
        assert_eq!(best.len() + ties.len(), 6);
    }

    #[test]
    fn a_paragraph_links_to_one_paragraph_of_each_article() {
        // Paragraphs 1 and 2 are in article 1, paragraph 3 in article 2.
        let mut best = Best::new(vec![0, 1, 1, 2], 3);
        best.offer(0, 1, 0.4);
        best.offer(0, 2, 0.6);
        best.offer(0, 3, 0.2);
        best.offer(0, 1, 0.5);
        assert_eq!(best.of(0), [(2, 0.6), (3, 0.2)]);
    }
}
