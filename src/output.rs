//! The writer that every text basira prints or writes to a file goes through last: the
//! reports, `cat`, the handouts in Markdown, HTML and JSON, to standard output or to a file.
//!
//! What it writes has been made safe where it was read (an article's text by
//! `sanitise`, a title or a note by
//! [`sanitise_line`](crate::corpus::sanitise_line), a JSON string by its escapes); this is the
//! one check on the way out, for whatever reached the output some other way: an article's bidi
//! formatting, kept for the layout and written as it is into a Markdown handout, or a cache
//! file written by someone else. Each piece is passed through
//! [`sanitise_output`]; text with nothing to change is written
//! as it is.

use std::io::{self, Write};

use crate::corpus::sanitise_output;

/// A writer that makes everything written through it safe for a terminal (see the module
/// notes). Bytes that are not UTF-8 are written as U+FFFD; a character cut between two writes
/// is held until the rest of it comes.
pub struct SafeOutput<W: Write> {
    inner: W,
    /// The first bytes of a character whose other bytes have not been written yet.
    partial: Vec<u8>,
}

impl<W: Write> SafeOutput<W> {
    /// Write to `inner` through the check.
    pub fn new(inner: W) -> SafeOutput<W> {
        SafeOutput { inner, partial: Vec::new() }
    }

    /// Write the text of `bytes`, made safe; return how many bytes at the end are the start
    /// of a character cut off.
    fn write_text(&mut self, mut bytes: &[u8]) -> io::Result<usize> {
        loop {
            match simdutf8::compat::from_utf8(bytes) {
                Ok(text) => {
                    self.inner.write_all(sanitise_output(text).as_bytes())?;
                    return Ok(0);
                }
                Err(e) => {
                    let (valid, rest) = bytes.split_at(e.valid_up_to());
                    // Checked by from_utf8 up to here.
                    let text = simdutf8::basic::from_utf8(valid).unwrap_or_default();
                    self.inner.write_all(sanitise_output(text).as_bytes())?;
                    match e.error_len() {
                        None => return Ok(rest.len()),
                        Some(bad) => {
                            self.inner
                                .write_all(char::REPLACEMENT_CHARACTER.to_string().as_bytes())?;
                            bytes = &rest[bad..];
                        }
                    }
                }
            }
        }
    }
}

impl<W: Write> Write for SafeOutput<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let joined;
        let bytes = if self.partial.is_empty() {
            buf
        } else {
            joined = [std::mem::take(&mut self.partial).as_slice(), buf].concat();
            &joined
        };
        let held = self.write_text(bytes)?;
        self.partial = bytes[bytes.len() - held..].to_vec();
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(pieces: &[&[u8]]) -> String {
        let mut out = SafeOutput::new(Vec::new());
        for piece in pieces {
            out.write_all(piece).unwrap();
        }
        String::from_utf8(out.inner).unwrap()
    }

    #[test]
    fn clean_text_is_written_as_it_is() {
        let text = "مقال «عربي» (2024)\n\tسطر ثان\u{200f}\n";
        assert_eq!(through(&[text.as_bytes()]), text);
    }

    #[test]
    fn escapes_controls_and_bidi_formatting_do_not_leave() {
        let text =
            "a\u{1b}]52;c;ZXZpbA==\u{7}b\u{1b}[2Jc\u{202e}0001\u{202c}d\u{7}e\u{9b}f\u{2067}g";
        assert_eq!(through(&[text.as_bytes()]), "abc0001d␇e\u{fffd}fg");
    }

    #[test]
    fn a_character_cut_between_writes_is_kept_whole() {
        let text = "نص\u{202e}";
        let bytes = text.as_bytes();
        for cut in 0..=bytes.len() {
            assert_eq!(through(&[&bytes[..cut], &bytes[cut..]]), "نص", "cut at {cut}");
        }
        // One byte at a time.
        let pieces: Vec<&[u8]> = bytes.chunks(1).collect();
        assert_eq!(through(&pieces), "نص");
    }

    #[test]
    fn bytes_that_are_not_utf8_become_replacement_characters() {
        assert_eq!(through(&[b"a\xffb\xc2"]), "a\u{fffd}b");
        assert_eq!(through(&[b"a\xffb\xc2", b"\xabc"]), "a\u{fffd}b«c");
    }
}
