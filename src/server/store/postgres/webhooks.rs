//! What platforms' webhooks say about the tickets Desk delivered to them: each
//! webhook accepted once, whichever replica receives it, and the external
//! status of the handoffs it is about.

use jiff::Timestamp;
use sqlx::Row;

use super::{At, PostgresStore, parse_enum};
use crate::api::{ExternalStatus, IntegrationKind};
use crate::domain::external::{ExternalEvent, ExternalState};
use crate::server::store::StoreResult;
use crate::server::store::shared::WebhookMoves;

impl PostgresStore {
    /// Records a verified webhook once (the receipt's primary key makes a
    /// concurrent copy wait, then find it), and moves the external state of
    /// the handoffs its events are about as `advance` says, each row locked
    /// so that two webhooks about one ticket apply one after the other. A
    /// replay is `None` and changes nothing. Receipts of
    /// `kind` older than `forget_before` go first, in the same transaction.
    pub async fn accept_webhook(
        &self,
        kind: IntegrationKind,
        replay_digest: &str,
        events: &[ExternalEvent],
        advance: impl Fn(ExternalState, &ExternalEvent) -> ExternalState,
        forget_before: Option<Timestamp>,
    ) -> StoreResult<Option<Vec<String>>> {
        let mut tx = self.pool().begin().await?;
        let now = super::now();
        if let Some(before) = forget_before {
            sqlx::query("DELETE FROM webhook_receipts WHERE kind = $1 AND received_at < $2")
                .bind(kind.as_str())
                .bind(super::At(before))
                .execute(&mut *tx)
                .await?;
        }
        let fresh = sqlx::query(
            "INSERT INTO webhook_receipts (kind, digest, received_at) VALUES ($1, $2, $3) \
             ON CONFLICT DO NOTHING",
        )
        .bind(kind.as_str())
        .bind(replay_digest)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if fresh == 0 {
            return Ok(None);
        }
        let mut moves = WebhookMoves::new(kind);
        for event in events {
            let row = sqlx::query(
                "SELECT h.id, h.external_status, h.external_event_at, h.agent_key, \
                 h.ticket_number FROM handoffs h \
                 JOIN outbox o ON o.handoff_id = h.id \
                 WHERE h.external_id = $1 AND o.integration = $2 FOR UPDATE OF h",
            )
            .bind(&event.id)
            .bind(kind.as_str())
            .fetch_optional(&mut *tx)
            .await?;
            let Some(row) = row else { continue };
            let id: String = row.try_get("id")?;
            let status: Option<String> = row.try_get("external_status")?;
            let status: ExternalStatus = match status {
                Some(status) => parse_enum(&status)?,
                None => continue,
            };
            let last_event_at: Option<At> = row.try_get("external_event_at")?;
            let current = ExternalState {
                status,
                last_event_at: last_event_at.map(|at| at.0),
            };
            let Some(change) = WebhookMoves::change(current, advance(current, event)) else {
                continue;
            };
            sqlx::query(
                "UPDATE handoffs SET external_status = $1, external_event_at = $2, \
                 external_updated_at = CASE WHEN $3 THEN $4 ELSE external_updated_at END \
                 WHERE id = $5",
            )
            .bind(change.next.status.as_str())
            .bind(change.next.last_event_at.map(At))
            .bind(change.moved)
            .bind(now)
            .bind(&id)
            .execute(&mut *tx)
            .await?;
            if !change.moved {
                continue;
            }
            // Each move is an event, seen as the handoff's ticket is.
            let agent: String = row.try_get("agent_key")?;
            let number: Option<i64> = row.try_get("ticket_number")?;
            let ticket = match number {
                Some(number) => {
                    Some(super::tickets::fetch_ticket(&mut tx, number as u64, false).await?)
                }
                None => None,
            };
            moves.moved(
                (id, agent),
                event,
                (current.status, change.next.status),
                ticket.as_ref(),
            );
        }
        let (recorded, updated) = moves.finish();
        // Last: the event counter's row lock is held until commit.
        super::events::record(&mut tx, &recorded).await?;
        tx.commit().await?;
        Ok(Some(updated))
    }
}
