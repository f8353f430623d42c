//! How deeply a web page nests its elements, counted from its tags before it is parsed: a
//! parser checks the elements open around each tag, so a page nesting thousands of levels
//! deep (a broken or hostile one) would take minutes to parse.

/// Elements that hold nothing, or that the next of their kind closes, which do not add a
/// level when a page leaves them unclosed.
const NOT_NESTING: [&[u8]; 22] = [
    b"area",
    b"base",
    b"br",
    b"col",
    b"embed",
    b"hr",
    b"img",
    b"input",
    b"link",
    b"meta",
    b"source",
    b"track",
    b"wbr",
    b"p",
    b"li",
    b"dt",
    b"dd",
    b"tr",
    b"td",
    b"th",
    b"option",
    b"!doctype",
];

/// Whether the tags of `html` open more than `limit` elements inside one another: each start
/// tag of an element that nests opens a level, each end tag closes one. Comments are
/// skipped; the count is rough (a `<` in a script may count), which a generous limit absorbs.
pub(super) fn nests_deeper_than(html: &str, limit: usize) -> bool {
    let bytes = html.as_bytes();
    let (mut at, mut depth) = (0, 0usize);
    while let Some(found) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + found + 1;
        let rest = &bytes[start..];
        if rest.starts_with(b"!--") {
            let end = memchr::memmem::find(rest, b"-->").map_or(bytes.len(), |e| start + e + 3);
            at = end;
            continue;
        }
        let end = memchr::memchr(b'>', rest).map_or(bytes.len(), |e| start + e);
        let tag = &bytes[start..end];
        at = end;
        if tag.first() == Some(&b'/') {
            depth = depth.saturating_sub(1);
            continue;
        }
        let name_end = tag.iter().position(|b| b.is_ascii_whitespace() || *b == b'/');
        let name = &tag[..name_end.unwrap_or(tag.len())];
        let opens = name.first().is_some_and(u8::is_ascii_alphabetic)
            && !tag.ends_with(b"/")
            && !NOT_NESTING.iter().any(|n| n.eq_ignore_ascii_case(name));
        if opens {
            depth += 1;
            if depth > limit {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_counted_from_start_and_end_tags() {
        let deep = format!("{}{}", "<div class=a>".repeat(11), "</div>".repeat(11));
        assert!(nests_deeper_than(&deep, 10));
        assert!(!nests_deeper_than(&deep, 11));
        let flat = "<div><p>a<p>b<br><img src=x><br/></div>".repeat(50);
        assert!(!nests_deeper_than(&flat, 2));
        let commented = format!("<!-- {} -->", "<div>".repeat(20));
        assert!(!nests_deeper_than(&commented, 1));
        assert!(!nests_deeper_than("<", 0) && !nests_deeper_than("a < b", 0));
    }
}
