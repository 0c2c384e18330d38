-- A ticket keeps its requester's phone, as it keeps their name, email and
-- external id: an operator on a WhatsApp handoff calls or texts the number.
-- Until now only the handoff's record held it. Tickets handed over before
-- take it from their handoff's request, trimmed as the pipeline trims it
-- (`domain::handoff::normalize_request`), a blank one as none.
ALTER TABLE tickets ADD COLUMN requester_phone text;

UPDATE tickets SET requester_phone = NULLIF(btrim(h.request -> 'requester' ->> 'phone', E' \t\n\r'), '')
FROM handoffs h
WHERE h.id = tickets.handoff_id AND h.outcome = 'ticket'
  AND h.request -> 'requester' ->> 'phone' IS NOT NULL;
