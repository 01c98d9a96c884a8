//! The application: its shared state, built once from `Settings`, and the actix `App` over it.

use std::sync::Arc;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::middleware::from_fn;
use actix_web::{web, App, HttpServer};

use crate::auth::{Keys, TokenRateLimiter};
use crate::config::Settings;
use crate::db::Db;
use crate::deid::text::Scrubber;
use crate::summary::ReleaseCache;
use crate::http::{self, Metrics};

/// Everything a request handler may need, shared by all workers.
pub struct AppState {
    pub settings: Settings,
    pub db: Db,
    pub keys: Keys,
    pub record_key_secret: Vec<u8>,
    pub metrics: Arc<Metrics>,
    pub token_limiter: TokenRateLimiter,
    /// The free-text scrubber: built once (patterns, dictionaries), shared by every request.
    pub scrubber: Scrubber,
    /// Immutable summary releases already read, served without the database.
    pub releases: ReleaseCache,
    /// The threads that run the intake of single requests (`registry::handlers::run_intake`).
    pub intake: IntakePool,
}

type Job = Box<dyn FnOnce() + Send>;

/// A thread per core that runs intake for single requests and the parts of batches, off the async executor: scrubbing a long
/// note takes milliseconds of CPU. Not the blocking pool: there every request may land on another of
/// many threads, and each thread that scrubs keeps its own regex caches and malloc arena (the
/// server's peak memory grew by half).
pub struct IntakePool {
    jobs: std::sync::mpsc::Sender<Job>,
}

impl IntakePool {
    pub fn new(threads: usize) -> std::io::Result<IntakePool> {
        let (jobs, queue) = std::sync::mpsc::channel::<Job>();
        let queue = Arc::new(std::sync::Mutex::new(queue));
        for _ in 0..threads {
            let queue = queue.clone();
            // ends when the pool (the only sender) is dropped
            std::thread::Builder::new().name("intake".into()).spawn(move || loop {
                let job = queue.lock().unwrap_or_else(|p| p.into_inner()).recv();
                let Ok(job) = job else { break };
                // a panicking job drops its reply, which its caller answers as an internal error
                let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
            })?;
        }
        Ok(IntakePool { jobs })
    }

    /// Queues `f` for the pool's threads and returns at once (a batch's parts: each reports
    /// through its own channel, and a part that panics drops its sender, which its reader sees).
    pub fn spawn(&self, f: impl FnOnce() + Send + 'static) -> Result<(), Stopped> {
        self.jobs.send(Box::new(f)).map_err(|_| Stopped)
    }

    /// Runs `f` on one of the pool's threads; `None` if it panicked.
    pub async fn run<T: Send + 'static>(&self, f: impl FnOnce() -> T + Send + 'static) -> Option<T> {
        let (reply, answer) = tokio::sync::oneshot::channel();
        self.jobs.send(Box::new(move || drop(reply.send(f())))).ok()?;
        answer.await.ok()
    }
}

/// The intake threads have stopped (the server is shutting down).
#[derive(Debug)]
pub struct Stopped;

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("{0}")]
    Config(#[from] crate::config::ConfigError),
    #[error("database: {0}")]
    Db(#[from] crate::db::DbError),
    #[error("secret in the data directory: {0}")]
    Secret(std::io::Error),
    #[error("DERMREG_JWT_PUBLIC_KEY_FILE: {0}")]
    PublicKey(String),
    #[error("cannot start the intake threads: {0}")]
    Threads(std::io::Error),
    #[error("cannot listen on DERMREG_BIND: {0}")]
    Bind(std::io::Error),
}

impl AppState {
    /// The settings intake runs with: one place, so the API, the seeder and sync agree.
    pub fn intake_context(&self) -> crate::registry::IntakeContext<'_> {
        crate::registry::IntakeContext {
            scrubber: &self.scrubber,
            diagnosis_precision: self.settings.diagnosis_precision,
            free_text: self.settings.free_text,
        }
    }

    /// Connects the database (running migrations) and loads or generates the secrets.
    pub fn build(settings: Settings) -> Result<AppState, StartError> {
        let db = Db::connect(&settings.database_url, settings.pool_size)?;
        let secret = |configured: &Option<String>, file: &str| match configured {
            Some(s) => Ok(s.as_bytes().to_vec()),
            None => crate::secrets::load_or_generate(&settings.data_dir, file).map_err(StartError::Secret),
        };
        let jwt_secret = secret(&settings.jwt_secret, "jwt.secret")?;
        let record_key_secret = secret(&settings.record_key_secret, "record-key.secret")?;
        let mut keys = Keys::new(&jwt_secret, &settings.jwt_issuer, &settings.jwt_audience);
        if let (Some(file), Some(issuer)) = (&settings.jwt_public_key_file, &settings.jwt_external_issuer) {
            let pem = std::fs::read(file).map_err(|e| StartError::PublicKey(e.to_string()))?;
            keys = keys.with_external(&pem, issuer).map_err(StartError::PublicKey)?;
        }
        Ok(AppState {
            token_limiter: TokenRateLimiter::new(settings.rate_limit_per_minute),
            settings,
            db,
            keys,
            record_key_secret,
            metrics: Arc::default(),
            scrubber: Scrubber::new(),
            releases: ReleaseCache::default(),
            intake: IntakePool::new(std::thread::available_parallelism().map_or(1, |n| n.get())).map_err(StartError::Threads)?,
        })
    }
}

/// The actix application: the route table behind the middleware every request passes.
pub fn app(
    state: web::Data<AppState>,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    App::new()
        .app_data(state)
        .configure(http::routes)
        .default_service(web::to(http::unmatched))
        .wrap(http::problem_everywhere())
        // The request's language, and every problem answer said in it.
        .wrap(from_fn(crate::i18n::speak))
        .wrap(from_fn(http::observe))
}

/// Serves until SIGTERM or SIGINT, then finishes the requests in flight (up to 30 s) and stops.
pub async fn serve(settings: Settings) -> Result<(), StartError> {
    let bind = settings.bind.clone();
    let workers = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
    let state = web::Data::new(AppState::build(settings)?);
    tracing::info!(bind = %bind, backend = ?state.db.backend(), "serving");
    HttpServer::new(move || app(state.clone()))
        .workers(workers)
        .shutdown_timeout(30)
        .bind(&bind)
        .map_err(StartError::Bind)?
        .run()
        .await
        .map_err(StartError::Bind)
}
