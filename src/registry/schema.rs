//! The JSON Schema (draft 2020-12) of a registry's form, generated from the same definition that validates.
//!
//! Annotations: `title` is the clinician label, `description` the help text; enum values are
//! `oneOf: [{const, title}]`. Extensions (`x-` keywords, ignored by validators):
//! `x-registry`, `x-form-version`, `x-rules` (cross-field rules: code and description),
//! `x-identifying: true` (accepted, removed, never stored; also `writeOnly`), `x-stored-as` (an input-only
//! field generalised into another one; also `writeOnly`), `x-scrubbed: true` (free text scrubbed of
//! identifying details), `x-max-decimals`, `x-class` / `x-category` on drugs, `x-drug-classes` and
//! `x-treatment-categories` (the drug table), `x-order` on every object (its properties in the form's
//! own order: JSON objects are unordered, and a page built from the schema shows fields in this order).

use serde_json::{json, Map, Value};

use super::form::countries::COUNTRIES;
use super::form::drugs;
use super::form::kinds::{Cond, EnumValue, Field, FormDef, Kind, Req, Store};
use super::Registry;

pub const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The JSON Schema 2020-12 of `registry`'s form.
pub fn json_schema(registry: Registry) -> Value {
    let def = registry.form();
    let mut path = Vec::new();
    let mut root = object_schema(def, &mut path, def.sections);
    let root_map = root.as_object_mut().expect("object");
    let mut head = Map::new();
    head.insert("$schema".into(), json!(DRAFT));
    head.insert(
        "$id".into(),
        json!(format!(
            "urn:dermreg:form:{}",
            def.version.replace('/', ":")
        )),
    );
    head.insert("title".into(), json!(def.title));
    head.insert("description".into(), json!(def.description));
    head.insert("x-registry".into(), json!(def.registry));
    head.insert("x-form-version".into(), json!(def.version));
    head.append(root_map);
    let rules: Vec<Value> = def
        .rules()
        .map(|r| json!({"code": r.code, "description": r.description}))
        .chain(
            def.restrictions
                .iter()
                .map(|r| json!({"code": r.code, "description": r.detail})),
        )
        .collect();
    head.insert("x-rules".into(), Value::Array(rules));
    head.insert(
        "x-drug-classes".into(),
        Value::Array(
            drugs::CLASSES
                .iter()
                .map(|c| {
                    json!({
                        "const": c.value, "title": c.label, "x-category": c.category.value,
                        "x-drugs": c.drugs.iter().map(|d| d.value).collect::<Vec<_>>(),
                    })
                })
                .collect(),
        ),
    );
    head.insert(
        "x-treatment-categories".into(),
        one_of(drugs::CATEGORIES, None),
    );
    head.insert(
        "$defs".into(),
        json!({
            "country": {
                "type": "string",
                "description": "ISO 3166-1 alpha-2 country code, upper case.",
                "oneOf": one_of(COUNTRIES, None),
            }
        }),
    );
    Value::Object(head)
}

fn one_of(values: &[EnumValue], refused: Option<&dyn Fn(&str) -> bool>) -> Value {
    Value::Array(
        values
            .iter()
            .filter(|v| refused.map_or(true, |r| !r(v.value)))
            .map(|v| json!({"const": v.value, "title": v.label}))
            .collect(),
    )
}

fn object_schema(
    def: &FormDef,
    path: &mut Vec<&'static str>,
    sections: &[&'static [Field]],
) -> Value {
    let mut props = Map::new();
    let mut required = Vec::new();
    let mut all_of = Vec::new();
    let lookup = |name: &str| {
        sections
            .iter()
            .find_map(|s| s.iter().find(|f| f.name == name))
    };
    for f in sections.iter().flat_map(|s| s.iter()) {
        path.push(f.name);
        props.insert(f.name.into(), field_schema(def, path, f));
        path.pop();
        match f.req {
            Req::Optional => {}
            Req::Required => required.push(json!(f.name)),
            Req::Unless(other) => {
                all_of.push(json!({"anyOf": [{"required": [f.name]}, {"required": [other]}]}))
            }
            Req::When(sib, cond) | Req::Iff(sib, cond) => {
                let sib_field = lookup(sib).expect("condition names a sibling");
                let cond_schema = match cond {
                    Cond::IsTrue => json!({"const": true}),
                    Cond::Present => json!({}),
                    Cond::Equals(x) => match sib_field.kind {
                        Kind::EnumSet { .. } => json!({"contains": {"const": x}}),
                        _ => json!({"const": x}),
                    },
                };
                let given = match f.kind {
                    Kind::Array { .. } | Kind::EnumSet { .. } => json!({"minItems": 1}),
                    Kind::FreeText { .. } => json!({"pattern": "\\S"}),
                    _ => json!({}),
                };
                let mut rule = json!({
                    "if": {"properties": {sib: cond_schema}, "required": [sib]},
                    "then": {"properties": {f.name: given}, "required": [f.name]},
                });
                if matches!(f.req, Req::Iff(..)) {
                    rule["else"] = json!({"not": {"required": [f.name]}});
                }
                all_of.push(rule);
            }
        }
    }
    let mut s = Map::new();
    s.insert("type".into(), json!("object"));
    s.insert("properties".into(), Value::Object(props));
    if !required.is_empty() {
        s.insert("required".into(), Value::Array(required));
    }
    s.insert("additionalProperties".into(), json!(false));
    let order: Vec<&str> = sections.iter().flat_map(|s| s.iter()).map(|f| f.name).collect();
    s.insert("x-order".into(), json!(order));
    if !all_of.is_empty() {
        s.insert("allOf".into(), Value::Array(all_of));
    }
    Value::Object(s)
}

fn field_schema(def: &FormDef, path: &mut Vec<&'static str>, f: &Field) -> Value {
    let mut s = match f.kind {
        Kind::Enum(values) => {
            let joined = path.join("/");
            let refused = |v: &str| def.restriction(&joined, v).is_some();
            json!({"type": "string", "oneOf": one_of(values, Some(&refused))})
        }
        Kind::EnumSet { values, exclusive } => {
            let mut s = json!({
                "type": "array",
                "items": {"type": "string", "oneOf": one_of(values, None)},
                "uniqueItems": true,
            });
            if !exclusive.is_empty() {
                s["allOf"] = Value::Array(
                    exclusive
                        .iter()
                        .map(|x| json!({"if": {"contains": {"const": x}}, "then": {"maxItems": 1}}))
                        .collect(),
                );
            }
            s
        }
        Kind::Drug => json!({
            "type": "string",
            "oneOf": drugs::drugs().map(|(d, c)| json!({
                "const": d.value, "title": d.label, "x-class": c.value, "x-category": c.category.value,
            })).collect::<Vec<_>>(),
        }),
        Kind::Integer { min, max } => json!({"type": "integer", "minimum": min, "maximum": max}),
        Kind::Number { min, max, decimals } => {
            let mut s = json!({"type": "number", "minimum": min, "maximum": max});
            if let Some(d) = decimals {
                s["x-max-decimals"] = json!(d);
            }
            s
        }
        Kind::Bool => json!({"type": "boolean"}),
        Kind::Country => json!({"$ref": "#/$defs/country"}),
        Kind::Date => {
            json!({"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"})
        }
        Kind::DiagnosisDate => json!({
            "type": "string",
            "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$",
        }),
        Kind::FreeText { max } => json!({"type": "string", "maxLength": max, "x-scrubbed": true}),
        Kind::Identifying => {
            json!({"type": ["string", "number"], "writeOnly": true, "x-identifying": true})
        }
        Kind::Object(fields) => object_schema(def, path, std::slice::from_ref(&fields)),
        Kind::Array { item, min, max } => {
            let mut s = json!({"type": "array", "items": object_schema(def, path, std::slice::from_ref(&item))});
            if min > 0 {
                s["minItems"] = json!(min);
            }
            s["maxItems"] = json!(max);
            s
        }
    };
    let m = s.as_object_mut().expect("object");
    m.insert("title".into(), json!(f.label));
    if !f.help.is_empty() {
        m.insert("description".into(), json!(f.help));
    }
    if let Store::Into(target) = f.store {
        m.insert("writeOnly".into(), json!(true));
        m.insert("x-stored-as".into(), json!(target));
    }
    s
}
