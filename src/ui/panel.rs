//! The side panel's contents: its sections, and each section's items laid out by the engine
//! for the panel's width, with what Enter does on each.

use std::ops::Range;

use crate::analysis::view::{self, KeyPointView, OutlineEntry, RelatedView, ThemeHere};
use crate::analysis::{Analysis, Budget, FORCED_DIRECTION};
use crate::corpus::Corpus;
use crate::layout::{LayoutOptions, VisualLine, layout_paragraph};
use crate::one_line::one_line;
use crate::text::Direction;

use super::chrome::name_line;
use crate::lang::{Lang, tr};

/// The sections of the side panel, in the order the tab bar shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Section {
    /// The article's key points.
    #[default]
    KeyPoints,
    /// The sentences that carry figures.
    Facts,
    /// Passages of other articles related to the current paragraph.
    Related,
    /// The themes this article carries.
    Themes,
    /// The article's headings.
    Outline,
}

impl Section {
    /// Every section, in tab order.
    pub const ALL: [Section; 5] =
        [Section::KeyPoints, Section::Facts, Section::Related, Section::Themes, Section::Outline];

    /// The section's row of [`SECTIONS`].
    fn row(self) -> &'static SectionRow {
        SECTIONS.iter().find(|row| row.section == self).unwrap_or(&SECTIONS[0])
    }

    /// The section's name in the tab bar.
    pub fn title(self) -> &'static str {
        self.row().title
    }

    /// What the section says when it has no item (in English; [`crate::lang::tr`] gives the
    /// Arabic).
    pub fn empty(self) -> &'static str {
        self.row().empty
    }

    /// Whether its items follow the current paragraph (and are built again when it moves).
    pub fn follows_paragraph(self) -> bool {
        self.row().follows_paragraph
    }

    /// The section `step` places along the tab bar, wrapping round.
    pub fn step(self, step: isize) -> Section {
        let i = Section::ALL.iter().position(|&s| s == self).unwrap_or(0) as isize;
        Section::ALL[(i + step).rem_euclid(Section::ALL.len() as isize) as usize]
    }
}

/// One section of the panel: its name, what it says when empty, whether it follows the
/// current paragraph, and how its items are built (from the analysis, or, for `None`, from
/// the article alone, so that they are there before the analysis is).
pub struct SectionRow {
    /// The section.
    pub section: Section,
    /// Its name in the tab bar.
    pub title: &'static str,
    /// What it says when it has no item.
    pub empty: &'static str,
    /// Whether its items follow the current paragraph.
    pub follows_paragraph: bool,
    /// How its items are built.
    items: SectionItems,
}

/// How a section's items are built.
#[derive(Clone, Copy)]
enum SectionItems {
    /// From the analysis.
    Analysis(fn(&PanelSource, &Analysis) -> Vec<PanelItem>),
    /// From the article alone.
    Article(fn(&PanelSource) -> Vec<PanelItem>),
}

/// The panel's sections, one row each: adding a section is a row here, its function and
/// its [`Section`] (with the Arabic of its title and empty text in `lang.rs`).
pub const SECTIONS: &[SectionRow] = &[
    SectionRow {
        section: Section::KeyPoints,
        title: "Key points",
        empty: "(no key points)",
        follows_paragraph: false,
        items: SectionItems::Analysis(|source, analysis| source.key_points(analysis)),
    },
    SectionRow {
        section: Section::Facts,
        title: "Facts",
        empty: "(no figures in this article)",
        follows_paragraph: false,
        items: SectionItems::Analysis(|source, analysis| source.facts(analysis)),
    },
    SectionRow {
        section: Section::Related,
        title: "Related",
        empty: "(nothing in the other articles is close to this paragraph)",
        follows_paragraph: true,
        items: SectionItems::Analysis(|source, analysis| source.related(analysis)),
    },
    SectionRow {
        section: Section::Themes,
        title: "Themes",
        empty: "(no theme runs through this article)",
        follows_paragraph: false,
        items: SectionItems::Analysis(|source, analysis| source.themes(analysis)),
    },
    SectionRow {
        section: Section::Outline,
        title: "Outline",
        empty: "(no headings)",
        follows_paragraph: false,
        items: SectionItems::Article(|source| source.outline()),
    },
];

/// What Enter on a panel item does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// Go to a sentence (bytes `range` of a paragraph) of a document and highlight it.
    Sentence {
        /// Index of the document.
        document: usize,
        /// Index of the paragraph.
        paragraph: usize,
        /// The sentence's bytes in the paragraph's text.
        range: Range<usize>,
    },
    /// Make theme `index` active and go to its passage nearest the reading position.
    Theme(usize),
}

/// How a line of an item is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// The item's text.
    Text,
    /// Secondary information: where a passage comes from, the words it shares.
    Quiet,
}

/// One line of an item: the laid-out line, its tone, and the bytes of its source text to show
/// strongly (the figures of a fact).
#[derive(Clone, Debug, PartialEq)]
pub struct ItemLine {
    /// The line as drawn.
    pub line: VisualLine,
    /// Its tone.
    pub tone: Tone,
    /// Byte ranges of the line's source text to emphasise.
    pub strong: Vec<Range<usize>>,
}

/// One selectable item of the panel.
#[derive(Clone, Debug, PartialEq)]
pub struct PanelItem {
    /// What Enter does.
    pub target: Target,
    /// Its lines, at the panel's width.
    pub lines: Vec<ItemLine>,
}

/// The most lines a sentence takes in the panel; longer ones end with an ellipsis.
const MAX_SENTENCE_LINES: usize = 6;
/// The most lines of a related passage's text.
const MAX_PASSAGE_LINES: usize = 3;
/// How many related passages the panel lists.
pub const RELATED_SHOWN: usize = 3;

/// What a panel section is built from.
pub struct PanelSource<'a> {
    /// The collection.
    pub corpus: &'a Corpus,
    /// Its analysis, once it is ready.
    pub analysis: Option<&'a Analysis>,
    /// The document on screen.
    pub document: usize,
    /// Its current paragraph (the one Related follows).
    pub paragraph: usize,
    /// The width of an item's lines.
    pub width: u16,
    /// Layout options.
    pub options: &'a LayoutOptions,
    /// The interface language, for what the panel says of its own.
    pub lang: Lang,
}

impl PanelSource<'_> {
    /// The items of `section`. Sections other than the outline are empty until the analysis
    /// is ready.
    pub fn items(&self, section: Section) -> Vec<PanelItem> {
        match (section.row().items, self.analysis) {
            (SectionItems::Article(items), _) => items(self),
            (SectionItems::Analysis(items), Some(analysis)) => items(self, analysis),
            (SectionItems::Analysis(_), None) => Vec::new(),
        }
    }

    fn direction(&self) -> Direction {
        self.corpus.documents[self.document].direction
    }

    /// A sentence of the current document as an item, with `strong` ranges (in the
    /// sentence's bytes) emphasised.
    fn sentence(
        &self,
        paragraph: usize,
        range: Range<usize>,
        strong: Vec<Range<usize>>,
    ) -> PanelItem {
        let text = &self.corpus.documents[self.document].paragraphs[paragraph].text[range.clone()];
        let lines = wrap(text, self.direction(), self.width, MAX_SENTENCE_LINES, self.options)
            .into_iter()
            .map(|line| ItemLine { line, tone: Tone::Text, strong: strong.clone() })
            .collect();
        PanelItem { target: Target::Sentence { document: self.document, paragraph, range }, lines }
    }

    /// The key points, each as it reads (hashtags as words), under a quiet line naming its
    /// section when it opens one.
    fn key_points(&self, analysis: &Analysis) -> Vec<PanelItem> {
        let document = &self.corpus.documents[self.document];
        view::key_points(analysis, document, self.document, Budget::Default)
            .into_iter()
            .map(|KeyPointView { paragraph, range, text, section, opens_section, .. }| {
                let mut lines = Vec::new();
                if opens_section {
                    let name = name_line(
                        section.unwrap_or_default(),
                        self.direction(),
                        self.width,
                        self.options,
                    );
                    lines.push(ItemLine { line: name, tone: Tone::Quiet, strong: Vec::new() });
                }
                lines.extend(
                    wrap(&text, self.direction(), self.width, MAX_SENTENCE_LINES, self.options)
                        .into_iter()
                        .map(|line| ItemLine { line, tone: Tone::Text, strong: Vec::new() }),
                );
                let target = Target::Sentence { document: self.document, paragraph, range };
                PanelItem { target, lines }
            })
            .collect()
    }

    /// The facts, each under a quiet warning when a figure's direction is forced by the text
    /// (it may be drawn otherwise than it is written).
    fn facts(&self, analysis: &Analysis) -> Vec<PanelItem> {
        let document = &self.corpus.documents[self.document];
        view::facts(analysis, document, self.document)
            .into_iter()
            .map(|f| {
                let mut item = self.sentence(f.paragraph, f.range, f.marks);
                if f.direction_forced {
                    let warning = format!("⚠ {}", tr(self.lang, FORCED_DIRECTION));
                    let direction =
                        if self.lang.is_rtl() { Direction::Rtl } else { Direction::Ltr };
                    item.lines.extend(
                        wrap(&warning, direction, self.width, MAX_PASSAGE_LINES, self.options)
                            .into_iter()
                            .map(|line| ItemLine { line, tone: Tone::Quiet, strong: Vec::new() }),
                    );
                }
                item
            })
            .collect()
    }

    fn related(&self, analysis: &Analysis) -> Vec<PanelItem> {
        let quiet = |line| ItemLine { line, tone: Tone::Quiet, strong: Vec::new() };
        view::related_to_paragraph(
            analysis,
            self.corpus,
            self.document,
            self.paragraph,
            RELATED_SHOWN,
        )
        .into_iter()
        .map(|RelatedView { to: (document, paragraph), text, terms, same_text, .. }| {
            let other = &self.corpus.documents[document];
            let mut lines = vec![quiet(name_line(
                &format!("{}. {}", document + 1, other.title),
                other.direction,
                self.width,
                self.options,
            ))];
            lines.extend(
                wrap(text, other.direction, self.width, MAX_PASSAGE_LINES, self.options)
                    .into_iter()
                    .map(|line| ItemLine { line, tone: Tone::Text, strong: Vec::new() }),
            );
            let why = if same_text {
                tr(self.lang, "the same text").to_string()
            } else {
                terms.join("، ")
            };
            lines.push(quiet(one_line(&why, Direction::Rtl, self.width, self.options)));
            let range = 0..text.len();
            PanelItem { target: Target::Sentence { document, paragraph, range }, lines }
        })
        .collect()
    }

    fn themes(&self, analysis: &Analysis) -> Vec<PanelItem> {
        let quiet = |text: &str| ItemLine {
            line: name_line(text, Direction::Ltr, self.width, self.options),
            tone: Tone::Quiet,
            strong: Vec::new(),
        };
        view::themes(analysis, self.document)
            .into_iter()
            .map(|ThemeHere { index, theme, passages_here }| {
                let label = name_line(&theme.label, Direction::Rtl, self.width, self.options);
                let mut lines = vec![ItemLine { line: label, tone: Tone::Text, strong: vec![] }];
                lines.extend(theme.label_en.as_deref().map(quiet));
                lines.push(quiet(&format!(
                    "{passages_here} here · {} in {} articles",
                    theme.passages.len(),
                    theme.article_count()
                )));
                PanelItem { target: Target::Theme(index), lines }
            })
            .collect()
    }

    fn outline(&self) -> Vec<PanelItem> {
        let document = &self.corpus.documents[self.document];
        view::outline(document)
            .into_iter()
            .map(|OutlineEntry { paragraph, level }| {
                let text = &document.paragraphs[paragraph].text;
                let mut line = one_line(text, document.direction, self.width, self.options);
                if let Some(level) = level {
                    indent_heading(&mut line, level, document.direction, self.width);
                }
                PanelItem {
                    target: Target::Sentence { document: self.document, paragraph, range: 0..0 },
                    lines: vec![ItemLine { line, tone: Tone::Text, strong: Vec::new() }],
                }
            })
            .collect()
    }
}

/// Indent a heading of `level` (1 = top) by a cell per level below the first, on its reading
/// side, when there is room.
fn indent_heading(line: &mut VisualLine, level: u8, direction: Direction, width: u16) {
    let extra = u16::from(level.saturating_sub(1)).min(4);
    if direction.is_rtl() {
        line.indent = line.indent.saturating_sub(extra);
    } else if line.width + line.indent + extra <= width {
        line.indent += extra;
    }
}

/// `text` laid out at `width`, at most `max_lines` lines, the last ending in an ellipsis when
/// the text goes on.
pub fn wrap(
    text: &str,
    direction: Direction,
    width: u16,
    max_lines: usize,
    options: &LayoutOptions,
) -> Vec<VisualLine> {
    let full = layout_paragraph(text, direction, width, options);
    if full.lines.len() <= max_lines || max_lines == 0 {
        return full.lines;
    }
    let mut lines = full.lines;
    lines.truncate(max_lines);
    let last = lines.pop().unwrap_or_default();
    let range = last.source_range();
    lines.push(one_line(&format!("{}…", &text[range.start..]), full.direction, width, options));
    lines
}

/// The rows items take in a list of `height` rows (a blank row between items), starting at
/// item `first`: each visible item's index and its first row.
pub fn item_rows(items: &[PanelItem], first: usize, height: usize) -> Vec<(usize, usize)> {
    let mut rows = Vec::new();
    let mut row = 0;
    for (i, item) in items.iter().enumerate().skip(first) {
        if row >= height {
            break;
        }
        rows.push((i, row));
        row += item.lines.len() + 1;
    }
    rows
}

/// The first item to show so that item `selected` is wholly in a list of `height` rows.
pub fn first_shown(items: &[PanelItem], selected: usize, height: usize) -> usize {
    let mut first = selected.min(items.len().saturating_sub(1));
    let mut used = items.get(first).map_or(0, |i| i.lines.len());
    while first > 0 {
        let above = items[first - 1].lines.len() + 1;
        if used + above > height {
            break;
        }
        used += above;
        first -= 1;
    }
    first
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_has_one_row_with_its_words_in_both_languages() {
        for section in Section::ALL {
            assert_eq!(SECTIONS.iter().filter(|row| row.section == section).count(), 1);
            for words in [section.title(), section.empty()] {
                assert_ne!(crate::lang::tr(Lang::Ar, words), words, "{section:?}");
            }
        }
        assert_eq!(SECTIONS.len(), Section::ALL.len());
        let follows: Vec<Section> =
            Section::ALL.into_iter().filter(|s| s.follows_paragraph()).collect();
        assert_eq!(follows, [Section::Related]);
    }

    #[test]
    fn a_long_sentence_is_cut_to_its_lines_with_an_ellipsis() {
        let text = "هذا نص طويل جدا ".repeat(20);
        let options = LayoutOptions::default();
        let lines = wrap(&text, Direction::Rtl, 20, 3, &options);
        assert_eq!(lines.len(), 3);
        assert!(lines.iter().all(|l| l.width + l.indent <= 20));
        assert!(lines[2].text().contains('…'));
        assert_eq!(wrap("قصير", Direction::Rtl, 20, 3, &options).len(), 1);
    }

    #[test]
    fn sections_wrap_round() {
        assert_eq!(Section::KeyPoints.step(-1), Section::Outline);
        assert_eq!(Section::Outline.step(1), Section::KeyPoints);
        assert_eq!(Section::Facts.step(1), Section::Related);
    }
}
