use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};
use validator::Validate;

use super::{password, store, AuthError, Principal, Role};
use crate::app::AppState;
use crate::http::ApiError;
use crate::registry::Registry;

#[derive(Deserialize, Validate, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    #[validate(length(min = 1, max = 200))]
    pub username: String,
    #[validate(length(min = 1, max = 1000))]
    pub password: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct TokenResponse {
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: &'static str,
    /// Seconds until the token expires.
    pub expires_in: u64,
    pub role: Role,
    pub registries: Vec<String>,
}

/// Password login: returns a bearer token for the account's role and registries.
/// Failed logins are counted per username across all instances; too many answer 429.
#[utoipa::path(post, path = "/v1/auth/token", tag = "auth", request_body = LoginRequest, responses(
    (status = 200, body = TokenResponse),
    crate::http::responses::BadRequest,
    (status = 401, description = "Wrong username or password", body = crate::http::Problem, content_type = "application/problem+json"),
    (status = 429, description = "Too many failed logins; see Retry-After", body = crate::http::Problem, content_type = "application/problem+json"),
))]
pub async fn login(state: web::Data<AppState>, body: web::Json<LoginRequest>) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    // An empty or absurdly long username or password cannot be right: same answer as a wrong one.
    if body.validate().is_err() {
        return Err(AuthError::BadCredentials.into());
    }
    let LoginRequest { username, password } = body;
    let limit_key = format!("login:{}", username.to_lowercase());
    let key = limit_key.clone();
    let blocked = state
        .db
        .read(move |c| store::blocked_for(c, &key, store::LOGIN_FAILURES_ALLOWED, store::LOGIN_WINDOW_SECS))
        .await?;
    if let Some(retry_after_secs) = blocked {
        return Err(AuthError::TooManyAttempts { retry_after_secs }.into());
    }
    let user = {
        let username = username.clone();
        state.db.read(move |c| store::find_user(c, &username)).await?
    };
    // Hashing is slow on purpose: keep it off the async workers.
    let ok = web::block(move || match user {
        Some(u) if password::verify(&password, &u.password_hash) => Some(u),
        Some(_) => None,
        None => {
            password::burn_time(&password);
            None
        }
    })
    .await
    .map_err(|_| ApiError::internal("password check did not finish"))?;
    let Some(user) = ok else {
        state
            .db
            .write(move |c| store::count_failure(c, &limit_key, store::LOGIN_WINDOW_SECS))
            .await?;
        return Err(AuthError::BadCredentials.into());
    };
    let role = Role::parse(&user.role).ok_or_else(|| ApiError::internal("stored role is unknown"))?;
    let registries: Vec<Registry> =
        super::parse_registries(&user.registries).map_err(|_| ApiError::internal("stored registries are unknown"))?;
    let (token, claims) = state.keys.issue(&user.username, role, &registries, state.settings.login_token_ttl);
    state
        .db
        .write(move |c| {
            store::clear_failures(c, &limit_key)?;
            crate::audit::record(c, &crate::audit::Entry::new(&user.username, "login", "token", Some(&claims.jti), None))
        })
        .await?;
    Ok(HttpResponse::Ok().insert_header(("Cache-Control", "no-store")).json(TokenResponse {
        access_token: token,
        token_type: "Bearer",
        expires_in: state.settings.login_token_ttl.as_secs(),
        role,
        registries: registries.iter().map(|r| r.id().to_owned()).collect(),
    }))
}

/// Sign out: revokes the presented token for every instance, at once. Any later request with it is
/// 401 (`token-revoked`). Only the token itself can sign itself out.
#[utoipa::path(post, path = "/v1/auth/logout", tag = "auth", security(("bearer" = [])), responses(
    (status = 204, description = "The token is revoked"),
    crate::http::responses::Unauthorized,
))]
pub async fn logout(state: web::Data<AppState>, principal: Principal) -> Result<HttpResponse, ApiError> {
    let Principal { subject, jti, request_id, .. } = principal;
    state
        .db
        .write(move |c| {
            store::revoke(c, &jti)?;
            crate::audit::record(c, &crate::audit::Entry::new(&subject, "logout", "token", Some(&jti), Some(&request_id)))
        })
        .await?;
    Ok(HttpResponse::NoContent().insert_header(("Cache-Control", "no-store")).finish())
}
