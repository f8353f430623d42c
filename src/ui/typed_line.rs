//! A line being typed (a search, a note) laid out as the reader lays out text: shaped, in
//! reading order, its direction that of its first strong letter, so that «راجع تقرير UN لعام
//! 2024 (مهم)» reads right while it is typed. The cursor is a logical offset in the text; it
//! is drawn on the cell of the character after it, or on a cell of its own past the text's
//! end, and Left and Right move it to the next cell on the screen (visual order).

use ratatui::buffer::Buffer;
use ratatui::style::Style;

use crate::layout::{LayoutOptions, VisualLine, layout_paragraph};
use crate::text::{Direction, first_strong_direction};

/// A typed text laid out on one line, with the places its cursor can stand.
pub struct TypedLine {
    /// The text's glyphs, left to right.
    line: VisualLine,
    /// The text's direction: where its end is.
    direction: Direction,
    /// The length of the text in bytes: the cursor's place past its end.
    len: usize,
}

impl TypedLine {
    /// `text` laid out in the direction of its first strong letter, else `fallback` (the
    /// interface's).
    pub fn new(text: &str, fallback: Direction, options: &LayoutOptions) -> TypedLine {
        let direction = first_strong_direction(text).unwrap_or(fallback);
        let line = layout_paragraph(text, direction, u16::MAX, options)
            .lines
            .into_iter()
            .next()
            .unwrap_or_default();
        TypedLine { line, direction, len: text.len() }
    }

    /// The cells left to right, each with its glyph's text, width and the logical offset
    /// the cursor has there (the start of the glyph's character); the cursor's own cell past
    /// the end is a space at the text's reading end (left of a right-to-left text).
    fn cells(&self) -> Vec<(&str, u16, usize)> {
        let glyphs = self.line.glyphs();
        let mut cells: Vec<(&str, u16, usize)> =
            glyphs.map(|(text, g)| (text, u16::from(g.width), g.source.start as usize)).collect();
        let end = (" ", 1, self.len);
        if self.direction.is_rtl() {
            cells.insert(0, end);
        } else {
            cells.push(end);
        }
        cells
    }

    /// The cell the cursor at logical offset `cursor` is drawn on: the one whose character
    /// holds it, else the end's.
    fn cell_of(&self, cells: &[(&str, u16, usize)], cursor: usize) -> usize {
        let holder = self
            .line
            .glyphs()
            .map(|(_, g)| g.source.clone())
            .find(|source| (source.start as usize..source.end as usize).contains(&cursor));
        let target = holder.map_or(self.len, |source| source.start as usize);
        cells.iter().position(|c| c.2 == target).unwrap_or(0)
    }

    /// The cursor at `cursor` moved `step` cells to the right (negative: to the left) on the
    /// screen, stopping at either end.
    pub fn moved(&self, cursor: usize, step: isize) -> usize {
        let cells = self.cells();
        let at = self.cell_of(&cells, cursor) as isize + step;
        cells[at.clamp(0, cells.len() as isize - 1) as usize].2
    }

    /// The cells the text and its cursor's own cell past the end take.
    pub fn width(&self) -> u16 {
        self.line.width.saturating_add(1)
    }

    /// Draw the line in `width` cells from (`x`, `y`) in `styles[0]`, the cursor at `cursor`
    /// in `styles[1]`. A line wider than that shows the part round the cursor: the end of the
    /// text when the cursor is there.
    pub fn draw(
        &self,
        buf: &mut Buffer,
        (x, y, width): (u16, u16, u16),
        cursor: usize,
        styles: [Style; 2],
    ) {
        let cells = self.cells();
        let cursor_cell = self.cell_of(&cells, cursor);
        let cursor_column: u16 = cells[..cursor_cell].iter().map(|c| c.1).sum();
        let start = window_start(self.width(), width, cursor_column, self.direction.is_rtl());
        let mut column = 0u16;
        for (i, &(symbol, w, _)) in cells.iter().enumerate() {
            if column >= start && column + w <= start + width {
                let style = styles[usize::from(i == cursor_cell)];
                if let Some(cell) = buf.cell_mut((x + column - start, y)) {
                    cell.set_symbol(symbol).set_style(style);
                }
                for covered in 1..w {
                    if let Some(cell) = buf.cell_mut((x + column - start + covered, y)) {
                        cell.reset();
                    }
                }
            }
            column += w;
        }
    }
}

/// The first column of a line `total` cells wide to show in `width` cells so that column
/// `cursor` is shown: the text's end side (left for right-to-left text) when the cursor
/// allows.
fn window_start(total: u16, width: u16, cursor: u16, rtl: bool) -> u16 {
    if total <= width || width == 0 {
        return 0;
    }
    let preferred = if rtl { 0 } else { total - width };
    if cursor < preferred {
        cursor
    } else if cursor >= preferred + width {
        cursor + 1 - width
    } else {
        preferred
    }
}
