//! A chapter's XHTML to the Markdown that basira reads (headings, paragraphs, list items,
//! block quotes, tables, named images), so that a chapter gets the structure, furniture and
//! sentence rules of every Markdown article. Kept apart so that a fuller HTML reader can
//! take its place.
//!
//! The tree is walked without recursion (a chapter nested 100,000 elements deep is read as
//! any other). Text is escaped so that nothing in it reads as Markdown. Scripts, styles,
//! the head and elements marked `hidden` or `display:none` never reach the text; `<br>` is a
//! space; an image is its `alt` text, else its file name, in brackets.

use roxmltree::Node;

/// Elements whose start and end break the text into paragraphs.
const BLOCKS: [&str; 27] = [
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "ul",
    "ol",
    "table",
    "tr",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "figure",
    "figcaption",
    "pre",
    "dl",
    "dt",
    "dd",
    "body",
    "main",
];

/// Elements whose content is never text.
const SKIPPED: [&str; 8] =
    ["head", "script", "style", "template", "svg", "math", "noscript", "nav"];

/// The Markdown of the chapter whose `body` (or root) is `root`.
pub(super) fn markdown(root: Node) -> String {
    let mut writer = Writer::default();
    let mut node = root;
    let mut enter = writer.open(node);
    loop {
        if let Some(child) = node.first_child().filter(|_| enter) {
            node = child;
            enter = writer.open(node);
            continue;
        }
        // The node is done (or skipped): close it and the parents it was the last child of.
        loop {
            if enter {
                writer.close(node);
            }
            if node == root {
                writer.flush();
                return writer.out;
            }
            if let Some(next) = node.next_sibling() {
                node = next;
                enter = writer.open(node);
                break;
            }
            node = node.parent().unwrap_or(root);
            enter = true;
        }
    }
}

/// The Markdown being written and where the walk is.
#[derive(Default)]
struct Writer {
    /// The Markdown so far.
    out: String,
    /// The paragraph being gathered, escaped.
    line: String,
    /// The prefix of the lists the walk is in: each list's item indent.
    lists: Vec<List>,
    /// Whether the paragraph being gathered opens a list item (takes its marker).
    item_opened: bool,
    /// How many block quotes the walk is in.
    quotes: usize,
    /// The heading level of the paragraph being gathered, if it is a heading.
    heading: Option<usize>,
    /// The table being gathered: its rows of escaped cells.
    table: Option<Vec<Vec<String>>>,
}

/// A list the walk is in.
struct List {
    /// Whether it is numbered, and the number of the next item.
    number: Option<usize>,
}

impl Writer {
    /// An element or a text opens; false when what is inside it is not read (a script, a
    /// hidden element).
    fn open(&mut self, node: Node) -> bool {
        if node.is_text() {
            let text = node.text().unwrap_or_default();
            match self.table.as_mut().and_then(|rows| rows.last_mut()?.last_mut()) {
                Some(cell) => push_escaped(cell, text),
                None => push_escaped(&mut self.line, text),
            }
            return true;
        }
        if !node.is_element() {
            return true;
        }
        let name = node.tag_name().name().to_ascii_lowercase();
        if SKIPPED.contains(&name.as_str()) || hidden(node) {
            return false;
        }
        if self.table.is_some() {
            self.open_in_table(&name);
            return true;
        }
        match name.as_str() {
            "br" => self.line.push(' '),
            "img" | "image" => {
                let alt = node.attribute("alt").map(str::trim).filter(|a| !a.is_empty());
                let file = node.attributes().find(|a| a.name() == "src" || a.name() == "href");
                let file = file.map(|a| a.value().rsplit('/').next().unwrap_or_default());
                if let Some(name) = alt.or(file).filter(|n| !n.is_empty()) {
                    self.line.push_str(" \\[");
                    push_escaped(&mut self.line, name);
                    self.line.push_str("\\] ");
                }
            }
            "table" => {
                self.flush();
                self.table = Some(Vec::new());
            }
            _ if BLOCKS.contains(&name.as_str()) => {
                self.flush();
                match name.as_str() {
                    "ul" => self.lists.push(List { number: None }),
                    "ol" => {
                        let start = node.attribute("start").and_then(|s| s.parse().ok());
                        self.lists.push(List { number: Some(start.unwrap_or(1)) });
                    }
                    "li" => self.item_opened = true,
                    "blockquote" => self.quotes += 1,
                    heading if heading.len() == 2 && heading.starts_with('h') => {
                        self.heading = heading[1..].parse().ok();
                    }
                    _ => {}
                }
            }
            _ => {}
        }
        true
    }

    /// An element opens inside a table: rows and cells are kept; nothing inside a cell
    /// breaks it.
    fn open_in_table(&mut self, name: &str) {
        let Some(rows) = self.table.as_mut() else { return };
        match name {
            "tr" => rows.push(Vec::new()),
            "td" | "th" => {
                if rows.is_empty() {
                    rows.push(Vec::new());
                }
                rows.last_mut().map(|row| row.push(String::new())).unwrap_or_default();
            }
            _ => {
                if let Some(cell) = rows.last_mut().and_then(|row| row.last_mut()) {
                    cell.push(' ');
                }
            }
        }
    }

    /// An element closes.
    fn close(&mut self, node: Node) {
        if !node.is_element() {
            return;
        }
        let name = node.tag_name().name().to_ascii_lowercase();
        if name == "table" {
            if let Some(rows) = self.table.take() {
                self.write_table(rows);
            }
            return;
        }
        if self.table.is_some() || !BLOCKS.contains(&name.as_str()) {
            return;
        }
        self.flush();
        match name.as_str() {
            "ul" | "ol" => {
                self.lists.pop();
            }
            "li" => self.item_opened = false,
            "blockquote" => self.quotes = self.quotes.saturating_sub(1),
            _ => {}
        }
    }

    /// Write the paragraph gathered, if it has text, with its quote bars, list marker or
    /// heading marks.
    fn flush(&mut self) {
        let text = self.line.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
        self.line.clear();
        let heading = self.heading.take();
        if text.is_empty() {
            return;
        }
        let mut prefix = "> ".repeat(self.quotes);
        let depth = self.lists.len();
        if depth > 0 {
            // Each enclosing list's items indent their content four columns, which holds a
            // marker of up to three characters and its space.
            prefix.push_str(&" ".repeat(4 * (depth - 1)));
            let marker = if self.item_opened {
                self.item_opened = false;
                match self.lists.last_mut().and_then(|l| l.number.as_mut()) {
                    Some(number) => {
                        *number += 1;
                        format!("{}.", *number - 1)
                    }
                    None => "-".to_owned(),
                }
            } else {
                String::new()
            };
            prefix.push_str(&format!("{marker:<3} "));
        }
        if let Some(level) = heading.filter(|_| depth == 0) {
            prefix.push_str(&"#".repeat(level.clamp(1, 6)));
            prefix.push(' ');
        }
        self.out.push_str(&prefix);
        self.out.push_str(&text);
        self.out.push_str("\n\n");
    }

    /// Write a table: the first row as its header, every row as many cells as the widest.
    fn write_table(&mut self, rows: Vec<Vec<String>>) {
        let rows: Vec<Vec<String>> = rows
            .into_iter()
            .map(|row| {
                row.iter()
                    .map(|c| c.split_ascii_whitespace().collect::<Vec<_>>().join(" "))
                    .collect()
            })
            .filter(|row: &Vec<String>| row.iter().any(|c| !c.is_empty()))
            .collect();
        let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
        if columns == 0 {
            return;
        }
        let quote = "> ".repeat(self.quotes);
        for (at, row) in rows.iter().enumerate() {
            self.out.push_str(&quote);
            self.out.push('|');
            for column in 0..columns {
                let cell = row.get(column).map_or("", String::as_str);
                self.out.push_str(&format!(" {cell} |"));
            }
            self.out.push('\n');
            if at == 0 {
                self.out.push_str(&quote);
                self.out.push('|');
                self.out.push_str(&" --- |".repeat(columns));
                self.out.push('\n');
            }
        }
        self.out.push('\n');
    }
}

/// Whether the element is hidden: the `hidden` attribute, `aria-hidden="true"`, or an inline
/// style of `display: none`; or it is the book's cover or title page (`epub:type`), whose
/// title and author the book's title already gives.
fn hidden(node: Node) -> bool {
    if node.has_attribute("hidden") || node.attribute("aria-hidden") == Some("true") {
        return true;
    }
    let book_part = node
        .attributes()
        .find(|a| a.name() == "type")
        .is_some_and(|a| a.value().split_whitespace().any(|t| t == "cover" || t == "titlepage"));
    if book_part {
        return true;
    }
    node.attribute("style").is_some_and(|style| {
        let style: String = style.chars().filter(|c| !c.is_whitespace()).collect();
        style.to_ascii_lowercase().contains("display:none")
    })
}

/// Add `text` to `out` with every ASCII punctuation mark escaped, so that none of it reads
/// as Markdown, and line breaks as spaces.
fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
            out.push(c);
        } else if c == '\n' || c == '\r' || c == '\t' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(xhtml: &str) -> String {
        let xml = roxmltree::Document::parse(xhtml).unwrap();
        markdown(xml.root_element())
    }

    #[test]
    fn blocks_become_markdown_with_their_text_escaped() {
        let md = of("<html><head><title>x</title><style>p{}</style></head><body>\
            <h2>عنوان</h2><p>نص <b>أول</b> # 1. *لا*</p>\
            <ul><li>بند</li><li><p>ثان</p><ol><li>مرقم</li></ol></li></ul>\
            <blockquote><p>اقتباس</p></blockquote>\
            <p hidden=''>مخفي</p><script>alert(1)</script><img src='a/b.png'/></body></html>");
        assert_eq!(
            md,
            "## عنوان\n\nنص أول \\# 1\\. \\*لا\\*\n\n-   بند\n\n-   ثان\n\n    1.  مرقم\n\n\
             > اقتباس\n\n\\[b\\.png\\]\n\n"
        );
    }

    #[test]
    fn a_table_is_a_markdown_table() {
        let md = of("<body><table><tr><th>أ</th><th>ب</th></tr><tr><td>1</td></tr></table></body>");
        assert_eq!(md, "| أ | ب |\n| --- | --- |\n| 1 |  |\n\n");
    }
}
