//! What a slide shows, apart from how it is drawn: its kind, its title, the lines about it, the
//! section and the text of a point, the speaker's note — made once from the collection, its
//! analysis and the reader's notes, so that the audience's screen and the speaker view (in
//! another process) show the same words.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::analysis::keypoints::{Sections, hashtags_as_words};
use crate::analysis::{Analysis, view};
use crate::corpus::{Corpus, Document, Role, sanitise_line};

use crate::lang::{Lang, fill, tr};
use crate::text::Direction;
use crate::text::lead_in::{dateline_end, lead_in};

/// What kind of screen a slide is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SlideKind {
    /// The presentation's title: an article's (with its byline and source), a deck's name.
    Title,
    /// A theme's label.
    Theme,
    /// A point: a sentence of an article, under the article's title and its section's name.
    Point,
    /// The end of the presentation.
    End,
}

/// One slide.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slide {
    /// What kind of screen it is.
    pub kind: SlideKind,
    /// The article it is of (a title slide of an article, a point).
    pub document: Option<usize>,
    /// The paragraph it shows (a point's; an article's title line), the one whose note is
    /// the speaker's note.
    pub paragraph: Option<usize>,
    /// The bytes of that paragraph a point shows.
    pub range: Range<usize>,
    /// The title: the article's whole title, the theme's label, the deck's name; on a point
    /// the title of its article, which it names; on the end slide the words that say so.
    pub title: String,
    /// The lines under the title: byline, dateline or file name, an English label, counts;
    /// on the end slide the presentation's title.
    pub about: Vec<String>,
    /// The name of a point's section (its heading, or its numbered item's label).
    pub section: Option<String>,
    /// A point's sentence, as a reader sees it (no list number, hashtags as words).
    pub text: String,
    /// The direction of the article's text (of a text without strong letters).
    pub direction: Direction,
    /// The reader's note on the slide's paragraph.
    pub note: Option<String>,
}

impl Slide {
    /// The article and paragraph a slide shows, if it shows one (for its speaker note).
    pub fn place(&self) -> Option<(usize, usize)> {
        Some((self.document?, self.paragraph?))
    }

    /// A slide of `kind` with a title and nothing else.
    fn bare(kind: SlideKind, title: String, direction: Direction) -> Slide {
        Slide {
            kind,
            document: None,
            paragraph: None,
            range: 0..0,
            title,
            about: Vec::new(),
            section: None,
            text: String::new(),
            direction,
            note: None,
        }
    }
}

/// What slides are made from: the collection, its analysis, the interface language (of the
/// counts and labels), and the reader's notes.
pub struct Material<'a> {
    /// The collection.
    pub corpus: &'a Corpus,
    /// Its analysis.
    pub analysis: &'a Analysis,
    /// The interface language.
    pub lang: Lang,
    /// The reader's note on a paragraph (article, paragraph), if there is one.
    pub notes: &'a dyn Fn(usize, usize) -> Option<String>,
}

/// A place a slide can show: an article's paragraph, and the bytes of a sentence of it
/// (none: the paragraph's key sentence).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    /// Index of the article in the collection.
    pub document: usize,
    /// Index of the paragraph in the article.
    pub paragraph: usize,
    /// The bytes of the sentence shown; `None` shows the paragraph's key sentence.
    pub sentence: Option<Range<usize>>,
}

impl Material<'_> {
    /// The title slide of article `index`, with `points` points after it: its whole title,
    /// then its byline and dateline if it has them (else its file's name), then the count.
    pub fn title_slide(&self, index: usize, points: usize) -> Slide {
        let document = &self.corpus.documents[index];
        let mut slide =
            Slide::bare(SlideKind::Title, shown(document.full_title()), document.direction);
        slide.document = Some(index);
        slide.paragraph = document.paragraphs.iter().position(|p| p.role == Role::Title);
        slide.about = credits(document);
        slide.about.push(fill(self.lang, "{} key points", &[&points]));
        slide.note = slide.place().and_then(|(d, p)| (self.notes)(d, p));
        slide
    }

    /// The title slide of theme `index`: its label, its English label, how far it runs.
    pub fn theme_slide(&self, index: usize) -> Slide {
        let theme = &self.analysis.themes[index];
        let mut slide = Slide::bare(SlideKind::Theme, shown(&theme.label), Direction::Rtl);
        slide.about.extend(theme.label_en.as_deref().map(shown));
        slide.about.push(fill(
            self.lang,
            "{} passages in {} articles",
            &[&theme.passages.len(), &theme.article_count()],
        ));
        slide
    }

    /// The title slide of a deck called `name`, with `count` slides after it.
    pub fn deck_slide(&self, name: &str, count: usize) -> Slide {
        let direction = crate::text::first_strong_direction(name).unwrap_or(self.lang.direction());
        let mut slide = Slide::bare(SlideKind::Title, shown(name), direction);
        slide.about.push(fill(self.lang, "{} slides", &[&count]));
        slide
    }

    /// The slide of `place`: its sentence (or its paragraph's key sentence; a paragraph with
    /// none, its text) without the list number or label it opens with, under its article's
    /// title and its section's name.
    pub fn point_slide(&self, place: &Place) -> Slide {
        let document = &self.corpus.documents[place.document];
        let paragraph = &document.paragraphs[place.paragraph];
        let lead = lead_in(&paragraph.text).end;
        let whole = lead.min(paragraph.text.len())..paragraph.text.len();
        let range = match &place.sentence {
            Some(range) if range.end <= paragraph.text.len() => {
                // A sentence that starts the paragraph starts after its list number.
                let start = if range.start < lead && lead < range.end { lead } else { range.start };
                start..range.end
            }
            Some(_) => whole,
            None => view::key_sentence(self.analysis, document, place.document, place.paragraph)
                .map_or(whole, |best| best.range),
        };
        let text = paragraph.text.get(range.clone()).unwrap_or_default();
        let mut slide = Slide::bare(SlideKind::Point, shown(&document.title), document.direction);
        slide.document = Some(place.document);
        slide.paragraph = Some(place.paragraph);
        slide.text = hashtags_as_words(text.trim()).into_owned();
        slide.range = range;
        slide.section = section_name(document, place.paragraph).map(shown);
        slide.note = (self.notes)(place.document, place.paragraph);
        slide
    }

    /// The last slide: it says the presentation called `title` is over.
    pub fn end_slide(&self, title: &str, direction: Direction) -> Slide {
        let mut slide =
            Slide::bare(SlideKind::End, tr(self.lang, "End of the presentation").into(), direction);
        slide.about.push(shown(title));
        slide
    }
}

/// A text from a file, made safe to show ([`sanitise_line`]).
fn shown(text: &str) -> String {
    sanitise_line(text).into_owned()
}

/// The name of the section paragraph `paragraph` of `document` is in: its numbered item's
/// label, else its heading.
fn section_name(document: &Document, paragraph: usize) -> Option<&str> {
    let sections = Sections::of(document);
    sections.names.get(paragraph)?.as_ref().map(|name| name.text(document))
}

/// Who wrote an article and where it comes from, as far as its text says: its byline, the
/// dateline its first paragraph opens with («دبي، الإمارات العربية المتحدة (CNN)»); else the
/// name of its file.
fn credits(document: &Document) -> Vec<String> {
    let paragraphs = || document.paragraphs.iter().filter(|p| p.boilerplate.is_none());
    let mut credits = Vec::new();
    if let Some(byline) = paragraphs().find(|p| p.role == Role::Byline) {
        credits.push(shown(&byline.text));
    }
    if let Some(first) = paragraphs().find(|p| p.role == Role::Body) {
        let end = dateline_end(&first.text);
        let dateline = first.text[..end].trim().trim_end_matches(['-', '–', '—', ':']).trim();
        if !dateline.is_empty() {
            credits.push(shown(dateline));
        }
    }
    if credits.is_empty() {
        let path = document.path.strip_prefix("builtin:").unwrap_or(&document.path);
        let name = std::path::Path::new(path).file_name().map(|n| n.to_string_lossy());
        credits.push(shown(&name.unwrap_or_else(|| path.into())));
    }
    credits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::ThemeSource;
    use crate::corpus::parse_document;

    fn material<'a>(corpus: &'a Corpus, analysis: &'a Analysis) -> Material<'a> {
        Material { corpus, analysis, lang: Lang::En, notes: &|_, _| None }
    }

    #[test]
    fn a_title_slide_has_the_whole_title_the_byline_and_else_the_file_name() {
        let corpus = Corpus::builtin();
        let analysis = Analysis::new(&corpus, &ThemeSource::default_for(&corpus));
        let material = material(&corpus, &analysis);
        // The first article has no title line: its title is its first sentence, whole.
        let first = material.title_slide(0, 6);
        assert!(!first.title.ends_with('…'), "{}", first.title);
        assert_eq!(first.title, corpus.documents[0].full_title());
        assert_eq!(first.about, ["01-international-cooperation.txt", "6 key points"]);
        // The second has a byline.
        let second = material.title_slide(1, 4);
        assert_eq!(second.about[0], "دينا محمود (لندن)");
    }

    #[test]
    fn a_dateline_is_the_source_of_a_news_article() {
        let text = "عنوان الخبر\n\nدبي، الإمارات العربية المتحدة (CNN)-- قالت الشرطة إن الحادث \
                    وقع صباح اليوم في وسط المدينة.\n\nوأضافت أن التحقيق جار.";
        let corpus =
            Corpus { documents: vec![parse_document("a.txt", text, false)], warnings: vec![] };
        let analysis = Analysis::new(&corpus, &ThemeSource::Discovered);
        let slide = material(&corpus, &analysis).title_slide(0, 1);
        assert_eq!(slide.title, "عنوان الخبر");
        assert_eq!(slide.about[0], "دبي، الإمارات العربية المتحدة (CNN)");
    }

    #[test]
    fn a_point_has_no_list_number_and_names_its_article_and_section() {
        let corpus = Corpus::builtin();
        let analysis = Analysis::new(&corpus, &ThemeSource::default_for(&corpus));
        let material = material(&corpus, &analysis);
        let document = &corpus.documents[0];
        let item = document.paragraphs.iter().position(|p| p.text.starts_with("2. ")).unwrap();
        for sentence in [None, Some(document.paragraphs[item].sentences[0].clone())] {
            let slide = material.point_slide(&Place { document: 0, paragraph: item, sentence });
            assert!(!slide.text.starts_with("2."), "{}", slide.text);
            assert!(!slide.text.contains("القضائي:"), "the label is the section: {}", slide.text);
            assert_eq!(slide.section.as_deref(), Some("الأطر القانونية والتعاون القضائي"));
            assert_eq!(slide.title, document.title);
        }
    }
}
