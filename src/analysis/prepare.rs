//! The collection as analysis sees it: the words of every paragraph that is part of an
//! article (not page furniture), as term ids, with document frequencies.

use std::collections::HashMap;

use crate::corpus::{Corpus, Paragraph, Role};
use crate::text::{Token, Tokenizer, normalize_char};

/// A term: an interned stem.
pub type TermId = u32;

/// The vocabulary: every stem seen, with the surface forms it was written in.
#[derive(Default)]
pub struct Vocabulary {
    ids: HashMap<String, TermId>,
    stems: Vec<String>,
    /// For each term, the forms it is written in (without harakat or tatweel), with counts.
    forms: Vec<HashMap<String, u32>>,
}

impl Vocabulary {
    /// The id of a stem, adding it if new.
    fn intern(&mut self, stem: &str, form: &str) -> TermId {
        let id = match self.ids.get(stem) {
            Some(&id) => id,
            None => {
                let id = self.stems.len() as TermId;
                self.ids.insert(stem.to_string(), id);
                self.stems.push(stem.to_string());
                self.forms.push(HashMap::new());
                id
            }
        };
        *self.forms[id as usize].entry(form.to_string()).or_insert(0) += 1;
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
    /// without a leading conjunction or preposition («تنفيذ» over «وتنفيذ»): the form to show
    /// a reader.
    pub fn display_form(&self, id: TermId) -> &str {
        let clitic = |form: &str| {
            let mut chars = form.chars();
            matches!(chars.next(), Some('و' | 'ف' | 'ب' | 'ل' | 'ك')) && chars.count() >= 3
        };
        self.forms[id as usize]
            .iter()
            .max_by(|a, b| {
                (!clitic(a.0), a.1)
                    .cmp(&(!clitic(b.0), b.1))
                    .then_with(|| b.0.len().cmp(&a.0.len()))
                    .then(b.0.cmp(a.0))
            })
            .map_or(self.stem(id), |(form, _)| form)
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

/// One word of a prepared paragraph.
#[derive(Clone, Debug)]
pub struct Word {
    /// The token (range, forms, stop flag).
    pub token: Token,
    /// Its term id.
    pub term: TermId,
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
    pub fn words_in(&self, range: &std::ops::Range<usize>) -> &[Word] {
        let first = self.words.partition_point(|w| w.token.range.start < range.start);
        let end = self.words.partition_point(|w| w.token.range.end <= range.end);
        &self.words[first..end.max(first)]
    }

    /// The terms of the content words (not stop words), in order.
    pub fn content_terms(&self) -> impl Iterator<Item = TermId> + '_ {
        self.words.iter().filter(|w| !w.token.stop).map(|w| w.term)
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

/// A word as written, without harakat, tatweel or joiners.
fn plain(word: &str) -> String {
    word.chars().filter(|&c| normalize_char(c).is_some()).collect()
}

/// Whether analysis reads a paragraph: running text or headings that are not furniture.
fn is_article_text(paragraph: &Paragraph) -> (bool, bool) {
    if paragraph.boilerplate.is_some() {
        return (false, false);
    }
    (paragraph.role == Role::Body, matches!(paragraph.role, Role::Heading(_)))
}

impl Prepared {
    /// Tokenise every paragraph of the collection.
    pub fn new(corpus: &Corpus) -> Prepared {
        let mut vocabulary = Vocabulary::default();
        let mut documents = Vec::with_capacity(corpus.documents.len());
        let mut document_frequency: Vec<u32> = Vec::new();
        let mut seen_in: Vec<u32> = Vec::new();
        let mut tokenizer = Tokenizer::default();
        for (d, document) in corpus.documents.iter().enumerate() {
            let mut paragraphs = Vec::with_capacity(document.paragraphs.len());
            for paragraph in &document.paragraphs {
                let (body, heading) = is_article_text(paragraph);
                let words: Vec<Word> = if body || heading {
                    tokenizer
                        .tokens(&paragraph.text)
                        .into_iter()
                        .map(|token| {
                            let form = plain(&paragraph.text[token.range.clone()]);
                            let term = vocabulary.intern(&token.stem, &form);
                            Word { token, term }
                        })
                        .collect()
                } else {
                    Vec::new()
                };
                document_frequency.resize(vocabulary.len(), 0);
                seen_in.resize(vocabulary.len(), u32::MAX);
                for word in words.iter().filter(|w| !w.token.stop) {
                    let t = word.term as usize;
                    if seen_in[t] != d as u32 {
                        seen_in[t] = d as u32;
                        document_frequency[t] += 1;
                    }
                }
                paragraphs.push(PreparedParagraph { body, heading, words });
            }
            documents.push(paragraphs);
        }
        Prepared { vocabulary, documents, document_frequency }
    }
}
