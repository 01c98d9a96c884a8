//! The contract: the OpenAPI document generated from the code, and `/docs`, a page that renders it
//! on the server (no scripts, no CDN: it must work with no internet at all).

use std::fmt::Write;
use std::sync::OnceLock;

use actix_web::HttpResponse;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "dermreg",
        description = "De-identified COVID-19 case registries for dermatology. Nothing that identifies a patient is stored: identifying fields are accepted and removed in memory before any write.",
        license(name = "MIT")
    ),
    paths(
        super::ops::live,
        super::ops::ready,
        super::ops::metrics,
        crate::auth::handlers::login,
        crate::auth::handlers::logout,
        crate::audit::handlers::list,
        crate::registry::handlers::list_registries,
        crate::registry::handlers::form,
        crate::registry::handlers::submit,
        crate::registry::handlers::validate,
        crate::registry::handlers::get,
        crate::registry::handlers::correct,
        crate::registry::handlers::withdraw,
        crate::registry::handlers::list,
        crate::summary::handlers::get_latest,
        crate::summary::handlers::list_releases,
        crate::summary::handlers::get_release,
        crate::summary::handlers::create_release,
        crate::summary::handlers::live,
        crate::summary::handlers::compare,
        crate::sync::handlers::upsert_batch,
        crate::sync::handlers::changes,
        crate::sync::handlers::issue_credential,
        crate::sync::handlers::revoke_credential,
    ),
    components(schemas(super::Problem, super::ProblemItem, crate::registry::Registry)),
    modifiers(&BearerAuth, &CommonResponses),
    tags(
        (name = "registries", description = "The registries and their forms"),
        (name = "cases", description = "Submitting, reading, correcting and withdrawing cases"),
        (name = "summaries", description = "Open-access aggregate summaries with small-cell suppression"),
        (name = "auth", description = "Tokens"),
        (name = "audit", description = "Who changed what"),
        (name = "partners", description = "Partner registries: batch upsert, the change feed, partner credentials"),
        (name = "operations", description = "Health and metrics"),
    )
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).bearer_format("JWT").build()),
        );
    }
}

/// The answers every operation of a kind can give, declared in one place instead of on each handler:
/// 400 for anything with parameters or a body, 413 and 415 for a body, 401 and 403 and 429 behind a
/// token, 404 for an address with an id or registry in it, 503 when the database is unreachable.
struct CommonResponses;

impl Modify for CommonResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
        let problem = |description: &str| {
            ResponseBuilder::new()
                .description(description)
                .content(super::PROBLEM_JSON, ContentBuilder::new().schema(Some(Ref::from_schema_name("Problem"))).build())
                .build()
        };
        for (path, item) in openapi.paths.paths.iter_mut() {
            let ops = [&mut item.get, &mut item.post, &mut item.put, &mut item.patch, &mut item.delete];
            for op in ops.into_iter().flatten() {
                let has_params = op.parameters.as_ref().is_some_and(|p| !p.is_empty());
                let has_body = op.request_body.is_some();
                let secured = op.security.as_ref().is_some_and(|s| !s.is_empty());
                let mut add = |status: &str, description: &str| {
                    op.responses.responses.entry(status.to_owned()).or_insert_with(|| problem(description).into());
                };
                if has_params || has_body {
                    add("400", "The request could not be read: malformed JSON, a bad cursor or query parameter");
                }
                if secured {
                    add("401", "No bearer token, or one that is invalid, expired or revoked");
                    add("403", "The token's role or registries do not allow this");
                    add("429", "Too many requests with this token; see Retry-After");
                }
                if path.contains('{') {
                    add("404", "Nothing here, or nothing this token may see");
                }
                if has_body {
                    add("413", "The body is over the size limit");
                    add("415", "The body is not of a media type this endpoint reads");
                }
                if path != "/health/live" && path != "/openapi.yaml" && path != "/docs" {
                    add("503", "The database is busy or unreachable; see Retry-After");
                }
            }
        }
    }
}

/// The methods the contract names for a concrete request path (`/v1/cases/0193...`), as an `Allow`
/// header value; `None` when no path of the contract matches it.
pub fn allowed_methods(path: &str) -> Option<String> {
    static TEMPLATES: OnceLock<Vec<(Vec<String>, String)>> = OnceLock::new();
    let templates = TEMPLATES.get_or_init(|| {
        let doc = ApiDoc::openapi();
        doc.paths
            .paths
            .iter()
            .map(|(template, item)| {
                let methods: Vec<&str> = [
                    ("GET", item.get.is_some()),
                    ("POST", item.post.is_some()),
                    ("PUT", item.put.is_some()),
                    ("PATCH", item.patch.is_some()),
                    ("DELETE", item.delete.is_some()),
                ]
                .into_iter()
                .filter_map(|(m, has)| has.then_some(m))
                .collect();
                (template.split('/').map(str::to_owned).collect(), methods.join(", "))
            })
            .collect()
    });
    let segments: Vec<&str> = path.split('/').collect();
    templates
        .iter()
        .find(|(template, _)| {
            template.len() == segments.len()
                && template.iter().zip(&segments).all(|(t, s)| t == s || (t.starts_with('{') && t.ends_with('}') && !s.is_empty()))
        })
        .map(|(_, allow)| allow.clone())
}

/// The document as YAML: the same text as the committed `openapi.yaml`.
pub fn openapi_text() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| ApiDoc::openapi().to_yaml().expect("the OpenAPI document serialises"))
}

pub async fn openapi_yaml() -> HttpResponse {
    HttpResponse::Ok().content_type("application/yaml").body(openapi_text())
}

/// A readable page of every endpoint, from the same document.
pub async fn page() -> HttpResponse {
    static PAGE: OnceLock<String> = OnceLock::new();
    let html = PAGE.get_or_init(|| render(&serde_json::to_value(ApiDoc::openapi()).expect("serialises")));
    HttpResponse::Ok().content_type("text/html; charset=utf-8").body(html.as_str())
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn render(doc: &serde_json::Value) -> String {
    let mut h = String::with_capacity(32 * 1024);
    let title = doc["info"]["title"].as_str().unwrap_or("API");
    let _ = write!(
        h,
        "<!doctype html><html lang=en><meta charset=utf-8><title>{t} API</title>\
         <meta name=viewport content=\"width=device-width,initial-scale=1\">\
         <style>body{{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}}\
         code,pre{{background:#f4f4f4;padding:.1rem .3rem;border-radius:3px}}pre{{padding:.6rem;overflow:auto}}\
         .op{{border:1px solid #ddd;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}}\
         .m{{font-weight:bold;text-transform:uppercase;margin-right:.5rem}}table{{border-collapse:collapse}}\
         td,th{{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;vertical-align:top}}</style>\
         <h1>{t} API</h1><p>{d}</p><p>The machine-readable contract: <a href=\"/openapi.yaml\">/openapi.yaml</a>.</p>",
        t = esc(title),
        d = esc(doc["info"]["description"].as_str().unwrap_or(""))
    );
    if let Some(paths) = doc["paths"].as_object() {
        for (path, item) in paths {
            for method in ["get", "post", "put", "patch", "delete"] {
                let Some(op) = item.get(method) else { continue };
                let _ = write!(h, "<div class=op><p><span class=m>{method}</span><code>{}</code></p>", esc(path));
                for key in ["summary", "description"] {
                    if let Some(text) = op[key].as_str() {
                        let _ = write!(h, "<p>{}</p>", esc(text));
                    }
                }
                if let Some(params) = op["parameters"].as_array() {
                    h.push_str("<table><tr><th>parameter</th><th>in</th><th>description</th></tr>");
                    for p in params {
                        let _ = write!(
                            h,
                            "<tr><td><code>{}</code></td><td>{}</td><td>{}</td></tr>",
                            esc(p["name"].as_str().unwrap_or("")),
                            esc(p["in"].as_str().unwrap_or("")),
                            esc(p["description"].as_str().unwrap_or(""))
                        );
                    }
                    h.push_str("</table>");
                }
                if let Some(responses) = op["responses"].as_object() {
                    h.push_str("<table><tr><th>status</th><th>meaning</th></tr>");
                    for (status, r) in responses {
                        let _ = write!(
                            h,
                            "<tr><td>{}</td><td>{}</td></tr>",
                            esc(status),
                            esc(r["description"].as_str().unwrap_or(""))
                        );
                    }
                    h.push_str("</table>");
                }
                h.push_str("</div>");
            }
        }
    }
    h.push_str("<h2>Problems</h2><p>Every error is <code>application/problem+json</code> (RFC 9457). Its <code>type</code> points here.</p><dl>");
    for (slug, text) in PROBLEMS {
        let _ = write!(h, "<dt id=problem-{slug}><code>{slug}</code></dt><dd>{}</dd>", esc(text));
    }
    h.push_str("</dl></html>");
    h
}

const PROBLEMS: &[(&str, &str)] = &[
    ("bad-request", "400: the request could not be read (malformed JSON, a bad cursor or query)."),
    ("unauthorized", "401: no bearer token was sent."),
    ("invalid-token", "401: the token's signature, algorithm, issuer or audience is wrong, or it expired."),
    ("token-revoked", "401: the token was revoked."),
    ("bad-credentials", "401: wrong username or password."),
    ("forbidden", "403: the token's role or registries do not allow this."),
    ("not-found", "404: nothing here, or nothing this token may see."),
    ("method-not-allowed", "405: this address does not take that method."),
    ("conflict", "409: the request conflicts with the current state (an Idempotency-Key reused with another body)."),
    ("precondition-failed", "412: If-Match does not match the current ETag."),
    ("payload-too-large", "413: the body is over the limit (256 KiB; 1 MiB for batches)."),
    ("unsupported-media-type", "415: send application/json."),
    ("validation", "422: the form has problems; `errors` lists each with its JSON pointer. No submitted value is echoed."),
    ("precondition-required", "428: a change needs If-Match with the ETag you read."),
    ("too-many-attempts", "429: too many failed logins; wait for Retry-After."),
    ("rate-limited", "429: this token sent too many requests; wait for Retry-After."),
    ("internal", "500: the service failed; quote the correlation id."),
    ("unavailable", "503: the database is busy or unreachable; retry after Retry-After."),
];
