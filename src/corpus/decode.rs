//! Bytes to text: which encoding a file is in, and whether it is text at all.
//!
//! The encoding is decided in this order:
//!
//! 1. A byte-order mark names it: UTF-8, UTF-16LE or UTF-16BE.
//! 2. A file without one that holds NUL bytes, or too many other controls (escape sequences
//!    are text), is binary.
//! 3. Valid UTF-8 is UTF-8.
//! 4. Text that is mostly valid UTF-8 — more well-formed non-ASCII characters than stray
//!    bytes — is UTF-8 with a few damaged bytes. Legacy code pages must not get the chance
//!    to read it: Windows-1256 gives a meaning to every byte, so it would happily turn a
//!    UTF-8 article with one bad byte into a page of the wrong letters.
//! 5. Otherwise `chardetng` guesses a legacy encoding (Windows-1256 for Arabic, Windows-1252
//!    for Western text, …); it is used when the whole file decodes in it without an error.
//! 6. Otherwise the file is read as UTF-8, each invalid byte replaced with U+FFFD.
//!
//! Steps 4 to 6 leave a warning for the reader, since the text may not be what was meant.

use std::path::Path;

use chardetng::EncodingDetector;
use encoding_rs::{Encoding, ISO_8859_6, UTF_8, WINDOWS_1256};

use super::LoadError;
use super::problem::FileWarning;

/// How much of the start of a file the control-character test looks at.
const BINARY_SNIFF_BYTES: usize = 8 * 1024;

/// The text of a file and, when reading it took a guess or a repair, a sentence saying so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Decoded {
    /// The decoded text, without a byte-order mark.
    pub(super) text: String,
    /// A note for the reader about the file, e.g. that it was read as Windows-1256.
    pub(super) warning: Option<FileWarning>,
}

/// Decode the bytes of the file at `path` (see the module notes for the order of the
/// decisions). Refuses binary files and files with no text. Valid UTF-8 without a
/// byte-order mark, most files, becomes the text without being copied.
pub(super) fn decode(path: &Path, bytes: Vec<u8>) -> Result<Decoded, LoadError> {
    let decoded = match Encoding::for_bom(&bytes) {
        Some((encoding, bom_length)) if encoding != UTF_8 => {
            decode_utf16(path, encoding, &bytes[bom_length..])?
        }
        Some((_, bom_length)) => decode_utf8(path, &bytes[bom_length..])?,
        None => decode_unmarked(path, bytes)?,
    };
    if decoded.text.trim().is_empty() {
        return Err(LoadError::Empty(path.to_path_buf()));
    }
    Ok(decoded)
}

/// UTF-16 after its byte-order mark; malformed code units become U+FFFD. The NUL test
/// runs on the decoded text, where a NUL is a real NUL character and not half of a letter.
fn decode_utf16(
    path: &Path,
    encoding: &'static Encoding,
    bytes: &[u8],
) -> Result<Decoded, LoadError> {
    let (text, malformed) = encoding.decode_without_bom_handling(bytes);
    if looks_binary(text.as_bytes()) {
        return Err(LoadError::Binary(path.to_path_buf()));
    }
    let warning = malformed
        .then(|| FileWarning::InvalidUtf16(path.to_path_buf(), encoding.name().to_owned()));
    Ok(Decoded { text: text.into_owned(), warning })
}

/// A file marked as UTF-8: no guessing, invalid bytes are replaced.
fn decode_utf8(path: &Path, bytes: &[u8]) -> Result<Decoded, LoadError> {
    if looks_binary(bytes) {
        return Err(LoadError::Binary(path.to_path_buf()));
    }
    Ok(utf8_lossy(path, bytes))
}

/// A file without a byte-order mark: UTF-8, a legacy encoding, or UTF-8 with repairs.
fn decode_unmarked(path: &Path, bytes: Vec<u8>) -> Result<Decoded, LoadError> {
    if looks_binary(&bytes) {
        return Err(LoadError::Binary(path.to_path_buf()));
    }
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return Ok(Decoded { text, warning: None }),
        Err(error) => error.into_bytes(),
    };
    if !mostly_utf8(&bytes)
        && let Some(decoded) = decode_legacy(path, &bytes)
    {
        return Ok(decoded);
    }
    Ok(utf8_lossy(path, &bytes))
}

/// Whether the bytes are not text: any NUL, or more than 1% of the first 8 KiB being C0
/// controls other than tab, line feed, carriage return, form feed and escape (a PDF, an
/// image). Escape sequences are text (a coloured log, `grep --color` output): the sanitiser
/// takes them out. One stray control is not enough, so that a short note with one is still
/// read.
pub(super) fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.contains(&0) {
        return true;
    }
    let head = &bytes[..bytes.len().min(BINARY_SNIFF_BYTES)];
    let text_control = |b: u8| matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b);
    let controls = head.iter().filter(|&&b| b < 0x20 && !text_control(b)).count();
    controls > 1 && controls * 100 > head.len()
}

/// Whether invalid UTF-8 is damaged UTF-8 rather than another encoding: it holds more
/// well-formed non-ASCII characters than invalid bytes.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut non_ascii, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        non_ascii += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    non_ascii > invalid
}

/// The bytes read in the legacy encoding `chardetng` guesses for them, if they decode in it
/// without an error; the warning names the encoding.
fn decode_legacy(path: &Path, bytes: &[u8]) -> Option<Decoded> {
    let mut detector = EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(None, false);
    let text = encoding.decode_without_bom_handling_and_without_replacement(bytes)?;
    let warning = FileWarning::ReadAs(path.to_path_buf(), encoding_label(encoding));
    Some(Decoded { text: text.into_owned(), warning: Some(warning) })
}

/// An encoding's name as a reader knows it: the Arabic code pages say that they are Arabic.
fn encoding_label(encoding: &'static Encoding) -> String {
    if encoding == WINDOWS_1256 {
        "Windows-1256 (Arabic)".to_owned()
    } else if encoding == ISO_8859_6 {
        "ISO-8859-6 (Arabic)".to_owned()
    } else {
        encoding.name().to_owned()
    }
}

/// The bytes as UTF-8 with each invalid byte replaced with U+FFFD, and a warning counting
/// them when there were any.
fn utf8_lossy(path: &Path, bytes: &[u8]) -> Decoded {
    let invalid: usize = bytes.utf8_chunks().map(|chunk| chunk.invalid().len()).sum();
    let warning = (invalid > 0).then(|| FileWarning::InvalidUtf8(path.to_path_buf(), invalid));
    Decoded { text: String::from_utf8_lossy(bytes).into_owned(), warning }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An Arabic paragraph long enough for the detector to recognise its letters.
    const ARABIC: &str = "قال خبراء إن الحكومة العراقية تشن حربًا بلا هوادة على المنتديات \
                          الإلكترونية ومواقع الويب التي تروج للفكر المتطرف وخطاب الكراهية.";

    fn decode_ok(bytes: &[u8]) -> Decoded {
        decode(Path::new("a.txt"), bytes.to_vec()).expect("decodes")
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut bytes = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
        for unit in text.encode_utf16() {
            let pair = if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() };
            bytes.extend_from_slice(&pair);
        }
        bytes
    }

    #[test]
    fn utf8_with_and_without_a_bom_reads_without_a_warning() {
        let plain = decode_ok(ARABIC.as_bytes());
        assert_eq!(plain, Decoded { text: ARABIC.to_owned(), warning: None });
        let marked = decode_ok(&[b"\xEF\xBB\xBF", ARABIC.as_bytes()].concat());
        assert_eq!(marked, plain);
    }

    #[test]
    fn utf16_with_a_bom_is_not_binary() {
        for big_endian in [false, true] {
            let decoded = decode_ok(&utf16(ARABIC, big_endian));
            assert_eq!(decoded, Decoded { text: ARABIC.to_owned(), warning: None });
        }
    }

    #[test]
    fn utf16_holding_nul_characters_is_binary() {
        let bytes = utf16("abc\0def", false);
        assert!(matches!(decode(Path::new("a.txt"), bytes), Err(LoadError::Binary(_))));
    }

    #[test]
    fn windows_1256_is_detected_and_named() {
        let (bytes, _, unmappable) = WINDOWS_1256.encode(ARABIC);
        assert!(!unmappable);
        let decoded = decode_ok(&bytes);
        assert_eq!(decoded.text, ARABIC);
        assert_eq!(
            decoded.warning.map(|w| w.to_string()).as_deref(),
            Some("a.txt: read as Windows-1256 (Arabic)")
        );
    }

    #[test]
    fn western_legacy_text_is_read_in_the_guessed_code_page() {
        let decoded = decode_ok(b"Le caf\xE9 est ferm\xE9 le dimanche, d\xE9sol\xE9.");
        assert_eq!(decoded.text, "Le café est fermé le dimanche, désolé.");
        assert_eq!(
            decoded.warning.map(|w| w.to_string()).as_deref(),
            Some("a.txt: read as windows-1252")
        );
    }

    #[test]
    fn utf8_with_a_bad_byte_is_repaired_not_read_as_a_code_page() {
        let bytes = [ARABIC.as_bytes(), b"\xFF", ARABIC.as_bytes()].concat();
        let decoded = decode_ok(&bytes);
        assert_eq!(decoded.text, format!("{ARABIC}\u{FFFD}{ARABIC}"));
        assert_eq!(
            decoded.warning.map(|w| w.to_string()).as_deref(),
            Some("a.txt: not valid UTF-8; 1 invalid byte was replaced with \u{FFFD}")
        );
    }

    #[test]
    fn nul_bytes_and_many_controls_are_binary_but_one_control_is_not() {
        assert!(looks_binary(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"));
        assert!(looks_binary(&[b"%PDF-1.7\n\x01\x02\x03".as_slice(), &[b'x'; 100]].concat()));
        assert!(!looks_binary(b"line\tone\r\nline two\x0cpage two\n"));
        assert!(!looks_binary(b"a short note ending in a DOS end-of-file mark\x1a"));
        assert!(!looks_binary(b"\x1b[31mred\x1b[0m \x1b[1mbold\x1b[0m\n"));
    }

    #[test]
    fn a_file_with_only_a_bom_or_spaces_is_empty() {
        for bytes in [&b"\xEF\xBB\xBF"[..], b"\xFF\xFE", b" \n\n"] {
            assert!(matches!(decode(Path::new("a.txt"), bytes.to_vec()), Err(LoadError::Empty(_))));
        }
    }
}
