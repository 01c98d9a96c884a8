//! The real binary: user add, token issue and revoke, migrate, and a bad setting's one-line error.

use std::io::Write;
use std::process::{Command, Stdio};

fn dermreg(data_dir: &std::path::Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dermreg"));
    c.env_clear().env("DERMREG_DATA_DIR", data_dir).env("DERMREG_LOG", "warn").env("PATH", std::env::var("PATH").unwrap_or_default());
    c
}

#[test]
fn migrate_user_add_token_issue_and_revoke() {
    let dir = tempfile::tempdir().unwrap();
    let out = dermreg(dir.path()).arg("migrate").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let mut child = dermreg(dir.path())
        .args(["user", "add", "--username", "curator1", "--role", "curator", "--registries", "psoriasis,general"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"a very long password\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("a very long password"));

    let out = dermreg(dir.path())
        .args(["token", "issue", "--subject", "partner-a", "--role", "partner", "--registries", "psoriasis", "--ttl", "30d"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let token = String::from_utf8(out.stdout).unwrap();
    let token = token.trim();
    assert_eq!(token.split('.').count(), 3, "only the token is printed");

    let out = dermreg(dir.path()).args(["token", "revoke", "--jti", "0000-some-id"]).output().unwrap();
    assert!(out.status.success());

    // A bad role is a usage error naming the flag's rule.
    let out = dermreg(dir.path()).args(["token", "issue", "--subject", "x", "--role", "wizard"]).output().unwrap();
    assert!(!out.status.success());
    // The secret was generated with mode 0600 and never printed.
    let secret = std::fs::read_to_string(dir.path().join("jwt.secret")).unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains(secret.trim()));
}

#[test]
fn bad_setting_stops_with_one_line_naming_the_variable() {
    let dir = tempfile::tempdir().unwrap();
    let out = dermreg(dir.path()).env("DERMREG_BIND", "not-an-address").arg("migrate").output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("DERMREG_BIND"), "{err}");
    assert!(!err.contains("not-an-address"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}

/// `dermreg` with no subcommand serves; SIGTERM stops it cleanly.
#[test]
fn serves_and_stops_gracefully_on_sigterm() {
    use std::io::{Read, Write};
    use std::net::TcpStream;
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut child = dermreg(dir.path()).env("DERMREG_BIND", format!("127.0.0.1:{port}")).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
    // Poll until it listens (bounded: 20 s).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let answer = loop {
        if let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)) {
            s.write_all(b"GET /health/ready HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").unwrap();
            let mut text = String::new();
            s.read_to_string(&mut text).unwrap();
            break text;
        }
        assert!(std::time::Instant::now() < deadline, "the server did not start");
        std::thread::yield_now();
    };
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    let ok = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(ok.success());
    let status = child.wait().unwrap();
    assert!(status.success(), "graceful shutdown exits 0: {status:?}");
}
