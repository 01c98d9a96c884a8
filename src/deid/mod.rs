//! De-identification, pure: nothing here does I/O.
//!
//! - `fields.rs`: structured generalisations (date of birth -> age at diagnosis, top-coding, dates ->
//!   days relative to diagnosis, height and weight -> BMI, record keys -> HMAC).
//! - `text.rs`: the free-text scrubber (`notes`, `other_name`, `*_other`) with typed placeholders.
//!
//! Which fields are identifying is declared once, in the registry definitions; `registry::intake`
//! walks a form with them and calls these functions before anything is stored, logged or returned.

pub mod fields;
pub mod text;

/// A file of the shared test corpus (`phi-canaries.jsonl`, `external/...`): under `$DERMREG_CORPUS`
/// when set, else `../shared/corpus` beside the repository. Used by the tests and benchmarks that
/// prove this module; computes a path, reads nothing.
#[doc(hidden)]
pub fn test_corpus(rel: &str) -> std::path::PathBuf {
    let dir = std::env::var_os("DERMREG_CORPUS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    dir.join(rel)
}

/// The text of a shared corpus file, or `None` when it is absent outside CI: a clone with nothing
/// beside it still passes, and says plainly what it did not check (the project's own tests then run on
/// data it carries or generates). In CI (`CI` set and not `false`/`0`) an absent corpus fails the test.
#[doc(hidden)]
pub fn shared_corpus_text(rel: &str) -> Option<String> {
    let path = test_corpus(rel);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) if std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0") => {
            panic!("{}: {e} (CI requires the shared corpus: ../shared/corpus or $DERMREG_CORPUS)", path.display())
        }
        Err(e) => {
            // written past the test harness's capture, so that the skip shows in a plain `cargo test`
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED: {} is not readable ({e}); this check needs the shared corpus beside the repository (../shared/corpus) or $DERMREG_CORPUS, and runs in CI (CI=true)",
                path.display()
            );
            None
        }
    }
}
