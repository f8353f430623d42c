//! Fuzz target `layout`: any bytes as a width, layout options and a paragraph; the layout
//! must not panic and must keep its promises (see `check_layout` in
//! `tests/fuzz_regressions.rs`, which replays the inputs kept from fuzzing).

#![no_main]

use libfuzzer_sys::fuzz_target;

/// The checks shared with the regression test.
#[allow(dead_code)]
#[path = "../../tests/fuzz_regressions.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::check_layout_input(data));
