-- Integrations: connections to external help desks, the deliveries of
-- handoffs to them through the outbox, what each platform has done with a
-- delivered ticket since (from its webhooks), and the webhooks already
-- accepted (so a replayed one is refused).

CREATE TABLE integrations (
    kind         TEXT PRIMARY KEY,
    -- JSON objects: non-secret settings; secrets by name (the service needs
    -- them in clear to call the platform; the API only ever shows
    -- fingerprints); desk field key -> platform field; priority -> value.
    settings     TEXT NOT NULL,
    secrets      TEXT NOT NULL,
    base_url     TEXT,
    fields       TEXT NOT NULL,
    priorities   TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'untested'
                 CHECK (status IN ('untested', 'connected', 'error')),
    -- JSON: the last connection test.
    last_test    TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

-- The outbox learns a third kind of message: a handoff's ticket for an
-- external platform. SQLite cannot change a CHECK constraint in place, so the
-- table is rebuilt.
CREATE TABLE outbox_new (
    id               INTEGER PRIMARY KEY,
    kind             TEXT NOT NULL CHECK (kind IN ('email', 'webhook', 'integration')),
    ticket_number    INTEGER REFERENCES tickets (number),
    description      TEXT NOT NULL,
    payload          TEXT NOT NULL,
    state            TEXT NOT NULL DEFAULT 'pending'
                     CHECK (state IN ('pending', 'delivered', 'dead')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT NOT NULL,
    lease_owner      TEXT,
    lease_until      TEXT,
    last_error       TEXT,
    created_at       TEXT NOT NULL,
    delivered_at     TEXT,
    updated_at       TEXT NOT NULL,
    -- For kind 'integration': the platform and the handoff delivered.
    integration      TEXT,
    handoff_id       TEXT,
    -- JSON: the steps a multi-step delivery has completed (the customer it
    -- created, the ticket id), so an attempt after a failure resumes instead
    -- of creating them again.
    progress         TEXT
);

INSERT INTO outbox_new (id, kind, ticket_number, description, payload, state, attempts,
                        next_attempt_at, lease_owner, lease_until, last_error, created_at,
                        delivered_at, updated_at)
SELECT id, kind, ticket_number, description, payload, state, attempts, next_attempt_at,
       lease_owner, lease_until, last_error, created_at, delivered_at, updated_at
FROM outbox;

DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;

CREATE INDEX outbox_by_state_due ON outbox (state, next_attempt_at);
CREATE INDEX outbox_by_ticket ON outbox (ticket_number);
CREATE INDEX outbox_by_integration ON outbox (integration, id) WHERE integration IS NOT NULL;
CREATE UNIQUE INDEX outbox_by_handoff ON outbox (handoff_id) WHERE handoff_id IS NOT NULL;

-- What became of a handoff's external ticket.
ALTER TABLE handoffs ADD COLUMN external_id TEXT;
ALTER TABLE handoffs ADD COLUMN external_url TEXT;
ALTER TABLE handoffs ADD COLUMN external_status TEXT
    CHECK (external_status IN ('queued', 'created', 'assigned', 'resolved', 'reopened', 'failed'));
ALTER TABLE handoffs ADD COLUMN external_updated_at TEXT;

CREATE INDEX handoffs_by_external ON handoffs (external_id) WHERE external_id IS NOT NULL;

-- Accepted webhooks by the SHA-256 of their signature material: the same
-- signed request twice is a replay.
CREATE TABLE webhook_receipts (
    kind         TEXT NOT NULL,
    digest       TEXT NOT NULL,
    received_at  TEXT NOT NULL,
    PRIMARY KEY (kind, digest)
);
