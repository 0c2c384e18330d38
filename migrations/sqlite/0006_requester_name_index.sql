-- `tickets list --requester WHO` matches email, name or external id; with the
-- name indexed too, SQLite answers the OR from three indexes instead of a scan.

CREATE INDEX tickets_by_requester_name ON tickets (requester_name);
