//! Cursor paging shared by every list endpoint: `?after=<cursor>&limit=N` -> `{"items": [...], "next": ...}`.

use serde::{Deserialize, Serialize};

use super::ApiError;

pub const MAX_LIMIT: i64 = 1000;
pub const DEFAULT_LIMIT: i64 = 100;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// The `next` value of the previous page.
    #[param(min_length = 1)]
    pub after: Option<String>,
    /// Items per page, 1 to 1,000 (default 100).
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<i64>,
}

impl PageQuery {
    pub fn limit(&self) -> Result<i64, ApiError> {
        page_limit(self.limit)
    }
}

/// The page size asked for: the bounds the document declares are the bounds enforced (a larger page
/// is refused, not silently shortened).
pub fn page_limit(limit: Option<i64>) -> Result<i64, ApiError> {
    match limit {
        None => Ok(DEFAULT_LIMIT),
        Some(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
        Some(_) => Err(ApiError::BadRequest("limit must be from 1 to 1000.")),
    }
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Pass as `after` to get the next page; null on the last page.
    pub next: Option<String>,
}

impl<T> Page<T> {
    /// `rows` was loaded with `limit + 1`: the extra row only tells whether there is a next page.
    pub fn from_rows(mut rows: Vec<T>, limit: i64, cursor_of: impl Fn(&T) -> String) -> Page<T> {
        let more = rows.len() as i64 > limit;
        rows.truncate(limit as usize);
        let next = if more { rows.last().map(cursor_of) } else { None };
        Page { items: rows, next }
    }
}

/// Opaque cursors: base64url of a small JSON value, so their shape can change without breaking clients.
pub mod cursor {
    use base64::Engine;
    use serde::{de::DeserializeOwned, Serialize};

    use super::ApiError;

    const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::URL_SAFE_NO_PAD;

    pub fn encode<T: Serialize>(value: &T) -> String {
        B64.encode(serde_json::to_vec(value).expect("cursor values serialise"))
    }

    pub fn decode<T: DeserializeOwned>(cursor: &str) -> Result<T, ApiError> {
        B64.decode(cursor)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .ok_or(ApiError::BadRequest("The cursor is not one this service gave out."))
    }
}

/// Stored times travel as RFC 3339 with `Z` (the format is the database's: `db::rfc3339`).
pub use crate::db::rfc3339;
