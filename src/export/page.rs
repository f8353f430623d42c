//! What a handout's pages show, gathered from the analysis and the reader's state: the data
//! the Markdown and HTML pages are written from, and what the JSON handout is. Its field
//! names are the JSON's, which scripts read: fields may be added, never renamed.

use std::borrow::Cow;
use std::ops::Range;

use serde::Serialize;

use crate::analysis::view::{self, FactView};
use crate::analysis::{Analysis, Budget};
use crate::corpus::{Corpus, Document, Paragraph};
use crate::state::{ReaderState, article_key};
use crate::text::Direction;

/// The most related passages listed per article.
pub(super) const MAX_RELATED: usize = 5;
/// An excerpt longer than this many characters is cut at a word boundary.
const EXCERPT_CHARS: usize = 200;
/// The words a passage of the article is quoted by, where a related passage is tied to it.
const OPENING_WORDS: usize = 10;

/// `{"articles":[…]}`
#[derive(Serialize)]
pub(super) struct Handout<'a> {
    /// One page per article, in collection order.
    pub articles: Vec<ArticleHandout<'a>>,
}

/// One article's page.
#[derive(Serialize)]
pub(super) struct ArticleHandout<'a> {
    /// Where the article came from.
    pub path: &'a str,
    /// Its title as lists show it (a title made from its first words is cut with «…»).
    pub title: &'a str,
    /// Its title whole (see [`Document::full_title`]).
    pub full_title: &'a str,
    /// The direction most of its text runs in.
    #[serde(skip)]
    pub direction: Direction,
    /// Its key points, in reading order.
    pub key_points: Vec<KeyPointEntry<'a>>,
    /// The sentences with figures.
    pub facts: Vec<FactEntry<'a>>,
    /// The themes with a passage in it.
    pub themes: Vec<ThemeEntry<'a>>,
    /// Passages of other articles related to it, best first.
    pub related: Vec<RelatedEntry<'a>>,
    /// The reader's bookmarks and notes in it; absent unless they were asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bookmarks: Option<Vec<BookmarkEntry<'a>>>,
}

/// A key point.
#[derive(Serialize)]
pub(super) struct KeyPointEntry<'a> {
    /// The sentence as a reader sees it.
    pub text: Cow<'a, str>,
    /// Its paragraph.
    pub paragraph: usize,
    /// The heading or numbered item's label the point falls under, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<&'a str>,
}

/// A fact as the handout lists it (see [`FactView`]).
#[derive(Serialize)]
pub(super) struct FactEntry<'a> {
    /// The sentence.
    pub text: &'a str,
    /// Its paragraph.
    pub paragraph: usize,
    /// The figures in it.
    pub numbers: Vec<&'a str>,
    /// Present, and true, when a figure's direction is forced by the text (see
    /// [`crate::analysis::facts::Fact::has_forced_direction`]).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub direction_forced: bool,
    /// The figures to bold, as sorted byte ranges of `text` that neither overlap nor touch.
    #[serde(skip)]
    pub figures: Vec<Range<usize>>,
}

impl<'a> From<FactView<'a>> for FactEntry<'a> {
    fn from(fact: FactView<'a>) -> FactEntry<'a> {
        FactEntry {
            text: fact.text,
            paragraph: fact.paragraph,
            numbers: fact.numbers,
            direction_forced: fact.direction_forced,
            figures: fact.marks,
        }
    }
}

/// A theme the article shares with the collection.
#[derive(Serialize)]
pub(super) struct ThemeEntry<'a> {
    /// Its id.
    pub id: &'a str,
    /// Its label.
    pub label: &'a str,
    /// Its English label, if it has one.
    pub label_en: Option<&'a str>,
    /// How many of its passages are in this article.
    pub passages_here: usize,
    /// How many articles it has passages in.
    pub articles: usize,
}

/// A passage of another article related to one of this article.
#[derive(Serialize)]
pub(super) struct RelatedEntry<'a> {
    /// The paragraph of this article it is related to.
    pub from_paragraph: usize,
    /// That paragraph's opening words (with «…» when there are more).
    pub from_text: String,
    /// The related passage.
    pub to: Target<'a>,
    /// How closely the two are related, 0 to 1.
    pub score: f64,
    /// The words they share, as this article writes them.
    pub terms: Vec<&'a str>,
    /// Set when the passage is the same text, not another passage on the subject.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub same_text: bool,
}

/// The paragraph a related passage points to.
#[derive(Serialize)]
pub(super) struct Target<'a> {
    /// Its article's path.
    pub path: &'a str,
    /// Its article's title as lists show it.
    pub title: &'a str,
    /// Its article's title whole.
    pub full_title: &'a str,
    /// Its article's place in the collection, from 0.
    #[serde(skip)]
    pub article: usize,
    /// The paragraph.
    pub paragraph: usize,
    /// Its first sentence, cut at a word with «…» if it is long.
    pub text: String,
}

/// A bookmark of the reader's, with its note if it has one.
#[derive(Serialize)]
pub(super) struct BookmarkEntry<'a> {
    /// The paragraph bookmarked.
    pub paragraph: usize,
    /// Its first sentence, cut at a word with «…» if it is long.
    pub text: String,
    /// The reader's note on it.
    pub note: Option<&'a str>,
}

/// Every article's page; the bookmarks and notes of `notes` if given.
pub(super) fn handout<'a>(
    corpus: &'a Corpus,
    analysis: &'a Analysis,
    notes: Option<&'a ReaderState>,
) -> Handout<'a> {
    let articles = (0..corpus.documents.len())
        .map(|index| article_handout(corpus, analysis, notes, index))
        .collect();
    Handout { articles }
}

/// Gather what the page of article `index` shows.
fn article_handout<'a>(
    corpus: &'a Corpus,
    analysis: &'a Analysis,
    notes: Option<&'a ReaderState>,
    index: usize,
) -> ArticleHandout<'a> {
    let document = &corpus.documents[index];
    ArticleHandout {
        path: &document.path,
        title: &document.title,
        full_title: document.full_title(),
        direction: document.direction,
        key_points: view::key_points(analysis, document, index, Budget::Default)
            .into_iter()
            .map(|k| KeyPointEntry { text: k.text, paragraph: k.paragraph, section: k.section })
            .collect(),
        facts: view::facts(analysis, document, index).into_iter().map(FactEntry::from).collect(),
        themes: theme_entries(analysis, index),
        related: related_entries(corpus, analysis, index),
        bookmarks: notes.map(|state| bookmark_entries(document, state)),
    }
}

/// The themes with a passage in article `index`, the most passages here first (ties in the
/// analysis' order).
fn theme_entries(analysis: &Analysis, index: usize) -> Vec<ThemeEntry<'_>> {
    view::themes(analysis, index)
        .into_iter()
        .map(|here| ThemeEntry {
            id: &here.theme.id,
            label: &here.theme.label,
            label_en: here.theme.label_en.as_deref(),
            passages_here: here.passages_here,
            articles: here.theme.article_count(),
        })
        .collect()
}

/// The passages of other articles related to article `index` (see
/// [`view::related_to_article`]), as the handout lists them.
pub(super) fn related_entries<'a>(
    corpus: &'a Corpus,
    analysis: &'a Analysis,
    index: usize,
) -> Vec<RelatedEntry<'a>> {
    let here = &corpus.documents[index];
    view::related_to_article(analysis, corpus, index, MAX_RELATED)
        .into_iter()
        .map(|related| {
            let target = &corpus.documents[related.to.0];
            RelatedEntry {
                from_paragraph: related.from.1,
                from_text: opening_words(&here.paragraphs[related.from.1].text, OPENING_WORDS),
                to: Target {
                    path: &target.path,
                    title: &target.title,
                    full_title: target.full_title(),
                    article: related.to.0,
                    paragraph: related.to.1,
                    text: excerpt(&target.paragraphs[related.to.1]),
                },
                score: related.score,
                terms: related.terms,
                same_text: related.same_text,
            }
        })
        .collect()
}

/// The reader's bookmarks in `document`, in the order they are kept (paragraph order).
fn bookmark_entries<'a>(document: &Document, state: &'a ReaderState) -> Vec<BookmarkEntry<'a>> {
    let Some(article) = state.articles.get(&article_key(document)) else {
        return Vec::new();
    };
    article
        .bookmarks
        .iter()
        .map(|b| BookmarkEntry {
            paragraph: b.paragraph,
            text: document.paragraphs.get(b.paragraph).map(excerpt).unwrap_or_default(),
            note: b.note.as_deref(),
        })
        .collect()
}

/// A paragraph's first sentence, cut at a word boundary with «…» if it is longer than
/// [`EXCERPT_CHARS`] characters.
pub(super) fn excerpt(paragraph: &Paragraph) -> String {
    let text =
        paragraph.sentences.first().map_or(&paragraph.text[..], |s| &paragraph.text[s.clone()]);
    cut_at_word(text.trim(), EXCERPT_CHARS)
}

/// The first `words` words of `text`, then «…» if it has more (trailing commas and colons
/// left out before it).
fn opening_words(text: &str, words: usize) -> String {
    let mut all = text.split_whitespace();
    let head: Vec<&str> = all.by_ref().take(words).collect();
    let head = head.join(" ");
    if all.next().is_none() {
        return head;
    }
    format!("{}…", head.trim_end_matches(|c: char| "،,؛;:".contains(c)))
}

/// `text` if it has at most `max_chars` characters; otherwise its longest run of whole words
/// within that many characters (or the characters themselves, for one long word), then «…».
fn cut_at_word(text: &str, max_chars: usize) -> String {
    let Some((end, _)) = text.char_indices().nth(max_chars) else {
        return text.to_string();
    };
    let head = &text[..end];
    let words = if text[end..].starts_with(char::is_whitespace) {
        head
    } else {
        head.rfind(char::is_whitespace).map_or(head, |space| &head[..space])
    };
    let words = words.trim_end_matches(|c: char| c.is_whitespace() || "،,؛;:".contains(c));
    format!("{}…", if words.is_empty() { head } else { words })
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::analysis::ThemeSource;
    use crate::corpus::parse_document;
    use crate::state::{ArticleState, Bookmark};

    /// The note [`builtin`] puts on paragraph 3 of the first article.
    pub const NOTE: &str = "نقطة للنقاش في الجلسة";

    /// The built-in articles, their analysis, and a state with a noted bookmark on paragraph 3
    /// of the first article and a bookmark without a note in the fifth.
    pub fn builtin() -> (Corpus, Analysis, ReaderState) {
        let corpus = Corpus::builtin();
        let analysis = Analysis::new(&corpus, &ThemeSource::default_for(&corpus));
        let mut state = ReaderState::default();
        state.articles.insert(
            article_key(&corpus.documents[0]),
            ArticleState {
                bookmarks: vec![Bookmark {
                    paragraph: 3,
                    bookmarked: true,
                    note: Some(NOTE.to_string()),
                    print: None,
                }],
                ..ArticleState::default()
            },
        );
        state.articles.insert(
            article_key(&corpus.documents[4]),
            ArticleState {
                bookmarks: vec![Bookmark {
                    paragraph: 2,
                    bookmarked: true,
                    note: None,
                    print: None,
                }],
                ..ArticleState::default()
            },
        );
        (corpus, analysis, state)
    }

    /// A collection of one short article, `x.txt` titled «عنوان», in which nothing is found.
    pub fn one_short_article() -> (Corpus, Analysis) {
        let corpus = Corpus {
            documents: vec![parse_document("x.txt", "عنوان\n\nفقرة قصيرة.", false)],
            warnings: vec![],
        };
        let analysis = Analysis::new(&corpus, &ThemeSource::default_for(&corpus));
        (corpus, analysis)
    }

    fn json(handout: &Handout) -> serde_json::Value {
        serde_json::to_value(handout).unwrap()
    }

    #[test]
    fn json_handout_keeps_its_fields_and_has_the_notes_only_when_asked() {
        let (corpus, analysis, state) = builtin();
        let value = json(&handout(&corpus, &analysis, Some(&state)));
        let articles = value["articles"].as_array().unwrap();
        assert_eq!(articles.len(), 5);
        let first_bookmark = &articles[0]["bookmarks"][0];
        assert_eq!(first_bookmark["paragraph"], 3);
        assert_eq!(first_bookmark["note"], NOTE);
        let last_bookmark = &articles[4]["bookmarks"][0];
        assert_eq!(last_bookmark["paragraph"], 2);
        assert!(last_bookmark["note"].is_null());
        for article in &articles[1..4] {
            assert!(article["bookmarks"].as_array().unwrap().is_empty());
        }
        let mut related = 0;
        for (article, document) in articles.iter().zip(&corpus.documents) {
            assert_eq!(article["title"], document.title.as_str());
            assert_eq!(article["full_title"], document.full_title());
            for link in article["related"].as_array().unwrap() {
                assert_ne!(link["to"]["path"], article["path"]);
                assert!(!link["terms"].as_array().unwrap().is_empty());
                assert!(link["score"].as_f64().unwrap() > 0.0);
                let from = link["from_paragraph"].as_u64().unwrap() as usize;
                let opening = link["from_text"].as_str().unwrap().trim_end_matches('…');
                assert!(document.paragraphs[from].text.starts_with(opening), "{opening}");
                assert!(link["to"]["paragraph"].is_u64() && link["to"]["text"].is_string());
                related += 1;
            }
            for fact in article["facts"].as_array().unwrap() {
                let text = fact["text"].as_str().unwrap();
                let numbers = fact["numbers"].as_array().unwrap();
                assert!(!numbers.is_empty());
                assert!(numbers.iter().all(|n| text.contains(n.as_str().unwrap())), "{text}");
            }
            assert!(!article["key_points"].as_array().unwrap().is_empty());
        }
        assert!(related > 0);
        let themes = articles[0]["themes"].as_array().unwrap();
        assert!(themes.iter().all(|t| t["passages_here"].as_u64().unwrap() > 0));

        let without = json(&handout(&corpus, &analysis, None));
        for article in without["articles"].as_array().unwrap() {
            assert!(article.get("bookmarks").is_none(), "no bookmarks field without notes");
        }
        assert!(!without.to_string().contains(NOTE));
    }

    #[test]
    fn derived_titles_are_given_whole() {
        let (corpus, analysis, _) = builtin();
        let pages = handout(&corpus, &analysis, None).articles;
        // The first article has no title line: lists show its first words, the page all.
        assert!(pages[0].title.ends_with('…'));
        assert!(!pages[0].full_title.ends_with('…'));
        assert!(pages[0].full_title.starts_with(pages[0].title.trim_end_matches('…')));
        assert!(pages[0].full_title.len() > pages[0].title.len());
        assert_eq!(pages[2].full_title, pages[2].title, "a title line is its title");
    }

    #[test]
    fn related_passages_are_one_per_target_best_first() {
        let (corpus, analysis, _) = builtin();
        for i in 0..corpus.documents.len() {
            let related = related_entries(&corpus, &analysis, i);
            assert!(related.len() <= MAX_RELATED);
            assert!(related.windows(2).all(|w| w[0].score >= w[1].score));
            let mut targets: Vec<_> = related.iter().map(|r| (r.to.path, r.to.paragraph)).collect();
            targets.sort();
            targets.dedup();
            assert_eq!(targets.len(), related.len());
        }
    }

    #[test]
    fn an_article_with_nothing_found_still_has_its_title() {
        let (corpus, analysis) = one_short_article();
        let value = json(&handout(&corpus, &analysis, Some(&ReaderState::default())));
        assert_eq!(value["articles"][0]["title"], "عنوان");
        assert!(value["articles"][0]["related"].as_array().unwrap().is_empty());
        assert!(value["articles"][0]["bookmarks"].as_array().unwrap().is_empty());
    }

    #[test]
    fn opening_words_quote_the_start_of_a_passage() {
        assert_eq!(opening_words("أ ب ج", 10), "أ ب ج");
        assert_eq!(opening_words("أ ب، ج د", 2), "أ ب…");
        assert_eq!(opening_words("  أ  ب ", 2), "أ ب");
    }

    #[test]
    fn excerpts_cut_at_a_word_and_never_inside_a_character() {
        let long = "كلمة ".repeat(100);
        let cut = cut_at_word(long.trim(), EXCERPT_CHARS);
        assert!(cut.ends_with("كلمة…"));
        assert!(cut.chars().count() <= EXCERPT_CHARS + 1);
        let one_word = "ب".repeat(300);
        assert_eq!(cut_at_word(&one_word, 10), format!("{}…", "ب".repeat(10)));
        assert_eq!(cut_at_word("قصير", 10), "قصير");
        assert_eq!(cut_at_word("أ، ب، ج، د", 5), "أ، ب…");
        let corpus = Corpus::builtin();
        for paragraph in corpus.documents.iter().flat_map(|d| &d.paragraphs) {
            for max in [1, 7, 40, EXCERPT_CHARS] {
                let cut = cut_at_word(&paragraph.text, max);
                assert!(cut.chars().count() <= max + 1);
            }
            excerpt(paragraph);
        }
    }
}
