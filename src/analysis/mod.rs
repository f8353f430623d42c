//! Understanding the collection: key points, facts and figures, themes and cross-links,
//! computed once per collection from its documents.

pub mod keypoints;
pub mod prepare;

pub use keypoints::{Budget, KeyPoint, key_points};
pub use prepare::Prepared;
