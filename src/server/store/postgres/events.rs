//! The `events` table and its `event_log` counter. Ids come from the counter
//! row, updated by [`record`] as the last write of the transaction that makes
//! the change: its row lock is held until commit, so the next writer gets the
//! next id only once this one committed, and a reader on any replica that sees
//! id N sees every id before it. (A sequence hands out ids in start order, not
//! commit order: a reader could see 8 before 7 commits and never go back.)

use jiff::Timestamp;
use sqlx::{PgConnection, Row};

use super::{At, PostgresStore};
use crate::api::EVENT_RETENTION_DAYS;
use crate::server::store::shared::{event_visibility, prunes_before, read_event};
use crate::server::store::{EventBounds, EventPage, NewEvent, StoreResult, Viewer};

/// Records `events` in the caller's transaction; call it last before commit,
/// so the counter's row lock is held as briefly as can be.
pub(crate) async fn record(conn: &mut PgConnection, events: &[NewEvent]) -> StoreResult<()> {
    if events.is_empty() {
        return Ok(());
    }
    // One statement takes all the ids and one writes the rows: each statement
    // is a round trip to the server.
    let last: i64 = sqlx::query_scalar(
        "UPDATE event_log SET last_id = last_id + $1 WHERE id = 1 RETURNING last_id",
    )
    .bind(events.len() as i64)
    .fetch_one(&mut *conn)
    .await?;
    let first = last - events.len() as i64 + 1;
    if prunes_before(first, last) {
        let cutoff = Timestamp::now() - jiff::SignedDuration::from_hours(24 * EVENT_RETENTION_DAYS);
        prune(conn, cutoff, first).await?;
    }
    for (chunk, chunk_first) in events
        .chunks(EVENTS_PER_INSERT)
        .zip((first..).step_by(EVENTS_PER_INSERT))
    {
        let rows = (0..chunk.len())
            .map(|row| {
                let p = row * 9;
                format!(
                    "(${}, ${}, ${}, ${}, ${}, ${}, ${}, ${}::jsonb, ${})",
                    p + 1,
                    p + 2,
                    p + 3,
                    p + 4,
                    p + 5,
                    p + 6,
                    p + 7,
                    p + 8,
                    p + 9
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        let mut query = sqlx::query(sqlx::AssertSqlSafe(format!(
            "INSERT INTO events (id, kind, ticket_number, team_key, assignee, previous_assignee, \
             previous_team_key, payload, at) VALUES {rows}"
        )));
        for (new, id) in chunk.iter().zip(chunk_first..) {
            query = query
                .bind(id)
                .bind(new.event.kind.as_str())
                .bind(new.ticket.map(|n| n as i64))
                .bind(new.team.clone())
                .bind(new.assignee.clone())
                .bind(new.previous_assignee.clone())
                .bind(new.previous_team.clone())
                .bind(serde_json::to_string(&new.event).expect("events serialize"))
                .bind(At(new.event.at));
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// Event rows written by one statement, at most (9 values each).
const EVENTS_PER_INSERT: usize = 100;

/// Deletes events recorded before `before`; the caller holds the counter's
/// row lock. `next` is the id about to be given out, for when none is left.
async fn prune(conn: &mut PgConnection, before: Timestamp, next: i64) -> StoreResult<u64> {
    let deleted = sqlx::query("DELETE FROM events WHERE at < $1")
        .bind(At(before))
        .execute(&mut *conn)
        .await?
        .rows_affected();
    if deleted > 0 {
        sqlx::query(
            "UPDATE event_log SET pruned_through = \
             GREATEST(pruned_through, COALESCE((SELECT MIN(id) FROM events), $1) - 1) \
             WHERE id = 1",
        )
        .bind(next)
        .execute(&mut *conn)
        .await?;
    }
    Ok(deleted)
}

impl PostgresStore {
    pub async fn event_bounds(&self) -> StoreResult<EventBounds> {
        let row = sqlx::query("SELECT last_id, pruned_through FROM event_log WHERE id = 1")
            .fetch_one(self.pool())
            .await?;
        Ok(EventBounds {
            last: row.try_get::<i64, _>("last_id")? as u64,
            pruned_through: row.try_get::<i64, _>("pruned_through")? as u64,
        })
    }

    pub async fn events_after(
        &self,
        after: u64,
        viewer: &Viewer,
        limit: u32,
    ) -> StoreResult<EventPage> {
        // One snapshot: every id up to the counter's is committed and seen.
        // Where the WAL's inserts are, read once the snapshot is taken, is
        // past the commit of every transaction it sees.
        let mut conn = self.pool().acquire().await?;
        let mut tx = super::snapshot(&mut conn).await?;
        let (last, seen_through): (i64, String) = sqlx::query_as(
            "SELECT last_id, pg_current_wal_insert_lsn()::text FROM event_log WHERE id = 1",
        )
        .fetch_one(&mut *tx)
        .await?;
        let (visible_now, condition) = match event_visibility(viewer, "$4") {
            Some((now, before)) => (now.clone(), format!("({now} OR {before})")),
            None => ("true".to_string(), "true".to_string()),
        };
        let handle = match viewer {
            Viewer::Operator(handle) => handle.clone(),
            Viewer::Everyone => String::new(),
        };
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT id, payload::text AS payload, ({visible_now}) AS visible_now FROM events \
             WHERE id > $1 AND id <= $2 AND {condition} AND $4::text IS NOT NULL \
             ORDER BY id LIMIT $3"
        )))
        .bind(after as i64)
        .bind(last)
        .bind(i64::from(limit))
        .bind(handle)
        .fetch_all(&mut *tx)
        .await?;
        // A writer under the assignment lock (a handoff batch, a ticket
        // change) is seen once committed, a moment before it is durable
        // (`begin_assigning`). A crash in that moment would take its events
        // back and give their ids to others, which a reader past them would
        // never see: so nothing past `after` is handed out before it is
        // durable. Most reads come after the flush, and need not write.
        let durable =
            last as u64 <= after || super::flushed_through(&mut tx, &seen_through).await?;
        tx.commit().await?;
        if !durable {
            super::await_durable(&mut conn).await?;
        }
        let events = rows
            .iter()
            .map(|row| {
                read_event(
                    row.try_get("id")?,
                    row.try_get("payload")?,
                    row.try_get::<bool, _>("visible_now")?,
                )
            })
            .collect::<StoreResult<Vec<_>>>()?;
        let through = match events.last() {
            Some(event) if events.len() == limit as usize => event.id,
            _ => (last as u64).max(after),
        };
        Ok(EventPage { events, through })
    }

    pub async fn prune_events(&self, before: Timestamp) -> StoreResult<u64> {
        let mut tx = self.pool().begin().await?;
        let last: i64 = sqlx::query_scalar("SELECT last_id FROM event_log WHERE id = 1 FOR UPDATE")
            .fetch_one(&mut *tx)
            .await?;
        let deleted = prune(&mut tx, before, last + 1).await?;
        tx.commit().await?;
        Ok(deleted)
    }
}
