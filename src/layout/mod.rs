//! Layout (placeholder)
