-- `tickets list --requester WHO` matches a name by any part of it, in any case
-- (`requester_name ILIKE '%who%'`), which no B-tree index can answer, and no
-- other query reads this one; every new ticket still wrote it.
DROP INDEX tickets_by_requester_name;
