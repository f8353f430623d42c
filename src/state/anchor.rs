//! Where an item a user makes belongs: the article, by its key (the key the item is stored
//! under in the state), and the paragraph, by a fingerprint of its words. Merging two
//! readers' states, finding notes again after an article was edited, and every later kind of
//! item (deck entries, card schedules) share it.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::text::normalize_char;
use crate::text::sentences::is_alphanumeric;

/// How many of a paragraph's words its [`ParagraphPrint::opening`] keeps: enough to tell the
/// paragraphs of one article apart, few enough that an edit later in the paragraph leaves
/// them as they were.
const OPENING_WORDS: usize = 6;

/// A paragraph's fingerprint, independent of its place in the article.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ParagraphPrint {
    /// A hash of the paragraph's words, normalised (harakat, punctuation and spacing do not
    /// count): two paragraphs with this hash read the same.
    pub words: String,
    /// The paragraph's first words, normalised and joined by spaces: the paragraph is found
    /// again by them after an edit changed its hash.
    pub opening: String,
}

impl ParagraphPrint {
    /// The print of a paragraph's text.
    pub fn of(text: &str) -> ParagraphPrint {
        let words = normalized_words(text);
        let mut hash = Sha256::new();
        for word in &words {
            hash.update(word.as_bytes());
            hash.update([b' ']);
        }
        let hex = hash.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect();
        ParagraphPrint {
            words: hex,
            opening: words.iter().take(OPENING_WORDS).cloned().collect::<Vec<_>>().join(" "),
        }
    }
}

/// The words of `text`, each normalised as search compares words, in order.
fn normalized_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if is_alphanumeric(c) {
            word.extend(normalize_char(c));
        } else if normalize_char(c).is_some() && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_and_harakat_do_not_change_the_print() {
        let plain = ParagraphPrint::of("قال الوزير إن المشروع سيبدأ في الربيع");
        let edited = ParagraphPrint::of("قالَ الوزير، إنّ المشروع  سيبدأ في الربيع.");
        assert_eq!(plain, edited);
        let other = ParagraphPrint::of("قال الوزير إن المشروع سيبدأ في الصيف");
        assert_ne!(plain.words, other.words);
        assert_eq!(plain.opening, other.opening);
        assert_eq!(plain.opening, "قال الوزير ان المشروع سيبدا في");
    }
}
