//! The layout engine: a paragraph of logical text and a width in, visual lines out.
//!
//! The steps follow the rules in the design notes: choose the paragraph direction from its
//! first strong character; shape Arabic letters in logical order; cut the text into grapheme
//! clusters measured as they will be drawn; wrap in logical order at break opportunities;
//! resolve bidi levels on the whole paragraph and reorder each line's clusters (so marks stay
//! on their letter); mirror brackets at right-to-left levels; align right-to-left lines to the
//! right. Every drawn cell keeps the range of logical text it shows.

pub mod bidi;
mod bidi_resolve;
mod block;
mod clusters;
mod drawn;
mod line;
pub mod shape;
mod wrap;

use std::ops::Range;

use crate::text::{Direction, first_strong_direction};
use bidi::ParagraphBidi;
pub use block::{block_line_count, layout_block, write_block};
use clusters::ClusterBuilder;
use drawn::DrawnChars;
pub use line::{Glyph, VisualLine};
use shape::Shaped;

/// Whether Arabic letters are drawn as contextual presentation forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Shaping {
    /// Joined letters and lam-alef ligatures (the default).
    #[default]
    On,
    /// Letters as they are in the file, for terminals that shape by themselves.
    Off,
}

/// What to do with harakat (short vowels and other Arabic marks).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Harakat {
    /// Keep them as zero-width marks after their letter (the default).
    #[default]
    Keep,
    /// Leave them out.
    Strip,
}

/// Who puts right-to-left text in visual order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum BidiMode {
    /// basira reorders, shapes and aligns; the terminal is told to do no bidi (the default).
    #[default]
    App,
    /// Lines stay in logical order for a terminal that does bidi itself, or a screen reader.
    Terminal,
}

/// How text is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct LayoutOptions {
    /// Contextual shaping on or off.
    pub shaping: Shaping,
    /// Keep or strip harakat.
    pub harakat: Harakat,
    /// Visual order by basira, or logical order for the terminal.
    pub bidi: BidiMode,
    /// Box drawing for a quote's bar and a table's rules, or plain ASCII (`ascii_borders`
    /// in `config.toml`, for fonts without box drawing).
    pub ascii_rules: bool,
}

/// A paragraph laid out for one width.
#[derive(Clone, Debug, PartialEq)]
pub struct ParagraphLayout {
    /// The paragraph's direction (from its first strong character, else the fallback).
    pub direction: Direction,
    /// The lines, top to bottom. An empty paragraph has one empty line.
    pub lines: Vec<VisualLine>,
}

impl ParagraphLayout {
    /// The cells that show logical bytes `range` of the paragraph: for each line that shows
    /// any of it, the line's index and the cell ranges (columns from the line's left edge,
    /// indent included). Used to highlight search hits and marks in right-to-left text.
    pub fn cells_for(&self, range: Range<usize>) -> Vec<(usize, Vec<Range<u16>>)> {
        self.lines
            .iter()
            .enumerate()
            .filter_map(|(i, line)| {
                let cells = line.cells_for(range.clone());
                (!cells.is_empty()).then_some((i, cells))
            })
            .collect()
    }
}

/// Lay out one paragraph of logical text at `width` cells.
///
/// `fallback` is the direction of a paragraph without strong characters (the document's
/// dominant direction). Widths below one cell are treated as one.
pub fn layout_paragraph(
    text: &str,
    fallback: Direction,
    width: u16,
    options: &LayoutOptions,
) -> ParagraphLayout {
    wrapped_lines(text, fallback, width, options, |lines, ranges, direction| {
        let lines = ranges.into_iter().map(|range| lines.build(range)).collect();
        ParagraphLayout { direction, lines }
    })
}

/// Append the lines [`layout_paragraph`] gives the paragraph to `out` as a terminal shows
/// them, each followed by a newline: its indent as spaces, then its text without trailing
/// spaces (an empty line for a blank one). What `basira cat` prints, made without the
/// per-cell records the reader keeps.
pub fn write_paragraph(
    text: &str,
    fallback: Direction,
    width: u16,
    options: &LayoutOptions,
    out: &mut Vec<u8>,
) {
    wrapped_lines(text, fallback, width, options, |lines, ranges, _| {
        for range in ranges {
            lines.write(range, out);
        }
    })
}

/// Wrap the paragraph and give `make` its lines to build, the clusters' ranges of each, and
/// its direction.
fn wrapped_lines<T>(
    text: &str,
    fallback: Direction,
    width: u16,
    options: &LayoutOptions,
    make: impl FnOnce(&line::Lines, Vec<Range<usize>>, Direction) -> T,
) -> T {
    let Wrapped { direction, clusters, ranges, width } =
        wrap_paragraph(text, fallback, width, options);
    let visual = options.bidi == BidiMode::App;
    let bidi = visual.then(|| ParagraphBidi::new(text, direction));
    let lines = line::Lines {
        clusters: &clusters,
        source_len: text.len(),
        width,
        bidi: bidi.as_ref(),
        direction,
        visual,
    };
    make(&lines, ranges, direction)
}

/// How many lines [`layout_paragraph`] gives the paragraph, worked out without building
/// them (no bidi resolution, no visual order): what a view needs of the paragraphs it does
/// not show.
pub fn line_count(text: &str, fallback: Direction, width: u16, options: &LayoutOptions) -> usize {
    wrap_paragraph(text, fallback, width, options).ranges.len()
}

/// A paragraph shaped, cut into clusters and wrapped, before its lines are built.
struct Wrapped {
    direction: Direction,
    clusters: clusters::Clusters,
    ranges: Vec<Range<usize>>,
    width: usize,
}

/// The first half of the layout: the paragraph's direction, its clusters (each wider than
/// the line replaced by an ellipsis) and the cluster ranges of its lines.
fn wrap_paragraph(text: &str, fallback: Direction, width: u16, options: &LayoutOptions) -> Wrapped {
    let width = usize::from(width.max(1));
    let direction = first_strong_direction(text).unwrap_or(fallback);
    let visual = options.bidi == BidiMode::App;

    let drawn = DrawnChars::new(text, options.harakat == Harakat::Keep);
    let mut builder = ClusterBuilder::new(width, text.len());
    if visual && options.shaping == Shaping::On {
        shape::shape(drawn, |shaped| builder.push(shaped));
    } else {
        drawn.for_each(|(source, ch)| builder.push(Shaped { ch, source }));
    }
    let clusters = builder.finish();
    let ranges = wrap::wrap(text, &clusters.list, width);
    Wrapped { direction, clusters, ranges, width }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `basira cat` printed from the reader's lines before it had a path of its own.
    fn from_the_readers_lines(text: &str, width: u16, options: &LayoutOptions) -> String {
        let mut out = String::new();
        for line in layout_paragraph(text, Direction::Rtl, width, options).lines {
            let drawn = line.text().trim_end_matches(' ');
            if !drawn.is_empty() {
                out.extend(std::iter::repeat_n(' ', usize::from(line.indent)));
                out.push_str(drawn);
            }
            out.push('\n');
        }
        out
    }

    #[test]
    fn cat_prints_the_lines_the_reader_draws() {
        let texts = [
            "حذفت Twitter نحو 274 ألف حساب (بين 2015 و2016) «للإرهاب» [تقرير].",
            "مُحَمَّدٌ رَسُولُ اللَّهِ، لا إلا الأمم لأن آلاف إلى",
            "Latin first, then عربي 123 and (brackets) ‹quoted› end.",
            "\tتبويب\tفي\tالوسط   ومسافات في الآخر   ",
            "中文 wide characters 中文 بين 👩‍👩‍👧 العربية ١٢٣٬٤ ۴۵",
            "\u{064E}حركة وحدها، ب\u{200D}ـ ZWJ و\u{200C}ZWNJ و\u{202B}تضمين\u{202C} و\u{2067}عزل\u{2069}",
            "كلمةطويلةجداجداجداجداجداجداجداجداجداجداجداجداجداجداجداجدا تنتهي",
            "",
            "   ",
        ];
        let mut options = Vec::new();
        for shaping in [Shaping::On, Shaping::Off] {
            for harakat in [Harakat::Keep, Harakat::Strip] {
                for bidi in [BidiMode::App, BidiMode::Terminal] {
                    options.push(LayoutOptions { shaping, harakat, bidi, ascii_rules: false });
                }
            }
        }
        for text in texts {
            for options in &options {
                for width in [1, 2, 5, 9, 17, 40, 80] {
                    let mut out = Vec::new();
                    write_paragraph(text, Direction::Rtl, width, options, &mut out);
                    let expected = from_the_readers_lines(text, width, options);
                    assert_eq!(String::from_utf8(out).unwrap(), expected, "{text:?} {width}");
                }
            }
        }
    }
}
