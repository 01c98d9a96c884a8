//! A case as a QuestionnaireResponse: the stored, de-identified form walked along its Questionnaire's
//! items. Nothing names a person: no subject, author or source, and the only time is the month the
//! case was entered. `meta.security` labels the content anonymised (HL7 v3 ObservationValue ANONYED).
//!
//! The resource is written straight to bytes from parts computed once per item (an export writes
//! hundreds of thousands); `questionnaire_response` reads those bytes back for a single read.

use std::io::Write;

use serde_json::Value;

use super::questionnaire::{canonical_of, form_items, Item, ItemType};
use crate::registry::store::CaseRow;
use crate::registry::Registry;

pub const ANONYMISED: &str = "ANONYED";
const SECURITY: &str = r#""security":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ObservationValue","code":"ANONYED","display":"anonymized"}]"#;

/// The QuestionnaireResponse of a stored case; `None` for a withdrawn case (it has no content).
pub fn questionnaire_response(registry: Registry, row: &CaseRow) -> Option<Value> {
    let mut out = Vec::with_capacity(4096);
    write(&mut out, registry, row).then(|| serde_json::from_slice(&out).expect("a written resource is JSON"))
}

/// Appends the case's QuestionnaireResponse to `out`; `false` (nothing appended) for a withdrawn case.
pub fn write(out: &mut Vec<u8>, registry: Registry, row: &CaseRow) -> bool {
    let Some(form) = row.form.as_deref().and_then(|f| serde_json::from_str::<Value>(f).ok()) else { return false };
    out.extend_from_slice(br#"{"resourceType":"QuestionnaireResponse","id":"#);
    write_str(out, &row.id);
    let _ = write!(out, r#","meta":{{"versionId":"{}",{SECURITY}}},"questionnaire":"#, row.version);
    write_str(out, &canonical_of(registry));
    let status = if row.version > 1 { "amended" } else { "completed" };
    let _ = write!(out, r#","status":"{status}","authored":"{}""#, row.created_at.format("%Y-%m"));
    let mark = out.len();
    out.extend_from_slice(br#","item":["#);
    if write_items(out, form_items(registry), &form) {
        out.push(b']');
    } else {
        out.truncate(mark);
    }
    out.push(b'}');
    true
}

/// The answered items of one object of the form, in the Questionnaire's order, comma-separated. A
/// repeating group gives one item per array element; a field left out, an empty list or a blank text
/// gives none (FHIR has no empty item). `true` if any was written.
fn write_items(out: &mut Vec<u8>, items: &[Item], object: &Value) -> bool {
    let mut any = false;
    for it in items {
        let Some(value) = object.get(it.name).filter(|v| !v.is_null()) else { continue };
        let values: Vec<&Value> = if it.repeats { value.as_array().map(|a| a.iter().collect()).unwrap_or_default() } else { vec![value] };
        if it.kind == ItemType::Group {
            for element in values {
                any |= write_item(out, it, any, |out| write_items(out, &it.children, element));
            }
        } else {
            any |= write_item(out, it, any, |out| {
                let mut answered = false;
                for v in &values {
                    let mark = out.len();
                    if answered {
                        out.push(b',');
                    }
                    if write_answer(out, it, v) {
                        answered = true;
                    } else {
                        out.truncate(mark);
                    }
                }
                answered
            });
        }
    }
    any
}

/// One item: its opening, what `inner` writes, its close; taken back if `inner` wrote nothing.
fn write_item(out: &mut Vec<u8>, it: &Item, after_another: bool, inner: impl FnOnce(&mut Vec<u8>) -> bool) -> bool {
    let mark = out.len();
    if after_another {
        out.push(b',');
    }
    out.extend_from_slice(it.opening.as_bytes());
    if inner(out) {
        out.extend_from_slice(b"]}");
        true
    } else {
        out.truncate(mark);
        false
    }
}

/// One answer, typed as its item; `false` for a value of another type or an unknown code (a stored
/// form is valid, so this only guards against a form older than its definition).
fn write_answer(out: &mut Vec<u8>, it: &Item, v: &Value) -> bool {
    match (it.kind, v) {
        (ItemType::Choice, Value::String(code)) => match it.coded_answers.get(code.as_str()) {
            Some(answer) => out.extend_from_slice(answer.as_bytes()),
            None => return false,
        },
        (ItemType::Boolean, Value::Bool(b)) => {
            let _ = write!(out, r#"{{"valueBoolean":{b}}}"#);
        }
        (ItemType::Integer, Value::Number(n)) if n.is_i64() => {
            let _ = write!(out, r#"{{"valueInteger":{n}}}"#);
        }
        (ItemType::Decimal, Value::Number(n)) => {
            let _ = write!(out, r#"{{"valueDecimal":{n}}}"#);
        }
        (ItemType::Date, Value::String(d)) => {
            out.extend_from_slice(br#"{"valueDate":"#);
            write_str(out, d);
            out.push(b'}');
        }
        (ItemType::String | ItemType::Text, Value::String(s)) if !s.trim().is_empty() => {
            out.extend_from_slice(br#"{"valueString":"#);
            write_str(out, s);
            out.push(b'}');
        }
        _ => return false,
    }
    true
}

fn write_str(out: &mut Vec<u8>, s: &str) {
    serde_json::to_writer(out, s).expect("a string serialises");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(form: &str, version: i32) -> CaseRow {
        let at = chrono::NaiveDate::from_ymd_opt(2026, 3, 14).unwrap().and_hms_opt(9, 0, 0).unwrap();
        CaseRow {
            id: "c-1".into(),
            registry: "psoriasis".into(),
            form_version: "psoriasis/1".into(),
            submitter: "dr".into(),
            created_at: at,
            updated_at: at,
            version,
            withdrawn_at: None,
            withdrawal_reason: None,
            form: Some(form.into()),
            derived: None,
        }
    }

    #[test]
    fn answers_follow_the_items_and_nothing_empty_is_written() {
        let form = r#"{"patient": {"age_years": 48, "sex": "male", "bmi": 24.5}, "notes": " ", "treatments": [],
            "covid": {"symptoms": ["fever", "cough"], "diagnosis_date": "2021-11", "outcome": {}}, "comorbidities": null}"#;
        let qr = questionnaire_response(Registry::Psoriasis, &row(form, 2)).unwrap();
        assert_eq!(qr["status"], "amended");
        assert_eq!(qr["authored"], "2026-03");
        assert_eq!(qr["meta"]["security"][0]["code"], ANONYMISED);
        let items = qr["item"].as_array().unwrap();
        assert_eq!(items.iter().map(|i| i["linkId"].as_str().unwrap()).collect::<Vec<_>>(), ["/patient", "/covid"]);
        assert_eq!(items[0]["item"][0]["answer"][0]["valueInteger"], 48);
        assert_eq!(items[0]["item"][1]["answer"][0]["valueCoding"]["display"], "Male");
        assert_eq!(items[0]["item"][2]["answer"][0]["valueDecimal"], 24.5);
        assert_eq!(items[1]["item"][0]["answer"][0]["valueDate"], "2021-11");
        assert_eq!(items[1]["item"][1]["answer"].as_array().unwrap().len(), 2);
        assert_eq!(items[1]["item"].as_array().unwrap().len(), 2, "an empty outcome is no item: {qr}");
    }

    #[test]
    fn a_case_with_nothing_answered_has_no_item_and_a_withdrawn_one_no_resource() {
        let qr = questionnaire_response(Registry::Psoriasis, &row("{}", 1)).unwrap();
        assert!(qr.get("item").is_none());
        assert_eq!(qr["status"], "completed");
        let mut withdrawn = row("{}", 1);
        withdrawn.form = None;
        assert!(questionnaire_response(Registry::Psoriasis, &withdrawn).is_none());
    }
}
