//! Decks: ordered lists of places a trainer chooses to present — key points, passages of a
//! theme, bookmarks, search hits — kept in the state beside the bookmarks, several of them,
//! each by its name. An item is anchored as a note is: its article's key and its paragraph
//! with that paragraph's [`ParagraphPrint`], so that it is found again in an edited article
//! (by `place`) and merged with what another reader changed (by `merge`).

use serde::{Deserialize, Serialize};

use super::ParagraphPrint;

/// A named, ordered list of places to present.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deck {
    /// The deck's name, as typed.
    pub name: String,
    /// Its places, in the order they are presented.
    #[serde(default)]
    pub items: Vec<DeckItem>,
}

/// A place in a deck.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeckItem {
    /// The key of its article ([`super::article_key`]).
    pub article: String,
    /// Index of the paragraph.
    pub paragraph: usize,
    /// The bytes of the paragraph that were chosen (a key point's sentence, a hit), when not
    /// the whole paragraph; dropped when the paragraph is found again in an edited article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<[usize; 2]>,
    /// The paragraph's print when it was added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub print: Option<ParagraphPrint>,
}

impl DeckItem {
    /// Whether `other` is the same place (prints are bookkeeping).
    pub fn same_place(&self, other: &DeckItem) -> bool {
        (&self.article, self.paragraph, self.range)
            == (&other.article, other.paragraph, other.range)
    }
}

impl Deck {
    /// Add `item` at the end, unless the deck has that place already; returns whether it was
    /// added.
    pub fn add(&mut self, item: DeckItem) -> bool {
        if self.items.iter().any(|i| i.same_place(&item)) {
            return false;
        }
        self.items.push(item);
        true
    }

    /// Move item `index` by `step` places (negative: towards the start), stopping at either
    /// end; returns its new index.
    pub fn shift(&mut self, index: usize, step: isize) -> usize {
        if index >= self.items.len() {
            return index;
        }
        let to = (index as isize + step).clamp(0, self.items.len() as isize - 1) as usize;
        let item = self.items.remove(index);
        self.items.insert(to, item);
        to
    }
}

/// The three-way merge of the decks of the base, this reader and the disk (see
/// the state's `merge`): each deck by its name, taken from the side that changed it; a deck both
/// changed keeps this reader's order, with the items the other reader added appended and
/// those it removed left out.
pub fn merge_decks(base: &[Deck], mine: &[Deck], disk: &[Deck]) -> Vec<Deck> {
    let find = |decks: &'_ [Deck], name: &str| decks.iter().find(|d| d.name == name).cloned();
    let mut names: Vec<&str> = Vec::new();
    for deck in mine.iter().chain(disk).chain(base) {
        if !names.contains(&deck.name.as_str()) {
            names.push(&deck.name);
        }
    }
    let mut merged = Vec::new();
    for name in names {
        let (b, m, d) = (find(base, name), find(mine, name), find(disk, name));
        let deck = if m == b {
            d
        } else if d == b {
            m
        } else {
            Some(merge_items(b.unwrap_or_default(), m.unwrap_or_default(), d.unwrap_or_default()))
        };
        merged.extend(deck);
    }
    merged
}

/// One deck changed by both readers (see [`merge_decks`]).
fn merge_items(base: Deck, mine: Deck, disk: Deck) -> Deck {
    let has = |deck: &Deck, item: &DeckItem| deck.items.iter().any(|i| i.same_place(item));
    let mut items: Vec<DeckItem> =
        mine.items.iter().filter(|i| has(&disk, i) || !has(&base, i)).cloned().collect();
    for item in &disk.items {
        if !has(&base, item) && !items.iter().any(|i| i.same_place(item)) {
            items.push(item.clone());
        }
    }
    Deck { name: mine.name, items }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(paragraph: usize) -> DeckItem {
        DeckItem { article: "a".into(), paragraph, range: None, print: None }
    }

    fn deck(name: &str, paragraphs: &[usize]) -> Deck {
        Deck { name: name.into(), items: paragraphs.iter().map(|&p| item(p)).collect() }
    }

    fn paragraphs(decks: &[Deck], name: &str) -> Vec<usize> {
        let deck = decks.iter().find(|d| d.name == name).unwrap();
        deck.items.iter().map(|i| i.paragraph).collect()
    }

    #[test]
    fn a_place_is_added_once_and_moves_within_the_deck() {
        let mut d = deck("جلسة", &[1, 2, 3]);
        assert!(!d.add(item(2)));
        assert!(d.add(item(7)));
        assert_eq!(d.shift(3, -2), 1);
        assert_eq!(d.items.iter().map(|i| i.paragraph).collect::<Vec<_>>(), [1, 7, 2, 3]);
        assert_eq!(d.shift(0, -5), 0, "stops at the start");
    }

    #[test]
    fn decks_changed_by_two_readers_keep_both_changes() {
        let base = [deck("جلسة", &[1, 2, 3])];
        // This reader moved 3 first and removed 2; the other added 9 and removed 1.
        let mine = [deck("جلسة", &[3, 1])];
        let disk = [deck("جلسة", &[2, 3, 9]), deck("أخرى", &[4])];
        let merged = merge_decks(&base, &mine, &disk);
        assert_eq!(paragraphs(&merged, "جلسة"), [3, 9]);
        assert_eq!(paragraphs(&merged, "أخرى"), [4], "a deck only the other made is kept");
        // A deck only this reader changed is taken whole; one it removed stays removed.
        assert_eq!(merge_decks(&base, &[], &base), Vec::<Deck>::new());
        assert_eq!(paragraphs(&merge_decks(&base, &mine, &base), "جلسة"), [3, 1]);
    }
}
