-- Whether an inbound email is the customer's own (the requester's, not an
-- automatic reply): only those are named in a reply's In-Reply-To and
-- References. The others are held as internal notes, never shown to the
-- customer, and so are their message ids. Of the emails stored before, the
-- desk knows only that the one that opened a ticket is its requester's: the
-- later ones are left out rather than risk naming a note to the customer.
ALTER TABLE inbound_emails ADD COLUMN from_customer boolean NOT NULL DEFAULT false;
UPDATE inbound_emails SET from_customer = true
WHERE (ticket_number, received_at) IN (
    SELECT e.ticket_number, min(e.received_at) FROM inbound_emails e
    JOIN tickets t ON t.number = e.ticket_number AND t.handoff_id IS NULL
    GROUP BY e.ticket_number
);
