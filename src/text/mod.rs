//! Language-level helpers shared by the later stages: text direction and sentences.

mod direction;
pub mod sentences;

pub use direction::{Direction, dominant_direction, first_strong_direction};
pub use sentences::split_sentences;
