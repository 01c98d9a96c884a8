//! The HTTP layer: the whole route table on one screen, the middleware every request goes through,
//! and actix's own errors turned into problem details.

mod docs;
mod metrics;
mod ops;
mod paging;
mod problem;

use std::time::Instant;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::{ErrorHandlerResponse, ErrorHandlers, Next};
use actix_web::{error, web, HttpMessage, HttpResponse};

pub use docs::{openapi_text, ApiDoc};
pub use metrics::Metrics;
pub use paging::{cursor, page_limit, rfc3339, Page, PageQuery};
pub use problem::{problem_messages, responses, ApiError, Problem, ProblemItem, PROBLEM_JSON, SLUGS as PROBLEM_SLUGS};

use crate::{audit, auth, registry, summary, sync};

/// The registry an address's `{registry}` segment names; any other segment is an address that does
/// not exist (404).
pub fn registry_of(segment: &str) -> Result<registry::Registry, ApiError> {
    registry::Registry::parse(segment).ok_or(ApiError::NotFound)
}

/// Largest body accepted by ordinary endpoints.
pub const BODY_LIMIT: usize = 256 * 1024;

/// The request's id (also the `X-Request-Id` response header and the log's `request_id`).
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

/// Every route of the service.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.app_data(json_config())
        .app_data(web::PathConfig::default().error_handler(|_, _| ApiError::NotFound.into()))
        .app_data(web::QueryConfig::default().error_handler(|_, _| {
            ApiError::BadRequest("A query parameter is missing or not of the expected form.").into()
        }))
        .app_data(web::PayloadConfig::new(BODY_LIMIT))
        .route("/health/live", web::get().to(ops::live))
        .route("/health/ready", web::get().to(ops::ready))
        .route("/metrics", web::get().to(ops::metrics))
        .route("/openapi.yaml", web::get().to(docs::openapi_yaml))
        .route("/docs", web::get().to(docs::page))
        // The pages: `/` (public dashboard), `/submit` (case entry) and their assets.
        .configure(crate::web::routes)
        // FHIR R4: errors there are OperationOutcomes.
        .configure(crate::fhir::routes)
        .service(
            // Routes match in order: the public summary reads, the busiest, come first.
            web::scope("/v1")
                .route("/summaries/compare", web::get().to(summary::handlers::compare))
                .route("/summaries/{registry}", web::get().to(summary::handlers::get_latest))
                .route("/auth/token", web::post().to(auth::handlers::login))
                .route("/auth/logout", web::post().to(auth::handlers::logout))
                .route("/audit", web::get().to(audit::handlers::list))
                .route("/languages", web::get().to(crate::i18n::handlers::languages))
                .route("/registries", web::get().to(registry::handlers::list_registries))
                .route("/registries/{registry}/form", web::get().to(registry::handlers::form))
                .route("/registries/{registry}/cases", web::post().to(registry::handlers::submit))
                .route("/registries/{registry}/cases:validate", web::post().to(registry::handlers::validate))
                .service(
                    web::resource("/registries/{registry}/cases:batch")
                        .app_data(web::PayloadConfig::new(sync::batch::MAX_BYTES))
                        .route(web::post().to(sync::handlers::upsert_batch)),
                )
                .route("/changes", web::get().to(sync::handlers::changes))
                .route("/partners/credentials", web::post().to(sync::handlers::issue_credential))
                .route("/partners/credentials/{jti}", web::delete().to(sync::handlers::revoke_credential))
                .route("/cases", web::get().to(registry::handlers::list))
                .service(
                    web::resource("/cases/{id}")
                        .route(web::get().to(registry::handlers::get))
                        .route(web::patch().to(registry::handlers::correct))
                        .route(web::delete().to(registry::handlers::withdraw)),
                )
                .route("/summaries/{registry}/live", web::get().to(summary::handlers::live))
                .service(
                    web::resource("/summaries/{registry}/releases")
                        .route(web::get().to(summary::handlers::list_releases))
                        .route(web::post().to(summary::handlers::create_release)),
                )
                .route("/summaries/{registry}/releases/{release}", web::get().to(summary::handlers::get_release)),
        );
}

/// JSON bodies: size limit, accepted content types, and errors that never echo the body.
fn json_config() -> web::JsonConfig {
    web::JsonConfig::default()
        .limit(BODY_LIMIT)
        .content_type_required(true)
        .content_type(|mime| mime.suffix() == Some(actix_web::mime::JSON) || mime.subtype() == actix_web::mime::JSON)
        .error_handler(|err, _| {
            let api = match err {
                error::JsonPayloadError::OverflowKnownLength { .. } | error::JsonPayloadError::Overflow { .. } => {
                    ApiError::PayloadTooLarge
                }
                error::JsonPayloadError::ContentType => ApiError::UnsupportedMediaType,
                error::JsonPayloadError::Deserialize(e) if e.is_data() => {
                    ApiError::BadRequest("The JSON body does not have the fields this endpoint expects.")
                }
                error::JsonPayloadError::Deserialize(_) => ApiError::BadRequest("The body is not valid JSON."),
                _ => ApiError::BadRequest("The body could not be read."),
            };
            api.into()
        })
}

/// Request id, metrics and one log line per request (method, route template, status, latency: no
/// path, query, header or body, so nothing a client sent can reach the log).
pub async fn observe(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = Instant::now();
    let request_id = uuid::Uuid::now_v7().to_string();
    req.extensions_mut().insert(RequestId(request_id.clone()));
    let method = method_label(req.method());
    let metrics = req.app_data::<web::Data<crate::app::AppState>>().map(|s| s.metrics.clone());
    let span = tracing::info_span!("request", request_id = %request_id);
    let mut res = {
        let _enter = span.enter();
        next.call(req).await?
    };
    let route = res.request().match_pattern().unwrap_or_else(|| "unmatched".into());
    let status = res.status().as_u16();
    let elapsed = started.elapsed();
    if let Some(metrics) = metrics {
        metrics.observe(method, &route, status, elapsed);
    }
    tracing::info!(request_id = %request_id, method, route = %route, status, latency_us = elapsed.as_micros() as u64, "request");
    if let Ok(v) = HeaderValue::from_str(&request_id) {
        res.headers_mut().insert(header::HeaderName::from_static("x-request-id"), v);
    }
    Ok(res)
}

fn method_label(m: &actix_web::http::Method) -> &'static str {
    match m.as_str() {
        "GET" => "GET",
        "POST" => "POST",
        "PATCH" => "PATCH",
        "PUT" => "PUT",
        "DELETE" => "DELETE",
        "HEAD" => "HEAD",
        "OPTIONS" => "OPTIONS",
        _ => "OTHER",
    }
}

/// Turns any error response that is not already a problem (actix's 404, 405, ...) into one.
pub fn problem_everywhere<B: MessageBody + 'static>() -> ErrorHandlers<B> {
    ErrorHandlers::new().default_handler(|res: ServiceResponse<B>| {
        let is_problem = res
            .headers()
            .get(header::CONTENT_TYPE)
            .is_some_and(|v| v.as_bytes().starts_with(PROBLEM_JSON.as_bytes()) || v.as_bytes().starts_with(crate::fhir::FHIR_JSON.as_bytes()));
        if is_problem {
            return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
        }
        let status = res.status();
        let lang = res.request().extensions().get::<crate::i18n::Lang>().copied().unwrap_or_default();
        let (req, old) = res.into_parts();
        let mut new = HttpResponse::build(status);
        new.content_type(PROBLEM_JSON);
        for name in [header::ALLOW, header::RETRY_AFTER, header::WWW_AUTHENTICATE] {
            if let Some(v) = old.headers().get(&name) {
                new.insert_header((name, v.clone()));
            }
        }
        let new: HttpResponse<BoxBody> = new.json(Problem::for_status(status, lang));
        Ok(ErrorHandlerResponse::Response(ServiceResponse::new(req, new).map_into_right_body()))
    })
}

/// No route matched: 405 with `Allow` when the address is one the contract names with other methods,
/// else 404. The methods come from the OpenAPI document, so they cannot disagree with it.
pub async fn unmatched(req: actix_web::HttpRequest) -> Result<HttpResponse, ApiError> {
    match docs::allowed_methods(req.path()) {
        Some(allow) => Err(ApiError::MethodNotAllowed { allow }),
        None => Err(ApiError::NotFound),
    }
}
