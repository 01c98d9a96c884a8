//! Module `psoriasis` (PsoPROTECT-style): systemic immunomodulatory therapy, comorbidities and disease activity
//! against COVID-19 outcomes in psoriasis. Kept short for virtual consultations.

use super::core::{SEVERITY_SCALE, YES_NO_UNKNOWN};
use super::kinds::{Column, EnumValue as V, FacetSource, Field, FormDef, Kind, Rule};

pub const PSORIASIS_TYPES: &[V] = &[
    V::new("plaque", "choice-psoriasis-type-plaque"),
    V::new("guttate", "choice-psoriasis-type-guttate"),
    V::new(
        "generalised_pustular",
        "choice-psoriasis-type-generalised-pustular",
    ),
    V::new(
        "palmoplantar_pustular",
        "choice-psoriasis-type-palmoplantar-pustular",
    ),
    V::new("erythrodermic", "choice-psoriasis-type-erythrodermic"),
    V::new("inverse", "choice-psoriasis-type-inverse"),
    V::new("other", "choice-psoriasis-type-other"),
];

const SEVERITY: &[Field] = &[
    Field::new(
        "pga",
        "field-psoriasis-severity-before-covid-pga",
        Kind::Enum(SEVERITY_SCALE),
    )
    .required(),
    Field::new(
        "pasi",
        "field-psoriasis-severity-before-covid-pasi",
        Kind::Number {
            min: 0.0,
            max: 72.0,
            decimals: Some(1),
        },
    ),
    Field::new(
        "bsa_percent",
        "field-psoriasis-severity-before-covid-bsa-percent",
        Kind::Number {
            min: 0.0,
            max: 100.0,
            decimals: None,
        },
    ),
];

const MODULE: &[Field] = &[
    Field::new("type", "field-psoriasis-type", Kind::Enum(PSORIASIS_TYPES)).required(),
    Field::new(
        "psoriatic_arthritis",
        "field-psoriasis-psoriatic-arthritis",
        Kind::Bool,
    )
    .required(),
    Field::new(
        "severity_before_covid",
        "field-psoriasis-severity-before-covid",
        Kind::Object(SEVERITY),
    )
    .required(),
    Field::new(
        "flare_after_covid",
        "field-psoriasis-flare-after-covid",
        Kind::Enum(YES_NO_UNKNOWN),
    ),
    Field::new(
        "new_onset_after_covid",
        "field-psoriasis-new-onset-after-covid",
        Kind::Bool,
    ),
];

pub const FIELDS: &[Field] =
    &[Field::new("psoriasis", "field-psoriasis", Kind::Object(MODULE)).required()];

pub const RULES: &[Rule] = &[];

pub const COLUMNS: &[Column] = &[
    Column {
        name: "severity_before",
        path: "psoriasis/severity_before_covid/pga",
    },
    Column {
        name: "flare_after",
        path: "psoriasis/flare_after_covid",
    },
];

pub const FACETS: &[FacetSource] = &[];

pub const FORM: FormDef = FormDef {
    registry: "psoriasis",
    version: "psoriasis/1",
    msg: "form-psoriasis",
    sections: &[super::core::FIELDS, FIELDS],
    rules: &[super::core::RULES, RULES],
    columns: &[super::core::COLUMNS, COLUMNS],
    facets: &[super::core::FACETS, FACETS],
    restrictions: &[],
};
