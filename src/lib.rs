//! dermreg: de-identified COVID-19 case registries for dermatology.
//!
//! A request's path: `http` (route table, middleware, problems) -> a domain module's `handlers.rs`
//! (thin) -> its pure logic (`registry`, `deid`, `summary`) -> its `store.rs` (diesel, through `db`).
//! See ARCHITECTURE.md.

pub mod app;
pub mod audit;
pub mod auth;
pub mod cli;
pub mod config;
pub mod db;
pub mod http;
pub mod deid;
pub mod registry;
pub mod secrets;
pub mod summary;
pub mod sync;
pub mod telemetry;
pub mod web;

pub use app::{app, AppState};
pub use config::Settings;
