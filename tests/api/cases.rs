//! The registries through HTTP: submit, read, correct, withdraw, list; rules, roles, idempotency.

use actix_web::http::Method;
use actix_web::test::TestRequest;
use dermreg::auth::Role;
use dermreg::registry::Registry;
use serde_json::{json, Value};

use crate::both_dbs;
use crate::helpers::*;

pub fn example(registry: Registry) -> Value {
    let path = format!("{}/tests/examples/{}.json", env!("CARGO_MANIFEST_DIR"), registry.id());
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn cases_path(registry: Registry) -> String {
    format!("/v1/registries/{}/cases", registry.id())
}

/// Every string value under `patient`/`reporter` that the spec calls identifying, from a raw form.
fn identifying_values(form: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for (section, keys) in [
        ("reporter", &["name", "email", "institution"][..]),
        (
            "patient",
            &["name", "initials", "email", "phone", "address", "postcode", "city", "mrn", "national_id", "insurance_number", "photo_url", "date_of_birth"][..],
        ),
    ] {
        for k in keys {
            if let Some(v) = form[section][k].as_str() {
                out.push(v.to_owned());
            }
        }
    }
    out
}

both_dbs!(each_registry_accepts_its_example, |app| {
    let clinician = app.token("dr-a", Role::Clinician, &Registry::ALL);
    for registry in Registry::ALL {
        let form = example(registry);
        let r = app.post_json(&cases_path(registry), Some(&clinician), &form).await;
        assert_eq!(r.status, 201, "{registry}: {}", r.text());
        let body = r.json();
        let id = body["id"].as_str().unwrap();
        assert_eq!(r.header("location").unwrap(), format!("/v1/cases/{id}"));
        assert_eq!(r.header("etag").as_deref(), Some("\"1\""));
        assert_eq!(body["registry"], registry.id());
        assert_eq!(body["status"], "active");
        assert_eq!(body["form_version"], registry.form_version());
        assert!(!body["deidentification"]["removed"].as_array().unwrap().is_empty(), "{body}");
        let text = r.text();
        for value in identifying_values(&form) {
            assert!(!text.contains(&value), "{registry}: response echoes an identifying value");
        }
        // Read back: the same stored case, without the report.
        let got = app.get(&format!("/v1/cases/{id}"), Some(&clinician)).await;
        assert_eq!(got.status, 200);
        assert_eq!(got.json()["form"], body["form"]);
        assert!(got.json().get("deidentification").is_none());
        // 304 on a matching If-None-Match.
        let again = app.send(with_token(TestRequest::get().uri(&format!("/v1/cases/{id}")).insert_header(("If-None-Match", "\"1\"")), Some(&clinician))).await;
        assert_eq!(again.status, 304);
    }
    let registries = app.get("/v1/registries", None).await.json();
    assert_eq!(registries.as_array().unwrap().len(), 3);
    assert!(registries.as_array().unwrap().iter().all(|r| r["cases"] == 1), "{registries}");
});

both_dbs!(submission_is_audited_and_in_the_change_feed_table, |app| {
    let clinician = app.token("dr-a", Role::Clinician, &[Registry::Psoriasis]);
    let r = app.post_json(&cases_path(Registry::Psoriasis), Some(&clinician), &example(Registry::Psoriasis)).await;
    let id = r.json()["id"].as_str().unwrap().to_owned();
    let admin = app.token("root", Role::Admin, &[]);
    let audit = app.get("/v1/audit", Some(&admin)).await.json();
    let row = audit["items"].as_array().unwrap().iter().find(|i| i["action"] == "case.create").cloned().unwrap();
    assert_eq!(row["actor"], "dr-a");
    assert_eq!(row["object_id"], id.as_str());
    assert!(row["request_id"].is_string());
});

both_dbs!(form_definitions_are_served, |app| {
    for registry in Registry::ALL {
        let r = app.get(&format!("/v1/registries/{}/form", registry.id()), None).await;
        assert_eq!(r.status, 200);
        let schema = r.json();
        assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
        assert!(schema["properties"]["covid"].is_object());
    }
    app.get("/v1/registries/dermatology/form", None).await.assert_problem(404);
});

// One rule broken at a time: the answer names the pointer and code, and never the value.
both_dbs!(every_rule_on_its_own, |app| {
    let token = app.token("dr-a", Role::Clinician, &Registry::ALL);
    type Mutate = fn(&mut Value);
    let cases: Vec<(Registry, &str, &str, Mutate)> = vec![
        (Registry::Psoriasis, "/covid/outcome/icu", "icu_requires_hospitalised", |f| {
            f["covid"]["outcome"]["icu"] = json!(true);
        }),
        (Registry::Psoriasis, "/covid/outcome/status", "died_status_mismatch", |f| {
            f["covid"]["outcome"]["died"] = json!(true);
        }),
        (Registry::Psoriasis, "/comorbidities", "must_be_alone", |f| {
            f["comorbidities"] = json!(["none", "diabetes"]);
        }),
        (Registry::Psoriasis, "/treatments/0/other_name", "required", |f| {
            f["treatments"][0]["drug"] = json!("other");
        }),
        (Registry::AtopicDermatitis, "/covid/diagnosis_basis", "laboratory_confirmation_required", |f| {
            f["covid"]["diagnosis_basis"] = json!("clinical_suspicion");
        }),
        (Registry::Psoriasis, "/unexpected_field", "unknown_field", |f| {
            f["unexpected_field"] = json!("Zebulon Quartermaine");
        }),
        (Registry::Psoriasis, "/patient/sex", "required", |f| {
            f["patient"].as_object_mut().unwrap().remove("sex");
        }),
        (Registry::Psoriasis, "/patient/sex", "invalid_value", |f| {
            f["patient"]["sex"] = json!("Zebulon Quartermaine");
        }),
        (Registry::Psoriasis, "/covid/symptoms", "must_be_alone", |f| {
            f["covid"]["symptoms"] = json!(["asymptomatic", "fever"]);
        }),
        (Registry::General, "/manifestations", "required", |f| {
            f.as_object_mut().unwrap().remove("manifestations");
        }),
        (Registry::Psoriasis, "/notes", "too_long", |f| {
            f["notes"] = json!("Zebulon Quartermaine ".repeat(100));
        }),
    ];
    for (registry, pointer, code, mutate) in cases {
        let mut form = example(registry);
        mutate(&mut form);
        let r = app.post_json(&cases_path(registry), Some(&token), &form).await;
        let p = r.assert_problem(422);
        let errors = p["errors"].as_array().unwrap();
        assert!(
            errors.iter().any(|e| e["pointer"] == pointer && e["code"] == code),
            "{registry} {pointer} {code}: {p}"
        );
        assert!(!r.text().contains("Zebulon"), "a 422 must not echo a submitted value: {p}");
    }
    // Nothing of a refused form was stored.
    assert!(app.get("/v1/registries", None).await.json().as_array().unwrap().iter().all(|r| r["cases"] == 0));
    // The atopic-dermatitis refusal says why.
    let mut form = example(Registry::AtopicDermatitis);
    form["covid"]["diagnosis_basis"] = json!("clinical_suspicion");
    let p = app.post_json(&cases_path(Registry::AtopicDermatitis), Some(&token), &form).await.json();
    let e = p["errors"].as_array().unwrap().iter().find(|e| e["pointer"] == "/covid/diagnosis_basis").unwrap().clone();
    assert!(e["detail"].as_str().unwrap().to_lowercase().contains("laboratory"), "{e}");
});

both_dbs!(all_problems_at_once, |app| {
    let token = app.token("dr-a", Role::Clinician, &[Registry::Psoriasis]);
    let mut form = example(Registry::Psoriasis);
    form["covid"]["outcome"]["icu"] = json!(true);
    form["patient"]["sex"] = json!("robot");
    form["psoriasis"]["type"] = json!(3);
    let p = app.post_json(&cases_path(Registry::Psoriasis), Some(&token), &form).await.assert_problem(422);
    assert!(p["errors"].as_array().unwrap().len() >= 3, "{p}");
});

both_dbs!(validate_is_a_dry_run, |app| {
    let token = app.token("dr-a", Role::Clinician, &[Registry::Psoriasis]);
    let path = format!("{}:validate", cases_path(Registry::Psoriasis));
    let r = app.post_json(&path, Some(&token), &example(Registry::Psoriasis)).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.json()["deidentification"]["removed"].is_array());
    assert!(app.get("/v1/registries", None).await.json().as_array().unwrap().iter().all(|r| r["cases"] == 0));
    let mut bad = example(Registry::Psoriasis);
    bad["covid"]["outcome"]["icu"] = json!(true);
    app.post_json(&path, Some(&token), &bad).await.assert_problem(422);
});

both_dbs!(roles_and_registries, |app| {
    let form = example(Registry::Psoriasis);
    let path = cases_path(Registry::Psoriasis);
    app.post_json(&path, None, &form).await.assert_problem(401);
    // A registry not in the token: 403.
    let general_only = app.token("dr-g", Role::Clinician, &[Registry::General]);
    app.post_json(&path, Some(&general_only), &form).await.assert_problem(403);
    // Partners and admins do not submit single cases.
    for role in [Role::Partner, Role::Admin] {
        let t = app.token("x", role, &Registry::ALL);
        app.post_json(&path, Some(&t), &form).await.assert_problem(403);
    }
    // Unknown registry: 404.
    let t = app.token("dr-a", Role::Clinician, &Registry::ALL);
    app.post_json("/v1/registries/oncology/cases", Some(&t), &form).await.assert_problem(404);
});

both_dbs!(clinicians_see_only_their_own_cases, |app| {
    let a = app.token("dr-a", Role::Clinician, &[Registry::Psoriasis]);
    let b = app.token("dr-b", Role::Clinician, &[Registry::Psoriasis]);
    let curator = app.token("cur", Role::Curator, &[Registry::Psoriasis]);
    let other_curator = app.token("cur2", Role::Curator, &[Registry::General]);
    let partner = app.token("partner", Role::Partner, &[Registry::Psoriasis]);
    let r = app.post_json(&cases_path(Registry::Psoriasis), Some(&a), &example(Registry::Psoriasis)).await;
    let id = r.json()["id"].as_str().unwrap().to_owned();
    let path = format!("/v1/cases/{id}");
    assert_eq!(app.get(&path, Some(&a)).await.status, 200);
    app.get(&path, Some(&b)).await.assert_problem(404);
    app.get(&format!("/v1/cases/{}", uuid::Uuid::now_v7()), Some(&a)).await.assert_problem(404);
    assert_eq!(app.get(&path, Some(&curator)).await.status, 200);
    assert_eq!(app.get(&path, Some(&partner)).await.status, 200);
    app.get(&path, Some(&other_curator)).await.assert_problem(404);
    // B cannot correct or withdraw it either.
    let patch = TestRequest::patch().uri(&path).insert_header(("If-Match", "\"1\"")).set_json(json!({"notes": "x"}));
    app.send(with_token(patch, Some(&b))).await.assert_problem(404);
    app.request(Method::DELETE, &path, Some(&b), None).await.assert_problem(404);
    // Listing: own cases for a clinician, all for a curator.
    app.post_json(&cases_path(Registry::Psoriasis), Some(&b), &example(Registry::Psoriasis)).await;
    assert_eq!(app.get("/v1/cases", Some(&a)).await.json()["items"].as_array().unwrap().len(), 1);
    assert_eq!(app.get("/v1/cases", Some(&curator)).await.json()["items"].as_array().unwrap().len(), 2);
    app.get("/v1/cases", Some(&partner)).await.assert_problem(403);
    app.get("/v1/cases?registry=general", Some(&a)).await.assert_problem(403);
});

both_dbs!(idempotent_retry, |app| {
    let t = app.token("dr-a", Role::Clinician, &[Registry::Psoriasis]);
    let form = example(Registry::Psoriasis);
    let post = |body: Value| {
        with_token(
            TestRequest::post().uri(&cases_path(Registry::Psoriasis)).insert_header(("Idempotency-Key", "visit-42")).set_json(body),
            Some(&t),
        )
    };
    let first = app.send(post(form.clone())).await;
    assert_eq!(first.status, 201);
    let second = app.send(post(form.clone())).await;
    assert_eq!(second.status, 201, "{}", second.text());
    assert_eq!(second.json()["id"], first.json()["id"]);
    assert_eq!(second.json()["deidentification"], first.json()["deidentification"]);
    assert_eq!(second.header("location"), first.header("location"));
    let mut other = form.clone();
    other["notes"] = json!("different");
    app.send(post(other)).await.assert_problem(409);
    let listed = app.get("/v1/cases", Some(&t)).await.json();
    assert_eq!(listed["items"].as_array().unwrap().len(), 1, "the retry stored nothing new");
    // Another clinician's same key is their own.
    let t2 = app.token("dr-b", Role::Clinician, &[Registry::Psoriasis]);
    let r = app.send(with_token(
        TestRequest::post().uri(&cases_path(Registry::Psoriasis)).insert_header(("Idempotency-Key", "visit-42")).set_json(form),
        Some(&t2),
    )).await;
    assert_eq!(r.status, 201);
    assert_ne!(r.json()["id"], first.json()["id"]);
});

both_dbs!(merge_patch_with_if_match, |app| {
    let t = app.token("dr-a", Role::Clinician, &[Registry::Psoriasis]);
    let r = app.post_json(&cases_path(Registry::Psoriasis), Some(&t), &example(Registry::Psoriasis)).await;
    let id = r.json()["id"].as_str().unwrap().to_owned();
    let path = format!("/v1/cases/{id}");
    let patch = |etag: Option<&str>, body: Value| {
        let mut req = TestRequest::patch().uri(&path).insert_header(("content-type", "application/merge-patch+json")).set_payload(body.to_string());
        if let Some(e) = etag {
            req = req.insert_header(("If-Match", e.to_owned()));
        }
        with_token(req, Some(&t))
    };
    let change = json!({"covid": {"outcome": {"hospitalised": true, "icu": true, "status": "recovering"}}, "notes": "Seen by Dr Zebulon Quartermaine on 12/03/2021."});
    app.send(patch(None, change.clone())).await.assert_problem(428);
    app.send(patch(Some("\"7\""), change.clone())).await.assert_problem(412);
    let ok = app.send(patch(Some("\"1\""), change.clone())).await;
    assert_eq!(ok.status, 200, "{}", ok.text());
    assert_eq!(ok.header("etag").as_deref(), Some("\"2\""));
    let body = ok.json();
    assert_eq!(body["form"]["covid"]["outcome"]["icu"], true);
    assert_eq!(body["derived"]["covid_severity"], 3);
    // Re-scrubbed: the new note's identifying parts are gone.
    assert!(!ok.text().contains("Quartermaine") && !ok.text().contains("12/03/2021"), "{body}");
    // The old ETag no longer works; an invalid result is 422 and changes nothing.
    app.send(patch(Some("\"1\""), json!({"notes": "x"}))).await.assert_problem(412);
    app.send(patch(Some("\"2\""), json!({"covid": {"outcome": {"hospitalised": false}}}))).await.assert_problem(422);
    let now = app.get(&path, Some(&t)).await;
    assert_eq!(now.header("etag").as_deref(), Some("\"2\""));
    assert_eq!(now.json()["form"]["covid"]["outcome"]["icu"], true);
});

// An ethics board that allows no free text: it is accepted, never stored, and the report says so.
both_dbs!(free_text_dropped_when_configured, settings = |s: &mut dermreg::Settings| s.free_text = dermreg::registry::FreeTextPolicy::Drop, |app| {
    let t = app.token("dr-a", Role::Clinician, &[Registry::Psoriasis]);
    let mut form = example(Registry::Psoriasis);
    form["notes"] = json!("Seen with her sister Philippa Quenneville; adalimumab restarted, PASI 12.");
    form["treatments"] = json!([{"drug": "other", "other_name": "Compounded cream from Dr Quenneville", "status_at_onset": "ongoing"}]);
    let r = app.post_json(&cases_path(Registry::Psoriasis), Some(&t), &form).await;
    assert_eq!(r.status, 201, "{}", r.text());
    let body = r.json();
    assert_eq!(body["form"]["notes"], dermreg::registry::NOT_STORED);
    assert_eq!(body["form"]["treatments"][0]["other_name"], dermreg::registry::NOT_STORED);
    assert_eq!(body["deidentification"]["not_stored"], json!(["/notes", "/treatments/0/other_name"]), "{body}");
    let id = body["id"].as_str().unwrap();
    let got = app.get(&format!("/v1/cases/{id}"), Some(&t)).await;
    assert_eq!(got.json()["form"]["notes"], dermreg::registry::NOT_STORED);
    for text in [r.text(), got.text()] {
        assert!(!text.contains("adalimumab restarted") && !text.contains("Compounded") && !text.contains("Quenneville"), "{text}");
    }
    // The stored form stays a valid input: a correction goes through.
    let patch = TestRequest::patch()
        .uri(&format!("/v1/cases/{id}"))
        .insert_header(("content-type", "application/merge-patch+json"))
        .insert_header(("If-Match", "\"1\""))
        .set_payload(json!({"notes": "Flare two weeks later."}).to_string());
    let ok = app.send(with_token(patch, Some(&t))).await;
    assert_eq!(ok.status, 200, "{}", ok.text());
    assert_eq!(ok.json()["form"]["notes"], dermreg::registry::NOT_STORED);
});

both_dbs!(withdrawal_leaves_a_tombstone, |app| {
    let t = app.token("dr-a", Role::Clinician, &[Registry::General]);
    let r = app.post_json(&cases_path(Registry::General), Some(&t), &example(Registry::General)).await;
    let id = r.json()["id"].as_str().unwrap().to_owned();
    let path = format!("/v1/cases/{id}");
    let gone = app.request(Method::DELETE, &format!("{path}?reason=duplicate"), Some(&t), None).await;
    assert_eq!(gone.status, 200, "{}", gone.text());
    let body = gone.json();
    assert_eq!(body["status"], "withdrawn");
    assert_eq!(body["withdrawal"]["reason"], "duplicate");
    assert!(body["form"].is_null() && body["derived"].is_null());
    let read = app.get(&path, Some(&t)).await.json();
    assert_eq!(read["status"], "withdrawn");
    assert!(read["form"].is_null());
    // No correction of a tombstone; withdrawing again is harmless.
    let patch = TestRequest::patch().uri(&path).insert_header(("If-Match", "\"2\"")).set_json(json!({"notes": "x"}));
    app.send(with_token(patch, Some(&t))).await.assert_problem(409);
    assert_eq!(app.request(Method::DELETE, &path, Some(&t), None).await.status, 200);
    app.request(Method::DELETE, &format!("{path}?reason=because"), Some(&t), None).await.assert_problem(400);
    assert_eq!(app.get("/v1/registries", None).await.json()[0]["cases"], 0);
});

both_dbs!(listing_pages_with_cursors_and_time_filters, |app| {
    let t = app.token("cur", Role::Curator, &Registry::ALL);
    let mut ids = Vec::new();
    for i in 0..5 {
        let registry = Registry::ALL[i % 3];
        let r = app.post_json(&cases_path(registry), Some(&t), &example(registry)).await;
        ids.push(r.json()["id"].as_str().unwrap().to_owned());
    }
    let mut seen = Vec::new();
    let mut url = "/v1/cases?limit=2".to_owned();
    loop {
        let page = app.get(&url, Some(&t)).await.json();
        seen.extend(page["items"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap().to_owned()));
        match page["next"].as_str() {
            Some(next) => url = format!("/v1/cases?limit=2&after={next}"),
            None => break,
        }
    }
    assert_eq!(seen, ids);
    let psoriasis = app.get("/v1/cases?registry=psoriasis", Some(&t)).await.json();
    assert_eq!(psoriasis["items"].as_array().unwrap().len(), 2);
    let future = app.get("/v1/cases?created_from=2999-01-01T00:00:00Z", Some(&t)).await.json();
    assert!(future["items"].as_array().unwrap().is_empty());
    let past = app.get("/v1/cases?created_before=2999-01-01T00:00:00Z", Some(&t)).await.json();
    assert_eq!(past["items"].as_array().unwrap().len(), 5);
    app.get("/v1/cases?created_from=yesterday", Some(&t)).await.assert_problem(400);
    app.get("/v1/cases?after=not-a-cursor", Some(&t)).await.assert_problem(400);
});

both_dbs!(more_rules_on_their_own, |app| {
    let token = app.token("dr-a", Role::Clinician, &Registry::ALL);
    type Mutate = fn(&mut Value);
    let cases: Vec<(Registry, &str, &str, Mutate)> = vec![
        (Registry::AtopicDermatitis, "/atopic_dermatitis/topical_only", "topical_only_with_systemic_treatment", |f| {
            f["atopic_dermatitis"]["topical_only"] = json!(true);
            f["treatments"] = json!([{"drug": "dupilumab", "status_at_onset": "ongoing"}]);
        }),
        (Registry::General, "/manifestations/0/morphology_other", "required", |f| {
            f["manifestations"][0]["morphology"] = json!("other");
            f["manifestations"][0].as_object_mut().unwrap().remove("morphology_other");
        }),
        (Registry::General, "/existing_conditions", "required", |f| {
            f["case_type"] = json!("existing_condition");
            f.as_object_mut().unwrap().remove("manifestations");
        }),
        (Registry::Psoriasis, "/patient/age_years", "out_of_range", |f| {
            f["patient"]["age_years"] = json!(121);
        }),
        (Registry::Psoriasis, "/psoriasis/severity_before_covid/pasi", "out_of_range", |f| {
            f["psoriasis"]["severity_before_covid"]["pasi"] = json!(80);
        }),
        (Registry::Psoriasis, "/comorbidities/1", "duplicate", |f| {
            f["comorbidities"] = json!(["diabetes", "diabetes"]);
        }),
        (Registry::Psoriasis, "/covid/diagnosis_date", "invalid_date", |f| {
            f["covid"]["diagnosis_date"] = json!("2021-02-30");
        }),
        (Registry::Psoriasis, "/reporter/country", "invalid_value", |f| {
            f["reporter"]["country"] = json!("XX");
        }),
    ];
    for (registry, pointer, code, mutate) in cases {
        let mut form = example(registry);
        mutate(&mut form);
        let r = app.post_json(&cases_path(registry), Some(&token), &form).await;
        let p = r.assert_problem(422);
        assert!(
            p["errors"].as_array().unwrap().iter().any(|e| e["pointer"] == pointer && e["code"] == code),
            "{registry} {pointer} {code}: {p}"
        );
    }
});

// Concurrent writes (committed together on SQLite): each answer is its own, failures stay isolated,
// and every 201 is stored.
both_dbs!(concurrent_submissions_are_isolated_and_all_stored, |app| {
    let t = app.token("dr-a", Role::Clinician, &[Registry::Psoriasis]);
    let form = example(Registry::Psoriasis);
    let mut requests = Vec::new();
    for i in 0..24 {
        let mut body = form.clone();
        // Every fourth request reuses one key with a different body: one wins, the others are 409.
        let key = if i % 4 == 0 { "shared-key".to_owned() } else { format!("key-{i}") };
        body["notes"] = json!(format!("visit {i}"));
        if i % 6 == 5 {
            body["covid"]["outcome"]["icu"] = json!(true); // invalid: 422 before any write
        }
        let req = TestRequest::post().uri(&cases_path(Registry::Psoriasis)).insert_header(("Idempotency-Key", key)).set_json(body);
        requests.push(app.send(with_token(req, Some(&t))));
    }
    let answers = futures_util::future::join_all(requests).await;
    let created: Vec<&Response> = answers.iter().filter(|r| r.status == 201).collect();
    let conflicts = answers.iter().filter(|r| r.status == 409).count();
    let invalid = answers.iter().filter(|r| r.status == 422).count();
    assert_eq!(created.len() + conflicts + invalid, 24, "{:?}", answers.iter().map(|r| r.status).collect::<Vec<_>>());
    assert_eq!(invalid, 4);
    assert_eq!(conflicts, 5, "all but one of the six shared-key requests");
    let listed = app.get("/v1/cases?limit=100", Some(&t)).await.json();
    let stored: std::collections::BTreeSet<String> =
        listed["items"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap().to_owned()).collect();
    let answered: std::collections::BTreeSet<String> = created.iter().map(|r| r.json()["id"].as_str().unwrap().to_owned()).collect();
    assert_eq!(stored, answered);
    assert_eq!(stored.len(), 15);
});
