-- FHIR Bulk Data export jobs (see src/fhir/jobs.rs). A job lives here, not in a process, so any
-- instance answers its status URL and serves its files, and any instance finishes a job whose runner
-- stopped (its heartbeat went stale).
CREATE TABLE export_jobs (
    id TEXT PRIMARY KEY NOT NULL,
    registry TEXT NOT NULL,
    requester TEXT NOT NULL,
    -- the kick-off request, rebuilt from its parsed parameters (never the client's own text)
    request TEXT NOT NULL,
    since TIMESTAMP,
    transaction_time TIMESTAMP NOT NULL,
    -- the change feed's position at transaction_time: a later export with _since = transaction_time
    -- reads the feed from exactly here (NULL: the feed was empty)
    cursor_txid BIGINT,
    cursor_seq BIGINT,
    -- queued, running, done or failed
    status TEXT NOT NULL,
    progress BIGINT NOT NULL,
    heartbeat TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX export_jobs_registry_time ON export_jobs (registry, transaction_time);

-- The cases a job exports: ids only. The resources are built from the stored cases when a file is
-- downloaded, so no copy of clinical content outlives a withdrawal.
CREATE TABLE export_members (
    job_id TEXT NOT NULL,
    -- output (a QuestionnaireResponse) or deleted (a withdrawn case)
    kind TEXT NOT NULL,
    case_id TEXT NOT NULL,
    PRIMARY KEY (job_id, kind, case_id)
);

-- A finished job's files: a range of its members in case id order, at most 50,000 each.
CREATE TABLE export_files (
    job_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    number INTEGER NOT NULL,
    after_id TEXT NOT NULL,
    last_id TEXT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (job_id, kind, number)
);
