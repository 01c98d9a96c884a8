ALTER TABLE idempotency_keys
    ALTER COLUMN subject TYPE TEXT COLLATE "default",
    ALTER COLUMN key TYPE TEXT COLLATE "default";
ALTER TABLE case_origins ALTER COLUMN case_id TYPE TEXT COLLATE "default";
ALTER TABLE changes ALTER COLUMN registry TYPE TEXT COLLATE "default";
ALTER TABLE case_facets ALTER COLUMN case_id TYPE TEXT COLLATE "default";
ALTER TABLE case_documents ALTER COLUMN case_id TYPE TEXT COLLATE "default";
ALTER TABLE cases
    ALTER COLUMN id TYPE TEXT COLLATE "default",
    ALTER COLUMN registry TYPE TEXT COLLATE "default",
    ALTER COLUMN submitter TYPE TEXT COLLATE "default",
    ALTER COLUMN record_key TYPE TEXT COLLATE "default";
