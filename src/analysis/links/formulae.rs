//! The journalistic formulae that never make a link (`assets/link-formulae.txt`): days and
//! months, «العام الماضي», «وكالة الأنباء», «المتحدث باسم», «سمع دوي»… Two passages that share
//! only these are not about the same thing, whatever their cosine.

use rustc_hash::FxHashSet as HashSet;

use crate::analysis::prepare::{TermId, Vocabulary};
use crate::text::tokens;

/// The formulae as the collection's terms.
#[derive(Default)]
pub struct Formulae {
    /// Words that are never a link's term.
    words: HashSet<TermId>,
    /// Pairs of neighbouring words that are never a phrase of a link.
    pairs: HashSet<(TermId, TermId)>,
}

impl Formulae {
    /// The formulae of `assets/link-formulae.txt` among the words of `vocabulary`.
    pub fn new(vocabulary: &Vocabulary) -> Formulae {
        let mut formulae = Formulae::default();
        let entries = include_str!("../../../assets/link-formulae.txt").lines();
        for entry in entries.map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let terms: Vec<Option<TermId>> = tokens(entry)
                .into_iter()
                .filter(|t| !t.stop)
                .map(|t| vocabulary.id(&t.stem))
                .collect();
            match terms.as_slice() {
                [Some(word)] => {
                    formulae.words.insert(*word);
                }
                _ => {
                    for pair in terms.windows(2) {
                        if let [Some(a), Some(b)] = pair {
                            formulae.pairs.insert((*a, *b));
                        }
                    }
                }
            }
        }
        formulae
    }

    /// Whether a word is a formula on its own.
    pub fn is_word(&self, term: TermId) -> bool {
        self.words.contains(&term)
    }

    /// Whether two neighbouring words are a formula, or part of one.
    pub fn is_pair(&self, a: TermId, b: TermId) -> bool {
        self.pairs.contains(&(a, b))
    }
}
