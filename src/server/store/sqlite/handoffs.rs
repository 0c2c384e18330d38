//! The `handoffs` table: every accepted handoff, its decision, and for an inbox
//! outcome the ticket it created (and the owners' notices), all written in one
//! transaction.

use sqlx::Row;
use sqlx::sqlite::SqliteRow;

use super::outbox::enqueue;
use super::tickets::{insert_ticket, team_state};
use super::{SqliteStore, parse_enum, parse_time};
use crate::api::{ExternalStatus, ExternalTicket, Handoff, HandoffQuery, OutboxState};
use crate::server::store::shared::{after_handoff, delivery_outcome, recorded_handoff};
use crate::server::store::{
    FinishHandoff, Finished, HandoffBatch, HandoffWrite, NewOutbound, Recorded, StoreError,
    StoreResult,
};

const COLUMNS: &str = "id, idempotency_key, agent_key, environment, outcome, ticket_number, \
                       decision, request, created_at";
/// [`COLUMNS`] and the external ticket, with the outbox message delivering it.
const SELECT_COLUMNS: &str = "id, idempotency_key, agent_key, environment, outcome, \
     ticket_number, decision, request, created_at, external_id, external_url, external_status, \
     external_updated_at, \
     (SELECT o.id FROM outbox o WHERE o.handoff_id = handoffs.id) AS delivery_id, \
     (SELECT o.integration FROM outbox o WHERE o.handoff_id = handoffs.id) AS integration, \
     (SELECT o.state FROM outbox o WHERE o.handoff_id = handoffs.id) AS delivery_state, \
     (SELECT o.attempts FROM outbox o WHERE o.handoff_id = handoffs.id) AS delivery_attempts, \
     (SELECT o.last_error FROM outbox o WHERE o.handoff_id = handoffs.id) AS delivery_error, \
     (SELECT o.next_attempt_at FROM outbox o WHERE o.handoff_id = handoffs.id) AS delivery_next";

fn from_row(row: &SqliteRow) -> StoreResult<Handoff> {
    let decision: String = row.try_get("decision")?;
    let request: String = row.try_get("request")?;
    let ticket: Option<i64> = row.try_get("ticket_number")?;
    let external_status: Option<String> = row.try_get("external_status")?;
    let delivery: Option<i64> = row.try_get("delivery_id")?;
    let external = match (external_status, delivery) {
        (Some(status), Some(delivery)) => Some(ExternalTicket {
            kind: parse_enum(row.try_get("integration")?)?,
            delivery: delivery as u64,
            id: row.try_get("external_id")?,
            url: row.try_get("external_url")?,
            status: parse_enum(&status)?,
            updated_at: parse_time(row.try_get("external_updated_at")?)?,
            outcome: delivery_outcome(
                parse_enum(row.try_get("delivery_state")?)?,
                row.try_get::<i64, _>("delivery_attempts")? as u32,
                row.try_get("delivery_error")?,
                row.try_get::<Option<String>, _>("delivery_next")?
                    .as_deref()
                    .map(parse_time)
                    .transpose()?,
            ),
        }),
        _ => None,
    };
    Ok(Handoff {
        id: row.try_get("id")?,
        idempotency_key: row.try_get("idempotency_key")?,
        agent: row.try_get("agent_key")?,
        environment: parse_enum(row.try_get("environment")?)?,
        outcome: parse_enum(row.try_get("outcome")?)?,
        ticket: ticket.map(|n| n as u64),
        external,
        decision: serde_json::from_str(&decision)
            .map_err(|e| StoreError::Corrupt(format!("handoff decision: {e}")))?,
        request: serde_json::from_str(&request)
            .map_err(|e| StoreError::Corrupt(format!("handoff request: {e}")))?,
        created_at: parse_time(row.try_get("created_at")?)?,
    })
}

impl SqliteStore {
    /// Records a batch of handoffs under one write lock and one `COMMIT`, each
    /// in a savepoint of its own (see [`Handoffs::record_handoffs`]).
    ///
    /// [`Handoffs::record_handoffs`]: crate::server::store::Handoffs::record_handoffs
    pub async fn record_handoffs(
        &self,
        batch: HandoffBatch,
    ) -> StoreResult<Vec<StoreResult<Recorded>>> {
        let mut tx = self.write().await?;
        let count = batch.len();
        let mut results = Vec::with_capacity(count);
        sqlx::query("SAVEPOINT handoff").execute(&mut *tx).await?;
        for (done, (write, finish)) in (1..).zip(batch) {
            let result = record_one(&mut tx, write, finish).await;
            sqlx::raw_sql(after_handoff(result.is_err(), done < count))
                .execute(&mut *tx)
                .await?;
            results.push(result);
        }
        tx.commit().await?;
        Ok(results)
    }
}

/// Records one handoff in the batch's transaction: an idempotency key seen
/// before returns the first result; otherwise `finish` completes the decision
/// from the team's assignment state as this transaction sees it, and the ticket
/// it describes, if any, is created with the handoff.
async fn record_one(
    tx: &mut super::WriteTx,
    write: HandoffWrite,
    finish: FinishHandoff,
) -> StoreResult<Recorded> {
    if let Some(key) = &write.idempotency_key {
        let existing = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {SELECT_COLUMNS}, request_sha256 FROM handoffs WHERE idempotency_key = ?"
        )))
        .bind(key)
        .fetch_optional(&mut **tx)
        .await?;
        if let Some(row) = existing {
            let sha: String = row.try_get("request_sha256")?;
            if sha != write.request_sha256 {
                return Err(StoreError::key_reused(key));
            }
            return Ok(Recorded::Replayed(from_row(&row)?));
        }
    }
    let state = team_state(tx, write.team.as_deref()).await?;
    let Finished {
        decision,
        ticket,
        delivery,
        notices,
    } = finish(&state);
    // The ticket created with the handoff: its number and its event.
    let ticket = match ticket {
        Some(mut ticket) => {
            ticket.handoff = Some(write.id.clone());
            let (number, created) = insert_ticket(tx, &ticket).await?;
            if let Some(notices) = notices {
                enqueue(tx, &notices(number)).await?;
            }
            Some((number, created))
        }
        None => None,
    };
    // Microseconds, as stored, so the answer equals what a later read returns.
    let created_at = super::parse_time(&super::now())?;
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "INSERT INTO handoffs ({COLUMNS}, request_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )))
    .bind(&write.id)
    .bind(&write.idempotency_key)
    .bind(&write.request.agent)
    .bind(write.request.environment.as_str())
    .bind(decision.outcome.as_str())
    .bind(ticket.as_ref().map(|(number, _)| *number as i64))
    .bind(serde_json::to_string(&decision).expect("decisions serialize"))
    .bind(serde_json::to_string(&write.request).expect("requests serialize"))
    .bind(super::stored_time(created_at))
    .bind(&write.request_sha256)
    .execute(&mut **tx)
    .await?;
    let external = match delivery {
        Some(delivery) => Some(queue_delivery(tx, &write.id, delivery, created_at).await?),
        None => None,
    };
    let (events, handoff) = recorded_handoff(write, decision, ticket, external, created_at);
    super::events::record(tx, &events).await?;
    Ok(Recorded::Created(handoff))
}

impl SqliteStore {
    pub async fn get_handoff(&self, id: &str) -> StoreResult<Handoff> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {SELECT_COLUMNS} FROM handoffs WHERE id = ?"
        )))
        .bind(id)
        .fetch_optional(self.pool())
        .await?
        .ok_or_else(|| StoreError::NotFound {
            what: "handoff",
            key: id.to_string(),
        })?;
        from_row(&row)
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
            Some((time, id)) => (Some(time.to_string()), id.to_string()),
            None => (None, String::new()),
        };
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {SELECT_COLUMNS} FROM handoffs \
             WHERE (? IS NULL OR environment = ?) AND (? IS NULL OR agent_key = ?) \
               AND (? IS NULL OR outcome = ?) \
               AND (? IS NULL OR created_at >= ?) AND (? IS NULL OR created_at < ?) \
               AND (? IS NULL OR (created_at, id) < (?, ?)) \
             ORDER BY created_at DESC, id DESC LIMIT ?"
        )))
        .bind(query.environment.map(|e| e.as_str()))
        .bind(query.environment.map(|e| e.as_str()))
        .bind(&query.agent)
        .bind(&query.agent)
        .bind(query.outcome.map(|o| o.as_str()))
        .bind(query.outcome.map(|o| o.as_str()))
        .bind(query.since.map(super::stored_time))
        .bind(query.since.map(super::stored_time))
        .bind(query.until.map(super::stored_time))
        .bind(query.until.map(super::stored_time))
        .bind(&before_time)
        .bind(&before_time)
        .bind(&before_id)
        .bind(i64::from(limit))
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(from_row).collect()
    }
}

impl SqliteStore {
    /// The handoff accepted with `key`, with its request's SHA-256.
    pub async fn find_handoff_by_key(&self, key: &str) -> StoreResult<Option<(Handoff, String)>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {SELECT_COLUMNS}, request_sha256 FROM handoffs WHERE idempotency_key = ?"
        )))
        .bind(key)
        .fetch_optional(self.pool())
        .await?;
        row.map(|row| Ok((from_row(&row)?, row.try_get("request_sha256")?)))
            .transpose()
    }
}

/// Queues the delivery of handoff `id` to its platform and marks its external
/// ticket queued, in the handoff's transaction.
async fn queue_delivery(
    tx: &mut super::WriteTx,
    id: &str,
    delivery: NewOutbound,
    at: jiff::Timestamp,
) -> StoreResult<ExternalTicket> {
    let kind = delivery
        .integration
        .expect("an external delivery names its integration");
    let delivery_id = enqueue(tx, std::slice::from_ref(&delivery)).await?[0];
    sqlx::query(
        "UPDATE handoffs SET external_status = 'queued', external_updated_at = ? WHERE id = ?",
    )
    .bind(super::stored_time(at))
    .bind(id)
    .execute(&mut **tx)
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
