//! The types of a parsed document.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::text::Direction;

/// One article as basira shows it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Document {
    /// Where it came from: the path as found on disk, or `builtin:NAME` for a built-in article.
    pub path: String,
    /// The title shown in lists and the status line.
    pub title: String,
    /// True when the article has no title line and `title` was made from its first words.
    pub title_is_derived: bool,
    /// The paragraphs as shown (after repair), boilerplate included, in reading order.
    pub paragraphs: Vec<Paragraph>,
    /// The direction most of the text runs in; paragraphs without a strong character take it.
    pub direction: Direction,
}

impl Document {
    /// The title whole: a title made from the article's first words ([`Document::title`],
    /// cut with «…» to fit lists and the status line) is given as the whole sentence it was
    /// taken from; a title line is its title.
    pub fn full_title(&self) -> &str {
        if self.title_is_derived {
            super::structure::title_sentence(&self.paragraphs).unwrap_or(&self.title)
        } else {
            &self.title
        }
    }
}

/// A block of text shown as one paragraph: a title, byline, heading or body paragraph.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    /// The text in logical order, sanitised, on one line (no newlines).
    pub text: String,
    /// What the paragraph is in the article.
    pub role: Role,
    /// Set when the paragraph is page furniture rather than the article; analysis skips it.
    pub boilerplate: Option<Boilerplate>,
    /// Byte ranges of the sentences in `text`, in order, covering the text but for spaces;
    /// a table's sentences are its rows (without the separators between them).
    pub sentences: Vec<Range<usize>>,
    /// Emphasised spans (from Markdown), as byte ranges of `text`.
    pub emphasis: Vec<Emphasis>,
    /// How it is set on the page: quoted, nested in a list, or a table (from Markdown).
    pub form: Form,
}

/// How a paragraph is set on the page beside its text. Plain text has the default: no quote,
/// no indent, no table.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Form {
    /// How many block quotes the paragraph is in; each is drawn as a bar on its reading side.
    pub quotes: u8,
    /// How many steps it is indented: a nested list item one step for each list it is nested
    /// in, a later paragraph of a list item one step more than its item.
    pub indent: u8,
    /// The table the paragraph is, when it is one.
    pub table: Option<Box<Table>>,
}

/// A table whose cells are parts of its paragraph's text (the cells of a row joined by
/// [`Table::CELL_SEPARATOR`], the rows by [`Table::ROW_SEPARATOR`]), so that search, marks
/// and the analysis read it as any paragraph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    /// Each row's cells as byte ranges of the paragraph's text, in the order the file writes
    /// them (the first column first); every row has the same number of cells.
    pub rows: Vec<Vec<Range<usize>>>,
    /// Whether the first row is the header.
    pub header: bool,
}

impl Table {
    /// What stands between two cells of a row in the paragraph's text.
    pub const CELL_SEPARATOR: &'static str = " | ";
    /// What stands between two rows in the paragraph's text.
    pub const ROW_SEPARATOR: &'static str = " ‖ ";

    /// How many columns the table has.
    pub fn columns(&self) -> usize {
        self.rows.first().map_or(0, Vec::len)
    }

    /// The byte range of row `row` in the paragraph's text, from its first cell to its last.
    pub fn row_range(&self, row: usize) -> Range<usize> {
        let cells = &self.rows[row];
        let start = cells.first().map_or(0, |c| c.start);
        start..cells.last().map_or(start, |c| c.end)
    }
}

/// The part a paragraph plays in its article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    /// The article's title line.
    Title,
    /// The author line, such as «دينا محمود (لندن)».
    Byline,
    /// A section heading; the number is its level, 1 being the highest.
    Heading(u8),
    /// Ordinary running text.
    Body,
}

/// The kinds of page furniture that basira recognises.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Boilerplate {
    /// Site section labels printed above the title («أخبار العراق»).
    Navigation,
    /// "Share this article", "Did you like this article?" and similar prompts.
    SharePrompt,
    /// An "about us" heading and the text under it.
    AboutUs,
    /// A newsletter sign-up heading or prompt.
    Newsletter,
    /// "Contact us", postal address, telephone, fax, e-mail lines.
    Contact,
    /// A count of comments («1 تعليق»).
    CommentCount,
    /// A comment policy, required-field notes, character counters.
    CommentPolicy,
    /// A reader's comment under the article.
    ReaderComment,
    /// A "reply" button label.
    ReplyButton,
    /// A photo caption carrying a credit («[حقوق الصورة …]»).
    PhotoCredit,
    /// A pointer to other stories: «اقرأ أيضاً: …», «للمزيد: …», and the headlines of
    /// related stories that news sites set between paragraphs.
    Related,
    /// A note of the site's own: a notification sign-up, an opinion disclaimer, a source or
    /// agency line («نقلاً عن …», «فرانس24/ أ ف ب»), "click here", a separator line.
    SiteNote,
}

impl Boilerplate {
    /// A short English name for messages and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Boilerplate::Navigation => "navigation",
            Boilerplate::SharePrompt => "share prompt",
            Boilerplate::AboutUs => "about us",
            Boilerplate::Newsletter => "newsletter",
            Boilerplate::Contact => "contact",
            Boilerplate::CommentCount => "comment count",
            Boilerplate::CommentPolicy => "comment policy",
            Boilerplate::ReaderComment => "reader comment",
            Boilerplate::ReplyButton => "reply button",
            Boilerplate::PhotoCredit => "photo credit",
            Boilerplate::Related => "related story",
            Boilerplate::SiteNote => "site note",
        }
    }
}

/// An emphasised span of a paragraph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Emphasis {
    /// Byte range in the paragraph's text.
    pub range: Range<usize>,
    /// How it is emphasised.
    pub kind: EmphasisKind,
}

/// Kinds of emphasis that Markdown gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EmphasisKind {
    /// `*text*` or `_text_`.
    Italic,
    /// `**text**` or `__text__`.
    Bold,
    /// `` `text` ``.
    Code,
}
