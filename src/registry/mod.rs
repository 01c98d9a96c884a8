//! The three registries: their forms as data, and the pure functions computed from them.
//!
//! | what | where |
//! | --- | --- |
//! | the form definitions (common core + one module per registry), drug table, countries | [`form`] |
//! | validation: one walk guided by the definition + cross-field rules | [`validate`] |
//! | JSON Schema 2020-12 served at `GET /v1/registries/{registry}/form` | [`schema`] |
//! | intake: validate -> de-identify -> derive summary columns | [`intake`] |
//! | labels for summaries | [`enum_label`] |

pub mod form;
pub mod intake;
pub mod schema;
pub mod validate;

pub mod handlers;
pub mod merge_patch;
pub mod seed;
pub mod store;

pub use crate::deid::fields::DiagnosisPrecision;
pub use form::kinds::FormDef;
pub use intake::{
    intake, intake_on, DeidReport, Derived, Facet, FreeTextPolicy, Generalised, Intake, IntakeContext,
    PlaceholderCount, NOT_STORED,
};
pub use schema::json_schema;
pub use validate::{FieldError, ValidationErrors};

use form::core::{AGE_BANDS, CONFIRMATION, COVID_SEVERITY};
use form::countries::COUNTRIES;
use form::drugs;
use form::kinds::{msg_of, Kind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Registry {
    General,
    Psoriasis,
    AtopicDermatitis,
}

impl Registry {
    pub const ALL: [Registry; 3] = [
        Registry::General,
        Registry::Psoriasis,
        Registry::AtopicDermatitis,
    ];

    /// The form definition (common core + module).
    pub fn form(self) -> &'static FormDef {
        match self {
            Registry::General => &form::general::FORM,
            Registry::Psoriasis => &form::psoriasis::FORM,
            Registry::AtopicDermatitis => &form::atopic_dermatitis::FORM,
        }
    }

    /// URL segment: `general`, `psoriasis`, `atopic-dermatitis`.
    pub fn id(self) -> &'static str {
        self.form().registry
    }

    pub fn parse(s: &str) -> Option<Registry> {
        Registry::ALL.into_iter().find(|r| r.id() == s)
    }

    /// The registry's name in English (release documents); `title_in` for a reader.
    pub fn title(self) -> &'static str {
        crate::i18n::english_static(self.form().msg)
    }

    pub fn title_in(self, lang: crate::i18n::Lang) -> std::borrow::Cow<'static, str> {
        lang.text(self.form().msg)
    }

    /// e.g. `general/1`.
    pub fn form_version(self) -> &'static str {
        self.form().version
    }
}

/// Serialised as its id (`"atopic-dermatitis"`).
impl serde::Serialize for Registry {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

impl<'de> serde::Deserialize<'de> for Registry {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Registry, D::Error> {
        let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
        Registry::parse(&s).ok_or_else(|| serde::de::Error::custom("unknown registry"))
    }
}

/// In the contract: a string with the three ids as its values.
impl utoipa::PartialSchema for Registry {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .enum_values(Some(Registry::ALL.map(Registry::id)))
            .description(Some("A registry: general, psoriasis or atopic-dermatitis."))
            .into()
    }
}

impl utoipa::ToSchema for Registry {}

/// A registry's id as typed on a command line (`--registry psoriasis`).
impl std::str::FromStr for Registry {
    type Err = String;

    fn from_str(s: &str) -> Result<Registry, String> {
        Registry::parse(s).ok_or_else(|| "registry must be general, psoriasis or atopic-dermatitis".into())
    }
}

impl std::fmt::Display for Registry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

/// Summary dimensions that are not form fields, with their labels. Names accepted by [`enum_label`]
/// (both spellings).
const VIRTUAL: &[(&str, &str)] = &[
    ("drug_class", "treatments/drug_class"),
    ("treatment_category", "treatments/category"),
    ("covid_severity", "covid/severity"),
    ("age_band", "patient/age_band"),
    ("confirmed", "covid/confirmed"),
];

/// The label of an enumerated value, for summaries. `field_path` is a form path (`patient/sex`,
/// `treatments/drug`, `manifestations/morphology`: array items are transparent), a `Derived` column or facet
/// name (`sex`, `severity_before`, `comorbidity`, `morphology`, ...), or a derived dimension:
/// `drug_class` / `treatments/drug_class`, `treatment_category` / `treatments/category`, `covid_severity` /
/// `covid/severity` (`"1"`..`"4"`), `age_band` (`"90+"`), `confirmed` (`"true"`/`"false"`). Countries give
/// their English short name (CLDR), booleans `Yes`/`No`.
pub fn enum_label(registry: Registry, field_path: &str, value: &str) -> Option<&'static str> {
    enum_msg(registry, field_path, value).map(crate::i18n::english_static)
}

/// The message id of an enumerated value's label (paths and values as [`enum_label`]), to say it in
/// a reader's language.
pub fn enum_msg(registry: Registry, field_path: &str, value: &str) -> Option<&'static str> {
    let path = field_path.trim_matches('/');
    let def = registry.form();
    let virt = VIRTUAL
        .iter()
        .find(|(a, b)| *a == path || *b == path)
        .map(|(a, _)| *a);
    match virt {
        Some("drug_class") => return drugs::class(value).map(|c| c.msg),
        Some("treatment_category") => return msg_of(drugs::CATEGORIES, value),
        Some("covid_severity") => return msg_of(COVID_SEVERITY, value),
        Some("age_band") => {
            return AGE_BANDS
                .iter()
                .find(|(_, v)| v.value == value)
                .map(|(_, v)| v.msg)
        }
        Some("confirmed") => return msg_of(CONFIRMATION, value),
        _ => {}
    }
    let path = def
        .columns()
        .find(|c| c.name == path)
        .map(|c| c.path)
        .or_else(|| def.facets().find(|f| f.name == path).map(|f| f.path))
        .unwrap_or(path);
    let field = def.field_at(path)?;
    match field.kind {
        Kind::Enum(values) | Kind::EnumSet { values, .. } => msg_of(values, value),
        Kind::Drug => drugs::drug(value).map(|(d, _)| d.msg),
        Kind::Country => COUNTRIES
            .binary_search_by(|c| c.value.cmp(value))
            .ok()
            .map(|i| COUNTRIES[i].msg),
        Kind::Bool => match value {
            "true" => Some("choice-yes"),
            "false" => Some("choice-no"),
            _ => None,
        },
        _ => None,
    }
}

/// The clinician label of a field (`covid/outcome/icu` -> "Admitted to intensive care").
pub fn field_label(registry: Registry, field_path: &str) -> Option<&'static str> {
    registry.form().field_at(field_path).map(|f| crate::i18n::english_static(f.msg))
}

#[cfg(test)]
mod tests;

// Why a case was withdrawn: a fixed list, so no free text (which could identify someone) is kept in
// a tombstone. (A plain comment: the withdrawal's query parameter documents it in openapi.yaml.)
#[derive(Debug, serde::Deserialize, Clone, Copy, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum WithdrawalReason {
    EnteredInError,
    Duplicate,
    ConsentWithdrawn,
    Other,
}

impl WithdrawalReason {
    pub fn as_str(self) -> &'static str {
        match self {
            WithdrawalReason::EnteredInError => "entered_in_error",
            WithdrawalReason::Duplicate => "duplicate",
            WithdrawalReason::ConsentWithdrawn => "consent_withdrawn",
            WithdrawalReason::Other => "other",
        }
    }
}
