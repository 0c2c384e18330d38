-- The trigram indexes (0004) keep their pending lists short. With `fastupdate`
-- (GIN's default) an insert adds its trigrams to the index's pending list,
-- and the insert that takes the list past `gin_pending_list_limit` (4 MB by
-- default) moves the whole list into the index's tree itself. A handoff
-- writes that insert while it holds the assignment lock, so under load every
-- replica's handoffs stopped for that move, about 45 ms once a second on the
-- bench's machine: the largest part of the p99 (docs/performance.md,
-- fifteenth session). At 128 kB the moves are thirty times smaller and as
-- much work in all, so the rate stays and the stops go. A search reads the
-- whole pending list too, so a short one also serves it.
ALTER INDEX tickets_subject_text SET (gin_pending_list_limit = 128);
ALTER INDEX timeline_message_text SET (gin_pending_list_limit = 128);
