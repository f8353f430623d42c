//! What the reader points at for `y` (copy) and `+` (add to a deck): the panel's selected
//! item when the panel has the keyboard, else the passage marked in the text (a key point,
//! passage or hit gone to), else the current paragraph.

use std::ops::Range;

use super::panel::Target;
use crate::corpus::Document;

/// Which of them it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickedKind {
    /// The panel's selected item.
    PanelItem,
    /// The passage marked in the text.
    Passage,
    /// The current paragraph.
    Paragraph,
}

/// A place the reader points at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picked {
    /// Index of the article.
    pub document: usize,
    /// Index of the paragraph.
    pub paragraph: usize,
    /// The bytes of the paragraph, when not the whole of it.
    pub range: Option<Range<usize>>,
    /// Which it is.
    pub kind: PickedKind,
}

impl Picked {
    /// The place pointed at in `documents`: `panel_item` when the panel has the keyboard and
    /// it is a sentence, else the passage `marked` (article, paragraph, bytes), else paragraph
    /// `here` (article, paragraph). None when that place is not in `documents`.
    pub fn of(
        documents: &[Document],
        panel_item: Option<&Target>,
        marked: Option<(usize, usize, &Range<usize>)>,
        (document, paragraph): (usize, usize),
    ) -> Option<Picked> {
        let picked = match (panel_item, marked) {
            (Some(Target::Sentence { document, paragraph, range }), _) => Picked {
                document: *document,
                paragraph: *paragraph,
                range: Some(range.clone()),
                kind: PickedKind::PanelItem,
            },
            (Some(Target::Theme(_)), _) => return None,
            (None, Some((document, paragraph, range))) => Picked {
                document,
                paragraph,
                range: Some(range.clone()),
                kind: PickedKind::Passage,
            },
            (None, None) => {
                Picked { document, paragraph, range: None, kind: PickedKind::Paragraph }
            }
        };
        picked.text(documents).map(|_| picked)
    }

    /// Its text in `documents`, in logical order, trimmed.
    pub fn text<'d>(&self, documents: &'d [Document]) -> Option<&'d str> {
        let text = &documents.get(self.document)?.paragraphs.get(self.paragraph)?.text;
        match &self.range {
            Some(range) => text.get(range.clone()),
            None => Some(text.as_str()),
        }
        .map(str::trim)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_panel_item_then_the_passage_marked_then_the_paragraph() {
        let corpus = crate::corpus::Corpus::builtin();
        let documents = &corpus.documents;
        let paragraph = &documents[0].paragraphs[2].text;
        let whole = Picked::of(documents, None, None, (0, 2)).unwrap();
        assert_eq!(
            (whole.text(documents), whole.kind),
            (Some(paragraph.trim()), PickedKind::Paragraph)
        );
        let range = 0..paragraph.find(' ').unwrap();
        let marked = (0, 2, &range);
        let word = Picked::of(documents, None, Some(marked), (1, 0)).unwrap();
        assert_eq!(
            (word.text(documents), word.kind),
            (Some(&paragraph[range.clone()]), PickedKind::Passage)
        );
        let item = Target::Sentence { document: 1, paragraph: 1, range: 0..6 };
        let picked = Picked::of(documents, Some(&item), Some(marked), (0, 2)).unwrap();
        assert_eq!((picked.document, picked.kind), (1, PickedKind::PanelItem));
        assert_eq!(Picked::of(documents, Some(&Target::Theme(0)), None, (0, 2)), None);
        assert_eq!(Picked::of(documents, None, None, (0, 999)), None);
    }
}
