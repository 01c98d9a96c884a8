//! The service's languages: Fluent messages embedded from `locales/<tag>/*.ftl` (one folder per
//! language, listed by build.rs), looked up by message id in the reader's language with English as
//! the fallback. Pure: the negotiation of a request's language is in `negotiate.rs`.
//!
//! Data never depends on the language: forms, cases and releases hold codes, and only what a person
//! reads (labels, help, problems, pages) goes through here.

mod catalog;
mod format;
mod negotiate;
mod script;
pub mod handlers;

pub use catalog::{english, english_static, Arg, Lang, Message, LANGUAGES};
pub use format::{format_count, format_date, format_decimal, format_month, format_percent};
pub use negotiate::{localized, speak, LANG_COOKIE};
pub use script::{mostly_unreadable, Script};

/// Tags of the translations a clinician who speaks the language has reviewed. Machine translations
/// that nobody has checked stay out of this list, and their pages say so in one line.
pub const REVIEWED: &[&str] = &["en"];

/// Languages written right to left: the pages set `dir="rtl"` for them.
pub const RIGHT_TO_LEFT: &[&str] = &["ar", "he", "fa", "ur"];
