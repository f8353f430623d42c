//! Handouts: one page per article for trainers and students, in Markdown (for printing, a
//! wiki or plain text), HTML (one self-contained page to open in a browser and print) or
//! JSON (for scripts). Each article's page gives its whole title and its source, its key
//! points, its facts and figures, the themes it shares with the collection, related passages
//! in the other articles — each shown by its opening words and its article, for a paragraph
//! number means nothing on paper — and, when asked for, the reader's bookmarks and notes.
//!
//! `page` gathers what a page shows; `markdown` and `html` write it with the headings and
//! labels of `labels` in the interface's language; JSON is `page`'s data as it is, with the
//! field names scripts rely on (paragraphs counted from 0, as in the analysis commands'
//! output). `file` puts a handout in a file: where `-o` says ([`write_handout_file`]), or
//! under a new name ([`write_new_handout_file`], the reader's `e`).
//!
//! Whatever the format, what is written passes through [`SafeOutput`](crate::output::SafeOutput)
//! last, as everything basira prints does: an article's bidi embeddings and overrides do not
//! reach the file.

mod file;
mod html;
mod labels;
mod markdown;
mod page;

use std::io::{self, Write};

use crate::analysis::Analysis;
use crate::corpus::Corpus;
use crate::json::write_pretty;
use crate::lang::Lang;
use crate::state::ReaderState;

pub use file::{write_handout_file, write_new_handout_file};

/// The format of a handout.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum HandoutFormat {
    /// Markdown, for printing, a wiki or reading as plain text.
    #[default]
    Markdown,
    /// One self-contained HTML page, right to left for Arabic, with a print stylesheet.
    Html,
    /// JSON, for scripts.
    Json,
}

impl HandoutFormat {
    /// The extension a file of this format takes (`md`, `html`, `json`).
    pub fn extension(self) -> &'static str {
        match self {
            HandoutFormat::Markdown => "md",
            HandoutFormat::Html => "html",
            HandoutFormat::Json => "json",
        }
    }
}

/// What a handout holds and how it is written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HandoutOptions {
    /// Its format.
    pub format: HandoutFormat,
    /// The language of its headings and labels (Markdown and HTML; Arabic makes the HTML
    /// page right to left).
    pub lang: Lang,
    /// Whether the reader's bookmarks and notes are in it (they are the reader's own, and
    /// left out unless asked for).
    pub with_notes: bool,
}

/// Write the handout of every article of `corpus` (in collection order), with the bookmarks
/// and notes of `state` if `options` asks for them.
pub fn write_handout(
    out: &mut dyn Write,
    corpus: &Corpus,
    analysis: &Analysis,
    state: &ReaderState,
    options: HandoutOptions,
) -> io::Result<()> {
    let notes = options.with_notes.then_some(state);
    let handout = page::handout(corpus, analysis, notes);
    match options.format {
        HandoutFormat::Json => write_pretty(out, &handout),
        HandoutFormat::Markdown => markdown::write(out, &handout, options.lang),
        HandoutFormat::Html => html::write(out, &handout, options.lang),
    }
}
