//! Where a paragraph writes a term: the words a reader sees in the paragraph itself
//! («ترامب», «قمتهما التاريخية») rather than the collection's commonest spelling of them
//! («ترمب», «وقمته التاريخية»), which the paragraph may never write.

use std::cell::OnceCell;
use std::ops::Range;

use super::variants::variants;
use super::{normalize, stem, word_ranges};

/// A paragraph's words, each stemmed when a look-up first needs it, for the terms looked up
/// in it.
pub struct StemmedWords<'a> {
    text: &'a str,
    /// Its words, read when a term is not written as it is.
    words: OnceCell<Vec<Word>>,
}

/// A word of the paragraph.
struct Word {
    range: Range<usize>,
    /// Normalised.
    norm: String,
    stem: OnceCell<String>,
}

impl Word {
    fn stem(&self) -> &str {
        self.stem.get_or_init(|| stem(&self.norm))
    }
}

impl<'a> StemmedWords<'a> {
    /// The words of `text`.
    pub fn of(text: &'a str) -> StemmedWords<'a> {
        StemmedWords { text, words: OnceCell::new() }
    }

    fn words(&self) -> &[Word] {
        self.words.get_or_init(|| {
            let text = self.text;
            let word = |range: Range<usize>| Word {
                norm: normalize(&text[range.clone()]),
                range,
                stem: OnceCell::new(),
            };
            word_ranges(text).into_iter().map(word).collect()
        })
    }

    /// How the paragraph writes `term` (one word or words in a row with only spaces between,
    /// matched by their stems, so that spellings and clitics may differ), if it does.
    pub fn find(&self, term: &str) -> Option<&'a str> {
        // Most terms are written just so, as whole words.
        let letter = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let whole = |&(at, _): &(usize, &str)| {
            !letter(self.text[..at].chars().next_back())
                && !letter(self.text[at + term.len()..].chars().next())
        };
        if let Some((at, _)) = self.text.match_indices(term).find(whole) {
            return Some(&self.text[at..at + term.len()]);
        }
        let wanted: Vec<String> = term.split_whitespace().map(|w| stem(&normalize(w))).collect();
        if wanted.is_empty() {
            return None;
        }
        let spaced = |run: &[Word]| {
            run.windows(2)
                .all(|pair| self.text[pair[0].range.end..pair[1].range.start].trim().is_empty())
        };
        let span = |run: &[Word]| &self.text[run[0].range.start..run[run.len() - 1].range.end];
        // First among the words that hold the stems as they are (most do: a stem is inside
        // its words), then among all, for spellings that differ.
        let matching = |quick: bool| {
            self.words().windows(wanted.len()).find(|run| {
                let held = |(w, s): (&Word, &String)| !quick || w.norm.contains(s.as_str());
                run.iter().zip(&wanted).all(|pair| held(pair) && pair.0.stem() == pair.1)
                    && spaced(run)
            })
        };
        // One word the paragraph writes as two («فيسبوك», «الفيس بوك»).
        let apart = || {
            let [one] = wanted.as_slice() else { return None };
            self.words().windows(2).find(|run| {
                spaced(run) && variants().joined(run[0].stem(), run[1].stem()) == Some(one.as_str())
            })
        };
        matching(true).or_else(|| matching(false)).or_else(apart).map(span)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_is_shown_as_the_paragraph_writes_it() {
        let words = StemmedWords::of("وصافح ترامب الزعيم الكوري في قمتهما التاريخية، ثم غادر.");
        assert_eq!(words.find("ترمب"), Some("ترامب"), "a spelling variant");
        assert_eq!(words.find("قمته التاريخية"), Some("قمتهما التاريخية"));
        assert_eq!(words.find("بالزعيم"), Some("الزعيم"), "a clitic");
        assert_eq!(words.find("التاريخية ثم"), None, "a comma stands between them");
        assert_eq!(words.find("الصين"), None);
        let words = StemmedWords::of("قالت الخارجية المصرية إن مصر ترحب.");
        assert_eq!(words.find("مصر"), Some("مصر"));
        let words = StemmedWords::of("قالت الخارجية المصرية.");
        assert_eq!(words.find("مصر"), Some("المصرية"), "the word of its stem, not a piece of one");
        let words = StemmedWords::of("نشر على موقع الفيس بوك صورا.");
        assert_eq!(words.find("فيسبوك"), Some("الفيس بوك"), "one word written as two");
    }
}
