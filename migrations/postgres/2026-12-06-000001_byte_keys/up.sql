-- Keys compared byte by byte ("C"), as SQLite compares every text. Every B-tree insert on a text key
-- compares it with the keys on its way down; under the database's collation (for example C.UTF-8 or
-- en_US.UTF-8) each comparison copies both strings and calls strcoll: about 6 % of the backend's CPU
-- in a partner batch (perf, `bttextcmp`). These columns hold identifiers (UUIDs, registry ids, token
-- subjects, record key hashes): nothing reads them in linguistic order (UUIDs of one shape sort alike
-- under any collation), and equality is byte equality under both. A statement that compares one of
-- them with a column left at the default collation (a case id in `changes` or `export_members`)
-- compares by "C" too: a column's own collation wins over the default. On a database with cases this
-- rebuilds the indexes on these columns (the same text needs no table rewrite), holding each table's
-- lock meanwhile.
ALTER TABLE cases
    ALTER COLUMN id TYPE TEXT COLLATE "C",
    ALTER COLUMN registry TYPE TEXT COLLATE "C",
    ALTER COLUMN submitter TYPE TEXT COLLATE "C",
    ALTER COLUMN record_key TYPE TEXT COLLATE "C";
ALTER TABLE case_documents ALTER COLUMN case_id TYPE TEXT COLLATE "C";
ALTER TABLE case_facets ALTER COLUMN case_id TYPE TEXT COLLATE "C";
ALTER TABLE changes ALTER COLUMN registry TYPE TEXT COLLATE "C";
ALTER TABLE case_origins ALTER COLUMN case_id TYPE TEXT COLLATE "C";
ALTER TABLE idempotency_keys
    ALTER COLUMN subject TYPE TEXT COLLATE "C",
    ALTER COLUMN key TYPE TEXT COLLATE "C";
