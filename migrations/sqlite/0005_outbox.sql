-- The outbox: every message the desk sends (email to customers and owners,
-- webhooks to the AI agent platform), written in the same transaction as what
-- causes it, so nothing accepted is lost, and delivered by workers that claim
-- one message at a time with a lease.

CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY,
    -- email | webhook
    kind             TEXT NOT NULL CHECK (kind IN ('email', 'webhook')),
    -- No foreign key action: a message keeps its history.
    ticket_number    INTEGER REFERENCES tickets (number),
    -- For people: `email to dana@example.com: Re: Parcel [#10001]`.
    description      TEXT NOT NULL,
    -- JSON: the email, or the webhook's body.
    payload          TEXT NOT NULL,
    state            TEXT NOT NULL DEFAULT 'pending'
                     CHECK (state IN ('pending', 'delivered', 'dead')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT NOT NULL,
    -- The worker that claimed the message, and until when; another worker may
    -- claim it once the lease has run out (its holder died mid-attempt).
    lease_owner      TEXT,
    lease_until      TEXT,
    last_error       TEXT,
    created_at       TEXT NOT NULL,
    delivered_at     TEXT,
    updated_at       TEXT NOT NULL
);

-- Workers look for pending messages that are due, soonest first.
CREATE INDEX outbox_by_state_due ON outbox (state, next_attempt_at);
CREATE INDEX outbox_by_ticket ON outbox (ticket_number);
