//! FHIR R4 through HTTP: the CapabilityStatement, the Questionnaires and CodeSystems against the
//! forms' own JSON Schemas, cases as anonymised QuestionnaireResponses, and Bulk Data export (async,
//! `_since` with a correction and a withdrawal, cancel, another instance answering), on both databases.

use std::collections::{HashMap, HashSet};

use actix_web::http::Method;
use actix_web::test::TestRequest;
use dermreg::auth::Role;
use dermreg::registry::Registry;
use serde_json::{json, Value};

use crate::both_dbs;
use crate::cases::example;
use crate::helpers::*;

const PSO: Registry = Registry::Psoriasis;

/// Asserts an OperationOutcome error answer with this status.
#[track_caller]
fn assert_outcome(r: &Response, status: u16) -> Value {
    assert_eq!(r.status.as_u16(), status, "{}", r.text());
    assert_eq!(r.header("content-type").as_deref(), Some("application/fhir+json"), "{}", r.text());
    let o = r.json();
    assert_eq!(o["resourceType"], "OperationOutcome");
    assert_eq!(o["issue"][0]["severity"], "error");
    assert!(o["issue"][0]["code"].is_string() && o["issue"][0]["diagnostics"].is_string(), "{o}");
    o
}

#[track_caller]
fn fhir(r: &Response) -> Value {
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.header("content-type").as_deref(), Some("application/fhir+json"));
    r.json()
}

/// Every item of a Questionnaire by linkId.
fn items_by_link(items: &Value, out: &mut HashMap<String, Value>) {
    for it in items.as_array().into_iter().flatten() {
        out.insert(it["linkId"].as_str().unwrap().to_owned(), it.clone());
        items_by_link(&it["item"], out);
    }
}

/// The stored (not write-only) leaf fields of a form's JSON Schema, as linkIds, with their codes.
fn schema_fields(schema: &Value, prefix: &str, out: &mut HashMap<String, Option<HashSet<String>>>) {
    let defs = schema.clone();
    fn walk(s: &Value, prefix: &str, defs: &Value, out: &mut HashMap<String, Option<HashSet<String>>>) {
        for (name, p) in s["properties"].as_object().into_iter().flatten() {
            if p["writeOnly"] == true {
                continue;
            }
            let link = format!("{prefix}/{name}");
            let p = if p["$ref"].is_string() { &defs["$defs"]["country"] } else { p };
            let object = if p["type"] == "array" && p["items"]["type"] == "object" { &p["items"] } else { p };
            if object["type"] == "object" {
                walk(object, &link, defs, out);
                continue;
            }
            let one_of = if p["type"] == "array" { &p["items"]["oneOf"] } else { &p["oneOf"] };
            let codes = one_of.as_array().map(|o| o.iter().map(|c| c["const"].as_str().unwrap().to_owned()).collect());
            out.insert(link, codes);
        }
    }
    walk(schema, prefix, &defs, out);
}

both_dbs!(metadata_says_what_is_served, |app| {
    let c = fhir(&app.get("/fhir/metadata", None).await);
    assert_eq!(c["resourceType"], "CapabilityStatement");
    assert_eq!(c["fhirVersion"], "4.0.1");
    assert_eq!(c["format"], json!(["application/fhir+json"]));
    let types: Vec<&str> = c["rest"][0]["resource"].as_array().unwrap().iter().map(|r| r["type"].as_str().unwrap()).collect();
    assert_eq!(types, ["CodeSystem", "Group", "Questionnaire", "QuestionnaireResponse"]);
    assert_eq!(c["rest"][0]["resource"][1]["operation"][0]["name"], "export");
    // Anything else under /fhir is an OperationOutcome, a wrong method a 405 with Allow.
    assert_outcome(&app.get("/fhir/Patient/1", None).await, 404);
    let r = app.request(Method::PUT, "/fhir/metadata", None, None).await;
    assert_outcome(&r, 405);
    assert_eq!(r.header("allow").as_deref(), Some("GET"));
});

both_dbs!(questionnaires_are_the_forms, |app| {
    let bundle = fhir(&app.get("/fhir/Questionnaire", None).await);
    assert_eq!(bundle["type"], "searchset");
    assert_eq!(bundle["total"], 3);
    let registries = app.get("/v1/registries", None).await.json();
    for (entry, info) in bundle["entry"].as_array().unwrap().iter().zip(registries.as_array().unwrap()) {
        assert_eq!(entry["resource"]["version"], info["form_version"]);
    }
    for r in Registry::ALL {
        let id = r.form_version().replace('/', "-");
        let q = fhir(&app.get(&format!("/fhir/Questionnaire/{id}"), None).await);
        assert_eq!(q["id"], id.as_str());
        let by_url = fhir(&app.get(&format!("/fhir/Questionnaire?url={}", q["url"].as_str().unwrap()), None).await);
        assert_eq!(by_url["total"], 1);
        let mut items = HashMap::new();
        items_by_link(&q["item"], &mut items);
        let mut fields = HashMap::new();
        schema_fields(&app.get(&format!("/v1/registries/{}/form", r.id()), None).await.json(), "", &mut fields);
        // Every stored field is an item, and a choice offers exactly the form's values.
        for (link, codes) in &fields {
            let item = items.get(link).unwrap_or_else(|| panic!("{link} is no item of {id}"));
            if let Some(codes) = codes {
                assert_eq!(item["type"], "choice", "{link}");
                let offered: HashSet<String> =
                    item["answerOption"].as_array().unwrap().iter().map(|o| o["valueCoding"]["code"].as_str().unwrap().to_owned()).collect();
                assert_eq!(&offered, codes, "{link}");
            }
        }
        assert!(!items.contains_key("/patient/name") && !items.contains_key("/patient/date_of_birth"));
        // Every choice's system is served as a CodeSystem holding its codes (countries are ISO 3166).
        for item in items.values().filter(|i| i["type"] == "choice") {
            let system = item["answerOption"][0]["valueCoding"]["system"].as_str().unwrap();
            if system == "urn:iso:std:iso:3166" {
                continue;
            }
            let cs_id = system.rsplit(':').next().unwrap();
            let cs = fhir(&app.get(&format!("/fhir/CodeSystem/{cs_id}"), None).await);
            assert_eq!(cs["url"], system);
            let concepts: HashSet<&str> = cs["concept"].as_array().unwrap().iter().map(|c| c["code"].as_str().unwrap()).collect();
            for o in item["answerOption"].as_array().unwrap() {
                assert!(concepts.contains(o["valueCoding"]["code"].as_str().unwrap()));
            }
        }
    }
    // An only-when field is enabled by its condition.
    let q = fhir(&app.get("/fhir/Questionnaire/psoriasis-1", None).await);
    let mut items = HashMap::new();
    items_by_link(&q["item"], &mut items);
    assert_eq!(items["/treatments"]["repeats"], true);
    assert_eq!(items["/treatments/other_name"]["enableWhen"][0]["question"], "/treatments/drug");
    assert_eq!(items["/treatments/other_name"]["enableWhen"][0]["answerCoding"]["code"], "other");
    assert_eq!(items["/patient/sex"]["required"], true);
    assert_eq!(fhir(&app.get("/fhir/CodeSystem", None).await)["type"], "searchset");
    assert_outcome(&app.get("/fhir/Questionnaire/psoriasis-9", None).await, 404);
    assert_outcome(&app.get("/fhir/CodeSystem/nothing", None).await, 404);
});

/// Submits the example psoriasis form `n` times; the case ids.
async fn submit(app: &TestApp, n: usize) -> Vec<String> {
    let clinician = app.token("dr-a", Role::Clinician, &[PSO]);
    let mut ids = Vec::new();
    for i in 0..n {
        let mut form = example(PSO);
        form["patient"]["age_years"] = json!(30 + i);
        let r = app.post_json("/v1/registries/psoriasis/cases", Some(&clinician), &form).await;
        assert_eq!(r.status, 201, "{}", r.text());
        ids.push(r.json()["id"].as_str().unwrap().to_owned());
    }
    ids
}

/// Every answer's linkId is an item of its Questionnaire and every coding one of the item's options.
fn assert_answers_fit(qr: &Value, items: &HashMap<String, Value>) {
    fn walk(list: &Value, items: &HashMap<String, Value>) {
        for it in list.as_array().into_iter().flatten() {
            let q = items.get(it["linkId"].as_str().unwrap()).unwrap_or_else(|| panic!("no item {}", it["linkId"]));
            for a in it["answer"].as_array().into_iter().flatten() {
                if let Some(coding) = a.get("valueCoding") {
                    assert!(q["answerOption"].as_array().unwrap().iter().any(|o| &o["valueCoding"] == coding), "{coding}");
                }
            }
            walk(&it["item"], items);
        }
    }
    walk(&qr["item"], items);
}

both_dbs!(a_case_is_an_anonymised_questionnaire_response, |app| {
    let ids = submit(&app, 1).await;
    let url = format!("/fhir/QuestionnaireResponse/{}", ids[0]);
    let curator = app.token("cur", Role::Curator, &[PSO]);
    let partner = app.token("p", Role::Partner, &[PSO]);
    let qr = fhir(&app.get(&url, Some(&partner)).await);
    assert_eq!(qr["resourceType"], "QuestionnaireResponse");
    assert_eq!(qr["id"], ids[0].as_str());
    let q = fhir(&app.get("/fhir/Questionnaire/psoriasis-1", None).await);
    assert_eq!(qr["questionnaire"].as_str().unwrap(), format!("{}|{}", q["url"].as_str().unwrap(), q["version"].as_str().unwrap()));
    assert_eq!(qr["status"], "completed");
    assert!(regex_month(qr["authored"].as_str().unwrap()), "{}", qr["authored"]);
    assert_eq!(qr["meta"]["security"][0]["code"], "ANONYED");
    for key in ["subject", "author", "source", "encounter", "identifier", "basedOn", "partOf"] {
        assert!(qr.get(key).is_none(), "{key} in {qr}");
    }
    let text = qr.to_string();
    for value in ["Chen", "Haddad", "Kwame", "Bakker", "07324", "308050"] {
        assert!(!text.contains(value), "{value} in {text}");
    }
    let mut items = HashMap::new();
    items_by_link(&q["item"], &mut items);
    assert_answers_fit(&qr, &items);
    // The answers are the stored form's values.
    let stored = app.get(&format!("/v1/cases/{}", ids[0]), Some(&curator)).await.json();
    let mut answers = HashMap::new();
    items_by_link(&qr["item"], &mut answers);
    assert_eq!(answers["/patient/age_years"]["answer"][0]["valueInteger"], stored["form"]["patient"]["age_years"]);
    assert_eq!(answers["/psoriasis/severity_before_covid/pga"]["answer"][0]["valueCoding"]["code"], "moderate");
    assert_eq!(answers["/covid/symptoms"]["answer"].as_array().unwrap().len(), 2);
    assert_eq!(answers["/covid/diagnosis_date"]["answer"][0]["valueDate"], stored["form"]["covid"]["diagnosis_date"]);
    let treatments: Vec<&Value> = qr["item"].as_array().unwrap().iter().filter(|i| i["linkId"] == "/treatments").collect();
    assert_eq!(treatments.len(), 2, "one repeating group per treatment");

    // Who may read it: curators and partners of the registry.
    assert_outcome(&app.get(&url, None).await, 401);
    assert_outcome(&app.get(&url, Some(&app.token("dr-a", Role::Clinician, &[PSO]))).await, 403);
    assert_outcome(&app.get(&url, Some(&app.token("p2", Role::Partner, &[Registry::General]))).await, 404);
    assert_outcome(&app.get("/fhir/QuestionnaireResponse/nope", Some(&curator)).await, 404);

    // A correction makes it amended; a withdrawal makes it gone.
    let req = TestRequest::patch().uri(&format!("/v1/cases/{}", ids[0])).insert_header(("If-Match", "\"1\"")).set_json(json!({"notes": "PASI 3."}));
    assert_eq!(app.send(with_token(req, Some(&curator))).await.status, 200);
    assert_eq!(fhir(&app.get(&url, Some(&curator)).await)["status"], "amended");
    assert_eq!(app.request(Method::DELETE, &format!("/v1/cases/{}", ids[0]), Some(&curator), None).await.status, 200);
    assert_eq!(assert_outcome(&app.get(&url, Some(&curator)).await, 410)["issue"][0]["code"], "deleted");
});

fn regex_month(s: &str) -> bool {
    s.len() == 7 && s.as_bytes()[4] == b'-' && s.bytes().enumerate().all(|(i, b)| i == 4 || b.is_ascii_digit())
}

/// The path of an absolute URL the service gave out.
fn path_of(url: &str) -> String {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    rest[rest.find('/').unwrap()..].to_owned()
}

async fn kick_off(app: &TestApp, token: &str, query: &str) -> String {
    let req = TestRequest::get().uri(&format!("/fhir/Group/psoriasis/$export{query}")).insert_header(("Prefer", "respond-async"));
    let r = app.send(with_token(req, Some(token))).await;
    assert_eq!(r.status, 202, "{}", r.text());
    path_of(&r.header("content-location").expect("Content-Location"))
}

/// Polls a status URL until the manifest (bounded).
async fn manifest(app: &TestApp, token: &str, status: &str) -> Value {
    for _ in 0..2000 {
        let r = app.get(status, Some(token)).await;
        match r.status.as_u16() {
            200 => return r.json(),
            202 => {
                assert!(r.header("x-progress").is_some());
                actix_web::rt::time::sleep(std::time::Duration::from_millis(10)).await;
            }
            _ => panic!("status answered {}: {}", r.status, r.text()),
        }
    }
    panic!("the export never finished");
}

/// Every line of every file of one kind of a manifest.
async fn lines(app: &TestApp, token: &str, manifest: &Value, kind: &str) -> Vec<Value> {
    let mut out = Vec::new();
    for f in manifest[kind].as_array().unwrap() {
        let r = app.get(&path_of(f["url"].as_str().unwrap()), Some(token)).await;
        assert_eq!(r.status, 200, "{}", r.text());
        assert_eq!(r.header("content-type").as_deref(), Some("application/fhir+ndjson"));
        let got: Vec<Value> = r.text().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(got.len() as u64, f["count"].as_u64().unwrap());
        out.extend(got);
    }
    out
}

both_dbs!(bulk_export_then_since_gives_the_correction_and_the_withdrawal, |app| {
    let ids = submit(&app, 3).await;
    let partner = app.token("p", Role::Partner, &[PSO]);
    let curator = app.token("cur", Role::Curator, &[PSO]);
    let status = kick_off(&app, &partner, "").await;
    let m = manifest(&app, &partner, &status).await;
    assert_eq!(m["requiresAccessToken"], true);
    assert!(m["request"].as_str().unwrap().ends_with("/fhir/Group/psoriasis/$export"));
    assert_eq!(m["output"][0]["type"], "QuestionnaireResponse");
    assert_eq!(m["deleted"], json!([]));
    assert_eq!(m["error"], json!([]));
    let all = lines(&app, &partner, &m, "output").await;
    let got: Vec<&str> = all.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(got, ids.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(all.iter().all(|r| r["resourceType"] == "QuestionnaireResponse" && r["status"] == "completed"));
    let t0 = m["transactionTime"].as_str().unwrap().to_owned();
    // The files need the token.
    assert_outcome(&app.get(&path_of(m["output"][0]["url"].as_str().unwrap()), None).await, 401);

    // One correction, one withdrawal: `_since=T0` exports exactly these two.
    let req = TestRequest::patch().uri(&format!("/v1/cases/{}", ids[0])).insert_header(("If-Match", "\"1\"")).set_json(json!({"notes": "PASI 3."}));
    assert_eq!(app.send(with_token(req, Some(&curator))).await.status, 200);
    assert_eq!(app.request(Method::DELETE, &format!("/v1/cases/{}", ids[1]), Some(&curator), None).await.status, 200);
    let m2 = export_of(&app, &partner, &format!("?_since={}&_type=QuestionnaireResponse", t0.replace('+', "%2B")), 1, 1).await;
    assert!(m2["request"].as_str().unwrap().contains("_since="), "{m2}");
    let output = lines(&app, &partner, &m2, "output").await;
    let amended: Vec<&Value> = output.iter().filter(|r| r["id"] == ids[0].as_str()).collect();
    assert_eq!(amended.len(), 1, "{output:?}");
    assert_eq!(amended[0]["status"], "amended");
    // Nothing else but a change the first export's position had not passed yet: on PostgreSQL a
    // change is past the position only once every older transaction of the server has ended, and
    // other tests' transactions may still be running then; such a case comes again, as it was
    // (at least once, never lost). Never the withdrawn one.
    let unchanged = |r: &&Value| r["id"] == ids[2].as_str() && r["status"] == "completed";
    assert!(output.iter().filter(|r| r["id"] != ids[0].as_str()).all(|r| unchanged(&r)), "{output:?}");
    let deleted = lines(&app, &partner, &m2, "deleted").await;
    assert_eq!(deleted.len(), 1);
    assert_eq!(deleted[0]["resourceType"], "Bundle");
    assert_eq!(deleted[0]["type"], "transaction");
    assert_eq!(deleted[0]["entry"][0]["request"], json!({"method": "DELETE", "url": format!("QuestionnaireResponse/{}", ids[1])}));
    // The first export's file no longer holds the withdrawn case: its content is gone.
    let again: Vec<Value> = lines_unchecked(&app, &partner, &m).await;
    assert!(again.iter().all(|r| r["id"] != ids[1].as_str()));

    // An instant that is no export's: every change after it.
    let m3 = export_of(&app, &partner, "?_since=2000-01-01T00:00:00Z", 2, 1).await;
    assert_eq!(m3["output"][0]["count"], 2);
    assert_eq!(m3["deleted"][0]["count"], 1);
});

/// The manifest of an export with `query` once it has at least `output` and `deleted` resources: on
/// PostgreSQL the feed lists a change only once every transaction older than it has ended, and other
/// tests' transactions may still be running (bounded).
async fn export_of(app: &TestApp, token: &str, query: &str, output: u64, deleted: u64) -> Value {
    let count = |m: &Value, kind: &str| m[kind].as_array().unwrap().iter().map(|f| f["count"].as_u64().unwrap()).sum::<u64>();
    for _ in 0..500 {
        let status = kick_off(app, token, query).await;
        let m = manifest(app, token, &status).await;
        if count(&m, "output") >= output && count(&m, "deleted") >= deleted {
            return m;
        }
    }
    panic!("the export never had {output} output and {deleted} deleted resources");
}

/// The lines of a manifest's output files, without comparing them with its counts.
async fn lines_unchecked(app: &TestApp, token: &str, manifest: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    for f in manifest["output"].as_array().unwrap() {
        let r = app.get(&path_of(f["url"].as_str().unwrap()), Some(token)).await;
        out.extend(r.text().lines().map(|l| serde_json::from_str::<Value>(l).unwrap()));
    }
    out
}

both_dbs!(an_export_is_refused_with_an_operation_outcome, |app| {
    let partner = app.token("p", Role::Partner, &[PSO]);
    let get = |q: &str, token: Option<&str>, prefer: bool| {
        let mut req = TestRequest::get().uri(&format!("/fhir/Group/{q}"));
        if prefer {
            req = req.insert_header(("Prefer", "respond-async"));
        }
        with_token(req, token)
    };
    assert_outcome(&app.send(get("psoriasis/$export", None, true)).await, 401);
    assert_outcome(&app.send(get("psoriasis/$export", Some(&app.token("g", Role::Partner, &[Registry::General])), true)).await, 403);
    assert_outcome(&app.send(get("psoriasis/$export", Some(&app.token("c", Role::Clinician, &[PSO])), true)).await, 403);
    assert_outcome(&app.send(get("nowhere/$export", Some(&partner), true)).await, 404);
    assert_outcome(&app.send(get("psoriasis/$export", Some(&partner), false)).await, 400);
    for bad in ["_since=last-week", "_type=Patient", "_outputFormat=text/csv", "_typeFilter=x"] {
        let o = assert_outcome(&app.send(get(&format!("psoriasis/$export?{bad}"), Some(&partner), true)).await, 400);
        assert!(!o.to_string().contains("last-week"), "no submitted value is echoed: {o}");
    }
    let post = |body: Value| {
        with_token(
            TestRequest::post().uri("/fhir/Group/psoriasis/$export").insert_header(("Prefer", "respond-async")).insert_header(("Content-Type", "application/fhir+json")).set_payload(body.to_string()),
            Some(&partner),
        )
    };
    assert_outcome(&app.send(post(json!({"resourceType": "Patient"}))).await, 400);
    let empty = TestRequest::post().uri("/fhir/Group/psoriasis/$export").insert_header(("Prefer", "respond-async"));
    assert_outcome(&app.send(with_token(empty, Some(&partner))).await, 400);
    let r = app.send(post(json!({"resourceType": "Parameters", "parameter": [{"name": "_since", "valueInstant": "2001-01-01T00:00:00Z"}]}))).await;
    assert_eq!(r.status, 202, "{}", r.text());
    let status = path_of(&r.header("content-location").unwrap());
    // Another registry's partner may not look; a cancelled export is gone.
    assert_outcome(&app.get(&status, Some(&app.token("g", Role::Partner, &[Registry::General]))).await, 403);
    assert_outcome(&app.get(&status, None).await, 401);
    let r = app.request(Method::DELETE, &status, Some(&partner), None).await;
    assert_eq!(r.status, 202, "{}", r.text());
    assert_outcome(&app.get(&status, Some(&partner)).await, 404);
    assert_outcome(&app.get("/fhir/bulk-status/0193", Some(&partner)).await, 404);
    assert_outcome(&app.get("/fhir/bulk-files/0193/output-1.ndjson", Some(&partner)).await, 404);
});

both_dbs!(another_instance_answers_the_status_url, |app| {
    submit(&app, 2).await;
    let partner = app.token("p", Role::Partner, &[PSO]);
    let status = kick_off(&app, &partner, "").await;
    // A second app on the same database and secrets: a job is in the database, not in a process.
    let (dir, url) = (app.data_dir.path().to_path_buf(), app.state.settings.database_url.clone());
    let other = TestApp::with_settings(app.backend, move |s| {
        s.data_dir = dir;
        s.database_url = url;
    })
    .await;
    let m = manifest(&other, &partner, &status).await;
    assert_eq!(lines(&other, &partner, &m, "output").await.len(), 2);
});

both_dbs!(an_export_expires_a_day_after_its_kick_off, |app| {
    submit(&app, 1).await;
    let partner = app.token("p", Role::Partner, &[PSO]);
    let status = kick_off(&app, &partner, "").await;
    let m = manifest(&app, &partner, &status).await;
    let file = path_of(m["output"][0]["url"].as_str().unwrap());
    assert_eq!(app.get(&file, Some(&partner)).await.status, 200);
    // What a kick-off a day later does to it (the clock cannot be moved, so the cut-off is).
    let later = dermreg::db::now() + chrono::Duration::hours(1);
    app.state.db.write_blocking(|c| dermreg::fhir::store::expire(c, later)).unwrap();
    assert_outcome(&app.get(&status, Some(&partner)).await, 404);
    assert_outcome(&app.get(&file, Some(&partner)).await, 404);
});
