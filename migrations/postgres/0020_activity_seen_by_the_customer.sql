-- A ticket's last activity is the last thing its customer saw happen: a
-- message in or out, or a status change (`domain::tickets::is_activity`).
-- Until now every change moved it, internal notes, priorities and
-- assignments too, and the customer's own view showed when. A ticket whose
-- timeline ends with such a change takes the time of its last message or
-- status change again (its creation when it has none since); a message
-- dated by its sender counts at that time, a moment before the desk took it.
UPDATE tickets SET last_activity_at = GREATEST(created_at, (
    SELECT MAX(seen.at) FROM timeline seen
    WHERE seen.ticket_number = tickets.number
      AND (seen.kind = 'message'
           OR seen.event IN ('resolved', 'reopened', 'status-changed'))
))
WHERE (
    SELECT last.kind <> 'message'
       AND COALESCE(last.event, '') NOT IN ('resolved', 'reopened', 'status-changed')
    FROM timeline last
    WHERE last.ticket_number = tickets.number
    ORDER BY last.seq DESC LIMIT 1
);
