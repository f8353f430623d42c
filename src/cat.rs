//! `basira cat`: the articles laid out for a terminal, as plain text in visual order.
//!
//! Paragraphs are laid out independently of each other, so each batch of them is shared out
//! among the machine's cores, and written in order as soon as it is done.

use std::io::{self, Write};

use rayon::prelude::*;

use crate::corpus::Corpus;
use crate::layout::{LayoutOptions, layout_paragraph};
use crate::text::Direction;

/// Paragraphs laid out per batch: enough to keep every core busy, few enough that the
/// output of a batch stays small.
const BATCH: usize = 512;

/// Paragraphs one task lays out: small enough to balance the cores, large enough that the
/// task's bookkeeping is nothing beside the layout.
const TASK: usize = 8;

/// Write every paragraph of every document laid out at `width` columns: right-to-left lines
/// aligned to the right, one blank line between paragraphs and between documents.
pub fn write_corpus(
    out: &mut (impl Write + ?Sized),
    corpus: &Corpus,
    width: u16,
    options: &LayoutOptions,
) -> io::Result<()> {
    let paragraphs: Vec<(&str, Direction)> = corpus
        .documents
        .iter()
        .flat_map(|d| d.paragraphs.iter().map(move |p| (p.text.as_str(), d.direction)))
        .collect();
    for (b, batch) in paragraphs.chunks(BATCH).enumerate() {
        let parts: Vec<Vec<u8>> =
            batch.par_chunks(TASK).map(|part| lay_out(part, width, options)).collect();
        for (i, part) in parts.iter().enumerate() {
            // The blank line between paragraphs: before every paragraph but the first.
            if b > 0 || i > 0 {
                out.write_all(b"\n")?;
            }
            out.write_all(part)?;
        }
    }
    Ok(())
}

/// Paragraphs laid out as the terminal shows them, a blank line between them.
fn lay_out(paragraphs: &[(&str, Direction)], width: u16, options: &LayoutOptions) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, (text, direction)) in paragraphs.iter().enumerate() {
        if i > 0 {
            out.push(b'\n');
        }
        for line in &layout_paragraph(text, *direction, width, options).lines {
            let drawn = line.text().trim_end_matches(' ');
            if !drawn.is_empty() {
                out.resize(out.len() + usize::from(line.indent), b' ');
                out.extend_from_slice(drawn.as_bytes());
            }
            out.push(b'\n');
        }
    }
    out
}
