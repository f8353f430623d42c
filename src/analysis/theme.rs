//! A theme as the analysis gives it, however it was found (matched from a theme file by
//! `themes`, or discovered in the text by `discover`): a subject that runs through several
//! articles, with the passages that carry it.

use serde::{Deserialize, Serialize};

/// A theme and its passages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Theme {
    /// A short identifier, stable across runs («platforms», or generated for discovered ones).
    pub id: String,
    /// The label shown to readers, in the articles' language.
    pub label: String,
    /// An English label, where the theme file gives one.
    pub label_en: Option<String>,
    /// The terms that define the theme, as written.
    pub terms: Vec<String>,
    /// The passages, in collection order (article, then paragraph).
    pub passages: Vec<Passage>,
}

/// A paragraph that carries a theme.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Passage {
    /// Index of the article in the collection.
    pub document: usize,
    /// Index of the paragraph in the article.
    pub paragraph: usize,
    /// How strongly it carries the theme, 0 to 1 (the strongest passage of the theme is 1).
    pub strength: f64,
}

impl Theme {
    /// How many articles the theme's passages are in.
    pub fn article_count(&self) -> usize {
        let mut documents: Vec<usize> = self.passages.iter().map(|p| p.document).collect();
        documents.dedup();
        documents.len()
    }
}

/// Scale strengths so that the strongest passage is 1.
pub fn normalise_strengths(passages: &mut [Passage]) {
    let top = passages.iter().map(|p| p.strength).fold(0.0, f64::max);
    if top > 0.0 {
        for p in passages {
            p.strength = (p.strength / top * 1000.0).round() / 1000.0;
        }
    }
}
