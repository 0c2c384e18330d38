-- `attempts` counts every attempt a message has had, including those before
-- `outbox retry` / `integrations retry` queued it again (it used to start
-- again from 0, so a delivered handoff reported fewer attempts than were
-- made). The retry policy counts only the attempts since: this is how many
-- had been made when it was last queued again by hand.
ALTER TABLE outbox ADD COLUMN requeued_after INTEGER NOT NULL DEFAULT 0;
