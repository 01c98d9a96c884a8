//! The vocabulary the form definitions are written in: fields, kinds, requirement conditions, cross-field
//! rules. Validation (`validate.rs`), the JSON Schema (`schema.rs`), de-identification (`intake.rs`) and
//! labels (`enum_label`) are all computed from values of these types; nothing else lists fields.

use serde_json::Value;

use crate::registry::validate::FieldError;

/// One allowed value of an enumeration and the message id of the label a clinician sees
/// (`locales/*/forms.ftl`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EnumValue {
    pub value: &'static str,
    pub msg: &'static str,
}

impl EnumValue {
    pub const fn new(value: &'static str, msg: &'static str) -> EnumValue {
        EnumValue { value, msg }
    }
}

/// The label's message id of `value` in `values`.
pub fn msg_of(values: &'static [EnumValue], value: &str) -> Option<&'static str> {
    values.iter().find(|v| v.value == value).map(|v| v.msg)
}

/// What a field holds. Every kind knows how to validate itself and how to describe itself in JSON Schema.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// One of the values (a string).
    Enum(&'static [EnumValue]),
    /// An array of distinct values; a value listed in `exclusive` (`none`, `asymptomatic`) must be alone.
    EnumSet {
        values: &'static [EnumValue],
        exclusive: &'static [&'static str],
    },
    /// A drug from the drug table (`drugs.rs`): an enum whose values come with a class and a category.
    Drug,
    /// A whole number (JSON integers; `3.0` is accepted as `3`).
    Integer {
        min: i64,
        max: i64,
    },
    /// A number; `decimals` limits the number of decimals given.
    Number {
        min: f64,
        max: f64,
        decimals: Option<u32>,
    },
    Bool,
    /// ISO 3166-1 alpha-2, upper case, an assigned code.
    Country,
    /// `YYYY-MM-DD`, a real date between 1880 and tomorrow. Accepted only to be generalised (see `Store`).
    Date,
    /// The COVID-19 diagnosis: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, from November 2019 to tomorrow; stored as
    /// a month (or a year).
    DiagnosisDate,
    /// Free text, scrubbed before storage. `max` counts characters (not bytes); a placeholder such as
    /// `[NAME]` counts as one character so that a scrubbed text is never longer than its limit.
    FreeText {
        max: usize,
    },
    /// Identifying: accepted (text or number) and never stored; its value is handed to the scrubber.
    Identifying,
    Object(&'static [Field]),
    /// An array of objects.
    Array {
        item: &'static [Field],
        min: usize,
        max: usize,
    },
}

/// A condition on a sibling field (same object).
#[derive(Debug, Clone, Copy)]
pub enum Cond {
    /// The sibling is `true`.
    IsTrue,
    /// The sibling equals this enum value (or, for an `EnumSet`, contains it).
    Equals(&'static str),
    /// The sibling is given.
    Present,
}

/// When a field must be given. "Given" means present, not `null`, not an empty array or a blank string.
#[derive(Debug, Clone, Copy)]
pub enum Req {
    Optional,
    Required,
    /// Required unless the named sibling is given.
    Unless(&'static str),
    /// Required when the sibling meets the condition; optional otherwise.
    When(&'static str, Cond),
    /// Required when the sibling meets the condition; refused (`not_applicable`) otherwise.
    Iff(&'static str, Cond),
}

/// What happens to a value on its way to storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Store {
    /// Stored as given (after validation; free text after scrubbing).
    Kept,
    /// Accepted on input and replaced by the named sibling (e.g. `date_of_birth` -> `age_years`).
    Into(&'static str),
}

#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// JSON key.
    pub name: &'static str,
    /// Message id (`locales/*/forms.ftl`): its value is the label, `.help` the help a clinician reads
    /// on the entry page, `.api` (where the API needs more) the JSON Schema `description`.
    pub msg: &'static str,
    pub kind: Kind,
    pub req: Req,
    pub store: Store,
    /// The registry fills it in from other answers: the API accepts it, the entry page leaves it out.
    pub set_by_registry: bool,
}

impl Field {
    pub const fn new(name: &'static str, msg: &'static str, kind: Kind) -> Field {
        Field {
            name,
            msg,
            kind,
            req: Req::Optional,
            store: Store::Kept,
            set_by_registry: false,
        }
    }

    /// An identifying field: accepted, removed, its value used to scrub free text.
    pub const fn identifying(name: &'static str, msg: &'static str) -> Field {
        Field::new(name, msg, Kind::Identifying)
    }

    pub const fn set_by_registry(mut self) -> Field {
        self.set_by_registry = true;
        self
    }

    pub const fn required(mut self) -> Field {
        self.req = Req::Required;
        self
    }

    pub const fn req(mut self, req: Req) -> Field {
        self.req = req;
        self
    }

    pub const fn becomes(mut self, target: &'static str) -> Field {
        self.store = Store::Into(target);
        self
    }

    /// Fields of an object or array item, if any.
    pub fn children(&self) -> Option<&'static [Field]> {
        match self.kind {
            Kind::Object(f) | Kind::Array { item: f, .. } => Some(f),
            _ => None,
        }
    }

    /// Enum values of an `Enum` or `EnumSet` field.
    pub fn enum_values(&self) -> Option<&'static [EnumValue]> {
        match self.kind {
            Kind::Enum(v) | Kind::EnumSet { values: v, .. } => Some(v),
            _ => None,
        }
    }

    /// Is this field stored in the form (as opposed to input-only or identifying)?
    pub fn is_stored(&self) -> bool {
        self.store == Store::Kept && !matches!(self.kind, Kind::Identifying)
    }
}

/// Look a field up by name.
pub fn find(fields: &'static [Field], name: &str) -> Option<&'static Field> {
    fields.iter().find(|f| f.name == name)
}

/// A cross-field rule: a small named function beside the definition. `check` reads the raw form (it can rely
/// on nothing but must stay silent where types are wrong: the walk reports those) and pushes its errors.
#[derive(Clone, Copy)]
pub struct Rule {
    /// The error code it produces.
    pub code: &'static str,
    /// Message id of one sentence, shown in the JSON Schema (`x-rules`).
    pub msg: &'static str,
    pub check: fn(&Value, &mut Vec<FieldError>),
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rule").field("code", &self.code).finish()
    }
}

/// A registry refusing one value of a shared enum (SECURE-AD takes laboratory-confirmed cases only). The
/// JSON Schema leaves the value out; validation refuses it with `code` and the sentence `msg`.
#[derive(Debug, Clone, Copy)]
pub struct Restriction {
    /// Path of the field, segments separated by `/` (no leading slash), e.g. `covid/diagnosis_basis`.
    pub path: &'static str,
    pub refused: &'static str,
    pub code: &'static str,
    /// Message id of the sentence that explains the refusal.
    pub msg: &'static str,
}

/// One registry's form: the common core plus its module.
#[derive(Debug)]
pub struct FormDef {
    pub registry: &'static str,
    pub version: &'static str,
    /// Message id: the registry's name, and `.description`.
    pub msg: &'static str,
    /// Top-level fields, in groups (core, module); their union is the root object.
    pub sections: &'static [&'static [Field]],
    /// Cross-field rules, in groups (core, module).
    pub rules: &'static [&'static [Rule]],
    pub restrictions: &'static [Restriction],
    /// Single-valued summary dimensions read from the form (`Derived` fields), in groups (core, module).
    pub columns: &'static [&'static [Column]],
    /// Multi-valued summary dimensions (`Derived::facets`), in groups (core, module).
    pub facets: &'static [&'static [FacetSource]],
}

/// A single-valued summary dimension taken from one field of the form, e.g. `severity_before` from
/// `psoriasis/severity_before_covid/pga`.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    pub path: &'static str,
}

/// A multi-valued summary dimension: one facet row per distinct value found at `path` (array items are
/// transparent), with the value of the sibling field `detail` of the same item, if any.
#[derive(Debug, Clone, Copy)]
pub struct FacetSource {
    pub name: &'static str,
    pub path: &'static str,
    pub detail: Option<&'static str>,
}

impl FormDef {
    /// Top-level fields.
    pub fn fields(&self) -> impl Iterator<Item = &'static Field> + '_ {
        self.sections.iter().flat_map(|s| s.iter())
    }

    pub fn columns(&self) -> impl Iterator<Item = &'static Column> + '_ {
        self.columns.iter().flat_map(|s| s.iter())
    }

    pub fn facets(&self) -> impl Iterator<Item = &'static FacetSource> + '_ {
        self.facets.iter().flat_map(|s| s.iter())
    }

    pub fn rules(&self) -> impl Iterator<Item = &'static Rule> + '_ {
        self.rules.iter().flat_map(|s| s.iter())
    }

    /// The top-level field `name`.
    pub fn top(&self, name: &str) -> Option<&'static Field> {
        self.fields().find(|f| f.name == name)
    }

    /// The field at `a/b/c` (array items are transparent: `treatments/drug`).
    pub fn field_at(&self, path: &str) -> Option<&'static Field> {
        let mut segs = path.trim_matches('/').split('/');
        let mut field = self.top(segs.next()?)?;
        for seg in segs {
            field = find(field.children()?, seg)?;
        }
        Some(field)
    }

    /// The restriction on `path` refusing `value`, if any.
    pub fn restriction(&self, path: &str, value: &str) -> Option<&'static Restriction> {
        self.restrictions
            .iter()
            .find(|r| r.path == path && r.refused == value)
    }
}

/// Read helpers for rules: `None` when absent or of another type.
pub fn get<'a>(form: &'a Value, pointer: &str) -> Option<&'a Value> {
    form.pointer(pointer).filter(|v| !v.is_null())
}

pub fn get_bool(form: &Value, pointer: &str) -> Option<bool> {
    get(form, pointer).and_then(Value::as_bool)
}

pub fn get_str<'a>(form: &'a Value, pointer: &str) -> Option<&'a str> {
    get(form, pointer).and_then(Value::as_str)
}

pub fn get_array<'a>(form: &'a Value, pointer: &str) -> Option<&'a Vec<Value>> {
    get(form, pointer).and_then(Value::as_array)
}
