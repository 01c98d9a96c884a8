//! Rows in bulk through statements a connection compiles once.
//!
//! diesel caches a prepared statement only when its SQL cannot vary, so it compiles every multi-row
//! `INSERT` afresh: its text depends on how many rows it has. On SQLite that compiling was about a
//! sixth of a batch's transaction. Here a table's rows go in statements of a few fixed sizes
//! ([`CHUNKS`]; on PostgreSQL, below `COPY_FROM`, all in one), each of which has its own type
//! ([`InsertRows`] of a row type and a number of rows), so the connection caches it by that type,
//! as diesel does its own fixed statements: compiled once per connection, never even rendered again.

use diesel::backend::Backend;
use diesel::query_builder::{AstPass, QueryFragment, QueryId};
use diesel::{Connection, QueryResult, RunQueryDsl};

/// A row of a multi-row `INSERT`: its table and columns, and how it binds its values.
pub trait BulkRow<DB: Backend>: RowKind {
    /// `INSERT INTO table (column, ...) VALUES `
    const INSERT: &'static str;
    /// Binds the row's values, one per column in the order of [`BulkRow::INSERT`], separated by commas.
    fn push_values<'b>(&'b self, out: &mut AstPass<'_, 'b, DB>) -> QueryResult<()>;
}

/// A type that names a row type in the statement cache (row types borrow, and a cache key cannot).
pub trait RowKind {
    type Id: 'static;
}

/// Implements [`BulkRow`] for a row struct on both backends, from its table and fields (each field
/// named as its column, bound with the column's SQL type).
#[macro_export]
macro_rules! bulk_row {
    ($row:ty => $table:ident { $first:ident $(, $field:ident)* $(,)? }) => {
        const _: () = {
            /// This row type's name in the statement cache: one type per use of the macro.
            pub struct Id;
            impl $crate::db::bulk::RowKind for $row {
                type Id = Id;
            }
        };
        $crate::bulk_row!(@on diesel::sqlite::Sqlite, $row => $table { $first $(, $field)* });
        $crate::bulk_row!(@on diesel::pg::Pg, $row => $table { $first $(, $field)* });
    };
    (@on $db:ty, $row:ty => $table:ident { $first:ident $(, $field:ident)* }) => {
        impl $crate::db::bulk::BulkRow<$db> for $row {
            const INSERT: &'static str =
                concat!("INSERT INTO ", stringify!($table), " (", stringify!($first) $(, ", ", stringify!($field))*, ") VALUES ");
            fn push_values<'b>(&'b self, out: &mut diesel::query_builder::AstPass<'_, 'b, $db>) -> diesel::QueryResult<()> {
                out.push_bind_param::<<$table::$first as diesel::Expression>::SqlType, _>(&self.$first)?;
                $(
                    out.push_sql(", ");
                    out.push_bind_param::<<$table::$field as diesel::Expression>::SqlType, _>(&self.$field)?;
                )*
                Ok(())
            }
        }
    };
}

/// One multi-row `INSERT` of exactly `N` rows. Its SQL depends only on the row type and `N`, so the
/// connection's statement cache keeps it under that pair.
pub struct InsertRows<'r, R, const N: usize>(&'r [R]);

impl<R: RowKind, const N: usize> QueryId for InsertRows<'_, R, N> {
    type QueryId = (R::Id, [(); N]);
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl<DB: Backend, R: BulkRow<DB>, const N: usize> QueryFragment<DB> for InsertRows<'_, R, N> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, DB>) -> QueryResult<()> {
        push_insert(&mut out, self.0)
    }
}

/// Writes `INSERT INTO table (columns) VALUES (row), (row), ...` with every row's values bound.
pub fn push_insert<'b, DB: Backend, R: BulkRow<DB>>(out: &mut AstPass<'_, 'b, DB>, rows: &'b [R]) -> QueryResult<()> {
    out.push_sql(R::INSERT);
    for (i, row) in rows.iter().enumerate() {
        out.push_sql(if i == 0 { "(" } else { ", (" });
        row.push_values(out)?;
        out.push_sql(")");
    }
    Ok(())
}

impl<R, C, const N: usize> RunQueryDsl<C> for InsertRows<'_, R, N> {}

/// Inserts `rows`, 1 to 7 or a size of [`CHUNKS`], in one statement of their number.
pub fn insert_exactly<C, R>(conn: &mut C, rows: &[R]) -> QueryResult<()>
where
    C: Connection,
    R: BulkRow<C::Backend>,
{
    macro_rules! sizes {
        ($($n:literal),*) => {
            match rows.len() {
                $($n => InsertRows::<R, $n>(rows).execute(conn).map(|_| ()),)*
                n => unreachable!("no statement of {n} rows"),
            }
        };
    }
    sizes!(1, 2, 3, 4, 5, 6, 7, 16, 64)
}

/// A query whose SQL never changes though diesel cannot tell (`sql_query`, which it never caches):
/// the connection caches it by its text.
pub struct FixedSql<Q>(pub Q);

impl<Q> QueryId for FixedSql<Q> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<DB: Backend, Q: QueryFragment<DB>> QueryFragment<DB> for FixedSql<Q> {
    fn walk_ast<'b>(&'b self, pass: AstPass<'_, 'b, DB>) -> QueryResult<()> {
        self.0.walk_ast(pass)
    }

    fn is_safe_to_cache_prepared(&self, _: &DB) -> QueryResult<bool> {
        Ok(true)
    }
}

impl<Q: diesel::query_builder::Query> diesel::query_builder::Query for FixedSql<Q> {
    type SqlType = Q::SqlType;
}

impl<Q, C> RunQueryDsl<C> for FixedSql<Q> {}

/// The row counts of the statements rows are cut into, largest first: any number of rows is a sum
/// of them, so a table never needs more than these few statements. 64 rows of the widest table
/// (`cases`, 26 columns) bind 1,664 values, far inside SQLite's 32,766.
pub const CHUNKS: [usize; 4] = [64, 16, 4, 1];

/// The sizes of the statements `rows` rows are written in (see [`CHUNKS`]).
pub fn chunk_sizes(rows: usize) -> impl Iterator<Item = usize> {
    let mut left = rows;
    CHUNKS.into_iter().flat_map(move |n| {
        let times = left / n;
        left %= n;
        std::iter::repeat_n(n, times)
    })
}

/// Inserts `rows` in statements of the sizes of [`CHUNKS`].
pub fn insert_in_chunks<C, R>(conn: &mut C, rows: &[R]) -> QueryResult<()>
where
    C: Connection,
    R: BulkRow<C::Backend>,
{
    let mut rest = rows;
    for n in chunk_sizes(rows.len()) {
        let (chunk, tail) = rest.split_at(n);
        insert_exactly(conn, chunk)?;
        rest = tail;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_number_of_rows_is_cut_into_the_fixed_sizes() {
        for rows in 0..500 {
            let sizes: Vec<usize> = chunk_sizes(rows).collect();
            assert_eq!(sizes.iter().sum::<usize>(), rows);
            assert!(sizes.iter().all(|s| CHUNKS.contains(s)), "{rows}: {sizes:?}");
            assert!(sizes.windows(2).all(|w| w[0] >= w[1]), "largest first");
            // below the largest size, each smaller size is used fewer times than it takes to make the next
            for (i, n) in CHUNKS.iter().enumerate().skip(1) {
                assert!(sizes.iter().filter(|s| *s == n).count() < CHUNKS[i - 1] / n);
            }
        }
        assert_eq!(chunk_sizes(125).collect::<Vec<_>>(), [64, 16, 16, 16, 4, 4, 4, 1]);
    }

    /// Every number of rows goes in whole and in order through the fixed statements (which the
    /// connection keeps between writes), and a time bound once per write reads back as written and
    /// equals the same time bound by diesel (SQLite compares stored times as text).
    #[test]
    fn rows_of_any_number_are_written_whole_in_order() {
        use crate::audit::{self, Entry};
        use diesel::prelude::*;
        let dir = tempfile::tempdir().unwrap();
        let db = crate::db::Db::connect(&format!("sqlite://{}/bulk.db", dir.path().display()), 2).unwrap();
        let mut written = 0;
        for rows in [0, 1, 3, 4, 17, 64, 130, 1, 130] {
            let ids: Vec<String> = (0..rows).map(|i| format!("case-{written}-{i}")).collect();
            let entries: Vec<Entry> = ids.iter().map(|id| Entry::new("bulk-test", "case.create", "case", Some(id), None)).collect();
            db.write_blocking(|c| audit::record_many(c, &entries)).unwrap();
            let stored = db.read_blocking(|c| audit::list(c, written as i64, 1000)).unwrap();
            let stored_ids: Vec<&str> = stored.iter().filter_map(|r| r.object_id.as_deref()).collect();
            assert_eq!(stored_ids, ids.iter().map(String::as_str).collect::<Vec<_>>(), "{rows} rows");
            written += rows;
            if let Some(last) = stored.last() {
                let same_time: i64 = db
                    .read_blocking(|c| {
                        crate::db::schema::audit_log::table
                            .filter(crate::db::schema::audit_log::at.eq(last.at))
                            .count()
                            .get_result(c)
                            .map_err(crate::db::DbError::from)
                    })
                    .unwrap();
                assert_eq!(same_time, rows as i64, "one time per write, equal to diesel's own text of it");
            }
        }
    }
}
