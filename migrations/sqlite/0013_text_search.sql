-- Text search (`tickets list --search`) from an index instead of reading every
-- ticket and message. One FTS5 row per searched text: a ticket's subject
-- (seq 0) and each message body in its timeline, under the rowid
-- `ticket_number * 16777216 + seq`, so a match names its ticket without a
-- lookup (`rowid >> 24`). `trigram` indexes every three characters, so any
-- substring of three or more can be looked up; `case_sensitive 0` folds case.
-- The index only narrows the candidates: the store re-checks each with the
-- condition that defines a match (ASCII case-insensitive substring, as LIKE),
-- so it may hold more than matches, never less. Contentless (the text lives
-- in tickets and timeline already) and detail=none (no positions: a lookup
-- ANDs the query's trigrams) keep it small.
CREATE VIRTUAL TABLE ticket_text USING fts5(
    body,
    tokenize = 'trigram case_sensitive 0',
    content = '',
    contentless_delete = 1,
    detail = none
);

INSERT INTO ticket_text (rowid, body)
    SELECT number * 16777216, subject FROM tickets;
INSERT INTO ticket_text (rowid, body)
    SELECT ticket_number * 16777216 + seq, body FROM timeline
    WHERE kind = 'message' AND body IS NOT NULL;
-- One segment for what was there (lookups read each segment's list).
INSERT INTO ticket_text (ticket_text) VALUES ('optimize');

-- Written by the same statement as the ticket or the entry, so in the same
-- transaction, whichever code path writes it.
CREATE TRIGGER ticket_text_subject AFTER INSERT ON tickets BEGIN
    INSERT INTO ticket_text (rowid, body) VALUES (new.number * 16777216, new.subject);
END;
CREATE TRIGGER ticket_text_subject_changed AFTER UPDATE OF subject ON tickets BEGIN
    DELETE FROM ticket_text WHERE rowid = old.number * 16777216;
    INSERT INTO ticket_text (rowid, body) VALUES (new.number * 16777216, new.subject);
END;
CREATE TRIGGER ticket_text_ticket_gone AFTER DELETE ON tickets BEGIN
    DELETE FROM ticket_text WHERE rowid = old.number * 16777216;
END;
CREATE TRIGGER ticket_text_message AFTER INSERT ON timeline
    WHEN new.kind = 'message' AND new.body IS NOT NULL BEGIN
    INSERT INTO ticket_text (rowid, body) VALUES (new.ticket_number * 16777216 + new.seq, new.body);
END;
CREATE TRIGGER ticket_text_message_changed AFTER UPDATE OF kind, body ON timeline BEGIN
    DELETE FROM ticket_text WHERE rowid = old.ticket_number * 16777216 + old.seq;
    INSERT INTO ticket_text (rowid, body)
        SELECT new.ticket_number * 16777216 + new.seq, new.body
        WHERE new.kind = 'message' AND new.body IS NOT NULL;
END;
CREATE TRIGGER ticket_text_message_gone AFTER DELETE ON timeline BEGIN
    DELETE FROM ticket_text WHERE rowid = old.ticket_number * 16777216 + old.seq;
END;
