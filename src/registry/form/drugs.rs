//! The drug table: every drug belongs to one class, every class to one category. This is the only place
//! drugs, classes and categories are listed; the `treatments[].drug` enum, the JSON Schema, the derived
//! treatment category and the summary labels all come from here.

use super::kinds::EnumValue;

const BIOLOGIC: EnumValue = EnumValue::new("biologic", "Biologic");
const NON_BIOLOGIC_SYSTEMIC: EnumValue =
    EnumValue::new("non_biologic_systemic", "Non-biologic systemic");
const PHOTOTHERAPY: EnumValue = EnumValue::new("phototherapy", "Phototherapy");
const OTHER: EnumValue = EnumValue::new("other", "Other");
const NO_SYSTEMIC: EnumValue = EnumValue::new("no_systemic", "No systemic treatment");

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
    pub label: &'static str,
    pub category: &'static EnumValue,
    pub drugs: &'static [EnumValue],
}

/// The drug with the value `other` needs `other_name` (see `core.rs`).
pub const OTHER_DRUG: &str = "other";

pub const CLASSES: &[DrugClass] = &[
    DrugClass {
        value: "tnf_inhibitor",
        label: "TNF inhibitor",
        category: &BIOLOGIC,
        drugs: &[
            EnumValue::new("adalimumab", "Adalimumab"),
            EnumValue::new("etanercept", "Etanercept"),
            EnumValue::new("infliximab", "Infliximab"),
            EnumValue::new("certolizumab_pegol", "Certolizumab pegol"),
            EnumValue::new("golimumab", "Golimumab"),
        ],
    },
    DrugClass {
        value: "il17_inhibitor",
        label: "IL-17 inhibitor",
        category: &BIOLOGIC,
        drugs: &[
            EnumValue::new("secukinumab", "Secukinumab"),
            EnumValue::new("ixekizumab", "Ixekizumab"),
            EnumValue::new("brodalumab", "Brodalumab"),
            EnumValue::new("bimekizumab", "Bimekizumab"),
        ],
    },
    DrugClass {
        value: "il23_inhibitor",
        label: "IL-23 inhibitor",
        category: &BIOLOGIC,
        drugs: &[
            EnumValue::new("guselkumab", "Guselkumab"),
            EnumValue::new("risankizumab", "Risankizumab"),
            EnumValue::new("tildrakizumab", "Tildrakizumab"),
        ],
    },
    DrugClass {
        value: "il12_23_inhibitor",
        label: "IL-12/23 inhibitor",
        category: &BIOLOGIC,
        drugs: &[EnumValue::new("ustekinumab", "Ustekinumab")],
    },
    DrugClass {
        value: "il4_il13_inhibitor",
        label: "IL-4/IL-13 inhibitor",
        category: &BIOLOGIC,
        drugs: &[
            EnumValue::new("dupilumab", "Dupilumab"),
            EnumValue::new("tralokinumab", "Tralokinumab"),
            EnumValue::new("lebrikizumab", "Lebrikizumab"),
        ],
    },
    DrugClass {
        value: "jak_inhibitor",
        label: "JAK inhibitor",
        category: &NON_BIOLOGIC_SYSTEMIC,
        drugs: &[
            EnumValue::new("baricitinib", "Baricitinib"),
            EnumValue::new("upadacitinib", "Upadacitinib"),
            EnumValue::new("abrocitinib", "Abrocitinib"),
            EnumValue::new("tofacitinib", "Tofacitinib"),
        ],
    },
    DrugClass {
        value: "tyk2_inhibitor",
        label: "TYK2 inhibitor",
        category: &NON_BIOLOGIC_SYSTEMIC,
        drugs: &[EnumValue::new("deucravacitinib", "Deucravacitinib")],
    },
    DrugClass {
        value: "pde4_inhibitor",
        label: "PDE4 inhibitor",
        category: &NON_BIOLOGIC_SYSTEMIC,
        drugs: &[EnumValue::new("apremilast", "Apremilast")],
    },
    DrugClass {
        value: "conventional_systemic",
        label: "Conventional systemic",
        category: &NON_BIOLOGIC_SYSTEMIC,
        drugs: &[
            EnumValue::new("methotrexate", "Methotrexate"),
            EnumValue::new("ciclosporin", "Ciclosporin"),
            EnumValue::new("acitretin", "Acitretin"),
            EnumValue::new("dimethyl_fumarate", "Dimethyl fumarate"),
            EnumValue::new("azathioprine", "Azathioprine"),
            EnumValue::new("mycophenolate", "Mycophenolate"),
        ],
    },
    DrugClass {
        value: "systemic_corticosteroid",
        label: "Systemic corticosteroid",
        category: &NON_BIOLOGIC_SYSTEMIC,
        drugs: &[
            EnumValue::new("prednisolone", "Prednisolone"),
            EnumValue::new("methylprednisolone", "Methylprednisolone"),
            EnumValue::new("dexamethasone", "Dexamethasone"),
        ],
    },
    DrugClass {
        value: "phototherapy",
        label: "Phototherapy",
        category: &PHOTOTHERAPY,
        drugs: &[
            EnumValue::new("nb_uvb", "Narrowband UVB"),
            EnumValue::new("puva", "PUVA"),
        ],
    },
    DrugClass {
        value: "other",
        label: "Other",
        category: &OTHER,
        drugs: &[EnumValue::new(OTHER_DRUG, "Other (name it)")],
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
