//! `ApiError`: the only `ResponseError` of the service, rendered once as RFC 9457 problem details.
//! Details are fixed sentences: no error ever carries a submitted value or an internal error's text.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;

use crate::auth::AuthError;
use crate::db::DbError;
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
    pub title: &'static str,
    pub status: u16,
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
    pub detail: String,
}

impl Problem {
    /// A problem for a bare status, used for errors raised outside handlers (405, ...).
    pub fn for_status(status: StatusCode) -> Problem {
        let (slug, title, detail) = match status.as_u16() {
            400 => ("bad-request", "Bad request", "The request could not be read."),
            401 => ("unauthorized", "Unauthorized", "A valid bearer token is required."),
            403 => ("forbidden", "Forbidden", "This token does not allow that."),
            404 => ("not-found", "Not found", "There is nothing at this address."),
            405 => ("method-not-allowed", "Method not allowed", "This address does not accept that method."),
            406 => ("not-acceptable", "Not acceptable", "The requested format is not available here."),
            413 => ("payload-too-large", "Payload too large", "The body is larger than this endpoint accepts."),
            415 => ("unsupported-media-type", "Unsupported media type", "Send the body as application/json."),
            _ if status.is_server_error() => ("internal", "Internal error", "The service failed to answer."),
            _ => ("error", "Error", "The request failed."),
        };
        Problem {
            kind: format!("/docs#problem-{slug}"),
            title,
            status: status.as_u16(),
            detail: detail.into(),
            errors: None,
            correlation_id: None,
        }
    }
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

    fn error_response(&self) -> HttpResponse {
        let status = self.status_code();
        let mut problem = Problem::for_status(status);
        let mut retry_after = None;
        let (slug, title, detail): (&str, &'static str, String) = match self {
            ApiError::BadRequest(detail) => ("bad-request", "Bad request", (*detail).into()),
            ApiError::Auth(e) => match e {
                AuthError::Missing => ("unauthorized", "Unauthorized", "A bearer token is required.".into()),
                AuthError::InvalidToken => (
                    "invalid-token",
                    "Unauthorized",
                    "The token is not valid: wrong signature, algorithm, issuer or audience, or expired.".into(),
                ),
                AuthError::Revoked => ("token-revoked", "Unauthorized", "The token has been revoked.".into()),
                AuthError::BadCredentials => {
                    ("bad-credentials", "Unauthorized", "The username or password is wrong.".into())
                }
                AuthError::Forbidden => ("forbidden", "Forbidden", "This token does not allow that.".into()),
                AuthError::TooManyAttempts { retry_after_secs } => {
                    retry_after = Some(*retry_after_secs);
                    ("too-many-attempts", "Too many requests", "Too many failed logins; try again later.".into())
                }
            },
            ApiError::NotFound => ("not-found", "Not found", "There is nothing at this address.".into()),
            ApiError::MethodNotAllowed { .. } => {
                ("method-not-allowed", "Method not allowed", "This address does not accept that method; see Allow.".into())
            }
            ApiError::Conflict(detail) => ("conflict", "Conflict", (*detail).into()),
            ApiError::PreconditionRequired => (
                "precondition-required",
                "Precondition required",
                "Send If-Match with the case's current ETag to change it.".into(),
            ),
            ApiError::PreconditionFailed => (
                "precondition-failed",
                "Precondition failed",
                "The case has changed since you read it; read it again and retry.".into(),
            ),
            ApiError::PayloadTooLarge => {
                ("payload-too-large", "Payload too large", "The body is larger than this endpoint accepts.".into())
            }
            ApiError::UnsupportedMediaType => (
                "unsupported-media-type",
                "Unsupported media type",
                "Send the body as application/json.".into(),
            ),
            ApiError::Validation(errors) => {
                problem.errors = Some(
                    errors
                        .0
                        .iter()
                        .map(|e| ProblemItem { pointer: e.pointer.clone(), code: e.code.into(), detail: e.detail.clone() })
                        .collect(),
                );
                (
                    "validation",
                    "The form has problems",
                    format!("{} problem(s) with the form; see errors.", errors.0.len()),
                )
            }
            ApiError::TooManyRequests { retry_after_secs } => {
                retry_after = Some(*retry_after_secs);
                ("rate-limited", "Too many requests", "This token has made too many requests; slow down.".into())
            }
            ApiError::Unavailable => {
                retry_after = Some(5);
                ("unavailable", "Service unavailable", "The database is busy or unreachable; retry shortly.".into())
            }
            ApiError::Internal { correlation } => {
                problem.correlation_id = Some(correlation.clone());
                ("internal", "Internal error", "The service failed to answer; the correlation id is in its log.".into())
            }
        };
        problem.kind = format!("/docs#problem-{slug}");
        problem.title = title;
        problem.detail = detail;
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
