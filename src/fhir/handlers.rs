//! `/fhir`: thin handlers over the pure resources (`questionnaire`, `response`, `capability`,
//! `export`) and the jobs. Every error is an OperationOutcome (`FhirError`).

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

use super::export::{self, ExportRequest};
use super::{capability, jobs, questionnaire, response, store, FhirError, FHIR_JSON, FHIR_NDJSON};
use crate::app::AppState;
use crate::auth::{Principal, Role};
use crate::http::ApiError;
use crate::registry::Registry;

/// Who reads a registry's cases through FHIR: its curators and its partners.
const READERS: &[Role] = &[Role::Curator, Role::Partner];

/// The token, or the reason there is none (401) as an OperationOutcome.
type Caller = Result<Principal, ApiError>;

/// The service's address as the client reached it: the manifest's URLs must be absolute.
fn base_url(req: &HttpRequest) -> String {
    let info = req.connection_info();
    format!("{}://{}", info.scheme(), info.host())
}

fn resource(status: StatusCode, body: &Value) -> HttpResponse {
    HttpResponse::build(status).content_type(FHIR_JSON).json(body)
}

/// A searchset Bundle of `resources`.
fn searchset(base: &str, kind: &str, resources: Vec<Value>) -> Value {
    json!({
        "resourceType": "Bundle",
        "type": "searchset",
        "total": resources.len(),
        "link": [{"relation": "self", "url": format!("{base}/fhir/{kind}")}],
        "entry": resources.into_iter().map(|r| json!({
            "fullUrl": format!("{base}/fhir/{kind}/{}", r["id"].as_str().unwrap_or_default()),
            "resource": r,
            "search": {"mode": "match"},
        })).collect::<Vec<_>>(),
    })
}

/// The server's CapabilityStatement.
#[utoipa::path(get, path = "/fhir/metadata", tag = "fhir",
    responses((status = 200, description = "CapabilityStatement (FHIR R4)", body = Object, content_type = "application/fhir+json")))]
pub async fn metadata(req: HttpRequest) -> HttpResponse {
    resource(StatusCode::OK, &capability::statement(&base_url(&req)))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QuestionnaireSearch {
    /// The canonical URL, optionally with `|version`.
    pub url: Option<String>,
}

/// Every form version as a Questionnaire (a searchset Bundle).
#[utoipa::path(get, path = "/fhir/Questionnaire", tag = "fhir", params(QuestionnaireSearch),
    responses(
        (status = 200, description = "searchset Bundle of Questionnaires", body = Object, content_type = "application/fhir+json"),
        super::docs::Invalid,
    ))]
pub async fn questionnaires(req: HttpRequest) -> Result<HttpResponse, FhirError> {
    let search = web::Query::<QuestionnaireSearch>::from_query(req.query_string())
        .map_err(|_| FhirError::Invalid("The search parameters could not be read."))?;
    let wanted = |r: Registry| match search.url.as_deref() {
        None => true,
        Some(url) => url == questionnaire::url_of(r) || url == questionnaire::canonical_of(r),
    };
    let found = Registry::ALL.into_iter().filter(|r| wanted(*r)).map(questionnaire::questionnaire).collect();
    Ok(resource(StatusCode::OK, &searchset(&base_url(&req), "Questionnaire", found)))
}

/// One form version as a Questionnaire (`general-1`, `psoriasis-1`, `atopic-dermatitis-1`).
#[utoipa::path(get, path = "/fhir/Questionnaire/{id}", tag = "fhir", params(("id" = String, Path)),
    responses(
        (status = 200, description = "Questionnaire", body = Object, content_type = "application/fhir+json"),
        super::docs::NotFound,
    ))]
pub async fn questionnaire(path: web::Path<String>) -> Result<HttpResponse, FhirError> {
    let registry = Registry::ALL.into_iter().find(|r| questionnaire::id_of(*r) == *path).ok_or_else(FhirError::not_found)?;
    Ok(resource(StatusCode::OK, &questionnaire::questionnaire(registry)))
}

/// Every value set of the forms as a CodeSystem (a searchset Bundle).
#[utoipa::path(get, path = "/fhir/CodeSystem", tag = "fhir",
    responses((status = 200, description = "searchset Bundle of CodeSystems", body = Object, content_type = "application/fhir+json")))]
pub async fn code_systems(req: HttpRequest) -> HttpResponse {
    let all = questionnaire::code_systems().into_values().collect();
    resource(StatusCode::OK, &searchset(&base_url(&req), "CodeSystem", all))
}

/// One value set of the forms as a CodeSystem.
#[utoipa::path(get, path = "/fhir/CodeSystem/{id}", tag = "fhir", params(("id" = String, Path)),
    responses(
        (status = 200, description = "CodeSystem", body = Object, content_type = "application/fhir+json"),
        super::docs::NotFound,
    ))]
pub async fn code_system(path: web::Path<String>) -> Result<HttpResponse, FhirError> {
    let system = questionnaire::code_systems().remove(path.as_str()).ok_or_else(FhirError::not_found)?;
    Ok(resource(StatusCode::OK, &system))
}

/// One case as an anonymised QuestionnaireResponse. A withdrawn case is 410 Gone.
#[utoipa::path(get, path = "/fhir/QuestionnaireResponse/{id}", tag = "fhir", params(("id" = String, Path)),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "QuestionnaireResponse", body = Object, content_type = "application/fhir+json"),
        super::docs::Unauthorized, super::docs::Forbidden, super::docs::NotFound,
        (status = 410, description = "The case was withdrawn", body = super::docs::OperationOutcome, content_type = "application/fhir+json"),
        super::docs::Throttled, super::docs::Unavailable,
    ))]
pub async fn questionnaire_response(state: web::Data<AppState>, caller: Caller, path: web::Path<String>) -> Result<HttpResponse, FhirError> {
    let principal = caller?;
    principal.require(READERS)?;
    let id = path.into_inner();
    let row = state.db.read(move |c| crate::registry::store::get(c, &id)).await?.ok_or_else(FhirError::not_found)?;
    // Another registry's case is not found, so ids cannot be probed.
    let registry = Registry::parse(&row.registry).filter(|r| principal.registries.contains(r)).ok_or_else(FhirError::not_found)?;
    let body = response::questionnaire_response(registry, &row).ok_or(FhirError::Gone)?;
    Ok(HttpResponse::Ok()
        .content_type(FHIR_JSON)
        .insert_header((header::ETAG, format!("W/\"{}\"", row.version)))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .json(body))
}

/// Starts an export of every case of a registry (Bulk Data, async): `Prefer: respond-async` is
/// required; `_since`, `_type` and `_outputFormat` in the query.
#[utoipa::path(get, path = "/fhir/Group/{registry}/$export", tag = "fhir", operation_id = "fhir_export",
    params(
        ("registry" = crate::registry::Registry, Path, description = "The group: general, psoriasis or atopic-dermatitis"),
        ("Prefer" = super::docs::Prefer, Header, description = "respond-async"),
        ("_since" = Option<String>, Query, format = DateTime, description = "Only cases created or corrected after this instant; cases withdrawn after it are listed in deleted"),
        ("_type" = Option<super::docs::ExportType>, Query, description = "QuestionnaireResponse (the only type exported)"),
        ("_outputFormat" = Option<super::docs::OutputFormat>, Query, description = "NDJSON (the only format)"),
    ),
    security(("bearer" = [])),
    responses(
        (status = 202, description = "Started; poll the Content-Location", body = super::docs::OperationOutcome, content_type = "application/fhir+json",
            headers(("Content-Location" = String, description = "The status URL"))),
        super::docs::Invalid, super::docs::Unauthorized, super::docs::Forbidden, super::docs::NotFound,
        super::docs::Throttled, super::docs::Unavailable,
    ))]
pub async fn export_get(state: web::Data<AppState>, caller: Caller, path: web::Path<String>, req: HttpRequest) -> Result<HttpResponse, FhirError> {
    let principal = caller?;
    let pairs = web::Query::<Vec<(String, String)>>::from_query(req.query_string())
        .map_err(|_| FhirError::Invalid("The query could not be read."))?;
    kick_off(&state, &principal, &path, &req, ExportRequest::from_query(&pairs)?).await
}

/// Starts an export with the parameters in a FHIR `Parameters` body.
#[utoipa::path(post, path = "/fhir/Group/{registry}/$export", tag = "fhir", operation_id = "fhir_export_post",
    params(
        ("registry" = crate::registry::Registry, Path, description = "The group: general, psoriasis or atopic-dermatitis"),
        ("Prefer" = super::docs::Prefer, Header, description = "respond-async"),
    ),
    request_body(content = super::docs::ExportParameters, description = "A FHIR Parameters resource: _since (valueInstant), _type, _outputFormat (valueString)", content_type = "application/fhir+json"),
    security(("bearer" = [])),
    responses(
        (status = 202, description = "Started; poll the Content-Location", body = super::docs::OperationOutcome, content_type = "application/fhir+json",
            headers(("Content-Location" = String, description = "The status URL"))),
        super::docs::Invalid, super::docs::Unauthorized, super::docs::Forbidden, super::docs::NotFound,
        (status = 413, description = "The body is over 256 KiB", body = super::docs::OperationOutcome, content_type = "application/fhir+json"),
        super::docs::Throttled, super::docs::Unavailable,
    ))]
pub async fn export_post(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<String>,
    req: HttpRequest,
    body: Result<web::Bytes, actix_web::Error>,
) -> Result<HttpResponse, FhirError> {
    let principal = caller?;
    let body = body.map_err(|_| FhirError::Api(ApiError::PayloadTooLarge))?;
    let parameters: Value = serde_json::from_slice(&body).map_err(|_| FhirError::Invalid("The body must be a FHIR Parameters resource."))?;
    let request = ExportRequest::from_parameters(&parameters)?;
    kick_off(&state, &principal, &path, &req, request).await
}

async fn kick_off(state: &AppState, principal: &Principal, segment: &str, req: &HttpRequest, request: ExportRequest) -> Result<HttpResponse, FhirError> {
    let registry = Registry::parse(segment).ok_or_else(FhirError::not_found)?;
    principal.require_for(READERS, registry)?;
    let prefer = req.headers().get("prefer").and_then(|v| v.to_str().ok()).unwrap_or("");
    if !prefer.split([',', ';']).any(|p| p.trim().eq_ignore_ascii_case("respond-async")) {
        return Err(FhirError::Invalid("An export runs asynchronously: send Prefer: respond-async."));
    }
    let job = jobs::kick_off(&state.db, registry, &principal.subject, &request).await?;
    jobs::spawn(&state.db, job.id.clone());
    let status_url = format!("{}/fhir/bulk-status/{}", base_url(req), job.id);
    Ok(HttpResponse::Accepted()
        .content_type(FHIR_JSON)
        .insert_header((header::CONTENT_LOCATION, status_url))
        .json(json!({
            "resourceType": "OperationOutcome",
            "issue": [{"severity": "information", "code": "informational", "diagnostics": "The export has started; poll the Content-Location."}],
        })))
}

/// A job the caller may see: 404 if there is none, 403 if it is another registry's.
async fn job_for(state: &AppState, principal: &Principal, id: String) -> Result<(store::Job, Registry), FhirError> {
    let job = state.db.read(move |c| store::job(c, &id)).await?.filter(|j| !store::GONE.contains(&j.status.as_str())).ok_or_else(FhirError::not_found)?;
    let registry = Registry::parse(&job.registry).ok_or_else(|| FhirError::Api(ApiError::internal("an export job names an unknown registry")))?;
    principal.require_for(READERS, registry)?;
    Ok((job, registry))
}

/// An export's status: 202 with `X-Progress` while it runs, 200 with the manifest when done.
#[utoipa::path(get, path = "/fhir/bulk-status/{job}", tag = "fhir", params(("job" = String, Path)),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The manifest (Bulk Data)", body = super::docs::Manifest, content_type = "application/json"),
        (status = 202, description = "Still running", body = super::docs::OperationOutcome, content_type = "application/fhir+json",
            headers(("X-Progress" = String), ("Retry-After" = String))),
        super::docs::Unauthorized, super::docs::Forbidden, super::docs::NotFound,
        (status = 500, description = "The export failed", body = super::docs::OperationOutcome, content_type = "application/fhir+json"),
        super::docs::Throttled, super::docs::Unavailable,
    ))]
pub async fn export_status(state: web::Data<AppState>, caller: Caller, path: web::Path<String>, req: HttpRequest) -> Result<HttpResponse, FhirError> {
    let principal = caller?;
    let (job, _) = job_for(&state, &principal, path.into_inner()).await?;
    match job.status.as_str() {
        "done" => {
            let id = job.id.clone();
            let files = state.db.read(move |c| store::files(c, &id)).await?;
            Ok(HttpResponse::Ok()
                .content_type("application/json")
                .insert_header((header::CACHE_CONTROL, "no-store"))
                .json(export::manifest(&base_url(&req), &job, &files)))
        }
        "failed" => Err(FhirError::ExportFailed),
        _ => {
            // Queued, or its runner stopped (an instance went away): this instance takes it over.
            if jobs::needs_runner(&job) {
                jobs::spawn(&state.db, job.id.clone());
            }
            let progress = if job.status == "queued" { "queued".to_owned() } else { format!("running: {} read", job.progress) };
            Ok(HttpResponse::Accepted()
                .content_type(FHIR_JSON)
                .insert_header(("X-Progress", progress))
                .insert_header((header::RETRY_AFTER, "1"))
                .json(json!({
                    "resourceType": "OperationOutcome",
                    "issue": [{"severity": "information", "code": "informational", "diagnostics": "The export is still running."}],
                })))
        }
    }
}

/// Cancels an export (or drops a finished one's files): its status URL is then 404. (Files also go
/// 24 hours after the kick-off.)
#[utoipa::path(delete, path = "/fhir/bulk-status/{job}", tag = "fhir", operation_id = "fhir_export_cancel", params(("job" = String, Path)),
    security(("bearer" = [])),
    responses(
        (status = 202, description = "Cancelled", body = super::docs::OperationOutcome, content_type = "application/fhir+json"),
        super::docs::Unauthorized, super::docs::Forbidden, super::docs::NotFound,
        super::docs::Throttled, super::docs::Unavailable,
    ))]
pub async fn export_cancel(state: web::Data<AppState>, caller: Caller, path: web::Path<String>) -> Result<HttpResponse, FhirError> {
    let principal = caller?;
    let (job, _) = job_for(&state, &principal, path.into_inner()).await?;
    let deleted = state.db.write(move |c| store::cancel(c, &job.id)).await?;
    if !deleted {
        return Err(FhirError::not_found());
    }
    Ok(resource(
        StatusCode::ACCEPTED,
        &json!({
            "resourceType": "OperationOutcome",
            "issue": [{"severity": "information", "code": "informational", "diagnostics": "The export was cancelled."}],
        }),
    ))
}

/// One file of a finished export: NDJSON, one resource per line.
#[utoipa::path(get, path = "/fhir/bulk-files/{job}/{file}", tag = "fhir", params(("job" = String, Path), ("file" = String, Path, description = "output-N.ndjson or deleted-N.ndjson")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "QuestionnaireResponses (output) or transaction Bundles with one DELETE each (deleted), one per line", body = Object, content_type = "application/fhir+ndjson"),
        super::docs::Unauthorized, super::docs::Forbidden, super::docs::NotFound,
        super::docs::Throttled, super::docs::Unavailable,
    ))]
pub async fn export_file(state: web::Data<AppState>, caller: Caller, path: web::Path<(String, String)>) -> Result<HttpResponse, FhirError> {
    let principal = caller?;
    let (job_id, name) = path.into_inner();
    let (kind, number) = export::parse_file_name(&name).ok_or_else(FhirError::not_found)?;
    let (job, registry) = job_for(&state, &principal, job_id).await?;
    let file = state.db.read(move |c| store::file(c, &job.id, kind, number)).await?.ok_or_else(FhirError::not_found)?;
    let body = jobs::stream_file(&state.db, registry, file).await?;
    Ok(HttpResponse::Ok().content_type(FHIR_NDJSON).insert_header((header::CACHE_CONTROL, "private, no-store")).body(body))
}

/// Anything else under `/fhir`: 404, or 405 with `Allow` where the address takes other methods.
pub async fn unmatched(req: HttpRequest) -> Result<HttpResponse, FhirError> {
    Err(crate::http::unmatched(req).await.err().map(FhirError::Api).unwrap_or_else(FhirError::not_found))
}
