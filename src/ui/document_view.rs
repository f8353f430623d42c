//! An article laid out for the width of the text pane: its paragraphs' visual lines stacked
//! into rows, one blank row between paragraphs, and positions in it that survive a resize.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use rayon::prelude::*;

use crate::corpus::Corpus;
use crate::layout::{LayoutOptions, ParagraphLayout, block_line_count, layout_block};

/// A place in an article that does not depend on the width: a paragraph and a line in it.
/// `line` may equal the paragraph's line count, meaning the blank row after it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Anchor {
    /// Index of the paragraph in the document.
    pub paragraph: usize,
    /// Line within the paragraph's layout at the current width.
    pub line: usize,
}

/// How many paragraphs' layouts a view keeps: a few screens' worth, so that scrolling
/// back and forth lays out nothing again, while a huge article costs memory for its text
/// and its line counts only.
const KEPT_LAYOUTS: usize = 512;

/// Above this many paragraphs, the line counts are worked out on every core.
const PARALLEL_PARAGRAPHS: usize = 256;

/// The rows of one article at one width. Every paragraph's line count is known (the rows
/// are exact), but a paragraph's lines are built only when they are asked for, and only the
/// `KEPT_LAYOUTS` paragraphs asked for last are kept.
pub struct DocumentView {
    /// The text width the paragraphs were laid out for.
    pub width: u16,
    corpus: Arc<Corpus>,
    document: usize,
    options: LayoutOptions,
    /// Row of the first line of each paragraph.
    starts: Vec<usize>,
    /// Lines of each paragraph.
    counts: Vec<usize>,
    rows: usize,
    kept: RefCell<Kept>,
}

/// The paragraphs laid out lately, by index, with when each was last asked for.
#[derive(Default)]
struct Kept {
    layouts: HashMap<usize, (u64, Rc<ParagraphLayout>)>,
    clock: u64,
}

impl DocumentView {
    /// The view of article `document` of `corpus` at `width` columns.
    pub fn new(
        corpus: &Arc<Corpus>,
        document: usize,
        width: u16,
        options: &LayoutOptions,
    ) -> DocumentView {
        let doc = &corpus.documents[document];
        let count = |p: &crate::corpus::Paragraph| {
            block_line_count(&p.text, &p.form, doc.direction, width, options)
        };
        let counts: Vec<usize> = if doc.paragraphs.len() > PARALLEL_PARAGRAPHS {
            doc.paragraphs.par_iter().map(count).collect()
        } else {
            doc.paragraphs.iter().map(count).collect()
        };
        let mut starts = Vec::with_capacity(counts.len());
        let mut row = 0;
        for (i, lines) in counts.iter().enumerate() {
            if i > 0 {
                row += 1; // the blank row between paragraphs
            }
            starts.push(row);
            row += lines;
        }
        DocumentView {
            width,
            corpus: Arc::clone(corpus),
            document,
            options: *options,
            starts,
            counts,
            rows: row,
            kept: RefCell::default(),
        }
    }

    /// How many rows the article takes.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// How many lines paragraph `index` has (0 past the end).
    pub fn line_count(&self, index: usize) -> usize {
        self.counts.get(index).copied().unwrap_or(0)
    }

    /// The layout of paragraph `index`.
    pub fn paragraph(&self, index: usize) -> Option<Rc<ParagraphLayout>> {
        let doc = &self.corpus.documents[self.document];
        let paragraph = doc.paragraphs.get(index)?;
        let mut kept = self.kept.borrow_mut();
        kept.clock += 1;
        let now = kept.clock;
        if let Some((used, layout)) = kept.layouts.get_mut(&index) {
            *used = now;
            return Some(Rc::clone(layout));
        }
        let layout = Rc::new(layout_block(
            &paragraph.text,
            &paragraph.form,
            doc.direction,
            self.width,
            &self.options,
        ));
        if kept.layouts.len() >= KEPT_LAYOUTS {
            kept.forget_the_older_half();
        }
        kept.layouts.insert(index, (now, Rc::clone(&layout)));
        Some(layout)
    }

    /// The line of paragraph `index` that shows logical byte `offset` (its first line when
    /// no line does).
    pub fn line_of(&self, index: usize, offset: usize) -> usize {
        let Some(paragraph) = self.paragraph(index) else {
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
                let lines = self.counts[anchor.paragraph];
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

    /// What is drawn on a row: the paragraph index, its layout and the line of it, or None
    /// for a blank row.
    pub fn line_at(&self, row: usize) -> Option<(usize, Rc<ParagraphLayout>, usize)> {
        let anchor = self.anchor_at(row);
        if anchor.line >= self.line_count(anchor.paragraph) {
            return None;
        }
        let layout = self.paragraph(anchor.paragraph)?;
        Some((anchor.paragraph, layout, anchor.line))
    }
}

impl Kept {
    /// Let go of the half of the layouts asked for longest ago.
    fn forget_the_older_half(&mut self) {
        let mut times: Vec<u64> = self.layouts.values().map(|(used, _)| *used).collect();
        let middle = times.len() / 2;
        let (_, &mut cut, _) = times.select_nth_unstable(middle);
        self.layouts.retain(|_, (used, _)| *used > cut);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Document, parse_document};
    use crate::layout::layout_paragraph;

    fn one(document: Document) -> Arc<Corpus> {
        Arc::new(Corpus { documents: vec![document], warnings: Vec::new() })
    }

    #[test]
    fn anchors_survive_a_change_of_width() {
        let doc =
            parse_document("t.txt", "أول فقرة قصيرة\n\nفقرة ثانية أطول من الأولى بكثير جدا", false);
        let corpus = one(doc);
        let wide = DocumentView::new(&corpus, 0, 80, &LayoutOptions::default());
        let narrow = DocumentView::new(&corpus, 0, 10, &LayoutOptions::default());
        let second = Anchor { paragraph: 1, line: 0 };
        assert_eq!(wide.row_of(second), 2);
        assert!(narrow.row_of(second) > 2);
        assert_eq!(narrow.anchor_at(narrow.row_of(second)), second);
        let (p, _, _) = narrow.line_at(narrow.row_of(second)).unwrap();
        assert_eq!(p, 1);
    }

    #[test]
    fn blank_rows_belong_to_the_paragraph_above() {
        let corpus = one(parse_document("t.txt", "one\n\ntwo", false));
        let view = DocumentView::new(&corpus, 0, 40, &LayoutOptions::default());
        assert_eq!(view.rows(), 3);
        assert!(view.line_at(1).is_none());
        assert_eq!(view.anchor_at(1), Anchor { paragraph: 0, line: 1 });
    }

    #[test]
    fn a_long_article_keeps_few_layouts_and_its_rows_are_those_of_its_lines() {
        let text: Vec<String> =
            (0..3000).map(|i| format!("الفقرة رقم {i} من مقال طويل جدا يقرأ على الشاشة")).collect();
        let corpus = one(parse_document("long.txt", &text.join("\n\n"), false));
        let options = LayoutOptions::default();
        let view = DocumentView::new(&corpus, 0, 20, &options);
        let paragraphs = &corpus.documents[0].paragraphs;
        let lines: Vec<usize> = paragraphs
            .iter()
            .map(|p| {
                layout_paragraph(&p.text, corpus.documents[0].direction, 20, &options).lines.len()
            })
            .collect();
        assert_eq!(view.rows(), lines.iter().sum::<usize>() + paragraphs.len() - 1);
        // Every row drawn, top to bottom: the same lines a full layout gives.
        for row in 0..view.rows() {
            let anchor = view.anchor_at(row);
            match view.line_at(row) {
                Some((p, layout, line)) => {
                    assert_eq!((p, line), (anchor.paragraph, anchor.line));
                    assert!(line < lines[p]);
                    assert_eq!(layout.lines.len(), lines[p]);
                }
                None => assert_eq!(anchor.line, lines[anchor.paragraph], "row {row}"),
            }
        }
        assert!(view.kept.borrow().layouts.len() <= KEPT_LAYOUTS);
    }
}
