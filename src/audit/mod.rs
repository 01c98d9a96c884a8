//! The audit log: one append-only row per write (who, what, which object, when), written in the
//! same transaction as the write itself. Never clinical content.

pub mod handlers;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::audit_log;
use crate::db::{DbConn, DbError};

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
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::at.eq(crate::db::now()),
            audit_log::actor.eq(e.actor),
            audit_log::action.eq(e.action),
            audit_log::object_type.eq(e.object_type),
            audit_log::object_id.eq(e.object_id),
            audit_log::request_id.eq(e.request_id.filter(|r| !r.is_empty())),
        ))
        .execute(conn)?;
    Ok(())
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
