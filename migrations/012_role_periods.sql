-- Roles have a period: valid_from / valid_to are Stockholm days (yyyy-MM-dd, both inclusive), NULL = open. A new
-- mandate period's roster is imported ahead and takes over on its first day; a role removed in chat ends the day
-- before, so protokoll, votes and the register keep the people who served then. The table is rebuilt because a person
-- may now hold the same role in two periods (the old UNIQUE forbade it).
CREATE TABLE person_roles_periods (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people (id),
    role TEXT NOT NULL,
    part_id TEXT,
    insats_id TEXT,
    valid_from TEXT,
    valid_to TEXT,
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
);
INSERT INTO person_roles_periods (id, person_id, role, part_id, insats_id)
SELECT id, person_id, role, part_id, insats_id FROM person_roles;
DROP TABLE person_roles;
ALTER TABLE person_roles_periods RENAME TO person_roles;
CREATE INDEX person_roles_person ON person_roles (person_id);
