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
