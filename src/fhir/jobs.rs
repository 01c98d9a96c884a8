//! Export jobs: started by a kick-off, run in the background by whichever instance takes them, read
//! back by any instance. A job decides *which* cases it exports (their ids, `export_members`) and
//! splits them into files; a file's resources are built from the stored cases when it is downloaded,
//! streamed page by page with flat memory, so no copy of clinical content outlives a withdrawal.
//!
//! `_since` reads the change feed (`sync::store::page`, with its order and horizon): when `_since` is
//! the transactionTime of an earlier export of the registry, from exactly that export's position in
//! the feed (nothing that committed late is missed); for any other instant, every change after it.

use actix_web::web::Bytes;
use chrono::NaiveDateTime;

use super::export::{self, ExportRequest, DELETED, OUTPUT};
use super::response;
use super::store::{self, File, Job};
use crate::db::{Db, DbError};
use crate::registry::Registry;
use crate::sync::feed::ChannelBody;
use crate::sync::store as feed;

/// Cases read per query when a job reads the feed or a file is streamed.
const PAGE: i64 = 1000;

/// Records a new job at the current end of the feed. Its transactionTime and feed position are taken
/// in one write: every change at or before the position is final, and the export will contain it.
pub async fn kick_off(db: &Db, registry: Registry, requester: &str, req: &ExportRequest) -> Result<Job, DbError> {
    let (requester, request, since) = (requester.to_owned(), req.request_path(registry), req.since);
    db.write(move |c| {
        let horizon = feed::horizon(c)?;
        let cursor = store::feed_end(c, registry, horizon)?;
        let now = crate::db::now();
        store::expire(c, now - chrono::Duration::hours(store::KEPT_FOR_HOURS))?;
        let job = Job {
            id: uuid::Uuid::now_v7().to_string(),
            registry: registry.id().to_owned(),
            requester,
            request,
            since,
            transaction_time: now,
            cursor_txid: cursor.map(|p| p.0),
            cursor_seq: cursor.map(|p| p.1),
            status: "queued".into(),
            progress: 0,
            heartbeat: now,
            created_at: now,
        };
        store::insert_job(c, &job)?;
        Ok(job)
    })
    .await
}

/// Whether a job's runner should be (re)started: it is queued, or its runner went silent.
pub fn needs_runner(job: &Job) -> bool {
    let stale = crate::db::now() - chrono::Duration::seconds(store::STALE_AFTER_SECS);
    job.status == "queued" || (job.status == "running" && job.heartbeat < stale)
}

/// Runs a job on a blocking thread of this instance, unless another runner has it.
pub fn spawn(db: &Db, id: String) {
    let db = db.clone();
    actix_web::rt::task::spawn_blocking(move || run(&db, &id));
}

/// Runs the job to its end; a failure marks it failed (its status answers an OperationOutcome).
pub fn run(db: &Db, id: &str) {
    if let Err(e) = run_claimed(db, id) {
        tracing::warn!(error = %e, "export job failed");
        let _ = db.write_blocking(|c| store::set_status(c, id, "failed"));
    }
}

fn run_claimed(db: &Db, id: &str) -> Result<(), DbError> {
    if !db.write_blocking(|c| store::claim(c, id, crate::db::now()))? {
        return Ok(());
    }
    let job = db.read_blocking(|c| store::job(c, id))?.ok_or(DbError::NotFound)?;
    let registry = Registry::parse(&job.registry).ok_or_else(|| DbError::Other("an export job names an unknown registry".into()))?;
    let alive = match job.since {
        None => db.write_blocking(|c| {
            let n = store::add_all_active(c, id, registry)?;
            store::beat(c, id, n)
        })?,
        Some(since) => read_feed(db, id, registry, since)?,
    };
    let finished = alive && {
        let files = plan_files(db, id)?;
        db.write_blocking(|c| store::finish(c, id, &files))?
    };
    if !finished {
        // Cancelled meanwhile: take away what this runner added after the cancel.
        db.write_blocking(|c| store::drop_contents(c, id))?;
    }
    Ok(())
}

/// Adds every case the feed changed after `since` (a withdrawn one as `deleted`). `false` if the job
/// was cancelled meanwhile.
fn read_feed(db: &Db, id: &str, registry: Registry, since: NaiveDateTime) -> Result<bool, DbError> {
    let (instance, horizon, earlier) = db.read_blocking(|c| -> Result<_, DbError> {
        Ok((feed::instance_id(c)?, feed::horizon(c)?, store::job_at(c, registry, since)?))
    })?;
    // An earlier export at exactly `since`: from its position. Otherwise every change after the instant.
    let exact = earlier.is_some();
    let mut after = earlier.and_then(|j| j.cursor());
    let mut read = 0;
    loop {
        let page = db.read_blocking(|c| feed::page(c, registry, after, horizon, PAGE, &instance))?;
        let Some(last) = page.last() else { break };
        after = Some((last.txid, last.seq));
        read += page.len() as i64;
        let members: Vec<(String, &'static str)> = page
            .iter()
            .filter(|change| exact || change.at > since)
            .map(|change| (change.case.id.clone(), if change.case.withdrawn_at.is_some() { DELETED } else { OUTPUT }))
            .collect();
        if !db.write_blocking(|c| {
            store::add_members(c, id, &members)?;
            store::beat(c, id, read)
        })? {
            return Ok(false);
        }
        if (page.len() as i64) < PAGE {
            break;
        }
    }
    Ok(true)
}

/// The job's files: its members of each kind in id order, cut every [`export::FILE_MAX`].
fn plan_files(db: &Db, id: &str) -> Result<Vec<File>, DbError> {
    db.read_blocking(|c| {
        let mut files = Vec::new();
        for kind in [OUTPUT, DELETED] {
            let mut after = String::new();
            for (number, last_offset, count) in export::split(store::count_members(c, id, kind)?) {
                let last_id = store::nth_member(c, id, kind, last_offset)?.ok_or(DbError::Conflict)?;
                files.push(File { job_id: id.to_owned(), kind: kind.to_owned(), number, after_id: after, last_id: last_id.clone(), count });
                after = last_id;
            }
        }
        Ok(files)
    })
}

/// The NDJSON lines of one page of a file after `after`: its resources and the last member id read.
fn file_page(c: &mut crate::db::DbConn, registry: Registry, file: &File, after: &str) -> Result<(Bytes, Option<String>), DbError> {
    let ids: Vec<String> = store::members_after(c, &file.job_id, &file.kind, after, &file.last_id, PAGE)?;
    let mut out = Vec::with_capacity(ids.len() * 2048);
    if file.kind == OUTPUT {
        for row in store::active_cases(c, &ids)? {
            if response::write(&mut out, registry, &row) {
                out.push(b'\n');
            }
        }
    } else {
        for id in &ids {
            serde_json::to_writer(&mut out, &export::deleted_bundle(id)).map_err(|e| DbError::Other(e.to_string()))?;
            out.push(b'\n');
        }
    }
    Ok((Bytes::from(out), ids.last().cloned()))
}

/// A file as a stream: the first page is read before answering (a database failure is still an
/// OperationOutcome), the rest by a blocking task through a bounded channel, two pages in memory.
pub async fn stream_file(db: &Db, registry: Registry, file: File) -> Result<ChannelBody, DbError> {
    let (first, file) = db
        .read(move |c| -> Result<_, DbError> {
            let first = file_page(c, registry, &file, &file.after_id)?;
            Ok((first, file))
        })
        .await?;
    let (tx, rx) = tokio::sync::mpsc::channel(2);
    let db = db.clone();
    actix_web::rt::task::spawn_blocking(move || {
        let (mut body, mut last) = first;
        loop {
            if tx.blocking_send(Ok(body)).is_err() {
                break;
            }
            let Some(after) = last.filter(|l| *l != file.last_id) else { break };
            match db.read_blocking(|c| file_page(c, registry, &file, &after)) {
                Ok((b, l)) => (body, last) = (b, l),
                Err(e) => {
                    tracing::warn!(error = %e, "export file stream stopped");
                    let _ = tx.blocking_send(Err(std::io::Error::other("the export file could not be read")));
                    break;
                }
            }
        }
    });
    Ok(ChannelBody(rx))
}
