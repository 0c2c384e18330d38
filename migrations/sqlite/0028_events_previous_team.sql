-- A ticket moved to another team (`tickets assign --team`, `teams remove
-- --move-to`) leaves the view of the team it was in: its event is seen, as a
-- `ticket.hidden`, by who could see the ticket in its team before. Events
-- recorded earlier leave this NULL: their ticket's team did not change.
ALTER TABLE events ADD COLUMN previous_team_key TEXT;
