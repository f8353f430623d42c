//! `basira cat`: the articles laid out for a terminal, as plain text in visual order.
//!
//! The articles are read a section at a time (see [`corpus::stream`](crate::corpus::stream)),
//! each section's paragraphs are laid out and written, and the section is let go before the
//! next is read: printing a file takes memory in proportion to a section, not to the file.
//! Paragraphs are laid out independently of each other, so each batch of them is shared out
//! among the machine's cores, and written in order as soon as it is done.

use std::io::{self, Write};

use rayon::prelude::*;

use crate::corpus::stream::Source;
use crate::corpus::{Form, LoadError, paragraph_texts};
use crate::layout::{LayoutOptions, write_block};
use crate::text::{Direction, dominant_direction, first_strong_direction};

/// Paragraphs laid out per batch: enough to keep every core busy, few enough that the
/// output of a batch stays small.
const BATCH: usize = 512;

/// Paragraphs one task lays out: small enough to balance the cores, large enough that the
/// task's bookkeeping is nothing beside the layout.
const TASK: usize = 8;

/// Why printing stopped.
#[derive(Debug)]
pub enum CatError {
    /// An article could not be read (it changed or went away after it was checked).
    Read(LoadError),
    /// The output could not be written.
    Write(io::Error),
}

impl From<io::Error> for CatError {
    fn from(e: io::Error) -> CatError {
        CatError::Write(e)
    }
}

/// Write every paragraph of the articles laid out at `width` columns: right-to-left lines
/// aligned to the right, one blank line between paragraphs and between articles.
pub fn write_sources(
    out: &mut (impl Write + ?Sized),
    sources: &[Source],
    width: u16,
    options: &LayoutOptions,
) -> Result<(), CatError> {
    let mut printer = Printer { out, width, options, first: true };
    for source in sources {
        for section in source.sections().map_err(CatError::Read)? {
            let section = section.map_err(CatError::Read)?;
            let paragraphs = paragraph_texts(&section.text(), source.is_markdown());
            drop(section);
            printer.write(&paragraphs, fallback_direction(&paragraphs))?;
        }
    }
    Ok(())
}

/// The direction of the paragraphs without a strong character: the document's, the one most
/// of the text runs in. Counting it reads all the text, so it is counted only when some
/// paragraph needs it (the direction given otherwise is never used).
fn fallback_direction(paragraphs: &[(String, Form)]) -> Direction {
    if paragraphs.iter().all(|(p, _)| first_strong_direction(p).is_some()) {
        return Direction::default();
    }
    dominant_direction(paragraphs.iter().map(|(p, _)| p.as_str()))
}

/// Paragraphs laid out and written one after another.
struct Printer<'o, W: Write + ?Sized> {
    /// Where the lines go.
    out: &'o mut W,
    /// The width to lay out at, in columns.
    width: u16,
    /// How to lay out.
    options: &'o LayoutOptions,
    /// Whether no paragraph has been written yet (none has a blank line before it).
    first: bool,
}

impl<W: Write + ?Sized> Printer<'_, W> {
    /// Lay out and write `paragraphs`, whose paragraphs without a strong character take
    /// `direction`, a blank line before each but the very first.
    fn write(&mut self, paragraphs: &[(String, Form)], direction: Direction) -> io::Result<()> {
        for batch in paragraphs.chunks(BATCH) {
            let (width, options) = (self.width, self.options);
            let parts: Vec<Vec<u8>> = batch
                .par_chunks(TASK)
                .map(|part| lay_out(part, direction, width, options))
                .collect();
            for part in &parts {
                if !self.first {
                    self.out.write_all(b"\n")?;
                }
                self.first = false;
                self.out.write_all(part)?;
            }
        }
        Ok(())
    }
}

/// Paragraphs laid out as the terminal shows them, a blank line between them.
fn lay_out(
    paragraphs: &[(String, Form)],
    direction: Direction,
    width: u16,
    options: &LayoutOptions,
) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, (text, form)) in paragraphs.iter().enumerate() {
        if i > 0 {
            out.push(b'\n');
        }
        write_block(text, form, direction, width, options, &mut out);
    }
    out
}
