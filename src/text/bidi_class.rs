//! Bidi classes with a table lookup for the scripts basira reads most.
//!
//! unicode-bidi finds a character's class by binary search over the whole Unicode table, and
//! its paired bracket by a linear search over all pairs. Latin, Arabic and Hebrew text sits
//! below U+0800, so those classes and brackets are copied into direct tables once; everything
//! else falls back to the searches.

use std::sync::OnceLock;

use unicode_bidi::data_source::BidiMatchedOpeningBracket;
use unicode_bidi::{BidiClass, BidiDataSource, HardcodedBidiData};

/// Characters below this code point are looked up in the direct table.
const TABLE_END: u32 = 0x800;

/// The classes of U+0000..U+07FF.
fn table() -> &'static [BidiClass; TABLE_END as usize] {
    static TABLE: OnceLock<[BidiClass; TABLE_END as usize]> = OnceLock::new();
    TABLE.get_or_init(|| {
        std::array::from_fn(|i| {
            char::from_u32(i as u32).map_or(BidiClass::ON, unicode_bidi::bidi_class)
        })
    })
}

/// The paired brackets of U+0000..U+07FF.
fn bracket_table() -> &'static [Option<BidiMatchedOpeningBracket>; TABLE_END as usize] {
    static TABLE: OnceLock<[Option<BidiMatchedOpeningBracket>; TABLE_END as usize]> =
        OnceLock::new();
    TABLE.get_or_init(|| {
        std::array::from_fn(|i| {
            char::from_u32(i as u32).and_then(|c| HardcodedBidiData.bidi_matched_opening_bracket(c))
        })
    })
}

/// The bidi class of a character (same answers as `unicode_bidi::bidi_class`).
pub fn bidi_class(c: char) -> BidiClass {
    match table().get(c as usize) {
        Some(&class) => class,
        None => unicode_bidi::bidi_class(c),
    }
}

/// The bidi data basira hands to unicode-bidi: [`bidi_class`] for classes, and the crate's
/// own bracket pairs through a direct table below U+0800.
pub struct FastBidiData;

impl BidiDataSource for FastBidiData {
    fn bidi_class(&self, c: char) -> BidiClass {
        bidi_class(c)
    }

    fn bidi_matched_opening_bracket(&self, c: char) -> Option<BidiMatchedOpeningBracket> {
        match bracket_table().get(c as usize) {
            Some(&bracket) => bracket,
            None => HardcodedBidiData.bidi_matched_opening_bracket(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_agrees_with_unicode_bidi() {
        for c in (0..TABLE_END + 0x100).filter_map(char::from_u32) {
            assert_eq!(bidi_class(c), unicode_bidi::bidi_class(c), "{c:?}");
        }
    }

    #[test]
    fn bracket_table_agrees_with_unicode_bidi() {
        let pair = |b: Option<BidiMatchedOpeningBracket>| b.map(|b| (b.opening, b.is_open));
        for c in (0..TABLE_END + 0x3000).filter_map(char::from_u32) {
            assert_eq!(
                pair(FastBidiData.bidi_matched_opening_bracket(c)),
                pair(HardcodedBidiData.bidi_matched_opening_bracket(c)),
                "{c:?}"
            );
        }
    }
}
