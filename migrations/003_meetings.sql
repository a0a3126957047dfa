-- Meetings of a förbund's bodies: agenda items, attendance answers, justerare and the posted agenda cards.

-- version is bumped by every change to the meeting, its items or justerare; card action keys carry it.
CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    forbund_id TEXT NOT NULL,
    body_id TEXT NOT NULL,
    starts_at TEXT NOT NULL, -- UTC instant (ISO 8601); shown in Europe/Stockholm
    duration_minutes INTEGER NOT NULL DEFAULT 120,
    place TEXT,
    online_url TEXT,
    status TEXT NOT NULL DEFAULT 'utkast' CHECK (status IN ('utkast', 'kallad', 'stängd', 'inställd')),
    version INTEGER NOT NULL DEFAULT 1,
    created_by INTEGER NOT NULL REFERENCES people (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    called_at TEXT
);
CREATE INDEX meetings_body ON meetings (forbund_id, body_id, starts_at);

-- Items are never deleted (decisions may refer to them): removed_at hides them. Numbers follow position order.
CREATE TABLE agenda_items (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('information', 'beslut', 'diskussion')),
    slot TEXT, -- the skeleton item this is ('justerare', 'ekonomi', …); null for items the chef added
    title TEXT NOT NULL,
    presenter TEXT, -- föredragande
    proposal TEXT, -- förslag till beslut
    details TEXT,
    links TEXT NOT NULL DEFAULT '[]', -- JSON [{ "title", "url" }]: underlag
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    removed_at TEXT
);
CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, position);

-- One row per invited person who answered; answering again replaces the answer.
CREATE TABLE meeting_attendance (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    person_id INTEGER NOT NULL REFERENCES people (id),
    answer TEXT NOT NULL CHECK (answer IN ('kommer', 'förhinder')),
    answered_at TEXT NOT NULL,
    PRIMARY KEY (meeting_id, person_id)
);

CREATE TABLE meeting_justerare (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    seat INTEGER NOT NULL CHECK (seat IN (1, 2)),
    person_id INTEGER NOT NULL REFERENCES people (id),
    chosen_by INTEGER NOT NULL REFERENCES people (id),
    chosen_at TEXT NOT NULL,
    PRIMARY KEY (meeting_id, seat)
);

-- The agenda card the bot posted (kallelse) per conversation, so later changes update it in place.
CREATE TABLE meeting_cards (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    conversation_id TEXT NOT NULL,
    activity_id TEXT NOT NULL,
    posted_by INTEGER NOT NULL REFERENCES people (id),
    posted_at TEXT NOT NULL,
    PRIMARY KEY (meeting_id, conversation_id)
);
