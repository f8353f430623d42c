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

/// A bookmarked paragraph, with the user's note if there is one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmark {
    /// Index of the paragraph.
    pub paragraph: usize,
    /// The note, as typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The paragraph's print when it was bookmarked (absent in files of earlier basiras
    /// until the article is read again).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub print: Option<ParagraphPrint>,
}

impl ArticleState {
    /// The bookmark of paragraph `paragraph`, if it has one.
    pub fn bookmark(&self, paragraph: usize) -> Option<&Bookmark> {
        self.bookmarks.iter().find(|b| b.paragraph == paragraph)
    }

    /// Bookmark paragraph `paragraph`, whose print is `print`, or remove its bookmark (and
    /// note); returns whether it is bookmarked now.
    pub fn toggle_bookmark(&mut self, paragraph: usize, print: ParagraphPrint) -> bool {
        match self.bookmarks.iter().position(|b| b.paragraph == paragraph) {
            Some(i) => {
                self.bookmarks.remove(i);
                false
            }
            None => {
                self.insert(Bookmark { paragraph, note: None, print: Some(print) });
                true
            }
        }
    }

    /// Attach `note` to paragraph `paragraph`, whose print is `print` (bookmarking it); an
    /// empty note removes the note but keeps the bookmark.
    pub fn set_note(&mut self, paragraph: usize, print: ParagraphPrint, note: &str) {
        if self.bookmark(paragraph).is_none() {
            self.toggle_bookmark(paragraph, print);
        }
        let note = note.trim();
        if let Some(b) = self.bookmarks.iter_mut().find(|b| b.paragraph == paragraph) {
            b.note = (!note.is_empty()).then(|| note.to_string());
        }
    }

    /// Add `bookmark` in paragraph order.
    pub fn insert(&mut self, bookmark: Bookmark) {
        let at = self.bookmarks.partition_point(|b| b.paragraph <= bookmark.paragraph);
        self.bookmarks.insert(at, bookmark);
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
        article.set_note(7, print(), "  ملاحظة مهمة ");
        assert_eq!(article.bookmark(7).unwrap().note.as_deref(), Some("ملاحظة مهمة"));
        assert_eq!(article.bookmark(7).unwrap().print, Some(print()));
        article.set_note(7, print(), "");
        assert_eq!(article.bookmark(7).unwrap().note, None);
        assert!(!article.toggle_bookmark(5, print()));
        assert!(article.bookmark(5).is_none());
    }
}
