-- One ticket's messages to one destination go out in the order they were
-- queued: a pending message waits while an earlier one to the same place
-- about the same ticket is pending. The destination is where a message goes,
-- as ordering tells places apart: `webhook` (the delivery webhook),
-- `email:<recipient>` (an owner's notice does not hold up the customer's
-- replies), `integration:<kind>`.
ALTER TABLE outbox ADD COLUMN destination text;

-- Delivered messages wait for nothing and hold up nothing: only the pending
-- and the dead (which `outbox retry` can queue again) need a destination.
UPDATE outbox SET destination = CASE kind
        WHEN 'webhook' THEN 'webhook'
        WHEN 'integration' THEN 'integration:' || integration
        ELSE 'email:' || (payload::jsonb #>> '{to,email}')
    END
WHERE state IN ('pending', 'dead');

-- A claim looks up, for each due message, the pending messages of its ticket
-- and destination before it (and any in flight after it): a seek here, however
-- many delivered messages the ticket has.
CREATE INDEX outbox_pending_by_ticket ON outbox (ticket_number, destination, id)
    WHERE state = 'pending';
