//! Bidi levels of a paragraph and the reordering of its lines (UAX #9).
//!
//! unicode-bidi resolves the levels of the whole paragraph (rules P2–I2). Rules L1 (reset
//! trailing whitespace and separators to the paragraph level) and L2 (reverse runs from the
//! highest level down) are applied here, per line, on the line's bytes only, so that laying out
//! a long paragraph costs time in proportion to its length. L4 (mirroring) is [`mirror`].

use std::ops::Range;

use unicode_bidi::{BidiClass, Level, ParagraphBidiInfo};

use crate::text::{Direction, FastBidiData};

/// The resolved bidi levels of one paragraph.
pub struct ParagraphBidi<'a> {
    info: ParagraphBidiInfo<'a>,
}

impl<'a> ParagraphBidi<'a> {
    /// Resolve the levels of `text` (one paragraph, no paragraph separators inside) with the
    /// given paragraph direction.
    pub fn new(text: &'a str, direction: Direction) -> Self {
        let level = if direction.is_rtl() { Level::rtl() } else { Level::ltr() };
        ParagraphBidi {
            info: ParagraphBidiInfo::new_with_data_source(&FastBidiData, text, Some(level)),
        }
    }

    /// The paragraph embedding level (0 for left to right, 1 for right to left).
    pub fn paragraph_level(&self) -> u8 {
        self.info.paragraph_level.number()
    }

    /// True when nothing in the paragraph resolves to a right-to-left level.
    pub fn is_pure_ltr(&self) -> bool {
        !self.info.has_rtl()
    }

    /// The levels of the bytes in `line` after rule L1, one per byte of the line.
    ///
    /// Segment separators (tab), and whitespace and isolate controls before them or at the end
    /// of the line, take the paragraph level. Characters removed by rule X9 (embedding
    /// controls, boundary neutrals) inside such a sequence go with it.
    pub fn line_levels(&self, line: Range<usize>) -> Vec<u8> {
        let paragraph = self.paragraph_level();
        let classes = &self.info.original_classes[line.clone()];
        let mut levels: Vec<u8> = self.info.levels[line].iter().map(|l| l.number()).collect();
        let mut trailing = true;
        for (level, class) in levels.iter_mut().zip(classes).rev() {
            use BidiClass::*;
            match class {
                S | B => {
                    *level = paragraph;
                    trailing = true;
                }
                WS | FSI | LRI | RLI | PDI | RLE | LRE | RLO | LRO | PDF | BN => {
                    if trailing {
                        *level = paragraph;
                    }
                }
                _ => trailing = false,
            }
        }
        levels
    }

    /// Whether the character starting at byte `index` is removed by rule X9: an explicit
    /// embedding or override control, or a boundary neutral. Such characters take no part in
    /// the visual order.
    pub fn is_removed(&self, index: usize) -> bool {
        use BidiClass::*;
        matches!(self.info.original_classes[index], RLE | LRE | RLO | LRO | PDF | BN)
    }
}

/// Rule L2: the visual order of units with the given levels, as indices into `levels`.
///
/// From the highest level down to the lowest odd level, every maximal run at that level or
/// higher is reversed.
pub fn visual_order(levels: &[u8]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..levels.len()).collect();
    let Some(&highest) = levels.iter().max() else {
        return order;
    };
    let Some(lowest_odd) = levels.iter().copied().filter(|l| l % 2 == 1).min() else {
        return order;
    };
    let mut current: Vec<u8> = levels.to_vec();
    for level in (lowest_odd..=highest).rev() {
        let mut i = 0;
        while i < current.len() {
            if current[i] < level {
                i += 1;
                continue;
            }
            let start = i;
            while i < current.len() && current[i] >= level {
                i += 1;
            }
            order[start..i].reverse();
            current[start..i].reverse();
        }
    }
    order
}

/// Rule L4: the glyph a character takes at a right-to-left level — `(` becomes `)`, `«`
/// becomes `»` — or `None` when it has no mirrored pair.
pub fn mirror(c: char) -> Option<char> {
    // Letters and digits never mirror: skip the table search for the common case.
    if c.is_ascii_alphanumeric()
        || ('\u{0600}'..='\u{06FF}').contains(&c)
        || is_presentation_form(c)
    {
        return None;
    }
    unicode_bidi_mirroring::get_mirrored(c)
}

/// Whether `c` is an Arabic presentation form (what shaping draws).
fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visual_order_reverses_odd_runs() {
        assert_eq!(visual_order(&[0, 0, 1, 1, 1, 0]), vec![0, 1, 4, 3, 2, 5]);
        assert_eq!(visual_order(&[1, 1, 2, 2, 1]), vec![4, 2, 3, 1, 0]);
        assert_eq!(visual_order(&[]), Vec::<usize>::new());
    }

    #[test]
    fn trailing_whitespace_takes_paragraph_level() {
        // An RTL paragraph whose line ends with a Latin word and spaces.
        let text = "عربي abc  ";
        let bidi = ParagraphBidi::new(text, Direction::Rtl);
        let levels = bidi.line_levels(0..text.len());
        let last = levels.len() - 1;
        assert_eq!(levels[last], 1);
        assert_eq!(levels[last - 1], 1);
        assert_eq!(levels[last - 2], 2, "the Latin letter stays embedded");
    }

    #[test]
    fn brackets_mirror() {
        assert_eq!(mirror('('), Some(')'));
        assert_eq!(mirror('«'), Some('»'));
        assert_eq!(mirror('›'), Some('‹'));
        assert_eq!(mirror('ب'), None);
    }
}
