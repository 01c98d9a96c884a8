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
