//! Sync in the database: the instance id, cases by partner record key, the change feed's pages,
//! mirrored cases' origins and the pull cursors. Case rows themselves are written by
//! `registry::store` (insert, correct, withdraw), so a synced case is stored exactly like any other.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Integer, Nullable, Text, Timestamp};

use super::schema::{case_origins, instance, sync_cursors};
use crate::db::schema::{case_documents, cases, changes};
use crate::db::bulk::FixedSql;
use crate::db::{DbConn, DbError};
use crate::registry::store::{with_documents, CaseRow};
use crate::registry::Registry;

/// This instance's id (made by the migration).
pub fn instance_id(conn: &mut DbConn) -> Result<String, DbError> {
    Ok(instance::table.select(instance::id).first(conn)?)
}

/// A case a partner already sent, found by its record key hash.
#[derive(Debug, Clone)]
pub struct Keyed {
    pub record_key: String,
    pub id: String,
    pub version: i32,
    pub withdrawn_at: Option<NaiveDateTime>,
    /// The stored de-identified form (`None` once withdrawn).
    pub form: Option<String>,
}

/// The cases of `registry` with any of these record key hashes: the cases by the key index, then the
/// documents of the cases found (most keys of a batch are new). One statement whatever the number of
/// keys, compiled once per connection: on PostgreSQL the keys travel as one array, on SQLite as one
/// JSON array (`json_each`).
///
/// On PostgreSQL each key is looked up on its own in `cases_record_key` ([`KEYED_PG`]: a nested
/// loop over the distinct keys, the unique index probed once per key; the `LIMIT 1` keeps the
/// planner from turning it into a join), whatever the statistics say. `registry = $1 AND record_key
/// IN (...)` left the choice to the planner: without statistics on `cases` (a new database, or
/// autovacuum off) it took the registry's index and read every case of the registry for every part
/// of every batch (a fifth of the backend's CPU over a 20-batch run, growing with the table); earlier
/// a prepared statement's generic plan had read the whole table likewise.
pub fn by_record_keys(conn: &mut DbConn, registry: Registry, keys: &[&str]) -> Result<Vec<Keyed>, DbError> {
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let found: Vec<KeyRow> = match conn {
        DbConn::Pg(pg) => FixedSql(diesel::sql_query(KEYED_PG).bind::<Text, _>(registry.id()).bind::<Array<Text>, _>(keys)).load(pg)?,
        DbConn::Sqlite(lite) => {
            let keys = serde_json::to_string(keys).expect("strings serialise");
            let sql = "SELECT record_key, id, version, withdrawn_at FROM cases WHERE registry = ? AND record_key IN (SELECT value FROM json_each(?))";
            FixedSql(diesel::sql_query(sql).bind::<Text, _>(registry.id()).bind::<Text, _>(keys)).load(lite)?
        }
    };
    if found.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<&str> = found.iter().map(|f| f.id.as_str()).collect();
    let mut forms: HashMap<String, String> = case_documents::table
        .filter(case_documents::case_id.eq_any(&ids))
        .select((case_documents::case_id, case_documents::form))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect();
    Ok(found
        .into_iter()
        .map(|KeyRow { record_key, id, version, withdrawn_at }| Keyed { form: forms.remove(&id), record_key, id, version, withdrawn_at })
        .collect())
}

/// The cases of registry `$1` under the record keys of the array `$2`, each key by the unique index.
const KEYED_PG: &str = "SELECT c.record_key, c.id, c.version, c.withdrawn_at FROM (SELECT DISTINCT unnest($2::text[])) AS k(key) \
    CROSS JOIN LATERAL (SELECT record_key, id, version, withdrawn_at FROM cases \
    WHERE registry = $1 AND record_key = k.key LIMIT 1) AS c";

#[derive(QueryableByName)]
struct KeyRow {
    #[diesel(sql_type = Text)]
    record_key: String,
    #[diesel(sql_type = Text)]
    id: String,
    #[diesel(sql_type = Integer)]
    version: i32,
    #[diesel(sql_type = Nullable<Timestamp>)]
    withdrawn_at: Option<NaiveDateTime>,
}

/// Where a case was first entered: another instance's (instance id, case id), or this one's.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct Origin {
    pub instance: String,
    pub case_id: String,
}

/// One change of the feed with the case as it is now.
pub struct Change {
    pub seq: i64,
    pub txid: i64,
    pub kind: String,
    pub at: NaiveDateTime,
    pub case: CaseRow,
    pub origin: Origin,
}

/// The feed's position: changes are ordered by (transaction id, seq).
pub type Position = (i64, i64);

/// Changes at or above the horizon may still be joined by changes that commit later with a smaller
/// position, so the feed stops below it. PostgreSQL: the oldest transaction still running (every
/// transaction before it has committed or aborted, and every later one gets a larger id).
/// SQLite: one writer commits in seq order, so every committed change is final.
pub fn horizon(conn: &mut DbConn) -> Result<i64, DbError> {
    match conn {
        DbConn::Pg(pg) => Ok(diesel::select(diesel::dsl::sql::<BigInt>(
            "pg_snapshot_xmin(pg_current_snapshot())::text::bigint",
        ))
        .get_result(pg)?),
        DbConn::Sqlite(_) => Ok(i64::MAX),
    }
}

/// Up to `limit` changes of `registry` after `after` and below `horizon`, in feed order, each with its
/// case as it is now and its origin (this instance's cases: `this_instance`).
pub fn page(
    conn: &mut DbConn,
    registry: Registry,
    after: Option<Position>,
    horizon: i64,
    limit: i64,
    this_instance: &str,
) -> Result<Vec<Change>, DbError> {
    let (after_txid, after_seq) = after.unwrap_or((i64::MIN, i64::MIN));
    // Two range reads of the (registry, txid, seq) index: the rest of the cursor's transaction, then
    // the transactions after it. (A row comparison `(txid, seq) > (?, ?)` is read by SQLite as
    // `txid >= ?` plus a filter, which rescans a big transaction from its start on every page.)
    let feed = || {
        changes::table
            .filter(changes::registry.eq(registry.id()))
            .filter(changes::txid.lt(horizon))
            .order((changes::txid.asc(), changes::seq.asc()))
            .select((changes::seq, changes::txid, changes::kind, changes::at, changes::case_id))
    };
    let mut rows: Vec<(i64, i64, String, NaiveDateTime, String)> =
        feed().filter(changes::txid.eq(after_txid)).filter(changes::seq.gt(after_seq)).limit(limit).load(conn)?;
    let left = limit - rows.len() as i64;
    if left > 0 {
        rows.extend(feed().filter(changes::txid.gt(after_txid)).limit(left).load::<(i64, i64, String, NaiveDateTime, String)>(conn)?);
    }
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<&str> = rows.iter().map(|r| r.4.as_str()).collect();
    let cases: HashMap<String, CaseRow> =
        with_documents().filter(cases::id.eq_any(&ids)).load::<CaseRow>(conn)?.into_iter().map(|c| (c.id.clone(), c)).collect();
    let origins: HashMap<String, Origin> = case_origins::table
        .filter(case_origins::case_id.eq_any(&ids))
        .select((case_origins::case_id, case_origins::origin_instance, case_origins::origin_case_id))
        .load::<(String, String, String)>(conn)?
        .into_iter()
        .map(|(id, instance, case_id)| (id, Origin { instance, case_id }))
        .collect();
    let mut out = Vec::with_capacity(rows.len());
    for (seq, txid, kind, at, case_id) in rows {
        // A case changed twice on one page is shown as it is now both times.
        let case = match cases.get(&case_id) {
            Some(c) => c.clone(),
            None => return Err(DbError::Other("a change names a case that does not exist".into())),
        };
        let origin = origins
            .get(&case_id)
            .cloned()
            .unwrap_or_else(|| Origin { instance: this_instance.to_owned(), case_id: case_id.clone() });
        out.push(Change { seq, txid, kind, at, case, origin });
    }
    Ok(out)
}

/// The local copy of a case first entered elsewhere, if it was mirrored here.
pub fn mirrored(conn: &mut DbConn, origin: &Origin) -> Result<Option<CaseRow>, DbError> {
    let id: Option<String> = case_origins::table
        .filter(case_origins::origin_instance.eq(&origin.instance))
        .filter(case_origins::origin_case_id.eq(&origin.case_id))
        .select(case_origins::case_id)
        .first(conn)
        .optional()?;
    match id {
        Some(id) => crate::registry::store::get(conn, &id),
        None => Ok(None),
    }
}

pub fn add_origin(conn: &mut DbConn, case_id: &str, origin: &Origin) -> Result<(), DbError> {
    diesel::insert_into(case_origins::table)
        .values((
            case_origins::case_id.eq(case_id),
            case_origins::origin_instance.eq(&origin.instance),
            case_origins::origin_case_id.eq(&origin.case_id),
        ))
        .execute(conn)?;
    Ok(())
}

/// The cursor the last pull of `source` stopped at.
pub fn cursor(conn: &mut DbConn, source: &str, registry: Registry) -> Result<Option<String>, DbError> {
    Ok(sync_cursors::table
        .filter(sync_cursors::source.eq(source))
        .filter(sync_cursors::registry.eq(registry.id()))
        .select(sync_cursors::cursor)
        .first(conn)
        .optional()?)
}

/// Moves the cursor from `from` to `to`, in the transaction that applied the page. `Conflict` if it
/// is no longer at `from`: another pull of the same source moved it meanwhile.
pub fn advance_cursor(conn: &mut DbConn, source: &str, registry: Registry, from: Option<&str>, to: &str) -> Result<(), DbError> {
    let now = crate::db::now();
    let moved = match from {
        None => diesel::insert_into(sync_cursors::table)
            .values((
                sync_cursors::source.eq(source),
                sync_cursors::registry.eq(registry.id()),
                sync_cursors::cursor.eq(to),
                sync_cursors::updated_at.eq(now),
            ))
            .execute(conn)?,
        Some(from) => diesel::update(
            sync_cursors::table
                .filter(sync_cursors::source.eq(source))
                .filter(sync_cursors::registry.eq(registry.id()))
                .filter(sync_cursors::cursor.eq(from)),
        )
        .set((sync_cursors::cursor.eq(to), sync_cursors::updated_at.eq(now)))
        .execute(conn)?,
    };
    if moved == 1 {
        Ok(())
    } else {
        Err(DbError::Conflict)
    }
}
