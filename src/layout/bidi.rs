//! Bidi levels of a paragraph and the reordering of its lines (UAX #9).
//!
//! A paragraph without explicit formatting characters (nearly every one a reader opens) is
//! resolved by basira's own rules W1–I2 (`bidi_resolve.rs`), one byte per character;
//! every other paragraph by unicode-bidi (rules P2–I2). Rules L1 (reset trailing whitespace and
//! separators to the paragraph level) and L2 (reverse runs from the highest level down) are
//! applied here, per line, on the line's bytes only, so that laying out a long paragraph costs
//! time in proportion to its length. L4 (mirroring) is [`mirror`].

use std::ops::Range;
use std::sync::OnceLock;

use unicode_bidi::{BidiClass, Level, ParagraphBidiInfo};

use super::bidi_resolve::ImplicitLevels;
use crate::text::{Direction, FastBidiData};

/// The resolved bidi levels of one paragraph.
pub struct ParagraphBidi<'a> {
    resolution: Resolution<'a>,
}

/// Who resolved a paragraph's levels.
enum Resolution<'a> {
    /// basira, for a paragraph without explicit formatting characters.
    Implicit(ImplicitLevels),
    /// unicode-bidi, for every other paragraph.
    Full(ParagraphBidiInfo<'a>),
}

impl<'a> ParagraphBidi<'a> {
    /// Resolve the levels of `text` (one paragraph, no paragraph separators inside) with the
    /// given paragraph direction.
    pub fn new(text: &'a str, direction: Direction) -> Self {
        match ImplicitLevels::resolve(text, u8::from(direction.is_rtl())) {
            Some(levels) => ParagraphBidi { resolution: Resolution::Implicit(levels) },
            None => Self::with_unicode_bidi(text, direction),
        }
    }

    /// Resolve the levels of `text` with unicode-bidi, whatever it holds.
    fn with_unicode_bidi(text: &'a str, direction: Direction) -> Self {
        let level = if direction.is_rtl() { Level::rtl() } else { Level::ltr() };
        let info = ParagraphBidiInfo::new_with_data_source(&FastBidiData, text, Some(level));
        ParagraphBidi { resolution: Resolution::Full(info) }
    }

    /// Whether the levels were resolved by basira's own rules, which it uses for paragraphs
    /// without explicit embedding, override or isolate controls, boundary neutrals (such as
    /// ZWJ, ZWNJ and the soft hyphen) or paragraph separators; otherwise unicode-bidi resolved
    /// them. The levels are the same either way.
    pub fn uses_fast_path(&self) -> bool {
        matches!(self.resolution, Resolution::Implicit(_))
    }

    /// The paragraph embedding level (0 for left to right, 1 for right to left).
    pub fn paragraph_level(&self) -> u8 {
        match &self.resolution {
            Resolution::Implicit(levels) => levels.paragraph_level(),
            Resolution::Full(info) => info.paragraph_level.number(),
        }
    }

    /// True when every character of the paragraph is at level 0, so that its lines need no
    /// reordering: a left-to-right paragraph without a right-to-left letter, Arabic number,
    /// or explicit embedding, override or isolate control. (A right-to-left paragraph of
    /// digits alone, «2024 - 2025», is not: its numbers are read from the right.)
    pub fn is_pure_ltr(&self) -> bool {
        self.paragraph_level() == 0
            && match &self.resolution {
                Resolution::Implicit(levels) => !levels.has_rtl(),
                Resolution::Full(info) => !info.has_rtl(),
            }
    }

    /// The one level of every character on every line of the paragraph, when they share one
    /// (found without resolving: the paragraph holds nothing to take another level).
    pub fn uniform_level(&self) -> Option<u8> {
        match &self.resolution {
            Resolution::Implicit(levels) => levels.uniform_level(),
            Resolution::Full(_) => None,
        }
    }

    /// The levels of the bytes in `line` after rule L1, one per byte of the line.
    ///
    /// Segment separators (tab), and whitespace and isolate controls before them or at the end
    /// of the line, take the paragraph level. Characters removed by rule X9 (embedding
    /// controls, boundary neutrals) inside such a sequence go with it.
    pub fn line_levels(&self, line: Range<usize>) -> Vec<u8> {
        match &self.resolution {
            Resolution::Implicit(levels) => levels.line_levels(line),
            Resolution::Full(info) => full_line_levels(info, line),
        }
    }

    /// The levels after rule L1 of the characters of `line` that start at the byte offsets
    /// `starts` (increasing, inside the line): [`ParagraphBidi::line_levels`] at those bytes.
    pub fn levels_at(&self, line: Range<usize>, starts: impl Iterator<Item = usize>) -> Vec<u8> {
        match &self.resolution {
            Resolution::Implicit(levels) => levels.levels_at(line, starts),
            Resolution::Full(info) => {
                let levels = full_line_levels(info, line.clone());
                starts.map(|start| levels[start - line.start]).collect()
            }
        }
    }

    /// Whether the character starting at byte `index` is removed by rule X9: an explicit
    /// embedding or override control, or a boundary neutral. Such characters take no part in
    /// the visual order.
    pub fn is_removed(&self, index: usize) -> bool {
        use BidiClass::*;
        match &self.resolution {
            Resolution::Implicit(_) => false,
            Resolution::Full(info) => {
                matches!(info.original_classes[index], RLE | LRE | RLO | LRO | PDF | BN)
            }
        }
    }
}

/// [`ParagraphBidi::line_levels`] for levels that unicode-bidi resolved.
fn full_line_levels(info: &ParagraphBidiInfo, line: Range<usize>) -> Vec<u8> {
    let paragraph = info.paragraph_level.number();
    let classes = &info.original_classes[line.clone()];
    let mut levels: Vec<u8> = info.levels[line].iter().map(|l| l.number()).collect();
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

/// Rule L2: the visual order of units with the given levels, as indices into `levels`.
///
/// From the highest level down to the lowest odd level, every maximal run at that level or
/// higher is reversed.
pub fn visual_order(levels: &[u8]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..levels.len()).collect();
    let Some(&highest) = levels.iter().max() else {
        return order;
    };
    // One level for the whole line (most lines of a paragraph in one script): one run.
    if levels.iter().all(|&l| l == highest) {
        if highest % 2 == 1 {
            order.reverse();
        }
        return order;
    }
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
///
/// Every character of a right-to-left line is asked: a bit per character of the BMP says at
/// once whether it has a pair, and only the few hundred that have one are looked up in
/// BidiMirroring.txt's table (a binary search).
pub fn mirror(c: char) -> Option<char> {
    let code = c as usize;
    let has_pair = mirrored_bits().get(code >> 6).is_some_and(|word| word >> (code & 63) & 1 == 1);
    if has_pair { unicode_bidi_mirroring::get_mirrored(c) } else { None }
}

/// The 256-character blocks of the BMP that hold the characters with a mirrored pair in
/// BidiMirroring.txt (Unicode 16; all of them are in the BMP). A test checks the table made
/// from them against the whole of Unicode.
const BLOCKS_WITH_PAIRS: [u32; 14] =
    [0x00, 0x0F, 0x16, 0x20, 0x22, 0x23, 0x27, 0x29, 0x2A, 0x2B, 0x2E, 0x30, 0xFE, 0xFF];

/// One bit per character of the BMP, set for those with a mirrored pair.
fn mirrored_bits() -> &'static [u64; 1024] {
    static BITS: OnceLock<[u64; 1024]> = OnceLock::new();
    BITS.get_or_init(|| {
        let mut bits = [0; 1024];
        let codes = BLOCKS_WITH_PAIRS.iter().flat_map(|block| block << 8..(block + 1) << 8);
        for code in codes {
            if char::from_u32(code).and_then(unicode_bidi_mirroring::get_mirrored).is_some() {
                bits[code as usize >> 6] |= 1 << (code & 63);
            }
        }
        bits
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Characters of generated paragraphs: Arabic letters, a haraka and the Arabic comma,
    /// Latin letters, European, Arabic-Indic and Persian digits, spaces (one of them three
    /// bytes long) and a tab,
    /// punctuation, and brackets (with a canonically equivalent pair).
    const ALPHABET: &[char] = &[
        'ب', 'س', 'م', 'ل', 'ا', '\u{064E}', '،', 'a', 'b', 'Z', '0', '1', '9', '\u{0660}',
        '\u{0665}', '\u{06F4}', ' ', '\u{2003}', '\t', '.', ',', ':', '/', '-', '+', '%', '$', '(',
        ')', '[', ']', '{', '}', '«', '»', '\u{2329}', '\u{3009}',
    ];

    /// Check that both resolutions of `text` give the same levels for the whole paragraph
    /// and for the two lines cut after `cut` characters (the whole paragraph and an empty
    /// line when it is shorter).
    fn agrees_with_unicode_bidi(text: &str, direction: Direction, cut: usize) {
        let cut = text.char_indices().nth(cut).map_or(text.len(), |(i, _)| i);
        let fast = ParagraphBidi::new(text, direction);
        let full = ParagraphBidi::with_unicode_bidi(text, direction);
        assert!(fast.uses_fast_path() && !full.uses_fast_path());
        assert_eq!(fast.paragraph_level(), full.paragraph_level());
        assert_eq!(fast.is_pure_ltr(), full.is_pure_ltr(), "{text:?}");
        for line in [0..text.len(), 0..cut, cut..text.len()] {
            let levels = full.line_levels(line.clone());
            assert_eq!(fast.line_levels(line.clone()), levels, "{text:?}");
            let starts = || text[line.clone()].char_indices().map(|(i, _)| line.start + i);
            let expected: Vec<u8> = starts().map(|i| levels[i - line.start]).collect();
            assert_eq!(fast.levels_at(line.clone(), starts()), expected, "{text:?}");
            assert_eq!(full.levels_at(line.clone(), starts()), expected, "{text:?}");
        }
        assert!(text.char_indices().all(|(i, _)| !fast.is_removed(i)));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn fast_path_agrees_with_unicode_bidi(
            chars in prop::collection::vec(prop::sample::select(ALPHABET), 0..40),
            rtl: bool,
            cut in 0usize..40,
        ) {
            let text: String = chars.into_iter().collect();
            let direction = if rtl { Direction::Rtl } else { Direction::Ltr };
            agrees_with_unicode_bidi(&text, direction, cut);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]
        #[test]
        fn fast_path_agrees_with_unicode_bidi_on_any_text(
            text in "\\PC{0,40}",
            rtl: bool,
            cut in 0usize..40,
        ) {
            prop_assume!(ParagraphBidi::new(&text, Direction::Ltr).uses_fast_path());
            let direction = if rtl { Direction::Rtl } else { Direction::Ltr };
            agrees_with_unicode_bidi(&text, direction, cut);
        }
    }

    #[test]
    fn brackets_nested_past_the_stack_limit_agree_with_unicode_bidi() {
        // Paired, the closing brackets take R from the letters; unpaired (past 63 openers),
        // the paragraph's L.
        let text = |depth: usize| format!("ب {}ب{}", "(".repeat(depth), ")".repeat(depth));
        for depth in [62, 63, 64, 70] {
            agrees_with_unicode_bidi(&text(depth), Direction::Ltr, depth);
            agrees_with_unicode_bidi(&text(depth), Direction::Rtl, depth);
        }
        let last_level = |depth| {
            let text = text(depth);
            *ParagraphBidi::new(&text, Direction::Ltr).line_levels(0..text.len()).last().unwrap()
        };
        assert_eq!((last_level(63), last_level(64)), (1, 0));
    }

    #[test]
    fn formatting_characters_and_boundary_neutrals_take_unicode_bidi() {
        for text in ["ab\u{202B}جد", "ab\u{2067}جد\u{2069}", "لا\u{200D}م", "a\u{00AD}b"] {
            assert!(!ParagraphBidi::new(text, Direction::Rtl).uses_fast_path(), "{text:?}");
        }
        assert!(ParagraphBidi::new("سلام (abc) ١٢٣", Direction::Rtl).uses_fast_path());
    }

    #[test]
    fn visual_order_reverses_odd_runs() {
        assert_eq!(visual_order(&[0, 0, 1, 1, 1, 0]), vec![0, 1, 4, 3, 2, 5]);
        assert_eq!(visual_order(&[1, 1, 2, 2, 1]), vec![4, 2, 3, 1, 0]);
        assert_eq!(visual_order(&[]), Vec::<usize>::new());
        // One level for the whole line.
        assert_eq!(visual_order(&[1, 1, 1]), vec![2, 1, 0]);
        assert_eq!(visual_order(&[2, 2, 2]), vec![0, 1, 2]);
        assert_eq!(visual_order(&[0, 0]), vec![0, 1]);
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

    #[test]
    fn the_mirroring_table_agrees_with_bidi_mirroring_txt_on_every_character() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(mirror(c), unicode_bidi_mirroring::get_mirrored(c), "{c:?}");
        }
    }
}
