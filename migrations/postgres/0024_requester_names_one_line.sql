-- A requester's name is one line since a handoff's intake cleans it
-- (`domain::handoff::normalize_request` by `domain::mail::one_line`): each
-- control character, and each run of them and white space, one space;
-- trimmed. Names stored before kept a tab, a line break or an escape, which
-- every table shows as a space and `--requester` then missed. They are
-- cleaned here the same way: the control characters (U+0001-U+001F,
-- U+007F-U+009F) and the white space Rust's `char::is_whitespace` knows.
-- A name of nothing else is kept as it was: it may be all that names its
-- customer. The trigram index (0009) follows the new names.
UPDATE tickets SET requester_name = cleaned
FROM (
    SELECT number, btrim(regexp_replace(requester_name,
        E'[\\x20\\x01-\\x1f\\x7f-\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]+',
        ' ', 'g'), ' ') AS cleaned
    FROM tickets
    WHERE requester_name ~ E'[\\x01-\\x1f\\x7f-\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]'
) AS dirty
WHERE dirty.number = tickets.number AND dirty.cleaned <> '';
