-- Förbund data in the database: the served förbund and versions of each one's data (förslag, aktiv, ersatt).

-- A förbund this deployment serves: FORBUND names it, an import adds it, or its data file seeded it.
CREATE TABLE forbund (
    id TEXT PRIMARY KEY,
    added_at TEXT NOT NULL,
    added_by TEXT NOT NULL
);

-- One row per version of a förbund's data. `document` is the version's data in the data-file format (JSON),
-- checked by the domain's zod schema when stored and again when read; the model is one nested tree the domain
-- reads whole, so nothing queries inside it. An 'aktiv' version is in force from `active_from` (a Stockholm day,
-- yyyy-MM-dd) until a later aktiv version's day comes; `status` 'ersatt' is written when one replaces it.
CREATE TABLE forbund_versions (
    id INTEGER PRIMARY KEY,
    forbund_id TEXT NOT NULL REFERENCES forbund (id),
    version INTEGER NOT NULL CHECK (version >= 1),
    status TEXT NOT NULL CHECK (status IN ('förslag', 'aktiv', 'ersatt')),
    active_from TEXT,
    source TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    activated_by TEXT,
    activated_at TEXT,
    note TEXT,
    document TEXT NOT NULL,
    UNIQUE (forbund_id, version),
    CHECK (status = 'förslag' OR active_from IS NOT NULL)
);
CREATE INDEX forbund_versions_in_force ON forbund_versions (forbund_id, status, active_from);
