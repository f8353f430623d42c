//! Language-level helpers shared by the later stages: text direction, sentences, and the
//! normalising, tokenising and stemming that matching and ranking use.

mod bidi_class;
pub mod copied;
mod direction;
pub mod lead_in;
mod normalize;
pub mod root;
pub mod sentences;
mod stem;
mod tokens;
pub mod variants;
pub mod written;

pub use bidi_class::{FastBidiData, bidi_class};
pub use direction::{Direction, dominant_direction, first_strong_direction};
pub use normalize::{normalize, normalize_char, normalize_with_offsets};
pub use sentences::split_sentences;
pub use stem::{is_arabic_letter, strip_clitics};
pub use tokens::{Token, is_stop_word, tokens, word_ranges};
pub use variants::stem;
