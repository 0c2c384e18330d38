-- The desk's own emails about a ticket, by the local part of their
-- Message-ID (`<{local}@{sender's domain}>`), so a customer's reply that
-- names one in In-Reply-To or References joins that ticket.
CREATE TABLE email_threads (
    local_id       TEXT PRIMARY KEY,
    ticket_number  INTEGER NOT NULL REFERENCES tickets (number),
    created_at     TEXT NOT NULL
);
