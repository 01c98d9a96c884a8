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

/// Separates column values inside one grouped key (enum codes never contain it).
const SEP: char = '|';

/// Every table's counts for the cases of `registry` a release made at `cut_off` covers (created by
/// then, not withdrawn). Tables counting by the same rows share one GROUP BY over all their columns,
/// and each table sums out the columns it does not show; facets are counted without a join.
/// The SQL expressions come from the table definitions, never from input.
pub fn release_counts(
    conn: &mut DbConn,
    registry: Registry,
    cut_off: NaiveDateTime,
) -> Result<Vec<(&'static TableSpec, Counts)>, DbError> {
    let specs: Vec<&'static TableSpec> = super::tables::tables_for(registry).collect();
    let mut by_rows: Vec<(Dim, Vec<Dim>)> = Vec::new();
    for spec in &specs {
        let at = match by_rows.iter().position(|(rows, _)| *rows == spec.rows) {
            Some(at) => at,
            None => {
                by_rows.push((spec.rows, vec![]));
                by_rows.len() - 1
            }
        };
        if let Some(col) = spec.cols {
            if !by_rows[at].1.contains(&col) {
                by_rows[at].1.push(col);
            }
        }
    }
    let mut grouped: Vec<(Dim, Vec<Dim>, Vec<Group>)> = Vec::new();
    for (rows, cols) in by_rows {
        let groups = diesel::sql_query(group_sql(rows, &cols))
            .bind::<Text, _>(registry.id())
            .bind::<Timestamp, _>(cut_off)
            .load::<Group>(conn)?;
        grouped.push((rows, cols, groups));
    }
    Ok(specs
        .into_iter()
        .map(|spec| {
            let (_, cols, groups) = grouped.iter().find(|(rows, _, _)| *rows == spec.rows).expect("grouped above");
            let at = spec.cols.and_then(|c| cols.iter().position(|x| *x == c));
            let mut sums: std::collections::BTreeMap<(String, Option<String>), u64> = Default::default();
            for g in groups {
                let col = at.and_then(|i| g.b.as_deref().and_then(|b| b.split(SEP).nth(i)).map(str::to_owned));
                *sums.entry((g.a.clone(), col)).or_default() += g.n as u64;
            }
            (spec, Counts { cells: sums.into_iter().map(|((r, c), n)| (r, c, n)).collect() })
        })
        .collect())
}

/// `SELECT <row text> AS a, <column texts joined> AS b, COUNT(*) AS n ... GROUP BY <raw columns>`:
/// grouping by raw columns lets the covering indexes of the summaries migration serve each scan.
fn group_sql(rows: Dim, cols: &[Dim]) -> String {
    // (text to select, raw column to group by)
    let parts = |d: Dim| -> (&'static str, &'static str) {
        match d {
            Dim::Column { column, sql, .. } => (sql, column),
            Dim::Facet(_) => ("value", "value"),
            Dim::Detail { .. } => ("COALESCE(detail, 'not_reported')", "detail"),
        }
    };
    let from = match rows {
        Dim::Column { .. } => "FROM cases WHERE registry = $1 AND withdrawn_at IS NULL AND created_at <= $2".to_owned(),
        // Facet rows exist only for cases not withdrawn.
        Dim::Facet(name) | Dim::Detail { facet: name, .. } => {
            format!("FROM case_facets WHERE registry = $1 AND name = '{name}' AND created_at <= $2")
        }
    };
    let (row_text, row_group) = parts(rows);
    let mut group: Vec<&str> = vec![row_group];
    let mut texts: Vec<&str> = vec![];
    for c in cols {
        let (text, raw) = parts(*c);
        texts.push(text);
        if !group.contains(&raw) {
            group.push(raw);
        }
    }
    let b = if texts.is_empty() { "CAST(NULL AS TEXT)".to_owned() } else { texts.join(&format!(" || '{SEP}' || ")) };
    format!("SELECT {row_text} AS a, {b} AS b, COUNT(*) AS n {from} GROUP BY {}", group.join(", "))
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
    #[serde(with = "crate::db::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: NaiveDateTime,
    #[serde(with = "crate::db::rfc3339")]
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
