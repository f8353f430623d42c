//! The collection of articles: loading files and folders, decoding, and the document
//! structure (title, byline, headings, paragraphs, sentences, boilerplate).

mod block;
mod boilerplate;
mod charset;
mod decode;
mod document;
mod epub;
mod lines;
mod load;
mod markdown;
mod nesting;
mod problem;
mod sanitise;
pub mod stored;
pub mod stream;
mod structure;
mod web_page;

pub use document::{Boilerplate, Document, Emphasis, EmphasisKind, Form, Paragraph, Role, Table};
pub use load::{Corpus, FirstArticle};
pub use problem::{FileWarning, LoadError, Part, Sentence, english};
pub use sanitise::{first_unsafe_on_a_line, is_unsafe_on_a_line, sanitise_line, sanitise_output};
pub use structure::{paragraph_texts, parse_document};
pub use web_page::parse_web_page;
