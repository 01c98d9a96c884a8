-- One row per case: the de-identified form as JSON, and beside it every value a summary groups by,
-- each in its own indexed column. A withdrawn case keeps only its tombstone (clinical columns NULL).
CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    registry TEXT NOT NULL,
    form_version TEXT NOT NULL,
    submitter TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL,
    withdrawn_at TIMESTAMP,
    withdrawal_reason TEXT,
    record_key TEXT,
    form TEXT,
    derived TEXT,
    confirmed BOOLEAN,
    diagnosis_basis TEXT,
    diagnosis_period TEXT,
    covid_severity SMALLINT,
    hospitalised BOOLEAN,
    icu BOOLEAN,
    died BOOLEAN,
    age_years SMALLINT,
    age_top_coded BOOLEAN,
    age_band TEXT,
    sex TEXT,
    country TEXT,
    bmi DOUBLE PRECISION,
    treatment_category TEXT,
    comorbidity_count SMALLINT,
    severity_before TEXT,
    flare_after TEXT,
    case_type TEXT
);
CREATE INDEX cases_registry_id ON cases (registry, id);
CREATE INDEX cases_submitter_id ON cases (submitter, id);
CREATE INDEX cases_registry_created ON cases (registry, created_at);
CREATE UNIQUE INDEX cases_record_key ON cases (registry, record_key) WHERE record_key IS NOT NULL;

-- Multi-valued items of a case (comorbidities, drugs, morphologies...), one row each.
CREATE TABLE case_facets (
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    detail TEXT
);
CREATE INDEX case_facets_case ON case_facets (case_id);
CREATE INDEX case_facets_name_value ON case_facets (name, value);

-- The change feed: every creation, correction and withdrawal, in commit order.
CREATE TABLE changes (
    seq BIGSERIAL PRIMARY KEY,
    case_id TEXT NOT NULL,
    registry TEXT NOT NULL,
    kind TEXT NOT NULL,
    at TIMESTAMP NOT NULL
);
CREATE INDEX changes_registry_seq ON changes (registry, seq);
