-- `tickets list --requester WHO` matches a requester's email or external id
-- whole and their name by any part of it, in any case (ILIKE). The email and
-- the external id have B-tree indexes (0001); the name had none a substring
-- can use (0006 dropped the B-tree), so a requester with few tickets walked
-- every ticket. With a trigram index on the name PostgreSQL can answer all
-- three from indexes (a BitmapOr) and sort the few tickets found. pg_trgm
-- indexes ILIKE patterns as they are, case folded by the database's locale
-- as ILIKE folds them. Its pending list is kept short like the others (0007).
CREATE INDEX tickets_requester_name_text ON tickets USING gin (requester_name gin_trgm_ops)
    WITH (gin_pending_list_limit = 128);
