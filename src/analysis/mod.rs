//! Understanding the collection: key points, facts and figures, themes and cross-links,
//! computed once per collection as one [`Analysis`] value (cached by content hash, see
//! [`cache`]).

pub mod cache;
pub mod discover;
pub mod facts;
pub mod keypoints;
pub mod links;
pub mod prepare;
mod sorted;
pub mod theme;
pub mod themes;
pub mod view;

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use serde::{Deserialize, Serialize};

pub use facts::{FORCED_DIRECTION, Fact, facts};
pub use keypoints::{Budget, KeyPoint, RANKER, RankedSentence, Ranker, rank_sentences, select};
pub use links::Link;
pub use prepare::Prepared;
pub use theme::{Passage, Theme};
pub use themes::{ThemeDefinition, match_themes, parse_theme_file};

use crate::corpus::Corpus;
use crate::text::written::StemmedWords;

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
    pub ranked: Vec<RankedSentence>,
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
        // Curated themes beside the articles' key points and facts, each article on its own:
        // all of it shared out among the machine's cores. Discovered themes come from the
        // links (below).
        let (curated, documents) = rayon::join(
            || match themes {
                ThemeSource::Curated(definitions) => Some(match_themes(&prepared, definitions)),
                ThemeSource::Discovered => None,
            },
            || {
                corpus
                    .documents
                    .par_iter()
                    .zip(&prepared.documents)
                    .map(|(document, paragraphs)| DocumentAnalysis {
                        ranked: rank_sentences(document, paragraphs, RANKER),
                        facts: facts(document, paragraphs, &numbers),
                    })
                    .collect::<Vec<_>>()
            },
        );
        // The words of every paragraph are the largest thing analysis holds: the link vectors
        // are built from them as they are let go, before the search (the peak of memory).
        let Prepared { vocabulary, documents: words, document_frequency } = prepared;
        drop(document_frequency);
        let formulae = links::Formulae::new(&vocabulary);
        let index = links::LinkIndex::new(corpus, words, &vocabulary, &formulae);
        let mut links = links::search(&index, MAX_LINKS_PER_PARAGRAPH);
        let themes = curated
            .unwrap_or_else(|| discover::discover_themes(corpus, &index, &links, &vocabulary));
        // Term ids (words, then phrases) become indices into a table of the terms links use,
        // written as the text writes them.
        let display = |id: u32| index.term_text(id, corpus, &vocabulary);
        let mut table: HashMap<u32, u32> = HashMap::default();
        let mut terms = Vec::new();
        for link in &mut links {
            for term in link.terms_mut() {
                *term = *table.entry(*term).or_insert_with(|| {
                    terms.push(display(*term));
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

    /// The shared terms of a link, as the collection writes them most.
    pub fn link_terms<'a>(&'a self, link: &'a Link) -> impl Iterator<Item = &'a str> + 'a {
        link.terms().iter().map(|&t| self.terms[t as usize].as_str())
    }

    /// The shared terms of a link as the paragraph it starts from writes them (`from`, that
    /// paragraph's words), each else as the collection writes it most.
    pub fn link_terms_written<'a>(
        &'a self,
        link: &'a Link,
        from: &StemmedWords<'a>,
    ) -> Vec<&'a str> {
        self.link_terms(link).map(|common| from.find(common).unwrap_or(common)).collect()
    }

    /// The links from one paragraph, best first, at most `k`.
    pub fn links_from(&self, document: usize, paragraph: usize, k: usize) -> Vec<&Link> {
        let start = self.links.partition_point(|l| l.from() < (document, paragraph));
        let links = self.links[start..].iter();
        links.take_while(|l| l.from() == (document, paragraph)).take(k).collect()
    }
}
