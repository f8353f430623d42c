//! One visual line: clusters in the order they are drawn, with their logical source.

use std::ops::Range;

use super::bidi::{ParagraphBidi, mirror, visual_order};
use super::clusters::Clusters;
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
    /// order, so this range is theirs alone); empty for an empty line.
    pub fn source_range(&self) -> Range<usize> {
        let start = self.glyphs.iter().map(|g| g.source.start).min().unwrap_or(0);
        let end = self.glyphs.iter().map(|g| g.source.end).max().unwrap_or(0);
        start as usize..end as usize
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

/// Build the visual line for clusters `range` of a paragraph whose source is `source_len`
/// bytes long, at `width` cells.
///
/// Trailing spaces that do not fit hang past the edge and are not drawn. With `bidi` (visual
/// order), the clusters are reordered by their levels after rule L1, clusters at odd levels
/// show their mirrored bracket, and right-to-left lines are indented to end at the right edge.
pub fn build(
    clusters: &Clusters,
    range: Range<usize>,
    source_len: usize,
    width: usize,
    bidi: Option<&ParagraphBidi>,
    direction: Direction,
    visual: bool,
) -> VisualLine {
    let list = &clusters.list;
    let source_end = |k: usize| list.get(k + 1).map_or(source_len, |c| c.source as usize);
    let mut end = range.end;
    let mut total: usize = list[range.clone()].iter().map(|c| c.width as usize).sum();
    while end > range.start && list[end - 1].is_space && total > width {
        end -= 1;
        total -= list[end].width as usize;
    }

    let drawn = range.start..end;
    let mut levels = vec![0u8; drawn.len()];
    let order: Vec<usize> = match bidi.filter(|b| !b.is_pure_ltr() && !range.is_empty()) {
        Some(bidi) => {
            let line_start = list[range.start].source as usize;
            let line_levels = bidi.line_levels(line_start..source_end(range.end - 1));
            for (level, cluster) in levels.iter_mut().zip(&list[drawn.clone()]) {
                *level = line_levels[cluster.anchor as usize - line_start];
            }
            visual_order(&levels)
        }
        None => (0..drawn.len()).collect(),
    };

    let mut line = VisualLine {
        indent: if visual && direction.is_rtl() { (width - total) as u16 } else { 0 },
        width: total as u16,
        text: String::with_capacity(clusters.text.len().min(total * 4)),
        glyphs: Vec::with_capacity(drawn.len()),
    };
    for i in order {
        let k = drawn.start + i;
        let cluster = &list[k];
        let text = clusters.text_of(cluster);
        let text_start = line.text.len() as u32;
        // Character by character: most clusters are one letter, for which a copy of a slice
        // costs more than the letter.
        let mut chars = text.chars();
        if let Some(first) = chars.next() {
            let odd = levels[i] % 2 == 1;
            line.text.push(if odd { mirror(first).unwrap_or(first) } else { first });
        }
        for c in chars {
            line.text.push(c);
        }
        line.glyphs.push(Glyph {
            text_start,
            text_len: line.text.len() as u32 - text_start,
            width: cluster.width,
            source: cluster.source..source_end(k) as u32,
        });
    }
    line
}
