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
