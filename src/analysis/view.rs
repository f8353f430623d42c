//! One view of an article's analysis, as references into its text, for everything that shows
//! it (the side panel, the handout, the reports): each slice is cut from the analysis here,
//! once, so that two of them cannot show it differently.

use std::ops::Range;

use super::Analysis;
use super::facts::Fact;
use super::theme::Theme;
use crate::corpus::Document;

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
