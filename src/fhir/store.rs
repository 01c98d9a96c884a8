//! Export jobs in the database: the job rows, their members (case ids) and their files' ranges.
//! Case rows are read with `registry::store`'s own query; the feed with `sync::store`.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{export_files, export_jobs, export_members};
use crate::db::schema::{cases, changes};
use crate::db::{DbConn, DbError};
use crate::registry::store::{with_documents, CaseRow};
use crate::registry::Registry;
use crate::sync::store::Position;

/// A runner that has not touched its job for this long is taken for dead; another may take the job over.
pub const STALE_AFTER_SECS: i64 = 60;

#[derive(Debug, Clone, Queryable, Insertable)]
#[diesel(table_name = export_jobs)]
pub struct Job {
    pub id: String,
    pub registry: String,
    pub requester: String,
    pub request: String,
    pub since: Option<NaiveDateTime>,
    pub transaction_time: NaiveDateTime,
    pub cursor_txid: Option<i64>,
    pub cursor_seq: Option<i64>,
    pub status: String,
    pub progress: i64,
    pub heartbeat: NaiveDateTime,
    pub created_at: NaiveDateTime,
}

impl Job {
    pub fn cursor(&self) -> Option<Position> {
        self.cursor_txid.zip(self.cursor_seq)
    }
}

#[derive(Debug, Clone, Queryable, Insertable)]
#[diesel(table_name = export_files)]
pub struct File {
    pub job_id: String,
    pub kind: String,
    pub number: i32,
    pub after_id: String,
    pub last_id: String,
    pub count: i64,
}

pub fn insert_job(conn: &mut DbConn, job: &Job) -> Result<(), DbError> {
    diesel::insert_into(export_jobs::table).values(job).execute(conn)?;
    Ok(())
}

pub fn job(conn: &mut DbConn, id: &str) -> Result<Option<Job>, DbError> {
    Ok(export_jobs::table.find(id).first(conn).optional()?)
}

/// The job of `registry` whose transaction time is exactly `at`: `_since` set to an earlier
/// export's transactionTime reads the feed from that export's position.
pub fn job_at(conn: &mut DbConn, registry: Registry, at: NaiveDateTime) -> Result<Option<Job>, DbError> {
    Ok(export_jobs::table
        .filter(export_jobs::registry.eq(registry.id()))
        .filter(export_jobs::transaction_time.eq(at))
        .filter(export_jobs::cursor_txid.is_not_null())
        .first(conn)
        .optional()?)
}

/// The last change of `registry`'s feed below `horizon`: every change up to it is final.
pub fn feed_end(conn: &mut DbConn, registry: Registry, horizon: i64) -> Result<Option<Position>, DbError> {
    Ok(changes::table
        .filter(changes::registry.eq(registry.id()))
        .filter(changes::txid.lt(horizon))
        .order((changes::txid.desc(), changes::seq.desc()))
        .select((changes::txid, changes::seq))
        .first(conn)
        .optional()?)
}

/// Takes the job for this runner: a queued job, or a running one whose runner went silent.
/// `false` when another runner has it, it is finished, or it was cancelled.
pub fn claim(conn: &mut DbConn, id: &str, now: NaiveDateTime) -> Result<bool, DbError> {
    let stale = now - chrono::Duration::seconds(STALE_AFTER_SECS);
    let taken = diesel::update(
        export_jobs::table
            .filter(export_jobs::id.eq(id))
            .filter(export_jobs::status.eq("queued").or(export_jobs::status.eq("running").and(export_jobs::heartbeat.lt(stale)))),
    )
    .set((export_jobs::status.eq("running"), export_jobs::heartbeat.eq(now), export_jobs::progress.eq(0)))
    .execute(conn)?;
    Ok(taken == 1)
}

/// The runner's sign of life; `false` once the job is gone (cancelled).
pub fn beat(conn: &mut DbConn, id: &str, progress: i64) -> Result<bool, DbError> {
    let n = diesel::update(export_jobs::table.filter(export_jobs::id.eq(id)).filter(export_jobs::status.eq("running")))
        .set((export_jobs::heartbeat.eq(crate::db::now()), export_jobs::progress.eq(progress)))
        .execute(conn)?;
    Ok(n == 1)
}

pub fn set_status(conn: &mut DbConn, id: &str, status: &str) -> Result<bool, DbError> {
    let n = diesel::update(export_jobs::table.filter(export_jobs::id.eq(id))).set(export_jobs::status.eq(status)).execute(conn)?;
    Ok(n == 1)
}

/// Every active case of `registry` becomes an `output` member of the job: one statement, no case
/// passes through the service.
pub fn add_all_active(conn: &mut DbConn, job_id: &str, registry: Registry) -> Result<i64, DbError> {
    use diesel::dsl::sql;
    use diesel::sql_types::Text;
    let select = cases::table
        .filter(cases::registry.eq(registry.id()))
        .filter(cases::withdrawn_at.is_null())
        .select((job_id.into_sql::<Text>(), sql::<Text>("'output'"), cases::id));
    let n = crate::on_backend!(conn, |c| diesel::insert_into(export_members::table)
        .values(select)
        .into_columns((export_members::job_id, export_members::kind, export_members::case_id))
        .execute(c))?;
    Ok(n as i64)
}

/// Adds members (a case read twice from the feed is added once).
pub fn add_members(conn: &mut DbConn, job_id: &str, members: &[(String, &'static str)]) -> Result<(), DbError> {
    let rows: Vec<_> = members
        .iter()
        .map(|(case_id, kind)| (export_members::job_id.eq(job_id), export_members::kind.eq(*kind), export_members::case_id.eq(case_id)))
        .collect();
    for chunk in rows.chunks(300) {
        crate::on_backend!(conn, |c| diesel::insert_into(export_members::table).values(chunk).on_conflict_do_nothing().execute(c))?;
    }
    Ok(())
}

/// The member ids of one kind after `after` and up to `last`, in id order, at most `limit`.
pub fn members_after(conn: &mut DbConn, job_id: &str, kind: &str, after: &str, last: &str, limit: i64) -> Result<Vec<String>, DbError> {
    Ok(export_members::table
        .filter(export_members::job_id.eq(job_id))
        .filter(export_members::kind.eq(kind))
        .filter(export_members::case_id.gt(after))
        .filter(export_members::case_id.le(last))
        .order(export_members::case_id.asc())
        .select(export_members::case_id)
        .limit(limit)
        .load(conn)?)
}

/// The `n`th member id (from 0) of one kind, in id order.
pub fn nth_member(conn: &mut DbConn, job_id: &str, kind: &str, n: i64) -> Result<Option<String>, DbError> {
    Ok(export_members::table
        .filter(export_members::job_id.eq(job_id))
        .filter(export_members::kind.eq(kind))
        .order(export_members::case_id.asc())
        .select(export_members::case_id)
        .offset(n)
        .first(conn)
        .optional()?)
}

pub fn count_members(conn: &mut DbConn, job_id: &str, kind: &str) -> Result<i64, DbError> {
    Ok(export_members::table
        .filter(export_members::job_id.eq(job_id))
        .filter(export_members::kind.eq(kind))
        .count()
        .get_result(conn)?)
}

/// How long a finished export's files stay: then its members and files go, the job row stays
/// (its transactionTime is still a `_since` with an exact position in the feed).
pub const KEPT_FOR_HOURS: i64 = 24;

/// Records the files and marks the job done, if it is still running (a cancelled job stays cancelled).
pub fn finish(conn: &mut DbConn, id: &str, files: &[File]) -> Result<bool, DbError> {
    let n = diesel::update(export_jobs::table.filter(export_jobs::id.eq(id)).filter(export_jobs::status.eq("running")))
        .set(export_jobs::status.eq("done"))
        .execute(conn)?;
    if n == 0 {
        return Ok(false);
    }
    crate::on_backend!(conn, |c| diesel::insert_into(export_files::table).values(files).execute(c))?;
    Ok(true)
}

pub fn files(conn: &mut DbConn, job_id: &str) -> Result<Vec<File>, DbError> {
    Ok(export_files::table
        .filter(export_files::job_id.eq(job_id))
        .order((export_files::kind.desc(), export_files::number.asc()))
        .load(conn)?)
}

pub fn file(conn: &mut DbConn, job_id: &str, kind: &str, number: i32) -> Result<Option<File>, DbError> {
    Ok(export_files::table.find((job_id, kind, number)).first(conn).optional()?)
}

/// Removes a job's members and files (cancelled, expired, or a cancelled runner's leftovers).
pub fn drop_contents(conn: &mut DbConn, id: &str) -> Result<(), DbError> {
    diesel::delete(export_files::table.filter(export_files::job_id.eq(id))).execute(conn)?;
    diesel::delete(export_members::table.filter(export_members::job_id.eq(id))).execute(conn)?;
    Ok(())
}

/// Cancels a job (or drops a finished one's files): `false` if it was already gone.
pub fn cancel(conn: &mut DbConn, id: &str) -> Result<bool, DbError> {
    drop_contents(conn, id)?;
    let n = diesel::update(export_jobs::table.filter(export_jobs::id.eq(id)).filter(export_jobs::status.ne_all(GONE)))
        .set(export_jobs::status.eq("cancelled"))
        .execute(conn)?;
    Ok(n == 1)
}

/// The statuses of a job whose status URL answers 404.
pub const GONE: [&str; 2] = ["cancelled", "expired"];

/// Expires the jobs created before `before`: their members and files go.
pub fn expire(conn: &mut DbConn, before: NaiveDateTime) -> Result<(), DbError> {
    let old: Vec<String> = export_jobs::table
        .filter(export_jobs::created_at.lt(before))
        .filter(export_jobs::status.ne_all(GONE))
        .select(export_jobs::id)
        .load(conn)?;
    for id in &old {
        drop_contents(conn, id)?;
    }
    diesel::update(export_jobs::table.filter(export_jobs::id.eq_any(&old))).set(export_jobs::status.eq("expired")).execute(conn)?;
    Ok(())
}

/// The active cases among `ids`, in id order, as stored now (a case withdrawn since the job ran is
/// no longer among them: its content is gone).
pub fn active_cases(conn: &mut DbConn, ids: &[String]) -> Result<Vec<CaseRow>, DbError> {
    Ok(with_documents()
        .filter(cases::id.eq_any(ids))
        .filter(cases::withdrawn_at.is_null())
        .order(cases::id.asc())
        .load(conn)?)
}
