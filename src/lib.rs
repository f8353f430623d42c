//! basira (بصيرة): read Arabic articles in a terminal.
//!
//! Data flows one way: bytes are decoded into a [`corpus::Document`], each paragraph is laid
//! out for a width by [`layout`] into visual lines (shaped, wrapped, reordered, with a map from
//! cells back to logical offsets), and [`ui`] draws those lines with ratatui.

pub mod analysis;
pub mod atomic_file;
pub mod cache_files;
pub mod cat;
pub mod corpus;
pub mod export;
pub mod files;
pub mod json;
pub mod lang;
pub mod layout;
pub mod one_line;
pub mod output;
pub mod report;
pub mod search;
pub mod state;
pub mod text;
pub mod ui;
