//! What platforms' webhooks say about the tickets Desk delivered to them: each
//! webhook accepted once, and the external status of the handoffs it is about.

use jiff::Timestamp;
use sqlx::Row;

use super::{SqliteStore, now, parse_enum, parse_time};
use crate::api::{ExternalStatus, IntegrationKind};
use crate::domain::external::{ExternalEvent, ExternalState};
use crate::server::store::shared::WebhookMoves;
use crate::server::store::{StoreResult, stored_time};

impl SqliteStore {
    /// Records a verified webhook once: the same request again is a replay
    /// (`None`), and changes nothing. Receipts of `kind` older than
    /// `forget_before` go first, in the same transaction. Each event moves the
    /// external state of the handoff whose ticket it is about, in order (a
    /// later event of the same webhook sees what an earlier one did); events
    /// about tickets Desk did not deliver are ignored; `advance` decides each
    /// move. Returns the handoffs whose status changed.
    pub async fn accept_webhook(
        &self,
        kind: IntegrationKind,
        replay_digest: &str,
        events: &[ExternalEvent],
        advance: impl Fn(ExternalState, &ExternalEvent) -> ExternalState,
        forget_before: Option<Timestamp>,
    ) -> StoreResult<Option<Vec<String>>> {
        let mut tx = self.write().await?;
        let now = now();
        if let Some(before) = forget_before {
            sqlx::query("DELETE FROM webhook_receipts WHERE kind = ? AND received_at < ?")
                .bind(kind.as_str())
                .bind(stored_time(before))
                .execute(&mut *tx)
                .await?;
        }
        let fresh = sqlx::query(
            "INSERT INTO webhook_receipts (kind, digest, received_at) VALUES (?, ?, ?) \
             ON CONFLICT DO NOTHING",
        )
        .bind(kind.as_str())
        .bind(replay_digest)
        .bind(&now)
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
                 WHERE h.external_id = ? AND o.integration = ?",
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
            let last_event_at: Option<String> = row.try_get("external_event_at")?;
            let current = ExternalState {
                status,
                last_event_at: last_event_at.as_deref().map(parse_time).transpose()?,
            };
            let Some(change) = WebhookMoves::change(current, advance(current, event)) else {
                continue;
            };
            sqlx::query(
                "UPDATE handoffs SET external_status = ?, external_event_at = ?, \
                 external_updated_at = CASE WHEN ? THEN ? ELSE external_updated_at END \
                 WHERE id = ?",
            )
            .bind(change.next.status.as_str())
            .bind(change.next.last_event_at.map(stored_time))
            .bind(change.moved)
            .bind(&now)
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
                Some(number) => Some(
                    tx.direct(|conn| super::tickets::fetch_ticket(conn, number as u64))
                        .await?,
                ),
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
        tx.direct(|conn| super::events::record(conn, &recorded))
            .await?;
        tx.commit().await?;
        Ok(Some(updated))
    }
}
