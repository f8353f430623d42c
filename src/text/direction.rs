//! Direction of text by its strong characters (UAX #9 rules P2 and P3).

use unicode_bidi::BidiClass;

use super::{FastBidiData, bidi_class};

/// The direction of a paragraph or of a whole document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
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

/// The direction most of the text's strong characters have; left to right when it has none.
pub fn dominant_direction(text: &str) -> Direction {
    let (mut ltr, mut rtl) = (0usize, 0usize);
    for c in text.chars() {
        match bidi_class(c) {
            BidiClass::L => ltr += 1,
            BidiClass::R | BidiClass::AL => rtl += 1,
            _ => {}
        }
    }
    if rtl > ltr { Direction::Rtl } else { Direction::Ltr }
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
    fn dominant_counts_letters() {
        assert_eq!(dominant_direction("UNODC مكتب الأمم المتحدة"), Direction::Rtl);
        assert_eq!(dominant_direction("tel : 71905125"), Direction::Ltr);
        assert_eq!(dominant_direction("71905125"), Direction::Ltr);
    }
}
