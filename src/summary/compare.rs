//! Two registries side by side (table 8 of summaries.md): a view of their latest release documents on
//! the aligned fields, showing only what each release published, so each keeps its own guarantees.

use serde_json::{json, Value};

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

/// Two release documents side by side on the aligned fields: per field, each value's label and its
/// published count in each (`source` names the table each count was read from).
pub fn comparison(da: &ReleaseDocument, db: &ReleaseDocument) -> Value {
    let fields: Vec<Value> = ALIGNED
        .iter()
        .map(|dim| {
            let ((sa, ta), (sb, tb)) = (totals_of(da, dim), totals_of(db, dim));
            // In the releases' own order (the form's order of values), each value once.
            let mut values: Vec<&str> = Vec::new();
            for p in ta.iter().chain(&tb) {
                if !values.contains(&p.value) {
                    values.push(p.value);
                }
            }
            let rows: Vec<Value> = values
                .iter()
                .map(|v| {
                    let (la, ca) = pick(&ta, v);
                    let (lb, cb) = pick(&tb, v);
                    json!({"value": v, "label": la.or(lb), "a": ca, "b": cb})
                })
                .collect();
            json!({"dimension": dim, "source": {"a": sa, "b": sb}, "values": rows})
        })
        .collect();
    let release_meta = |d: &ReleaseDocument| json!({"id": d.release.id, "registry": d.release.registry, "n": d.release.n, "cut_off": d.release.cut_off});
    json!({"a": release_meta(da), "b": release_meta(db), "fields": fields})
}
