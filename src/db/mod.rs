//! The database: one diesel code path over SQLite and PostgreSQL.
//!
//! - `conn.rs`: the connection enum, the pool and the `Db` handle handlers use.
//! - `schema.rs`: the tables, written once for both backends.
//! - `migrate.rs`: embedded migrations, one directory per backend.
//! - `error.rs`: `DbError`, the database boundary's error.
//! - `backup.rs`: a consistent online copy of the embedded SQLite database.

pub mod backup;
pub mod bulk;
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

/// A time as it is written, with its SQLite text made once: the rows of a batch share one time, and
/// SQLite stores a timestamp as text, which diesel would format again for every row and column.
/// PostgreSQL binds the time itself.
#[derive(Debug, Clone, diesel::AsExpression)]
#[diesel(sql_type = diesel::sql_types::Timestamp)]
pub struct Stamp {
    at: chrono::NaiveDateTime,
    sqlite_text: String,
}

impl Stamp {
    pub fn new(at: chrono::NaiveDateTime) -> Stamp {
        // the text diesel's own `ToSql<Timestamp, Sqlite>` writes, so stored values compare alike
        Stamp { at, sqlite_text: at.format("%F %T%.f").to_string() }
    }

    pub fn at(&self) -> chrono::NaiveDateTime {
        self.at
    }
}

impl diesel::serialize::ToSql<diesel::sql_types::Timestamp, diesel::sqlite::Sqlite> for Stamp {
    fn to_sql<'b>(&'b self, out: &mut diesel::serialize::Output<'b, '_, diesel::sqlite::Sqlite>) -> diesel::serialize::Result {
        out.set_value(self.sqlite_text.as_str());
        Ok(diesel::serialize::IsNull::No)
    }
}

impl diesel::serialize::ToSql<diesel::sql_types::Timestamp, diesel::pg::Pg> for Stamp {
    fn to_sql<'b>(&'b self, out: &mut diesel::serialize::Output<'b, '_, diesel::pg::Pg>) -> diesel::serialize::Result {
        diesel::serialize::ToSql::<diesel::sql_types::Timestamp, diesel::pg::Pg>::to_sql(&self.at, out)
    }
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

/// Inserts the rows of one table in as few statements as the backend allows: on PostgreSQL binary
/// `COPY` from [`COPY_FROM`] rows up (one stream, nothing to parse per row), below it one `INSERT`
/// of them all (a `COPY` costs a second round trip); on SQLite `INSERT`s of the fixed sizes of
/// [`bulk::CHUNKS`], each compiled once per connection. The rows implement [`bulk::BulkRow`]
/// (`bulk_row!`) and, for `COPY`, `Insertable` with `treat_none_as_default_value = false`: `COPY`
/// writes every column it names.
#[macro_export]
macro_rules! insert_all {
    ($conn:expr, $table:expr, $rows:expr) => {{
        let rows = $rows;
        match $conn {
            _ if rows.is_empty() => Ok::<(), diesel::result::Error>(()),
            $crate::db::DbConn::Pg(c) if rows.len() >= $crate::db::COPY_FROM => {
                diesel::copy_from($table).from_insertable(rows).execute(c).map(|_| ())
            }
            // fewer than COPY_FROM rows: a few distinct statements, each cached
            $crate::db::DbConn::Pg(c) => $crate::db::bulk::insert_exactly(c, rows),
            $crate::db::DbConn::Sqlite(c) => $crate::db::bulk::insert_in_chunks(c, rows),
        }
    }};
}

/// From this many rows up, `insert_all!` copies on PostgreSQL.
pub const COPY_FROM: usize = 8;
const _: () = assert!(COPY_FROM <= 8, "bulk::insert_exactly has statements of 1 to 7 rows");

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
