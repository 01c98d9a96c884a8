//! The service in the clinician's language: negotiation, the translated form definition and
//! problems, GET /v1/languages, data that stays language-free, and free text in a script no
//! scrubber pack reads.

use actix_web::test::TestRequest;
use dermreg::auth::Role;
use dermreg::i18n::Lang;
use dermreg::registry::form::{Field, Kind};
use dermreg::registry::Registry;
use serde_json::{json, Value};

use crate::both_dbs;
use crate::cases::example;
use crate::helpers::*;

/// The nine languages the issue asks for besides English.
const NINE: &[&str] = &["nb", "es", "fr", "de", "it", "pt", "nl", "ar", "ja"];

async fn get_in(app: &TestApp, path: &str, accept_language: &str) -> Response {
    app.send(TestRequest::get().uri(path).insert_header(("Accept-Language", accept_language))).await
}

/// Every text a person reads in a form definition, by its place in the document.
fn texts(v: &Value, at: String, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                match (k.as_str(), x) {
                    ("title" | "description" | "x-help", Value::String(s)) => out.push((format!("{at}/{k}"), s.clone())),
                    _ => texts(x, format!("{at}/{k}"), out),
                }
            }
        }
        Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| texts(x, format!("{at}/{i}"), out)),
        _ => {}
    }
}

both_dbs!(each_language_answers_the_form_in_itself, |app| {
    let form = "/v1/registries/psoriasis/form";
    let mut by_lang = Vec::new();
    for tag in std::iter::once(&"en").chain(NINE) {
        let r = get_in(&app, form, tag).await;
        assert_eq!(r.status, 200, "{tag}");
        assert_eq!(r.header("content-language").as_deref(), Some(*tag));
        assert!(r.header("vary").is_some_and(|v| v.contains("Accept-Language")), "{tag}");
        let mut doc = r.json();
        // Country names come from CLDR, not from translators: "Angola" is Angola in Norwegian too.
        let countries = doc["$defs"]["country"]["oneOf"].take();
        assert_eq!(countries.as_array().map(Vec::len), Some(249), "{tag}");
        if *tag == "nb" {
            assert!(countries.as_array().unwrap().contains(&json!({"const": "NO", "title": "Norge"})));
        }
        // Drugs keep their international non-proprietary names (each language's own spelling of them).
        doc["properties"]["treatments"]["items"]["properties"]["drug"]["oneOf"].take();
        let mut t = Vec::new();
        texts(&doc, String::new(), &mut t);
        by_lang.push((*tag, t));
    }
    let english = &by_lang[0].1;
    assert!(english.len() > 200, "labels, help and choices: {}", english.len());
    for (tag, t) in &by_lang[1..] {
        assert_eq!(t.iter().map(|(at, _)| at).collect::<Vec<_>>(), english.iter().map(|(at, _)| at).collect::<Vec<_>>(), "{tag}: same places");
        // Terms written the same in every language (PASI, drug names) are left aside.
        let shared = |i: usize| by_lang.iter().all(|(_, o)| o[i].1 == english[i].1);
        let counted: Vec<usize> = (0..english.len()).filter(|&i| !shared(i)).collect();
        let differ = counted.iter().filter(|&&i| t[i].1 != english[i].1).count();
        let share = differ as f64 / counted.len() as f64;
        assert!(share >= 0.9, "{tag}: only {:.1} % of {} strings differ from English", 100.0 * share, counted.len());
    }
});

both_dbs!(lang_query_then_accept_language_then_english, |app| {
    let form = "/v1/registries/general/form";
    let lang_of = |r: &Response| r.header("content-language").unwrap_or_default();
    for (accept, want) in [
        ("nb-NO,nb;q=0.9,en;q=0.5", "nb"),
        ("no", "nb"),
        ("fr-CA", "fr"),
        ("xx, de;q=0.3", "de"),
        ("pt-BR", "pt"),
        ("ja-JP", "ja"),
        ("xx", "en"),
        ("", "en"),
        ("*", "en"),
    ] {
        assert_eq!(lang_of(&get_in(&app, form, accept).await), want, "Accept-Language: {accept}");
    }
    let r = get_in(&app, &format!("{form}?lang=fr"), "nb").await;
    assert_eq!(lang_of(&r), "fr", "?lang= wins");
    assert_eq!(r.json()["title"], Lang::from_tag("fr").unwrap().text("form-general").as_ref());
    assert_eq!(lang_of(&get_in(&app, &format!("{form}?lang=xx"), "nb").await), "nb", "an unknown ?lang= is passed over");
    assert_eq!(lang_of(&app.get(form, None).await), "en");
    // Problems say which language they are in too.
    let p = get_in(&app, "/v1/nothing-here", "de").await;
    let body = p.assert_problem(404);
    assert_eq!(lang_of(&p), "de");
    assert_ne!(body["title"], "Not found");
});

both_dbs!(a_422_in_french_has_the_english_pointers_and_french_details, |app| {
    let token = app.token("dr", Role::Clinician, &[Registry::Psoriasis]);
    let path = "/v1/registries/psoriasis/cases:validate";
    let say = |lang: &'static str| {
        with_token(TestRequest::post().uri(path).set_json(json!({})).insert_header(("Accept-Language", lang)), Some(&token))
    };
    let en = app.send(say("en")).await;
    let fr = app.send(say("fr")).await;
    let (en_p, fr_p) = (en.assert_problem(422), fr.assert_problem(422));
    assert_eq!(fr.header("content-language").as_deref(), Some("fr"));
    let items = |p: &Value| p["errors"].as_array().unwrap().iter().map(|e| (e["pointer"].clone(), e["code"].clone())).collect::<Vec<_>>();
    assert_eq!(items(&en_p), items(&fr_p), "pointers and codes never change with the language");
    assert!(items(&en_p).len() >= 4);
    assert_ne!(en_p["title"], fr_p["title"]);
    assert_ne!(en_p["detail"], fr_p["detail"]);
    let french = Lang::from_tag("fr").unwrap();
    for (e, f) in en_p["errors"].as_array().unwrap().iter().zip(fr_p["errors"].as_array().unwrap()) {
        assert_ne!(e["detail"], f["detail"], "{}", e["pointer"]);
        // The sentence names the field by its French label.
        let field = e["pointer"].as_str().unwrap().trim_start_matches('/').replace(['/', '_'], "-");
        let label = french.text(&format!("field-{field}"));
        assert!(f["detail"].as_str().unwrap().contains(label.as_ref()), "{f} lacks {label}");
    }
    // A cross-field rule and a value out of range, in French.
    let mut form = example(Registry::Psoriasis);
    form["covid"]["outcome"] = json!({"hospitalised": false, "icu": true, "died": false, "status": "recovered"});
    form["patient"]["bmi"] = json!(99);
    let r = app
        .send(with_token(TestRequest::post().uri(path).set_json(&form).insert_header(("Accept-Language", "fr")), Some(&token)))
        .await;
    let p = r.assert_problem(422);
    let details: Vec<&str> = p["errors"].as_array().unwrap().iter().map(|e| e["detail"].as_str().unwrap()).collect();
    assert!(details.contains(&french.text("error-icu-requires-hospitalised").as_ref()), "{details:?}");
    assert!(details.iter().any(|d| d.contains("10") && d.contains("80") && d.contains(french.text("field-patient-bmi").as_ref())), "{details:?}");
});

both_dbs!(languages_say_their_name_share_and_review, |app| {
    let r = get_in(&app, "/v1/languages", "nb").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-language").as_deref(), Some("nb"));
    let all = r.json();
    let all = all.as_array().unwrap();
    assert_eq!(all[0]["code"], "en");
    assert_eq!(all[0]["reviewed"], true, "English is the source");
    for tag in NINE {
        let l = all.iter().find(|l| l["code"] == *tag).unwrap_or_else(|| panic!("{tag} is offered"));
        assert_eq!(l["translated"], 1.0, "{tag}");
        assert_eq!(l["reviewed"], false, "nobody has reviewed the machine translation of {tag}");
        assert_eq!(l["rtl"], *tag == "ar");
        assert_ne!(l["name"], "English");
    }
    let nb = all.iter().find(|l| l["code"] == "nb").unwrap();
    assert_eq!(nb["name"], "Norsk bokmål");
});

/// Every message id a form definition names (labels, choices, rules, drug classes, countries).
fn form_messages(fields: &'static [Field], out: &mut Vec<&'static str>) {
    for f in fields {
        out.push(f.msg);
        match f.kind {
            Kind::Enum(values) | Kind::EnumSet { values, .. } => out.extend(values.iter().map(|v| v.msg)),
            Kind::Drug => out.extend(dermreg::registry::form::drugs::drugs().flat_map(|(d, c)| [d.msg, c.msg, c.category.msg])),
            Kind::Country => out.extend(dermreg::registry::form::countries::COUNTRIES.iter().map(|c| c.msg)),
            _ => {}
        }
        if let Some(children) = f.children() {
            form_messages(children, out);
        }
    }
}

#[test]
fn every_form_label_choice_and_problem_has_a_message_in_every_language() {
    let mut ids = Vec::new();
    for r in Registry::ALL {
        let def = r.form();
        ids.push(def.msg);
        for section in def.sections {
            form_messages(section, &mut ids);
        }
        ids.extend(def.rules().map(|rule| rule.msg));
        ids.extend(def.restrictions.iter().map(|x| x.msg));
    }
    ids.extend(dermreg::http::problem_messages());
    let english = Lang::ENGLISH;
    for id in &ids {
        assert!(english.defines(id), "English has no message {id}");
    }
    for slug in dermreg::http::PROBLEM_SLUGS {
        let id = format!("problem-{slug}");
        assert!(english.defines(&format!("{id}.detail")), "{id} has no .detail");
    }
    let langs: Vec<Lang> = Lang::all().collect();
    assert!(langs.len() >= 10, "English and at least nine translations");
    for lang in langs {
        for id in &ids {
            assert!(lang.defines(id), "{}: no message {id}", lang.tag());
            for attr in ["help", "api", "description", "detail"] {
                if english.defines(&format!("{id}.{attr}")) {
                    assert!(lang.defines(&format!("{id}.{attr}")), "{}: no {id}.{attr}", lang.tag());
                }
            }
        }
        assert_eq!(lang.share_translated(), 1.0, "{}: every English message, page texts and problems too", lang.tag());
    }
}

both_dbs!(a_case_entered_in_norwegian_reads_back_the_same_in_english, |app| {
    let token = app.token("dr", Role::Clinician, &[Registry::Psoriasis]);
    let form = example(Registry::Psoriasis);
    let created = app
        .send(with_token(
            TestRequest::post().uri("/v1/registries/psoriasis/cases?lang=nb").set_json(&form).insert_header(("Accept-Language", "nb")),
            Some(&token),
        ))
        .await;
    assert_eq!(created.status, 201, "{}", created.text());
    let location = created.header("location").unwrap();
    let stored = created.json();
    let read = get_in(&app, &location, "en").await;
    assert_eq!(read.status, 401, "reading needs the token");
    let read = app.send(with_token(TestRequest::get().uri(&location).insert_header(("Accept-Language", "en")), Some(&token))).await.json();
    assert_eq!(read["form"], stored["form"], "codes only: the language of entry leaves no trace");
    assert_eq!(read["form"]["patient"]["sex"], form["patient"]["sex"]);
    assert_eq!(read["derived"], stored["derived"]);
});

both_dbs!(free_text_in_a_script_no_pack_reads_is_not_stored, |app| {
    let token = app.token("dr", Role::Clinician, &[Registry::Psoriasis]);
    for (note, dropped) in [
        ("المريض يعاني من طفح جلدي منذ ثلاثة أيام، عولج في مستشفى الملك فهد", true),
        ("患者は3日前から発疹があり、山田医師が診察した。", true),
        ("Plaques worse after the infection; seen in clinic on day 10.", false),
    ] {
        let mut form = example(Registry::Psoriasis);
        form["notes"] = json!(note);
        let r = app.post_json("/v1/registries/psoriasis/cases:validate", Some(&token), &form).await;
        assert_eq!(r.status, 200, "{}", r.text());
        let body = r.json();
        let report = &body["deidentification"];
        if dropped {
            assert_eq!(body["form"]["notes"], "[NOT STORED]", "{note}");
            assert_eq!(report["not_stored"], json!(["/notes"]));
            assert_eq!(report["unreadable"], json!(["/notes"]));
            let start: String = note.chars().take(6).collect();
            assert!(!body.to_string().contains(&start), "nothing of the text is answered");
        } else {
            assert_ne!(body["form"]["notes"], "[NOT STORED]");
            assert!(report.get("unreadable").is_none());
        }
    }
});
