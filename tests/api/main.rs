//! Integration tests: the real HTTP app over a real database, each body on SQLite and PostgreSQL.

mod helpers;

mod auth;
mod cases;
mod cli;
mod fhir;
mod http_basics;
mod instances;
mod languages;
mod operations;
mod pages;
mod phi;
mod summaries;
mod sync;
mod sync_cli;
