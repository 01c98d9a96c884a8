//! Problems for every error, limits, health, metrics, the OpenAPI contract and its drift test.

use actix_web::http::Method;
use actix_web::test::TestRequest;
use serde_json::json;

use crate::both_dbs;
use crate::helpers::*;

both_dbs!(unknown_route_is_a_problem, |app| {
    let r = app.get("/v1/nothing-here", None).await;
    r.assert_problem(404);
    assert!(r.header("x-request-id").is_some());
});

both_dbs!(malformed_json_is_400, |app| {
    let req = TestRequest::post()
        .uri("/v1/auth/token")
        .insert_header(("content-type", "application/json"))
        .set_payload(r#"{"username": "a", "#);
    app.send(req).await.assert_problem(400);
});

both_dbs!(wrong_shape_is_400_without_echoing_values, |app| {
    let req = TestRequest::post()
        .uri("/v1/auth/token")
        .insert_header(("content-type", "application/json"))
        .set_payload(r#"{"username": 12345, "password": "SecretValue-77"}"#);
    let r = app.send(req).await;
    r.assert_problem(400);
    assert!(!r.text().contains("SecretValue-77") && !r.text().contains("12345"));
});

both_dbs!(oversize_body_is_413, |app| {
    let big = "x".repeat(300 * 1024);
    let req = TestRequest::post()
        .uri("/v1/auth/token")
        .insert_header(("content-type", "application/json"))
        .set_payload(format!(r#"{{"username": "{big}", "password": "p"}}"#));
    app.send(req).await.assert_problem(413);
});

both_dbs!(wrong_content_type_is_415, |app| {
    let req = TestRequest::post()
        .uri("/v1/auth/token")
        .insert_header(("content-type", "text/plain"))
        .set_payload(r#"{"username": "a", "password": "b"}"#);
    app.send(req).await.assert_problem(415);
});

both_dbs!(health_and_metrics, |app| {
    let live = app.get("/health/live", None).await;
    assert_eq!(live.status, 200);
    assert_eq!(live.json(), json!({"status": "ok"}));
    let ready = app.get("/health/ready", None).await;
    assert_eq!(ready.status, 200);
    app.get("/v1/nowhere", None).await;
    let metrics = app.get("/metrics", None).await;
    assert_eq!(metrics.status, 200);
    let text = metrics.text();
    assert!(text.contains(r#"dermreg_http_requests_total{method="GET",route="/health/ready",status="200"} 1"#), "{text}");
    assert!(text.contains(r#"route="unmatched",status="404""#), "{text}");
    assert!(text.contains("dermreg_http_request_duration_seconds_bucket"), "{text}");
    assert!(!text.contains("/v1/nowhere"), "metrics must carry route templates only");
});

#[actix_web::test]
async fn openapi_served_equals_committed_file() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let served = app.get("/openapi.yaml", None).await;
    assert_eq!(served.status, 200);
    let committed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/openapi.yaml")).unwrap_or_default();
    assert!(
        served.text() == committed,
        "openapi.yaml is out of date with the code: regenerate it with `cargo run -- openapi > openapi.yaml`"
    );
    let docs = app.get("/docs", None).await;
    assert_eq!(docs.status, 200);
    let html = docs.text();
    assert!(html.contains("/v1/auth/token") && html.contains("problem-validation"));
    assert!(!html.contains("http://") && !html.contains("https://"), "the docs page must not load anything from outside");
}

both_dbs!(wrong_method_is_a_problem, |app| {
    let r = app.send(TestRequest::put().uri("/v1/cases/01a20af5-30f2-77bb-a403-fdcbf0ce652b")).await;
    r.assert_problem(405);
});

// An address the contract names, with a method it does not: 405 and the methods it takes.
both_dbs!(undeclared_methods_are_405_with_allow, |app| {
    let r = app.send(TestRequest::default().method(Method::TRACE).uri("/health/live")).await;
    r.assert_problem(405);
    assert_eq!(r.header("allow").as_deref(), Some("GET"));
    let r = app.send(TestRequest::delete().uri("/v1/registries/psoriasis/cases")).await;
    r.assert_problem(405);
    assert_eq!(r.header("allow").as_deref(), Some("POST"));
    let r = app.send(TestRequest::put().uri("/v1/cases/0193b5e0-0000-7000-8000-000000000000")).await;
    assert_eq!(r.header("allow").as_deref(), Some("GET, PATCH, DELETE"));
    app.get("/v1/nothing/here", None).await.assert_problem(404);
    // The bounds the document declares are enforced, not silently clamped.
    let curator = app.token("c", dermreg::auth::Role::Curator, &dermreg::registry::Registry::ALL);
    app.get("/v1/cases?limit=1001", Some(&curator)).await.assert_problem(400);
    app.get("/v1/cases?limit=0", Some(&curator)).await.assert_problem(400);
    app.get("/v1/summaries/compare?a=", None).await.assert_problem(400);
});
