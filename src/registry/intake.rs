//! Intake: validate -> de-identify -> derive, all in memory. Nothing of a refused form leaves this function
//! except the pointers and codes of its problems.
//!
//! The stored form is itself a valid input (it is what a JSON merge patch is applied to), so
//! `intake(intake(x).form) == intake(x).form`.

use std::collections::BTreeMap;

use chrono::{NaiveDate, Utc};
use serde::Serialize;
use serde_json::{Map, Value};

use super::form::core::{age_band, LABORATORY_CONFIRMED};
use super::form::drugs;
use super::form::kinds::{FacetSource, FormDef, Kind};
use super::validate::{codes, walk, FieldError, ValidationErrors};
use super::Registry;
use crate::deid::fields::{
    age_in_years, bmi, parse_date, relative_days, round1, top_code_age, DiagnosisPrecision,
    PartialDate,
};
use crate::deid::text::Scrubber;
use crate::i18n::{mostly_unreadable, Arg, Message};

pub struct IntakeContext<'a> {
    pub scrubber: &'a Scrubber,
    pub diagnosis_precision: DiagnosisPrecision,
    pub free_text: FreeTextPolicy,
}

/// What happens to free-text fields (`DERMREG_FREE_TEXT`). Some ethics boards allow no free text at
/// all, however well scrubbed: `Drop` accepts it (a clinic system cannot always leave it out) and
/// stores [`NOT_STORED`] in its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FreeTextPolicy {
    /// Identifying details are removed and the rest is stored (the default).
    #[default]
    Scrub,
    /// Nothing of the text is stored.
    Drop,
}

/// What a free-text field holds under [`FreeTextPolicy::Drop`]: a marker, not an absence, so that a
/// field required with another one ("Other" drug -> its name) keeps the stored form valid, and a reader
/// sees that text was given but not kept.
pub const NOT_STORED: &str = "[NOT STORED]";

/// An accepted case.
#[derive(Debug, Clone, Serialize)]
pub struct Intake {
    /// The de-identified form, as stored and returned.
    pub form: Value,
    pub derived: Derived,
    pub report: DeidReport,
}

/// What de-identification did (returned to the submitter; it never contains a removed value).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DeidReport {
    /// Pointers of identifying fields that were removed.
    pub removed: Vec<String>,
    /// Fields replaced by a coarser one (`/patient/date_of_birth` -> `/patient/age_years`).
    pub generalised: Vec<Generalised>,
    /// For every free-text field of the stored form, the placeholders put into it.
    pub placeholders: Vec<PlaceholderCount>,
    /// Free-text fields whose text was not stored at all (`DERMREG_FREE_TEXT=drop`, or a text the
    /// scrubber cannot read).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_stored: Vec<String>,
    /// Those of `not_stored` written mostly in a script no language pack of the scrubber reads
    /// (Arabic, Japanese, ...): names in them could not be found, so the text is not kept.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unreadable: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Generalised {
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlaceholderCount {
    pub pointer: String,
    pub total: u32,
    pub by_kind: BTreeMap<&'static str, u32>,
}

/// Single-valued columns summaries group by, computed from the stored form (never stored in it).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Derived {
    /// e.g. `general/1`.
    pub form_version: String,
    /// `covid.diagnosis_basis` is `pcr`, `antigen` or `antibody`.
    pub confirmed: bool,
    pub diagnosis_basis: String,
    /// The stored diagnosis date: `2021-03`, or `2021` under year precision.
    pub diagnosis_period: String,
    /// 1 not hospitalised, 2 hospitalised without ICU or invasive ventilation, 3 ICU or invasive
    /// ventilation, 4 died.
    pub covid_severity: i16,
    pub hospitalised: bool,
    /// `false` when not given (only allowed for a patient not hospitalised).
    pub icu: bool,
    pub died: bool,
    /// Top-coded: 90 stands for 90 or over.
    pub age_years: i16,
    pub age_top_coded: bool,
    /// `0-17`, `18-39`, `40-59`, `60-79`, `80-89`, `90+`.
    pub age_band: &'static str,
    pub sex: String,
    /// `reporter.country` (where care was given).
    pub country: String,
    pub bmi: Option<f64>,
    /// The highest-priority category among the treatments (biologic > non_biologic_systemic >
    /// phototherapy > other), `no_systemic` without any.
    pub treatment_category: &'static str,
    /// Number of comorbidities, `none` not counted.
    pub comorbidity_count: i16,
    /// Psoriasis PGA or atopic dermatitis IGA before COVID-19 (shared scale); `None` for `general`.
    pub severity_before: Option<String>,
    /// `flare_after_covid` of the psoriasis / atopic dermatitis module.
    pub flare_after: Option<String>,
    /// `general` only.
    pub case_type: Option<String>,
    /// Multi-valued items, one row each, distinct per (name, value).
    pub facets: Vec<Facet>,
}

/// One multi-valued item of a case. Names: `comorbidity`, `symptom`, `drug` (detail:
/// `changed_due_to_covid`), `drug_class`, `morphology` (detail: `timing`), `site`, `existing_condition`,
/// `atopic_comorbidity`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Facet {
    pub name: &'static str,
    pub value: String,
    pub detail: Option<String>,
}

/// Validate, de-identify and derive a submitted (or patched) case.
pub fn intake(
    registry: Registry,
    raw: &Value,
    ctx: &IntakeContext,
) -> Result<Intake, ValidationErrors> {
    intake_on(registry, raw, ctx, Utc::now().date_naive())
}

/// [`intake`] with a fixed "today" (dates after tomorrow are refused as in the future).
pub fn intake_on(
    registry: Registry,
    raw: &Value,
    ctx: &IntakeContext,
    today: NaiveDate,
) -> Result<Intake, ValidationErrors> {
    let def = registry.form();
    let (mut out, mut w) = walk(def, raw, today);
    let mut report = DeidReport {
        removed: std::mem::take(&mut w.removed),
        ..DeidReport::default()
    };
    if let Some(dob) = raw.pointer(DOB).and_then(Value::as_str) {
        w.known.push(dob.into());
    }
    generalise(
        def,
        &mut out,
        ctx.diagnosis_precision,
        &mut w.errors,
        &mut report,
    );
    if !w.errors.is_empty() {
        return Err(ValidationErrors(w.errors));
    }

    let known: Vec<&str> = w.known.iter().map(|k| k.as_ref()).collect();
    let mut form = Value::Object(out);
    for pointer in w.free_text {
        let Some(Value::String(text)) = form.pointer_mut(&pointer) else {
            continue;
        };
        let unreadable = mostly_unreadable(text);
        if ctx.free_text == FreeTextPolicy::Drop || unreadable {
            *text = NOT_STORED.to_owned();
            if unreadable {
                report.unreadable.push(pointer.clone());
            }
            report.not_stored.push(pointer);
            continue;
        }
        let scrubbed = ctx.scrubber.scrub(text, &known);
        let mut by_kind = BTreeMap::new();
        for (p, n) in &scrubbed.counts {
            if *n > 0 {
                *by_kind.entry(p.as_str()).or_insert(0) += n;
            }
        }
        report.placeholders.push(PlaceholderCount {
            pointer,
            total: scrubbed.total(),
            by_kind,
        });
        *text = scrubbed.text;
    }

    let derived = derive(def, &form);
    Ok(Intake {
        form,
        derived,
        report,
    })
}

// Pointers of the fields de-identification rewrites (all marked `Store::Into` in `form/core.rs`; a test
// checks that every such field is handled here).
const DOB: &str = "/patient/date_of_birth";
const AGE: &str = "/patient/age_years";
const AGE_TOP_CODED: &str = "/patient/age_top_coded";
const HEIGHT: &str = "/patient/height_cm";
const WEIGHT: &str = "/patient/weight_kg";
const BMI: &str = "/patient/bmi";
const DIAGNOSIS_DATE: &str = "/covid/diagnosis_date";
/// Dates stored as whole days relative to the diagnosis: (date, day).
const RELATIVE_DATES: &[(&str, &str)] = &[
    ("/covid/symptom_onset_date", "/covid/symptom_onset_day"),
    ("/covid/outcome/date", "/covid/outcome/day"),
];
#[cfg(test)]
pub(crate) const HANDLED_INTO: &[&str] = &[
    DOB,
    HEIGHT,
    WEIGHT,
    RELATIVE_DATES[0].0,
    RELATIVE_DATES[1].0,
];

/// Split a pointer into (parent pointer, key).
fn split(pointer: &'static str) -> (&'static str, &'static str) {
    let i = pointer.rfind('/').expect("pointer");
    (&pointer[..i], &pointer[i + 1..])
}

fn object_at<'v>(
    form: &'v mut Map<String, Value>,
    parent: &str,
) -> Option<&'v mut Map<String, Value>> {
    let mut cur = form;
    for seg in parent.split('/').skip(1) {
        cur = cur.get_mut(seg)?.as_object_mut()?;
    }
    Some(cur)
}

fn take(form: &mut Map<String, Value>, pointer: &'static str) -> Option<Value> {
    let (parent, key) = split(pointer);
    object_at(form, parent)?.remove(key)
}

fn put(form: &mut Map<String, Value>, pointer: &'static str, v: Value) {
    let (parent, key) = split(pointer);
    if let Some(obj) = object_at(form, parent) {
        obj.insert(key.to_owned(), v);
    }
}

fn read<'v>(form: &'v Map<String, Value>, pointer: &str) -> Option<&'v Value> {
    let mut segs = pointer.split('/').skip(1);
    let mut cur = form.get(segs.next()?)?;
    for seg in segs {
        cur = cur.get(seg)?;
    }
    Some(cur)
}

fn integer_range(def: &FormDef, pointer: &str) -> (i64, i64) {
    match def.field_at(pointer).map(|f| f.kind) {
        Some(Kind::Integer { min, max }) => (min, max),
        _ => unreachable!("{pointer} is an integer field of the definition"),
    }
}

/// The structured generalisations of `deidentification.md`, on the walked form, one step each in the
/// order they depend on each other. Inputs that failed validation are absent from `out`, so what
/// depends on them is skipped (their errors are already there).
fn generalise(
    def: &FormDef,
    out: &mut Map<String, Value>,
    precision: DiagnosisPrecision,
    errors: &mut Vec<FieldError>,
    report: &mut DeidReport,
) {
    let diagnosis = read(out, DIAGNOSIS_DATE).and_then(Value::as_str).and_then(PartialDate::parse);
    let given_age = read(out, AGE).and_then(Value::as_i64);
    let mut form = Generalising { def, out, errors, report };
    // (the identifying dates are taken out of the form even when there is no diagnosis to count from)
    form.age_from_birth(diagnosis, given_age);
    form.top_code_age(given_age);
    form.bmi_from_measures();
    form.residence_from_reporter();
    form.days_from_diagnosis(diagnosis);
    if let Some(diagnosis) = diagnosis {
        form.diagnosis_month(diagnosis, precision);
    }
}

/// The form being generalised, with where its problems and its generalisations are recorded.
struct Generalising<'a> {
    def: &'a FormDef,
    out: &'a mut Map<String, Value>,
    errors: &'a mut Vec<FieldError>,
    report: &'a mut DeidReport,
}

impl Generalising<'_> {
    fn generalised(&mut self, from: &str, to: &str) {
        self.report.generalised.push(Generalised { from: from.to_owned(), to: to.to_owned() });
    }

    /// Date of birth -> age in whole years at diagnosis (first day of the diagnosis month or year when
    /// the day is not known; a birth later in that month counts as age 0).
    fn age_from_birth(&mut self, diagnosis: Option<PartialDate>, given_age: Option<i64>) {
        let dob = take(self.out, DOB).as_ref().and_then(Value::as_str).and_then(parse_date);
        let (Some(dob), Some(diagnosis)) = (dob, diagnosis) else { return };
        let (min_age, max_age) = integer_range(self.def, AGE);
        if dob > diagnosis.last_day() {
            self.errors.push(FieldError::say(DOB, "date_of_birth_after_diagnosis", Message::new("error-date-of-birth-after-diagnosis")));
            return;
        }
        let age = i64::from(age_in_years(dob, diagnosis.first_day()).max(0));
        let oldest = i64::from(age_in_years(dob, diagnosis.last_day()).max(0));
        if age > max_age || age < min_age {
            self.errors.push(FieldError::say(
                DOB,
                codes::OUT_OF_RANGE,
                Message::new("error-age-from-date-of-birth").arg("min", Arg::Int(min_age)).arg("max", Arg::Int(max_age)),
            ));
            return;
        }
        let tc = |a: i64| i64::from(top_code_age(a as i32).0);
        if given_age.is_some_and(|given| tc(given) < tc(age) || tc(given) > tc(oldest)) {
            self.errors.push(FieldError::say(AGE, "inconsistent_with_date_of_birth", Message::new("error-age-inconsistent")));
        }
        put(self.out, AGE, Value::from(age));
        self.generalised(DOB, AGE);
    }

    /// Ages of 90 and over -> 90 with the flag.
    fn top_code_age(&mut self, given_age: Option<i64>) {
        let Some(age) = read(self.out, AGE).and_then(Value::as_i64) else { return };
        let (stored, top_coded) = top_code_age(age as i32);
        if i64::from(stored) != age {
            put(self.out, AGE, Value::from(stored));
            if given_age == Some(age) {
                self.generalised(AGE, AGE);
            }
        }
        put(self.out, AGE_TOP_CODED, Value::Bool(top_coded));
    }

    /// Height and weight -> BMI with one decimal (a BMI given alone is rounded to one decimal).
    fn bmi_from_measures(&mut self) {
        let height = take(self.out, HEIGHT).and_then(|v| v.as_f64());
        let weight = take(self.out, WEIGHT).and_then(|v| v.as_f64());
        let given_bmi = read(self.out, BMI).and_then(Value::as_f64);
        let (Some(h), Some(w)) = (height, weight) else {
            if let Some(b) = given_bmi.filter(|b| round1(*b) != *b) {
                put(self.out, BMI, Value::from(round1(b)));
                self.generalised(BMI, BMI);
            }
            return;
        };
        let computed = bmi(h, w);
        let (min, max) = match self.def.field_at(BMI).map(|f| f.kind) {
            Some(Kind::Number { min, max, .. }) => (min, max),
            _ => unreachable!("bmi is a number field"),
        };
        if !(min..=max).contains(&computed) {
            for p in [HEIGHT, WEIGHT] {
                self.errors.push(FieldError::say(
                    p,
                    "bmi_out_of_range",
                    Message::new("error-bmi-out-of-range").arg("min", Arg::Text(min.to_string())).arg("max", Arg::Text(max.to_string())),
                ));
            }
            return;
        }
        if given_bmi.is_some_and(|b| (round1(b) - computed).abs() > 0.1 + 1e-9) {
            self.errors.push(FieldError::say(BMI, "inconsistent_with_height_weight", Message::new("error-bmi-inconsistent")));
        }
        put(self.out, BMI, Value::from(computed));
        self.generalised(HEIGHT, BMI);
        self.generalised(WEIGHT, BMI);
    }

    /// Country of residence defaults to the country where care was given.
    fn residence_from_reporter(&mut self) {
        if read(self.out, "/patient/country_of_residence").is_none() {
            if let Some(c) = read(self.out, "/reporter/country").cloned() {
                put(self.out, "/patient/country_of_residence", c);
            }
        }
    }

    /// Other dates -> whole days relative to the diagnosis (its first day when only the month is known).
    fn days_from_diagnosis(&mut self, diagnosis: Option<PartialDate>) {
        for &(date_ptr, day_ptr) in RELATIVE_DATES {
            let date = take(self.out, date_ptr).as_ref().and_then(Value::as_str).and_then(parse_date);
            let (Some(date), Some(diagnosis)) = (date, diagnosis) else { continue };
            let day = relative_days(date, diagnosis.first_day());
            let (min, max) = integer_range(self.def, day_ptr);
            if day < min || day > max {
                self.errors.push(FieldError::say(
                    date_ptr,
                    codes::OUT_OF_RANGE,
                    Message::new("error-date-from-diagnosis").arg("before", Arg::Int(-min)).arg("after", Arg::Int(max)),
                ));
                continue;
            }
            if read(self.out, day_ptr).and_then(Value::as_i64).is_some_and(|given| given != day) {
                self.errors.push(FieldError::say(day_ptr, "inconsistent_with_date", Message::new("error-day-inconsistent")));
            }
            put(self.out, day_ptr, Value::from(day));
            self.generalised(date_ptr, day_ptr);
        }
    }

    /// Diagnosis date -> month (or year).
    fn diagnosis_month(&mut self, diagnosis: PartialDate, precision: DiagnosisPrecision) {
        if diagnosis.finer_than(precision) {
            put(self.out, DIAGNOSIS_DATE, Value::String(diagnosis.generalise(precision)));
            self.generalised(DIAGNOSIS_DATE, DIAGNOSIS_DATE);
        }
    }
}

fn str_at(form: &Value, pointer: &str) -> Option<String> {
    form.pointer(pointer)
        .and_then(Value::as_str)
        .map(str::to_owned)
}

fn bool_at(form: &Value, pointer: &str) -> bool {
    form.pointer(pointer)
        .and_then(Value::as_bool)
        .unwrap_or(false)
}

/// Collect `(value, detail)` pairs at a definition path (array items transparent).
fn collect<'v>(
    v: &'v Value,
    segs: &[&str],
    detail: Option<&str>,
    out: &mut Vec<(&'v str, Option<&'v str>)>,
) {
    match v {
        Value::Array(items) => items.iter().for_each(|i| collect(i, segs, detail, out)),
        Value::String(s) if segs.is_empty() => out.push((s, None)),
        Value::Object(m) if !segs.is_empty() => {
            let Some(child) = m.get(segs[0]) else { return };
            if segs.len() == 1 {
                if let Some(d) = detail {
                    if let Value::String(s) = child {
                        out.push((s, m.get(d).and_then(Value::as_str)));
                        return;
                    }
                }
            }
            collect(child, &segs[1..], detail, out)
        }
        _ => {}
    }
}

fn push_facet(facets: &mut Vec<Facet>, name: &'static str, value: &str, detail: Option<&str>) {
    if !facets.iter().any(|f| f.name == name && f.value == value) {
        facets.push(Facet {
            name,
            value: value.to_owned(),
            detail: detail.map(str::to_owned),
        });
    }
}

fn facets_of(src: &FacetSource, form: &Value, facets: &mut Vec<Facet>) {
    let segs: Vec<&str> = src.path.split('/').collect();
    let mut found = Vec::new();
    collect(form, &segs, src.detail, &mut found);
    for (value, detail) in found {
        push_facet(facets, src.name, value, detail);
    }
}

/// The summary columns of a stored (valid, de-identified) form.
pub(crate) fn derive(def: &FormDef, form: &Value) -> Derived {
    let column = |name: &str| {
        def.columns().find(|c| c.name == name).and_then(|c| {
            let mut p = String::with_capacity(c.path.len() + 1);
            p.push('/');
            p.push_str(c.path);
            str_at(form, &p)
        })
    };
    let diagnosis_basis = column("diagnosis_basis").unwrap_or_default();
    let hospitalised = bool_at(form, "/covid/outcome/hospitalised");
    let icu = bool_at(form, "/covid/outcome/icu");
    let died = bool_at(form, "/covid/outcome/died");
    let invasive = form
        .pointer("/covid/outcome/ventilation")
        .and_then(Value::as_str)
        == Some("invasive");
    let covid_severity = if died {
        4
    } else if icu || invasive {
        3
    } else if hospitalised {
        2
    } else {
        1
    };
    let age = form.pointer(AGE).and_then(Value::as_i64).unwrap_or(0) as i32;
    let mut facets = Vec::new();
    for src in def.facets() {
        facets_of(src, form, &mut facets);
    }
    let drug_values: Vec<&str> = facets
        .iter()
        .filter(|f| f.name == "drug")
        .map(|f| f.value.as_str())
        .collect();
    let treatment_category = drugs::treatment_category(drug_values.iter().copied());
    let classes: Vec<&'static str> = drug_values
        .iter()
        .filter_map(|d| drugs::drug(d))
        .map(|(_, c)| c.value)
        .collect();
    for class in classes {
        push_facet(&mut facets, "drug_class", class, None);
    }
    let comorbidity_count = facets
        .iter()
        .filter(|f| f.name == "comorbidity" && f.value != "none")
        .count() as i16;
    Derived {
        form_version: def.version.to_owned(),
        confirmed: LABORATORY_CONFIRMED.contains(&diagnosis_basis.as_str()),
        diagnosis_basis,
        diagnosis_period: str_at(form, DIAGNOSIS_DATE).unwrap_or_default(),
        covid_severity,
        hospitalised,
        icu,
        died,
        age_years: age as i16,
        age_top_coded: bool_at(form, AGE_TOP_CODED),
        age_band: age_band(age),
        sex: column("sex").unwrap_or_default(),
        country: column("country").unwrap_or_default(),
        bmi: form.pointer(BMI).and_then(Value::as_f64),
        treatment_category,
        comorbidity_count,
        severity_before: column("severity_before"),
        flare_after: column("flare_after"),
        case_type: column("case_type"),
        facets,
    }
}
