//! A case as a QuestionnaireResponse: the stored, de-identified form walked along its Questionnaire's
//! items. Nothing names a person: no subject, author or source, and the only time is the month the
//! case was entered. `meta.security` labels the content anonymised (HL7 v3 ObservationValue ANONYED).

use serde_json::{json, Map, Value};

use super::questionnaire::{canonical_of, form_items, Item, ItemType};
use crate::registry::store::CaseRow;
use crate::registry::Registry;

pub const ANONYMISED: &str = "ANONYED";
pub const SECURITY_SYSTEM: &str = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue";

/// The QuestionnaireResponse of a stored case; `None` for a withdrawn case (it has no content).
pub fn questionnaire_response(registry: Registry, row: &CaseRow) -> Option<Value> {
    let form: Value = serde_json::from_str(row.form.as_deref()?).ok()?;
    Some(json!({
        "resourceType": "QuestionnaireResponse",
        "id": row.id,
        "meta": {
            "versionId": row.version.to_string(),
            "security": [{"system": SECURITY_SYSTEM, "code": ANONYMISED, "display": "anonymized"}],
        },
        "questionnaire": canonical_of(registry),
        "status": if row.version > 1 { "amended" } else { "completed" },
        "authored": row.created_at.format("%Y-%m").to_string(),
        "item": answers(form_items(registry), &form),
    }))
}

/// The answered items of one object of the form, in the Questionnaire's order. A repeating group gives
/// one item per array element; a field left out, an empty list or a blank text gives none.
fn answers(items: &[Item], object: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    for it in items {
        let Some(value) = object.get(it.name).filter(|v| !v.is_null()) else { continue };
        match it.kind {
            ItemType::Group => {
                let elements: Vec<&Value> = if it.repeats { value.as_array().map(|a| a.iter().collect()).unwrap_or_default() } else { vec![value] };
                for element in elements {
                    let children = answers(&it.children, element);
                    if !children.is_empty() {
                        out.push(json!({"linkId": it.link_id, "text": it.text, "item": children}));
                    }
                }
            }
            _ => {
                let values: Vec<&Value> = if it.repeats { value.as_array().map(|a| a.iter().collect()).unwrap_or_default() } else { vec![value] };
                let answer: Vec<Value> = values.into_iter().filter_map(|v| answer(it, v)).collect();
                if !answer.is_empty() {
                    let mut m = Map::new();
                    m.insert("linkId".into(), json!(it.link_id));
                    m.insert("text".into(), json!(it.text));
                    m.insert("answer".into(), Value::Array(answer));
                    out.push(Value::Object(m));
                }
            }
        }
    }
    out
}

/// One answer, typed as its item; `None` for a value of another type (a stored form is valid, so
/// this only guards against a form older than its definition).
fn answer(it: &Item, v: &Value) -> Option<Value> {
    Some(match it.kind {
        ItemType::Choice => {
            let code = v.as_str()?;
            json!({"valueCoding": {"system": it.system.as_deref()?, "code": code, "display": it.display(code)?}})
        }
        ItemType::Boolean => json!({"valueBoolean": v.as_bool()?}),
        ItemType::Integer => json!({"valueInteger": v.as_i64()?}),
        ItemType::Decimal => json!({"valueDecimal": v.as_f64()?}),
        ItemType::Date => json!({"valueDate": v.as_str()?}),
        ItemType::String | ItemType::Text => json!({"valueString": v.as_str().filter(|s| !s.trim().is_empty())?}),
        ItemType::Group => return None,
    })
}
