-- PostgreSQL's identifier columns now compare bytes ("C"), as SQLite compares every text already
-- (BINARY): nothing to do here. The migration exists so both directories keep the same names.
SELECT 1;
