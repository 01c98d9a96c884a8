use std::any::Any;
use std::sync::{mpsc, Arc};
use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::r2d2;
use diesel::{Connection, PgConnection, SqliteConnection};

use super::DbError;

/// One connection to either database. Queries are written once against this enum; the few
/// statements diesel cannot express for both (upserts, multi-row inserts) match on it in their store.
#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Pg(PgConnection),
    Sqlite(SqliteConnection),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// The backend a URL names. Chosen from the scheme, never by trying: SQLite would accept any string as a path.
    pub fn of_url(url: &str) -> Option<Backend> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Backend::Postgres)
        } else if url.starts_with("sqlite://") {
            Some(Backend::Sqlite)
        } else {
            None
        }
    }
}

/// Opens connections of the configured backend for the pool, with SQLite's per-connection settings.
#[derive(Debug)]
struct Manager {
    url: String,
    backend: Backend,
}

impl Manager {
    fn connect(&self) -> Result<DbConn, diesel::ConnectionError> {
        match self.backend {
            Backend::Postgres => PgConnection::establish(&self.url).map(DbConn::Pg),
            Backend::Sqlite => {
                let path = self.url.trim_start_matches("sqlite://");
                let mut conn = SqliteConnection::establish(path)?;
                // WAL lets readers run beside the writer; FULL makes every commit durable before
                // we answer 201 (NORMAL can lose the last commits on power loss). No connection
                // checkpoints when it commits: `checkpoint_in_background` does, off the writer's path.
                conn.batch_execute(
                    "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
                     PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = 0;",
                )
                .map_err(diesel::ConnectionError::CouldntSetupConfiguration)?;
                Ok(DbConn::Sqlite(conn))
            }
        }
    }
}

impl r2d2::ManageConnection for Manager {
    type Connection = DbConn;
    type Error = diesel::r2d2::Error;

    fn connect(&self) -> Result<DbConn, Self::Error> {
        Manager::connect(self).map_err(diesel::r2d2::Error::ConnectionError)
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), Self::Error> {
        conn.batch_execute("SELECT 1").map_err(diesel::r2d2::Error::QueryError)
    }

    fn has_broken(&self, _conn: &mut DbConn) -> bool {
        false
    }
}

type Pool = r2d2::Pool<Manager>;

/// The handle the service uses: runs a whole unit of work in one closure on the blocking pool, so no
/// connection is ever held across an `.await`.
#[derive(Clone)]
pub struct Db {
    pool: Pool,
    backend: Backend,
    /// SQLite has one writer: serialising writes in the process avoids SQLITE_BUSY on deferred
    /// transactions that read before they write. PostgreSQL does not need it.
    write_gate: Arc<std::sync::Mutex<()>>,
    /// SQLite: the queue of the writer thread, which commits what has queued up together (see `write`).
    writer: Option<mpsc::Sender<Pending>>,
    /// SQLite: tells the checkpointer thread that a transaction committed.
    committed: Option<mpsc::Sender<()>>,
}

type Erased = Box<dyn Any + Send>;
type Work = Box<dyn FnOnce(&mut DbConn) -> Result<Erased, Erased> + Send>;

/// One unit of work queued for a group commit, the request's tracing span, and where its outcome goes.
struct Pending {
    work: Work,
    span: tracing::Span,
    reply: tokio::sync::oneshot::Sender<Outcome>,
}

enum Outcome {
    Done(Erased),
    Failed(Erased),
    Db(DbError),
}

impl Db {
    /// Connects (creating the SQLite file and its directory if needed) and runs pending migrations.
    pub fn connect(url: &str, pool_size: u32) -> Result<Db, DbError> {
        let backend = Backend::of_url(url).ok_or_else(|| DbError::Other("unsupported database URL".into()))?;
        if backend == Backend::Sqlite {
            let path = std::path::Path::new(url.trim_start_matches("sqlite://"));
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|e| DbError::Other(format!("cannot create data directory: {e}")))?;
            }
        }
        let manager = Manager { url: url.to_owned(), backend };
        let pool = r2d2::Pool::builder()
            .max_size(pool_size)
            .min_idle(Some(1))
            .connection_timeout(Duration::from_secs(10))
            .error_handler(Box::new(r2d2::LoggingErrorHandler))
            .build(manager)?;
        let write_gate: Arc<std::sync::Mutex<()>> = Arc::default();
        let (writer, committed) = if backend == Backend::Sqlite {
            let (committed, commits) = mpsc::channel();
            let checkpoints = pool.clone();
            // both threads end when the last `Db` handle (and so the last sender) is dropped
            let started = std::thread::Builder::new()
                .name("sqlite-checkpoint".into())
                .spawn(move || checkpoint_in_background(&checkpoints, &commits))
                .and_then(|_| {
                    let (tx, rx) = mpsc::channel();
                    let (pool, gate, committed) = (pool.clone(), write_gate.clone(), committed.clone());
                    std::thread::Builder::new().name("sqlite-writer".into()).spawn(move || write_queued(&pool, &gate, &rx, &committed)).map(|_| tx)
                });
            let writer = started.map_err(|e| DbError::Other(format!("cannot start the writer thread: {e}")))?;
            (Some(writer), Some(committed))
        } else {
            (None, None)
        };
        let db = Db { pool, backend, write_gate, writer, committed };
        let applied = super::run_migrations(&mut *db.pool.get()?)?;
        if applied > 0 {
            tracing::info!(applied, "migrations applied");
        }
        Ok(db)
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Runs `f` on a pooled connection, outside a transaction (reads).
    pub async fn read<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConn) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        let db = self.clone();
        run_blocking(move || db.read_blocking(f)).await
    }

    /// Runs `f` in a transaction (writes): its changes are committed, durably, when `f` returns `Ok`
    /// and rolled back otherwise, before this returns.
    ///
    /// On SQLite, writes go to one writer thread, which commits whatever has queued up while it
    /// was busy together: each in its own savepoint (a failure rolls back only its own changes)
    /// inside one transaction, so one fsync serves many requests. Every caller still gets its answer
    /// only after that commit, and waits for it without holding a thread.
    pub async fn write<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConn) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        let Some(writer) = &self.writer else {
            let db = self.clone();
            return run_blocking(move || db.write_blocking(f)).await;
        };
        let (reply, outcome) = tokio::sync::oneshot::channel();
        let work: Work = Box::new(move |c| f(c).map(|v| Box::new(v) as Erased).map_err(|e| Box::new(e) as Erased));
        writer
            .send(Pending { work, span: tracing::Span::current(), reply })
            .map_err(|_| E::from(DbError::Unavailable("the writer thread has stopped".into())))?;
        unerase(outcome.await.unwrap_or(Outcome::Db(DbError::Unavailable("a queued write lost its answer".into()))))
    }

    /// Runs `f`, whose only write is one statement (after any reads), durably: on PostgreSQL without
    /// `BEGIN` and `COMMIT`, as the statement is its own transaction, committed (synchronous commit)
    /// before it answers, or not at all: two round trips fewer than [`Db::write`]. On SQLite, `write`.
    /// A read before the statement sees what a read in a transaction would (READ COMMITTED: each
    /// statement its own snapshot).
    pub async fn write_statement<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConn) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        match self.backend {
            Backend::Postgres => self.read(f).await,
            Backend::Sqlite => self.write(f).await,
        }
    }

    pub fn read_blocking<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConn) -> Result<T, E>,
        E: From<DbError>,
    {
        let mut conn = self.pool.get().map_err(DbError::from)?;
        f(&mut conn)
    }

    pub fn write_blocking<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConn) -> Result<T, E>,
        E: From<DbError>,
    {
        let _gate = match self.backend {
            Backend::Sqlite => Some(self.write_gate.lock().unwrap_or_else(|poisoned| poisoned.into_inner())),
            Backend::Postgres => None,
        };
        let mut conn = self.pool.get().map_err(DbError::from)?;
        let done = in_transaction(&mut conn, f);
        if let Some(committed) = &self.committed {
            let _ = committed.send(());
        }
        done
    }

    /// Runs `f` in one read-only snapshot: every query sees the same committed data (a release's
    /// tables must add up). PostgreSQL: REPEATABLE READ; SQLite: a read transaction is a snapshot.
    /// Takes no write gate, so writers go on meanwhile.
    pub fn snapshot_blocking<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConn) -> Result<T, E>,
        E: From<DbError>,
    {
        let mut conn = self.pool.get().map_err(DbError::from)?;
        in_transaction(&mut conn, |c| {
            if let DbConn::Pg(pg) = c {
                pg.batch_execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").map_err(DbError::from)?;
            }
            f(c)
        })
    }

    /// Brings the planner's statistics (and PostgreSQL's visibility map, which index-only scans need)
    /// up to date after a bulk load, instead of waiting for autovacuum. Outside a transaction, as
    /// VACUUM requires.
    pub fn refresh_statistics(&self) -> Result<(), DbError> {
        self.read_blocking(|c| {
            let sql = match c {
                DbConn::Pg(_) => "VACUUM (ANALYZE) cases, case_facets",
                DbConn::Sqlite(_) => "ANALYZE",
            };
            c.batch_execute(sql).map_err(DbError::from)
        })
    }

    /// Whether the database answers (readiness).
    pub async fn ping(&self) -> Result<(), DbError> {
        self.read(|c| c.batch_execute("SELECT 1").map_err(DbError::from)).await
    }
}

/// The writer connection's settings. Its page cache (KiB): a 1,000-case batch changes about 1,400
/// pages (5.5 MB); with SQLite's default (2 MB) the transaction spills pages into the WAL before its
/// commit and reads them back. Its temporary files in memory: inside a transaction every multi-row
/// `INSERT` keeps a statement journal (the pages it changes, to undo it alone on a constraint
/// error), which past 64 KiB SQLite writes to a temporary file (a batch: about 1,300 pages). Only the
/// writer's connection, not every reader's.
const WRITER_SETTINGS: &str = "PRAGMA cache_size = -16384; PRAGMA temp_store = MEMORY;";

/// The SQLite writer thread: takes the first queued write, then everything that queued up behind
/// it (up to a bound), and commits them together. It keeps one connection, so the statements that
/// connection has compiled and cached (`db::bulk`) serve every later write.
fn write_queued(pool: &Pool, gate: &std::sync::Mutex<()>, queue: &mpsc::Receiver<Pending>, committed: &mpsc::Sender<()>) {
    const MAX_BATCH: usize = 256;
    let mut conn = None;
    while let Ok(first) = queue.recv() {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match queue.try_recv() {
                Ok(p) => batch.push(p),
                Err(_) => break,
            }
        }
        // `write_blocking` (CLI, publishing) takes the same gate
        let _gate = gate.lock().unwrap_or_else(|p| p.into_inner());
        if conn.is_none() {
            match pool.get().map_err(DbError::from).and_then(|mut c| {
                c.batch_execute(WRITER_SETTINGS).map_err(DbError::from)?;
                Ok(c)
            }) {
                Ok(c) => conn = Some(c),
                Err(e) => {
                    let why = e.to_string();
                    for p in batch {
                        let _ = p.reply.send(Outcome::Db(DbError::Unavailable(why.clone())));
                    }
                    continue;
                }
            }
        }
        if let Some(c) = conn.as_mut() {
            commit_together(c, batch);
        }
        let _ = committed.send(());
    }
}

/// How long the checkpointer gathers commits before it copies them into the database file.
const CHECKPOINT_EVERY: Duration = Duration::from_millis(250);

/// SQLite's checkpoints, off the writer's path: a connection that checkpoints when it commits
/// (SQLite's default, every 1,000 pages of WAL) makes the request whose commit crossed the line
/// wait for the copy of every page into the database file and its fsync. Here a thread copies,
/// at most every [`CHECKPOINT_EVERY`] after a commit, what has been committed (PASSIVE: it never
/// waits for, nor blocks, the writer or a reader), so the WAL stays short and no request waits.
fn checkpoint_in_background(pool: &Pool, commits: &mpsc::Receiver<()>) {
    while commits.recv().is_ok() {
        std::thread::sleep(CHECKPOINT_EVERY);
        while commits.try_recv().is_ok() {}
        let done = pool.get().map_err(DbError::from).and_then(|mut c| c.batch_execute("PRAGMA wal_checkpoint(PASSIVE)").map_err(DbError::from));
        if let Err(e) = done {
            tracing::warn!(error = %e, "checkpoint failed; the next commit tries again");
        }
    }
}

/// Runs every pending work in its own savepoint of one transaction, commits, then answers each.
/// A work alone in its transaction runs without a savepoint: rolling the transaction back undoes
/// the same changes, and SQLite copies every page a savepoint changes into a sub-journal first (a
/// 1,000-case batch: about 2,500 pages, 10 MB written to a temporary file, more than its WAL).
fn commit_together(conn: &mut DbConn, batch: Vec<Pending>) {
    let mut answers = Vec::with_capacity(batch.len());
    let alone = batch.len() == 1;
    let committed = conn.transaction::<(), diesel::result::Error, _>(|c| {
        for Pending { work, span, reply } in batch {
            let _entered = span.enter();
            let mut failed = None;
            let done = if alone {
                run_work(c, work, &mut failed)
            } else {
                c.transaction::<Erased, diesel::result::Error, _>(|c| run_work(c, work, &mut failed))
            };
            answers.push((reply, match (done, failed) {
                (Ok(v), _) => Outcome::Done(v),
                (Err(_), Some(o)) => o,
                (Err(e), None) => Outcome::Db(DbError::from(e)),
            }));
        }
        // a lone work that failed has its own answer; rolling back is all that is left to do
        if alone && !succeeded(&answers) { Err(diesel::result::Error::RollbackTransaction) } else { Ok(()) }
    });
    let why = committed.err().filter(|_| !alone || succeeded(&answers)).map(|e| e.to_string());
    for (reply, outcome) in answers {
        let outcome = match &why {
            None => outcome,
            Some(why) => Outcome::Db(DbError::Unavailable(why.clone())),
        };
        let _ = reply.send(outcome);
    }
}

/// Whether the lone work of a transaction succeeded (its answer is `Done`).
fn succeeded(answers: &[(tokio::sync::oneshot::Sender<Outcome>, Outcome)]) -> bool {
    matches!(answers.first(), Some((_, Outcome::Done(_))))
}

/// Runs one queued work, catching its panic; its own failure goes to `failed` and asks for a rollback.
fn run_work(c: &mut DbConn, work: Work, failed: &mut Option<Outcome>) -> Result<Erased, diesel::result::Error> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(c))) {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => {
            *failed = Some(Outcome::Failed(e));
            Err(diesel::result::Error::RollbackTransaction)
        }
        Err(_) => {
            *failed = Some(Outcome::Db(DbError::Other("a write panicked".into())));
            Err(diesel::result::Error::RollbackTransaction)
        }
    }
}

/// Runs `f` in a transaction of `conn`: committed on `Ok`, rolled back on `Err`, whose error (the
/// caller's own type, which diesel's transaction cannot carry) comes out as it was.
fn in_transaction<T, E, F>(conn: &mut DbConn, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConn) -> Result<T, E>,
    E: From<DbError>,
{
    let mut outcome = None;
    let result = conn.transaction::<T, diesel::result::Error, _>(|c| match f(c) {
        Ok(v) => Ok(v),
        Err(e) => {
            outcome = Some(e);
            Err(diesel::result::Error::RollbackTransaction)
        }
    });
    match (result, outcome) {
        (Ok(v), _) => Ok(v),
        (Err(_), Some(e)) => Err(e),
        (Err(e), None) => Err(E::from(DbError::from(e))),
    }
}

fn unerase<T: 'static, E: From<DbError> + 'static>(o: Outcome) -> Result<T, E> {
    match o {
        Outcome::Done(v) => Ok(*v.downcast::<T>().expect("the answer has the type it was queued with")),
        Outcome::Failed(e) => Err(*e.downcast::<E>().expect("the error has the type it was queued with")),
        Outcome::Db(e) => Err(E::from(e)),
    }
}

/// Runs blocking work on actix's blocking pool, carrying the current tracing span into it.
async fn run_blocking<T, E, F>(f: F) -> Result<T, E>
where
    F: FnOnce() -> Result<T, E> + Send + 'static,
    T: Send + 'static,
    E: From<DbError> + Send + 'static,
{
    let span = tracing::Span::current();
    match actix_web::web::block(move || span.in_scope(f)).await {
        Ok(result) => result,
        Err(_) => Err(E::from(DbError::Unavailable("blocking pool is gone".into()))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::{self, Entry};

    /// How a queued write ends: committed, failed with its own error, or panicked.
    #[derive(Clone, Copy)]
    enum Ends {
        Ok,
        Fails,
        Panics,
    }

    /// SQLite's writer thread: a write that fails or panics leaves none of its rows, whether it ran
    /// alone in its transaction (no savepoint) or grouped with others (its own savepoint), answers
    /// its own error, and the writes beside it commit.
    #[test]
    fn a_failed_or_panicking_write_leaves_nothing_and_the_others_commit() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::connect(&format!("sqlite://{}/writes.db", dir.path().display()), 2).unwrap();
        let write = |id: &'static str, ends: Ends| {
            let db = db.clone();
            async move {
                db.write(move |c| -> Result<(), DbError> {
                    audit::record(c, &Entry::new("writer-test", "case.create", "case", Some(id), None))?;
                    audit::record(c, &Entry::new("writer-test", "case.correct", "case", Some(id), None))?;
                    match ends {
                        Ends::Ok => Ok(()),
                        Ends::Fails => Err(DbError::Conflict),
                        Ends::Panics => panic!("a write that panics"),
                    }
                })
                .await
            }
        };
        actix_web::rt::System::new().block_on(async {
            assert!(matches!(write("failed-alone", Ends::Fails).await, Err(DbError::Conflict)));
            assert!(matches!(write("panicked-alone", Ends::Panics).await, Err(DbError::Other(_))));
            write("kept-alone", Ends::Ok).await.unwrap();
            // queued at once, so usually committed together; the outcome is the same either way
            let (a, b, c, d) = futures_util::future::join4(
                write("kept-1", Ends::Ok),
                write("failed-beside", Ends::Fails),
                write("panicked-beside", Ends::Panics),
                write("kept-2", Ends::Ok),
            )
            .await;
            assert!(a.is_ok() && d.is_ok());
            assert!(matches!(b, Err(DbError::Conflict)));
            assert!(matches!(c, Err(DbError::Other(_))));
        });
        let stored = db.read_blocking(|c| audit::list(c, 0, 100)).unwrap();
        let ids: Vec<&str> = stored.iter().filter_map(|r| r.object_id.as_deref()).collect();
        assert_eq!(ids, ["kept-alone", "kept-alone", "kept-1", "kept-1", "kept-2", "kept-2"]);
    }
}
