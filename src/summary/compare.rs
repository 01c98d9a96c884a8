//! Two registries side by side (table 8 of summaries.md): a view of their latest release documents on
//! the aligned fields, showing only what each release published, so each keeps its own guarantees.

use serde::{Deserialize, Serialize};

use super::release::ReleaseDocument;
use super::tables::PublishedCount;

/// The aligned fields, side by side.
const ALIGNED: &[&str] = &["age_band", "sex", "treatment_category", "drug_class", "severity_before", "covid_severity"];

/// One value of a dimension as a release publishes it in a table's totals.
struct Published<'a> {
    value: &'a str,
    label: &'a str,
    count: PublishedCount,
}

/// A dimension's published totals in a release document: the row or column totals of the first table
/// on it, and that table's id.
fn totals_of<'a>(document: &'a ReleaseDocument, dim: &str) -> (Option<&'a str>, Vec<Published<'a>>) {
    for t in &document.tables {
        let totals: Vec<Published> = if t.rows.dimension == dim {
            t.row_totals.iter().map(|c| Published { value: &c.row, label: &c.row_label, count: c.count }).collect()
        } else if t.columns.as_ref().is_some_and(|c| c.dimension == dim) && !t.column_totals.is_empty() {
            t.column_totals.iter().map(|c| Published { value: &c.column, label: &c.column_label, count: c.count }).collect()
        } else {
            continue;
        };
        return (Some(&t.id), totals);
    }
    (None, vec![])
}

/// A value's label and count in one release's totals; no label and 0 where the release has no such value.
fn pick<'a>(totals: &[Published<'a>], value: &str) -> (Option<&'a str>, PublishedCount) {
    totals.iter().find(|p| p.value == value).map_or((None, PublishedCount::Published(0)), |p| (Some(p.label), p.count))
}

/// Two registries' latest releases side by side (`GET /v1/summaries/compare`).
// Fields in alphabetical order, as in the release document (see `release::ReleaseDocument`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Comparison {
    pub a: ComparedRelease,
    pub b: ComparedRelease,
    /// One per aligned field: age band, sex, treatment category, drug class, severity before COVID-19,
    /// COVID-19 severity.
    pub fields: Vec<ComparedField>,
}

/// Which release a side of the comparison reads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ComparedRelease {
    #[schema(format = DateTime)]
    pub cut_off: String,
    #[schema(required = true)]
    pub id: Option<String>,
    pub n: u64,
    pub registry: String,
}

/// One aligned field: each value's label and its published count in each release.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ComparedField {
    pub dimension: String,
    pub source: ComparedSource,
    /// In the releases' own order (the form's order of values), each value once.
    pub values: Vec<ComparedValue>,
}

/// The id of the table each side's counts were read from; null where the release has no table on the field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ComparedSource {
    #[schema(required = true)]
    pub a: Option<String>,
    #[schema(required = true)]
    pub b: Option<String>,
}

/// A value's count in each release (0 where a release has no such value).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ComparedValue {
    pub a: PublishedCount,
    pub b: PublishedCount,
    #[schema(required = true)]
    pub label: Option<String>,
    pub value: String,
}

/// Two release documents side by side on the aligned fields: per field, each value's label and its
/// published count in each (`source` names the table each count was read from).
pub fn comparison(da: &ReleaseDocument, db: &ReleaseDocument) -> Comparison {
    let fields = ALIGNED
        .iter()
        .map(|dim| {
            let ((sa, ta), (sb, tb)) = (totals_of(da, dim), totals_of(db, dim));
            let mut values: Vec<&str> = Vec::new();
            for p in ta.iter().chain(&tb) {
                if !values.contains(&p.value) {
                    values.push(p.value);
                }
            }
            let values = values
                .iter()
                .map(|v| {
                    let (la, ca) = pick(&ta, v);
                    let (lb, cb) = pick(&tb, v);
                    ComparedValue { a: ca, b: cb, label: la.or(lb).map(str::to_owned), value: (*v).to_owned() }
                })
                .collect();
            let source = ComparedSource { a: sa.map(str::to_owned), b: sb.map(str::to_owned) };
            ComparedField { dimension: (*dim).to_owned(), source, values }
        })
        .collect();
    let release_of = |d: &ReleaseDocument| ComparedRelease {
        cut_off: d.release.cut_off.clone(),
        id: d.release.id.clone(),
        n: d.release.n,
        registry: d.release.registry.clone(),
    };
    Comparison { a: release_of(da), b: release_of(db), fields }
}
