-- Ticket changes made with an Idempotency-Key (a conversation append sent
-- again after a timeout): the key, the SHA-256 of the request that made the
-- change (with the ingest token that sent it), and the ticket. The same key
-- and request again answer the ticket as it stands and change nothing;
-- another request with the key is refused. Apart from handoffs' keys.
CREATE TABLE ticket_change_keys (
    idempotency_key  text PRIMARY KEY,
    request_sha256   text NOT NULL,
    ticket_number    bigint NOT NULL REFERENCES tickets (number),
    created_at       timestamptz NOT NULL
);
