//! Module `general`: International Dermatology COVID-19 Registry, (a) skin manifestations of COVID-19,
//! (b) patients with an existing skin condition who then develop COVID-19.

use super::kinds::{Column, Cond, EnumValue as V, FacetSource, Field, FormDef, Kind, Req, Rule};

pub const CASE_TYPES: &[V] = &[
    V::new("skin_manifestation", "Skin manifestation of COVID-19"),
    V::new(
        "existing_condition",
        "Existing skin condition, then COVID-19",
    ),
];

pub const MORPHOLOGIES: &[V] = &[
    V::new("morbilliform", "Morbilliform"),
    V::new("urticarial", "Urticarial"),
    V::new("vesicular", "Vesicular"),
    V::new("pernio_like", "Pernio-like (\"COVID toes\")"),
    V::new("macular_erythema", "Macular erythema"),
    V::new("papulosquamous", "Papulosquamous"),
    V::new("retiform_purpura", "Retiform purpura"),
    V::new("livedo_reticularis", "Livedo reticularis"),
    V::new("livedo_racemosa", "Livedo racemosa"),
    V::new("petechiae", "Petechiae"),
    V::new("erythema_multiforme_like", "Erythema multiforme-like"),
    V::new("pityriasis_rosea_like", "Pityriasis rosea-like"),
    V::new("other", "Other (describe it)"),
];

pub const TIMINGS: &[V] = &[
    V::new("before_symptoms", "Before other COVID-19 symptoms"),
    V::new("with_symptoms", "With other COVID-19 symptoms"),
    V::new("after_symptoms", "After other COVID-19 symptoms"),
    V::new("no_other_symptoms", "No other COVID-19 symptoms"),
];

pub const SITES: &[V] = &[
    V::new("face", "Face"),
    V::new("trunk", "Trunk"),
    V::new("arms", "Arms"),
    V::new("hands", "Hands"),
    V::new("legs", "Legs"),
    V::new("feet", "Feet"),
    V::new("acral", "Acral"),
    V::new("mucosa", "Mucosa"),
    V::new("generalised", "Generalised"),
];

pub const EXISTING_CONDITIONS: &[V] = &[
    V::new("psoriasis", "Psoriasis"),
    V::new("atopic_dermatitis", "Atopic dermatitis"),
    V::new("hidradenitis_suppurativa", "Hidradenitis suppurativa"),
    V::new("alopecia_areata", "Alopecia areata"),
    V::new("vitiligo", "Vitiligo"),
    V::new("cutaneous_lupus", "Cutaneous lupus"),
    V::new("dermatomyositis", "Dermatomyositis"),
    V::new("bullous_pemphigoid", "Bullous pemphigoid"),
    V::new("pemphigus", "Pemphigus"),
    V::new("melanoma", "Melanoma"),
    V::new("non_melanoma_skin_cancer", "Non-melanoma skin cancer"),
    V::new("acne", "Acne"),
    V::new("rosacea", "Rosacea"),
    V::new("urticaria", "Urticaria"),
    V::new("other", "Other"),
];

const MANIFESTATION: &[Field] = &[
    Field::new("morphology", "Morphology", "", Kind::Enum(MORPHOLOGIES)).required(),
    Field::new(
        "morphology_other",
        "Other morphology",
        "Required when the morphology is \"Other\", and only then. At most 200 characters; identifying details are removed.",
        Kind::FreeText { max: 200 },
    )
    .req(Req::Iff("morphology", Cond::Equals("other"))),
    Field::new("timing", "Timing", "Relative to the other COVID-19 symptoms.", Kind::Enum(TIMINGS)).required(),
    Field::new("duration_days", "Duration (days)", "0 to 365.", Kind::Integer { min: 0, max: 365 }),
    Field::new("sites", "Body sites", "", Kind::EnumSet { values: SITES, exclusive: &[] }),
    Field::new("pruritus", "Pruritus", "", Kind::Bool),
    Field::new("biopsy_performed", "Biopsy performed", "", Kind::Bool),
];

pub const FIELDS: &[Field] = &[
    Field::new("case_type", "Type of case", "", Kind::Enum(CASE_TYPES)).required(),
    Field::new(
        "manifestations",
        "Skin manifestations",
        "1 to 10; required for a skin manifestation case.",
        Kind::Array {
            item: MANIFESTATION,
            min: 0,
            max: 10,
        },
    )
    .req(Req::When("case_type", Cond::Equals("skin_manifestation"))),
    Field::new(
        "existing_conditions",
        "Existing skin conditions",
        "At least one for an existing-condition case.",
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
    title: "International Dermatology COVID-19 Registry",
    description: "Skin manifestations of COVID-19, and patients with an existing skin condition who then develop COVID-19. Any country, any specialty; clinically suspected or laboratory-confirmed COVID-19.",
    sections: &[super::core::FIELDS, FIELDS],
    rules: &[super::core::RULES, RULES],
    columns: &[super::core::COLUMNS, COLUMNS],
    facets: &[super::core::FACETS, FACETS],
    restrictions: &[],
};
