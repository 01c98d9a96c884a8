//! Open-access summaries: tables, disclosure control, releases.
//!
//! - `disclosure/`: pure disclosure control (suppression, its independent check, Wilson intervals).
//! - `tables.rs`: the tables as data; counts -> cells and relations -> published tables (pure).
//! - `store.rs`: aggregate SQL and the releases table.
//! - `release.rs`: build (one snapshot), protect, store; the document.
//! - `export.rs`: CSV and the release zip.
//! - `compare.rs`: two registries' releases side by side.
//! - `handlers.rs`: the endpoints, with an in-process cache of immutable releases.

pub mod compare;
pub mod disclosure;
pub mod export;
pub mod handlers;
pub mod release;
pub mod store;
pub mod tables;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use actix_web::web::Bytes;

use crate::db::{Db, DbError};
use crate::registry::Registry;

/// A stored release ready to serve: its bytes and headers, computed once.
pub struct Served {
    pub id: String,
    pub document: Bytes,
    pub etag: String,
    pub headers: ServedHeaders,
    structure: String,
    parsed: OnceLock<Option<release::ReleaseDocument>>,
    zip: OnceLock<Bytes>,
    gzip: OnceLock<Bytes>,
}

/// The validators of the hot path (the whole document, plain or gzip), made once per release.
pub struct ServedHeaders {
    pub etag: String,
    pub gzip_etag: String,
    /// The release's time as HTTP dates are written (RFC 9110 IMF-fixdate).
    pub last_modified: String,
}

impl Served {
    fn of(row: store::ReleaseRow) -> Served {
        Served {
            headers: ServedHeaders {
                etag: row.etag.clone(),
                gzip_etag: variant(&row.etag, "gzip"),
                last_modified: row.created_at.and_utc().format("%a, %d %b %Y %H:%M:%S GMT").to_string(),
            },
            id: row.id,
            etag: row.etag,
            document: Bytes::from(row.document),
            structure: row.cells,
            parsed: OnceLock::new(),
            zip: OnceLock::new(),
            gzip: OnceLock::new(),
        }
    }

    /// The stored document, read once; `None` if the stored bytes are not a release document (a
    /// damaged row: this code wrote every one).
    pub fn parsed(&self) -> Option<&release::ReleaseDocument> {
        self.parsed.get_or_init(|| serde_json::from_slice(&self.document).ok()).as_ref()
    }

    /// The document gzip-compressed once, for clients that accept it (a tenth of the bytes).
    pub fn gzip(&self) -> Bytes {
        self.gzip
            .get_or_init(|| {
                use std::io::Write;
                let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
                gz.write_all(&self.document).expect("compressing in memory");
                Bytes::from(gz.finish().expect("compressing in memory"))
            })
            .clone()
    }

    /// The release's zip, made once; `None` if the stored document does not read (see `parsed`).
    pub fn zip(&self) -> Option<Bytes> {
        let document = self.parsed()?;
        let zip = self.zip.get_or_init(|| {
            let structure = serde_json::from_str(&self.structure).unwrap_or_default();
            Bytes::from(export::release_zip(document, &structure))
        });
        Some(zip.clone())
    }
}

/// Releases never change, so each is read from the database once per process. Which release is the
/// latest can change (another instance may publish), so that pointer is re-read after `LATEST_TTL`.
#[derive(Default)]
pub struct ReleaseCache {
    by_id: Mutex<HashMap<String, Arc<Served>>>,
    latest: Mutex<HashMap<Registry, (Instant, Arc<Served>)>>,
}

const LATEST_TTL: Duration = Duration::from_secs(2);

/// A strong ETag per representation of the same release (`csv`, `gzip`, `zip`, one table's).
pub fn variant(etag: &str, what: &str) -> String {
    format!("{}-{what}\"", etag.trim_end_matches('"'))
}

impl ReleaseCache {
    pub fn get(&self, id: &str) -> Option<Arc<Served>> {
        self.by_id.lock().unwrap_or_else(|p| p.into_inner()).get(id).cloned()
    }

    pub fn put(&self, row: store::ReleaseRow) -> Arc<Served> {
        let served = Arc::new(Served::of(row));
        let mut map = self.by_id.lock().unwrap_or_else(|p| p.into_inner());
        map.entry(served.id.clone()).or_insert(served).clone()
    }

    pub fn fresh_latest(&self, registry: Registry) -> Option<Arc<Served>> {
        let latest = self.latest.lock().unwrap_or_else(|p| p.into_inner());
        latest.get(&registry).filter(|(at, _)| at.elapsed() < LATEST_TTL).map(|(_, s)| s.clone())
    }

    pub fn set_latest(&self, registry: Registry, served: Arc<Served>) {
        self.latest.lock().unwrap_or_else(|p| p.into_inner()).insert(registry, (Instant::now(), served));
    }

    /// The latest release of a registry (`None` before the first), read from the database only when
    /// the pointer is older than `LATEST_TTL` and the document only once per process.
    pub async fn latest(&self, db: &Db, registry: Registry) -> Result<Option<Arc<Served>>, DbError> {
        if let Some(s) = self.fresh_latest(registry) {
            return Ok(Some(s));
        }
        let Some(id) = db.read(move |c| store::latest_id(c, registry)).await? else { return Ok(None) };
        let Some(served) = self.by_id(db, registry, id).await? else { return Ok(None) };
        self.set_latest(registry, served.clone());
        Ok(Some(served))
    }

    /// One release of a registry by id (`None`: no such release of this registry).
    pub async fn by_id(&self, db: &Db, registry: Registry, id: String) -> Result<Option<Arc<Served>>, DbError> {
        if let Some(s) = self.get(&id) {
            return Ok(Some(s));
        }
        Ok(db.read(move |c| store::get(c, registry, &id)).await?.map(|row| self.put(row)))
    }
}
