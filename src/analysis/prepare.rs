//! The collection as analysis sees it: the words of every paragraph that is part of an
//! article (not page furniture, nor a paragraph's dateline), as term ids, with document
//! frequencies.
//!
//! Words are kept small (a byte range, a term id and a stop flag: 12 bytes) and each distinct
//! written form is normalised, stemmed and looked up once, so that 10,000 articles fit in
//! memory and tokenise quickly.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use crate::corpus::{Corpus, Paragraph, Role};
use crate::text::lead_in::dateline_end;
use crate::text::variants::variants;
use crate::text::{is_stop_word, normalize, normalize_char, stem, word_ranges};

/// A term: an interned stem.
pub type TermId = u32;

/// The vocabulary: every stem seen, and how to show it.
#[derive(Default)]
pub struct Vocabulary {
    ids: HashMap<String, TermId>,
    stems: Vec<String>,
    /// For each term, the written form to show a reader.
    display: Vec<String>,
}

impl Vocabulary {
    /// The id of a stem, adding it if new.
    fn intern(&mut self, stem: String) -> TermId {
        if let Some(&id) = self.ids.get(&stem) {
            return id;
        }
        let id = self.stems.len() as TermId;
        self.ids.insert(stem.clone(), id);
        self.stems.push(stem);
        id
    }

    /// The id of a stem, if it occurs.
    pub fn id(&self, stem: &str) -> Option<TermId> {
        self.ids.get(stem).copied()
    }

    /// The stem of a term.
    pub fn stem(&self, id: TermId) -> &str {
        &self.stems[id as usize]
    }

    /// How the term is most often written in the text (without harakat), preferring forms
    /// without a leading conjunction or preposition («تنفيذ» over «وتنفيذ»).
    pub fn display_form(&self, id: TermId) -> &str {
        self.display.get(id as usize).map_or_else(|| self.stem(id), String::as_str)
    }

    /// How many terms there are.
    pub fn len(&self) -> usize {
        self.stems.len()
    }

    /// Whether there are no terms.
    pub fn is_empty(&self) -> bool {
        self.stems.is_empty()
    }
}

/// One word of a prepared paragraph: 8 bytes, for there are millions of them (six million in
/// 10,000 long articles). Its start, and its term id, length and stop-word flag in one `u32`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word {
    start: u32,
    /// The term id (bits 0–22), the length in bytes (bits 23–30) and the stop flag (bit 31).
    packed: u32,
}

/// Term ids a word can hold: more than eight million stems.
const MAX_WORD_TERMS: TermId = 1 << 23;
/// The longest word analysed, in bytes: no language writes longer words (a URL is longer).
const MAX_WORD_BYTES: usize = 255;

impl Word {
    /// The word at `range`, if it can be one: at most 255 bytes long, in a vocabulary of at
    /// most eight million terms.
    fn new(range: Range<usize>, term: TermId, stop: bool) -> Option<Word> {
        if range.len() > MAX_WORD_BYTES || term >= MAX_WORD_TERMS {
            return None;
        }
        let packed = term | (range.len() as u32) << 23 | u32::from(stop) << 31;
        Some(Word { start: range.start as u32, packed })
    }

    /// Its term id.
    pub fn term(&self) -> TermId {
        self.packed & (MAX_WORD_TERMS - 1)
    }

    /// Whether it is a function word or reporting verb.
    pub fn stop(&self) -> bool {
        self.packed >> 31 == 1
    }

    /// Its length in bytes.
    fn len(&self) -> usize {
        (self.packed >> 23 & 0xff) as usize
    }

    /// Byte range of the word in its paragraph's text.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.start as usize + self.len()
    }
}

/// A paragraph ready for analysis.
pub struct PreparedParagraph {
    /// Whether the paragraph is running text of the article (a body paragraph, not furniture).
    pub body: bool,
    /// Whether it is a heading of the article (not furniture).
    pub heading: bool,
    /// Its words, in order.
    pub words: Vec<Word>,
}

impl PreparedParagraph {
    /// The words inside a byte range of the paragraph (a sentence), found by binary search.
    pub fn words_in(&self, range: &Range<usize>) -> &[Word] {
        let first = self.words.partition_point(|w| (w.start as usize) < range.start);
        let end = self.words.partition_point(|w| w.range().end <= range.end);
        &self.words[first..end.max(first)]
    }

    /// The terms of the content words (not stop words), in order.
    pub fn content_terms(&self) -> impl Iterator<Item = TermId> + '_ {
        self.words.iter().filter(|w| !w.stop()).map(|w| w.term())
    }
}

/// The whole collection prepared.
pub struct Prepared {
    /// Every term.
    pub vocabulary: Vocabulary,
    /// For each document, its paragraphs (all of them, indexed as in the document).
    pub documents: Vec<Vec<PreparedParagraph>>,
    /// For each term, in how many documents its content words occur.
    pub document_frequency: Vec<u32>,
}

/// Whether analysis reads a paragraph: running text or headings that are not furniture.
fn is_article_text(paragraph: &Paragraph) -> (bool, bool) {
    if paragraph.boilerplate.is_some() {
        return (false, false);
    }
    (paragraph.role == Role::Body, matches!(paragraph.role, Role::Heading(_)))
}

/// What is known of one written form: its term, whether it is a stop word, how often seen.
struct Form {
    term: TermId,
    stop: bool,
    /// Whether it may be the first of a spelling written as two words («فيس» of «فيس بوك»).
    opens_pair: bool,
    count: u32,
}

/// A word as written, without harakat, tatweel or joiners (borrowed when it has none).
fn plain(word: &str) -> std::borrow::Cow<'_, str> {
    if word.chars().all(|c| normalize_char(c).is_some()) {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(word.chars().filter(|&c| normalize_char(c).is_some()).collect())
    }
}

/// Whether the text between two words is only white space.
fn is_space(gap: &str) -> bool {
    !gap.is_empty() && gap.chars().all(char::is_whitespace)
}

/// Whether a written form starts with a conjunction or preposition and is longer than one.
fn starts_with_clitic(form: &str) -> bool {
    let mut chars = form.chars();
    matches!(chars.next(), Some('و' | 'ف' | 'ب' | 'ل' | 'ك')) && chars.count() >= 3
}

impl Prepared {
    /// Tokenise every paragraph of the collection.
    pub fn new(corpus: &Corpus) -> Prepared {
        let mut vocabulary = Vocabulary::default();
        let mut forms: HashMap<String, Form> = HashMap::default();
        let mut documents = Vec::with_capacity(corpus.documents.len());
        let mut document_frequency: Vec<u32> = Vec::new();
        let mut seen_in: Vec<u32> = Vec::new();
        for (d, document) in corpus.documents.iter().enumerate() {
            let mut paragraphs = Vec::with_capacity(document.paragraphs.len());
            for paragraph in &document.paragraphs {
                let (body, heading) = is_article_text(paragraph);
                // A title's words are read too, for the key points' likeness to it.
                let title = paragraph.role == Role::Title && paragraph.boilerplate.is_none();
                let mut words = Vec::new();
                if body || heading || title {
                    // A dateline («دبي، الإمارات العربية المتحدة (CNN)--») names where the
                    // outlet wrote from, not what the article is about.
                    let dateline = if body { dateline_end(&paragraph.text) } else { 0 };
                    // The last word, when it may be the first of a spelling written as two.
                    let mut opens_pair_before: Option<Word> = None;
                    for range in word_ranges(&paragraph.text) {
                        if range.len() > usize::from(u16::MAX) || range.start < dateline {
                            continue;
                        }
                        let written = plain(&paragraph.text[range.clone()]);
                        let form = match forms.get_mut(written.as_ref()) {
                            Some(form) => form,
                            None => {
                                let norm = normalize(&written);
                                if norm.is_empty() {
                                    continue;
                                }
                                let stem = stem(&norm);
                                let opens_pair = variants().opens_pair(&stem);
                                let term = vocabulary.intern(stem);
                                let stop = is_stop_word(&norm);
                                forms.entry(written.into_owned()).or_insert(Form {
                                    term,
                                    stop,
                                    opens_pair,
                                    count: 0,
                                })
                            }
                        };
                        form.count += 1;
                        let (term, stop) = (form.term, form.stop);
                        let joined = opens_pair_before.take().and_then(|previous: Word| {
                            let gap = &paragraph.text[previous.range().end..range.start];
                            let stems = (vocabulary.stem(previous.term()), vocabulary.stem(term));
                            let one =
                                variants().joined(stems.0, stems.1).filter(|_| is_space(gap))?;
                            Some((previous, one.to_string()))
                        });
                        if form.opens_pair {
                            opens_pair_before = Word::new(range.clone(), term, stop);
                        }
                        match joined {
                            // Two words that are one word written apart («فيس بوك»).
                            Some((previous, one)) => {
                                let whole = previous.range().start..range.end;
                                let written = plain(&paragraph.text[whole.clone()]).into_owned();
                                let term = vocabulary.intern(one);
                                let form = forms.entry(written).or_insert(Form {
                                    term,
                                    stop: false,
                                    opens_pair: false,
                                    count: 0,
                                });
                                form.count += 1;
                                words.pop();
                                words.extend(Word::new(whole, term, false));
                            }
                            None => words.extend(Word::new(range, term, stop)),
                        }
                    }
                    words.shrink_to_fit();
                }
                document_frequency.resize(vocabulary.len(), 0);
                seen_in.resize(vocabulary.len(), u32::MAX);
                for word in words.iter().filter(|w| !w.stop()) {
                    let t = word.term() as usize;
                    if seen_in[t] != d as u32 {
                        seen_in[t] = d as u32;
                        document_frequency[t] += 1;
                    }
                }
                paragraphs.push(PreparedParagraph { body, heading, words });
            }
            documents.push(paragraphs);
        }
        vocabulary.display = display_forms(&vocabulary, forms);
        Prepared { vocabulary, documents, document_frequency }
    }
}

/// For each term, its most frequent written form, preferring forms without a leading clitic.
fn display_forms(vocabulary: &Vocabulary, forms: HashMap<String, Form>) -> Vec<String> {
    // A form is taken to carry a clitic only when the form without its first letter is a
    // form of the same term: «والإرهاب» beside «الإرهاب», but not «بوتين» (no «وتين»).
    let prefixed: rustc_hash::FxHashSet<String> = forms
        .iter()
        .filter(|(written, form)| {
            starts_with_clitic(written) && {
                let rest = &written[written.chars().next().map_or(0, char::len_utf8)..];
                forms.get(rest).is_some_and(|other| other.term == form.term)
            }
        })
        .map(|(written, _)| written.clone())
        .collect();
    let mut best: Vec<Option<(bool, u32, String)>> = vec![None; vocabulary.len()];
    for (written, form) in forms {
        let rank = (!prefixed.contains(&written), form.count);
        let slot = &mut best[form.term as usize];
        let better = match slot {
            None => true,
            Some((bare, count, current)) => {
                rank > (*bare, *count) || (rank == (*bare, *count) && written < *current)
            }
        };
        if better {
            *slot = Some((rank.0, rank.1, written));
        }
    }
    best.into_iter()
        .enumerate()
        .map(|(i, b)| b.map_or_else(|| vocabulary.stems[i].clone(), |(_, _, w)| w))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_keeps_its_term_range_and_flag_in_eight_bytes() {
        assert_eq!(std::mem::size_of::<Word>(), 8);
        for (range, term, stop) in [(0..1, 0, false), (7..262, MAX_WORD_TERMS - 1, true)] {
            let word = Word::new(range.clone(), term, stop).unwrap();
            assert_eq!((word.range(), word.term(), word.stop()), (range, term, stop));
        }
        assert_eq!(Word::new(10..266, 5, false), None, "256 bytes is no word");
        assert_eq!(Word::new(0..3, MAX_WORD_TERMS, false), None);
    }
}
