//! Registry endpoints: forms, submission (with dry run), read, correction, withdrawal, listing.
//! Thin: parse, authorise, call the pure intake, call the store in one transaction, shape the answer.

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::store::{self, CaseFilter, CaseRow, Claim, DocumentText, NewCase, Remembered};
use super::{intake, DeidReport, Intake, Registry};
use crate::app::AppState;
use crate::audit;
use crate::auth::{Principal, Role, Unconfirmed};
use crate::db::DbConn;
use crate::http::{cursor, registry_of, rfc3339, ApiError, Page};
use crate::i18n::{localized, Lang};

const WRITERS: &[Role] = &[Role::Clinician, Role::Curator];
const READERS: &[Role] = &[Role::Clinician, Role::Curator, Role::Partner];

#[derive(Serialize, utoipa::ToSchema)]
pub struct RegistryInfo {
    /// URL segment: `general`, `psoriasis` or `atopic-dermatitis`.
    pub id: &'static str,
    /// The registry's name in the request's language (`Content-Language`).
    pub title: String,
    pub form_version: &'static str,
    /// Cases currently in the registry (withdrawn cases excluded).
    pub cases: i64,
}

/// The registries, their form versions and case counts.
#[utoipa::path(get, path = "/v1/registries", tag = "registries", responses((status = 200, body = Vec<RegistryInfo>)))]
pub async fn list_registries(state: web::Data<AppState>, lang: Lang) -> Result<HttpResponse, ApiError> {
    let counts = state.db.read(store::active_counts).await?;
    let infos: Vec<RegistryInfo> = Registry::ALL
        .iter()
        .map(|r| RegistryInfo {
            id: r.id(),
            title: r.title_in(lang).into_owned(),
            form_version: r.form_version(),
            cases: counts.iter().find(|(id, _)| id == r.id()).map_or(0, |(_, n)| *n),
        })
        .collect();
    Ok(localized(&mut HttpResponse::Ok(), lang).json(infos))
}

/// The form definition: JSON Schema 2020-12 with the labels, help texts and value labels a
/// clinician reads, generated from the same definition that validates submissions.
#[utoipa::path(get, path = "/v1/registries/{registry}/form", tag = "registries",
    params(("registry" = crate::registry::Registry, Path, description = "general, psoriasis or atopic-dermatitis"),
        ("lang" = Option<String>, Query, description = "The language of the labels and help texts (a code of GET /v1/languages); wins over Accept-Language"),
        ("Accept-Language" = Option<String>, Header, description = "The reader's languages, looked up by RFC 4647; English when none is offered"),
    ),
    responses(
        (status = 200, description = "JSON Schema 2020-12, its texts in the language of Content-Language", body = Object, content_type = "application/schema+json",
            headers(("Content-Language" = String, description = "The language of the texts"), ("Vary" = String, description = "Accept-Language"))),
        crate::http::responses::NotFound,
    ))]
pub async fn form(path: web::Path<String>, lang: Lang) -> Result<HttpResponse, ApiError> {
    let registry = registry_of(&path)?;
    Ok(localized(&mut HttpResponse::Ok(), lang)
        .content_type("application/schema+json")
        .insert_header((header::CACHE_CONTROL, "public, max-age=300"))
        .json(super::json_schema(registry, lang)))
}

/// A case as the API shows it: the de-identified form and its derived values, or a tombstone.
#[derive(Serialize, utoipa::ToSchema)]
pub struct CaseView {
    pub id: String,
    pub registry: String,
    pub form_version: String,
    /// `active` or `withdrawn`.
    pub status: &'static str,
    /// Token subject of the submitter.
    pub submitter: String,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: String,
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: String,
    /// The stored, de-identified form (itself a valid submission); null once withdrawn.
    #[schema(value_type = Option<Object>)]
    pub form: Option<Box<serde_json::value::RawValue>>,
    /// Values computed from the form: confirmed, severity, age band, BMI, treatment category...;
    /// null once withdrawn.
    #[schema(value_type = Option<Object>)]
    pub derived: Option<Box<serde_json::value::RawValue>>,
    pub withdrawal: Option<Withdrawal>,
    /// Only in the answer to the submitter's own submission or correction: what was removed or
    /// generalised, and how many placeholders went into each free-text field. Never a removed value.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Object)]
    pub deidentification: Option<Value>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct Withdrawal {
    #[schema(value_type = String, format = DateTime)]
    pub at: String,
    pub reason: String,
}

impl CaseView {
    pub fn of(row: &CaseRow) -> CaseView {
        // Stored as JSON text: passed through as it is (checked, not rebuilt), which keeps long listings fast.
        let parse = |s: &Option<String>| s.clone().and_then(|t| serde_json::value::RawValue::from_string(t).ok());
        CaseView {
            id: row.id.clone(),
            registry: row.registry.clone(),
            form_version: row.form_version.clone(),
            status: if row.withdrawn_at.is_some() { "withdrawn" } else { "active" },
            submitter: row.submitter.clone(),
            created_at: rfc3339::format(&row.created_at),
            updated_at: rfc3339::format(&row.updated_at),
            form: parse(&row.form),
            derived: parse(&row.derived),
            withdrawal: row.withdrawn_at.map(|at| Withdrawal {
                at: rfc3339::format(&at),
                reason: row.withdrawal_reason.clone().unwrap_or_default(),
            }),
            deidentification: None,
        }
    }
}

fn etag(row: &CaseRow) -> String {
    format!("\"{}\"", row.version)
}

fn case_response(mut builder: actix_web::HttpResponseBuilder, row: &CaseRow, report: Option<Value>) -> HttpResponse {
    let mut view = CaseView::of(row);
    view.deidentification = report;
    builder.insert_header((header::ETAG, etag(row))).insert_header((header::CACHE_CONTROL, "private, no-store")).json(view)
}

/// Validates and de-identifies a form on one of the intake threads (`app::IntakePool`): scrubbing a
/// long note takes milliseconds of CPU, which must not hold up the async executor's other requests.
/// Gives the form back beside
/// its intake (a submission hashes it for its `Idempotency-Key`).
async fn run_intake(state: &web::Data<AppState>, registry: Registry, raw: Value) -> Result<(Intake, Value), ApiError> {
    let st = state.clone();
    let span = tracing::Span::current();
    let checked = state
        .intake
        .run(move || {
            let _entered = span.enter();
            intake(registry, &raw, &st.intake_context()).map(|i| (i, raw))
        })
        .await
        .ok_or_else(|| ApiError::internal("intake stopped"))?;
    checked.map_err(ApiError::Validation)
}

fn report_json(report: &DeidReport) -> Value {
    serde_json::to_value(report).expect("reports serialise")
}

/// The `Idempotency-Key` header, if any: 1 to 200 printable ASCII characters, not starting or ending
/// with a space (the pattern the document declares).
fn idempotency_key(req: &HttpRequest) -> Result<Option<String>, ApiError> {
    let Some(v) = req.headers().get("idempotency-key") else { return Ok(None) };
    let b = v.as_bytes();
    let printable = |c: &u8| (b' '..=b'~').contains(c);
    let ok = (1..=200).contains(&b.len()) && b.iter().all(printable) && b[0] != b' ' && b[b.len() - 1] != b' ';
    match v.to_str() {
        Ok(key) if ok => Ok(Some(key.to_owned())),
        _ => Err(ApiError::BadRequest("Idempotency-Key must be 1 to 200 printable ASCII characters.")),
    }
}

/// Submit one case. Identifying data in the form is removed or generalised before anything is written.
#[utoipa::path(post, path = "/v1/registries/{registry}/cases", tag = "cases",
    params(
        ("registry" = crate::registry::Registry, Path, description = "general, psoriasis or atopic-dermatitis"),
        ("Idempotency-Key" = Option<String>, Header, max_length = 200, pattern = "^[!-~]([ -~]*[!-~])?$", description = "Retry-safe submission: the same key and body within 24 h return the original answer; the same key with another body is 409."),
    ),
    request_body(content = Object, description = "A case report form; see GET /v1/registries/{registry}/form", content_type = "application/json"),
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Durably stored. Location and ETag headers; the stored case with its de-identification report.", body = CaseView),
        crate::http::responses::BadRequest,
        crate::http::responses::Unauthorized,
        (status = 403, description = "Not a clinician or curator of this registry", body = crate::http::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Idempotency-Key reused with another body", body = crate::http::Problem, content_type = "application/problem+json"),
        (status = 413, body = crate::http::Problem, content_type = "application/problem+json"),
        (status = 415, body = crate::http::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Every problem of the form, each with its JSON pointer", body = crate::http::Problem, content_type = "application/problem+json"),
    ))]
pub async fn submit(
    state: web::Data<AppState>,
    token: Unconfirmed,
    path: web::Path<String>,
    req: HttpRequest,
    body: web::Json<Value>,
) -> Result<HttpResponse, ApiError> {
    let registry = registry_of(&path)?;
    token.claims().require_for(WRITERS, registry)?;
    let key = idempotency_key(&req)?;
    let (intake, body) = run_intake(&state, registry, body.into_inner()).await?;
    let request_hash = key.as_ref().map(|_| hex::encode(Sha256::digest(format!("{registry}\n{body}").as_bytes())));
    drop(body);
    let report = report_json(&intake.report);
    let report_text = report.to_string();
    let document = DocumentText::of(&intake.form, &intake.derived);
    let remembers = key.is_some();
    let work = move |c: &mut DbConn| -> Result<(CaseRow, Value), ApiError> {
        let principal = token.confirm(c)?;
        let id = uuid::Uuid::now_v7().to_string();
        if let (Some(key), Some(hash)) = (&key, request_hash) {
            let answer = Remembered { request_hash: hash, case_id: id.clone(), report: report_text };
            if let Claim::Taken(r) = store::claim(c, &principal.subject, key, &answer)? {
                if r.request_hash != answer.request_hash {
                    return Err(ApiError::Conflict("This Idempotency-Key was used with another body."));
                }
                let row = store::get(c, &r.case_id)?.ok_or(ApiError::NotFound)?;
                return Ok((row, serde_json::from_str(&r.report).unwrap_or(Value::Null)));
            }
        }
        let new = NewCase {
            id: &id,
            registry,
            submitter: &principal.subject,
            record_key: None,
            document: &document,
            derived: &intake.derived,
        };
        let entry = audit::Entry::new(&principal.subject, "case.create", "case", Some(&id), Some(&principal.request_id));
        let row = store::insert(c, &new, &entry)?;
        Ok((row, report))
    };
    // Without an idempotency key the only write is `store::insert`'s one statement (PostgreSQL); the
    // key's claim and the case must commit together, in a transaction.
    let (row, report) = if remembers { state.db.write(work).await? } else { state.db.write_statement(work).await? };
    let mut builder = HttpResponse::Created();
    builder.insert_header((header::LOCATION, format!("/v1/cases/{}", row.id)));
    Ok(case_response(builder, &row, Some(report)))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct DryRun {
    /// The form as it would be stored.
    #[schema(value_type = Object)]
    pub form: Value,
    #[schema(value_type = Object)]
    pub derived: Value,
    #[schema(value_type = Object)]
    pub deidentification: Value,
}

/// Dry run: the same validation and de-identification as a submission; nothing is stored.
#[utoipa::path(post, path = "/v1/registries/{registry}/cases:validate", tag = "cases",
    params(("registry" = crate::registry::Registry, Path, description = "general, psoriasis or atopic-dermatitis")),
    request_body(content = Object, content_type = "application/json"),
    security(("bearer" = [])),
    responses(
        (status = 200, body = DryRun),
        crate::http::responses::Unauthorized,
        crate::http::responses::Forbidden,
        crate::http::responses::Invalid,
    ))]
pub async fn validate(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    body: web::Json<Value>,
) -> Result<HttpResponse, ApiError> {
    let registry = registry_of(&path)?;
    principal.require_for(WRITERS, registry)?;
    let (intake, _) = run_intake(&state, registry, body.into_inner()).await?;
    Ok(HttpResponse::Ok().json(DryRun {
        form: intake.form,
        derived: serde_json::to_value(&intake.derived).expect("serialises"),
        deidentification: report_json(&intake.report),
    }))
}

/// Loads a case the principal may see; anything else is 404, so ids cannot be probed.
async fn visible_case(state: &AppState, principal: &Principal, id: String) -> Result<(CaseRow, Registry), ApiError> {
    let row = state.db.read(move |c| store::get(c, &id)).await?.ok_or(ApiError::NotFound)?;
    let registry = Registry::parse(&row.registry).ok_or_else(|| ApiError::internal("stored registry is unknown"))?;
    let visible = principal.registries.contains(&registry)
        && match principal.role {
            Role::Clinician => row.submitter == principal.subject,
            Role::Curator | Role::Partner => true,
            Role::Admin => false,
        };
    if visible {
        Ok((row, registry))
    } else {
        Err(ApiError::NotFound)
    }
}

/// One de-identified case, with its ETag.
#[utoipa::path(get, path = "/v1/cases/{id}", tag = "cases", operation_id = "get_case",
    params(("id" = String, Path)),
    security(("bearer" = [])),
    responses(
        (status = 200, body = CaseView),
        (status = 304, description = "If-None-Match matched"),
        crate::http::responses::Unauthorized,
        crate::http::responses::Forbidden,
        (status = 404, description = "No such case, or not one this token may see", body = crate::http::Problem, content_type = "application/problem+json"),
    ))]
pub async fn get(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    principal.require(READERS)?;
    let (row, _) = visible_case(&state, &principal, path.into_inner()).await?;
    let tag = etag(&row);
    if req.headers().get(header::IF_NONE_MATCH).is_some_and(|v| v.as_bytes() == tag.as_bytes()) {
        return Ok(HttpResponse::NotModified().insert_header((header::ETAG, tag)).finish());
    }
    Ok(case_response(HttpResponse::Ok(), &row, None))
}

/// The version a request's `If-Match` names: 428 without one, 412 if it is not the current ETag.
fn if_match(req: &HttpRequest, row: &CaseRow, required: bool) -> Result<(), ApiError> {
    match req.headers().get(header::IF_MATCH) {
        None if required => Err(ApiError::PreconditionRequired),
        None => Ok(()),
        Some(v) if v.as_bytes() == etag(row).as_bytes() || v.as_bytes() == b"*" => Ok(()),
        Some(_) => Err(ApiError::PreconditionFailed),
    }
}

/// Correct a case with a JSON merge patch (RFC 7396). `If-Match` with the case's ETag is required.
/// The result is validated and de-identified again exactly like a new submission.
#[utoipa::path(patch, path = "/v1/cases/{id}", tag = "cases",
    params(("id" = String, Path), ("If-Match" = String, Header, description = "The ETag you read")),
    request_body(content = Object, content_type = "application/merge-patch+json"),
    security(("bearer" = [])),
    responses(
        (status = 200, body = CaseView),
        crate::http::responses::Unauthorized,
        crate::http::responses::Forbidden,
        crate::http::responses::NotFound,
        (status = 409, description = "The case is withdrawn", body = crate::http::Problem, content_type = "application/problem+json"),
        (status = 412, description = "The case changed since you read it", body = crate::http::Problem, content_type = "application/problem+json"),
        crate::http::responses::Invalid,
        (status = 428, description = "If-Match missing", body = crate::http::Problem, content_type = "application/problem+json"),
    ))]
pub async fn correct(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    req: HttpRequest,
    patch: web::Json<Value>,
) -> Result<HttpResponse, ApiError> {
    principal.require(WRITERS)?;
    // A patch that is not an object would replace the whole form: refused before anything is looked up.
    if !patch.is_object() {
        return Err(ApiError::BadRequest("A correction is a JSON merge patch: an object of the fields to change."));
    }
    let (row, registry) = visible_case(&state, &principal, path.into_inner()).await?;
    if_match(&req, &row, true)?;
    let mut form = match row.form.as_deref().map(serde_json::from_str::<Value>) {
        Some(Ok(form)) => form,
        None => return Err(ApiError::Conflict("The case is withdrawn and cannot be corrected.")),
        Some(Err(_)) => return Err(ApiError::internal("stored form is not JSON")),
    };
    super::merge_patch::apply(&mut form, &patch);
    let (intake, _) = run_intake(&state, registry, form).await?;
    let report = report_json(&intake.report);
    let version = row.version;
    let updated = state
        .db
        .write(move |c| -> Result<CaseRow, ApiError> {
            let row = store::correct(c, &row.id, registry, version, &intake.form, &intake.derived)?
                .ok_or(ApiError::PreconditionFailed)?;
            audit::record(c, &audit::Entry::new(&principal.subject, "case.correct", "case", Some(&row.id), Some(&principal.request_id)))?;
            Ok(row)
        })
        .await?;
    Ok(case_response(HttpResponse::Ok(), &updated, Some(report)))
}

pub use super::WithdrawalReason;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct WithdrawQuery {
    /// Why: `entered_in_error` (default), `duplicate`, `consent_withdrawn` or `other`. A fixed list,
    /// so no free text (which could identify someone) is kept in the tombstone.
    #[param(inline)]
    pub reason: Option<WithdrawalReason>,
}

/// Withdraw a case: its clinical content is erased; a tombstone with the time and reason stays, and
/// the change feed shows the withdrawal. Later summary releases exclude it.
#[utoipa::path(delete, path = "/v1/cases/{id}", tag = "cases",
    params(("id" = String, Path), ("If-Match" = Option<String>, Header, description = "Optional: withdraw only this version"), WithdrawQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The tombstone", body = CaseView),
        crate::http::responses::Unauthorized,
        crate::http::responses::Forbidden,
        crate::http::responses::NotFound,
        (status = 412, body = crate::http::Problem, content_type = "application/problem+json"),
    ))]
pub async fn withdraw(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    query: web::Query<WithdrawQuery>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    principal.require(WRITERS)?;
    let (row, registry) = visible_case(&state, &principal, path.into_inner()).await?;
    if_match(&req, &row, false)?;
    if row.withdrawn_at.is_some() {
        return Ok(case_response(HttpResponse::Ok(), &row, None));
    }
    let reason = query.reason.unwrap_or(WithdrawalReason::EnteredInError);
    let row = state
        .db
        .write(move |c| -> Result<CaseRow, ApiError> {
            // Re-check the version inside the transaction: a correction may have landed meanwhile.
            let current = store::get(c, &row.id)?.ok_or(ApiError::NotFound)?;
            if current.version != row.version {
                return Err(ApiError::PreconditionFailed);
            }
            let row = store::withdraw(c, &current, registry, reason.as_str())?;
            audit::record(c, &audit::Entry::new(&principal.subject, "case.withdraw", "case", Some(&row.id), Some(&principal.request_id)))?;
            Ok(row)
        })
        .await?;
    Ok(case_response(HttpResponse::Ok(), &row, None))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Only this registry (default: every registry of the token).
    pub registry: Option<Registry>,
    /// Created at or after this time (RFC 3339).
    #[param(value_type = Option<String>, format = DateTime)]
    pub created_from: Option<String>,
    /// Created before this time (RFC 3339).
    #[param(value_type = Option<String>, format = DateTime)]
    pub created_before: Option<String>,
    /// The `next` value of the previous page.
    #[param(min_length = 1)]
    pub after: Option<String>,
    /// 1 to 1,000, default 100.
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<i64>,
}

fn parse_time(t: &Option<String>) -> Result<Option<chrono::NaiveDateTime>, ApiError> {
    t.as_deref()
        .map(|s| {
            chrono::DateTime::parse_from_rfc3339(s)
                .map(|d| d.naive_utc())
                .map_err(|_| ApiError::BadRequest("created_from and created_before must be RFC 3339 times."))
        })
        .transpose()
}

/// Cases, oldest first: a clinician's own, or every case of a curator's registries.
#[utoipa::path(get, path = "/v1/cases", tag = "cases", operation_id = "list_cases", params(ListQuery), security(("bearer" = [])),
    responses(
        (status = 200, body = Page<CaseView>),
        crate::http::responses::BadRequest,
        crate::http::responses::Unauthorized,
        crate::http::responses::Forbidden,
    ))]
pub async fn list(
    state: web::Data<AppState>,
    principal: Principal,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, ApiError> {
    principal.require(WRITERS)?;
    let registries = match query.registry {
        None => principal.registries.clone(),
        Some(r) => {
            principal.require_for(WRITERS, r)?;
            vec![r]
        }
    };
    let limit = crate::http::page_limit(query.limit)?;
    let filter = CaseFilter {
        registries,
        submitter: (principal.role == Role::Clinician).then(|| principal.subject.clone()),
        created_from: parse_time(&query.created_from)?,
        created_before: parse_time(&query.created_before)?,
        after_id: query.after.as_deref().map(cursor::decode::<String>).transpose()?,
        limit: limit + 1,
    };
    let rows = state.db.read(move |c| store::list(c, &filter)).await?;
    let page = Page::from_rows(rows, limit, |r| cursor::encode(&r.id));
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .json(Page { items: page.items.iter().map(CaseView::of).collect::<Vec<_>>(), next: page.next }))
}
