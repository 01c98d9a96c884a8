//! Synthetic cases for demos and benchmarks (`dermreg seed`). Plausible, not real: weighted draws of
//! ages, sexes, countries, treatments, outcomes and morphologies, with notes that carry fake
//! identifying details so the scrubber is exercised. Every form goes through the same intake as a
//! submission; a value that drifted from the definitions fails there, loudly.

use serde_json::{json, Value};

use super::Registry;

/// A small deterministic generator (SplitMix64): the same seed gives the same cases.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A value drawn by weight.
    pub fn weighted<'a>(&mut self, items: &[(&'a str, u32)]) -> &'a str {
        let total: u32 = items.iter().map(|(_, w)| w).sum();
        let mut x = (self.next_u64() % total as u64) as u32;
        for (v, w) in items {
            if x < *w {
                return v;
            }
            x -= w;
        }
        items[0].0
    }

    /// Roughly normal (Irwin-Hall of 4 uniforms).
    pub fn normal(&mut self, mean: f64, sd: f64) -> f64 {
        let s: f64 = (0..4).map(|_| self.unit()).sum();
        mean + (s - 2.0) * sd * (3.0f64).sqrt()
    }
}

// Weights loosely follow the published registry case series: mostly European and American reports,
// a long tail of countries (so summaries meet small cells), most cases not hospitalised.
const COUNTRIES: &[(&str, u32)] = &[
    ("GB", 22), ("US", 18), ("ES", 9), ("IT", 9), ("FR", 8), ("DE", 7), ("NL", 5), ("BR", 5), ("IE", 3),
    ("NO", 3), ("SE", 2), ("DK", 2), ("CA", 2), ("AU", 2), ("IN", 1), ("NG", 1), ("JP", 1), ("ZA", 1),
];
const RARE_COUNTRIES: &[&str] = &["IS", "MT", "LU", "EE", "CY", "UY", "NZ", "KE"];
const SEXES: &[(&str, u32)] = &[("female", 52), ("male", 46), ("other", 1), ("unknown", 1)];
const BASES: &[(&str, u32)] = &[("pcr", 60), ("antigen", 20), ("antibody", 5), ("clinical_suspicion", 15)];
const COMORBIDITIES: &[(&str, f64)] = &[
    ("hypertension", 0.2), ("diabetes", 0.1), ("obesity", 0.15), ("cardiovascular_disease", 0.07),
    ("chronic_lung_disease", 0.08), ("chronic_kidney_disease", 0.03), ("cancer", 0.03), ("immunodeficiency", 0.01),
];
const SYMPTOMS: &[&str] = &["fever", "cough", "dyspnoea", "fatigue", "anosmia", "ageusia", "myalgia", "headache"];
const PSORIASIS_DRUGS: &[(&str, u32)] = &[
    ("adalimumab", 14), ("ustekinumab", 12), ("secukinumab", 10), ("ixekizumab", 5), ("guselkumab", 6),
    ("risankizumab", 7), ("etanercept", 3), ("methotrexate", 15), ("ciclosporin", 3), ("acitretin", 4),
    ("apremilast", 5), ("dimethyl_fumarate", 3), ("deucravacitinib", 1), ("nb_uvb", 3),
];
const ATOPIC_DRUGS: &[(&str, u32)] = &[
    ("dupilumab", 40), ("tralokinumab", 6), ("lebrikizumab", 2), ("upadacitinib", 6), ("abrocitinib", 4),
    ("baricitinib", 3), ("methotrexate", 6), ("ciclosporin", 8), ("azathioprine", 2), ("mycophenolate", 2),
    ("prednisolone", 3), ("nb_uvb", 3),
];
const MORPHOLOGIES: &[(&str, u32)] = &[
    ("morbilliform", 22), ("urticarial", 16), ("pernio_like", 18), ("vesicular", 9), ("macular_erythema", 10),
    ("papulosquamous", 7), ("retiform_purpura", 2), ("livedo_reticularis", 3), ("livedo_racemosa", 1),
    ("petechiae", 3), ("erythema_multiforme_like", 2), ("pityriasis_rosea_like", 3),
];
const EXISTING: &[(&str, u32)] = &[
    ("psoriasis", 30), ("atopic_dermatitis", 20), ("hidradenitis_suppurativa", 8), ("alopecia_areata", 6),
    ("vitiligo", 5), ("cutaneous_lupus", 4), ("acne", 8), ("rosacea", 4), ("urticaria", 6), ("melanoma", 3),
    ("bullous_pemphigoid", 2), ("pemphigus", 1), ("dermatomyositis", 1),
];
const GIVEN: &[&str] = &["Maria", "Lars", "Ingrid", "Kwame", "Priya", "Chen", "Fatima", "Johan", "Elena", "Rahul", "Amara", "Yuki"];
const SURNAMES: &[&str] = &["Olsen", "Haddad", "Okafor", "Lindqvist", "Gupta", "Keller", "Rossi", "Petrova", "Bakker", "Fernandez"];
const CLINICAL: &[&str] = &[
    "PASI 12 before COVID-19", "restarted adalimumab after 2 weeks", "EASI 21.4 at last visit", "IL-17 inhibitor paused",
    "BSA 10% affected", "pernio-like lesions on toes", "SARS-CoV-2 PCR positive", "grade 3 fatigue",
    "flare settled with topical steroids", "methotrexate 15 mg weekly held",
];

/// One synthetic raw form for `registry`, as a clinic system might send it (identifying fields included).
pub fn form(registry: Registry, rng: &mut Rng) -> Value {
    let age = rng.normal(48.0, 18.0).clamp(if registry == Registry::General { 0.0 } else { 18.0 }, 99.0) as i64;
    let old = age as f64 / 100.0;
    let hospitalised = rng.chance(0.04 + 0.25 * old * old);
    let icu = hospitalised && rng.chance(0.25);
    let died = hospitalised && rng.chance(0.08 + 0.3 * old * old);
    let basis = loop {
        let b = rng.weighted(BASES);
        if !(registry == Registry::AtopicDermatitis && b == "clinical_suspicion") {
            break b;
        }
    };
    let (year, month) = (2020 + rng.below(3) as i64, 1 + rng.below(12) as i64);
    let (year, month) = if year == 2020 && month < 3 { (2020, 3 + rng.below(10) as i64) } else { (year, month) };
    let country = if rng.chance(0.01) { rng.pick(RARE_COUNTRIES) } else { rng.weighted(COUNTRIES) };
    let mut comorbidities: Vec<&str> = COMORBIDITIES.iter().filter(|(_, p)| rng.chance(p * (0.5 + old))).map(|(c, _)| *c).collect();
    if comorbidities.is_empty() && rng.chance(0.5) {
        comorbidities.push("none");
    }
    let symptoms: Vec<&str> = if rng.chance(0.08) {
        vec!["asymptomatic"]
    } else {
        SYMPTOMS.iter().filter(|_| rng.chance(0.35)).copied().collect()
    };
    let given = *rng.pick(GIVEN);
    let surname = *rng.pick(SURNAMES);
    let mut f = json!({
        "reporter": {"country": country, "specialty": if rng.chance(0.85) { "dermatology" } else { "rheumatology" }},
        "patient": {
            "age_years": age,
            "sex": rng.weighted(SEXES),
            "smoking": *rng.pick(&["never", "former", "current", "unknown"]),
        },
        "comorbidities": comorbidities,
        "covid": {
            "diagnosis_basis": basis,
            "diagnosis_date": format!("{year}-{month:02}-{:02}", 1 + rng.below(28)),
            "symptoms": symptoms,
            "vaccination": *rng.pick(&["unvaccinated", "partial", "complete", "boosted", "unknown"]),
            "outcome": {
                "hospitalised": hospitalised,
                "icu": icu,
                "died": died,
                "status": if died { "died" } else if rng.chance(0.9) { "recovered" } else { "recovering" },
            }
        },
        "treatments": [],
    });
    if rng.chance(0.3) {
        // What a clinic system sends along; intake removes it.
        f["patient"]["name"] = json!(format!("{given} {surname}"));
        f["patient"]["mrn"] = json!(format!("MRN{:07}", rng.below(10_000_000)));
    }
    if rng.chance(0.5) {
        let note = match rng.below(3) {
            0 => format!("{}; {}.", rng.pick(CLINICAL), rng.pick(CLINICAL)),
            1 => format!("Mr {surname} seen on {:02}/{month:02}/{year}. {}.", 1 + rng.below(28), rng.pick(CLINICAL)),
            _ => format!("{given} {surname} called from 07{:03} {:06}; {}.", rng.below(1000), rng.below(1_000_000), rng.pick(CLINICAL)),
        };
        f["notes"] = json!(note);
    }
    let drugs = match registry {
        Registry::Psoriasis => Some(PSORIASIS_DRUGS),
        Registry::AtopicDermatitis => Some(ATOPIC_DRUGS),
        Registry::General => None,
    };
    let mut topical_only = false;
    if let Some(table) = drugs {
        if rng.chance(0.75) {
            let mut treatments = vec![];
            let first = rng.weighted(table);
            treatments.push(treatment(first, rng));
            if rng.chance(0.15) {
                let second = rng.weighted(table);
                if second != first {
                    treatments.push(treatment(second, rng));
                }
            }
            f["treatments"] = json!(treatments);
        } else {
            topical_only = rng.chance(0.6);
        }
    }
    let scale = ["clear", "almost_clear", "mild", "moderate", "severe"];
    let flare = *rng.pick(&["yes", "no", "no", "unknown"]);
    match registry {
        Registry::Psoriasis => {
            f["psoriasis"] = json!({
                "type": rng.weighted(&[("plaque", 80), ("guttate", 5), ("palmoplantar_pustular", 5), ("inverse", 4), ("generalised_pustular", 2), ("erythrodermic", 2), ("other", 2)]),
                "psoriatic_arthritis": rng.chance(0.25),
                "severity_before_covid": {"pga": *rng.pick(&scale), "pasi": (rng.unit() * 200.0).round() / 10.0},
                "flare_after_covid": flare,
            });
        }
        Registry::AtopicDermatitis => {
            f["atopic_dermatitis"] = json!({
                "severity_before_covid": {"iga": *rng.pick(&scale), "easi": (rng.unit() * 300.0).round() / 10.0, "poem": rng.below(29)},
                "atopic_comorbidities": if rng.chance(0.4) { json!(["asthma"]) } else { json!(["none"]) },
                "flare_after_covid": flare,
                "topical_only": topical_only,
            });
        }
        Registry::General => {
            if rng.chance(0.6) {
                let n = 1 + usize::from(rng.chance(0.2));
                let mut morphologies: Vec<&str> = (0..n).map(|_| rng.weighted(MORPHOLOGIES)).collect();
                morphologies.dedup();
                let manifestations: Vec<Value> = morphologies
                    .into_iter()
                    .map(|m| {
                        json!({
                            "morphology": m,
                            "timing": *rng.pick(&["before_symptoms", "with_symptoms", "after_symptoms", "no_other_symptoms"]),
                            "duration_days": rng.below(30),
                        })
                    })
                    .collect();
                f["case_type"] = json!("skin_manifestation");
                f["manifestations"] = json!(manifestations);
            } else {
                f["case_type"] = json!("existing_condition");
                f["existing_conditions"] = json!([rng.weighted(EXISTING)]);
            }
        }
    }
    f
}

/// Generates `count` cases for `registry` and stores them through intake, 1,000 per transaction.
/// Returns how many were stored.
pub fn load(
    state: &crate::AppState,
    registry: Registry,
    count: usize,
    seed: u64,
    submitter: &str,
) -> Result<usize, crate::db::DbError> {
    let ctx = state.intake_context();
    let mut rng = Rng::new(seed);
    let mut stored = 0;
    while stored < count {
        let n = (count - stored).min(1000);
        let intakes: Vec<super::Intake> = (0..n)
            .map(|_| super::intake(registry, &form(registry, &mut rng), &ctx))
            .collect::<Result<_, _>>()
            .map_err(|e| crate::db::DbError::Other(format!("a seeded form failed intake: {e}")))?;
        let ids: Vec<String> = (0..n).map(|_| uuid::Uuid::now_v7().to_string()).collect();
        let documents: Vec<super::store::DocumentText> = intakes.iter().map(|i| super::store::DocumentText::of(&i.form, &i.derived)).collect();
        let new: Vec<super::store::NewCase> = intakes
            .iter()
            .zip(&ids)
            .zip(&documents)
            .map(|((i, id), document)| super::store::NewCase {
                id,
                registry,
                submitter,
                record_key: None,
                document,
                derived: &i.derived,
            })
            .collect();
        let audit: Vec<crate::audit::Entry> =
            ids.iter().map(|id| crate::audit::Entry::new(submitter, "case.seed", "case", Some(id), None)).collect();
        state.db.write_blocking(|c| {
            super::store::insert_many(c, &new)?;
            crate::audit::record_many(c, &audit)
        })?;
        stored += n;
    }
    // A bulk load leaves the planner's statistics stale: refresh them so the first release scans
    // the summary indexes.
    state.db.refresh_statistics()?;
    Ok(stored)
}

fn treatment(drug: &str, rng: &mut Rng) -> Value {
    json!({
        "drug": drug,
        "status_at_onset": rng.weighted(&[("ongoing", 85), ("paused_before_onset", 10), ("stopped_within_3_months", 5)]),
        "changed_due_to_covid": rng.weighted(&[("no_change", 60), ("paused", 30), ("stopped", 5), ("unknown", 5)]),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deid::text::Scrubber;
    use crate::registry::{intake, DiagnosisPrecision, IntakeContext};

    #[test]
    fn seeded_forms_pass_intake() {
        let scrubber = Scrubber::new();
        let ctx = IntakeContext { scrubber: &scrubber, diagnosis_precision: DiagnosisPrecision::Month, free_text: Default::default() };
        let mut rng = Rng::new(7);
        for registry in Registry::ALL {
            for _ in 0..500 {
                let form = form(registry, &mut rng);
                if let Err(e) = intake(registry, &form, &ctx) {
                    panic!("{registry}: {:?}\n{form}", e.0.iter().map(|e| (&e.pointer, e.code)).collect::<Vec<_>>());
                }
            }
        }
    }

    #[test]
    fn deterministic() {
        let (mut a, mut b) = (Rng::new(1), Rng::new(1));
        assert_eq!(form(Registry::Psoriasis, &mut a), form(Registry::Psoriasis, &mut b));
    }
}
