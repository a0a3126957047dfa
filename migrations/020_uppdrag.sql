-- Uppdrag: a beslut gives someone (a person, or a part) something to do by a day; followed up until marked done.
CREATE TABLE uppdrag (
    id INTEGER PRIMARY KEY,
    forbund_id TEXT NOT NULL,
    body_id TEXT NOT NULL,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    item_id INTEGER NOT NULL REFERENCES agenda_items (id),
    decision_id INTEGER NOT NULL REFERENCES decisions (id),
    what TEXT NOT NULL,
    owner_person_id INTEGER REFERENCES people (id),
    owner_part TEXT, -- a part's id when the uppdrag is given to a part rather than a person
    due TEXT NOT NULL, -- yyyy-MM-dd, Europe/Stockholm
    created_by INTEGER NOT NULL REFERENCES people (id),
    created_at TEXT NOT NULL,
    done_at TEXT,
    done_by INTEGER REFERENCES people (id),
    done_note TEXT,
    CHECK ((owner_person_id IS NULL) <> (owner_part IS NULL))
);
CREATE INDEX uppdrag_open ON uppdrag (forbund_id, body_id, done_at);
CREATE INDEX uppdrag_due ON uppdrag (forbund_id, due);
