-- Workspace configuration: AI agents with their handover actions, settings,
-- ticket fields and rules.

CREATE TABLE agents (
    key         TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    -- The handover action as JSON (the API's HandoverAction); NULL when none.
    handover    TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- One row per settings section (assignment, business-hours, notifications,
-- handoff), each the section's JSON. An absent row means the defaults.
CREATE TABLE settings (
    name        TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE ticket_fields (
    key         TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    field_type  TEXT NOT NULL CHECK (field_type IN ('text', 'number', 'dropdown', 'checkbox', 'date')),
    -- JSON array of a dropdown's choices.
    options     TEXT NOT NULL DEFAULT '[]',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE rules (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('priority', 'assignment')),
    -- 1-based order within the kind; kept dense by the store.
    position    INTEGER NOT NULL CHECK (position >= 1),
    name        TEXT,
    match_mode  TEXT NOT NULL CHECK (match_mode IN ('all', 'any')),
    -- JSON array of conditions.
    conditions  TEXT NOT NULL,
    priority    TEXT CHECK (priority IS NULL OR priority IN ('low', 'medium', 'high', 'urgent')),
    team_key    TEXT REFERENCES teams (key),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CHECK ((kind = 'priority') = (priority IS NOT NULL)),
    CHECK ((kind = 'assignment') = (team_key IS NOT NULL))
);

CREATE INDEX rules_by_kind_position ON rules (kind, position);
