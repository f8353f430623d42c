//! JSON as the commands print it: pretty-printed, and safe to print to a terminal.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter, Serializer};

use crate::corpus::first_unsafe_on_a_line;

/// Write `value` as pretty-printed JSON, then a newline. Every string keeps its value, but the
/// characters that JSON allows as they are and a terminal must not see (DEL, C1 controls,
/// U+2028 and U+2029, bidi embeddings, overrides and isolates: those
/// [`is_unsafe_on_a_line`](crate::corpus::is_unsafe_on_a_line) names) are written as `\uXXXX` escapes, so that JSON printed to a
/// terminal sends it none of them. (JSON escapes the C0 controls itself.)
pub fn write_pretty(out: &mut (impl Write + ?Sized), value: &impl Serialize) -> io::Result<()> {
    write_with(out, value, PrettyFormatter::new())
}

/// Write `value` as JSON on one line, then a newline, with the escapes of [`write_pretty`].
pub fn write_compact(out: &mut (impl Write + ?Sized), value: &impl Serialize) -> io::Result<()> {
    write_with(out, value, CompactFormatter)
}

/// Write `value` with `layout` (pretty or compact), made terminal-safe, then a newline.
fn write_with(
    out: &mut (impl Write + ?Sized),
    value: &impl Serialize,
    layout: impl Formatter,
) -> io::Result<()> {
    let mut serializer = Serializer::with_formatter(&mut *out, TerminalSafe(layout));
    value.serialize(&mut serializer)?;
    writeln!(out)
}

/// One of serde_json's formatters, with the escapes of [`write_pretty`].
struct TerminalSafe<F>(F);

impl<F: Formatter> Formatter for TerminalSafe<F> {
    fn write_string_fragment<W>(&mut self, writer: &mut W, fragment: &str) -> io::Result<()>
    where
        W: ?Sized + Write,
    {
        let mut rest = fragment;
        while let Some((at, c)) = first_unsafe_on_a_line(rest) {
            writer.write_all(&rest.as_bytes()[..at])?;
            write!(writer, "\\u{:04x}", u32::from(c))?;
            rest = &rest[at + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }

    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_array(writer)
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object(writer)
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_value(writer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(value: &impl Serialize) -> String {
        let mut out = Vec::new();
        write_pretty(&mut out, value).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn prints_as_serde_json_pretty_prints_clean_text() {
        let value = serde_json::json!({"a": [1, {"b": "نص «عربي»\u{200f} é"}], "c": []});
        assert_eq!(json(&value), format!("{}\n", serde_json::to_string_pretty(&value).unwrap()));
    }

    #[test]
    fn escapes_what_a_terminal_must_not_see_and_keeps_the_value() {
        let text = "a\u{2028}b\u{2029}c\u{9b}d\u{7f}e\u{202e}f\u{2066}g\u{1b}h\ni";
        let printed = json(&text);
        assert_eq!(printed, "\"a\\u2028b\\u2029c\\u009bd\\u007fe\\u202ef\\u2066g\\u001bh\\ni\"\n",);
        assert_eq!(serde_json::from_str::<String>(&printed).unwrap(), text);
        let mut compact = Vec::new();
        write_compact(&mut compact, &serde_json::json!({"t": [text]})).unwrap();
        let compact = String::from_utf8(compact).unwrap();
        assert!(!compact.contains('\u{202e}') && compact.lines().count() == 1, "{compact}");
        assert_eq!(serde_json::from_str::<serde_json::Value>(&compact).unwrap()["t"][0], text);
    }
}
