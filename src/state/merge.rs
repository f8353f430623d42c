//! Joining what two readers changed: a three-way merge of the state this reader started from
//! (its *base*: what it last read from or wrote to the file), the state it has now, and the
//! state on disk now, which another reader may have written in between.
//!
//! What this reader did not change since its base is taken from the disk; what the other
//! reader did not change is taken from this reader. So a note added by either is kept, and
//! an item one of them removed stays removed: the base is this reader's record of what it
//! removed (a tombstone for every item it saw), so an unchanged copy it still holds never
//! brings back an item the other reader deleted. Items are compared by what a user sees of
//! them (whether a paragraph is bookmarked, and its note, each on its own; a position), never by bookkeeping such as prints.
//! When both readers changed the same item, nothing typed is lost: a note beats a removal,
//! and two different notes on one paragraph are joined.

use std::collections::{BTreeMap, BTreeSet};

use super::{ArticleState, Bookmark, ReaderState};

/// How two different notes on one paragraph, typed in two readers at once, are joined.
pub const NOTE_JOIN: &str = " / ";

/// The state with this reader's changes since `base` (`mine`) applied to what is on `disk`.
pub fn merge(base: &ReaderState, mine: &ReaderState, disk: &ReaderState) -> ReaderState {
    let keys: BTreeSet<&String> =
        base.articles.keys().chain(mine.articles.keys()).chain(disk.articles.keys()).collect();
    let mut articles = BTreeMap::new();
    for key in keys {
        let (b, m, d) = (base.articles.get(key), mine.articles.get(key), disk.articles.get(key));
        let merged = if m == b {
            d.cloned()
        } else if d == b {
            m.cloned()
        } else {
            let empty = ArticleState::default();
            let article =
                merge_article(b.unwrap_or(&empty), m.unwrap_or(&empty), d.unwrap_or(&empty));
            (article != empty).then_some(article)
        };
        if let Some(article) = merged {
            articles.insert(key.clone(), article);
        }
    }
    let last_article = pick(&base.last_article, &mine.last_article, &disk.last_article).clone();
    ReaderState { articles, last_article }
}

/// The side that changed: `disk` when `mine` is as it was in `base`, else `mine`.
fn pick<'a, T: PartialEq>(base: &T, mine: &'a T, disk: &'a T) -> &'a T {
    if mine == base { disk } else { mine }
}

/// One article changed by both readers: each field, and each bookmark, merged on its own.
fn merge_article(base: &ArticleState, mine: &ArticleState, disk: &ArticleState) -> ArticleState {
    let paragraphs: BTreeSet<usize> =
        [base, mine, disk].iter().flat_map(|a| a.bookmarks.iter().map(|b| b.paragraph)).collect();
    let bookmarks = paragraphs
        .into_iter()
        .filter_map(|p| merge_bookmark(find(base, p), find(mine, p), find(disk, p)))
        .collect();
    ArticleState {
        position: *pick(&base.position, &mine.position, &disk.position),
        bookmarks,
        path: pick(&base.path, &mine.path, &disk.path).clone(),
        title: pick(&base.title, &mine.title, &disk.title).clone(),
    }
}

/// The bookmark of paragraph `paragraph` in `article`.
fn find(article: &ArticleState, paragraph: usize) -> Option<&Bookmark> {
    article.bookmark(paragraph)
}

/// What a user sees of a paragraph's mark: whether it is bookmarked, and its note.
fn seen(mark: Option<&Bookmark>) -> (bool, Option<&str>) {
    mark.map_or((false, None), |b| (b.bookmarked, b.note.as_deref()))
}

/// One paragraph's mark as `base`, `mine` and `disk` have it (None: neither bookmarked nor
/// noted). The bookmark and the note are merged apart, each taken from the side that changed
/// it; when both changed one, a bookmark kept beats a removal, a note beats a removal, and two
/// different notes are both kept.
fn merge_bookmark(
    base: Option<&Bookmark>,
    mine: Option<&Bookmark>,
    disk: Option<&Bookmark>,
) -> Option<Bookmark> {
    let (b, m, d) = (seen(base), seen(mine), seen(disk));
    let bookmarked = if m.0 == b.0 {
        d.0
    } else if d.0 == b.0 {
        m.0
    } else {
        m.0 || d.0
    };
    let note = if m.1 == b.1 {
        d.1.map(str::to_string)
    } else if d.1 == b.1 {
        m.1.map(str::to_string)
    } else {
        join_notes(d.1, m.1)
    };
    if !bookmarked && note.is_none() {
        return None;
    }
    let paragraph = [mine, disk, base].into_iter().flatten().next()?.paragraph;
    let print = [mine, disk, base].into_iter().flatten().find_map(|b| b.print.clone());
    Some(Bookmark { paragraph, bookmarked, note, print })
}

/// Two readers' notes on one paragraph as one: either alone, the longer when it holds the
/// other (one reader went on typing), else both.
fn join_notes(first: Option<&str>, second: Option<&str>) -> Option<String> {
    match (first, second) {
        (Some(a), Some(b)) if a.contains(b) => Some(a.to_string()),
        (Some(a), Some(b)) if b.contains(a) => Some(b.to_string()),
        (Some(a), Some(b)) => Some(format!("{a}{NOTE_JOIN}{b}")),
        (one, other) => one.or(other).map(str::to_string),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{ParagraphPrint, Position};

    fn bookmark(paragraph: usize, note: Option<&str>) -> Bookmark {
        Bookmark { paragraph, bookmarked: true, note: note.map(str::to_string), print: None }
    }

    fn state(articles: &[(&str, Vec<Bookmark>)]) -> ReaderState {
        let articles = articles
            .iter()
            .map(|(key, bookmarks)| {
                (
                    key.to_string(),
                    ArticleState { bookmarks: bookmarks.clone(), ..Default::default() },
                )
            })
            .collect();
        ReaderState { articles, last_article: None }
    }

    fn notes(state: &ReaderState, key: &str) -> Vec<(usize, Option<String>)> {
        state.articles.get(key).map_or(Vec::new(), |a| {
            a.bookmarks.iter().map(|b| (b.paragraph, b.note.clone())).collect()
        })
    }

    #[test]
    fn notes_added_by_both_readers_are_all_kept() {
        let base = state(&[]);
        let mine = state(&[("a", vec![bookmark(1, Some("mine"))])]);
        let disk =
            state(&[("a", vec![bookmark(4, Some("theirs"))]), ("b", vec![bookmark(0, None)])]);
        let merged = merge(&base, &mine, &disk);
        assert_eq!(notes(&merged, "a"), [(1, Some("mine".into())), (4, Some("theirs".into()))]);
        assert_eq!(notes(&merged, "b"), [(0, None)]);
    }

    #[test]
    fn an_item_the_other_reader_removed_is_not_brought_back() {
        let base = state(&[("a", vec![bookmark(1, Some("old")), bookmark(2, None)])]);
        // This reader only scrolled; the other removed paragraph 1's bookmark.
        let mut mine = base.clone();
        mine.articles.get_mut("a").unwrap().position =
            Position { paragraph: 3, line: 0, current: 3 };
        let disk = state(&[("a", vec![bookmark(2, None)])]);
        let merged = merge(&base, &mine, &disk);
        assert_eq!(notes(&merged, "a"), [(2, None)]);
        assert_eq!(merged.articles["a"].position.paragraph, 3);
        // And a removal of this reader's own is kept against a disk that still has it.
        let mine = state(&[("a", vec![bookmark(2, None)])]);
        let merged = merge(&base, &mine, &base);
        assert_eq!(notes(&merged, "a"), [(2, None)]);
    }

    #[test]
    fn when_both_changed_one_note_nothing_typed_is_lost() {
        let base = state(&[("a", vec![bookmark(1, Some("old"))])]);
        let removed = state(&[("a", vec![])]);
        let edited = state(&[("a", vec![bookmark(1, Some("old, and more"))])]);
        let other = state(&[("a", vec![bookmark(1, Some("different"))])]);
        assert_eq!(
            notes(&merge(&base, &removed, &edited), "a"),
            [(1, Some("old, and more".into()))]
        );
        assert_eq!(
            notes(&merge(&base, &edited, &removed), "a"),
            [(1, Some("old, and more".into()))]
        );
        assert_eq!(
            notes(&merge(&base, &edited, &other), "a"),
            [(1, Some(format!("different{NOTE_JOIN}old, and more")))]
        );
    }

    #[test]
    fn a_bookmark_and_a_note_are_merged_apart() {
        let base = state(&[("a", vec![bookmark(1, Some("old"))])]);
        // This reader took the bookmark off (the note stays); the other edited the note.
        let mut mine = base.clone();
        mine.articles.get_mut("a").unwrap().bookmarks[0].bookmarked = false;
        let disk = state(&[("a", vec![bookmark(1, Some("old, edited"))])]);
        let merged = merge(&base, &mine, &disk);
        let kept = &merged.articles["a"].bookmarks[0];
        assert!(!kept.bookmarked);
        assert_eq!(kept.note.as_deref(), Some("old, edited"));
        // One reader deleted the note, the other took the bookmark off: nothing is left.
        let mut unbookmarked = base.clone();
        unbookmarked.articles.get_mut("a").unwrap().bookmarks[0].bookmarked = false;
        let unnoted = state(&[("a", vec![bookmark(1, None)])]);
        assert!(
            merge(&base, &unbookmarked, &unnoted)
                .articles
                .get("a")
                .is_none_or(|a| a.bookmarks.is_empty())
        );
    }

    #[test]
    fn prints_are_bookkeeping_not_a_change() {
        let base = state(&[("a", vec![bookmark(1, Some("note"))])]);
        let mut mine = base.clone();
        mine.articles.get_mut("a").unwrap().bookmarks[0].print = Some(ParagraphPrint::of("نص"));
        let disk = state(&[("a", vec![bookmark(1, Some("edited there"))])]);
        let merged = merge(&base, &mine, &disk);
        let kept = &merged.articles["a"].bookmarks[0];
        assert_eq!(kept.note.as_deref(), Some("edited there"));
        assert_eq!(kept.print, Some(ParagraphPrint::of("نص")));
    }

    #[test]
    fn the_last_article_is_the_last_one_changed() {
        let base = ReaderState { last_article: Some("a".into()), ..Default::default() };
        let disk = ReaderState { last_article: Some("b".into()), ..Default::default() };
        assert_eq!(merge(&base, &base, &disk).last_article.as_deref(), Some("b"));
        let mine = ReaderState { last_article: Some("c".into()), ..Default::default() };
        assert_eq!(merge(&base, &mine, &disk).last_article.as_deref(), Some("c"));
    }
}
