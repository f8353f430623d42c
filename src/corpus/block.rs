//! A paragraph while the structure of an article is being worked out: what the Markdown
//! reader and the plain-text reader make, and the structure rules then mark up.

use super::lines::is_list_item;
use super::{Boilerplate, Emphasis, Form, Role};

/// A paragraph while the structure is being worked out.
#[derive(Debug)]
pub(super) struct Block {
    /// The text, trimmed, on one line.
    pub text: String,
    /// Its role so far.
    pub role: Role,
    /// The furniture it is, if any.
    pub boilerplate: Option<Boilerplate>,
    /// Emphasised spans (Markdown).
    pub emphasis: Vec<Emphasis>,
    /// Whether it starts with a list marker.
    pub list_item: bool,
    /// Whether it is a code block or a table, kept out of the furniture, heading and repeat
    /// rules.
    pub verbatim: bool,
    /// How it is set on the page (Markdown quotes, nested lists, tables).
    pub form: Form,
    /// Whether it is the title of a furniture section («من نحن»).
    pub section: bool,
}

impl Block {
    /// A body paragraph of `text` (already tidied).
    pub(super) fn body(text: String) -> Block {
        let list_item = is_list_item(&text);
        Block {
            text,
            role: Role::Body,
            boilerplate: None,
            emphasis: Vec::new(),
            list_item,
            verbatim: false,
            form: Form::default(),
            section: false,
        }
    }
}
