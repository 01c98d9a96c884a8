-- Immutable summary releases: the served JSON document as built, never updated.
CREATE TABLE releases (
    id TEXT PRIMARY KEY,
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
CREATE FUNCTION releases_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'releases are immutable'; END $$;
CREATE TRIGGER releases_immutable BEFORE UPDATE ON releases FOR EACH ROW EXECUTE FUNCTION releases_immutable();
