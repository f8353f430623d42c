//! Understanding the collection: key points, facts and figures, themes and cross-links,
//! computed once per collection as one [`Analysis`] value (cached by content hash, see
//! [`cache`]).

pub mod cache;
pub mod discover;
pub mod facts;
pub mod keypoints;
pub mod links;
pub mod prepare;
pub mod themes;

use rustc_hash::FxHashMap as HashMap;

use serde::{Deserialize, Serialize};

pub use facts::{Fact, facts};
pub use keypoints::{Budget, KeyPoint, rank_sentences, select};
pub use links::Link;
pub use prepare::Prepared;
pub use themes::{Passage, Theme, ThemeDefinition, match_themes, parse_theme_file};

use crate::corpus::Corpus;

/// The most links kept per paragraph; commands and the reader show fewer.
pub const MAX_LINKS_PER_PARAGRAPH: usize = 10;

/// Where a collection's themes come from.
#[derive(Clone, Debug, PartialEq)]
pub enum ThemeSource {
    /// The given definitions (a theme file, or the built-in articles' own).
    Curated(Vec<ThemeDefinition>),
    /// Found in the collection's text.
    Discovered,
}

impl ThemeSource {
    /// The built-in theme file for the built-in articles, discovery for anything else.
    pub fn default_for(corpus: &Corpus) -> ThemeSource {
        if corpus.is_builtin() {
            ThemeSource::Curated(themes::builtin_definitions())
        } else {
            ThemeSource::Discovered
        }
    }
}

/// What one article says: its sentences ranked for key points, and its facts and figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentAnalysis {
    /// Every sentence that can be a key point, most important first.
    pub ranked: Vec<KeyPoint>,
    /// The sentences that carry figures, in reading order.
    pub facts: Vec<Fact>,
}

/// The analysis of a whole collection.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// One entry per document, in collection order.
    pub documents: Vec<DocumentAnalysis>,
    /// The themes, curated or discovered.
    pub themes: Vec<Theme>,
    /// Cross-links between paragraphs of different articles, grouped by paragraph, best first.
    pub links: Vec<Link>,
    /// The terms links name, as the text writes them; [`Link::terms`] index this list.
    pub terms: Vec<String>,
}

impl Analysis {
    /// Analyse a collection.
    pub fn new(corpus: &Corpus, themes: &ThemeSource) -> Analysis {
        let prepared = Prepared::new(corpus);
        let numbers = facts::number_terms(&prepared.vocabulary);
        // Themes on a thread of their own while this one ranks each article's sentences.
        let (documents, themes) = std::thread::scope(|scope| {
            let prepared = &prepared;
            let themes = scope.spawn(move || match themes {
                ThemeSource::Curated(definitions) => match_themes(prepared, definitions),
                ThemeSource::Discovered => discover::discover_themes(corpus, prepared),
            });
            let documents: Vec<DocumentAnalysis> = corpus
                .documents
                .iter()
                .zip(&prepared.documents)
                .map(|(document, paragraphs)| DocumentAnalysis {
                    ranked: rank_sentences(document, paragraphs),
                    facts: facts(document, paragraphs, &numbers),
                })
                .collect();
            (documents, themes.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
        });
        // The words of every paragraph are the largest thing analysis holds: the link vectors
        // are built from them as they are let go, before the search (the peak of memory).
        let Prepared { vocabulary, documents: words, document_frequency } = prepared;
        drop(document_frequency);
        let index = links::LinkIndex::new(corpus, words, vocabulary.len());
        let links::Linked { mut links, phrases } = links::search(index, MAX_LINKS_PER_PARAGRAPH);
        // Term ids (words, then phrases) become indices into a table of the terms links use,
        // written as the text writes them: a word in its commonest form, a phrase as it
        // stands in the paragraph linked from.
        let words = vocabulary.len() as u32;
        let display = |id: u32, (d, p): (usize, usize)| match id.checked_sub(words) {
            None => vocabulary.display_form(id).to_string(),
            Some(phrase) => {
                let (a, b) = phrases[phrase as usize];
                let text = &corpus.documents[d].paragraphs[p].text;
                vocabulary
                    .words_of(text)
                    .windows(2)
                    .find(|w| w[0].term == a && w[1].term == b && links::is_phrase(text, w))
                    .map(|w| text[w[0].range().start..w[1].range().end].to_string())
                    .unwrap_or_else(|| {
                        format!("{} {}", vocabulary.display_form(a), vocabulary.display_form(b))
                    })
            }
        };
        let mut table: HashMap<u32, u32> = HashMap::default();
        let mut terms = Vec::new();
        for link in &mut links {
            let from = link.from;
            for term in &mut link.terms {
                *term = *table.entry(*term).or_insert_with(|| {
                    terms.push(display(*term, from));
                    (terms.len() - 1) as u32
                });
            }
        }
        Analysis { documents, themes, links, terms }
    }

    /// The key points of document `index` for a budget, in reading order.
    pub fn key_points(&self, index: usize, budget: Budget) -> Vec<KeyPoint> {
        select(&self.documents[index].ranked, budget)
    }

    /// The shared terms of a link, as the text writes them.
    pub fn link_terms<'a>(&'a self, link: &'a Link) -> impl Iterator<Item = &'a str> + 'a {
        link.terms.iter().map(|&t| self.terms[t as usize].as_str())
    }

    /// The links from one paragraph, best first, at most `k`.
    pub fn links_from(&self, document: usize, paragraph: usize, k: usize) -> Vec<&Link> {
        let start = self.links.partition_point(|l| l.from < (document, paragraph));
        self.links[start..].iter().take_while(|l| l.from == (document, paragraph)).take(k).collect()
    }
}
