//! An article laid out for the width of the text pane: its paragraphs' visual lines stacked
//! into rows, one blank row between paragraphs, and positions in it that survive a resize.

use crate::corpus::Document;
use crate::layout::{LayoutOptions, ParagraphLayout, VisualLine, layout_paragraph};

/// A place in an article that does not depend on the width: a paragraph and a line in it.
/// `line` may equal the paragraph's line count, meaning the blank row after it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Anchor {
    /// Index of the paragraph in the document.
    pub paragraph: usize,
    /// Line within the paragraph's layout at the current width.
    pub line: usize,
}

/// The rows of one article at one width.
pub struct DocumentView {
    /// The text width the paragraphs were laid out for.
    pub width: u16,
    paragraphs: Vec<ParagraphLayout>,
    /// Row of the first line of each paragraph.
    starts: Vec<usize>,
    rows: usize,
}

impl DocumentView {
    /// Lay out every paragraph of `document` at `width` columns.
    pub fn new(document: &Document, width: u16, options: &LayoutOptions) -> DocumentView {
        let paragraphs: Vec<ParagraphLayout> = document
            .paragraphs
            .iter()
            .map(|p| layout_paragraph(&p.text, document.direction, width, options))
            .collect();
        let mut starts = Vec::with_capacity(paragraphs.len());
        let mut row = 0;
        for (i, p) in paragraphs.iter().enumerate() {
            if i > 0 {
                row += 1; // the blank row between paragraphs
            }
            starts.push(row);
            row += p.lines.len();
        }
        DocumentView { width, paragraphs, starts, rows: row }
    }

    /// How many rows the article takes.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// The layout of paragraph `index`.
    pub fn paragraph(&self, index: usize) -> Option<&ParagraphLayout> {
        self.paragraphs.get(index)
    }

    /// The line of paragraph `index` that shows logical byte `offset` (its first line when
    /// no line does).
    pub fn line_of(&self, index: usize, offset: usize) -> usize {
        let Some(paragraph) = self.paragraphs.get(index) else {
            return 0;
        };
        paragraph
            .lines
            .iter()
            .rposition(|line| !line.text().is_empty() && line.source_range().start <= offset)
            .unwrap_or(0)
    }

    /// The row an anchor is at (clamped to the article).
    pub fn row_of(&self, anchor: Anchor) -> usize {
        match self.starts.get(anchor.paragraph) {
            Some(&start) => {
                let lines = self.paragraphs[anchor.paragraph].lines.len();
                (start + anchor.line.min(lines)).min(self.rows.saturating_sub(1))
            }
            None => self.rows.saturating_sub(1),
        }
    }

    /// The anchor of a row: the paragraph it belongs to (a blank row belongs to the paragraph
    /// above it) and the line in it.
    pub fn anchor_at(&self, row: usize) -> Anchor {
        let paragraph = self.starts.partition_point(|&s| s <= row).saturating_sub(1);
        let line = row.saturating_sub(self.starts.get(paragraph).copied().unwrap_or(0));
        Anchor { paragraph, line }
    }

    /// What is drawn on a row: the paragraph index and the visual line, or None for a blank.
    pub fn line_at(&self, row: usize) -> Option<(usize, &VisualLine)> {
        let anchor = self.anchor_at(row);
        let line = self.paragraphs.get(anchor.paragraph)?.lines.get(anchor.line)?;
        Some((anchor.paragraph, line))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::parse_document;

    #[test]
    fn anchors_survive_a_change_of_width() {
        let doc =
            parse_document("t.txt", "أول فقرة قصيرة\n\nفقرة ثانية أطول من الأولى بكثير جدا", false);
        let wide = DocumentView::new(&doc, 80, &LayoutOptions::default());
        let narrow = DocumentView::new(&doc, 10, &LayoutOptions::default());
        let second = Anchor { paragraph: 1, line: 0 };
        assert_eq!(wide.row_of(second), 2);
        assert!(narrow.row_of(second) > 2);
        assert_eq!(narrow.anchor_at(narrow.row_of(second)), second);
        let (p, _) = narrow.line_at(narrow.row_of(second)).unwrap();
        assert_eq!(p, 1);
    }

    #[test]
    fn blank_rows_belong_to_the_paragraph_above() {
        let doc = parse_document("t.txt", "one\n\ntwo", false);
        let view = DocumentView::new(&doc, 40, &LayoutOptions::default());
        assert_eq!(view.rows(), 3);
        assert!(view.line_at(1).is_none());
        assert_eq!(view.anchor_at(1), Anchor { paragraph: 0, line: 1 });
    }
}
