-- Every index is paid on each write and earns its keep only through a read. Intake (a case a
-- clinician submits, a partner's batch of 1,000) is constant; a release is rare. So `cases` keeps the
-- indexes the requests of every day read:
--   cases pkey (id)                    a case by id; ids are UUIDv7, so inserts append
--   cases_record_key (registry, key)   a partner's upsert finds its cases; the unique race loser plans again
--   cases_submitter_id                 a clinician's "my cases" page among everyone's
--   cases_registry_id                  a curator's or partner's page of one registry
-- and drops the eight covering indexes of the release queries: each took its insert at a random place
-- (a case's country, age band, ...), dirtying a page per case. A release now reads `cases` once per
-- row dimension (registry of 50,000 cases: tens of milliseconds; bench/run measures it).
DROP INDEX cases_sum_period;
DROP INDEX cases_sum_country;
DROP INDEX cases_sum_age_sex;
DROP INDEX cases_sum_category;
DROP INDEX cases_sum_comorbidity;
DROP INDEX cases_sum_severity_before;
DROP INDEX cases_sum_flare;
DROP INDEX cases_sum_form_version;
-- Read by releases only (covered()): a scan of the registry does the same.
DROP INDEX cases_registry_created;
-- Facet rows: case_facets_case (a correction or withdrawal replaces a case's facets) stays; the
-- covering index of the release queries goes, as for cases.
DROP INDEX case_facets_sum;
-- The change feed reads (registry, txid, seq); on SQLite txid is always 0, so (registry, seq) was a copy.
DROP INDEX changes_registry_seq;
-- The foreign keys of a case's facet and document rows: checking one is a query per row, most of the
-- time of a batch's facet COPY. These rows are written and removed only with their case, in its
-- transaction (registry/store.rs), and no case row is ever deleted (a withdrawal keeps its
-- tombstone), so the keys guarded nothing the one writer of these tables does not. (SQLite checks a
-- key with one lookup in the case's primary key and cannot drop it without rebuilding the table.)
ALTER TABLE case_facets DROP CONSTRAINT case_facets_case_id_fkey;
ALTER TABLE case_documents DROP CONSTRAINT case_documents_case_id_fkey;
