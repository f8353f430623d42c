//! A handout as one self-contained HTML page: no script, no file beside it, its stylesheet
//! inside, for screen and for print (each article on a page of its own). The page speaks the
//! interface's language (`lang`, and `dir="rtl"` for Arabic: headings and lists read from the
//! right); each of an article's texts takes its direction from its first strong letter
//! (`dir="auto"`), and a title, passage or path set inside a sentence of another direction
//! is isolated (`<bdi>`, or an element with its own `dir`), so that neither turns the other
//! round.
//!
//! The page is made with maud, which escapes every value put into it: nothing from an
//! article, a file name, a theme file or a note becomes markup. Titles, paths, labels and
//! notes are also written as [`sanitise_line`] shows them, as in Markdown.

use std::io::{self, Write};

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::labels::{self, theme_counts};
use super::page::{ArticleHandout, FactEntry, Handout, RelatedEntry, ThemeEntry};
use crate::analysis::FORCED_DIRECTION;
use crate::corpus::sanitise_line;
use crate::lang::{Lang, tr};
use crate::text::Direction;

/// The page's stylesheet: a column of reading width on screen; on paper, black on white,
/// each article from a new page, no heading left at the foot of a page, no item cut in two,
/// no table of contents and links as plain text (they do nothing on paper). Margins, padding and borders
/// are logical (`inline-start`), so that one sheet serves both directions.
const STYLE: &str = r#"
:root { color-scheme: light; }
body {
  font-family: "Noto Naskh Arabic", "Amiri", "Noto Sans Arabic", "DejaVu Sans", "Segoe UI", Tahoma, sans-serif;
  font-size: 1.05rem; line-height: 1.8; color: #1b1b1b; background: #fff;
  max-width: 46rem; margin: 2rem auto; padding: 0 1.25rem;
}
h1 { font-size: 1.7rem; margin: 0 0 .6rem; padding-block-end: .3rem; border-block-end: 2px solid #444; }
h2 { font-size: 1.35rem; line-height: 1.6; margin: 2.6rem 0 .3rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .3rem; color: #333; border-block-end: 1px solid #ccc; }
nav ol { margin: .3rem 0 0; padding-inline-start: 1.6rem; }
nav a { color: inherit; }
.contents { margin: 0; color: #555; }
.source { margin: 0; color: #555; font-size: .9rem; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: .85em; }
ul { margin: .3rem 0; padding-inline-start: 1.4rem; }
li { margin: .35rem 0; }
li p { margin: 0; }
.section-name { font-weight: bold; }
.where, .shared { color: #444; font-size: .93rem; }
.warning { color: #8a4b00; font-size: .93rem; }
.note { margin: .2rem 0 0; padding-inline-start: .8rem; border-inline-start: 3px solid #999; }
.none { color: #666; margin: .3rem 0; }
@media print {
  @page { margin: 18mm 16mm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 11.5pt; line-height: 1.65; color: #000; }
  nav { display: none; }
  article { break-before: page; }
  article:first-of-type { break-before: auto; }
  h2 { margin-top: 0; }
  h2, h3 { break-after: avoid; }
  li, .note { break-inside: avoid; }
  h3, .source, .where, .shared, .none { color: #000; }
  a { color: inherit; text-decoration: none; }
}
"#;

/// Write `handout` as an HTML page, in `lang`: an article at a time, so that a large
/// collection's page is never whole in memory.
pub(super) fn write(out: &mut dyn Write, handout: &Handout, lang: Lang) -> io::Result<()> {
    // The two elements that hold the rest are opened and closed here; what they hold is made
    // by maud, which keeps it well formed and escapes every value.
    let (code, dir) = (lang_code(lang), lang_dir(lang));
    write!(out, "{}<html lang=\"{code}\" dir=\"{dir}\">", DOCTYPE.into_string())?;
    write!(out, "{}<body>", head(lang).into_string())?;
    write!(out, "{}<main>", header(handout, lang).into_string())?;
    for (i, article) in handout.articles.iter().enumerate() {
        out.write_all(article_page(article, i + 1, lang).into_string().as_bytes())?;
    }
    write!(out, "</main></body></html>")
}

/// The page's `<head>`: its title and stylesheet.
fn head(lang: Lang) -> Markup {
    html! {
        head {
            meta charset="utf-8";
            meta name="viewport" content="width=device-width, initial-scale=1";
            meta name="generator" content=(concat!("basira ", env!("CARGO_PKG_VERSION")));
            title { (tr(lang, labels::HANDOUT)) }
            style { (PreEscaped(STYLE)) }
        }
    }
}

/// The page's heading and its table of contents.
fn header(handout: &Handout, lang: Lang) -> Markup {
    html! {
        header {
            h1 { (tr(lang, labels::HANDOUT)) }
            nav {
                p.contents { (tr(lang, labels::CONTENTS)) }
                ol {
                    @for (i, article) in handout.articles.iter().enumerate() {
                        li { a href={ "#article-" (i + 1) } dir="auto" { (line(article.title)) } }
                    }
                }
            }
        }
    }
}

/// One article's page, `number` counting from 1.
fn article_page(article: &ArticleHandout, number: usize, lang: Lang) -> Markup {
    // The article's own texts say their language where the page's is another.
    let text_lang = (article.direction == Direction::Rtl && lang != Lang::Ar).then_some("ar");
    let path = html! { code dir="ltr" { (line(article.path)) } };
    html! {
        article id={ "article-" (number) } {
            h2 dir="auto" lang=[text_lang] { (line(article.full_title)) }
            p.source { (fill(lang, labels::SOURCE, &[path])) }
            section.key-points {
                h3 { (tr(lang, labels::KEY_POINTS)) }
                @if article.key_points.is_empty() {
                    p.none { (tr(lang, labels::NO_KEY_POINTS)) }
                } @else {
                    ul {
                        @for point in &article.key_points {
                            li dir="auto" lang=[text_lang] {
                                @if let Some(section) = point.section {
                                    span.section-name { (line(section)) } " — "
                                }
                                (point.text)
                            }
                        }
                    }
                }
            }
            section.facts {
                h3 { (tr(lang, labels::FACTS)) }
                @if article.facts.is_empty() {
                    p.none { (tr(lang, labels::NO_FACTS)) }
                } @else {
                    ul { @for fact in &article.facts { (fact_item(fact, text_lang, lang)) } }
                }
            }
            section.themes {
                h3 { (tr(lang, labels::THEMES)) }
                @if article.themes.is_empty() {
                    p.none { (tr(lang, labels::NO_THEMES)) }
                } @else {
                    ul { @for theme in &article.themes { (theme_item(theme, lang)) } }
                }
            }
            section.related {
                h3 { (tr(lang, labels::RELATED)) }
                @if article.related.is_empty() {
                    p.none { (tr(lang, labels::NO_RELATED)) }
                } @else {
                    ul { @for related in &article.related { (related_item(related, lang)) } }
                }
            }
            @if let Some(bookmarks) = &article.bookmarks {
                section.bookmarks {
                    h3 { (tr(lang, labels::BOOKMARKS)) }
                    @if bookmarks.is_empty() {
                        p.none { (tr(lang, labels::NO_BOOKMARKS)) }
                    } @else {
                        ul {
                            @for bookmark in bookmarks {
                                li {
                                    p dir="auto" lang=[text_lang] { "«" (bookmark.text) "»" }
                                    @if let Some(note) = bookmark.note {
                                        blockquote.note dir="auto" { (line(note)) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A fact, its figures in bold, and the warning when a figure's direction is forced.
fn fact_item(fact: &FactEntry, text_lang: Option<&str>, lang: Lang) -> Markup {
    let mut pieces = Vec::new();
    let mut at = 0;
    for figure in &fact.figures {
        pieces.push((&fact.text[at..figure.start], &fact.text[figure.clone()]));
        at = figure.end;
    }
    html! {
        li dir="auto" lang=[text_lang] {
            @for (before, figure) in pieces { (before) strong { (figure) } }
            (&fact.text[at..])
            @if fact.direction_forced {
                p.warning dir=(lang_dir(lang)) lang=(lang_code(lang)) {
                    "⚠ " (tr(lang, FORCED_DIRECTION))
                }
            }
        }
    }
}

/// A theme: its label (with the English one on an English page) and its counts.
fn theme_item(theme: &ThemeEntry, lang: Lang) -> Markup {
    let (template, counts) = theme_counts(theme.passages_here, theme.articles);
    let counts: Vec<Markup> = counts.iter().map(|n| html! { (n) }).collect();
    html! {
        li {
            bdi { (line(theme.label)) }
            @if let (Lang::En, Some(english)) = (lang, theme.label_en) {
                " (" (line(english)) ")"
            }
            ": " (fill(lang, template, &counts))
        }
    }
}

/// A related passage: its article and its opening words, where this article says something
/// close, and the words they share.
fn related_item(related: &RelatedEntry, lang: Lang) -> Markup {
    // The other article is named as lists name it (its whole title heads its own page), and
    // the name goes there.
    let target = format!("#article-{}", related.to.article + 1);
    let title = html! { a href=(target) { bdi { (line(related.to.title)) } } };
    let here = html! { "«" bdi { (related.from_text) } "»" };
    let terms = related.terms.join("، ");
    html! {
        li {
            p.passage { (fill(lang, labels::RELATED_IN, &[title])) " «" bdi { (related.to.text) } "»" }
            @if related.same_text {
                p.where { (fill(lang, labels::SAME_TEXT_HERE, &[here])) }
            } @else {
                p.where { (fill(lang, labels::WHERE_HERE, &[here])) }
                @if !related.terms.is_empty() {
                    p.shared { (fill(lang, labels::SHARED_WORDS, &[html! { bdi { (terms) } }])) }
                }
            }
        }
    }
}

/// `template` in `lang`, its text escaped and its `{}` filled in order by `parts`.
fn fill(lang: Lang, template: &'static str, parts: &[Markup]) -> Markup {
    let mut parts = parts.iter();
    html! {
        @for (i, piece) in tr(lang, template).split("{}").enumerate() {
            @if i > 0 { @if let Some(part) = parts.next() { (part) } }
            (piece)
        }
    }
}

/// `lang`'s code, as `lang` attributes write it.
fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Ar => "ar",
        Lang::En => "en",
    }
}

/// The direction `lang` reads in, as `dir` attributes write it.
fn lang_dir(lang: Lang) -> &'static str {
    if lang.is_rtl() { "rtl" } else { "ltr" }
}

/// A text that is not an article's, on one line and without controls (see [`sanitise_line`]).
fn line(text: &str) -> String {
    sanitise_line(text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Analysis, ThemeSource};
    use crate::corpus::{Corpus, parse_document};
    use crate::export::page::handout;
    use crate::export::page::tests::{NOTE, builtin};
    use scraper::{Html, Selector};

    fn render(
        corpus: &Corpus,
        analysis: &Analysis,
        notes: Option<&crate::state::ReaderState>,
        lang: Lang,
    ) -> Html {
        let mut out = Vec::new();
        write(&mut out, &handout(corpus, analysis, notes), lang).unwrap();
        let text = String::from_utf8(out).unwrap();
        let page = Html::parse_document(&text);
        assert!(page.errors.is_empty(), "{:?}", page.errors);
        page
    }

    fn all<'p>(page: &'p Html, selector: &str) -> Vec<scraper::ElementRef<'p>> {
        page.select(&Selector::parse(selector).unwrap()).collect()
    }

    fn text(element: &scraper::ElementRef) -> String {
        element.text().collect()
    }

    #[test]
    fn the_arabic_page_reads_from_the_right_with_the_handouts_structure() {
        let (corpus, analysis, _) = builtin();
        let page = render(&corpus, &analysis, None, Lang::Ar);
        let root = all(&page, "html")[0];
        assert_eq!(root.value().attr("lang"), Some("ar"));
        assert_eq!(root.value().attr("dir"), Some("rtl"));
        assert_eq!(text(&all(&page, "head > title")[0]), "مطبوعة بصيرة");
        assert!(all(&page, "head > style")[0].inner_html().contains("@media print"));
        assert!(all(&page, "script, link, img").is_empty(), "self-contained, nothing to run");
        assert_eq!(all(&page, "h1").len(), 1);
        let articles = all(&page, "main > article");
        assert_eq!(articles.len(), corpus.documents.len());
        let headings =
            ["النقاط الرئيسية", "الوقائع والأرقام", "المحاور", "مقاطع ذات صلة في المقالات الأخرى"];
        for (i, (article, document)) in articles.iter().zip(&corpus.documents).enumerate() {
            assert_eq!(article.value().attr("id"), Some(format!("article-{}", i + 1).as_str()));
            let title = article.select(&Selector::parse("h2").unwrap()).next().unwrap();
            assert_eq!(text(&title), document.full_title());
            assert_eq!(title.value().attr("dir"), Some("auto"));
            let h3: Vec<String> = article
                .select(&Selector::parse("section > h3").unwrap())
                .map(|h| text(&h))
                .collect();
            assert_eq!(h3, headings, "article {i}");
            let source =
                text(&article.select(&Selector::parse("p.source").unwrap()).next().unwrap());
            assert_eq!(source, format!("المصدر: {}", document.path));
        }
        // A related passage names its article (a link to its page) and quotes both passages.
        let related = all(&page, "#article-1 section.related li");
        assert!(!related.is_empty());
        for item in &related {
            let link = item.select(&Selector::parse("p.passage a").unwrap()).next().unwrap();
            let target = link.value().attr("href").unwrap();
            assert!(target.starts_with("#article-") && target != "#article-1", "{target}");
            assert!(text(item).contains("حيث تقول هذه المقالة: «"), "{}", text(item));
            assert!(!text(item).contains("paragraph"));
        }
        let figures = all(&page, "#article-3 section.facts li strong");
        assert!(figures.iter().any(|f| text(f).contains("274")));
        assert!(all(&page, "section.bookmarks").is_empty(), "no notes unless asked for");
    }

    #[test]
    fn the_english_page_reads_from_the_left_and_the_articles_text_says_it_is_arabic() {
        let (corpus, analysis, state) = builtin();
        let page = render(&corpus, &analysis, Some(&state), Lang::En);
        let root = all(&page, "html")[0];
        assert_eq!(
            (root.value().attr("lang"), root.value().attr("dir")),
            (Some("en"), Some("ltr"))
        );
        let title = all(&page, "article h2")[0];
        assert_eq!(title.value().attr("lang"), Some("ar"));
        assert!(
            all(&page, "section.key-points li")
                .iter()
                .all(|li| li.value().attr("lang") == Some("ar"))
        );
        let notes = all(&page, "#article-1 section.bookmarks blockquote.note");
        assert_eq!(notes.iter().map(text).collect::<Vec<_>>(), [NOTE]);
        assert!(
            text(&all(&page, "#article-2 section.bookmarks")[0]).contains("No bookmarks or notes")
        );
    }

    #[test]
    fn nothing_from_an_article_becomes_markup() {
        let hostile = "<script>alert(1)</script> \"><img src=x onerror=alert(2)> & <b>";
        let text_of_article = format!("{hostile}\n\nفقرة أولى <i>مائلة</i> وفيها 274 ألف حساب.\n");
        let corpus = Corpus {
            documents: vec![parse_document("<evil>.txt", &text_of_article, false)],
            warnings: vec![],
        };
        let analysis = Analysis::new(&corpus, &ThemeSource::default_for(&corpus));
        let page = render(&corpus, &analysis, None, Lang::Ar);
        assert!(all(&page, "script, img, b, i, evil").is_empty());
        assert_eq!(text(&all(&page, "article h2")[0]), hostile);
        assert_eq!(text(&all(&page, "title")[0]), "مطبوعة بصيرة");
        assert!(text(&all(&page, "p.source")[0]).contains("<evil>.txt"));
        assert!(text(&all(&page, "nav a")[0]).contains("<script>"));
    }
}
