-- The text index (0013) written once per transaction instead of by every
-- statement that adds a text. FTS5 writes the terms it holds in memory out as
-- a new segment at every savepoint and statement journal opened after it was
-- written to in a transaction, and a handoff batch opens several per handoff
-- (one savepoint each, and one statement journal per statement that fires a
-- trigger): each handoff left small segments behind for FTS5 to merge, the
-- largest part of the writer's time. Now the triggers queue the texts here and
-- the write transaction moves them into the index with one statement just
-- before it commits (`sqlite::INDEX_QUEUED_TEXT`), so readers, who only see
-- committed transactions, find this table empty and the index whole.
CREATE TABLE ticket_text_queue (
    id    INTEGER PRIMARY KEY,
    body  TEXT NOT NULL
);

DROP TRIGGER ticket_text_subject;
CREATE TRIGGER ticket_text_subject AFTER INSERT ON tickets BEGIN
    INSERT INTO ticket_text_queue (id, body) VALUES (new.number * 16777216, new.subject);
END;

DROP TRIGGER ticket_text_subject_changed;
CREATE TRIGGER ticket_text_subject_changed AFTER UPDATE OF subject ON tickets BEGIN
    DELETE FROM ticket_text_queue WHERE id = old.number * 16777216;
    DELETE FROM ticket_text WHERE rowid = old.number * 16777216;
    INSERT INTO ticket_text_queue (id, body) VALUES (new.number * 16777216, new.subject);
END;

DROP TRIGGER ticket_text_ticket_gone;
CREATE TRIGGER ticket_text_ticket_gone AFTER DELETE ON tickets BEGIN
    DELETE FROM ticket_text_queue WHERE id = old.number * 16777216;
    DELETE FROM ticket_text WHERE rowid = old.number * 16777216;
END;

DROP TRIGGER ticket_text_message;
CREATE TRIGGER ticket_text_message AFTER INSERT ON timeline
    WHEN new.kind = 'message' AND new.body IS NOT NULL BEGIN
    INSERT INTO ticket_text_queue (id, body)
        VALUES (new.ticket_number * 16777216 + new.seq, new.body);
END;

DROP TRIGGER ticket_text_message_changed;
CREATE TRIGGER ticket_text_message_changed AFTER UPDATE OF kind, body ON timeline BEGIN
    DELETE FROM ticket_text_queue WHERE id = old.ticket_number * 16777216 + old.seq;
    DELETE FROM ticket_text WHERE rowid = old.ticket_number * 16777216 + old.seq;
    INSERT INTO ticket_text_queue (id, body)
        SELECT new.ticket_number * 16777216 + new.seq, new.body
        WHERE new.kind = 'message' AND new.body IS NOT NULL;
END;

DROP TRIGGER ticket_text_message_gone;
CREATE TRIGGER ticket_text_message_gone AFTER DELETE ON timeline BEGIN
    DELETE FROM ticket_text_queue WHERE id = old.ticket_number * 16777216 + old.seq;
    DELETE FROM ticket_text WHERE rowid = old.ticket_number * 16777216 + old.seq;
END;
