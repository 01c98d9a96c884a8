//! Summaries in the database: grouped counts with plain aggregate SQL (never every case in memory),
//! and the immutable releases.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Nullable, Text, Timestamp};

use super::tables::{Counts, Dim, TableSpec};
use crate::db::schema::{cases, releases};
use crate::db::{DbConn, DbError};
use crate::registry::Registry;

#[derive(QueryableByName)]
struct Group {
    #[diesel(sql_type = Text)]
    a: String,
    #[diesel(sql_type = Nullable<Text>)]
    b: Option<String>,
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// Cases of `registry` a release made at `cut_off` covers: created by then and not withdrawn.
const IN_RELEASE: &str = "c.registry = $1 AND c.withdrawn_at IS NULL AND c.created_at <= $2";

/// One GROUP BY per table. The expressions come from the table definitions, never from input.
pub fn table_counts(conn: &mut DbConn, registry: Registry, cut_off: NaiveDateTime, spec: &TableSpec) -> Result<Counts, DbError> {
    // (row expression, column expression or None, FROM and WHERE)
    let from_cases = format!("FROM cases c WHERE {IN_RELEASE}");
    let from_facet = |facet: &str| format!("FROM case_facets f JOIN cases c ON c.id = f.case_id WHERE f.name = '{facet}' AND {IN_RELEASE}");
    let detail = "COALESCE(f.detail, 'not_reported')";
    let (row, from) = match spec.rows {
        Dim::Column { sql, .. } => (sql, from_cases),
        Dim::Facet(name) => ("f.value", from_facet(name)),
        Dim::Detail { facet, .. } => (detail, from_facet(facet)),
    };
    let col = match spec.cols {
        None => None,
        Some(Dim::Column { sql, .. }) => Some(sql),
        Some(Dim::Detail { .. }) => Some(detail),
        Some(Dim::Facet(_)) => unreachable!("table columns are never multi-valued"),
    };
    let sql = match col {
        Some(col) => format!("SELECT {row} AS a, {col} AS b, COUNT(*) AS n {from} GROUP BY {row}, {col}"),
        None => format!("SELECT {row} AS a, CAST(NULL AS TEXT) AS b, COUNT(*) AS n {from} GROUP BY {row}"),
    };
    let groups: Vec<Group> =
        diesel::sql_query(sql).bind::<Text, _>(registry.id()).bind::<Timestamp, _>(cut_off).load(conn)?;
    Ok(Counts { cells: groups.into_iter().map(|g| (g.a, g.b, g.n as u64)).collect() })
}

/// The number of cases a release covers, and the form versions among them.
pub fn covered(conn: &mut DbConn, registry: Registry, cut_off: NaiveDateTime) -> Result<(u64, Vec<String>), DbError> {
    let scope = cases::table
        .filter(cases::registry.eq(registry.id()))
        .filter(cases::withdrawn_at.is_null())
        .filter(cases::created_at.le(cut_off));
    let n: i64 = scope.count().get_result(conn)?;
    let versions: Vec<String> = scope.select(cases::form_version).distinct().order(cases::form_version).load(conn)?;
    Ok((n as u64, versions))
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = releases)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct ReleaseRow {
    pub id: String,
    pub registry: String,
    pub number: i32,
    pub created_at: NaiveDateTime,
    pub cut_off: NaiveDateTime,
    pub n: i64,
    pub k: i32,
    pub etag: String,
    pub document: String,
    pub cells: String,
}

/// The listing columns of a release (no document).
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize, utoipa::ToSchema)]
#[diesel(table_name = releases)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct ReleaseSummary {
    pub id: String,
    pub registry: String,
    pub number: i32,
    #[serde(with = "crate::http::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: NaiveDateTime,
    #[serde(with = "crate::http::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub cut_off: NaiveDateTime,
    pub n: i64,
    pub k: i32,
}

pub fn next_number(conn: &mut DbConn, registry: Registry) -> Result<i32, DbError> {
    let max: Option<i32> =
        releases::table.filter(releases::registry.eq(registry.id())).select(diesel::dsl::max(releases::number)).first(conn)?;
    Ok(max.unwrap_or(0) + 1)
}

pub fn insert(conn: &mut DbConn, row: &ReleaseRow) -> Result<(), DbError> {
    diesel::insert_into(releases::table).values(row).execute(conn)?;
    Ok(())
}

pub fn latest(conn: &mut DbConn, registry: Registry) -> Result<Option<ReleaseRow>, DbError> {
    Ok(releases::table
        .filter(releases::registry.eq(registry.id()))
        .order(releases::number.desc())
        .select(ReleaseRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn latest_id(conn: &mut DbConn, registry: Registry) -> Result<Option<String>, DbError> {
    Ok(releases::table
        .filter(releases::registry.eq(registry.id()))
        .order(releases::number.desc())
        .select(releases::id)
        .first(conn)
        .optional()?)
}

pub fn get(conn: &mut DbConn, registry: Registry, id: &str) -> Result<Option<ReleaseRow>, DbError> {
    Ok(releases::table
        .filter(releases::registry.eq(registry.id()))
        .filter(releases::id.eq(id))
        .select(ReleaseRow::as_select())
        .first(conn)
        .optional()?)
}

/// Releases newest first, after the release number `before`.
pub fn list(conn: &mut DbConn, registry: Registry, before: Option<i32>, limit: i64) -> Result<Vec<ReleaseSummary>, DbError> {
    let mut q = releases::table
        .filter(releases::registry.eq(registry.id()))
        .order(releases::number.desc())
        .limit(limit)
        .select(ReleaseSummary::as_select())
        .into_boxed();
    if let Some(b) = before {
        q = q.filter(releases::number.lt(b));
    }
    Ok(q.load(conn)?)
}
