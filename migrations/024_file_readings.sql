-- Files sent to the bot in Teams that are not workbooks: a ledger export (SIE/CSV) waiting on its preview card, or a
-- file whose kind the content could not tell, waiting on the sender's choice. A table of its own rather than new kinds
-- in file_previews: SQLite cannot change that table's CHECK without rebuilding it. As there, only the zod-checked
-- parsed model is kept (never the file's bytes nor its download link).
CREATE TABLE file_readings (
    id INTEGER PRIMARY KEY,
    forbund_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('ledger', 'choice')),
    file_name TEXT NOT NULL,
    model TEXT NOT NULL, -- JSON, checked with zod when read back; 'null' once decided
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    -- 'väntar' until a button decides it: a ledger is saved (as utfall import `result`) or cancelled; a choice is
    -- answered ('vald') or cancelled.
    status TEXT NOT NULL DEFAULT 'väntar' CHECK (status IN ('väntar', 'sparad', 'vald', 'avbruten')),
    result INTEGER,
    decided_at TEXT
);
