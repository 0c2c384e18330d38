//! The `events` table and its `event_log` counter: events are recorded by the
//! write paths in their own transactions ([`record`]), read after an id, and
//! pruned by age.

use jiff::Timestamp;

use super::{Direct, SqliteStore, all, execute, one, stored_time};
use crate::api::EVENT_RETENTION_DAYS;
use crate::server::store::shared::{event_visibility, prunes_before, read_event};
use crate::server::store::{EventBounds, EventPage, NewEvent, StoreError, StoreResult, Viewer};

/// Records `events` in the caller's write transaction: each takes the next id
/// of the counter row, under the write lock, so ids grow in commit order.
pub(crate) fn record(conn: &Direct, events: &[NewEvent]) -> StoreResult<()> {
    if events.is_empty() {
        return Ok(());
    }
    let last: i64 = one(
        conn,
        "UPDATE event_log SET last_id = last_id + ? WHERE id = 1 RETURNING last_id",
        [events.len() as i64],
        |row| Ok(row.get(0)?),
    )?;
    let first = last - events.len() as i64 + 1;
    if prunes_before(first, last) {
        let cutoff = Timestamp::now() - jiff::SignedDuration::from_hours(24 * EVENT_RETENTION_DAYS);
        prune(conn, cutoff, first)?;
    }
    let mut insert = conn.prepare_cached(
        "INSERT INTO events (id, kind, ticket_number, team_key, assignee, previous_assignee, \
         previous_team_key, payload, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )?;
    for (new, id) in events.iter().zip(first..) {
        insert.execute(rusqlite::params![
            id,
            new.event.kind.as_str(),
            new.ticket.map(|n| n as i64),
            new.team,
            new.assignee,
            new.previous_assignee,
            new.previous_team,
            serde_json::to_string(&new.event).expect("events serialize"),
            stored_time(new.event.at),
        ])?;
    }
    Ok(())
}

/// Deletes events recorded before `before`; `next` is the id about to be
/// given out (or the last one given), for when none is left.
fn prune(conn: &Direct, before: Timestamp, next: i64) -> StoreResult<u64> {
    let deleted = execute(
        conn,
        "DELETE FROM events WHERE at < ?",
        [stored_time(before)],
    )?;
    if deleted > 0 {
        execute(
            conn,
            "UPDATE event_log SET pruned_through = \
             MAX(pruned_through, COALESCE((SELECT MIN(id) FROM events), ?) - 1) WHERE id = 1",
            [next],
        )?;
    }
    Ok(deleted)
}

impl SqliteStore {
    /// Read on a kept connection when serving: the feed's poller reads it
    /// after every change this process makes.
    pub async fn event_bounds(&self) -> StoreResult<EventBounds> {
        self.read_direct(|conn| {
            one(
                conn,
                "SELECT last_id, pruned_through FROM event_log WHERE id = 1",
                [],
                |row| {
                    Ok(EventBounds {
                        last: row.get::<_, i64>(0)? as u64,
                        pruned_through: row.get::<_, i64>(1)? as u64,
                    })
                },
            )
        })
        .await
    }

    pub async fn events_after(
        &self,
        after: u64,
        viewer: &Viewer,
        limit: u32,
    ) -> StoreResult<EventPage> {
        let (visible_now, condition) = match event_visibility(viewer, "?4") {
            Some((now, before)) => (now.clone(), format!("({now} OR {before})")),
            None => ("1".to_string(), "1".to_string()),
        };
        let handle = match viewer {
            Viewer::Operator(handle) => handle.clone(),
            Viewer::Everyone => String::new(),
        };
        // One read transaction: the bound and the rows come from one snapshot.
        let (last, events) = self
            .read_snapshot(|conn| {
                let last: i64 = one(
                    conn,
                    "SELECT last_id FROM event_log WHERE id = 1",
                    [],
                    |row| Ok(row.get(0)?),
                )?;
                let events = all(
                    conn,
                    &format!(
                        "SELECT id, payload, ({visible_now}) AS visible_now FROM events \
                         WHERE id > ?1 AND id <= ?2 AND {condition} AND ?4 IS NOT NULL \
                         ORDER BY id LIMIT ?3"
                    ),
                    rusqlite::params![after as i64, last, i64::from(limit), handle],
                    |row| {
                        read_event(
                            row.get("id")?,
                            row.borrowed_text("payload")?.ok_or_else(|| {
                                StoreError::Corrupt("an event without a payload".into())
                            })?,
                            row.get::<_, i64>("visible_now")? != 0,
                        )
                    },
                )?;
                Ok((last, events))
            })
            .await?;
        let through = match events.last() {
            Some(event) if events.len() == limit as usize => event.id,
            _ => (last as u64).max(after),
        };
        Ok(EventPage { events, through })
    }

    pub async fn prune_events(&self, before: Timestamp) -> StoreResult<u64> {
        self.write_on_pool(|conn| {
            let last: i64 = one(
                conn,
                "SELECT last_id FROM event_log WHERE id = 1",
                [],
                |row| Ok(row.get(0)?),
            )?;
            prune(conn, before, last + 1)
        })
        .await
    }
}
