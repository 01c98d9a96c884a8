//! The JSON Schema (draft 2020-12) of a registry's form, generated from the same definition that validates.
//!
//! Annotations, in the language asked for: `title` is the clinician label, `description` the help
//! text for API users, `x-help` the help a clinician reads on the entry page (where there is one);
//! enum values are `oneOf: [{const, title}]`. `x-set-by-registry: true` marks a field the registry
//! fills in itself (accepted, left out of the entry page). Extensions (`x-` keywords, ignored by validators):
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
use crate::i18n::Lang;

pub const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The JSON Schema 2020-12 of `registry`'s form, its texts in `lang`.
pub fn json_schema(registry: Registry, lang: Lang) -> Value {
    let def = registry.form();
    let mut path = Vec::new();
    let mut root = object_schema(def, lang, &mut path, def.sections);
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
    head.insert("title".into(), json!(lang.text(def.msg)));
    head.insert("description".into(), json!(lang.attr(def.msg, "description")));
    head.insert("x-registry".into(), json!(def.registry));
    head.insert("x-form-version".into(), json!(def.version));
    head.append(root_map);
    let rules: Vec<Value> = def
        .rules()
        .map(|r| json!({"code": r.code, "description": lang.text(r.msg)}))
        .chain(
            def.restrictions
                .iter()
                .map(|r| json!({"code": r.code, "description": lang.text(r.msg)})),
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
                        "const": c.value, "title": lang.text(c.msg), "x-category": c.category.value,
                        "x-drugs": c.drugs.iter().map(|d| d.value).collect::<Vec<_>>(),
                    })
                })
                .collect(),
        ),
    );
    head.insert(
        "x-treatment-categories".into(),
        one_of(lang, drugs::CATEGORIES, None),
    );
    head.insert(
        "$defs".into(),
        json!({
            "country": {
                "type": "string",
                "description": "ISO 3166-1 alpha-2 country code, upper case.",
                "oneOf": one_of(lang, COUNTRIES, None),
            }
        }),
    );
    Value::Object(head)
}

fn one_of(lang: Lang, values: &[EnumValue], refused: Option<&dyn Fn(&str) -> bool>) -> Value {
    Value::Array(
        values
            .iter()
            .filter(|v| refused.map_or(true, |r| !r(v.value)))
            .map(|v| json!({"const": v.value, "title": lang.text(v.msg)}))
            .collect(),
    )
}

fn object_schema(
    def: &FormDef,
    lang: Lang,
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
        props.insert(f.name.into(), field_schema(def, lang, path, f));
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

fn field_schema(def: &FormDef, lang: Lang, path: &mut Vec<&'static str>, f: &Field) -> Value {
    let mut s = match f.kind {
        Kind::Enum(values) => {
            let joined = path.join("/");
            let refused = |v: &str| def.restriction(&joined, v).is_some();
            json!({"type": "string", "oneOf": one_of(lang, values, Some(&refused))})
        }
        Kind::EnumSet { values, exclusive } => {
            let mut s = json!({
                "type": "array",
                "items": {"type": "string", "oneOf": one_of(lang, values, None)},
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
                "const": d.value, "title": lang.text(d.msg), "x-class": c.value, "x-category": c.category.value,
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
        Kind::Object(fields) => object_schema(def, lang, path, std::slice::from_ref(&fields)),
        Kind::Array { item, min, max } => {
            let mut s = json!({"type": "array", "items": object_schema(def, lang, path, std::slice::from_ref(&item))});
            if min > 0 {
                s["minItems"] = json!(min);
            }
            s["maxItems"] = json!(max);
            s
        }
    };
    let m = s.as_object_mut().expect("object");
    m.insert("title".into(), json!(lang.text(f.msg)));
    let help = lang.attr(f.msg, "help");
    let api = match f.kind {
        Kind::Identifying => Some(lang.text("field-identifying-help")),
        _ => lang.attr(f.msg, "api"),
    };
    if let Some(description) = api.as_ref().or(help.as_ref()) {
        m.insert("description".into(), json!(description));
    }
    if let Some(help) = help {
        m.insert("x-help".into(), json!(help));
    }
    if f.set_by_registry {
        m.insert("x-set-by-registry".into(), json!(true));
    }
    if let Store::Into(target) = f.store {
        m.insert("writeOnly".into(), json!(true));
        m.insert("x-stored-as".into(), json!(target));
    }
    s
}

/// Which body a form's OpenAPI schema describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    /// A submission or a dry run: the form itself.
    Form,
    /// A correction (JSON merge patch): the form's fields, none required.
    Patch,
    /// An item of a partner batch: the form with `partner_record_id`.
    BatchItem,
}

impl Body {
    pub const ALL: [Body; 3] = [Body::Form, Body::Patch, Body::BatchItem];

    /// The component's name, e.g. `PsoriasisForm`, `PsoriasisFormPatch`, `PsoriasisBatchItem`.
    pub fn component(self, registry: Registry) -> String {
        let base: String = registry
            .id()
            .split('-')
            .map(|w| w[..1].to_ascii_uppercase() + &w[1..])
            .collect();
        match self {
            Body::Form => format!("{base}Form"),
            Body::Patch => format!("{base}FormPatch"),
            Body::BatchItem => format!("{base}BatchItem"),
        }
    }
}

/// The component every form's countries refer to.
pub const COUNTRY_COMPONENT: &str = "Country";

/// `registry`'s form as an OpenAPI 3.1 component, derived from [`json_schema`]: types, values,
/// ranges, lengths and per-field requiredness, so that a generated client has a type per form. Left
/// out, because they are rules across fields that the service answers with 422 and every problem's
/// pointer: the `if`/`then` conditions and the "this or that" requirements. Also left out: labels and
/// `x-` annotations (`GET /v1/registries/{registry}/form` serves them), which would give generated
/// classes clashing names.
pub fn openapi_schema(registry: Registry, body: Body) -> Value {
    let mut s = json_schema(registry, crate::i18n::Lang::ENGLISH);
    for key in ["$schema", "$id", "$defs", "title"] {
        s.as_object_mut().expect("object").remove(key);
    }
    let mut s = openapi_view(s, body == Body::Patch);
    s["title"] = json!(body.component(registry));
    if body == Body::BatchItem {
        s["properties"][crate::sync::batch::KEY_FIELD] = json!({
            "type": "string", "minLength": 1, "maxLength": 200, "pattern": "\\S",
            "description": "Your own key for the case: a new key creates a case, a known one corrects it. Kept only as a keyed hash.",
        });
        s["required"].as_array_mut().expect("a form has required fields").push(json!(crate::sync::batch::KEY_FIELD));
    }
    s
}

/// The countries, as [`COUNTRY_COMPONENT`].
pub fn openapi_country() -> Value {
    json!({
        "type": "string",
        "description": "ISO 3166-1 alpha-2 country code, upper case.",
        "enum": COUNTRIES.iter().map(|c| c.value).collect::<Vec<_>>(),
    })
}

fn openapi_view(v: Value, patch: bool) -> Value {
    let Value::Object(m) = v else { return v };
    let mut out = Map::new();
    for (k, v) in m {
        match k.as_str() {
            _ if k.starts_with("x-") => {}
            "title" | "allOf" => {}
            "required" if patch => {}
            "$ref" => {
                out.insert(k, json!(format!("#/components/schemas/{COUNTRY_COMPONENT}")));
            }
            "oneOf" => {
                let values: Vec<Value> = v.as_array().into_iter().flatten().map(|o| o["const"].clone()).collect();
                out.insert("enum".into(), Value::Array(values));
            }
            "properties" => {
                let view = |p: &Value| if patch { nullable(openapi_view(p.clone(), patch)) } else { openapi_view(p.clone(), patch) };
                let props = v.as_object().into_iter().flatten().map(|(n, p)| (n.clone(), view(p))).collect();
                out.insert(k, Value::Object(props));
            }
            "items" => {
                out.insert(k, openapi_view(v, patch));
            }
            _ => {
                out.insert(k, v);
            }
        }
    }
    Value::Object(out)
}

/// A field of a merge patch may be `null`: it removes the field (RFC 7396).
fn nullable(mut v: Value) -> Value {
    if v.get("$ref").is_some() {
        return json!({"anyOf": [v, {"type": "null"}]});
    }
    let with_null = |t: &Value| match t {
        Value::Array(types) => Value::Array(types.iter().cloned().chain([json!("null")]).collect()),
        other => json!([other, "null"]),
    };
    if let Some(t) = v.get("type").map(with_null) {
        v["type"] = t;
    }
    if let Some(Value::Array(values)) = v.get_mut("enum") {
        values.push(Value::Null);
    }
    v
}
