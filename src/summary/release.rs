//! Building a release: one consistent snapshot of grouped counts -> the release's cells and relations
//! -> disclosure control -> the published document. A stored release never changes.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::disclosure::{self, Previous};
use super::store::{self, ReleaseRow};
use super::tables::{self, Model};
use crate::db::{Db, DbError};
use crate::registry::Registry;

/// Why a release cannot be made.
#[derive(Debug, thiserror::Error)]
pub enum ReleaseError {
    #[error(transparent)]
    Db(#[from] DbError),
    /// The data cannot be published safely yet (too few cases, or too few new ones since the last release).
    #[error("the release would not meet the disclosure guarantees")]
    Unsafe,
    /// Another release of the registry was made meanwhile; build again on top of it.
    #[error("another release was made meanwhile")]
    Raced,
}

/// A built, not yet stored, release.
pub struct Built {
    pub registry: Registry,
    pub cut_off: NaiveDateTime,
    pub n: u64,
    pub k: u64,
    pub form_versions: Vec<String>,
    pub model: Model,
    pub hidden: Vec<bool>,
    pub audit: disclosure::Audit,
    pub previous_id: Option<String>,
}

/// Reads the counts at `cut_off` in one snapshot and protects them, against the latest release.
pub fn build(db: &Db, registry: Registry, cut_off: NaiveDateTime, k: u64) -> Result<Built, ReleaseError> {
    let (n, form_versions, counts, previous) = db.snapshot_blocking(|c| -> Result<_, DbError> {
        let (n, versions) = store::covered(c, registry, cut_off)?;
        let counts = store::release_counts(c, registry, cut_off)?;
        Ok((n, versions, counts, store::latest(c, registry)?))
    })?;
    let model = tables::build(n, k, counts);
    let previous_cells: Option<Previous> = previous.as_ref().map(|p| published_cells(&p.cells));
    let settings = disclosure::Settings { k, min_interval_width: 2 };
    let protection = disclosure::protect(&model.cells, &model.relations, settings, previous_cells.as_ref());
    Ok(Built {
        registry,
        cut_off,
        n,
        k,
        form_versions,
        hidden: protection.hidden,
        audit: protection.audit,
        model,
        previous_id: previous.map(|p| p.id),
    })
}

/// The published values of a stored release's cells, by key (`None` where hidden).
fn published_cells(stored: &str) -> Previous {
    let structure: Structure = serde_json::from_str(stored).unwrap_or_default();
    structure.cells.into_iter().map(|c| (c.key, c.value)).collect::<HashMap<_, _>>()
}

/// A release's linear structure, stored beside its document: every cell's published value and how
/// the cells add up, for the next release's differencing check and the zip's `structure/` files.
// Fields in alphabetical order, as the JSON maps that wrote the first releases' structures.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Structure {
    pub cells: Vec<StructureCell>,
    pub relations: Vec<StructureRelation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StructureCell {
    pub key: String,
    /// The table that shows the cell first.
    pub table: String,
    /// `None` where hidden.
    pub value: Option<u64>,
}

/// The cell `total` is the sum of the cells `members` (by key).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StructureRelation {
    pub members: Vec<String>,
    pub total: String,
}

pub const LICENCE: &str = "CC-BY-4.0";

pub const METHOD: &str = "Counts of reported cases by the registry's dimensions, computed at the cut-off. \
Cells from 1 to k-1 are suppressed; further cells are suppressed so that no hidden cell can be \
recovered exactly from the published figures and the additive relations between them (Gaussian \
elimination in exact arithmetic over the whole release), every small hidden cell keeps an interval of \
possible values of width at least 2 (linear programming), and no difference from the previous release \
reveals 1 to k-1 new cases. Rates are published only where numerator, complement and denominator are \
published and at least k, with 95% Wilson score intervals (z = 1.959963984540054).";

/// A release document as stored and served (`GET /v1/summaries/{registry}`), field by field. The
/// fields of each struct are in alphabetical order, the order of the JSON maps that wrote the first
/// documents: a document's bytes, and so its ETag, do not depend on which code wrote it.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ReleaseDocument {
    pub audit: AuditFacts,
    /// How the counts were made and protected, in words.
    pub methodology: String,
    pub release: ReleaseFacts,
    /// Tables 1-7 of summaries.md that apply to the registry, each with its cells, totals and rates;
    /// a hidden value says `suppressed`, never 0.
    pub tables: Vec<tables::PublishedTable>,
}

/// What a release is: which registry, when, over how many cases, under which threshold.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ReleaseFacts {
    pub caveat: String,
    #[schema(format = DateTime)]
    pub created_at: String,
    /// Cases created up to this time (and not withdrawn) are counted.
    #[schema(format = DateTime)]
    pub cut_off: String,
    pub form_versions: Vec<String>,
    /// Null in the live view (`/live`), which is not a release.
    pub id: Option<String>,
    /// The small-cell threshold.
    pub k: u64,
    pub licence: String,
    /// Cases counted.
    pub n: u64,
    /// 1 for a registry's first release; null in the live view.
    pub number: Option<i32>,
    pub registry: String,
    pub title: String,
}

/// The three guarantees, as checked on this release.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct AuditFacts {
    pub hidden_cells: usize,
    /// Every small hidden cell keeps an interval of possible values of width 2 or more.
    pub interval_protection: bool,
    pub k: u64,
    /// No difference from the previous release reveals 1 to k-1 new cases.
    pub no_differencing: bool,
    /// No hidden cell follows exactly from the published ones.
    pub no_exact_disclosure: bool,
    pub smallest_interval_width: Option<f64>,
}

/// The document of a release (`id` and `number` are `None` for the live view).
pub fn document(b: &Built, id: Option<&str>, number: Option<i32>, created_at: NaiveDateTime) -> ReleaseDocument {
    let audit = &b.audit;
    ReleaseDocument {
        release: ReleaseFacts {
            id: id.map(str::to_owned),
            number,
            registry: b.registry.id().to_owned(),
            title: b.registry.title().to_owned(),
            cut_off: crate::db::rfc3339::format(&b.cut_off),
            created_at: crate::db::rfc3339::format(&created_at),
            n: b.n,
            k: b.k,
            form_versions: b.form_versions.clone(),
            licence: LICENCE.to_owned(),
            caveat: "These are reported cases, a case series: not incidence, not representative of all patients.".to_owned(),
        },
        tables: tables::render(b.registry, &b.model, &b.hidden, b.k),
        audit: AuditFacts {
            k: audit.k,
            hidden_cells: audit.hidden_cells,
            smallest_interval_width: audit.smallest_interval_width,
            no_exact_disclosure: audit.no_exact_disclosure,
            interval_protection: audit.interval_protection,
            no_differencing: audit.no_differencing,
        },
        methodology: METHOD.to_owned(),
    }
}

/// Every cell's published value (null where hidden) and the relations, for the next release's
/// differencing check and the exported structure.
fn structure(b: &Built) -> Structure {
    let m = &b.model;
    Structure {
        cells: m
            .cells
            .iter()
            .enumerate()
            .map(|(i, c)| StructureCell { key: c.key.clone(), table: m.tables[i].to_owned(), value: (!b.hidden[i]).then_some(c.value) })
            .collect(),
        relations: m
            .relations
            .iter()
            .map(|r| StructureRelation {
                total: m.cells[r.total].key.clone(),
                members: r.members.iter().map(|&i| m.cells[i].key.clone()).collect(),
            })
            .collect(),
    }
}

pub fn etag_of(document: &str) -> String {
    format!("\"{}\"", &hex::encode(Sha256::digest(document.as_bytes()))[..32])
}

/// Builds and stores a release now. Refuses (`Unsafe`) a release that fails a guarantee.
pub fn publish(db: &Db, registry: Registry, k: u64, actor: &str, request_id: Option<&str>) -> Result<ReleaseRow, ReleaseError> {
    let cut_off = crate::db::now();
    let built = build(db, registry, cut_off, k)?;
    if !built.audit.passed() {
        return Err(ReleaseError::Unsafe);
    }
    let cells = serde_json::to_string(&structure(&built)).expect("structures serialise");
    db.write_blocking(|c| -> Result<ReleaseRow, ReleaseError> {
        if store::latest_id(c, registry)? != built.previous_id {
            return Err(ReleaseError::Raced);
        }
        let number = store::next_number(c, registry)?;
        let id = uuid::Uuid::now_v7().to_string();
        let created_at = crate::db::now();
        let document = serde_json::to_string(&document(&built, Some(&id), Some(number), created_at)).expect("documents serialise");
        let row = ReleaseRow {
            etag: etag_of(&document),
            id,
            registry: registry.id().to_owned(),
            number,
            created_at,
            cut_off,
            n: built.n as i64,
            k: k as i32,
            document,
            cells,
        };
        store::insert(c, &row)?;
        crate::audit::record(c, &crate::audit::Entry::new(actor, "release.create", "release", Some(&row.id), request_id))?;
        Ok(row)
    })
}
