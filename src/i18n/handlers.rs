//! `GET /v1/languages`: the languages the forms, problems and pages are offered in.

use actix_web::http::header;
use actix_web::HttpResponse;
use serde::Serialize;

use super::{localized, Lang};
use crate::http::ApiError;

/// One language of the service.
#[derive(Serialize, utoipa::ToSchema)]
pub struct LanguageInfo {
    /// BCP 47 tag, the value `?lang=` takes (`nb`, `zh-Hans`).
    #[schema(example = "nb")]
    pub code: &'static str,
    /// The language's name in itself.
    #[schema(example = "Norsk bokmål")]
    pub name: String,
    /// Share of English's messages it translates, 0 to 1.
    pub translated: f64,
    /// Whether a clinician who speaks the language has reviewed the translation.
    pub reviewed: bool,
    /// Written right to left.
    pub rtl: bool,
}

impl LanguageInfo {
    pub fn of(lang: Lang) -> LanguageInfo {
        LanguageInfo {
            code: lang.tag(),
            name: lang.text("language-name").into_owned(),
            translated: (lang.share_translated() * 1000.0).round() / 1000.0,
            reviewed: lang.is_reviewed(),
            rtl: lang.is_rtl(),
        }
    }
}

/// Every language, English first. Any answer that speaks (a form definition, a problem, a page)
/// is in the language of `?lang=`, else the best of `Accept-Language` (RFC 4647 lookup), else
/// English, and says which in `Content-Language`.
#[utoipa::path(get, path = "/v1/languages", tag = "registries",
    params(
        ("lang" = Option<String>, Query, description = "A language tag of this list; wins over Accept-Language"),
        ("Accept-Language" = Option<String>, Header, description = "The reader's languages (RFC 9110), looked up by RFC 4647"),
    ),
    responses((status = 200, body = Vec<LanguageInfo>,
        headers(("Content-Language" = String, description = "The language of the answer's texts"),
                ("Vary" = String, description = "Accept-Language")))))]
pub async fn languages(lang: Lang) -> Result<HttpResponse, ApiError> {
    let all: Vec<LanguageInfo> = Lang::all().map(LanguageInfo::of).collect();
    Ok(localized(&mut HttpResponse::Ok(), lang).insert_header((header::CACHE_CONTROL, "public, max-age=300")).json(all))
}
