//! TEMPORARY: replaced by the declarative registries module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Registry { General, Psoriasis, AtopicDermatitis }
impl Registry {
    pub const ALL: [Registry; 3] = [Registry::General, Registry::Psoriasis, Registry::AtopicDermatitis];
    pub fn id(self) -> &'static str { match self { Registry::General => "general", Registry::Psoriasis => "psoriasis", Registry::AtopicDermatitis => "atopic-dermatitis" } }
    pub fn parse(s: &str) -> Option<Registry> { Self::ALL.into_iter().find(|r| r.id() == s) }
}
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiagnosisPrecision { Month, Year }
#[derive(Debug, serde::Serialize)] pub struct ValidationErrors(pub Vec<FieldError>);
#[derive(Debug, serde::Serialize)] pub struct FieldError { pub pointer: String, pub code: &'static str, pub detail: String }
