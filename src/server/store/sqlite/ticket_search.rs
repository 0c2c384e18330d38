//! How a ticket query with a search text finds its tickets: from the FTS5
//! index `ticket_text` when the text is rare, walking tickets newest first
//! when it is common (see [`TextPlan`]). Owns no table: the index is written
//! by the triggers of migration 0013.

use super::SqliteStore;
use crate::server::store::shared::{TextPlan, fts_query, indexed_bound};
use crate::server::store::{StoreResult, TicketFilter};

impl SqliteStore {
    /// The plan for a page of `limit` tickets of `filter`: a bounded read of
    /// the index's candidates decides, and when they are few they are the
    /// plan, so the index is read once.
    pub(super) async fn text_plan(
        &self,
        filter: &TicketFilter,
        limit: u32,
    ) -> StoreResult<TextPlan> {
        let Some(query) = filter.text.as_deref().and_then(fts_query) else {
            return Ok(TextPlan::Walk);
        };
        let newest: Option<i64> = sqlx::query_scalar("SELECT MAX(number) FROM tickets")
            .fetch_one(self.pool())
            .await?;
        let bound = indexed_bound(limit, newest);
        let mut candidates: Vec<i64> = sqlx::query_scalar(
            "SELECT rowid >> 24 FROM ticket_text WHERE ticket_text MATCH ? LIMIT ?",
        )
        .bind(query)
        .bind(bound as i64)
        .fetch_all(self.pool())
        .await?;
        if candidates.len() as u64 >= bound {
            return Ok(TextPlan::Walk);
        }
        candidates.dedup();
        Ok(TextPlan::Among(crate::server::store::shared::encode(
            &candidates,
        )))
    }
}
