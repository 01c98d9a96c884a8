//! Intake-only reference for `bench/run`'s batch row: the same forms through `registry::intake`
//! (validation, de-identification with the notes scrubbed, derivation) on every core, with no HTTP
//! and no database. A batch can go no faster than this; not part of the service.
//!
//! ```text
//! cargo run --release --example intake_rate -- FORMS.ndjson REGISTRY COUNT
//! ```
//! Prints one JSON object: cases, threads, seconds, ok_per_s.
use std::time::Instant;

use dermreg::registry::{intake, DiagnosisPrecision, IntakeContext, Registry};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, file, registry, count] = &args[..] else {
        eprintln!("usage: intake_rate FORMS.ndjson REGISTRY COUNT");
        std::process::exit(2);
    };
    let registry = Registry::parse(registry).expect("a registry id");
    let count: usize = count.parse().expect("a count");
    let text = std::fs::read_to_string(file).expect("the forms file");
    let forms: Vec<serde_json::Value> =
        text.lines().filter(|l| !l.trim().is_empty()).take(count).map(|l| serde_json::from_str(l).expect("JSON forms")).collect();
    let scrubber = dermreg::deid::text::Scrubber::new();
    let ctx = IntakeContext { scrubber: &scrubber, diagnosis_precision: DiagnosisPrecision::Month, free_text: Default::default() };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let started = Instant::now();
    let ok: usize = std::thread::scope(|s| {
        let parts: Vec<_> = forms
            .chunks(forms.len().div_ceil(threads).max(1))
            .map(|part| s.spawn(|| part.iter().filter(|f| intake(registry, f, &ctx).is_ok()).count()))
            .collect();
        parts.into_iter().map(|h| h.join().unwrap()).sum()
    });
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{{\"cases\":{ok},\"threads\":{threads},\"seconds\":{secs:.3},\"ok_per_s\":{:.1}}}",
        ok as f64 / secs
    );
}
