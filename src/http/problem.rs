//! `ApiError`: the only `ResponseError` of the service, rendered once as RFC 9457 problem details.
//! Details are fixed sentences: no error ever carries a submitted value or an internal error's text.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;

use std::borrow::Cow;

use crate::auth::AuthError;
use crate::db::DbError;
use crate::i18n::{Arg, Lang, Message};
use crate::registry::ValidationErrors;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("bad request")]
    BadRequest(&'static str),
    #[error("auth: {0}")]
    Auth(#[from] AuthError),
    #[error("not found")]
    NotFound,
    /// The address exists but not with this method; `allow` lists the methods it takes.
    #[error("method not allowed")]
    MethodNotAllowed { allow: String },
    #[error("conflict")]
    Conflict(&'static str),
    #[error("precondition required")]
    PreconditionRequired,
    #[error("precondition failed")]
    PreconditionFailed,
    #[error("payload too large")]
    PayloadTooLarge,
    #[error("unsupported media type")]
    UnsupportedMediaType,
    #[error("validation failed")]
    Validation(ValidationErrors),
    #[error("too many requests")]
    TooManyRequests { retry_after_secs: u64 },
    #[error("service unavailable")]
    Unavailable,
    /// A bug or an unexpected failure: logged with its correlation id, answered with a fixed text.
    #[error("internal error {correlation}")]
    Internal { correlation: String },
}

impl ApiError {
    /// Logs `why` (our own text, never a submitted value) under a new correlation id.
    pub fn internal(why: &str) -> ApiError {
        let correlation = uuid::Uuid::now_v7().to_string();
        tracing::error!(correlation = %correlation, why, "internal error");
        ApiError::Internal { correlation }
    }
}

impl From<DbError> for ApiError {
    fn from(e: DbError) -> Self {
        match e {
            DbError::NotFound => ApiError::NotFound,
            DbError::Conflict => ApiError::Conflict("The resource was changed by another request; retry."),
            DbError::Unavailable(why) => {
                tracing::warn!(why = %why, "database unavailable");
                ApiError::Unavailable
            }
            DbError::Other(why) => ApiError::internal(&why),
        }
    }
}

impl From<diesel::result::Error> for ApiError {
    fn from(e: diesel::result::Error) -> Self {
        DbError::from(e).into()
    }
}

/// RFC 9457 problem details.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// A URI reference naming the kind of problem.
    #[serde(rename = "type")]
    pub kind: String,
    /// In the request's language (`Content-Language`).
    pub title: String,
    pub status: u16,
    /// In the request's language (`Content-Language`).
    pub detail: String,
    /// For 422: every problem of the submission, each with the JSON pointer of its field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ProblemItem>>,
    /// For 5xx: the id that the service's log line carries too.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub correlation_id: Option<String>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ProblemItem {
    pub pointer: String,
    pub code: String,
    /// In the request's language; pointer and code never change with it.
    pub detail: String,
}

impl Problem {
    /// The problem of kind `slug` (`problem-{slug}` in `locales/*/problems.ftl`), in `lang`.
    fn of(slug: &'static str, status: StatusCode, lang: Lang) -> Problem {
        let id = slug_message(slug);
        Problem {
            kind: format!("/docs#problem-{slug}"),
            title: lang.text(id).into_owned(),
            status: status.as_u16(),
            detail: lang.attr(id, "detail").map(Cow::into_owned).unwrap_or_default(),
            errors: None,
            correlation_id: None,
        }
    }

    /// A problem for a bare status, used for errors raised outside handlers (405, ...).
    pub fn for_status(status: StatusCode, lang: Lang) -> Problem {
        let slug = match status.as_u16() {
            400 => "bad-request",
            401 => "unauthorized",
            403 => "forbidden",
            404 => "not-found",
            405 => "method-not-allowed",
            406 => "not-acceptable",
            413 => "payload-too-large",
            415 => "unsupported-media-type",
            _ if status.is_server_error() => "internal",
            _ => "error",
        };
        Problem::of(slug, status, lang)
    }
}

/// Message ids of the problem kinds (a `match`, so a new kind without a message does not compile).
fn slug_message(slug: &str) -> &'static str {
    match slug {
        "bad-request" => "problem-bad-request",
        "unauthorized" => "problem-unauthorized",
        "invalid-token" => "problem-invalid-token",
        "token-revoked" => "problem-token-revoked",
        "bad-credentials" => "problem-bad-credentials",
        "forbidden" => "problem-forbidden",
        "too-many-attempts" => "problem-too-many-attempts",
        "not-found" => "problem-not-found",
        "method-not-allowed" => "problem-method-not-allowed",
        "not-acceptable" => "problem-not-acceptable",
        "conflict" => "problem-conflict",
        "precondition-required" => "problem-precondition-required",
        "precondition-failed" => "problem-precondition-failed",
        "payload-too-large" => "problem-payload-too-large",
        "unsupported-media-type" => "problem-unsupported-media-type",
        "validation" => "problem-validation",
        "rate-limited" => "problem-rate-limited",
        "unavailable" => "problem-unavailable",
        "internal" => "problem-internal",
        _ => "problem-error",
    }
}

/// Every problem kind's slug, for the test that each has its messages in every language.
pub const SLUGS: &[&str] = &[
    "bad-request", "unauthorized", "invalid-token", "token-revoked", "bad-credentials", "forbidden",
    "too-many-attempts", "not-found", "method-not-allowed", "not-acceptable", "conflict",
    "precondition-required", "precondition-failed", "payload-too-large", "unsupported-media-type",
    "validation", "rate-limited", "unavailable", "internal", "error",
];

/// The message ids of every problem kind (titles; details are their `.detail`).
pub fn problem_messages() -> impl Iterator<Item = &'static str> {
    SLUGS.iter().map(|s| slug_message(s))
}

pub const PROBLEM_JSON: &str = "application/problem+json";

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::Auth(AuthError::Forbidden) => StatusCode::FORBIDDEN,
            ApiError::Auth(AuthError::TooManyAttempts { .. }) | ApiError::TooManyRequests { .. } => {
                StatusCode::TOO_MANY_REQUESTS
            }
            ApiError::Auth(_) => StatusCode::UNAUTHORIZED,
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Conflict(_) => StatusCode::CONFLICT,
            ApiError::PreconditionRequired => StatusCode::PRECONDITION_REQUIRED,
            ApiError::PreconditionFailed => StatusCode::PRECONDITION_FAILED,
            ApiError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal { .. } => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// In English; `i18n::speak` answers in the request's language with [`ApiError::render`].
    fn error_response(&self) -> HttpResponse {
        self.render(Lang::ENGLISH)
    }
}

impl ApiError {
    fn slug(&self) -> &'static str {
        match self {
            ApiError::BadRequest(_) => "bad-request",
            ApiError::Auth(e) => match e {
                AuthError::Missing => "unauthorized",
                AuthError::InvalidToken => "invalid-token",
                AuthError::Revoked => "token-revoked",
                AuthError::BadCredentials => "bad-credentials",
                AuthError::Forbidden => "forbidden",
                AuthError::TooManyAttempts { .. } => "too-many-attempts",
            },
            ApiError::NotFound => "not-found",
            ApiError::MethodNotAllowed { .. } => "method-not-allowed",
            ApiError::Conflict(_) => "conflict",
            ApiError::PreconditionRequired => "precondition-required",
            ApiError::PreconditionFailed => "precondition-failed",
            ApiError::PayloadTooLarge => "payload-too-large",
            ApiError::UnsupportedMediaType => "unsupported-media-type",
            ApiError::Validation(_) => "validation",
            ApiError::TooManyRequests { .. } => "rate-limited",
            ApiError::Unavailable => "unavailable",
            ApiError::Internal { .. } => "internal",
        }
    }

    /// The problem response in `lang`. A handler's own sentence for a bad request or a conflict is
    /// English (it names the parameter or header at fault); everything else is translated.
    pub fn render(&self, lang: Lang) -> HttpResponse {
        let status = self.status_code();
        let mut problem = Problem::of(self.slug(), status, lang);
        let mut retry_after = None;
        match self {
            ApiError::BadRequest(detail) | ApiError::Conflict(detail) => problem.detail = (*detail).into(),
            ApiError::Auth(AuthError::TooManyAttempts { retry_after_secs }) | ApiError::TooManyRequests { retry_after_secs } => {
                retry_after = Some(*retry_after_secs)
            }
            ApiError::Validation(errors) => {
                let count = errors.0.len() as i64;
                problem.detail = lang
                    .say_attr(&Message::new("problem-validation").arg("count", Arg::Int(count)), Some("detail"))
                    .unwrap_or_default();
                problem.errors = Some(
                    errors
                        .0
                        .iter()
                        .map(|e| ProblemItem { pointer: e.pointer.clone(), code: e.code.into(), detail: e.detail_in(lang) })
                        .collect(),
                );
            }
            ApiError::Unavailable => retry_after = Some(5),
            ApiError::Internal { correlation } => problem.correlation_id = Some(correlation.clone()),
            _ => {}
        }
        let mut response = HttpResponse::build(status);
        response.content_type(PROBLEM_JSON);
        if let Some(secs) = retry_after {
            response.insert_header((header::RETRY_AFTER, secs.to_string()));
        }
        if let ApiError::MethodNotAllowed { allow } = self {
            response.insert_header((header::ALLOW, allow.as_str()));
        }
        if matches!(self, ApiError::Auth(AuthError::Missing | AuthError::InvalidToken | AuthError::Revoked)) {
            response.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
        }
        response.json(problem)
    }
}

/// The problem answers endpoints share, for the OpenAPI document: `responses(..., Unauthorized, Forbidden)`.
#[allow(dead_code)] // The types only describe responses; they are never built.
pub mod responses {
    use super::Problem;

    /// Malformed request: unreadable JSON, a bad cursor or query parameter.
    #[derive(utoipa::IntoResponses)]
    #[response(status = 400, content_type = "application/problem+json")]
    pub struct BadRequest(Problem);

    /// No bearer token, or one that is invalid, expired or revoked.
    #[derive(utoipa::IntoResponses)]
    #[response(status = 401, content_type = "application/problem+json")]
    pub struct Unauthorized(Problem);

    /// The token's role or registries do not allow this.
    #[derive(utoipa::IntoResponses)]
    #[response(status = 403, content_type = "application/problem+json")]
    pub struct Forbidden(Problem);

    /// Nothing here, or nothing this token may see.
    #[derive(utoipa::IntoResponses)]
    #[response(status = 404, content_type = "application/problem+json")]
    pub struct NotFound(Problem);

    /// Every problem of the form, each with its JSON pointer; never a submitted value.
    #[derive(utoipa::IntoResponses)]
    #[response(status = 422, content_type = "application/problem+json")]
    pub struct Invalid(Problem);
}
