-- Utfall from the förbund's accounts (SIE or CSV), per budget post and month, with every import kept as history.

-- One row per imported file. Only aggregates are kept: no transaction texts, no verifikationer.
CREATE TABLE utfall_imports (
    id INTEGER PRIMARY KEY,
    forbund_id TEXT NOT NULL,
    year INTEGER NOT NULL,
    file_name TEXT NOT NULL,
    file_kind TEXT NOT NULL, -- 'SIE 2', 'SIE 3', 'SIE 4', 'CSV'
    file_sha256 TEXT NOT NULL,
    generated TEXT, -- the day the accounting system made the file (#GEN), when it says
    cumulative INTEGER NOT NULL CHECK (cumulative IN (0, 1)),
    imported_by TEXT NOT NULL,
    imported_at TEXT NOT NULL
);
CREATE INDEX utfall_imports_forbund ON utfall_imports (forbund_id, year);

-- The figures of one import: kronor per month for a budget post, the year's intäkter or an unmapped konto.
CREATE TABLE utfall_lines (
    import_id INTEGER NOT NULL REFERENCES utfall_imports (id),
    period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    target TEXT NOT NULL CHECK (target IN ('post', 'intakt', 'konto')),
    key TEXT NOT NULL, -- post id, '' for intäkter, the konto number
    kr INTEGER NOT NULL,
    PRIMARY KEY (import_id, period, target, key)
);

-- Which import is in force for each month: a re-import of a period points here anew; the older import stays.
CREATE TABLE utfall_periods (
    forbund_id TEXT NOT NULL,
    period TEXT NOT NULL,
    import_id INTEGER NOT NULL REFERENCES utfall_imports (id),
    PRIMARY KEY (forbund_id, period)
);

-- A helårsprognos the chef sets for a post ('intakter' for the year's intäkter); without one the report computes it.
CREATE TABLE utfall_prognos (
    forbund_id TEXT NOT NULL,
    year INTEGER NOT NULL,
    post_id TEXT NOT NULL,
    kr INTEGER NOT NULL,
    set_by TEXT NOT NULL,
    set_at TEXT NOT NULL,
    PRIMARY KEY (forbund_id, year, post_id)
);

-- A closed year's bokslut: its actual intäkter and kostnader replace the monthly sums in the EK forecast.
CREATE TABLE utfall_bokslut (
    forbund_id TEXT NOT NULL,
    year INTEGER NOT NULL,
    intakter INTEGER NOT NULL,
    kostnader INTEGER NOT NULL,
    set_by TEXT NOT NULL,
    set_at TEXT NOT NULL,
    PRIMARY KEY (forbund_id, year)
);
