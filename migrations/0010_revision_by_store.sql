-- The workspace revision moves on once per configuration change, written by the
-- store's one configuration write path (the same on SQLite and PostgreSQL),
-- instead of by a trigger per changed row. `generation` moves on with every
-- change to what handoffs are decided against (availability and connection tests
-- included): what caches of the workspace are keyed by.

DROP TRIGGER operators_revision_insert;
DROP TRIGGER operators_revision_update;
DROP TRIGGER operators_revision_delete;
DROP TRIGGER teams_revision_insert;
DROP TRIGGER teams_revision_update;
DROP TRIGGER teams_revision_delete;
DROP TRIGGER team_members_revision_insert;
DROP TRIGGER team_members_revision_delete;
DROP TRIGGER ticket_fields_revision_insert;
DROP TRIGGER ticket_fields_revision_update;
DROP TRIGGER ticket_fields_revision_delete;
DROP TRIGGER settings_revision_insert;
DROP TRIGGER settings_revision_update;
DROP TRIGGER settings_revision_delete;
DROP TRIGGER rules_revision_insert;
DROP TRIGGER rules_revision_update;
DROP TRIGGER rules_revision_delete;
DROP TRIGGER agents_revision_insert;
DROP TRIGGER agents_revision_update;
DROP TRIGGER agents_revision_delete;
DROP TRIGGER integrations_revision_insert;
DROP TRIGGER integrations_revision_update;
DROP TRIGGER integrations_revision_delete;

ALTER TABLE workspace_revision ADD COLUMN generation INTEGER NOT NULL DEFAULT 0;
