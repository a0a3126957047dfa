-- Platform tables: bot state, conversation references, roster with audit, links, one-time codes, card action keys.

CREATE TABLE bot_state (
    key TEXT PRIMARY KEY,
    etag INTEGER NOT NULL,
    data TEXT NOT NULL
);

-- kind 'user': key is the Teams user id (29:…) and ref is their 1:1 chat; kind 'conversation': key is the conversation id.
CREATE TABLE conversation_refs (
    kind TEXT NOT NULL CHECK (kind IN ('user', 'conversation')),
    key TEXT NOT NULL,
    conversation_type TEXT,
    tenant_id TEXT,
    ref TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (kind, key)
);

CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    forbund_id TEXT NOT NULL,
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    email TEXT,
    entra_id TEXT,
    teams_user_id TEXT,
    sample INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    UNIQUE (forbund_id, slug)
);
CREATE INDEX people_entra ON people (entra_id);
CREATE INDEX people_teams ON people (teams_user_id);
CREATE INDEX people_email ON people (lower(email));

CREATE TABLE person_roles (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people (id),
    role TEXT NOT NULL,
    part_id TEXT,
    insats_id TEXT,
    UNIQUE (person_id, role, part_id, insats_id)
);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    forbund_id TEXT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    details TEXT NOT NULL
);

CREATE TABLE forbund_seeded (
    forbund_id TEXT PRIMARY KEY,
    seeded_at TEXT NOT NULL
);

-- scope 'team' links every channel of a team; scope 'conversation' links one chat or channel.
CREATE TABLE conversation_links (
    scope TEXT NOT NULL CHECK (scope IN ('team', 'conversation')),
    scope_id TEXT NOT NULL,
    forbund_id TEXT NOT NULL,
    linked_by TEXT NOT NULL,
    linked_at TEXT NOT NULL,
    PRIMARY KEY (scope, scope_id)
);

CREATE TABLE channel_bodies (
    conversation_id TEXT PRIMARY KEY,
    forbund_id TEXT NOT NULL,
    body_id TEXT NOT NULL,
    linked_by TEXT NOT NULL,
    linked_at TEXT NOT NULL
);
CREATE UNIQUE INDEX channel_bodies_body ON channel_bodies (forbund_id, body_id);

CREATE TABLE setup_codes (
    forbund_id TEXT PRIMARY KEY,
    code_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    used_at TEXT,
    used_by TEXT
);

-- One row per applied card action (nonce), so a double click or Teams retry is applied once.
CREATE TABLE action_keys (
    nonce TEXT PRIMARY KEY,
    record TEXT NOT NULL,
    applied_at TEXT NOT NULL,
    result TEXT NOT NULL
);
