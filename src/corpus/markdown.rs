//! Markdown to paragraphs, read by a CommonMark parser with GitHub's tables
//! (`pulldown-cmark`).
//!
//! Blocks: headings keep their level; a paragraph's soft-wrapped lines are joined; each list
//! item is a paragraph (bullets shown as «• », «◦ » when nested, numbers kept as «1.»), and
//! nested items and an item's later paragraphs are indented a step for each level; block
//! quotes keep their depth (drawn as bars); a fenced or indented code block is one body
//! paragraph, its lines joined by spaces, emphasised as code throughout; a table is one
//! paragraph whose cells are kept apart (see [`Table`]); HTML blocks keep their text without
//! the tags; thematic breaks, link reference definitions and HTML comments are dropped; YAML
//! front matter is dropped and its `title:` kept as the title.
//!
//! Inline: emphasis, strong emphasis and code spans lose their markers and leave
//! [`Emphasis`] ranges (byte ranges of the final text); links keep their text, images are
//! removed, autolinks keep the address, HTML tags are dropped (`<br>` becomes a space), and
//! escapes and entities are decoded.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::block::Block;
use super::lines::{is_tidy, tidy_spaces};
use super::sanitise::is_blank_line;
use super::{Emphasis, EmphasisKind, Form, Role, Table};

/// The most lines YAML front matter may span.
const MAX_FRONT_MATTER: usize = 50;

/// The paragraphs of a Markdown text, in order, with heading roles; the first-level heading
/// is left as a heading (the structure stage decides whether it is the title).
pub(super) fn blocks(text: &str) -> Vec<Block> {
    let mut reader = Reader::default();
    let body = match front_matter(text) {
        Some((title, rest)) => {
            if let Some(title) = title {
                reader.inline.text.push_str(title);
                reader.finish(Role::Title);
            }
            rest
        }
        None => text,
    };
    for event in Parser::new_ext(body, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        reader.event(event);
    }
    reader.flush();
    reader.blocks
}

/// YAML front matter at the top of `text`: its title, if it has one, and the text after it.
/// None when the text does not open with `---` and lines that all read as YAML up to a
/// closing `---` or `...`.
fn front_matter(text: &str) -> Option<(Option<&str>, &str)> {
    let mut lines = text.split_inclusive('\n');
    if lines.next()?.trim() != "---" {
        return None;
    }
    let mut title = None;
    let mut end = text.find('\n')? + 1;
    for line in lines.take(MAX_FRONT_MATTER - 1) {
        end += line.len();
        if matches!(line.trim(), "---" | "...") {
            return Some((title, &text[end..]));
        }
        if !is_yaml_line(line) {
            return None;
        }
        if let Some(value) = line.trim().strip_prefix("title:") {
            title = Some(value.trim().trim_matches(['"', '\'']));
        }
    }
    None
}

/// Whether a line can belong to YAML front matter: blank, a comment, a list entry, or a
/// `key:` line.
fn is_yaml_line(line: &str) -> bool {
    let t = line.trim();
    let key = t.split_once(':').is_some_and(|(k, _)| {
        !k.is_empty() && k.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | '-'))
    });
    is_blank_line(line)
        || t.starts_with('#')
        || t.starts_with("- ")
        || key
        || line.starts_with([' ', '\t'])
}

/// Text being gathered for one paragraph, a heading or a table cell, with its emphasis.
#[derive(Default)]
struct Inline {
    /// The text so far, spaces not yet tidied.
    text: String,
    /// The finished emphasised spans, as byte ranges of `text`.
    emphasis: Vec<Emphasis>,
    /// Where each open emphasis started, innermost last.
    open: Vec<(usize, EmphasisKind)>,
}

impl Inline {
    /// Open an emphasis of `kind` here.
    fn open(&mut self, kind: EmphasisKind) {
        self.open.push((self.text.len(), kind));
    }

    /// Close the innermost open emphasis.
    fn close(&mut self) {
        if let Some((start, kind)) = self.open.pop() {
            self.emphasis.push(Emphasis { range: start..self.text.len(), kind });
        }
    }

    /// Add a code span.
    fn code(&mut self, code: &str) {
        let start = self.text.len();
        self.text.push_str(code);
        self.emphasis.push(Emphasis { range: start..self.text.len(), kind: EmphasisKind::Code });
    }

    /// The text with its white space tidied and the emphasis moved with it (empty spans
    /// dropped), leaving this empty.
    fn take(&mut self) -> (String, Vec<Emphasis>) {
        let raw = std::mem::take(&mut self.text);
        let mut emphasis = std::mem::take(&mut self.emphasis);
        self.open.clear();
        let text = if is_tidy(&raw) {
            raw
        } else {
            let (text, map) = tidy_spaces(&raw);
            for e in &mut emphasis {
                e.range = map[e.range.start]..map[e.range.end];
            }
            text
        };
        emphasis.retain(|e| e.range.start < e.range.end);
        emphasis.sort_by_key(|e| (e.range.start, std::cmp::Reverse(e.range.end)));
        (text, emphasis)
    }
}

/// A list being read: how its items are marked.
struct List {
    /// The number of the next item of a numbered list.
    next_number: Option<u64>,
}

/// A list item being read.
struct Item {
    /// The marker its first paragraph starts with, until that paragraph is read.
    marker: Option<String>,
}

/// A table being read.
#[derive(Default)]
struct TableBuilder {
    /// The finished rows: each cell's text and emphasis.
    rows: Vec<Vec<(String, Vec<Emphasis>)>>,
    /// The cells of the row being read.
    row: Vec<(String, Vec<Emphasis>)>,
    /// Whether a header row was read.
    header: bool,
}

impl TableBuilder {
    /// The paragraph the table is: the cells' texts joined, the cells' ranges and emphasis.
    fn finish(mut self) -> Option<Block> {
        let columns = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        if columns == 0 || self.rows.iter().flatten().all(|(text, _)| text.is_empty()) {
            return None;
        }
        let mut text = String::new();
        let mut emphasis = Vec::new();
        let mut rows = Vec::with_capacity(self.rows.len());
        for (r, row) in self.rows.iter_mut().enumerate() {
            row.resize_with(columns, Default::default);
            if r > 0 {
                text.push_str(Table::ROW_SEPARATOR);
            }
            let mut cells = Vec::with_capacity(columns);
            for (c, (cell, cell_emphasis)) in row.iter_mut().enumerate() {
                if c > 0 {
                    text.push_str(Table::CELL_SEPARATOR);
                }
                let start = text.len();
                text.push_str(cell);
                for e in cell_emphasis.drain(..) {
                    let range = start + e.range.start..start + e.range.end;
                    emphasis.push(Emphasis { range, kind: e.kind });
                }
                cells.push(start..text.len());
            }
            rows.push(cells);
        }
        let mut block = Block::body(text);
        block.list_item = false;
        block.verbatim = true;
        block.emphasis = emphasis;
        block.form.table = Some(Box::new(Table { rows, header: self.header }));
        Some(block)
    }
}

/// What the text being gathered will be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gathering {
    /// A paragraph, a list item's text or a heading: inline markup read.
    Text(Role),
    /// A code block: its lines kept as they are.
    Code,
    /// An HTML block: its text kept without the tags.
    Html,
}

/// The block reader's state, fed the parser's events one by one.
#[derive(Default)]
struct Reader {
    /// The finished paragraphs.
    blocks: Vec<Block>,
    /// The text being gathered.
    inline: Inline,
    /// What it is, when something is being gathered.
    gathering: Option<Gathering>,
    /// How many block quotes are open.
    quotes: u8,
    /// The lists open, outermost first.
    lists: Vec<List>,
    /// The list items open, outermost first.
    items: Vec<Item>,
    /// How many images are open: their text is left out.
    images: usize,
    /// The table being read.
    table: Option<TableBuilder>,
}

impl Reader {
    /// Take in one event of the parser.
    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.text(&text),
            Event::Code(code) if self.images == 0 => self.inline.code(&code),
            Event::Html(html) => self.html_block(&html),
            Event::InlineHtml(html) if self.images == 0 && is_line_break_tag(&html) => {
                self.inline.text.push(' ');
            }
            Event::SoftBreak | Event::HardBreak => self.text(" "),
            Event::Rule => self.flush(),
            _ => {}
        }
    }

    /// A tag opens.
    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph => self.begin(Gathering::Text(Role::Body)),
            Tag::Heading { level, .. } => {
                self.begin(Gathering::Text(Role::Heading(level_of(level))))
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.quotes = self.quotes.saturating_add(1);
            }
            Tag::CodeBlock(_) => self.begin(Gathering::Code),
            Tag::HtmlBlock => self.begin(Gathering::Html),
            Tag::List(first) => {
                self.flush();
                self.lists.push(List { next_number: first });
            }
            Tag::Item => {
                self.flush();
                let nested = self.lists.len() > 1;
                let marker = match self.lists.last_mut().and_then(|l| l.next_number.as_mut()) {
                    Some(number) => {
                        let marker = format!("{number}. ");
                        *number += 1;
                        marker
                    }
                    None if nested => "◦ ".to_string(),
                    None => "• ".to_string(),
                };
                self.items.push(Item { marker: Some(marker) });
                // A tight item's text comes without a paragraph around it.
                self.gathering = Some(Gathering::Text(Role::Body));
            }
            Tag::Table(_) => {
                self.flush();
                self.table = Some(TableBuilder::default());
            }
            Tag::TableHead => {
                if let Some(table) = &mut self.table {
                    table.header = true;
                }
            }
            Tag::TableCell => self.inline = Inline::default(),
            Tag::Emphasis => self.inline.open(EmphasisKind::Italic),
            Tag::Strong => self.inline.open(EmphasisKind::Bold),
            Tag::Image { .. } => self.images += 1,
            _ => {}
        }
    }

    /// A tag closes.
    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::CodeBlock
            | TagEnd::HtmlBlock
            | TagEnd::Item => self.flush(),
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quotes = self.quotes.saturating_sub(1);
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
                if !self.items.is_empty() {
                    // The item the list was nested in may go on with text of its own.
                    self.gathering = Some(Gathering::Text(Role::Body));
                }
            }
            TagEnd::TableCell => {
                let cell = self.inline.take();
                if let Some(table) = &mut self.table {
                    table.row.push(cell);
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some(table) = &mut self.table {
                    let row = std::mem::take(&mut table.row);
                    table.rows.push(row);
                }
            }
            TagEnd::Table => {
                if let Some(mut block) = self.table.take().and_then(TableBuilder::finish) {
                    block.form.quotes = self.quotes;
                    block.form.indent = self.indent();
                    self.blocks.push(block);
                }
            }
            TagEnd::Emphasis | TagEnd::Strong => self.inline.close(),
            TagEnd::Image => self.images = self.images.saturating_sub(1),
            _ => {}
        }
        if tag == TagEnd::Item {
            self.items.pop();
        }
    }

    /// Text, in whatever is being gathered (none of an image's).
    fn text(&mut self, text: &str) {
        if self.images > 0 {
            return;
        }
        match self.gathering {
            Some(Gathering::Code) => {
                for line in text.split('\n').filter(|l| !is_blank_line(l)) {
                    if !self.inline.text.is_empty() {
                        self.inline.text.push(' ');
                    }
                    self.inline.text.push_str(line.trim());
                }
            }
            _ => self.inline.text.push_str(text),
        }
    }

    /// A line of an HTML block, kept as it is until the block ends (a comment or a tag may
    /// span lines).
    fn html_block(&mut self, html: &str) {
        self.inline.text.push_str(html);
    }

    /// Start gathering a block of `kind`, finishing what was gathered before.
    fn begin(&mut self, kind: Gathering) {
        self.flush();
        self.gathering = Some(kind);
    }

    /// Finish what is being gathered, if anything, as a paragraph.
    fn flush(&mut self) {
        match self.gathering.take() {
            Some(Gathering::Text(role)) => self.finish(role),
            Some(Gathering::Html) => {
                self.inline.text = text_of_html(&self.inline.text);
                self.finish(Role::Body);
            }
            Some(Gathering::Code) => {
                let (text, _) = self.inline.take();
                if !text.is_empty() {
                    let mut block = self.block(text);
                    block.list_item = false;
                    block.emphasis =
                        vec![Emphasis { range: 0..block.text.len(), kind: EmphasisKind::Code }];
                    block.verbatim = true;
                    self.blocks.push(block);
                }
            }
            // Text outside any block the parser names (it does not happen in CommonMark's
            // events, but nothing gathered is let go or carried into the next paragraph).
            None if !self.inline.text.is_empty() => self.finish(Role::Body),
            None => {}
        }
    }

    /// Add the text gathered as a paragraph of `role`, unless nothing is left of it; the
    /// first paragraph of a list item starts with the item's marker.
    fn finish(&mut self, role: Role) {
        let (mut text, mut emphasis) = self.inline.take();
        if text.is_empty() {
            return;
        }
        let first_of_item = self.items.last().is_some_and(|item| item.marker.is_some());
        if let Some(marker) = self.items.last_mut().and_then(|item| item.marker.take()) {
            text.insert_str(0, &marker);
            for e in &mut emphasis {
                e.range = e.range.start + marker.len()..e.range.end + marker.len();
            }
        }
        let mut block = self.block(text);
        block.role = role;
        block.emphasis = emphasis;
        if !first_of_item && !self.items.is_empty() {
            // A later paragraph of an item lines up with the item's text.
            block.form.indent = block.form.indent.saturating_add(1);
        }
        self.blocks.push(block);
    }

    /// A body paragraph of `text`, in the quotes and lists open.
    fn block(&self, text: String) -> Block {
        let mut block = Block::body(text);
        block.form = Form { quotes: self.quotes, indent: self.indent(), table: None };
        block
    }

    /// How many steps a block is indented in the lists open: one for each list it is nested in.
    fn indent(&self) -> u8 {
        u8::try_from(self.lists.len().saturating_sub(1)).unwrap_or(u8::MAX)
    }
}

/// A heading level as a number, 1 the highest.
fn level_of(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Whether an inline HTML tag breaks the line (`<br>`, `<br/>`, `<BR />`).
fn is_line_break_tag(html: &str) -> bool {
    let name = html.trim_start_matches('<').trim_start_matches('/');
    let name: String = name.chars().take_while(char::is_ascii_alphanumeric).collect();
    name.eq_ignore_ascii_case("br")
}

/// The text of some HTML: tags and comments taken out (a `<br>` left as a space), each run
/// of whitespace one space.
fn text_of_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        let end = if after.starts_with("<!--") {
            after.find("-->").map(|i| i + 3)
        } else {
            after.find('>').map(|i| i + 1)
        };
        let Some(end) = end else {
            // An unclosed tag runs to the end of the block.
            rest = "";
            break;
        };
        if is_line_break_tag(&after[..end]) {
            out.push(' ');
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    // As a browser shows it: a run of spaces and line breaks is one space.
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> Vec<(Role, String)> {
        blocks(text).into_iter().map(|b| (b.role, b.text)).collect()
    }

    fn spans(block: &Block) -> Vec<(&str, EmphasisKind)> {
        block.emphasis.iter().map(|e| (&block.text[e.range.clone()], e.kind)).collect()
    }

    #[test]
    fn emphasis_markers_become_ranges() {
        let found = blocks("نص *مائل* و**عريض** و`رمز` _تحته_ __أيضاً__");
        assert_eq!(found[0].text, "نص مائل وعريض ورمز تحته أيضاً");
        assert_eq!(
            spans(&found[0]),
            [
                ("مائل", EmphasisKind::Italic),
                ("عريض", EmphasisKind::Bold),
                ("رمز", EmphasisKind::Code),
                ("تحته", EmphasisKind::Italic),
                ("أيضاً", EmphasisKind::Bold),
            ]
        );
        let nested = blocks("***both*** and *open and 2 * 3 and snake_case_name");
        assert_eq!(nested[0].text, "both and *open and 2 * 3 and snake_case_name");
        assert_eq!(nested[0].emphasis.len(), 2);
        assert!(spans(&nested[0]).iter().all(|(s, _)| *s == "both"));
    }

    #[test]
    fn links_images_and_html() {
        let found = blocks(
            "اقرأ [تقرير **اعتدال**](https://example.com/a_(b)) ![صورة](x.png) <b>هنا</b><br>و<https://x.org> [ليس رابطاً]",
        );
        assert_eq!(found[0].text, "اقرأ تقرير اعتدال هنا وhttps://x.org [ليس رابطاً]");
        assert_eq!(spans(&found[0]), [("اعتدال", EmphasisKind::Bold)]);
        assert_eq!(blocks(r"\*not\* a <3 heart &amp; more")[0].text, "*not* a <3 heart & more");
        let html = blocks("<div class=\"x\">\n<p>نص <!-- ملاحظة --> في HTML</p>\n</div>\n\nبعد");
        assert_eq!(html.iter().map(|b| b.text.as_str()).collect::<Vec<_>>(), ["نص في HTML", "بعد"]);
    }

    #[test]
    fn headings_lists_quotes() {
        let text = "# العنوان\n\nفقرة أولى\nتكمل هنا.\n\n## قسم ##\n\n- بند أول\n- بند\n  ثان\n\n3. مرقم\n4. يليه\n\n> اقتباس\n> يستمر\n\nعنوان آخر\n---\n\n***\n\n[1]: https://x.org";
        assert_eq!(
            shown(text),
            [
                (Role::Heading(1), "العنوان".to_string()),
                (Role::Body, "فقرة أولى تكمل هنا.".to_string()),
                (Role::Heading(2), "قسم".to_string()),
                (Role::Body, "• بند أول".to_string()),
                (Role::Body, "• بند ثان".to_string()),
                (Role::Body, "3. مرقم".to_string()),
                (Role::Body, "4. يليه".to_string()),
                (Role::Body, "اقتباس يستمر".to_string()),
                (Role::Heading(2), "عنوان آخر".to_string()),
            ]
        );
        let forms: Vec<(u8, u8, bool)> =
            blocks(text).iter().map(|b| (b.form.quotes, b.form.indent, b.list_item)).collect();
        assert_eq!(forms[3], (0, 0, true));
        assert_eq!(forms[7], (1, 0, false));
    }

    #[test]
    fn nested_lists_and_quotes_keep_their_depth() {
        let text = "- أول\n  - فرعي\n    - أعمق\n- ثان\n\n  فقرة ثانية من البند\n\n> خارج\n>\n> > داخل\n>\n> - بند في اقتباس";
        let found: Vec<(String, u8, u8)> =
            blocks(text).into_iter().map(|b| (b.text, b.form.indent, b.form.quotes)).collect();
        assert_eq!(
            found,
            [
                ("• أول".to_string(), 0, 0),
                ("◦ فرعي".to_string(), 1, 0),
                ("◦ أعمق".to_string(), 2, 0),
                ("• ثان".to_string(), 0, 0),
                ("فقرة ثانية من البند".to_string(), 1, 0),
                ("خارج".to_string(), 0, 1),
                ("داخل".to_string(), 0, 2),
                ("• بند في اقتباس".to_string(), 0, 1),
            ]
        );
    }

    #[test]
    fn a_table_is_one_paragraph_with_its_cells() {
        let text = "| البلد | الحسابات **المغلقة** |\n|---|--:|\n| العراق | 274 |\n| سوريا |\n";
        let found = blocks(text);
        assert_eq!(found.len(), 1);
        let block = &found[0];
        assert_eq!(block.text, "البلد | الحسابات المغلقة ‖ العراق | 274 ‖ سوريا | ");
        assert!(block.verbatim && !block.list_item);
        let table = block.form.table.as_ref().unwrap();
        assert!(table.header);
        let cells: Vec<Vec<&str>> = table
            .rows
            .iter()
            .map(|row| row.iter().map(|c| &block.text[c.clone()]).collect())
            .collect();
        // A short row is filled with empty cells.
        assert_eq!(cells, [["البلد", "الحسابات المغلقة"], ["العراق", "274"], ["سوريا", ""]]);
        assert_eq!(spans(block), [("المغلقة", EmphasisKind::Bold)]);
        assert_eq!(&block.text[table.row_range(1)], "العراق | 274");
    }

    #[test]
    fn code_blocks_and_front_matter() {
        let text = "---\ntitle: \"عنوان المقال\"\ndate: 2024\n---\n\n```rust\nlet x = *y*;\n\n  x + 1\n```\n\n<!-- note\nhidden -->\nبعد";
        let found = blocks(text);
        assert_eq!(found[0].role, Role::Title);
        assert_eq!(found[0].text, "عنوان المقال");
        assert_eq!(found[1].text, "let x = *y*; x + 1");
        assert!(found[1].verbatim);
        assert_eq!(
            found[1].emphasis,
            [Emphasis { range: 0..found[1].text.len(), kind: EmphasisKind::Code }]
        );
        assert_eq!(found[2].text, "بعد");
        assert_eq!(found.len(), 3);
    }

    #[test]
    fn unclosed_constructs_do_not_panic() {
        for source in [
            "[",
            "[a](",
            "![",
            "<",
            "<a",
            "`",
            "``a`",
            "*",
            "_",
            "**a",
            "\\",
            "a\\",
            "<!--",
            "[a][",
            "é*ç_",
            "|",
            "| a |\n|",
            "|a|\n|-|\n|b|c|d|",
            "> - ```\n",
            "<div>\n<p",
        ] {
            for block in blocks(source) {
                for e in &block.emphasis {
                    let text = &block.text;
                    assert!(
                        text.is_char_boundary(e.range.start) && text.is_char_boundary(e.range.end)
                    );
                    assert!(e.range.end <= text.len());
                }
            }
        }
        assert!(blocks("```\nnever closed").len() == 1);
        let not_yaml = shown("---\nشيء ما هنا\n---\nنص");
        assert_eq!(
            not_yaml,
            [(Role::Heading(2), "شيء ما هنا".to_string()), (Role::Body, "نص".to_string())]
        );
        assert!(blocks("").is_empty());
    }
}
