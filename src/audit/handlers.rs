use actix_web::{web, HttpResponse};

use crate::app::AppState;
use crate::auth::{Principal, Role};
use crate::http::{cursor, ApiError, Page, PageQuery};

/// The audit log, oldest first, for admins.
#[utoipa::path(get, path = "/v1/audit", tag = "audit", operation_id = "list_audit", params(PageQuery), security(("bearer" = [])), responses(
    (status = 200, body = Page<super::AuditRow>),
    crate::http::responses::Unauthorized,
    crate::http::responses::Forbidden,
))]
pub async fn list(
    state: web::Data<AppState>,
    principal: Principal,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    principal.require(&[Role::Admin])?;
    let limit = query.limit()?;
    let after: i64 = match &query.after {
        None => 0,
        Some(c) => cursor::decode(c)?,
    };
    let rows = state.db.read(move |c| super::list(c, after, limit + 1)).await?;
    Ok(HttpResponse::Ok().json(Page::from_rows(rows, limit, |r| cursor::encode(&r.id))))
}
