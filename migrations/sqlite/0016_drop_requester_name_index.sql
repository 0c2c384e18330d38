-- `tickets list --requester WHO` matches a name by any part of it, in any case
-- (`requester_name LIKE '%who%'`), which no B-tree index can answer: SQLite
-- walks the tickets newest first whether or not 0006's index exists, and no
-- other query reads it. Every new ticket still wrote a leaf of it chosen by
-- the name, one more random page per handoff for the writer to log.
DROP INDEX tickets_by_requester_name;
