//! Language-level helpers shared by the later stages: text direction and sentences.

mod bidi_class;
mod direction;
pub mod sentences;

pub use bidi_class::{FastBidiData, bidi_class};
pub use direction::{Direction, dominant_direction, first_strong_direction};
pub use sentences::split_sentences;
