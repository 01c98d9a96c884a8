-- Immutable summary releases: the served JSON document as built, never updated.
CREATE TABLE releases (
    id TEXT PRIMARY KEY NOT NULL,
    registry TEXT NOT NULL,
    number INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    cut_off TIMESTAMP NOT NULL,
    n BIGINT NOT NULL,
    k INTEGER NOT NULL,
    etag TEXT NOT NULL,
    document TEXT NOT NULL,
    -- Each cell's published value (null where hidden), for the next release's differencing check.
    cells TEXT NOT NULL,
    UNIQUE (registry, number)
);
CREATE TRIGGER releases_immutable BEFORE UPDATE ON releases BEGIN SELECT RAISE(ABORT, 'releases are immutable'); END;
