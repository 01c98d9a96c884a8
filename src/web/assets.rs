//! The pages' static files, compiled into the binary (no internet, no file system at run time) and
//! served with a content hash: pages link `/static/{name}?v={hash}`, so a year's cache is safe.

use std::sync::OnceLock;

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use sha2::{Digest, Sha256};

use crate::http::ApiError;

struct Asset {
    name: &'static str,
    content_type: &'static str,
    body: &'static [u8],
}

const ASSETS: &[Asset] = &[
    Asset { name: "dermreg.css", content_type: "text/css; charset=utf-8", body: include_bytes!("static/dermreg.css") },
    Asset { name: "submit.js", content_type: "text/javascript; charset=utf-8", body: include_bytes!("static/submit.js") },
];

/// Each asset's strong ETag (a hash of its bytes), computed once.
fn etags() -> &'static [String] {
    static ETAGS: OnceLock<Vec<String>> = OnceLock::new();
    ETAGS.get_or_init(|| ASSETS.iter().map(|a| format!("\"{}\"", &hex::encode(Sha256::digest(a.body))[..20])).collect())
}

fn find(name: &str) -> Option<(usize, &'static Asset)> {
    ASSETS.iter().enumerate().find(|(_, a)| a.name == name)
}

/// The URL a page links an asset with: the hash in the query makes a changed file a new URL.
pub fn url(name: &str) -> String {
    let (i, _) = find(name).expect("pages link only assets that exist");
    format!("/static/{name}?v={}", etags()[i].trim_matches('"'))
}

/// `GET /static/{name}`: the file, or 304 when the client has this version.
pub async fn serve(path: web::Path<String>, req: HttpRequest) -> Result<HttpResponse, ApiError> {
    let (i, asset) = find(&path).ok_or(ApiError::NotFound)?;
    let etag = &etags()[i];
    let not_modified = req.headers().get(header::IF_NONE_MATCH).is_some_and(|v| v.as_bytes() == etag.as_bytes());
    let mut builder = if not_modified { HttpResponse::NotModified() } else { HttpResponse::Ok() };
    super::secure(&mut builder);
    builder.insert_header((header::ETAG, etag.as_str())).insert_header((header::CACHE_CONTROL, "public, max-age=31536000, immutable"));
    if not_modified {
        return Ok(builder.finish());
    }
    Ok(builder.content_type(asset.content_type).body(asset.body))
}
