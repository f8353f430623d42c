//! Words of a text for matching and ranking: each with its place in the original, its
//! normalised form, its stem, and whether it is a stop word.

use rustc_hash::FxHashSet as HashSet;
use std::ops::Range;
use std::sync::OnceLock;

use super::{normalize, normalize_char, stem, strip_clitics};

/// One word of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range of the word in the text, as written.
    pub range: Range<usize>,
    /// The normalised word (harakat, hamza forms, ta marbuta … folded).
    pub norm: String,
    /// The stem used to match words across inflections and clitics.
    pub stem: String,
    /// A function word or reporting verb, which carries no subject.
    pub stop: bool,
}

/// Whether `c` belongs inside a word: letters, digits, and what normalising drops (harakat,
/// tatweel, joiners).
fn is_word_char(c: char) -> bool {
    match c {
        // The common cases first, without the Unicode table search.
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\u{0621}'..='\u{064A}' | '\u{0660}'..='\u{0669}' => true,
        _ if c.is_ascii() => false,
        _ => super::sentences::is_alphanumeric(c) || normalize_char(c).is_none(),
    }
}

/// The byte ranges of the words of `text`. A `.` or `,` between two digits stays inside the
/// number («8.4», «1,500»).
pub fn word_ranges(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    let mut previous = ' ';
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map_or(' ', |&(_, n)| n);
        let inside_number = matches!(c, '.' | ',' | '٫' | '٬')
            && start.is_some()
            && previous.is_ascii_digit() | ('٠'..='٩').contains(&previous)
            && (next.is_ascii_digit() || ('٠'..='٩').contains(&next));
        if is_word_char(c) || inside_number {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            ranges.push(s..i);
        }
        previous = c;
    }
    if let Some(s) = start {
        ranges.push(s..text.len());
    }
    ranges
}

/// The words of `text`.
pub fn tokens(text: &str) -> Vec<Token> {
    word_ranges(text)
        .into_iter()
        .filter_map(|range| {
            let norm = normalize(&text[range.clone()]);
            if norm.is_empty() {
                return None;
            }
            let stop = is_stop_word(&norm);
            let stem = stem(&norm);
            Some(Token { range, norm, stem, stop })
        })
        .collect()
}

/// The normalised stop words of `assets/stopwords-ar.txt`.
fn stop_words() -> &'static HashSet<String> {
    static WORDS: OnceLock<HashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        include_str!("../../assets/stopwords-ar.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(normalize)
            .collect()
    })
}

/// Pronoun suffixes that attach to function words («أنه», «منها», «عليهم»), normalised.
const PRONOUN_SUFFIXES: [&str; 8] = ["هما", "هم", "هن", "ها", "كم", "نا", "ه", "ي"];

/// Whether a normalised word is a stop word: as written, without its leading clitics
/// («وهذا», «فإن», «بذلك»), or with a pronoun attached («أنه», «منها»); or a single letter.
pub fn is_stop_word(norm: &str) -> bool {
    let words = stop_words();
    let listed = |w: &str| {
        if words.contains(w) {
            return true;
        }
        // A single conjunction or preposition on a short function word: «وهو», «لذلك».
        let mut chars = w.chars();
        matches!(chars.next(), Some('و' | 'ف' | 'ب' | 'ل' | 'ك')) && words.contains(chars.as_str())
    };
    if norm.chars().count() < 2 || listed(norm) || listed(strip_clitics(norm)) {
        return true;
    }
    PRONOUN_SUFFIXES.iter().any(|suffix| {
        norm.strip_suffix(suffix).is_some_and(|base| {
            base.chars().count() >= 2 && (listed(base) || listed(strip_clitics(base)))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        word_ranges(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn words_keep_marks_and_numbers_whole() {
        assert_eq!(
            words("يُعد «داعش» 8.4% و1.3 تريليون"),
            ["يُعد", "داعش", "8.4", "و1.3", "تريليون"]
        );
        assert_eq!(words("العالـم، ٢٠١٧."), ["العالـم", "٢٠١٧"]);
        assert_eq!(words("(UNOCT) tell-mama"), ["UNOCT", "tell", "mama"]);
    }

    #[test]
    fn tokens_carry_their_place_and_stem() {
        let text = "وأكد الاتّحاد الأوروبي";
        let t = tokens(text);
        assert_eq!(t.len(), 3);
        assert_eq!(&text[t[1].range.clone()], "الاتّحاد");
        assert_eq!(t[1].norm, "الاتحاد");
        assert_eq!(t[1].stem, tokens("الاتحاد")[0].stem);
        assert!(t[0].stop, "a reporting verb with a conjunction");
        assert!(!t[2].stop);
    }

    #[test]
    fn stop_words_with_clitics() {
        for w in ["وهذا", "فإن", "بذلك", "لذلك", "والتي", "في", "هو", "قالت"]
        {
            assert!(is_stop_word(&normalize(w)), "{w}");
        }
        for w in ["الإرهاب", "تلجرام", "داعش", "المنصات", "مدينة", "حسابه"]
        {
            assert!(!is_stop_word(&normalize(w)), "{w}");
        }
    }
}
