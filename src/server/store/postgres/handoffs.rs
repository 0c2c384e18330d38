//! The `handoffs` table: every accepted handoff, its decision, and what it
//! created, written in one transaction under the assignment lock, so one
//! idempotency key gives one handoff whichever replica receives it.

use std::collections::HashSet;

use sqlx::{PgConnection, Row};

use super::outbox::enqueue;
use super::tickets::{insert_ticket, team_state};
use super::{At, PostgresStore};
use crate::api::{ExternalStatus, ExternalTicket, Handoff, HandoffQuery, OutboxState};
use crate::server::store::rows;
use crate::server::store::shared::delivery_outcome;
use crate::server::store::shared::{encode, finish_handoff, recorded_handoff};
use crate::server::store::{
    CommittedBatch, FinishHandoff, Finished, HandoffBatch, HandoffWrite, NewEvent, NewOutbound,
    Recorded, StoreError, StoreResult, check_replay, stored_instant,
};

/// A handoff's columns, with the outbox message delivering it.
const SELECT_COLUMNS: &str = "id, idempotency_key, agent_key, environment, outcome, \
     ticket_number, decision::text AS decision, request::text AS request, created_at, \
     external_id, external_url, external_status, external_updated_at, request_sha256, \
     (SELECT o.id FROM outbox o WHERE o.handoff_id = handoffs.id) AS delivery_id, \
     (SELECT o.integration FROM outbox o WHERE o.handoff_id = handoffs.id) AS integration, \
     (SELECT o.state FROM outbox o WHERE o.handoff_id = handoffs.id) AS delivery_state, \
     (SELECT o.attempts FROM outbox o WHERE o.handoff_id = handoffs.id) AS delivery_attempts, \
     (SELECT o.last_error FROM outbox o WHERE o.handoff_id = handoffs.id) AS delivery_error, \
     (SELECT o.next_attempt_at FROM outbox o WHERE o.handoff_id = handoffs.id) AS delivery_next";

/// A handoff found by its idempotency key.
struct Keyed {
    handoff: Handoff,
    request_sha256: String,
    /// The WAL's insert position when it was read (`pg_current_wal_insert_lsn()`
    /// in the statement that read it), which is past the commit that wrote it.
    seen_through: String,
}

async fn by_key(conn: &mut PgConnection, key: &str) -> StoreResult<Option<Keyed>> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {SELECT_COLUMNS}, pg_current_wal_insert_lsn()::text AS seen_through \
         FROM handoffs WHERE idempotency_key = $1"
    )))
    .bind(key)
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|row| {
        Ok(Keyed {
            handoff: rows::handoff(&row)?,
            request_sha256: row.try_get("request_sha256")?,
            seen_through: row.try_get("seen_through")?,
        })
    })
    .transpose()
}

impl PostgresStore {
    /// Commits a batch of handoffs in one transaction under the assignment
    /// lock, each in a savepoint of its own (see [`Handoffs::commit_handoffs`]).
    ///
    /// Every statement is a round trip to the server made while the lock is
    /// held, and the next batch, on this replica or another, waits for them
    /// all: what can be asked for the whole batch is asked once (which of its
    /// idempotency keys were seen before), and the events of every handoff
    /// are written in one statement after the last.
    ///
    /// The `COMMIT` does not wait for its WAL flush (`synchronous_commit =
    /// off` for this transaction alone): the lock is released as soon as the
    /// commit is recorded, and the next batch runs while the disk flushes.
    /// The batch's answers wait for `await_durable` on the same connection
    /// instead, which the group-commit writer runs beside its next batch.
    ///
    /// [`Handoffs::commit_handoffs`]: crate::server::store::Handoffs::commit_handoffs
    pub async fn commit_handoffs(&self, batch: HandoffBatch) -> StoreResult<CommittedBatch> {
        let batch = batch
            .into_iter()
            .map(|(write, finish)| BatchedHandoff(write, finish))
            .collect();
        super::commit_batch(self.pool(), batch).await
    }
}

/// A handoff of a batch ([`super::commit_batch`]).
struct BatchedHandoff(HandoffWrite, FinishHandoff);

impl super::BatchWrite for BatchedHandoff {
    /// The idempotency keys seen before, and in the batch so far.
    type Asked = HashSet<String>;
    type Answer = Recorded;

    async fn ask(conn: &mut PgConnection, batch: &mut [Self]) -> StoreResult<HashSet<String>> {
        let keys: Vec<&str> = batch
            .iter()
            .filter_map(|BatchedHandoff(write, _)| write.idempotency_key.as_deref())
            .collect();
        known_keys(conn, &keys).await
    }

    async fn write(
        self,
        conn: &mut PgConnection,
        known: &mut HashSet<String>,
    ) -> StoreResult<(Recorded, Vec<NewEvent>)> {
        let BatchedHandoff(write, finish) = self;
        // A key is looked up again only if it was seen before: before the
        // batch, or earlier in it (where it may have failed and left nothing).
        let seen = match &write.idempotency_key {
            Some(key) => !known.insert(key.clone()),
            None => false,
        };
        record_one(conn, write, finish, seen).await
    }
}

/// Which of `keys` a handoff already holds.
async fn known_keys(conn: &mut PgConnection, keys: &[&str]) -> StoreResult<HashSet<String>> {
    if keys.is_empty() {
        return Ok(Default::default());
    }
    let known: Vec<String> =
        sqlx::query_scalar("SELECT idempotency_key FROM handoffs WHERE idempotency_key = ANY($1)")
            .bind(keys)
            .fetch_all(&mut *conn)
            .await?;
    Ok(known.into_iter().collect())
}

/// Records one handoff in the batch's transaction, under the assignment lock:
/// an idempotency key `seen` before (by any replica, or earlier in the batch)
/// returns the first result; otherwise `finish` decides from the team's state
/// as every earlier assignment left it, and what it describes is stored with
/// the handoff. Answers the events to record with it.
async fn record_one(
    conn: &mut PgConnection,
    write: HandoffWrite,
    finish: FinishHandoff,
    seen: bool,
) -> StoreResult<(Recorded, Vec<NewEvent>)> {
    if seen
        && let Some(key) = &write.idempotency_key
        && let Some(first) = by_key(conn, key).await?
    {
        check_replay(key, &write.request_sha256, &first.request_sha256, "handoff")?;
        return Ok((Recorded::Replayed(first.handoff), Vec::new()));
    }
    let state = team_state(conn, write.team.as_deref()).await?;
    let Finished {
        decision,
        ticket,
        delivery,
        notices,
    } = finish_handoff(finish, &state)?;
    // The ticket created with the handoff: its number and its event.
    let ticket = match ticket {
        Some(mut ticket) => {
            ticket.handoff = Some(write.id.clone());
            let (number, created) = insert_ticket(conn, &ticket).await?;
            if let Some(notices) = notices {
                enqueue(conn, &notices(number)).await?;
            }
            Some((number, created))
        }
        None => None,
    };
    let created_at = stored_instant(write.at);
    sqlx::query(
        "INSERT INTO handoffs (id, idempotency_key, agent_key, environment, outcome, \
             ticket_number, decision, request, created_at, request_sha256, sent_by) \
             VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10, $11)",
    )
    .bind(&write.id)
    .bind(&write.idempotency_key)
    .bind(&write.request.agent)
    .bind(write.request.environment.as_str())
    .bind(decision.outcome.as_str())
    .bind(ticket.as_ref().map(|(number, _)| *number as i64))
    .bind(encode(&decision))
    .bind(encode(&write.request))
    .bind(At(created_at))
    .bind(&write.request_sha256)
    .bind(&write.sent_by)
    .execute(&mut *conn)
    .await?;
    let external = match delivery {
        Some(delivery) => Some(queue_delivery(conn, &write.id, delivery, created_at).await?),
        None => None,
    };
    let (events, handoff) = recorded_handoff(write, decision, ticket, external, created_at);
    Ok((Recorded::Created(handoff), events))
}

impl PostgresStore {
    pub async fn get_handoff(&self, id: &str) -> StoreResult<Handoff> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {SELECT_COLUMNS} FROM handoffs WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(self.pool())
        .await?
        .ok_or_else(|| StoreError::NotFound {
            what: "handoff",
            key: id.to_string(),
        })?;
        rows::handoff(&row)
    }

    /// Handoffs newest first, filtered, starting after the cursor
    /// (`<created_at>|<id>` of the last one seen).
    pub async fn list_handoffs(
        &self,
        query: &HandoffQuery,
        limit: u32,
    ) -> StoreResult<Vec<Handoff>> {
        let (before_time, before_id) = match query.cursor.as_deref().and_then(|c| c.split_once('|'))
        {
            Some((time, id)) => (Some(super::at(time)?), id.to_string()),
            None => (None, String::new()),
        };
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {SELECT_COLUMNS} FROM handoffs \
             WHERE ($1::text IS NULL OR environment = $1) \
               AND ($2::text IS NULL OR agent_key = $2) \
               AND ($3::text IS NULL OR outcome = $3) \
               AND ($4::timestamptz IS NULL OR (created_at, id) < ($4, $5)) \
               AND ($7::timestamptz IS NULL OR created_at >= $7) \
               AND ($8::timestamptz IS NULL OR created_at < $8) \
             ORDER BY created_at DESC, id DESC LIMIT $6"
        )))
        .bind(query.environment.map(|e| e.as_str()))
        .bind(&query.agent)
        .bind(query.outcome.map(|o| o.as_str()))
        .bind(before_time)
        .bind(&before_id)
        .bind(i64::from(limit))
        .bind(query.since.map(At))
        .bind(query.until.map(At))
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(rows::handoff).collect()
    }

    /// The ingest token that sent handoff `id`, if one did.
    pub async fn handoff_sender(&self, id: &str) -> StoreResult<Option<String>> {
        let sender: Option<Option<String>> =
            sqlx::query_scalar("SELECT sent_by FROM handoffs WHERE id = $1")
                .bind(id)
                .fetch_optional(self.pool())
                .await?;
        sender.ok_or_else(|| StoreError::NotFound {
            what: "handoff",
            key: id.to_string(),
        })
    }

    /// The handoff accepted with `key`, with its request's SHA-256, once it
    /// is durable: it is answered as a replay, and its batch may have been
    /// committed a moment ago without its flush. Nearly always the WAL is
    /// flushed past it by the time it is asked for again, and then that is
    /// all the read waits for ([`super::flushed_through`]).
    pub async fn find_handoff_by_key(&self, key: &str) -> StoreResult<Option<(Handoff, String)>> {
        let mut conn = self.pool().acquire().await?;
        let Some(first) = by_key(&mut conn, key).await? else {
            return Ok(None);
        };
        if !super::flushed_through(&mut conn, &first.seen_through).await? {
            super::await_durable(&mut conn).await?;
        }
        Ok(Some((first.handoff, first.request_sha256)))
    }
}

/// Queues the delivery of handoff `id` to its platform and marks its external
/// ticket queued, in the handoff's transaction.
async fn queue_delivery(
    conn: &mut PgConnection,
    id: &str,
    delivery: NewOutbound,
    at: jiff::Timestamp,
) -> StoreResult<ExternalTicket> {
    let kind = delivery
        .integration
        .expect("an external delivery names its integration");
    let delivery_id = enqueue(conn, std::slice::from_ref(&delivery)).await?[0];
    sqlx::query(
        "UPDATE handoffs SET external_status = 'queued', external_updated_at = $1 WHERE id = $2",
    )
    .bind(At(at))
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(ExternalTicket {
        kind,
        delivery: delivery_id,
        id: None,
        url: None,
        status: ExternalStatus::Queued,
        updated_at: at,
        outcome: delivery_outcome(OutboxState::Pending, 0, None, Some(at)),
    })
}
