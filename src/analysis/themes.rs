//! Curated themes: definitions read from a theme file and matched against a collection, each
//! giving a [`Theme`] with the passages that carry it.
//!
//! A theme is defined by terms — words or phrases — matched after normalising and stemming,
//! so «منصات التواصل الاجتماعي» finds «بمنصات التواصل الاجتماعي» and «ومنصة التواصل». Curated
//! themes come from a TOML file (`assets/themes.toml` for the built-in articles, `--themes`
//! for others); a collection without one gets themes discovered from its own text
//! ([`super::discover`]).

use rustc_hash::FxHashMap as HashMap;

use serde::Deserialize;

use super::prepare::{Prepared, TermId};
use super::theme::{Passage, Theme, normalise_strengths};
use crate::text::tokens;

/// A theme as a theme file writes it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeEntry {
    id: String,
    label: String,
    label_en: Option<String>,
    terms: Vec<String>,
}

/// A theme file: `[[theme]]` tables.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    theme: Vec<ThemeEntry>,
}

/// A theme definition: what a file says, before it is matched against a collection.
#[derive(Clone, Debug, PartialEq)]
pub struct ThemeDefinition {
    /// Identifier.
    pub id: String,
    /// Label.
    pub label: String,
    /// English label.
    pub label_en: Option<String>,
    /// Terms as written.
    pub terms: Vec<String>,
}

/// Read theme definitions from TOML. `source` names the file in error messages, which give
/// the line of the problem.
pub fn parse_theme_file(source: &str, text: &str) -> Result<Vec<ThemeDefinition>, String> {
    let file: ThemeFile = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|span| line_of(text, span.start)).unwrap_or(1);
        let message = e.message().trim_end_matches('.').to_string();
        format!("{source}, line {line}: {message}")
    })?;
    let mut definitions = Vec::new();
    for entry in file.theme {
        let line = text.find(&format!("\"{}\"", entry.id)).map_or(1, |i| line_of(text, i));
        if entry.terms.iter().all(|t| t.trim().is_empty()) {
            return Err(format!("{source}, line {line}: theme '{}' has no terms", entry.id));
        }
        if definitions.iter().any(|d: &ThemeDefinition| d.id == entry.id) {
            return Err(format!("{source}, line {line}: theme id '{}' is used twice", entry.id));
        }
        definitions.push(ThemeDefinition {
            id: entry.id,
            label: entry.label,
            label_en: entry.label_en,
            terms: entry.terms,
        });
    }
    Ok(definitions)
}

/// The line number (from 1) of byte `offset` in `text`.
fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

/// The built-in articles' curated themes (`assets/themes.toml`).
pub fn builtin_definitions() -> Vec<ThemeDefinition> {
    parse_theme_file("assets/themes.toml", include_str!("../../assets/themes.toml"))
        .unwrap_or_else(|e| panic!("the built-in theme file is valid: {e}"))
}

/// A term as a sequence of stems of its content words.
fn term_stems(prepared: &Prepared, term: &str) -> Option<Vec<TermId>> {
    let stems: Vec<Option<TermId>> = tokens(term)
        .into_iter()
        .filter(|t| !t.stop)
        .map(|t| prepared.vocabulary.id(&t.stem))
        .collect();
    if stems.is_empty() {
        return None;
    }
    stems.into_iter().collect()
}

/// Match theme definitions against the collection: every paragraph of running text where a
/// term occurs is a passage; its strength grows with the number of distinct terms and their
/// occurrences, relative to the paragraph's length.
pub fn match_themes(prepared: &Prepared, definitions: &[ThemeDefinition]) -> Vec<Theme> {
    definitions
        .iter()
        .map(|definition| {
            let terms: Vec<Vec<TermId>> =
                definition.terms.iter().filter_map(|t| term_stems(prepared, t)).collect();
            let mut passages = Vec::new();
            for (d, paragraphs) in prepared.documents.iter().enumerate() {
                for (p, paragraph) in paragraphs.iter().enumerate() {
                    if !paragraph.body {
                        continue;
                    }
                    let content: Vec<TermId> = paragraph.content_terms().collect();
                    let hits = term_hits(&content, &terms);
                    if hits.is_empty() {
                        continue;
                    }
                    let occurrences: usize = hits.values().sum();
                    let raw = (hits.len() as f64 + 0.5 * (occurrences - hits.len()) as f64)
                        / (content.len().max(1) as f64).sqrt();
                    passages.push(Passage { document: d, paragraph: p, strength: raw });
                }
            }
            normalise_strengths(&mut passages);
            Theme {
                id: definition.id.clone(),
                label: definition.label.clone(),
                label_en: definition.label_en.clone(),
                terms: definition.terms.clone(),
                passages,
            }
        })
        .collect()
}

/// How many times each term (by index) occurs in a sequence of content terms.
fn term_hits(content: &[TermId], terms: &[Vec<TermId>]) -> HashMap<usize, usize> {
    let mut hits = HashMap::default();
    for (t, term) in terms.iter().enumerate() {
        let n = content.windows(term.len()).filter(|w| w == &term.as_slice()).count();
        if n > 0 {
            hits.insert(t, n);
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_in_a_theme_file_name_the_line() {
        let bad = "[[theme]]\nid = \"a\"\nlabel = \"x\"\nterms = [\"y\"\n";
        let err = parse_theme_file("mine.toml", bad).unwrap_err();
        assert!(err.starts_with("mine.toml, line "), "{err}");
        let unknown = "[[theme]]\nid = \"a\"\nlabel = \"x\"\nterms = [\"y\"]\ncolour = 3\n";
        let err = parse_theme_file("mine.toml", unknown).unwrap_err();
        assert!(err.contains("line 5"), "{err}");
        let empty = "[[theme]]\nid = \"a\"\nlabel = \"x\"\nterms = []\n";
        assert!(parse_theme_file("mine.toml", empty).unwrap_err().contains("no terms"));
    }

    #[test]
    fn the_builtin_file_parses() {
        let themes = builtin_definitions();
        assert!(themes.len() >= 5);
        assert!(themes.iter().all(|t| t.label_en.is_some()));
    }
}
