//! Summary endpoints. Reading a release is a lookup in an in-process cache of immutable documents;
//! a 304 for a fresh cache entry costs no database query.

use std::sync::Arc;

use actix_web::http::header::{self, HeaderValue};
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use super::tables::PublishedTable;

use super::release::{self, ReleaseError};
use super::{export, store, variant, Served};
// The dashboard (web/) reads the comparison from here.
pub(crate) use super::compare::comparison;
use crate::app::AppState;
use crate::auth::{Principal, Role};
use crate::http::{cursor, registry_of, ApiError, Page, PageQuery};
use crate::registry::Registry;

impl From<ReleaseError> for ApiError {
    fn from(e: ReleaseError) -> Self {
        match e {
            ReleaseError::Db(e) => e.into(),
            ReleaseError::Unsafe => ApiError::Conflict(
                "A release now would not meet the disclosure guarantees (too few cases, or too few new cases since the previous release).",
            ),
            ReleaseError::Raced => ApiError::Conflict("Another release was made meanwhile; try again."),
        }
    }
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FormatQuery {
    /// `json` (default) or `csv`; `Accept: text/csv` also selects CSV.
    #[param(inline)]
    pub format: Option<Format>,
    /// One table's id (e.g. `t3_age_band_by_sex`); all tables without it.
    pub table: Option<String>,
}

#[derive(Debug, Clone, Copy, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Json,
    Csv,
}

fn format_of(req: &HttpRequest, q: &FormatQuery) -> Result<Format, ApiError> {
    match q.format {
        Some(f) => Ok(f),
        None => {
            let accept = req.headers().get(header::ACCEPT).and_then(|v| v.to_str().ok()).unwrap_or("");
            Ok(if accept.contains("text/csv") { Format::Csv } else { Format::Json })
        }
    }
}

/// The answer for a release: 304 on a matching `If-None-Match`, else JSON or CSV, cacheable by any proxy.
fn serve(req: &HttpRequest, q: &FormatQuery, s: &Served, cache_control: &'static str) -> Result<HttpResponse, ApiError> {
    let format = format_of(req, q)?;
    let gzip = req.headers().get(header::ACCEPT_ENCODING).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("gzip"));
    // The whole document, plain or gzip, is the hot path: its headers are made once per release.
    let header_value = |v: &str| HeaderValue::from_str(v).map_err(|_| ApiError::internal("a release's validator is not a header value"));
    let derived = |what: String| header_value(&variant(&s.etag, &what));
    let (etag, body, content_type) = match (&format, &q.table) {
        (Format::Json, None) if gzip => (header_value(&s.headers.gzip_etag)?, s.gzip(), "application/json"),
        (Format::Json, None) => (header_value(&s.headers.etag)?, s.document.clone(), "application/json"),
        (Format::Json, Some(t)) => {
            let table = find_table(document_of(s)?, t)?;
            let json = serde_json::to_string(table).map_err(|_| ApiError::internal("a release table does not serialise"))?;
            (derived(format!("json-{t}"))?, json.into(), "application/json")
        }
        (Format::Csv, None) => (derived("csv".into())?, export::document_csv(document_of(s)?).into(), "text/csv; charset=utf-8"),
        (Format::Csv, Some(t)) => {
            let table = find_table(document_of(s)?, t)?;
            (derived(format!("csv-{t}"))?, export::table_csv(table).into(), "text/csv; charset=utf-8")
        }
    };
    let not_modified = req.headers().get(header::IF_NONE_MATCH).is_some_and(|v| v.as_bytes() == etag.as_bytes());
    let mut builder = if not_modified { HttpResponse::NotModified() } else { HttpResponse::Ok() };
    builder
        .insert_header((header::ETAG, etag))
        .insert_header((header::LAST_MODIFIED, header_value(&s.headers.last_modified)?))
        .insert_header((header::CACHE_CONTROL, cache_control))
        .insert_header((header::VARY, "Accept, Accept-Encoding"));
    if not_modified {
        return Ok(builder.finish());
    }
    if gzip && matches!((&format, &q.table), (Format::Json, None)) {
        builder.insert_header((header::CONTENT_ENCODING, "gzip"));
    }
    Ok(builder.content_type(content_type).body(body))
}

/// A stored release's document, typed.
fn document_of(s: &Served) -> Result<&release::ReleaseDocument, ApiError> {
    s.parsed().ok_or_else(|| ApiError::internal("a stored release does not read as a release document"))
}

fn find_table<'a>(document: &'a release::ReleaseDocument, id: &str) -> Result<&'a PublishedTable, ApiError> {
    document.tables.iter().find(|t| t.id == id).ok_or(ApiError::NotFound)
}

const LATEST_CACHE: &str = "public, max-age=60";
const RELEASE_CACHE: &str = "public, max-age=31536000, immutable";

/// The latest release of a registry; 404 before the first.
async fn latest(state: &AppState, registry: Registry) -> Result<Arc<Served>, ApiError> {
    state.releases.latest(&state.db, registry).await?.ok_or(ApiError::NotFound)
}

/// The latest release of a registry (JSON, or CSV per table).
#[utoipa::path(get, path = "/v1/summaries/{registry}", tag = "summaries",
    params(("registry" = crate::registry::Registry, Path), FormatQuery),
    responses(
        (status = 200, description = "The release document (JSON) or tidy CSV", content(
            (release::ReleaseDocument = "application/json"),
            (String = "text/csv"),
        )),
        (status = 304, description = "If-None-Match matched"),
        (status = 404, description = "No release yet", body = crate::http::Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_latest(
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: web::Query<FormatQuery>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let registry = registry_of(&path)?;
    let served = latest(&state, registry).await?;
    serve(&req, &query, &served, LATEST_CACHE)
}

async fn release_by_id(state: &AppState, registry: Registry, id: String) -> Result<Arc<Served>, ApiError> {
    state.releases.by_id(&state.db, registry, id).await?.ok_or(ApiError::NotFound)
}

/// One release by id; `{id}.zip` gives the downloadable package.
#[utoipa::path(get, path = "/v1/summaries/{registry}/releases/{release}", tag = "summaries",
    params(("registry" = crate::registry::Registry, Path), ("release" = String, Path, description = "A release id, or `{id}.zip` for the zip"), FormatQuery),
    responses(
        (status = 200, description = "The release document, CSV, or the zip package (`{id}.zip`)", content(
            (release::ReleaseDocument = "application/json"),
            (String = "text/csv"),
            (Vec<u8> = "application/zip"),
        )),
        (status = 304, description = "If-None-Match matched"),
        crate::http::responses::NotFound,
    ))]
pub async fn get_release(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    query: web::Query<FormatQuery>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let (registry, file) = path.into_inner();
    let registry = registry_of(&registry)?;
    if let Some(id) = file.strip_suffix(".zip") {
        let served = release_by_id(&state, registry, id.to_owned()).await?;
        let etag = variant(&served.etag, "zip");
        if req.headers().get(header::IF_NONE_MATCH).is_some_and(|v| v.as_bytes() == etag.as_bytes()) {
            return Ok(HttpResponse::NotModified().insert_header((header::ETAG, etag)).finish());
        }
        return Ok(HttpResponse::Ok()
            .content_type("application/zip")
            .insert_header((header::ETAG, etag))
            .insert_header((header::CACHE_CONTROL, RELEASE_CACHE))
            .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"dermreg-{registry}-{id}.zip\"")))
            .body(served.zip().ok_or_else(|| ApiError::internal("a stored release does not read as a release document"))?));
    }
    let served = release_by_id(&state, registry, file).await?;
    serve(&req, &query, &served, RELEASE_CACHE)
}

/// The releases of a registry, newest first.
#[utoipa::path(get, path = "/v1/summaries/{registry}/releases", tag = "summaries",
    params(("registry" = crate::registry::Registry, Path), PageQuery),
    responses((status = 200, body = Page<store::ReleaseSummary>)))]
pub async fn list_releases(
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let registry = registry_of(&path)?;
    let limit = query.limit()?;
    let before: Option<i32> = query.after.as_deref().map(cursor::decode).transpose()?;
    let rows = state.db.read(move |c| store::list(c, registry, before, limit + 1)).await?;
    Ok(HttpResponse::Ok().json(Page::from_rows(rows, limit, |r| cursor::encode(&r.number))))
}

/// Make a release now (curators of the registry). 409 if it would not meet the disclosure guarantees.
#[utoipa::path(post, path = "/v1/summaries/{registry}/releases", tag = "summaries",
    params(("registry" = crate::registry::Registry, Path)), security(("bearer" = [])),
    responses(
        (status = 201, description = "The new release document; Location names it", body = release::ReleaseDocument),
        crate::http::responses::Unauthorized,
        crate::http::responses::Forbidden,
        (status = 409, description = "Too few cases (or new cases) to publish safely, or a concurrent release", body = crate::http::Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_release(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let registry = registry_of(&path)?;
    principal.require_for(&[Role::Curator], registry)?;
    let st = state.clone();
    let row = web::block(move || {
        release::publish(&st.db, registry, st.settings.suppression_k, &principal.subject, Some(&principal.request_id))
    })
    .await
    .map_err(|_| ApiError::internal("release build did not finish"))??;
    let served = state.releases.put(row);
    state.releases.set_latest(registry, served.clone());
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/v1/summaries/{registry}/releases/{}", served.id)))
        .insert_header((header::ETAG, served.etag.clone()))
        .content_type("application/json")
        .body(served.document.clone()))
}

/// The summary of the data as it is now, unpublished (curators only; never cached).
#[utoipa::path(get, path = "/v1/summaries/{registry}/live", tag = "summaries",
    params(("registry" = crate::registry::Registry, Path)), security(("bearer" = [])),
    responses(
        (status = 200, body = release::ReleaseDocument),
        crate::http::responses::Unauthorized,
        crate::http::responses::Forbidden,
    ))]
pub async fn live(state: web::Data<AppState>, principal: Principal, path: web::Path<String>) -> Result<HttpResponse, ApiError> {
    let registry = registry_of(&path)?;
    principal.require_for(&[Role::Curator], registry)?;
    let st = state.clone();
    let document = web::block(move || -> Result<release::ReleaseDocument, ApiError> {
        let now = crate::db::now();
        let built = release::build(&st.db, registry, now, st.settings.suppression_k)?;
        Ok(release::document(&built, None, None, now))
    })
    .await
    .map_err(|_| ApiError::internal("live summary did not finish"))??;
    Ok(HttpResponse::Ok().insert_header((header::CACHE_CONTROL, "private, no-store")).json(document))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CompareQuery {
    /// Default `psoriasis`.
    pub a: Option<Registry>,
    /// Default `atopic-dermatitis`.
    pub b: Option<Registry>,
}

/// Two registries' latest releases side by side on the aligned fields (age band, sex, treatment
/// category, drug class, severity before COVID-19, COVID-19 severity). Only published values of each
/// release are shown, so each keeps its own disclosure guarantees.
#[utoipa::path(get, path = "/v1/summaries/compare", tag = "summaries", params(CompareQuery),
    responses(
        (status = 200, body = super::compare::Comparison),
        (status = 404, description = "A registry has no release yet", body = crate::http::Problem, content_type = "application/problem+json"),
    ))]
pub async fn compare(state: web::Data<AppState>, query: web::Query<CompareQuery>) -> Result<HttpResponse, ApiError> {
    let a = query.a.unwrap_or(Registry::Psoriasis);
    let b = query.b.unwrap_or(Registry::AtopicDermatitis);
    let (ra, rb) = (latest(&state, a).await?, latest(&state, b).await?);
    Ok(HttpResponse::Ok().insert_header((header::CACHE_CONTROL, LATEST_CACHE)).json(comparison(document_of(&ra)?, document_of(&rb)?)))
}
