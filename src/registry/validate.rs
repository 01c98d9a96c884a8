//! Validation: one walk over the submitted JSON guided by the form definition (types, ranges, enums,
//! requirements, unknown fields), then the cross-field rules beside the definition. Every problem is
//! reported at once; nothing is fixed silently. Error details name the field and the rule, never the value.
//!
//! The walk also builds the output form (identifying fields left out) and collects what de-identification
//! needs: the pointers of removed identifying fields, their values (for the scrubber) and the pointers of
//! free-text fields.

use std::borrow::Cow;
use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{Map, Value};

use super::form::countries::COUNTRIES;
use super::form::drugs;
use super::form::kinds::{find, Cond, EnumValue, Field, FormDef, Kind, Req};
use crate::deid::fields::{parse_date, PartialDate};
use crate::deid::text::Placeholder;
use crate::i18n::{english, Arg, Lang, Message};

/// One problem with a submitted form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// JSON pointer (RFC 6901) of the field, e.g. `/covid/outcome/icu`; `""` for the whole form.
    pub pointer: String,
    /// Machine-readable code, e.g. `required`, `unknown_field`, `icu_requires_hospitalised`.
    pub code: &'static str,
    /// A sentence a clinician understands, in English. Never contains a submitted value.
    pub detail: String,
    /// The same sentence as a message, to be said in the reader's language (`None`: English only).
    #[serde(skip)]
    pub message: Option<Message>,
}

impl FieldError {
    /// An error whose sentence is English only.
    pub fn new(
        pointer: impl Into<String>,
        code: &'static str,
        detail: impl Into<String>,
    ) -> FieldError {
        FieldError {
            pointer: pointer.into(),
            code,
            detail: detail.into(),
            message: None,
        }
    }

    /// An error whose sentence is a message of `locales/*/problems.ftl`.
    pub fn say(pointer: impl Into<String>, code: &'static str, message: Message) -> FieldError {
        FieldError {
            pointer: pointer.into(),
            code,
            detail: english(&message),
            message: Some(message),
        }
    }

    /// The sentence in `lang`.
    pub fn detail_in(&self, lang: Lang) -> String {
        match &self.message {
            Some(m) if lang != Lang::ENGLISH => lang.say(m),
            _ => self.detail.clone(),
        }
    }
}

/// Every problem of a refused form (HTTP 422).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidationErrors(pub Vec<FieldError>);

impl ValidationErrors {
    /// Is there an error with this pointer and code?
    pub fn has(&self, pointer: &str, code: &str) -> bool {
        self.0
            .iter()
            .any(|e| e.pointer == pointer && e.code == code)
    }
}

/// Lists pointers and codes only (safe to log).
impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} validation error(s):", self.0.len())?;
        for e in &self.0 {
            write!(
                f,
                " {} ({});",
                if e.pointer.is_empty() {
                    "/"
                } else {
                    &e.pointer
                },
                e.code
            )?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationErrors {}

/// Codes produced by the walk (the cross-field rules add their own, see `Rule::code`).
pub mod codes {
    pub const REQUIRED: &str = "required";
    pub const NOT_APPLICABLE: &str = "not_applicable";
    pub const UNKNOWN_FIELD: &str = "unknown_field";
    pub const INVALID_TYPE: &str = "invalid_type";
    pub const INVALID_VALUE: &str = "invalid_value";
    pub const INVALID_DATE: &str = "invalid_date";
    pub const OUT_OF_RANGE: &str = "out_of_range";
    pub const TOO_MANY_DECIMALS: &str = "too_many_decimals";
    pub const TOO_LONG: &str = "too_long";
    pub const TOO_MANY_ITEMS: &str = "too_many_items";
    pub const TOO_FEW_ITEMS: &str = "too_few_items";
    pub const DUPLICATE: &str = "duplicate";
    pub const MUST_BE_ALONE: &str = "must_be_alone";
}
use codes::*;

/// Earliest accepted COVID-19 diagnosis (the first cases were identified retrospectively in late 2019).
pub const EARLIEST_DIAGNOSIS: (i32, u32, u32) = (2019, 11, 1);
/// Earliest accepted date of any other kind.
pub const EARLIEST_DATE: (i32, u32, u32) = (1880, 1, 1);


/// Length of a free text in characters, a placeholder such as `[NAME]` counting as one: scrubbing never
/// makes a text longer by this measure, so a stored text always passes its own limit again.
pub fn text_len(s: &str) -> usize {
    let mut n = 0;
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if c == '[' {
            if let Some(p) = Placeholder::ALL.iter().find(|p| rest.starts_with(p.token())) {
                n += 1;
                rest = &rest[p.token().len()..];
                continue;
            }
        }
        n += 1;
        rest = &rest[c.len_utf8()..];
    }
    n
}

/// What the walk found besides errors.
pub(crate) struct Walk<'a> {
    pub errors: Vec<FieldError>,
    /// Pointers of identifying fields that were given (and left out).
    pub removed: Vec<String>,
    /// Their values, for the scrubber.
    pub known: Vec<Cow<'a, str>>,
    /// Pointers of free-text fields in the output.
    pub free_text: Vec<String>,
    form: &'static FormDef,
    today: NaiveDate,
    ptr: String,
}

/// Walk `raw` against `form`: returns the output form (identifying fields left out, nulls dropped,
/// integers normalised) and what was found. The output is meaningful only when `errors` is empty.
pub(crate) fn walk<'a>(
    form: &'static FormDef,
    raw: &'a Value,
    today: NaiveDate,
) -> (Map<String, Value>, Walk<'a>) {
    let mut w = Walk {
        errors: Vec::new(),
        removed: Vec::new(),
        known: Vec::new(),
        free_text: Vec::new(),
        form,
        today,
        ptr: String::with_capacity(64),
    };
    let out = match raw.as_object() {
        Some(map) => w.object(form.sections, map),
        None => {
            w.errors.push(FieldError::say("", INVALID_TYPE, Message::new("error-not-object")));
            Map::new()
        }
    };
    // The rules stay silent where a value has the wrong type (the walk reported it), so they can always
    // run: every problem is reported at once.
    for rule in form.rules() {
        (rule.check)(raw, &mut w.errors);
    }
    (out, w)
}

fn push_escaped(ptr: &mut String, key: &str) {
    ptr.push('/');
    for c in key.chars() {
        match c {
            '~' => ptr.push_str("~0"),
            '/' => ptr.push_str("~1"),
            c => ptr.push(c),
        }
    }
}

/// Is a value "given": present, not null, not an empty array; a blank string counts as not given for free
/// text.
fn is_given(field: &Field, v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::String(s)) if matches!(field.kind, Kind::FreeText { .. }) => {
            !s.trim().is_empty()
        }
        Some(_) => true,
    }
}

/// Does the sibling meet the condition? `None` when the sibling is absent or not of the expected type.
fn cond_holds(cond: Cond, sibling_field: Option<&Field>, sibling: Option<&Value>) -> Option<bool> {
    let v = sibling.filter(|v| !v.is_null())?;
    match cond {
        Cond::IsTrue => v.as_bool(),
        Cond::Equals(x) => match v {
            Value::String(s) => Some(s == x),
            Value::Array(a) => Some(a.iter().any(|i| i.as_str() == Some(x))),
            _ => None,
        },
        Cond::Present => Some(sibling_field.map_or(true, |f| is_given(f, Some(v)))),
    }
}

/// "<sibling> is yes / is given / is <value>", a part of a sentence.
fn cond_text(cond: Cond, sibling: &Field) -> Arg {
    let m = match cond {
        Cond::IsTrue => Message::new("condition-is-true"),
        Cond::Present => Message::new("condition-is-given"),
        Cond::Equals(x) => {
            let value = sibling
                .enum_values()
                .and_then(|vals| vals.iter().find(|v| v.value == x))
                .map(|v| v.msg)
                .or_else(|| match sibling.kind {
                    Kind::Drug => drugs::drug(x).map(|(d, _)| d.msg),
                    _ => None,
                })
                .map_or_else(|| Arg::Text(x.to_owned()), Arg::Label);
            Message::new("condition-equals").arg("value", value)
        }
    };
    Arg::Message(Box::new(m.field(sibling.msg)))
}

fn list_values(values: &[EnumValue]) -> String {
    let mut s = String::new();
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(v.value);
    }
    s
}

impl<'a> Walk<'a> {
    fn err(&mut self, code: &'static str, message: Message) {
        self.errors.push(FieldError::say(self.ptr.clone(), code, message));
    }

    /// An error about field `f` (`$field` is its label).
    fn err_on(&mut self, f: &Field, code: &'static str, id: &'static str) {
        self.err(code, Message::new(id).field(f.msg));
    }

    fn object(
        &mut self,
        sections: &[&'static [Field]],
        map: &'a Map<String, Value>,
    ) -> Map<String, Value> {
        let mut out = Map::new();
        let base = self.ptr.len();
        let lookup = |key: &str| sections.iter().find_map(|s| find(s, key));
        for (key, value) in map {
            push_escaped(&mut self.ptr, key);
            match lookup(key) {
                None => self.err(UNKNOWN_FIELD, Message::new("error-unknown-field")),
                Some(_) if value.is_null() => {}
                Some(f) if matches!(f.kind, Kind::Identifying) => self.identifying(f, value),
                Some(f) => {
                    if let Some(v) = self.value(f, value) {
                        out.insert(key.clone(), v);
                    }
                }
            }
            self.ptr.truncate(base);
        }
        for f in sections.iter().flat_map(|s| s.iter()) {
            let given = is_given(f, map.get(f.name));
            let missing = |w: &mut Self, message: Message| {
                push_escaped(&mut w.ptr, f.name);
                w.err(REQUIRED, message.field(f.msg));
                w.ptr.truncate(base);
            };
            match f.req {
                Req::Optional => {}
                Req::Required => {
                    if map.get(f.name).map_or(true, Value::is_null) {
                        missing(self, Message::new("error-required"));
                    } else if !given {
                        missing(self, Message::new("error-empty"));
                    }
                }
                Req::Unless(other) => {
                    let other_field = lookup(other);
                    if !given && !other_field.is_some_and(|o| is_given(o, map.get(other))) {
                        let other_label = other_field.map_or_else(|| Arg::Text(other.to_owned()), |o| Arg::Label(o.msg));
                        missing(self, Message::new("error-required-unless").arg("other", other_label));
                    }
                }
                Req::When(sib, cond) | Req::Iff(sib, cond) => {
                    let sib_field = lookup(sib);
                    let holds = cond_holds(cond, sib_field, map.get(sib));
                    let sib_field = sib_field.expect("condition names a sibling field");
                    if holds == Some(true) && !given {
                        missing(
                            self,
                            Message::new("error-required-when").arg("condition", cond_text(cond, sib_field)),
                        );
                    }
                    if matches!(f.req, Req::Iff(..)) && holds == Some(false) && given {
                        push_escaped(&mut self.ptr, f.name);
                        self.err(
                            NOT_APPLICABLE,
                            Message::new("error-only-when")
                                .field(f.msg)
                                .arg("condition", cond_text(cond, sib_field)),
                        );
                        self.ptr.truncate(base);
                    }
                }
            }
        }
        out
    }

    fn identifying(&mut self, f: &Field, value: &'a Value) {
        match value {
            Value::String(s) => {
                if !s.trim().is_empty() {
                    self.known.push(Cow::Borrowed(s.as_str()));
                }
            }
            Value::Number(n) => self.known.push(Cow::Owned(n.to_string())),
            _ => {
                return self.err_on(f, INVALID_TYPE, "error-text");
            }
        }
        self.removed.push(self.ptr.clone());
    }

    /// Refuses a value this registry restricts (e.g. a suspected case in the atopic dermatitis registry).
    fn restriction(&mut self, value: &str) -> bool {
        let form = self.form;
        let hit = form.restrictions.iter().find(|r| {
            // Compare the definition path with the pointer, array indices left out.
            let mut segs = self
                .ptr
                .split('/')
                .skip(1)
                .filter(|s| !s.bytes().all(|b| b.is_ascii_digit()));
            r.refused == value
                && r.path.split('/').all(|p| segs.next() == Some(p))
                && segs.next().is_none()
        });
        match hit {
            Some(r) => {
                self.err(r.code, Message::new(r.msg));
                true
            }
            None => false,
        }
    }

    /// The checked value of one field, or `None` when it is not valid (its problems recorded).
    fn value(&mut self, f: &'static Field, value: &'a Value) -> Option<Value> {
        match f.kind {
            Kind::Enum(values) => self.enum_value(f, values, value),
            Kind::Drug => self.drug(f, value),
            Kind::EnumSet { values, exclusive } => self.enum_set(f, values, exclusive, value),
            Kind::Integer { min, max } => self.integer(f, min, max, value),
            Kind::Number { min, max, decimals } => self.number(f, (min, max), decimals, value),
            Kind::Bool => match value {
                Value::Bool(b) => Some(Value::Bool(*b)),
                _ => {
                    self.err_on(f, INVALID_TYPE, "error-true-or-false");
                    None
                }
            },
            Kind::Country => self.country(f, value),
            Kind::Date => self.date(f, value),
            Kind::DiagnosisDate => self.diagnosis_date(f, value),
            Kind::FreeText { max } => self.free_text(f, max, value),
            Kind::Identifying => None, // handled by `object`
            Kind::Object(fields) => {
                let Some(map) = value.as_object() else {
                    self.err_on(f, INVALID_TYPE, "error-object");
                    return None;
                };
                Some(Value::Object(self.object(std::slice::from_ref(&fields), map)))
            }
            Kind::Array { item, min, max } => self.array(f, item, (min, max), value),
        }
    }

    fn enum_value(&mut self, f: &'static Field, values: &'static [EnumValue], value: &Value) -> Option<Value> {
        let one_of = || Message::new("error-one-of").field(f.msg).arg("values", Arg::Text(list_values(values)));
        let Some(s) = value.as_str() else {
            self.err(INVALID_TYPE, one_of());
            return None;
        };
        if !values.iter().any(|v| v.value == s) {
            self.err(INVALID_VALUE, one_of());
            return None;
        }
        if self.restriction(s) {
            return None;
        }
        Some(Value::String(s.to_owned()))
    }

    fn drug(&mut self, f: &'static Field, value: &Value) -> Option<Value> {
        let Some(s) = value.as_str().filter(|s| drugs::drug(s).is_some()) else {
            let code = if value.is_string() { INVALID_VALUE } else { INVALID_TYPE };
            self.err_on(f, code, "error-drug");
            return None;
        };
        Some(Value::String(s.to_owned()))
    }

    /// Distinct values of the list; a value of `exclusive` (`none`) must be alone.
    fn enum_set(
        &mut self,
        f: &'static Field,
        values: &'static [EnumValue],
        exclusive: &'static [&'static str],
        value: &Value,
    ) -> Option<Value> {
        let Some(items) = value.as_array() else {
            self.err_on(f, INVALID_TYPE, "error-list-of-values");
            return None;
        };
        let base = self.ptr.len();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let s = item.as_str().filter(|s| values.iter().any(|v| v.value == *s));
            use std::fmt::Write;
            let _ = write!(self.ptr, "/{i}");
            match s {
                None => {
                    ok = false;
                    let code = if item.is_string() { INVALID_VALUE } else { INVALID_TYPE };
                    self.err(code, Message::new("error-each-one-of").field(f.msg).arg("values", Arg::Text(list_values(values))));
                }
                Some(s) if items[..i].iter().any(|p| p.as_str() == Some(s)) => {
                    ok = false;
                    self.err_on(f, DUPLICATE, "error-same-value-twice");
                }
                Some(_) => {}
            }
            self.ptr.truncate(base);
        }
        if items.len() > 1 {
            for x in exclusive {
                if items.iter().any(|i| i.as_str() == Some(*x)) {
                    ok = false;
                    let value = values
                        .iter()
                        .find(|v| v.value == *x)
                        .map_or_else(|| Arg::Text((*x).to_owned()), |v| Arg::Label(v.msg));
                    self.err(MUST_BE_ALONE, Message::new("error-must-be-alone").field(f.msg).arg("value", value));
                }
            }
        }
        ok.then(|| value.clone())
    }

    fn out_of_range(&mut self, f: &'static Field, min: String, max: String) {
        self.err(OUT_OF_RANGE, Message::new("error-between").field(f.msg).arg("min", Arg::Text(min)).arg("max", Arg::Text(max)));
    }

    /// A whole number in range; `3.0` is taken as `3`.
    fn integer(&mut self, f: &'static Field, min: i64, max: i64, value: &Value) -> Option<Value> {
        let n = value
            .as_i64()
            .or_else(|| value.as_f64().filter(|x| x.fract() == 0.0 && x.abs() < 9.0e15).map(|x| x as i64));
        let Some(n) = n else {
            self.err_on(f, INVALID_TYPE, "error-whole-number");
            return None;
        };
        if n < min || n > max {
            self.out_of_range(f, min.to_string(), max.to_string());
            return None;
        }
        Some(Value::from(n))
    }

    fn number(&mut self, f: &'static Field, (min, max): (f64, f64), decimals: Option<u32>, value: &Value) -> Option<Value> {
        let Some(x) = value.as_f64().filter(|x| x.is_finite()) else {
            self.err_on(f, INVALID_TYPE, "error-number");
            return None;
        };
        if x < min || x > max {
            self.out_of_range(f, min.to_string(), max.to_string());
            return None;
        }
        if let Some(d) = decimals {
            let scaled = x * 10f64.powi(d as i32);
            if (scaled - scaled.round()).abs() > 1e-6 {
                self.err(TOO_MANY_DECIMALS, Message::new("error-decimals").field(f.msg).arg("decimals", Arg::Int(i64::from(d))));
                return None;
            }
        }
        Some(value.clone())
    }

    fn country(&mut self, f: &'static Field, value: &Value) -> Option<Value> {
        let Some(s) = value.as_str() else {
            self.err_on(f, INVALID_TYPE, "error-country-code");
            return None;
        };
        if COUNTRIES.binary_search_by(|c| c.value.cmp(s)).is_err() {
            self.err_on(f, INVALID_VALUE, "error-country-value");
            return None;
        }
        Some(Value::String(s.to_owned()))
    }

    fn date(&mut self, f: &'static Field, value: &Value) -> Option<Value> {
        let Some(d) = value.as_str().and_then(parse_date) else {
            self.err_on(f, INVALID_DATE, "error-date");
            return None;
        };
        let earliest = NaiveDate::from_ymd_opt(EARLIEST_DATE.0, EARLIEST_DATE.1, EARLIEST_DATE.2)?;
        if d < earliest || d > self.tomorrow() {
            self.err_on(f, OUT_OF_RANGE, "error-date-range");
            return None;
        }
        Some(value.clone())
    }

    fn diagnosis_date(&mut self, f: &'static Field, value: &Value) -> Option<Value> {
        let Some(d) = value.as_str().and_then(PartialDate::parse) else {
            self.err_on(f, INVALID_DATE, "error-diagnosis-date");
            return None;
        };
        let earliest = NaiveDate::from_ymd_opt(EARLIEST_DIAGNOSIS.0, EARLIEST_DIAGNOSIS.1, EARLIEST_DIAGNOSIS.2)?;
        if d.last_day() < earliest || d.first_day() > self.tomorrow() {
            self.err_on(f, OUT_OF_RANGE, "error-diagnosis-date-range");
            return None;
        }
        Some(value.clone())
    }

    /// Free text within its length; its pointer is kept so that intake scrubs it.
    fn free_text(&mut self, f: &'static Field, max: usize, value: &Value) -> Option<Value> {
        let Some(s) = value.as_str() else {
            self.err_on(f, INVALID_TYPE, "error-text");
            return None;
        };
        if text_len(s) > max {
            self.err(TOO_LONG, Message::new("error-too-long").field(f.msg).arg("max", Arg::Int(max as i64)));
            return None;
        }
        self.free_text.push(self.ptr.clone());
        Some(value.clone())
    }

    fn array(&mut self, f: &'static Field, item: &'static [Field], (min, max): (usize, usize), value: &'a Value) -> Option<Value> {
        let Some(items) = value.as_array() else {
            self.err_on(f, INVALID_TYPE, "error-list");
            return None;
        };
        if items.len() > max {
            self.err(TOO_MANY_ITEMS, Message::new("error-too-many-items").field(f.msg).arg("max", Arg::Int(max as i64)));
            return None;
        }
        if items.len() < min {
            self.err(TOO_FEW_ITEMS, Message::new("error-too-few-items").field(f.msg).arg("min", Arg::Int(min as i64)));
            return None;
        }
        let base = self.ptr.len();
        let mut out = Vec::with_capacity(items.len());
        for (i, v) in items.iter().enumerate() {
            use std::fmt::Write;
            let _ = write!(self.ptr, "/{i}");
            match v.as_object() {
                Some(map) => out.push(Value::Object(self.object(std::slice::from_ref(&item), map))),
                None => self.err_on(f, INVALID_TYPE, "error-each-entry-object"),
            }
            self.ptr.truncate(base);
        }
        Some(Value::Array(out))
    }

    fn tomorrow(&self) -> NaiveDate {
        self.today.succ_opt().unwrap_or(self.today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_len_counts_chars_and_placeholders_as_one() {
        assert_eq!(text_len("abc"), 3);
        assert_eq!(text_len("é😀"), 2);
        assert_eq!(text_len("[NAME] saw [DATE]"), 7);
        assert_eq!(text_len("[NAM"), 4);
    }

    #[test]
    fn pointers_are_escaped() {
        let mut p = String::new();
        push_escaped(&mut p, "a/b~c");
        assert_eq!(p, "/a~1b~0c");
    }
}
