//! How `/fhir`'s answers are described in `openapi.yaml`: the OperationOutcome every error is, the
//! Bulk Data manifest, and the error answers the FHIR operations share (their media type is
//! `application/fhir+json`, not the problem type the rest of the API answers with).
#![allow(dead_code)] // The types only describe responses; they are never built.

use serde::Serialize;

/// A FHIR R4 OperationOutcome: every error under `/fhir`. Diagnostics never carry a submitted value.
#[derive(Serialize, utoipa::ToSchema)]
pub struct OperationOutcome {
    /// `OperationOutcome`
    #[serde(rename = "resourceType")]
    resource_type: String,
    issue: Vec<Issue>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct Issue {
    /// `error` or `information`
    severity: String,
    /// FHIR issue type: `invalid`, `login`, `forbidden`, `not-found`, `deleted`, `throttled`, `transient`, `exception`, ...
    code: String,
    diagnostics: String,
}

/// The Bulk Data manifest of a finished export.
#[derive(Serialize, utoipa::ToSchema)]
pub struct Manifest {
    /// The export holds every change up to this instant: pass it as `_since` to the next export.
    #[serde(rename = "transactionTime")]
    #[schema(format = DateTime)]
    transaction_time: String,
    /// The kick-off request.
    request: String,
    /// Always true: the files need the same bearer token.
    #[serde(rename = "requiresAccessToken")]
    requires_access_token: bool,
    /// QuestionnaireResponse files of at most 50,000 resources.
    output: Vec<ManifestFile>,
    /// Bundle files: one transaction Bundle with a DELETE per case withdrawn after `_since`.
    deleted: Vec<ManifestFile>,
    /// Always empty: a case that cannot be exported fails the job.
    error: Vec<ManifestFile>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ManifestFile {
    #[serde(rename = "type")]
    kind: String,
    url: String,
    count: i64,
}

/// The parameters or the body could not be read, or ask for what this server does not do.
#[derive(utoipa::IntoResponses)]
#[response(status = 400, content_type = "application/fhir+json")]
pub struct Invalid(OperationOutcome);

/// No bearer token, or one that is invalid, expired or revoked.
#[derive(utoipa::IntoResponses)]
#[response(status = 401, content_type = "application/fhir+json")]
pub struct Unauthorized(OperationOutcome);

/// Not a curator or partner of this registry.
#[derive(utoipa::IntoResponses)]
#[response(status = 403, content_type = "application/fhir+json")]
pub struct Forbidden(OperationOutcome);

/// Nothing here, or nothing this token may see.
#[derive(utoipa::IntoResponses)]
#[response(status = 404, content_type = "application/fhir+json")]
pub struct NotFound(OperationOutcome);

/// Too many requests with this token; see Retry-After.
#[derive(utoipa::IntoResponses)]
#[response(status = 429, content_type = "application/fhir+json")]
pub struct Throttled(OperationOutcome);

/// The database is busy or unreachable; see Retry-After.
#[derive(utoipa::IntoResponses)]
#[response(status = 503, content_type = "application/fhir+json")]
pub struct Unavailable(OperationOutcome);
