//! The headings and labels of a handout, in English: the keys of the interface language's
//! table ([`crate::lang`]), which gives their Arabic. The Markdown and HTML pages write
//! them with [`tr`] and [`fill`]; `{}` is where a value goes.
//!
//! [`tr`]: crate::lang::tr
//! [`fill`]: crate::lang::fill

/// The handout's own title, at its top.
pub(super) const HANDOUT: &str = "basira handout";
/// Before the HTML page's table of contents.
pub(super) const CONTENTS: &str = "In this handout:";
/// Where an article came from (its path).
pub(super) const SOURCE: &str = "Source: {}";
/// The key points' heading.
pub(super) const KEY_POINTS: &str = "Key points";
/// The facts' heading.
pub(super) const FACTS: &str = "Facts and figures";
/// The themes' heading.
pub(super) const THEMES: &str = "Themes";
/// The related passages' heading.
pub(super) const RELATED: &str = "Related passages in other articles";
/// The bookmarks' heading.
pub(super) const BOOKMARKS: &str = "Bookmarks and notes";
/// Under the key points' heading when there are none.
pub(super) const NO_KEY_POINTS: &str = "No key points were found in this article.";
/// Under the facts' heading when there are none.
pub(super) const NO_FACTS: &str = "No figures in this article.";
/// Under the themes' heading when there are none.
pub(super) const NO_THEMES: &str = "No theme of the collection runs through this article.";
/// Under the related passages' heading when there are none.
pub(super) const NO_RELATED: &str = "Nothing in the other articles is close to this one.";
/// Under the bookmarks' heading when there are none.
pub(super) const NO_BOOKMARKS: &str = "No bookmarks or notes in this article.";
/// A theme's passages here and articles, when each is more than one.
pub(super) const THEME_COUNTS: &str = "{} passages here, in {} articles";
/// … one passage here, in more than one article.
pub(super) const THEME_COUNTS_ONE_HERE: &str = "1 passage here, in {} articles";
/// … more than one passage here, in this article only.
pub(super) const THEME_COUNTS_ONE_ARTICLE: &str = "{} passages here, in 1 article";
/// … one passage, here.
pub(super) const THEME_COUNTS_ONE: &str = "1 passage here, in 1 article";
/// A related passage: the article it is in (its title), then the passage quoted.
pub(super) const RELATED_IN: &str = "In «{}»:";
/// The passage of this article a related passage is tied to, quoted.
pub(super) const WHERE_HERE: &str = "where this article says: {}";
/// The passage of this article a related passage repeats, quoted.
pub(super) const SAME_TEXT_HERE: &str = "the same text as this article's: {}";
/// The words a related passage shares with this article.
pub(super) const SHARED_WORDS: &str = "shared words: {}";

/// Every label, for the test that each has its Arabic.
#[cfg(test)]
pub(super) const ALL: &[&str] = &[
    HANDOUT,
    CONTENTS,
    SOURCE,
    KEY_POINTS,
    FACTS,
    THEMES,
    RELATED,
    BOOKMARKS,
    NO_KEY_POINTS,
    NO_FACTS,
    NO_THEMES,
    NO_RELATED,
    NO_BOOKMARKS,
    THEME_COUNTS,
    THEME_COUNTS_ONE_HERE,
    THEME_COUNTS_ONE_ARTICLE,
    THEME_COUNTS_ONE,
    RELATED_IN,
    WHERE_HERE,
    SAME_TEXT_HERE,
    SHARED_WORDS,
    crate::analysis::FORCED_DIRECTION,
];

/// The counts of a theme as [`THEME_COUNTS`] and its singular forms give them, with the
/// values still to fill.
pub(super) fn theme_counts(passages_here: usize, articles: usize) -> (&'static str, Vec<usize>) {
    match (passages_here == 1, articles == 1) {
        (false, false) => (THEME_COUNTS, vec![passages_here, articles]),
        (true, false) => (THEME_COUNTS_ONE_HERE, vec![articles]),
        (false, true) => (THEME_COUNTS_ONE_ARTICLE, vec![passages_here]),
        (true, true) => (THEME_COUNTS_ONE, vec![]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::{Lang, fill, tr};

    #[test]
    fn every_label_has_its_arabic_with_as_many_places_for_values() {
        for label in ALL {
            let arabic = tr(Lang::Ar, label);
            assert_ne!(arabic, *label, "{label}");
            assert!(!arabic.chars().any(|c| c.is_ascii_alphabetic()), "{label}: {arabic}");
            assert_eq!(arabic.matches("{}").count(), label.matches("{}").count(), "{label}");
        }
    }

    #[test]
    fn theme_counts_read_in_the_singular_and_the_plural() {
        let english = |here, articles| {
            let (template, values) = theme_counts(here, articles);
            let values: Vec<&dyn std::fmt::Display> =
                values.iter().map(|v| v as &dyn std::fmt::Display).collect();
            fill(Lang::En, template, &values)
        };
        assert_eq!(english(13, 5), "13 passages here, in 5 articles");
        assert_eq!(english(1, 5), "1 passage here, in 5 articles");
        assert_eq!(english(2, 1), "2 passages here, in 1 article");
        assert_eq!(english(1, 1), "1 passage here, in 1 article");
    }
}
