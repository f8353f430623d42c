//! Direction of text by its strong characters (UAX #9 rules P2 and P3).

use unicode_bidi::BidiClass;

use super::{FastBidiData, bidi_class};

/// The direction of a paragraph or of a whole document.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub enum Direction {
    /// Left to right (Latin, digits only).
    #[default]
    Ltr,
    /// Right to left (Arabic, Hebrew).
    Rtl,
}

impl Direction {
    /// Whether this is right to left.
    pub fn is_rtl(self) -> bool {
        self == Direction::Rtl
    }
}

/// The direction of the first strong character outside isolates (P2/P3), if there is one.
pub fn first_strong_direction(text: &str) -> Option<Direction> {
    match unicode_bidi::get_base_direction_with_data_source(&FastBidiData, text) {
        unicode_bidi::Direction::Ltr => Some(Direction::Ltr),
        unicode_bidi::Direction::Rtl => Some(Direction::Rtl),
        unicode_bidi::Direction::Mixed => None,
    }
}

/// The direction most of the texts' strong characters have, all counted together; left to
/// right when they have none.
pub fn dominant_direction<'t>(
    texts: impl IntoIterator<Item = &'t str, IntoIter: Clone>,
) -> Direction {
    let texts = texts.into_iter();
    // Each byte still to read can add at most one strong character: once either side leads
    // by more than that, the answer is known and the rest is not read.
    let mut unread: usize = texts.clone().map(str::len).sum();
    let (mut ltr, mut rtl) = (0usize, 0usize);
    for text in texts {
        if rtl > ltr + unread || ltr >= rtl + unread {
            break;
        }
        unread -= text.len();
        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some(&lead) = bytes.get(i) {
            // ASCII and the Arabic letters ء–غ (D8 A1–BA) and ف–ي (D9 81–8A), most of any
            // text, are told by their bytes; any other character is decoded.
            let (direction, len) = match (lead, bytes.get(i + 1).copied().unwrap_or(0)) {
                (b'a'..=b'z' | b'A'..=b'Z', _) => (Some(Direction::Ltr), 1),
                (0..=0x7f, _) => (None, 1),
                (0xd8, 0xa1..=0xba) | (0xd9, 0x81..=0x8a) => (Some(Direction::Rtl), 2),
                _ => {
                    let c = text[i..].chars().next().unwrap_or_default();
                    (strong_direction(c), c.len_utf8())
                }
            };
            match direction {
                Some(Direction::Ltr) => ltr += 1,
                Some(Direction::Rtl) => rtl += 1,
                None => {}
            }
            i += len;
        }
    }
    if rtl > ltr { Direction::Rtl } else { Direction::Ltr }
}

/// The direction of a strong character (bidi class L, or R and AL), `None` for any other.
fn strong_direction(c: char) -> Option<Direction> {
    match bidi_class(c) {
        BidiClass::L => Some(Direction::Ltr),
        BidiClass::R | BidiClass::AL => Some(Direction::Rtl),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_strong_skips_digits_and_punctuation() {
        assert_eq!(first_strong_direction("2017: عام"), Some(Direction::Rtl));
        assert_eq!(first_strong_direction("« Twitter » حذف"), Some(Direction::Ltr));
        assert_eq!(first_strong_direction("1500 / 1500"), None);
    }

    #[test]
    fn counting_by_bytes_agrees_with_counting_characters() {
        let by_characters = |text: &str| {
            let strong: Vec<Direction> = text.chars().filter_map(strong_direction).collect();
            let rtl = strong.iter().filter(|d| d.is_rtl()).count();
            if rtl > strong.len() - rtl { Direction::Rtl } else { Direction::Ltr }
        };
        let alphabet: Vec<char> = ('\0'..='\u{7ff}')
            .chain(['\u{200f}', '\u{202b}', 'ﻻ', '😀', '中', '\u{10ffff}'])
            .collect();
        let mut seed = 7u32;
        for _ in 0..2000 {
            let text: String = (0..12)
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    alphabet[(seed >> 8) as usize % alphabet.len()]
                })
                .collect();
            assert_eq!(dominant_direction([text.as_str()]), by_characters(&text), "{text:?}");
            // The same text as paragraphs, read until the answer is known.
            let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(3).collect();
            let paragraphs: Vec<&str> = cuts
                .iter()
                .zip(cuts.iter().skip(1).chain([&text.len()]))
                .map(|(&a, &b)| &text[a..b])
                .collect();
            assert_eq!(dominant_direction(paragraphs), by_characters(&text), "{text:?}");
        }
    }

    #[test]
    fn dominant_counts_letters() {
        assert_eq!(dominant_direction(["UNODC مكتب الأمم المتحدة"]), Direction::Rtl);
        assert_eq!(dominant_direction(["tel : 71905125"]), Direction::Ltr);
        assert_eq!(dominant_direction(["71905125", ""]), Direction::Ltr);
        let paragraphs = ["UNODC and WHO", "مكتب الأمم المتحدة", "و منظمة الصحة"];
        assert_eq!(dominant_direction(paragraphs), Direction::Rtl, "counted together");
    }
}
