-- The event stream (`GET /v1/events`): one row per change the desk commits,
-- written in the same transaction as the change. A sequence would not do:
-- its values are taken in start order, not commit order, so a reader could see
-- id 8 before id 7 commits and skip 7 for good. Ids come instead from the
-- counter row, updated as the last write of each transaction: its row lock is
-- held until commit, so the next writer takes the next id only after this one
-- committed, and ids grow by one in commit order on every replica.

CREATE TABLE event_log (
    id              integer PRIMARY KEY CHECK (id = 1),
    -- The last id given out.
    last_id         bigint NOT NULL,
    -- Every event up to this id has been pruned: a stream resuming from an
    -- earlier id is told to reload (a `reset` event).
    pruned_through  bigint NOT NULL
);

INSERT INTO event_log (id, last_id, pruned_through) VALUES (1, 0, 0);

CREATE TABLE events (
    id                 bigint PRIMARY KEY,
    kind               text NOT NULL,
    -- Who may see the event, as who may see its ticket: the ticket's team and
    -- assignee after the change, and its assignee before it. No ticket:
    -- owners and managers only. No foreign keys: an event outlives what it names.
    ticket_number      bigint,
    team_key           text,
    assignee           text,
    previous_assignee  text,
    -- The event as the stream sends it, without its id.
    payload            jsonb NOT NULL,
    at                 timestamptz NOT NULL
);

CREATE INDEX events_by_at ON events (at);
