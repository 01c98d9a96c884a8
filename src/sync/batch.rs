//! Partner batches, pure: reading the body (a JSON array or NDJSON), checking each item exactly as a
//! single submission is checked (`registry::intake`), and deciding what the upsert does with it.
//! `upsert.rs` runs them and carries the decisions out in one transaction.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use serde::de::IgnoredAny;
use serde_json::value::RawValue;
use serde_json::Value;

use super::store::Keyed;
use crate::db::DbError;
use crate::deid::fields::record_key_hash;
use crate::registry::store::DocumentText;
use crate::registry::{intake, Derived, FieldError, Intake, IntakeContext, Registry};

/// At most this many cases per batch, and this many bytes of body (413 past either).
pub const MAX_ITEMS: usize = 1000;
pub const MAX_BYTES: usize = 1024 * 1024;

/// The field of each item that carries the partner's own record key. It is taken out of the form
/// before intake and kept only as `record_key_hash(secret, partner, key)`.
pub const KEY_FIELD: &str = "partner_record_id";
const KEY_MAX_CHARS: usize = 200;

pub const NDJSON: &str = "application/x-ndjson";

/// Why a whole batch is refused (one item's problems are that item's answer, never the batch's).
#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    #[error("a batch is application/json or application/x-ndjson")]
    UnsupportedFormat,
    #[error("a batch is a JSON array of cases")]
    NotAnArray,
    #[error("the body is not valid JSON")]
    NotJson,
    #[error("more than {MAX_ITEMS} items")]
    TooMany,
    /// A concurrent batch kept winning the race for the same record keys.
    #[error("concurrent writes to these cases kept conflicting")]
    KeptConflicting,
    #[error(transparent)]
    Db(#[from] DbError),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `application/json`: one JSON array of items.
    JsonArray,
    /// `application/x-ndjson`: one item per line; a line that is not JSON is an invalid item.
    Ndjson,
}

impl Format {
    pub fn of(mime: Option<&str>) -> Result<Format, BatchError> {
        match mime {
            Some("application/json") => Ok(Format::JsonArray),
            Some(NDJSON) => Ok(Format::Ndjson),
            _ => Err(BatchError::UnsupportedFormat),
        }
    }
}

/// A request body as the batch keeps it: any owned bytes (the HTTP layer's buffer is kept as it is,
/// not copied), shared with the threads that check the items.
pub type Body = Box<dyn AsRef<[u8]> + Send + Sync>;

/// The items of a body, found but not yet parsed: each is parsed where it is checked, on the core
/// that checks it, so reading a 1 MiB body costs the request one syntax scan, not a tree of values.
pub struct Items {
    body: Body,
    /// Where each item's JSON is in the body (NDJSON: each non-blank line).
    spans: Vec<Range<usize>>,
}

impl Items {
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Item `i` as a JSON value, or why its line is not one (NDJSON; an array's items were checked).
    pub fn parse(&self, i: usize) -> Result<Value, FieldError> {
        serde_json::from_slice(&(*self.body).as_ref()[self.spans[i].clone()])
            .map_err(|_| FieldError::new("", "not_json", "This line is not valid JSON."))
    }
}

/// The items of a body, in order. A body that is not a JSON array is 400 (NDJSON: blank lines are
/// skipped, so `index` counts the non-blank lines); more than [`MAX_ITEMS`] is 413.
pub fn items(format: Format, body: impl AsRef<[u8]> + Send + Sync + 'static) -> Result<Items, BatchError> {
    let body: Body = Box::new(body);
    let bytes = (*body).as_ref();
    let spans: Vec<Range<usize>> = match format {
        Format::JsonArray => match serde_json::from_slice::<Vec<&RawValue>>(bytes) {
            Ok(raw) => raw.iter().map(|r| span_in(bytes, r.get().as_bytes())).collect(),
            Err(_) if serde_json::from_slice::<IgnoredAny>(bytes).is_ok() => return Err(BatchError::NotAnArray),
            Err(_) => return Err(BatchError::NotJson),
        },
        Format::Ndjson => bytes
            .split(|b| *b == b'\n')
            .map(|line| line.trim_ascii())
            .filter(|line| !line.is_empty())
            .map(|line| span_in(bytes, line))
            .collect(),
    };
    if spans.len() > MAX_ITEMS {
        return Err(BatchError::TooMany);
    }
    Ok(Items { body, spans })
}

/// Where `part`, a slice of `whole`, lies in it.
fn span_in(whole: &[u8], part: &[u8]) -> Range<usize> {
    let start = part.as_ptr() as usize - whole.as_ptr() as usize;
    start..start + part.len()
}

/// Splits an item into the partner's record key and the form (the item without the key).
pub fn split_key(item: Value) -> Result<(String, Value), FieldError> {
    let Value::Object(mut form) = item else {
        return Err(FieldError::new("", "not_an_object", "Each item must be a JSON object: a case report form with partner_record_id."));
    };
    let pointer = format!("/{KEY_FIELD}");
    match form.remove(KEY_FIELD) {
        None => Err(FieldError::new(pointer, "required", "Each item needs partner_record_id, your own key for the case.")),
        Some(Value::String(k)) if !k.trim().is_empty() && k.chars().count() <= KEY_MAX_CHARS => Ok((k, Value::Object(form))),
        Some(_) => Err(FieldError::new(pointer, "invalid_record_id", "partner_record_id must be a non-empty string of at most 200 characters.")),
    }
}

/// An item that passed intake, as its transaction needs it: the record key hashed, the derived values
/// and the document's text. The rest of the intake (the form as a tree of values, the report) is freed
/// on the core that checked the item: freed on the thread that answers, a batch's thousand trees took
/// it more CPU (glibc's `free` into another thread's arena) than anything else it did.
pub struct Accepted {
    pub key_hash: String,
    pub derived: Derived,
    pub document: DocumentText,
}

/// Each item checked: accepted, or every problem it has.
pub type Checked = Result<Accepted, Vec<FieldError>>;

/// Checks one item exactly like a single submission (validation, de-identification, derivation).
pub fn check(item: Result<Value, FieldError>, registry: Registry, ctx: &IntakeContext, secret: &[u8], partner: &str) -> Checked {
    let (key, form) = item.and_then(split_key).map_err(|e| vec![e])?;
    let Intake { form, derived, .. } = intake(registry, &form, ctx).map_err(|e| e.0)?;
    let document = DocumentText::of(&form, &derived);
    Ok(Accepted { key_hash: record_key_hash(secret, partner, &key), derived, document })
}

/// What the upsert does with an accepted item.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    /// A new key: a new case.
    Create,
    /// A known key with other content: a correction of that case.
    Correct { id: String, version: i32 },
    /// A known key with the same content: nothing.
    Unchanged { id: String },
    /// The key names a withdrawn case, or repeats an earlier item of the batch.
    Refuse(FieldError),
}

/// The decision for each accepted item (record key hash, de-identified form's text), in order, given the
/// cases already stored under those keys and the keys of the batch's earlier items (`seen`, which
/// this extends: a batch is planned part by part).
pub fn plan<'a>(items: impl IntoIterator<Item = (&'a str, &'a str)>, existing: &[Keyed], seen: &mut HashSet<String>) -> Vec<Decision> {
    let stored: HashMap<&str, &Keyed> = existing.iter().map(|k| (k.record_key.as_str(), k)).collect();
    items
        .into_iter()
        .map(|(key, form)| {
            if !seen.insert(key.to_owned()) {
                return Decision::Refuse(FieldError::new(
                    format!("/{KEY_FIELD}"),
                    "duplicate_in_batch",
                    "An earlier item of this batch has the same partner_record_id.",
                ));
            }
            match stored.get(key) {
                None => Decision::Create,
                Some(k) if k.withdrawn_at.is_some() => Decision::Refuse(FieldError::new(
                    format!("/{KEY_FIELD}"),
                    "withdrawn",
                    "The case with this partner_record_id was withdrawn; it cannot be changed.",
                )),
                Some(k) => {
                    if same_form(k.form.as_deref(), form) {
                        Decision::Unchanged { id: k.id.clone() }
                    } else {
                        Decision::Correct { id: k.id.clone(), version: k.version }
                    }
                }
            }
        })
        .collect()
}

/// Whether a stored form is this de-identified form (both JSON text): a resent case changes nothing.
/// Both are written by `DocumentText::of` (one serialisation, keys in order), so the same form is
/// the same text; texts that differ are read and compared as JSON values, so a form stored in
/// another spelling is still the same form.
pub fn same_form(stored: Option<&str>, form: &str) -> bool {
    let as_value = |text: &str| serde_json::from_str::<Value>(text).ok();
    stored.is_some_and(|stored| stored == form || as_value(stored).is_some_and(|s| Some(s) == as_value(form)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn bytes(b: &[u8]) -> Vec<u8> {
        b.to_vec()
    }

    #[test]
    fn formats_by_content_type() {
        assert_eq!(Format::of(Some("application/json")).unwrap(), Format::JsonArray);
        assert_eq!(Format::of(Some(NDJSON)).unwrap(), Format::Ndjson);
        for other in [None, Some("text/plain"), Some("application/xml")] {
            assert!(matches!(Format::of(other), Err(BatchError::UnsupportedFormat)));
        }
    }

    #[test]
    fn ndjson_lines_become_items_and_bad_lines_invalid_items() {
        let body = b"{\"a\":1}\n\n  not json\r\n[1]\n{\"b\":2}";
        let items = items(Format::Ndjson, bytes(body)).unwrap();
        assert_eq!(items.len(), 4);
        assert_eq!(items.parse(0).unwrap(), json!({"a": 1}));
        assert_eq!(items.parse(1).unwrap_err().code, "not_json");
        assert_eq!(items.parse(2).unwrap(), json!([1]));
        assert_eq!(items.parse(3).unwrap(), json!({"b": 2}));
    }

    #[test]
    fn a_json_body_must_be_an_array() {
        let array = items(Format::JsonArray, bytes(b" [ {\"a\": [1, 2]} ,\n7,\"x\"]")).unwrap();
        let parsed: Vec<Value> = (0..array.len()).map(|i| array.parse(i).unwrap()).collect();
        assert_eq!(parsed, [json!({"a": [1, 2]}), json!(7), json!("x")]);
        assert!(items(Format::JsonArray, bytes(b"[]")).unwrap().is_empty());
        assert!(matches!(items(Format::JsonArray, bytes(b"{}")), Err(BatchError::NotAnArray)));
        assert!(matches!(items(Format::JsonArray, bytes(b"[{}")), Err(BatchError::NotJson)));
        assert!(matches!(items(Format::JsonArray, bytes(b"[{}] x")), Err(BatchError::NotJson)));
    }

    #[test]
    fn more_than_the_limit_is_too_large() {
        let body = format!("[{}]", vec!["{}"; MAX_ITEMS + 1].join(","));
        assert!(matches!(items(Format::JsonArray, bytes(body.as_bytes())), Err(BatchError::TooMany)));
        let body = "{}\n".repeat(MAX_ITEMS);
        assert_eq!(items(Format::Ndjson, bytes(body.as_bytes())).unwrap().len(), MAX_ITEMS);
    }

    #[test]
    fn the_key_is_taken_out_of_the_form() {
        let item = json!({"partner_record_id": "P-1", "notes": "x"});
        let (key, form) = split_key(item).unwrap();
        assert_eq!(key, "P-1");
        assert_eq!(form, json!({"notes": "x"}));
        let cases = [
            (json!({"notes": "x"}), "required"),
            (json!({"partner_record_id": ""}), "invalid_record_id"),
            (json!({"partner_record_id": 7}), "invalid_record_id"),
            (json!({"partner_record_id": "k".repeat(201)}), "invalid_record_id"),
            (json!([1]), "not_an_object"),
        ];
        for (item, code) in cases {
            let e = split_key(item.clone()).unwrap_err();
            assert_eq!(e.code, code, "{item}");
            assert!(!e.detail.contains("P-1"));
        }
    }

    fn keyed(key: &str, form: Option<&str>, withdrawn: bool) -> Keyed {
        Keyed {
            record_key: key.into(),
            id: format!("id-{key}"),
            version: 3,
            withdrawn_at: withdrawn.then(crate::db::now),
            form: form.map(str::to_owned),
        }
    }

    #[test]
    fn plan_creates_corrects_skips_and_refuses() {
        let a = json!({"notes": "a", "n": 1}).to_string();
        let b = json!({"notes": "b"}).to_string();
        // ka stored in another spelling (key order, spaces) than the document text made now
        let existing = [
            keyed("ka", Some(r#"{"notes": "a", "n": 1}"#), false),
            keyed("kb", Some(r#"{"notes":"old"}"#), false),
            keyed("kw", None, true),
        ];
        let items = [("ka", a.as_str()), ("kb", &b), ("kn", &a), ("kw", &b), ("kn", &b)];
        let got = plan(items, &existing, &mut HashSet::new());
        assert_eq!(got[0], Decision::Unchanged { id: "id-ka".into() }, "key order and spacing do not matter");
        assert_eq!(got[1], Decision::Correct { id: "id-kb".into(), version: 3 });
        assert_eq!(got[2], Decision::Create);
        assert!(matches!(&got[3], Decision::Refuse(e) if e.code == "withdrawn"));
        assert!(matches!(&got[4], Decision::Refuse(e) if e.code == "duplicate_in_batch"));
        // planned part by part, a key of an earlier part is still a duplicate
        let mut seen = HashSet::new();
        plan([("kn", a.as_str())], &[], &mut seen);
        assert!(matches!(&plan([("kn", b.as_str())], &[], &mut seen)[0], Decision::Refuse(e) if e.code == "duplicate_in_batch"));
    }

    #[test]
    fn the_same_form_is_the_same_text_or_the_same_json() {
        let form = json!({"n": 1.5, "notes": "x"}).to_string();
        assert!(same_form(Some(&form), &form));
        assert!(same_form(Some(r#"{ "notes": "x", "n": 1.5 }"#), &form));
        assert!(!same_form(Some(r#"{"notes":"x","n":1.6}"#), &form));
        assert!(!same_form(Some("not json"), &form));
        assert!(!same_form(None, &form));
    }
}
