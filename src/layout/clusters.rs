//! The units of layout: grapheme clusters of the text to draw, each with its width in cells
//! and the range of source text it stands for.

use unicode_width::UnicodeWidthStr;

use super::graphemes::grapheme_indices;
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
    let mut text = String::with_capacity(shaped.len() * 3);
    let mut sources = Vec::with_capacity(shaped.len());
    for s in shaped {
        sources.push((text.len() as u32, s.source));
        text.push(s.ch);
    }
    let mut out = Clusters { text: String::with_capacity(text.len() + 8), list: Vec::new() };
    let mut cursor = 0;
    for (start, grapheme) in grapheme_indices(&text) {
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
            out.push(piece, sources[cursor].1);
        }
    }
    out
}

impl Clusters {
    /// Append the cluster `grapheme`, whose first character comes from source byte `anchor`.
    fn push(&mut self, grapheme: &str, anchor: u32) {
        let first = grapheme.chars().next().unwrap_or(' ');
        let (drawn, width): (&str, usize) = if first == '\t' {
            (" ", 1)
        } else if first.is_control() {
            ("\u{FFFD}", 1)
        } else {
            let capped = match grapheme.char_indices().nth(MAX_CLUSTER_CHARS) {
                Some((cut, _)) => &grapheme[..cut],
                None => grapheme,
            };
            (capped, UnicodeWidthStr::width(capped))
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
            is_space: first == ' ' || first == '\t' || first == '\u{3000}',
        });
    }
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
    }
}
