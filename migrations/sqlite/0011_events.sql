-- The event stream (`GET /v1/events`): one row per change the desk commits,
-- written in the same transaction as the change. Ids come from the counter
-- row, taken under SQLite's one write lock, so they grow by one in commit
-- order, and are never given out twice even after every row was pruned.

CREATE TABLE event_log (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    -- The last id given out.
    last_id         INTEGER NOT NULL,
    -- Every event up to this id has been pruned: a stream resuming from an
    -- earlier id is told to reload (a `reset` event).
    pruned_through  INTEGER NOT NULL
);

INSERT INTO event_log (id, last_id, pruned_through) VALUES (1, 0, 0);

CREATE TABLE events (
    id                 INTEGER PRIMARY KEY,
    kind               TEXT NOT NULL,
    -- Who may see the event, as who may see its ticket: the ticket's team and
    -- assignee after the change, and its assignee before it (an operator whose
    -- ticket was reassigned hears that it left their view). No ticket: owners
    -- and managers only. No foreign keys: an event outlives what it names.
    ticket_number      INTEGER,
    team_key           TEXT,
    assignee           TEXT,
    previous_assignee  TEXT,
    -- JSON: the event as the stream sends it, without its id.
    payload            TEXT NOT NULL,
    at                 TEXT NOT NULL
);

-- Pruning by age.
CREATE INDEX events_by_at ON events (at);
