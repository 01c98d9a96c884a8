//! A national deployment: two `dermreg serve` processes on one PostgreSQL database. What must hold
//! across them lives in the database: idempotency keys, revoked tokens, failed-login limits, releases.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Barrier};

use serde_json::{json, Value};

use crate::cases::example;
use crate::helpers::postgres_url;
use dermreg::registry::Registry;

const JWT_SECRET: &str = "instances-test-jwt-secret-0123456789abcdef";
const RECORD_SECRET: &str = "instances-test-record-secret-0123456789abcd";

/// One running instance; stopped when dropped.
struct Instance {
    child: Child,
    port: u16,
    _dir: tempfile::TempDir,
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn dermreg(url: &str, dir: &std::path::Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dermreg"));
    c.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("DERMREG_DATA_DIR", dir)
        .env("DERMREG_DATABASE_URL", url)
        .env("DERMREG_JWT_SECRET", JWT_SECRET)
        .env("DERMREG_RECORD_KEY_SECRET", RECORD_SECRET)
        .env("DERMREG_POOL_SIZE", "4")
        .env("DERMREG_LOG", "warn");
    c
}

/// Starts an instance; it migrates the database (instances started together take turns).
fn spawn(url: &str) -> Instance {
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let child = dermreg(url, dir.path())
        .env("DERMREG_BIND", format!("127.0.0.1:{port}"))
        .arg("serve")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    Instance { child, port, _dir: dir }
}

/// Polls until the instance answers ready (bounded: 30 s).
fn wait_ready(instance: &mut Instance) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while http(instance.port, "GET", "/health/ready", &[], None).map(|r| r.0) != Some(200) {
        assert!(instance.child.try_wait().unwrap().is_none(), "an instance exited at start");
        assert!(std::time::Instant::now() < deadline, "an instance did not start");
        std::thread::yield_now();
    }
}

/// A minimal HTTP/1.1 exchange: (status, headers in lower case, body).
fn http(port: u16, method: &str, path: &str, headers: &[(&str, &str)], body: Option<&Value>) -> Option<(u16, String, Value)> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: {}\r\n", body.len());
    if !body.is_empty() {
        req.push_str("Content-Type: application/json\r\n");
    }
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    req.push_str(&body);
    s.write_all(req.as_bytes()).ok()?;
    let mut raw = String::new();
    s.read_to_string(&mut raw).ok()?;
    let (head, body) = raw.split_once("\r\n\r\n")?;
    let status = head.split(' ').nth(1)?.parse().ok()?;
    // Bodies may be chunked: take the JSON between the first '{' and the last '}'.
    let json = match (body.find('{'), body.rfind('}')) {
        (Some(a), Some(b)) => serde_json::from_str(&body[a..=b]).unwrap_or(Value::Null),
        _ => Value::Null,
    };
    Some((status, head.to_lowercase(), json))
}

fn issue(url: &str, role: &str, registries: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = dermreg(url, dir.path())
        .args(["token", "issue", "--subject", &format!("{role}-x"), "--role", role, "--registries", registries])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

#[test]
fn two_instances_share_keys_revocations_login_limits_and_releases() {
    let Some(base) = postgres_url() else {
        eprintln!("skipping: two instances need PostgreSQL (DERMREG_TEST_POSTGRES_URL is not set)");
        return;
    };
    let schema = format!("inst_{}", uuid::Uuid::now_v7().simple());
    {
        use diesel::{Connection, PgConnection, RunQueryDsl};
        let mut c = PgConnection::establish(&base).unwrap();
        diesel::sql_query(format!("CREATE SCHEMA {schema}")).execute(&mut c).unwrap();
    }
    let sep = if base.contains('?') { '&' } else { '?' };
    let url = format!("{base}{sep}options=-csearch_path%3D{schema}");
    // Both start at once on an empty database: one applies the migrations, the other waits for it.
    let (mut a, mut b) = (spawn(&url), spawn(&url));
    wait_ready(&mut a);
    wait_ready(&mut b);
    let token = issue(&url, "clinician", "psoriasis");
    let auth = format!("Bearer {token}");

    // 1. The same Idempotency-Key sent at the same moment to both: one case, and both callers get it.
    for round in 0..8 {
        let key = format!("visit-{round}");
        let gate = Arc::new(Barrier::new(2));
        let answers: Vec<_> = [a.port, b.port]
            .into_iter()
            .map(|port| {
                let (gate, auth, key) = (gate.clone(), auth.clone(), key.clone());
                std::thread::spawn(move || {
                    gate.wait();
                    let headers = [("Authorization", auth.as_str()), ("Idempotency-Key", key.as_str())];
                    http(port, "POST", "/v1/registries/psoriasis/cases", &headers, Some(&example(Registry::Psoriasis))).unwrap()
                })
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|t| t.join().unwrap())
            .collect();
        for (status, _, body) in &answers {
            assert_eq!(*status, 201, "round {round}: {body}");
        }
        assert_eq!(answers[0].2["id"], answers[1].2["id"], "round {round}: both callers end with the same case");
    }
    let (_, _, listed) = http(a.port, "GET", "/v1/cases?limit=1000", &[("Authorization", &auth)], None).unwrap();
    assert_eq!(listed["items"].as_array().unwrap().len(), 8, "one case per key");

    // 2. A token revoked through one instance's database is refused by the other at once.
    let victim = issue(&url, "clinician", "psoriasis");
    let jti = {
        use base64::Engine;
        let claims = victim.split('.').nth(1).unwrap();
        let claims: Value = serde_json::from_slice(&base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(claims).unwrap()).unwrap();
        claims["jti"].as_str().unwrap().to_owned()
    };
    let victim_auth = format!("Bearer {victim}");
    assert_eq!(http(b.port, "GET", "/v1/cases", &[("Authorization", &victim_auth)], None).unwrap().0, 200);
    let dir = tempfile::tempdir().unwrap();
    assert!(dermreg(&url, dir.path()).args(["token", "revoke", "--jti", &jti]).output().unwrap().status.success());
    for port in [a.port, b.port] {
        assert_eq!(http(port, "GET", "/v1/cases", &[("Authorization", &victim_auth)], None).unwrap().0, 401);
    }

    // 3. Failed logins count across instances: five wrong passwords spread over both, then both refuse.
    let mut add = dermreg(&url, dir.path())
        .args(["user", "add", "--username", "dr-spread", "--role", "clinician", "--registries", "psoriasis"])
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    add.stdin.take().unwrap().write_all(b"the right long password\n").unwrap();
    assert!(add.wait().unwrap().success());
    let login = |port, password: &str| http(port, "POST", "/v1/auth/token", &[], Some(&json!({"username": "dr-spread", "password": password}))).unwrap();
    for i in 0..5 {
        let port = if i % 2 == 0 { a.port } else { b.port };
        assert_eq!(login(port, "a wrong password!").0, 401);
    }
    for port in [a.port, b.port] {
        let (status, head, _) = login(port, "the right long password");
        assert_eq!(status, 429);
        assert!(head.contains("retry-after:"));
    }

    // 4. A release made through one instance is the latest on the other.
    let curator = format!("Bearer {}", issue(&url, "curator", "psoriasis"));
    let (status, _, made) = http(a.port, "POST", "/v1/summaries/psoriasis/releases", &[("Authorization", &curator)], None).unwrap();
    assert_eq!(status, 201, "{made}");
    assert!(made["release"]["id"].is_string(), "{made}");
    let (status, _, latest) = http(b.port, "GET", "/v1/summaries/psoriasis", &[], None).unwrap();
    assert_eq!(status, 200);
    assert_eq!(latest["release"]["id"], made["release"]["id"], "{latest}");

    drop((a, b));
    use diesel::{Connection, PgConnection, RunQueryDsl};
    let mut c = PgConnection::establish(&base).unwrap();
    diesel::sql_query(format!("DROP SCHEMA {schema} CASCADE")).execute(&mut c).unwrap();
}
