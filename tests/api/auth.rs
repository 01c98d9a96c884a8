//! Login, tokens, roles: 401 for every kind of bad token, 403 for a good token without the right.

use std::time::Duration;

use dermreg::auth::{Keys, Role};
use dermreg::registry::Registry;
use serde_json::json;

use crate::both_dbs;
use crate::helpers::*;

const PASSWORD: &str = "a long enough password";

both_dbs!(login_issues_a_working_token, |app| {
    app.add_user("admin1", PASSWORD, Role::Admin, &[]);
    let r = app.post_json("/v1/auth/token", None, &json!({"username": "admin1", "password": PASSWORD})).await;
    assert_eq!(r.status, 200, "{}", r.text());
    let body = r.json();
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["role"], "admin");
    let token = body["access_token"].as_str().unwrap();
    let audit = app.get("/v1/audit", Some(token)).await;
    assert_eq!(audit.status, 200, "{}", audit.text());
    let items = audit.json()["items"].as_array().unwrap().clone();
    assert!(items.iter().any(|i| i["action"] == "login" && i["actor"] == "admin1"), "{items:?}");
});

both_dbs!(wrong_password_is_401_and_repeated_failures_429, |app| {
    app.add_user("clin", PASSWORD, Role::Clinician, &[Registry::General]);
    for _ in 0..5 {
        let r = app.post_json("/v1/auth/token", None, &json!({"username": "clin", "password": "wrong-password"})).await;
        let p = r.assert_problem(401);
        assert!(!r.text().contains("wrong-password"), "{p}");
    }
    let r = app.post_json("/v1/auth/token", None, &json!({"username": "clin", "password": PASSWORD})).await;
    r.assert_problem(429);
    assert!(r.header("retry-after").unwrap().parse::<u64>().unwrap() > 0);
    // The counter is per username: others log in as usual.
    app.add_user("other", PASSWORD, Role::Clinician, &[Registry::General]);
    let r = app.post_json("/v1/auth/token", None, &json!({"username": "other", "password": PASSWORD})).await;
    assert_eq!(r.status, 200);
});

both_dbs!(unknown_user_is_401, |app| {
    app.post_json("/v1/auth/token", None, &json!({"username": "nobody", "password": PASSWORD})).await.assert_problem(401);
});

both_dbs!(roles_401_and_403, |app| {
    // No token.
    let r = app.get("/v1/audit", None).await;
    r.assert_problem(401);
    assert_eq!(r.header("www-authenticate").as_deref(), Some("Bearer"));
    // Each role that is not admin is forbidden from the audit log; admin may read it.
    for role in [Role::Clinician, Role::Curator, Role::Partner] {
        let t = app.token("someone", role, &Registry::ALL);
        app.get("/v1/audit", Some(&t)).await.assert_problem(403);
    }
    let t = app.token("root", Role::Admin, &[]);
    assert_eq!(app.get("/v1/audit", Some(&t)).await.status, 200);
});

fn forge(claims: &serde_json::Value, header: &serde_json::Value, key: &[u8]) -> String {
    use jsonwebtoken::{encode, EncodingKey, Header};
    let mut h = Header::new(serde_json::from_value(header["alg"].clone()).unwrap());
    h.typ = Some("JWT".into());
    encode(&h, claims, &EncodingKey::from_secret(key)).unwrap()
}

fn claims(iss: &str, aud: &str, exp_offset: i64) -> serde_json::Value {
    let now = chrono::Utc::now().timestamp();
    json!({"sub": "mallory", "role": "admin", "registries": [], "iat": now, "exp": now + exp_offset,
           "jti": uuid::Uuid::now_v7().to_string(), "iss": iss, "aud": aud})
}

both_dbs!(bad_tokens_are_401, |app| {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let good = app.token("root", Role::Admin, &[]);
    assert_eq!(app.get("/v1/audit", Some(&good)).await.status, 200);
    let secret = std::fs::read(app.data_dir.path().join("jwt.secret")).unwrap();

    // alg: none
    let payload = good.split('.').nth(1).unwrap();
    let none = format!("{}.{}.", b64.encode(r#"{"alg":"none","typ":"JWT"}"#), payload);
    // tampered signature / payload
    let mut parts: Vec<String> = good.split('.').map(str::to_owned).collect();
    let mut sig = b64.decode(&parts[2]).unwrap();
    sig[0] ^= 1;
    parts[2] = b64.encode(sig);
    let tampered_sig = parts.join(".");
    let mut claims_json: serde_json::Value = serde_json::from_slice(&b64.decode(payload).unwrap()).unwrap();
    claims_json["sub"] = json!("someone-else");
    let tampered_payload = format!(
        "{}.{}.{}",
        good.split('.').next().unwrap(),
        b64.encode(claims_json.to_string()),
        good.split('.').nth(2).unwrap()
    );
    let hs = json!({"alg": "HS256"});
    let wrong_iss = forge(&claims("elsewhere", "dermreg", 600), &hs, &secret);
    let wrong_aud = forge(&claims("dermreg", "elsewhere", 600), &hs, &secret);
    let expired = forge(&claims("dermreg", "dermreg", -3600), &hs, &secret);
    let wrong_alg = forge(&claims("dermreg", "dermreg", 600), &json!({"alg": "HS512"}), &secret);
    let other_secret = forge(&claims("dermreg", "dermreg", 600), &hs, b"not-the-secret-not-the-secret-xx");
    for (what, token) in [
        ("alg none", none),
        ("tampered signature", tampered_sig),
        ("tampered payload", tampered_payload),
        ("wrong iss", wrong_iss),
        ("wrong aud", wrong_aud),
        ("expired", expired),
        ("HS512", wrong_alg),
        ("other secret", other_secret),
        ("garbage", "abc.def.ghi".to_string()),
    ] {
        let r = app.get("/v1/audit", Some(&token)).await;
        assert_eq!(r.status, 401, "{what}: {}", r.text());
        r.assert_problem(401);
    }
    // Forged with the right secret and claims, it is accepted: the checks above are what failed.
    let ok = forge(&claims("dermreg", "dermreg", 600), &hs, &secret);
    assert_eq!(app.get("/v1/audit", Some(&ok)).await.status, 200);
});

both_dbs!(revoked_token_is_401, |app| {
    let token = app.token("root", Role::Admin, &[]);
    assert_eq!(app.get("/v1/audit", Some(&token)).await.status, 200);
    let jti = app.state.keys.verify(&token).unwrap().jti;
    app.state.db.write_blocking(|c| dermreg::auth::store::revoke(c, &jti)).unwrap();
    let r = app.get("/v1/audit", Some(&token)).await;
    r.assert_problem(401);
    assert!(r.text().contains("revoked"));
    // A submission checks revocation inside its own transaction: refused, and nothing is stored.
    let clinician = app.token("dr-gone", Role::Clinician, &[Registry::Psoriasis]);
    let jti = app.state.keys.verify(&clinician).unwrap().jti;
    app.state.db.write_blocking(|c| dermreg::auth::store::revoke(c, &jti)).unwrap();
    let form = crate::cases::example(Registry::Psoriasis);
    let r = app.post_json("/v1/registries/psoriasis/cases", Some(&clinician), &form).await;
    r.assert_problem(401);
    assert!(r.text().contains("revoked"));
    let curator = app.token("curator", Role::Curator, &[Registry::Psoriasis]);
    assert_eq!(app.get("/v1/cases", Some(&curator)).await.json()["items"], json!([]));
});

/// An external identity provider's key pair, made with the openssl command.
fn keypair(kind: &str) -> (tempfile::TempDir, Vec<u8>, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let private = dir.path().join("private.pem");
    let public = dir.path().join("public.pem");
    let args: &[&str] = match kind {
        "ec" => &["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"],
        _ => &["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"],
    };
    let ok = std::process::Command::new("openssl").args(args).arg("-out").arg(&private).status().unwrap();
    assert!(ok.success());
    let ok = std::process::Command::new("openssl")
        .args(["pkey", "-pubout", "-in"])
        .arg(&private)
        .arg("-out")
        .arg(&public)
        .status()
        .unwrap();
    assert!(ok.success());
    let pem = std::fs::read(&private).unwrap();
    (dir, pem, public)
}

#[actix_web::test]
async fn external_provider_tokens_and_algorithm_confusion() {
    use jsonwebtoken::{encode, Algorithm, EncodingKey, Header};
    for kind in ["rsa", "ec"] {
        let (_dir, private, public) = keypair(kind);
        let public_path = public.clone();
        let app = TestApp::with_settings(Backend::Sqlite, move |s| {
            s.jwt_public_key_file = Some(public_path);
            s.jwt_external_issuer = Some("https://idp.invalid".into());
        })
        .await;
        let (alg, key) = match kind {
            "ec" => (Algorithm::ES256, EncodingKey::from_ec_pem(&private).unwrap()),
            _ => (Algorithm::RS256, EncodingKey::from_rsa_pem(&private).unwrap()),
        };
        let good = encode(&Header::new(alg), &claims("https://idp.invalid", "dermreg", 600), &key).unwrap();
        assert_eq!(app.get("/v1/audit", Some(&good)).await.status, 200, "{kind} token of the provider");
        // The provider's key but our issuer name: refused (issuers are pinned per key).
        let wrong_iss = encode(&Header::new(alg), &claims("dermreg", "dermreg", 600), &key).unwrap();
        app.get("/v1/audit", Some(&wrong_iss)).await.assert_problem(401);
        // HS256 "signed" with the public key as the secret: the classic confusion attack.
        let public_pem = std::fs::read(&public).unwrap();
        let confused = forge(&claims("https://idp.invalid", "dermreg", 600), &json!({"alg": "HS256"}), &public_pem);
        app.get("/v1/audit", Some(&confused)).await.assert_problem(401);
    }
    // Without an external key configured, an RS256 token is refused outright.
    let (_dir, private, _public) = keypair("rsa");
    let app = TestApp::spawn(Backend::Sqlite).await;
    let key = EncodingKey::from_rsa_pem(&private).unwrap();
    let rs = encode(&Header::new(Algorithm::RS256), &claims("dermreg", "dermreg", 600), &key).unwrap();
    app.get("/v1/audit", Some(&rs)).await.assert_problem(401);
}

#[test]
fn keys_are_pinned_to_their_issuer() {
    let keys = Keys::new(b"0123456789abcdef0123456789abcdef", "dermreg", "dermreg");
    let (t, _) = keys.issue("a", Role::Clinician, &[Registry::General], Duration::from_secs(60));
    assert!(keys.verify(&t).is_ok());
}

#[actix_web::test]
async fn each_token_has_a_request_budget() {
    let app = TestApp::with_settings(Backend::Sqlite, |s| s.rate_limit_per_minute = 3).await;
    let token = app.token("root", Role::Admin, &[]);
    for _ in 0..3 {
        assert_eq!(app.get("/v1/audit", Some(&token)).await.status, 200);
    }
    let r = app.get("/v1/audit", Some(&token)).await;
    r.assert_problem(429);
    assert!(r.header("retry-after").unwrap().parse::<u64>().unwrap() >= 1);
    // Another token has its own budget.
    let other = app.token("root2", Role::Admin, &[]);
    assert_eq!(app.get("/v1/audit", Some(&other)).await.status, 200);
}

both_dbs!(logout_revokes_the_presented_token_only, |app| {
    app.add_user("clin", PASSWORD, Role::Clinician, &[Registry::Psoriasis]);
    let credentials = json!({"username": "clin", "password": PASSWORD});
    let first = app.post_json("/v1/auth/token", None, &credentials).await.json()["access_token"].as_str().unwrap().to_owned();
    let second = app.post_json("/v1/auth/token", None, &credentials).await.json()["access_token"].as_str().unwrap().to_owned();
    assert_eq!(app.get("/v1/cases", Some(&first)).await.status, 200);

    let r = app.post_json("/v1/auth/logout", Some(&first), &json!({})).await;
    assert_eq!(r.status, 204, "{}", r.text());
    let p = app.get("/v1/cases", Some(&first)).await.assert_problem(401);
    assert!(p["type"].as_str().unwrap().ends_with("token-revoked"), "{p}");
    // Signing out twice, or without a token, is 401: nothing to revoke.
    app.post_json("/v1/auth/logout", Some(&first), &json!({})).await.assert_problem(401);
    app.post_json("/v1/auth/logout", None, &json!({})).await.assert_problem(401);
    // Another session of the same account is untouched.
    assert_eq!(app.get("/v1/cases", Some(&second)).await.status, 200);
    let admin = app.token("root", Role::Admin, &[]);
    let audit = app.get("/v1/audit", Some(&admin)).await.json();
    let logouts = audit["items"].as_array().unwrap().iter().filter(|i| i["action"] == "logout" && i["actor"] == "clin").count();
    assert_eq!(logouts, 1, "{audit}");
});
