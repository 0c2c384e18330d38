//! Tickets counted by one column, over the same condition as the ticket list.

use super::{Direct, SqliteStore, all};
use crate::api::TicketCountBy;
use crate::server::store::rows::Fields;
use crate::server::store::shared::{Dialect, SearchPlan, count_column, ticket_condition};
use crate::server::store::{StoreResult, TicketFilter};

impl SqliteStore {
    /// How many tickets matching `filter` have each value of `by`, in no
    /// particular order; `None` is the group without a value.
    pub async fn ticket_counts(
        &self,
        filter: &TicketFilter,
        by: TicketCountBy,
    ) -> StoreResult<Vec<(Option<String>, u64)>> {
        self.read_direct(|conn| {
            let plan = super::ticket_search::count_plan(conn, filter)?;
            counts(conn, filter, by, plan)
        })
        .await
    }
}

/// [`SqliteStore::ticket_counts`] with its search text found by `plan`.
pub(super) fn counts(
    conn: &Direct,
    filter: &TicketFilter,
    by: TicketCountBy,
    plan: SearchPlan,
) -> StoreResult<Vec<(Option<String>, u64)>> {
    let column = count_column(by);
    let (condition, binds) = ticket_condition(filter, Dialect::Sqlite, plan);
    let sql = format!(
        "SELECT {column} AS value, COUNT(*) AS count FROM tickets WHERE {condition} \
         GROUP BY {column}"
    );
    all(conn, &sql, rusqlite::params_from_iter(binds), |row| {
        Ok((row.optional_text("value")?, row.int("count")? as u64))
    })
}
