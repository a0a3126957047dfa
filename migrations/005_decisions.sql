-- Decisions and protokoll: beslut per agenda item, jäv, reservationer, § numbers, protokoll versions, justering, per capsulam.

-- One row per recorded decision on an item; `version` counts the item's decisions (1 = first), so two people recording
-- at once cannot both write version 1. A later decision may amend an earlier one (`amends`).
CREATE TABLE decisions (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    item_id INTEGER NOT NULL REFERENCES agenda_items (id),
    version INTEGER NOT NULL CHECK (version >= 1),
    outcome TEXT NOT NULL CHECK (outcome IN ('bifall', 'ändrat', 'avslag', 'återremiss', 'bordläggs')),
    text TEXT NOT NULL, -- the decision as worded in the protokoll
    note TEXT, -- protokollsanteckning
    amends INTEGER REFERENCES decisions (id),
    recorded_by INTEGER NOT NULL REFERENCES people (id),
    recorded_at TEXT NOT NULL,
    UNIQUE (item_id, version)
);
CREATE INDEX decisions_meeting ON decisions (meeting_id);

-- Members who declared jäv on a decision (did not take part) and members who entered a reservation against it.
CREATE TABLE decision_jav (
    decision_id INTEGER NOT NULL REFERENCES decisions (id),
    person_id INTEGER NOT NULL REFERENCES people (id),
    recorded_by INTEGER NOT NULL REFERENCES people (id),
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (decision_id, person_id)
);
CREATE TABLE decision_reservationer (
    decision_id INTEGER NOT NULL REFERENCES decisions (id),
    person_id INTEGER NOT NULL REFERENCES people (id),
    recorded_by INTEGER NOT NULL REFERENCES people (id),
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (decision_id, person_id)
);

-- § numbers run per förbund, body and calendar year; given in agenda order when the meeting is closed.
CREATE TABLE paragraphs (
    item_id INTEGER PRIMARY KEY REFERENCES agenda_items (id),
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    forbund_id TEXT NOT NULL,
    body_id TEXT NOT NULL,
    year INTEGER NOT NULL,
    number INTEGER NOT NULL CHECK (number >= 1),
    assigned_by INTEGER NOT NULL REFERENCES people (id),
    assigned_at TEXT NOT NULL,
    UNIQUE (forbund_id, body_id, year, number)
);

-- Every protokoll text is a version: 1 when the meeting is closed, one more per edit after a change request.
CREATE TABLE protokoll_versions (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    version INTEGER NOT NULL CHECK (version >= 1),
    data TEXT NOT NULL, -- the protokoll model as JSON (parsed with zod when read)
    reason TEXT NOT NULL, -- 'stängt' or the edit's summary
    created_by INTEGER NOT NULL REFERENCES people (id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (meeting_id, version)
);

-- Justering events: a justerare justerar a protokoll version or asks for a change (with a comment).
CREATE TABLE justering (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    protokoll_version INTEGER NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people (id),
    action TEXT NOT NULL CHECK (action IN ('justerat', 'ändring')),
    comment TEXT,
    at TEXT NOT NULL,
    FOREIGN KEY (meeting_id, protokoll_version) REFERENCES protokoll_versions (meeting_id, version)
);
CREATE INDEX justering_meeting ON justering (meeting_id, protokoll_version);

-- Per capsulam: a förslag till beslut sent between meetings, with its voters (one per part) and their answers.
CREATE TABLE per_capsulam (
    id INTEGER PRIMARY KEY,
    forbund_id TEXT NOT NULL,
    body_id TEXT NOT NULL,
    title TEXT NOT NULL,
    proposal TEXT NOT NULL,
    deadline TEXT NOT NULL, -- UTC instant
    voters TEXT NOT NULL, -- JSON [{ "part", "personId" }]: who answers for each part
    created_by INTEGER NOT NULL REFERENCES people (id),
    created_at TEXT NOT NULL,
    conversation_id TEXT,
    activity_id TEXT
);
CREATE TABLE per_capsulam_votes (
    id INTEGER PRIMARY KEY,
    proposal_id INTEGER NOT NULL REFERENCES per_capsulam (id),
    part TEXT NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people (id),
    answer TEXT NOT NULL CHECK (answer IN ('ja', 'nej', 'avstår')),
    at TEXT NOT NULL
);
CREATE INDEX per_capsulam_votes_proposal ON per_capsulam_votes (proposal_id, at);
-- The settled result, once: adopted or not, and the agenda item that reports it to the next meeting.
CREATE TABLE per_capsulam_results (
    proposal_id INTEGER PRIMARY KEY REFERENCES per_capsulam (id),
    adopted INTEGER NOT NULL CHECK (adopted IN (0, 1)),
    tally TEXT NOT NULL, -- JSON { ja, nej, avstar, missing }
    settled_at TEXT NOT NULL,
    reported_item_id INTEGER REFERENCES agenda_items (id),
    reported_at TEXT
);

CREATE TRIGGER decisions_immutable BEFORE UPDATE ON decisions
BEGIN
    SELECT RAISE(ABORT, 'decisions are never changed; record a new one');
END;
CREATE TRIGGER protokoll_versions_immutable BEFORE UPDATE ON protokoll_versions
BEGIN
    SELECT RAISE(ABORT, 'protokoll versions are never changed; store a new version');
END;
CREATE TRIGGER justering_immutable BEFORE UPDATE ON justering
BEGIN
    SELECT RAISE(ABORT, 'justering rows are never changed');
END;
CREATE TRIGGER per_capsulam_votes_immutable BEFORE UPDATE ON per_capsulam_votes
BEGIN
    SELECT RAISE(ABORT, 'votes are never changed; a new answer is a new row');
END;
CREATE TRIGGER decisions_kept BEFORE DELETE ON decisions
BEGIN
    SELECT RAISE(ABORT, 'decisions are never deleted');
END;
CREATE TRIGGER protokoll_versions_kept BEFORE DELETE ON protokoll_versions
BEGIN
    SELECT RAISE(ABORT, 'protokoll versions are never deleted');
END;
CREATE TRIGGER justering_kept BEFORE DELETE ON justering
BEGIN
    SELECT RAISE(ABORT, 'justering rows are never deleted');
END;
CREATE TRIGGER per_capsulam_votes_kept BEFORE DELETE ON per_capsulam_votes
BEGIN
    SELECT RAISE(ABORT, 'votes are never deleted');
END;
