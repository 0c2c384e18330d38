//! The `outbox` table: messages the desk sends, queued in the transaction of
//! what causes them, claimed by delivery workers with a lease, and settled as
//! delivered, to be tried again, or dead.
//!
//! What a message says and how it travels is the delivery module's business;
//! here a message is a kind, a destination, a description and a JSON payload.
//! One ticket's messages to one destination go out in the order they were
//! queued ([`crate::server::store::Outbox`]): claims are serialised by the
//! write lock, so the check that nothing earlier is pending holds until the
//! claim is written.

use std::time::Duration;

use jiff::{SignedDuration, Timestamp};
use sqlx::Row;

use super::tickets::{append_entries, changed_with, fetch_ticket, keep_change_key, update_ticket};
use super::{
    Direct, SqliteStore, all, execute, now, one, optional, parse_enum, parse_time, stored_time,
};
use crate::api::{
    ExternalStatus, IntegrationKind, OutboxKind, OutboxMessage, OutboxQuery, OutboxState, Ticket,
};
use crate::server::store::rows::Fields;
use crate::server::store::shared::{
    delivery_event, outbox_waiting_for, outbox_waits, requeued, settled_delivery,
    the_outbound_sent_as,
};
use crate::server::store::{
    Claimed, ExternalSettle, IdempotencyKey, NewEvent, NewOutbound, Recorded, Settle, StoreError,
    StoreResult, TicketChangeFn, TicketNote, check_replay,
};

/// The columns of an [`OutboxMessage`], read `FROM outbox AS due` with now
/// bound to `?1`.
const COLUMNS: &str = concat!(
    "id, kind, ticket_number, description, payload, state, attempts, next_attempt_at, \
     last_error, created_at, delivered_at, integration, handoff_id, ",
    outbox_waiting_for!("?1"),
    " AS waiting_for"
);

fn from_row(row: &impl Fields) -> StoreResult<OutboxMessage> {
    let state: OutboxState = row.parsed("state")?;
    Ok(OutboxMessage {
        id: row.int("id")? as u64,
        kind: row.parsed("kind")?,
        ticket: row.optional_int("ticket_number")?.map(|n| n as u64),
        description: row.text("description")?,
        state,
        attempts: row.int("attempts")? as u32,
        next_attempt_at: match state {
            OutboxState::Pending => Some(row.time("next_attempt_at")?),
            _ => None,
        },
        waiting_for: row.optional_int("waiting_for")?.map(|id| id as u64),
        last_error: row.optional_text("last_error")?,
        created_at: row.time("created_at")?,
        delivered_at: row.optional_time("delivered_at")?,
        integration: row.optional_parsed("integration")?,
        handoff: row.optional_text("handoff_id")?,
        payload: serde_json::from_str(&row.text("payload")?)
            .map_err(|e| StoreError::Corrupt(format!("outbox payload: {e}")))?,
    })
}

/// Changes ticket `number` in the caller's transaction and queues the messages
/// the change sends: answers the ticket after it and the event that records it.
pub(crate) fn change_sending(
    conn: &Direct,
    number: u64,
    change: TicketChangeFn,
) -> StoreResult<(Ticket, NewEvent)> {
    let mut outbound = Vec::new();
    let last_message_at = super::tickets::last_message_at(conn, number)?;
    let changed = update_ticket(conn, number, |current| {
        let (update, entries, messages) = change(current, last_message_at)?;
        outbound = messages;
        Ok((update, entries))
    })?;
    enqueue(conn, &outbound)?;
    Ok(changed)
}

/// Queues `messages` in the caller's transaction; returns their ids. Each
/// is due now, or when the last message it waits for is (that one backs off):
/// a message due only to wait would make every claim step over it.
pub(crate) fn enqueue(conn: &Direct, messages: &[NewOutbound]) -> StoreResult<Vec<u64>> {
    let now = now();
    let mut ids = Vec::with_capacity(messages.len());
    for message in messages {
        conn.prepare_cached(
            "INSERT INTO outbox (kind, ticket_number, description, payload, destination, state, \
             attempts, next_attempt_at, created_at, updated_at, integration, handoff_id, \
             delivery_id) \
             VALUES (?1, ?2, ?3, ?4, ?5, 'pending', 0, \
                     MAX(?6, COALESCE((SELECT MAX(next_attempt_at) FROM outbox \
                                       WHERE state = 'pending' AND ticket_number = ?2 \
                                         AND destination = ?5), ?6)), \
                     ?6, ?6, ?7, ?8, ?9)",
        )?
        .execute(rusqlite::params![
            message.kind.as_str(),
            message.ticket.map(|n| n as i64),
            message.description,
            message.payload,
            message.destination,
            now,
            message.integration.map(IntegrationKind::as_str),
            message.handoff,
            message.delivery_id,
        ])?;
        ids.push(conn.last_insert_rowid() as u64);
        if let (Some(thread), Some(ticket)) = (&message.thread, message.ticket) {
            execute(
                conn,
                "INSERT INTO email_threads (local_id, ticket_number, created_at) VALUES (?, ?, ?) \
                 ON CONFLICT (local_id) DO NOTHING",
                rusqlite::params![thread, ticket as i64, now],
            )?;
        }
    }
    Ok(ids)
}

impl SqliteStore {
    /// Changes a ticket under the write lock, queuing the messages the change
    /// sends in the same transaction: they exist exactly when the change does.
    /// When serving, the changes that arrive together share a transaction
    /// ([`SqliteStore::write_direct`]), each in a savepoint of its own. With
    /// `once`, a key seen before answers the ticket it changed as it stands.
    pub async fn change_ticket(
        &self,
        number: u64,
        once: Option<IdempotencyKey>,
        change: TicketChangeFn,
    ) -> StoreResult<Recorded<Ticket>> {
        self.write_direct(move |conn| {
            if let Some(once) = &once
                && let Some((first, sha)) = changed_with(conn, &once.key)?
            {
                check_replay(&once.key, &once.request_sha256, &sha, "request")?;
                return Ok(Recorded::Replayed(fetch_ticket(conn, first)?));
            }
            let (ticket, event) = change_sending(conn, number, change)?;
            if let Some(once) = &once {
                keep_change_key(conn, once, number)?;
            }
            super::events::record(conn, &[event])?;
            Ok(Recorded::Created(ticket))
        })
        .await
    }

    /// Claims the pending message that is due soonest and waits for no
    /// other, if any, for `lease`: its attempt is counted now, so a worker
    /// that dies mid-attempt still uses it up.
    pub async fn claim_outbound(
        &self,
        worker: &str,
        lease: Duration,
    ) -> StoreResult<Option<Claimed>> {
        const DUE: &str = concat!(
            "SELECT id FROM outbox AS due WHERE state = 'pending' AND next_attempt_at <= ?1 \
             AND (lease_until IS NULL OR lease_until <= ?1) AND NOT ",
            outbox_waits!("?1"),
            " ORDER BY next_attempt_at, id LIMIT 1"
        );
        let now_at = Timestamp::now();
        let now = stored_time(now_at);
        // Most calls find nothing due: look without taking the write lock
        // first, on a kept connection when serving (the delivery worker looks
        // after every change).
        let due = self
            .read_direct(|conn| optional(conn, DUE, [&now], |row| Ok(row.get::<_, i64>(0)?)))
            .await?;
        if due.is_none() {
            return Ok(None);
        }
        let mut tx = self.write().await?;
        let id: Option<i64> = sqlx::query_scalar(DUE)
            .bind(&now)
            .fetch_optional(&mut *tx)
            .await?;
        let Some(id) = id else {
            return Ok(None);
        };
        let until = now_at + SignedDuration::try_from(lease).expect("leases are minutes long");
        sqlx::query(
            "UPDATE outbox SET attempts = attempts + 1, lease_owner = ?, lease_until = ?, \
             updated_at = ? WHERE id = ?",
        )
        .bind(worker)
        .bind(stored_time(until))
        .bind(&now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        let row = sqlx::query(
            "SELECT id, kind, ticket_number, description, payload, attempts, requeued_after, \
             integration, handoff_id, progress FROM outbox WHERE id = ?",
        )
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        let ticket: Option<i64> = row.try_get("ticket_number")?;
        let attempts: i64 = row.try_get("attempts")?;
        let requeued_after: i64 = row.try_get("requeued_after")?;
        let integration: Option<String> = row.try_get("integration")?;
        Ok(Some(Claimed {
            id: id as u64,
            kind: parse_enum(row.try_get("kind")?)?,
            ticket: ticket.map(|n| n as u64),
            description: row.try_get("description")?,
            payload: row.try_get("payload")?,
            attempts: attempts as u32,
            requeued_after: requeued_after as u32,
            lease_owner: worker.to_string(),
            integration: integration.as_deref().map(parse_enum).transpose()?,
            handoff: row.try_get("handoff_id")?,
            progress: row.try_get("progress")?,
        }))
    }

    /// Records how an attempt at a claimed message ended, with `note` on its
    /// ticket's timeline and, for an external delivery, its progress and what
    /// it means for the handoff. Returns false, changing nothing, when the
    /// claim was lost (the lease ran out and another worker took the message).
    pub async fn settle_outbound(
        &self,
        claimed: &Claimed,
        settle: &Settle,
        note: Option<TicketNote>,
        external: Option<ExternalSettle>,
    ) -> StoreResult<bool> {
        let mut tx = self.write().await?;
        let settled = tx
            .direct(|conn| settle_claimed(conn, claimed, settle, note, external))
            .await?;
        if settled {
            tx.commit().await?;
        }
        Ok(settled)
    }

    /// When the soonest of messages `ids` that is still pending falls due.
    pub async fn next_due_among(&self, ids: &[u64]) -> StoreResult<Option<Timestamp>> {
        if ids.is_empty() {
            return Ok(None);
        }
        let ids = serde_json::to_string(ids).expect("ids serialize");
        let next: Option<String> = self
            .read_direct(|conn| {
                one(
                    conn,
                    "SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'pending' \
                     AND id IN (SELECT value FROM json_each(?))",
                    [&ids],
                    |row| Ok(row.get(0)?),
                )
            })
            .await?;
        next.as_deref().map(parse_time).transpose()
    }

    /// When the next pending message that nobody holds and that waits for
    /// no other falls due: one that waits is claimed after the one it waits
    /// for, which wakes no one here when another process holds it.
    pub async fn next_outbound_due(&self) -> StoreResult<Option<Timestamp>> {
        const NEXT: &str = concat!(
            "SELECT next_attempt_at FROM outbox AS due WHERE state = 'pending' \
             AND (lease_until IS NULL OR lease_until <= ?1) AND NOT ",
            outbox_waits!("?1"),
            " ORDER BY next_attempt_at, id LIMIT 1"
        );
        let now = now();
        let next: Option<String> = self
            .read_direct(|conn| optional(conn, NEXT, [&now], |row| Ok(row.get(0)?)))
            .await?;
        next.as_deref().map(parse_time).transpose()
    }

    /// Messages matching `query` (its cursor aside), newest first, before the
    /// message `before`.
    pub async fn list_outbox(
        &self,
        query: &OutboxQuery,
        with_integrations: bool,
        before: Option<u64>,
        limit: u32,
    ) -> StoreResult<Vec<OutboxMessage>> {
        let before = before.map(|id| id as i64);
        let state = query.state.map(OutboxState::as_str);
        let kind = query.kind.map(OutboxKind::as_str);
        let integration = query.integration.map(IntegrationKind::as_str);
        let ticket = query.ticket.map(|n| n as i64);
        self.read_direct(|conn| {
            all(
                conn,
                &format!(
                    "SELECT {COLUMNS} FROM outbox AS due \
                     WHERE (?2 IS NULL OR state = ?2) AND (?3 IS NULL OR kind = ?3) \
                       AND (?4 IS NULL OR integration = ?4) \
                       AND (?5 IS NULL OR ticket_number = ?5) AND (?6 IS NULL OR id < ?6) \
                       AND (?8 OR kind <> 'integration') \
                     ORDER BY id DESC LIMIT ?7"
                ),
                rusqlite::params![
                    now(),
                    state,
                    kind,
                    integration,
                    ticket,
                    before,
                    i64::from(limit),
                    with_integrations
                ],
                |row| from_row(row),
            )
        })
        .await
    }

    pub async fn get_outbound(&self, id: u64) -> StoreResult<OutboxMessage> {
        self.read_direct(|conn| {
            optional(
                conn,
                &format!("SELECT {COLUMNS} FROM outbox AS due WHERE id = ?2"),
                rusqlite::params![now(), id as i64],
                |row| from_row(row),
            )
        })
        .await?
        .ok_or_else(|| StoreError::NotFound {
            what: "outbound message",
            key: id.to_string(),
        })
    }

    /// The id of the message that went out as `delivery_id`.
    pub async fn find_outbound(&self, delivery_id: &str) -> StoreResult<u64> {
        let ids = self
            .read_direct(|conn| {
                all(
                    conn,
                    "SELECT id FROM outbox WHERE delivery_id = ?1 ORDER BY id DESC LIMIT 2",
                    rusqlite::params![delivery_id],
                    |row| Ok(row.get::<_, i64>(0)? as u64),
                )
            })
            .await?;
        the_outbound_sent_as(delivery_id, &ids)
    }

    /// Queues a dead message again with a fresh set of attempts (its count
    /// of attempts made goes on), or makes a pending one due now. A delivered
    /// message is a conflict.
    pub async fn retry_outbound(&self, id: u64) -> StoreResult<OutboxMessage> {
        let mut tx = self.write().await?;
        let state: Option<String> = sqlx::query_scalar("SELECT state FROM outbox WHERE id = ?")
            .bind(id as i64)
            .fetch_optional(&mut *tx)
            .await?;
        let state: OutboxState = match state {
            None => {
                return Err(StoreError::NotFound {
                    what: "outbound message",
                    key: id.to_string(),
                });
            }
            Some(state) => parse_enum(&state)?,
        };
        let now = now();
        match state {
            OutboxState::Delivered => {
                return Err(StoreError::Conflict {
                    code: "already_delivered",
                    detail: format!("outbound message {id} was delivered already"),
                });
            }
            OutboxState::Dead => {
                sqlx::query(
                    "UPDATE outbox SET state = 'pending', requeued_after = attempts, \
                     next_attempt_at = ?, \
                     lease_owner = NULL, lease_until = NULL, updated_at = ? WHERE id = ?",
                )
                .bind(&now)
                .bind(&now)
                .bind(id as i64)
                .execute(&mut *tx)
                .await?;
                sqlx::query(
                    "UPDATE handoffs SET external_status = 'queued', external_updated_at = ? \
                     WHERE id = (SELECT handoff_id FROM outbox WHERE id = ?) \
                       AND external_status = 'failed'",
                )
                .bind(&now)
                .bind(id as i64)
                .execute(&mut *tx)
                .await?;
            }
            OutboxState::Pending => {
                sqlx::query("UPDATE outbox SET next_attempt_at = ?, updated_at = ? WHERE id = ?")
                    .bind(&now)
                    .bind(&now)
                    .bind(id as i64)
                    .execute(&mut *tx)
                    .await?;
                // Tried now means after the earlier messages it waits for:
                // they are tried now too.
                sqlx::query(
                    "UPDATE outbox SET next_attempt_at = ?1, updated_at = ?1 \
                     WHERE state = 'pending' AND next_attempt_at > ?1 AND id < ?2 \
                       AND ticket_number = (SELECT ticket_number FROM outbox WHERE id = ?2) \
                       AND destination = (SELECT destination FROM outbox WHERE id = ?2)",
                )
                .bind(&now)
                .bind(id as i64)
                .execute(&mut *tx)
                .await?;
            }
        }
        // Queued again (or made due now): an event, seen as its ticket is.
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM outbox AS due WHERE id = ?2"
        )))
        .bind(&now)
        .bind(id as i64)
        .fetch_one(&mut *tx)
        .await?;
        let message = from_row(&row)?;
        tx.direct(|conn| {
            let ticket = message
                .ticket
                .map(|number| fetch_ticket(conn, number))
                .transpose()?;
            let event = delivery_event(requeued(&message), ticket.as_ref(), Vec::new());
            super::events::record(conn, &[event])
        })
        .await?;
        tx.commit().await?;
        self.get_outbound(id).await
    }
}

/// [`SqliteStore::settle_outbound`] in its write transaction: false when the
/// claim had lapsed and nothing was written.
fn settle_claimed(
    conn: &Direct,
    claimed: &Claimed,
    settle: &Settle,
    note: Option<TicketNote>,
    external: Option<ExternalSettle>,
) -> StoreResult<bool> {
    let now = now();
    let (state, next_attempt, error, delivered) = match settle {
        Settle::Delivered => ("delivered", now.clone(), None, Some(now.clone())),
        Settle::Retry { at, error } => ("pending", stored_time(*at), Some(error), None),
        Settle::Dead { error } => ("dead", now.clone(), Some(error), None),
    };
    let updated = execute(
        conn,
        "UPDATE outbox SET state = ?, next_attempt_at = ?, \
         last_error = ?, delivered_at = ?, lease_owner = NULL, \
         lease_until = NULL, updated_at = ? \
         WHERE id = ? AND lease_owner = ? AND state = 'pending'",
        rusqlite::params![
            state,
            next_attempt,
            error,
            delivered,
            now,
            claimed.id as i64,
            claimed.lease_owner,
        ],
    )?;
    if updated == 0 {
        return Ok(false);
    }
    if let Some(ticket) = claimed.ticket {
        reschedule_waiting(conn, claimed.id, ticket, settle, &now)?;
    }
    let (entries, then) = match (claimed.ticket, note) {
        (Some(number), Some(note)) => (
            append_entries(conn, number, &[note.entry])?,
            note.then.map(|then| (number, then)),
        ),
        _ => (Vec::new(), None),
    };
    let delivery = settled_delivery(claimed, settle);
    if let Some(external) = external {
        if let Some(event) = &external.event
            && !matches!(settle, Settle::Retry { .. })
        {
            enqueue(conn, std::slice::from_ref(event))?;
        }
        execute(
            conn,
            "UPDATE outbox SET progress = ? WHERE id = ?",
            rusqlite::params![external.progress, claimed.id as i64],
        )?;
        if let Some(handoff) = &claimed.handoff {
            let status = match settle {
                Settle::Delivered => Some(ExternalStatus::Created),
                Settle::Dead { .. } => Some(ExternalStatus::Failed),
                Settle::Retry { .. } => None,
            };
            let (id, url) = external.ticket.unzip();
            execute(
                conn,
                "UPDATE handoffs SET external_id = COALESCE(?, external_id), \
                 external_url = COALESCE(?, external_url), \
                 external_status = COALESCE(?, external_status), external_updated_at = ? \
                 WHERE id = ?",
                rusqlite::params![
                    id,
                    url.flatten(),
                    status.map(ExternalStatus::as_str),
                    now,
                    handoff,
                ],
            )?;
        }
    }
    // Every settlement is an event, a failed attempt to be tried again too.
    let ticket = claimed
        .ticket
        .map(|number| fetch_ticket(conn, number))
        .transpose()?;
    let mut events = vec![delivery_event(delivery, ticket.as_ref(), entries)];
    if let (Some((number, then)), Some(ticket)) = (then, &ticket) {
        let (change, entries) = then(ticket);
        if !entries.is_empty() {
            let (_, event) = update_ticket(conn, number, |_| Ok((change, entries)))?;
            events.push(event);
        }
    }
    super::events::record(conn, &events)?;
    Ok(true)
}

/// Keeps the messages waiting for message `id` of `ticket` (the later ones
/// to its destination) due no earlier than it: put off until its next attempt
/// when it is to be tried again, made due now once it holds them up no more
/// (delivered, or dead: a dead message waits for a person, not its ticket).
fn reschedule_waiting(
    conn: &Direct,
    id: u64,
    ticket: u64,
    settle: &Settle,
    now: &str,
) -> StoreResult<()> {
    let (sql, at) = match settle {
        Settle::Retry { at, .. } => (
            "UPDATE outbox SET next_attempt_at = ?1, updated_at = ?4 \
             WHERE state = 'pending' AND ticket_number = ?2 AND id > ?3 \
               AND destination = (SELECT destination FROM outbox WHERE id = ?3) \
               AND next_attempt_at < ?1",
            stored_time(*at),
        ),
        Settle::Delivered | Settle::Dead { .. } => (
            "UPDATE outbox SET next_attempt_at = ?1, updated_at = ?4 \
             WHERE state = 'pending' AND ticket_number = ?2 AND id > ?3 \
               AND destination = (SELECT destination FROM outbox WHERE id = ?3) \
               AND next_attempt_at > ?1",
            now.to_string(),
        ),
    };
    execute(
        conn,
        sql,
        rusqlite::params![at, ticket as i64, id as i64, now],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(n: u32) -> NewOutbound {
        NewOutbound {
            kind: OutboxKind::Webhook,
            ticket: None,
            description: format!("message {n}"),
            payload: format!(r#"{{"n":{n}}}"#),
            destination: "webhook".into(),
            integration: None,
            handoff: None,
            thread: None,
            delivery_id: None,
        }
    }

    async fn store_with(count: u32) -> (tempfile::TempDir, SqliteStore) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("desk.sqlite");
        let store = SqliteStore::open(&path, crate::server::store::Open::CreateIfMissing)
            .await
            .unwrap();
        let mut tx = store.write().await.unwrap();
        let messages: Vec<_> = (0..count).map(message).collect();
        tx.direct(|conn| enqueue(conn, &messages)).await.unwrap();
        tx.commit().await.unwrap();
        (dir, store)
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn concurrent_workers_never_claim_the_same_message() {
        let (_dir, store) = store_with(20).await;
        let workers: Vec<_> = (0..4)
            .map(|w| {
                let store = store.clone();
                tokio::spawn(async move {
                    let mut mine = Vec::new();
                    while let Some(claimed) = store
                        .claim_outbound(&format!("w{w}"), Duration::from_secs(60))
                        .await
                        .unwrap()
                    {
                        mine.push(claimed.id);
                    }
                    mine
                })
            })
            .collect();
        let mut all = Vec::new();
        for worker in workers {
            all.extend(worker.await.unwrap());
        }
        all.sort();
        assert_eq!(all, (1..=20).collect::<Vec<u64>>());
    }

    #[tokio::test]
    async fn a_lease_that_ran_out_passes_the_message_on() {
        let (_dir, store) = store_with(1).await;
        let first = store
            .claim_outbound("a", Duration::ZERO)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(first.attempts, 1);
        // The lease is over: another worker takes the message; the first one's
        // result no longer counts.
        let second = store
            .claim_outbound("b", Duration::from_secs(60))
            .await
            .unwrap()
            .unwrap();
        assert_eq!((second.id, second.attempts), (first.id, 2));
        assert!(
            store
                .claim_outbound("c", Duration::from_secs(60))
                .await
                .unwrap()
                .is_none()
        );
        assert!(
            !store
                .settle_outbound(&first, &Settle::Delivered, None, None)
                .await
                .unwrap()
        );
        let later = Timestamp::now() + SignedDuration::from_secs(60);
        let retry = Settle::Retry {
            at: later,
            error: "503".into(),
        };
        assert!(
            store
                .settle_outbound(&second, &retry, None, None)
                .await
                .unwrap()
        );
        let stored = store.get_outbound(first.id).await.unwrap();
        assert_eq!(stored.state, OutboxState::Pending);
        assert_eq!(stored.last_error.as_deref(), Some("503"));
        assert_eq!(
            store.next_outbound_due().await.unwrap(),
            Some(parse_time(&stored_time(later)).unwrap())
        );
        // Not due yet: nothing to claim until it is, or until it is retried.
        assert!(
            store
                .claim_outbound("d", Duration::from_secs(60))
                .await
                .unwrap()
                .is_none()
        );
        store.retry_outbound(first.id).await.unwrap();
        assert!(
            store
                .claim_outbound("d", Duration::from_secs(60))
                .await
                .unwrap()
                .is_some()
        );
    }
}
