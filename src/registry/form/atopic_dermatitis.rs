//! Module `atopic-dermatitis` (SECURE-AD-style), aligned with the psoriasis registry. Laboratory-confirmed
//! COVID-19 only.

use serde_json::Value;

use super::core::{SEVERITY_SCALE, YES_NO_UNKNOWN};
use super::kinds::{
    get_array, get_bool, Column, EnumValue as V, FacetSource, Field, FormDef, Kind, Restriction,
    Rule,
};
use crate::registry::validate::FieldError;

pub const ATOPIC_COMORBIDITIES: &[V] = &[
    V::new("asthma", "Asthma"),
    V::new("allergic_rhinitis", "Allergic rhinitis"),
    V::new("allergic_conjunctivitis", "Allergic conjunctivitis"),
    V::new("food_allergy", "Food allergy"),
    V::new("eosinophilic_oesophagitis", "Eosinophilic oesophagitis"),
    V::new("none", "None of these"),
];

const SEVERITY: &[Field] = &[
    Field::new(
        "iga",
        "Investigator's Global Assessment (IGA)",
        "Shares its five-point scale with the psoriasis PGA.",
        Kind::Enum(SEVERITY_SCALE),
    )
    .required(),
    Field::new(
        "easi",
        "EASI",
        "0 to 72, at most one decimal.",
        Kind::Number {
            min: 0.0,
            max: 72.0,
            decimals: Some(1),
        },
    ),
    Field::new(
        "poem",
        "POEM",
        "0 to 28.",
        Kind::Integer { min: 0, max: 28 },
    ),
];

const MODULE: &[Field] = &[
    Field::new(
        "severity_before_covid",
        "Severity before COVID-19",
        "",
        Kind::Object(SEVERITY),
    )
    .required(),
    Field::new(
        "atopic_comorbidities",
        "Atopic comorbidities",
        "\"None of these\" cannot be combined with another value.",
        Kind::EnumSet {
            values: ATOPIC_COMORBIDITIES,
            exclusive: &["none"],
        },
    ),
    Field::new(
        "flare_after_covid",
        "Atopic dermatitis flare after COVID-19",
        "",
        Kind::Enum(YES_NO_UNKNOWN),
    ),
    Field::new(
        "topical_only",
        "Topical treatment only",
        "Yes conflicts with any systemic treatment listed.",
        Kind::Bool,
    ),
];

pub const FIELDS: &[Field] = &[Field::new(
    "atopic_dermatitis",
    "Atopic dermatitis",
    "",
    Kind::Object(MODULE),
)
.required()];

fn topical_only_conflicts_with_systemic(form: &Value, errors: &mut Vec<FieldError>) {
    if get_bool(form, "/atopic_dermatitis/topical_only") == Some(true)
        && get_array(form, "/treatments").is_some_and(|t| !t.is_empty())
    {
        errors.push(FieldError::new(
            "/atopic_dermatitis/topical_only",
            "topical_only_with_systemic_treatment",
            "\"Topical treatment only\" cannot be yes when a systemic treatment is listed.",
        ));
    }
}

pub const RULES: &[Rule] = &[Rule {
    code: "topical_only_with_systemic_treatment",
    description: "\"Topical treatment only\" conflicts with any systemic treatment.",
    check: topical_only_conflicts_with_systemic,
}];

pub const RESTRICTIONS: &[Restriction] = &[Restriction {
    path: "covid/diagnosis_basis",
    refused: "clinical_suspicion",
    code: "laboratory_confirmation_required",
    detail: "The atopic dermatitis registry takes laboratory-confirmed COVID-19 cases only (PCR, antigen or antibody test); a clinically suspected case cannot be entered here.",
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
    title: "Atopic Dermatitis COVID-19 Registry",
    description: "Retrospective, anonymised cases of COVID-19 in people with atopic dermatitis, aligned with the psoriasis registry. Laboratory-confirmed COVID-19 only.",
    sections: &[super::core::FIELDS, FIELDS],
    rules: &[super::core::RULES, RULES],
    columns: &[super::core::COLUMNS, COLUMNS],
    facets: &[super::core::FACETS, FACETS],
    restrictions: RESTRICTIONS,
};
