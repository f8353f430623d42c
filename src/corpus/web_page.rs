//! Saved web pages (`.html`, `.htm`): the article in the page, without its furniture.
//!
//! The page is decoded in the encoding its byte-order mark or its `<meta>` declaration names,
//! else as any file is ([`decode`]: UTF-8, else `chardetng`'s guess). Elements hidden from the
//! reader are taken out; then `dom_smoothie` (a port of Mozilla's Readability, the algorithm
//! behind Firefox's reader view) finds the article and leaves out navigation, menus, share
//! bars, related-story rails, cookie notices, comments and footers, scripts and styles. The
//! article comes out as Markdown — title, byline, headings, paragraphs, lists, block quotes,
//! tables and figure captions — and is read from there as a Markdown file is, so that the
//! structure, furniture and analysis stages treat a page as any other article.

use std::path::Path;

use dom_smoothie::{Config, Readability, ReadabilityError, TextMode};
use encoding_rs::{Encoding, UTF_8};

use super::charset::declared_encoding;
use super::decode::{Decoded, decode};
use super::nesting::nests_deeper_than;
use super::problem::FileWarning;
use super::{Document, LoadError, parse_document};

/// The most elements a page may have: a long article page has a few thousand, and a page
/// past this is refused rather than scored, which takes memory and time in proportion.
const MAX_ELEMENTS: usize = 200_000;

/// How much text, in characters, the strictest reading of a page (the one that drops the
/// elements whose class or id says comments, sidebar, share bar, footer…) must find before
/// the looser ones are tried. Readability's 500 sent short news stories to the looser
/// readings, and their comments and share bars with them (64 of 200 pages).
const MIN_STRICT_ARTICLE: usize = 150;

/// How deeply a page may nest its elements. Browsers' parsers stop nesting at 512 levels
/// (Chromium's, Firefox's); real pages nest a few dozen.
const MAX_NESTING: usize = 1000;

/// How long a paragraph is, in characters, before it counts towards a page holding an
/// article (Readability's 140 refused short Arabic news stories of short paragraphs; a cookie
/// notice or a comment is under this).
const MIN_ARTICLE_PARAGRAPH: usize = 80;

/// Elements a browser does not show whatever the style sheet says, the class names sites
/// give to elements their style sheets hide, and readers' comments as sites and their
/// comment systems name them (Readability drops these only when the article is long; under a
/// short story they got through on 21 of 200 pages).
const HIDDEN: &str = "[hidden], [aria-hidden=\"true\"], template, noscript, \
                      .hidden, .d-none, .sr-only, .visually-hidden, .screen-reader-text, \
                      #comments, .comments, .comment, .comment-list, .comments-area, \
                      #disqus_thread, [itemprop=\"comment\"]";

/// Whether the file is a saved web page: its name ends in `.html` or `.htm` (any case).
pub(super) fn is_web_page(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

/// The article of a web page whose bytes are `bytes`, parsed as the page at `path` is when
/// the collection is opened; or why it has none (one sentence naming `path`).
pub fn parse_web_page(path: &str, bytes: Vec<u8>) -> Result<Document, LoadError> {
    let article = read_web_page(Path::new(path), bytes)?;
    Ok(parse_document(path, &article.text, true))
}

/// The article in the web page at `path`, whose bytes are `bytes`, as Markdown; or why there
/// is none.
pub(super) fn read_web_page(path: &Path, bytes: Vec<u8>) -> Result<Decoded, LoadError> {
    let page = page_text(path, bytes)?;
    let too_complex = || LoadError::PageTooComplex(path.to_path_buf());
    if nests_deeper_than(&page.text, MAX_NESTING) {
        return Err(too_complex());
    }
    let article = article_markdown(&page.text).map_err(|TooManyElements| too_complex())?;
    let article = article.ok_or(LoadError::NoArticle(path.to_path_buf()))?;
    Ok(Decoded { text: article, warning: page.warning })
}

/// The page's text: in the encoding its `<meta>` declares when it has no byte-order mark and
/// declares one other than UTF-8; else decoded as any file is.
fn page_text(path: &Path, bytes: Vec<u8>) -> Result<Decoded, LoadError> {
    let declared = declared_encoding(&bytes).filter(|&e| e != UTF_8);
    match declared {
        Some(encoding) if Encoding::for_bom(&bytes).is_none() => {
            let (text, malformed) = encoding.decode_without_bom_handling(&bytes);
            let warning = malformed
                .then(|| FileWarning::InvalidUtf16(path.to_path_buf(), encoding.name().to_owned()));
            Ok(Decoded { text: text.into_owned(), warning })
        }
        _ => decode(path, bytes),
    }
}

/// The article of the page `html` as Markdown: its title as a first-level heading, its
/// byline, then its text; None when the page holds no article (a section front, a page
/// of links); [`TooManyElements`] past [`MAX_ELEMENTS`].
fn article_markdown(html: &str) -> Result<Option<String>, TooManyElements> {
    let document = dom_query::Document::from(html);
    document.select(HIDDEN).remove();
    let config = Config {
        text_mode: TextMode::Markdown,
        max_elements_to_parse: MAX_ELEMENTS,
        readable_min_content_length: MIN_ARTICLE_PARAGRAPH,
        char_threshold: MIN_STRICT_ARTICLE,
        ..Config::default()
    };
    let Ok(mut readability) = Readability::with_document(document, None, Some(config)) else {
        return Ok(None);
    };
    if !readability.is_probably_readable() {
        return Ok(None);
    }
    let article = match readability.parse() {
        Ok(article) => article,
        Err(ReadabilityError::TooManyElements(..)) => return Err(TooManyElements),
        Err(_) => return Ok(None),
    };
    let mut markdown = String::with_capacity(article.text_content.len() + 256);
    let title = article.title.trim();
    if !title.is_empty() {
        markdown.push_str("# ");
        push_escaped(&mut markdown, title);
        markdown.push_str("\n\n");
    }
    if let Some(byline) = article.byline.as_deref().map(str::trim).filter(|b| !b.is_empty()) {
        push_escaped(&mut markdown, byline);
        markdown.push_str("\n\n");
    }
    markdown.extend(article.text_content.chars().filter(|&c| !is_invisible_in_a_word(c)));
    Ok(Some(markdown))
}

/// A page with more elements than [`MAX_ELEMENTS`].
struct TooManyElements;

/// Characters a page puts inside words that show nothing: the soft hyphen, the zero-width
/// space, the word joiner and a stray byte-order mark (the joiners that change how Arabic
/// letters join, U+200C and U+200D, stay).
fn is_invisible_in_a_word(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}' | '\u{2060}' | '\u{feff}')
}

/// `text` on one line with every ASCII punctuation character escaped, so that Markdown
/// reads it as text and nothing else.
fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars().filter(|&c| !is_invisible_in_a_word(c)) {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page with an article of three paragraphs, long enough to be one, and `extra` in it.
    fn page(extra: &str) -> String {
        let paragraph = "هبط سعر الدولار إلى أدنى مستوياته في أكثر من ثلاثة أعوام مقابل سلة \
                         عملات، الجمعة، متجها صوب أكبر خسارة أسبوعية في عامين، وفق رويترز، \
                         وتضررت العملة الأميركية من عوامل عدة هذا العام.";
        format!(
            "<html><head><title>الدولار</title></head><body><article><h1>الدولار</h1>\
             <p>{paragraph}</p>{extra}<p>{paragraph}</p><p>{paragraph}</p></article></body></html>"
        )
    }

    #[test]
    fn hidden_elements_scripts_and_styles_never_reach_the_text() {
        let extra = "<p hidden>مخفي أول</p><p class=\"hidden\">مخفي ثان</p>\
                     <p style=\"display:none\">مخفي ثالث</p><script>var s = 'سكربت';</script>\
                     <style>p{color:red}</style><p aria-hidden=\"true\">مخفي رابع</p>";
        let text = article_markdown(&page(extra)).ok().flatten().expect("an article");
        for hidden in ["مخفي", "سكربت", "color"] {
            assert!(!text.contains(hidden), "{hidden} in {text}");
        }
        assert!(text.starts_with("# الدولار\n\n"), "{text}");
    }

    #[test]
    fn entities_breaks_and_invisible_characters_are_handled() {
        let extra = "<p>أول&nbsp;سطر<br>ثاني س&shy;طر &amp; &lt;رمز&gt; ك\u{200b}لمة</p>";
        let text = article_markdown(&page(extra)).ok().flatten().expect("an article");
        assert!(text.contains("أول\u{a0}سطر"), "{text}");
        assert!(text.contains("ثاني سطر"), "{text}");
        assert!(text.contains("كلمة"), "{text}");
        assert!(text.contains("&") && text.contains("رمز"), "{text}");
    }

    #[test]
    fn a_page_without_an_article_has_none() {
        let links: String =
            (0..30).map(|i| format!("<li><a href=\"/{i}\">رابط رقم {i}</a></li>")).collect();
        let html = format!("<html><body><nav><ul>{links}</ul></nav><p>قصير</p></body></html>");
        assert!(matches!(article_markdown(&html), Ok(None)));
        assert!(matches!(article_markdown(""), Ok(None)));
    }

    #[test]
    fn a_page_nested_too_deeply_or_with_too_many_elements_is_refused_at_once() {
        let path = Path::new("deep.html");
        let deep = format!("{}{}", "<div>".repeat(100_000), page(""));
        let started = std::time::Instant::now();
        let error = read_web_page(path, deep.into_bytes()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "deep.html: the web page nests its elements too deeply or has too many to be read"
        );
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
        let many = page(&"<span>ك</span>".repeat(MAX_ELEMENTS));
        assert!(matches!(
            read_web_page(path, many.into_bytes()),
            Err(LoadError::PageTooComplex(_))
        ));
    }

    #[test]
    fn the_comments_under_a_short_story_are_left_out() {
        let story = "كشفت الشركة البريطانية اليوم عن أول سيارة رياضية متعددة الاستخدامات في تاريخها \
                     الممتد لأكثر من قرن، وقالت إن إنتاجها يبدأ العام المقبل.";
        let html = format!(
            "<html><body><div class=\"main\"><article><h1>سيارة</h1><p>{story}</p><p>{story}</p><p>{story}</p></article>\
             <section class=\"comments\"><ul><li class=\"comment\"><p>مقال رائع شكرا للكاتب \
             على هذه المعلومات القيمة والمفيدة جدا لكل قارئ</p></li></ul></section></div>\
             </body></html>"
        );
        let text = article_markdown(&html).ok().flatten().expect("an article");
        assert!(text.contains("كشفت الشركة"), "{text}");
        assert!(!text.contains("مقال رائع"), "{text}");
    }

    #[test]
    fn a_title_with_markdown_characters_stays_text() {
        let mut out = String::new();
        push_escaped(&mut out, "*تحذير* [1] # عاجل\nثان");
        assert_eq!(out, "\\*تحذير\\* \\[1\\] \\# عاجل ثان");
    }
}
