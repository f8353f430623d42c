//! The characters of a paragraph that are drawn, with their byte offsets, read from its UTF-8
//! in one pass: everything but the bidi format characters, and the harakat when they are
//! stripped.

use super::shape::is_haraka;

/// Characters that must never be drawn: explicit bidi format characters (rule 9); their
/// effect has been applied by the bidi algorithm, and a terminal must not see them.
fn is_bidi_format(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `c` is drawn: it is not a bidi format character, nor a haraka when they are
/// stripped (`keep_harakat` false). Most characters are ASCII or Arabic letters, which are
/// neither.
fn is_drawn(c: char, keep_harakat: bool) -> bool {
    match c {
        '\0'..='\u{060F}' | '\u{0621}'..='\u{064A}' => true,
        _ => !(is_bidi_format(c) || (!keep_harakat && is_haraka(c))),
    }
}

/// The drawn characters of a paragraph, in logical order, each with the byte offset it
/// starts at.
#[derive(Clone)]
pub struct DrawnChars<'a> {
    bytes: &'a [u8],
    /// Where the next character starts.
    at: usize,
    keep_harakat: bool,
}

impl<'a> DrawnChars<'a> {
    /// The drawn characters of `text`, harakat included when `keep_harakat`.
    pub fn new(text: &'a str, keep_harakat: bool) -> Self {
        DrawnChars { bytes: text.as_bytes(), at: 0, keep_harakat }
    }
}

impl Iterator for DrawnChars<'_> {
    type Item = (u32, char);

    #[inline(always)]
    fn next(&mut self) -> Option<(u32, char)> {
        loop {
            let at = self.at;
            let (c, len) = decode(self.bytes, at)?;
            self.at = at + len;
            if is_drawn(c, self.keep_harakat) {
                return Some((at as u32, c));
            }
        }
    }
}

/// The character that starts at byte `at` of `bytes` (valid UTF-8, `at` on a character
/// boundary) and its length, or `None` at the end: a decoder for text known to be valid,
/// whose two-byte characters (all of Arabic) take a handful of instructions.
#[inline(always)]
fn decode(bytes: &[u8], at: usize) -> Option<(char, usize)> {
    let lead = *bytes.get(at)?;
    let continuation = |k: usize| u32::from(bytes.get(at + k).map_or(0, |&b| b & 0x3F));
    let (code, len) = match lead {
        0x00..=0x7F => return Some((char::from(lead), 1)),
        0xC0..=0xDF => ((u32::from(lead & 0x1F) << 6) | continuation(1), 2),
        0xE0..=0xEF => {
            ((u32::from(lead & 0x0F) << 12) | (continuation(1) << 6) | continuation(2), 3)
        }
        _ => {
            let code = (u32::from(lead & 0x07) << 18)
                | (continuation(1) << 12)
                | (continuation(2) << 6)
                | continuation(3);
            (code, 4)
        }
    };
    Some((char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER), len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_every_character_as_std_does() {
        let text: String = (0..=0x10FFFF).filter_map(char::from_u32).collect();
        let decoded: Vec<(u32, char)> = DrawnChars::new(&text, true).collect();
        let expected: Vec<(u32, char)> = text
            .char_indices()
            .filter(|&(_, c)| !is_bidi_format(c))
            .map(|(i, c)| (i as u32, c))
            .collect();
        assert_eq!(decoded, expected);
    }

    #[test]
    fn leaves_out_bidi_controls_and_stripped_harakat() {
        let text = "a\u{200F}بَ\u{2067}ت\u{2069}\u{0651}";
        let kept: String = DrawnChars::new(text, true).map(|(_, c)| c).collect();
        assert_eq!(kept, "aبَت\u{0651}");
        let stripped: Vec<(u32, char)> = DrawnChars::new(text, false).collect();
        assert_eq!(stripped, vec![(0, 'a'), (4, 'ب'), (11, 'ت')]);
    }

    #[test]
    fn the_quick_test_agrees_with_the_full_one() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for keep in [true, false] {
                let full = !(is_bidi_format(c) || (!keep && is_haraka(c)));
                assert_eq!(is_drawn(c, keep), full, "{c:?}");
            }
        }
    }
}
