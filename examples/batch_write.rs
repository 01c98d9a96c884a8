//! The write side of a partner batch alone: a 1,000-case batch's transaction, as `sync::upsert`
//! writes it (parts of 125: the cases under their record keys, the plan, the rows in bulk, the audit
//! rows), on a fresh database, without HTTP or intake (the forms are checked once, before). Not part
//! of the service. Its figures hold on a shared machine:
//! - the writer thread's CPU time per batch (`/proc/thread-self/schedstat`, the commit's fsync aside);
//! - instruction counts: `valgrind --tool=callgrind --toggle-collect='*write_batch*'` on it.
//!
//! ```text
//! cargo run --release --example batch_write -- sqlite:///tmp/x/bench.db [BATCHES] [SIZE]
//! ```
//! Prints one JSON object: batches, size, cpu_ms per batch (median and minimum).
use std::collections::HashSet;
use std::sync::Arc;

use dermreg::audit;
use dermreg::db::{Db, DbConn, DbError};
use dermreg::registry::seed::{self, Rng};
use dermreg::registry::store::{insert_many, DocumentText, NewCase};
use dermreg::registry::{intake, DiagnosisPrecision, Intake, IntakeContext, Registry};
use dermreg::sync::{batch, store};

/// The parts `sync::upsert` writes a batch in when intake keeps up.
const PART: usize = 125;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let url = args.get(1).expect("usage: batch_write DATABASE_URL [BATCHES] [SIZE]");
    let batches: usize = args.get(2).map_or(10, |b| b.parse().expect("a number of batches"));
    let size: usize = args.get(3).map_or(1000, |s| s.parse().expect("a batch size"));
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
    let mut cpu_ms: Vec<f64> = (0..batches)
        .map(|b| {
            let checked = checked.clone();
            let keys: Vec<String> = (0..size).map(|i| format!("{b:04}-{i:05}-partner-record-key-hash")).collect();
            runtime
                .block_on(db.write(move |c| -> Result<f64, DbError> {
                    let started = thread_cpu_ns();
                    write_batch(c, registry, &keys, &checked)?;
                    Ok((thread_cpu_ns() - started) as f64 / 1e6)
                }))
                .expect("the batch is written")
        })
        .collect();
    cpu_ms.sort_by(f64::total_cmp);
    println!(
        "{{\"batches\":{batches},\"size\":{size},\"cpu_ms_median\":{:.2},\"cpu_ms_min\":{:.2}}}",
        cpu_ms[cpu_ms.len() / 2],
        cpu_ms[0]
    );
}

/// What `sync::upsert::write_part` does for a batch of new keys, part by part.
fn write_batch(c: &mut DbConn, registry: Registry, keys: &[String], checked: &[(Intake, DocumentText)]) -> Result<(), DbError> {
    let mut seen = HashSet::new();
    for (keys, part) in keys.chunks(PART).zip(checked.chunks(PART)) {
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        let existing = store::by_record_keys(c, registry, &refs)?;
        let decisions = batch::plan(refs.iter().copied().zip(part.iter().map(|(i, _)| &i.form)), &existing, &mut seen);
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
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|n| n.parse().ok()))
        .unwrap_or(0)
}
