//! The units of layout: grapheme clusters of the text to draw, each with its width in cells
//! and the range of source text it stands for.

use unicode_width::UnicodeWidthStr;

use unicode_segmentation::UnicodeSegmentation;

use super::shape::Shaped;

/// At most this many characters of one cluster are drawn: a letter under a flood of marks
/// shows its first marks, and the terminal is not handed thousands of code points for a cell.
const MAX_CLUSTER_CHARS: usize = 16;

/// One grapheme cluster as it will be drawn in the terminal.
#[derive(Clone, Copy, Debug)]
pub struct Cluster {
    /// Start of the drawn text in the shared buffer.
    pub text_start: u32,
    /// Length in bytes of the drawn text.
    pub text_len: u32,
    /// Width in cells.
    pub width: u8,
    /// Byte offset of the first source character; the cluster stands for the source up to the
    /// next cluster's offset (or the end of the paragraph).
    pub source: u32,
    /// Byte offset of the source character drawn first; its bidi level is the cluster's.
    /// Differs from `source` only for the first cluster, which also covers anything removed
    /// from the start of the paragraph.
    pub anchor: u32,
    /// True for a space or tab, which may hang past the end of a line.
    pub is_space: bool,
}

/// Drawn text of all clusters, plus the clusters in logical order.
pub struct Clusters {
    /// The drawn text; clusters point into it.
    pub text: String,
    /// The clusters in logical order, their sources increasing.
    pub list: Vec<Cluster>,
}

impl Clusters {
    /// The drawn text of a cluster.
    pub fn text_of(&self, cluster: &Cluster) -> &str {
        let start = cluster.text_start as usize;
        &self.text[start..start + cluster.text_len as usize]
    }

    /// Give cluster `index` a different drawn text (appended to the buffer) and width.
    pub fn replace(&mut self, index: usize, text: &str, width: u8) {
        let start = self.text.len() as u32;
        self.text.push_str(text);
        let cluster = &mut self.list[index];
        cluster.text_start = start;
        cluster.text_len = text.len() as u32;
        cluster.width = width;
    }
}

/// Group the characters to draw into grapheme clusters and measure each one exactly as the
/// terminal will draw it.
///
/// A cluster that would draw nothing (a zero-width format character) is folded into the one
/// before it; combining marks with no letter to sit on (at the start, or after a space) are
/// drawn on a dotted circle; a tab is drawn as one space; any control character that got this
/// far is drawn as U+FFFD.
pub fn clusters(shaped: &[Shaped]) -> Clusters {
    let mut out = Clusters {
        text: String::with_capacity(shaped.len() * 2 + 8),
        list: Vec::with_capacity(shaped.len()),
    };
    let mut stretch = String::new();
    let mut sources = Vec::new();
    let mut i = 0;
    // Whether shaped[i] is simple, carried from the step before.
    let mut this_is_simple = shaped.first().is_some_and(|s| is_simple(s.ch));
    while i < shaped.len() {
        let ch = shaped[i].ch;
        let next_is_simple = shaped.get(i + 1).is_none_or(|s| is_simple(s.ch));
        if this_is_simple && next_is_simple {
            // A cluster of one character, one cell wide: no segmenter, no width lookup.
            out.push_simple(ch, shaped[i].source);
            i += 1;
            this_is_simple = next_is_simple;
            continue;
        }
        // A stretch up to the next boundary that is sure goes through the segmenter.
        let end = (i + 1..shaped.len())
            .find(|&j| is_simple(shaped[j - 1].ch) && is_simple(shaped[j].ch))
            .unwrap_or(shaped.len());
        stretch.clear();
        sources.clear();
        for s in &shaped[i..end] {
            sources.push((stretch.len() as u32, s.source));
            stretch.push(s.ch);
        }
        out.push_stretch(&stretch, &sources);
        i = end;
        this_is_simple = shaped.get(i).is_some_and(|s| is_simple(s.ch));
    }
    out
}

impl Clusters {
    /// Append a simple character (see [`is_simple`]) from source byte `anchor` as a cluster.
    fn push_simple(&mut self, ch: char, anchor: u32) {
        let text_start = self.text.len() as u32;
        self.text.push(ch);
        self.list.push(Cluster {
            text_start,
            text_len: ch.len_utf8() as u32,
            width: 1,
            source: if self.list.is_empty() { 0 } else { anchor },
            anchor,
            is_space: ch == ' ',
        });
    }

    /// Append the clusters of `stretch`, whose characters start at the given byte offsets
    /// of the stretch and come from the given source bytes.
    fn push_stretch(&mut self, stretch: &str, sources: &[(u32, u32)]) {
        let mut cursor = 0;
        for (start, grapheme) in stretch.grapheme_indices(true) {
            // A space or control followed by marks: the marks are a cluster of their own.
            let split = grapheme
                .chars()
                .next()
                .filter(|c| c.is_whitespace() || c.is_control())
                .map(char::len_utf8)
                .filter(|&n| n < grapheme.len());
            let pieces = match split {
                Some(n) => [(start, &grapheme[..n]), (start + n, &grapheme[n..])],
                None => [(start, grapheme), (start, "")],
            };
            for (piece_start, piece) in pieces.into_iter().filter(|(_, p)| !p.is_empty()) {
                while cursor + 1 < sources.len() && (sources[cursor].0 as usize) < piece_start {
                    cursor += 1;
                }
                self.push(piece, sources[cursor].1);
            }
        }
    }

    /// Append the cluster `grapheme`, whose first character comes from source byte `anchor`.
    fn push(&mut self, grapheme: &str, anchor: u32) {
        let first = grapheme.chars().next().unwrap_or(' ');
        let (drawn, width): (&str, usize) = match first {
            // A tab, and a line or paragraph separator inside a paragraph, are a space.
            '\t' | '\u{2028}' | '\u{2029}' => (" ", 1),
            // Interlinear annotation marks draw nothing, like the other format characters.
            '\u{FFF9}'..='\u{FFFB}' => ("", 0),
            c if c.is_control() => ("\u{FFFD}", 1),
            _ => {
                let capped = match grapheme.char_indices().nth(MAX_CLUSTER_CHARS) {
                    Some((cut, _)) => &grapheme[..cut],
                    None => grapheme,
                };
                (capped, UnicodeWidthStr::width(capped))
            }
        };
        // A format character draws nothing: it goes with the cluster before it, or, at the
        // start, with the one after it (the first cluster's source starts at byte 0).
        if width == 0 && !drawn.chars().any(is_mark) {
            return;
        }
        let text_start = self.text.len() as u32;
        if width == 0 {
            self.text.push('\u{25CC}');
        }
        self.text.push_str(drawn);
        self.list.push(Cluster {
            text_start,
            text_len: self.text.len() as u32 - text_start,
            width: width.clamp(1, u8::MAX as usize) as u8,
            source: if self.list.is_empty() { 0 } else { anchor },
            anchor,
            is_space: matches!(first, ' ' | '\t' | '\u{2028}' | '\u{2029}' | '\u{3000}'),
        });
    }
}

/// Whether `c` is a character that always has a grapheme cluster boundary before and after
/// it when its neighbour is one too, and that is drawn one cell wide as it is: printable
/// ASCII, Arabic letters, digits and punctuation, the presentation forms shaping produces,
/// guillemets, dashes and quotation marks. None of them is a control, a mark, a prepended
/// character, a joiner, Hangul or a regional indicator, so none of the UAX #29 rules GB3–GB13
/// can join two of them.
pub fn is_simple(c: char) -> bool {
    let code = c as u32;
    if code < 0x700 {
        return SIMPLE_BELOW_0700[code as usize >> 6] >> (code & 63) & 1 == 1;
    }
    // The presentation forms first: after shaping, most of an Arabic paragraph.
    if code >= 0xFE70 {
        return code <= 0xFEFC && code != 0xFE75;
    }
    matches!(c, '\u{2013}'..='\u{2014}' | '\u{2018}'..='\u{201D}' | '\u{2026}')
}

/// One bit per character below U+0700 for [`is_simple`], set for printable ASCII, the
/// guillemets, and the Arabic letters, digits and punctuation it lists.
const SIMPLE_BELOW_0700: [u64; 28] = simple_below_0700();

/// The bits of [`SIMPLE_BELOW_0700`], made at compile time from the ranges.
const fn simple_below_0700() -> [u64; 28] {
    const RANGES: [(u32, u32); 9] = [
        (0x20, 0x7E),
        (0xAB, 0xAB),
        (0xBB, 0xBB),
        (0x60C, 0x60C),
        (0x61B, 0x61B),
        (0x61F, 0x61F),
        (0x621, 0x64A),
        (0x660, 0x66D),
        (0x6F0, 0x6F9),
    ];
    let mut bits = [0u64; 28];
    let mut r = 0;
    while r < RANGES.len() {
        let mut code = RANGES[r].0;
        while code <= RANGES[r].1 {
            bits[code as usize >> 6] |= 1 << (code & 63);
            code += 1;
        }
        r += 1;
    }
    bits
}

/// Whether `c` is a combining mark (draws on the character before it).
fn is_mark(c: char) -> bool {
    UnicodeWidthStr::width(c.encode_utf8(&mut [0; 4]) as &str) == 0
        && !c.is_control()
        && !matches!(
            c,
            '\u{00AD}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{E0000}'..='\u{E007F}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(text: &str) -> Clusters {
        let shaped: Vec<Shaped> =
            text.char_indices().map(|(i, ch)| Shaped { ch, source: i as u32 }).collect();
        clusters(&shaped)
    }

    /// The clusters of `text` with every character sent through the segmenter (no direct
    /// path for simple characters): what [`clusters`] must agree with.
    fn through_the_segmenter(text: &str) -> Clusters {
        let mut out = Clusters { text: String::new(), list: Vec::new() };
        let sources: Vec<(u32, u32)> =
            text.char_indices().map(|(i, _)| (i as u32, i as u32)).collect();
        out.push_stretch(text, &sources);
        out
    }

    fn same_clusters(text: &str) {
        let fast = of(text);
        let slow = through_the_segmenter(text);
        let fields = |c: &Clusters| -> Vec<(String, u8, u32, u32, bool)> {
            c.list
                .iter()
                .map(|k| (c.text_of(k).to_string(), k.width, k.source, k.anchor, k.is_space))
                .collect()
        };
        assert_eq!(fields(&fast), fields(&slow), "{text:?}");
    }

    #[test]
    fn the_direct_path_agrees_with_the_segmenter() {
        let chars = [
            'a', ' ', '~', 'ب', 'ـ', '،', '؟', '٣', '۴', '«', '»', '—', '…', '“', 'ﻻ', 'ﺑ',
            '\u{064E}', '\u{0651}', '\u{0670}', '\u{200D}', '\u{200C}', '\u{AD}', '\t', '\r', '\n',
            '👩', '🇸', '\u{0600}', '\u{06DD}', 'ᄀ', '각', '\u{0903}', '\u{FEFF}', '中',
            '\u{0301}', '\u{1b}',
        ];
        for a in chars {
            for b in chars {
                for c in chars {
                    same_clusters(&[a, b, c].iter().collect::<String>());
                }
            }
        }
        same_clusters("👨\u{200D}👩\u{200D}👧 family «مُحَمَّد» ٢٠١٧");
    }

    #[test]
    fn simple_characters_are_one_cell_and_never_marks() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|&c| is_simple(c)) {
            let text = c.to_string();
            assert_eq!(UnicodeWidthStr::width(text.as_str()), 1, "{c:?}");
            assert!(!c.is_control() && !is_mark(c), "{c:?}");
        }
    }

    #[test]
    fn the_simple_characters_are_the_ones_listed() {
        let listed = |c: char| {
            matches!(c,
                ' '..='~' | '\u{00AB}' | '\u{00BB}' | '\u{060C}' | '\u{061B}' | '\u{061F}'
                | '\u{0621}'..='\u{064A}' | '\u{0660}'..='\u{066D}' | '\u{06F0}'..='\u{06F9}'
                | '\u{2013}'..='\u{2014}' | '\u{2018}'..='\u{201D}' | '\u{2026}'
                | '\u{FE70}'..='\u{FE74}' | '\u{FE76}'..='\u{FEFC}')
        };
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_simple(c), listed(c), "{c:?}");
        }
    }

    #[test]
    fn format_characters_draw_nothing_even_at_the_start() {
        // A soft hyphen inside a word, as pages copied from the web have them.
        let c = of("ب\u{AD}ت");
        assert_eq!(c.list.len(), 2);
        assert!(!c.text.contains('\u{25CC}'));
        // A zero-width space or byte-order mark opening a paragraph.
        for text in ["\u{200B}بت", "\u{FEFF}بت", "\u{E0001}بت"] {
            let c = of(text);
            assert_eq!(c.list.len(), 2, "{text:?}");
            assert_eq!(c.list[0].source, 0, "the first cluster covers the format character");
            assert!(!c.text.contains('\u{25CC}'), "{text:?}");
        }
    }

    #[test]
    fn marks_stay_with_their_letter() {
        let c = of("بَت");
        assert_eq!(c.list.len(), 2);
        assert_eq!(c.text_of(&c.list[0]), "بَ");
        assert_eq!(c.list[0].width, 1);
        assert_eq!(c.list[1].source, 4);
    }

    #[test]
    fn orphan_mark_gets_a_dotted_circle() {
        let c = of("\u{064E}ب");
        assert_eq!(c.text_of(&c.list[0]), "\u{25CC}\u{064E}");
        assert_eq!(c.list[0].width, 1);
    }

    #[test]
    fn marks_after_a_space_keep_the_space_and_get_a_dotted_circle() {
        let c = of("a \u{064E}");
        assert_eq!(c.list.len(), 3);
        assert!(c.list[1].is_space);
        assert_eq!(c.text_of(&c.list[2]), "\u{25CC}\u{064E}");
        assert_eq!(c.list[2].source, 2);
    }

    #[test]
    fn zero_width_format_characters_fold_into_the_previous_cluster() {
        let c = of("a\u{200B}b");
        assert_eq!(c.list.len(), 2);
        assert_eq!(c.list[1].source, 4);
    }

    #[test]
    fn wide_characters_measure_two_cells() {
        let c = of("中a");
        assert_eq!(c.list[0].width, 2);
        assert_eq!(c.list[1].width, 1);
    }

    #[test]
    fn controls_and_tabs_never_reach_the_terminal() {
        let c = of("a\tb\u{1b}");
        let drawn: String = c.list.iter().map(|k| c.text_of(k)).collect();
        assert_eq!(drawn, "a b\u{FFFD}");
        let c = of("a\u{2028}b\u{2029}c\u{FFF9}d\u{FFFB}");
        let drawn: String = c.list.iter().map(|k| c.text_of(k)).collect();
        assert_eq!(drawn, "a b cd");
        assert!(c.list[1].is_space && c.list[3].is_space);
    }
}
