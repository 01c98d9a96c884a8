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

/// The text of a shared corpus file, or `None` with a plain message on standard error when this clone
/// has no `../shared` beside it (the project's own tests then run on data it carries or generates).
/// In CI (`CI` set) the shared corpus must be there: its absence fails the test instead.
#[doc(hidden)]
pub fn shared_corpus_text(rel: &str) -> Option<String> {
    let path = test_corpus(rel);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) if std::env::var_os("CI").is_some() => panic!("CI needs the shared corpus file {}: {e}", path.display()),
        Err(_) => {
            eprintln!("skipped: the shared corpus file {rel} is not here (../shared/corpus or $DERMREG_CORPUS); CI runs this check");
            None
        }
    }
}
