-- The plan document (PDF or Word) a förbundschef sent the bot, as clean passage text (docs/plan-text.md), with its
-- own version list beside the förbund's data versions: a plan is revised on its own schedule, not with each budget.
-- A row starts as a preview ('väntar') with no version; save gives it the next version as 'förslag', activate makes
-- it 'aktiv' (the one in force is the aktiv row with the highest version; the one it replaced becomes 'ersatt'),
-- cancel marks it 'avbruten'. The text is the document's text only: never the file's bytes nor its download link.
CREATE TABLE plan_versions (
    id INTEGER PRIMARY KEY,
    forbund_id TEXT NOT NULL REFERENCES forbund (id),
    version INTEGER CHECK (version IS NULL OR version >= 1),
    status TEXT NOT NULL DEFAULT 'väntar' CHECK (status IN ('väntar', 'avbruten', 'förslag', 'aktiv', 'ersatt')),
    file_name TEXT NOT NULL,
    text TEXT NOT NULL,
    pages INTEGER NOT NULL,
    ocr INTEGER NOT NULL CHECK (ocr IN (0, 1)),
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    active_from TEXT,
    decided_by TEXT,
    decided_at TEXT,
    UNIQUE (forbund_id, version),
    CHECK ((status = 'väntar' OR status = 'avbruten') = (version IS NULL)),
    CHECK (status NOT IN ('aktiv', 'ersatt') OR active_from IS NOT NULL)
);
CREATE INDEX plan_versions_of ON plan_versions (forbund_id, status);
