//! `/submit`: the case entry page for virtual consultations. The server sends the frame in the
//! reader's language with the messages its script needs; `submit.js` signs in, builds the form from
//! the registry's form definition in the same language (so the page cannot disagree with the API),
//! keeps a draft in session storage, previews the de-identified case through `cases:validate`,
//! submits, and lists, corrects and withdraws the clinician's own cases. The page holds no data of
//! its own and puts nothing in a URL.

use actix_web::{HttpRequest, HttpResponse};
use maud::{html, Markup};
use serde_json::{json, Map, Value};

use super::html::{layout, Frame, Nav};
use crate::i18n::Lang;

/// The frame: sign-in, then the workspace (new case, preview, confirmation, my cases). Sections are
/// shown and hidden by the script; without script the page says what it needs.
fn main(lang: Lang) -> Markup {
    let t = |id: &str| lang.text(id);
    html! {
        h1 { (t("submit-heading")) }
        p.lede { (t("submit-lede")) }
        noscript { p.notice { (t("submit-noscript")) " " a href="/docs" { (t("submit-noscript-docs")) } } }
        div.with-aside { div.primary {
            section #signin .panel.narrow aria-labelledby="signin-h" hidden {
                h2 #signin-h { (t("submit-signin")) }
                p #signin-note .notice hidden {}
                form #signin-form method="post" action="/submit" novalidate {
                    div.field { label for="username" { (t("submit-username")) }
                        input #username name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required; }
                    div.field { label for="password" { (t("submit-password")) }
                        input #password name="password" type="password" autocomplete="current-password" required; }
                    p #signin-error .error-text role="alert" hidden {}
                    button.button type="submit" { (t("submit-signin")) }
                }
            }
            div #workspace hidden {
                div.session-bar {
                    p { (t("submit-signed-in-as")) " " strong #who {} }
                    nav.views aria-label=(t("submit-views")) {
                        button.tab #show-entry type="button" aria-controls="entry" { (t("submit-new-case")) }
                        button.tab #show-cases type="button" aria-controls="my-cases" { (t("submit-my-cases")) }
                    }
                    button.button.secondary #signout type="button" { (t("submit-signout")) }
                }
                p #status .status role="status" aria-live="polite" {}
                section #entry aria-labelledby="entry-h" {
                    h2 #entry-h { (t("submit-new-case")) }
                    p #correcting .notice hidden {}
                    div.field #registry-field { label for="registry" { (t("submit-registry")) } select #registry {} }
                    div #error-summary .error-summary tabindex="-1" hidden aria-labelledby="error-summary-h" {
                        h2 #error-summary-h { (t("submit-error-summary")) }
                        ul #error-list {}
                    }
                    form #case-form novalidate {
                        p.required-note {
                            (t("submit-required-note-before")) " "
                            span.req aria-hidden="true" { "*" }
                            span.visually-hidden { (t("submit-required")) }
                            " " (t("submit-required-note-after"))
                        }
                        div #fields {}
                        div.actions {
                            button.button #check type="submit" { (t("submit-check")) }
                            button.button.secondary #clear-draft type="button" { (t("submit-clear")) }
                        }
                    }
                    section #preview .panel aria-labelledby="preview-h" tabindex="-1" hidden {
                        h2 #preview-h { (t("submit-preview")) }
                        div #preview-body {}
                        div.actions {
                            button.button #send type="button" { (t("submit-send")) }
                            button.button.secondary #back-to-form type="button" { (t("submit-back")) }
                        }
                    }
                }
                section #confirmation .panel aria-labelledby="confirmation-h" tabindex="-1" hidden {
                    h2 #confirmation-h { (t("submit-stored")) }
                    div #confirmation-body {}
                    div.actions {
                        button.button #new-case type="button" { (t("submit-another")) }
                        button.button.secondary #to-cases type="button" { (t("submit-to-cases")) }
                    }
                }
                section #my-cases aria-labelledby="my-cases-h" hidden {
                    h2 #my-cases-h { (t("submit-my-cases")) }
                    div #cases-body {}
                    section #case-detail .panel aria-labelledby="case-detail-h" tabindex="-1" hidden {
                        h3 #case-detail-h { (t("submit-case")) }
                        div #case-detail-body {}
                    }
                }
            }
        }
        aside.guide aria-labelledby="guide-h" {
            h2 #guide-h { (t("submit-guide")) }
            ul {
                li { (t("submit-guide-1")) }
                li { (t("submit-guide-2")) }
                li { (t("submit-guide-3")) }
                li { (t("submit-guide-4")) }
            }
        } }
    }
}

/// What the script needs to speak: the page's language and its messages (`{name}` left for it to
/// fill in).
fn page_data(lang: Lang) -> String {
    let mut messages = Map::new();
    for (id, text) in lang.for_script("submit-").into_iter().chain(lang.for_script("free-text-")) {
        messages.insert(id.to_owned(), Value::String(text));
    }
    json!({"lang": lang.tag(), "messages": messages}).to_string()
}

pub async fn page(req: HttpRequest) -> HttpResponse {
    let lang = Lang::of_page(&req);
    let frame = Frame { lang, title: &lang.text("submit-title"), nav: Nav::Submit, script: Some("submit.js"), data: Some(page_data(lang)) };
    // The page is the same for everyone of a language; it is personalised only in the browser.
    super::html_page(&req, lang, layout(frame, main(lang)), "no-cache")
}
