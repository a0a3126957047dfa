-- Small key/value settings the bot generates itself (e.g. the URL signing secret when none is configured).
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
