//! The test app: the real route table over a fresh real database per test, driven in process.

use std::rc::Rc;
use std::sync::{Mutex, Once, OnceLock};
use std::time::Duration;

use actix_web::http::{header::HeaderMap, Method, StatusCode};
use actix_web::test::{self, TestRequest};
use actix_web::web;
use dermreg::auth::Role;
use dermreg::registry::Registry;
use dermreg::{AppState, Settings};
use futures_util::future::LocalBoxFuture;
use serde_json::Value;

/// Runs a test body once on SQLite and once on PostgreSQL (skipped without `DERMREG_TEST_POSTGRES_URL`,
/// a failure with `DERMREG_REQUIRE_PG=1`, as CI sets).
#[macro_export]
macro_rules! both_dbs {
    ($name:ident, |$app:ident| $body:block) => {
        $crate::both_dbs!($name, settings = |_| {}, |$app| $body);
    };
    // The same with the settings adjusted first: `settings = |s| s.free_text = ...`.
    ($name:ident, settings = $tweak:expr, |$app:ident| $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            #[actix_web::test]
            async fn sqlite() {
                let $app = $crate::helpers::TestApp::with_settings($crate::helpers::Backend::Sqlite, $tweak).await;
                $body
            }
            #[actix_web::test]
            async fn postgres() {
                if $crate::helpers::postgres_url().is_none() {
                    eprintln!("skipping PostgreSQL: DERMREG_TEST_POSTGRES_URL is not set");
                    return;
                }
                let $app = $crate::helpers::TestApp::with_settings($crate::helpers::Backend::Postgres, $tweak).await;
                $body
            }
        }
    };
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Everything the service logged during the test run (all tests share one process-wide buffer).
pub fn captured_logs() -> String {
    String::from_utf8_lossy(&LOGS.get().expect("logs initialised").lock().unwrap()).into_owned()
}

static LOGS: OnceLock<Mutex<Vec<u8>>> = OnceLock::new();

struct LogWriter;
impl std::io::Write for LogWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        LOGS.get().unwrap().lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Logs at TRACE into the shared buffer, so tests can prove no value reaches them.
fn init_logs() {
    static INIT: Once = Once::new();
    INIT.call_once(|| {
        LOGS.set(Mutex::new(Vec::new())).unwrap();
        tracing_subscriber::fmt()
            .json()
            .with_max_level(tracing::Level::TRACE)
            .with_writer(|| LogWriter)
            .try_init()
            .ok();
    });
}

pub struct Response {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: web::Bytes,
}

impl Response {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|_| panic!("not JSON ({}): {}", self.status, String::from_utf8_lossy(&self.body)))
    }
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_owned)
    }
    /// Asserts an RFC 9457 problem with this status.
    #[track_caller]
    pub fn assert_problem(&self, status: u16) -> Value {
        assert_eq!(self.status.as_u16(), status, "body: {}", self.text());
        assert_eq!(self.header("content-type").as_deref(), Some("application/problem+json"), "{}", self.text());
        let p = self.json();
        assert_eq!(p["status"], status);
        assert!(p["type"].is_string() && p["title"].is_string() && p["detail"].is_string(), "{p}");
        p
    }
}

type Call = Rc<dyn Fn(TestRequest) -> LocalBoxFuture<'static, Response>>;

pub struct TestApp {
    pub state: web::Data<AppState>,
    pub backend: Backend,
    pub data_dir: tempfile::TempDir,
    call: Call,
    _pg: Option<PgSchema>,
}

/// A PostgreSQL schema of its own per test, dropped at the end.
pub struct PgSchema {
    base_url: String,
    name: String,
}

impl PgSchema {
    /// A new empty schema on the server of `base_url`, and the URL that uses it.
    pub fn create(base_url: &str) -> (PgSchema, String) {
        use diesel::{Connection, PgConnection, RunQueryDsl};
        let name = format!("t_{}", uuid::Uuid::now_v7().simple());
        let mut c = PgConnection::establish(base_url).expect("connect to PostgreSQL");
        diesel::sql_query(format!("CREATE SCHEMA {name}")).execute(&mut c).unwrap();
        let sep = if base_url.contains('?') { '&' } else { '?' };
        let url = format!("{base_url}{sep}options=-csearch_path%3D{name}");
        (PgSchema { base_url: base_url.to_owned(), name }, url)
    }
}

impl Drop for PgSchema {
    fn drop(&mut self) {
        use diesel::{Connection, PgConnection, RunQueryDsl};
        if let Ok(mut c) = PgConnection::establish(&self.base_url) {
            let _ = diesel::sql_query(format!("DROP SCHEMA IF EXISTS {} CASCADE", self.name)).execute(&mut c);
        }
    }
}

pub fn postgres_url() -> Option<String> {
    let url = std::env::var("DERMREG_TEST_POSTGRES_URL").ok().filter(|u| !u.is_empty());
    if url.is_none() && std::env::var("DERMREG_REQUIRE_PG").as_deref() == Ok("1") {
        panic!("DERMREG_REQUIRE_PG=1 but DERMREG_TEST_POSTGRES_URL is not set");
    }
    url
}

impl TestApp {
    pub async fn spawn(backend: Backend) -> TestApp {
        match backend {
            Backend::Sqlite => Self::with_settings(backend, |_| {}).await,
            Backend::Postgres => Self::spawn_pg().await.expect("PostgreSQL URL"),
        }
    }

    pub async fn spawn_pg() -> Option<TestApp> {
        let Some(_) = postgres_url() else {
            eprintln!("skipping PostgreSQL: DERMREG_TEST_POSTGRES_URL is not set");
            return None;
        };
        Some(Self::with_settings(Backend::Postgres, |_| {}).await)
    }

    /// A fresh app on `backend`, with settings adjusted by `tweak`.
    pub async fn with_settings(backend: Backend, tweak: impl FnOnce(&mut Settings)) -> TestApp {
        init_logs();
        let data_dir = tempfile::tempdir().unwrap();
        let mut settings = Settings::for_data_dir(data_dir.path().to_path_buf());
        settings.pool_size = 4;
        let pg = match backend {
            Backend::Sqlite => None,
            Backend::Postgres => {
                let (schema, url) = PgSchema::create(&postgres_url().expect("PostgreSQL URL"));
                settings.database_url = url;
                Some(schema)
            }
        };
        tweak(&mut settings);
        let state = web::Data::new(AppState::build(settings).expect("app builds"));
        let service = Rc::new(test::init_service(dermreg::app(state.clone())).await);
        let call: Call = Rc::new(move |req| {
            let service = service.clone();
            Box::pin(async move {
                let res = test::call_service(&*service, req.to_request()).await;
                let status = res.status();
                let headers = res.headers().clone();
                let body = test::read_body(res).await;
                Response { status, headers, body }
            })
        });
        TestApp { state, backend, data_dir, call, _pg: pg }
    }

    pub async fn send(&self, req: TestRequest) -> Response {
        (self.call)(req).await
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> Response {
        self.send(with_token(TestRequest::get().uri(path), token)).await
    }

    pub async fn post_json(&self, path: &str, token: Option<&str>, body: &Value) -> Response {
        self.send(with_token(TestRequest::post().uri(path).set_json(body), token)).await
    }

    pub async fn request(&self, method: Method, path: &str, token: Option<&str>, body: Option<&Value>) -> Response {
        let mut req = TestRequest::default().method(method).uri(path);
        if let Some(b) = body {
            req = req.set_json(b);
        }
        self.send(with_token(req, token)).await
    }

    /// A token for `role` on `registries`, issued by the service's own keys.
    pub fn token(&self, subject: &str, role: Role, registries: &[Registry]) -> String {
        self.state.keys.issue(subject, role, registries, Duration::from_secs(3600)).0
    }

    /// An account that can log in with `password`.
    pub fn add_user(&self, username: &str, password: &str, role: Role, registries: &[Registry]) {
        let hash = dermreg::auth::password::hash(password);
        self.state
            .db
            .write_blocking(|c| dermreg::auth::store::add_user(c, username, &hash, role, registries))
            .unwrap();
    }
}

pub fn with_token(req: TestRequest, token: Option<&str>) -> TestRequest {
    match token {
        Some(t) => req.insert_header(("Authorization", format!("Bearer {t}"))),
        None => req,
    }
}
