//! cargo fuzz run scrub -- -max_len=8000
//! Never panics; idempotent; output never contains a digit run the input did not have.
//! 
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

use dermreg::deid::text::Scrubber;

fn scrubber() -> &'static Scrubber {
    static S: OnceLock<Scrubber> = OnceLock::new();
    S.get_or_init(Scrubber::new)
}

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    // first line (if any) is a known value, the rest the note
    let (known, text) = match s.split_once('\n') {
        Some((k, t)) if k.chars().count() <= 40 => (vec![k], t),
        _ => (vec![], s),
    };
    let text: String = text.chars().take(2000).collect();
    let once = scrubber().scrub(&text, &known);
    let twice = scrubber().scrub(&once.text, &known);
    assert_eq!(once.text, twice.text, "not idempotent");
    assert_eq!(twice.total(), 0);
    let mut run = String::new();
    for c in once.text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() {
            run.push(c);
        } else if !run.is_empty() {
            assert!(text.contains(&run), "new digit run {run}");
            run.clear();
        }
    }
});
