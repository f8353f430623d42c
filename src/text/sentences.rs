//! Sentence boundaries in Arabic and mixed text. (Placeholder.)
