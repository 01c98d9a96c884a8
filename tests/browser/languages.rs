//! The pages in the browser's language: a clinician whose Chromium speaks Norwegian (`nb-NO`) enters a
//! psoriasis case by keyboard and reads labels, the inline error, the preview and the confirmation in
//! Norwegian; axe-core on both pages in Norwegian; in an Arabic browser both pages are right to left
//! and nothing scrolls sideways at 390 px.

use dermreg::i18n::{Lang, Message};
use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use serde_json::json;

use super::harness::{Browser, Server, PASSWORD, USERNAME};
use super::{activate, axe, choose, press, screenshot, script, tab_to, text_of, type_into, Result};

fn nb() -> Lang {
    Lang::from_tag("nb").expect("locales/nb")
}

/// The Norwegian text of a message.
fn no(id: &str) -> String {
    nb().text(id).into_owned()
}

#[actix_web::test]
async fn a_norwegian_clinician_enters_a_case_and_an_arabic_reader_sees_the_pages_right_to_left() {
    let Some(browser) = Browser::start_in(Some("nb-NO")).await else { return };
    let axe_source = super::harness::axe_source();
    let server = Server::start();
    let outcome = norwegian(&browser.client, &server.base, &axe_source).await;
    let _ = browser.client.clone().close().await;
    outcome.unwrap();
    let Some(browser) = Browser::start_in(Some("ar")).await else { return };
    let outcome = arabic(&browser.client, &server.base).await;
    let _ = browser.client.clone().close().await;
    outcome.unwrap();
}

async fn lang_and_dir(c: &Client) -> Result<(String, String)> {
    let v = script(c, "return [document.documentElement.lang, document.documentElement.dir];").await?;
    Ok((v[0].as_str().unwrap_or("").to_owned(), v[1].as_str().unwrap_or("").to_owned()))
}

async fn norwegian(c: &Client, base: &str, axe_source: &Option<String>) -> Result {
    // No ?lang= and no choice yet: the page follows the browser.
    c.goto(&format!("{base}/submit")).await?;
    c.wait().for_element(Locator::Css("#signin:not([hidden])")).await?;
    assert_eq!(lang_and_dir(c).await?, ("nb".to_owned(), "ltr".to_owned()));
    assert_eq!(text_of(c, "h1").await?, no("submit-heading"));
    assert_eq!(text_of(c, ".unreviewed").await?, no("language-unreviewed"), "nobody has reviewed the Norwegian");
    assert_eq!(text_of(c, "label[for=username]").await?, no("submit-username"));
    axe(c, axe_source, "/submit in Norwegian (sign-in)").await?;

    type_into(c, "username", USERNAME).await?;
    type_into(c, "password", PASSWORD).await?;
    press(c, Key::Enter).await?;
    c.wait().for_element(Locator::Id("f-psoriasis-type")).await?;

    // Labels and choices in Norwegian, from the form definition the page asked for in Norwegian.
    let form = c.find(Locator::Id("case-form")).await?.text().await?;
    for id in ["field-reporter-country", "field-patient-sex", "field-psoriasis-type", "field-covid-outcome-hospitalised", "choice-sex-female"] {
        assert!(form.contains(&no(id)), "the form lacks {:?} ({id})", no(id));
    }
    assert!(!form.contains("Age top-coded") && !form.contains(&no("field-patient-age-top-coded")), "a field the registry sets is not asked");

    // The same case as in English, chosen by its Norwegian labels; the psoriasis type left out.
    type_into(c, "f-reporter-country", "Norge").await?;
    type_into(c, "f-reporter-specialty", &no("choice-specialty-dermatology")).await?;
    type_into(c, "f-patient-age_years", "47").await?;
    choose(c, "f-patient-sex--female").await?;
    choose(c, "f-covid-diagnosis_basis--pcr").await?;
    type_into(c, "f-covid-diagnosis_date", "2021-03").await?;
    choose(c, "f-covid-outcome-hospitalised--false").await?;
    choose(c, "f-covid-outcome-died--false").await?;
    choose(c, "f-covid-outcome-status--recovered").await?;
    type_into(c, "f-notes", "Sett på video med dr. Kari Nordmann 12.03.2021. Plakkene er stabile.").await?;
    choose(c, "f-psoriasis-psoriatic_arthritis--false").await?;
    choose(c, "f-psoriasis-severity_before_covid-pga--moderate").await?;
    activate(c, "check").await?;

    // The inline error, in Norwegian, beside its field.
    let required = nb().say(&Message::new("error-required").field("field-psoriasis-type"));
    let inline = text_of(c, "#f-psoriasis-type-error:not([hidden])").await?;
    assert!(inline.contains(&required), "{inline:?} is not {required:?}");
    let summary = text_of(c, "#error-summary:not([hidden])").await?;
    assert!(summary.contains(&no("submit-error-summary")), "{summary}");
    axe(c, axe_source, "/submit in Norwegian (form with an error)").await?;
    screenshot(c, "nb-submit", 1280).await?;
    screenshot(c, "nb-submit", 390).await?;

    // Fixed by its Norwegian label; the preview in Norwegian.
    type_into(c, "f-psoriasis-type", &no("choice-psoriasis-type-plaque")).await?;
    activate(c, "check").await?;
    let preview = text_of(c, "#preview:not([hidden])").await?;
    for id in ["submit-preview", "submit-notes-will-be", "submit-removed-will-be", "submit-case-will-be"] {
        assert!(preview.contains(&no(id)), "the preview lacks {:?}", no(id));
    }
    assert!(!preview.contains("Nordmann"), "{preview}");
    super::screen_at(c, "nb-submit-preview-1280", "preview", 1280, 900).await?;

    // The confirmation in Norwegian.
    activate(c, "send").await?;
    c.wait().for_element(Locator::Css("#confirmation:not([hidden]) dl.stored")).await?;
    assert_eq!(text_of(c, "#confirmation-h").await?, no("submit-stored"));
    let confirmation = text_of(c, "#confirmation").await?;
    let stored_in = no("submit-stored-in");
    let opening = stored_in.split('{').next().unwrap().trim();
    assert!(confirmation.contains(opening), "{confirmation:?} lacks {opening:?}");
    assert!(confirmation.contains(&no("choice-psoriasis-type-plaque")), "{confirmation}");

    // The dashboard in Norwegian.
    c.goto(&format!("{base}/")).await?;
    assert_eq!(lang_and_dir(c).await?.0, "nb");
    assert_eq!(text_of(c, "h1").await?, no("dashboard-heading"));
    let main = c.find(Locator::Css("main")).await?.text().await?;
    for id in ["form-psoriasis", "dashboard-outcomes", "dashboard-compare", "dashboard-by-country", "dashboard-suppressed"] {
        assert!(main.contains(&no(id)), "the dashboard lacks {:?} ({id})", no(id));
    }
    assert!(main.contains("Norge") || main.contains(&no("dashboard-other-countries")), "countries by their Norwegian names");
    axe(c, axe_source, "/ in Norwegian").await?;
    screenshot(c, "nb-dashboard", 1280).await?;
    screenshot(c, "nb-dashboard", 390).await?;

    // The picker: a choice of French is remembered over the browser's language.
    tab_to(c, "lang").await?;
    script(c, "var s = document.getElementById('lang'); s.value = 'fr'; s.form.submit(); return null;").await?;
    c.wait().for_element(Locator::Css("html[lang=fr]")).await?;
    c.goto(&format!("{base}/submit")).await?;
    assert_eq!(lang_and_dir(c).await?.0, "fr", "the choice is remembered");
    script(c, "var s = document.getElementById('lang'); s.value = 'nb'; s.form.submit(); return null;").await?;
    c.wait().for_element(Locator::Css("html[lang=nb]")).await?;
    Ok(())
}

async fn arabic(c: &Client, base: &str) -> Result {
    for (path, name) in [("/", "ar-dashboard"), ("/submit", "ar-submit")] {
        c.goto(&format!("{base}{path}")).await?;
        c.wait().for_element(Locator::Css("main")).await?;
        assert_eq!(lang_and_dir(c).await?, ("ar".to_owned(), "rtl".to_owned()), "{path}");
        // Mirrored: the text starts on the right.
        let align = script(c, "return getComputedStyle(document.querySelector('main p')).direction;").await?;
        assert_eq!(align, json!("rtl"));
        // `screenshot` fails the test if anything scrolls sideways.
        screenshot(c, name, 390).await?;
        screenshot(c, name, 1280).await?;
    }
    Ok(())
}
