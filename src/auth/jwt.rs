use std::time::Duration;

use jsonwebtoken::{decode, decode_header, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

use super::{AuthError, Role};
use crate::registry::Registry;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Claims {
    pub sub: String,
    pub role: String,
    pub registries: Vec<String>,
    pub iat: i64,
    pub exp: i64,
    pub jti: String,
    pub iss: String,
    pub aud: String,
}

/// An external identity provider whose tokens are accepted beside our own.
struct External {
    key: DecodingKey,
    algorithm: Algorithm,
    issuer: String,
}

/// The keys that sign and check tokens. The algorithm is pinned per key: our own tokens are HS256
/// under our secret only; an external provider's are checked only with its public key and algorithm.
/// So an HS256 token "signed" with the public key, `alg: none`, or any other algorithm fails.
pub struct Keys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    issuer: String,
    audience: String,
    external: Option<External>,
}

impl Keys {
    pub fn new(secret: &[u8], issuer: &str, audience: &str) -> Keys {
        Keys {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            issuer: issuer.to_owned(),
            audience: audience.to_owned(),
            external: None,
        }
    }

    /// Accepts tokens of an external provider: an RSA or EC public key in PEM, and its issuer.
    pub fn with_external(mut self, pem: &[u8], issuer: &str) -> Result<Keys, String> {
        let (key, algorithm) = if let Ok(k) = DecodingKey::from_rsa_pem(pem) {
            (k, Algorithm::RS256)
        } else if let Ok(k) = DecodingKey::from_ec_pem(pem) {
            (k, Algorithm::ES256)
        } else {
            return Err("the public key file is not an RSA or EC public key in PEM".into());
        };
        self.external = Some(External { key, algorithm, issuer: issuer.to_owned() });
        Ok(self)
    }

    /// Issues one of our own tokens.
    pub fn issue(&self, subject: &str, role: Role, registries: &[Registry], ttl: Duration) -> (String, Claims) {
        let now = chrono::Utc::now().timestamp();
        let claims = Claims {
            sub: subject.to_owned(),
            role: role.as_str().to_owned(),
            registries: registries.iter().map(|r| r.id().to_owned()).collect(),
            iat: now,
            exp: now + ttl.as_secs() as i64,
            jti: uuid::Uuid::now_v7().to_string(),
            iss: self.issuer.clone(),
            aud: self.audience.clone(),
        };
        let token = encode(&Header::new(Algorithm::HS256), &claims, &self.encoding).expect("HS256 signing cannot fail");
        (token, claims)
    }

    /// Checks signature, algorithm, issuer, audience and expiry. Revocation is checked by the caller.
    pub fn verify(&self, token: &str) -> Result<Claims, AuthError> {
        let header = decode_header(token).map_err(|_| AuthError::InvalidToken)?;
        let (key, algorithm, issuer) = match (&self.external, header.alg) {
            (_, Algorithm::HS256) => (&self.decoding, Algorithm::HS256, &self.issuer),
            (Some(ext), alg) if alg == ext.algorithm => (&ext.key, ext.algorithm, &ext.issuer),
            _ => return Err(AuthError::InvalidToken),
        };
        let mut validation = Validation::new(algorithm);
        validation.set_issuer(&[issuer]);
        validation.set_audience(&[&self.audience]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.leeway = 30;
        decode::<Claims>(token, key, &validation).map(|d| d.claims).map_err(|_| AuthError::InvalidToken)
    }
}

/// The role and registries a verified token grants; a token naming an unknown one is invalid.
pub fn grants(claims: &Claims) -> Result<(Role, Vec<Registry>), AuthError> {
    let role = Role::parse(&claims.role).ok_or(AuthError::InvalidToken)?;
    let registries = claims
        .registries
        .iter()
        .map(|r| Registry::parse(r).ok_or(AuthError::InvalidToken))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((role, registries))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> Keys {
        Keys::new(b"0123456789abcdef0123456789abcdef", "dermreg", "dermreg")
    }

    #[test]
    fn issued_tokens_verify() {
        let k = keys();
        let (token, claims) = k.issue("alice", Role::Curator, &[Registry::Psoriasis], Duration::from_secs(60));
        assert_eq!(k.verify(&token).unwrap(), claims);
    }

    #[test]
    fn other_secret_issuer_or_audience_is_invalid() {
        let (token, _) = keys().issue("alice", Role::Curator, &[], Duration::from_secs(60));
        let other = Keys::new(b"another-secret-another-secret-xx", "dermreg", "dermreg");
        assert_eq!(other.verify(&token), Err(AuthError::InvalidToken));
        let other_iss = Keys::new(b"0123456789abcdef0123456789abcdef", "elsewhere", "dermreg");
        assert_eq!(other_iss.verify(&token), Err(AuthError::InvalidToken));
        let other_aud = Keys::new(b"0123456789abcdef0123456789abcdef", "dermreg", "elsewhere");
        assert_eq!(other_aud.verify(&token), Err(AuthError::InvalidToken));
    }

    #[test]
    fn alg_none_is_invalid() {
        use base64::Engine;
        let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        let (token, _) = keys().issue("alice", Role::Admin, &[], Duration::from_secs(60));
        let payload = token.split('.').nth(1).unwrap();
        let forged = format!("{}.{}.", b64.encode(r#"{"alg":"none","typ":"JWT"}"#), payload);
        assert_eq!(keys().verify(&forged), Err(AuthError::InvalidToken));
    }
}
