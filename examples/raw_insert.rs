//! Raw-insert reference for `bench/run`: what one case intake writes, inserted directly with diesel,
//! one transaction per case, at a given concurrency, without HTTP, JSON parsing, validation or
//! de-identification. Not part of the service.
//!
//! The rows are copies of real stored cases: `--samples` active cases of `--registry` (with all
//! ~30 columns), their `case_documents` row (the form JSON and the derived JSON) and their
//! `case_facets` rows are read from the database first; each transaction then inserts one of them
//! under a fresh UUIDv7 id and the current time: the `cases` row, its document, its facets (one
//! multi-row insert), a `changes` row and an `audit_log` row, exactly the tables and statement shapes
//! of `POST /v1/registries/{r}/cases`.
//!
//! It goes through the crate's own `dermreg::db::Db` (same pool, same SQLite pragmas: WAL,
//! synchronous=FULL, busy_timeout, foreign keys; same in-process write gate), so the durability and
//! locking are the service's. Works on PostgreSQL URLs too (bench/run uses pgbench there).
//!
//! ```text
//! cargo run --release --example raw_insert -- --url sqlite:///tmp/x/dermreg.db --registry psoriasis \
//!     --concurrency 8 --duration 10 [--samples 500] [--pool 16]
//! ```
//! Prints one JSON object in the same shape as `examples/http_load.rs` (ok = committed cases).
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::NaiveDateTime;
use diesel::prelude::*;
use dermreg::db::schema::{audit_log, case_documents, case_facets, cases, changes};
use dermreg::db::{Db, DbError};

#[derive(Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = cases)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
struct Case {
    id: String,
    registry: String,
    form_version: String,
    submitter: String,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
    version: i32,
    withdrawn_at: Option<NaiveDateTime>,
    withdrawal_reason: Option<String>,
    record_key: Option<String>,
    confirmed: Option<bool>,
    diagnosis_basis: Option<String>,
    diagnosis_period: Option<String>,
    covid_severity: Option<i16>,
    hospitalised: Option<bool>,
    icu: Option<bool>,
    died: Option<bool>,
    age_years: Option<i16>,
    age_top_coded: Option<bool>,
    age_band: Option<String>,
    sex: Option<String>,
    country: Option<String>,
    bmi: Option<f64>,
    treatment_category: Option<String>,
    comorbidity_count: Option<i16>,
    severity_before: Option<String>,
    flare_after: Option<String>,
    case_type: Option<String>,
}

#[derive(Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = case_facets)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
struct Facet {
    case_id: String,
    registry: String,
    created_at: NaiveDateTime,
    name: String,
    value: String,
    detail: Option<String>,
    covid_severity: i16,
    hospitalised: bool,
    died: bool,
}

#[derive(Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = case_documents)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
struct Document {
    case_id: String,
    form: String,
    derived: String,
}

#[derive(Insertable)]
#[diesel(table_name = changes)]
struct Change<'a> {
    case_id: &'a str,
    registry: &'a str,
    kind: &'a str,
    at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = audit_log)]
struct Audit<'a> {
    at: NaiveDateTime,
    actor: &'a str,
    action: &'a str,
    object_type: &'a str,
    object_id: Option<&'a str>,
    request_id: Option<&'a str>,
}

fn main() {
    let mut url = String::new();
    let mut registry = "psoriasis".to_string();
    let (mut concurrency, mut duration, mut samples, mut pool) = (1usize, 5.0f64, 500i64, 16u32);
    let v: Vec<String> = std::env::args().skip(1).collect();
    for p in v.chunks(2) {
        let val = p.get(1).cloned().unwrap_or_else(|| panic!("{} needs a value", p[0]));
        match p[0].as_str() {
            "--url" => url = val,
            "--registry" => registry = val,
            "--concurrency" => concurrency = val.parse().expect("--concurrency"),
            "--duration" => duration = val.parse().expect("--duration"),
            "--samples" => samples = val.parse().expect("--samples"),
            "--pool" => pool = val.parse().expect("--pool"),
            other => panic!("unknown argument {other}"),
        }
    }
    assert!(!url.is_empty(), "--url is required");
    assert!(concurrency >= 1 && concurrency <= 1024 && duration > 0.0 && duration <= 3600.0);

    let db = Db::connect(&url, pool).expect("connect");
    let (sample, facets, documents): (Vec<Case>, Vec<Facet>, Vec<Document>) = db
        .read_blocking(|conn| -> Result<_, DbError> {
            let sample: Vec<Case> = dermreg::on_backend!(conn, |c| cases::table
                .filter(cases::registry.eq(&registry))
                .filter(cases::withdrawn_at.is_null())
                .order(cases::id)
                .limit(samples)
                .select(Case::as_select())
                .load(c))?;
            let ids: Vec<&str> = sample.iter().map(|c| c.id.as_str()).collect();
            let facets: Vec<Facet> = dermreg::on_backend!(conn, |c| case_facets::table
                .filter(case_facets::case_id.eq_any(&ids))
                .select(Facet::as_select())
                .load(c))?;
            let documents: Vec<Document> = dermreg::on_backend!(conn, |c| case_documents::table
                .filter(case_documents::case_id.eq_any(&ids))
                .select(Document::as_select())
                .load(c))?;
            Ok((sample, facets, documents))
        })
        .expect("read sample cases");
    assert!(!sample.is_empty(), "no active {registry} cases to copy: run the HTTP intake first");
    // each sample case with its facets
    let sample: Arc<Vec<(Case, Vec<Facet>, Document)>> = Arc::new(
        sample
            .into_iter()
            .filter_map(|c| {
                let f = facets.iter().filter(|f| f.case_id == c.id).cloned().collect();
                let d = documents.iter().find(|d| d.case_id == c.id).cloned()?;
                Some((c, f, d))
            })
            .collect(),
    );
    let avg_facets = sample.iter().map(|(_, f, _)| f.len()).sum::<usize>() as f64 / sample.len() as f64;

    let next = Arc::new(AtomicU64::new(0));
    let failures = Arc::new(AtomicU64::new(0));
    let start = Instant::now();
    let deadline = start + Duration::from_secs_f64(duration);
    let mut handles = Vec::new();
    for _ in 0..concurrency {
        let (db, sample, next, failures) = (db.clone(), sample.clone(), next.clone(), failures.clone());
        handles.push(std::thread::spawn(move || {
            let mut lat: Vec<u32> = Vec::with_capacity(1 << 16);
            let mut end = Instant::now();
            while Instant::now() < deadline {
                let i = next.fetch_add(1, Ordering::Relaxed) as usize;
                let (template, tfacets, tdocument) = &sample[i % sample.len()];
                let t0 = Instant::now();
                let res = db.write_blocking(|conn| -> Result<(), DbError> {
                    let id = uuid::Uuid::now_v7().to_string();
                    let now = dermreg::db::now();
                    let mut row = template.clone();
                    row.id = id.clone();
                    row.created_at = now;
                    row.updated_at = now;
                    row.submitter = "bench".into();
                    row.record_key = None;
                    dermreg::on_backend!(conn, |c| diesel::insert_into(cases::table).values(&row).execute(c))?;
                    let doc = Document { case_id: id.clone(), ..tdocument.clone() };
                    dermreg::on_backend!(conn, |c| diesel::insert_into(case_documents::table).values(&doc).execute(c))?;
                    let ch = Change { case_id: &id, registry: &row.registry, kind: "created", at: now };
                    dermreg::on_backend!(conn, |c| diesel::insert_into(changes::table).values(&ch).execute(c))?;
                    if !tfacets.is_empty() {
                        let fs: Vec<Facet> = tfacets.iter().map(|f| Facet { case_id: id.clone(), created_at: now, ..f.clone() }).collect();
                        dermreg::on_backend!(conn, |c| diesel::insert_into(case_facets::table).values(&fs).execute(c))?;
                    }
                    let req = uuid::Uuid::now_v7().to_string();
                    let a = Audit {
                        at: now,
                        actor: "bench",
                        action: "case.create",
                        object_type: "case",
                        object_id: Some(&id),
                        request_id: Some(&req),
                    };
                    dermreg::on_backend!(conn, |c| diesel::insert_into(audit_log::table).values(&a).execute(c))?;
                    Ok(())
                });
                end = Instant::now();
                match res {
                    Ok(()) => lat.push(end.duration_since(t0).as_micros().min(u32::MAX as u128) as u32),
                    Err(e) => {
                        if failures.fetch_add(1, Ordering::Relaxed) < 3 {
                            eprintln!("raw_insert: {e}");
                        }
                    }
                }
            }
            (lat, end)
        }));
    }
    let mut lat = Vec::new();
    let mut end = start;
    for h in handles {
        let (l, t) = h.join().expect("insert thread");
        lat.extend(l);
        end = end.max(t);
    }
    let elapsed = end.duration_since(start).as_secs_f64().max(1e-9);
    lat.sort_unstable();
    let pct = |p: f64| -> f64 {
        if lat.is_empty() {
            return 0.0;
        }
        let i = ((p / 100.0) * lat.len() as f64).ceil() as usize;
        (lat[i.clamp(1, lat.len()) - 1] as f64 / 1000.0 * 1000.0).round() / 1000.0
    };
    let out = serde_json::json!({
        "backend": format!("{:?}", db.backend()),
        "concurrency": concurrency,
        "requests": lat.len() as u64 + failures.load(Ordering::Relaxed),
        "ok": lat.len(),
        "failures": failures.load(Ordering::Relaxed),
        "elapsed_s": (elapsed * 1000.0).round() / 1000.0,
        "ok_per_s": (lat.len() as f64 / elapsed * 10.0).round() / 10.0,
        "p50_ms": pct(50.0),
        "p90_ms": pct(90.0),
        "p99_ms": pct(99.0),
        "max_ms": pct(100.0),
        "sample_cases": sample.len(),
        "avg_facets": (avg_facets * 100.0).round() / 100.0,
    });
    println!("{out}");
}
