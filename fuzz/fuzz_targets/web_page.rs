//! Fuzz target `web_page`: any bytes as a saved web page; reading it must not panic, and
//! gives an article that keeps a document's promises or one sentence naming the page (see
//! `check_web_page_input` in `tests/fuzz_regressions.rs`, which replays the kept inputs).

#![no_main]

use libfuzzer_sys::fuzz_target;

/// The checks shared with the regression test.
#[allow(dead_code)]
#[path = "../../tests/fuzz_regressions.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::check_web_page_input(data));
