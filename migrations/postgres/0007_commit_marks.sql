-- A handoff batch commits without waiting for its WAL flush, so that the
-- assignment lock is free during the flush for the next batch on any replica,
-- and PostgreSQL flushes several replicas' commits at once. Its answers wait
-- for its connection's next commit: an upsert of this connection's row here,
-- committed with the session's own `synchronous_commit`. WAL is flushed in
-- order, so once that commit is durable, the batch's is too.
CREATE TABLE commit_marks (
    backend integer PRIMARY KEY,
    marked_at timestamptz NOT NULL
);
