//! How a ticket query with a search text finds its tickets: from the pg_trgm
//! indexes of migration 0004 when the text is rare, walking tickets newest
//! first when it is common (see [`SearchPlan`]).

use super::PostgresStore;
use crate::server::store::shared::{
    SearchPlan, fold_ascii, folded_pattern, fts_query, indexed_bound,
};
use crate::server::store::{StoreResult, TicketFilter};

impl PostgresStore {
    /// The plan for a page of `limit` tickets of `filter`: a bounded count
    /// of the matching subjects and messages decides, as on SQLite.
    pub(super) async fn text_plan(
        &self,
        filter: &TicketFilter,
        limit: u32,
    ) -> StoreResult<SearchPlan> {
        let Some(text) = filter.text.as_deref() else {
            return Ok(SearchPlan::Walk);
        };
        if fts_query(text).is_none() {
            return Ok(SearchPlan::Walk);
        }
        let newest: Option<i64> = sqlx::query_scalar("SELECT MAX(number) FROM tickets")
            .fetch_one(self.pool())
            .await?;
        let bound = indexed_bound(limit, newest);
        let sql = format!(
            "SELECT COUNT(*) FROM (SELECT 1 FROM tickets WHERE {} LIKE $1 \
             UNION ALL SELECT 1 FROM timeline WHERE kind = 'message' AND {} LIKE $1 \
             LIMIT $2) AS m",
            fold_ascii("subject"),
            fold_ascii("body")
        );
        let candidates: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .bind(folded_pattern(text))
            .bind(bound as i64)
            .fetch_one(self.pool())
            .await?;
        Ok(if (candidates as u64) < bound {
            SearchPlan::Indexed
        } else {
            SearchPlan::Walk
        })
    }
}
