-- The legal record of a meeting: its end and quorum, items carried to a later meeting, närvaro per §, yrkanden,
-- voteringar and the text a justering approved (its SHA-256).

ALTER TABLE meetings ADD COLUMN ended_at TEXT; -- UTC instant the meeting was closed
ALTER TABLE meetings ADD COLUMN beslutsmassig INTEGER CHECK (beslutsmassig IN (0, 1)); -- set when closed
-- An item of a meeting that was not beslutsmässig, put on a later meeting's agenda: the new row names the old one.
ALTER TABLE agenda_items ADD COLUMN carried_from INTEGER REFERENCES agenda_items (id);
ALTER TABLE justering ADD COLUMN text_sha256 TEXT;

-- A member who arrives at an item or leaves after one (item ids of the same meeting); absent rows mean the whole meeting.
CREATE TABLE meeting_presence (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    person_id INTEGER NOT NULL REFERENCES people (id),
    arrives_at_item INTEGER REFERENCES agenda_items (id),
    leaves_after_item INTEGER REFERENCES agenda_items (id),
    recorded_by INTEGER NOT NULL REFERENCES people (id),
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (meeting_id, person_id)
);

-- Yrkanden on an item, in the order made; `outcome` is what the yrkande asks for (bifall to the förslag is one).
CREATE TABLE yrkanden (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    item_id INTEGER NOT NULL REFERENCES agenda_items (id),
    person_id INTEGER NOT NULL REFERENCES people (id),
    outcome TEXT NOT NULL CHECK (outcome IN ('bifall', 'ändrat', 'avslag', 'återremiss', 'bordläggs')),
    text TEXT,
    recorded_by INTEGER NOT NULL REFERENCES people (id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX yrkanden_item ON yrkanden (item_id, id);

-- An omröstning between an item's yrkanden. Open: one row per serving ledamot in votering_votes. Closed (val,
-- anställning): only the counts, never who voted what.
CREATE TABLE voteringar (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    item_id INTEGER NOT NULL REFERENCES agenda_items (id),
    kind TEXT NOT NULL CHECK (kind IN ('öppen', 'sluten')),
    election INTEGER NOT NULL CHECK (election IN (0, 1)),
    counts TEXT NOT NULL, -- JSON { "<yrkandeId>": n, "avstar": n }
    winner INTEGER NOT NULL REFERENCES yrkanden (id),
    tie_break TEXT CHECK (tie_break IN ('utslagsröst', 'lottning')),
    decision_id INTEGER NOT NULL REFERENCES decisions (id),
    recorded_by INTEGER NOT NULL REFERENCES people (id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX voteringar_item ON voteringar (item_id, id);
CREATE TABLE votering_votes (
    votering_id INTEGER NOT NULL REFERENCES voteringar (id),
    person_id INTEGER NOT NULL REFERENCES people (id),
    yrkande_id INTEGER REFERENCES yrkanden (id), -- null: avstår
    PRIMARY KEY (votering_id, person_id)
);

CREATE TRIGGER voteringar_immutable BEFORE UPDATE ON voteringar
BEGIN
    SELECT RAISE(ABORT, 'voteringar are never changed');
END;
CREATE TRIGGER votering_votes_immutable BEFORE UPDATE ON votering_votes
BEGIN
    SELECT RAISE(ABORT, 'votes are never changed');
END;
CREATE TRIGGER voteringar_kept BEFORE DELETE ON voteringar
BEGIN
    SELECT RAISE(ABORT, 'voteringar are never deleted');
END;
