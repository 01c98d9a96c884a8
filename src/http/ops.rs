//! Operations endpoints: liveness, readiness, metrics.

use actix_web::{web, HttpResponse};

use super::ApiError;
use crate::app::AppState;

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct Health {
    pub status: &'static str,
}

/// The process is up.
#[utoipa::path(get, path = "/health/live", tag = "operations", operation_id = "health_live", responses((status = 200, body = Health)))]
pub async fn live() -> HttpResponse {
    HttpResponse::Ok().json(Health { status: "ok" })
}

/// The process is up and its database answers.
#[utoipa::path(get, path = "/health/ready", tag = "operations", responses(
    (status = 200, body = Health),
    (status = 503, description = "The database does not answer", body = super::Problem, content_type = "application/problem+json"),
))]
pub async fn ready(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    state.db.ping().await.map_err(|_| ApiError::Unavailable)?;
    Ok(HttpResponse::Ok().json(Health { status: "ok" }))
}

/// Prometheus metrics (OpenMetrics text): request counts and latency histograms per route template and status.
#[utoipa::path(get, path = "/metrics", tag = "operations", responses((status = 200, content_type = "application/openmetrics-text", body = String)))]
pub async fn metrics(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok().content_type(super::metrics::CONTENT_TYPE).body(state.metrics.render())
}
