use std::future::Future;
use std::num::NonZeroU32;
use std::pin::Pin;

use actix_web::{web, FromRequest, HttpMessage, HttpRequest};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use super::{jwt, AuthError, Role};
use crate::app::AppState;
use crate::http::{ApiError, RequestId};
use crate::registry::Registry;

/// The authenticated caller of a request: a verified, unrevoked token.
#[derive(Debug, Clone)]
pub struct Principal {
    pub subject: String,
    pub role: Role,
    pub registries: Vec<Registry>,
    pub jti: String,
    /// The request's id, carried here so that audit rows name it.
    pub request_id: String,
}

impl Principal {
    /// 403 unless the caller has one of `roles`.
    pub fn require(&self, roles: &[Role]) -> Result<(), ApiError> {
        if roles.contains(&self.role) {
            Ok(())
        } else {
            Err(AuthError::Forbidden.into())
        }
    }

    /// 403 unless the caller has one of `roles` for `registry`.
    pub fn require_for(&self, roles: &[Role], registry: Registry) -> Result<(), ApiError> {
        self.require(roles)?;
        if self.registries.contains(&registry) {
            Ok(())
        } else {
            Err(AuthError::Forbidden.into())
        }
    }
}

impl FromRequest for Principal {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Principal, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let verified = verify(req);
        let state = req.app_data::<web::Data<AppState>>().cloned();
        Box::pin(async move {
            let Unconfirmed(principal) = verified?;
            let state = state.ok_or_else(|| ApiError::internal("application state missing"))?;
            let jti = principal.jti.clone();
            let revoked = state.db.read(move |c| super::store::is_revoked(c, &jti)).await.map_err(ApiError::from)?;
            if revoked {
                return Err(AuthError::Revoked.into());
            }
            Ok(principal)
        })
    }
}

/// A verified token whose revocation is checked inside the request's own write transaction instead of
/// in a read of its own: the hot write path (a submission) then takes one trip to the database pool,
/// not two. Its grants can be looked at to refuse early (403); nothing may be written for it before
/// [`Unconfirmed::confirm`] has run in the same transaction.
#[derive(Debug, Clone)]
pub struct Unconfirmed(Principal);

impl Unconfirmed {
    /// The token's claims, for role and registry checks before any work.
    pub fn claims(&self) -> &Principal {
        &self.0
    }

    /// The principal, once the database says the token is not revoked.
    pub fn confirm(self, conn: &mut crate::db::DbConn) -> Result<Principal, ApiError> {
        if super::store::is_revoked(conn, &self.0.jti)? {
            return Err(AuthError::Revoked.into());
        }
        Ok(self.0)
    }
}

impl FromRequest for Unconfirmed {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Unconfirmed, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        std::future::ready(verify(req))
    }
}

/// Signature, issuer, audience, expiry, grants and the per-token request budget: everything but
/// revocation, which needs the database.
fn verify(req: &HttpRequest) -> Result<Unconfirmed, ApiError> {
    let state = req.app_data::<web::Data<AppState>>().ok_or_else(|| ApiError::internal("application state missing"))?;
    let request_id = req.extensions().get::<RequestId>().map(|r| r.0.clone()).unwrap_or_default();
    let header = req.headers().get(actix_web::http::header::AUTHORIZATION).ok_or(AuthError::Missing)?;
    let token = header
        .to_str()
        .ok()
        .and_then(|h| h.strip_prefix("Bearer ").or_else(|| h.strip_prefix("bearer ")))
        .ok_or(AuthError::Missing)?
        .trim();
    let claims = state.keys.verify(token)?;
    let (role, registries) = jwt::grants(&claims)?;
    if let Some(retry_after_secs) = state.token_limiter.hit(&claims.jti) {
        return Err(ApiError::TooManyRequests { retry_after_secs });
    }
    Ok(Unconfirmed(Principal { subject: claims.sub, role, registries, jti: claims.jti, request_id }))
}

/// Per-token request budget: `per_minute` requests a minute, as a burst or spread out (the generic
/// cell rate algorithm of the `governor` crate). Kept in process: it only sheds a runaway client, so
/// an instance-local count (the limit divided across instances at worst) is the intended trade-off;
/// counters that protect secrets (failed logins) are in the database.
pub struct TokenRateLimiter {
    limiter: Option<DefaultKeyedRateLimiter<String>>,
}

impl TokenRateLimiter {
    /// `0`: no limit.
    pub fn new(per_minute: u32) -> Self {
        TokenRateLimiter { limiter: NonZeroU32::new(per_minute).map(|n| RateLimiter::keyed(Quota::per_minute(n))) }
    }

    /// Counts one request; `Some(seconds)` to wait when over the limit.
    pub fn hit(&self, jti: &str) -> Option<u64> {
        let limiter = self.limiter.as_ref()?;
        // Tokens whose budget is whole again carry no state worth keeping.
        if limiter.len() > 100_000 {
            limiter.retain_recent();
        }
        let over = limiter.check_key(&jti.to_owned()).err()?;
        Some(over.wait_time_from(DefaultClock::default().now()).as_secs().max(1))
    }
}
