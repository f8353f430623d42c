//! Fuzz target `document`: any bytes as a Markdown flag and a file's text; parsing must not
//! panic and the document must keep its promises (see `check_document` in
//! `tests/fuzz_regressions.rs`, which replays the inputs kept from fuzzing).

#![no_main]

use libfuzzer_sys::fuzz_target;

/// The checks shared with the regression test.
#[allow(dead_code)]
#[path = "../../tests/fuzz_regressions.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::check_document_input(data));
