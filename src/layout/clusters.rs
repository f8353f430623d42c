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
    /// The first character drawn (the only one of most clusters).
    pub first: char,
    /// Start in the shared buffer of the characters drawn after the first (marks).
    rest_start: u32,
    /// Their length in bytes: a cluster draws at most [`MAX_CLUSTER_CHARS`] characters.
    rest_len: u8,
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

impl Cluster {
    /// A cluster of the one character `ch`, one cell wide, from source byte `source`.
    pub fn single(ch: char, source: u32) -> Cluster {
        Cluster {
            first: ch,
            rest_start: 0,
            rest_len: 0,
            width: 1,
            source,
            anchor: source,
            is_space: ch == ' ',
        }
    }
}

/// The clusters in logical order, and the text they draw after their first characters.
pub struct Clusters {
    /// What clusters draw after their first characters; clusters point into it.
    text: String,
    /// The clusters in logical order, their sources increasing.
    pub list: Vec<Cluster>,
}

impl Clusters {
    /// What a cluster draws after its first character.
    pub fn rest_of(&self, cluster: &Cluster) -> &str {
        if cluster.rest_len == 0 {
            return "";
        }
        let start = cluster.rest_start as usize;
        &self.text[start..start + usize::from(cluster.rest_len)]
    }
}

/// Groups the characters to draw into grapheme clusters as they come, and measures each one
/// exactly as the terminal will draw it.
///
/// A cluster that would draw nothing (a zero-width format character) is folded into the one
/// before it; combining marks with no letter to sit on (at the start, or after a space) are
/// drawn on a dotted circle; a tab is drawn as one space; any control character that got this
/// far is drawn as U+FFFD; a cluster wider than the line is drawn as an ellipsis.
///
/// A character and the next that are both simple (see [`is_simple`]) have a cluster boundary
/// between them, so a simple character between two simple ones is a cluster of its own, made
/// without the segmenter; every other stretch of characters goes through the segmenter, up to
/// the next such boundary. The builder holds the last character back until the next one says
/// which it is.
pub struct ClusterBuilder {
    clusters: Clusters,
    /// The last character pushed, not placed yet, and whether it is simple.
    pending: Option<(Shaped, bool)>,
    /// The characters before `pending` that go through the segmenter together.
    stretch: String,
    /// For each character of `stretch`, its byte offset there and its source byte.
    sources: Vec<(u32, u32)>,
    /// The width of a line, in cells: a cluster wider than this is drawn as an ellipsis.
    line_width: usize,
}

impl ClusterBuilder {
    /// A builder for a paragraph laid out at `line_width` cells, with room for `capacity`
    /// characters to draw.
    pub fn new(line_width: usize, capacity: usize) -> Self {
        ClusterBuilder {
            clusters: Clusters { text: String::new(), list: Vec::with_capacity(capacity) },
            pending: None,
            stretch: String::new(),
            sources: Vec::new(),
            line_width,
        }
    }

    /// Add the next character to draw.
    #[inline(always)]
    pub fn push(&mut self, shaped: Shaped) {
        let simple = is_simple(shaped.ch);
        if let Some((last, last_simple)) = self.pending.replace((shaped, simple)) {
            if last_simple && simple && self.stretch.is_empty() {
                self.clusters.push_simple(last.ch, last.source);
            } else {
                self.add_to_stretch(last);
                if last_simple && simple {
                    self.end_stretch();
                }
            }
        }
    }

    /// The clusters of all the characters pushed, in logical order.
    pub fn finish(mut self) -> Clusters {
        if let Some((last, last_simple)) = self.pending.take() {
            if last_simple && self.stretch.is_empty() {
                self.clusters.push_simple(last.ch, last.source);
            } else {
                self.add_to_stretch(last);
                self.end_stretch();
            }
        }
        // The first cluster also covers anything removed from the start of the paragraph.
        if let Some(first) = self.clusters.list.first_mut() {
            first.source = 0;
        }
        self.clusters
    }

    /// Put `shaped` at the end of the stretch for the segmenter.
    fn add_to_stretch(&mut self, shaped: Shaped) {
        self.sources.push((self.stretch.len() as u32, shaped.source));
        self.stretch.push(shaped.ch);
    }

    /// Cut the stretch into clusters.
    fn end_stretch(&mut self) {
        self.clusters.push_stretch(&self.stretch, &self.sources, self.line_width);
        self.stretch.clear();
        self.sources.clear();
    }
}

impl Clusters {
    /// Append a simple character (see [`is_simple`]) from source byte `anchor` as a cluster.
    fn push_simple(&mut self, ch: char, anchor: u32) {
        self.list.push(Cluster::single(ch, anchor));
    }

    /// Append the clusters of `stretch`, whose characters start at the given byte offsets
    /// of the stretch and come from the given source bytes, on lines `line_width` wide.
    fn push_stretch(&mut self, stretch: &str, sources: &[(u32, u32)], line_width: usize) {
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
                self.push(piece, sources[cursor].1, line_width);
            }
        }
    }

    /// Append the cluster `grapheme`, whose first character comes from source byte `anchor`,
    /// on lines `line_width` wide.
    fn push(&mut self, grapheme: &str, anchor: u32, line_width: usize) {
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
                match UnicodeWidthStr::width(capped) {
                    // Wider than the line: it could never be drawn whole.
                    width if width > line_width => ("…", 1),
                    width => (capped, width),
                }
            }
        };
        // A format character draws nothing: it goes with the cluster before it, or, at the
        // start, with the one after it (the first cluster's source starts at byte 0).
        if width == 0 && !drawn.chars().any(is_mark) {
            return;
        }
        // A mark with no letter to sit on is drawn on a dotted circle.
        let (first, rest) = match drawn.chars().next() {
            Some(first) if width > 0 => (first, &drawn[first.len_utf8()..]),
            _ => ('\u{25CC}', drawn),
        };
        let rest_start = self.text.len() as u32;
        self.text.push_str(rest);
        self.list.push(Cluster {
            first,
            rest_start,
            rest_len: rest.len() as u8,
            width: width.clamp(1, u8::MAX as usize) as u8,
            source: anchor,
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

    /// Everything `cluster` draws.
    fn text_of(clusters: &Clusters, cluster: &Cluster) -> String {
        format!("{}{}", cluster.first, clusters.rest_of(cluster))
    }

    fn of(text: &str) -> Clusters {
        let mut builder = ClusterBuilder::new(80, text.len());
        for (i, ch) in text.char_indices() {
            builder.push(Shaped { ch, source: i as u32 });
        }
        builder.finish()
    }

    /// The clusters of `text` with every character sent through the segmenter (no direct
    /// path for simple characters): what [`clusters`] must agree with.
    fn through_the_segmenter(text: &str) -> Clusters {
        let mut out = Clusters { text: String::new(), list: Vec::new() };
        let sources: Vec<(u32, u32)> =
            text.char_indices().map(|(i, _)| (i as u32, i as u32)).collect();
        out.push_stretch(text, &sources, 80);
        if let Some(first) = out.list.first_mut() {
            first.source = 0;
        }
        out
    }

    fn same_clusters(text: &str) {
        let fast = of(text);
        let slow = through_the_segmenter(text);
        let fields = |c: &Clusters| -> Vec<(String, u8, u32, u32, bool)> {
            c.list
                .iter()
                .map(|k| (text_of(c, k), k.width, k.source, k.anchor, k.is_space))
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
        assert!(c.list.iter().all(|k| !text_of(&c, k).contains('\u{25CC}')));
        // A zero-width space or byte-order mark opening a paragraph.
        for text in ["\u{200B}بت", "\u{FEFF}بت", "\u{E0001}بت"] {
            let c = of(text);
            assert_eq!(c.list.len(), 2, "{text:?}");
            assert_eq!(c.list[0].source, 0, "the first cluster covers the format character");
            assert!(c.list.iter().all(|k| !text_of(&c, k).contains('\u{25CC}')), "{text:?}");
        }
    }

    #[test]
    fn marks_stay_with_their_letter() {
        let c = of("بَت");
        assert_eq!(c.list.len(), 2);
        assert_eq!(text_of(&c, &c.list[0]), "بَ");
        assert_eq!(c.list[0].width, 1);
        assert_eq!(c.list[1].source, 4);
    }

    #[test]
    fn orphan_mark_gets_a_dotted_circle() {
        let c = of("\u{064E}ب");
        assert_eq!(text_of(&c, &c.list[0]), "\u{25CC}\u{064E}");
        assert_eq!(c.list[0].width, 1);
    }

    #[test]
    fn marks_after_a_space_keep_the_space_and_get_a_dotted_circle() {
        let c = of("a \u{064E}");
        assert_eq!(c.list.len(), 3);
        assert!(c.list[1].is_space);
        assert_eq!(text_of(&c, &c.list[2]), "\u{25CC}\u{064E}");
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
        let drawn: String = c.list.iter().map(|k| text_of(&c, k)).collect();
        assert_eq!(drawn, "a b\u{FFFD}");
        let c = of("a\u{2028}b\u{2029}c\u{FFF9}d\u{FFFB}");
        let drawn: String = c.list.iter().map(|k| text_of(&c, k)).collect();
        assert_eq!(drawn, "a b cd");
        assert!(c.list[1].is_space && c.list[3].is_space);
    }
}
