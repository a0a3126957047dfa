-- Närvaro per § as changes, so a member can leave and come back: each row is one arrival at an item or one leave
-- after an item, and a person's periods follow from their rows in agenda order. The rows of meeting_presence (one
-- per person, an arrival and/or a leave) are carried over.
CREATE TABLE meeting_presence_changes (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    person_id INTEGER NOT NULL REFERENCES people (id),
    change TEXT NOT NULL CHECK (change IN ('kommer', 'går')), -- kommer: from this item; går: after this item
    item_id INTEGER NOT NULL REFERENCES agenda_items (id),
    recorded_by INTEGER NOT NULL REFERENCES people (id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX meeting_presence_changes_meeting ON meeting_presence_changes (meeting_id, person_id, id);
INSERT INTO meeting_presence_changes (meeting_id, person_id, change, item_id, recorded_by, recorded_at)
SELECT meeting_id, person_id, 'kommer', arrives_at_item, recorded_by, recorded_at
FROM meeting_presence WHERE arrives_at_item IS NOT NULL ORDER BY rowid;
INSERT INTO meeting_presence_changes (meeting_id, person_id, change, item_id, recorded_by, recorded_at)
SELECT meeting_id, person_id, 'går', leaves_after_item, recorded_by, recorded_at
FROM meeting_presence WHERE leaves_after_item IS NOT NULL ORDER BY rowid;
DROP TABLE meeting_presence;

-- A beslut item its meeting could not decide because the styrelse was no longer beslutsmässig there: at close it is
-- numbered like the others, and it moves to the body's next meeting (agenda_items.carried_from names it).
ALTER TABLE agenda_items ADD COLUMN not_quorate INTEGER CHECK (not_quorate IN (0, 1));

-- A yrkande withdrawn by the one who made it before the proposition: kept for the protokoll, never voted on.
ALTER TABLE yrkanden ADD COLUMN withdrawn_at TEXT;
ALTER TABLE yrkanden ADD COLUMN withdrawn_by INTEGER REFERENCES people (id);
