-- Each operator's open and pending tickets, kept by a trigger in the same
-- statement as the ticket's change, so in its transaction whatever writes it
-- (as SQLite's migration 0014). Assignment reads these counts for every
-- handoff, under the assignment lock: counting them from the tickets instead
-- read every open ticket of every member of the team, a cost that grew with
-- the desk's backlog and that every replica's batches waited for in turn.
CREATE TABLE open_ticket_counts (
    assignee      text COLLATE "C" PRIMARY KEY REFERENCES operators (handle) ON DELETE CASCADE,
    open_tickets  bigint NOT NULL CHECK (open_tickets >= 0)
);

INSERT INTO open_ticket_counts (assignee, open_tickets)
    SELECT assignee, COUNT(*) FROM tickets
    WHERE assignee IS NOT NULL AND status IN ('open', 'pending')
    GROUP BY assignee;

CREATE FUNCTION open_ticket_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE')
       AND OLD.assignee IS NOT NULL AND OLD.status IN ('open', 'pending') THEN
        UPDATE open_ticket_counts SET open_tickets = open_tickets - 1
            WHERE assignee = OLD.assignee;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE')
       AND NEW.assignee IS NOT NULL AND NEW.status IN ('open', 'pending') THEN
        INSERT INTO open_ticket_counts (assignee, open_tickets) VALUES (NEW.assignee, 1)
            ON CONFLICT (assignee)
            DO UPDATE SET open_tickets = open_ticket_counts.open_tickets + 1;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER open_ticket_counts_added AFTER INSERT ON tickets FOR EACH ROW
    WHEN (NEW.assignee IS NOT NULL AND NEW.status IN ('open', 'pending'))
    EXECUTE FUNCTION open_ticket_counts_follow();

CREATE TRIGGER open_ticket_counts_changed AFTER UPDATE OF assignee, status ON tickets
    FOR EACH ROW
    WHEN (OLD.assignee IS DISTINCT FROM NEW.assignee
          OR (OLD.status IN ('open', 'pending')) <> (NEW.status IN ('open', 'pending')))
    EXECUTE FUNCTION open_ticket_counts_follow();

CREATE TRIGGER open_ticket_counts_removed AFTER DELETE ON tickets FOR EACH ROW
    WHEN (OLD.assignee IS NOT NULL AND OLD.status IN ('open', 'pending'))
    EXECUTE FUNCTION open_ticket_counts_follow();
