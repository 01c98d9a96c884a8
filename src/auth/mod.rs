//! Who is calling and what they may do.
//!
//! - `jwt.rs`: issuing and verifying tokens (own HS256 tokens, optionally an external IdP's RS256/ES256).
//! - `password.rs`: argon2id hashes.
//! - `store.rs`: accounts, revoked token ids and login-failure counters, all in the database.
//! - `principal.rs`: the actix extractor that gives a handler its authenticated `Principal`.
//! - `handlers.rs`: `POST /v1/auth/token` (sign in) and `POST /v1/auth/logout` (revoke the token).

pub mod handlers;
pub mod jwt;
pub mod password;
mod principal;
pub mod store;

pub use jwt::{Claims, Keys};
pub use principal::{Principal, TokenRateLimiter, Unconfirmed};

use crate::registry::Registry;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Clinician,
    Curator,
    Partner,
    Admin,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Clinician, Role::Curator, Role::Partner, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Clinician => "clinician",
            Role::Curator => "curator",
            Role::Partner => "partner",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// Why a request is not authenticated (401) or not allowed (403). Never says more than that.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum AuthError {
    #[error("authentication required")]
    Missing,
    #[error("the token is not valid")]
    InvalidToken,
    #[error("the token has been revoked")]
    Revoked,
    #[error("wrong username or password")]
    BadCredentials,
    #[error("not allowed")]
    Forbidden,
    #[error("too many attempts")]
    TooManyAttempts { retry_after_secs: u64 },
}

/// `general,psoriasis` -> registries; an unknown name is an error naming the position, not the text.
pub fn parse_registries(list: &str) -> Result<Vec<Registry>, String> {
    let mut out = Vec::new();
    for (i, name) in list.split(',').map(str::trim).filter(|s| !s.is_empty()).enumerate() {
        let r = Registry::parse(name).ok_or_else(|| {
            format!("registry {} of the list is not one of general, psoriasis, atopic-dermatitis", i + 1)
        })?;
        if !out.contains(&r) {
            out.push(r);
        }
    }
    Ok(out)
}

pub fn registries_to_string(registries: &[Registry]) -> String {
    registries.iter().map(|r| r.id()).collect::<Vec<_>>().join(",")
}
