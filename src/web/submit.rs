//! `/submit`: the case entry page for virtual consultations. The server sends the frame; `submit.js`
//! signs in, builds the form from the registry's form definition (so the page cannot disagree with
//! the API), keeps a draft in session storage, previews the de-identified case through
//! `cases:validate`, submits, and lists, corrects and withdraws the clinician's own cases.
//! The page holds no data of its own and puts nothing in a URL.

use actix_web::HttpResponse;

use super::html::{layout, Nav};

/// The frame: sign-in, then the workspace (new case, preview, confirmation, my cases). Sections are
/// shown and hidden by the script; without script the page says what it needs.
const MAIN: &str = r#"<h1>Enter a case</h1>
<p class="lede">For clinicians reporting a COVID-19 case during a consultation. Your draft stays in this browser tab
until you submit it, so a dropped call or a reload loses nothing. Identifying details are removed before anything is
stored.</p>
<noscript><p class="notice">This page needs JavaScript, served by this server only. The API
(<a href="/docs">documentation</a>) accepts the same cases.</p></noscript>
<div class="with-aside"><div class="primary">

<section id="signin" class="panel narrow" aria-labelledby="signin-h" hidden>
  <h2 id="signin-h">Sign in</h2>
  <p id="signin-note" class="notice" hidden></p>
  <form id="signin-form" method="post" action="/submit" novalidate>
    <div class="field"><label for="username">Username</label>
      <input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required></div>
    <div class="field"><label for="password">Password</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required></div>
    <p id="signin-error" class="error-text" role="alert" hidden></p>
    <button type="submit" class="button">Sign in</button>
  </form>
</section>

<div id="workspace" hidden>
  <div class="session-bar">
    <p>Signed in as <strong id="who"></strong></p>
    <nav class="views" aria-label="Case entry">
      <button type="button" class="tab" id="show-entry" aria-controls="entry">New case</button>
      <button type="button" class="tab" id="show-cases" aria-controls="my-cases">My cases</button>
    </nav>
    <button type="button" class="button secondary" id="signout">Sign out</button>
  </div>
  <p id="status" class="status" role="status" aria-live="polite"></p>

  <section id="entry" aria-labelledby="entry-h">
    <h2 id="entry-h">New case</h2>
    <p id="correcting" class="notice" hidden></p>
    <div class="field" id="registry-field"><label for="registry">Registry</label>
      <select id="registry"></select></div>
    <div id="error-summary" class="error-summary" tabindex="-1" hidden aria-labelledby="error-summary-h">
      <h2 id="error-summary-h">There is a problem with this case</h2>
      <ul id="error-list"></ul>
    </div>
    <form id="case-form" novalidate>
      <p class="required-note">Fields marked <span class="req" aria-hidden="true">*</span><span class="visually-hidden">required</span> are required.</p>
      <div id="fields"></div>
      <div class="actions">
        <button type="submit" class="button" id="check">Check and preview</button>
        <button type="button" class="button secondary" id="clear-draft">Clear form</button>
      </div>
    </form>
    <section id="preview" class="panel" aria-labelledby="preview-h" tabindex="-1" hidden>
      <h2 id="preview-h">Preview: the case as it will be stored</h2>
      <div id="preview-body"></div>
      <div class="actions">
        <button type="button" class="button" id="send">Submit case</button>
        <button type="button" class="button secondary" id="back-to-form">Change something</button>
      </div>
    </section>
  </section>

  <section id="confirmation" class="panel" aria-labelledby="confirmation-h" tabindex="-1" hidden>
    <h2 id="confirmation-h">Case stored</h2>
    <div id="confirmation-body"></div>
    <div class="actions">
      <button type="button" class="button" id="new-case">Enter another case</button>
      <button type="button" class="button secondary" id="to-cases">Go to my cases</button>
    </div>
  </section>

  <section id="my-cases" aria-labelledby="my-cases-h" hidden>
    <h2 id="my-cases-h">My cases</h2>
    <div id="cases-body"></div>
    <section id="case-detail" class="panel" aria-labelledby="case-detail-h" tabindex="-1" hidden>
      <h3 id="case-detail-h">Case</h3>
      <div id="case-detail-body"></div>
    </section>
  </section>
</div>
</div>
<aside class="guide" aria-labelledby="guide-h">
  <h2 id="guide-h">Before you enter a case</h2>
  <ul>
    <li>Only de-identified data is stored. The form never asks for the patient's name, contact details, record
      numbers or date of birth: please do not type them into the notes either.</li>
    <li>Notes are checked for identifying details. <strong>Check and preview</strong> shows them exactly as they will
      be stored, with placeholders such as <code>[NAME]</code> where something was removed.</li>
    <li>The draft is kept in this browser tab only, and removed when you submit or sign out.</li>
    <li>You can correct or withdraw your cases later under <strong>My cases</strong>.</li>
  </ul>
</aside>
</div>"#;

pub async fn page() -> HttpResponse {
    // The page is the same for everyone; it is personalised only in the browser.
    super::html_page(layout("Enter a case: dermreg", Nav::Submit, MAIN, Some("submit.js")), "no-cache")
}
