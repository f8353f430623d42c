//! The encoding a web page declares for itself: a `<meta charset>` or an HTTP-equiv
//! `Content-Type` header near its start, found as the HTML standard's prescan finds them.

use encoding_rs::{Encoding, UTF_8};

/// How much of the start of a page is looked at for a declaration: the HTML standard's
/// prescan looks at the first 1024 bytes.
const PRESCAN_BYTES: usize = 1024;

/// The encoding the first `<meta>` declaring one names, if it is one the Encoding Standard
/// knows. A declaration of UTF-16 is read as UTF-8, as browsers do (a page in UTF-16 has a
/// byte-order mark, which comes first).
pub(super) fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let lower = head.to_ascii_lowercase();
    let mut rest = lower.as_slice();
    while let Some(at) = find(rest, b"<meta") {
        let tag = &rest[at + 5..];
        let end = tag.iter().position(|&b| b == b'>').unwrap_or(tag.len());
        if let Some(encoding) = charset_in(&tag[..end]) {
            let utf16 = encoding.output_encoding() == UTF_8 && encoding != UTF_8;
            return Some(if utf16 { UTF_8 } else { encoding });
        }
        rest = &tag[end..];
    }
    None
}

/// The encoding named by `charset=` in a `<meta>` tag's attributes (lowercased): in
/// `charset="…"` itself or in an HTTP-equiv header's `content="text/html; charset=…"`.
fn charset_in(attributes: &[u8]) -> Option<&'static Encoding> {
    let at = find(attributes, b"charset")?;
    let mut value = &attributes[at + 7..];
    value = value.trim_ascii_start();
    value = value.strip_prefix(b"=")?.trim_ascii_start();
    if let Some(quoted) = value.strip_prefix(b"\"").or_else(|| value.strip_prefix(b"'")) {
        value = quoted;
    }
    let end = value
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b';' | b'/') || b.is_ascii_whitespace())
        .unwrap_or(value.len());
    Encoding::for_label(&value[..end])
}

/// Where `needle` first occurs in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{WINDOWS_1252, WINDOWS_1256};

    #[test]
    fn meta_charset_and_http_equiv_are_read() {
        assert_eq!(declared_encoding(b"<head><meta charset=\"utf-8\">"), Some(UTF_8));
        assert_eq!(declared_encoding(b"<META CHARSET=Windows-1256>"), Some(WINDOWS_1256));
        let header = b"<meta name=x><meta http-equiv=\"Content-Type\" \
                       content=\"text/html; charset=windows-1256\">";
        assert_eq!(declared_encoding(header), Some(WINDOWS_1256));
        assert_eq!(declared_encoding(b"<meta charset='iso-8859-1'>"), Some(WINDOWS_1252));
    }

    #[test]
    fn no_or_unknown_or_late_declaration_is_none_and_utf16_is_utf8() {
        assert_eq!(declared_encoding(b"<html><head><title>x</title>"), None);
        assert_eq!(declared_encoding(b"<meta charset=\"klingon\">"), None);
        let late = [vec![b' '; 2000], b"<meta charset=windows-1256>".to_vec()].concat();
        assert_eq!(declared_encoding(&late), None);
        assert_eq!(declared_encoding(b"<meta charset=utf-16le>"), Some(UTF_8));
    }
}
