//! Table tests of the registries: examples, every validation rule on its own, de-identification, derived
//! columns, the JSON Schema, labels, the PHI canary corpus, and idempotence (proptest).

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde_json::{json, Value};

use super::form::kinds::{Field, Kind, Store};
use super::*;
use crate::deid::text::Scrubber;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 6, 1).unwrap()
}

fn scrubber() -> &'static Scrubber {
    static S: std::sync::OnceLock<Scrubber> = std::sync::OnceLock::new();
    S.get_or_init(Scrubber::new)
}

fn ctx(p: DiagnosisPrecision) -> IntakeContext<'static> {
    IntakeContext {
        scrubber: scrubber(),
        diagnosis_precision: p,
        free_text: FreeTextPolicy::Scrub,
    }
}

fn run(r: Registry, form: &Value) -> Result<Intake, ValidationErrors> {
    intake_on(r, form, &ctx(DiagnosisPrecision::Month), today())
}

fn example(r: Registry) -> Value {
    let path = format!(
        "{}/tests/examples/{}.json",
        env!("CARGO_MANIFEST_DIR"),
        r.id()
    );
    serde_json::from_str(&std::fs::read_to_string(&path).expect("example file"))
        .expect("example JSON")
}

/// RFC 7396 JSON merge patch.
fn merge(target: &mut Value, patch: &Value) {
    if let Value::Object(p) = patch {
        if !target.is_object() {
            *target = json!({});
        }
        let t = target.as_object_mut().unwrap();
        for (k, v) in p {
            if v.is_null() {
                t.remove(k);
            } else {
                merge(t.entry(k.clone()).or_insert(Value::Null), v);
            }
        }
    } else {
        *target = patch.clone();
    }
}

fn patched(r: Registry, patch: Value) -> Value {
    let mut f = example(r);
    merge(&mut f, &patch);
    f
}

// ------------------------------------------------------------------------------------------------------
// Registry

#[test]
fn registry_ids_round_trip() {
    for r in Registry::ALL {
        assert_eq!(Registry::parse(r.id()), Some(r));
        assert!(r.form_version().starts_with(r.id()));
        assert!(!r.title().is_empty());
    }
    assert_eq!(Registry::AtopicDermatitis.id(), "atopic-dermatitis");
    assert_eq!(Registry::General.form_version(), "general/1");
    assert_eq!(Registry::parse("atopic_dermatitis"), None);
}

// ------------------------------------------------------------------------------------------------------
// Examples

#[test]
fn examples_pass_intake() {
    for r in Registry::ALL {
        let i = run(r, &example(r)).unwrap_or_else(|e| panic!("{r}: {e}"));
        assert_eq!(i.derived.form_version, r.form_version());
        // the stored form is a valid input and comes back unchanged
        let again = run(r, &i.form).unwrap();
        assert_eq!(again.form, i.form, "{r}");
        assert_eq!(again.derived, i.derived, "{r}");
    }
}

#[test]
fn general_example_is_deidentified() {
    let i = run(Registry::General, &example(Registry::General)).unwrap();
    let f = &i.form;
    assert_eq!(
        i.report.removed,
        [
            "/patient/mrn",
            "/patient/name",
            "/reporter/email",
            "/reporter/name"
        ],
        "sorted because serde_json maps are sorted"
    );
    assert!(f["reporter"].get("name").is_none() && f["patient"].get("mrn").is_none());
    assert!(f["patient"].get("date_of_birth").is_none());
    assert_eq!(f["patient"]["age_years"], 37); // 1983-06-06 at 2021-03-12
    assert_eq!(f["patient"]["age_top_coded"], false);
    assert!(f["patient"].get("height_cm").is_none() && f["patient"].get("weight_kg").is_none());
    assert_eq!(f["patient"]["bmi"], 22.9); // 64.5 / 1.68^2 = 22.85
    assert_eq!(f["patient"]["country_of_residence"], "NO");
    assert_eq!(f["covid"]["diagnosis_date"], "2021-03");
    assert_eq!(f["covid"]["symptom_onset_day"], -3);
    assert!(f["covid"].get("symptom_onset_date").is_none());
    assert_eq!(f["covid"]["outcome"]["day"], 18);
    assert!(f["covid"]["outcome"].get("date").is_none());
    assert_eq!(
        f["notes"],
        "[NAME] noticed painful purple toes 3 days after the fever; resolved in 2 weeks."
    );
    let gen: Vec<(&str, &str)> = i
        .report
        .generalised
        .iter()
        .map(|g| (g.from.as_str(), g.to.as_str()))
        .collect();
    for pair in [
        ("/patient/date_of_birth", "/patient/age_years"),
        ("/patient/height_cm", "/patient/bmi"),
        ("/patient/weight_kg", "/patient/bmi"),
        ("/covid/symptom_onset_date", "/covid/symptom_onset_day"),
        ("/covid/outcome/date", "/covid/outcome/day"),
        ("/covid/diagnosis_date", "/covid/diagnosis_date"),
    ] {
        assert!(gen.contains(&pair), "{pair:?} in {gen:?}");
    }
    let notes = i
        .report
        .placeholders
        .iter()
        .find(|p| p.pointer == "/notes")
        .unwrap();
    assert_eq!(notes.total, 1);
    assert_eq!(notes.by_kind.get("name"), Some(&1));
    assert!(i
        .report
        .placeholders
        .iter()
        .any(|p| p.pointer == "/manifestations/1/morphology_other" && p.total == 0));
    let report = serde_json::to_string(&i.report).unwrap();
    for secret in ["Maria", "Olsen", "00123456", "1983", "Halvorsen"] {
        assert!(
            !report.contains(secret),
            "the report never echoes a removed value"
        );
        assert!(!f.to_string().contains(secret));
    }
}

#[test]
fn year_precision_stores_the_year_only() {
    let i = intake_on(
        Registry::General,
        &example(Registry::General),
        &ctx(DiagnosisPrecision::Year),
        today(),
    )
    .unwrap();
    assert_eq!(i.form["covid"]["diagnosis_date"], "2021");
    assert_eq!(i.derived.diagnosis_period, "2021");
    // relative days are computed from the exact diagnosis date given
    assert_eq!(i.form["covid"]["symptom_onset_day"], -3);
    let again = intake_on(
        Registry::General,
        &i.form,
        &ctx(DiagnosisPrecision::Year),
        today(),
    )
    .unwrap();
    assert_eq!(again.form, i.form);
    // a month-precision stored form patched under year precision becomes year precision
    let month = run(Registry::General, &example(Registry::General)).unwrap();
    let y = intake_on(
        Registry::General,
        &month.form,
        &ctx(DiagnosisPrecision::Year),
        today(),
    )
    .unwrap();
    assert_eq!(y.form["covid"]["diagnosis_date"], "2021");
}

#[test]
fn month_only_diagnosis_anchors_on_the_first_day() {
    let f = patched(
        Registry::General,
        json!({"covid": {"diagnosis_date": "2021-03", "symptom_onset_date": "2021-02-27", "outcome": {"date": null}},
               "patient": {"date_of_birth": "1983-03-02"}}),
    );
    let i = run(Registry::General, &f).unwrap();
    assert_eq!(i.form["covid"]["symptom_onset_day"], -2);
    assert_eq!(
        i.form["patient"]["age_years"], 37,
        "age at 2021-03-01, birthday on the 2nd not yet reached"
    );
    // a birth inside the diagnosis month is age 0, not an error
    let baby = patched(
        Registry::General,
        json!({"covid": {"diagnosis_date": "2021-03"}, "patient": {"date_of_birth": "2021-03-20"}}),
    );
    let baby = patched_value(
        baby,
        json!({"covid": {"symptom_onset_date": null, "outcome": {"date": null}}}),
    );
    assert_eq!(
        run(Registry::General, &baby).unwrap().form["patient"]["age_years"],
        0
    );
}

fn patched_value(mut v: Value, patch: Value) -> Value {
    merge(&mut v, &patch);
    v
}

// ------------------------------------------------------------------------------------------------------
// Every validation rule on its own: (registry, patch on the example, pointer, code)

fn rule_cases() -> Vec<(Registry, Value, &'static str, &'static str)> {
    use Registry::*;
    let many: Vec<Value> = (0..11)
        .map(|_| json!({"morphology": "urticarial", "timing": "with_symptoms"}))
        .collect();
    vec![
        (
            General,
            json!({"patient": {"sex": null}}),
            "/patient/sex",
            "required",
        ),
        (
            General,
            json!({"covid": {"outcome": null}}),
            "/covid/outcome",
            "required",
        ),
        (General, json!({"reporter": null}), "/reporter", "required"),
        (
            General,
            json!({"patient": {"favourite_colour": "blue"}}),
            "/patient/favourite_colour",
            "unknown_field",
        ),
        (
            General,
            json!({"covid": {"confirmed": true}}),
            "/covid/confirmed",
            "unknown_field",
        ),
        (Psoriasis, json!({"extra": 1}), "/extra", "unknown_field"),
        (
            General,
            json!({"covid": {"outcome": {"hospitalised": "yes"}}}),
            "/covid/outcome/hospitalised",
            "invalid_type",
        ),
        (
            General,
            json!({"patient": "Maria"}),
            "/patient",
            "invalid_type",
        ),
        (
            General,
            json!({"treatments": {"drug": "adalimumab"}}),
            "/treatments",
            "invalid_type",
        ),
        (
            General,
            json!({"patient": {"address": {"street": "1 Main St"}}}),
            "/patient/address",
            "invalid_type",
        ),
        (
            General,
            json!({"patient": {"sex": "woman"}}),
            "/patient/sex",
            "invalid_value",
        ),
        (
            General,
            json!({"comorbidities": ["asthma"]}),
            "/comorbidities/0",
            "invalid_value",
        ),
        (
            Psoriasis,
            json!({"treatments": [{"drug": "aspirin", "status_at_onset": "ongoing"}]}),
            "/treatments/0/drug",
            "invalid_value",
        ),
        (
            General,
            json!({"reporter": {"country": "XX"}}),
            "/reporter/country",
            "invalid_value",
        ),
        (
            General,
            json!({"reporter": {"country": "no"}}),
            "/reporter/country",
            "invalid_value",
        ),
        (
            Psoriasis,
            json!({"patient": {"age_years": 121}}),
            "/patient/age_years",
            "out_of_range",
        ),
        (
            Psoriasis,
            json!({"patient": {"age_years": -1}}),
            "/patient/age_years",
            "out_of_range",
        ),
        (
            Psoriasis,
            json!({"patient": {"age_years": 40.5}}),
            "/patient/age_years",
            "invalid_type",
        ),
        (
            Psoriasis,
            json!({"patient": {"age_years": null}}),
            "/patient/age_years",
            "required",
        ),
        (
            Psoriasis,
            json!({"patient": {"age_top_coded": true}}),
            "/patient/age_top_coded",
            "age_top_coded_requires_90",
        ),
        (
            General,
            json!({"patient": {"age_years": 30}}),
            "/patient/age_years",
            "inconsistent_with_date_of_birth",
        ),
        (
            General,
            json!({"patient": {"date_of_birth": "2021-04-01"}}),
            "/patient/date_of_birth",
            "date_of_birth_after_diagnosis",
        ),
        (
            General,
            json!({"patient": {"date_of_birth": "06/06/1983"}}),
            "/patient/date_of_birth",
            "invalid_date",
        ),
        (
            General,
            json!({"patient": {"date_of_birth": "1890-01-01"}}),
            "/patient/date_of_birth",
            "out_of_range",
        ),
        (
            General,
            json!({"covid": {"outcome": {"hospitalised": false, "icu": true}}}),
            "/covid/outcome/icu",
            "icu_requires_hospitalised",
        ),
        (
            General,
            json!({"covid": {"outcome": {"icu": null}}}),
            "/covid/outcome/icu",
            "required",
        ),
        (
            General,
            json!({"covid": {"outcome": {"hospitalised": false, "icu": null, "ventilation": "invasive"}}}),
            "/covid/outcome/ventilation",
            "ventilation_requires_hospitalised",
        ),
        (
            General,
            json!({"covid": {"outcome": {"died": true}}}),
            "/covid/outcome/status",
            "died_status_mismatch",
        ),
        (
            General,
            json!({"covid": {"outcome": {"status": "died"}}}),
            "/covid/outcome/status",
            "died_status_mismatch",
        ),
        (
            General,
            json!({"comorbidities": ["none", "diabetes"]}),
            "/comorbidities",
            "must_be_alone",
        ),
        (
            General,
            json!({"covid": {"symptoms": ["asymptomatic", "fever"]}}),
            "/covid/symptoms",
            "must_be_alone",
        ),
        (
            AtopicDermatitis,
            json!({"atopic_dermatitis": {"atopic_comorbidities": ["asthma", "none"]}}),
            "/atopic_dermatitis/atopic_comorbidities",
            "must_be_alone",
        ),
        (
            General,
            json!({"covid": {"symptoms": ["fever", "cough", "fever"]}}),
            "/covid/symptoms/2",
            "duplicate",
        ),
        (
            Psoriasis,
            json!({"treatments": [{"drug": "adalimumab", "status_at_onset": "ongoing"}, {"drug": "adalimumab", "status_at_onset": "paused_before_onset"}]}),
            "/treatments/1/drug",
            "duplicate",
        ),
        (
            Psoriasis,
            json!({"treatments": [{"drug": "other", "status_at_onset": "ongoing"}]}),
            "/treatments/0/other_name",
            "required",
        ),
        (
            Psoriasis,
            json!({"treatments": [{"drug": "other", "other_name": "  ", "status_at_onset": "ongoing"}]}),
            "/treatments/0/other_name",
            "required",
        ),
        (
            Psoriasis,
            json!({"treatments": [{"drug": "apremilast", "other_name": "x", "status_at_onset": "ongoing"}]}),
            "/treatments/0/other_name",
            "not_applicable",
        ),
        (
            Psoriasis,
            json!({"treatments": [{"drug": "apremilast"}]}),
            "/treatments/0/status_at_onset",
            "required",
        ),
        (
            General,
            json!({"manifestations": [{"morphology": "other", "timing": "with_symptoms"}]}),
            "/manifestations/0/morphology_other",
            "required",
        ),
        (
            General,
            json!({"manifestations": [{"morphology": "urticarial", "morphology_other": "x", "timing": "with_symptoms"}]}),
            "/manifestations/0/morphology_other",
            "not_applicable",
        ),
        (
            General,
            json!({"manifestations": null}),
            "/manifestations",
            "required",
        ),
        (
            General,
            json!({"manifestations": []}),
            "/manifestations",
            "required",
        ),
        (
            General,
            json!({"manifestations": many}),
            "/manifestations",
            "too_many_items",
        ),
        (
            General,
            json!({"manifestations": [{"morphology": "urticarial", "timing": "with_symptoms", "duration_days": 400}]}),
            "/manifestations/0/duration_days",
            "out_of_range",
        ),
        (
            General,
            json!({"manifestations": [{"morphology": "urticarial", "timing": "with_symptoms", "sites": ["feet", "feet"]}]}),
            "/manifestations/0/sites/1",
            "duplicate",
        ),
        (
            General,
            json!({"case_type": "existing_condition"}),
            "/existing_conditions",
            "required",
        ),
        (
            General,
            json!({"case_type": "existing_condition", "existing_conditions": []}),
            "/existing_conditions",
            "required",
        ),
        (
            General,
            json!({"case_type": "rash"}),
            "/case_type",
            "invalid_value",
        ),
        (
            AtopicDermatitis,
            json!({"covid": {"diagnosis_basis": "clinical_suspicion"}}),
            "/covid/diagnosis_basis",
            "laboratory_confirmation_required",
        ),
        (
            AtopicDermatitis,
            json!({"atopic_dermatitis": {"topical_only": true}}),
            "/atopic_dermatitis/topical_only",
            "topical_only_with_systemic_treatment",
        ),
        (
            AtopicDermatitis,
            json!({"atopic_dermatitis": {"severity_before_covid": {"iga": null}}}),
            "/atopic_dermatitis/severity_before_covid/iga",
            "required",
        ),
        (
            AtopicDermatitis,
            json!({"atopic_dermatitis": {"severity_before_covid": {"easi": 21.45}}}),
            "/atopic_dermatitis/severity_before_covid/easi",
            "too_many_decimals",
        ),
        (
            AtopicDermatitis,
            json!({"atopic_dermatitis": {"severity_before_covid": {"poem": 29}}}),
            "/atopic_dermatitis/severity_before_covid/poem",
            "out_of_range",
        ),
        (
            Psoriasis,
            json!({"psoriasis": {"severity_before_covid": {"pasi": 72.1}}}),
            "/psoriasis/severity_before_covid/pasi",
            "out_of_range",
        ),
        (
            Psoriasis,
            json!({"psoriasis": {"severity_before_covid": {"pasi": 12.34}}}),
            "/psoriasis/severity_before_covid/pasi",
            "too_many_decimals",
        ),
        (
            Psoriasis,
            json!({"psoriasis": {"psoriatic_arthritis": null}}),
            "/psoriasis/psoriatic_arthritis",
            "required",
        ),
        (
            Psoriasis,
            json!({"psoriasis": null}),
            "/psoriasis",
            "required",
        ),
        (
            Psoriasis,
            json!({"patient": {"bmi": 85}}),
            "/patient/bmi",
            "out_of_range",
        ),
        (
            Psoriasis,
            json!({"patient": {"bmi": 9.9}}),
            "/patient/bmi",
            "out_of_range",
        ),
        (
            Psoriasis,
            json!({"patient": {"bmi": null, "height_cm": 180, "weight_kg": 16}}),
            "/patient/height_cm",
            "bmi_out_of_range",
        ),
        (
            Psoriasis,
            json!({"patient": {"bmi": null, "height_cm": 180, "weight_kg": 16}}),
            "/patient/weight_kg",
            "bmi_out_of_range",
        ),
        (
            Psoriasis,
            json!({"patient": {"bmi": 20, "height_cm": 180, "weight_kg": 100}}),
            "/patient/bmi",
            "inconsistent_with_height_weight",
        ),
        (
            Psoriasis,
            json!({"patient": {"height_cm": 180}}),
            "/patient/weight_kg",
            "required",
        ),
        (
            Psoriasis,
            json!({"patient": {"weight_kg": 80}}),
            "/patient/height_cm",
            "required",
        ),
        (
            Psoriasis,
            json!({"patient": {"height_cm": 500, "weight_kg": 80}}),
            "/patient/height_cm",
            "out_of_range",
        ),
        (
            General,
            json!({"notes": "é".repeat(2001)}),
            "/notes",
            "too_long",
        ),
        (General, json!({"notes": 5}), "/notes", "invalid_type"),
        (
            Psoriasis,
            json!({"treatments": [{"drug": "other", "other_name": "x".repeat(201), "status_at_onset": "ongoing"}]}),
            "/treatments/0/other_name",
            "too_long",
        ),
        (
            General,
            json!({"manifestations": [{"morphology": "other", "morphology_other": "y".repeat(201), "timing": "with_symptoms"}]}),
            "/manifestations/0/morphology_other",
            "too_long",
        ),
        (
            General,
            json!({"covid": {"symptom_onset_date": "12/03/2021"}}),
            "/covid/symptom_onset_date",
            "invalid_date",
        ),
        (
            General,
            json!({"covid": {"symptom_onset_date": "2020-01-01"}}),
            "/covid/symptom_onset_date",
            "out_of_range",
        ),
        (
            General,
            json!({"covid": {"symptom_onset_day": 1}}),
            "/covid/symptom_onset_day",
            "inconsistent_with_date",
        ),
        (
            General,
            json!({"covid": {"outcome": {"date": "2021-02-30"}}}),
            "/covid/outcome/date",
            "invalid_date",
        ),
        (
            General,
            json!({"covid": {"diagnosis_date": "2019-06"}}),
            "/covid/diagnosis_date",
            "out_of_range",
        ),
        (
            General,
            json!({"covid": {"diagnosis_date": "2030-01-01"}}),
            "/covid/diagnosis_date",
            "out_of_range",
        ),
        (
            General,
            json!({"covid": {"diagnosis_date": "March 2021"}}),
            "/covid/diagnosis_date",
            "invalid_date",
        ),
        (
            General,
            json!({"covid": {"diagnosis_basis": null}}),
            "/covid/diagnosis_basis",
            "required",
        ),
        (
            General,
            json!({"covid": {"vaccination": "yes"}}),
            "/covid/vaccination",
            "invalid_value",
        ),
        (
            Psoriasis,
            json!({"treatments": (0..21).map(|_| json!({"drug": "other", "other_name": "x", "status_at_onset": "ongoing"})).collect::<Vec<_>>()}),
            "/treatments",
            "too_many_items",
        ),
    ]
}

#[test]
fn every_rule_on_its_own() {
    for (r, patch, pointer, code) in rule_cases() {
        let form = patched(r, patch.clone());
        let errs = match run(r, &form) {
            Ok(_) => panic!("{r} {patch}: accepted, expected {pointer} {code}"),
            Err(e) => e,
        };
        assert!(
            errs.has(pointer, code),
            "{r} {patch}: expected {pointer} {code}, got {errs}"
        );
        for e in &errs.0 {
            assert!(!e.detail.is_empty() && e.detail.ends_with('.'), "{e:?}");
            // the detail never carries a submitted value
            for v in [
                "blue",
                "Maria",
                "woman",
                "aspirin",
                "XX",
                "1890",
                "06/06",
                "rash",
                "12/03",
                "March 2021",
                "2030",
            ] {
                assert!(!e.detail.contains(v), "{e:?} leaks {v}");
            }
        }
    }
}

#[test]
fn all_problems_are_reported_at_once() {
    let form = patched(
        Registry::General,
        json!({"patient": {"sex": null, "hair": "red"}, "covid": {"outcome": {"hospitalised": false, "icu": true, "died": true}},
               "comorbidities": ["none", "cancer"]}),
    );
    let errs = run(Registry::General, &form).unwrap_err();
    for (p, c) in [
        ("/patient/sex", "required"),
        ("/patient/hair", "unknown_field"),
        ("/covid/outcome/icu", "icu_requires_hospitalised"),
        ("/covid/outcome/status", "died_status_mismatch"),
        ("/comorbidities", "must_be_alone"),
    ] {
        assert!(errs.has(p, c), "{p} {c} in {errs}");
    }
    assert_eq!(errs.0.len(), 5, "{errs}");
    assert!(run(Registry::General, &json!([1, 2]))
        .unwrap_err()
        .has("", "invalid_type"));
}

#[test]
fn atopic_dermatitis_refuses_suspected_cases_with_a_reason() {
    let form = patched(
        Registry::AtopicDermatitis,
        json!({"covid": {"diagnosis_basis": "clinical_suspicion"}}),
    );
    let errs = run(Registry::AtopicDermatitis, &form).unwrap_err();
    assert_eq!(errs.0.len(), 1);
    assert!(errs.0[0].detail.contains("laboratory-confirmed"));
    // the same form is fine in the psoriasis registry's shared core
    let pso = patched(
        Registry::Psoriasis,
        json!({"covid": {"diagnosis_basis": "clinical_suspicion"}}),
    );
    assert!(!run(Registry::Psoriasis, &pso).unwrap().derived.confirmed);
}

#[test]
fn limits_count_characters_not_bytes() {
    let ok = patched(Registry::General, json!({"notes": "é".repeat(2000)}));
    assert!(run(Registry::General, &ok).is_ok());
    let ok = patched(
        Registry::Psoriasis,
        json!({"treatments": [{"drug": "other", "other_name": "ü".repeat(200), "status_at_onset": "ongoing"}]}),
    );
    assert!(run(Registry::Psoriasis, &ok).is_ok());
}

#[test]
fn scrubbing_never_pushes_a_text_over_its_limit() {
    // "Jo" (2 chars) becomes "[NAME]" (6 chars) but counts as one: the stored text passes again.
    let notes = format!("{}{}", "Jo ok. ".repeat(250), "x".repeat(200));
    let form = patched(
        Registry::General,
        json!({"patient": {"name": "Jo"}, "notes": notes}),
    );
    let i = run(Registry::General, &form).unwrap();
    assert!(i.form["notes"].as_str().unwrap().chars().count() > 2000);
    assert_eq!(run(Registry::General, &i.form).unwrap().form, i.form);
}

#[test]
fn null_optional_fields_are_absent() {
    let form = patched(Registry::Psoriasis, json!({}));
    let mut with_nulls = form.clone();
    with_nulls["patient"]["ethnicity"] = Value::Null;
    with_nulls["notes"] = Value::Null;
    let a = run(Registry::Psoriasis, &with_nulls).unwrap();
    assert!(a.form["patient"].get("ethnicity").is_none());
    assert!(a.form.get("notes").is_none());
}

// ------------------------------------------------------------------------------------------------------
// Derived columns

#[test]
fn covid_severity_levels() {
    let cases = [
        (
            json!({"hospitalised": false, "icu": null, "ventilation": null, "died": false, "status": "recovered"}),
            1,
        ),
        (
            json!({"hospitalised": true, "icu": false, "ventilation": "oxygen", "died": false, "status": "recovered"}),
            2,
        ),
        (
            json!({"hospitalised": true, "icu": false, "ventilation": "invasive", "died": false, "status": "recovered"}),
            3,
        ),
        (
            json!({"hospitalised": true, "icu": true, "ventilation": null, "died": false, "status": "recovering"}),
            3,
        ),
        (
            json!({"hospitalised": true, "icu": true, "ventilation": "invasive", "died": true, "status": "died"}),
            4,
        ),
        (
            json!({"hospitalised": false, "icu": null, "ventilation": null, "died": true, "status": "died"}),
            4,
        ),
    ];
    for (outcome, level) in cases {
        let form = patched(Registry::General, json!({"covid": {"outcome": outcome}}));
        let d = run(Registry::General, &form).unwrap().derived;
        assert_eq!(d.covid_severity, level, "{outcome}");
        assert_eq!(d.died, level == 4);
        assert!(enum_label(Registry::General, "covid_severity", &level.to_string()).is_some());
    }
}

#[test]
fn treatment_category_priority() {
    let t = |drugs: &[&str]| -> Value {
        Value::Array(
            drugs
                .iter()
                .map(|d| {
                    let mut t = json!({"drug": d, "status_at_onset": "ongoing"});
                    if *d == "other" {
                        t["other_name"] = json!("herbal remedy");
                    }
                    t
                })
                .collect(),
        )
    };
    for (drugs, category) in [
        (&[][..], "no_systemic"),
        (&["other"][..], "other"),
        (&["other", "nb_uvb"][..], "phototherapy"),
        (
            &["puva", "apremilast", "other"][..],
            "non_biologic_systemic",
        ),
        (&["methotrexate", "secukinumab", "nb_uvb"][..], "biologic"),
    ] {
        let form = patched(Registry::Psoriasis, json!({"treatments": t(drugs)}));
        let d = run(Registry::Psoriasis, &form).unwrap().derived;
        assert_eq!(d.treatment_category, category, "{drugs:?}");
    }
    let mut form = patched(Registry::Psoriasis, json!({"treatments": null}));
    form.as_object_mut().unwrap().remove("treatments");
    assert_eq!(
        run(Registry::Psoriasis, &form)
            .unwrap()
            .derived
            .treatment_category,
        "no_systemic"
    );
}

#[test]
fn age_bands_and_top_coding() {
    for (age, band) in [
        (0, "0-17"),
        (17, "0-17"),
        (18, "18-39"),
        (39, "18-39"),
        (40, "40-59"),
        (60, "60-79"),
        (80, "80-89"),
        (89, "80-89"),
        (90, "90+"),
        (104, "90+"),
    ] {
        let form = patched(Registry::Psoriasis, json!({"patient": {"age_years": age}}));
        let i = run(Registry::Psoriasis, &form).unwrap();
        assert_eq!(i.derived.age_band, band, "{age}");
        assert_eq!(i.derived.age_years, age.min(90) as i16);
        assert_eq!(i.derived.age_top_coded, age >= 90);
        assert_eq!(i.form["patient"]["age_years"], age.min(90));
        assert_eq!(i.form["patient"]["age_top_coded"], age >= 90);
        if age > 90 {
            assert!(i
                .report
                .generalised
                .iter()
                .any(|g| g.from == "/patient/age_years"));
        }
    }
    // from a date of birth: 95 at diagnosis
    let form = patched(
        Registry::General,
        json!({"patient": {"date_of_birth": "1925-05-01"}}),
    );
    let i = run(Registry::General, &form).unwrap();
    assert_eq!(
        (
            i.derived.age_years,
            i.derived.age_top_coded,
            i.derived.age_band
        ),
        (90, true, "90+")
    );
    assert_eq!(run(Registry::General, &i.form).unwrap().form, i.form);
    assert_eq!(
        enum_label(Registry::General, "age_band", "90+"),
        Some("90 years or older")
    );
}

#[test]
fn bmi_from_height_and_weight_or_given() {
    let i = run(
        Registry::Psoriasis,
        &patched(
            Registry::Psoriasis,
            json!({"patient": {"bmi": null, "height_cm": 165, "weight_kg": 70}}),
        ),
    )
    .unwrap();
    assert_eq!(i.form["patient"]["bmi"], 25.7);
    assert_eq!(i.derived.bmi, Some(25.7));
    let i = run(
        Registry::Psoriasis,
        &patched(Registry::Psoriasis, json!({"patient": {"bmi": 24.26}})),
    )
    .unwrap();
    assert_eq!(i.form["patient"]["bmi"], 24.3);
    // consistent bmi together with height and weight is fine
    assert!(run(
        Registry::Psoriasis,
        &patched(
            Registry::Psoriasis,
            json!({"patient": {"bmi": 25.7, "height_cm": 165, "weight_kg": 70}})
        )
    )
    .is_ok());
    let none = run(
        Registry::Psoriasis,
        &patched(Registry::Psoriasis, json!({"patient": {"bmi": null}})),
    )
    .unwrap();
    assert_eq!(none.derived.bmi, None);
}

#[test]
fn derived_columns_and_facets() {
    let g = run(Registry::General, &example(Registry::General))
        .unwrap()
        .derived;
    assert!(g.confirmed && g.hospitalised && !g.icu && !g.died);
    assert_eq!(g.covid_severity, 2);
    assert_eq!(
        (g.diagnosis_basis.as_str(), g.diagnosis_period.as_str()),
        ("pcr", "2021-03")
    );
    assert_eq!(
        (g.sex.as_str(), g.country.as_str(), g.age_band),
        ("female", "NO", "18-39")
    );
    assert_eq!(g.case_type.as_deref(), Some("skin_manifestation"));
    assert_eq!(g.severity_before, None);
    assert_eq!(g.comorbidity_count, 1);
    let has = |d: &Derived, name: &str, value: &str, detail: Option<&str>| {
        d.facets
            .iter()
            .any(|f| f.name == name && f.value == value && f.detail.as_deref() == detail)
    };
    assert!(has(&g, "morphology", "pernio_like", Some("after_symptoms")));
    assert!(has(&g, "morphology", "other", Some("with_symptoms")));
    assert!(has(&g, "site", "acral", None) && has(&g, "site", "trunk", None));
    assert!(has(&g, "symptom", "anosmia", None));
    assert!(has(&g, "comorbidity", "hypertension", None));

    let p = run(Registry::Psoriasis, &example(Registry::Psoriasis))
        .unwrap()
        .derived;
    assert_eq!(p.severity_before.as_deref(), Some("moderate"));
    assert_eq!(p.flare_after.as_deref(), Some("no"));
    assert_eq!(p.treatment_category, "biologic");
    assert_eq!(p.comorbidity_count, 2);
    assert!(has(&p, "drug", "adalimumab", Some("paused")));
    assert!(
        has(&p, "drug_class", "tnf_inhibitor", None)
            && has(&p, "drug_class", "conventional_systemic", None)
    );
    assert_eq!(p.case_type, None);

    let a = run(
        Registry::AtopicDermatitis,
        &example(Registry::AtopicDermatitis),
    )
    .unwrap()
    .derived;
    assert_eq!(a.severity_before.as_deref(), Some("moderate"));
    assert_eq!(a.comorbidity_count, 0);
    assert!(has(&a, "comorbidity", "none", None));
    assert!(has(&a, "atopic_comorbidity", "asthma", None));
    assert!(has(&a, "drug_class", "il4_il13_inhibitor", None));

    // facets are distinct per (name, value)
    for d in [&g, &p, &a] {
        let keys: BTreeSet<(&str, &str)> = d
            .facets
            .iter()
            .map(|f| (f.name, f.value.as_str()))
            .collect();
        assert_eq!(keys.len(), d.facets.len());
    }
    serde_json::to_value(&p).unwrap();
}

// ------------------------------------------------------------------------------------------------------
// JSON Schema

const KEYWORDS: &[&str] = &[
    "$schema",
    "$id",
    "$defs",
    "$ref",
    "title",
    "description",
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "oneOf",
    "anyOf",
    "allOf",
    "not",
    "if",
    "then",
    "else",
    "const",
    "minimum",
    "maximum",
    "minItems",
    "maxItems",
    "uniqueItems",
    "maxLength",
    "pattern",
    "format",
    "contains",
    "writeOnly",
];

fn check_keywords(v: &Value, at: &str) {
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                if k == "properties" || k == "$defs" {
                    for (name, sub) in child.as_object().expect("map of schemas") {
                        check_keywords(sub, &format!("{at}/{name}"));
                    }
                    continue;
                }
                if k.starts_with("x-") {
                    continue;
                }
                assert!(
                    KEYWORDS.contains(&k.as_str()),
                    "unexpected keyword {k} at {at}"
                );
                if matches!(
                    k.as_str(),
                    "const" | "required" | "type" | "pattern" | "format" | "title" | "description"
                ) {
                    continue;
                }
                check_keywords(child, &format!("{at}/{k}"));
            }
            if m.get("type") == Some(&json!("object")) {
                let props = m["properties"].as_object().unwrap();
                assert_eq!(m["additionalProperties"], false, "{at}");
                for r in m
                    .get("required")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    assert!(
                        props.contains_key(r.as_str().unwrap()),
                        "{at} requires unknown {r}"
                    );
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|c| check_keywords(c, at)),
        _ => {}
    }
}

fn check_covers(fields: &[Field], schema: &Value, at: &str) {
    let props = schema["properties"]
        .as_object()
        .unwrap_or_else(|| panic!("{at} has properties"));
    assert_eq!(props.len(), fields.len(), "{at}");
    for f in fields {
        let s = &props[f.name];
        assert_eq!(s["title"], f.label, "{at}/{}", f.name);
        match f.kind {
            Kind::Object(children) => check_covers(children, s, &format!("{at}/{}", f.name)),
            Kind::Array { item, .. } => {
                check_covers(item, &s["items"], &format!("{at}/{}", f.name))
            }
            Kind::Enum(values) => assert!(s["oneOf"].as_array().unwrap().len() <= values.len()),
            Kind::Identifying => assert_eq!(s["writeOnly"], true),
            _ => {}
        }
        if let Store::Into(_) = f.store {
            assert_eq!(s["writeOnly"], true);
        }
    }
}

#[test]
fn json_schema_is_2020_12_and_covers_every_field() {
    for r in Registry::ALL {
        let s = json_schema(r);
        assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
        assert_eq!(s["type"], "object");
        assert_eq!(s["x-form-version"], r.form_version());
        check_keywords(&s, "");
        let top: Vec<Field> = r.form().fields().copied().collect();
        check_covers(&top, &s, "");
        assert!(s["$defs"]["country"]["oneOf"].as_array().unwrap().len() > 240);
        assert!(s["x-rules"].as_array().unwrap().len() >= 5);
        // The form's order, for pages built from the schema (a JSON object has none).
        let order: Vec<&str> = s["x-order"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        assert_eq!(order, top.iter().map(|f| f.name).collect::<Vec<_>>());
    }
    let ad = json_schema(Registry::AtopicDermatitis);
    let bases: Vec<&str> = ad["properties"]["covid"]["properties"]["diagnosis_basis"]["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["const"].as_str().unwrap())
        .collect();
    assert_eq!(bases, ["pcr", "antigen", "antibody"]);
    let g = json_schema(Registry::General);
    let drug = &g["properties"]["treatments"]["items"]["properties"]["drug"];
    assert!(drug["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["const"] == "upadacitinib" && d["x-class"] == "jak_inhibitor"));
    assert_eq!(
        g["properties"]["patient"]["properties"]["sex"]["oneOf"][0],
        json!({"const": "female", "title": "Female"})
    );
    assert_eq!(g["properties"]["comorbidities"]["uniqueItems"], true);
}

#[test]
fn every_generalised_field_is_handled_by_intake() {
    fn collect(fields: &[Field], at: &str, out: &mut Vec<String>) {
        for f in fields {
            let p = format!("{at}/{}", f.name);
            if let Store::Into(_) = f.store {
                out.push(p.clone());
            }
            if let Some(c) = f.children() {
                collect(c, &p, out);
            }
        }
    }
    for r in Registry::ALL {
        let mut found = Vec::new();
        let top: Vec<Field> = r.form().fields().copied().collect();
        collect(&top, "", &mut found);
        found.sort();
        let mut handled: Vec<String> = super::intake::HANDLED_INTO
            .iter()
            .map(|s| s.to_string())
            .collect();
        handled.sort();
        assert_eq!(found, handled);
    }
}

// ------------------------------------------------------------------------------------------------------
// Labels

#[test]
fn enum_labels() {
    use Registry::*;
    assert_eq!(
        enum_label(General, "treatments/drug_class", "jak_inhibitor"),
        Some("JAK inhibitor")
    );
    assert_eq!(
        enum_label(General, "drug_class", "il17_inhibitor"),
        Some("IL-17 inhibitor")
    );
    assert_eq!(
        enum_label(Psoriasis, "treatment_category", "non_biologic_systemic"),
        Some("Non-biologic systemic")
    );
    assert_eq!(
        enum_label(Psoriasis, "treatment_category", "no_systemic"),
        Some("No systemic treatment")
    );
    assert_eq!(
        enum_label(Psoriasis, "treatments/drug", "certolizumab_pegol"),
        Some("Certolizumab pegol")
    );
    assert_eq!(
        enum_label(Psoriasis, "drug", "nb_uvb"),
        Some("Narrowband UVB")
    );
    assert_eq!(enum_label(General, "covid_severity", "4"), Some("Died"));
    assert_eq!(enum_label(General, "age_band", "0-17"), Some("0–17 years"));
    assert_eq!(
        enum_label(General, "confirmed", "false"),
        Some("Clinically suspected")
    );
    assert_eq!(enum_label(General, "patient/sex", "female"), Some("Female"));
    assert_eq!(enum_label(General, "sex", "male"), Some("Male"));
    assert_eq!(
        enum_label(General, "manifestations/morphology", "pernio_like"),
        Some("Pernio-like (\"COVID toes\")")
    );
    assert_eq!(
        enum_label(General, "morphology", "urticarial"),
        Some("Urticarial")
    );
    assert_eq!(
        enum_label(General, "timing", "before_symptoms"),
        None,
        "not a facet or column name"
    );
    assert_eq!(
        enum_label(General, "manifestations/timing", "before_symptoms"),
        Some("Before other COVID-19 symptoms")
    );
    assert_eq!(enum_label(General, "site", "acral"), Some("Acral"));
    assert_eq!(
        enum_label(General, "existing_condition", "hidradenitis_suppurativa"),
        Some("Hidradenitis suppurativa")
    );
    assert_eq!(
        enum_label(Psoriasis, "severity_before", "almost_clear"),
        Some("Almost clear (1)")
    );
    assert_eq!(
        enum_label(AtopicDermatitis, "severity_before", "severe"),
        Some("Severe (4)")
    );
    assert_eq!(
        enum_label(Psoriasis, "psoriasis/severity_before_covid/pga", "mild"),
        Some("Mild (2)")
    );
    assert_eq!(
        enum_label(AtopicDermatitis, "atopic_comorbidity", "food_allergy"),
        Some("Food allergy")
    );
    assert_eq!(
        enum_label(AtopicDermatitis, "flare_after", "yes"),
        Some("Yes")
    );
    assert_eq!(
        enum_label(General, "comorbidity", "none"),
        Some("None of these")
    );
    assert_eq!(
        enum_label(General, "symptom", "dyspnoea"),
        Some("Shortness of breath")
    );
    assert_eq!(enum_label(General, "country", "NO"), Some("Norway"));
    assert_eq!(
        enum_label(General, "diagnosis_basis", "pcr"),
        Some("PCR test")
    );
    assert_eq!(
        enum_label(General, "covid/outcome/icu", "true"),
        Some("Yes")
    );
    assert_eq!(
        enum_label(General, "treatments/changed_due_to_covid", "paused"),
        Some("Paused")
    );
    assert_eq!(enum_label(General, "patient/sex", "nope"), None);
    assert_eq!(
        enum_label(General, "psoriasis/type", "plaque"),
        None,
        "not in this registry"
    );
    assert_eq!(
        field_label(General, "covid/outcome/icu"),
        Some("Admitted to intensive care")
    );
}

// ------------------------------------------------------------------------------------------------------
// The PHI canary corpus: 120 valid forms full of identifying fields

#[test]
fn phi_canary_corpus_passes_intake() {
    let Some(text) = crate::deid::shared_corpus_text("phi-canaries.jsonl") else { return };
    let mut n = 0;
    for item in crate::deid::text::eval::parse_canaries(&text).expect("canary corpus") {
        let r = Registry::parse(&item.registry).unwrap();
        let i = run(r, &item.form).unwrap_or_else(|e| panic!("{}: {e}", item.id));
        n += 1;
        // every identifying field is removed and reported; its value appears nowhere in the stored form
        let stored = i.form.to_string().to_lowercase();
        for section in ["reporter", "patient"] {
            for (key, value) in item.form[section].as_object().unwrap() {
                let f = r.form().field_at(&format!("{section}/{key}")).unwrap();
                if matches!(f.kind, Kind::Identifying) {
                    let pointer = format!("/{section}/{key}");
                    assert!(i.report.removed.contains(&pointer), "{pointer}");
                    assert!(i.form.pointer(&pointer).is_none());
                    let v = value
                        .as_str()
                        .map(str::to_owned)
                        .unwrap_or_else(|| value.to_string());
                    assert!(
                        !stored.contains(&v.to_lowercase()),
                        "{}: {pointer} value leaked",
                        item.id
                    );
                }
            }
        }
        assert!(i.form["patient"].get("date_of_birth").is_none());
        let dob = item.form["patient"]["date_of_birth"].as_str().unwrap();
        assert!(!stored.contains(dob));
        for keep in &item.must_keep {
            assert!(
                i.form["notes"].as_str().unwrap().contains(keep.as_str()),
                "{}: must keep {keep}",
                item.id
            );
        }
        // and the stored form goes through intake unchanged
        assert_eq!(run(r, &i.form).unwrap().form, i.form, "{}", item.id);
    }
    assert_eq!(n, 120);
}

// ------------------------------------------------------------------------------------------------------
// Idempotence: intake(intake(x).form).form == intake(x).form

mod idempotence {
    use super::*;
    use proptest::prelude::*;

    const NAMES: &[&str] = &["Maria Olsen", "Chen Haddad", "Jo", "Åse Bø", "O'Neil"];

    fn date(base: (i32, u32, u32), offset: i64) -> NaiveDate {
        NaiveDate::from_ymd_opt(base.0, base.1, base.2).unwrap() + chrono::Duration::days(offset)
    }

    prop_compose! {
        fn outcome()(hosp in any::<bool>(), icu in any::<bool>(), died in any::<bool>(), vent in 0usize..5,
                     status in 0usize..4, day in prop::option::of(-30i64..120)) -> (Value, Option<i64>) {
            let mut o = json!({"hospitalised": hosp, "died": died,
                "status": if died { "died" } else { ["recovered", "recovering", "not_recovered", "unknown"][status] }});
            if hosp { o["icu"] = json!(icu); }
            let vents = ["none", "oxygen", "non_invasive", "invasive"];
            if vent < 4 && (hosp || vent != 3) { o["ventilation"] = json!(vents[vent]); }
            (o, day)
        }
    }

    prop_compose! {
        fn case()(reg in 0usize..3, diag in 0i64..1400, month_only in any::<bool>(), age in prop::option::of(0i64..=120),
                  dob_days in 0i64..(110 * 365), onset in prop::option::of(-20i64..20), (outcome, outcome_day) in outcome(),
                  body in 0usize..3, h in 120.0f64..200.0, w in 40.0f64..130.0, bmi in 15.0f64..45.0,
                  drugs in prop::collection::vec(0usize..34, 0..4), name in 0usize..5, morph in 0usize..13,
                  comorb in prop::collection::btree_set(0usize..11, 0..4), basis in 0usize..4,
                  notes in prop::option::of("[a-zA-Z0-9 ,.;()%-]{0,80}"), pasi in prop::option::of(0u32..720))
                  -> (Registry, Value) {
            let registry = Registry::ALL[reg];
            let diag_date = date((2020, 1, 1), diag);
            let mut f = example(registry);
            f["covid"]["diagnosis_date"] = json!(if month_only { diag_date.format("%Y-%m").to_string() } else { diag_date.to_string() });
            let anchor = if month_only { date((2020, 1, 1), diag) - chrono::Duration::days(i64::from(chrono::Datelike::day(&diag_date)) - 1) } else { diag_date };
            f["covid"].as_object_mut().unwrap().remove("symptom_onset_date");
            if let Some(o) = onset { f["covid"]["symptom_onset_date"] = json!((anchor + chrono::Duration::days(o)).to_string()); }
            let mut outcome = outcome;
            if let Some(d) = outcome_day { outcome["date"] = json!((anchor + chrono::Duration::days(d)).to_string()); }
            f["covid"]["outcome"] = outcome;
            let p = f["patient"].as_object_mut().unwrap();
            for k in ["age_years", "date_of_birth", "height_cm", "weight_kg", "bmi"] { p.remove(k); }
            match age {
                Some(a) => { p.insert("age_years".into(), json!(a)); }
                None => { p.insert("date_of_birth".into(), json!((anchor - chrono::Duration::days(dob_days)).to_string())); }
            }
            match body {
                0 => {}
                1 => { p.insert("height_cm".into(), json!(h)); p.insert("weight_kg".into(), json!(w)); }
                _ => { p.insert("bmi".into(), json!(bmi)); }
            }
            p.insert("name".into(), json!(NAMES[name]));
            let all: Vec<&str> = crate::registry::form::drugs::drugs().map(|(d, _)| d.value).collect();
            let mut seen = BTreeSet::new();
            let treatments: Vec<Value> = drugs.iter().filter(|d| seen.insert(**d)).map(|d| {
                let mut t = json!({"drug": all[*d], "status_at_onset": "ongoing", "changed_due_to_covid": "paused"});
                if all[*d] == "other" { t["other_name"] = json!(format!("cream from {}", NAMES[name])); }
                t
            }).collect();
            f["treatments"] = Value::Array(treatments);
            let cm = crate::registry::form::core::COMORBIDITIES;
            f["comorbidities"] = if comorb.contains(&10) { json!(["none"]) } else { json!(comorb.iter().map(|i| cm[*i].value).collect::<Vec<_>>()) };
            let bases = ["pcr", "antigen", "antibody", "clinical_suspicion"];
            f["covid"]["diagnosis_basis"] = json!(if registry == Registry::AtopicDermatitis { bases[basis % 3] } else { bases[basis] });
            match notes {
                Some(n) => f["notes"] = json!(format!("{n} {} {n}", NAMES[name])),
                None => { f.as_object_mut().unwrap().remove("notes"); }
            }
            match registry {
                Registry::General => {
                    let m = crate::registry::form::general::MORPHOLOGIES[morph].value;
                    let mut item = json!({"morphology": m, "timing": "with_symptoms"});
                    if m == "other" { item["morphology_other"] = json!(format!("plaques, {}", NAMES[name])); }
                    f["manifestations"] = json!([item]);
                }
                Registry::Psoriasis => {
                    let s = &mut f["psoriasis"]["severity_before_covid"];
                    s.as_object_mut().unwrap().remove("pasi");
                    if let Some(x) = pasi { s["pasi"] = json!(f64::from(x) / 10.0); }
                }
                Registry::AtopicDermatitis => {
                    f["atopic_dermatitis"]["topical_only"] = json!(false);
                }
            }
            (registry, f)
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]
        #[test]
        fn intake_is_idempotent((registry, form) in case(), year in any::<bool>()) {
            let p = if year { DiagnosisPrecision::Year } else { DiagnosisPrecision::Month };
            let first = intake_on(registry, &form, &ctx(p), today());
            // generated forms are valid except where a height/weight pair gives an impossible BMI
            let first = match first {
                Ok(i) => i,
                Err(e) => {
                    prop_assert!(e.0.iter().all(|e| e.code == "bmi_out_of_range"), "{}: {}", e, form);
                    return Ok(());
                }
            };
            let second = intake_on(registry, &first.form, &ctx(p), today()).map_err(|e| TestCaseError::fail(format!("{e}")))?;
            prop_assert_eq!(&second.form, &first.form);
            prop_assert_eq!(&second.derived, &first.derived);
            prop_assert!(second.report.removed.is_empty());
            prop_assert!(!first.form.to_string().contains(NAMES[0]));
        }
    }
}

/// `cargo test --release -- --ignored --nocapture bench`: intake throughput on the three examples.
#[test]
#[ignore]
fn bench_intake() {
    let forms: Vec<(Registry, Value)> = Registry::ALL.iter().map(|r| (*r, example(*r))).collect();
    let n = 30_000;
    let start = std::time::Instant::now();
    for i in 0..n {
        let (r, f) = &forms[i % 3];
        run(*r, f).unwrap();
    }
    let el = start.elapsed();
    eprintln!(
        "{n} intakes in {el:?} ({:.1} µs each)",
        el.as_secs_f64() * 1e6 / n as f64
    );
}

#[test]
fn registry_serialises_as_its_id() {
    assert_eq!(
        serde_json::to_value(Registry::AtopicDermatitis).unwrap(),
        json!("atopic-dermatitis")
    );
    assert_eq!(
        serde_json::from_value::<Registry>(json!("psoriasis")).unwrap(),
        Registry::Psoriasis
    );
    assert!(serde_json::from_value::<Registry>(json!("nope")).is_err());
}

/// `cargo test -- --ignored dump_schemas`: writes the three JSON Schemas to `target/schemas/` for review.
#[test]
#[ignore]
fn dump_schemas() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/target/schemas");
    std::fs::create_dir_all(dir).unwrap();
    for r in Registry::ALL {
        let s = serde_json::to_string_pretty(&json_schema(r)).unwrap();
        std::fs::write(format!("{dir}/{}.json", r.id()), s).unwrap();
        let stored = run(r, &example(r)).unwrap();
        let out = serde_json::to_string_pretty(
            &json!({"form": stored.form, "derived": stored.derived, "report": stored.report}),
        )
        .unwrap();
        std::fs::write(format!("{dir}/stored-{}.json", r.id()), out).unwrap();
    }
}
