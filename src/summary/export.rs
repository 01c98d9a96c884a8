//! A release as files: tidy CSV per table, and the zip a researcher can validate without dermreg
//! (Frictionless data package, tables, the linear structure, audit, README, checksums).

use std::io::Write;

use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use super::release::{ReleaseDocument, Structure};
use super::tables::{PublishedCount, PublishedRate, PublishedTable};

const CSV_HEADER: &str = "table,row_dimension,row,row_label,column_dimension,column,column_label,measure,count,denominator,rate,ci_low,ci_high,status";

/// A number as the JSON document writes it (so `1.0`, not `1`); empty where absent.
fn number<T: serde::Serialize>(x: Option<T>) -> String {
    x.map(|x| serde_json::to_string(&x).expect("numbers serialise")).unwrap_or_default()
}

/// One line of the tidy CSV: what it counts (row and column value, each with its label; empty where
/// the line is over all of them) and the count, or the rate with its interval.
struct Line<'a> {
    row: &'a str,
    row_label: &'a str,
    column: Option<(&'a str, &'a str)>,
    measure: &'a str,
    value: LineValue<'a>,
}

enum LineValue<'a> {
    Count(PublishedCount),
    Rate(&'a PublishedRate),
}

/// One table of a release document in tidy long form: one line per count or rate. Hidden values are
/// empty with status `suppressed`.
pub fn table_csv(table: &PublishedTable) -> String {
    // Quoting (only where a field needs it) is the `csv` crate's.
    let mut out = csv::Writer::from_writer(Vec::with_capacity(4096));
    out.write_record(CSV_HEADER.split(',')).expect("writing to memory");
    let column_dimension = table.columns.as_ref().map_or("", |c| c.dimension.as_str());
    let mut write = |line: Line| {
        let (hidden, count, denominator, rate, low, high) = match line.value {
            LineValue::Count(c) => (c.published().is_none(), number(c.published()), String::new(), String::new(), String::new(), String::new()),
            LineValue::Rate(r) => {
                (r.suppressed.is_some(), number(r.numerator), number(r.denominator), number(r.rate), number(r.ci_low), number(r.ci_high))
            }
        };
        let (column, column_label) = line.column.unwrap_or(("", ""));
        let fields = [
            table.id.as_str(),
            table.rows.dimension.as_str(),
            line.row,
            line.row_label,
            if line.column.is_some() { column_dimension } else { "" },
            column,
            column_label,
            line.measure,
            &count,
            &denominator,
            &rate,
            &low,
            &high,
            if hidden { "suppressed" } else { "published" },
        ];
        out.write_record(fields).expect("writing to memory");
    };
    for c in &table.cells {
        let column = Some((c.column.as_str(), c.column_label.as_str()));
        write(Line { row: &c.row, row_label: &c.row_label, column, measure: "count", value: LineValue::Count(c.count) });
    }
    for c in &table.row_totals {
        write(Line { row: &c.row, row_label: &c.row_label, column: None, measure: "count", value: LineValue::Count(c.count) });
    }
    for c in &table.column_totals {
        let column = Some((c.column.as_str(), c.column_label.as_str()));
        write(Line { row: "all", row_label: "", column, measure: "count", value: LineValue::Count(c.count) });
    }
    if let Some(total) = table.total {
        write(Line { row: "all", row_label: "", column: None, measure: "count", value: LineValue::Count(total) });
    }
    for r in &table.rates {
        write(Line { row: &r.row, row_label: "", column: None, measure: &r.measure, value: LineValue::Rate(r) });
    }
    String::from_utf8(out.into_inner().expect("writing to memory")).expect("the fields are UTF-8")
}

/// All tables of a document in one CSV (one header).
pub fn document_csv(document: &ReleaseDocument) -> String {
    let mut out = format!("{CSV_HEADER}\n");
    for t in &document.tables {
        out.push_str(table_csv(t).split_once('\n').map_or("", |(_, rest)| rest));
    }
    out
}

/// The release zip. `structure` is the stored cells-and-relations JSON.
pub fn release_zip(document: &ReleaseDocument, structure: &Structure) -> Vec<u8> {
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let tables = &document.tables;
    let release = &document.release;
    let schema_fields = CSV_HEADER
        .split(',')
        .map(|name| {
            let kind = match name {
                "count" | "denominator" => "integer",
                "rate" | "ci_low" | "ci_high" => "number",
                _ => "string",
            };
            json!({"name": name, "type": kind})
        })
        .collect::<Vec<_>>();
    let resources: Vec<Value> = tables
        .iter()
        .map(|t| {
            json!({
                "name": t.id, "path": format!("tables/{}.csv", t.id), "title": t.title,
                "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
                "schema": {"fields": schema_fields, "missingValues": [""]},
            })
        })
        .collect();
    let package = json!({
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": format!("dermreg-{}-release-{}", release.registry, number(release.number)),
        "id": release.id, "title": release.title, "created": release.created_at,
        "licenses": [{"name": super::release::LICENCE}],
        "dermreg": {"registry": release.registry, "cut_off": release.cut_off, "k": release.k, "n": release.n, "form_versions": release.form_versions, "method": document.methodology},
        "resources": resources,
    });
    files.push(("datapackage.json".into(), serde_json::to_vec_pretty(&package).expect("serialises")));
    for t in tables {
        files.push((format!("tables/{}.csv", t.id), table_csv(t).into_bytes()));
    }
    let mut cells = csv::Writer::from_writer(Vec::new());
    cells.write_record(["cell_id", "table", "key", "value"]).expect("writing to memory");
    for (i, c) in structure.cells.iter().enumerate() {
        cells.write_record([i.to_string(), c.table.clone(), c.key.clone(), number(c.value)]).expect("writing to memory");
    }
    let cells = cells.into_inner().expect("writing to memory");
    let index: std::collections::HashMap<&str, usize> = structure.cells.iter().enumerate().map(|(i, c)| (c.key.as_str(), i)).collect();
    let mut relations = String::from("relation_id,total_cell_id,member_cell_id\n");
    for (ri, r) in structure.relations.iter().enumerate() {
        let total = index.get(r.total.as_str()).copied().unwrap_or_default();
        for m in &r.members {
            relations.push_str(&format!("{ri},{total},{}\n", index.get(m.as_str()).copied().unwrap_or_default()));
        }
    }
    files.push(("structure/cells.csv".into(), cells));
    files.push(("structure/relations.csv".into(), relations.into_bytes()));
    files.push(("audit.json".into(), serde_json::to_vec_pretty(&document.audit).expect("serialises")));
    files.push(("README.md".into(), readme(document).into_bytes()));
    let manifest: String = files.iter().map(|(name, bytes)| format!("{}  {name}\n", hex::encode(Sha256::digest(bytes)))).collect();
    files.push(("MANIFEST.sha256".into(), manifest.into_bytes()));

    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    // A fixed timestamp keeps the zip byte-identical for the same release.
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for (name, bytes) in files {
        zip.start_file(name, options).expect("zip in memory");
        zip.write_all(&bytes).expect("zip in memory");
    }
    zip.finish().expect("zip in memory").into_inner()
}

fn readme(document: &ReleaseDocument) -> String {
    let r = &document.release;
    format!(
        "# {title}: open-access summary release {number}\n\n\
         Release `{id}`, cut-off {cut_off}, {n} cases, forms {versions}. Licence: {licence}.\n\n\
         ## Method\n\n{method}\n\n\
         Threshold k = {k}. Counts from 1 to k-1 are never published; suppressed values are empty with status\n\
         `suppressed`. Whether a hidden value is small or hidden to protect another is not said.\n\n\
         ## Definitions\n\n\
         - COVID-19 severity: 1 not hospitalised, 2 hospitalised without intensive care or invasive ventilation,\n  \
           3 intensive care or invasive ventilation, 4 died.\n\
         - Treatment category: the highest of biologic > non-biologic systemic > phototherapy > other among the\n  \
           patient's systemic treatments at COVID-19 onset; no systemic treatment otherwise.\n\
         - Multi-valued items (comorbidities, drug classes, skin manifestations) count each case once per value.\n\
         - Rates: 95% Wilson score interval, z = 1.959963984540054.\n\n\
         ## Checking it\n\n\
         `structure/cells.csv` lists every cell with its published value (empty where hidden) and\n\
         `structure/relations.csv` every additive relation (total = sum of members): rebuild the linear system\n\
         and check with any LP solver that no hidden cell is determined. `audit.json` records the checks made\n\
         at build time. `MANIFEST.sha256` lists each file's SHA-256.\n\n\
         ## Caveat\n\n{caveat}\n\n\
         ## How to cite\n\n\
         {title}, open-access summary release {number} ({cut_off}), release id {id}. {licence}.\n",
        title = r.title,
        number = number(r.number),
        id = r.id.as_deref().unwrap_or_default(),
        cut_off = r.cut_off,
        n = r.n,
        versions = r.form_versions.join(", "),
        licence = r.licence,
        method = document.methodology,
        k = r.k,
        caveat = r.caveat,
    )
}
