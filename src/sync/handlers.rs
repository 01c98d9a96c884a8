//! Partner endpoints: batch upsert, the change feed (JSON pages or an NDJSON stream), and the
//! partner credentials an admin issues and revokes. Thin: the rules are in `batch.rs` and `feed.rs`.

use actix_web::http::header;
use actix_web::{web, HttpMessage, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};
use validator::Validate;

use super::batch::{self, BatchError};
use super::feed;
use super::store::{self, Change, Origin, Position};
use super::upsert::{self, Status};
use crate::app::AppState;
use crate::audit;
use crate::auth::{self, Principal, Role};
use crate::http::{cursor, registry_of, rfc3339, ApiError, Page, ProblemItem};
use crate::registry::handlers::CaseView;
use crate::registry::Registry;

const FEED_READERS: &[Role] = &[Role::Partner, Role::Curator];

impl From<&crate::registry::FieldError> for ProblemItem {
    fn from(e: &crate::registry::FieldError) -> ProblemItem {
        ProblemItem { pointer: e.pointer.clone(), code: e.code.into(), detail: e.detail.clone() }
    }
}

/// One item of a batch's answer.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ItemResult {
    /// Position of the item in the batch (NDJSON: among the non-blank lines), from 0.
    pub index: usize,
    pub status: ItemStatus,
    /// The case (absent for an invalid item).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Every problem of an invalid item, each with its JSON pointer; never a submitted value.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ProblemItem>,
}

#[derive(Serialize, Clone, Copy, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    Created,
    Updated,
    Unchanged,
    Invalid,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct BatchResult {
    /// One result per item, in the order of the input.
    pub items: Vec<ItemResult>,
}

/// Upsert up to 1,000 cases keyed by the partner's own record key (`partner_record_id`).
///
/// Each item is validated and de-identified exactly like a single submission. A new key creates a
/// case, a known key with other content corrects it, the same content changes nothing: a batch sent
/// twice changes nothing the second time. Valid items are stored even when others are invalid; all
/// valid items of a batch commit together or not at all. The key itself is never stored: only a
/// keyed hash of it.
#[utoipa::path(post, path = "/v1/registries/{registry}/cases:batch", tag = "partners",
    params(("registry" = String, Path, description = "general, psoriasis or atopic-dermatitis")),
    request_body(description = "Case report forms, each with `partner_record_id`: a JSON array, or NDJSON (one form per line; a line that is not JSON is an invalid item). At most 1,000 items and 1 MiB.",
        content(
            (Vec<serde_json::Value> = "application/json"),
            (Object = "application/x-ndjson"),
        )),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Every item's outcome, in input order", body = BatchResult),
        crate::http::responses::BadRequest,
        crate::http::responses::Unauthorized,
        (status = 403, description = "Not a partner of this registry", body = crate::http::Problem, content_type = "application/problem+json"),
        crate::http::responses::NotFound,
        (status = 409, description = "Concurrent writes to the same cases kept conflicting; retry the batch", body = crate::http::Problem, content_type = "application/problem+json"),
        (status = 413, description = "More than 1,000 items or 1 MiB", body = crate::http::Problem, content_type = "application/problem+json"),
        (status = 415, description = "Neither application/json nor application/x-ndjson", body = crate::http::Problem, content_type = "application/problem+json"),
    ))]
pub async fn upsert_batch(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    req: HttpRequest,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let registry = registry_of(&path)?;
    principal.require_for(&[Role::Partner], registry)?;
    let format = batch::Format::of(req.mime_type().ok().flatten().as_ref().map(|m| m.essence_str()))?;
    let started = std::time::Instant::now();
    let items = batch::items(format, body)?;
    let scanned = started.elapsed();
    let outcomes = upsert::upsert(state.into_inner(), registry, principal, items).await?;
    let stored = started.elapsed();
    let items = outcomes
        .into_iter()
        .enumerate()
        .map(|(index, o)| ItemResult {
            index,
            status: match o.status {
                Status::Created => ItemStatus::Created,
                Status::Updated => ItemStatus::Updated,
                Status::Unchanged => ItemStatus::Unchanged,
                Status::Invalid => ItemStatus::Invalid,
            },
            id: o.id,
            errors: o.errors.iter().map(ProblemItem::from).collect(),
        })
        .collect();
    let answer = HttpResponse::Ok().insert_header((header::CACHE_CONTROL, "no-store")).json(BatchResult { items });
    // Where a batch's time goes, with upsert's "batch written" line (the body's receipt is before this)
    tracing::debug!(
        scan_us = scanned.as_micros() as u64,
        store_us = (stored - scanned).as_micros() as u64,
        answer_us = (started.elapsed() - stored).as_micros() as u64,
        "batch answered"
    );
    Ok(answer)
}

impl From<BatchError> for ApiError {
    fn from(e: BatchError) -> Self {
        match e {
            BatchError::UnsupportedFormat => ApiError::UnsupportedMediaType,
            BatchError::NotAnArray => ApiError::BadRequest("A batch is a JSON array of cases (or NDJSON, one case per line)."),
            BatchError::NotJson => ApiError::BadRequest("The body is not valid JSON."),
            BatchError::TooMany => ApiError::PayloadTooLarge,
            BatchError::KeptConflicting => ApiError::Conflict("Concurrent writes to these cases kept conflicting; retry the batch."),
            BatchError::Db(e) => e.into(),
        }
    }
}

pub fn encode_cursor(p: Position) -> String {
    cursor::encode(&[p.0, p.1])
}

pub fn decode_cursor(text: &str) -> Result<Position, ApiError> {
    let [txid, seq]: [i64; 2] = cursor::decode(text)?;
    Ok((txid, seq))
}

/// One change: what happened, when, to which case (shown as it is now: a correction read later
/// shows the latest content, a withdrawn case only its tombstone), and where the case was first entered.
#[derive(Serialize, utoipa::ToSchema)]
pub struct FeedItem {
    /// Pass as `after` to continue after this change.
    pub cursor: String,
    /// `created`, `corrected` or `withdrawn`.
    pub kind: String,
    #[schema(value_type = String, format = DateTime)]
    pub at: String,
    /// The instance the case was first entered at and its id there: a mirror keeps it, so instances
    /// that pull from each other never echo a case back.
    pub origin: Origin,
    pub case: CaseView,
}

impl FeedItem {
    pub fn of(c: &Change) -> FeedItem {
        FeedItem {
            cursor: encode_cursor((c.txid, c.seq)),
            kind: c.kind.clone(),
            at: rfc3339::format(&c.at),
            origin: c.origin.clone(),
            case: CaseView::of(&c.case),
        }
    }
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ChangesQuery {
    /// general, psoriasis or atopic-dermatitis
    pub registry: Registry,
    /// The `cursor` of the last change you read (or a page's `next`); from the start without it.
    #[param(min_length = 1)]
    pub after: Option<String>,
    /// JSON: 1 to 1,000 per page (default 100). NDJSON: at most this many changes (default: all).
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<i64>,
}

/// Every creation, correction and withdrawal of a registry's cases after a cursor, in order, each
/// with the de-identified case as it is now (a tombstone once withdrawn). `Accept:
/// application/x-ndjson` streams every change (up to `limit`) one per line; otherwise a JSON page.
/// A change is listed only once no transaction that started before it is still running, so a
/// reader following the cursor never skips one.
#[utoipa::path(get, path = "/v1/changes", tag = "partners", params(ChangesQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "A page (JSON) or the stream of changes (NDJSON, one FeedItem per line)",
            content(
                (Page<FeedItem> = "application/json"),
                (FeedItem = "application/x-ndjson"),
            )),
        crate::http::responses::BadRequest,
        crate::http::responses::Unauthorized,
        (status = 403, description = "Not a partner or curator of this registry", body = crate::http::Problem, content_type = "application/problem+json"),
    ))]
pub async fn changes(
    state: web::Data<AppState>,
    principal: Principal,
    query: web::Query<ChangesQuery>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let registry = query.registry;
    principal.require_for(FEED_READERS, registry)?;
    let after = query.after.as_deref().map(decode_cursor).transpose()?;
    let wants_ndjson = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains(batch::NDJSON));
    if wants_ndjson {
        let limit = query.limit.map(|l| crate::http::page_limit(Some(l))).transpose()?;
        let body = feed::stream(&state.db, registry, after, limit, FeedItem::of).await?;
        return Ok(HttpResponse::Ok()
            .content_type(batch::NDJSON)
            .insert_header((header::CACHE_CONTROL, "private, no-store"))
            .body(body));
    }
    let limit = crate::http::page_limit(query.limit)?;
    let rows = state
        .db
        .read(move |c| {
            let (instance, horizon) = (store::instance_id(c)?, store::horizon(c)?);
            store::page(c, registry, after, horizon, limit + 1, &instance)
        })
        .await?;
    let page = Page::from_rows(rows, limit, |c| encode_cursor((c.txid, c.seq)));
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .json(Page { items: page.items.iter().map(FeedItem::of).collect::<Vec<_>>(), next: page.next }))
}

#[derive(Deserialize, Validate, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewCredential {
    /// The partner's name: the token's subject, the submitter of its cases and the scope of its record keys.
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub subject: String,
    /// The registries it may push to and read the feed of.
    #[validate(length(min = 1, max = 3))]
    #[schema(min_items = 1, max_items = 3)]
    pub registries: Vec<Registry>,
    /// Lifetime in days, 1 to 3,650 (default 365).
    #[validate(range(min = 1, max = 3650))]
    #[schema(value_type = Option<u64>, minimum = 1, maximum = 3650)]
    #[serde(default, deserialize_with = "whole_number")]
    pub ttl_days: Option<u64>,
}

/// A whole number however JSON spells it (`917` or `917.0`: the same integer to JSON Schema).
fn whole_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    let n: Option<f64> = Deserialize::deserialize(d)?;
    n.map(|n| {
        (n.fract() == 0.0 && (0.0..=u64::MAX as f64).contains(&n))
            .then_some(n as u64)
            .ok_or_else(|| serde::de::Error::custom("not a whole number"))
    })
    .transpose()
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct Credential {
    /// The bearer token: shown once, never stored.
    pub access_token: String,
    /// The token's id, to revoke it.
    pub jti: String,
    pub subject: String,
    #[schema(value_type = Vec<String>)]
    pub registries: Vec<Registry>,
    #[schema(value_type = String, format = DateTime)]
    pub expires_at: String,
}

/// Issue a partner credential: a long-lived bearer token with the `partner` role for some registries.
#[utoipa::path(post, path = "/v1/partners/credentials", tag = "partners", request_body = NewCredential,
    security(("bearer" = [])),
    responses(
        (status = 201, body = Credential),
        crate::http::responses::BadRequest,
        crate::http::responses::Unauthorized,
        (status = 403, description = "Not an admin", body = crate::http::Problem, content_type = "application/problem+json"),
    ))]
pub async fn issue_credential(
    state: web::Data<AppState>,
    principal: Principal,
    body: web::Json<NewCredential>,
) -> Result<HttpResponse, ApiError> {
    principal.require(&[Role::Admin])?;
    body.validate().map_err(|_| ApiError::BadRequest("subject must be 1 to 200 characters, registries 1 to 3 names, ttl_days 1 to 3650."))?;
    let NewCredential { subject, registries, ttl_days } = body.into_inner();
    let ttl = std::time::Duration::from_secs(ttl_days.unwrap_or(365) * 86_400);
    let (token, claims) = state.keys.issue(&subject, Role::Partner, &registries, ttl);
    let jti = claims.jti.clone();
    state
        .db
        .write(move |c| audit::record(c, &audit::Entry::new(&principal.subject, "token.issue", "token", Some(&jti), Some(&principal.request_id))))
        .await?;
    let expires_at = chrono::DateTime::from_timestamp(claims.exp, 0).map(|t| crate::http::rfc3339::format(&t.naive_utc())).unwrap_or_default();
    Ok(HttpResponse::Created()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(Credential { access_token: token, jti: claims.jti, subject: claims.sub, registries, expires_at }))
}

/// Revoke a credential by its `jti`: every instance refuses it (401) from now on.
#[utoipa::path(delete, path = "/v1/partners/credentials/{jti}", tag = "partners",
    params(("jti" = String, Path)),
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Revoked (also when it already was)"),
        crate::http::responses::Unauthorized,
        (status = 403, description = "Not an admin", body = crate::http::Problem, content_type = "application/problem+json"),
    ))]
pub async fn revoke_credential(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    principal.require(&[Role::Admin])?;
    let jti = path.into_inner();
    if jti.is_empty() || jti.len() > 200 {
        return Err(ApiError::NotFound);
    }
    state
        .db
        .write(move |c| {
            auth::store::revoke(c, &jti)?;
            audit::record(c, &audit::Entry::new(&principal.subject, "token.revoke", "token", Some(&jti), Some(&principal.request_id)))
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_refuse_others() {
        for p in [(0, 1), (i64::MAX - 1, 42), (731, 9_000_000_000)] {
            assert_eq!(decode_cursor(&encode_cursor(p)).unwrap(), p);
        }
        assert!(decode_cursor("0").is_err());
        assert!(decode_cursor(&cursor::encode(&"abc")).is_err());
    }
}
