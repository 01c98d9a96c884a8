DROP TABLE sync_cursors;
DROP TABLE case_origins;
DROP TABLE instance;
DROP INDEX changes_registry_txid_seq;
ALTER TABLE changes DROP COLUMN txid;
