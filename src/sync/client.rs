//! `dermreg sync push|pull`: the client side, over HTTP (reqwest, blocking), with retries, a
//! progress bar on a terminal and one summary line otherwise. Every failure is one line for the
//! operator and a non-zero exit.

use std::io::IsTerminal;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};
use reqwest::blocking::{Client, RequestBuilder, Response};
use serde::Deserialize;

use super::batch::{MAX_BYTES, MAX_ITEMS, NDJSON};
use super::mirror::{self, RemoteChange, Tally};
use super::store;
use crate::db::DbError;
use crate::registry::Registry;

#[derive(clap::Subcommand)]
pub enum SyncCommand {
    /// Mirror another dermreg's change feed of one registry into this instance's database
    /// (resumes from the cursor stored here; safe to interrupt and to run from cron).
    Pull {
        /// The other instance, e.g. https://registry.example.org
        #[arg(long)]
        from: String,
        /// A file holding a partner (or curator) token of the other instance.
        #[arg(long)]
        token_file: PathBuf,
        #[arg(long)]
        registry: Registry,
    },
    /// Upload a partner's NDJSON file of cases (each with partner_record_id) in batches.
    Push {
        #[arg(long)]
        to: String,
        #[arg(long)]
        token_file: PathBuf,
        #[arg(long)]
        registry: Registry,
        /// One case report form per line, each with `partner_record_id`.
        #[arg(long)]
        file: PathBuf,
        /// Where refused lines go, unchanged, to fix and push again (default: FILE.failed.ndjson;
        /// their problems go beside it, in FILE.failed.txt).
        #[arg(long)]
        failures: Option<PathBuf>,
    },
}

/// Why a sync stopped: one line for the operator.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct SyncError(pub String);

impl From<DbError> for SyncError {
    fn from(e: DbError) -> Self {
        SyncError(format!("this instance's database: {e}"))
    }
}

/// Runs a sync command; returns its summary line.
pub fn run(cmd: SyncCommand, settings: crate::Settings) -> Result<String, SyncError> {
    match cmd {
        SyncCommand::Pull { from, token_file, registry } => {
            let remote = Remote::new(&from, &token_file)?;
            let state = crate::AppState::build(settings).map_err(|e| SyncError(e.to_string()))?;
            pull(&state, &remote, registry)
        }
        SyncCommand::Push { to, token_file, registry, file, failures } => {
            let remote = Remote::new(&to, &token_file)?;
            let failures = failures.unwrap_or_else(|| file.with_extension("failed.ndjson"));
            push(&remote, registry, &file, &failures)
        }
    }
}

/// Another instance's API, with a bearer token.
pub struct Remote {
    base: String,
    token: String,
    http: Client,
}

/// Attempts after the first, for timeouts, 429 and 5xx.
const RETRIES: u32 = 5;

impl Remote {
    pub fn new(url: &str, token_file: &Path) -> Result<Remote, SyncError> {
        let base = url.trim_end_matches('/').to_owned();
        if !(base.starts_with("http://") || base.starts_with("https://")) {
            return Err(SyncError("the URL must start with http:// or https://".into()));
        }
        let token = std::fs::read_to_string(token_file)
            .map_err(|e| SyncError(format!("cannot read the token file {}: {e}", token_file.display())))?
            .trim()
            .to_owned();
        if token.is_empty() {
            return Err(SyncError(format!("the token file {} is empty", token_file.display())));
        }
        let http = Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .timeout(Duration::from_secs(300))
            .user_agent(concat!("dermreg-sync/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| SyncError(format!("cannot set up the HTTP client: {e}")))?;
        Ok(Remote { base, token, http })
    }

    /// Sends `build`'s request, retrying timeouts, 429 (after its Retry-After) and 5xx with
    /// exponential backoff; any other failure is one line naming `what` was being done.
    fn send(&self, what: &str, build: impl Fn(&Client) -> RequestBuilder) -> Result<Response, SyncError> {
        let mut attempt = 0;
        loop {
            let result = build(&self.http).bearer_auth(&self.token).send();
            let wait = match &result {
                Ok(r) if r.status().as_u16() == 429 || r.status().is_server_error() => Some(retry_after(r).unwrap_or(backoff(attempt))),
                Err(e) if e.is_timeout() => Some(backoff(attempt)),
                _ => None,
            };
            match wait {
                Some(wait) if attempt < RETRIES => {
                    attempt += 1;
                    std::thread::sleep(wait);
                }
                _ => return self.answer(result, what),
            }
        }
    }

    fn answer(&self, result: reqwest::Result<Response>, what: &str) -> Result<Response, SyncError> {
        let base = &self.base;
        let r = result.map_err(|e| {
            SyncError(if e.is_connect() {
                format!("cannot connect to {base} to {what}")
            } else if e.is_timeout() {
                format!("{base} did not answer in time to {what}")
            } else {
                format!("{base}: cannot {what}: {e}")
            })
        })?;
        let status = r.status();
        if status.is_success() {
            return Ok(r);
        }
        let detail = r
            .bytes()
            .ok()
            .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
            .and_then(|p| p["detail"].as_str().map(str::to_owned))
            .map(|d| format!(": {d}"))
            .unwrap_or_default();
        Err(SyncError(match status.as_u16() {
            401 => format!("{base} refused the token (401): check --token-file{detail}"),
            403 => format!("{base}: the token may not {what} (403){detail}"),
            404 => format!("{base} has no such endpoint (404): is it a dermreg instance?"),
            _ => format!("{base} answered {status} to {what}{detail}"),
        }))
    }
}

fn backoff(attempt: u32) -> Duration {
    Duration::from_secs(1 << attempt.min(5))
}

fn retry_after(r: &Response) -> Option<Duration> {
    let secs: u64 = r.headers().get(reqwest::header::RETRY_AFTER)?.to_str().ok()?.trim().parse().ok()?;
    Some(Duration::from_secs(secs.min(300)))
}

fn body_of<T: serde::de::DeserializeOwned>(r: Response, what: &str) -> Result<T, SyncError> {
    let bytes = r.bytes().map_err(|e| SyncError(format!("the answer to {what} was cut off: {e}")))?;
    serde_json::from_slice(&bytes).map_err(|_| SyncError(format!("the answer to {what} is not what dermreg sends")))
}

/// A bar on a terminal; nothing otherwise (the summary line is printed either way).
fn progress(total: Option<usize>, unit: &str) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let (bar, template) = match total {
        Some(n) => (ProgressBar::new(n as u64), format!("{{bar:40}} {{pos}}/{{len}} {unit} ({{per_sec}}, {{eta}} left)")),
        None => (ProgressBar::new_spinner(), format!("{{spinner}} {{pos}} {unit} ({{per_sec}})")),
    };
    bar.set_style(ProgressStyle::with_template(&template).unwrap_or_else(|_| ProgressStyle::default_bar()));
    bar
}

#[derive(Deserialize)]
struct FeedPage {
    items: Vec<RemoteChange>,
    next: Option<String>,
}

/// Changes asked for per page (the feed's maximum).
const PULL_PAGE: usize = 1000;

/// Mirrors `remote`'s feed of `registry` from the cursor stored for it, page by page.
pub fn pull(state: &crate::AppState, remote: &Remote, registry: Registry) -> Result<String, SyncError> {
    let ctx = state.intake_context();
    let source = remote.base.as_str();
    let what = format!("read the change feed of {registry}");
    let bar = progress(None, "changes");
    let (mut tally, mut read) = (Tally::default(), 0);
    loop {
        let cursor = state.db.read_blocking(|c| store::cursor(c, source, registry))?;
        let mut url = format!("{source}/v1/changes?registry={}&limit={PULL_PAGE}", registry.id());
        if let Some(after) = &cursor {
            url.push_str(&format!("&after={after}"));
        }
        let page: FeedPage = body_of(remote.send(&what, |h| h.get(&url))?, &what)?;
        if page.items.is_empty() {
            break;
        }
        let done = mirror::apply_page(&state.db, &ctx, source, registry, cursor.as_deref(), &page.items).map_err(|e| match e {
            DbError::Conflict => SyncError("another pull of the same source moved on meanwhile; this page was not applied: run again".into()),
            other => SyncError::from(other),
        })?;
        tally.add(done);
        read += page.items.len();
        bar.inc(page.items.len() as u64);
        if page.next.is_none() {
            break;
        }
    }
    bar.finish_and_clear();
    Ok(format!("pulled {read} changes of {registry} from {source}: {tally}"))
}

#[derive(Deserialize)]
struct BatchAnswer {
    items: Vec<ItemAnswer>,
}

#[derive(Deserialize)]
struct ItemAnswer {
    index: usize,
    status: String,
    #[serde(default)]
    errors: Vec<ItemProblem>,
}

#[derive(Deserialize)]
struct ItemProblem {
    pointer: String,
    detail: String,
}

/// Consecutive lines in batches the endpoint accepts: at most [`MAX_ITEMS`] lines and
/// [`MAX_BYTES`] bytes (a line over that alone is a batch of its own, which the server refuses).
pub fn batches(lines: &[&str]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, line) in lines.iter().enumerate() {
        let size = line.len() + 1;
        if i > start && (i - start == MAX_ITEMS || bytes + size > MAX_BYTES) {
            out.push(start..i);
            (start, bytes) = (i, 0);
        }
        bytes += size;
    }
    if start < lines.len() {
        out.push(start..lines.len());
    }
    out
}

/// Uploads `file` in batches; refused lines go to `failures` as they were (fix and push that file),
/// their problems to the `.txt` beside it. Any refused line makes the run fail.
pub fn push(remote: &Remote, registry: Registry, file: &Path, failures: &Path) -> Result<String, SyncError> {
    let text = std::fs::read_to_string(file).map_err(|e| SyncError(format!("cannot read {}: {e}", file.display())))?;
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let url = format!("{}/v1/registries/{}/cases:batch", remote.base, registry.id());
    let what = format!("push cases to {registry}");
    let bar = progress(Some(lines.len()), "cases");
    let mut counts = std::collections::BTreeMap::<String, usize>::new();
    let (mut refused, mut problems) = (String::new(), String::new());
    for range in batches(&lines) {
        let body = lines[range.clone()].join("\n") + "\n";
        let r = remote.send(&what, |h| h.post(&url).header(reqwest::header::CONTENT_TYPE, NDJSON).body(body.clone()))?;
        let answer: BatchAnswer = body_of(r, &what)?;
        for item in answer.items {
            *counts.entry(item.status.clone()).or_default() += 1;
            if item.status == "invalid" {
                let line = lines.get(range.start + item.index).ok_or_else(|| SyncError("the server answered for a line that was not sent".into()))?;
                refused.push_str(line);
                refused.push('\n');
                let n = refused.lines().count();
                for p in item.errors {
                    problems.push_str(&format!("line {n}: {}: {}\n", if p.pointer.is_empty() { "/" } else { &p.pointer }, p.detail));
                }
            }
        }
        bar.inc(range.len() as u64);
    }
    bar.finish_and_clear();
    let count = |s: &str| counts.get(s).copied().unwrap_or(0);
    let summary = format!(
        "pushed {} cases to {registry}: {} created, {} updated, {} unchanged, {} invalid",
        lines.len(),
        count("created"),
        count("updated"),
        count("unchanged"),
        count("invalid")
    );
    if refused.is_empty() {
        return Ok(summary);
    }
    let problems_file = failures.with_extension("txt");
    std::fs::write(failures, refused)
        .and_then(|_| std::fs::write(&problems_file, problems))
        .map_err(|e| SyncError(format!("{summary}; cannot write {}: {e}", failures.display())))?;
    Err(SyncError(format!(
        "{summary}: fix the lines in {} (problems in {}) and push that file again",
        failures.display(),
        problems_file.display()
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_respect_the_item_and_byte_limits() {
        let small = vec!["{}"; 2500];
        assert_eq!(batches(&small), vec![0..1000, 1000..2000, 2000..2500]);
        let line = "x".repeat(400 * 1024);
        let big: Vec<&str> = vec![&line; 5];
        assert_eq!(batches(&big), vec![0..2, 2..4, 4..5]);
        let huge = "y".repeat(MAX_BYTES + 10);
        assert_eq!(batches(&["{}", &huge, "{}"]), vec![0..1, 1..2, 2..3]);
        assert!(batches(&[]).is_empty());
    }

    #[test]
    fn backoff_doubles_up_to_half_a_minute() {
        let waits: Vec<u64> = (0..7).map(|a| backoff(a).as_secs()).collect();
        assert_eq!(waits, [1, 2, 4, 8, 16, 32, 32]);
    }
}
