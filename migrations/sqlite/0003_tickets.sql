-- Tickets with their timelines, recorded handoffs, round-robin positions and
-- the support inbox's seen message ids.

ALTER TABLE operators ADD COLUMN last_assigned_at TEXT;

CREATE TABLE tickets (
    -- From 10001 upward, without gaps: the store takes MAX + 1 under the write lock.
    number                 INTEGER PRIMARY KEY,
    subject                TEXT NOT NULL,
    status                 TEXT NOT NULL CHECK (status IN ('open', 'pending', 'resolved')),
    priority               TEXT NOT NULL CHECK (priority IN ('low', 'medium', 'high', 'urgent')),
    requester_name         TEXT,
    requester_email        TEXT,
    requester_external_id  TEXT,
    assignee               TEXT REFERENCES operators (handle) ON DELETE SET NULL,
    team_key               TEXT REFERENCES teams (key) ON DELETE SET NULL,
    -- No foreign key: a ticket keeps its history when the agent is removed.
    agent_key              TEXT,
    channel                TEXT NOT NULL,
    environment            TEXT NOT NULL,
    -- JSON object of ticket field values, and the context object as received.
    fields                 TEXT NOT NULL DEFAULT '{}',
    context                TEXT NOT NULL DEFAULT '{}',
    ai_paused              INTEGER NOT NULL DEFAULT 0 CHECK (ai_paused IN (0, 1)),
    handoff_id             TEXT,
    created_at             TEXT NOT NULL,
    last_activity_at       TEXT NOT NULL
);

-- Open tickets per operator (balanced assignment, capacity) without a scan.
CREATE INDEX tickets_by_assignee_status ON tickets (assignee, status);
CREATE INDEX tickets_by_activity ON tickets (last_activity_at);

CREATE TABLE timeline (
    ticket_number  INTEGER NOT NULL REFERENCES tickets (number) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,
    -- message | note | event
    kind           TEXT NOT NULL CHECK (kind IN ('message', 'note', 'event')),
    -- customer | ai | operator | system
    author_kind    TEXT NOT NULL CHECK (author_kind IN ('customer', 'ai', 'operator', 'system')),
    author         TEXT,
    -- For events: created, summary, assigned, unassigned, taken-over, ...
    event          TEXT,
    body           TEXT,
    channel        TEXT,
    at             TEXT NOT NULL,
    PRIMARY KEY (ticket_number, seq)
);

CREATE TABLE handoffs (
    id               TEXT PRIMARY KEY,
    idempotency_key  TEXT UNIQUE,
    -- SHA-256 of the request, to tell a replay from a reused key.
    request_sha256   TEXT NOT NULL,
    agent_key        TEXT NOT NULL,
    environment      TEXT NOT NULL,
    outcome          TEXT NOT NULL CHECK (outcome IN ('preview', 'ticket', 'external')),
    ticket_number    INTEGER REFERENCES tickets (number),
    decision         TEXT NOT NULL,
    request          TEXT NOT NULL,
    created_at       TEXT NOT NULL
);

CREATE INDEX handoffs_by_created ON handoffs (created_at, id);

CREATE TABLE round_robin (
    team_key     TEXT PRIMARY KEY REFERENCES teams (key) ON DELETE CASCADE,
    last_handle  TEXT NOT NULL
);

CREATE TABLE inbound_emails (
    message_id     TEXT PRIMARY KEY,
    ticket_number  INTEGER NOT NULL REFERENCES tickets (number),
    received_at    TEXT NOT NULL
);
