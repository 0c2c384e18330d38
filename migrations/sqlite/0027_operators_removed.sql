-- A removed operator stays as a row marked removed: their resolved tickets
-- keep them as assignee, the record of who handled them (deleting the row
-- cleared that column through ON DELETE SET NULL, without a word on the
-- timeline). The service reads only the operators not removed; adding the
-- handle again brings the row back.
ALTER TABLE operators ADD COLUMN removed_at TEXT;
