use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use super::{DbConn, DbError};
#[cfg(test)]
use super::Backend;

const SQLITE: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES: EmbeddedMigrations = embed_migrations!("migrations/postgres");

const MIGRATION_LOCK: &str = "SELECT pg_advisory_lock(4173952860)";
const MIGRATION_UNLOCK: &str = "SELECT pg_advisory_unlock(4173952860)";

/// Applies every pending migration of the connection's backend; returns how many ran.
pub fn run_migrations(conn: &mut DbConn) -> Result<usize, DbError> {
    let result = match conn {
        DbConn::Sqlite(c) => c.run_pending_migrations(SQLITE).map(|v| v.len()),
        DbConn::Pg(c) => {
            // Instances starting together: one migrates while the others wait on this lock, then find
            // nothing left to do (a session lock, released below or when the connection closes).
            use diesel::connection::SimpleConnection;
            c.batch_execute(MIGRATION_LOCK)?;
            let applied = c.run_pending_migrations(POSTGRES).map(|v| v.len());
            c.batch_execute(MIGRATION_UNLOCK)?;
            applied
        }
    };
    result.map_err(|e| DbError::Other(format!("migration failed: {e}")))
}

/// Migration names per backend, for the test that keeps both directories in step.
#[cfg(test)]
pub fn migration_names(backend: Backend) -> Vec<String> {
    use diesel::migration::MigrationSource;
    let source = match backend {
        Backend::Sqlite => SQLITE,
        Backend::Postgres => POSTGRES,
    };
    let migrations = MigrationSource::<diesel::sqlite::Sqlite>::migrations(&source).unwrap_or_default();
    migrations.iter().map(|m| m.name().to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_backends_have_the_same_migrations() {
        let sqlite = migration_names(Backend::Sqlite);
        assert!(!sqlite.is_empty());
        assert_eq!(sqlite, migration_names(Backend::Postgres));
    }
}
