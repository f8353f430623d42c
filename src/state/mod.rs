//! What the reader remembers between runs: each article's reading position, bookmarks and
//! notes, and the article open at exit. Articles are recognised by their content
//! ([`article_key`]), so a renamed file keeps its notes. [`store`] keeps it on disk.

pub mod store;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::corpus::Document;

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
}

impl ArticleState {
    /// The bookmark of paragraph `paragraph`, if it has one.
    pub fn bookmark(&self, paragraph: usize) -> Option<&Bookmark> {
        self.bookmarks.iter().find(|b| b.paragraph == paragraph)
    }

    /// Bookmark paragraph `paragraph`, or remove its bookmark (and note); returns whether it is
    /// bookmarked now.
    pub fn toggle_bookmark(&mut self, paragraph: usize) -> bool {
        match self.bookmarks.iter().position(|b| b.paragraph == paragraph) {
            Some(i) => {
                self.bookmarks.remove(i);
                false
            }
            None => {
                let at = self.bookmarks.partition_point(|b| b.paragraph < paragraph);
                self.bookmarks.insert(at, Bookmark { paragraph, note: None });
                true
            }
        }
    }

    /// Attach `note` to paragraph `paragraph` (bookmarking it); an empty note removes the
    /// note but keeps the bookmark.
    pub fn set_note(&mut self, paragraph: usize, note: &str) {
        if self.bookmark(paragraph).is_none() {
            self.toggle_bookmark(paragraph);
        }
        let note = note.trim();
        if let Some(b) = self.bookmarks.iter_mut().find(|b| b.paragraph == paragraph) {
            b.note = (!note.is_empty()).then(|| note.to_string());
        }
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
        assert!(article.toggle_bookmark(5));
        assert!(article.toggle_bookmark(2));
        assert_eq!(article.bookmarks.iter().map(|b| b.paragraph).collect::<Vec<_>>(), [2, 5]);
        article.set_note(7, "  ملاحظة مهمة ");
        assert_eq!(article.bookmark(7).unwrap().note.as_deref(), Some("ملاحظة مهمة"));
        article.set_note(7, "");
        assert_eq!(article.bookmark(7).unwrap().note, None);
        assert!(!article.toggle_bookmark(5));
        assert!(article.bookmark(5).is_none());
    }
}
