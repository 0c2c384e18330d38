//! The `outbox` table: messages queued in the transaction of what causes
//! them, claimed by the delivery workers of every replica with
//! `FOR UPDATE SKIP LOCKED` (no two take one message, none waits for another)
//! and a lease that another replica takes over once it has run out.
//!
//! One ticket's messages to one destination go out in the order they were
//! queued ([`crate::server::store::Outbox`]). A claim sees the earlier
//! message that holds a later one back as pending until the transaction that
//! settles it commits, and a lease as soon as the claim that took it commits:
//! a later message never slips past one being sent. The one way round that,
//! a dead message queued again while a later one is being claimed, is closed
//! by the retry taking the later ones' row locks first.

use std::time::Duration;

use jiff::{SignedDuration, Timestamp};
use sqlx::postgres::PgRow;
use sqlx::{PgConnection, Row};

use super::tickets::{append_entries, fetch_ticket, update_ticket};
use super::{At, PostgresStore, parse_enum};
use crate::api::{
    ExternalStatus, IntegrationKind, OutboxKind, OutboxMessage, OutboxQuery, OutboxState, Ticket,
};
use crate::server::store::shared::{
    decode, delivery_event, outbox_waiting_for, outbox_waits, requeued, settled_delivery,
    the_outbound_sent_as,
};
use crate::server::store::{
    Claimed, ExternalSettle, NewEvent, NewOutbound, Settle, StoreError, StoreResult,
    TicketChangeFn, TicketNote,
};

/// The columns of an [`OutboxMessage`], read `FROM outbox AS due` with now
/// bound to `$1`.
const COLUMNS: &str = concat!(
    "id, kind, ticket_number, description, payload, state, attempts, next_attempt_at, \
     last_error, created_at, delivered_at, integration, handoff_id, ",
    outbox_waiting_for!("$1"),
    " AS waiting_for"
);

fn from_row(row: &PgRow) -> StoreResult<OutboxMessage> {
    let id: i64 = row.try_get("id")?;
    let ticket: Option<i64> = row.try_get("ticket_number")?;
    let attempts: i32 = row.try_get("attempts")?;
    let state: OutboxState = parse_enum(row.try_get("state")?)?;
    let payload: String = row.try_get("payload")?;
    let delivered: Option<At> = row.try_get("delivered_at")?;
    let integration: Option<String> = row.try_get("integration")?;
    let waiting_for: Option<i64> = row.try_get("waiting_for")?;
    Ok(OutboxMessage {
        id: id as u64,
        kind: parse_enum(row.try_get("kind")?)?,
        ticket: ticket.map(|n| n as u64),
        description: row.try_get("description")?,
        state,
        attempts: attempts as u32,
        next_attempt_at: match state {
            OutboxState::Pending => Some(row.try_get::<At, _>("next_attempt_at")?.0),
            _ => None,
        },
        waiting_for: waiting_for.map(|id| id as u64),
        last_error: row.try_get("last_error")?,
        created_at: row.try_get::<At, _>("created_at")?.0,
        delivered_at: delivered.map(|at| at.0),
        integration: integration.as_deref().map(parse_enum).transpose()?,
        handoff: row.try_get("handoff_id")?,
        payload: decode(&payload, "outbox payload")?,
    })
}

/// Changes ticket `number` in the caller's transaction and queues the messages
/// the change sends: answers the ticket after it and the event that records it.
pub(crate) async fn change_sending(
    conn: &mut PgConnection,
    number: u64,
    change: TicketChangeFn,
) -> StoreResult<(Ticket, NewEvent)> {
    let mut outbound = Vec::new();
    let changed =
        super::tickets::update_ticket_seeing_messages(conn, number, |current, last_message_at| {
            let (update, entries, messages) = change(current, last_message_at)?;
            outbound = messages;
            Ok((update, entries))
        })
        .await?;
    enqueue(conn, &outbound).await?;
    Ok(changed)
}

/// Queues `messages` in the caller's transaction; returns their ids. Each
/// is due now, or when the last message it waits for is (that one backs off):
/// a message due only to wait would make every claim step over it.
pub(crate) async fn enqueue(
    conn: &mut PgConnection,
    messages: &[NewOutbound],
) -> StoreResult<Vec<u64>> {
    let now = super::now();
    let mut ids = Vec::with_capacity(messages.len());
    for message in messages {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO outbox (kind, ticket_number, description, payload, destination, state, \
             attempts, next_attempt_at, created_at, updated_at, integration, handoff_id, \
             delivery_id) \
             VALUES ($1, $2, $3, $4, $8, 'pending', 0, \
                     GREATEST($5, (SELECT MAX(next_attempt_at) FROM outbox \
                                   WHERE state = 'pending' AND ticket_number = $2 \
                                     AND destination = $8)), \
                     $5, $5, $6, $7, $9) RETURNING id",
        )
        .bind(message.kind.as_str())
        .bind(message.ticket.map(|n| n as i64))
        .bind(&message.description)
        .bind(&message.payload)
        .bind(now)
        .bind(message.integration.map(IntegrationKind::as_str))
        .bind(&message.handoff)
        .bind(&message.destination)
        .bind(&message.delivery_id)
        .fetch_one(&mut *conn)
        .await?;
        if let (Some(thread), Some(ticket)) = (&message.thread, message.ticket) {
            sqlx::query(
                "INSERT INTO email_threads (local_id, ticket_number, created_at) \
                 VALUES ($1, $2, $3) ON CONFLICT (local_id) DO NOTHING",
            )
            .bind(thread)
            .bind(ticket as i64)
            .bind(now)
            .execute(&mut *conn)
            .await?;
        }
        ids.push(id as u64);
    }
    Ok(ids)
}

impl PostgresStore {
    /// Claims the pending message that is due soonest, that no live lease
    /// holds and that waits for no other, for `lease`; its attempt is counted
    /// now, so a worker that dies mid-attempt still uses it up. Messages other
    /// workers are claiming at this moment are skipped, not waited for.
    pub async fn claim_outbound(
        &self,
        worker: &str,
        lease: Duration,
    ) -> StoreResult<Option<Claimed>> {
        let now = super::now();
        let until = At(now.0 + SignedDuration::try_from(lease).expect("leases are minutes long"));
        let row = sqlx::query(concat!(
            "UPDATE outbox SET attempts = attempts + 1, lease_owner = $1, lease_until = $2, \
             updated_at = $3 \
             WHERE id = (SELECT id FROM outbox AS due \
                         WHERE state = 'pending' AND next_attempt_at <= $3 \
                           AND (lease_until IS NULL OR lease_until <= $3) AND NOT ",
            outbox_waits!("$3"),
            " ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED) \
             RETURNING id, kind, ticket_number, description, payload, attempts, \
                       requeued_after, integration, handoff_id, progress::text AS progress",
        ))
        .bind(worker)
        .bind(until)
        .bind(now)
        .fetch_optional(self.pool())
        .await?;
        let Some(row) = row else { return Ok(None) };
        let id: i64 = row.try_get("id")?;
        let ticket: Option<i64> = row.try_get("ticket_number")?;
        let attempts: i32 = row.try_get("attempts")?;
        let requeued_after: i32 = row.try_get("requeued_after")?;
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

    /// Records how an attempt at a claimed message ended; false, changing
    /// nothing, when the claim was lost to another worker.
    pub async fn settle_outbound(
        &self,
        claimed: &Claimed,
        settle: &Settle,
        note: Option<TicketNote>,
        external: Option<ExternalSettle>,
    ) -> StoreResult<bool> {
        let mut tx = self.pool().begin().await?;
        let now = super::now();
        let (state, next_attempt, error, delivered) = match settle {
            Settle::Delivered => ("delivered", now, None, Some(now)),
            Settle::Retry { at, error } => ("pending", At(*at), Some(error), None),
            Settle::Dead { error } => ("dead", now, Some(error), None),
        };
        let updated = sqlx::query(
            "UPDATE outbox SET state = $1, next_attempt_at = $2, \
             last_error = $3, delivered_at = $4, lease_owner = NULL, \
             lease_until = NULL, updated_at = $5, progress = COALESCE($8::jsonb, progress) \
             WHERE id = $6 AND lease_owner = $7 AND state = 'pending'",
        )
        .bind(state)
        .bind(next_attempt)
        .bind(error)
        .bind(delivered)
        .bind(now)
        .bind(claimed.id as i64)
        .bind(&claimed.lease_owner)
        .bind(external.as_ref().map(|e| e.progress.clone()))
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if updated == 0 {
            return Ok(false);
        }
        if let Some(ticket) = claimed.ticket {
            reschedule_waiting(&mut tx, claimed.id, ticket, settle, now).await?;
        }
        let (entries, then) = match (claimed.ticket, note) {
            (Some(number), Some(note)) => {
                fetch_ticket(&mut tx, number, true).await?;
                let entries = append_entries(&mut tx, number, &[note.entry]).await?;
                (entries, note.then.map(|then| (number, then)))
            }
            _ => (Vec::new(), None),
        };
        let delivery = settled_delivery(claimed, settle);
        if let Some(event) = external.as_ref().and_then(|e| e.event.as_ref())
            && !matches!(settle, Settle::Retry { .. })
        {
            enqueue(&mut tx, std::slice::from_ref(event)).await?;
        }
        if let (Some(external), Some(handoff)) = (external, &claimed.handoff) {
            let status = match settle {
                Settle::Delivered => Some(ExternalStatus::Created),
                Settle::Dead { .. } => Some(ExternalStatus::Failed),
                Settle::Retry { .. } => None,
            };
            let (id, url) = external.ticket.unzip();
            sqlx::query(
                "UPDATE handoffs SET external_id = COALESCE($1, external_id), \
                 external_url = COALESCE($2, external_url), \
                 external_status = COALESCE($3, external_status), external_updated_at = $4 \
                 WHERE id = $5",
            )
            .bind(id)
            .bind(url.flatten())
            .bind(status.map(ExternalStatus::as_str))
            .bind(now)
            .bind(handoff)
            .execute(&mut *tx)
            .await?;
        }
        // Every settlement is an event, a failed attempt to be tried again too.
        let ticket = match claimed.ticket {
            Some(number) => Some(fetch_ticket(&mut tx, number, false).await?),
            None => None,
        };
        let mut events = vec![delivery_event(delivery, ticket.as_ref(), entries)];
        if let (Some((number, then)), Some(ticket)) = (then, &ticket) {
            let (change, entries) = then(ticket);
            if !entries.is_empty() {
                let (_, event) = update_ticket(&mut tx, number, |_| Ok((change, entries))).await?;
                events.push(event);
            }
        }
        // Last: the event counter's row lock is held until commit.
        super::events::record(&mut tx, &events).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// When the soonest of messages `ids` that is still pending falls due.
    pub async fn next_due_among(&self, ids: &[u64]) -> StoreResult<Option<Timestamp>> {
        if ids.is_empty() {
            return Ok(None);
        }
        let ids: Vec<i64> = ids.iter().map(|id| *id as i64).collect();
        let next: Option<At> = sqlx::query_scalar(
            "SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'pending' AND id = ANY($1)",
        )
        .bind(ids)
        .fetch_one(self.pool())
        .await?;
        Ok(next.map(|at| at.0))
    }

    /// When the next pending message that nobody holds and that waits for
    /// no other falls due: one that waits is claimed after the one it waits
    /// for, which wakes no one here when another replica holds it.
    pub async fn next_outbound_due(&self) -> StoreResult<Option<Timestamp>> {
        let next: Option<At> = sqlx::query_scalar(concat!(
            "SELECT next_attempt_at FROM outbox AS due WHERE state = 'pending' \
             AND (lease_until IS NULL OR lease_until <= $1) AND NOT ",
            outbox_waits!("$1"),
            " ORDER BY next_attempt_at, id LIMIT 1"
        ))
        .bind(super::now())
        .fetch_optional(self.pool())
        .await?;
        Ok(next.map(|at| at.0))
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
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM outbox AS due \
             WHERE ($2::text IS NULL OR state = $2) AND ($3::text IS NULL OR kind = $3) \
               AND ($4::text IS NULL OR integration = $4) \
               AND ($5::bigint IS NULL OR ticket_number = $5) \
               AND ($6::bigint IS NULL OR id < $6) \
               AND ($8 OR kind <> 'integration') \
             ORDER BY id DESC LIMIT $7"
        )))
        .bind(super::now())
        .bind(query.state.map(OutboxState::as_str))
        .bind(query.kind.map(OutboxKind::as_str))
        .bind(query.integration.map(IntegrationKind::as_str))
        .bind(query.ticket.map(|n| n as i64))
        .bind(before.map(|id| id as i64))
        .bind(i64::from(limit))
        .bind(with_integrations)
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(from_row).collect()
    }

    pub async fn get_outbound(&self, id: u64) -> StoreResult<OutboxMessage> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM outbox AS due WHERE id = $2"
        )))
        .bind(super::now())
        .bind(id as i64)
        .fetch_optional(self.pool())
        .await?
        .ok_or_else(|| StoreError::NotFound {
            what: "outbound message",
            key: id.to_string(),
        })?;
        from_row(&row)
    }

    /// The id of the message that went out as `delivery_id`.
    pub async fn find_outbound(&self, delivery_id: &str) -> StoreResult<u64> {
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT id FROM outbox WHERE delivery_id = $1 ORDER BY id DESC LIMIT 2",
        )
        .bind(delivery_id)
        .fetch_all(self.pool())
        .await?;
        let ids: Vec<u64> = ids.into_iter().map(|id| id as u64).collect();
        the_outbound_sent_as(delivery_id, &ids)
    }

    /// Queues a dead message again with a fresh set of attempts (its count
    /// of attempts made goes on), or makes a pending one due now. A delivered
    /// message is a conflict.
    pub async fn retry_outbound(&self, id: u64) -> StoreResult<OutboxMessage> {
        let mut tx = self.pool().begin().await?;
        let state: Option<String> =
            sqlx::query_scalar("SELECT state FROM outbox WHERE id = $1 FOR UPDATE")
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
        let now = super::now();
        match state {
            OutboxState::Delivered => {
                return Err(StoreError::Conflict {
                    code: "already_delivered",
                    detail: format!("outbound message {id} was delivered already"),
                });
            }
            OutboxState::Dead => {
                // Queued again, it goes before the later messages of its
                // ticket still pending, and none of them may be in flight
                // meanwhile: a claim taking one of them now, which saw this
                // one dead, is waited for here and its lease then holds this
                // one back; one that comes after skips the rows locked here.
                sqlx::query(
                    "SELECT id FROM outbox WHERE state = 'pending' AND id > $1 \
                       AND ticket_number = (SELECT ticket_number FROM outbox WHERE id = $1) \
                       AND destination = (SELECT destination FROM outbox WHERE id = $1) \
                     FOR UPDATE",
                )
                .bind(id as i64)
                .execute(&mut *tx)
                .await?;
                sqlx::query(
                    "UPDATE outbox SET state = 'pending', requeued_after = attempts, \
                     next_attempt_at = $1, \
                     lease_owner = NULL, lease_until = NULL, updated_at = $1 WHERE id = $2",
                )
                .bind(now)
                .bind(id as i64)
                .execute(&mut *tx)
                .await?;
                sqlx::query(
                    "UPDATE handoffs SET external_status = 'queued', external_updated_at = $1 \
                     WHERE id = (SELECT handoff_id FROM outbox WHERE id = $2) \
                       AND external_status = 'failed'",
                )
                .bind(now)
                .bind(id as i64)
                .execute(&mut *tx)
                .await?;
            }
            OutboxState::Pending => {
                sqlx::query(
                    "UPDATE outbox SET next_attempt_at = $1, updated_at = $1 WHERE id = $2",
                )
                .bind(now)
                .bind(id as i64)
                .execute(&mut *tx)
                .await?;
                // Tried now means after the earlier messages it waits for:
                // they are tried now too.
                sqlx::query(
                    "UPDATE outbox SET next_attempt_at = $1, updated_at = $1 \
                     WHERE state = 'pending' AND next_attempt_at > $1 AND id < $2 \
                       AND ticket_number = (SELECT ticket_number FROM outbox WHERE id = $2) \
                       AND destination = (SELECT destination FROM outbox WHERE id = $2)",
                )
                .bind(now)
                .bind(id as i64)
                .execute(&mut *tx)
                .await?;
            }
        }
        // Queued again (or made due now): an event, seen as its ticket is.
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM outbox AS due WHERE id = $2"
        )))
        .bind(now)
        .bind(id as i64)
        .fetch_one(&mut *tx)
        .await?;
        let message = from_row(&row)?;
        let ticket = match message.ticket {
            Some(number) => Some(fetch_ticket(&mut tx, number, false).await?),
            None => None,
        };
        let event = delivery_event(requeued(&message), ticket.as_ref(), Vec::new());
        super::events::record(&mut tx, &[event]).await?;
        tx.commit().await?;
        self.get_outbound(id).await
    }
}

/// Keeps the messages waiting for message `id` of `ticket` (the later ones
/// to its destination) due no earlier than it: put off until its next attempt
/// when it is to be tried again, made due now once it holds them up no more
/// (delivered, or dead: a dead message waits for a person, not its ticket).
async fn reschedule_waiting(
    conn: &mut PgConnection,
    id: u64,
    ticket: u64,
    settle: &Settle,
    now: At,
) -> StoreResult<()> {
    let (sql, at) = match settle {
        Settle::Retry { at, .. } => (
            "UPDATE outbox SET next_attempt_at = $1, updated_at = $4 \
             WHERE state = 'pending' AND ticket_number = $2 AND id > $3 \
               AND destination = (SELECT destination FROM outbox WHERE id = $3) \
               AND next_attempt_at < $1",
            At(*at),
        ),
        Settle::Delivered | Settle::Dead { .. } => (
            "UPDATE outbox SET next_attempt_at = $1, updated_at = $4 \
             WHERE state = 'pending' AND ticket_number = $2 AND id > $3 \
               AND destination = (SELECT destination FROM outbox WHERE id = $3) \
               AND next_attempt_at > $1",
            now,
        ),
    };
    sqlx::query(sql)
        .bind(at)
        .bind(ticket as i64)
        .bind(id as i64)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}
