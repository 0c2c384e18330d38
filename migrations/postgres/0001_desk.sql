-- The whole desk on PostgreSQL, in PostgreSQL's own types: timestamptz for
-- instants, jsonb for structured values, bigint identities, booleans.
-- Keys, handles and ids compare byte for byte (COLLATE "C"), so lists and
-- cursors order exactly as they do on SQLite whatever the database's locale.

CREATE TABLE operators (
    handle            text COLLATE "C" PRIMARY KEY,
    display_name      text NOT NULL,
    email             text NOT NULL,
    signature         text,
    role              text NOT NULL CHECK (role IN ('owner', 'manager', 'operator')),
    availability      text NOT NULL CHECK (availability IN ('online', 'away', 'busy', 'offline')),
    capacity          integer CHECK (capacity IS NULL OR capacity >= 0),
    last_assigned_at  timestamptz,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL
);

CREATE TABLE teams (
    key         text COLLATE "C" PRIMARY KEY,
    name        text NOT NULL,
    is_default  boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

-- At most one default team, enforced by the database as well as the service.
CREATE UNIQUE INDEX teams_single_default ON teams (is_default) WHERE is_default;

CREATE TABLE team_members (
    team_key         text COLLATE "C" NOT NULL REFERENCES teams (key) ON DELETE CASCADE,
    operator_handle  text COLLATE "C" NOT NULL REFERENCES operators (handle) ON DELETE CASCADE,
    PRIMARY KEY (team_key, operator_handle)
);

CREATE INDEX team_members_by_operator ON team_members (operator_handle);

CREATE TABLE tokens (
    id               text COLLATE "C" PRIMARY KEY,
    name             text NOT NULL,
    kind             text NOT NULL CHECK (kind IN ('operator', 'ingest')),
    operator_handle  text COLLATE "C" REFERENCES operators (handle) ON DELETE CASCADE,
    secret_sha256    text NOT NULL UNIQUE,
    hint             text NOT NULL,
    created_at       timestamptz NOT NULL,
    last_used_at     timestamptz,
    CHECK ((kind = 'operator') = (operator_handle IS NOT NULL))
);

CREATE TABLE agents (
    key         text COLLATE "C" PRIMARY KEY,
    name        text NOT NULL,
    -- The handover action (the API's HandoverAction); NULL when none.
    handover    jsonb,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

-- One row per settings section, each the section's JSON; absent means defaults.
CREATE TABLE settings (
    name        text COLLATE "C" PRIMARY KEY,
    value       jsonb NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE ticket_fields (
    key         text COLLATE "C" PRIMARY KEY,
    name        text NOT NULL,
    field_type  text NOT NULL CHECK (field_type IN ('text', 'number', 'dropdown', 'checkbox', 'date')),
    options     jsonb NOT NULL DEFAULT '[]',
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE rules (
    id          text COLLATE "C" PRIMARY KEY,
    kind        text NOT NULL CHECK (kind IN ('priority', 'assignment')),
    position    integer NOT NULL CHECK (position >= 1),
    name        text,
    match_mode  text NOT NULL CHECK (match_mode IN ('all', 'any')),
    conditions  jsonb NOT NULL,
    priority    text CHECK (priority IS NULL OR priority IN ('low', 'medium', 'high', 'urgent')),
    team_key    text COLLATE "C" REFERENCES teams (key),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    CHECK ((kind = 'priority') = (priority IS NOT NULL)),
    CHECK ((kind = 'assignment') = (team_key IS NOT NULL))
);

CREATE INDEX rules_by_kind_position ON rules (kind, position);

CREATE TABLE integrations (
    kind         text COLLATE "C" PRIMARY KEY,
    settings     jsonb NOT NULL,
    -- Secrets by name: the service needs them in clear to call the platform;
    -- the API only ever shows fingerprints.
    secrets      jsonb NOT NULL,
    base_url     text,
    fields       jsonb NOT NULL,
    priorities   jsonb NOT NULL,
    status       text NOT NULL DEFAULT 'untested'
                 CHECK (status IN ('untested', 'connected', 'error')),
    last_test    jsonb,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);

-- The configuration's revision (moved on by every configuration change, for
-- optimistic concurrency) and generation (moved on by every change to what
-- handoffs are decided against: what replicas' caches are keyed by). Its one
-- row is also the lock that serializes configuration changes across replicas.
CREATE TABLE workspace_revision (
    id          integer PRIMARY KEY CHECK (id = 1),
    revision    bigint NOT NULL,
    generation  bigint NOT NULL DEFAULT 0
);

INSERT INTO workspace_revision (id, revision, generation) VALUES (1, 1, 0);

-- The last ticket number given: taken and moved on under this row's lock in
-- the creating transaction, so numbers are unique and, as a rolled-back
-- transaction gives its number back, without gaps.
CREATE TABLE ticket_numbers (
    id    integer PRIMARY KEY CHECK (id = 1),
    last  bigint NOT NULL
);

INSERT INTO ticket_numbers (id, last) VALUES (1, 10000);

CREATE TABLE tickets (
    number                 bigint PRIMARY KEY,
    subject                text NOT NULL,
    status                 text NOT NULL CHECK (status IN ('open', 'pending', 'resolved')),
    priority               text NOT NULL CHECK (priority IN ('low', 'medium', 'high', 'urgent')),
    requester_name         text,
    requester_email        text,
    requester_external_id  text,
    assignee               text COLLATE "C" REFERENCES operators (handle) ON DELETE SET NULL,
    team_key               text COLLATE "C" REFERENCES teams (key) ON DELETE SET NULL,
    -- No foreign key: a ticket keeps its history when the agent is removed.
    agent_key              text COLLATE "C",
    channel                text NOT NULL,
    environment            text NOT NULL,
    fields                 jsonb NOT NULL DEFAULT '{}',
    context                jsonb NOT NULL DEFAULT '{}',
    ai_paused              boolean NOT NULL DEFAULT false,
    handoff_id             text COLLATE "C",
    created_at             timestamptz NOT NULL,
    last_activity_at       timestamptz NOT NULL
);

CREATE INDEX tickets_by_assignee_status ON tickets (assignee, status);
CREATE INDEX tickets_by_activity ON tickets (last_activity_at, number);
CREATE INDEX tickets_by_status_activity ON tickets (status, last_activity_at, number);
CREATE INDEX tickets_by_assignee_activity ON tickets (assignee, last_activity_at, number);
CREATE INDEX tickets_by_team_activity ON tickets (team_key, last_activity_at, number);
CREATE INDEX tickets_by_requester_email ON tickets (lower(requester_email));
CREATE INDEX tickets_by_requester_external_id ON tickets (requester_external_id);
CREATE INDEX tickets_by_requester_name ON tickets (requester_name);

CREATE TABLE timeline (
    ticket_number  bigint NOT NULL REFERENCES tickets (number) ON DELETE CASCADE,
    seq            integer NOT NULL,
    kind           text NOT NULL CHECK (kind IN ('message', 'note', 'event')),
    author_kind    text NOT NULL CHECK (author_kind IN ('customer', 'ai', 'operator', 'system')),
    author         text,
    event          text,
    body           text,
    channel        text,
    at             timestamptz NOT NULL,
    PRIMARY KEY (ticket_number, seq)
);

CREATE TABLE handoffs (
    id                   text COLLATE "C" PRIMARY KEY,
    idempotency_key      text UNIQUE,
    request_sha256       text NOT NULL,
    agent_key            text COLLATE "C" NOT NULL,
    environment          text NOT NULL,
    outcome              text NOT NULL CHECK (outcome IN ('preview', 'ticket', 'external')),
    ticket_number        bigint REFERENCES tickets (number),
    decision             jsonb NOT NULL,
    request              jsonb NOT NULL,
    created_at           timestamptz NOT NULL,
    external_id          text,
    external_url         text,
    external_status      text CHECK (external_status IN
                             ('queued', 'created', 'assigned', 'resolved', 'reopened', 'failed')),
    external_updated_at  timestamptz
);

CREATE INDEX handoffs_by_created ON handoffs (created_at, id);
CREATE INDEX handoffs_by_external ON handoffs (external_id) WHERE external_id IS NOT NULL;

CREATE TABLE round_robin (
    team_key     text COLLATE "C" PRIMARY KEY REFERENCES teams (key) ON DELETE CASCADE,
    last_handle  text COLLATE "C" NOT NULL
);

CREATE TABLE inbound_emails (
    message_id     text PRIMARY KEY,
    ticket_number  bigint NOT NULL REFERENCES tickets (number),
    received_at    timestamptz NOT NULL
);

-- Every message the desk sends, written in the transaction of what causes it
-- and delivered by workers of any replica, each claiming one message at a time
-- (FOR UPDATE SKIP LOCKED) with a lease that another replica may take over
-- once it has run out.
CREATE TABLE outbox (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind             text NOT NULL CHECK (kind IN ('email', 'webhook', 'integration')),
    ticket_number    bigint REFERENCES tickets (number),
    description      text NOT NULL,
    -- Text, not jsonb: a webhook's body is signed byte for byte.
    payload          text NOT NULL,
    state            text NOT NULL DEFAULT 'pending'
                     CHECK (state IN ('pending', 'delivered', 'dead')),
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    lease_owner      text,
    lease_until      timestamptz,
    last_error       text,
    created_at       timestamptz NOT NULL,
    delivered_at     timestamptz,
    updated_at       timestamptz NOT NULL,
    integration      text,
    handoff_id       text COLLATE "C",
    progress         jsonb
);

CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE state = 'pending';
CREATE INDEX outbox_by_ticket ON outbox (ticket_number);
CREATE INDEX outbox_by_integration ON outbox (integration, id) WHERE integration IS NOT NULL;
CREATE UNIQUE INDEX outbox_by_handoff ON outbox (handoff_id) WHERE handoff_id IS NOT NULL;

CREATE TABLE webhook_receipts (
    kind         text NOT NULL,
    digest       text NOT NULL,
    received_at  timestamptz NOT NULL,
    PRIMARY KEY (kind, digest)
);
