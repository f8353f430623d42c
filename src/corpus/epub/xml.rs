//! XML as an EPUB holds it: decoded from its bytes, parsed into a tree with a limit on its
//! nodes, with the HTML entities that XHTML chapters use without declaring them.

use encoding_rs::{Encoding, UTF_8};
use roxmltree::{Document, Node, ParsingOptions};

/// The most nodes of one file's tree: some ten times what the largest chapter a book may
/// hold needs, and a bound on the memory a file of many tiny elements takes.
const MAX_NODES: u32 = 4_000_000;

/// The named entities of HTML that XHTML chapters use without a DTD declaring them, and
/// their characters.
const HTML_ENTITIES: [(&str, &str); 14] = [
    ("&nbsp;", "&#160;"),
    ("&shy;", "&#173;"),
    ("&zwnj;", "&#8204;"),
    ("&zwj;", "&#8205;"),
    ("&lrm;", "&#8206;"),
    ("&rlm;", "&#8207;"),
    ("&ndash;", "&#8211;"),
    ("&mdash;", "&#8212;"),
    ("&hellip;", "&#8230;"),
    ("&laquo;", "&#171;"),
    ("&raquo;", "&#187;"),
    ("&lsquo;", "&#8216;"),
    ("&rsquo;", "&#8217;"),
    ("&copy;", "&#169;"),
];

/// `bytes` as text: UTF-16 or UTF-8 by its byte-order mark, else UTF-8 (what XML in an EPUB
/// must be), invalid bytes replaced.
pub(super) fn decode(bytes: &[u8]) -> String {
    let encoding = Encoding::for_bom(bytes).map_or(UTF_8, |(encoding, _)| encoding);
    encoding.decode_with_bom_removal(bytes).0.into_owned()
}

/// The tree of `text`. A DTD is allowed (XHTML 1.1 chapters declare one) and never fetched;
/// HTML's named entities, which such chapters use, are read as their characters.
pub(super) fn parse(text: &str) -> Result<Document<'_>, roxmltree::Error> {
    let options =
        ParsingOptions { allow_dtd: true, nodes_limit: MAX_NODES, ..ParsingOptions::default() };
    Document::parse_with_options(text, options)
}

/// `text` with HTML's named entities written as character references, for a chapter whose
/// first parse found an entity it does not know; None when it has none of them.
pub(super) fn with_html_entities(text: &str) -> Option<String> {
    if !HTML_ENTITIES.iter().any(|(name, _)| text.contains(name)) {
        return None;
    }
    let mut out = text.to_owned();
    for (name, reference) in HTML_ENTITIES {
        out = out.replace(name, reference);
    }
    Some(out)
}

/// The text inside `node`, its runs of white space made single spaces, trimmed.
pub(super) fn text_of(node: Node) -> String {
    let mut out = String::new();
    for text in node.descendants().filter_map(|n| n.is_text().then(|| n.text()).flatten()) {
        out.push_str(text);
    }
    out.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}
