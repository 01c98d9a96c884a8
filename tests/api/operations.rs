//! What an operator relies on: online backups of the embedded database.

use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use dermreg::auth::Role;
use dermreg::registry::Registry;

use crate::cases::example;
use crate::helpers::*;

/// `dermreg backup` runs as its own process while the service keeps writing; a service started on
/// the copy serves every case acknowledged before the backup began, and only whole cases.
#[actix_web::test]
async fn backup_while_writing_keeps_every_acknowledged_case() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    // Enough data that the copy takes a while, so that writes really run beside it.
    dermreg::registry::seed::load(&app.state, Registry::Psoriasis, 3000, 1, "seed").unwrap();
    let clinician = app.token("dr-backup", Role::Clinician, &[Registry::Psoriasis]);
    let submit = || async {
        let r = app.post_json("/v1/registries/psoriasis/cases", Some(&clinician), &example(Registry::Psoriasis)).await;
        assert_eq!(r.status, 201, "{}", r.text());
        r.json()["id"].as_str().unwrap().to_owned()
    };
    let mut before = Vec::new();
    for _ in 0..20 {
        before.push(submit().await);
    }

    let copy = app.data_dir.path().join("backups").join("dermreg-copy.db");
    std::fs::create_dir_all(copy.parent().unwrap()).unwrap();
    let done = Arc::new(AtomicBool::new(false));
    let backup = {
        let (done, copy, dir) = (done.clone(), copy.clone(), app.data_dir.path().to_path_buf());
        std::thread::spawn(move || {
            let out = Command::new(env!("CARGO_BIN_EXE_dermreg"))
                .env_clear()
                .env("DERMREG_DATA_DIR", &dir)
                .env("DERMREG_LOG", "warn")
                .args(["backup", "--to"])
                .arg(&copy)
                .output()
                .unwrap();
            done.store(true, Ordering::SeqCst);
            out
        })
    };
    let mut during = Vec::new();
    while !done.load(Ordering::SeqCst) && during.len() < 5000 {
        during.push(submit().await);
    }
    let out = backup.join().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!during.is_empty(), "the service kept writing during the backup");
    // A second backup never overwrites the first.
    let again = Command::new(env!("CARGO_BIN_EXE_dermreg"))
        .env_clear()
        .env("DERMREG_DATA_DIR", app.data_dir.path())
        .args(["backup", "--to"])
        .arg(&copy)
        .output()
        .unwrap();
    assert!(!again.status.success());
    assert_eq!(String::from_utf8_lossy(&again.stderr).trim().lines().count(), 1);

    // A service on the copy: every case acknowledged before the backup, each whole.
    let url = format!("sqlite://{}", copy.display());
    let restored = TestApp::with_settings(Backend::Sqlite, move |s| s.database_url = url).await;
    let curator = restored.token("curator", Role::Curator, &[Registry::Psoriasis]);
    for id in &before {
        let r = restored.get(&format!("/v1/cases/{id}"), Some(&curator)).await;
        assert_eq!(r.status, 200, "case acknowledged before the backup is missing");
        assert_eq!(r.json()["form"]["psoriasis"]["type"], "plaque");
    }
    let mut listed = 0;
    let mut url = "/v1/cases?registry=psoriasis&limit=1000".to_owned();
    loop {
        let page = restored.get(&url, Some(&curator)).await;
        assert_eq!(page.status, 200, "{}", page.text());
        let body = page.json();
        listed += body["items"].as_array().unwrap().len();
        match body["next"].as_str() {
            Some(n) => url = format!("/v1/cases?registry=psoriasis&limit=1000&after={n}"),
            None => break,
        }
    }
    assert!(listed >= 3000 + before.len() && listed <= 3000 + before.len() + during.len(), "{listed}");
}

#[test]
fn backup_of_postgresql_points_to_pg_dump() {
    let out = Command::new(env!("CARGO_BIN_EXE_dermreg"))
        .env_clear()
        .env("DERMREG_DATABASE_URL", "postgres://nobody@127.0.0.1:1/none")
        .args(["backup", "--to", "/tmp/never-written.db"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("pg_dump"), "{err}");
    assert!(!std::path::Path::new("/tmp/never-written.db").exists());
}
