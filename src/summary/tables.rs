//! The open-access tables as data, and the pure step from grouped counts to the release's cells and
//! additive relations (what disclosure control protects) and back to the published tables.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use super::disclosure::{rate_publishable, wilson, Cell, Relation};
use crate::registry::{enum_label, Registry};

/// What a table counts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dim {
    /// A single-valued column of `cases`: every case has exactly one value, so its values partition
    /// the cases and their counts add up to n. Counts group by the raw `column` (so a covering index
    /// serves the scan); `sql` renders a group's value as text. Both are fixed (never input).
    Column { name: &'static str, column: &'static str, sql: &'static str },
    /// A multi-valued item (`case_facets.name`): a case may have several or none, so each value is a
    /// yes/no split of n, not a part of it.
    Facet(&'static str),
    /// The detail of a facet's rows (the timing of a morphology, the change of a treatment); counts
    /// facet rows, and within one facet value the details partition that value's count.
    Detail { facet: &'static str, name: &'static str },
}

impl Dim {
    pub fn name(self) -> &'static str {
        match self {
            Dim::Column { name, .. } | Dim::Detail { name, .. } => name,
            Dim::Facet(name) => name,
        }
    }
}

pub const CONFIRMED: Dim = Dim::Column { name: "confirmed", column: "confirmed", sql: "CASE WHEN confirmed THEN 'true' ELSE 'false' END" };
pub const PERIOD: Dim = Dim::Column { name: "diagnosis_period", column: "diagnosis_period", sql: "diagnosis_period" };
pub const COUNTRY: Dim = Dim::Column { name: "country", column: "country", sql: "country" };
pub const AGE_BAND: Dim = Dim::Column { name: "age_band", column: "age_band", sql: "age_band" };
pub const SEX: Dim = Dim::Column { name: "sex", column: "sex", sql: "sex" };
pub const SEVERITY: Dim = Dim::Column { name: "covid_severity", column: "covid_severity", sql: "CAST(covid_severity AS TEXT)" };
pub const HOSPITALISED: Dim = Dim::Column { name: "hospitalised", column: "hospitalised", sql: "CASE WHEN hospitalised THEN 'true' ELSE 'false' END" };
pub const DIED: Dim = Dim::Column { name: "died", column: "died", sql: "CASE WHEN died THEN 'true' ELSE 'false' END" };
pub const CATEGORY: Dim = Dim::Column { name: "treatment_category", column: "treatment_category", sql: "treatment_category" };
pub const COMORBIDITY_COUNT: Dim = Dim::Column { name: "comorbidity_count", column: "comorbidity_count", sql: "CASE WHEN comorbidity_count >= 3 THEN '3+' ELSE CAST(comorbidity_count AS TEXT) END" };
pub const SEVERITY_BEFORE: Dim = Dim::Column { name: "severity_before", column: "severity_before", sql: "COALESCE(severity_before, 'not_reported')" };
pub const FLARE: Dim = Dim::Column { name: "flare_after", column: "flare_after", sql: "COALESCE(flare_after, 'not_reported')" };
pub const DRUG_CLASS: Dim = Dim::Facet("drug_class");
pub const COMORBIDITY: Dim = Dim::Facet("comorbidity");
pub const MORPHOLOGY: Dim = Dim::Facet("morphology");
pub const EXISTING_CONDITION: Dim = Dim::Facet("existing_condition");
pub const TIMING: Dim = Dim::Detail { facet: "morphology", name: "timing" };
pub const TREATMENT_CHANGE: Dim = Dim::Detail { facet: "drug", name: "changed_due_to_covid" };

/// One table of a release: counts of `rows` (by `cols`). Tables whose columns are a yes/no outcome
/// also publish its rate per row, with a Wilson interval, where disclosure control allows.
#[derive(Debug)]
pub struct TableSpec {
    pub id: &'static str,
    pub title: &'static str,
    pub rows: Dim,
    pub cols: Option<Dim>,
    /// Only these registries (empty: all).
    pub only: &'static [Registry],
}

impl TableSpec {
    pub fn applies_to(&self, registry: Registry) -> bool {
        self.only.is_empty() || self.only.contains(&registry)
    }

    /// The measure whose rate the table publishes, if its columns are a yes/no outcome.
    pub fn rate(&self) -> Option<&'static str> {
        match self.cols {
            Some(d) if d == HOSPITALISED => Some("hospitalisation_rate"),
            Some(d) if d == DIED => Some("death_rate"),
            _ => None,
        }
    }
}

const PSO_AD: &[Registry] = &[Registry::Psoriasis, Registry::AtopicDermatitis];

/// Tables 1 to 7 of summaries.md; table 8 (the comparison) is a view of two releases.
pub const TABLES: &[TableSpec] = &[
    TableSpec { id: "t1_diagnosis_basis_by_month", title: "Cases by month of diagnosis and diagnosis basis (confirmed or suspected)", rows: PERIOD, cols: Some(CONFIRMED), only: &[] },
    TableSpec { id: "t2_country", title: "Cases by country (countries with fewer than k cases grouped as other)", rows: COUNTRY, cols: None, only: &[] },
    TableSpec { id: "t3_age_band_by_sex", title: "Age band by sex", rows: AGE_BAND, cols: Some(SEX), only: &[] },
    TableSpec { id: "t4_severity_by_treatment_category", title: "COVID-19 severity by treatment category", rows: CATEGORY, cols: Some(SEVERITY), only: &[] },
    TableSpec { id: "t4_hospitalisation_by_treatment_category", title: "Hospitalisation by treatment category", rows: CATEGORY, cols: Some(HOSPITALISED), only: &[] },
    TableSpec { id: "t4_death_by_treatment_category", title: "Deaths by treatment category", rows: CATEGORY, cols: Some(DIED), only: &[] },
    TableSpec { id: "t4_severity_by_drug_class", title: "COVID-19 severity by drug class", rows: DRUG_CLASS, cols: Some(SEVERITY), only: PSO_AD },
    TableSpec { id: "t4_hospitalisation_by_drug_class", title: "Hospitalisation by drug class", rows: DRUG_CLASS, cols: Some(HOSPITALISED), only: PSO_AD },
    TableSpec { id: "t4_death_by_drug_class", title: "Deaths by drug class", rows: DRUG_CLASS, cols: Some(DIED), only: PSO_AD },
    TableSpec { id: "t5_comorbidities", title: "Comorbidities (a case may have several)", rows: COMORBIDITY, cols: None, only: &[] },
    TableSpec { id: "t5_hospitalisation_by_comorbidity_count", title: "Hospitalisation by number of comorbidities", rows: COMORBIDITY_COUNT, cols: Some(HOSPITALISED), only: &[] },
    TableSpec { id: "t6_morphology_by_severity", title: "Skin manifestations by COVID-19 severity", rows: MORPHOLOGY, cols: Some(SEVERITY), only: &[Registry::General] },
    TableSpec { id: "t6_morphology_by_timing", title: "Skin manifestations by timing", rows: MORPHOLOGY, cols: Some(TIMING), only: &[Registry::General] },
    TableSpec { id: "t6_existing_conditions", title: "Existing skin conditions", rows: EXISTING_CONDITION, cols: None, only: &[Registry::General] },
    TableSpec { id: "t7_severity_before_by_covid_severity", title: "Skin disease severity before COVID-19 (PGA / IGA) by COVID-19 severity", rows: SEVERITY_BEFORE, cols: Some(SEVERITY), only: PSO_AD },
    TableSpec { id: "t7_flare_after_covid", title: "Flares after COVID-19", rows: FLARE, cols: None, only: PSO_AD },
    TableSpec { id: "t7_treatment_changes", title: "Treatment changes due to COVID-19 (per treatment)", rows: TREATMENT_CHANGE, cols: None, only: PSO_AD },
];

pub fn tables_for(registry: Registry) -> impl Iterator<Item = &'static TableSpec> {
    TABLES.iter().filter(move |t| t.applies_to(registry))
}

/// Grouped counts of one table, as the database returned them (`col` is `None` without columns).
#[derive(Debug, Default, Clone)]
pub struct Counts {
    pub cells: Vec<(String, Option<String>, u64)>,
}

/// The release's linear system: every published-or-hidden count, each once, and how they add up.
#[derive(Debug, Default)]
pub struct Model {
    pub cells: Vec<Cell>,
    /// For each cell, the table that shows it first (for the exported structure).
    pub tables: Vec<&'static str>,
    pub relations: Vec<Relation>,
    index: HashMap<String, usize>,
    relation_set: BTreeSet<(usize, Vec<usize>)>,
    /// Per table: its row values, column values and the cell index of each count.
    pub layouts: Vec<Layout>,
}

#[derive(Debug)]
pub struct Layout {
    pub spec: &'static TableSpec,
    pub rows: Vec<String>,
    pub cols: Vec<String>,
    /// (row, col) -> cell; `None` col for the row totals.
    pub inner: BTreeMap<(usize, usize), usize>,
    pub row_totals: Vec<usize>,
    pub col_totals: Vec<usize>,
    pub total: Option<usize>,
}

pub const GRAND_TOTAL: &str = "n";
const MARGIN: u8 = 1;
const TABLE_TOTAL: u8 = 2;

impl Model {
    fn cell(&mut self, key: String, value: u64, rank: u8, table: &'static str) -> usize {
        if let Some(&i) = self.index.get(&key) {
            return i;
        }
        let i = self.cells.len();
        self.index.insert(key.clone(), i);
        self.cells.push(Cell { key, value, rank });
        self.tables.push(table);
        i
    }

    fn relate(&mut self, total: usize, mut members: Vec<usize>) {
        members.sort_unstable();
        if members.is_empty() || !self.relation_set.insert((total, members.clone())) {
            return;
        }
        self.relations.push(Relation { total, members });
    }

    pub fn key_index(&self, key: &str) -> Option<usize> {
        self.index.get(key).copied()
    }
}

/// The margin key of a value: shared by every table that shows it, so linked tables are one system.
fn margin_key(dim: Dim, value: &str) -> String {
    match dim {
        Dim::Detail { facet, name } => format!("{facet}.{name}={value}"),
        _ => format!("{}={value}", dim.name()),
    }
}

/// Builds the release's cells and relations from each table's counts. `n` is the number of cases.
pub fn build(n: u64, k: u64, counts: Vec<(&'static TableSpec, Counts)>) -> Model {
    let mut m = Model::default();
    let grand = m.cell(GRAND_TOTAL.into(), n, u8::MAX, "release");
    for (spec, mut counts) in counts {
        if spec.rows == COUNTRY {
            group_small_countries(&mut counts, k);
        }
        let mut rows: Vec<String> = counts.cells.iter().map(|(r, _, _)| r.clone()).collect::<BTreeSet<_>>().into_iter().collect();
        let cols: Vec<String> = counts.cells.iter().filter_map(|(_, c, _)| c.clone()).collect::<BTreeSet<_>>().into_iter().collect();
        rows.sort_by(|a, b| natural(a).cmp(&natural(b)));
        let value: HashMap<(&str, Option<&str>), u64> =
            counts.cells.iter().map(|(r, c, v)| ((r.as_str(), c.as_deref()), *v)).collect();
        let rows_partition = matches!(spec.rows, Dim::Column { .. });
        let mut layout = Layout {
            spec,
            rows: rows.clone(),
            cols: cols.clone(),
            inner: BTreeMap::new(),
            row_totals: vec![],
            col_totals: vec![],
            total: None,
        };
        // Row totals: a margin shared across tables, or the table's own cells when it has no columns.
        for r in &rows {
            let v = match spec.cols {
                None => value.get(&(r.as_str(), None)).copied().unwrap_or(0),
                Some(_) => cols.iter().map(|c| value.get(&(r.as_str(), Some(c.as_str()))).copied().unwrap_or(0)).sum(),
            };
            let rank = if spec.cols.is_none() { 0 } else { MARGIN };
            let i = m.cell(margin_key(spec.rows, r), v, rank, spec.id);
            layout.row_totals.push(i);
        }
        if let Some(col_dim) = spec.cols {
            for (ri, r) in rows.iter().enumerate() {
                let mut members = vec![];
                for (ci, c) in cols.iter().enumerate() {
                    let v = value.get(&(r.as_str(), Some(c.as_str()))).copied().unwrap_or(0);
                    let key = format!("{}/{}={r}/{}={c}", spec.id, spec.rows.name(), col_dim.name());
                    let i = m.cell(key, v, 0, spec.id);
                    layout.inner.insert((ri, ci), i);
                    members.push(i);
                }
                let total = layout.row_totals[ri];
                m.relate(total, members);
            }
            // Column totals are the whole registry's margins only when the rows partition the cases.
            if rows_partition {
                for (ci, c) in cols.iter().enumerate() {
                    let v = (0..rows.len()).map(|ri| m.cells[layout.inner[&(ri, ci)]].value).sum();
                    let i = m.cell(margin_key(col_dim, c), v, MARGIN, spec.id);
                    let members = (0..rows.len()).map(|ri| layout.inner[&(ri, ci)]).collect();
                    m.relate(i, members);
                    layout.col_totals.push(i);
                }
                m.relate(grand, layout.col_totals.clone());
            }
        }
        match spec.rows {
            Dim::Column { .. } => {
                m.relate(grand, layout.row_totals.clone());
                layout.total = Some(grand);
            }
            Dim::Detail { facet, name } if spec.cols.is_none() => {
                let v = layout.row_totals.iter().map(|&i| m.cells[i].value).sum();
                let t = m.cell(format!("{facet}.{name}:total"), v, TABLE_TOTAL, spec.id);
                m.relate(t, layout.row_totals.clone());
                layout.total = Some(t);
            }
            _ => {}
        }
        m.layouts.push(layout);
    }
    m
}

/// Countries with fewer than k cases become `other` before any cross-tabulation.
fn group_small_countries(counts: &mut Counts, k: u64) {
    let mut grouped: BTreeMap<String, u64> = BTreeMap::new();
    for (country, _, v) in counts.cells.drain(..) {
        *grouped.entry(country).or_default() += v;
    }
    let other: u64 = grouped.iter().filter(|(_, v)| **v < k).map(|(_, v)| v).sum();
    grouped.retain(|_, v| *v >= k);
    if other > 0 {
        grouped.insert("other".into(), other);
    }
    counts.cells = grouped.into_iter().map(|(c, v)| (c, None, v)).collect();
}

/// Orders `2`, `10`, `3+` and `0-17`, `18-39`, `90+` numerically, other values alphabetically.
fn natural(s: &str) -> (u64, &str) {
    let digits: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
    (digits.parse().unwrap_or(u64::MAX), s)
}

/// A published count, or the marker of a hidden one.
fn count(hidden: &[bool], m: &Model, i: usize) -> PublishedCount {
    if hidden[i] {
        PublishedCount::Suppressed(SUPPRESSED)
    } else {
        PublishedCount::Published(m.cells[i].value)
    }
}

fn label(registry: Registry, dim: Dim, value: &str) -> String {
    let path = match dim {
        Dim::Detail { facet: "morphology", .. } => "manifestations/timing",
        Dim::Detail { facet: "drug", .. } => "treatments/changed_due_to_covid",
        _ => dim.name(),
    };
    match (dim.name(), value) {
        ("hospitalised", "true") => return "Hospitalised".into(),
        ("hospitalised", "false") => return "Not hospitalised".into(),
        ("died", "true") => return "Died".into(),
        ("died", "false") => return "Alive".into(),
        _ => {}
    }
    match value {
        "other" if dim == COUNTRY => "Other countries".into(),
        "not_reported" => "Not reported".into(),
        _ => enum_label(registry, path, value).unwrap_or(value).to_owned(),
    }
}

/// The published tables: counts where published, `{"suppressed": true}` where hidden, and rates with
/// their 95% Wilson intervals only where numerator, complement and denominator are published and >= k.
pub fn render(registry: Registry, m: &Model, hidden: &[bool], k: u64) -> Vec<PublishedTable> {
    m.layouts
        .iter()
        .map(|l| {
            let spec = l.spec;
            let cells = l
                .inner
                .iter()
                .map(|(&(ri, ci), &i)| TableCell {
                    row: l.rows[ri].clone(),
                    row_label: label(registry, spec.rows, &l.rows[ri]),
                    column: l.cols[ci].clone(),
                    column_label: label(registry, spec.cols.expect("a table with cells has columns"), &l.cols[ci]),
                    count: count(hidden, m, i),
                })
                .collect();
            let row_totals = l
                .rows
                .iter()
                .zip(&l.row_totals)
                .map(|(r, &i)| RowTotal { row: r.clone(), row_label: label(registry, spec.rows, r), count: count(hidden, m, i) })
                .collect();
            let column_totals = l
                .cols
                .iter()
                .zip(&l.col_totals)
                .map(|(c, &i)| ColumnTotal {
                    column: c.clone(),
                    column_label: label(registry, spec.cols.expect("a table with column totals has columns"), c),
                    count: count(hidden, m, i),
                })
                .collect();
            let mut rates = vec![];
            if let Some(measure) = spec.rate() {
                let yes = l.cols.iter().position(|c| c == "true");
                let no = l.cols.iter().position(|c| c == "false");
                for (ri, r) in l.rows.iter().enumerate() {
                    let x = yes.map(|ci| l.inner[&(ri, ci)]);
                    let c = no.map(|ci| l.inner[&(ri, ci)]);
                    rates.push(rate(m, hidden, k, measure, r, x, c, l.row_totals[ri]));
                }
                if let Some(total) = l.total {
                    let x = yes.and_then(|ci| l.col_totals.get(ci).copied());
                    let c = no.and_then(|ci| l.col_totals.get(ci).copied());
                    rates.push(rate(m, hidden, k, measure, "all", x, c, total));
                }
            }
            PublishedTable {
                id: spec.id.to_owned(),
                title: spec.title.to_owned(),
                rows: Dimension { dimension: spec.rows.name().to_owned() },
                columns: spec.cols.map(|c| Dimension { dimension: c.name().to_owned() }),
                cells,
                row_totals,
                column_totals,
                total: l.total.map(|i| count(hidden, m, i)),
                rates,
            }
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn rate(m: &Model, hidden: &[bool], k: u64, measure: &str, row: &str, x: Option<usize>, c: Option<usize>, n: usize) -> PublishedRate {
    let xv = x.map_or(0, |i| m.cells[i].value);
    let nv = m.cells[n].value;
    let x_hidden = x.is_none_or(|i| hidden[i]);
    let c_hidden = c.is_none_or(|i| hidden[i]);
    let mut published = PublishedRate {
        ci_high: None,
        ci_low: None,
        denominator: None,
        measure: measure.to_owned(),
        numerator: None,
        rate: None,
        row: row.to_owned(),
        suppressed: None,
    };
    if nv > 0 && rate_publishable(xv, nv, x_hidden, hidden[n], c_hidden, k) {
        let (lo, hi) = wilson(xv, nv);
        published.numerator = Some(xv);
        published.denominator = Some(nv);
        published.rate = Some(round6(xv as f64 / nv as f64));
        published.ci_low = Some(round6(lo));
        published.ci_high = Some(round6(hi));
    } else {
        published.suppressed = Some(true);
    }
    published
}

fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

// The fields of these structs are in alphabetical order, the order of the JSON maps that wrote the
// first documents: a document's bytes, and so its ETag, do not depend on which code wrote it.

/// One table of a release: counts by its rows (and columns), their totals, and rates where the
/// columns are a yes/no outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PublishedTable {
    /// One count per row and column value (empty for a table without columns).
    pub cells: Vec<TableCell>,
    /// The count of each column value over all rows; empty where the rows do not partition the cases.
    pub column_totals: Vec<ColumnTotal>,
    /// What the columns are; null for a table of rows only.
    #[schema(required = true)]
    pub columns: Option<Dimension>,
    pub id: String,
    /// Rates of a yes/no outcome per row and over all rows (`row` = `all`); empty for other tables.
    pub rates: Vec<PublishedRate>,
    pub row_totals: Vec<RowTotal>,
    pub rows: Dimension,
    pub title: String,
    /// The count over all rows; null where the rows do not partition a total.
    #[schema(required = true)]
    pub total: Option<PublishedCount>,
}

/// What a table's rows or columns count by (a field of the forms, e.g. `age_band`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Dimension {
    pub dimension: String,
}

/// A published count, or the marker of a hidden one (`{"suppressed": true}`, never 0).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(untagged)]
pub enum PublishedCount {
    Published(u64),
    Suppressed(Suppressed),
}

impl PublishedCount {
    /// The count, `None` where it is hidden.
    pub fn published(self) -> Option<u64> {
        match self {
            PublishedCount::Published(n) => Some(n),
            PublishedCount::Suppressed(_) => None,
        }
    }
}

/// The marker of a hidden value: whether it is small or hidden to protect another is not said.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Suppressed {
    /// Always true.
    pub suppressed: bool,
}

const SUPPRESSED: Suppressed = Suppressed { suppressed: true };

/// The count of one row value and one column value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct TableCell {
    pub column: String,
    pub column_label: String,
    pub count: PublishedCount,
    pub row: String,
    pub row_label: String,
}

/// The count of one row value over all columns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct RowTotal {
    pub count: PublishedCount,
    pub row: String,
    pub row_label: String,
}

/// The count of one column value over all rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ColumnTotal {
    pub column: String,
    pub column_label: String,
    pub count: PublishedCount,
}

/// The rate of an outcome in one row (`all`: over all rows), with its 95% Wilson interval; only
/// `measure`, `row` and `suppressed` where the rate is not published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PublishedRate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub ci_high: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub ci_low: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub denominator: Option<u64>,
    /// `hospitalisation_rate` or `death_rate`.
    pub measure: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub numerator: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub rate: Option<f64>,
    pub row: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    /// Always true where present.
    pub suppressed: Option<bool>,
}

impl PublishedRate {
    /// The rate with its interval (rate, low, high), `None` where it is suppressed.
    pub fn estimate(&self) -> Option<(f64, f64, f64)> {
        Some((self.rate?, self.ci_low?, self.ci_high?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(cells: &[(&str, Option<&str>, u64)]) -> Counts {
        Counts { cells: cells.iter().map(|(r, c, v)| (r.to_string(), c.map(str::to_string), *v)).collect() }
    }

    #[test]
    fn linked_tables_share_margins() {
        let t3 = &TABLES[2];
        let t4 = &TABLES[3];
        let m = build(
            10,
            5,
            vec![
                (t3, counts(&[("18-39", Some("female"), 4), ("18-39", Some("male"), 3), ("40-59", Some("female"), 3)])),
                (t4, counts(&[("biologic", Some("1"), 6), ("no_systemic", Some("2"), 4)])),
            ],
        );
        let n = m.key_index("n").unwrap();
        assert_eq!(m.cells[n].value, 10);
        assert_eq!(m.cells[m.key_index("sex=female").unwrap()].value, 7);
        assert_eq!(m.cells[m.key_index("age_band=18-39").unwrap()].value, 7);
        // Both tables' totals are the one grand total.
        assert!(m.relations.iter().filter(|r| r.total == n).count() >= 3);
        // Every relation holds on the true values.
        for r in &m.relations {
            let sum: u64 = r.members.iter().map(|&i| m.cells[i].value).sum();
            assert_eq!(sum, m.cells[r.total].value, "{r:?}");
        }
    }

    #[test]
    fn small_countries_become_other() {
        let t2 = &TABLES[1];
        let m = build(20, 5, vec![(t2, counts(&[("GB", None, 12), ("IS", None, 2), ("MT", None, 1), ("NO", None, 5)]))]);
        let keys: Vec<&str> = m.cells.iter().map(|c| c.key.as_str()).collect();
        assert!(keys.contains(&"country=other") && !keys.contains(&"country=IS"), "{keys:?}");
        assert_eq!(m.cells[m.key_index("country=other").unwrap()].value, 3);
    }

    #[test]
    fn rates_only_where_publishable() {
        let t = &TABLES[4];
        let m = build(
            40,
            5,
            vec![(t, counts(&[("biologic", Some("true"), 9), ("biologic", Some("false"), 21), ("no_systemic", Some("false"), 10)]))],
        );
        let hidden = vec![false; m.cells.len()];
        let tables = render(Registry::Psoriasis, &m, &hidden, 5);
        let rates = &tables[0].rates;
        let bio = rates.iter().find(|r| r.row == "biologic").unwrap();
        assert_eq!(bio.numerator, Some(9));
        assert!((bio.ci_low.unwrap() - wilson(9, 30).0).abs() < 1e-6);
        // 0 of 10 hospitalised: numerator below k, so no rate.
        let none = rates.iter().find(|r| r.row == "no_systemic").unwrap();
        assert_eq!(none.suppressed, Some(true));
        assert_eq!(none.estimate(), None);
    }
}
