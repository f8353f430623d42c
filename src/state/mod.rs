//! What the reader remembers between runs: each article's reading position, bookmarks and
//! notes, and the article open at exit. Articles are recognised by their content
//! ([`article_key`]), so a renamed file keeps its notes; every bookmark carries its
//! paragraph's [`ParagraphPrint`], so that [`place`] finds it again in an edited article and
//! [`merge`] joins what two readers changed. [`store`] keeps it on disk.

pub mod anchor;
pub mod merge;
pub mod place;
pub mod store;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::corpus::Document;
pub use anchor::ParagraphPrint;

/// Everything remembered.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReaderState {
    /// Per article, by [`article_key`].
    #[serde(default)]
    pub articles: BTreeMap<String, ArticleState>,
    /// The key of the article that was open at the last exit.
    #[serde(default)]
    pub last_article: Option<String>,
}

/// What is remembered of one article.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleState {
    /// Where the reader was.
    #[serde(default)]
    pub position: Position,
    /// Bookmarked paragraphs, in paragraph order.
    #[serde(default)]
    pub bookmarks: Vec<Bookmark>,
    /// Where the article was read from (its canonical path, or `builtin:NAME`): with
    /// [`ArticleState::title`], how an edited article, whose key has changed, is found again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The article's title when it was last read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// A reading position that does not depend on the screen's width: a paragraph, and the line of
/// it at the top of the screen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// Index of the paragraph at the top.
    pub paragraph: usize,
    /// Its line at the top (at the width it was read at; clamped when the width changed).
    pub line: usize,
    /// The current paragraph.
    #[serde(default)]
    pub current: usize,
}

/// A paragraph the reader marked: bookmarked, noted, or both. The two are separate: removing
/// the bookmark keeps the note, and the entry goes only when it has neither.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmark {
    /// Index of the paragraph.
    pub paragraph: usize,
    /// Whether the paragraph is bookmarked (files of earlier basiras, where every entry was a
    /// bookmark, have no such field; it is written only when false).
    #[serde(default = "yes", skip_serializing_if = "is_yes")]
    pub bookmarked: bool,
    /// The note, as typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The paragraph's print when it was bookmarked (absent in files of earlier basiras
    /// until the article is read again).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub print: Option<ParagraphPrint>,
}

/// The default of [`Bookmark::bookmarked`] in a file that does not say.
fn yes() -> bool {
    true
}

/// Whether `bookmarked` is the default, not written.
fn is_yes(bookmarked: &bool) -> bool {
    *bookmarked
}

impl Bookmark {
    /// A mark on paragraph `paragraph`, whose print is `print`, with neither a bookmark nor a
    /// note yet.
    fn blank(paragraph: usize, print: ParagraphPrint) -> Bookmark {
        Bookmark { paragraph, bookmarked: false, note: None, print: Some(print) }
    }

    /// Whether the mark holds nothing: neither a bookmark nor a note.
    fn is_blank(&self) -> bool {
        !self.bookmarked && self.note.is_none()
    }
}

impl ArticleState {
    /// The mark (bookmark, note or both) of paragraph `paragraph`, if it has one.
    pub fn bookmark(&self, paragraph: usize) -> Option<&Bookmark> {
        self.bookmarks.iter().find(|b| b.paragraph == paragraph)
    }

    /// The mark of paragraph `paragraph` (whose print is `print`) to change, made blank if it
    /// has none.
    fn mark_mut(&mut self, paragraph: usize, print: ParagraphPrint) -> &mut Bookmark {
        let at = match self.bookmarks.iter().position(|b| b.paragraph == paragraph) {
            Some(at) => at,
            None => self.insert(Bookmark::blank(paragraph, print)),
        };
        &mut self.bookmarks[at]
    }

    /// Drop paragraph `paragraph`'s mark if it holds nothing any more.
    fn drop_if_blank(&mut self, paragraph: usize) {
        self.bookmarks.retain(|b| b.paragraph != paragraph || !b.is_blank());
    }

    /// Bookmark paragraph `paragraph`, whose print is `print`, or remove its bookmark (its
    /// note stays); returns whether it is bookmarked now.
    pub fn toggle_bookmark(&mut self, paragraph: usize, print: ParagraphPrint) -> bool {
        let mark = self.mark_mut(paragraph, print);
        mark.bookmarked = !mark.bookmarked;
        let on = mark.bookmarked;
        self.drop_if_blank(paragraph);
        on
    }

    /// Attach `note` to paragraph `paragraph`, whose print is `print` (its bookmark, or the
    /// lack of one, stays as it is); an empty note removes the note. Returns the note it had.
    pub fn set_note(
        &mut self,
        paragraph: usize,
        print: ParagraphPrint,
        note: &str,
    ) -> Option<String> {
        let note = note.trim();
        let mark = self.mark_mut(paragraph, print);
        let had = std::mem::replace(&mut mark.note, (!note.is_empty()).then(|| note.to_string()));
        self.drop_if_blank(paragraph);
        had
    }

    /// Give paragraph `paragraph` back what `removed` held of it (its bookmark, its note):
    /// what a removal took. A note typed there since is kept, with the old one joined to it.
    pub fn restore(&mut self, removed: &Bookmark) {
        let print = removed.print.clone().unwrap_or_else(|| ParagraphPrint::of(""));
        let mark = self.mark_mut(removed.paragraph, print);
        mark.bookmarked |= removed.bookmarked;
        mark.note = match (mark.note.take(), removed.note.clone()) {
            (Some(now), Some(old)) if now.contains(&old) => Some(now),
            (Some(now), Some(old)) => Some(format!("{old}{}{now}", merge::NOTE_JOIN)),
            (now, old) => now.or(old),
        };
        if mark.print.is_none() {
            mark.print = removed.print.clone();
        }
    }

    /// Add `bookmark` in paragraph order; returns where it went.
    pub fn insert(&mut self, bookmark: Bookmark) -> usize {
        let at = self.bookmarks.partition_point(|b| b.paragraph <= bookmark.paragraph);
        self.bookmarks.insert(at, bookmark);
        at
    }
}

/// The key an article is remembered by: a hash of its paragraphs' text, so that the same text
/// under another name or path is the same article.
pub fn article_key(document: &Document) -> String {
    let mut hash = Sha256::new();
    for paragraph in &document.paragraphs {
        hash.update(paragraph.text.as_bytes());
        hash.update([0x1f]);
    }
    hash.finalize().iter().take(16).map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::parse_document;

    #[test]
    fn the_key_follows_the_text_not_the_name() {
        let a = parse_document("a.txt", "عنوان\n\nنص الفقرة الأولى.", false);
        let b = parse_document("renamed/b.txt", "عنوان\n\nنص الفقرة الأولى.", false);
        let c = parse_document("a.txt", "عنوان\n\nنص آخر.", false);
        assert_eq!(article_key(&a), article_key(&b));
        assert_ne!(article_key(&a), article_key(&c));
    }

    #[test]
    fn bookmarks_and_notes() {
        let mut article = ArticleState::default();
        let print = || ParagraphPrint::of("فقرة");
        assert!(article.toggle_bookmark(5, print()));
        assert!(article.toggle_bookmark(2, print()));
        assert_eq!(article.bookmarks.iter().map(|b| b.paragraph).collect::<Vec<_>>(), [2, 5]);
        assert_eq!(article.set_note(7, print(), "  ملاحظة مهمة "), None);
        let noted = article.bookmark(7).unwrap();
        assert_eq!(noted.note.as_deref(), Some("ملاحظة مهمة"));
        assert!(!noted.bookmarked, "a note does not bookmark its paragraph");
        assert_eq!(noted.print, Some(print()));
        assert_eq!(article.set_note(7, print(), "").as_deref(), Some("ملاحظة مهمة"));
        assert!(article.bookmark(7).is_none(), "nothing left of the mark");
        assert!(!article.toggle_bookmark(5, print()));
        assert!(article.bookmark(5).is_none());
    }

    #[test]
    fn a_bookmark_and_a_note_come_and_go_apart() {
        let mut article = ArticleState::default();
        let print = || ParagraphPrint::of("فقرة");
        article.set_note(3, print(), "مهم");
        assert!(article.toggle_bookmark(3, print()));
        assert!(!article.toggle_bookmark(3, print()), "the bookmark goes");
        assert_eq!(article.bookmark(3).unwrap().note.as_deref(), Some("مهم"), "the note stays");
        article.toggle_bookmark(3, print());
        let removed = article.bookmark(3).unwrap().clone();
        article.set_note(3, print(), "");
        assert!(article.bookmark(3).unwrap().bookmarked, "the bookmark stays");
        article.toggle_bookmark(3, print());
        assert!(article.bookmarks.is_empty());
        article.set_note(3, print(), "جديدة");
        article.restore(&removed);
        let back = article.bookmark(3).unwrap();
        assert!(back.bookmarked);
        assert_eq!(back.note.as_deref(), Some(format!("مهم{}جديدة", merge::NOTE_JOIN).as_str()));
    }

    #[test]
    fn files_of_earlier_basiras_read_as_bookmarks() {
        let old: Bookmark = serde_json::from_str(r#"{"paragraph":4,"note":"قديمة"}"#).unwrap();
        assert!(old.bookmarked);
        let only_noted = Bookmark { bookmarked: false, ..old.clone() };
        let written = serde_json::to_string(&only_noted).unwrap();
        assert!(written.contains(r#""bookmarked":false"#), "{written}");
        assert!(!serde_json::to_string(&old).unwrap().contains("bookmarked"));
    }
}
