//! The two pages the binary serves itself: `/`, the public dashboard (server-rendered HTML and SVG
//! from the latest releases, no script), and `/submit`, the clinicians' case entry (an HTML shell and
//! one script that builds the form from `GET /v1/registries/{registry}/form` and talks to the API).
//!
//! - `html.rs`: the page frame and text helpers; `charts.rs`: SVG charts as pure functions;
//!   `dashboard.rs`: release documents -> the dashboard; `submit.rs`: the case entry page;
//!   `assets.rs`: the embedded CSS and JS (`static/`).
//!
//! Nothing leaves the origin: no CDN, no external font, and a CSP that forbids anything else.

mod assets;
mod charts;
mod dashboard;
mod html;
mod submit;

use actix_web::http::header;
use actix_web::{web, HttpResponse, HttpResponseBuilder};

/// The pages' Content-Security-Policy: everything from this origin only, no inline script or style
/// (so no attribute `style=` or `onclick=` either), no framing, no `<base>`, forms post here only.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                       frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/// The routes of the pages and their assets.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(dashboard::page))
        .route("/submit", web::get().to(submit::page))
        .route("/static/{name}", web::get().to(assets::serve));
}

/// The headers a hospital's IT department checks, on every page and asset.
pub fn secure(builder: &mut HttpResponseBuilder) -> &mut HttpResponseBuilder {
    builder
        .insert_header((header::CONTENT_SECURITY_POLICY, CSP))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((header::X_FRAME_OPTIONS, "DENY"))
        .insert_header((header::REFERRER_POLICY, "no-referrer"))
}

/// An HTML page with the security headers; never cached by shared caches (the dashboard changes
/// with each release, and the entry page carries no data but is per user once scripted).
fn html_page(body: String, cache_control: &'static str) -> HttpResponse {
    let mut b = HttpResponse::Ok();
    secure(&mut b);
    b.insert_header((header::CACHE_CONTROL, cache_control)).content_type("text/html; charset=utf-8").body(body)
}
