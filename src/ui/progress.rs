//! How far through an article its place is, 0 to 100, the way the status line counts it: the
//! row at the top of the pane against the furthest the article scrolls. Of an article not
//! open, it is worked out by laying that article out (at the open article's width) the first
//! time a list asks, and kept while its place and the pane stay the same.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use super::document_view::{Anchor, DocumentView};
use crate::corpus::Corpus;
use crate::layout::LayoutOptions;

/// How far `anchor`, the line at the top of a pane `height` rows high, is through `view`.
pub fn percent_through(view: &DocumentView, anchor: Anchor, height: usize) -> usize {
    let last_top = view.rows().saturating_sub(height);
    let top = view.row_of(anchor).min(last_top);
    (top * 100).checked_div(last_top).unwrap_or(100)
}

/// What a kept percentage was worked out for: the place, the width and the pane's height.
type Measured = (Anchor, u16, usize);

/// The percentages worked out for articles not open, by article.
#[derive(Default)]
pub struct Progress {
    kept: RefCell<HashMap<usize, (Measured, usize)>>,
}

/// Where an article is and how it is shown: what [`Progress::of`] needs to lay it out.
pub struct Place<'a> {
    /// The collection.
    pub corpus: &'a Arc<Corpus>,
    /// How text is laid out.
    pub options: &'a LayoutOptions,
    /// The text width.
    pub width: u16,
    /// The pane's height in rows.
    pub height: usize,
}

impl Progress {
    /// How far `anchor` is through article `document`, shown as `place` says.
    pub fn of(&self, place: &Place, document: usize, anchor: Anchor) -> usize {
        let measured = (anchor, place.width, place.height);
        if let Some(&(for_what, percent)) = self.kept.borrow().get(&document)
            && for_what == measured
        {
            return percent;
        }
        let view = DocumentView::new(place.corpus, document, place.width, place.options);
        let percent = percent_through(&view, anchor, place.height);
        self.kept.borrow_mut().insert(document, (measured, percent));
        percent
    }

    /// Forget every percentage (the articles were renumbered).
    pub fn forget(&mut self) {
        self.kept.get_mut().clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_s_place_is_as_far_through_as_its_row_at_the_top() {
        let corpus = Arc::new(Corpus::builtin());
        let options = LayoutOptions::default();
        let place = Place { corpus: &corpus, options: &options, width: 60, height: 20 };
        let view = DocumentView::new(&corpus, 2, 60, &options);
        let progress = Progress::default();
        assert_eq!(progress.of(&place, 2, Anchor::default()), 0);
        let last_top = view.rows() - 20;
        let halfway = view.anchor_at(last_top / 2);
        assert_eq!(progress.of(&place, 2, halfway), last_top / 2 * 100 / last_top);
        assert_eq!(progress.of(&place, 2, view.anchor_at(last_top)), 100);
        assert_eq!(progress.of(&place, 2, view.anchor_at(view.rows())), 100, "never past");
        // An article shorter than the pane is all in view.
        let tall = Place { height: view.rows() + 5, ..place };
        assert_eq!(progress.of(&tall, 2, Anchor::default()), 100);
    }
}
