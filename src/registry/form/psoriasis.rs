//! Module `psoriasis` (PsoPROTECT-style): systemic immunomodulatory therapy, comorbidities and disease activity
//! against COVID-19 outcomes in psoriasis. Kept short for virtual consultations.

use super::core::{SEVERITY_SCALE, YES_NO_UNKNOWN};
use super::kinds::{Column, EnumValue as V, FacetSource, Field, FormDef, Kind, Rule};

pub const PSORIASIS_TYPES: &[V] = &[
    V::new("plaque", "Plaque"),
    V::new("guttate", "Guttate"),
    V::new("generalised_pustular", "Generalised pustular"),
    V::new("palmoplantar_pustular", "Palmoplantar pustular"),
    V::new("erythrodermic", "Erythrodermic"),
    V::new("inverse", "Inverse"),
    V::new("other", "Other"),
];

const SEVERITY: &[Field] = &[
    Field::new(
        "pga",
        "Physician's Global Assessment (PGA)",
        "Shares its five-point scale with the atopic dermatitis IGA.",
        Kind::Enum(SEVERITY_SCALE),
    )
    .required(),
    Field::new(
        "pasi",
        "PASI",
        "0 to 72, at most one decimal.",
        Kind::Number {
            min: 0.0,
            max: 72.0,
            decimals: Some(1),
        },
    ),
    Field::new(
        "bsa_percent",
        "Body surface area affected (%)",
        "0 to 100.",
        Kind::Number {
            min: 0.0,
            max: 100.0,
            decimals: None,
        },
    ),
];

const MODULE: &[Field] = &[
    Field::new("type", "Psoriasis type", "", Kind::Enum(PSORIASIS_TYPES)).required(),
    Field::new("psoriatic_arthritis", "Psoriatic arthritis", "", Kind::Bool).required(),
    Field::new(
        "severity_before_covid",
        "Severity before COVID-19",
        "",
        Kind::Object(SEVERITY),
    )
    .required(),
    Field::new(
        "flare_after_covid",
        "Psoriasis flare after COVID-19",
        "",
        Kind::Enum(YES_NO_UNKNOWN),
    ),
    Field::new(
        "new_onset_after_covid",
        "New onset of psoriasis after COVID-19",
        "",
        Kind::Bool,
    ),
];

pub const FIELDS: &[Field] =
    &[Field::new("psoriasis", "Psoriasis", "", Kind::Object(MODULE)).required()];

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
    title: "Psoriasis COVID-19 Registry",
    description: "How systemic immunomodulatory therapy, comorbidities and disease activity relate to COVID-19 outcomes in psoriasis. Clinically suspected or laboratory-confirmed COVID-19.",
    sections: &[super::core::FIELDS, FIELDS],
    rules: &[super::core::RULES, RULES],
    columns: &[super::core::COLUMNS, COLUMNS],
    facets: &[super::core::FACETS, FACETS],
    restrictions: &[],
};
