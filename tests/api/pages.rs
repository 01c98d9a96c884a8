//! The pages as served (the browser tests in tests/browser/ drive them): security headers, no inline
//! script or style, cached assets, and a dashboard that shows what the latest release publishes.

use dermreg::auth::Role;
use dermreg::registry::Registry;
use serde_json::json;

use crate::both_dbs;

both_dbs!(pages_carry_the_security_headers_and_assets_are_cached, |app| {
    let handler_attribute = regex::Regex::new(r"\son[a-z]+=").unwrap();
    for path in ["/", "/submit"] {
        let r = app.get(path, None).await;
        assert_eq!(r.status, 200, "{path}");
        assert_eq!(r.header("content-type").as_deref(), Some("text/html; charset=utf-8"));
        assert_eq!(r.header("content-security-policy").as_deref(), Some(dermreg::web::CSP));
        assert!(dermreg::web::CSP.contains("script-src 'self'") && !dermreg::web::CSP.contains("unsafe"));
        assert_eq!(r.header("x-content-type-options").as_deref(), Some("nosniff"));
        assert_eq!(r.header("x-frame-options").as_deref(), Some("DENY"));
        assert_eq!(r.header("referrer-policy").as_deref(), Some("no-referrer"));
        let html = r.text();
        // The CSP forbids inline script and style: the pages must not need them.
        assert!(!html.contains("<script>") && !html.contains("<style") && !html.contains("style="), "{path}");
        assert!(!handler_attribute.is_match(&html), "{path}: no event handler attributes");
        let elsewhere = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        assert!(!elsewhere.contains("http://") && !elsewhere.contains("https://") && !elsewhere.contains("//cdn"), "{path}: nothing from elsewhere");
    }
    let page = app.get("/submit", None).await.text();
    let script = page.split("<script src=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    assert!(script.starts_with("/static/submit.js?v="), "{script}");
    let js = app.get(&script, None).await;
    assert_eq!(js.status, 200);
    assert_eq!(js.header("content-type").as_deref(), Some("text/javascript; charset=utf-8"));
    assert_eq!(js.header("x-content-type-options").as_deref(), Some("nosniff"));
    assert!(js.header("cache-control").unwrap().contains("immutable"));
    assert!(!js.text().contains("localStorage.setItem"), "the token and the draft never go to localStorage");
    let etag = js.header("etag").unwrap();
    assert!(script.ends_with(etag.trim_matches('"')), "the URL names the version");
    let again = app.send(actix_web::test::TestRequest::get().uri(&script).insert_header(("If-None-Match", etag.as_str()))).await;
    assert_eq!(again.status, 304);
    app.get("/static/nothing.js", None).await.assert_problem(404);
});

both_dbs!(dashboard_shows_the_latest_release_and_its_suppressed_cells, |app| {
    let empty = app.get("/", None).await.text();
    assert_eq!(empty.matches("No release has been published for this registry yet.").count(), 3);
    dermreg::registry::seed::load(&app.state, Registry::Psoriasis, 300, 5, "seed").unwrap();
    let curator = app.token("cur", Role::Curator, &[Registry::Psoriasis]);
    let release = app.post_json("/v1/summaries/psoriasis/releases", Some(&curator), &json!({})).await.json();
    let id = release["release"]["id"].as_str().unwrap();

    let page = app.get("/", None).await.text();
    assert_eq!(page.matches("No release has been published for this registry yet.").count(), 2);
    assert!(page.contains(&format!("/v1/summaries/psoriasis/releases/{id}.zip")));
    assert!(page.contains(&format!("k = {}", release["release"]["k"])));
    assert!(page.contains("<dd>300</dd>") && page.contains("CC-BY-4.0"));
    // Every country the release publishes is on the page, its count or "suppressed" beside it.
    let countries = release["tables"].as_array().unwrap().iter().find(|t| t["id"] == "t2_country").unwrap();
    for row in countries["row_totals"].as_array().unwrap() {
        let shown = match row["count"].as_u64() {
            Some(n) => n.to_string(),
            None => "<span class=\"supp\">suppressed</span>".into(),
        };
        let cell = format!("<th scope=\"row\">{}</th><td class=\"num\">{shown}</td>", row["row_label"].as_str().unwrap());
        assert!(page.contains(&cell), "missing {cell}");
    }
    assert!(page.contains("<span class=\"supp\">suppressed</span>"), "the release has suppressed cells and the page says so");
    assert!(page.matches("<svg class=\"chart\"").count() >= 4);
});
