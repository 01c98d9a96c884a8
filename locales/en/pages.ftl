# The two pages: / (open data) and /submit (case entry). Placeables are named for what they hold.
# Messages starting `submit-` are also sent to the entry page's script; there each placeable is filled in
# by the script, so keep every `{ $name }` of the English message (you may move it).

## This language

# The language's name in itself, as the language picker shows it.
language-name = English
# Shown on every page while no clinician who speaks the language has reviewed the translation.
language-unreviewed = This translation has not yet been reviewed by a clinician who speaks the language.

## Every page

page-skip = Skip to main content
page-brand-sub = Dermatology COVID-19 registries
page-nav = Site
page-nav-dashboard = Open data
page-nav-submit = Enter a case
page-nav-api = API
page-language = Language
page-language-choose = Change language
page-footer = De-identified data only: nothing that identifies a patient is stored, logged, exported or published. Aggregate tables are open access under CC-BY-4.0.

## The open data page (/)

dashboard-title = Open data: dermatology COVID-19 registries
dashboard-heading = COVID-19 in people with skin disease: open registry data
dashboard-lede = Counts of cases reported by clinicians to three dermatology registries, published as releases that never change once made. Small counts are suppressed so that no patient can be singled out: a suppressed value is unknown, not zero. These are reported cases (a case series), not incidence.
dashboard-toc = On this page
dashboard-no-release = No release has been published for this registry yet.
dashboard-release = Release
dashboard-cut-off = Cut-off
dashboard-cases = Cases
dashboard-threshold = Suppression threshold
dashboard-licence = Licence
dashboard-download-release = Download release { $number } (zip)
dashboard-json = JSON
dashboard-all-tables-csv = All tables (CSV)
dashboard-caveat = These are reported cases, a case series: not incidence, not representative of all patients.
dashboard-download-table = Download this table (CSV)
dashboard-table-suffix = { $title } (table)
dashboard-suppressed = suppressed
dashboard-suppressed-legend = suppressed (small count, not zero)
dashboard-suppressed-title = { $label }: suppressed
dashboard-total = Total
dashboard-all-cases = All cases
dashboard-series-cases = cases
dashboard-by-month = Cases by month of COVID-19 diagnosis
dashboard-by-month-about = The epidemic curve of reported cases.
dashboard-month = Month
dashboard-age-sex = Age band by sex
dashboard-age-sex-about = Cases per age band at diagnosis, for each sex.
dashboard-age-band = Age band
dashboard-by-country = Cases by country
dashboard-by-country-about = Countries with fewer than k cases are grouped as other countries, and the rest are listed by their number of cases.
dashboard-country = Country
dashboard-other-countries = Other countries
dashboard-not-reported = Not reported
dashboard-manifestations = Skin manifestations
dashboard-manifestations-about = Morphology of skin manifestations (a case may have several), with COVID-19 severity in the table.
dashboard-morphology = Morphology
dashboard-outcomes = Outcomes by treatment category
dashboard-outcomes-about = Share of cases hospitalised and who died, with 95% Wilson score intervals. Rates are published only where every count behind them is.
dashboard-outcomes-caption = { $title }: rates with 95% Wilson score intervals
dashboard-treatment-category = Treatment category
dashboard-hospitalised = Hospitalised
dashboard-died = Died
dashboard-hospitalised-ci = Hospitalised (95% CI)
dashboard-died-ci = Died (95% CI)
dashboard-compare = Psoriasis and atopic dermatitis compared
dashboard-compare-empty = Both registries need a release before they can be compared.
dashboard-compare-lede = The two registries share these fields on purpose. Each bar is a share of its own registry's cases ({ $a } of { $registry-a }, { $b } of { $registry-b }), from each registry's latest release.
dashboard-compare-json = Comparison (JSON)
dashboard-compare-severity-before = Skin disease severity before COVID-19 (PGA / IGA)
dashboard-compare-covid-severity = COVID-19 severity
dashboard-compare-download = Download the tables (CSV):
dashboard-short-psoriasis = Psoriasis
dashboard-short-atopic-dermatitis = Atopic dermatitis
dashboard-short-general = General

## The case entry page (/submit)

submit-title = Enter a case: dermreg
submit-heading = Enter a case
submit-lede = For clinicians reporting a COVID-19 case during a consultation. Your draft stays in this browser tab until you submit it, so a dropped call or a reload loses nothing. Identifying details are removed before anything is stored.
submit-noscript = This page needs JavaScript, served by this server only. The API accepts the same cases:
submit-noscript-docs = documentation
submit-signin = Sign in
submit-username = Username
submit-password = Password
submit-signed-in-as = Signed in as
submit-views = Case entry
submit-new-case = New case
submit-my-cases = My cases
submit-signout = Sign out
submit-registry = Registry
submit-error-summary = There is a problem with this case
submit-required-note-before = Fields marked
submit-required-note-after = are required.
submit-required = required
submit-check = Check and preview
submit-clear = Clear form
submit-preview = Preview: the case as it will be stored
submit-send = Submit case
submit-save-correction = Save correction
submit-back = Change something
submit-stored = Case stored
submit-correction-saved = Correction saved
submit-another = Enter another case
submit-to-cases = Go to my cases
submit-case = Case
submit-guide = Before you enter a case
submit-guide-1 = Only de-identified data is stored. The form never asks for the patient's name, contact details, record numbers or date of birth: please do not type them into the notes either.
submit-guide-2 = Notes are checked for identifying details. "Check and preview" shows them exactly as they will be stored, with placeholders such as [NAME] where something was removed.
submit-guide-3 = The draft is kept in this browser tab only, and removed when you submit or sign out.
submit-guide-4 = You can correct or withdraw your cases later under "My cases".

# Written by the page's script.
submit-session-ended = Your session has ended. Sign in again: your draft is kept.
submit-unreachable = The service could not be reached. Nothing was lost: try again when the connection is back.
submit-too-many = Too many requests. Wait a minute and try again.
submit-answered = The service answered { $status }.
submit-enter-credentials = Enter your username and password.
submit-wrong-credentials = The username or password is not right.
submit-not-clinician = This account cannot enter cases.
submit-signed-out = You are signed out. The token is revoked and the draft removed from this browser.
submit-draft-restored = Your draft was restored.
submit-required-suffix = (required)
submit-scrub-warning = Names, dates, places, contact details and record numbers are removed before the case is stored. Check the case to see the text exactly as it will be kept. In this browser's draft it is kept only in that de-identified form.
submit-choose = Choose…
submit-item-treatments = Treatment
submit-item-manifestations = Skin manifestation
submit-item = Entry
submit-add = Add: { $item }
submit-remove = Remove: { $item } { $number }
submit-item-number = { $item } { $number }
submit-entry-number = entry { $number }
submit-checking = Checking…
submit-notes-will-be = Notes as they will be stored
submit-removed-will-be = What is removed or generalised
submit-case-will-be = The case as it will be stored
submit-the-form = The form
submit-removed = Removed: { $field }
submit-generalised = Generalised: { $from } → { $to }
submit-placeholders = { $field }: details replaced by placeholders ({ $kinds })
submit-not-stored = Not stored: { $field }. { $reason }
submit-nothing-removed = Nothing: the case holds no identifying detail the service recognises.
submit-yes = Yes
submit-no = No
submit-saving = Saving the correction…
submit-submitting = Submitting…
submit-changed-since = This case was changed since you opened it. Open it again from My cases.
submit-stored-in = The case is stored in the { $registry }. Reference: { $reference }.
submit-correction-stored-in = The correction is stored in the { $registry }. Reference: { $reference }.
submit-removed-was = What was removed or generalised
submit-notes-stored = Notes as stored
submit-stored-case = The stored case
submit-loading-cases = Loading your cases…
submit-no-cases = You have not entered a case yet.
submit-open = Open
submit-open-case = Open case entered { $when }
submit-withdrawn = Withdrawn
submit-active = Active
submit-cases-caption = Cases you entered, newest first
submit-col-entered = Entered
submit-col-registry = Registry
submit-col-diagnosis = Diagnosis
submit-col-status = Status
submit-col-actions = Actions
submit-cases-table = My cases (table)
submit-first-100 = Showing your first 100 cases.
submit-case-entered = Case entered { $when }
submit-reference = { $registry } · reference { $reference }
submit-withdrawn-at = Withdrawn { $when }. No clinical data is kept.
submit-correct = Correct this case
submit-withdraw-legend = Withdraw this case
submit-withdraw-hint = Withdrawing erases the clinical data; later releases leave the case out.
submit-withdraw = Withdraw case
submit-reason-entered-in-error = Entered in error
submit-reason-duplicate = Duplicate of another case
submit-reason-consent-withdrawn = Consent withdrawn
submit-reason-other = Other reason
submit-changed-reopen = This case was changed since you opened it. Open it again.
submit-is-withdrawn = The case is withdrawn.
submit-correcting = You are correcting the case entered { $when }. The corrected case is checked and de-identified again.
submit-cancel-correction = Cancel correction
submit-correct-heading = Correct a case
submit-cleared = The form is cleared.
