//! Two registries side by side (table 8 of summaries.md): a view of their latest release documents on
//! the aligned fields, showing only what each release published, so each keeps its own guarantees.

use serde_json::{json, Value};

/// The aligned fields, side by side.
const ALIGNED: &[&str] = &["age_band", "sex", "treatment_category", "drug_class", "severity_before", "covid_severity"];

/// A dimension's published totals in a release document: the row or column totals of the first table
/// on it, and that table's id.
fn totals_of<'a>(document: &'a Value, dim: &str) -> (Option<&'a str>, Vec<(&'a str, &'a Value, &'a Value)>) {
    for t in document["tables"].as_array().into_iter().flatten() {
        let (list, value_key, label_key) = if t["rows"]["dimension"] == dim {
            (&t["row_totals"], "row", "row_label")
        } else if t["columns"]["dimension"] == dim && !t["column_totals"].as_array().is_none_or(|c| c.is_empty()) {
            (&t["column_totals"], "column", "column_label")
        } else {
            continue;
        };
        let totals = list.as_array().into_iter().flatten().map(|c| (c[value_key].as_str().unwrap_or(""), &c[label_key], &c["count"])).collect();
        return (t["id"].as_str(), totals);
    }
    (None, vec![])
}

/// Two release documents side by side on the aligned fields: per field, each value's label and its
/// published count in each (`source` names the table each count was read from).
pub fn comparison(da: &Value, db: &Value) -> Value {
    let fields: Vec<Value> = ALIGNED
        .iter()
        .map(|dim| {
            let ((sa, ta), (sb, tb)) = (totals_of(da, dim), totals_of(db, dim));
            // In the releases' own order (the form's order of values), each value once.
            let mut values: Vec<&str> = Vec::new();
            for (v, _, _) in ta.iter().chain(&tb) {
                if !values.contains(v) {
                    values.push(v);
                }
            }
            let rows: Vec<Value> = values
                .iter()
                .map(|v| {
                    let pick = |t: &[(&str, &Value, &Value)]| t.iter().find(|(x, _, _)| x == v).map(|(_, l, c)| ((*l).clone(), (*c).clone()));
                    let (la, ca) = pick(&ta).unwrap_or((Value::Null, json!(0)));
                    let (lb, cb) = pick(&tb).unwrap_or((Value::Null, json!(0)));
                    json!({"value": v, "label": if la.is_null() { lb } else { la }, "a": ca, "b": cb})
                })
                .collect();
            json!({"dimension": dim, "source": {"a": sa, "b": sb}, "values": rows})
        })
        .collect();
    let release_meta = |d: &Value| json!({"id": d["release"]["id"], "registry": d["release"]["registry"], "n": d["release"]["n"], "cut_off": d["release"]["cut_off"]});
    json!({"a": release_meta(da), "b": release_meta(db), "fields": fields})
}
