//! The write side of a partner batch alone: a 1,000-case batch's transaction, as `sync::upsert`
//! writes it (parts of 125, or of the fourth argument's size: the cases under their record keys, the
//! plan, the rows in bulk, the audit rows), on a fresh database, without HTTP or intake (the forms are checked once, before). Not part
//! of the service. Its figures hold on a shared machine:
//! - the writer thread's CPU time per batch (`/proc/thread-self/schedstat`, the commit's fsync aside);
//! - on PostgreSQL on this machine, its backend's CPU time per batch (`/proc/<backend pid>/schedstat`);
//! - instruction counts: `valgrind --tool=callgrind --toggle-collect='*write_batch*'` on it.
//!
//! ```text
//! cargo run --release --example batch_write -- sqlite:///tmp/x/bench.db [BATCHES] [SIZE] [PART]
//! ```
//! Prints one JSON object: batches, size, cpu_ms per batch (median and minimum), and backend_cpu_ms
//! likewise (0 where the backend's CPU cannot be read: SQLite, or a server elsewhere).
use std::collections::HashSet;
use std::sync::Arc;

use dermreg::audit;
use dermreg::db::{Db, DbConn, DbError};
use dermreg::registry::seed::{self, Rng};
use dermreg::registry::store::{insert_many, DocumentText, NewCase};
use dermreg::registry::{intake, DiagnosisPrecision, Intake, IntakeContext, Registry};
use dermreg::sync::{batch, store};

/// The parts `sync::upsert` writes a batch in when intake keeps up (the fourth argument: another
/// size; when the writer falls behind, the parts waiting go together).
const PART: usize = 125;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let url = args.get(1).expect("usage: batch_write DATABASE_URL [BATCHES] [SIZE] [PART]");
    let batches: usize = args.get(2).map_or(10, |b| b.parse().expect("a number of batches"));
    let size: usize = args.get(3).map_or(1000, |s| s.parse().expect("a batch size"));
    let part: usize = args.get(4).map_or(PART, |s| s.parse().expect("a part size"));
    let registry = Registry::Psoriasis;
    let db = Db::connect(url, 4).expect("the database");
    let scrubber = dermreg::deid::text::Scrubber::new();
    let ctx = IntakeContext { scrubber: &scrubber, diagnosis_precision: DiagnosisPrecision::Month, free_text: Default::default() };
    let mut rng = Rng::new(20261123);
    let checked: Arc<Vec<(Intake, DocumentText)>> = Arc::new(
        (0..size)
            .map(|_| {
                let form = seed::form(registry, &mut rng);
                let checked = intake(registry, &form, &ctx).expect("seeded forms pass intake");
                let document = DocumentText::of(&checked.form, &checked.derived);
                (checked, document)
            })
            .collect(),
    );
    let runtime = actix_web::rt::System::new();
    let (mut cpu_ms, mut backend_ms): (Vec<f64>, Vec<f64>) = (0..batches)
        .map(|b| {
            let checked = checked.clone();
            let keys: Vec<String> = (0..size).map(|i| format!("{b:04}-{i:05}-partner-record-key-hash")).collect();
            runtime
                .block_on(db.write(move |c| -> Result<(f64, f64), DbError> {
                    let backend = backend_pid(c);
                    let (started, backend_started) = (thread_cpu_ns(), backend.map_or(0, task_cpu_ns));
                    write_batch(c, registry, &keys, &checked, part)?;
                    let backend_ns = backend.map_or(0, task_cpu_ns) - backend_started;
                    Ok(((thread_cpu_ns() - started) as f64 / 1e6, backend_ns as f64 / 1e6))
                }))
                .expect("the batch is written")
        })
        .unzip();
    cpu_ms.sort_by(f64::total_cmp);
    backend_ms.sort_by(f64::total_cmp);
    println!(
        "{{\"batches\":{batches},\"size\":{size},\"cpu_ms_median\":{:.2},\"cpu_ms_min\":{:.2},\"backend_cpu_ms_median\":{:.2},\"backend_cpu_ms_min\":{:.2}}}",
        cpu_ms[cpu_ms.len() / 2],
        cpu_ms[0],
        backend_ms[backend_ms.len() / 2],
        backend_ms[0]
    );
}

/// The process id of this connection's PostgreSQL backend (`None` on SQLite).
fn backend_pid(c: &mut DbConn) -> Option<u32> {
    use diesel::RunQueryDsl;
    match c {
        DbConn::Pg(pg) => diesel::select(diesel::dsl::sql::<diesel::sql_types::Integer>("pg_backend_pid()"))
            .get_result::<i32>(pg)
            .ok()
            .map(|p| p as u32),
        DbConn::Sqlite(_) => None,
    }
}

/// A process's time on a CPU so far, in nanoseconds (0 if it cannot be read: a server elsewhere).
fn task_cpu_ns(pid: u32) -> u64 {
    schedstat_ns(&format!("/proc/{pid}/schedstat"))
}

/// What `sync::upsert::write_part` does for a batch of new keys, part by part.
fn write_batch(c: &mut DbConn, registry: Registry, keys: &[String], checked: &[(Intake, DocumentText)], part: usize) -> Result<(), DbError> {
    let mut seen = HashSet::new();
    for (keys, part) in keys.chunks(part).zip(checked.chunks(part)) {
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        let existing = store::by_record_keys(c, registry, &refs)?;
        let decisions = batch::plan(refs.iter().copied().zip(part.iter().map(|(_, d)| d.form.as_str())), &existing, &mut seen);
        assert!(decisions.iter().all(|d| *d == batch::Decision::Create));
        let ids: Vec<String> = part.iter().map(|_| uuid::Uuid::now_v7().to_string()).collect();
        let new: Vec<NewCase> = ids
            .iter()
            .zip(keys)
            .zip(part)
            .map(|((id, key), (checked, document))| NewCase {
                id,
                registry,
                submitter: "bench-partner",
                record_key: Some(key),
                document,
                derived: &checked.derived,
            })
            .collect();
        insert_many(c, &new)?;
        let entries: Vec<audit::Entry> =
            ids.iter().map(|id| audit::Entry::new("bench-partner", "case.create", "case", Some(id), Some("bench-request"))).collect();
        audit::record_many(c, &entries)?;
    }
    Ok(())
}

/// This thread's time on a CPU so far, in nanoseconds.
fn thread_cpu_ns() -> u64 {
    schedstat_ns("/proc/thread-self/schedstat")
}

fn schedstat_ns(path: &str) -> u64 {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|n| n.parse().ok()))
        .unwrap_or(0)
}
