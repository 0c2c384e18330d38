-- A ticket's inbound emails, in the order they came: an operator's email reply
-- names the customer's messages in In-Reply-To and References.
CREATE INDEX inbound_emails_by_ticket ON inbound_emails (ticket_number, received_at);
