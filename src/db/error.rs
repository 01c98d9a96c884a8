use diesel::result::{DatabaseErrorKind, Error as DieselError};

/// What can go wrong talking to the database, as the rest of the service needs to know it.
/// The diesel error text is kept for the log only (it never carries bind values).
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("not found")]
    NotFound,
    /// A uniqueness or serialisation conflict: the caller may retry or report 409.
    #[error("conflict")]
    Conflict,
    /// The pool had no connection in time, or the database is down.
    #[error("database unavailable: {0}")]
    Unavailable(String),
    #[error("database error: {0}")]
    Other(String),
}

impl From<DieselError> for DbError {
    fn from(e: DieselError) -> Self {
        match e {
            DieselError::NotFound => DbError::NotFound,
            DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _)
            | DieselError::DatabaseError(DatabaseErrorKind::SerializationFailure, _) => DbError::Conflict,
            DieselError::DatabaseError(DatabaseErrorKind::ClosedConnection, info) => {
                DbError::Unavailable(info.message().to_owned())
            }
            // SQLite reports a lock it waited too long for as "database is locked".
            DieselError::DatabaseError(_, info) if info.message().contains("locked") => {
                DbError::Unavailable(info.message().to_owned())
            }
            other => DbError::Other(other.to_string()),
        }
    }
}

impl From<diesel::r2d2::PoolError> for DbError {
    fn from(e: diesel::r2d2::PoolError) -> Self {
        DbError::Unavailable(e.to_string())
    }
}
