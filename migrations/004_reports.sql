-- Monthly insats reports: every submit is a new version row (who, when); rows are never changed in place.

CREATE TABLE report_versions (
    id INTEGER PRIMARY KEY,
    forbund_id TEXT NOT NULL,
    insats_id TEXT NOT NULL,
    month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    version INTEGER NOT NULL CHECK (version >= 1),
    -- The validated report as JSON (counts, kommentar, avvikelse); percentages are computed when read.
    data TEXT NOT NULL,
    submitted_by TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    -- 1 for the fictional demo reports written by `npm run seed-demo`.
    sample INTEGER NOT NULL DEFAULT 0,
    UNIQUE (forbund_id, insats_id, month, version)
);
CREATE INDEX report_versions_year ON report_versions (forbund_id, month);

CREATE TRIGGER report_versions_immutable BEFORE UPDATE ON report_versions
BEGIN
    SELECT RAISE(ABORT, 'report versions are never changed; store a new version');
END;
