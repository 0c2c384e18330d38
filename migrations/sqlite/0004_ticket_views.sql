-- Indexes that match the inbox's views and their order (newest activity first).

CREATE INDEX tickets_by_status_activity ON tickets (status, last_activity_at, number);
CREATE INDEX tickets_by_assignee_activity ON tickets (assignee, last_activity_at, number);
CREATE INDEX tickets_by_team_activity ON tickets (team_key, last_activity_at, number);
CREATE INDEX tickets_by_requester_email ON tickets (lower(requester_email));
CREATE INDEX tickets_by_requester_external_id ON tickets (requester_external_id);
