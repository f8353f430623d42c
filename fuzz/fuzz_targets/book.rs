//! Fuzz target `book`: any bytes as an `.epub` file; opening it must not panic, and gives
//! chapters at `PATH#N` or one sentence naming the file (see `check_book_input` in
//! `tests/fuzz_regressions.rs`, which replays the inputs kept from fuzzing).

#![no_main]

use libfuzzer_sys::fuzz_target;

/// The checks shared with the regression test.
#[allow(dead_code)]
#[path = "../../tests/fuzz_regressions.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::check_book_input(data));
