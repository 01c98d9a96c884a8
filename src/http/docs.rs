//! The contract: the OpenAPI document generated from the code, and `/docs`, a page that renders it
//! on the server (no scripts, no CDN: it must work with no internet at all).

use std::sync::OnceLock;

use actix_web::HttpResponse;
use maud::{html, PreEscaped, DOCTYPE};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "dermreg",
        description = "De-identified COVID-19 case registries for dermatology. Nothing that identifies a patient is stored: identifying fields are accepted and removed in memory before any write. Texts a person reads (form labels and help, problem titles and details) are in the language of `?lang=`, else the best of `Accept-Language` (RFC 4647 lookup), else English, named in `Content-Language`; `GET /v1/languages` lists the languages. Data (cases, releases) holds codes only.",
        license(name = "MIT")
    ),
    paths(
        super::ops::live,
        super::ops::ready,
        super::ops::metrics,
        crate::auth::handlers::login,
        crate::auth::handlers::logout,
        crate::audit::handlers::list,
        crate::i18n::handlers::languages,
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
        crate::fhir::handlers::metadata,
        crate::fhir::handlers::questionnaires,
        crate::fhir::handlers::questionnaire,
        crate::fhir::handlers::code_systems,
        crate::fhir::handlers::code_system,
        crate::fhir::handlers::questionnaire_response,
        crate::fhir::handlers::export_get,
        crate::fhir::handlers::export_post,
        crate::fhir::handlers::export_status,
        crate::fhir::handlers::export_cancel,
        crate::fhir::handlers::export_file,
    ),
    components(schemas(
        super::Problem,
        super::ProblemItem,
        crate::registry::Registry,
        crate::i18n::handlers::LanguageInfo,
        crate::fhir::docs::Prefer,
        crate::fhir::docs::ExportType,
        crate::fhir::docs::OutputFormat,
    )),
    modifiers(&BearerAuth, &CommonResponses, &TypedForms),
    tags(
        (name = "registries", description = "The registries and their forms"),
        (name = "cases", description = "Submitting, reading, correcting and withdrawing cases"),
        (name = "summaries", description = "Open-access aggregate summaries with small-cell suppression"),
        (name = "auth", description = "Tokens"),
        (name = "audit", description = "Who changed what"),
        (name = "partners", description = "Partner registries: batch upsert, the change feed, partner credentials"),
        (name = "operations", description = "Health and metrics"),
        (name = "fhir", description = "FHIR R4: Questionnaires, QuestionnaireResponses and Bulk Data export; errors are OperationOutcomes"),
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
            // FHIR answers its errors as OperationOutcomes, declared on each of its operations.
            if path.starts_with("/fhir/") {
                continue;
            }
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

/// The three forms as components (`registry::schema::openapi_schema`), referenced by the bodies of
/// submission, dry run, correction and batch: a generated client has a type per form.
struct TypedForms;

impl Modify for TypedForms {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use crate::registry::schema::{openapi_country, openapi_schema, Body, COUNTRY_COMPONENT};
        use crate::registry::Registry;
        use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, OneOfBuilder, Schema, Type};
        use utoipa::openapi::{Ref, RefOr};
        let component = |v: serde_json::Value| -> RefOr<Schema> { serde_json::from_value(v).expect("a form's OpenAPI schema is a schema") };
        let components = openapi.components.get_or_insert_with(Default::default);
        components.schemas.insert(COUNTRY_COMPONENT.into(), component(openapi_country()));
        for r in Registry::ALL {
            for body in Body::ALL {
                components.schemas.insert(body.component(r), component(openapi_schema(r, body)));
            }
        }
        let any = |body: Body| -> RefOr<Schema> {
            let one_of = Registry::ALL.into_iter().fold(OneOfBuilder::new(), |b, r| b.item(Ref::from_schema_name(body.component(r))));
            Schema::OneOf(one_of.build()).into()
        };
        let batch: RefOr<Schema> = ArrayBuilder::new().items(any(Body::BatchItem)).build().into();
        let ndjson: RefOr<Schema> = ObjectBuilder::new()
            .schema_type(Type::String)
            .content_media_type("application/x-ndjson")
            .description(Some("One batch item (a form with partner_record_id) per line"))
            .build()
            .into();
        let bodies = [
            ("/v1/registries/{registry}/cases", "application/json", any(Body::Form)),
            ("/v1/registries/{registry}/cases:validate", "application/json", any(Body::Form)),
            ("/v1/cases/{id}", "application/merge-patch+json", any(Body::Patch)),
            ("/v1/registries/{registry}/cases:batch", "application/json", batch),
            // NDJSON is text of lines, each a batch item: bytes to a client, as JSON Schema cannot say lines.
            ("/v1/registries/{registry}/cases:batch", "application/x-ndjson", ndjson),
        ];
        for (path, media_type, schema) in bodies {
            let Some(item) = openapi.paths.paths.get_mut(path) else { continue };
            for op in [&mut item.post, &mut item.patch].into_iter().flatten() {
                if let Some(content) = op.request_body.as_mut().and_then(|b| b.content.get_mut(media_type)) {
                    content.schema = Some(schema.clone());
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

/// The page: a maud template (escaped by maud alone). Its one stylesheet is inline: the page is
/// served without the pages' CSP, and must work offline.
fn render(doc: &serde_json::Value) -> String {
    let title = doc["info"]["title"].as_str().unwrap_or("API");
    let text = |v: &serde_json::Value| v.as_str().unwrap_or("").to_owned();
    html! {
        (DOCTYPE)
        html lang="en" {
            meta charset="utf-8";
            title { (title) " API" }
            meta name="viewport" content="width=device-width,initial-scale=1";
            style { (PreEscaped(STYLE)) }
            h1 { (title) " API" }
            p { (text(&doc["info"]["description"])) }
            p { "The machine-readable contract: " a href="/openapi.yaml" { "/openapi.yaml" } "." }
            @for (path, item) in doc["paths"].as_object().into_iter().flatten() {
                @for method in ["get", "post", "put", "patch", "delete"] {
                    @if let Some(op) = item.get(method) {
                        div.op {
                            p { span.m { (method) } code { (path) } }
                            @for key in ["summary", "description"] {
                                @if let Some(s) = op[key].as_str() { p { (s) } }
                            }
                            @if let Some(params) = op["parameters"].as_array() {
                                table {
                                    tr { th { "parameter" } th { "in" } th { "description" } }
                                    @for p in params {
                                        tr { td { code { (text(&p["name"])) } } td { (text(&p["in"])) } td { (text(&p["description"])) } }
                                    }
                                }
                            }
                            @if let Some(responses) = op["responses"].as_object() {
                                table {
                                    tr { th { "status" } th { "meaning" } }
                                    @for (status, r) in responses { tr { td { (status) } td { (text(&r["description"])) } } }
                                }
                            }
                        }
                    }
                }
            }
            h2 { "Problems" }
            p { "Every error is " code { "application/problem+json" } " (RFC 9457), its " code { "title" } " and "
                code { "detail" } " in the request's language (" code { "?lang=" } ", then " code { "Accept-Language" }
                "; see " code { "GET /v1/languages" } "). Its " code { "type" } " points here." }
            dl {
                @for (slug, meaning) in PROBLEMS { dt id={ "problem-" (slug) } { code { (slug) } } dd { (meaning) } }
            }
        }
    }
    .into_string()
}

const STYLE: &str = "body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}\
code,pre{background:#f4f4f4;padding:.1rem .3rem;border-radius:3px}pre{padding:.6rem;overflow:auto}\
.op{border:1px solid #ddd;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}\
.m{font-weight:bold;text-transform:uppercase;margin-right:.5rem}table{border-collapse:collapse}\
td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;vertical-align:top}";

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
