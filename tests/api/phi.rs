//! The central promise, end to end: every synthetic form of the PHI canary corpus goes in through the
//! API; then every byte the service wrote (database files with the WAL, or a full PostgreSQL dump),
//! every log line and every read-back answer is searched for every canary. Zero may be found, and
//! every clinical `must_keep` phrase must still be in its case's notes.

use actix_web::test::TestRequest;
use dermreg::auth::Role;
use dermreg::deid::text::eval::{parse_canaries, Canary};
use dermreg::registry::Registry;
use serde_json::json;

use crate::both_dbs;
use crate::helpers::*;

/// The shared canary corpus (120 forms written by others) where it is beside the clone, else the
/// project's own: synthetic forms from the seeder carrying made-up identifying fields and notes.
fn corpus() -> Vec<Canary> {
    let Some(text) = dermreg::deid::shared_corpus_text("phi-canaries.jsonl") else { return generated_corpus() };
    let corpus = parse_canaries(&text).expect("canary corpus");
    assert!(corpus.iter().all(|c| Registry::parse(&c.registry).is_some()), "every form names a registry");
    corpus
}

/// 60 forms, each with its own invented identity (a surname made of syllables no dictionary holds, so
/// only context can give it away), in the identifying fields and in the notes around a clinical phrase.
fn generated_corpus() -> Vec<Canary> {
    const SYLLABLES: &[&str] = &["zor", "vek", "tal", "mip", "qua", "ren", "dov", "lis", "bex", "nur", "kai", "fen"];
    const CLINICAL: &[&str] = &["PASI 14 before COVID-19", "EASI 18.5 at the last visit", "pernio-like lesions on both feet"];
    let mut rng = dermreg::registry::seed::Rng::new(7);
    (0..60)
        .map(|i| {
            let registry = Registry::ALL[i % 3];
            let mut form = dermreg::registry::seed::form(registry, &mut rng);
            let syllable = |k: usize| SYLLABLES[(i * 7 + k * 5) % SYLLABLES.len()];
            let surname = format!("{}{}{}", syllable(0).to_uppercase()[..1].to_owned() + &syllable(0)[1..], syllable(1), syllable(2));
            let phone = format!("+44 7700 9{i:05}");
            let email = format!("{}.{i}@example.org", surname.to_lowercase());
            let mrn = format!("HX-{:07}", 4_100_000 + i * 37);
            let street = format!("{} {}ton Road", 10 + i, syllable(3).to_uppercase()[..1].to_owned() + &syllable(3)[1..]);
            let clinical = CLINICAL[i % CLINICAL.len()];
            form["patient"]["name"] = json!(format!("Ana {surname}"));
            form["patient"]["phone"] = json!(phone);
            form["patient"]["email"] = json!(email);
            form["patient"]["mrn"] = json!(mrn);
            form["patient"]["address"] = json!(street);
            form["notes"] = json!(format!("Mrs {surname} (MRN {mrn}) phoned from {phone}; lives at {street}. {clinical}."));
            Canary {
                id: format!("generated-{i}"),
                registry: registry.id().to_owned(),
                form,
                canaries: vec![surname, phone, email, mrn, street],
                must_keep: vec![clinical.to_owned()],
            }
        })
        .collect()
}

/// Everything stored, as text: SQLite's files (main, WAL, shared memory) or every row of every table.
pub fn stored_bytes(app: &TestApp) -> String {
    match app.backend {
        Backend::Sqlite => {
            let mut all = Vec::new();
            for entry in std::fs::read_dir(app.data_dir.path()).unwrap() {
                let path = entry.unwrap().path();
                if path.file_name().unwrap().to_string_lossy().starts_with("dermreg.db") {
                    all.extend(std::fs::read(&path).unwrap());
                }
            }
            assert!(all.len() > 10_000, "the database files were found");
            String::from_utf8_lossy(&all).into_owned()
        }
        Backend::Postgres => {
            use diesel::{QueryableByName, RunQueryDsl};
            #[derive(QueryableByName)]
            struct Row {
                #[diesel(sql_type = diesel::sql_types::Text)]
                row: String,
            }
            #[derive(QueryableByName)]
            struct Table {
                #[diesel(sql_type = diesel::sql_types::Text)]
                table_name: String,
            }
            app.state
                .db
                .read_blocking(|c| -> Result<String, dermreg::db::DbError> {
                    let tables: Vec<Table> = diesel::sql_query(
                        "SELECT table_name::text AS table_name FROM information_schema.tables WHERE table_schema = current_schema()",
                    )
                    .load(c)
                    .map_err(dermreg::db::DbError::from)?;
                    assert!(tables.len() >= 8);
                    let mut dump = String::new();
                    for t in tables {
                        let rows: Vec<Row> = diesel::sql_query(format!("SELECT row_to_json(t)::text AS row FROM \"{}\" t", t.table_name))
                            .load(c)
                            .map_err(dermreg::db::DbError::from)?;
                        for r in rows {
                            dump.push_str(&r.row);
                            dump.push('\n');
                        }
                    }
                    Ok(dump)
                })
                .unwrap()
        }
    }
}

/// Whether `needle` occurs in `hay` as a whole token: not glued to a letter or digit on either side.
/// A short all-digit canary (a four-digit postcode) also occurs by chance inside UUIDs, timestamps,
/// latencies and fractions, so for those a number context (`:7505`, `.7505`, `-7505`) is not the value
/// either; `, 7505.` or `"7505"` is.
fn contains_token(hay: &str, needle: &str) -> bool {
    let numeric = needle.chars().all(|c| c.is_ascii_digit());
    let glued = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    let number_context = |c: Option<char>| numeric && c.is_some_and(|c| matches!(c, ':' | '.' | '-' | '+' | ','));
    hay.match_indices(needle).any(|(at, m)| {
        let before = hay[..at].chars().next_back();
        let after = hay[at + m.len()..].chars().next();
        !glued(before) && !glued(after) && !number_context(before) && !(numeric && after == Some('.') && hay[at + m.len() + 1..].starts_with(|c: char| c.is_ascii_digit()))
    })
}

#[test]
fn token_search_finds_values_not_fragments() {
    assert!(contains_token("stored: Lars Wang.", "Lars"));
    assert!(contains_token("\"07558 801006\"", "07558 801006"));
    assert!(!contains_token("01a20ab0-2302f", "2302"));
    assert!(!contains_token("molars", "lars"));
    assert!(contains_token("Lives at 134 Calle Mayor, 7505.", "7505"));
    assert!(contains_token(r#"{"postcode":"7505"}"#, "7505"));
    assert!(!contains_token(r#""latency_us":7505,"#, "7505"));
    assert!(!contains_token("23:25:17.227505", "7505"));
    assert!(!contains_token("7505.25", "7505"));
}

both_dbs!(no_canary_is_stored_logged_or_returned, |app| {
    let corpus = corpus();
    assert!(corpus.len() >= 60);
    let clinician = app.token("dr-corpus", Role::Clinician, &Registry::ALL);
    let curator = app.token("curator", Role::Curator, &Registry::ALL);
    let mut answers = String::new();
    let mut ids = Vec::new();
    for (i, c) in corpus.iter().enumerate() {
        let mut req = TestRequest::post().uri(&format!("/v1/registries/{}/cases", c.registry)).set_json(&c.form);
        if i % 2 == 0 {
            req = req.insert_header(("Idempotency-Key", format!("corpus-{i}")));
        }
        let r = app.send(with_token(req, Some(&clinician))).await;
        assert_eq!(r.status, 201, "form {i}: {}", r.text());
        answers.push_str(&r.text());
        ids.push(r.json()["id"].as_str().unwrap().to_owned());
    }
    // Corrections carry identifying data again: the notes of another form and its identifying fields.
    for i in (0..corpus.len()).step_by(10) {
        let other = &corpus[(i + 1) % corpus.len()];
        let patch = json!({"notes": other.form["notes"], "patient": {"name": other.form["patient"]["name"], "phone": other.form["patient"]["phone"]}});
        let req = TestRequest::patch().uri(&format!("/v1/cases/{}", ids[i])).insert_header(("If-Match", "\"1\"")).set_json(patch);
        let r = app.send(with_token(req, Some(&clinician))).await;
        assert_eq!(r.status, 200, "correction {i}: {}", r.text());
        answers.push_str(&r.text());
    }
    // Refused forms carry identifying data too, and must leave nothing.
    for c in corpus.iter().take(10) {
        let mut bad = c.form.clone();
        bad["covid"]["outcome"]["icu"] = json!(true);
        bad["covid"]["outcome"]["hospitalised"] = json!(false);
        let r = app.post_json(&format!("/v1/registries/{}/cases", c.registry), Some(&clinician), &bad).await;
        r.assert_problem(422);
        answers.push_str(&r.text());
    }
    // Read everything back, as each reader would.
    let mut stored_notes = std::collections::HashMap::new();
    for (i, id) in ids.iter().enumerate() {
        let r = app.get(&format!("/v1/cases/{id}"), Some(&curator)).await;
        assert_eq!(r.status, 200);
        answers.push_str(&r.text());
        stored_notes.insert(i, r.json()["form"]["notes"].as_str().unwrap_or_default().to_owned());
    }
    let mut url = "/v1/cases?limit=1000".to_owned();
    loop {
        let page = app.get(&url, Some(&curator)).await;
        answers.push_str(&page.text());
        match page.json()["next"].as_str() {
            Some(n) => url = format!("/v1/cases?limit=1000&after={n}"),
            None => break,
        }
    }
    let admin = app.token("root", Role::Admin, &[]);
    answers.push_str(&app.get("/v1/audit?limit=1000", Some(&admin)).await.text());
    answers.push_str(&app.get("/v1/registries", None).await.text());
    answers.push_str(&app.get("/metrics", None).await.text());

    let stored = stored_bytes(&app);
    let logs = captured_logs();
    let haystacks = [("answers", answers), ("database", stored), ("logs", logs)];
    let lowered: Vec<(&str, String)> = haystacks.iter().map(|(n, h)| (*n, h.to_lowercase())).collect();
    let mut found = Vec::new();
    for (i, c) in corpus.iter().enumerate() {
        for canary in &c.canaries {
            for ((name, hay), (_, low)) in haystacks.iter().zip(&lowered) {
                if contains_token(hay, canary) || contains_token(low, &canary.to_lowercase()) {
                    found.push(format!("form {i}: a canary of {} chars in {name}", canary.len()));
                }
            }
        }
    }
    assert!(found.is_empty(), "{} canaries found:\n{}", found.len(), found.join("\n"));

    // Clinical meaning survives (forms that were not overwritten by a correction).
    for (i, c) in corpus.iter().enumerate().filter(|(i, _)| i % 10 != 0) {
        for phrase in &c.must_keep {
            assert!(stored_notes[&i].contains(phrase.as_str()), "form {i}: `{phrase}` was scrubbed away");
        }
    }
});
