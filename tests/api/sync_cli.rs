//! `dermreg sync` through the real binary against real `dermreg serve` processes: a partner's push
//! with refused lines, two instances (SQLite and, when configured, PostgreSQL) pulling from each
//! other until they converge and stay converged, tombstones and corrections travelling, and the
//! one-line errors of a wrong URL, a bad token and a missing token file.

use std::path::Path;
use std::process::{Child, Command, Output, Stdio};

use serde_json::{json, Value};

use crate::cases::example;
use crate::helpers::{postgres_url, PgSchema};
use dermreg::registry::Registry;

/// A `dermreg serve` on a free local port, with its own data directory (and database), stopped on drop.
struct Instance {
    dir: tempfile::TempDir,
    database_url: Option<String>,
    url: String,
    child: Child,
    _pg: Option<PgSchema>,
    http: reqwest::blocking::Client,
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Instance {
    fn start(postgres: bool) -> Instance {
        let dir = tempfile::tempdir().unwrap();
        let (pg, database_url) = match postgres.then(postgres_url).flatten() {
            Some(base) => {
                let (schema, url) = PgSchema::create(&base);
                (Some(schema), Some(url))
            }
            None => (None, None),
        };
        let (child, url) = serve(dir.path(), database_url.as_deref());
        let instance = Instance { dir, database_url, url, child, _pg: pg, http: reqwest::blocking::Client::new() };
        instance.wait_ready();
        instance
    }

    /// Stops the server at once (SIGKILL) and starts it again on the same data.
    fn kill_and_restart(&mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
        (self.child, self.url) = serve(self.dir.path(), self.database_url.as_deref());
        self.wait_ready();
    }

    /// Polls until it answers (bounded: 20 s).
    fn wait_ready(&self) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while self.http.get(format!("{}/health/ready", self.url)).send().map(|r| r.status().as_u16()).ok() != Some(200) {
            assert!(std::time::Instant::now() < deadline, "the server did not start");
            std::thread::yield_now();
        }
    }

    /// The real binary with this instance's data directory and database.
    fn cli(&self) -> Command {
        dermreg(self.dir.path(), self.database_url.as_deref())
    }

    /// A token of this instance, also written to a file for `--token-file`.
    fn token(&self, subject: &str, role: &str) -> (String, std::path::PathBuf) {
        let out = self.cli().args(["token", "issue", "--subject", subject, "--role", role, "--registries", "psoriasis"]).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let token = String::from_utf8(out.stdout).unwrap().trim().to_owned();
        let file = self.dir.path().join(format!("{subject}.token"));
        std::fs::write(&file, &token).unwrap();
        (token, file)
    }

    fn call(&self, method: reqwest::Method, path: &str, token: &str, body: Option<&Value>) -> (u16, Value) {
        let mut req = self.http.request(method, format!("{}{path}", self.url)).bearer_auth(token);
        if let Some(b) = body {
            req = req.header("Content-Type", "application/json").header("If-Match", "\"1\"").body(b.to_string());
        }
        let r = req.send().unwrap();
        let status = r.status().as_u16();
        (status, serde_json::from_str(&r.text().unwrap()).unwrap_or(Value::Null))
    }

    fn psoriasis_cases(&self) -> u64 {
        let list: Value = serde_json::from_str(&self.http.get(format!("{}/v1/registries", self.url)).send().unwrap().text().unwrap()).unwrap();
        list.as_array().unwrap().iter().find(|r| r["id"] == "psoriasis").unwrap()["cases"].as_u64().unwrap()
    }

    /// Every change of the psoriasis feed (one NDJSON pull).
    fn feed(&self, token: &str) -> Vec<Value> {
        let r = self.http.get(format!("{}/v1/changes?registry=psoriasis", self.url)).bearer_auth(token).header("Accept", "application/x-ndjson").send().unwrap();
        assert_eq!(r.status(), 200);
        r.text().unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
    }

    /// Waits until the feed lists `n` changes: on PostgreSQL a change is listed once every older
    /// transaction on the server has ended, and other tests may be writing (bounded).
    fn settled(&self, token: &str, n: usize) {
        for _ in 0..2000 {
            if self.feed(token).len() >= n {
                return;
            }
        }
        panic!("the feed never listed {n} changes");
    }

    /// `dermreg sync pull` into this instance from `from`.
    fn pull(&self, from: &Instance, token_file: &Path) -> Output {
        self.cli().args(["sync", "pull", "--from", &from.url, "--token-file"]).arg(token_file).args(["--registry", "psoriasis"]).output().unwrap()
    }
}

/// `dermreg serve` on a free local port.
fn serve(dir: &Path, database_url: Option<&str>) -> (Child, String) {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut cmd = dermreg(dir, database_url);
    let child = cmd.env("DERMREG_BIND", format!("127.0.0.1:{port}")).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
    (child, format!("http://127.0.0.1:{port}"))
}

fn dermreg(data_dir: &Path, database_url: Option<&str>) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dermreg"));
    c.env_clear().env("DERMREG_DATA_DIR", data_dir).env("DERMREG_LOG", "warn").env("PATH", std::env::var("PATH").unwrap_or_default());
    if let Some(url) = database_url {
        c.env("DERMREG_DATABASE_URL", url);
    }
    c
}

fn stdout(out: &Output) -> String {
    assert!(out.status.success(), "failed: {}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "no progress bar when not on a terminal: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    assert_eq!(text.lines().count(), 1, "one summary line: {text}");
    text
}

/// A failure: a non-zero exit and one line on stderr.
fn one_line_error(out: &Output) -> String {
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    err
}

fn line(key: &str, n: u32) -> String {
    let mut form = example(Registry::Psoriasis);
    form["patient"]["age_years"] = json!(30 + n);
    form["partner_record_id"] = json!(key);
    form.to_string()
}

#[test]
fn push_then_two_instances_pull_from_each_other_and_converge() {
    let a = Instance::start(false);
    let b = Instance::start(true);
    let (_, a_partner_file) = a.token("partner-b", "partner");
    let (a_curator, _) = a.token("curator-a", "curator");
    let (b_partner, b_partner_file) = b.token("partner-a", "partner");
    let (b_clinician, _) = b.token("dr-b", "clinician");

    // A partner pushes a file to A: three good lines, one refused by validation, one not JSON.
    let mut bad: Value = serde_json::from_str(&line("p-4", 4)).unwrap();
    bad["covid"]["outcome"]["icu"] = json!(true);
    let file = a.dir.path().join("cases.ndjson");
    std::fs::write(&file, [line("p-1", 1), line("p-2", 2), bad.to_string(), "{oops".into(), line("p-3", 3)].join("\n")).unwrap();
    let push = |token_file: &Path| {
        a.cli().args(["sync", "push", "--to", &a.url, "--token-file"]).arg(token_file).args(["--registry", "psoriasis", "--file"]).arg(&file).output().unwrap()
    };
    let out = push(&a_partner_file);
    let err = one_line_error(&out);
    assert!(err.contains("3 created, 0 updated, 0 unchanged, 2 invalid"), "{err}");
    let failed = std::fs::read_to_string(a.dir.path().join("cases.failed.ndjson")).unwrap();
    assert_eq!(failed.lines().collect::<Vec<_>>(), [bad.to_string().as_str(), "{oops"], "refused lines are kept as they were");
    let problems = std::fs::read_to_string(a.dir.path().join("cases.failed.txt")).unwrap();
    assert!(problems.contains("line 1: /covid/outcome/icu") && problems.contains("line 2: /"), "{problems}");
    // The same file again: nothing new.
    assert!(one_line_error(&push(&a_partner_file)).contains("0 created, 0 updated, 3 unchanged, 2 invalid"));
    assert_eq!(a.psoriasis_cases(), 3);

    // B has a case of its own.
    let mut own = example(Registry::Psoriasis);
    own["notes"] = json!("Entered at B.");
    assert_eq!(b.call(reqwest::Method::POST, "/v1/registries/psoriasis/cases", &b_clinician, Some(&own)).0, 201);

    // Each pulls from the other: both hold all four, nothing echoed back.
    let text = stdout(&b.pull(&a, &a_partner_file));
    assert!(text.contains("pulled 3 changes") && text.contains("3 created"), "{text}");
    b.settled(&b_partner, 4);
    let text = stdout(&a.pull(&b, &b_partner_file));
    assert!(text.contains("1 created") && text.contains("3 of this instance skipped"), "{text}");
    assert_eq!((a.psoriasis_cases(), b.psoriasis_cases()), (4, 4));
    // Again, each way: they stay as they are (the stored cursor resumes where the last pull stopped).
    assert!(stdout(&b.pull(&a, &a_partner_file)).contains("pulled 1 changes"), "only A's mirror of B's case is new to B");
    assert!(stdout(&a.pull(&b, &b_partner_file)).contains("pulled 0 changes"));
    assert_eq!((a.psoriasis_cases(), b.psoriasis_cases()), (4, 4));

    // A correction and a withdrawal at A reach B; the tombstone carries no clinical data.
    let a_changes = a.feed(&a_curator);
    let (first, second) = (a_changes[0]["case"]["id"].as_str().unwrap(), a_changes[1]["case"]["id"].as_str().unwrap());
    let (status, _) = a.call(reqwest::Method::PATCH, &format!("/v1/cases/{first}"), &a_curator, Some(&json!({"notes": "Corrected at A."})));
    assert_eq!(status, 200);
    assert_eq!(a.call(reqwest::Method::DELETE, &format!("/v1/cases/{second}?reason=duplicate"), &a_curator, None).0, 200);
    let text = stdout(&b.pull(&a, &a_partner_file));
    assert!(text.contains("1 updated, 1 withdrawn"), "{text}");
    assert_eq!(b.psoriasis_cases(), 3);
    let b_changes = b.feed(&b_partner);
    let tomb = b_changes.iter().rev().find(|c| c["kind"] == "withdrawn").expect("the withdrawal is in B's feed");
    assert!(tomb["case"]["form"].is_null() && tomb["case"]["derived"].is_null());
    assert_eq!(tomb["origin"]["case_id"], second);
    assert_eq!(tomb["case"]["withdrawal"]["reason"], "duplicate");
    let corrected = b_changes.iter().rev().find(|c| c["kind"] == "corrected").unwrap();
    assert_eq!(corrected["case"]["form"]["notes"], "Corrected at A.");
    // A sees only its own cases coming back, and stays as it is.
    assert!(stdout(&a.pull(&b, &b_partner_file)).contains("0 created, 0 updated, 0 withdrawn"));
    assert_eq!((a.psoriasis_cases(), b.psoriasis_cases()), (3, 3));
}

#[test]
fn sync_failures_are_one_line_and_a_non_zero_exit() {
    let a = Instance::start(false);
    let (_, token_file) = a.token("partner-b", "partner");
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let pull = |from: &str, token_file: &Path| {
        a.cli().args(["sync", "pull", "--from", from, "--token-file"]).arg(token_file).args(["--registry", "psoriasis"]).output().unwrap()
    };
    let err = one_line_error(&pull(&format!("http://127.0.0.1:{closed}"), &token_file));
    assert!(err.contains("cannot connect"), "{err}");
    let bad = a.dir.path().join("bad.token");
    std::fs::write(&bad, "not-a-token").unwrap();
    let err = one_line_error(&pull(&a.url, &bad));
    assert!(err.contains("401"), "{err}");
    assert!(!err.contains("not-a-token"), "the token is never printed");
    let err = one_line_error(&pull(&a.url, &a.dir.path().join("missing.token")));
    assert!(err.contains("cannot read the token file"), "{err}");
    let err = one_line_error(&pull("ftp://example.org", &token_file));
    assert!(err.contains("http://"), "{err}");
    // A partner of psoriasis may not push to general.
    let file = a.dir.path().join("one.ndjson");
    std::fs::write(&file, line("k", 1)).unwrap();
    let out = a.cli().args(["sync", "push", "--to", &a.url, "--token-file"]).arg(&token_file).args(["--registry", "general", "--file"]).arg(&file).output().unwrap();
    assert!(one_line_error(&out).contains("403"));
}

/// A batch whose server is killed (SIGKILL) while it works leaves all of it or none of it; sending
/// it again then completes it, and nothing twice.
#[test]
fn a_batch_killed_half_way_is_all_or_nothing() {
    use std::io::Write;
    for postgres in [false, true] {
        if postgres && postgres_url().is_none() {
            continue;
        }
        let mut a = Instance::start(postgres);
        let (token, _) = a.token("partner-k", "partner");
        let body: String = (0..1000).map(|i| line(&format!("kill-{i}"), i % 50) + "\n").collect();
        let host = a.url.trim_start_matches("http://").to_owned();
        let mut socket = std::net::TcpStream::connect(&host).unwrap();
        let head = format!(
            "POST /v1/registries/psoriasis/cases:batch HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {token}\r\n\
             Content-Type: application/x-ndjson\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        );
        socket.write_all(head.as_bytes()).unwrap();
        socket.write_all(body.as_bytes()).unwrap();
        a.kill_and_restart();
        let stored = a.psoriasis_cases();
        assert!(stored == 0 || stored == 1000, "{stored} of 1000 cases survived the kill (postgres: {postgres})");
        let r = a.http.post(format!("{}/v1/registries/psoriasis/cases:batch", a.url)).bearer_auth(&token)
            .header("Content-Type", "application/x-ndjson").body(body).send().unwrap();
        assert_eq!(r.status(), 200);
        let answer: Value = serde_json::from_str(&r.text().unwrap()).unwrap();
        let expected = if stored == 0 { "created" } else { "unchanged" };
        assert!(answer["items"].as_array().unwrap().iter().all(|i| i["status"] == expected), "postgres: {postgres}");
        assert_eq!(a.psoriasis_cases(), 1000);
    }
}
