-- The change feed's order: the id of the transaction that wrote the change (its top-level id, also
-- inside savepoints). The feed serves only changes of transactions older than every running one
-- (see src/sync/feed.rs), so a change that commits late is never passed over.
ALTER TABLE changes ADD COLUMN txid BIGINT NOT NULL DEFAULT (pg_current_xact_id()::text::bigint);
CREATE INDEX changes_registry_txid_seq ON changes (registry, txid, seq);

-- This instance's id, made once: the origin of its own cases in the change feed.
CREATE TABLE instance (
    id TEXT PRIMARY KEY NOT NULL
);
INSERT INTO instance (id) VALUES (md5(random()::text || clock_timestamp()::text));

-- Cases mirrored from another instance: where they were first entered (instance and its case id),
-- so that two instances pulling from each other never echo a case back.
CREATE TABLE case_origins (
    case_id TEXT PRIMARY KEY NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    origin_instance TEXT NOT NULL,
    origin_case_id TEXT NOT NULL,
    UNIQUE (origin_instance, origin_case_id)
);

-- Where `dermreg sync pull` stopped reading each source's feed (the source's opaque cursor).
CREATE TABLE sync_cursors (
    source TEXT NOT NULL,
    registry TEXT NOT NULL,
    cursor TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (source, registry)
);
