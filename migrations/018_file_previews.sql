-- A file a förbundschef sent the bot in Teams, parsed and waiting for a decision on its preview card. Only the parsed
-- model is kept (never the file's bytes nor its download link); the row is the record the card's buttons name.
CREATE TABLE file_previews (
    id INTEGER PRIMARY KEY,
    forbund_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('workbook')),
    file_name TEXT NOT NULL,
    model TEXT NOT NULL, -- JSON, checked with zod when read back
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    -- 'väntar' until a button decides it; the version stored by activate or save.
    status TEXT NOT NULL DEFAULT 'väntar' CHECK (status IN ('väntar', 'aktiverad', 'sparad', 'avbruten')),
    version INTEGER,
    decided_at TEXT
);
