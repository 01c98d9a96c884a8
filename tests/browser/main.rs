//! The pages in a real browser: a clinician enters a psoriasis case by keyboard alone (an inline error
//! for a missing required field, the fix, the preview of the scrubbed notes, a reload that loses
//! nothing, the submission, the confirmation, "My cases", sign-out that revokes the token); the public
//! dashboard shows charts, tables and suppressed cells; axe-core finds no serious or critical
//! violation; nothing scrolls sideways at 390 px. Screenshots at 390 and 1280 px go to
//! `target/tmp/browser-screenshots/`.

mod harness;

use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use serde_json::{json, Value};

use harness::{Browser, Server, PASSWORD, USERNAME};

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

// ---- Keyboard only --------------------------------------------------------------------------------

async fn active_attr(c: &Client, attr: &str) -> Result<String> {
    Ok(c.active_element().await?.attr(attr).await?.unwrap_or_default())
}

async fn press(c: &Client, key: Key) -> Result {
    c.active_element().await?.send_keys(&key.to_string()).await?;
    Ok(())
}

/// Presses Tab until the element with `id` has the focus: it must be reachable by keyboard.
async fn tab_to(c: &Client, id: &str) -> Result {
    for _ in 0..300 {
        if active_attr(c, "id").await? == id {
            return Ok(());
        }
        press(c, Key::Tab).await?;
    }
    Err(format!("#{id} cannot be reached with the Tab key").into())
}

/// Tab to a button and press Enter.
async fn activate(c: &Client, id: &str) -> Result {
    tab_to(c, id).await?;
    press(c, Key::Enter).await
}

/// "Check and preview", then submit from the preview: the confirmation's text.
async fn check_and_send(c: &Client) -> Result<String> {
    activate(c, "check").await?;
    c.wait().for_element(Locator::Css("#preview:not([hidden]) dl.stored")).await?;
    activate(c, "send").await?;
    c.wait().for_element(Locator::Css("#confirmation:not([hidden]) dl.stored")).await?;
    text_of(c, "#confirmation").await
}

async fn type_into(c: &Client, id: &str, text: &str) -> Result {
    tab_to(c, id).await?;
    c.active_element().await?.send_keys(text).await?;
    Ok(())
}

/// Picks a radio button as a keyboard user does: Tab into its group, arrow keys to the option.
async fn choose(c: &Client, option_id: &str) -> Result {
    let group = option_id.split("--").next().unwrap();
    for _ in 0..300 {
        if active_attr(c, "name").await? == group {
            break;
        }
        press(c, Key::Tab).await?;
    }
    for _ in 0..12 {
        if active_attr(c, "id").await? == option_id {
            press(c, Key::Space).await?;
            return Ok(());
        }
        press(c, Key::Down).await?;
    }
    Err(format!("#{option_id} cannot be chosen with the arrow keys").into())
}

/// The focused element shows it: an outline of at least 2 px.
async fn assert_focus_visible(c: &Client) -> Result {
    let outline = script(
        c,
        "var s = getComputedStyle(document.activeElement); return [document.activeElement.id || document.activeElement.tagName, s.outlineStyle, parseFloat(s.outlineWidth)];",
    )
    .await?;
    assert!(outline[1] != "none" && outline[2].as_f64().unwrap() >= 2.0, "no visible focus on {outline}");
    Ok(())
}

async fn text_of(c: &Client, css: &str) -> Result<String> {
    Ok(c.wait().for_element(Locator::Css(css)).await?.text().await?)
}

async fn script(c: &Client, js: &str) -> Result<Value> {
    Ok(c.execute(js, vec![]).await?)
}

// ---- Checks on a page -----------------------------------------------------------------------------

/// axe-core's WCAG 2.1 A/AA rules on the page as it is: no serious or critical violation.
async fn axe(c: &Client, source: &Option<String>, page: &str) -> Result {
    let Some(source) = source else {
        harness::require(None::<()>, "axe-core is not installed");
        return Ok(());
    };
    c.execute(source, vec![]).await?;
    let found = c
        .execute_async(
            "var done = arguments[arguments.length - 1];
             axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
               .then(function (r) {
                 done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                   .map(function (v) { return {id: v.id, impact: v.impact, help: v.help,
                     nodes: v.nodes.slice(0, 5).map(function (n) { return n.target.join(' '); })}; }));
               }, function (e) { done([{id: 'axe-error', help: String(e)}]); });",
            vec![],
        )
        .await?;
    assert_eq!(found, json!([]), "axe-core on {page}: serious or critical violations");
    Ok(())
}

/// At `width` px nothing is wider than the screen. Screenshots: the first screen (`{name}-{width}.png`,
/// 900 px high at 1280, a phone's 844 px at 390) and the whole page (`{name}-{width}-full.png`).
async fn screenshot(c: &Client, name: &str, width: u32) -> Result {
    let height = if width < 600 { 844 } else { 900 };
    c.set_window_size(width, height).await?;
    let overflow = script(c, "return document.documentElement.scrollWidth - document.documentElement.clientWidth;").await?;
    if overflow.as_i64().unwrap() > 0 {
        let wide = script(
            c,
            "var w = document.documentElement.clientWidth; return Array.prototype.filter.call(document.querySelectorAll('body *'),
               function (e) { return e.getBoundingClientRect().right > w; }).slice(0, 8)
               .map(function (e) { var r = e.getBoundingClientRect(); return e.tagName + '#' + e.id + '.' + e.className + ' in #' + (e.closest('[id]') || {}).id + ' ' + Math.round(r.left) + '-' + Math.round(r.right); });",
        )
        .await?;
        panic!("{name} scrolls sideways at {width} px by {overflow} px: {wide}");
    }
    let dir = harness::screenshot_dir();
    script(c, "window.scrollTo(0, 0); return null;").await?;
    std::fs::write(dir.join(format!("{name}-{width}.png")), c.screenshot().await?)?;
    let full = script(c, "return document.documentElement.scrollHeight;").await?.as_u64().unwrap();
    c.set_window_size(width, full.clamp(600, 12000) as u32).await?;
    script(c, "window.scrollTo(0, 0); return null;").await?;
    std::fs::write(dir.join(format!("{name}-{width}-full.png")), c.screenshot().await?)?;
    c.set_window_size(1280, 900).await?;
    Ok(())
}

// ---- The scenario ---------------------------------------------------------------------------------

#[actix_web::test]
async fn clinician_enters_a_case_by_keyboard_and_the_public_reads_the_dashboard() {
    let Some(browser) = Browser::start().await else { return };
    let axe_source = harness::axe_source();
    let server = Server::start();
    let c = &browser.client;
    let outcome = scenario(c, &server.base, &axe_source).await;
    let _ = browser.client.clone().close().await;
    outcome.unwrap();
}

const NOTES: &str = "Seen by video with Dr Anna Berg on 12/03/2021; callback on 912 34 567. Plaques stable.";

async fn scenario(c: &Client, base: &str, axe_source: &Option<String>) -> Result {
    c.goto(&format!("{base}/submit")).await?;
    c.wait().for_element(Locator::Css("#signin:not([hidden])")).await?;
    axe(c, axe_source, "/submit (sign-in)").await?;

    // Sign in by keyboard.
    type_into(c, "username", USERNAME).await?;
    assert_focus_visible(c).await?;
    type_into(c, "password", PASSWORD).await?;
    press(c, Key::Enter).await?;
    c.wait().for_element(Locator::Id("f-psoriasis-type")).await?;
    assert_eq!(text_of(c, "#who").await?, USERNAME);

    // A psoriasis case by keyboard, leaving out one required field (the psoriasis type).
    type_into(c, "f-reporter-country", "Norway").await?;
    type_into(c, "f-reporter-specialty", "Dermatology").await?;
    type_into(c, "f-patient-age_years", "47").await?;
    choose(c, "f-patient-sex--female").await?;
    assert_focus_visible(c).await?;
    tab_to(c, "f-comorbidities--hypertension").await?;
    press(c, Key::Space).await?;
    choose(c, "f-covid-diagnosis_basis--pcr").await?;
    type_into(c, "f-covid-diagnosis_date", "2021-03").await?;
    choose(c, "f-covid-outcome-hospitalised--false").await?;
    choose(c, "f-covid-outcome-died--false").await?;
    choose(c, "f-covid-outcome-status--recovered").await?;
    type_into(c, "f-notes", NOTES).await?;
    choose(c, "f-psoriasis-psoriatic_arthritis--false").await?;
    choose(c, "f-psoriasis-severity_before_covid-pga--moderate").await?;
    // ICU is asked only once the patient was hospitalised.
    assert_eq!(script(c, "return document.getElementById('f-covid-outcome-icu-set').closest('[hidden]') !== null;").await?, json!(true));

    activate(c, "check").await?;

    // The inline error beside the field, and a summary that links to it.
    let summary = text_of(c, "#error-summary:not([hidden])").await?;
    assert!(summary.contains("Psoriasis type"), "{summary}");
    let inline = text_of(c, "#f-psoriasis-type-error:not([hidden])").await?;
    assert!(inline.contains("required"), "{inline}");
    assert_eq!(active_attr(c, "id").await?, "error-summary", "the summary takes the focus");
    axe(c, axe_source, "/submit (form with an error)").await?;
    screenshot(c, "submit", 1280).await?;
    screenshot(c, "submit", 390).await?;
    screen_at(c, "submit-390-notes", "f-notes", 390, 844).await?;
    // The draft holds no free text the service would remove, and nothing is in localStorage.
    let draft = script(c, "return sessionStorage.getItem('dermreg.draft');").await?;
    assert!(draft.as_str().is_some_and(|d| d.contains("\"age_years\":47") && !d.contains("Berg") && !d.contains("912")), "{draft}");
    assert_eq!(script(c, "return localStorage.length;").await?, json!(0));

    // Follow the summary's link by keyboard to the field, and fix it.
    press(c, Key::Tab).await?;
    press(c, Key::Enter).await?;
    assert_eq!(active_attr(c, "id").await?, "f-psoriasis-type");
    c.active_element().await?.send_keys("Plaque").await?;

    // The preview shows the notes as they will be stored.
    activate(c, "check").await?;
    let stored = text_of(c, "#preview:not([hidden]) #stored-notes").await?;
    assert!(stored.contains("[NAME]") && !stored.contains("Berg") && !stored.contains("912 34 567"), "{stored}");
    assert!(stored.contains("Plaques stable."), "{stored}");
    screen_at(c, "submit-preview-1280", "preview", 1280, 900).await?;

    // A reload (a dropped call) loses nothing: the form comes back, notes in their scrubbed form.
    c.refresh().await?;
    c.wait().for_element(Locator::Id("f-psoriasis-type")).await?;
    let restored = script(c, "return [document.getElementById('f-patient-age_years').value, document.getElementById('f-psoriasis-type').value, document.getElementById('f-notes').value];").await?;
    assert_eq!(restored[0], json!("47"));
    assert_eq!(restored[1], json!("plaque"));
    assert_eq!(restored[2].as_str(), Some(stored.as_str()));
    // More notes, with a name in them, then check and submit.
    tab_to(c, "f-notes").await?;
    press(c, Key::End).await?;
    c.active_element().await?.send_keys(" Discussed with Dr Kari Nordmann.").await?;

    // The confirmation: the stored case and what de-identification did.
    let confirmation = check_and_send(c).await?;
    assert!(confirmation.contains("Case stored"), "{confirmation}");
    assert!(confirmation.contains("Notes: 1 detail replaced by placeholders"), "{confirmation}");
    assert!(!confirmation.contains("Nordmann"), "{confirmation}");
    assert!(confirmation.contains("Plaque"), "{confirmation}");
    assert_eq!(script(c, "return sessionStorage.getItem('dermreg.draft');").await?, Value::Null, "the draft is cleared on submit");
    assert!(!c.current_url().await?.as_str().contains('?'), "nothing in the URL");

    // My cases lists it.
    activate(c, "to-cases").await?;
    let cases = text_of(c, "#cases-body table").await?;
    assert!(cases.contains("Psoriasis") && cases.contains("Active") && cases.contains("2021-03"), "{cases}");

    // Correct it (the page sends the ETag it read as If-Match) ...
    activate(c, "open-case-0").await?;
    c.wait().for_element(Locator::Css("#case-detail:not([hidden]) #correct-case")).await?;
    tab_to(c, "correct-case").await?;
    assert_focus_visible(c).await?;
    activate(c, "correct-case").await?;
    c.wait().for_element(Locator::Css("#correcting:not([hidden])")).await?;
    tab_to(c, "f-patient-age_years").await?;
    c.active_element().await?.send_keys(&(Key::Control + "a")).await?;
    c.active_element().await?.send_keys("48").await?;
    let corrected = check_and_send(c).await?;
    assert!(corrected.contains("Correction saved") && corrected.contains("48"), "{corrected}");

    // ... and withdraw it.
    activate(c, "to-cases").await?;
    c.wait().for_element(Locator::Css("#cases-body table")).await?;
    activate(c, "open-case-0").await?;
    c.wait().for_element(Locator::Css("#case-detail:not([hidden]) #withdraw-case")).await?;
    activate(c, "withdraw-case").await?;
    c.wait().for_element(Locator::Css("#cases-body .badge.withdrawn")).await?;
    assert_eq!(text_of(c, "#status").await?, "The case is withdrawn.");
    let cases = text_of(c, "#cases-body table").await?;
    assert!(cases.contains("Withdrawn") && !cases.contains("Active"), "{cases}");

    // Sign-out revokes the token at the service.
    let token = script(c, "return JSON.parse(sessionStorage.getItem('dermreg.session')).token;").await?;
    activate(c, "signout").await?;
    c.wait().for_element(Locator::Css("#signin:not([hidden])")).await?;
    let status = c
        .execute_async(
            "var done = arguments[arguments.length - 1];
             fetch('/v1/cases', {headers: {Authorization: 'Bearer ' + arguments[0]}}).then(function (r) { done(r.status); });",
            vec![token],
        )
        .await?;
    assert_eq!(status, json!(401), "the signed-out token is refused");
    assert_eq!(script(c, "return sessionStorage.length;").await?, json!(0));

    dashboard(c, base, axe_source).await
}

async fn dashboard(c: &Client, base: &str, axe_source: &Option<String>) -> Result {
    c.goto(&format!("{base}/")).await?;
    press(c, Key::Tab).await?;
    assert_eq!(active_attr(c, "class").await?, "skip", "the first Tab reaches the skip link");
    assert_focus_visible(c).await?;
    let charts = c.find_all(Locator::Css("svg.chart")).await?;
    assert!(charts.len() >= 12, "{} charts", charts.len());
    let tables = c.find_all(Locator::Css("table")).await?;
    assert!(tables.len() >= charts.len(), "each chart has its table");
    let suppressed = c.find_all(Locator::XPath("//td/span[@class='supp' and text()='suppressed']")).await?;
    assert!(!suppressed.is_empty(), "a suppressed cell reads as suppressed");
    let page = c.find(Locator::Css("main")).await?.text().await?;
    for want in ["Psoriasis COVID-19 Registry", "k = 5", "CC-BY-4.0", "Outcomes by treatment category", "Psoriasis and atopic dermatitis compared"] {
        assert!(page.contains(want), "dashboard without {want:?}");
    }
    // The zip and a CSV link answer.
    let answers = c
        .execute_async(
            "var done = arguments[arguments.length - 1];
             var zip = document.querySelector('a[href$=\".zip\"]').getAttribute('href');
             var csv = document.querySelector('.csv a').getAttribute('href');
             Promise.all([fetch(zip), fetch(csv)]).then(function (rs) {
               done(rs.map(function (r) { return r.status + ' ' + r.headers.get('content-type'); }));
             });",
            vec![],
        )
        .await?;
    assert_eq!(answers[0], json!("200 application/zip"));
    assert!(answers[1].as_str().unwrap().starts_with("200 text/csv"), "{answers}");
    axe(c, axe_source, "/").await?;
    screenshot(c, "dashboard", 1280).await?;
    screenshot(c, "dashboard", 390).await?;
    // The charts of one registry, on a phone and on a desktop screen.
    screen_at(c, "dashboard-390-charts", "psoriasis", 390, 844).await?;
    screen_at(c, "dashboard-1280-charts", "psoriasis", 1280, 1500).await?;
    screen_at(c, "dashboard-1280-compare", "compare", 1280, 1500).await
}

/// A screenshot of the screen that starts at the element `id`.
async fn screen_at(c: &Client, name: &str, id: &str, width: u32, height: u32) -> Result {
    c.set_window_size(width, height).await?;
    c.execute("document.getElementById(arguments[0]).scrollIntoView(); return null;", vec![json!(id)]).await?;
    std::fs::write(harness::screenshot_dir().join(format!("{name}.png")), c.screenshot().await?)?;
    c.set_window_size(1280, 900).await?;
    Ok(())
}
