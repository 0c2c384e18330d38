-- `tickets list --requester` finds a ticket by its requester's phone, as
-- typed: the two numbers are compared without the punctuation and spaces a
-- phone may hold (` +-()./#*,;`) and with ASCII letters in lower case, so
-- `+49 151 1234-5678` finds `+4915112345678` (`domain::handoff::phone_query`).
-- The index is built on that expression of the phone, the one the store
-- writes (`store::shared::phone_key`); SQLite uses it only for the same
-- expression, so the two are kept alike (a test reads the query's plan).
CREATE INDEX tickets_by_requester_phone ON tickets (
    lower(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(requester_phone, ' ', ''), '+', ''), '-', ''), '(', ''), ')', ''), '.', ''), '/', ''), '#', ''), '*', ''), ',', ''), ';', ''))
);
