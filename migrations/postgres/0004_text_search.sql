-- Text search (`tickets list --search`) from trigram indexes instead of
-- reading every ticket and message. A match is an ASCII case-insensitive
-- substring, the same on SQLite: both sides are folded with translate() (A-Z
-- only, whatever the database's locale) and compared with LIKE; pg_trgm's GIN
-- index finds the candidates for any pattern of three or more characters and
-- PostgreSQL re-checks them. Indexes are written with their rows, in the
-- same transaction; CREATE INDEX builds them for the rows already there.
-- pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: a
-- database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX tickets_subject_text ON tickets USING gin (
    translate(subject, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') gin_trgm_ops
);
CREATE INDEX timeline_message_text ON timeline USING gin (
    translate(body, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') gin_trgm_ops
) WHERE kind = 'message';
