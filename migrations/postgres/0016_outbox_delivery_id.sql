-- The id a message went out with: a delivery webhook's `X-Desk-Delivery`
-- (`msg_…`, `evt_…`), an email's Message-ID local part. An integrator's
-- receiver logs it, and `/v1/outbox/{id}` looks a message up by it. None for
-- an external delivery, which a platform's API receives without one.
ALTER TABLE outbox ADD COLUMN delivery_id text;

UPDATE outbox SET delivery_id = payload::jsonb ->> 'id'
WHERE kind IN ('webhook', 'email');

-- Not unique: the ids are random (48 bits), and a lookup that finds two
-- says so rather than pick one.
CREATE INDEX outbox_by_delivery_id ON outbox (delivery_id) WHERE delivery_id IS NOT NULL;
