//! `basira cat`: the articles laid out for a terminal, as plain text in visual order.

use std::io::{self, Write};

use crate::corpus::Corpus;
use crate::layout::{LayoutOptions, layout_paragraph};

/// Write every paragraph of every document laid out at `width` columns: right-to-left lines
/// aligned to the right, one blank line between paragraphs and between documents.
pub fn write_corpus(
    out: &mut (impl Write + ?Sized),
    corpus: &Corpus,
    width: u16,
    options: &LayoutOptions,
) -> io::Result<()> {
    let mut first = true;
    for document in &corpus.documents {
        for paragraph in &document.paragraphs {
            if !first {
                out.write_all(b"\n")?;
            }
            first = false;
            let layout = layout_paragraph(&paragraph.text, document.direction, width, options);
            for line in &layout.lines {
                let padded = line.to_padded_string();
                out.write_all(padded.trim_end_matches(' ').as_bytes())?;
                out.write_all(b"\n")?;
            }
        }
    }
    Ok(())
}
