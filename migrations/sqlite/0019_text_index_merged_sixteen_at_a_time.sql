-- FTS5 merges the text index's segments as they pile up, a few pages at each
-- `COMMIT` that adds a segment (every 1,024 queued texts: 0015, 0018). With
-- its defaults it merges four segments of a level into one of the next, so
-- each text was written again at every fourth-fold of the index: merging was
-- an eighth of the service writer's time, and the batch of handoffs whose
-- `COMMIT` did it waited for it. Sixteen at a time writes each text again
-- half as often (log16 against log4 of the segments), and the handoffs'
-- throughput rose by a tenth and their p99 fell by a fifth
-- (docs/performance.md, twenty-first session). A lookup reads every segment,
-- so a level may now hold up to fifteen more, but a probe is a small part of
-- a search. `crisismerge`, which merges a whole level at once in one
-- `COMMIT` when that many segments wait on it, would otherwise be sixteen as
-- well and do every merge that way: it only backs up the incremental merges
-- now.
INSERT INTO ticket_text (ticket_text, rank) VALUES ('automerge', 16);
INSERT INTO ticket_text (ticket_text, rank) VALUES ('crisismerge', 64);
