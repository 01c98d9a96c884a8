//! `/`: the latest release of each registry as charts, each above the table of its numbers and a
//! link to its CSV; then psoriasis and atopic dermatitis side by side. Reads only published release
//! documents (the same the API serves), so the page can show nothing a release does not publish.

use std::fmt::Write;

use actix_web::{web, HttpResponse};
use serde_json::Value;

use super::charts::{self, Count, Estimate, Row};
use super::html::{esc, fmt_count, layout, Nav};
use crate::app::AppState;
use crate::http::ApiError;
use crate::registry::Registry;
use crate::summary::handlers::{comparison, latest};

pub async fn page(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let mut releases = Vec::with_capacity(Registry::ALL.len());
    for registry in Registry::ALL {
        match latest(&state, registry).await {
            Ok(served) => releases.push((registry, Some(served))),
            Err(ApiError::NotFound) => releases.push((registry, None)),
            Err(e) => return Err(e),
        }
    }
    let docs: Vec<(Registry, Option<&Value>)> = releases.iter().map(|(r, s)| (*r, s.as_ref().map(|s| s.json()))).collect();
    let doc_of = |r: Registry| docs.iter().find(|(x, _)| *x == r).and_then(|(_, d)| *d);
    let compared = match (doc_of(Registry::Psoriasis), doc_of(Registry::AtopicDermatitis)) {
        (Some(a), Some(b)) => Some(comparison(a, b)),
        _ => None,
    };
    Ok(super::html_page(render(&docs, compared.as_ref()), "public, max-age=60"))
}

/// The whole dashboard from the release documents (`None`: no release yet) and the comparison.
pub fn render(docs: &[(Registry, Option<&Value>)], compared: Option<&Value>) -> String {
    let mut m = String::with_capacity(64 * 1024);
    m.push_str(
        "<h1>COVID-19 in people with skin disease: open registry data</h1>\
         <p class=\"lede\">Counts of cases reported by clinicians to three dermatology registries, published as \
         releases that never change once made. Small counts are <strong>suppressed</strong> so that no patient can be \
         singled out: a suppressed value is unknown, not zero. These are reported cases (a case series), not incidence.</p>\
         <nav class=\"toc\" aria-label=\"On this page\"><ul>",
    );
    for (registry, _) in docs {
        let _ = write!(m, "<li><a href=\"#{}\">{}</a></li>", registry.id(), esc(registry.title()));
    }
    m.push_str("<li><a href=\"#compare\">Psoriasis and atopic dermatitis compared</a></li></ul></nav>");
    for (registry, doc) in docs {
        registry_section(&mut m, *registry, *doc);
    }
    compare_section(&mut m, compared);
    layout("Open data: dermatology COVID-19 registries", Nav::Dashboard, &m, None)
}

/// A count as the release publishes it: a number, or `{"suppressed": true}` (`None`).
fn count(v: &Value) -> Count {
    v.as_u64()
}

fn count_text(c: Count) -> String {
    match c {
        Some(n) => fmt_count(n),
        None => "<span class=\"supp\">suppressed</span>".into(),
    }
}

fn table<'a>(doc: &'a Value, id: &str) -> Option<&'a Value> {
    doc["tables"].as_array()?.iter().find(|t| t["id"] == id)
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or("")
}

fn registry_section(m: &mut String, registry: Registry, doc: Option<&Value>) {
    let id = registry.id();
    let _ = write!(m, "<section class=\"registry\" id=\"{id}\" aria-labelledby=\"{id}-h\"><h2 id=\"{id}-h\">{}</h2>", esc(registry.title()));
    let Some(doc) = doc else {
        m.push_str("<p class=\"empty\">No release has been published for this registry yet.</p></section>");
        return;
    };
    let rel = &doc["release"];
    let release_id = str_of(rel, "id");
    let cut_off = str_of(rel, "cut_off");
    let _ = write!(
        m,
        "<dl class=\"meta\"><div><dt>Release</dt><dd>{number}</dd></div><div><dt>Cut-off</dt><dd><time datetime=\"{cut}\">{cut_day}</time></dd></div>\
         <div><dt>Cases</dt><dd>{n}</dd></div><div><dt>Suppression threshold</dt><dd>k = {k}</dd></div>\
         <div><dt>Licence</dt><dd>{licence}</dd></div></dl>\
         <p class=\"downloads\"><a class=\"button secondary\" href=\"/v1/summaries/{id}/releases/{rid}.zip\">Download release {number} (zip)</a> \
         <a href=\"/v1/summaries/{id}/releases/{rid}\">JSON</a> <a href=\"/v1/summaries/{id}/releases/{rid}?format=csv\">All tables (CSV)</a></p>\
         <p class=\"caveat\">{caveat}</p><div class=\"grid\">",
        number = rel["number"].as_i64().unwrap_or(0),
        cut = esc(cut_off),
        cut_day = esc(cut_off.get(..10).unwrap_or(cut_off)),
        n = fmt_count(rel["n"].as_u64().unwrap_or(0)),
        k = rel["k"].as_u64().unwrap_or(0),
        licence = esc(str_of(rel, "licence")),
        rid = esc(release_id),
        caveat = esc(str_of(rel, "caveat")),
    );
    let csv = |table: &str| format!("/v1/summaries/{id}/releases/{}?format=csv&amp;table={table}", esc(release_id));

    if let Some(t) = table(doc, "t1_diagnosis_basis_by_month") {
        let rows: Vec<Row<Count>> = totals(t, "row_totals", "row_label").into_iter().map(|(l, c)| Row { label: l, values: vec![c] }).collect();
        let title = "Cases by month of COVID-19 diagnosis";
        let svg = charts::columns(&format!("{id}-t1"), title, &rows);
        card(m, title, "The epidemic curve of reported cases.", &svg, &crosstab(t, "Month"), &csv("t1_diagnosis_basis_by_month"));
    }
    outcome_card(m, id, doc, &csv);
    if let Some(t) = table(doc, "t3_age_band_by_sex") {
        let series = totals(t, "column_totals", "column_label");
        let names: Vec<&str> = series.iter().map(|(l, _)| l.as_str()).collect();
        let cols: Vec<&str> = t["column_totals"].as_array().into_iter().flatten().map(|c| str_of(c, "column")).collect();
        let rows: Vec<Row<Count>> = t["row_totals"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|r| Row { label: str_of(r, "row_label").to_owned(), values: cols.iter().map(|c| cell(t, str_of(r, "row"), c)).collect() })
            .collect();
        let title = "Age band by sex";
        let svg = charts::bars(&format!("{id}-t3"), title, &names, &rows, None);
        card(m, title, "Cases per age band at diagnosis, for each sex.", &svg, &crosstab(t, "Age band"), &csv("t3_age_band_by_sex"));
    }
    if let Some(t) = table(doc, "t2_country") {
        bars_card(m, &format!("{id}-t2"), "Cases by country", "Countries with fewer than k cases are grouped as other countries.", t, "Country", &csv("t2_country"));
    }
    if let Some(t) = table(doc, "t6_morphology_by_severity") {
        let title = "Skin manifestations";
        let rows: Vec<Row<Count>> = totals(t, "row_totals", "row_label").into_iter().map(|(l, c)| Row { label: l, values: vec![c] }).collect();
        let svg = charts::bars(&format!("{id}-t6"), title, &["cases"], &rows, None);
        card(m, title, "Morphology of skin manifestations (a case may have several), with COVID-19 severity in the table.", &svg, &crosstab(t, "Morphology"), &csv("t6_morphology_by_severity"));
    }
    m.push_str("</div></section>");
}

/// `(label, count)` of a table's row or column totals, in the release's order.
fn totals(t: &Value, list: &str, label: &str) -> Vec<(String, Count)> {
    t[list].as_array().into_iter().flatten().map(|c| (str_of(c, label).to_owned(), count(&c["count"]))).collect()
}

fn cell(t: &Value, row: &str, col: &str) -> Count {
    t["cells"].as_array().into_iter().flatten().find(|c| c["row"] == row && c["column"] == col).and_then(|c| count(&c["count"]))
}

fn card(m: &mut String, title: &str, about: &str, svg: &str, table_html: &str, csv: &str) {
    let _ = write!(
        m,
        "<article class=\"card\"><h3>{}</h3><p class=\"about\">{}</p>{svg}{table_html}\
         <p class=\"csv\"><a href=\"{csv}\">Download this table (CSV)</a></p></article>",
        esc(title),
        esc(about)
    );
}

fn bars_card(m: &mut String, chart_id: &str, title: &str, about: &str, t: &Value, row_head: &str, csv: &str) {
    let rows: Vec<Row<Count>> = totals(t, "row_totals", "row_label").into_iter().map(|(l, c)| Row { label: l, values: vec![c] }).collect();
    let svg = charts::bars(chart_id, title, &["cases"], &rows, None);
    card(m, title, about, &svg, &crosstab(t, row_head), csv);
}

/// A release table as HTML: rows by columns with totals, or rows and their counts. Suppressed cells
/// read "suppressed". Wrapped in a focusable region that scrolls by itself on a narrow screen.
fn crosstab(t: &Value, row_head: &str) -> String {
    let cols: Vec<(&str, &str)> =
        t["column_totals"].as_array().into_iter().flatten().map(|c| (str_of(c, "column"), str_of(c, "column_label"))).collect();
    let mut h = format!(
        "<div class=\"table-wrap\" role=\"region\" aria-label=\"{} (table)\" tabindex=\"0\"><table><caption class=\"visually-hidden\">{}</caption><thead><tr><th scope=\"col\">{}</th>",
        esc(str_of(t, "title")),
        esc(str_of(t, "title")),
        esc(row_head)
    );
    for (_, label) in &cols {
        let _ = write!(h, "<th scope=\"col\" class=\"num\">{}</th>", esc(label));
    }
    h.push_str(if cols.is_empty() { "<th scope=\"col\" class=\"num\">Cases</th>" } else { "<th scope=\"col\" class=\"num\">Total</th>" });
    h.push_str("</tr></thead><tbody>");
    for r in t["row_totals"].as_array().into_iter().flatten() {
        let _ = write!(h, "<tr><th scope=\"row\">{}</th>", esc(str_of(r, "row_label")));
        for (c, _) in &cols {
            let _ = write!(h, "<td class=\"num\">{}</td>", count_text(cell(t, str_of(r, "row"), c)));
        }
        let _ = write!(h, "<td class=\"num\">{}</td></tr>", count_text(count(&r["count"])));
    }
    h.push_str("</tbody>");
    if !t["total"].is_null() {
        h.push_str("<tfoot><tr><th scope=\"row\">All cases</th>");
        for c in t["column_totals"].as_array().into_iter().flatten() {
            let _ = write!(h, "<td class=\"num\">{}</td>", count_text(count(&c["count"])));
        }
        let _ = write!(h, "<td class=\"num\">{}</td></tr></tfoot>", count_text(count(&t["total"])));
    }
    h.push_str("</table></div>");
    h
}

/// A published rate with its interval, or `None` where the release suppressed it.
fn estimate(rate: &Value) -> Option<Estimate> {
    Some(Estimate { rate: rate["rate"].as_f64()?, low: rate["ci_low"].as_f64()?, high: rate["ci_high"].as_f64()? })
}

fn estimate_text(e: Option<Estimate>) -> String {
    match e {
        Some(e) => format!("{:.1}% <span class=\"ci\">({:.1}–{:.1})</span>", 100.0 * e.rate, 100.0 * e.low, 100.0 * e.high),
        None => "<span class=\"supp\">suppressed</span>".into(),
    }
}

/// Hospitalisation and death rates by treatment category, with 95% Wilson intervals.
fn outcome_card(m: &mut String, id: &str, doc: &Value, csv: &dyn Fn(&str) -> String) {
    let (Some(hosp), Some(died)) = (table(doc, "t4_hospitalisation_by_treatment_category"), table(doc, "t4_death_by_treatment_category")) else {
        return;
    };
    let rate_of = |t: &Value, row: &str| t["rates"].as_array().into_iter().flatten().find(|r| r["row"] == row).and_then(estimate);
    let mut groups: Vec<(String, String, Count)> =
        hosp["row_totals"].as_array().into_iter().flatten().map(|r| (str_of(r, "row").to_owned(), str_of(r, "row_label").to_owned(), count(&r["count"]))).collect();
    groups.push(("all".into(), "All cases".into(), count(&hosp["total"])));
    let rows: Vec<Row<Option<Estimate>>> =
        groups.iter().map(|(row, label, _)| Row { label: label.clone(), values: vec![rate_of(hosp, row), rate_of(died, row)] }).collect();
    let title = "Outcomes by treatment category";
    let svg = charts::intervals(&format!("{id}-t4"), title, &["Hospitalised", "Died"], &rows);
    let mut t = format!(
        "<div class=\"table-wrap\" role=\"region\" aria-label=\"{title} (table)\" tabindex=\"0\"><table><caption class=\"visually-hidden\">{title}: rates with 95% Wilson score intervals</caption>\
         <thead><tr><th scope=\"col\">Treatment category</th><th scope=\"col\" class=\"num\">Cases</th>\
         <th scope=\"col\" class=\"num\">Hospitalised (95% CI)</th><th scope=\"col\" class=\"num\">Died (95% CI)</th></tr></thead><tbody>"
    );
    for ((_, label, n), row) in groups.iter().zip(&rows) {
        let _ = write!(
            t,
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            esc(label),
            count_text(*n),
            estimate_text(row.values[0]),
            estimate_text(row.values[1])
        );
    }
    t.push_str("</tbody></table></div>");
    let about = "Share of cases hospitalised and who died, with 95% Wilson score intervals. Rates are published only where every count behind them is.";
    card(m, title, about, &svg, &t, &csv("t4_hospitalisation_by_treatment_category"));
}

const COMPARED: &[(&str, &str)] = &[
    ("treatment_category", "Treatment category"),
    ("severity_before", "Skin disease severity before COVID-19 (PGA / IGA)"),
    ("covid_severity", "COVID-19 severity"),
    ("age_band", "Age band"),
];

fn compare_section(m: &mut String, compared: Option<&Value>) {
    m.push_str("<section class=\"registry\" id=\"compare\" aria-labelledby=\"compare-h\"><h2 id=\"compare-h\">Psoriasis and atopic dermatitis compared</h2>");
    let Some(c) = compared else {
        m.push_str("<p class=\"empty\">Both registries need a release before they can be compared.</p></section>");
        return;
    };
    let (na, nb) = (c["a"]["n"].as_u64().unwrap_or(0), c["b"]["n"].as_u64().unwrap_or(0));
    let (ra, rb) = (str_of(&c["a"], "registry"), str_of(&c["b"], "registry"));
    let name = |r: &str| Registry::parse(r).map_or(r.to_owned(), |r| r.title().to_owned());
    let (la, lb) = (short(ra), short(rb));
    let _ = write!(
        m,
        "<p class=\"lede\">The two registries share these fields on purpose. Each bar is a share of its own registry's \
         cases ({} of {}, {} of {}), from each registry's latest release. <a href=\"/v1/summaries/compare\">Comparison (JSON)</a></p><div class=\"grid\">",
        fmt_count(na),
        esc(&name(ra)),
        fmt_count(nb),
        esc(&name(rb))
    );
    for (dim, title) in COMPARED {
        let Some(field) = c["fields"].as_array().into_iter().flatten().find(|f| f["dimension"] == *dim) else { continue };
        let values = field["values"].as_array().map(Vec::as_slice).unwrap_or_default();
        let rows: Vec<Row<Count>> =
            values.iter().map(|v| Row { label: str_of(v, "label").to_owned(), values: vec![count(&v["a"]), count(&v["b"])] }).collect();
        let svg = charts::bars(&format!("cmp-{dim}"), title, &[la, lb], &rows, Some(&[na, nb]));
        let mut t = format!(
            "<div class=\"table-wrap\" role=\"region\" aria-label=\"{title} (table)\" tabindex=\"0\"><table><caption class=\"visually-hidden\">{title}</caption>\
             <thead><tr><th scope=\"col\">{title}</th><th scope=\"col\" class=\"num\">{la}</th><th scope=\"col\" class=\"num\">{lb}</th></tr></thead><tbody>"
        );
        for row in &rows {
            let _ = write!(
                t,
                "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                esc(&row.label),
                share_text(row.values[0], na),
                share_text(row.values[1], nb)
            );
        }
        let _ = write!(
            t,
            "</tbody><tfoot><tr><th scope=\"row\">All cases</th><td class=\"num\">{}</td><td class=\"num\">{}</td></tr></tfoot></table></div>",
            fmt_count(na),
            fmt_count(nb)
        );
        let csv = |registry: &str, table: &str| format!("/v1/summaries/{registry}?format=csv&amp;table={}", esc(table));
        let _ = write!(
            m,
            "<article class=\"card\"><h3>{title}</h3>{svg}{t}<p class=\"csv\">Download the tables (CSV): \
             <a href=\"{}\">{la}</a> <a href=\"{}\">{lb}</a></p></article>",
            csv(ra, str_of(&field["source"], "a")),
            csv(rb, str_of(&field["source"], "b"))
        );
    }
    m.push_str("</div></section>");
}

fn short(registry: &str) -> &'static str {
    match registry {
        "psoriasis" => "Psoriasis",
        "atopic-dermatitis" => "Atopic dermatitis",
        _ => "General",
    }
}

fn share_text(c: Count, n: u64) -> String {
    match c {
        Some(x) if n > 0 => format!("{} <span class=\"ci\">({:.1}%)</span>", fmt_count(x), 100.0 * x as f64 / n as f64),
        other => count_text(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn doc() -> Value {
        json!({
            "release": {"id": "r1", "number": 3, "registry": "psoriasis", "cut_off": "2026-11-01T00:00:00Z", "n": 120, "k": 5, "licence": "CC-BY-4.0", "caveat": "Reported cases."},
            "tables": [
                {"id": "t2_country", "title": "Cases by country", "rows": {"dimension": "country"}, "columns": null, "cells": [],
                 "row_totals": [{"row": "GB", "row_label": "United Kingdom", "count": 117}, {"row": "other", "row_label": "Other countries", "count": {"suppressed": true}}],
                 "column_totals": [], "total": 120, "rates": []},
                {"id": "t3_age_band_by_sex", "title": "Age band by sex", "rows": {"dimension": "age_band"}, "columns": {"dimension": "sex"},
                 "cells": [{"row": "18-39", "row_label": "18-39", "column": "female", "column_label": "Female", "count": 0},
                           {"row": "18-39", "row_label": "18-39", "column": "male", "column_label": "Male", "count": {"suppressed": true}}],
                 "row_totals": [{"row": "18-39", "row_label": "18-39", "count": {"suppressed": true}}],
                 "column_totals": [{"column": "female", "column_label": "Female", "count": 60}, {"column": "male", "column_label": "Male", "count": 60}],
                 "total": 120, "rates": []},
                {"id": "t4_hospitalisation_by_treatment_category", "title": "H", "rows": {"dimension": "treatment_category"}, "columns": {"dimension": "hospitalised"}, "cells": [],
                 "row_totals": [{"row": "biologic", "row_label": "Biologic", "count": 80}], "column_totals": [], "total": 120,
                 "rates": [{"row": "biologic", "measure": "hospitalisation_rate", "rate": 0.25, "ci_low": 0.1667, "ci_high": 0.3571},
                           {"row": "all", "measure": "hospitalisation_rate", "suppressed": true}]},
                {"id": "t4_death_by_treatment_category", "title": "D", "rows": {"dimension": "treatment_category"}, "columns": {"dimension": "died"}, "cells": [],
                 "row_totals": [], "column_totals": [], "total": 120, "rates": []}
            ]
        })
    }

    #[test]
    fn release_facts_and_links_are_on_the_page() {
        let d = doc();
        let page = render(&[(Registry::Psoriasis, Some(&d)), (Registry::General, None)], None);
        for want in ["<dd>3</dd>", "2026-11-01", "<dd>120</dd>", "k = 5", "CC-BY-4.0", "/v1/summaries/psoriasis/releases/r1.zip",
                     "format=csv&amp;table=t2_country", "No release has been published for this registry yet."] {
            assert!(page.contains(want), "missing {want}");
        }
    }

    #[test]
    fn suppressed_cells_read_suppressed_and_zero_reads_zero() {
        let d = doc();
        let page = render(&[(Registry::Psoriasis, Some(&d))], None);
        let table = crosstab(&d["tables"][1], "Age band");
        assert!(table.contains("<td class=\"num\">0</td>"), "a published zero is a zero");
        assert_eq!(table.matches("suppressed</span>").count(), 2, "the hidden cell and the hidden row total");
        assert!(page.contains("<th scope=\"row\">Other countries</th><td class=\"num\"><span class=\"supp\">suppressed</span>"));
    }

    #[test]
    fn rates_show_their_interval_or_suppressed() {
        let d = doc();
        let page = render(&[(Registry::Psoriasis, Some(&d))], None);
        assert!(page.contains("25.0% <span class=\"ci\">(16.7–35.7)</span>"), "{page}");
        assert!(page.contains("<th scope=\"row\">All cases</th><td class=\"num\">120</td><td class=\"num\"><span class=\"supp\">suppressed</span>"));
    }

    #[test]
    fn comparison_shows_shares_of_each_registry() {
        let c = json!({"a": {"registry": "psoriasis", "n": 200}, "b": {"registry": "atopic-dermatitis", "n": 100},
            "fields": [{"dimension": "treatment_category", "source": {"a": "t4_x", "b": "t4_y"},
                        "values": [{"value": "biologic", "label": "Biologic", "a": 50, "b": {"suppressed": true}}]}]});
        let page = render(&[], Some(&c));
        assert!(page.contains("50 <span class=\"ci\">(25.0%)</span>"));
        assert!(page.contains("<span class=\"supp\">suppressed</span>"));
        assert!(page.contains("table=t4_y"));
    }
}
