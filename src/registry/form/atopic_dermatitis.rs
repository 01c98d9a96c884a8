//! Module `atopic-dermatitis` (SECURE-AD-style), aligned with the psoriasis registry. Laboratory-confirmed
//! COVID-19 only.

use serde_json::Value;

use super::core::{SEVERITY_SCALE, YES_NO_UNKNOWN};
use super::kinds::{
    get_array, get_bool, Column, EnumValue as V, FacetSource, Field, FormDef, Kind, Restriction,
    Rule,
};
use crate::i18n::Message;
use crate::registry::validate::FieldError;

pub const ATOPIC_COMORBIDITIES: &[V] = &[
    V::new("asthma", "choice-atopic-comorbidity-asthma"),
    V::new(
        "allergic_rhinitis",
        "choice-atopic-comorbidity-allergic-rhinitis",
    ),
    V::new(
        "allergic_conjunctivitis",
        "choice-atopic-comorbidity-allergic-conjunctivitis",
    ),
    V::new("food_allergy", "choice-atopic-comorbidity-food-allergy"),
    V::new(
        "eosinophilic_oesophagitis",
        "choice-atopic-comorbidity-eosinophilic-oesophagitis",
    ),
    V::new("none", "choice-atopic-comorbidity-none"),
];

const SEVERITY: &[Field] = &[
    Field::new(
        "iga",
        "field-atopic-dermatitis-severity-before-covid-iga",
        Kind::Enum(SEVERITY_SCALE),
    )
    .required(),
    Field::new(
        "easi",
        "field-atopic-dermatitis-severity-before-covid-easi",
        Kind::Number {
            min: 0.0,
            max: 72.0,
            decimals: Some(1),
        },
    ),
    Field::new(
        "poem",
        "field-atopic-dermatitis-severity-before-covid-poem",
        Kind::Integer { min: 0, max: 28 },
    ),
];

const MODULE: &[Field] = &[
    Field::new(
        "severity_before_covid",
        "field-atopic-dermatitis-severity-before-covid",
        Kind::Object(SEVERITY),
    )
    .required(),
    Field::new(
        "atopic_comorbidities",
        "field-atopic-dermatitis-atopic-comorbidities",
        Kind::EnumSet {
            values: ATOPIC_COMORBIDITIES,
            exclusive: &["none"],
        },
    ),
    Field::new(
        "flare_after_covid",
        "field-atopic-dermatitis-flare-after-covid",
        Kind::Enum(YES_NO_UNKNOWN),
    ),
    Field::new(
        "topical_only",
        "field-atopic-dermatitis-topical-only",
        Kind::Bool,
    ),
];

pub const FIELDS: &[Field] = &[Field::new(
    "atopic_dermatitis",
    "field-atopic-dermatitis",
    Kind::Object(MODULE),
)
.required()];

fn topical_only_conflicts_with_systemic(form: &Value, errors: &mut Vec<FieldError>) {
    if get_bool(form, "/atopic_dermatitis/topical_only") == Some(true)
        && get_array(form, "/treatments").is_some_and(|t| !t.is_empty())
    {
        errors.push(FieldError::say(
            "/atopic_dermatitis/topical_only",
            "topical_only_with_systemic_treatment",
            Message::new("error-topical-only-with-systemic-treatment"),
        ));
    }
}

pub const RULES: &[Rule] = &[Rule {
    code: "topical_only_with_systemic_treatment",
    msg: "rule-topical-only-with-systemic-treatment",
    check: topical_only_conflicts_with_systemic,
}];

pub const RESTRICTIONS: &[Restriction] = &[Restriction {
    path: "covid/diagnosis_basis",
    refused: "clinical_suspicion",
    code: "laboratory_confirmation_required",
    msg: "rule-laboratory-confirmation-required",
}];

pub const COLUMNS: &[Column] = &[
    Column {
        name: "severity_before",
        path: "atopic_dermatitis/severity_before_covid/iga",
    },
    Column {
        name: "flare_after",
        path: "atopic_dermatitis/flare_after_covid",
    },
];

pub const FACETS: &[FacetSource] = &[FacetSource {
    name: "atopic_comorbidity",
    path: "atopic_dermatitis/atopic_comorbidities",
    detail: None,
}];

pub const FORM: FormDef = FormDef {
    registry: "atopic-dermatitis",
    version: "atopic-dermatitis/1",
    msg: "form-atopic-dermatitis",
    sections: &[super::core::FIELDS, FIELDS],
    rules: &[super::core::RULES, RULES],
    columns: &[super::core::COLUMNS, COLUMNS],
    facets: &[super::core::FACETS, FACETS],
    restrictions: RESTRICTIONS,
};
