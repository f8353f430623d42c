//! Handouts: one page per article for trainers and students, in Markdown (for printing or a
//! wiki) or JSON (for scripts). Each article's page gives its title and path, its key points,
//! its facts and figures, the themes it shares with the collection, related passages in the
//! other articles, and the reader's bookmarks and notes. Paragraphs are counted from 0, as in
//! the analysis commands' output.
//!
//! Either may go to a terminal (`basira export` with no `-o`), and is the same wherever it
//! goes. In Markdown, what is not an article's text (a title, a path, a theme's label, a
//! note) is written as [`sanitise_line`] shows it: on its one line, without controls or bidi
//! overrides. JSON keeps every string as it is, with what a terminal must not see escaped
//! (see [`write_pretty`]). Either way what is written passes through [`SafeOutput`] last, as
//! everything basira prints does: an article's bidi embeddings and overrides do not reach the
//! file. A fact whose figure is drawn in a direction the text forces says so.

use std::borrow::Cow;
use std::io::{self, Write};
use std::ops::Range;

use serde::Serialize;

use crate::analysis::view::{self, FactView};
use crate::analysis::{Analysis, Budget, FORCED_DIRECTION};
use crate::atomic_file::AtomicFile;
use crate::corpus::{Corpus, Document, Paragraph, sanitise_line};
use crate::json::write_pretty;
use crate::output::SafeOutput;
use crate::state::{ReaderState, article_key};

/// The format of a handout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HandoutFormat {
    /// Markdown, for printing or a wiki.
    Markdown,
    /// JSON, for scripts.
    Json,
}

/// The most related passages listed per article.
const MAX_RELATED: usize = 5;
/// An excerpt longer than this many characters is cut at a word boundary.
const EXCERPT_CHARS: usize = 200;

/// `{"articles":[…]}`
#[derive(Serialize)]
struct Handout<'a> {
    articles: Vec<ArticleHandout<'a>>,
}

/// One article's page.
#[derive(Serialize)]
struct ArticleHandout<'a> {
    path: &'a str,
    title: &'a str,
    key_points: Vec<KeyPointEntry<'a>>,
    facts: Vec<FactEntry<'a>>,
    themes: Vec<ThemeEntry<'a>>,
    related: Vec<RelatedEntry<'a>>,
    bookmarks: Vec<BookmarkEntry<'a>>,
}

#[derive(Serialize)]
struct KeyPointEntry<'a> {
    text: Cow<'a, str>,
    paragraph: usize,
    /// The heading or numbered item's label the point falls under, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    section: Option<&'a str>,
}

/// A fact as the handout lists it (see [`FactView`]).
#[derive(Serialize)]
struct FactEntry<'a> {
    text: &'a str,
    paragraph: usize,
    numbers: Vec<&'a str>,
    /// Present, and true, when a figure's direction is forced by the text (see
    /// [`crate::analysis::facts::Fact::has_forced_direction`]).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    direction_forced: bool,
    /// The figures to bold, as byte ranges of `text`.
    #[serde(skip)]
    figures: Vec<Range<usize>>,
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

#[derive(Serialize)]
struct ThemeEntry<'a> {
    id: &'a str,
    label: &'a str,
    label_en: Option<&'a str>,
    passages_here: usize,
    articles: usize,
}

#[derive(Serialize)]
struct RelatedEntry<'a> {
    from_paragraph: usize,
    to: Target<'a>,
    score: f64,
    terms: Vec<&'a str>,
    /// Set when the passage is the same text, not another passage on the subject.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    same_text: bool,
}

/// The paragraph a related passage points to.
#[derive(Serialize)]
struct Target<'a> {
    path: &'a str,
    title: &'a str,
    paragraph: usize,
    text: String,
}

#[derive(Serialize)]
struct BookmarkEntry<'a> {
    paragraph: usize,
    text: String,
    note: Option<&'a str>,
}

/// Write the handout of every article of `corpus` (in collection order).
pub fn write_handout(
    out: &mut dyn Write,
    corpus: &Corpus,
    analysis: &Analysis,
    state: &ReaderState,
    format: HandoutFormat,
) -> io::Result<()> {
    let articles = (0..corpus.documents.len())
        .map(|index| article_handout(corpus, analysis, state, index))
        .collect();
    let handout = Handout { articles };
    match format {
        HandoutFormat::Json => write_pretty(out, &handout),
        HandoutFormat::Markdown => write_markdown(out, &handout),
    }
}

/// Write the handout to the file at `path` as a shell's `>` would, but never half-written:
///
/// - a symbolic link: to the file it points to (a link to nothing is refused);
/// - an existing file that is not a regular one (a FIFO, `/dev/null`, a terminal): in place;
/// - a regular file: replaced atomically, as a user's file is ([`AtomicFile`]: a temporary
///   file in the same folder, written in full and flushed to disk, renamed over it, the
///   folder flushed), keeping its mode;
/// - a new file: created the same way, with the mode the umask gives a new file.
pub fn write_handout_file(
    path: &std::path::Path,
    corpus: &Corpus,
    analysis: &Analysis,
    state: &ReaderState,
    format: HandoutFormat,
) -> io::Result<()> {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    let target = if is_link {
        std::fs::canonicalize(path).map_err(|e| {
            io::Error::new(e.kind(), format!("a link to a file that cannot be reached: {e}"))
        })?
    } else {
        path.to_path_buf()
    };
    let existing = std::fs::metadata(&target).ok();
    match &existing {
        Some(meta) if meta.is_dir() => {
            return Err(io::Error::new(io::ErrorKind::IsADirectory, "it is a folder"));
        }
        Some(meta) if !meta.is_file() => {
            let file = std::fs::OpenOptions::new().write(true).open(&target)?;
            let mut out = io::BufWriter::new(SafeOutput::new(file));
            write_handout(&mut out, corpus, analysis, state, format)?;
            return out.flush();
        }
        _ => {}
    }
    let file = AtomicFile::new(&target);
    // A file replaced keeps its mode; a new one gets what the umask gives a new file.
    #[cfg(unix)]
    let file = match &existing {
        Some(meta) => file.mode(meta.permissions()),
        None => file.created_with(std::os::unix::fs::PermissionsExt::from_mode(0o666)),
    };
    file.write(|file| {
        let mut out = io::BufWriter::new(SafeOutput::new(file));
        write_handout(&mut out, corpus, analysis, state, format)?;
        out.flush()
    })
}

/// Gather what the page of article `index` shows.
fn article_handout<'a>(
    corpus: &'a Corpus,
    analysis: &'a Analysis,
    state: &'a ReaderState,
    index: usize,
) -> ArticleHandout<'a> {
    let document = &corpus.documents[index];
    ArticleHandout {
        path: &document.path,
        title: &document.title,
        key_points: view::key_points(analysis, document, index, Budget::Default)
            .into_iter()
            .map(|k| KeyPointEntry { text: k.text, paragraph: k.paragraph, section: k.section })
            .collect(),
        facts: view::facts(analysis, document, index).into_iter().map(FactEntry::from).collect(),
        themes: theme_entries(analysis, index),
        related: related_entries(corpus, analysis, index),
        bookmarks: bookmark_entries(document, state),
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
fn related_entries<'a>(
    corpus: &'a Corpus,
    analysis: &'a Analysis,
    index: usize,
) -> Vec<RelatedEntry<'a>> {
    view::related_to_article(analysis, corpus, index, MAX_RELATED)
        .into_iter()
        .map(|related| {
            let target = &corpus.documents[related.to.0];
            RelatedEntry {
                from_paragraph: related.from.1,
                to: Target {
                    path: &target.path,
                    title: &target.title,
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
fn excerpt(paragraph: &Paragraph) -> String {
    let text =
        paragraph.sentences.first().map_or(&paragraph.text[..], |s| &paragraph.text[s.clone()]);
    cut_at_word(text.trim(), EXCERPT_CHARS)
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

/// The whole handout as Markdown.
fn write_markdown(out: &mut dyn Write, handout: &Handout) -> io::Result<()> {
    writeln!(out, "# basira handout")?;
    for article in &handout.articles {
        write_article_markdown(out, article)?;
    }
    Ok(())
}

/// One article's page: `##` title, then `###` sections of `-` lists.
fn write_article_markdown(out: &mut dyn Write, article: &ArticleHandout) -> io::Result<()> {
    let (title, path) = (sanitise_line(article.title), sanitise_line(article.path));
    writeln!(out, "\n## {title}\n\nSource: `{path}`")?;

    section(out, "Key points", article.key_points.is_empty())?;
    for point in &article.key_points {
        match point.section {
            Some(section) => writeln!(out, "- {} — {}", one_line(section), one_line(&point.text))?,
            None => writeln!(out, "- {}", one_line(&point.text))?,
        }
    }

    section(out, "Facts and figures", article.facts.is_empty())?;
    for fact in &article.facts {
        writeln!(out, "- {}", one_line(&bold(fact.text, &fact.figures)))?;
        if fact.direction_forced {
            writeln!(out, "  - ⚠ {FORCED_DIRECTION}")?;
        }
    }

    section(out, "Themes", article.themes.is_empty())?;
    for theme in &article.themes {
        let english = theme.label_en.map(|l| format!(" — {}", sanitise_line(l)));
        writeln!(
            out,
            "- {}{} (`{}`): {} here, in {}",
            sanitise_line(theme.label),
            english.unwrap_or_default(),
            sanitise_line(theme.id),
            count(theme.passages_here, "passage"),
            count(theme.articles, "article"),
        )?;
    }

    section(out, "Related passages in other articles", article.related.is_empty())?;
    for related in &article.related {
        writeln!(
            out,
            "- paragraph {} → {} (`{}`), paragraph {} — score {:.2}",
            related.from_paragraph,
            sanitise_line(related.to.title),
            sanitise_line(related.to.path),
            related.to.paragraph,
            related.score,
        )?;
        writeln!(out, "  - {}", one_line(&related.to.text))?;
        if related.same_text {
            writeln!(out, "  - the same text")?;
        } else if !related.terms.is_empty() {
            writeln!(out, "  - shared: {}", one_line(&related.terms.join("، ")))?;
        }
    }

    if !article.bookmarks.is_empty() {
        writeln!(out, "\n### Bookmarks and notes\n")?;
        for bookmark in &article.bookmarks {
            writeln!(out, "- paragraph {}: {}", bookmark.paragraph, one_line(&bookmark.text))?;
            if let Some(note) = bookmark.note {
                writeln!(out, "  > {}", sanitise_line(note))?;
            }
        }
    }
    Ok(())
}

/// A `###` heading, then a blank line, and «None.» when the section has nothing to list.
fn section(out: &mut dyn Write, heading: &str, empty: bool) -> io::Result<()> {
    writeln!(out, "\n### {heading}\n")?;
    if empty {
        writeln!(out, "None.")?;
    }
    Ok(())
}

/// `text` with `**` around each of `figures` (sorted byte ranges of it that do not overlap or
/// touch), inserted from the last so that the earlier offsets stay valid.
fn bold(text: &str, figures: &[Range<usize>]) -> String {
    let mut marked = text.to_string();
    for figure in figures.iter().rev() {
        marked.insert_str(figure.end, "**");
        marked.insert_str(figure.start, "**");
    }
    marked
}

/// An article's text on one line, so that it stays inside its list item. (Its bidi embeddings
/// and overrides are taken out on the way to the file by [`SafeOutput`]; titles, paths, labels
/// and notes, which come from file names, theme files and the state file, go through
/// [`sanitise_line`] instead.)
fn one_line(text: &str) -> String {
    text.replace(['\r', '\n'], " ")
}

/// «1 passage», «3 passages».
fn count(n: usize, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::ThemeSource;
    use crate::corpus::parse_document;
    use crate::state::{ArticleState, Bookmark};

    const NOTE: &str = "نقطة للنقاش في الجلسة";

    /// The built-in articles, their analysis, and a state with a noted bookmark on paragraph 3
    /// of the first article and a bookmark without a note in the fifth.
    fn builtin() -> (Corpus, Analysis, ReaderState) {
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

    fn render(
        corpus: &Corpus,
        analysis: &Analysis,
        state: &ReaderState,
        format: HandoutFormat,
    ) -> String {
        let mut out = Vec::new();
        write_handout(&mut out, corpus, analysis, state, format).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// The Markdown of each article: from its `## ` line to the next.
    fn article_pages(markdown: &str) -> Vec<&str> {
        markdown.split("\n## ").skip(1).collect()
    }

    /// The lines under `### heading` in an article's page, up to the next heading.
    fn section_of<'p>(page: &'p str, heading: &str) -> &'p str {
        let start = page.find(&format!("### {heading}\n")).expect(heading) + heading.len() + 5;
        page[start..].split("\n### ").next().unwrap()
    }

    #[test]
    fn markdown_has_every_section_of_every_article() {
        let (corpus, analysis, state) = builtin();
        let markdown = render(&corpus, &analysis, &state, HandoutFormat::Markdown);
        assert!(markdown.starts_with("# basira handout\n"));
        let pages = article_pages(&markdown);
        assert_eq!(pages.len(), corpus.documents.len());
        for (i, (document, page)) in corpus.documents.iter().zip(&pages).enumerate() {
            assert!(page.starts_with(&format!("{}\n", document.title)), "article {i}");
            assert!(page.contains(&format!("`{}`", document.path)));
            let first = &analysis.key_points(i, Budget::Default)[0];
            let sentence = first.text(document);
            let key_points = section_of(page, "Key points");
            assert!(key_points.contains(&one_line(&sentence)), "article {i}");
            section_of(page, "Facts and figures");
            assert!(section_of(page, "Themes").contains("- "), "article {i}");
            // Related passages name another article.
            let related = section_of(page, "Related passages in other articles");
            let mut others = corpus.documents.iter().enumerate().filter(|&(j, _)| j != i);
            assert!(others.any(|(_, d)| related.contains(&d.title)), "article {i}");
        }
        let facts = section_of(pages[2], "Facts and figures");
        assert!(facts.lines().any(|l| l.starts_with("- ") && l.contains("**274")), "{facts}");
        assert!(markdown.contains("- منصات التواصل الاجتماعي — Social media platforms"));
    }

    #[test]
    fn markdown_bookmarks_and_notes() {
        let (corpus, analysis, state) = builtin();
        let markdown = render(&corpus, &analysis, &state, HandoutFormat::Markdown);
        let pages = article_pages(&markdown);
        let bookmarked = [0, 4];
        for (i, page) in pages.iter().enumerate() {
            assert_eq!(page.contains("### Bookmarks and notes"), bookmarked.contains(&i));
            assert_eq!(page.contains(NOTE), i == 0, "article {i}");
        }
        let bookmarks = section_of(pages[0], "Bookmarks and notes");
        let excerpt = excerpt(&corpus.documents[0].paragraphs[3]);
        let item = format!("- paragraph 3: {excerpt}\n  > {NOTE}\n");
        assert!(bookmarks.contains(&item), "{bookmarks}");
        assert!(pages[4].contains("- paragraph 2: "));
        assert!(!pages[4].contains("  > "));
    }

    #[test]
    fn json_handout() {
        let (corpus, analysis, state) = builtin();
        let json = render(&corpus, &analysis, &state, HandoutFormat::Json);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
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
        for article in articles {
            for link in article["related"].as_array().unwrap() {
                assert_ne!(link["to"]["path"], article["path"]);
                assert!(!link["terms"].as_array().unwrap().is_empty());
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
        let corpus = Corpus {
            documents: vec![parse_document("x.txt", "عنوان\n\nفقرة قصيرة.", false)],
            warnings: vec![],
        };
        let analysis = Analysis::new(&corpus, &ThemeSource::default_for(&corpus));
        let state = ReaderState::default();
        let markdown = render(&corpus, &analysis, &state, HandoutFormat::Markdown);
        assert!(markdown.contains("## عنوان\n"), "{markdown}");
        assert!(markdown.contains("`x.txt`"));
        assert!(!markdown.contains("### Bookmarks and notes"));
        let json = render(&corpus, &analysis, &state, HandoutFormat::Json);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["articles"][0]["title"], "عنوان");
        assert!(value["articles"][0]["related"].as_array().unwrap().is_empty());
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

    #[test]
    fn figures_are_bolded_without_overlap() {
        let sentence = "نحو 90 بالمائة من 3 حسابات";
        let three = sentence.find('3').unwrap();
        let figures = [0..sentence.find(" بالمائة").unwrap(), three..three + 1];
        assert_eq!(bold(sentence, &figures), "**نحو 90** بالمائة من **3** حسابات");
        assert_eq!(bold("a 1 b 2", &[2..3, 6..7]), "a **1** b **2**");
    }
}
