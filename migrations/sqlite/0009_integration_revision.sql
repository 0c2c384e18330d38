-- Integrations are configuration too (the `integrations` section of a
-- desired-state document): connecting, changing or disconnecting one moves the
-- workspace revision, so an apply planned before it is refused.
--
-- Only what the document describes counts: kind, settings, secrets, base URL,
-- field and priority mappings. A connection test writes `status` and
-- `last_test` (and nothing else): it must not fail an apply planned before it.

CREATE TRIGGER integrations_revision_insert AFTER INSERT ON integrations
BEGIN
    UPDATE workspace_revision SET revision = revision + 1;
END;

CREATE TRIGGER integrations_revision_update AFTER UPDATE ON integrations
WHEN OLD.kind IS NOT NEW.kind
  OR OLD.settings IS NOT NEW.settings
  OR OLD.secrets IS NOT NEW.secrets
  OR OLD.base_url IS NOT NEW.base_url
  OR OLD.fields IS NOT NEW.fields
  OR OLD.priorities IS NOT NEW.priorities
BEGIN
    UPDATE workspace_revision SET revision = revision + 1;
END;

CREATE TRIGGER integrations_revision_delete AFTER DELETE ON integrations
BEGIN
    UPDATE workspace_revision SET revision = revision + 1;
END;
