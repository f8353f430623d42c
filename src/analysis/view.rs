//! One view of an article's analysis, as references into its text, for everything that shows
//! it (the side panel, the handout, the reports): each slice is cut from the analysis here,
//! once, so that two of them cannot show it differently.

use std::borrow::Cow;
use std::ops::Range;

use super::facts::Fact;
use super::links::Link;
use super::theme::Theme;
use super::{Analysis, Budget};
use crate::corpus::{Corpus, Document, Role};
use crate::text::written::StemmedWords;

/// A key point as it is shown.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyPointView<'a> {
    /// Importance rank, 1 = most important.
    pub rank: usize,
    /// Index of the paragraph.
    pub paragraph: usize,
    /// Index of the sentence in the paragraph.
    pub sentence: usize,
    /// The point's bytes in the paragraph's text.
    pub range: Range<usize>,
    /// The point as a reader sees it: hashtags as words.
    pub text: Cow<'a, str>,
    /// The name of its section, if it has one.
    pub section: Option<&'a str>,
    /// Whether its section's name goes above it: it has one, and the point before it in the
    /// list is in another section.
    pub opens_section: bool,
    /// The score it was ranked by, 0 to 1.
    pub score: f64,
}

/// The key points of article `index` of `analysis` within `budget`, in `document` (that
/// article), in reading order.
pub fn key_points<'a>(
    analysis: &Analysis,
    document: &'a Document,
    index: usize,
    budget: Budget,
) -> Vec<KeyPointView<'a>> {
    let mut previous = None;
    let mut views = Vec::new();
    for point in analysis.key_points(index, budget) {
        let section = point.section_name(document);
        let opens_section = section.is_some() && section != previous;
        previous = section;
        views.push(KeyPointView {
            rank: point.rank,
            paragraph: point.paragraph,
            sentence: point.sentence,
            text: point.text(document),
            section,
            opens_section,
            score: point.score,
            range: point.range,
        });
    }
    views
}

/// The sentence of paragraph `paragraph` of article `index` that says most, as a key point is
/// shown (without the dateline, list number or item label the paragraph opens with, with its
/// section's name): the best ranked of its sentences, whether or not it is among the
/// article's key points. `None` when none of its sentences can be a key point (a heading,
/// furniture, a question).
pub fn key_sentence<'a>(
    analysis: &Analysis,
    document: &'a Document,
    index: usize,
    paragraph: usize,
) -> Option<KeyPointView<'a>> {
    let ranked = &analysis.documents.get(index)?.ranked;
    let (place, best) =
        ranked.iter().enumerate().find(|(_, r)| r.paragraph as usize == paragraph)?;
    let range = best.range.start as usize..best.range.end as usize;
    let text = document.paragraphs.get(paragraph)?.text.get(range.clone())?;
    let section = best.section.as_ref().map(|name| name.text(document));
    Some(KeyPointView {
        rank: place + 1,
        paragraph,
        sentence: best.sentence as usize,
        range,
        text: super::keypoints::hashtags_as_words(text),
        section,
        opens_section: section.is_some(),
        score: best.score,
    })
}

/// A passage of another article related to a paragraph, as it is shown.
#[derive(Clone, Debug, PartialEq)]
pub struct RelatedView<'a> {
    /// The paragraph it is related to: article and paragraph.
    pub from: (usize, usize),
    /// The related passage: article and paragraph.
    pub to: (usize, usize),
    /// The related passage's text.
    pub text: &'a str,
    /// How closely the two are related, 0 to 1.
    pub score: f64,
    /// The words they share, as the paragraph they are related to writes them.
    pub terms: Vec<&'a str>,
    /// Whether the passage is the same text, not another passage on the subject.
    pub same_text: bool,
}

impl<'a> RelatedView<'a> {
    /// The view of `link`, whose paragraph linked from has the words `from`.
    fn of(
        analysis: &'a Analysis,
        corpus: &'a Corpus,
        link: &'a Link,
        from: &StemmedWords<'a>,
    ) -> Self {
        let (document, paragraph) = link.to();
        RelatedView {
            from: link.from(),
            to: link.to(),
            text: &corpus.documents[document].paragraphs[paragraph].text,
            score: link.score(),
            terms: analysis.link_terms_written(link, from),
            same_text: link.same_text(),
        }
    }
}

/// The passages of other articles related to paragraph `paragraph` of article `index`, best
/// first, at most `k`.
pub fn related_to_paragraph<'a>(
    analysis: &'a Analysis,
    corpus: &'a Corpus,
    index: usize,
    paragraph: usize,
    k: usize,
) -> Vec<RelatedView<'a>> {
    let text = corpus.documents[index].paragraphs.get(paragraph).map_or("", |p| p.text.as_str());
    let from = StemmedWords::of(text);
    let links = analysis.links_from(index, paragraph, k);
    links.into_iter().map(|link| RelatedView::of(analysis, corpus, link, &from)).collect()
}

/// The passages of other articles related to article `index`: one per passage (the link to
/// it from the paragraph closest to it), best first, at most `k`.
pub fn related_to_article<'a>(
    analysis: &'a Analysis,
    corpus: &'a Corpus,
    index: usize,
    k: usize,
) -> Vec<RelatedView<'a>> {
    let mut best: Vec<&Link> = Vec::new();
    for link in analysis.links.iter().filter(|l| l.from().0 == index && l.to().0 != index) {
        match best.iter_mut().find(|b| b.to() == link.to()) {
            Some(kept) if kept.score() < link.score() => *kept = link,
            Some(_) => {}
            None => best.push(link),
        }
    }
    best.sort_by(|a, b| {
        b.score().total_cmp(&a.score()).then(a.from().cmp(&b.from())).then(a.to().cmp(&b.to()))
    });
    let paragraphs = &corpus.documents[index].paragraphs;
    best.into_iter()
        .take(k)
        .map(|link| {
            let from = StemmedWords::of(&paragraphs[link.from().1].text);
            RelatedView::of(analysis, corpus, link, &from)
        })
        .collect()
}

/// A heading of an article's outline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutlineEntry {
    /// Index of the paragraph.
    pub paragraph: usize,
    /// Its level, 1 the top, or `None` for the article's title.
    pub level: Option<u8>,
}

/// The outline of `document`: its title and the headings that are not page furniture.
pub fn outline(document: &Document) -> Vec<OutlineEntry> {
    let entries = document.paragraphs.iter().enumerate().filter(|(_, p)| p.boilerplate.is_none());
    entries
        .filter_map(|(paragraph, p)| match p.role {
            Role::Title => Some(OutlineEntry { paragraph, level: None }),
            Role::Heading(level) => Some(OutlineEntry { paragraph, level: Some(level) }),
            _ => None,
        })
        .collect()
}

/// The outline entry of the section paragraph `paragraph` of `document` is in: the last
/// heading at or above it.
pub fn section_of(document: &Document, paragraph: usize) -> Option<usize> {
    outline(document).iter().rposition(|e| e.paragraph <= paragraph)
}

/// A fact as it is shown: its sentence, the figures to mark in it, the figures as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactView<'a> {
    /// Index of the paragraph.
    pub paragraph: usize,
    /// Index of the sentence in the paragraph.
    pub sentence: usize,
    /// The sentence's bytes in the paragraph's text.
    pub range: Range<usize>,
    /// The sentence.
    pub text: &'a str,
    /// The figures to mark, as byte ranges of the sentence: clipped to it (a figure may run
    /// past a sentence's end: «5.5» cut after «5.»), sorted, and merged where they overlap or
    /// touch, so that each can be marked on its own.
    pub marks: Vec<Range<usize>>,
    /// Each figure as the paragraph writes it, whole, in order.
    pub numbers: Vec<&'a str>,
    /// Whether a figure's direction is forced by the text (see [`Fact::has_forced_direction`]).
    pub direction_forced: bool,
}

impl<'a> FactView<'a> {
    /// The view of `fact`, found in `document`.
    pub fn of(document: &'a Document, fact: &Fact) -> FactView<'a> {
        let text = document.paragraphs[fact.paragraph()].text.as_str();
        let (range, figures) = (fact.range(), fact.figures());
        FactView {
            paragraph: fact.paragraph(),
            sentence: fact.sentence(),
            text: &text[range.clone()],
            marks: marks_in_sentence(&range, &figures),
            numbers: figures.iter().map(|r| &text[r.clone()]).collect(),
            direction_forced: fact.has_forced_direction(text),
            range,
        }
    }
}

/// The facts of article `index` of `analysis`, in `document` (that article), as they are
/// shown.
pub fn facts<'a>(analysis: &Analysis, document: &'a Document, index: usize) -> Vec<FactView<'a>> {
    analysis.documents[index].facts.iter().map(|f| FactView::of(document, f)).collect()
}

/// A theme that runs through an article, as the article shows it.
#[derive(Clone, Copy, Debug)]
pub struct ThemeHere<'a> {
    /// Index of the theme in the analysis.
    pub index: usize,
    /// The theme.
    pub theme: &'a Theme,
    /// How many of its passages are in the article.
    pub passages_here: usize,
}

/// The themes with a passage in article `index`, the most passages there first (ties in the
/// analysis' order).
pub fn themes(analysis: &Analysis, index: usize) -> Vec<ThemeHere<'_>> {
    let mut here: Vec<ThemeHere> = analysis
        .themes
        .iter()
        .enumerate()
        .filter_map(|(i, theme)| {
            let passages_here = theme.passages.iter().filter(|p| p.document == index).count();
            (passages_here > 0).then_some(ThemeHere { index: i, theme, passages_here })
        })
        .collect();
    here.sort_by_key(|t| std::cmp::Reverse(t.passages_here));
    here
}

/// `figures` (byte ranges of a paragraph) as ranges of its `sentence`, clipped to it, sorted
/// and merged where they overlap or touch.
fn marks_in_sentence(sentence: &Range<usize>, figures: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut clipped: Vec<Range<usize>> = figures
        .iter()
        .map(|r| {
            let start = r.start.max(sentence.start) - sentence.start;
            start..r.end.min(sentence.end).saturating_sub(sentence.start)
        })
        .filter(|r| r.start < r.end)
        .collect();
    clipped.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(clipped.len());
    for range in clipped {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::ThemeSource;
    use crate::corpus::Corpus;

    #[test]
    fn an_articles_themes_are_those_with_a_passage_there_most_first() {
        let corpus = Corpus::builtin();
        let analysis = Analysis::new(&corpus, &ThemeSource::default_for(&corpus));
        for index in 0..corpus.documents.len() {
            let here = themes(&analysis, index);
            let with_passage =
                analysis.themes.iter().filter(|t| t.passages.iter().any(|p| p.document == index));
            assert_eq!(here.len(), with_passage.count(), "article {index}");
            for pair in here.windows(2) {
                let order = (pair[0].passages_here, std::cmp::Reverse(pair[0].index));
                assert!(order > (pair[1].passages_here, std::cmp::Reverse(pair[1].index)));
            }
        }
    }

    #[test]
    fn a_key_point_s_section_name_goes_above_it_only_when_the_section_changes() {
        let corpus = Corpus::builtin();
        let analysis = Analysis::new(&corpus, &ThemeSource::default_for(&corpus));
        for (index, document) in corpus.documents.iter().enumerate() {
            let points = key_points(&analysis, document, index, Budget::Default);
            let mut previous = None;
            for point in &points {
                assert_eq!(
                    point.opens_section,
                    point.section.is_some() && point.section != previous
                );
                previous = point.section;
                let text = &document.paragraphs[point.paragraph].text[point.range.clone()];
                assert_eq!(point.text.replace(' ', ""), text.replace(['#', '_', ' '], ""));
            }
        }
    }

    #[test]
    fn related_passages_are_the_links_with_their_words_as_the_paragraph_writes_them() {
        let corpus = Corpus::builtin();
        let analysis = Analysis::new(&corpus, &ThemeSource::default_for(&corpus));
        let mut seen = 0;
        for link in &analysis.links {
            let (index, paragraph) = link.from();
            let related = related_to_paragraph(&analysis, &corpus, index, paragraph, 2);
            assert!(related.len() <= 2);
            assert!(related.windows(2).all(|w| w[0].score >= w[1].score));
            let from = &corpus.documents[index].paragraphs[paragraph].text;
            for r in &related {
                assert_eq!(r.from, (index, paragraph));
                assert_eq!(r.text, corpus.documents[r.to.0].paragraphs[r.to.1].text);
                // Each shared word is as this paragraph writes it, or as the collection does.
                seen += r.terms.iter().filter(|t| from.contains(*t)).count();
            }
        }
        assert!(seen > 0);
        for index in 0..corpus.documents.len() {
            let related = related_to_article(&analysis, &corpus, index, 6);
            let mut targets: Vec<_> = related.iter().map(|r| r.to).collect();
            targets.sort();
            targets.dedup();
            assert_eq!(targets.len(), related.len(), "one per passage");
            assert!(related.iter().all(|r| r.from.0 == index && r.to.0 != index));
        }
    }

    #[test]
    fn the_outline_is_the_title_then_the_headings_and_a_paragraph_is_in_the_last_above_it() {
        let text =
            "# العنوان\n\nمقدمة قصيرة.\n\n## القسم الأول\n\nفقرة.\n\n## القسم الثاني\n\nفقرة أخرى.";
        let document = crate::corpus::parse_document("a.md", text, true);
        let entries = outline(&document);
        let levels: Vec<Option<u8>> = entries.iter().map(|e| e.level).collect();
        assert_eq!(levels, [None, Some(2), Some(2)]);
        assert_eq!(section_of(&document, 1), Some(0));
        assert_eq!(section_of(&document, entries[2].paragraph + 1), Some(2));
    }

    #[test]
    fn a_paragraph_s_key_sentence_is_its_best_ranked_without_its_list_number() {
        let corpus = Corpus::builtin();
        let analysis = Analysis::new(&corpus, &ThemeSource::default_for(&corpus));
        let document = &corpus.documents[0];
        // «1. تبادل المعلومات الاستخباراتية والخبرات: …»: a numbered item with a label.
        let item = document.paragraphs.iter().position(|p| p.text.starts_with("1. ")).unwrap();
        let best = key_sentence(&analysis, document, 0, item).expect("a key sentence");
        assert_eq!(best.paragraph, item);
        assert!(!best.text.starts_with("1."), "{}", best.text);
        assert_eq!(best.section, Some("تبادل المعلومات الاستخباراتية والخبرات"));
        let text = &document.paragraphs[item].text;
        assert!(!text[best.range.clone()].contains("والخبرات:"), "the label is the section");
        let heading = document.paragraphs.iter().position(|p| p.role != crate::corpus::Role::Body);
        if let Some(heading) = heading {
            assert!(key_sentence(&analysis, document, 0, heading).is_none());
        }
    }

    #[test]
    fn figures_are_clipped_to_their_sentence_sorted_and_merged() {
        let sentence = 10..30;
        // One runs past the sentence's end, two overlap, one touches them, one is before it.
        let figures = [25..35, 12..15, 14..18, 2..8, 18..20];
        assert_eq!(marks_in_sentence(&sentence, &figures), [2..10, 15..20]);
        assert!(marks_in_sentence(&sentence, &[0..10, 30..40]).is_empty());
        let figures = [20..25, 12..15, 14..18, 25..27, 28..40];
        assert_eq!(marks_in_sentence(&sentence, &figures), [2..8, 10..17, 18..20]);
    }
}
