//! The Questionnaire of each form version and the CodeSystem of each value set, computed from the form
//! definitions through their public accessors (`FormDef::fields`, `Field::enum_values`,
//! `registry::field_label`, `registry::enum_label`): there is no second copy of a form here.
//!
//! Only what a stored case can hold is an item: identifying fields and input-only fields (a date of
//! birth becomes an age) are left out, so a QuestionnaireResponse never needs them.
//! `linkId` is the field's JSON pointer with array items transparent (`/treatments/drug`: every item
//! of a repeating group answers under the same linkId, as FHIR repeats work).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde_json::{json, Map, Value};

use crate::registry::form::drugs;
use crate::registry::form::{Cond, Field, Kind, Req};
use crate::registry::{enum_label, field_label, Registry};

/// Countries are coded in ISO 3166-1 alpha-2, which every partner already knows: no CodeSystem of ours.
pub const ISO_3166: &str = "urn:iso:std:iso:3166";
const CODE_SYSTEM_BASE: &str = "urn:dermreg:fhir:CodeSystem:";
const QUESTIONNAIRE_BASE: &str = "urn:dermreg:fhir:Questionnaire:";
/// Free text longer than this is a `text` item (a paragraph), shorter a `string`.
const STRING_MAX: usize = 255;

/// What an item holds, and how its answers are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemType {
    Group,
    Choice,
    Boolean,
    Integer,
    Decimal,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: the diagnosis is stored as a month (or a year).
    Date,
    String,
    Text,
}

impl ItemType {
    fn code(self) -> &'static str {
        match self {
            ItemType::Group => "group",
            ItemType::Choice => "choice",
            ItemType::Boolean => "boolean",
            ItemType::Integer => "integer",
            ItemType::Decimal => "decimal",
            ItemType::Date => "date",
            ItemType::String => "string",
            ItemType::Text => "text",
        }
    }
}

/// One item of a form's Questionnaire.
#[derive(Debug)]
pub struct Item {
    /// The JSON key in the stored form.
    pub name: &'static str,
    pub link_id: String,
    pub text: &'static str,
    pub kind: ItemType,
    pub required: bool,
    pub repeats: bool,
    pub max_length: Option<usize>,
    /// For a choice: the system its codes are in and the codes it offers, with their display.
    pub system: Option<String>,
    pub options: Vec<(&'static str, &'static str)>,
    /// `Req::Iff`: the item exists only when a sibling has a value (its linkId and the condition).
    pub enable_when: Option<(String, Cond)>,
    pub children: Vec<Item>,
    /// The opening of this item in a QuestionnaireResponse, up to its answers or items
    /// (`{"linkId":"/patient/sex","answer":[`): written as is for every case.
    pub opening: String,
    /// For a choice: each code's whole answer (`{"valueCoding":{...}}`), by code.
    pub coded_answers: std::collections::HashMap<&'static str, String>,
}

impl Item {
    /// The display of `code` among this choice's codes.
    pub fn display(&self, code: &str) -> Option<&'static str> {
        self.options.iter().find(|(c, _)| *c == code).map(|(_, d)| *d)
    }

    /// Fills in the precomputed parts of a QuestionnaireResponse's item.
    fn with_answer_parts(mut self) -> Item {
        let list = if self.kind == ItemType::Group { "item" } else { "answer" };
        self.opening = format!("{{\"linkId\":{},\"{list}\":[", json!(self.link_id));
        if let Some(system) = &self.system {
            self.coded_answers = self
                .options
                .iter()
                .map(|(code, display)| (*code, json!({"valueCoding": {"system": system, "code": code, "display": display}}).to_string()))
                .collect();
        }
        self
    }
}

/// One value set of the forms: its CodeSystem id (from the first field that uses it) and its codes.
#[derive(Debug)]
pub struct ValueSet {
    pub id: String,
    pub title: &'static str,
    pub codes: Vec<(&'static str, &'static str)>,
}

impl ValueSet {
    pub fn url(&self) -> String {
        format!("{CODE_SYSTEM_BASE}{}", self.id)
    }
}

/// Every form's items and every value set, computed once.
pub struct Catalog {
    pub forms: Vec<(Registry, Vec<Item>)>,
    pub value_sets: Vec<ValueSet>,
}

pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let mut value_sets = Vec::new();
        let forms = Registry::ALL
            .into_iter()
            .map(|r| {
                let fields: Vec<&'static Field> = r.form().fields().collect();
                (r, items(r, &fields, "", &mut value_sets))
            })
            .collect();
        Catalog { forms, value_sets }
    })
}

/// The items of `registry`'s form.
pub fn form_items(registry: Registry) -> &'static [Item] {
    &catalog().forms.iter().find(|(r, _)| *r == registry).expect("every registry has a form").1
}

/// The Questionnaire's id: the form version with `/` made `-` (`psoriasis-1`).
pub fn id_of(registry: Registry) -> String {
    registry.form_version().replace('/', "-")
}

pub fn url_of(registry: Registry) -> String {
    format!("{QUESTIONNAIRE_BASE}{}", registry.id())
}

/// `url|version`, as a QuestionnaireResponse names its Questionnaire.
pub fn canonical_of(registry: Registry) -> String {
    format!("{}|{}", url_of(registry), registry.form_version())
}

fn items(registry: Registry, fields: &[&'static Field], parent: &str, sets: &mut Vec<ValueSet>) -> Vec<Item> {
    fields.iter().filter(|f| f.is_stored()).map(|f| item(registry, f, fields, parent, sets)).collect()
}

fn item(registry: Registry, f: &'static Field, siblings: &[&'static Field], parent: &str, sets: &mut Vec<ValueSet>) -> Item {
    let link_id = format!("{parent}/{}", f.name);
    let path = link_id.trim_start_matches('/');
    let text = field_label(registry, path).unwrap_or(f.name);
    let mut it = Item {
        name: f.name,
        link_id: link_id.clone(),
        text,
        kind: ItemType::String,
        required: matches!(f.req, Req::Required | Req::Iff(..)),
        repeats: false,
        max_length: None,
        system: None,
        options: Vec::new(),
        enable_when: None,
        children: Vec::new(),
        opening: String::new(),
        coded_answers: Default::default(),
    };
    if let Req::Iff(sibling, cond) = f.req {
        if siblings.iter().any(|s| s.name == sibling) {
            it.enable_when = Some((format!("{parent}/{sibling}"), cond));
        }
    }
    let coded = |codes: Vec<&'static str>| -> Vec<(&'static str, &'static str)> {
        codes.into_iter().map(|c| (c, enum_label(registry, path, c).unwrap_or(c))).collect()
    };
    match f.kind {
        Kind::Enum(_) | Kind::EnumSet { .. } => {
            let values = f.enum_values().expect("an enum has values");
            let all = coded(values.iter().map(|v| v.value).collect());
            it.kind = ItemType::Choice;
            it.repeats = matches!(f.kind, Kind::EnumSet { .. });
            it.system = Some(value_set(sets, path, text, &all));
            // A value the registry refuses (SECURE-AD takes laboratory-confirmed cases only) is no option.
            it.options = all.into_iter().filter(|(c, _)| registry.form().restriction(path, c).is_none()).collect();
        }
        Kind::Drug => {
            it.kind = ItemType::Choice;
            it.options = coded(drugs::drugs().map(|(d, _)| d.value).collect());
            it.system = Some(value_set(sets, path, text, &it.options));
        }
        Kind::Country => {
            it.kind = ItemType::Choice;
            it.system = Some(ISO_3166.to_owned());
            it.options = coded(crate::registry::form::countries::COUNTRIES.iter().map(|c| c.value).collect());
        }
        Kind::Integer { .. } => it.kind = ItemType::Integer,
        Kind::Number { .. } => it.kind = ItemType::Decimal,
        Kind::Bool => it.kind = ItemType::Boolean,
        Kind::Date | Kind::DiagnosisDate => it.kind = ItemType::Date,
        Kind::FreeText { max } => {
            it.kind = if max > STRING_MAX { ItemType::Text } else { ItemType::String };
            it.max_length = Some(max);
        }
        Kind::Identifying => {}
        Kind::Object(children) | Kind::Array { item: children, .. } => {
            it.kind = ItemType::Group;
            it.repeats = matches!(f.kind, Kind::Array { .. });
            let children: Vec<&'static Field> = children.iter().collect();
            it.children = items(registry, &children, &link_id, sets);
        }
    }
    it.with_answer_parts()
}

/// The CodeSystem url of a value set with these codes, adding it on first use. Value sets are told
/// apart by their codes: fields sharing a scale (the PGA and the IGA) share its CodeSystem.
fn value_set(sets: &mut Vec<ValueSet>, path: &str, title: &'static str, codes: &[(&'static str, &'static str)]) -> String {
    if let Some(set) = sets.iter().find(|s| s.codes.iter().map(|c| c.0).eq(codes.iter().map(|c| c.0))) {
        return set.url();
    }
    let id = path.replace(['/', '_'], "-");
    let set = ValueSet { id, title, codes: codes.to_vec() };
    let url = set.url();
    sets.push(set);
    url
}

/// The Questionnaire resource of `registry`'s form version.
pub fn questionnaire(registry: Registry) -> Value {
    let def = registry.form();
    json!({
        "resourceType": "Questionnaire",
        "id": id_of(registry),
        "url": url_of(registry),
        "version": def.version,
        "name": pascal_case(def.registry),
        "title": crate::i18n::english_static(def.msg),
        "status": "active",
        "description": crate::i18n::Lang::ENGLISH.attr(def.msg, "description"),
        "item": form_items(registry).iter().map(item_json).collect::<Vec<_>>(),
    })
}

fn item_json(it: &Item) -> Value {
    let mut m = Map::new();
    m.insert("linkId".into(), json!(it.link_id));
    m.insert("text".into(), json!(it.text));
    m.insert("type".into(), json!(it.kind.code()));
    if let Some((question, cond)) = &it.enable_when {
        m.insert("enableWhen".into(), json!([enable_when(question, *cond)]));
    }
    if it.required {
        m.insert("required".into(), json!(true));
    }
    if it.repeats {
        m.insert("repeats".into(), json!(true));
    }
    if let Some(max) = it.max_length {
        m.insert("maxLength".into(), json!(max));
    }
    if let Some(system) = &it.system {
        let options: Vec<Value> = it
            .options
            .iter()
            .map(|(code, display)| json!({"valueCoding": {"system": system, "code": code, "display": display}}))
            .collect();
        m.insert("answerOption".into(), Value::Array(options));
    }
    if !it.children.is_empty() {
        m.insert("item".into(), it.children.iter().map(item_json).collect());
    }
    Value::Object(m)
}

/// The sibling's condition as FHIR says it. An equality is on a coded sibling (an enum value).
fn enable_when(question: &str, cond: Cond) -> Value {
    match cond {
        Cond::IsTrue => json!({"question": question, "operator": "=", "answerBoolean": true}),
        Cond::Present => json!({"question": question, "operator": "exists", "answerBoolean": true}),
        Cond::Equals(code) => {
            let system = find_item(question).and_then(|i| i.system.clone()).unwrap_or_default();
            json!({"question": question, "operator": "=", "answerCoding": {"system": system, "code": code}})
        }
    }
}

/// The item with this linkId in any form (linkIds of the shared core are the same in every form).
fn find_item(link_id: &str) -> Option<&'static Item> {
    fn walk<'a>(items: &'a [Item], link_id: &str) -> Option<&'a Item> {
        items.iter().find_map(|i| if i.link_id == link_id { Some(i) } else { walk(&i.children, link_id) })
    }
    catalog().forms.iter().find_map(|(_, items)| walk(items, link_id))
}

/// The CodeSystem resources, by id.
pub fn code_systems() -> BTreeMap<String, Value> {
    catalog()
        .value_sets
        .iter()
        .map(|s| {
            let resource = json!({
                "resourceType": "CodeSystem",
                "id": s.id,
                "url": s.url(),
                "name": pascal_case(&s.id),
                "title": s.title,
                "status": "active",
                "caseSensitive": true,
                "content": "complete",
                "count": s.codes.len(),
                "concept": s.codes.iter().map(|(code, display)| json!({"code": code, "display": display})).collect::<Vec<_>>(),
            });
            (s.id.clone(), resource)
        })
        .collect()
}

/// A computable name (`atopic-dermatitis` -> `AtopicDermatitis`), as FHIR's naming rule wants.
fn pascal_case(id: &str) -> String {
    id.split(['-', '_', '/'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_enum_field_of_every_form_is_a_choice_with_its_codes() {
        for r in Registry::ALL {
            let q = questionnaire(r);
            assert_eq!(q["version"], r.form_version());
            let sex = form_items(r).iter().find(|i| i.name == "patient").unwrap().children.iter().find(|i| i.name == "sex").unwrap();
            assert_eq!(sex.kind, ItemType::Choice);
            assert_eq!(sex.display("female"), Some("Female"));
            assert!(sex.required);
        }
    }

    #[test]
    fn identifying_and_input_only_fields_are_no_items() {
        let patient = form_items(Registry::Psoriasis).iter().find(|i| i.name == "patient").unwrap();
        let names: Vec<&str> = patient.children.iter().map(|i| i.name).collect();
        for gone in ["name", "email", "date_of_birth", "height_cm", "weight_kg", "mrn"] {
            assert!(!names.contains(&gone), "{gone} is an item");
        }
        assert!(names.contains(&"age_years") && names.contains(&"bmi"));
    }

    #[test]
    fn an_only_when_field_is_enabled_by_its_condition() {
        let treatments = form_items(Registry::Psoriasis).iter().find(|i| i.name == "treatments").unwrap();
        assert!(treatments.repeats && treatments.kind == ItemType::Group);
        let other = treatments.children.iter().find(|i| i.name == "other_name").unwrap();
        let ew = enable_when(&other.enable_when.as_ref().unwrap().0, other.enable_when.as_ref().unwrap().1);
        assert_eq!(ew["question"], "/treatments/drug");
        assert_eq!(ew["answerCoding"]["code"], "other");
        assert_eq!(ew["answerCoding"]["system"], "urn:dermreg:fhir:CodeSystem:treatments-drug");
    }

    #[test]
    fn a_shared_scale_is_one_code_system_and_a_refused_value_no_option() {
        let systems = code_systems();
        let scales: Vec<_> = systems.values().filter(|s| s["concept"][0]["code"] == "clear").collect();
        assert_eq!(scales.len(), 1);
        let covid = form_items(Registry::AtopicDermatitis).iter().find(|i| i.name == "covid").unwrap();
        let basis = covid.children.iter().find(|i| i.name == "diagnosis_basis").unwrap();
        assert!(basis.display("clinical_suspicion").is_none());
        assert!(basis.display("pcr").is_some());
    }
}
