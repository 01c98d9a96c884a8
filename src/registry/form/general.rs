//! Module `general`: International Dermatology COVID-19 Registry, (a) skin manifestations of COVID-19,
//! (b) patients with an existing skin condition who then develop COVID-19.

use super::kinds::{Column, Cond, EnumValue as V, FacetSource, Field, FormDef, Kind, Req, Rule};

pub const CASE_TYPES: &[V] = &[
    V::new("skin_manifestation", "choice-case-type-skin-manifestation"),
    V::new("existing_condition", "choice-case-type-existing-condition"),
];

pub const MORPHOLOGIES: &[V] = &[
    V::new("morbilliform", "choice-morphology-morbilliform"),
    V::new("urticarial", "choice-morphology-urticarial"),
    V::new("vesicular", "choice-morphology-vesicular"),
    V::new("pernio_like", "choice-morphology-pernio-like"),
    V::new("macular_erythema", "choice-morphology-macular-erythema"),
    V::new("papulosquamous", "choice-morphology-papulosquamous"),
    V::new("retiform_purpura", "choice-morphology-retiform-purpura"),
    V::new("livedo_reticularis", "choice-morphology-livedo-reticularis"),
    V::new("livedo_racemosa", "choice-morphology-livedo-racemosa"),
    V::new("petechiae", "choice-morphology-petechiae"),
    V::new(
        "erythema_multiforme_like",
        "choice-morphology-erythema-multiforme-like",
    ),
    V::new(
        "pityriasis_rosea_like",
        "choice-morphology-pityriasis-rosea-like",
    ),
    V::new("other", "choice-morphology-other"),
];

pub const TIMINGS: &[V] = &[
    V::new("before_symptoms", "choice-timing-before-symptoms"),
    V::new("with_symptoms", "choice-timing-with-symptoms"),
    V::new("after_symptoms", "choice-timing-after-symptoms"),
    V::new("no_other_symptoms", "choice-timing-no-other-symptoms"),
];

pub const SITES: &[V] = &[
    V::new("face", "choice-site-face"),
    V::new("trunk", "choice-site-trunk"),
    V::new("arms", "choice-site-arms"),
    V::new("hands", "choice-site-hands"),
    V::new("legs", "choice-site-legs"),
    V::new("feet", "choice-site-feet"),
    V::new("acral", "choice-site-acral"),
    V::new("mucosa", "choice-site-mucosa"),
    V::new("generalised", "choice-site-generalised"),
];

pub const EXISTING_CONDITIONS: &[V] = &[
    V::new("psoriasis", "choice-existing-condition-psoriasis"),
    V::new(
        "atopic_dermatitis",
        "choice-existing-condition-atopic-dermatitis",
    ),
    V::new(
        "hidradenitis_suppurativa",
        "choice-existing-condition-hidradenitis-suppurativa",
    ),
    V::new(
        "alopecia_areata",
        "choice-existing-condition-alopecia-areata",
    ),
    V::new("vitiligo", "choice-existing-condition-vitiligo"),
    V::new(
        "cutaneous_lupus",
        "choice-existing-condition-cutaneous-lupus",
    ),
    V::new(
        "dermatomyositis",
        "choice-existing-condition-dermatomyositis",
    ),
    V::new(
        "bullous_pemphigoid",
        "choice-existing-condition-bullous-pemphigoid",
    ),
    V::new("pemphigus", "choice-existing-condition-pemphigus"),
    V::new("melanoma", "choice-existing-condition-melanoma"),
    V::new(
        "non_melanoma_skin_cancer",
        "choice-existing-condition-non-melanoma-skin-cancer",
    ),
    V::new("acne", "choice-existing-condition-acne"),
    V::new("rosacea", "choice-existing-condition-rosacea"),
    V::new("urticaria", "choice-existing-condition-urticaria"),
    V::new("other", "choice-existing-condition-other"),
];

const MANIFESTATION: &[Field] = &[
    Field::new(
        "morphology",
        "field-manifestations-morphology",
        Kind::Enum(MORPHOLOGIES),
    )
    .required(),
    Field::new(
        "morphology_other",
        "field-manifestations-morphology-other",
        Kind::FreeText { max: 200 },
    )
    .req(Req::Iff("morphology", Cond::Equals("other"))),
    Field::new("timing", "field-manifestations-timing", Kind::Enum(TIMINGS)).required(),
    Field::new(
        "duration_days",
        "field-manifestations-duration-days",
        Kind::Integer { min: 0, max: 365 },
    ),
    Field::new(
        "sites",
        "field-manifestations-sites",
        Kind::EnumSet {
            values: SITES,
            exclusive: &[],
        },
    ),
    Field::new("pruritus", "field-manifestations-pruritus", Kind::Bool),
    Field::new(
        "biopsy_performed",
        "field-manifestations-biopsy-performed",
        Kind::Bool,
    ),
];

pub const FIELDS: &[Field] = &[
    Field::new("case_type", "field-case-type", Kind::Enum(CASE_TYPES)).required(),
    Field::new(
        "manifestations",
        "field-manifestations",
        Kind::Array {
            item: MANIFESTATION,
            min: 0,
            max: 10,
        },
    )
    .req(Req::When("case_type", Cond::Equals("skin_manifestation"))),
    Field::new(
        "existing_conditions",
        "field-existing-conditions",
        Kind::EnumSet {
            values: EXISTING_CONDITIONS,
            exclusive: &[],
        },
    )
    .req(Req::When("case_type", Cond::Equals("existing_condition"))),
];

pub const RULES: &[Rule] = &[];

pub const COLUMNS: &[Column] = &[Column {
    name: "case_type",
    path: "case_type",
}];

pub const FACETS: &[FacetSource] = &[
    FacetSource {
        name: "morphology",
        path: "manifestations/morphology",
        detail: Some("timing"),
    },
    FacetSource {
        name: "site",
        path: "manifestations/sites",
        detail: None,
    },
    FacetSource {
        name: "existing_condition",
        path: "existing_conditions",
        detail: None,
    },
];

pub const FORM: FormDef = FormDef {
    registry: "general",
    version: "general/1",
    msg: "form-general",
    sections: &[super::core::FIELDS, FIELDS],
    rules: &[super::core::RULES, RULES],
    columns: &[super::core::COLUMNS, COLUMNS],
    facets: &[super::core::FACETS, FACETS],
    restrictions: &[],
};
