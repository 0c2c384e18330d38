-- The desk's own emails about a ticket, by the local part of their
-- Message-ID (`<{local}@{sender's domain}>`), so a customer's reply that
-- names one in In-Reply-To or References joins that ticket.
CREATE TABLE email_threads (
    local_id       text PRIMARY KEY,
    ticket_number  bigint NOT NULL REFERENCES tickets (number),
    created_at     timestamptz NOT NULL
);
