//! The database: one diesel code path over SQLite and PostgreSQL.
//!
//! - `conn.rs`: the connection enum, the pool and the `Db` handle handlers use.
//! - `schema.rs`: the tables, written once for both backends.
//! - `migrate.rs`: embedded migrations, one directory per backend.
//! - `error.rs`: `DbError`, the database boundary's error.
//! - `backup.rs`: a consistent online copy of the embedded SQLite database.

pub mod backup;
mod conn;
mod error;
mod migrate;
pub mod schema;

pub use conn::{Backend, Db, DbConn};
pub use error::DbError;
pub use migrate::run_migrations;

/// Current time as stored: UTC, truncated to microseconds so both backends round-trip it exactly.
pub fn now() -> chrono::NaiveDateTime {
    let now = chrono::Utc::now().naive_utc();
    now.with_nanosecond_micros()
}

trait TruncateMicros {
    fn with_nanosecond_micros(self) -> Self;
}

impl TruncateMicros for chrono::NaiveDateTime {
    fn with_nanosecond_micros(self) -> Self {
        use chrono::Timelike;
        self.with_nanosecond(self.nanosecond() / 1_000 * 1_000).unwrap_or(self)
    }
}

/// Runs one diesel expression on the concrete connection, for the few statements `MultiConnection`
/// cannot express (multi-row inserts, upserts). The expression is written once; it compiles per backend.
#[macro_export]
macro_rules! on_backend {
    ($conn:expr, |$c:ident| $body:expr) => {
        match $conn {
            $crate::db::DbConn::Pg($c) => $body,
            $crate::db::DbConn::Sqlite($c) => $body,
        }
    };
}
