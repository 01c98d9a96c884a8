//! Mirroring another instance's change feed into this database (`dermreg sync pull`).
//!
//! Each page is applied in one transaction together with the move of the stored cursor, so a pull
//! that stops anywhere (kill, network, full disk) leaves either the whole page and its cursor or
//! neither, and the next run goes on from there. Remote content is never trusted: every form goes
//! through the same intake as a submission before it is stored.
//!
//! No echo: a mirrored case keeps its origin (instance id and case id there). A change whose origin
//! is this instance is skipped, and a change of a case already mirrored updates that copy, so two
//! instances that pull from each other converge.

use serde::Deserialize;
use serde_json::Value;

use super::store::{self, Origin};
use crate::audit;
use crate::db::{Db, DbConn, DbError};
use crate::registry::store::{self as cases, DocumentText, NewCase};
use crate::registry::{intake, Intake, IntakeContext, Registry, WithdrawalReason};

/// A change as the source's feed gives it (the fields a mirror needs).
#[derive(Debug, Deserialize)]
pub struct RemoteChange {
    pub cursor: String,
    pub origin: Origin,
    pub case: RemoteCase,
}

#[derive(Debug, Deserialize)]
pub struct RemoteCase {
    /// `active` or `withdrawn`.
    pub status: String,
    pub form: Option<Value>,
    pub withdrawal: Option<RemoteWithdrawal>,
}

#[derive(Debug, Deserialize)]
pub struct RemoteWithdrawal {
    pub reason: String,
}

/// What a pull did, counted.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub created: u64,
    pub updated: u64,
    pub withdrawn: u64,
    pub unchanged: u64,
    /// Cases that came from this instance in the first place.
    pub echoes: u64,
    /// Forms this instance's intake refused (a different form version, say): not stored.
    pub refused: u64,
}

impl Tally {
    pub fn add(&mut self, o: Tally) {
        self.created += o.created;
        self.updated += o.updated;
        self.withdrawn += o.withdrawn;
        self.unchanged += o.unchanged;
        self.echoes += o.echoes;
        self.refused += o.refused;
    }
}

impl std::fmt::Display for Tally {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} created, {} updated, {} withdrawn, {} unchanged, {} of this instance skipped, {} refused by validation",
            self.created, self.updated, self.withdrawn, self.unchanged, self.echoes, self.refused
        )
    }
}

/// What to do with one change, decided before the transaction (intake is the slow part).
enum Step {
    Echo,
    Withdraw { origin: Origin, reason: &'static str },
    Store { origin: Origin, intake: Box<Intake> },
    Refuse,
}

fn step(change: &RemoteChange, registry: Registry, ctx: &IntakeContext, this_instance: &str) -> Step {
    if change.origin.instance == this_instance {
        return Step::Echo;
    }
    let origin = change.origin.clone();
    match (&change.case.form, change.case.status.as_str()) {
        (_, "withdrawn") | (None, _) => {
            let reason = change.case.withdrawal.as_ref().map(|w| w.reason.clone()).unwrap_or_default();
            let reason = serde_json::from_value::<WithdrawalReason>(Value::String(reason)).map_or("other", WithdrawalReason::as_str);
            Step::Withdraw { origin, reason }
        }
        (Some(form), _) => match intake(registry, form, ctx) {
            Ok(intake) => Step::Store { origin, intake: Box::new(intake) },
            Err(e) => {
                tracing::warn!(errors = %e, "a mirrored form was refused by validation");
                Step::Refuse
            }
        },
    }
}

/// Applies one page of `source`'s feed and moves the stored cursor from `from` to the page's last
/// cursor, in one transaction. `Conflict` if another pull moved the cursor meanwhile (nothing applied).
pub fn apply_page(
    db: &Db,
    ctx: &IntakeContext,
    source: &str,
    registry: Registry,
    from: Option<&str>,
    page: &[RemoteChange],
) -> Result<Tally, DbError> {
    let Some(last) = page.last() else { return Ok(Tally::default()) };
    let this_instance = db.read_blocking(store::instance_id)?;
    let steps: Vec<Step> = page.iter().map(|c| step(c, registry, ctx, &this_instance)).collect();
    let actor = format!("sync:{source}");
    db.write_blocking(|c| {
        let mut tally = Tally::default();
        for s in &steps {
            tally.add(apply(c, registry, &actor, s)?);
        }
        store::advance_cursor(c, source, registry, from, &last.cursor)?;
        Ok(tally)
    })
}

fn apply(c: &mut DbConn, registry: Registry, actor: &str, step: &Step) -> Result<Tally, DbError> {
    let audit = |c: &mut DbConn, action: &str, id: &str| audit::record(c, &audit::Entry::new(actor, action, "case", Some(id), None));
    let done = match step {
        Step::Echo => Tally { echoes: 1, ..Tally::default() },
        Step::Refuse => Tally { refused: 1, ..Tally::default() },
        Step::Withdraw { origin, reason } => match store::mirrored(c, origin)? {
            Some(row) if row.withdrawn_at.is_none() => {
                cases::withdraw(c, &row, registry, reason)?;
                audit(c, "case.withdraw", &row.id)?;
                Tally { withdrawn: 1, ..Tally::default() }
            }
            _ => Tally { unchanged: 1, ..Tally::default() },
        },
        Step::Store { origin, intake } => {
            let document = DocumentText::of(&intake.form, &intake.derived);
            match store::mirrored(c, origin)? {
                None => {
                    let id = uuid::Uuid::now_v7().to_string();
                    let submitter = format!("mirror:{}", origin.instance);
                    let new =
                        NewCase { id: &id, registry, submitter: &submitter, record_key: None, document: &document, derived: &intake.derived };
                    cases::insert(c, &new, &audit::Entry::new(actor, "case.mirror", "case", Some(&id), None))?;
                    store::add_origin(c, &id, origin)?;
                    Tally { created: 1, ..Tally::default() }
                }
                // A withdrawal is final; the same content is nothing to do.
                Some(row) if row.withdrawn_at.is_some() => Tally { unchanged: 1, ..Tally::default() },
                Some(row) if super::batch::same_form(row.form.as_deref(), &document.form) => Tally { unchanged: 1, ..Tally::default() },
                Some(row) => {
                    cases::correct_document(c, &row.id, registry, row.version, &document, &intake.derived)?.ok_or(DbError::Conflict)?;
                    audit(c, "case.correct", &row.id)?;
                    Tally { updated: 1, ..Tally::default() }
                }
            }
        }
    };
    Ok(done)
}
