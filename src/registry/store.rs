//! Cases in the database: the only place the registry module touches diesel.
//! One transaction per write: the case, its facets, its change-feed row, the audit row and the
//! idempotency record go in together (on PostgreSQL a new case and its audit row are one statement).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::{Derived, Registry};
use crate::audit;
use crate::db::schema::{audit_log, case_documents, case_facets, cases, changes, idempotency_keys};
use crate::db::{DbConn, DbError, Stamp};

/// A stored case as read back: the tombstone fields, the de-identified form and its derived values
/// (`None` once withdrawn).
#[derive(Debug, Clone, Queryable)]
pub struct CaseRow {
    pub id: String,
    pub registry: String,
    pub form_version: String,
    pub submitter: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub version: i32,
    pub withdrawn_at: Option<NaiveDateTime>,
    pub withdrawal_reason: Option<String>,
    pub form: Option<String>,
    pub derived: Option<String>,
}

/// Cases with their documents, as `CaseRow`s.
#[diesel::dsl::auto_type]
pub(crate) fn with_documents() -> _ {
    cases::table.left_join(case_documents::table).select((
        cases::id,
        cases::registry,
        cases::form_version,
        cases::submitter,
        cases::created_at,
        cases::updated_at,
        cases::version,
        cases::withdrawn_at,
        cases::withdrawal_reason,
        case_documents::form.nullable(),
        case_documents::derived.nullable(),
    ))
}

/// The summary columns a case's content fills (all NULL once withdrawn).
#[derive(AsChangeset)]
#[diesel(table_name = cases, treat_none_as_null = true)]
struct Content<'a> {
    form_version: &'a str,
    confirmed: Option<bool>,
    diagnosis_basis: Option<&'a str>,
    diagnosis_period: Option<&'a str>,
    covid_severity: Option<i16>,
    hospitalised: Option<bool>,
    icu: Option<bool>,
    died: Option<bool>,
    age_years: Option<i16>,
    age_top_coded: Option<bool>,
    age_band: Option<&'a str>,
    sex: Option<&'a str>,
    country: Option<&'a str>,
    bmi: Option<f64>,
    treatment_category: Option<&'a str>,
    comorbidity_count: Option<i16>,
    severity_before: Option<&'a str>,
    flare_after: Option<&'a str>,
    case_type: Option<&'a str>,
}

impl<'a> Content<'a> {
    fn of(d: &'a Derived) -> Content<'a> {
        Content {
            form_version: &d.form_version,
            confirmed: Some(d.confirmed),
            diagnosis_basis: Some(&d.diagnosis_basis),
            diagnosis_period: Some(&d.diagnosis_period),
            covid_severity: Some(d.covid_severity),
            hospitalised: Some(d.hospitalised),
            icu: Some(d.icu),
            died: Some(d.died),
            age_years: Some(d.age_years),
            age_top_coded: Some(d.age_top_coded),
            age_band: Some(d.age_band),
            sex: Some(&d.sex),
            country: Some(&d.country),
            bmi: d.bmi,
            treatment_category: Some(d.treatment_category),
            comorbidity_count: Some(d.comorbidity_count),
            severity_before: d.severity_before.as_deref(),
            flare_after: d.flare_after.as_deref(),
            case_type: d.case_type.as_deref(),
        }
    }

    /// A tombstone: no clinical content at all.
    fn erased(form_version: &'a str) -> Content<'a> {
        Content {
            form_version,
            confirmed: None,
            diagnosis_basis: None,
            diagnosis_period: None,
            covid_severity: None,
            hospitalised: None,
            icu: None,
            died: None,
            age_years: None,
            age_top_coded: None,
            age_band: None,
            sex: None,
            country: None,
            bmi: None,
            treatment_category: None,
            comorbidity_count: None,
            severity_before: None,
            flare_after: None,
            case_type: None,
        }
    }
}

/// A new case's document as stored: the form's and the derived values' JSON text, written before
/// the transaction (on the core that checked the case), so the writer only copies it.
#[derive(Debug, Clone)]
pub struct DocumentText {
    pub form: String,
    pub derived: String,
}

impl DocumentText {
    pub fn of(form: &serde_json::Value, derived: &Derived) -> DocumentText {
        DocumentText { form: form.to_string(), derived: serde_json::to_string(derived).expect("derived values serialise") }
    }
}

/// A case's document row (a new case's, or a correction's), borrowing its text.
#[derive(Insertable, AsChangeset)]
#[diesel(table_name = case_documents, treat_none_as_default_value = false)]
struct NewDocument<'a> {
    case_id: &'a str,
    form: &'a str,
    derived: &'a str,
}

#[derive(Insertable)]
#[diesel(table_name = case_facets, treat_none_as_default_value = false)]
struct FacetRow<'a> {
    case_id: &'a str,
    registry: &'a str,
    created_at: &'a Stamp,
    name: &'a str,
    value: &'a str,
    detail: Option<&'a str>,
    covid_severity: i16,
    hospitalised: bool,
    died: bool,
}

fn facet_rows<'a>(case_id: &'a str, registry: Registry, created_at: &'a Stamp, d: &'a Derived) -> impl Iterator<Item = FacetRow<'a>> {
    d.facets.iter().map(move |f| FacetRow {
        case_id,
        registry: registry.id(),
        created_at,
        name: f.name,
        value: &f.value,
        detail: f.detail.as_deref(),
        covid_severity: d.covid_severity,
        hospitalised: d.hospitalised,
        died: d.died,
    })
}

crate::bulk_row!(FacetRow<'_> => case_facets { case_id, registry, created_at, name, value, detail, covid_severity, hospitalised, died });
crate::bulk_row!(NewDocument<'_> => case_documents { case_id, form, derived });

/// What happened to a case, as the change feed tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Created,
    Corrected,
    Withdrawn,
}

impl ChangeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Created => "created",
            ChangeKind::Corrected => "corrected",
            ChangeKind::Withdrawn => "withdrawn",
        }
    }
}

pub struct NewCase<'a> {
    pub id: &'a str,
    pub registry: Registry,
    pub submitter: &'a str,
    pub record_key: Option<&'a str>,
    pub document: &'a DocumentText,
    pub derived: &'a Derived,
}

/// A new case's row, column for column: PostgreSQL's binary `COPY` takes only flat rows (no
/// `#[diesel(embed)]`), so the content's columns are spelled out here once more.
#[derive(Insertable)]
#[diesel(table_name = cases, treat_none_as_default_value = false)]
struct CaseInsert<'a> {
    id: &'a str,
    registry: &'a str,
    submitter: &'a str,
    created_at: &'a Stamp,
    updated_at: &'a Stamp,
    version: i32,
    record_key: Option<&'a str>,
    form_version: &'a str,
    confirmed: Option<bool>,
    diagnosis_basis: Option<&'a str>,
    diagnosis_period: Option<&'a str>,
    covid_severity: Option<i16>,
    hospitalised: Option<bool>,
    icu: Option<bool>,
    died: Option<bool>,
    age_years: Option<i16>,
    age_top_coded: Option<bool>,
    age_band: Option<&'a str>,
    sex: Option<&'a str>,
    country: Option<&'a str>,
    bmi: Option<f64>,
    treatment_category: Option<&'a str>,
    comorbidity_count: Option<i16>,
    severity_before: Option<&'a str>,
    flare_after: Option<&'a str>,
    case_type: Option<&'a str>,
}

impl<'a> CaseInsert<'a> {
    fn of(n: &'a NewCase, at: &'a Stamp) -> CaseInsert<'a> {
        let Content {
            form_version, confirmed, diagnosis_basis, diagnosis_period, covid_severity, hospitalised, icu, died, age_years, age_top_coded,
            age_band, sex, country, bmi, treatment_category, comorbidity_count, severity_before, flare_after, case_type,
        } = Content::of(n.derived);
        CaseInsert {
            id: n.id,
            registry: n.registry.id(),
            submitter: n.submitter,
            created_at: at,
            updated_at: at,
            version: 1,
            record_key: n.record_key,
            form_version, confirmed, diagnosis_basis, diagnosis_period, covid_severity, hospitalised, icu, died, age_years, age_top_coded,
            age_band, sex, country, bmi, treatment_category, comorbidity_count, severity_before, flare_after, case_type,
        }
    }
}

crate::bulk_row!(CaseInsert<'_> => cases {
    id, registry, submitter, created_at, updated_at, version, record_key, form_version, confirmed, diagnosis_basis,
    diagnosis_period, covid_severity, hospitalised, icu, died, age_years, age_top_coded, age_band, sex, country, bmi,
    treatment_category, comorbidity_count, severity_before, flare_after, case_type,
});

#[derive(Insertable)]
#[diesel(table_name = changes, treat_none_as_default_value = false)]
struct ChangeInsert<'a> {
    case_id: &'a str,
    registry: &'a str,
    kind: &'a str,
    at: &'a Stamp,
}

crate::bulk_row!(ChangeInsert<'_> => changes { case_id, registry, kind, at });

/// Inserts one case with the audit entry of its creation and returns it as stored (without reading
/// it back). On PostgreSQL that is one statement ([`OneCase`]), so it needs no transaction of its own
/// (`Db::write_statement`).
pub fn insert(conn: &mut DbConn, new: &NewCase, entry: &audit::Entry) -> Result<CaseRow, DbError> {
    let at = insert_audited(conn, std::slice::from_ref(new), std::slice::from_ref(entry))?;
    Ok(CaseRow {
        id: new.id.to_owned(),
        registry: new.registry.id().to_owned(),
        form_version: new.derived.form_version.clone(),
        submitter: new.submitter.to_owned(),
        created_at: at,
        updated_at: at,
        version: 1,
        withdrawn_at: None,
        withdrawal_reason: None,
        form: Some(new.document.form.clone()),
        derived: Some(new.document.derived.clone()),
    })
}

/// Inserts cases with their documents, facets and change-feed rows, all at one time, formatted once:
/// each table in bulk (`insert_all!`: `COPY` on PostgreSQL, `INSERT`s of a few fixed sizes on
/// SQLite). Returns their creation time. The caller records their audit entries (a batch: in bulk).
pub fn insert_many(conn: &mut DbConn, new: &[NewCase]) -> Result<NaiveDateTime, DbError> {
    insert_audited(conn, new, &[])
}

/// [`insert_many`] with `entries` in the audit log at the same time; a single case on PostgreSQL in
/// one statement ([`OneCase`]).
fn insert_audited(conn: &mut DbConn, new: &[NewCase], entries: &[audit::Entry]) -> Result<NaiveDateTime, DbError> {
    let now = Stamp::new(crate::db::now());
    let audit: Vec<audit::Row> = entries.iter().map(|e| audit::Row::of(e, &now)).collect();
    let rows: Vec<CaseInsert> = new.iter().map(|n| CaseInsert::of(n, &now)).collect();
    let documents: Vec<NewDocument> =
        new.iter().map(|n| NewDocument { case_id: n.id, form: &n.document.form, derived: &n.document.derived }).collect();
    let changes: Vec<ChangeInsert> =
        new.iter().map(|n| ChangeInsert { case_id: n.id, registry: n.registry.id(), kind: ChangeKind::Created.as_str(), at: &now }).collect();
    let facets: Vec<FacetRow> = new.iter().flat_map(|n| facet_rows(n.id, n.registry, &now, n.derived)).collect();
    match conn {
        DbConn::Pg(pg) if new.len() == 1 => {
            OneCase { case: &rows[..], document: &documents[..], change: &changes[..], facets: &facets[..], audit: &audit[..] }.execute(pg)?;
        }
        _ => {
            crate::insert_all!(conn, cases::table, &rows[..])?;
            crate::insert_all!(conn, case_documents::table, &documents[..])?;
            crate::insert_all!(conn, changes::table, &changes[..])?;
            crate::insert_all!(conn, case_facets::table, &facets[..])?;
            if !audit.is_empty() {
                crate::insert_all!(conn, audit_log::table, &audit[..])?;
            }
        }
    }
    Ok(now.at())
}

/// A new case's rows and its audit row in one PostgreSQL statement (`INSERT`s in `WITH`): one round
/// trip to the server instead of five, for the single submission, whose transaction was otherwise
/// mostly round trips; one statement is also its own transaction, so it needs no `BEGIN` and
/// `COMMIT`. Its SQL differs only by the number of facets (and whether there is an audit row), so
/// the connection keeps one prepared statement per number (the form bounds it).
struct OneCase<'r> {
    case: &'r [CaseInsert<'r>],
    document: &'r [NewDocument<'r>],
    change: &'r [ChangeInsert<'r>],
    facets: &'r [FacetRow<'r>],
    audit: &'r [audit::Row<'r>],
}

impl diesel::query_builder::QueryId for OneCase<'_> {
    type QueryId = ();
    // cached by its SQL text, which differs by the number of facets
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl diesel::query_builder::QueryFragment<diesel::pg::Pg> for OneCase<'_> {
    fn walk_ast<'b>(&'b self, mut out: diesel::query_builder::AstPass<'_, 'b, diesel::pg::Pg>) -> QueryResult<()> {
        use crate::db::bulk::push_insert;
        out.push_sql("WITH case_row AS (");
        push_insert(&mut out, self.case)?;
        out.push_sql("), document_row AS (");
        push_insert(&mut out, self.document)?;
        if !self.facets.is_empty() {
            out.push_sql("), facet_rows AS (");
            push_insert(&mut out, self.facets)?;
        }
        if !self.audit.is_empty() {
            out.push_sql("), audit_row AS (");
            push_insert(&mut out, self.audit)?;
        }
        out.push_sql(") ");
        push_insert(&mut out, self.change)
    }
}

impl<C> RunQueryDsl<C> for OneCase<'_> {}

pub fn record_change(
    conn: &mut DbConn,
    case_id: &str,
    registry: Registry,
    kind: ChangeKind,
    at: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::insert_into(changes::table)
        .values((
            changes::case_id.eq(case_id),
            changes::registry.eq(registry.id()),
            changes::kind.eq(kind.as_str()),
            changes::at.eq(at),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn get(conn: &mut DbConn, id: &str) -> Result<Option<CaseRow>, DbError> {
    Ok(with_documents().filter(cases::id.eq(id)).first(conn).optional()?)
}

/// Replaces the content of a case if it is still at `expected_version`; `None` if it moved on.
pub fn correct(
    conn: &mut DbConn,
    id: &str,
    registry: Registry,
    expected_version: i32,
    form: &serde_json::Value,
    derived: &Derived,
) -> Result<Option<CaseRow>, DbError> {
    correct_document(conn, id, registry, expected_version, &DocumentText::of(form, derived), derived)
}

/// [`correct`] with the document's text already made (a batch makes it on the core that checked the item).
pub fn correct_document(
    conn: &mut DbConn,
    id: &str,
    registry: Registry,
    expected_version: i32,
    text: &DocumentText,
    derived: &Derived,
) -> Result<Option<CaseRow>, DbError> {
    let now = crate::db::now();
    let updated = diesel::update(cases::table.filter(cases::id.eq(id)).filter(cases::version.eq(expected_version)))
        .set((cases::updated_at.eq(now), cases::version.eq(expected_version + 1), Content::of(derived)))
        .execute(conn)?;
    if updated == 0 {
        return Ok(None);
    }
    diesel::update(case_documents::table.find(id)).set(NewDocument { case_id: id, form: &text.form, derived: &text.derived }).execute(conn)?;
    let row = get(conn, id)?.ok_or(DbError::NotFound)?;
    diesel::delete(case_facets::table.filter(case_facets::case_id.eq(id))).execute(conn)?;
    let created_at = Stamp::new(row.created_at);
    let facets: Vec<FacetRow> = facet_rows(id, registry, &created_at, derived).collect();
    crate::insert_all!(conn, case_facets::table, &facets[..])?;
    record_change(conn, id, registry, ChangeKind::Corrected, now)?;
    Ok(Some(row))
}

/// Erases the clinical content, keeping a tombstone with the time and reason.
pub fn withdraw(conn: &mut DbConn, row: &CaseRow, registry: Registry, reason: &str) -> Result<CaseRow, DbError> {
    let now = crate::db::now();
    diesel::update(cases::table.filter(cases::id.eq(&row.id)))
        .set((
            cases::updated_at.eq(now),
            cases::version.eq(row.version + 1),
            cases::withdrawn_at.eq(Some(now)),
            cases::withdrawal_reason.eq(Some(reason)),
            Content::erased(&row.form_version),
        ))
        .execute(conn)?;
    diesel::delete(case_documents::table.find(&row.id)).execute(conn)?;
    diesel::delete(case_facets::table.filter(case_facets::case_id.eq(&row.id))).execute(conn)?;
    record_change(conn, &row.id, registry, ChangeKind::Withdrawn, now)?;
    get(conn, &row.id)?.ok_or(DbError::NotFound)
}

/// Which cases a listing may show.
pub struct CaseFilter {
    pub registries: Vec<Registry>,
    /// `Some(subject)`: only this submitter's cases (a clinician).
    pub submitter: Option<String>,
    pub created_from: Option<NaiveDateTime>,
    pub created_before: Option<NaiveDateTime>,
    /// Ids are time-ordered (UUID v7): the cursor is the last id seen.
    pub after_id: Option<String>,
    pub limit: i64,
}

pub fn list(conn: &mut DbConn, f: &CaseFilter) -> Result<Vec<CaseRow>, DbError> {
    let mut q = with_documents()
        .filter(cases::registry.eq_any(f.registries.iter().map(|r| r.id())))
        .order(cases::id.asc())
        .limit(f.limit)
        .into_boxed();
    if let Some(s) = &f.submitter {
        q = q.filter(cases::submitter.eq(s.clone()));
    }
    if let Some(t) = f.created_from {
        q = q.filter(cases::created_at.ge(t));
    }
    if let Some(t) = f.created_before {
        q = q.filter(cases::created_at.lt(t));
    }
    if let Some(a) = &f.after_id {
        q = q.filter(cases::id.gt(a.clone()));
    }
    Ok(q.load(conn)?)
}

/// Cases not withdrawn, per registry id.
pub fn active_counts(conn: &mut DbConn) -> Result<Vec<(String, i64)>, DbError> {
    Ok(cases::table
        .filter(cases::withdrawn_at.is_null())
        .group_by(cases::registry)
        .select((cases::registry, diesel::dsl::count_star()))
        .load(conn)?)
}

/// A remembered answer to an `Idempotency-Key`: the request's hash, where the case is and the
/// de-identification report (no clinical content: a replay reads the case as it is now).
pub struct Remembered {
    pub request_hash: String,
    pub case_id: String,
    pub report: String,
}

/// How long an `Idempotency-Key` is honoured.
pub const IDEMPOTENCY_HOURS: i64 = 24;

/// What claiming an `Idempotency-Key` found.
pub enum Claim {
    /// The key is this request's now: go on and store the case under the id given.
    Claimed,
    /// An earlier request holds it (committed: a racing one is waited for by the database).
    Taken(Remembered),
}

/// Claims `key` for `subject` with the answer this request will give, in the caller's transaction,
/// before the case is written. The insert is the lock: on PostgreSQL a concurrent claim of the same
/// key (from this or another instance) waits on the primary key until the first transaction ends,
/// then finds its row, so two racing submissions store one case and both answer it. SQLite has one
/// writer, so the race cannot happen there.
pub fn claim(conn: &mut DbConn, subject: &str, key: &str, r: &Remembered) -> Result<Claim, DbError> {
    let cutoff = crate::db::now() - chrono::Duration::hours(IDEMPOTENCY_HOURS);
    let scope = idempotency_keys::table.filter(idempotency_keys::subject.eq(subject)).filter(idempotency_keys::key.eq(key));
    // An expired key is forgotten, so it can be used afresh.
    diesel::delete(scope.filter(idempotency_keys::created_at.lt(cutoff))).execute(conn)?;
    let row = (
        idempotency_keys::subject.eq(subject),
        idempotency_keys::key.eq(key),
        idempotency_keys::request_hash.eq(&r.request_hash),
        idempotency_keys::status.eq(201),
        idempotency_keys::location.eq(Some(&r.case_id)),
        idempotency_keys::body.eq(&r.report),
        idempotency_keys::created_at.eq(crate::db::now()),
    );
    let inserted = crate::on_backend!(conn, |c| diesel::insert_into(idempotency_keys::table)
        .values(row.clone())
        .on_conflict_do_nothing()
        .execute(c))?;
    if inserted == 1 {
        return Ok(Claim::Claimed);
    }
    let (request_hash, case_id, report): (String, Option<String>, String) = scope
        .select((idempotency_keys::request_hash, idempotency_keys::location, idempotency_keys::body))
        .first(conn)?;
    Ok(Claim::Taken(Remembered { request_hash, case_id: case_id.unwrap_or_default(), report }))
}
