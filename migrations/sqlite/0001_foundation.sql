-- Operators, teams and API tokens. Timestamps are RFC 3339 text in UTC so the
-- same schema reads the same on PostgreSQL.

CREATE TABLE operators (
    handle        TEXT PRIMARY KEY,
    display_name  TEXT NOT NULL,
    email         TEXT NOT NULL,
    signature     TEXT,
    role          TEXT NOT NULL CHECK (role IN ('owner', 'manager', 'operator')),
    availability  TEXT NOT NULL CHECK (availability IN ('online', 'away', 'busy', 'offline')),
    capacity      INTEGER CHECK (capacity IS NULL OR capacity >= 0),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

CREATE TABLE teams (
    key         TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    is_default  INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- At most one default team, enforced by the database as well as the service.
CREATE UNIQUE INDEX teams_single_default ON teams (is_default) WHERE is_default = 1;

CREATE TABLE team_members (
    team_key         TEXT NOT NULL REFERENCES teams (key) ON DELETE CASCADE,
    operator_handle  TEXT NOT NULL REFERENCES operators (handle) ON DELETE CASCADE,
    PRIMARY KEY (team_key, operator_handle)
);

CREATE INDEX team_members_by_operator ON team_members (operator_handle);

CREATE TABLE tokens (
    id               TEXT PRIMARY KEY,
    name             TEXT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('operator', 'ingest')),
    operator_handle  TEXT REFERENCES operators (handle) ON DELETE CASCADE,
    secret_sha256    TEXT NOT NULL UNIQUE,
    hint             TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    last_used_at     TEXT,
    CHECK ((kind = 'operator') = (operator_handle IS NOT NULL))
);
