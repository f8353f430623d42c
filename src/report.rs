//! What the analysis commands print: JSON with the names scripts rely on, or readable text
//! laid out by the engine so that Arabic reads right in a terminal.

use std::borrow::Cow;
use std::io::{self, Write};

use serde::Serialize;

use crate::analysis::{Analysis, Budget};
use crate::corpus::{Corpus, Document, sanitise_line};
use crate::json::write_pretty;
use crate::layout::{LayoutOptions, layout_paragraph};
use crate::text::written::StemmedWords;
use crate::ui::chrome::one_line;

/// How a command prints: JSON, or text laid out at a width.
#[derive(Clone, Copy, Debug)]
pub enum Format {
    /// Pretty-printed JSON.
    Json,
    /// Text for a terminal `width` columns wide.
    Text {
        /// Columns.
        width: u16,
        /// Layout options.
        options: LayoutOptions,
    },
}

/// `{"documents":[{"path","title","key_points":[{"rank","text","paragraph","sentence","score","section"}]}]}`
#[derive(Serialize)]
struct KeyPointsReport<'a> {
    documents: Vec<DocumentKeyPoints<'a>>,
}

#[derive(Serialize)]
struct DocumentKeyPoints<'a> {
    path: &'a str,
    title: &'a str,
    key_points: Vec<KeyPointEntry<'a>>,
}

/// `{"documents":[{"path","title","facts":[{"text","paragraph","sentence","numbers"}]}]}`
#[derive(Serialize)]
struct FactsReport<'a> {
    documents: Vec<DocumentFacts<'a>>,
}

#[derive(Serialize)]
struct DocumentFacts<'a> {
    path: &'a str,
    title: &'a str,
    facts: Vec<FactEntry<'a>>,
}

#[derive(Serialize)]
struct KeyPointEntry<'a> {
    rank: usize,
    text: Cow<'a, str>,
    paragraph: usize,
    sentence: usize,
    score: f64,
    /// The heading or numbered item's label the point falls under, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    section: Option<&'a str>,
}

#[derive(Serialize)]
struct FactEntry<'a> {
    text: &'a str,
    paragraph: usize,
    sentence: usize,
    numbers: Vec<&'a str>,
}

/// `{"themes":[{"id","label","label_en","terms","articles","passages":[…]}]}`
#[derive(Serialize)]
struct ThemesReport<'a> {
    themes: Vec<ThemeEntry<'a>>,
}

#[derive(Serialize)]
struct ThemeEntry<'a> {
    id: &'a str,
    label: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    label_en: Option<&'a str>,
    terms: &'a [String],
    articles: usize,
    passages: Vec<PassageEntry<'a>>,
}

/// A paragraph of an article: `{"path","paragraph","text"}` (and a strength for themes).
#[derive(Serialize)]
struct PassageEntry<'a> {
    path: &'a str,
    paragraph: usize,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    strength: Option<f64>,
}

/// `{"links":[{"from","to","score","terms"}]}`
#[derive(Serialize)]
struct LinksReport<'a> {
    links: Vec<LinkEntry<'a>>,
}

#[derive(Serialize)]
struct LinkEntry<'a> {
    from: PassageEntry<'a>,
    to: PassageEntry<'a>,
    score: f64,
    terms: Vec<&'a str>,
    /// Set when the two paragraphs are the same text (a republished article, a statement
    /// quoted whole) rather than two passages on one subject.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    same_text: bool,
}

fn passage<'a>(corpus: &'a Corpus, document: usize, paragraph: usize) -> PassageEntry<'a> {
    let doc = &corpus.documents[document];
    PassageEntry {
        path: &doc.path,
        paragraph,
        text: &doc.paragraphs[paragraph].text,
        strength: None,
    }
}

/// Write the key points of every document.
pub fn write_key_points(
    out: &mut (impl Write + ?Sized),
    corpus: &Corpus,
    analysis: &Analysis,
    budget: Budget,
    format: Format,
) -> io::Result<()> {
    let documents: Vec<DocumentKeyPoints> = corpus
        .documents
        .iter()
        .enumerate()
        .map(|(i, document)| DocumentKeyPoints {
            path: &document.path,
            title: &document.title,
            key_points: analysis
                .key_points(i, budget)
                .into_iter()
                .map(|k| KeyPointEntry {
                    rank: k.rank,
                    text: k.text(document),
                    paragraph: k.paragraph,
                    sentence: k.sentence,
                    score: (k.score * 1000.0).round() / 1000.0,
                    section: k.section_name(document),
                })
                .collect(),
        })
        .collect();
    let Format::Text { width, options } = format else {
        return write_pretty(out, &KeyPointsReport { documents });
    };
    let mut text = TextWriter { out, width, options, first: true };
    for (document, entry) in corpus.documents.iter().zip(&documents) {
        text.heading(&document.title, document)?;
        let mut section = None;
        for point in &entry.key_points {
            if point.section.is_some() && point.section != section {
                text.line(&format!("§ {}", point.section.unwrap_or_default()), document)?;
            }
            section = point.section;
            text.paragraph(&format!("• {}", point.text), document)?;
        }
    }
    Ok(())
}

/// Write the facts and figures of every document.
pub fn write_facts(
    out: &mut (impl Write + ?Sized),
    corpus: &Corpus,
    analysis: &Analysis,
    format: Format,
) -> io::Result<()> {
    let documents: Vec<DocumentFacts> = corpus
        .documents
        .iter()
        .zip(&analysis.documents)
        .map(|(document, found)| DocumentFacts {
            path: &document.path,
            title: &document.title,
            facts: found
                .facts
                .iter()
                .map(|f| {
                    let text = &document.paragraphs[f.paragraph()].text;
                    FactEntry {
                        text: &text[f.range()],
                        paragraph: f.paragraph(),
                        sentence: f.sentence(),
                        numbers: f.figures().into_iter().map(|r| &text[r]).collect(),
                    }
                })
                .collect(),
        })
        .collect();
    let Format::Text { width, options } = format else {
        return write_pretty(out, &FactsReport { documents });
    };
    let mut text = TextWriter { out, width, options, first: true };
    for (document, entry) in corpus.documents.iter().zip(&documents) {
        text.heading(&document.title, document)?;
        for fact in &entry.facts {
            text.paragraph(&format!("• {}", fact.text), document)?;
            text.line(&format!("  [{}]", fact.numbers.join(" · ")), document)?;
        }
    }
    Ok(())
}

/// Write the themes with their passages.
pub fn write_themes(
    out: &mut (impl Write + ?Sized),
    corpus: &Corpus,
    analysis: &Analysis,
    format: Format,
) -> io::Result<()> {
    let themes: Vec<ThemeEntry> = analysis
        .themes
        .iter()
        .map(|t| ThemeEntry {
            id: &t.id,
            label: &t.label,
            label_en: t.label_en.as_deref(),
            terms: &t.terms,
            articles: t.article_count(),
            passages: t
                .passages
                .iter()
                .map(|p| PassageEntry {
                    strength: Some(p.strength),
                    ..passage(corpus, p.document, p.paragraph)
                })
                .collect(),
        })
        .collect();
    let Format::Text { width, options } = format else {
        return write_pretty(out, &ThemesReport { themes });
    };
    let mut text = TextWriter { out, width, options, first: true };
    for (theme, entry) in analysis.themes.iter().zip(&themes) {
        let english = entry.label_en.map(|l| format!(" — {l}")).unwrap_or_default();
        let first = &corpus.documents[theme.passages.first().map_or(0, |p| p.document)];
        text.heading(&format!("{}{english}", entry.label), first)?;
        text.line(
            &format!("{} passages in {} articles", entry.passages.len(), entry.articles),
            first,
        )?;
        for p in &theme.passages {
            let document = &corpus.documents[p.document];
            text.line(&document.paragraphs[p.paragraph].text, document)?;
        }
    }
    Ok(())
}

/// Write the cross-links, at most `k` per paragraph.
pub fn write_links(
    out: &mut (impl Write + ?Sized),
    corpus: &Corpus,
    analysis: &Analysis,
    k: usize,
    format: Format,
) -> io::Result<()> {
    let mut kept = Vec::new();
    for link in &analysis.links {
        let earlier = kept
            .iter()
            .rev()
            .take_while(|l: &&&crate::analysis::Link| l.from() == link.from())
            .count();
        if earlier < k {
            kept.push(link);
        }
    }
    // The shared terms as each paragraph links from writes them; its words are stemmed once
    // for its links, which come together.
    let mut from: Option<((usize, usize), StemmedWords)> = None;
    let links: Vec<LinkEntry> = kept
        .iter()
        .map(|l| {
            let words = match &from {
                Some((place, words)) if *place == l.from() => words,
                _ => {
                    let text = &corpus.documents[l.from().0].paragraphs[l.from().1].text;
                    &from.insert((l.from(), StemmedWords::of(text))).1
                }
            };
            LinkEntry {
                from: passage(corpus, l.from().0, l.from().1),
                to: passage(corpus, l.to().0, l.to().1),
                score: l.score(),
                terms: analysis.link_terms_written(l, words),
                same_text: l.same_text(),
            }
        })
        .collect();
    let Format::Text { width, options } = format else {
        return write_pretty(out, &LinksReport { links });
    };
    let mut text = TextWriter { out, width, options, first: true };
    for (link, entry) in kept.iter().zip(&links) {
        let from = &corpus.documents[link.from().0];
        let to = &corpus.documents[link.to().0];
        text.heading(
            &format!(
                "article {} paragraph {} → article {} paragraph {}  (score {:.2}; {})",
                link.from().0 + 1,
                link.from().1,
                link.to().0 + 1,
                link.to().1,
                link.score(),
                if link.same_text() {
                    "the same text".to_string()
                } else {
                    format!("shared: {}", entry.terms.join("، "))
                }
            ),
            from,
        )?;
        text.line(&from.paragraphs[link.from().1].text, from)?;
        text.line(&to.paragraphs[link.to().1].text, to)?;
    }
    Ok(())
}

/// Laid-out text: blocks separated by blank lines, each laid out by the engine.
struct TextWriter<'w, W: Write + ?Sized> {
    out: &'w mut W,
    width: u16,
    options: LayoutOptions,
    first: bool,
}

impl<W: Write + ?Sized> TextWriter<'_, W> {
    /// A heading (a title, a theme's label): a blank line before it (but at the top), then
    /// the text, made safe to show (it may come from a file name or a theme file).
    fn heading(&mut self, text: &str, document: &Document) -> io::Result<()> {
        if !self.first {
            writeln!(self.out)?;
        }
        self.first = false;
        self.paragraph(&sanitise_line(text), document)
    }

    /// A whole paragraph, wrapped.
    fn paragraph(&mut self, text: &str, document: &Document) -> io::Result<()> {
        for line in layout_paragraph(text, document.direction, self.width, &self.options).lines {
            writeln!(self.out, "{}", line.to_padded_string().trim_end())?;
        }
        Ok(())
    }

    /// One line, cut with an ellipsis if it does not fit.
    fn line(&mut self, text: &str, document: &Document) -> io::Result<()> {
        let line = one_line(text, document.direction, self.width, &self.options);
        writeln!(self.out, "{}", line.to_padded_string().trim_end())
    }
}
