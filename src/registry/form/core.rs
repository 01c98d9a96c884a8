//! The common core shared by every registry (`registries.md`, "Common core"), the scales shared by the
//! modules, the derived scales summaries group by, and the core's cross-field rules.

use serde_json::Value;

use super::kinds::{
    get_array, get_bool, get_str, Column, Cond, EnumValue as V, FacetSource, Field, Kind, Req, Rule,
};
use crate::i18n::Message;
use crate::registry::validate::FieldError;

// ---------------------------------------------------------------------------------------------------------
// Shared scales

/// The five-point scale shared on purpose by the psoriasis PGA and the atopic dermatitis IGA.
pub const SEVERITY_SCALE: &[V] = &[
    V::new("clear", "choice-severity-clear"),
    V::new("almost_clear", "choice-severity-almost-clear"),
    V::new("mild", "choice-severity-mild"),
    V::new("moderate", "choice-severity-moderate"),
    V::new("severe", "choice-severity-severe"),
];

pub const YES_NO_UNKNOWN: &[V] = &[
    V::new("yes", "choice-yes-no-unknown-yes"),
    V::new("no", "choice-yes-no-unknown-no"),
    V::new("unknown", "choice-yes-no-unknown-unknown"),
];

// ---------------------------------------------------------------------------------------------------------
// Derived scales (not form fields; `Derived` and summaries use them)

/// COVID-19 severity, the ordinal scale every summary uses (values are `Derived::covid_severity`).
pub const COVID_SEVERITY: &[V] = &[
    V::new("1", "choice-covid-severity-1"),
    V::new("2", "choice-covid-severity-2"),
    V::new("3", "choice-covid-severity-3"),
    V::new("4", "choice-covid-severity-4"),
];

/// `Derived::confirmed`.
pub const CONFIRMATION: &[V] = &[
    V::new("true", "choice-confirmation-true"),
    V::new("false", "choice-confirmation-false"),
];

/// Age bands (`Derived::age_band`) with their inclusive upper bound; the last is open (`90+`).
pub const AGE_BANDS: &[(i32, V)] = &[
    (17, V::new("0-17", "choice-age-band-0-17")),
    (39, V::new("18-39", "choice-age-band-18-39")),
    (59, V::new("40-59", "choice-age-band-40-59")),
    (79, V::new("60-79", "choice-age-band-60-79")),
    (89, V::new("80-89", "choice-age-band-80-89")),
    (i32::MAX, V::new("90+", "choice-age-band-90-plus")),
];

pub fn age_band(age_years: i32) -> &'static str {
    AGE_BANDS
        .iter()
        .find(|(max, _)| age_years <= *max)
        .map_or("90+", |(_, v)| v.value)
}

/// Diagnosis bases that count as laboratory confirmed.
pub const LABORATORY_CONFIRMED: &[&str] = &["pcr", "antigen", "antibody"];

// ---------------------------------------------------------------------------------------------------------
// Enumerations of the core

pub const SPECIALTIES: &[V] = &[
    V::new("dermatology", "choice-specialty-dermatology"),
    V::new("rheumatology", "choice-specialty-rheumatology"),
    V::new("internal_medicine", "choice-specialty-internal-medicine"),
    V::new("general_practice", "choice-specialty-general-practice"),
    V::new("paediatrics", "choice-specialty-paediatrics"),
    V::new("infectious_disease", "choice-specialty-infectious-disease"),
    V::new("other", "choice-specialty-other"),
];

pub const SEXES: &[V] = &[
    V::new("female", "choice-sex-female"),
    V::new("male", "choice-sex-male"),
    V::new("other", "choice-sex-other"),
    V::new("unknown", "choice-sex-unknown"),
];

pub const ETHNICITIES: &[V] = &[
    V::new("white", "choice-ethnicity-white"),
    V::new("black", "choice-ethnicity-black"),
    V::new("asian", "choice-ethnicity-asian"),
    V::new("mixed", "choice-ethnicity-mixed"),
    V::new("other", "choice-ethnicity-other"),
    V::new("unknown", "choice-ethnicity-unknown"),
];

pub const SMOKING: &[V] = &[
    V::new("never", "choice-smoking-never"),
    V::new("former", "choice-smoking-former"),
    V::new("current", "choice-smoking-current"),
    V::new("unknown", "choice-smoking-unknown"),
];

pub const COMORBIDITIES: &[V] = &[
    V::new("hypertension", "choice-comorbidity-hypertension"),
    V::new("diabetes", "choice-comorbidity-diabetes"),
    V::new(
        "cardiovascular_disease",
        "choice-comorbidity-cardiovascular-disease",
    ),
    V::new(
        "chronic_lung_disease",
        "choice-comorbidity-chronic-lung-disease",
    ),
    V::new(
        "chronic_kidney_disease",
        "choice-comorbidity-chronic-kidney-disease",
    ),
    V::new(
        "chronic_liver_disease",
        "choice-comorbidity-chronic-liver-disease",
    ),
    V::new("cancer", "choice-comorbidity-cancer"),
    V::new("obesity", "choice-comorbidity-obesity"),
    V::new("immunodeficiency", "choice-comorbidity-immunodeficiency"),
    V::new(
        "cerebrovascular_disease",
        "choice-comorbidity-cerebrovascular-disease",
    ),
    V::new("none", "choice-comorbidity-none"),
];

pub const DIAGNOSIS_BASES: &[V] = &[
    V::new("pcr", "choice-diagnosis-basis-pcr"),
    V::new("antigen", "choice-diagnosis-basis-antigen"),
    V::new("antibody", "choice-diagnosis-basis-antibody"),
    V::new(
        "clinical_suspicion",
        "choice-diagnosis-basis-clinical-suspicion",
    ),
];

pub const SYMPTOMS: &[V] = &[
    V::new("fever", "choice-symptom-fever"),
    V::new("cough", "choice-symptom-cough"),
    V::new("dyspnoea", "choice-symptom-dyspnoea"),
    V::new("fatigue", "choice-symptom-fatigue"),
    V::new("anosmia", "choice-symptom-anosmia"),
    V::new("ageusia", "choice-symptom-ageusia"),
    V::new("myalgia", "choice-symptom-myalgia"),
    V::new("headache", "choice-symptom-headache"),
    V::new("diarrhoea", "choice-symptom-diarrhoea"),
    V::new("asymptomatic", "choice-symptom-asymptomatic"),
];

pub const VACCINATION: &[V] = &[
    V::new("unvaccinated", "choice-vaccination-unvaccinated"),
    V::new("partial", "choice-vaccination-partial"),
    V::new("complete", "choice-vaccination-complete"),
    V::new("boosted", "choice-vaccination-boosted"),
    V::new("unknown", "choice-vaccination-unknown"),
];

pub const VENTILATION: &[V] = &[
    V::new("none", "choice-ventilation-none"),
    V::new("oxygen", "choice-ventilation-oxygen"),
    V::new("non_invasive", "choice-ventilation-non-invasive"),
    V::new("invasive", "choice-ventilation-invasive"),
];

pub const OUTCOME_STATUS: &[V] = &[
    V::new("recovered", "choice-outcome-status-recovered"),
    V::new("recovering", "choice-outcome-status-recovering"),
    V::new("not_recovered", "choice-outcome-status-not-recovered"),
    V::new("died", "choice-outcome-status-died"),
    V::new("unknown", "choice-outcome-status-unknown"),
];

pub const STATUS_AT_ONSET: &[V] = &[
    V::new("ongoing", "choice-status-at-onset-ongoing"),
    V::new(
        "paused_before_onset",
        "choice-status-at-onset-paused-before-onset",
    ),
    V::new(
        "stopped_within_3_months",
        "choice-status-at-onset-stopped-within-3-months",
    ),
];

pub const CHANGED_DUE_TO_COVID: &[V] = &[
    V::new("no_change", "choice-changed-due-to-covid-no-change"),
    V::new("paused", "choice-changed-due-to-covid-paused"),
    V::new("stopped", "choice-changed-due-to-covid-stopped"),
    V::new("unknown", "choice-changed-due-to-covid-unknown"),
];

// ---------------------------------------------------------------------------------------------------------
// Fields

const REPORTER: &[Field] = &[
    Field::new("country", "field-reporter-country", Kind::Country).required(),
    Field::new(
        "specialty",
        "field-reporter-specialty",
        Kind::Enum(SPECIALTIES),
    )
    .required(),
    Field::identifying("name", "field-reporter-name"),
    Field::identifying("email", "field-reporter-email"),
    Field::identifying("institution", "field-reporter-institution"),
];

const PATIENT: &[Field] = &[
    Field::new(
        "age_years",
        "field-patient-age-years",
        Kind::Integer { min: 0, max: 120 },
    )
    .req(Req::Unless("date_of_birth")),
    Field::new("age_top_coded", "field-patient-age-top-coded", Kind::Bool).set_by_registry(),
    Field::new("date_of_birth", "field-patient-date-of-birth", Kind::Date).becomes("age_years"),
    Field::new("sex", "field-patient-sex", Kind::Enum(SEXES)).required(),
    Field::new(
        "ethnicity",
        "field-patient-ethnicity",
        Kind::Enum(ETHNICITIES),
    ),
    Field::new(
        "country_of_residence",
        "field-patient-country-of-residence",
        Kind::Country,
    ),
    Field::new(
        "height_cm",
        "field-patient-height-cm",
        Kind::Number {
            min: 20.0,
            max: 250.0,
            decimals: None,
        },
    )
    .req(Req::When("weight_kg", Cond::Present))
    .becomes("bmi"),
    Field::new(
        "weight_kg",
        "field-patient-weight-kg",
        Kind::Number {
            min: 0.5,
            max: 400.0,
            decimals: None,
        },
    )
    .req(Req::When("height_cm", Cond::Present))
    .becomes("bmi"),
    Field::new(
        "bmi",
        "field-patient-bmi",
        Kind::Number {
            min: 10.0,
            max: 80.0,
            decimals: None,
        },
    ),
    Field::new("smoking", "field-patient-smoking", Kind::Enum(SMOKING)),
    Field::identifying("name", "field-patient-name"),
    Field::identifying("initials", "field-patient-initials"),
    Field::identifying("email", "field-patient-email"),
    Field::identifying("phone", "field-patient-phone"),
    Field::identifying("address", "field-patient-address"),
    Field::identifying("postcode", "field-patient-postcode"),
    Field::identifying("city", "field-patient-city"),
    Field::identifying("mrn", "field-patient-mrn"),
    Field::identifying("national_id", "field-patient-national-id"),
    Field::identifying("insurance_number", "field-patient-insurance-number"),
    Field::identifying("photo_url", "field-patient-photo-url"),
];

const OUTCOME: &[Field] = &[
    Field::new(
        "hospitalised",
        "field-covid-outcome-hospitalised",
        Kind::Bool,
    )
    .required(),
    Field::new("icu", "field-covid-outcome-icu", Kind::Bool)
        .req(Req::When("hospitalised", Cond::IsTrue)),
    Field::new(
        "ventilation",
        "field-covid-outcome-ventilation",
        Kind::Enum(VENTILATION),
    ),
    Field::new("died", "field-covid-outcome-died", Kind::Bool).required(),
    Field::new(
        "status",
        "field-covid-outcome-status",
        Kind::Enum(OUTCOME_STATUS),
    )
    .required(),
    Field::new("date", "field-covid-outcome-date", Kind::Date).becomes("day"),
    Field::new(
        "day",
        "field-covid-outcome-day",
        Kind::Integer {
            min: -365,
            max: 1095,
        },
    ),
];

const COVID: &[Field] = &[
    Field::new(
        "diagnosis_basis",
        "field-covid-diagnosis-basis",
        Kind::Enum(DIAGNOSIS_BASES),
    )
    .required(),
    Field::new(
        "diagnosis_date",
        "field-covid-diagnosis-date",
        Kind::DiagnosisDate,
    )
    .required(),
    Field::new(
        "symptom_onset_date",
        "field-covid-symptom-onset-date",
        Kind::Date,
    )
    .becomes("symptom_onset_day"),
    Field::new(
        "symptom_onset_day",
        "field-covid-symptom-onset-day",
        Kind::Integer {
            min: -365,
            max: 365,
        },
    ),
    Field::new(
        "symptoms",
        "field-covid-symptoms",
        Kind::EnumSet {
            values: SYMPTOMS,
            exclusive: &["asymptomatic"],
        },
    ),
    Field::new(
        "vaccination",
        "field-covid-vaccination",
        Kind::Enum(VACCINATION),
    ),
    Field::new("outcome", "field-covid-outcome", Kind::Object(OUTCOME)).required(),
];

const TREATMENT: &[Field] = &[
    Field::new("drug", "field-treatments-drug", Kind::Drug).required(),
    Field::new(
        "other_name",
        "field-treatments-other-name",
        Kind::FreeText { max: 200 },
    )
    .req(Req::Iff("drug", Cond::Equals(super::drugs::OTHER_DRUG))),
    Field::new(
        "status_at_onset",
        "field-treatments-status-at-onset",
        Kind::Enum(STATUS_AT_ONSET),
    )
    .required(),
    Field::new(
        "changed_due_to_covid",
        "field-treatments-changed-due-to-covid",
        Kind::Enum(CHANGED_DUE_TO_COVID),
    ),
];

/// Top-level fields of the common core.
pub const FIELDS: &[Field] = &[
    Field::new("reporter", "field-reporter", Kind::Object(REPORTER)).required(),
    Field::new("patient", "field-patient", Kind::Object(PATIENT)).required(),
    Field::new(
        "comorbidities",
        "field-comorbidities",
        Kind::EnumSet {
            values: COMORBIDITIES,
            exclusive: &["none"],
        },
    ),
    Field::new("covid", "field-covid", Kind::Object(COVID)).required(),
    Field::new(
        "treatments",
        "field-treatments",
        Kind::Array {
            item: TREATMENT,
            min: 0,
            max: 20,
        },
    ),
    Field::new("notes", "field-notes", Kind::FreeText { max: 2000 }),
];

// ---------------------------------------------------------------------------------------------------------
// Cross-field rules of the core

fn icu_requires_hospitalised(form: &Value, errors: &mut Vec<FieldError>) {
    if get_bool(form, "/covid/outcome/icu") == Some(true)
        && get_bool(form, "/covid/outcome/hospitalised") == Some(false)
    {
        errors.push(FieldError::say(
            "/covid/outcome/icu",
            "icu_requires_hospitalised",
            Message::new("error-icu-requires-hospitalised"),
        ));
    }
}

fn invasive_ventilation_requires_hospitalised(form: &Value, errors: &mut Vec<FieldError>) {
    if get_str(form, "/covid/outcome/ventilation") == Some("invasive")
        && get_bool(form, "/covid/outcome/hospitalised") == Some(false)
    {
        errors.push(FieldError::say(
            "/covid/outcome/ventilation",
            "ventilation_requires_hospitalised",
            Message::new("error-ventilation-requires-hospitalised"),
        ));
    }
}

fn died_matches_status(form: &Value, errors: &mut Vec<FieldError>) {
    let (Some(died), Some(status)) = (
        get_bool(form, "/covid/outcome/died"),
        get_str(form, "/covid/outcome/status"),
    ) else {
        return;
    };
    let status_died = status == "died";
    if died != status_died && OUTCOME_STATUS.iter().any(|v| v.value == status) {
        errors.push(FieldError::say(
            "/covid/outcome/status",
            "died_status_mismatch",
            Message::new(if died {
                "error-died-status-must-be-died"
            } else {
                "error-died-status-only-if-died"
            }),
        ));
    }
}

fn drug_at_most_once(form: &Value, errors: &mut Vec<FieldError>) {
    let Some(items) = get_array(form, "/treatments") else {
        return;
    };
    let mut seen: Vec<&str> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let Some(drug) = item.get("drug").and_then(Value::as_str) else {
            continue;
        };
        if drug != super::drugs::OTHER_DRUG && super::drugs::drug(drug).is_some() {
            if seen.contains(&drug) {
                errors.push(FieldError::say(
                    format!("/treatments/{i}/drug"),
                    "duplicate",
                    Message::new("error-duplicate-drug"),
                ));
            } else {
                seen.push(drug);
            }
        }
    }
}

fn age_top_coded_requires_90(form: &Value, errors: &mut Vec<FieldError>) {
    if get_bool(form, "/patient/age_top_coded") == Some(true)
        && form.pointer("/patient/age_years").and_then(Value::as_f64) != Some(90.0)
    {
        errors.push(FieldError::say(
            "/patient/age_top_coded",
            "age_top_coded_requires_90",
            Message::new("error-age-top-coded-requires-90"),
        ));
    }
}

pub const RULES: &[Rule] = &[
    Rule {
        code: "icu_requires_hospitalised",
        msg: "rule-icu-requires-hospitalised",
        check: icu_requires_hospitalised,
    },
    Rule {
        code: "ventilation_requires_hospitalised",
        msg: "rule-ventilation-requires-hospitalised",
        check: invasive_ventilation_requires_hospitalised,
    },
    Rule {
        code: "died_status_mismatch",
        msg: "rule-died-status-mismatch",
        check: died_matches_status,
    },
    Rule {
        code: "duplicate",
        msg: "rule-duplicate",
        check: drug_at_most_once,
    },
    Rule {
        code: "age_top_coded_requires_90",
        msg: "rule-age-top-coded-requires-90",
        check: age_top_coded_requires_90,
    },
];

// ---------------------------------------------------------------------------------------------------------
// Summary dimensions of the core

pub const COLUMNS: &[Column] = &[
    Column {
        name: "diagnosis_basis",
        path: "covid/diagnosis_basis",
    },
    Column {
        name: "sex",
        path: "patient/sex",
    },
    Column {
        name: "country",
        path: "reporter/country",
    },
];

/// `drug_class` is a facet too, derived from the drugs through the drug table.
pub const FACETS: &[FacetSource] = &[
    FacetSource {
        name: "comorbidity",
        path: "comorbidities",
        detail: None,
    },
    FacetSource {
        name: "symptom",
        path: "covid/symptoms",
        detail: None,
    },
    FacetSource {
        name: "drug",
        path: "treatments/drug",
        detail: Some("changed_due_to_covid"),
    },
];
