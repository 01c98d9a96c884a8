//! The drug table: every drug belongs to one class, every class to one category. This is the only place
//! drugs, classes and categories are listed; the `treatments[].drug` enum, the JSON Schema, the derived
//! treatment category and the summary labels all come from here.

use super::kinds::EnumValue;

const BIOLOGIC: EnumValue = EnumValue::new("biologic", "treatment-category-biologic");
const NON_BIOLOGIC_SYSTEMIC: EnumValue = EnumValue::new(
    "non_biologic_systemic",
    "treatment-category-non-biologic-systemic",
);
const PHOTOTHERAPY: EnumValue = EnumValue::new("phototherapy", "treatment-category-phototherapy");
const OTHER: EnumValue = EnumValue::new("other", "treatment-category-other");
const NO_SYSTEMIC: EnumValue = EnumValue::new("no_systemic", "treatment-category-no-systemic");

/// Treatment categories, **in priority order**: a case with several treatments is in the category of the
/// first one here that any of its drugs belongs to (biologic > non-biologic systemic > phototherapy >
/// other); a case with no treatment is `no_systemic`.
pub const CATEGORIES: &[EnumValue] = &[
    BIOLOGIC,
    NON_BIOLOGIC_SYSTEMIC,
    PHOTOTHERAPY,
    OTHER,
    NO_SYSTEMIC,
];

/// The category of a case without any treatment.
pub const NO_SYSTEMIC_CATEGORY: &str = NO_SYSTEMIC.value;

#[derive(Debug)]
pub struct DrugClass {
    pub value: &'static str,
    /// Message id of the class name.
    pub msg: &'static str,
    pub category: &'static EnumValue,
    pub drugs: &'static [EnumValue],
}

/// The drug with the value `other` needs `other_name` (see `core.rs`).
pub const OTHER_DRUG: &str = "other";

pub const CLASSES: &[DrugClass] = &[
    DrugClass {
        value: "tnf_inhibitor",
        msg: "drug-class-tnf-inhibitor",
        category: &BIOLOGIC,
        drugs: &[
            EnumValue::new("adalimumab", "drug-adalimumab"),
            EnumValue::new("etanercept", "drug-etanercept"),
            EnumValue::new("infliximab", "drug-infliximab"),
            EnumValue::new("certolizumab_pegol", "drug-certolizumab-pegol"),
            EnumValue::new("golimumab", "drug-golimumab"),
        ],
    },
    DrugClass {
        value: "il17_inhibitor",
        msg: "drug-class-il17-inhibitor",
        category: &BIOLOGIC,
        drugs: &[
            EnumValue::new("secukinumab", "drug-secukinumab"),
            EnumValue::new("ixekizumab", "drug-ixekizumab"),
            EnumValue::new("brodalumab", "drug-brodalumab"),
            EnumValue::new("bimekizumab", "drug-bimekizumab"),
        ],
    },
    DrugClass {
        value: "il23_inhibitor",
        msg: "drug-class-il23-inhibitor",
        category: &BIOLOGIC,
        drugs: &[
            EnumValue::new("guselkumab", "drug-guselkumab"),
            EnumValue::new("risankizumab", "drug-risankizumab"),
            EnumValue::new("tildrakizumab", "drug-tildrakizumab"),
        ],
    },
    DrugClass {
        value: "il12_23_inhibitor",
        msg: "drug-class-il12-23-inhibitor",
        category: &BIOLOGIC,
        drugs: &[EnumValue::new("ustekinumab", "drug-ustekinumab")],
    },
    DrugClass {
        value: "il4_il13_inhibitor",
        msg: "drug-class-il4-il13-inhibitor",
        category: &BIOLOGIC,
        drugs: &[
            EnumValue::new("dupilumab", "drug-dupilumab"),
            EnumValue::new("tralokinumab", "drug-tralokinumab"),
            EnumValue::new("lebrikizumab", "drug-lebrikizumab"),
        ],
    },
    DrugClass {
        value: "jak_inhibitor",
        msg: "drug-class-jak-inhibitor",
        category: &NON_BIOLOGIC_SYSTEMIC,
        drugs: &[
            EnumValue::new("baricitinib", "drug-baricitinib"),
            EnumValue::new("upadacitinib", "drug-upadacitinib"),
            EnumValue::new("abrocitinib", "drug-abrocitinib"),
            EnumValue::new("tofacitinib", "drug-tofacitinib"),
        ],
    },
    DrugClass {
        value: "tyk2_inhibitor",
        msg: "drug-class-tyk2-inhibitor",
        category: &NON_BIOLOGIC_SYSTEMIC,
        drugs: &[EnumValue::new("deucravacitinib", "drug-deucravacitinib")],
    },
    DrugClass {
        value: "pde4_inhibitor",
        msg: "drug-class-pde4-inhibitor",
        category: &NON_BIOLOGIC_SYSTEMIC,
        drugs: &[EnumValue::new("apremilast", "drug-apremilast")],
    },
    DrugClass {
        value: "conventional_systemic",
        msg: "drug-class-conventional-systemic",
        category: &NON_BIOLOGIC_SYSTEMIC,
        drugs: &[
            EnumValue::new("methotrexate", "drug-methotrexate"),
            EnumValue::new("ciclosporin", "drug-ciclosporin"),
            EnumValue::new("acitretin", "drug-acitretin"),
            EnumValue::new("dimethyl_fumarate", "drug-dimethyl-fumarate"),
            EnumValue::new("azathioprine", "drug-azathioprine"),
            EnumValue::new("mycophenolate", "drug-mycophenolate"),
        ],
    },
    DrugClass {
        value: "systemic_corticosteroid",
        msg: "drug-class-systemic-corticosteroid",
        category: &NON_BIOLOGIC_SYSTEMIC,
        drugs: &[
            EnumValue::new("prednisolone", "drug-prednisolone"),
            EnumValue::new("methylprednisolone", "drug-methylprednisolone"),
            EnumValue::new("dexamethasone", "drug-dexamethasone"),
        ],
    },
    DrugClass {
        value: "phototherapy",
        msg: "drug-class-phototherapy",
        category: &PHOTOTHERAPY,
        drugs: &[
            EnumValue::new("nb_uvb", "drug-nb-uvb"),
            EnumValue::new("puva", "drug-puva"),
        ],
    },
    DrugClass {
        value: "other",
        msg: "drug-class-other",
        category: &OTHER,
        drugs: &[EnumValue::new(OTHER_DRUG, "drug-other")],
    },
];

/// All drugs, in table order.
pub fn drugs() -> impl Iterator<Item = (&'static EnumValue, &'static DrugClass)> {
    CLASSES
        .iter()
        .flat_map(|c| c.drugs.iter().map(move |d| (d, c)))
}

/// The drug and its class.
pub fn drug(value: &str) -> Option<(&'static EnumValue, &'static DrugClass)> {
    drugs().find(|(d, _)| d.value == value)
}

pub fn class(value: &str) -> Option<&'static DrugClass> {
    CLASSES.iter().find(|c| c.value == value)
}

/// Rank of a category in the priority order (0 is highest).
pub fn category_rank(category: &str) -> usize {
    CATEGORIES
        .iter()
        .position(|c| c.value == category)
        .unwrap_or(CATEGORIES.len())
}

/// The treatment category of a case from its drugs (unknown drugs are ignored; validation refuses them).
pub fn treatment_category<'a>(drugs: impl IntoIterator<Item = &'a str>) -> &'static str {
    drugs
        .into_iter()
        .filter_map(|d| drug(d).map(|(_, c)| c.category))
        .min_by_key(|c| category_rank(c.value))
        .map_or(NO_SYSTEMIC_CATEGORY, |c| c.value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_drug_is_unique_and_in_one_class() {
        let mut seen = std::collections::BTreeSet::new();
        for (d, _) in drugs() {
            assert!(seen.insert(d.value), "duplicate drug {}", d.value);
        }
        assert_eq!(seen.len(), 34);
        for c in CLASSES {
            assert!(CATEGORIES.contains(c.category));
            assert_ne!(c.category.value, NO_SYSTEMIC_CATEGORY);
        }
    }

    #[test]
    fn category_priority() {
        assert_eq!(treatment_category([]), "no_systemic");
        assert_eq!(treatment_category(["other"]), "other");
        assert_eq!(treatment_category(["other", "puva"]), "phototherapy");
        assert_eq!(
            treatment_category(["nb_uvb", "methotrexate", "other"]),
            "non_biologic_systemic"
        );
        assert_eq!(
            treatment_category(["methotrexate", "adalimumab"]),
            "biologic"
        );
        assert_eq!(
            treatment_category(["upadacitinib"]),
            "non_biologic_systemic"
        );
        assert_eq!(drug("dupilumab").unwrap().1.value, "il4_il13_inhibitor");
        assert_eq!(
            drug("deucravacitinib").unwrap().1.category.value,
            "non_biologic_systemic"
        );
    }
}
