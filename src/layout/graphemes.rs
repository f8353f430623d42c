//! Extended grapheme clusters, with a fast path for the common case.
//!
//! Between two "simple" characters — printable ASCII, Arabic letters and the presentation
//! forms shaping produces — there is always a cluster boundary (none of the UAX #29 rules
//! GB3–GB13 can join them). Text is split at those boundaries without asking the segmenter;
//! only the stretches around other characters (marks, ZWJ, emoji, Hangul) go through
//! unicode-segmentation. The result is the same as `grapheme_indices(true)`.

use unicode_segmentation::UnicodeSegmentation;

/// Whether a cluster boundary always falls between two such characters.
fn is_simple(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{FE70}'..='\u{FEFC}')
}

/// The extended grapheme clusters of `text` with their byte offsets.
pub fn grapheme_indices(text: &str) -> impl Iterator<Item = (usize, &str)> {
    Graphemes { text, position: 0, pending: Vec::new() }
}

struct Graphemes<'a> {
    text: &'a str,
    position: usize,
    /// Clusters of a complex stretch, in reverse order.
    pending: Vec<(usize, &'a str)>,
}

impl<'a> Iterator for Graphemes<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        if let Some(cluster) = self.pending.pop() {
            return Some(cluster);
        }
        let rest = &self.text[self.position..];
        let mut chars = rest.char_indices();
        let (_, first) = chars.next()?;
        let start = self.position;
        match chars.next() {
            Some((len, second)) if is_simple(first) && is_simple(second) => {
                self.position += len;
                Some((start, &rest[..len]))
            }
            None => {
                self.position = self.text.len();
                Some((start, rest))
            }
            Some(_) => {
                // Segment up to the next boundary that is sure: between two simple characters.
                let mut end = rest.len();
                let mut previous = first;
                for (i, c) in rest.char_indices().skip(1) {
                    if is_simple(previous) && is_simple(c) {
                        end = i;
                        break;
                    }
                    previous = c;
                }
                let stretch = &rest[..end];
                self.pending =
                    stretch.grapheme_indices(true).map(|(i, g)| (start + i, g)).rev().collect();
                self.position += end;
                self.pending.pop()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_as_segmenter(text: &str) {
        let fast: Vec<(usize, &str)> = grapheme_indices(text).collect();
        let slow: Vec<(usize, &str)> = text.grapheme_indices(true).collect();
        assert_eq!(fast, slow, "{text:?}");
    }

    #[test]
    fn agrees_with_unicode_segmentation() {
        for text in [
            "",
            "a",
            "abc def",
            "مُحَمَّد",
            "ﻻ\u{064E} ﺑَ",
            "a\u{0301}b",
            "👨\u{200D}👩\u{200D}👧 family",
            "🇸🇦🇪🇬",
            "\r\n\r\n",
            "\u{0600}123 ٢٠١٧",
            "한국어 텍스트",
            " \u{064E}x",
            "\u{200D}\u{200D}",
        ] {
            same_as_segmenter(text);
        }
    }

    #[test]
    fn agrees_on_every_pair_of_interesting_characters() {
        let chars = [
            'a', ' ', 'ب', '\u{064E}', '\u{0651}', 'ﻻ', '\u{200D}', '\u{200C}', '\r', '\n', '👩',
            '🇸', '\u{0600}', 'ᄀ', '각', '\u{0903}', '\u{FEFF}', '\u{25CC}', '中', '\u{0301}',
        ];
        for a in chars {
            for b in chars {
                for c in chars {
                    same_as_segmenter(&[a, b, c].iter().collect::<String>());
                }
            }
        }
    }
}
