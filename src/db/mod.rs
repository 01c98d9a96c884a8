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

/// Inserts the rows of one table in as few statements as the backend allows: one row by a prepared
/// statement the connection keeps (a single submission); on PostgreSQL binary `COPY` from
/// [`COPY_FROM`] rows up (one stream, nothing to parse per row), below it one multi-row `INSERT` (a
/// `COPY` costs a second round trip); on SQLite multi-row `INSERT`s of `$per` rows (it binds at most
/// 32,766 values per statement). The rows' `Insertable` sets `treat_none_as_default_value = false`:
/// `COPY` writes every column it names.
#[macro_export]
macro_rules! insert_all {
    ($conn:expr, $table:expr, $rows:expr, $per:expr) => {{
        let rows = $rows;
        match $conn {
            _ if rows.is_empty() => Ok::<(), diesel::result::Error>(()),
            $crate::db::DbConn::Pg(c) if rows.len() == 1 => diesel::insert_into($table).values(&rows[0]).execute(c).map(|_| ()),
            $crate::db::DbConn::Sqlite(c) if rows.len() == 1 => diesel::insert_into($table).values(&rows[0]).execute(c).map(|_| ()),
            $crate::db::DbConn::Pg(c) if rows.len() >= $crate::db::COPY_FROM => {
                diesel::copy_from($table).from_insertable(rows).execute(c).map(|_| ())
            }
            $crate::db::DbConn::Pg(c) => diesel::insert_into($table).values(rows).execute(c).map(|_| ()),
            $crate::db::DbConn::Sqlite(c) => {
                rows.chunks($per).try_for_each(|chunk| diesel::insert_into($table).values(chunk).execute(c).map(|_| ()))
            }
        }
    }};
}

/// From this many rows up, `insert_all!` copies on PostgreSQL.
pub const COPY_FROM: usize = 8;

/// Stored times are UTC without a zone; they travel (API, release documents, exports) as RFC 3339
/// with `Z` and microseconds.
pub mod rfc3339 {
    use chrono::NaiveDateTime;
    use serde::Serializer;

    pub fn serialize<S: Serializer>(t: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format(t))
    }

    pub fn format(t: &NaiveDateTime) -> String {
        t.and_utc().to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
    }

    pub mod option {
        use chrono::NaiveDateTime;
        use serde::Serializer;

        pub fn serialize<S: Serializer>(t: &Option<NaiveDateTime>, s: S) -> Result<S::Ok, S::Error> {
            match t {
                Some(t) => s.serialize_str(&super::format(t)),
                None => s.serialize_none(),
            }
        }
    }
}
