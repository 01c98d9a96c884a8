//! Partner registries through HTTP: batch upsert (JSON and NDJSON, retries, invalid items, limits),
//! the change feed (order, tombstones, NDJSON, concurrent writers), partner credentials and scopes,
//! and the partner's record key found in no byte the service wrote.

use std::cell::Cell;
use std::collections::HashSet;

use actix_web::http::Method;
use actix_web::test::TestRequest;
use dermreg::auth::Role;
use dermreg::registry::Registry;
use serde_json::{json, Value};

use crate::both_dbs;
use crate::cases::example;
use crate::helpers::*;

const PSO: Registry = Registry::Psoriasis;
const BATCH: &str = "/v1/registries/psoriasis/cases:batch";

/// A valid psoriasis form with the partner key `key`; `n` varies its content.
fn item(key: &str, n: u32) -> Value {
    let mut form = example(PSO);
    form["patient"]["age_years"] = json!(20 + n % 60);
    form["notes"] = json!(format!("Restarted adalimumab after {} weeks. PASI 12 before COVID-19.", 1 + n % 9));
    form["partner_record_id"] = json!(key);
    form
}

/// The same form without a partner key: a single submission.
fn form(n: u32) -> Value {
    let mut form = item("x", n);
    form.as_object_mut().unwrap().remove("partner_record_id");
    form
}

fn statuses(r: &Response) -> Vec<String> {
    assert_eq!(r.status, 200, "{}", r.text());
    r.json()["items"].as_array().unwrap().iter().map(|i| i["status"].as_str().unwrap().to_owned()).collect()
}

async fn post_ndjson(app: &TestApp, path: &str, token: &str, body: String) -> Response {
    let req = TestRequest::post().uri(path).insert_header(("Content-Type", "application/x-ndjson")).set_payload(body);
    app.send(with_token(req, Some(token))).await
}

/// Every change of `registry` after `after`, following `next` page by page (JSON).
async fn feed(app: &TestApp, token: &str, registry: Registry, mut after: Option<String>) -> (Vec<Value>, Option<String>) {
    let mut items = Vec::new();
    loop {
        let mut url = format!("/v1/changes?registry={}&limit=7", registry.id());
        if let Some(a) = &after {
            url.push_str(&format!("&after={a}"));
        }
        let r = app.get(&url, Some(token)).await;
        assert_eq!(r.status, 200, "{}", r.text());
        let page = r.json();
        let got = page["items"].as_array().unwrap().clone();
        if let Some(last) = got.last() {
            after = Some(last["cursor"].as_str().unwrap().to_owned());
        }
        items.extend(got);
        if page["next"].is_null() {
            return (items, after);
        }
    }
}

/// [`feed`] until it has at least `n` changes: on PostgreSQL a change is listed only once every
/// transaction older than it has ended, and other tests' transactions may still be running (bounded).
async fn feed_of(app: &TestApp, token: &str, registry: Registry, after: Option<String>, n: usize) -> (Vec<Value>, Option<String>) {
    for _ in 0..10_000 {
        let (items, next) = feed(app, token, registry, after.clone()).await;
        if items.len() >= n {
            return (items, next);
        }
    }
    panic!("the feed never reached {n} changes");
}

both_dbs!(batch_creates_then_retry_changes_nothing_then_corrects, |app| {
    let partner = app.token("partner-a", Role::Partner, &[PSO]);
    let mut bad = item("k-bad", 9);
    bad["covid"]["outcome"]["icu"] = json!(true);
    let no_key = form(1);
    let batch = json!([item("k-1", 1), item("k-2", 2), bad, no_key, item("k-3", 3), item("k-1", 5)]);
    let r = app.post_json(BATCH, Some(&partner), &batch).await;
    assert_eq!(statuses(&r), ["created", "created", "invalid", "invalid", "created", "invalid"]);
    let first = r.json();
    let errors = &first["items"][2]["errors"];
    assert!(errors.as_array().unwrap().iter().any(|e| e["pointer"] == "/covid/outcome/icu"), "{errors}");
    assert_eq!(first["items"][3]["errors"][0]["pointer"], "/partner_record_id");
    assert_eq!(first["items"][5]["errors"][0]["code"], "duplicate_in_batch");
    for (i, item) in first["items"].as_array().unwrap().iter().enumerate() {
        assert_eq!(item["index"], i);
    }
    let id1 = first["items"][0]["id"].as_str().unwrap().to_owned();
    let got = app.get(&format!("/v1/cases/{id1}"), Some(&partner)).await;
    assert_eq!(got.status, 200);
    assert_eq!(got.json()["submitter"], "partner-a");
    assert!(got.json()["form"].get("partner_record_id").is_none(), "the key is not part of the stored form");

    // The whole batch again (a retry after a timeout): nothing changes.
    let r = app.post_json(BATCH, Some(&partner), &batch).await;
    assert_eq!(statuses(&r), ["unchanged", "unchanged", "invalid", "invalid", "unchanged", "invalid"]);
    assert_eq!(r.json()["items"][0]["id"], id1.as_str());
    let count = app.get("/v1/registries", None).await.json();
    assert_eq!(count.as_array().unwrap().iter().find(|r| r["id"] == "psoriasis").unwrap()["cases"], 3);

    // Changed content under a known key corrects that case.
    let r = app.post_json(BATCH, Some(&partner), &json!([item("k-1", 7), item("k-2", 2)])).await;
    assert_eq!(statuses(&r), ["updated", "unchanged"]);
    assert_eq!(r.json()["items"][0]["id"], id1.as_str());
    let got = app.get(&format!("/v1/cases/{id1}"), Some(&partner)).await;
    assert_eq!(got.header("etag").as_deref(), Some("\"2\""));
    assert_eq!(got.json()["form"]["patient"]["age_years"], 27);

    // The same key from another partner is another case.
    let other = app.token("partner-b", Role::Partner, &[PSO]);
    let r = app.post_json(BATCH, Some(&other), &json!([item("k-1", 7)])).await;
    assert_eq!(statuses(&r), ["created"]);
    assert_ne!(r.json()["items"][0]["id"], id1.as_str());
});

both_dbs!(a_batch_of_many_parts_answers_each_item_in_order, |app| {
    // Intake and writing overlap part by part: 600 items are several parts. Every 7th item is
    // invalid, and the last repeats the key of the first part's first item.
    let partner = app.token("partner-a", Role::Partner, &[PSO]);
    let mut items: Vec<Value> = (0..600)
        .map(|i| {
            let mut it = item(&format!("m-{i}"), i);
            if i % 7 == 3 {
                it["covid"]["outcome"]["icu"] = json!(true);
            }
            it
        })
        .collect();
    items.push(item("m-0", 1));
    let want = |valid: &str| -> Vec<String> {
        (0..600).map(|i| if i % 7 == 3 { "invalid" } else { valid }.to_owned()).chain(["invalid".to_owned()]).collect()
    };
    let batch = Value::Array(items);
    let r = app.post_json(BATCH, Some(&partner), &batch).await;
    assert_eq!(statuses(&r), want("created"));
    let first = r.json();
    assert_eq!(first["items"][600]["errors"][0]["code"], "duplicate_in_batch");
    assert!(first["items"][3]["errors"].as_array().unwrap().iter().any(|e| e["pointer"] == "/covid/outcome/icu"));
    for (i, item) in first["items"].as_array().unwrap().iter().enumerate() {
        assert_eq!(item["index"], i);
    }
    // Sent twice at once (a retry after a timeout, racing the first on PostgreSQL): nothing changes,
    // and each item still names its case.
    let (a, b) = futures_util::future::join(app.post_json(BATCH, Some(&partner), &batch), app.post_json(BATCH, Some(&partner), &batch)).await;
    for r in [a, b] {
        assert_eq!(statuses(&r), want("unchanged"));
        assert_eq!(r.json()["items"][599]["id"], first["items"][599]["id"]);
    }
    let count = app.get("/v1/registries", None).await.json();
    assert_eq!(count.as_array().unwrap().iter().find(|r| r["id"] == "psoriasis").unwrap()["cases"], 600 - 86);
});

both_dbs!(two_new_batches_with_the_same_keys_at_once_store_each_case_once, |app| {
    let partner = app.token("partner-a", Role::Partner, &[PSO]);
    let batch = Value::Array((0..300).map(|i| item(&format!("r-{i}"), i)).collect());
    let (a, b) = futures_util::future::join(app.post_json(BATCH, Some(&partner), &batch), app.post_json(BATCH, Some(&partner), &batch)).await;
    let (a, b) = (statuses(&a), statuses(&b));
    for i in 0..300 {
        let mut pair = [a[i].as_str(), b[i].as_str()];
        pair.sort();
        assert_eq!(pair, ["created", "unchanged"], "item {i}");
    }
    let count = app.get("/v1/registries", None).await.json();
    assert_eq!(count.as_array().unwrap().iter().find(|r| r["id"] == "psoriasis").unwrap()["cases"], 300);
});

both_dbs!(ndjson_batch_bad_lines_are_invalid_items, |app| {
    let partner = app.token("partner-a", Role::Partner, &[PSO]);
    let body = format!("{}\n{{not json at all\n\n{}\n[1, 2]\n", item("n-1", 1), item("n-2", 2));
    let r = post_ndjson(&app, BATCH, &partner, body.clone()).await;
    assert_eq!(statuses(&r), ["created", "invalid", "created", "invalid"]);
    assert_eq!(r.json()["items"][1]["errors"][0]["code"], "not_json");
    assert_eq!(r.json()["items"][3]["errors"][0]["code"], "not_an_object");
    let r = post_ndjson(&app, BATCH, &partner, body).await;
    assert_eq!(statuses(&r), ["unchanged", "invalid", "unchanged", "invalid"]);
    // No line at all: an empty result, not an error.
    assert_eq!(statuses(&post_ndjson(&app, BATCH, &partner, "\n".into()).await), Vec::<String>::new());
});

both_dbs!(batch_limits_and_formats, |app| {
    let partner = app.token("partner-a", Role::Partner, &[PSO]);
    let many: Vec<Value> = (0..1001).map(|i| json!({"partner_record_id": format!("k{i}")})).collect();
    app.post_json(BATCH, Some(&partner), &Value::Array(many)).await.assert_problem(413);
    let big = "x".repeat(1024 * 1024 + 1);
    post_ndjson(&app, BATCH, &partner, big).await.assert_problem(413);
    let req = TestRequest::post().uri(BATCH).insert_header(("Content-Type", "text/csv")).set_payload("a,b");
    app.send(with_token(req, Some(&partner))).await.assert_problem(415);
    let req = TestRequest::post().uri(BATCH).insert_header(("Content-Type", "application/json")).set_payload("{\"a\": ");
    app.send(with_token(req, Some(&partner))).await.assert_problem(400);
    app.post_json(BATCH, Some(&partner), &json!({"cases": []})).await.assert_problem(400);
    // Nothing was stored by any of them.
    let (changes, _) = feed(&app, &app.token("cur", Role::Curator, &[PSO]), PSO, None).await;
    assert!(changes.is_empty());
});

both_dbs!(partners_stay_in_their_registries, |app| {
    let partner = app.token("partner-a", Role::Partner, &[PSO]);
    let clinician = app.token("dr-a", Role::Clinician, &Registry::ALL);
    // Not a partner, or not of this registry: 403.
    app.post_json(BATCH, Some(&clinician), &json!([item("k", 1)])).await.assert_problem(403);
    app.post_json("/v1/registries/general/cases:batch", Some(&partner), &json!([])).await.assert_problem(403);
    app.get("/v1/changes?registry=general", Some(&partner)).await.assert_problem(403);
    app.get("/v1/changes?registry=psoriasis", Some(&clinician)).await.assert_problem(403);
    app.get("/v1/changes?registry=psoriasis", None).await.assert_problem(401);
    app.get("/v1/changes?registry=nowhere", Some(&partner)).await.assert_problem(400);
    app.get("/v1/changes?registry=psoriasis&after=0", Some(&partner)).await.assert_problem(400);
    // Cases of other registries are not there for it.
    let general = app.post_json("/v1/registries/general/cases", Some(&clinician), &example(Registry::General)).await;
    assert_eq!(general.status, 201);
    let id = general.json()["id"].as_str().unwrap().to_owned();
    app.get(&format!("/v1/cases/{id}"), Some(&partner)).await.assert_problem(404);
});

both_dbs!(admin_issues_and_revokes_partner_credentials, |app| {
    let admin = app.token("root", Role::Admin, &[]);
    let body = json!({"subject": "national-registry", "registries": ["psoriasis"], "ttl_days": 30});
    let r = app.post_json("/v1/partners/credentials", Some(&admin), &body).await;
    assert_eq!(r.status, 201, "{}", r.text());
    let cred = r.json();
    let token = cred["access_token"].as_str().unwrap().to_owned();
    assert_eq!(cred["registries"], json!(["psoriasis"]));
    assert_eq!(statuses(&app.post_json(BATCH, Some(&token), &json!([item("c-1", 1)])).await), ["created"]);
    // Only an admin, and only sensible credentials.
    app.post_json("/v1/partners/credentials", Some(&token), &body).await.assert_problem(403);
    let bad = json!({"subject": "", "registries": ["psoriasis"]});
    app.post_json("/v1/partners/credentials", Some(&admin), &bad).await.assert_problem(400);
    let bad = json!({"subject": "x", "registries": ["nowhere"]});
    app.post_json("/v1/partners/credentials", Some(&admin), &bad).await.assert_problem(400);
    let path = format!("/v1/partners/credentials/{}", cred["jti"].as_str().unwrap());
    app.request(Method::DELETE, &path, Some(&token), None).await.assert_problem(403);
    let r = app.request(Method::DELETE, &path, Some(&admin), None).await;
    assert_eq!(r.status, 204);
    app.post_json(BATCH, Some(&token), &json!([item("c-2", 2)])).await.assert_problem(401);
    let audit = app.get("/v1/audit?limit=1000", Some(&admin)).await.text();
    assert!(audit.contains("token.issue") && audit.contains("token.revoke"));
});

both_dbs!(feed_lists_every_change_in_order_with_tombstones, |app| {
    let partner = app.token("partner-a", Role::Partner, &[PSO]);
    let clinician = app.token("dr-a", Role::Clinician, &Registry::ALL);
    let curator = app.token("cur", Role::Curator, &[PSO]);
    let mut ids = Vec::new();
    for n in 0..5 {
        let r = app.post_json("/v1/registries/psoriasis/cases", Some(&clinician), &form(n)).await;
        assert_eq!(r.status, 201, "{}", r.text());
        ids.push(r.json()["id"].as_str().unwrap().to_owned());
    }
    let r = app.post_json(BATCH, Some(&partner), &json!([item("b-1", 1), item("b-2", 2)])).await;
    let batch_ids: Vec<String> = r.json()["items"].as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap().to_owned()).collect();
    // A general case never shows in the psoriasis feed.
    assert_eq!(app.post_json("/v1/registries/general/cases", Some(&clinician), &example(Registry::General)).await.status, 201);
    let (first, cursor) = feed_of(&app, &partner, PSO, None, 7).await;
    let seen: Vec<&str> = first.iter().map(|c| c["case"]["id"].as_str().unwrap()).collect();
    let expected: Vec<&str> = ids.iter().chain(&batch_ids).map(String::as_str).collect();
    assert_eq!(seen, expected);
    assert!(first.iter().all(|c| c["kind"] == "created" && c["case"]["registry"] == "psoriasis"));
    let origin = &first[0]["origin"];
    assert_eq!(origin["case_id"], ids[0].as_str());
    assert!(first.iter().all(|c| c["origin"]["instance"] == origin["instance"]), "one instance made them all");

    // A correction and a withdrawal come after the cursor, the withdrawal as a tombstone.
    let patch = json!({"notes": "PASI 3 after 8 weeks."});
    let req = TestRequest::patch().uri(&format!("/v1/cases/{}", ids[1])).insert_header(("If-Match", "\"1\"")).set_json(patch);
    assert_eq!(app.send(with_token(req, Some(&curator))).await.status, 200);
    let r = app.request(Method::DELETE, &format!("/v1/cases/{}?reason=duplicate", ids[2]), Some(&curator), None).await;
    assert_eq!(r.status, 200);
    let (next, end) = feed_of(&app, &partner, PSO, cursor.clone(), 2).await;
    assert_eq!(next.iter().map(|c| c["kind"].as_str().unwrap()).collect::<Vec<_>>(), ["corrected", "withdrawn"]);
    assert_eq!(next[0]["case"]["form"]["notes"], "PASI 3 after 8 weeks.");
    let tomb = &next[1]["case"];
    assert_eq!(tomb["status"], "withdrawn");
    assert!(tomb["form"].is_null() && tomb["derived"].is_null(), "a tombstone has no clinical data: {tomb}");
    assert_eq!(tomb["withdrawal"]["reason"], "duplicate");
    // Caught up: nothing more, and the cursor stays usable.
    let (none, same) = feed(&app, &partner, PSO, end.clone()).await;
    assert!(none.is_empty());
    assert_eq!(same, end);

    // NDJSON streams the same items, one per line; `limit` bounds it.
    let req = TestRequest::get().uri("/v1/changes?registry=psoriasis").insert_header(("Accept", "application/x-ndjson"));
    let r = app.send(with_token(req, Some(&curator))).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type").as_deref(), Some("application/x-ndjson"));
    // (Both show each case as it is now: the first pages were read before the correction.)
    let key = |c: &Value| format!("{} {} {}", c["cursor"], c["kind"], c["case"]["id"]);
    let lines: Vec<Value> = r.text().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let all: Vec<String> = first.iter().chain(&next).map(key).collect();
    assert_eq!(lines.iter().map(key).collect::<Vec<_>>(), all);
    assert_eq!(lines[1]["case"], next[0]["case"]);
    let after = lines[2]["cursor"].as_str().unwrap();
    let req = TestRequest::get().uri(&format!("/v1/changes?registry=psoriasis&after={after}&limit=3")).insert_header(("Accept", "application/x-ndjson"));
    let r = app.send(with_token(req, Some(&curator))).await;
    let lines: Vec<String> = r.text().lines().map(|l| key(&serde_json::from_str(l).unwrap())).collect();
    assert_eq!(lines, all[3..6]);
});

both_dbs!(concurrent_writers_lose_and_duplicate_nothing_in_the_feed, |app| {
    const WRITERS: usize = 8;
    const EACH: usize = 12;
    let partner = app.token("partner-a", Role::Partner, &[PSO]);
    let clinician = app.token("dr-a", Role::Clinician, &[PSO]);
    let running = Cell::new(WRITERS);
    let writer = |w: usize| {
        let (app, partner, clinician, running) = (&app, &partner, &clinician, &running);
        async move {
            let mut ids = Vec::new();
            for n in 0..EACH {
                // Single submissions and batches of two, so transactions of different sizes interleave.
                if n % 3 == 0 {
                    let r = app.post_json(BATCH, Some(partner), &json!([item(&format!("w{w}-{n}a"), 1), item(&format!("w{w}-{n}b"), 2)])).await;
                    for i in r.json()["items"].as_array().unwrap() {
                        assert_eq!(i["status"], "created");
                        ids.push(i["id"].as_str().unwrap().to_owned());
                    }
                } else {
                    let r = app.post_json("/v1/registries/psoriasis/cases", Some(clinician), &form(n as u32)).await;
                    assert_eq!(r.status, 201, "{}", r.text());
                    ids.push(r.json()["id"].as_str().unwrap().to_owned());
                }
            }
            running.set(running.get() - 1);
            ids
        }
    };
    let reader = async {
        let (mut seen, mut cursor, mut polls) = (Vec::<String>::new(), None, 0);
        let total = WRITERS * (EACH + EACH / 3);
        // Follows the cursor while the writers run, then until it has everything (bounded).
        while seen.len() < total && polls < 100_000 {
            let (items, next) = feed(&app, &partner, PSO, cursor.clone()).await;
            seen.extend(items.iter().map(|c| c["case"]["id"].as_str().unwrap().to_owned()));
            cursor = next.or(cursor);
            polls += 1;
            if running.get() == 0 && items.is_empty() && polls % 1000 == 0 {
                eprintln!("reader waiting: {} of {total} seen", seen.len());
            }
        }
        seen
    };
    let (written, seen) = futures_util::future::join(futures_util::future::join_all((0..WRITERS).map(writer)), reader).await;
    let written: HashSet<String> = written.into_iter().flatten().collect();
    assert_eq!(written.len(), WRITERS * (EACH + EACH / 3));
    let unique: HashSet<&String> = seen.iter().collect();
    assert_eq!(unique.len(), seen.len(), "a change was listed twice");
    assert_eq!(unique.len(), written.len(), "a change was lost");
    assert!(seen.iter().all(|id| written.contains(id)));
});

/// PostgreSQL takes a change's seq before commit: a transaction that took a smaller seq and commits
/// after a later one must still be listed, not passed over by a reader that saw the later one.
#[actix_web::test]
async fn a_change_that_commits_late_is_not_skipped() {
    use diesel::connection::SimpleConnection;
    use diesel::{Connection, PgConnection};
    let Some(app) = TestApp::spawn_pg().await else { return };
    let partner = app.token("partner-a", Role::Partner, &[PSO]);
    let clinician = app.token("dr-a", Role::Clinician, &[PSO]);
    let form = form(1);
    // A writer that takes its seq now and commits when told.
    let url = app.state.settings.database_url.clone();
    let (commit_tx, commit_rx) = std::sync::mpsc::channel::<()>();
    let (ready_tx, ready_rx) = std::sync::mpsc::channel::<String>();
    let late = {
        let form = form.clone();
        let state = app.state.clone();
        std::thread::spawn(move || {
            let mut c = dermreg::db::DbConn::Pg(PgConnection::establish(&url).unwrap());
            c.batch_execute("BEGIN").unwrap();
            let ctx = state.intake_context();
            let intake = dermreg::registry::intake(PSO, &form, &ctx).unwrap();
            let id = uuid::Uuid::now_v7().to_string();
            let document = dermreg::registry::store::DocumentText::of(&intake.form, &intake.derived);
            let new = dermreg::registry::store::NewCase { id: &id, registry: PSO, submitter: "late", record_key: None, document: &document, derived: &intake.derived };
            let entry = dermreg::audit::Entry::new("late", "case.create", "case", Some(&id), None);
            dermreg::registry::store::insert(&mut c, &new, &entry).unwrap();
            ready_tx.send(id.clone()).unwrap();
            commit_rx.recv().unwrap();
            c.batch_execute("COMMIT").unwrap();
            id
        })
    };
    let late_id = ready_rx.recv().unwrap();
    let r = app.post_json("/v1/registries/psoriasis/cases", Some(&clinician), &form).await;
    assert_eq!(r.status, 201);
    let early_id = r.json()["id"].as_str().unwrap().to_owned();
    // The committed change is held back while the older transaction runs.
    let (items, cursor) = feed(&app, &partner, PSO, None).await;
    assert!(items.is_empty(), "served a change past a transaction still running");
    commit_tx.send(()).unwrap();
    assert_eq!(late.join().unwrap(), late_id);
    let (items, _) = feed_of(&app, &partner, PSO, cursor, 2).await;
    let ids: Vec<&str> = items.iter().map(|c| c["case"]["id"].as_str().unwrap()).collect();
    assert_eq!(ids, [late_id.as_str(), early_id.as_str()]);
}

both_dbs!(the_partner_key_is_in_no_byte_written, |app| {
    let partner = app.token("partner-a", Role::Partner, &[PSO]);
    let keys: Vec<String> = (0..6).map(|i| format!("PRK-{i}-ZQXJ-{}", 700_000 + i * 7919)).collect();
    let mut answers = String::new();
    let batch: Vec<Value> = keys.iter().enumerate().map(|(i, k)| item(k, i as u32)).collect();
    answers.push_str(&app.post_json(BATCH, Some(&partner), &Value::Array(batch.clone())).await.text());
    let body: String = keys.iter().enumerate().map(|(i, k)| format!("{}\n", item(k, i as u32 + 1))).collect();
    answers.push_str(&post_ndjson(&app, BATCH, &partner, body).await.text());
    let mut invalid = item(&keys[0], 1);
    invalid["covid"]["outcome"]["icu"] = json!(true);
    answers.push_str(&app.post_json(BATCH, Some(&partner), &json!([invalid])).await.text());
    let (items, _) = feed_of(&app, &partner, PSO, None, 6).await;
    answers.push_str(&serde_json::to_string(&items).unwrap());
    let admin = app.token("root", Role::Admin, &[]);
    answers.push_str(&app.get("/v1/audit?limit=1000", Some(&admin)).await.text());
    assert!(answers.contains("updated"), "the second batch corrected cases: {answers}");
    let stored = crate::phi::stored_bytes(&app);
    let logs = captured_logs();
    for key in &keys {
        for (name, hay) in [("answers", &answers), ("database", &stored), ("logs", &logs)] {
            assert!(!hay.contains(key.as_str()), "a partner key is in the {name}");
        }
    }
});
