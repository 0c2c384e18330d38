-- The platform's own time of the last webhook event applied to a handoff's
-- external status (NULL until an event that carries a time is applied): an
-- event the platform timed before it arrived late, and changes nothing.
ALTER TABLE handoffs ADD COLUMN external_event_at timestamptz;
