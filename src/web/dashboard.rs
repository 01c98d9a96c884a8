//! `/`: the latest release of each registry as charts, each above the table of its numbers and a
//! link to its CSV; then psoriasis and atopic dermatitis side by side. Reads only published release
//! documents (the same the API serves), so the page can show nothing a release does not publish.
//! Releases hold codes; the page says them in the reader's language (labels from the forms'
//! messages, months, dates and numbers as the language writes them).

use actix_web::{web, HttpRequest, HttpResponse};
use chrono::NaiveDate;
use maud::{html, Markup, PreEscaped};

use super::charts::{self, Count, Estimate, Row};
use super::html::{layout, Frame, Nav};
use crate::app::AppState;
use crate::http::ApiError;
use crate::i18n::{format_count, format_date, format_decimal, format_month, format_percent, Arg, Lang, Message};
use crate::registry::{enum_msg, Registry};
use crate::summary::compare::Comparison;
use crate::summary::handlers::comparison;
use crate::summary::release::ReleaseDocument;
use crate::summary::tables::{PublishedCount, PublishedRate, PublishedTable};

pub async fn page(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, ApiError> {
    let lang = Lang::of_page(&req);
    let mut releases = Vec::with_capacity(Registry::ALL.len());
    for registry in Registry::ALL {
        releases.push((registry, state.releases.latest(&state.db, registry).await?));
    }
    let mut docs: Vec<(Registry, Option<&ReleaseDocument>)> = Vec::with_capacity(releases.len());
    for (registry, served) in &releases {
        let document = served.as_ref().map(|s| s.parsed().ok_or_else(|| ApiError::internal("a stored release does not read as a release document")));
        docs.push((*registry, document.transpose()?));
    }
    let doc_of = |r: Registry| docs.iter().find(|(x, _)| *x == r).and_then(|(_, d)| *d);
    let compared = match (doc_of(Registry::Psoriasis), doc_of(Registry::AtopicDermatitis)) {
        (Some(a), Some(b)) => Some(comparison(a, b)),
        _ => None,
    };
    Ok(super::html_page(&req, lang, render(lang, &docs, compared.as_ref()), "public, max-age=60"))
}

/// The whole dashboard from the release documents (`None`: no release yet) and the comparison.
pub fn render(lang: Lang, docs: &[(Registry, Option<&ReleaseDocument>)], compared: Option<&Comparison>) -> String {
    let t = |id: &str| lang.text(id);
    let main = html! {
        h1 { (t("dashboard-heading")) }
        p.lede { (t("dashboard-lede")) }
        nav.toc aria-label=(t("dashboard-toc")) {
            ul {
                @for (registry, _) in docs { li { a href={ "#" (registry.id()) } { (registry.title_in(lang)) } } }
                li { a href="#compare" { (t("dashboard-compare")) } }
            }
        }
        @for (registry, doc) in docs { (registry_section(lang, *registry, *doc)) }
        (compare_section(lang, compared))
    };
    layout(Frame { lang, title: &t("dashboard-title"), nav: Nav::Dashboard, script: None, data: None }, main)
}

fn count_text(lang: Lang, c: Count) -> Markup {
    match c {
        Some(n) => html! { (format_count(lang, n)) },
        None => html! { span.supp { (lang.text("dashboard-suppressed")) } },
    }
}

fn table<'a>(doc: &'a ReleaseDocument, id: &str) -> Option<&'a PublishedTable> {
    doc.tables.iter().find(|t| t.id == id)
}

/// A row or column value of a release in the reader's language: the label of its code (the release's
/// English label where the forms have none), a month as the language writes it.
fn label(lang: Lang, registry: Registry, dimension: &str, code: &str, english: &str) -> String {
    let month = || {
        let (y, m) = code.split_once('-')?;
        Some(format_month(lang, y.parse().ok()?, m.parse().ok()?))
    };
    match (dimension, code) {
        ("diagnosis_period", _) => month().unwrap_or_else(|| code.to_owned()),
        ("country", "other") => lang.text("dashboard-other-countries").into_owned(),
        (_, "not_reported") => lang.text("dashboard-not-reported").into_owned(),
        _ => enum_msg(registry, dimension, code).map_or_else(|| english.to_owned(), |m| lang.text(m).into_owned()),
    }
}

/// One line of a table's totals: its code, its label in the reader's language, its count.
struct Total {
    code: String,
    label: String,
    count: Count,
}

/// A table's row (`"row"`) or column (`"column"`) totals, in the release's order.
fn totals(lang: Lang, registry: Registry, t: &PublishedTable, side: &str) -> Vec<Total> {
    let total = |dimension: &str, code: &str, english: &str, count: PublishedCount| Total {
        code: code.to_owned(),
        label: label(lang, registry, dimension, code, english),
        count: count.published(),
    };
    if side == "row" {
        t.row_totals.iter().map(|c| total(&t.rows.dimension, &c.row, &c.row_label, c.count)).collect()
    } else {
        let dimension = t.columns.as_ref().map_or("", |d| d.dimension.as_str());
        t.column_totals.iter().map(|c| total(dimension, &c.column, &c.column_label, c.count)).collect()
    }
}

fn cell(t: &PublishedTable, row: &str, col: &str) -> Count {
    t.cells.iter().find(|c| c.row == row && c.column == col).and_then(|c| c.count.published())
}

fn single_series(rows: &[Total]) -> Vec<Row<Count>> {
    rows.iter().map(|r| Row { label: r.label.clone(), values: vec![r.count] }).collect()
}

fn registry_section(lang: Lang, registry: Registry, doc: Option<&ReleaseDocument>) -> Markup {
    let t = |id: &str| lang.text(id);
    let id = registry.id();
    let Some(doc) = doc else {
        return html! {
            section.registry id=(id) aria-labelledby={ (id) "-h" } {
                h2 id={ (id) "-h" } { (registry.title_in(lang)) }
                p.empty { (t("dashboard-no-release")) }
            }
        };
    };
    let rel = &doc.release;
    let release_id = rel.id.as_deref().unwrap_or("");
    let cut_off = rel.cut_off.as_str();
    let cut_day = cut_off.get(..10).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let number = i64::from(rel.number.unwrap_or(0));
    let csv = |table: &str| format!("/v1/summaries/{id}/releases/{release_id}?format=csv&table={table}");
    html! {
        section.registry id=(id) aria-labelledby={ (id) "-h" } {
            h2 id={ (id) "-h" } { (registry.title_in(lang)) }
            dl.meta {
                div { dt { (t("dashboard-release")) } dd { (number) } }
                div { dt { (t("dashboard-cut-off")) } dd { time datetime=(cut_off) { (cut_day.map_or_else(|| cut_off.to_owned(), |d| format_date(lang, d))) } } }
                div { dt { (t("dashboard-cases")) } dd { (format_count(lang, rel.n)) } }
                div { dt { (t("dashboard-threshold")) } dd { "k = " (rel.k) } }
                div { dt { (t("dashboard-licence")) } dd { (rel.licence) } }
            }
            p.downloads {
                a.button.secondary href={ "/v1/summaries/" (id) "/releases/" (release_id) ".zip" } {
                    (lang.say(&Message::new("dashboard-download-release").arg("number", Arg::Int(number))))
                }
                " "
                a href={ "/v1/summaries/" (id) "/releases/" (release_id) } { (t("dashboard-json")) }
                " "
                a href={ "/v1/summaries/" (id) "/releases/" (release_id) "?format=csv" } { (t("dashboard-all-tables-csv")) }
            }
            p.caveat { (t("dashboard-caveat")) }
            div.grid {
                @if let Some(tb) = table(doc, "t1_diagnosis_basis_by_month") {
                    @let title = t("dashboard-by-month");
                    @let svg = charts::columns(lang, &format!("{id}-t1"), &title, &single_series(&totals(lang, registry, tb, "row")));
                    (card(lang, &title, &t("dashboard-by-month-about"), &svg, crosstab(lang, registry, tb, &title, &t("dashboard-month"), None), &csv("t1_diagnosis_basis_by_month")))
                }
                @if let (Some(h), Some(d)) = (table(doc, "t4_hospitalisation_by_treatment_category"), table(doc, "t4_death_by_treatment_category")) {
                    (outcome_card(lang, registry, h, d, &csv("t4_hospitalisation_by_treatment_category")))
                }
                @if let Some(tb) = table(doc, "t3_age_band_by_sex") {
                    (age_sex_card(lang, registry, tb, &csv("t3_age_band_by_sex")))
                }
                @if let Some(tb) = table(doc, "t2_country") {
                    (country_card(lang, registry, tb, &csv("t2_country")))
                }
                @if let Some(tb) = table(doc, "t6_morphology_by_severity") {
                    @let title = t("dashboard-manifestations");
                    @let svg = charts::bars(lang, &format!("{id}-t6"), &title, &[&t("dashboard-series-cases")], &single_series(&totals(lang, registry, tb, "row")), None);
                    (card(lang, &title, &t("dashboard-manifestations-about"), &svg, crosstab(lang, registry, tb, &title, &t("dashboard-morphology"), None), &csv("t6_morphology_by_severity")))
                }
            }
        }
    }
}

fn age_sex_card(lang: Lang, registry: Registry, tb: &PublishedTable, csv: &str) -> Markup {
    let title = lang.text("dashboard-age-sex");
    let series = totals(lang, registry, tb, "column");
    let names: Vec<&str> = series.iter().map(|s| s.label.as_str()).collect();
    let rows: Vec<Row<Count>> = totals(lang, registry, tb, "row")
        .into_iter()
        .map(|r| Row { values: series.iter().map(|c| cell(tb, &r.code, &c.code)).collect(), label: r.label })
        .collect();
    let svg = charts::bars(lang, &format!("{}-t3", registry.id()), &title, &names, &rows, None);
    card(lang, &title, &lang.text("dashboard-age-sex-about"), &svg, crosstab(lang, registry, tb, &title, &lang.text("dashboard-age-band"), None), csv)
}

/// Countries by their number of cases, most first; suppressed counts and the other countries last.
fn country_card(lang: Lang, registry: Registry, tb: &PublishedTable, csv: &str) -> Markup {
    let title = lang.text("dashboard-by-country");
    let mut rows = totals(lang, registry, tb, "row");
    rows.sort_by_key(|r| (r.code == "other", std::cmp::Reverse(r.count.map_or(0, |n| n + 1))));
    let svg = charts::bars(lang, &format!("{}-t2", registry.id()), &title, &[&lang.text("dashboard-series-cases")], &single_series(&rows), None);
    let table = crosstab(lang, registry, tb, &title, &lang.text("dashboard-country"), Some(&rows));
    card(lang, &title, &lang.text("dashboard-by-country-about"), &svg, table, csv)
}

fn card(lang: Lang, title: &str, about: &str, svg: &str, table: Markup, csv: &str) -> Markup {
    html! {
        article.card {
            h3 { (title) }
            p.about { (about) }
            (PreEscaped(svg))
            (table)
            p.csv { a href=(csv) { (lang.text("dashboard-download-table")) } }
        }
    }
}

/// A region that scrolls by itself on a narrow screen, holding a table.
fn table_wrap(lang: Lang, title: &str, caption: &str, body: Markup) -> Markup {
    let region = lang.say(&Message::new("dashboard-table-suffix").arg("title", Arg::Text(title.to_owned())));
    html! {
        div.table-wrap role="region" aria-label=(region) tabindex="0" {
            table { caption.visually-hidden { (caption) } (body) }
        }
    }
}

/// A release table as HTML, named `title` (the reader's words for it): rows by columns with totals,
/// or rows and their counts (in `order` when given). Suppressed cells read "suppressed".
fn crosstab(lang: Lang, registry: Registry, tb: &PublishedTable, title: &str, row_head: &str, order: Option<&[Total]>) -> Markup {
    let cols = totals(lang, registry, tb, "column");
    let own;
    let rows = match order {
        Some(rows) => rows,
        None => {
            own = totals(lang, registry, tb, "row");
            &own
        }
    };
    let body = html! {
        thead { tr {
            th scope="col" { (row_head) }
            @for c in &cols { th.num scope="col" { (c.label) } }
            th.num scope="col" { (lang.text(if cols.is_empty() { "dashboard-cases" } else { "dashboard-total" })) }
        } }
        tbody {
            @for r in rows {
                tr {
                    th scope="row" { (r.label) }
                    @for c in &cols { td.num { (count_text(lang, cell(tb, &r.code, &c.code))) } }
                    td.num { (count_text(lang, r.count)) }
                }
            }
        }
        @if let Some(total) = tb.total {
            tfoot { tr {
                th scope="row" { (lang.text("dashboard-all-cases")) }
                @for c in &cols { td.num { (count_text(lang, c.count)) } }
                td.num { (count_text(lang, total.published())) }
            } }
        }
    };
    table_wrap(lang, title, title, body)
}

/// A published rate with its interval, or `None` where the release suppressed it.
fn estimate(rate: &PublishedRate) -> Option<Estimate> {
    rate.estimate().map(|(rate, low, high)| Estimate { rate, low, high })
}

fn estimate_text(lang: Lang, e: Option<Estimate>) -> Markup {
    match e {
        Some(e) => html! {
            (format_percent(lang, e.rate)) " "
            span.ci { "(" (format_decimal(lang, 100.0 * e.low, 1)) "–" (format_decimal(lang, 100.0 * e.high, 1)) ")" }
        },
        None => count_text(lang, None),
    }
}

/// Hospitalisation and death rates by treatment category, with 95% Wilson intervals.
fn outcome_card(lang: Lang, registry: Registry, hosp: &PublishedTable, died: &PublishedTable, csv: &str) -> Markup {
    let t = |id: &str| lang.text(id);
    let rate_of = |tb: &PublishedTable, row: &str| tb.rates.iter().find(|r| r.row == row).and_then(estimate);
    let mut groups = totals(lang, registry, hosp, "row");
    groups.push(Total { code: "all".into(), label: t("dashboard-all-cases").into_owned(), count: hosp.total.and_then(PublishedCount::published) });
    let rows: Vec<Row<Option<Estimate>>> =
        groups.iter().map(|g| Row { label: g.label.clone(), values: vec![rate_of(hosp, &g.code), rate_of(died, &g.code)] }).collect();
    let title = t("dashboard-outcomes");
    let svg = charts::intervals(lang, &format!("{}-t4", registry.id()), &title, &[&t("dashboard-hospitalised"), &t("dashboard-died")], &rows);
    let caption = lang.say(&Message::new("dashboard-outcomes-caption").arg("title", Arg::Text(title.clone().into_owned())));
    let body = html! {
        thead { tr {
            th scope="col" { (t("dashboard-treatment-category")) }
            th.num scope="col" { (t("dashboard-cases")) }
            th.num scope="col" { (t("dashboard-hospitalised-ci")) }
            th.num scope="col" { (t("dashboard-died-ci")) }
        } }
        tbody {
            @for (g, row) in groups.iter().zip(&rows) {
                tr {
                    th scope="row" { (g.label) }
                    td.num { (count_text(lang, g.count)) }
                    td.num { (estimate_text(lang, row.values[0])) }
                    td.num { (estimate_text(lang, row.values[1])) }
                }
            }
        }
    };
    card(lang, &title, &t("dashboard-outcomes-about"), &svg, table_wrap(lang, &title, &caption, body), csv)
}

/// The dimensions the comparison shows, with their titles' message ids.
const COMPARED: &[(&str, &str)] = &[
    ("treatment_category", "dashboard-treatment-category"),
    ("severity_before", "dashboard-compare-severity-before"),
    ("covid_severity", "dashboard-compare-covid-severity"),
    ("age_band", "dashboard-age-band"),
];

fn compare_section(lang: Lang, compared: Option<&Comparison>) -> Markup {
    let t = |id: &str| lang.text(id);
    let Some(c) = compared else {
        return html! {
            section.registry #compare aria-labelledby="compare-h" {
                h2 #compare-h { (t("dashboard-compare")) }
                p.empty { (t("dashboard-compare-empty")) }
            }
        };
    };
    let (na, nb) = (c.a.n, c.b.n);
    let (ra, rb) = (c.a.registry.as_str(), c.b.registry.as_str());
    let name = |r: &str| Registry::parse(r).map_or(r.to_owned(), |r| r.title_in(lang).into_owned());
    let (la, lb) = (short(lang, ra), short(lang, rb));
    let lede = lang.say(
        &Message::new("dashboard-compare-lede")
            .arg("a", Arg::Text(format_count(lang, na)))
            .arg("registry-a", Arg::Text(name(ra)))
            .arg("b", Arg::Text(format_count(lang, nb)))
            .arg("registry-b", Arg::Text(name(rb))),
    );
    let csv = |registry: &str, table: &str| format!("/v1/summaries/{registry}?format=csv&table={table}");
    html! {
        section.registry #compare aria-labelledby="compare-h" {
            h2 #compare-h { (t("dashboard-compare")) }
            p.lede { (lede) " " a href="/v1/summaries/compare" { (t("dashboard-compare-json")) } }
            div.grid {
                @for (dim, title_id) in COMPARED {
                    @if let Some(field) = c.fields.iter().find(|f| f.dimension == *dim) {
                        @let title = t(title_id);
                        @let rows = field.values.iter().map(|v| Row {
                            label: label(lang, Registry::Psoriasis, dim, &v.value, v.label.as_deref().unwrap_or("")),
                            values: vec![v.a.published(), v.b.published()],
                        }).collect::<Vec<_>>();
                        @let svg = charts::bars(lang, &format!("cmp-{dim}"), &title, &[&la, &lb], &rows, Some(&[na, nb]));
                        article.card {
                            h3 { (title) }
                            (PreEscaped(svg))
                            (table_wrap(lang, &title, &title, html! {
                                thead { tr { th scope="col" { (title) } th.num scope="col" { (la) } th.num scope="col" { (lb) } } }
                                tbody {
                                    @for row in &rows {
                                        tr { th scope="row" { (row.label) } td.num { (share_text(lang, row.values[0], na)) } td.num { (share_text(lang, row.values[1], nb)) } }
                                    }
                                }
                                tfoot { tr { th scope="row" { (t("dashboard-all-cases")) } td.num { (format_count(lang, na)) } td.num { (format_count(lang, nb)) } } }
                            }))
                            p.csv {
                                (t("dashboard-compare-download")) " "
                                a href=(csv(ra, field.source.a.as_deref().unwrap_or(""))) { (la) } " "
                                a href=(csv(rb, field.source.b.as_deref().unwrap_or(""))) { (lb) }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn short(lang: Lang, registry: &str) -> String {
    lang.text(match registry {
        "psoriasis" => "dashboard-short-psoriasis",
        "atopic-dermatitis" => "dashboard-short-atopic-dermatitis",
        _ => "dashboard-short-general",
    })
    .into_owned()
}

fn share_text(lang: Lang, c: Count, n: u64) -> Markup {
    match c {
        Some(x) if n > 0 => html! { (format_count(lang, x)) " " span.ci { "(" (format_percent(lang, x as f64 / n as f64)) ")" } },
        other => count_text(lang, other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn doc() -> ReleaseDocument {
        serde_json::from_value(json!({
            "audit": {"hidden_cells": 3, "interval_protection": true, "k": 5, "no_differencing": true, "no_exact_disclosure": true, "smallest_interval_width": 2.0},
            "methodology": "Counts.",
            "release": {"id": "r1", "number": 3, "registry": "psoriasis", "title": "Psoriasis", "created_at": "2026-11-01T00:00:01Z", "cut_off": "2026-11-01T00:00:00Z",
                        "form_versions": ["1"], "n": 120, "k": 5, "licence": "CC-BY-4.0", "caveat": "Reported cases."},
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
        }))
        .expect("a release document")
    }

    #[test]
    fn release_facts_and_links_are_on_the_page() {
        let d = doc();
        let page = render(Lang::ENGLISH, &[(Registry::Psoriasis, Some(&d)), (Registry::General, None)], None);
        for want in ["<dd>3</dd>", "2026-11-01", "<dd>120</dd>", "k = 5", "CC-BY-4.0", "/v1/summaries/psoriasis/releases/r1.zip",
                     "format=csv&amp;table=t2_country", "No release has been published for this registry yet."] {
            assert!(page.contains(want), "missing {want}");
        }
    }

    #[test]
    fn suppressed_cells_read_suppressed_and_zero_reads_zero() {
        let d = doc();
        let page = render(Lang::ENGLISH, &[(Registry::Psoriasis, Some(&d))], None);
        let table = crosstab(Lang::ENGLISH, Registry::Psoriasis, &d.tables[1], "Age band by sex", "Age band", None).into_string();
        assert!(table.contains("<td class=\"num\">0</td>"), "a published zero is a zero");
        assert_eq!(table.matches("suppressed</span>").count(), 2, "the hidden cell and the hidden row total");
        assert!(page.contains("<th scope=\"row\">Other countries</th><td class=\"num\"><span class=\"supp\">suppressed</span>"));
    }

    #[test]
    fn rates_show_their_interval_or_suppressed() {
        let d = doc();
        let page = render(Lang::ENGLISH, &[(Registry::Psoriasis, Some(&d))], None);
        assert!(page.contains("25.0% <span class=\"ci\">(16.7–35.7)</span>"), "{page}");
        assert!(page.contains("<th scope=\"row\">All cases</th><td class=\"num\">120</td><td class=\"num\"><span class=\"supp\">suppressed</span>"));
    }

    #[test]
    fn comparison_shows_shares_of_each_registry() {
        let c: Comparison = serde_json::from_value(json!({
            "a": {"registry": "psoriasis", "n": 200, "id": "r1", "cut_off": "2026-11-01T00:00:00Z"},
            "b": {"registry": "atopic-dermatitis", "n": 100, "id": "r2", "cut_off": "2026-11-01T00:00:00Z"},
            "fields": [{"dimension": "treatment_category", "source": {"a": "t4_x", "b": "t4_y"},
                        "values": [{"value": "biologic", "label": "Biologic", "a": 50, "b": {"suppressed": true}}]}]}))
        .expect("a comparison");
        let page = render(Lang::ENGLISH, &[], Some(&c));
        assert!(page.contains("50 <span class=\"ci\">(25.0%)</span>"));
        assert!(page.contains("<span class=\"supp\">suppressed</span>"));
        assert!(page.contains("table=t4_y"));
    }
}
