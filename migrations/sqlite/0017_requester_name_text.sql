-- `tickets list --requester WHO` matches a requester's email or external id
-- whole and their name by any part of it, in any case. The email and the
-- external id have indexes (0004); the name had none that a substring can
-- use, so a requester with few tickets walked every ticket (616 ms at a
-- million, docs/performance.md). Names now go into the trigram index of
-- 0013 beside the searched texts, under the rowid `-number`: a negative
-- rowid keeps them apart from the subjects and messages (`rowid > 0`, a
-- range FTS5 seeks) and names its ticket without a lookup. They are queued
-- like the other texts (0015) and moved into the index with them.

DROP TRIGGER ticket_text_subject;
CREATE TRIGGER ticket_text_subject AFTER INSERT ON tickets BEGIN
    INSERT INTO ticket_text_queue (id, body) VALUES (new.number * 16777216, new.subject);
    INSERT INTO ticket_text_queue (id, body)
        SELECT -new.number, new.requester_name WHERE new.requester_name IS NOT NULL;
END;

CREATE TRIGGER ticket_text_requester_changed AFTER UPDATE OF requester_name ON tickets BEGIN
    DELETE FROM ticket_text_queue WHERE id = -old.number;
    DELETE FROM ticket_text WHERE rowid = -old.number;
    INSERT INTO ticket_text_queue (id, body)
        SELECT -new.number, new.requester_name WHERE new.requester_name IS NOT NULL;
END;

DROP TRIGGER ticket_text_ticket_gone;
CREATE TRIGGER ticket_text_ticket_gone AFTER DELETE ON tickets BEGIN
    DELETE FROM ticket_text_queue WHERE id IN (old.number * 16777216, -old.number);
    DELETE FROM ticket_text WHERE rowid IN (old.number * 16777216, -old.number);
END;

-- In ascending rowid order: FTS5 writes out what it holds in memory whenever
-- a rowid is not above the last, and in ticket order that was every row.
INSERT INTO ticket_text (rowid, body)
    SELECT -number, requester_name FROM tickets WHERE requester_name IS NOT NULL
    ORDER BY number DESC;
