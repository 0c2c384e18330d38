//! The `handoffs` table: every accepted handoff, its decision, and for an inbox
//! outcome the ticket it created (and the owners' notices), all written in one
//! transaction.

use super::outbox::enqueue;
use super::tickets::{insert_ticket, team_state};
use super::{Direct, SqliteStore, all, execute, optional};
use crate::api::{ExternalStatus, ExternalTicket, Handoff, HandoffQuery, OutboxState};
use crate::server::store::rows;
use crate::server::store::shared::{
    FIRST_SAVEPOINT, after_batch_write, delivery_outcome, finish_handoff, recorded_handoff,
};
use crate::server::store::{
    CommittedBatch, FinishHandoff, Finished, HandoffBatch, HandoffWrite, NewOutbound, Recorded,
    StoreError, StoreResult, check_replay, stored_instant,
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

impl SqliteStore {
    /// Commits a batch of handoffs under one write lock and one `COMMIT`,
    /// each in a savepoint of its own (see [`Handoffs::commit_handoffs`]). The
    /// batch's statements run on the connection's handle directly; only the
    /// `COMMIT`, which waits for the disk (`synchronous = FULL`), goes through
    /// sqlx's worker: the batch is durable once it returns.
    ///
    /// [`Handoffs::commit_handoffs`]: crate::server::store::Handoffs::commit_handoffs
    pub async fn commit_handoffs(&self, batch: HandoffBatch) -> StoreResult<CommittedBatch> {
        let results = self
            .write_direct(|conn| {
                let count = batch.len();
                let mut results = Vec::with_capacity(count);
                conn.execute_batch(FIRST_SAVEPOINT)?;
                for (done, (write, finish)) in (1..).zip(batch) {
                    let result = record_one(conn, write, finish);
                    conn.execute_batch(after_batch_write(result.is_err(), done < count))?;
                    results.push(result);
                }
                Ok(results)
            })
            .await?;
        Ok(CommittedBatch {
            results,
            durable: None,
        })
    }
}

/// Records one handoff in the batch's transaction: an idempotency key seen
/// before returns the first result; otherwise `finish` completes the decision
/// from the team's assignment state as this transaction sees it, and the ticket
/// it describes, if any, is created with the handoff.
pub(super) fn record_one(
    conn: &Direct,
    write: HandoffWrite,
    finish: FinishHandoff,
) -> StoreResult<Recorded> {
    if let Some(key) = &write.idempotency_key
        && let Some((first, sha)) = by_key(conn, key)?
    {
        check_replay(key, &write.request_sha256, &sha, "handoff")?;
        return Ok(Recorded::Replayed(first));
    }
    let state = team_state(conn, write.team.as_deref())?;
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
            let (number, created) = insert_ticket(conn, &ticket)?;
            if let Some(notices) = notices {
                enqueue(conn, &notices(number))?;
            }
            Some((number, created))
        }
        None => None,
    };
    // Microseconds, as stored, so the answer equals what a later read returns.
    let created_at = stored_instant(write.at);
    execute(
        conn,
        &format!(
            "INSERT INTO handoffs ({COLUMNS}, request_sha256, sent_by) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        ),
        rusqlite::params![
            write.id,
            write.idempotency_key,
            write.request.agent,
            write.request.environment.as_str(),
            decision.outcome.as_str(),
            ticket.as_ref().map(|(number, _)| *number as i64),
            serde_json::to_string(&decision).expect("decisions serialize"),
            serde_json::to_string(&write.request).expect("requests serialize"),
            super::stored_time(created_at),
            write.request_sha256,
            write.sent_by,
        ],
    )?;
    let external = match delivery {
        Some(delivery) => Some(queue_delivery(conn, &write.id, delivery, created_at)?),
        None => None,
    };
    let (events, handoff) = recorded_handoff(write, decision, ticket, external, created_at);
    super::events::record(conn, &events)?;
    Ok(Recorded::Created(handoff))
}

/// The handoff accepted with `key`, with its request's SHA-256.
fn by_key(conn: &Direct, key: &str) -> StoreResult<Option<(Handoff, String)>> {
    optional(
        conn,
        &format!("SELECT {SELECT_COLUMNS}, request_sha256 FROM handoffs WHERE idempotency_key = ?"),
        [key],
        |row| Ok((rows::handoff(row)?, row.get("request_sha256")?)),
    )
}

impl SqliteStore {
    pub async fn get_handoff(&self, id: &str) -> StoreResult<Handoff> {
        self.read_direct(|conn| {
            optional(
                conn,
                &format!("SELECT {SELECT_COLUMNS} FROM handoffs WHERE id = ?"),
                [id],
                |row| rows::handoff(row),
            )
        })
        .await?
        .ok_or_else(|| StoreError::NotFound {
            what: "handoff",
            key: id.to_string(),
        })
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
        let environment = query.environment.map(|e| e.as_str());
        let outcome = query.outcome.map(|o| o.as_str());
        let since = query.since.map(super::stored_time);
        let until = query.until.map(super::stored_time);
        self.read_direct(|conn| {
            all(
                conn,
                &format!(
                    "SELECT {SELECT_COLUMNS} FROM handoffs \
                     WHERE (?1 IS NULL OR environment = ?1) AND (?2 IS NULL OR agent_key = ?2) \
                       AND (?3 IS NULL OR outcome = ?3) \
                       AND (?4 IS NULL OR created_at >= ?4) AND (?5 IS NULL OR created_at < ?5) \
                       AND (?6 IS NULL OR (created_at, id) < (?6, ?7)) \
                     ORDER BY created_at DESC, id DESC LIMIT ?8"
                ),
                rusqlite::params![
                    environment,
                    query.agent,
                    outcome,
                    since,
                    until,
                    before_time,
                    before_id,
                    i64::from(limit)
                ],
                |row| rows::handoff(row),
            )
        })
        .await
    }
}

impl SqliteStore {
    /// The handoff accepted with `key`, with its request's SHA-256.
    pub async fn find_handoff_by_key(&self, key: &str) -> StoreResult<Option<(Handoff, String)>> {
        self.read_direct(|conn| by_key(conn, key)).await
    }

    pub async fn handoff_sender(&self, id: &str) -> StoreResult<Option<String>> {
        self.read_direct(|conn| {
            optional(
                conn,
                "SELECT sent_by FROM handoffs WHERE id = ?",
                [id],
                |row| Ok(row.get::<_, Option<String>>("sent_by")?),
            )
        })
        .await?
        .ok_or_else(|| StoreError::NotFound {
            what: "handoff",
            key: id.to_string(),
        })
    }
}

/// Queues the delivery of handoff `id` to its platform and marks its external
/// ticket queued, in the handoff's transaction.
fn queue_delivery(
    conn: &Direct,
    id: &str,
    delivery: NewOutbound,
    at: jiff::Timestamp,
) -> StoreResult<ExternalTicket> {
    let kind = delivery
        .integration
        .expect("an external delivery names its integration");
    let delivery_id = enqueue(conn, std::slice::from_ref(&delivery))?[0];
    execute(
        conn,
        "UPDATE handoffs SET external_status = 'queued', external_updated_at = ? WHERE id = ?",
        rusqlite::params![super::stored_time(at), id],
    )?;
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
