//! Key points: the sentences of an article that say most of what it says.
//!
//! Only sentences of the running text can be key points (never furniture, titles or
//! headings), and never a question, a sentence about the article itself, a fragment, a piece
//! of a quotation, a line of hashtags, a caption or a headline set as a paragraph
//! ([`refuse`]). A key point is shown without the dateline, list number or item label its
//! paragraph opens with ([`lead_in`]); an item's label and a section's heading name the key
//! point's section instead ([`sections`]).
//!
//! The sentences are ranked by a [`Ranker`]: a named, replaceable model whose name and version
//! are part of the analysis cache key. [`Coverage`] is the one basira uses; [`Lead`], the
//! first sentences in order, is the baseline it is measured against.

mod coverage;
pub mod refuse;
pub mod sections;

use std::borrow::Cow;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::prepare::{PreparedParagraph, TermId};
use crate::corpus::Document;
use crate::text::lead_in::lead_in;
pub use coverage::Coverage;
pub use sections::{SectionName, Sections};

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
    /// Byte range of the point in the paragraph's text: its sentence without the dateline,
    /// list number or item label the paragraph opens with.
    pub range: Range<usize>,
    /// The score it was ranked by, 0 to 1.
    pub score: f64,
    /// How many words it has.
    pub words: usize,
    /// The name of its section (a heading, or a numbered item's label), if it has one.
    pub section: Option<SectionName>,
}

impl KeyPoint {
    /// The point as a reader sees it in `document` (the document it was found in): its words,
    /// with hashtags shown as words («#رؤية_2030» as «رؤية 2030»).
    pub fn text<'d>(&self, document: &'d Document) -> Cow<'d, str> {
        hashtags_as_words(&document.paragraphs[self.paragraph].text[self.range.clone()])
    }

    /// The name of its section in `document`, if it has one.
    pub fn section_name<'d>(&self, document: &'d Document) -> Option<&'d str> {
        self.section.as_ref().map(|name| name.text(document))
    }
}

/// A text with its hashtags written as words: the «#» dropped and the «_» inside them made
/// spaces. Borrowed when it has none.
pub fn hashtags_as_words(text: &str) -> Cow<'_, str> {
    if !text.contains('#') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    let mut previous: Option<char> = None;
    for c in text.chars() {
        match c {
            '#' if !previous.is_some_and(char::is_alphanumeric) => in_tag = true,
            '_' if in_tag => out.push(' '),
            c => {
                if !(c.is_alphanumeric() || c == '_') {
                    in_tag = false;
                }
                out.push(c);
            }
        }
        previous = Some(c);
    }
    Cow::Owned(out)
}

/// A ranked sentence as an analysis keeps it: every eligible sentence of every article is
/// one, so places are 32-bit numbers and its rank is its place in the list; [`select`] gives
/// the chosen ones out as [`KeyPoint`]s.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RankedSentence {
    /// Paragraph index in the document.
    pub paragraph: u32,
    /// Sentence index in the paragraph.
    pub sentence: u32,
    /// Byte range of the point in the paragraph's text (see [`KeyPoint::range`]).
    pub range: Range<u32>,
    /// The score it was ranked by, 0 to 1.
    pub score: f64,
    /// How many words it has.
    pub words: u32,
    /// The name of its section, if it has one.
    pub section: Option<SectionName>,
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
            section: self.section.clone(),
        }
    }
}

/// A way of ranking an article's sentences for key points. Its name and version are part of
/// the analysis cache key: a change to what it ranks bumps the version.
pub trait Ranker: Sync {
    /// A short name («coverage»).
    fn name(&self) -> &'static str;
    /// The version of its ranking.
    fn version(&self) -> u32;
    /// Rank the candidate sentences of one article, most important first (each once).
    fn rank(&self, article: &Article) -> Vec<usize>;
}

/// The ranker basira uses.
pub const RANKER: &dyn Ranker = &Coverage;

/// The first sentences in reading order: the lead baseline.
pub struct Lead;

impl Ranker for Lead {
    fn name(&self) -> &'static str {
        "lead"
    }

    fn version(&self) -> u32 {
        1
    }

    fn rank(&self, article: &Article) -> Vec<usize> {
        (0..article.candidates.len()).collect()
    }
}

/// One sentence that can be a key point.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// Paragraph index in the document.
    pub paragraph: usize,
    /// Sentence index in the paragraph.
    pub sentence: usize,
    /// Byte range of the point (its sentence without the paragraph's lead-in).
    pub range: Range<usize>,
    /// Its content words' terms, sorted, with how often each is used.
    pub terms: Vec<(TermId, u32)>,
    /// How many words it has.
    pub words: usize,
    /// Its section and item (see [`Sections::places`]).
    pub place: (usize, usize),
    /// Whether it carries a figure (a digit).
    pub figure: bool,
}

/// An article as rankers see it: its candidate sentences in reading order, its sections, and
/// its title's terms.
pub struct Article {
    /// The sentences that can be key points, in reading order.
    pub candidates: Vec<Candidate>,
    /// Its sections.
    pub sections: Sections,
    /// The content terms of its title line (none when the title was made from the text).
    pub title: Vec<(TermId, u32)>,
}

impl Article {
    /// The article `document`, with its prepared paragraphs.
    pub fn new(document: &Document, paragraphs: &[PreparedParagraph]) -> Article {
        let sections = Sections::of(document);
        let mut candidates = Vec::new();
        for (p, (paragraph, prepared)) in document.paragraphs.iter().zip(paragraphs).enumerate() {
            if !prepared.body {
                continue;
            }
            let lead = lead_in(&paragraph.text).end;
            let mut quotes = refuse::Quotes::new(&paragraph.text);
            for (s, range) in paragraph.sentences.iter().enumerate() {
                let start = if s == 0 { lead.max(range.start).min(range.end) } else { range.start };
                let inside = prepared.words_in(&(start..range.end));
                let words = inside.len();
                let quoted = quotes.open_at(range.start);
                if refuse::refusal(&paragraph.text, range, start, words, quoted).is_some() {
                    continue;
                }
                let terms = counted(inside.iter().filter(|w| !w.stop()).map(|w| w.term()));
                if terms.is_empty() {
                    continue;
                }
                let figure = paragraph.text[start..range.end]
                    .chars()
                    .any(|c| c.is_ascii_digit() || ('٠'..='٩').contains(&c));
                candidates.push(Candidate {
                    paragraph: p,
                    sentence: s,
                    range: start..range.end,
                    terms,
                    words,
                    place: sections.places[p],
                    figure,
                });
            }
        }
        let title =
            match document.paragraphs.iter().position(|p| p.role == crate::corpus::Role::Title) {
                Some(t) if !document.title_is_derived => paragraphs
                    .get(t)
                    .map_or_else(Vec::new, |prepared| counted(prepared.content_terms())),
                _ => Vec::new(),
            };
        Article { candidates, sections, title }
    }
}

/// Terms with how often each occurs, sorted by term.
fn counted(terms: impl Iterator<Item = TermId>) -> Vec<(TermId, u32)> {
    let mut all: Vec<TermId> = terms.collect();
    all.sort_unstable();
    all.chunk_by(|a, b| a == b).map(|run| (run[0], run.len() as u32)).collect()
}

/// Every sentence of a document's running text that can be a key point, most important
/// first (rank 1), by `ranker`, with scores from 1 (the first) down.
pub fn rank_sentences(
    document: &Document,
    paragraphs: &[PreparedParagraph],
    ranker: &dyn Ranker,
) -> Vec<RankedSentence> {
    let article = Article::new(document, paragraphs);
    let order = ranker.rank(&article);
    let sections = &article.sections;
    let n = order.len().max(1) as f64;
    // Places and counts past 32 bits cannot occur: a file is at most 64 MB.
    let small = |n: usize| n as u32;
    order
        .into_iter()
        .enumerate()
        .map(|(rank, i)| {
            let c = &article.candidates[i];
            RankedSentence {
                paragraph: small(c.paragraph),
                sentence: small(c.sentence),
                range: small(c.range.start)..small(c.range.end),
                score: ((1.0 - rank as f64 / n) * 1000.0).round() / 1000.0,
                words: small(c.words),
                section: sections.names[c.paragraph].clone(),
            }
        })
        .collect()
}

/// Words per key point when no budget is given.
const WORDS_PER_KEY_POINT: usize = 100;
/// The most key points taken by default.
const MAX_DEFAULT_KEY_POINTS: usize = 12;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashtags_read_as_words() {
        assert_eq!(
            hashtags_as_words("أطلقت #السعودية مشروع #رؤية_2030 اليوم"),
            "أطلقت السعودية مشروع رؤية 2030 اليوم"
        );
        assert_eq!(hashtags_as_words("بلا وسوم"), "بلا وسوم");
        assert_eq!(hashtags_as_words("C# و snake_case"), "C# و snake_case");
    }
}
