//! The shape of one line of text, as the structure rules and the furniture rules read it:
//! how many words it has, how it ends, whether it looks like a heading or a list item, and
//! its spaces tidied.

use crate::text::sentences::{count_bytes, find_byte, is_alphabetic, is_alphanumeric};

/// The longest line of a hard-wrapped paragraph, in characters; no heading is longer.
pub(super) const MAX_WRAPPED_LINE: usize = 100;

/// The most words a heading has.
const MAX_HEADING_WORDS: usize = 12;

/// Characters that end a sentence or a clause; a heading or title does not end with them.
pub(super) const CLOSING_PUNCTUATION: &[char] = &['.', '!', '?', '؟', ':', '؛', '،', ',', ';', '…'];

/// Closing quotes and brackets, looked through to find how a line ends.
const CLOSERS: &[char] = &['»', '”', '"', '\'', '’', ')', ']', '›'];

/// The text trimmed, with runs of white space made one space (a single tab or no-break space
/// stays as it is), and the map from each byte offset of `text` to its offset in the result.
pub(super) fn tidy_spaces(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = vec![0; text.len() + 1];
    let mut pending: Option<char> = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            pending = Some(if pending.is_some() { ' ' } else { c });
        } else if let Some(space) = pending.take().filter(|_| !out.is_empty()) {
            out.push(space);
        }
        map[i..i + c.len_utf8()].fill(out.len());
        if !c.is_whitespace() {
            out.push(c);
        }
    }
    map[text.len()] = out.len();
    (out, map)
}

/// The text with its spaces tidied as [`tidy_spaces`] does, without the offset map; text
/// that is already tidy is kept as it is.
pub(super) fn tidy(text: String) -> String {
    if is_tidy(&text) { text } else { tidy_spaces(&text).0 }
}

/// Whether [`tidy_spaces`] would leave the text as it is: no white space at either end and
/// no two white-space characters in a row.
pub(super) fn is_tidy(text: &str) -> bool {
    // White space other than the plain space is ASCII or starts with byte 0xC2 (U+0085,
    // U+00A0), 0xE1 (U+1680), 0xE2 (U+2000–U+205F) or 0xE3 (U+3000). Without any of those
    // bytes (most text), quick byte searches give the answer.
    let other_space = |b: u8| matches!(b, b'\t'..=b'\r' | 0xc2 | 0xe1..=0xe3);
    if find_byte(text.as_bytes(), other_space).is_none() {
        return !text.starts_with(' ') && !text.ends_with(' ') && !text.contains("  ");
    }
    let mut after_space = true;
    for c in text.chars() {
        let space = c.is_whitespace();
        if space && after_space {
            return false;
        }
        after_space = space;
    }
    !after_space || text.is_empty()
}

/// The number of words that have a letter or digit in them, counted up to `cap`: a text
/// with more words gives `cap`, and the rest of it is not read. Callers compare the count
/// with a limit and pass a cap just past it.
pub(super) fn word_count(text: &str, cap: usize) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    // Whether the word being read has been counted: it has a letter or digit already.
    let mut counted = false;
    let mut i = 0;
    while i < bytes.len() && count < cap {
        let byte = bytes[i];
        if byte.is_ascii() {
            if matches!(byte, b'\t'..=b'\r' | b' ') {
                counted = false;
            } else if !counted && byte.is_ascii_alphanumeric() {
                (counted, count) = (true, count + 1);
            }
            i += 1;
        } else if counted && !may_start_white_space(byte) {
            // Inside a word already counted only white space matters, and no character
            // that starts with this byte is white space: its bytes are passed over one by one.
            i += 1;
        } else {
            // A character starts here: outside a counted word every character is decoded
            // whole, inside one only those that may be white space.
            let Some(c) = text[i..].chars().next() else { break };
            if c.is_whitespace() {
                counted = false;
            } else if !counted && is_alphanumeric(c) {
                (counted, count) = (true, count + 1);
            }
            i += c.len_utf8();
        }
    }
    count
}

/// Whether a white-space character may start with this byte: it is ASCII white space, or
/// the first byte of U+0085 or U+00A0 (0xC2), U+1680 (0xE1), U+2000–U+205F (0xE2) or
/// U+3000 (0xE3). No continuation byte is one of these.
fn may_start_white_space(byte: u8) -> bool {
    matches!(byte, b'\t'..=b'\r' | b' ' | 0xc2 | 0xe1..=0xe3)
}

/// Whether the text has at most `limit` words with a letter or digit in them.
pub(super) fn at_most_words(text: &str, limit: usize) -> bool {
    space_bound(text) < limit || word_count(text, limit + 1) <= limit
}

/// At least the number of white-space characters in the text, counted from its bytes
/// without decoding it: the ASCII ones, and every byte that starts or ends one of the
/// others (U+0085 and U+00A0 end with 0x85 and 0xA0; the rest start with 0xE1–0xE3).
/// A text has at most this many words plus one, which settles most word limits at a
/// fraction of the cost of reading the words.
fn space_bound(text: &str) -> usize {
    count_bytes(text.as_bytes(), |b| matches!(b, b'\t'..=b'\r' | b' ' | 0x85 | 0xa0 | 0xe1..=0xe3))
}

/// The last character of the text, looking through closing quotes and brackets.
pub(super) fn last_significant(text: &str) -> Option<char> {
    text.trim_end()
        .trim_end_matches(|c: char| CLOSERS.contains(&c) || c.is_whitespace() || is_invisible(c))
        .chars()
        .last()
}

/// Whether a character draws nothing: a directional mark, a joiner, a word joiner or a
/// byte-order mark (news sites leave «‏» after a full stop).
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}' | '\u{61c}')
}

/// Whether a line is shaped like a heading: 1–12 words with a letter, no closing
/// punctuation, not a list item.
pub(super) fn looks_like_heading(text: &str) -> bool {
    // The cheap tests first: most paragraphs end with punctuation.
    !last_significant(text).is_some_and(|c| CLOSING_PUNCTUATION.contains(&c))
        && !is_list_item(text)
        && text.chars().nth(MAX_WRAPPED_LINE).is_none()
        && (1..=MAX_HEADING_WORDS).contains(&word_count(text, MAX_HEADING_WORDS + 1))
        && text.chars().any(is_alphabetic)
}

/// Whether a line starts with a list marker: «1.», «2)», «3-» or a bullet, then a space.
pub(super) fn is_list_item(text: &str) -> bool {
    let text = text.trim_start();
    let rest = text.trim_start_matches(|c: char| c.is_ascii_digit() || ('٠'..='٩').contains(&c));
    let digits = text[..text.len() - rest.len()].chars().count();
    let marker = match digits {
        0 => rest.strip_prefix(['-', '*', '•', '·', '–', '—', '▪', '●', '◦']),
        1..=3 => rest.strip_prefix(['.', ')', '-']),
        _ => None,
    };
    marker.is_some_and(|after| after.starts_with(char::is_whitespace))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`word_count`] as its notes define it, one character at a time.
    fn word_count_slowly(text: &str, cap: usize) -> usize {
        text.split_whitespace().filter(|w| w.chars().any(is_alphanumeric)).take(cap).count()
    }

    #[test]
    fn word_count_by_bytes_is_word_count_by_characters() {
        // Every character as a word, inside a word, between words and as the space between
        // them: the white space that starts with the bytes passed over must still split.
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let text = format!("{c}ب{c}a {c} x{c}{c}ك");
            for cap in [1, 2, 3, 10] {
                assert_eq!(word_count(&text, cap), word_count_slowly(&text, cap), "{c:?}");
            }
        }
        for p in crate::corpus::Corpus::builtin().documents.iter().flat_map(|d| &d.paragraphs) {
            for cap in [1, 8, 15, 61, usize::MAX] {
                assert_eq!(word_count(&p.text, cap), word_count_slowly(&p.text, cap));
            }
        }
    }

    #[test]
    fn the_space_bound_counts_every_kind_of_white_space() {
        let spaces: Vec<char> = (char::MIN..=char::MAX).filter(|c| c.is_whitespace()).collect();
        for c in &spaces {
            assert!(space_bound(&c.to_string()) >= 1, "{c:?}");
        }
        let text: String = spaces.iter().flat_map(|&c| ['و', c]).collect();
        assert!(space_bound(&text) >= spaces.len());
        for limit in 0..30 {
            assert_eq!(at_most_words(&text, limit), word_count(&text, limit + 1) <= limit);
        }
    }

    #[test]
    fn tidy_text_is_recognised() {
        for text in ["", "a", "a b", "a\tb", "أ\u{a0}ب «ج»", "x\u{200f} y", "a\u{3000}b"] {
            assert!(is_tidy(text), "{text:?}");
        }
        for text in
            [" ", " a", "a ", "a  b", "a\u{a0} b", "\u{a0}a", "a\u{2003}", "a\u{85}\u{3000}b"]
        {
            assert!(!is_tidy(text), "{text:?}");
            assert_ne!(tidy_spaces(text).0, text);
        }
    }

    #[test]
    fn spaces_are_tidied_with_a_map() {
        let (text, map) = tidy_spaces("  a  b\u{a0}c \t d ");
        assert_eq!(text, "a b\u{a0}c d");
        assert_eq!(map[2], 0);
        assert_eq!(map[5], 2);
        assert_eq!(map[map.len() - 1], text.len());
    }

    #[test]
    fn list_items() {
        assert!(is_list_item("1. تبادل المعلومات"));
        assert!(is_list_item("٣) نص"));
        assert!(is_list_item("- item"));
        assert!(is_list_item("• نقطة"));
        assert!(!is_list_item("2017 عام"));
        assert!(!is_list_item("8.4% نسبة"));
        assert!(!is_list_item("2017. عام"));
    }
}
