//! `FhirError`: the FHIR boundary's one error type, answered as an OperationOutcome
//! (`application/fhir+json`). Diagnostics are fixed sentences: never a submitted value.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use serde_json::json;

use super::FHIR_JSON;
use crate::db::DbError;
use crate::http::ApiError;

#[derive(Debug, thiserror::Error)]
pub enum FhirError {
    /// Authentication, authorisation, rate limits and the database, as the rest of the service decides
    /// them: the same status, told as an OperationOutcome.
    #[error("{0}")]
    Api(#[from] ApiError),
    /// A parameter or header the operation cannot read (400, issue `invalid`).
    #[error("invalid request")]
    Invalid(&'static str),
    /// Something FHIR allows that this server does not do (400, issue `not-supported`).
    #[error("not supported")]
    NotSupported(&'static str),
    /// The resource existed and was withdrawn (410, issue `deleted`).
    #[error("gone")]
    Gone,
    /// An export job that stopped with an error (500, issue `exception`).
    #[error("export failed")]
    ExportFailed,
}

impl From<DbError> for FhirError {
    fn from(e: DbError) -> Self {
        FhirError::Api(e.into())
    }
}

impl From<crate::auth::AuthError> for FhirError {
    fn from(e: crate::auth::AuthError) -> Self {
        FhirError::Api(e.into())
    }
}

impl FhirError {
    pub fn not_found() -> FhirError {
        FhirError::Api(ApiError::NotFound)
    }

    /// The OperationOutcome issue's code and diagnostics.
    fn issue(&self) -> (&'static str, &'static str) {
        match self {
            FhirError::Invalid(why) => ("invalid", why),
            FhirError::NotSupported(why) => ("not-supported", why),
            FhirError::Gone => ("deleted", "The case was withdrawn: its content is erased."),
            FhirError::ExportFailed => ("exception", "The export failed; start a new one."),
            FhirError::Api(e) => match e.status_code().as_u16() {
                400 => ("invalid", "The request could not be read."),
                401 => ("login", "A valid bearer token is required."),
                403 => ("forbidden", "This token does not allow that."),
                404 => ("not-found", "There is nothing at this address."),
                405 => ("not-supported", "This address does not accept that method."),
                409 => ("conflict", "The request conflicts with the current state; retry."),
                429 => ("throttled", "Too many requests with this token; wait for Retry-After."),
                503 => ("transient", "The database is busy or unreachable; retry shortly."),
                _ => ("exception", "The service failed to answer; the correlation id is in its log."),
            },
        }
    }
}

impl ResponseError for FhirError {
    fn status_code(&self) -> StatusCode {
        match self {
            FhirError::Api(e) => e.status_code(),
            FhirError::Invalid(_) | FhirError::NotSupported(_) => StatusCode::BAD_REQUEST,
            FhirError::Gone => StatusCode::GONE,
            FhirError::ExportFailed => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let (code, diagnostics) = self.issue();
        let mut outcome = json!({
            "resourceType": "OperationOutcome",
            "issue": [{"severity": "error", "code": code, "diagnostics": diagnostics}],
        });
        let mut response = HttpResponse::build(self.status_code());
        response.content_type(FHIR_JSON);
        if let FhirError::Api(api) = self {
            // The headers the problem answer would carry (Retry-After, WWW-Authenticate, Allow), and
            // the correlation id of a 5xx.
            let problem = api.error_response();
            for name in [header::RETRY_AFTER, header::WWW_AUTHENTICATE, header::ALLOW] {
                if let Some(v) = problem.headers().get(&name) {
                    response.insert_header((name, v.clone()));
                }
            }
            if let ApiError::Internal { correlation } = api {
                outcome["issue"][0]["diagnostics"] = json!(format!("{diagnostics} Correlation id: {correlation}."));
            }
        }
        response.json(outcome)
    }
}
