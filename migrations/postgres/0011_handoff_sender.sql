-- The ingest token that sent a handoff (NULL for one sent by a person, and for
-- those stored before this column): an ingest token reads its own handoffs,
-- not another platform's.
ALTER TABLE handoffs ADD COLUMN sent_by TEXT;
