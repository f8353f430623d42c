//! Putting a remembered state onto the articles opened now.
//!
//! An article is remembered under the key of its text, so an edit (one added comma) gives it
//! a new key and its bookmarks would be out of reach. Here an entry whose key matches no
//! open article is matched to the article it was read from — by its path, else by its title
//! — and each of its bookmarks is found again in that article by its paragraph's print: the
//! paragraph with the same words, else the nearest with the same opening words. What is found
//! moves to the article's new key; what is not stays where it was and is reported, so that a
//! reader can list it (`W`) and nothing is lost. A bookmark past its article's end (a file
//! edited by hand) is reported too, and kept.

use std::collections::HashMap;
use std::path::Path;

use super::{ArticleState, Bookmark, ParagraphPrint, ReaderState};
use crate::corpus::Document;

/// A bookmark that could not be shown in its article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unplaced {
    /// The article it belongs to, by index among the open ones.
    pub document: usize,
    /// The bookmark, as remembered.
    pub bookmark: Bookmark,
    /// Why it could not be placed.
    pub reason: Reason,
}

/// Why a bookmark could not be placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// Its paragraph is past the end of its (unchanged) article.
    PastTheEnd,
    /// Its article was edited and no paragraph of it reads like the bookmarked one now.
    NotFoundAfterEdit,
}

/// A state placed on the open articles.
#[derive(Debug)]
pub struct Placed {
    /// The state, with the bookmarks of edited articles moved to their new keys and the prints
    /// of bookmarks that had none filled in.
    pub state: ReaderState,
    /// What could not be placed (still in [`Placed::state`]).
    pub unplaced: Vec<Unplaced>,
}

/// Place `state` on `documents`, whose keys are `keys` ([`super::article_key`]).
pub fn place(state: &ReaderState, documents: &[Document], keys: &[String]) -> Placed {
    let mut placed = Placed { state: state.clone(), unplaced: Vec::new() };
    let open: HashMap<&str, usize> =
        keys.iter().enumerate().map(|(i, key)| (key.as_str(), i)).collect();
    for (i, key) in keys.iter().enumerate() {
        if let Some(article) = placed.state.articles.get_mut(key) {
            complete(article, &documents[i], i, &mut placed.unplaced);
        }
    }
    let stale: Vec<String> = state
        .articles
        .iter()
        .filter(|(key, article)| !open.contains_key(key.as_str()) && article.title.is_some())
        .map(|(key, _)| key.clone())
        .collect();
    if stale.is_empty() {
        return placed;
    }
    let finder = Finder::new(documents);
    for key in stale {
        let article = &state.articles[&key];
        if let Some(document) = finder.find(article) {
            move_to(&mut placed, &key, document, &documents[document], &keys[document]);
        }
    }
    placed
}

/// Fill in what an entry of an unchanged article lacks (prints, path, title) and report its
/// bookmarks past the article's end.
fn complete(
    article: &mut ArticleState,
    document: &Document,
    index: usize,
    out: &mut Vec<Unplaced>,
) {
    for bookmark in &mut article.bookmarks {
        match document.paragraphs.get(bookmark.paragraph) {
            Some(paragraph) => {
                if bookmark.print.is_none() {
                    bookmark.print = Some(ParagraphPrint::of(&paragraph.text));
                }
            }
            None => out.push(Unplaced {
                document: index,
                bookmark: bookmark.clone(),
                reason: Reason::PastTheEnd,
            }),
        }
    }
    if article.path.is_none() {
        article.path = Some(stored_path(document));
    }
    if article.title.as_deref() != Some(&document.title) {
        article.title = Some(document.title.clone());
    }
}

/// The path an article is remembered by: its canonical path, or `builtin:NAME` as it is.
pub fn stored_path(document: &Document) -> String {
    canonical(&document.path).unwrap_or_else(|| document.path.clone())
}

/// `path` made absolute with links resolved, when it names a file or a chapter of an e-book
/// (`BOOK#N`: the book's canonical path and the chapter).
fn canonical(path: &str) -> Option<String> {
    if let Ok(file) = Path::new(path).canonicalize() {
        return file.to_str().map(str::to_string);
    }
    let (book, chapter) = path.rsplit_once('#')?;
    if chapter.is_empty() || !chapter.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let book = Path::new(book).canonicalize().ok()?;
    Some(format!("{}#{chapter}", book.to_str()?))
}

/// Finds the open article a stale entry was read from.
struct Finder<'d> {
    documents: &'d [Document],
    by_title: HashMap<&'d str, Vec<usize>>,
    by_file_name: HashMap<&'d str, Vec<usize>>,
}

impl<'d> Finder<'d> {
    fn new(documents: &'d [Document]) -> Finder<'d> {
        let mut by_title: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut by_file_name: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, document) in documents.iter().enumerate() {
            by_title.entry(document.title.as_str()).or_default().push(i);
            by_file_name.entry(file_name(&document.path)).or_default().push(i);
        }
        Finder { documents, by_title, by_file_name }
    }

    /// The article with `article`'s path; else, when that path names no file now, the one
    /// article with its title.
    fn find(&self, article: &ArticleState) -> Option<usize> {
        if let Some(path) = &article.path {
            let same_name = self.by_file_name.get(file_name(path)).map_or(&[][..], Vec::as_slice);
            let same_path = |&&i: &&usize| {
                let candidate = &self.documents[i].path;
                candidate == path || canonical(candidate).as_ref() == Some(path)
            };
            if let Some(&i) = same_name.iter().find(same_path) {
                return Some(i);
            }
        }
        // By its title only when the file it was read from is gone (renamed as well as
        // edited): a file still there is another article, whatever its title.
        if article.path.as_ref().is_some_and(|path| Path::new(path).exists()) {
            return None;
        }
        match self.by_title.get(article.title.as_deref()?)?.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }
}

/// The last component of a path (`builtin:NAME` is its own).
fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// Move the bookmarks of the stale entry `key` into `document` (key `new_key`), each to the
/// paragraph that reads like its own; what is not found stays under `key` and is reported.
fn move_to(placed: &mut Placed, key: &str, index: usize, document: &Document, new_key: &str) {
    let Some(old) = placed.state.articles.remove(key) else { return };
    let prints: Vec<ParagraphPrint> =
        document.paragraphs.iter().map(|p| ParagraphPrint::of(&p.text)).collect();
    let target_existed = placed.state.articles.contains_key(new_key);
    let target = placed.state.articles.entry(new_key.to_string()).or_default();
    let mut left = Vec::new();
    for bookmark in old.bookmarks {
        match bookmark.print.as_ref().and_then(|print| refind(print, bookmark.paragraph, &prints)) {
            Some(paragraph) => {
                let print = Some(prints[paragraph].clone());
                add(target, Bookmark { paragraph, print, ..bookmark });
            }
            None => {
                placed.unplaced.push(Unplaced {
                    document: index,
                    bookmark: bookmark.clone(),
                    reason: Reason::NotFoundAfterEdit,
                });
                left.push(bookmark);
            }
        }
    }
    if !target_existed {
        let last = document.paragraphs.len().saturating_sub(1);
        target.position = old.position;
        target.position.paragraph = target.position.paragraph.min(last);
        target.position.current = target.position.current.min(last);
    }
    target.path = Some(stored_path(document));
    target.title = Some(document.title.clone());
    if !left.is_empty() {
        placed.state.articles.insert(key.to_string(), ArticleState { bookmarks: left, ..old });
    }
    if placed.state.last_article.as_deref() == Some(key) {
        placed.state.last_article = Some(new_key.to_string());
    }
    move_deck_items(&mut placed.state, key, new_key, &prints);
}

/// Move the deck items of the stale article `key` to `new_key`, each to the paragraph of
/// `prints` that reads like its own (the range chosen in it let go: the paragraph may have
/// changed); an item not found stays as it was.
fn move_deck_items(state: &mut ReaderState, key: &str, new_key: &str, prints: &[ParagraphPrint]) {
    let items = state.decks.iter_mut().flat_map(|d| d.items.iter_mut());
    for item in items.filter(|i| i.article == key) {
        let found = item.print.as_ref().and_then(|print| refind(print, item.paragraph, prints));
        if let Some(paragraph) = found {
            item.article = new_key.to_string();
            item.paragraph = paragraph;
            item.print = Some(prints[paragraph].clone());
            item.range = None;
        }
    }
}

/// The paragraph of the edited article that is the bookmarked one: the same words, else the
/// same opening words, the nearest to where it was when several are.
fn refind(print: &ParagraphPrint, was: usize, prints: &[ParagraphPrint]) -> Option<usize> {
    let nearest = |same: &dyn Fn(&ParagraphPrint) -> bool| {
        (0..prints.len()).filter(|&i| same(&prints[i])).min_by_key(|&i| i.abs_diff(was))
    };
    nearest(&|p| p.words == print.words)
        .or_else(|| nearest(&|p| !print.opening.is_empty() && p.opening == print.opening))
}

/// Add `bookmark` to `article`; on a paragraph already marked, its bookmark joins the one
/// there and its note the note there.
fn add(article: &mut ArticleState, bookmark: Bookmark) {
    match article.bookmarks.iter_mut().find(|b| b.paragraph == bookmark.paragraph) {
        Some(there) => {
            there.bookmarked |= bookmark.bookmarked;
            there.note = match (there.note.take(), bookmark.note) {
                (Some(a), Some(b)) if a == b => Some(a),
                (Some(a), Some(b)) => Some(format!("{a}{}{b}", super::merge::NOTE_JOIN)),
                (a, b) => a.or(b),
            };
        }
        None => {
            article.insert(bookmark);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::parse_document;
    use crate::state::article_key;

    #[test]
    fn a_chapter_is_remembered_by_its_books_canonical_path() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("book.epub"), b"PK").unwrap();
        let relative = dir.path().join(".").join("book.epub#3");
        let document = parse_document(relative.to_str().unwrap(), "نص", false);
        let book = dir.path().canonicalize().unwrap().join("book.epub");
        assert_eq!(stored_path(&document), format!("{}#3", book.display()));
        let missing = parse_document("/no/such/book.epub#3", "نص", false);
        assert_eq!(stored_path(&missing), "/no/such/book.epub#3");
    }

    const ARTICLE: &str = "عنوان المقال\n\nالفقرة الأولى تتحدث عن المدينة القديمة وأسوارها.\n\n\
                           الفقرة الثانية تصف السوق الكبير في وسط المدينة.\n\n\
                           الفقرة الثالثة عن الميناء والسفن التي ترسو فيه.";

    fn noted(document: &Document, notes: &[(usize, &str)]) -> ReaderState {
        let mut article = ArticleState {
            path: Some(document.path.clone()),
            title: Some(document.title.clone()),
            ..Default::default()
        };
        for &(paragraph, note) in notes {
            let print = ParagraphPrint::of(&document.paragraphs[paragraph].text);
            article.set_note(paragraph, print, note);
        }
        let mut state = ReaderState::default();
        state.articles.insert(article_key(document), article);
        state
    }

    fn notes_of(state: &ReaderState, key: &str) -> Vec<(usize, String)> {
        let article = &state.articles[key];
        article
            .bookmarks
            .iter()
            .map(|b| (b.paragraph, b.note.clone().unwrap_or_default()))
            .collect()
    }

    #[test]
    fn notes_follow_their_paragraphs_into_the_edited_article() {
        let before = parse_document("a.txt", ARTICLE, false);
        let state = noted(&before, &[(1, "أسوار"), (2, "السوق"), (3, "الميناء")]);
        // A comma added to the second paragraph, a new paragraph put before the third.
        let edited = ARTICLE
            .replace("تصف السوق", "تصف، السوق")
            .replace("\n\nالفقرة الثالثة", "\n\nفقرة جديدة أضيفت هنا.\n\nالفقرة الثالثة");
        let after = parse_document("a.txt", &edited, false);
        let keys = vec![article_key(&after)];
        let placed = place(&state, std::slice::from_ref(&after), &keys);
        assert_eq!(placed.unplaced, []);
        assert_eq!(
            notes_of(&placed.state, &keys[0]),
            [(1, "أسوار".to_string()), (2, "السوق".to_string()), (4, "الميناء".to_string())]
        );
        assert_eq!(placed.state.articles.len(), 1, "the old entry is gone: {:?}", placed.state);
    }

    #[test]
    fn deck_items_follow_their_paragraphs_into_the_edited_article() {
        use crate::state::{Deck, DeckItem};
        let before = parse_document("a.txt", ARTICLE, false);
        let mut state = noted(&before, &[(1, "أسوار")]);
        let old_key = article_key(&before);
        let item = |paragraph: usize, range| DeckItem {
            article: old_key.clone(),
            paragraph,
            range,
            print: Some(ParagraphPrint::of(&before.paragraphs[paragraph].text)),
        };
        let items = vec![item(3, Some([0, 10])), item(2, None)];
        state.decks.push(Deck { name: "جلسة".into(), items });
        // A paragraph put before the third; the second rewritten beyond recognition.
        let edited = ARTICLE
            .replace("\n\nالفقرة الثالثة", "\n\nفقرة جديدة أضيفت هنا.\n\nالفقرة الثالثة")
            .replace("الفقرة الثانية تصف السوق الكبير في وسط المدينة.", "كلام آخر تماما.");
        let after = parse_document("a.txt", &edited, false);
        let keys = vec![article_key(&after)];
        let placed = place(&state, std::slice::from_ref(&after), &keys);
        let items = &placed.state.decks[0].items;
        assert_eq!((items[0].article.as_str(), items[0].paragraph), (keys[0].as_str(), 4));
        assert_eq!(items[0].range, None);
        assert_eq!((items[1].article.as_str(), items[1].paragraph), (old_key.as_str(), 2));
    }

    #[test]
    fn a_note_whose_paragraph_is_gone_stays_and_is_reported() {
        let before = parse_document("a.txt", ARTICLE, false);
        let state = noted(&before, &[(1, "أسوار"), (3, "الميناء")]);
        let edited =
            ARTICLE.replace("الفقرة الثالثة عن الميناء والسفن التي ترسو فيه.", "خاتمة أخرى تماما.");
        let after = parse_document("renamed/a.txt", &edited, false);
        let keys = vec![article_key(&after)];
        let placed = place(&state, std::slice::from_ref(&after), &keys);
        assert_eq!(notes_of(&placed.state, &keys[0]), [(1, "أسوار".to_string())]);
        let [unplaced] = placed.unplaced.as_slice() else { panic!("{:?}", placed.unplaced) };
        assert_eq!(unplaced.reason, Reason::NotFoundAfterEdit);
        assert_eq!(unplaced.bookmark.note.as_deref(), Some("الميناء"));
        // Still in the state, under the old key, for the next run and for the user.
        assert_eq!(notes_of(&placed.state, &article_key(&before)), [(3, "الميناء".to_string())]);
    }

    #[test]
    fn articles_of_other_folders_are_left_alone() {
        let other = parse_document("elsewhere.txt", "عنوان آخر\n\nنص لا علاقة له.", false);
        let state = noted(&other, &[(1, "ملاحظة")]);
        let open = parse_document("a.txt", ARTICLE, false);
        let keys = vec![article_key(&open)];
        let placed = place(&state, std::slice::from_ref(&open), &keys);
        assert_eq!(placed.state, state);
        assert_eq!(placed.unplaced, []);
    }

    #[test]
    fn past_the_end_is_reported_and_kept_and_prints_are_filled() {
        let document = parse_document("a.txt", ARTICLE, false);
        let mut state = noted(&document, &[]);
        let key = article_key(&document);
        let article = state.articles.get_mut(&key).unwrap();
        article.bookmarks = vec![
            Bookmark { paragraph: 2, bookmarked: true, note: None, print: None },
            Bookmark {
                paragraph: 999, bookmarked: true, note: Some("بعيد".into()), print: None
            },
        ];
        let placed = place(&state, std::slice::from_ref(&document), std::slice::from_ref(&key));
        let bookmarks = &placed.state.articles[&key].bookmarks;
        assert_eq!(bookmarks[0].print, Some(ParagraphPrint::of(&document.paragraphs[2].text)));
        assert_eq!(bookmarks[1].paragraph, 999);
        assert_eq!(placed.unplaced.len(), 1);
        assert_eq!(placed.unplaced[0].reason, Reason::PastTheEnd);
    }

    #[test]
    fn another_file_of_the_same_title_is_another_article() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = dir.path().join("other.txt");
        std::fs::write(&elsewhere, "x").unwrap();
        let other = parse_document(elsewhere.to_str().unwrap(), ARTICLE, false);
        let state = noted(&other, &[(1, "ملاحظة")]);
        let edited = ARTICLE.replace("وأسوارها", "وأسوارها العالية");
        let open = parse_document("a.txt", &edited, false);
        let keys = vec![article_key(&open)];
        let placed = place(&state, std::slice::from_ref(&open), &keys);
        assert_eq!(placed.state, state);
    }
}
