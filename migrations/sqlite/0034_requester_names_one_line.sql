-- A requester's name is one line since a handoff's intake cleans it
-- (`domain::handoff::normalize_request` by `domain::mail::one_line`): each
-- control character, and each run of them and white space, one space;
-- trimmed. Names stored before kept a tab, a line break or an escape, which
-- every table shows as a space and `--requester` then missed. They are
-- cleaned here the same way: the control characters (U+0000-U+001F,
-- U+007F-U+009F) and the white space Rust's `char::is_whitespace` knows.
-- A name of nothing else is kept as it was: it may be all that names its
-- customer. The text index takes each new name by its trigger (0018).
WITH RECURSIVE walk (number, rest, done) AS (
    SELECT number, requester_name, '' FROM tickets
    WHERE requester_name GLOB '*[' || char(1) || '-' || char(31) || char(127) || '-'
        || char(160) || char(5760) || char(8192) || '-' || char(8202)
        || char(8232, 8233, 8239, 8287, 12288) || ']*'
    UNION ALL
    SELECT number, substr(rest, 2),
        CASE
            WHEN unicode(rest) <= 32 OR unicode(rest) BETWEEN 127 AND 160
                OR unicode(rest) IN (5760, 8232, 8233, 8239, 8287, 12288)
                OR unicode(rest) BETWEEN 8192 AND 8202
            THEN CASE WHEN done = '' OR substr(done, -1) = ' ' THEN done ELSE done || ' ' END
            ELSE done || substr(rest, 1, 1)
        END
    FROM walk WHERE rest <> ''
)
UPDATE tickets SET requester_name = rtrim(walk.done, ' ')
FROM walk
WHERE walk.number = tickets.number AND walk.rest = '' AND rtrim(walk.done, ' ') <> '';
