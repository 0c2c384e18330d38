//! How a ticket query with a search text finds its tickets: from the FTS5
//! index `ticket_text` when the text is rare, walking tickets newest first
//! when it is common (see [`TextPlan`]). Owns no table: the index is written
//! by the triggers of migration 0013.

use super::{Direct, all, one};
use crate::server::store::shared::{TextPlan, fts_query, indexed_bound};
use crate::server::store::{StoreResult, TicketFilter};

/// The plan for a page of `limit` tickets of `filter`: a bounded read of the
/// index's candidates decides, and when they are few they are the plan, so
/// the index is read once.
pub(super) fn text_plan(conn: &Direct, filter: &TicketFilter, limit: u32) -> StoreResult<TextPlan> {
    let Some(query) = filter.text.as_deref().and_then(fts_query) else {
        return Ok(TextPlan::Walk);
    };
    let newest: Option<i64> = one(conn, "SELECT MAX(number) FROM tickets", [], |row| {
        Ok(row.get(0)?)
    })?;
    let bound = indexed_bound(limit, newest);
    let mut candidates: Vec<i64> = all(
        conn,
        "SELECT rowid >> 24 FROM ticket_text WHERE ticket_text MATCH ? LIMIT ?",
        rusqlite::params![query, bound as i64],
        |row| Ok(row.get(0)?),
    )?;
    if candidates.len() as u64 >= bound {
        return Ok(TextPlan::Walk);
    }
    candidates.dedup();
    Ok(TextPlan::Among(crate::server::store::shared::encode(
        &candidates,
    )))
}
