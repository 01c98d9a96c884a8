//! The audit log: one append-only row per write (who, what, which object, when), written in the
//! same transaction as the write itself. Never clinical content.

pub mod handlers;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::audit_log;
use crate::db::{DbConn, DbError, Stamp};

pub struct Entry<'a> {
    pub actor: &'a str,
    pub action: &'a str,
    pub object_type: &'a str,
    pub object_id: Option<&'a str>,
    pub request_id: Option<&'a str>,
}

impl<'a> Entry<'a> {
    pub fn new(
        actor: &'a str,
        action: &'a str,
        object_type: &'a str,
        object_id: Option<&'a str>,
        request_id: Option<&'a str>,
    ) -> Self {
        Entry { actor, action, object_type, object_id, request_id }
    }
}

pub fn record(conn: &mut DbConn, e: &Entry) -> Result<(), DbError> {
    record_many(conn, std::slice::from_ref(e))
}

/// An entry as its row, at the time of the write it records.
#[derive(Insertable)]
#[diesel(table_name = audit_log, treat_none_as_default_value = false)]
pub struct Row<'a> {
    at: &'a Stamp,
    actor: &'a str,
    action: &'a str,
    object_type: &'a str,
    object_id: Option<&'a str>,
    request_id: Option<&'a str>,
}

impl<'a> Row<'a> {
    pub fn of(e: &Entry<'a>, at: &'a Stamp) -> Row<'a> {
        Row {
            at,
            actor: e.actor,
            action: e.action,
            object_type: e.object_type,
            object_id: e.object_id,
            request_id: e.request_id.filter(|r| !r.is_empty()),
        }
    }
}

crate::bulk_row!(Row<'_> => audit_log { at, actor, action, object_type, object_id, request_id });

/// Several entries in bulk (seeding, partner batches): `COPY` on PostgreSQL, multi-row `INSERT`s on SQLite.
pub fn record_many(conn: &mut DbConn, entries: &[Entry]) -> Result<(), DbError> {
    let at = Stamp::new(crate::db::now());
    let rows: Vec<Row> = entries.iter().map(|e| Row::of(e, &at)).collect();
    Ok(crate::insert_all!(conn, audit_log::table, &rows[..])?)
}

#[derive(Debug, Queryable, Selectable, serde::Serialize, utoipa::ToSchema)]
#[diesel(table_name = audit_log)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct AuditRow {
    pub id: i64,
    #[schema(value_type = String, format = DateTime)]
    #[serde(with = "crate::http::rfc3339")]
    pub at: NaiveDateTime,
    pub actor: String,
    pub action: String,
    pub object_type: String,
    pub object_id: Option<String>,
    pub request_id: Option<String>,
}

/// Rows after `after` (an id), oldest first.
pub fn list(conn: &mut DbConn, after: i64, limit: i64) -> Result<Vec<AuditRow>, DbError> {
    Ok(audit_log::table
        .filter(audit_log::id.gt(after))
        .order(audit_log::id.asc())
        .limit(limit)
        .select(AuditRow::as_select())
        .load(conn)?)
}
