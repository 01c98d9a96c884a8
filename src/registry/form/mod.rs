//! The declarative form definitions: one [`FormDef`] per registry (common core + module).
pub mod atopic_dermatitis;
pub mod core;
pub mod countries;
pub mod drugs;
pub mod general;
pub mod kinds;
pub mod psoriasis;

pub use kinds::{Cond, EnumValue, Field, FormDef, Kind, Req, Restriction, Rule, Store};
