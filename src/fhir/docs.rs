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

/// `Prefer`: an export runs asynchronously only.
#[derive(Serialize, utoipa::ToSchema)]
pub enum Prefer {
    #[serde(rename = "respond-async")]
    RespondAsync,
}

/// `_type`: the only type a registry exports.
#[derive(Serialize, utoipa::ToSchema)]
pub enum ExportType {
    QuestionnaireResponse,
}

/// `_outputFormat`: NDJSON, however it is spelled.
#[derive(Serialize, utoipa::ToSchema)]
pub enum OutputFormat {
    #[serde(rename = "application/fhir+ndjson")]
    FhirNdjson,
    #[serde(rename = "application/ndjson")]
    Ndjson,
    #[serde(rename = "ndjson")]
    Short,
}

/// A kick-off's FHIR `Parameters` body.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ExportParameters {
    /// `Parameters`
    #[serde(rename = "resourceType")]
    #[schema(pattern = "^Parameters$")]
    resource_type: String,
    parameter: Option<Vec<ExportParameter>>,
}

#[derive(Serialize, utoipa::ToSchema)]
#[serde(untagged)]
pub enum ExportParameter {
    Since(SinceParameter),
    Type(TypeParameter),
    Format(FormatParameter),
}

#[derive(Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SinceParameter {
    #[schema(pattern = "^_since$")]
    name: String,
    #[serde(rename = "valueInstant")]
    #[schema(format = DateTime)]
    value_instant: String,
}

#[derive(Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TypeParameter {
    #[schema(pattern = "^_type$")]
    name: String,
    #[serde(rename = "valueString")]
    value_string: ExportType,
}

#[derive(Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FormatParameter {
    #[schema(pattern = "^_outputFormat$")]
    name: String,
    #[serde(rename = "valueString")]
    value_string: OutputFormat,
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
