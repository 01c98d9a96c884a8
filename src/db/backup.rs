//! A consistent copy of the embedded database while the service keeps serving and writing.
//!
//! SQLite's `VACUUM INTO` reads one snapshot (a read transaction, which WAL lets run beside the writer)
//! and writes it as a new, compact database file: every commit before the snapshot is in it, none after,
//! nothing half. A plain file copy of a live WAL database is not consistent. The copy goes to a
//! temporary file beside the target, is checked, synced and only then renamed, so a backup that fails
//! half way leaves no file that looks like a backup. PostgreSQL has its own tools (`pg_dump`).

use std::path::{Path, PathBuf};

use diesel::connection::SimpleConnection;
use diesel::sql_types::Text;
use diesel::{Connection, QueryableByName, RunQueryDsl, SqliteConnection};

use super::{Backend, DbError};

/// Writes a consistent copy of the SQLite database at `url` to `to` and returns its size in bytes.
pub fn backup(url: &str, to: &Path) -> Result<u64, DbError> {
    if Backend::of_url(url) != Some(Backend::Sqlite) {
        return Err(DbError::Other(
            "backup copies the embedded SQLite database; for PostgreSQL use pg_dump (see README, \"Backups and restores\")".into(),
        ));
    }
    if to.exists() {
        return Err(DbError::Other("the backup target already exists; choose a new file".into()));
    }
    let source = url.trim_start_matches("sqlite://");
    if !Path::new(source).is_file() {
        return Err(DbError::Other("there is no database in the data directory yet".into()));
    }
    let partial = partial_path(to);
    let result = copy_checked(source, &partial).and_then(|()| {
        std::fs::rename(&partial, to).map_err(|e| DbError::Other(format!("cannot move the copy into place: {e}")))
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    result?;
    std::fs::metadata(to).map(|m| m.len()).map_err(|e| DbError::Other(format!("cannot read the copy: {e}")))
}

fn partial_path(to: &Path) -> PathBuf {
    let mut name = to.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".partial");
    to.with_file_name(name)
}

#[derive(QueryableByName)]
struct Check {
    #[diesel(sql_type = Text)]
    quick_check: String,
}

fn copy_checked(source: &str, partial: &Path) -> Result<(), DbError> {
    let _ = std::fs::remove_file(partial);
    let mut conn = SqliteConnection::establish(source).map_err(|e| DbError::Unavailable(e.to_string()))?;
    conn.batch_execute("PRAGMA busy_timeout = 10000;")?;
    let target = partial.to_str().ok_or_else(|| DbError::Other("the backup path must be valid UTF-8".into()))?;
    diesel::sql_query("VACUUM INTO ?").bind::<Text, _>(target).execute(&mut conn)?;
    let mut copy = SqliteConnection::establish(target).map_err(|e| DbError::Unavailable(e.to_string()))?;
    let check: Vec<Check> = diesel::sql_query("PRAGMA quick_check").load(&mut copy)?;
    if check.iter().any(|c| c.quick_check != "ok") {
        return Err(DbError::Other("the copy failed SQLite's integrity check".into()));
    }
    drop(copy);
    // Durable before it takes the backup's name.
    std::fs::File::open(partial).and_then(|f| f.sync_all()).map_err(|e| DbError::Other(format!("cannot sync the copy: {e}")))
}
