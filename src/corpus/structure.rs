//! Plain text and Markdown to a [`Document`]. (Placeholder while the real rules are written.)

use super::{Document, Paragraph, Role};
use crate::text::dominant_direction;

/// Parse one article's text into its structure.
pub fn parse_document(path: &str, text: &str, _markdown: bool) -> Document {
    let paragraphs: Vec<Paragraph> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| Paragraph {
            text: l.to_string(),
            role: Role::Body,
            boilerplate: None,
            sentences: vec![0..l.len()],
            emphasis: Vec::new(),
        })
        .collect();
    let title = paragraphs.first().map(|p| p.text.clone()).unwrap_or_default();
    Document {
        path: path.to_string(),
        title,
        title_is_derived: true,
        direction: dominant_direction(text),
        paragraphs,
    }
}
