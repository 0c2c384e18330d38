-- The workspace revision: a counter that every configuration change moves on,
-- so `apply` can refuse a plan made against a workspace that changed since
-- (optimistic concurrency, If-Match). Triggers bump it, so every write path is
-- covered, including ones added later to these tables.
--
-- Configuration is what a desired-state document describes: operators (but not
-- their availability, which operators toggle through the day, nor the
-- round-robin bookkeeping), teams and their members, ticket fields, settings
-- (including email and delivery), rules and agents with their handover actions.
-- Tickets, handoffs, tokens, the outbox and availability are not configuration:
-- an operator going online between plan and apply must not fail the apply.

CREATE TABLE workspace_revision (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    revision  INTEGER NOT NULL
);

INSERT INTO workspace_revision (id, revision) VALUES (1, 1);

CREATE TRIGGER operators_revision_insert AFTER INSERT ON operators
BEGIN
    UPDATE workspace_revision SET revision = revision + 1;
END;

CREATE TRIGGER operators_revision_update AFTER UPDATE ON operators
WHEN OLD.handle IS NOT NEW.handle
  OR OLD.display_name IS NOT NEW.display_name
  OR OLD.email IS NOT NEW.email
  OR OLD.signature IS NOT NEW.signature
  OR OLD.role IS NOT NEW.role
  OR OLD.capacity IS NOT NEW.capacity
BEGIN
    UPDATE workspace_revision SET revision = revision + 1;
END;

CREATE TRIGGER operators_revision_delete AFTER DELETE ON operators
BEGIN
    UPDATE workspace_revision SET revision = revision + 1;
END;

CREATE TRIGGER teams_revision_insert AFTER INSERT ON teams
BEGIN
    UPDATE workspace_revision SET revision = revision + 1;
END;

CREATE TRIGGER teams_revision_update AFTER UPDATE ON teams
WHEN OLD.key IS NOT NEW.key
  OR OLD.name IS NOT NEW.name
  OR OLD.is_default IS NOT NEW.is_default
BEGIN
    UPDATE workspace_revision SET revision = revision + 1;
END;

CREATE TRIGGER teams_revision_delete AFTER DELETE ON teams
BEGIN
    UPDATE workspace_revision SET revision = revision + 1;
END;

CREATE TRIGGER team_members_revision_insert AFTER INSERT ON team_members
BEGIN
    UPDATE workspace_revision SET revision = revision + 1;
END;

CREATE TRIGGER team_members_revision_delete AFTER DELETE ON team_members
BEGIN
    UPDATE workspace_revision SET revision = revision + 1;
END;

CREATE TRIGGER ticket_fields_revision_insert AFTER INSERT ON ticket_fields
BEGIN
    UPDATE workspace_revision SET revision = revision + 1;
END;

CREATE TRIGGER ticket_fields_revision_update AFTER UPDATE ON ticket_fields
WHEN OLD.key IS NOT NEW.key
  OR OLD.name IS NOT NEW.name
  OR OLD.field_type IS NOT NEW.field_type
  OR OLD.options IS NOT NEW.options
BEGIN
    UPDATE workspace_revision SET revision = revision + 1;
END;

CREATE TRIGGER ticket_fields_revision_delete AFTER DELETE ON ticket_fields
BEGIN
    UPDATE workspace_revision SET revision = revision + 1;
END;

CREATE TRIGGER settings_revision_insert AFTER INSERT ON settings
BEGIN
    UPDATE workspace_revision SET revision = revision + 1;
END;

CREATE TRIGGER settings_revision_update AFTER UPDATE ON settings
WHEN OLD.name IS NOT NEW.name OR OLD.value IS NOT NEW.value
BEGIN
    UPDATE workspace_revision SET revision = revision + 1;
END;

CREATE TRIGGER settings_revision_delete AFTER DELETE ON settings
BEGIN
    UPDATE workspace_revision SET revision = revision + 1;
END;

CREATE TRIGGER rules_revision_insert AFTER INSERT ON rules
BEGIN
    UPDATE workspace_revision SET revision = revision + 1;
END;

CREATE TRIGGER rules_revision_update AFTER UPDATE ON rules
WHEN OLD.id IS NOT NEW.id
  OR OLD.kind IS NOT NEW.kind
  OR OLD.position IS NOT NEW.position
  OR OLD.name IS NOT NEW.name
  OR OLD.match_mode IS NOT NEW.match_mode
  OR OLD.conditions IS NOT NEW.conditions
  OR OLD.priority IS NOT NEW.priority
  OR OLD.team_key IS NOT NEW.team_key
BEGIN
    UPDATE workspace_revision SET revision = revision + 1;
END;

CREATE TRIGGER rules_revision_delete AFTER DELETE ON rules
BEGIN
    UPDATE workspace_revision SET revision = revision + 1;
END;

CREATE TRIGGER agents_revision_insert AFTER INSERT ON agents
BEGIN
    UPDATE workspace_revision SET revision = revision + 1;
END;

CREATE TRIGGER agents_revision_update AFTER UPDATE ON agents
WHEN OLD.key IS NOT NEW.key
  OR OLD.name IS NOT NEW.name
  OR OLD.handover IS NOT NEW.handover
BEGIN
    UPDATE workspace_revision SET revision = revision + 1;
END;

CREATE TRIGGER agents_revision_delete AFTER DELETE ON agents
BEGIN
    UPDATE workspace_revision SET revision = revision + 1;
END;
