//! What the analysis commands print: JSON with the names scripts rely on, or readable text
//! laid out by the engine so that Arabic reads right in a terminal.

use std::borrow::Cow;
use std::io::{self, Write};

use serde::Serialize;

use crate::analysis::view::{self, FactView, RelatedView};
use crate::analysis::{Analysis, Budget, FORCED_DIRECTION};
use crate::corpus::{Corpus, Document, sanitise_line};
use crate::json::{write_compact, write_pretty};
use crate::layout::{LayoutOptions, layout_paragraph};
use crate::one_line::one_line;

/// How a command prints: JSON, or text laid out at a width.
#[derive(Clone, Copy, Debug)]
pub enum Format {
    /// Pretty-printed JSON.
    Json,
    /// JSON on one line; themes and links as tables of documents and passages, each text
    /// once, that the entries point into (a collection's links would repeat each paragraph's
    /// text for every link).
    CompactJson,
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
    /// Whether the section's name goes above the point in text.
    #[serde(skip)]
    opens_section: bool,
}

#[derive(Serialize)]
struct FactEntry<'a> {
    text: &'a str,
    paragraph: usize,
    sentence: usize,
    numbers: Vec<&'a str>,
    /// Present, and true, when a figure's direction is forced by the text (see
    /// [`Fact::has_forced_direction`](crate::analysis::Fact::has_forced_direction)).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    direction_forced: bool,
}

/// `{"themes":[{"id","label","label_en","terms","articles","passages":[…]}]}`, the passages
/// as `P` gives them (whole, or by index in the compact form).
#[derive(Serialize)]
struct ThemesReport<'a, P: Serialize> {
    themes: Vec<ThemeEntry<'a, P>>,
}

#[derive(Serialize)]
struct ThemeEntry<'a, P: Serialize> {
    id: &'a str,
    label: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    label_en: Option<&'a str>,
    terms: &'a [String],
    articles: usize,
    passages: Vec<P>,
}

/// A paragraph of an article: `{"path","paragraph","text"}` (and a strength for themes).
#[derive(Serialize)]
struct PassageEntry<'a> {
    /// The document's index, for the compact form (not printed in this one).
    #[serde(skip)]
    document: usize,
    path: &'a str,
    paragraph: usize,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    strength: Option<f64>,
}

/// `{"links":[{"from","to","score","terms"}]}`, the passages as `L` gives them.
#[derive(Serialize)]
struct LinksReport<L: Serialize> {
    links: Vec<L>,
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

/// A compact report: `{"documents":[{"path","title"}],"passages":[{"document","paragraph",
/// "text"}], …}` with the entries beside them (`"links":[{"from","to","score","terms",
/// "same_text"}]`, `from` and `to` indexing `passages`; or `"themes":[{"id","label",
/// "label_en","terms","articles","passages":[{"passage","strength"}]}]`); a passage's
/// `document` indexes `documents`.
#[derive(Serialize)]
struct Compact<'a, T: Serialize> {
    documents: Vec<DocumentName<'a>>,
    passages: Vec<CompactPassage<'a>>,
    #[serde(flatten)]
    entries: T,
}

/// A document of a compact report.
#[derive(Serialize)]
struct DocumentName<'a> {
    path: &'a str,
    title: &'a str,
}

/// A paragraph of a compact report, by its document's index in `documents`.
#[derive(Serialize)]
struct CompactPassage<'a> {
    document: usize,
    paragraph: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct CompactLink<'a> {
    from: usize,
    to: usize,
    score: f64,
    terms: Vec<&'a str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    same_text: bool,
}

/// A theme's passage in a compact report: its index in `passages`, and how strongly it
/// belongs.
#[derive(Serialize)]
struct ThemePassage {
    passage: usize,
    strength: f64,
}

/// The passages a compact report names, each once, in the order first named.
struct PassageTable<'a> {
    corpus: &'a Corpus,
    index: std::collections::HashMap<(usize, usize), usize>,
    passages: Vec<CompactPassage<'a>>,
}

impl<'a> PassageTable<'a> {
    fn new(corpus: &'a Corpus) -> PassageTable<'a> {
        PassageTable { corpus, index: Default::default(), passages: Vec::new() }
    }

    /// The index of paragraph `paragraph` of document `document`, added if it is new.
    fn of(&mut self, document: usize, paragraph: usize) -> usize {
        *self.index.entry((document, paragraph)).or_insert_with(|| {
            let text = &self.corpus.documents[document].paragraphs[paragraph].text;
            self.passages.push(CompactPassage { document, paragraph, text });
            self.passages.len() - 1
        })
    }

    /// The report of `entries`, with every document's name and the passages named.
    fn finish<T: Serialize>(self, entries: T) -> Compact<'a, T> {
        let documents =
            self.corpus.documents.iter().map(|d| DocumentName { path: &d.path, title: &d.title });
        Compact { documents: documents.collect(), passages: self.passages, entries }
    }
}

/// `links` in the compact shape.
fn compact_links<'a>(
    corpus: &'a Corpus,
    links: Vec<LinkEntry<'a>>,
) -> Compact<'a, LinksReport<CompactLink<'a>>> {
    let mut table = PassageTable::new(corpus);
    let links = links
        .into_iter()
        .map(|l| CompactLink {
            from: table.of(l.from.document, l.from.paragraph),
            to: table.of(l.to.document, l.to.paragraph),
            score: l.score,
            terms: l.terms,
            same_text: l.same_text,
        })
        .collect();
    table.finish(LinksReport { links })
}

/// The themes `entries` in the compact shape.
fn compact_themes<'a>(
    corpus: &'a Corpus,
    entries: Vec<ThemeEntry<'a, PassageEntry<'a>>>,
) -> Compact<'a, ThemesReport<'a, ThemePassage>> {
    let mut table = PassageTable::new(corpus);
    let themes = entries
        .into_iter()
        .map(|entry| ThemeEntry {
            passages: entry
                .passages
                .iter()
                .map(|p| ThemePassage {
                    passage: table.of(p.document, p.paragraph),
                    strength: p.strength.unwrap_or_default(),
                })
                .collect(),
            id: entry.id,
            label: entry.label,
            label_en: entry.label_en,
            terms: entry.terms,
            articles: entry.articles,
        })
        .collect();
    table.finish(ThemesReport { themes })
}

/// Write `value` as the JSON `format` asks for.
fn write_json(
    out: &mut (impl Write + ?Sized),
    value: &impl Serialize,
    format: Format,
) -> io::Result<()> {
    match format {
        Format::CompactJson => write_compact(out, value),
        _ => write_pretty(out, value),
    }
}

fn passage<'a>(corpus: &'a Corpus, document: usize, paragraph: usize) -> PassageEntry<'a> {
    let doc = &corpus.documents[document];
    PassageEntry {
        document,
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
            key_points: view::key_points(analysis, document, i, budget)
                .into_iter()
                .map(|k| KeyPointEntry {
                    rank: k.rank,
                    text: k.text,
                    paragraph: k.paragraph,
                    sentence: k.sentence,
                    score: (k.score * 1000.0).round() / 1000.0,
                    section: k.section,
                    opens_section: k.opens_section,
                })
                .collect(),
        })
        .collect();
    let Format::Text { width, options } = format else {
        return write_json(out, &KeyPointsReport { documents }, format);
    };
    let mut text = TextWriter { out, width, options, first: true };
    for (document, entry) in corpus.documents.iter().zip(&documents) {
        text.heading(&document.title, document)?;
        for point in &entry.key_points {
            if point.opens_section {
                text.line(&format!("§ {}", point.section.unwrap_or_default()), document)?;
            }
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
                    let fact = FactView::of(document, f);
                    FactEntry {
                        text: fact.text,
                        paragraph: fact.paragraph,
                        sentence: fact.sentence,
                        numbers: fact.numbers,
                        direction_forced: fact.direction_forced,
                    }
                })
                .collect(),
        })
        .collect();
    let Format::Text { width, options } = format else {
        return write_json(out, &FactsReport { documents }, format);
    };
    let mut text = TextWriter { out, width, options, first: true };
    for (document, entry) in corpus.documents.iter().zip(&documents) {
        text.heading(&document.title, document)?;
        for fact in &entry.facts {
            text.paragraph(&format!("• {}", fact.text), document)?;
            text.line(&format!("  [{}]", fact.numbers.join(" · ")), document)?;
            if fact.direction_forced {
                text.paragraph(&format!("  ⚠ {FORCED_DIRECTION}"), document)?;
            }
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
    let themes: Vec<ThemeEntry<PassageEntry>> = analysis
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
        if let Format::CompactJson = format {
            return write_compact(out, &compact_themes(corpus, themes));
        }
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
    // The links are in the order of the paragraphs they start from.
    let mut from: Vec<(usize, usize)> = analysis.links.iter().map(|l| l.from()).collect();
    from.dedup();
    let kept: Vec<RelatedView> = from
        .into_iter()
        .flat_map(|(document, paragraph)| {
            view::related_to_paragraph(analysis, corpus, document, paragraph, k)
        })
        .collect();
    let Format::Text { width, options } = format else {
        let links: Vec<LinkEntry> = kept
            .into_iter()
            .map(|r| LinkEntry {
                from: passage(corpus, r.from.0, r.from.1),
                to: passage(corpus, r.to.0, r.to.1),
                score: r.score,
                terms: r.terms,
                same_text: r.same_text,
            })
            .collect();
        if let Format::CompactJson = format {
            return write_compact(out, &compact_links(corpus, links));
        }
        return write_pretty(out, &LinksReport { links });
    };
    let mut text = TextWriter { out, width, options, first: true };
    for related in &kept {
        let from = &corpus.documents[related.from.0];
        let to = &corpus.documents[related.to.0];
        text.heading(
            &format!(
                "article {} paragraph {} → article {} paragraph {}  (score {:.2}; {})",
                related.from.0 + 1,
                related.from.1,
                related.to.0 + 1,
                related.to.1,
                related.score,
                if related.same_text {
                    "the same text".to_string()
                } else {
                    format!("shared: {}", related.terms.join("، "))
                }
            ),
            from,
        )?;
        text.line(&from.paragraphs[related.from.1].text, from)?;
        text.line(related.text, to)?;
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
