-- A requester's email and name match in any case of their ASCII letters and
-- nothing else, as on SQLite (its LIKE and lower() fold A-Z alone) and as
-- searched text does (0004). ILIKE and lower() fold by the database's
-- locale: under C.UTF-8 or en_US.UTF-8 they also fold É to é, so the same
-- `tickets list --requester` found more tickets here than on SQLite. Both
-- indexes are now built on the ASCII-folded value the queries compare.
DROP INDEX tickets_requester_name_text;
CREATE INDEX tickets_requester_name_text ON tickets USING gin (
    translate(requester_name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') gin_trgm_ops
) WITH (gin_pending_list_limit = 128);
DROP INDEX tickets_by_requester_email;
CREATE INDEX tickets_by_requester_email ON tickets (
    translate(requester_email, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')
);
