//! A partner's batch end to end: every item checked like a single submission, then every accepted
//! item planned against the cases stored under its record key and written, all in one transaction.
//!
//! Intake and writing overlap: the batch is checked in parts of [`PART`] items on the intake threads
//! (a thread per core), each item parsed from the body where it is checked, and the transaction writes the parts in order as
//! they are checked (every part already waiting at once, when writing falls behind), so the database
//! works while the next part is scrubbed. All-or-nothing still holds: if intake stops half way (a
//! panic), the transaction rolls back.

use std::collections::{BTreeMap, HashSet};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

use super::batch::{self, Accepted, BatchError, Checked, Decision, Items};
use super::store;
use crate::app::AppState;
use crate::audit;
use crate::auth::Principal;
use crate::db::{DbConn, DbError};
use crate::registry::store::{insert_many, NewCase};
use crate::registry::{FieldError, Registry};

/// Items checked, then written, together: small enough that the database starts early, large
/// enough that each part is a few bulk statements.
const PART: usize = 125;

/// What became of one item of a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Created,
    Updated,
    Unchanged,
    Invalid,
}

/// One item's outcome, in input order: the case it names, or every problem it has.
pub struct Outcome {
    pub status: Status,
    pub id: Option<String>,
    pub errors: Vec<FieldError>,
}

/// Checks and stores a partner's batch (see the module). A concurrent batch with the same keys (a
/// client retrying after a timeout) can win a race for a key: the loser rolls back and plans again
/// against what the winner stored.
pub async fn upsert(state: Arc<AppState>, registry: Registry, partner: Principal, items: Items) -> Result<Vec<Outcome>, BatchError> {
    let checked: Arc<Mutex<Vec<Checked>>> = Arc::default();
    let (parts, checked_parts) = mpsc::channel();
    let total = items.len().div_ceil(PART);
    check_in_parts(&state, Arc::new(items), registry, &partner.subject, parts);
    let queued = Instant::now();
    let first = {
        let (checked, partner) = (checked.clone(), partner.clone());
        state.db
            .write(move |c| write_as_checked(c, registry, &partner, &checked_parts, total, &checked, queued).map(|d| (d, Instant::now())))
            .await
    };
    // the transaction's work ended at `at`; from there to now: the commit and the answer's way back
    let first = first.map(|(written, at)| {
        tracing::debug!(commit_us = at.elapsed().as_micros() as u64, "batch committed");
        written
    });
    let mut attempt = 0;
    let mut written = first;
    while matches!(written, Err(DbError::Conflict)) {
        if attempt == 3 {
            return Err(BatchError::KeptConflicting);
        }
        attempt += 1;
        let (checked, partner) = (checked.clone(), partner.clone());
        written = state
            .db
            .write(move |c| {
                let checked = checked.lock().unwrap_or_else(|p| p.into_inner());
                write_part(c, registry, &partner, &checked, &mut HashSet::new())
            })
            .await;
    }
    let mut decisions = written?.into_iter();
    let checked = std::mem::take(&mut *checked.lock().unwrap_or_else(|p| p.into_inner()));
    Ok(checked
        .into_iter()
        .map(|item| match item {
            Err(errors) => Outcome { status: Status::Invalid, id: None, errors },
            Ok(_) => match decisions.next().expect("one decision per accepted item") {
                (Decision::Create, id) => Outcome { status: Status::Created, id, errors: vec![] },
                (Decision::Correct { .. }, id) => Outcome { status: Status::Updated, id, errors: vec![] },
                (Decision::Unchanged { id }, _) => Outcome { status: Status::Unchanged, id: Some(id), errors: vec![] },
                (Decision::Refuse(e), _) => Outcome { status: Status::Invalid, id: None, errors: vec![e] },
            },
        })
        .collect())
}

/// Queues the parts on the intake threads (`app::IntakePool`, a thread per core, whose regex caches
/// and malloc arenas stay warm from one request to the next; threads of the batch's own started
/// cold each time), each sent with its number as soon as it is checked. Only the parts hold a
/// sender: one that panics, or finds the pool stopped, drops it, and the transaction sees intake
/// end early and rolls back.
fn check_in_parts(state: &Arc<AppState>, items: Arc<Items>, registry: Registry, partner: &str, out: mpsc::Sender<(usize, Vec<Checked>)>) {
    for (i, from) in (0..items.len()).step_by(PART).enumerate() {
        let (shared, items, partner, out) = (state.clone(), items.clone(), partner.to_owned(), out.clone());
        let part = move || {
            let ctx = shared.intake_context();
            let checked = (from..(from + PART).min(items.len()))
                .map(|j| batch::check(items.parse(j), registry, &ctx, &shared.record_key_secret, &partner))
                .collect();
            let _ = out.send((i, checked)); // an error: the transaction gave up
        };
        if state.intake.spawn(part).is_err() {
            return;
        }
    }
}

/// The batch's transaction: takes the checked parts in order as they come and writes each. Every
/// part checked ends up in `checked`, for the answer, and for a retry also when a write failed.
fn write_as_checked(
    c: &mut DbConn,
    registry: Registry,
    partner: &Principal,
    parts: &mpsc::Receiver<(usize, Vec<Checked>)>,
    total: usize,
    checked: &Mutex<Vec<Checked>>,
    queued: Instant,
) -> Result<Vec<(Decision, Option<String>)>, DbError> {
    let began = queued.elapsed();
    let mut checked = checked.lock().unwrap_or_else(|p| p.into_inner());
    let mut in_order = InOrder { parts, early: BTreeMap::new(), next: 0 };
    let mut decisions = Vec::new();
    let mut seen = HashSet::new();
    let (mut waited, mut wrote, mut writes) = (Duration::ZERO, Duration::ZERO, 0);
    while in_order.next < total {
        writes += 1;
        let from = checked.len();
        let started = Instant::now();
        checked.extend(in_order.take_ready()?);
        let ready = Instant::now();
        waited += ready - started;
        let part = write_part(c, registry, partner, &checked[from..], &mut seen);
        wrote += ready.elapsed();
        match part {
            Ok(part) => decisions.extend(part),
            Err(e) => {
                while in_order.next < total {
                    checked.extend(in_order.take()?);
                }
                return Err(e);
            }
        }
    }
    // Where a batch's time goes: reaching the writer (`began`: its queue, a connection), waiting for
    // intake, writing in `writes` goes (the parts ready together are one); the commit follows.
    tracing::debug!(
        parts = total,
        writes,
        began_us = began.as_micros() as u64,
        waited_us = waited.as_micros() as u64,
        wrote_us = wrote.as_micros() as u64,
        "batch written"
    );
    Ok(decisions)
}

/// The checked parts, in their order whatever order the workers finish them in.
struct InOrder<'a> {
    parts: &'a mpsc::Receiver<(usize, Vec<Checked>)>,
    early: BTreeMap<usize, Vec<Checked>>,
    next: usize,
}

impl InOrder<'_> {
    /// The next part, and every part after it that is already checked: when writing falls behind
    /// intake, the parts waiting are written together, in fewer and larger statements.
    fn take_ready(&mut self) -> Result<Vec<Checked>, DbError> {
        let mut ready = self.take()?;
        while let Ok((i, part)) = self.parts.try_recv() {
            self.early.insert(i, part);
        }
        while let Some(part) = self.early.remove(&self.next) {
            self.next += 1;
            ready.extend(part);
        }
        Ok(ready)
    }

    fn take(&mut self) -> Result<Vec<Checked>, DbError> {
        loop {
            if let Some(part) = self.early.remove(&self.next) {
                self.next += 1;
                return Ok(part);
            }
            let (i, part) = self.parts.recv().map_err(|_| DbError::Other("batch intake stopped before its end".into()))?;
            self.early.insert(i, part);
        }
    }
}

/// Plans the accepted items of `part` against the stored cases, then creates (a few bulk statements
/// for all), corrects (one by one) and audits. Returns each accepted item's decision with the id of
/// the case it wrote.
fn write_part(
    c: &mut DbConn,
    registry: Registry,
    p: &Principal,
    part: &[Checked],
    seen: &mut HashSet<String>,
) -> Result<Vec<(Decision, Option<String>)>, DbError> {
    let accepted: Vec<&Accepted> = part.iter().filter_map(|c| c.as_ref().ok()).collect();
    let keys: Vec<&str> = accepted.iter().map(|a| a.key_hash.as_str()).collect();
    let existing = store::by_record_keys(c, registry, &keys)?;
    let decisions = batch::plan(accepted.iter().map(|a| (a.key_hash.as_str(), a.document.form.as_str())), &existing, seen);
    let ids: Vec<Option<String>> = decisions
        .iter()
        .map(|d| match d {
            Decision::Create => Some(uuid::Uuid::now_v7().to_string()),
            Decision::Correct { id, .. } => Some(id.clone()),
            _ => None,
        })
        .collect();
    let mut new = Vec::new();
    let mut entries = Vec::new();
    for ((d, id), a) in decisions.iter().zip(&ids).zip(&accepted) {
        match (d, id) {
            (Decision::Create, Some(id)) => {
                new.push(NewCase {
                    id,
                    registry,
                    submitter: &p.subject,
                    record_key: Some(&a.key_hash),
                    document: &a.document,
                    derived: &a.derived,
                });
                entries.push(audit::Entry::new(&p.subject, "case.create", "case", Some(id), Some(&p.request_id)));
            }
            (Decision::Correct { id, version }, _) => {
                crate::registry::store::correct_document(c, id, registry, *version, &a.document, &a.derived)?.ok_or(DbError::Conflict)?;
                entries.push(audit::Entry::new(&p.subject, "case.correct", "case", Some(id), Some(&p.request_id)));
            }
            _ => {}
        }
    }
    insert_many(c, &new)?;
    audit::record_many(c, &entries)?;
    Ok(decisions.into_iter().zip(ids).collect())
}
