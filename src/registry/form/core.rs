//! The common core shared by every registry (`registries.md`, "Common core"), the scales shared by the
//! modules, the derived scales summaries group by, and the core's cross-field rules.

use serde_json::Value;

use super::kinds::{
    get_array, get_bool, get_str, Column, Cond, EnumValue as V, FacetSource, Field, Kind, Req, Rule,
};
use crate::registry::validate::FieldError;

// ---------------------------------------------------------------------------------------------------------
// Shared scales

/// The five-point scale shared on purpose by the psoriasis PGA and the atopic dermatitis IGA.
pub const SEVERITY_SCALE: &[V] = &[
    V::new("clear", "Clear (0)"),
    V::new("almost_clear", "Almost clear (1)"),
    V::new("mild", "Mild (2)"),
    V::new("moderate", "Moderate (3)"),
    V::new("severe", "Severe (4)"),
];

pub const YES_NO_UNKNOWN: &[V] = &[
    V::new("yes", "Yes"),
    V::new("no", "No"),
    V::new("unknown", "Unknown"),
];

// ---------------------------------------------------------------------------------------------------------
// Derived scales (not form fields; `Derived` and summaries use them)

/// COVID-19 severity, the ordinal scale every summary uses (values are `Derived::covid_severity`).
pub const COVID_SEVERITY: &[V] = &[
    V::new("1", "Not hospitalised"),
    V::new("2", "Hospitalised without ICU or invasive ventilation"),
    V::new("3", "ICU or invasive ventilation"),
    V::new("4", "Died"),
];

/// `Derived::confirmed`.
pub const CONFIRMATION: &[V] = &[
    V::new("true", "Laboratory confirmed"),
    V::new("false", "Clinically suspected"),
];

/// Age bands (`Derived::age_band`) with their inclusive upper bound; the last is open (`90+`).
pub const AGE_BANDS: &[(i32, V)] = &[
    (17, V::new("0-17", "0–17 years")),
    (39, V::new("18-39", "18–39 years")),
    (59, V::new("40-59", "40–59 years")),
    (79, V::new("60-79", "60–79 years")),
    (89, V::new("80-89", "80–89 years")),
    (i32::MAX, V::new("90+", "90 years or older")),
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
    V::new("dermatology", "Dermatology"),
    V::new("rheumatology", "Rheumatology"),
    V::new("internal_medicine", "Internal medicine"),
    V::new("general_practice", "General practice"),
    V::new("paediatrics", "Paediatrics"),
    V::new("infectious_disease", "Infectious disease"),
    V::new("other", "Other"),
];

pub const SEXES: &[V] = &[
    V::new("female", "Female"),
    V::new("male", "Male"),
    V::new("other", "Other"),
    V::new("unknown", "Unknown"),
];

pub const ETHNICITIES: &[V] = &[
    V::new("white", "White"),
    V::new("black", "Black"),
    V::new("asian", "Asian"),
    V::new("mixed", "Mixed"),
    V::new("other", "Other"),
    V::new("unknown", "Unknown"),
];

pub const SMOKING: &[V] = &[
    V::new("never", "Never smoked"),
    V::new("former", "Former smoker"),
    V::new("current", "Current smoker"),
    V::new("unknown", "Unknown"),
];

pub const COMORBIDITIES: &[V] = &[
    V::new("hypertension", "Hypertension"),
    V::new("diabetes", "Diabetes"),
    V::new("cardiovascular_disease", "Cardiovascular disease"),
    V::new("chronic_lung_disease", "Chronic lung disease"),
    V::new("chronic_kidney_disease", "Chronic kidney disease"),
    V::new("chronic_liver_disease", "Chronic liver disease"),
    V::new("cancer", "Cancer"),
    V::new("obesity", "Obesity"),
    V::new("immunodeficiency", "Immunodeficiency"),
    V::new("cerebrovascular_disease", "Cerebrovascular disease"),
    V::new("none", "None of these"),
];

pub const DIAGNOSIS_BASES: &[V] = &[
    V::new("pcr", "PCR test"),
    V::new("antigen", "Antigen test"),
    V::new("antibody", "Antibody test"),
    V::new(
        "clinical_suspicion",
        "Clinical suspicion (no positive test)",
    ),
];

pub const SYMPTOMS: &[V] = &[
    V::new("fever", "Fever"),
    V::new("cough", "Cough"),
    V::new("dyspnoea", "Shortness of breath"),
    V::new("fatigue", "Fatigue"),
    V::new("anosmia", "Loss of smell"),
    V::new("ageusia", "Loss of taste"),
    V::new("myalgia", "Muscle pain"),
    V::new("headache", "Headache"),
    V::new("diarrhoea", "Diarrhoea"),
    V::new("asymptomatic", "No symptoms"),
];

pub const VACCINATION: &[V] = &[
    V::new("unvaccinated", "Unvaccinated"),
    V::new("partial", "Partially vaccinated"),
    V::new("complete", "Primary course complete"),
    V::new("boosted", "Boosted"),
    V::new("unknown", "Unknown"),
];

pub const VENTILATION: &[V] = &[
    V::new("none", "None"),
    V::new("oxygen", "Supplemental oxygen"),
    V::new("non_invasive", "Non-invasive ventilation"),
    V::new("invasive", "Invasive mechanical ventilation"),
];

pub const OUTCOME_STATUS: &[V] = &[
    V::new("recovered", "Recovered"),
    V::new("recovering", "Recovering"),
    V::new("not_recovered", "Not recovered"),
    V::new("died", "Died"),
    V::new("unknown", "Unknown"),
];

pub const STATUS_AT_ONSET: &[V] = &[
    V::new("ongoing", "Ongoing"),
    V::new("paused_before_onset", "Paused before COVID-19 onset"),
    V::new(
        "stopped_within_3_months",
        "Stopped within 3 months before onset",
    ),
];

pub const CHANGED_DUE_TO_COVID: &[V] = &[
    V::new("no_change", "No change"),
    V::new("paused", "Paused"),
    V::new("stopped", "Stopped"),
    V::new("unknown", "Unknown"),
];

// ---------------------------------------------------------------------------------------------------------
// Fields

const REPORTER: &[Field] = &[
    Field::new(
        "country",
        "Country where care was given",
        "ISO 3166-1 alpha-2 code, upper case (e.g. NO, BR).",
        Kind::Country,
    )
    .required(),
    Field::new(
        "specialty",
        "Reporter's specialty",
        "The specialty of the clinician entering the case.",
        Kind::Enum(SPECIALTIES),
    )
    .required(),
    Field::identifying("name", "Reporter's name"),
    Field::identifying("email", "Reporter's email"),
    Field::identifying("institution", "Reporter's institution"),
];

const PATIENT: &[Field] = &[
    Field::new(
        "age_years",
        "Age (years)",
        "Age in whole years at COVID-19 diagnosis, 0 to 120. Required unless the date of birth is given. Ages of 90 and over are stored as 90 with \"Age top-coded\" set.",
        Kind::Integer { min: 0, max: 120 },
    )
    .req(Req::Unless("date_of_birth")),
    Field::new(
        "age_top_coded",
        "Age top-coded (90 or over)",
        "Set by the registry when the age was 90 or over and is stored as 90. Only allowed with an age of 90.",
        Kind::Bool,
    ),
    Field::new(
        "date_of_birth",
        "Date of birth",
        "YYYY-MM-DD. Identifying: converted to the age in whole years at COVID-19 diagnosis (at the first day of the diagnosis month when only the month is given), then dropped.",
        Kind::Date,
    )
    .becomes("age_years"),
    Field::new("sex", "Sex", "", Kind::Enum(SEXES)).required(),
    Field::new("ethnicity", "Ethnicity", "", Kind::Enum(ETHNICITIES)),
    Field::new(
        "country_of_residence",
        "Country of residence",
        "ISO 3166-1 alpha-2 code; when left out, the country where care was given.",
        Kind::Country,
    ),
    Field::new(
        "height_cm",
        "Height (cm)",
        "20 to 250 cm, given together with the weight. Only the BMI (one decimal) is stored.",
        Kind::Number { min: 20.0, max: 250.0, decimals: None },
    )
    .req(Req::When("weight_kg", Cond::Present))
    .becomes("bmi"),
    Field::new(
        "weight_kg",
        "Weight (kg)",
        "0.5 to 400 kg, given together with the height. Only the BMI (one decimal) is stored.",
        Kind::Number { min: 0.5, max: 400.0, decimals: None },
    )
    .req(Req::When("height_cm", Cond::Present))
    .becomes("bmi"),
    Field::new(
        "bmi",
        "Body mass index (kg/m²)",
        "10 to 80; an alternative to height and weight. Stored with one decimal.",
        Kind::Number { min: 10.0, max: 80.0, decimals: None },
    ),
    Field::new("smoking", "Smoking", "", Kind::Enum(SMOKING)),
    Field::identifying("name", "Patient's name"),
    Field::identifying("initials", "Patient's initials"),
    Field::identifying("email", "Patient's email"),
    Field::identifying("phone", "Patient's phone number"),
    Field::identifying("address", "Patient's address"),
    Field::identifying("postcode", "Patient's postcode"),
    Field::identifying("city", "Patient's city or town"),
    Field::identifying("mrn", "Medical record number"),
    Field::identifying("national_id", "National identity number"),
    Field::identifying("insurance_number", "Insurance number"),
    Field::identifying("photo_url", "Photo URL"),
];

const OUTCOME: &[Field] = &[
    Field::new("hospitalised", "Hospitalised for COVID-19", "", Kind::Bool).required(),
    Field::new(
        "icu",
        "Admitted to intensive care",
        "Required when the patient was hospitalised; can only be yes for a hospitalised patient.",
        Kind::Bool,
    )
    .req(Req::When("hospitalised", Cond::IsTrue)),
    Field::new(
        "ventilation",
        "Highest respiratory support",
        "Invasive ventilation is only possible for a hospitalised patient.",
        Kind::Enum(VENTILATION),
    ),
    Field::new("died", "Died", "Must agree with the outcome status.", Kind::Bool).required(),
    Field::new(
        "status",
        "Outcome status",
        "\"Died\" if and only if the patient died.",
        Kind::Enum(OUTCOME_STATUS),
    )
    .required(),
    Field::new(
        "date",
        "Outcome date",
        "YYYY-MM-DD. Stored only as the number of days from the COVID-19 diagnosis.",
        Kind::Date,
    )
    .becomes("day"),
    Field::new(
        "day",
        "Outcome day",
        "Days from the COVID-19 diagnosis to the outcome (negative if before), -365 to 1095. Filled in by the registry from the outcome date.",
        Kind::Integer { min: -365, max: 1095 },
    ),
];

const COVID: &[Field] = &[
    Field::new(
        "diagnosis_basis",
        "Basis of the COVID-19 diagnosis",
        "PCR, antigen and antibody tests count as laboratory confirmed.",
        Kind::Enum(DIAGNOSIS_BASES),
    )
    .required(),
    Field::new(
        "diagnosis_date",
        "Date of COVID-19 diagnosis",
        "YYYY-MM-DD or YYYY-MM (YYYY is accepted too). Stored as the month (or the year, by deployment setting).",
        Kind::DiagnosisDate,
    )
    .required(),
    Field::new(
        "symptom_onset_date",
        "Date of symptom onset",
        "YYYY-MM-DD. Stored only as the number of days from the COVID-19 diagnosis.",
        Kind::Date,
    )
    .becomes("symptom_onset_day"),
    Field::new(
        "symptom_onset_day",
        "Symptom onset day",
        "Days from the COVID-19 diagnosis to symptom onset (negative if before), -365 to 365. Filled in by the registry from the onset date.",
        Kind::Integer { min: -365, max: 365 },
    ),
    Field::new(
        "symptoms",
        "COVID-19 symptoms",
        "\"No symptoms\" cannot be combined with a symptom.",
        Kind::EnumSet { values: SYMPTOMS, exclusive: &["asymptomatic"] },
    ),
    Field::new("vaccination", "COVID-19 vaccination status", "At the time of diagnosis.", Kind::Enum(VACCINATION)),
    Field::new("outcome", "Outcome", "", Kind::Object(OUTCOME)).required(),
];

const TREATMENT: &[Field] = &[
    Field::new("drug", "Drug", "The drug's class and category follow from the drug.", Kind::Drug).required(),
    Field::new(
        "other_name",
        "Name of the other drug",
        "Required when the drug is \"Other\", and only then. At most 200 characters; identifying details are removed.",
        Kind::FreeText { max: 200 },
    )
    .req(Req::Iff("drug", Cond::Equals(super::drugs::OTHER_DRUG))),
    Field::new("status_at_onset", "Status at COVID-19 onset", "", Kind::Enum(STATUS_AT_ONSET)).required(),
    Field::new("changed_due_to_covid", "Changed because of COVID-19", "", Kind::Enum(CHANGED_DUE_TO_COVID)),
];

/// Top-level fields of the common core.
pub const FIELDS: &[Field] = &[
    Field::new("reporter", "Reporter", "Who gives the case. Only the country and specialty are stored.", Kind::Object(REPORTER))
        .required(),
    Field::new("patient", "Patient", "", Kind::Object(PATIENT)).required(),
    Field::new(
        "comorbidities",
        "Comorbidities",
        "\"None of these\" cannot be combined with a comorbidity.",
        Kind::EnumSet { values: COMORBIDITIES, exclusive: &["none"] },
    ),
    Field::new("covid", "COVID-19", "", Kind::Object(COVID)).required(),
    Field::new(
        "treatments",
        "Systemic treatments at COVID-19 onset",
        "The patient's systemic therapy (including phototherapy) at COVID-19 onset; leave empty for none. Each drug at most once (except \"Other\").",
        Kind::Array { item: TREATMENT, min: 0, max: 20 },
    ),
    Field::new(
        "notes",
        "Notes",
        "Free text, at most 2,000 characters. Do not enter identifying details: they are removed before storage.",
        Kind::FreeText { max: 2000 },
    ),
];

// ---------------------------------------------------------------------------------------------------------
// Cross-field rules of the core

fn icu_requires_hospitalised(form: &Value, errors: &mut Vec<FieldError>) {
    if get_bool(form, "/covid/outcome/icu") == Some(true)
        && get_bool(form, "/covid/outcome/hospitalised") == Some(false)
    {
        errors.push(FieldError::new(
            "/covid/outcome/icu",
            "icu_requires_hospitalised",
            "Intensive care admission can only be recorded for a patient who was hospitalised.",
        ));
    }
}

fn invasive_ventilation_requires_hospitalised(form: &Value, errors: &mut Vec<FieldError>) {
    if get_str(form, "/covid/outcome/ventilation") == Some("invasive")
        && get_bool(form, "/covid/outcome/hospitalised") == Some(false)
    {
        errors.push(FieldError::new(
            "/covid/outcome/ventilation",
            "ventilation_requires_hospitalised",
            "Invasive ventilation can only be recorded for a patient who was hospitalised.",
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
        errors.push(FieldError::new(
            "/covid/outcome/status",
            "died_status_mismatch",
            if died {
                "The outcome status must be \"Died\" when the patient died."
            } else {
                "The outcome status can only be \"Died\" when \"Died\" is yes."
            },
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
                errors.push(FieldError::new(
                    format!("/treatments/{i}/drug"),
                    "duplicate",
                    "Each drug can be listed only once among the treatments.",
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
        errors.push(FieldError::new(
            "/patient/age_top_coded",
            "age_top_coded_requires_90",
            "\"Age top-coded\" can only be set together with an age of 90.",
        ));
    }
}

pub const RULES: &[Rule] = &[
    Rule {
        code: "icu_requires_hospitalised",
        description: "Intensive care implies hospitalisation.",
        check: icu_requires_hospitalised,
    },
    Rule {
        code: "ventilation_requires_hospitalised",
        description: "Invasive ventilation implies hospitalisation.",
        check: invasive_ventilation_requires_hospitalised,
    },
    Rule {
        code: "died_status_mismatch",
        description: "\"Died\" is yes if and only if the outcome status is \"Died\".",
        check: died_matches_status,
    },
    Rule {
        code: "duplicate",
        description: "Each drug appears at most once among the treatments (\"Other\" may repeat).",
        check: drug_at_most_once,
    },
    Rule {
        code: "age_top_coded_requires_90",
        description: "\"Age top-coded\" is only set with an age of 90.",
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
