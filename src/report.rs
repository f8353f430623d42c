//! What the analysis commands print: JSON with the names scripts rely on, or readable text
//! laid out by the engine so that Arabic reads right in a terminal.

use std::io::{self, Write};

use serde::Serialize;

use crate::analysis::{Budget, Prepared, key_points};
use crate::corpus::{Corpus, Document};
use crate::layout::{LayoutOptions, layout_paragraph};

/// `{"documents":[{"path","title","key_points":[…]}]}`
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

/// One key point: `{"rank","text","paragraph","sentence","score"}`.
#[derive(Serialize)]
struct KeyPointEntry<'a> {
    rank: usize,
    text: &'a str,
    paragraph: usize,
    sentence: usize,
    score: f64,
}

/// Write the key points of every document, as JSON or as laid-out text `width` wide.
pub fn write_key_points(
    out: &mut (impl Write + ?Sized),
    corpus: &Corpus,
    budget: Budget,
    json: bool,
    width: u16,
    options: &LayoutOptions,
) -> io::Result<()> {
    let prepared = Prepared::new(corpus);
    let documents: Vec<DocumentKeyPoints> = corpus
        .documents
        .iter()
        .zip(&prepared.documents)
        .map(|(document, paragraphs)| DocumentKeyPoints {
            path: &document.path,
            title: &document.title,
            key_points: key_points(document, paragraphs, budget)
                .into_iter()
                .map(|k| KeyPointEntry {
                    rank: k.rank,
                    text: &document.paragraphs[k.paragraph].text[k.range.clone()],
                    paragraph: k.paragraph,
                    sentence: k.sentence,
                    score: (k.score * 1000.0).round() / 1000.0,
                })
                .collect(),
        })
        .collect();
    if json {
        serde_json::to_writer_pretty(&mut *out, &KeyPointsReport { documents })?;
        return writeln!(out);
    }
    for (i, (document, doc)) in corpus.documents.iter().zip(&documents).enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        write_laid_out(out, &document.title, document, width, options)?;
        for point in &doc.key_points {
            writeln!(out)?;
            write_laid_out(out, &format!("• {}", point.text), document, width, options)?;
        }
    }
    Ok(())
}

/// Write a text laid out at `width`, one visual line per line.
fn write_laid_out(
    out: &mut (impl Write + ?Sized),
    text: &str,
    document: &Document,
    width: u16,
    options: &LayoutOptions,
) -> io::Result<()> {
    for line in layout_paragraph(text, document.direction, width, options).lines {
        writeln!(out, "{}", line.to_padded_string().trim_end())?;
    }
    Ok(())
}
