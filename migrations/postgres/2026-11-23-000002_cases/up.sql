-- One narrow row per case: every value a summary groups by, each in its own column, so aggregate
-- scans read little. A withdrawn case keeps only its tombstone (clinical columns NULL).
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

-- The de-identified form and its derived values as JSON, apart from the narrow row; deleted on withdrawal.
CREATE TABLE case_documents (
    case_id TEXT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    form TEXT NOT NULL,
    derived TEXT NOT NULL
);

-- Multi-valued items of a case (comorbidities, drugs, morphologies...), one row each. The case's
-- registry, creation time and outcome are repeated here (rewritten with the facets on every
-- correction) so summaries count facets without a join.
CREATE TABLE case_facets (
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    registry TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    detail TEXT,
    covid_severity SMALLINT NOT NULL,
    hospitalised BOOLEAN NOT NULL,
    died BOOLEAN NOT NULL
);
CREATE INDEX case_facets_case ON case_facets (case_id);
CREATE INDEX case_facets_registry_name ON case_facets (registry, name);

-- The change feed: every creation, correction and withdrawal, in commit order.
CREATE TABLE changes (
    seq BIGSERIAL PRIMARY KEY,
    case_id TEXT NOT NULL,
    registry TEXT NOT NULL,
    kind TEXT NOT NULL,
    at TIMESTAMP NOT NULL
);
CREATE INDEX changes_registry_seq ON changes (registry, seq);
