//! What the browser tests stand on: the real `dermreg` binary serving a seeded data directory, and
//! Debian's chromedriver driving headless Chromium. Without a browser the tests skip with a message,
//! except in CI (`CI=true`), where a missing browser is a failure.

use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};

pub const USERNAME: &str = "dr.browser";
pub const PASSWORD: &str = "a password long enough for the test";

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

fn find_program(env: &str, names: &[&str]) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(env) {
        return Some(PathBuf::from(p)).filter(|p| p.is_file());
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    names.iter().flat_map(|n| std::env::split_paths(&path).map(move |d| d.join(n))).find(|p| p.is_file())
}

/// A missing tool: a failure in CI, a clear skip message elsewhere (`None`).
pub fn require<T>(what: Option<T>, message: &str) -> Option<T> {
    if what.is_none() {
        assert!(!in_ci(), "CI=true and {message}: run .ci/browser-deps");
        // Straight to stderr, past the test harness's capture, so the skip is seen in a passing run.
        let _ = writeln!(std::io::stderr(), "SKIPPED browser test: {message} (run .ci/browser-deps to install it)");
    }
    what
}

/// axe-core's script: DERMREG_AXE_JS, else where .ci/browser-deps puts it, else node_modules here.
pub fn axe_source() -> Option<String> {
    let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_default();
    let candidates = [
        std::env::var_os("DERMREG_AXE_JS").map(PathBuf::from),
        std::env::var_os("DERMREG_AXE_DIR").map(|d| PathBuf::from(d).join("node_modules/axe-core/axe.min.js")),
        Some(home.join(".cache/dermreg-axe/node_modules/axe-core/axe.min.js")),
        Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/axe-core/axe.min.js")),
    ];
    candidates.into_iter().flatten().find(|p| p.is_file()).and_then(|p| std::fs::read_to_string(p).ok())
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Polls until something listens on `port` (bounded: a readiness check, not a timed assertion).
fn wait_listening(port: u16, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "{what} did not start listening");
        std::thread::yield_now();
    }
}

/// A child process killed when the test ends, however it ends.
pub struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The real binary on a fresh data directory with three published releases and one clinician.
pub struct Server {
    pub base: String,
    _process: Running,
    _dir: tempfile::TempDir,
}

fn dermreg(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dermreg"));
    c.env_clear()
        .env("DERMREG_DATA_DIR", dir)
        .env("DERMREG_LOG", "warn")
        .env("PATH", std::env::var("PATH").unwrap_or_default());
    c
}

fn run(cmd: &mut Command) {
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

impl Server {
    pub fn start() -> Server {
        let dir = tempfile::tempdir().unwrap();
        // Enough synthetic cases for every chart, few enough that some cells are suppressed.
        for (registry, seed) in [("psoriasis", "11"), ("atopic-dermatitis", "12"), ("general", "13")] {
            run(dermreg(dir.path()).args(["seed", "--registry", registry, "--count", "250", "--seed", seed]));
            run(dermreg(dir.path()).args(["publish", "--registry", registry]));
        }
        let mut add = dermreg(dir.path())
            .args(["user", "add", "--username", USERNAME, "--role", "clinician", "--registries", "psoriasis"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        add.stdin.take().unwrap().write_all(format!("{PASSWORD}\n").as_bytes()).unwrap();
        assert!(add.wait().unwrap().success());
        let port = free_port();
        let process = dermreg(dir.path())
            .env("DERMREG_BIND", format!("127.0.0.1:{port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let process = Running(process);
        wait_listening(port, "dermreg");
        Server { base: format!("http://127.0.0.1:{port}"), _process: process, _dir: dir }
    }
}

/// chromedriver and a headless Chromium session with a fresh profile.
pub struct Browser {
    pub client: Client,
    _driver: Running,
    _profile: tempfile::TempDir,
}

impl Browser {
    /// `None` (after the skip message) when chromedriver or chromium is not installed.
    pub async fn start() -> Option<Browser> {
        Browser::start_in(None).await
    }

    /// A browser whose language is `locale` (its UI and its `Accept-Language`), e.g. `nb-NO`.
    pub async fn start_in(locale: Option<&str>) -> Option<Browser> {
        let driver = require(find_program("DERMREG_CHROMEDRIVER", &["chromedriver"]), "chromedriver is not installed")?;
        let chromium = require(find_program("DERMREG_CHROMIUM", &["chromium", "chromium-browser"]), "chromium is not installed")?;
        let port = free_port();
        let process = Command::new(driver).arg(format!("--port={port}")).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
        let process = Running(process);
        wait_listening(port, "chromedriver");
        // (chromedriver accepts connections a moment before it can open sessions, and then resets
        // the first one: the session is asked for again, with a fresh profile, a few times)
        let mut attempts = 0;
        let (client, profile) = loop {
            attempts += 1;
            let profile = tempfile::tempdir().unwrap();
            match ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                .capabilities(capabilities(&chromium, profile.path(), locale))
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                Ok(client) => break (client, profile),
                Err(e) if attempts < 5 => eprintln!("chromedriver session, attempt {attempts}: {e}; asking again"),
                Err(e) => panic!("a chromedriver session after {attempts} attempts: {e}"),
            }
        };
        Some(Browser { client, _driver: process, _profile: profile })
    }
}

/// Headless Chromium's options: a fresh profile, and `locale` as its UI language and `Accept-Language`.
fn capabilities(chromium: &Path, profile: &Path, locale: Option<&str>) -> serde_json::Map<String, Value> {
    let args = [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--hide-scrollbars", "--window-size=1280,900",
    ];
    let mut args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    args.push(format!("--user-data-dir={}", profile.display()));
    let mut options = json!({"binary": chromium, "args": args});
    if let Some(locale) = locale {
        options["args"].as_array_mut().unwrap().push(json!(format!("--lang={locale}")));
        options["prefs"] = json!({"intl": {"accept_languages": locale}});
    }
    match json!({"goog:chromeOptions": options}) {
        Value::Object(m) => m,
        _ => unreachable!(),
    }
}

/// Where screenshots go: the test output directory (`target/tmp/browser-screenshots`).
pub fn screenshot_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
