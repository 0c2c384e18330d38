-- A text of 4 KiB or more goes into the text index (0013) in the statement
-- that writes it, instead of waiting in the queue (0015). A search reads
-- every queued text whole (`LIKE`), and the queue is moved into the index
-- only once 1,024 texts wait: with texts up to the 1 MiB a request may carry,
-- that could be a gigabyte read by every search. Chat messages, subjects and
-- names are far shorter and keep the queue's speed for the writer; an email's
-- body or a pasted log pays FTS5's own cost, in its own transaction only.
-- So a search reads at most 1,023 texts of under 4 KiB from the queue.
--
-- The triggers of the tables write texts through the view
-- `ticket_text_written`, whose own trigger chooses the queue or the index:
-- one place decides. (`octet_length` reads a value's size, not its bytes.)
-- They remove a text from both, as before.

CREATE VIEW ticket_text_written (id, body) AS SELECT id, body FROM ticket_text_queue;

CREATE TRIGGER ticket_text_written_insert INSTEAD OF INSERT ON ticket_text_written
    WHEN new.body IS NOT NULL BEGIN
    INSERT INTO ticket_text_queue (id, body)
        SELECT new.id, new.body WHERE octet_length(new.body) < 4096;
    INSERT INTO ticket_text (rowid, body)
        SELECT new.id, new.body WHERE octet_length(new.body) >= 4096;
END;

DROP TRIGGER ticket_text_subject;
CREATE TRIGGER ticket_text_subject AFTER INSERT ON tickets BEGIN
    INSERT INTO ticket_text_written (id, body) VALUES (new.number * 16777216, new.subject);
    INSERT INTO ticket_text_written (id, body) VALUES (-new.number, new.requester_name);
END;

DROP TRIGGER ticket_text_subject_changed;
CREATE TRIGGER ticket_text_subject_changed AFTER UPDATE OF subject ON tickets BEGIN
    DELETE FROM ticket_text_queue WHERE id = old.number * 16777216;
    DELETE FROM ticket_text WHERE rowid = old.number * 16777216;
    INSERT INTO ticket_text_written (id, body) VALUES (new.number * 16777216, new.subject);
END;

DROP TRIGGER ticket_text_requester_changed;
CREATE TRIGGER ticket_text_requester_changed AFTER UPDATE OF requester_name ON tickets BEGIN
    DELETE FROM ticket_text_queue WHERE id = -old.number;
    DELETE FROM ticket_text WHERE rowid = -old.number;
    INSERT INTO ticket_text_written (id, body) VALUES (-new.number, new.requester_name);
END;

DROP TRIGGER ticket_text_message;
CREATE TRIGGER ticket_text_message AFTER INSERT ON timeline
    WHEN new.kind = 'message' BEGIN
    INSERT INTO ticket_text_written (id, body)
        VALUES (new.ticket_number * 16777216 + new.seq, new.body);
END;

DROP TRIGGER ticket_text_message_changed;
CREATE TRIGGER ticket_text_message_changed AFTER UPDATE OF kind, body ON timeline BEGIN
    DELETE FROM ticket_text_queue WHERE id = old.ticket_number * 16777216 + old.seq;
    DELETE FROM ticket_text WHERE rowid = old.ticket_number * 16777216 + old.seq;
    INSERT INTO ticket_text_written (id, body)
        SELECT new.ticket_number * 16777216 + new.seq, new.body WHERE new.kind = 'message';
END;

-- Long texts already waiting go into the index now.
INSERT INTO ticket_text (rowid, body)
    SELECT id, body FROM ticket_text_queue WHERE octet_length(body) >= 4096 ORDER BY id;
DELETE FROM ticket_text_queue WHERE octet_length(body) >= 4096;
