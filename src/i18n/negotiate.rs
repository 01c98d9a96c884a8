//! Which language a request is answered in: `?lang=` first, then the remembered choice of the
//! pages' language picker (a cookie, pages only), then `Accept-Language` (RFC 4647 lookup), then
//! English. Answers that speak say so: `Content-Language` and `Vary: Accept-Language`.

use std::future::{ready, Ready};

use actix_web::body::MessageBody;
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpMessage, HttpRequest, HttpResponseBuilder};
use fluent_langneg::{accepted_languages, negotiate_languages, NegotiationStrategy};
use unic_langid::LanguageIdentifier;

use super::Lang;
use crate::http::{ApiError, PROBLEM_JSON};

/// The cookie in which the pages' language picker remembers a choice (a language tag, nothing else).
pub const LANG_COOKIE: &str = "dermreg-lang";

/// Another name of a language the service has: Norwegian (`no`) is written in Bokmål here.
const ALIASES: &[(&str, &str)] = &[("no", "nb"), ("zh-CN", "zh-Hans"), ("zh-SG", "zh-Hans"), ("zh-TW", "zh-Hant"), ("zh-HK", "zh-Hant"), ("iw", "he")];

/// The best language for the ranges of `requested`, most preferred first (RFC 4647 lookup).
fn lookup(requested: &[LanguageIdentifier]) -> Option<Lang> {
    let requested: Vec<LanguageIdentifier> = requested
        .iter()
        .map(|r| {
            let tag = r.to_string();
            ALIASES.iter().find(|(a, _)| a.eq_ignore_ascii_case(&tag)).and_then(|(_, b)| b.parse().ok()).unwrap_or_else(|| r.clone())
        })
        .collect();
    let available = Lang::identifiers();
    // Lookup keeps the order of preference: the first range that any language answers wins.
    requested.iter().find_map(|r| {
        let best = negotiate_languages(std::slice::from_ref(r), &available, None, NegotiationStrategy::Lookup);
        best.first().and_then(|id| Lang::from_identifier(id))
    })
}

/// `lang` of a query string, if it names a language the service has.
fn from_query(query: &str) -> Option<Lang> {
    let value = query.split('&').find_map(|kv| kv.strip_prefix("lang="))?;
    lookup(&[value.parse().ok()?])
}

fn from_accept(req: &HttpRequest) -> Option<Lang> {
    let header = req.headers().get(header::ACCEPT_LANGUAGE)?.to_str().ok()?;
    lookup(&accepted_languages::parse(header))
}

fn from_cookie(req: &HttpRequest) -> Option<Lang> {
    let cookies = req.headers().get(header::COOKIE)?.to_str().ok()?;
    let value = cookies.split(';').find_map(|c| c.trim().strip_prefix(LANG_COOKIE)?.strip_prefix('='))?;
    lookup(&[value.parse().ok()?])
}

impl Lang {
    /// The language of an API answer: `?lang=`, `Accept-Language`, English.
    pub fn of_request(req: &HttpRequest) -> Lang {
        from_query(req.query_string()).or_else(|| from_accept(req)).unwrap_or(Lang::ENGLISH)
    }

    /// The language of a page: `?lang=`, the picker's cookie, `Accept-Language`, English.
    pub fn of_page(req: &HttpRequest) -> Lang {
        from_query(req.query_string()).or_else(|| from_cookie(req)).or_else(|| from_accept(req)).unwrap_or(Lang::ENGLISH)
    }

    /// The language a page request chose explicitly with `?lang=`, to be remembered; `Some(None)`
    /// when it asked to follow the browser again (`?lang=` empty).
    pub fn chosen_on_page(req: &HttpRequest) -> Option<Option<Lang>> {
        let value = req.query_string().split('&').find_map(|kv| kv.strip_prefix("lang="))?;
        Some(if value.is_empty() { None } else { from_query(req.query_string()) })
    }
}

/// Handlers take the answer's language as an argument.
impl FromRequest for Lang {
    type Error = actix_web::Error;
    type Future = Ready<Result<Lang, actix_web::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(req.extensions().get::<Lang>().copied().unwrap_or_else(|| Lang::of_request(req))))
    }
}

/// Marks an answer as written in `lang` and as depending on the request's language.
pub fn localized(builder: &mut HttpResponseBuilder, lang: Lang) -> &mut HttpResponseBuilder {
    builder.insert_header((header::CONTENT_LANGUAGE, lang.tag())).insert_header((header::VARY, "Accept-Language"))
}

/// Middleware: gives the request its language, and says every problem answer in it.
pub async fn speak(req: ServiceRequest, next: Next<impl MessageBody + 'static>) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let lang = Lang::of_request(req.request());
    req.extensions_mut().insert(lang);
    let res = next.call(req).await?;
    let is_problem = res.headers().get(header::CONTENT_TYPE).is_some_and(|v| v.as_bytes().starts_with(PROBLEM_JSON.as_bytes()));
    if !is_problem {
        return Ok(res.map_into_left_body());
    }
    let said = match res.response().error().and_then(|e| e.as_error::<ApiError>()) {
        Some(api) if lang != Lang::ENGLISH => Some(api.render(lang)),
        _ => None,
    };
    let mut res = match said {
        Some(new) => res.into_response(new).map_into_right_body(),
        None => res.map_into_left_body(),
    };
    let headers = res.headers_mut();
    headers.insert(header::CONTENT_LANGUAGE, HeaderValue::from_static(lang.tag()));
    headers.append(header::VARY, HeaderValue::from_static("Accept-Language"));
    Ok(res)
}
