-- Deadlines (built in from the law and plan, or added in chat) and one reminder row per deadline, lead time and person.

-- Built-in deadlines are written here when they first come near (key e.g. 'budget:2025'), so a done marker can stick to
-- them; one-off deadlines ('egen:…') are written when the chef adds them. Texts are JSON { "sv", "en" }.
CREATE TABLE deadlines (
    id INTEGER PRIMARY KEY,
    forbund_id TEXT NOT NULL,
    key TEXT NOT NULL,
    kind TEXT NOT NULL,
    due TEXT NOT NULL CHECK (due GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'), -- day in Europe/Stockholm
    title TEXT NOT NULL,
    source TEXT NOT NULL,
    origin TEXT NOT NULL CHECK (origin IN ('lag', 'plan', 'möte', 'chatt')),
    person_id INTEGER REFERENCES people (id), -- the one recipient of a deadline added in chat
    known_from TEXT, -- UTC instant: lead times before it are never sent (the deadline did not exist yet)
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    done_at TEXT,
    done_by TEXT,
    UNIQUE (forbund_id, key)
);
CREATE INDEX deadlines_due ON deadlines (forbund_id, due);

-- state: 'pending' until the connector accepted it ('sent'); 'failed' after a final refusal (403, 404, bad reference);
-- 'superseded' when a later lead time of the same deadline and person came due first (after downtime).
-- claimed_at is set right before the send and cleared with the result: a pending row that still has it was
-- interrupted mid-send, so that one send may be repeated.
CREATE TABLE reminders (
    id INTEGER PRIMARY KEY,
    deadline_id INTEGER NOT NULL REFERENCES deadlines (id),
    lead_days INTEGER NOT NULL, -- days before the due day (negative: after)
    person_id INTEGER NOT NULL REFERENCES people (id),
    fire_at TEXT NOT NULL,
    late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed', 'superseded')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    claimed_at TEXT,
    sent_at TEXT,
    activity_id TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (deadline_id, lead_days, person_id)
);
CREATE INDEX reminders_pending ON reminders (state, deadline_id);

-- Messages to the chef about reminders (someone unreachable, a send that failed), each told once.
CREATE TABLE reminder_notices (
    key TEXT PRIMARY KEY,
    forbund_id TEXT NOT NULL,
    sent_at TEXT NOT NULL
);

CREATE TRIGGER reminders_sent_kept BEFORE UPDATE OF state ON reminders
WHEN OLD.state = 'sent'
BEGIN
    SELECT RAISE(ABORT, 'a sent reminder stays sent');
END;
