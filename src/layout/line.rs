//! One visual line: clusters in the order they are drawn, with their logical source.

use std::ops::Range;

use super::bidi::{ParagraphBidi, mirror, visual_order};
use super::clusters::{Cluster, Clusters};
use crate::text::Direction;

/// One drawn cluster of a visual line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Glyph {
    text_start: u32,
    text_len: u32,
    /// Width in cells (1, or 2 for wide characters).
    pub width: u8,
    /// The bytes of the paragraph's logical text this glyph shows.
    pub source: Range<u32>,
}

/// A line of a laid-out paragraph, in visual order (left to right on the screen).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct VisualLine {
    /// Blank cells before the first glyph: right-to-left lines are aligned to the right.
    pub indent: u16,
    /// Width in cells of the glyphs, without the indent.
    pub width: u16,
    text: String,
    glyphs: Vec<Glyph>,
}

impl VisualLine {
    /// The glyphs from left to right, each with its drawn text.
    pub fn glyphs(&self) -> impl Iterator<Item = (&str, &Glyph)> {
        self.glyphs.iter().map(|g| {
            let start = g.text_start as usize;
            (&self.text[start..start + g.text_len as usize], g)
        })
    }

    /// The drawn text from left to right, without the indent.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The line as a terminal shows it: the indent as spaces, then the text.
    pub fn to_padded_string(&self) -> String {
        let mut s = String::with_capacity(self.indent as usize + self.text.len());
        s.extend(std::iter::repeat_n(' ', self.indent as usize));
        s.push_str(&self.text);
        s
    }

    /// The columns (counted from the line's left edge, indent included) of the cells that
    /// show any of logical bytes `range`, merged into runs.
    pub fn cells_for(&self, range: Range<usize>) -> Vec<Range<u16>> {
        let mut runs: Vec<Range<u16>> = Vec::new();
        let mut x = self.indent;
        for g in &self.glyphs {
            let w = u16::from(g.width);
            let shows =
                (g.source.start as usize) < range.end && range.start < g.source.end as usize;
            if shows {
                match runs.last_mut() {
                    Some(last) if last.end == x => last.end = x + w,
                    _ => runs.push(x..x + w),
                }
            }
            x += w;
        }
        runs
    }

    /// The logical bytes the line shows, from its first to its last (lines are cut in logical
    /// order, so this range is theirs alone); empty for an empty line. Glyphs that show no
    /// text (a quote's bar, a table's rules) count only on a line of nothing else.
    pub fn source_range(&self) -> Range<usize> {
        let shown = || self.glyphs.iter().filter(|g| !g.source.is_empty());
        let range = |glyphs: &mut dyn Iterator<Item = &Glyph>| {
            glyphs.fold(None, |range: Option<Range<u32>>, g| match range {
                Some(r) => Some(r.start.min(g.source.start)..r.end.max(g.source.end)),
                None => Some(g.source.clone()),
            })
        };
        let found = range(&mut shown()).or_else(|| range(&mut self.glyphs.iter()));
        found.map_or(0..0, |r| r.start as usize..r.end as usize)
    }

    /// The logical bytes shown at `column` (from the line's left edge), if a glyph is there.
    pub fn source_at(&self, column: u16) -> Option<Range<usize>> {
        let mut x = self.indent;
        for g in &self.glyphs {
            let w = u16::from(g.width);
            if column >= x && column < x + w {
                return Some(g.source.start as usize..g.source.end as usize);
            }
            x += w;
        }
        None
    }
}

/// A visual line put together from pieces, left to right: blank cells, marks (a quote's bar,
/// a table's rules) and lines laid out on their own (a table's cells). Blank cells before the
/// first glyph are the line's indent; blank cells at its end are left off.
#[derive(Default)]
pub(super) struct Composer {
    /// The line so far.
    line: VisualLine,
    /// Blank cells asked for and not yet placed.
    pending: u16,
}

impl Composer {
    /// Leave `cells` blank cells.
    pub(super) fn space(&mut self, cells: u16) {
        self.pending = self.pending.saturating_add(cells);
    }

    /// The cells taken so far, blank cells asked for included.
    pub(super) fn width(&self) -> u16 {
        self.line.indent + self.line.width + self.pending
    }

    /// Add a mark of one-cell characters that shows no text of the paragraph: its glyphs'
    /// sources are the empty range at byte `at`.
    pub(super) fn mark(&mut self, mark: &str, at: usize) {
        self.place_pending();
        for c in mark.chars() {
            self.push(c.encode_utf8(&mut [0; 4]), 1, at as u32..at as u32);
        }
    }

    /// Add `line` (its indent as blank cells), its glyphs' sources moved on by `offset`: a
    /// line laid out from a part of the paragraph that starts at byte `offset`.
    pub(super) fn line(&mut self, line: &VisualLine, offset: usize) {
        self.space(line.indent);
        if line.glyphs.is_empty() {
            return;
        }
        self.place_pending();
        let offset = offset as u32;
        for (text, glyph) in line.glyphs() {
            let source = glyph.source.start + offset..glyph.source.end + offset;
            self.push(text, glyph.width, source);
        }
    }

    /// The line.
    pub(super) fn finish(self) -> VisualLine {
        self.line
    }

    /// Place the blank cells asked for: as the indent before the first glyph, else as
    /// space glyphs whose sources are the empty range where the last glyph's ends.
    fn place_pending(&mut self) {
        let cells = std::mem::take(&mut self.pending);
        if self.line.glyphs.is_empty() {
            self.line.indent += cells;
            return;
        }
        let at = self.line.glyphs.last().map_or(0, |g| g.source.end);
        for _ in 0..cells {
            self.push(" ", 1, at..at);
        }
    }

    /// Add one glyph.
    fn push(&mut self, text: &str, width: u8, source: Range<u32>) {
        let text_start = self.line.text.len() as u32;
        self.line.text.push_str(text);
        self.line.glyphs.push(Glyph { text_start, text_len: text.len() as u32, width, source });
        self.line.width += u16::from(width);
    }
}

/// Where a line's clusters go on the screen, worked out once for the reader's lines and
/// for the text `basira cat` prints.
struct Arranged {
    /// The clusters drawn: the line's, without the trailing spaces that do not fit.
    drawn: Range<usize>,
    /// Their width in cells.
    total: usize,
    /// Blank cells before them.
    indent: u16,
    /// The order they are drawn in, with their bidi levels after rule L1.
    order: Order,
}

/// The order the drawn clusters of a line go on the screen in, and their bidi levels.
enum Order {
    /// All at one level (0 without reordering): in logical order when it is even, reversed
    /// when it is odd. Most lines.
    Uniform(u8),
    /// At different levels.
    Mixed {
        /// The level of each drawn cluster.
        levels: Vec<u8>,
        /// The drawn clusters in visual order, as indices from the first.
        order: Vec<usize>,
    },
}

impl Order {
    /// Call `draw` with the index (from the first drawn) and level of each of the `count`
    /// drawn clusters, in visual order.
    fn for_each(&self, count: usize, mut draw: impl FnMut(usize, u8)) {
        match self {
            Order::Uniform(level) if level % 2 == 1 => {
                (0..count).rev().for_each(|i| draw(i, *level));
            }
            Order::Uniform(level) => (0..count).for_each(|i| draw(i, *level)),
            Order::Mixed { levels, order } => order.iter().for_each(|&i| draw(i, levels[i])),
        }
    }
}

/// A paragraph's clusters as they are laid out into lines: what every line of it shares.
pub struct Lines<'a> {
    /// The paragraph's clusters.
    pub clusters: &'a Clusters,
    /// The length of the paragraph's source text, in bytes.
    pub source_len: usize,
    /// The width of a line, in cells.
    pub width: usize,
    /// The paragraph's bidi levels, when lines are put in visual order.
    pub bidi: Option<&'a ParagraphBidi<'a>>,
    /// The paragraph's direction.
    pub direction: Direction,
    /// Whether lines are in visual order (right-to-left lines aligned right).
    pub visual: bool,
}

impl Lines<'_> {
    /// Arrange clusters `range` of the paragraph.
    ///
    /// Trailing spaces that do not fit hang past the edge and are not drawn. With `bidi`
    /// (visual order), the clusters are reordered by their levels after rule L1, and
    /// right-to-left lines are indented to end at the right edge.
    fn arrange(&self, range: Range<usize>) -> Arranged {
        let (clusters, width) = (self.clusters, self.width);
        let list = &clusters.list;
        let mut end = range.end;
        let mut total: usize = list[range.clone()].iter().map(|c| c.width as usize).sum();
        while end > range.start && list[end - 1].is_space && total > width {
            end -= 1;
            total -= list[end].width as usize;
        }

        let drawn = range.start..end;
        let bidi = self.bidi.filter(|b| !b.is_pure_ltr() && !range.is_empty());
        let order = match (bidi, bidi.and_then(ParagraphBidi::uniform_level)) {
            // The whole paragraph at one level: no line's levels to look up.
            (_, Some(level)) => Order::Uniform(level),
            (Some(bidi), None) => {
                let line_start = list[range.start].source as usize;
                let line_end = source_end(clusters, range.end - 1, self.source_len);
                let anchors = list[drawn.clone()].iter().map(|c| c.anchor as usize);
                let levels = bidi.levels_at(line_start..line_end, anchors);
                match levels.first() {
                    Some(&first) if levels.iter().any(|&level| level != first) => {
                        let order = visual_order(&levels);
                        Order::Mixed { levels, order }
                    }
                    first => Order::Uniform(first.copied().unwrap_or(0)),
                }
            }
            (None, None) => Order::Uniform(0),
        };
        let indent =
            if self.visual && self.direction.is_rtl() { (width - total) as u16 } else { 0 };
        Arranged { drawn, total, indent, order }
    }

    /// The visual line of clusters `range` (arranged as `arrange` says); clusters at odd levels
    /// show their mirrored bracket.
    pub fn build(&self, range: Range<usize>) -> VisualLine {
        let clusters = self.clusters;
        let Arranged { drawn, total, indent, order } = self.arrange(range);
        let mut line = VisualLine {
            indent,
            width: total as u16,
            text: String::with_capacity(total * 2),
            glyphs: Vec::with_capacity(drawn.len()),
        };
        order.for_each(drawn.len(), |i, level| {
            let k = drawn.start + i;
            let cluster = &clusters.list[k];
            let text_start = line.text.len() as u32;
            line.text.push(drawn_first(cluster.first, level));
            line.text.push_str(clusters.rest_of(cluster));
            line.glyphs.push(Glyph {
                text_start,
                text_len: line.text.len() as u32 - text_start,
                width: cluster.width,
                source: cluster.source..source_end(clusters, k, self.source_len) as u32,
            });
        });
        line
    }

    /// Append the line [`Lines::build`] builds of clusters `range` to `out` as a terminal
    /// shows it: the indent as spaces, the text without trailing spaces (nothing of either
    /// for a blank line), then a newline.
    pub fn write(&self, range: Range<usize>, out: &mut Vec<u8>) {
        let Arranged { drawn, indent, order, .. } = self.arrange(range);
        let line_start = out.len();
        out.resize(line_start + usize::from(indent), b' ');
        let text_start = out.len();
        let all = self.clusters;
        let clusters = &all.list[drawn];
        // A loop of its own for each order, the commonest first: most lines are at one level.
        match &order {
            Order::Uniform(level) if level % 2 == 1 => {
                clusters.iter().rev().for_each(|cluster| write_cluster(out, all, cluster, *level));
            }
            Order::Uniform(level) => {
                clusters.iter().for_each(|cluster| write_cluster(out, all, cluster, *level));
            }
            Order::Mixed { levels, order } => {
                for &i in order {
                    write_cluster(out, all, &clusters[i], levels[i]);
                }
            }
        }
        match out[text_start..].iter().rposition(|&b| b != b' ') {
            Some(last) => out.truncate(text_start + last + 1),
            None => out.truncate(line_start),
        }
        out.push(b'\n');
    }
}

/// Where the source of cluster `k` ends: at the next cluster's, or at the paragraph's end.
fn source_end(clusters: &Clusters, k: usize, source_len: usize) -> usize {
    clusters.list.get(k + 1).map_or(source_len, |c| c.source as usize)
}

/// The first character of a cluster as it is drawn at bidi level `level`: mirrored at an odd
/// (right-to-left) level, if it has a mirrored form. Arabic letters and their presentation
/// forms, most of what is drawn, have none.
fn drawn_first(first: char, level: u8) -> char {
    if level.is_multiple_of(2) || is_arabic_letter_or_form(first) {
        return first;
    }
    mirror(first).unwrap_or(first)
}

/// Whether `c` is in the Arabic block or in Arabic Presentation Forms-B, the forms shaping
/// draws: no character of either has a mirrored pair.
fn is_arabic_letter_or_form(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Append what `cluster` (one of `clusters`) draws at bidi level `level` to `out`.
#[inline(always)]
fn write_cluster(out: &mut Vec<u8>, clusters: &Clusters, cluster: &Cluster, level: u8) {
    push_char(out, drawn_first(cluster.first, level));
    let rest = clusters.rest_of(cluster);
    if !rest.is_empty() {
        out.extend_from_slice(rest.as_bytes());
    }
}

/// Append the UTF-8 bytes of `c` to `out`, with one store of four bytes (the bytes past the
/// character are cut off again) rather than a copy of a length known only at run time.
#[inline(always)]
fn push_char(out: &mut Vec<u8>, c: char) {
    let (bytes, len) = utf8_word(c);
    let end = out.len() + len;
    out.extend_from_slice(&bytes.to_le_bytes());
    out.truncate(end);
}

/// The UTF-8 bytes of `c` in a word, the first in its lowest byte, and how many there are:
/// made with shifts and masks, where `char::encode_utf8` writes them one by one to memory.
#[inline(always)]
fn utf8_word(c: char) -> (u32, usize) {
    let code = c as u32;
    let continuation = |shift: u32| 0x80 | (code >> shift & 0x3F);
    match code {
        0..0x80 => (code, 1),
        0x80..0x800 => (0xC0 | code >> 6 | continuation(0) << 8, 2),
        0x800..0x10000 => (0xE0 | code >> 12 | continuation(6) << 8 | continuation(0) << 16, 3),
        _ => (
            0xF0 | code >> 18
                | continuation(12) << 8
                | continuation(6) << 16
                | continuation(0) << 24,
            4,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_are_pushed_as_std_encodes_them() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut out = vec![b'x'];
            push_char(&mut out, c);
            assert_eq!(&out[1..], c.encode_utf8(&mut [0; 4]).as_bytes(), "{c:?}");
        }
    }

    #[test]
    fn arabic_letters_and_forms_have_no_mirrored_pair() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|&c| is_arabic_letter_or_form(c))
        {
            assert_eq!(mirror(c), None, "{c:?}");
        }
    }
}
