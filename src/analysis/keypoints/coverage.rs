//! The coverage ranker: key points that cover the article.
//!
//! Each candidate sentence has a worth of its own: where it comes (news puts the event first
//! and opens paragraphs with their point), how central it is (the cosine between its words
//! and the whole article's, each weighted by how few sentences use it), how much it shares
//! with the title, and a penalty for great length. Sentences are then taken one at a time by
//! maximal marginal relevance: the next is the one whose worth, less its likeness to those
//! already taken and less a cost for standing close to one of them, is highest, so that the
//! points spread over the article and a later paragraph's reaction or consequence wins over
//! the third paraphrase of the lead. A sentence that repeats most of the words of one taken
//! is left out.
//!
//! The weights were tuned on the tuning half of the quality bench's key-point set
//! (`benches/quality`), keeping EASC's ROUGE-1 F at or above the lead's.
//!
//! In a structured article (see [`Sections`](super::Sections)) the sentences go round the
//! sections: the introduction's best sentence (its thesis), the conclusion's, then each
//! section of real length its best, best section first, before any section has a second; in
//! later rounds a section's next sentence comes from an item it has not covered yet when it
//! can.

use super::sections::SectionKind;
use super::{Article, Candidate, Ranker};
use crate::analysis::prepare::TermId;
use crate::analysis::sorted::for_each_match;

/// The key-point model basira uses (see the module notes).
pub struct Coverage;

impl Ranker for Coverage {
    fn name(&self) -> &'static str {
        "coverage"
    }

    fn version(&self) -> u32 {
        2
    }

    fn rank(&self, article: &Article) -> Vec<usize> {
        let worth = worth(article);
        let vectors = Vectors::of(&article.candidates);
        let mut picker = Picker::new(article, &worth, &vectors);
        if article.sections.structured {
            round_the_sections(article, &mut picker);
        }
        while picker.order.len() < CHOSEN_BY_MARGIN && picker.pick(|_| true).is_some() {}
        // The rest by their own worth: no budget reaches them but the longest.
        let mut rest: Vec<usize> = (0..worth.len()).filter(|&i| !picker.done[i]).collect();
        rest.sort_by(|&a, &b| worth[b].total_cmp(&worth[a]).then(a.cmp(&b)));
        picker.order.extend(rest);
        picker.order
    }
}

/// Weight of where a sentence comes, 1/√(1 + its place among the candidates).
const POSITION_WEIGHT: f64 = 1.0;
/// Extra worth of the article's first sentence (of a section's first, in a structured one).
const FIRST_SENTENCE_BONUS: f64 = 0.6;
/// Extra worth of a sentence that opens its paragraph.
const PARAGRAPH_OPENING_BONUS: f64 = 0.1;
/// Weight of centrality (cosine with the article's centroid, 0 to 1).
const CENTRALITY_WEIGHT: f64 = 1.2;
/// Weight of the likeness to the title (0 to 1).
const TITLE_WEIGHT: f64 = 0.2;
/// Sentences longer than this many words lose [`LENGTH_PENALTY`] per extra word.
const LONG_SENTENCE_WORDS: usize = 30;
const LENGTH_PENALTY: f64 = 0.005;
/// What a sentence gains for each share of the title's terms it brings that no sentence taken
/// has (the headline's second half: «…وغريفيث يتحدث عن "ترتيبات"»).
const TITLE_COVER_WEIGHT: f64 = 0.3;
/// How much likeness to a sentence already taken (cosine, 0 to 1) costs.
const REDUNDANCY_WEIGHT: f64 = 0.2;
/// What standing next to a sentence already taken costs at most: the cost falls to nothing
/// at [`SPREAD_WINDOW`] (a share of the article's sentences) away from it.
const SPREAD_COST: f64 = 0.3;
const SPREAD_WINDOW: f64 = 0.2;
/// What sharing an item of a section with a sentence already taken costs, in a structured
/// article.
const SAME_ITEM_COST: f64 = 0.3;
/// A sentence sharing more than this part of its terms with one already taken repeats it.
const DUPLICATE_OVERLAP: f64 = 0.6;
/// How many sentences are taken by their marginal relevance; the rest follow by their worth
/// (each choice looks at every candidate, and an article may have thousands).
const CHOSEN_BY_MARGIN: usize = 50;
/// A section of a structured article is covered when it has at least this many words.
const SECTION_WORDS: usize = 25;

/// Each candidate's worth on its own (see the module notes).
fn worth(article: &Article) -> Vec<f64> {
    let candidates = &article.candidates;
    let vectors = Vectors::of(candidates);
    let centroid = vectors.centroid();
    let title = vectors.weigh(&article.title);
    let structured = article.sections.structured;
    let mut seen_section: Vec<bool> = vec![false; article.sections.kinds.len()];
    // A sentence's place: among all the candidates, or in a structured article among its
    // section's.
    let mut place_in_section: Vec<usize> = vec![0; article.sections.kinds.len()];
    candidates
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let section = c.place.0;
            let place = if structured { place_in_section[section] } else { i };
            place_in_section[section] += 1;
            let first = if structured {
                !std::mem::replace(&mut seen_section[section], true)
            } else {
                i == 0
            };
            let long = c.words.saturating_sub(LONG_SENTENCE_WORDS) as f64 * LENGTH_PENALTY;
            POSITION_WEIGHT / (1.0 + place as f64).sqrt()
                + if first { FIRST_SENTENCE_BONUS } else { 0.0 }
                + if c.sentence == 0 { PARAGRAPH_OPENING_BONUS } else { 0.0 }
                + CENTRALITY_WEIGHT * cosine(&vectors.rows[i], &centroid)
                + TITLE_WEIGHT * cosine(&vectors.rows[i], &title)
                - long
        })
        .collect()
}

/// Give each covered section of a structured article its sentences in rounds: first the
/// introduction's best and the conclusion's, then one per section, best section first.
fn round_the_sections(article: &Article, picker: &mut Picker) {
    let kinds = &article.sections.kinds;
    let mut words = vec![0; kinds.len()];
    for c in &article.candidates {
        words[c.place.0] += c.words;
    }
    let covered: Vec<usize> = (0..kinds.len()).filter(|&s| words[s] >= SECTION_WORDS).collect();
    for kind in [SectionKind::Introduction, SectionKind::Conclusion] {
        if let Some(&s) = covered.iter().find(|&&s| kinds[s] == kind) {
            picker.pick(|c| c.place.0 == s);
        }
    }
    let body: Vec<usize> =
        covered.iter().copied().filter(|&s| kinds[s] == SectionKind::Body).collect();
    let mut rounds_left = true;
    let mut first_round = true;
    while rounds_left {
        rounds_left = false;
        let mut waiting: Vec<usize> = body.clone();
        if !first_round {
            waiting.extend(covered.iter().filter(|&&s| kinds[s] != SectionKind::Body));
        }
        // Within a round, the section whose next sentence is worth most goes first.
        while !waiting.is_empty() && picker.order.len() < CHOSEN_BY_MARGIN {
            let mut is_waiting = vec![false; kinds.len()];
            waiting.iter().for_each(|&s| is_waiting[s] = true);
            let Some((i, _)) = picker.best(|c| is_waiting[c.place.0]) else { break };
            let section = article.candidates[i].place.0;
            waiting.retain(|&s| s != section);
            picker.take(i);
            rounds_left = true;
        }
        first_round = false;
    }
}

/// The candidates taken so far, and the choice of the next.
struct Picker<'a> {
    candidates: &'a [Candidate],
    worth: &'a [f64],
    vectors: &'a Vectors,
    /// For each candidate: its greatest likeness to one taken.
    likeness: Vec<f64>,
    /// Whether each candidate is taken or left out as a repeat.
    done: Vec<bool>,
    /// The items of the sentences taken.
    items: Vec<(usize, usize)>,
    /// The candidates taken, in order.
    order: Vec<usize>,
    /// The title's terms that no sentence taken has yet.
    title_left: Vec<TermId>,
    /// How many terms the title has.
    title_terms: usize,
}

impl<'a> Picker<'a> {
    fn new(article: &'a Article, worth: &'a [f64], vectors: &'a Vectors) -> Picker<'a> {
        let candidates = &article.candidates;
        Picker {
            candidates,
            worth,
            vectors,
            likeness: vec![0.0; candidates.len()],
            done: vec![false; candidates.len()],
            items: Vec::new(),
            order: Vec::new(),
            title_left: article.title.iter().map(|&(t, _)| t).collect(),
            title_terms: article.title.len(),
        }
    }

    /// The value of taking candidate `i` next.
    fn value(&self, i: usize) -> f64 {
        let c = &self.candidates[i];
        let same_item = c.place.1 > 0 && self.items.contains(&c.place);
        self.worth[i] + TITLE_COVER_WEIGHT * self.new_title_share(i)
            - REDUNDANCY_WEIGHT * self.likeness[i]
            - SPREAD_COST * self.crowding(i)
            - if same_item { SAME_ITEM_COST } else { 0.0 }
    }

    /// The share of the title's terms candidate `i` has and no sentence taken has.
    fn new_title_share(&self, i: usize) -> f64 {
        if self.title_terms == 0 {
            return 0.0;
        }
        let new = self.title_left.iter().filter(|&&t| self.has(i, t)).count();
        new as f64 / self.title_terms as f64
    }

    /// Whether candidate `i` has term `t`.
    fn has(&self, i: usize, t: TermId) -> bool {
        self.candidates[i].terms.binary_search_by_key(&t, |&(u, _)| u).is_ok()
    }

    /// How close candidate `i` stands to the nearest sentence taken, 1 (next to it) to 0 (at
    /// [`SPREAD_WINDOW`] of the article or further).
    fn crowding(&self, i: usize) -> f64 {
        let last = self.candidates.len().saturating_sub(1).max(1) as f64;
        let at = |j: usize| j as f64 / last;
        let nearest =
            self.order.iter().map(|&j| (at(i) - at(j)).abs()).fold(f64::INFINITY, f64::min);
        (1.0 - nearest / SPREAD_WINDOW).max(0.0)
    }

    /// The best candidate not yet taken among those `allowed`, with its value.
    fn best(&self, allowed: impl Fn(&Candidate) -> bool) -> Option<(usize, f64)> {
        (0..self.candidates.len())
            .filter(|&i| !self.done[i] && allowed(&self.candidates[i]))
            .map(|i| (i, self.value(i)))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
    }

    /// Take the best candidate among those `allowed` (see [`Picker::take`]); which one it
    /// took.
    fn pick(&mut self, allowed: impl Fn(&Candidate) -> bool) -> Option<usize> {
        let (i, _) = self.best(allowed)?;
        self.take(i);
        Some(i)
    }

    /// Take candidate `i`, leaving out the candidates that repeat it.
    fn take(&mut self, i: usize) {
        let mut left = std::mem::take(&mut self.title_left);
        left.retain(|&t| !self.has(i, t));
        self.title_left = left;
        self.done[i] = true;
        self.order.push(i);
        self.items.push(self.candidates[i].place);
        for j in 0..self.candidates.len() {
            if self.done[j] {
                continue;
            }
            if overlap(&self.candidates[i].terms, &self.candidates[j].terms) > DUPLICATE_OVERLAP {
                self.done[j] = true;
                continue;
            }
            let like = cosine(&self.vectors.rows[i], &self.vectors.rows[j]);
            self.likeness[j] = self.likeness[j].max(like);
        }
    }
}

/// A unit vector of weighted terms, sorted by term.
type Vector = Vec<(TermId, f64)>;

/// The candidates' vectors: each term weighted by ln(1 + n / sentences using it).
struct Vectors {
    rows: Vec<Vector>,
    weights: rustc_hash::FxHashMap<TermId, f64>,
}

impl Vectors {
    fn of(candidates: &[Candidate]) -> Vectors {
        let mut frequency: rustc_hash::FxHashMap<TermId, f64> = Default::default();
        for c in candidates {
            for &(t, _) in &c.terms {
                *frequency.entry(t).or_insert(0.0) += 1.0;
            }
        }
        let n = candidates.len() as f64;
        let weights = frequency.into_iter().map(|(t, f)| (t, (1.0 + n / f).ln())).collect();
        let mut vectors = Vectors { rows: Vec::new(), weights };
        vectors.rows = candidates.iter().map(|c| vectors.weigh(&c.terms)).collect();
        vectors
    }

    /// The unit vector of counted terms, weighted (a term no candidate uses weighs 1).
    fn weigh(&self, terms: &[(TermId, u32)]) -> Vector {
        let weighted = terms
            .iter()
            .map(|&(t, n)| (t, f64::from(n) * self.weights.get(&t).copied().unwrap_or(1.0)));
        unit(weighted.collect())
    }

    /// The unit sum of every row.
    fn centroid(&self) -> Vector {
        let mut sum: std::collections::BTreeMap<TermId, f64> = Default::default();
        for row in &self.rows {
            for &(t, x) in row {
                *sum.entry(t).or_insert(0.0) += x;
            }
        }
        unit(sum.into_iter().collect())
    }
}

/// The vector scaled to length 1 (unchanged if empty).
fn unit(mut v: Vector) -> Vector {
    let norm = v.iter().map(|(_, x)| x * x).sum::<f64>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|(_, x)| *x /= norm);
    }
    v
}

/// The cosine of two unit vectors sorted by term.
fn cosine(a: &Vector, b: &Vector) -> f64 {
    let mut sum = 0.0;
    for_each_match(a, b, |e| e.0, |e| e.0, |x, y| sum += x.1 * y.1);
    sum
}

/// The share of the smaller sentence's terms that the other also has.
fn overlap(a: &[(TermId, u32)], b: &[(TermId, u32)]) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if small.is_empty() {
        return 0.0;
    }
    let shared =
        small.iter().filter(|(t, _)| large.binary_search_by_key(t, |&(u, _)| u).is_ok()).count();
    shared as f64 / small.len() as f64
}
