//! Open-access summaries on seeded data with small cells: releases, suppression, formats, caching,
//! withdrawal, comparison.

use std::io::Read;

use actix_web::http::Method;
use actix_web::test::TestRequest;
use dermreg::auth::Role;
use dermreg::registry::Registry;
use dermreg::summary::disclosure;
use dermreg::summary::compare::Comparison;
use dermreg::summary::release::ReleaseDocument;
use serde_json::Value;

use crate::both_dbs;
use crate::helpers::*;

const K: u64 = 5;

fn seed(app: &TestApp, registry: Registry, count: usize, seed: u64) {
    dermreg::registry::seed::load(&app.state, registry, count, seed, "seed").unwrap();
}

/// Every count-like number in a release document: cells, totals, numerators, denominators.
fn published_counts(v: &Value, out: &mut Vec<u64>) {
    match v {
        Value::Object(map) => {
            for (k, x) in map {
                if matches!(k.as_str(), "count" | "numerator" | "denominator" | "a" | "b") {
                    if let Some(n) = x.as_u64() {
                        out.push(n);
                    }
                }
                published_counts(x, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|x| published_counts(x, out)),
        _ => {}
    }
}

fn assert_no_small_count(document: &Value) {
    let mut counts = vec![];
    published_counts(document, &mut counts);
    assert!(counts.len() > 10, "the document has counts");
    let small: Vec<u64> = counts.into_iter().filter(|n| (1..K).contains(n)).collect();
    assert!(small.is_empty(), "small counts published: {small:?}");
}

fn assert_no_small_count_in_csv(csv: &str) -> usize {
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let at = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (count, denominator, status) = (at("count"), at("denominator"), at("status"));
    let mut rows = 0;
    for line in lines {
        // Labels have no commas in these registries' tables; a quoted field would shift columns.
        let f: Vec<&str> = line.split(',').collect();
        assert_eq!(f.len(), header.len(), "{line}");
        for i in [count, denominator] {
            if let Ok(n) = f[i].parse::<u64>() {
                assert!(!(1..K).contains(&n), "small count in CSV: {line}");
            }
        }
        if f[status] == "suppressed" {
            assert!(f[count].is_empty(), "{line}");
        }
        rows += 1;
    }
    rows
}

both_dbs!(a_release_is_safe_consistent_and_immutable, |app| {
    seed(&app, Registry::Psoriasis, 400, 3);
    let curator = app.token("cur", Role::Curator, &[Registry::Psoriasis]);
    app.get("/v1/summaries/psoriasis", None).await.assert_problem(404);
    let r = app.post_json("/v1/summaries/psoriasis/releases", Some(&curator), &serde_json::json!({})).await;
    assert_eq!(r.status, 201, "{}", r.text());
    let doc = r.json();
    let id = doc["release"]["id"].as_str().unwrap().to_owned();
    assert_eq!(r.header("location").unwrap(), format!("/v1/summaries/psoriasis/releases/{id}"));
    // The typed document reads it, and writes it byte for byte as a JSON map (sorted keys: how the
    // first releases were written) would: a document's bytes do not depend on the code that wrote it.
    let typed: ReleaseDocument = serde_json::from_str(&r.text()).unwrap();
    assert_eq!(typed.release.id.as_deref(), Some(id.as_str()));
    assert_eq!(serde_json::to_string(&typed).unwrap(), r.text());
    assert_eq!(serde_json::to_value(&typed).unwrap().to_string(), r.text());
    assert_eq!(doc["release"]["n"], 400);
    assert_eq!(doc["release"]["k"], K);
    for guarantee in ["no_exact_disclosure", "interval_protection", "no_differencing"] {
        assert_eq!(doc["audit"][guarantee], true, "{}", doc["audit"]);
    }
    assert!(doc["audit"]["hidden_cells"].as_u64().unwrap() > 0, "seeded data has small cells");
    assert_no_small_count(&doc);

    // The latest is the same document, cacheable, with a strong ETag; 304 on revalidation.
    let latest = app.get("/v1/summaries/psoriasis", None).await;
    assert_eq!(latest.status, 200);
    assert_eq!(latest.json(), doc);
    let etag = latest.header("etag").unwrap();
    assert!(etag.starts_with('"') && latest.header("last-modified").is_some());
    assert!(latest.header("cache-control").unwrap().starts_with("public"));
    let again = app.send(TestRequest::get().uri("/v1/summaries/psoriasis").insert_header(("If-None-Match", etag.clone()))).await;
    assert_eq!(again.status, 304);

    // Every published count equals a direct SQL count of the stored cases.
    let sex = doc["tables"].as_array().unwrap().iter().find(|t| t["id"] == "t3_age_band_by_sex").unwrap();
    let direct: Vec<(Option<String>, i64)> = app
        .state
        .db
        .read_blocking(|c| -> Result<_, dermreg::db::DbError> {
            use diesel::prelude::*;
            use dermreg::db::schema::cases;
            Ok(cases::table
                .filter(cases::registry.eq("psoriasis"))
                .filter(cases::withdrawn_at.is_null())
                .group_by(cases::sex)
                .select((cases::sex, diesel::dsl::count_star()))
                .load(c)?)
        })
        .unwrap();
    let mut compared = 0;
    for total in sex["column_totals"].as_array().unwrap() {
        let want = direct.iter().find(|(s, _)| s.as_deref() == total["column"].as_str()).map_or(0, |(_, n)| *n);
        match total["count"].as_u64() {
            Some(n) => {
                assert_eq!(n as i64, want, "sex {}", total["column"]);
                compared += 1;
            }
            None => assert!(total["count"]["suppressed"] == true),
        }
    }
    assert!(compared >= 2);
    // CSV: per table and whole, with Accept or ?format.
    let csv = app.get("/v1/summaries/psoriasis?format=csv", None).await;
    assert_eq!(csv.header("content-type").unwrap(), "text/csv; charset=utf-8");
    assert!(assert_no_small_count_in_csv(&csv.text()) > 100);
    let one = app.send(TestRequest::get().uri("/v1/summaries/psoriasis?table=t3_age_band_by_sex").insert_header(("Accept", "text/csv"))).await;
    assert!(one.text().lines().skip(1).all(|l| l.starts_with("t3_age_band_by_sex,")));
    app.get("/v1/summaries/psoriasis?table=nope&format=csv", None).await.assert_problem(404);

    // The zip: every file, checksums, and a structure from which no hidden cell can be recovered.
    let zip = app.get(&format!("/v1/summaries/psoriasis/releases/{id}.zip"), None).await;
    assert_eq!(zip.status, 200);
    assert_eq!(zip.header("content-type").unwrap(), "application/zip");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip.body.to_vec())).unwrap();
    let mut files = std::collections::HashMap::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).unwrap();
        let mut text = String::new();
        f.read_to_string(&mut text).unwrap();
        files.insert(f.name().to_owned(), text);
    }
    for name in ["datapackage.json", "structure/cells.csv", "structure/relations.csv", "audit.json", "README.md", "MANIFEST.sha256", "tables/t3_age_band_by_sex.csv"] {
        assert!(files.contains_key(name), "{name} missing from the zip");
    }
    for line in files["MANIFEST.sha256"].lines() {
        let (sum, name) = line.split_once("  ").unwrap();
        use sha2::Digest;
        assert_eq!(hex::encode(sha2::Sha256::digest(files[name].as_bytes())), sum, "{name}");
    }
    for (name, text) in &files {
        if name.starts_with("tables/") {
            assert_no_small_count_in_csv(text);
        }
    }
    assert!(files["README.md"].contains("How to cite") && files["README.md"].contains("case series"));
    let package: Value = serde_json::from_str(&files["datapackage.json"]).unwrap();
    assert_eq!(package["licenses"][0]["name"], "CC-BY-4.0");

    // Independent check of the published structure against the true values of the same cut-off.
    let cut_off = chrono::DateTime::parse_from_rfc3339(doc["release"]["cut_off"].as_str().unwrap()).unwrap().naive_utc();
    let truth = dermreg::summary::release::build(&app.state.db, Registry::Psoriasis, cut_off, K).unwrap();
    let published: std::collections::HashMap<String, Option<u64>> = files["structure/cells.csv"]
        .lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f[2].to_owned(), f[3].parse().ok())
        })
        .collect();
    let hidden: Vec<bool> = truth.model.cells.iter().map(|c| published[&c.key].is_none()).collect();
    for (c, h) in truth.model.cells.iter().zip(&hidden) {
        if !h {
            assert_eq!(published[&c.key], Some(c.value), "published {} is its true count", c.key);
        }
    }
    let audit = disclosure::check(&truth.model.cells, &truth.model.relations, &hidden, disclosure::Settings { k: K, min_interval_width: 2 }, None);
    assert!(audit.no_exact_disclosure && audit.interval_protection, "{audit:?}");

    // Releases are listed; a release by id never changes.
    let list = app.get("/v1/summaries/psoriasis/releases", None).await.json();
    assert_eq!(list["items"][0]["id"], id.as_str());
    let by_id = app.get(&format!("/v1/summaries/psoriasis/releases/{id}"), None).await;
    assert!(by_id.header("cache-control").unwrap().contains("immutable"));
    assert_eq!(by_id.json(), doc);
});

both_dbs!(withdrawal_changes_the_next_release_only, |app| {
    seed(&app, Registry::Psoriasis, 300, 5);
    let curator = app.token("cur", Role::Curator, &[Registry::Psoriasis]);
    let first = app.post_json("/v1/summaries/psoriasis/releases", Some(&curator), &serde_json::json!({})).await;
    assert_eq!(first.status, 201, "{}", first.text());
    let first_id = first.json()["release"]["id"].as_str().unwrap().to_owned();
    let first_etag = first.header("etag").unwrap();
    let cases = app.get("/v1/cases?limit=1", Some(&curator)).await.json();
    let id = cases["items"][0]["id"].as_str().unwrap();
    assert_eq!(app.request(Method::DELETE, &format!("/v1/cases/{id}"), Some(&curator), None).await.status, 200);
    let second = app.post_json("/v1/summaries/psoriasis/releases", Some(&curator), &serde_json::json!({})).await;
    assert_eq!(second.status, 201, "{}", second.text());
    assert_eq!(second.json()["release"]["n"], 299);
    assert_eq!(second.json()["release"]["number"], 2);
    assert_no_small_count(&second.json());
    let again = app.get(&format!("/v1/summaries/psoriasis/releases/{first_id}"), None).await;
    assert_eq!(again.header("etag").unwrap(), first_etag);
    assert_eq!(again.json()["release"]["n"], 300);
    assert_eq!(app.get("/v1/summaries/psoriasis", None).await.json()["release"]["number"], 2);
});

both_dbs!(who_may_publish_and_see_live, |app| {
    seed(&app, Registry::AtopicDermatitis, 3, 1);
    let curator = app.token("cur", Role::Curator, &[Registry::AtopicDermatitis]);
    // Three cases cannot be published safely.
    app.post_json("/v1/summaries/atopic-dermatitis/releases", Some(&curator), &serde_json::json!({})).await.assert_problem(409);
    let clinician = app.token("dr", Role::Clinician, &[Registry::AtopicDermatitis]);
    app.post_json("/v1/summaries/atopic-dermatitis/releases", Some(&clinician), &serde_json::json!({})).await.assert_problem(403);
    let other = app.token("cur2", Role::Curator, &[Registry::General]);
    app.post_json("/v1/summaries/atopic-dermatitis/releases", Some(&other), &serde_json::json!({})).await.assert_problem(403);
    app.get("/v1/summaries/atopic-dermatitis/live", None).await.assert_problem(401);
    app.get("/v1/summaries/atopic-dermatitis/live", Some(&clinician)).await.assert_problem(403);
    let live = app.get("/v1/summaries/atopic-dermatitis/live", Some(&curator)).await;
    assert_eq!(live.status, 200);
    assert_eq!(live.header("cache-control").as_deref(), Some("private, no-store"));
    assert_eq!(live.json()["release"]["n"], 3);
    assert_eq!(live.json()["audit"]["no_exact_disclosure"], false, "the live view says it could not be published");
});

both_dbs!(psoriasis_and_atopic_dermatitis_side_by_side, |app| {
    seed(&app, Registry::Psoriasis, 250, 8);
    seed(&app, Registry::AtopicDermatitis, 250, 9);
    let curator = app.token("cur", Role::Curator, &Registry::ALL);
    app.get("/v1/summaries/compare", None).await.assert_problem(404);
    for r in ["psoriasis", "atopic-dermatitis"] {
        let made = app.post_json(&format!("/v1/summaries/{r}/releases"), Some(&curator), &serde_json::json!({})).await;
        assert_eq!(made.status, 201, "{}", made.text());
    }
    let cmp = app.get("/v1/summaries/compare?a=psoriasis&b=atopic-dermatitis", None).await;
    assert_eq!(cmp.status, 200, "{}", cmp.text());
    let body = cmp.json();
    // Typed, the comparison reads and writes the same bytes as a JSON map (sorted keys) would.
    let typed: Comparison = serde_json::from_str(&cmp.text()).unwrap();
    assert_eq!(typed.a.registry, "psoriasis");
    assert_eq!(serde_json::to_string(&typed).unwrap(), cmp.text());
    assert_eq!(serde_json::to_value(&typed).unwrap().to_string(), cmp.text());
    assert_eq!(body["a"]["registry"], "psoriasis");
    let dims: Vec<&str> = body["fields"].as_array().unwrap().iter().map(|f| f["dimension"].as_str().unwrap()).collect();
    for d in ["age_band", "sex", "treatment_category", "drug_class", "severity_before", "covid_severity"] {
        assert!(dims.contains(&d), "{d}");
    }
    let severity = body["fields"].as_array().unwrap().iter().find(|f| f["dimension"] == "covid_severity").unwrap();
    assert!(!severity["values"].as_array().unwrap().is_empty());
    assert_no_small_count(&body);
});

both_dbs!(releases_are_served_gzipped_to_clients_that_accept_it, |app| {
    seed(&app, Registry::General, 200, 4);
    let curator = app.token("cur", Role::Curator, &[Registry::General]);
    let made = app.post_json("/v1/summaries/general/releases", Some(&curator), &serde_json::json!({})).await;
    assert_eq!(made.status, 201, "{}", made.text());
    let plain = app.get("/v1/summaries/general", None).await;
    let zipped = app.send(TestRequest::get().uri("/v1/summaries/general").insert_header(("Accept-Encoding", "gzip, br"))).await;
    assert_eq!(zipped.header("content-encoding").as_deref(), Some("gzip"));
    assert_ne!(zipped.header("etag"), plain.header("etag"), "each encoding has its own strong ETag");
    assert!(zipped.body.len() * 3 < plain.body.len());
    let mut text = String::new();
    flate2::read::GzDecoder::new(&zipped.body[..]).read_to_string(&mut text).unwrap();
    assert_eq!(text.as_bytes(), &plain.body[..]);
    let again = app
        .send(TestRequest::get().uri("/v1/summaries/general").insert_header(("Accept-Encoding", "gzip")).insert_header(("If-None-Match", zipped.header("etag").unwrap())))
        .await;
    assert_eq!(again.status, 304);
});
