-- The SHA-256 of what an inbound email says (its sender, subject, text and
-- attachments), to tell the same message delivered again from another
-- message that reuses its Message-ID, as some mailers do: only the first is
-- a duplicate. Emails stored before have none, and count as the same.
ALTER TABLE inbound_emails ADD COLUMN content_sha256 TEXT;
