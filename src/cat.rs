//! `basira cat`: the articles laid out for a terminal, as plain text in visual order.
//!
//! Paragraphs are laid out independently of each other, so they are shared out among the
//! machine's cores in batches, and each batch is written in order as soon as it is done.

use std::io::{self, Write};

use crate::corpus::Corpus;
use crate::layout::{LayoutOptions, layout_paragraph};
use crate::text::Direction;

/// Paragraphs laid out per batch: enough to keep every core busy, few enough that the
/// output of a batch stays small.
const BATCH: usize = 512;

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
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8);
    for (b, batch) in paragraphs.chunks(BATCH).enumerate() {
        let share = batch.len().div_ceil(threads).max(1);
        let parts: Vec<Vec<u8>> = std::thread::scope(|scope| {
            let workers: Vec<_> = batch
                .chunks(share)
                .map(|part| scope.spawn(move || lay_out(part, width, options)))
                .collect();
            workers
                .into_iter()
                .map(|w| w.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
                .collect()
        });
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
            let padded = line.to_padded_string();
            out.extend_from_slice(padded.trim_end_matches(' ').as_bytes());
            out.push(b'\n');
        }
    }
    out
}
